"""Local retention: which people may leave this laptop, and removing them.

A person may go when all of this holds (``app/services/retention.py`` says why):

- **inactive**: no record that carries their id (their own, their encounters, housing,
  cases, and the audit events of the worker opening their file) changed since the cutoff, and
  no encounter with them took place since then;
- **synced**: every one of their records is on the backend as this laptop has it: a server
  version (``version > 0``), no mutation waiting in the outbox, no refusal the worker has not
  yet seen;
- **closed**: nothing about them is still open on a date this laptop must watch: an open
  eviction case; a transition today or later; a follow-up not done; an expected release or
  discharge date today or later; an aftercare end today or later; a housing offer in progress
  (proposed, viewing, accepted); a move-in since ``move_in_since`` (the check-ins after it);
  a conflict not resolved.

Removal is local only: rows go with their search text, and nothing is written to the outbox
(no tombstone, no ``sync_erased`` entry), so the backend keeps everything and a later pull of
a changed record simply stores it again. Audit events stay: they hold ids only, and the log
must outlive what it logged. The caller checkpoints the WAL afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import msgspec

from gadeplan.storage.records import _SEARCH_INDEXED, RecordRepository

#: Ids per statement (SQLite allows more; this keeps statements small).
_CHUNK = 500

#: Above this many rows of one search table, they leave it in bulk (see :func:`_unindex`).
BULK_UNINDEX = 200

#: The people who may go. Written to read little: the people active since the cutoff come
#: from index ranges of what changed (record_by_entity, one range per entity) and of the
#: encounters that took place (encounter_place_by_time); only the persons left over have
#: their records looked at (record_by_person). A first version grouped every record by person and
#: read the whole database, 2.4 s on 290,000 records, at every unlock.
_DUE = """
WITH active(person_id) AS (
    SELECT person_id FROM record INDEXED BY record_by_entity
    WHERE entity IN ({entities}) AND updated_hlc >= :inactive_hlc AND person_id IS NOT NULL
    UNION
    SELECT person_id FROM record INDEXED BY encounter_place_by_time
    WHERE entity = 'encounter' AND deleted = 0
    AND json_extract(data, '$.occurred_at') >= :inactive_at AND person_id IS NOT NULL
)
SELECT c.id FROM record c INDEXED BY record_by_entity
WHERE c.entity = 'person' AND c.updated_hlc < :inactive_hlc
AND c.id NOT IN (SELECT person_id FROM active)
AND NOT EXISTS (
    SELECT 1 FROM outbox o WHERE o.person_id = c.id AND o.entity != 'audit_event'
)
AND NOT EXISTS (
    SELECT 1 FROM record r
    WHERE r.person_id = c.id AND r.entity != 'audit_event'
    AND (
        r.version = 0
        OR EXISTS (SELECT 1 FROM outbox o WHERE o.record_id = r.id)
        OR EXISTS (SELECT 1 FROM sync_rejection s WHERE s.record_id = r.id)
        OR (r.deleted = 0 AND (
            (r.entity = 'eviction_case' AND json_extract(r.data, '$.status') = 'open')
            OR (r.entity = 'transition' AND json_extract(r.data, '$.on') >= :today)
            OR (r.entity = 'follow_up' AND json_extract(r.data, '$.done_on') IS NULL)
            OR (r.entity = 'housing_status' AND (
                json_extract(r.data, '$.expected_date') >= :today
                OR (json_extract(r.data, '$.category') = 'housed'
                    AND json_extract(r.data, '$.valid_from') >= :move_in_since)))
            OR (r.entity = 'person'
                AND json_extract(r.data, '$.aftercare_ends_on') >= :today)
            OR (r.entity = 'housing_offer' AND (
                json_extract(r.data, '$.status') IN ('proposed', 'viewing', 'accepted')
                OR (json_extract(r.data, '$.status') = 'moved_in'
                    AND json_extract(r.data, '$.move_in_on') >= :move_in_since)))
            OR (r.entity = 'conflict'
                AND coalesce(json_extract(r.data, '$.resolved'), 0) = 0)
        ))
    )
)
"""


class Removed(msgspec.Struct, frozen=True):
    persons: int = 0
    records: int = 0


def due_persons(
    conn: Any,
    *,
    entities: Sequence[str],
    inactive_hlc: str,
    inactive_at: str,
    today: str,
    move_in_since: str,
    limit: int = -1,
) -> list[str]:
    """Ids of the people who may leave the laptop (see the module's rule).

    ``inactive_hlc``: the cutoff as a hybrid logical clock prefix (13-digit Unix
    milliseconds), which sorts before every later timestamp; ``inactive_at``: the same moment
    as ISO 8601, for encounter times; ``today`` and ``move_in_since``: ISO dates; ``limit``:
    at most this many (-1: all); ``entities``: every entity name (what a change to any of a
    person's records can be).
    """
    names = {f"e{i}": name for i, name in enumerate(entities)}
    sql = _DUE.format(entities=",".join(f":{key}" for key in names))
    rows = conn.execute(
        sql + " LIMIT :limit",
        {
            **names,
            "limit": limit,
            "inactive_hlc": inactive_hlc,
            "inactive_at": inactive_at,
            "today": today,
            "move_in_since": move_in_since,
        },
    ).fetchall()
    return [str(r[0]) for r in rows]


def remove_persons(conn: Any, repo: RecordRepository, person_ids: list[str]) -> Removed:
    """Delete every record of these people from this laptop alone, search text included.

    Runs in the caller's write transaction, the same one that chose them with
    :func:`due_persons`, so no change can arrive between the choice and the removal.
    """
    rows: list[tuple[int, str, str]] = []
    for start in range(0, len(person_ids), _CHUNK):
        chunk = person_ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows.extend(
            (int(rowid), str(entity), str(person_id))
            for rowid, entity, person_id in conn.execute(
                f"SELECT rowid, entity, person_id FROM record WHERE person_id IN ({marks})"
                " AND entity != 'audit_event'",
                chunk,
            )
        )
    for entity, table in _SEARCH_INDEXED.items():
        _unindex(conn, repo, entity, table, [rowid for rowid, e, _ in rows if e == entity])
    rowids = [rowid for rowid, _, _ in rows]
    for start in range(0, len(rowids), _CHUNK):
        part = rowids[start : start + _CHUNK]
        conn.execute(f"DELETE FROM record WHERE rowid IN ({','.join('?' * len(part))})", part)
    return Removed(len({person_id for _, _, person_id in rows}), len(rows))


def _unindex(conn: Any, repo: RecordRepository, entity: str, table: str, rowids: list[int]) -> None:
    """Take rows out of a search table, leaving no token of theirs in it.

    A few go one by one, with FTS5's secure-delete rewriting the index pages they touch (as
    for an erasure). That costs about a millisecond a row, so the first run of a retention
    policy on a laptop with years of notes would hold the database for minutes. Many go in
    bulk instead: plain deletes, then ``optimize``, which merges the whole index into one
    new segment without the deleted rows (their old pages are freed, and SQLite's
    ``secure_delete`` zeroes them). Secure-delete is switched off only inside the caller's
    transaction; a failure rolls the switch back with everything else.
    """
    if len(rowids) <= BULK_UNINDEX:
        for rowid in rowids:
            repo.unindex(conn, entity, rowid)
        return
    conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('secure-delete', 0)")
    for start in range(0, len(rowids), _CHUNK):
        part = rowids[start : start + _CHUNK]
        conn.execute(f"DELETE FROM {table} WHERE rowid IN ({','.join('?' * len(part))})", part)
    conn.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
    conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('secure-delete', 1)")


__all__ = ["Removed", "due_persons", "remove_persons"]
