"""The national count draft, its CSV files and the council report.

The hand-built town (tests/app/scenario.py) in ISO week 47 of 2026 (Monday 11-16 to Sunday
11-22; "seen" means less than 90 days before the Sunday: since 08-25):

    Ada street, Bo sofa, Cai shelter, Finn street (since 11-15), Hans street (met 11-12),
    Ib prison_release (release 12-10: counts from 11-09), Jon hospital_discharge (counts from
    10-31), Mo transitional, Rut other_homeless (met 10-10)              -> 9 rows
    Gro sofa, last seen 07-15                                            -> left out, inactive
    Dan, Eva, Lis housed; Nils unknown; Ole in prison until 2027; Kim no entry -> not counted
    Zed is another team's                                                -> not in the team's

A second store holds duplicates, in week 6 of 2026 (02-02 .. 02-08; seen since 2025-11-11).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from msgspec.structs import asdict

from gadeplan.app.domain.housing import HousingCategory as C
from gadeplan.app.domain.records import (
    AuditAction,
    AuditEvent,
    Channel,
    Encounter,
    HousingStatus,
    Person,
    TeamRecord,
)
from gadeplan.app.services import dashboard, reports
from gadeplan.app.services.reports import CountRow, ExportNotConfirmed
from gadeplan.app.services.session import Session
from tests.app import scenario
from tests.app.scenario import pid

BOM = b"\xef\xbb\xbf"


@pytest.fixture
def town(session: Session) -> Session:
    scenario.build(session)
    return session


def test_count_draft_of_the_town(town: Session) -> None:
    draft = reports.count_draft(town, 2026, 47, team_id=town.identity.team_id, inactive_days=90)
    assert (draft.first_day, draft.last_day) == (date(2026, 11, 16), date(2026, 11, 22))
    # In the count's category order, by birth date within one (unknown last):
    # street: Hans (1970), Ada (2000), Finn (no age); then shelter, sofa, transitional,
    # prison, hospital, other. Ages on 11-22. Nobody here has a name, so no initials.
    assert [(r.person_ids, r.category, r.age, r.cpr) for r in draft.rows] == [
        ((pid("Hans"),), C.STREET, 56, None),
        ((pid("Ada"),), C.STREET, 26, None),
        ((pid("Finn"),), C.STREET, None, None),
        ((pid("Cai"),), C.SHELTER, 45, None),
        ((pid("Bo"),), C.SOFA, 22, None),
        ((pid("Mo"),), C.TRANSITIONAL, 19, None),
        ((pid("Ib"),), C.PRISON_RELEASE, 41, None),
        ((pid("Jon"),), C.HOSPITAL_DISCHARGE, 36, "010190-1234"),
        ((pid("Rut"),), C.OTHER_HOMELESS, 66, None),
    ]
    assert draft.left_out_inactive == (pid("Gro"),)
    # The housed never appear.
    listed = {p for r in draft.rows for p in r.person_ids}
    assert not listed & {pid("Dan"), pid("Eva"), pid("Lis")}


def test_aggregate_csv_of_the_town(town: Session) -> None:
    draft = reports.count_draft(town, 2026, 47, team_id=town.identity.team_id, inactive_days=90)
    data = reports.count_aggregate_csv(draft)
    assert data.startswith(BOM)
    lines = data[len(BOM) :].decode("utf-8").split("\r\n")
    assert lines[0] == "Uge;Opgørelse;Kode;Tekst;Antal"
    rows = {tuple(line.split(";")[1:3]): int(line.split(";")[4]) for line in lines[1:] if line}
    # 3 street, 1 each of shelter, sofa, transitional, prison, hospital, other; young 18-24:
    # Bo and Mo; 25-29: Ada; age unknown: Finn; 9 in all.
    assert rows == {
        ("kategori", "street"): 3,
        ("kategori", "night_shelter"): 0,
        ("kategori", "shelter"): 1,
        ("kategori", "hotel"): 0,
        ("kategori", "sofa"): 1,
        ("kategori", "transitional"): 1,
        ("kategori", "prison_release"): 1,
        ("kategori", "hospital_discharge"): 1,
        ("kategori", "other_homeless"): 1,
        ("alder", "18-24"): 2,
        ("alder", "25-29"): 1,
        ("alder", "ukendt"): 1,
        ("i_alt", ""): 9,
    }
    assert all(line.startswith("2026-W47;") for line in lines[1:] if line)


# --- de-duplication --------------------------------------------------------------------------


def _person(team: str, alias: str, **fields: object) -> Person:
    return Person(id=f"p-{alias.lower()}", team_id=team, alias=alias, **fields)  # type: ignore[arg-type]


def _entry(team: str, alias: str, category: C, valid_from: date) -> HousingStatus:
    return HousingStatus(
        id=f"h-{alias.lower()}-{valid_from}",
        team_id=team,
        person_id=f"p-{alias.lower()}",
        category=category,
        valid_from=valid_from,
    )


def _met(team: str, alias: str, day: date) -> Encounter:
    return Encounter(
        id=f"e-{alias.lower()}-{day}",
        team_id=team,
        person_id=f"p-{alias.lower()}",
        occurred_at=datetime(day.year, day.month, day.day, 20, tzinfo=UTC),
        channel=Channel.NIGHT_CAFE,
    )


@pytest.fixture
def duplicates(session: Session) -> Session:
    """Week 6 of 2026:

    Kasket  Jens Hansen, CPR 010190-1234, street from 01-20, met 02-03   } same CPR: one row;
    Jens    Jens Peter Hansen, CPR 0101901234 (unformatted), shelter     } the later situation
            from 02-04                                                    } (shelter) counts
    Mulle   Anne Mette Lund, born 1995-05-05, sofa from 01-10, met 01-30 } same initials AL and
    Anne    Anne Lund, born 1995-05-05, night_shelter from 02-06         } birth date: one row
    Smeden  Anne Lund, born 1990-09-09, sofa from 2026-01-05             -> own row (other date)
    Bamse   Bo Ibsen, CPR 020385-1111 (born 1985-03-02), hotel from 02-01} BI and that date,
    Bo      Bo Ib, born 1985-03-02, no CPR, sofa from 01-25               } no CPR: joins it
    Ukendt  no name, ~40, street from 02-02                              -> own row, no ids
    Ørnen   Ole Ørn, housed since 2025                                   -> not counted
    Per     Per Holm, street since 2025-06-01, last met 2025-08-01        -> inactive, left out
    """
    t = session.identity.team_id
    records: list[TeamRecord] = [
        _person(t, "Kasket", name="Jens Hansen", cpr="010190-1234"),
        _entry(t, "Kasket", C.STREET, date(2026, 1, 20)),
        _met(t, "Kasket", date(2026, 2, 3)),
        _person(t, "Jens", name="Jens Peter Hansen", cpr="0101901234"),
        _entry(t, "Jens", C.SHELTER, date(2026, 2, 4)),
        _person(t, "Mulle", name="Anne Mette Lund", birth_date=date(1995, 5, 5)),
        _entry(t, "Mulle", C.SOFA, date(2026, 1, 10)),
        _met(t, "Mulle", date(2026, 1, 30)),
        _person(t, "Anne", name="Anne Lund", birth_date=date(1995, 5, 5)),
        _entry(t, "Anne", C.NIGHT_SHELTER, date(2026, 2, 6)),
        _person(t, "Smeden", name="Anne Lund", birth_date=date(1990, 9, 9)),
        _entry(t, "Smeden", C.SOFA, date(2026, 1, 5)),
        _person(t, "Bamse", name="Bo Ibsen", cpr="020385-1111"),
        _entry(t, "Bamse", C.HOTEL, date(2026, 2, 1)),
        _person(t, "Bo", name="Bo Ib", birth_date=date(1985, 3, 2)),
        _entry(t, "Bo", C.SOFA, date(2026, 1, 25)),
        _person(t, "Ukendt", approx_age=40),
        _entry(t, "Ukendt", C.STREET, date(2026, 2, 2)),
        _person(t, "Ørnen", name="Ole Ørn"),
        _entry(t, "Ørnen", C.HOUSED, date(2025, 3, 1)),
        _person(t, "Per", name="Per Holm", birth_date=date(1980, 1, 1)),
        _entry(t, "Per", C.STREET, date(2025, 6, 1)),
        _met(t, "Per", date(2025, 8, 1)),
    ]
    session.bulk_writer()(records)
    return session


def _draft(session: Session) -> reports.CountDraft:
    return reports.count_draft(session, 2026, team_id=session.identity.team_id, inactive_days=90)


def test_count_draft_deduplicates(duplicates: Session) -> None:
    draft = _draft(duplicates)
    assert draft.week == 6
    # Ages on Sunday 2026-02-08.
    assert list(draft.rows) == [
        CountRow(("p-ukendt",), None, None, None, 40, C.STREET),
        CountRow(("p-anne", "p-mulle"), None, "AL", date(1995, 5, 5), 30, C.NIGHT_SHELTER),
        CountRow(("p-jens", "p-kasket"), "010190-1234", "JH", date(1990, 1, 1), 36, C.SHELTER),
        CountRow(("p-bamse", "p-bo"), "020385-1111", "BI", date(1985, 3, 2), 40, C.HOTEL),
        CountRow(("p-smeden",), None, "AL", date(1990, 9, 9), 35, C.SOFA),
    ]
    assert draft.left_out_inactive == ("p-per",)
    assert draft.total == 5


def test_count_csv_needs_confirmation_and_audits_each_person(duplicates: Session) -> None:
    draft = _draft(duplicates)
    before = list(duplicates.repo.all(AuditEvent))
    with pytest.raises(ExportNotConfirmed):
        reports.count_csv(duplicates, draft, confirmed=False)
    assert list(duplicates.repo.all(AuditEvent)) == before

    data = reports.count_csv(duplicates, draft, confirmed=True)
    assert data.startswith(BOM)
    text = data[len(BOM) :].decode("utf-8")
    assert text.split("\r\n") == [
        "CPR-nummer;Initialer;Fødselsdato;Alder;Kategori;Kategoritekst",
        ";;;40;street;Gadesover (gaden, trappeopgang, skur o.l.)",
        ";AL;1995-05-05;30;night_shelter;Natvarmestue / værested med nødovernatning",
        "010190-1234;JH;1990-01-01;36;shelter;Herberg / forsorgshjem (SEL § 110)",
        "020385-1111;BI;1985-03-02;40;hotel;Hotel, vandrerhjem o.l. på grund af hjemløshed",
        ";AL;1990-09-09;35;sofa;Sofasover (midlertidigt hos familie/venner uden kontrakt)",
        "",
    ]
    exports = [e for e in duplicates.repo.all(AuditEvent) if e.action is AuditAction.EXPORT]
    # One event per person record in the file: Ukendt, Anne, Mulle, Jens, Kasket, Bamse, Bo,
    # Smeden. Names the fields, never their values.
    assert sorted(e.person_id or "" for e in exports) == sorted(
        ["p-ukendt", "p-anne", "p-mulle", "p-jens", "p-kasket", "p-bamse", "p-bo", "p-smeden"]
    )
    assert {(e.fields, e.detail) for e in exports} == {
        (("birth_date", "cpr", "name"), "vive_count")
    }
    assert "010190" not in json.dumps([e.to_fields() for e in exports])


def test_aggregate_csv_holds_no_personal_data(duplicates: Session) -> None:
    data = reports.count_aggregate_csv(_draft(duplicates)).decode("utf-8-sig")
    for secret in (
        "Kasket", "Jens", "Hansen", "Mulle", "Anne", "Lund", "Bamse", "Ibsen", "Ukendt",
        "Smeden", "010190", "0101901234", "020385", "1995-05-05", "1985-03-02", "p-",
    ):  # fmt: skip
        assert secret not in data
    assert "2026-W06;i_alt;;I alt;5" in data.split("\r\n")


def test_count_leaves_out_from_the_nth_day_without_contact(session: Session) -> None:
    t = session.identity.team_id
    session.bulk_writer()(
        [
            # Sunday of week 6 is 2026-02-08: 2025-11-11 is 89 days before it, 11-10 is 90.
            _person(t, "Nær"),
            _entry(t, "Nær", C.SOFA, date(2025, 11, 11)),
            _person(t, "Fjern"),
            _entry(t, "Fjern", C.SOFA, date(2025, 11, 10)),
        ]
    )
    draft = _draft(session)
    assert [r.person_ids for r in draft.rows] == [("p-nær",)]
    assert draft.left_out_inactive == ("p-fjern",)


def test_an_invalid_week_is_refused(session: Session) -> None:
    with pytest.raises(ValueError, match="week"):
        reports.count_draft(session, 2025, 53, team_id=None)  # 2025 has 52 ISO weeks


def test_initials() -> None:
    assert reports.initials("Søren Bækgaard Holm") == "SH"
    assert reports.initials("åse ørn") == "ÅØ"
    assert reports.initials("Madonna") is None
    assert reports.initials(None) is None


# --- the council report ----------------------------------------------------------------------


def test_council_report_has_the_numbers_and_no_personal_data(town: Session) -> None:
    overview = dashboard.overview(
        town,
        scenario.TODAY,
        team_id=town.identity.team_id,
        settings=dashboard.DashboardSettings(trend_months=3, baseline_count=20),
        inactive_days=90,
    )
    report = reports.council_report(overview)
    # The dashboard's numbers (see test_dashboard.py for how they were worked out).
    assert report.homeless_total == 9
    assert [(f.category, f.count) for f in report.by_category if f.count] == [
        (C.STREET, 3),
        (C.SHELTER, 1),
        (C.SOFA, 1),
        (C.TRANSITIONAL, 1),
        (C.PRISON_RELEASE, 1),
        (C.HOSPITAL_DISCHARGE, 1),
        (C.OTHER_HOMELESS, 1),
    ]
    assert (report.young_18_24, report.young_25_29, report.sofa, report.prison_hospital) == (
        2,
        1,
        1,
        2,
    )
    assert [p.homeless for p in report.trend] == [7, 5, 9]
    assert [f.inflow - f.outflow for f in report.flows] == [1, -2, 4]
    assert report.goal_met
    assert report.target_count == pytest.approx(12.0)
    assert report.change_from_baseline == pytest.approx(-0.55)
    assert not report.whole_municipality

    text = repr(report) + json.dumps(asdict(report), default=str)
    csv_text = reports.council_csv(report).decode("utf-8-sig")
    for alias in ("Ada", "Cai", "Dan", "Eva", "Finn", "Gro", "Hans", "Jon", "Lis", "Nils", "Rut"):
        assert alias not in text
        assert alias not in csv_text
    assert "p-" not in text
    assert "010190" not in text
    assert csv_text.split("\r\n")[1:4] == [
        "2026-09;2026-09-30;7;1;100;12,0;1;0;0;0;0;0;0",
        "2026-10;2026-10-31;5;2;100;12,0;1;0;0;0;1;1;1",
        "2026-11;2026-11-25;9;1;100;12,0;2;1;1;0;0;0;0",
    ]
