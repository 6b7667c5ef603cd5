"""Creating, unlocking and recovering a profile (a folder with the key file and the database).

Fail closed, destroy nothing: every path that cannot open a profile raises a typed error and
leaves the files as they were. The database is never deleted or recreated because it could
not be opened.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

import msgspec
import platformdirs

from gadeplan.app.domain.clock import Clock, SystemClock
from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import Team, Worker
from gadeplan.app.policy import APP_NAME, Policy
from gadeplan.app.services.retention import apply_retention
from gadeplan.app.services.session import TEAM_ID, WORKER_ID, Session
from gadeplan.storage import keys
from gadeplan.storage.db import Store
from gadeplan.storage.errors import DamagedStore, ProfileNotFound, StoreError
from gadeplan.storage.keys import DB_FILE, DEFAULT_KDF, KdfParams, Protection
from gadeplan.storage.records import LocalState

log = logging.getLogger(__name__)

#: Names the local team and worker get until the device is registered with the backend.
LOCAL_TEAM_NAME = "Mit team"
LOCAL_WORKER_NAME = "Lokal bruger"


def default_profile_dir() -> Path:
    """The user's data folder, not the roaming one: the store must not follow the user to
    other machines through a roaming profile."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False)) / "profile"


class CreatedProfile(msgspec.Struct, frozen=True):
    session: Session
    recovery_key: str
    protection: Protection

    def __repr__(self) -> str:
        # The recovery key: never in a log line or a traceback.
        return f"{type(self).__name__}(...)"


def create_profile(
    folder: Path,
    passphrase: str,
    *,
    policy: Policy,
    kdf: KdfParams = DEFAULT_KDF,
    clock: Clock | None = None,
    worker_name: str = LOCAL_WORKER_NAME,
) -> CreatedProfile:
    clock = clock or SystemClock()
    protection = keys.choose_protection(policy.allow_passphrase_only)
    new = keys.create_key_file(
        folder, passphrase, protection, kdf=kdf, policy_minimum=policy.min_passphrase_length
    )
    store = Store.open(folder / DB_FILE, new.dek)
    try:
        session = initialise_new_store(folder, store, clock, protection, worker_name)
    except BaseException:
        store.close()
        raise
    log.info("profile created; protection: %s", protection)
    return CreatedProfile(session, new.recovery_key, protection)


def initialise_new_store(
    folder: Path,
    store: Store,
    clock: Clock,
    protection: Protection,
    worker_name: str = LOCAL_WORKER_NAME,
) -> Session:
    """Give a new, empty store its device id, local team and worker, and start a session on it.

    The second half of :func:`create_profile`. It opens nothing itself: the store benchmark
    also calls it on its plain baseline store, so both sides of the comparison start alike.
    """
    with store.write() as conn:
        worker_id, team_id = new_id(), new_id()
        LocalState.set(conn, LocalState.DEVICE_ID, f"d-{new_id()}")
        LocalState.set(conn, LocalState.NEXT_MUTATION_ID, "1")
        LocalState.set(conn, WORKER_ID, worker_id)
        LocalState.set(conn, TEAM_ID, team_id)
    session = Session(folder, store, clock, protection)
    with store.write() as conn:
        # Teams and workers are read-only records from the backend; these local stand-ins
        # are not sent, and registration replaces them.
        session.repo.save(conn, Team(id=team_id, name=LOCAL_TEAM_NAME), outbox=False)
        session.repo.save(
            conn, Worker(id=worker_id, name=worker_name, team_ids=(team_id,)), outbox=False
        )
    return session


def _open_with(
    folder: Path, dek: bytes, clock: Clock | None, policy: Policy | None = None
) -> Session:
    db = folder / DB_FILE
    if not db.exists():
        # Never create an empty database in place of a missing one: that would look like data
        # loss to the worker. Re-register and pull instead.
        raise DamagedStore("the database file is missing")
    key_file = keys.read_key_file(folder)
    store = Store.open(db, dek)
    try:
        session = Session(folder, store, clock or SystemClock(), key_file.protection)
    except BaseException:
        store.close()
        raise
    if policy is not None:
        _retain(session, policy)
    return session


def _retain(session: Session, policy: Policy) -> None:
    """Local retention once a profile is open (a laptop may go weeks without a sync). Opening
    must not fail because of it: a store error is logged and the next run tries again."""
    try:
        apply_retention(session, policy.retention_days)
    except StoreError as exc:
        log.warning("retention on unlock failed: %s", exc.code)


def open_profile(
    folder: Path,
    passphrase: str,
    *,
    clock: Clock | None = None,
    attempt_clock: Callable[[], float] = time.time,
    policy: Policy | None = None,
) -> Session:
    """``policy``: where given, its local retention runs once the profile is open."""
    if not (folder / keys.KEY_FILE).exists():
        raise ProfileNotFound("no profile in this folder")
    dek = keys.unlock(folder, passphrase, attempt_clock)
    session = _open_with(folder, dek, clock, policy)
    log.info("profile unlocked")
    return session


def recover_profile(
    folder: Path,
    recovery_key: str,
    new_passphrase: str,
    *,
    policy: Policy,
    clock: Clock | None = None,
    attempt_clock: Callable[[], float] = time.time,
) -> Session:
    dek = keys.recover(
        folder,
        recovery_key,
        new_passphrase,
        allow_passphrase_only=policy.allow_passphrase_only,
        policy_minimum=policy.min_passphrase_length,
        clock=attempt_clock,
    )
    session = _open_with(folder, dek, clock, policy)
    log.info("profile recovered with the recovery key; protection: %s", session.protection)
    return session


def change_passphrase(folder: Path, old: str, new: str, *, policy: Policy) -> None:
    keys.change_passphrase(folder, old, new, policy_minimum=policy.min_passphrase_length)
    log.info("passphrase changed")


def protection_of(folder: Path) -> Protection:
    return keys.read_key_file(folder).protection
