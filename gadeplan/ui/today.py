"""Today: follow-ups due and overdue, transitions without a housing plan, eviction dates, and
how much work waits to be synced. Enter on a row opens the person."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gadeplan.app.services.today import TodayItem, TodayService, TodayView
from gadeplan.ui import i18n
from gadeplan.ui.env import Env
from gadeplan.ui.messages import error_text
from gadeplan.ui.tasks import ChangeSet, Context
from gadeplan.ui.widgets import MessageBar, hbox, heading, muted, warning_color

if TYPE_CHECKING:
    from gadeplan.ui.radar import RadarBox

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


class ItemList(QTreeWidget):
    """A short, keyboard-friendly list: Enter or a double click opens the row's person."""

    open_person = Signal(str)

    def __init__(self, headers: Sequence[str], name: str, max_rows: int = 8) -> None:
        super().__init__()
        self.max_rows = max_rows
        self.setHeaderLabels(list(headers))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAccessibleName(name)
        self.header().setStretchLastSection(True)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.itemActivated.connect(self._activated)

    def set_items(self, rows: Sequence[tuple[Sequence[str], TodayItem, bool]]) -> None:
        self.clear()
        for texts, item, warn in rows:
            row = QTreeWidgetItem(list(texts))
            row.setData(0, ITEM_ROLE, item)
            if warn:
                row.setForeground(0, warning_color(self))
            self.addTopLevelItem(row)
        first = self.topLevelItem(0)
        if first is not None:
            # Keyboard focus starts on the first row without painting every list blue.
            self.setCurrentItem(first, 0, QItemSelectionModel.SelectionFlag.NoUpdate)
        lines = max(1, min(self.topLevelItemCount(), self.max_rows))
        self.setFixedHeight(self.header().sizeHint().height() + lines * self._row_height() + 6)

    def _row_height(self) -> int:
        first = self.topLevelItem(0)
        if first is not None:
            return max(self.visualItemRect(first).height(), 18)
        return self.fontMetrics().height() + 8

    def current(self) -> TodayItem | None:
        row = self.currentItem()
        value = row.data(0, ITEM_ROLE) if row is not None else None
        return value if isinstance(value, TodayItem) else None

    def _activated(self, row: QTreeWidgetItem, column: int) -> None:
        item = row.data(0, ITEM_ROLE)
        if isinstance(item, TodayItem) and item.person_id:
            self.open_person.emit(item.person_id)


class TodayScreen(QWidget):
    open_person = Signal(str)
    quick_log = Signal()

    def __init__(self, env: Env) -> None:
        super().__init__()
        self.env = env
        self.runner = env.runner
        self.view: TodayView | None = None
        self.title = heading(self.tr("Today"), wrap=False)
        self.quick_button = QPushButton(self.tr("&Quick log (Ctrl+N)"))
        self.quick_button.clicked.connect(self.quick_log)
        self.message = MessageBar()
        #: The radar's items due within a week, on top; made by :meth:`make_radar` once Today
        #: has painted.
        self.radar: RadarBox | None = None
        self._radar_place = QVBoxLayout()
        self._radar_place.setContentsMargins(0, 0, 0, 0)
        self._refreshed = False

        self.follow_ups = ItemList(
            [self.tr("Due"), self.tr("Person"), self.tr("Follow-up")],
            self.tr("Follow-ups"),
            max_rows=24,
        )
        self.follow_ups_empty = muted(self.tr("No follow-ups due. Well done."))
        self.follow_ups_more = muted()
        self.done_button = QPushButton(self.tr("&Mark as done"))
        self.done_button.setShortcut(QKeySequence("Ctrl+D"))
        self.done_button.clicked.connect(self.mark_done)
        self.transitions = ItemList(
            [self.tr("Date"), self.tr("Person"), self.tr("Transition")],
            self.tr("Transitions without a housing plan"),
        )
        self.transitions_empty = muted(
            self.tr("No transitions in the next 30 days without a housing plan.")
        )
        self.evictions = ItemList(
            [self.tr("Date"), self.tr("Person"), self.tr("Eviction case")],
            self.tr("Eviction dates"),
        )
        self.evictions_empty = muted(self.tr("No eviction dates in the next 30 days."))
        self.sync_label = QLabel()
        self.sync_label.setWordWrap(True)

        for lst in (self.follow_ups, self.transitions, self.evictions):
            lst.open_person.connect(self.open_person)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setSpacing(14)
        layout.addLayout(hbox(self.title, None, self.quick_button))
        layout.addWidget(self.message)
        layout.addLayout(self._radar_place)
        columns = QHBoxLayout()
        columns.setSpacing(14)
        left = QVBoxLayout()
        left.addWidget(
            self._group(
                self.tr("Follow-ups due and overdue"),
                self.follow_ups,
                self.follow_ups_empty,
                hbox(self.follow_ups_more, None, self.done_button),
            )
        )
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(
            self._group(
                self.tr("Transitions in the next 30 days without a housing plan"),
                self.transitions,
                self.transitions_empty,
            )
        )
        right.addWidget(
            self._group(
                self.tr("Eviction dates in the next 30 days"), self.evictions, self.evictions_empty
            )
        )
        right.addWidget(self._group(self.tr("Sync"), self.sync_label))
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout.addLayout(columns, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    @staticmethod
    def _group(title: str, *parts: QWidget | QLayout) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        for part in parts:
            if isinstance(part, QLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part)
        return box

    # --- data ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Today's lists first, then the radar: the worker runs jobs in order, and on a large
        store the radar takes longer than the lists (0.8 against 0.5 s on the benchmark store),
        which would otherwise wait behind it."""

        def job(ctx: Context) -> TodayView:
            return ctx.service(TodayService).view()

        self.runner.submit(self, job, self._loaded)
        self._refreshed = True
        if self.radar is not None and not self.radar.loaded:
            self.radar.refresh()

    def make_radar(self) -> RadarBox:
        """The radar's box, made after Today's first paint: its module and widgets cost that
        paint about 12 ms on the benchmark (bench/ui.py), and its items come after Today's
        lists anyway (prefetch work). Idempotent."""
        if self.radar is None:
            from gadeplan.ui.radar import RadarBox

            self.radar = RadarBox(self.env)
            self._radar_place.addWidget(self.radar)
            if self._refreshed:
                self.radar.refresh()
        return self.radar

    def data_changed(self, changes: ChangeSet) -> None:
        if self.radar is not None:
            self.radar.data_changed(changes)
        if changes.entities:
            self.refresh()

    def _loaded(self, view: TodayView | None, error: BaseException | None) -> None:
        if error is not None or view is None:
            self.message.show_error(error_text(error or RuntimeError()))
            return
        self.message.clear()
        self.view = view
        self.title.setText(
            self.tr("Today, {date}").format(
                date=QLocale().toString(i18n.qdate(view.today), "dddd d. MMMM yyyy")
            )
        )
        self.follow_ups.set_items([self._follow_up_row(i, view) for i in view.follow_ups])
        self.transitions.set_items(
            [
                ([i18n.fmt_date(i.on), i.alias or "", i18n.label(i.transition)], i, False)
                for i in view.transitions
                if i.transition is not None
            ]
        )
        self.evictions.set_items([self._eviction_row(i) for i in view.evictions])
        for lst, empty in (
            (self.follow_ups, self.follow_ups_empty),
            (self.transitions, self.transitions_empty),
            (self.evictions, self.evictions_empty),
        ):
            lst.setVisible(lst.topLevelItemCount() > 0)
            empty.setVisible(lst.topLevelItemCount() == 0)
        self.done_button.setEnabled(bool(view.follow_ups))
        hidden = view.follow_ups_total - len(view.follow_ups)
        self.follow_ups_more.setText(
            self.tr("%n older follow-ups are not shown.", "", hidden) if hidden > 0 else ""
        )
        self.sync_label.setText(self._sync_text(view))

    def _follow_up_row(self, item: TodayItem, view: TodayView) -> tuple[list[str], TodayItem, bool]:
        when = i18n.fmt_date(item.on)
        if item.overdue:
            days = (view.today - item.on).days
            when = self.tr("{date} (%n days overdue)", "", days).format(date=when)
        else:
            when = self.tr("Today")
        return [when, item.alias or self.tr("Anonymous contact"), item.text], item, item.overdue

    def _eviction_row(self, item: TodayItem) -> tuple[list[str], TodayItem, bool]:
        court = item.eviction_date == "court_date"
        what = self.tr("Court hearing") if court else self.tr("Bailiff's visit")
        parts = [what, item.text]
        if item.arrears_dkk is not None:
            parts.append(
                self.tr("arrears {amount} kr.").format(amount=QLocale().toString(item.arrears_dkk))
            )
        return [i18n.fmt_date(item.on), item.alias or "", i18n.join(parts, ", ")], item, False

    def _sync_text(self, view: TodayView) -> str:
        if view.unsent == 0:
            return self.tr("Everything is synced.")
        count = self.tr("%n changes are not synced yet.", "", view.unsent)
        age = view.oldest_unsent_age(self.env.access.clock.now())
        if age is None:
            return count
        oldest = self.tr("The oldest is {age} old.").format(age=i18n.age_text(age))
        return f"{count} {oldest}"

    def mark_done(self) -> None:
        item = self.follow_ups.current()
        if item is None:
            return

        def job(ctx: Context) -> object:
            return ctx.service(TodayService).complete_follow_up(item.record_id)

        self.runner.submit(self, job, self._marked, mutates=True)

    def _marked(self, result: object, error: BaseException | None) -> None:
        if error is not None:
            self.message.show_error(error_text(error))
