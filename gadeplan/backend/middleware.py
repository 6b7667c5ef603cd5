"""The outer guard of every request, as one small ASGI middleware.

It does three things FastAPI's routing cannot do early enough:

- refuses a missing or unsupported ``Gadeplan-Protocol`` header with ``426`` before anything
  else runs;
- reads the body once, inflating ``Content-Encoding: gzip`` with a hard cap, so neither a large
  body nor a small gzip bomb is ever held in memory beyond the limit (``413``);
- turns any unexpected exception into the contract's JSON ``500``, logging the exception's
  type and stack frames but never its message, which could quote personal data.
"""

from __future__ import annotations

import json
import logging
import traceback
import zlib
from typing import Any

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gadeplan.sync.schemas import (
    BASE_PATH,
    PROTOCOL_HEADER,
    SUPPORTED_PROTOCOL_VERSIONS,
    ErrorBody,
    ErrorCode,
)

log = logging.getLogger("gadeplan.backend")

#: A gzip body may be a little larger than what it inflates to (incompressible data).
_COMPRESSED_SLACK = 64 * 1024


class _TooLarge(Exception):
    pass


async def send_error(send: Send, status: int, body: ErrorBody, headers: dict[str, str]) -> None:
    payload = json.dumps(body.model_dump(exclude_none=True)).encode()
    raw_headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(payload)).encode()),
        *((k.lower().encode(), v.encode()) for k, v in headers.items()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": payload})


class GuardMiddleware:
    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            if scope["path"] == BASE_PATH or scope["path"].startswith(BASE_PATH + "/"):
                await self._protocol(scope, receive, tracking_send)
            else:
                await self.app(scope, receive, tracking_send)
        except Exception as exc:
            frames = "".join(traceback.format_tb(exc.__traceback__))
            log.error("unhandled %s on %s\n%s", type(exc).__name__, scope["path"], frames)
            if not started:
                await send_error(
                    send,
                    500,
                    ErrorBody(
                        error=ErrorCode.INTERNAL_ERROR, message="The server failed. Try again."
                    ),
                    {},
                )

    async def _protocol(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = Headers(scope=scope)
        version = headers.get(PROTOCOL_HEADER, "").strip()
        if version not in {str(v) for v in SUPPORTED_PROTOCOL_VERSIONS}:
            message = (
                f"Send the {PROTOCOL_HEADER} header."
                if not version
                else "This version of Gadeplan is too old or too new for the server. Update it."
            )
            await send_error(
                send, 426, ErrorBody(error=ErrorCode.UPGRADE_REQUIRED, message=message), {}
            )
            return
        if scope["method"] in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        encoding = headers.get("content-encoding", "identity").strip().lower()
        if encoding not in ("identity", "", "gzip"):
            await send_error(
                send,
                415,
                ErrorBody(
                    error=ErrorCode.UNSUPPORTED_ENCODING,
                    message="Request bodies may be sent plain or with gzip.",
                ),
                {},
            )
            return
        try:
            body = await self._read(receive, encoding == "gzip")
        except _TooLarge:
            await send_error(
                send,
                413,
                ErrorBody(
                    error=ErrorCode.PAYLOAD_TOO_LARGE,
                    message="The request body is too large.",
                    limit=self.max_body,
                ),
                {},
            )
            return
        except zlib.error:
            await send_error(
                send,
                400,
                ErrorBody(error=ErrorCode.MALFORMED_BODY, message="The gzip body is damaged."),
                {},
            )
            return
        new_headers: list[tuple[bytes, bytes]] = [
            (k, v)
            for k, v in scope["headers"]
            if k.lower() not in (b"content-encoding", b"content-length")
        ]
        new_headers.append((b"content-length", str(len(body)).encode()))
        inner_scope: dict[str, Any] = {**scope, "headers": new_headers}
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(inner_scope, replay, send)

    async def _read(self, receive: Receive, gzipped: bool) -> bytes:
        cap = self.max_body + (_COMPRESSED_SLACK if gzipped else 0)
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > cap:
                raise _TooLarge
            chunks.append(chunk)
            more = message.get("more_body", False)
        raw = b"".join(chunks)
        if not gzipped:
            return raw
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        body = inflater.decompress(raw, self.max_body + 1)
        if len(body) > self.max_body:
            raise _TooLarge
        if not inflater.eof:
            raise zlib.error("truncated gzip stream")
        return body
