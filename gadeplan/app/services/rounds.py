"""Street round mode: tally anonymous contacts fast, and turn a tally into a person later.

A tally is an anonymous encounter (place, rough age, situation, a few words of description);
the round is simply the worker's tallies since it started, so nothing new is stored about the
round itself. When someone gives a name, the tally becomes their first encounter and its
situation the first entry in their housing history.
"""

from __future__ import annotations

import json
from datetime import datetime

import msgspec
from msgspec.structs import replace

from gadeplan.app.domain.housing import HousingCategory
from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import Channel, Encounter, HousingStatus, Person
from gadeplan.app.services.changes import Change
from gadeplan.app.services.session import CreatePersonResult, Session, latest_housing
from gadeplan.storage import queries

#: Rough ages offered as one key each; the midpoint is stored as the approximate age.
AGE_BANDS: tuple[tuple[str, int], ...] = (
    ("under_18", 16),
    ("18_24", 21),
    ("25_29", 27),
    ("30_49", 40),
    ("50_plus", 57),
)

#: Situations that can be told at a glance in the street (no expected dates needed).
ROUND_SITUATIONS: tuple[HousingCategory, ...] = (
    HousingCategory.STREET,
    HousingCategory.SOFA,
    HousingCategory.NIGHT_SHELTER,
    HousingCategory.SHELTER,
    HousingCategory.HOTEL,
    HousingCategory.OTHER_HOMELESS,
    HousingCategory.HOUSED,
    HousingCategory.UNKNOWN,
)


class Tally(msgspec.Struct, frozen=True):
    encounter_id: str
    occurred_at: datetime
    place: str | None
    approx_age: int | None
    situation: HousingCategory | None
    description: str | None


class TallyOutcome(msgspec.Struct, frozen=True):
    """The person created (or the duplicates to choose from), and everything that changed."""

    created: CreatePersonResult
    changes: tuple[Change, ...] = ()


class StreetRoundService:
    def __init__(self, session: Session) -> None:
        self.session = session

    def tallies(self, since: datetime) -> list[Tally]:
        found = []
        for encounter_id, data in queries.anonymous_encounters_since(
            self.session.store, since.isoformat(), self.session.identity.worker_id
        ):
            fields = json.loads(data)
            situation = fields.get("situation")
            found.append(
                Tally(
                    encounter_id,
                    datetime.fromisoformat(fields["occurred_at"]),
                    fields.get("place"),
                    fields.get("approx_age"),
                    HousingCategory(situation) if situation else None,
                    fields.get("description"),
                )
            )
        return found

    def add(
        self,
        place: str | None,
        approx_age: int | None,
        situation: HousingCategory | None,
        description: str | None = None,
        channel: Channel = Channel.STREET,
    ) -> list[Change]:
        session = self.session
        return session.log_encounter(
            Encounter(
                id=new_id(),
                team_id=session.identity.team_id,
                occurred_at=session.clock.now(),
                channel=channel,
                place=place or None,
                approx_age=approx_age,
                situation=situation,
                description=description or None,
                worker_id=session.identity.worker_id,
            )
        )

    def to_person(
        self, encounter_id: str, person: Person, *, confirmed_new: bool = False
    ) -> TallyOutcome:
        """Create the person from a tally (after the duplicate check) and move the tally to them."""
        created = self.session.create_person(person, confirmed_new=confirmed_new)
        changes: list[Change] = [created.change] if created.change else []
        if created.person is not None:
            changes += self.link(encounter_id, created.person.id)
        return TallyOutcome(created, tuple(changes))

    def link(self, encounter_id: str, person_id: str) -> list[Change]:
        """The tally was someone already known: it becomes their encounter."""
        session = self.session
        encounter = session.get(Encounter, encounter_id)
        if encounter is None:
            return []
        changes: list[Change] = []
        change = session.save(replace(encounter, person_id=person_id))
        if change is not None:
            changes.append(change)
        if encounter.situation is not None:
            current = latest_housing(
                session.repo.for_person(HousingStatus, person_id), encounter.occurred_at.date()
            )
            if current is None or current.category != encounter.situation:
                entry = session.save(
                    HousingStatus(
                        id=new_id(),
                        team_id=encounter.team_id,
                        person_id=person_id,
                        category=encounter.situation,
                        valid_from=encounter.occurred_at.date(),
                        place=encounter.place,
                        recorded_by=session.identity.worker_id,
                    )
                )
                if entry is not None:
                    changes.append(entry)
        return changes
