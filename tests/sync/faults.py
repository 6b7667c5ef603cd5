"""A fault-injecting HTTP transport between a client engine and the real server.

It sits below httpx's client, so the engine sees exactly what a bad network does to it:
connections refused, answers lost after the server committed, requests delivered twice,
gateways answering 503, and time-outs. Seeded, so a failing run can be repeated.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import httpx

FAULTS = ("drop", "lost_response", "duplicate", "server_error", "timeout")


@dataclass
class FaultCounts:
    requests: int = 0
    injected: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FAULTS, 0))


class FaultyTransport(httpx.BaseTransport):
    def __init__(self, seed: int, rate: float = 0.0) -> None:
        self._inner = httpx.HTTPTransport()
        self._rng = random.Random(seed)
        self.rate = rate
        self.counts = FaultCounts()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.counts.requests += 1
        fault = self._rng.choice(FAULTS) if self._rng.random() < self.rate else None
        if fault is not None:
            self.counts.injected[fault] += 1
        if fault == "drop":
            raise httpx.ConnectError("injected: connection refused", request=request)
        if fault == "server_error":
            return httpx.Response(
                503, json={"error": "unavailable", "message": "injected"}, request=request
            )
        if fault == "timeout":
            raise httpx.ReadTimeout("injected: no answer", request=request)
        response = self._send(request)
        if fault == "lost_response":
            # The server has committed; the answer never arrives.
            raise httpx.ReadTimeout("injected: answer lost", request=request)
        if fault == "duplicate":
            # The same request reaches the server twice; the client sees the second answer.
            response = self._send(request)
        return response

    def _send(self, request: httpx.Request) -> httpx.Response:
        response = self._inner.handle_request(request)
        content = response.read()  # decoded
        response.close()
        headers = [
            (k, v)
            for k, v in response.headers.items()
            if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")
        ]
        return httpx.Response(
            response.status_code, headers=headers, content=content, request=request
        )

    def close(self) -> None:
        self._inner.close()
