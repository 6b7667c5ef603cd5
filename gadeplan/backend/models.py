"""The server store, as SQLAlchemy 2 models. Alembic migrations (``migrations/``) create it.

Records of every synced entity share one table: the server merges and scopes them generically
and never queries inside a record, so one table with the fields as JSON is simpler and faster
than one table per entity, and adding a field to the domain needs no server migration.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ID = String(64)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every database: SQLite drops the time zone, and comparing naive
    with aware datetimes fails at run time."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


JSONType = JSON().with_variant(JSONB(), "postgresql")

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSONType,
    }


class ServerState(Base):
    """One row. Its ``seq`` is the global change sequence: every transaction that changes what
    clients pull locks this row first and takes its sequence numbers from it, so no other
    writer can commit in between, and sequence order equals commit order."""

    __tablename__ = "server_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: Changes on restore from a backup; clients holding a cursor of another epoch reset.
    epoch: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(BigInteger)
    #: The server's hybrid logical clock: never behind any HLC it has stored.
    hlc: Mapped[str] = mapped_column(String(100))
    #: Tombstones up to this sequence number were purged; older cursors must reset.
    tombstone_floor: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime]


class Team(Base):
    __tablename__ = "team"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime]


class Worker(Base):
    __tablename__ = "worker"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    username: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(500))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]


class Membership(Base):
    __tablename__ = "membership"

    worker_id: Mapped[str] = mapped_column(ForeignKey("worker.id"), primary_key=True)
    team_id: Mapped[str] = mapped_column(ForeignKey("team.id"), primary_key=True, index=True)


class Device(Base):
    """A registered laptop. Only hashes of its tokens are stored."""

    __tablename__ = "device"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    worker_id: Mapped[str] = mapped_column(ForeignKey("worker.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    #: The last mutation applied, updated in the same transaction as the data.
    last_mutation_id: Mapped[int] = mapped_column(BigInteger, default=0)
    #: Set when the epoch changes (restore): the next push may start after a gap.
    accept_gap: Mapped[bool] = mapped_column(Boolean, default=False)
    access_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    access_expires_at: Mapped[datetime | None]
    refresh_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    #: The refresh token rotated last; honoured again until ``refresh_hash`` is presented,
    #: because the response carrying its successor may have been lost.
    prev_refresh_hash: Mapped[str | None] = mapped_column(String(64), unique=True)


class RetiredRefreshToken(Base):
    """Refresh tokens that may never be used again: presenting one revokes the device."""

    __tablename__ = "retired_refresh_token"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"), index=True)
    retired_at: Mapped[datetime]


class LoginFailure(Base):
    """Failed sign-ins per (username, client address), keyed by a hash of both."""

    __tablename__ = "login_failure"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    window_start: Mapped[datetime]
    count: Mapped[int] = mapped_column(Integer)


class Record(Base):
    """The current state of one synced record (teams and workers included, read-only).

    ``seq`` is the sequence number of its last change; pull reads records in ``seq`` order.
    ``meta`` holds per field ``[hlc, version, worker_id, device_id]`` of its last change.
    """

    __tablename__ = "record"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    #: The scope: the team that may see it (a team's own id for a team record; NULL for
    #: workers, who are visible to everyone sharing a team with them).
    team_id: Mapped[str | None] = mapped_column(ID)
    #: The person it is about (its own id for a person), for erasure and access requests.
    person_id: Mapped[str | None] = mapped_column(ID, index=True)
    version: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    deleted_by: Mapped[str | None] = mapped_column(ID)
    deleted_hlc: Mapped[str | None] = mapped_column(String(100))
    fields: Mapped[dict[str, Any]]
    meta: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime] = mapped_column(index=True)

    __table_args__ = (Index("ix_record_team_seq", "team_id", "seq"),)


class RecordExit(Base):
    """A record left a team (moved, or a worker left it): devices of that team get ``remove``."""

    __tablename__ = "record_exit"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    record_id: Mapped[str] = mapped_column(ID)
    entity: Mapped[str] = mapped_column(String(40))
    team_id: Mapped[str] = mapped_column(ID)
    at: Mapped[datetime] = mapped_column(index=True)

    __table_args__ = (Index("ix_record_exit_team_seq", "team_id", "seq"),)


class Erasure(Base):
    """A GDPR erasure tombstone: ids and time only. Kept for ever, so an erased record can
    never come back from a client that was offline, however long."""

    __tablename__ = "erasure"

    record_id: Mapped[str] = mapped_column(ID, primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    team_id: Mapped[str | None] = mapped_column(ID)
    person_id: Mapped[str | None] = mapped_column(ID, index=True)
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    erased_at: Mapped[datetime]

    __table_args__ = (Index("ix_erasure_team_seq", "team_id", "seq"),)


class ErasureRequest(Base):
    """The administrator's documentation of one erasure (who asked is in ``reason``)."""

    __tablename__ = "erasure_request"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(ID, index=True)
    reason: Mapped[str] = mapped_column(Text)
    records: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime]


class MutationLog(Base):
    """The stored result of every applied mutation, returned again for a duplicate."""

    __tablename__ = "mutation_log"

    device_id: Mapped[str] = mapped_column(ID, primary_key=True)
    mutation_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    result: Mapped[dict[str, Any]]
    at: Mapped[datetime] = mapped_column(index=True)


class AccessLog(Base):
    """The server audit log: which device received or changed which record, and when.

    Ids only, never values, so the log itself holds no personal data beyond pseudonymous ids.
    """

    __tablename__ = "access_log"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    action: Mapped[str] = mapped_column(String(20))
    device_id: Mapped[str | None] = mapped_column(ID)
    worker_id: Mapped[str | None] = mapped_column(ID)
    entity: Mapped[str | None] = mapped_column(String(40))
    record_id: Mapped[str | None] = mapped_column(ID)
    person_id: Mapped[str | None] = mapped_column(ID, index=True)
    #: The change's op or the mutation's status.
    outcome: Mapped[str | None] = mapped_column(String(40))


class ClientAuditEvent(Base):
    """Audit events pushed by clients (reads, searches, reveals...). Append-only, never pulled."""

    __tablename__ = "client_audit_event"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    team_id: Mapped[str] = mapped_column(ID)
    worker_id: Mapped[str | None] = mapped_column(ID)
    device_id: Mapped[str | None] = mapped_column(ID)
    action: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime]
    entity: Mapped[str | None] = mapped_column(String(40))
    record_id: Mapped[str | None] = mapped_column(ID)
    person_id: Mapped[str | None] = mapped_column(ID, index=True)
    #: The whole event as pushed (ids, action, field names; never values).
    data: Mapped[dict[str, Any]]
    received_at: Mapped[datetime] = mapped_column(index=True)
