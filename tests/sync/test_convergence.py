"""The contract's randomized test: 2–4 laptops, each its own encrypted store, against the real
server over HTTP, through a fault-injecting transport (dropped requests, answers lost after
the server committed, duplicates, 503s, time-outs), with skewed clocks, erasures and team moves.

After the network heals, every laptop converges to the server's state; no mutation is lost or
applied twice; nothing erased comes back; and the server's state equals a small pure-Python
model of the merge rule: per field, the accepted write with the highest HLC wins; an accepted
delete removes the record; an erasure removes the person and everything about them.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msgspec.structs import replace

from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import Channel, Encounter, Person
from gadeplan.sync.errors import SyncError
from gadeplan.sync.schemas import PATH_PULL
from tests.backend.support import Server
from tests.support import FixedClock
from tests.sync.conftest import Laptop
from tests.sync.faults import FaultyTransport

#: Entities the model predicts. Conflicts are made by the server and compared for convergence.
MODELLED = ("person", "encounter")
EDITABLE = ("alias", "name", "description", "places")

#: How often each step happens. Edits and syncs dominate, so laptops hold the same people
#: and edit the same fields between syncs: that is where conflicts and merges come from.
WEIGHTS = {
    "create": 3,
    "edit": 8,
    "encounter": 3,
    "delete": 1,
    "move": 1,
    "sync": 8,
    "erase": 1,
    "skew": 1,
}
STEPS = 60


def _plan(seed: int) -> list[tuple[str, int, int, int, float]]:
    """The steps of one run: (operation, laptop, target person, value, fault rate)."""
    rng = random.Random(seed)
    ops, weights = zip(*WEIGHTS.items(), strict=True)
    return [
        (
            rng.choices(ops, weights)[0],
            rng.randrange(4),
            rng.randrange(4),
            rng.randrange(10_000),
            rng.choice((0.0, 0.3, 0.6, 1.0)),
        )
        for _ in range(STEPS)
    ]


@dataclass
class Written:
    """One mutation as it left a laptop, in the order it was made."""

    device: str
    mutation_id: int
    entity: str
    record_id: str
    op: str
    hlc: str
    fields: dict[str, Any]


@dataclass
class World:
    server: Server
    laptops: list[Laptop]
    faults: list[FaultyTransport]
    teams: tuple[str, str]
    written: list[Written] = field(default_factory=list)
    seen_mutation: dict[str, int] = field(default_factory=dict)
    erased: set[str] = field(default_factory=set)
    all_persons: list[str] = field(default_factory=list)
    sync_errors: int = 0

    def capture(self, laptop: Laptop) -> None:
        """Log the laptop's new outbox entries: the model's input."""
        device = laptop.session.identity.device_id
        after = self.seen_mutation.get(device, 0)
        for entry in laptop.session.repo.outbox(limit=10_000, after=after):
            self.seen_mutation[device] = entry.mutation_id
            if entry.entity in MODELLED:
                self.written.append(
                    Written(
                        device,
                        entry.mutation_id,
                        entry.entity,
                        entry.record_id,
                        entry.op,
                        entry.hlc,
                        entry.fields,
                    )
                )


def _persons(laptop: Laptop) -> list[Person]:
    return list(laptop.session.repo.all(Person))


def _step(world: World, op: str, who: int, target: int, value: int, rate: float) -> None:
    laptop = world.laptops[who % len(world.laptops)]
    persons = _persons(laptop)
    person = persons[target % len(persons)] if persons else None
    if op == "create":
        team = world.teams[value % 2] if who % 2 == 0 else world.teams[0]
        created = Person(id=new_id(), team_id=team, alias=f"P{value}")
        laptop.session.create_person(created, confirmed_new=True)
        world.all_persons.append(created.id)
    elif op == "edit" and person is not None:
        name = EDITABLE[value % len(EDITABLE)]
        new_value: Any = (f"v{value}",) if name == "places" else f"v{value}"
        laptop.session.update_person(replace(person, **{name: new_value}))
    elif op == "encounter" and person is not None:
        laptop.session.log_encounter(
            Encounter(
                id=new_id(),
                team_id=person.team_id,
                person_id=person.id,
                occurred_at=laptop.clock.now(),
                channel=Channel.STREET,
                note=f"n{value}",
            )
        )
    elif op == "delete" and person is not None:
        laptop.session.delete(Person, person.id)
    elif op == "move" and person is not None and who % 2 == 0:
        other = world.teams[1] if person.team_id == world.teams[0] else world.teams[0]
        laptop.session.update_person(replace(person, team_id=other))
    elif op == "sync":
        world.faults[who % len(world.laptops)].rate = rate
        try:
            laptop.sync.sync_once()
        except SyncError:
            world.sync_errors += 1  # the network was bad; a later sync carries on
        world.faults[who % len(world.laptops)].rate = 0.0
    elif op == "erase" and world.all_persons:
        victim = world.all_persons[target % len(world.all_persons)]
        world.server.admin.erase_person(victim, "test")
        world.erased.add(victim)
    elif op == "skew":
        # Within the server's tolerance (5 minutes), ahead or behind.
        laptop.clock.current = datetime.now(UTC) + timedelta(seconds=value % 360 - 180)
    world.capture(laptop)
    laptop.clock.advance(seconds=1)


def _local_state(laptop: Laptop) -> dict[str, dict[str, Any]]:
    with laptop.session.store.read() as conn:
        rows = conn.execute(
            "SELECT id, data FROM record WHERE deleted = 0 AND entity NOT IN"
            " ('audit_event', 'team', 'worker')"
        ).fetchall()
    return {rid: json.loads(data) for rid, data in rows}


def _server_state(server: Server, username: str) -> dict[str, dict[str, Any]]:
    everything = server.device(username).everything()
    return {
        rid: dict(change["fields"])
        for rid, change in everything.items()
        if change["entity"] not in ("audit_event", "team", "worker")
    }


def _model(world: World, rejected: set[tuple[str, int]]) -> dict[str, dict[str, Any]]:
    """The merge rule, in a dozen lines, over the accepted mutations."""
    fields: dict[str, dict[str, tuple[str, Any]]] = {}
    deleted: set[str] = set()
    person_of: dict[str, str] = {}
    for w in world.written:
        if (w.device, w.mutation_id) in rejected:
            continue
        if w.op == "delete":
            deleted.add(w.record_id)
            continue
        record = fields.setdefault(w.record_id, {})
        for name, value in w.fields.items():
            if name not in record or w.hlc > record[name][0]:
                record[name] = (w.hlc, value)
        if w.entity == "encounter" and "person_id" in w.fields:
            person_of[w.record_id] = str(w.fields["person_id"])
    return {
        rid: {name: value for name, (_, value) in record.items()}
        for rid, record in fields.items()
        if rid not in deleted and rid not in world.erased and person_of.get(rid) not in world.erased
    }


def _last_mutation_id(laptop: Laptop) -> int:
    engine = laptop.sync._engine_for()
    answer = laptop.transport.post(PATH_PULL, {"cursor": None, "limit": 1}, token=engine._token())
    return int(answer["last_mutation_id"])


@settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(clients=st.integers(2, 4), seed=st.integers(0, 2**32 - 1))
def test_laptops_converge_to_the_server_and_the_model(
    backend: Server,
    tmp_path_factory: Any,
    clients: int,
    seed: int,
) -> None:
    folder: Path = tmp_path_factory.mktemp("convergence")
    teams = (backend.team(), backend.team())
    usernames = [
        backend.worker(*teams) if i % 2 == 0 else backend.worker(teams[0]) for i in range(clients)
    ]
    auditor = backend.worker(*teams)
    faults = [FaultyTransport(seed=i) for i in range(clients)]
    laptops = [
        Laptop(folder / f"l{i}", backend, usernames[i], faults[i], FixedClock(datetime.now(UTC)))
        for i in range(clients)
    ]
    world = World(backend, laptops, faults, teams)
    try:
        for laptop in laptops:
            world.capture(laptop)
        for op, who, target, value, rate in _plan(seed):
            _step(world, op, who, target, value, rate)

        # The network heals: two rounds bring every change everywhere.
        for _ in range(2):
            for laptop in laptops:
                laptop.sync.sync_once()

        rejected = {
            (laptop.session.identity.device_id, r.mutation_id)
            for laptop in laptops
            for r in laptop.sync.status().rejections
        }
        server_all = _server_state(backend, auditor)
        for laptop, username in zip(laptops, usernames, strict=True):
            assert laptop.sync.status().unsent_changes == 0
            # Converged: the laptop holds exactly what the server gives its worker.
            assert _local_state(laptop) == _server_state(backend, username)
            # Exactly once: the server has consumed every mutation this laptop made.
            device = laptop.session.identity.device_id
            assert _last_mutation_id(laptop) == world.seen_mutation.get(device, 0)
        # Nothing erased came back, anywhere.
        for laptop in laptops:
            assert not world.erased & set(_local_state(laptop))
        assert not world.erased & set(server_all)
        # The server equals the model of the merge rule.
        expected = _model(world, rejected)
        actual = {
            rid: {k: v for k, v in fields.items() if k in expected.get(rid, {})}
            for rid, fields in server_all.items()
            if rid in expected
        }
        assert set(expected) <= set(server_all)
        assert actual == expected
    finally:
        for laptop in laptops:
            laptop.close()
