"""Hybrid logical clock, as the sync protocol defines it.

A timestamp is ``<13-digit unix ms>-<5-digit counter>-<device_id>`` and sorts lexically. The
clock never goes backwards, even when the computer's wall clock does, and it moves past every
timestamp it has observed, so a laptop with a wrong clock still orders its edits after what it
has seen from the server.
"""

from __future__ import annotations

from collections.abc import Callable

import msgspec

MAX_COUNTER = 99_999


class Timestamp(msgspec.Struct, frozen=True, order=True):
    millis: int
    counter: int
    device_id: str

    def __str__(self) -> str:
        return f"{self.millis:013d}-{self.counter:05d}-{self.device_id}"

    @classmethod
    def parse(cls, text: str) -> Timestamp:
        millis, counter, device_id = text.split("-", 2)
        if len(millis) != 13 or len(counter) != 5 or not device_id:
            raise ValueError("not a hybrid logical clock timestamp")
        return cls(int(millis), int(counter), device_id)


class HybridLogicalClock:
    """Issues strictly increasing timestamps for one device.

    ``wall_millis`` is injected so tests can skew or freeze time.
    """

    def __init__(
        self, device_id: str, wall_millis: Callable[[], int], last: str | None = None
    ) -> None:
        self.device_id = device_id
        self._wall = wall_millis
        self._millis = 0
        self._counter = 0
        if last:
            ts = Timestamp.parse(last)
            self._millis, self._counter = ts.millis, ts.counter

    @property
    def last(self) -> str:
        return str(Timestamp(self._millis, self._counter, self.device_id))

    def now(self) -> str:
        """A timestamp for a local event, higher than every one issued or observed before."""
        wall = self._wall()
        if wall > self._millis:
            self._millis, self._counter = wall, 0
        else:
            self._tick()
        return self.last

    def observe(self, remote: str) -> None:
        """Move past a timestamp seen from elsewhere (a pull's ``server_hlc``)."""
        ts = Timestamp.parse(remote)
        if (ts.millis, ts.counter) > (self._millis, self._counter):
            self._millis, self._counter = ts.millis, ts.counter

    def _tick(self) -> None:
        if self._counter >= MAX_COUNTER:
            self._millis += 1
            self._counter = 0
        else:
            self._counter += 1
