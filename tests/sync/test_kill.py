"""kill -9 of the client and of the server in the middle of syncs, then restart on the same
files: nothing lost, nothing applied twice, no gap in the mutation ids, and convergence."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import Person
from gadeplan.app.policy import Policy
from gadeplan.app.services.profile import create_profile, open_profile
from gadeplan.app.services.sync import SyncService
from gadeplan.backend.admin import Admin
from gadeplan.backend.db import Database
from gadeplan.sync.errors import SyncError
from gadeplan.sync.schemas import PATH_PULL
from gadeplan.sync.transport import Transport
from tests.backend.support import PASSWORD, MovableClock, Server, make_settings
from tests.support import FAST_KDF, PASSPHRASE
from tests.sync.conftest import Laptop

ROUNDS = 8


def _local_state(session: Any) -> dict[str, dict[str, Any]]:
    with session.store.read() as conn:
        rows = conn.execute(
            "SELECT id, data FROM record WHERE deleted = 0 AND entity IN ('person')"
        ).fetchall()
    return {rid: json.loads(data) for rid, data in rows}


def _server_last_mutation_id(sync: SyncService) -> int:
    engine = sync._engine_for()
    answer = engine.transport.post(PATH_PULL, {"cursor": None, "limit": 1}, token=engine._token())
    return int(answer["last_mutation_id"])


@pytest.mark.slow
@pytest.mark.usefixtures("no_keychain")
def test_client_killed_mid_sync_loses_nothing(backend: Server, tmp_path: Path) -> None:
    team = backend.team()
    username = backend.worker(team)
    folder = tmp_path / "laptop"
    session = create_profile(folder, PASSPHRASE, policy=Policy(), kdf=FAST_KDF).session
    signing_in = SyncService(session, Policy())
    signing_in.register(backend.base_url, username, PASSWORD, "Bærbar")
    signing_in.close()
    session.lock()

    rng = random.Random(20261125)
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    for round_no in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.sync.kill_client", str(folder), str(round_no)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdin is not None
        assert child.stdout is not None
        child.stdin.write(PASSPHRASE + "\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "ready"
        for _ in range(rng.randrange(0, 4)):
            child.stdout.readline()  # let it finish a few syncs first
        time.sleep(rng.uniform(0.0, 0.15))  # then kill it anywhere in the next one
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdin.close()
        child.stdout.close()

    session = open_profile(folder, PASSPHRASE)
    try:
        assert session.integrity_problems() == []
        sync = SyncService(session, Policy())
        sync.sync_once()
        sync.sync_once()
        assert sync.status().unsent_changes == 0
        with session.store.read() as conn:
            next_id = int(
                conn.execute(
                    "SELECT value FROM local_state WHERE key = 'next_mutation_id'"
                ).fetchone()[0]
            )
        # Exactly once: the server applied every mutation this laptop ever made, and no more.
        assert _server_last_mutation_id(sync) == next_id - 1
        local = _local_state(session)
        assert len(local) >= ROUNDS  # the children did work
        sync.close()
    finally:
        session.lock()
    # A second laptop of the same worker sees exactly what the first one holds.
    other = Laptop(tmp_path / "other", backend, username)
    try:
        other.sync.sync_once()
        assert _local_state(other.session) == local
    finally:
        other.close()


def _free_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = int(sock.getsockname()[1])
    sock.close()
    return port


class ServerProcess:
    """`gadeplan-server serve` as its own process, to be killed with SIGKILL."""

    def __init__(self, db_url: str, port: int) -> None:
        self.db_url = db_url
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gadeplan.backend.cli",
                "--db",
                self.db_url,
                "serve",
                "--port",
                str(self.port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the server did not start")

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)


@pytest.fixture
def server_process(tmp_path: Path) -> Iterator[tuple[ServerProcess, Admin]]:
    db_url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    settings = make_settings(db_url)
    db = Database(db_url)
    admin = Admin(db, settings, MovableClock())
    admin.init_db()
    process = ServerProcess(db_url, _free_port())
    process.start()
    yield process, admin
    if process.proc is not None and process.proc.poll() is None:
        process.kill()
    db.dispose()


def _sync_ignoring_network(sync: SyncService) -> None:
    with contextlib.suppress(SyncError):  # the server was killed under it: expected
        sync.sync_once()


@pytest.mark.slow
def test_server_killed_mid_sync_loses_nothing(
    server_process: tuple[ServerProcess, Admin], tmp_path: Path
) -> None:
    server, admin = server_process
    admin.add_team("Gadeteam")
    admin.add_worker("kim", PASSWORD, ["Gadeteam"])
    session = create_profile(tmp_path / "laptop", PASSPHRASE, policy=Policy(), kdf=FAST_KDF).session
    transport = Transport(server.url)
    sync = SyncService(session, Policy(), transport=transport, attempts=2)
    sync.register(server.url, "kim", PASSWORD, "Bærbar")
    rng = random.Random(7)
    try:
        for _ in range(ROUNDS):
            for _ in range(rng.randrange(5, 40)):
                session.create_person(
                    Person(id=new_id(), team_id=session.identity.team_id, alias="Kill"),
                    confirmed_new=True,
                )
            worker = threading.Thread(target=_sync_ignoring_network, args=(sync,))
            worker.start()
            time.sleep(rng.uniform(0.0, 0.3))
            server.kill()  # anywhere: before, during or after the push or the pull
            worker.join(timeout=60)
            server.start()
        sync.sync_once()
        sync.sync_once()
        assert sync.status().unsent_changes == 0
        with session.store.read() as conn:
            next_id = int(
                conn.execute(
                    "SELECT value FROM local_state WHERE key = 'next_mutation_id'"
                ).fetchone()[0]
            )
        assert _server_last_mutation_id(sync) == next_id - 1
        local = _local_state(session)
    finally:
        session.lock()
        transport.close()
    other_session = create_profile(
        tmp_path / "other", PASSPHRASE, policy=Policy(), kdf=FAST_KDF
    ).session
    other_transport = Transport(server.url)
    other = SyncService(other_session, Policy(), transport=other_transport)
    try:
        other.register(server.url, "kim", PASSWORD, "Anden bærbar")
        other.sync_once()
        assert _local_state(other_session) == local
    finally:
        other_session.lock()
        other_transport.close()
