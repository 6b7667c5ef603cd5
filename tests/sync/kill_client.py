"""A laptop that works and syncs in a loop until it is killed (tests/sync/test_kill.py).

Usage: python -m tests.sync.kill_client FOLDER SEED  (passphrase on stdin)
"""

from __future__ import annotations

import contextlib
import random
import sys
from pathlib import Path

import stamina
from msgspec.structs import replace

from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import Person
from gadeplan.app.policy import Policy
from gadeplan.app.services.profile import open_profile
from gadeplan.app.services.sync import SyncService
from gadeplan.sync.errors import SyncError


def main() -> None:
    folder, seed = Path(sys.argv[1]), int(sys.argv[2])
    stamina.set_testing(True, attempts=2)
    rng = random.Random(seed)
    session = open_profile(folder, sys.stdin.readline().rstrip("\n"))
    sync = SyncService(session, Policy())
    print("ready", flush=True)
    while True:
        persons = list(session.repo.all(Person))
        if persons and rng.random() < 0.5:
            person = rng.choice(persons)
            session.update_person(replace(person, description=f"d{rng.randrange(10**6)}"))
        else:
            session.create_person(
                Person(id=new_id(), team_id=session.identity.team_id, alias=f"K{seed}"),
                confirmed_new=True,
            )
        with contextlib.suppress(SyncError):  # the server may be gone; the next round retries
            sync.sync_once()
        print("synced", flush=True)


if __name__ == "__main__":
    main()
