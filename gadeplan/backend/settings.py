"""Server configuration: from the command line and the environment, never from a file in the repo.

Every knob has a default that is right for a small municipality, so ``gadeplan-server serve``
works with no configuration at all (an SQLite file in the user's data folder).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import platformdirs

from gadeplan.sync.schemas import MIN_TOMBSTONE_RETENTION_DAYS

ENV_DB_URL = "GADEPLAN_DB_URL"


def default_db_url() -> str:
    folder = Path(platformdirs.user_data_dir("gadeplan-server", appauthor=False))
    return f"sqlite:///{folder / 'gadeplan-server.sqlite3'}"


@dataclass(frozen=True)
class PasswordHashing:
    """Argon2id cost. The defaults are argon2-cffi's (RFC 9106 low-memory profile); tests use
    cheaper ones so a suite that creates hundreds of workers stays fast."""

    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 4


@dataclass(frozen=True)
class Settings:
    db_url: str = field(default_factory=default_db_url)
    #: The municipality's name, shown by clients (``GET /v1/meta``).
    name: str = "Gadeplan"
    #: Access tokens are short-lived: a stolen one is useful for minutes.
    access_token_seconds: int = 15 * 60
    #: Failed sign-ins allowed per username and client address within the window, then 429.
    login_max_failures: int = 5
    login_window_seconds: int = 15 * 60
    #: Server audit log, client audit events and stored push results are deleted after this.
    retention_days: int = 180
    #: Delete tombstones and team-exit markers are purged after this; older cursors reset.
    tombstone_retention_days: int = MIN_TOMBSTONE_RETENTION_DAYS
    #: How often the running server applies retention (seconds; 0 disables the timer).
    retention_interval_seconds: int = 6 * 60 * 60
    password_hashing: PasswordHashing = field(default_factory=PasswordHashing)

    def __post_init__(self) -> None:
        # The contract promises clients at least 180 days of tombstones.
        if self.tombstone_retention_days < MIN_TOMBSTONE_RETENTION_DAYS:
            raise ValueError(
                f"tombstone retention must be at least {MIN_TOMBSTONE_RETENTION_DAYS} days"
            )
        if self.retention_days < 1 or self.access_token_seconds < 1:
            raise ValueError("retention and token lifetimes must be positive")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from ``GADEPLAN_*`` variables, with explicit overrides (the CLI's options)
        taking precedence."""
        env = os.environ if env is None else env
        values: dict[str, object] = {}
        if env.get(ENV_DB_URL):
            values["db_url"] = env[ENV_DB_URL]
        if env.get("GADEPLAN_SERVER_NAME"):
            values["name"] = env["GADEPLAN_SERVER_NAME"]
        for var, key in (
            ("GADEPLAN_ACCESS_TOKEN_SECONDS", "access_token_seconds"),
            ("GADEPLAN_LOGIN_MAX_FAILURES", "login_max_failures"),
            ("GADEPLAN_LOGIN_WINDOW_SECONDS", "login_window_seconds"),
            ("GADEPLAN_RETENTION_DAYS", "retention_days"),
            ("GADEPLAN_TOMBSTONE_RETENTION_DAYS", "tombstone_retention_days"),
            ("GADEPLAN_RETENTION_INTERVAL_SECONDS", "retention_interval_seconds"),
        ):
            if env.get(var):
                values[key] = int(env[var])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)  # type: ignore[arg-type]
