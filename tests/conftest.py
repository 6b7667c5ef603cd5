from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from gadeplan.app.policy import Policy
from gadeplan.app.services.profile import create_profile
from gadeplan.app.services.session import Session
from tests.support import FAST_KDF, PASSPHRASE, FixedClock, MemoryKeyring


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No test reads or writes the developer's real folders, keychain or machine policy."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("HOME", ""),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
    ):
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("GADEPLAN_POLICY", str(home / "no-policy.toml"))
    return home


@pytest.fixture
def gadeplan_logger(isolated_home: Path) -> Iterator[logging.Logger]:
    """The program's logger, put back as it was afterwards, so other tests see no difference."""
    logger = logging.getLogger("gadeplan")
    saved = (list(logger.handlers), logger.level, logger.propagate)
    yield logger
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    handlers, level, propagate = saved
    for handler in handlers:
        logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = propagate


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keychain(memory_keyring: MemoryKeyring) -> Iterator[None]:
    """A machine without a secure keychain (the fail back end, as on a bare Linux)."""
    keyring.set_keyring(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]
    yield
    keyring.set_keyring(memory_keyring)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def profile_dir(tmp_path: Path) -> Path:
    return tmp_path / "profile"


@pytest.fixture
def session(profile_dir: Path, clock: FixedClock) -> Iterator[Session]:
    created = create_profile(profile_dir, PASSPHRASE, policy=Policy(), kdf=FAST_KDF, clock=clock)
    yield created.session
    created.session.lock()
