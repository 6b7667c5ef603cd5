"""The quick log (Ctrl+N anywhere): log a contact in the time it takes to write the note.

For a known person: Ctrl+N, three letters of their name, Enter, the note, Ctrl+Enter. The
housing situation and the place are already filled in with what was last known, the channel
with the one used last; Tab from the note reaches the next step and the follow-up date (``+7``
is a week from today). An anonymous contact needs an approximate age or a few words; a new
person goes through the duplicate check ("Is it one of these?") before anything is saved.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import UTC, date, datetime, timedelta

import msgspec
from msgspec.structs import replace
from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QEvent,
    QItemSelectionModel,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gadeplan.app.domain.housing import DATED_CATEGORIES, HousingCategory
from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import Channel, Encounter, FieldError, Person
from gadeplan.app.errors import ValidationError
from gadeplan.app.services.quicklog import LogResult, PersonHit, Prefill, QuickLogService
from gadeplan.app.services.session import DuplicateCandidate
from gadeplan.ui import i18n
from gadeplan.ui.env import Env
from gadeplan.ui.messages import error_text
from gadeplan.ui.tasks import Context
from gadeplan.ui.widgets import (
    AgeBox,
    ChoiceBox,
    DateField,
    FieldInputError,
    Form,
    MessageBar,
    hbox,
    heading,
    muted,
)

CHOICE_ROLE = Qt.ItemDataRole.UserRole + 1
#: How far past the laptop's clock a contact's time may be set (clocks drift a little).
FUTURE_SLACK = timedelta(minutes=5)
PERSON, ANONYMOUS, NEW = "person", "anonymous", "new"


class Choice(msgspec.Struct, frozen=True):
    kind: str
    hit: PersonHit | None = None
    text: str = ""


def person_summary(hit: PersonHit) -> str:
    parts = [hit.alias]
    if hit.name:
        parts[0] = f"{hit.alias} ({hit.name})"
    if hit.age is not None:
        parts.append(age_text(hit.age))
    if hit.situation is not None:
        parts.append(i18n.housing_short(hit.situation))
    if hit.places:
        parts.append(hit.places[0])
    return i18n.join(parts, ", ")


def age_text(years: int) -> str:
    return QCoreApplication.translate("Age", "%n years", None, years)


class _SearchKeys(QObject):
    """Up, Down, Page keys in the search field move through the suggestions, so the hands
    never leave the letters."""

    def __init__(self, results: QListWidget, parent: QObject) -> None:
        super().__init__(parent)
        self.results = results

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            count = self.results.count()
            if count and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.results.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
                self.results.setCurrentRow(max(0, min(count - 1, row)))
                return True
        return False


class QuickLogDialog(QDialog):
    saved = Signal(str)  # the alias of who was logged, or "" for an anonymous contact

    def __init__(self, env: Env, parent: QWidget, person_id: str | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.runner = env.runner
        self.setWindowTitle(self.tr("Quick log"))
        self.setObjectName("QuickLogDialog")
        self.choice: Choice | None = None
        self.duplicates: tuple[DuplicateCandidate, ...] = ()
        self._searching = False
        self._pending_search: str | None = None
        self._saving = False
        self._prefilled_place: str | None = None
        self._draft: dict[str, object] | None = None

        self.title = heading(self.tr("Quick log"), 2)
        self.message = MessageBar()

        # Who --------------------------------------------------------------------------------
        self.who = Form()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Nickname, name or place…"))
        self.search.setClearButtonEnabled(True)
        self.who.add("person", self.tr("&Person"), self.search)
        self.search.setAccessibleDescription(
            self.tr("Type to search; Up and Down choose a suggestion, Enter takes it.")
        )
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Suggestions"))
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setMaximumHeight(150)
        self.results.itemClicked.connect(lambda item: self._take(item))
        self.who.add_widget(self.results)
        self.chosen = QLabel()
        self.chosen.setWordWrap(True)
        font = self.chosen.font()
        font.setBold(True)
        self.chosen.setFont(font)
        self.who.add_widget(self.chosen)
        self.search.installEventFilter(_SearchKeys(self.results, self))
        self.search.textEdited.connect(self._search_edited)
        self.search.returnPressed.connect(self._take_current)

        # Anonymous and new person -------------------------------------------------------------
        self.details = Form()
        self.alias = QLineEdit()
        self.details.add("alias", self.tr("&Nickname"), self.alias)
        self.name = QLineEdit()
        self.details.add("name", self.tr("Full na&me (if given)"), self.name)
        self.approx_age = AgeBox(self.tr("Unknown"))
        self.details.add("approx_age", self.tr("Approximate &age"), self.approx_age)
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("What you can tell without a name"))
        self.details.add("description", self.tr("&Description"), self.description)

        # Duplicate check ----------------------------------------------------------------------
        self.duplicate_box = QWidget()
        self.duplicate_label = QLabel(self.tr("Is it one of these?"))
        self.duplicate_list = QListWidget()
        self.duplicate_list.setAccessibleName(self.tr("Possible duplicates"))
        self.duplicate_list.setMaximumHeight(110)
        self.duplicate_label.setBuddy(self.duplicate_list)
        self.use_existing = QPushButton(self.tr("&Yes, the one selected"))
        self.use_existing.clicked.connect(self._use_existing)
        self.create_new = QPushButton(self.tr("No, a ne&w person"))
        self.create_new.clicked.connect(self._create_new)
        duplicate_layout = QVBoxLayout(self.duplicate_box)
        duplicate_layout.setContentsMargins(0, 0, 0, 0)
        duplicate_layout.addWidget(self.duplicate_label)
        duplicate_layout.addWidget(self.duplicate_list)
        duplicate_layout.addLayout(hbox(self.use_existing, self.create_new, None))

        # What ---------------------------------------------------------------------------------
        self.what = Form()
        self.situation = ChoiceBox()
        self.situation.add(self.tr("Not recorded"), None)
        for label, value in i18n.choices(i18n.HOUSING):
            self.situation.add(label, value)
        self.situation.currentIndexChanged.connect(self._situation_changed)
        self.what.add("situation", self.tr("&Housing situation"), self.situation)
        self.expected = DateField(env.today)
        self.what.add("expected_date", self.tr("E&xpected release/discharge"), self.expected)
        self.place = QLineEdit()
        self.what.add("place", self.tr("P&lace"), self.place)
        self.channel = ChoiceBox()
        for label, value in i18n.choices(i18n.CHANNELS):
            self.channel.add(label, value)
        self.channel.set_value(env.prefs.last_channel)
        self.what.add("channel", self.tr("&Channel"), self.channel)
        # When: now, unless the worker writes it up later (in the car, after the night round).
        self.when = QDateTimeEdit()
        self.when.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.when.setCalendarPopup(True)
        self._opened_at = self._set_when_to_now()
        self.what.add("occurred_at", self.tr("Whe&n"), self.when)
        self.topics = QListWidget()
        self.topics.setFlow(QListView.Flow.LeftToRight)
        self.topics.setWrapping(True)
        self.topics.setResizeMode(QListView.ResizeMode.Adjust)
        self.topics.setSpacing(2)
        self.topics.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.topics.setMaximumHeight(84)
        for value in i18n.TOPICS:
            item = QListWidgetItem(i18n.topic(value))
            item.setData(CHOICE_ROLE, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.topics.addItem(item)
        self.topics.setCurrentRow(0, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.topics.itemActivated.connect(self._toggle_topic)
        self.what.add("topics", self.tr("&Topics"), self.topics)
        self.topics.setAccessibleDescription(self.tr("Arrow keys move, Space ticks a topic."))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("What happened, what was agreed"))
        self.what.add("note", self.tr("N&ote"), self.note, stretch=True)
        self.next_step = QLineEdit()
        self.what.add("next_step", self.tr("Ne&xt step"), self.next_step)
        self.follow_up = DateField(env.today)
        self.follow_up.setPlaceholderText(self.tr("DD-MM-YYYY, or +7 for a week from today"))
        self.what.add("follow_up_on", self.tr("&Follow up on"), self.follow_up)

        self.save_button = QPushButton(self.tr("&Save (Ctrl+Enter)"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"))
        self.cancel_button.clicked.connect(self.reject)
        for button in (self.save_button, self.cancel_button, self.use_existing, self.create_new):
            # Enter in a field must never save half a log by accident; Ctrl+Enter saves.
            button.setAutoDefault(False)
        self.hint = muted(self.tr("Ctrl+Enter saves. Esc closes without saving."))

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.who)
        layout.addWidget(self.details)
        layout.addWidget(self.duplicate_box)
        layout.addWidget(self.what, 1)
        layout.addLayout(hbox(self.hint, None, self.cancel_button, self.save_button))

        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.activated.connect(self.save)
        for field in (self.place, self.next_step, self.alias, self.name, self.description):
            field.returnPressed.connect(self.focusNextChild)

        self.setTabOrder(self.search, self.alias)
        self.setTabOrder(self.alias, self.name)
        self.setTabOrder(self.name, self.approx_age)
        self.setTabOrder(self.approx_age, self.description)
        self.setTabOrder(self.description, self.situation)
        self.setTabOrder(self.situation, self.expected)
        self.setTabOrder(self.expected, self.place)
        self.setTabOrder(self.place, self.channel)
        self.setTabOrder(self.channel, self.when)
        self.setTabOrder(self.when, self.topics)
        self.setTabOrder(self.topics, self.note)
        self.setTabOrder(self.note, self.next_step)
        self.setTabOrder(self.next_step, self.follow_up)
        self.setTabOrder(self.follow_up, self.save_button)
        self.setTabOrder(self.save_button, self.cancel_button)

        self.resize(640, 720)
        self._set_choice(None)
        self._fill_suggestions([])
        self._load_places()
        if person_id is not None:
            self._preselect(person_id)
        self.search.setFocus()

    # --- finding the person ----------------------------------------------------------------------

    def _search_edited(self, text: str) -> None:
        if self.choice is not None:
            self._set_choice(None)
        if not text.strip():
            self._fill_suggestions([])
            return
        if self._searching:
            self._pending_search = text
            return
        self._run_search(text)

    def _run_search(self, text: str) -> None:
        self._searching = True

        def job(ctx: Context) -> list[PersonHit]:
            return ctx.service(QuickLogService).find(text)

        self.runner.submit(self, job, self._found)

    def _found(self, hits: list[PersonHit] | None, error: BaseException | None) -> None:
        self._searching = False
        if self._pending_search is not None:
            text, self._pending_search = self._pending_search, None
            self._run_search(text)
            return
        if error is not None:
            self.message.show_error(error_text(error))
            return
        self._fill_suggestions(hits or [])

    def _fill_suggestions(self, hits: list[PersonHit]) -> None:
        self.results.clear()
        text = self.search.text().strip()
        for hit in hits:
            item = QListWidgetItem(person_summary(hit))
            item.setData(CHOICE_ROLE, Choice(PERSON, hit))
            self.results.addItem(item)
        anonymous = QListWidgetItem(self.tr("Anonymous contact"))
        anonymous.setData(CHOICE_ROLE, Choice(ANONYMOUS))
        self.results.addItem(anonymous)
        label = self.tr("New person: {name}").format(name=text) if text else self.tr("New person")
        new = QListWidgetItem(label)
        new.setData(CHOICE_ROLE, Choice(NEW, text=text))
        self.results.addItem(new)
        self.results.setCurrentRow(0)

    def _take_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self._take(item)

    def _take(self, item: QListWidgetItem) -> None:
        choice = item.data(CHOICE_ROLE)
        if isinstance(choice, Choice):
            self._set_choice(choice)

    def _preselect(self, person_id: str) -> None:
        def job(ctx: Context) -> list[PersonHit]:
            service = ctx.service(QuickLogService)
            session = ctx.require()
            person = session.get(Person, person_id)
            if person is None:
                return []
            return [h for h in service.find(person.alias, limit=25) if h.id == person_id]

        def done(hits: list[PersonHit] | None, error: BaseException | None) -> None:
            if hits:
                self.search.setText(hits[0].alias)
                self._set_choice(Choice(PERSON, hits[0]))
            elif self._draft is not None:  # the person is gone from this laptop: keep the text
                self._apply_draft()

        self.runner.submit(self, job, done)

    def _set_choice(self, choice: Choice | None) -> None:
        self.choice = choice
        self.duplicates = ()
        self.duplicate_box.hide()
        kind = choice.kind if choice else None
        self.results.setVisible(choice is None)
        self.chosen.setVisible(choice is not None)
        self.details.setVisible(kind in (ANONYMOUS, NEW))
        for name in ("alias", "name"):
            visible = kind == NEW
            self.details.inputs[name].setVisible(visible)
            self.details.labels[name].setVisible(visible)
        self.details.clear_errors()
        self.what.clear_errors()
        self.message.clear()
        if self._prefilled_place and self.place.text() == self._prefilled_place:
            # What was filled in for someone else does not belong to the next choice.
            self.place.clear()
        self._prefilled_place = None
        if choice is None:
            self.chosen.clear()
            self._situation_changed()
            return
        if kind == PERSON and choice.hit is not None:
            self.chosen.setText(person_summary(choice.hit))
            self._prefill(choice.hit.id)
            self.note.setFocus()
        elif kind == ANONYMOUS:
            self.chosen.setText(self.tr("Anonymous contact"))
            self.situation.setCurrentIndex(0)
            self.approx_age.setFocus(Qt.FocusReason.TabFocusReason)
            self.approx_age.selectAll()  # typing replaces "Unknown"
        else:
            self.chosen.setText(self.tr("New person"))
            self.alias.setText(choice.text)
            self.situation.setCurrentIndex(0)
            self.alias.setFocus()
            self.alias.selectAll()

    def _prefill(self, person_id: str) -> None:
        def job(ctx: Context) -> Prefill:
            return ctx.service(QuickLogService).prefill(person_id)

        def done(prefill: Prefill | None, error: BaseException | None) -> None:
            if self._draft is not None:  # what the worker had typed wins over what is known
                self._apply_draft()
                return
            if prefill is None or self.choice is None or self.choice.kind != PERSON:
                return
            self.situation.set_value(prefill.situation)
            self.expected.set_value(prefill.expected_date)
            if prefill.place and not self.place.text().strip():
                self.place.setText(prefill.place)
                self._prefilled_place = prefill.place

        self.runner.submit(self, job, done)

    # --- a draft kept over a lock --------------------------------------------------------------

    def draft(self) -> dict[str, object] | None:
        """What the worker has typed, to keep when the window locks; None when nothing is."""
        texts = {
            "search": self.search.text(),
            "alias": self.alias.text(),
            "name": self.name.text(),
            "description": self.description.text(),
            "expected": self.expected.text(),
            "place": self.place.text(),
            "note": self.note.toPlainText(),
            "next_step": self.next_step.text(),
            "follow_up": self.follow_up.text(),
        }
        typed = ("alias", "name", "description", "note", "next_step", "follow_up")
        topics = list(self.selected_topics())
        if not any(texts[k].strip() for k in typed) and not topics:
            return None
        choice = self.choice
        situation = self.situation.value()
        return {
            "version": 1,
            "kind": choice.kind if choice else None,
            "person_id": choice.hit.id if choice and choice.hit else None,
            "approx_age": self.approx_age.value() or None,
            "situation": str(situation) if situation else None,
            "channel": str(self.channel.value()),
            "when": self.when.dateTime().toSecsSinceEpoch(),
            "topics": topics,
            **texts,
        }

    def restore(self, draft: dict[str, object]) -> None:
        """Fill in a draft kept at the last lock; the person is looked up again first."""
        self._draft = draft
        kind = draft.get("kind")
        person_id = draft.get("person_id")
        if kind == PERSON and isinstance(person_id, str):
            self._preselect(person_id)  # then _prefill, which applies the draft
            return
        if kind in (ANONYMOUS, NEW):
            self._set_choice(Choice(str(kind), None, str(draft.get("alias") or "")))
        self._apply_draft()

    def _apply_draft(self) -> None:
        draft, self._draft = self._draft or {}, None

        def text(key: str) -> str:
            value = draft.get(key)
            return value if isinstance(value, str) else ""

        if self.choice is None:  # no one chosen yet, or gone from the laptop: search again
            self.search.setText(text("search"))
            self._search_edited(self.search.text())
        for key, field in (
            ("alias", self.alias),
            ("name", self.name),
            ("description", self.description),
            ("expected", self.expected),
            ("place", self.place),
            ("next_step", self.next_step),
            ("follow_up", self.follow_up),
        ):
            field.setText(text(key))
        self.note.setPlainText(text("note"))
        age = draft.get("approx_age")
        self.approx_age.setValue(age if isinstance(age, int) else 0)
        try:
            self.situation.set_value(HousingCategory(text("situation")))
        except ValueError:
            self.situation.set_value(None)
        with suppress(ValueError):  # unreadable: as it is, the last channel used
            self.channel.set_value(Channel(text("channel")))
        topics = draft.get("topics")
        wanted = {t for t in topics if isinstance(t, str)} if isinstance(topics, list) else set()
        for row in range(self.topics.count()):
            item = self.topics.item(row)
            if item is not None:
                checked = item.data(CHOICE_ROLE) in wanted
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        when = draft.get("when")
        if isinstance(when, int):
            # The time it was being written, not the time it is saved: it happened then.
            self.when.setDateTime(QDateTime.fromSecsSinceEpoch(when))
        self._situation_changed()
        self.message.show_info(
            self.tr("This was being written when Gadeplan locked. Check it, then save.")
        )
        self.note.setFocus()

    def _load_places(self) -> None:
        def job(ctx: Context) -> list[str]:
            return ctx.service(QuickLogService).recent_places()

        def done(places: list[str] | None, error: BaseException | None) -> None:
            if places:
                completer = QCompleter(places, self)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                self.place.setCompleter(completer)

        self.runner.submit(self, job, done)

    def _set_when_to_now(self) -> QDateTime:
        """Shown in local time; later than now (give or take a clock's drift) is refused."""
        now = self.env.access.clock.now()
        shown = QDateTime.fromSecsSinceEpoch(int(now.timestamp()))
        self.when.setMaximumDateTime(shown.addSecs(int(FUTURE_SLACK.total_seconds())))
        self.when.setDateTime(shown)
        return shown

    def occurred_at(self) -> datetime:
        """The time the worker gave, or, untouched, the moment of saving (not of opening)."""
        if self.when.dateTime() == self._opened_at:
            return self.env.access.clock.now()
        return datetime.fromtimestamp(self.when.dateTime().toSecsSinceEpoch(), UTC)

    def _situation_changed(self) -> None:
        dated = self.situation.value() in DATED_CATEGORIES
        self.expected.setVisible(dated)
        self.what.labels["expected_date"].setVisible(dated)

    def _toggle_topic(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    # --- saving ----------------------------------------------------------------------------------

    def selected_topics(self) -> tuple[str, ...]:
        found = []
        for row in range(self.topics.count()):
            item = self.topics.item(row)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                found.append(str(item.data(CHOICE_ROLE)))
        return tuple(found)

    def _encounter(self) -> tuple[Encounter, HousingCategory | None, date | None]:
        """The encounter as typed; raises ValidationError with every problem at once."""
        errors: list[FieldError] = []
        dates: dict[str, date | None] = {}
        for name, widget in (("follow_up_on", self.follow_up), ("expected_date", self.expected)):
            try:
                wanted = name == "follow_up_on" or not widget.isHidden()
                dates[name] = widget.value() if wanted else None
            except FieldInputError as exc:
                errors.append(FieldError(name, exc.code, ""))
        if errors:
            raise ValidationError(errors)
        situation = self.situation.value()
        assert self.choice is not None
        anonymous = self.choice.kind == ANONYMOUS
        person_id = self.choice.hit.id if self.choice.kind == PERSON and self.choice.hit else None
        encounter = Encounter(
            id=new_id(),
            team_id="",  # filled on the worker, where the session knows the team
            occurred_at=self.occurred_at(),
            channel=self.channel.value(),
            person_id=person_id,
            place=self.place.text().strip() or None,
            approx_age=(self.approx_age.value() or None) if anonymous else None,
            description=(self.description.text().strip() or None) if anonymous else None,
            situation=situation,
            topics=self.selected_topics(),
            note=self.note.toPlainText().strip() or None,
            next_step=self.next_step.text().strip() or None,
            follow_up_on=dates["follow_up_on"],
        )
        # A new person's encounter will belong to them; check it as such.
        checked = replace(encounter, person_id="new") if self.choice.kind == NEW else encounter
        errors = [e for e in checked.validate() if e.field != "team_id"]
        if situation in DATED_CATEGORIES and dates.get("expected_date") is None:
            errors.append(FieldError("expected_date", "required", ""))
        if errors:
            raise ValidationError(errors)
        return encounter, situation, dates.get("expected_date")

    def _new_person(self) -> Person:
        person = Person(
            id=new_id(),
            team_id="",
            alias=self.alias.text().strip(),
            name=self.name.text().strip() or None,
            approx_age=self.approx_age.value() or None,
            description=self.description.text().strip() or None,
            places=(self.place.text().strip(),) if self.place.text().strip() else (),
            first_met_on=self.env.today(),
        )
        errors = [e for e in person.validate() if e.field != "team_id"]
        if errors:
            raise ValidationError(errors)
        return person

    def save(self, *, confirmed_new: bool = False, existing: str | None = None) -> None:
        if self._saving:
            return
        self.message.clear()
        self.details.clear_errors()
        self.what.clear_errors()
        if self.choice is None:
            self.message.show_error(
                self.tr(
                    "Choose the person first: a suggestion, an anonymous contact or a new person."
                )
            )
            self.search.setFocus()
            return
        try:
            encounter, situation, expected = self._encounter()
            person = self._new_person() if self.choice.kind == NEW and existing is None else None
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return
        self._saving = True
        self.save_button.setEnabled(False)
        prefs = self.env.prefs
        prefs.last_channel = encounter.channel

        def job(ctx: Context) -> LogResult:
            service = ctx.service(QuickLogService)
            team = ctx.require().identity.team_id
            enc = replace(encounter, team_id=team)
            if existing is not None:
                return service.log(replace(enc, person_id=existing), situation, expected)
            if person is not None:
                return service.log_new_person(
                    replace(person, team_id=team),
                    enc,
                    situation,
                    expected,
                    confirmed_new=confirmed_new,
                )
            return service.log(enc, situation, expected)

        self.runner.submit(self, job, self._saved, mutates=True)

    def _saved(self, result: LogResult | None, error: BaseException | None) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if error is not None or result is None:
            if isinstance(error, ValidationError):
                self._show_errors(error.errors)
            else:
                self.message.show_error(error_text(error or RuntimeError()))
            return
        if result.duplicates is not None:
            self._show_duplicates(result.duplicates.duplicates)
            return
        who = ""
        if self.choice is not None and self.choice.kind == PERSON and self.choice.hit:
            who = self.choice.hit.alias
        elif result.person is not None:
            who = result.person.alias
        elif self.duplicates:
            row = self.duplicate_list.currentRow()
            who = self.duplicates[max(0, row)].person.alias
        self.saved.emit(who)
        self.accept()

    def _show_errors(self, errors: list[FieldError]) -> None:
        general: list[str] = []
        first: QWidget | None = None
        for error in errors:
            text = i18n.field_error_text(error)
            shown = False
            for form in (self.details, self.what):
                if form.show_error(error.field, text):
                    shown = True
                    first = first or form.inputs[error.field]
            if not shown:
                general.append(text)
        if general:
            self.message.show_error(" ".join(general))
        if first is not None:
            first.setFocus()

    def _show_duplicates(self, candidates: tuple[DuplicateCandidate, ...]) -> None:
        self.duplicates = candidates
        self.duplicate_list.clear()
        today = self.env.today()
        for candidate in candidates:
            person = candidate.person
            parts = [f"{person.alias} ({person.name})" if person.name else person.alias]
            age = person.age_on(today)
            if age is not None:
                parts.append(age_text(age))
            if person.places:
                parts.append(person.places[0])
            self.duplicate_list.addItem(i18n.join(parts, ", "))
        self.duplicate_list.setCurrentRow(0)
        self.duplicate_box.show()
        self.message.show_warning(
            self.tr("Someone like this is known already. Is it one of these?")
        )
        self.duplicate_list.setFocus()

    def _use_existing(self) -> None:
        row = self.duplicate_list.currentRow()
        if 0 <= row < len(self.duplicates):
            self.save(existing=self.duplicates[row].person.id)

    def _create_new(self) -> None:
        self.save(confirmed_new=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()
        if self.choice is None:
            self.search.setFocus()

    def done(self, result: int) -> None:
        # A closed dialog must never receive a late answer from the worker.
        self.runner.forget(self)
        super().done(result)
