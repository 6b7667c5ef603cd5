"""The people list: model checked by qtmodeltester, search as you type, the team's filters."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from gadeplan.app.domain.housing import HousingCategory
from gadeplan.app.services.people import HOMELESS, PersonRow
from gadeplan.ui.main_window import MainWindow
from gadeplan.ui.people import PeopleModel, PeopleScreen
from tests.ui.helpers import TODAY, SeedIds, press, type_text, unlock


def _row(alias: str, age: int | None, seen: date | None) -> PersonRow:
    return PersonRow(
        id=alias,
        alias=alias,
        name=None,
        age=age,
        situation=HousingCategory.SOFA,
        situation_since=None,
        expected_date=None,
        contact_worker_id=None,
        contact_name=None,
        last_seen=seen,
        places=("Torvet",),
    )


def test_the_model_passes_qtmodeltester(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    model = PeopleModel()
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    model.set_rows([_row("Bamse", 36, TODAY), _row("Kasket", None, None)], TODAY)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    model.sort(PeopleModel.AGE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    assert model.index(0, PeopleModel.ALIAS).data() == "Bamse"
    model.set_rows([], TODAY)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]


def test_the_model_roles(qtbot: QtBot, unlocked: MainWindow) -> None:
    """Under the Danish translation: header labels, texts, the sort and record roles."""
    model = PeopleModel()
    rows = [_row("Bamse", 36, TODAY), _row("Kasket", None, None)]
    model.set_rows(rows, TODAY)
    horizontal = Qt.Orientation.Horizontal
    assert [model.headerData(c, horizontal) for c in range(model.COLUMNS)] == [
        "Kaldenavn",
        "Navn",
        "Alder",
        "Boligsituation",
        "Kontaktperson",
        "Sidst set",
        "Sted",
    ]
    kasket_seen = model.index(1, PeopleModel.LAST_SEEN)
    assert model.data(kasket_seen) == "Aldrig"
    assert model.data(kasket_seen, PeopleModel.SORT_ROLE) == 0
    assert model.data(model.index(0, PeopleModel.AGE), PeopleModel.SORT_ROLE) == 36
    assert model.data(model.index(1, PeopleModel.AGE), PeopleModel.SORT_ROLE) == -1
    assert model.data(model.index(0, PeopleModel.SITUATION)) == "Sofasover"
    assert model.data(model.index(0, 0), PeopleModel.RECORD_ROLE) is rows[0]
    assert model.data(QModelIndex()) is None


def _people(qtbot: QtBot, window: MainWindow) -> PeopleScreen:
    assert window.workspace is not None
    press(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Ctrl+F: find a person
    screen = window.workspace.people
    qtbot.waitUntil(screen.search.hasFocus, timeout=2000)
    return screen


def _aliases(screen: PeopleScreen) -> list[str]:
    model = screen.model
    return [model.index(r, PeopleModel.ALIAS).data() for r in range(model.rowCount())]


def test_search_as_you_type(qtbot: QtBot, unlocked: MainWindow, profile: SeedIds) -> None:
    screen = _people(qtbot, unlocked)
    assert _aliases(screen) == ["Bamse", "Kasket", "Lillebror", "Ræven", "Åse"]
    assert screen.count.text() == "Viser 5 af 5 borgere"
    type_text(screen.search, "so")  # Søren, folded
    assert _aliases(screen) == ["Bamse"]
    screen.search.clear()
    type_text(screen.search, "raev")
    assert _aliases(screen) == ["Ræven"]
    press(screen.search, Qt.Key.Key_Return)  # Enter opens the first
    assert unlocked.workspace is not None
    assert unlocked.workspace.current_person_id == profile.raeven


def test_filters(qtbot: QtBot, unlocked: MainWindow, profile: SeedIds) -> None:
    screen = _people(qtbot, unlocked)
    screen.young.setChecked(True)
    assert _aliases(screen) == ["Lillebror"]
    screen.young.setChecked(False)
    screen.situation.set_value(HOMELESS)
    assert _aliases(screen) == ["Bamse", "Lillebror", "Ræven"]
    screen.situation.set_value(HousingCategory.SHELTER)
    assert _aliases(screen) == ["Ræven"]
    screen.situation.set_value(None)
    assert screen.contact.count() == 2  # everyone's, and this profile's one worker
    screen.contact.setCurrentIndex(1)
    assert _aliases(screen) == ["Bamse"]
    screen.contact.setCurrentIndex(0)
    screen.not_seen.setValue(30)
    assert _aliases(screen) == ["Kasket", "Ræven", "Åse"]


def test_sorting_uses_raw_values(qtbot: QtBot, unlocked: MainWindow, profile: SeedIds) -> None:
    screen = _people(qtbot, unlocked)
    screen.table.sortByColumn(PeopleModel.AGE, Qt.SortOrder.DescendingOrder)
    assert _aliases(screen)[:3] == ["Åse", "Ræven", "Bamse"]  # 56, 45, 36
    screen.table.selectRow(1)  # Ræven
    screen.table.sortByColumn(PeopleModel.LAST_SEEN, Qt.SortOrder.AscendingOrder)
    assert _aliases(screen)[0] in ("Kasket", "Åse")  # never seen first
    selected = screen.table.currentIndex()
    assert selected.data(PeopleModel.RECORD_ROLE).alias == "Ræven"  # the selection moved along
    assert selected.row() != 1


def test_the_directory_is_made_while_today_shows(
    qtbot: QtBot, profile: SeedIds, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Made once the unlocked window has painted, before anyone asks: the first Ctrl+F after
    unlocking then only searches (on the benchmark store: 80 instead of 410 ms)."""
    from gadeplan.app.services.people import PeopleService

    builds: list[date] = []
    build = PeopleService._build

    def counted(service: PeopleService, today: date) -> dict[str, PersonRow]:
        builds.append(today)
        return build(service, today)

    monkeypatch.setattr(PeopleService, "_build", counted)
    unlock(qtbot, window)
    assert builds == [TODAY]
    screen = _people(qtbot, window)
    assert _aliases(screen) == ["Bamse", "Kasket", "Lillebror", "Ræven", "Åse"]
    assert builds == [TODAY]  # the list used it
