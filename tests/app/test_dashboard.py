"""Overblik on the hand-built town (tests/app/scenario.py), every number worked out by hand.

"Seen" means an encounter or a housing entry less than 90 days before the date evaluated
(so on or after the date minus 89 days). The trend here has three months (September, October,
November 2026), so the evaluation dates and the contacts that count for them are

    e0 = 2026-08-31 (the start)          06-03 .. 08-31
    e1 = 2026-09-30                      07-03 .. 09-30
    e2 = 2026-10-31                      08-03 .. 10-31
    e3 = 2026-11-25 (the chosen date)    08-28 .. 11-25

States (A active, I inactive, H housed, O other, - none yet) worked out from the scenario:

    person  e0  e1  e2  e3   why
    Ada     A   A   A   A    street since 06-01; met 08-20, 09-25, 10-20, 11-20
    Bo      -   -   A   A    sofa from 10-05, met 10-05
    Cai     A   A   A   A    shelter since 07-01; met 08-15, 10-01, 11-10
    Dan     A   A   H   H    street, met 08-25 (in the e1 window too); housed 10-20
    Eva     H   H   H   H    housed since 08-25
    Finn    H   H   H   A    housed since 03-01; street again 11-15, met that day
    Gro     A   A   I   I    sofa; last met 07-15: inside e0's and e1's windows, not e2's
    Hans    I   I   I   A    street; met 02-01, then not until 11-12
    Ib      -   O   O   A    prison from 09-01, release 12-10: counts only 11-09 .. 12-10;
                             the entry on 09-01 is inside e3's window, so he is seen
    Jon     -   -   -   A    hospital from 11-01, discharge 12-01 (counts 10-31 .. 12-01)
    Kim     -   -   -   -    no housing entry
    Lis     H   H   H   H
    Mo      A   A   A   A    transitional (counts as homeless); met 08-10, 11-20
    Nils    -   -   O   O    unknown from 10-01
    Ole     A   A   O   O    street, met 08-20 and 09-10; prison from 10-15, release 2027
    Rut     -   A   A   A    other_homeless from 09-01 (the entry is a contact); met 10-10
    (Zed is another team's: only in the whole device's numbers.)

    active:   e0 = 6 (Ada Cai Dan Gro Mo Ole), e1 = 7 (+Rut), e2 = 5, e3 = 9
    inactive: e0 = 1 (Hans), e1 = 1, e2 = 2 (Gro Hans), e3 = 1 (Gro)
"""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime
from typing import Any

import pytest

from gadeplan.app.domain.housing import HousingCategory as C
from gadeplan.app.services import dashboard
from gadeplan.app.services.dashboard import DashboardSettings, Flow, Overview
from gadeplan.app.services.session import Session
from gadeplan.storage import analytics
from gadeplan.storage.errors import StoreError
from tests.app import scenario
from tests.app.scenario import pid

SETTINGS = DashboardSettings(trend_months=3, baseline_count=20)


def _trend(o: Overview) -> list[tuple[date, int, int]]:
    """Each month's evaluation date, homeless and inactive."""
    return [(p.at, p.homeless, p.inactive) for p in o.trend]


def _ids(*aliases: str) -> tuple[str, ...]:
    return tuple(sorted(pid(a) for a in aliases))


@pytest.fixture
def town(session: Session) -> Session:
    scenario.build(session)
    return session


def _overview(session: Session, on: date, team: str | None = "mine") -> Overview:
    team_id = session.identity.team_id if team == "mine" else team
    return dashboard.overview(session, on, team_id=team_id, settings=SETTINGS, inactive_days=90)


def test_counts_today_by_category_age_and_group(town: Session) -> None:
    o = _overview(town, scenario.TODAY)
    # Column e3 above: nine actively homeless people of the team.
    assert o.homeless.person_ids == _ids(
        "Ada", "Bo", "Cai", "Finn", "Hans", "Ib", "Jon", "Mo", "Rut"
    )
    counts = {c.category: c.count for c in o.by_category}
    # street: Ada, Finn, Hans; sofa: Bo; shelter: Cai; transitional: Mo; prison: Ib;
    # hospital: Jon; other: Rut; no night shelter or hotel (listed, with zero).
    assert counts == {
        C.STREET: 3,
        C.NIGHT_SHELTER: 0,
        C.SHELTER: 1,
        C.HOTEL: 0,
        C.SOFA: 1,
        C.TRANSITIONAL: 1,
        C.PRISON_RELEASE: 1,
        C.HOSPITAL_DISCHARGE: 1,
        C.OTHER_HOMELESS: 1,
    }
    assert o.category(C.STREET).group.person_ids == _ids("Ada", "Finn", "Hans")
    assert o.category(C.STREET).label.startswith("Gadesover")
    # Ages on 2026-11-25: Bo 22 and Mo 19 are 18-24; Ada 26 is 25-29; Finn has no age on
    # record; Cai ~45, Hans 56, Ib 41, Jon 36 (from his CPR), Rut 66.
    assert o.young_18_24.person_ids == _ids("Bo", "Mo")
    assert o.young_25_29.person_ids == _ids("Ada")
    assert o.age_unknown.person_ids == _ids("Finn")
    assert o.sofa.person_ids == _ids("Bo")
    assert o.prison_hospital.person_ids == _ids("Ib", "Jon")
    # Gro: sofa by her last entry, not seen since 07-15: inactive, not in the nine.
    assert o.inactive.person_ids == _ids("Gro")
    # Goal: fewer than 100 (9 is). Baseline 20, target -40 % = 12; 9 is 55 % below 20.
    assert o.goal_met
    assert o.target_count == pytest.approx(12.0)
    assert o.change_from_baseline == pytest.approx(-0.55)


def test_counts_on_a_past_date_use_that_dates_situation(town: Session) -> None:
    """On 2026-09-15 (contacts counted from 06-18): Dan was on the street (housed only from
    10-20), Finn was housed (street again only from 11-15), Bo, Jon and Ib were not yet
    homeless (Ib: prison, release 12-10, not within a month), Ole was on the street (met 09-10)
    and Rut in an allotment hut since 09-01. Hans's last contact was 02-01: inactive."""
    o = _overview(town, date(2026, 9, 15))
    assert o.homeless.person_ids == _ids("Ada", "Cai", "Dan", "Gro", "Mo", "Ole", "Rut")
    counts = {c.category: c.count for c in o.by_category if c.count}
    # street: Ada, Dan, Ole; shelter: Cai; sofa: Gro; transitional: Mo; other: Rut.
    assert counts == {C.STREET: 3, C.SHELTER: 1, C.SOFA: 1, C.TRANSITIONAL: 1, C.OTHER_HOMELESS: 1}
    assert o.inactive.person_ids == _ids("Hans")
    # Today's situations would give Finn on the street and Dan housed: not so on 09-15.
    assert pid("Dan") in o.category(C.STREET).group.person_ids
    assert pid("Finn") not in o.homeless.person_ids


def test_trend_and_goal_lines(town: Session) -> None:
    o = _overview(town, scenario.TODAY)
    # Active at e1, e2, e3 (table above): 7, 5, 9; inactive 1, 2, 1.
    assert [(p.month, p.at, p.homeless, p.inactive) for p in o.trend] == [
        (date(2026, 9, 1), date(2026, 9, 30), 7, 1),
        (date(2026, 10, 1), date(2026, 10, 31), 5, 2),
        (date(2026, 11, 1), date(2026, 11, 25), 9, 1),
    ]
    # The last point is the chosen date's own count.
    assert o.trend[-1].homeless == o.homeless_total
    # Past the target year (2025) the target path is flat at the target: 20 * 0.6 = 12.
    assert [p.target_path for p in o.trend] == [pytest.approx(12.0)] * 3


def test_by_name_flows_per_month(town: Session) -> None:
    o = _overview(town, scenario.TODAY)
    sep, oct_, nov = o.flows
    empty: tuple[str, ...] = ()
    # September (e0 -> e1): Rut - -> A, never homeless before: newly identified.
    # Ib goes - -> O (prison, not yet counted): no flow. 6 + 1 = 7.
    assert sep.people == {
        Flow.NEWLY_IDENTIFIED: _ids("Rut"),
        Flow.RETURNED_FROM_HOUSING: empty,
        Flow.RETURNED_FROM_INACTIVE: empty,
        Flow.RETURNED_FROM_OTHER: empty,
        Flow.MOVED_INTO_HOUSING: empty,
        Flow.BECAME_INACTIVE: empty,
        Flow.LEFT_OTHER: empty,
    }
    assert (sep.homeless_before, sep.homeless_after) == (6, 7)
    # October (e1 -> e2): Bo - -> A (newly identified); Dan A -> H (moved into housing);
    # Gro A -> I (became inactive); Ole A -> O (prison: left for other). 7 + 1 - 3 = 5.
    assert oct_.people == {
        Flow.NEWLY_IDENTIFIED: _ids("Bo"),
        Flow.RETURNED_FROM_HOUSING: empty,
        Flow.RETURNED_FROM_INACTIVE: empty,
        Flow.RETURNED_FROM_OTHER: empty,
        Flow.MOVED_INTO_HOUSING: _ids("Dan"),
        Flow.BECAME_INACTIVE: _ids("Gro"),
        Flow.LEFT_OTHER: _ids("Ole"),
    }
    assert (oct_.homeless_before, oct_.homeless_after) == (7, 5)
    # November (e2 -> e3): Finn H -> A, homeless before (street 2025-12-01): returned from
    # housing. Hans I -> A: returned from inactive. Ib O -> A: his first counted day is 11-09,
    # after e2, so never homeless before: newly identified. Jon - -> A: newly identified.
    # 5 + 4 = 9.
    assert nov.people == {
        Flow.NEWLY_IDENTIFIED: _ids("Ib", "Jon"),
        Flow.RETURNED_FROM_HOUSING: _ids("Finn"),
        Flow.RETURNED_FROM_INACTIVE: _ids("Hans"),
        Flow.RETURNED_FROM_OTHER: empty,
        Flow.MOVED_INTO_HOUSING: empty,
        Flow.BECAME_INACTIVE: empty,
        Flow.LEFT_OTHER: empty,
    }
    assert (nov.homeless_before, nov.homeless_after) == (5, 9)
    for month in o.flows:
        assert month.homeless_after == month.homeless_before + month.inflow - month.outflow


def test_the_people_behind_a_bar_are_listed_and_the_listing_audited(town: Session) -> None:
    from gadeplan.app.domain.records import AuditAction, AuditEvent

    o = _overview(town, scenario.TODAY)
    flows = o.flows[-1].people[Flow.NEWLY_IDENTIFIED]
    assert dashboard.by_name(town, flows) == [(pid("Ib"), "Ib"), (pid("Jon"), "Jon")]
    event = list(town.repo.all(AuditEvent))[-1]
    assert (event.action, event.entity, event.detail) == (AuditAction.SEARCH, "overview", "2")
    assert event.person_id is None


def test_whole_device_includes_other_teams(town: Session) -> None:
    # Zed (another team) is on the street since 11-01, met 11-02: one more on the device,
    # newly identified in November.
    mine = _overview(town, scenario.TODAY)
    everyone = _overview(town, scenario.TODAY, team=None)
    assert everyone.homeless_total == mine.homeless_total + 1 == 10
    assert pid("Zed") in everyone.category(C.STREET).group.person_ids
    assert everyone.flows[-1].people[Flow.NEWLY_IDENTIFIED] == _ids("Ib", "Jon", "Zed")
    assert everyone.team_id is None


def test_without_inactivity_the_count_is_the_sessions(town: Session) -> None:
    """With a threshold no-one reaches, Overblik counts what ``Session.stats`` counts: each
    person's latest situation today. Eleven: the nine, Gro (inactive above) and Zed."""
    o = dashboard.overview(
        town, scenario.TODAY, team_id=None, settings=SETTINGS, inactive_days=3650
    )
    assert o.homeless_total == town.stats().homeless_total == 11
    assert o.inactive.count == 0


def test_a_found_inactive_person_housed_within_the_month_counts_twice(
    session: Session,
) -> None:
    """INACTIVE at one month's end, HOUSED at the next: found and housed in that month."""
    from gadeplan.app.domain.records import HousingStatus, Person

    team = session.identity.team_id
    person = Person(id="p-x", team_id=team, alias="X")
    entries = [
        HousingStatus(
            id="h1", team_id=team, person_id="p-x", category=C.STREET, valid_from=date(2026, 1, 5)
        ),
        HousingStatus(
            id="h2", team_id=team, person_id="p-x", category=C.HOUSED, valid_from=date(2026, 11, 3)
        ),
    ]
    session.bulk_writer()([person, *entries])
    o = dashboard.overview(
        session, scenario.TODAY, team_id=team, settings=SETTINGS, inactive_days=90
    )
    # Street since 01-05 with no contact after it: inactive at e0..e2; housed at e3.
    nov = o.flows[-1]
    assert nov.people[Flow.RETURNED_FROM_INACTIVE] == ("p-x",)
    assert nov.people[Flow.MOVED_INTO_HOUSING] == ("p-x",)
    assert nov.homeless_before == nov.homeless_after == 0
    assert o.inactive.count == 0


def test_inactive_from_the_nth_day_without_contact(session: Session) -> None:
    from gadeplan.app.domain.records import Channel, Encounter, HousingStatus, Person

    team = session.identity.team_id
    session.bulk_writer()(
        [
            Person(id="p-x", team_id=team, alias="X"),
            HousingStatus(
                id="h1",
                team_id=team,
                person_id="p-x",
                category=C.STREET,
                valid_from=date(2026, 1, 5),
            ),
            Encounter(
                id="e1",
                team_id=team,
                person_id="p-x",
                occurred_at=datetime(2026, 3, 1, 23, 30, tzinfo=UTC),
                channel=Channel.STREET,
            ),
            # 111 days later: the gap must not be bridged, and it must not count before.
            Encounter(
                id="e2",
                team_id=team,
                person_id="p-x",
                occurred_at=datetime(2026, 6, 20, 9, 0, tzinfo=UTC),
                channel=Channel.STREET,
            ),
        ]
    )

    def state(on: date) -> tuple[int, int]:
        o = dashboard.overview(session, on, team_id=team, settings=SETTINGS, inactive_days=90)
        return o.homeless_total, o.inactive.count

    # Met 03-01: 89 days later (05-29) still active; on the 90th day (05-30) inactive.
    assert state(date(2026, 5, 29)) == (1, 0)
    assert state(date(2026, 5, 30)) == (0, 1)
    # At a month's end the same rule: May 31 is day 91.
    o = dashboard.overview(
        session, date(2026, 6, 15), team_id=team, settings=SETTINGS, inactive_days=90
    )
    assert _trend(o) == [
        (date(2026, 4, 30), 1, 0),
        (date(2026, 5, 31), 0, 1),
        (date(2026, 6, 15), 0, 1),
    ]
    assert o.flows[1].people[Flow.BECAME_INACTIVE] == ("p-x",)
    # Met again 06-20: active again that day.
    assert state(date(2026, 6, 19)) == (0, 1)
    assert state(date(2026, 6, 20)) == (1, 0)


def test_settings_are_stored_in_the_encrypted_store(session: Session) -> None:
    assert dashboard.load_settings(session) == DashboardSettings()
    mine = DashboardSettings(baseline_count=150, trend_months=12)
    dashboard.save_settings(session, mine)
    assert dashboard.load_settings(session) == mine
    with session.store.read() as conn:
        raw = conn.execute(
            "SELECT value FROM local_state WHERE key = ?", (dashboard.SETTINGS_KEY,)
        ).fetchone()[0]
    assert '"baseline_count":150' in raw


def test_settings_refuse_nonsense() -> None:
    with pytest.raises(ValueError, match="target_reduction_percent"):
        DashboardSettings(target_reduction_percent=140)
    with pytest.raises(ValueError, match="baseline year"):
        DashboardSettings(baseline_year=2030, target_year=2025)
    # Without a baseline count there is no target line.
    assert DashboardSettings().target_count is None
    assert DashboardSettings().target_path(date(2026, 1, 1)) is None
    # Halfway between week 6 of 2019 (2019-02-04) and the end of 2025, the path is halfway.
    s = DashboardSettings(baseline_count=200, target_reduction_percent=40)
    middle = s.baseline_date + (s.target_date - s.baseline_date) / 2
    assert s.target_path(middle) == pytest.approx(160.0, abs=0.1)
    assert s.target_path(date(2019, 1, 1)) is None


def test_empty_store_gives_zeros(session: Session) -> None:
    o = dashboard.overview(
        session, scenario.TODAY, team_id=None, settings=SETTINGS, inactive_days=90
    )
    assert o.homeless_total == 0
    assert [p.homeless for p in o.trend] == [0, 0, 0]
    assert all(not ids for month in o.flows for ids in month.people.values())


def test_a_month_end_counts_to_the_day(session: Session) -> None:
    """Overblik works out the month ends from each person's months (see "the computation"):
    a day either side of a month's end must still tell. N = 10 here, so a contact on day s
    has the person seen up to s + 9; the count window of prison and hospital is 31 days.

        e0 = 2025-12-31, e1 = 2026-01-31, e2 = 02-28, e3 = 03-15 (the chosen date)
        A  street from 01-01, met 01-22 (seen to 01-31) and 02-18 (to 02-27):
           -  A  I  I
        B  prison from 02-01, release 03-31 (counts 02-28 .. 03-31), met 02-25 (to 03-06):
           -  -  A  I
        C  prison from 02-01, release 04-01 (counts 03-01 .. 04-01), met 02-25:
           -  -  O  I
    """
    from gadeplan.app.domain.records import Channel, Encounter, HousingStatus, Person

    team = session.identity.team_id
    records: list[Any] = []
    for alias, category, start, expected, met in (
        ("A", C.STREET, date(2026, 1, 1), None, (date(2026, 1, 22), date(2026, 2, 18))),
        ("B", C.PRISON_RELEASE, date(2026, 2, 1), date(2026, 3, 31), (date(2026, 2, 25),)),
        ("C", C.PRISON_RELEASE, date(2026, 2, 1), date(2026, 4, 1), (date(2026, 2, 25),)),
    ):
        records.append(Person(id=f"p-{alias}", team_id=team, alias=alias))
        records.append(
            HousingStatus(
                id=f"h-{alias}",
                team_id=team,
                person_id=f"p-{alias}",
                category=category,
                valid_from=start,
                expected_date=expected,
            )
        )
        records.extend(
            Encounter(
                id=f"e-{alias}-{day}",
                team_id=team,
                person_id=f"p-{alias}",
                occurred_at=datetime(day.year, day.month, day.day, 12, tzinfo=UTC),
                channel=Channel.STREET,
            )
            for day in met
        )
    session.bulk_writer()(records)
    o = dashboard.overview(
        session, date(2026, 3, 15), team_id=team, settings=SETTINGS, inactive_days=10
    )
    assert _trend(o) == [
        (date(2026, 1, 31), 1, 0),
        (date(2026, 2, 28), 1, 1),
        (date(2026, 3, 15), 0, 3),
    ]
    assert o.flows[1].people[Flow.BECAME_INACTIVE] == ("p-A",)
    assert o.flows[1].people[Flow.NEWLY_IDENTIFIED] == ("p-B",)
    assert o.flows[2].people[Flow.BECAME_INACTIVE] == ("p-B",)
    # A date before every record: nothing, in every month.
    early = dashboard.overview(
        session, date(2025, 6, 30), team_id=team, settings=SETTINGS, inactive_days=10
    )
    assert [(p.homeless, p.inactive) for p in early.trend] == [(0, 0)] * 3


def test_a_failing_query_reaches_the_caller_and_leaves_the_store_usable(
    town: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The queries run on a helper thread while the caller holds the store: a driver error
    there is told as the store's error, and nothing is left running or locked."""
    ran_on: list[str] = []

    def broken(conn: Any) -> str:
        ran_on.append(threading.current_thread().name)
        conn.execute("SELECT * FROM no_such_table")
        return "{}"

    monkeypatch.setattr(analytics, "housing_json", broken)
    with pytest.raises(StoreError):
        dashboard.DashboardData.load(town, town.identity.team_id, 90)
    assert len(ran_on) == 1
    assert ran_on[0].startswith("gadeplan-overblik")
    assert not [t for t in threading.enumerate() if t.name.startswith("gadeplan-overblik")]
    monkeypatch.undo()
    # Another thread can write at once: the load let go of the store.
    written = threading.Thread(target=lambda: dashboard.save_settings(town, SETTINGS))
    written.start()
    written.join(timeout=10)
    assert not written.is_alive()
    assert dashboard.load_settings(town) == SETTINGS
    assert dashboard.DashboardData.load(town, town.identity.team_id, 90).timelines
