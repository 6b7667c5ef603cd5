"""The initial schema: records, the counter row, devices and tokens, logs, tombstones.

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "access_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=True),
        sa.Column("worker_id", sa.String(length=64), nullable=True),
        sa.Column("entity", sa.String(length=40), nullable=True),
        sa.Column("record_id", sa.String(length=64), nullable=True),
        sa.Column("person_id", sa.String(length=64), nullable=True),
        sa.Column("outcome", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_log")),
    )
    op.create_index(op.f("ix_access_log_at"), "access_log", ["at"], unique=False)
    op.create_index(op.f("ix_access_log_person_id"), "access_log", ["person_id"], unique=False)

    op.create_table(
        "client_audit_event",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("team_id", sa.String(length=64), nullable=False),
        sa.Column("worker_id", sa.String(length=64), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=True),
        sa.Column("record_id", sa.String(length=64), nullable=True),
        sa.Column("person_id", sa.String(length=64), nullable=True),
        sa.Column("data", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_audit_event")),
    )
    op.create_index(
        op.f("ix_client_audit_event_person_id"), "client_audit_event", ["person_id"], unique=False
    )
    op.create_index(
        op.f("ix_client_audit_event_received_at"),
        "client_audit_event",
        ["received_at"],
        unique=False,
    )

    op.create_table(
        "erasure",
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("team_id", sa.String(length=64), nullable=True),
        sa.Column("person_id", sa.String(length=64), nullable=True),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("erased_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_erasure")),
        sa.UniqueConstraint("seq", name=op.f("uq_erasure_seq")),
    )
    op.create_index(op.f("ix_erasure_person_id"), "erasure", ["person_id"], unique=False)
    op.create_index(op.f("ix_erasure_team_seq"), "erasure", ["team_id", "seq"], unique=False)

    op.create_table(
        "erasure_request",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure_request")),
    )
    op.create_index(
        op.f("ix_erasure_request_person_id"), "erasure_request", ["person_id"], unique=False
    )

    op.create_table(
        "login_failure",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_login_failure")),
    )
    op.create_table(
        "mutation_log",
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("mutation_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "result", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "mutation_id", name=op.f("pk_mutation_log")),
    )
    op.create_index(op.f("ix_mutation_log_at"), "mutation_log", ["at"], unique=False)

    op.create_table(
        "record",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("team_id", sa.String(length=64), nullable=True),
        sa.Column("person_id", sa.String(length=64), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("deleted_by", sa.String(length=64), nullable=True),
        sa.Column("deleted_hlc", sa.String(length=100), nullable=True),
        sa.Column(
            "fields", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("meta", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record")),
        sa.UniqueConstraint("seq", name=op.f("uq_record_seq")),
    )
    op.create_index(op.f("ix_record_person_id"), "record", ["person_id"], unique=False)
    op.create_index(op.f("ix_record_team_seq"), "record", ["team_id", "seq"], unique=False)
    op.create_index(op.f("ix_record_updated_at"), "record", ["updated_at"], unique=False)

    op.create_table(
        "record_exit",
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("team_id", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_record_exit")),
    )
    op.create_index(op.f("ix_record_exit_at"), "record_exit", ["at"], unique=False)
    op.create_index(
        op.f("ix_record_exit_team_seq"), "record_exit", ["team_id", "seq"], unique=False
    )

    op.create_table(
        "server_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("epoch", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hlc", sa.String(length=100), nullable=False),
        sa.Column("tombstone_floor", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_server_state")),
    )
    op.create_table(
        "team",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team")),
        sa.UniqueConstraint("name", name=op.f("uq_team_name")),
    )
    op.create_table(
        "worker",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("username", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("password_hash", sa.String(length=500), nullable=False),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_worker")),
        sa.UniqueConstraint("username", name=op.f("uq_worker_username")),
    )
    op.create_table(
        "device",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("worker_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_mutation_id", sa.BigInteger(), nullable=False),
        sa.Column("accept_gap", sa.Boolean(), nullable=False),
        sa.Column("access_hash", sa.String(length=64), nullable=True),
        sa.Column("access_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("refresh_hash", sa.String(length=64), nullable=True),
        sa.Column("prev_refresh_hash", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_device_worker_id_worker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device")),
        sa.UniqueConstraint("access_hash", name=op.f("uq_device_access_hash")),
        sa.UniqueConstraint("prev_refresh_hash", name=op.f("uq_device_prev_refresh_hash")),
        sa.UniqueConstraint("refresh_hash", name=op.f("uq_device_refresh_hash")),
    )
    op.create_index(op.f("ix_device_worker_id"), "device", ["worker_id"], unique=False)

    op.create_table(
        "membership",
        sa.Column("worker_id", sa.String(length=64), nullable=False),
        sa.Column("team_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"], name=op.f("fk_membership_team_id_team")),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_membership_worker_id_worker")
        ),
        sa.PrimaryKeyConstraint("worker_id", "team_id", name=op.f("pk_membership")),
    )
    op.create_index(op.f("ix_membership_team_id"), "membership", ["team_id"], unique=False)

    op.create_table(
        "retired_refresh_token",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["device.id"], name=op.f("fk_retired_refresh_token_device_id_device")
        ),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_retired_refresh_token")),
    )
    op.create_index(
        op.f("ix_retired_refresh_token_device_id"),
        "retired_refresh_token",
        ["device_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_retired_refresh_token_device_id"), table_name="retired_refresh_token")

    op.drop_table("retired_refresh_token")
    op.drop_index(op.f("ix_membership_team_id"), table_name="membership")

    op.drop_table("membership")
    op.drop_index(op.f("ix_device_worker_id"), table_name="device")

    op.drop_table("device")
    op.drop_table("worker")
    op.drop_table("team")
    op.drop_table("server_state")
    op.drop_index(op.f("ix_record_exit_team_seq"), table_name="record_exit")
    op.drop_index(op.f("ix_record_exit_at"), table_name="record_exit")

    op.drop_table("record_exit")
    op.drop_index(op.f("ix_record_updated_at"), table_name="record")
    op.drop_index(op.f("ix_record_team_seq"), table_name="record")
    op.drop_index(op.f("ix_record_person_id"), table_name="record")

    op.drop_table("record")
    op.drop_index(op.f("ix_mutation_log_at"), table_name="mutation_log")

    op.drop_table("mutation_log")
    op.drop_table("login_failure")
    op.drop_index(op.f("ix_erasure_request_person_id"), table_name="erasure_request")

    op.drop_table("erasure_request")
    op.drop_index(op.f("ix_erasure_team_seq"), table_name="erasure")
    op.drop_index(op.f("ix_erasure_person_id"), table_name="erasure")

    op.drop_table("erasure")
    op.drop_index(op.f("ix_client_audit_event_received_at"), table_name="client_audit_event")
    op.drop_index(op.f("ix_client_audit_event_person_id"), table_name="client_audit_event")

    op.drop_table("client_audit_event")
    op.drop_index(op.f("ix_access_log_person_id"), table_name="access_log")
    op.drop_index(op.f("ix_access_log_at"), table_name="access_log")

    op.drop_table("access_log")
