"""Engines, transactions and migrations.

Two kinds of transaction, because the protocol needs both:

- ``write()``: on PostgreSQL READ COMMITTED, made safe by locking the counter row first
  (see :func:`lock_state`); on SQLite ``BEGIN IMMEDIATE``, which takes the single writer lock at
  the start and so can never fail later with "database is locked" when upgrading a read.
- ``read()``: one consistent snapshot for a pull page and its ``last_mutation_id``:
  REPEATABLE READ (read-only) on PostgreSQL, a deferred transaction in WAL mode on SQLite.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from gadeplan.backend.models import ServerState

_SQLITE_BEGIN = "gadeplan_sqlite_begin"


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30}, pool_size=8, max_overflow=8)

        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
            # Let SQLAlchemy's begin event (below) issue BEGIN, so it can be IMMEDIATE.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL"):
                cursor.execute(f"PRAGMA {pragma}")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Connection) -> None:
            mode = conn.get_execution_options().get(_SQLITE_BEGIN, "DEFERRED")
            conn.exec_driver_sql(f"BEGIN {mode}")

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


class Database:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        write_engine: Engine
        read_engine: Engine
        if self.is_sqlite:
            write_engine = self.engine.execution_options(**{_SQLITE_BEGIN: "IMMEDIATE"})
            read_engine = self.engine
        else:
            write_engine = self.engine
            read_engine = self.engine.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        self._writer = sessionmaker(write_engine, expire_on_commit=False)
        self._reader = sessionmaker(read_engine, expire_on_commit=False)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction, committed when the block ends without an exception."""
        with self._writer() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only snapshot."""
        with self._reader() as session, session.begin():
            yield session

    def migrate(self) -> None:
        """Bring the schema to the newest migration (idempotent)."""
        upgrade(self.engine)

    def dispose(self) -> None:
        self.engine.dispose()


def lock_state(session: Session) -> ServerState:
    """Lock the counter row and return it; must be the first statement of a write transaction
    that changes what clients pull.

    Holding this lock until commit is what makes sequence order equal commit order: a second
    writer waits here until the first has committed, so it can never take a smaller sequence
    number and commit later. On PostgreSQL READ COMMITTED every later statement of the
    transaction then sees everything committed before, so the merge never reads a stale record.
    (SQLite has one writer at a time anyway; ``BEGIN IMMEDIATE`` took its lock.)
    """
    return session.execute(
        select(ServerState).where(ServerState.id == 1).with_for_update()
    ).scalar_one()


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    folder = resources.files("gadeplan.backend") / "migrations"
    cfg.set_main_option("script_location", str(folder))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


def upgrade(engine: Engine) -> None:
    cfg = alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")
