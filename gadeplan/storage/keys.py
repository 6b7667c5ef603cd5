"""The key hierarchy of ``docs/key-hierarchy.md``: the data key (DEK), its wraps in
``keys.json``, the recovery key, and throttling of failed unlocks.

Everything here follows the contract to the byte, so that IT or an independent implementation
can open a store with the passphrase (or the recovery key) and nothing else from the project.
"""

from __future__ import annotations

import base64
import json
import os
import time
import unicodedata
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import msgspec
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from gadeplan.storage import keychain
from gadeplan.storage.errors import (
    DamagedKeyFile,
    KeychainEntryMissing,
    KeychainUnavailable,
    ProfileExists,
    ProfileNotFound,
    Throttled,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)

KEY_FILE = "keys.json"
DB_FILE = "gadeplan.db"
THROTTLE_FILE = "unlock-attempts.json"

FORMAT = "gadeplan-keys"
VERSION = 1
DEK_BYTES = 32
RECOVERY_KEY_BYTES = 20

Protection = Literal["passphrase", "passphrase+keychain"]

#: Minimum passphrase lengths. Without a device secret the passphrase is the only barrier
#: against offline guessing, so it must be longer.
MIN_PASSPHRASE_WITH_KEYCHAIN = 10
MIN_PASSPHRASE_ALONE = 14


class KdfParams(msgspec.Struct, frozen=True):
    """Argon2id cost. The default is the contract's floor (64 MiB, 3 passes, about half a
    second on a laptop); it is stored in ``keys.json`` so it can be raised later."""

    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 4


DEFAULT_KDF = KdfParams()


# --- primitives, exactly as documented ---------------------------------------------------------


def normalise_passphrase(passphrase: str) -> bytes:
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def argon2id(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        secret=normalise_passphrase(passphrase),
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _hkdf(ikm: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(ikm)


def passphrase_kek(a: bytes, device_secret: bytes | None) -> bytes:
    if device_secret is None:
        return a
    return _hkdf(a + device_secret, b"gadeplan kek v1")


def recovery_kek(recovery_key: bytes) -> bytes:
    return _hkdf(recovery_key, b"gadeplan recovery v1")


def _aad(store_id: str, wrap_name: str) -> bytes:
    return f"gadeplan-keys v1 {store_id} {wrap_name}".encode()


def _wrap(kek: bytes, dek: bytes, store_id: str, wrap_name: str) -> dict[str, str]:
    # secrets is imported where key material is made (a new profile, a new passphrase), never
    # at an unlock: with hmac and OpenSSL's hashlib it is 3 ms, which every start paid.
    import secrets

    nonce = secrets.token_bytes(12)
    ciphertext = AESGCM(kek).encrypt(nonce, dek, _aad(store_id, wrap_name))
    return {
        "nonce": base64.b64encode(nonce).decode("ascii"),
        "ciphertext": base64.b64encode(ciphertext).decode("ascii"),
    }


def _unwrap(kek: bytes, wrap: dict[str, str], store_id: str, wrap_name: str) -> bytes | None:
    try:
        nonce = base64.b64decode(wrap["nonce"], validate=True)
        ciphertext = base64.b64decode(wrap["ciphertext"], validate=True)
    except (KeyError, ValueError) as exc:
        raise DamagedKeyFile("the key file's wrap is not readable") from exc
    try:
        return AESGCM(kek).decrypt(nonce, ciphertext, _aad(store_id, wrap_name))
    except InvalidTag:
        return None


# --- the recovery key ---------------------------------------------------------------------------


def format_recovery_key(key: bytes) -> str:
    """20 bytes as 32 Base32 characters in eight groups of four, for paper."""
    text = base64.b32encode(key).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    # People copy by hand: 0/O and 1/I/L are not in Base32's alphabet but are easily confused.
    cleaned = cleaned.replace("0", "O").replace("1", "I")
    try:
        key = base64.b32decode(cleaned)
    except ValueError as exc:
        raise WrongRecoveryKey("not a recovery key") from exc
    if len(key) != RECOVERY_KEY_BYTES:
        raise WrongRecoveryKey("not a recovery key")
    return key


# --- key file -----------------------------------------------------------------------------------


class KeyFile(msgspec.Struct, frozen=True):
    store_id: str
    protection: Protection
    salt: bytes
    kdf: KdfParams
    wraps: dict[str, dict[str, str]]

    def __repr__(self) -> str:
        # Key material: never in a log line or a traceback.
        return f"{type(self).__name__}(...)"

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "store_id": self.store_id,
            "protection": self.protection,
            "kdf": {
                "name": "argon2id",
                "salt": base64.b64encode(self.salt).decode("ascii"),
                "time_cost": self.kdf.time_cost,
                "memory_kib": self.kdf.memory_kib,
                "parallelism": self.kdf.parallelism,
            },
            "wraps": self.wraps,
        }

    @classmethod
    def from_json(cls, data: Any) -> KeyFile:
        try:
            if data["format"] != FORMAT or data["version"] != VERSION:
                raise DamagedKeyFile("unknown key file format")
            kdf = data["kdf"]
            if kdf["name"] != "argon2id":
                raise DamagedKeyFile("unknown key derivation")
            protection = data["protection"]
            if protection not in ("passphrase", "passphrase+keychain"):
                raise DamagedKeyFile("unknown protection")
            salt = base64.b64decode(kdf["salt"], validate=True)
            wraps = data["wraps"]
            if "passphrase" not in wraps:
                raise DamagedKeyFile("the passphrase wrap is missing")
            return cls(
                store_id=str(uuid.UUID(data["store_id"])),
                protection=protection,
                salt=salt,
                kdf=KdfParams(
                    int(kdf["time_cost"]), int(kdf["memory_kib"]), int(kdf["parallelism"])
                ),
                wraps={str(k): dict(v) for k, v in wraps.items()},
            )
        except DamagedKeyFile:
            raise
        except (KeyError, TypeError, ValueError) as exc:
            raise DamagedKeyFile("the key file is damaged") from exc


def atomic_write(path: Path, content: bytes) -> None:
    """Temp file in the same folder, fsync, rename, fsync the folder: never half a key file."""
    tmp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")  # a name, not a secret
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):
        dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def read_key_file(folder: Path) -> KeyFile:
    path = folder / KEY_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise ProfileNotFound("no profile in this folder") from exc
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise DamagedKeyFile("the key file is not valid JSON") from exc
    return KeyFile.from_json(data)


def write_key_file(folder: Path, key_file: KeyFile) -> None:
    atomic_write(folder / KEY_FILE, json.dumps(key_file.to_json(), indent=2).encode("utf-8"))


# --- throttling ---------------------------------------------------------------------------------

#: Free attempts before waits begin, then waits that double up to a quarter of an hour.
FREE_ATTEMPTS = 3
FIRST_WAIT_SECONDS = 30
MAX_WAIT_SECONDS = 15 * 60


def wait_after(failures: int) -> int:
    if failures < FREE_ATTEMPTS:
        return 0
    return int(min(MAX_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (failures - FREE_ATTEMPTS)))


class Throttle:
    """Failed unlocks counted on disk, so restarting the program does not reset the count."""

    def __init__(self, folder: Path, clock: Callable[[], float] = time.time) -> None:
        self._path = folder / THROTTLE_FILE
        self._clock = clock

    def _read(self) -> tuple[int, float]:
        try:
            data = json.loads(self._path.read_text("utf-8"))
            return int(data["failures"]), float(data["last_failure"])
        except (FileNotFoundError, ValueError, KeyError, TypeError):
            return 0, 0.0

    def check(self) -> None:
        failures, last = self._read()
        remaining = last + wait_after(failures) - self._clock()
        if remaining > 0:
            raise Throttled(int(remaining + 0.999))

    def failed(self) -> int:
        failures, _ = self._read()
        failures += 1
        atomic_write(
            self._path,
            json.dumps({"failures": failures, "last_failure": self._clock()}).encode("utf-8"),
        )
        return wait_after(failures)

    def succeeded(self) -> None:
        self._path.unlink(missing_ok=True)


# --- profiles -----------------------------------------------------------------------------------


class NewProfile(msgspec.Struct, frozen=True):
    store_id: str
    dek: bytes
    recovery_key: str
    protection: Protection

    def __repr__(self) -> str:
        # The data key and the recovery key: never in a log line or a traceback.
        return f"{type(self).__name__}(...)"


def minimum_passphrase(protection: Protection) -> int:
    return (
        MIN_PASSPHRASE_WITH_KEYCHAIN
        if protection == "passphrase+keychain"
        else MIN_PASSPHRASE_ALONE
    )


def check_passphrase(passphrase: str, protection: Protection, policy_minimum: int = 0) -> None:
    minimum = max(minimum_passphrase(protection), policy_minimum)
    if len(unicodedata.normalize("NFC", passphrase).strip()) < minimum:
        raise WeakPassphrase(minimum)


def choose_protection(allow_passphrase_only: bool) -> Protection:
    """Keychain if a secure one exists; passphrase alone only where policy allows it."""
    if keychain.secure_backend_available():
        return "passphrase+keychain"
    if allow_passphrase_only:
        return "passphrase"
    raise KeychainUnavailable("no secure keychain and passphrase-only protection is not allowed")


def create_key_file(
    folder: Path,
    passphrase: str,
    protection: Protection,
    *,
    kdf: KdfParams = DEFAULT_KDF,
    policy_minimum: int = 0,
) -> NewProfile:
    """Make the DEK and its two wraps. The database itself is created by the caller."""
    check_passphrase(passphrase, protection, policy_minimum)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        # mkdir's mode does not apply to a folder that already existed: other users of the
        # machine get no listing of, and no handle on, the profile's files.
        os.chmod(folder, 0o700)
    if (folder / KEY_FILE).exists() or (folder / DB_FILE).exists():
        raise ProfileExists("a profile already exists in this folder")
    import secrets  # see _wrap

    store_id = str(uuid.uuid4())
    dek = secrets.token_bytes(DEK_BYTES)
    salt = secrets.token_bytes(16)
    device_secret = keychain.create_device_secret(store_id) if protection != "passphrase" else None
    kek = passphrase_kek(argon2id(passphrase, salt, kdf), device_secret)
    recovery = secrets.token_bytes(RECOVERY_KEY_BYTES)
    wraps = {
        "passphrase": _wrap(kek, dek, store_id, "passphrase"),
        "recovery": _wrap(recovery_kek(recovery), dek, store_id, "recovery"),
    }
    write_key_file(folder, KeyFile(store_id, protection, salt, kdf, wraps))
    return NewProfile(store_id, dek, format_recovery_key(recovery), protection)


def _device_secret_for(key_file: KeyFile) -> bytes | None:
    if key_file.protection == "passphrase":
        return None
    secret = keychain.load_device_secret(key_file.store_id)
    if secret is None:
        raise KeychainEntryMissing("the device secret is not in the keychain")
    return secret


def unlock(folder: Path, passphrase: str, clock: Callable[[], float] = time.time) -> bytes:
    """The DEK, or a clear error. Nothing on disk changes except the attempt counter."""
    key_file = read_key_file(folder)
    throttle = Throttle(folder, clock)
    throttle.check()
    device_secret = _device_secret_for(key_file)
    kek = passphrase_kek(argon2id(passphrase, key_file.salt, key_file.kdf), device_secret)
    dek = _unwrap(kek, key_file.wraps["passphrase"], key_file.store_id, "passphrase")
    if dek is None:
        throttle.failed()
        raise WrongPassphrase("wrong passphrase")
    throttle.succeeded()
    return dek


def recover(
    folder: Path,
    recovery_key: str,
    new_passphrase: str,
    *,
    allow_passphrase_only: bool = True,
    policy_minimum: int = 0,
    clock: Callable[[], float] = time.time,
) -> bytes:
    """Open with the recovery key and set a new passphrase (and a new device secret, since the
    usual reason is a lost keychain entry)."""
    key_file = read_key_file(folder)
    throttle = Throttle(folder, clock)
    throttle.check()
    recovery_wrap = key_file.wraps.get("recovery")
    if recovery_wrap is None:
        raise DamagedKeyFile("the key file has no recovery wrap")
    dek = _unwrap(
        recovery_kek(parse_recovery_key(recovery_key)), recovery_wrap, key_file.store_id, "recovery"
    )
    if dek is None:
        throttle.failed()
        raise WrongRecoveryKey("wrong recovery key")
    protection: Protection = key_file.protection
    if protection == "passphrase+keychain" and not keychain.secure_backend_available():
        # The worker is told which protection the profile has now; never silently weaker.
        if not allow_passphrase_only:
            raise KeychainUnavailable("no secure keychain to restore the device secret into")
        protection = "passphrase"
    _rewrap(folder, key_file, dek, new_passphrase, protection, policy_minimum)
    throttle.succeeded()
    return dek


def change_passphrase(
    folder: Path,
    old_passphrase: str,
    new_passphrase: str,
    *,
    policy_minimum: int = 0,
    clock: Callable[[], float] = time.time,
) -> None:
    """Re-wrap the DEK under the new passphrase; the database is never re-encrypted."""
    key_file = read_key_file(folder)
    check_passphrase(new_passphrase, key_file.protection, policy_minimum)
    dek = unlock(folder, old_passphrase, clock)
    _rewrap(folder, key_file, dek, new_passphrase, key_file.protection, policy_minimum)


def _rewrap(
    folder: Path,
    key_file: KeyFile,
    dek: bytes,
    passphrase: str,
    protection: Protection,
    policy_minimum: int,
) -> None:
    import secrets  # see _wrap

    check_passphrase(passphrase, protection, policy_minimum)
    salt = secrets.token_bytes(16)
    device_secret: bytes | None = None
    if protection == "passphrase+keychain":
        device_secret = keychain.load_device_secret(key_file.store_id)
        if device_secret is None:
            device_secret = keychain.create_device_secret(key_file.store_id)
    kek = passphrase_kek(argon2id(passphrase, salt, key_file.kdf), device_secret)
    wraps = dict(key_file.wraps)
    wraps["passphrase"] = _wrap(kek, dek, key_file.store_id, "passphrase")
    write_key_file(folder, KeyFile(key_file.store_id, protection, salt, key_file.kdf, wraps))


def forget_keys(folder: Path) -> None:
    """Remote wipe and deliberate profile removal: the wraps and the keychain entry go first,
    so the database is unreadable even if deleting it fails half-way."""
    try:
        key_file = read_key_file(folder)
    except (ProfileNotFound, DamagedKeyFile):
        key_file = None
    if key_file is not None:
        keychain.delete_device_secret(key_file.store_id)
    (folder / KEY_FILE).unlink(missing_ok=True)


def wipe_profile(folder: Path) -> None:
    """Remote wipe: the keys go first (then the data is unreadable whatever happens next),
    then the database and its companions. Only the files Gadeplan makes are touched."""
    forget_keys(folder)
    for name in (DB_FILE, f"{DB_FILE}-wal", f"{DB_FILE}-shm", f"{DB_FILE}.lock", THROTTLE_FILE):
        (folder / name).unlink(missing_ok=True)
