"""Today: what the worker must act on now.

Follow-ups due today or overdue (the worker's own and unassigned ones), transitions in the
next 30 days that have no housing plan yet (the strategy's danger points), eviction dates in
the next 30 days, and how much work is waiting to be synced.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

import msgspec
from msgspec.structs import replace

from gadeplan.app.domain.records import AuditAction, FollowUp, TransitionKind
from gadeplan.app.services.changes import Change
from gadeplan.app.services.session import Session
from gadeplan.storage import queries

HORIZON_DAYS = 30
#: Follow-ups shown at most; the rest are counted (years of unfinished ones help nobody).
FOLLOW_UP_LIMIT = 200


class TodayItem(msgspec.Struct, frozen=True):
    record_id: str
    person_id: str | None
    alias: str | None
    on: date
    #: Follow-up: what to do. Eviction: the landlord. Transition: the note, if any.
    text: str
    overdue: bool = False
    transition: TransitionKind | None = None
    #: Eviction: "court_date" or "bailiff_date", whichever falls in the window first.
    eviction_date: str | None = None
    arrears_dkk: int | None = None

    def __repr__(self) -> str:
        # Aliases and notes: never in a log line or a traceback.
        return f"{type(self).__name__}(...)"


class TodayView(msgspec.Struct, frozen=True):
    today: date
    follow_ups: tuple[TodayItem, ...]
    #: All open follow-ups due by today, of which ``follow_ups`` shows the latest.
    follow_ups_total: int
    transitions: tuple[TodayItem, ...]
    evictions: tuple[TodayItem, ...]
    unsent: int
    oldest_unsent: datetime | None

    def oldest_unsent_age(self, now: datetime) -> timedelta | None:
        return None if self.oldest_unsent is None else now - self.oldest_unsent


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


class TodayService:
    def __init__(self, session: Session) -> None:
        self.session = session

    def view(self) -> TodayView:
        session = self.session
        store = session.store
        today = session.clock.today()
        horizon = today + timedelta(days=HORIZON_DAYS)
        me = session.identity.worker_id

        follow_ups: list[TodayItem] = []
        # Overdue first, the most recently due of them on top; then today's (all of them).
        follow_ups_total, due_rows = queries.follow_ups_due(
            store, today.isoformat(), me, FOLLOW_UP_LIMIT
        )
        for record_id, person_id, data in due_rows:
            fields = json.loads(data)
            due = _date(fields.get("due_on"))
            if due is None:
                continue
            follow_ups.append(
                TodayItem(
                    record_id, person_id, None, due, str(fields.get("what") or ""), due < today
                )
            )

        transitions: list[TodayItem] = []
        window = queries.transitions_between(store, today.isoformat(), horizon.isoformat())
        for record_id, person_id, data in window:
            fields = json.loads(data)
            on = _date(fields.get("on"))
            if on is None or fields.get("done"):
                continue
            if str(fields.get("housing_plan") or "").strip():
                continue
            try:
                kind = TransitionKind(fields.get("kind"))
            except ValueError:
                continue
            transitions.append(
                TodayItem(
                    record_id, person_id, None, on, str(fields.get("note") or ""), transition=kind
                )
            )

        evictions: list[TodayItem] = []
        for record_id, person_id, data in queries.open_eviction_cases(store):
            fields = json.loads(data)
            dates = [
                (day, name)
                for name in ("court_date", "bailiff_date")
                if (day := _date(fields.get(name))) is not None and today <= day <= horizon
            ]
            if not dates:
                continue
            day, name = min(dates)
            arrears = fields.get("arrears_dkk")
            evictions.append(
                TodayItem(
                    record_id,
                    person_id,
                    None,
                    day,
                    str(fields.get("landlord") or ""),
                    eviction_date=name,
                    arrears_dkk=int(arrears) if arrears is not None else None,
                )
            )

        transitions.sort(key=lambda i: i.on)
        evictions.sort(key=lambda i: i.on)
        names = queries.aliases(
            store, [i.person_id for i in (*follow_ups, *transitions, *evictions) if i.person_id]
        )

        def named(items: list[TodayItem]) -> tuple[TodayItem, ...]:
            return tuple(
                replace(i, alias=names.get(i.person_id)) if i.person_id else i for i in items
            )

        unsent, oldest = queries.unsent_changes(store)
        result = TodayView(
            today=today,
            follow_ups=named(follow_ups),
            follow_ups_total=follow_ups_total,
            transitions=named(transitions),
            evictions=named(evictions),
            unsent=unsent,
            oldest_unsent=datetime.fromisoformat(oldest) if oldest else None,
        )
        people = len({i.person_id for i in (*follow_ups, *transitions, *evictions)})
        with store.write() as conn:
            session.audit.write(conn, AuditAction.SEARCH, entity="today", detail=str(people))
        return result

    def complete_follow_up(self, follow_up_id: str) -> Change | None:
        follow_up = self.session.get(FollowUp, follow_up_id)
        if follow_up is None or follow_up.done_on is not None:
            return None
        return self.session.save(replace(follow_up, done_on=self.session.clock.today()))
