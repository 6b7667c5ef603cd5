"""The ranges in which a person counts as seen, from their encounters (Overblik's input)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import Channel, Encounter, Person
from gadeplan.app.services.session import Session
from gadeplan.storage import analytics

N = 10


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


def test_seen_ranges_join_contacts_at_most_n_days_apart(session: Session) -> None:
    day = analytics.epoch_day
    often, once, never = (_person(session, a) for a in ("Ofte", "Engang", "Aldrig"))
    # Saved out of order, one day twice: 1 and 11 March are N days apart (one range), 22
    # March is N + 1 days after 11 March (a new range).
    _met(session, often, date(2026, 3, 22), date(2026, 3, 1), date(2026, 3, 11))
    _met(session, often, date(2026, 3, 11))
    _met(session, once, date(2026, 5, 5))
    with session.store.read() as conn:
        ranges = analytics.seen_ranges(conn, N)
    assert ranges[often.id] == [
        (day(date(2026, 3, 1)), day(date(2026, 3, 11)) + N),
        (day(date(2026, 3, 22)), day(date(2026, 3, 22)) + N),
    ]
    assert ranges[once.id] == [(day(date(2026, 5, 5)), day(date(2026, 5, 5)) + N)]
    assert never.id not in ranges
