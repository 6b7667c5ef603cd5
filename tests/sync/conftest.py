"""Client sync tests: real encrypted stores talking HTTP to the real backend on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
import stamina

from gadeplan.app.policy import Policy
from gadeplan.app.services.profile import create_profile
from gadeplan.app.services.session import Session
from gadeplan.app.services.sync import SyncService
from gadeplan.sync.transport import Transport
from tests.backend.support import PASSWORD, Server
from tests.support import FAST_KDF, PASSPHRASE, FixedClock


@pytest.fixture(autouse=True)
def no_backoff_waits() -> Iterator[None]:
    """Retries still happen (the faults need them), without the real waits."""
    with stamina.set_testing(True, attempts=4, cap=True):
        yield


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("sync-backend")
    server = Server("sqlite", f"sqlite:///{folder / 'server.sqlite3'}")
    server.start()
    yield server
    server.stop()


class Laptop:
    """One worker's laptop: its own encrypted profile, signed in to the backend."""

    def __init__(
        self,
        folder: Path,
        server: Server,
        username: str,
        http_transport: httpx.BaseTransport | None = None,
        clock: FixedClock | None = None,
    ) -> None:
        self.folder = folder
        self.clock = clock or FixedClock()
        self.session: Session = create_profile(
            folder, PASSPHRASE, policy=Policy(), kdf=FAST_KDF, clock=self.clock
        ).session
        self.transport = Transport(server.base_url, http_transport=http_transport)
        self.sync = SyncService(self.session, Policy(), transport=self.transport)
        self.registration = self.sync.register(server.base_url, username, PASSWORD, "Bærbar")

    @property
    def team(self) -> str:
        return self.session.identity.team_id

    def close(self) -> None:
        if self.session.store.is_open:
            self.session.lock()
        self.transport.close()


@pytest.fixture
def laptops(tmp_path: Path, backend: Server) -> Iterator[Callable[..., Laptop]]:
    made: list[Laptop] = []
    count = 0

    def make(
        username: str,
        http_transport: httpx.BaseTransport | None = None,
        clock: FixedClock | None = None,
    ) -> Laptop:
        nonlocal count
        count += 1
        laptop = Laptop(tmp_path / f"laptop{count}", backend, username, http_transport, clock)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.close()
