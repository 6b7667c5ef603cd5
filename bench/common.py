"""Helpers shared by the benchmarks: timing, summaries and the machine they ran on.

Nothing here touches the program's behaviour; it only measures it.
"""

from __future__ import annotations

import json
import math
import os
import platform
import statistics
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_DIR = BENCH_DIR / "results"


class Stopwatch:
    """Accumulates elapsed time over several timed sections."""

    def __init__(self) -> None:
        self.seconds = 0.0

    @contextmanager
    def running(self) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds += time.perf_counter() - start


def percentile(samples: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile (p95 of 20 samples is the 19th smallest)."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True)
class Summary:
    """Median, p95 and extremes of a list of durations, in milliseconds."""

    n: int
    median_ms: float
    p95_ms: float
    min_ms: float
    max_ms: float

    @classmethod
    def of_seconds(cls, samples: Sequence[float]) -> Summary:
        ms = [s * 1000.0 for s in samples]
        return cls(
            n=len(ms),
            median_ms=statistics.median(ms),
            p95_ms=percentile(ms, 0.95),
            min_ms=min(ms),
            max_ms=max(ms),
        )

    def to_json(self) -> dict[str, float | int]:
        return {
            "n": self.n,
            "median_ms": round(self.median_ms, 3),
            "p95_ms": round(self.p95_ms, 3),
            "min_ms": round(self.min_ms, 3),
            "max_ms": round(self.max_ms, 3),
        }


def machine() -> dict[str, Any]:
    return {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor() or None,
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
    }


def ratio(encrypted: float, plain: float) -> float | None:
    """Encrypted over plain, for costs (seconds, milliseconds): 1.25 means 25 % slower."""
    if plain <= 0:
        return None
    return encrypted / plain


def fmt_ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}x"


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
    tmp.replace(path)


def read_json(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


def timestamp() -> str:
    return time.strftime("%Y%m%d-%H%M%S")


#: What a benchmark compares with its baseline: a label, the keys to the number in the result,
#: and whether a higher number is better (throughput) or worse (a time).
Compared = tuple[tuple[str, tuple[str, ...], bool], ...]


def dig(data: Any, path: tuple[str, ...]) -> float | None:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return float(data) if isinstance(data, int | float) else None


def comparison(
    baseline: dict[str, Any], result: dict[str, Any], compared: Compared, digits: int = 2
) -> list[str]:
    """The table of a run against its baseline; a change of 10 % or more for the worse is
    flagged. The caller has checked that the two are of the same size."""
    lines = [f"  {'':<38} {'baseline':>10} {'now':>10} {'change':>8}"]
    for label, keys, higher_is_better in compared:
        old, new = dig(baseline, keys), dig(result, keys)
        if old is None or new is None:
            continue
        change = (new - old) / old * 100 if old else 0.0
        worse = change < 0 if higher_is_better else change > 0
        flag = "  (worse)" if worse and abs(change) >= 10 else ""
        lines.append(
            f"  {label:<38} {old:>10,.{digits}f} {new:>10,.{digits}f} {change:>+7.0f}%{flag}"
        )
    return lines


def compare_with_baseline(result: dict[str, Any], path: Path, compared: Compared) -> None:
    """Prints the run against the baseline in ``path``: only a run of the same size is
    compared, since the numbers grow with the store."""
    print()
    if not path.exists():
        print(f"No baseline at {path}; write one with --write-baseline.")
        return
    baseline = read_json(path)
    sizes = (baseline.get("persons"), baseline.get("encounters"))
    if sizes != (result["persons"], result["encounters"]):
        print(
            f"The baseline ({path.name}) is for {sizes[0]:,} persons and {sizes[1]:,} "
            "encounters; not compared."
        )
        return
    print(f"Against the baseline ({path.name}, measured {baseline.get('when', '?')}):")
    print("\n".join(comparison(baseline, result, compared)))
