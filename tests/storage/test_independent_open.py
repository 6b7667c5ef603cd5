"""The store can be opened from the documented format alone, and only with the right secret.

If the laptop's program is gone (broken install, new machine, an investigation), IT must still
be able to read a store with the passphrase or the recovery key: key-hierarchy.md is written
so that an independent implementation can. ``tests/storage/sqlcipher4.py`` is that
implementation; these tests prove the program's files match the document, and that a wrong
secret opens nothing and changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import Channel, Encounter, Person
from gadeplan.app.policy import Policy
from gadeplan.app.services.profile import create_profile, open_profile
from gadeplan.app.services.session import Session
from gadeplan.storage.errors import WrongPassphrase
from tests.storage import sqlcipher4
from tests.storage.leaks import device_secret
from tests.support import FAST_KDF, PASSPHRASE, FixedClock, MemoryKeyring

PROTECTIONS = ("passphrase+keychain", "passphrase")

#: Allowed to appear after a failed unlock: the on-disk attempt counter of rule 3.
THROTTLE_FILE = "unlock-attempts.json"


def _write_sample(session: Session, clock: FixedClock) -> dict[str, str]:
    """A few persons and encounters with recognisable synthetic text; returns id -> text."""
    team = session.identity.team_id
    expected: dict[str, str] = {}
    for n in range(3):
        alias = f"Uafhængig-testperson-{n}-Ålborgvej"
        person = Person(id=new_id(), team_id=team, alias=alias, places=("Testplads Øst",))
        result = session.create_person(person, confirmed_new=True)
        assert result.person is not None
        expected[person.id] = alias
        for m in range(2):
            note = f"Uafhængig testnote {n}.{m} – æøå"
            encounter = Encounter(
                id=new_id(),
                team_id=team,
                occurred_at=clock.now(),
                channel=Channel.STREET,
                person_id=person.id,
                note=note,
                follow_up_on=date(2026, 12, 1) if m else None,
            )
            session.log_encounter(encounter)
            expected[encounter.id] = note
    return expected


def _new_profile(
    request: pytest.FixtureRequest,
    protection: str,
    folder: Path,
    clock: FixedClock,
    passphrase: str = PASSPHRASE,
) -> tuple[str, dict[str, str]]:
    """A profile with sample data, locked; returns the recovery key and what was written."""
    if protection == "passphrase":
        request.getfixturevalue("no_keychain")
    created = create_profile(folder, passphrase, policy=Policy(), kdf=FAST_KDF, clock=clock)
    assert created.protection == protection
    try:
        expected = _write_sample(created.session, clock)
    finally:
        created.session.lock()
    return created.recovery_key, expected


def _secret_for(protection: str, memory_keyring: MemoryKeyring) -> bytes | None:
    return device_secret(memory_keyring) if protection == "passphrase+keychain" else None


def _assert_holds(plain_db: Path, expected: dict[str, str]) -> None:
    """Plain SQLite, knowing only the table layout, finds each record by its text."""
    conn = sqlite3.connect(plain_db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        for record_id, text in expected.items():
            found = conn.execute(
                "SELECT id FROM record WHERE json_extract(data, '$.alias') = ?1"
                " OR json_extract(data, '$.note') = ?1",
                (text,),
            ).fetchall()
            assert found == [(record_id,)], "a record written through Session is missing"
        (follow_ups,) = conn.execute(
            "SELECT count(*) FROM record WHERE entity = 'follow_up'"
        ).fetchone()
        assert follow_ups == 3
    finally:
        conn.close()


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@pytest.mark.parametrize("protection", PROTECTIONS)
def test_independent_implementation_opens_the_store(
    request: pytest.FixtureRequest,
    protection: str,
    profile_dir: Path,
    clock: FixedClock,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    _, expected = _new_profile(request, protection, profile_dir, clock)
    key_file = json.loads((profile_dir / "keys.json").read_bytes())
    assert key_file["protection"] == protection
    if protection == "passphrase":
        assert memory_keyring.entries == {}, "a passphrase-only profile stored a device secret"

    dek = sqlcipher4.derive_dek(profile_dir, PASSPHRASE, _secret_for(protection, memory_keyring))
    plain = tmp_path / "plain.db"
    sqlcipher4.to_plain_sqlite(profile_dir / "gadeplan.db", dek, plain)
    _assert_holds(plain, expected)


@pytest.mark.parametrize("protection", PROTECTIONS)
def test_recovery_key_opens_the_store_independently(
    request: pytest.FixtureRequest,
    protection: str,
    profile_dir: Path,
    clock: FixedClock,
    tmp_path: Path,
) -> None:
    recovery_key, expected = _new_profile(request, protection, profile_dir, clock)
    dek = sqlcipher4.derive_dek_from_recovery(profile_dir, recovery_key)
    plain = tmp_path / "plain.db"
    sqlcipher4.to_plain_sqlite(profile_dir / "gadeplan.db", dek, plain)
    _assert_holds(plain, expected)


def test_passphrase_is_nfc_normalised(
    request: pytest.FixtureRequest, profile_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    """A Mac keyboard may send "å" decomposed; both forms must give the same key, in the
    program and in any implementation that follows the document."""
    composed = "blåbærgrød på trappen ved åen"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed.encode() != composed.encode()
    _, expected = _new_profile(request, "passphrase", profile_dir, clock, passphrase=composed)

    dek = sqlcipher4.derive_dek(profile_dir, decomposed)
    sqlcipher4.to_plain_sqlite(profile_dir / "gadeplan.db", dek, tmp_path / "plain.db")
    _assert_holds(tmp_path / "plain.db", expected)
    open_profile(profile_dir, decomposed, clock=clock).lock()


def test_key_file_has_exactly_the_documented_shape(
    profile_dir: Path, clock: FixedClock, memory_keyring: MemoryKeyring
) -> None:
    """IT tools are written against the document; an extra or renamed key breaks them."""
    create_profile(
        profile_dir, PASSPHRASE, policy=Policy(), kdf=FAST_KDF, clock=clock
    ).session.lock()
    data = json.loads((profile_dir / "keys.json").read_bytes())
    assert set(data) == {"format", "version", "store_id", "protection", "kdf", "wraps"}
    assert (data["format"], data["version"]) == ("gadeplan-keys", 1)
    assert set(data["kdf"]) == {"name", "salt", "time_cost", "memory_kib", "parallelism"}
    assert set(data["wraps"]) == {"passphrase", "recovery"}
    for wrap in data["wraps"].values():
        assert set(wrap) == {"nonce", "ciphertext"}
    sqlcipher4.read_key_file(profile_dir)  # the strict reader's checks (lengths, base64)
    (username,) = (user for _, user in memory_keyring.entries)
    assert data["store_id"] in username


@pytest.mark.parametrize("protection", PROTECTIONS)
def test_wrong_passphrase_opens_nothing_and_changes_nothing(
    request: pytest.FixtureRequest,
    protection: str,
    profile_dir: Path,
    clock: FixedClock,
    memory_keyring: MemoryKeyring,
) -> None:
    _new_profile(request, protection, profile_dir, clock)
    secret = _secret_for(protection, memory_keyring)
    before = _snapshot(profile_dir)
    assert {"gadeplan.db", "keys.json"} <= set(before)
    assert "gadeplan.db-wal" not in before, "lock left a WAL behind"
    wrong = PASSPHRASE + " "

    with pytest.raises(sqlcipher4.WrongKey):
        sqlcipher4.derive_dek(profile_dir, wrong, secret)
    with pytest.raises(WrongPassphrase):
        open_profile(profile_dir, wrong, clock=clock)
    if secret is not None:
        with pytest.raises(sqlcipher4.WrongKey):
            sqlcipher4.derive_dek(profile_dir, PASSPHRASE, secrets.token_bytes(32))
    with pytest.raises(sqlcipher4.WrongKey):
        sqlcipher4.derive_dek_from_recovery(profile_dir, "AAAA-" * 7 + "AAAA")

    after = _snapshot(profile_dir)
    assert set(after) - set(before) == {THROTTLE_FILE}, "only the attempt counter may appear"
    assert {name: after[name] for name in before} == before, "a failed unlock changed a file"

    # Control: the untouched profile still opens, with the same key as before.
    dek = sqlcipher4.derive_dek(profile_dir, PASSPHRASE, secret)
    sqlcipher4.decrypt_pages(profile_dir / "gadeplan.db", dek)
    open_profile(profile_dir, PASSPHRASE, clock=clock).lock()


def test_page_authentication_is_checked(
    request: pytest.FixtureRequest, profile_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    """Controls for the reader itself: it must not 'decrypt' garbage with a wrong key, nor
    accept a page changed on disk, or the tests above would prove nothing."""
    _new_profile(request, "passphrase", profile_dir, clock)
    db = profile_dir / "gadeplan.db"
    dek = sqlcipher4.derive_dek(profile_dir, PASSPHRASE)
    pages = sqlcipher4.decrypt_pages(db, dek)
    assert len(pages) == db.stat().st_size // sqlcipher4.PAGE_SIZE
    assert int.from_bytes(pages[0][28:32], "big") == len(pages), "header page count"

    with pytest.raises(sqlcipher4.PageAuthenticationError):
        sqlcipher4.decrypt_pages(db, secrets.token_bytes(32))

    tampered = tmp_path / "tampered.db"
    data = bytearray(db.read_bytes())
    data[sqlcipher4.PAGE_SIZE * 2 + 100] ^= 0x01
    tampered.write_bytes(bytes(data))
    with pytest.raises(sqlcipher4.PageAuthenticationError, match="page 3"):
        sqlcipher4.decrypt_pages(tampered, dek)

    # A reader that ignored a live WAL would scan stale pages: it refuses instead.
    session = open_profile(profile_dir, PASSPHRASE, clock=clock)
    try:
        person = Person(id=new_id(), team_id=session.identity.team_id, alias="WAL-kontrol")
        session.create_person(person, confirmed_new=True)
        with pytest.raises(ValueError, match="WAL"):
            sqlcipher4.decrypt_pages(db, dek)
    finally:
        session.lock()

    # And the file really is encrypted: plain SQLite cannot read it.
    conn = sqlite3.connect(db)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    finally:
        conn.close()
