"""The prevention radar: who is about to fall through a transition, and what is missing.

Each item names a person, the date it is about, the days left (negative once passed), what is
missing as a stable code the UI translates, and the kind of action offered: ``log`` an
encounter, ``plan`` (a housing plan, an offer), or ``follow_up``. The rules, with the
thresholds of :class:`RadarSettings` (defaults in brackets):

Transitions (``Transition`` records), not done and without a housing plan
    Prison release, hospital discharge, end of treatment and moving out of a shelter within
    ``release_days`` [30]; leaving care and aftercare ending within ``care_days`` [90].
    Missing ``no_housing_plan``; action ``plan``. A plan of only blanks is no plan.

Prison and hospital from the housing history
    A person whose current situation is ``prison_release`` or ``hospital_discharge`` has, by
    the category's own wording, no housing solution: shown when the expected date is within
    ``release_days``, unless a transition of the same kind lies within 14 days of it (then the
    transition is the worked-on record of the same event, and its plan decides).

Young people formerly in care
    A person marked ``formerly_in_care`` whose 18th birthday (birth date, else from the CPR
    number; born 29 February: 1 March) is within ``care_days``: kind ``leaving_care``, detail
    ``turning_18``. ``Person.aftercare_ends_on`` within ``care_days``: ``aftercare_ending``.
    Either is left out when a transition of that kind lies within 31 days of the date.

A long shelter stay
    Current situation ``shelter`` with ``ready_to_move`` set, and the stay (the run of
    consecutive shelter entries up to now) began more than ``shelter_months`` [3] ago. The
    date is the day the stay passed that length. Left out while an offer is open (proposed,
    viewing, accepted). Missing ``no_housing_offer``.

A lease ending (decided here: the issue left it open)
    Only a ``HousingOffer`` carries a lease end, so the radar watches offers the person moved
    into (``moved_in``) whose ``lease_ends_on`` is within ``lease_days`` [60]: transitional
    housing, and any other lease with an end date (bagkant), which the strategy warns
    against for the same reason. Only the person's latest move-in, only while their current
    situation is transitional, housed or unrecorded, and not while another offer is open.
    A transitional situation without an offer carrying the end date cannot be dated, so it
    is not on the radar: record the lease as an offer. Missing ``no_next_housing``.

Evictions
    Open cases with a court or bailiff date within ``eviction_days`` [30] (the nearest
    coming date; detail ``court`` or ``bailiff``). Missing ``no_eviction_action`` when no
    action is recorded, else ``eviction_not_averted``. Action ``follow_up``.

Retention check-ins (fastholdelse)
    After each move-in, check-ins fall due ``check_in_months`` [1, 3, 6, 12] calendar months
    later. A move-in is an offer with status ``moved_in`` (on ``move_in_on``), or a housing
    entry ``housed`` following one that was neither housed nor unknown; the two are the same
    move when within 31 days of each other (the offer's date wins). The window of a check-in
    runs from ``check_in_before_days`` [14] before its due date to ``check_in_after_days``
    [30] after it: any encounter with the person in it (a phone call counts) marks it done.
    The radar shows a check-in while its window is open and it is not done; after that it is
    missed and gives way to the next one. Check-ins stop when the person loses the home.
    Action ``log``.

Returned to homelessness
    A person who had a home (a ``housed`` entry or a move-in) and whose next entry is street,
    night shelter, shelter, hotel, sofa or other (transitional housing is a step, not a loss)
    returned on that entry's date: shown for ``returned_days`` [30] after it while they are
    still homeless. Missing ``housing_lost``; action ``plan``.

Inactive
    People not seen for ``inactive_days`` [90] (no encounter and no housing entry): everyone
    whose current situation is not ``housed`` and who is not inside prison or hospital
    (expected date still ahead), back to ``inactive_lookback_days`` [365]; older cases are
    the dashboard's inactive count, not a daily prompt. The date is the day they became
    inactive. Missing ``no_contact``; action ``log``. The dashboard uses the same threshold.

Dated items whose date has passed stay for ``overdue_days`` [7] unless resolved, so a release
without a plan does not vanish from the radar the day after.

The cold-weather checklist (:func:`cold_weather`, on demand)
    Everyone whose current situation is ``street`` or ``other_homeless`` and who was seen in
    the last ``cold_weather_days`` [30], with their last known places: the place of the
    current entry, where they were met in that period (newest first), then the places on
    their record. Sorted by first place, then alias, since a round goes place by place.
    Anonymous contacts are not on it: they are tallies, not people one can look for.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from enum import StrEnum
from itertools import pairwise
from typing import Any, TypeVar

import msgspec

from gadeplan.app.domain.housing import DATED_CATEGORIES, HousingCategory
from gadeplan.app.domain.records import (
    AuditAction,
    EvictionCase,
    EvictionStatus,
    HousingOffer,
    OfferStatus,
    Transition,
    TransitionKind,
)
from gadeplan.app.services import local_settings
from gadeplan.app.services.population import HousingRow, Population, born_on, counts_on
from gadeplan.storage import analytics
from gadeplan.storage.analytics import EvictionRow, OfferRow, TransitionRow

SETTINGS_KEY = "settings.radar"


class RadarSettings(msgspec.Struct, frozen=True):
    """The radar's thresholds, in days unless named otherwise."""

    release_days: int = 30
    care_days: int = 90
    shelter_months: int = 3
    lease_days: int = 60
    eviction_days: int = 30
    check_in_months: tuple[int, ...] = (1, 3, 6, 12)
    check_in_before_days: int = 14
    check_in_after_days: int = 30
    returned_days: int = 30
    inactive_days: int = 90
    inactive_lookback_days: int = 365
    cold_weather_days: int = 30
    overdue_days: int = 7

    def __post_init__(self) -> None:
        for name in (
            "release_days",
            "care_days",
            "shelter_months",
            "lease_days",
            "eviction_days",
            "check_in_before_days",
            "check_in_after_days",
            "returned_days",
            "inactive_days",
            "cold_weather_days",
            "overdue_days",
        ):
            value = getattr(self, name)
            if not isinstance(value, int) or not 0 <= value <= 3650:
                raise ValueError(f"{name} must be a whole number from 0 to 3650")
        if self.inactive_days < 1:
            raise ValueError("inactive_days must be at least 1")
        if self.inactive_lookback_days < self.inactive_days:
            raise ValueError("inactive_lookback_days must not be below inactive_days")
        months = self.check_in_months
        if any(m < 1 or m > 120 for m in months) or list(months) != sorted(set(months)):
            raise ValueError("check_in_months must be increasing whole months from 1 to 120")


def load_settings(session: Any) -> RadarSettings:
    return local_settings.load(session, SETTINGS_KEY, RadarSettings)


def save_settings(session: Any, settings: RadarSettings) -> None:
    local_settings.save(session, SETTINGS_KEY, settings)


class RadarKind(StrEnum):
    PRISON_RELEASE = "prison_release"
    HOSPITAL_DISCHARGE = "hospital_discharge"
    TREATMENT_END = "treatment_end"
    SHELTER_EXIT = "shelter_exit"
    LEAVING_CARE = "leaving_care"
    AFTERCARE_ENDING = "aftercare_ending"
    LONG_SHELTER_STAY = "long_shelter_stay"
    LEASE_ENDING = "lease_ending"
    EVICTION = "eviction"
    CHECK_IN = "check_in"
    RETURNED_TO_HOMELESSNESS = "returned_to_homelessness"
    INACTIVE = "inactive"


class RadarAction(StrEnum):
    LOG = "log"
    PLAN = "plan"
    FOLLOW_UP = "follow_up"


class Missing(StrEnum):
    NO_HOUSING_PLAN = "no_housing_plan"
    NO_HOUSING_OFFER = "no_housing_offer"
    NO_NEXT_HOUSING = "no_next_housing"
    NO_EVICTION_ACTION = "no_eviction_action"
    EVICTION_NOT_AVERTED = "eviction_not_averted"
    NO_CHECK_IN = "no_check_in"
    HOUSING_LOST = "housing_lost"
    NO_CONTACT = "no_contact"


class RadarItem(msgspec.Struct, frozen=True):
    kind: RadarKind
    person_id: str
    #: For display only; the person's record is opened by ``person_id``.
    alias: str
    on: date
    #: ``on`` minus the radar's date: negative once passed.
    days_left: int
    missing: Missing
    action: RadarAction
    #: The record behind the item, for "open" (``transition``, ``eviction_case``,
    #: ``housing_offer``, ``housing_status`` or ``person``).
    record_entity: str
    record_id: str
    #: ``court``/``bailiff`` (eviction), the months (check-in), ``turning_18`` (leaving care).
    detail: str | None = None


class Radar(msgspec.Struct, frozen=True):
    on: date
    team_id: str | None
    settings: RadarSettings
    #: Most urgent first: by days left, then kind, then alias.
    items: tuple[RadarItem, ...]

    def of_kind(self, *kinds: RadarKind) -> tuple[RadarItem, ...]:
        return tuple(i for i in self.items if i.kind in kinds)

    def due_within(self, days: int) -> tuple[RadarItem, ...]:
        """For the top of Today: what is due within ``days`` (or has passed)."""
        return tuple(i for i in self.items if i.days_left <= days)


class ColdWeatherEntry(msgspec.Struct, frozen=True):
    person_id: str
    alias: str
    situation: HousingCategory
    last_seen: date
    #: Newest first, without repeats, at most five.
    places: tuple[str, ...]


# --- helpers ---------------------------------------------------------------------------------

_KIND_ORDER = {kind: i for i, kind in enumerate(RadarKind)}

#: A home is lost when the next situation is one of these (transitional housing is a step).
LOST_HOUSING = frozenset(
    {
        HousingCategory.STREET,
        HousingCategory.NIGHT_SHELTER,
        HousingCategory.SHELTER,
        HousingCategory.HOTEL,
        HousingCategory.SOFA,
        HousingCategory.OTHER_HOMELESS,
    }
)

_TRANSITION_KINDS = {
    TransitionKind.PRISON_RELEASE: RadarKind.PRISON_RELEASE,
    TransitionKind.HOSPITAL_DISCHARGE: RadarKind.HOSPITAL_DISCHARGE,
    TransitionKind.TREATMENT_END: RadarKind.TREATMENT_END,
    TransitionKind.SHELTER_EXIT: RadarKind.SHELTER_EXIT,
    TransitionKind.LEAVING_CARE: RadarKind.LEAVING_CARE,
    TransitionKind.AFTERCARE_ENDING: RadarKind.AFTERCARE_ENDING,
}
_CARE_TRANSITIONS = frozenset({TransitionKind.LEAVING_CARE, TransitionKind.AFTERCARE_ENDING})
_RADAR_TRANSITIONS = {radar_kind: kind for kind, radar_kind in _TRANSITION_KINDS.items()}


def transition_to_plan(item: RadarItem) -> TransitionKind | None:
    """The transition a "plan" should start with when the item has no transition record yet
    (its date comes from a birthday, the aftercare end or an expected release): then the
    plan's first step is writing that transition down, and its kind and date are known."""
    if item.missing is not Missing.NO_HOUSING_PLAN or item.record_entity == "transition":
        return None
    return _RADAR_TRANSITIONS.get(item.kind)


#: A prison or hospital situation and a transition record of these kinds are one event.
_SAME_EVENT = {
    HousingCategory.PRISON_RELEASE: frozenset({TransitionKind.PRISON_RELEASE}),
    HousingCategory.HOSPITAL_DISCHARGE: frozenset(
        {TransitionKind.HOSPITAL_DISCHARGE, TransitionKind.TREATMENT_END}
    ),
}
_SAME_EVENT_DAYS = 14
_SAME_CARE_EVENT_DAYS = 31
_SAME_MOVE_DAYS = 31
_OPEN_OFFER = frozenset({OfferStatus.PROPOSED, OfferStatus.VIEWING, OfferStatus.ACCEPTED})


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later, or that month's last day."""
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def eighteenth_birthday(born: date) -> date:
    try:
        return born.replace(year=born.year + 18)
    except ValueError:  # 29 February
        return date(born.year + 18, 3, 1)


def _no_plan(text: str | None) -> bool:
    return text is None or not text.strip()


R = TypeVar("R", TransitionRow, OfferRow, EvictionRow)


def _by_person(records: Iterable[R], persons: Mapping[str, object]) -> dict[str, list[R]]:
    out: dict[str, list[R]] = {}
    for record in records:
        if record.person_id in persons:
            out.setdefault(record.person_id, []).append(record)
    return out


class _Move(msgspec.Struct, frozen=True):
    on: date
    entity: str
    record_id: str


class _Builder:
    def __init__(
        self, population: Population, on: date, settings: RadarSettings, team_id: str | None
    ) -> None:
        self.population = population
        self.on = on
        self.settings = settings
        self.team_id = team_id
        self.items: list[RadarItem] = []
        self.overdue = timedelta(days=settings.overdue_days)
        #: Everyone's situation on the radar's date, worked out once for all the rules.
        self.current: dict[str, HousingRow | None] = {
            pid: population.situation_on(pid, on) for pid in population.housing
        }

    def add(
        self,
        kind: RadarKind,
        person_id: str,
        day: date,
        missing: Missing,
        action: RadarAction,
        entity: str,
        record_id: str,
        detail: str | None = None,
    ) -> None:
        self.items.append(
            RadarItem(
                kind=kind,
                person_id=person_id,
                alias=self.population.alias(person_id),
                on=day,
                days_left=(day - self.on).days,
                missing=missing,
                action=action,
                record_entity=entity,
                record_id=record_id,
                detail=detail,
            )
        )

    def within(self, day: date | None, days: int) -> bool:
        return day is not None and self.on - self.overdue <= day <= self.on + timedelta(days=days)

    # --- the rules -------------------------------------------------------------------------

    def transitions(self, by_person: dict[str, list[TransitionRow]]) -> None:
        s = self.settings
        for person_id, transitions in by_person.items():
            for t in transitions:
                days = s.care_days if t.kind in _CARE_TRANSITIONS else s.release_days
                if t.done or not _no_plan(t.housing_plan) or not self.within(t.on, days):
                    continue
                self.add(
                    _TRANSITION_KINDS[t.kind],
                    person_id,
                    t.on,
                    Missing.NO_HOUSING_PLAN,
                    RadarAction.PLAN,
                    Transition.ENTITY,
                    t.id,
                )

    def dated_situations(self, transitions: dict[str, list[TransitionRow]]) -> None:
        for person_id in self.population.housing:
            entry = self.current[person_id]
            if entry is None or entry.category not in DATED_CATEGORIES:
                continue
            expected = entry.expected_date
            if expected is None or not self.within(expected, self.settings.release_days):
                continue
            kinds = _SAME_EVENT[entry.category]
            if any(
                t.kind in kinds and abs((t.on - expected).days) <= _SAME_EVENT_DAYS
                for t in transitions.get(person_id, ())
            ):
                continue
            kind = (
                RadarKind.PRISON_RELEASE
                if entry.category is HousingCategory.PRISON_RELEASE
                else RadarKind.HOSPITAL_DISCHARGE
            )
            self.add(
                kind,
                person_id,
                expected,
                Missing.NO_HOUSING_PLAN,
                RadarAction.PLAN,
                "housing_status",
                entry.id,
            )

    def care(self, transitions: dict[str, list[TransitionRow]]) -> None:
        s = self.settings
        for person in self.population:
            own = transitions.get(person.id, ())
            if person.formerly_in_care:
                born = born_on(person)
                if born is not None:
                    birthday = eighteenth_birthday(born)
                    if self.within(birthday, s.care_days) and not _has_transition(
                        own, TransitionKind.LEAVING_CARE, birthday
                    ):
                        self.add(
                            RadarKind.LEAVING_CARE,
                            person.id,
                            birthday,
                            Missing.NO_HOUSING_PLAN,
                            RadarAction.PLAN,
                            "person",
                            person.id,
                            "turning_18",
                        )
            ends = person.aftercare_ends_on
            if (
                ends is not None
                and self.within(ends, s.care_days)
                and not _has_transition(own, TransitionKind.AFTERCARE_ENDING, ends)
            ):
                self.add(
                    RadarKind.AFTERCARE_ENDING,
                    person.id,
                    ends,
                    Missing.NO_HOUSING_PLAN,
                    RadarAction.PLAN,
                    "person",
                    person.id,
                )

    def long_shelter_stays(self, offers: dict[str, list[OfferRow]]) -> None:
        for person_id, entries in self.population.housing.items():
            entry = self.current[person_id]
            if entry is None or entry.category is not HousingCategory.SHELTER:
                continue
            if not entry.ready_to_move or _has_open_offer(offers.get(person_id, ())):
                continue
            position = entries.index(entry)
            start = entry.valid_from
            while position > 0 and entries[position - 1].category is HousingCategory.SHELTER:
                position -= 1
                start = entries[position].valid_from
            passed = add_months(start, self.settings.shelter_months)
            if passed <= self.on:
                self.add(
                    RadarKind.LONG_SHELTER_STAY,
                    person_id,
                    passed,
                    Missing.NO_HOUSING_OFFER,
                    RadarAction.PLAN,
                    "housing_status",
                    entry.id,
                )

    def leases(self, offers: dict[str, list[OfferRow]]) -> None:
        allowed = {HousingCategory.TRANSITIONAL, HousingCategory.HOUSED}
        for person_id, own in offers.items():
            moved = [
                o
                for o in own
                if o.status is OfferStatus.MOVED_IN
                and o.move_in_on is not None
                and o.move_in_on <= self.on
            ]
            if not moved or _has_open_offer(own):
                continue
            latest = max(moved, key=lambda o: o.move_in_on or date.min)
            if not self.within(latest.lease_ends_on, self.settings.lease_days):
                continue
            current = self.current.get(person_id)
            if current is not None and current.category not in allowed:
                continue
            assert latest.lease_ends_on is not None
            self.add(
                RadarKind.LEASE_ENDING,
                person_id,
                latest.lease_ends_on,
                Missing.NO_NEXT_HOUSING,
                RadarAction.PLAN,
                HousingOffer.ENTITY,
                latest.id,
            )

    def evictions(self, cases: dict[str, list[EvictionRow]]) -> None:
        for person_id, own in cases.items():
            for case in own:
                if case.status is not EvictionStatus.OPEN:
                    continue
                dates = [
                    (day, detail)
                    for day, detail in ((case.court_date, "court"), (case.bailiff_date, "bailiff"))
                    if day is not None and self.within(day, self.settings.eviction_days)
                ]
                if not dates:
                    continue
                coming = [d for d in dates if d[0] >= self.on]
                day, detail = min(coming) if coming else max(dates)
                self.add(
                    RadarKind.EVICTION,
                    person_id,
                    day,
                    Missing.EVICTION_NOT_AVERTED if case.actions else Missing.NO_EVICTION_ACTION,
                    RadarAction.FOLLOW_UP,
                    EvictionCase.ENTITY,
                    case.id,
                    detail,
                )

    def moves(self, person_id: str, offers: list[OfferRow]) -> list[_Move]:
        """Move-ins on or before the radar's date, oldest first, one per move."""
        from_offers = [
            _Move(o.move_in_on, HousingOffer.ENTITY, o.id)
            for o in offers
            if o.status is OfferStatus.MOVED_IN
            and o.move_in_on is not None
            and o.move_in_on <= self.on
        ]
        from_history: list[_Move] = []
        entries = self.population.history(person_id)
        for previous, entry in pairwise(entries):
            if (
                entry.category is HousingCategory.HOUSED
                and previous.category not in (HousingCategory.HOUSED, HousingCategory.UNKNOWN)
                and entry.valid_from <= self.on
            ):
                from_history.append(_Move(entry.valid_from, "housing_status", entry.id))
        moves = sorted(from_offers, key=lambda m: m.on)
        for move in from_history:
            if all(abs((move.on - m.on).days) > _SAME_MOVE_DAYS for m in from_offers):
                moves.append(move)
        moves.sort(key=lambda m: m.on)
        kept: list[_Move] = []
        for move in moves:
            if not kept or (move.on - kept[-1].on).days > _SAME_MOVE_DAYS:
                kept.append(move)
        return kept

    def _lost_on(self, person_id: str, after: date) -> date | None:
        for entry in self.population.history(person_id):
            if entry.valid_from > after and entry.category in LOST_HOUSING:
                return entry.valid_from
        return None

    def check_ins(self, offers: dict[str, list[OfferRow]], store: Any) -> None:
        s = self.settings
        before = timedelta(days=s.check_in_before_days)
        after = timedelta(days=s.check_in_after_days)
        due: list[tuple[str, int, date, _Move]] = []
        # Only a move-in since this day can have a check-in due (m months are at most 31 * m
        # days): everyone else's moves are left alone, most of 20,000 people on a large store.
        since = self.on - timedelta(days=s.check_in_after_days + 31 * max(s.check_in_months))

        def recent(day: date | None) -> bool:
            return day is not None and since <= day <= self.on

        candidates = {
            pid
            for pid, own in offers.items()
            if any(o.status is OfferStatus.MOVED_IN and recent(o.move_in_on) for o in own)
        } | {
            pid
            for pid, entries in self.population.housing.items()
            if any(e.category is HousingCategory.HOUSED and recent(e.valid_from) for e in entries)
        }
        for person_id in candidates:
            moves = self.moves(person_id, offers.get(person_id, []))
            for i, move in enumerate(moves):
                ends = self._lost_on(person_id, move.on)
                if i + 1 < len(moves):
                    ends = min(ends or date.max, moves[i + 1].on)
                if ends is not None and ends <= self.on:
                    continue
                for months in s.check_in_months:
                    day = add_months(move.on, months)
                    if day - before <= self.on <= day + after:
                        due.append((person_id, months, day, move))
        if not due:
            return
        start = min(d[2] for d in due) - before
        with store.read() as conn:
            contacts = analytics.encounter_days(conn, {d[0] for d in due}, start, self.on)
        for person_id, months, day, move in due:
            if any(day - before <= c <= day + after for c in contacts.get(person_id, ())):
                continue
            self.add(
                RadarKind.CHECK_IN,
                person_id,
                day,
                Missing.NO_CHECK_IN,
                RadarAction.LOG,
                move.entity,
                move.record_id,
                str(months),
            )

    def returns(self, offers: dict[str, list[OfferRow]]) -> None:
        window = timedelta(days=self.settings.returned_days)
        for person_id, entries in self.population.housing.items():
            own = offers.get(person_id, ())
            if not own and all(e.category is not HousingCategory.HOUSED for e in entries):
                continue  # never had a home: nothing to return from
            if not counts_on(self.current[person_id], self.on):
                continue
            events: list[tuple[date, int, HousingRow | None]] = [
                (o.move_in_on, 0, None)
                for o in own
                if o.status is OfferStatus.MOVED_IN and o.move_in_on is not None
            ]
            events.extend((e.valid_from, 1, e) for e in entries)
            events.sort(key=lambda e: (e[0], e[1]))
            housed = False
            returned: HousingRow | None = None
            for day, _, entry in events:
                if day > self.on:
                    break
                if entry is None or entry.category is HousingCategory.HOUSED:
                    housed = True
                elif entry.category in LOST_HOUSING and housed:
                    returned, housed = entry, False
            if returned is not None and self.on - window <= returned.valid_from:
                self.add(
                    RadarKind.RETURNED_TO_HOMELESSNESS,
                    person_id,
                    returned.valid_from,
                    Missing.HOUSING_LOST,
                    RadarAction.PLAN,
                    "housing_status",
                    returned.id,
                )

    def inactive(self, last_seen: dict[str, date]) -> None:
        s = self.settings
        newest = self.on - timedelta(days=s.inactive_days)
        oldest = self.on - timedelta(days=s.inactive_lookback_days)
        for person in self.population:
            seen = last_seen.get(person.id)
            current = self.current.get(person.id)
            if current is not None:
                if current.category is HousingCategory.HOUSED:
                    continue
                if (
                    current.category in DATED_CATEGORIES
                    and current.expected_date is not None
                    and current.expected_date > self.on
                ):
                    continue
                # Recording a situation is a contact too.
                if seen is None or current.valid_from > seen:
                    seen = current.valid_from
            if seen is None or not oldest <= seen <= newest:
                continue
            day = seen + timedelta(days=s.inactive_days)
            self.add(
                RadarKind.INACTIVE,
                person.id,
                day,
                Missing.NO_CONTACT,
                RadarAction.LOG,
                "person",
                person.id,
            )


def _has_transition(transitions: Iterable[TransitionRow], kind: TransitionKind, day: date) -> bool:
    return any(
        t.kind is kind and abs((t.on - day).days) <= _SAME_CARE_EVENT_DAYS for t in transitions
    )


def _has_open_offer(offers: Iterable[OfferRow]) -> bool:
    return any(o.status in _OPEN_OFFER for o in offers)


def radar(
    session: Any,
    *,
    team_id: str | None,
    on: date | None = None,
    settings: RadarSettings | None = None,
) -> Radar:
    """The radar for ``on`` (default: today), for one team or (``None``) the whole device."""
    on = on or session.clock.today()
    settings = settings or load_settings(session)
    population = Population.load(session.store, team_id)
    persons = population.persons
    # Transitions near enough to matter, with the margins within which one is the same
    # event as a prison or hospital situation or an 18th birthday.
    margin = timedelta(days=settings.overdue_days + _SAME_CARE_EVENT_DAYS)
    ahead = timedelta(days=max(settings.care_days, settings.release_days) + _SAME_CARE_EVENT_DAYS)
    with session.store.read() as conn:
        transitions = _by_person(analytics.transitions(conn, on - margin, on + ahead), persons)
        offers = _by_person(analytics.housing_offers(conn), persons)
        cases = _by_person(analytics.open_eviction_cases(conn), persons)
        last_seen = analytics.last_seen(conn, on)
    builder = _Builder(population, on, settings, team_id)
    builder.transitions(transitions)
    builder.dated_situations(transitions)
    builder.care(transitions)
    builder.long_shelter_stays(offers)
    builder.leases(offers)
    builder.evictions(cases)
    builder.check_ins(offers, session.store)
    builder.returns(offers)
    builder.inactive(last_seen)
    items = sorted(
        builder.items,
        key=lambda i: (i.days_left, _KIND_ORDER[i.kind], i.alias.casefold(), i.person_id),
    )
    _audit_list(session, "radar", {i.person_id for i in items})
    return Radar(on, team_id, settings, tuple(items))


def _audit_list(session: Any, what: str, people: set[str]) -> None:
    """A list of people shown is a read of their data: logged as one search, with how many
    people it named, never who (as the Today list does)."""
    with session.store.write() as conn:
        session.audit.write(conn, AuditAction.SEARCH, entity=what, detail=str(len(people)))


def log_shown(session: Any, found: Radar) -> None:
    """A radar made earlier and shown again (the window keeps one while nothing changes) is
    logged as its making was: one search naming how many people."""
    _audit_list(session, "radar", {i.person_id for i in found.items})


def cold_weather(
    session: Any,
    *,
    team_id: str | None,
    on: date | None = None,
    settings: RadarSettings | None = None,
) -> tuple[ColdWeatherEntry, ...]:
    """The cold-weather checklist (see the module's docstring)."""
    on = on or session.clock.today()
    settings = settings or load_settings(session)
    since = on - timedelta(days=settings.cold_weather_days)
    population = Population.load(session.store, team_id)
    rough = {HousingCategory.STREET, HousingCategory.OTHER_HOMELESS}
    current: dict[str, HousingRow] = {}
    for person_id in population.housing:
        entry = population.situation_on(person_id, on)
        if entry is not None and entry.category in rough:
            current[person_id] = entry
    with session.store.read() as conn:
        last_seen = analytics.last_seen(conn, on)
        met = analytics.encounter_places(conn, since, on)
    places_met: dict[str, list[str]] = {}
    for row in met:
        if row.person_id in current:
            places_met.setdefault(row.person_id, []).append(row.place)
    entries: list[ColdWeatherEntry] = []
    for person_id, entry in current.items():
        seen = max(d for d in (last_seen.get(person_id), entry.valid_from) if d is not None)
        if seen < since:
            continue
        person = population.persons[person_id]
        places: list[str] = []
        folded: set[str] = set()
        for place in (entry.place, *places_met.get(person_id, ()), *person.places):
            if place and place.strip() and place.strip().casefold() not in folded:
                folded.add(place.strip().casefold())
                places.append(place.strip())
        entries.append(
            ColdWeatherEntry(person_id, person.alias, entry.category, seen, tuple(places[:5]))
        )
    entries.sort(key=lambda e: ((e.places[0] if e.places else "\uffff").casefold(), e.alias))
    _audit_list(session, "cold_weather", {e.person_id for e in entries})
    return tuple(entries)


__all__ = [
    "LOST_HOUSING",
    "ColdWeatherEntry",
    "Missing",
    "Radar",
    "RadarAction",
    "RadarItem",
    "RadarKind",
    "RadarSettings",
    "add_months",
    "cold_weather",
    "eighteenth_birthday",
    "load_settings",
    "log_shown",
    "radar",
    "save_settings",
]
