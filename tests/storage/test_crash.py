"""kill -9 at random moments never costs an acknowledged write, nor the store's integrity.

Laptops in the field run out of battery, get their lid shut mid-save, or have the program
killed by the OS. What the worker was told is saved must be there afterwards, and the store
must open and pass both integrity checks, however often it happens. So a separate process
(crash_writer.py) writes through Session as fast as it can and acknowledges each committed
transaction on stdout; this test kills it with SIGKILL after a random (seeded) delay, reopens
the profile, and checks, many times over on the same folder, that:

- ``quick_check`` and ``cipher_integrity_check`` report nothing, nor the FTS5 index check;
- every acknowledged record is there, and every acknowledged update (or a later one);
- transactions were all-or-nothing: no encounter without its follow-up, no record without
  its outbox mutation.

SIGKILL loses no more than the process: data the process already handed to the OS survives.
A power cut is stricter; ``synchronous = FULL`` covers that and is not tested here.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest

from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import Encounter, FollowUp, Person
from gadeplan.app.policy import Policy
from gadeplan.app.services.profile import create_profile, open_profile
from gadeplan.storage.errors import StoreError
from tests.support import FAST_KDF, PASSPHRASE, FixedClock

SEED = 20261125
ROUNDS = 25
WRITER = Path(__file__).with_name("crash_writer.py")
#: Share of rounds killed at a random moment from the start, often before the profile is
#: even open (the rest are killed a random time after the writer said it was ready).
EARLY_KILLS = 0.2
MAX_DELAY_SECONDS = 0.4
#: Acknowledged writes before a kill, on average.
WRITES_PER_ROUND = 20
STARTUP_TIMEOUT_SECONDS = 30


@dataclass
class Acknowledged:
    persons: set[str] = field(default_factory=set)
    #: encounter id -> (follow-up id, person id)
    encounters: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: person id -> the last acknowledged revision of the description
    revisions: dict[str, int] = field(default_factory=dict)
    #: Erasures begun: committed or not, depending on where the kill landed.
    erasing: set[str] = field(default_factory=set)
    erased: set[str] = field(default_factory=set)

    def take(self, line: str) -> None:
        kind, *rest = line.split()
        if kind == "P":
            self.persons.add(rest[0])
        elif kind == "E":
            self.encounters[rest[0]] = (rest[1], rest[2])
        elif kind == "U":
            self.revisions[rest[0]] = int(rest[1])
        elif kind == "x":
            self.erasing.add(rest[0])
        elif kind == "X":
            self.erased.add(rest[0])
        else:
            raise AssertionError(f"unexpected line from the writer: {line!r}")


class LineReader(threading.Thread):
    """Collects the writer's lines while the test sleeps, so the pipe never fills up."""

    def __init__(self, stream: IO[bytes]) -> None:
        super().__init__(daemon=True)
        self._stream = stream
        self.lines: list[str] = []
        self.ready = threading.Event()

    def run(self) -> None:
        for raw in self._stream:
            line = raw.decode("utf-8").strip()
            if line == "ready":
                self.ready.set()
            elif line:
                self.lines.append(line)


def _kill_a_writer(folder: Path, rng: random.Random, env: dict[str, str]) -> list[str]:
    """One writer run, ended by SIGKILL; returns its acknowledgements."""
    writer_seed = rng.randrange(2**32)
    early = rng.random() < EARLY_KILLS
    delay = rng.uniform(0.0, MAX_DELAY_SECONDS)
    # Kill after a number of acknowledged writes, not after a time: on a loaded machine a time
    # would often land before any write and the rounds would test little.
    writes_first = rng.randrange(0, 2 * WRITES_PER_ROUND)
    with subprocess.Popen(
        [sys.executable, str(WRITER), str(folder), str(writer_seed)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as proc:
        assert proc.stdin is not None
        assert proc.stdout is not None
        assert proc.stderr is not None
        reader = LineReader(proc.stdout)
        reader.start()
        proc.stdin.write(PASSPHRASE.encode("utf-8") + b"\n")
        proc.stdin.close()
        if early:
            time.sleep(delay)
        else:
            reader.ready.wait(STARTUP_TIMEOUT_SECONDS)
            deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
            while len(reader.lines) < writes_first and time.monotonic() < deadline:
                time.sleep(0.002)
            time.sleep(delay / 20)  # then anywhere inside the next write
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=STARTUP_TIMEOUT_SECONDS)
        reader.join(timeout=STARTUP_TIMEOUT_SECONDS)
        errors = proc.stderr.read().decode("utf-8", "replace")
    # Anything but death by SIGKILL means the writer failed on its own (a bug, or the store
    # refused to open after the previous kill).
    assert proc.returncode == -signal.SIGKILL, (
        f"writer (seed {writer_seed}) ended with {proc.returncode}:\n{errors}"
    )
    assert early or reader.ready.is_set(), "the writer never became ready"
    return reader.lines


def _check(folder: Path, clock: FixedClock, acked: Acknowledged) -> None:
    session = open_profile(folder, PASSPHRASE, clock=clock)
    try:
        assert session.integrity_problems() == []
        with session.store.read() as conn:
            for table in ("person_search", "encounter_search"):
                conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
        repo = session.repo
        persons = {p.id: p for p in repo.all(Person)}
        encounters = {e.id: e for e in repo.all(Encounter)}
        follow_ups = {f.id: f for f in repo.all(FollowUp)}

        kept = acked.erasing  # whatever the state of these, it is checked as all-or-nothing
        assert acked.persons - kept <= persons.keys(), "acknowledged persons were lost"
        for encounter_id, (follow_up_id, person_id) in acked.encounters.items():
            if person_id not in kept:
                assert encounter_id in encounters, "acknowledged encounters were lost"
                assert follow_up_id in follow_ups, "acknowledged follow-ups were lost"
        for person_id, revision in acked.revisions.items():
            if person_id not in kept:
                description = persons[person_id].description or ""
                assert description.startswith("revision "), "an acknowledged update was lost"
                assert int(description.split()[1]) >= revision, "an acknowledged update was lost"
        assert not acked.erased & persons.keys(), "an acknowledged erasure was undone"

        # All-or-nothing, also for what was committed but never acknowledged: no encounter
        # without its follow-up, nothing left of a person who is gone.
        assert {f.encounter_id for f in follow_ups.values()} == encounters.keys()
        about = {e.person_id for e in encounters.values()} | {
            f.person_id for f in follow_ups.values()
        }
        assert about <= persons.keys(), "records left of an erased person"
        in_outbox = {e.record_id for e in repo.outbox(limit=1_000_000)}
        missing = (persons.keys() | encounters.keys() | follow_ups.keys()) - in_outbox
        assert not missing, "records committed without their outbox mutation"
    finally:
        session.lock()


@pytest.mark.slow
@pytest.mark.usefixtures("no_keychain")
def test_kill_9_never_loses_an_acknowledged_write(profile_dir: Path, clock: FixedClock) -> None:
    created = create_profile(profile_dir, PASSPHRASE, policy=Policy(), kdf=FAST_KDF, clock=clock)
    assert created.protection == "passphrase"
    created.session.lock()
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    rng = random.Random(SEED)
    acked = Acknowledged()
    rounds_with_writes = 0
    for round_number in range(ROUNDS):
        lines = _kill_a_writer(profile_dir, rng, env)
        rounds_with_writes += bool(lines)
        for line in lines:
            acked.take(line)
        try:
            _check(profile_dir, clock, acked)
        except AssertionError as exc:
            raise AssertionError(f"after kill {round_number + 1} (seed {SEED}): {exc}") from exc

    # Controls: the kills really landed among writes, in most rounds, on a sizeable store.
    assert rounds_with_writes >= ROUNDS // 2
    assert len(acked.persons) + len(acked.encounters) + len(acked.revisions) >= 10 * ROUNDS
    assert acked.revisions, "no update was acknowledged"
    assert acked.erased, "no erasure was acknowledged"


@pytest.mark.usefixtures("no_keychain")
def test_control_the_check_sees_lost_writes_and_damage(
    profile_dir: Path, clock: FixedClock
) -> None:
    """The check after each kill must be able to fail: a lost acknowledged write and a
    damaged page are both reported."""
    session = create_profile(
        profile_dir, PASSPHRASE, policy=Policy(), kdf=FAST_KDF, clock=clock
    ).session
    person = Person(id=new_id(), team_id=session.identity.team_id, alias="Kontrolperson")
    session.create_person(person, confirmed_new=True)
    session.lock()
    _check(profile_dir, clock, Acknowledged(persons={person.id}))
    for lost in (
        Acknowledged(persons={new_id()}),
        Acknowledged(encounters={new_id(): (new_id(), person.id)}),
        Acknowledged(persons={person.id}, revisions={person.id: 1}),
    ):
        with pytest.raises(AssertionError, match=r"(were|was) lost"):
            _check(profile_dir, clock, lost)
    with pytest.raises(AssertionError, match="erasure was undone"):
        _check(profile_dir, clock, Acknowledged(erasing={person.id}, erased={person.id}))

    db = profile_dir / "gadeplan.db"
    data = bytearray(db.read_bytes())
    data[-1000] ^= 0x01  # inside the last page's encrypted area
    db.write_bytes(bytes(data))
    with pytest.raises((AssertionError, StoreError)):
        _check(profile_dir, clock, Acknowledged())
