"""First run, unlock, wrong passphrase, throttling and recovery, through the real widgets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gadeplan.app.policy import Policy
from gadeplan.app.services.access import ProfileAccess
from gadeplan.ui.main_window import WINDOW_TITLE, MainWindow
from tests.support import PASSPHRASE, MemoryKeyring
from tests.ui.helpers import FakeSeconds, SeedIds, click, press, type_text, unlock

NEW_PASSPHRASE = "blå cykel ved havnen"


def _create(qtbot: QtBot, window: MainWindow, passphrase: str) -> str:
    page = window.gate.first_run
    type_text(page.passphrase.first, passphrase)
    type_text(page.passphrase.second, passphrase)
    assert page.create_button.isEnabled()
    click(page.create_button)
    key_page = window.gate.recovery_key
    assert window.gate.currentWidget() is key_page, page.message.text
    return key_page.key.text()


def test_first_run_creates_a_profile_and_shows_the_recovery_key_once(
    qtbot: QtBot, window: MainWindow, profile_dir: Path
) -> None:
    page = window.gate.first_run
    assert window.gate.currentWidget() is page
    assert "nøglering" in page.protection_label.text()  # a keychain exists (the memory one)
    type_text(page.passphrase.first, "kort")
    type_text(page.passphrase.second, "kort")
    assert not page.create_button.isEnabled()
    assert "Mindst 10 tegn" in page.passphrase.length_rule.text()
    page.passphrase.clear()

    key = _create(qtbot, window, NEW_PASSPHRASE)
    assert re.fullmatch(r"([A-Z2-7]{4}-){7}[A-Z2-7]{4}", key)
    assert (profile_dir / "keys.json").exists()
    assert page.passphrase.first.text() == ""  # the passphrase did not stay in the widget

    key_page = window.gate.recovery_key
    assert not key_page.continue_button.isEnabled()
    press(key_page.continue_button, Qt.Key.Key_Return)
    assert window.gate.currentWidget() is key_page
    key_page.stored.setChecked(True)
    click(key_page.continue_button)
    assert window.unlocked
    assert key_page.key.text() == ""  # shown once
    assert window.windowTitle() == WINDOW_TITLE


def test_first_run_without_a_keychain_says_so_and_asks_for_a_longer_passphrase(
    qtbot: QtBot, no_keychain: None, window: MainWindow
) -> None:
    page = window.gate.first_run
    assert "kun adgangsfrasen" in page.protection_label.text()
    assert page.passphrase.minimum == 14
    type_text(page.passphrase.first, "tretten tegn!")
    type_text(page.passphrase.second, "tretten tegn!")
    assert not page.create_button.isEnabled()


@pytest.fixture
def strict_policy() -> Policy:
    return Policy(allow_passphrase_only=False)


def test_first_run_refuses_without_keychain_where_policy_forbids_it(
    qtbot: QtBot, no_keychain: None, access: ProfileAccess, env: object
) -> None:
    from gadeplan.ui.env import Env

    assert isinstance(env, Env)
    env.access = ProfileAccess(access.folder, Policy(allow_passphrase_only=False), kdf=access.kdf)
    win = MainWindow(env)
    qtbot.addWidget(win)
    page = win.gate.first_run
    assert "Spørg IT" in page.message.text
    assert not page.create_button.isEnabled()
    assert not (access.folder / "keys.json").exists()


def test_unlock_with_the_passphrase(qtbot: QtBot, profile: SeedIds, window: MainWindow) -> None:
    unlock(qtbot, window)
    assert window.workspace is not None
    assert window.windowTitle() == WINDOW_TITLE


def test_an_existing_profile_opens_on_the_unlock_page_alone(
    qtbot: QtBot, profile: SeedIds, window: MainWindow
) -> None:
    """The other pages are made when first shown (every start paid for them before)."""
    assert window.gate.currentWidget() is window.gate.unlock
    assert window.gate.count() == 1
    click(window.gate.unlock.recover_link)
    assert window.gate.currentWidget() is window.gate.recovery
    assert window.gate.count() == 2
    click(window.gate.recovery.back_link)
    assert window.gate.currentWidget() is window.gate.unlock
    assert window.gate.count() == 2


def test_wrong_passphrase_is_told_plainly_and_nothing_opens(
    qtbot: QtBot, profile: SeedIds, window: MainWindow
) -> None:
    page = window.gate.unlock
    type_text(page.passphrase, "forkert forkert")
    press(page.passphrase, Qt.Key.Key_Return)
    assert not window.unlocked
    assert page.message.text == "Forkert adgangsfrase. Intet er ændret; prøv igen."
    assert page.passphrase.text() == ""
    assert page.passphrase.hasFocus()


def test_the_workspace_is_made_while_the_key_is_derived(
    qtbot: QtBot, profile: SeedIds, window: MainWindow
) -> None:
    """Made when the passphrase goes to the worker, taken when the store opens; a wrong
    passphrase leaves it for the next try, and a language switch makes it again."""
    page = window.gate.unlock
    type_text(page.passphrase, "forkert forkert")
    press(page.passphrase, Qt.Key.Key_Return)  # the test runner works at once: refused first
    prepared = window._prepared
    assert prepared is not None
    assert not prepared.isVisible()
    unlock(qtbot, window)
    assert window.workspace is prepared
    assert window._prepared is None
    assert prepared.isVisible()

    window.lock()
    type_text(window.gate.unlock.passphrase, "forkert forkert")
    press(window.gate.unlock.passphrase, Qt.Key.Key_Return)
    assert window._prepared is not None
    window.retranslate()
    assert window._prepared is None


def test_throttling_says_how_long_to_wait(
    qtbot: QtBot, profile: SeedIds, window: MainWindow, attempt_clock: FakeSeconds
) -> None:
    page = window.gate.unlock
    for _ in range(3):
        type_text(page.passphrase, "gæt gæt gæt")
        press(page.passphrase, Qt.Key.Key_Return)
    type_text(page.passphrase, PASSPHRASE)
    press(page.passphrase, Qt.Key.Key_Return)
    assert not window.unlocked  # even the right passphrase waits
    assert page.message.text == "For mange forkerte forsøg. Prøv igen om 30 sekunder."
    assert not page.unlock_button.isEnabled()
    # The countdown runs down (driven here instead of waiting 30 real seconds).
    page._tick()
    assert "29 sekunder" in page.message.text
    attempt_clock.advance(30)
    for _ in range(29):
        page._tick()
    assert page.unlock_button.isEnabled()
    unlock(qtbot, window)


def test_recovery_with_the_recovery_key_sets_a_new_passphrase(
    qtbot: QtBot, window: MainWindow, access: ProfileAccess
) -> None:
    key = _create(qtbot, window, PASSPHRASE)
    window.gate.recovery_key.stored.setChecked(True)
    window.gate.recovery_key.continue_button.click()
    window.lock()
    unlock_page = window.gate.unlock
    click(unlock_page.recover_link)
    page = window.gate.recovery
    assert window.gate.currentWidget() is page
    type_text(page.key, key.lower().replace("-", " "))  # as typed from paper
    type_text(page.passphrase.first, NEW_PASSPHRASE)
    type_text(page.passphrase.second, NEW_PASSPHRASE)
    click(page.recover_button)
    assert window.unlocked, page.message.text
    assert "nye adgangsfrase" in window.message.text
    window.lock()
    unlock(qtbot, window, NEW_PASSPHRASE)


def test_wrong_recovery_key(qtbot: QtBot, profile: SeedIds, window: MainWindow) -> None:
    window.gate.show_recovery()
    page = window.gate.recovery
    type_text(page.key, "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
    type_text(page.passphrase.first, NEW_PASSPHRASE)
    type_text(page.passphrase.second, NEW_PASSPHRASE)
    page.recover()
    assert not window.unlocked
    assert "gendannelsesnøgle" in page.message.text


def test_missing_keychain_entry_points_to_the_recovery_key(
    qtbot: QtBot, profile: SeedIds, window: MainWindow, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.entries.clear()
    page = window.gate.unlock
    type_text(page.passphrase, PASSPHRASE)
    press(page.passphrase, Qt.Key.Key_Return)
    assert not window.unlocked
    assert "gendannelsesnøglen" in page.message.text
    assert page.recover_link.hasFocus()
