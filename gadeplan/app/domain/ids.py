"""Record identity.

Ids are UUIDv7 strings made by the client that creates the record: a retried create can then
never make a duplicate on the server, and ids sort by creation time, which keeps B-tree inserts
local.
"""

from __future__ import annotations

import uuid
from functools import cache
from typing import Any


@cache
def _uuid6() -> Any:
    # uuid6 reads its own package metadata when imported (a twentieth of a second): not worth
    # paying before the window shows, when no record is made yet.
    import uuid6

    return uuid6


def new_id() -> str:
    return str(_uuid6().uuid7())


def is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        return False
    return True
