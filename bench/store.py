"""Store benchmark: the encrypted store beside plain SQLite with the same schema and code.

``make bench`` (or ``.venv/bin/python bench/store.py``) seeds 20,000 persons and 200,000
encounters of the deterministic synthetic data (gadeplan.app.seed) into two stores and prints,
for each, the seeding throughput, the open time with the raw key, and search-as-you-type latency
(median and p95 over a fixed list of queries typed one character at a time), with the ratio
encrypted / plain beside each. Goals: encrypted within 1.3x of plain; median search under 20 ms.

The two sides:

- encrypted: the real program path. ``create_profile`` (with a cheap Argon2id, since the KDF is
  not what is measured), seeding through ``Session.bulk_writer()``, opening with
  ``Store.open(path, dek)``, searching through ``Session``. The Argon2id unlock with the
  default parameters is timed once, separately, for information.
- plain: ``Store.open_unencrypted_for_benchmark``: the same SQLCipher library without a key,
  which is plain SQLite of the same engine version with the same schema, pragmas and code, and
  a ``Session`` started on it by the same ``initialise_new_store`` that ``create_profile`` uses.
  The standard library's sqlite3 is not the baseline: its SQLite (3.40 here) is older than
  SQLCipher's, and it lacks FTS5 ``secure-delete`` (SQLite 3.44), which the schema needs.

``--diagnose-memory-security`` adds a third, diagnostic side: the encrypted store with
``PRAGMA cipher_memory_security`` the other way round from the program (on, while the program
leaves it off; off, if the program turns it on), to show what that one setting costs. It was
this measurement that decided the setting (see storage/db.py).

Each side runs in its own process: ``cipher_memory_security`` is process-wide in SQLCipher and
cannot be turned off again, so a plain store opened after an encrypted one in the same process
would pay for it too. Timings are wall clock on a warm OS file cache.

Results go to ``bench/results/`` (not committed) as JSON; ``bench/baseline-store.json`` holds
the numbers measured on the development machine, and each run is compared with it.
``--quick`` is a small smoke run of a few seconds (the test suite runs it).
"""

from __future__ import annotations

import argparse
import hashlib
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    BENCH_DIR,
    RESULTS_DIR,
    Compared,
    Stopwatch,
    Summary,
    compare_with_baseline,
    fmt_ratio,
    machine,
    ratio,
    read_json,
    timestamp,
    write_json,
)

BASELINE_FILE = BENCH_DIR / "baseline-store.json"

#: Fixed, so that every run and every side hold exactly the same records (ids included).
SEED = 1
SEED_TODAY = date(2026, 11, 25)
BATCH_SIZE = 5000  # what ``gadeplan seed`` uses

PASSPHRASE = "benchmark passphrase, not a secret"  # noqa: S105

#: Search-as-you-type: names, nicknames, places and note words from gadeplan/app/seed.py, some
#: typed without Danish letters as workers do on other keyboards. Each is timed at every prefix.
QUERIES: tuple[str, ...] = (
    "søren",
    "soeren",
    "aase",
    "jens",
    "lille mads",
    "kasket",
    "torvet",
    "banegården",
    "mette hansen",
    "store jens",
    "cykel-kim",
    "ørnen",
    "kongensgade",
    "gjesing",
    "fogedretten",
    "skæve boliger",
)
FIRST_QUERY = "søren"

GOAL_RATIO = 1.3
GOAL_MEDIAN_SEARCH_MS = 20.0

ENCRYPTED, PLAIN, FLIPPED = "encrypted", "plain", "encrypted-memsec-flipped"
SIDES = (ENCRYPTED, PLAIN, FLIPPED)
SIDE_LABELS = {ENCRYPTED: "encrypted", PLAIN: "plain", FLIPPED: "mem-sec flip"}


def keystrokes(queries: tuple[str, ...] = QUERIES) -> list[str]:
    """Every prefix of every query, as the search box sees them while typing."""
    return [q[:i] for q in queries for i in range(1, len(q) + 1)]


# --- one side, in its own process ---------------------------------------------------------------


def _store_with_memory_security_flipped() -> type[Any]:
    """Diagnostic only: the encrypted store with every setting of the program, except that
    ``PRAGMA cipher_memory_security`` is the other way round, to measure what it costs.

    The program's own statement is dropped; if it did not turn the setting on, this turns it on.
    (It is process-wide and one-way in SQLCipher, hence a process of its own.)"""
    from gadeplan.storage.db import Store

    class _DropMemorySecurity:
        def __init__(self, conn: Any) -> None:
            self._conn = conn
            self.program_turns_it_on = False

        def execute(self, sql: str, *args: Any) -> Any:
            statement = sql.lower().replace(" ", "")
            if "cipher_memory_security" in statement:
                self.program_turns_it_on = statement.endswith(("=on", "=1", "=true"))
                return self._conn.execute("SELECT 1")
            return self._conn.execute(sql, *args)

        def __getattr__(self, name: str) -> Any:
            return getattr(self._conn, name)

    class StoreWithMemorySecurityFlipped(Store):
        def _configure(self, *, encrypted: bool) -> None:
            real = self._conn
            proxy = _DropMemorySecurity(real)
            self._conn = proxy
            try:
                super()._configure(encrypted=encrypted)
            finally:
                self._conn = real
            if not proxy.program_turns_it_on:
                real.execute("PRAGMA cipher_memory_security = ON")

    return StoreWithMemorySecurityFlipped


def _pragma(store: Any, name: str) -> str:
    with store.read() as conn:
        row = conn.execute(f"PRAGMA {name}").fetchone()
    return "" if row is None else str(row[0])


def run_side(side: str, folder: Path, args: argparse.Namespace) -> dict[str, Any]:
    from gadeplan.app.domain.clock import SystemClock
    from gadeplan.app.seed import SeedSpec, seed
    from gadeplan.app.services.profile import initialise_new_store
    from gadeplan.app.services.session import Session
    from gadeplan.storage.db import Store
    from gadeplan.storage.keys import DB_FILE

    clock = SystemClock()
    db_path = folder / DB_FILE
    if side == ENCRYPTED:
        import keyring
        import keyring.backends.fail

        from gadeplan.app.policy import Policy
        from gadeplan.app.services.profile import create_profile
        from gadeplan.storage import keys

        # Passphrase-only protection: the benchmark must not write to the real keychain, and
        # the device secret only adds an HKDF to the (unmeasured) unlock.
        keyring.set_keyring(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]
        cheap = keys.KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
        session = create_profile(
            folder, PASSPHRASE, policy=Policy(), kdf=cheap, clock=clock
        ).session
        dek = keys.unlock(folder, PASSPHRASE)

        def open_store() -> Store:
            return Store.open(db_path, dek)

    elif side == PLAIN:
        folder.mkdir(parents=True)

        def open_store() -> Store:
            return Store.open_unencrypted_for_benchmark(db_path)

        session = initialise_new_store(folder, open_store(), clock, "passphrase")
    else:
        folder.mkdir(parents=True)
        diagnostic_store = _store_with_memory_security_flipped()
        raw_key = secrets.token_bytes(32)

        def open_store() -> Store:
            store: Store = diagnostic_store.open(db_path, raw_key)
            return store

        session = initialise_new_store(folder, open_store(), clock, "passphrase")
    protection = session.protection
    engine = {"cipher_version": _pragma(session.store, "cipher_version")}
    with session.store.read() as conn:
        engine["sqlite_version"] = str(conn.execute("SELECT sqlite_version()").fetchone()[0])
    memory_security = _pragma(session.store, "cipher_memory_security")

    # Seeding -----------------------------------------------------------------------------------
    spec = SeedSpec(
        persons=args.persons,
        encounters=args.encounters,
        seed=SEED,
        team_id=session.identity.team_id,
        worker_id=session.identity.worker_id,
        today=SEED_TODAY,
    )
    writer = session.bulk_writer()
    in_store = Stopwatch()
    started, cpu_started = time.perf_counter(), time.process_time()
    expected = args.persons * 3 + args.encounters
    report_every = max(BATCH_SIZE, expected // 12 // BATCH_SIZE * BATCH_SIZE)
    next_report = report_every

    def write_batch(batch: list[Any]) -> int:
        with in_store.running():
            return writer(batch)

    def progress(done: int) -> None:
        nonlocal next_report
        if done < next_report:
            return
        next_report = done + report_every
        elapsed = time.perf_counter() - started
        print(
            f"  [{SIDE_LABELS[side]:>10}] {done:>9,} records  {elapsed:7.1f} s"
            f"  {done / elapsed:8,.0f} records/s",
            flush=True,
        )

    records = seed(spec, write_batch, batch_size=BATCH_SIZE, progress=progress)
    seed_seconds = time.perf_counter() - started
    seed_cpu_seconds = time.process_time() - cpu_started
    print(
        f"  [{SIDE_LABELS[side]:>10}] {records:>9,} records  {seed_seconds:7.1f} s"
        f"  {records / seed_seconds:8,.0f} records/s  (done)",
        flush=True,
    )
    session.lock()
    db_bytes = db_path.stat().st_size
    with db_path.open("rb") as handle:
        plaintext_header = handle.read(16) == b"SQLite format 3\x00"

    # Open with the raw key, then the first query ---------------------------------------------
    opens: list[float] = []
    open_only: list[float] = []
    for _ in range(args.open_repeats):
        t0 = time.perf_counter()
        store = open_store()
        t1 = time.perf_counter()
        session = Session(folder, store, clock, protection)
        session.repo.search_persons(FIRST_QUERY, limit=50)
        t2 = time.perf_counter()
        session.lock()
        opens.append(t2 - t0)
        open_only.append(t1 - t0)

    # Search as you type --------------------------------------------------------------------------
    typed = keystrokes()
    session = Session(folder, open_store(), clock, protection)
    digest = hashlib.sha256()
    for prefix in typed:  # a warm-up pass, and what every side must agree on
        digest.update("\x1f".join(session.repo.search_persons(prefix, limit=50)).encode())
        digest.update(b"\x1e")
    repo_times: list[float] = []
    session_times: list[float] = []
    for _ in range(args.search_passes):
        for prefix in typed:
            t0 = time.perf_counter()
            session.repo.search_persons(prefix, limit=50)
            repo_times.append(time.perf_counter() - t0)
    for _ in range(args.search_passes):
        for prefix in typed:
            t0 = time.perf_counter()
            session.search_persons(prefix, limit=50)
            session_times.append(time.perf_counter() - t0)
    session.lock()

    result: dict[str, Any] = {
        "side": side,
        "engine": engine,
        "cipher_memory_security": memory_security,
        "file_header_is_plain_sqlite": plaintext_header,
        "records": records,
        "seed_seconds": round(seed_seconds, 3),
        "seed_seconds_in_store": round(in_store.seconds, 3),
        "seed_seconds_generating": round(seed_seconds - in_store.seconds, 3),
        "records_per_second": round(records / seed_seconds, 1),
        "seed_cpu_seconds": round(seed_cpu_seconds, 3),
        "db_bytes": db_bytes,
        "open_ms": Summary.of_seconds(opens).to_json(),
        "open_store_only_ms": Summary.of_seconds(open_only).to_json(),
        "search_repo_ms": Summary.of_seconds(repo_times).to_json(),
        "search_session_ms": Summary.of_seconds(session_times).to_json(),
        "search_results_sha256": digest.hexdigest(),
    }
    if side == ENCRYPTED and args.argon2:
        result["argon2_default_unlock_ms"] = round(_argon2_default_unlock(folder.parent) * 1000, 1)
    return result


def _argon2_default_unlock(parent: Path) -> float:
    """Seconds for keys.unlock with the default Argon2id parameters (64 MiB, 3 passes)."""
    from gadeplan.storage import keys

    folder = parent / "argon2-default"
    keys.create_key_file(folder, PASSPHRASE, "passphrase", kdf=keys.DEFAULT_KDF)
    start = time.perf_counter()
    keys.unlock(folder, PASSPHRASE)
    return time.perf_counter() - start


# --- the whole benchmark ------------------------------------------------------------------------


def _seeding_ratio(slow: dict[str, Any], fast: dict[str, Any]) -> float | None:
    """Cost ratio of seeding: the inverse of the throughput ratio."""
    return ratio(fast["records_per_second"], slow["records_per_second"])


def _ratios(side: dict[str, Any], plain: dict[str, Any]) -> dict[str, float | None]:
    def stat(key: str, name: str) -> float | None:
        return ratio(side[key][name], plain[key][name])

    return {
        "seeding": _seeding_ratio(side, plain),
        "seeding_cpu": ratio(side["seed_cpu_seconds"], plain["seed_cpu_seconds"]),
        "open": stat("open_ms", "median_ms"),
        "search_repo_median": stat("search_repo_ms", "median_ms"),
        "search_repo_p95": stat("search_repo_ms", "p95_ms"),
        "search_session_median": stat("search_session_ms", "median_ms"),
        "search_session_p95": stat("search_session_ms", "p95_ms"),
    }


def _rounded(values: dict[str, float | None]) -> dict[str, float | None]:
    return {k: None if v is None else round(v, 3) for k, v in values.items()}


def combine(args: argparse.Namespace, sides: dict[str, dict[str, Any]]) -> dict[str, Any]:
    enc, plain = sides[ENCRYPTED], sides[PLAIN]
    ratios = _ratios(enc, plain)
    seeding = ratios["seeding"]
    result: dict[str, Any] = {
        "benchmark": "store",
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": machine(),
        "persons": args.persons,
        "encounters": args.encounters,
        "quick": args.quick,
        "queries": list(QUERIES),
        "keystrokes_per_pass": len(keystrokes()),
        "search_passes": args.search_passes,
        "open_repeats": args.open_repeats,
        ENCRYPTED: enc,
        PLAIN: plain,
        "ratios": _rounded(ratios),
        "same_search_results": len({s["search_results_sha256"] for s in sides.values()}) == 1,
        "goals": {
            "seeding_within_1_3x": seeding is not None and seeding <= GOAL_RATIO,
            "median_search_under_20ms": (
                enc["search_session_ms"]["median_ms"] < GOAL_MEDIAN_SEARCH_MS
                and enc["search_repo_ms"]["median_ms"] < GOAL_MEDIAN_SEARCH_MS
            ),
        },
    }
    if FLIPPED in sides:
        result[FLIPPED] = sides[FLIPPED]
        result["ratios_memory_security_flipped"] = _rounded(_ratios(sides[FLIPPED], plain))
    return result


def report(result: dict[str, Any]) -> None:
    shown = [s for s in SIDES if s in result]
    enc, ratios = result[ENCRYPTED], result["ratios"]

    def row(label: str, cells: list[str], r: float | None = None, goal: str = "") -> None:
        text = "".join(f"{c:>13}" for c in cells)
        ratio_text = fmt_ratio(r) if r is not None or goal else ""
        print(f"  {label:<33}{text} {ratio_text:>10}  {goal}".rstrip())

    def each(fmt: str, *keys: str) -> list[str]:
        cells = []
        for side in shown:
            value: Any = result[side]
            for key in keys:
                value = value[key]
            cells.append(fmt.format(value))
        return cells

    print()
    print(
        f"Results: {enc['records']:,} records; SQLCipher {enc['engine']['cipher_version']}"
        f" on SQLite {enc['engine']['sqlite_version']} on every side"
    )
    header = "".join(f"{SIDE_LABELS[s]:>13}" for s in shown)
    print(f"  {'':<33}{header} {'enc/plain':>10}")
    row(
        "seeding throughput (records/s)",
        each("{:,.0f}", "records_per_second"),
        ratios["seeding"],
        f"goal <= {GOAL_RATIO}x",
    )
    row("  CPU time (s)", each("{:.1f}", "seed_cpu_seconds"), ratios["seeding_cpu"])
    row("  time in the store (s)", each("{:.1f}", "seed_seconds_in_store"))
    row("  time generating records (s)", each("{:.1f}", "seed_seconds_generating"))
    row("open time, raw key (median ms)", each("{:.2f}", "open_ms", "median_ms"), ratios["open"])
    row("  of which Store.open (median ms)", each("{:.2f}", "open_store_only_ms", "median_ms"))
    for key, label in (
        ("search_repo", "repo.search_persons"),
        ("search_session", "Session.search"),
    ):
        goal = f"goal < {GOAL_MEDIAN_SEARCH_MS:.0f} ms"
        row(
            f"{label} median (ms)",
            each("{:.2f}", f"{key}_ms", "median_ms"),
            ratios[f"{key}_median"],
            goal,
        )
        row(f"{label} p95 (ms)", each("{:.2f}", f"{key}_ms", "p95_ms"), ratios[f"{key}_p95"])
    row("database size (MB)", [f"{result[s]['db_bytes'] / 1e6:.1f}" for s in shown])
    row("cipher_memory_security", each("{}", "cipher_memory_security"))
    if "argon2_default_unlock_ms" in enc:
        print(
            f"  Argon2id unlock with the default parameters (64 MiB, 3 passes), once: "
            f"{enc['argon2_default_unlock_ms']:.0f} ms (not part of the open time)"
        )
    print()
    print("Ratios (encrypted / plain, as cost; 1.00x = as fast as plain SQLite):")
    for key, label in (
        ("seeding", "seeding"),
        ("seeding_cpu", "seeding (CPU time)"),
        ("open", "open (raw key)"),
        ("search_repo_median", "search median (repo)"),
        ("search_repo_p95", "search p95 (repo)"),
        ("search_session_median", "search median (session)"),
        ("search_session_p95", "search p95 (session)"),
    ):
        line = f"  ratio {label:<26}{fmt_ratio(ratios[key]):>8}"
        if "ratios_memory_security_flipped" in result:
            state = "on" if result[FLIPPED]["cipher_memory_security"] == "1" else "off"
            flipped = result["ratios_memory_security_flipped"][key]
            line += f"   with cipher_memory_security {state}: {fmt_ratio(flipped)}"
        print(line)
    goals = result["goals"]
    print()
    print(
        f"Goal: encrypted seeding within {GOAL_RATIO}x of plain: "
        f"{'met' if goals['seeding_within_1_3x'] else 'NOT met'}"
    )
    print(
        f"Goal: median search under {GOAL_MEDIAN_SEARCH_MS:.0f} ms (encrypted, repo and session): "
        f"{'met' if goals['median_search_under_20ms'] else 'NOT met'}"
    )
    checks = [
        ("the encrypted file has no plain SQLite header", not enc["file_header_is_plain_sqlite"]),
        ("the plain file is plain SQLite", result[PLAIN]["file_header_is_plain_sqlite"]),
        (
            "cipher_memory_security is off, as the program sets it (storage/db.py says why)",
            enc["cipher_memory_security"] == "0",
        ),
        ("every side returns the same search results", result["same_search_results"]),
    ]
    for label, ok in checks:
        print(f"Check: {label}: {'yes' if ok else 'NO'}")


_COMPARED: Compared = (
    # label, path into the result, higher is better
    ("encrypted seeding (records/s)", (ENCRYPTED, "records_per_second"), True),
    ("plain seeding (records/s)", (PLAIN, "records_per_second"), True),
    ("encrypted open (median ms)", (ENCRYPTED, "open_ms", "median_ms"), False),
    ("encrypted repo search median (ms)", (ENCRYPTED, "search_repo_ms", "median_ms"), False),
    ("encrypted repo search p95 (ms)", (ENCRYPTED, "search_repo_ms", "p95_ms"), False),
    ("encrypted session search median (ms)", (ENCRYPTED, "search_session_ms", "median_ms"), False),
    ("encrypted session search p95 (ms)", (ENCRYPTED, "search_session_ms", "p95_ms"), False),
    ("ratio seeding", ("ratios", "seeding"), False),
    ("ratio seeding (CPU time)", ("ratios", "seeding_cpu"), False),
    ("ratio open", ("ratios", "open"), False),
    ("ratio session search median", ("ratios", "search_session_median"), False),
)


def _side_command(args: argparse.Namespace, side: str, folder: Path, out: Path) -> list[str]:
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--side",
        side,
        "--db-dir",
        str(folder),
        "--result-file",
        str(out),
        "--persons",
        str(args.persons),
        "--encounters",
        str(args.encounters),
        "--open-repeats",
        str(args.open_repeats),
        "--search-passes",
        str(args.search_passes),
    ]
    if not args.argon2:
        command.append("--no-argon2")
    return command


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Encrypted store beside plain SQLite: seeding, open time, search-as-you-type."
    )
    parser.add_argument("--persons", type=int, default=None, help="default 20,000")
    parser.add_argument("--encounters", type=int, default=None, help="default 200,000")
    parser.add_argument(
        "--quick", action="store_true", help="a smoke run of a few seconds (200 / 2,000)"
    )
    parser.add_argument("--open-repeats", type=int, default=None, help="default 10 (quick: 3)")
    parser.add_argument(
        "--search-passes", type=int, default=None, help="timed passes over the queries (3)"
    )
    parser.add_argument(
        "--diagnose-memory-security",
        action="store_true",
        help="also run the encrypted store with cipher_memory_security the other way round",
    )
    parser.add_argument(
        "--no-argon2", dest="argon2", action="store_false", help="skip the Argon2id timing"
    )
    parser.add_argument(
        "--workdir", type=Path, default=None, help="where the stores are made (default: temp)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the stores afterwards")
    parser.add_argument("--results-dir", type=Path, default=RESULTS_DIR)
    parser.add_argument("--baseline", type=Path, default=BASELINE_FILE)
    parser.add_argument(
        "--write-baseline", action="store_true", help="make this run the new baseline"
    )
    # Internal: one side, in a process of its own.
    parser.add_argument("--side", choices=SIDES, help=argparse.SUPPRESS)
    parser.add_argument("--db-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    defaults = (200, 2_000, 3, 1) if args.quick else (20_000, 200_000, 10, 3)
    names = ("persons", "encounters", "open_repeats", "search_passes")
    for name, value in zip(names, defaults, strict=True):
        if getattr(args, name) is None:
            setattr(args, name, value)
    if args.persons < 1 or args.encounters < 0 or args.open_repeats < 1 or args.search_passes < 1:
        parser.error("sizes and repeats must be positive")
    if args.side and (args.db_dir is None or args.result_file is None):
        parser.error("--side needs --db-dir and --result-file")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.side:
        write_json(args.result_file, run_side(args.side, args.db_dir, args))
        return 0

    sides_to_run = [ENCRYPTED, PLAIN] + ([FLIPPED] if args.diagnose_memory_security else [])
    print(
        f"Store benchmark: {args.persons:,} persons, {args.encounters:,} encounters; "
        f"{len(QUERIES)} queries ({len(keystrokes())} keystrokes) x {args.search_passes} passes; "
        f"{args.open_repeats} opens; {machine()['cpus']} CPUs"
    )
    print("Baseline: the same SQLCipher library without a key (plain SQLite, same schema).")
    workdir = Path(tempfile.mkdtemp(prefix="gadeplan-bench-", dir=args.workdir))
    sides: dict[str, dict[str, Any]] = {}
    try:
        for side in sides_to_run:
            out = workdir / f"{side}.json"
            print(f"Seeding the {SIDE_LABELS[side]} store ...", flush=True)
            subprocess.run(_side_command(args, side, workdir / side, out), check=True)
            sides[side] = read_json(out)
    finally:
        if args.keep:
            print(f"Stores kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    result = combine(args, sides)
    report(result)
    compare_with_baseline(result, args.baseline, _COMPARED)
    saved = args.results_dir / f"store-{timestamp()}{'-quick' if args.quick else ''}.json"
    write_json(saved, result)
    print()
    print(f"Results written to {saved}")
    if args.write_baseline:
        write_json(args.baseline, result)
        print(f"Baseline written to {args.baseline}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
