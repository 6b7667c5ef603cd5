"""The quick log: find the person as you type, pre-fill what is already known, save in one go.

A known person's last housing situation and the place they were last met are filled in, so a
complete log needs only the person and the note. A new person goes through the duplicate check
first; the encounter is saved only once the worker has chosen.
"""

from __future__ import annotations

from datetime import date

import msgspec
from msgspec.structs import replace

from gadeplan.app.domain.housing import HousingCategory
from gadeplan.app.domain.records import Encounter, HousingStatus, Person
from gadeplan.app.services.changes import Change
from gadeplan.app.services.session import CreatePersonResult, Session, latest_housing
from gadeplan.storage import queries


class PersonHit(msgspec.Struct, frozen=True):
    id: str
    alias: str
    name: str | None
    age: int | None
    situation: HousingCategory | None
    places: tuple[str, ...]


class Prefill(msgspec.Struct, frozen=True):
    person_id: str
    situation: HousingCategory | None
    expected_date: date | None
    place: str | None


class LogResult(msgspec.Struct, frozen=True):
    """Either what was saved, or the likely duplicates of a new person to choose from."""

    person: Person | None
    changes: tuple[Change, ...] = ()
    duplicates: CreatePersonResult | None = None


class QuickLogService:
    def __init__(self, session: Session) -> None:
        self.session = session

    def find(self, text: str, limit: int = 8) -> list[PersonHit]:
        session = self.session
        today = session.clock.today()
        hits = []
        for person in session.search_persons(text, limit=limit):
            current = latest_housing(session.repo.for_person(HousingStatus, person.id), today)
            hits.append(
                PersonHit(
                    person.id,
                    person.alias,
                    person.name,
                    person.age_on(today),
                    current.category if current else None,
                    person.places,
                )
            )
        return hits

    def prefill(self, person_id: str) -> Prefill:
        session = self.session
        current = latest_housing(
            session.repo.for_person(HousingStatus, person_id), session.clock.today()
        )
        place = queries.last_place_of(session.store, person_id)
        if place is None:
            person = session.get(Person, person_id)
            place = person.places[0] if person and person.places else None
        return Prefill(
            person_id,
            current.category if current else None,
            current.expected_date if current else None,
            place,
        )

    def recent_places(self) -> list[str]:
        return queries.recent_places(self.session.store)

    def log(
        self,
        encounter: Encounter,
        situation: HousingCategory | None = None,
        expected_date: date | None = None,
    ) -> LogResult:
        changes = self.session.log_encounter(
            encounter, situation=situation, expected_date=expected_date
        )
        return LogResult(None, tuple(changes))

    def log_new_person(
        self,
        person: Person,
        encounter: Encounter,
        situation: HousingCategory | None = None,
        expected_date: date | None = None,
        *,
        confirmed_new: bool = False,
    ) -> LogResult:
        """Create the person (unless likely duplicates need a look first), then the log."""
        # Nothing is created if the encounter itself could not be saved.
        replace(encounter, person_id=person.id).check()
        created = self.session.create_person(person, confirmed_new=confirmed_new)
        if created.person is None:
            return LogResult(None, (), created)
        changes = [created.change] if created.change else []
        changes += self.session.log_encounter(
            replace(encounter, person_id=created.person.id),
            situation=situation,
            expected_date=expected_date,
        )
        return LogResult(created.person, tuple(changes))
