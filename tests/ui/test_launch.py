"""Starting the program: ``gadeplan`` alone opens the window; the commands never load Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gadeplan.app import cli


def test_gadeplan_without_a_command_opens_the_window(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import gadeplan.ui.app

    opened: list[Path | None] = []

    def window(folder: Path | None = None) -> int:
        opened.append(folder)
        return 0

    monkeypatch.setattr(gadeplan.ui.app, "main", window)
    assert cli.main(["--data-dir", str(tmp_path / "p")]) == 0
    assert opened == [tmp_path / "p"]


def test_headless_commands_never_load_qt(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from gadeplan.app.cli import main\n"
        f"status = main(['--data-dir', {str(tmp_path / 'none')!r}, 'check'])\n"
        "assert status != 0, status\n"
        "assert not any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, timeout=60)


def test_the_window_loads_without_keyring_the_sync_stack_or_the_workspace() -> None:
    """Each is loaded when first used (keyring: the keychain; httpx, pydantic and ssl: the
    first sync, the self-test, or a policy naming a CA file); imported with the window, they
    cost every start about 260 ms (bench/ui.py). The entry point is imported first, as
    ``gadeplan`` does: its imports are part of every start too. The workspace (about 45 ms)
    follows once the gate is painted; the quick log, the radar, Qt's network and D-Bus
    modules, the log's rotation and the sync service (on the worker) once the unlocked window
    is (the smoke test below sees them come). ``tomllib`` only comes when a policy file
    exists; ``hashlib`` (OpenSSL) and ``filelock`` (8 ms) are not used at all."""
    later = (
        *("keyring", "httpx", "pydantic", "ssl", "gadeplan.ui.workspace", "PySide6.QtNetwork"),
        *("PySide6.QtDBus", "tomllib", "logging.handlers", "hashlib", "filelock"),
    )
    after_unlock = (
        *("gadeplan.ui.quick_log", "gadeplan.ui.radar", "PySide6.QtNetwork", "PySide6.QtDBus"),
        *("logging.handlers", "gadeplan.app.services.sync", "gadeplan.app.services.conflicts"),
    )
    code = (
        "import sys\n"
        "import gadeplan.app.cli, gadeplan.ui.app, gadeplan.ui.main_window\n"
        f"early = [m for m in {later!r} if m in sys.modules]\n"
        "assert not early, early\n"
        "import gadeplan.ui.workspace\n"
        f"early = [m for m in {after_unlock!r} if m in sys.modules]\n"
        "assert not early, early\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60, env=env)


_SMOKE = """
import gc
import sys

gc.disable()  # as the gadeplan command starts (gadeplan.app.entry)
from pathlib import Path

import keyring
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tests.support import FAST_KDF, PASSPHRASE, MemoryKeyring

keyring.set_keyring(MemoryKeyring())
from gadeplan.app.policy import Policy
from gadeplan.app.services.access import ProfileAccess
from gadeplan.ui import app
from gadeplan.ui.main_window import MainWindow

folder = Path(sys.argv[1])
ProfileAccess(folder, Policy(), kdf=FAST_KDF).create(PASSPHRASE).session.lock()
print("WORKSPACE BEFORE THE WINDOW", "gadeplan.ui.workspace" in sys.modules)


def rotating():
    import logging

    kinds = [type(h).__name__ for h in logging.getLogger("gadeplan").handlers]
    return "RotatingFileHandler" in kinds


def drive():
    # The gate has been painted: the workspace's modules came in meanwhile, before the unlock.
    print("WORKSPACE BEFORE THE UNLOCK", "gadeplan.ui.workspace" in sys.modules)
    print("ROTATING BEFORE THE UNLOCK", rotating(), "logging.handlers" in sys.modules)
    print("COLLECTING BEFORE THE UNLOCK", gc.isenabled())
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    window.gate.unlock.passphrase.setText(PASSPHRASE)
    window.gate.unlock.unlock()

    def check():
        if window.workspace is not None and window.workspace.today.view is not None:
            print("UNLOCKED", window.workspace.today.title.text())
            settled = [
                window.idle.listening,
                "gadeplan.ui.quick_log" in sys.modules,
                window.workspace.today.radar is not None,
                window.screen_lock is not None,
                rotating(),
                window.sync.active,
                gc.isenabled(),
            ]
            print("SETTLED", *settled)
            window.close()
        else:
            QTimer.singleShot(20, check)

    check()


qt = QApplication([sys.argv[0]])
QTimer.singleShot(100, drive)
QTimer.singleShot(30_000, qt.quit)  # never hang a test run
sys.exit(app.main(folder))
"""


def _program(script: str, folder: Path, qm_dir: Path) -> str:
    """Runs ``script`` (which starts the window on ``folder``) in a process of its own, with
    the real worker thread; returns what it printed."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GADEPLAN_TRANSLATIONS": str(qm_dir)}
    done = subprocess.run(
        [sys.executable, "-c", script, str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_real_program_starts_unlocks_and_quits(tmp_path: Path, qm_dir: Path) -> None:
    """The bootstrap with the real worker thread, as a user starts it (a smoke test)."""
    out = _program(_SMOKE, tmp_path / "profile", qm_dir)
    assert "UNLOCKED I dag," in out
    assert "WORKSPACE BEFORE THE WINDOW False" in out
    assert "WORKSPACE BEFORE THE UNLOCK True" in out
    assert "ROTATING BEFORE THE UNLOCK False False" in out
    assert "COLLECTING BEFORE THE UNLOCK False" in out
    # Once painted, the window listens for activity, has the quick log ready and the radar,
    # watches for the screen lock, rotates its log, has started the sync controller and has
    # the garbage collector on again.
    assert "SETTLED True True True True True True True" in out


_GATE_LEFT_OPEN = """
import gc
import sys
from pathlib import Path

import keyring
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tests.support import FAST_KDF, PASSPHRASE, MemoryKeyring

gc.disable()  # as the gadeplan command starts (gadeplan.app.entry)
keyring.set_keyring(MemoryKeyring())
from gadeplan.app.policy import Policy
from gadeplan.app.services.access import ProfileAccess
from gadeplan.ui import app

folder = Path(sys.argv[1])
ProfileAccess(folder, Policy(), kdf=FAST_KDF).create(PASSPHRASE).session.lock()
app.GC_BACK_AFTER_MS = 200
qt = QApplication([sys.argv[0]])
QTimer.singleShot(50, lambda: print("COLLECTING AT FIRST", gc.isenabled()))
QTimer.singleShot(400, lambda: (print("COLLECTING LATER", gc.isenabled()), qt.quit()))
sys.exit(app.main(folder))
"""


def test_a_gate_left_open_gets_the_collector_back(tmp_path: Path, qm_dir: Path) -> None:
    out = _program(_GATE_LEFT_OPEN, tmp_path / "profile", qm_dir)
    assert "COLLECTING AT FIRST False" in out
    assert "COLLECTING LATER True" in out


_SIGNALLED = """
import os
import signal
import sys
import time
from pathlib import Path

import keyring
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tests.support import FAST_KDF, PASSPHRASE, MemoryKeyring

keyring.set_keyring(MemoryKeyring())
from gadeplan.app.policy import Policy
from gadeplan.app.services.access import ProfileAccess
from gadeplan.ui import app
from gadeplan.ui.main_window import MainWindow

folder = Path(sys.argv[1])
ProfileAccess(folder, Policy(), kdf=FAST_KDF).create(PASSPHRASE).session.lock()
sent = []


def drive():
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    window.gate.unlock.passphrase.setText(PASSPHRASE)
    window.gate.unlock.unlock()

    def send():
        if window.workspace is None or not window.idle.listening:
            QTimer.singleShot(20, send)
            return
        sent.append(time.monotonic())
        os.kill(os.getpid(), signal.SIGTERM)  # and then nothing Python-side wakes the loop

    send()


qt = QApplication([sys.argv[0]])
QTimer.singleShot(100, drive)
QTimer.singleShot(30_000, qt.quit)  # never hang a test run
code = app.main(folder)
print("RETURNED", code, "AFTER", round(time.monotonic() - sent[0], 1))
"""


def test_sigterm_closes_the_window_as_its_close_button_does(tmp_path: Path, qm_dir: Path) -> None:
    """A log-off's SIGTERM (or Ctrl+C) closes the window, keeping a note being written, at
    once: before, the process ended on the spot."""
    out = _program(_SIGNALLED, tmp_path / "profile", qm_dir)
    assert "RETURNED 0 AFTER 0." in out


def test_pyside_does_not_read_the_source_of_the_programs_modules() -> None:
    # gadeplan.ui marks the program's modules for PySide6's __feature__ scan (4-8 ms of
    # each start); if a PySide6 release changes how the scan works, this says so.
    code = (
        "import sys\n"
        "import gadeplan.ui\n"
        "feature = sys.modules['PySide6.support.feature']\n"
        "scanned = []\n"
        "scan = feature._mod_uses_pyside\n"
        "def spy(module):\n"
        "    scanned.append(module.__name__)\n"
        "    return scan(module)\n"
        "feature._mod_uses_pyside = spy\n"
        "import gadeplan.ui.main_window, gadeplan.ui.workspace, gadeplan.ui.person\n"
        "selections = feature.pyside_feature_dict\n"
        "program = [m for m in sys.modules if m.startswith('gadeplan.')]\n"
        "assert len(program) > 40, program\n"
        "assert all(selections[m] == 0 for m in program), program\n"
        "assert not [m for m in scanned if m.startswith('gadeplan')], scanned\n"
        # 0 is the scan's own answer for a module that uses PySide6.
        "assert scan(sys.modules['gadeplan.ui.workspace'])\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == 0, done.stderr[-2000:]
