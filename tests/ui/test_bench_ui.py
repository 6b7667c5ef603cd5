"""The UI benchmark still runs (``bench/ui.py --quick``), so it cannot rot.

Only that it completes, prints its lines and writes its results: timings depend on the machine
(and on what else runs on it) and are never asserted.
"""

from __future__ import annotations

from pathlib import Path

from tests.support import quick_result, run_quick_bench

LINES = (
    "bare window, start to first paint",
    "Gadeplan, start to unlocked window painted",
    "unlocked (store open)",
    "ratio start Gadeplan / bare (median)",
    "keystroke to people model updated",
    "keystroke to people list painted",
    "people list first opened at once",
    "Qt messages: none",
    "Goal: start within 2x the bare window:",
    "Goal: keystroke to list under 50 ms median:",
    "Results written to",
)


def test_quick_ui_benchmark_runs_and_reports(tmp_path: Path) -> None:
    results = tmp_path / "results"
    out = run_quick_bench(
        "ui",
        results,
        "--cache",
        str(tmp_path / "cache"),
        "--baseline",
        str(tmp_path / "no-baseline.json"),
        timeout=300,
    )
    for label in LINES:
        assert label in out, label
    result = quick_result(results, "ui-*-quick.json")
    assert result["benchmark"] == "ui"
    assert result["qt_messages"] == []
    assert result["keystroke"]["to_model_ms"]["n"] == sum(
        len(q) for q in result["keystroke"]["queries"]
    )
    assert result["keystroke"]["people_list_first_paint_later_ms"] > 0
