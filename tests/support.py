"""Test doubles for what is outside our control: the OS keychain and the clock."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import keyring.backend
from keyring.errors import PasswordDeleteError

from gadeplan.storage.keys import KdfParams

#: Argon2id parameters small enough for a test suite. The program never uses them: the
#: default (64 MiB, 3 passes) is asserted in tests/storage/test_keys.py.
FAST_KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)

PASSPHRASE = "korrekt hest batteri hæfteklamme"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """Stands in for the OS keychain in CI (which has no Secret Service)."""

    priority = 1.0

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("no such entry")


class FixedClock:
    """A clock that moves only when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        self.current = start or datetime(2026, 11, 25, 10, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.current

    def today(self) -> date:
        return self.current.date()

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


def run_quick_bench(script: str, results: Path, *args: str, timeout: int = 240) -> str:
    """Run ``bench/<script>.py --quick`` with its results in ``results``; its printout. The
    smoke tests of the benchmarks only show that each still runs and reports: timings depend
    on the machine and are never asserted."""
    bench = Path(__file__).resolve().parents[1] / "bench" / f"{script}.py"
    done = subprocess.run(
        [sys.executable, str(bench), "--quick", "--results-dir", str(results), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def quick_result(results: Path, pattern: str) -> dict[str, Any]:
    """The one result file a quick benchmark run wrote."""
    (saved,) = results.glob(pattern)
    data: dict[str, Any] = json.loads(saved.read_text("utf-8"))
    return data
