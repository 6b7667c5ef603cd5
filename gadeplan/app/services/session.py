"""An unlocked profile and the use cases the program offers on it.

Every use case validates, writes in one transaction with its audit event, and returns what
changed. Reads of a person's record are audited too (the data protection authority expects
every read, search, change, export and deletion of personal data to be logged); the audit
event names records and fields, never their values.
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import msgspec
from msgspec import field
from msgspec.structs import replace

from gadeplan.app.domain import cpr as cpr_rules
from gadeplan.app.domain.clock import Clock
from gadeplan.app.domain.folding import fold
from gadeplan.app.domain.housing import HousingCategory, counts_as_homeless
from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import (
    AuditAction,
    AuditEvent,
    Consent,
    Encounter,
    Entity,
    EvictionCase,
    FieldError,
    FollowUp,
    HousingOffer,
    HousingStatus,
    Person,
    Referral,
    SupportGoal,
    TeamRecord,
    Transition,
    ValidationError,
    to_json,
)
from gadeplan.storage.db import Store
from gadeplan.storage.records import Change, LocalState, RecordRepository

T = TypeVar("T", bound=Entity)

log = logging.getLogger(__name__)

#: local_state keys for who works on this device (until the backend says otherwise).
WORKER_ID = "worker_id"
TEAM_ID = "team_id"


class Identity(msgspec.Struct, frozen=True):
    worker_id: str
    device_id: str
    team_id: str


class NotAuthor(ValidationError):
    """Append-only records may be corrected only by the worker who wrote them."""


class Audit:
    def __init__(self, repo: RecordRepository, identity: Identity, clock: Clock) -> None:
        self._repo = repo
        self._identity = identity
        self._clock = clock

    def write(
        self,
        conn: Any,
        action: AuditAction,
        *,
        entity: str | None = None,
        record_id: str | None = None,
        person_id: str | None = None,
        fields: Iterable[str] = (),
        detail: str | None = None,
    ) -> None:
        self._repo.save(
            conn,
            AuditEvent(
                id=new_id(),
                team_id=self._identity.team_id,
                action=action,
                at=self._clock.now(),
                worker_id=self._identity.worker_id,
                device_id=self._identity.device_id,
                entity=entity,
                record_id=record_id,
                person_id=person_id,
                fields=tuple(sorted(fields)),
                detail=detail,
            ),
        )


class DuplicateCandidate(msgspec.Struct, frozen=True):
    person: Person
    #: Why it looks like the same person: "cpr", "name", "alias", "birth_year".
    reasons: tuple[str, ...]
    score: float


class CreatePersonResult(msgspec.Struct, frozen=True):
    """Either the created person, or the likely duplicates the worker should look at first."""

    person: Person | None
    duplicates: tuple[DuplicateCandidate, ...] = ()
    change: Change | None = None


class PersonFile(msgspec.Struct, frozen=True):
    """One person's whole picture, for the person screen and the access request."""

    person: Person
    housing: tuple[HousingStatus, ...] = ()
    encounters: tuple[Encounter, ...] = ()
    transitions: tuple[Transition, ...] = ()
    eviction_cases: tuple[EvictionCase, ...] = ()
    housing_offers: tuple[HousingOffer, ...] = ()
    support_goals: tuple[SupportGoal, ...] = ()
    referrals: tuple[Referral, ...] = ()
    consents: tuple[Consent, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()

    def current_housing(self, on: date) -> HousingStatus | None:
        return latest_housing(self.housing, on)


def latest_housing(entries: Iterable[HousingStatus], on: date) -> HousingStatus | None:
    """The person's situation on a date: the latest entry valid from on or before it. Entries
    are in recording order, so of two on the same day the later-recorded wins."""
    best: HousingStatus | None = None
    for entry in entries:
        if entry.valid_from <= on and (best is None or entry.valid_from >= best.valid_from):
            best = entry
    return best


class Stats(msgspec.Struct):
    records: dict[str, int] = field(default_factory=dict)
    homeless_by_category: dict[str, int] = field(default_factory=dict)
    homeless_total: int = 0
    unsent_changes: int = 0
    oldest_unsent: str | None = None


class Session:
    """An unlocked profile. Closing it (lock) closes the store; nothing else holds data."""

    def __init__(self, folder: Path, store: Store, clock: Clock, protection: str) -> None:
        from gadeplan.app.domain.clock import wall_millis

        self.folder = folder
        self.store = store
        self.clock = clock
        self.protection = protection
        self.repo = RecordRepository(store, lambda: wall_millis(clock))
        self.identity = self._read_identity()
        self.audit = Audit(self.repo, self.identity, clock)

    def _read_identity(self) -> Identity:
        with self.store.read() as conn:
            worker_id = LocalState.get(conn, WORKER_ID)
            team_id = LocalState.get(conn, TEAM_ID)
        if worker_id is None or team_id is None:
            raise RuntimeError("the profile was not initialised")
        return Identity(worker_id, self.repo.device_id(), team_id)

    def reload_identity(self) -> None:
        """After registering with the backend, work is filed under the server's ids."""
        self.identity = self._read_identity()
        self.audit = Audit(self.repo, self.identity, self.clock)

    # --- generic records ---------------------------------------------------------------------

    def save(self, record: TeamRecord) -> Change | None:
        """Create or correct a record, with validation and an audit event."""
        record.check()
        existing = self.repo.get(type(record), record.id)
        if existing is not None and record.APPEND_ONLY:
            self._check_author(existing)
        with self.store.write() as conn:
            change = self.repo.save(conn, record)
            if change is not None:
                self.audit.write(
                    conn,
                    AuditAction.CREATE if existing is None else AuditAction.UPDATE,
                    entity=record.ENTITY,
                    record_id=record.id,
                    person_id=change.person_id,
                    fields=change.fields,
                )
        return change

    def delete(self, cls: type[TeamRecord], record_id: str) -> Change | None:
        existing = self.repo.get(cls, record_id)
        if existing is None:
            return None
        if cls.APPEND_ONLY:
            self._check_author(existing)
        with self.store.write() as conn:
            change = self.repo.delete(conn, cls.ENTITY, record_id)
            if change is not None:
                self.audit.write(
                    conn,
                    AuditAction.DELETE,
                    entity=cls.ENTITY,
                    record_id=record_id,
                    person_id=change.person_id,
                )
        return change

    def _check_author(self, existing: Entity) -> None:
        author_field = existing.AUTHOR_FIELD
        author = getattr(existing, author_field, None) if author_field else None
        if author is not None and author != self.identity.worker_id:
            raise NotAuthor(
                [FieldError("id", "not_author", "Only the worker who wrote it can correct it.")]
            )

    def get(self, cls: type[T], record_id: str) -> T | None:
        return self.repo.get(cls, record_id)

    # --- persons -----------------------------------------------------------------------------

    def find_duplicates(self, person: Person, limit: int = 10) -> list[DuplicateCandidate]:
        """Likely existing records of the same person: same CPR; alias or name alike once
        æ/ø/å are folded; the same birth year strengthens a name match."""
        candidate_ids: list[str] = []
        for text in (person.alias, person.name):
            if text:
                candidate_ids.extend(self.repo.search_persons(text, limit=25))
        cpr = cpr_rules.normalise(person.cpr) if person.cpr else None
        if cpr:
            candidate_ids.extend(self._persons_with_cpr(cpr))
        found: list[DuplicateCandidate] = []
        seen: set[str] = {person.id}
        for other in self.repo.get_many(Person, dict.fromkeys(candidate_ids)):
            if other.id in seen:
                continue
            seen.add(other.id)
            reasons, score = _duplicate_reasons(person, other, cpr)
            if score >= 1.0:
                found.append(DuplicateCandidate(other, reasons, score))
        found.sort(key=lambda c: -c.score)
        return found[:limit]

    def _persons_with_cpr(self, cpr: str) -> list[str]:
        with self.store.read() as conn:
            rows = conn.execute(
                "SELECT id FROM record WHERE entity = 'person' AND deleted = 0"
                " AND json_extract(data, '$.cpr') IN (?, ?)",
                (cpr, cpr.replace("-", "")),
            ).fetchall()
        return [r[0] for r in rows]

    def create_person(self, person: Person, *, confirmed_new: bool = False) -> CreatePersonResult:
        """Create, unless likely duplicates exist and the worker has not confirmed it is a new
        person; then return them so the UI can ask "is it one of these?"."""
        if person.cpr:
            normalised = cpr_rules.normalise(person.cpr)
            if normalised:
                person = replace(person, cpr=normalised)
        person.check()
        if not confirmed_new:
            duplicates = self.find_duplicates(person)
            if duplicates:
                return CreatePersonResult(None, tuple(duplicates))
        change = self.save(person)
        return CreatePersonResult(person, (), change)

    def update_person(self, person: Person) -> Change | None:
        if person.cpr:
            normalised = cpr_rules.normalise(person.cpr)
            if normalised:
                person = replace(person, cpr=normalised)
        return self.save(person)

    def search_persons(self, query: str, limit: int = 50) -> list[Person]:
        ids = self.repo.search_persons(query, limit)
        persons = self.repo.get_many(Person, ids)
        with self.store.write() as conn:
            # The query itself may be a name: only the number of hits is logged.
            self.audit.write(conn, AuditAction.SEARCH, entity="person", detail=str(len(persons)))
        return persons

    def open_person(self, person_id: str) -> PersonFile | None:
        person = self.repo.get(Person, person_id)
        if person is None:
            return None
        with self.store.write() as conn:
            self.audit.write(
                conn, AuditAction.READ, entity="person", record_id=person_id, person_id=person_id
            )
        return self._person_file(person)

    def _person_file(self, person: Person) -> PersonFile:
        pid = person.id
        encounters = sorted(
            self.repo.for_person(Encounter, pid), key=lambda e: e.occurred_at, reverse=True
        )
        return PersonFile(
            person=person,
            housing=tuple(self.repo.for_person(HousingStatus, pid)),
            encounters=tuple(encounters),
            transitions=tuple(sorted(self.repo.for_person(Transition, pid), key=lambda t: t.on)),
            eviction_cases=tuple(self.repo.for_person(EvictionCase, pid)),
            housing_offers=tuple(self.repo.for_person(HousingOffer, pid)),
            support_goals=tuple(self.repo.for_person(SupportGoal, pid)),
            referrals=tuple(self.repo.for_person(Referral, pid)),
            consents=tuple(self.repo.for_person(Consent, pid)),
            follow_ups=tuple(self.repo.for_person(FollowUp, pid)),
        )

    def reveal_cpr(self, person_id: str) -> str | None:
        """The unmasked CPR number; the reveal itself is audited."""
        person = self.repo.get(Person, person_id)
        if person is None:
            return None
        with self.store.write() as conn:
            self.audit.write(
                conn,
                AuditAction.REVEAL,
                entity="person",
                record_id=person_id,
                person_id=person_id,
                fields=("cpr",),
            )
        return person.cpr

    def export_person(self, person_id: str) -> dict[str, Any] | None:
        """Everything held about one person, as JSON, for an access request (GDPR Art. 15)."""
        records = self.repo.all_for_person(person_id)
        if not any(r.ENTITY == "person" for r in records):
            return None
        with self.store.write() as conn:
            self.audit.write(
                conn, AuditAction.EXPORT, entity="person", record_id=person_id, person_id=person_id
            )
        grouped: dict[str, list[dict[str, Any]]] = {}
        for record in records:
            grouped.setdefault(record.ENTITY, []).append({"id": record.id, **record.to_fields()})
        return {
            "format": "gadeplan-person-export",
            "version": 1,
            "exported_at": to_json(self.clock.now()),
            "person_id": person_id,
            "records": grouped,
        }

    def erase_person(self, person_id: str) -> int:
        """Purge a person and everything about them from this device, leaving nothing readable
        in free pages or the WAL. Used for GDPR erasure arriving from the backend."""
        with self.store.write() as conn:
            count = self.repo.erase_person(conn, person_id)
            self.audit.write(
                conn, AuditAction.ERASE, entity="person", record_id=person_id, detail=str(count)
            )
        self.store.checkpoint()
        log.info("erased a person: %d records purged", count)
        return count

    # --- the field work ----------------------------------------------------------------------

    def log_encounter(
        self,
        encounter: Encounter,
        *,
        situation: HousingCategory | None = None,
        expected_date: date | None = None,
    ) -> list[Change]:
        """Save an encounter; if the worker recorded a situation that differs from the last
        known one, add it to the housing history; if a follow-up date was set, add the
        follow-up. One transaction, so a crash leaves all or nothing."""
        encounter = replace(encounter, worker_id=encounter.worker_id or self.identity.worker_id)
        encounter.check()
        records: list[TeamRecord] = [encounter]
        if situation is not None and encounter.person_id is not None:
            current = latest_housing(
                self.repo.for_person(HousingStatus, encounter.person_id), self.clock.today()
            )
            if (
                current is None
                or current.category != situation
                or (expected_date is not None and current.expected_date != expected_date)
            ):
                records.append(
                    HousingStatus(
                        id=new_id(),
                        team_id=encounter.team_id,
                        person_id=encounter.person_id,
                        category=situation,
                        valid_from=encounter.occurred_at.date(),
                        expected_date=expected_date,
                        place=encounter.place,
                        recorded_by=self.identity.worker_id,
                    )
                )
        if encounter.follow_up_on is not None:
            records.append(
                FollowUp(
                    id=new_id(),
                    team_id=encounter.team_id,
                    person_id=encounter.person_id,
                    due_on=encounter.follow_up_on,
                    what=encounter.next_step or "Opfølgning",
                    assigned_worker_id=self.identity.worker_id,
                    encounter_id=encounter.id,
                )
            )
        for record in records[1:]:
            record.check()
        changes: list[Change] = []
        with self.store.write() as conn:
            for record in records:
                change = self.repo.save(conn, record)
                if change is not None:
                    changes.append(change)
                    self.audit.write(
                        conn,
                        AuditAction.CREATE,
                        entity=record.ENTITY,
                        record_id=record.id,
                        person_id=change.person_id,
                        fields=change.fields,
                    )
        return changes

    def stats(self) -> Stats:
        today = self.clock.today()
        stats = Stats(records=self.repo.count_by_entity())
        by_person: dict[str, list[HousingStatus]] = {}
        for entry in self.repo.all(HousingStatus):
            by_person.setdefault(entry.person_id, []).append(entry)
        for entries in by_person.values():
            current = latest_housing(entries, today)
            if current and counts_as_homeless(current.category, today, current.expected_date):
                key = current.category.value
                stats.homeless_by_category[key] = stats.homeless_by_category.get(key, 0) + 1
                stats.homeless_total += 1
        stats.unsent_changes, stats.oldest_unsent = self.repo.outbox_summary()
        return stats

    # --- lifecycle ---------------------------------------------------------------------------

    def integrity_problems(self) -> list[str]:
        return self.store.integrity_problems()

    def lock(self) -> None:
        self.store.close()
        log.info("profile locked")

    def bulk_writer(self) -> Callable[[Iterable[TeamRecord]], int]:
        """For generated demo data only: many records per transaction, one audit event."""

        def write(records: Iterable[TeamRecord]) -> int:
            count = 0
            with self.store.write() as conn:
                for record in records:
                    record.check()
                    self.repo.save(conn, record)
                    count += 1
                self.audit.write(conn, AuditAction.SEED, detail=str(count))
            return count

        return write


def _duplicate_reasons(
    new: Person, other: Person, cpr: str | None
) -> tuple[tuple[str, ...], float]:
    reasons: list[str] = []
    score = 0.0
    if cpr and other.cpr and cpr_rules.normalise(other.cpr) == cpr:
        reasons.append("cpr")
        score += 10
    if new.name and other.name and _alike(new.name, other.name):
        reasons.append("name")
        score += 2
    if _alike(new.alias, other.alias) or (
        other.name and _alike(new.alias, other.name.split()[0] if other.name else "")
    ):
        reasons.append("alias")
        score += 1
    new_year = new.birth_year or (new.birth_date.year if new.birth_date else None)
    other_year = other.birth_year or (other.birth_date.year if other.birth_date else None)
    if reasons and new_year is not None and other_year is not None:
        if new_year == other_year:
            reasons.append("birth_year")
            score += 1
        elif abs(new_year - other_year) > 2 and "cpr" not in reasons:
            # Common names repeat (father and son): years far apart rule a name match out,
            # while a year or two off is more likely a guess or a typo.
            score -= 3
    return tuple(reasons), score


def _alike(a: str, b: str) -> bool:
    fa, fb = fold(a).strip(), fold(b).strip()
    if not fa or not fb:
        return False
    return fa == fb or difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.85
