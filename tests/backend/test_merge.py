"""The merge rule: per field by HLC, conflicts kept as records, delete wins, append-only
records corrected only by their author, and what is refused with a reason."""

from __future__ import annotations

from typing import Any

from gadeplan.app.domain.hlc import Timestamp
from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import AuditEvent, HousingStatus, Partner
from gadeplan.sync.schemas import MAX_CLOCK_SKEW_MS
from tests.backend.support import Device, Server, encounter, person


def conflicts_of(device: Device, record_id: str) -> list[dict[str, Any]]:
    return [
        c["fields"]
        for c in device.everything().values()
        if c["entity"] == "conflict" and c["fields"]["record_id"] == record_id
    ]


def stamp(server: Server, device: Device, offset_ms: int = 0) -> str:
    """An HLC at the server's time plus an offset, for tests that need a definite order."""
    millis = int(server.clock.now().timestamp() * 1000) + offset_ms
    return f"{millis:013d}-00000-{device.id}"


def two_devices(server: Server) -> tuple[str, Device, Device]:
    team = server.team()
    return team, server.new_device(team), server.new_device(team)


def test_versions_count_applied_changes(server: Server) -> None:
    team, a, _ = two_devices(server)
    p = person(team)
    assert a.push(a.save(p))[0]["version"] == 1
    [r] = a.push(a.mutation("person", p.id, {"alias": "Svend"}, base_version=1))
    assert (r["status"], r["version"]) == ("applied", 2)
    # An edit that changes nothing is applied without a new version.
    [r] = a.push(a.mutation("person", p.id, {"alias": "Svend"}, base_version=2))
    assert (r["status"], r["version"]) == ("applied", 2)


def test_concurrent_edits_of_one_field_keep_the_loser_as_a_conflict(server: Server) -> None:
    team, a, b = two_devices(server)
    p = person(team, description="Sover ved banegården")
    a.push(a.save(p))
    b.pull()
    first = a.mutation(
        "person", p.id, {"description": "Sover i parken"}, base_version=1, hlc=stamp(server, a)
    )
    later = b.mutation(
        "person",
        p.id,
        {"description": "Sover hos en ven"},
        base_version=1,
        hlc=stamp(server, b, 10),
    )
    [ra] = a.push(first)
    assert ra["status"] == "applied"
    [rb] = b.push(later)
    assert rb["status"] == "conflict"
    assert len(rb["conflict_ids"]) == 1

    record = a.record(p.id)
    assert record is not None
    assert record["fields"]["description"] == "Sover hos en ven"
    assert record["field_hlc"]["description"] == later["hlc"]
    [conflict] = conflicts_of(a, p.id)
    assert conflict["field"] == "description"
    assert conflict["kept_value"] == "Sover hos en ven"
    assert conflict["lost_value"] == "Sover i parken"
    assert conflict["kept_by"] == b.worker_id
    assert conflict["lost_by"] == a.worker_id
    assert conflict["kept_hlc"] == later["hlc"]
    assert conflict["lost_hlc"] == first["hlc"]
    assert conflict["resolved"] is False
    assert conflict["person_id"] == p.id
    assert conflict["team_id"] == team
    assert conflicts_of(b, p.id) == [conflict]  # it syncs to the team like any record


def test_an_older_timestamp_loses_but_is_kept(server: Server) -> None:
    team, a, b = two_devices(server)
    p = person(team)
    a.push(a.save(p))
    older = b.mutation("person", p.id, {"alias": "Gamle"}, base_version=1, hlc=stamp(server, b))
    newer = a.mutation("person", p.id, {"alias": "Nye"}, base_version=1, hlc=stamp(server, a, 10))
    a.push(newer)
    [r] = b.push(older)
    assert r["status"] == "conflict"
    assert a.record(p.id)["fields"]["alias"] == "Nye"  # type: ignore[index]
    [conflict] = conflicts_of(a, p.id)
    assert (conflict["kept_value"], conflict["lost_value"]) == ("Nye", "Gamle")


def test_concurrent_edits_of_different_fields_merge_without_conflict(server: Server) -> None:
    team, a, b = two_devices(server)
    p = person(team)
    a.push(a.save(p))
    a.push(a.mutation("person", p.id, {"description": "Rød jakke"}, base_version=1))
    [r] = b.push(b.mutation("person", p.id, {"approx_age": 19}, base_version=1))
    assert (r["status"], r["version"]) == ("applied", 3)
    fields = a.record(p.id)["fields"]  # type: ignore[index]
    assert (fields["description"], fields["approx_age"]) == ("Rød jakke", 19)
    assert conflicts_of(a, p.id) == []


def test_a_devices_own_later_edits_are_not_concurrent(server: Server) -> None:
    team, a, _ = two_devices(server)
    p = person(team)
    # Created and edited twice offline: the local version is still 0 for the edits.
    results = a.push(
        a.save(p),
        a.mutation("person", p.id, {"alias": "To"}, base_version=0),
        a.mutation("person", p.id, {"alias": "Tre"}, base_version=0),
    )
    assert [r["status"] for r in results] == ["applied"] * 3
    assert conflicts_of(a, p.id) == []


def test_resolving_a_conflict_is_an_ordinary_upsert(server: Server) -> None:
    team, a, b = two_devices(server)
    p = person(team)
    a.push(a.save(p))
    a.push(a.mutation("person", p.id, {"alias": "A"}, base_version=1))
    [r] = b.push(b.mutation("person", p.id, {"alias": "B"}, base_version=1))
    [conflict_id] = r["conflict_ids"]
    [r] = a.push(a.mutation("conflict", conflict_id, {"resolved": True}, base_version=1))
    assert (r["status"], r["version"]) == ("applied", 2)
    assert b.record(conflict_id)["fields"]["resolved"] is True  # type: ignore[index]


def test_delete_wins_over_a_concurrent_upsert_either_way(server: Server) -> None:
    team, a, b = two_devices(server)
    # Upsert first, then the concurrent delete: the upsert's value is kept in a conflict.
    p = person(team)
    a.push(a.save(p))
    b.push(b.mutation("person", p.id, {"description": "Ny info"}, base_version=1))
    [r] = a.push(a.mutation("person", p.id, op="delete", base_version=1))
    assert r["status"] == "conflict"
    changes = {c["id"]: c for c in a.pull()}
    assert changes[p.id]["op"] == "delete"
    [conflict] = conflicts_of(a, p.id)
    assert (conflict["field"], conflict["lost_value"]) == ("description", "Ny info")
    assert conflict["kept_value"] is None
    assert conflict["lost_by"] == b.worker_id

    # Delete first, then the concurrent upsert: the record stays deleted, the edit is kept.
    q = person(team)
    a.push(a.save(q))
    a.push(a.mutation("person", q.id, op="delete", base_version=1))
    [r] = b.push(b.mutation("person", q.id, {"alias": "Stadig her"}, base_version=1))
    assert r["status"] == "conflict"
    assert q.id not in a.everything()
    [conflict] = conflicts_of(a, q.id)
    assert (conflict["field"], conflict["lost_value"]) == ("alias", "Stadig her")
    # The late device receives the tombstone again, so it converges.
    assert any(c["id"] == q.id and c["op"] == "delete" for c in b.pull())


def test_a_plain_delete_and_repeated_delete(server: Server) -> None:
    team, a, b = two_devices(server)
    p = person(team)
    a.push(a.save(p))
    b.pull()
    [r] = a.push(a.mutation("person", p.id, op="delete", base_version=1))
    assert (r["status"], r["version"]) == ("applied", 2)
    [r] = a.push(a.mutation("person", p.id, op="delete", base_version=2))
    assert (r["status"], r["version"]) == ("applied", 2)
    assert [c["op"] for c in b.pull() if c["id"] == p.id] == ["delete"]
    assert p.id not in b.seen


def test_append_only_records_are_corrected_only_by_their_author(server: Server) -> None:
    team = server.team()
    author, colleague = server.new_device(team), server.new_device(team)
    p = person(team)
    author.push(author.save(p))
    e = encounter(team, p.id)
    assert e.worker_id is None
    [r] = author.push(author.save(e))
    assert r["status"] == "applied"
    # The server fills in the author.
    assert colleague.record(e.id)["fields"]["worker_id"] == author.worker_id  # type: ignore[index]

    [r] = colleague.push(colleague.mutation("encounter", e.id, {"note": "Rettet"}, base_version=1))
    assert (r["status"], r["error"]) == ("rejected", "not_author")
    [r] = colleague.push(colleague.mutation("encounter", e.id, op="delete", base_version=1))
    assert (r["status"], r["error"]) == ("rejected", "not_author")
    [r] = author.push(author.mutation("encounter", e.id, {"note": "Rettet"}, base_version=1))
    assert (r["status"], r["version"]) == ("applied", 2)
    # The author field itself cannot be handed to someone else.
    [r] = author.push(
        author.mutation("encounter", e.id, {"worker_id": colleague.worker_id}, base_version=2)
    )
    assert (r["status"], r["error"]) == ("rejected", "not_author")
    assert colleague.record(e.id)["fields"]["note"] == "Rettet"  # type: ignore[index]

    # Creating one in someone else's name is refused.
    forged = HousingStatus.from_fields(
        new_id(),
        {
            "team_id": team,
            "person_id": p.id,
            "category": "sofa",
            "valid_from": "2026-11-01",
            "recorded_by": author.worker_id,
        },
    )
    [r] = colleague.push(colleague.save(forged))
    assert (r["status"], r["error"]) == ("rejected", "not_author")


def test_invalid_records_are_rejected_with_reasons(server: Server) -> None:
    team, a, _ = two_devices(server)
    secret = "Hemmelig Hansen"
    cases: list[tuple[dict[str, Any], str, str]] = [
        (a.save(person(team, alias=" ")), "validation_failed", "alias"),
        (a.save(person(team, cpr="12345")), "validation_failed", "cpr"),
        (
            a.mutation("person", new_id(), {"team_id": team, "name": secret}),
            "validation_failed",
            "alias",
        ),
        (
            a.mutation("person", new_id(), {"team_id": team, "alias": secret, "x": 1}),
            "unknown_field",
            "x",
        ),
        (
            a.mutation(
                "person",
                new_id(),
                {"team_id": team, "alias": secret, "formerly_in_care": "false"},
            ),
            "validation_failed",
            "formerly_in_care",
        ),
        (
            a.mutation("person", new_id(), {"team_id": team, "alias": secret, "approx_age": 1.5}),
            "validation_failed",
            "approx_age",
        ),
        (
            a.mutation(
                "encounter", new_id(), {"team_id": team, "occurred_at": "i går", "channel": "sms"}
            ),
            "validation_failed",
            "occurred_at",
        ),
    ]
    for mutation, reason, field in cases:
        [r] = a.push(mutation)
        assert (r["status"], r["error"]) == ("rejected", reason), r
        assert field in {e["field"] for e in r["field_errors"]}
        assert secret not in str(r)
    [r] = a.push(a.mutation("nonsense", new_id(), {"team_id": team}))
    assert r["error"] == "unknown_entity"
    [r] = a.push(a.mutation("team", team, {"name": "Hacked"}, base_version=1))
    assert r["error"] == "read_only"
    [r] = a.push(a.mutation("worker", a.worker_id, {"name": "Hacked"}, base_version=1))
    assert r["error"] == "read_only"
    [r] = a.push(a.mutation("person", "not-a-uuid", person(team).to_fields()))
    assert r["error"] == "invalid_id"
    [r] = a.push(a.mutation("person", new_id(), person(team).to_fields(), hlc="yesterday"))
    assert r["error"] == "invalid_hlc"
    p = person(team)
    a.push(a.save(p))
    [r] = a.push(a.mutation("partner", p.id, Partner(id=p.id, team_id=team, name="X").to_fields()))
    assert r["error"] == "entity_mismatch"
    # Nothing rejected was stored; the queue moved on.
    assert {c["entity"] for c in a.everything().values()} == {"team", "worker", "person"}
    assert a.last_mutation_id() == a.next_mutation_id - 1


def test_a_change_that_makes_the_record_invalid_is_rejected(server: Server) -> None:
    team, a, _ = two_devices(server)
    p = person(team)
    a.push(a.save(p))
    [r] = a.push(a.mutation("person", p.id, {"alias": ""}, base_version=1))
    assert (r["status"], r["error"], r["version"]) == ("rejected", "validation_failed", 1)
    assert a.record(p.id)["fields"]["alias"] == p.alias  # type: ignore[index]


def test_a_clock_far_ahead_is_replaced_by_the_servers(server: Server) -> None:
    team, a, b = two_devices(server)
    p = person(team)
    a.push(a.save(p))
    ahead = server.clock.now().timestamp() * 1000 + MAX_CLOCK_SKEW_MS + 60_000
    skewed = f"{int(ahead):013d}-00000-{b.id}"
    [r] = b.push(b.mutation("person", p.id, {"alias": "Fremtid"}, base_version=1, hlc=skewed))
    assert r["status"] == "applied"
    assert r["clock_skew"] is True
    assert r["hlc"] != skewed
    assert r["hlc"].endswith("-server")
    assert Timestamp.parse(r["hlc"]).millis < ahead
    record = a.record(p.id)
    assert record is not None
    assert record["field_hlc"]["alias"] == r["hlc"]
    # Within five minutes is trusted as is.
    near = f"{int(ahead - 120_000):013d}-00000-{b.id}"
    [r] = b.push(b.mutation("person", p.id, {"alias": "Snart"}, base_version=2, hlc=near))
    assert r["clock_skew"] is False
    assert r["hlc"] == near


def test_server_hlc_is_ahead_of_every_stored_timestamp(server: Server) -> None:
    team, a, b = two_devices(server)
    p = person(team)
    ahead = server.clock.now().timestamp() * 1000 + MAX_CLOCK_SKEW_MS - 10_000
    a.push(a.mutation("person", p.id, p.to_fields(), hlc=f"{int(ahead):013d}-00003-{a.id}"))
    body = b.pull_raw(None).json()
    stamps = [h for c in body["changes"] for h in (c["field_hlc"] or {}).values()]
    assert body["server_hlc"] >= max(stamps)
    # So the next local edit of a device that observed it wins over what it has seen.
    b.hlc.observe(body["server_hlc"])
    [r] = b.push(b.mutation("person", p.id, {"alias": "Efter"}, base_version=1))
    assert r["status"] == "applied"


def test_audit_events_are_push_only_and_append_only(server: Server) -> None:
    team, a, b = two_devices(server)
    p = person(team)
    a.push(a.save(p))
    event = AuditEvent.from_fields(
        new_id(),
        {
            "team_id": team,
            "action": "reveal",
            "at": "2026-11-25T10:00:00+00:00",
            "entity": "person",
            "record_id": p.id,
            "person_id": p.id,
            "fields": ["cpr"],
        },
    )
    [r] = a.push(a.save(event))
    assert r["status"] == "applied"
    assert all(c["entity"] != "audit_event" for c in b.everything().values())
    [r] = a.push(a.mutation("audit_event", event.id, {"detail": "changed"}, base_version=1))
    assert (r["status"], r["error"]) == ("rejected", "append_only")
    [r] = a.push(a.mutation("audit_event", event.id, op="delete", base_version=1))
    assert r["error"] == "append_only"
    extract = server.admin.audit_extract(p.id)
    [logged] = extract["client_audit_events"]
    assert logged["worker_id"] == a.worker_id
    assert logged["device_id"] == a.id
    assert logged["fields"] == ["cpr"]
    # In someone else's name: refused.
    forged = AuditEvent.from_fields(
        new_id(),
        {"team_id": team, "action": "read", "at": "2026-11-25T10:00:00", "worker_id": b.worker_id},
    )
    [r] = a.push(a.save(forged))
    assert r["error"] == "not_author"
