"""What the administrator does from the command line: set up, add teams and workers, revoke a
lost laptop, erase a person, extract the log about a person, change the epoch after a restore,
and apply retention. Kept apart from the CLI so tests drive exactly the same code."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Delete, delete, func, or_, select, update
from sqlalchemy.orm import Session

from gadeplan.app.domain.clock import Clock
from gadeplan.app.domain.ids import new_id
from gadeplan.backend.db import Database
from gadeplan.backend.feed import SERVER_NODE, Access, Writer, log_access
from gadeplan.backend.models import (
    AccessLog,
    ClientAuditEvent,
    Device,
    Erasure,
    ErasureRequest,
    LoginFailure,
    Membership,
    MutationLog,
    Record,
    RecordExit,
    ServerState,
    Team,
    Worker,
)
from gadeplan.backend.security import Passwords
from gadeplan.backend.settings import Settings

DEMO_TEAM = "Gadeteam Esbjerg"
DEMO_USERNAME = "demo"
DEMO_PASSWORD = "gadeplan-demo"  # noqa: S105 - the local demo's published password


class AdminError(Exception):
    """A refusal the administrator can act on; the message holds no personal data."""


@dataclass(frozen=True)
class DeviceInfo:
    id: str
    username: str
    name: str
    created_at: datetime
    last_seen_at: datetime | None
    revoked_at: datetime | None


@dataclass(frozen=True)
class RetentionReport:
    access_log: int
    client_audit_events: int
    mutation_results: int
    tombstones: int
    exits: int


def _delete(session: Session, statement: Delete) -> int:
    """Run a DELETE and say how many rows went."""
    return int(session.connection().execute(statement).rowcount)


class Admin:
    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self.db = db
        self.settings = settings
        self.clock = clock
        self._passwords: Passwords | None = None

    @property
    def passwords(self) -> Passwords:
        if self._passwords is None:
            self._passwords = Passwords(self.settings.password_hashing)
        return self._passwords

    # --- set-up ---------------------------------------------------------------------------------

    def init_db(self) -> bool:
        """Apply migrations and create the counter row; True if the database was new."""
        self.db.migrate()
        with self.db.write() as session:
            if session.get(ServerState, 1) is not None:
                return False
            session.add(
                ServerState(
                    id=1,
                    epoch=str(uuid.uuid4()),
                    seq=0,
                    hlc=f"{0:013d}-{0:05d}-{SERVER_NODE}",
                    tombstone_floor=0,
                    created_at=self.clock.now(),
                )
            )
            return True

    def add_team(self, name: str) -> str:
        name = name.strip()
        if not name:
            raise AdminError("A team needs a name.")
        with self.db.write() as session:
            writer = Writer(session, self.clock)
            if session.scalar(select(Team).where(Team.name == name)) is not None:
                raise AdminError("A team with that name exists already.")
            team = Team(id=new_id(), name=name, created_at=writer.now)
            session.add(team)
            hlc = writer.hlc()
            session.add(
                Record(
                    id=team.id,
                    entity="team",
                    team_id=team.id,
                    person_id=None,
                    version=1,
                    seq=writer.next_seq(),
                    deleted=False,
                    fields={"name": name},
                    meta={"name": [hlc, 1, None, None]},
                    created_at=writer.now,
                    updated_at=writer.now,
                )
            )
            writer.finish()
            return team.id

    def add_worker(
        self,
        username: str,
        password: str,
        teams: list[str],
        *,
        admin: bool = False,
        name: str | None = None,
    ) -> str:
        username = username.strip()
        if not username or not password:
            raise AdminError("A worker needs a username and a password.")
        if not teams:
            raise AdminError("A worker needs at least one team.")
        password_hash = self.passwords.hash(password)
        with self.db.write() as session:
            writer = Writer(session, self.clock)
            if session.scalar(select(Worker).where(Worker.username == username)) is not None:
                raise AdminError("A worker with that username exists already.")
            team_ids = []
            for team_name in teams:
                team_id = session.scalar(select(Team.id).where(Team.name == team_name))
                if team_id is None:
                    raise AdminError("There is no team with that name.")
                team_ids.append(team_id)
            worker = Worker(
                id=new_id(),
                username=username,
                name=name or username,
                password_hash=password_hash,
                is_admin=admin,
                created_at=writer.now,
            )
            session.add(worker)
            session.flush()
            session.add_all(Membership(worker_id=worker.id, team_id=t) for t in set(team_ids))
            fields = {"name": worker.name, "team_ids": sorted(set(team_ids))}
            hlc = writer.hlc()
            session.add(
                Record(
                    id=worker.id,
                    entity="worker",
                    team_id=None,
                    person_id=None,
                    version=1,
                    seq=writer.next_seq(),
                    deleted=False,
                    fields=fields,
                    meta={k: [hlc, 1, None, None] for k in fields},
                    created_at=writer.now,
                    updated_at=writer.now,
                )
            )
            writer.finish()
            return worker.id

    # --- devices --------------------------------------------------------------------------------

    def list_devices(self, username: str | None = None) -> list[DeviceInfo]:
        with self.db.read() as session:
            query = select(Device, Worker.username).join(Worker, Worker.id == Device.worker_id)
            if username:
                query = query.where(Worker.username == username)
            rows = session.execute(query.order_by(Worker.username, Device.created_at)).all()
            return [
                DeviceInfo(d.id, u, d.name, d.created_at, d.last_seen_at, d.revoked_at)
                for d, u in rows
            ]

    def revoke_device(self, device_id: str) -> None:
        """The laptop's next request is answered ``device_revoked``, and it wipes itself."""
        with self.db.write() as session:
            device = session.get(Device, device_id, with_for_update=True)
            if device is None:
                raise AdminError("There is no device with that id.")
            if device.revoked_at is None:
                device.revoked_at = self.clock.now()

    # --- erasure and access requests ------------------------------------------------------------

    def erase_person(self, person_id: str, reason: str) -> int:
        """Delete a person and every record about them, for good (GDPR Art. 17).

        What stays is one tombstone per record: its id, kind, team and the time, so pulls send
        ``erase`` and pushes from laptops that were offline get ``gone``. The person's own id is
        tombstoned even if the server never had the record (it may exist only on a laptop).
        Returns how many records were erased.
        """
        if not reason.strip():
            raise AdminError("An erasure needs a reason (a case number; no personal data).")
        with self.db.write() as session:
            writer = Writer(session, self.clock)
            records = session.scalars(
                select(Record).where(
                    or_(Record.id == person_id, Record.person_id == person_id),
                    Record.entity.not_in(("team", "worker")),
                )
            ).all()
            known = set(
                session.scalars(
                    select(Erasure.record_id).where(
                        Erasure.record_id.in_([r.id for r in records] + [person_id])
                    )
                )
            )
            access: list[Access] = []
            for rec in records:
                if rec.id not in known:
                    session.add(
                        Erasure(
                            record_id=rec.id,
                            entity=rec.entity,
                            team_id=rec.team_id,
                            person_id=person_id,
                            seq=writer.next_seq(),
                            erased_at=writer.now,
                        )
                    )
                    known.add(rec.id)
                access.append(Access(rec.entity, rec.id, person_id, "erased"))
                session.delete(rec)
            if person_id not in known:
                session.add(
                    Erasure(
                        record_id=person_id,
                        entity="person",
                        team_id=None,
                        person_id=person_id,
                        seq=writer.next_seq(),
                        erased_at=writer.now,
                    )
                )
            session.add(
                ErasureRequest(
                    person_id=person_id, reason=reason.strip(), records=len(records), at=writer.now
                )
            )
            log_access(session, writer.now, "erase", None, access)
            writer.finish()
            return len(records)

    def audit_extract(self, person_id: str) -> dict[str, Any]:
        """Every log entry about one person, for an access request (GDPR Art. 15)."""
        with self.db.read() as session:
            server = session.scalars(
                select(AccessLog).where(AccessLog.person_id == person_id).order_by(AccessLog.id)
            ).all()
            client = session.scalars(
                select(ClientAuditEvent)
                .where(ClientAuditEvent.person_id == person_id)
                .order_by(ClientAuditEvent.at)
            ).all()
            erasures = session.scalars(
                select(ErasureRequest).where(ErasureRequest.person_id == person_id)
            ).all()
            return {
                "person_id": person_id,
                "server_log": [
                    {
                        "at": e.at.isoformat(),
                        "action": e.action,
                        "device_id": e.device_id,
                        "worker_id": e.worker_id,
                        "entity": e.entity,
                        "record_id": e.record_id,
                        "outcome": e.outcome,
                    }
                    for e in server
                ],
                "client_audit_events": [
                    {
                        "id": e.id,
                        "at": e.at.isoformat(),
                        "action": e.action,
                        "worker_id": e.worker_id,
                        "device_id": e.device_id,
                        "entity": e.entity,
                        "record_id": e.record_id,
                        "fields": e.data.get("fields", []),
                        "detail": e.data.get("detail"),
                    }
                    for e in client
                ],
                "erasures": [{"at": e.at.isoformat(), "records": e.records} for e in erasures],
            }

    # --- restore and retention ------------------------------------------------------------------

    def new_epoch(self) -> str:
        """Run after restoring a backup: every client resets its pull, and each device's next
        push may skip the mutation ids the restored database no longer knows."""
        with self.db.write() as session:
            writer = Writer(session, self.clock)
            writer.state.epoch = str(uuid.uuid4())
            session.execute(update(Device).values(accept_gap=True))
            writer.finish()
            return writer.state.epoch

    def apply_retention(self) -> RetentionReport:
        """Delete what is older than the retention periods. Erasure tombstones stay for ever."""
        now = self.clock.now()
        logs_before = now - timedelta(days=self.settings.retention_days)
        tombstones_before = now - timedelta(days=self.settings.tombstone_retention_days)
        with self.db.write() as session:
            writer = Writer(session, self.clock)
            floor = max(
                session.scalar(
                    select(func.max(Record.seq)).where(
                        Record.deleted.is_(True), Record.updated_at < tombstones_before
                    )
                )
                or 0,
                session.scalar(
                    select(func.max(RecordExit.seq)).where(RecordExit.at < tombstones_before)
                )
                or 0,
            )
            tombstones = _delete(
                session,
                delete(Record).where(
                    Record.deleted.is_(True), Record.updated_at < tombstones_before
                ),
            )
            exits = _delete(session, delete(RecordExit).where(RecordExit.at < tombstones_before))
            if floor > writer.state.tombstone_floor:
                # A cursor before a purged tombstone might have missed a delete: it resets.
                writer.state.tombstone_floor = floor
            report = RetentionReport(
                access_log=_delete(session, delete(AccessLog).where(AccessLog.at < logs_before)),
                client_audit_events=_delete(
                    session,
                    delete(ClientAuditEvent).where(ClientAuditEvent.received_at < logs_before),
                ),
                mutation_results=_delete(
                    session, delete(MutationLog).where(MutationLog.at < logs_before)
                ),
                tombstones=tombstones,
                exits=exits,
            )
            session.execute(
                delete(LoginFailure).where(
                    LoginFailure.window_start
                    < now - timedelta(seconds=self.settings.login_window_seconds)
                )
            )
            writer.finish()
            return report

    # --- the local demo -------------------------------------------------------------------------

    def demo(self) -> tuple[str, str]:
        """A demo team and worker for ``make run``; idempotent."""
        self.init_db()
        with self.db.read() as session:
            has_team = session.scalar(select(Team.id).where(Team.name == DEMO_TEAM)) is not None
            has_worker = (
                session.scalar(select(Worker.id).where(Worker.username == DEMO_USERNAME))
                is not None
            )
        if not has_team:
            self.add_team(DEMO_TEAM)
        if not has_worker:
            self.add_worker(DEMO_USERNAME, DEMO_PASSWORD, [DEMO_TEAM], name="Demo Medarbejder")
        return DEMO_USERNAME, DEMO_PASSWORD
