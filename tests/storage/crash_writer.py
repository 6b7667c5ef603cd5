"""Writes records through Session as fast as it can, until it is killed (see test_crash.py).

Usage: ``crash_writer.py <profile folder> <seed>``, passphrase on the first line of stdin (so it
is not visible in the process list). Each line on stdout is an acknowledgement, printed and
flushed only after the transaction it names has committed: the parent may treat every line it
receives as a promise the store must keep after kill -9.

    ready
    P <person id>                     a person was created
    E <encounter id> <follow-up id> <person id>
                                      an encounter and its follow-up, in one transaction
    U <person id> <revision>          the person's description now says "revision <n>"
    x <person id>                     about to erase the person (not yet an acknowledgement)
    X <person id>                     the person and everything about them are erased

Now and then it also locks and unlocks again, so kills land in checkpoints too (an erasure
checkpoints as well).

Only synthetic text is written.
"""

from __future__ import annotations

import random
import sys
from datetime import timedelta
from pathlib import Path

from msgspec.structs import replace

from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import Channel, Encounter, Person
from gadeplan.app.services.profile import open_profile


def _filler(rng: random.Random) -> str:
    """Sometimes long enough for overflow pages, so a kill can land inside a multi-page write."""
    return "fyldtekst " * rng.choice((0, 5, 50, 600, 1500))


def main(argv: list[str]) -> int:
    folder = Path(argv[1])
    rng = random.Random(int(argv[2]))
    passphrase = sys.stdin.readline().rstrip("\n")
    session = open_profile(folder, passphrase)
    team = session.identity.team_id
    print("ready", flush=True)
    persons: list[Person] = []
    revision = 0
    while True:
        choice = rng.random()
        if not persons or choice < 0.35:
            person = Person(id=new_id(), team_id=team, alias=f"Crashtest {rng.randrange(10**6)}")
            session.create_person(person, confirmed_new=True)
            persons.append(person)
            print(f"P {person.id}", flush=True)
        elif choice < 0.40 and len(persons) > 1:
            gone = persons.pop(rng.randrange(len(persons)))
            print(f"x {gone.id}", flush=True)
            session.erase_person(gone.id)
            print(f"X {gone.id}", flush=True)
        elif choice < 0.43:
            session.lock()
            session = open_profile(folder, passphrase)
        elif choice < 0.78:
            encounter = Encounter(
                id=new_id(),
                team_id=team,
                occurred_at=session.clock.now(),
                channel=Channel.STREET,
                person_id=rng.choice(persons).id,
                note=f"Crashtest note {_filler(rng)}",
                follow_up_on=session.clock.today() + timedelta(days=3),
            )
            changes = session.log_encounter(encounter)
            (follow_up,) = (c.record_id for c in changes if c.entity == "follow_up")
            print(f"E {encounter.id} {follow_up} {encounter.person_id}", flush=True)
        else:
            index = rng.randrange(len(persons))
            revision += 1
            updated = replace(persons[index], description=f"revision {revision} {_filler(rng)}")
            session.update_person(updated)
            persons[index] = updated
            print(f"U {updated.id} {revision}", flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
