"""Overblik: the strategy's numbers for a chosen date, and how they moved month by month.

Everything is computed as of the chosen date ``on``: each person's situation is their latest
housing-history entry valid on that date (not today's), and only contacts up to that date
count. A team lead can therefore look back at last February and get last February's numbers.

Who counts as homeless
    A person is *actively homeless* on a date when their situation that date counts in the
    national count (``counts_as_homeless``: the homeless categories; prison and hospital only
    within the month before the expected date) and they were seen less than ``inactive_days``
    days before it (an encounter, or a housing entry, on or before the date: with 90, someone
    last seen on 1 March is active up to 29 May and inactive from 30 May, as on the radar).
    Someone homeless by their last entry but not seen for that long is *inactive*: reported
    beside the count, never in it, because no-one knows where they are now. This is the
    by-name-list method the five flows below come from; without it a person met once two years
    ago would be counted as homeless for ever.

The states
    On each evaluation date every person is in exactly one state: ``NONE`` (no housing entry
    yet), ``ACTIVE``, ``INACTIVE``, ``HOUSED`` (latest entry "egen bolig") or ``OTHER``
    (unknown; prison or hospital outside the count's month).

The monthly flows (by name)
    The trend is evaluated at each month's last day (the chosen date itself for its own month);
    a month's flows compare each person's state at the previous evaluation date with the state
    at this one. What happens in between and is undone by the month's end is not a flow, as in
    any monthly by-name list. For a person whose state changed:

    - into ``ACTIVE`` from ``INACTIVE``: **returned from inactive**;
    - into ``ACTIVE`` from ``HOUSED``: **returned from housing** if the person had been
      homeless at any time before (any earlier housing entry that counted, on any day up to
      the previous evaluation date), else **newly identified** (an eviction we did not
      prevent is a new homeless person);
    - into ``ACTIVE`` from ``NONE`` or ``OTHER``: **newly identified** if never homeless
      before (same test), else *returned from other* (from prison, hospital or an unknown
      situation);
    - out of ``ACTIVE`` into ``HOUSED``: **moved into housing**; into ``INACTIVE``: **became
      inactive**; into ``NONE`` or ``OTHER``: *left for other* (prison, hospital, unknown);
    - from ``INACTIVE`` to ``HOUSED``: both **returned from inactive** and **moved into
      housing** (found and housed within the month; recording the home is itself a contact).

    Other changes (``NONE`` to ``HOUSED``, ``HOUSED`` to ``OTHER`` ...) never touch the active
    list and are no flow. So for every month::

        active at its end = active at the previous end + the four inflows - the three outflows

    The two "other" flows are not among the issue's five; they are kept (the UI may fold them
    into a small "andet" bar) so that the bars always add up to the change in the trend.
    Every number carries the person ids behind it, for the by-name list a click opens.
"""

from __future__ import annotations

import calendar
import gc
import json
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from functools import reduce
from operator import methodcaller, or_
from typing import Any

import msgspec
from msgspec import field

from gadeplan.app.domain import cpr as cpr_rules
from gadeplan.app.domain.housing import (
    COUNT_WINDOW,
    DANISH_LABELS,
    DATED_CATEGORIES,
    HousingCategory,
)
from gadeplan.app.domain.records import AuditAction
from gadeplan.app.services import local_settings
from gadeplan.storage import analytics

SETTINGS_KEY = "settings.dashboard"

#: The count's categories, in the brief's order: the dashboard shows every one, zeros too.
HOMELESS_CATEGORIES: tuple[HousingCategory, ...] = tuple(
    c for c in HousingCategory if c not in (HousingCategory.HOUSED, HousingCategory.UNKNOWN)
)
PRISON_HOSPITAL = frozenset(DATED_CATEGORIES)


class DashboardSettings(msgspec.Struct, frozen=True):
    """The strategy's goal and target. The baseline count has no default: it is the
    municipality's own number from the national count of the baseline year, and the target
    line is left out until it is entered."""

    goal_below: int = 100
    baseline_year: int = 2019
    baseline_count: int | None = None
    target_reduction_percent: int = 40
    target_year: int = 2025
    trend_months: int = 24

    def __post_init__(self) -> None:
        if self.goal_below < 0:
            raise ValueError("goal_below must not be negative")
        if self.baseline_count is not None and self.baseline_count < 0:
            raise ValueError("baseline_count must not be negative")
        if not 0 <= self.target_reduction_percent <= 100:
            raise ValueError("target_reduction_percent must be 0-100")
        if not 1900 <= self.baseline_year <= self.target_year <= 2200:
            raise ValueError("the baseline year must come before the target year")
        if not 1 <= self.trend_months <= 120:
            raise ValueError("trend_months must be 1-120")

    @property
    def target_count(self) -> float | None:
        if self.baseline_count is None:
            return None
        return self.baseline_count * (100 - self.target_reduction_percent) / 100

    @property
    def baseline_date(self) -> date:
        """The national count is taken in week 6: the baseline is that week's Monday."""
        return date.fromisocalendar(self.baseline_year, 6, 1)

    @property
    def target_date(self) -> date:
        """ "40 % fewer by 2025": by the end of the target year."""
        return date(self.target_year, 12, 31)

    def target_path(self, day: date) -> float | None:
        """The straight line from the baseline to the target, for "are we on track": None
        before the baseline or without a baseline count, flat at the target after it."""
        target = self.target_count
        if target is None or self.baseline_count is None or day < self.baseline_date:
            return None
        if day >= self.target_date:
            return target
        span = (self.target_date - self.baseline_date).days
        done = (day - self.baseline_date).days / span
        return self.baseline_count + (target - self.baseline_count) * done


def load_settings(session: Any) -> DashboardSettings:
    return local_settings.load(session, SETTINGS_KEY, DashboardSettings)


def save_settings(session: Any, settings: DashboardSettings) -> None:
    local_settings.save(session, SETTINGS_KEY, settings)


class Flow(StrEnum):
    NEWLY_IDENTIFIED = "newly_identified"
    RETURNED_FROM_HOUSING = "returned_from_housing"
    RETURNED_FROM_INACTIVE = "returned_from_inactive"
    RETURNED_FROM_OTHER = "returned_from_other"
    MOVED_INTO_HOUSING = "moved_into_housing"
    BECAME_INACTIVE = "became_inactive"
    LEFT_OTHER = "left_other"


INFLOWS = (
    Flow.NEWLY_IDENTIFIED,
    Flow.RETURNED_FROM_HOUSING,
    Flow.RETURNED_FROM_INACTIVE,
    Flow.RETURNED_FROM_OTHER,
)
OUTFLOWS = (Flow.MOVED_INTO_HOUSING, Flow.BECAME_INACTIVE, Flow.LEFT_OTHER)


class Group(msgspec.Struct, frozen=True):
    """A number and the people behind it (ids, sorted), so a click can list them."""

    person_ids: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return len(self.person_ids)


class CategoryCount(msgspec.Struct, frozen=True):
    category: HousingCategory
    #: The count's Danish wording (``DANISH_LABELS``), for the chart and the council PDF.
    label: str
    group: Group

    @property
    def count(self) -> int:
        return self.group.count


class TrendPoint(msgspec.Struct, frozen=True):
    month: date
    #: The day evaluated: the month's last day, or the chosen date in its own month.
    at: date
    homeless: int
    inactive: int
    #: The target line's value on ``at`` (None without a baseline count or before it).
    target_path: float | None


class MonthFlows(msgspec.Struct, frozen=True):
    month: date
    at: date
    #: Actively homeless at the previous evaluation date and at this one.
    homeless_before: int
    homeless_after: int
    people: dict[Flow, tuple[str, ...]] = field(default_factory=dict)

    def count(self, flow: Flow) -> int:
        return len(self.people.get(flow, ()))

    @property
    def inflow(self) -> int:
        return sum(self.count(f) for f in INFLOWS)

    @property
    def outflow(self) -> int:
        return sum(self.count(f) for f in OUTFLOWS)


class Overview(msgspec.Struct, frozen=True):
    on: date
    #: None: all data on the device.
    team_id: str | None
    inactive_days: int
    settings: DashboardSettings
    homeless: Group
    by_category: tuple[CategoryCount, ...]
    young_18_24: Group
    young_25_29: Group
    #: Homeless people whose age the record does not tell.
    age_unknown: Group
    sofa: Group
    prison_hospital: Group
    #: Homeless by their last entry, not seen for ``inactive_days``: not in ``homeless``.
    inactive: Group
    trend: tuple[TrendPoint, ...]
    flows: tuple[MonthFlows, ...]

    @property
    def homeless_total(self) -> int:
        return self.homeless.count

    @property
    def goal_below(self) -> int:
        return self.settings.goal_below

    @property
    def goal_met(self) -> bool:
        return self.homeless_total < self.settings.goal_below

    @property
    def target_count(self) -> float | None:
        return self.settings.target_count

    @property
    def change_from_baseline(self) -> float | None:
        """-0.25 is 25 % fewer than the baseline count."""
        base = self.settings.baseline_count
        if not base:
            return None
        return (self.homeless_total - base) / base

    def category(self, category: HousingCategory) -> CategoryCount:
        for item in self.by_category:
            if item.category is category:
                return item
        raise KeyError(category)


# --- the computation -----------------------------------------------------------------------
#
# Each person's state at the evaluation dates e_0 .. e_M is held as bit masks over k (Python
# ints): bit k of ``active`` is set when the person is actively homeless at e_k. Runs, flows
# and counts are then a handful of shifts and ands per person.
#
# e_0 .. e_(M-1) are month ends, and a month's end is on or after a day exactly when its month
# is the day's month or later. So whether a span of days [x, y) holds e_k only depends on the
# months of x and y: it does when month(x) <= month(e_k) < month(y). A load therefore works out
# each person's situations and contacts once, as masks over *months* (bit m: the end of month
# origin + m), and a date's masks are those shifted to its first month, plus one bit for the
# chosen date itself (which need not be a month's end), looked up on its own. A date's numbers
# for 20,000 people take well under a tenth of a second once the data is loaded.

# Kinds of housing entries, worked out once per load.
_HOUSED, _OTHER, _HOMELESS, _DATED = range(4)


def _month_end(month_number: int) -> date:
    year, month0 = divmod(month_number, 12)
    return date(year, month0 + 1, calendar.monthrange(year, month0 + 1)[1])


def evaluation_dates(on: date, months: int) -> list[date]:
    """``e_0 .. e_M``: ``e_0`` ends the month before the trend, ``e_k`` ends its k-th month,
    ``e_M`` is the chosen date itself."""
    base = on.year * 12 + on.month - 1 - months
    return [_month_end(base + k) for k in range(months)] + [on]


#: One person's history, independent of the date asked for, as a plain tuple (20,000 of them
#: are made at every load, and a named tuple costs eight times as much to make):
#: ``(homeless, housed, seen, starts, states, categories, contact_days, first_homeless)``.
#:
#: - ``homeless``, ``housed``, ``seen``: masks over months (see above) of the month ends at
#:   which the person's situation counted as homeless, was their own home, and at which they
#:   had been seen in the last N days (an encounter or a housing entry: recording a situation
#:   is a contact); an open-ended situation is a negative int, whose bits go on for ever;
#: - ``starts``, ``states``, ``categories``: each entry's ``valid_from`` (day numbers,
#:   ``analytics.epoch_day``), ``(kind, window_start, window_stop)`` (the days on which a
#:   prison or hospital entry counts, stop exclusive) and category, for the chosen date;
#: - ``contact_days``: the days of their encounters, sorted, for "seen" on the chosen date;
#: - ``first_homeless``: the first day any entry counted.
_Timeline = tuple[
    int,
    int,
    int,
    tuple[int, ...],
    tuple[tuple[int, int, int], ...],
    tuple[HousingCategory, ...],
    list[int],
    int | None,
]
#: From the housing entries alone: ``(spans, starts, states, categories, first_homeless)``,
#: ``spans`` being ``(valid_from, until, kind, window_start, window_stop)`` of each entry
#: that is not an unknown situation, in order; ``until`` is the next entry's ``valid_from``
#: (``_FOREVER`` for the last).
_History = tuple[
    tuple[tuple[int, int, int, int, int], ...],
    tuple[int, ...],
    tuple[tuple[int, int, int], ...],
    tuple[HousingCategory, ...],
    int | None,
]

_FOREVER = 1 << 40  # a day after every evaluation date
_HOMELESS_STATE, _HOUSED_STATE, _OTHER_STATE = (_HOMELESS, 0, 0), (_HOUSED, 0, 0), (_OTHER, 0, 0)
_WINDOW = COUNT_WINDOW.days


def _kind(category: HousingCategory) -> int:
    if category is HousingCategory.HOUSED:
        return _HOUSED
    if category is HousingCategory.UNKNOWN:
        return _OTHER
    return _DATED if category in PRISON_HOSPITAL else _HOMELESS


_CATEGORY_KINDS = {c.value: (c, _kind(c)) for c in HousingCategory}
_UNKNOWN_KIND = (HousingCategory.UNKNOWN, _OTHER)


def _history(rows: list[list[Any]]) -> _History | None:
    """From one person's entries (``analytics.housing_json``: ``[valid_from, category,
    expected_date]``, in order); None for someone never homeless, since no state of theirs
    is ever counted or a flow. Walked from the newest entry, which ends where the next
    begins; the first day that counted is then the last one found."""
    spans: list[tuple[int, int, int, int, int]] = []
    states: list[tuple[int, int, int]] = []
    categories: list[HousingCategory] = []
    first: int | None = None
    homeless_ever = False
    until = _FOREVER
    for start, code, expected in reversed(rows):
        # A category this version does not know (a newer peer's) is an unknown situation.
        category, kind = _CATEGORY_KINDS.get(code, _UNKNOWN_KIND)
        categories.append(category)
        if kind == _HOMELESS:
            first = start
            homeless_ever = True
            spans.append((start, until, kind, 0, 0))
            states.append(_HOMELESS_STATE)
        elif kind == _HOUSED:
            spans.append((start, until, kind, 0, 0))
            states.append(_HOUSED_STATE)
        elif kind == _DATED and expected is not None:
            # Counts from the window's start (or the entry's, if later) up to the date.
            stop = expected + 1
            window = expected - _WINDOW
            begin = max(start, window)
            if begin < stop and begin < until:
                first = begin
            homeless_ever = True
            spans.append((start, until, kind, window, stop))
            states.append((kind, window, stop))
        else:  # an unknown situation, or a release or discharge without a date
            states.append(_OTHER_STATE)
        until = start
    if not homeless_ever:
        return None
    spans.reverse()
    states.reverse()
    categories.reverse()
    starts = tuple([row[0] for row in rows])
    return (tuple(spans), starts, tuple(states), tuple(categories), first)


def _month(day: int) -> int:
    """The month (``year * 12 + month - 1``) of a day number."""
    on = analytics.from_epoch_day(day)
    return on.year * 12 + on.month - 1


def _bits(mask: int) -> list[int]:
    out: list[int] = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


#: ``analytics.person_ages_json``: ``[birth_date, cpr, birth_year, approx_age]`` as stored.
Ages = dict[str, list[Any]]


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Loading Overblik makes a few hundred thousand tuples and lists, none of them part of a
    reference cycle, and Python's cycle collector walked them again and again meanwhile: a
    fifth of the time on the benchmark store (bench/dashboard.py). It waits until this is
    done; nothing is lost, as reference counting still frees everything that is not a cycle."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _histories(housing: dict[str, list[list[Any]]], ages: Ages) -> list[tuple[str, _History]]:
    """The housing histories of everyone in scope (in ``ages``) who was ever homeless."""
    histories: list[tuple[str, _History]] = []
    for person_id, rows in housing.items():
        if person_id in ages:
            history = _history(rows)
            if history is not None:
                histories.append((person_id, history))
    return histories


def _timelines(
    histories: list[tuple[str, _History]], contacts: dict[str, list[int]], inactive_days: int
) -> tuple[int, dict[str, _Timeline]]:
    """Everyone's timeline, and the month the masks count from (``origin``)."""
    none: list[int] = []
    met: list[list[int]] = []
    boundaries: set[int] = set()
    for person_id, (spans, starts, _, _, _) in histories:
        days = contacts.get(person_id, none)
        days.sort()  # as they came from the index, unless SQLite changes its mind
        met.append(days)
        boundaries.update(days)
        boundaries.update(starts)
        for _, _, kind, window, stop in spans:
            if kind == _DATED:
                boundaries.add(window)
                boundaries.add(stop)
    if not boundaries:
        return 0, {}
    # The months of the days that bound something, counted from the first of them.
    origin = _month(min(boundaries))
    month_of = {day: _month(day) - origin for day in boundaries}
    # A contact on day s has the person seen on days s .. s + N - 1: the ends of the months
    # from s's to the one before that of s + N.
    seen_from = {
        day: (1 << (_month(day + inactive_days) - origin)) - (1 << month)
        for day, month in month_of.items()
    }
    seen_after = seen_from.__getitem__
    timelines: dict[str, _Timeline] = {}
    for (person_id, (spans, starts, states, categories, first)), days in zip(
        histories, met, strict=True
    ):
        homeless = housed = 0
        for start, until, kind, window, stop in spans:
            if until == _FOREVER:
                span = -(1 << month_of[start])  # every month from the start's on
            else:
                span = (1 << month_of[until]) - (1 << month_of[start])
            if kind == _HOMELESS:
                homeless |= span
            elif kind == _HOUSED:
                housed |= span
            else:
                homeless |= span & ((1 << month_of[stop]) - (1 << month_of[window]))
        # Recording a situation is a contact: the entries' days count as contacts too.
        seen = reduce(or_, map(seen_after, days), reduce(or_, map(seen_after, starts)))
        timelines[person_id] = (homeless, housed, seen, starts, states, categories, days, first)
    return origin, timelines


class DashboardData(msgspec.Struct):
    """What Overblik is computed from: loaded once (all the SQL, and everything that does not
    depend on the date), then asked for any date in memory. The UI may keep it while nothing
    changes and drop it on a ``Change``."""

    team_id: str | None
    inactive_days: int
    #: The month bit 0 of the timelines' masks stands for (``year * 12 + month - 1``).
    origin: int
    timelines: dict[str, _Timeline]
    #: Everyone in scope.
    ages: Ages

    @classmethod
    def load(cls, session: Any, team_id: str | None, inactive_days: int) -> DashboardData:
        """All the SQL, on a helper thread: each query returns its whole answer as one JSON
        text, and SQLite computes it without holding the GIL (``storage/analytics.py``), so
        this thread works out the housing histories while SQLite reads the encounters. The
        helper uses the connection only while this thread holds the store's lock and leaves
        the connection alone, and the lock is released only after the helper has finished,
        even when something fails."""
        with _without_cycle_collection():
            with session.store.read() as conn:
                helper = ThreadPoolExecutor(1, thread_name_prefix="gadeplan-overblik")
                try:
                    ages_text = helper.submit(analytics.person_ages_json, conn, team_id)
                    housing_text = helper.submit(analytics.housing_json, conn)
                    contacts_text = helper.submit(analytics.contact_days_json, conn)
                    ages = json.loads(ages_text.result())
                    histories = _histories(json.loads(housing_text.result()), ages)
                    contacts = json.loads(contacts_text.result())
                finally:
                    helper.shutdown(wait=True, cancel_futures=True)
            origin, timelines = _timelines(histories, contacts, inactive_days)
            return cls(team_id, inactive_days, origin, timelines, ages)

    @classmethod
    def build(
        cls,
        team_id: str | None,
        inactive_days: int,
        ages: Ages,
        housing: dict[str, list[list[Any]]],
        contacts: dict[str, list[int]],
    ) -> DashboardData:
        """From the three queries' answers, parsed (people outside ``ages`` are out of
        scope). The lists of ``contacts`` are sorted in place and kept."""
        histories = _histories(housing, ages)
        origin, timelines = _timelines(histories, contacts, inactive_days)
        return cls(team_id, inactive_days, origin, timelines, ages)

    def overview(self, on: date, settings: DashboardSettings) -> Overview:
        with _without_cycle_collection():
            return _compute(self, on, settings)


def _compute(data: DashboardData, on: date, settings: DashboardSettings) -> Overview:
    months = settings.trend_months
    dates = evaluation_dates(on, months)
    days = [analytics.epoch_day(d) for d in dates]
    end = months + 1  # one past the last evaluation index
    full = (1 << end) - 1
    top = 1 << months
    flows: list[dict[Flow, list[str]]] = [{f: [] for f in Flow} for _ in range(end)]
    final_active: list[str] = []
    final_inactive: list[str] = []
    # The people of each flow by the months it happened in (a mask): most people share a
    # few masks, so the months are listed once per mask, after the loop.
    by_months: defaultdict[tuple[Flow, int], list[str]] = defaultdict(list)
    # Locals: an enum member looked up on its class costs 0.2 us, in a loop of 20,000.
    newly_identified, from_housing = Flow.NEWLY_IDENTIFIED, Flow.RETURNED_FROM_HOUSING
    from_inactive, from_other = Flow.RETURNED_FROM_INACTIVE, Flow.RETURNED_FROM_OTHER
    moved_into_housing, became_inactive = Flow.MOVED_INTO_HOUSING, Flow.BECAME_INACTIVE
    left_other = Flow.LEFT_OTHER

    # The masks' months as the trend's: bit m of a mask is month origin + m, bit k here is
    # the month of e_k (k < M); the chosen date's own bit (M) is looked up for it.
    first_month = dates[0].year * 12 + dates[0].month - 1 - data.origin
    up, down = (-first_month, 0) if first_month < 0 else (0, first_month)
    trend_months = (1 << months) - 1
    on_day = days[-1]
    recent = on_day - data.inactive_days  # seen on the date: a contact after this day
    actives: list[int] = []
    inactives: list[int] = []
    for person_id, (
        homeless_months,
        housed_months,
        seen_months,
        starts,
        states,
        _,
        contact_days,
        first_day,
    ) in data.timelines.items():
        homeless = (homeless_months << up >> down) & trend_months
        housed = (housed_months << up >> down) & trend_months
        i = bisect_right(starts, on_day)
        if i:
            kind, window, stop = states[i - 1]
            if kind == _HOMELESS or (kind == _DATED and window <= on_day < stop):
                homeless |= top
            elif kind == _HOUSED:
                housed |= top
        if not homeless:
            continue
        seen = (seen_months << up >> down) & trend_months
        # Seen on the date: the last entry on or before it (starts[i - 1]) or the last
        # encounter was less than N days before.
        if i and starts[i - 1] > recent:
            seen |= top
        else:
            i = bisect_right(contact_days, on_day)
            if i and contact_days[i - 1] > recent:
                seen |= top
        active = homeless & seen
        inactive = homeless & ~seen
        actives.append(active)
        inactives.append(inactive)
        if active & top:
            final_active.append(person_id)
        elif inactive & top:
            final_inactive.append(person_id)

        # Flows, at k >= 1 (bit 0 is the month before the trend: its state is the start).
        before_active = (active << 1) & full
        before_inactive = (inactive << 1) & full
        came = active & ~before_active & ~1
        left = before_active & ~active
        found_housed = before_inactive & housed
        if not (came or left or found_housed):
            continue
        # Homeless before, at e_k: the first day that counted is on or before e_(k-1).
        ever = 0
        if first_day is not None:
            ever = full & ~((1 << (bisect_left(days, first_day) + 1)) - 1)
        if came:
            before_housed = (housed << 1) & full
            if mask := came & before_inactive:
                by_months[from_inactive, mask].append(person_id)
            if mask := came & before_housed & ever:
                by_months[from_housing, mask].append(person_id)
            if mask := came & ~before_inactive & ~before_housed & ever:
                by_months[from_other, mask].append(person_id)
            if mask := came & ~before_inactive & ~ever:
                by_months[newly_identified, mask].append(person_id)
        if left:
            if mask := left & housed:
                by_months[moved_into_housing, mask].append(person_id)
            if mask := left & inactive:
                by_months[became_inactive, mask].append(person_id)
            if mask := left & ~housed & ~inactive:
                by_months[left_other, mask].append(person_id)
        if found_housed:
            by_months[from_inactive, found_housed].append(person_id)
            by_months[moved_into_housing, found_housed].append(person_id)

    for (flow, mask), people in by_months.items():
        for k in _bits(mask):
            flows[k][flow] += people

    active_counts = _per_month(actives, end)
    inactive_counts = _per_month(inactives, end)
    trend = tuple(
        TrendPoint(
            month=dates[k].replace(day=1),
            at=dates[k],
            homeless=active_counts[k],
            inactive=inactive_counts[k],
            target_path=settings.target_path(dates[k]),
        )
        for k in range(1, end)
    )
    month_flows = tuple(
        MonthFlows(
            month=dates[k].replace(day=1),
            at=dates[k],
            homeless_before=active_counts[k - 1],
            homeless_after=active_counts[k],
            people={f: tuple(sorted(flows[k][f])) for f in Flow},
        )
        for k in range(1, end)
    )
    return _summary(
        data,
        on,
        settings,
        data.inactive_days,
        final_active,
        final_inactive,
        trend,
        month_flows,
    )


#: The bits set in each byte value.
_BITS_OF_BYTE = tuple(tuple(b for b in range(8) if value >> b & 1) for value in range(256))


def _per_month(masks: list[int], end: int) -> list[int]:
    """How many of the masks have each bit ``0 .. end - 1`` set: the people counted at each
    evaluation date. Tens of thousands of masks, in thousands of patterns: they are written
    out as bytes and the bytes at each position counted in C, so Python only adds up at
    most 256 values per byte (a third of the time of adding up the patterns bit by bit)."""
    width = (end + 7) // 8
    data = b"".join(map(methodcaller("to_bytes", width, "little"), masks))
    counts = [0] * end
    for byte in range(width):
        for value, people in Counter(data[byte::width]).items():
            for bit in _BITS_OF_BYTE[value]:
                counts[byte * 8 + bit] += people
    return counts


def _summary(
    data: DashboardData,
    on: date,
    settings: DashboardSettings,
    inactive_days: int,
    active: list[str],
    inactive: list[str],
    trend: tuple[TrendPoint, ...],
    flows: tuple[MonthFlows, ...],
) -> Overview:
    """The numbers for ``on`` itself: by category and by age, of those actively homeless."""
    homeless_ids = sorted(active)
    day = analytics.epoch_day(on)
    by_category: dict[HousingCategory, list[str]] = {c: [] for c in HOMELESS_CATEGORIES}
    young: list[str] = []
    young_older: list[str] = []
    age_unknown: list[str] = []
    timelines, ages, year = data.timelines, data.ages, on.year
    for person_id in homeless_ids:
        # Active means a situation that counts: there is an entry on or before the day.
        _, _, _, starts, _, categories, _, _ = timelines[person_id]
        by_category[categories[bisect_right(starts, day) - 1]].append(person_id)
        facts = ages[person_id]
        if facts[0] is None and facts[1] is None:  # no birth date: nothing to parse
            age = year - facts[2] if isinstance(facts[2], int) else _age(facts, on)
        else:
            age = _age(facts, on)
        if age is None:
            age_unknown.append(person_id)
        elif 18 <= age <= 24:
            young.append(person_id)
        elif 25 <= age <= 29:
            young_older.append(person_id)
    return Overview(
        on=on,
        team_id=data.team_id,
        inactive_days=inactive_days,
        settings=settings,
        homeless=Group(tuple(homeless_ids)),
        by_category=tuple(
            CategoryCount(c, DANISH_LABELS[c], Group(tuple(ids))) for c, ids in by_category.items()
        ),
        young_18_24=Group(tuple(young)),
        young_25_29=Group(tuple(young_older)),
        age_unknown=Group(tuple(age_unknown)),
        sofa=Group(tuple(by_category[HousingCategory.SOFA])),
        prison_hospital=Group(tuple(sorted(p for c in PRISON_HOSPITAL for p in by_category[c]))),
        inactive=Group(tuple(sorted(inactive))),
        trend=trend,
        flows=flows,
    )


def _age(facts: list[Any], day: date) -> int | None:
    """As ``Person.age_on``: exact from a birth date (or the CPR number's), else from the
    birth year, else the approximate age noted."""
    birth_date, cpr, birth_year, approx_age = facts
    born = None
    if isinstance(birth_date, str):
        try:
            born = date.fromisoformat(birth_date)
        except ValueError:
            born = None
    if born is None and isinstance(cpr, str):
        born = cpr_rules.birth_date(cpr)
    if born is not None:
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    if isinstance(birth_year, int):
        return day.year - birth_year
    return approx_age if isinstance(approx_age, int) else None


def by_name(session: Any, person_ids: Sequence[str]) -> list[tuple[str, str]]:
    """``(person_id, alias)`` of the people behind a number (a click on a bar), in the given
    order. Showing them is a read of personal data: logged as one search with the count."""
    with session.store.read() as conn:
        found = analytics.aliases(conn, person_ids)
    with session.store.write() as conn:
        session.audit.write(conn, AuditAction.SEARCH, entity="overview", detail=str(len(found)))
    return [(pid, found[pid]) for pid in person_ids if pid in found]


def overview(
    session: Any,
    on: date,
    *,
    team_id: str | None,
    settings: DashboardSettings | None = None,
    inactive_days: int | None = None,
) -> Overview:
    """Overblik for ``on``, for one team or (``team_id=None``) everything on the device.

    Settings default to the stored ones; ``inactive_days`` to the radar's, so "not seen for
    N days" means the same on both screens.
    """
    from gadeplan.app.services import radar

    if settings is None:
        settings = load_settings(session)
    if inactive_days is None:
        inactive_days = radar.load_settings(session).inactive_days
    return DashboardData.load(session, team_id, inactive_days).overview(on, settings)


__all__ = [
    "HOMELESS_CATEGORIES",
    "INFLOWS",
    "OUTFLOWS",
    "CategoryCount",
    "DashboardData",
    "DashboardSettings",
    "Flow",
    "Group",
    "MonthFlows",
    "Overview",
    "TrendPoint",
    "by_name",
    "evaluation_dates",
    "load_settings",
    "overview",
    "save_settings",
]
