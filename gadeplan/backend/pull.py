"""``POST /v1/sync/pull``: one page of the device's feed, in sequence (= commit) order.

The feed of a device is the union of four sources, each indexed by (team, seq): records of its
teams (``put`` or ``delete``), workers who share a team with it (``put``), records that left
its teams (``remove``) and erasure tombstones (``erase``). Each source is read with the page's
limit and the results merged by sequence number, all in one snapshot together with the
device's ``last_mutation_id``.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import Text, cast, literal_column, select
from sqlalchemy.orm import Session

from gadeplan.app.domain.clock import Clock, wall_millis
from gadeplan.app.domain.hlc import Timestamp
from gadeplan.backend.db import Database
from gadeplan.backend.errors import ApiError
from gadeplan.backend.feed import SERVER_NODE, Access, Caller, Cursor, log_access, scope_of
from gadeplan.backend.models import Device, Erasure, Membership, Record, RecordExit, ServerState
from gadeplan.backend.settings import Settings
from gadeplan.sync.schemas import (
    MAX_PULL_LIMIT,
    Change,
    ChangeOp,
    ErrorCode,
    PullRequest,
)


def reset_required(message: str) -> ApiError:
    return ApiError(410, ErrorCode.RESET_REQUIRED, message)


def _feed_columns(is_sqlite: bool) -> tuple[Any, ...]:
    """What a page needs of a record, read as plain rows, not ORM objects (a page holds 1000).

    The fields and the per-field HLCs come as JSON text, written into the answer as they are:
    the stored fields are the domain's canonical JSON, validated when pushed, and decoding
    them and every field's metadata into Python only to encode them again was about a third
    of the server's time per page. The database picks the HLC (the first element of each
    field's ``[hlc, version, worker_id, device_id]``) out of ``meta`` in C.
    """
    table = Record.__tablename__
    field_hlc: Any
    if is_sqlite:
        field_hlc = literal_column(
            "(SELECT json_group_object(key, json_extract(value, '$[0]'))"
            f" FROM json_each({table}.meta))"
        )
    else:
        field_hlc = literal_column(
            "(SELECT coalesce(jsonb_object_agg(key, value -> 0), '{}'::jsonb)"
            f" FROM jsonb_each({table}.meta))::text"
        )
    return (
        Record.seq,
        Record.id,
        Record.entity,
        Record.deleted,
        Record.version,
        cast(Record.fields, Text).label("fields"),
        field_hlc.label("field_hlc"),
        Record.person_id,
    )


@dataclass(frozen=True, order=True)
class _Item:
    seq: int
    kind: str = field(compare=False)
    row: Any = field(compare=False)


class PullService:
    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self.db = db
        self.settings = settings
        self.clock = clock
        self._columns = _feed_columns(db.is_sqlite)

    def pull(self, caller: Caller, request: PullRequest) -> bytes:
        """The page as the JSON of a :class:`PullResponse`, built here rather than by pydantic
        so that the records' stored JSON goes into it as it is (see :func:`_feed_columns`)."""
        limit = min(request.limit, MAX_PULL_LIMIT)
        now = self.clock.now()
        scope = scope_of(caller.team_ids)
        teams = sorted(caller.team_ids)
        with self.db.read() as session:
            state = session.get(ServerState, 1)
            if state is None:
                raise ApiError(503, ErrorCode.UNAVAILABLE, "The server is not initialised.")
            after = self._start(state, scope, request.cursor, int(now.timestamp()))
            device = session.get(Device, caller.device_id)
            last_mutation_id = device.last_mutation_id if device is not None else 0
            coworkers = sorted(
                set(
                    session.scalars(
                        select(Membership.worker_id).where(Membership.team_id.in_(teams))
                    )
                )
            )
            items = heapq.merge(
                *(
                    self._source(session, kind, self._columns, teams, coworkers, after, limit + 1)
                    for kind in "rwxe"
                )
            )
            page: list[_Item] = []
            more = False
            for item in items:
                if len(page) == limit:
                    more = True
                    break
                page.append(item)
            changes, access = self._changes(page, caller, coworkers)
            seq = page[-1].seq if page else after
            server_hlc = max(state.hlc, str(Timestamp(wall_millis(self.clock), 0, SERVER_NODE)))
            cursor = Cursor(state.epoch, seq, scope, int(now.timestamp()))
        if access:
            with self.db.write() as session:
                log_access(session, now, "pull", caller, access)
                device = session.get(Device, caller.device_id)
                if device is not None:
                    device.last_seen_at = now
        return (
            f'{{"changes":[{",".join(changes)}],"cursor":{_string(cursor.encode())},'
            f'"more":{"true" if more else "false"},"last_mutation_id":{int(last_mutation_id)},'
            f'"server_hlc":{_string(server_hlc)}}}'
        ).encode()

    def _start(self, state: ServerState, scope: str, text: str | None, now: int) -> int:
        if text is None:
            return 0
        cursor = Cursor.decode(text)
        if cursor is None:
            raise reset_required("The cursor is not valid. Pull everything again.")
        if cursor.epoch != state.epoch:
            raise reset_required("The server was restored from a backup. Pull everything again.")
        if cursor.scope != scope:
            raise reset_required("Your teams have changed. Pull everything again.")
        if cursor.seq > state.seq:
            # A cursor from the future: the database went back in time without a new epoch.
            raise reset_required("The server's data is older than yours. Pull everything again.")
        retention = timedelta(days=self.settings.tombstone_retention_days).total_seconds()
        if cursor.seq < state.tombstone_floor or now - cursor.issued > retention:
            raise reset_required("This device has not synced for too long. Pull everything again.")
        return cursor.seq

    @staticmethod
    def _source(
        session: Session,
        kind: str,
        columns: tuple[Any, ...],
        teams: list[str],
        coworkers: list[str],
        after: int,
        limit: int,
    ) -> Iterator[_Item]:
        query: Any
        if kind == "r":
            query = (
                select(*columns)
                .where(Record.team_id.in_(teams), Record.seq > after)
                .order_by(Record.seq)
            )
        elif kind == "w":
            query = (
                select(*columns)
                .where(Record.entity == "worker", Record.id.in_(coworkers), Record.seq > after)
                .order_by(Record.seq)
            )
        elif kind == "x":
            query = (
                select(RecordExit, Record.team_id, Erasure.record_id)
                .outerjoin(Record, Record.id == RecordExit.record_id)
                .outerjoin(Erasure, Erasure.record_id == RecordExit.record_id)
                .where(RecordExit.team_id.in_(teams), RecordExit.seq > after)
                .order_by(RecordExit.seq)
            )
        else:
            query = (
                select(Erasure)
                .where(Erasure.team_id.in_(teams), Erasure.seq > after)
                .order_by(Erasure.seq)
            )
        result = session.execute(query.limit(limit))
        rows = result.all() if kind in "rwx" else result.scalars().all()
        for row in rows:
            seq = row[0].seq if kind == "x" else row.seq
            yield _Item(seq, kind, row)

    @staticmethod
    def _changes(
        page: list[_Item], caller: Caller, coworkers: list[str]
    ) -> tuple[list[str], list[Access]]:
        """The page's changes, each as the JSON of a :class:`Change`, and what to log."""
        changes: list[str] = []
        access: list[Access] = []
        visible_workers = set(coworkers)
        for item in page:
            if item.kind in "rw":
                rec = item.row  # the _feed_columns of a Record
                person = rec.person_id
                if rec.deleted:
                    change = Change(
                        entity=rec.entity, id=rec.id, op=ChangeOp.DELETE, version=rec.version
                    )
                else:
                    fields = rec.fields
                    if rec.entity == "worker":
                        # Only the teams this device shares: other teams are not its business.
                        shown = json.loads(fields)
                        shown["team_ids"] = sorted(
                            t for t in shown.get("team_ids", []) if t in caller.team_ids
                        )
                        fields = json.dumps(shown, ensure_ascii=False, separators=(",", ":"))
                    changes.append(
                        f'{{"entity":{_string(rec.entity)},"id":{_string(rec.id)},"op":"put",'
                        f'"version":{int(rec.version)},"fields":{fields},'
                        f'"field_hlc":{rec.field_hlc}}}'
                    )
                    access.append(Access(rec.entity, rec.id, person, ChangeOp.PUT.value))
                    continue
            elif item.kind == "x":
                exit_row, current_team, erased = item.row
                if erased is not None:
                    change = Change(
                        entity=exit_row.entity, id=exit_row.record_id, op=ChangeOp.ERASE
                    )
                else:
                    still_visible = (
                        exit_row.record_id in visible_workers
                        if exit_row.entity == "worker"
                        else current_team in caller.team_ids
                    )
                    if still_visible:
                        continue
                    change = Change(
                        entity=exit_row.entity, id=exit_row.record_id, op=ChangeOp.REMOVE
                    )
                person = None
            else:
                erasure: Erasure = item.row
                change = Change(entity=erasure.entity, id=erasure.record_id, op=ChangeOp.ERASE)
                person = erasure.person_id
            changes.append(change.model_dump_json())
            access.append(Access(change.entity, change.id, person, change.op.value))
        return changes, access


#: A JSON string of a str, quotes included; non-ASCII text left as it is (the body is UTF-8).
#: The json module's own C function: ``json.dumps`` of a string ends there after a few calls.
_string: Callable[[str], str] = json.encoder.encode_basestring
