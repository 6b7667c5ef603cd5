"""The one window: the gate while locked, the workspace while open.

Locking destroys the workspace (every model, list and open dialog that showed personal data)
and closes the store on the worker thread; unlocking builds a fresh one. The window title never
changes, so nothing personal reaches the task bar or a screen share's window picker.

The workspace's modules (Today, the radar, quick log and what they import) are not imported
before the window shows: the gate needs none of them. They are imported once the gate has been
painted, while the passphrase is typed and the key is derived on the worker thread, so
the window appears sooner and unlocking waits for nothing more (bench/ui.py).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QStackedWidget, QWidget

from gadeplan.app import logs
from gadeplan.app.services import drafts
from gadeplan.ui.env import Env
from gadeplan.ui.gate import Gate
from gadeplan.ui.lock import IdleWatcher, ScreenLockWatcher, SensitiveClipboard
from gadeplan.ui.messages import error_text
from gadeplan.ui.sync_status import ClockWarning, SyncController, SyncStatusBar
from gadeplan.ui.tasks import ChangeSet, Context
from gadeplan.ui.widgets import MessageBar, vbox

if TYPE_CHECKING:
    from gadeplan.ui.workspace import Workspace

log = logging.getLogger(__name__)

WINDOW_TITLE = "Gadeplan"


def _workspace() -> type[Workspace]:
    from gadeplan.ui.workspace import Workspace

    return Workspace


class _AfterFirstPaint(QObject):
    """Calls back once, from the event loop, after the watched widget's first paint, or after
    ``at_latest_ms`` (where given) if it has not painted by then. Gone with the widget."""

    def __init__(
        self, widget: QWidget, callback: Callable[[], object], at_latest_ms: int | None = None
    ) -> None:
        super().__init__(widget)
        self.callback = callback
        self._due = True
        widget.installEventFilter(self)
        if at_latest_ms is not None:
            QTimer.singleShot(at_latest_ms, self, self._call)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._call)
        return False

    def _call(self) -> None:
        if self._due:
            self._due = False
            self.callback()


class MainWindow(QMainWindow):
    def __init__(self, env: Env) -> None:
        super().__init__()
        self.env = env
        self.runner = env.runner
        self.setWindowTitle(WINDOW_TITLE)
        self.setObjectName("MainWindow")
        self.workspace: Workspace | None = None
        #: Made while the worker derives the key (_prepare_workspace), taken when it opens.
        self._prepared: Workspace | None = None
        self.clipboard = SensitiveClipboard(env.clipboard_clear_ms, self)
        self.idle = IdleWatcher(
            env.prefs.idle_lock_minutes, env.idle_clock, env.idle_poll_ms, parent=self
        )
        self.idle.idle.connect(self._idle_lock)
        #: Made once the unlocked window has painted (``_settle``): a locked window needs no
        #: watcher, and connecting to the session and system buses is a wait at every start.
        self.screen_lock: ScreenLockWatcher | None = None

        self.sync = SyncController(env, self)
        self.sync.changed.connect(self._sync_changed)
        self.sync.pulled.connect(lambda: self.runner.data_changed.emit(ChangeSet.all()))
        self.sync.sent.connect(self._sync_sent)
        self.sync.wiped.connect(self._wiped)
        self.runner.data_changed.connect(lambda changes: self.sync.refresh())

        self.message = MessageBar()
        self.clock_warning = ClockWarning(self.sync)
        self.gate = Gate(env.access, self.runner)
        self.gate.opened.connect(self._opened)
        self.gate.unlocking.connect(self._prepare_workspace)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.gate)
        central = QWidget()
        central.setLayout(vbox(self.message, self.clock_warning, self.stack, margins=0, spacing=0))
        self.setCentralWidget(central)

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.setAccessibleName(self.tr("Working"))
        self.busy_label = QLabel()
        self.sync_bar = SyncStatusBar(env, self.sync)
        self.sync_bar.open_conflicts.connect(self.show_conflicts)
        self.sync_bar.sign_in.connect(self.open_sign_in)
        self.statusBar().addWidget(self.sync_bar, 1)
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.busy)
        self._set_busy(False)
        self.runner.busy_changed.connect(self._set_busy)
        self.runner.failed.connect(self._failed)

        self._build_actions()
        self._build_menus()
        geometry = env.prefs.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 780)
        self._set_unlocked(False)
        self.gate.start()
        _AfterFirstPaint(self.gate, _workspace)

    # --- actions and menus -------------------------------------------------------------------

    def _build_actions(self) -> None:
        def action(
            text: str,
            shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
            slot: Callable[[], object],
        ) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
                # Reachable from every screen and dialog of the program.
                act.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.quick_log_action = action(self.tr("&Quick log…"), "Ctrl+N", self.quick_log)
        self.lock_action = action(self.tr("&Lock"), "Ctrl+L", lambda: self.lock())
        self.settings_action = action(
            self.tr("&Settings…"), QKeySequence.StandardKey.Preferences, self.open_settings
        )
        if self.settings_action.shortcut().isEmpty():
            self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.quit_action = action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.today_action = action(self.tr("&Today"), "Ctrl+1", lambda: self._show_tab(0))
        self.people_action = action(self.tr("&People"), "Ctrl+2", lambda: self._show_tab(1))
        self.round_action = action(self.tr("Street &round"), "Ctrl+3", lambda: self._show_tab(2))
        self.conflicts_action = action(self.tr("&Conflicts"), "Ctrl+4", self.show_conflicts)
        self.radar_action = action(
            self.tr("R&adar"), "Ctrl+5", lambda: self._show_tab(_workspace().RADAR)
        )
        self.overview_action = action(
            self.tr("&Overview"), "Ctrl+6", lambda: self._show_tab(_workspace().OVERVIEW)
        )
        self.reports_action = action(
            self.tr("R&eports"), "Ctrl+7", lambda: self._show_tab(_workspace().REPORTS)
        )
        self.sync_now_action = action(self.tr("&Sync now"), "Ctrl+S", self.sync_now)
        self.sign_in_action = action(self.tr("Sign &in to the server…"), None, self.open_sign_in)
        self.find_action = action(
            self.tr("&Find person"), QKeySequence.StandardKey.Find, self.find_person
        )
        self.about_action = action(self.tr("&About Gadeplan"), None, self.open_about)
        self._unlocked_actions = (
            self.quick_log_action,
            self.lock_action,
            self.today_action,
            self.people_action,
            self.round_action,
            self.find_action,
            self.conflicts_action,
            self.radar_action,
            self.overview_action,
            self.reports_action,
            self.sync_now_action,
            self.sign_in_action,
        )

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.quick_log_action)
        file_menu.addAction(self.find_action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.today_action)
        view_menu.addAction(self.people_action)
        view_menu.addAction(self.round_action)
        view_menu.addAction(self.conflicts_action)
        view_menu.addAction(self.radar_action)
        view_menu.addAction(self.overview_action)
        view_menu.addAction(self.reports_action)
        sync_menu = bar.addMenu(self.tr("&Sync"))
        sync_menu.addAction(self.sync_now_action)
        sync_menu.addAction(self.sign_in_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    # --- locked and unlocked -------------------------------------------------------------------

    @property
    def unlocked(self) -> bool:
        return self.workspace is not None

    def _set_unlocked(self, unlocked: bool) -> None:
        for act in self._unlocked_actions:
            act.setEnabled(unlocked)

    @Slot()
    def _prepare_workspace(self) -> None:
        """While the worker derives the key (the KDF leaves this thread free): the workspace's
        widgets, which show nothing until the store is open and their jobs have run. A wrong
        passphrase leaves it for the next try."""
        if self._prepared is None and self.workspace is None:
            self._prepared = _workspace()(self.env, self.clipboard, self.sync)

    @Slot(str)
    def _opened(self, notice: str) -> None:
        self.message.clear()
        prepared, self._prepared = self._prepared, None
        self.workspace = prepared or _workspace()(self.env, self.clipboard, self.sync)
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self._set_unlocked(True)
        self.idle.set_minutes(self.env.prefs.idle_lock_minutes)
        self.idle.start(listen=False)  # counts from now, listens from the first paint on
        if notice:
            self.message.show_info(notice)
        log.info("unlocked")
        self.workspace.start()
        self._offer_draft()
        self.sync.start(read=False)  # takes commands now; reads the status once painted
        _AfterFirstPaint(self.workspace, self._settle, at_latest_ms=1000)

    def _settle(self) -> None:
        """After the unlocked window's first paint (at the latest a second after unlocking):
        what its first screen does not need, so that the worker sees Today sooner. The sync
        status follows Today's lists into the status bar a moment later."""
        if self.workspace is None:  # locked meanwhile
            return
        self.idle.listen()
        gc.enable()  # off since the program started (app/entry.py)
        logs.rotate()
        self._watch_screen_lock()
        self.sync.refresh()  # the first status read imports the sync service, on the worker
        self.sync.watch_network()
        self.workspace.settle()

    def _watch_screen_lock(self) -> None:
        if not self.env.watch_screen_lock:
            return
        if self.screen_lock is None:
            self.screen_lock = ScreenLockWatcher(self)
            self.screen_lock.screen_locked.connect(self._screen_lock)
        self.screen_lock.register_window(int(self.winId()))

    def _keep_draft(self, workspace: Workspace) -> None:
        """A quick log being written goes into the store before it closes (the same queue)."""
        dialog = workspace.quick_log_dialog
        draft = dialog.draft() if dialog is not None and dialog.isVisible() else None
        if draft is None:
            return

        def keep(ctx: Context) -> None:
            drafts.keep(ctx.require(), drafts.QUICK_LOG, draft)

        self.runner.submit(self, keep, None)

    def _offer_draft(self) -> None:
        def take(ctx: Context) -> dict[str, object] | None:
            return drafts.take(ctx.require(), drafts.QUICK_LOG)

        def done(draft: dict[str, object] | None, error: BaseException | None) -> None:
            if draft is not None and self.workspace is not None:
                self.workspace.quick_log().restore(draft)

        self.runner.submit(self, take, done)

    def lock(self, notice: str = "", reason: str = "request") -> None:
        """Hide everything, forget every screen, close the store. Idempotent."""
        if self.workspace is not None:
            log.info("locked: %s", reason)
        self.idle.stop()
        self.clipboard.clear()
        self.sync.stop()
        workspace, self.workspace = self.workspace, None
        self._set_unlocked(False)
        if workspace is not None:
            self._keep_draft(workspace)
            workspace.close_dialogs()
            self.stack.removeWidget(workspace)
            workspace.hide()
            workspace.deleteLater()
        self.message.clear()
        self.stack.setCurrentWidget(self.gate)

        def close(ctx: Context) -> None:
            ctx.close()

        self.runner.submit(self, close, None)
        self.gate.show_unlock(notice)

    def _idle_lock(self) -> None:
        if self.unlocked:
            minutes = round(self.idle.minutes)
            self.lock(
                self.tr("Locked after %n minutes without use. Your work is saved.", "", minutes),
                reason="idle",
            )

    def _screen_lock(self) -> None:
        if self.unlocked:
            self.lock(
                self.tr("Locked because the screen was locked. Your work is saved."),
                reason="screen_lock",
            )

    # --- commands ------------------------------------------------------------------------------

    def quick_log(self) -> None:
        if self.workspace is not None:
            self.workspace.quick_log()

    def find_person(self) -> None:
        if self.workspace is not None:
            self.workspace.find_person()

    def show_conflicts(self) -> None:
        self._show_tab(_workspace().CONFLICTS)

    def sync_now(self) -> None:
        if self.workspace is None:
            return
        if self.sync.registered:
            self.sync.sync_now()
        elif self.sync.snapshot is not None:  # known not to be signed in (not just unread)
            self.open_sign_in()

    def open_sign_in(self) -> None:
        from gadeplan.ui.sign_in import SignInDialog

        if self.workspace is None:
            return
        dialog = SignInDialog(self.env, self.sync, self.workspace)
        dialog.open()
        self.sign_in_dialog = dialog

    def _show_tab(self, index: int) -> None:
        if self.workspace is not None:
            self.workspace.show_tab(index)

    def open_settings(self) -> None:
        from gadeplan.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.env, self, unlocked=self.unlocked, sync=self.sync)
        dialog.language_changed.connect(self.retranslate)
        dialog.sign_in.connect(self.open_sign_in)
        dialog.idle_changed.connect(self.idle.set_minutes)
        dialog.open()
        self.settings_dialog = dialog

    def open_about(self) -> None:
        from gadeplan.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.env, self, unlocked=self.unlocked, about=True, sync=self.sync)
        dialog.language_changed.connect(self.retranslate)
        dialog.sign_in.connect(self.open_sign_in)
        dialog.idle_changed.connect(self.idle.set_minutes)
        dialog.open()
        self.settings_dialog = dialog

    def retranslate(self) -> None:
        """After a language switch: rebuild menus and screens in the new language (the data
        is reloaded from the store; nothing typed in an open dialog is lost, as the settings
        dialog is the only one open)."""
        self.menuBar().clear()
        for act in self.actions():
            self.removeAction(act)
            act.deleteLater()
        self._build_actions()
        self._build_menus()
        self._set_unlocked(self.unlocked)
        self.busy.setAccessibleName(self.tr("Working"))
        self.sync_bar.update_view()
        self.clock_warning.update_view()
        showing_key = self.gate.showing_recovery_key
        if not showing_key:
            # The recovery key page is left as it is: rebuilding it would lose the key, which
            # is shown only once.
            first_run = self.gate.showing_first_run
            self.stack.removeWidget(self.gate)
            self.gate.deleteLater()
            self.gate = Gate(self.env.access, self.runner)
            self.gate.opened.connect(self._opened)
            self.gate.unlocking.connect(self._prepare_workspace)
            self.stack.insertWidget(0, self.gate)
        if self._prepared is not None:  # made in the old language
            self._prepared.deleteLater()
            self._prepared = None
        if self.workspace is not None:
            tab = self.workspace.tabs.currentIndex()
            person = self.workspace.current_person_id
            old = self.workspace
            self.workspace = _workspace()(self.env, self.clipboard, self.sync)
            self.stack.addWidget(self.workspace)
            self.stack.setCurrentWidget(self.workspace)
            old.close_dialogs()
            self.stack.removeWidget(old)
            old.deleteLater()
            self.workspace.start()
            self.workspace.settle()  # the window shows already: nothing to wait for
            self._sync_changed()
            if person is not None:
                self.workspace.open_person(person)
            elif tab != _workspace().PERSON:
                self.workspace.show_tab(tab)
        elif not showing_key:
            self.stack.setCurrentWidget(self.gate)
            if first_run:
                self.gate.show_first_run()
            else:
                self.gate.start()

    # --- status ----------------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.busy_label.setText(self.tr("Working…") if busy else "")
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        elif QGuiApplication.overrideCursor() is not None:
            QGuiApplication.restoreOverrideCursor()

    def _failed(self, error: BaseException) -> None:
        self.message.show_error(error_text(error))

    # --- sync -------------------------------------------------------------------------------------

    def _sync_changed(self) -> None:
        snapshot = self.sync.snapshot
        if self.workspace is not None and snapshot is not None:
            self.workspace.set_open_items(snapshot.conflicts, len(snapshot.rejected))

    def _sync_sent(self) -> None:
        if self.workspace is not None:
            self.workspace.sent()

    def _wiped(self) -> None:
        """The municipality revoked this laptop: its store and keys are already deleted. Close
        every screen and start over with a new profile, saying why."""
        self.lock(reason="revoked")
        self.gate.start()
        self.message.show_error(
            self.tr(
                "The municipality has revoked this computer at the server, so Gadeplan deleted "
                "its data and keys on it, as the rules require. The data on the server is safe. "
                "Ask IT to sign you in again; you can make a new profile below."
            )
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.env.prefs.set_geometry(self.saveGeometry())
        self.idle.stop()
        self.clipboard.clear()
        self.sync.stop()
        if self.workspace is not None:
            # Closed mid-note (the worker, a log-off, an installer closing the program): the
            # note is offered again at the next unlock, as after a lock.
            self._keep_draft(self.workspace)
            self.workspace.close_dialogs()
        self.runner.shutdown()
        event.accept()
