"""The UI benchmark still runs (``bench/ui.py --quick``), so it cannot rot.

Only that it completes, prints its lines and writes its results: timings depend on the machine
(and on what else runs on it) and are never asserted.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "ui.py"

LINES = (
    "bare window, start to first paint",
    "Gadeplan, start to unlocked window painted",
    "unlocked (store open)",
    "ratio start Gadeplan / bare (median)",
    "keystroke to people model updated",
    "keystroke to people list painted",
    "Qt messages: none",
    "Goal: start within 2x the bare window:",
    "Goal: keystroke to list under 50 ms median:",
    "Results written to",
)


def test_quick_ui_benchmark_runs_and_reports(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH),
            "--quick",
            "--cache",
            str(tmp_path / "cache"),
            "--results-dir",
            str(tmp_path / "results"),
            "--baseline",
            str(tmp_path / "no-baseline.json"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for label in LINES:
        assert label in done.stdout, label
    (saved,) = (tmp_path / "results").glob("ui-*-quick.json")
    result = json.loads(saved.read_text("utf-8"))
    assert result["benchmark"] == "ui"
    assert result["qt_messages"] == []
    assert result["keystroke"]["to_model_ms"]["n"] == sum(
        len(q) for q in result["keystroke"]["queries"]
    )
