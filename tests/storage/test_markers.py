"""Nothing personal outside the store (rule 5): no marker in any file, open or locked.

A lost laptop is read with a hex editor and ``strings``, not with Gadeplan. So the test writes
unmistakable synthetic markers through the same use cases a worker uses, then greps every file
in the profile folder (including the ``-wal`` and ``-shm`` that exist only while it is open),
the whole isolated home (config, data, state and cache folders, where logs and settings would
go), and the captured log records and console output. Each marker is looked for as typed, in
its folded search form, word by word, as UTF-16-LE and JSON-escaped (see leaks.py).

The markers are made up; none is a real name, CPR number or phone number.
"""

from __future__ import annotations

import json
import logging
import secrets
from datetime import date
from pathlib import Path

import pytest
from msgspec.structs import replace

from gadeplan.app import logs
from gadeplan.app.domain.folding import fold
from gadeplan.app.domain.housing import HousingCategory
from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import Channel, Encounter, Person, Phone
from gadeplan.app.services.profile import open_profile
from gadeplan.app.services.session import Session
from tests.storage import sqlcipher4
from tests.storage.leaks import device_secret, find, needles, scan_tree
from tests.support import PASSPHRASE, FixedClock, MemoryKeyring

MARKERS = {
    "name": "Zyxwærth Quønkmarker",
    "alias": "Flimsøvrik",
    "cpr": "240387-2913",
    "cpr digits": "2403872913",
    "phone": "71935826",
    "description": "Grønspættet Jakkefrynse",
    "place": "Tværgyde Plimbøx",
    "later place": "Kvæsthusbrønd Xylofab",
    "note": "Vrøndpelix skæbnemarkør",
    "next step": "Ringkløvje Sprudlemik",
}
NEEDLES = needles(MARKERS)
_STORE_FILES = {"gadeplan.db", "keys.json"}


def _work_like_a_worker(session: Session, clock: FixedClock) -> str:
    """The use cases that touch personal text, in the order a worker meets them."""
    team = session.identity.team_id
    person = Person(
        id=new_id(),
        team_id=team,
        alias=MARKERS["alias"],
        name=MARKERS["name"],
        cpr=MARKERS["cpr digits"],
        phones=(Phone(MARKERS["phone"], label="mobil"),),
        places=(MARKERS["place"],),
        description=MARKERS["description"],
    )
    # Not confirmed: the duplicate check runs the name through the search index first.
    created = session.create_person(person)
    assert created.person is not None
    assert created.person.cpr == MARKERS["cpr"]
    session.log_encounter(
        Encounter(
            id=new_id(),
            team_id=team,
            occurred_at=clock.now(),
            channel=Channel.STREET,
            person_id=person.id,
            place=MARKERS["place"],
            note=MARKERS["note"],
            next_step=MARKERS["next step"],
            follow_up_on=date(2026, 12, 2),
        ),
        situation=HousingCategory.STREET,
    )
    session.update_person(replace(created.person, places=(MARKERS["later place"],)))

    # Reads, searches, reveal and export: none may leave a trace either.
    assert [p.id for p in session.search_persons("quønkmarker")] == [person.id]
    assert [p.id for p in session.search_persons("vrondpelix")] == [person.id]
    assert [p.id for p in session.search_persons(MARKERS["later place"])] == [person.id]
    assert session.find_duplicates(replace(person, id=new_id()))
    opened = session.open_person(person.id)
    assert opened is not None
    assert opened.follow_ups
    assert opened.housing
    assert session.reveal_cpr(person.id) == MARKERS["cpr"]
    export = session.export_person(person.id)
    assert export is not None
    # Control: the export holds the markers, so their absence on disk means it was not saved.
    exported = json.dumps(export, ensure_ascii=False).encode("utf-8")
    assert MARKERS["name"].encode() in exported
    assert MARKERS["note"].encode() in exported
    return person.id


def _leaks(*roots: Path) -> dict[str, list[str]]:
    hits: dict[str, list[str]] = {}
    for root in roots:
        hits.update({f"{root}/{k}": v for k, v in scan_tree(root, NEEDLES).items()})
    return hits


@pytest.fixture
def program_log(isolated_home: Path, gadeplan_logger: logging.Logger) -> Path:
    """The program's real rotating log file, at DEBUG, in the isolated home."""
    path = logs.configure(logging.DEBUG)
    assert path is not None
    assert path.is_relative_to(isolated_home)
    return path


def test_markers_appear_in_no_file_nor_log(
    program_log: Path,
    session: Session,
    clock: FixedClock,
    profile_dir: Path,
    isolated_home: Path,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    person_id = _work_like_a_worker(session, clock)

    # Open: the WAL holds the latest pages and the -shm its index; both must be there, or
    # this part of the test would scan nothing of interest.
    wal = profile_dir / "gadeplan.db-wal"
    shm = profile_dir / "gadeplan.db-shm"
    assert wal.is_file()
    assert wal.stat().st_size > 0
    assert shm.is_file()
    assert _leaks(tmp_path, isolated_home) == {}

    session.lock()
    # Locked, the WAL is folded in and gone; what stays beside the database and the key file
    # may only be empty (the single-instance lock file).
    at_rest = {p.name: p.stat().st_size for p in profile_dir.iterdir()}
    assert {"gadeplan.db", "keys.json"} <= set(at_rest)
    assert at_rest.get("gadeplan.db-wal", 0) == 0
    assert all(size == 0 for name, size in at_rest.items() if name not in _STORE_FILES)
    assert _leaks(tmp_path, isolated_home) == {}

    # Control: the markers are in the store, only encrypted. Decrypted, they are found.
    dek = sqlcipher4.derive_dek(profile_dir, PASSPHRASE, device_secret(memory_keyring))
    plain = b"".join(sqlcipher4.decrypt_pages(profile_dir / "gadeplan.db", dek))
    for key in ("name", "cpr", "phone", "note", "later place", "next step"):
        assert MARKERS[key].encode("utf-8") in plain, f"{key} was not written to the store"
    assert fold(MARKERS["name"]).encode() in plain, "the search index was not written"

    # Unlock again, search and erase: the paths that do log something.
    reopened = open_profile(profile_dir, PASSPHRASE, clock=clock)
    assert [p.id for p in reopened.search_persons(MARKERS["name"])] == [person_id]
    assert reopened.erase_person(person_id) > 0
    reopened.lock()
    assert _leaks(tmp_path, isolated_home) == {}

    log_text = program_log.read_text("utf-8")
    assert "profile unlocked" in log_text, "control: the program log file is written"
    assert "erased" in log_text
    assert person_id not in log_text, "the program log names a person"
    assert find(caplog.text.encode("utf-8"), NEEDLES) == []
    printed = capsys.readouterr()
    assert find((printed.out + printed.err).encode("utf-8"), NEEDLES) == []


def test_scan_finds_every_planted_form(tmp_path: Path) -> None:
    """Control for the scanner: each needle planted in a file among random bytes is found,
    including the UTF-16, folded and JSON-escaped forms, and the words on their own."""
    labels = {n.label for n in NEEDLES}
    for kind in ("utf-8", "utf-16-le", "json-escaped"):
        assert any(kind in label for label in labels)
    assert any("folded" in label and "word" in label for label in labels)
    for index, needle in enumerate(NEEDLES):
        data = secrets.token_bytes(300) + needle.data + secrets.token_bytes(300)
        (tmp_path / f"planted-{index}.bin").write_bytes(data)
    hits = scan_tree(tmp_path, NEEDLES)
    for index, needle in enumerate(NEEDLES):
        assert needle.label in hits.get(f"planted-{index}.bin", []), needle.label
