"""Local retention on the real encrypted store: people with no activity for the policy's days
leave the laptop once everything about them is on the backend and no case of theirs is open.

"Synced" is made the way the sync engine makes it: the backend's answers to the pushed
mutations are acknowledged through the store (``SyncStore.acknowledge``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from msgspec.structs import replace

from gadeplan.app.domain.housing import HousingCategory
from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import (
    AuditAction,
    AuditEvent,
    Channel,
    Encounter,
    EvictionCase,
    EvictionStatus,
    FollowUp,
    HousingOffer,
    HousingStatus,
    OfferKind,
    OfferStatus,
    Person,
    SupportArea,
    SupportGoal,
    TeamRecord,
    Transition,
    TransitionKind,
)
from gadeplan.app.policy import Policy
from gadeplan.app.services.access import ProfileAccess
from gadeplan.app.services.retention import LAST_RUN, apply_retention
from gadeplan.app.services.session import Session
from gadeplan.app.services.sync import SyncService
from gadeplan.storage.sync_state import CLOCK_SKEW, SyncStore
from gadeplan.sync.reports import SyncReport
from tests.support import FAST_KDF, PASSPHRASE, FixedClock

#: The policy's days in these tests, and how far the clock moves to make people inactive.
DAYS = 90
LATER = 100
T0 = date(2026, 11, 25)  # FixedClock's today


# --- helpers -----------------------------------------------------------------------------------


def acknowledge_all(session: Session, status: str = "applied") -> None:
    """What a successful push does: the backend answered every mutation in the outbox."""
    state = SyncStore(session.repo)
    entries = session.repo.outbox(limit=100_000)
    with session.store.write() as conn:
        state.acknowledge(
            conn,
            [{"mutation_id": e.mutation_id, "status": status, "version": 1} for e in entries],
        )
    assert session.repo.outbox_summary()[0] == 0


def add_person(
    session: Session,
    alias: str,
    *extra: Callable[[Session, str], TeamRecord],
    **fields: Any,
) -> str:
    """A person met once on T0, with a note in the encounter (so it is in the search index)."""
    team = session.identity.team_id
    person = Person(id=new_id(), team_id=team, alias=alias, places=("Havnen",), **fields)
    assert session.create_person(person, confirmed_new=True).person is not None
    session.log_encounter(
        Encounter(
            id=new_id(),
            team_id=team,
            person_id=person.id,
            occurred_at=datetime(2026, 11, 24, 21, tzinfo=UTC),
            channel=Channel.STREET,
            place="Banegården",
            note=f"{alias} sov i opgangen",
        ),
        situation=HousingCategory.STREET,
    )
    for make in extra:
        session.save(make(session, person.id))
    return person.id


def rows_of(session: Session, person_id: str) -> int:
    """The person's records on the laptop, tombstones included, audit events not."""
    with session.store.read() as conn:
        (count,) = conn.execute(
            "SELECT count(*) FROM record WHERE person_id = ? AND entity != 'audit_event'",
            (person_id,),
        ).fetchone()
    return int(count)


def search_rows(session: Session, rowids: list[int]) -> int:
    marks = ",".join("?" * len(rowids))
    with session.store.read() as conn:
        persons = conn.execute(
            f"SELECT count(*) FROM person_search WHERE rowid IN ({marks})", rowids
        ).fetchone()[0]
        encounters = conn.execute(
            f"SELECT count(*) FROM encounter_search WHERE rowid IN ({marks})", rowids
        ).fetchone()[0]
    return int(persons) + int(encounters)


def rowids_of(session: Session, person_id: str) -> list[int]:
    with session.store.read() as conn:
        return [
            int(r[0])
            for r in conn.execute(
                "SELECT rowid FROM record WHERE person_id = ? AND entity != 'audit_event'",
                (person_id,),
            )
        ]


def run(session: Session, clock: FixedClock, days: int = LATER) -> tuple[int, int]:
    clock.advance(days=days)
    report = apply_retention(session, DAYS)
    assert report.ran
    return report.persons, report.records


# --- what goes ---------------------------------------------------------------------------------


def test_an_old_synced_person_leaves_the_laptop_entirely(
    session: Session, clock: FixedClock
) -> None:
    gone = add_person(session, "Ræven")
    acknowledge_all(session)
    rowids = rowids_of(session, gone)
    assert len(rowids) == 3  # person, encounter, housing entry
    assert search_rows(session, rowids) == 2
    assert [p.id for p in session.search_persons("opgangen")] == [gone]

    assert run(session, clock) == (1, 3)

    assert rows_of(session, gone) == 0
    assert search_rows(session, rowids) == 0
    assert session.search_persons("Ræven") == []
    assert session.search_persons("opgangen") == []
    assert session.get(Person, gone) is None
    assert session.integrity_problems() == []


def test_the_removal_leaves_nothing_to_push_and_one_audit_event_of_counts(
    session: Session, clock: FixedClock
) -> None:
    gone = add_person(session, "Ræven")
    record_ids = [r.id for r in session.repo.all_for_person(gone)]
    acknowledge_all(session)
    before = {e.id for e in session.repo.all(AuditEvent)}

    assert run(session, clock) == (1, 3)

    outbox = session.repo.outbox(limit=1000)
    assert [e.entity for e in outbox] == ["audit_event"]  # no delete, no tombstone
    assert not {e.record_id for e in outbox} & set(record_ids)
    with session.store.read() as conn:
        assert conn.execute("SELECT count(*) FROM sync_erased").fetchone()[0] == 0
    (event,) = [e for e in session.repo.all(AuditEvent) if e.id not in before]
    assert event.action is AuditAction.PRUNE
    assert event.detail == "persons=1;records=3"
    assert (event.record_id, event.person_id) == (None, None)
    assert outbox[0].record_id == event.id
    # The audit events about the person (created, read) stay: ids only, and the log must last.
    assert any(e.person_id == gone for e in session.repo.all(AuditEvent))


def test_the_audit_events_left_behind_are_no_person_to_remove_again(
    session: Session, clock: FixedClock
) -> None:
    gone = add_person(session, "Ræven")
    acknowledge_all(session)
    assert run(session, clock) == (1, 3)
    assert any(e.person_id == gone for e in session.repo.all(AuditEvent))
    acknowledge_all(session)
    assert run(session, clock, days=1) == (0, 0)
    prunes = [e for e in session.repo.all(AuditEvent) if e.action is AuditAction.PRUNE]
    assert len(prunes) == 1


def test_synced_tombstones_go_with_the_person(session: Session, clock: FixedClock) -> None:
    gone = add_person(
        session,
        "Ræven",
        lambda s, p: SupportGoal(
            id=new_id(),
            team_id=s.identity.team_id,
            person_id=p,
            area=SupportArea.HEALTH,
            own_words="Komme til lægen",
        ),
    )
    (goal,) = session.repo.for_person(SupportGoal, gone)
    session.delete(SupportGoal, goal.id)
    acknowledge_all(session)
    assert rows_of(session, gone) == 4
    assert run(session, clock) == (1, 4)
    assert rows_of(session, gone) == 0


# --- what stays --------------------------------------------------------------------------------


def _refuse_one(session: Session, person_id: str) -> None:
    """The backend refuses the last change about the person (the worker has not seen it)."""
    state = SyncStore(session.repo)
    (last, *_) = reversed([e for e in session.repo.outbox(limit=1000) if e.entity != "audit_event"])
    with session.store.write() as conn:
        state.acknowledge(
            conn, [{"mutation_id": last.mutation_id, "status": "rejected", "error": "x"}]
        )


def _unsent_edit(session: Session, person_id: str) -> None:
    person = session.get(Person, person_id)
    assert person is not None
    session.save(replace(person, description="Rød hue"))


def _unsent_delete(session: Session, person_id: str) -> None:
    (entry,) = session.repo.for_person(HousingStatus, person_id)
    session.delete(HousingStatus, entry.id)


def _refused_unseen(session: Session, person_id: str) -> None:
    _unsent_edit(session, person_id)
    _refuse_one(session, person_id)


def _never_on_the_backend(session: Session, person_id: str) -> None:
    """A new record the backend refused, and the worker dismissed the refusal: it has no
    server version, so this laptop holds the only copy."""
    session.save(
        FollowUp(
            id=new_id(),
            team_id=session.identity.team_id,
            person_id=person_id,
            due_on=T0,
            what="Ring",
            done_on=T0,
        )
    )
    _refuse_one(session, person_id)
    state = SyncStore(session.repo)
    for rejection in state.rejections():
        state.dismiss_rejection(rejection.mutation_id)


@pytest.mark.parametrize(
    "unsynced",
    [_unsent_edit, _unsent_delete, _refused_unseen, _never_on_the_backend],
    ids=["unsent-edit", "unsent-delete", "refused-unseen", "never-on-backend"],
)
def test_one_unsynced_record_keeps_every_record_of_the_person(
    session: Session, clock: FixedClock, unsynced: Callable[[Session, str], None]
) -> None:
    kept = add_person(session, "Lillebror")
    gone = add_person(session, "Ræven")
    acknowledge_all(session)
    unsynced(session, kept)  # on T0, so as old as everything else
    count = rows_of(session, kept)
    rowids = rowids_of(session, kept)
    indexed = search_rows(session, rowids)
    assert indexed >= 1

    assert run(session, clock) == (1, 3)

    assert rows_of(session, gone) == 0
    assert rows_of(session, kept) == count
    assert search_rows(session, rowids) == indexed
    assert [p.id for p in session.search_persons("Lillebror")] == [kept]


def test_a_recent_person_is_kept(session: Session, clock: FixedClock) -> None:
    gone = add_person(session, "Ræven")
    acknowledge_all(session)
    clock.advance(days=LATER - 10)
    recent = add_person(session, "Bamse")
    acknowledge_all(session)
    assert run(session, clock, days=10) == (1, 3)
    assert rows_of(session, recent) == 3
    assert rows_of(session, gone) == 0


def test_a_person_whose_file_the_worker_opened_lately_is_kept(
    session: Session, clock: FixedClock
) -> None:
    opened = add_person(session, "Bamse")
    gone = add_person(session, "Ræven")
    acknowledge_all(session)
    clock.advance(days=LATER - 10)
    assert session.open_person(opened) is not None
    acknowledge_all(session)
    assert run(session, clock, days=10) == (1, 3)
    assert rows_of(session, opened) == 3
    assert rows_of(session, gone) == 0


def test_a_colleagues_recent_change_pulled_from_the_backend_keeps_the_person(
    session: Session, clock: FixedClock
) -> None:
    touched = add_person(session, "Bamse")
    acknowledge_all(session)
    clock.advance(days=LATER)
    (person,) = session.repo.get_many(Person, [touched])
    recent = f"{int(clock.now().timestamp() * 1000) - 86_400_000:013d}-00000-d-colleague"
    pulled_put(session, person, version=2, description="Ny jakke", hlc=recent)
    assert apply_retention(session, DAYS).persons == 0
    assert rows_of(session, touched) == 3


def pulled_put(session: Session, person: Person, version: int, hlc: str, **changes: Any) -> None:
    """The backend sends the person as a colleague changed it (whole record, field clocks)."""
    fields = {**person.to_fields(), **changes}
    state = SyncStore(session.repo)
    with session.store.write() as conn:
        state.apply_changes(
            conn,
            [
                {
                    "op": "put",
                    "entity": "person",
                    "id": person.id,
                    "version": version,
                    "fields": fields,
                    "field_hlc": {name: hlc for name in fields},
                }
            ],
        )


Make = Callable[[Session, str], TeamRecord]


def _team(session: Session) -> str:
    return session.identity.team_id


def eviction(status: EvictionStatus) -> Make:
    return lambda s, p: EvictionCase(id=new_id(), team_id=_team(s), person_id=p, status=status)


def transition(on: date, done: bool = False) -> Make:
    return lambda s, p: Transition(
        id=new_id(),
        team_id=_team(s),
        person_id=p,
        kind=TransitionKind.PRISON_RELEASE,
        on=on,
        done=done,
    )


def follow_up(done_on: date | None) -> Make:
    return lambda s, p: FollowUp(
        id=new_id(), team_id=_team(s), person_id=p, due_on=T0, what="Ring", done_on=done_on
    )


def release(expected: date) -> Make:
    return lambda s, p: HousingStatus(
        id=new_id(),
        team_id=_team(s),
        person_id=p,
        category=HousingCategory.PRISON_RELEASE,
        valid_from=T0,
        expected_date=expected,
    )


def housed(since: date) -> Make:
    return lambda s, p: HousingStatus(
        id=new_id(),
        team_id=_team(s),
        person_id=p,
        category=HousingCategory.HOUSED,
        valid_from=since,
    )


def offer(status: OfferStatus, move_in_on: date | None = None) -> Make:
    return lambda s, p: HousingOffer(
        id=new_id(),
        team_id=_team(s),
        person_id=p,
        kind=OfferKind.ORDINARY,
        status=status,
        move_in_on=move_in_on,
    )


AHEAD = T0 + timedelta(days=LATER + 20)  # still ahead on the day retention runs
PASSED = T0 + timedelta(days=10)  # passed long before it


@pytest.mark.parametrize(
    ("open_case", "closed_case"),
    [
        ((eviction(EvictionStatus.OPEN),), (eviction(EvictionStatus.AVERTED),)),
        ((transition(AHEAD),), (transition(PASSED),)),
        ((transition(AHEAD, done=True),), (transition(PASSED, done=True),)),
        ((follow_up(None),), (follow_up(T0),)),
        ((release(AHEAD),), (release(PASSED),)),
        ((offer(OfferStatus.VIEWING),), (offer(OfferStatus.DECLINED),)),
        (
            (offer(OfferStatus.MOVED_IN, T0 - timedelta(days=30)),),
            (offer(OfferStatus.MOVED_IN, T0 - timedelta(days=400)),),
        ),
        ((housed(T0 - timedelta(days=30)),), (housed(T0 - timedelta(days=400)),)),
    ],
    ids=[
        "eviction-open",
        "transition-ahead",
        "transition-ahead-done",
        "follow-up-open",
        "release-ahead",
        "offer-in-progress",
        "offer-moved-in-lately",
        "housed-lately",
    ],
)
def test_a_person_with_an_open_case_is_kept(
    session: Session, clock: FixedClock, open_case: tuple[Make], closed_case: tuple[Make]
) -> None:
    kept = add_person(session, "Åse", *open_case)
    gone = add_person(session, "Kasket", *closed_case)
    acknowledge_all(session)
    assert run(session, clock) == (1, 4)
    assert rows_of(session, kept) == 4
    assert rows_of(session, gone) == 0


def test_an_aftercare_end_ahead_keeps_the_person(session: Session, clock: FixedClock) -> None:
    kept = add_person(session, "Lillebror", formerly_in_care=True, aftercare_ends_on=AHEAD)
    gone = add_person(session, "Kasket", formerly_in_care=True, aftercare_ends_on=PASSED)
    acknowledge_all(session)
    assert run(session, clock) == (1, 3)
    assert rows_of(session, kept) == 3
    assert rows_of(session, gone) == 0


@pytest.mark.parametrize("resolved", [False, True])
def test_an_unresolved_conflict_keeps_the_person(
    session: Session, clock: FixedClock, resolved: bool
) -> None:
    person_id = add_person(session, "Bamse")
    acknowledge_all(session)
    hlc = f"{int(clock.now().timestamp() * 1000):013d}-00000-server"
    with session.store.write() as conn:
        SyncStore(session.repo).apply_changes(
            conn,
            [
                {
                    "op": "put",
                    "entity": "conflict",
                    "id": new_id(),
                    "version": 1,
                    "fields": {
                        "team_id": _team(session),
                        "entity": "person",
                        "record_id": person_id,
                        "field": "description",
                        "kept_value": "a",
                        "lost_value": "b",
                        "person_id": person_id,
                        "resolved": resolved,
                    },
                    "field_hlc": {"resolved": hlc},
                }
            ],
        )
    assert run(session, clock) == ((0, 0) if not resolved else (1, 4))


# --- when it runs ------------------------------------------------------------------------------


def test_without_a_retention_policy_everything_stays(session: Session, clock: FixedClock) -> None:
    person_id = add_person(session, "Ræven")
    acknowledge_all(session)
    clock.advance(days=3650)
    assert not apply_retention(session, None).ran
    assert rows_of(session, person_id) == 3


def test_it_runs_once_a_day_for_the_same_policy(session: Session, clock: FixedClock) -> None:
    first = add_person(session, "Ræven")
    (old,) = session.repo.get_many(Person, [add_person(session, "Bamse")])
    acknowledge_all(session)
    session.erase_person(old.id)  # as if it had never been here
    assert run(session, clock) == (1, 3)
    assert rows_of(session, first) == 0
    assert SyncStore(session.repo).get(LAST_RUN) == f"{T0 + timedelta(days=LATER)}/{DAYS}"

    # The same day, a pull brings a person untouched for long (a colleague's, say).
    t0 = f"{int(datetime(2026, 11, 25, 10, tzinfo=UTC).timestamp() * 1000):013d}-00000-d-x"
    pulled_put(session, old, version=1, hlc=t0)
    assert rows_of(session, old.id) == 1
    assert not apply_retention(session, DAYS).ran  # same day, same policy: not again
    assert rows_of(session, old.id) == 1
    assert apply_retention(session, DAYS - 5).persons == 1  # IT changed the policy: again
    assert rows_of(session, old.id) == 0
    assert not apply_retention(session, DAYS - 5).ran
    clock.advance(days=1)
    assert apply_retention(session, DAYS - 5).ran  # the next day


def test_a_wrong_clock_stops_it(session: Session, clock: FixedClock) -> None:
    person_id = add_person(session, "Ræven")
    acknowledge_all(session)
    SyncStore(session.repo).set_now(CLOCK_SKEW, "2026-11-25T10:00:00+00:00")
    clock.advance(days=LATER)
    assert not apply_retention(session, DAYS).ran
    assert rows_of(session, person_id) == 3


def test_a_later_pull_of_a_changed_record_brings_the_person_back(
    session: Session, clock: FixedClock
) -> None:
    person_id = add_person(session, "Ræven")
    (person,) = session.repo.get_many(Person, [person_id])
    acknowledge_all(session)
    assert run(session, clock) == (1, 3)

    hlc = f"{int(clock.now().timestamp() * 1000):013d}-00000-d-colleague"
    pulled_put(session, person, version=2, hlc=hlc, places=["Havnen", "Kirken"])

    back = session.get(Person, person_id)
    assert back is not None
    assert back.places == ("Havnen", "Kirken")
    assert [p.id for p in session.search_persons("Kirken")] == [person_id]
    assert not [e for e in session.repo.outbox(limit=100) if e.entity != "audit_event"]


# --- where it is called ------------------------------------------------------------------------


class _Engine:
    def sync_once(self) -> SyncReport:
        return SyncReport()


def test_a_successful_sync_applies_the_policy(
    session: Session, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    person_id = add_person(session, "Ræven")
    acknowledge_all(session)
    clock.advance(days=LATER)
    sync = SyncService(session, Policy(retention_days=DAYS))
    monkeypatch.setattr(sync, "_engine_for", lambda server_url=None: _Engine())
    sync.sync_once()
    assert (sync.retention.persons, sync.retention.records) == (1, 3)
    assert rows_of(session, person_id) == 0


def test_a_sync_without_retention_in_the_policy_removes_nothing(
    session: Session, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    person_id = add_person(session, "Ræven")
    acknowledge_all(session)
    clock.advance(days=LATER)
    sync = SyncService(session, Policy())
    monkeypatch.setattr(sync, "_engine_for", lambda server_url=None: _Engine())
    sync.sync_once()
    assert rows_of(session, person_id) == 3


@pytest.mark.parametrize("retention_days", [DAYS, None])
def test_unlocking_applies_the_policy(
    session: Session, clock: FixedClock, profile_dir: Path, retention_days: int | None
) -> None:
    person_id = add_person(session, "Ræven")
    acknowledge_all(session)
    session.lock()
    clock.advance(days=LATER)
    access = ProfileAccess(
        profile_dir, Policy(retention_days=retention_days), clock=clock, kdf=FAST_KDF
    )
    reopened = access.open(PASSPHRASE)
    try:
        assert rows_of(reopened, person_id) == (0 if retention_days else 3)
    finally:
        reopened.lock()


def test_a_capped_run_goes_on_at_the_next_call_the_same_day(
    session: Session, clock: FixedClock
) -> None:
    first = add_person(session, "Ræven")
    second = add_person(session, "Bamse")
    acknowledge_all(session)
    clock.advance(days=LATER)
    assert apply_retention(session, DAYS, limit=1).persons == 1
    assert {rows_of(session, first), rows_of(session, second)} == {0, 3}
    assert apply_retention(session, DAYS, limit=1).persons == 1  # not stamped: more were due
    assert rows_of(session, first) == rows_of(session, second) == 0
    assert apply_retention(session, DAYS, limit=1).persons == 0  # stamped now
    assert not apply_retention(session, DAYS, limit=1).ran
