"""The measured side of the UI benchmark (bench/ui.py): one start, in a process of its own.

Kept apart from bench/ui.py so that a child imports nothing before what it measures: the
parent's argument parser, the store benchmark's seeding code and their modules (Python's
``statistics``, ``subprocess``, ``compileall`` ...) were part of both the bare and the
program's start, about 18 ms each, which made the bare window look slower than it is and the
ratio better. At the top only ``time``, ``sys``, ``json`` and ``re``, which the program
imports anyway.

Run by the parent as ``python bench/ui_child.py '<json>'`` with the keys of :func:`run`.
"""

from __future__ import annotations

import time

#: The child's first statement after the interpreter and site are up (for the report only).
_MODULE_START = time.perf_counter()

# ruff: noqa: E402 - the mark above must come before the imports
import json
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

BARE, APP, KEYS = "bare", "app", "keys"
RESULT_PREFIX = "UI-BENCH-RESULT "
QT_PREFIX = "Qt message: "
#: Said by Qt's offscreen platform plugin itself when a window is shown (the same list as
#: tests/ui/conftest.py): not the program's, and not said on a real desktop.
OFFSCREEN_NOISE = (
    r"^This plugin does not support "
    r"(propagateSizeHints\(\)|raise\(\)|grabbing the (keyboard|mouse))$"
)
#: A child that has not finished by then has hung (a wait that never ends).
CHILD_TIMEOUT_S = 600.0
WAIT_TIMEOUT_S = 120.0


def run(
    mode: str,
    profile: str | None,
    t0: float,
    queries: tuple[str, ...],
    passes: int,
    passphrase: str,
    first_open_after_s: float = 0.0,
) -> int:
    """One measurement in this process; prints one result line for the parent."""
    if mode != BARE:
        # The program's entry point (``gadeplan``: gadeplan.app.entry) first, as at a real
        # start: the garbage collector off, then the command line's modules, before Qt.
        from gadeplan.app import entry

        cli = entry.start()
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    messages: list[str] = []
    noise: list[str] = []

    def on_message(kind: QtMsgType, context: QMessageLogContext, text: str) -> None:
        if re.match(OFFSCREEN_NOISE, text):
            noise.append(text)
            return
        messages.append(f"{kind.name}: {text}")
        print(f"{QT_PREFIX}{kind.name}: {text}", file=sys.stderr, flush=True)

    qInstallMessageHandler(on_message)
    app = QApplication([sys.argv[0]])  # gadeplan.ui.app.main uses the existing instance
    window_type: type[Any] | None = None
    if mode != BARE:  # the bare side imports nothing of the program
        from gadeplan.ui.main_window import MainWindow

        window_type = MainWindow
    probe = _probe_class()(
        app, mode, t0, queries, passes, window_type, passphrase, first_open_after_s
    )
    if mode == BARE:
        from PySide6.QtWidgets import QMainWindow

        window = QMainWindow()
        window.setWindowTitle("Gadeplan")
        window.resize(1180, 780)
        probe.watch(window)
        window.show()
        code = app.exec()
    else:
        assert profile is not None
        code = cli.main(["--data-dir", profile])
    result = probe.result
    result["qt_messages"] = messages
    result["offscreen_noise"] = sorted(set(noise))
    result["exit_code"] = code
    print(RESULT_PREFIX + json.dumps(result), flush=True)
    return 0 if probe.error is None and code == 0 else 1


def _probe_class() -> type[Any]:
    """The child's watcher of the application's events: times paints, unlocks, types. Made in
    a function so that the parent never imports Qt."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    if TYPE_CHECKING:
        from gadeplan.ui.main_window import MainWindow

    class Probe(QObject):
        def __init__(
            self,
            app: QApplication,
            mode: str,
            t0: float,
            queries: tuple[str, ...],
            passes: int,
            window_type: type[Any] | None,
            passphrase: str,
            first_open_after_s: float,
        ) -> None:
            super().__init__()
            self.window_type = window_type
            #: What the next paint means: "bare", "gate", "workspace", or "typing" (no call).
            self.phase = BARE if window_type is None else "gate"
            self.app = app
            self.mode = mode
            self.t0 = t0
            self.queries = queries
            self.passes = passes
            self.passphrase = passphrase
            self.first_open_after_s = first_open_after_s
            self.result: dict[str, Any] = {
                "mode": mode,
                "python_ready_s": _MODULE_START - t0,
            }
            self.error: str | None = None
            self.window: QWidget | None = None
            self.main_window: MainWindow | None = None
            self.paint_target: QWidget | None = None
            self.painted_at: float | None = None
            self.heartbeat = QTimer(self)
            self.heartbeat.setInterval(20)  # wakes the waits below even when nothing happens
            if window_type is not None:
                # The program's window: found at the event loop's first turn. The program
                # makes and shows it just before it starts the loop, and nothing paints
                # before the loop runs. (A filter on the whole application would see the
                # some 550 events before that, about 3 ms the program itself never pays.)
                QTimer.singleShot(0, self._find_window)
            QTimer.singleShot(int(CHILD_TIMEOUT_S * 1000), lambda: self.fail("timed out"))

        # --- events -------------------------------------------------------------------------

        def _find_window(self) -> None:
            found = [
                widget
                for widget in QApplication.topLevelWidgets()
                if self.window_type is not None
                and isinstance(widget, self.window_type)
                and widget.isVisible()
            ]
            if not found:  # not shown yet: the next turn
                QTimer.singleShot(0, self._find_window)
                return
            self.main_window = found[0]
            self.window = found[0]
            self.result["window_shown_s"] = time.perf_counter() - self.t0
            self.aim(found[0])

        def watch(self, window: QWidget) -> None:
            self.window = window
            self.aim(window)

        def aim(self, widget: QWidget | None) -> None:
            """Times the next first paint of ``widget`` (None: of nothing)."""
            self.paint_target, self.painted_at = widget, None
            if widget is not None:
                widget.installEventFilter(self)  # once: installing again only moves it first

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            kind = event.type()
            if kind == QEvent.Type.Paint:
                target = self.paint_target
                if (
                    target is not None
                    and self.painted_at is None
                    and isinstance(watched, QWidget)
                    and (watched is target or target.isAncestorOf(watched))
                ):
                    self.painted_at = time.perf_counter()
                    if self.phase != "typing":
                        QTimer.singleShot(0, self.painted)
            return False

        def painted(self) -> None:
            try:
                self._painted()
            except Exception as exc:  # reported by the parent; the child must not hang
                self.fail(f"{type(exc).__name__}: {exc}")

        def _painted(self) -> None:
            assert self.painted_at is not None
            if self.phase == BARE:
                self.result["painted_s"] = self.painted_at - self.t0
                self.done()
                return
            window = self.main_window
            assert window is not None
            if self.phase == "gate":  # the unlock page's first paint: unlock as a worker would
                self.phase = "unlocking"
                self.result["gate_painted_s"] = self.painted_at - self.t0
                window.gate.opened.connect(self.opened)
                page = window.gate.unlock
                if window.gate.currentWidget() is not page:
                    raise RuntimeError("the window did not open on the unlock page")
                page.passphrase.setText(self.passphrase)
                page.unlock()
                self.result["unlock_submitted_s"] = time.perf_counter() - self.t0
                return
            if self.phase != "workspace":
                return
            self.phase = "typing"
            self.result["painted_s"] = self.painted_at - self.t0
            self.paint_target = None
            if self.mode == KEYS:
                self.result["keystrokes"] = self.type_queries(window)
            self.done()

        def opened(self) -> None:
            window = self.main_window
            assert window is not None
            assert window.workspace is not None
            self.result["opened_s"] = time.perf_counter() - self.t0
            self.aim(window.workspace)
            self.phase = "workspace"

        # --- typing -------------------------------------------------------------------------

        def wait(self, done: Callable[[], bool], what: str) -> None:
            deadline = time.perf_counter() + WAIT_TIMEOUT_S
            self.heartbeat.start()
            try:
                while not done():
                    if time.perf_counter() > deadline:
                        raise TimeoutError(f"waited too long for {what}")
                    self.app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            finally:
                self.heartbeat.stop()

        def type_queries(self, window: MainWindow) -> dict[str, Any]:
            import functools
            import statistics

            from PySide6.QtTest import QTest

            workspace = window.workspace
            assert workspace is not None
            screen = workspace.people
            viewport = screen.table.viewport()
            marks: dict[str, float] = {}

            def reset() -> None:
                if "model" not in marks:
                    marks["model"] = time.perf_counter()
                    # The list's paint is the first one of the table after the new rows.
                    self.aim(viewport)

            screen.model.modelReset.connect(reset)

            def settled() -> bool:
                return (
                    "model" in marks and not screen._busy
                )  # read only: no query running or waiting

            def until_list(start: Callable[[], None], what: str) -> tuple[float, float]:
                marks.clear()
                self.aim(None)
                t0 = time.perf_counter()
                start()
                self.wait(lambda: settled() and self.painted_at is not None, what)
                assert self.painted_at is not None
                return marks["model"] - t0, self.painted_at - t0

            if self.first_open_after_s:
                later = time.perf_counter() + self.first_open_after_s
                self.wait(lambda: time.perf_counter() >= later, "the worker's moment")
            first_model, first_paint = until_list(window.find_person, "the people list")
            model_s: list[float] = []
            paint_s: list[float] = []
            rows: list[int] = []
            for number in range(self.passes + 1):  # the first pass warms up, untimed
                for query in self.queries:
                    if screen.search.text():
                        until_list(screen.search.clear, "the cleared search")
                    for i, char in enumerate(query):
                        to_model, to_paint = until_list(
                            functools.partial(QTest.keyClicks, screen.search, char), repr(query)
                        )
                        if screen.search.text() != query[: i + 1]:
                            raise RuntimeError(f"typed {screen.search.text()!r}")
                        if number:
                            model_s.append(to_model)
                            paint_s.append(to_paint)
                            rows.append(screen.model.rowCount())
            return {
                "people_list_first_model_ms": round(first_model * 1000, 1),
                "people_list_first_paint_ms": round(first_paint * 1000, 1),
                "to_model_s": model_s,
                "to_paint_s": paint_s,
                "rows_median": statistics.median(rows) if rows else 0,
            }

        # --- the end ------------------------------------------------------------------------

        def done(self) -> None:
            self.paint_target = None
            QTimer.singleShot(0, self.app.quit)

        def fail(self, why: str) -> None:
            if self.error is None:
                self.error = why
                self.result["error"] = why
                print(f"benchmark child failed: {why}", file=sys.stderr, flush=True)
            self.app.quit()

    return Probe


def main(argv: list[str]) -> int:
    config = json.loads(argv[1])
    return run(
        config["mode"],
        config.get("profile"),
        float(config["t0"]),
        tuple(config.get("queries", ())),
        int(config.get("passes", 0)),
        config.get("passphrase", ""),
        float(config.get("first_open_after_s", 0.0)),
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv))
