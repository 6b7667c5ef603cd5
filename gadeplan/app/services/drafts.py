"""Work the worker had begun when the window locked: kept in the encrypted store until unlock.

The idle lock comes when a worker is called away in the middle of a note, which in the street
is often. The window closes every dialog when it locks (nothing read from the store may outlive
the lock), so a half-written quick log is handed here first and offered again after unlocking.
It lives in ``local_state``, inside the encrypted database, never in a plain file; it is taken
(read and deleted) in one transaction, so it is offered once.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from gadeplan.app.services.session import Session
from gadeplan.storage.records import LocalState

log = logging.getLogger(__name__)

QUICK_LOG = "draft_quick_log"


def keep(session: Session, key: str, draft: dict[str, Any]) -> None:
    text = json.dumps(draft, separators=(",", ":"), sort_keys=True, ensure_ascii=False)
    with session.store.write() as conn:
        LocalState.set(conn, key, text)
    log.info("a draft was kept at lock: %s", key)  # the key only, never the text


def take(session: Session, key: str) -> dict[str, Any] | None:
    with session.store.write() as conn:
        raw = LocalState.get(conn, key)
        if raw is None:
            return None
        LocalState.delete(conn, key)
    try:
        draft = json.loads(raw)
    except ValueError:
        log.warning("a kept draft could not be read and was dropped: %s", key)
        return None
    return draft if isinstance(draft, dict) else None
