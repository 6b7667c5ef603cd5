"""Local retention: people nobody has worked with for the policy's days leave the laptop.

A lost laptop should carry as little as the work needs. The backend keeps every record; the
laptop keeps what the worker is still working with. So, with ``retention_days`` set in the
machine policy, a person's records are removed from this laptop when the person is

- inactive for that many days: no change to any of their records by anyone, no encounter, and
  the worker has not opened their file here (the audit events of reading count: a worker who
  still looks a person up still needs them);
- fully synced: a record the backend does not have as this laptop has it (unsent, refused,
  never acknowledged) is the only copy of someone's work, so the whole person stays, not only
  that record, until it is sent;
- without an open case: an open eviction case, a transition or an expected release or
  discharge still ahead, a follow-up not done, a housing offer in progress, a move-in within
  :data:`MOVE_IN_WATCH_DAYS` (the radar's check-ins after a move run for a year), an
  aftercare end still ahead, or a conflict the worker must settle. These are the things the
  radar and Today act on by date; a person who has one is not a closed case, however quiet.

Support goals and referrals do not keep a person by themselves: they carry no date the
laptop must watch, and they stay on the backend.

The exact rule, in SQL, is in ``storage/retention.py``. Removal writes nothing to the outbox,
so nothing is deleted at the backend; one audit event records the counts. It runs after each
successful sync and when a profile is opened, at most once a day for the same policy (the
cutoff moves by days, so a second run the same day has nothing new to find), and not while
the backend has said this computer's clock is wrong: a clock ahead would make everyone look
inactive.
"""

from __future__ import annotations

import logging
from datetime import timedelta

import msgspec

from gadeplan.app.domain.records import ENTITIES, AuditAction
from gadeplan.app.services.session import Session
from gadeplan.storage import retention
from gadeplan.storage.records import LocalState
from gadeplan.storage.sync_state import CLOCK_SKEW

log = logging.getLogger(__name__)

#: local_state key: the day and the policy's days of the last run ("2026-11-25/90").
LAST_RUN = "retention_last_run"

#: People removed in one run at most, so the first run of a new policy on a laptop with years
#: of work holds the database for a second or two, not minutes; the next run (the next sync or
#: unlock) goes on where it stopped.
MAX_PERSONS_PER_RUN = 500

#: Days after a move-in during which the person stays: the radar's check-ins after a move
#: fall due up to 12 months later and stay open 30 days past that.
MOVE_IN_WATCH_DAYS = 365 + 31


class RetentionReport(msgspec.Struct, frozen=True):
    """What a run removed; ``ran`` is False when it had nothing to do (no policy, already
    done today, or a wrong clock)."""

    ran: bool = False
    persons: int = 0
    records: int = 0


def apply_retention(
    session: Session, days: int | None, *, force: bool = False, limit: int = MAX_PERSONS_PER_RUN
) -> RetentionReport:
    """Remove the people who are due (see the module), at most ``limit`` of them.
    ``force``: run even if it ran today."""
    if days is None:
        return RetentionReport()
    today = session.clock.today()
    stamp = f"{today.isoformat()}/{days}"
    with session.store.read() as conn:
        if not force and LocalState.get(conn, LAST_RUN) == stamp:
            return RetentionReport()
        if LocalState.get(conn, CLOCK_SKEW) is not None:
            log.warning("retention skipped: the backend reported a wrong clock")
            return RetentionReport()
    cutoff = session.clock.now() - timedelta(days=days)
    with session.store.write() as conn:
        due = retention.due_persons(
            conn,
            entities=sorted(ENTITIES),
            inactive_hlc=f"{int(cutoff.timestamp() * 1000):013d}",
            inactive_at=cutoff.isoformat(),
            today=today.isoformat(),
            move_in_since=(today - timedelta(days=MOVE_IN_WATCH_DAYS)).isoformat(),
            limit=limit,
        )
        removed = retention.remove_persons(conn, session.repo, due)
        if removed.persons:
            session.audit.write(
                conn,
                AuditAction.PRUNE,
                entity="person",
                detail=f"persons={removed.persons};records={removed.records}",
            )
        if len(due) < limit:
            LocalState.set(conn, LAST_RUN, stamp)  # else more are due: the next run goes on
    if removed.persons:
        # As after an erasure: no copy of the removed text stays behind in the WAL.
        session.store.checkpoint()
    log.info(
        "retention: %d people (%d records) removed from this laptop",
        removed.persons,
        removed.records,
    )
    return RetentionReport(True, removed.persons, removed.records)


__all__ = [
    "LAST_RUN",
    "MAX_PERSONS_PER_RUN",
    "MOVE_IN_WATCH_DAYS",
    "RetentionReport",
    "apply_retention",
]
