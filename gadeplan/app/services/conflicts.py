"""Conflicts as the worker resolves them: which person and field, both values, who and when.

When two workers change the same field while apart, the server keeps the value with the later
hybrid-clock time and files the other in a ``conflict`` record (protocol: nothing a worker typed
is silently lost). Here the worker looks at both and chooses. Choosing the other value is an
ordinary edit of the record (an upsert that syncs like any other), and the conflict is marked
resolved the same way, so every laptop of the team stops showing it.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import msgspec
from msgspec.structs import replace

from gadeplan.app.domain.hlc import Timestamp
from gadeplan.app.domain.records import (
    ENTITIES,
    JSON,
    AuditAction,
    Conflict,
    FieldError,
    TeamRecord,
    ValidationError,
)
from gadeplan.app.services.changes import Change
from gadeplan.app.services.session import Session
from gadeplan.storage import queries


class Side(msgspec.Struct, frozen=True):
    """One of the two values: what it is, who wrote it and when (when known)."""

    value: JSON
    worker_id: str | None
    worker_name: str | None
    by_me: bool
    at: datetime | None

    def __repr__(self) -> str:
        # Field values: never in a log line or a traceback.
        return f"{type(self).__name__}(...)"


class ConflictItem(msgspec.Struct, frozen=True):
    id: str
    entity: str
    record_id: str
    field: str
    person_id: str | None
    alias: str | None
    #: The value the record has now: the one that won, unless someone changed it since.
    current: Side
    #: The value that lost, kept for the worker to take back.
    other: Side
    #: The record's value is no longer the one that won (edited since): "keep" keeps the newer.
    changed_since: bool
    #: False when the record was deleted: only "keep" (acknowledge) is possible.
    record_exists: bool

    def __repr__(self) -> str:
        # Field values: never in a log line or a traceback.
        return f"{type(self).__name__}(...)"


class Resolution(msgspec.Struct, frozen=True):
    """What resolving changed, for the screens to refresh from."""

    conflict_id: str
    took_other: bool
    changes: tuple[Change, ...] = ()


def _moment(hlc: str | None) -> datetime | None:
    if not hlc:
        return None
    try:
        return datetime.fromtimestamp(Timestamp.parse(hlc).millis / 1000, UTC)
    except ValueError:
        return None


class ConflictService:
    """One per unlocked session (the window keeps it on its database worker)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        #: Conflicts whose values were shown (and audited) in this session.
        self._audited: set[str] = set()

    def _open(self) -> list[Conflict]:
        found = []
        for record_id, _, data in queries.records_of(self.session.store, Conflict.ENTITY):
            fields = json.loads(data)
            if not fields.get("resolved"):
                found.append(Conflict.from_fields(record_id, fields))
        return found

    def count(self) -> int:
        """Unresolved conflicts, for the badge (reads no values)."""
        return len(self._open())

    def unresolved(self) -> list[ConflictItem]:
        """Every unresolved conflict, newest first. Showing the values is a read of personal
        data, so each conflict shown is audited (once per session, not on every refresh)."""
        conflicts = self._open()
        store = self.session.store
        me = self.session.identity.worker_id
        names = self.worker_names()
        person_ids = [self._person_of(c) for c in conflicts]
        aliases = queries.aliases(store, [p for p in person_ids if p])
        items = []
        for conflict, person_id in zip(conflicts, person_ids, strict=True):
            cls = ENTITIES.get(conflict.entity)
            record = self.session.repo.get(cls, conflict.record_id) if cls else None
            current_value = record.to_fields().get(conflict.field) if record is not None else None
            changed = record is not None and current_value != conflict.kept_value

            def side(value: JSON, by: str | None, hlc: str | None, known: bool = True) -> Side:
                if not known:
                    return Side(value, None, None, False, None)
                mine = by is not None and by == me
                return Side(value, by, names.get(by or ""), mine, _moment(hlc))

            items.append(
                ConflictItem(
                    id=conflict.id,
                    entity=conflict.entity,
                    record_id=conflict.record_id,
                    field=conflict.field,
                    person_id=person_id,
                    alias=aliases.get(person_id or ""),
                    current=side(
                        current_value if record is not None else conflict.kept_value,
                        conflict.kept_by,
                        conflict.kept_hlc,
                        known=not changed,
                    ),
                    other=side(conflict.lost_value, conflict.lost_by, conflict.lost_hlc),
                    changed_since=changed,
                    record_exists=record is not None,
                )
            )
        items.sort(key=lambda i: i.other.at or datetime.min.replace(tzinfo=UTC), reverse=True)
        self._audit([c for c in conflicts if c.id not in self._audited])
        return items

    def worker_names(self) -> dict[str, str]:
        """The team's workers by id, for "who" and for fields that name a worker."""
        return {
            worker_id: str(json.loads(data).get("name") or "")
            for worker_id, data in queries.workers(self.session.store)
        }

    @staticmethod
    def _person_of(conflict: Conflict) -> str | None:
        if conflict.entity == "person":
            return conflict.record_id
        return conflict.person_id

    def _audit(self, conflicts: list[Conflict]) -> None:
        if not conflicts:
            return
        with self.session.store.write() as conn:
            for conflict in conflicts:
                self.session.audit.write(
                    conn,
                    AuditAction.READ,
                    entity=Conflict.ENTITY,
                    record_id=conflict.id,
                    person_id=self._person_of(conflict),
                    fields=(conflict.field,),
                )
        self._audited.update(c.id for c in conflicts)

    def resolve(self, conflict_id: str, *, take_other: bool) -> Resolution:
        """Keep the current value, or take the other one back; either way the conflict is
        resolved for the whole team. A conflict already resolved elsewhere changes nothing."""
        session = self.session
        conflict = session.get(Conflict, conflict_id)
        if conflict is None or conflict.resolved:
            return Resolution(conflict_id, False)
        changes: list[Change] = []
        if take_other:
            cls = ENTITIES.get(conflict.entity)
            record = session.repo.get(cls, conflict.record_id) if cls else None
            if not isinstance(record, TeamRecord) or cls is None:
                raise ValidationError(
                    [
                        FieldError(
                            "record_id",
                            "record_deleted",
                            "The record was deleted; its old value cannot be restored.",
                        )
                    ]
                )
            fields = record.to_fields()
            fields[conflict.field] = conflict.lost_value
            updated = cls.from_fields(record.id, fields)
            assert isinstance(updated, TeamRecord)
            change = session.save(updated)
            if change is not None:
                changes.append(change)
        change = session.save(replace(conflict, resolved=True))
        if change is not None:
            changes.append(change)
        return Resolution(conflict_id, take_other, tuple(changes))
