"""Errors told in plain words: what happened, that nothing was lost, and what to do.

Environment errors (wrong key, disk full, damaged file, profile in use) are told apart from
bugs; a bug gets one honest sentence and no details, because details can quote personal data.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gadeplan.app.errors import (
    DamagedKeyFile,
    DamagedStore,
    DiskFull,
    KeychainEntryMissing,
    KeychainUnavailable,
    NoSqlCipher,
    PolicyError,
    ProfileExists,
    ProfileNotFound,
    StoreError,
    StoreLocked,
    Throttled,
    ValidationError,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from gadeplan.ui.i18n import field_error_text

translate = QCoreApplication.translate


def throttled_text(seconds: int) -> str:
    return translate("Messages", "Too many wrong attempts. Try again in %n seconds.", None, seconds)


def error_text(error: BaseException, *, locked_means_in_use: bool = False) -> str:
    """One or two sentences for the message bar."""
    if isinstance(error, Throttled):
        return throttled_text(error.retry_after_seconds)
    if isinstance(error, WrongPassphrase):
        return translate("Messages", "Wrong passphrase. Nothing was changed; try again.")
    if isinstance(error, WrongRecoveryKey):
        return translate(
            "Messages", "That recovery key does not open this profile. Check it and try again."
        )
    if isinstance(error, WeakPassphrase):
        return translate(
            "Messages", "The passphrase must have at least %n characters.", None, error.minimum
        )
    if isinstance(error, KeychainEntryMissing):
        return translate(
            "Messages",
            "This computer's keychain no longer holds this profile's device secret (a new user "
            "account or a reset keychain). Open the profile with the recovery key.",
        )
    if isinstance(error, KeychainUnavailable):
        return translate(
            "Messages",
            "This computer has no secure keychain, and the machine policy does not allow a "
            "profile protected by the passphrase alone. Ask IT.",
        )
    if isinstance(error, DamagedKeyFile):
        return translate(
            "Messages",
            "The profile's key file is damaged. Nothing was changed or deleted. Ask IT to "
            "restore it from a backup, or register this laptop again.",
        )
    if isinstance(error, DamagedStore):
        return translate(
            "Messages",
            "The profile's database is damaged or missing. Nothing was changed or deleted. "
            "Ask IT; the data on the backend is safe.",
        )
    if isinstance(error, DiskFull):
        return translate(
            "Messages", "The disk is full. Nothing was lost; free some space and try again."
        )
    if isinstance(error, StoreLocked):
        if locked_means_in_use:
            return translate(
                "Messages",
                "The profile is open in another Gadeplan window or command. Close that first.",
            )
        return translate("Messages", "Gadeplan is locked. Unlock it and try again.")
    if isinstance(error, ProfileNotFound):
        return translate("Messages", "There is no profile on this computer yet.")
    if isinstance(error, ProfileExists):
        return translate("Messages", "A profile already exists here. Nothing was changed.")
    if isinstance(error, NoSqlCipher):
        return translate("Messages", "This installation lacks encryption and will not run. Ask IT.")
    if isinstance(error, PolicyError):
        return translate(
            "Messages", "The machine policy is invalid, so Gadeplan will not start. Ask IT."
        )
    if isinstance(error, ValidationError):
        return " ".join(field_error_text(e) for e in error.errors)
    if isinstance(error, StoreError):
        return translate("Messages", "The profile could not be used. Nothing was changed.")
    if isinstance(error, OSError):
        return translate("Messages", "A file could not be used. Nothing was deleted.")
    return translate(
        "Messages",
        "Something went wrong inside Gadeplan (a bug). Nothing was saved from this step.",
    )
