"""The people list: every person with their age, situation, contact person and last-seen date,
searched as you type and filtered the ways a team asks ("young people", "sofa-surfers",
"mine", "not seen for a month").

The directory of all persons is built once per change (a few hundred milliseconds for 20,000
persons) and kept in memory on the database worker; a keystroke then costs one full-text
look-up and a pass over the cached rows. Each query is audited as one search (its count, never
its text: the text may be a name).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any, Literal

import msgspec

from gadeplan.app.domain import cpr as cpr_rules
from gadeplan.app.domain.housing import HousingCategory, counts_as_homeless
from gadeplan.app.domain.records import AuditAction
from gadeplan.app.services.session import Session
from gadeplan.storage import queries

#: Situation filter value: counted as homeless today by the national count's rules.
HOMELESS: Literal["homeless"] = "homeless"
YOUNG_FROM, YOUNG_TO = 18, 29
#: How many search hits the list shows at most; more means "type more".
SEARCH_LIMIT = 200


class PersonRow(msgspec.Struct, frozen=True):
    id: str
    alias: str
    name: str | None
    age: int | None
    situation: HousingCategory | None
    situation_since: date | None
    expected_date: date | None
    contact_worker_id: str | None
    contact_name: str | None
    last_seen: date | None
    places: tuple[str, ...]

    def homeless_on(self, day: date) -> bool:
        return self.situation is not None and counts_as_homeless(
            self.situation, day, self.expected_date
        )


class PeopleFilter(msgspec.Struct, frozen=True):
    text: str = ""
    young: bool = False
    situation: HousingCategory | Literal["homeless"] | None = None
    contact_worker_id: str | None = None
    #: Not met for at least this many days (never met counts).
    not_seen_days: int | None = None

    @property
    def empty(self) -> bool:
        return self == PeopleFilter()


class PeopleResult(msgspec.Struct, frozen=True):
    rows: tuple[PersonRow, ...]
    total: int
    #: The search had more hits than the list shows.
    truncated: bool = False


def _date(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _age(birth_date: Any, cpr: Any, birth_year: Any, approx_age: Any, today: date) -> int | None:
    """As Person.age_on, from the stored values (no record objects for 20,000 rows)."""
    born = _date(birth_date)
    if born is None and cpr:
        born = cpr_rules.birth_date(str(cpr))
    if born is not None:
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    if birth_year is not None:
        return today.year - int(birth_year)
    return int(approx_age) if approx_age is not None else None


#: By value: looking a category up here is a fifth of the cost of ``HousingCategory(value)``.
_CATEGORIES = {c.value: c for c in HousingCategory}

Situation = tuple[HousingCategory, date, date | None, str]


def _situation(
    best: Situation | None,
    valid_from: str,
    category: str,
    expected: str | None,
    entry_id: str,
    today: date,
) -> Situation | None:
    """The later of ``best`` and this entry, as of today. Of two entries from the same day, the
    later-made one wins (ids sort by time)."""
    since = _date(valid_from)
    if since is None or since > today:
        return best
    if best is not None and (since, entry_id) <= (best[1], best[3]):
        return best
    # A category this version does not know (a newer peer's) is an unknown situation.
    situation = _CATEGORIES.get(category, HousingCategory.UNKNOWN)
    return situation, since, _date(expected), entry_id


class PeopleService:
    """Lives on the database worker for as long as the profile is open."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._rows: dict[str, PersonRow] | None = None
        self._fingerprint: tuple[object, ...] | None = None
        self._built_for: date | None = None
        self._workers: dict[str, str] = {}
        self._stale: set[str] = set()

    def invalidate(self) -> None:
        self._rows = None

    def note_changes(self, person_ids: frozenset[str], entities: frozenset[str]) -> None:
        """The window wrote something about these persons: only their rows are rebuilt."""
        if entities & {"person", "housing_status", "encounter"}:
            self._stale |= person_ids
        if "worker" in entities:
            self.invalidate()

    def workers(self) -> list[tuple[str, str]]:
        """(id, name) of the team's workers, for the contact-person filter."""
        found = []
        for worker_id, data in queries.workers(self.session.store):
            found.append((worker_id, str(json.loads(data).get("name") or "")))
        return sorted(found, key=lambda w: w[1].casefold())

    def directory(self) -> dict[str, PersonRow]:
        store = self.session.store
        today = self.session.clock.today()
        fingerprint = queries.directory_fingerprint(store)
        if self._rows is None or today != self._built_for:
            self._rows = self._build(today)
        elif fingerprint != self._fingerprint:
            if self._stale:
                self._update(self._rows, self._stale, today)
            else:  # changed by something other than the window (a sync): start over
                self._rows = self._build(today)
        self._stale = set()
        self._fingerprint = fingerprint
        self._built_for = today
        return self._rows

    def _row(
        self, facts: queries.PersonFacts, now: Situation | None, seen: str | None, today: date
    ) -> PersonRow:
        person_id, alias, name, born, cpr, birth_year, approx_age, contact, places = facts
        return PersonRow(
            id=person_id,
            alias=str(alias or ""),
            name=name or None,
            age=_age(born, cpr, birth_year, approx_age, today),
            situation=now[0] if now else None,
            situation_since=now[1] if now else None,
            expected_date=now[2] if now else None,
            contact_worker_id=contact,
            contact_name=self._workers.get(contact) if contact else None,
            last_seen=_local_day(seen) if seen else None,
            # json_extract gives an array as its JSON text
            places=tuple(str(p) for p in json.loads(places)) if places else (),
        )

    def _build(self, today: date) -> dict[str, PersonRow]:
        store = self.session.store
        self._workers = dict(self.workers())
        current: dict[str, Situation] = {}
        for person_id, valid_from, category, expected, entry_id in queries.housing_history(store):
            best = _situation(
                current.get(person_id), valid_from, category, expected, entry_id, today
            )
            if best is not None:
                current[person_id] = best
        last_seen = queries.last_encounter_by_person(store)
        return {
            facts[0]: self._row(facts, current.get(facts[0]), last_seen.get(facts[0]), today)
            for facts in queries.directory_persons(store)
        }

    def _update(self, rows: dict[str, PersonRow], person_ids: set[str], today: date) -> None:
        store = self.session.store
        found = {facts[0]: facts for facts in queries.directory_persons_by_id(store, person_ids)}
        for person_id in person_ids:
            facts = found.get(person_id)
            if facts is None:  # deleted or erased
                rows.pop(person_id, None)
                continue
            now: Situation | None = None
            for valid_from, category, expected, entry_id in queries.housing_of(store, person_id):
                now = _situation(now, valid_from, category, expected, entry_id, today)
            seen = queries.last_encounter_of(store, person_id)
            rows[person_id] = self._row(facts, now, seen, today)

    def query(self, wanted: PeopleFilter) -> PeopleResult:
        directory = self.directory()
        today = self.session.clock.today()
        truncated = False
        candidates: Iterable[PersonRow]
        if wanted.text.strip():
            ids = self.session.repo.search_persons(wanted.text, limit=SEARCH_LIMIT)
            truncated = len(ids) >= SEARCH_LIMIT
            candidates = (directory[i] for i in ids if i in directory)
        else:
            candidates = directory.values()
        rows = tuple(row for row in candidates if _matches(row, wanted, today))
        with self.session.store.write() as conn:
            # The text may be a name: only the number of hits is logged.
            self.session.audit.write(
                conn, AuditAction.SEARCH, entity="person", detail=str(len(rows))
            )
        return PeopleResult(rows, len(directory), truncated)


def _local_day(iso: str) -> date | None:
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return _date(iso)
    return moment.astimezone().date() if moment.tzinfo else moment.date()


def _matches(row: PersonRow, wanted: PeopleFilter, today: date) -> bool:
    if wanted.young and (row.age is None or not YOUNG_FROM <= row.age <= YOUNG_TO):
        return False
    if wanted.situation == HOMELESS:
        if not row.homeless_on(today):
            return False
    elif wanted.situation is not None and row.situation != wanted.situation:
        return False
    if wanted.contact_worker_id is not None and row.contact_worker_id != wanted.contact_worker_id:
        return False
    if wanted.not_seen_days is not None and row.last_seen is not None:
        return (today - row.last_seen).days >= wanted.not_seen_days
    return True
