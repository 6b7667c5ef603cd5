"""The prevention radar: who is about to fall through a transition, and one click to act.

The radar tab lists every item of ``app/services/radar.py`` (most urgent first); the top of
Today shows those due within a week. Each row says who, when, how many days are left, what is
missing, and offers the item's action: *log* opens the quick log for the person, *plan* opens
the person at the part where the plan is written (the transition, the housing offers, the
eviction case), *follow up* puts a follow-up on the worker's own list. The cold-weather
checklist is asked for on demand, and the thresholds are edited in a small dialog here (they
are the profile's, in the encrypted store, not in the window's INI file).

All of it is computed on the database worker; the radar is small (dozens of rows), so it is
recomputed when the records it is made from change, instead of being cached.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, ClassVar

import msgspec
from msgspec.structs import replace
from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import FollowUp, Person
from gadeplan.app.services import radar as radar_service
from gadeplan.app.services.changes import Change
from gadeplan.app.services.radar import (
    ColdWeatherEntry,
    Missing,
    Radar,
    RadarAction,
    RadarItem,
    RadarKind,
    RadarSettings,
)
from gadeplan.app.services.session import Session
from gadeplan.ui import i18n
from gadeplan.ui.env import Env
from gadeplan.ui.forms import ScreenSettingsDialog
from gadeplan.ui.i18n import QT_TRANSLATE_NOOP
from gadeplan.ui.messages import error_text
from gadeplan.ui.tables import AnyIndex, RowsModel
from gadeplan.ui.tasks import ChangeSet, Context
from gadeplan.ui.widgets import (
    ChoiceBox,
    MessageBar,
    hbox,
    heading,
    link_button,
    muted,
    plain,
    warning_color,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

_CTX = "Radar"

#: What the radar is made from: a change to any of these may add or remove an item.
WATCHED = frozenset(
    {"person", "housing_status", "encounter", "transition", "housing_offer", "eviction_case"}
)

#: The top of Today: items due within this many days (or passed).
TODAY_DAYS = 7

KINDS: dict[RadarKind, str] = {
    RadarKind.PRISON_RELEASE: QT_TRANSLATE_NOOP("Radar", "Release from prison"),
    RadarKind.HOSPITAL_DISCHARGE: QT_TRANSLATE_NOOP("Radar", "Discharge from hospital"),
    RadarKind.TREATMENT_END: QT_TRANSLATE_NOOP("Radar", "End of addiction treatment"),
    RadarKind.SHELTER_EXIT: QT_TRANSLATE_NOOP("Radar", "Moving out of a shelter"),
    RadarKind.LEAVING_CARE: QT_TRANSLATE_NOOP("Radar", "Leaving care"),
    RadarKind.AFTERCARE_ENDING: QT_TRANSLATE_NOOP("Radar", "Aftercare ending"),
    RadarKind.LONG_SHELTER_STAY: QT_TRANSLATE_NOOP(
        "Radar", "Long shelter stay, ready for own housing"
    ),
    RadarKind.LEASE_ENDING: QT_TRANSLATE_NOOP("Radar", "Lease ending"),
    RadarKind.EVICTION: QT_TRANSLATE_NOOP("Radar", "Eviction"),
    RadarKind.CHECK_IN: QT_TRANSLATE_NOOP("Radar", "Check-in after moving in"),
    RadarKind.RETURNED_TO_HOMELESSNESS: QT_TRANSLATE_NOOP("Radar", "Returned to homelessness"),
    RadarKind.INACTIVE: QT_TRANSLATE_NOOP("Radar", "Not seen for a long time"),
}

MISSING: dict[Missing, str] = {
    Missing.NO_HOUSING_PLAN: QT_TRANSLATE_NOOP("Radar", "No housing plan"),
    Missing.NO_HOUSING_OFFER: QT_TRANSLATE_NOOP("Radar", "No housing offer"),
    Missing.NO_NEXT_HOUSING: QT_TRANSLATE_NOOP("Radar", "Nowhere to live afterwards"),
    Missing.NO_EVICTION_ACTION: QT_TRANSLATE_NOOP("Radar", "No action taken yet"),
    Missing.EVICTION_NOT_AVERTED: QT_TRANSLATE_NOOP("Radar", "Not averted yet"),
    Missing.NO_CHECK_IN: QT_TRANSLATE_NOOP("Radar", "No contact since moving in"),
    Missing.HOUSING_LOST: QT_TRANSLATE_NOOP("Radar", "Lost the home: needs a new plan"),
    Missing.NO_CONTACT: QT_TRANSLATE_NOOP("Radar", "No contact"),
}

ACTIONS: dict[RadarAction, str] = {
    RadarAction.LOG: QT_TRANSLATE_NOOP("Radar", "Log contact"),
    RadarAction.PLAN: QT_TRANSLATE_NOOP("Radar", "Open plan"),
    RadarAction.FOLLOW_UP: QT_TRANSLATE_NOOP("Radar", "Create follow-up"),
}

#: Where on the person's screen a "plan" is made, by what is missing.
PLAN_PARTS: dict[Missing, str] = {
    Missing.NO_HOUSING_PLAN: "transitions",
    Missing.NO_HOUSING_OFFER: "offers",
    Missing.NO_NEXT_HOUSING: "offers",
    Missing.HOUSING_LOST: "offers",
    Missing.NO_EVICTION_ACTION: "evictions",
    Missing.EVICTION_NOT_AVERTED: "evictions",
    Missing.NO_CHECK_IN: "encounters",
    Missing.NO_CONTACT: "encounters",
}


translate = QCoreApplication.translate


def kind_text(item: RadarItem) -> str:
    """The kind, with its detail where it tells the worker something."""
    if item.kind is RadarKind.EVICTION:
        if item.detail == "court":
            return translate("Radar", "Eviction: court hearing")
        if item.detail == "bailiff":
            return translate("Radar", "Eviction: bailiff's visit")
    if item.kind is RadarKind.CHECK_IN and item.detail and item.detail.isdigit():
        return translate("Radar", "Check-in %n months after moving in", None, int(item.detail))
    if item.kind is RadarKind.LEAVING_CARE and item.detail == "turning_18":
        return translate("Radar", "Turns 18, has been in care")
    return translate(_CTX, KINDS[item.kind])


def missing_text(item: RadarItem) -> str:
    return translate(_CTX, MISSING[item.missing])


def action_text(action: RadarAction) -> str:
    return translate(_CTX, ACTIONS[action])


def days_text(days_left: int) -> str:
    if days_left == 0:
        return translate("Radar", "Today")
    if days_left > 0:
        return translate("Radar", "in %n days", None, days_left)
    return translate("Radar", "%n days ago", None, -days_left)


class RadarModel(RowsModel[RadarItem]):
    """The radar's rows in the core's order (most urgent first); not sortable, since the order
    is the point."""

    DATE, DAYS, PERSON, WHAT, MISSING, ACTION = range(6)
    COLUMNS = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._warn = QColor()

    def headers(self) -> list[str]:
        return [
            self.tr("Date"),
            self.tr("Days left"),
            self.tr("Person"),
            self.tr("What"),
            self.tr("Missing"),
            self.tr("Action"),
        ]

    def set_items(self, items: Sequence[RadarItem], warn: QColor) -> None:
        self.beginResetModel()
        self._rows = list(items)
        self._warn = warn
        self.endResetModel()

    def _other(self, item: RadarItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.DAYS and item.days_left <= 0:
            return self._warn
        if role == Qt.ItemDataRole.ToolTipRole and column == self.ACTION:
            return self.tr("Enter or a click does this")
        return None

    def _text(self, item: RadarItem, column: int) -> str:
        if column == self.DATE:
            return i18n.fmt_date(item.on)
        if column == self.DAYS:
            return days_text(item.days_left)
        if column == self.PERSON:
            return item.alias
        if column == self.WHAT:
            return kind_text(item)
        if column == self.MISSING:
            return missing_text(item)
        if column == self.ACTION:
            return action_text(item.action)
        return ""


class ActionDelegate(QStyledItemDelegate):
    """Draws the action cell as a button; a click on it (or Enter on the row) does it."""

    #: The row whose action was clicked.
    clicked = Signal(int)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        # Imported here: naming QStyle makes PySide6 build its 570 enum members (5 ms), which
        # the window's start need not wait for; the radar's rows come later.
        from PySide6.QtWidgets import QStyle, QStyleOptionButton

        button = QStyleOptionButton()
        button.rect = option.rect.adjusted(2, 2, -2, -2)
        button.text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        button.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised
        button.palette = option.palette
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_PushButton, button, painter, widget)

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: AnyIndex,
    ) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            rect: QRect = option.rect
            if rect.contains(event.position().toPoint()):
                self.clicked.emit(index.row())
                return True
        return super().editorEvent(event, model, option, index)


class RadarTable(QTableView):
    """The radar's rows; Enter, a double click or a click on the action button does the
    row's action."""

    act = Signal(object)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_ = RadarModel(self)
        self.setModel(self.model_)
        self.setAccessibleName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Sized from the first rows only: a large store's radar has thousands.
        header.setResizeContentsPrecision(50)
        header.setSectionResizeMode(RadarModel.MISSING, QHeaderView.ResizeMode.Stretch)
        self.delegate = ActionDelegate(self)
        self.setItemDelegateForColumn(RadarModel.ACTION, self.delegate)
        self.delegate.clicked.connect(self._do)
        # Not ``activated``: where the desktop activates on a single click (KDE), a click meant
        # to select a row would act on it.
        self.doubleClicked.connect(self._double_clicked)

    def set_items(self, items: Sequence[RadarItem]) -> None:
        self.model_.set_items(items, warning_color(self))
        if items:
            self.setCurrentIndex(self.model_.index(0, 0))
            self.clearSelection()

    def current(self) -> RadarItem | None:
        index = self.currentIndex()
        return self.model_.row_at(index.row()) if index.isValid() else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._do(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() != RadarModel.ACTION:  # the button acted on the first click
            self._do(index.row())

    def _do(self, row: int) -> None:
        item = self.model_.row_at(row)
        if item is not None:
            self.act.emit(item)

    def fit_rows(self, most: int) -> None:
        """As tall as its rows, up to ``most`` of them (for the top of Today)."""
        rows = max(1, min(self.model_.rowCount(), most))
        height = self.horizontalHeader().sizeHint().height()
        height += rows * self.verticalHeader().defaultSectionSize() + 2 * self.frameWidth()
        self.setFixedHeight(height)


# --- doing what an item asks ---------------------------------------------------------------------


class FollowUpMade(msgspec.Struct, frozen=True):
    """A follow-up put on the worker's list from a radar item (``change`` None: one with the
    same text was already open)."""

    alias: str
    due_on: date
    change: Change | None


def follow_up_text(item: RadarItem) -> str:
    """What the follow-up says, in the worker's language (it is the worker's own note)."""
    return translate("Radar", "{what} on {date}: {missing}").format(
        what=kind_text(item), date=i18n.fmt_date(item.on), missing=missing_text(item).lower()
    )


def follow_up_due(item: RadarItem, today: date) -> date:
    """A week before the item's date, so there is time to act; today if that has passed."""
    return max(today, item.on - timedelta(days=TODAY_DAYS))


def make_follow_up(item: RadarItem, what: str) -> Callable[[Context], FollowUpMade]:
    def job(ctx: Context) -> FollowUpMade:
        session = ctx.require()
        due = follow_up_due(item, session.clock.today())
        person = session.get(Person, item.person_id)
        if person is None:
            return FollowUpMade(item.alias, due, None)
        opened = session.open_person(item.person_id)
        if opened is not None and any(
            f.done_on is None and f.what == what for f in opened.follow_ups
        ):
            return FollowUpMade(item.alias, due, None)
        change = session.save(
            FollowUp(
                id=new_id(),
                team_id=person.team_id,
                person_id=person.id,
                due_on=due,
                what=what,
                assigned_worker_id=session.identity.worker_id,
            )
        )
        return FollowUpMade(item.alias, due, change)

    return job


class RadarActions(QWidget):
    """What both radar lists share: do an item's action, tell how it went."""

    quick_log = Signal(str)
    #: person id, part of the person's screen, record id
    open_person_at = Signal(str, str, str)
    #: person id, TransitionKind value, date: a transition to plan, with no record yet
    plan_transition = Signal(str, str, object)

    def __init__(self, env: Env) -> None:
        super().__init__()
        self.env = env
        self.runner = env.runner
        self.message = MessageBar()

    def act(self, item: RadarItem) -> None:
        if item.action is RadarAction.LOG:
            self.quick_log.emit(item.person_id)
        elif item.action is RadarAction.PLAN:
            kind = radar_service.transition_to_plan(item)
            if kind is not None:
                # Turning 18 in care, an aftercare end, a release or discharge known only from
                # the housing situation: the transition is written for the worker, to check.
                self.plan_transition.emit(item.person_id, kind.value, item.on)
                return
            part = PLAN_PARTS.get(item.missing, "")
            self.open_person_at.emit(item.person_id, part, item.record_id)
        else:
            self.follow_up(item)

    def follow_up(self, item: RadarItem) -> None:
        self.runner.submit(
            self, make_follow_up(item, follow_up_text(item)), self._followed_up, mutates=True
        )

    def _followed_up(self, made: FollowUpMade | None, error: BaseException | None) -> None:
        if error is not None or made is None:
            self.message.show_error(error_text(error or RuntimeError()))
            return
        # translate(), not self.tr(): the radar tab and Today's box both inherit this.
        if made.change is None:
            self.message.show_info(
                translate("Radar", "{alias} already has this follow-up on the list.").format(
                    alias=made.alias
                )
            )
        else:
            self.message.show_info(
                translate("Radar", "Follow-up for {alias} on {date} is on your list.").format(
                    alias=made.alias, date=i18n.fmt_date(made.due_on)
                )
            )


class RadarCache:
    """The worker's last radar, shared by Today and the radar tab (on a large store it takes
    a second or two to make); dropped when a record it is made from changes, with every
    other cache on a sync, and on lock."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.found: Radar | None = None

    def get(self) -> Radar:
        session = self.session
        found = self.found
        if found is None or found.on != session.clock.today():
            found = self.found = radar_service.radar(session, team_id=session.identity.team_id)
        else:
            radar_service.log_shown(session, found)
        return found

    def drop(self) -> None:
        self.found = None

    def note_changes(self, person_ids: frozenset[str], entities: frozenset[str]) -> None:
        if entities & WATCHED:
            self.found = None


def _radar_job(ctx: Context) -> Radar:
    return ctx.service(RadarCache).get()


class RadarScreen(RadarActions):
    """The radar tab: every item, a filter by kind, the cold-weather checklist, settings."""

    open_person = Signal(str)
    #: The thresholds were saved (the inactive days are Overblik's too).
    settings_changed = Signal(object)

    GROUPS: ClassVar[dict[str, tuple[RadarKind, ...]]] = {
        "transitions": (
            RadarKind.PRISON_RELEASE,
            RadarKind.HOSPITAL_DISCHARGE,
            RadarKind.TREATMENT_END,
            RadarKind.SHELTER_EXIT,
            RadarKind.LEAVING_CARE,
            RadarKind.AFTERCARE_ENDING,
        ),
        "housing": (
            RadarKind.LONG_SHELTER_STAY,
            RadarKind.LEASE_ENDING,
            RadarKind.RETURNED_TO_HOMELESSNESS,
        ),
        "evictions": (RadarKind.EVICTION,),
        "check_ins": (RadarKind.CHECK_IN,),
        "inactive": (RadarKind.INACTIVE,),
    }

    def __init__(self, env: Env) -> None:
        super().__init__(env)
        self.radar: Radar | None = None
        self._stale = False
        self.cold_dialog: ColdWeatherDialog | None = None
        self.settings_dialog: RadarSettingsDialog | None = None

        self.title = heading(self.tr("Radar"), wrap=False)
        self.intro = muted(
            self.tr(
                "Who is about to fall through a transition, and what is missing. Most urgent "
                "first; Enter or a click on the action does it."
            )
        )
        self.cold_button = QPushButton(self.tr("&Cold weather: everyone sleeping rough"))
        self.cold_button.clicked.connect(self.cold_weather)
        self.settings_button = QPushButton(self.tr("Radar &settings…"))
        self.settings_button.clicked.connect(self.open_settings)
        self.show_box = ChoiceBox()
        self.show_box.add(self.tr("Everything"), None)
        self.show_box.add(self.tr("Transitions (prison, hospital, treatment, care)"), "transitions")
        self.show_box.add(self.tr("Housing (shelter stays, leases, lost homes)"), "housing")
        self.show_box.add(self.tr("Evictions"), "evictions")
        self.show_box.add(self.tr("Check-ins after moving in"), "check_ins")
        self.show_box.add(self.tr("Not seen for a long time"), "inactive")
        show_label = QLabel(self.tr("S&how"))
        show_label.setBuddy(self.show_box)
        self.show_box.setAccessibleName(plain(show_label.text()))
        self.show_box.currentIndexChanged.connect(self._show_items)
        self.count = QLabel()
        self.thresholds = muted()
        self.table = RadarTable(self.tr("Radar"))
        self.table.act.connect(self.act)
        self.empty = muted(self.tr("Nothing on the radar. Nobody is about to fall through."))

        layout = QVBoxLayout(self)
        layout.addLayout(hbox(self.title, None, self.cold_button, self.settings_button))
        layout.addWidget(self.intro)
        layout.addWidget(self.message)
        layout.addLayout(hbox(show_label, self.show_box, None, self.count))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.thresholds)

    # --- data ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        self.runner.submit(self, _radar_job, self._loaded)

    def data_changed(self, changes: ChangeSet) -> None:
        if changes.everything or changes.entities & WATCHED:
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _loaded(self, found: Radar | None, error: BaseException | None) -> None:
        if error is not None or found is None:
            self.message.show_error(error_text(error or RuntimeError()))
            return
        self.radar = found
        s = found.settings
        self.thresholds.setText(
            self.tr(
                "Release and discharge within {release} days, leaving care within {care} days, "
                "shelter stays over {shelter} months, leases ending within {lease} days, "
                "evictions within {eviction} days, not seen for {inactive} days."
            ).format(
                release=s.release_days,
                care=s.care_days,
                shelter=s.shelter_months,
                lease=s.lease_days,
                eviction=s.eviction_days,
                inactive=s.inactive_days,
            )
        )
        self._show_items()

    def _show_items(self) -> None:
        if self.radar is None:
            return
        group = self.show_box.value()
        items = self.radar.items if group is None else self.radar.of_kind(*self.GROUPS[group])
        self.table.set_items(items)
        self.table.setVisible(bool(items))
        self.empty.setVisible(not items)
        self.count.setText(self.tr("%n items", "", len(items)))

    # --- cold weather and settings ---------------------------------------------------------------

    def cold_weather(self) -> ColdWeatherDialog:
        def job(ctx: Context) -> tuple[tuple[ColdWeatherEntry, ...], int]:
            session = ctx.require()
            settings = radar_service.load_settings(session)
            entries = radar_service.cold_weather(
                session, team_id=session.identity.team_id, settings=settings
            )
            return entries, settings.cold_weather_days

        if self.cold_dialog is not None:
            self.runner.forget(self.cold_dialog)
            self.cold_dialog.close()
            self.cold_dialog.deleteLater()
        dialog = ColdWeatherDialog(self)
        dialog.open_person.connect(self.open_person)
        self.cold_dialog = dialog
        self.runner.submit(dialog, job, dialog.loaded)
        dialog.show()
        return dialog

    def open_settings(self) -> RadarSettingsDialog:
        dialog = RadarSettingsDialog(self.env, self)
        dialog.saved.connect(self._settings_saved)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def _settings_saved(self, settings: RadarSettings) -> None:
        self.message.show_info(self.tr("The radar's settings are saved."))
        self.settings_changed.emit(settings)
        self.refresh()


class RadarBox(RadarActions):
    """The top of Today: what the radar has within a week, with the same actions."""

    show_all = Signal()

    def __init__(self, env: Env) -> None:
        super().__init__(env)
        self.box = QGroupBox(self.tr("Radar: the coming 7 days"))
        self.table = RadarTable(self.tr("Radar: the coming 7 days"))
        self.table.act.connect(self.act)
        self.empty = muted(self.tr("Nothing on the radar for the coming 7 days."))
        self.empty.hide()
        self.all_button = link_button(self.tr("All on the radar"))
        self.all_button.clicked.connect(self.show_all)
        inner = QVBoxLayout(self.box)
        inner.addWidget(self.message)
        inner.addWidget(self.table)
        inner.addWidget(self.empty)
        inner.addLayout(hbox(None, self.all_button))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        self.items: tuple[RadarItem, ...] = ()
        self.loaded = False

    def refresh(self) -> None:
        self.loaded = True
        # Today shows it before anyone asked: what the worker asks for meanwhile goes first.
        self.runner.submit(self, _radar_job, self._loaded, prefetch=True)

    def data_changed(self, changes: ChangeSet) -> None:
        if changes.everything or changes.entities & WATCHED:
            self.refresh()

    def _loaded(self, found: Radar | None, error: BaseException | None) -> None:
        if error is not None or found is None:
            self.message.show_error(error_text(error or RuntimeError()))
            return
        self.items = found.due_within(TODAY_DAYS)
        self.table.set_items(self.items)
        self.table.fit_rows(6)
        self.table.setVisible(bool(self.items))
        self.empty.setVisible(not self.items)
        self.all_button.setText(self.tr("All %n on the radar (Ctrl+5)", "", len(found.items)))


# --- the cold-weather checklist ------------------------------------------------------------------


class ColdWeatherDialog(QDialog):
    """A checklist for a cold night's round: tick people off as they are found. The ticks are
    not stored; the list is for tonight."""

    open_person = Signal(str)

    PERSON_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cold weather: everyone sleeping rough"))
        self.setModal(False)
        self.entries: tuple[ColdWeatherEntry, ...] = ()
        self.intro = muted()
        self.message = MessageBar()
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Everyone sleeping rough"))
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.itemChanged.connect(lambda _: self._count())
        self.list.itemActivated.connect(self._activated)
        self.count = QLabel()
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Cold weather: everyone sleeping rough"), 2))
        layout.addWidget(self.intro)
        layout.addWidget(self.message)
        layout.addWidget(self.list, 1)
        layout.addLayout(hbox(self.count, None, close))
        self.resize(560, 620)

    def loaded(
        self, result: tuple[tuple[ColdWeatherEntry, ...], int] | None, error: BaseException | None
    ) -> None:
        if error is not None or result is None:
            self.message.show_error(error_text(error or RuntimeError()))
            return
        entries, days = result
        self.entries = entries
        self.intro.setText(
            self.tr(
                "Everyone whose situation is rough sleeping or another emergency dwelling and "
                "who was seen in the last %n days, by their last known place. Tick them off "
                "as you find them (Space); Enter opens the person. The ticks are not saved.",
                "",
                days,
            )
        )
        self.list.blockSignals(True)
        self.list.clear()
        for entry in entries:
            places = ", ".join(entry.places) or self.tr("No known place")
            text = "{alias} · {situation} · {seen}\n{places}".format(
                alias=entry.alias,
                situation=i18n.housing_short(entry.situation),
                seen=self.tr("last seen {date}").format(date=i18n.fmt_date(entry.last_seen)),
                places=places,
            )
            row = QListWidgetItem(text)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            row.setData(self.PERSON_ROLE, entry.person_id)
            self.list.addItem(row)
        self.list.blockSignals(False)
        if entries:
            self.list.setCurrentRow(0)
        else:
            self.message.show_info(
                self.tr("Nobody on the list: no-one seen sleeping rough lately.")
            )
        self._count()

    def checked(self) -> int:
        return sum(
            1
            for i in range(self.list.count())
            if (row := self.list.item(i)) is not None and row.checkState() == Qt.CheckState.Checked
        )

    def _count(self) -> None:
        self.count.setText(
            self.tr("Found {found} of %n", "", self.list.count()).format(found=self.checked())
        )

    def _activated(self, row: QListWidgetItem) -> None:
        person_id = row.data(self.PERSON_ROLE)
        if isinstance(person_id, str):
            self.open_person.emit(person_id)


# --- the thresholds ------------------------------------------------------------------------------


class RadarSettingsDialog(ScreenSettingsDialog[RadarSettings]):
    """The radar's thresholds, within bounds that keep it a daily list (not everyone ever met,
    not only today)."""

    def __init__(self, env: Env, parent: QWidget) -> None:
        super().__init__(env, parent)
        days, months = self.tr(" days"), self.tr(" months")
        self.spins: dict[str, QSpinBox] = {}
        for name, text, low, high, suffix in (
            ("release_days", self.tr("&Release and discharge within"), 1, 180, days),
            ("care_days", self.tr("Leaving &care and aftercare within"), 7, 365, days),
            ("shelter_months", self.tr("S&helter stay longer than"), 1, 24, months),
            ("lease_days", self.tr("&Lease ending within"), 7, 365, days),
            ("eviction_days", self.tr("&Eviction dates within"), 1, 180, days),
            ("returned_days", self.tr("Returned to &homelessness, shown for"), 7, 365, days),
            ("inactive_days", self.tr("&Not seen for (also the overview)"), 14, 730, days),
            ("cold_weather_days", self.tr("Cold &weather: seen within"), 1, 180, days),
            ("overdue_days", self.tr("&Passed dates stay for"), 0, 60, days),
        ):
            spin = QSpinBox()
            spin.setRange(low, high)
            spin.setSuffix(suffix)
            self.form.add(name, text, spin)
            self.spins[name] = spin
        self.check_ins = QLineEdit()
        self.check_ins.setPlaceholderText("1, 3, 6, 12")
        self.form.add(
            "check_in_months", self.tr("Check-&ins after moving in (months)"), self.check_ins
        )
        self.form.add_widget(
            muted(self.tr("The thresholds belong to this profile and are kept encrypted in it."))
        )
        self.defaults_button = QPushButton(self.tr("&Defaults"))
        self.defaults_button.setAutoDefault(False)
        self.defaults_button.clicked.connect(lambda: self._show(RadarSettings()))
        self.finish(self.tr("Radar settings"), self.defaults_button)

    def load(self, ctx: Context) -> RadarSettings:
        return radar_service.load_settings(ctx.require())

    def store(self, ctx: Context, settings: RadarSettings) -> None:
        radar_service.save_settings(ctx.require(), settings)
        ctx.service(RadarCache).drop()

    def show_settings(self, settings: RadarSettings) -> None:
        self._show(settings)
        self.spins["release_days"].setFocus()

    def _show(self, settings: RadarSettings) -> None:
        for name, spin in self.spins.items():
            spin.setValue(int(getattr(settings, name)))
        self.check_ins.setText(", ".join(str(m) for m in settings.check_in_months))

    def candidate(self) -> RadarSettings | None:
        """The settings as entered; None (with the reason under the field) if they do not
        make sense."""
        self.form.clear_errors()
        base = self.settings or RadarSettings()
        values: dict[str, Any] = {name: spin.value() for name, spin in self.spins.items()}
        text = self.check_ins.text().replace(";", ",")
        try:
            months = tuple(int(part) for part in text.split(",") if part.strip())
        except ValueError:
            months = ()
        if (
            not months
            or list(months) != sorted(set(months))
            or not 1 <= months[0] <= months[-1] <= 120
        ):
            self.form.show_error(
                "check_in_months",
                self.tr("Write whole months from 1 to 120, smallest first, e.g. 1, 3, 6, 12."),
            )
            return None
        values["check_in_months"] = months
        # The look-back for inactive people must not be shorter than the threshold itself.
        values["inactive_lookback_days"] = max(base.inactive_lookback_days, values["inactive_days"])
        try:
            return replace(base, **values)
        except ValueError:
            self.message.show_error(self.tr("These settings do not fit together."))
            return None
