"""The prevention radar on the hand-built town (tests/app/scenario.py), item by item.

Today is 2026-11-25; default thresholds. Worked out by hand, person by person:

    Ada   street, met 11-20                       nothing
    Bo    sofa, met 10-05                         nothing (seen 51 days ago < 90)
    Cai   shelter since 07-01, ready to move,     long shelter stay: 3 months passed 10-01,
          no offer                                55 days ago -> -55
    Dan   moved in 10-20 (offer; the housed entry 10-20 is the same move); 1-month check-in
          due 11-20, window 11-06 .. 12-20 is open, no encounter since 10-10 -> check-in -5.
          His eviction case was averted: nothing.
    Eva   moved in 08-25 (sofa -> housed); 3-month check-in due 11-25, window 11-11 .. 12-25,
          met 11-18: done. (1 month: window 09-11 .. 10-25 closed.) Nothing.
    Finn  housed from 03-01, street again 11-15: returned to homelessness 10 days ago -> -10.
          His check-ins stopped when he lost the home.
    Gro   sofa, last seen 07-15: inactive from the 90th day without contact, 07-15 + 90 =
          10-13 -> -43
    Hans  met 11-12                               nothing
    Ib    prison_release, expected 12-10, no transition record -> prison release +15
    Jon   hospital, expected 12-01, and a transition of the same kind that day WITH a plan:
          the transition decides, nothing
    Kim   formerly in care, born 2009-01-15: 18 on 2027-01-15, 51 days -> leaving care +51
    Lis   aftercare-ending transition 12-20, no plan -> +25 (her record's aftercare date is
          the same event: no second item). Eviction: court 12-05 (bailiff 2027-01-20 is
          beyond 30 days), no action recorded -> eviction +10 (court)
    Mo    moved in 06-01, lease ends 2027-01-10: 46 days -> lease ending +46. 6-month check-in
          due 12-01 (window 11-17 .. 12-31): met 11-20, done.
    Nils  prison-release transition 12-15, no plan -> +20. Treatment end 12-01 is done.
          Unknown situation from 10-01 (a contact): not inactive.
    Ole   in prison until 2027: not inactive, nothing
    Rut   met 10-10                               nothing

Ten items, most urgent first.
"""

from __future__ import annotations

from datetime import date

import pytest

from gadeplan.app.domain.housing import HousingCategory as C
from gadeplan.app.services import radar
from gadeplan.app.services.radar import Missing, RadarAction, RadarKind, RadarSettings
from gadeplan.app.services.session import Session
from tests.app import scenario
from tests.app.scenario import pid


@pytest.fixture
def town(session: Session) -> Session:
    scenario.build(session)
    return session


def _items(session: Session, **settings: object) -> list[tuple[object, ...]]:
    found = radar.radar(
        session,
        team_id=session.identity.team_id,
        settings=RadarSettings(**settings),  # type: ignore[arg-type]
    )
    assert found.on == scenario.TODAY
    return [
        (i.alias, i.kind, i.on, i.days_left, i.missing, i.action, i.record_entity, i.detail)
        for i in found.items
    ]


def test_every_item_of_the_town(town: Session) -> None:
    k, m, a = RadarKind, Missing, RadarAction
    d = scenario.d
    assert _items(town) == [
        (
            "Cai",
            k.LONG_SHELTER_STAY,
            d(10, 1),
            -55,
            m.NO_HOUSING_OFFER,
            a.PLAN,
            "housing_status",
            None,
        ),
        ("Gro", k.INACTIVE, d(10, 13), -43, m.NO_CONTACT, a.LOG, "person", None),
        (
            "Finn",
            k.RETURNED_TO_HOMELESSNESS,
            d(11, 15),
            -10,
            m.HOUSING_LOST,
            a.PLAN,
            "housing_status",
            None,
        ),
        ("Dan", k.CHECK_IN, d(11, 20), -5, m.NO_CHECK_IN, a.LOG, "housing_offer", "1"),
        (
            "Lis",
            k.EVICTION,
            d(12, 5),
            10,
            m.NO_EVICTION_ACTION,
            a.FOLLOW_UP,
            "eviction_case",
            "court",
        ),
        ("Ib", k.PRISON_RELEASE, d(12, 10), 15, m.NO_HOUSING_PLAN, a.PLAN, "housing_status", None),
        ("Nils", k.PRISON_RELEASE, d(12, 15), 20, m.NO_HOUSING_PLAN, a.PLAN, "transition", None),
        ("Lis", k.AFTERCARE_ENDING, d(12, 20), 25, m.NO_HOUSING_PLAN, a.PLAN, "transition", None),
        (
            "Mo",
            k.LEASE_ENDING,
            d(1, 10, 2027),
            46,
            m.NO_NEXT_HOUSING,
            a.PLAN,
            "housing_offer",
            None,
        ),
        (
            "Kim",
            k.LEAVING_CARE,
            d(1, 15, 2027),
            51,
            m.NO_HOUSING_PLAN,
            a.PLAN,
            "person",
            "turning_18",
        ),
    ]


def test_items_name_the_person_and_the_record(town: Session) -> None:
    from gadeplan.app.domain.records import AuditAction, AuditEvent

    found = radar.radar(town, team_id=town.identity.team_id)
    # Showing the radar is logged as one search naming how many people (nine: Lis twice).
    event = list(town.repo.all(AuditEvent))[-1]
    assert (event.action, event.entity, event.detail) == (AuditAction.SEARCH, "radar", "9")
    cai = found.of_kind(RadarKind.LONG_SHELTER_STAY)[0]
    assert cai.person_id == pid("Cai")
    # The record behind the item opens by its entity and id: Cai's shelter entry.
    from gadeplan.app.domain.records import HousingStatus

    entry = town.repo.get(HousingStatus, cai.record_id)
    assert entry is not None
    assert entry.category is C.SHELTER
    # For the top of Today: what is due within a week, or passed.
    assert [i.alias for i in found.due_within(7)] == ["Cai", "Gro", "Finn", "Dan"]


def test_thresholds_move_items_in_and_out(town: Session) -> None:
    shorter = {i[0] for i in _items(town, release_days=14, care_days=30, lease_days=30)}
    # Ib (+15) and Nils (+20) are beyond 14 days; Lis's aftercare (+25) is within 30 but
    # Kim (+51) and Mo's lease (+46) are not. Lis stays for her eviction too.
    assert shorter == {"Cai", "Gro", "Finn", "Dan", "Lis"}
    # Gro was last seen 07-15, 133 days ago: with a 200-day threshold she is not inactive.
    assert "Gro" not in {i[0] for i in _items(town, inactive_days=200)}
    # Cai's stay began 07-01: with 5 months it passes only on 12-01.
    assert "Cai" not in {i[0] for i in _items(town, shelter_months=5)}


def test_a_plan_or_an_open_offer_takes_items_off(town: Session) -> None:
    from msgspec.structs import replace

    from gadeplan.app.domain.records import HousingOffer, OfferKind, OfferStatus, Transition

    nils = next(t for t in town.repo.for_person(Transition, pid("Nils")) if not t.done)
    town.save(replace(nils, housing_plan="Værelse hos søsteren aftalt"))
    town.save(
        HousingOffer(
            id="o-cai",
            team_id=town.identity.team_id,
            person_id=pid("Cai"),
            kind=OfferKind.SKAEV_BOLIG,
            status=OfferStatus.VIEWING,
        )
    )
    left = {i[0] for i in _items(town)}
    assert "Nils" not in left
    assert "Cai" not in left


def test_inactive_from_the_nth_day_without_contact(session: Session) -> None:
    from gadeplan.app.domain.records import HousingStatus, Person

    team = session.identity.team_id
    session.bulk_writer()(
        [
            Person(id="p-x", team_id=team, alias="X"),
            # Recording the situation is the last contact: 89 days before today.
            HousingStatus(
                id="h1",
                team_id=team,
                person_id="p-x",
                category=C.SOFA,
                valid_from=date(2026, 8, 28),
            ),
        ]
    )
    assert _items(session) == []
    # With N = 89, today is the 89th day without contact: inactive from today (0 days left).
    assert [i[3] for i in _items(session, inactive_days=89)] == [0]


def test_a_passed_date_stays_for_the_overdue_days(session: Session) -> None:
    from gadeplan.app.domain.records import Person, Transition, TransitionKind

    team = session.identity.team_id
    session.bulk_writer()(
        [
            Person(id="p-x", team_id=team, alias="X"),
            Transition(
                id="t1",
                team_id=team,
                person_id="p-x",
                kind=TransitionKind.PRISON_RELEASE,
                on=date(2026, 11, 20),
            ),
        ]
    )
    # Released five days ago without a plan: still shown (7 days' grace), then gone.
    assert [i[3] for i in _items(session)] == [-5]
    assert _items(session, overdue_days=3) == []


def test_the_year_check_in_is_shown_to_the_last_day_of_its_window(session: Session) -> None:
    """The 12-month check-in falls due a year after the move and stays for 30 days: moved
    in on 2025-10-26, its window closes today; a day earlier, it closed yesterday. (The radar
    skips people with no move-in since 12 * 31 + 30 days before; both are within that.)"""
    from gadeplan.app.domain.records import HousingStatus, Person

    team = session.identity.team_id
    records: list[Person | HousingStatus] = []
    for alias, moved_in in (("Year", date(2025, 10, 26)), ("Closed", date(2025, 10, 25))):
        records.append(Person(id=f"p-{alias}", team_id=team, alias=alias))
        for n, (category, day) in enumerate(((C.SHELTER, date(2025, 6, 1)), (C.HOUSED, moved_in))):
            records.append(
                HousingStatus(
                    id=f"h-{alias}-{n}",
                    team_id=team,
                    person_id=f"p-{alias}",
                    category=category,
                    valid_from=day,
                )
            )
    session.bulk_writer()(records)
    check_ins = [i for i in _items(session) if i[1] is RadarKind.CHECK_IN]
    assert check_ins == [
        (
            "Year",
            RadarKind.CHECK_IN,
            date(2026, 10, 26),
            -30,
            Missing.NO_CHECK_IN,
            RadarAction.LOG,
            "housing_status",
            "12",
        )
    ]


def test_the_cold_weather_checklist(town: Session) -> None:
    """Current situation street or other_homeless, seen since 10-26 (30 days):

    Ada   street, met 11-20 at Banegården; entry place Torvet; record: Torvet
    Finn  street since 11-15 at Havnen, met there that day
    Hans  street, met 11-12 at Byparken; record: Byparken, Broen
    Rut   other_homeless, but last seen 10-10: not on the list
    Gro   is inactive but sleeps on a sofa: not on the list

    Sorted by first place: Byparken (Hans), Havnen (Finn), Torvet (Ada).
    """
    listed = radar.cold_weather(town, team_id=town.identity.team_id)
    assert [(e.alias, e.situation, e.last_seen, e.places) for e in listed] == [
        ("Hans", C.STREET, date(2026, 11, 12), ("Byparken", "Broen")),
        ("Finn", C.STREET, date(2026, 11, 15), ("Havnen",)),
        ("Ada", C.STREET, date(2026, 11, 20), ("Torvet", "Banegården")),
    ]
    # With 50 days (since 10-06) Rut, met 10-10 at Torvet, is on it too, after Ada (Torvet).
    longer = radar.cold_weather(
        town, team_id=town.identity.team_id, settings=RadarSettings(cold_weather_days=50)
    )
    assert [e.alias for e in longer] == ["Hans", "Finn", "Ada", "Rut"]
    # The whole device: Zed (another team), street since 11-01, met 11-02 at Torvet.
    everyone = radar.cold_weather(town, team_id=None)
    assert [e.alias for e in everyone] == ["Hans", "Finn", "Ada", "Zed"]


def test_settings_round_trip_and_fall_back(session: Session) -> None:
    assert radar.load_settings(session) == RadarSettings()
    mine = RadarSettings(inactive_days=60, check_in_months=(1, 2, 6))
    radar.save_settings(session, mine)
    assert radar.load_settings(session) == mine
    with session.store.write() as conn:
        conn.execute(
            "UPDATE local_state SET value = ? WHERE key = ?",
            ('{"inactive_days": -4}', radar.SETTINGS_KEY),
        )
    assert radar.load_settings(session) == RadarSettings()
    with pytest.raises(ValueError, match="check_in_months"):
        RadarSettings(check_in_months=(3, 1))


def test_month_arithmetic() -> None:
    assert radar.add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert radar.add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert radar.eighteenth_birthday(date(2008, 2, 29)) == date(2026, 3, 1)
