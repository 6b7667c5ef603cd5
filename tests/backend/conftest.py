"""The backend suite runs against SQLite and against a real PostgreSQL started for the session.

Tests share one running server per database kind and isolate themselves by making their own
teams, workers and devices (the protocol's team scope keeps them apart). Tests that change
server-wide state (the epoch, retention) get a server of their own from ``fresh_server``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from gadeplan.app.domain.ids import new_id
from tests.backend.pg import PostgresServer, find_bin_dir
from tests.backend.support import Server

KINDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip(
            "PostgreSQL binaries (initdb, pg_ctl) are not installed; "
            "run build/system-deps.sh (make test does)"
        )
    server = PostgresServer(bin_dir)
    server.start()
    yield server
    server.stop()


class DatabaseFactory:
    def __init__(self, kind: str, folder: Path, postgres: Callable[[], PostgresServer]) -> None:
        self.kind = kind
        self.folder = folder
        self._postgres = postgres

    def new_url(self) -> str:
        name = f"gp_{new_id().replace('-', '')[-16:]}"
        if self.kind == "sqlite":
            return f"sqlite:///{self.folder / name}.sqlite3"
        return self._postgres().create_database(name)


@pytest.fixture(scope="session", params=KINDS)
def databases(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> DatabaseFactory:
    kind: str = request.param
    return DatabaseFactory(
        kind,
        tmp_path_factory.mktemp(f"backend-{kind}"),
        lambda: request.getfixturevalue("postgres"),
    )


@pytest.fixture(scope="session")
def shared_server(databases: DatabaseFactory) -> Iterator[Server]:
    server = Server(databases.kind, databases.new_url())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def server(shared_server: Server) -> Iterator[Server]:
    """The shared server, with its clock put back after the test."""
    yield shared_server
    shared_server.close_clients()
    shared_server.clock.offset = type(shared_server.clock.offset)()


@pytest.fixture
def fresh_server(databases: DatabaseFactory) -> Iterator[Server]:
    """A server with a database of its own, for tests that change server-wide state."""
    server = Server(databases.kind, databases.new_url())
    server.start()
    yield server
    server.stop()
