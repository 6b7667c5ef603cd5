"""An independent reader for Gadeplan stores, written from the contract alone.

key-hierarchy.md promises that IT, or anyone else, can open a store with the passphrase (or
the recovery key) and nothing from the project. This module is that "anyone else": it imports
nothing from ``gadeplan``, only argon2-cffi, ``cryptography`` and the standard library, so a
test that opens a store through it checks the documented format rather than the code agreeing
with itself.

The key file (``keys.json``), as documented::

    A   = Argon2id(NFC(passphrase) as UTF-8, salt, time_cost, memory_kib, parallelism, 32)
    KEK = A                                                       protection "passphrase"
    KEK = HKDF-SHA256(A || device secret, salt=None,
                      info="gadeplan kek v1", 32)                 "passphrase+keychain"
    recovery KEK = HKDF-SHA256(recovery key bytes, salt=None, info="gadeplan recovery v1", 32)
    DEK = AES-256-GCM-decrypt(KEK, nonce, ciphertext,
                              aad="gadeplan-keys v1 <store_id> <wrap name>")

The database (``gadeplan.db``) is SQLCipher 4 with default settings, keyed with the DEK as a
raw key (``PRAGMA key = "x'<hex>'"``), so the DEK *is* the AES key: there is no PBKDF2 over it.
The layout below was checked empirically against files written by the project's sqlcipher3
(SQLCipher 4.x community, OpenSSL provider) and against ``src/crypto_impl.c`` of
sqlcipher/sqlcipher (``sqlcipher_page_hmac``, ``sqlcipher_page_cipher``):

- Pages of 4096 bytes. The first 16 bytes of the file (where plain SQLite has
  ``"SQLite format 3\\0"``) hold the random database salt, in clear.
- Each page reserves its last 80 bytes: a 16-byte IV, then a 64-byte HMAC-SHA512. 80 is also
  what byte 20 of the decrypted database header says ("reserved space per page").
- The encrypted region is bytes ``[0, 4016)`` of the page, except on page 1, where it is
  ``[16, 4016)`` (the salt is not encrypted). AES-256-CBC, no padding (4000 and 4016 are both
  multiples of the block size), with the page's stored IV.
- HMAC key = PBKDF2-HMAC-SHA512(DEK, salt XOR 0x3a per byte, 2 iterations, 32 bytes)
  (``fast_kdf_iter`` = 2, ``hmac_salt_mask`` = 0x3a).
- HMAC-SHA512 over ``ciphertext || IV || page number`` with the page number (counted from 1)
  as 4 bytes little-endian (``CIPHER_FLAG_LE_PGNO``, fixed as the only option since
  SQLCipher 5). The HMAC covers the ciphertext (encrypt-then-MAC), and the page number stops
  valid pages from being swapped.
- Decrypted, bytes 16.. of page 1 are the ordinary SQLite header (page size, reserve 80, ...);
  putting ``"SQLite format 3\\0"`` back in front gives a valid plain SQLite page.

Only a checkpointed database is read (the WAL holds newer pages that this reader ignores);
:func:`decrypt_pages` refuses a database whose ``-wal`` is not empty rather than return stale
contents.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import unicodedata
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

PAGE_SIZE = 4096
SALT_SIZE = 16
IV_SIZE = 16
HMAC_SIZE = 64
RESERVE = IV_SIZE + HMAC_SIZE
HMAC_SALT_MASK = 0x3A
HMAC_KDF_ITERATIONS = 2
SQLITE_HEADER = b"SQLite format 3\x00"

KEY_FILE = "keys.json"
DB_FILE = "gadeplan.db"


class KeyFileFormatError(Exception):
    """keys.json does not have the documented shape."""


class WrongKey(Exception):
    """An AES-GCM wrap did not authenticate: wrong passphrase, device secret or recovery key."""


class PageAuthenticationError(Exception):
    """A page's HMAC does not match: wrong DEK, or the file was changed."""


# --- keys.json ------------------------------------------------------------------------------


def _b64(value: Any, expected_len: int | None = None) -> bytes:
    if not isinstance(value, str):
        raise KeyFileFormatError("expected a base64 string")
    raw = base64.b64decode(value, validate=True)
    if expected_len is not None and len(raw) != expected_len:
        raise KeyFileFormatError(f"expected {expected_len} bytes, got {len(raw)}")
    return raw


def read_key_file(folder: Path) -> dict[str, Any]:
    """The parsed key file, with the documented invariants checked, so a drift in the format
    is reported as such and not as a wrong passphrase."""
    data = json.loads((folder / KEY_FILE).read_bytes())
    if not isinstance(data, dict):
        raise KeyFileFormatError("the key file is not a JSON object")
    if data.get("format") != "gadeplan-keys" or data.get("version") != 1:
        raise KeyFileFormatError("not a gadeplan-keys v1 file")
    if data.get("protection") not in ("passphrase", "passphrase+keychain"):
        raise KeyFileFormatError("unknown protection")
    kdf = data.get("kdf")
    if not isinstance(kdf, dict) or kdf.get("name") != "argon2id":
        raise KeyFileFormatError("the KDF is not argon2id")
    _b64(kdf.get("salt"), 16)
    wraps = data.get("wraps")
    if not isinstance(wraps, dict):
        raise KeyFileFormatError("no wraps")
    for wrap in wraps.values():
        _b64(wrap.get("nonce"), 12)
        _b64(wrap.get("ciphertext"), 32 + 16)
    return data


def _argon2id(passphrase: str, kdf: dict[str, Any]) -> bytes:
    return hash_secret_raw(
        secret=unicodedata.normalize("NFC", passphrase).encode("utf-8"),
        salt=_b64(kdf["salt"], 16),
        time_cost=int(kdf["time_cost"]),
        memory_cost=int(kdf["memory_kib"]),
        parallelism=int(kdf["parallelism"]),
        hash_len=32,
        type=Type.ID,
    )


def _hkdf_sha256(ikm: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(ikm)


def _unwrap(data: dict[str, Any], wrap_name: str, kek: bytes) -> bytes:
    wrap = data["wraps"][wrap_name]
    aad = f"gadeplan-keys v1 {data['store_id']} {wrap_name}".encode()
    try:
        dek = AESGCM(kek).decrypt(_b64(wrap["nonce"], 12), _b64(wrap["ciphertext"]), aad)
    except InvalidTag as exc:
        raise WrongKey(f"the {wrap_name} wrap does not open with this key") from exc
    if len(dek) != 32:
        raise KeyFileFormatError("the wrapped DEK is not 32 bytes")
    return dek


def derive_dek(folder: Path, passphrase: str, device_secret: bytes | None = None) -> bytes:
    """The DEK from the passphrase (and, for keychain protection, the device secret)."""
    data = read_key_file(folder)
    a = _argon2id(passphrase, data["kdf"])
    if data["protection"] == "passphrase":
        if device_secret is not None:
            raise ValueError("a passphrase-only profile has no device secret")
        kek = a
    else:
        if device_secret is None:
            raise ValueError("a passphrase+keychain profile needs the device secret")
        kek = _hkdf_sha256(a + device_secret, b"gadeplan kek v1")
    return _unwrap(data, "passphrase", kek)


def parse_recovery_key(text: str) -> bytes:
    """The 20 bytes behind the Base32 groups printed at setup (separators ignored)."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    key = base64.b32decode(cleaned)
    if len(key) != 20:
        raise ValueError("a recovery key is 20 bytes")
    return key


def derive_dek_from_recovery(folder: Path, recovery_key_text: str) -> bytes:
    data = read_key_file(folder)
    kek = _hkdf_sha256(parse_recovery_key(recovery_key_text), b"gadeplan recovery v1")
    return _unwrap(data, "recovery", kek)


# --- the SQLCipher 4 database ----------------------------------------------------------------


def hmac_key(dek: bytes, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac(
        "sha512", dek, bytes(b ^ HMAC_SALT_MASK for b in salt), HMAC_KDF_ITERATIONS, 32
    )


def decrypt_page(raw: bytes, page_number: int, dek: bytes, mac_key: bytes) -> bytes:
    """One page as plain SQLite would have it: HMAC checked first, then decrypted; on page 1
    the SQLite magic string replaces the salt; the reserved bytes are returned as zeros."""
    if len(raw) != PAGE_SIZE:
        raise ValueError("a page is 4096 bytes")
    start = SALT_SIZE if page_number == 1 else 0
    end = PAGE_SIZE - RESERVE
    ciphertext = raw[start:end]
    iv = raw[end : end + IV_SIZE]
    stored_mac = raw[end + IV_SIZE :]
    expected = hmac.new(
        mac_key, ciphertext + iv + page_number.to_bytes(4, "little"), hashlib.sha512
    ).digest()
    if not hmac.compare_digest(expected, stored_mac):
        raise PageAuthenticationError(f"page {page_number}: HMAC mismatch")
    decryptor = Cipher(algorithms.AES(dek), modes.CBC(iv)).decryptor()
    plain = decryptor.update(ciphertext) + decryptor.finalize()
    prefix = SQLITE_HEADER if page_number == 1 else b""
    return prefix + plain + bytes(RESERVE)


def decrypt_pages(db_path: Path, dek: bytes) -> list[bytes]:
    """Every page of the file, in order, free pages included, each HMAC-verified."""
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise ValueError("the WAL is not checkpointed; its pages would be missed")
    data = db_path.read_bytes()
    if not data or len(data) % PAGE_SIZE:
        raise ValueError("the file is not a whole number of 4096-byte pages")
    mac_key = hmac_key(dek, data[:SALT_SIZE])
    pages = [
        decrypt_page(data[offset : offset + PAGE_SIZE], offset // PAGE_SIZE + 1, dek, mac_key)
        for offset in range(0, len(data), PAGE_SIZE)
    ]
    if pages[0][20] != RESERVE or int.from_bytes(pages[0][16:18], "big") != PAGE_SIZE:
        raise ValueError("the decrypted header does not describe SQLCipher 4 defaults")
    return pages


def to_plain_sqlite(db_path: Path, dek: bytes, out_path: Path) -> None:
    """A plaintext copy that stdlib sqlite3 opens. The 80 reserved bytes per page stay
    reserved (zeroed), as header byte 20 says, so no page layout changes."""
    out_path.write_bytes(b"".join(decrypt_pages(db_path, dek)))
