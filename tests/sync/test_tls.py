"""TLS as IT meets it: a server whose certificate this computer does not trust is reported as
such (not as "offline"), and the machine policy's ``ca_certificate`` makes it trusted.

A real HTTPS server on 127.0.0.1 with a certificate from a throw-away CA (trustme), the real
Transport with its truststore context.
"""

from __future__ import annotations

import json
import socket
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import trustme

from gadeplan.sync.errors import Offline, UntrustedServer
from gadeplan.sync.transport import Transport


class _Answer(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = json.dumps({"ok": True}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA(organization_name="Test municipality")


@pytest.fixture(scope="module")
def https_url(ca: trustme.CA) -> Iterator[str]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Answer)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_an_untrusted_certificate_is_not_called_offline(https_url: str) -> None:
    transport = Transport(https_url, timeout=5)
    try:
        with pytest.raises(UntrustedServer) as caught:
            transport.get("/api/meta")
        assert not caught.value.transient
    finally:
        transport.close()


def test_the_policy_ca_certificate_makes_the_server_trusted(
    https_url: str, ca: trustme.CA, tmp_path: Path
) -> None:
    pem = tmp_path / "kommune-ca.pem"
    ca.cert_pem.write_to_path(str(pem))
    transport = Transport(https_url, ca_file=str(pem), timeout=5)
    try:
        assert transport.get("/api/meta") == {"ok": True}
    finally:
        transport.close()


def test_a_closed_port_is_offline() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    transport = Transport(f"https://127.0.0.1:{port}", timeout=5)
    try:
        with pytest.raises(Offline):
            transport.get("/api/meta")
    finally:
        transport.close()
