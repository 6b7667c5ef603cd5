"""Starting the window: the application object, the policy, the language, the worker thread.

Only ``gadeplan`` without a command comes here; the headless commands never import Qt.
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
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
    # The garbage collector, off since the program started (app/entry.py), comes back when the
    # unlocked window has painted, or after this long on the gate.
    QTimer.singleShot(GC_BACK_AFTER_MS, gc.enable)
    code = app.exec()
    runner.shutdown()
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
