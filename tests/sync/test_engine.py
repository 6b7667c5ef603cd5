"""The client engine against the real backend: the contract's cases, one at a time."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from msgspec.structs import replace

from gadeplan.app.domain.housing import HousingCategory
from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import (
    Channel,
    Conflict,
    Encounter,
    Person,
    Phone,
    ValidationError,
)
from gadeplan.app.services.sync import ProfileWiped
from gadeplan.storage import keys
from gadeplan.storage.sync_state import AppliedPage, SyncStore
from gadeplan.sync import engine as engine_module
from gadeplan.sync.engine import SyncEngine
from gadeplan.sync.errors import ProtocolError
from tests.backend.support import Server
from tests.sync.conftest import Laptop

Make = Callable[..., Laptop]


def _person(laptop: Laptop, alias: str, **fields: object) -> Person:
    person = Person(id=new_id(), team_id=laptop.team, alias=alias, **fields)  # type: ignore[arg-type]
    result = laptop.session.create_person(person, confirmed_new=True)
    assert result.person is not None
    return result.person


def _encounter(laptop: Laptop, person: Person, note: str) -> Encounter:
    encounter = Encounter(
        id=new_id(),
        team_id=laptop.team,
        person_id=person.id,
        occurred_at=datetime(2026, 11, 24, 22, tzinfo=UTC),
        channel=Channel.NIGHT_CAFE,
        note=note,
    )
    laptop.session.log_encounter(encounter, situation=HousingCategory.SOFA)
    return encounter


def test_registration_moves_offline_work_into_the_workers_team(
    backend: Server, laptops: Make, tmp_path: object
) -> None:
    team = backend.team()
    laptop = laptops(backend.worker(team))
    assert laptop.team == team
    assert laptop.registration.team_id == team
    person = _person(laptop, "Ræven")
    report = laptop.sync.sync_once()
    assert report.rejected == []
    assert report.pushed >= 2  # the person and its audit event
    status = laptop.sync.status()
    assert status.unsent_changes == 0
    assert status.last_success is not None
    assert laptop.session.get(Person, person.id) is not None


def test_two_laptops_of_a_team_see_each_others_work(backend: Server, laptops: Make) -> None:
    team = backend.team()
    a = laptops(backend.worker(team))
    b = laptops(backend.worker(team))
    person = _person(a, "Lillebror", name="Søren Østergaard")
    _encounter(a, person, "Sov ved Banegården")
    a.sync.sync_once()
    report = b.sync.sync_once()
    assert report.pulled >= 3
    file = b.session.open_person(person.id)
    assert file is not None
    assert file.person.name == "Søren Østergaard"
    assert [e.note for e in file.encounters] == ["Sov ved Banegården"]
    assert [h.category for h in file.housing] == [HousingCategory.SOFA]
    # Searchable on the other laptop too: the pull keeps the search index in step.
    assert [p.id for p in b.session.search_persons("soeren")] == [person.id]


def test_concurrent_edits_converge_and_keep_the_losing_value(
    backend: Server, laptops: Make
) -> None:
    team = backend.team()
    a = laptops(backend.worker(team))
    b = laptops(backend.worker(team))
    person = _person(a, "Kasket", phones=(Phone("+45 11 11 11 11"),))
    a.sync.sync_once()
    b.sync.sync_once()
    # Both edit the phone number offline, in two cars.
    a.session.update_person(replace(person, phones=(Phone("+45 22 22 22 22"),)))
    b_person = b.session.get(Person, person.id)
    assert b_person is not None
    b.session.update_person(replace(b_person, phones=(Phone("+45 33 33 33 33"),)))
    a.sync.sync_once()
    b.sync.sync_once()
    a.sync.sync_once()
    phone_a = a.session.get(Person, person.id).phones  # type: ignore[union-attr]
    phone_b = b.session.get(Person, person.id).phones  # type: ignore[union-attr]
    assert phone_a == phone_b == (Phone("+45 33 33 33 33"),)  # the later edit (higher HLC)
    conflicts = list(a.session.repo.all(Conflict))
    assert len(conflicts) == 1
    assert conflicts[0].record_id == person.id
    assert conflicts[0].field == "phones"
    assert "22 22 22 22" in str(conflicts[0].lost_value)
    assert not conflicts[0].resolved


def test_consecutive_own_edits_are_not_conflicts(backend: Server, laptops: Make) -> None:
    team = backend.team()
    a = laptops(backend.worker(team))
    person = _person(a, "Bamse")
    for alias in ("Bamse 2", "Bamse 3", "Bamse 4"):
        current = a.session.get(Person, person.id)
        assert current is not None
        a.session.update_person(replace(current, alias=alias))
    a.sync.sync_once()
    # And again after a sync, on top of the acknowledged version.
    current = a.session.get(Person, person.id)
    assert current is not None
    a.session.update_person(replace(current, alias="Bamse 5"))
    a.sync.sync_once()
    assert list(a.session.repo.all(Conflict)) == []
    assert a.session.get(Person, person.id).alias == "Bamse 5"  # type: ignore[union-attr]


def test_a_pull_never_clobbers_an_unsent_edit(backend: Server, laptops: Make) -> None:
    team = backend.team()
    a = laptops(backend.worker(team))
    b = laptops(backend.worker(team))
    person = _person(a, "Stjerne", name="Maja Holm")
    a.sync.sync_once()
    b.sync.sync_once()
    a.session.update_person(replace(person, name="Maja Holm Dahl"))
    a.sync.sync_once()
    # b edits another field later, and applies the server's put before pushing.
    b_person = b.session.get(Person, person.id)
    assert b_person is not None
    b.clock.advance(minutes=1)
    b.session.update_person(replace(b_person, description="Grøn jakke"))
    state = b.sync.state
    page = b.transport.post(
        "/v1/sync/pull",
        {"cursor": state.get("sync_cursor"), "limit": 1000},
        token=b.sync._engine_for()._token(),
    )
    with b.session.store.write() as conn:
        state.apply_changes(conn, page["changes"])
    merged = b.session.get(Person, person.id)
    assert merged is not None
    assert merged.name == "Maja Holm Dahl"  # the server's newer value
    assert merged.description == "Grøn jakke"  # the unsent local edit survives
    b.sync.sync_once()
    a.sync.sync_once()
    assert a.session.get(Person, person.id) == b.session.get(Person, person.id)


def test_erasure_purges_everything_and_nothing_comes_back(backend: Server, laptops: Make) -> None:
    team = backend.team()
    a = laptops(backend.worker(team))
    b = laptops(backend.worker(team))
    person = _person(a, "Ål", name="Erase Me")
    _encounter(a, person, "Noget om Erase Me")
    a.sync.sync_once()
    b.sync.sync_once()
    # b edits offline while the municipality erases the person.
    b_person = b.session.get(Person, person.id)
    assert b_person is not None
    b.session.update_person(replace(b_person, name="Erase Me Too"))
    backend.admin.erase_person(person.id, "Art. 17 request")
    a.sync.sync_once()
    report = b.sync.sync_once()
    for laptop in (a, b):
        assert laptop.sync.status().unsent_changes == 0  # the emptied copies were answered
        assert laptop.session.get(Person, person.id) is None
        assert laptop.session.repo.all_for_person(person.id) == []
        assert laptop.session.search_persons("erase") == []
    assert report.rejected == []
    # Another sync round: still gone.
    b.sync.sync_once()
    assert b.session.get(Person, person.id) is None


def test_a_record_moved_to_another_team_is_removed(backend: Server, laptops: Make) -> None:
    team, other = backend.team(), backend.team()
    a = laptops(backend.worker(team))
    both = laptops(backend.worker(team, other))
    person = _person(both, "Flytter")
    both.sync.sync_once()
    a.sync.sync_once()
    assert a.session.get(Person, person.id) is not None
    moved = both.session.get(Person, person.id)
    assert moved is not None
    both.session.update_person(replace(moved, team_id=other))
    both.sync.sync_once()
    report = a.sync.sync_once()
    assert report.removed >= 1
    assert a.session.get(Person, person.id) is None
    assert both.session.get(Person, person.id) is not None


def test_epoch_change_resets_and_keeps_the_outbox(backend: Server, laptops: Make) -> None:
    team = backend.team()
    a = laptops(backend.worker(team))
    person = _person(a, "Synkroniseret")
    a.sync.sync_once()
    # A record the server no longer has (as after a restore) and an unsent local edit.
    ghost = Person(id=new_id(), team_id=team, alias="Spøgelse")
    with a.session.store.write() as conn:
        a.session.repo.save(conn, ghost, outbox=False)
        conn.execute("UPDATE record SET version = 3 WHERE id = ?", (ghost.id,))
    unsent = _person(a, "Usendt")
    backend.admin.new_epoch()
    report = a.sync.sync_once()
    assert report.reset
    assert a.session.get(Person, ghost.id) is None  # not on the server: removed
    assert a.session.get(Person, person.id) is not None
    assert a.session.get(Person, unsent.id) is not None  # pushed, not lost


def test_revoked_laptop_wipes_itself(backend: Server, laptops: Make) -> None:
    team = backend.team()
    a = laptops(backend.worker(team))
    _person(a, "Væk")
    a.sync.sync_once()
    backend.admin.revoke_device(a.registration.device_id)
    engine = a.sync._engine_for()
    engine._access_token = None  # the next request must renew its token
    with pytest.raises(ProfileWiped):
        a.sync.sync_once()
    assert not (a.folder / keys.KEY_FILE).exists()
    assert not (a.folder / keys.DB_FILE).exists()
    assert not a.session.store.is_open


def test_an_oversize_record_is_refused_when_saved(backend: Server, laptops: Make) -> None:
    team = backend.team()
    a = laptops(backend.worker(team))
    person = _person(a, "Lang")
    before = a.sync.status().unsent_changes
    with pytest.raises(ValidationError) as info:
        _encounter(a, person, "x" * 300_000)
    assert [(e.field, e.code) for e in info.value.errors] == [("note", "too_long")]
    assert a.sync.status().unsent_changes == before


def test_an_oversize_mutation_never_blocks_the_queue(backend: Server, laptops: Make) -> None:
    """Should one get into the outbox all the same (an older version, a bug), it is answered
    and reported, and the mutations after it still arrive."""
    team = backend.team()
    a = laptops(backend.worker(team))
    person = _person(a, "Lang")
    too_long = Encounter(
        id=new_id(),
        team_id=team,
        person_id=person.id,
        occurred_at=datetime(2026, 11, 24, tzinfo=UTC),
        channel=Channel.STREET,
        note="x" * 300_000,
    )
    with a.session.store.write() as conn:
        a.session.repo.save(conn, too_long)  # around the services' validation
    after = _person(a, "Efter")
    report = a.sync.sync_once()
    assert [(r.record_id, r.error) for r in report.rejected] == [(too_long.id, "too_large")]
    assert [r.record_id for r in a.sync.status().rejections] == [too_long.id]
    assert a.sync.status().unsent_changes == 0
    b = laptops(backend.worker(team))
    b.sync.sync_once()
    assert b.session.get(Person, after.id) is not None
    assert b.session.get(Encounter, too_long.id) is None


def test_clock_far_ahead_is_flagged(backend: Server, laptops: Make) -> None:
    team = backend.team()
    a = laptops(backend.worker(team))
    a.clock.current = datetime.now(UTC).replace(year=datetime.now(UTC).year + 1)
    _person(a, "Fremtid")
    report = a.sync.sync_once()
    assert report.clock_skew
    assert a.sync.status().clock_skew
    a.sync.acknowledge_clock_warning()
    assert not a.sync.status().clock_skew


def test_one_sync_at_a_time(backend: Server, laptops: Make) -> None:
    from gadeplan.sync.reports import AlreadySyncing

    team = backend.team()
    a = laptops(backend.worker(team))
    engine: SyncEngine = a.sync._engine_for()
    engine._running.acquire()
    try:
        with pytest.raises(AlreadySyncing):
            engine.sync_once()
    finally:
        engine._running.release()


def test_work_done_before_signing_in_is_accepted(backend: Server, tmp_path: Path) -> None:
    """Offline from day one: records and audit events made under the local stand-in team,
    worker and device are re-filed under the server's at sign-in, and none is refused."""
    from gadeplan.app.policy import Policy
    from gadeplan.app.services.profile import create_profile
    from gadeplan.app.services.sync import SyncService
    from tests.backend.support import PASSWORD
    from tests.support import FAST_KDF, PASSPHRASE

    team = backend.team()
    username = backend.worker(team)
    session = create_profile(tmp_path / "p", PASSPHRASE, policy=Policy(), kdf=FAST_KDF).session
    try:
        local_team = session.identity.team_id
        person = Person(id=new_id(), team_id=local_team, alias="Før login")
        session.create_person(person, confirmed_new=True)
        session.open_person(person.id)  # an audited read, under the stand-in device
        sync = SyncService(session, Policy())
        sync.register(backend.base_url, username, PASSWORD, "Bærbar")
        report = sync.sync_once()
        sync.close()
        assert report.rejected == []
        assert session.identity.team_id == team
        stored = session.get(Person, person.id)
        assert stored is not None
        assert stored.team_id == team
    finally:
        session.lock()
    assert person.id in backend.device(backend.worker(team)).everything()


def _slow_small_pages(monkeypatch: pytest.MonkeyPatch, commit_seconds: float) -> list[int]:
    """Pull pages of two records, each slow to apply, so the next page has arrived by the
    time one is done. Returns the sizes of the pages applied, as they are applied."""
    sizes: list[int] = []
    real_apply = SyncStore.apply_changes

    def slow_apply(self: SyncStore, conn: Any, changes: list[dict[str, Any]]) -> AppliedPage:
        sizes.append(len(changes))
        time.sleep(0.15)
        return real_apply(self, conn, changes)

    monkeypatch.setattr(engine_module, "MAX_PULL_LIMIT", 2)
    monkeypatch.setattr(engine_module, "PULL_COMMIT_SECONDS", commit_seconds)
    monkeypatch.setattr(SyncStore, "apply_changes", slow_apply)
    return sizes


def _five_people(backend: Server, laptops: Make) -> str:
    team = backend.team()
    a = laptops(backend.worker(team))
    for n in range(5):
        _person(a, f"Side {n}")
    a.sync.sync_once()
    return team


def test_pages_that_have_arrived_commit_together(
    backend: Server, laptops: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    team = _five_people(backend, laptops)
    real_pull = SyncEngine._pull
    commits: list[str] = []

    def traced_pull(self: SyncEngine, *args: Any) -> None:
        """The pull alone, with the statements its store runs."""
        conn = self.state.store._conn
        conn.set_trace_callback(lambda sql: commits.append(sql) if sql == "COMMIT" else None)
        try:
            real_pull(self, *args)
        finally:
            conn.set_trace_callback(None)

    monkeypatch.setattr(SyncEngine, "_pull", traced_pull)
    sizes = _slow_small_pages(monkeypatch, 0.0)
    each = laptops(backend.worker(team))
    each.sync.sync_once()
    assert len(sizes) >= 3
    assert len(commits) == len(sizes)  # one commit per page
    commits.clear()
    sizes = _slow_small_pages(monkeypatch, 60.0)
    grouped = laptops(backend.worker(team))
    grouped.sync.sync_once()
    assert len(sizes) >= 3
    assert len(commits) == 1  # every page had arrived by the time the one before was written
    assert grouped.session.stats().records["person"] == each.session.stats().records["person"]


def test_a_failed_page_keeps_the_pages_before_it(
    backend: Server, laptops: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    team = _five_people(backend, laptops)
    sizes = _slow_small_pages(monkeypatch, 60.0)
    real_fetch = SyncEngine._fetch_page
    fetched: list[str | None] = []

    def failing_fetch(self: SyncEngine, cursor: str | None) -> Any:
        fetched.append(cursor)
        if len(fetched) == 3:
            raise ProtocolError("the third page is broken")
        return real_fetch(self, cursor)

    monkeypatch.setattr(SyncEngine, "_fetch_page", failing_fetch)
    laptop = laptops(backend.worker(team))
    with pytest.raises(ProtocolError):
        laptop.sync.sync_once()
    # The two pages before it committed, with the cursor after them: not pulled again.
    assert sizes == [2, 2]
    kept = laptop.session.stats()
    laptop.sync.sync_once()
    assert fetched[3] == fetched[2]  # on from the third page
    assert laptop.session.stats().records["person"] > kept.records["person"]
