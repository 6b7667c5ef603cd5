"""What every change to the pulled feed shares: the counter lock, sequence numbers, the server's
hybrid logical clock, conflict records, the cursor, and the server audit log."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from gadeplan.app.domain.clock import Clock, wall_millis
from gadeplan.app.domain.hlc import HybridLogicalClock
from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import JSON, Conflict
from gadeplan.backend.db import lock_state
from gadeplan.backend.models import AccessLog, Record

#: The node name in the server's HLC timestamps. Device ids are ``d-<uuid>``, so it is unique.
SERVER_NODE = "server"


@dataclass(frozen=True)
class Caller:
    """The authenticated device, its worker and the teams whose records it may see."""

    device_id: str
    worker_id: str
    team_ids: frozenset[str]


@dataclass(frozen=True)
class Side:
    """One side of a conflict: the value, who wrote it and when."""

    value: JSON
    by: str | None
    hlc: str | None


class Writer:
    """A transaction that changes what clients pull.

    Created as the transaction's first statement, it locks the counter row (see
    :func:`gadeplan.backend.db.lock_state`) and hands out sequence numbers from it. Why not an
    auto-increment column or ``updated_at``? Both are assigned when a row is written, not when
    its transaction commits: writer A takes 10, writer B takes 11 and commits first, a pull
    then returns 11 and moves its cursor past 10, and A's row, committed a moment later, is
    never pulled by that device. With the counter row locked until commit, B cannot take a
    number until A has committed, so sequence order is commit order.
    """

    def __init__(self, session: Session, clock: Clock) -> None:
        self.session = session
        self.state = lock_state(session)
        self.now = clock.now()
        self.now_millis = wall_millis(clock)
        self._hlc = HybridLogicalClock(SERVER_NODE, lambda: wall_millis(clock), self.state.hlc)

    def next_seq(self) -> int:
        self.state.seq += 1
        return self.state.seq

    def hlc(self) -> str:
        return self._hlc.now()

    def observe(self, timestamp: str) -> None:
        """Keep the server's clock ahead of every HLC it stores, so ``server_hlc`` in a pull
        moves clients past every edit they have received."""
        self._hlc.observe(timestamp)

    def finish(self) -> None:
        self.state.hlc = self._hlc.last

    def add_conflict(
        self,
        rec: Record,
        field: str,
        kept: Side,
        lost: Side,
    ) -> str:
        """Keep a losing value as a ``conflict`` record of the record's team."""
        conflict = Conflict(
            id=new_id(),
            team_id=rec.team_id or "",
            entity=rec.entity,
            record_id=rec.id,
            field=field,
            kept_value=kept.value,
            lost_value=lost.value,
            kept_by=kept.by,
            kept_hlc=kept.hlc,
            lost_by=lost.by,
            lost_hlc=lost.hlc,
            person_id=rec.person_id,
        )
        fields = conflict.to_fields()
        hlc = self.hlc()
        self.session.add(
            Record(
                id=conflict.id,
                entity=Conflict.ENTITY,
                team_id=rec.team_id,
                person_id=rec.person_id,
                version=1,
                seq=self.next_seq(),
                deleted=False,
                fields=fields,
                meta={name: [hlc, 1, None, None] for name in fields},
                created_at=self.now,
                updated_at=self.now,
            )
        )
        return conflict.id


# --- the cursor ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cursor:
    """Where a device's pull stands. Opaque to the client; base64url JSON, not signed, because
    a forged cursor can only make its own device pull more or less of what it may see anyway.
    """

    epoch: str
    seq: int
    #: A fingerprint of the device's teams when issued: other teams means another feed.
    scope: str
    #: Unix seconds when issued, to refuse cursors older than tombstone retention.
    issued: int

    def encode(self) -> str:
        raw = json.dumps(
            {"v": 1, "e": self.epoch, "s": self.seq, "k": self.scope, "t": self.issued},
            separators=(",", ":"),
        )
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> Cursor | None:
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            data: Any = json.loads(raw)
            cursor = cls(str(data["e"]), int(data["s"]), str(data["k"]), int(data["t"]))
        except (ValueError, KeyError, TypeError, binascii.Error):
            return None
        return cursor if data.get("v") == 1 else None


def scope_of(team_ids: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(team_ids)).encode()).hexdigest()[:16]


# --- the server audit log ------------------------------------------------------------------------


@dataclass(frozen=True)
class Access:
    entity: str | None
    record_id: str | None
    person_id: str | None
    outcome: str | None


def log_access(
    session: Session,
    at: datetime,
    action: str,
    caller: Caller | None,
    entries: Sequence[Access],
) -> None:
    if not entries:
        return
    session.execute(
        # The table, not the mapped class: a page logs 1,000 rows, and the ORM's bulk insert
        # spends about 10 us a row on bookkeeping an append-only log does not need.
        insert(AccessLog.metadata.tables[AccessLog.__tablename__]),
        [
            {
                "at": at,
                "action": action,
                "device_id": caller.device_id if caller else None,
                "worker_id": caller.worker_id if caller else None,
                "entity": e.entity,
                "record_id": e.record_id,
                "person_id": e.person_id,
                "outcome": e.outcome,
            }
            for e in entries
        ],
    )
