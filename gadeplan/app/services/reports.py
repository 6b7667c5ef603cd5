"""Reports for the municipality: the national count draft, aggregate CSVs, the council report.

The national count (VIVE's hjemløsetælling, week 6)
    :func:`count_draft` lists, for a chosen ISO week, one row per person who counts in it:

    - a person counts if, on any day of the week, their situation that day counts as homeless
      (``counts_as_homeless``: prison and hospital only within the month before the expected
      date), and they were seen (an encounter or a housing entry) less than ``inactive_days``
      before the week's last day (the dashboard's and the radar's rule): a service reports
      the people it knows to be homeless that week, not everyone it ever met. Those left out
      for that reason are listed beside the draft (``left_out_inactive``) for the worker to
      check before the form goes in;
    - the category is that of the last day in the week on which the person counted;
    - records are merged into one row as the count de-duplicates: the same CPR number; else
      the same initials and birth date (initials: first letter of the first and of the last
      name; birth date from the record or the CPR number). A record without a CPR number
      joins the one CPR row with those initials and birth date, if exactly one exists. Of the
      merged records the most recent situation gives the category. A record with neither is
      its own row (the count accepts people it cannot identify).

CSV files
    Semicolon-separated, UTF-8 with a byte-order mark and CRLF line ends: Danish Excel reads
    a comma as the decimal sign and opens a semicolon file by double-click, and without the
    BOM it takes the file for Windows-1252 and garbles æ, ø and å. Dates are ISO 8601.

    :func:`count_csv` holds CPR numbers. It refuses to run without ``confirmed=True`` (the UI
    asks first) and writes one audit event (``export``) per person in it, in one transaction
    with nothing else, so a person's access request shows the export. The aggregate files
    (:func:`count_aggregate_csv`, :func:`council_csv`) hold only counts and need neither.

The council report
    :class:`CouncilReport` is every number and series the council PDF needs (drawn by the UI
    with Qt), taken from an :class:`Overview`, with no alias, name, CPR number or person id.
    Small counts are not suppressed: the council report is about a municipality's totals; a
    breakdown by age within a category could single out a person, and is therefore not in it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

import msgspec
from msgspec import field

from gadeplan.app.domain import cpr as cpr_rules
from gadeplan.app.domain.housing import DANISH_LABELS, HousingCategory
from gadeplan.app.domain.records import AuditAction
from gadeplan.app.services import radar as radar_service
from gadeplan.app.services.dashboard import (
    HOMELESS_CATEGORIES,
    INFLOWS,
    OUTFLOWS,
    Flow,
    Overview,
)
from gadeplan.app.services.population import HousingRow, Population, age_on, born_on, counts_on
from gadeplan.storage import analytics

#: The national count is taken in week 6.
COUNT_WEEK = 6

AUDIT_DETAIL = "vive_count"
#: What the count CSV discloses about each person, for the audit event.
EXPORTED_FIELDS = ("birth_date", "cpr", "name")


class ExportNotConfirmed(PermissionError):
    """An export with personal data was asked for without the worker's confirmation."""


# --- the national count --------------------------------------------------------------------


class CountRow(msgspec.Struct, frozen=True):
    #: Every record merged into this row (shown in the program, never in the CSV).
    person_ids: tuple[str, ...]
    cpr: str | None
    initials: str | None
    birth_date: date | None
    age: int | None
    category: HousingCategory

    @property
    def label(self) -> str:
        return DANISH_LABELS[self.category]


class CountDraft(msgspec.Struct, frozen=True):
    year: int
    week: int
    first_day: date
    last_day: date
    team_id: str | None
    inactive_days: int
    rows: tuple[CountRow, ...]
    #: Homeless by their last entry that week, not seen for ``inactive_days``: not counted.
    left_out_inactive: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        return len(self.rows)

    def by_category(self) -> dict[HousingCategory, int]:
        counts = dict.fromkeys(HOMELESS_CATEGORIES, 0)
        for row in self.rows:
            counts[row.category] += 1
        return counts

    def by_age(self) -> dict[str, int]:
        """``18-24``, ``25-29`` and ``unknown`` (the strategy watches young people)."""
        counts = {"18-24": 0, "25-29": 0, "unknown": 0}
        for row in self.rows:
            if row.age is None:
                counts["unknown"] += 1
            elif 18 <= row.age <= 24:
                counts["18-24"] += 1
            elif 25 <= row.age <= 29:
                counts["25-29"] += 1
        return counts


def initials(name: str | None) -> str | None:
    """First letter of the first and of the last name, upper case (``Søren Bækgaard Holm``:
    ``SH``); None for a single name, since one letter de-duplicates nobody safely."""
    if not name:
        return None
    parts = [p for p in name.replace(",", " ").split() if p[:1].isalpha()]
    if len(parts) < 2:
        return None
    return (parts[0][0] + parts[-1][0]).upper()


def week_days(year: int, week: int) -> tuple[date, date]:
    """Monday and Sunday of an ISO week; ValueError for a week the year does not have."""
    return date.fromisocalendar(year, week, 1), date.fromisocalendar(year, week, 7)


class _Candidate(msgspec.Struct):
    person_id: str
    entry: HousingRow
    cpr: str | None
    initials: str | None
    born: date | None


class _Group(msgspec.Struct):
    members: list[_Candidate] = field(default_factory=list)


def count_draft(
    session: Any,
    year: int,
    week: int = COUNT_WEEK,
    *,
    team_id: str | None,
    inactive_days: int | None = None,
) -> CountDraft:
    """The national count draft for an ISO week (see the module's docstring)."""
    first_day, last_day = week_days(year, week)
    if inactive_days is None:
        inactive_days = radar_service.load_settings(session).inactive_days
    population = Population.load(session.store, team_id)
    with session.store.read() as conn:
        last_seen = analytics.last_seen(conn, last_day)
    days = [last_day - timedelta(days=i) for i in range(7)]  # newest first
    inactive_from = last_day - timedelta(days=inactive_days)
    counted: dict[str, HousingRow] = {}
    left_out: list[str] = []
    for person_id in population.housing:
        found = None
        for day in days:
            entry = population.situation_on(person_id, day)
            if counts_on(entry, day):
                found = entry
                break
        if found is None:
            continue
        contacts = (last_seen.get(person_id), population.last_entry_day(person_id, last_day))
        seen = max((d for d in contacts if d is not None), default=None)
        if seen is None or seen <= inactive_from:
            left_out.append(person_id)
            continue
        counted[person_id] = found
    with session.store.read() as conn:
        full_names = analytics.names(conn, sorted(counted))
    candidates = []
    for person_id, entry in counted.items():
        person = population.persons[person_id]
        cpr = cpr_rules.normalise(person.cpr) if person.cpr else None
        candidates.append(
            _Candidate(person_id, entry, cpr, initials(full_names.get(person_id)), born_on(person))
        )
    rows = [_row(group, population, last_day) for group in _deduplicate(candidates)]
    order = {c: i for i, c in enumerate(HOMELESS_CATEGORIES)}
    rows.sort(
        key=lambda r: (order[r.category], r.birth_date or date.max, r.initials or "", r.cpr or "")
    )
    with session.store.write() as conn:
        # The draft names people (with CPR numbers): its making is logged as one search.
        session.audit.write(conn, AuditAction.SEARCH, entity=AUDIT_DETAIL, detail=str(len(rows)))
    return CountDraft(
        year=year,
        week=week,
        first_day=first_day,
        last_day=last_day,
        team_id=team_id,
        inactive_days=inactive_days,
        rows=tuple(rows),
        left_out_inactive=tuple(sorted(left_out)),
    )


def _deduplicate(candidates: Iterable[_Candidate]) -> list[_Group]:
    by_cpr: dict[str, _Group] = {}
    by_initials: dict[tuple[str, date], _Group] = {}
    alone: list[_Group] = []
    without_cpr: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: c.person_id):
        if candidate.cpr:
            by_cpr.setdefault(candidate.cpr, _Group()).members.append(candidate)
        else:
            without_cpr.append(candidate)
    # Initials and birth date of the CPR rows, to attach records without a CPR number to.
    cpr_keys: dict[tuple[str, date], list[_Group]] = {}
    for group in by_cpr.values():
        keys = {(c.initials, c.born) for c in group.members if c.initials and c.born}
        for key in keys:
            cpr_keys.setdefault(key, []).append(group)
    for candidate in without_cpr:
        if candidate.initials is None or candidate.born is None:
            alone.append(_Group([candidate]))
            continue
        key = (candidate.initials, candidate.born)
        matches = cpr_keys.get(key, [])
        if len(matches) == 1:
            matches[0].members.append(candidate)
        else:
            by_initials.setdefault(key, _Group()).members.append(candidate)
    return [*by_cpr.values(), *by_initials.values(), *alone]


def _row(group: _Group, population: Population, day: date) -> CountRow:
    latest = max(group.members, key=lambda c: (c.entry.valid_from, c.entry.seq))
    cpr = next((c.cpr for c in group.members if c.cpr), None)
    code = next((c.initials for c in group.members if c.initials), None)
    born = next((c.born for c in group.members if c.born), None)
    age = age_on(population.persons[latest.person_id], day)
    return CountRow(
        person_ids=tuple(sorted(c.person_id for c in group.members)),
        cpr=cpr,
        initials=code,
        birth_date=born,
        age=age,
        category=latest.entry.category,
    )


def draft_aliases(session: Any, draft: CountDraft) -> dict[str, str]:
    """The nicknames of the records in a draft and of those left out, for the screen that
    shows it (the worker checks the draft against the people they know). The rows' listing
    was logged by :func:`count_draft`; the left-out people are logged here, as one search with
    their number."""
    ids = sorted(
        {pid for row in draft.rows for pid in row.person_ids} | set(draft.left_out_inactive)
    )
    with session.store.read() as conn:
        found = analytics.aliases(conn, ids)
    with session.store.write() as conn:
        session.audit.write(
            conn,
            AuditAction.SEARCH,
            entity=AUDIT_DETAIL,
            detail=str(len(draft.left_out_inactive)),
        )
    return found


# --- CSV -------------------------------------------------------------------------------------


def _csv(rows: Iterable[Sequence[object]]) -> bytes:
    """Semicolon-separated, CRLF, UTF-8 with BOM: what Danish Excel opens by double-click."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def count_csv(session: Any, draft: CountDraft, *, confirmed: bool) -> bytes:
    """The count draft with CPR numbers, initials and birth dates, for the national count's
    form. Personal data: the UI must have asked; every person in it is audited."""
    if confirmed is not True:
        raise ExportNotConfirmed("an export with personal data needs the worker's confirmation")
    header = ("CPR-nummer", "Initialer", "Fødselsdato", "Alder", "Kategori", "Kategoritekst")
    content = _csv(
        [
            header,
            *(
                (
                    row.cpr,
                    row.initials,
                    _iso(row.birth_date),
                    row.age,
                    row.category.value,
                    row.label,
                )
                for row in draft.rows
            ),
        ]
    )
    with session.store.write() as conn:
        for row in draft.rows:
            for person_id in row.person_ids:
                session.audit.write(
                    conn,
                    AuditAction.EXPORT,
                    entity="person",
                    record_id=person_id,
                    person_id=person_id,
                    fields=EXPORTED_FIELDS,
                    detail=AUDIT_DETAIL,
                )
    return content


def count_aggregate_csv(draft: CountDraft) -> bytes:
    """The draft's totals only: by category, by age, in all. No personal data."""
    week = f"{draft.year}-W{draft.week:02d}"
    rows: list[Sequence[object]] = [("Uge", "Opgørelse", "Kode", "Tekst", "Antal")]
    for category, count in draft.by_category().items():
        rows.append((week, "kategori", category.value, DANISH_LABELS[category], count))
    ages = draft.by_age()
    rows.append((week, "alder", "18-24", "Heraf 18-24 år", ages["18-24"]))
    rows.append((week, "alder", "25-29", "Heraf 25-29 år", ages["25-29"]))
    rows.append((week, "alder", "ukendt", "Alder ukendt", ages["unknown"]))
    rows.append((week, "i_alt", "", "I alt", draft.total))
    return _csv(rows)


# --- the council report ----------------------------------------------------------------------


class CategoryFigure(msgspec.Struct, frozen=True):
    category: HousingCategory
    label: str
    count: int


class TrendFigure(msgspec.Struct, frozen=True):
    month: date
    at: date
    homeless: int
    inactive: int
    #: The goal line: fewer than this.
    goal_below: int
    #: The straight line from the baseline to the target (None without a baseline count).
    target_path: float | None


class FlowFigure(msgspec.Struct, frozen=True):
    month: date
    homeless_before: int
    homeless_after: int
    counts: dict[Flow, int]

    @property
    def inflow(self) -> int:
        return sum(self.counts[f] for f in INFLOWS)

    @property
    def outflow(self) -> int:
        return sum(self.counts[f] for f in OUTFLOWS)


class CouncilReport(msgspec.Struct, frozen=True):
    """Every number and series of the council's status report, and nothing that names a
    person: counts, Danish category labels, months and the strategy's goal and target."""

    as_of: date
    #: True: the whole device's data; False: one team's.
    whole_municipality: bool
    homeless_total: int
    by_category: tuple[CategoryFigure, ...]
    young_18_24: int
    young_25_29: int
    age_unknown: int
    sofa: int
    prison_hospital: int
    inactive: int
    inactive_days: int
    goal_below: int
    goal_met: bool
    baseline_year: int
    baseline_count: int | None
    target_reduction_percent: int
    target_year: int
    target_count: float | None
    #: -0.25: 25 % fewer than the baseline count (None without one).
    change_from_baseline: float | None
    trend: tuple[TrendFigure, ...]
    flows: tuple[FlowFigure, ...]


def council_report(overview: Overview) -> CouncilReport:
    settings = overview.settings
    return CouncilReport(
        as_of=overview.on,
        whole_municipality=overview.team_id is None,
        homeless_total=overview.homeless_total,
        by_category=tuple(
            CategoryFigure(c.category, c.label, c.count) for c in overview.by_category
        ),
        young_18_24=overview.young_18_24.count,
        young_25_29=overview.young_25_29.count,
        age_unknown=overview.age_unknown.count,
        sofa=overview.sofa.count,
        prison_hospital=overview.prison_hospital.count,
        inactive=overview.inactive.count,
        inactive_days=overview.inactive_days,
        goal_below=settings.goal_below,
        goal_met=overview.goal_met,
        baseline_year=settings.baseline_year,
        baseline_count=settings.baseline_count,
        target_reduction_percent=settings.target_reduction_percent,
        target_year=settings.target_year,
        target_count=settings.target_count,
        change_from_baseline=overview.change_from_baseline,
        trend=tuple(
            TrendFigure(p.month, p.at, p.homeless, p.inactive, settings.goal_below, p.target_path)
            for p in overview.trend
        ),
        flows=tuple(
            FlowFigure(f.month, f.homeless_before, f.homeless_after, {k: f.count(k) for k in Flow})
            for f in overview.flows
        ),
    )


FLOW_HEADERS: dict[Flow, str] = {
    Flow.NEWLY_IDENTIFIED: "Nyidentificerede",
    Flow.RETURNED_FROM_HOUSING: "Tilbage fra bolig",
    Flow.RETURNED_FROM_INACTIVE: "Tilbage fra inaktiv",
    Flow.RETURNED_FROM_OTHER: "Tilbage fra andet",
    Flow.MOVED_INTO_HOUSING: "Flyttet i bolig",
    Flow.BECAME_INACTIVE: "Blevet inaktiv",
    Flow.LEFT_OTHER: "Ud til andet",
}


def council_csv(report: CouncilReport) -> bytes:
    """The trend and the flows month by month, with the goal and the target path."""
    header = (
        "Måned",
        "Opgjort",
        "Hjemløse",
        "Inaktive",
        "Mål (under)",
        "Målsti",
        *(FLOW_HEADERS[f] for f in Flow),
    )
    rows: list[Sequence[object]] = [header]
    for point, flows in zip(report.trend, report.flows, strict=True):
        rows.append(
            (
                point.month.strftime("%Y-%m"),
                point.at.isoformat(),
                point.homeless,
                point.inactive,
                point.goal_below,
                "" if point.target_path is None else f"{point.target_path:.1f}".replace(".", ","),
                *(flows.counts[f] for f in Flow),
            )
        )
    return _csv(rows)


__all__ = [
    "COUNT_WEEK",
    "CategoryFigure",
    "CouncilReport",
    "CountDraft",
    "CountRow",
    "ExportNotConfirmed",
    "FlowFigure",
    "TrendFigure",
    "council_csv",
    "council_report",
    "count_aggregate_csv",
    "count_csv",
    "count_draft",
    "draft_aliases",
    "initials",
    "week_days",
]
