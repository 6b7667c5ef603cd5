"""A full disk is told plainly, and loses nothing that was acknowledged."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import Channel, Encounter
from gadeplan.app.policy import Policy
from gadeplan.app.services.profile import create_profile, open_profile
from gadeplan.app.services.session import Session
from gadeplan.storage.db import translate_error
from gadeplan.storage.errors import DamagedStore, DiskFull, StoreError
from tests.support import FAST_KDF, PASSPHRASE


def test_driver_errors_are_translated_without_their_text() -> None:
    import sqlcipher3

    full = translate_error(sqlcipher3.OperationalError("database or disk is full"))
    assert isinstance(full, DiskFull)
    damaged = translate_error(sqlcipher3.DatabaseError("file is not a database"))
    assert isinstance(damaged, DamagedStore)
    other = translate_error(sqlcipher3.OperationalError("no such column: Søren"))
    assert type(other) is StoreError
    assert "Søren" not in str(other)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MiB tmpfs: a real ENOSPC, not a simulated one. Needs root (CI runs as root)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    mount = tmp_path / "tiny"
    mount.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2M", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip("this sandbox does not allow mounting a tmpfs")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(session: Session, acknowledged: list[str]) -> None:
    """Log encounters with long notes until the disk is full; remember what was saved."""
    note = "x" * 20_000
    for _ in range(1_000):
        encounter = Encounter(
            id=new_id(),
            team_id=session.identity.team_id,
            occurred_at=datetime(2026, 11, 25, tzinfo=UTC),
            channel=Channel.STREET,
            approx_age=20,
            note=note,
        )
        session.log_encounter(encounter)
        acknowledged.append(encounter.id)


def test_disk_full_is_reported_and_acknowledged_writes_survive(tiny_disk: Path) -> None:
    folder = tiny_disk / "profile"
    session = create_profile(folder, PASSPHRASE, policy=Policy(), kdf=FAST_KDF).session
    acknowledged: list[str] = []
    with pytest.raises(DiskFull):
        _fill(session, acknowledged)
    assert acknowledged, "the disk filled before anything was written; make it larger"
    session.lock()

    again = open_profile(folder, PASSPHRASE)
    try:
        assert again.integrity_problems() == []
        stored = {e.id for e in again.repo.all(Encounter)}
        assert set(acknowledged) <= stored
    finally:
        again.lock()
