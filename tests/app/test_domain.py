from __future__ import annotations

from datetime import UTC, date, datetime

import msgspec
import pytest

from gadeplan.app.domain import cpr
from gadeplan.app.domain.folding import fold, tokens
from gadeplan.app.domain.hlc import HybridLogicalClock, Timestamp
from gadeplan.app.domain.housing import HousingCategory, counts_as_homeless
from gadeplan.app.domain.records import (
    Channel,
    Consent,
    Encounter,
    HousingStatus,
    Person,
    Phone,
    Referral,
    ValidationError,
)


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("soren", "Søren"),
        ("søren", "Søren"),
        ("soeren", "Søren"),
        ("SØREN", "Søren"),
        ("aase", "Åse"),
        ("ase", "Åse"),
        ("åse", "Aase"),
        ("baek", "Bæk"),
        ("jorgen", "Jørgen"),
    ],
)
def test_folding_meets_in_one_form(typed: str, name: str) -> None:
    assert fold(typed) == fold(name)


def test_folding_keeps_different_names_apart() -> None:
    assert fold("Søren") != fold("Sara")
    assert tokens("Lille-Mads, Torvet 3") == ["lille", "mads", "torvet", "3"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0101901234", "010190-1234"),
        ("010190-1234", "010190-1234"),
        (" 311299-4000 ", "311299-4000"),
        # Fails modulus 11 but is a valid, issued-format number: accepted on purpose.
        ("010101-1111", "010101-1111"),
    ],
)
def test_cpr_accepts_well_formed(value: str, expected: str) -> None:
    assert cpr.normalise(value) == expected


@pytest.mark.parametrize(
    "value", ["", "12345", "320190-1234", "010190-12345", "011390-1234", "abcdef-1234"]
)
def test_cpr_rejects_malformed(value: str) -> None:
    assert cpr.normalise(value) is None


def test_cpr_century_and_mask() -> None:
    assert cpr.birth_date("010105-4123") == date(2005, 1, 1)
    assert cpr.birth_date("010165-4123") == date(1965, 1, 1)
    assert cpr.birth_date("010105-1123") == date(1905, 1, 1)
    assert cpr.mask("0101901234") == "010190-••••"
    assert "1234" not in cpr.mask("010190-1234")
    assert cpr.mask(None) == ""


def test_hlc_is_monotonic_despite_wall_clock_going_back() -> None:
    wall = [1_764_061_200_000]
    clock = HybridLogicalClock("d-1", lambda: wall[0])
    first = clock.now()
    wall[0] -= 60_000  # the laptop's clock jumps back a minute
    second = clock.now()
    assert second > first
    clock.observe(f"{wall[0] + 10**9:013d}-00007-server")
    third = clock.now()
    assert third > f"{wall[0] + 10**9:013d}-00007-server"
    assert Timestamp.parse(third).device_id == "d-1"


def test_hlc_counter_overflow_moves_millis() -> None:
    clock = HybridLogicalClock("d", lambda: 5, last="0000000000005-99999-d")
    assert clock.now() == "0000000000006-00000-d"


def test_person_alias_only_is_valid_and_round_trips() -> None:
    person = Person(id="p1", team_id="t", alias="Ræven", phones=(Phone("+45 12345678"),))
    assert person.validate() == []
    again = Person.from_fields("p1", person.to_fields())
    assert again == person


def test_person_validation_explains() -> None:
    person = Person(id="p", team_id="t", alias=" ", cpr="999999-9999", approx_age=300)
    with pytest.raises(ValidationError) as info:
        person.check()
    codes = {(e.field, e.code) for e in info.value.errors}
    assert codes == {("alias", "required"), ("cpr", "cpr_format"), ("approx_age", "range")}


def test_housing_status_needs_date_for_prison_release() -> None:
    entry = HousingStatus(
        id="h",
        team_id="t",
        person_id="p",
        category=HousingCategory.PRISON_RELEASE,
        valid_from=date(2026, 11, 1),
    )
    assert [e.field for e in entry.validate()] == ["expected_date"]


def test_anonymous_encounter_needs_age_or_description() -> None:
    when = datetime(2026, 11, 25, 22, tzinfo=UTC)
    bare = Encounter(id="e", team_id="t", occurred_at=when, channel=Channel.STREET)
    assert [e.code for e in bare.validate()] == ["anonymous_needs_detail"]
    ok = Encounter(id="e", team_id="t", occurred_at=when, channel=Channel.STREET, approx_age=19)
    assert ok.validate() == []
    assert Encounter.from_fields("e", ok.to_fields()) == ok


def test_referral_needs_consent_unless_section_115() -> None:
    referral = Referral(
        id="r",
        team_id="t",
        person_id="p",
        partner_id="x",
        referred_on=date(2026, 1, 1),
        purpose="Bolig",
    )
    assert [e.code for e in referral.validate()] == ["consent_required"]


def test_consent_validity_window() -> None:
    consent = Consent(
        id="c",
        team_id="t",
        person_id="p",
        partner_id="x",
        given_on=date(2026, 1, 1),
        expires_on=date(2026, 12, 31),
        withdrawn_on=date(2026, 6, 1),
    )
    assert consent.valid_on(date(2026, 5, 31))
    assert not consent.valid_on(date(2026, 6, 1))
    assert not consent.valid_on(date(2025, 12, 31))


@pytest.mark.parametrize(
    ("category", "expected_date", "counted"),
    [
        (HousingCategory.SOFA, None, True),
        (HousingCategory.HOUSED, None, False),
        (HousingCategory.UNKNOWN, None, False),
        (HousingCategory.PRISON_RELEASE, date(2026, 12, 10), True),
        (HousingCategory.PRISON_RELEASE, date(2027, 3, 1), False),
        (HousingCategory.HOSPITAL_DISCHARGE, date(2026, 11, 1), False),
    ],
)
def test_counts_as_homeless(
    category: HousingCategory, expected_date: date | None, counted: bool
) -> None:
    assert counts_as_homeless(category, date(2026, 11, 25), expected_date) is counted


def test_no_record_or_key_holder_shows_its_contents_in_its_text() -> None:
    """A record's repr reaches log lines and tracebacks: it names the record, nothing more."""
    from gadeplan.app.services.conflicts import ConflictItem, Side
    from gadeplan.app.services.profile import CreatedProfile
    from gadeplan.app.services.today import TodayItem
    from gadeplan.storage.keys import KeyFile, NewProfile
    from gadeplan.storage.records import OutboxEntry

    person = Person(
        id="p1",
        team_id="t",
        alias="Ræven",
        name="Søren Hansen",
        cpr="010190-1234",
        phones=(Phone("+45 12345678"),),
    )
    assert repr(person) == "Person(id='p1')"
    note = Encounter(
        id="e1",
        team_id="t",
        person_id="p1",
        occurred_at=datetime(2026, 11, 25, 22, 0, tzinfo=UTC),
        channel=Channel.STREET,
        note="sover i trappeopgangen",
    )
    assert repr(note) == "Encounter(id='e1')"
    assert "12345678" not in repr(person.phones)
    holders: tuple[type[msgspec.Struct], ...] = (
        TodayItem,
        Side,
        ConflictItem,
        OutboxEntry,
        KeyFile,
        NewProfile,
        CreatedProfile,
    )
    marker = "Søren Hansen 010190-1234"
    # Structs check no types when made: every field holds the marker.
    filled = [c(**dict.fromkeys(c.__struct_fields__, marker)) for c in holders]
    assert [type(h).__name__ for h in filled if marker in repr(h)] == []
