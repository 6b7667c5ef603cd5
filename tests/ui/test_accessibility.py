"""Every input has a label and an accessible name; the keyboard reaches everything in order;
nothing personal leaves the store through settings, titles or logs."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gadeplan.ui.env import Env
from gadeplan.ui.main_window import WINDOW_TITLE, MainWindow
from tests.ui.helpers import SeedIds, press, type_text

LABELLED = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox)


def _inside_qt(widget: QWidget) -> bool:
    """Parts Qt builds inside its own widgets: the line edit of a spin box, the list of a
    combo box's popup, a header, a line edit's clear button, a table's corner button."""
    if isinstance(widget, QHeaderView) or widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox | QLineEdit) or type(
            parent
        ).__name__.startswith("QComboBox"):
            return True
        parent = parent.parentWidget()
    return False


def _problems(root: QWidget) -> list[str]:
    """Inputs without an accessible name, or (for text and choice inputs) without a label."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    problems = []
    for widget in root.findChildren(QWidget):
        if _inside_qt(widget):
            continue
        if isinstance(widget, QAbstractButton):
            name = widget.accessibleName() or widget.text()
        elif isinstance(widget, (*LABELLED, QAbstractItemView)):
            name = widget.accessibleName()
        else:
            continue
        what = f"{type(widget).__name__} {widget.objectName() or ''}".strip()
        if not name.strip():
            problems.append(f"{what}: no accessible name")
        if isinstance(widget, LABELLED) and id(widget) not in buddies:
            problems.append(f"{what} '{name}': no label")
    return problems


def test_the_gate_screens(qtbot: QtBot, window: MainWindow) -> None:
    for page in (
        window.gate.first_run,
        window.gate.recovery_key,
        window.gate.unlock,
        window.gate.recovery,
    ):
        assert _problems(page) == [], type(page).__name__


def test_the_main_screens_and_dialogs(qtbot: QtBot, unlocked: MainWindow, profile: SeedIds) -> None:
    workspace = unlocked.workspace
    assert workspace is not None
    workspace.open_person(profile.bamse)
    assert _problems(workspace) == []
    person = workspace.person
    dialogs = [
        person.edit_person(),
        person.add_housing(),
        person.add_transition(),
        person.add_eviction(),
        person.add_offer(),
        person.add_goal(),
        person.add_consent(),
        person.add_referral(),
        person.add_follow_up(),
    ]
    for dialog in dialogs:
        assert dialog is not None
        assert _problems(dialog) == [], dialog.windowTitle()
        dialog.reject()
    quick = workspace.quick_log()
    assert _problems(quick) == []
    quick.reject()
    workspace.show_tab(workspace.ROUND)
    assert _problems(workspace.round) == []
    workspace.round.add_tally()
    workspace.round.make_person()
    assert workspace.round.dialog is not None
    assert _problems(workspace.round.dialog) == []
    workspace.round.dialog.reject()
    unlocked.open_settings()
    assert _problems(unlocked.settings_dialog) == []
    unlocked.settings_dialog.reject()


def _tab_chain(start: QWidget, stop: QWidget) -> list[QWidget]:
    chain: list[QWidget] = []
    widget: QWidget | None = start
    while widget is not None:
        widget = widget.nextInFocusChain()
        if widget is None or widget is start or len(chain) > 200:
            break
        focusable = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        # A spin box's own editor is one Tab stop with the spin box, not a second one.
        inner = widget.objectName() == "qt_spinbox_lineedit"
        if focusable and not inner and widget.isVisible() and widget.isEnabled():
            chain.append(widget)
        if widget is stop:
            break
    return chain


def test_the_quick_log_tab_order(qtbot: QtBot, unlocked: MainWindow) -> None:
    assert unlocked.workspace is not None
    dialog = unlocked.workspace.quick_log()
    type_text(dialog.search, "bam")
    press(dialog.search, Qt.Key.Key_Return)
    assert _tab_chain(dialog.search, dialog.cancel_button) == [
        dialog.situation,
        dialog.place,
        dialog.channel,
        dialog.when,
        dialog.topics,
        dialog.note,
        dialog.next_step,
        dialog.follow_up,
        dialog.save_button,
        dialog.cancel_button,
    ]


def test_the_topics_are_ticked_with_the_keyboard(qtbot: QtBot, unlocked: MainWindow) -> None:
    assert unlocked.workspace is not None
    dialog = unlocked.workspace.quick_log()
    dialog.topics.setFocus()
    press(dialog.topics, Qt.Key.Key_Right)
    press(dialog.topics, Qt.Key.Key_Space)
    assert dialog.selected_topics() == ("økonomi",)
    dialog.reject()


def test_nothing_personal_in_settings_title_or_log(
    qtbot: QtBot,
    unlocked: MainWindow,
    env: Env,
    profile: SeedIds,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    workspace = unlocked.workspace
    assert workspace is not None
    workspace.open_person(profile.bamse)
    workspace.person.reveal_button.click()
    dialog = workspace.quick_log()
    type_text(dialog.search, "søren")
    press(dialog.search, Qt.Key.Key_Return)
    type_text(dialog.note, "Hemmelig note om Søren")
    type_text(dialog.place, "Skolegade")
    press(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    workspace.find_person()
    type_text(workspace.people.search, "Jensen")
    unlocked.close()  # writes the window geometry
    settings = env.prefs.path.read_text("utf-8")
    for secret in ("Søren", "Jensen", "Bamse", "120590", "Hemmelig", "Skolegade", "Torvet"):
        assert secret not in settings
        assert secret not in caplog.text
    assert unlocked.windowTitle() == WINDOW_TITLE
