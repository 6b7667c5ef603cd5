"""Passwords, tokens and the sign-in rate limit.

Passwords are hashed with Argon2id (argon2-cffi). Tokens are 256-bit random strings; only their
SHA-256 is stored, which is enough for secrets with that much entropy (a slow hash protects
low-entropy passwords, not random tokens), so a stolen database cannot be used to sign in.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from gadeplan.backend.models import LoginFailure
from gadeplan.backend.settings import PasswordHashing


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Passwords:
    def __init__(self, params: PasswordHashing) -> None:
        self._hasher = PasswordHasher(
            time_cost=params.time_cost,
            memory_cost=params.memory_kib,
            parallelism=params.parallelism,
        )
        # Verified against when the username is unknown, so the answer takes as long as for
        # a known one and does not tell which usernames exist.
        self._decoy = self._hasher.hash(new_token())

    def hash(self, password: str) -> str:
        return str(self._hasher.hash(password))

    def verify(self, stored: str | None, password: str) -> bool:
        try:
            return bool(self._hasher.verify(stored or self._decoy, password)) and stored is not None
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored: str) -> bool:
        return bool(self._hasher.check_needs_rehash(stored))


class LoginLimiter:
    """Counts failed sign-ins per (username, client address) in a fixed window.

    Kept in the database, not in memory, so the limit holds across server processes and
    restarts. The key is a hash, so the table holds neither usernames nor addresses.
    """

    def __init__(self, max_failures: int, window_seconds: int) -> None:
        self.max_failures = max_failures
        self.window = timedelta(seconds=window_seconds)

    @staticmethod
    def key(username: str, client: str) -> str:
        return hashlib.sha256(f"{username.casefold()}\x00{client}".encode()).hexdigest()

    def retry_after(self, session: Session, key: str, now: datetime) -> int:
        """Seconds until a new attempt is allowed; 0 if allowed now."""
        row = session.get(LoginFailure, key)
        if row is None or now - row.window_start >= self.window:
            return 0
        if row.count < self.max_failures:
            return 0
        return max(1, int((row.window_start + self.window - now).total_seconds()))

    def failed(self, session: Session, key: str, now: datetime) -> None:
        row = session.get(LoginFailure, key, with_for_update=True)
        if row is None:
            try:
                with session.begin_nested():
                    session.add(LoginFailure(key=key, window_start=now, count=1))
                return
            except IntegrityError:
                # A simultaneous failure inserted the row first: count on it.
                row = session.get(LoginFailure, key, with_for_update=True, populate_existing=True)
                if row is None:
                    return
        if now - row.window_start >= self.window:
            row.window_start, row.count = now, 1
        else:
            row.count += 1

    def succeeded(self, session: Session, key: str) -> None:
        row = session.get(LoginFailure, key)
        if row is not None:
            session.delete(row)
