"""Settings: language switch, idle time within the policy, passphrase change, about."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gadeplan.app.policy import Policy
from gadeplan.ui.env import Env
from gadeplan.ui.main_window import MainWindow
from gadeplan.ui.prefs import Prefs
from gadeplan.ui.settings_dialog import SettingsDialog
from tests.support import PASSPHRASE
from tests.ui.helpers import FakeSeconds, SeedIds, press, type_text, unlock


def _settings(window: MainWindow) -> SettingsDialog:
    window.open_settings()
    dialog = window.settings_dialog
    assert isinstance(dialog, SettingsDialog)
    return dialog


def _menus(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_switching_language_rebuilds_every_screen(
    qtbot: QtBot, unlocked: MainWindow, env: Env, profile: SeedIds, tmp_path: Path
) -> None:
    assert unlocked.workspace is not None
    unlocked.workspace.open_person(profile.bamse)
    assert _menus(unlocked) == ["&Filer", "&Vis", "&Synkronisering", "&Hjælp"]
    dialog = _settings(unlocked)
    dialog.language.set_value("en")
    assert _menus(unlocked) == ["&File", "&View", "&Sync", "&Help"]
    workspace = unlocked.workspace
    assert workspace is not None
    assert workspace.tabs.tabText(workspace.TODAY) == "Today"
    assert workspace.today.title.text() == "Today, Wednesday 25. November 2026"
    # The person being looked at is still there, in English.
    assert workspace.current_person_id == profile.bamse
    assert workspace.person.values["age"].text() == "36 years"
    assert dialog.windowTitle() == "Settings"  # the dialog itself follows
    assert Prefs(env.prefs.path, Policy()).language == "en"  # and it is remembered
    dialog.language.set_value("da")
    assert _menus(unlocked) == ["&Filer", "&Vis", "&Synkronisering", "&Hjælp"]
    assert workspace is not unlocked.workspace  # rebuilt, not patched
    dialog.reject()


def test_language_on_the_locked_screen(qtbot: QtBot, profile: SeedIds, window: MainWindow) -> None:
    assert window.gate.unlock.title.text() == "Gadeplan er låst"
    dialog = _settings(window)
    dialog.language.set_value("en")
    assert window.gate.unlock.title.text() == "Gadeplan is locked"
    dialog.reject()
    unlock(qtbot, window)


@pytest.fixture
def policy() -> Policy:
    return Policy(idle_lock_minutes=3)


def test_idle_time_within_the_policy(
    qtbot: QtBot, unlocked: MainWindow, env: Env, idle_clock: FakeSeconds
) -> None:
    dialog = _settings(unlocked)
    assert dialog.idle.maximum() == 3
    assert dialog.idle.value() == 3
    dialog.idle.setValue(9)  # more than IT allows: held at the limit
    assert dialog.idle.value() == 3
    dialog.idle.setValue(2)
    assert unlocked.idle.minutes == 2
    dialog.reject()
    idle_clock.advance(2 * 60)
    unlocked.idle.check()
    assert not unlocked.unlocked
    assert "2 minutter" in unlocked.gate.unlock.message.text


def test_changing_the_passphrase(qtbot: QtBot, unlocked: MainWindow) -> None:
    dialog = _settings(unlocked)
    new = "ny lang adgangsfrase til vinteren"
    type_text(dialog.current, "forkert forkert")
    type_text(dialog.new.first, new)
    type_text(dialog.new.second, new)
    dialog.change_button.click()
    assert dialog.message.text == "Forkert adgangsfrase. Intet er ændret; prøv igen."
    type_text(dialog.current, PASSPHRASE)
    type_text(dialog.new.first, new)
    type_text(dialog.new.second, new)
    press(dialog.change_button, Qt.Key.Key_Space)
    assert dialog.message.text == "Adgangsfrasen er skiftet. Brug den nye fra nu af."
    dialog.reject()
    unlocked.lock()
    unlock(qtbot, unlocked, new)


def test_about_says_version_protection_and_folder(
    qtbot: QtBot, unlocked: MainWindow, profile_dir: Path
) -> None:
    unlocked.open_about()
    dialog = unlocked.settings_dialog
    text = dialog.about.text()
    assert "Gadeplan version test" in text
    assert "Beskyttelse: adgangsfrasen og denne computers nøglering" in text
    assert f"Datamappe: {profile_dir}" in text
    assert "Maskinens politik: ingen (standard)" in text
    dialog.reject()


def test_a_language_set_by_policy_cannot_be_changed(
    qtbot: QtBot, unlocked: MainWindow, env: Env
) -> None:
    env.prefs.policy = Policy(language="da")
    dialog = _settings(unlocked)
    assert not dialog.language.isEnabled()
    dialog.reject()
