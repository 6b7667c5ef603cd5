"""The quick log: a known person in at most ten keystrokes besides the note, an anonymous
contact, and a new person who turns out to be known ("Er det en af disse?")."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gadeplan.app.domain.housing import HousingCategory
from gadeplan.app.domain.records import Channel, Encounter, FollowUp, HousingStatus, Person
from gadeplan.app.services.session import Session
from gadeplan.ui.env import Env
from gadeplan.ui.main_window import MainWindow
from gadeplan.ui.quick_log import QuickLogDialog
from gadeplan.ui.tasks import SyncRunner
from tests.ui.helpers import TODAY, SeedIds, press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def _session(env: Env) -> Session:
    assert isinstance(env.runner, SyncRunner)
    return env.runner.context.require()


def _dialog(qtbot: QtBot, window: MainWindow) -> QuickLogDialog:
    """The open quick log, once the window system has made it the active window."""
    assert window.workspace is not None
    dialog = window.workspace.quick_log_dialog
    assert dialog is not None
    assert dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_a_known_person_in_ten_keystrokes_besides_the_note(
    qtbot: QtBot, unlocked: MainWindow, env: Env, profile: SeedIds
) -> None:
    note = "Sover stadig hos søsteren. Vil gerne søge skæv bolig."
    keys = 0
    keys += press(unlocked, Qt.Key.Key_N, CTRL)  # from anywhere
    dialog = _dialog(qtbot, unlocked)
    assert dialog.search.hasFocus()
    keys += type_text(dialog.search, "bam")  # æ/ø/å folding and prefixes do the rest
    assert dialog.results.item(0) is not None
    keys += press(dialog.search, Qt.Key.Key_Return)  # take the first suggestion
    assert dialog.note.hasFocus()  # the rest is filled in with what is known
    assert dialog.situation.value() is HousingCategory.SOFA
    assert dialog.place.text() == "Torvet"
    assert dialog.channel.value() is Channel.STREET
    type_text(dialog.note, note)  # the note itself is not counted
    keys += press(dialog.note, Qt.Key.Key_Tab)  # to the next step (left empty)
    keys += press(_focused(), Qt.Key.Key_Tab)  # to the follow-up date
    assert dialog.follow_up.hasFocus()
    keys += type_text(dialog.follow_up, "+7")  # a week from today
    keys += press(dialog.follow_up, Qt.Key.Key_Return, CTRL)  # save
    assert keys <= 10, keys
    assert not dialog.isVisible()

    session = _session(env)
    encounters = [e for e in session.repo.all(Encounter) if e.note == note]
    assert len(encounters) == 1
    logged = encounters[0]
    assert logged.person_id == profile.bamse
    assert logged.place == "Torvet"
    assert logged.channel is Channel.STREET
    assert logged.follow_up_on == date(2026, 12, 2)
    follow_ups = [f for f in session.repo.all(FollowUp) if f.encounter_id == logged.id]
    assert [f.due_on for f in follow_ups] == [date(2026, 12, 2)]
    # The situation was as known: no new entry in the housing history.
    assert len(session.repo.for_person(HousingStatus, profile.bamse)) == 1
    assert unlocked.workspace is not None
    assert unlocked.workspace.message.text == "Registreret: Bamse."


def test_a_contact_written_up_later_keeps_its_own_time(
    qtbot: QtBot, unlocked: MainWindow, env: Env, profile: SeedIds
) -> None:
    """Notes are often typed in the car after the round: the time is the contact's, and a
    time in the future cannot be given."""
    assert unlocked.workspace is not None
    unlocked.workspace.quick_log()
    dialog = _dialog(qtbot, unlocked)
    type_text(dialog.search, "bam")
    press(dialog.search, Qt.Key.Key_Return)
    now = env.access.clock.now()
    opened = dialog.when.dateTime()
    assert opened.toSecsSinceEpoch() == int(now.timestamp())  # now, in local time
    dialog.when.setDateTime(opened.addDays(1))  # tomorrow: held at the latest allowed
    assert dialog.when.dateTime() == opened.addSecs(5 * 60)
    dialog.when.setDateTime(opened.addSecs(-3 * 3600 - 15 * 60))
    type_text(dialog.note, "Mødt ved banegården i nat.")
    press(dialog.note, Qt.Key.Key_Return, CTRL)
    assert not dialog.isVisible()
    logged = [
        e for e in _session(env).repo.all(Encounter) if e.note == "Mødt ved banegården i nat."
    ]
    assert [e.occurred_at for e in logged] == [
        (now - timedelta(hours=3, minutes=15)).replace(microsecond=0)
    ]


def test_a_changed_situation_goes_into_the_housing_history(
    qtbot: QtBot, unlocked: MainWindow, env: Env, profile: SeedIds
) -> None:
    assert unlocked.workspace is not None
    unlocked.workspace.quick_log()
    dialog = _dialog(qtbot, unlocked)
    type_text(dialog.search, "lillebror")
    press(dialog.search, Qt.Key.Key_Return)
    dialog.situation.set_value(HousingCategory.NIGHT_SHELTER)
    type_text(dialog.note, "Sov på varmestuen.")
    press(dialog.note, Qt.Key.Key_Return, CTRL)
    history = _session(env).repo.for_person(HousingStatus, profile.lillebror)
    assert [h.category for h in history][-1] is HousingCategory.NIGHT_SHELTER


def test_an_anonymous_contact(qtbot: QtBot, unlocked: MainWindow, env: Env) -> None:
    press(unlocked, Qt.Key.Key_N, CTRL)
    dialog = _dialog(qtbot, unlocked)
    # With nothing typed the first suggestion is "Anonym kontakt".
    assert dialog.results.item(0).text() == "Anonym kontakt"
    press(dialog.search, Qt.Key.Key_Return)
    assert dialog.approx_age.hasFocus()
    press(dialog.note, Qt.Key.Key_Return, CTRL)  # nothing about them yet: explained
    assert dialog.isVisible()
    assert dialog.details.visible_errors() == {
        "description": "En anonym kontakt skal have en omtrentlig alder eller en beskrivelse."
    }
    type_text(dialog.approx_age, "19")
    type_text(dialog.description, "Ung fyr i grøn jakke")
    dialog.situation.set_value(HousingCategory.STREET)
    type_text(dialog.place, "Banegården")
    press(dialog.place, Qt.Key.Key_Return, CTRL)
    assert not dialog.isVisible()
    anonymous = [e for e in _session(env).repo.all(Encounter) if e.person_id is None]
    assert [(e.approx_age, e.description, e.situation, e.place) for e in anonymous] == [
        (19, "Ung fyr i grøn jakke", HousingCategory.STREET, "Banegården")
    ]


def test_a_new_person_who_is_already_known(
    qtbot: QtBot, unlocked: MainWindow, env: Env, profile: SeedIds
) -> None:
    press(unlocked, Qt.Key.Key_N, CTRL)
    dialog = _dialog(qtbot, unlocked)
    type_text(dialog.search, "Soeren")  # no one is called that: only the choices remain
    last = dialog.results.count() - 1
    assert dialog.results.item(last).text() == "Ny borger: Soeren"
    press(dialog.search, Qt.Key.Key_Up)  # Up and Down move through the suggestions
    for _ in range(last):
        press(dialog.search, Qt.Key.Key_Down)
    press(dialog.search, Qt.Key.Key_Return)
    assert dialog.alias.text() == "Soeren"
    type_text(dialog.name, "Soren Jensen")
    type_text(dialog.note, "Siger han hedder Søren.")
    press(dialog.note, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()
    assert dialog.duplicate_box.isVisible()
    assert dialog.duplicate_label.text() == "Er det en af disse?"
    assert dialog.duplicate_list.item(0).text().startswith("Bamse (Søren Jensen)")
    session = _session(env)
    persons_before = len(list(session.repo.all(Person)))
    dialog.use_existing.click()
    assert not dialog.isVisible()
    assert len(list(session.repo.all(Person))) == persons_before
    logged = [e for e in session.repo.all(Encounter) if e.note == "Siger han hedder Søren."]
    assert [e.person_id for e in logged] == [profile.bamse]


def test_a_new_person_confirmed_as_new(qtbot: QtBot, unlocked: MainWindow, env: Env) -> None:
    assert unlocked.workspace is not None
    unlocked.workspace.quick_log()
    dialog = _dialog(qtbot, unlocked)
    type_text(dialog.search, "Soeren")
    dialog.results.setCurrentRow(dialog.results.count() - 1)
    press(dialog.search, Qt.Key.Key_Return)
    type_text(dialog.name, "Soren Jensen")
    dialog.save()
    dialog.create_new.click()
    assert not dialog.isVisible()
    created = [p for p in _session(env).repo.all(Person) if p.alias == "Soeren"]
    assert len(created) == 1
    assert created[0].first_met_on == TODAY
    assert unlocked.workspace.message.text == "Registreret: Soeren."


def test_nothing_is_saved_before_a_person_is_chosen(
    qtbot: QtBot, unlocked: MainWindow, env: Env
) -> None:
    assert unlocked.workspace is not None
    unlocked.workspace.quick_log()
    dialog = _dialog(qtbot, unlocked)
    before = len(list(_session(env).repo.all(Encounter)))
    press(dialog.search, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()
    assert dialog.message.text.startswith("Vælg først borgeren")
    type_text(dialog.search, "bam")
    press(dialog.search, Qt.Key.Key_Return)
    type_text(dialog.follow_up, "31-02-2026")
    press(dialog.note, Qt.Key.Key_Return, CTRL)
    assert dialog.what.visible_errors() == {
        "follow_up_on": "Skriv datoen som DD-MM-ÅÅÅÅ, fx 24-12-2026."
    }
    assert len(list(_session(env).repo.all(Encounter))) == before


def test_opened_on_a_person_it_is_for_them(
    qtbot: QtBot, unlocked: MainWindow, profile: SeedIds
) -> None:
    workspace = unlocked.workspace
    assert workspace is not None
    workspace.open_person(profile.lillebror)
    press(unlocked, Qt.Key.Key_N, CTRL)
    dialog = _dialog(qtbot, unlocked)
    assert dialog.choice is not None
    assert dialog.choice.hit is not None
    assert dialog.choice.hit.id == profile.lillebror
    assert dialog.place.text() == "Byparken"
    assert dialog.situation.value() is HousingCategory.STREET
    press(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
