"""Time, injectable: tests need to move it, skew it and freeze it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """Aware UTC time."""
        ...

    def today(self) -> date:
        """The local calendar date, which is what due dates and ages are about."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return datetime.now().astimezone().date()


def wall_millis(clock: Clock) -> int:
    return int(clock.now().timestamp() * 1000)
