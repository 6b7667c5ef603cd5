"""Everything the window is built from, in one object, so tests can build it with a fast key
derivation, a frozen clock, a synchronous runner and a private settings file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from gadeplan.app.services.access import ProfileAccess
from gadeplan.ui.i18n import Translations
from gadeplan.ui.lock import CLIPBOARD_CLEAR_MS
from gadeplan.ui.prefs import Prefs
from gadeplan.ui.tasks import TaskRunner


@dataclass
class Env:
    access: ProfileAccess
    runner: TaskRunner
    prefs: Prefs
    translations: Translations
    #: Seconds for the idle timer; None is the real, suspend-aware clock.
    idle_clock: Callable[[], float] | None = None
    idle_poll_ms: int = 5_000
    clipboard_clear_ms: int = CLIPBOARD_CLEAR_MS
    #: Listen for the operating system's screen lock (off in tests: no session bus there).
    watch_screen_lock: bool = True
    version: str = field(default="")

    def today(self) -> date:
        return self.access.clock.today()
