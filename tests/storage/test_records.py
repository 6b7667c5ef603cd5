"""Records, per-field bookkeeping, the outbox in the protocol's shape, and search folding."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from msgspec.structs import replace

from gadeplan.app.domain.hlc import Timestamp
from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import Channel, Encounter, Person, Phone
from gadeplan.app.services.session import Session


def _person(session: Session, alias: str, **fields: object) -> Person:
    person = Person(id=new_id(), team_id=session.identity.team_id, alias=alias, **fields)  # type: ignore[arg-type]
    with session.store.write() as conn:
        session.repo.save(conn, person)
    return person


def test_create_writes_a_protocol_shaped_outbox_entry(session: Session) -> None:
    person = _person(session, "Ræven", name="Søren Østergaard")
    entry = next(e for e in session.repo.outbox() if e.record_id == person.id)
    wire = entry.to_wire()
    assert set(wire) == {
        "mutation_id",
        "entity",
        "id",
        "op",
        "base_version",
        "hlc",
        "fields",
        "old",
    }
    assert wire["entity"] == "person"
    assert wire["op"] == "upsert"
    assert wire["base_version"] is None  # a create
    assert entry.fields["alias"] == "Ræven"
    assert entry.old == {}
    ts = Timestamp.parse(entry.hlc)
    assert ts.device_id == session.identity.device_id


def test_update_sends_only_changed_fields_with_old_values(session: Session) -> None:
    person = _person(session, "Ræven", phones=(Phone("+45 11111111"),))
    with session.store.write() as conn:
        change = session.repo.save(conn, replace(person, phones=(Phone("+45 22222222"),)))
    assert change is not None
    assert change.fields == ("phones",)
    entry = session.repo.outbox()[-1]
    assert entry.fields == {
        "phones": [{"number": "+45 22222222", "last_worked_on": None, "label": None}]
    }
    assert entry.old == {
        "phones": [{"number": "+45 11111111", "last_worked_on": None, "label": None}]
    }
    assert entry.base_version == 0
    with session.store.read() as conn:
        meta = json.loads(
            conn.execute("SELECT meta FROM record WHERE id = ?", (person.id,)).fetchone()[0]
        )
    assert meta["phones"][0] == entry.hlc  # per-field HLC of the last change
    assert meta["alias"][0] < entry.hlc


def test_unchanged_save_is_a_no_op(session: Session) -> None:
    person = _person(session, "Bamse")
    before = len(session.repo.outbox())
    with session.store.write() as conn:
        assert session.repo.save(conn, person) is None
    assert len(session.repo.outbox()) == before


def test_mutation_ids_are_sequential_and_hlcs_increase(session: Session) -> None:
    for alias in ("A", "B", "C"):
        _person(session, alias)
    entries = session.repo.outbox()
    ids = [e.mutation_id for e in entries]
    assert ids == list(range(ids[0], ids[0] + len(ids)))
    hlcs = [e.hlc for e in entries]
    assert hlcs == sorted(hlcs)
    assert len(set(hlcs)) == len(hlcs)


def test_delete_is_a_tombstone_with_a_delete_mutation(session: Session) -> None:
    person = _person(session, "Kasket")
    with session.store.write() as conn:
        change = session.repo.delete(conn, "person", person.id)
    assert change is not None
    assert change.op == "delete"
    assert session.repo.get(Person, person.id) is None
    assert session.repo.outbox()[-1].op == "delete"
    assert session.repo.search_persons("kasket") == []


@pytest.mark.parametrize(
    "query",
    ["søren", "soren", "soeren", "SØREN", "sø", "so", "øster", "oster", "torv", "soren oster"],
)
def test_search_folds_danish_letters_and_matches_prefixes(session: Session, query: str) -> None:
    target = _person(session, "Lillebror", name="Søren Østergaard", places=("Torvet",))
    _person(session, "Bamse", name="Mads Hansen", places=("Havnen",))
    assert target.id in session.repo.search_persons(query)


def test_search_finds_aase_from_aa(session: Session) -> None:
    target = _person(session, "Åse")
    assert session.repo.search_persons("aase") == [target.id]
    assert session.repo.search_persons("Aa") == [target.id]


def test_search_finds_a_person_by_encounter_note_and_place(session: Session) -> None:
    person = _person(session, "Stjerne")
    encounter = Encounter(
        id=new_id(),
        team_id=session.identity.team_id,
        person_id=person.id,
        occurred_at=datetime(2026, 11, 20, 23, tzinfo=UTC),
        channel=Channel.NIGHT_CAFE,
        place="Skibbroen",
        note="Talte om kolonihaven i Gjesing",
    )
    with session.store.write() as conn:
        session.repo.save(conn, encounter)
    assert session.repo.search_persons("kolonihav") == [person.id]
    assert session.repo.search_persons("skibbro") == [person.id]
    assert session.repo.search_persons("zzz") == []


def test_search_ignores_query_syntax(session: Session) -> None:
    _person(session, "Musse")
    for hostile in ['"', "*", "NOT", "a OR b", "(", 'musse"*']:
        session.repo.search_persons(hostile)  # never raises an FTS syntax error
