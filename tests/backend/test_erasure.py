"""Erasure is final: pull sends ``erase``, pushes that reference erased ids get ``gone``, and
what the server keeps holds no personal data."""

from __future__ import annotations

import io
import json

from sqlalchemy import select

from gadeplan.app.domain.ids import new_id
from gadeplan.backend.cli import run
from gadeplan.backend.models import Erasure, Record
from tests.backend.support import Server, encounter, person


def test_erase_sends_erase_and_pushes_get_gone(server: Server) -> None:
    team, other_team = server.team(), server.team()
    a, b = server.new_device(team), server.new_device(team)
    outsider = server.new_device(other_team)
    secret = "Karen Kirkegaard"
    p = person(team, alias=secret, name=secret)
    e1, e2 = encounter(team, p.id, note=secret), encounter(team, p.id)
    keep = person(team)
    a.push(a.save(p), a.save(e1), a.save(e2), a.save(keep))
    # A concurrent edit leaves a conflict record about the person.
    a.push(a.mutation("person", p.id, {"description": "A"}, base_version=1))
    [r] = b.push(b.mutation("person", p.id, {"description": "B"}, base_version=1))
    [conflict_id] = r["conflict_ids"]
    b.pull()
    outsider.pull()
    assert {p.id, e1.id, e2.id, conflict_id} <= set(b.seen)

    erased = server.admin.erase_person(p.id, "Sag 2026-117")
    assert erased == 4

    changes = b.pull()
    assert {c["id"]: c["op"] for c in changes} == {
        p.id: "erase",
        e1.id: "erase",
        e2.id: "erase",
        conflict_id: "erase",
    }
    assert all(c["fields"] is None for c in changes)
    assert keep.id in b.seen
    assert outsider.pull() == []  # another team never had them and hears nothing

    # However long a laptop was offline, nothing erased comes back.
    results = a.push(
        a.mutation("person", p.id, {"alias": "Igen"}, base_version=2),
        a.mutation("encounter", e1.id, op="delete", base_version=1),
        a.save(encounter(team, p.id)),  # a new record about the erased person
        a.mutation("conflict", conflict_id, {"resolved": True}, base_version=1),
    )
    assert [r["status"] for r in results] == ["gone"] * 4
    assert {p.id, e1.id, e2.id} & set(a.everything()) == set()

    # The tombstones hold ids, kinds, team and time; nothing typed about the person.
    with server.db.read() as session:
        tombstones = session.scalars(select(Erasure).where(Erasure.person_id == p.id)).all()
        assert {t.record_id for t in tombstones} == {p.id, e1.id, e2.id, conflict_id}
        dump = json.dumps(
            [
                {c.name: str(getattr(t, c.name)) for c in Erasure.__table__.columns}
                for t in tombstones
            ]
        )
        assert secret not in dump
        assert session.scalars(select(Record).where(Record.person_id == p.id)).all() == []


def test_erasing_a_person_the_server_never_had(server: Server) -> None:
    team = server.team()
    a = server.new_device(team)
    p = person(team)  # created offline, not pushed yet
    assert server.admin.erase_person(p.id, "Sag 9") == 0
    [r] = a.push(a.save(p))
    assert r["status"] == "gone"
    assert p.id not in a.everything()


def test_audit_extract_lists_every_access_to_a_person(server: Server) -> None:
    team = server.team()
    a, b = server.new_device(team), server.new_device(team)
    p = person(team)
    e = encounter(team, p.id)
    a.push(a.save(p), a.save(e))
    b.pull()
    extract = server.admin.audit_extract(p.id)
    entries = {(x["action"], x["device_id"], x["record_id"]) for x in extract["server_log"]}
    assert ("push", a.id, p.id) in entries
    assert ("push", a.id, e.id) in entries
    assert ("pull", b.id, p.id) in entries
    assert ("pull", b.id, e.id) in entries

    server.admin.erase_person(p.id, "Sag 12")
    # The log of who saw the person survives the erasure, for the authority's review.
    out = io.StringIO()
    assert (
        run(
            ["--db", server.settings.db_url, "audit-extract", p.id],
            out,
            io.StringIO(),
            io.StringIO(),
        )
        == 0
    )
    extract = json.loads(out.getvalue())
    actions = [x["action"] for x in extract["server_log"]]
    assert "erase" in actions
    assert "pull" in actions
    assert extract["erasures"][0]["records"] == 2


def test_erase_via_the_command_line_needs_a_reason(server: Server) -> None:
    team = server.team()
    a = server.new_device(team)
    p = person(team)
    a.push(a.save(p))
    err = io.StringIO()
    code = run(
        ["--db", server.settings.db_url, "erase", p.id, "--reason", " "],
        io.StringIO(),
        err,
        io.StringIO(),
    )
    assert code != 0
    assert "reason" in err.getvalue()
    out = io.StringIO()
    code = run(
        ["--db", server.settings.db_url, "erase", p.id, "--reason", "Sag 5"],
        out,
        io.StringIO(),
        io.StringIO(),
    )
    assert code == 0
    assert "Erased 1 records" in out.getvalue()
    assert [c["op"] for c in a.pull() if c["id"] == p.id] == ["erase"]
    # Erasing again is harmless.
    assert server.admin.erase_person(p.id, "Sag 5") == 0
    assert server.admin.erase_person(new_id(), "Sag 6") == 0
