"""The way into one profile folder, as the window needs it.

The window must tell the worker, before they type anything, which protection a new profile will
get and how long the passphrase must be; it must never import storage/ to find out. This wraps
the profile service and the key rules in one object that carries the folder, the machine policy,
the clock and the Argon2id cost, so tests can hand the window a fast, frozen variant of all four.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import msgspec
from msgspec import field

from gadeplan.app.domain.clock import Clock, SystemClock
from gadeplan.app.policy import Policy
from gadeplan.app.services import profile
from gadeplan.app.services.session import Session
from gadeplan.storage import keys
from gadeplan.storage.keys import DEFAULT_KDF, KdfParams, Protection

__all__ = ["CreatedProfile", "ProfileAccess", "Protection"]

CreatedProfile = profile.CreatedProfile


class ProfileAccess(msgspec.Struct, frozen=True):
    folder: Path
    policy: Policy = field(default_factory=Policy)
    clock: Clock = field(default_factory=SystemClock)
    #: Wall clock for the failed-attempt counter (seconds since the epoch).
    attempt_clock: Callable[[], float] = time.time
    #: Only tests lower this; the program always uses the contract's floor.
    kdf: KdfParams = DEFAULT_KDF

    def exists(self) -> bool:
        return (self.folder / keys.KEY_FILE).exists()

    def protection_for_new(self) -> Protection:
        """What a profile created now would get; raises KeychainUnavailable where the machine
        has no secure keychain and the policy forbids the passphrase alone."""
        return keys.choose_protection(self.policy.allow_passphrase_only)

    def minimum_passphrase(self, protection: Protection) -> int:
        return max(keys.minimum_passphrase(protection), self.policy.min_passphrase_length)

    def passphrase_long_enough(self, passphrase: str, protection: Protection) -> bool:
        """The same rule the key file applies (NFC, surrounding spaces not counted)."""
        length = len(unicodedata.normalize("NFC", passphrase).strip())
        return length >= self.minimum_passphrase(protection)

    def protection(self) -> Protection:
        return profile.protection_of(self.folder)

    def create(
        self, passphrase: str, worker_name: str = profile.LOCAL_WORKER_NAME
    ) -> CreatedProfile:
        return profile.create_profile(
            self.folder,
            passphrase,
            policy=self.policy,
            kdf=self.kdf,
            clock=self.clock,
            worker_name=worker_name,
        )

    def open(self, passphrase: str) -> Session:
        return profile.open_profile(
            self.folder,
            passphrase,
            clock=self.clock,
            attempt_clock=self.attempt_clock,
            policy=self.policy,
        )

    def recover(self, recovery_key: str, new_passphrase: str) -> Session:
        return profile.recover_profile(
            self.folder,
            recovery_key,
            new_passphrase,
            policy=self.policy,
            clock=self.clock,
            attempt_clock=self.attempt_clock,
        )

    def change_passphrase(self, old: str, new: str) -> None:
        profile.change_passphrase(self.folder, old, new, policy=self.policy)
