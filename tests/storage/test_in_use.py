"""One program at a time per profile: a second open is told at once, in this process or
another, and every way out of an open gives the profile back."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from gadeplan.storage.db import Store
from gadeplan.storage.errors import DamagedStore, StoreLocked

_HOLDER = """
import sys
from pathlib import Path
from gadeplan.storage.db import Store

store = Store.open(Path(sys.argv[1]), bytes.fromhex(sys.argv[2]))
print("open", flush=True)
sys.stdin.readline()  # held until the test says so, or until this process dies
store.close()
"""


def test_a_second_open_in_the_same_program_is_refused(tmp_path: Path) -> None:
    dek = secrets.token_bytes(32)
    store = Store.open(tmp_path / "db", dek)
    with pytest.raises(StoreLocked):
        Store.open(tmp_path / "db", dek)
    store.close()
    Store.open(tmp_path / "db", dek).close()


def test_another_program_holding_the_profile_is_told_at_once(tmp_path: Path) -> None:
    dek = secrets.token_bytes(32)
    Store.open(tmp_path / "db", dek).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(tmp_path / "db"), dek.hex()],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ},
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreLocked):
            Store.open(tmp_path / "db", dek)
    finally:
        holder.kill()  # a program that dies gives the profile back: the OS drops its lock
        holder.communicate(timeout=30)
    Store.open(tmp_path / "db", dek).close()


def test_a_failed_open_gives_the_profile_back(tmp_path: Path) -> None:
    dek = secrets.token_bytes(32)
    Store.open(tmp_path / "db", dek).close()
    with pytest.raises(DamagedStore):
        Store.open(tmp_path / "db", secrets.token_bytes(32))
    Store.open(tmp_path / "db", dek).close()
