"""Concurrent writers never make a pull skip a change.

Several devices push at once while a reader pulls again and again with its cursor, keeping a
replica as a client would. Afterwards the replica must equal a full pull from scratch: a change
that committed with a smaller sequence number after the reader's cursor had moved past it
would be missing. Run on PostgreSQL (real concurrency) and on SQLite.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from tests.backend.support import Device, Server, person

WRITERS = 4
PUSHES = 12
PER_PUSH = 8


def test_concurrent_pushes_never_make_a_pull_skip_a_change(server: Server) -> None:
    team = server.team()
    writers = [server.new_device(team) for _ in range(WRITERS)]
    reader = server.new_device(team)
    shared = person(team, alias="Fælles")
    writers[0].push(writers[0].save(shared))
    errors: list[BaseException] = []
    created: list[str] = [shared.id]
    done = threading.Event()

    def write(device: Device, index: int) -> None:
        try:
            own: list[str] = []
            for round_ in range(PUSHES):
                batch: list[dict[str, Any]] = []
                for i in range(PER_PUSH):
                    if own and i % 3 == 0:
                        batch.append(
                            device.mutation(
                                "person", own[-1], {"approx_age": 20 + round_}, base_version=1
                            )
                        )
                    else:
                        p = person(team, alias=f"W{index}-{round_}-{i}")
                        own.append(p.id)
                        batch.append(device.save(p))
                # Everybody edits the shared record too: conflicts under contention.
                batch.append(
                    device.mutation(
                        "person", shared.id, {"description": f"{index}/{round_}"}, base_version=1
                    )
                )
                results = device.push(*batch)
                created.extend(m["id"] for m in batch if m["base_version"] is None)
                assert all(r["status"] in ("applied", "conflict") for r in results), results
        except BaseException as exc:  # reported to the main thread
            errors.append(exc)

    replica: dict[str, int] = {}

    def apply(changes: list[dict[str, Any]]) -> None:
        for change in changes:
            if change["op"] == "put":
                # Versions of one record only ever go up in the feed.
                assert change["version"] >= replica.get(change["id"], 0), change
                replica[change["id"]] = change["version"]
            else:
                replica.pop(change["id"], None)

    threads = [threading.Thread(target=write, args=(device, n)) for n, device in enumerate(writers)]
    for thread in threads:
        thread.start()
    pulls = 0

    def wait_for_writers() -> None:
        for thread in threads:
            thread.join()
        done.set()

    watcher = threading.Thread(target=wait_for_writers)
    watcher.start()
    while not done.is_set():
        # One page at a time, interleaved with the writers' commits.
        body = reader.pull_raw(reader.cursor, 25).json()
        reader.cursor = body["cursor"]
        apply(body["changes"])
        pulls += 1
        if not body["more"]:
            time.sleep(0.002)
    watcher.join()
    apply(reader.pull(limit=25))
    assert not errors, errors[0]

    final = {rid: change["version"] for rid, change in reader.everything().items()}
    assert replica == final
    people = {rid for rid, c in reader.everything().items() if c["entity"] == "person"}
    assert people == set(created)
    assert pulls > 3, "the reader should have pulled while the writers were writing"
