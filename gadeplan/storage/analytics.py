"""Read-only queries for the radar, the dashboard and the reports.

These screens look at everyone at once. Read through the record table, every row costs a page
of its own to decrypt: on the benchmark store (20,000 persons, 200,000 encounters) reading the
persons and the housing history that way takes over a second, and every encounter over ten.
So each query here reads one covering index and nothing else:

- ``person_facts`` and ``housing_timeline`` (migration 6) hold exactly the fields selected
  below; the ``json_extract`` expressions must stay character for character those of the
  migration, or SQLite quietly goes back to the table;
- ``encounter_by_person_time`` (migration 5) holds each encounter's person and time;
- ``transition_by_date``, ``housing_offer_dates``, ``eviction_case_dates`` and
  ``encounter_place_by_time`` (migrations 7 and 9) serve the radar and the cold-weather
  checklist.

``INDEXED BY`` names the index: without statistics SQLite prefers ``record_by_entity`` and
reads the table, and a renamed or dropped index should fail loudly in the tests rather than
make the dashboard a hundred times slower.

Lists of ids go in as one JSON parameter (``IN (SELECT value FROM json_each(?))``), never as
hundreds of ``?``: measured on the benchmark store, after one statement with a 500-item
``IN (?, ?, ...)`` list had run on the connection, the next full index scan took 2.5 s
instead of 0.15 s (measured with ``cipher_memory_security`` on, when SQLCipher's allocations were
costly; the large cached statement seemed to leave the connection allocating where it did not).

SQLite reads the table again when it groups by an indexed expression (``GROUP BY
substr(occurred_at, 1, 7)`` costs ten seconds here), so encounters are grouped by person (a
plain column), with their days joined into one value.

One JSON text
    Overblik's three queries (``person_ages_json``, ``housing_json``, ``contact_days_json``)
    each return their whole answer as one JSON text in one row. SQLite then does all the
    work in one call, during which Python's other threads run (the driver releases the GIL
    while SQLite steps), so the dashboard runs them on a helper thread while it works on the
    previous answer; and one ``json.loads`` makes the lists in C, where 20,000 rows cost a
    tuple each. The indexed expressions are selected in a subquery and only the outer query
    builds the JSON: given straight to ``json_array``, ``json_extract`` is not taken from the
    index, and the persons' query read the table (300 ms instead of 8 on the benchmark store).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any, NamedTuple

from gadeplan.app.domain.housing import HousingCategory
from gadeplan.app.domain.records import EvictionStatus, OfferStatus, TransitionKind

#: ``date.toordinal()`` of 1970-01-01: SQLite's ``unixepoch(day) / 86400`` is a day number
#: counted from it, which these queries return where a screen only compares and subtracts.
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def epoch_day(day: date) -> int:
    """The day number SQLite's ``unixepoch(day) / 86400`` gives for ``day``."""
    return day.toordinal() - _EPOCH_ORDINAL


def from_epoch_day(number: int) -> date:
    """The day of a day number (:func:`epoch_day`)."""
    return date.fromordinal(number + _EPOCH_ORDINAL)


_PERSONS = (
    "SELECT id, team_id, json_extract(data, '$.alias'), json_extract(data, '$.birth_date'),"
    " json_extract(data, '$.cpr'), json_extract(data, '$.birth_year'),"
    " json_extract(data, '$.approx_age'), json_extract(data, '$.formerly_in_care'),"
    " json_extract(data, '$.aftercare_ends_on'), json_extract(data, '$.places')"
    " FROM record INDEXED BY person_facts WHERE entity = 'person' AND deleted = 0"
)
_HOUSING = (
    "SELECT rowid, id, person_id, json_extract(data, '$.valid_from'),"
    " json_extract(data, '$.category'), json_extract(data, '$.expected_date'),"
    " json_extract(data, '$.ready_to_move'), json_extract(data, '$.place')"
    " FROM record INDEXED BY housing_timeline"
    " WHERE entity = 'housing_status' AND deleted = 0 AND person_id IS NOT NULL"
)
_OCCURRED = "json_extract(data, '$.occurred_at')"
_ENCOUNTERS = (
    "FROM record INDEXED BY encounter_by_person_time"
    " WHERE entity = 'encounter' AND deleted = 0 AND person_id IS NOT NULL"
)


class PersonRow(NamedTuple):
    id: str
    team_id: str | None
    alias: str
    birth_date: date | None
    cpr: str | None
    birth_year: int | None
    approx_age: int | None
    formerly_in_care: bool
    aftercare_ends_on: date | None
    #: The places as stored (a JSON list); parsed only by the few screens that show them.
    places_json: str | None

    @property
    def places(self) -> tuple[str, ...]:
        if not self.places_json or self.places_json == "[]":
            return ()
        try:
            values = json.loads(self.places_json)
        except ValueError:
            return ()
        return tuple(p for p in values if isinstance(p, str)) if isinstance(values, list) else ()


class HousingRow(NamedTuple):
    #: Recording order: of two entries valid from the same day, the later-recorded wins.
    seq: int
    id: str
    person_id: str
    category: HousingCategory
    valid_from: date
    expected_date: date | None
    ready_to_move: bool
    place: str | None


class TransitionRow(NamedTuple):
    id: str
    person_id: str
    kind: TransitionKind
    on: date
    housing_plan: str | None
    done: bool


class OfferRow(NamedTuple):
    id: str
    person_id: str
    status: OfferStatus
    move_in_on: date | None
    lease_ends_on: date | None


class EvictionRow(NamedTuple):
    id: str
    person_id: str
    status: EvictionStatus
    court_date: date | None
    bailiff_date: date | None
    actions: tuple[str, ...]


class PlaceRow(NamedTuple):
    person_id: str
    day: date
    place: str


def _day(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def persons(conn: Any, team_id: str | None) -> list[PersonRow]:
    """Every live person of the team (or of the device, for ``team_id=None``)."""
    if team_id is None:
        rows = conn.execute(_PERSONS)
    else:
        rows = conn.execute(f"{_PERSONS} AND team_id = ?", (team_id,))
    out: list[PersonRow] = []
    for pid, team, alias, born, cpr, year, age, in_care, aftercare, places in rows:
        out.append(
            PersonRow(
                pid,
                team,
                alias if isinstance(alias, str) else "",
                _day(born) if born else None,
                cpr if isinstance(cpr, str) else None,
                year if isinstance(year, int) else None,
                age if isinstance(age, int) else None,
                bool(in_care),
                _day(aftercare) if aftercare else None,
                places if isinstance(places, str) else None,
            )
        )
    return out


def person_ages_json(conn: Any, team_id: str | None) -> str:
    """Every live person of the team (or device), as one JSON object: person id to
    ``[birth_date, cpr, birth_year, approx_age]`` as stored, unparsed, since only the few
    counted need an age. One value (see "One JSON text" above)."""
    where = "" if team_id is None else " AND team_id = ?"
    return _one_text(
        conn,
        "SELECT json_group_object(id, json_array(born, cpr, year, age)) FROM ("
        " SELECT id, json_extract(data, '$.birth_date') AS born,"
        " json_extract(data, '$.cpr') AS cpr, json_extract(data, '$.birth_year') AS year,"
        " json_extract(data, '$.approx_age') AS age"
        f" FROM record INDEXED BY person_facts WHERE entity = 'person' AND deleted = 0{where})",
        () if team_id is None else (team_id,),
    )


def housing_json(conn: Any) -> str:
    """Every live housing entry, as one JSON object: person id to that person's entries
    ``[valid_from, category, expected_date]``, dates as day numbers (:func:`epoch_day`), in
    the order in which the last one valid on a day is the situation that day (by date, then
    in recording order). Entries without a valid date are left out (validation keeps them
    out anyway). One value (see "One JSON text" above)."""
    return _one_text(
        conn,
        "SELECT '{' || coalesce(group_concat(json_quote(person_id) || ':' || entries), '') || '}'"
        " FROM (SELECT person_id,"
        "  json_group_array(json_array(start, category, expected) ORDER BY start, seq) AS entries"
        "  FROM (SELECT person_id, rowid AS seq,"
        "   unixepoch(json_extract(data, '$.valid_from')) / 86400 AS start,"
        "   json_extract(data, '$.category') AS category,"
        "   unixepoch(json_extract(data, '$.expected_date')) / 86400 AS expected"
        "   FROM record INDEXED BY housing_timeline"
        "   WHERE entity = 'housing_status' AND deleted = 0 AND person_id IS NOT NULL)"
        "  WHERE start IS NOT NULL GROUP BY person_id)",
    )


def contact_days_json(conn: Any) -> str:
    """Every known person's encounters, as one JSON object: person id to the day numbers
    (:func:`epoch_day`) of their encounters, in no promised order, a day once for each
    encounter on it. One value (see "One JSON text" above)."""
    return _one_text(
        conn,
        "SELECT '{' || coalesce(group_concat(json_quote(person_id) || ':[' || days || ']'), '')"
        " || '}' FROM (SELECT person_id, group_concat(unixepoch(substr(at, 1, 10)) / 86400) AS days"
        f"  FROM (SELECT person_id, {_OCCURRED} AS at {_ENCOUNTERS}) GROUP BY person_id)",
    )


def _one_text(conn: Any, sql: str, params: tuple[Any, ...] = ()) -> str:
    row = conn.execute(sql, params).fetchone()
    return str(row[0]) if row and row[0] is not None else "{}"


def names(conn: Any, person_ids: Sequence[str]) -> dict[str, str]:
    """Full names of the given persons (the national count's initials come from them)."""
    out: dict[str, str] = {}
    for pid, name in conn.execute(
        "SELECT id, json_extract(data, '$.name') FROM record"
        " WHERE entity = 'person' AND deleted = 0 AND id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(person_ids)),),
    ):
        if isinstance(name, str) and name.strip():
            out[str(pid)] = name
    return out


def aliases(conn: Any, person_ids: Sequence[str]) -> dict[str, str]:
    """The aliases of the given persons, for a by-name list."""
    return {
        str(pid): alias
        for pid, alias in conn.execute(
            "SELECT id, json_extract(data, '$.alias') FROM record INDEXED BY person_facts"
            " WHERE entity = 'person' AND deleted = 0"
            " AND id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(person_ids)),),
        )
        if isinstance(alias, str)
    }


def housing(conn: Any) -> list[HousingRow]:
    """Every live housing-history entry (in no particular order: sort by ``seq``)."""
    categories = {c.value: c for c in HousingCategory}
    fromiso = date.fromisoformat
    out: list[HousingRow] = []
    for seq, rid, pid, valid_from, category, expected, ready, place in conn.execute(_HOUSING):
        if not isinstance(valid_from, str):
            continue  # validation keeps these out
        # A category this version does not know (a newer peer's) is an unknown situation.
        known = categories.get(category, HousingCategory.UNKNOWN)
        try:
            start = fromiso(valid_from)
        except ValueError:
            continue
        out.append(
            HousingRow(
                seq,
                rid,
                pid,
                known,
                start,
                _day(expected) if expected else None,
                bool(ready),
                place if isinstance(place, str) else None,
            )
        )
    return out


def last_seen(conn: Any, until: date) -> dict[str, date]:
    """Each person's newest encounter day up to and including ``until``.

    ``max() ... GROUP BY person_id`` reads each person's newest entry from the index: on the
    benchmark store 45-60 ms, where streaming every encounter in index order and keeping the
    last took 125-170 ms, on a fresh connection and after a write alike. (With the indexes
    before migration 9 this aggregate was slow once the connection had written, 1.3-2.5 s;
    measured again after logging an encounter, it is not. bench/dashboard.py times the radar,
    which asks this.)"""
    out: dict[str, date] = {}
    for pid, at in conn.execute(
        f"SELECT person_id, max({_OCCURRED}) {_ENCOUNTERS} AND {_OCCURRED} < ? GROUP BY person_id",
        ((until + timedelta(days=1)).isoformat(),),
    ):
        day = _day(at)
        if day is not None:
            out[str(pid)] = day
    return out


def encounter_days(
    conn: Any, person_ids: Iterable[str], start: date, end: date
) -> dict[str, list[date]]:
    """The days, from ``start`` to ``end`` inclusive, on which each of the given persons
    had an encounter (sorted)."""
    out: dict[str, list[date]] = {}
    for pid, at in conn.execute(
        f"SELECT person_id, {_OCCURRED} {_ENCOUNTERS}"
        " AND person_id IN (SELECT value FROM json_each(?))"
        f" AND {_OCCURRED} >= ? AND {_OCCURRED} < ?",
        (
            json.dumps(list(dict.fromkeys(person_ids))),
            start.isoformat(),
            (end + timedelta(days=1)).isoformat(),
        ),
    ):
        day = _day(at)
        if day is not None:
            out.setdefault(str(pid), []).append(day)
    for days in out.values():
        days.sort()
    return out


def encounter_places(conn: Any, since: date, until: date) -> list[PlaceRow]:
    """Where known persons were met from ``since`` to ``until`` inclusive, newest first."""
    out: list[PlaceRow] = []
    for pid, at, place in conn.execute(
        f"SELECT person_id, {_OCCURRED}, json_extract(data, '$.place')"
        " FROM record INDEXED BY encounter_place_by_time"
        " WHERE entity = 'encounter' AND deleted = 0 AND person_id IS NOT NULL"
        f" AND {_OCCURRED} >= ? AND {_OCCURRED} < ? ORDER BY {_OCCURRED} DESC",
        (since.isoformat(), (until + timedelta(days=1)).isoformat()),
    ):
        day = _day(at)
        if day is not None and isinstance(place, str) and place.strip():
            out.append(PlaceRow(str(pid), day, place))
    return out


def transitions(conn: Any, start: date, end: date) -> list[TransitionRow]:
    """Transitions dated from ``start`` to ``end`` inclusive."""
    kinds = {k.value: k for k in TransitionKind}
    out: list[TransitionRow] = []
    for on, pid, kind, done, plan, rid in conn.execute(
        "SELECT json_extract(data, '$.on'), person_id, json_extract(data, '$.kind'),"
        " json_extract(data, '$.done'), json_extract(data, '$.housing_plan'), id"
        " FROM record INDEXED BY transition_by_date"
        " WHERE entity = 'transition' AND deleted = 0 AND person_id IS NOT NULL"
        " AND json_extract(data, '$.on') BETWEEN ? AND ?",
        (start.isoformat(), end.isoformat()),
    ):
        day, known = _day(on), kinds.get(kind)
        if day is not None and known is not None:
            plan_text = plan if isinstance(plan, str) else None
            out.append(TransitionRow(rid, pid, known, day, plan_text, bool(done)))
    return out


def housing_offers(conn: Any) -> list[OfferRow]:
    """Every housing offer: its status and dates."""
    statuses = {s.value: s for s in OfferStatus}
    out: list[OfferRow] = []
    for pid, status, move_in, lease_ends, rid in conn.execute(
        "SELECT person_id, json_extract(data, '$.status'), json_extract(data, '$.move_in_on'),"
        " json_extract(data, '$.lease_ends_on'), id FROM record INDEXED BY housing_offer_dates"
        " WHERE entity = 'housing_offer' AND deleted = 0 AND person_id IS NOT NULL"
    ):
        known = statuses.get(status)
        if known is not None:
            out.append(OfferRow(rid, pid, known, _day(move_in), _day(lease_ends)))
    return out


def open_eviction_cases(conn: Any) -> list[EvictionRow]:
    out: list[EvictionRow] = []
    for court, bailiff, actions, pid, rid in conn.execute(
        "SELECT json_extract(data, '$.court_date'), json_extract(data, '$.bailiff_date'),"
        " json_extract(data, '$.actions'), person_id, id FROM record INDEXED BY eviction_case_dates"
        " WHERE entity = 'eviction_case' AND deleted = 0 AND person_id IS NOT NULL"
        " AND json_extract(data, '$.status') = ?",
        (EvictionStatus.OPEN.value,),
    ):
        done: tuple[str, ...] = ()
        if isinstance(actions, str) and actions not in ("", "[]"):
            parsed = json.loads(actions)
            if isinstance(parsed, list):
                done = tuple(a for a in parsed if isinstance(a, str))
        out.append(EvictionRow(rid, pid, EvictionStatus.OPEN, _day(court), _day(bailiff), done))
    return out


__all__ = [
    "EvictionRow",
    "HousingRow",
    "OfferRow",
    "PersonRow",
    "PlaceRow",
    "TransitionRow",
    "aliases",
    "contact_days_json",
    "encounter_days",
    "encounter_places",
    "epoch_day",
    "from_epoch_day",
    "housing",
    "housing_json",
    "housing_offers",
    "last_seen",
    "names",
    "open_eviction_cases",
    "person_ages_json",
    "persons",
    "transitions",
]
