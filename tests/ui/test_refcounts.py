"""PySide6 must leave Python's own objects alone.

PySide6 6.12.0 took one reference from ``True`` with every signal emitted from Python (and every
``disconnect``), and one from ``None`` with every ``processEvents(flags, maxtime)``. On Python
3.11 these are ordinary objects: after some thousands of signals (a few hundred keystrokes in the
people search) the count of ``True`` reached zero and the program aborted with "Fatal Python
error: bool_dealloc", losing whatever had not been saved. The benchmark's keystroke run found
it. These checks fail on such a release, whatever the Python version, so ``constraints.txt``
cannot pin one again unnoticed.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from pytestqt.qtbot import QtBot

ROUNDS = 200


class _Emitter(QObject):
    plain = Signal()
    flag = Signal(bool)
    value = Signal(object)
    later = Signal(object)


def _references_taken(action: Callable[[], object]) -> dict[str, int]:
    """How many references ``action`` took, over ``ROUNDS`` calls, from the shared objects."""
    action()  # anything made once (a cached wrapper) is made before counting
    shared = {"True": True, "False": False, "None": None}
    gc.collect()
    before = {name: sys.getrefcount(obj) for name, obj in shared.items()}
    for _ in range(ROUNDS):
        action()
    gc.collect()
    return {name: before[name] - sys.getrefcount(obj) for name, obj in shared.items()}


@pytest.mark.parametrize(
    "kind", ["plain", "flag", "value", "queued", "disconnect", "process_events_for"]
)
def test_qt_calls_take_no_reference_from_true_false_or_none(qtbot: QtBot, kind: str) -> None:
    emitter = _Emitter()
    received = [0]

    def slot(*args: object) -> None:
        received[0] += 1  # keeps no reference to what it got

    def other() -> None:
        pass

    emitter.plain.connect(slot)
    emitter.flag.connect(slot)
    emitter.value.connect(slot)
    emitter.later.connect(slot, Qt.ConnectionType.QueuedConnection)

    def queued() -> None:
        emitter.later.emit(True)
        QCoreApplication.processEvents()  # delivered, so the event holds True no longer

    def disconnect() -> None:
        emitter.plain.connect(other)
        emitter.plain.disconnect(other)

    actions: dict[str, Callable[[], object]] = {
        "plain": emitter.plain.emit,
        "flag": lambda: emitter.flag.emit(True),
        "value": lambda: emitter.value.emit(False),
        "queued": queued,
        "disconnect": disconnect,
        # 6.12.0 dropped None here and aborted after some thousand calls ("none_dealloc").
        "process_events_for": lambda: QCoreApplication.processEvents(
            QEventLoop.ProcessEventsFlag.AllEvents, 0
        ),
    }
    assert _references_taken(actions[kind]) == {"True": 0, "False": 0, "None": 0}
    assert received[0] > ROUNDS or kind in ("disconnect", "process_events_for")  # slots ran
