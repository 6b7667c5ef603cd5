"""The Qt-free queries behind the window's lists: people, today, street rounds, quick log."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from gadeplan.app.domain.housing import HousingCategory
from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import (
    AuditAction,
    AuditEvent,
    Channel,
    Encounter,
    FollowUp,
    HousingStatus,
    Person,
    TransitionKind,
)
from gadeplan.app.services import today as today_service
from gadeplan.app.services.people import HOMELESS, PeopleFilter, PeopleService
from gadeplan.app.services.person_page import load_person
from gadeplan.app.services.quicklog import QuickLogService
from gadeplan.app.services.rounds import StreetRoundService
from gadeplan.app.services.session import Session
from gadeplan.app.services.today import TodayService
from tests.app.sample import TODAY, seed_small
from tests.support import FixedClock


def _aliases(session: Session, wanted: PeopleFilter) -> list[str]:
    return sorted(r.alias for r in PeopleService(session).query(wanted).rows)


def test_people_directory_has_age_situation_and_last_seen(session: Session) -> None:
    ids = seed_small(session)
    rows = PeopleService(session).directory()
    bamse = rows[ids.bamse]
    assert bamse.age == 36
    assert bamse.situation is HousingCategory.SOFA
    assert bamse.last_seen == date(2026, 11, 20)
    assert bamse.contact_name == "Lokal bruger"
    assert rows[ids.kasket].last_seen is None
    assert rows[ids.raeven].age == 45


def test_people_filters(session: Session) -> None:
    ids = seed_small(session)
    assert _aliases(session, PeopleFilter(young=True)) == ["Lillebror"]
    assert _aliases(session, PeopleFilter(situation=HousingCategory.SOFA)) == ["Bamse"]
    assert _aliases(session, PeopleFilter(situation=HOMELESS)) == ["Bamse", "Lillebror", "Ræven"]
    assert _aliases(session, PeopleFilter(contact_worker_id=ids.worker)) == ["Bamse"]
    # Not seen for 30 days: Ræven (June) and the never-met.
    assert _aliases(session, PeopleFilter(not_seen_days=30)) == ["Kasket", "Ræven", "Åse"]
    assert _aliases(session, PeopleFilter(text="soren")) == ["Bamse"]
    assert _aliases(session, PeopleFilter(text="raev", situation=HOMELESS)) == ["Ræven"]


def test_people_search_is_audited_without_its_text(session: Session) -> None:
    seed_small(session)
    PeopleService(session).query(PeopleFilter(text="Søren"))
    searches = [e for e in session.repo.all(AuditEvent) if e.action is AuditAction.SEARCH]
    assert searches[-1].detail == "1"
    assert "Søren" not in repr(searches[-1])


def test_people_directory_follows_changes(session: Session) -> None:
    ids = seed_small(session)
    service = PeopleService(session)
    assert service.directory()[ids.kasket].situation is None
    session.save(
        HousingStatus(
            id=new_id(),
            team_id=session.identity.team_id,
            person_id=ids.kasket,
            category=HousingCategory.STREET,
            valid_from=TODAY,
            recorded_by=session.identity.worker_id,
        )
    )
    assert service.directory()[ids.kasket].situation is HousingCategory.STREET
    session.erase_person(ids.kasket)
    assert ids.kasket not in service.directory()


def test_a_person_row_is_the_same_from_the_index_and_from_the_record(session: Session) -> None:
    """The whole list reads the index person_facts, one changed person their record: both
    give the same row, every shown field included."""
    ids = seed_small(session)
    service = PeopleService(session)
    service.directory()
    person = Person(
        id=new_id(),
        team_id=session.identity.team_id,
        alias="Måge",
        name="Søren Ørum",
        birth_year=1990,
        contact_worker_id=ids.worker,
        places=("Banegården", "Kirkepladsen"),
    )
    session.save(person)
    service.note_changes(frozenset({person.id}), frozenset({"person"}))
    updated = service.directory()[person.id]  # one row, from the record
    rebuilt = PeopleService(session).directory()[person.id]  # the whole list, from the index
    assert updated == rebuilt
    assert (rebuilt.name, rebuilt.age, rebuilt.contact_name, rebuilt.places) == (
        "Søren Ørum",
        TODAY.year - 1990,
        "Lokal bruger",
        ("Banegården", "Kirkepladsen"),
    )
    approx = Person(id=new_id(), team_id=session.identity.team_id, alias="Ukendt", approx_age=22)
    session.save(approx)
    [row] = [r for r in PeopleService(session).directory().values() if r.alias == "Ukendt"]
    assert (row.age, row.name, row.places, row.contact_name) == (22, None, (), None)


def test_today_lists(session: Session, clock: FixedClock) -> None:
    ids = seed_small(session)
    view = TodayService(session).view()
    assert [(i.alias, i.overdue) for i in view.follow_ups] == [
        ("Lillebror", True),
        ("Bamse", False),
    ]
    # Lillebror's aftercare ends without a plan; Åse's release has one, so it is not listed.
    assert [(i.alias, i.transition) for i in view.transitions] == [
        ("Lillebror", TransitionKind.AFTERCARE_ENDING)
    ]
    assert [(i.alias, i.eviction_date, i.arrears_dkk) for i in view.evictions] == [
        ("Ræven", "court_date", 12_000)
    ]
    assert view.unsent > 0
    assert view.oldest_unsent is not None
    # Done today: gone from the list.
    service = TodayService(session)
    assert service.complete_follow_up(view.follow_ups[1].record_id) is not None
    done = session.get(FollowUp, view.follow_ups[1].record_id)
    assert done is not None
    assert done.done_on == TODAY
    assert [i.person_id for i in service.view().follow_ups] == [ids.lillebror]
    # A month on, the transition has passed and the eviction date too.
    clock.advance(days=31)
    later = service.view()
    assert later.transitions == ()
    assert later.evictions == ()


def test_today_leaves_out_other_workers_follow_ups(session: Session) -> None:
    seed_small(session)
    session.save(
        FollowUp(
            id=new_id(),
            team_id=session.identity.team_id,
            due_on=TODAY,
            what="Ikke min",
            assigned_worker_id="another-worker",
        )
    )
    assert "Ikke min" not in [i.text for i in TodayService(session).view().follow_ups]


def test_today_shows_the_latest_follow_ups_and_counts_the_rest(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Years of follow-ups left open: the most recently due are shown (every one due today
    among them) and the rest counted, the worker's own and unassigned ones only."""
    team, me = session.identity.team_id, session.identity.worker_id

    def follow_up(days_ago: int, what: str, worker: str | None, done: date | None = None) -> None:
        due = TODAY - timedelta(days=days_ago)
        session.save(
            FollowUp(
                id=new_id(),
                team_id=team,
                due_on=due,
                what=what,
                assigned_worker_id=worker,
                done_on=done,
            )
        )

    follow_up(0, "today, unassigned", None)
    follow_up(0, "today, mine", me)
    for days in (9, 1, 5, 2):
        follow_up(days, f"{days} days ago", me)
    follow_up(1, "another worker's", "another-worker")
    follow_up(1, "done", me, done=TODAY)

    monkeypatch.setattr(today_service, "FOLLOW_UP_LIMIT", 4)
    view = TodayService(session).view()
    assert [(i.text, i.overdue) for i in view.follow_ups] == [
        ("1 days ago", True),
        ("2 days ago", True),
        ("today, unassigned", False),
        ("today, mine", False),
    ]
    assert view.follow_ups_total == 6
    # Fewer places than follow-ups due today: today's are all shown.
    monkeypatch.setattr(today_service, "FOLLOW_UP_LIMIT", 1)
    view = TodayService(session).view()
    assert [i.text for i in view.follow_ups] == ["today, unassigned", "today, mine"]
    assert view.follow_ups_total == 6


def test_street_round_tallies_and_turning_one_into_a_person(session: Session) -> None:
    ids = seed_small(session)
    rounds = StreetRoundService(session)
    started = session.clock.now()
    rounds.add("Torvet", 21, HousingCategory.STREET, "rød hue")
    rounds.add("Torvet", 40, HousingCategory.SOFA)
    tallies = rounds.tallies(started)
    assert [t.approx_age for t in tallies] == [40, 21]  # newest first
    red_hat = tallies[1]
    new = Person(id=new_id(), team_id=session.identity.team_id, alias="Rødhætte", approx_age=21)
    outcome = rounds.to_person(red_hat.encounter_id, new)
    created = outcome.created
    assert created.person is not None
    assert {c.entity for c in outcome.changes} == {"person", "encounter", "housing_status"}
    assert [t.approx_age for t in rounds.tallies(started)] == [40]
    page = load_person(session, created.person.id)
    assert page is not None
    assert [e.id for e in page.file.encounters] == [red_hat.encounter_id]
    assert [h.category for h in page.file.housing] == [HousingCategory.STREET]
    # A tally can also turn out to be someone known: the duplicate check offers them.
    again = Person(id=new_id(), team_id=session.identity.team_id, alias="Bamse")
    offered = rounds.to_person(rounds.tallies(started)[0].encounter_id, again).created
    assert offered.person is None
    assert [d.person.id for d in offered.duplicates] == [ids.bamse]
    rounds.link(rounds.tallies(started)[0].encounter_id, ids.bamse)
    assert rounds.tallies(started) == []


def test_quick_log_prefills_the_last_known(session: Session) -> None:
    ids = seed_small(session)
    service = QuickLogService(session)
    assert [h.alias for h in service.find("bam")] == ["Bamse"]
    prefill = service.prefill(ids.bamse)
    assert prefill.situation is HousingCategory.SOFA
    assert prefill.place == "Torvet"
    assert service.prefill(ids.kasket).place is None
    assert service.recent_places()[:2] == ["Torvet", "Byparken"]


def test_quick_log_new_person_waits_for_the_duplicate_choice(session: Session) -> None:
    seed_small(session)
    service = QuickLogService(session)
    team = session.identity.team_id
    person = Person(id=new_id(), team_id=team, alias="Soeren", name="Soren Jensen")
    encounter = Encounter(
        id=new_id(),
        team_id=team,
        occurred_at=datetime(2026, 11, 25, 10, tzinfo=UTC),
        channel=Channel.STREET,
        note="Ny",
    )
    first = service.log_new_person(person, encounter)
    assert first.person is None
    assert first.duplicates is not None
    assert [d.person.alias for d in first.duplicates.duplicates] == ["Bamse"]
    confirmed = service.log_new_person(person, encounter, confirmed_new=True)
    assert confirmed.person is not None
    page = load_person(session, confirmed.person.id)
    assert page is not None
    assert [e.note for e in page.file.encounters] == ["Ny"]
    assert page.file.encounters[0].id == encounter.id


def test_people_directory_updates_only_the_persons_written(session: Session) -> None:
    ids = seed_small(session)
    service = PeopleService(session)
    before = service.directory()
    untouched = before[ids.raeven]
    change = session.save(
        HousingStatus(
            id=new_id(),
            team_id=session.identity.team_id,
            person_id=ids.kasket,
            category=HousingCategory.SOFA,
            valid_from=TODAY,
            recorded_by=session.identity.worker_id,
        )
    )
    assert change is not None
    service.note_changes(frozenset({ids.kasket}), frozenset({"housing_status"}))
    after = service.directory()
    assert after[ids.kasket].situation is HousingCategory.SOFA
    assert after[ids.raeven] is untouched  # not rebuilt
    session.erase_person(ids.kasket)
    service.note_changes(frozenset({ids.kasket}), frozenset({"person"}))
    assert ids.kasket not in service.directory()
