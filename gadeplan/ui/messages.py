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
    NewerStore,
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
from gadeplan.ui.i18n import QT_TRANSLATE_NOOP, field_error_text

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
    if isinstance(error, NewerStore):
        return translate(
            "Messages",
            "This profile was last used by a newer version of Gadeplan. Nothing was changed. "
            "Ask IT to install that version again.",
        )
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


# --- sync ------------------------------------------------------------------------------------
# The engine's stable codes (SyncError.code, the sign-in's address codes, the server's reasons
# for refusing a change) become sentences here; the codes themselves are never shown.

_SYNC_ERRORS: dict[str, str] = {
    "offline": QT_TRANSLATE_NOOP(
        "SyncMessages",
        "No connection to the server. Nothing is lost; Gadeplan tries again by itself.",
    ),
    "server_unavailable": QT_TRANSLATE_NOOP(
        "SyncMessages",
        "The server is not answering properly. Nothing is lost; Gadeplan tries again later.",
    ),
    "rate_limited": QT_TRANSLATE_NOOP(
        "SyncMessages", "The server asks Gadeplan to wait a little. It tries again by itself."
    ),
    "untrusted_server": QT_TRANSLATE_NOOP(
        "SyncMessages",
        "Gadeplan does not trust the server's certificate, so nothing was sent. Nothing is "
        "lost. Ask IT: the municipality's CA certificate may be missing on this computer.",
    ),
    "unauthorized": QT_TRANSLATE_NOOP(
        "SyncMessages",
        "The server no longer accepts this computer's sign-in. Nothing is lost here; ask IT.",
    ),
    "upgrade_required": QT_TRANSLATE_NOOP(
        "SyncMessages", "The server needs a newer version of Gadeplan. Ask IT to update it."
    ),
    "mutation_gap": QT_TRANSLATE_NOOP(
        "SyncMessages",
        "The server is missing some of this computer's changes. Nothing is deleted here; ask IT.",
    ),
    "protocol_error": QT_TRANSLATE_NOOP(
        "SyncMessages", "The server's answer could not be understood. Ask IT."
    ),
    "too_large": QT_TRANSLATE_NOOP(
        "SyncMessages", "A change is too large to be sent. Ask IT; nothing is deleted."
    ),
    "reset_required": QT_TRANSLATE_NOOP(
        "SyncMessages", "The server was restored from a backup. Sync again to fetch everything."
    ),
    "no_address": QT_TRANSLATE_NOOP(
        "SyncMessages", "There is no server address. Sign in under Settings."
    ),
    "not_registered": QT_TRANSLATE_NOOP(
        "SyncMessages",
        "This computer is not signed in to the server yet. Sign in under Settings.",
    ),
    "already_syncing": QT_TRANSLATE_NOOP("SyncMessages", "A sync is already running."),
    "sync_error": QT_TRANSLATE_NOOP(
        "SyncMessages", "The sync did not finish. Nothing is lost; try again."
    ),
}

_SIGN_IN_ERRORS: dict[str, str] = {
    "unauthorized": QT_TRANSLATE_NOOP(
        "SyncMessages", "The server did not recognise the username or the password. Try again."
    ),
    "offline": QT_TRANSLATE_NOOP(
        "SyncMessages",
        "No connection to the server. Check that the computer is online and that the "
        "address is right.",
    ),
    "server_unavailable": QT_TRANSLATE_NOOP(
        "SyncMessages", "The server is not answering right now. Try again in a little while."
    ),
    "untrusted_server": QT_TRANSLATE_NOOP(
        "SyncMessages",
        "Gadeplan does not trust the server's certificate. Is the address right? Otherwise "
        "ask IT: the municipality's CA certificate may be missing on this computer.",
    ),
    "rate_limited": QT_TRANSLATE_NOOP(
        "SyncMessages",
        "Too many attempts to sign in. Wait a quarter of an hour, then try again.",
    ),
    "https_required": QT_TRANSLATE_NOOP(
        "SyncMessages",
        "The address must start with https://, so that the connection is encrypted.",
    ),
    "address_format": QT_TRANSLATE_NOOP(
        "SyncMessages",
        "That does not look like a server address. It looks like this: https://gadeplan.kommune.dk",
    ),
    "upgrade_required": QT_TRANSLATE_NOOP(
        "SyncMessages", "The server needs a newer version of Gadeplan. Ask IT to update it."
    ),
    "protocol_error": QT_TRANSLATE_NOOP(
        "SyncMessages",
        "The server's answer could not be understood. Is the address right? Otherwise ask IT.",
    ),
    "already_registered": QT_TRANSLATE_NOOP(
        "SyncMessages", "This computer is already signed in to the server."
    ),
    "sync_error": QT_TRANSLATE_NOOP(
        "SyncMessages", "Signing in did not work. Ask IT whether you belong to a team."
    ),
}

_REJECTIONS: dict[str, str] = {
    "validation_failed": QT_TRANSLATE_NOOP(
        "SyncMessages", "the server's rules do not allow what was saved"
    ),
    "no_access": QT_TRANSLATE_NOOP("SyncMessages", "you have no access to that team's records"),
    "not_author": QT_TRANSLATE_NOOP("SyncMessages", "only the worker who wrote it can correct it"),
    "append_only": QT_TRANSLATE_NOOP("SyncMessages", "it cannot be changed once it is saved"),
    "record_deleted": QT_TRANSLATE_NOOP(
        "SyncMessages", "it had already been deleted on the server"
    ),
    "read_only": QT_TRANSLATE_NOOP("SyncMessages", "only the server can change it"),
    "too_large": QT_TRANSLATE_NOOP("SyncMessages", "it was too large to be sent"),
    "unknown_entity": QT_TRANSLATE_NOOP(
        "SyncMessages", "the server does not know this kind of information (update Gadeplan)"
    ),
    "rejected": QT_TRANSLATE_NOOP("SyncMessages", "the server refused it"),
}
for _code in ("unknown_field", "invalid_id", "invalid_hlc", "entity_mismatch"):
    _REJECTIONS[_code] = _REJECTIONS["unknown_entity"]


def sync_error_text(code: str) -> str:
    """The status bar's sentence for the last sync's failure."""
    return translate("SyncMessages", _SYNC_ERRORS.get(code, _SYNC_ERRORS["sync_error"]))


def sign_in_error_text(code: str) -> str:
    return translate(
        "SyncMessages",
        _SIGN_IN_ERRORS.get(code) or _SYNC_ERRORS.get(code) or _SIGN_IN_ERRORS["sync_error"],
    )


def rejection_text(code: str) -> str:
    """Why the server refused a change, to follow "Refused because ..."."""
    return translate("SyncMessages", _REJECTIONS.get(code, _REJECTIONS["rejected"]))
