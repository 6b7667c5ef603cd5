"""Use cases on an unlocked profile: duplicates, audit, logging encounters, export, stats."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from msgspec.structs import replace

from gadeplan.app.domain.housing import HousingCategory
from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import (
    AuditAction,
    AuditEvent,
    Channel,
    Encounter,
    HousingStatus,
    Person,
    ValidationError,
)
from gadeplan.app.services.session import NotAuthor, Session
from tests.support import FixedClock


def _new(session: Session, alias: str, **fields: object) -> Person:
    return Person(id=new_id(), team_id=session.identity.team_id, alias=alias, **fields)  # type: ignore[arg-type]


def _audit(session: Session) -> list[AuditEvent]:
    return list(session.repo.all(AuditEvent))


def _encounter(session: Session, person: Person | None, **fields: object) -> Encounter:
    base: dict[str, object] = {
        "id": new_id(),
        "team_id": session.identity.team_id,
        "person_id": person.id if person else None,
        "occurred_at": datetime(2026, 11, 25, 9, 30, tzinfo=UTC),
        "channel": Channel.STREET,
        "place": "Torvet",
    }
    base.update(fields)
    return Encounter(**base)  # type: ignore[arg-type]


def test_create_person_offers_duplicates_first(session: Session) -> None:
    first = session.create_person(_new(session, "Søren", name="Søren Jensen", birth_year=1999))
    assert first.person is not None
    # Typed without Danish letters, same birth year: likely the same person.
    again = session.create_person(_new(session, "Soeren", name="Soren Jensen", birth_year=1999))
    assert again.person is None
    assert [c.person.id for c in again.duplicates] == [first.person.id]
    assert set(again.duplicates[0].reasons) >= {"name", "birth_year"}
    # The worker says it is a new person: created.
    confirmed = session.create_person(
        _new(session, "Soeren", name="Soren Jensen", birth_year=1999), confirmed_new=True
    )
    assert confirmed.person is not None


def test_duplicate_by_cpr_wins_over_different_names(session: Session) -> None:
    first = session.create_person(_new(session, "Kasket", cpr="0101990123"))
    assert first.person is not None
    assert first.person.cpr == "010199-0123"
    other = session.create_person(_new(session, "Helt anden", cpr="010199-0123"))
    assert other.person is None
    assert other.duplicates[0].reasons[0] == "cpr"


def test_different_birth_year_is_not_offered_as_duplicate(session: Session) -> None:
    session.create_person(_new(session, "Mads", name="Mads Holm", birth_year=1970))
    result = session.create_person(_new(session, "Mads", name="Mads Holm", birth_year=2004))
    assert result.person is not None


def test_invalid_person_is_refused_with_reasons(session: Session) -> None:
    with pytest.raises(ValidationError) as info:
        session.create_person(_new(session, "", cpr="12"))
    assert {e.field for e in info.value.errors} == {"alias", "cpr"}
    assert session.repo.count_by_entity().get("person", 0) == 0


def test_every_read_and_change_is_audited_without_values(session: Session) -> None:
    created = session.create_person(
        _new(session, "Ørnen", name="Secretname Person", cpr="010190-1234")
    )
    assert created.person is not None
    pid = created.person.id
    session.update_person(replace(created.person, name="Othername Person"))
    session.open_person(pid)
    session.search_persons("Secretname")
    assert session.reveal_cpr(pid) == "010190-1234"
    session.export_person(pid)
    actions = [e.action for e in _audit(session)]
    assert actions == [
        AuditAction.CREATE,
        AuditAction.UPDATE,
        AuditAction.READ,
        AuditAction.SEARCH,
        AuditAction.REVEAL,
        AuditAction.EXPORT,
    ]
    events = _audit(session)
    assert events[1].fields == ("name",)
    assert all(e.worker_id == session.identity.worker_id for e in events)
    text = json.dumps([e.to_fields() for e in events])
    for secret in ("Secretname", "Othername", "1234", "Ørnen"):
        assert secret not in text
    # Audit events are pushed like any other mutation.
    assert any(e.entity == "audit_event" for e in session.repo.outbox(limit=1000))


def test_log_encounter_records_changed_situation_and_follow_up(
    session: Session, clock: FixedClock
) -> None:
    person = session.create_person(_new(session, "Bamse")).person
    assert person is not None
    session.log_encounter(
        _encounter(
            session, person, follow_up_on=date(2026, 11, 28), next_step="Ring til jobcentret"
        ),
        situation=HousingCategory.SOFA,
    )
    file = session.open_person(person.id)
    assert file is not None
    assert [h.category for h in file.housing] == [HousingCategory.SOFA]
    assert file.encounters[0].worker_id == session.identity.worker_id
    assert [(f.due_on, f.what) for f in file.follow_ups] == [
        (date(2026, 11, 28), "Ring til jobcentret")
    ]
    # Same situation again: no new history entry.
    session.log_encounter(_encounter(session, person), situation=HousingCategory.SOFA)
    # A new situation: appended.
    session.log_encounter(_encounter(session, person), situation=HousingCategory.SHELTER)
    file = session.open_person(person.id)
    assert file is not None
    assert [h.category for h in file.housing] == [HousingCategory.SOFA, HousingCategory.SHELTER]
    assert file.current_housing(clock.today()) is not None
    assert file.current_housing(clock.today()).category is HousingCategory.SHELTER  # type: ignore[union-attr]
    assert len(file.encounters) == 3


def test_log_encounter_is_all_or_nothing(session: Session) -> None:
    person = session.create_person(_new(session, "Tut")).person
    assert person is not None
    before = session.repo.count_by_entity()
    with pytest.raises(ValidationError):
        # A prison release needs its expected date: the encounter is not saved either.
        session.log_encounter(_encounter(session, person), situation=HousingCategory.PRISON_RELEASE)
    assert session.repo.count_by_entity() == before


def test_anonymous_encounter(session: Session) -> None:
    session.log_encounter(_encounter(session, None, approx_age=19, description="Grøn jakke"))
    assert session.repo.count_by_entity()["encounter"] == 1
    with pytest.raises(ValidationError):
        session.log_encounter(_encounter(session, None))


def test_append_only_records_are_corrected_only_by_their_author(session: Session) -> None:
    person = session.create_person(_new(session, "Skipper")).person
    assert person is not None
    mine = _encounter(session, person, note="Første note")
    session.log_encounter(mine)
    corrected = session.save(
        replace(mine, note="Rettet note", worker_id=session.identity.worker_id)
    )
    assert corrected is not None
    assert corrected.fields == ("note",)
    theirs = _encounter(session, person, worker_id="another-worker")
    with session.store.write() as conn:  # arrived by sync from a colleague
        session.repo.save(conn, theirs, outbox=False)
    with pytest.raises(NotAuthor):
        session.save(replace(theirs, note="Overskrevet"))
    with pytest.raises(NotAuthor):
        session.delete(Encounter, theirs.id)


def test_export_holds_everything_about_the_person(session: Session) -> None:
    person = session.create_person(_new(session, "Krølle", name="Ida Lund")).person
    assert person is not None
    other = session.create_person(_new(session, "Andre")).person
    assert other is not None
    session.log_encounter(
        _encounter(session, person, note="Hjalp med ansøgning"), situation=HousingCategory.STREET
    )
    session.log_encounter(_encounter(session, other, note="Ikke med"))
    export = session.export_person(person.id)
    assert export is not None
    records = export["records"]
    assert records["person"][0]["name"] == "Ida Lund"
    assert records["encounter"][0]["note"] == "Hjalp med ansøgning"
    assert records["housing_status"][0]["category"] == "street"
    assert "Ikke med" not in json.dumps(export, ensure_ascii=False)
    assert session.export_person(new_id()) is None


def test_erase_person_removes_records_outbox_and_index_but_keeps_audit(session: Session) -> None:
    person = session.create_person(_new(session, "Ål", name="Erasable Name")).person
    keep = session.create_person(_new(session, "Bliver")).person
    assert person is not None
    assert keep is not None
    session.log_encounter(
        _encounter(session, person, note="Noget om Erasable"), situation=HousingCategory.SOFA
    )
    removed = session.erase_person(person.id)
    assert removed == 3  # the person, the encounter and the housing status
    assert session.repo.get(Person, person.id) is None
    assert session.repo.all_for_person(person.id) == []
    assert session.repo.search_persons("erasable") == []
    # Unsent mutations stay as bare deletes (mutation ids must stay gapless), holding nothing.
    entries = [
        e
        for e in session.repo.outbox(limit=1000)
        if e.entity != "audit_event" and e.record_id == person.id
    ]
    assert entries
    assert all((e.op, e.fields, e.old) == ("delete", {}, {}) for e in entries)
    assert "Erasable" not in repr([e.to_wire() for e in session.repo.outbox(limit=1000)])
    assert session.repo.get(Person, keep.id) is not None
    assert any(e.action is AuditAction.ERASE for e in _audit(session))


def test_stats_count_homeless_by_latest_situation(session: Session, clock: FixedClock) -> None:
    a = session.create_person(_new(session, "A")).person
    b = session.create_person(_new(session, "B")).person
    assert a is not None
    assert b is not None
    team = session.identity.team_id
    for pid, category, day in (
        (a.id, HousingCategory.STREET, date(2026, 1, 1)),
        (a.id, HousingCategory.HOUSED, date(2026, 6, 1)),
        (b.id, HousingCategory.HOUSED, date(2026, 1, 1)),
        (b.id, HousingCategory.SOFA, date(2026, 10, 1)),
    ):
        session.save(
            HousingStatus(
                id=new_id(), team_id=team, person_id=pid, category=category, valid_from=day
            )
        )
    stats = session.stats()
    assert stats.homeless_total == 1
    assert stats.homeless_by_category == {"sofa": 1}
    assert stats.unsent_changes == len(session.repo.outbox(limit=10_000))
    assert session.repo.count_by_entity()["person"] == 2
