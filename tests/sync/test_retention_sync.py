"""Local retention against the real backend: removed from the laptop only, and back with the
next change a colleague makes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from msgspec.structs import replace

from gadeplan.app.domain.housing import HousingCategory
from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import Channel, Encounter, Person
from gadeplan.app.policy import Policy
from tests.backend.support import Server
from tests.support import FixedClock
from tests.sync.conftest import Laptop

Make = Callable[..., Laptop]


def test_retention_removes_from_the_laptop_only_and_a_colleagues_change_brings_it_back(
    backend: Server, laptops: Make
) -> None:
    team = backend.team()
    # On the server's time: a laptop clock ahead of it stops retention (see the service).
    a = laptops(backend.worker(team), clock=FixedClock(datetime.now(UTC)))
    b = laptops(backend.worker(team), clock=FixedClock(datetime.now(UTC)))
    person = Person(id=new_id(), team_id=team, alias="Ræven", places=("Havnen",))
    assert a.session.create_person(person, confirmed_new=True).person is not None
    a.session.log_encounter(
        Encounter(
            id=new_id(),
            team_id=team,
            person_id=person.id,
            occurred_at=datetime(2026, 11, 24, 22, tzinfo=UTC),
            channel=Channel.NIGHT_CAFE,
            note="Sov i opgangen",
        ),
        situation=HousingCategory.STREET,
    )
    a.sync.sync_once()
    b.sync.sync_once()

    a.clock.advance(days=100)
    a.sync.policy = Policy(retention_days=30)
    a.sync.sync_once()
    assert (a.sync.retention.persons, a.sync.retention.records) == (1, 3)
    assert a.session.get(Person, person.id) is None
    assert a.session.search_persons("opgangen") == []
    # Nothing was deleted at the backend: a new device of the team gets all of it.
    assert a.session.repo.all_for_person(person.id) == []
    fresh = backend.new_device(team)
    assert (fresh.record(person.id) or {}).get("op") == "put"

    # A hundred days on, a colleague meets the person again and adds a place.
    b.clock.advance(days=100)
    backend.clock.advance(days=100)
    try:
        known = b.session.get(Person, person.id)
        assert known is not None
        b.session.update_person(replace(known, places=("Havnen", "Kirken")))
        b.sync.sync_once()
        report = a.sync.sync_once()  # also sends the audit event of the removal
    finally:
        backend.clock.offset = timedelta()
    assert report.rejected == []
    assert a.sync.status().unsent_changes == 0  # the backend took the audit event
    back = a.session.get(Person, person.id)
    assert back is not None
    assert back.places == ("Havnen", "Kirken")
    assert [p.id for p in a.session.search_persons("Kirken")] == [person.id]
