"""Dashboard benchmark: Overblik, the radar and the national count on the benchmark store.

``make bench`` (or ``.venv/bin/python bench/dashboard.py``) seeds 20,000 persons and 200,000
encounters of the deterministic synthetic data (gadeplan.app.seed, "today" 2026-11-25) into an
encrypted profile, reopens it, and times on it:

- Overblik for a date, opened cold: ``DashboardData.load`` (all the SQL: persons, housing
  history, encounters folded into the ranges in which a person counts as seen) and
  ``overview(on)``, the way the screen opens; with the time of each part, one after the
  other (opening runs the queries on a helper thread meanwhile, so it takes less than their
  sum). Goal: under 300 ms;
- Overblik for another date with the data loaded (the date picker): ``overview(d)`` for the
  last twelve month ends;
- the radar, the cold-weather checklist and the week-6 count draft.

It prints the numbers the screens would show, so a change that breaks them is seen, and
writes the timings to ``bench/results/dashboard-*.json`` (not committed). Timings are wall
clock, medians over ``--repeats`` runs after one warm-up, on a warm OS file cache.
``--quick`` is a small smoke run of a few seconds (the test suite runs it);
``--keep``/``--reuse DIR`` keep a seeded profile and time it again without seeding. A run is
compared with ``bench/baseline-dashboard.json`` (``--write-baseline`` makes it the new one).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    BENCH_DIR,
    RESULTS_DIR,
    Compared,
    Summary,
    compare_with_baseline,
    machine,
    timestamp,
    write_json,
)

SEED = 1
TODAY = date(2026, 11, 25)
PASSPHRASE = "benchmark passphrase, not a secret"  # noqa: S105
BATCH_SIZE = 5000
GOAL_MS = 300.0
BASELINE_FILE = BENCH_DIR / "baseline-dashboard.json"

T = TypeVar("T")


def _timed(repeats: int, run: Callable[[], T]) -> tuple[T, list[float]]:
    """One warm-up, then ``repeats`` timed runs; returns the last result and the seconds."""
    result = run()
    seconds: list[float] = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = run()
        seconds.append(time.perf_counter() - start)
    return result, seconds


def _profile(args: argparse.Namespace, folder: Path) -> tuple[Any, float]:
    """An open session on a seeded profile: made (and seeded) unless ``--reuse``."""
    import keyring
    import keyring.backends.fail

    from gadeplan.app.domain.clock import SystemClock
    from gadeplan.app.policy import Policy
    from gadeplan.app.seed import SeedSpec, seed
    from gadeplan.app.services.profile import create_profile, open_profile
    from gadeplan.storage import keys

    # Passphrase-only: the benchmark must not write to the real keychain.
    keyring.set_keyring(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]
    seeding = 0.0
    if not args.reuse:
        cheap = keys.KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
        session = create_profile(
            folder, PASSPHRASE, policy=Policy(), kdf=cheap, clock=SystemClock()
        ).session
        spec = SeedSpec(
            persons=args.persons,
            encounters=args.encounters,
            seed=SEED,
            team_id=session.identity.team_id,
            worker_id=session.identity.worker_id,
            today=TODAY,
        )
        print(
            f"Seeding {args.persons:,} persons and {args.encounters:,} encounters ...", flush=True
        )
        start = time.perf_counter()
        seed(spec, session.bulk_writer(), batch_size=BATCH_SIZE)
        seeding = time.perf_counter() - start
        session.lock()
    # Reopened, so SQLite's page cache starts empty as when the program starts.
    return open_profile(folder, PASSPHRASE), seeding


def run(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    from gadeplan.app.services import dashboard, radar, reports
    from gadeplan.app.services.dashboard import DashboardData, DashboardSettings
    from gadeplan.storage import analytics

    session, seeding = _profile(args, folder)
    try:
        team = session.identity.team_id
        settings = DashboardSettings(baseline_count=max(1, args.persons // 100))
        inactive_days = radar.RadarSettings().inactive_days
        records = sum(session.repo.count_by_entity().values())

        # Overblik opened cold: the SQL and the date's numbers, as the screen does it.
        first_start = time.perf_counter()
        DashboardData.load(session, team, inactive_days).overview(TODAY, settings)
        first_open = time.perf_counter() - first_start

        def open_overview() -> dashboard.Overview:
            return DashboardData.load(session, team, inactive_days).overview(TODAY, settings)

        overview, cold = _timed(args.repeats, open_overview)

        # The parts of it, one after the other (opened, the queries run on a helper thread
        # while the answers before them are parsed and turned into timelines).
        parts: dict[str, list[float]] = {
            "persons": [],
            "housing": [],
            "encounters": [],
            "parsing": [],
            "timelines": [],
            "overview": [],
        }
        for _ in range(args.repeats):
            # Without the cycle collector, as DashboardData.load and overview run.
            gc.disable()
            marks = [time.perf_counter()]
            with session.store.read() as conn:
                texts = [analytics.person_ages_json(conn, team)]
                marks.append(time.perf_counter())
                texts.append(analytics.housing_json(conn))
                marks.append(time.perf_counter())
                texts.append(analytics.contact_days_json(conn))
                marks.append(time.perf_counter())
            ages, housing, contacts = (json.loads(text) for text in texts)
            marks.append(time.perf_counter())
            data = DashboardData.build(team, inactive_days, ages, housing, contacts)
            marks.append(time.perf_counter())
            data.overview(TODAY, settings)
            marks.append(time.perf_counter())
            gc.enable()
            for key, (a, b) in zip(parts, itertools.pairwise(marks), strict=True):
                parts[key].append(b - a)

        # Another date with the data loaded: the last twelve month ends.
        data = DashboardData.load(session, team, inactive_days)
        month_ends = [TODAY.replace(day=1) - timedelta(days=1)]
        while len(month_ends) < 12:
            month_ends.append(month_ends[-1].replace(day=1) - timedelta(days=1))
        per_date: list[float] = []
        for day in month_ends:
            start = time.perf_counter()
            data.overview(day, settings)
            per_date.append(time.perf_counter() - start)

        found, radar_times = _timed(
            args.repeats, lambda: radar.radar(session, team_id=team, on=TODAY)
        )
        checklist, cold_times = _timed(
            args.repeats, lambda: radar.cold_weather(session, team_id=team, on=TODAY)
        )
        draft, count_times = _timed(
            args.repeats,
            lambda: reports.count_draft(session, 2026, 6, team_id=team),
        )
    finally:
        session.lock()

    return {
        "benchmark": "dashboard",
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": machine(),
        "persons": args.persons,
        "encounters": args.encounters,
        "records": records,
        "quick": args.quick,
        "repeats": args.repeats,
        "seeding_seconds": round(seeding, 1),
        "overview_first_open_ms": round(first_open * 1000, 1),
        "overview_cold_ms": Summary.of_seconds(cold).to_json(),
        "overview_parts_median_ms": {
            k: round(statistics.median(v) * 1000, 1) for k, v in parts.items()
        },
        "overview_per_date_ms": Summary.of_seconds(per_date).to_json(),
        "radar_ms": Summary.of_seconds(radar_times).to_json(),
        "cold_weather_ms": Summary.of_seconds(cold_times).to_json(),
        "count_draft_ms": Summary.of_seconds(count_times).to_json(),
        "numbers": {
            "homeless": overview.homeless_total,
            "by_category": {c.category.value: c.count for c in overview.by_category},
            "young_18_24": overview.young_18_24.count,
            "young_25_29": overview.young_25_29.count,
            "inactive": overview.inactive.count,
            "trend": [p.homeless for p in overview.trend],
            "flows_last_month": {f.value: overview.flows[-1].count(f) for f in dashboard.Flow},
            "radar_items": dict(Counter(i.kind.value for i in found.items)),
            "cold_weather": len(checklist),
            "count_week_6": draft.total,
        },
        "goal_overview_cold_under_300ms": Summary.of_seconds(cold).median_ms < GOAL_MS,
        "goal_overview_per_date_under_300ms": Summary.of_seconds(per_date).median_ms < GOAL_MS,
    }


def report(result: dict[str, Any]) -> None:
    def ms(key: str) -> str:
        s = result[key]
        return f"median {s['median_ms']:8.1f} ms   p95 {s['p95_ms']:8.1f} ms   n={s['n']}"

    numbers = result["numbers"]
    print()
    print(
        f"Results: {result['records']:,} records ({result['persons']:,} persons, "
        f"{result['encounters']:,} encounters); {result['machine']['cpus']} CPUs"
    )
    if result["seeding_seconds"]:
        print(f"  seeding                               {result['seeding_seconds']:.1f} s")
    print(f"  Overblik, first open after unlock     {result['overview_first_open_ms']:8.1f} ms")
    print(f"  Overblik, opened (load + date)        {ms('overview_cold_ms')}")
    parts = result["overview_parts_median_ms"]
    print(
        "    parts, one after the other: queries for persons {persons} ms, housing history"
        " {housing} ms, encounters {encounters} ms (on a helper thread when opened);"
        " parsing {parsing} ms, timelines {timelines} ms, the date {overview} ms".format(**parts)
    )
    print(f"  Overblik, another date (data loaded)  {ms('overview_per_date_ms')}")
    print(f"  radar                                 {ms('radar_ms')}")
    print(f"  cold-weather checklist                {ms('cold_weather_ms')}")
    print(f"  count draft, week 6                   {ms('count_draft_ms')}")
    print()
    print(
        f"Numbers on {TODAY}: {numbers['homeless']:,} homeless "
        f"({numbers['young_18_24']:,} aged 18-24, {numbers['young_25_29']:,} aged 25-29), "
        f"{numbers['inactive']:,} inactive"
    )
    print("  by category: " + ", ".join(f"{k} {v:,}" for k, v in numbers["by_category"].items()))
    print("  trend: " + ", ".join(f"{v:,}" for v in numbers["trend"]))
    print(
        "  flows, last month: "
        + ", ".join(f"{k} {v:,}" for k, v in numbers["flows_last_month"].items())
    )
    print("  radar: " + ", ".join(f"{k} {v:,}" for k, v in sorted(numbers["radar_items"].items())))
    print(
        f"  cold-weather checklist: {numbers['cold_weather']:,} people; "
        f"count draft week 6: {numbers['count_week_6']:,} rows"
    )
    print()
    for key, label in (
        ("goal_overview_cold_under_300ms", "Overblik opened"),
        ("goal_overview_per_date_under_300ms", "Overblik for another date"),
    ):
        print(f"Goal: {label} under {GOAL_MS:.0f} ms: {'met' if result[key] else 'NOT met'}")


_COMPARED: Compared = (
    ("Overblik first open after unlock (ms)", ("overview_first_open_ms",), False),
    ("Overblik opened median (ms)", ("overview_cold_ms", "median_ms"), False),
    ("Overblik opened p95 (ms)", ("overview_cold_ms", "p95_ms"), False),
    ("another date median (ms)", ("overview_per_date_ms", "median_ms"), False),
    ("radar median (ms)", ("radar_ms", "median_ms"), False),
    ("cold-weather checklist median (ms)", ("cold_weather_ms", "median_ms"), False),
    ("count draft week 6 median (ms)", ("count_draft_ms", "median_ms"), False),
)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Overblik, radar and count on a large store.")
    parser.add_argument("--persons", type=int, default=None, help="default 20,000")
    parser.add_argument("--encounters", type=int, default=None, help="default 200,000")
    parser.add_argument("--quick", action="store_true", help="a smoke run (200 / 2,000)")
    parser.add_argument("--repeats", type=int, default=None, help="default 5 (quick: 2)")
    parser.add_argument("--workdir", type=Path, default=None, help="default: a temp folder")
    parser.add_argument("--keep", action="store_true", help="keep the seeded profile")
    parser.add_argument(
        "--reuse", type=Path, default=None, help="a profile kept by --keep: time it, no seeding"
    )
    parser.add_argument("--results-dir", type=Path, default=RESULTS_DIR)
    parser.add_argument("--baseline", type=Path, default=BASELINE_FILE)
    parser.add_argument(
        "--write-baseline", action="store_true", help="make this run the new baseline"
    )
    args = parser.parse_args(argv)
    defaults = (200, 2_000, 2) if args.quick else (20_000, 200_000, 5)
    for name, value in zip(("persons", "encounters", "repeats"), defaults, strict=True):
        if getattr(args, name) is None:
            setattr(args, name, value)
    if args.persons < 1 or args.encounters < 0 or args.repeats < 1:
        parser.error("sizes and repeats must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.reuse:
        folder, workdir = args.reuse, None
    else:
        workdir = Path(tempfile.mkdtemp(prefix="gadeplan-dashboard-", dir=args.workdir))
        folder = workdir / "profile"
    print(
        f"Dashboard benchmark: {args.persons:,} persons, {args.encounters:,} encounters, "
        f"{args.repeats} repeats; {machine()['cpus']} CPUs"
    )
    try:
        result = run(args, folder)
    finally:
        if workdir is not None and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        elif workdir is not None:
            print(f"Profile kept in {folder} (time it again with --reuse {folder})")
    report(result)
    compare_with_baseline(result, args.baseline, _COMPARED)
    saved = args.results_dir / f"dashboard-{timestamp()}{'-quick' if args.quick else ''}.json"
    write_json(saved, result)
    print()
    print(f"Results written to {saved}")
    if args.write_baseline:
        write_json(args.baseline, result)
        print(f"Baseline written to {args.baseline}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
