"""Today's lists, through the window."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QTreeWidget
from pytestqt.qtbot import QtBot

from gadeplan.app.domain.records import FollowUp
from gadeplan.ui.env import Env
from gadeplan.ui.main_window import MainWindow
from gadeplan.ui.tasks import SyncRunner
from gadeplan.ui.today import TodayScreen
from tests.ui.helpers import TODAY, SeedIds, press


def _rows(tree: QTreeWidget) -> list[list[str]]:
    rows = []
    for r in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(r)
        assert item is not None
        rows.append([item.text(c) for c in range(tree.columnCount())])
    return rows


def _today(window: MainWindow) -> TodayScreen:
    assert window.workspace is not None
    return window.workspace.today


def test_todays_lists(qtbot: QtBot, unlocked: MainWindow) -> None:
    today = _today(unlocked)
    assert today.title.text() == "I dag, onsdag 25. november 2026"
    assert _rows(today.follow_ups) == [
        ["20-11-2026 (5 dage over tiden)", "Lillebror", "Følg med til lægen"],
        ["I dag", "Bamse", "Ring til jobcentret sammen"],
    ]
    # Åse's release has a housing plan, so only Lillebror's aftercare is a danger point.
    assert _rows(today.transitions) == [["10-12-2026", "Lillebror", "Efterværn ophører"]]
    assert _rows(today.evictions) == [
        ["05-12-2026", "Ræven", "Retsmøde, Boligselskabet Ungdomsbo, restance 12.000 kr."]
    ]
    assert "ikke synkroniseret endnu" in today.sync_label.text()
    assert "Den ældste er" in today.sync_label.text()


def test_marking_a_follow_up_done(qtbot: QtBot, unlocked: MainWindow, env: Env) -> None:
    today = _today(unlocked)
    today.follow_ups.setFocus()
    press(today.follow_ups, Qt.Key.Key_Down)  # to Bamse's, due today
    current = today.follow_ups.current()
    assert current is not None
    assert current.alias == "Bamse"
    press(today.follow_ups, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    # A button's shortcut "animates" the click for a moment before it happens.
    qtbot.waitUntil(lambda: [row[1] for row in _rows(today.follow_ups)] == ["Lillebror"])
    assert isinstance(env.runner, SyncRunner)
    done = env.runner.context.require().get(FollowUp, current.record_id)
    assert done is not None
    assert done.done_on == TODAY


def test_enter_opens_the_person(qtbot: QtBot, unlocked: MainWindow, profile: SeedIds) -> None:
    today = _today(unlocked)
    today.evictions.setFocus()
    press(today.evictions, Qt.Key.Key_Return)
    assert unlocked.workspace is not None
    assert unlocked.workspace.current_person_id == profile.raeven
    unlocked.workspace.person.back_button.click()
    assert unlocked.workspace.current_screen() is today


def test_a_quick_log_updates_today(qtbot: QtBot, unlocked: MainWindow) -> None:
    today = _today(unlocked)
    assert unlocked.workspace is not None
    dialog = unlocked.workspace.quick_log()
    dialog.search.setText("kasket")
    dialog._search_edited("kasket")
    dialog._take_current()
    dialog.follow_up.setText("+0")
    dialog.next_step.setText("Tjek ydelse")
    dialog.save()
    assert not dialog.isVisible(), dialog.message.text
    assert ["I dag", "Kasket", "Tjek ydelse"] in _rows(today.follow_ups)


def test_todays_lists_are_asked_for_before_the_radar(
    qtbot: QtBot, unlocked: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker runs jobs in order: the radar, the slower of the two on a large store,
    must not hold up the lists."""
    today = _today(unlocked)
    runner = unlocked.runner
    asked: list[object] = []
    submit = runner.submit

    def recording(owner: QObject, job: Any, done: Any = None, **kwargs: Any) -> None:
        asked.append(owner)
        submit(owner, job, done, **kwargs)

    monkeypatch.setattr(runner, "submit", recording)
    assert today.radar is not None  # made once Today has painted
    today.radar.loaded = False  # as at the first refresh after unlocking
    today.refresh()
    assert asked == [today, today.radar]
