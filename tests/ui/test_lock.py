"""Lock means locked: idle time, Ctrl+L, the OS screen lock, and the clipboard."""

from __future__ import annotations

import shutil
import signal
import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gadeplan.app.domain.housing import HousingCategory
from gadeplan.app.services import drafts
from gadeplan.app.services.access import ProfileAccess
from gadeplan.ui.env import Env
from gadeplan.ui.lock import ScreenLockWatcher, SensitiveClipboard
from gadeplan.ui.main_window import MainWindow
from gadeplan.ui.tasks import SyncRunner
from tests.support import PASSPHRASE
from tests.ui.helpers import FakeSeconds, SeedIds, press, type_text, unlock


def _store_is_closed(env: Env, access: ProfileAccess) -> bool:
    assert isinstance(env.runner, SyncRunner)
    if env.runner.context.session is not None:
        return False
    # The file lock is released too: another program could open the profile now.
    access.open(PASSPHRASE).lock()
    return True


def test_idle_time_locks_and_closes_the_store(
    qtbot: QtBot, unlocked: MainWindow, env: Env, idle_clock: FakeSeconds, access: ProfileAccess
) -> None:
    assert env.prefs.idle_lock_minutes == 5
    idle_clock.advance(4 * 60 + 59)
    unlocked.idle.check()
    assert unlocked.unlocked
    idle_clock.advance(1)
    qtbot.waitUntil(lambda: not unlocked.unlocked, timeout=2000)  # the poll timer fires
    assert unlocked.gate.currentWidget() is unlocked.gate.unlock
    assert "5 minutter" in unlocked.gate.unlock.message.text
    assert _store_is_closed(env, access)


def test_a_quick_log_being_written_survives_the_idle_lock(
    qtbot: QtBot,
    unlocked: MainWindow,
    env: Env,
    idle_clock: FakeSeconds,
    access: ProfileAccess,
    profile: SeedIds,
) -> None:
    """Called away mid-note: the lock closes the dialog, but the note is offered again after
    unlocking, for the same person, with the time it was written; it is offered once."""
    assert unlocked.workspace is not None
    dialog = unlocked.workspace.quick_log()
    type_text(dialog.search, "bam")
    press(dialog.search, Qt.Key.Key_Return)
    written_at = dialog.when.dateTime().addSecs(-20 * 60)
    dialog.when.setDateTime(written_at)
    dialog.situation.set_value(HousingCategory.NIGHT_SHELTER)
    type_text(dialog.note, "Vil gerne have hjælp til")
    idle_clock.advance(5 * 60)
    unlocked.idle.check()
    qtbot.waitUntil(lambda: not unlocked.unlocked, timeout=2000)
    assert not dialog.isVisible()
    assert _store_is_closed(env, access)

    unlock(qtbot, unlocked)
    assert unlocked.workspace is not None
    restored = unlocked.workspace.quick_log_dialog
    assert restored is not None
    assert restored is not dialog
    qtbot.waitUntil(lambda: restored.note.toPlainText() != "", timeout=2000)
    assert restored.note.toPlainText() == "Vil gerne have hjælp til"
    assert restored.choice is not None
    assert restored.choice.hit is not None
    assert restored.choice.hit.id == profile.bamse
    assert restored.situation.value() is HousingCategory.NIGHT_SHELTER  # not the known one
    assert restored.when.dateTime() == written_at
    assert "låste" in restored.message.text
    restored.reject()
    unlocked.lock()
    unlock(qtbot, unlocked)
    assert unlocked.workspace is not None
    assert unlocked.workspace.quick_log_dialog is None  # offered once


def test_a_quick_log_being_written_survives_closing_the_window(
    qtbot: QtBot, unlocked: MainWindow, access: ProfileAccess
) -> None:
    assert unlocked.workspace is not None
    dialog = unlocked.workspace.quick_log()
    type_text(dialog.search, "bam")
    press(dialog.search, Qt.Key.Key_Return)
    type_text(dialog.note, "Skal ringe til jobcentret")
    unlocked.close()
    session = access.open(PASSPHRASE)
    try:
        kept = drafts.take(session, drafts.QUICK_LOG)
    finally:
        session.lock()
    assert kept is not None
    assert kept["note"] == "Skal ringe til jobcentret"


def test_a_draft_without_a_chosen_person_searches_again(qtbot: QtBot, unlocked: MainWindow) -> None:
    assert unlocked.workspace is not None
    dialog = unlocked.workspace.quick_log()
    type_text(dialog.search, "bam")
    dialog.note.setPlainText("Skriv navnet bagefter")
    unlocked.lock()
    unlock(qtbot, unlocked)
    assert unlocked.workspace is not None
    restored = unlocked.workspace.quick_log_dialog
    assert restored is not None

    def suggestions() -> list[str]:
        return [restored.results.item(i).text() for i in range(restored.results.count())]

    qtbot.waitUntil(lambda: any("Bamse" in s for s in suggestions()), timeout=2000)
    assert restored.search.text() == "bam"
    assert restored.choice is None
    assert restored.note.toPlainText() == "Skriv navnet bagefter"


def test_an_empty_quick_log_leaves_nothing_at_the_lock(
    qtbot: QtBot, unlocked: MainWindow, env: Env
) -> None:
    assert unlocked.workspace is not None
    unlocked.workspace.quick_log()
    unlocked.lock()
    unlock(qtbot, unlocked)
    assert unlocked.workspace is not None
    assert unlocked.workspace.quick_log_dialog is None


def test_activity_postpones_the_idle_lock(
    qtbot: QtBot, unlocked: MainWindow, idle_clock: FakeSeconds
) -> None:
    idle_clock.advance(4 * 60)
    press(unlocked, Qt.Key.Key_Shift)
    idle_clock.advance(4 * 60)
    unlocked.idle.check()
    assert unlocked.unlocked
    idle_clock.advance(60)
    unlocked.idle.check()
    assert not unlocked.unlocked


def test_the_idle_watcher_listens_only_while_unlocked(
    qtbot: QtBot, unlocked: MainWindow, idle_clock: FakeSeconds
) -> None:
    """Locked, there is nothing to lock: the application's events do not reach the watcher
    (an application-wide Python filter costs a call per event, see IdleWatcher)."""
    unlocked.lock()
    before = unlocked.idle._last
    idle_clock.advance(60)
    press(unlocked.gate.unlock.passphrase, Qt.Key.Key_Shift)
    assert unlocked.idle._last == before
    unlock(qtbot, unlocked)
    idle_clock.advance(60)
    press(unlocked, Qt.Key.Key_Shift)
    assert unlocked.idle._last == idle_clock()


def test_the_idle_watcher_counts_from_the_unlock_and_listens_once_painted(
    qtbot: QtBot, unlocked: MainWindow, idle_clock: FakeSeconds
) -> None:
    """Until the unlocked window has painted, the watcher counts without listening (the first
    object PySide6 does not know costs a search the paint need not wait for, see
    IdleWatcher): the time can only run out sooner then, never later."""
    unlocked.lock()
    page = unlocked.gate.unlock
    type_text(page.passphrase, PASSPHRASE)
    press(page.passphrase, Qt.Key.Key_Return)
    assert unlocked.unlocked
    assert unlocked.idle.active
    assert not unlocked.idle.listening
    idle_clock.advance(60)
    unlocked.idle.check()
    assert unlocked.unlocked  # counted from the unlock
    qtbot.waitUntil(lambda: unlocked.idle.listening)
    idle_clock.advance(4 * 60)
    press(unlocked, Qt.Key.Key_Shift)
    idle_clock.advance(60)
    unlocked.idle.check()
    assert unlocked.unlocked  # the key press counted


def test_ctrl_l_locks_and_forgets_every_screen(
    qtbot: QtBot, unlocked: MainWindow, env: Env, access: ProfileAccess
) -> None:
    workspace = unlocked.workspace
    assert workspace is not None
    press(unlocked, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not unlocked.unlocked
    assert unlocked.stack.indexOf(workspace) == -1
    with qtbot.waitSignal(workspace.destroyed, timeout=1000):
        pass
    assert _store_is_closed(env, access)
    assert not unlocked.quick_log_action.isEnabled()
    unlock(qtbot, unlocked)  # and back in with the passphrase


def test_a_lock_signal_from_the_os_locks(qtbot: QtBot, unlocked: MainWindow) -> None:
    watcher = ScreenLockWatcher(unlocked, listen=False)
    watcher.screen_locked.connect(unlocked._screen_lock)
    watcher.on_screensaver_active(False)
    assert unlocked.unlocked
    watcher.on_screensaver_active(True)
    assert not unlocked.unlocked
    assert "skærmen blev låst" in unlocked.gate.unlock.message.text


@pytest.fixture
def session_bus() -> Iterator[str]:
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("needs dbus-daemon")
    proc = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    address = proc.stdout.readline().strip()
    yield address
    proc.send_signal(signal.SIGTERM)
    proc.wait(5)
    proc.stdout.close()


def test_the_freedesktop_screensaver_signal_reaches_the_watcher(
    qtbot: QtBot, session_bus: str
) -> None:
    from PySide6.QtDBus import QDBusConnection, QDBusMessage

    bus = QDBusConnection.connectToBus(session_bus, "gadeplan-test")
    listening = QDBusConnection.connectToBus(session_bus, "gadeplan-watch")
    assert bus.isConnected()
    assert listening.isConnected()
    watcher = ScreenLockWatcher(session_bus=listening, system_bus=listening)
    assert any("org.freedesktop.ScreenSaver" in s for s in watcher.sources)
    message = QDBusMessage.createSignal(
        "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged"
    )
    message.setArguments([True])
    with qtbot.waitSignal(watcher.screen_locked, timeout=3000):
        assert bus.send(message)
    QDBusConnection.disconnectFromBus("gadeplan-test")
    QDBusConnection.disconnectFromBus("gadeplan-watch")


def test_the_clipboard_forgets_a_copied_secret(qtbot: QtBot) -> None:
    clipboard = SensitiveClipboard(clear_after_ms=50)
    assert SensitiveClipboard().clear_after_ms == 30_000
    clipboard.copy("120590-1234")
    assert QGuiApplication.clipboard().text() == "120590-1234"
    with qtbot.waitSignal(clipboard.cleared, timeout=1000):
        pass
    assert QGuiApplication.clipboard().text() == ""


def test_the_clipboard_leaves_what_the_worker_copied_since(qtbot: QtBot) -> None:
    clipboard = SensitiveClipboard(clear_after_ms=50)
    clipboard.copy("120590-1234")
    QApplication.clipboard().setText("noget andet")
    with qtbot.waitSignal(clipboard.cleared, timeout=1000):
        pass
    assert QGuiApplication.clipboard().text() == "noget andet"


def test_locking_clears_a_copied_secret_at_once(qtbot: QtBot, unlocked: MainWindow) -> None:
    unlocked.clipboard.copy("120590-1234")
    unlocked.lock()
    assert QGuiApplication.clipboard().text() == ""
