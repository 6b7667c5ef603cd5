"""Overblik through the window, on the hand-built town (tests/app/scenario.py).

What it must show is worked out by hand in tests/app/test_dashboard.py; here the numbers on
screen are checked against the core for a chosen date, and a click on a bar or a number opens
the people behind it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QAbstractBarSeries, QBarSet
from PySide6.QtCore import QDate, QPointF, Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gadeplan.app.services import dashboard
from gadeplan.app.services.dashboard import DashboardSettings, Flow
from gadeplan.app.services.session import Session
from gadeplan.ui.env import Env
from gadeplan.ui.main_window import MainWindow
from gadeplan.ui.overview import ChartBox, OverviewScreen, PeopleDialog
from gadeplan.ui.tasks import SyncRunner
from gadeplan.ui.workspace import Workspace
from tests.app.scenario import pid
from tests.ui.screenshots import dark_palette


def _session(env: Env) -> Session:
    assert isinstance(env.runner, SyncRunner)
    return env.runner.context.require()


def _overview(window: MainWindow) -> OverviewScreen:
    assert window.workspace is not None
    window.workspace.show_tab(Workspace.OVERVIEW)
    return window.workspace.overview


def _set_date(screen: OverviewScreen, day: date) -> None:
    screen.date_edit.setDate(QDate(day.year, day.month, day.day))


def _bar_values(bars: QBarSet) -> list[float]:
    return [bars.at(i) for i in range(bars.count())]


def _click_bar(view: ChartBox, bars: QBarSet, value: float, index: int) -> None:
    """A real mouse click in the middle of one bar (horizontal bars: value on x)."""
    chart = view.chart()
    series = next(s for s in chart.series() if isinstance(s, QAbstractBarSeries))
    horizontal = series.type() == QAbstractBarSeries.SeriesType.SeriesTypeHorizontalBar
    point = QPointF(value / 2, index) if horizontal else QPointF(index, value / 2)
    scene_point = chart.mapToScene(chart.mapToPosition(point, series))
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.mapFromScene(scene_point),
    )


def _people(screen: OverviewScreen) -> list[str]:
    dialog = screen.people_dialog
    assert isinstance(dialog, PeopleDialog)
    assert dialog.isVisible()
    return dialog.aliases()


def test_the_numbers_shown_are_the_cores_for_a_chosen_date(
    qtbot: QtBot, town: MainWindow, env: Env
) -> None:
    screen = _overview(town)
    assert screen.on == date(2026, 11, 25)  # today by default
    assert screen.total.text() == "9"
    on = date(2026, 9, 15)
    _set_date(screen, on)
    session = _session(env)
    core = dashboard.overview(
        session,
        on,
        team_id=session.identity.team_id,
        settings=dashboard.load_settings(session),
        inactive_days=90,
    )
    # By hand (tests/app/test_dashboard.py): seven on 09-15, Hans inactive beside them.
    assert core.homeless_total == 7
    assert screen.total.text() == "7"
    assert screen.figures.title() == "Hjemløse den 15-09-2026"
    shown = {key: int(button.text()) for key, button in screen.group_buttons.items()}
    assert shown == {
        "young_18_24": core.young_18_24.count,
        "young_25_29": core.young_25_29.count,
        "sofa": core.sofa.count,
        "prison_hospital": core.prison_hospital.count,
        "age_unknown": core.age_unknown.count,
        "inactive": core.inactive.count,
    }
    assert shown["inactive"] == 1
    assert screen.goal_text.text() == "Mål: under 100. Nået."
    # The category bars, top-down in the count's order (Qt's set runs bottom-up).
    assert screen.category_bars is not None
    assert list(reversed(_bar_values(screen.category_bars))) == [
        float(c.count) for c in core.by_category
    ]
    # The trend and the flows, month by month (newest first in the table).
    table = screen.months
    assert table.rowCount() == len(core.trend) == 24
    assert table.verticalHeaderItem(0).text() == "sep. 26"
    cells = [table.item(r, 0) for r in range(3)]
    assert [c.text() if c else "" for c in cells] == [
        str(p.homeless) for p in reversed(core.trend[-3:])
    ]
    inflow = screen.flow_bars[Flow.NEWLY_IDENTIFIED]
    assert _bar_values(inflow) == [float(m.count(Flow.NEWLY_IDENTIFIED)) for m in core.flows]
    outflow = screen.flow_bars[Flow.MOVED_INTO_HOUSING]
    assert _bar_values(outflow) == [-float(m.count(Flow.MOVED_INTO_HOUSING)) for m in core.flows]


def test_a_click_on_a_bar_opens_the_people_behind_it(
    qtbot: QtBot, town: MainWindow, env: Env
) -> None:
    screen = _overview(town)
    assert screen.category_bars is not None
    # Street, the top bar (index 8 of 9 in Qt's bottom-up set): Ada, Finn, Hans.
    _click_bar(screen.category_view, screen.category_bars, 3, 8)
    assert _people(screen) == ["Ada", "Finn", "Hans"]
    assert screen.people_dialog is not None
    assert screen.people_dialog.windowTitle() == "Gadesover, 25-11-2026"
    screen.people_dialog.reject()
    # November's newly identified (the last month): Ib and Jon.
    newly = screen.flow_bars[Flow.NEWLY_IDENTIFIED]
    _click_bar(screen.flow_view, newly, 2, newly.count() - 1)
    assert _people(screen) == ["Ib", "Jon"]
    # Enter opens the person and closes the list.
    dialog = screen.people_dialog
    assert dialog is not None
    dialog.list.setCurrentRow(1)
    QTest.keyClick(dialog.list, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert town.workspace is not None
    assert town.workspace.current_person_id == pid("Jon")


def test_the_situation_chart_works_from_the_keyboard(qtbot: QtBot, town: MainWindow) -> None:
    """Tab reaches the chart, the arrows go from bar to bar (highlighted, and read out by a
    screen reader), Enter opens the people behind the bar, as a click does."""
    screen = _overview(town)
    view = screen.category_view
    assert screen.category_bars is not None
    assert view.focusPolicy() == Qt.FocusPolicy.StrongFocus
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Down)  # the first bar from the top: street
    assert view.accessibleDescription().startswith("Gadesover")
    assert screen.category_bars.selectedBars() == [8]
    QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_Up)
    assert screen.category_bars.selectedBars() == [8]
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert _people(screen) == ["Ada", "Finn", "Hans"]
    assert screen.people_dialog is not None
    screen.people_dialog.reject()


def test_a_number_opens_its_people_too(qtbot: QtBot, town: MainWindow) -> None:
    screen = _overview(town)
    screen.group_buttons["young_18_24"].click()
    assert _people(screen) == ["Bo", "Mo"]
    screen.total.click()
    assert _people(screen) == ["Ada", "Bo", "Cai", "Finn", "Hans", "Ib", "Jon", "Mo", "Rut"]
    # The month table's flow cells, from the keyboard: November, moved into housing: nobody.
    table = screen.months
    table.setFocus()
    table.setCurrentCell(1, 2)  # October, newly identified: Bo
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert _people(screen) == ["Bo"]


def test_the_data_is_held_and_dropped_when_it_changes(
    qtbot: QtBot, town: MainWindow, env: Env
) -> None:
    screen = _overview(town)
    held = screen.data
    assert held is not None
    _set_date(screen, date(2026, 10, 31))
    assert screen.data is held  # another date: computed from what was loaded
    assert screen.total.text() == "5"
    # A contact with Gro (inactive since 10-13) changes the people and their contacts.
    assert town.workspace is not None
    dialog = town.workspace.quick_log(pid("Gro"))
    dialog.save()
    assert not dialog.isVisible(), dialog.message.text
    assert screen.data is not held
    _set_date(screen, date(2026, 11, 25))
    assert screen.total.text() == "10"  # Gro is active again
    # The scope: all data on the device adds Zed (another team's).
    screen.scope.setCurrentIndex(1)
    assert screen.data is not None
    assert screen.data.team_id is None
    assert screen.total.text() == "11"
    # Locking deletes the screen, and with it the data.
    town.lock()
    assert town.workspace is None


def test_the_baseline_is_asked_for(qtbot: QtBot, town: MainWindow, env: Env) -> None:
    screen = _overview(town)
    assert screen.baseline_button.isVisible()
    assert "Angiv antallet af hjemløse i hjemløsetællingen 2019" in screen.target_text.text()
    dialog = screen.open_settings()
    assert dialog.baseline_count.text() == "Ikke angivet"
    assert dialog.focusWidget() is dialog.baseline_count
    dialog.baseline_count.setValue(20)
    dialog.save()
    assert not dialog.isVisible()
    assert dashboard.load_settings(_session(env)) == DashboardSettings(baseline_count=20)
    assert not screen.baseline_button.isVisible()
    assert screen.target_text.text() == (
        "Reduktionsmål: 40 % færre end 20 (2019), dvs. 12 i 2025. Nu −55 % i forhold til 2019."
    )
    # The target's path is drawn now, beside the goal.
    names = [s.name() for s in screen.trend_view.chart().series()]
    assert names == ["Hjemløse", "Inaktive (tælles ikke med)", "Mål: under linjen", "Reduktionsmål"]


def test_the_charts_follow_the_palette(qtbot: QtBot, town: MainWindow) -> None:
    screen = _overview(town)
    light = screen.palette().color(QPalette.ColorRole.Base)
    assert screen.trend_view.chart().backgroundBrush().color() == light
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    app.setPalette(dark_palette())
    try:
        # The palette reaches the widgets by posted events; the charts are drawn again then.
        qtbot.waitUntil(lambda: screen.palette().color(QPalette.ColorRole.Base) != light)
        dark = screen.palette().color(QPalette.ColorRole.Base)
        qtbot.waitUntil(lambda: screen.trend_view.chart().backgroundBrush().color() == dark)
        text = screen.trend_view.chart().axes()[0].labelsBrush().color()
        assert text.lightness() > 128  # light text on the dark background
    finally:
        app.setPalette(before)
