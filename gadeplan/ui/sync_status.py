"""Sync in the window: when it runs, what the status bar says, and the clock warning.

The controller decides *when*: shortly after unlocking, every few minutes while unlocked and
signed in, at once when the network comes back, on Ctrl+S, and never while locked. After a
failure it waits longer each time (1, 2, 4 ... minutes, at most 30), with some randomness, so a
team's laptops that lose the network together do not all knock at once when it returns.

The sync itself runs on the database worker (the store has one writer, and the engine reads and
writes it between requests). The window's engine tries a failed request only twice; the waiting
between attempts happens here, on a timer, so the worker is never held for long and a search
never waits behind a long series of retries. Errors come back as codes, never as exceptions,
so a network failure is not mistaken for a bug.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

import msgspec
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from gadeplan.app.policy import Policy
from gadeplan.app.services.session import Session
from gadeplan.ui import i18n
from gadeplan.ui.env import Env
from gadeplan.ui.messages import sync_error_text
from gadeplan.ui.tasks import Context
from gadeplan.ui.widgets import error_color, ok_color, warning_color

if TYPE_CHECKING:
    from PySide6.QtNetwork import QNetworkInformation

    from gadeplan.app.services.sync import (
        Registration,
        RejectedChange,
        SyncReport,
        SyncService,
        SyncStatus,
    )

# The sync service, its reports and the conflicts service are imported by the jobs that use
# them, on the worker: the first one runs once the unlocked window has painted
# (MainWindow._settle starts the controller), so none of it is waited for at the start.

log = logging.getLogger(__name__)

#: Requests per sync step in the window: one retry for a blip; longer outages wait on a timer.
WINDOW_ATTEMPTS = 2
#: Seconds to wait for the server's answer (connecting gives up after 10).
WINDOW_TIMEOUT_S = 20.0
#: The first wait after a failed sync, and the longest.
RETRY_FIRST_MS = 60_000
RETRY_MAX_MS = 30 * 60_000
#: After the network comes back, a moment for it to settle (DHCP, captive portals).
RECONNECT_DELAY_MS = 3_000
#: Codes that mean this computer could not reach the server at all.
OFFLINE_CODES = frozenset({"offline"})


def retry_delay_ms(failures: int, jitter: float) -> int:
    """How long to wait after ``failures`` failed syncs in a row. ``jitter`` in [0, 1) spreads
    the waits of many laptops by up to a fifth."""
    base = min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** max(0, failures - 1))
    return int(base * (0.9 + 0.2 * jitter))


class SyncSnapshot(msgspec.Struct, frozen=True):
    """What the status bar, the conflicts badge and Settings show; read on the worker."""

    status: SyncStatus
    conflicts: int
    rejected: tuple[RejectedChange, ...]


class SyncOutcome(msgspec.Struct, frozen=True):
    report: SyncReport | None
    #: A stable code (SyncError.code, ``no_address`` ...) when the sync failed.
    error: str | None = None
    wiped: bool = False
    snapshot: SyncSnapshot | None = None

    @property
    def pulled(self) -> bool:
        report = self.report
        return report is not None and bool(
            report.pulled or report.erased or report.removed or report.reset
        )


class SignInOutcome(msgspec.Struct, frozen=True):
    registration: Registration | None
    error: str | None = None


def default_sync_service(session: Session, policy: Policy) -> SyncService:
    from gadeplan.app.services.sync import SyncService

    return SyncService(session, policy, attempts=WINDOW_ATTEMPTS, timeout=WINDOW_TIMEOUT_S)


class _Engines:
    """The sync service of the open session, kept between syncs (it holds the short-lived
    access token and the connection pool). Touched only on the database worker."""

    def __init__(self, policy: Policy, factory: Callable[[Session, Policy], SyncService]) -> None:
        self.policy = policy
        self.factory = factory
        self._service: SyncService | None = None

    def get(self, ctx: Context) -> SyncService:
        session = ctx.require()
        if self._service is None or self._service.session is not session:
            self.close()
            self._service = self.factory(session, self.policy)
        return self._service

    def close(self) -> None:
        if self._service is not None:
            service, self._service = self._service, None
            service.close()


def _snapshot(ctx: Context, service: SyncService) -> SyncSnapshot:
    from gadeplan.app.services.conflicts import ConflictService

    status = service.status()
    rejected = tuple(service.rejected_changes()) if status.rejections else ()
    return SyncSnapshot(status, ctx.service(ConflictService).count(), rejected)


class SyncController(QObject):
    """The one place that starts syncs; owned by the main window, alive across locks."""

    #: The snapshot, the running state or the last outcome changed: repaint.
    changed = Signal()
    #: A sync brought records: every screen reloads.
    pulled = Signal()
    #: A sync only sent: counts of unsent work changed.
    sent = Signal()
    #: The backend revoked this laptop; its profile is gone.
    wiped = Signal()

    def __init__(self, env: Env, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.runner = env.runner
        self.policy = env.prefs.policy
        self._engines = _Engines(self.policy, env.sync_service or default_sync_service)
        self._rng = random.Random()  # noqa: S311 - spreading retries, not a secret
        self.active = False
        self.syncing = False
        self.failures = 0
        self.network_down = False
        self.snapshot: SyncSnapshot | None = None
        #: The last attempt's failure code in this session (None: it worked, or none yet).
        self.last_error: str | None = None
        self._scheduled = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._automatic)
        self.network: QObject | None = None
        self._network_watched = False

    # --- state -----------------------------------------------------------------------------------

    @property
    def registered(self) -> bool:
        return self.snapshot is not None and self.snapshot.status.registered

    @property
    def error_code(self) -> str | None:
        """This session's last failure, else what the store remembers from the last session."""
        if self.last_error is not None or self.snapshot is None:
            return self.last_error
        return self.snapshot.status.last_error

    @property
    def next_sync_ms(self) -> int | None:
        return self._timer.remainingTime() if self._timer.isActive() else None

    # --- life cycle ------------------------------------------------------------------------------

    def start(self, *, read: bool = True) -> None:
        """Unlocked: read the status; the first sync follows shortly if signed in. With
        ``read=False`` the controller takes commands (sign in, sync now) at once and the
        caller reads the status later (``refresh``): the window does once it has painted."""
        self.active = True
        self.failures = 0
        self.last_error = None
        self._scheduled = False
        if read:
            self.refresh()

    def stop(self) -> None:
        """Locking or closing: no more syncs, and the connection pool closes on the worker."""
        self.active = False
        self._timer.stop()
        self.snapshot = None
        self.syncing = False
        engines = self._engines

        def close(ctx: Context) -> None:
            engines.close()

        self.runner.submit(self, close, None, background=True)
        self.changed.emit()

    def refresh(self) -> None:
        """Re-read counts and errors (after a write, a resolution, a dismissal)."""
        if not self.active:
            return
        engines = self._engines

        def job(ctx: Context) -> SyncSnapshot:
            return _snapshot(ctx, engines.get(ctx))

        self.runner.submit(self, job, self._got_snapshot, background=True)

    def _got_snapshot(self, snapshot: SyncSnapshot | None, error: BaseException | None) -> None:
        if not self.active or snapshot is None:
            return
        self.snapshot = snapshot
        if snapshot.status.registered and not self._scheduled and not self.syncing:
            self._schedule(self.env.sync_first_delay_ms)
        self.changed.emit()

    def _schedule(self, delay_ms: int) -> None:
        self._scheduled = True
        self._timer.start(max(0, delay_ms))

    # --- syncing ---------------------------------------------------------------------------------

    def _automatic(self) -> None:
        if self.network_down:
            # Nothing to try until the operating system says the network is back.
            self._schedule(RETRY_MAX_MS)
            return
        self.sync_now(automatic=True)

    def sync_now(self, *, automatic: bool = False) -> bool:
        """Start a sync unless locked, not signed in, or one is running. True if started."""
        if not self.active or self.syncing or not self.registered:
            return False
        self.syncing = True
        self._timer.stop()
        self.changed.emit()
        engines = self._engines

        def job(ctx: Context) -> SyncOutcome:
            from gadeplan.app.services.sync import ProfileWiped, SyncError

            service = engines.get(ctx)
            try:
                report = service.sync_once()
            except ProfileWiped:
                engines.close()
                ctx.close()
                return SyncOutcome(None, "device_revoked", wiped=True)
            except SyncError as exc:
                return SyncOutcome(None, exc.code, snapshot=_snapshot(ctx, service))
            except ValueError:
                # No server address (a profile registered by hand, or damaged state).
                return SyncOutcome(None, "no_address", snapshot=_snapshot(ctx, service))
            if SyncOutcome(report).pulled:
                # Caches (the people directory) cannot know what the pull changed.
                ctx.invalidate()
            return SyncOutcome(report, None, snapshot=_snapshot(ctx, service))

        self.runner.submit(self, job, self._synced, background=automatic)
        return True

    def _synced(self, outcome: SyncOutcome | None, error: BaseException | None) -> None:
        self.syncing = False
        if outcome is None:
            # The store failed under it (locked, disk full) or a bug, which the runner reports
            # itself. Say that the sync did not finish, and try again later all the same.
            if self.active:
                self.last_error = "sync_error"
                self.failures += 1
                self._schedule(retry_delay_ms(self.failures, self._rng.random()))
            self.changed.emit()
            return
        if outcome.wiped:
            log.warning("sync: this laptop was revoked; its profile is gone")
            self.active = False
            self._timer.stop()
            self.snapshot = None
            self.wiped.emit()
            return
        if not self.active:
            return
        if outcome.snapshot is not None:
            self.snapshot = outcome.snapshot
        self.last_error = outcome.error
        if outcome.error is None:
            self.failures = 0
            self.network_down = False
            jitter = 0.9 + 0.2 * self._rng.random()
            self._schedule(int(self.env.sync_interval_ms * jitter))
        else:
            self.failures += 1
            log.info("sync failed: %s (%d in a row)", outcome.error, self.failures)
            self._schedule(retry_delay_ms(self.failures, self._rng.random()))
        self.changed.emit()
        if outcome.pulled:
            self.pulled.emit()
        elif outcome.report is not None and outcome.report.pushed:
            self.sent.emit()

    # --- signing in, dismissing -------------------------------------------------------------------

    def sign_in(
        self,
        owner: QObject,
        address: str,
        username: str,
        password: str,
        device_name: str,
        done: Callable[[SignInOutcome], None],
    ) -> None:
        """Register this laptop; the work done so far moves into the worker's team (the
        service does that), and a first sync follows at once."""
        engines = self._engines

        def job(ctx: Context) -> SignInOutcome:
            from gadeplan.app.services.sync import AddressError, SyncError, normalise_address

            service = engines.get(ctx)
            if service.is_registered():
                return SignInOutcome(None, "already_registered")
            try:
                url = normalise_address(address)
                return SignInOutcome(service.register(url, username, password, device_name))
            except AddressError as exc:
                return SignInOutcome(None, exc.code)
            except SyncError as exc:
                return SignInOutcome(None, exc.code)

        def finished(outcome: SignInOutcome | None, error: BaseException | None) -> None:
            # Bound to the controller, not the dialog: a dialog closed meanwhile must not keep
            # a successful sign-in from starting the first sync.
            result = outcome or SignInOutcome(None, "sync_error")
            if result.registration is not None:
                log.info("signed in to the backend")
                self.last_error = None
                self.failures = 0
                self._scheduled = True  # the sync below is the first one
                self.refresh()

                def first_sync(result: None, error: BaseException | None) -> None:
                    self.sync_now()

                # Queued behind the refresh, so the controller knows it is signed in by then.
                self.runner.submit(self, lambda ctx: None, first_sync)
            if shiboken6.isValid(owner):
                done(result)

        self.runner.submit(self, job, finished)

    def acknowledge_clock_warning(self) -> None:
        engines = self._engines

        def job(ctx: Context) -> None:
            engines.get(ctx).acknowledge_clock_warning()

        self.runner.submit(self, job, lambda r, e: self.refresh())

    def dismiss_rejection(self, mutation_id: int, done: Callable[[], None] | None = None) -> None:
        engines = self._engines

        def job(ctx: Context) -> None:
            engines.get(ctx).dismiss_rejection(mutation_id)

        def finished(result: object, error: BaseException | None) -> None:
            self.refresh()
            if done is not None:
                done()

        self.runner.submit(self, job, finished)

    # --- the network -----------------------------------------------------------------------------

    def watch_network(self) -> None:
        """Reachability from the operating system where Qt has a backend for it (NetworkManager,
        GLib, Windows, macOS); without one, the retry timer alone finds the network again.

        Called once the unlocked window has painted (nothing syncs before the first unlock):
        loading Qt's network module and its backend takes about 10 ms, which the worker
        should not wait for to see Today. Later calls do nothing."""
        if not self.env.watch_network or self._network_watched:
            return
        self._network_watched = True
        from PySide6.QtNetwork import QNetworkInformation

        feature = QNetworkInformation.Feature.Reachability
        if not QNetworkInformation.loadBackendByFeatures(feature):
            log.info("no network reachability backend; retrying on a timer")
            return
        info = QNetworkInformation.instance()
        if info is None:
            return
        self.network = info
        self.network_down = info.reachability() == QNetworkInformation.Reachability.Disconnected
        # A method of this QObject, so Qt drops the connection when the controller goes.
        info.reachabilityChanged.connect(self._reachability_changed)

    def _reachability_changed(self, reachability: QNetworkInformation.Reachability) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        reachable = QNetworkInformation.Reachability
        self.set_reachable(reachability in (reachable.Online, reachable.Site, reachable.Local))

    def set_reachable(self, reachable: bool) -> None:
        """The operating system says the network went away or came back."""
        if not reachable:
            self.network_down = True
            self.changed.emit()
            return
        was_down, self.network_down = self.network_down, False
        if was_down or (self.error_code in OFFLINE_CODES):
            self.failures = 0
            if self.active and self.registered and not self.syncing:
                self._schedule(RECONNECT_DELAY_MS)
            self.changed.emit()


# --- what the status bar shows ----------------------------------------------------------------


def when_text(moment: datetime, today: date) -> str:
    """ "today 10:42", "yesterday 16:10", or the date and time, in local time."""
    local = moment.astimezone()
    clock = f"{local:%H:%M}"
    if local.date() == today:
        return QCoreApplication.translate("SyncStatusBar", "today at {time}").format(time=clock)
    if local.date() == today - timedelta(days=1):
        return QCoreApplication.translate("SyncStatusBar", "yesterday at {time}").format(time=clock)
    return i18n.fmt_datetime(moment)


class SyncStatusBar(QWidget):
    """Online or offline, what waits to be sent and since when, the last successful sync, the
    last error, the conflicts badge, and the button to sync now (or to sign in)."""

    open_conflicts = Signal()
    sign_in = Signal()

    def __init__(self, env: Env, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.controller = controller
        #: The wall clock: the store stamps unsent changes and syncs with it (tests move it).
        self.now: Callable[[], datetime] = lambda: datetime.now(UTC)
        self.setObjectName("SyncStatusBar")
        self.state = QLabel()
        self.detail = QLabel()
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.conflicts = QPushButton()
        self.conflicts.setFlat(True)
        self.conflicts.setCursor(Qt.CursorShape.PointingHandCursor)
        self.conflicts.clicked.connect(self.open_conflicts)
        self.button = QPushButton()
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self._clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(10)
        self.button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        # The error takes the room that is left and is cut short rather than widening the
        # window; the whole sentence is in its tooltip.
        self.error.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.state)
        layout.addWidget(self.detail)
        layout.addWidget(self.error, 1)
        layout.addWidget(self.conflicts)
        layout.addWidget(self.button)
        controller.changed.connect(self.update_view)
        self.update_view()

    def _clicked(self) -> None:
        if self.controller.registered:
            self.controller.sync_now()
        else:
            self.sign_in.emit()

    @staticmethod
    def _paint(widget: QWidget, color: QColor | None) -> None:
        palette = QApplication.palette(widget)
        if color is not None:
            palette.setColor(QPalette.ColorRole.WindowText, color)
            palette.setColor(QPalette.ColorRole.ButtonText, color)
        widget.setPalette(palette)

    def update_view(self) -> None:
        """Every text is made here, so a language switch needs only a call to this."""
        c = self.controller
        snapshot = c.snapshot
        self.setVisible(c.active and snapshot is not None)
        if snapshot is None:
            return
        status = snapshot.status
        now = self.now()
        code = c.error_code
        if not status.registered:
            state, color = self.tr("Not signed in"), warning_color(self)
        elif c.syncing:
            state, color = self.tr("Syncing…"), None
        elif c.network_down or code in OFFLINE_CODES:
            state, color = self.tr("Offline"), warning_color(self)
        elif code is not None:
            state, color = self.tr("Sync failed"), error_color(self)
        elif status.last_success:
            state, color = self.tr("Online"), ok_color(self)
        else:
            state, color = self.tr("Not synced yet"), None
        self.state.setText(f"● {state}" if color is not None else state)
        self._paint(self.state, color)
        self.state.setAccessibleName(state)

        parts = []
        if status.unsent_changes:
            waiting = self.tr("%n changes waiting", "", status.unsent_changes)
            age = status.oldest_unsent_age_seconds(now)
            if age is not None and age >= 60:
                waiting += " " + self.tr("(the oldest is {age} old)").format(
                    age=i18n.age_text(timedelta(seconds=age))
                )
            parts.append(waiting)
        elif status.registered:
            parts.append(self.tr("Everything is sent"))
        else:
            parts.append(self.tr("Work is saved on this computer only"))
        if status.last_success:
            moment = datetime.fromisoformat(status.last_success)
            today = now.astimezone().date()
            parts.append(self.tr("last synced {when}").format(when=when_text(moment, today)))
        detail = i18n.join(parts)
        self.detail.setText(detail)
        self.detail.setAccessibleName(detail)

        message = ""
        if status.registered and code is not None and not c.syncing:
            message = sync_error_text(code)
        elif status.registered and c.network_down and not c.syncing:
            message = self.tr("This computer has no network. Gadeplan syncs when it is back.")
        self.error.setText(message)
        self.error.setToolTip(message)
        self.error.setAccessibleName(message)
        self._paint(self.error, warning_color(self) if code in OFFLINE_CODES else error_color(self))

        badge = []
        if snapshot.conflicts:
            badge.append(self.tr("%n conflicts", "", snapshot.conflicts))
        if snapshot.rejected:
            badge.append(self.tr("%n refused changes", "", len(snapshot.rejected)))
        self.conflicts.setText(i18n.join(badge, ", "))
        self.conflicts.setAccessibleName(i18n.join(badge, ", "))
        self.conflicts.setToolTip(self.tr("Show them (Ctrl+4)"))
        self._paint(self.conflicts, warning_color(self) if badge else None)
        self.conflicts.setVisible(bool(badge))

        if status.registered:
            self.button.setText(self.tr("Sync now"))
            self.button.setToolTip(
                QKeySequence("Ctrl+S").toString(QKeySequence.SequenceFormat.NativeText)
            )
            self.button.setEnabled(not c.syncing)
        else:
            self.button.setText(self.tr("Sign in…"))
            self.button.setToolTip("")
            self.button.setEnabled(True)


class ClockWarning(QFrame):
    """The server found this computer's clock far ahead: edits may be ordered wrongly until
    it is corrected. Shown until the worker says they have seen it."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton()
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self._dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        controller.changed.connect(self.update_view)
        self.update_view()

    def update_view(self) -> None:
        snapshot = self.controller.snapshot
        show = self.controller.active and snapshot is not None and snapshot.status.clock_skew
        text = self.tr(
            "The computer's clock is wrong (it is ahead of the server's). Your work is saved, "
            "but ask IT to set the clock right, so that changes are put in the right order."
        )
        self.label.setText(text)
        self.setAccessibleName(text)
        palette = self.label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, warning_color(self))
        self.label.setPalette(palette)
        self.button.setText(self.tr("&Understood"))
        self.setVisible(show)

    def _dismiss(self) -> None:
        self.controller.acknowledge_clock_warning()
