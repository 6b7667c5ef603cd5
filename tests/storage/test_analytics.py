"""Read-only queries for Overblik and the radar: contact days, last seen."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import Channel, Encounter, Person
from gadeplan.app.services.session import Session
from gadeplan.storage import analytics


def _met(session: Session, person: Person, *days: date) -> None:
    with session.store.write() as conn:
        for day in days:
            encounter = Encounter(
                id=new_id(),
                team_id=person.team_id,
                person_id=person.id,
                occurred_at=datetime(day.year, day.month, day.day, 23, 30, tzinfo=UTC),
                channel=Channel.STREET,
            )
            session.repo.save(conn, encounter)


def _person(session: Session, alias: str) -> Person:
    person = Person(id=new_id(), team_id=session.identity.team_id, alias=alias)
    with session.store.write() as conn:
        session.repo.save(conn, person)
    return person


def test_contact_days_are_every_encounters_day_per_person(session: Session) -> None:
    day = analytics.epoch_day
    often, once, never = (_person(session, a) for a in ("Ofte", "Engang", "Aldrig"))
    # Saved out of order, one day twice; 23:30 UTC is still the day it says.
    _met(session, often, date(2026, 3, 22), date(2026, 3, 1), date(2026, 3, 11))
    _met(session, often, date(2026, 3, 11))
    _met(session, once, date(2026, 5, 5))
    with session.store.read() as conn:
        found = json.loads(analytics.contact_days_json(conn))
    assert sorted(found[often.id]) == [
        day(date(2026, 3, 1)),
        day(date(2026, 3, 11)),
        day(date(2026, 3, 11)),
        day(date(2026, 3, 22)),
    ]
    assert found[once.id] == [day(date(2026, 5, 5))]
    assert never.id not in found


def test_the_queries_answer_an_empty_store_with_empty_objects(session: Session) -> None:
    with session.store.read() as conn:
        assert json.loads(analytics.contact_days_json(conn)) == {}
        assert json.loads(analytics.housing_json(conn)) == {}
        assert json.loads(analytics.person_ages_json(conn, None)) == {}


def test_last_seen_is_the_newest_encounter_up_to_the_day(session: Session) -> None:
    """Up to and including the day asked for, whatever order they were saved in; a deleted
    encounter does not count."""
    early, late, never = (_person(session, a) for a in ("Tidlig", "Sen", "Aldrig"))
    _met(session, early, date(2026, 3, 11), date(2026, 3, 1))
    _met(session, late, date(2026, 5, 6), date(2026, 5, 5), date(2026, 4, 1))
    with session.store.read() as conn:
        assert analytics.last_seen(conn, date(2026, 5, 5)) == {
            early.id: date(2026, 3, 11),
            late.id: date(2026, 5, 5),  # 6 May is after the day asked for
        }
        newest = conn.execute(
            "SELECT id FROM record WHERE entity = 'encounter' AND person_id = ?"
            " ORDER BY json_extract(data, '$.occurred_at') DESC LIMIT 1",
            (early.id,),
        ).fetchone()[0]
    with session.store.write() as conn:
        conn.execute("UPDATE record SET deleted = 1 WHERE id = ?", (newest,))
    with session.store.read() as conn:
        found = analytics.last_seen(conn, date(2026, 12, 31))
    assert found == {early.id: date(2026, 3, 1), late.id: date(2026, 5, 6)}
    assert never.id not in found
