"""Everyone of a team (or of the device), as the radar and the reports see them.

Loaded once per screen from two light queries (storage/analytics.py), then asked many
questions in memory: the situation of each person on a date, their age. The rules are those
of the person screen (``latest_housing``, ``Person.age_on``), kept here in a form that answers
for 20,000 people without parsing 20,000 records. (The dashboard goes further, to day numbers
and bit masks: see dashboard.py.)

The team of a person decides whether they are in scope; their housing entries and encounters
count whoever recorded them, since a contact with another team is still a contact.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from datetime import date

import msgspec

from gadeplan.app.domain import cpr as cpr_rules
from gadeplan.app.domain.housing import counts_as_homeless
from gadeplan.storage import analytics
from gadeplan.storage.analytics import HousingRow, PersonRow
from gadeplan.storage.db import Store


def counts_on(entry: HousingRow | None, day: date) -> bool:
    """Whether the national count would count this situation on ``day``."""
    return entry is not None and counts_as_homeless(entry.category, day, entry.expected_date)


class Population(msgspec.Struct):
    persons: dict[str, PersonRow]
    #: Each person's housing history, sorted by ``(valid_from, seq)``: the last entry valid
    #: on a day is the situation that day (ties: the later-recorded, as ``latest_housing``).
    housing: dict[str, list[HousingRow]]
    team_id: str | None = None

    @classmethod
    def load(cls, store: Store, team_id: str | None) -> Population:
        with store.read() as conn:
            persons = {p.id: p for p in analytics.persons(conn, team_id)}
            rows = analytics.housing(conn)
        housing: dict[str, list[HousingRow]] = {}
        for row in rows:
            if row.person_id in persons:
                housing.setdefault(row.person_id, []).append(row)
        for entries in housing.values():
            entries.sort(key=lambda e: (e.valid_from, e.seq))
        return cls(persons, housing, team_id)

    def __iter__(self) -> Iterator[PersonRow]:
        return iter(self.persons.values())

    def history(self, person_id: str) -> list[HousingRow]:
        return self.housing.get(person_id, [])

    def situation_on(self, person_id: str, day: date) -> HousingRow | None:
        entries = self.housing.get(person_id)
        if not entries:
            return None
        i = bisect_right(entries, day, key=lambda e: e.valid_from)
        return entries[i - 1] if i else None

    def last_entry_day(self, person_id: str, until: date) -> date | None:
        """The newest ``valid_from`` on or before ``until``: recording a situation is a
        contact too."""
        entry = self.situation_on(person_id, until)
        return entry.valid_from if entry else None

    def alias(self, person_id: str) -> str:
        person = self.persons.get(person_id)
        return person.alias if person else ""


def born_on(person: PersonRow) -> date | None:
    """The birth date the record gives, directly or through the CPR number."""
    if person.birth_date is not None:
        return person.birth_date
    if person.cpr:
        return cpr_rules.birth_date(person.cpr)
    return None


def age_on(person: PersonRow, day: date) -> int | None:
    """As ``Person.age_on``: exact from a birth date, else from the birth year, else the
    approximate age the worker noted."""
    born = born_on(person)
    if born is not None:
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    if person.birth_year is not None:
        return day.year - person.birth_year
    return person.approx_age


__all__ = ["HousingRow", "PersonRow", "Population", "age_on", "born_on", "counts_on"]
