"""Realistic synthetic data for demos, tests and benchmarks.

Deterministic: the same seed and the same "today" give the same records, ids included. Names,
nicknames and places are Danish and from Esbjerg; housing situations follow the rough shares
of the national count among people outreach workers meet, with some housed and unknown.
Every person and every CPR number is invented (CPR numbers are format-valid but random).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta

import msgspec
from msgspec.structs import replace

from gadeplan.app.domain.housing import DATED_CATEGORIES, HousingCategory
from gadeplan.app.domain.records import (
    Channel,
    Consent,
    Encounter,
    EvictionCase,
    EvictionStatus,
    FollowUp,
    HousingOffer,
    HousingStatus,
    LegalBasis,
    OfferKind,
    OfferStatus,
    Partner,
    PartnerKind,
    Person,
    Phone,
    Referral,
    ReferralOutcome,
    Source,
    SupportArea,
    SupportGoal,
    TeamRecord,
    Transition,
    TransitionKind,
)

FIRST_NAMES = (
    "Søren",
    "Mads",
    "Jens",
    "Peter",
    "Lars",
    "Anders",
    "Kim",
    "Jesper",
    "Martin",
    "Rasmus",
    "Mikkel",
    "Frederik",
    "Emil",
    "Jonas",
    "Mathias",
    "Oliver",
    "Kasper",
    "Nikolaj",
    "Bjørn",
    "Ole",
    "Henrik",
    "Thomas",
    "Kenneth",
    "Dennis",
    "Brian",
    "Åge",
    "Jørgen",
    "Kåre",
    "Mette",
    "Anne",
    "Sofie",
    "Ida",
    "Emma",
    "Freja",
    "Laura",
    "Camilla",
    "Line",
    "Sara",
    "Louise",
    "Maria",
    "Åse",
    "Birgitte",
    "Pernille",
    "Tina",
    "Signe",
    "Maja",
    "Julie",
    "Cecilie",
    "Nanna",
    "Ahmed",
    "Ali",
    "Mohammed",
    "Fatima",
    "Aisha",
    "Tobias",
    "Malthe",
    "Asta",
)
SURNAMES = (
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Christiansen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
    "Knudsen",
    "Jakobsen",
    "Mikkelsen",
    "Frederiksen",
    "Laursen",
    "Østergaard",
    "Søndergaard",
    "Holm",
    "Dahl",
    "Lund",
    "Bækgaard",
    "Kjær",
    "Ærø",
    "Ibsen",
    "Hussein",
    "Yilmaz",
)
NICKNAMES = (
    "Lillebror",
    "Bamse",
    "Kasket",
    "Fiskeren",
    "Stille Per",
    "Ræven",
    "Guldtand",
    "Skipper",
    "Krølle",
    "Rødtop",
    "Professoren",
    "Cykel-Kim",
    "Mulle",
    "Tut",
    "Stjerne",
    "Hættetrøjen",
    "Lille Mads",
    "Store Jens",
    "Smeden",
    "Musse",
    "Bølle",
    "Sømanden",
    "Solsort",
    "Ål",
    "Ørnen",
    "Grisen",
    "Pjuske",
    "Trolden",
    "Knægten",
    "Søs",
)
PLACES = (
    "Torvet",
    "Banegården",
    "Kongensgade",
    "Byparken",
    "Havnen",
    "Esbjerg Strand",
    "Jernbanegade",
    "Skolegade",
    "Rådhuspladsen",
    "Fiskerihavnen",
    "Bybusterminalen",
    "Hovedbiblioteket",
    "Kvaglund Centret",
    "Broen",
    "Stengårdsvej",
    "Nørrebrogade",
    "Exnersgade",
    "Sædding Strand",
    "Gjesing",
    "Vestre Kirkegård",
    "Varmestuen",
    "Natcaféen",
    "Herberget",
    "Skibbroen",
    "Dokken",
)
TOPICS = (
    "bolig",
    "økonomi",
    "misbrug",
    "helbred",
    "psykiatri",
    "netværk",
    "job",
    "uddannelse",
    "kriminalitet",
    "ydelse",
    "mad",
    "tøj",
    "sovested",
    "familie",
    "udsættelse",
)
NOTE_PHRASES = (
    "Sov på bænk ved {place} i nat.",
    "Fortæller at det går op og ned.",
    "Har brug for hjælp til at søge kontanthjælp.",
    "Vil gerne i behandling, men ikke lige nu.",
    "Aftalt at vi ses i næste uge ved {place}.",
    "Bor hos en ven i Gjesing, men skal ud på fredag.",
    "Har mistet sit NemID/MitID og kan ikke komme på borger.dk.",
    "Virker træt og har ondt i foden. Henvist til sygeplejersken i varmestuen.",
    "Fik kaffe og en snak. Ingen akutte behov.",
    "Spørger til skæve boliger, vil helst bo centralt.",
    "Har fået brev fra fogedretten om udsættelse.",
    "Løsladt for nylig, har ingen adresse.",
    "Kommer fra herberget, har været der i fire måneder.",
    "Sofasurfer hos sin søster, men det holder ikke længe.",
    "Fortæller om konflikt med udlejer om husleje.",
)
NEXT_STEPS = (
    "Ring til jobcentret sammen",
    "Følg med til lægen",
    "Søg skæv bolig",
    "Tjek ydelse",
    "Møde med kontaktperson",
    "Kontakt Kriminalforsorgen",
    "Ansøg om boligstøtte",
)
PARTNERS = (
    ("Jobcenter Esbjerg", PartnerKind.MUNICIPAL),
    ("Boligselskabet Ungdomsbo", PartnerKind.HOUSING_ASSOCIATION),
    ("Kirkens Korshær", PartnerKind.VOLUNTEER),
    ("Psykiatrien i Region Syddanmark", PartnerKind.PSYCHIATRY),
    ("Sydvestjyllands Politi", PartnerKind.POLICE),
    ("Kriminalforsorgen Sydvestjylland", PartnerKind.PRISON_SERVICE),
    ("Rusmiddelcenter Esbjerg", PartnerKind.TREATMENT),
    ("Sydvestjysk Sygehus", PartnerKind.HOSPITAL),
)

#: Rough shares among the people outreach meets (the national count's shares, plus housed
#: and unknown).
CATEGORY_WEIGHTS: tuple[tuple[HousingCategory, int], ...] = (
    (HousingCategory.STREET, 9),
    (HousingCategory.NIGHT_SHELTER, 4),
    (HousingCategory.SHELTER, 22),
    (HousingCategory.HOTEL, 1),
    (HousingCategory.SOFA, 22),
    (HousingCategory.TRANSITIONAL, 4),
    (HousingCategory.PRISON_RELEASE, 3),
    (HousingCategory.HOSPITAL_DISCHARGE, 2),
    (HousingCategory.OTHER_HOMELESS, 3),
    (HousingCategory.HOUSED, 22),
    (HousingCategory.UNKNOWN, 8),
)
_CATEGORIES = [c for c, _ in CATEGORY_WEIGHTS]
_WEIGHTS = [w for _, w in CATEGORY_WEIGHTS]


class SeedSpec(msgspec.Struct, frozen=True):
    persons: int
    encounters: int
    seed: int
    team_id: str
    worker_id: str
    today: date


def seeded_id(rng: random.Random, millis: int) -> str:
    """A UUIDv7 (RFC 9562 layout) from a seeded generator, so seeded data is reproducible.
    Program-made ids come from ``new_id``; this is for generated data only."""
    value = (millis & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= rng.getrandbits(12) << 64
    value |= 0b10 << 62
    value |= rng.getrandbits(62)
    return str(uuid.UUID(int=value))


def _cpr_for(rng: random.Random, born: date) -> str:
    seventh = rng.randint(0, 3) if born.year < 2000 else 4
    return f"{born:%d%m%y}-{seventh}{rng.randint(0, 999):03d}"


class _Gen:
    def __init__(self, spec: SeedSpec) -> None:
        self.spec = spec
        self.rng = random.Random(spec.seed)
        start = datetime.combine(spec.today - timedelta(days=730), time(8), tzinfo=UTC)
        self._millis = int(start.timestamp() * 1000)

    def id(self) -> str:
        self._millis += 1
        return seeded_id(self.rng, self._millis)

    def day_within(self, days_back: int, days_ahead: int = 0) -> date:
        return self.spec.today + timedelta(days=self.rng.randint(-days_back, days_ahead))

    def records(self) -> Iterator[TeamRecord]:
        rng, spec = self.rng, self.spec
        team = spec.team_id
        partner_ids: list[str] = []
        for name, kind in PARTNERS:
            partner = Partner(id=self.id(), team_id=team, name=name, kind=kind)
            partner_ids.append(partner.id)
            yield partner
        person_ids: list[str] = []
        person_places: dict[str, str] = {}
        for _ in range(spec.persons):
            person, extras = self._person(partner_ids)
            person_ids.append(person.id)
            person_places[person.id] = person.places[0] if person.places else rng.choice(PLACES)
            yield person
            yield from extras
        for _ in range(spec.encounters):
            yield from self._encounter(person_ids, person_places)

    def _person(self, partner_ids: list[str]) -> tuple[Person, list[TeamRecord]]:
        rng, team, today = self.rng, self.spec.team_id, self.spec.today
        age = int(min(75, max(16, rng.gauss(32, 12))))
        born = today - timedelta(days=age * 365 + rng.randint(0, 364))
        known_name = rng.random() < 0.65
        first = rng.choice(FIRST_NAMES)
        name = f"{first} {rng.choice(SURNAMES)}" if known_name else None
        alias = rng.choice(NICKNAMES) if rng.random() < 0.5 or not known_name else first
        has_cpr = known_name and rng.random() < 0.6
        phones: tuple[Phone, ...] = ()
        if rng.random() < 0.6:
            phones = tuple(
                Phone(
                    number=f"+45 {rng.randint(20, 99)} {rng.randint(10, 99)} "
                    f"{rng.randint(10, 99)} {rng.randint(10, 99)}",
                    last_worked_on=self.day_within(200) if rng.random() < 0.7 else None,
                )
                for _ in range(rng.choice((1, 1, 1, 2)))
            )
        young = age < 30
        person = Person(
            id=self.id(),
            team_id=team,
            alias=alias,
            name=name,
            cpr=_cpr_for(rng, born) if has_cpr else None,
            birth_date=born if has_cpr else None,
            birth_year=born.year if known_name and not has_cpr else None,
            approx_age=None if known_name else age,
            phones=phones,
            places=tuple(rng.sample(PLACES, rng.choice((1, 1, 2)))),
            formerly_in_care=young and rng.random() < 0.4,
            functionally_homeless=rng.random() < 0.05,
            first_met_on=self.day_within(700),
        )
        extras: list[TeamRecord] = []
        extras.extend(self._housing_history(person))
        if person.formerly_in_care and age <= 19:
            extras.append(
                Transition(
                    id=self.id(),
                    team_id=team,
                    person_id=person.id,
                    kind=TransitionKind.AFTERCARE_ENDING,
                    on=self.day_within(0, 150),
                )
            )
        if rng.random() < 0.12:
            kind = rng.choice(list(TransitionKind))
            extras.append(
                Transition(
                    id=self.id(),
                    team_id=team,
                    person_id=person.id,
                    kind=kind,
                    on=self.day_within(30, 90),
                    housing_plan="Skæv bolig i Tarp er søgt" if rng.random() < 0.4 else None,
                )
            )
        if rng.random() < 0.05:
            extras.append(
                EvictionCase(
                    id=self.id(),
                    team_id=team,
                    person_id=person.id,
                    landlord=rng.choice(("Boligselskabet Ungdomsbo", "Privat udlejer", "Andelsbo")),
                    court_date=self.day_within(10, 40),
                    bailiff_date=self.day_within(0, 60) if rng.random() < 0.5 else None,
                    arrears_dkk=rng.randrange(2_000, 60_000, 500),
                    actions=("økonomisk rådgivning",) if rng.random() < 0.5 else (),
                    status=EvictionStatus.OPEN,
                )
            )
        if rng.random() < 0.08:
            status = rng.choice(list(OfferStatus))
            move_in = self.day_within(200, 30)
            extras.append(
                HousingOffer(
                    id=self.id(),
                    team_id=team,
                    person_id=person.id,
                    kind=rng.choice(list(OfferKind)),
                    status=status,
                    area=rng.choice(("Centrum", "Kvaglund", "Gjesing", "Sædding", "Tarp")),
                    monthly_rent_dkk=rng.randrange(2_500, 7_500, 100),
                    central=rng.random() < 0.5,
                    move_in_on=move_in if status is OfferStatus.MOVED_IN else None,
                )
            )
        if rng.random() < 0.2:
            extras.append(
                SupportGoal(
                    id=self.id(),
                    team_id=team,
                    person_id=person.id,
                    area=rng.choice(list(SupportArea)),
                    own_words=rng.choice(
                        (
                            "Jeg vil have mit eget sted at bo.",
                            "Jeg vil gerne tage 9. klasse færdig.",
                            "Have styr på pengene, så jeg ikke løber tør.",
                            "Se min datter igen.",
                            "Komme ud af hashen.",
                        )
                    ),
                )
            )
        if rng.random() < 0.1:
            partner_id = rng.choice(partner_ids)
            consent = Consent(
                id=self.id(),
                team_id=team,
                person_id=person.id,
                partner_id=partner_id,
                given_on=self.day_within(300),
            )
            consent = replace(consent, expires_on=consent.given_on + timedelta(days=365))
            extras.append(consent)
            extras.append(
                Referral(
                    id=self.id(),
                    team_id=team,
                    person_id=person.id,
                    partner_id=partner_id,
                    referred_on=consent.given_on,
                    purpose="Afklaring af bolig og økonomi",
                    legal_basis=LegalBasis.CONSENT,
                    consent_id=consent.id,
                    outcome=rng.choice(list(ReferralOutcome)),
                )
            )
        return person, extras

    def _housing_history(self, person: Person) -> Iterator[HousingStatus]:
        rng = self.rng
        entries = rng.choice((1, 1, 2, 3))
        days = sorted(rng.sample(range(1, 700), entries), reverse=True)
        for days_back in days:
            category = rng.choices(_CATEGORIES, _WEIGHTS)[0]
            valid_from = self.spec.today - timedelta(days=days_back)
            expected = None
            if category in DATED_CATEGORIES:
                expected = valid_from + timedelta(days=rng.randint(1, 30))
            yield HousingStatus(
                id=self.id(),
                team_id=self.spec.team_id,
                person_id=person.id,
                category=category,
                valid_from=valid_from,
                expected_date=expected,
                place=rng.choice(PLACES) if category is HousingCategory.STREET else None,
                ready_to_move=category is HousingCategory.SHELTER and rng.random() < 0.4,
                recorded_by=self.spec.worker_id,
            )

    def _encounter(
        self, person_ids: list[str], person_places: dict[str, str]
    ) -> Iterator[TeamRecord]:
        rng, team = self.rng, self.spec.team_id
        anonymous = not person_ids or rng.random() < 0.1
        person_id = None if anonymous else rng.choice(person_ids)
        place = person_places[person_id] if person_id and rng.random() < 0.6 else rng.choice(PLACES)
        day = self.day_within(720)
        occurred = datetime.combine(
            day, time(rng.randint(0, 23), rng.choice((0, 15, 30, 45))), tzinfo=UTC
        )
        follow_up = day + timedelta(days=rng.randint(1, 21)) if rng.random() < 0.1 else None
        channel = rng.choices(list(Channel), (50, 15, 10, 10, 8, 4, 3))[0]
        encounter = Encounter(
            id=self.id(),
            team_id=team,
            person_id=person_id,
            occurred_at=occurred,
            channel=channel,
            place=place,
            approx_age=rng.randint(16, 60) if anonymous else None,
            description="Ung fyr i grøn jakke" if anonymous and rng.random() < 0.5 else None,
            situation=rng.choices(_CATEGORIES, _WEIGHTS)[0] if anonymous else None,
            topics=tuple(rng.sample(TOPICS, rng.randint(0, 3))),
            note=rng.choice(NOTE_PHRASES).format(place=place) if rng.random() < 0.8 else None,
            source=Source.OBSERVED if rng.random() < 0.7 else Source.REPORTED,
            next_step=rng.choice(NEXT_STEPS) if follow_up else None,
            follow_up_on=follow_up,
            worker_id=self.spec.worker_id,
        )
        yield encounter
        if follow_up is not None:
            yield FollowUp(
                id=self.id(),
                team_id=team,
                person_id=person_id,
                due_on=follow_up,
                what=encounter.next_step or "Opfølgning",
                assigned_worker_id=self.spec.worker_id,
                done_on=follow_up if follow_up < self.spec.today and rng.random() < 0.7 else None,
                encounter_id=encounter.id,
            )


def generate(spec: SeedSpec) -> Iterator[TeamRecord]:
    """All records, in an order that keeps references valid (partners, persons, encounters)."""
    return _Gen(spec).records()


def seed(
    spec: SeedSpec,
    write_batch: Callable[[list[TeamRecord]], int],
    *,
    batch_size: int = 2000,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write generated records in batches (one transaction each); report progress."""
    total = 0
    batch: list[TeamRecord] = []
    for record in generate(spec):
        batch.append(record)
        if len(batch) >= batch_size:
            total += write_batch(batch)
            batch = []
            if progress:
                progress(total)
    if batch:
        total += write_batch(batch)
        if progress:
            progress(total)
    return total
