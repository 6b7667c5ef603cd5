"""Small, known data and helpers for the window's tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from gadeplan.ui.main_window import MainWindow
from tests.app.sample import TODAY, SeedIds, seed_small
from tests.support import PASSPHRASE

__all__ = ["TODAY", "FakeSeconds", "SeedIds", "click", "press", "seed_small", "type_text", "unlock"]


class FakeSeconds:
    """A clock in seconds that moves only when told to (idle timer, throttling)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.value = start

    def __call__(self) -> float:
        return self.value

    def advance(self, seconds: float) -> None:
        self.value += seconds


# Typed stand-ins for qtbot.keyClicks & co. (pytest-qt leaves those untyped).


def type_text(widget: QWidget, text: str) -> int:
    """Types ``text`` key by key; returns the number of keystrokes."""
    QTest.keyClicks(widget, text)
    return len(text)


def press(
    widget: QWidget,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> int:
    """One keystroke (a chord such as Ctrl+N counts as one)."""
    QTest.keyClick(widget, key, modifiers)
    return 1


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def unlock(qtbot: QtBot, window: MainWindow, passphrase: str = PASSPHRASE) -> None:
    page = window.gate.unlock
    assert window.gate.currentWidget() is page
    type_text(page.passphrase, passphrase)
    press(page.passphrase, Qt.Key.Key_Return)
    assert window.unlocked, page.message.text
    qtbot.waitUntil(lambda: window.idle.listening)  # the window has painted and settled
