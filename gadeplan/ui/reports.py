"""Reports: the national count's draft (VIVE, week 6) and the city council's status report.

The count draft is shown with CPR numbers masked, and with the people left out because nobody
has seen them for the inactive threshold, so the worker can check it before the form goes in.
Its CSV holds CPR numbers: the window says so and that the export is logged, and only then
asks where to save it; the core writes one audit event per person exported. The totals CSV
and the council's PDF hold counts only and are saved without asking.

Files are written with QSaveFile (a complete file or none, never half a CSV of CPR numbers).
The draft, the report's numbers and the CSV are made on the database worker; the PDF is drawn
on the GUI thread from the council report alone (``ui/council_pdf.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import msgspec
from PySide6.QtCore import (
    QDate,
    QIODevice,
    QModelIndex,
    QSaveFile,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gadeplan.app.domain import cpr as cpr_rules
from gadeplan.app.services import dashboard, reports
from gadeplan.app.services import radar as radar_service
from gadeplan.app.services.reports import CouncilReport, CountDraft, CountRow
from gadeplan.ui import i18n
from gadeplan.ui.council_pdf import council_pdf
from gadeplan.ui.env import Env
from gadeplan.ui.messages import error_text
from gadeplan.ui.overview import ALL, TEAM
from gadeplan.ui.tables import RIGHT, RowsModel
from gadeplan.ui.tasks import ChangeSet, Context
from gadeplan.ui.widgets import ChoiceBox, MessageBar, hbox, heading, muted, plain, warning_color

#: What the draft is made from: if these change, the draft shown is out of date.
WATCHED = frozenset({"person", "housing_status", "encounter"})

#: Nicknames of left-out people named under the draft; a large store has thousands.
LEFT_OUT_SHOWN = 60

#: (title, suggested file name, filter) -> the chosen path, or None when cancelled.
ChooseFile = Callable[[str, str, str], str | None]


def save_file(path: str, content: bytes) -> None:
    """All or nothing: QSaveFile writes beside the target and renames when complete."""
    target = QSaveFile(path)
    if not target.open(QIODevice.OpenModeFlag.WriteOnly):
        raise OSError("the file could not be opened for writing")
    if target.write(content) != len(content):
        target.cancelWriting()
        raise OSError("the file could not be written")
    if not target.commit():
        raise OSError("the file could not be saved")


def default_count_year(today: date) -> int:
    """The latest week-6 count that has begun: this year's from its Monday, else last year's."""
    return today.year if today >= date.fromisocalendar(today.year, 6, 1) else today.year - 1


class CountModel(RowsModel[CountRow]):
    """The draft's rows: CPR masked; the nicknames behind each row, for checking it."""

    PEOPLE, CPR, INITIALS, BIRTH_DATE, AGE, SITUATION = range(6)
    COLUMNS = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aliases: dict[str, str] = {}

    def headers(self) -> list[str]:
        return [
            self.tr("Person"),
            self.tr("CPR number"),
            self.tr("Initials"),
            self.tr("Birth date"),
            self.tr("Age"),
            self.tr("Situation in the week"),
        ]

    def set_rows(self, rows: Sequence[CountRow], aliases: dict[str, str]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._aliases = dict(aliases)
        self.endResetModel()

    def _other(self, row: CountRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.AGE:
            return RIGHT
        return None

    def _text(self, row: CountRow, column: int) -> str:
        if column == self.PEOPLE:
            return ", ".join(self._aliases.get(pid, "?") for pid in row.person_ids)
        if column == self.CPR:
            return cpr_rules.mask(row.cpr)
        if column == self.INITIALS:
            return row.initials or ""
        if column == self.BIRTH_DATE:
            return i18n.fmt_date(row.birth_date)
        if column == self.AGE:
            return "" if row.age is None else str(row.age)
        if column == self.SITUATION:
            return i18n.housing_short(row.category)
        return ""


class _Draft(msgspec.Struct, frozen=True):
    draft: CountDraft
    aliases: dict[str, str]


class ConfirmExportDialog(QDialog):
    """Asked before a file with personal data is written: what it holds, that it is logged,
    and what to do with it afterwards."""

    def __init__(self, parent: QWidget, people: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save personal data?"))
        text = QLabel(
            self.tr(
                "The file holds personal data: the CPR number, initials and birth date of %n "
                "people. The export is logged for each of them, and they can see that in an "
                "access request. Save it only where the municipality's rules allow, and delete "
                "it when the count has been sent.",
                "",
                people,
            )
        )
        text.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Choose where to save…"))
        self.save_button.clicked.connect(self.accept)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setDefault(True)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Save personal data?"), 2))
        layout.addWidget(text)
        layout.addLayout(hbox(None, self.cancel_button, self.save_button))
        self.text = text
        self.resize(480, 220)


class ReportsScreen(QWidget):
    open_person = Signal(str)

    def __init__(self, env: Env) -> None:
        super().__init__()
        self.env = env
        self.runner = env.runner
        self.draft: CountDraft | None = None
        self.aliases: dict[str, str] = {}
        self.confirm_dialog: ConfirmExportDialog | None = None
        self.choose_file: ChooseFile = self._choose_file
        today = env.today()

        self.title = heading(self.tr("Reports"), wrap=False)
        self.message = MessageBar()
        self.scope = ChoiceBox()
        self.scope.add(self.tr("My team"), TEAM)
        self.scope.add(self.tr("All data on this computer"), ALL)
        scope_label = QLabel(self.tr("D&ata"))
        scope_label.setBuddy(self.scope)
        self.scope.setAccessibleName(plain(scope_label.text()))
        self.scope.currentIndexChanged.connect(lambda _: self._scope_changed())

        # The national count ------------------------------------------------------------------
        count_box = QGroupBox(self.tr("National count (VIVE), week 6"))
        self.year = QSpinBox()
        self.year.setRange(2000, today.year)
        self.year.setValue(default_count_year(today))
        year_label = QLabel(self.tr("&Year"))
        year_label.setBuddy(self.year)
        self.year.setAccessibleName(plain(year_label.text()))
        self.week = QSpinBox()
        self.week.setRange(1, 53)
        self.week.setValue(reports.COUNT_WEEK)
        self.year.valueChanged.connect(self._year_changed)
        self._year_changed(self.year.value())
        week_label = QLabel(self.tr("&Week"))
        week_label.setBuddy(self.week)
        self.week.setAccessibleName(plain(week_label.text()))
        self.draft_button = QPushButton(self.tr("&Make the draft"))
        self.draft_button.clicked.connect(self.make_draft)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.stale = muted()
        self.stale.hide()
        self.model = CountModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("The count's draft"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Sized from the first rows only: a large store's draft has thousands.
        self.table.horizontalHeader().setResizeContentsPrecision(50)
        self.table.setMinimumHeight(240)
        self.table.activated.connect(self._activated)
        self.left_out = QLabel()
        self.left_out.setWordWrap(True)
        self.csv_button = QPushButton(self.tr("&Save as CSV (personal data)…"))
        self.csv_button.clicked.connect(self.save_count_csv)
        self.totals_button = QPushButton(self.tr("Save &totals as CSV…"))
        self.totals_button.clicked.connect(self.save_totals_csv)
        count_layout = QVBoxLayout(count_box)
        count_layout.addWidget(
            muted(
                self.tr(
                    "One row per person who counts in the week, as the count de-duplicates them "
                    "(the same CPR number, or the same initials and birth date). The CPR numbers "
                    "are masked here; the CSV for the count's form holds them."
                )
            )
        )
        count_layout.addLayout(
            hbox(year_label, self.year, week_label, self.week, self.draft_button, None)
        )
        count_layout.addWidget(self.summary)
        count_layout.addWidget(self.stale)
        count_layout.addWidget(self.table, 1)
        count_layout.addWidget(self.left_out)
        count_layout.addLayout(hbox(None, self.totals_button, self.csv_button))

        # The council's report ----------------------------------------------------------------
        council_box = QGroupBox(self.tr("Status report to the city council"))
        self.as_of = QDateEdit()
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("dd-MM-yyyy")
        self.as_of.setMaximumDate(i18n.qdate(today))
        self.as_of.setMinimumDate(QDate(2000, 1, 1))
        self.as_of.setDate(i18n.qdate(today))
        as_of_label = QLabel(self.tr("As o&f"))
        as_of_label.setBuddy(self.as_of)
        self.as_of.setAccessibleName(plain(as_of_label.text()))
        self.pdf_button = QPushButton(self.tr("Save as &PDF…"))
        self.pdf_button.clicked.connect(self.save_council_pdf)
        self.council_csv_button = QPushButton(self.tr("Save the &numbers as CSV…"))
        self.council_csv_button.clicked.connect(self.save_council_csv)
        council_layout = QVBoxLayout(council_box)
        council_layout.addWidget(
            muted(
                self.tr(
                    "The overview's numbers for the date, the charts and the trend against the "
                    "goal, for the council. It holds counts only: no nickname, name or CPR number."
                )
            )
        )
        council_layout.addLayout(
            hbox(as_of_label, self.as_of, None, self.council_csv_button, self.pdf_button)
        )

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(hbox(self.title, None, scope_label, self.scope))
        layout.addWidget(self.message)
        layout.addWidget(count_box, 1)
        layout.addWidget(council_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._show_draft()

    # --- scope -----------------------------------------------------------------------------------

    def _scope_changed(self) -> None:
        if self.draft is not None:
            self.make_draft()

    # --- the count -------------------------------------------------------------------------------

    def make_draft(self) -> None:
        year, week = self.year.value(), self.week.value()
        whole = self.scope.value() == ALL

        def job(ctx: Context) -> _Draft:
            session = ctx.require()
            team_id = None if whole else session.identity.team_id
            draft = reports.count_draft(session, year, week, team_id=team_id)
            return _Draft(draft, reports.draft_aliases(session, draft))

        self.runner.submit(self, job, self._drafted)

    def _year_changed(self, year: int) -> None:
        """ISO years have 52 or 53 weeks; 28 December is always in the last one."""
        self.week.setMaximum(date(year, 12, 28).isocalendar().week)

    def _drafted(self, result: _Draft | None, error: BaseException | None) -> None:
        if error is not None or result is None:
            self.message.show_error(error_text(error or RuntimeError()))
            return
        self.message.clear()
        self.draft = result.draft
        self.aliases = result.aliases
        self.stale.hide()
        self._show_draft()

    def _show_draft(self) -> None:
        draft = self.draft
        self.csv_button.setEnabled(draft is not None and draft.total > 0)
        self.totals_button.setEnabled(draft is not None)
        if draft is None:
            self.model.set_rows([], {})
            self.summary.setText(self.tr("Choose the year and make the draft."))
            self.left_out.clear()
            return
        self.model.set_rows(draft.rows, self.aliases)
        self.summary.setText(
            self.tr(
                "%n people count in week {week} of {year} ({first} – {last}).", "", draft.total
            ).format(
                week=draft.week,
                year=draft.year,
                first=i18n.fmt_date(draft.first_day),
                last=i18n.fmt_date(draft.last_day),
            )
        )
        if draft.left_out_inactive:
            names = sorted(
                (self.aliases.get(pid, "?") for pid in draft.left_out_inactive), key=str.casefold
            )
            shown = ", ".join(names[:LEFT_OUT_SHOWN])
            if len(names) > LEFT_OUT_SHOWN:
                shown += " " + self.tr("and %n more", "", len(names) - LEFT_OUT_SHOWN)
            self.left_out.setText(
                self.tr(
                    "Left out, not seen for %n days before the week ended (check whether they "
                    "are still homeless): {names}.",
                    "",
                    draft.inactive_days,
                ).format(names=shown)
            )
        else:
            self.left_out.setText(self.tr("Nobody was left out as inactive."))

    def data_changed(self, changes: ChangeSet) -> None:
        if self.draft is not None and (changes.everything or changes.entities & WATCHED):
            palette = self.stale.palette()
            palette.setColor(self.stale.foregroundRole(), warning_color(self))
            self.stale.setPalette(palette)
            self.stale.setText(
                self.tr("The data has changed since the draft was made. Make it again.")
            )
            self.stale.show()

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None and row.person_ids:
            self.open_person.emit(row.person_ids[0])

    def save_count_csv(self) -> ConfirmExportDialog | None:
        """Asks first: the file holds CPR numbers."""
        if self.draft is None or not self.draft.total:
            return None
        dialog = ConfirmExportDialog(self, self.draft.total)
        dialog.accepted.connect(self._count_csv_confirmed)
        self.confirm_dialog = dialog
        dialog.open()
        return dialog

    def _count_csv_confirmed(self) -> None:
        draft = self.draft
        if draft is None:
            return
        path = self.choose_file(
            self.tr("Save the count with CPR numbers"),
            self.tr("national-count-{year}-week-{week}.csv").format(
                year=draft.year, week=draft.week
            ),
            self.tr("CSV for Excel (*.csv)"),
        )
        if not path:
            self.message.show_info(self.tr("Nothing was saved."))
            return

        def job(ctx: Context) -> tuple[str, int]:
            content = reports.count_csv(ctx.require(), draft, confirmed=True)
            save_file(path, content)
            return path, sum(len(r.person_ids) for r in draft.rows)

        self.runner.submit(self, job, self._count_csv_saved)

    def _count_csv_saved(self, result: tuple[str, int] | None, error: BaseException | None) -> None:
        if error is not None or result is None:
            self.message.show_error(error_text(error or RuntimeError()))
            return
        path, people = result
        self.message.show_info(
            self.tr(
                "Saved {file}. The export is logged for each of the %n people.", "", people
            ).format(file=Path(path).name)
        )

    def save_totals_csv(self) -> None:
        draft = self.draft
        if draft is None:
            return
        path = self.choose_file(
            self.tr("Save the count's totals"),
            self.tr("national-count-{year}-week-{week}-totals.csv").format(
                year=draft.year, week=draft.week
            ),
            self.tr("CSV for Excel (*.csv)"),
        )
        if path:
            self._write(path, reports.count_aggregate_csv(draft))

    # --- the council's report --------------------------------------------------------------------

    def _council_report(self, then: Callable[[CouncilReport], None]) -> None:
        d = self.as_of.date()
        on = date(d.year(), d.month(), d.day())
        whole = self.scope.value() == ALL

        def job(ctx: Context) -> CouncilReport:
            session = ctx.require()
            team_id = None if whole else session.identity.team_id
            inactive_days = radar_service.load_settings(session).inactive_days
            settings = dashboard.load_settings(session)
            data = dashboard.DashboardData.load(session, team_id, inactive_days)
            return reports.council_report(data.overview(on, settings))

        def done(report: CouncilReport | None, error: BaseException | None) -> None:
            if error is not None or report is None:
                self.message.show_error(error_text(error or RuntimeError()))
                return
            then(report)

        self.runner.submit(self, job, done)

    def save_council_pdf(self) -> None:
        path = self.choose_file(
            self.tr("Save the council report"),
            self.tr("council-report-{date}.pdf").format(
                date=self.as_of.date().toString("yyyy-MM-dd")
            ),
            self.tr("PDF (*.pdf)"),
        )
        if not path:
            return
        self._council_report(lambda report: self._write(path, council_pdf(report)))

    def save_council_csv(self) -> None:
        path = self.choose_file(
            self.tr("Save the council report's numbers"),
            self.tr("council-report-{date}.csv").format(
                date=self.as_of.date().toString("yyyy-MM-dd")
            ),
            self.tr("CSV for Excel (*.csv)"),
        )
        if not path:
            return
        self._council_report(lambda report: self._write(path, reports.council_csv(report)))

    # --- files -----------------------------------------------------------------------------------

    def _write(self, path: str, content: bytes) -> None:
        """Files without personal data: written here, they are small."""
        try:
            save_file(path, content)
        except OSError as error:
            self.message.show_error(error_text(error))
            return
        self.message.show_info(self.tr("Saved {file}.").format(file=Path(path).name))

    def _choose_file(self, title: str, name: str, filter_: str) -> str | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path(folder) / name), filter_)
        return path or None
