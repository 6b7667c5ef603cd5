"""Conflicts as the worker resolves them, without a window or a server: both values with who
and when, an audited read, and resolving as ordinary upserts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from msgspec.structs import replace

from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import AuditEvent, Conflict, Person, Phone, ValidationError
from gadeplan.app.services.conflicts import ConflictService
from gadeplan.app.services.session import Session

OTHER_WORKER = "w-colleague"


def _hlc(minute: int) -> str:
    millis = int(datetime(2026, 11, 25, 10, minute, tzinfo=UTC).timestamp() * 1000)
    return f"{millis:013d}-00000-d-somebody"


def _person_with_conflict(session: Session) -> tuple[Person, Conflict]:
    team = session.identity.team_id
    person = Person(id=new_id(), team_id=team, alias="Bamse", phones=(Phone("+45 60 70 80 90"),))
    session.save(person)
    conflict = Conflict(
        id=new_id(),
        team_id=team,
        entity="person",
        record_id=person.id,
        field="phones",
        kept_value=[{"number": "+45 60 70 80 90", "last_worked_on": None, "label": None}],
        lost_value=[{"number": "+45 11 22 33 44", "last_worked_on": None, "label": "mor"}],
        kept_by=OTHER_WORKER,
        kept_hlc=_hlc(3),
        lost_by=session.identity.worker_id,
        lost_hlc=_hlc(2),
        person_id=person.id,
    )
    session.save(conflict)
    return person, conflict


def _conflict_reads(session: Session) -> int:
    return sum(
        1 for e in session.repo.all(AuditEvent) if e.entity == "conflict" and e.action == "read"
    )


def test_both_values_with_who_and_when(session: Session) -> None:
    person, conflict = _person_with_conflict(session)
    service = ConflictService(session)
    assert service.count() == 1
    [item] = service.unresolved()
    assert (item.alias, item.field, item.person_id) == ("Bamse", "phones", person.id)
    assert item.current.value == conflict.kept_value
    assert (item.current.worker_id, item.current.by_me) == (OTHER_WORKER, False)
    assert item.current.at == datetime(2026, 11, 25, 10, 3, tzinfo=UTC)
    assert item.other.value == conflict.lost_value
    assert item.other.by_me
    assert item.record_exists
    assert not item.changed_since
    # Showing the values is an audited read, once per session however often it is shown.
    service.unresolved()
    assert _conflict_reads(session) == 1


def test_taking_the_other_value_is_an_ordinary_edit(session: Session) -> None:
    person, conflict = _person_with_conflict(session)
    service = ConflictService(session)
    before = session.repo.outbox_summary()[0]
    resolution = service.resolve(conflict.id, take_other=True)
    assert resolution.took_other
    assert {c.entity for c in resolution.changes} == {"person", "conflict"}
    saved = session.get(Person, person.id)
    assert saved is not None
    assert saved.phones == (Phone("+45 11 22 33 44", label="mor"),)
    stored = session.get(Conflict, conflict.id)
    assert stored is not None
    assert stored.resolved
    assert service.count() == 0
    # The edit and the resolution go to the server like any other change (plus their audits).
    assert session.repo.outbox_summary()[0] == before + 4
    outbox = {e.entity: e for e in session.repo.outbox(limit=500) if e.entity != "audit_event"}
    assert set(outbox["person"].fields) == {"phones"}
    assert outbox["conflict"].fields == {"resolved": True}
    # Resolving twice (another laptop of the team did it first) changes nothing.
    assert service.resolve(conflict.id, take_other=False).changes == ()


def test_keeping_the_current_value_only_resolves(session: Session) -> None:
    person, conflict = _person_with_conflict(session)
    resolution = ConflictService(session).resolve(conflict.id, take_other=False)
    assert [c.entity for c in resolution.changes] == ["conflict"]
    saved = session.get(Person, person.id)
    assert saved is not None
    assert saved.phones == person.phones


def test_a_value_changed_since_and_a_deleted_record(session: Session) -> None:
    person, conflict = _person_with_conflict(session)
    session.save(replace(person, phones=(Phone("+45 99 99 99 99"),)))
    [item] = ConflictService(session).unresolved()
    assert item.changed_since
    assert item.current.value == [
        {"number": "+45 99 99 99 99", "last_worked_on": None, "label": None}
    ]
    assert item.current.worker_id is None  # who changed it since is not the conflict's word

    session.delete(Person, person.id)
    [item] = ConflictService(session).unresolved()
    assert not item.record_exists
    with pytest.raises(ValidationError) as raised:
        ConflictService(session).resolve(conflict.id, take_other=True)
    assert [e.code for e in raised.value.errors] == ["record_deleted"]
    assert ConflictService(session).resolve(conflict.id, take_other=False).changes
