"""The hand-built town of tests/app/scenario.py, for the radar, Overblik and reports screens.

The scenario's people have nicknames only (and Jon a CPR number); here three of them also get
a full name and Hans a CPR number (matching his birth date), so the count's CSV has initials
and the council PDF test has names and CPR numbers to look for.
"""

from __future__ import annotations

from msgspec.structs import replace

from gadeplan.app.domain.records import Person
from gadeplan.app.services.session import Session
from tests.app import scenario
from tests.app.scenario import pid

NAMES = {"Ada": "Ada Holm Nørgaard", "Hans": "Hans Peter Bach", "Jon": "Jon Erik Dahl"}
CPRS = {"Hans": "050570-1237", "Jon": "010190-1234"}
ALIASES = (
    "Ada", "Bo", "Cai", "Dan", "Eva", "Finn", "Gro", "Hans", "Ib",
    "Jon", "Kim", "Lis", "Mo", "Nils", "Ole", "Rut", "Zed",
)  # fmt: skip


def build_town(session: Session) -> None:
    scenario.build(session)
    for alias, name in NAMES.items():
        person = session.get(Person, pid(alias))
        assert person is not None
        session.update_person(replace(person, name=name, cpr=CPRS.get(alias, person.cpr)))
