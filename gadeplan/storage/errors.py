"""Errors from the environment, told apart from bugs.

Each carries a stable ``code`` the UI and the command line turn into a message in the worker's
language, and never any personal data.
"""

from __future__ import annotations


class StoreError(Exception):
    code = "store_error"
    #: Exit status for the command line (sysexits-like, stable for scripts).
    exit_code = 1


class ProfileNotFound(StoreError):
    code = "profile_not_found"
    exit_code = 66


class ProfileExists(StoreError):
    code = "profile_exists"
    exit_code = 73


class WrongPassphrase(StoreError):
    code = "wrong_passphrase"
    exit_code = 77


class WrongRecoveryKey(StoreError):
    code = "wrong_recovery_key"
    exit_code = 77


class Throttled(StoreError):
    code = "throttled"
    exit_code = 75

    def __init__(self, retry_after_seconds: int) -> None:
        super().__init__(f"too many failed attempts; try again in {retry_after_seconds} s")
        self.retry_after_seconds = retry_after_seconds


class WeakPassphrase(StoreError):
    code = "weak_passphrase"
    exit_code = 65

    def __init__(self, minimum: int) -> None:
        super().__init__(f"the passphrase must have at least {minimum} characters")
        self.minimum = minimum


class KeychainUnavailable(StoreError):
    """No secure keychain, and the machine policy forbids passphrase-only protection."""

    code = "keychain_unavailable"
    exit_code = 69


class KeychainEntryMissing(StoreError):
    """The device secret is gone (new user account, reset keychain): the recovery key helps."""

    code = "keychain_entry_missing"
    exit_code = 69


class DamagedKeyFile(StoreError):
    code = "damaged_key_file"
    exit_code = 65


class DamagedStore(StoreError):
    code = "damaged_store"
    exit_code = 65


class NewerStore(StoreError):
    """The profile was last opened by a newer Gadeplan (its schema is ahead of this one's): an
    older program must not write to it, so it refuses until the newer version is back."""

    code = "newer_store"
    exit_code = 65


class NoSqlCipher(StoreError):
    code = "no_sqlcipher"
    exit_code = 69


class DiskFull(StoreError):
    code = "disk_full"
    exit_code = 74


class StoreLocked(StoreError):
    code = "store_locked"
    exit_code = 75
