"""Street round mode: tallies in a few keys, and a tally that becomes a person."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gadeplan.app.domain.housing import HousingCategory
from gadeplan.app.domain.records import Encounter, HousingStatus, Person
from gadeplan.ui.env import Env
from gadeplan.ui.main_window import MainWindow
from gadeplan.ui.street_round import StreetRoundScreen
from gadeplan.ui.tasks import SyncRunner
from tests.ui.helpers import SeedIds, press, type_text


def _round(qtbot: QtBot, window: MainWindow) -> StreetRoundScreen:
    press(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace is not None
    screen = window.workspace.round
    assert window.workspace.current_screen() is screen
    return screen


def test_tallies(qtbot: QtBot, unlocked: MainWindow, env: Env) -> None:
    screen = _round(qtbot, unlocked)
    screen.start_round()
    assert screen.count.text() == "0 kontakter på denne runde"
    type_text(screen.place, "Banegården")
    press(screen.place, Qt.Key.Key_Return)  # one tally: place kept, rough age 18–24
    press(screen.place, Qt.Key.Key_Return)
    screen.age_buttons[4].setChecked(True)
    screen.situation.set_value(HousingCategory.SOFA)
    type_text(screen.description, "rød hue")
    press(screen.description, Qt.Key.Key_Return)
    assert screen.count.text() == "3 kontakter på denne runde"
    assert screen.summary.text() == "Gadesover: 2 · Sofasover: 1"
    assert screen.place.text() == "Banegården"
    assert screen.description.text() == ""
    assert isinstance(env.runner, SyncRunner)
    anonymous = [e for e in env.runner.context.require().repo.all(Encounter) if not e.person_id]
    assert sorted(e.approx_age or 0 for e in anonymous) == [21, 21, 57]


def test_a_tally_becomes_a_person(qtbot: QtBot, unlocked: MainWindow, env: Env) -> None:
    screen = _round(qtbot, unlocked)
    screen.start_round()
    screen.place.setText("Torvet")
    screen.situation.set_value(HousingCategory.STREET)
    screen.add_tally()
    screen.make_person()
    dialog = screen.dialog
    assert dialog is not None
    assert dialog.approx_age.value() == 21
    dialog.save()
    assert dialog.form.visible_errors() == {
        "alias": "Skriv mindst et kaldenavn; et navn er ikke nødvendigt."
    }
    type_text(dialog.alias, "Rødhætte")
    dialog.save()
    assert not dialog.isVisible()
    assert screen.count.text() == "0 kontakter på denne runde"
    assert isinstance(env.runner, SyncRunner)
    session = env.runner.context.require()
    person = next(p for p in session.repo.all(Person) if p.alias == "Rødhætte")
    assert person.places == ("Torvet",)
    assert [h.category for h in session.repo.for_person(HousingStatus, person.id)] == [
        HousingCategory.STREET
    ]


def test_a_tally_turns_out_to_be_someone_known(
    qtbot: QtBot, unlocked: MainWindow, env: Env, profile: SeedIds
) -> None:
    screen = _round(qtbot, unlocked)
    screen.start_round()
    screen.add_tally()
    screen.make_person()
    dialog = screen.dialog
    assert dialog is not None
    type_text(dialog.alias, "Lillebror")
    dialog.save()
    assert dialog.duplicate_box.isVisible()
    assert dialog.message.text == "Der findes allerede en, der ligner. Er det en af disse?"
    dialog.use_existing.click()
    assert not dialog.isVisible()
    assert isinstance(env.runner, SyncRunner)
    session = env.runner.context.require()
    assert len(session.repo.for_person(Encounter, profile.lillebror)) == 2
