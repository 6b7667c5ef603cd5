"""The screens of an open profile: Today, People, Street round, and the person being looked at.

It exists only while the profile is unlocked; locking deletes it with every child widget, model
and dialog, so nothing read from the store outlives the lock.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from gadeplan.ui.env import Env
from gadeplan.ui.lock import SensitiveClipboard
from gadeplan.ui.people import PeopleScreen
from gadeplan.ui.person import PersonScreen
from gadeplan.ui.quick_log import QuickLogDialog
from gadeplan.ui.street_round import StreetRoundScreen
from gadeplan.ui.tasks import ChangeSet
from gadeplan.ui.today import TodayScreen
from gadeplan.ui.widgets import MessageBar


class Workspace(QWidget):
    TODAY, PEOPLE, ROUND, PERSON = 0, 1, 2, 3

    def __init__(self, env: Env, clipboard: SensitiveClipboard) -> None:
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
        self.person = PersonScreen(env, clipboard)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.today, self.tr("Today"))
        self.tabs.addTab(self.people, self.tr("People"))
        self.tabs.addTab(self.round, self.tr("Street round"))
        self.tabs.addTab(self.person, self.tr("Person"))
        self.tabs.setTabVisible(self.PERSON, False)
        self.tabs.currentChanged.connect(self._tab_changed)

        self.today.open_person.connect(self.open_person)
        self.today.quick_log.connect(lambda: self.quick_log())
        self.people.open_person.connect(self.open_person)
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
        if self.tabs.isTabVisible(self.PERSON):
            self.person.data_changed(changes)
