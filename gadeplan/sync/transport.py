"""HTTP to the municipal backend: TLS always verified, the protocol header, compression, and
the protocol's errors turned into exceptions the engine can act on.

Trust comes from the operating system's store (``truststore``), as the municipality's IT
manages it, plus an optional municipal CA file from machine policy. Plain HTTP is allowed only
to this machine (the demo backend and tests), never across a network. The system proxy is
honoured (``trust_env``).
"""

from __future__ import annotations

import gzip
import ipaddress
import json
import ssl
from typing import Any
from urllib.parse import urlsplit

import httpx
import truststore

from gadeplan.sync.schemas import PROTOCOL_HEADER, PROTOCOL_VERSION

#: Compress request bodies above this size; small ones are not worth the CPU.
GZIP_ABOVE = 2048


class SyncError(Exception):
    """A sync failure with a stable ``code`` the UI turns into a sentence in Danish."""

    code = "sync_error"
    #: Worth trying again later without the worker doing anything.
    transient = False


class Offline(SyncError):
    code = "offline"
    transient = True


class ServerUnavailable(SyncError):
    code = "server_unavailable"
    transient = True


class Unauthorized(SyncError):
    code = "unauthorized"


class DeviceRevoked(SyncError):
    """The backend revoked this laptop: the local store must be wiped (remote wipe)."""

    code = "device_revoked"


class UpgradeRequired(SyncError):
    code = "upgrade_required"


class ResetRequired(SyncError):
    code = "reset_required"


class MutationGap(SyncError):
    code = "mutation_gap"

    def __init__(self, expected: int) -> None:
        super().__init__(f"the server expects mutation {expected}")
        self.expected = expected


class TooLarge(SyncError):
    code = "too_large"


class RateLimited(SyncError):
    code = "rate_limited"
    transient = True


class ProtocolError(SyncError):
    """The server answered something the protocol does not allow: a bug on one side."""

    code = "protocol_error"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_server_url(url: str) -> str:
    """The backend's base URL, without a trailing slash; refuses plain HTTP off this machine."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValueError("the server address must start with https://")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise ValueError("the server address must use https://")
    if parts.username or parts.password or parts.query or parts.fragment:
        raise ValueError("the server address must not hold credentials, a query or a fragment")
    return url.strip().rstrip("/")


def ssl_context(ca_file: str | None = None) -> ssl.SSLContext:
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_file:
        context.load_verify_locations(cafile=ca_file)
    return context


class Transport:
    """One backend. Holds no secrets beyond the access token the engine passes per call."""

    def __init__(
        self,
        base_url: str,
        *,
        ca_file: str | None = None,
        timeout: float = 30.0,
        http_transport: httpx.BaseTransport | None = None,
    ) -> None:
        """``http_transport`` is for tests that inject network faults below the client."""
        self.base_url = check_server_url(base_url)
        self._client = httpx.Client(
            base_url=self.base_url,
            verify=ssl_context(ca_file),
            timeout=httpx.Timeout(timeout, connect=10.0),
            trust_env=True,
            headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION), "User-Agent": "Gadeplan"},
            transport=http_transport,
        )

    def close(self) -> None:
        self._client.close()

    def get(self, path: str) -> dict[str, Any]:
        return self._send("GET", path, None, None)

    def post(self, path: str, body: dict[str, Any], token: str | None = None) -> dict[str, Any]:
        return self._send("POST", path, body, token)

    def _send(
        self, method: str, path: str, body: dict[str, Any] | None, token: str | None
    ) -> dict[str, Any]:
        headers: dict[str, str] = {}
        content: bytes | None = None
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if body is not None:
            content = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
            headers["Content-Type"] = "application/json"
            if len(content) > GZIP_ABOVE:
                content = gzip.compress(content, compresslevel=5)
                headers["Content-Encoding"] = "gzip"
        try:
            response = self._client.request(method, path, content=content, headers=headers)
        except httpx.TimeoutException as exc:
            raise ServerUnavailable("the server did not answer in time") from exc
        except httpx.TransportError as exc:
            raise Offline("no connection to the server") from exc
        return _answer(response)


def _answer(response: httpx.Response) -> dict[str, Any]:
    status = response.status_code
    try:
        data = response.json()
    except ValueError:
        data = None
    if 200 <= status < 300:
        if not isinstance(data, dict):
            raise ProtocolError(f"the server's answer ({status}) is not a JSON object")
        return data
    error = data.get("error") if isinstance(data, dict) else None
    if status >= 500:
        raise ServerUnavailable(f"the server failed ({status})")
    if status == 401 and error == "device_revoked":
        raise DeviceRevoked("this device was revoked at the backend")
    if status == 401:
        raise Unauthorized(str(error or "unauthorized"))
    if status == 426:
        raise UpgradeRequired("the server needs a newer Gadeplan")
    if status == 410:
        raise ResetRequired("the server asks for a full pull")
    if status == 409 and error == "mutation_gap" and isinstance(data, dict):
        raise MutationGap(int(data.get("expected", 0)))
    if status == 413:
        raise TooLarge("the server refused a request as too large")
    if status == 429:
        raise RateLimited("too many attempts; the server asks to wait")
    raise ProtocolError(f"the server refused the request ({status}, {error or 'no code'})")
