"""The window's own preferences, in a plain INI file.

That file is plain text on a laptop that may be lost, so it holds only choices about the
program (language, idle time, the channel last used, window geometry), never a name, a place,
a search or anything else about a person. The machine policy wins over it.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

from gadeplan.app.domain.records import Channel
from gadeplan.app.policy import APP_NAME, Policy
from gadeplan.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES


def default_prefs_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "window.ini"


class Prefs:
    def __init__(self, path: Path, policy: Policy) -> None:
        self.path = path
        self.policy = policy
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    # language ---------------------------------------------------------------------------------

    @property
    def language_locked(self) -> bool:
        """IT set the language in the machine policy; the worker cannot change it."""
        return self.policy.language in LANGUAGES

    @property
    def language(self) -> str:
        if self.policy.language in LANGUAGES:
            return self.policy.language
        value = str(self._settings.value("language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        if value in LANGUAGES:
            self._settings.setValue("language", value)
            self._settings.sync()

    # idle lock --------------------------------------------------------------------------------

    @property
    def idle_lock_limit(self) -> int:
        """The longest idle time the policy allows, in minutes."""
        return max(1, self.policy.idle_lock_minutes)

    @property
    def idle_lock_minutes(self) -> int:
        """The worker may choose a shorter time than the policy's, never a longer one."""
        try:
            chosen = int(str(self._settings.value("idle_lock_minutes", self.idle_lock_limit)))
        except ValueError:
            chosen = self.idle_lock_limit
        return min(max(1, chosen), self.idle_lock_limit)

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, value: int) -> None:
        self._settings.setValue("idle_lock_minutes", min(max(1, value), self.idle_lock_limit))
        self._settings.sync()

    # small conveniences -----------------------------------------------------------------------

    @property
    def last_channel(self) -> Channel:
        try:
            return Channel(str(self._settings.value("quick_log/channel", Channel.STREET.value)))
        except ValueError:
            return Channel.STREET

    @last_channel.setter
    def last_channel(self, value: Channel) -> None:
        self._settings.setValue("quick_log/channel", value.value)

    def geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self._settings.setValue("window/geometry", value)
        self._settings.sync()
