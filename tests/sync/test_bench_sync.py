"""The sync benchmark still runs (``bench/sync.py --quick``), so it cannot rot unnoticed.

Only that it completes and reports: timings depend on the machine and are never asserted.
"""

from __future__ import annotations

from pathlib import Path

from tests.support import quick_result, run_quick_bench

RESULT_LINES = (
    "seeding: laptop A push (mutations/s, information)",
    "seeding: laptop A pulls its records back (records/s)",
    "initial sync: records/s",
    "initial sync: bytes on the wire per record",
    "initial sync: peak memory, client maxrss (MB)",
    "the same with cipher_memory_security on (diagnostic)",
    "incremental, 100 changes: laptop A push+pull (median ms)",
    "incremental: laptop B pull (median ms)",
    "devices at once: p50 latency (ms)",
    "devices at once: p95 latency (ms)",
    "devices at once: errors",
    "devices at once: laptops not converged",
)


def test_quick_sync_benchmark_runs_and_prints_its_results(tmp_path: Path) -> None:
    results = tmp_path / "results"
    out = run_quick_bench(
        "sync",
        results,
        "--diagnose-memory-security",
        "--workdir",
        str(tmp_path),
        "--baseline",
        str(tmp_path / "no-baseline.json"),
    )
    lines = out.splitlines()
    for label in RESULT_LINES:
        assert any(label in line for line in lines), label
    result = quick_result(results, "sync-sqlite-*-quick.json")
    assert result["initial"]["records"] > 0
    assert result["devices"]["syncs"] > 0
    # The profiles and the server's database are cleaned up.
    assert [p.name for p in tmp_path.iterdir()] == ["results"]
