"""Everything the window is built from, in one object, so tests can build it with a fast key
derivation, a frozen clock, a synchronous runner and a private settings file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

import msgspec

from gadeplan.app.policy import Policy
from gadeplan.app.services.access import ProfileAccess
from gadeplan.app.services.session import Session
from gadeplan.ui.i18n import Translations
from gadeplan.ui.lock import CLIPBOARD_CLEAR_MS
from gadeplan.ui.prefs import Prefs
from gadeplan.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from gadeplan.app.services.sync import SyncService


class Env(msgspec.Struct):
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
    version: str = ""
    #: Automatic sync while unlocked and signed in: every few minutes, and this long after
    #: unlocking (the screens load first). Tests set both out of the way and sync by hand.
    sync_interval_ms: int = 5 * 60_000
    sync_first_delay_ms: int = 2_000
    #: Follow the operating system's network reachability (off in tests).
    watch_network: bool = True
    #: Makes the sync service on the database worker; tests hand in one whose network they
    #: can cut. None: the real one, on the address the profile was registered with.
    sync_service: Callable[[Session, Policy], SyncService] | None = None

    def today(self) -> date:
        return self.access.clock.today()
