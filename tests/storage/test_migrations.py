"""Migrations from an empty store and from every earlier schema version."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

import pytest

from gadeplan.storage.db import Store
from gadeplan.storage.errors import NewerStore
from gadeplan.storage.migrations import LATEST, MIGRATIONS, Migration


def _tables(store: Store) -> set[str]:
    with store.read() as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_schema")}


def test_versions_are_numbered_without_gaps() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert len(MIGRATIONS) == LATEST


def test_empty_store_migrates_to_latest_and_records_each_step(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db", secrets.token_bytes(32))
    try:
        assert store.schema_version() == LATEST
        with store.read() as conn:
            rows = conn.execute("SELECT version, name FROM schema_migration ORDER BY 1").fetchall()
        assert [r[0] for r in rows] == [m.version for m in MIGRATIONS]
        assert store.migrate() == []  # idempotent
    finally:
        store.close()


def test_a_store_from_a_newer_program_is_refused_unchanged(tmp_path: Path) -> None:
    """After IT rolls an upgrade back, the older program must not write to the newer schema."""
    dek = secrets.token_bytes(32)
    newer = (*MIGRATIONS, Migration(LATEST + 1, "from the future", "CREATE TABLE later (x)"))
    store = Store.open(tmp_path / "db", dek, migrate=False)
    try:
        store.migrate(migrations=newer)
    finally:
        store.close()
    before = (tmp_path / "db").read_bytes()
    with pytest.raises(NewerStore):
        Store.open(tmp_path / "db", dek)
    assert (tmp_path / "db").read_bytes() == before


@pytest.mark.parametrize("start", [m.version for m in MIGRATIONS[:-1]])
def test_upgrade_from_every_earlier_version_keeps_data(tmp_path: Path, start: int) -> None:
    """A store left at an older version, with data in it, upgrades and stays searchable."""
    dek = secrets.token_bytes(32)
    path = tmp_path / "db"
    store = Store.open(path, dek, migrate=False)
    store.migrate(up_to=start)
    assert store.schema_version() == start
    with store.write() as conn:
        conn.execute(
            "INSERT INTO record(id, entity, team_id, person_id, version, updated_hlc, data, meta)"
            " VALUES ('p1', 'person', 't', 'p1', 0, 'h', ?, '{}')",
            (json.dumps({"alias": "Søren", "places": ["Torvet"]}),),
        )
        conn.execute(
            "INSERT INTO record(id, entity, team_id, person_id, version, updated_hlc, data, meta)"
            " VALUES ('e1', 'encounter', 't', 'p1', 0, 'h', ?, '{}')",
            (json.dumps({"note": "Sov ved Banegården", "occurred_at": "2026-01-01T10:00:00"}),),
        )
        if start >= 2:  # the search index existed: that version's code kept it in step
            conn.execute(
                "INSERT INTO person_search(rowid, text) SELECT rowid, gp_person_text(data)"
                " FROM record WHERE entity = 'person'"
            )
            conn.execute(
                "INSERT INTO encounter_search(rowid, text, person_id)"
                " SELECT rowid, gp_encounter_text(data), person_id FROM record"
                " WHERE entity = 'encounter'"
            )
    store.close()

    store = Store.open(path, dek)
    try:
        assert store.schema_version() == LATEST
        with store.read() as conn:
            assert conn.execute("SELECT count(*) FROM record").fetchone()[0] == 2
            hits = conn.execute(
                "SELECT rowid FROM person_search WHERE person_search MATCH 'soren*'"
            ).fetchall()
            assert len(hits) == 1
            notes = conn.execute(
                "SELECT person_id FROM encounter_search WHERE encounter_search MATCH 'banegarden*'"
            ).fetchall()
            assert notes == [("p1",)]
        assert store.integrity_problems() == []
    finally:
        store.close()


def test_a_failing_migration_leaves_the_store_at_the_previous_version(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db", secrets.token_bytes(32))
    try:
        broken = (
            *MIGRATIONS,
            Migration(LATEST + 1, "broken", "CREATE TABLE half_done(x); SELECT no_such_fn();"),
        )
        with pytest.raises(Exception, match="no_such_fn"):
            store.migrate(migrations=broken)
        assert store.schema_version() == LATEST
        assert "half_done" not in _tables(store)
    finally:
        store.close()
