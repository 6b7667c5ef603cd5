"""Helpers for the backend tests: a real server on 127.0.0.1 in a thread, and a small client
that speaks the protocol over real HTTP with httpx."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import uvicorn

from gadeplan.app.domain.hlc import HybridLogicalClock
from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import Encounter, Entity, Person
from gadeplan.backend.admin import Admin
from gadeplan.backend.app import create_app
from gadeplan.backend.db import Database
from gadeplan.backend.settings import PasswordHashing, Settings
from gadeplan.sync.schemas import (
    PATH_PULL,
    PATH_PUSH,
    PATH_REGISTER,
    PATH_TOKEN,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
)

#: Argon2id small enough for a suite that creates hundreds of workers.
FAST_HASHING = PasswordHashing(time_cost=1, memory_kib=8, parallelism=1)
PASSWORD = "hemmeligt-kodeord"


class MovableClock:
    """The real time plus an offset the test can move (token expiry, skew, retention)."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def today(self) -> Any:
        return self.now().date()

    def advance(self, **delta: float) -> None:
        self.offset += timedelta(**delta)


def make_settings(db_url: str) -> Settings:
    return Settings(
        db_url=db_url,
        name="Testkommune",
        access_token_seconds=300,
        login_max_failures=3,
        retention_interval_seconds=0,
        password_hashing=FAST_HASHING,
    )


class Server:
    """The real application served by uvicorn on 127.0.0.1, on a free port."""

    def __init__(self, kind: str, db_url: str) -> None:
        self.kind = kind
        self.clock = MovableClock()
        self._clients: list[httpx.Client] = []
        self.settings = make_settings(db_url)
        self.db = Database(db_url)
        self.admin = Admin(self.db, self.settings, self.clock)
        self.admin.init_db()
        self.app = create_app(self.settings, self.clock)
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self.port = int(self._sock.getsockname()[1])
        self.base_url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            self.app, log_level="warning", access_log=False, lifespan="on", timeout_keep_alive=30
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._sock]}, daemon=True
        )

    def start(self) -> None:
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        self.close_clients()
        self._server.should_exit = True
        self._thread.join(timeout=20)
        self._sock.close()
        self.db.dispose()

    def client(self, **headers: str) -> httpx.Client:
        client = httpx.Client(
            base_url=self.base_url,
            headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION), **headers},
            timeout=30,
        )
        self._clients.append(client)
        return client

    def close_clients(self) -> None:
        while self._clients:
            self._clients.pop().close()

    # --- test worlds ----------------------------------------------------------------------------

    def team(self, prefix: str = "Team") -> str:
        return self.admin.add_team(f"{prefix} {new_id()}")

    def team_name(self, team_id: str) -> str:
        from gadeplan.backend.models import Team

        with self.db.read() as session:
            team = session.get(Team, team_id)
            assert team is not None
            return team.name

    def worker(self, *team_ids: str) -> str:
        username = f"w-{new_id()}"
        self.admin.add_worker(username, PASSWORD, [self.team_name(t) for t in team_ids])
        return username

    def device(self, username: str) -> Device:
        http = self.client()
        response = http.post(
            PATH_REGISTER,
            json={"username": username, "password": PASSWORD, "device_name": "Test laptop"},
        )
        assert response.status_code == 200, response.text
        return Device(self, http, response.json())

    def new_device(self, *team_ids: str) -> Device:
        return self.device(self.worker(*team_ids))


@dataclass
class Device:
    """One registered laptop: its tokens, mutation counter, HLC and pull cursor."""

    server: Server
    http: httpx.Client
    registration: dict[str, Any]
    next_mutation_id: int = 1
    cursor: str | None = None
    seen: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.id: str = self.registration["device_id"]
        self.access: str = self.registration["access_token"]
        self.refresh: str = self.registration["refresh_token"]
        self.worker_id: str = self.registration["worker"]["id"]
        self.teams = [t["id"] for t in self.registration["worker"]["teams"]]
        self.team = self.teams[0]
        self.hlc = HybridLogicalClock(
            self.id, lambda: int(self.server.clock.now().timestamp() * 1000)
        )

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access}"}

    def mutation(
        self,
        entity: str,
        record_id: str,
        fields: dict[str, Any] | None = None,
        *,
        op: str = "upsert",
        base_version: int | None = None,
        hlc: str | None = None,
    ) -> dict[str, Any]:
        mutation = {
            "mutation_id": self.next_mutation_id,
            "entity": entity,
            "id": record_id,
            "op": op,
            "base_version": base_version,
            "hlc": hlc or self.hlc.now(),
            "fields": fields or {},
            "old": {},
        }
        self.next_mutation_id += 1
        return mutation

    def save(self, record: Entity, base_version: int | None = None) -> dict[str, Any]:
        return self.mutation(
            record.ENTITY, record.id, record.to_fields(), base_version=base_version
        )

    def push_raw(self, *mutations: dict[str, Any], device_id: str | None = None) -> httpx.Response:
        return self.http.post(
            PATH_PUSH,
            json={"device_id": device_id or self.id, "mutations": list(mutations)},
            headers=self.auth,
        )

    def push(self, *mutations: dict[str, Any]) -> list[dict[str, Any]]:
        response = self.push_raw(*mutations)
        assert response.status_code == 200, response.text
        body = response.json()
        results: list[dict[str, Any]] = body["results"]
        return results

    def pull_raw(self, cursor: str | None = None, limit: int = 1000) -> httpx.Response:
        return self.http.post(PATH_PULL, json={"cursor": cursor, "limit": limit}, headers=self.auth)

    def pull(self, limit: int = 1000) -> list[dict[str, Any]]:
        """Pull until ``more`` is false, keeping the cursor; returns the changes, and keeps
        ``seen`` as the local replica (id -> change) the way a client would."""
        changes: list[dict[str, Any]] = []
        while True:
            response = self.pull_raw(self.cursor, limit)
            assert response.status_code == 200, response.text
            body = response.json()
            self.hlc.observe(body["server_hlc"])
            self.cursor = body["cursor"]
            for change in body["changes"]:
                changes.append(change)
                if change["op"] == "put":
                    self.seen[change["id"]] = change
                else:
                    self.seen.pop(change["id"], None)
            if not body["more"]:
                return changes

    def token(self, refresh: str | None = None) -> httpx.Response:
        return self.http.post(
            PATH_TOKEN, json={"device_id": self.id, "refresh_token": refresh or self.refresh}
        )

    def record(self, record_id: str) -> dict[str, Any] | None:
        """The server's current state of a record as this device pulls it from scratch."""
        cursor: str | None = None
        found = None
        while True:
            body = self.pull_raw(cursor).json()
            for change in body["changes"]:
                if change["id"] == record_id:
                    found = change
            cursor = body["cursor"]
            if not body["more"]:
                return found

    def everything(self) -> dict[str, dict[str, Any]]:
        """A full pull from scratch: id -> put change."""
        state: dict[str, dict[str, Any]] = {}
        cursor: str | None = None
        while True:
            body = self.pull_raw(cursor).json()
            for change in body["changes"]:
                if change["op"] == "put":
                    state[change["id"]] = change
                else:
                    state.pop(change["id"], None)
            cursor = body["cursor"]
            if not body["more"]:
                return state

    def last_mutation_id(self) -> int:
        value: int = self.pull_raw(None, 1).json()["last_mutation_id"]
        return value


def person(team_id: str, alias: str = "Sorte Svend", **fields: Any) -> Person:
    return Person(id=new_id(), team_id=team_id, alias=alias, **fields)


def encounter(team_id: str, person_id: str | None, **fields: Any) -> Encounter:
    values: dict[str, Any] = {
        "occurred_at": datetime(2026, 11, 24, 22, 15, tzinfo=UTC),
        "channel": "street",
        "note": "Talte om natvarmestuen",
    }
    values.update(fields)
    return Encounter.from_fields(new_id(), {"team_id": team_id, "person_id": person_id, **values})


def iterate_pages(device: Device, limit: int) -> Iterator[dict[str, Any]]:
    cursor: str | None = None
    while True:
        body = device.pull_raw(cursor, limit).json()
        yield body
        cursor = body["cursor"]
        if not body["more"]:
            return
