"""The person screen: every part shown and editable, with validation explained in Danish."""

from __future__ import annotations

from datetime import date

import pytest
from msgspec.structs import replace
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QListWidget, QPlainTextEdit
from pytestqt.qtbot import QtBot

from gadeplan.app.domain.housing import HousingCategory
from gadeplan.app.domain.records import (
    AuditAction,
    AuditEvent,
    Consent,
    Encounter,
    EvictionCase,
    FollowUp,
    HousingOffer,
    HousingStatus,
    LegalBasis,
    OfferStatus,
    Person,
    Referral,
    SupportArea,
    SupportGoal,
    Transition,
    TransitionKind,
)
from gadeplan.app.services.session import Session
from gadeplan.ui.env import Env
from gadeplan.ui.forms import RecordDialog
from gadeplan.ui.main_window import MainWindow
from gadeplan.ui.person import PersonDialog, PersonScreen
from gadeplan.ui.tasks import SyncRunner
from gadeplan.ui.widgets import ChoiceBox
from tests.ui.helpers import TODAY, SeedIds


@pytest.fixture
def screen(unlocked: MainWindow, profile: SeedIds) -> PersonScreen:
    assert unlocked.workspace is not None
    unlocked.workspace.open_person(profile.bamse)
    person = unlocked.workspace.person
    assert person.page is not None
    return person


@pytest.fixture
def session(env: Env) -> Session:
    assert isinstance(env.runner, SyncRunner)
    return env.runner.context.require()


def _set(dialog: RecordDialog, name: str, text: str) -> None:
    widget = dialog.widget(name)
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    else:
        assert isinstance(widget, QLineEdit)
        widget.setText(text)


def _save(dialog: RecordDialog | None, **fields: str) -> RecordDialog:
    assert dialog is not None
    for name, text in fields.items():
        _set(dialog, name, text)
    dialog.save()
    return dialog


def _texts(section_list: QListWidget) -> list[str]:
    items = (section_list.item(r) for r in range(section_list.count()))
    return [item.text() for item in items if item is not None]


def test_the_header_shows_the_person_with_the_cpr_masked(screen: PersonScreen) -> None:
    v = screen.values
    assert screen.title.text() == "Bamse"
    assert v["name"].text() == "Søren Jensen"
    assert v["age"].text() == "36 år"
    assert v["cpr"].text() == "120590-••••"
    assert v["contact"].text() == "Lokal bruger"
    assert v["phones"].text() == "+45 20 30 40 50"
    assert screen.current_housing.text().startswith("Nu: Sofasover (midlertidigt")
    # The timeline is newest first.
    assert [t.split(" · ")[0] for t in _texts(screen.encounters.list)] == [
        "20-11-2026 22:15",
        "10-11-2026 21:00",
    ]


def test_revealing_the_cpr_is_logged_and_masks_again(
    qtbot: QtBot, screen: PersonScreen, session: Session, profile: SeedIds
) -> None:
    screen.reveal_button.click()
    assert screen.values["cpr"].text() == "120590-1234"
    reveals = [e for e in session.repo.all(AuditEvent) if e.action is AuditAction.REVEAL]
    assert [(e.person_id, e.fields) for e in reveals] == [(profile.bamse, ("cpr",))]
    screen.reveal_button.click()  # Hide
    assert screen.values["cpr"].text() == "120590-••••"
    screen.copy_cpr_button.click()
    assert QGuiApplication.clipboard().text() == "120590-1234"
    assert screen.clipboard.pending  # and it goes away again


def test_editing_the_header_with_danish_messages(
    screen: PersonScreen, session: Session, profile: SeedIds
) -> None:
    dialog = screen.edit_person()
    assert dialog is not None
    cpr = dialog.widget("cpr")
    assert isinstance(cpr, QLineEdit)
    assert cpr.text() == ""  # never shown unmasked in the editor
    assert cpr.placeholderText() == "Uændret (120590-••••)"
    _save(dialog, cpr="1234", birth_year="18")
    assert dialog.isVisible()
    assert dialog.form.visible_errors() == {
        "cpr": "Et CPR-nummer har ti cifre: DDMMÅÅ-XXXX.",
        "birth_year": "Fødselsåret skal være mellem 1900 og 2100.",
    }
    _save(dialog, alias="  ", cpr="", birth_year="")
    assert dialog.form.visible_errors() == {
        "alias": "Skriv mindst et kaldenavn; et navn er ikke nødvendigt."
    }
    _save(
        dialog, alias="Bamsen", places="Torvet\nBanegården", phones="+45 20 30 40 50\n60 70 80 90"
    )
    assert not dialog.isVisible()
    stored = session.get(Person, profile.bamse)
    assert stored is not None
    assert stored.alias == "Bamsen"
    assert stored.cpr == "120590-1234"  # left empty: kept
    assert stored.places == ("Torvet", "Banegården")
    assert [p.number for p in stored.phones] == ["+45 20 30 40 50", "60 70 80 90"]
    assert screen.title.text() == "Bamsen"  # the screen refreshed from the change


def test_the_cpr_can_be_replaced_and_removed(
    screen: PersonScreen, session: Session, profile: SeedIds
) -> None:
    _save(screen.edit_person(), cpr="0101011234")
    stored = session.get(Person, profile.bamse)
    assert stored is not None
    assert stored.cpr == "010101-1234"
    dialog = screen.edit_person()
    assert isinstance(dialog, PersonDialog)
    dialog.remove_cpr.setChecked(True)
    dialog.save()
    stored = session.get(Person, profile.bamse)
    assert stored is not None
    assert stored.cpr is None


def test_a_new_housing_situation(screen: PersonScreen, session: Session, profile: SeedIds) -> None:
    dialog = screen.add_housing()
    assert dialog is not None
    combo = dialog.widget("category")
    assert isinstance(combo, ChoiceBox)
    combo.set_value(HousingCategory.PRISON_RELEASE)
    _save(dialog)
    assert dialog.form.visible_errors() == {
        "expected_date": "Skriv den forventede dato for løsladelse eller udskrivning."
    }
    _save(dialog, expected_date="+20", place="Vestre Fængsel")
    assert not dialog.isVisible()
    latest = session.repo.for_person(HousingStatus, profile.bamse)[-1]
    assert latest.category is HousingCategory.PRISON_RELEASE
    assert latest.expected_date == date(2026, 12, 15)
    assert screen.current_housing.text().startswith("Nu: Løsladelse inden for 1 måned")


def test_correcting_an_own_encounter(
    screen: PersonScreen, session: Session, profile: SeedIds
) -> None:
    record, editable = screen.encounters.current() or (None, False)
    assert isinstance(record, Encounter)
    assert editable
    dialog = screen.edit_encounter(record)
    _save(dialog, note="Sover hos sin søster til fredag.", follow_up_on="1-1-2020")
    assert dialog.form.visible_errors() == {
        "follow_up_on": "Opfølgningsdatoen ligger før kontakten."
    }
    _save(dialog, follow_up_on="")
    corrected = session.get(Encounter, record.id)
    assert corrected is not None
    assert corrected.note == "Sover hos sin søster til fredag."
    assert _texts(screen.encounters.list)[0].splitlines()[1] == "Sover hos sin søster til fredag."


def test_transitions(screen: PersonScreen, session: Session, profile: SeedIds) -> None:
    dialog = screen.add_transition()
    assert dialog is not None
    _save(dialog, on="")
    assert dialog.form.visible_errors() == {"on": "Skal udfyldes."}
    _save(dialog, on="15-12-2026")
    transitions = session.repo.for_person(Transition, profile.bamse)
    assert [(t.kind, t.on, t.housing_plan) for t in transitions] == [
        (TransitionKind.LEAVING_CARE, date(2026, 12, 15), None)
    ]
    assert "Ingen boligplan endnu" in _texts(screen.transitions.list)[0]
    _save(screen.edit_transition(transitions[0]), housing_plan="Værelse hos Ungdomsbo")
    updated = session.get(Transition, transitions[0].id)
    assert updated is not None
    assert updated.housing_plan == "Værelse hos Ungdomsbo"


def test_eviction_case(screen: PersonScreen, session: Session, profile: SeedIds) -> None:
    dialog = screen.add_eviction()
    _save(dialog, arrears_dkk="tolv tusind")
    assert dialog is not None
    assert dialog.form.visible_errors() == {"arrears_dkk": "Skriv et helt tal."}
    _save(dialog, arrears_dkk="-5")
    assert dialog.form.visible_errors() == {"arrears_dkk": "Restancen kan ikke være negativ."}
    _save(dialog, arrears_dkk="12.500", court_date="05-12-2026", landlord="Privat udlejer")
    cases = session.repo.for_person(EvictionCase, profile.bamse)
    assert [(c.arrears_dkk, c.court_date) for c in cases] == [(12_500, date(2026, 12, 5))]
    assert "restance 12.500 kr." in _texts(screen.evictions.list)[0]


def test_housing_offer(screen: PersonScreen, session: Session, profile: SeedIds) -> None:
    dialog = screen.add_offer()
    assert dialog is not None
    status = dialog.widget("status")
    assert isinstance(status, ChoiceBox)
    status.set_value(OfferStatus.MOVED_IN)
    _save(dialog, monthly_rent_dkk="-1")
    assert dialog.form.visible_errors() == {
        "monthly_rent_dkk": "Huslejen kan ikke være negativ.",
        "move_in_on": "Skriv indflytningsdatoen, når personen er flyttet ind.",
    }
    _save(dialog, monthly_rent_dkk="4500", move_in_on="01-12-2026", lease_ends_on="01-11-2026")
    assert dialog.form.visible_errors() == {
        "lease_ends_on": "Lejemålet slutter før indflytningsdatoen."
    }
    _save(dialog, lease_ends_on="", area="Kvaglund")
    offers = session.repo.for_person(HousingOffer, profile.bamse)
    assert [(o.status, o.monthly_rent_dkk, o.area) for o in offers] == [
        (OfferStatus.MOVED_IN, 4500, "Kvaglund")
    ]


def test_support_plan_in_own_words(
    screen: PersonScreen, session: Session, profile: SeedIds
) -> None:
    dialog = screen.add_goal()
    _save(dialog)
    assert dialog is not None
    assert dialog.form.visible_errors() == {"own_words": "Skal udfyldes."}
    _save(dialog, own_words="Jeg vil have mit eget sted at bo.")
    goals = session.repo.for_person(SupportGoal, profile.bamse)
    assert [(g.area, g.own_words) for g in goals] == [
        (SupportArea.FINANCES_JOB_EDUCATION, "Jeg vil have mit eget sted at bo.")
    ]
    assert _texts(screen.goals.list)[0].startswith(
        "Økonomi, job og uddannelse: “Jeg vil have mit eget sted at bo.”"
    )


def test_consent_and_referral(screen: PersonScreen, session: Session, profile: SeedIds) -> None:
    referral = screen.add_referral()
    _save(referral, purpose="Afklaring af ydelse")
    assert referral is not None
    assert referral.form.visible_errors() == {
        "consent_id": "En henvisning kræver personens samtykke, medmindre det er et af "
        "samarbejderne i retsplejelovens § 115."
    }
    referral.reject()

    consent = screen.add_consent()
    _save(consent, expires_on="01-01-2026")
    assert consent is not None
    assert consent.form.visible_errors() == {"expires_on": "Samtykket udløber, før det er givet."}
    _save(consent, expires_on="25-11-2027", scope="Bolig og økonomi")
    consents = session.repo.for_person(Consent, profile.bamse)
    assert [c.partner_id for c in consents] == [profile.partner]

    referral = screen.add_referral()
    assert referral is not None
    choice = referral.widget("consent_id")
    assert isinstance(choice, ChoiceBox)
    choice.set_value(consents[0].id)
    _save(referral, purpose="Afklaring af ydelse")
    referrals = session.repo.for_person(Referral, profile.bamse)
    assert [(r.consent_id, r.legal_basis) for r in referrals] == [
        (consents[0].id, LegalBasis.CONSENT)
    ]
    assert "Jobcenter Esbjerg" in _texts(screen.referrals.list)[0]


def test_follow_ups(screen: PersonScreen, session: Session, profile: SeedIds) -> None:
    dialog = screen.add_follow_up()
    _save(dialog, due_on="31-02-2026", what="Ring")
    assert dialog is not None
    assert dialog.form.visible_errors() == {"due_on": "Skriv datoen som DD-MM-ÅÅÅÅ, fx 24-12-2026."}
    _save(dialog, due_on="+3")
    follow_ups = [f for f in session.repo.for_person(FollowUp, profile.bamse) if f.what == "Ring"]
    assert [f.due_on for f in follow_ups] == [date(2026, 11, 28)]
    # Done: edited, then deleted (twice to confirm).
    edit = screen.edit_follow_up(follow_ups[0])
    _save(edit, done_on=f"{TODAY:%d-%m-%Y}")
    done = session.get(FollowUp, follow_ups[0].id)
    assert done is not None
    assert done.done_on == TODAY
    delete = screen.edit_follow_up(done)
    delete.delete()
    assert delete.isVisible()
    assert delete.message.text == "Slette dette? Det kan ikke fortrydes her."
    delete.delete()
    assert not delete.isVisible()
    assert session.get(FollowUp, done.id) is None


def test_someone_elses_housing_entry_cannot_be_corrected(
    screen: PersonScreen, session: Session, profile: SeedIds
) -> None:
    entry = session.repo.for_person(HousingStatus, profile.bamse)[0]
    with session.store.write() as conn:
        session.repo.save(conn, replace(entry, recorded_by="another-worker"))
    screen.load(profile.bamse)
    record, editable = screen.housing.current() or (None, True)
    assert record is not None
    assert not editable
    assert not screen.housing.edit_button.isEnabled()
