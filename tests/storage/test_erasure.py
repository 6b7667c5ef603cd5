"""Erasure leaves nothing readable: not in live rows, free pages, the WAL or the search index.

When the backend erases a person (GDPR Art. 17), deleting the rows is not enough: SQLite keeps
deleted cells in free space and free pages, old row versions sit in the WAL, and FTS5 keeps
tokens in its shadow tables. Someone holding the DEK (IT with the passphrase, a forensic copy
made later) must find no trace. So after the erasure the database is decrypted page by page
with the independent reader, free pages and FTS shadow tables included, and the raw bytes are
searched for every form of the markers.

The markers are made up; none is a real name, CPR number or phone number.
"""

from __future__ import annotations

import random
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from msgspec.structs import replace

from gadeplan.app.domain.folding import fold
from gadeplan.app.domain.housing import HousingCategory
from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import (
    AuditAction,
    AuditEvent,
    Channel,
    Encounter,
    FollowUp,
    HousingStatus,
    Person,
    Phone,
)
from gadeplan.app.services.session import Session
from tests.storage import sqlcipher4
from tests.storage.leaks import Needle, device_secret, find, needles
from tests.support import PASSPHRASE, FixedClock, MemoryKeyring

MARKERS = {
    "alias": "Flimsøvrik",
    "name": "Zyxwærth Quønkmarker",
    "renamed": "Zyxwærth Quønkmarker-Brøndvig",
    "cpr": "240387-2913",
    "phone": "71935826",
    "place": "Tværgyde Plimbøx",
    "moved place": "Kvæsthusbrønd Xylofab",
    "description": "Grønspættet Jakkefrynse",
    "note": "Vrøndpelix skæbnemarkør",
    "housing note": "Skurvognsplads Drumlefjæl",
    "follow-up": "Ringkløvje Sprudlemik",
}
NEEDLES = needles(MARKERS)

#: Per batch of other people's notes written before and after the erased person's.
BACKGROUND_NOTES = 150

#: Long enough to need overflow pages, which are freed (and must be wiped) on erasure.
LONG_NOTE = " ".join([MARKERS["note"]] * 400)


@dataclass
class Written:
    victim: str
    victim_records: set[str]
    bystander: Person
    bystander_encounters: list[Encounter]


def _background(session: Session, clock: FixedClock, person: Person, seed: int) -> list[Encounter]:
    """Other people's notes, so the search index has segments of several leaf pages that get
    merged around the erased person's terms (made-up words, never a marker)."""
    rng = random.Random(seed)
    encounters = [
        Encounter(
            id=new_id(),
            team_id=person.team_id,
            occurred_at=clock.now(),
            channel=Channel.SHELTER,
            person_id=person.id,
            note=" ".join(
                "".join(rng.choice("bdfgklmnprstv") + rng.choice("aeiouy") for _ in range(3))
                for _ in range(12)
            ),
        )
        for _ in range(BACKGROUND_NOTES)
    ]
    session.bulk_writer()(encounters)
    return encounters


def _write(session: Session, clock: FixedClock) -> Written:
    team = session.identity.team_id
    victim = Person(
        id=new_id(),
        team_id=team,
        alias=MARKERS["alias"],
        name=MARKERS["name"],
        cpr=MARKERS["cpr"],
        phones=(Phone(MARKERS["phone"]),),
        places=(MARKERS["place"],),
        description=MARKERS["description"],
    )
    bystander = Person(id=new_id(), team_id=team, alias="Kontrolperson Vestergaard")
    for person in (victim, bystander):
        assert session.create_person(person, confirmed_new=True).person is not None
    records = {victim.id}

    bystander_encounters = _background(session, clock, bystander, seed=1)
    for n in range(3):
        encounter = Encounter(
            id=new_id(),
            team_id=team,
            occurred_at=clock.now(),
            channel=Channel.NIGHT_CAFE,
            person_id=bystander.id,
            note=f"Kontrolnote {n} om kaffe og tæpper",
        )
        session.log_encounter(encounter)
        bystander_encounters.append(encounter)

    situations = [HousingCategory.STREET, HousingCategory.SHELTER, HousingCategory.SOFA]
    for n, situation in enumerate(situations):
        clock.advance(days=1)
        encounter = Encounter(
            id=new_id(),
            team_id=team,
            occurred_at=clock.now(),
            channel=Channel.STREET,
            person_id=victim.id,
            place=MARKERS["place"],
            note=LONG_NOTE if n == 0 else f"{MARKERS['note']} nr. {n}",
            next_step=MARKERS["follow-up"],
            follow_up_on=clock.today() + timedelta(days=7),
        )
        changes = session.log_encounter(encounter, situation=situation)
        records.update(c.record_id for c in changes)
    housing = HousingStatus(
        id=new_id(),
        team_id=team,
        person_id=victim.id,
        category=HousingCategory.OTHER_HOMELESS,
        valid_from=date(2026, 12, 1),
        place=MARKERS["moved place"],
        note=MARKERS["housing note"],
        recorded_by=session.identity.worker_id,
    )
    session.save(housing)
    follow_up = FollowUp(
        id=new_id(),
        team_id=team,
        person_id=victim.id,
        due_on=date(2026, 12, 24),
        what=MARKERS["follow-up"],
    )
    session.save(follow_up)
    records.update((housing.id, follow_up.id))

    bystander_encounters += _background(session, clock, bystander, seed=2)

    # Updates, so older versions of the row (and of its index entries) existed.
    current = session.get(Person, victim.id)
    assert current is not None
    current = replace(current, places=(MARKERS["place"], MARKERS["moved place"]))
    session.update_person(current)
    session.update_person(replace(current, name=MARKERS["renamed"]))
    # A tombstone keeps its data until erased.
    tombstoned = next(r for r in records if session.get(Encounter, r) is not None)
    assert session.delete(Encounter, tombstoned) is not None

    for person in (victim, bystander):
        session.open_person(person.id)  # read audit events about both
    return Written(victim.id, records, bystander, bystander_encounters)


def _audit_events(session: Session) -> list[AuditEvent]:
    return list(session.repo.all(AuditEvent))


def _where(pages: list[bytes], leaks: dict[int, list[str]], tmp_path: Path) -> dict[str, list[str]]:
    plain = tmp_path / "plain.db"
    plain.write_bytes(b"".join(pages))
    owners = _owners(plain, sorted(leaks))
    free = _free_pages(pages)
    return {
        f"page {n} ({'free page' if n in free else owners.get(n, '?')})": hits
        for n, hits in leaks.items()
    }


def _marker_pages(pages: list[bytes], wanted: list[Needle]) -> dict[int, list[str]]:
    return {n: hits for n, page in enumerate(pages, 1) if (hits := find(page, wanted))}


def _owners(plain_db: Path, page_numbers: list[int]) -> dict[int, str]:
    """Which table or index each page belongs to, for a failure message that says where the
    text was left (dbstat is diagnostic only; the stdlib SQLite may lack it)."""
    conn = sqlite3.connect(plain_db)
    try:
        rows = conn.execute("SELECT pageno, name FROM dbstat").fetchall()
    except sqlite3.Error:
        return {}
    finally:
        conn.close()
    owner = {int(p): str(name) for p, name in rows}
    return {n: owner[n] for n in page_numbers if n in owner}


def _free_pages(pages: list[bytes]) -> set[int]:
    """The free pages, found by walking the freelist from the database header (trunk pages
    list leaf pages; both kinds are free), so the scan can be shown to have covered them."""
    free: set[int] = set()
    trunk = int.from_bytes(pages[0][32:36], "big")
    while trunk:
        page = pages[trunk - 1]
        free.add(trunk)
        count = int.from_bytes(page[4:8], "big")
        free.update(int.from_bytes(page[8 + 4 * i : 12 + 4 * i], "big") for i in range(count))
        trunk = int.from_bytes(page[0:4], "big")
    assert len(free) == int.from_bytes(pages[0][36:40], "big"), "freelist count in the header"
    return free


def _decrypt(profile_dir: Path, memory_keyring: MemoryKeyring) -> list[bytes]:
    dek = sqlcipher4.derive_dek(profile_dir, PASSPHRASE, device_secret(memory_keyring))
    return sqlcipher4.decrypt_pages(profile_dir / "gadeplan.db", dek)


def test_erased_person_leaves_no_trace_in_any_page(
    session: Session,
    clock: FixedClock,
    profile_dir: Path,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    written = _write(session, clock)
    repo = session.repo
    audit_before = _audit_events(session)
    assert session.search_persons("quønkmarker")  # indexed before (see also the control)
    victim_outbox = [e for e in repo.outbox(limit=10_000) if e.record_id in written.victim_records]
    assert victim_outbox
    bystander_outbox = [e for e in repo.outbox(limit=10_000) if e.record_id == written.bystander.id]
    bystander_before = repo.all_for_person(written.bystander.id)
    assert len(bystander_before) == 1 + len(written.bystander_encounters)

    erased = session.erase_person(written.victim)
    assert erased == len(written.victim_records)
    # The erasure checkpointed and truncated the WAL: no old page with the text waits in it,
    # even while the profile stays open.
    wal = profile_dir / "gadeplan.db-wal"
    assert wal.stat().st_size == 0

    # The program's own view: gone from records, search and outbox; the rest untouched.
    assert repo.all_for_person(written.victim) == []
    assert session.get(Person, written.victim) is None
    for word in ("quønkmarker", "flimsøvrik", "vrøndpelix", "plimbøx", "xylofab"):
        assert session.search_persons(word) == [], word
    outbox = repo.outbox(limit=10_000)
    # The victim's unsent mutations stay as bare deletes (the server's mutation ids must have
    # no holes), with nothing of the person left in them.
    victim_entries = [e for e in outbox if e.record_id in written.victim_records]
    assert len(victim_entries) == len(victim_outbox)
    assert all((e.op, e.fields, e.old) == ("delete", {}, {}) for e in victim_entries)
    for entry in outbox:
        text = repr(entry.to_wire()).encode("utf-8")
        assert find(text, NEEDLES) == [], f"outbox {entry.mutation_id} still holds a marker"
    assert [e for e in outbox if e.record_id == written.bystander.id] == bystander_outbox
    assert repo.all_for_person(written.bystander.id) == bystander_before
    assert [p.id for p in session.search_persons("vestergaard")] == [written.bystander.id]

    # The audit trail survives the erasure, and records the erasure itself.
    audit_after = _audit_events(session)
    assert {e.id for e in audit_before} <= {e.id for e in audit_after}
    assert any(e.person_id == written.victim for e in audit_after)
    erase_events = [e for e in audit_after if e.action is AuditAction.ERASE]
    assert [e.record_id for e in erase_events] == [written.victim]
    assert session.integrity_problems() == []
    session.lock()

    pages = _decrypt(profile_dir, memory_keyring)
    assert _free_pages(pages), "expected free pages (the freed overflow chain) to scan"
    leaks = _marker_pages(pages, NEEDLES)
    assert leaks == {}, f"erased text is still in the database: {_where(pages, leaks, tmp_path)}"


def test_control_without_secure_delete_the_scan_finds_erased_text(
    session: Session,
    clock: FixedClock,
    profile_dir: Path,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    """The same erasure with SQLite's secure_delete switched off on this connection leaves
    the text in free pages and freed cells, and the scan above must see exactly that."""
    written = _write(session, clock)
    with session.store.read() as conn:
        conn.execute("PRAGMA secure_delete = OFF")
    session.erase_person(written.victim)
    session.lock()
    pages = _decrypt(profile_dir, memory_keyring)
    leaks = _marker_pages(pages, NEEDLES)
    assert set(leaks) & _free_pages(pages), "no erased text found in free pages"
    where = _where(pages, leaks, tmp_path)
    assert any("free page" in page for page in where)
    found = {label for hits in leaks.values() for label in hits}
    assert "note (text, utf-8)" in found
    assert "cpr (text, utf-8)" in found
    assert any("folded" in label for label in found), "nothing found in the search index"


def test_control_the_page_scan_finds_unerased_text(
    session: Session, clock: FixedClock, profile_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    """Without the erasure the same scan finds the markers: in the records, and in folded form
    (which only the search index holds), so the test above can fail."""
    _write(session, clock)
    session.lock()
    pages = _decrypt(profile_dir, memory_keyring)
    found = {label for hits in _marker_pages(pages, NEEDLES).values() for label in hits}
    assert "name (text, utf-8)" in found
    assert "note (text, utf-8)" in found
    assert "cpr (text, utf-8)" in found
    assert f"name (folded word {'quonkmarker'!r}, utf-8)" in found
    assert fold(MARKERS["name"]) != MARKERS["name"].lower(), "the folded form must differ"
