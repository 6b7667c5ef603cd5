"""Starting the window: the application object, the policy, the language, the worker thread.

Only ``gadeplan`` without a command comes here; the headless commands never import Qt.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSocketNotifier, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from gadeplan import __version__
from gadeplan.app import logs
from gadeplan.app.policy import APP_NAME, PolicyError, load_policy
from gadeplan.app.services.access import ProfileAccess
from gadeplan.app.services.profile import default_profile_dir
from gadeplan.ui.env import Env
from gadeplan.ui.i18n import DEFAULT_LANGUAGE, Translations
from gadeplan.ui.main_window import MainWindow
from gadeplan.ui.paths import icon_path
from gadeplan.ui.prefs import Prefs, default_prefs_path
from gadeplan.ui.tasks import ThreadedRunner

log = logging.getLogger(__name__)

#: At the latest this long after the window shows, the garbage collector is on again.
GC_BACK_AFTER_MS = 10_000


def main(folder: Path | None = None, argv: Sequence[str] | None = None) -> int:
    if not logging.getLogger("gadeplan").handlers:  # started without the command line
        logs.configure(rotating=False)
    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication(list(argv if argv is not None else sys.argv[:1]))
    )
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("gadeplan")
    # Windows and macOS take the icon from the executable; X11 window managers from here.
    app.setWindowIcon(QIcon(str(icon_path())))
    try:
        policy = load_policy()
    except PolicyError:
        from PySide6.QtWidgets import QMessageBox  # only here: its enums cost the start 1 ms

        translations = Translations()
        translations.apply(DEFAULT_LANGUAGE)
        QMessageBox.critical(
            None,
            APP_NAME,
            QCoreApplication.translate(
                "Messages", "The machine policy is invalid, so Gadeplan will not start. Ask IT."
            ),
        )
        return 78
    prefs = Prefs(default_prefs_path(), policy)
    translations = Translations()
    translations.apply(prefs.language)
    runner = ThreadedRunner()
    env = Env(
        access=ProfileAccess(folder or default_profile_dir(), policy),
        runner=runner,
        prefs=prefs,
        translations=translations,
        version=__version__,
    )
    window = MainWindow(env)
    window.show()
    _close_on_signals(window)
    # The garbage collector, off since the program started (app/entry.py), comes back when the
    # unlocked window has painted, or after this long on the gate.
    QTimer.singleShot(GC_BACK_AFTER_MS, gc.enable)
    code = app.exec()
    runner.shutdown()
    return code


def _close_on_signals(window: MainWindow) -> None:
    """SIGTERM (a log-off, a shutdown, ``make run`` stopping) and SIGINT (Ctrl+C in a terminal)
    close the window as its close button does: a quick log being written is kept for the next
    unlock and the store is closed. Without this, SIGTERM ended the process at once, and a
    Python handler would run only when Python code next runs, which an idle window may not do
    for minutes: the signal's byte on a pipe wakes Qt's event loop, and the handler runs."""
    if sys.platform == "win32":  # no such signals from Windows' session; Qt closes the window
        return
    read, write = os.pipe()
    os.set_blocking(read, False)
    os.set_blocking(write, False)
    signal.set_wakeup_fd(write)
    notifier = QSocketNotifier(read, QSocketNotifier.Type.Read, window)

    def drain() -> None:
        with contextlib.suppress(BlockingIOError):
            os.read(read, 512)

    notifier.activated.connect(drain)

    def close(signum: int, frame: object) -> None:
        log.info("closing on signal %d", signum)
        window.close()

    signal.signal(signal.SIGTERM, close)
    signal.signal(signal.SIGINT, close)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
