"""Opening the SQLCipher database, and the single writer.

One connection, guarded by one lock: SQLite allows one writer anyway, and serialising every
statement through one place keeps transactions simple and makes "lock" mean closing exactly one
handle. The UI runs all database work on one worker thread that calls into this (see
architecture.md).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar

import fasteners
import sqlcipher3

from gadeplan.app.domain.folding import fold
from gadeplan.storage.errors import (
    DamagedStore,
    DiskFull,
    NewerStore,
    NoSqlCipher,
    StoreError,
    StoreLocked,
)
from gadeplan.storage.migrations import MIGRATIONS, Migration

Row = tuple[Any, ...]
#: The page cache of a connection, in KiB (see Store._configure).
CACHE_KIB = 64 * 1024

_DRIVER_ERRORS = (sqlcipher3.DatabaseError, sqlite3.DatabaseError)


def person_search_text(fields: Mapping[str, Any]) -> str:
    """The folded text a person is found by: alias, name and places."""
    parts = [fields.get("alias") or "", fields.get("name") or ""]
    parts.extend(fields.get("places") or [])
    return fold(" ".join(p for p in parts if isinstance(p, str)))


def encounter_search_text(fields: Mapping[str, Any]) -> str:
    """The folded text an encounter is found by: place, note and description."""
    parts = [fields.get("place") or "", fields.get("note") or "", fields.get("description") or ""]
    return fold(" ".join(p for p in parts if isinstance(p, str)))


# The same texts as SQL functions over a record's JSON, for migrations that backfill the index.
def _person_text(data: str | None) -> str:
    return person_search_text(json.loads(data)) if data else ""


def _encounter_text(data: str | None) -> str:
    return encounter_search_text(json.loads(data)) if data else ""


def translate_error(exc: Exception) -> StoreError:
    """Environment errors become typed StoreErrors; the driver's text (which can quote SQL and
    values) is never shown to a worker."""
    text = str(exc).lower()
    if "full" in text or getattr(exc, "errno", None) == errno.ENOSPC:
        return DiskFull("the disk is full")
    if "not a database" in text or "malformed" in text or "hmac" in text:
        return DamagedStore("the database file is damaged or the key is wrong")
    return StoreError("database error")


def _key(conn: Any, key_hex: str) -> str:
    """Key a new connection with a raw 256-bit key; returns SQLCipher's version. Refuses a
    driver without SQLCipher before any key is given, so nothing is ever written in plain."""
    # SQLCipher's own log goes to stderr; damage is reported by integrity_problems().
    conn.execute("PRAGMA cipher_log_level = NONE")
    version = conn.execute("PRAGMA cipher_version").fetchone()
    if not version or not version[0]:
        raise NoSqlCipher("the SQLite driver has no SQLCipher")
    conn.execute(f"PRAGMA key = \"x'{key_hex}'\"")
    return str(version[0])


class Store:
    """An open, unlocked database. Use :meth:`write` for transactions and :meth:`read` for
    queries; both hold the lock for their duration."""

    def __init__(self, conn: Any, path: Path | None, driver: ModuleType) -> None:
        self._conn = conn
        self._lock = threading.RLock()
        self._in_use: _InUse | None = None
        self.path = path
        self.driver = driver

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, dek: bytes, *, migrate: bool = True) -> Store:
        """Open with the raw key. Refuses to run on a driver without SQLCipher.

        One program at a time per profile (the window or a command): a second one is told the
        profile is in use at once, instead of waiting on SQLite's busy lock and failing later.
        """
        in_use = _InUse.take(path)
        try:
            store = cls._open_keyed(path, dek, migrate=migrate)
        except BaseException:
            in_use.release()
            raise
        store._in_use = in_use
        return store

    @classmethod
    def _open_keyed(cls, path: Path, dek: bytes, *, migrate: bool) -> Store:
        conn = sqlcipher3.connect(
            str(path), isolation_level=None, check_same_thread=False, timeout=10
        )
        try:
            _key(conn, dek.hex())
            try:
                conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
            except _DRIVER_ERRORS as exc:
                # The key file's AES-GCM tag already proved the key right: this is damage.
                raise DamagedStore("the database cannot be read with this profile's key") from exc
            store = cls(conn, path, sqlcipher3)
            store._configure(encrypted=True)
            if migrate:
                store.migrate()
            return store
        except BaseException:
            conn.close()
            raise

    @classmethod
    def open_unencrypted_for_benchmark(cls, path: Path, driver: ModuleType = sqlcipher3) -> Store:
        """The same schema and code on a plain database, only as the benchmark's baseline.

        Not reachable from the program: every profile goes through :meth:`open`.
        """
        conn = driver.connect(str(path), isolation_level=None, check_same_thread=False)
        store = cls(conn, path, driver)
        store._configure(encrypted=False)
        store.migrate()
        return store

    def _configure(self, *, encrypted: bool) -> None:
        c = self._conn
        if encrypted:
            # Off (SQLCipher's default since 4.5): it zeroes and locks every allocation SQLite
            # makes, which bench/store.py measures at about 5x the cost of every write and
            # search, for protection against reading the memory of a running, unlocked program,
            # whose screen shows the same data. SQLCipher still wipes its own key material, and
            # locking closes the connection and drops the key (key-hierarchy.md, rule 4).
            c.execute("PRAGMA cipher_memory_security = OFF")
        c.execute("PRAGMA journal_mode = WAL")
        # FULL: a write acknowledged to the worker survives a power cut, not only a crash.
        c.execute("PRAGMA synchronous = FULL")
        c.execute("PRAGMA foreign_keys = ON")
        c.execute("PRAGMA secure_delete = ON")
        c.execute("PRAGMA temp_store = MEMORY")
        # 64 MiB of page cache instead of SQLite's 2 MiB. A page read from the cache is not
        # decrypted again: with 2 MiB, a year's store (about 1 GB) decrypted the same index
        # pages over and over (bench/store.py). The cache holds decrypted pages, as any
        # cache does while the profile is open; it is freed when the store closes at lock.
        c.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        c.execute("PRAGMA busy_timeout = 10000")
        c.create_function("gp_person_text", 1, _person_text, deterministic=True)
        c.create_function("gp_encounter_text", 1, _encounter_text, deterministic=True)

    # --- migrations ------------------------------------------------------------------------

    def schema_version(self) -> int:
        with self._lock:
            row = self._conn.execute("PRAGMA user_version").fetchone()
            return int(row[0])

    def migrate(
        self, up_to: int | None = None, migrations: tuple[Migration, ...] = MIGRATIONS
    ) -> list[int]:
        """Apply pending migrations, each in its own transaction. Returns the versions applied."""
        applied: list[int] = []
        with self._lock:
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migration ("
                " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            current = self.schema_version()
            newest = max((m.version for m in migrations), default=0)
            if up_to is None and current > newest:
                raise NewerStore(f"the database has schema {current}; this program knows {newest}")
            for migration in migrations:
                if migration.version <= current or (
                    up_to is not None and migration.version > up_to
                ):
                    continue
                now = datetime.now(UTC).isoformat(timespec="seconds")
                try:
                    self._conn.executescript(
                        "BEGIN IMMEDIATE;\n"
                        f"{migration.sql};\n"
                        f"INSERT INTO schema_migration VALUES ({migration.version}, "
                        f"'{migration.name.replace(chr(39), chr(39) * 2)}', '{now}');\n"
                        f"PRAGMA user_version = {migration.version};\n"
                        "COMMIT;"
                    )
                except BaseException:
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                    raise
                applied.append(migration.version)
        return applied

    # --- transactions ----------------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[Any]:
        """One atomic write. Commits on success; rolls back on any exception."""
        with self._lock:
            conn = self._require_open()
            try:
                conn.execute("BEGIN IMMEDIATE")
            except _DRIVER_ERRORS as exc:
                raise translate_error(exc) from exc
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, _DRIVER_ERRORS):
                    raise translate_error(exc) from exc
                raise

    @contextmanager
    def read(self) -> Iterator[Any]:
        with self._lock:
            conn = self._require_open()
            try:
                yield conn
            except _DRIVER_ERRORS as exc:
                raise translate_error(exc) from exc

    def _require_open(self) -> Any:
        if self._conn is None:
            raise StoreLocked("the store is locked")
        return self._conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    # --- maintenance -----------------------------------------------------------------------

    def checkpoint(self) -> None:
        """Fold the WAL into the database and truncate it, so erased text is not left in it."""
        with self.read() as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def integrity_problems(self) -> list[str]:
        """Both checks of key-hierarchy.md. Empty when the store is sound."""
        problems: list[str] = []
        with self._lock:
            conn = self._require_open()
            checks = ["quick_check"]
            if self.driver is sqlcipher3:
                checks.append("cipher_integrity_check")
            for check in checks:
                try:
                    rows = conn.execute(f"PRAGMA {check}").fetchall()
                except _DRIVER_ERRORS as exc:
                    # A page that fails its HMAC stops the check itself: that is a finding.
                    problems.append(f"{check}: {translate_error(exc)}")
                    continue
                problems.extend(f"{check}: {r[0]}" for r in rows if r[0] != "ok")
        return problems

    def cipher_info(self) -> dict[str, str]:
        with self.read() as conn:
            return {
                "cipher_version": str(conn.execute("PRAGMA cipher_version").fetchone()[0]),
                "cipher_provider": str(conn.execute("PRAGMA cipher_provider").fetchone()[0]),
                "sqlite_version": str(conn.execute("SELECT sqlite_version()").fetchone()[0]),
            }

    def close(self) -> None:
        """Lock: close the one connection. The WAL is checkpointed first, so the files at rest
        are the database, the key file and an empty ``.lock`` file (it is reused, not deleted,
        since deleting a lock file while another process waits on it is a race)."""
        with self._lock:
            if self._conn is None:
                return
            # A busy or damaged WAL is handled at the next open; closing must not fail.
            with contextlib.suppress(*_DRIVER_ERRORS):
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            self._conn.close()
            self._conn = None
            if self._in_use is not None:
                self._in_use.release()
                self._in_use = None


class _InUse:
    """The OS lock on ``<database>.lock`` that keeps a profile to one program at a time.

    fasteners, not filelock: filelock 4's module (async, soft, read-write and lease locks) was
    8 ms of every start for this one lock. fasteners takes a POSIX record lock on Linux and
    macOS, which belongs to the whole process, so a second open in this same process is
    refused here, by the set of the process's own holders.
    """

    _held: ClassVar[set[str]] = set()
    _guard: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, name: str, lock: fasteners.InterProcessLock) -> None:
        self.name = name
        self.lock = lock

    @classmethod
    def take(cls, path: Path) -> _InUse:
        name = os.path.abspath(f"{path}.lock")
        with cls._guard:
            if name in cls._held:
                raise StoreLocked("the profile is already open in this program")
            lock = fasteners.InterProcessLock(name)
            try:
                taken = lock.acquire(blocking=False)
            except threading.ThreadError as exc:  # the file system refused the lock itself
                lock.lockfile.close()
                raise OSError(errno.ENOLCK, "the profile's lock file cannot be locked") from exc
            if not taken:
                lock.lockfile.close()  # fasteners keeps the file open after a refused try
                raise StoreLocked("the profile is in use by another Gadeplan program")
            cls._held.add(name)
            return cls(name, lock)

    def release(self) -> None:
        with self._guard:
            self._held.discard(self.name)
            self.lock.release()


def probe_sqlcipher(folder: Path) -> dict[str, str]:
    """Prove this installation encrypts: write a small database with a random key in
    ``folder`` (a throw-away folder, never a profile), read it back, and check that its first
    bytes are not SQLite's plain header. Returns the versions for ``gadeplan self-test``;
    raises NoSqlCipher when the driver is plain SQLite, StoreError when the round trip fails.

    ``PRAGMA cipher_version`` alone would only show that the library answers; a bundle that
    picked up the system's plain SQLite instead of SQLCipher's must fail here, loudly.
    """
    import secrets  # the self-test alone

    path = folder / "probe.db"
    key = secrets.token_bytes(32).hex()
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        version = _key(conn, key)
        conn.execute("CREATE TABLE probe (value TEXT)")
        conn.execute("INSERT INTO probe VALUES ('gadeplan')")
        info = {
            "cipher_version": version,
            "cipher_provider": str(conn.execute("PRAGMA cipher_provider").fetchone()[0]),
            "sqlite_version": str(conn.execute("SELECT sqlite_version()").fetchone()[0]),
        }
    except _DRIVER_ERRORS as exc:
        raise translate_error(exc) from exc
    finally:
        conn.close()
    if path.read_bytes()[:16] == b"SQLite format 3\x00":
        raise NoSqlCipher("the test database was written unencrypted")
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        _key(conn, key)
        row = conn.execute("SELECT value FROM probe").fetchone()
    except _DRIVER_ERRORS as exc:
        raise translate_error(exc) from exc
    finally:
        conn.close()
    if row is None or row[0] != "gadeplan":
        raise StoreError("the test database did not read back what was written")
    return info
