"""The store benchmark still runs (``bench/store.py --quick``), so it cannot rot unnoticed.

Only that it completes and reports: timings depend on the machine and are never asserted.
"""

from __future__ import annotations

from pathlib import Path

from tests.support import run_quick_bench

RATIO_LINES = (
    "ratio seeding",
    "ratio open (raw key)",
    "ratio search median (repo)",
    "ratio search p95 (repo)",
    "ratio search median (session)",
    "ratio search p95 (session)",
)


def test_quick_store_benchmark_runs_and_prints_the_ratios(tmp_path: Path) -> None:
    results = tmp_path / "results"
    lines = run_quick_bench("store", results, "--workdir", str(tmp_path)).splitlines()
    for label in RATIO_LINES:
        assert any(
            line.strip().startswith(label) and line.rstrip().endswith("x") for line in lines
        ), label
    # The sanity checks (encrypted file, same results on both sides) hold; timings are not judged.
    checks = [line for line in lines if line.startswith("Check: ")]
    assert checks
    assert all(line.endswith(": yes") for line in checks), checks
    assert list(results.glob("store-*-quick.json"))
