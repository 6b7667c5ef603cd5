"""The errors a user of the services can meet, re-exported so that ui/ (which never imports
storage/) can tell them apart and tell the worker in plain words."""

from gadeplan.app.domain.records import FieldError, ValidationError
from gadeplan.app.policy import PolicyError
from gadeplan.app.services.session import NotAuthor
from gadeplan.storage.errors import (
    DamagedKeyFile,
    DamagedStore,
    DiskFull,
    KeychainEntryMissing,
    KeychainUnavailable,
    NewerStore,
    NoSqlCipher,
    ProfileExists,
    ProfileNotFound,
    StoreError,
    StoreLocked,
    Throttled,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)


class ProfileWiped(Exception):
    """The backend revoked this laptop; its store and keys are gone. The UI says so.

    Raised by the sync service; kept here so the command line can name it without importing
    the sync service at every start of the window."""

    code = "profile_wiped"


__all__ = [
    "DamagedKeyFile",
    "DamagedStore",
    "DiskFull",
    "FieldError",
    "KeychainEntryMissing",
    "KeychainUnavailable",
    "NewerStore",
    "NoSqlCipher",
    "NotAuthor",
    "PolicyError",
    "ProfileExists",
    "ProfileNotFound",
    "ProfileWiped",
    "StoreError",
    "StoreLocked",
    "Throttled",
    "ValidationError",
    "WeakPassphrase",
    "WrongPassphrase",
    "WrongRecoveryKey",
]
