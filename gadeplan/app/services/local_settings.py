"""Settings of the analysis screens, kept as JSON in the encrypted store's ``local_state``.

Not in QSettings: that is a plain-text file beside the profile, the core must not depend on
Qt, and these settings belong to the profile (a second profile on the same laptop may be
another team with another baseline). They are device-local and not synced: the thresholds are
the worker's view, not a record.

A stored value that no longer reads (an older or damaged JSON, a threshold out of range) falls
back to the defaults and says so in the program log, rather than keeping a screen from opening.
"""

from __future__ import annotations

import json
import logging
from typing import Any, Protocol, TypeVar

import msgspec

from gadeplan.app.domain.records import from_json, to_json
from gadeplan.storage.records import LocalState

log = logging.getLogger(__name__)


class _HasStore(Protocol):
    @property
    def store(self) -> Any: ...


S = TypeVar("S")


def load(session: _HasStore, key: str, cls: type[S]) -> S:
    """The stored settings under ``key``, or ``cls()`` when none (or none readable) are stored.
    Fields added since they were saved take their defaults; unknown fields are ignored."""
    with session.store.read() as conn:
        raw = LocalState.get(conn, key)
    if raw is None:
        return cls()
    try:
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise TypeError("not an object")
        value = from_json(cls, data)
    except (ValueError, TypeError, KeyError):
        # The key is a constant and the values are thresholds: nothing personal is logged.
        log.warning("stored settings %s could not be read; the defaults are used", key)
        return cls()
    if not isinstance(value, cls):
        return cls()
    return value


def save(session: _HasStore, key: str, value: Any) -> None:
    """Store the settings (a frozen Struct), replacing what was there."""
    if not isinstance(value, msgspec.Struct):
        raise TypeError("settings are a Struct instance")
    text = json.dumps(to_json(value), separators=(",", ":"), sort_keys=True)
    with session.store.write() as conn:
        LocalState.set(conn, key, text)


__all__ = ["load", "save"]
