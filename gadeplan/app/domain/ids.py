"""Record identity.

Ids are UUIDv7 strings made by the client that creates the record: a retried create can then
never make a duplicate on the server, and ids sort by creation time, which keeps B-tree inserts
local.
"""

from __future__ import annotations

import uuid

import uuid6


def new_id() -> str:
    return str(uuid6.uuid7())


def is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        return False
    return True
