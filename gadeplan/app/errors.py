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
    "StoreError",
    "StoreLocked",
    "Throttled",
    "ValidationError",
    "WeakPassphrase",
    "WrongPassphrase",
    "WrongRecoveryKey",
]
