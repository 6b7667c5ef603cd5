"""The Qt half of ``gadeplan self-test`` (see ``gadeplan/app/selftest.py`` for the rest).

Here because only ``ui/`` may load Qt. The command line runs :func:`child_main` in a child
process and reads its JSON, so a platform plugin that cannot start (Qt then ends the process)
is reported as a failure instead of ending the self-test.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TextIO

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QObject, QTranslator, Signal, qVersion
from PySide6.QtGui import QGuiApplication, QImageReader
from PySide6.QtWidgets import QApplication

from gadeplan.app.selftest import FAIL, OK, Check, write_checks
from gadeplan.ui.i18n import DANISH, Translations
from gadeplan.ui.paths import icon_path

#: One string per file whose translation proves the file is the right one and not empty:
#: (context, English source, file's base name). Qt's comes from its own button box.
_SAMPLES = {
    "qtbase": ("QPlatformTheme", "Cancel"),
    "gadeplan": ("Vocabulary", "Unknown"),
}


def check_platform() -> Check:
    app = QCoreApplication.instance()
    if not isinstance(app, QGuiApplication):  # pragma: no cover - the callers make one
        return Check("Qt", FAIL, "no GUI application object")
    screens = len(QGuiApplication.screens())
    return Check(
        "Qt",
        OK,
        f"Qt {qVersion()} (PySide6 {pyside_version}), platform plugin "
        f"'{QGuiApplication.platformName()}', {screens} screen(s)",
    )


class _Emitter(QObject):
    signal = Signal(bool)


def check_signals(emit: Callable[[], object] | None = None) -> Check:
    """PySide6 6.12.0 dropped a reference to ``True`` with every signal; on Python 3.11 the
    program then aborts after some thousands of signals. A bundle built with such a release
    passes every other check, so this one counts. ``emit`` is for the tests."""
    if emit is None:
        emitter = _Emitter()
        emitter.signal.connect(lambda _value: None)
        emit = partial(emitter.signal.emit, True)
    emit()
    before = sys.getrefcount(True)
    for _ in range(100):
        emit()
    if sys.getrefcount(True) != before:
        return Check(
            "signals",
            FAIL,
            f"PySide6 {pyside_version} miscounts references with each signal; the program "
            "would abort after a while (docs/it-guide.md: use the pinned Qt for Python)",
        )
    return Check("signals", OK, "100 signals leave Python's objects as they were")


def check_window_modules() -> Check:
    """Every module the window is built from imports, QtCharts (PySide6-Addons) included: a
    bundle that missed one starts its self-test fine and fails when the window opens."""
    try:
        importlib.import_module("gadeplan.ui.app")
        charts = importlib.import_module("PySide6.QtCharts")
        charts.QChart()
    except ImportError as exc:
        return Check("window", FAIL, f"a module of the window is missing: {exc.name or exc}")
    return Check("window", OK, "the window's modules and QtCharts load")


def check_icon() -> Check:
    path = icon_path()
    reader = QImageReader(str(path))
    size = reader.size()
    if not reader.canRead() or size.isEmpty():
        return Check("icon", FAIL, f"{path.name} is missing or unreadable")
    return Check("icon", OK, f"{path.name} {size.width()}x{size.height()}")


def check_translations(qm_dir: Path | None = None) -> list[Check]:
    """Danish, the default language: Qt's own file and ours, through the loader the window
    uses, each shown translating a known string."""
    checks = []
    for path in Translations(qm_dir).files(DANISH):
        base = path.name.split("_")[0]
        context, source = _SAMPLES[base]
        translator = QTranslator()
        if not translator.load(str(path)):
            checks.append(Check("translation", FAIL, f"{path.name} is missing or unreadable"))
            continue
        said = translator.translate(context, source)
        if not said:
            checks.append(Check("translation", FAIL, f"{path.name} does not translate '{source}'"))
            continue
        checks.append(Check("translation", OK, f"{path.name}: '{source}' is '{said}'"))
    return checks


def qt_checks(qm_dir: Path | None = None) -> list[Check]:
    """All the Qt checks, on the running application object."""
    return [
        check_platform(),
        check_signals(),
        check_window_modules(),
        check_icon(),
        *check_translations(qm_dir),
    ]


def child_main(out: TextIO) -> int:
    """``gadeplan self-test --qt-child``: make the application object (where Qt ends the
    process if no platform plugin starts), run the checks, answer in JSON."""
    existing = QApplication.instance()
    _app = existing if existing is not None else QApplication([sys.argv[0]])
    write_checks(qt_checks(), out)
    return 0
