"""What a sync tells the rest of the program, importable without the HTTP stack (see errors)."""

from __future__ import annotations

import msgspec
from msgspec import field

from gadeplan.storage.sync_state import Rejection
from gadeplan.sync.errors import SyncError


class AlreadySyncing(SyncError):
    code = "already_syncing"


class SyncReport(msgspec.Struct):
    pushed: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    pulled: int = 0
    erased: int = 0
    removed: int = 0
    kept_local: int = 0
    reset: bool = False
    clock_skew: bool = False


class Registration(msgspec.Struct, frozen=True):
    device_id: str
    worker_id: str
    worker_name: str
    team_id: str
    team_names: tuple[str, ...]
