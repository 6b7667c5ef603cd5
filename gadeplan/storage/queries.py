"""Read-only queries for the program's lists: the people directory, today's work, street rounds.

They return raw rows (ids and the records' JSON); the services in ``app/services`` turn them
into what a screen shows. Each query names its index with ``INDEXED BY``: without statistics
SQLite prefers ``record_by_entity`` and then decrypts a page per row, seconds on a large store.
The expressions must stay the ones the indexes were made with.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from gadeplan.storage.db import Store

#: (id, data) of a record.
Row = tuple[str, str]
#: (id, person_id, data) of a record that belongs to a person.
PersonRow = tuple[str, str | None, str]


#: What the people list shows of a person, in the order of :data:`PersonFacts`.
_FACTS = (
    "json_extract(data, '$.alias'), json_extract(data, '$.name'),"
    " json_extract(data, '$.birth_date'), json_extract(data, '$.cpr'),"
    " json_extract(data, '$.birth_year'), json_extract(data, '$.approx_age'),"
    " json_extract(data, '$.contact_worker_id'), json_extract(data, '$.places')"
)
#: ``(id, alias, name, birth_date, cpr, birth_year, approx_age, contact_worker_id, places)``
#: as SQLite's ``json_extract`` gives them: ``places`` is JSON text.
PersonFacts = tuple[str, Any, Any, Any, Any, Any, Any, Any, Any]


def directory_persons(store: Store) -> list[PersonFacts]:
    """Every person's facts for the people list, from the covering index person_facts
    (migration 10), so the records themselves are not read."""
    with store.read() as conn:
        rows: list[PersonFacts] = conn.execute(
            f"SELECT id, {_FACTS} FROM record INDEXED BY person_facts"
            " WHERE entity = 'person' AND deleted = 0"
        ).fetchall()
        return rows


def directory_persons_by_id(store: Store, person_ids: Iterable[str]) -> list[PersonFacts]:
    """As :func:`directory_persons`, for a few persons (by their records)."""
    ids = list(dict.fromkeys(person_ids))
    found: list[PersonFacts] = []
    with store.read() as conn:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.extend(
                conn.execute(
                    f"SELECT id, {_FACTS} FROM record"
                    f" WHERE id IN ({marks}) AND +entity = 'person' AND deleted = 0",
                    chunk,
                )
            )
    return found


def housing_of(store: Store, person_id: str) -> list[tuple[str, str, str | None, str]]:
    """(valid_from, category, expected_date, id) of one person's entries (housing_timeline)."""
    with store.read() as conn:
        return [
            (str(v), str(c), e, str(i))
            for v, c, e, i in conn.execute(
                "SELECT json_extract(data, '$.valid_from'), json_extract(data, '$.category'),"
                " json_extract(data, '$.expected_date'), id"
                " FROM record INDEXED BY housing_timeline"
                " WHERE entity = 'housing_status' AND deleted = 0 AND person_id = ?",
                (person_id,),
            )
        ]


def last_encounter_of(store: Store, person_id: str) -> str | None:
    with store.read() as conn:
        row = conn.execute(
            "SELECT max(json_extract(data, '$.occurred_at'))"
            " FROM record INDEXED BY encounter_by_person_time"
            " WHERE entity = 'encounter' AND deleted = 0 AND person_id = ?",
            (person_id,),
        ).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def housing_history(store: Store) -> list[tuple[str, str, str, str | None, str]]:
    """(person_id, valid_from, category, expected_date, id) of every housing entry, from the
    covering index housing_timeline (migration 6), so the table is not read."""
    with store.read() as conn:
        return [
            (str(p), str(v), str(c), e, str(i))
            for p, v, c, e, i in conn.execute(
                "SELECT person_id, json_extract(data, '$.valid_from'),"
                " json_extract(data, '$.category'), json_extract(data, '$.expected_date'), id"
                " FROM record INDEXED BY housing_timeline"
                " WHERE entity = 'housing_status' AND deleted = 0 AND person_id IS NOT NULL"
            )
        ]


def last_encounter_by_person(store: Store) -> dict[str, str]:
    """person_id -> the time of their latest encounter (encounter_by_person_time)."""
    with store.read() as conn:
        return {
            str(p): str(t)
            for p, t in conn.execute(
                "SELECT person_id, max(json_extract(data, '$.occurred_at'))"
                " FROM record INDEXED BY encounter_by_person_time"
                " WHERE entity = 'encounter' AND deleted = 0 AND person_id IS NOT NULL"
                " GROUP BY person_id"
            )
            if t is not None
        }


def workers(store: Store) -> list[Row]:
    with store.read() as conn:
        return [
            (str(i), str(d))
            for i, d in conn.execute(
                "SELECT id, data FROM record WHERE entity = 'worker' AND deleted = 0"
            )
        ]


def records_of(store: Store, entity: str) -> list[PersonRow]:
    """Every live record of one small entity (partners, transitions, eviction cases)."""
    with store.read() as conn:
        return [
            (str(i), p, str(d))
            for i, p, d in conn.execute(
                "SELECT id, person_id, data FROM record WHERE entity = ? AND deleted = 0"
                " ORDER BY rowid",
                (entity,),
            )
        ]


def directory_fingerprint(store: Store) -> tuple[object, ...]:
    """Changes whenever this device writes, deletes or erases a person, a housing entry or an
    encounter. Index look-ups only (one max() per statement, so SQLite's min/max shortcut
    applies), cheap enough to check a cached directory on every keystroke. Records a sync pulls
    in may carry older clocks: the sync step tells the cache itself."""
    with store.read() as conn:
        values: list[object] = [
            conn.execute(
                "SELECT max(updated_hlc) FROM record WHERE entity = ?", (entity,)
            ).fetchone()[0]
            for entity in ("person", "housing_status", "encounter")
        ]
        values.append(
            conn.execute("SELECT count(*) FROM record WHERE entity = 'person'").fetchone()[0]
        )
        return tuple(values)


#: A worker's open follow-ups: assigned to them or to no-one (open_follow_up_by_due).
_MY_OPEN_FOLLOW_UPS = (
    "FROM record INDEXED BY open_follow_up_by_due"
    " WHERE entity = 'follow_up' AND deleted = 0 AND json_extract(data, '$.done_on') IS NULL"
    " AND (json_extract(data, '$.assigned_worker_id') IS NULL"
    " OR json_extract(data, '$.assigned_worker_id') = ?)"
)


def follow_ups_due(
    store: Store, on: str, worker_id: str, limit: int
) -> tuple[int, list[PersonRow]]:
    """A worker's open follow-ups due on or before ``on``: how many there are, and those
    Today shows, which are every one due on ``on`` and, before them, the most recently due
    of the overdue ones up to ``limit`` in all (newest first). Follow-ups left open pile up
    over the years; the count reads the index alone and only the rows shown are read."""
    due = "json_extract(data, '$.due_on')"
    with store.read() as conn:
        (total,) = conn.execute(
            f"SELECT count(*) {_MY_OPEN_FOLLOW_UPS} AND {due} <= ?", (worker_id, on)
        ).fetchone()
        today = conn.execute(
            f"SELECT id, person_id, data {_MY_OPEN_FOLLOW_UPS} AND {due} = ? ORDER BY rowid",
            (worker_id, on),
        ).fetchall()
        overdue = conn.execute(
            f"SELECT id, person_id, data {_MY_OPEN_FOLLOW_UPS} AND {due} < ?"
            f" ORDER BY {due} DESC, rowid LIMIT ?",
            (worker_id, on, max(0, limit - len(today))),
        ).fetchall()
    return int(total), [(str(i), p, str(d)) for i, p, d in (*overdue, *today)]


def transitions_between(store: Store, first: str, last: str) -> list[PersonRow]:
    """Transitions dated in a window (transition_by_date)."""
    with store.read() as conn:
        return [
            (str(i), p, str(d))
            for i, p, d in conn.execute(
                "SELECT id, person_id, data FROM record INDEXED BY transition_by_date"
                " WHERE entity = 'transition' AND deleted = 0 AND person_id IS NOT NULL"
                " AND json_extract(data, '$.on') BETWEEN ? AND ?",
                (first, last),
            )
        ]


def open_eviction_cases(store: Store) -> list[PersonRow]:
    """Eviction cases still open (eviction_case_dates)."""
    with store.read() as conn:
        return [
            (str(i), p, str(d))
            for i, p, d in conn.execute(
                "SELECT id, person_id, data FROM record INDEXED BY eviction_case_dates"
                " WHERE entity = 'eviction_case' AND deleted = 0 AND person_id IS NOT NULL"
                " AND json_extract(data, '$.status') = 'open'"
            )
        ]


def aliases(store: Store, person_ids: Iterable[str]) -> dict[str, str]:
    ids = list(dict.fromkeys(person_ids))
    found: dict[str, str] = {}
    with store.read() as conn:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            # "+entity": look the ids up by the unique id index, not by scanning every person.
            for rid, alias in conn.execute(
                f"SELECT id, json_extract(data, '$.alias') FROM record"
                f" WHERE id IN ({marks}) AND +entity = 'person' AND deleted = 0",
                chunk,
            ):
                found[str(rid)] = str(alias)
    return found


def unsent_changes(store: Store) -> tuple[int, str | None]:
    """Changes the worker made that wait to be sent, and when the oldest was made. Audit events
    travel in the same outbox but are not the worker's changes, so they are left out."""
    with store.read() as conn:
        count, oldest = conn.execute(
            "SELECT count(*), min(created_at) FROM outbox INDEXED BY outbox_by_entity"
            " WHERE entity != 'audit_event'"
        ).fetchone()
    return int(count), oldest


def anonymous_encounters_since(store: Store, since: str, worker_id: str) -> list[Row]:
    """A worker's anonymous contacts from a time on, newest first (encounter_place_by_time)."""
    with store.read() as conn:
        return [
            (str(i), str(d))
            for i, d in conn.execute(
                "SELECT id, data FROM record INDEXED BY encounter_place_by_time"
                " WHERE entity = 'encounter' AND deleted = 0"
                " AND person_id IS NULL AND json_extract(data, '$.occurred_at') >= ?"
                " AND json_extract(data, '$.worker_id') = ?"
                " ORDER BY json_extract(data, '$.occurred_at') DESC, id DESC",
                (since, worker_id),
            )
        ]


def last_place_of(store: Store, person_id: str) -> str | None:
    """Where the person was last met (encounter_by_person_time)."""
    with store.read() as conn:
        row = conn.execute(
            "SELECT json_extract(data, '$.place') FROM record INDEXED BY encounter_by_person_time"
            " WHERE entity = 'encounter' AND deleted = 0 AND person_id = ?"
            " AND json_extract(data, '$.place') IS NOT NULL"
            " ORDER BY json_extract(data, '$.occurred_at') DESC LIMIT 1",
            (person_id,),
        ).fetchone()
    return None if row is None else str(row[0])


def recent_places(store: Store, scan: int = 500) -> list[str]:
    """Places of the latest encounters, most recent first, each once
    (encounter_place_by_time)."""
    with store.read() as conn:
        rows = conn.execute(
            "SELECT json_extract(data, '$.place') FROM record INDEXED BY encounter_place_by_time"
            " WHERE entity = 'encounter' AND deleted = 0"
            " ORDER BY json_extract(data, '$.occurred_at') DESC LIMIT ?",
            (scan,),
        ).fetchall()
    return list(dict.fromkeys(str(p) for (p,) in rows if p))
