"""Konflikter: values that lost a concurrent edit, and changes the server refused.

Each conflict shows whom and what it is about (the person, the field in the editors' words),
both values as the person screen would show them, and who wrote each and when. The worker
keeps the current value or takes the other one back; either choice syncs to the team. Refused
changes are listed with the reason in plain words, until the worker has read them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gadeplan.app.domain import cpr as cpr_rules
from gadeplan.app.domain.records import JSON
from gadeplan.app.services.conflicts import ConflictItem, ConflictService, Resolution, Side
from gadeplan.app.services.sync import RejectedChange, SyncService
from gadeplan.ui import i18n
from gadeplan.ui.env import Env
from gadeplan.ui.messages import error_text, rejection_text
from gadeplan.ui.sync_status import SyncController
from gadeplan.ui.tasks import ChangeSet, Context
from gadeplan.ui.widgets import MessageBar, hbox, heading, muted

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_WORKER_FIELDS = frozenset({"contact_worker_id", "assigned_worker_id", "worker_id", "recorded_by"})
_MONEY_FIELDS = frozenset({"arrears_dkk", "monthly_rent_dkk"})

translate = QCoreApplication.translate


def value_text(entity: str, field: str, value: JSON, workers: Mapping[str, str]) -> str:
    """A stored value as the worker would read it on the person's screen: codes as words,
    dates the Danish way, phone numbers one a line, a CPR number masked."""
    if value is None or value == "" or value == []:
        return translate("Values", "(empty)")
    if field == "cpr" and isinstance(value, str):
        return cpr_rules.mask(value)
    if isinstance(value, bool):
        return i18n.translate(i18n.YES_TEXT if value else i18n.NO_TEXT)
    if field == "phones" and isinstance(value, list):
        lines = []
        for phone in value:
            if not isinstance(phone, dict):
                lines.append(str(phone))
                continue
            line = str(phone.get("number") or "")
            if phone.get("label"):
                line += f" ({phone['label']})"
            worked = phone.get("last_worked_on")
            if isinstance(worked, str) and _ISO_DATE.match(worked):
                line += " " + translate("Values", "(worked {date})").format(
                    date=i18n.fmt_date(date.fromisoformat(worked))
                )
            lines.append(line)
        return "\n".join(lines)
    if field == "topics" and isinstance(value, list):
        return ", ".join(i18n.topic(str(v)) for v in value)
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    if field in _WORKER_FIELDS and isinstance(value, str):
        return workers.get(value) or translate("Values", "another worker")
    vocabulary = i18n.FIELD_VOCABULARY.get((entity, field))
    if vocabulary is not None and isinstance(value, str):
        try:
            code: Enum = vocabulary(value)
        except ValueError:
            return value
        return i18n.label(code)
    if field in _MONEY_FIELDS and isinstance(value, int):
        return translate("Values", "{amount} kr.").format(amount=QLocale().toString(value))
    if isinstance(value, str) and _ISO_DATE.match(value):
        return i18n.fmt_date(date.fromisoformat(value))
    if isinstance(value, str) and _ISO_MOMENT.match(value):
        try:
            return i18n.fmt_datetime(datetime.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def _one_line(text: str) -> str:
    return text.replace("\n", ", ")


def _fit(tree: QTreeWidget, max_rows: int) -> None:
    """As tall as its rows (up to ``max_rows``), so the choice below stays in view."""
    first = tree.topLevelItem(0)
    row = tree.visualItemRect(first).height() if first is not None else 0
    row = max(row, tree.fontMetrics().height() + 6)
    rows = max(1, min(tree.topLevelItemCount(), max_rows))
    tree.setFixedHeight(tree.header().sizeHint().height() + rows * row + 2 * tree.frameWidth() + 2)


class ConflictsScreen(QWidget):
    open_person = Signal(str)

    def __init__(self, env: Env, controller: SyncController) -> None:
        super().__init__()
        self.env = env
        self.runner = env.runner
        self.controller = controller
        self.setObjectName("ConflictsScreen")
        self.items: list[ConflictItem] = []
        self.rejected: list[RejectedChange] = []
        self.workers: dict[str, str] = {}
        self.message = MessageBar()

        self.list = QTreeWidget()
        self.list.setHeaderLabels(
            [self.tr("Person"), self.tr("What"), self.tr("Now"), self.tr("The other value")]
        )
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(self.tr("Conflicts"))
        self.list.header().setStretchLastSection(True)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.empty = muted(
            self.tr(
                "No conflicts. When two people change the same thing while apart, both values "
                "are shown here so you can choose."
            )
        )

        self.detail = QGroupBox()
        self.current_box = QGroupBox(self.tr("Now"))
        self.other_box = QGroupBox(self.tr("The other value"))
        self.current_value = self._value_label()
        self.other_value = self._value_label()
        self.current_who = muted()
        self.other_who = muted()
        self.keep_button = QPushButton(self.tr("&Keep this one"))
        self.keep_button.clicked.connect(lambda: self.resolve(take_other=False))
        self.take_button = QPushButton(self.tr("&Use this one instead"))
        self.take_button.clicked.connect(lambda: self.resolve(take_other=True))
        for box, value, who, button in (
            (self.current_box, self.current_value, self.current_who, self.keep_button),
            (self.other_box, self.other_value, self.other_who, self.take_button),
        ):
            inner = QVBoxLayout(box)
            inner.addWidget(value)
            inner.addWidget(who)
            inner.addStretch(1)
            inner.addLayout(hbox(None, button))
        self.detail_note = muted()
        grid = QGridLayout(self.detail)
        grid.addWidget(self.current_box, 0, 0)
        grid.addWidget(self.other_box, 0, 1)
        grid.addWidget(self.detail_note, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.rejected_list = QTreeWidget()
        self.rejected_list.setHeaderLabels(
            [self.tr("When"), self.tr("Person"), self.tr("What"), self.tr("Why it was refused")]
        )
        self.rejected_list.setRootIsDecorated(False)
        self.rejected_list.setUniformRowHeights(True)
        self.rejected_list.setAccessibleName(self.tr("Changes the server refused"))
        self.rejected_list.header().setStretchLastSection(True)
        self.rejected_list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.rejected_list.itemActivated.connect(self._open_rejected)
        self.rejected_hint = muted(
            self.tr(
                "Your own copy is unchanged on this computer; the team does not see the change. "
                "Open the person to check it or do it again another way."
            )
        )
        self.dismiss_button = QPushButton(self.tr("&Remove from the list"))
        self.dismiss_button.clicked.connect(self.dismiss)
        self.rejected_box = QGroupBox(self.tr("Changes the server refused"))
        rejected_layout = QVBoxLayout(self.rejected_box)
        rejected_layout.addWidget(self.rejected_hint)
        rejected_layout.addWidget(self.rejected_list)
        rejected_layout.addLayout(hbox(None, self.dismiss_button))

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading(self.tr("Conflicts"), wrap=False))
        layout.addWidget(
            muted(
                self.tr(
                    "When two people change the same field while apart, the latest change wins "
                    "and the other value is kept here. Look at both and choose; your choice is "
                    "sent to the team at the next sync."
                )
            )
        )
        layout.addWidget(self.message)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        layout.addWidget(self.detail)
        layout.addWidget(self.rejected_box)
        layout.addStretch(1)
        self._show_current()
        self.rejected_box.hide()

    @staticmethod
    def _value_label() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        label.setFont(font)
        return label

    # --- data ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        policy = self.env.prefs.policy

        def job(ctx: Context) -> tuple[list[ConflictItem], dict[str, str], list[RejectedChange]]:
            service = ctx.service(ConflictService)
            items = service.unresolved()
            rejected = SyncService(ctx.require(), policy).rejected_changes()
            return items, service.worker_names(), rejected

        self.runner.submit(self, job, self._loaded)

    def data_changed(self, changes: ChangeSet) -> None:
        if changes.entities:
            self.refresh()

    def _loaded(
        self,
        result: tuple[list[ConflictItem], dict[str, str], list[RejectedChange]] | None,
        error: BaseException | None,
    ) -> None:
        if error is not None or result is None:
            self.message.show_error(error_text(error or RuntimeError()))
            return
        previous = self.current()
        self.items, self.workers, self.rejected = result
        self.list.clear()
        select: QTreeWidgetItem | None = None
        for item in self.items:
            row = QTreeWidgetItem(
                [
                    item.alias or i18n.entity_name(item.entity),
                    self._what(item),
                    _one_line(self._value(item, item.current)),
                    _one_line(self._value(item, item.other)),
                ]
            )
            row.setData(0, ITEM_ROLE, item.id)
            self.list.addTopLevelItem(row)
            if previous is not None and item.id == previous.id:
                select = row
        select = select or self.list.topLevelItem(0)
        if select is not None:
            self.list.setCurrentItem(select, 0, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        _fit(self.list, 8)
        self.list.setVisible(bool(self.items))
        self.empty.setVisible(not self.items)
        self._show_current()

        self.rejected_list.clear()
        for rejected in self.rejected:
            when = datetime.fromisoformat(rejected.at)
            row = QTreeWidgetItem(
                [
                    i18n.fmt_datetime(when),
                    rejected.alias or "—",
                    i18n.entity_name(rejected.entity),
                    rejection_text(rejected.error),
                ]
            )
            row.setData(0, ITEM_ROLE, rejected.mutation_id)
            self.rejected_list.addTopLevelItem(row)
        first = self.rejected_list.topLevelItem(0)
        if first is not None:
            self.rejected_list.setCurrentItem(first)
        _fit(self.rejected_list, 5)
        self.rejected_box.setVisible(bool(self.rejected))

    def _what(self, item: ConflictItem) -> str:
        field = i18n.field_name(item.entity, item.field)
        if item.entity == "person":
            return field
        return f"{i18n.entity_name(item.entity)}: {field}"

    def _value(self, item: ConflictItem, side: Side) -> str:
        return value_text(item.entity, item.field, side.value, self.workers)

    def _who(self, side: Side) -> str:
        if side.by_me:
            who = self.tr("you")
        elif side.worker_name:
            who = side.worker_name
        elif side.worker_id:
            who = self.tr("another worker")
        else:
            who = ""
        when = i18n.fmt_datetime(side.at) if side.at is not None else ""
        if who and when:
            return self.tr("Saved by {who}, {when}").format(who=who, when=when)
        if who:
            return self.tr("Saved by {who}").format(who=who)
        if when:
            return self.tr("Saved {when}").format(when=when)
        return ""

    def current(self) -> ConflictItem | None:
        row = self.list.currentItem()
        wanted = row.data(0, ITEM_ROLE) if row is not None else None
        return next((i for i in self.items if i.id == wanted), None)

    def _show_current(self) -> None:
        item = self.current()
        self.detail.setVisible(item is not None)
        if item is None:
            return
        who = item.alias or i18n.entity_name(item.entity)
        self.detail.setTitle(f"{who} · {self._what(item)}")
        self.current_value.setText(self._value(item, item.current))
        self.current_value.setAccessibleName(self.current_value.text())
        self.other_value.setText(self._value(item, item.other))
        self.other_value.setAccessibleName(self.other_value.text())
        if item.changed_since:
            self.current_who.setText(self.tr("Changed again since the conflict"))
        elif not item.record_exists:
            self.current_who.setText(self.tr("Deleted"))
        else:
            self.current_who.setText(self._who(item.current))
        self.other_who.setText(self._who(item.other))
        self.take_button.setEnabled(item.record_exists)
        if not item.record_exists:
            self.detail_note.setText(
                self.tr("The record has been deleted, so the other value cannot be restored.")
            )
        else:
            self.detail_note.setText(
                self.tr("Both choices are saved as an ordinary change and sent to the team.")
            )

    # --- actions ---------------------------------------------------------------------------------

    def resolve(self, *, take_other: bool) -> None:
        item = self.current()
        if item is None or (take_other and not item.record_exists):
            return
        conflict_id = item.id

        def job(ctx: Context) -> Resolution:
            return ctx.service(ConflictService).resolve(conflict_id, take_other=take_other)

        self.runner.submit(self, job, self._resolved, mutates=True)

    def _resolved(self, result: Resolution | None, error: BaseException | None) -> None:
        if error is not None or result is None:
            self.message.show_error(error_text(error or RuntimeError()))
            return
        if result.took_other:
            self.message.show_info(
                self.tr("The other value is used now. It is sent at the next sync.")
            )
        else:
            self.message.show_info(self.tr("The current value is kept."))
        self.list.setFocus()

    def dismiss(self) -> None:
        row = self.rejected_list.currentItem()
        if row is None:
            return
        mutation_id = int(row.data(0, ITEM_ROLE))
        self.controller.dismiss_rejection(mutation_id, self.refresh)

    def _open_rejected(self, row: QTreeWidgetItem, column: int) -> None:
        mutation_id = row.data(0, ITEM_ROLE)
        found = next((r for r in self.rejected if r.mutation_id == mutation_id), None)
        if found is not None and found.person_id:
            self.open_person.emit(found.person_id)
