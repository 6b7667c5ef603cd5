"""``POST /v1/sync/push``: applying a device's mutations in order, exactly once.

The device's ``last_mutation_id`` is stored in the same transaction as the data it covers, so a
retried push (the response was lost after the commit) is recognised and answered with the
stored results instead of being applied twice.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gadeplan.app.domain.clock import Clock
from gadeplan.app.domain.hlc import Timestamp
from gadeplan.app.domain.ids import is_uuid
from gadeplan.app.domain.records import (
    ENTITIES,
    JSON,
    AuditEvent,
    Entity,
    TeamRecord,
)
from gadeplan.backend.db import Database
from gadeplan.backend.errors import ApiError, device_revoked
from gadeplan.backend.feed import Access, Caller, Side, Writer, log_access
from gadeplan.backend.models import (
    ClientAuditEvent,
    Device,
    Erasure,
    MutationLog,
    Record,
    RecordExit,
)
from gadeplan.backend.validation import canonical_values, check_record, unknown_fields
from gadeplan.sync.schemas import (
    MAX_CLOCK_SKEW_MS,
    READ_ONLY_ENTITIES,
    ErrorCode,
    FieldProblem,
    Mutation,
    MutationOp,
    MutationResult,
    MutationStatus,
    PushRequest,
    PushResponse,
    RejectReason,
)

#: Per field, ``[hlc, version, worker_id, device_id]`` of its last change.
FieldMeta = list[Any]

_REASONS: dict[RejectReason, str] = {
    RejectReason.UNKNOWN_ENTITY: "The server does not know this kind of record.",
    RejectReason.READ_ONLY: "This kind of record can only be changed on the server.",
    RejectReason.INVALID_ID: "The record id is not a UUID.",
    RejectReason.INVALID_HLC: "The change's timestamp is malformed.",
    RejectReason.ENTITY_MISMATCH: "The record id belongs to another kind of record.",
    RejectReason.UNKNOWN_FIELD: "The change names fields this kind of record does not have.",
    RejectReason.VALIDATION_FAILED: "The record is invalid.",
    RejectReason.NO_ACCESS: "This record belongs to a team you are not a member of.",
    RejectReason.NOT_AUTHOR: "Only the author may correct this record.",
    RejectReason.APPEND_ONLY: "This record cannot be changed once created.",
    RejectReason.RECORD_DELETED: "The record no longer exists on the server.",
}


def rejected(
    mutation: Mutation,
    reason: RejectReason,
    problems: Sequence[FieldProblem] = (),
    version: int | None = None,
) -> MutationResult:
    return MutationResult(
        mutation_id=mutation.mutation_id,
        status=MutationStatus.REJECTED,
        version=version,
        error=reason.value,
        message=_REASONS[reason],
        field_errors=list(problems),
    )


@dataclass
class Outcome:
    result: MutationResult
    access: Access


@dataclass
class _Batch:
    """What one push transaction has loaded, so 200 mutations cost a handful of queries."""

    records: dict[str, Record]
    erased: set[str]
    audit_ids: set[str] = field(default_factory=set)


class PushService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def push(self, caller: Caller, request: PushRequest) -> PushResponse:
        if request.device_id != caller.device_id:
            raise ApiError(
                403, ErrorCode.DEVICE_MISMATCH, "The device id does not match the access token."
            )
        mutations = request.mutations
        ids = [m.mutation_id for m in mutations]
        if any(b <= a for a, b in itertools.pairwise(ids)):
            raise ApiError(400, ErrorCode.INVALID_REQUEST, "Mutation ids must increase.")
        with self.db.write() as session:
            writer = Writer(session, self.clock)
            device = session.get(Device, caller.device_id, with_for_update=True)
            if device is None or device.revoked_at is not None:
                raise device_revoked()
            last = device.last_mutation_id
            if mutations and mutations[0].mutation_id > last + 1:
                if not device.accept_gap:
                    raise ApiError(
                        409,
                        ErrorCode.MUTATION_GAP,
                        "Mutations are missing before the first one sent.",
                        expected=last + 1,
                    )
                # After a restore from backup the server may have lost mutations the device
                # already saw acknowledged; take up the device's numbering where it is.
                last = mutations[0].mutation_id - 1
            device.accept_gap = False
            results = self._duplicates(
                session, caller, [m for m in mutations if m.mutation_id <= last]
            )
            fresh = [m for m in mutations if m.mutation_id > last]
            applier = _Applier(session, writer, caller, self._preload(session, fresh))
            access: list[Access] = []
            for mutation in fresh:
                outcome = applier.apply(mutation)
                results.append(outcome.result)
                access.append(outcome.access)
                session.add(
                    MutationLog(
                        device_id=caller.device_id,
                        mutation_id=mutation.mutation_id,
                        result=outcome.result.model_dump(mode="json"),
                        at=writer.now,
                    )
                )
                last = mutation.mutation_id
            device.last_mutation_id = max(device.last_mutation_id, last)
            device.last_seen_at = writer.now
            writer.finish()
            log_access(session, writer.now, "push", caller, access)
            return PushResponse(last_mutation_id=device.last_mutation_id, results=results)

    @staticmethod
    def _duplicates(
        session: Session, caller: Caller, mutations: list[Mutation]
    ) -> list[MutationResult]:
        if not mutations:
            return []
        stored = {
            row.mutation_id: row.result
            for row in session.scalars(
                select(MutationLog).where(
                    MutationLog.device_id == caller.device_id,
                    MutationLog.mutation_id.in_([m.mutation_id for m in mutations]),
                )
            )
        }
        out = []
        for m in mutations:
            if m.mutation_id in stored:
                out.append(MutationResult.model_validate(stored[m.mutation_id]))
            else:
                # Applied so long ago that its result was deleted with the audit retention.
                out.append(
                    MutationResult(
                        mutation_id=m.mutation_id,
                        status=MutationStatus.APPLIED,
                        message="Applied earlier; the detailed result is no longer kept.",
                    )
                )
        return out

    @staticmethod
    def _preload(session: Session, mutations: list[Mutation]) -> _Batch:
        ids = {m.id for m in mutations}
        refs = {
            value
            for m in mutations
            for key in ("person_id", "record_id")
            if isinstance(value := m.fields.get(key), str)
        }
        records = {r.id: r for r in session.scalars(select(Record).where(Record.id.in_(ids)))}
        erased = set(
            session.scalars(select(Erasure.record_id).where(Erasure.record_id.in_(ids | refs)))
        )
        audit_ids = {m.id for m in mutations if m.entity == AuditEvent.ENTITY}
        existing_audit = set(
            session.scalars(select(ClientAuditEvent.id).where(ClientAuditEvent.id.in_(audit_ids)))
        )
        return _Batch(records, erased, existing_audit)


class _Applier:
    def __init__(self, session: Session, writer: Writer, caller: Caller, batch: _Batch) -> None:
        self.session = session
        self.w = writer
        self.caller = caller
        self.batch = batch

    # --- dispatch ---------------------------------------------------------------------------

    def apply(self, m: Mutation) -> Outcome:
        rec = self.batch.records.get(m.id)
        result = self._apply(m, rec)
        rec = self.batch.records.get(m.id)
        person = None
        if rec is not None and rec.team_id in self.caller.team_ids:
            person = rec.person_id
        elif result.status is not MutationStatus.REJECTED:
            person_field = m.fields.get("person_id")
            person = person_field if isinstance(person_field, str) else None
        return Outcome(result, Access(m.entity, m.id, person, result.status.value))

    def _apply(self, m: Mutation, rec: Record | None) -> MutationResult:
        cls = ENTITIES.get(m.entity)
        if cls is None:
            return rejected(m, RejectReason.UNKNOWN_ENTITY)
        if m.entity in READ_ONLY_ENTITIES:
            return rejected(m, RejectReason.READ_ONLY)
        if not is_uuid(m.id):
            return rejected(m, RejectReason.INVALID_ID)
        try:
            stamp = Timestamp.parse(m.hlc)
        except ValueError:
            return rejected(m, RejectReason.INVALID_HLC)
        if m.entity == AuditEvent.ENTITY:
            return self._audit_event(m)
        if self._erased(m, rec):
            return MutationResult(mutation_id=m.mutation_id, status=MutationStatus.GONE)
        if rec is not None and rec.team_id not in self.caller.team_ids:
            # Indistinguishable in content from any other refusal: nothing about the record.
            return rejected(m, RejectReason.NO_ACCESS)
        if rec is not None and rec.entity != m.entity:
            return rejected(m, RejectReason.ENTITY_MISMATCH)
        hlc, skew = self._admit(m.hlc, stamp)
        if m.op is MutationOp.DELETE:
            result = self._delete(m, cls, rec, hlc)
        else:
            result = self._upsert(m, cls, rec, hlc)
        if skew:
            result.clock_skew = True
        if result.status in (MutationStatus.APPLIED, MutationStatus.CONFLICT):
            result.hlc = hlc
        return result

    def _erased(self, m: Mutation, rec: Record | None) -> bool:
        erased = self.batch.erased
        if m.id in erased:
            return True
        return any(
            isinstance(value := m.fields.get(key), str) and value in erased
            for key in ("person_id", "record_id")
        )

    def _admit(self, text: str, stamp: Timestamp) -> tuple[str, bool]:
        """The HLC to store: the client's, unless it is too far ahead of the server's clock."""
        if stamp.millis > self.w.now_millis + MAX_CLOCK_SKEW_MS:
            return self.w.hlc(), True
        self.w.observe(text)
        return text, False

    def _mine(self, hlc: str, version: int) -> FieldMeta:
        return [hlc, version, self.caller.worker_id, self.caller.device_id]

    def _concurrent(self, meta: FieldMeta | None, base: int) -> bool:
        """Changed after the version the client saw, by someone else. A device's own earlier
        mutations are never concurrent with its later ones: it saw them (and a record it
        created offline still has local version 0 when it edits it again)."""
        return meta is not None and int(meta[1]) > base and meta[3] != self.caller.device_id

    def _reemit(self, rec: Record) -> None:
        """Send the record again on the next pull (without a new version), so a device whose
        value lost, or whose change was refused, converges on the server's state."""
        rec.seq = self.w.next_seq()

    # --- upsert -----------------------------------------------------------------------------

    def _upsert(
        self, m: Mutation, cls: type[Entity], rec: Record | None, hlc: str
    ) -> MutationResult:
        problems = unknown_fields(cls, m.fields)
        if problems:
            return self._refuse(m, rec, RejectReason.UNKNOWN_FIELD, problems)
        incoming, problems = canonical_values(cls, m.fields)
        if problems:
            return self._refuse(m, rec, RejectReason.VALIDATION_FAILED, problems)
        if rec is None:
            return self._create(m, cls, incoming, hlc)
        if rec.deleted:
            return self._upsert_deleted(m, rec, incoming, hlc)
        author = cls.AUTHOR_FIELD if cls.APPEND_ONLY else None
        if author is not None and (
            rec.fields.get(author) != self.caller.worker_id
            or incoming.get(author, rec.fields.get(author)) != rec.fields.get(author)
        ):
            return self._refuse(m, rec, RejectReason.NOT_AUTHOR)

        base = m.base_version or 0
        version = rec.version + 1
        mine = self._mine(hlc, version)
        merged = dict(rec.fields)
        meta: dict[str, FieldMeta] = dict(rec.meta)
        changed: list[str] = []
        lost: list[tuple[str, Side, Side]] = []
        for name, value in incoming.items():
            current = rec.fields.get(name)
            if value == current:
                continue
            theirs = rec.meta.get(name)
            if theirs is None or hlc > str(theirs[0]):
                merged[name] = value
                meta[name] = mine
                changed.append(name)
                if self._concurrent(theirs, base) and theirs is not None:
                    lost.append((name, _side(value, mine), _side(current, theirs)))
            else:
                # The stored value wins. Even when the client had seen it (a timestamp from a
                # wrong clock), its value is kept for review rather than silently dropped.
                lost.append((name, _side(current, theirs), _side(value, mine)))

        if changed:
            checked = check_record(cls, rec.id, merged)
            if checked.problems or checked.entity is None:
                return self._refuse(m, rec, RejectReason.VALIDATION_FAILED, checked.problems)
            team = _team_of(checked.entity)
            if team is not None and team not in self.caller.team_ids:
                return self._refuse(m, rec, RejectReason.NO_ACCESS)
            if team is not None and team != rec.team_id and rec.team_id is not None:
                self.session.add(_exit(self.w, rec, rec.team_id))
            rec.fields = checked.fields
            rec.meta = meta
            rec.version = version
            rec.team_id = team
            rec.person_id = _person_of(checked.entity)
            rec.updated_at = self.w.now
            rec.seq = self.w.next_seq()
        elif lost:
            self._reemit(rec)
        conflict_ids = [self.w.add_conflict(rec, name, kept, gone) for name, kept, gone in lost]
        return MutationResult(
            mutation_id=m.mutation_id,
            status=MutationStatus.CONFLICT if conflict_ids else MutationStatus.APPLIED,
            version=rec.version,
            conflict_ids=conflict_ids,
        )

    def _create(
        self, m: Mutation, cls: type[Entity], incoming: dict[str, JSON], hlc: str
    ) -> MutationResult:
        if m.base_version is not None:
            # The client saw a version of it, so it existed; its tombstone has been purged.
            return rejected(m, RejectReason.RECORD_DELETED)
        values = dict(incoming)
        author = cls.AUTHOR_FIELD if cls.APPEND_ONLY else None
        if author is not None:
            if values.get(author) is None:
                values[author] = self.caller.worker_id
            elif values[author] != self.caller.worker_id:
                return rejected(m, RejectReason.NOT_AUTHOR)
        checked = check_record(cls, m.id, values)
        if checked.problems or checked.entity is None:
            return rejected(m, RejectReason.VALIDATION_FAILED, checked.problems)
        team = _team_of(checked.entity)
        if team not in self.caller.team_ids:
            return rejected(m, RejectReason.NO_ACCESS)
        mine = self._mine(hlc, 1)
        rec = Record(
            id=m.id,
            entity=cls.ENTITY,
            team_id=team,
            person_id=_person_of(checked.entity),
            version=1,
            seq=self.w.next_seq(),
            deleted=False,
            fields=checked.fields,
            meta={name: mine for name in checked.fields},
            created_at=self.w.now,
            updated_at=self.w.now,
        )
        self.session.add(rec)
        self.batch.records[m.id] = rec
        return MutationResult(mutation_id=m.mutation_id, status=MutationStatus.APPLIED, version=1)

    def _upsert_deleted(
        self, m: Mutation, rec: Record, incoming: dict[str, JSON], hlc: str
    ) -> MutationResult:
        """Delete wins over a concurrent upsert; the upsert's values are kept as conflicts."""
        deleted = Side(None, rec.deleted_by, rec.deleted_hlc)
        mine = self._mine(hlc, rec.version)
        conflict_ids = [
            self.w.add_conflict(rec, name, deleted, _side(value, mine))
            for name, value in sorted(incoming.items())
        ]
        self._reemit(rec)
        return MutationResult(
            mutation_id=m.mutation_id,
            status=MutationStatus.CONFLICT if conflict_ids else MutationStatus.APPLIED,
            version=rec.version,
            conflict_ids=conflict_ids,
        )

    def _refuse(
        self,
        m: Mutation,
        rec: Record | None,
        reason: RejectReason,
        problems: Sequence[FieldProblem] = (),
    ) -> MutationResult:
        if rec is not None:
            self._reemit(rec)
        return rejected(m, reason, problems, rec.version if rec is not None else None)

    # --- delete -----------------------------------------------------------------------------

    def _delete(
        self, m: Mutation, cls: type[Entity], rec: Record | None, hlc: str
    ) -> MutationResult:
        if rec is None:
            # Never pushed, or its tombstone was purged: either way it does not exist.
            return MutationResult(mutation_id=m.mutation_id, status=MutationStatus.APPLIED)
        if rec.deleted:
            return MutationResult(
                mutation_id=m.mutation_id, status=MutationStatus.APPLIED, version=rec.version
            )
        author = cls.AUTHOR_FIELD if cls.APPEND_ONLY else None
        if author is not None and rec.fields.get(author) != self.caller.worker_id:
            return self._refuse(m, rec, RejectReason.NOT_AUTHOR)
        base = m.base_version or 0
        deleter = Side(None, self.caller.worker_id, hlc)
        lost = [
            (name, _side(rec.fields.get(name), theirs))
            for name, theirs in sorted(rec.meta.items())
            if self._concurrent(theirs, base)
        ]
        rec.deleted = True
        rec.deleted_by = self.caller.worker_id
        rec.deleted_hlc = hlc
        rec.version += 1
        rec.seq = self.w.next_seq()
        rec.updated_at = self.w.now
        # The tombstone keeps ids only; concurrent values survive in the conflict records.
        conflict_ids = [self.w.add_conflict(rec, name, deleter, side) for name, side in lost]
        rec.fields = {}
        rec.meta = {}
        return MutationResult(
            mutation_id=m.mutation_id,
            status=MutationStatus.CONFLICT if conflict_ids else MutationStatus.APPLIED,
            version=rec.version,
            conflict_ids=conflict_ids,
        )

    # --- audit events -----------------------------------------------------------------------

    def _audit_event(self, m: Mutation) -> MutationResult:
        """Client audit events go to an append-only log; they are never merged or pulled, and
        events about an erased person are kept (they hold ids only, and the log of the
        erasure itself must survive)."""
        if m.op is MutationOp.DELETE or m.id in self.batch.audit_ids:
            return rejected(m, RejectReason.APPEND_ONLY)
        problems = unknown_fields(AuditEvent, m.fields)
        if problems:
            return rejected(m, RejectReason.UNKNOWN_FIELD, problems)
        values, problems = canonical_values(AuditEvent, m.fields)
        if problems:
            return rejected(m, RejectReason.VALIDATION_FAILED, problems)
        for key, own in (
            ("worker_id", self.caller.worker_id),
            ("device_id", self.caller.device_id),
        ):
            if values.get(key) is None:
                values[key] = own
            elif values[key] != own:
                return rejected(m, RejectReason.NOT_AUTHOR)
        checked = check_record(AuditEvent, m.id, values)
        event = checked.entity
        if checked.problems or not isinstance(event, AuditEvent):
            return rejected(m, RejectReason.VALIDATION_FAILED, checked.problems)
        if event.team_id not in self.caller.team_ids:
            return rejected(m, RejectReason.NO_ACCESS)
        self.session.add(
            ClientAuditEvent(
                id=m.id,
                team_id=event.team_id,
                worker_id=event.worker_id,
                device_id=event.device_id,
                action=event.action.value,
                at=_aware(event.at),
                entity=event.entity,
                record_id=event.record_id,
                person_id=event.person_id,
                data=checked.fields,
                received_at=self.w.now,
            )
        )
        self.batch.audit_ids.add(m.id)
        return MutationResult(mutation_id=m.mutation_id, status=MutationStatus.APPLIED, version=1)


def _side(value: JSON, meta: FieldMeta | None) -> Side:
    if meta is None:
        return Side(value, None, None)
    return Side(value, meta[2], meta[0])


def _team_of(entity: Entity) -> str | None:
    return entity.team_id if isinstance(entity, TeamRecord) else None


def _person_of(entity: Entity) -> str | None:
    return entity.id if entity.ENTITY == "person" else entity.person_ref


def _exit(writer: Writer, rec: Record, team_id: str) -> RecordExit:
    return RecordExit(
        seq=writer.next_seq(), record_id=rec.id, entity=rec.entity, team_id=team_id, at=writer.now
    )


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
