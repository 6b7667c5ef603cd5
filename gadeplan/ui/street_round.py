"""Street round mode: count anonymous contacts with a few keys, turn one into a person later.

Place stays filled in between tallies (a round moves slowly), the rough age is one of five
buttons (Alt+1 … Alt+5), and Enter counts. The list shows the round's tallies; when someone
gives a name, "Make a person" goes through the duplicate check like every new person.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, time

from msgspec.structs import replace
from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCompleter,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import Person
from gadeplan.app.errors import ValidationError
from gadeplan.app.services.quicklog import QuickLogService
from gadeplan.app.services.rounds import (
    AGE_BANDS,
    ROUND_SITUATIONS,
    StreetRoundService,
    Tally,
    TallyOutcome,
)
from gadeplan.app.services.session import DuplicateCandidate
from gadeplan.ui import i18n
from gadeplan.ui.env import Env
from gadeplan.ui.messages import error_text
from gadeplan.ui.quick_log import age_text
from gadeplan.ui.tasks import ChangeSet, Context
from gadeplan.ui.widgets import AgeBox, ChoiceBox, Form, MessageBar, hbox, heading, muted

TALLY_ROLE = Qt.ItemDataRole.UserRole + 1


class StreetRoundScreen(QWidget):
    def __init__(self, env: Env) -> None:
        super().__init__()
        self.env = env
        self.runner = env.runner
        local_midnight = datetime.combine(env.today(), time(0)).astimezone()
        self.since: datetime = local_midnight
        self.tallies: list[Tally] = []
        self.dialog: TallyToPersonDialog | None = None

        self.title = heading(self.tr("Street round"), wrap=False)
        self.intro = muted(
            self.tr(
                "Count anonymous contacts as you go. When someone gives their name, make the "
                "tally a person."
            )
        )
        self.message = MessageBar()
        self.started = QLabel()
        self.new_round = QPushButton(self.tr("Start a &new round"))
        self.new_round.clicked.connect(self.start_round)
        self.count = heading("", 2)

        self.form = Form()
        self.place = QLineEdit()
        self.form.add("place", self.tr("P&lace"), self.place)
        ages = QWidget()
        ages_layout = QVBoxLayout(ages)
        ages_layout.setContentsMargins(0, 0, 0, 0)
        row = hbox()
        self.age_group = QButtonGroup(self)
        labels = {
            "under_18": self.tr("&1 under 18"),
            "18_24": self.tr("&2 18–24"),
            "25_29": self.tr("&3 25–29"),
            "30_49": self.tr("&4 30–49"),
            "50_plus": self.tr("&5 50 or older"),
        }
        self.age_buttons: list[QRadioButton] = []
        for index, (code, _age) in enumerate(AGE_BANDS):
            button = QRadioButton(labels[code])
            self.age_group.addButton(button, index)
            self.age_buttons.append(button)
            row.addWidget(button)
        row.addStretch(1)
        ages_layout.addLayout(row)
        self.age_buttons[1].setChecked(True)
        self.form.add("approx_age", self.tr("Rough age"), ages)
        self.situation = ChoiceBox()
        for category in ROUND_SITUATIONS:
            self.situation.add(i18n.housing_short(category), category)
        self.form.add("situation", self.tr("&Situation"), self.situation)
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("Optional: what you can tell without a name"))
        self.form.add("description", self.tr("&Description"), self.description)
        self.add_button = QPushButton(self.tr("&Count (Enter)"))
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.add_tally)
        self.form.add_widget(self.add_button)
        for field in (self.place, self.description):
            field.returnPressed.connect(self.add_tally)

        self.list = QTreeWidget()
        self.list.setAccessibleName(self.tr("Tallies on this round"))
        self.list.setHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Place"),
                self.tr("Age"),
                self.tr("Situation"),
                self.tr("Description"),
            ]
        )
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setStretchLastSection(True)
        self.list.itemActivated.connect(lambda *_: self.make_person())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.person_button = QPushButton(self.tr("&Make a person…"))
        self.person_button.clicked.connect(self.make_person)

        tally_box = QGroupBox(self.tr("Count a contact"))
        QVBoxLayout(tally_box).addWidget(self.form)
        list_box = QGroupBox(self.tr("This round"))
        list_layout = QVBoxLayout(list_box)
        list_layout.addWidget(self.count)
        list_layout.addWidget(self.summary)
        list_layout.addWidget(self.list, 1)
        list_layout.addLayout(hbox(None, self.person_button))

        layout = QVBoxLayout(self)
        layout.addLayout(hbox(self.title, None, self.started, self.new_round))
        layout.addWidget(self.intro)
        layout.addWidget(self.message)
        layout.addWidget(tally_box)
        layout.addWidget(list_box, 1)
        self.setTabOrder(self.place, self.age_buttons[0])
        self._show_started()

    def start_round(self) -> None:
        self.since = self.env.access.clock.now()
        self._show_started()
        self.refresh()
        self.place.setFocus()

    def _show_started(self) -> None:
        self.started.setText(
            self.tr("Round since {time}").format(time=i18n.fmt_datetime(self.since))
        )

    # --- data ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        since = self.since

        def job(ctx: Context) -> tuple[list[Tally], list[str]]:
            tallies = ctx.service(StreetRoundService).tallies(since)
            return tallies, ctx.service(QuickLogService).recent_places()

        self.runner.submit(self, job, self._loaded)

    def data_changed(self, changes: ChangeSet) -> None:
        if "encounter" in changes.entities:
            self.refresh()

    def _loaded(
        self, result: tuple[list[Tally], list[str]] | None, error: BaseException | None
    ) -> None:
        if error is not None or result is None:
            self.message.show_error(error_text(error or RuntimeError()))
            return
        self.tallies, places = result
        if self.place.completer() is None and places:
            completer = QCompleter(places, self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.place.setCompleter(completer)
        self.list.clear()
        for tally in self.tallies:
            item = QTreeWidgetItem(
                [
                    i18n.fmt_datetime(tally.occurred_at)[-5:],
                    tally.place or "",
                    age_text(tally.approx_age) if tally.approx_age is not None else "",
                    i18n.housing_short(tally.situation),
                    tally.description or "",
                ]
            )
            item.setData(0, TALLY_ROLE, tally)
            self.list.addTopLevelItem(item)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first, 0, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.count.setText(self.tr("%n contacts on this round", "", len(self.tallies)))
        by_situation = Counter(t.situation for t in self.tallies if t.situation is not None)
        self.summary.setText(
            " · ".join(
                f"{i18n.housing_short(category)}: {count}"
                for category, count in by_situation.most_common()
            )
        )
        self.person_button.setEnabled(bool(self.tallies))

    def add_tally(self) -> None:
        band = max(0, self.age_group.checkedId())
        approx_age = AGE_BANDS[band][1]
        place = self.place.text().strip() or None
        situation = self.situation.value()
        description = self.description.text().strip() or None

        def job(ctx: Context) -> object:
            return ctx.service(StreetRoundService).add(place, approx_age, situation, description)

        def done(result: object, error: BaseException | None) -> None:
            if error is not None:
                self.message.show_error(error_text(error))
                return
            self.message.clear()
            self.description.clear()
            self.place.setFocus()

        self.runner.submit(self, job, done, mutates=True)

    def current_tally(self) -> Tally | None:
        item = self.list.currentItem()
        value = item.data(0, TALLY_ROLE) if item is not None else None
        return value if isinstance(value, Tally) else None

    def make_person(self) -> None:
        tally = self.current_tally()
        if tally is None:
            return
        self.dialog = TallyToPersonDialog(self.env, self, tally)
        self.dialog.open()


class TallyToPersonDialog(QDialog):
    """Someone from the round gave a name: a person, or someone already known."""

    done_with = Signal(str)

    def __init__(self, env: Env, parent: QWidget, tally: Tally) -> None:
        super().__init__(parent)
        self.env = env
        self.runner = env.runner
        self.tally = tally
        self.duplicates: tuple[DuplicateCandidate, ...] = ()
        self.setWindowTitle(self.tr("Make a person"))
        self.message = MessageBar()
        self.form = Form()
        self.alias = QLineEdit()
        self.form.add("alias", self.tr("&Nickname"), self.alias)
        self.name = QLineEdit()
        self.form.add("name", self.tr("Full na&me (if given)"), self.name)
        self.approx_age = AgeBox(self.tr("Unknown"))
        self.approx_age.setValue(tally.approx_age or 0)
        self.form.add("approx_age", self.tr("Approximate &age"), self.approx_age)
        self.duplicate_box = QWidget()
        self.duplicate_list = QListWidget()
        self.duplicate_list.setAccessibleName(self.tr("Possible duplicates"))
        label = QLabel(self.tr("Is it one of these?"))
        label.setBuddy(self.duplicate_list)
        self.use_existing = QPushButton(self.tr("&Yes, the one selected"))
        self.use_existing.clicked.connect(self._use_existing)
        self.create_new = QPushButton(self.tr("No, a ne&w person"))
        self.create_new.clicked.connect(lambda: self.save(confirmed_new=True))
        box = QVBoxLayout(self.duplicate_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(label)
        box.addWidget(self.duplicate_list)
        box.addLayout(hbox(self.use_existing, self.create_new, None))
        self.duplicate_box.hide()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save())
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Make a person"), 2))
        layout.addWidget(
            muted(
                self.tr(
                    "The tally becomes the person's first contact, and its situation their "
                    "first housing situation."
                )
            )
        )
        layout.addWidget(self.message)
        layout.addWidget(self.form)
        layout.addWidget(self.duplicate_box)
        layout.addLayout(hbox(None, cancel, self.save_button))
        self.alias.setFocus()

    def save(self, *, confirmed_new: bool = False) -> None:
        self.form.clear_errors()
        self.message.clear()
        tally = self.tally
        person = Person(
            id=new_id(),
            team_id="",
            alias=self.alias.text().strip(),
            name=self.name.text().strip() or None,
            approx_age=self.approx_age.value() or None,
            description=tally.description,
            places=(tally.place,) if tally.place else (),
            first_met_on=tally.occurred_at.date(),
        )
        errors = [e for e in person.validate() if e.field != "team_id"]
        if errors:
            for error in errors:
                self.form.show_error(error.field, i18n.field_error_text(error))
            self.alias.setFocus()
            return

        def job(ctx: Context) -> TallyOutcome:
            team = ctx.require().identity.team_id
            return ctx.service(StreetRoundService).to_person(
                tally.encounter_id, replace(person, team_id=team), confirmed_new=confirmed_new
            )

        self.runner.submit(self, job, self._saved, mutates=True)

    def _saved(self, outcome: TallyOutcome | None, error: BaseException | None) -> None:
        if error is not None or outcome is None:
            if isinstance(error, ValidationError):
                for e in error.errors:
                    if not self.form.show_error(e.field, i18n.field_error_text(e)):
                        self.message.show_error(i18n.field_error_text(e))
            else:
                self.message.show_error(error_text(error or RuntimeError()))
            return
        result = outcome.created
        if result.person is None:
            self.duplicates = result.duplicates
            self.duplicate_list.clear()
            for candidate in result.duplicates:
                p = candidate.person
                self.duplicate_list.addItem(f"{p.alias} ({p.name})" if p.name else p.alias)
            self.duplicate_list.setCurrentRow(0)
            self.duplicate_box.show()
            self.message.show_warning(
                self.tr("Someone like this is known already. Is it one of these?")
            )
            self.duplicate_list.setFocus()
            return
        self.done_with.emit(result.person.id)
        self.accept()

    def _use_existing(self) -> None:
        row = self.duplicate_list.currentRow()
        if not 0 <= row < len(self.duplicates):
            return
        person_id = self.duplicates[row].person.id
        encounter_id = self.tally.encounter_id

        def job(ctx: Context) -> object:
            return ctx.service(StreetRoundService).link(encounter_id, person_id)

        def done(result: object, error: BaseException | None) -> None:
            if error is not None:
                self.message.show_error(error_text(error))
                return
            self.done_with.emit(person_id)
            self.accept()

        self.runner.submit(self, job, done, mutates=True)

    def done(self, result: int) -> None:
        self.runner.forget(self)
        super().done(result)
