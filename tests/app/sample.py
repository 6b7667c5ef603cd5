"""A small, known team: five people whose lists, dates and situations tests can name.

Qt-free, so the service tests and the window tests share it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from gadeplan.app.domain.housing import HousingCategory
from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import (
    Channel,
    Encounter,
    EvictionCase,
    FollowUp,
    HousingStatus,
    Partner,
    PartnerKind,
    Person,
    Phone,
    Transition,
    TransitionKind,
)
from gadeplan.app.services.session import Session

#: The frozen "today" of tests.support.FixedClock.
TODAY = date(2026, 11, 25)


@dataclass(frozen=True)
class SeedIds:
    bamse: str
    lillebror: str
    raeven: str
    aase: str
    kasket: str
    partner: str
    worker: str


def seed_small(session: Session) -> SeedIds:
    team = session.identity.team_id
    me = session.identity.worker_id

    def person(alias: str, **fields: object) -> str:
        record = Person(id=new_id(), team_id=team, alias=alias, **fields)  # type: ignore[arg-type]
        result = session.create_person(record, confirmed_new=True)
        assert result.person is not None
        return result.person.id

    def housing(person_id: str, category: HousingCategory, since: date, **fields: object) -> None:
        session.save(
            HousingStatus(
                id=new_id(),
                team_id=team,
                person_id=person_id,
                category=category,
                valid_from=since,
                recorded_by=me,
                **fields,  # type: ignore[arg-type]
            )
        )

    def met(person_id: str | None, when: datetime, place: str, **fields: object) -> None:
        session.log_encounter(
            Encounter(
                id=new_id(),
                team_id=team,
                person_id=person_id,
                occurred_at=when,
                channel=Channel.STREET,
                place=place,
                worker_id=me,
                **fields,  # type: ignore[arg-type]
            )
        )

    partner = Partner(
        id=new_id(), team_id=team, name="Jobcenter Esbjerg", kind=PartnerKind.MUNICIPAL
    )
    session.save(partner)

    bamse = person(
        "Bamse",
        name="Søren Jensen",
        cpr="120590-1234",
        places=("Torvet",),
        phones=(Phone(number="+45 20 30 40 50"),),
        contact_worker_id=me,
    )
    housing(bamse, HousingCategory.SOFA, date(2026, 10, 1))
    met(bamse, datetime(2026, 11, 10, 21, 0, tzinfo=UTC), "Banegården", note="Første snak.")
    met(
        bamse,
        datetime(2026, 11, 20, 22, 15, tzinfo=UTC),
        "Torvet",
        note="Sover hos sin søster, men det holder ikke.",
        topics=("bolig",),
    )
    session.save(
        FollowUp(
            id=new_id(),
            team_id=team,
            person_id=bamse,
            due_on=TODAY,
            what="Ring til jobcentret sammen",
            assigned_worker_id=me,
        )
    )

    lillebror = person("Lillebror", name="Mads Hansen", birth_year=2004, formerly_in_care=True)
    housing(lillebror, HousingCategory.STREET, date(2026, 11, 1), place="Byparken")
    met(lillebror, datetime(2026, 11, 18, 23, 0, tzinfo=UTC), "Byparken")
    session.save(
        Transition(
            id=new_id(),
            team_id=team,
            person_id=lillebror,
            kind=TransitionKind.AFTERCARE_ENDING,
            on=date(2026, 12, 10),
        )
    )
    session.save(
        FollowUp(
            id=new_id(),
            team_id=team,
            person_id=lillebror,
            due_on=date(2026, 11, 20),
            what="Følg med til lægen",
            assigned_worker_id=me,
        )
    )

    raeven = person("Ræven", approx_age=45, description="Grå skæg, grøn jakke")
    housing(raeven, HousingCategory.SHELTER, date(2026, 3, 1))
    met(raeven, datetime(2026, 6, 1, 12, 0, tzinfo=UTC), "Havnen")
    session.save(
        EvictionCase(
            id=new_id(),
            team_id=team,
            person_id=raeven,
            landlord="Boligselskabet Ungdomsbo",
            court_date=date(2026, 12, 5),
            arrears_dkk=12_000,
        )
    )

    aase = person("Åse", name="Åse Østergaard", birth_year=1970)
    housing(aase, HousingCategory.HOUSED, date(2025, 1, 1))
    session.save(
        Transition(
            id=new_id(),
            team_id=team,
            person_id=aase,
            kind=TransitionKind.PRISON_RELEASE,
            on=date(2026, 12, 1),
            housing_plan="Skæv bolig i Tarp",
        )
    )

    kasket = person("Kasket")
    return SeedIds(bamse, lillebror, raeven, aase, kasket, partner.id, me)
