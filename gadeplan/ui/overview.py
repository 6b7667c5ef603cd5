"""Overblik: the strategy's numbers for a chosen date, for the team or all data on the device.

How many are homeless on the date (each person's situation on that date, not today's), in which
situation, how many young, on sofas or about to leave prison or hospital; the inactive beside
the count; the trend month by month against the goal (fewer than 100) and the reduction
target's path from the baseline; and the by-name flows per month. Every number and every bar
opens the people behind it.

The screen holds the :class:`DashboardData` (all the SQL, loaded once on the worker) and asks it
for each date on the worker too; it drops it when people, housing situations or contacts change,
when the inactive threshold or the scope changes, and with the whole screen on lock.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import msgspec
from msgspec.structs import replace
from PySide6.QtCharts import QBarSet, QChart, QChartView
from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gadeplan.app.services import dashboard
from gadeplan.app.services import radar as radar_service
from gadeplan.app.services.dashboard import (
    INFLOWS,
    OUTFLOWS,
    DashboardData,
    DashboardSettings,
    Flow,
    Group,
    Overview,
)
from gadeplan.ui import charts, i18n
from gadeplan.ui.env import Env
from gadeplan.ui.forms import ScreenSettingsDialog
from gadeplan.ui.i18n import QT_TRANSLATE_NOOP
from gadeplan.ui.messages import error_text
from gadeplan.ui.tasks import ChangeSet, Context, TaskRunner
from gadeplan.ui.widgets import (
    ChoiceBox,
    MessageBar,
    hbox,
    heading,
    link_button,
    muted,
    ok_color,
    plain,
    warning_color,
)

#: What Overblik is computed from: persons (ages, scope), their housing and their contacts.
WATCHED = frozenset({"person", "housing_status", "encounter"})

#: The scope: the worker's own team, or everything on this computer.
TEAM, ALL = "team", "all"

FLOWS: dict[Flow, str] = {
    Flow.NEWLY_IDENTIFIED: QT_TRANSLATE_NOOP("Overview", "Newly identified"),
    Flow.RETURNED_FROM_HOUSING: QT_TRANSLATE_NOOP("Overview", "Returned from housing"),
    Flow.RETURNED_FROM_INACTIVE: QT_TRANSLATE_NOOP("Overview", "Returned from inactive"),
    Flow.RETURNED_FROM_OTHER: QT_TRANSLATE_NOOP("Overview", "Back from prison, hospital etc."),
    Flow.MOVED_INTO_HOUSING: QT_TRANSLATE_NOOP("Overview", "Moved into housing"),
    Flow.BECAME_INACTIVE: QT_TRANSLATE_NOOP("Overview", "Became inactive"),
    Flow.LEFT_OTHER: QT_TRANSLATE_NOOP("Overview", "To prison, hospital etc."),
}


def flow_label(flow: Flow) -> str:
    return QCoreApplication.translate("Overview", FLOWS[flow])


def flow_labels() -> dict[Flow, str]:
    return {flow: flow_label(flow) for flow in Flow}


def trend_labels() -> charts.TrendLabels:
    return charts.TrendLabels(
        title=QCoreApplication.translate("Overview", "Homeless month by month"),
        homeless=QCoreApplication.translate("Overview", "Homeless"),
        inactive=QCoreApplication.translate("Overview", "Inactive (not counted)"),
        goal=QCoreApplication.translate("Overview", "Goal: under the line"),
        target=QCoreApplication.translate("Overview", "Reduction target"),
    )


def percent_text(change: float) -> str:
    """-0.55 as "−55 %" (a real minus sign, and the space Danish puts before %)."""
    value = round(change * 100)
    sign = "−" if value < 0 else ("+" if value > 0 else "")
    return f"{sign}{abs(value)} %"


class _Loaded(msgspec.Struct, frozen=True):
    data: DashboardData
    overview: Overview


class ChartBox(QChartView):
    """A chart that follows the palette and tells a screen reader what it shows.

    A chart with :meth:`set_bars` can be used from the keyboard as with the mouse: Tab reaches
    it, the arrow keys go from bar to bar (the bar is highlighted and its label and value are
    its accessible description), and Enter or Space opens it as a click does."""

    bar_activated = Signal(int)

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(name)
        self.setMinimumHeight(280)
        self.setFrameShape(QChartView.Shape.NoFrame)
        self._bars: QBarSet | None = None
        self._items: list[str] = []
        self._to_bar: Callable[[int], int] = lambda i: i
        self.current = -1

    def replace(self, chart: QChart, description: str) -> None:
        old = self.chart()
        self.setChart(chart)
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        old.deleteLater()
        self._bars, self._items, self.current = None, [], -1
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_bars(self, bars: QBarSet, items: list[str], to_bar: Callable[[int], int]) -> None:
        """``items``: each bar's text in reading order; ``to_bar``: its index in ``bars``."""
        self._bars, self._items, self._to_bar = bars, items, to_bar
        bars.setSelectedColor(self.palette().color(QPalette.ColorRole.Highlight))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if items else Qt.FocusPolicy.NoFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self._bars is None or not self._items:
            super().keyPressEvent(event)
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Right):
            self._go(self.current + 1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Left):
            self._go(self.current - 1 if self.current >= 0 else 0)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self.current >= 0:
                self.bar_activated.emit(self.current)
        else:
            super().keyPressEvent(event)

    def _go(self, index: int) -> None:
        assert self._bars is not None
        self.current = max(0, min(index, len(self._items) - 1))
        self._bars.deselectAllBars()
        self._bars.selectBar(self._to_bar(self.current))
        self.setAccessibleDescription(self._items[self.current])
        self.setToolTip(self._items[self.current])

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self._bars is not None:
            self._bars.deselectAllBars()
        self.current = -1
        super().focusOutEvent(event)


class OverviewScreen(QWidget):
    open_person = Signal(str)

    def __init__(self, env: Env) -> None:
        super().__init__()
        self.env = env
        self.runner = env.runner
        #: Held between dates; dropped when what it is made from changes.
        self.data: DashboardData | None = None
        self.overview: Overview | None = None
        self.people_dialog: PeopleDialog | None = None
        self.settings_dialog: OverviewSettingsDialog | None = None
        self._busy = False
        self._pending = False
        self._stale = False

        self.title = heading(self.tr("Overview"), wrap=False)
        self.message = MessageBar()
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        today = i18n.qdate(env.today())
        self.date_edit.setMaximumDate(today)
        self.date_edit.setMinimumDate(QDate(2000, 1, 1))
        self.date_edit.setDate(today)
        date_label = QLabel(self.tr("&Date"))
        date_label.setBuddy(self.date_edit)
        self.date_edit.setAccessibleName(plain(date_label.text()))
        self.today_button = QPushButton(self.tr("To&day"))
        self.today_button.setAutoDefault(False)
        self.today_button.clicked.connect(lambda: self.date_edit.setDate(today))
        self.scope = ChoiceBox()
        self.scope.add(self.tr("My team"), TEAM)
        self.scope.add(self.tr("All data on this computer"), ALL)
        scope_label = QLabel(self.tr("D&ata"))
        scope_label.setBuddy(self.scope)
        self.scope.setAccessibleName(plain(scope_label.text()))
        self.settings_button = QPushButton(self.tr("&Goal and baseline…"))
        self.settings_button.setAutoDefault(False)
        self.settings_button.clicked.connect(self.open_settings)
        self.date_edit.dateChanged.connect(lambda _: self.refresh())
        self.scope.currentIndexChanged.connect(lambda _: self._scope_changed())

        # Key figures ------------------------------------------------------------------------
        self.figures = QGroupBox(self.tr("Homeless on the date"))
        grid = QGridLayout(self.figures)
        grid.setColumnStretch(2, 1)
        self.total = link_button("–")
        self.total.setAccessibleName(self.tr("Homeless in all: show the people"))
        font = QFont(self.total.font())
        font.setPointSizeF(font.pointSizeF() * 2.4)
        font.setBold(True)
        self.total.setFont(font)
        self.total_text = QLabel()
        self.total_text.setWordWrap(True)
        self.goal_text = QLabel()
        self.goal_text.setWordWrap(True)
        self.target_text = QLabel()
        self.target_text.setWordWrap(True)
        self.baseline_button = QPushButton(self.tr("Enter the &baseline…"))
        self.baseline_button.setAutoDefault(False)
        self.baseline_button.clicked.connect(self.open_settings)
        grid.addWidget(self.total, 0, 0, 2, 1)
        grid.addWidget(self.total_text, 0, 1, 1, 2)
        grid.addWidget(self.goal_text, 1, 1, 1, 2)
        grid.addWidget(self.target_text, 2, 0, 1, 3)
        grid.addLayout(hbox(self.baseline_button, None), 3, 0, 1, 3)
        self.group_buttons: dict[str, QPushButton] = {}
        self.group_rows: dict[str, QLabel] = {}
        row = 4
        for key, text in (
            ("young_18_24", self.tr("of them young, 18–24 years")),
            ("young_25_29", self.tr("of them young, 25–29 years")),
            ("sofa", self.tr("of them sofa surfers")),
            ("prison_hospital", self.tr("of them leaving prison or hospital")),
            ("age_unknown", self.tr("of them age not known")),
            ("inactive", self.tr("beside them: inactive, not counted")),
        ):
            button = link_button("0")
            label = QLabel(text)
            label.setBuddy(button)
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(label, row, 1, 1, 2)
            button.clicked.connect(lambda _=False, k=key: self.show_group(k))
            self.group_buttons[key] = button
            self.group_rows[key] = label
            row += 1
        self.inactive_note = muted()
        grid.addWidget(self.inactive_note, row, 0, 1, 3)
        grid.setRowStretch(row + 1, 1)
        self.total.clicked.connect(lambda: self.show_group("homeless"))

        # Charts -------------------------------------------------------------------------------
        self.category_view = ChartBox(self.tr("Homeless by situation"))
        self.category_view.bar_activated.connect(self.show_category)
        self.trend_view = ChartBox(self.tr("Homeless month by month"))
        self.flow_view = ChartBox(self.tr("In and out of homelessness, by name"))
        self.flow_view.setMinimumHeight(320)
        self.trend_view.setMinimumHeight(320)
        self.category_bars: QBarSet | None = None
        self.flow_bars: dict[Flow, QBarSet] = {}

        self.months = QTableWidget()
        self.months.setAccessibleName(self.tr("Month by month"))
        self.months.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.months.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.months.setAlternatingRowColors(True)
        self.months.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.months.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.months.cellActivated.connect(self._month_cell)
        self.months_box = QGroupBox(self.tr("Month by month (Enter on a number lists the people)"))
        QVBoxLayout(self.months_box).addWidget(self.months)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(
            hbox(
                self.title,
                None,
                date_label,
                self.date_edit,
                self.today_button,
                scope_label,
                self.scope,
                self.settings_button,
            )
        )
        layout.addWidget(self.message)
        top = QGridLayout()
        top.setColumnStretch(0, 2)
        top.setColumnStretch(1, 3)
        # The count and its trend against the goal first: what a team lead comes for.
        top.addWidget(self.figures, 0, 0)
        top.addWidget(self.trend_view, 0, 1)
        top.addWidget(self.category_view, 1, 0)
        top.addWidget(self.flow_view, 1, 1)
        layout.addLayout(top)
        layout.addWidget(self.months_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        QShortcut(QKeySequence("Ctrl+T"), self, lambda: self.date_edit.setDate(today))

    # --- data ------------------------------------------------------------------------------------

    @property
    def on(self) -> date:
        d = self.date_edit.date()
        return date(d.year(), d.month(), d.day())

    def refresh(self) -> None:
        """Latest wins: while a date is computed, only the newest request waits behind it."""
        self._stale = False
        if self._busy:
            self._pending = True
            return
        self._busy = True
        on = self.on
        whole = self.scope.value() == ALL
        held = self.data

        def job(ctx: Context) -> _Loaded:
            session = ctx.require()
            settings = dashboard.load_settings(session)
            inactive_days = radar_service.load_settings(session).inactive_days
            team_id = None if whole else session.identity.team_id
            data = held
            if data is None or data.team_id != team_id or data.inactive_days != inactive_days:
                data = DashboardData.load(session, team_id, inactive_days)
            return _Loaded(data, data.overview(on, settings))

        self.runner.submit(self, job, self._loaded)

    def drop(self) -> None:
        """Forget the loaded data: the next date is computed from the store again."""
        self.data = None

    def data_changed(self, changes: ChangeSet) -> None:
        if changes.everything or changes.entities & WATCHED:
            self.drop()
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def settings_changed(self) -> None:
        """The radar's inactive threshold is Overblik's too."""
        self.data_changed(ChangeSet(frozenset({"person"}), frozenset()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _scope_changed(self) -> None:
        self.drop()
        self.refresh()

    def _loaded(self, loaded: _Loaded | None, error: BaseException | None) -> None:
        self._busy = False
        if self._pending:
            self._pending = False
            if loaded is not None:
                self.data = loaded.data
            self.refresh()
            return
        if error is not None or loaded is None:
            self.message.show_error(error_text(error or RuntimeError()))
            return
        self.message.clear()
        self.data = loaded.data
        self.overview = loaded.overview
        self._show(loaded.overview)

    # --- showing ---------------------------------------------------------------------------------

    def _show(self, o: Overview) -> None:
        when = i18n.fmt_date(o.on)
        self.figures.setTitle(self.tr("Homeless on {date}").format(date=when))
        self.total.setText(str(o.homeless_total))
        self.total.setAccessibleName(
            self.tr("%n homeless in all: show the people", "", o.homeless_total)
        )
        self.total_text.setText(
            self.tr("homeless in all (the national count's rules)")
            if o.team_id is None
            else self.tr("homeless in all in my team (the national count's rules)")
        )
        met = o.goal_met
        if met:
            goal = self.tr("Goal: under {goal}. Reached.")
        else:
            goal = self.tr(
                "Goal: under {goal}. %n too many.", "", o.homeless_total - o.goal_below + 1
            )
        self.goal_text.setText(goal.format(goal=o.goal_below))
        palette = self.goal_text.palette()
        palette.setColor(
            QPalette.ColorRole.WindowText, ok_color(self) if met else warning_color(self)
        )
        self.goal_text.setPalette(palette)
        s = o.settings
        target = s.target_count
        change = o.change_from_baseline
        if target is None:
            self.target_text.setText(
                self.tr(
                    "Reduction target: {percent} % fewer by {year} than in {base}. Enter the "
                    "number of homeless people in the national count of {base} to see it."
                ).format(
                    percent=s.target_reduction_percent, year=s.target_year, base=s.baseline_year
                )
            )
            self.baseline_button.show()
        else:
            text = self.tr(
                "Reduction target: {percent} % fewer than {base_count} ({base}), that is {target} "
                "by {year}."
            ).format(
                percent=s.target_reduction_percent,
                base_count=s.baseline_count,
                base=s.baseline_year,
                target=round(target),
                year=s.target_year,
            )
            if change is not None:
                text += " " + self.tr("Now {change} against {base}.").format(
                    change=percent_text(change), base=s.baseline_year
                )
            self.target_text.setText(text)
            self.baseline_button.hide()
        for key, group in self._groups(o).items():
            if key in self.group_buttons:
                button = self.group_buttons[key]
                button.setText(str(group.count))
                button.setAccessibleName(f"{self.group_rows[key].text()}: {group.count}")
        self.inactive_note.setText(
            self.tr(
                "Inactive: homeless by their last situation but not seen for %n days; nobody "
                "knows where they are now, so they are not counted.",
                "",
                o.inactive_days,
            )
        )
        self._charts(o)
        self._month_table(o)

    def _groups(self, o: Overview) -> dict[str, Group]:
        return {
            "homeless": o.homeless,
            "young_18_24": o.young_18_24,
            "young_25_29": o.young_25_29,
            "sofa": o.sofa,
            "prison_hospital": o.prison_hospital,
            "age_unknown": o.age_unknown,
            "inactive": o.inactive,
        }

    def _charts(self, o: Overview) -> None:
        colors = charts.palette_colors(self)
        labels = [i18n.housing_short(c.category) for c in o.by_category]
        counts = [c.count for c in o.by_category]
        chart, bars = charts.category_chart(
            self.tr("Homeless by situation"), labels, counts, colors
        )
        bars.clicked.connect(
            lambda index: self.show_category(charts.category_index(len(labels), index))
        )
        self.category_bars = bars
        items = [f"{label} {count}" for label, count in zip(labels, counts, strict=True)]
        self.category_view.replace(chart, ", ".join(items))
        count = len(labels)
        self.category_view.set_bars(bars, items, lambda i: charts.category_index(count, i))
        months = [p.month for p in o.trend]
        chart = charts.trend_chart(
            trend_labels(),
            months,
            [p.homeless for p in o.trend],
            [p.inactive for p in o.trend],
            o.goal_below,
            [p.target_path for p in o.trend],
            colors,
        )
        last = o.trend[-1] if o.trend else None
        self.trend_view.replace(
            chart,
            self.tr("{count} homeless in {month}; goal under {goal}.").format(
                count=last.homeless if last else 0,
                month=charts.month_label(last.month) if last else "",
                goal=o.goal_below,
            ),
        )
        chart, sets = charts.flow_chart(
            self.tr("In and out of homelessness, by name"),
            months,
            [{f: m.count(f) for f in Flow} for m in o.flows],
            flow_labels(),
            colors,
        )
        for flow, flow_set in sets.items():
            flow_set.clicked.connect(lambda index, f=flow: self.show_flow(index, f))
        self.flow_bars = sets
        latest = o.flows[-1] if o.flows else None
        self.flow_view.replace(
            chart,
            self.tr("This month: {into} in, {out} out.").format(
                into=latest.inflow if latest else 0, out=latest.outflow if latest else 0
            ),
        )

    def _month_table(self, o: Overview) -> None:
        flows = (*INFLOWS, *OUTFLOWS)
        headers = [self.tr("Homeless"), self.tr("Inactive"), *(flow_label(f) for f in flows)]
        table = self.months
        table.clear()
        table.setColumnCount(len(headers))
        table.setRowCount(len(o.trend))
        table.setHorizontalHeaderLabels(headers)
        table.setVerticalHeaderLabels([charts.month_label(p.month) for p in reversed(o.trend)])
        for row, (point, month) in enumerate(
            zip(reversed(o.trend), reversed(o.flows), strict=True)
        ):
            values = [point.homeless, point.inactive, *(month.count(f) for f in flows)]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(str(value))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, cell)
        rows = min(len(o.trend), 12)
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(r) for r in range(rows))
        table.setFixedHeight(height + 2)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.overview is not None:
            self._charts(self.overview)

    # --- the people behind a number --------------------------------------------------------------

    def show_group(self, key: str) -> PeopleDialog | None:
        if self.overview is None:
            return None
        group = self._groups(self.overview)[key]
        titles = {
            "homeless": self.tr("Homeless"),
            "young_18_24": self.tr("Young, 18–24 years"),
            "young_25_29": self.tr("Young, 25–29 years"),
            "sofa": self.tr("Sofa surfers"),
            "prison_hospital": self.tr("Leaving prison or hospital"),
            "age_unknown": self.tr("Age not known"),
            "inactive": self.tr("Inactive"),
        }
        return self._people(titles[key], i18n.fmt_date(self.overview.on), group.person_ids)

    def show_category(self, index: int) -> PeopleDialog | None:
        if self.overview is None or not 0 <= index < len(self.overview.by_category):
            return None
        category = self.overview.by_category[index]
        return self._people(
            i18n.housing_short(category.category),
            i18n.fmt_date(self.overview.on),
            category.group.person_ids,
        )

    def show_flow(self, index: int, flow: Flow) -> PeopleDialog | None:
        if self.overview is None or not 0 <= index < len(self.overview.flows):
            return None
        month = self.overview.flows[index]
        return self._people(
            flow_label(flow), charts.month_label(month.month), month.people.get(flow, ())
        )

    def _month_cell(self, row: int, column: int) -> None:
        if self.overview is None:
            return
        flows = (*INFLOWS, *OUTFLOWS)
        index = len(self.overview.flows) - 1 - row
        if column >= 2 and 0 <= column - 2 < len(flows):
            self.show_flow(index, flows[column - 2])

    def _people(self, what: str, when: str, person_ids: Sequence[str]) -> PeopleDialog:
        if self.people_dialog is not None:
            self.runner.forget(self.people_dialog)
            self.people_dialog.deleteLater()
        title = self.tr("{what}, {when}").format(what=what, when=when)
        dialog = PeopleDialog(self, title, self.runner)
        dialog.open_person.connect(self.open_person)
        self.people_dialog = dialog
        ids = list(person_ids)

        def job(ctx: Context) -> list[tuple[str, str]]:
            return dashboard.by_name(ctx.require(), ids) if ids else []

        self.runner.submit(dialog, job, dialog.loaded)
        dialog.open()
        return dialog

    # --- settings --------------------------------------------------------------------------------

    def open_settings(self) -> OverviewSettingsDialog:
        dialog = OverviewSettingsDialog(self.env, self)
        dialog.saved.connect(lambda _: self.refresh())
        self.settings_dialog = dialog
        dialog.open()
        return dialog


class PeopleDialog(QDialog):
    """The people behind a number, by nickname; Enter opens one (and closes the list)."""

    open_person = Signal(str)
    PERSON_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget, title: str, runner: TaskRunner) -> None:
        super().__init__(parent)
        self.runner = runner
        # The title names a number (a category and a date), never a person.
        self.setWindowTitle(title)
        self.message = MessageBar()
        self.list = QListWidget()
        self.list.setAccessibleName(title)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(self._activated)
        self.count = QLabel()
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, 2))
        layout.addWidget(self.message)
        layout.addWidget(self.list, 1)
        layout.addLayout(hbox(self.count, None, close))
        self.resize(420, 480)

    def loaded(self, people: list[tuple[str, str]] | None, error: BaseException | None) -> None:
        if error is not None or people is None:
            self.message.show_error(error_text(error or RuntimeError()))
            return
        self.list.clear()
        for person_id, alias in sorted(people, key=lambda p: p[1].casefold()):
            item = QListWidgetItem(alias)
            item.setData(self.PERSON_ROLE, person_id)
            self.list.addItem(item)
        self.count.setText(self.tr("%n people", "", len(people)))
        if people:
            self.list.setCurrentRow(0)
            self.list.setFocus()
        else:
            self.message.show_info(self.tr("Nobody."))

    def aliases(self) -> list[str]:
        return [item.text() for i in range(self.list.count()) if (item := self.list.item(i))]

    def _activated(self, item: QListWidgetItem) -> None:
        person_id = item.data(self.PERSON_ROLE)
        if isinstance(person_id, str):
            self.open_person.emit(person_id)
            self.accept()

    def done(self, result: int) -> None:
        self.runner.forget(self)
        super().done(result)


class OverviewSettingsDialog(ScreenSettingsDialog[DashboardSettings]):
    """The strategy's goal and target. The baseline count has no default: it is the
    municipality's own number from the national count of the baseline year."""

    def __init__(self, env: Env, parent: QWidget) -> None:
        super().__init__(env, parent)
        self.goal = QSpinBox()
        self.goal.setRange(1, 100_000)
        self.form.add("goal_below", self.tr("&Goal: fewer homeless than"), self.goal)
        self.baseline_year = QSpinBox()
        self.baseline_year.setRange(1990, 2100)
        self.form.add("baseline_year", self.tr("&Baseline year"), self.baseline_year)
        self.baseline_count = QSpinBox()
        self.baseline_count.setRange(0, 100_000)
        self.baseline_count.setSpecialValueText(self.tr("Not entered"))
        self.form.add(
            "baseline_count",
            self.tr("Homeless in the &national count of the baseline year"),
            self.baseline_count,
        )
        self.percent = QSpinBox()
        self.percent.setRange(1, 100)
        self.percent.setSuffix(" %")
        self.form.add("target_reduction_percent", self.tr("&Reduction target"), self.percent)
        self.target_year = QSpinBox()
        self.target_year.setRange(1990, 2100)
        self.form.add("target_year", self.tr("&Target year"), self.target_year)
        self.trend_months = QSpinBox()
        self.trend_months.setRange(3, 60)
        self.trend_months.setSuffix(self.tr(" months"))
        self.form.add("trend_months", self.tr("Trend &shows"), self.trend_months)
        self.form.add_widget(
            muted(
                self.tr(
                    "The strategy: fewer than 100 homeless, and 40 % fewer by 2025 than in 2019. "
                    "The baseline is your municipality's number from VIVE's count in week 6."
                )
            )
        )
        self.finish(self.tr("Goal and baseline"))

    def load(self, ctx: Context) -> DashboardSettings:
        return dashboard.load_settings(ctx.require())

    def store(self, ctx: Context, settings: DashboardSettings) -> None:
        dashboard.save_settings(ctx.require(), settings)

    def show_settings(self, settings: DashboardSettings) -> None:
        self.goal.setValue(settings.goal_below)
        self.baseline_year.setValue(settings.baseline_year)
        self.baseline_count.setValue(settings.baseline_count or 0)
        self.percent.setValue(settings.target_reduction_percent)
        self.target_year.setValue(settings.target_year)
        self.trend_months.setValue(settings.trend_months)
        (self.baseline_count if settings.baseline_count is None else self.goal).setFocus()

    def candidate(self) -> DashboardSettings | None:
        self.form.clear_errors()
        if self.baseline_year.value() > self.target_year.value():
            self.form.show_error(
                "target_year", self.tr("The target year cannot come before the baseline year.")
            )
            return None
        base = self.settings or DashboardSettings()
        values: dict[str, Any] = {
            "goal_below": self.goal.value(),
            "baseline_year": self.baseline_year.value(),
            "baseline_count": self.baseline_count.value() or None,
            "target_reduction_percent": self.percent.value(),
            "target_year": self.target_year.value(),
            "trend_months": self.trend_months.value(),
        }
        try:
            return replace(base, **values)
        except ValueError:
            self.message.show_error(self.tr("These settings do not fit together."))
            return None
