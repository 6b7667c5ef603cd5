"""Records, their per-field sync bookkeeping, the outbox, the search index and erasure.

Every local change to a synced record goes through :meth:`RecordRepository.save` or
:meth:`RecordRepository.delete`, which in the same transaction:

- stores the record (all fields as JSON) and, per field, the HLC of its last change;
- appends an outbox mutation in the shape of the sync protocol (per-device ``mutation_id``,
  HLC, only the changed fields, their old values, ``base_version``);
- keeps the search index in step.

So the sync engine can be built on the store without changing it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any, TypeVar

import msgspec

from gadeplan.app.domain.folding import tokens
from gadeplan.app.domain.hlc import HybridLogicalClock
from gadeplan.app.domain.records import ENTITIES, JSON, PERSON_SCOPED, Entity, TeamRecord
from gadeplan.storage.db import Store, encounter_search_text, person_search_text

T = TypeVar("T", bound=Entity)

_SEARCH_INDEXED = {"person": "person_search", "encounter": "encounter_search"}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


class Change(msgspec.Struct, frozen=True):
    """What a write changed, so screens refresh from it (Anki's pattern)."""

    entity: str
    record_id: str
    person_id: str | None
    op: str
    fields: tuple[str, ...]
    mutation_id: int | None


class OutboxEntry(msgspec.Struct, frozen=True):
    mutation_id: int
    entity: str
    record_id: str
    op: str
    base_version: int | None
    hlc: str
    fields: dict[str, JSON]
    old: dict[str, JSON]
    created_at: str

    def __repr__(self) -> str:
        # A record's fields: never in a log line or a traceback.
        return f"{type(self).__name__}(...)"

    def to_wire(self) -> dict[str, JSON]:
        return {
            "mutation_id": self.mutation_id,
            "entity": self.entity,
            "id": self.record_id,
            "op": self.op,
            "base_version": self.base_version,
            "hlc": self.hlc,
            "fields": self.fields,
            "old": self.old,
        }


class LocalState:
    """Small key/value facts of this device: its id, the next mutation id, the HLC."""

    DEVICE_ID = "device_id"
    NEXT_MUTATION_ID = "next_mutation_id"
    HLC = "hlc"

    @staticmethod
    def get(conn: Any, key: str) -> str | None:
        row = conn.execute("SELECT value FROM local_state WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    @staticmethod
    def set(conn: Any, key: str, value: str) -> None:
        conn.execute(
            "INSERT INTO local_state(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    @staticmethod
    def delete(conn: Any, key: str) -> None:
        conn.execute("DELETE FROM local_state WHERE key = ?", (key,))


def empty_outbox_copies(conn: Any, where: str, params: tuple[Any, ...]) -> None:
    """Empty the unsent mutations of erased records instead of deleting them.

    The server needs every ``mutation_id`` of a device, in order: a hole would stop every later
    push at ``mutation_gap`` for good. So each mutation stays as a bare delete of its id, with no
    fields and no old values (nothing of the erased person is left in it, and ``secure_delete``
    zeroes the old cell); the server answers ``gone`` and the queue moves on.
    """
    conn.execute(
        "UPDATE outbox SET op = 'delete', fields = '{}', old = '{}', person_id = NULL"
        f" WHERE {where}",
        params,
    )


class RecordRepository:
    def __init__(self, store: Store, wall_millis: Callable[[], int]) -> None:
        self.store = store
        self._wall_millis = wall_millis

    # --- the device and its clock ---------------------------------------------------------------

    def initialise_device(self, device_id: str) -> None:
        with self.store.write() as conn:
            if LocalState.get(conn, LocalState.DEVICE_ID) is None:
                LocalState.set(conn, LocalState.DEVICE_ID, device_id)
                LocalState.set(conn, LocalState.NEXT_MUTATION_ID, "1")

    def device_id(self) -> str:
        with self.store.read() as conn:
            value = LocalState.get(conn, LocalState.DEVICE_ID)
        if value is None:
            raise RuntimeError("the store has no device id; it was not initialised")
        return value

    def _clock(self, conn: Any) -> HybridLogicalClock:
        device_id = LocalState.get(conn, LocalState.DEVICE_ID)
        if device_id is None:
            raise RuntimeError("the store has no device id; it was not initialised")
        return HybridLogicalClock(
            device_id, self._wall_millis, LocalState.get(conn, LocalState.HLC)
        )

    def _next_mutation_id(self, conn: Any) -> int:
        value = int(LocalState.get(conn, LocalState.NEXT_MUTATION_ID) or "1")
        LocalState.set(conn, LocalState.NEXT_MUTATION_ID, str(value + 1))
        return value

    # --- writing -----------------------------------------------------------------------------

    def save(self, conn: Any, record: Entity, *, outbox: bool = True) -> Change | None:
        """Insert or update inside the caller's write transaction. Only changed fields are
        written to the outbox; saving an unchanged record is a no-op and returns None."""
        clock = self._clock(conn)
        new_fields = record.to_fields()
        row = conn.execute(
            "SELECT rowid, version, deleted, data, meta FROM record WHERE id = ?", (record.id,)
        ).fetchone()
        if row is None:
            old_fields: dict[str, JSON] = {}
            base_version: int | None = None
            meta: dict[str, list[Any]] = {}
            rowid = None
        else:
            rowid, version, deleted, data, meta_text = row
            if deleted:
                raise ValueError("cannot save a deleted record")
            old_fields = json.loads(data)
            meta = json.loads(meta_text)
            base_version = int(version)
        changed = {k: v for k, v in new_fields.items() if k not in old_fields or old_fields[k] != v}
        if rowid is not None and not changed:
            return None
        hlc = clock.now()
        for name in changed:
            meta[name] = [hlc, 0]
        team_id = record.team_id if isinstance(record, TeamRecord) else None
        person_id = record.person_ref
        if record.ENTITY == "person":
            person_id = record.id
        if rowid is None:
            cur = conn.execute(
                "INSERT INTO record(id, entity, team_id, person_id, version, updated_hlc, data,"
                " meta) VALUES (?, ?, ?, ?, 0, ?, ?, ?)",
                (
                    record.id,
                    record.ENTITY,
                    team_id,
                    person_id,
                    hlc,
                    _dumps(new_fields),
                    _dumps(meta),
                ),
            )
            rowid = cur.lastrowid
        else:
            conn.execute(
                "UPDATE record SET team_id = ?, person_id = ?, updated_hlc = ?, data = ?, meta = ?"
                " WHERE rowid = ?",
                (team_id, person_id, hlc, _dumps(new_fields), _dumps(meta), rowid),
            )
        self._index(conn, record.ENTITY, rowid, new_fields, person_id, replace=row is not None)
        mutation_id = None
        if outbox:
            mutation_id = self._append_outbox(
                conn,
                entity=record.ENTITY,
                record_id=record.id,
                person_id=person_id,
                op="upsert",
                base_version=base_version,
                hlc=hlc,
                fields=changed,
                old={k: old_fields.get(k) for k in changed} if row is not None else {},
            )
        LocalState.set(conn, LocalState.HLC, clock.last)
        return Change(record.ENTITY, record.id, person_id, "upsert", tuple(changed), mutation_id)

    def delete(self, conn: Any, entity: str, record_id: str) -> Change | None:
        """Tombstone a record (it syncs as a delete); its text leaves the search index."""
        row = conn.execute(
            "SELECT rowid, version, person_id, deleted FROM record WHERE id = ? AND entity = ?",
            (record_id, entity),
        ).fetchone()
        if row is None or row[3]:
            return None
        rowid, version, person_id, _ = row
        clock = self._clock(conn)
        hlc = clock.now()
        conn.execute("UPDATE record SET deleted = 1, updated_hlc = ? WHERE rowid = ?", (hlc, rowid))
        self._unindex(conn, entity, rowid)
        mutation_id = self._append_outbox(
            conn,
            entity=entity,
            record_id=record_id,
            person_id=person_id,
            op="delete",
            base_version=int(version),
            hlc=hlc,
            fields={},
            old={},
        )
        LocalState.set(conn, LocalState.HLC, clock.last)
        return Change(entity, record_id, person_id, "delete", (), mutation_id)

    def _append_outbox(
        self,
        conn: Any,
        *,
        entity: str,
        record_id: str,
        person_id: str | None,
        op: str,
        base_version: int | None,
        hlc: str,
        fields: dict[str, JSON],
        old: dict[str, JSON],
    ) -> int:
        mutation_id = self._next_mutation_id(conn)
        conn.execute(
            "INSERT INTO outbox(mutation_id, entity, record_id, person_id, op, base_version, hlc,"
            " fields, old, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                mutation_id,
                entity,
                record_id,
                person_id,
                op,
                base_version,
                hlc,
                _dumps(fields),
                _dumps(old),
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )
        return mutation_id

    # --- search index ------------------------------------------------------------------------

    def _index(
        self,
        conn: Any,
        entity: str,
        rowid: int,
        fields: dict[str, JSON],
        person_id: str | None,
        *,
        replace: bool,
    ) -> None:
        table = _SEARCH_INDEXED.get(entity)
        if table is None:
            return
        if replace:
            self._unindex(conn, entity, rowid)
        # The same text as the gp_*_text SQL functions give a backfill, without a JSON round trip.
        if entity == "person":
            conn.execute(
                "INSERT INTO person_search(rowid, text) VALUES (?, ?)",
                (rowid, person_search_text(fields)),
            )
        else:
            conn.execute(
                "INSERT INTO encounter_search(rowid, text, person_id) VALUES (?, ?, ?)",
                (rowid, encounter_search_text(fields), person_id),
            )

    def _unindex(self, conn: Any, entity: str, rowid: int) -> None:
        table = _SEARCH_INDEXED.get(entity)
        if table is not None:
            conn.execute(f"DELETE FROM {table} WHERE rowid = ?", (rowid,))

    # Used by sync (storage/sync_state.py), which writes records the server sent.
    def reindex(
        self,
        conn: Any,
        entity: str,
        rowid: int,
        fields: dict[str, JSON],
        person_id: str | None,
        *,
        replace: bool,
    ) -> None:
        self._index(conn, entity, rowid, fields, person_id, replace=replace)

    def unindex(self, conn: Any, entity: str, rowid: int) -> None:
        self._unindex(conn, entity, rowid)

    def clock_for(self, conn: Any) -> HybridLogicalClock:
        return self._clock(conn)

    def search_persons(self, query: str, limit: int = 50) -> list[str]:
        """Person ids for a search-as-you-type query: matches on alias, name and places first,
        then persons whose encounter notes or places match. Every word is a prefix."""
        words = tokens(query)
        if not words:
            return []
        match = " ".join(f'"{w}"*' for w in words)
        found: list[str] = []
        with self.store.read() as conn:
            # Ranked by bm25(), which is what "ORDER BY rank" means for this table, but not
            # through FTS5's rank sorter: that copies every match's position list and sorts all
            # of them, where this keeps only the best `limit` as it goes. Same results, half the
            # time, and less than half under SQLCipher's memory security, where each of those
            # allocations costs system calls (bench/store.py measures it).
            for (person_id,) in conn.execute(
                "SELECT r.id FROM (SELECT rowid AS hit, bm25(person_search) AS score"
                " FROM person_search WHERE person_search MATCH ? ORDER BY score LIMIT ?) AS s"
                " JOIN record r ON r.rowid = s.hit ORDER BY s.score",
                (match, limit),
            ):
                found.append(person_id)
            if len(found) < limit:
                seen = set(found)
                for (person_id,) in conn.execute(
                    "SELECT person_id FROM encounter_search WHERE encounter_search MATCH ?"
                    " AND person_id IS NOT NULL LIMIT ?",
                    (match, limit * 4),
                ):
                    if person_id not in seen:
                        seen.add(person_id)
                        found.append(person_id)
                        if len(found) >= limit:
                            break
        return found

    # --- reading -----------------------------------------------------------------------------

    def get(self, cls: type[T], record_id: str) -> T | None:
        with self.store.read() as conn:
            row = conn.execute(
                "SELECT data FROM record WHERE id = ? AND entity = ? AND deleted = 0",
                (record_id, cls.ENTITY),
            ).fetchone()
        return None if row is None else cls.from_fields(record_id, json.loads(row[0]))

    def get_many(self, cls: type[T], ids: Iterable[str]) -> list[T]:
        ids = list(ids)
        if not ids:
            return []
        by_id: dict[str, T] = {}
        with self.store.read() as conn:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                # "+entity": look the ids up by their unique index. Without it, SQLite prefers
                # the index on entity from four ids on and reads every record of the type.
                for rid, data in conn.execute(
                    f"SELECT id, data FROM record WHERE id IN ({marks})"
                    " AND +entity = ? AND deleted = 0",
                    (*chunk, cls.ENTITY),
                ):
                    by_id[rid] = cls.from_fields(rid, json.loads(data))
        return [by_id[i] for i in ids if i in by_id]

    def for_person(self, cls: type[T], person_id: str) -> list[T]:
        with self.store.read() as conn:
            rows = conn.execute(
                "SELECT id, data FROM record WHERE person_id = ? AND entity = ? AND deleted = 0"
                " ORDER BY rowid",
                (person_id, cls.ENTITY),
            ).fetchall()
        return [cls.from_fields(rid, json.loads(data)) for rid, data in rows]

    def all(self, cls: type[T]) -> Iterator[T]:
        with self.store.read() as conn:
            rows = conn.execute(
                "SELECT id, data FROM record WHERE entity = ? AND deleted = 0 ORDER BY rowid",
                (cls.ENTITY,),
            ).fetchall()
        for rid, data in rows:
            yield cls.from_fields(rid, json.loads(data))

    def count_by_entity(self) -> dict[str, int]:
        with self.store.read() as conn:
            rows = conn.execute(
                "SELECT entity, count(*) FROM record WHERE deleted = 0 GROUP BY entity"
            ).fetchall()
        return {str(e): int(n) for e, n in rows}

    def all_for_person(self, person_id: str) -> list[Entity]:
        """Everything about one person, for an access request (GDPR Art. 15)."""
        with self.store.read() as conn:
            rows = conn.execute(
                "SELECT entity, id, data FROM record WHERE deleted = 0 AND entity != 'audit_event'"
                " AND (id = ? OR person_id = ?) ORDER BY entity, rowid",
                (person_id, person_id),
            ).fetchall()
        return [ENTITIES[e].from_fields(rid, json.loads(data)) for e, rid, data in rows]

    # --- outbox ------------------------------------------------------------------------------

    def outbox(self, limit: int = 200, after: int = 0) -> list[OutboxEntry]:
        with self.store.read() as conn:
            rows = conn.execute(
                "SELECT mutation_id, entity, record_id, op, base_version, hlc, fields, old,"
                " created_at FROM outbox WHERE mutation_id > ? ORDER BY mutation_id LIMIT ?",
                (after, limit),
            ).fetchall()
        return [
            OutboxEntry(m, e, r, op, b, h, json.loads(f), json.loads(o), c)
            for m, e, r, op, b, h, f, o, c in rows
        ]

    def outbox_summary(self) -> tuple[int, str | None]:
        """How many changes wait to be sent, and when the oldest was made."""
        with self.store.read() as conn:
            count, oldest = conn.execute("SELECT count(*), min(created_at) FROM outbox").fetchone()
        return int(count), oldest

    # --- erasure -----------------------------------------------------------------------------

    def erase_person(self, conn: Any, person_id: str) -> int:
        """Purge a person and everything about them: records, search index, outbox copies
        (emptied, see :func:`empty_outbox_copies`) and conflicts. Audit events stay (they hold
        ids, never values, and the log of the erasure itself must survive). Returns how many
        records went. The caller checkpoints the WAL
        after the transaction, so no copy of the text is left in it."""
        rows = conn.execute(
            "SELECT rowid, entity, id FROM record WHERE entity != 'audit_event'"
            " AND (id = ? OR person_id = ?)",
            (person_id, person_id),
        ).fetchall()
        for rowid, entity, _ in rows:
            self._unindex(conn, entity, rowid)
        ids = [r[0] for r in rows]
        record_ids = [r[2] for r in rows]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            conn.execute(f"DELETE FROM record WHERE rowid IN ({marks})", chunk)
            conn.execute(
                f"DELETE FROM sync_rejection WHERE record_id IN ({marks})",
                record_ids[start : start + 500],
            )
        empty_outbox_copies(
            conn,
            "entity != 'audit_event' AND (person_id = ? OR record_id = ?)",
            (person_id, person_id),
        )
        # Conflict records about the person's records carry person_id, so they went above.
        return len(ids)


__all__ = ["PERSON_SCOPED", "Change", "LocalState", "OutboxEntry", "RecordRepository"]
