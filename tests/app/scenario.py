"""A hand-built town of sixteen people with known histories, for the radar, the dashboard and
the reports. Today is the FixedClock's 2026-11-25 (a Wednesday).

Every person's record, housing history, encounters, transitions, evictions and offers are
written out below; the tests work out by hand, in their own comments, what each screen must
show for them. Person ids are ``p-<alias>`` so a failing assertion reads as a name.

    alias  age on 11-25      housing history (valid from)                  encounters
    Ada    26 (2000-03-10)   street 06-01 (Torvet)                         08-20 09-25 10-20 11-20
    Bo     22 (2004-06-01)   sofa 10-05                                    10-05
    Cai    ~45 (noted)       shelter 07-01, ready to move                  08-15 10-01 11-10
    Dan    51 (born 1975)    street 05-01; housed 10-20 (offer moved in)   08-25 10-10
    Eva    38 (born 1988)    sofa 06-10; housed 08-25                      06-10 11-18
    Finn   unknown           street 2025-12-01; housed 03-01;              11-15
                             street 11-15 (Havnen)
    Gro    36 (born 1990)    sofa 04-01                                    05-20 07-15
    Hans   56 (1970-05-05)   street 01-10                                  02-01 11-12
    Ib     41 (born 1985)    prison_release 09-01, expected 12-10          -
    Jon    36 (CPR 010190-)  hospital_discharge 11-01, expected 12-01      -
    Kim    17 (2009-01-15)   -   (formerly in care)                        -
    Lis    22 (2003-12-20)   housed 2025-05-01                             -
    Mo     19 (2007-03-01)   transitional 06-01 (offer moved in 06-01,     08-10 11-20
                             lease ends 2027-01-10)
    Nils   46 (born 1980)    unknown 10-01                                 -
    Ole    61 (born 1965)    street 03-01; prison_release 10-15,           08-20 09-10
                             expected 2027-06-01
    Rut    66 (born 1960)    other_homeless 09-01                          10-10
    Zed    (another team)    street 11-01                                  11-02

Dates without a year are in 2026. Places of encounters: Ada's 11-20 at Banegården, the others
at Torvet, except Finn's (Havnen) and Hans's (Byparken). Hans's record lists the places
Byparken and Broen; Ada's lists Torvet.

Other records:
    Jon   transition hospital_discharge 12-01 WITH a housing plan
    Lis   transition aftercare_ending 12-20, no plan; aftercare_ends_on 12-20 on her record;
          eviction case, open, court 12-05, bailiff 2027-01-20, no actions
    Nils  transition prison_release 12-15, no plan; transition treatment_end 12-01, done
    Dan   housing offer moved in 10-20 (no lease end); an averted eviction case, court 12-01
    Mo    housing offer (youth) moved in 06-01, lease ends 2027-01-10
    Cai   no housing offer
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from gadeplan.app.domain.housing import HousingCategory as C
from gadeplan.app.domain.records import (
    Channel,
    Encounter,
    EvictionCase,
    EvictionStatus,
    HousingOffer,
    HousingStatus,
    OfferKind,
    OfferStatus,
    Person,
    TeamRecord,
    Transition,
    TransitionKind,
)
from gadeplan.app.services.session import Session

TODAY = date(2026, 11, 25)
OTHER_TEAM = "team-elsewhere"


def pid(alias: str) -> str:
    return f"p-{alias.lower()}"


class _Town:
    def __init__(self, session: Session) -> None:
        self.team = session.identity.team_id
        self.records: list[TeamRecord] = []
        self._n = 0

    def _id(self, kind: str) -> str:
        self._n += 1
        return f"{kind}-{self._n:03d}"

    def person(self, alias: str, *, team: str | None = None, **fields: object) -> None:
        self.records.append(
            Person(id=pid(alias), team_id=team or self.team, alias=alias, **fields)  # type: ignore[arg-type]
        )

    def housing(
        self,
        alias: str,
        category: C,
        valid_from: date,
        *,
        expected: date | None = None,
        place: str | None = None,
        ready: bool = False,
        team: str | None = None,
    ) -> None:
        self.records.append(
            HousingStatus(
                id=self._id("h"),
                team_id=team or self.team,
                person_id=pid(alias),
                category=category,
                valid_from=valid_from,
                expected_date=expected,
                place=place,
                ready_to_move=ready,
            )
        )

    def met(self, alias: str, day: date, place: str = "Torvet", *, team: str | None = None) -> None:
        self.records.append(
            Encounter(
                id=self._id("e"),
                team_id=team or self.team,
                person_id=pid(alias),
                occurred_at=datetime(day.year, day.month, day.day, 12, 0, tzinfo=UTC),
                channel=Channel.STREET,
                place=place,
            )
        )

    def transition(
        self,
        alias: str,
        kind: TransitionKind,
        on: date,
        *,
        plan: str | None = None,
        done: bool = False,
    ) -> None:
        self.records.append(
            Transition(
                id=self._id("t"),
                team_id=self.team,
                person_id=pid(alias),
                kind=kind,
                on=on,
                housing_plan=plan,
                done=done,
            )
        )

    def offer(
        self,
        alias: str,
        move_in: date,
        *,
        kind: OfferKind = OfferKind.ORDINARY,
        lease_ends: date | None = None,
    ) -> None:
        self.records.append(
            HousingOffer(
                id=self._id("o"),
                team_id=self.team,
                person_id=pid(alias),
                kind=kind,
                status=OfferStatus.MOVED_IN,
                move_in_on=move_in,
                lease_ends_on=lease_ends,
            )
        )

    def eviction(
        self,
        alias: str,
        *,
        court: date | None,
        bailiff: date | None = None,
        status: EvictionStatus = EvictionStatus.OPEN,
    ) -> None:
        self.records.append(
            EvictionCase(
                id=self._id("ev"),
                team_id=self.team,
                person_id=pid(alias),
                court_date=court,
                bailiff_date=bailiff,
                status=status,
            )
        )


def d(month: int, day: int, year: int = 2026) -> date:
    return date(year, month, day)


def build(session: Session) -> None:
    """Write the town into the session's store."""
    t = _Town(session)

    t.person("Ada", birth_date=date(2000, 3, 10), places=("Torvet",))
    t.housing("Ada", C.STREET, d(6, 1), place="Torvet")
    for day in (d(8, 20), d(9, 25), d(10, 20)):
        t.met("Ada", day)
    t.met("Ada", d(11, 20), "Banegården")

    t.person("Bo", birth_date=date(2004, 6, 1))
    t.housing("Bo", C.SOFA, d(10, 5))
    t.met("Bo", d(10, 5))

    t.person("Cai", approx_age=45)
    t.housing("Cai", C.SHELTER, d(7, 1), ready=True)
    for day in (d(8, 15), d(10, 1), d(11, 10)):
        t.met("Cai", day)

    t.person("Dan", birth_year=1975)
    t.housing("Dan", C.STREET, d(5, 1))
    t.housing("Dan", C.HOUSED, d(10, 20))
    t.offer("Dan", d(10, 20))
    t.eviction("Dan", court=d(12, 1), status=EvictionStatus.AVERTED)
    t.met("Dan", d(8, 25))
    t.met("Dan", d(10, 10))

    t.person("Eva", birth_year=1988)
    t.housing("Eva", C.SOFA, d(6, 10))
    t.housing("Eva", C.HOUSED, d(8, 25))
    t.met("Eva", d(6, 10))
    t.met("Eva", d(11, 18))

    t.person("Finn")
    t.housing("Finn", C.STREET, d(12, 1, 2025))
    t.housing("Finn", C.HOUSED, d(3, 1))
    t.housing("Finn", C.STREET, d(11, 15), place="Havnen")
    t.met("Finn", d(11, 15), "Havnen")

    t.person("Gro", birth_year=1990)
    t.housing("Gro", C.SOFA, d(4, 1))
    t.met("Gro", d(5, 20))
    t.met("Gro", d(7, 15))

    t.person("Hans", birth_date=date(1970, 5, 5), places=("Byparken", "Broen"))
    t.housing("Hans", C.STREET, d(1, 10))
    t.met("Hans", d(2, 1))
    t.met("Hans", d(11, 12), "Byparken")

    t.person("Ib", birth_year=1985)
    t.housing("Ib", C.PRISON_RELEASE, d(9, 1), expected=d(12, 10))

    t.person("Jon", cpr="010190-1234")
    t.housing("Jon", C.HOSPITAL_DISCHARGE, d(11, 1), expected=d(12, 1))
    t.transition("Jon", TransitionKind.HOSPITAL_DISCHARGE, d(12, 1), plan="Skæv bolig i Tarp")

    t.person("Kim", birth_date=date(2009, 1, 15), formerly_in_care=True)

    t.person(
        "Lis", birth_date=date(2003, 12, 20), formerly_in_care=True, aftercare_ends_on=d(12, 20)
    )
    t.housing("Lis", C.HOUSED, d(5, 1, 2025))
    t.transition("Lis", TransitionKind.AFTERCARE_ENDING, d(12, 20))
    t.eviction("Lis", court=d(12, 5), bailiff=d(1, 20, 2027))

    t.person("Mo", birth_date=date(2007, 3, 1))
    t.housing("Mo", C.TRANSITIONAL, d(6, 1))
    t.offer("Mo", d(6, 1), kind=OfferKind.YOUTH, lease_ends=d(1, 10, 2027))
    t.met("Mo", d(8, 10))
    t.met("Mo", d(11, 20))

    t.person("Nils", birth_year=1980)
    t.housing("Nils", C.UNKNOWN, d(10, 1))
    t.transition("Nils", TransitionKind.PRISON_RELEASE, d(12, 15))
    t.transition("Nils", TransitionKind.TREATMENT_END, d(12, 1), done=True)

    t.person("Ole", birth_year=1965)
    t.housing("Ole", C.STREET, d(3, 1))
    t.housing("Ole", C.PRISON_RELEASE, d(10, 15), expected=d(6, 1, 2027))
    t.met("Ole", d(8, 20))
    t.met("Ole", d(9, 10))

    t.person("Rut", birth_year=1960)
    t.housing("Rut", C.OTHER_HOMELESS, d(9, 1))
    t.met("Rut", d(10, 10))

    t.person("Zed", team=OTHER_TEAM)
    t.housing("Zed", C.STREET, d(11, 1), team=OTHER_TEAM)
    t.met("Zed", d(11, 2), team=OTHER_TEAM)

    session.bulk_writer()(t.records)
