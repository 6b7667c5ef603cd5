"""One person's screen: their whole file (an audited read) and what its editors offer to
choose from (the team's workers as contact persons, the partners to refer to)."""

from __future__ import annotations

import json
from datetime import date

import msgspec

from gadeplan.app.domain.records import Partner
from gadeplan.app.services.people import PeopleService
from gadeplan.app.services.session import PersonFile, Session
from gadeplan.storage import queries


class PersonPage(msgspec.Struct, frozen=True):
    file: PersonFile
    today: date
    #: (id, name) of the team's workers.
    workers: tuple[tuple[str, str], ...]
    partners: tuple[Partner, ...]
    #: This worker's id: append-only records (encounters, housing entries) only they may correct.
    me: str
    team_id: str

    def worker_name(self, worker_id: str | None) -> str | None:
        return dict(self.workers).get(worker_id) if worker_id else None

    def partner_name(self, partner_id: str | None) -> str | None:
        for partner in self.partners:
            if partner.id == partner_id:
                return partner.name
        return None


def load_person(session: Session, person_id: str) -> PersonPage | None:
    file = session.open_person(person_id)
    if file is None:
        return None
    partners = tuple(
        sorted(
            (
                Partner.from_fields(record_id, json.loads(data))
                for record_id, _, data in queries.records_of(session.store, "partner")
            ),
            key=lambda p: p.name.casefold(),
        )
    )
    return PersonPage(
        file=file,
        today=session.clock.today(),
        workers=tuple(PeopleService(session).workers()),
        partners=partners,
        me=session.identity.worker_id,
        team_id=session.identity.team_id,
    )
