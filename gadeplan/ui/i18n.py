"""Languages, the words of the domain on screen, and validation messages.

Source strings are English inside ``tr()`` / ``translate()``; ``resources/translations/
gadeplan_da.ts`` (written by ``pyside6-lupdate``) holds the Danish, and ``.qm`` files are built
from it at build time. Qt's own ``qtbase`` translation is loaded first, so standard buttons and
context menus speak the same language. Danish is the program's default.

Stored values never depend on the language: records keep codes (``street``, ``night_cafe``) and
the screen shows their label in the worker's language.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QTime,
    QTranslator,
)

from gadeplan.app.domain.housing import HousingCategory
from gadeplan.app.domain.records import (
    Channel,
    EvictionStatus,
    FieldError,
    GoalStatus,
    LegalBasis,
    OfferKind,
    OfferStatus,
    PartnerKind,
    ReferralOutcome,
    Source,
    SupportArea,
    TransitionKind,
)
from gadeplan.ui.paths import resources_dir

log = logging.getLogger(__name__)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate under ``context``; translated where it is shown."""
    return text


DANISH = "da"
ENGLISH = "en"
LANGUAGES = (DANISH, ENGLISH)
DEFAULT_LANGUAGE = DANISH

#: The name each language has in itself, so a worker who cannot read the current one finds theirs.
LANGUAGE_NAMES = {DANISH: "Dansk", ENGLISH: "English"}

_LOCALES = {
    DANISH: QLocale(QLocale.Language.Danish, QLocale.Country.Denmark),
    # English words, Danish conventions (dates as 25/11/2026, Monday first).
    ENGLISH: QLocale(QLocale.Language.English, QLocale.Country.Denmark),
}


def translations_dir() -> Path:
    """Where the built ``.qm`` files are: beside the source tree in development, inside the
    bundle when frozen, or where ``GADEPLAN_TRANSLATIONS`` says (tests build them on the fly)."""
    override = os.environ.get("GADEPLAN_TRANSLATIONS")
    if override:
        return Path(override)
    return resources_dir() / "translations"


class Translations:
    """The translators installed on the application; switching language swaps them."""

    def __init__(self, qm_dir: Path | None = None) -> None:
        self.qm_dir = qm_dir or translations_dir()
        self.language = ENGLISH
        self._installed: list[QTranslator] = []

    def files(self, language: str) -> list[Path]:
        """The ``.qm`` files ``language`` needs, in loading order: Qt's ``qtbase`` (from the Qt
        installation, or the bundle's copy of it), then ours. English needs none."""
        if language == ENGLISH:
            return []
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        return [qt_dir / f"qtbase_{language}.qm", self.qm_dir / f"gadeplan_{language}.qm"]

    def apply(self, language: str) -> bool:
        """Install ``language``; False (and English) if its translation is missing."""
        if language not in LANGUAGES:
            language = DEFAULT_LANGUAGE
        self.remove()
        ok = True
        files = self.files(language)
        for path in files:
            translator = QTranslator()
            if translator.load(str(path)):
                QCoreApplication.installTranslator(translator)
                self._installed.append(translator)
            elif path == files[-1]:  # ours; without Qt's, only Qt's own dialogs stay English
                log.warning("the %s translation is missing; run 'make translations'", language)
                ok = False
        if not ok:
            self.remove()
            language = ENGLISH
        self.language = language
        QLocale.setDefault(_LOCALES[language])
        return ok

    def remove(self) -> None:
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed.clear()


# --- the words of the domain -------------------------------------------------------------------

_CTX = "Vocabulary"

HOUSING: dict[HousingCategory, str] = {
    HousingCategory.STREET: QT_TRANSLATE_NOOP(
        "Vocabulary", "Rough sleeper (street, stairwell, shed)"
    ),
    HousingCategory.NIGHT_SHELTER: QT_TRANSLATE_NOOP(
        "Vocabulary", "Night shelter / drop-in with emergency beds"
    ),
    HousingCategory.SHELTER: QT_TRANSLATE_NOOP(
        "Vocabulary", "Shelter / hostel for homeless people (SEL § 110)"
    ),
    HousingCategory.HOTEL: QT_TRANSLATE_NOOP(
        "Vocabulary", "Hotel or hostel because of homelessness"
    ),
    HousingCategory.SOFA: QT_TRANSLATE_NOOP(
        "Vocabulary", "Sofa surfer (temporarily with family/friends, no contract)"
    ),
    HousingCategory.TRANSITIONAL: QT_TRANSLATE_NOOP(
        "Vocabulary", "Transitional housing, no permanent lease"
    ),
    HousingCategory.PRISON_RELEASE: QT_TRANSLATE_NOOP(
        "Vocabulary", "Leaving prison within a month, no housing solution"
    ),
    HousingCategory.HOSPITAL_DISCHARGE: QT_TRANSLATE_NOOP(
        "Vocabulary", "Leaving hospital or treatment within a month, no housing solution"
    ),
    HousingCategory.OTHER_HOMELESS: QT_TRANSLATE_NOOP(
        "Vocabulary", "Other (allotment hut, caravan, other emergency dwelling)"
    ),
    HousingCategory.HOUSED: QT_TRANSLATE_NOOP("Vocabulary", "Own home"),
    HousingCategory.UNKNOWN: QT_TRANSLATE_NOOP("Vocabulary", "Unknown"),
}

#: Short forms for tables and the timeline, where the count's full wording does not fit.
HOUSING_SHORT: dict[HousingCategory, str] = {
    HousingCategory.STREET: QT_TRANSLATE_NOOP("Vocabulary", "Rough sleeper"),
    HousingCategory.NIGHT_SHELTER: QT_TRANSLATE_NOOP("Vocabulary", "Night shelter"),
    HousingCategory.SHELTER: QT_TRANSLATE_NOOP("Vocabulary", "Shelter"),
    HousingCategory.HOTEL: QT_TRANSLATE_NOOP("Vocabulary", "Hotel/hostel"),
    HousingCategory.SOFA: QT_TRANSLATE_NOOP("Vocabulary", "Sofa surfer"),
    HousingCategory.TRANSITIONAL: QT_TRANSLATE_NOOP("Vocabulary", "Transitional housing"),
    HousingCategory.PRISON_RELEASE: QT_TRANSLATE_NOOP("Vocabulary", "Leaving prison"),
    HousingCategory.HOSPITAL_DISCHARGE: QT_TRANSLATE_NOOP("Vocabulary", "Leaving hospital"),
    HousingCategory.OTHER_HOMELESS: QT_TRANSLATE_NOOP("Vocabulary", "Other emergency dwelling"),
    HousingCategory.HOUSED: QT_TRANSLATE_NOOP("Vocabulary", "Own home"),
    HousingCategory.UNKNOWN: QT_TRANSLATE_NOOP("Vocabulary", "Unknown"),
}

CHANNELS: dict[Channel, str] = {
    Channel.STREET: QT_TRANSLATE_NOOP("Vocabulary", "Street"),
    Channel.NIGHT_CAFE: QT_TRANSLATE_NOOP("Vocabulary", "Night café"),
    Channel.SHELTER: QT_TRANSLATE_NOOP("Vocabulary", "Shelter"),
    Channel.PHONE: QT_TRANSLATE_NOOP("Vocabulary", "Phone"),
    Channel.SMS: QT_TRANSLATE_NOOP("Vocabulary", "Text message"),
    Channel.OFFICE: QT_TRANSLATE_NOOP("Vocabulary", "Office"),
    Channel.HOME_VISIT: QT_TRANSLATE_NOOP("Vocabulary", "Home visit"),
}

SOURCES: dict[Source, str] = {
    Source.OBSERVED: QT_TRANSLATE_NOOP("Vocabulary", "Seen myself"),
    Source.REPORTED: QT_TRANSLATE_NOOP("Vocabulary", "Told by others"),
}

TRANSITIONS: dict[TransitionKind, str] = {
    TransitionKind.LEAVING_CARE: QT_TRANSLATE_NOOP("Vocabulary", "Leaving care"),
    TransitionKind.AFTERCARE_ENDING: QT_TRANSLATE_NOOP("Vocabulary", "Aftercare ending"),
    TransitionKind.PRISON_RELEASE: QT_TRANSLATE_NOOP("Vocabulary", "Release from prison"),
    TransitionKind.HOSPITAL_DISCHARGE: QT_TRANSLATE_NOOP("Vocabulary", "Discharge from hospital"),
    TransitionKind.SHELTER_EXIT: QT_TRANSLATE_NOOP("Vocabulary", "Moving out of a shelter"),
    TransitionKind.TREATMENT_END: QT_TRANSLATE_NOOP("Vocabulary", "End of addiction treatment"),
}

EVICTION_STATUS: dict[EvictionStatus, str] = {
    EvictionStatus.OPEN: QT_TRANSLATE_NOOP("Vocabulary", "Open"),
    EvictionStatus.AVERTED: QT_TRANSLATE_NOOP("Vocabulary", "Averted"),
    EvictionStatus.EVICTED: QT_TRANSLATE_NOOP("Vocabulary", "Evicted"),
    EvictionStatus.CLOSED: QT_TRANSLATE_NOOP("Vocabulary", "Closed"),
}

OFFER_KINDS: dict[OfferKind, str] = {
    OfferKind.ORDINARY: QT_TRANSLATE_NOOP("Vocabulary", "Ordinary housing"),
    OfferKind.SKAEV_BOLIG: QT_TRANSLATE_NOOP("Vocabulary", "Skæv bolig (alternative housing)"),
    OfferKind.SUPPORTED: QT_TRANSLATE_NOOP("Vocabulary", "Supported housing"),
    OfferKind.YOUTH: QT_TRANSLATE_NOOP("Vocabulary", "Youth housing"),
    OfferKind.ROOM: QT_TRANSLATE_NOOP("Vocabulary", "Room"),
    OfferKind.OTHER: QT_TRANSLATE_NOOP("Vocabulary", "Other solution"),
}

OFFER_STATUS: dict[OfferStatus, str] = {
    OfferStatus.PROPOSED: QT_TRANSLATE_NOOP("Vocabulary", "Proposed"),
    OfferStatus.VIEWING: QT_TRANSLATE_NOOP("Vocabulary", "Viewing"),
    OfferStatus.ACCEPTED: QT_TRANSLATE_NOOP("Vocabulary", "Accepted"),
    OfferStatus.DECLINED: QT_TRANSLATE_NOOP("Vocabulary", "Declined"),
    OfferStatus.MOVED_IN: QT_TRANSLATE_NOOP("Vocabulary", "Moved in"),
    OfferStatus.WITHDRAWN: QT_TRANSLATE_NOOP("Vocabulary", "Withdrawn"),
}

SUPPORT_AREAS: dict[SupportArea, str] = {
    SupportArea.FINANCES_JOB_EDUCATION: QT_TRANSLATE_NOOP(
        "Vocabulary", "Finances, job and education"
    ),
    SupportArea.DAILY_CHORES: QT_TRANSLATE_NOOP("Vocabulary", "Daily chores"),
    SupportArea.MOVING_AND_HOME: QT_TRANSLATE_NOOP("Vocabulary", "Moving and making a home"),
    SupportArea.PERSONAL_NETWORK: QT_TRANSLATE_NOOP("Vocabulary", "Personal network"),
    SupportArea.SOCIAL_COMMUNITIES: QT_TRANSLATE_NOOP("Vocabulary", "Social communities"),
    SupportArea.ADDICTION_TREATMENT: QT_TRANSLATE_NOOP("Vocabulary", "Addiction treatment"),
    SupportArea.HEALTH: QT_TRANSLATE_NOOP("Vocabulary", "Physical and mental health"),
}

GOAL_STATUS: dict[GoalStatus, str] = {
    GoalStatus.ACTIVE: QT_TRANSLATE_NOOP("Vocabulary", "Active"),
    GoalStatus.ACHIEVED: QT_TRANSLATE_NOOP("Vocabulary", "Achieved"),
    GoalStatus.DROPPED: QT_TRANSLATE_NOOP("Vocabulary", "Dropped"),
}

LEGAL_BASIS: dict[LegalBasis, str] = {
    LegalBasis.CONSENT: QT_TRANSLATE_NOOP("Vocabulary", "The person's consent"),
    LegalBasis.RPL_115: QT_TRANSLATE_NOOP(
        "Vocabulary", "Without consent (Administration of Justice Act § 115)"
    ),
}

REFERRAL_OUTCOMES: dict[ReferralOutcome, str] = {
    ReferralOutcome.PENDING: QT_TRANSLATE_NOOP("Vocabulary", "Pending"),
    ReferralOutcome.ACCEPTED: QT_TRANSLATE_NOOP("Vocabulary", "Accepted"),
    ReferralOutcome.DECLINED: QT_TRANSLATE_NOOP("Vocabulary", "Declined"),
    ReferralOutcome.NO_SHOW: QT_TRANSLATE_NOOP("Vocabulary", "Did not show up"),
    ReferralOutcome.COMPLETED: QT_TRANSLATE_NOOP("Vocabulary", "Completed"),
}

PARTNER_KINDS: dict[PartnerKind, str] = {
    PartnerKind.MUNICIPAL: QT_TRANSLATE_NOOP("Vocabulary", "Municipal department"),
    PartnerKind.VOLUNTEER: QT_TRANSLATE_NOOP("Vocabulary", "Volunteers"),
    PartnerKind.HOUSING_ASSOCIATION: QT_TRANSLATE_NOOP("Vocabulary", "Housing association"),
    PartnerKind.HOSPITAL: QT_TRANSLATE_NOOP("Vocabulary", "Hospital"),
    PartnerKind.PSYCHIATRY: QT_TRANSLATE_NOOP("Vocabulary", "Psychiatry"),
    PartnerKind.POLICE: QT_TRANSLATE_NOOP("Vocabulary", "Police"),
    PartnerKind.PRISON_SERVICE: QT_TRANSLATE_NOOP("Vocabulary", "Prison and probation service"),
    PartnerKind.TREATMENT: QT_TRANSLATE_NOOP("Vocabulary", "Treatment centre"),
    PartnerKind.OTHER: QT_TRANSLATE_NOOP("Vocabulary", "Other"),
}

#: Topics are stored as the Danish words workers have always used (the data is Danish whatever
#: the screen's language); these are the ones offered as one-key choices in the quick log.
TOPICS: dict[str, str] = {
    "bolig": QT_TRANSLATE_NOOP("Vocabulary", "Housing"),
    "økonomi": QT_TRANSLATE_NOOP("Vocabulary", "Money"),
    "ydelse": QT_TRANSLATE_NOOP("Vocabulary", "Benefits"),
    "misbrug": QT_TRANSLATE_NOOP("Vocabulary", "Addiction"),
    "helbred": QT_TRANSLATE_NOOP("Vocabulary", "Health"),
    "psykiatri": QT_TRANSLATE_NOOP("Vocabulary", "Mental health"),
    "netværk": QT_TRANSLATE_NOOP("Vocabulary", "Network"),
    "familie": QT_TRANSLATE_NOOP("Vocabulary", "Family"),
    "job": QT_TRANSLATE_NOOP("Vocabulary", "Job"),
    "uddannelse": QT_TRANSLATE_NOOP("Vocabulary", "Education"),
    "kriminalitet": QT_TRANSLATE_NOOP("Vocabulary", "Crime"),
    "udsættelse": QT_TRANSLATE_NOOP("Vocabulary", "Eviction"),
    "mad": QT_TRANSLATE_NOOP("Vocabulary", "Food"),
    "tøj": QT_TRANSLATE_NOOP("Vocabulary", "Clothes"),
    "sovested": QT_TRANSLATE_NOOP("Vocabulary", "A place to sleep"),
}

PROTECTION: dict[str, str] = {
    "passphrase+keychain": QT_TRANSLATE_NOOP(
        "Vocabulary", "the passphrase and this computer's keychain"
    ),
    "passphrase": QT_TRANSLATE_NOOP(
        "Vocabulary", "the passphrase alone (this computer has no secure keychain)"
    ),
}

UNKNOWN_TEXT = QT_TRANSLATE_NOOP("Vocabulary", "Unknown")
YES_TEXT = QT_TRANSLATE_NOOP("Vocabulary", "Yes")
NO_TEXT = QT_TRANSLATE_NOOP("Vocabulary", "No")

_TABLES: tuple[Mapping[Any, str], ...] = (
    CHANNELS,
    SOURCES,
    TRANSITIONS,
    EVICTION_STATUS,
    OFFER_KINDS,
    OFFER_STATUS,
    SUPPORT_AREAS,
    GOAL_STATUS,
    LEGAL_BASIS,
    REFERRAL_OUTCOMES,
    PARTNER_KINDS,
)


def translate(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def label(value: Enum) -> str:
    """The screen's word for a code of the domain."""
    if isinstance(value, HousingCategory):
        return translate(HOUSING[value])
    for table in _TABLES:
        if value in table:
            return translate(table[value])
    return str(value.value)


def housing_short(value: HousingCategory | None) -> str:
    return translate(HOUSING_SHORT[value]) if value is not None else ""


def topic(value: str) -> str:
    source = TOPICS.get(value)
    return translate(source) if source else value


def protection_text(protection: str) -> str:
    return translate(PROTECTION.get(protection, PROTECTION["passphrase"]))


def choices(table: Mapping[Any, str]) -> list[tuple[str, object]]:
    """(label, value) pairs in the table's order, for combo boxes."""
    return [(translate(text), value) for value, text in table.items()]


# --- records and their fields, for conflicts and refused changes -------------------------------

_FIELDS_CTX = "Fields"

#: What each kind of record is called on screen (the wire's entity names are codes).
ENTITY_NAMES: dict[str, str] = {
    "person": QT_TRANSLATE_NOOP("Fields", "Person"),
    "housing_status": QT_TRANSLATE_NOOP("Fields", "Housing situation"),
    "encounter": QT_TRANSLATE_NOOP("Fields", "Contact"),
    "transition": QT_TRANSLATE_NOOP("Fields", "Transition"),
    "eviction_case": QT_TRANSLATE_NOOP("Fields", "Eviction case"),
    "housing_offer": QT_TRANSLATE_NOOP("Fields", "Housing offer"),
    "support_goal": QT_TRANSLATE_NOOP("Fields", "Support goal"),
    "referral": QT_TRANSLATE_NOOP("Fields", "Referral"),
    "consent": QT_TRANSLATE_NOOP("Fields", "Consent"),
    "follow_up": QT_TRANSLATE_NOOP("Fields", "Follow-up"),
    "partner": QT_TRANSLATE_NOOP("Fields", "Partner"),
    "conflict": QT_TRANSLATE_NOOP("Fields", "Conflict"),
    "audit_event": QT_TRANSLATE_NOOP("Fields", "Log entry"),
    "team": QT_TRANSLATE_NOOP("Fields", "Team"),
    "worker": QT_TRANSLATE_NOOP("Fields", "Worker"),
}

#: Field names as the editors label them (without their mnemonics).
FIELD_NAMES: dict[str, str] = {
    "team_id": QT_TRANSLATE_NOOP("Fields", "Team"),
    "person_id": QT_TRANSLATE_NOOP("Fields", "Person"),
    "alias": QT_TRANSLATE_NOOP("Fields", "Nickname"),
    "name": QT_TRANSLATE_NOOP("Fields", "Name"),
    "cpr": QT_TRANSLATE_NOOP("Fields", "CPR number"),
    "birth_date": QT_TRANSLATE_NOOP("Fields", "Birth date"),
    "birth_year": QT_TRANSLATE_NOOP("Fields", "Birth year"),
    "approx_age": QT_TRANSLATE_NOOP("Fields", "Approximate age"),
    "description": QT_TRANSLATE_NOOP("Fields", "Description"),
    "phones": QT_TRANSLATE_NOOP("Fields", "Phone numbers"),
    "places": QT_TRANSLATE_NOOP("Fields", "Places"),
    "contact_worker_id": QT_TRANSLATE_NOOP("Fields", "Contact person"),
    "formerly_in_care": QT_TRANSLATE_NOOP("Fields", "Has been in care"),
    "aftercare_ends_on": QT_TRANSLATE_NOOP("Fields", "Aftercare ends on"),
    "functionally_homeless": QT_TRANSLATE_NOOP("Fields", "Functionally homeless"),
    "first_met_on": QT_TRANSLATE_NOOP("Fields", "First met on"),
    "category": QT_TRANSLATE_NOOP("Fields", "Situation"),
    "situation": QT_TRANSLATE_NOOP("Fields", "Situation"),
    "valid_from": QT_TRANSLATE_NOOP("Fields", "From"),
    "expected_date": QT_TRANSLATE_NOOP("Fields", "Expected release/discharge"),
    "place": QT_TRANSLATE_NOOP("Fields", "Place"),
    "ready_to_move": QT_TRANSLATE_NOOP("Fields", "Ready for own housing"),
    "note": QT_TRANSLATE_NOOP("Fields", "Note"),
    "recorded_by": QT_TRANSLATE_NOOP("Fields", "Recorded by"),
    "occurred_at": QT_TRANSLATE_NOOP("Fields", "Time"),
    "channel": QT_TRANSLATE_NOOP("Fields", "Channel"),
    "topics": QT_TRANSLATE_NOOP("Fields", "Topics"),
    "source": QT_TRANSLATE_NOOP("Fields", "Source"),
    "next_step": QT_TRANSLATE_NOOP("Fields", "Next step"),
    "follow_up_on": QT_TRANSLATE_NOOP("Fields", "Follow up on"),
    "worker_id": QT_TRANSLATE_NOOP("Fields", "Worker"),
    "kind": QT_TRANSLATE_NOOP("Fields", "Kind"),
    "on": QT_TRANSLATE_NOOP("Fields", "Date"),
    "housing_plan": QT_TRANSLATE_NOOP("Fields", "Housing plan"),
    "done": QT_TRANSLATE_NOOP("Fields", "Completed"),
    "landlord": QT_TRANSLATE_NOOP("Fields", "Landlord"),
    "court_date": QT_TRANSLATE_NOOP("Fields", "Court hearing"),
    "bailiff_date": QT_TRANSLATE_NOOP("Fields", "Bailiff's visit"),
    "arrears_dkk": QT_TRANSLATE_NOOP("Fields", "Arrears"),
    "actions": QT_TRANSLATE_NOOP("Fields", "Actions"),
    "status": QT_TRANSLATE_NOOP("Fields", "Status"),
    "address": QT_TRANSLATE_NOOP("Fields", "Address"),
    "area": QT_TRANSLATE_NOOP("Fields", "Area"),
    "monthly_rent_dkk": QT_TRANSLATE_NOOP("Fields", "Monthly rent"),
    "lease_ends_on": QT_TRANSLATE_NOOP("Fields", "Lease ends on"),
    "central": QT_TRANSLATE_NOOP("Fields", "Central"),
    "strained_area": QT_TRANSLATE_NOOP("Fields", "Strained area"),
    "move_in_on": QT_TRANSLATE_NOOP("Fields", "Move-in date"),
    "alternative_solution": QT_TRANSLATE_NOOP("Fields", "Alternative solution"),
    "own_words": QT_TRANSLATE_NOOP("Fields", "In their own words"),
    "target_on": QT_TRANSLATE_NOOP("Fields", "Target date"),
    "partner_id": QT_TRANSLATE_NOOP("Fields", "Partner"),
    "referred_on": QT_TRANSLATE_NOOP("Fields", "Referred on"),
    "purpose": QT_TRANSLATE_NOOP("Fields", "Purpose"),
    "legal_basis": QT_TRANSLATE_NOOP("Fields", "Legal basis"),
    "consent_id": QT_TRANSLATE_NOOP("Fields", "Consent"),
    "outcome": QT_TRANSLATE_NOOP("Fields", "Outcome"),
    "outcome_note": QT_TRANSLATE_NOOP("Fields", "Note on the outcome"),
    "given_on": QT_TRANSLATE_NOOP("Fields", "Given on"),
    "expires_on": QT_TRANSLATE_NOOP("Fields", "Expires on"),
    "scope": QT_TRANSLATE_NOOP("Fields", "Scope"),
    "withdrawn_on": QT_TRANSLATE_NOOP("Fields", "Withdrawn on"),
    "due_on": QT_TRANSLATE_NOOP("Fields", "Due"),
    "what": QT_TRANSLATE_NOOP("Fields", "What"),
    "assigned_worker_id": QT_TRANSLATE_NOOP("Fields", "Assigned to"),
    "done_on": QT_TRANSLATE_NOOP("Fields", "Done on"),
    "encounter_id": QT_TRANSLATE_NOOP("Fields", "Contact"),
    "phone": QT_TRANSLATE_NOOP("Fields", "Phone"),
}

#: Where one name means different things in different records.
_FIELD_OVERRIDES: dict[tuple[str, str], str] = {
    ("support_goal", "area"): QT_TRANSLATE_NOOP("Fields", "Support area"),
    ("transition", "kind"): QT_TRANSLATE_NOOP("Fields", "Transition"),
    ("housing_offer", "kind"): QT_TRANSLATE_NOOP("Fields", "Kind of housing"),
    ("partner", "name"): QT_TRANSLATE_NOOP("Fields", "Name"),
    ("person", "name"): QT_TRANSLATE_NOOP("Fields", "Full name"),
}

#: The vocabulary of a field whose values are codes, so they are shown as words.
FIELD_VOCABULARY: dict[tuple[str, str], type[Enum]] = {
    ("encounter", "channel"): Channel,
    ("encounter", "source"): Source,
    ("encounter", "situation"): HousingCategory,
    ("housing_status", "category"): HousingCategory,
    ("transition", "kind"): TransitionKind,
    ("eviction_case", "status"): EvictionStatus,
    ("housing_offer", "kind"): OfferKind,
    ("housing_offer", "status"): OfferStatus,
    ("support_goal", "area"): SupportArea,
    ("support_goal", "status"): GoalStatus,
    ("referral", "legal_basis"): LegalBasis,
    ("referral", "outcome"): ReferralOutcome,
    ("partner", "kind"): PartnerKind,
}


def entity_name(entity: str) -> str:
    source = ENTITY_NAMES.get(entity)
    return QCoreApplication.translate(_FIELDS_CTX, source) if source else entity


def field_name(entity: str, field: str) -> str:
    source = _FIELD_OVERRIDES.get((entity, field)) or FIELD_NAMES.get(field)
    return QCoreApplication.translate(_FIELDS_CTX, source) if source else field


# --- validation messages -------------------------------------------------------------------------

_ERRORS_CTX = "FieldErrors"

#: Messages for one field and code; checked before the code's general message.
_FIELD_ERRORS: dict[tuple[str, str], str] = {
    ("approx_age", "range"): QT_TRANSLATE_NOOP("FieldErrors", "The age must be between 0 and 120."),
    ("birth_year", "range"): QT_TRANSLATE_NOOP(
        "FieldErrors", "The birth year must be between 1900 and 2100."
    ),
    ("arrears_dkk", "range"): QT_TRANSLATE_NOOP("FieldErrors", "Arrears cannot be negative."),
    ("monthly_rent_dkk", "range"): QT_TRANSLATE_NOOP("FieldErrors", "Rent cannot be negative."),
    ("follow_up_on", "before_start"): QT_TRANSLATE_NOOP(
        "FieldErrors", "The follow-up date is before the contact."
    ),
    ("lease_ends_on", "before_start"): QT_TRANSLATE_NOOP(
        "FieldErrors", "The lease ends before the move-in date."
    ),
    ("expires_on", "before_start"): QT_TRANSLATE_NOOP(
        "FieldErrors", "The consent expires before it was given."
    ),
    ("withdrawn_on", "before_start"): QT_TRANSLATE_NOOP(
        "FieldErrors", "The consent is withdrawn before it was given."
    ),
    ("expected_date", "required"): QT_TRANSLATE_NOOP(
        "FieldErrors", "Give the expected date of release or discharge."
    ),
    ("move_in_on", "required"): QT_TRANSLATE_NOOP(
        "FieldErrors", "Give the move-in date when the person has moved in."
    ),
    ("alias", "required"): QT_TRANSLATE_NOOP(
        "FieldErrors", "Give at least a nickname; a name is not needed."
    ),
    ("phones", "required"): QT_TRANSLATE_NOOP("FieldErrors", "A phone number cannot be empty."),
}

#: One message per stable code of FieldError; the UI's own codes are at the end.
ERROR_CODES: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("FieldErrors", "This must be filled in."),
    "cpr_format": QT_TRANSLATE_NOOP("FieldErrors", "A CPR number has ten digits: DDMMYY-XXXX."),
    "cpr_mismatch": QT_TRANSLATE_NOOP(
        "FieldErrors", "The birth date does not match the CPR number."
    ),
    "range": QT_TRANSLATE_NOOP("FieldErrors", "The value is not plausible."),
    "before_start": QT_TRANSLATE_NOOP("FieldErrors", "This date is before the start date."),
    "anonymous_needs_detail": QT_TRANSLATE_NOOP(
        "FieldErrors", "An anonymous contact needs an approximate age or a description."
    ),
    "consent_required": QT_TRANSLATE_NOOP(
        "FieldErrors",
        "A referral needs the person's consent, unless it is one of the cooperations in "
        "§ 115 of the Administration of Justice Act.",
    ),
    "not_author": QT_TRANSLATE_NOOP(
        "FieldErrors", "Only the worker who wrote this can correct it."
    ),
    "date_format": QT_TRANSLATE_NOOP(
        "FieldErrors", "Write the date as DD-MM-YYYY, for example 24-12-2026."
    ),
    "number_format": QT_TRANSLATE_NOOP("FieldErrors", "Write a whole number."),
    "record_deleted": QT_TRANSLATE_NOOP(
        "FieldErrors", "The record has been deleted, so its other value cannot be restored."
    ),
}


def field_error_text(error: FieldError) -> str:
    """The worker's-language explanation of a validation error; the English source message of
    the domain is the last resort, never a code."""
    source = _FIELD_ERRORS.get((error.field, error.code)) or ERROR_CODES.get(error.code)
    if source is None:
        return error.message
    return QCoreApplication.translate(_ERRORS_CTX, source)


# --- dates ------------------------------------------------------------------------------------


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def fmt_date(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(qdate(value), "dd-MM-yyyy")


def fmt_datetime(value: datetime | None) -> str:
    """Local time: workers think in the clock on the wall, records keep UTC."""
    if value is None:
        return ""
    local = value.astimezone()
    moment = QDateTime(qdate(local.date()), QTime(local.hour, local.minute))
    return QLocale().toString(moment, "dd-MM-yyyy HH:mm")


def age_text(age: timedelta) -> str:
    """How old (a change not yet sent, the last sync), in the unit a person would use."""
    seconds = max(0, int(age.total_seconds()))
    if seconds < 3600:
        return QCoreApplication.translate("Age", "%n minutes", None, max(1, seconds // 60))
    if seconds < 2 * 86400:
        return QCoreApplication.translate("Age", "%n hours", None, seconds // 3600)
    return QCoreApplication.translate("Age", "%n days", None, seconds // 86400)


def join(parts: Iterable[str | None], sep: str = " · ") -> str:
    return sep.join(p for p in parts if p)
