"""HTTP to the municipal backend: TLS always verified, the protocol header, compression, and
the protocol's errors turned into exceptions the engine can act on.

Trust comes from the operating system's store (``truststore``), as the municipality's IT
manages it, plus an optional municipal CA file from machine policy. Plain HTTP is allowed only
to this machine (the demo backend and tests), never across a network. The system proxy is
honoured (``trust_env``).
"""

from __future__ import annotations

import gzip
import json
import ssl
import sys
from typing import Any

import httpx
import truststore

from gadeplan.sync.errors import (
    DeviceRevoked,
    MutationGap,
    Offline,
    ProtocolError,
    RateLimited,
    ResetRequired,
    ServerUnavailable,
    TooLarge,
    Unauthorized,
    UntrustedServer,
    UpgradeRequired,
    check_server_url,
)
from gadeplan.sync.schemas import PROTOCOL_HEADER, PROTOCOL_VERSION

#: Compress request bodies above this size; small ones are not worth the CPU.
GZIP_ABOVE = 2048


def ssl_context(ca_file: str | None = None) -> ssl.SSLContext:
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_file:
        context.load_verify_locations(cafile=ca_file)
    return context


def trust_summary(ca_file: str | None = None) -> str:
    """What verifies the backend's certificate, in one line, for ``gadeplan self-test``.

    Builds the same context as a sync (so a municipal CA file that does not load fails here,
    with the ssl or OS error, not at the first sync). On Windows and macOS the operating
    system checks each chain itself and has no count to give; on Linux truststore reads the
    distribution's CA bundle when a connection starts, so the bundle it would find is loaded
    into a scratch context to count it: zero means no sync can succeed.
    """
    ssl_context(ca_file)
    extra = ""
    if ca_file:  # truststore's context keeps no count of its own: load the file once more
        own = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        own.load_verify_locations(cafile=ca_file)
        extra = f"; plus the policy's CA file ({own.cert_store_stats()['x509_ca']} CA)"
    if sys.platform == "win32":
        return "the Windows certificate store checks each server" + extra
    if sys.platform == "darwin":
        return "the macOS keychain's trust settings check each server" + extra
    from truststore import _openssl  # Linux's half of truststore (pure Python)

    configure = getattr(_openssl, "_configure_context", None)
    if configure is None:  # truststore changed its insides: say what is known, not a guess
        return "the system's CA store through truststore" + extra
    scratch = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    with configure(scratch):
        count = scratch.cert_store_stats()["x509_ca"]
    if count:
        return f"the system's CA store: {count} CA certificates" + extra
    # A hashed-certificate folder is read lazily, per connection, so it counts as empty.
    capath = ssl.get_default_verify_paths().capath
    if capath and _openssl._capath_contains_certs(capath):
        return f"the system's CA folder {capath}" + extra
    raise ssl.SSLError("no CA certificates in the system store (install ca-certificates)")


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
            if _certificate_refused(exc):
                raise UntrustedServer("the server's certificate is not trusted") from exc
            raise Offline("no connection to the server") from exc
        return _answer(response)


def _certificate_refused(exc: BaseException) -> bool:
    """Whether a failed connection was TLS refusing the server's certificate (httpx wraps
    ssl's error in its own, sometimes more than once)."""
    seen: BaseException | None = exc
    for _ in range(8):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


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
