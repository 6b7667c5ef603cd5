"""What the transport makes of the server's answers, and how it writes a request body, over
real HTTP to a small server on 127.0.0.1 that answers what a broken proxy or server might."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from gadeplan.sync.errors import ProtocolError, ServerUnavailable
from gadeplan.sync.transport import Transport

#: path -> (status, content type, body)
ANSWERS: dict[str, tuple[int, str, bytes]] = {
    "/object": (200, "application/json", '{"navn":"Søren Ø","antal":3}'.encode()),
    "/list": (200, "application/json", b"[1,2,3]"),
    "/broken": (200, "application/json", b'{"changes": [1, 2'),
    "/proxy": (502, "text/html", b"<html><body>Bad Gateway</body></html>"),
}


class _Handler(BaseHTTPRequestHandler):
    received: ClassVar[list[bytes]] = []

    def _answer(self) -> None:
        status, kind, body = ANSWERS.get(self.path, (200, "application/json", b"{}"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        _Handler.received.append(self.rfile.read(length))
        self._answer()

    def log_message(self, *_args: Any) -> None:  # keep the test output quiet
        pass


@pytest.fixture
def transport() -> Iterator[Transport]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Handler.received.clear()
    client = Transport(f"http://127.0.0.1:{server.server_address[1]}")
    try:
        yield client
    finally:
        server.shutdown()
        server.server_close()


def test_a_json_object_is_read_with_its_danish_letters(transport: Transport) -> None:
    assert transport.get("/object") == {"navn": "Søren Ø", "antal": 3}


@pytest.mark.parametrize("path", ["/list", "/broken"])
def test_an_answer_that_is_not_a_json_object_is_a_protocol_error(
    transport: Transport, path: str
) -> None:
    with pytest.raises(ProtocolError):
        transport.get(path)


def test_a_proxy_error_page_is_the_server_being_unavailable(transport: Transport) -> None:
    with pytest.raises(ServerUnavailable):
        transport.get("/proxy")


def test_a_request_body_is_compact_utf8_json(transport: Transport) -> None:
    body = {"alias": "Ræven", "note": 'sagde "nej"\n', "antal": 2}
    transport.post("/object", body)
    sent = _Handler.received[-1]
    assert sent == json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
