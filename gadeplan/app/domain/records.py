"""The records Gadeplan keeps, in the words of the domain brief.

Every record is a frozen ``msgspec.Struct`` whose field names are the wire names of the sync
protocol. Structs are made in C: the standard library's dataclasses compile five methods per
class, which cost every start some 35 ms (docs/ui.md, Start-up).
Values go on the wire and into the store as JSON (dates and times as ISO 8601 strings), through
one generic converter driven by the type hints, so adding a field is one line here and needs no
migration.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum, StrEnum
from typing import Any, ClassVar, Self, TypeAlias

import msgspec

from gadeplan.app.domain.housing import HousingCategory

#: A record's fields, as UTF-8 JSON, must fit in one sync mutation (256 KiB, the protocol's
#: limit) twice over: an update carries the changed fields and their old values.
MAX_RECORD_BYTES = 120 * 1024

JSON: TypeAlias = bool | int | float | str | list["JSON"] | dict[str, "JSON"] | None


# --- vocabularies ----------------------------------------------------------------------------


class Channel(StrEnum):
    STREET = "street"
    NIGHT_CAFE = "night_cafe"
    SHELTER = "shelter"
    PHONE = "phone"
    SMS = "sms"
    OFFICE = "office"
    HOME_VISIT = "home_visit"


class Source(StrEnum):
    """Whether the worker saw it, or was told."""

    OBSERVED = "observed"
    REPORTED = "reported"


class TransitionKind(StrEnum):
    LEAVING_CARE = "leaving_care"
    AFTERCARE_ENDING = "aftercare_ending"
    PRISON_RELEASE = "prison_release"
    HOSPITAL_DISCHARGE = "hospital_discharge"
    SHELTER_EXIT = "shelter_exit"
    TREATMENT_END = "treatment_end"


class EvictionStatus(StrEnum):
    OPEN = "open"
    AVERTED = "averted"
    EVICTED = "evicted"
    CLOSED = "closed"


class OfferKind(StrEnum):
    ORDINARY = "ordinary"
    SKAEV_BOLIG = "skaev_bolig"
    SUPPORTED = "supported"
    YOUTH = "youth"
    ROOM = "room"
    OTHER = "other"


class OfferStatus(StrEnum):
    PROPOSED = "proposed"
    VIEWING = "viewing"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    MOVED_IN = "moved_in"
    WITHDRAWN = "withdrawn"


class SupportArea(StrEnum):
    """The strategy's support areas."""

    FINANCES_JOB_EDUCATION = "finances_job_education"
    DAILY_CHORES = "daily_chores"
    MOVING_AND_HOME = "moving_and_home"
    PERSONAL_NETWORK = "personal_network"
    SOCIAL_COMMUNITIES = "social_communities"
    ADDICTION_TREATMENT = "addiction_treatment"
    HEALTH = "health"


class GoalStatus(StrEnum):
    ACTIVE = "active"
    ACHIEVED = "achieved"
    DROPPED = "dropped"


class LegalBasis(StrEnum):
    CONSENT = "consent"
    #: Retsplejeloven § 115: the named cooperations that may share without consent.
    RPL_115 = "rpl_115"


class ReferralOutcome(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    NO_SHOW = "no_show"
    COMPLETED = "completed"


class PartnerKind(StrEnum):
    MUNICIPAL = "municipal"
    VOLUNTEER = "volunteer"
    HOUSING_ASSOCIATION = "housing_association"
    HOSPITAL = "hospital"
    PSYCHIATRY = "psychiatry"
    POLICE = "police"
    PRISON_SERVICE = "prison_service"
    TREATMENT = "treatment"
    OTHER = "other"


class AuditAction(StrEnum):
    READ = "read"
    SEARCH = "search"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    REVEAL = "reveal"
    EXPORT = "export"
    ERASE = "erase"
    SEED = "seed"
    #: Records of people with no recent activity left this laptop under the machine policy's
    #: retention (they stay on the backend); the detail holds the counts.
    PRUNE = "prune"


# --- validation ------------------------------------------------------------------------------


class FieldError(msgspec.Struct, frozen=True):
    """One reason a record cannot be saved.

    ``code`` is stable and translated by the UI; ``message`` is the English source text.
    """

    field: str
    code: str
    message: str


class ValidationError(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = errors


# --- base classes ----------------------------------------------------------------------------


class Entity(msgspec.Struct, frozen=True, kw_only=True):
    """A synced record. ``ENTITY`` is its name on the wire and in the store."""

    ENTITY: ClassVar[str]
    #: Created once; only the author may correct it (protocol: append-only entities).
    APPEND_ONLY: ClassVar[bool] = False
    #: Fields never shown unmasked without an audited reveal, never written to logs.
    SENSITIVE: ClassVar[frozenset[str]] = frozenset()
    #: For append-only records: the field naming the worker who may correct it.
    AUTHOR_FIELD: ClassVar[str | None] = None

    id: str

    def __repr__(self) -> str:
        # Records carry names, CPR numbers and notes: their text must never reach a log line
        # or a traceback, so no record has the generated repr of every field.
        return f"{type(self).__name__}(id={self.id!r})"

    def validate(self) -> list[FieldError]:
        size = len(json.dumps(self.to_fields(), ensure_ascii=False).encode())
        if size <= MAX_RECORD_BYTES:
            return []
        # Refused at save time, never in the outbox: a mutation the server will always refuse
        # would otherwise sit in the queue for ever. Name the largest field, usually a note.
        largest = max(
            self.field_names(),
            key=lambda name: len(json.dumps(to_json(getattr(self, name)), ensure_ascii=False)),
        )
        return [
            FieldError(
                largest,
                "too_long",
                "The text is too long to save (at most about 100,000 characters in a record).",
            )
        ]

    def check(self) -> None:
        errors = self.validate()
        if errors:
            raise ValidationError(errors)

    # Conversion to and from the wire form ----------------------------------------------------

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(name for name in cls.__struct_fields__ if name != "id")

    @classmethod
    def annotations(cls) -> dict[str, Any]:
        """Each field's annotation as written (a string here), base classes first: the backend
        and the documented wire tables tell the free-form ``JSON`` fields apart by it."""
        return {
            name: annotation
            for base in reversed(cls.__mro__)
            for name, annotation in vars(base).get("__annotations__", {}).items()
        }

    def to_fields(self) -> dict[str, JSON]:
        return {name: to_json(getattr(self, name)) for name in self.field_names()}

    @classmethod
    def from_fields(cls, record_id: str, fields: Mapping[str, JSON]) -> Self:
        hints = _hints(cls)
        values: dict[str, Any] = {"id": record_id}
        for name in cls.__struct_fields__:
            if name == "id" or name not in fields:
                continue
            values[name] = from_json(hints[name], fields[name])
        return cls(**values)

    @property
    def person_ref(self) -> str | None:
        """The person this record is about, for scoping, search and erasure."""
        value = getattr(self, "person_id", None)
        return value if isinstance(value, str) else None


class TeamRecord(Entity, frozen=True, kw_only=True):
    """Every record except teams and workers belongs to exactly one team."""

    team_id: str

    def validate(self) -> list[FieldError]:
        errors = super().validate()
        if not self.team_id:
            errors.append(FieldError("team_id", "required", "A team is required."))
        return errors


def _required_text(errors: list[FieldError], name: str, value: str | None, label: str) -> None:
    if value is None or not value.strip():
        errors.append(FieldError(name, "required", f"{label} is required."))


def _not_before(
    errors: list[FieldError], name: str, later: date | None, earlier: date | None, msg: str
) -> None:
    if later is not None and earlier is not None and later < earlier:
        errors.append(FieldError(name, "before_start", msg))


# --- the records -----------------------------------------------------------------------------


class Phone(msgspec.Struct, frozen=True):
    number: str
    #: When a call or SMS to this number last got through; the UI offers it first.
    last_worked_on: date | None = None
    label: str | None = None

    def __repr__(self) -> str:
        # A phone number: never in a log line or a traceback.
        return f"{type(self).__name__}(...)"


class Person(TeamRecord, frozen=True, kw_only=True):
    """A person met in outreach. Only ``alias`` is required: anonymity is a right (SEL § 10)."""

    ENTITY = "person"
    SENSITIVE = frozenset({"name", "cpr", "phones", "description"})

    alias: str
    name: str | None = None
    cpr: str | None = None
    birth_date: date | None = None
    birth_year: int | None = None
    approx_age: int | None = None
    description: str | None = None
    phones: tuple[Phone, ...] = ()
    places: tuple[str, ...] = ()
    contact_worker_id: str | None = None
    formerly_in_care: bool = False
    aftercare_ends_on: date | None = None
    functionally_homeless: bool = False
    first_met_on: date | None = None

    def validate(self) -> list[FieldError]:
        from gadeplan.app.domain import cpr as cpr_rules

        errors = super().validate()
        _required_text(errors, "alias", self.alias, "An alias or nickname")
        if self.cpr is not None and cpr_rules.normalise(self.cpr) is None:
            errors.append(
                FieldError("cpr", "cpr_format", "A CPR number is ten digits: DDMMYY-XXXX.")
            )
        if self.cpr and self.birth_date and cpr_rules.birth_date(self.cpr) != self.birth_date:
            errors.append(
                FieldError("birth_date", "cpr_mismatch", "The birth date does not match the CPR.")
            )
        if self.birth_year is not None and not 1900 <= self.birth_year <= 2100:
            errors.append(FieldError("birth_year", "range", "The birth year is not plausible."))
        if self.approx_age is not None and not 0 <= self.approx_age <= 120:
            errors.append(FieldError("approx_age", "range", "The age is not plausible."))
        errors.extend(
            FieldError("phones", "required", "A phone number cannot be empty.")
            for phone in self.phones
            if not phone.number.strip()
        )
        return errors

    def age_on(self, day: date) -> int | None:
        """Exact age from the birth date, else the best the record allows."""
        born = self.birth_date
        if born is None and self.cpr:
            from gadeplan.app.domain import cpr as cpr_rules

            born = cpr_rules.birth_date(self.cpr)
        if born is not None:
            return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
        if self.birth_year is not None:
            return day.year - self.birth_year
        return self.approx_age


class HousingStatus(TeamRecord, frozen=True, kw_only=True):
    """One dated entry in a person's housing history (append-only)."""

    ENTITY = "housing_status"
    APPEND_ONLY = True

    person_id: str
    category: HousingCategory
    valid_from: date
    #: Expected release or discharge date, for the prison and hospital categories.
    expected_date: date | None = None
    place: str | None = None
    #: Ready for own housing (the radar watches long shelter stays of people who are).
    ready_to_move: bool = False
    note: str | None = None
    recorded_by: str | None = None

    AUTHOR_FIELD: ClassVar[str] = "recorded_by"

    def validate(self) -> list[FieldError]:
        from gadeplan.app.domain.housing import DATED_CATEGORIES

        errors = super().validate()
        _required_text(errors, "person_id", self.person_id, "A person")
        if self.category in DATED_CATEGORIES and self.expected_date is None:
            errors.append(
                FieldError(
                    "expected_date",
                    "required",
                    "The expected release or discharge date is required for this situation.",
                )
            )
        return errors


class Encounter(TeamRecord, frozen=True, kw_only=True):
    """A contact with a known person, or an anonymous one (append-only)."""

    ENTITY = "encounter"
    APPEND_ONLY = True
    SENSITIVE = frozenset({"note", "description"})

    occurred_at: datetime
    channel: Channel
    person_id: str | None = None
    place: str | None = None
    #: For anonymous contacts: what the worker can tell without a name.
    approx_age: int | None = None
    description: str | None = None
    situation: HousingCategory | None = None
    topics: tuple[str, ...] = ()
    note: str | None = None
    source: Source = Source.OBSERVED
    next_step: str | None = None
    follow_up_on: date | None = None
    worker_id: str | None = None

    AUTHOR_FIELD: ClassVar[str] = "worker_id"

    def validate(self) -> list[FieldError]:
        errors = super().validate()
        if self.person_id is None and self.approx_age is None and not self.description:
            errors.append(
                FieldError(
                    "description",
                    "anonymous_needs_detail",
                    "An anonymous contact needs an approximate age or a description.",
                )
            )
        if self.approx_age is not None and not 0 <= self.approx_age <= 120:
            errors.append(FieldError("approx_age", "range", "The age is not plausible."))
        _not_before(
            errors,
            "follow_up_on",
            self.follow_up_on,
            self.occurred_at.date(),
            "The follow-up date is before the contact.",
        )
        return errors


class Transition(TeamRecord, frozen=True, kw_only=True):
    """A risky transition with a date, which needs a housing plan before that date."""

    ENTITY = "transition"

    person_id: str
    kind: TransitionKind
    on: date
    housing_plan: str | None = None
    done: bool = False
    note: str | None = None

    def validate(self) -> list[FieldError]:
        errors = super().validate()
        _required_text(errors, "person_id", self.person_id, "A person")
        return errors


class EvictionCase(TeamRecord, frozen=True, kw_only=True):
    """A threatened eviction (udsættelse / fogedsag)."""

    ENTITY = "eviction_case"

    person_id: str
    landlord: str | None = None
    court_date: date | None = None
    bailiff_date: date | None = None
    arrears_dkk: int | None = None
    actions: tuple[str, ...] = ()
    status: EvictionStatus = EvictionStatus.OPEN
    note: str | None = None

    def validate(self) -> list[FieldError]:
        errors = super().validate()
        _required_text(errors, "person_id", self.person_id, "A person")
        if self.arrears_dkk is not None and self.arrears_dkk < 0:
            errors.append(FieldError("arrears_dkk", "range", "Arrears cannot be negative."))
        return errors


class HousingOffer(TeamRecord, frozen=True, kw_only=True):
    """A home offered to a person, or the alternative solution if they are not ready."""

    ENTITY = "housing_offer"

    person_id: str
    kind: OfferKind
    status: OfferStatus = OfferStatus.PROPOSED
    address: str | None = None
    area: str | None = None
    monthly_rent_dkk: int | None = None
    #: A lease with an end date (bagkant, e.g. student housing) is to be avoided.
    lease_ends_on: date | None = None
    central: bool | None = None
    strained_area: bool | None = None
    move_in_on: date | None = None
    alternative_solution: str | None = None
    note: str | None = None

    def validate(self) -> list[FieldError]:
        errors = super().validate()
        _required_text(errors, "person_id", self.person_id, "A person")
        if self.monthly_rent_dkk is not None and self.monthly_rent_dkk < 0:
            errors.append(FieldError("monthly_rent_dkk", "range", "Rent cannot be negative."))
        _not_before(
            errors,
            "lease_ends_on",
            self.lease_ends_on,
            self.move_in_on,
            "The lease ends before the move-in date.",
        )
        if self.status is OfferStatus.MOVED_IN and self.move_in_on is None:
            errors.append(FieldError("move_in_on", "required", "The move-in date is required."))
        return errors


class SupportGoal(TeamRecord, frozen=True, kw_only=True):
    """A goal in the person's own words, in one of the strategy's support areas."""

    ENTITY = "support_goal"

    person_id: str
    area: SupportArea
    own_words: str
    status: GoalStatus = GoalStatus.ACTIVE
    target_on: date | None = None

    def validate(self) -> list[FieldError]:
        errors = super().validate()
        _required_text(errors, "person_id", self.person_id, "A person")
        _required_text(errors, "own_words", self.own_words, "The goal in the person's own words")
        return errors


class Referral(TeamRecord, frozen=True, kw_only=True):
    """A referral to a partner. Needs consent, except in the § 115 cooperations."""

    ENTITY = "referral"

    person_id: str
    partner_id: str
    referred_on: date
    purpose: str
    legal_basis: LegalBasis = LegalBasis.CONSENT
    consent_id: str | None = None
    outcome: ReferralOutcome = ReferralOutcome.PENDING
    outcome_note: str | None = None

    def validate(self) -> list[FieldError]:
        errors = super().validate()
        _required_text(errors, "person_id", self.person_id, "A person")
        _required_text(errors, "partner_id", self.partner_id, "A partner")
        _required_text(errors, "purpose", self.purpose, "The purpose")
        if self.legal_basis is LegalBasis.CONSENT and not self.consent_id:
            errors.append(
                FieldError(
                    "consent_id", "consent_required", "A referral needs the person's consent."
                )
            )
        return errors


class Consent(TeamRecord, frozen=True, kw_only=True):
    """The person's consent to share with one partner, possibly until a date."""

    ENTITY = "consent"

    person_id: str
    partner_id: str
    given_on: date
    expires_on: date | None = None
    scope: str | None = None
    withdrawn_on: date | None = None

    def validate(self) -> list[FieldError]:
        errors = super().validate()
        _required_text(errors, "person_id", self.person_id, "A person")
        _required_text(errors, "partner_id", self.partner_id, "A partner")
        _not_before(
            errors, "expires_on", self.expires_on, self.given_on, "Consent expires before given."
        )
        _not_before(
            errors,
            "withdrawn_on",
            self.withdrawn_on,
            self.given_on,
            "Consent withdrawn before given.",
        )
        return errors

    def valid_on(self, day: date) -> bool:
        if day < self.given_on:
            return False
        if self.withdrawn_on is not None and day >= self.withdrawn_on:
            return False
        return self.expires_on is None or day <= self.expires_on


class FollowUp(TeamRecord, frozen=True, kw_only=True):
    ENTITY = "follow_up"

    due_on: date
    what: str
    person_id: str | None = None
    assigned_worker_id: str | None = None
    done_on: date | None = None
    encounter_id: str | None = None

    def validate(self) -> list[FieldError]:
        errors = super().validate()
        _required_text(errors, "what", self.what, "What to follow up")
        return errors


class Partner(TeamRecord, frozen=True, kw_only=True):
    """A partner organisation (samarbejdspartner)."""

    ENTITY = "partner"

    name: str
    kind: PartnerKind = PartnerKind.OTHER
    phone: str | None = None
    note: str | None = None

    def validate(self) -> list[FieldError]:
        errors = super().validate()
        _required_text(errors, "name", self.name, "A name")
        return errors


class Team(Entity, frozen=True, kw_only=True):
    """Read-only: comes from the backend."""

    ENTITY = "team"

    name: str


class Worker(Entity, frozen=True, kw_only=True):
    """Read-only: comes from the backend."""

    ENTITY = "worker"

    name: str
    team_ids: tuple[str, ...] = ()


class Conflict(TeamRecord, frozen=True, kw_only=True):
    """A value that lost a concurrent edit, kept so the worker can choose."""

    ENTITY = "conflict"

    entity: str
    record_id: str
    field: str
    kept_value: JSON = None
    lost_value: JSON = None
    kept_by: str | None = None
    kept_hlc: str | None = None
    lost_by: str | None = None
    lost_hlc: str | None = None
    person_id: str | None = None
    resolved: bool = False


class AuditEvent(TeamRecord, frozen=True, kw_only=True):
    """Who did what to which record, and when; never the values themselves (push-only)."""

    ENTITY = "audit_event"
    APPEND_ONLY = True

    action: AuditAction
    at: datetime
    worker_id: str | None = None
    device_id: str | None = None
    entity: str | None = None
    record_id: str | None = None
    person_id: str | None = None
    #: Names of the fields touched, never their values.
    fields: tuple[str, ...] = ()
    #: A count or a code; never free text that could hold personal data.
    detail: str | None = None

    AUTHOR_FIELD: ClassVar[str] = "worker_id"


ENTITIES: dict[str, type[Entity]] = {
    cls.ENTITY: cls
    for cls in (
        Person,
        HousingStatus,
        Encounter,
        Transition,
        EvictionCase,
        HousingOffer,
        SupportGoal,
        Referral,
        Consent,
        FollowUp,
        Partner,
        Team,
        Worker,
        Conflict,
        AuditEvent,
    )
}

#: Entities that carry ``person_id`` and are therefore part of a person's erasure and export.
PERSON_SCOPED = frozenset(
    name
    for name, cls in ENTITIES.items()
    if "person_id" in cls.__struct_fields__ and name != "audit_event"
)


# --- the generic JSON converter ----------------------------------------------------------------

_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def to_json(value: Any) -> JSON:
    if isinstance(value, Enum):
        return value.value  # type: ignore[no-any-return]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    if isinstance(value, msgspec.Struct):
        return {name: to_json(getattr(value, name)) for name in value.__struct_fields__}
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    raise TypeError(f"cannot convert {type(value).__name__} to JSON")


def from_json(tp: Any, value: JSON) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if value is None:
            return None
        if len(args) == 1:
            return from_json(args[0], value)
        return value
    if tp is Any or tp == JSON or tp is object:
        return value
    if value is None:
        return None
    if origin is tuple:
        (item_type, *_rest) = typing.get_args(tp)
        if not isinstance(value, list):
            raise TypeError("expected a list")
        return tuple(from_json(item_type, v) for v in value)
    if isinstance(tp, type):
        if issubclass(tp, Enum):
            return tp(value)
        if tp is datetime:
            return datetime.fromisoformat(str(value))
        if tp is date:
            return date.fromisoformat(str(value))
        if tp is bool:
            return bool(value)
        if tp is int:
            return int(value)  # type: ignore[arg-type]
        if tp is float:
            return float(value)  # type: ignore[arg-type]
        if tp is str:
            return str(value)
        if issubclass(tp, msgspec.Struct):
            if not isinstance(value, dict):
                raise TypeError("expected an object")
            hints = _hints(tp)
            return tp(**{k: from_json(hints[k], v) for k, v in value.items() if k in hints})
    return value


def field_value(record: Entity, name: str) -> JSON:
    return to_json(getattr(record, name))


__all__ = [
    "ENTITIES",
    "JSON",
    "PERSON_SCOPED",
    "AuditAction",
    "AuditEvent",
    "Channel",
    "Conflict",
    "Consent",
    "Encounter",
    "Entity",
    "EvictionCase",
    "EvictionStatus",
    "FieldError",
    "FollowUp",
    "GoalStatus",
    "HousingOffer",
    "HousingStatus",
    "LegalBasis",
    "OfferKind",
    "OfferStatus",
    "Partner",
    "PartnerKind",
    "Person",
    "Phone",
    "Referral",
    "ReferralOutcome",
    "Source",
    "SupportArea",
    "SupportGoal",
    "Team",
    "TeamRecord",
    "Transition",
    "TransitionKind",
    "ValidationError",
    "Worker",
]
