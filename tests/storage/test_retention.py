"""Local retention's removal leaves no text behind: not in live rows, free pages, the WAL or
the search index, whether the search rows go one by one (secure-delete) or in bulk (plain
deletes, then ``optimize``).

Checked the way the erasure is (tests/storage/test_erasure.py): the database is decrypted
page by page with the independent reader and searched for every form of made-up markers.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import Channel, Encounter, Person
from gadeplan.app.services.session import Session
from gadeplan.storage import retention
from gadeplan.storage.sync_state import SyncStore
from tests.storage import sqlcipher4
from tests.storage.leaks import device_secret, find, needles
from tests.support import PASSPHRASE, FixedClock, MemoryKeyring

#: Made-up words. Each starts with a letter no other term of the index starts with: FTS5
#: stores a term after the one before it on a page as the suffix it does not share, so a
#: marker among similar words would not appear whole even where it was left behind.
MARKERS = {"alias": "Zørkelbrix", "place": "Hvæsgrund Jyxholm", "note": "Qwirbelmønt Xaffelkrog"}
NEEDLES = needles(MARKERS)


def _notes(rng: random.Random) -> str:
    """Made-up words, never a marker, so the index has other people's terms around them."""
    return " ".join(
        "".join(rng.choice("bdfgklmnprstv") + rng.choice("aeiouy") for _ in range(3))
        for _ in range(12)
    )


def _write(session: Session, clock: FixedClock, victims: int, per_victim: int) -> list[str]:
    team = session.identity.team_id
    rng = random.Random(7)
    bystander = Person(id=new_id(), team_id=team, alias="Kontrolperson Vestergaard")
    assert session.create_person(bystander, confirmed_new=True).person is not None
    write = session.bulk_writer()

    def _bystander_encounters() -> Iterator[Encounter]:
        """Pages of someone else's notes before and after the people removed."""
        for _ in range(150):
            yield Encounter(
                id=new_id(),
                team_id=team,
                person_id=bystander.id,
                occurred_at=clock.now(),
                channel=Channel.SHELTER,
                note=_notes(rng),
            )

    write(_bystander_encounters())
    ids: list[str] = []
    for n in range(victims):
        person = Person(
            id=new_id(), team_id=team, alias=f"{MARKERS['alias']}{n}", places=(MARKERS["place"],)
        )
        assert session.create_person(person, confirmed_new=True).person is not None
        ids.append(person.id)
        write(
            Encounter(
                id=new_id(),
                team_id=team,
                person_id=person.id,
                occurred_at=clock.now(),
                channel=Channel.STREET,
                place=MARKERS["place"],
                note=f"{MARKERS['note']} {_notes(rng)}",
            )
            for _ in range(per_victim)
        )
    write(_bystander_encounters())
    # Synced: the backend answered, so the outbox no longer holds the text.
    state = SyncStore(session.repo)
    entries = session.repo.outbox(limit=100_000)
    with session.store.write() as conn:
        state.acknowledge(
            conn,
            [{"mutation_id": e.mutation_id, "status": "applied", "version": 1} for e in entries],
        )
    return ids


def _pages_with_markers(profile_dir: Path, memory_keyring: MemoryKeyring) -> dict[int, list[str]]:
    dek = sqlcipher4.derive_dek(profile_dir, PASSPHRASE, device_secret(memory_keyring))
    pages = sqlcipher4.decrypt_pages(profile_dir / "gadeplan.db", dek)
    return {n: hits for n, page in enumerate(pages, 1) if (hits := find(page, NEEDLES))}


@pytest.mark.parametrize(
    ("victims", "per_victim"),
    [(1, 5), (3, 2 * retention.BULK_UNINDEX // 3)],
    ids=["one-by-one", "in-bulk"],
)
def test_removed_people_leave_no_trace_in_any_page(
    session: Session,
    clock: FixedClock,
    profile_dir: Path,
    memory_keyring: MemoryKeyring,
    victims: int,
    per_victim: int,
) -> None:
    ids = _write(session, clock, victims, per_victim)
    words = ("zorkelbrix0", "hvaesgrund", "jyxholm", "qwirbelmont", "xaffelkrog")
    for word in words:
        assert session.search_persons(word), word
    with session.store.write() as conn:
        removed = retention.remove_persons(conn, session.repo, ids)
    session.store.checkpoint()
    assert (removed.persons, removed.records) == (victims, victims * (1 + per_victim))
    for word in words:
        assert session.search_persons(word) == [], word
    assert len(session.search_persons("vestergaard")) == 1
    assert session.integrity_problems() == []
    with session.store.read() as conn:
        for table in ("person_search", "encounter_search"):
            # Secure-delete is on again for the erasures and edits that follow.
            config = conn.execute(
                f"SELECT v FROM {table}_config WHERE k = 'secure-delete'"
            ).fetchone()
            assert config == (1,), table
    session.lock()
    leaks = _pages_with_markers(profile_dir, memory_keyring)
    assert leaks == {}, f"removed text is still in the database: {leaks}"


def test_control_bulk_deletes_without_optimize_leave_tokens_the_scan_finds(
    session: Session, clock: FixedClock, profile_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    """The bulk path without its ``optimize``: plain FTS5 deletes leave the folded terms in
    the index until a merge, and the scan above sees exactly that, so it can fail."""
    ids = _write(session, clock, 3, 2 * retention.BULK_UNINDEX // 3)
    marks = ",".join("?" * len(ids))
    with session.store.write() as conn:
        rows = conn.execute(
            f"SELECT rowid, entity FROM record WHERE person_id IN ({marks})"
            " AND entity != 'audit_event'",
            ids,
        ).fetchall()
        conn.execute(
            "INSERT INTO encounter_search(encounter_search, rank) VALUES ('secure-delete', 0)"
        )
        for rowid, entity in rows:
            if entity == "encounter":
                conn.execute("DELETE FROM encounter_search WHERE rowid = ?", (rowid,))
            else:
                session.repo.unindex(conn, entity, rowid)
            conn.execute("DELETE FROM record WHERE rowid = ?", (rowid,))
    session.store.checkpoint()
    assert session.search_persons("qwirbelmont") == []
    session.lock()
    leaks = _pages_with_markers(profile_dir, memory_keyring)
    found = {label for hits in leaks.values() for label in hits}
    assert any(label.startswith("note (folded") for label in found), found
    assert not any(label.startswith("note (text") for label in found), found
