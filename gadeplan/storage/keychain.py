"""The device secret in the operating system's keychain, through ``keyring``.

Only back ends that really protect a secret are accepted. The fail and null back ends, and
everything in ``keyrings.alt`` (plain-text and "encrypted" files next to the data) are refused:
Signal Desktop kept its key in plain text beside the database for years, which is exactly what
the device secret must not become.
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import keyring.backend

# keyring itself is imported where it is used: importing it (with its back-end discovery,
# jaraco and urllib's e-mail parser) took about 50 ms of every start, and a profile protected
# by its passphrase alone never asks the keychain.

SERVICE = "Gadeplan"
DEVICE_SECRET_BYTES = 32

_INSECURE_MODULE_PREFIXES = (
    "keyring.backends.fail",
    "keyring.backends.null",
    "keyrings.alt",
)


def _is_secure(backend: keyring.backend.KeyringBackend) -> bool:
    module = type(backend).__module__
    if module.startswith(_INSECURE_MODULE_PREFIXES):
        return False
    if module == "keyring.backends.chainer":
        members = getattr(backend, "backends", [])
        return bool(members) and all(_is_secure(b) for b in members)
    try:
        return float(backend.priority) > 0
    except Exception:  # a back end that cannot tell its priority is not trusted
        return False


def backend_name() -> str:
    import keyring

    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def secure_backend_available() -> bool:
    import keyring

    return _is_secure(keyring.get_keyring())


def _username(store_id: str) -> str:
    return f"device-secret:{store_id}"


def create_device_secret(store_id: str) -> bytes:
    if not secure_backend_available():
        raise RuntimeError("refusing an insecure keyring back end")
    import secrets  # here, as keys.py does: not at every start

    import keyring

    secret = secrets.token_bytes(DEVICE_SECRET_BYTES)
    keyring.set_password(SERVICE, _username(store_id), base64.b64encode(secret).decode("ascii"))
    return secret


def load_device_secret(store_id: str) -> bytes | None:
    """None when the entry is missing or the back end is not one we trust."""
    if not secure_backend_available():
        return None
    import keyring.errors

    try:
        stored = keyring.get_password(SERVICE, _username(store_id))
    except keyring.errors.KeyringError:
        return None
    if stored is None:
        return None
    try:
        secret = base64.b64decode(stored, validate=True)
    except ValueError:
        return None
    return secret if len(secret) == DEVICE_SECRET_BYTES else None


def delete_device_secret(store_id: str) -> None:
    import keyring.errors

    try:
        keyring.delete_password(SERVICE, _username(store_id))
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError:
        pass
