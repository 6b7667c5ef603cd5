"""The people list: search as you type, filters a team asks for, Enter opens the person.

The model is the screens' shared RowsModel (ui/tables.py) with a sort role of raw values. It
never touches the store; the screen fills it from the worker. It sorts itself, with one key
per row: a QSortFilterProxyModel asks ``data()`` twice per comparison, which for 20,000
people was almost four seconds of Python calls.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gadeplan.app.services.people import (
    HOMELESS,
    PeopleFilter,
    PeopleResult,
    PeopleService,
    PersonRow,
)
from gadeplan.ui import i18n
from gadeplan.ui.env import Env
from gadeplan.ui.messages import error_text
from gadeplan.ui.tables import RIGHT, RowsModel
from gadeplan.ui.tasks import ChangeSet, Context
from gadeplan.ui.widgets import ChoiceBox, MessageBar, hbox, heading, plain

#: Column widths are measured on this many rows (Qt's default, 1000, took a third of a second).
SIZE_FROM_ROWS = 200


class PeopleModel(RowsModel[PersonRow]):
    ALIAS, NAME, AGE, SITUATION, CONTACT, LAST_SEEN, PLACE = range(7)
    COLUMNS = 7
    SORT_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today: date | None = None
        self._sort_column = self.ALIAS
        self._sort_order = Qt.SortOrder.AscendingOrder

    def headers(self) -> list[str]:
        return [
            self.tr("Nickname"),
            self.tr("Name"),
            self.tr("Age"),
            self.tr("Housing situation"),
            self.tr("Contact person"),
            self.tr("Last seen"),
            self.tr("Place"),
        ]

    def set_rows(self, rows: list[PersonRow] | tuple[PersonRow, ...], today: date) -> None:
        self.beginResetModel()
        self.today = today
        self._rows = self._sorted(rows)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The header was clicked: rows move, the selected person stays selected."""
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        kept = [(self._rows[i.row()], i.column()) for i in before]
        self._rows = self._sorted(self._rows)
        position = {id(row): n for n, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            before, [self.index(position[id(row)], column) for row, column in kept]
        )
        self.layoutChanged.emit()

    def _sorted(self, rows: list[PersonRow] | tuple[PersonRow, ...]) -> list[PersonRow]:
        column = self._sort_column
        return sorted(
            rows,
            key=lambda row: (self._sort_key(row, column), row.alias.casefold(), row.id),
            reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
        )

    def _other(self, row: PersonRow, column: int, role: int) -> Any:
        if role == self.SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.AGE:
            return RIGHT
        return None

    def _text(self, row: PersonRow, column: int) -> str:
        if column == self.ALIAS:
            return row.alias
        if column == self.NAME:
            return row.name or ""
        if column == self.AGE:
            return "" if row.age is None else str(row.age)
        if column == self.SITUATION:
            return i18n.housing_short(row.situation)
        if column == self.CONTACT:
            return row.contact_name or ""
        if column == self.LAST_SEEN:
            if row.last_seen is None:
                return self.tr("Never")
            return i18n.fmt_date(row.last_seen)
        if column == self.PLACE:
            return row.places[0] if row.places else ""
        return ""

    def _sort_key(self, row: PersonRow, column: int) -> Any:
        if column == self.AGE:
            return -1 if row.age is None else row.age
        if column == self.LAST_SEEN:
            return 0 if row.last_seen is None else row.last_seen.toordinal()
        return self._text(row, column).casefold()


class PeopleScreen(QWidget):
    open_person = Signal(str)

    def __init__(self, env: Env) -> None:
        super().__init__()
        self.env = env
        self.runner = env.runner
        self._busy = False
        self._pending: PeopleFilter | None = None
        self._workers_loaded = False
        self.result: PeopleResult | None = None

        self.title = heading(self.tr("People"), wrap=False)
        self.message = MessageBar()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Nickname, name or place…"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("&Search"))
        search_label.setBuddy(self.search)
        self.search.setAccessibleName(plain(search_label.text()))

        self.young = QCheckBox(self.tr("&Young (18–29)"))
        self.situation = ChoiceBox()
        self.situation.add(self.tr("All situations"), None)
        self.situation.add(self.tr("Homeless today (any situation)"), HOMELESS)
        for label, value in i18n.choices(i18n.HOUSING_SHORT):
            self.situation.add(label, value)
        situation_label = QLabel(self.tr("S&ituation"))
        situation_label.setBuddy(self.situation)
        self.situation.setAccessibleName(plain(situation_label.text()))
        self.contact = ChoiceBox()
        self.contact.add(self.tr("Everyone's"), None)
        contact_label = QLabel(self.tr("&Contact person"))
        contact_label.setBuddy(self.contact)
        self.contact.setAccessibleName(plain(contact_label.text()))
        self.not_seen = QSpinBox()
        self.not_seen.setRange(0, 3650)
        self.not_seen.setSingleStep(7)
        self.not_seen.setSpecialValueText(self.tr("any time"))
        self.not_seen.setSuffix(self.tr(" days"))
        not_seen_label = QLabel(self.tr("&Not seen for"))
        not_seen_label.setBuddy(self.not_seen)
        self.not_seen.setAccessibleName(plain(not_seen_label.text()))
        self.count = QLabel()

        self.model = PeopleModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("People"))
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setResizeContentsPrecision(SIZE_FROM_ROWS)
        self._sized = False
        self.table.sortByColumn(PeopleModel.ALIAS, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(self._activated)

        layout = QVBoxLayout(self)
        layout.addLayout(hbox(self.title, None, self.count))
        layout.addWidget(self.message)
        layout.addLayout(hbox(search_label, self.search))
        layout.addLayout(
            hbox(
                self.young,
                situation_label,
                self.situation,
                contact_label,
                self.contact,
                not_seen_label,
                self.not_seen,
                None,
            )
        )
        layout.addWidget(self.table, 1)

        self.search.textChanged.connect(self.refresh)
        self.young.toggled.connect(self.refresh)
        self.situation.currentIndexChanged.connect(self.refresh)
        self.contact.currentIndexChanged.connect(self.refresh)
        self.not_seen.valueChanged.connect(self.refresh)
        self.search.returnPressed.connect(self._open_first)

    # --- data ------------------------------------------------------------------------------------

    def current_filter(self) -> PeopleFilter:
        days = self.not_seen.value()
        return PeopleFilter(
            text=self.search.text(),
            young=self.young.isChecked(),
            situation=self.situation.value(),
            contact_worker_id=self.contact.value(),
            not_seen_days=days or None,
        )

    def refresh(self) -> None:
        """Latest wins: while a query runs, only the newest filter waits behind it."""
        wanted = self.current_filter()
        if self._busy:
            self._pending = wanted
            return
        self._busy = True
        load_workers = not self._workers_loaded

        def job(ctx: Context) -> tuple[PeopleResult, list[tuple[str, str]] | None]:
            service = ctx.service(PeopleService)
            return service.query(wanted), service.workers() if load_workers else None

        self.runner.submit(self, job, self._loaded)

    def data_changed(self, changes: ChangeSet) -> None:
        if changes.entities & {"person", "housing_status", "encounter"}:
            self.refresh()

    def _loaded(
        self,
        result: tuple[PeopleResult, list[tuple[str, str]] | None] | None,
        error: BaseException | None,
    ) -> None:
        self._busy = False
        if self._pending is not None:
            self._pending = None
            self.refresh()
            return
        if error is not None or result is None:
            self.message.show_error(error_text(error or RuntimeError()))
            return
        self.message.clear()
        people, workers = result
        if workers is not None:
            self._fill_workers(workers)
        self.result = people
        self.model.set_rows(people.rows, self.env.today())
        if not self._sized and people.rows:
            # Once, on the first list (usually everyone): columns that jump on every keystroke
            # are hard to read, and measuring them cost more than the search itself.
            self._sized = True
            self.table.resizeColumnsToContents()
        shown = len(people.rows)
        text = self.tr("Showing %n of {total} people", "", shown).format(total=people.total)
        if people.truncated:
            text += " " + self.tr("(type more to narrow the search)")
        self.count.setText(text)
        if shown and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _fill_workers(self, workers: list[tuple[str, str]]) -> None:
        self._workers_loaded = True
        self.contact.blockSignals(True)
        for worker_id, name in workers:
            self.contact.add(name, worker_id)
        self.contact.blockSignals(False)

    # --- opening ---------------------------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.data(index, PeopleModel.RECORD_ROLE)
        if isinstance(row, PersonRow):
            self.open_person.emit(row.id)

    def _open_first(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        if index.isValid():
            self._activated(index)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
