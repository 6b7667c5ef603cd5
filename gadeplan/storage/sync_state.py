"""The client side of sync inside the store: applying pulled changes, acknowledging pushed
mutations, the cursor, and the device's registration.

Every method here runs inside the caller's write transaction, so a page of changes and the
cursor that follows it commit together (a crash repeats the page, which is harmless), and an
acknowledgement removes exactly the mutations the server answered.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

import msgspec

from gadeplan.app.domain.records import JSON
from gadeplan.storage.records import LocalState, RecordRepository, _dumps, empty_outbox_copies

CURSOR = "sync_cursor"
EPOCH = "sync_epoch"
RESETTING = "sync_resetting"
LAST_SYNC = "sync_last_success"
LAST_ERROR = "sync_last_error"
REFRESH_TOKEN = "sync_refresh_token"  # noqa: S105 - a key name, not a secret
SERVER_URL = "sync_server_url"
REGISTERED = "sync_registered"
WORKER_NAME = "sync_worker_name"
CLOCK_SKEW = "sync_clock_skew"


class Rejection(msgspec.Struct, frozen=True):
    """A mutation the server refused for good; shown to the worker, who can redo it."""

    mutation_id: int
    entity: str
    record_id: str
    error: str
    at: str


class AppliedPage(msgspec.Struct, frozen=True):
    put: int = 0
    deleted: int = 0
    removed: int = 0
    erased: int = 0
    kept_local: int = 0


class SyncStore:
    """Sync bookkeeping over the record repository. All SQL of the client's sync is here."""

    def __init__(self, repo: RecordRepository) -> None:
        self.repo = repo
        self.store = repo.store

    # --- small state -------------------------------------------------------------------------

    def get(self, key: str) -> str | None:
        with self.store.read() as conn:
            return LocalState.get(conn, key)

    def set(self, conn: Any, key: str, value: str | None) -> None:
        if value is None:
            conn.execute("DELETE FROM local_state WHERE key = ?", (key,))
        else:
            LocalState.set(conn, key, value)

    def set_now(self, key: str, value: str | None) -> None:
        with self.store.write() as conn:
            self.set(conn, key, value)

    # --- registration ------------------------------------------------------------------------

    def register(
        self,
        conn: Any,
        *,
        server_url: str,
        device_id: str,
        refresh_token: str,
        worker_id: str,
        worker_name: str,
        team_id: str,
    ) -> None:
        """Adopt the server's identity for this device.

        Work done before registration was filed under a local stand-in team and worker; it is
        moved to the worker's first team and attributed to the worker, in the records and in
        the not-yet-sent mutations alike, so the first push lands where the worker belongs.
        """
        old_team = LocalState.get(conn, "team_id")
        old_worker = LocalState.get(conn, "worker_id")
        if old_team and old_team != team_id:
            self._rebind(conn, "team_id", old_team, team_id)
            conn.execute("DELETE FROM record WHERE id = ? AND entity = 'team'", (old_team,))
        if old_worker and old_worker != worker_id:
            for field in ("worker_id", "recorded_by", "assigned_worker_id", "contact_worker_id"):
                self._rebind(conn, field, old_worker, worker_id)
            conn.execute("DELETE FROM record WHERE id = ? AND entity = 'worker'", (old_worker,))
        old_device = LocalState.get(conn, LocalState.DEVICE_ID)
        if old_device and old_device != device_id:
            # Audit events name the device that wrote them; the server accepts an event only
            # from the device it names, so the stand-in id gives way to the server's.
            self._rebind(conn, "device_id", old_device, device_id)
        LocalState.set(conn, LocalState.DEVICE_ID, device_id)
        LocalState.set(conn, "team_id", team_id)
        LocalState.set(conn, "worker_id", worker_id)
        LocalState.set(conn, SERVER_URL, server_url)
        LocalState.set(conn, REFRESH_TOKEN, refresh_token)
        LocalState.set(conn, WORKER_NAME, worker_name)
        LocalState.set(conn, REGISTERED, "1")

    def _rebind(self, conn: Any, field: str, old: str, new: str) -> None:
        path = f"$.{field}"
        conn.execute(
            "UPDATE record SET data = json_set(data, ?, ?) WHERE json_extract(data, ?) = ?",
            (path, new, path, old),
        )
        if field == "team_id":
            conn.execute("UPDATE record SET team_id = ? WHERE team_id = ?", (new, old))
        conn.execute(
            "UPDATE outbox SET fields = json_set(fields, ?, ?) WHERE json_extract(fields, ?) = ?",
            (path, new, path, old),
        )

    # --- acknowledging a push ----------------------------------------------------------------

    def acknowledge(self, conn: Any, results: Iterable[Mapping[str, Any]]) -> list[Rejection]:
        """Remove answered mutations from the outbox and bring local versions up to date.

        Later unsent mutations of the same record were made on top of the acknowledged one,
        so their ``base_version`` moves up to the version it produced; otherwise the server
        would take the worker's own consecutive edits for concurrent ones.
        """
        rejections: list[Rejection] = []
        for result in results:
            mutation_id = int(result["mutation_id"])
            row = conn.execute(
                "SELECT entity, record_id FROM outbox WHERE mutation_id = ?", (mutation_id,)
            ).fetchone()
            if row is None:
                continue  # answered before (a retried push): nothing left to do
            entity, record_id = row
            status = result["status"]
            conn.execute("DELETE FROM outbox WHERE mutation_id = ?", (mutation_id,))
            if status in ("applied", "conflict"):
                version = result.get("version")
                if isinstance(version, int):
                    conn.execute(
                        "UPDATE record SET version = max(version, ?) WHERE id = ?",
                        (version, record_id),
                    )
                    conn.execute(
                        "UPDATE outbox SET base_version = max(coalesce(base_version, 0), ?)"
                        " WHERE record_id = ? AND mutation_id > ?",
                        (version, record_id, mutation_id),
                    )
                if result.get("clock_skew"):
                    LocalState.set(conn, CLOCK_SKEW, datetime.now(UTC).isoformat())
            elif status == "rejected":
                rejection = Rejection(
                    mutation_id,
                    entity,
                    record_id,
                    str(result.get("error") or "rejected"),
                    datetime.now(UTC).isoformat(timespec="seconds"),
                )
                conn.execute(
                    "INSERT OR REPLACE INTO sync_rejection(mutation_id, entity, record_id, error,"
                    " at) VALUES (?, ?, ?, ?, ?)",
                    (mutation_id, entity, record_id, rejection.error, rejection.at),
                )
                rejections.append(rejection)
            elif status == "gone":
                self.erase_id(conn, entity, record_id)
        return rejections

    def rejections(self) -> list[Rejection]:
        with self.store.read() as conn:
            rows = conn.execute(
                "SELECT mutation_id, entity, record_id, error, at FROM sync_rejection"
                " ORDER BY mutation_id"
            ).fetchall()
        return [Rejection(int(m), e, r, err, at) for m, e, r, err, at in rows]

    def dismiss_rejection(self, mutation_id: int) -> None:
        with self.store.write() as conn:
            conn.execute("DELETE FROM sync_rejection WHERE mutation_id = ?", (mutation_id,))

    # --- applying a pull ---------------------------------------------------------------------

    def apply_changes(self, conn: Any, changes: Iterable[Mapping[str, Any]]) -> AppliedPage:
        changes = list(changes)
        put = deleted = removed = erased = kept_local = 0
        resetting = LocalState.get(conn, RESETTING) == "1"
        # What the puts need to know, read for the whole page at once (see _PageState).
        page: _PageState | None = _PageState.read(
            conn, [str(c["id"]) for c in changes if c["op"] == "put"]
        )
        for change in changes:
            op = change["op"]
            entity = str(change["entity"])
            record_id = str(change["id"])
            if resetting:
                conn.execute("INSERT OR IGNORE INTO sync_reset_seen(id) VALUES (?)", (record_id,))
            if op == "put":
                kept_local += self._apply_put(
                    conn,
                    entity,
                    record_id,
                    int(change.get("version") or 0),
                    dict(change.get("fields") or {}),
                    dict(change.get("field_hlc") or {}),
                    page,
                )
                put += 1
                continue
            # A delete, remove or erase can change other records than its own (an erased
            # person takes their records, conflicts and outbox copies along): from here on,
            # every put of the page reads what it needs itself.
            page = None
            if op == "delete":
                self._apply_delete(conn, entity, record_id, int(change.get("version") or 0))
                deleted += 1
            elif op == "remove":
                self._drop(conn, record_id)
                removed += 1
            elif op == "erase":
                self.erase_id(conn, entity, record_id)
                erased += 1
        return AppliedPage(put, deleted, removed, erased, kept_local)

    def _pending_fields(self, conn: Any, record_id: str) -> dict[str, str]:
        """Fields with unsent local changes, and the HLC of the latest change of each."""
        pending: dict[str, str] = {}
        for hlc, fields in conn.execute(
            "SELECT hlc, fields FROM outbox WHERE record_id = ? AND op = 'upsert'"
            " ORDER BY mutation_id",
            (record_id,),
        ):
            _add_pending(pending, hlc, fields)
        return pending

    def _apply_put(
        self,
        conn: Any,
        entity: str,
        record_id: str,
        version: int,
        fields: dict[str, JSON],
        field_hlc: dict[str, str],
        page: _PageState | None = None,
    ) -> int:
        """Store the server's record; keep unsent local values that are newer (higher HLC)
        than the server's, field by field, as the server's merge rule will. Returns how many
        fields were kept local."""
        if page is not None and page.take(record_id):
            is_erased = record_id in page.erased
            row = page.rows.get(record_id)
            pending = page.pending.get(record_id, {})
        else:
            is_erased = (
                conn.execute("SELECT 1 FROM sync_erased WHERE id = ?", (record_id,)).fetchone()
                is not None
            )
            row = conn.execute(
                "SELECT rowid, data, meta, deleted, entity, team_id, person_id FROM record"
                " WHERE id = ?",
                (record_id,),
            ).fetchone()
            pending = self._pending_fields(conn, record_id) if not is_erased else {}
        if is_erased:
            return 0
        merged = dict(fields)
        meta: dict[str, list[Any]] = {name: [field_hlc.get(name, ""), version] for name in fields}
        kept = 0
        if row is not None:
            _, data, meta_text, deleted = row[:4]
            if (
                deleted
                and conn.execute(
                    "SELECT 1 FROM outbox WHERE record_id = ? AND op = 'delete'", (record_id,)
                ).fetchone()
            ):
                return 0  # the worker's unsent delete wins; the server will say the same
            local = json.loads(data)
            local_meta = json.loads(meta_text)
            for name, hlc in pending.items():
                if name in local and hlc > field_hlc.get(name, ""):
                    merged[name] = local[name]
                    meta[name] = local_meta.get(name, [hlc, 0])
                    kept += 1
            for name, value in local.items():
                merged.setdefault(name, value)
        team_id = merged.get("team_id")
        person_id = merged.get("person_id") if entity != "person" else record_id
        updated = max([h for h, _ in meta.values() if h] or [""])
        merged_text = _dumps(merged)
        if row is None:
            cur = conn.execute(
                "INSERT INTO record(id, entity, team_id, person_id, version, updated_hlc, data,"
                " meta) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record_id,
                    entity,
                    team_id,
                    person_id,
                    version,
                    updated,
                    merged_text,
                    _dumps(meta),
                ),
            )
            rowid = int(cur.lastrowid)
            replace = False
        elif (
            not row[3]
            and tuple(row[4:7]) == (entity, team_id, person_id)
            and (row[1] == merged_text)
        ):
            # The server sends back what this device holds already (typically its own pushed
            # changes): only the version and the field clocks change. Leaving the data column
            # out of the UPDATE spares rewriting the entries of every index over the data,
            # and the search text is the same, so the search index stays as it is.
            conn.execute(
                "UPDATE record SET version = ?, updated_hlc = ?, meta = ? WHERE rowid = ?",
                (version, updated, _dumps(meta), int(row[0])),
            )
            return kept
        else:
            rowid = int(row[0])
            conn.execute(
                "UPDATE record SET entity = ?, team_id = ?, person_id = ?, version = ?,"
                " deleted = 0, updated_hlc = ?, data = ?, meta = ? WHERE rowid = ?",
                (
                    entity,
                    team_id,
                    person_id,
                    version,
                    updated,
                    merged_text,
                    _dumps(meta),
                    rowid,
                ),
            )
            replace = True
        self.repo.reindex(
            conn,
            entity,
            rowid,
            merged,
            person_id if isinstance(person_id, str) else None,
            replace=replace,
        )
        return kept

    def _apply_delete(self, conn: Any, entity: str, record_id: str, version: int) -> None:
        row = conn.execute("SELECT rowid FROM record WHERE id = ?", (record_id,)).fetchone()
        if row is None:
            return
        conn.execute(
            "UPDATE record SET deleted = 1, version = max(version, ?) WHERE rowid = ?",
            (version, row[0]),
        )
        self.repo.unindex(conn, entity, int(row[0]))

    def _drop(self, conn: Any, record_id: str) -> None:
        """The record left this worker's teams: it still exists, just not here."""
        row = conn.execute("SELECT rowid, entity FROM record WHERE id = ?", (record_id,)).fetchone()
        if row is None:
            return
        self.repo.unindex(conn, row[1], int(row[0]))
        conn.execute("DELETE FROM record WHERE rowid = ?", (row[0],))

    def erase_id(self, conn: Any, entity: str, record_id: str) -> None:
        """GDPR erasure from the server: purge the record, every copy in the outbox and in
        conflicts, and remember the id (no data) so that nothing brings it back."""
        conn.execute("INSERT OR IGNORE INTO sync_erased(id) VALUES (?)", (record_id,))
        if entity == "person":
            self.repo.erase_person(conn, record_id)
        else:
            row = conn.execute(
                "SELECT rowid, entity FROM record WHERE id = ?", (record_id,)
            ).fetchone()
            if row is not None:
                self.repo.unindex(conn, row[1], int(row[0]))
                conn.execute("DELETE FROM record WHERE rowid = ?", (row[0],))
        empty_outbox_copies(conn, "record_id = ? AND entity != 'audit_event'", (record_id,))
        for (conflict_rowid,) in conn.execute(
            "SELECT rowid FROM record WHERE entity = 'conflict'"
            " AND json_extract(data, '$.record_id') = ?",
            (record_id,),
        ).fetchall():
            conn.execute("DELETE FROM record WHERE rowid = ?", (conflict_rowid,))

    # --- cursor and reset --------------------------------------------------------------------

    def begin_reset(self, conn: Any) -> None:
        """The server's history no longer reaches our cursor (a restore, or a long absence):
        pull everything again, keep the outbox, then drop what the full pull did not return."""
        self.set(conn, CURSOR, None)
        self.set(conn, RESETTING, "1")
        conn.execute("DELETE FROM sync_reset_seen")

    def finish_reset(self, conn: Any) -> int:
        """After the last page of a full pull: remove synced records the server did not send.
        Never-synced local records (version 0) and records with unsent changes are kept."""
        if LocalState.get(conn, RESETTING) != "1":
            return 0
        rows = conn.execute(
            "SELECT rowid, entity FROM record r WHERE r.version > 0"
            " AND r.entity NOT IN ('audit_event')"
            " AND NOT EXISTS (SELECT 1 FROM sync_reset_seen s WHERE s.id = r.id)"
            " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.record_id = r.id)"
        ).fetchall()
        for rowid, entity in rows:
            self.repo.unindex(conn, entity, int(rowid))
            conn.execute("DELETE FROM record WHERE rowid = ?", (rowid,))
        conn.execute("DELETE FROM sync_reset_seen")
        self.set(conn, RESETTING, None)
        return len(rows)

    def observe_server_hlc(self, conn: Any, server_hlc: str) -> None:
        """Move this device's clock past the server's, so later local edits order after
        everything this device has seen even when the laptop's clock is wrong."""
        clock = self.repo.clock_for(conn)
        clock.observe(server_hlc)
        LocalState.set(conn, LocalState.HLC, clock.last)


def _add_pending(pending: dict[str, str], hlc: str, fields: str) -> None:
    for name in json.loads(fields):
        pending[name] = max(pending.get(name, ""), hlc)


#: Ids per query when a page's state is read at once (SQLite allows many more variables).
_CHUNK = 500


class _PageState(msgspec.Struct):
    """For a page of pulled changes: which of its put ids are erased, their stored rows and
    their unsent fields, read in a few queries instead of three per change.

    Each id's state is used at most once, for the first put of that id in the page, and only
    while the page has had nothing but puts: a put changes nothing but its own record, so
    until then what was read is what a query per change would have found.
    """

    ids: set[str]
    erased: set[str]
    rows: dict[str, tuple[Any, ...]]
    pending: dict[str, dict[str, str]]

    @classmethod
    def read(cls, conn: Any, ids: list[str]) -> _PageState | None:
        if not ids:
            return None
        unique = list(dict.fromkeys(ids))
        erased: set[str] = set()
        rows: dict[str, tuple[Any, ...]] = {}
        pending: dict[str, dict[str, str]] = {}
        any_erased = conn.execute("SELECT 1 FROM sync_erased LIMIT 1").fetchone() is not None
        any_unsent = (
            conn.execute("SELECT 1 FROM outbox WHERE op = 'upsert' LIMIT 1").fetchone() is not None
        )
        for start in range(0, len(unique), _CHUNK):
            chunk = unique[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            if any_erased:
                erased.update(
                    r[0]
                    for r in conn.execute(
                        f"SELECT id FROM sync_erased WHERE id IN ({marks})", chunk
                    )
                )
            for row in conn.execute(
                "SELECT id, rowid, data, meta, deleted, entity, team_id, person_id FROM record"
                f" WHERE id IN ({marks})",
                chunk,
            ):
                rows[row[0]] = tuple(row[1:])
            if any_unsent:
                for record_id, hlc, fields in conn.execute(
                    "SELECT record_id, hlc, fields FROM outbox"
                    f" WHERE record_id IN ({marks}) AND op = 'upsert' ORDER BY mutation_id",
                    chunk,
                ):
                    _add_pending(pending.setdefault(record_id, {}), hlc, fields)
        return cls(set(unique), erased, rows, pending)

    def take(self, record_id: str) -> bool:
        """True the first time for an id of the page: its state as read is still current."""
        if record_id in self.ids:
            self.ids.remove(record_id)
            return True
        return False
