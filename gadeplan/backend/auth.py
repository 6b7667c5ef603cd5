"""Devices, sign-in and tokens.

Access tokens live minutes; refresh tokens are rotated on every use. Presenting a refresh token
that was already rotated away means two parties hold the device's tokens, so the device is
revoked (and told to wipe itself). One exception keeps a flaky network from wiping a laptop
with unsent work: the token rotated *last* is honoured again as long as its successor has never
been presented, because then the response carrying the successor was lost.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from gadeplan.app.domain.clock import Clock
from gadeplan.backend.db import Database
from gadeplan.backend.errors import ApiError, device_revoked, unauthorized
from gadeplan.backend.feed import Caller
from gadeplan.backend.models import Device, Membership, RetiredRefreshToken, Team, Worker
from gadeplan.backend.security import LoginLimiter, Passwords, new_token, token_hash
from gadeplan.backend.settings import Settings
from gadeplan.sync.schemas import (
    ErrorCode,
    RegisterRequest,
    RegisterResponse,
    TeamRef,
    TokenRequest,
    TokenResponse,
    WorkerInfo,
)


@dataclass(frozen=True)
class _Tokens:
    access: str
    refresh: str


def new_device_id() -> str:
    return f"d-{uuid.uuid4()}"


class AuthService:
    def __init__(
        self, db: Database, settings: Settings, clock: Clock, passwords: Passwords
    ) -> None:
        self.db = db
        self.settings = settings
        self.clock = clock
        self.passwords = passwords
        self.limiter = LoginLimiter(settings.login_max_failures, settings.login_window_seconds)

    def _issue(self, device: Device) -> _Tokens:
        tokens = _Tokens(new_token(), new_token())
        device.access_hash = token_hash(tokens.access)
        device.access_expires_at = self.clock.now() + timedelta(
            seconds=self.settings.access_token_seconds
        )
        device.refresh_hash = token_hash(tokens.refresh)
        return tokens

    def register(self, request: RegisterRequest, client: str) -> RegisterResponse:
        key = self.limiter.key(request.username, client)
        with self.db.write() as session:
            wait = self.limiter.retry_after(session, key, self.clock.now())
            worker = session.scalar(select(Worker).where(Worker.username == request.username))
            stored = worker.password_hash if worker is not None else None
        if wait:
            raise ApiError(
                429,
                ErrorCode.RATE_LIMITED,
                "Too many failed sign-ins. Try again later.",
                headers={"Retry-After": str(wait)},
                retry_after=wait,
            )
        # Argon2 is slow on purpose: verify outside any transaction.
        if not self.passwords.verify(stored, request.password) or worker is None:
            with self.db.write() as session:
                self.limiter.failed(session, key, self.clock.now())
            raise unauthorized(ErrorCode.INVALID_CREDENTIALS, "The username or password is wrong.")
        with self.db.write() as session:
            self.limiter.succeeded(session, key)
            worker = session.get(Worker, worker.id)
            if worker is None:
                raise unauthorized(
                    ErrorCode.INVALID_CREDENTIALS, "The username or password is wrong."
                )
            if self.passwords.needs_rehash(worker.password_hash):
                worker.password_hash = self.passwords.hash(request.password)
            now = self.clock.now()
            device = Device(
                id=new_device_id(),
                worker_id=worker.id,
                name=request.device_name,
                created_at=now,
                last_seen_at=now,
                last_mutation_id=0,
                accept_gap=False,
            )
            tokens = self._issue(device)
            session.add(device)
            teams = session.execute(
                select(Team.id, Team.name)
                .join(Membership, Membership.team_id == Team.id)
                .where(Membership.worker_id == worker.id)
                .order_by(Team.name)
            ).all()
            return RegisterResponse(
                device_id=device.id,
                refresh_token=tokens.refresh,
                access_token=tokens.access,
                expires_in=self.settings.access_token_seconds,
                worker=WorkerInfo(
                    id=worker.id,
                    name=worker.name,
                    teams=[TeamRef(id=tid, name=name) for tid, name in teams],
                ),
            )

    def refresh(self, request: TokenRequest) -> TokenResponse:
        presented = token_hash(request.refresh_token)
        revoke = False
        with self.db.write() as session:
            device = session.get(Device, request.device_id, with_for_update=True)
            if device is None:
                raise unauthorized(ErrorCode.INVALID_TOKEN, "The refresh token is not valid.")
            if device.revoked_at is not None:
                raise device_revoked()
            now = self.clock.now()
            if presented == device.refresh_hash:
                if device.prev_refresh_hash is not None:
                    session.add(_retired(device.prev_refresh_hash, device, now))
                device.prev_refresh_hash = device.refresh_hash
            elif presented == device.prev_refresh_hash:
                # The last response was lost; its token was never presented, so retire it.
                if device.refresh_hash is not None:
                    session.add(_retired(device.refresh_hash, device, now))
            else:
                retired = session.get(RetiredRefreshToken, presented)
                if retired is None or retired.device_id != device.id:
                    raise unauthorized(ErrorCode.INVALID_TOKEN, "The refresh token is not valid.")
                device.revoked_at = now
                revoke = True
            if not revoke:
                device.last_seen_at = now
                tokens = self._issue(device)
                return TokenResponse(
                    access_token=tokens.access,
                    refresh_token=tokens.refresh,
                    expires_in=self.settings.access_token_seconds,
                )
        # Committed above: a reused refresh token revokes the device for good.
        raise device_revoked()

    def authenticate(self, authorization: str | None) -> Caller:
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise unauthorized(ErrorCode.UNAUTHORIZED, "An access token is required.")
        with self.db.read() as session:
            device = session.scalar(
                select(Device).where(Device.access_hash == token_hash(token.strip()))
            )
            if device is None:
                raise unauthorized(ErrorCode.INVALID_TOKEN, "The access token is not valid.")
            if device.revoked_at is not None:
                raise device_revoked()
            if device.access_expires_at is None or device.access_expires_at <= self.clock.now():
                raise unauthorized(ErrorCode.TOKEN_EXPIRED, "The access token has expired.")
            teams = session.scalars(
                select(Membership.team_id).where(Membership.worker_id == device.worker_id)
            ).all()
            return Caller(device.id, device.worker_id, frozenset(teams))


def _retired(hashed: str, device: Device, now: datetime) -> RetiredRefreshToken:
    return RetiredRefreshToken(token_hash=hashed, device_id=device.id, retired_at=now)
