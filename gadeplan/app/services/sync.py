"""Sync as the worker meets it: sign in to the backend, sync now, and what the status bar says.

Runs off the GUI thread (the UI calls it from its database worker); one sync at a time.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from gadeplan.app.policy import Policy
from gadeplan.app.services.session import Session
from gadeplan.storage import keys
from gadeplan.storage.sync_state import (
    CLOCK_SKEW,
    LAST_ERROR,
    LAST_SYNC,
    REGISTERED,
    SERVER_URL,
    WORKER_NAME,
    Rejection,
    SyncStore,
)
from gadeplan.sync.engine import Registration, SyncEngine, SyncReport
from gadeplan.sync.transport import DeviceRevoked, Transport

log = logging.getLogger(__name__)


class ProfileWiped(Exception):
    """The backend revoked this laptop; its store and keys are gone. The UI says so."""

    code = "profile_wiped"


@dataclass(frozen=True)
class SyncStatus:
    registered: bool
    server_url: str | None
    worker_name: str | None
    unsent_changes: int
    oldest_unsent: str | None
    last_success: str | None
    last_error: str | None
    clock_skew: bool
    rejections: list[Rejection] = field(default_factory=list)

    def oldest_unsent_age_seconds(self, now: datetime) -> float | None:
        if not self.oldest_unsent:
            return None
        return (now - datetime.fromisoformat(self.oldest_unsent)).total_seconds()


class SyncService:
    def __init__(
        self,
        session: Session,
        policy: Policy,
        *,
        transport: Transport | None = None,
        attempts: int = 4,
    ) -> None:
        self.session = session
        self.policy = policy
        self.state = SyncStore(session.repo)
        self._transport = transport
        self._attempts = attempts
        self._engine: SyncEngine | None = None

    def _engine_for(self, server_url: str | None = None) -> SyncEngine:
        if self._engine is not None and server_url in (None, self._engine.transport.base_url):
            return self._engine
        url = server_url or self.state.get(SERVER_URL) or self.policy.backend_url
        if not url:
            raise ValueError("no backend address is set")
        self.close()
        transport = self._transport or Transport(url, ca_file=self.policy.ca_certificate)
        self._engine = SyncEngine(self.state, transport, attempts=self._attempts)
        return self._engine

    def close(self) -> None:
        """Close the connection pool of a transport this service made (not an injected one)."""
        if self._engine is not None and self._transport is None:
            self._engine.transport.close()
        self._engine = None

    def is_registered(self) -> bool:
        return self.state.get(REGISTERED) == "1"

    def register(
        self, server_url: str, username: str, password: str, device_name: str
    ) -> Registration:
        registration = self._engine_for(server_url).register(username, password, device_name)
        self.session.reload_identity()
        log.info("device registered with the backend")
        return registration

    def sync_once(self) -> SyncReport:
        try:
            report = self._engine_for().sync_once()
        except DeviceRevoked as exc:
            self._wipe()
            raise ProfileWiped(
                "this laptop was revoked at the backend; its data was deleted"
            ) from exc
        log.info(
            "sync done: %d pushed, %d pulled, %d rejected, %d erased",
            report.pushed,
            report.pulled,
            len(report.rejected),
            report.erased,
        )
        return report

    def _wipe(self) -> None:
        folder = self.session.folder
        self.session.lock()
        keys.wipe_profile(folder)
        log.warning("device revoked at the backend: local profile wiped")

    def status(self) -> SyncStatus:
        unsent, oldest = self.session.repo.outbox_summary()
        return SyncStatus(
            registered=self.is_registered(),
            server_url=self.state.get(SERVER_URL),
            worker_name=self.state.get(WORKER_NAME),
            unsent_changes=unsent,
            oldest_unsent=oldest,
            last_success=self.state.get(LAST_SYNC),
            last_error=self.state.get(LAST_ERROR),
            clock_skew=self.state.get(CLOCK_SKEW) is not None,
            rejections=self.state.rejections(),
        )

    def acknowledge_clock_warning(self) -> None:
        self.state.set_now(CLOCK_SKEW, None)
