"""The screens of an open profile: Today, People, Street round, Conflicts, Radar, Overblik,
Reports, and the person being looked at.

It exists only while the profile is unlocked; locking deletes it with every child widget, model
and dialog, so nothing read from the store outlives the lock.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from gadeplan.ui.conflicts import ConflictsScreen
from gadeplan.ui.env import Env
from gadeplan.ui.lock import SensitiveClipboard
from gadeplan.ui.overview import OverviewScreen
from gadeplan.ui.people import PeopleScreen
from gadeplan.ui.person import PersonScreen
from gadeplan.ui.quick_log import QuickLogDialog
from gadeplan.ui.radar import RadarActions, RadarScreen
from gadeplan.ui.reports import ReportsScreen
from gadeplan.ui.street_round import StreetRoundScreen
from gadeplan.ui.sync_status import SyncController
from gadeplan.ui.tasks import ChangeSet
from gadeplan.ui.today import TodayScreen
from gadeplan.ui.widgets import MessageBar


class Workspace(QWidget):
    TODAY, PEOPLE, ROUND, CONFLICTS, RADAR, OVERVIEW, REPORTS, PERSON = range(8)

    def __init__(self, env: Env, clipboard: SensitiveClipboard, sync: SyncController) -> None:
        super().__init__()
        self.setObjectName("Workspace")
        self.env = env
        self.runner = env.runner
        self.clipboard = clipboard
        self.quick_log_dialog: QuickLogDialog | None = None
        self._loaded: set[int] = set()

        self.message = MessageBar()
        self.today = TodayScreen(env)
        self.people = PeopleScreen(env)
        self.round = StreetRoundScreen(env)
        self.conflicts = ConflictsScreen(env, sync)
        self.radar = RadarScreen(env)
        self.overview = OverviewScreen(env)
        self.reports = ReportsScreen(env)
        self.person = PersonScreen(env, clipboard)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.today, self.tr("Today"))
        self.tabs.addTab(self.people, self.tr("People"))
        self.tabs.addTab(self.round, self.tr("Street round"))
        self.tabs.addTab(self.conflicts, self.tr("Conflicts"))
        self.tabs.addTab(self.radar, self.tr("Radar"))
        self.tabs.addTab(self.overview, self.tr("Overview"))
        self.tabs.addTab(self.reports, self.tr("Reports"))
        self.tabs.addTab(self.person, self.tr("Person"))
        self.tabs.setTabVisible(self.PERSON, False)
        self.tabs.currentChanged.connect(self._tab_changed)

        self.today.open_person.connect(self.open_person)
        self.today.quick_log.connect(lambda: self.quick_log())
        self.people.open_person.connect(self.open_person)
        self.conflicts.open_person.connect(self.open_person)
        for actions in (self.radar, self.today.radar):
            self._radar_actions(actions)
        self.today.radar.show_all.connect(lambda: self.show_tab(self.RADAR))
        self.radar.open_person.connect(self.open_person)
        self.radar.settings_changed.connect(lambda _: self.overview.settings_changed())
        self.overview.open_person.connect(self.open_person)
        self.reports.open_person.connect(self.open_person)
        self.person.quick_log.connect(self.quick_log)
        self.person.back.connect(self._back)
        self.runner.data_changed.connect(self._data_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs)
        self._previous_tab = self.TODAY

    @property
    def current_person_id(self) -> str | None:
        if self.tabs.isTabVisible(self.PERSON):
            return self.person.person_id
        return None

    def start(self) -> None:
        self.tabs.setCurrentIndex(self.TODAY)
        self._tab_changed(self.TODAY)

    def show_tab(self, index: int) -> None:
        if 0 <= index < self.tabs.count() and self.tabs.isTabVisible(index):
            self.tabs.setCurrentIndex(index)

    def _tab_changed(self, index: int) -> None:
        """Each screen loads when first shown; the person list may be long."""
        if index != self.PERSON:
            self._previous_tab = index
        if index in self._loaded:
            return
        self._loaded.add(index)
        if index == self.TODAY:
            self.today.refresh()
        elif index == self.PEOPLE:
            self.people.refresh()
        elif index == self.ROUND:
            self.round.refresh()
        elif index == self.CONFLICTS:
            self.conflicts.refresh()
        elif index == self.RADAR:
            self.radar.refresh()
        elif index == self.OVERVIEW:
            self.overview.refresh()

    def quick_log(self, person_id: str | None = None) -> QuickLogDialog:
        """Ctrl+N: on a person's screen, for that person."""
        if self.quick_log_dialog is not None and self.quick_log_dialog.isVisible():
            self.quick_log_dialog.raise_()
            self.quick_log_dialog.activateWindow()
            return self.quick_log_dialog
        if person_id is None and self.tabs.currentIndex() == self.PERSON:
            person_id = self.person.person_id
        dialog = QuickLogDialog(self.env, self, person_id)
        dialog.saved.connect(self._logged)
        self.quick_log_dialog = dialog
        dialog.open()
        return dialog

    def _logged(self, who: str) -> None:
        if who:
            self.message.show_info(self.tr("Logged: {who}.").format(who=who))
        else:
            self.message.show_info(self.tr("Anonymous contact logged."))

    def find_person(self) -> None:
        self.show_tab(self.PEOPLE)
        self.people.focus_search()

    def open_person(self, person_id: str) -> None:
        self.tabs.setTabVisible(self.PERSON, True)
        self.person.load(person_id)
        self.tabs.setCurrentIndex(self.PERSON)
        self.person.back_button.setFocus()

    def open_person_at(self, person_id: str, part: str, record_id: str) -> None:
        """The radar's "plan": the person, scrolled to where the plan is written."""
        self.open_person(person_id)
        self.person.show_part(part, record_id)

    def _radar_actions(self, actions: RadarActions) -> None:
        actions.quick_log.connect(self.quick_log)
        actions.open_person_at.connect(self.open_person_at)

    def _back(self) -> None:
        self.tabs.setCurrentIndex(self._previous_tab)

    def close_dialogs(self) -> None:
        for dialog in self.findChildren(QDialog):
            self.runner.forget(dialog)
            dialog.reject()

    def _data_changed(self, changes: ChangeSet) -> None:
        """Screens refresh from what a write changed; screens not yet shown load later."""
        if self.TODAY in self._loaded:
            self.today.data_changed(changes)
        if self.PEOPLE in self._loaded:
            self.people.data_changed(changes)
        if self.ROUND in self._loaded:
            self.round.data_changed(changes)
        if self.CONFLICTS in self._loaded:
            self.conflicts.data_changed(changes)
        if self.RADAR in self._loaded:
            self.radar.data_changed(changes)
        if self.OVERVIEW in self._loaded:
            self.overview.data_changed(changes)
        self.reports.data_changed(changes)
        if self.tabs.isTabVisible(self.PERSON):
            self.person.data_changed(changes)

    def set_open_items(self, conflicts: int, refused: int) -> None:
        """The badge on the Conflicts tab: how much waits for the worker there."""
        count = conflicts + refused
        title = self.tr("Conflicts")
        self.tabs.setTabText(self.CONFLICTS, f"{title} ({count})" if count else title)

    def sent(self) -> None:
        """A sync sent work and brought nothing: only the counts of unsent work changed."""
        if self.TODAY in self._loaded:
            self.today.refresh()
