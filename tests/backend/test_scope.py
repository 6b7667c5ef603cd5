"""Team scope: a device sees and changes only its worker's teams' records, and every endpoint
given another team's ids leaks nothing about them."""

from __future__ import annotations

import json

from gadeplan.app.domain.ids import new_id
from tests.backend.support import Server, encounter, person


def test_pull_returns_only_the_devices_teams(server: Server) -> None:
    mine, theirs = server.team("Mit"), server.team("Deres")
    a, b = server.new_device(mine), server.new_device(theirs)
    both = server.new_device(mine, theirs)
    p, q = person(mine), person(theirs)
    a.push(a.save(p))
    b.push(b.save(q))
    seen_a, seen_b, seen_both = a.everything(), b.everything(), both.everything()
    assert p.id in seen_a
    assert q.id not in seen_a
    assert q.id in seen_b
    assert p.id not in seen_b
    assert {p.id, q.id} <= set(seen_both)
    # Teams and workers: only one's own teams and the workers sharing one.
    assert theirs not in seen_a
    assert b.worker_id not in seen_a
    assert {mine, a.worker_id, both.worker_id} <= set(seen_a)
    # A colleague's other teams are not this device's business.
    assert seen_a[both.worker_id]["fields"]["team_ids"] == [mine]
    assert sorted(seen_both[both.worker_id]["fields"]["team_ids"]) == sorted([mine, theirs])


def test_another_teams_records_cannot_be_changed_and_leak_nothing(server: Server) -> None:
    mine, theirs = server.team("Mit"), server.team("Deres")
    a, b = server.new_device(mine), server.new_device(theirs)
    secret = "Hemmeligt navn"
    q = person(theirs, alias=secret)
    b.push(b.save(q))
    e = encounter(theirs, q.id, note=secret)
    b.push(b.save(e))
    before = b.everything()

    attempts = [
        a.mutation("person", q.id, {"alias": "Overtaget"}, base_version=1),
        a.mutation("person", q.id, {"team_id": mine}, base_version=1),
        a.mutation("person", q.id, op="delete", base_version=1),
        a.mutation("encounter", e.id, {"note": "x"}, base_version=1),
        a.save(person(theirs)),  # creating in another team
        a.mutation("person", q.id, person(mine).to_fields()),  # "creating" over its id
    ]
    results = a.push(*attempts)
    for r in results:
        assert (r["status"], r["error"], r["version"]) == ("rejected", "no_access", None), r
        assert r["conflict_ids"] == []
        assert r["field_errors"] == []
    text = json.dumps(results)
    assert secret not in text
    assert theirs not in text
    assert b.worker_id not in text
    assert b.everything() == before
    # Nor does a pull show anything of them afterwards.
    assert not {q.id, e.id} & set(a.everything())


def test_moving_a_record_to_another_team_removes_it_from_devices_that_lose_it(
    server: Server,
) -> None:
    old, new = server.team("Gammel"), server.team("Ny")
    mover = server.new_device(old, new)
    stays, gains, both = server.new_device(old), server.new_device(new), server.new_device(old, new)
    p = person(old)
    e = encounter(old, p.id)
    mover.push(mover.save(p), mover.save(e))
    for device in (stays, gains, both):
        device.pull()
    assert p.id in stays.seen
    assert p.id not in gains.seen

    [r] = mover.push(mover.mutation("person", p.id, {"team_id": new}, base_version=1))
    assert (r["status"], r["version"]) == ("applied", 2)

    ops_stays = [c["op"] for c in stays.pull() if c["id"] == p.id]
    assert ops_stays == ["remove"]
    assert p.id not in stays.seen
    assert e.id in stays.seen
    assert [c["op"] for c in gains.pull() if c["id"] == p.id] == ["put"]
    assert [c["op"] for c in both.pull() if c["id"] == p.id] == ["put"]
    assert both.seen[p.id]["fields"]["team_id"] == new
    # A device that left the old team's scope can no longer change it.
    [r] = stays.push(stays.mutation("person", p.id, {"alias": "x"}, base_version=1))
    assert r["error"] == "no_access"
    # Moving into a team one is not in is refused.
    q = person(old)
    stays.push(stays.save(q))
    [r] = stays.push(stays.mutation("person", q.id, {"team_id": new}, base_version=1))
    assert r["error"] == "no_access"
    assert gains.record(q.id) is None


def test_pull_with_another_devices_cursor_sees_only_its_own_teams(server: Server) -> None:
    mine, theirs = server.team("Mit"), server.team("Deres")
    a, b = server.new_device(mine), server.new_device(theirs)
    b.push(b.save(person(theirs)))
    b.pull()
    # A cursor is bound to its teams: used by a device of other teams it must reset.
    response = a.pull_raw(b.cursor)
    assert response.status_code == 410
    assert response.json()["error"] == "reset_required"


def test_references_to_unknown_or_foreign_persons_reveal_nothing(server: Server) -> None:
    mine, theirs = server.team("Mit"), server.team("Deres")
    a, b = server.new_device(mine), server.new_device(theirs)
    q = person(theirs)
    b.push(b.save(q))
    # An encounter in one's own team naming another team's person is answered exactly as one
    # naming a person that does not exist: the server does not tell which ids exist.
    [foreign] = a.push(a.save(encounter(mine, q.id)))
    [unknown] = a.push(a.save(encounter(mine, new_id())))
    assert foreign["status"] == unknown["status"] == "applied"
    assert foreign.keys() == unknown.keys()
