"""``gadeplan-server``: the administrator's commands, on both databases, and the migrations."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select

from gadeplan.app.domain.clock import SystemClock
from gadeplan.backend.admin import DEMO_PASSWORD, DEMO_TEAM, DEMO_USERNAME
from gadeplan.backend.auth import AuthService
from gadeplan.backend.cli import EXIT_DATA, EXIT_USAGE, run
from gadeplan.backend.db import Database
from gadeplan.backend.models import Base, Device, Worker
from gadeplan.backend.security import Passwords
from gadeplan.backend.settings import Settings
from gadeplan.sync.schemas import RegisterRequest
from tests.backend.conftest import DatabaseFactory


def cli(url: str, *args: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--db", url, *args], out, err, io.StringIO(stdin))
    return code, out.getvalue(), err.getvalue()


def test_admin_commands(databases: DatabaseFactory) -> None:
    url = databases.new_url()
    assert cli(url, "init-db") == (0, "Database created.\n", "")
    assert cli(url, "init-db") == (0, "Database is up to date.\n", "")
    code, team_id, _ = cli(url, "add-team", "Gadeteam Nord")
    assert code == 0
    assert len(team_id.strip()) == 36
    code, _, err = cli(url, "add-team", "Gadeteam Nord")
    assert code == EXIT_DATA
    assert "exists" in err
    code, worker_id, _ = cli(
        url,
        "add-worker",
        "mette",
        "--team",
        "Gadeteam Nord",
        "--password-stdin",
        "--admin",
        stdin="s3kret-kode\n",
    )
    assert code == 0
    code, _, err = cli(
        url, "add-worker", "ole", "--team", "Ingen", "--password-stdin", stdin="kode\n"
    )
    assert code == EXIT_DATA
    assert "team" in err
    code, _, err = cli(url, "add-worker", "ole", "--team", "Gadeteam Nord", "--password-stdin")
    assert code == EXIT_DATA
    assert "password" in err

    db = Database(url)
    try:
        with db.read() as session:
            worker = session.get(Worker, worker_id.strip())
            assert worker is not None
            assert worker.is_admin
            assert worker.username == "mette"
            assert "s3kret" not in worker.password_hash
        # A device, as registration would make it, to list and revoke.
        settings = Settings(db_url=url)
        auth = AuthService(db, settings, SystemClock(), Passwords(settings.password_hashing))
        device_id = auth.register(
            RegisterRequest(username="mette", password="s3kret-kode", device_name="Bærbar"),
            "127.0.0.1",
        ).device_id
        code, listing, _ = cli(url, "list-devices", "mette")
        assert code == 0
        assert device_id in listing
        assert "active" in listing
        assert cli(url, "revoke-device", device_id)[0] == 0
        assert "revoked" in cli(url, "list-devices")[1]
        assert cli(url, "revoke-device", "d-nope")[0] == EXIT_DATA
        with db.read() as session:
            assert session.scalar(select(Device.revoked_at).where(Device.id == device_id))

        code, out, _ = cli(url, "new-epoch")
        assert code == 0
        assert "New epoch" in out
        code, out, _ = cli(url, "retention")
        assert code == 0
        assert "RetentionReport" in out
        code, out, _ = cli(url, "audit-extract", "0193aaaa-0000-7000-8000-000000000000")
        assert code == 0
        assert '"server_log": []' in out
    finally:
        db.dispose()


def test_demo_is_idempotent(databases: DatabaseFactory) -> None:
    url = databases.new_url()
    expected = f"Demo worker: {DEMO_USERNAME} / {DEMO_PASSWORD}\n"
    assert cli(url, "demo") == (0, expected, "")
    assert cli(url, "demo") == (0, expected, "")
    assert cli(url, "add-team", DEMO_TEAM)[0] == EXIT_DATA


def test_migrations_match_the_models(databases: DatabaseFactory) -> None:
    url = databases.new_url()
    db = Database(url)
    try:
        db.migrate()
        db.migrate()  # idempotent
        with db.engine.connect() as conn:
            diff = compare_metadata(
                MigrationContext.configure(conn, opts={"compare_type": False}), Base.metadata
            )
        assert diff == []
    finally:
        db.dispose()


def test_unusable_database_is_a_plain_message(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    code, _, err = cli(url, "add-team", "X")
    assert code != 0
    assert "init-db" in err
    assert "Traceback" not in err


def test_serve_needs_both_tls_files() -> None:
    out, err = io.StringIO(), io.StringIO()
    code = run(["serve", "--tls-cert", "cert.pem"], out, err, io.StringIO())
    assert code == EXIT_USAGE
    assert "--tls-key" in err.getvalue()


@pytest.mark.parametrize("args", [["--help"], ["serve", "--help"]])
def test_console_script_runs(args: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gadeplan.backend.cli", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "gadeplan-server" in result.stdout
