"""Fixtures for the window: real widgets on a real encrypted store, deterministic time.

The runner is synchronous (every job runs at once), the key derivation is the fast test one,
the clock is frozen, the idle timer reads a clock the test moves, and the Danish translation is
built from the committed .ts file before the first test, so a test sees exactly what a worker
sees.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import pytest
from pytestqt.qtbot import QtBot

from gadeplan.app.policy import Policy
from gadeplan.app.services.access import ProfileAccess
from gadeplan.ui.env import Env
from gadeplan.ui.i18n import Translations
from gadeplan.ui.main_window import MainWindow
from gadeplan.ui.prefs import Prefs
from gadeplan.ui.tasks import SyncRunner
from tests.support import FAST_KDF, PASSPHRASE, FixedClock, MemoryKeyring
from tests.ui.helpers import FakeSeconds, SeedIds, seed_small, unlock
from tests.ui.town import build_town

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "gadeplan_da.ts"


#: Said by Qt's offscreen platform plugin itself when a window or a popup (a completer's list)
#: is shown; not our code, and not said on a real desktop.
OFFSCREEN_NOISE = (
    r"^This plugin does not support "
    r"(propagateSizeHints\(\)|raise\(\)|grabbing the (keyboard|mouse))$"
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


def lrelease() -> str:
    """pyside6-lrelease from the environment the tests run in."""
    candidate = Path(sys.executable).with_name("pyside6-lrelease")
    return str(candidate) if candidate.exists() else shutil.which("pyside6-lrelease") or "lrelease"


@pytest.fixture(scope="session")
def qm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .qm built on the fly from the committed .ts (the .qm is a build product)."""
    out = tmp_path_factory.mktemp("qm")
    subprocess.run(
        [lrelease(), "-silent", str(TS_FILE), "-qm", str(out / "gadeplan_da.qm")],
        check=True,
        capture_output=True,
    )
    return out


@pytest.fixture
def attempt_clock() -> FakeSeconds:
    return FakeSeconds(1_800_000_000.0)


@pytest.fixture
def idle_clock() -> FakeSeconds:
    return FakeSeconds()


@pytest.fixture
def policy() -> Policy:
    return Policy()


@pytest.fixture
def access(
    profile_dir: Path, clock: FixedClock, attempt_clock: FakeSeconds, policy: Policy
) -> ProfileAccess:
    return ProfileAccess(
        folder=profile_dir, policy=policy, clock=clock, attempt_clock=attempt_clock, kdf=FAST_KDF
    )


@pytest.fixture
def env(
    qtbot: QtBot,
    access: ProfileAccess,
    qm_dir: Path,
    tmp_path: Path,
    idle_clock: FakeSeconds,
    policy: Policy,
) -> Iterator[Env]:
    translations = Translations(qm_dir)
    prefs = Prefs(tmp_path / "window.ini", policy)
    assert translations.apply(prefs.language)
    runner = SyncRunner()
    bugs: list[BaseException] = []
    runner.bug.connect(bugs.append)
    environment = Env(
        access=access,
        runner=runner,
        prefs=prefs,
        translations=translations,
        idle_clock=idle_clock,
        idle_poll_ms=20,
        clipboard_clear_ms=30_000,
        watch_screen_lock=False,
        version="test",
        # Syncs happen when a test says so; the timers are tested on their own.
        sync_interval_ms=3_600_000,
        sync_first_delay_ms=3_600_000,
        watch_network=False,
    )
    yield environment
    runner.shutdown()
    translations.remove()
    assert not bugs, f"a background job raised a bug: {bugs!r}"


@pytest.fixture
def window(qtbot: QtBot, env: Env) -> Iterator[MainWindow]:
    win = MainWindow(env)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture(scope="session")
def template_profile(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[tuple[str, str], str], SeedIds]:
    """The small team's profile, made once: the folder, its keychain entry, the ids."""
    folder = tmp_path_factory.mktemp("template") / "profile"
    keychain = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(keychain)
    try:
        created = ProfileAccess(folder, Policy(), clock=FixedClock(), kdf=FAST_KDF).create(
            PASSPHRASE
        )
        try:
            ids = seed_small(created.session)
        finally:
            created.session.lock()
    finally:
        keyring.set_keyring(previous)
    return folder, dict(keychain.entries), ids


@pytest.fixture
def profile(
    template_profile: tuple[Path, dict[tuple[str, str], str], SeedIds],
    profile_dir: Path,
    memory_keyring: MemoryKeyring,
) -> SeedIds:
    """A fresh copy of the small team's profile, locked, as after a restart."""
    folder, entries, ids = template_profile
    shutil.copytree(folder, profile_dir)
    memory_keyring.entries.update(entries)
    return ids


@pytest.fixture
def unlocked(qtbot: QtBot, profile: SeedIds, env: Env) -> Iterator[MainWindow]:
    win = MainWindow(env)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)  # window shortcuts need an active window
    unlock(qtbot, win)
    yield win
    win.close()


@pytest.fixture(scope="session")
def town_template(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[tuple[str, str], str]]:
    """The hand-built town of tests/app/scenario.py in a profile, made once."""
    folder = tmp_path_factory.mktemp("town") / "profile"
    keychain = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(keychain)
    try:
        created = ProfileAccess(folder, Policy(), clock=FixedClock(), kdf=FAST_KDF).create(
            PASSPHRASE
        )
        try:
            build_town(created.session)
        finally:
            created.session.lock()
    finally:
        keyring.set_keyring(previous)
    return folder, dict(keychain.entries)


@pytest.fixture
def town(
    qtbot: QtBot,
    town_template: tuple[Path, dict[tuple[str, str], str]],
    profile_dir: Path,
    memory_keyring: MemoryKeyring,
    env: Env,
) -> Iterator[MainWindow]:
    """The window, unlocked on a fresh copy of the town."""
    folder, entries = town_template
    shutil.copytree(folder, profile_dir)
    memory_keyring.entries.update(entries)
    win = MainWindow(env)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    unlock(qtbot, win)
    yield win
    win.close()
