"""The ``gadeplan`` command's entry: the garbage collector is off while the program starts."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from gadeplan.app import cli, entry


@pytest.fixture
def collector() -> Iterator[None]:
    yield
    gc.enable()


@pytest.mark.usefixtures("collector")
def test_the_collector_is_off_until_a_command_starts(tmp_path: Path) -> None:
    assert entry.start() is cli
    assert not gc.isenabled()
    assert cli.main(["--data-dir", str(tmp_path / "none"), "check"]) != 0  # no profile there
    assert gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_the_window_leaves_it_off_for_the_window_to_turn_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gadeplan.ui.app

    states: list[bool] = []

    def window(folder: Path | None = None) -> int:
        states.append(gc.isenabled())
        return 0

    monkeypatch.setattr(gadeplan.ui.app, "main", window)
    assert entry.main(["--data-dir", str(tmp_path / "p")]) == 0
    assert states == [False]
