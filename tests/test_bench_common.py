"""The benchmarks' comparison with their baselines: which way is worse depends on the number."""

from __future__ import annotations

from bench.common import comparison


def test_a_slower_time_and_a_lower_rate_are_flagged_a_better_one_is_not() -> None:
    compared = (
        ("start (ms)", ("start", "ms"), False),
        ("sync (records/s)", ("sync",), True),
        ("missing", ("nowhere",), False),
    )
    baseline = {"start": {"ms": 100.0}, "sync": 5000}
    worse = comparison(baseline, {"start": {"ms": 120.0}, "sync": 4000}, compared)
    better = comparison(baseline, {"start": {"ms": 80.0}, "sync": 6000}, compared)
    assert len(worse) == 3  # the header and two rows: a number missing on one side is left out
    assert all(line.endswith("(worse)") for line in worse[1:])
    assert not any("(worse)" in line for line in better)
    assert "+20%" in worse[1]
    assert "-20%" in worse[2]
