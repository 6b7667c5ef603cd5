"""The key hierarchy: format, protections, throttling, recovery, passphrase change."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
from pathlib import Path

import pytest

from gadeplan.app.policy import Policy
from gadeplan.app.services.profile import (
    change_passphrase,
    create_profile,
    open_profile,
    recover_profile,
)
from gadeplan.storage import keychain, keys
from gadeplan.storage.errors import (
    DamagedKeyFile,
    DamagedStore,
    KeychainEntryMissing,
    KeychainUnavailable,
    ProfileExists,
    ProfileNotFound,
    Throttled,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from tests.support import FAST_KDF, PASSPHRASE, MemoryKeyring


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.name != keys.THROTTLE_FILE
    }


def _create(folder: Path, passphrase: str = PASSPHRASE, policy: Policy | None = None) -> str:
    created = create_profile(folder, passphrase, policy=policy or Policy(), kdf=FAST_KDF)
    created.session.lock()
    return created.recovery_key


def test_default_kdf_meets_the_contract_floor() -> None:
    assert keys.DEFAULT_KDF.memory_kib >= 65536
    assert keys.DEFAULT_KDF.time_cost >= 3


def test_key_file_has_exactly_the_documented_shape(profile_dir: Path) -> None:
    _create(profile_dir)
    data = json.loads((profile_dir / keys.KEY_FILE).read_text())
    assert set(data) == {"format", "version", "store_id", "protection", "kdf", "wraps"}
    assert data["format"] == "gadeplan-keys"
    assert data["version"] == 1
    assert data["protection"] == "passphrase+keychain"
    assert set(data["kdf"]) == {"name", "salt", "time_cost", "memory_kib", "parallelism"}
    assert data["kdf"]["name"] == "argon2id"
    assert len(base64.b64decode(data["kdf"]["salt"])) == 16
    assert set(data["wraps"]) == {"passphrase", "recovery"}
    for wrap in data["wraps"].values():
        assert set(wrap) == {"nonce", "ciphertext"}
        assert len(base64.b64decode(wrap["nonce"])) == 12
        assert len(base64.b64decode(wrap["ciphertext"])) == 32 + 16


def test_keychain_protection_needs_the_device_secret(
    profile_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    _create(profile_dir)
    assert len(memory_keyring.entries) == 1
    open_profile(profile_dir, PASSPHRASE).lock()
    memory_keyring.entries.clear()  # a reset keychain, or the profile copied to another laptop
    before = _digests(profile_dir)
    with pytest.raises(KeychainEntryMissing):
        open_profile(profile_dir, PASSPHRASE)
    assert _digests(profile_dir) == before


@pytest.mark.usefixtures("no_keychain")
def test_without_keychain_passphrase_alone_with_longer_minimum(profile_dir: Path) -> None:
    with pytest.raises(WeakPassphrase) as info:
        _create(profile_dir, "short but 12")
    assert info.value.minimum == keys.MIN_PASSPHRASE_ALONE
    assert not (profile_dir / keys.KEY_FILE).exists()
    _create(profile_dir)
    assert keys.read_key_file(profile_dir).protection == "passphrase"
    open_profile(profile_dir, PASSPHRASE).lock()


@pytest.mark.usefixtures("no_keychain")
def test_policy_can_forbid_passphrase_only(profile_dir: Path) -> None:
    with pytest.raises(KeychainUnavailable):
        _create(profile_dir, policy=Policy(allow_passphrase_only=False))
    assert not profile_dir.exists() or not any(profile_dir.iterdir())


def test_insecure_keyring_backends_are_refused() -> None:
    import keyring.backends.fail
    import keyring.backends.null

    assert not keychain._is_secure(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]
    assert not keychain._is_secure(keyring.backends.null.Keyring())  # type: ignore[no-untyped-call]
    assert keychain._is_secure(MemoryKeyring())


def test_wrong_passphrase_changes_nothing_and_is_throttled(profile_dir: Path) -> None:
    _create(profile_dir)
    before = _digests(profile_dir)
    now = [1000.0]
    for _ in range(keys.FREE_ATTEMPTS):
        with pytest.raises(WrongPassphrase):
            open_profile(profile_dir, "not the passphrase", attempt_clock=lambda: now[0])
    assert _digests(profile_dir) == before
    with pytest.raises(Throttled) as info:
        open_profile(profile_dir, PASSPHRASE, attempt_clock=lambda: now[0])
    assert info.value.retry_after_seconds == keys.FIRST_WAIT_SECONDS
    now[0] += keys.FIRST_WAIT_SECONDS
    open_profile(profile_dir, PASSPHRASE, attempt_clock=lambda: now[0]).lock()
    # Success resets the count.
    with pytest.raises(WrongPassphrase):
        open_profile(profile_dir, "wrong again", attempt_clock=lambda: now[0])


def test_throttle_waits_grow_and_are_capped() -> None:
    waits = [keys.wait_after(n) for n in range(12)]
    assert waits[: keys.FREE_ATTEMPTS] == [0] * keys.FREE_ATTEMPTS
    assert waits == sorted(waits)
    assert waits[-1] == keys.MAX_WAIT_SECONDS


def test_throttle_survives_restart(profile_dir: Path) -> None:
    _create(profile_dir)
    for _ in range(keys.FREE_ATTEMPTS + 1):
        with contextlib.suppress(WrongPassphrase, Throttled):
            open_profile(profile_dir, "wrong", attempt_clock=lambda: 50.0)
    # A new process reads the counter from disk.
    with pytest.raises(Throttled):
        keys.Throttle(profile_dir, lambda: 51.0).check()


def test_recovery_key_opens_and_sets_new_passphrase(
    profile_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    recovery = _create(profile_dir)
    assert len(recovery.split("-")) == 8
    memory_keyring.entries.clear()  # the usual reason: the keychain entry is gone
    new = "en helt ny lang passphrase"
    # Typed by hand: lower case, spaces instead of dashes.
    session = recover_profile(profile_dir, recovery.lower().replace("-", " "), new, policy=Policy())
    session.lock()
    open_profile(profile_dir, new).lock()
    with pytest.raises(WrongPassphrase):
        open_profile(profile_dir, PASSPHRASE)


def test_wrong_recovery_key(profile_dir: Path) -> None:
    _create(profile_dir)
    before = _digests(profile_dir)
    bogus = keys.format_recovery_key(b"\x01" * keys.RECOVERY_KEY_BYTES)
    with pytest.raises(WrongRecoveryKey):
        recover_profile(profile_dir, bogus, "whatever long enough", policy=Policy())
    with pytest.raises(WrongRecoveryKey):
        recover_profile(profile_dir, "not a key", "whatever long enough", policy=Policy())
    assert _digests(profile_dir) == before


def test_change_passphrase_rewraps_without_touching_the_database(
    profile_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    recovery = _create(profile_dir)
    db_before = (profile_dir / keys.DB_FILE).read_bytes()
    change_passphrase(profile_dir, PASSPHRASE, "nyt kodeord til gaden", policy=Policy())
    assert (profile_dir / keys.DB_FILE).read_bytes() == db_before
    open_profile(profile_dir, "nyt kodeord til gaden").lock()
    with pytest.raises(WrongPassphrase):
        open_profile(profile_dir, PASSPHRASE)
    # The recovery key still works after a passphrase change.
    recover_profile(profile_dir, recovery, "tredje kodeord her", policy=Policy()).lock()


def test_change_passphrase_refuses_weak_and_wrong(profile_dir: Path) -> None:
    _create(profile_dir)
    before = _digests(profile_dir)
    with pytest.raises(WeakPassphrase):
        change_passphrase(profile_dir, PASSPHRASE, "kort", policy=Policy())
    with pytest.raises(WeakPassphrase):
        change_passphrase(
            profile_dir, PASSPHRASE, "tolv tegn ok", policy=Policy(min_passphrase_length=20)
        )
    with pytest.raises(WrongPassphrase):
        change_passphrase(profile_dir, "forkert kodeord", "et andet langt kodeord", policy=Policy())
    assert _digests(profile_dir) == before


def test_passphrase_is_nfc_normalised(profile_dir: Path) -> None:
    composed = "blåbærgrød med fløde"
    decomposed = "bla\u030abærgrød med fl\u00f8de".replace("ø", "o\u0338")
    _create(profile_dir, composed)
    # "å" typed as a + combining ring: the same passphrase after NFC.
    open_profile(profile_dir, "bla\u030abærgrød med fløde").lock()
    assert decomposed != composed


def test_existing_profile_is_never_overwritten(profile_dir: Path) -> None:
    _create(profile_dir)
    before = _digests(profile_dir)
    with pytest.raises(ProfileExists):
        _create(profile_dir)
    assert _digests(profile_dir) == before


def test_missing_and_damaged_files_fail_closed(profile_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(ProfileNotFound):
        open_profile(tmp_path / "nowhere", PASSPHRASE)
    _create(profile_dir)
    key_file = profile_dir / keys.KEY_FILE
    good = key_file.read_bytes()
    key_file.write_bytes(good[: len(good) // 2])
    with pytest.raises(DamagedKeyFile):
        open_profile(profile_dir, PASSPHRASE)
    key_file.write_bytes(good)

    db = profile_dir / keys.DB_FILE
    data = bytearray(db.read_bytes())
    data[4096 + 100] ^= 0xFF  # flip a byte inside page 2: its HMAC no longer matches
    db.write_bytes(bytes(data))
    damaged = db.read_bytes()
    try:
        session = open_profile(profile_dir, PASSPHRASE)
    except DamagedStore:
        pass
    else:
        problems = session.integrity_problems()
        session.lock()
        assert problems, "a damaged page must be reported"
    assert db.read_bytes() == damaged  # reported, never repaired by guesswork or deleted

    db.unlink()
    with pytest.raises(DamagedStore):
        open_profile(profile_dir, PASSPHRASE)
    assert not db.exists()  # never silently recreated
