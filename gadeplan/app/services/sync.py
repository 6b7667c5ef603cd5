"""Sync as the worker meets it: sign in to the backend, sync now, and what the status bar says.

Runs off the GUI thread (the UI calls it from its database worker); one sync at a time.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import msgspec
from msgspec import field

from gadeplan.app.domain.records import ENTITIES
from gadeplan.app.errors import ProfileWiped
from gadeplan.app.policy import Policy
from gadeplan.app.services.retention import RetentionReport, apply_retention
from gadeplan.app.services.session import Session
from gadeplan.storage import keys, queries
from gadeplan.storage.errors import StoreError
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
from gadeplan.sync.errors import DeviceRevoked, SyncError, check_server_url
from gadeplan.sync.reports import Registration, SyncReport

if TYPE_CHECKING:
    from gadeplan.sync.engine import SyncEngine
    from gadeplan.sync.transport import Transport

__all__ = [
    "AddressError",
    "ProfileWiped",
    "Registration",
    "RejectedChange",
    "SyncError",
    "SyncReport",
    "SyncService",
    "SyncStatus",
    "normalise_address",
]

log = logging.getLogger(__name__)

#: local_state key: the names of the teams the backend put this worker in (no personal data),
#: so Settings can say where the work goes without asking the server.
TEAM_NAMES = "sync_team_names"


class AddressError(ValueError):
    """A server address the window refuses before trying it; ``code`` is ``https_required``
    (plain HTTP to another machine) or ``address_format``."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def normalise_address(text: str) -> str:
    """The backend's address as a worker types it: ``gadeplan.kommune.dk`` means HTTPS, as IT
    would tell it on the phone; plain HTTP is allowed only to this machine (the demo)."""
    text = text.strip()
    if text and "://" not in text:
        text = f"https://{text}"
    try:
        return check_server_url(text)
    except ValueError as exc:
        parts = urlsplit(text)
        http_elsewhere = parts.scheme == "http" and bool(parts.hostname)
        raise AddressError("https_required" if http_elsewhere else "address_format") from exc


class SyncStatus(msgspec.Struct, frozen=True):
    registered: bool
    server_url: str | None
    worker_name: str | None
    unsent_changes: int
    oldest_unsent: str | None
    last_success: str | None
    last_error: str | None
    clock_skew: bool
    rejections: list[Rejection] = field(default_factory=list)
    team_names: tuple[str, ...] = ()

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
        timeout: float = 30.0,
    ) -> None:
        """``timeout``: seconds to wait for an answer; the window uses less, because its sync
        holds the database worker while it waits."""
        self.session = session
        self.policy = policy
        self.state = SyncStore(session.repo)
        self._transport = transport
        self._attempts = attempts
        self._timeout = timeout
        self._engine: SyncEngine | None = None
        #: What the local retention after the last successful sync removed.
        self.retention = RetentionReport()

    def _engine_for(self, server_url: str | None = None) -> SyncEngine:
        if self._engine is not None and server_url in (None, self._engine.transport.base_url):
            return self._engine
        url = server_url or self.state.get(SERVER_URL) or self.policy.backend_url
        if not url:
            raise ValueError("no backend address is set")
        self.close()
        # Imported here, on the database worker and only when a sync is due: httpx and pydantic
        # took a fifth of a second before the window could show.
        from gadeplan.sync.engine import SyncEngine
        from gadeplan.sync.transport import Transport

        transport = self._transport or Transport(
            url, ca_file=self.policy.ca_certificate, timeout=self._timeout
        )
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
        self.state.set_now(TEAM_NAMES, json.dumps(list(registration.team_names)))
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
        self._apply_retention()
        return report

    def _apply_retention(self) -> None:
        """Local retention, once the laptop knows what the backend has (at most daily, see
        app/services/retention.py). The sync itself succeeded whatever happens here, so a
        store error is logged, not raised; the next sync or unlock tries again."""
        try:
            self.retention = apply_retention(self.session, self.policy.retention_days)
        except StoreError as exc:
            log.warning("retention after sync failed: %s", exc.code)

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
            team_names=tuple(json.loads(self.state.get(TEAM_NAMES) or "[]")),
        )

    def acknowledge_clock_warning(self) -> None:
        self.state.set_now(CLOCK_SKEW, None)

    def dismiss_rejection(self, mutation_id: int) -> None:
        """The worker has read why a change was refused (and redone it if they wanted)."""
        self.state.dismiss_rejection(mutation_id)

    def rejected_changes(self) -> list[RejectedChange]:
        """Refused changes with the person they were about, so the worker can find and redo
        them; the refused values themselves are not kept by the protocol."""
        rejections = self.state.rejections()
        person_of: dict[int, str | None] = {}
        for rejection in rejections:
            cls = ENTITIES.get(rejection.entity)
            record = self.session.repo.get(cls, rejection.record_id) if cls else None
            person = record.person_ref if record is not None else None
            if rejection.entity == "person":
                person = rejection.record_id
            person_of[rejection.mutation_id] = person
        aliases = queries.aliases(self.session.store, [p for p in person_of.values() if p])
        return [
            RejectedChange(
                mutation_id=r.mutation_id,
                entity=r.entity,
                record_id=r.record_id,
                error=r.error,
                at=r.at,
                person_id=person_of[r.mutation_id],
                alias=aliases.get(person_of[r.mutation_id] or ""),
            )
            for r in rejections
        ]

    def use_address(self, server_url: str) -> None:
        """The same backend under a new address (the local demo on another port, or IT moving
        the server): the registration and the refresh token stay valid."""
        url = check_server_url(server_url)
        self.close()
        self.state.set_now(SERVER_URL, url)


class RejectedChange(msgspec.Struct, frozen=True):
    """A change the backend refused for good, and whom it was about."""

    mutation_id: int
    entity: str
    record_id: str
    #: The server's stable reason (``validation_failed``, ``no_access`` ...).
    error: str
    at: str
    person_id: str | None
    alias: str | None
