"""The screens of an open profile: Today, People, Street round, Conflicts, Radar, Overblik,
Reports, and the person being looked at.

It exists only while the profile is unlocked; locking deletes it with every child widget, model
and dialog, so nothing read from the store outlives the lock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from gadeplan.app.domain.records import TransitionKind
from gadeplan.ui.env import Env
from gadeplan.ui.lock import SensitiveClipboard
from gadeplan.ui.sync_status import SyncController
from gadeplan.ui.tasks import ChangeSet, Context
from gadeplan.ui.today import TodayScreen
from gadeplan.ui.widgets import MessageBar

if TYPE_CHECKING:
    from gadeplan.ui.conflicts import ConflictsScreen
    from gadeplan.ui.overview import OverviewScreen
    from gadeplan.ui.people import PeopleScreen
    from gadeplan.ui.person import PersonScreen
    from gadeplan.ui.quick_log import QuickLogDialog
    from gadeplan.ui.radar import RadarActions, RadarScreen
    from gadeplan.ui.reports import ReportsScreen
    from gadeplan.ui.street_round import StreetRoundScreen


def quick_log_class() -> type[QuickLogDialog]:
    """The quick log's module is imported once the unlocked window has painted (``settle``),
    so that neither the first paint nor Ctrl+N waits for it (its widgets' classes cost about
    8 ms to import)."""
    from gadeplan.ui.quick_log import QuickLogDialog

    return QuickLogDialog


class _Page(QWidget):
    """A tab's page until its screen is first needed (see Workspace._screen)."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)


class Workspace(QWidget):
    TODAY, PEOPLE, ROUND, CONFLICTS, RADAR, OVERVIEW, REPORTS, PERSON = range(8)

    def __init__(self, env: Env, clipboard: SensitiveClipboard, sync: SyncController) -> None:
        super().__init__()
        self.setObjectName("Workspace")
        self.env = env
        self.runner = env.runner
        self._settled = False
        self.clipboard = clipboard
        self.quick_log_dialog: QuickLogDialog | None = None
        self._loaded: set[int] = set()

        self.message = MessageBar()
        self.sync = sync
        self.today = TodayScreen(env)
        #: The other screens are made when first shown or asked for: the window shows sooner
        #: (Overblik's charts, the reports and the person page are a tenth of a second of
        #: imports and widgets), and a worker who only logs contacts never pays for them.
        self._screens: dict[int, QWidget] = {self.TODAY: self.today}
        self._factories: dict[int, Callable[[], QWidget]] = {
            self.PEOPLE: self._make_people,
            self.ROUND: self._make_round,
            self.CONFLICTS: self._make_conflicts,
            self.RADAR: self._make_radar,
            self.OVERVIEW: self._make_overview,
            self.REPORTS: self._make_reports,
            self.PERSON: self._make_person,
        }
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.today, self.tr("Today"))
        for title in (
            self.tr("People"),
            self.tr("Street round"),
            self.tr("Conflicts"),
            self.tr("Radar"),
            self.tr("Overview"),
            self.tr("Reports"),
            self.tr("Person"),
        ):
            self.tabs.addTab(_Page(), title)
        self.tabs.setTabVisible(self.PERSON, False)
        self.tabs.currentChanged.connect(self._tab_changed)

        self.today.open_person.connect(self.open_person)
        self.today.quick_log.connect(lambda: self.quick_log())
        self.runner.data_changed.connect(self._data_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs)
        self._previous_tab = self.TODAY

    # --- the screens, made on first use --------------------------------------------------------

    def _screen(self, index: int) -> QWidget:
        screen = self._screens.get(index)
        if screen is None:
            screen = self._factories[index]()
            page = self.tabs.widget(index)
            layout = page.layout() if page is not None else None
            assert layout is not None
            layout.addWidget(screen)
            screen.show()  # now, not when the layout gets round to it: the tab may be showing
            self._screens[index] = screen
        return screen

    def current_screen(self) -> QWidget | None:
        """The screen of the tab being shown (the tab's page holds it)."""
        return self._built(self.tabs.currentIndex())

    def _built(self, index: int) -> QWidget | None:
        return self._screens.get(index)

    @property
    def people(self) -> PeopleScreen:
        return cast("PeopleScreen", self._screen(self.PEOPLE))

    @property
    def round(self) -> StreetRoundScreen:
        return cast("StreetRoundScreen", self._screen(self.ROUND))

    @property
    def conflicts(self) -> ConflictsScreen:
        return cast("ConflictsScreen", self._screen(self.CONFLICTS))

    @property
    def radar(self) -> RadarScreen:
        return cast("RadarScreen", self._screen(self.RADAR))

    @property
    def overview(self) -> OverviewScreen:
        return cast("OverviewScreen", self._screen(self.OVERVIEW))

    @property
    def reports(self) -> ReportsScreen:
        return cast("ReportsScreen", self._screen(self.REPORTS))

    @property
    def person(self) -> PersonScreen:
        return cast("PersonScreen", self._screen(self.PERSON))

    def _make_people(self) -> QWidget:
        from gadeplan.ui.people import PeopleScreen

        screen = PeopleScreen(self.env)
        screen.open_person.connect(self.open_person)
        return screen

    def _make_round(self) -> QWidget:
        from gadeplan.ui.street_round import StreetRoundScreen

        return StreetRoundScreen(self.env)

    def _make_conflicts(self) -> QWidget:
        from gadeplan.ui.conflicts import ConflictsScreen

        screen = ConflictsScreen(self.env, self.sync)
        screen.open_person.connect(self.open_person)
        return screen

    def _make_radar(self) -> QWidget:
        from gadeplan.ui.radar import RadarScreen

        screen = RadarScreen(self.env)
        self._radar_actions(screen)
        screen.open_person.connect(self.open_person)
        screen.settings_changed.connect(self._radar_settings_changed)
        return screen

    def _radar_settings_changed(self, _: object) -> None:
        overview = self._built(self.OVERVIEW)
        if overview is not None:
            cast("OverviewScreen", overview).settings_changed()

    def _make_overview(self) -> QWidget:
        from gadeplan.ui.overview import OverviewScreen

        screen = OverviewScreen(self.env)
        screen.open_person.connect(self.open_person)
        return screen

    def _make_reports(self) -> QWidget:
        from gadeplan.ui.reports import ReportsScreen

        screen = ReportsScreen(self.env)
        screen.open_person.connect(self.open_person)
        return screen

    def _make_person(self) -> QWidget:
        from gadeplan.ui.person import PersonScreen

        screen = PersonScreen(self.env, self.clipboard)
        screen.quick_log.connect(self.quick_log)
        screen.back.connect(self._back)
        return screen

    # --- navigation ------------------------------------------------------------------------------

    @property
    def current_person_id(self) -> str | None:
        if self.tabs.isTabVisible(self.PERSON) and self._built(self.PERSON) is not None:
            return self.person.person_id
        return None

    def start(self) -> None:
        self.tabs.setCurrentIndex(self.TODAY)
        self._tab_changed(self.TODAY)

    def settle(self) -> None:
        """Once painted: what the first paint need not wait for. Idempotent."""
        if not self._settled:
            self._settled = True
            # Before the radar's: finding a person (Ctrl+F) is the likelier next step.
            self.runner.submit(self, _build_people_directory, _nothing, prefetch=True)
        if self.today.radar is None:
            box = self.today.make_radar()
            self._radar_actions(box)
            box.show_all.connect(lambda: self.show_tab(self.RADAR))
        quick_log_class()

    def show_tab(self, index: int) -> None:
        if 0 <= index < self.tabs.count() and self.tabs.isTabVisible(index):
            self.tabs.setCurrentIndex(index)

    def _tab_changed(self, index: int) -> None:
        """Each screen is made and loads when first shown; the person list may be long."""
        if index in self._factories:
            self._screen(index)
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
        dialog = quick_log_class()(self.env, self, person_id)
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

    def plan_transition(self, person_id: str, kind: str, on: date) -> None:
        """The radar's "plan" for a transition with no record yet: written for the worker."""
        self.open_person(person_id)
        self.person.plan_transition(TransitionKind(kind), on)

    def _radar_actions(self, actions: RadarActions) -> None:
        actions.quick_log.connect(self.quick_log)
        actions.open_person_at.connect(self.open_person_at)
        actions.plan_transition.connect(self.plan_transition)

    def _back(self) -> None:
        self.tabs.setCurrentIndex(self._previous_tab)

    def close_dialogs(self) -> None:
        for dialog in self.findChildren(QDialog):
            self.runner.forget(dialog)
            dialog.reject()

    def _data_changed(self, changes: ChangeSet) -> None:
        """Screens refresh from what a write changed; screens not yet shown load later."""
        for index, screen in self._screens.items():
            if index == self.PERSON:
                if self.tabs.isTabVisible(self.PERSON):
                    cast("PersonScreen", screen).data_changed(changes)
            elif index in self._loaded or index == self.REPORTS:
                screen.data_changed(changes)  # type: ignore[attr-defined]

    def set_open_items(self, conflicts: int, refused: int) -> None:
        """The badge on the Conflicts tab: how much waits for the worker there."""
        count = conflicts + refused
        title = self.tr("Conflicts")
        self.tabs.setTabText(self.CONFLICTS, f"{title} ({count})" if count else title)

    def sent(self) -> None:
        """A sync sent work and brought nothing: only the counts of unsent work changed."""
        if self.TODAY in self._loaded:
            self.today.refresh()


def _build_people_directory(ctx: Context) -> None:
    """The people list's directory (each person's situation and last contact), made on the
    worker while Today is read: the first Ctrl+F after unlocking then only searches. On the
    benchmark store it takes about half a second to make."""
    from gadeplan.app.services.people import PeopleService

    ctx.service(PeopleService).directory()


def _nothing(result: object, error: BaseException | None) -> None:
    """Prefetch work is dropped when nobody waits for it; this waits, and needs nothing."""
