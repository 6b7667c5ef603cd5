"""The dashboard benchmark still runs (``bench/dashboard.py --quick``), so it cannot rot.

Only that it completes, reports every timing and the numbers, and writes its results: timings
depend on the machine and are never asserted.
"""

from __future__ import annotations

from pathlib import Path

from tests.support import quick_result, run_quick_bench

LINES = (
    "Overblik, first open after unlock",
    "Overblik, opened (load + date)",
    "parts, one after the other: queries for persons",
    "Overblik, another date (data loaded)",
    "radar",
    "cold-weather checklist",
    "count draft, week 6",
    "Numbers on 2026-11-25:",
    "Goal: Overblik opened under 300 ms:",
    "Goal: Overblik for another date under 300 ms:",
)


def test_quick_dashboard_benchmark_runs_and_reports(tmp_path: Path) -> None:
    results = tmp_path / "results"
    out = run_quick_bench("dashboard", results, "--workdir", str(tmp_path))
    for label in LINES:
        assert label in out, label
    result = quick_result(results, "dashboard-*-quick.json")
    numbers = result["numbers"]
    # The synthetic town has homeless people, a trend of 24 months and radar items.
    assert numbers["homeless"] > 0
    assert len(numbers["trend"]) == 24
    assert numbers["trend"][-1] == numbers["homeless"]
    assert sum(numbers["radar_items"].values()) > 0
    # The seeded profile was removed (no --keep).
    assert not list(tmp_path.glob("gadeplan-dashboard-*/profile"))
