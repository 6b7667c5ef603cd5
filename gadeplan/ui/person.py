"""One person's whole picture, and every part of it editable.

Header (nickname, name, age, CPR masked until an audited reveal, contact person, phones), the
housing situation now and its history, the encounters newest first, transitions ahead, eviction
cases, housing offers, the support plan in the person's own words, consents and referrals,
follow-ups. Append-only records (housing entries, encounters) can be corrected only by the
worker who wrote them; the rest by anyone in the team.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from msgspec.structs import replace
from PySide6.QtCore import QItemSelectionModel, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gadeplan.app.domain import cpr as cpr_rules
from gadeplan.app.domain.housing import HousingCategory
from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import (
    Consent,
    Encounter,
    EvictionCase,
    EvictionStatus,
    FollowUp,
    GoalStatus,
    HousingOffer,
    HousingStatus,
    LegalBasis,
    OfferKind,
    OfferStatus,
    Referral,
    ReferralOutcome,
    SupportArea,
    SupportGoal,
    TeamRecord,
    Transition,
    TransitionKind,
)
from gadeplan.app.errors import ValidationError
from gadeplan.app.services.person_page import PersonPage, load_person
from gadeplan.app.services.session import Session
from gadeplan.ui import i18n
from gadeplan.ui.env import Env
from gadeplan.ui.forms import FieldSpec, RecordDialog
from gadeplan.ui.lock import SensitiveClipboard
from gadeplan.ui.messages import error_text
from gadeplan.ui.quick_log import age_text
from gadeplan.ui.tasks import ChangeSet, Context
from gadeplan.ui.widgets import MessageBar, hbox, heading, muted

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
#: A revealed CPR number goes back under the mask after this long.
REVEAL_MS = 30_000


class Section(QGroupBox):
    """A titled list of records with Add and Edit; Enter on a row edits it."""

    add_requested = Signal()
    edit_requested = Signal(object)

    def __init__(
        self, title: str, add_text: str, empty_text: str, *, max_height: int = 180
    ) -> None:
        super().__init__(title)
        self.max_height = max_height
        self.max_items = 8
        self.list = QListWidget()
        self.list.setAccessibleName(title)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.itemActivated.connect(lambda item: self._edit(item))
        self.list.currentItemChanged.connect(lambda *_: self._update())
        self.empty = muted(empty_text)
        self.add_button = QPushButton(add_text)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_requested)
        # No mnemonic: a dozen sections would share it; Tab and Enter reach each one.
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setAutoDefault(False)
        self.edit_button.setAccessibleName(self.tr("Edit: {section}").format(section=title))
        self.edit_button.clicked.connect(lambda: self._edit(self.list.currentItem()))
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.empty)
        self.body.addWidget(self.list)
        self.body.addLayout(hbox(None, self.edit_button, self.add_button))
        self.set_items([])

    def set_items(self, items: Sequence[tuple[str, TeamRecord, bool]]) -> None:
        self.list.clear()
        for text, record, editable in items:
            item = QListWidgetItem(text)
            item.setData(RECORD_ROLE, (record, editable))
            self.list.addItem(item)
        has = bool(items)
        self.list.setVisible(has)
        self.empty.setVisible(not has)
        if has:
            self.list.setCurrentRow(0, QItemSelectionModel.SelectionFlag.NoUpdate)
            lines = sum(text.count("\n") + 1 for text, _, _ in items[: self.max_items])
            spacing = self.list.fontMetrics().lineSpacing()
            self.list.setFixedHeight(
                min(lines * spacing + len(items[: self.max_items]) * 12 + 8, self.max_height)
            )
        self._update()

    def current(self) -> tuple[TeamRecord, bool] | None:
        item = self.list.currentItem()
        value = item.data(RECORD_ROLE) if item is not None else None
        return value if isinstance(value, tuple) else None

    def _update(self) -> None:
        current = self.current()
        self.edit_button.setEnabled(current is not None and current[1])

    def _edit(self, item: QListWidgetItem | None) -> None:
        value = item.data(RECORD_ROLE) if item is not None else None
        if isinstance(value, tuple) and value[1]:
            self.edit_requested.emit(value[0])


class Labels(QObject):
    """The words of the person screen's editors, in one translation context."""

    def choice(self, table: dict[Any, str]) -> tuple[tuple[str, object], ...]:
        return tuple(i18n.choices(table))

    def person(self, page: PersonPage) -> list[FieldSpec]:
        workers = ((self.tr("Nobody yet"), None), *((n, i) for i, n in page.workers))
        return [
            FieldSpec("alias", self.tr("&Nickname"), required=True),
            FieldSpec("name", self.tr("Full na&me")),
            FieldSpec("cpr", self.tr("&CPR number"), placeholder=self.tr("Unchanged")),
            FieldSpec("birth_date", self.tr("&Birth date"), "date"),
            FieldSpec("birth_year", self.tr("Birth &year"), "int"),
            FieldSpec("approx_age", self.tr("Approximate &age"), "int"),
            FieldSpec("description", self.tr("&Description"), "multiline"),
            FieldSpec("phones", self.tr("&Phone numbers (one a line)"), "phones"),
            FieldSpec("places", self.tr("P&laces (one a line)"), "lines"),
            FieldSpec("contact_worker_id", self.tr("C&ontact person"), "choice", workers),
            FieldSpec("formerly_in_care", self.tr("Has been in &care"), "bool"),
            FieldSpec("aftercare_ends_on", self.tr("Aftercare &ends on"), "date"),
            FieldSpec(
                "functionally_homeless",
                self.tr("&Functionally homeless (has a home but cannot be in it)"),
                "bool",
            ),
            FieldSpec("first_met_on", self.tr("&First met on"), "date"),
        ]

    def housing(self) -> list[FieldSpec]:
        return [
            FieldSpec("category", self.tr("&Situation"), "choice", self.choice(i18n.HOUSING)),
            FieldSpec("valid_from", self.tr("&From"), "date", required=True),
            FieldSpec("expected_date", self.tr("E&xpected release/discharge"), "date"),
            FieldSpec("place", self.tr("P&lace")),
            FieldSpec("ready_to_move", self.tr("&Ready for own housing"), "bool"),
            FieldSpec("note", self.tr("N&ote"), "multiline"),
        ]

    def encounter(self) -> list[FieldSpec]:
        return [
            FieldSpec("channel", self.tr("&Channel"), "choice", self.choice(i18n.CHANNELS)),
            FieldSpec("place", self.tr("P&lace")),
            FieldSpec("topics", self.tr("&Topics (one a line)"), "lines"),
            FieldSpec("note", self.tr("N&ote"), "multiline"),
            FieldSpec("next_step", self.tr("Ne&xt step")),
            FieldSpec("follow_up_on", self.tr("&Follow up on"), "date"),
        ]

    def transition(self) -> list[FieldSpec]:
        return [
            FieldSpec("kind", self.tr("&Transition"), "choice", self.choice(i18n.TRANSITIONS)),
            FieldSpec("on", self.tr("&Date"), "date", required=True),
            FieldSpec("housing_plan", self.tr("&Housing plan"), "multiline"),
            FieldSpec("done", self.tr("&Completed"), "bool"),
            FieldSpec("note", self.tr("N&ote"), "multiline"),
        ]

    def eviction(self) -> list[FieldSpec]:
        return [
            FieldSpec("landlord", self.tr("&Landlord")),
            FieldSpec("court_date", self.tr("&Court hearing"), "date"),
            FieldSpec("bailiff_date", self.tr("&Bailiff's visit"), "date"),
            FieldSpec("arrears_dkk", self.tr("&Arrears (kr.)"), "int"),
            FieldSpec("actions", self.tr("Ac&tions (one a line)"), "lines"),
            FieldSpec("status", self.tr("&Status"), "choice", self.choice(i18n.EVICTION_STATUS)),
            FieldSpec("note", self.tr("N&ote"), "multiline"),
        ]

    def offer(self) -> list[FieldSpec]:
        return [
            FieldSpec("kind", self.tr("&Kind"), "choice", self.choice(i18n.OFFER_KINDS)),
            FieldSpec("status", self.tr("&Status"), "choice", self.choice(i18n.OFFER_STATUS)),
            FieldSpec("address", self.tr("A&ddress")),
            FieldSpec("area", self.tr("A&rea")),
            FieldSpec("monthly_rent_dkk", self.tr("Monthly &rent (kr.)"), "int"),
            FieldSpec("lease_ends_on", self.tr("Lease &ends on (avoid if set)"), "date"),
            FieldSpec("central", self.tr("&Central"), "tristate"),
            FieldSpec("strained_area", self.tr("Strained &neighbourhood"), "tristate"),
            FieldSpec("move_in_on", self.tr("&Move-in date"), "date"),
            FieldSpec(
                "alternative_solution",
                self.tr("&Alternative solution (if not ready for own home)"),
                "multiline",
            ),
            FieldSpec("note", self.tr("N&ote"), "multiline"),
        ]

    def goal(self) -> list[FieldSpec]:
        return [
            FieldSpec("area", self.tr("&Area"), "choice", self.choice(i18n.SUPPORT_AREAS)),
            FieldSpec(
                "own_words", self.tr("In the person's &own words"), "multiline", required=True
            ),
            FieldSpec("status", self.tr("&Status"), "choice", self.choice(i18n.GOAL_STATUS)),
            FieldSpec("target_on", self.tr("&Target date"), "date"),
        ]

    def partners(self, page: PersonPage) -> tuple[tuple[str, object], ...]:
        return tuple((p.name, p.id) for p in page.partners)

    def consent(self, page: PersonPage) -> list[FieldSpec]:
        return [
            FieldSpec("partner_id", self.tr("&Partner"), "choice", self.partners(page)),
            FieldSpec("given_on", self.tr("&Given on"), "date", required=True),
            FieldSpec("expires_on", self.tr("&Expires on"), "date"),
            FieldSpec("scope", self.tr("&What may be shared")),
            FieldSpec("withdrawn_on", self.tr("&Withdrawn on"), "date"),
        ]

    def referral(self, page: PersonPage) -> list[FieldSpec]:
        consents: list[tuple[str, object]] = [(self.tr("No consent"), None)]
        for consent in page.file.consents:
            partner = page.partner_name(consent.partner_id) or ""
            consents.append(
                (
                    self.tr("{partner}, given {date}").format(
                        partner=partner, date=i18n.fmt_date(consent.given_on)
                    ),
                    consent.id,
                )
            )
        return [
            FieldSpec("partner_id", self.tr("&Partner"), "choice", self.partners(page)),
            FieldSpec("referred_on", self.tr("&Referred on"), "date", required=True),
            FieldSpec("purpose", self.tr("P&urpose"), required=True),
            FieldSpec(
                "legal_basis", self.tr("&Legal basis"), "choice", self.choice(i18n.LEGAL_BASIS)
            ),
            FieldSpec("consent_id", self.tr("&Consent"), "choice", tuple(consents)),
            FieldSpec(
                "outcome", self.tr("&Outcome"), "choice", self.choice(i18n.REFERRAL_OUTCOMES)
            ),
            FieldSpec("outcome_note", self.tr("Outcome &note"), "multiline"),
        ]

    def follow_up(self) -> list[FieldSpec]:
        return [
            FieldSpec("due_on", self.tr("&Due on"), "date", required=True),
            FieldSpec("what", self.tr("&What"), required=True),
            FieldSpec("done_on", self.tr("D&one on"), "date"),
        ]


class PersonDialog(RecordDialog):
    """The header editor. The CPR field starts empty so the number is never shown without an
    audited reveal: empty keeps it, a new number replaces it, the box below removes it."""

    def __init__(self, env: Env, parent: QWidget, page: PersonPage, labels: Labels) -> None:
        person = page.file.person
        super().__init__(
            env,
            parent,
            self.tr("Edit {alias}").format(alias=person.alias),
            replace(person, cpr=None),
            labels.person(page),
            lambda session, record: session.update_person(record),
        )
        self.original_cpr = person.cpr
        self.remove_cpr = QCheckBox(self.tr("&Remove the CPR number"))
        self.remove_cpr.setVisible(bool(person.cpr))
        self.form.add_widget(self.remove_cpr)
        cpr = self.inputs["cpr"].widget
        assert isinstance(cpr, QLineEdit)
        cpr.setPlaceholderText(
            self.tr("Unchanged ({masked})").format(masked=cpr_rules.mask(person.cpr))
            if person.cpr
            else self.tr("DDMMYY-XXXX")
        )

    def candidate(self) -> Any:
        record = super().candidate()
        if not self._cpr_text():
            keep = None if self.remove_cpr.isChecked() else self.original_cpr
            record = replace(record, cpr=keep)
            # Checked again with the stored number: a birth date against it is still caught.
            errors = record.validate()
            if errors:
                raise ValidationError(errors)
        return record

    def _cpr_text(self) -> str:
        widget = self.inputs["cpr"].widget
        assert isinstance(widget, QLineEdit)
        return widget.text().strip()


class PersonScreen(QWidget):
    quick_log = Signal(str)
    back = Signal()

    def __init__(self, env: Env, clipboard: SensitiveClipboard) -> None:
        super().__init__()
        self.env = env
        self.runner = env.runner
        self.clipboard = clipboard
        self.labels = Labels(self)
        self.person_id: str | None = None
        self.page: PersonPage | None = None
        self.dialog: RecordDialog | None = None
        self._revealed: str | None = None
        self._loading = False
        #: A part to show once the person is loaded (:meth:`show_part`).
        self._wanted_part: tuple[str, str | None] | None = None
        self._wanted_plan: tuple[TransitionKind, date] | None = None
        self._mask_timer = QTimer(self)
        self._mask_timer.setSingleShot(True)
        self._mask_timer.setInterval(REVEAL_MS)
        self._mask_timer.timeout.connect(self._mask)

        self.message = MessageBar()
        self.back_button = QPushButton(self.tr("← &Back"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        self.title = heading("", wrap=False)
        self.log_button = QPushButton(self.tr("&Log a contact (Ctrl+N)"))
        self.log_button.clicked.connect(self._quick_log)
        self.edit_button = QPushButton(self.tr("&Edit details (Ctrl+E)"))
        self.edit_button.clicked.connect(self.edit_person)
        QShortcut(QKeySequence("Ctrl+E"), self, self.edit_person)

        # Header ---------------------------------------------------------------------------------
        self.header = QGroupBox(self.tr("Person"))
        grid = QGridLayout(self.header)
        grid.setColumnStretch(1, 1)
        self.values: dict[str, QLabel] = {}
        for row, (key, text) in enumerate(
            (
                ("name", self.tr("Name")),
                ("age", self.tr("Age")),
                ("cpr", self.tr("CPR number")),
                ("contact", self.tr("Contact person")),
                ("phones", self.tr("Phone")),
                ("places", self.tr("Places")),
                ("description", self.tr("Description")),
                ("flags", self.tr("Also")),
            )
        ):
            label = QLabel(text)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(text)
            label.setBuddy(value)
            grid.addWidget(label, row, 0)
            grid.addWidget(value, row, 1)
            self.values[key] = value
        self.reveal_button = QPushButton(self.tr("&Show"))
        self.reveal_button.setAccessibleName(self.tr("Show the CPR number (logged)"))
        self.reveal_button.setAutoDefault(False)
        self.reveal_button.clicked.connect(self.toggle_cpr)
        self.copy_cpr_button = QPushButton(self.tr("Cop&y"))
        self.copy_cpr_button.setAccessibleName(self.tr("Copy the CPR number (logged)"))
        self.copy_cpr_button.setAutoDefault(False)
        self.copy_cpr_button.clicked.connect(self.copy_cpr)
        grid.addLayout(hbox(self.reveal_button, self.copy_cpr_button), 2, 2)
        self.copy_phone_button = QPushButton(self.tr("Copy p&hone"))
        self.copy_phone_button.setAutoDefault(False)
        self.copy_phone_button.clicked.connect(self.copy_phone)
        grid.addWidget(self.copy_phone_button, 4, 2)

        # Sections -------------------------------------------------------------------------------
        self.current_housing = QLabel()
        self.current_housing.setWordWrap(True)
        self.housing = Section(
            self.tr("Housing situation"),
            self.tr("&New housing situation"),
            self.tr("No housing situation recorded."),
        )
        self.housing.body.insertWidget(0, self.current_housing)
        self.encounters = Section(
            self.tr("Contacts, newest first"),
            self.tr("Log a &contact"),
            self.tr("No contacts logged yet."),
            max_height=420,
        )
        self.transitions = Section(
            self.tr("Transitions"),
            self.tr("Add a &transition"),
            self.tr("No transitions ahead."),
        )
        self.evictions = Section(
            self.tr("Eviction case"),
            self.tr("Add an e&viction case"),
            self.tr("No eviction case."),
        )
        self.offers = Section(
            self.tr("Housing offers"),
            self.tr("Add a housing &offer"),
            self.tr("No housing offers."),
        )
        self.goals = Section(
            self.tr("Support plan, in the person's own words"),
            self.tr("Add a &goal"),
            self.tr("No goals written down yet."),
        )
        self.consents = Section(
            self.tr("Consents"), self.tr("Add a cons&ent"), self.tr("No consents.")
        )
        self.referrals = Section(
            self.tr("Referrals"), self.tr("Add a &referral"), self.tr("No referrals.")
        )
        self.follow_ups = Section(
            self.tr("Follow-ups"), self.tr("Add a &follow-up"), self.tr("No follow-ups.")
        )

        self.housing.add_requested.connect(self.add_housing)
        self.housing.edit_requested.connect(self.edit_housing)
        self.encounters.add_requested.connect(self._quick_log)
        self.encounters.edit_requested.connect(self.edit_encounter)
        self.transitions.add_requested.connect(self.add_transition)
        self.transitions.edit_requested.connect(self.edit_transition)
        self.evictions.add_requested.connect(self.add_eviction)
        self.evictions.edit_requested.connect(self.edit_eviction)
        self.offers.add_requested.connect(self.add_offer)
        self.offers.edit_requested.connect(self.edit_offer)
        self.goals.add_requested.connect(self.add_goal)
        self.goals.edit_requested.connect(self.edit_goal)
        self.consents.add_requested.connect(self.add_consent)
        self.consents.edit_requested.connect(self.edit_consent)
        self.referrals.add_requested.connect(self.add_referral)
        self.referrals.edit_requested.connect(self.edit_referral)
        self.follow_ups.add_requested.connect(self.add_follow_up)
        self.follow_ups.edit_requested.connect(self.edit_follow_up)

        left = QVBoxLayout()
        for widget in (self.header, self.housing, self.goals, self.consents, self.referrals):
            left.addWidget(widget)
        left.addStretch(1)
        right = QVBoxLayout()
        for widget in (
            self.encounters,
            self.follow_ups,
            self.transitions,
            self.evictions,
            self.offers,
        ):
            right.addWidget(widget)
        right.addStretch(1)
        columns = QGridLayout()
        columns.setColumnStretch(0, 1)
        columns.setColumnStretch(1, 1)
        columns.addLayout(left, 0, 0)
        columns.addLayout(right, 0, 1)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(
            hbox(self.back_button, self.title, None, self.edit_button, self.log_button)
        )
        layout.addWidget(self.message)
        layout.addLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        self.scroll_area = scroll
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.setTabOrder(self.back_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.log_button)

    # --- loading ----------------------------------------------------------------------------------

    def load(self, person_id: str) -> None:
        if person_id != self.person_id:
            self._mask()
        self.person_id = person_id
        self._loading = True

        def job(ctx: Context) -> PersonPage | None:
            return load_person(ctx.require(), person_id)

        self.runner.submit(self, job, self._loaded)

    def data_changed(self, changes: ChangeSet) -> None:
        if self.person_id is not None and changes.touches(self.person_id):
            self.load(self.person_id)

    def _loaded(self, page: PersonPage | None, error: BaseException | None) -> None:
        self._loading = False
        if error is not None:
            self.message.show_error(error_text(error))
            return
        if page is None:
            self.page = None
            self.message.show_error(self.tr("This person is no longer in the profile."))
            return
        self.message.clear()
        self.page = page
        self._show(page)
        if self._wanted_part is not None:
            self._show_part(*self._wanted_part)
            self._wanted_part = None
        if self._wanted_plan is not None:
            kind, on = self._wanted_plan
            self._wanted_plan = None
            self._show_part("transitions", None)
            self.add_transition(kind, on)

    def show_part(self, part: str, record_id: str | None = None) -> None:
        """Scroll to a section (``transitions``, ``offers``, ``evictions`` ...) and select the
        record in it: where the radar's "plan" is made. Waits for a load under way."""
        if self._loading or self.page is None or self.page.file.person.id != self.person_id:
            self._wanted_part = (part, record_id)
        else:
            self._show_part(part, record_id)

    def plan_transition(self, kind: TransitionKind, on: date) -> None:
        """The radar's "plan" for a transition not written down yet: the transitions part,
        with a new one of that kind and date open to check and save. Waits for a load."""
        if self._loading or self.page is None or self.page.file.person.id != self.person_id:
            self._wanted_plan = (kind, on)
        else:
            self._show_part("transitions", None)
            self.add_transition(kind, on)

    def _show_part(self, part: str, record_id: str | None) -> None:
        section = getattr(self, part, None)
        if not isinstance(section, Section):
            return
        self.scroll_area.ensureWidgetVisible(section)
        for row in range(section.list.count()):
            item = section.list.item(row)
            value = item.data(RECORD_ROLE) if item is not None else None
            if isinstance(value, tuple) and getattr(value[0], "id", None) == record_id:
                section.list.setCurrentRow(row)
                break
        if section.list.isVisible() and section.list.currentItem() is not None:
            section.list.setFocus()
        else:
            section.add_button.setFocus()

    def _show(self, page: PersonPage) -> None:
        f, today = page.file, page.today
        person = f.person
        self.title.setText(person.alias)
        self.title.setAccessibleName(person.alias)
        v = self.values
        v["name"].setText(person.name or self.tr("Not known"))
        age = person.age_on(today)
        v["age"].setText(age_text(age) if age is not None else self.tr("Not known"))
        v["cpr"].setText(
            self._revealed
            if self._revealed
            else (cpr_rules.mask(person.cpr) or self.tr("Not recorded"))
        )
        self.reveal_button.setVisible(bool(person.cpr))
        self.copy_cpr_button.setVisible(bool(person.cpr))
        v["contact"].setText(page.worker_name(person.contact_worker_id) or self.tr("Nobody yet"))
        phones = [
            p.number
            + (
                " " + self.tr("(worked {date})").format(date=i18n.fmt_date(p.last_worked_on))
                if p.last_worked_on
                else ""
            )
            for p in person.phones
        ]
        v["phones"].setText("\n".join(phones) or self.tr("None"))
        self.copy_phone_button.setVisible(bool(person.phones))
        v["places"].setText(", ".join(person.places) or "—")
        v["description"].setText(person.description or "—")
        flags = []
        if person.formerly_in_care:
            flags.append(self.tr("has been in care"))
        if person.aftercare_ends_on:
            flags.append(
                self.tr("aftercare ends {date}").format(
                    date=i18n.fmt_date(person.aftercare_ends_on)
                )
            )
        if person.functionally_homeless:
            flags.append(self.tr("functionally homeless"))
        v["flags"].setText(", ".join(flags) or "—")

        current = f.current_housing(today)
        if current is None:
            self.current_housing.setText(self.tr("Situation now: not recorded."))
        else:
            text = self.tr("Now: {situation}, since {date}.").format(
                situation=i18n.label(current.category), date=i18n.fmt_date(current.valid_from)
            )
            if current.expected_date:
                text += " " + self.tr("Expected {date}.").format(
                    date=i18n.fmt_date(current.expected_date)
                )
            self.current_housing.setText(text)
        history = sorted(f.housing, key=lambda h: h.valid_from, reverse=True)
        self.housing.set_items(
            [(self._housing_text(h), h, h.recorded_by in (None, page.me)) for h in history]
        )
        self.encounters.set_items(
            [(self._encounter_text(e), e, e.worker_id in (None, page.me)) for e in f.encounters]
        )
        self.transitions.set_items([(self._transition_text(t), t, True) for t in f.transitions])
        self.evictions.set_items([(self._eviction_text(e), e, True) for e in f.eviction_cases])
        self.offers.set_items([(self._offer_text(o), o, True) for o in f.housing_offers])
        self.goals.set_items([(self._goal_text(g), g, True) for g in f.support_goals])
        self.consents.set_items([(self._consent_text(c, page), c, True) for c in f.consents])
        self.referrals.set_items([(self._referral_text(r, page), r, True) for r in f.referrals])
        follow_ups = sorted(f.follow_ups, key=lambda u: (u.done_on is not None, u.due_on))
        self.follow_ups.set_items([(self._follow_up_text(u), u, True) for u in follow_ups])
        has_partners = bool(page.partners)
        for section in (self.consents, self.referrals):
            section.add_button.setEnabled(has_partners)
            if not has_partners:
                section.add_button.setToolTip(self.tr("No partners in the profile yet."))

    # --- list texts -------------------------------------------------------------------------------

    def _housing_text(self, h: HousingStatus) -> str:
        parts = [i18n.fmt_date(h.valid_from), i18n.housing_short(h.category), h.place]
        if h.expected_date:
            parts.append(self.tr("expected {date}").format(date=i18n.fmt_date(h.expected_date)))
        if h.ready_to_move:
            parts.append(self.tr("ready for own housing"))
        text = i18n.join(parts)
        return f"{text}\n{h.note}" if h.note else text

    def _encounter_text(self, e: Encounter) -> str:
        head = i18n.join(
            [
                i18n.fmt_datetime(e.occurred_at),
                i18n.label(e.channel),
                e.place,
                ", ".join(i18n.topic(t) for t in e.topics),
            ]
        )
        lines = [head]
        if e.note:
            lines.append(e.note)
        tail = []
        if e.next_step:
            tail.append(self.tr("Next step: {step}").format(step=e.next_step))
        if e.follow_up_on:
            tail.append(self.tr("follow up {date}").format(date=i18n.fmt_date(e.follow_up_on)))
        if tail:
            lines.append(i18n.join(tail))
        return "\n".join(lines)

    def _transition_text(self, t: Transition) -> str:
        plan = (
            self.tr("Housing plan: {plan}").format(plan=t.housing_plan)
            if t.housing_plan
            else self.tr("No housing plan yet")
        )
        parts = [i18n.fmt_date(t.on), i18n.label(t.kind), plan]
        if t.done:
            parts.append(self.tr("completed"))
        return i18n.join(parts)

    def _eviction_text(self, e: EvictionCase) -> str:
        parts = [i18n.label(e.status), e.landlord]
        if e.court_date:
            parts.append(self.tr("court {date}").format(date=i18n.fmt_date(e.court_date)))
        if e.bailiff_date:
            parts.append(self.tr("bailiff {date}").format(date=i18n.fmt_date(e.bailiff_date)))
        if e.arrears_dkk is not None:
            parts.append(
                self.tr("arrears {amount} kr.").format(amount=QLocale().toString(e.arrears_dkk))
            )
        text = i18n.join(parts)
        if e.actions:
            text += "\n" + ", ".join(e.actions)
        return text

    def _offer_text(self, o: HousingOffer) -> str:
        parts = [i18n.label(o.kind), i18n.label(o.status), o.address, o.area]
        if o.monthly_rent_dkk is not None:
            parts.append(
                self.tr("{amount} kr. a month").format(
                    amount=QLocale().toString(o.monthly_rent_dkk)
                )
            )
        if o.lease_ends_on:
            parts.append(self.tr("lease ends {date}").format(date=i18n.fmt_date(o.lease_ends_on)))
        if o.move_in_on:
            parts.append(self.tr("move-in {date}").format(date=i18n.fmt_date(o.move_in_on)))
        text = i18n.join(parts)
        if o.alternative_solution:
            text += "\n" + o.alternative_solution
        return text

    def _goal_text(self, g: SupportGoal) -> str:
        parts = [i18n.label(g.status)]
        if g.target_on:
            parts.append(self.tr("by {date}").format(date=i18n.fmt_date(g.target_on)))
        return f"{i18n.label(g.area)}: “{g.own_words}”\n{i18n.join(parts)}"

    def _consent_text(self, c: Consent, page: PersonPage) -> str:
        parts = [
            page.partner_name(c.partner_id),
            self.tr("given {date}").format(date=i18n.fmt_date(c.given_on)),
        ]
        if c.expires_on:
            parts.append(self.tr("expires {date}").format(date=i18n.fmt_date(c.expires_on)))
        if c.withdrawn_on:
            parts.append(self.tr("withdrawn {date}").format(date=i18n.fmt_date(c.withdrawn_on)))
        elif not c.valid_on(page.today):
            parts.append(self.tr("not valid today"))
        return i18n.join(parts)

    def _referral_text(self, r: Referral, page: PersonPage) -> str:
        return i18n.join(
            [
                i18n.fmt_date(r.referred_on),
                page.partner_name(r.partner_id),
                r.purpose,
                i18n.label(r.legal_basis),
                i18n.label(r.outcome),
            ]
        )

    def _follow_up_text(self, u: FollowUp) -> str:
        parts = [i18n.fmt_date(u.due_on), u.what]
        if u.done_on:
            parts.append(self.tr("done {date}").format(date=i18n.fmt_date(u.done_on)))
        return i18n.join(parts)

    # --- CPR and phones ---------------------------------------------------------------------------

    def toggle_cpr(self) -> None:
        if self._revealed:
            self._mask()
        else:
            self._reveal(lambda value: None)

    def copy_cpr(self) -> None:
        self._reveal(self.clipboard.copy)

    def _reveal(self, then: Callable[[str], None]) -> None:
        person_id = self.person_id
        if person_id is None:
            return

        def job(ctx: Context) -> str | None:
            return ctx.require().reveal_cpr(person_id)

        def done(value: str | None, error: BaseException | None) -> None:
            if error is not None or not value:
                self.message.show_error(error_text(error or RuntimeError()))
                return
            self._revealed = value
            self.values["cpr"].setText(value)
            self.reveal_button.setText(self.tr("&Hide"))
            self._mask_timer.start()
            then(value)

        self.runner.submit(self, job, done)

    def _mask(self) -> None:
        self._mask_timer.stop()
        self._revealed = None
        self.reveal_button.setText(self.tr("&Show"))
        if self.page is not None:
            self.values["cpr"].setText(
                cpr_rules.mask(self.page.file.person.cpr) or self.tr("Not recorded")
            )

    def copy_phone(self) -> None:
        if self.page is not None and self.page.file.person.phones:
            phones = sorted(
                self.page.file.person.phones,
                key=lambda p: p.last_worked_on.toordinal() if p.last_worked_on else 0,
                reverse=True,
            )
            self.clipboard.copy(phones[0].number)

    # --- editing ----------------------------------------------------------------------------------

    def _quick_log(self) -> None:
        if self.person_id:
            self.quick_log.emit(self.person_id)

    def _open(self, dialog: RecordDialog) -> RecordDialog:
        self.dialog = dialog
        dialog.open()
        return dialog

    def _editor(
        self,
        title: str,
        record: TeamRecord,
        specs: list[FieldSpec],
        *,
        deletable: bool = False,
        intro: str = "",
    ) -> RecordDialog:
        def save(session: Session, value: TeamRecord) -> object:
            return session.save(value)

        def delete(session: Session, value: TeamRecord) -> object:
            return session.delete(type(value), value.id)

        return self._open(
            RecordDialog(
                self.env,
                self,
                title,
                record,
                specs,
                save,
                intro=intro,
                delete=delete if deletable else None,
            )
        )

    def _base(self) -> dict[str, Any]:
        assert self.page is not None
        return {"id": new_id(), "team_id": self.page.team_id, "person_id": self.page.file.person.id}

    def edit_person(self) -> RecordDialog | None:
        if self.page is None:
            return None
        return self._open(PersonDialog(self.env, self, self.page, self.labels))

    def add_housing(self) -> RecordDialog | None:
        if self.page is None:
            return None
        current = self.page.file.current_housing(self.page.today)
        record = HousingStatus(
            **self._base(),
            category=current.category if current else HousingCategory.UNKNOWN,
            valid_from=self.page.today,
            recorded_by=self.page.me,
        )
        return self._editor(self.tr("New housing situation"), record, self.labels.housing())

    def edit_housing(self, record: HousingStatus) -> RecordDialog:
        return self._editor(self.tr("Correct housing situation"), record, self.labels.housing())

    def edit_encounter(self, record: Encounter) -> RecordDialog:
        return self._editor(self.tr("Correct contact"), record, self.labels.encounter())

    def add_transition(
        self, kind: TransitionKind = TransitionKind.LEAVING_CARE, on: date | None = None
    ) -> RecordDialog | None:
        if self.page is None:
            return None
        record = Transition(**self._base(), kind=kind, on=on or self.page.today)
        return self._editor(
            self.tr("New transition"),
            record,
            self.labels.transition(),
            intro=self.tr(
                "A transition is a date when a person may lose where they live: leaving care, "
                "prison, hospital, a shelter or treatment. It needs a housing plan before then."
            ),
        )

    def edit_transition(self, record: Transition) -> RecordDialog:
        return self._editor(self.tr("Transition"), record, self.labels.transition(), deletable=True)

    def add_eviction(self) -> RecordDialog | None:
        if self.page is None:
            return None
        record = EvictionCase(**self._base(), status=EvictionStatus.OPEN)
        return self._editor(self.tr("New eviction case"), record, self.labels.eviction())

    def edit_eviction(self, record: EvictionCase) -> RecordDialog:
        return self._editor(
            self.tr("Eviction case"), record, self.labels.eviction(), deletable=True
        )

    def add_offer(self) -> RecordDialog | None:
        if self.page is None:
            return None
        record = HousingOffer(**self._base(), kind=OfferKind.ORDINARY, status=OfferStatus.PROPOSED)
        return self._editor(self.tr("New housing offer"), record, self.labels.offer())

    def edit_offer(self, record: HousingOffer) -> RecordDialog:
        return self._editor(self.tr("Housing offer"), record, self.labels.offer(), deletable=True)

    def add_goal(self) -> RecordDialog | None:
        if self.page is None:
            return None
        record = SupportGoal(
            **self._base(),
            area=SupportArea.FINANCES_JOB_EDUCATION,
            own_words="",
            status=GoalStatus.ACTIVE,
        )
        return self._editor(
            self.tr("New goal"),
            record,
            self.labels.goal(),
            intro=self.tr("Write the goal as the person says it, in their own words."),
        )

    def edit_goal(self, record: SupportGoal) -> RecordDialog:
        return self._editor(self.tr("Goal"), record, self.labels.goal(), deletable=True)

    def add_consent(self) -> RecordDialog | None:
        if self.page is None or not self.page.partners:
            return None
        record = Consent(
            **self._base(), partner_id=self.page.partners[0].id, given_on=self.page.today
        )
        return self._editor(self.tr("New consent"), record, self.labels.consent(self.page))

    def edit_consent(self, record: Consent) -> RecordDialog | None:
        if self.page is None:
            return None
        return self._editor(self.tr("Consent"), record, self.labels.consent(self.page))

    def add_referral(self) -> RecordDialog | None:
        if self.page is None or not self.page.partners:
            return None
        record = Referral(
            **self._base(),
            partner_id=self.page.partners[0].id,
            referred_on=self.page.today,
            purpose="",
            legal_basis=LegalBasis.CONSENT,
            outcome=ReferralOutcome.PENDING,
        )
        return self._editor(
            self.tr("New referral"),
            record,
            self.labels.referral(self.page),
            intro=self.tr(
                "A referral needs the person's consent, except in the cooperations of § 115 "
                "of the Administration of Justice Act (police, social services, psychiatry, "
                "prison and probation service)."
            ),
        )

    def edit_referral(self, record: Referral) -> RecordDialog | None:
        if self.page is None:
            return None
        return self._editor(
            self.tr("Referral"), record, self.labels.referral(self.page), deletable=True
        )

    def add_follow_up(self) -> RecordDialog | None:
        if self.page is None:
            return None
        record = FollowUp(
            **self._base(),
            due_on=self.page.today,
            what="",
            assigned_worker_id=self.page.me,
        )
        return self._editor(self.tr("New follow-up"), record, self.labels.follow_up())

    def edit_follow_up(self, record: FollowUp) -> RecordDialog:
        return self._editor(self.tr("Follow-up"), record, self.labels.follow_up(), deletable=True)
