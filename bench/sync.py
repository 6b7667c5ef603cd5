"""Sync benchmark: initial sync to a new laptop, incremental sync, and many laptops at once.

``make bench`` (or ``.venv/bin/python bench/sync.py``) measures, against the real backend
(``create_app`` served by uvicorn on 127.0.0.1, the same way the backend tests run it) and the
real client (encrypted profiles, ``SyncService`` and ``SyncEngine`` over httpx):

1. **Seeding the server.** Laptop A registers, is seeded with 20,000 persons and 200,000
   encounters of the deterministic synthetic data (gadeplan.app.seed, through
   ``Session.bulk_writer``: about 289,000 records with the persons' housing history,
   follow-ups and so on) and pushes all of it through the protocol in one sync, then pulls
   its records back as every sync does. Both are timed and printed for information: this is
   how the server's rows are made, through the server's own push path; no goal applies.
2. **Initial sync.** Laptop B, a new profile in a fresh process, registers and pulls
   everything. Printed: records per second (records applied / wall time of ``sync_once``),
   bytes on the wire per record (request and response: request line, headers and body as
   sent, status line, headers and body as received, i.e. gzip-compressed where the server
   compressed; counted by an httpx transport below the client, see :class:`CountingTransport`),
   the client process's peak memory: ``ru_maxrss`` of that process, which does nothing but
   create the profile, register and sync (its value before the sync is shown too), and the
   CPU seconds of the client and of the server process during the sync.
   Repeated ``--initial-repeats`` times (3), each time to another new laptop; the median
   run is reported. Goal: 5,000 records/s or better. ``--diagnose-memory-security`` adds a
   run with the store's ``cipher_memory_security`` on, as the program had it before
   storage/db.py turned it off.
3. **Incremental sync.** Laptop A makes 100 changes (50 corrected persons, 50 new
   encounters, each saved through ``Session.save`` with its audit event, so 200 mutations),
   then syncs (push + pull, timed), then laptop B syncs (pull, timed). Repeated
   ``--rounds`` times after one warm-up sync (which renews the access token); medians are
   reported. Goal: under 1 s.
4. **Many laptops at once.** ``--devices`` (200) laptops in teams of 10, registered up front
   and synced once, each with its own connection, in threads of one process: every laptop
   makes a few changes (a new person with an encounter, and from the second round on a
   correction of one of its team's persons, so teammates' edits can conflict, with another
   encounter; each with its audit event), then all sync at the same moment (a barrier).
   Three rounds; p50 and p95 of the sync latency (push, then pull until ``more`` is false),
   and the errors: syncs that failed, HTTP error answers and connection failures (also those
   a retry hid) and rejected mutations. After the rounds every laptop syncs once more and
   must hold exactly its team's persons and encounters. Goal: no errors.

   The laptops are protocol-level clients by default (``--device-client wire``): the same
   requests and mutations as the real client, with the records in a dict. The real client
   (``--device-client engine``: an encrypted profile, ``Session`` and ``SyncService`` per
   laptop) works too, but 200 of them in one Python process share one core's worth of GIL
   and the two cores with the server and PostgreSQL: their own CPU time (their stores'
   writes) exceeded the server's, so the latency measured the benchmark's laptops, not the
   server. Each round prints the CPU seconds of both sides, which shows which one limits.

The server runs in a process of its own (one uvicorn process, as ``gadeplan-server serve``
runs), so the client's and the server's CPU time are measured apart (``server CPU``: the
server process; PostgreSQL's own processes are not in it).
Workers' passwords are hashed with the test suite's cheap Argon2id parameters
(``tests.backend.support.FAST_HASHING``): registering 200 laptops with the production
parameters (64 MiB, 3 passes) would measure Argon2, not sync. Profiles use a cheap KDF for the
same reason. Every timing is wall clock on a machine whose load is printed with the results.

The backend's database is SQLite by default; ``--postgres`` runs everything on a throw-away
PostgreSQL server started in a temporary folder (``tests/backend/pg.py``; the ``postgresql``
Debian package, which ``build/system-deps.sh`` installs). The issue's 200-laptop goal is about
PostgreSQL; on SQLite the same test runs for comparison.

Results go to ``bench/results/sync-*.json`` (not committed); ``bench/baseline-sync.json`` holds
the development machine's numbers per backend, and each run is compared with it.
``--quick`` is a small smoke run (the test suite runs it).
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import httpx
from msgspec.structs import replace

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    BENCH_DIR,
    RESULTS_DIR,
    Compared,
    Summary,
    comparison,
    machine,
    read_json,
    timestamp,
    write_json,
)

if TYPE_CHECKING:
    from gadeplan.app.services.session import Session
    from gadeplan.app.services.sync import SyncService

BASELINE_FILE = BENCH_DIR / "baseline-sync.json"

T = TypeVar("T")

#: Fixed, so every run seeds exactly the same records.
SEED = 1
SEED_TODAY = date(2026, 11, 25)
BATCH_SIZE = 5000  # what ``gadeplan seed`` uses

PASSPHRASE = "benchmark passphrase, not a secret"  # noqa: S105
PASSWORD = "benchmark-password"  # noqa: S105 - the throw-away benchmark server's workers

BIG_TEAM = "Bench team"
LAPTOP_A, LAPTOP_B = "bench-a", "bench-b"
TEAM_SIZE = 10
INCREMENTAL_CHANGES = 100

GOAL_RECORDS_PER_SECOND = 5000.0
GOAL_INCREMENTAL_SECONDS = 1.0

SQLITE, POSTGRES = "sqlite", "postgresql"
BACKEND_LABELS = {SQLITE: "SQLite", POSTGRES: "PostgreSQL"}


# --- measuring the wire ---------------------------------------------------------------------------


class _CountingStream(httpx.SyncByteStream):
    """The response body as it comes off the socket (still compressed), counted."""

    def __init__(self, inner: httpx.SyncByteStream, counter: CountingTransport) -> None:
        self._inner = inner
        self._counter = counter

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner:
            self._counter.add_received(len(chunk))
            yield chunk

    def close(self) -> None:
        self._inner.close()


def _head_bytes(first_line: str, headers: httpx.Headers) -> int:
    """Bytes of an HTTP/1.1 start line and header block as sent on the wire."""
    size = len(first_line) + 2 + 2  # the line's CRLF, and the empty line ending the block
    for name, value in headers.raw:
        size += len(name) + 2 + len(value) + 2
    return size


class CountingTransport(httpx.BaseTransport):
    """httpx's own transport, counting what goes over the connection and what fails.

    Given to :class:`gadeplan.sync.transport.Transport` as ``http_transport``, so it sits below
    everything the client does (compression of request bodies included) and sees the bytes
    the server sent before httpx decompresses them.
    """

    def __init__(self, on_response: Callable[[str, int], None] | None = None) -> None:
        self._inner = httpx.HTTPTransport()
        self._lock = threading.Lock()
        self._on_response = on_response
        self.requests = 0
        self.sent = 0
        self.received = 0
        self.errors: Counter[str] = Counter()

    def add_received(self, size: int) -> None:
        with self._lock:
            self.received += size

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        line = f"{request.method} {request.url.raw_path.decode()} HTTP/1.1"
        sent = _head_bytes(line, request.headers) + len(request.content)
        with self._lock:
            self.requests += 1
            self.sent += sent
        try:
            response = self._inner.handle_request(request)
        except httpx.TransportError as exc:
            with self._lock:
                self.errors[type(exc).__name__] += 1
            raise
        status = f"HTTP/1.1 {response.status_code} {response.reason_phrase}"
        self.add_received(_head_bytes(status, response.headers))
        if response.status_code >= 400:
            with self._lock:
                self.errors[f"HTTP {response.status_code}"] += 1
        assert isinstance(response.stream, httpx.SyncByteStream)
        response.stream = _CountingStream(response.stream, self)
        if self._on_response is not None:
            self._on_response(request.url.path, response.status_code)
        return response

    def close(self) -> None:
        self._inner.close()

    def snapshot(self) -> tuple[int, int, int]:
        with self._lock:
            return self.requests, self.sent, self.received


# --- small helpers --------------------------------------------------------------------------------


def maxrss_mb() -> float:
    """Peak resident set of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def process_cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU time of another process (Linux /proc), or None."""
    if pid is None:
        return None
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text.rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime, stime: fields 14 and 15 of stat
    return ticks / os.sysconf("SC_CLK_TCK")


def load_average() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def say(text: str) -> None:
    print(text, flush=True)


def _use_no_keychain() -> None:
    """Passphrase-only profiles: a benchmark must not write to the real keychain."""
    import keyring
    import keyring.backends.fail

    keyring.set_keyring(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]


@dataclass
class Laptop:
    """One worker's laptop: an encrypted profile signed in to the benchmark server."""

    session: Session
    sync: SyncService
    wire: CountingTransport
    transport: Any

    @classmethod
    def create(
        cls,
        folder: Path,
        base_url: str,
        username: str,
        on_response: Callable[[str, int], None] | None = None,
    ) -> Laptop:
        from gadeplan.app.domain.clock import SystemClock
        from gadeplan.app.policy import Policy
        from gadeplan.app.services.profile import create_profile
        from gadeplan.storage import keys

        cheap = keys.KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
        session = create_profile(
            folder, PASSPHRASE, policy=Policy(), kdf=cheap, clock=SystemClock()
        ).session
        laptop = cls._connect(session, base_url, on_response)
        laptop.sync.register(base_url, username, PASSWORD, f"Bench {folder.name}")
        return laptop

    @classmethod
    def open(
        cls,
        folder: Path,
        base_url: str,
        on_response: Callable[[str, int], None] | None = None,
    ) -> Laptop:
        from gadeplan.app.domain.clock import SystemClock
        from gadeplan.app.services.profile import open_profile

        session = open_profile(folder, PASSPHRASE, clock=SystemClock())
        return cls._connect(session, base_url, on_response)

    @classmethod
    def _connect(
        cls,
        session: Session,
        base_url: str,
        on_response: Callable[[str, int], None] | None,
    ) -> Laptop:
        from gadeplan.app.policy import Policy
        from gadeplan.app.services.sync import SyncService
        from gadeplan.sync.transport import Transport

        wire = CountingTransport(on_response)
        transport = Transport(base_url, http_transport=wire)
        return cls(session, SyncService(session, Policy(), transport=transport), wire, transport)

    @property
    def team(self) -> str:
        return self.session.identity.team_id

    def close(self) -> None:
        if self.session.store.is_open:
            self.session.lock()
        self.transport.close()


# --- the server, in a process of its own ----------------------------------------------------------


def role_server(config: dict[str, Any], ready_file: Path) -> int:
    """Serve the backend until stdin closes or SIGTERM; write the address to ``ready_file``."""
    from tests.backend.support import Server

    server = Server(config["backend"], config["db_url"])
    server.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())

    def watch_parent() -> None:
        sys.stdin.read()  # returns when the benchmark closes the pipe or dies
        stop.set()

    threading.Thread(target=watch_parent, daemon=True).start()
    write_json(ready_file, {"base_url": server.base_url, "pid": os.getpid()})
    stop.wait()
    server.stop()
    return 0


class ServerProcess:
    def __init__(self, workdir: Path, config_file: Path) -> None:
        ready = workdir / "server-ready.json"
        self._process = subprocess.Popen(
            [*_self_command("server", config_file), "--result-file", str(ready)],
            stdin=subprocess.PIPE,
        )
        deadline = time.monotonic() + 60
        while not ready.exists():
            if self._process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the benchmark server did not start")
            time.sleep(0.05)
        info = read_json(ready)
        self.base_url: str = info["base_url"]
        self.pid: int = info["pid"]

    def stop(self) -> None:
        if self._process.poll() is None:
            assert self._process.stdin is not None
            self._process.stdin.close()
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()


def _self_command(role: str, config_file: Path) -> list[str]:
    return [
        sys.executable,
        str(Path(__file__).resolve()),
        "--role",
        role,
        "--role-config",
        str(config_file),
    ]


def prepare_database(db_url: str, devices: int) -> dict[str, Any]:
    """Schema, the big team with laptops A and B, and the device teams with their workers."""
    from gadeplan.app.domain.clock import SystemClock
    from gadeplan.backend.admin import Admin
    from gadeplan.backend.db import Database
    from tests.backend.support import make_settings

    db = Database(db_url)
    try:
        admin = Admin(db, make_settings(db_url), SystemClock())
        admin.init_db()
        admin.add_team(BIG_TEAM)
        for username in (LAPTOP_A, LAPTOP_B):
            admin.add_worker(username, PASSWORD, [BIG_TEAM])
        teams: list[list[str]] = []
        for t in range(math.ceil(devices / TEAM_SIZE)):
            name = f"Device team {t + 1:03d}"
            admin.add_team(name)
            members = []
            for m in range(min(TEAM_SIZE, devices - t * TEAM_SIZE)):
                username = f"device-{t + 1:03d}-{m + 1:02d}"
                admin.add_worker(username, PASSWORD, [name])
                members.append(username)
            teams.append(members)
    finally:
        db.dispose()
    return {"device_teams": teams}


# --- 1. seeding laptop A and pushing everything ---------------------------------------------------


def role_seed(config: dict[str, Any]) -> dict[str, Any]:
    from gadeplan.app.seed import SeedSpec, seed

    _use_no_keychain()
    pushes = 0
    report_every = 1
    last_push = 0.0

    def on_response(path: str, _status: int) -> None:
        nonlocal pushes, last_push
        if path.endswith("/sync/push"):
            pushes += 1
            last_push = time.perf_counter()
            if pushes % report_every == 0:
                elapsed = time.perf_counter() - push_started
                say(
                    f"  [push] {pushes * 200:>9,} mutations  {elapsed:7.1f} s"
                    f"  {pushes * 200 / elapsed:8,.0f} mutations/s"
                )

    push_started = time.perf_counter()
    laptop = Laptop.create(Path(config["folder_a"]), config["base_url"], LAPTOP_A, on_response)
    spec = SeedSpec(
        persons=config["persons"],
        encounters=config["encounters"],
        seed=SEED,
        team_id=laptop.team,
        worker_id=laptop.session.identity.worker_id,
        today=SEED_TODAY,
    )
    started = time.perf_counter()
    next_report = 0
    step = max(BATCH_SIZE, (config["persons"] * 3 + config["encounters"]) // 8)

    def progress(done: int) -> None:
        nonlocal next_report
        if done >= next_report:
            next_report = done + step
            elapsed = time.perf_counter() - started
            say(f"  [seed] {done:>9,} records  {elapsed:7.1f} s  {done / elapsed:8,.0f} records/s")

    records = seed(spec, laptop.session.bulk_writer(), batch_size=BATCH_SIZE, progress=progress)
    seed_seconds = time.perf_counter() - started
    unsent, _ = laptop.session.repo.outbox_summary()
    say(f"  [seed] {records:,} records in {seed_seconds:.1f} s; {unsent:,} mutations to push")
    report_every = max(1, math.ceil(unsent / 200) // 10)
    push_started = time.perf_counter()
    report = laptop.sync.sync_once()
    sync_seconds = time.perf_counter() - push_started
    push_seconds = last_push - push_started
    requests, sent, received = laptop.wire.snapshot()
    left, _ = laptop.session.repo.outbox_summary()
    laptop.close()
    say(
        f"  [push] {report.pushed:,} mutations in {push_seconds:.1f} s"
        f" ({report.pushed / push_seconds:,.0f} mutations/s); then pulled back"
        f" {report.pulled:,} in {sync_seconds - push_seconds:.1f} s"
    )
    return {
        "records": records,
        "seed_seconds": round(seed_seconds, 3),
        "mutations": unsent,
        "pushed": report.pushed,
        "rejected": len(report.rejected),
        "left_in_outbox": left,
        "push_seconds": round(push_seconds, 3),
        "mutations_per_second": round(report.pushed / push_seconds, 1),
        "pulled_back": report.pulled,
        "pull_back_seconds": round(sync_seconds - push_seconds, 3),
        "bytes_sent": sent,
        "bytes_received": received,
        "requests": requests,
    }


# --- 2. the initial sync of a new laptop ----------------------------------------------------------


def role_initial(config: dict[str, Any]) -> dict[str, Any]:
    _use_no_keychain()
    folder = Path(config["folder_b"])
    if config.get("memory_security_on"):
        # Diagnostic only (see --diagnose-memory-security): the store as the program opened it
        # before storage/db.py turned cipher_memory_security off.
        from gadeplan.storage.db import Store

        configure = Store._configure

        def configure_with_memory_security(self: Store, *, encrypted: bool) -> None:
            configure(self, encrypted=encrypted)
            if encrypted:
                self._conn.execute("PRAGMA cipher_memory_security = ON")

        Store._configure = configure_with_memory_security  # type: ignore[method-assign]
        folder = folder.with_name(f"{folder.name}-memsec-on")
    pulls = 0
    started = 0.0

    def on_response(path: str, _status: int) -> None:
        nonlocal pulls
        if path.endswith("/sync/pull"):
            pulls += 1
            if pulls % 25 == 0:
                elapsed = time.perf_counter() - started
                say(
                    f"  [pull] ~{pulls * 1000:>9,} records  {elapsed:7.1f} s"
                    f"  {pulls * 1000 / elapsed:8,.0f} records/s"
                )

    laptop = Laptop.create(folder, config["base_url"], LAPTOP_B, on_response)
    with laptop.session.store.read() as conn:
        memory_security = str(conn.execute("PRAGMA cipher_memory_security").fetchone()[0])
    rss_before = maxrss_mb()
    requests0, sent0, received0 = laptop.wire.snapshot()
    server_cpu0 = process_cpu_seconds(config.get("server_pid"))
    cpu0 = cpu_seconds()
    started = time.perf_counter()
    report = laptop.sync.sync_once()
    seconds = time.perf_counter() - started
    cpu = cpu_seconds() - cpu0
    server_cpu1 = process_cpu_seconds(config.get("server_pid"))
    requests1, sent1, received1 = laptop.wire.snapshot()
    rss_after = maxrss_mb()
    counts = laptop.session.repo.count_by_entity()
    laptop.close()
    records = report.pulled
    wire = (sent1 - sent0) + (received1 - received0)
    say(f"  [pull] {records:,} records in {seconds:.1f} s  ({records / seconds:,.0f} records/s)")
    return {
        "records": records,
        "seconds": round(seconds, 3),
        "records_per_second": round(records / seconds, 1),
        "requests": requests1 - requests0,
        "bytes_sent": sent1 - sent0,
        "bytes_received": received1 - received0,
        "bytes_per_record": round(wire / records, 1) if records else None,
        "maxrss_mb_before_sync": round(rss_before, 1),
        "maxrss_mb": round(rss_after, 1),
        "client_cpu_seconds": round(cpu, 3),
        "server_cpu_seconds": (
            None
            if server_cpu0 is None or server_cpu1 is None
            else round(server_cpu1 - server_cpu0, 3)
        ),
        "records_in_store": sum(counts.values()),
        "cipher_memory_security": memory_security,
        "errors": dict(laptop.wire.errors),
    }


# --- 3. incremental sync --------------------------------------------------------------------------


def _make_changes(session: Session, persons: list[Any], round_no: int, count: int) -> int:
    """``count`` changes on laptop A: corrected persons and new encounters, half each, each
    saved with its audit event as the program does. Returns the mutations they made."""
    from gadeplan.app.domain.ids import new_id
    from gadeplan.app.domain.records import Channel, Encounter

    before, _ = session.repo.outbox_summary()
    corrections = count // 2
    start = (round_no * corrections) % max(1, len(persons) - corrections)
    for i, person in enumerate(persons[start : start + corrections]):
        session.save(replace(person, description=f"Runde {round_no + 1}: ny jakke ({i})"))
    now = datetime.now(UTC).replace(microsecond=0)
    for i in range(count - corrections):
        person = persons[(start + i) % len(persons)]
        session.save(
            Encounter(
                id=new_id(),
                team_id=session.identity.team_id,
                person_id=person.id,
                occurred_at=now - timedelta(minutes=i),
                channel=Channel.STREET,
                place="Torvet",
                note=f"Runde {round_no + 1}: talte om natvarmestuen",
                worker_id=session.identity.worker_id,
            )
        )
    after, _ = session.repo.outbox_summary()
    return after - before


def role_incremental(config: dict[str, Any]) -> dict[str, Any]:
    from gadeplan.app.domain.records import Person

    _use_no_keychain()
    a = Laptop.open(Path(config["folder_a"]), config["base_url"])
    b = Laptop.open(Path(config["folder_b"]), config["base_url"])
    try:
        persons = sorted(a.session.repo.all(Person), key=lambda p: p.id)
        # Warm-up: the first sync after opening a profile renews the access token.
        a.sync.sync_once()
        b.sync.sync_once()
        rounds: list[dict[str, Any]] = []
        for round_no in range(config["rounds"]):
            mutations = _make_changes(a.session, persons, round_no, INCREMENTAL_CHANGES)
            a_wire0, b_wire0 = a.wire.snapshot(), b.wire.snapshot()
            t0 = time.perf_counter()
            report_a = a.sync.sync_once()
            t1 = time.perf_counter()
            report_b = b.sync.sync_once()
            t2 = time.perf_counter()
            a_wire1, b_wire1 = a.wire.snapshot(), b.wire.snapshot()
            entry = {
                "mutations": mutations,
                "editor_pushed": report_a.pushed,
                "editor_pulled": report_a.pulled,
                "editor_seconds": round(t1 - t0, 4),
                "other_pulled": report_b.pulled,
                "other_seconds": round(t2 - t1, 4),
                "editor_bytes": (a_wire1[1] - a_wire0[1]) + (a_wire1[2] - a_wire0[2]),
                "other_bytes": (b_wire1[1] - b_wire0[1]) + (b_wire1[2] - b_wire0[2]),
            }
            rounds.append(entry)
            say(
                f"  [incremental {round_no + 1}] laptop A pushed {report_a.pushed} and pulled"
                f" {report_a.pulled} in {(t1 - t0) * 1000:.0f} ms; laptop B pulled"
                f" {report_b.pulled} in {(t2 - t1) * 1000:.0f} ms"
            )
        errors = dict(a.wire.errors + b.wire.errors)
    finally:
        a.close()
        b.close()
    return {
        "changes": INCREMENTAL_CHANGES,
        "rounds": rounds,
        "editor_ms": Summary.of_seconds([r["editor_seconds"] for r in rounds]).to_json(),
        "other_ms": Summary.of_seconds([r["other_seconds"] for r in rounds]).to_json(),
        "errors": errors,
    }


# --- 4. many laptops at once ----------------------------------------------------------------------


class SimulatedDevice:
    """One laptop of the many-laptops test; see :class:`EngineDevice` and :class:`WireDevice`."""

    def __init__(self, index: int, team_index: int, wire: CountingTransport) -> None:
        self.index = index
        self.team_index = team_index
        self.rng = random.Random(index)
        #: Ids of the persons and encounters this laptop created: its team must hold them all.
        self.created: set[str] = set()
        self.latencies: list[float] = []
        self.failures: Counter[str] = Counter()
        self.rejected = 0
        self.wire = wire

    def make_changes(self, round_no: int) -> None:
        raise NotImplementedError

    def sync(self) -> int:
        """One sync; returns the number of rejected mutations. Raises on failure."""
        raise NotImplementedError

    def held(self) -> set[str]:
        """Ids of the persons and encounters this laptop holds."""
        raise NotImplementedError

    def close(self) -> None:
        self.wire.close()

    def timed_sync(self, barrier: threading.Barrier | None = None) -> None:
        if barrier is not None:
            barrier.wait()
        started = time.perf_counter()
        try:
            rejected = self.sync()
        except Exception as exc:  # counted, and the benchmark goes on
            self.failures[str(getattr(exc, "code", type(exc).__name__))] += 1
            return
        self.latencies.append(time.perf_counter() - started)
        self.rejected += rejected


class EngineDevice(SimulatedDevice):
    """The real client: an encrypted profile, ``Session`` and ``SyncService`` per laptop."""

    def __init__(self, index: int, team_index: int, folder: Path, base_url: str, user: str) -> None:
        self.laptop = Laptop.create(folder, base_url, user)
        super().__init__(index, team_index, self.laptop.wire)

    def make_changes(self, round_no: int) -> None:
        """A new person with an encounter, and from the second round on a correction of one
        of the team's persons (a teammate may correct the same one: conflicts are part of the
        load) with an encounter; each saved with its audit event, as the program does."""
        from gadeplan.app.domain.ids import new_id
        from gadeplan.app.domain.records import Channel, Encounter, Person

        session, rng = self.laptop.session, self.rng
        team = session.identity.team_id
        person = Person(
            id=new_id(), team_id=team, alias=f"Ny {self.index}-{round_no}", places=("Torvet",)
        )
        session.save(person)
        self.created.add(person.id)
        targets = [person]
        if round_no > 0:
            known = sorted(session.repo.all(Person), key=lambda p: p.id)
            other = rng.choice(known)
            session.save(replace(other, description=f"Set runde {round_no} af {self.index}"))
            targets.append(other)
        for target in targets:
            encounter = Encounter(
                id=new_id(),
                team_id=team,
                person_id=target.id,
                occurred_at=datetime.now(UTC).replace(microsecond=0),
                channel=rng.choice(list(Channel)),
                place="Torvet",
                note=f"Runde {round_no + 1}",
                worker_id=session.identity.worker_id,
            )
            session.save(encounter)
            self.created.add(encounter.id)

    def sync(self) -> int:
        return len(self.laptop.sync.sync_once().rejected)

    def held(self) -> set[str]:
        with self.laptop.session.store.read() as conn:
            return {
                row[0]
                for row in conn.execute(
                    "SELECT id FROM record WHERE entity IN ('person', 'encounter') AND deleted = 0"
                )
            }

    def close(self) -> None:
        self.laptop.close()


class WireDevice(SimulatedDevice):
    """A laptop reduced to the protocol: the same requests and mutations as the real client
    (records and their audit events, ``base_version``, HLCs, pages until ``more`` is false),
    with the records held in a dict instead of an encrypted store. 200 encrypted stores and
    engines in one process on two cores measure the laptops' CPU rather than the server."""

    def __init__(self, index: int, team_index: int, base_url: str, user: str) -> None:
        from gadeplan.app.domain.hlc import HybridLogicalClock
        from gadeplan.sync.schemas import PATH_REGISTER, PROTOCOL_HEADER, PROTOCOL_VERSION

        super().__init__(index, team_index, CountingTransport())
        self.http = httpx.Client(
            base_url=base_url,
            headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)},
            timeout=120,
            transport=self.wire,
        )
        answer = self._post(
            PATH_REGISTER, {"username": user, "password": PASSWORD, "device_name": user}
        )
        self.device_id: str = answer["device_id"]
        self.access: str = answer["access_token"]
        self.refresh: str = answer["refresh_token"]
        self.worker_id: str = answer["worker"]["id"]
        self.team_id: str = answer["worker"]["teams"][0]["id"]
        self.hlc = HybridLogicalClock(self.device_id, lambda: int(time.time() * 1000))
        self.next_mutation_id = 1
        self.cursor: str | None = None
        #: id -> (entity, version, fields), as pulled.
        self.records: dict[str, tuple[str, int, dict[str, Any]]] = {}
        self.outbox: list[dict[str, Any]] = []

    def _post(self, path: str, body: dict[str, Any], auth: bool = False) -> dict[str, Any]:
        from gadeplan.sync.schemas import PATH_TOKEN

        headers = {"Authorization": f"Bearer {self.access}"} if auth else {}
        response = self.http.post(path, json=body, headers=headers)
        if auth and response.status_code == 401 and "expired" in response.text:
            renewed = self._post(
                PATH_TOKEN, {"device_id": self.device_id, "refresh_token": self.refresh}
            )
            self.access, self.refresh = renewed["access_token"], renewed["refresh_token"]
            return self._post(path, body, auth)
        if response.status_code != 200:
            raise RuntimeError(f"HTTP {response.status_code}")
        data: dict[str, Any] = response.json()
        return data

    def _queue(self, entity: str, record_id: str, fields: dict[str, Any], base: int | None) -> None:
        from gadeplan.app.domain.ids import new_id
        from gadeplan.app.domain.records import AuditAction, AuditEvent

        hlc = self.hlc.now()
        old = {k: self.records[record_id][2].get(k) for k in fields} if base else {}
        self.outbox.append(
            {
                "mutation_id": self.next_mutation_id,
                "entity": entity,
                "id": record_id,
                "op": "upsert",
                "base_version": base,
                "hlc": hlc,
                "fields": fields,
                "old": old,
            }
        )
        audit = AuditEvent(
            id=new_id(),
            team_id=self.team_id,
            action=AuditAction.UPDATE if base else AuditAction.CREATE,
            at=datetime.now(UTC),
            worker_id=self.worker_id,
            device_id=self.device_id,
            entity=entity,
            record_id=record_id,
            person_id=fields.get("person_id") if entity != "person" else record_id,
            fields=tuple(sorted(fields)),
        )
        self.outbox.append(
            {
                "mutation_id": self.next_mutation_id + 1,
                "entity": audit.ENTITY,
                "id": audit.id,
                "op": "upsert",
                "base_version": None,
                "hlc": self.hlc.now(),
                "fields": audit.to_fields(),
                "old": {},
            }
        )
        self.next_mutation_id += 2

    def make_changes(self, round_no: int) -> None:
        """The same changes as :meth:`EngineDevice.make_changes`."""
        from gadeplan.app.domain.ids import new_id
        from gadeplan.app.domain.records import Channel, Encounter, Person

        person = Person(
            id=new_id(),
            team_id=self.team_id,
            alias=f"Ny {self.index}-{round_no}",
            places=("Torvet",),
        )
        self._queue("person", person.id, person.to_fields(), None)
        self.created.add(person.id)
        targets = [person.id]
        if round_no > 0:
            known = sorted(i for i, (e, _, _) in self.records.items() if e == "person")
            other = self.rng.choice(known)
            _, version, _ = self.records[other]
            change = {"description": f"Set runde {round_no} af {self.index}"}
            self._queue("person", other, change, version)
            targets.append(other)
        for target in targets:
            encounter = Encounter(
                id=new_id(),
                team_id=self.team_id,
                person_id=target,
                occurred_at=datetime.now(UTC).replace(microsecond=0),
                channel=self.rng.choice(list(Channel)),
                place="Torvet",
                note=f"Runde {round_no + 1}",
                worker_id=self.worker_id,
            )
            self._queue("encounter", encounter.id, encounter.to_fields(), None)
            self.created.add(encounter.id)

    def sync(self) -> int:
        from gadeplan.sync.schemas import MAX_PULL_LIMIT, PATH_PULL, PATH_PUSH

        rejected = 0
        if self.outbox:
            answer = self._post(
                PATH_PUSH, {"device_id": self.device_id, "mutations": self.outbox}, auth=True
            )
            by_id = {m["mutation_id"]: m for m in self.outbox}
            for result in answer["results"]:
                mutation = by_id[result["mutation_id"]]
                if result["status"] == "rejected":
                    rejected += 1
                elif isinstance(result.get("version"), int) and mutation["id"] in self.records:
                    entity, _, fields = self.records[mutation["id"]]
                    self.records[mutation["id"]] = (entity, result["version"], fields)
            self.outbox = []
        while True:
            page = self._post(
                PATH_PULL, {"cursor": self.cursor, "limit": MAX_PULL_LIMIT}, auth=True
            )
            for change in page["changes"]:
                if change["op"] == "put":
                    self.records[change["id"]] = (
                        change["entity"],
                        int(change["version"]),
                        change["fields"],
                    )
                else:
                    self.records.pop(change["id"], None)
            self.cursor = page["cursor"]
            self.hlc.observe(page["server_hlc"])
            if not page["more"]:
                return rejected

    def held(self) -> set[str]:
        return {i for i, (e, _, _) in self.records.items() if e in ("person", "encounter")}

    def close(self) -> None:
        self.http.close()


def _in_threads(items: list[T], work: Callable[[T], None], threads: int) -> None:
    """``work`` on every item, in ``threads`` threads; the first exception is raised."""
    queue = list(reversed(items))
    lock = threading.Lock()
    problems: list[BaseException] = []

    def run() -> None:
        while True:
            with lock:
                if not queue or problems:
                    return
                item = queue.pop()
            try:
                work(item)
            except BaseException as exc:
                with lock:
                    problems.append(exc)
                return

    pool = [threading.Thread(target=run) for _ in range(min(threads, len(items)))]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    if problems:
        raise problems[0]


def _round(devices: list[SimulatedDevice], server_pid: int | None) -> dict[str, Any]:
    """Every laptop syncs at the same moment (a barrier); returns what the round measured."""
    for device in devices:
        device.wire.errors.clear()
    barrier = threading.Barrier(len(devices))
    threads = [threading.Thread(target=d.timed_sync, args=(barrier,)) for d in devices]
    before = [len(d.latencies) for d in devices]
    server_cpu0 = process_cpu_seconds(server_pid)
    cpu0 = cpu_seconds()
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    client_cpu = cpu_seconds() - cpu0
    server_cpu1 = process_cpu_seconds(server_pid)
    samples = [s for d, n in zip(devices, before, strict=True) for s in d.latencies[n:]]
    http_errors = sum((d.wire.errors for d in devices), Counter[str]())
    return {
        "wall_seconds": round(wall, 3),
        "syncs": len(samples),
        "latency_ms": Summary.of_seconds(samples).to_json() if samples else None,
        "http_errors": dict(http_errors),
        "client_cpu_seconds": round(client_cpu, 2),
        "server_cpu_seconds": (
            None
            if server_cpu0 is None or server_cpu1 is None
            else round(server_cpu1 - server_cpu0, 2)
        ),
    }


def role_devices(config: dict[str, Any]) -> dict[str, Any]:
    _use_no_keychain()
    kind = config["device_client"]
    root = Path(config["folder_devices"])
    teams: list[list[str]] = config["device_teams"]
    plan = [(t, user) for t, members in enumerate(teams) for user in members]
    numbered = list(enumerate(plan))
    devices: list[SimulatedDevice] = []
    lock = threading.Lock()
    started = time.perf_counter()

    def make(entry: tuple[int, tuple[int, str]]) -> None:
        index, (team_index, user) = entry
        device: SimulatedDevice
        if kind == "engine":
            device = EngineDevice(index, team_index, root / user, config["base_url"], user)
        else:
            device = WireDevice(index, team_index, config["base_url"], user)
        device.sync()  # the first, full pull: the team and its workers
        with lock:
            devices.append(device)
            if len(devices) % max(1, len(plan) // 5) == 0:
                say(f"  [devices] {len(devices)} registered and synced once")

    _in_threads(numbered, make, threads=4)
    setup_seconds = time.perf_counter() - started
    devices.sort(key=lambda d: d.index)
    say(
        f"  [devices] {len(devices)} laptops ({kind} clients) ready in {setup_seconds:.1f} s;"
        f" client maxrss {maxrss_mb():.0f} MB"
    )
    rounds: list[dict[str, Any]] = []
    try:
        for round_no in range(config["device_rounds"]):
            for device in devices:
                device.make_changes(round_no)
            entry = _round(devices, config.get("server_pid"))
            rounds.append(entry)
            latency = entry["latency_ms"]
            server_cpu = entry["server_cpu_seconds"]
            say(
                f"  [devices round {round_no + 1}] {entry['syncs']}/{len(devices)} syncs in"
                f" {entry['wall_seconds']:.1f} s"
                + (
                    f"; p50 {latency['median_ms']:.0f} ms, p95 {latency['p95_ms']:.0f} ms"
                    if latency
                    else ""
                )
                + (f"; HTTP errors {entry['http_errors']}" if entry["http_errors"] else "")
                + f"; CPU s: laptops {entry['client_cpu_seconds']:.1f}, server "
                + ("n/a" if server_cpu is None else f"{server_cpu:.1f}")
            )
        all_http = Counter[str]()
        for r in rounds:
            all_http.update(r["http_errors"])
        samples = [s for d in devices for s in d.latencies]
        failures = sum((d.failures for d in devices), Counter[str]())
        rejected = sum(d.rejected for d in devices)

        # Convergence: one more sync each, then every laptop holds exactly its team's records.
        for device in devices:
            device.timed_sync()
        failures_after = sum((d.failures for d in devices), Counter[str]())
        by_team: dict[int, set[str]] = {}
        for device in devices:
            by_team.setdefault(device.team_index, set()).update(device.created)
        diverged = sum(1 for d in devices if d.held() != by_team[d.team_index])
    finally:
        for device in devices:
            device.close()
    errors = sum(failures.values()) + sum(all_http.values()) + rejected
    return {
        "devices": len(devices),
        "client": kind,
        "team_size": TEAM_SIZE,
        "rounds": rounds,
        "setup_seconds": round(setup_seconds, 2),
        "latency_ms": Summary.of_seconds(samples).to_json() if samples else None,
        "syncs": len(samples),
        "failed_syncs": dict(failures),
        "http_errors": dict(all_http),
        "rejected_mutations": rejected,
        "errors": errors,
        "diverged_devices": diverged,
        "failed_final_syncs": sum(failures_after.values()) - sum(failures.values()),
        "client_maxrss_mb": round(maxrss_mb(), 1),
    }


ROLES: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "seed": role_seed,
    "initial": role_initial,
    "incremental": role_incremental,
    "devices": role_devices,
}


def run_role(
    role: str, config_file: Path, workdir: Path, name: str | None = None
) -> dict[str, Any]:
    out = workdir / f"{name or role}.json"
    subprocess.run([*_self_command(role, config_file), "--result-file", str(out)], check=True)
    result: dict[str, Any] = read_json(out)
    return result


# --- the whole benchmark --------------------------------------------------------------------------


@contextlib.contextmanager
def database(backend: str, workdir: Path) -> Iterator[str]:
    """The backend's database URL: an SQLite file, or a throw-away PostgreSQL server."""
    if backend == SQLITE:
        yield f"sqlite:///{workdir / 'server.sqlite3'}"
        return
    from tests.backend.pg import PostgresServer, find_bin_dir

    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise SystemExit(
            "--postgres needs PostgreSQL's initdb and pg_ctl (Debian: the postgresql package;"
            " build/system-deps.sh installs it)"
        )
    server = PostgresServer(bin_dir)
    say(f"Starting PostgreSQL from {bin_dir} ...")
    server.start()
    try:
        yield server.create_database("gadeplan_bench")
    finally:
        server.stop()


def run_benchmark(args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    backend = POSTGRES if args.postgres else SQLITE
    load_before = load_average()
    result: dict[str, Any] = {
        "benchmark": "sync",
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": machine(),
        "backend": backend,
        "quick": args.quick,
        "persons": args.persons,
        "encounters": args.encounters,
        "devices_requested": args.devices,
        "device_client": args.device_client,
        "password_hashing": "FAST_HASHING (Argon2id t=1, 8 MiB) for the benchmark's workers",
    }
    with database(backend, workdir) as db_url:
        say("Preparing the server's database (teams and workers) ...")
        prepared = prepare_database(db_url, args.devices)
        config: dict[str, Any] = {
            "backend": backend,
            "db_url": db_url,
            "persons": args.persons,
            "encounters": args.encounters,
            "rounds": args.rounds,
            "device_rounds": args.device_rounds,
            "device_client": args.device_client,
            "folder_a": str(workdir / "laptop-a"),
            "folder_b": str(workdir / "laptop-b"),
            "folder_devices": str(workdir / "devices"),
            **prepared,
        }
        config_file = workdir / "config.json"
        write_json(config_file, config)
        server = ServerProcess(workdir, config_file)
        try:
            config.update(base_url=server.base_url, server_pid=server.pid)
            write_json(config_file, config)
            say(f"Server on {server.base_url} ({BACKEND_LABELS[backend]}), pid {server.pid}")
            say(
                f"1. Seeding laptop A with {args.persons:,} persons and"
                f" {args.encounters:,} encounters, then pushing everything ..."
            )
            result["seed"] = run_role("seed", config_file, workdir)
            say(
                f"2. Initial sync: a new laptop pulls everything"
                f" ({args.initial_repeats} time{'s' if args.initial_repeats > 1 else ''}) ..."
            )
            runs = [run_role("initial", config_file, workdir)]
            for repeat in range(1, args.initial_repeats):
                # Each time another new laptop (a new registration of laptop B's worker).
                again = workdir / f"config-initial-{repeat + 1}.json"
                write_json(again, {**config, "folder_b": f"{config['folder_b']}-{repeat + 1}"})
                runs.append(run_role("initial", again, workdir, f"initial-{repeat + 1}"))
            # The run with the median throughput stands for all; every run is kept.
            result["initial"] = sorted(runs, key=lambda r: r["records_per_second"])[len(runs) // 2]
            result["initial_runs_records_per_second"] = [r["records_per_second"] for r in runs]
            if args.diagnose_memory_security:
                say("2b. The same, with cipher_memory_security on (diagnostic) ...")
                diagnostic = workdir / "config-memsec-on.json"
                write_json(diagnostic, {**config, "memory_security_on": True})
                result["initial_with_memory_security"] = run_role(
                    "initial", diagnostic, workdir, "initial-memsec-on"
                )
            say(f"3. Incremental sync of {INCREMENTAL_CHANGES} changes, {args.rounds} rounds ...")
            result["incremental"] = run_role("incremental", config_file, workdir)
            if args.devices:
                say(f"4. {args.devices} laptops syncing at once, {args.device_rounds} rounds ...")
                result["devices"] = run_role("devices", config_file, workdir)
        finally:
            server.stop()
    result["load_average"] = {"before": load_before, "after": load_average()}
    result["goals"] = goals(result)
    return result


def goals(result: dict[str, Any]) -> dict[str, bool | None]:
    incremental = result["incremental"]
    devices = result.get("devices")
    return {
        "initial_5000_records_per_second": (
            result["initial"]["records_per_second"] >= GOAL_RECORDS_PER_SECOND
        ),
        "incremental_under_1s": (
            incremental["editor_ms"]["median_ms"] < GOAL_INCREMENTAL_SECONDS * 1000
            and incremental["other_ms"]["median_ms"] < GOAL_INCREMENTAL_SECONDS * 1000
        ),
        "no_errors_at_many_devices": (
            None
            if devices is None
            else devices["errors"] == 0
            and devices["diverged_devices"] == 0
            and devices["failed_final_syncs"] == 0
        ),
    }


def _met(value: bool | None) -> str:
    return "n/a" if value is None else ("met" if value else "NOT met")


def report(result: dict[str, Any]) -> None:
    seed, initial, inc = result["seed"], result["initial"], result["incremental"]
    devices = result.get("devices")
    label = BACKEND_LABELS[result["backend"]]

    def row(name: str, value: str, note: str = "") -> None:
        say(f"  {name:<50}{value:>14}  {note}".rstrip())

    say("")
    say(f"Results ({label} backend; {initial['records']:,} records in the initial sync):")
    row(
        "seeding: laptop A push (mutations/s, information)",
        f"{seed['mutations_per_second']:,.0f}",
        f"{seed['pushed']:,} mutations in {seed['push_seconds']:.1f} s",
    )
    row(
        "seeding: laptop A pulls its records back (records/s)",
        f"{seed['pulled_back'] / max(seed['pull_back_seconds'], 1e-9):,.0f}",
        f"{seed['pulled_back']:,} records in {seed['pull_back_seconds']:.1f} s",
    )
    runs = result.get("initial_runs_records_per_second") or [initial["records_per_second"]]
    row(
        "initial sync: records/s",
        f"{initial['records_per_second']:,.0f}",
        f"goal >= {GOAL_RECORDS_PER_SECOND:,.0f}:"
        f" {_met(result['goals']['initial_5000_records_per_second'])}"
        + (
            f"; median of {len(runs)}: " + ", ".join(f"{r:,.0f}" for r in runs)
            if len(runs) > 1
            else ""
        ),
    )
    row("initial sync: seconds", f"{initial['seconds']:.1f}")
    row("initial sync: bytes on the wire per record", f"{initial['bytes_per_record']:,.0f}")
    row(
        "initial sync: peak memory, client maxrss (MB)",
        f"{initial['maxrss_mb']:,.0f}",
        f"{initial['maxrss_mb_before_sync']:,.0f} MB before the sync",
    )
    diagnostic = result.get("initial_with_memory_security")
    if diagnostic is not None:
        row(
            "  the same with cipher_memory_security on (diagnostic)",
            f"{diagnostic['records_per_second']:,.0f}",
            f"records/s; CPU seconds, client {diagnostic['client_cpu_seconds']:.1f}",
        )
    server_cpu = initial["server_cpu_seconds"]
    row(
        "initial sync: CPU seconds, client / server",
        f"{initial['client_cpu_seconds']:.1f} / "
        + ("n/a" if server_cpu is None else f"{server_cpu:.1f}"),
    )
    row(
        f"incremental, {inc['changes']} changes: laptop A push+pull (median ms)",
        f"{inc['editor_ms']['median_ms']:,.0f}",
        f"max {inc['editor_ms']['max_ms']:,.0f} ms",
    )
    row(
        "incremental: laptop B pull (median ms)",
        f"{inc['other_ms']['median_ms']:,.0f}",
        f"max {inc['other_ms']['max_ms']:,.0f} ms; goal < 1 s:"
        f" {_met(result['goals']['incremental_under_1s'])}",
    )
    if devices is not None:
        n = devices["devices"]
        latency = devices["latency_ms"] or {"median_ms": math.nan, "p95_ms": math.nan}
        row(
            f"{n} devices at once: p50 latency (ms)",
            f"{latency['median_ms']:,.0f}",
            f"{devices['client']} clients, {TEAM_SIZE} to a team",
        )
        row(f"{n} devices at once: p95 latency (ms)", f"{latency['p95_ms']:,.0f}")
        row(
            f"{n} devices at once: errors",
            f"{devices['errors']}",
            f"failed syncs {devices['failed_syncs'] or 0}, HTTP errors"
            f" {devices['http_errors'] or 0}, rejected {devices['rejected_mutations']};"
            f" goal 0: {_met(result['goals']['no_errors_at_many_devices'])}",
        )
        row(
            f"{n} devices at once: laptops not converged",
            f"{devices['diverged_devices']}",
            f"after {devices['syncs']:,} syncs in {len(devices['rounds'])} rounds",
        )
    load = result["load_average"]
    say(f"Load average (1, 5, 15 min) before: {load['before']}; after: {load['after']}")


_COMPARED: Compared = (
    # label, path into the result, higher is better
    ("initial sync (records/s)", ("initial", "records_per_second"), True),
    ("initial sync bytes per record", ("initial", "bytes_per_record"), False),
    ("initial sync client maxrss (MB)", ("initial", "maxrss_mb"), False),
    ("incremental, laptop A (median ms)", ("incremental", "editor_ms", "median_ms"), False),
    ("incremental, laptop B (median ms)", ("incremental", "other_ms", "median_ms"), False),
    ("devices p50 (ms)", ("devices", "latency_ms", "median_ms"), False),
    ("devices p95 (ms)", ("devices", "latency_ms", "p95_ms"), False),
    ("devices errors", ("devices", "errors"), False),
    ("seeding push (mutations/s)", ("seed", "mutations_per_second"), True),
)


def compare_with_baseline(result: dict[str, Any], path: Path) -> None:
    say("")
    backend = result["backend"]
    baselines = read_json(path) if path.exists() else {}
    baseline = baselines.get(backend)
    if baseline is None:
        say(f"No {BACKEND_LABELS[backend]} baseline in {path}; write one with --write-baseline.")
        return
    sizes = ("persons", "encounters", "devices_requested", "device_client")
    if any(baseline.get(k) != result.get(k) for k in sizes):
        say(
            f"The {BACKEND_LABELS[backend]} baseline ({path.name}) is for"
            f" {baseline.get('persons'):,} persons, {baseline.get('encounters'):,} encounters and"
            f" {baseline.get('devices_requested')} devices; not compared."
        )
        return
    say(
        f"Against the {BACKEND_LABELS[backend]} baseline ({path.name},"
        f" measured {baseline.get('when', '?')}):"
    )
    for line in comparison(baseline, result, _COMPARED, digits=1):
        say(line)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Sync: initial sync of a new laptop, incremental sync, many laptops at once."
    )
    parser.add_argument("--persons", type=int, default=None, help="default 20,000 (quick: 200)")
    parser.add_argument(
        "--encounters", type=int, default=None, help="default 200,000 (quick: 2,000)"
    )
    parser.add_argument(
        "--devices",
        type=int,
        default=None,
        help="laptops syncing at once (200; quick: 10; 0 skips it)",
    )
    parser.add_argument(
        "--device-client",
        choices=("wire", "engine"),
        default="wire",
        help="the many laptops: protocol-level clients (wire, the default) or the real engine"
        " with an encrypted store each (engine)",
    )
    parser.add_argument(
        "--postgres", action="store_true", help="run the backend on PostgreSQL, not SQLite"
    )
    parser.add_argument("--quick", action="store_true", help="a small smoke run")
    parser.add_argument(
        "--rounds", type=int, default=None, help="incremental sync rounds (5; quick: 2)"
    )
    parser.add_argument(
        "--device-rounds", type=int, default=None, help="rounds of all laptops at once (3)"
    )
    parser.add_argument(
        "--initial-repeats",
        type=int,
        default=None,
        help="initial syncs, each to another new laptop; the median is reported (3; quick: 1)",
    )
    parser.add_argument(
        "--diagnose-memory-security",
        action="store_true",
        help="also time the initial sync into a store with cipher_memory_security on, as the"
        " program had it before (diagnostic only)",
    )
    parser.add_argument(
        "--workdir", type=Path, default=None, help="where profiles and databases go (temp)"
    )
    parser.add_argument("--keep", action="store_true", help="keep profiles and databases")
    parser.add_argument("--results-dir", type=Path, default=RESULTS_DIR)
    parser.add_argument("--baseline", type=Path, default=BASELINE_FILE)
    parser.add_argument(
        "--write-baseline",
        action="store_true",
        help="make this run the baseline of its backend",
    )
    # Internal: one part of the benchmark, in a process of its own.
    parser.add_argument("--role", choices=["server", *ROLES], help=argparse.SUPPRESS)
    parser.add_argument("--role-config", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    defaults = (200, 2_000, 10, 2, 2, 1) if args.quick else (20_000, 200_000, 200, 5, 3, 3)
    names = ("persons", "encounters", "devices", "rounds", "device_rounds", "initial_repeats")
    for name, value in zip(names, defaults, strict=True):
        if getattr(args, name) is None:
            setattr(args, name, value)
    if args.persons < 1 or args.encounters < 0 or args.devices < 0:
        parser.error("sizes must be positive")
    if args.rounds < 1 or args.device_rounds < 1 or args.initial_repeats < 1:
        parser.error("rounds must be positive")
    if args.role and (args.role_config is None or args.result_file is None):
        parser.error("--role needs --role-config and --result-file")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.role:
        config = read_json(args.role_config)
        if args.role == "server":
            return role_server(config, args.result_file)
        write_json(args.result_file, ROLES[args.role](config))
        return 0

    backend = POSTGRES if args.postgres else SQLITE
    say(
        f"Sync benchmark ({BACKEND_LABELS[backend]} backend): {args.persons:,} persons,"
        f" {args.encounters:,} encounters; {args.devices} laptops at once;"
        f" {machine()['cpus']} CPUs, load average {load_average()}"
    )
    workdir = Path(tempfile.mkdtemp(prefix="gadeplan-bench-sync-", dir=args.workdir))
    try:
        result = run_benchmark(args, workdir)
    finally:
        if args.keep:
            say(f"Profiles and databases kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    report(result)
    compare_with_baseline(result, args.baseline)
    saved = args.results_dir / f"sync-{backend}-{timestamp()}{'-quick' if args.quick else ''}.json"
    write_json(saved, result)
    say("")
    say(f"Results written to {saved}")
    if args.write_baseline:
        baselines = read_json(args.baseline) if args.baseline.exists() else {}
        baselines[backend] = result
        write_json(args.baseline, baselines)
        say(f"Baseline ({BACKEND_LABELS[backend]}) written to {args.baseline}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
