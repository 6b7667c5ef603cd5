"""UI benchmark: start-up to an unlocked, painted window, and keystroke-to-list latency.

``make bench`` (or ``.venv/bin/python bench/ui.py``) uses the benchmark store of the store
benchmark (20,000 persons and 200,000 encounters of gadeplan.app.seed, seed 1, "today"
2026-11-25) in an encrypted profile with a cheap Argon2id (the KDF is not what is measured).
The seeded profile is kept in a cache folder (``--cache``, default
``$TMPDIR/gadeplan-bench-ui/<persons>x<encounters>``) and reused by the next run. It prints:

- start-up: the time from process start to the first paint of the unlocked window, measured by
  the parent from just before ``Popen`` to a ``QEvent.Paint`` of the workspace in the child
  (``time.perf_counter`` is the system-wide monotonic clock, so both processes share it).
  The child runs the real program path, ``gadeplan --data-dir <profile>`` (gadeplan.app.entry,
  which imports gadeplan.app.cli before Qt as at a real start), with ``QT_QPA_PLATFORM=offscreen``;
  the only thing added is a probe that finds the main window at the event loop's first turn,
  times the paints of the widgets it aims at (event filters on those alone), and at the unlock
  page's first paint types the passphrase and presses Unlock (``UnlockPage.unlock``), as a
  worker would. Nothing in the program is changed or bypassed: the unlock runs on the worker
  thread with the profile's own key file. No filter watches the whole application: a Python
  filter there is called for every event (some 550 before the window shows, about 3 ms), and
  the first object of a class PySide6 does not know that passes through it (Qt's animation
  timer) makes PySide6 create every Qt class it has loaded, which the program never pays.
- the baseline: the same measurement for a bare ``QMainWindow`` of the same size in a process
  of its own. Goal: start within 2x the bare window. Both children are ``bench/ui_child.py``,
  which imports nothing before what it measures (this module's parser and the seeding code
  were part of both starts until 2026-12-06, about 18 ms that flattered the ratio).
- keystroke latency: in one process, the real window with its threaded database worker,
  unlocked on the store, the people list opened (Ctrl+F's path), and the queries of the store
  benchmark typed one character at a time with ``QTest.keyClicks``; each keystroke is timed
  until the people model has been reset with the new rows (``modelReset``) and until the table
  has painted them. Goal: keystroke to list under 50 ms median.

The program's modules are compiled to bytecode first where it is missing or stale, as they are
in an installed program (a shell with PYTHONDONTWRITEBYTECODE would otherwise make every timed
start compile them from source). Each child gets private ``XDG_*`` folders (no window
preferences or log of the user's are read or written) and the ``fail`` keyring backend (the
profile is protected by the passphrase alone).
Qt's own messages in a child are collected and reported; there should be none.
Results go to ``bench/results/ui-*.json`` (not committed); ``bench/baseline-ui.json`` holds the
numbers measured on the development machine, and each run is compared with it. ``--quick`` is
a small smoke run (the test suite runs it).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    BENCH_DIR,
    RESULTS_DIR,
    Compared,
    Summary,
    compare_with_baseline,
    fmt_ratio,
    machine,
    ratio,
    read_json,
    timestamp,
    write_json,
)
from bench.store import BATCH_SIZE, PASSPHRASE, QUERIES, SEED, SEED_TODAY
from bench.ui_child import APP, BARE, CHILD_TIMEOUT_S, KEYS, RESULT_PREFIX

BASELINE_FILE = BENCH_DIR / "baseline-ui.json"
PROFILE_MARKER = "seeded-for-ui-benchmark.json"
GOAL_START_RATIO = 2.0
GOAL_KEYSTROKE_MEDIAN_MS = 50.0

QUICK_QUERIES = QUERIES[:3]
#: When the second typing child opens the people list: a worker's moment after unlocking.
FIRST_OPEN_AFTER_S = 1.5
CHILD = Path(__file__).resolve().with_name("ui_child.py")


# --- the seeded profile -------------------------------------------------------------------------


def default_cache(persons: int, encounters: int) -> Path:
    return Path(tempfile.gettempdir()) / "gadeplan-bench-ui" / f"{persons}x{encounters}"


def seeded_profile(cache: Path, persons: int, encounters: int) -> tuple[Path, float | None]:
    """The profile in ``cache``: reused when a complete one for these sizes is there, else
    made and seeded. Returns the folder and the seconds spent seeding (None: reused)."""
    import keyring
    import keyring.backends.fail

    from gadeplan.app.domain.clock import SystemClock
    from gadeplan.app.policy import Policy
    from gadeplan.app.seed import SeedSpec, seed
    from gadeplan.app.services.profile import create_profile
    from gadeplan.storage import keys

    folder = cache / "profile"
    marker = cache / PROFILE_MARKER
    wanted = {"persons": persons, "encounters": encounters, "seed": SEED}
    if marker.exists() and folder.exists() and read_json(marker) == wanted:
        return folder, None
    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir(parents=True)
    # Passphrase-only protection: the benchmark must not write to the real keychain.
    keyring.set_keyring(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]
    cheap = keys.KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
    session = create_profile(
        folder, PASSPHRASE, policy=Policy(), kdf=cheap, clock=SystemClock()
    ).session
    spec = SeedSpec(
        persons=persons,
        encounters=encounters,
        seed=SEED,
        team_id=session.identity.team_id,
        worker_id=session.identity.worker_id,
        today=SEED_TODAY,
    )
    print(f"Seeding {persons:,} persons and {encounters:,} encounters into {cache} ...", flush=True)
    start = time.perf_counter()
    try:
        seed(spec, session.bulk_writer(), batch_size=BATCH_SIZE)
    finally:
        session.lock()
    seconds = time.perf_counter() - start
    write_json(marker, wanted)  # last: a half-seeded profile is never reused
    return folder, seconds


# --- the child processes ------------------------------------------------------------------------


# --- the parent ---------------------------------------------------------------------------------


def _child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        folder = home / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env.pop("QT_SCALE_FACTOR", None)
    return env


def run_child(
    mode: str,
    profile: Path | None,
    home: Path,
    queries: tuple[str, ...] = (),
    passes: int = 0,
    first_open_after_s: float = 0.0,
) -> dict[str, Any]:
    """Starts one child and returns what it measured (times in seconds from just before the
    process was started)."""
    env = _child_env(home)
    config: dict[str, Any] = {
        "mode": mode,
        "profile": None if profile is None else str(profile),
        "queries": list(queries),
        "passes": passes,
        "first_open_after_s": first_open_after_s,
        "passphrase": PASSPHRASE,
    }
    t0 = time.perf_counter()
    config["t0"] = t0
    done = subprocess.run(
        [sys.executable, str(CHILD), json.dumps(config)],
        env=env,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S + 60,
        check=False,
    )
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith(RESULT_PREFIX)]
    if done.returncode != 0 or not lines:
        raise RuntimeError(
            f"the {mode} child failed ({done.returncode}):\n"
            f"{done.stderr[-3000:]}{done.stdout[-2000:]}"
        )
    result: dict[str, Any] = json.loads(lines[-1][len(RESULT_PREFIX) :])
    result["stderr"] = done.stderr.strip()
    return result


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def measure_starts(args: argparse.Namespace, profile: Path, home: Path) -> dict[str, Any]:
    """Bare and app starts, alternated, after one untimed start of each (the OS caches)."""
    samples: dict[str, list[dict[str, Any]]] = {BARE: [], APP: []}
    for number in range(args.starts + 1):
        for mode in (BARE, APP):
            result = run_child(mode, profile if mode == APP else None, home)
            if number:
                samples[mode].append(result)
            label = "warm-up" if not number else f"{number}/{args.starts}"
            print(f"  start {label:>7} {mode:>4}: {_ms(result['painted_s']):7.1f} ms", flush=True)

    def summary(mode: str, key: str) -> dict[str, float | int]:
        return Summary.of_seconds([s[key] for s in samples[mode]]).to_json()

    return {
        "bare_painted_ms": summary(BARE, "painted_s"),
        "bare_python_ready_ms": summary(BARE, "python_ready_s"),
        "app_painted_ms": summary(APP, "painted_s"),
        "app_python_ready_ms": summary(APP, "python_ready_s"),
        "app_window_shown_ms": summary(APP, "window_shown_s"),
        "app_gate_painted_ms": summary(APP, "gate_painted_s"),
        "app_opened_ms": summary(APP, "opened_s"),
        "qt_messages": sorted({m for s in samples[BARE] + samples[APP] for m in s["qt_messages"]}),
        "offscreen_noise": sorted(
            {m for s in samples[BARE] + samples[APP] for m in s["offscreen_noise"]}
        ),
        "stderr": sorted({s["stderr"] for s in samples[BARE] + samples[APP] if s["stderr"]}),
    }


def measure_keystrokes(args: argparse.Namespace, profile: Path, home: Path) -> dict[str, Any]:
    result = run_child(KEYS, profile, home, args.query_list, args.passes)
    keys = result["keystrokes"]
    # As a worker would: Ctrl+F a moment after the unlocked window shows, not at once.
    later = run_child(KEYS, profile, home, first_open_after_s=FIRST_OPEN_AFTER_S)["keystrokes"]
    return {
        "passes": args.passes,
        "queries": list(args.query_list),
        "to_model_ms": Summary.of_seconds(keys["to_model_s"]).to_json(),
        "to_paint_ms": Summary.of_seconds(keys["to_paint_s"]).to_json(),
        "rows_median": keys["rows_median"],
        "people_list_first_model_ms": keys["people_list_first_model_ms"],
        "people_list_first_paint_ms": keys["people_list_first_paint_ms"],
        "people_list_first_paint_later_ms": later["people_list_first_paint_ms"],
        "start_painted_ms": _ms(result["painted_s"]),
        "qt_messages": result["qt_messages"],
        "offscreen_noise": result["offscreen_noise"],
        "stderr": result["stderr"],
    }


def ensure_bytecode() -> None:
    """Compiles the program's and the benchmark's modules where their bytecode is missing or
    stale.

    An installed program starts from bytecode (the bundle carries nothing else, and Python
    writes it at a checkout's first start). A shell with PYTHONDONTWRITEBYTECODE, as on the
    development machines, never writes it: every timed start then compiled some sixty modules
    from source, about 120 ms that no user waits for.
    """
    root = Path(__file__).resolve().parents[1]
    for package in ("gadeplan", "bench"):
        if not compileall.compile_dir(root / package, quiet=1):
            raise RuntimeError(f"{package} did not compile")


def _load() -> dict[str, Any]:
    """The machine's load averages, as the conditions of the run (Linux)."""
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return {}
    return {"1min": round(one, 2), "5min": round(five, 2), "15min": round(fifteen, 2)}


def combine(
    args: argparse.Namespace,
    starts: dict[str, Any],
    keys: dict[str, Any],
    seeding: float | None,
    load_before: dict[str, Any],
) -> dict[str, Any]:
    bare = starts["bare_painted_ms"]["median_ms"]
    app = starts["app_painted_ms"]["median_ms"]
    start_ratio = ratio(app, bare)
    return {
        "benchmark": "ui",
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": machine(),
        "load_average_before": load_before,
        "load_average_after": _load(),
        "persons": args.persons,
        "encounters": args.encounters,
        "quick": args.quick,
        "starts": args.starts,
        "seeding_seconds": None if seeding is None else round(seeding, 1),
        "start": starts,
        "start_ratio": None if start_ratio is None else round(start_ratio, 3),
        "keystroke": keys,
        "qt_messages": sorted(set(starts["qt_messages"]) | set(keys["qt_messages"])),
        "goals": {
            "start_within_2x_bare": start_ratio is not None and start_ratio <= GOAL_START_RATIO,
            "keystroke_median_under_50ms": (
                keys["to_model_ms"]["median_ms"] < GOAL_KEYSTROKE_MEDIAN_MS
            ),
        },
    }


def report(result: dict[str, Any]) -> None:
    start, keys = result["start"], result["keystroke"]

    def stat(data: dict[str, Any]) -> str:
        return (
            f"median {data['median_ms']:7.1f} ms   p95 {data['p95_ms']:7.1f} ms"
            f"   min {data['min_ms']:7.1f} ms   n={data['n']}"
        )

    print()
    print(
        f"Results: {result['persons']:,} persons, {result['encounters']:,} encounters; "
        f"{result['machine']['cpus']} CPUs, load average {result['load_average_before']} before,"
        f" {result['load_average_after']} after"
    )
    print(f"  bare window, start to first paint          {stat(start['bare_painted_ms'])}")
    print(f"  Gadeplan, start to unlocked window painted {stat(start['app_painted_ms'])}")
    print(f"    of which Python up (both sides)          {stat(start['app_python_ready_ms'])}")
    print(f"    main window shown (locked)               {stat(start['app_window_shown_ms'])}")
    print(f"    unlock page painted                      {stat(start['app_gate_painted_ms'])}")
    print(f"    unlocked (store open)                    {stat(start['app_opened_ms'])}")
    print(f"  ratio start Gadeplan / bare (median)       {fmt_ratio(result['start_ratio'])}")
    print(f"  keystroke to people model updated         {stat(keys['to_model_ms'])}")
    print(f"  keystroke to people list painted          {stat(keys['to_paint_ms'])}")
    print(
        f"    {len(keys['queries'])} queries x {keys['passes']} passes after a warm-up pass; "
        f"median {keys['rows_median']} rows shown"
    )
    at_once, later = keys["people_list_first_paint_ms"], keys["people_list_first_paint_later_ms"]
    print(f"  people list first opened at once           {at_once:10.1f} ms")
    print(f"    {FIRST_OPEN_AFTER_S:.1f} s after the unlocked window painted  {later:10.1f} ms")
    messages = result["qt_messages"]
    print(f"  Qt messages: {'none' if not messages else '; '.join(messages)}")
    noise = sorted(set(start["offscreen_noise"]) | set(keys["offscreen_noise"]))
    if noise:
        print(f"    (left out: the offscreen plugin's own {'; '.join(noise)})")
    goals = result["goals"]
    print()
    print(
        f"Goal: start within {GOAL_START_RATIO:.0f}x the bare window: "
        f"{'met' if goals['start_within_2x_bare'] else 'NOT met'}"
    )
    print(
        f"Goal: keystroke to list under {GOAL_KEYSTROKE_MEDIAN_MS:.0f} ms median: "
        f"{'met' if goals['keystroke_median_under_50ms'] else 'NOT met'}"
    )


_COMPARED: Compared = (
    ("bare start (median ms)", ("start", "bare_painted_ms", "median_ms"), False),
    ("app start (median ms)", ("start", "app_painted_ms", "median_ms"), False),
    ("ratio start", ("start_ratio",), False),
    ("keystroke to model median (ms)", ("keystroke", "to_model_ms", "median_ms"), False),
    ("keystroke to model p95 (ms)", ("keystroke", "to_model_ms", "p95_ms"), False),
    ("keystroke to paint median (ms)", ("keystroke", "to_paint_ms", "median_ms"), False),
    ("keystroke to paint p95 (ms)", ("keystroke", "to_paint_ms", "p95_ms"), False),
)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Start-up to an unlocked window and keystroke-to-list latency."
    )
    parser.add_argument("--persons", type=int, default=None, help="default 20,000")
    parser.add_argument("--encounters", type=int, default=None, help="default 200,000")
    parser.add_argument("--quick", action="store_true", help="a smoke run (200 / 2,000)")
    parser.add_argument(
        "--starts", type=int, default=None, help="timed starts of each side (7; quick: 1)"
    )
    parser.add_argument(
        "--passes", type=int, default=None, help="timed passes over the queries (2; quick: 1)"
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="where the seeded profile is kept and reused "
        "(default: $TMPDIR/gadeplan-bench-ui/<persons>x<encounters>)",
    )
    parser.add_argument("--results-dir", type=Path, default=RESULTS_DIR)
    parser.add_argument("--baseline", type=Path, default=BASELINE_FILE)
    parser.add_argument(
        "--write-baseline", action="store_true", help="make this run the new baseline"
    )
    args = parser.parse_args(argv)
    defaults = (200, 2_000, 1, 1) if args.quick else (20_000, 200_000, 7, 2)
    for name, value in zip(("persons", "encounters", "starts", "passes"), defaults, strict=True):
        if getattr(args, name) is None:
            setattr(args, name, value)
    positive = args.persons >= 1 and args.encounters >= 0 and args.starts >= 1
    if not (positive and args.passes >= 1):
        parser.error("sizes and repeats must be positive")
    args.query_list = QUICK_QUERIES if args.quick else QUERIES
    if args.cache is None:
        args.cache = default_cache(args.persons, args.encounters)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    typed = sum(len(q) for q in args.query_list)
    print(
        f"UI benchmark: {args.persons:,} persons, {args.encounters:,} encounters; "
        f"{args.starts} starts of each side; {len(args.query_list)} queries ({typed} keystrokes)"
        f" x {args.passes} passes; {machine()['cpus']} CPUs, offscreen"
    )
    print("Baseline: a bare PySide6 QMainWindow of the same size, started the same way.")
    load_before = _load()
    profile, seeding = seeded_profile(args.cache, args.persons, args.encounters)
    print(
        f"Profile: {profile}"
        + ("" if seeding is None else f" (seeded in {seeding:.0f} s)")
        + (" (reused)" if seeding is None else ""),
        flush=True,
    )
    ensure_bytecode()
    print("Bytecode: compiled where missing or stale, as an installed program has it")
    home = Path(tempfile.mkdtemp(prefix="gadeplan-bench-ui-home-"))
    try:
        starts = measure_starts(args, profile, home)
        print("Typing the queries ...", flush=True)
        keys = measure_keystrokes(args, profile, home)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    result = combine(args, starts, keys, seeding, load_before)
    report(result)
    compare_with_baseline(result, args.baseline, _COMPARED)
    saved = args.results_dir / f"ui-{timestamp()}{'-quick' if args.quick else ''}.json"
    write_json(saved, result)
    print()
    print(f"Results written to {saved}")
    if args.write_baseline:
        write_json(args.baseline, result)
        print(f"Baseline written to {args.baseline}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
