"""The radar through the window, on the hand-built town (tests/app/scenario.py, today
2026-11-25). The items and their order are worked out by hand in tests/app/test_radar.py;
here: that the window shows them in Danish, and that each action does what it says."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from gadeplan.app.domain.records import FollowUp, Transition, TransitionKind
from gadeplan.app.services import radar as radar_service
from gadeplan.app.services.radar import RadarKind
from gadeplan.ui.env import Env
from gadeplan.ui.main_window import MainWindow
from gadeplan.ui.radar import RadarModel, RadarScreen, RadarTable
from gadeplan.ui.tasks import SyncRunner
from gadeplan.ui.workspace import Workspace
from tests.app.scenario import pid
from tests.ui.helpers import press

EVERY_ITEM = [
    ["01-10-2026", "for 55 dage siden", "Cai", "Langt herbergsophold, klar til egen bolig",
     "Intet boligtilbud", "Åbn plan"],
    ["13-10-2026", "for 43 dage siden", "Gro", "Ikke set længe", "Ingen kontakt",
     "Registrér kontakt"],
    ["15-11-2026", "for 10 dage siden", "Finn", "Hjemløs igen",
     "Har mistet boligen: skal have en ny plan", "Åbn plan"],
    ["20-11-2026", "for 5 dage siden", "Dan", "Opfølgning 1 måned efter indflytning",
     "Ingen kontakt siden indflytning", "Registrér kontakt"],
    ["05-12-2026", "om 10 dage", "Lis", "Udsættelse: retsmøde", "Intet tiltag endnu",
     "Opret opfølgning"],
    ["10-12-2026", "om 15 dage", "Ib", "Løsladelse", "Ingen boligplan", "Åbn plan"],
    ["15-12-2026", "om 20 dage", "Nils", "Løsladelse", "Ingen boligplan", "Åbn plan"],
    ["20-12-2026", "om 25 dage", "Lis", "Efterværn ophører", "Ingen boligplan", "Åbn plan"],
    ["10-01-2027", "om 46 dage", "Mo", "Lejemål udløber", "Intet sted at bo bagefter",
     "Åbn plan"],
    ["15-01-2027", "om 51 dage", "Kim", "Fylder 18, har været anbragt", "Ingen boligplan",
     "Åbn plan"],
]  # fmt: skip


def _rows(table: RadarTable) -> list[list[str]]:
    model = table.model_
    return [
        [str(model.data(model.index(r, c))) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _radar(window: MainWindow) -> RadarScreen:
    assert window.workspace is not None
    window.workspace.show_tab(Workspace.RADAR)
    return window.workspace.radar


def _row_of(table: RadarTable, alias: str, what: str = "") -> int:
    for row, cells in enumerate(_rows(table)):
        if cells[2] == alias and what in cells[3]:
            return row
    raise AssertionError(f"{alias} is not on the radar")


def _click_action(qtbot: QtBot, table: RadarTable, row: int) -> None:
    index = table.model_.index(row, RadarModel.ACTION)
    table.scrollTo(index)
    QTest.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        table.visualRect(index).center(),
    )


def test_the_radar_tab_lists_every_item_in_danish(qtbot: QtBot, town: MainWindow) -> None:
    screen = _radar(town)
    assert _rows(screen.table) == EVERY_ITEM
    assert screen.count.text() == "10 punkter"
    ModelTester(None).check(screen.table.model_)  # type: ignore[no-untyped-call]
    # Passed dates are told apart.
    late = screen.table.model_.data(
        screen.table.model_.index(0, RadarModel.DAYS), Qt.ItemDataRole.ForegroundRole
    )
    assert late is not None
    # A filter by kind: the two releases from prison and the aftercare are the transitions.
    screen.show_box.setCurrentIndex(1)
    assert [r[2] for r in _rows(screen.table)] == ["Ib", "Nils", "Lis", "Kim"]
    screen.show_box.setCurrentIndex(0)
    assert "Løsladelse og udskrivning inden for 30 dage" in screen.thresholds.text()


def test_the_top_of_today_has_the_coming_week(qtbot: QtBot, town: MainWindow) -> None:
    assert town.workspace is not None
    box = town.workspace.today.radar
    assert box is not None  # made once Today has painted
    # Due within 7 days or passed: the four with days left <= 7 (Lis's eviction is in 10).
    assert _rows(box.table) == EVERY_ITEM[:4]
    assert box.all_button.text() == "Alle 10 på radaren (Ctrl+5)"
    box.all_button.click()
    assert town.workspace.tabs.currentIndex() == Workspace.RADAR


def test_log_opens_the_quick_log_for_the_person(qtbot: QtBot, town: MainWindow) -> None:
    assert town.workspace is not None
    box = town.workspace.today.radar
    assert box is not None  # made once Today has painted
    _click_action(qtbot, box.table, _row_of(box.table, "Gro"))
    dialog = town.workspace.quick_log_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.choice is not None
    assert dialog.choice.hit is not None
    assert dialog.choice.hit.id == pid("Gro")
    dialog.save()
    assert not dialog.isVisible(), dialog.message.text
    # The contact ends her inactivity: she leaves the radar on Today and on its tab.
    assert "Gro" not in [r[2] for r in _rows(box.table)]
    assert "Gro" not in [r[2] for r in _rows(_radar(town).table)]


def test_plan_opens_the_person_at_the_right_part(qtbot: QtBot, town: MainWindow) -> None:
    screen = _radar(town)
    assert town.workspace is not None
    table = screen.table
    # Keyboard: Enter on Nils's release does the row's action.
    table.setFocus()
    table.setCurrentIndex(table.model_.index(_row_of(table, "Nils"), 0))
    press(table, Qt.Key.Key_Return)
    person = town.workspace.person
    assert town.workspace.current_person_id == pid("Nils")
    current = person.transitions.list.currentItem()
    assert current is not None
    record = current.data(Qt.ItemDataRole.UserRole + 1)[0]
    assert isinstance(record, Transition)
    assert record.kind.value == "prison_release"
    assert person.transitions.list.hasFocus()
    # Cai has no housing offer: the offers part, ready to add one.
    person.back_button.click()
    _click_action(qtbot, table, _row_of(table, "Cai"))
    assert town.workspace.current_person_id == pid("Cai")
    assert person.offers.add_button.hasFocus()


def test_plan_for_turning_18_writes_the_transition_for_the_worker(
    qtbot: QtBot, town: MainWindow
) -> None:
    """Kim turns 18 in care and has no transition yet: "plan" opens Kim with a new transition
    of that kind and date, ready to check and save (saving clears the item's "no plan")."""
    screen = _radar(town)
    assert town.workspace is not None
    _click_action(qtbot, screen.table, _row_of(screen.table, "Kim"))
    assert town.workspace.current_person_id == pid("Kim")
    dialog = town.workspace.person.dialog
    assert dialog is not None
    assert dialog.isVisible()
    record = dialog.record
    assert isinstance(record, Transition)
    assert record.kind is TransitionKind.LEAVING_CARE
    assert record.on == date(2027, 1, 15)
    assert record.person_id == pid("Kim")
    dialog.reject()


def test_follow_up_goes_on_the_workers_list_once(qtbot: QtBot, town: MainWindow, env: Env) -> None:
    screen = _radar(town)
    _click_action(qtbot, screen.table, _row_of(screen.table, "Lis", "Udsættelse"))
    assert isinstance(env.runner, SyncRunner)
    session = env.runner.context.require()
    made = [f for f in session.repo.all(FollowUp) if f.person_id == pid("Lis")]
    # The court hearing is on 12-05: the follow-up is due a week before, on 11-28.
    assert [(f.due_on.isoformat(), f.what, f.assigned_worker_id) for f in made] == [
        (
            "2026-11-28",
            "Udsættelse: retsmøde den 05-12-2026: intet tiltag endnu",
            session.identity.worker_id,
        )
    ]
    assert screen.message.text == "Opfølgning for Lis den 28-11-2026 er sat på din liste."
    _click_action(qtbot, screen.table, _row_of(screen.table, "Lis", "Udsættelse"))
    assert len([f for f in session.repo.all(FollowUp) if f.person_id == pid("Lis")]) == 1
    assert screen.message.text == "Lis har allerede denne opfølgning på listen."


def test_the_cold_weather_checklist(qtbot: QtBot, town: MainWindow) -> None:
    screen = _radar(town)
    assert screen.cold_button.text() == "&Kulde: alle der sover ude"
    screen.cold_button.click()
    dialog = screen.cold_dialog
    assert dialog is not None
    assert dialog.isVisible()
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    # By first place (tests/app/test_radar.py): Byparken, Havnen, Torvet.
    assert texts == [
        "Hans · Gadesover · sidst set 12-11-2026\nByparken, Broen",
        "Finn · Gadesover · sidst set 15-11-2026\nHavnen",
        "Ada · Gadesover · sidst set 20-11-2026\nTorvet, Banegården",
    ]
    assert dialog.count.text() == "Fundet 0 af 3"
    dialog.list.setFocus()
    press(dialog.list, Qt.Key.Key_Space)
    assert dialog.count.text() == "Fundet 1 af 3"
    press(dialog.list, Qt.Key.Key_Return)
    assert town.workspace is not None
    assert town.workspace.current_person_id == pid("Hans")
    # Locking closes it with every other screen.
    town.lock()
    assert not dialog.isVisible()


def test_thresholds_are_edited_within_bounds(qtbot: QtBot, town: MainWindow, env: Env) -> None:
    screen = _radar(town)
    dialog = screen.open_settings()
    inactive = dialog.spins["inactive_days"]
    assert (inactive.minimum(), inactive.maximum(), inactive.value()) == (14, 730, 90)
    check_ins = dialog.form.inputs["check_in_months"]
    assert isinstance(check_ins, QLineEdit)
    check_ins.setText("6, 3")
    dialog.save()
    assert dialog.isVisible()
    assert dialog.form.visible_errors()["check_in_months"].startswith("Skriv hele måneder")
    check_ins.setText("1, 3, 6, 12")
    inactive.setValue(45)
    dialog.save()
    assert not dialog.isVisible()
    assert isinstance(env.runner, SyncRunner)
    stored = radar_service.load_settings(env.runner.context.require())
    assert stored.inactive_days == 45
    # Not seen for 45 days (since 10-11): Bo (last 10-05), Rut (10-10) and Nils (his unknown
    # situation was recorded 10-01) join Gro.
    inactive_rows = [i.alias for i in screen.radar.of_kind(RadarKind.INACTIVE)]  # type: ignore[union-attr]
    assert sorted(inactive_rows) == ["Bo", "Gro", "Nils", "Rut"]
