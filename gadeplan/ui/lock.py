"""Lock means locked: idle time, the OS screen lock, and secrets left on the clipboard.

What the window can learn about the OS screen lock (the rest is in docs/ui.md):

- Linux: the freedesktop ``org.freedesktop.ScreenSaver.ActiveChanged`` and GNOME's
  ``org.gnome.ScreenSaver.ActiveChanged`` signals on the session bus, and logind's
  ``org.freedesktop.login1.Session.Lock`` on the system bus (``loginctl lock-session``), through
  QtDBus. Any of them locks the program.
- Windows: ``WTSRegisterSessionNotification`` and ``WM_WTSSESSION_CHANGE`` / ``WTS_SESSION_LOCK``
  through a native event filter (written to the documented API; not exercised by the Linux CI).
- macOS: Qt offers nothing for it (it needs ``NSDistributedNotificationCenter``); the idle timer
  is the safeguard there.

The idle clock also counts time the laptop spent suspended (lid closed in a car): a monotonic
clock alone stops during suspend on Linux and macOS, so the wall clock's progress is taken when
it is larger.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QClipboard, QGuiApplication

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection

log = logging.getLogger(__name__)

#: Events that show someone is at the keyboard.
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)

CLIPBOARD_CLEAR_MS = 30_000


class SuspendAwareClock:
    """Seconds that advance with the monotonic clock, or with the wall clock where that moved
    further (the laptop slept)."""

    def __init__(self) -> None:
        self._mono = time.monotonic()
        self._wall = time.time()
        self._value = 0.0

    def __call__(self) -> float:
        mono, wall = time.monotonic(), time.time()
        self._value += max(mono - self._mono, wall - self._wall, 0.0)
        self._mono, self._wall = mono, wall
        return self._value


class IdleWatcher(QObject):
    """Emits ``idle`` once the user has not touched the program for the given minutes.

    It watches the application's events only while started (unlocked): locked, there is
    nothing to lock. An application-wide event filter written in Python is called for every
    event of every object, and the first time an object of a class PySide6 does not know
    passes through it (the animation timer behind the main window's layout, during the
    unlock page's first paint), PySide6 creates every Qt class of the modules it has loaded
    to look for it: about 16 ms of the start on the benchmark (bench/ui.py). For the same
    reason the main window listens only from the unlocked window's first paint on (a table's
    corner button is such an object): the paint need not wait for that search."""

    idle = Signal()

    def __init__(
        self,
        minutes: int,
        clock: Callable[[], float] | None = None,
        poll_ms: int = 5_000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock or SuspendAwareClock()
        self._seconds = minutes * 60.0
        self._last = self._clock()
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.check)
        self._listening = False

    def set_minutes(self, minutes: int) -> None:
        self._seconds = minutes * 60.0

    @property
    def minutes(self) -> float:
        return self._seconds / 60

    def start(self, *, listen: bool = True) -> None:
        """Counts from now. ``listen=False``: the events are watched only from :meth:`listen`
        on, until then the time runs out as if nothing were touched (it can only lock
        sooner)."""
        self._last = self._clock()
        self._timer.start()
        if listen:
            self.listen()

    def listen(self) -> None:
        """Watch the application's events while started. Idempotent."""
        app = QGuiApplication.instance()
        if self._timer.isActive() and not self._listening and app is not None:
            app.installEventFilter(self)
            self._listening = True

    def stop(self) -> None:
        self._timer.stop()
        app = QGuiApplication.instance()
        if self._listening and app is not None:
            app.removeEventFilter(self)
        self._listening = False

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    @property
    def listening(self) -> bool:
        return self._listening

    def touch(self) -> None:
        self._last = self._clock()

    @Slot()
    def check(self) -> None:
        if self._timer.isActive() and self._clock() - self._last >= self._seconds:
            self._timer.stop()
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last = self._clock()
        return False


class ScreenLockWatcher(QObject):
    """Emits ``screen_locked`` when the operating system locks the screen, where Qt can tell."""

    screen_locked = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        listen: bool = True,
        session_bus: QDBusConnection | None = None,
        system_bus: QDBusConnection | None = None,
    ) -> None:
        super().__init__(parent)
        self.sources: list[str] = []
        self._registered: set[int] = set()
        if not listen:
            return
        if sys.platform.startswith("linux"):
            from PySide6.QtDBus import QDBusConnection  # made after the first paint (main_window)

            self._listen_dbus(
                session_bus or QDBusConnection.sessionBus(),
                system_bus or QDBusConnection.systemBus(),
            )
        elif sys.platform == "win32":
            self._listen_windows()

    @Slot(bool)
    def on_screensaver_active(self, active: bool) -> None:
        if active:
            self.screen_locked.emit()

    @Slot()
    def on_session_lock(self) -> None:
        self.screen_locked.emit()

    def _listen_dbus(self, session: QDBusConnection, system: QDBusConnection) -> None:
        if session.isConnected():
            for path, interface in (
                ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
                ("/ScreenSaver", "org.freedesktop.ScreenSaver"),
                ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
            ):
                # The stubs say bytes; PySide6 accepts only the SLOT() string at run time.
                if session.connect(  # type: ignore[call-overload]
                    "", path, interface, "ActiveChanged", self, "1on_screensaver_active(bool)"
                ):
                    self.sources.append(f"{interface} {path}")
        if system.isConnected() and system.connect(  # type: ignore[call-overload]
            "org.freedesktop.login1",
            "",
            "org.freedesktop.login1.Session",
            "Lock",
            self,
            "1on_session_lock()",
        ):
            self.sources.append("org.freedesktop.login1.Session")

    def _listen_windows(self) -> None:  # pragma: no cover - exercised on Windows only
        if sys.platform == "win32":
            self._filter = _WindowsSessionFilter(self.screen_locked.emit)
            app = QGuiApplication.instance()
            if app is not None:
                app.installNativeEventFilter(self._filter)
                self.sources.append("WTSRegisterSessionNotification")

    def register_window(self, win_id: int) -> None:
        """Windows sends session notifications only to windows that ask for them (once)."""
        if sys.platform == "win32" and win_id not in self._registered:  # pragma: no cover
            import ctypes

            notify_for_this_session = 0
            ctypes.windll.wtsapi32.WTSRegisterSessionNotification(
                int(win_id), notify_for_this_session
            )
            self._registered.add(win_id)


if sys.platform == "win32":  # pragma: no cover - Windows only
    import ctypes.wintypes

    from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray

    _WM_WTSSESSION_CHANGE = 0x02B1
    _WTS_SESSION_LOCK = 0x7

    class _WindowsSessionFilter(QAbstractNativeEventFilter):
        def __init__(self, on_lock: Callable[[], None]) -> None:
            super().__init__()
            self._on_lock = on_lock

        def nativeEventFilter(self, event_type: QByteArray | bytes, message: int) -> object:
            if bytes(event_type) == b"windows_generic_MSG":
                msg = ctypes.wintypes.MSG.from_address(int(message))
                if msg.message == _WM_WTSSESSION_CHANGE and msg.wParam == _WTS_SESSION_LOCK:
                    self._on_lock()
            return False, 0


class SensitiveClipboard(QObject):
    """Copies a sensitive value and takes it off the clipboard again after 30 seconds, unless
    something else was copied meanwhile. The value is marked for clipboard managers (KDE's
    password hint, Windows' history exclusion) as KeePassXC does, so it is not kept in history."""

    cleared = Signal()

    def __init__(
        self, clear_after_ms: int = CLIPBOARD_CLEAR_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._copied: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear)

    @property
    def clear_after_ms(self) -> int:
        return self._timer.interval()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def copy(self, text: str) -> None:
        mime = QMimeData()
        mime.setText(text)
        mime.setData("x-kde-passwordManagerHint", b"secret")
        mime.setData(
            'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"',
            b"\x01\x00\x00\x00",
        )
        mime.setData(
            'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"',
            b"\x00\x00\x00\x00",
        )
        QGuiApplication.clipboard().setMimeData(mime, QClipboard.Mode.Clipboard)
        self._copied = text
        self._timer.start()

    @Slot()
    def clear(self) -> None:
        self._timer.stop()
        if self._copied is None:
            return
        clipboard = QGuiApplication.clipboard()
        if clipboard.text(QClipboard.Mode.Clipboard) == self._copied:
            clipboard.clear(QClipboard.Mode.Clipboard)
        self._copied = None
        self.cleared.emit()
