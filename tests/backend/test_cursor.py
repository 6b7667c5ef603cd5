"""The cursor: pages, ``more``, the epoch, retention and ``reset_required``."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from gadeplan.backend.models import AccessLog, Record, ServerState
from tests.backend.support import Server, iterate_pages, person
from tests.backend.test_protocol import error_of


def test_pages_cover_everything_once_in_order(server: Server) -> None:
    team = server.team()
    a = server.new_device(team)
    people = [person(team, alias=f"P{i}") for i in range(25)]
    a.push(*[a.save(p) for p in people])
    pages = list(iterate_pages(a, limit=7))
    assert [len(p["changes"]) for p in pages] == [7, 7, 7, 6]
    assert [p["more"] for p in pages] == [True, True, True, False]
    ids = [c["id"] for page in pages for c in page["changes"]]
    assert len(ids) == len(set(ids)) == 27
    assert {p.id for p in people} <= set(ids)
    # An empty page keeps its place and says there is no more.
    body = a.pull_raw(pages[-1]["cursor"]).json()
    assert (body["changes"], body["more"]) == ([], False)
    # Changes after the cursor, and only those, come next.
    a.push(a.mutation("person", people[3].id, {"alias": "Ændret"}, base_version=1))
    body = a.pull_raw(body["cursor"]).json()
    assert [c["id"] for c in body["changes"]] == [people[3].id]


def test_the_limit_is_capped(server: Server) -> None:
    team = server.team()
    a = server.new_device(team)
    response = a.pull_raw(None, limit=10**9)
    assert response.status_code == 200
    error_of(a.pull_raw(None, limit=0), 422, "invalid_request")


def test_a_damaged_cursor_requires_a_reset(server: Server) -> None:
    team = server.team()
    a = server.new_device(team)
    for cursor in ("", "bm9wZQ", "!!!", "eyJ2IjoyfQ"):
        error_of(a.pull_raw(cursor), 410, "reset_required")


def test_a_new_epoch_makes_clients_reset_and_accepts_their_numbering(
    fresh_server: Server,
) -> None:
    server = fresh_server
    team = server.team()
    a = server.new_device(team)
    a.push(a.save(person(team)), a.save(person(team)))
    a.pull()
    old_epoch = server.client().get("/v1/meta").json()["epoch"]

    new_epoch = server.admin.new_epoch()
    assert new_epoch != old_epoch
    assert server.client().get("/v1/meta").json()["epoch"] == new_epoch
    error_of(a.pull_raw(a.cursor), 410, "reset_required")
    assert len(a.everything()) == 4

    # After a restore the server may have lost acknowledged mutations: the device's next push
    # is accepted where its numbering stands, once.
    a.next_mutation_id = 10
    [r] = a.push(a.save(person(team)))
    assert r["status"] == "applied"
    a.next_mutation_id = 20
    error_of(a.push_raw(a.save(person(team))), 409, "mutation_gap")


def test_a_cursor_from_the_future_requires_a_reset(fresh_server: Server) -> None:
    """A database restored without a new epoch is behind its clients' cursors."""
    server = fresh_server
    team = server.team()
    a = server.new_device(team)
    a.push(a.save(person(team)))
    a.pull()
    with server.db.write() as session:
        state = session.get(ServerState, 1)
        assert state is not None
        state.seq -= 1
    error_of(a.pull_raw(a.cursor), 410, "reset_required")


def test_retention_purges_old_logs_and_tombstones_and_old_cursors_reset(
    fresh_server: Server,
) -> None:
    server = fresh_server
    team = server.team()
    a, b = server.new_device(team), server.new_device(team)
    p, q = person(team), person(team)
    a.push(a.save(p), a.save(q))
    b.pull()
    a.push(a.mutation("person", p.id, op="delete", base_version=1))
    stale_cursor = b.cursor
    assert b.pull_raw(stale_cursor).status_code == 200

    # Half a year and a bit later (the tokens expired meanwhile: refresh them).
    server.clock.advance(days=server.settings.tombstone_retention_days + 1)
    for device in (a, b):
        token = device.token().json()
        device.access, device.refresh = token["access_token"], token["refresh_token"]
    # A cursor older than tombstone retention must reset.
    error_of(b.pull_raw(stale_cursor), 410, "reset_required")
    fresh = b.pull_raw(None).json()["cursor"]

    report = server.admin.apply_retention()
    assert report.tombstones == 1
    assert report.mutation_results == 3
    assert report.access_log > 0
    cutoff = server.clock.now() - timedelta(days=server.settings.retention_days)
    with server.db.read() as session:
        assert session.get(Record, p.id) is None
        assert session.get(Record, q.id) is not None
        old_logs = select(func.count()).select_from(AccessLog).where(AccessLog.at < cutoff)
        assert session.scalar(old_logs) == 0
        assert (session.scalar(select(func.count()).select_from(AccessLog)) or 0) > 0

    # Even a recently issued cursor from before the purged tombstone resets; a later one not.
    server.clock.offset = timedelta()
    error_of(b.pull_raw(stale_cursor), 410, "reset_required")
    assert b.pull_raw(fresh).status_code == 200
    assert q.id in b.everything()
    assert p.id not in b.everything()
