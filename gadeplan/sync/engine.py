"""The sync engine: register the device, push the outbox, pull the server's changes.

The order of one sync is push, then pull. Pushing first means the pull that follows already
carries the server's verdict on the worker's own edits (merged values and conflicts), so the
worker sees one consistent picture at the end of a sync.

Guarantees, from the protocol:

- A mutation leaves the outbox only when the server answered it (applied, conflict, rejected,
  gone). A lost answer makes the next push repeat the same ids; the server recognises them.
- A pulled page and the cursor after it commit in one local transaction (with the pages
  before it that had already arrived: see _pull).
- A pulled record with unsent local edits is merged field by field (higher HLC wins).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

import pydantic
import stamina

from gadeplan.storage.records import LocalState
from gadeplan.storage.sync_state import (
    CLOCK_SKEW,
    CURSOR,
    LAST_ERROR,
    LAST_SYNC,
    REFRESH_TOKEN,
    RESETTING,
    SyncStore,
)
from gadeplan.sync.errors import ProtocolError, ResetRequired, SyncError, Unauthorized
from gadeplan.sync.reports import AlreadySyncing, Registration, SyncReport
from gadeplan.sync.schemas import (
    MAX_MUTATION_BYTES,
    MAX_PULL_LIMIT,
    MAX_PUSH_BYTES,
    MAX_PUSH_MUTATIONS,
    PATH_PULL,
    PATH_PUSH,
    PATH_REGISTER,
    PATH_TOKEN,
    PullResponse,
    PushResponse,
    RegisterResponse,
    TokenResponse,
    wire_size,
)
from gadeplan.sync.transport import Transport

#: How long one pull transaction may go on taking pages that have arrived (see _pull): long
#: enough to spare most commits of a first sync, short enough that the screens, which wait
#: for the store meanwhile, hardly notice.
PULL_COMMIT_SECONDS = 1.0
#: Pages fetched ahead of the one being written. Each is about 1000 records (a few MB as
#: Python objects), so this bounds the memory a first sync holds.
PULL_PAGES_AHEAD = 3

#: Room for the request envelope around the mutations.
_ENVELOPE = 1024


M = TypeVar("M", bound=pydantic.BaseModel)


def _parse(model: type[M], answer: dict[str, Any]) -> M:
    try:
        return model.model_validate(answer)
    except pydantic.ValidationError as exc:
        raise ProtocolError(f"the server's answer is not a valid {model.__name__}") from exc


def _is_transient(exc: Exception) -> bool:
    return isinstance(exc, SyncError) and exc.transient


class SyncEngine:
    """One device's sync with one backend. Thread-safe: one sync at a time."""

    def __init__(
        self,
        sync_store: SyncStore,
        transport: Transport,
        *,
        attempts: int = 4,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.state = sync_store
        self.transport = transport
        self._attempts = attempts
        self._wall = wall
        self._running = threading.Lock()
        self._access_token: str | None = None
        self._access_expires = 0.0

    # --- registration and tokens -------------------------------------------------------------

    def register(self, username: str, password: str, device_name: str) -> Registration:
        answer = _parse(
            RegisterResponse,
            self.transport.post(
                PATH_REGISTER,
                {"username": username, "password": password, "device_name": device_name},
            ),
        )
        teams = answer.worker.teams
        if not teams:
            raise SyncError("this worker belongs to no team at the backend")
        registration = Registration(
            device_id=answer.device_id,
            worker_id=answer.worker.id,
            worker_name=answer.worker.name,
            team_id=teams[0].id,
            team_names=tuple(t.name for t in teams),
        )
        with self.state.store.write() as conn:
            self.state.register(
                conn,
                server_url=self.transport.base_url,
                device_id=registration.device_id,
                refresh_token=answer.refresh_token,
                worker_id=registration.worker_id,
                worker_name=registration.worker_name,
                team_id=registration.team_id,
            )
        self._remember_access(answer.access_token, answer.expires_in)
        return registration

    def _remember_access(self, token: str, expires_in: int) -> None:
        self._access_token = token
        # Renew a little early, so a token never expires between two requests of one sync.
        self._access_expires = self._wall() + max(0.0, float(expires_in) - 15)

    def _token(self) -> str:
        if self._access_token and self._wall() < self._access_expires:
            return self._access_token
        with self.state.store.read() as conn:
            device_id = LocalState.get(conn, LocalState.DEVICE_ID)
            refresh = LocalState.get(conn, REFRESH_TOKEN)
        if not refresh or not device_id:
            raise Unauthorized("this device is not registered with a backend")
        answer = _parse(
            TokenResponse,
            self.transport.post(PATH_TOKEN, {"device_id": device_id, "refresh_token": refresh}),
        )
        # The rotated refresh token is saved before the access token is used: the old one is
        # now spent, and presenting it again would look like theft to the server.
        self.state.set_now(REFRESH_TOKEN, answer.refresh_token)
        self._remember_access(answer.access_token, answer.expires_in)
        assert self._access_token is not None
        return self._access_token

    def _call(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        """One authorised request, retried with exponential backoff and jitter while the
        failure is transient (offline, timeouts, 5xx, 429)."""
        for attempt in stamina.retry_context(
            on=_is_transient, attempts=self._attempts, wait_initial=0.5, wait_max=10.0
        ):
            with attempt:
                try:
                    return self.transport.post(path, body, token=self._token())
                except Unauthorized:
                    # An access token can expire early (server restart, clock): renew once.
                    self._access_token = None
                    return self.transport.post(path, body, token=self._token())
        raise AssertionError("unreachable")  # pragma: no cover

    # --- one sync ----------------------------------------------------------------------------

    def sync_once(self, progress: Callable[[str, int], None] | None = None) -> SyncReport:
        if not self._running.acquire(blocking=False):
            raise AlreadySyncing("a sync is already running")
        try:
            report = SyncReport()
            try:
                self._push(report, progress)
                self._pull(report, progress)
                if report.erased:
                    # Erasures empty unsent mutations rather than leaving holes; send those
                    # now, so the queue is empty at the end of the sync.
                    self._push(report, progress)
            except SyncError as exc:
                self.state.set_now(LAST_ERROR, exc.code)
                raise
            with self.state.store.write() as conn:
                self.state.set(conn, LAST_SYNC, datetime.now(UTC).isoformat(timespec="seconds"))
                self.state.set(conn, LAST_ERROR, None)
                report.clock_skew = LocalState.get(conn, CLOCK_SKEW) is not None
            return report
        finally:
            self._running.release()

    def _next_batch(self) -> tuple[list[dict[str, Any]], set[int]]:
        """Up to 200 mutations and 1 MiB, as wire dicts, and the ids of any sent stripped.

        A mutation larger than the server's limit cannot be in the outbox (records are
        validated for size when saved); should one be there all the same, it is sent with no
        fields, so the server answers it (a no-op, or a rejection) and the mutation ids stay
        contiguous, and it is reported to the worker as rejected. The queue never blocks.
        """
        entries = self.state.repo.outbox(limit=MAX_PUSH_MUTATIONS)
        batch: list[dict[str, Any]] = []
        stripped: set[int] = set()
        size = _ENVELOPE
        for entry in entries:
            wire = entry.to_wire()
            entry_size = wire_size(wire)
            if entry_size > MAX_MUTATION_BYTES:
                wire = {**wire, "fields": {}, "old": {}}
                stripped.add(entry.mutation_id)
                entry_size = wire_size(wire)
            if batch and size + entry_size > MAX_PUSH_BYTES:
                break
            batch.append(wire)
            size += entry_size + 1
        return batch, stripped

    def _push(self, report: SyncReport, progress: Callable[[str, int], None] | None) -> None:
        with self.state.store.read() as conn:
            device_id = LocalState.get(conn, LocalState.DEVICE_ID)
        while True:
            batch, stripped = self._next_batch()
            if not batch:
                return
            answer = _parse(
                PushResponse,
                self._call(PATH_PUSH, {"device_id": device_id, "mutations": batch}),
            )
            results = [r.model_dump(mode="json") for r in answer.results]
            for result in results:
                if result["mutation_id"] in stripped:
                    result.update(status="rejected", error="too_large")
            with self.state.store.write() as conn:
                report.rejected.extend(self.state.acknowledge(conn, results))
            answered = {r.mutation_id for r in answer.results}
            if not answered & {int(m["mutation_id"]) for m in batch}:
                raise SyncError("the server answered none of the pushed mutations")
            report.pushed += len(answered)
            if progress:
                progress("push", report.pushed)

    def _fetch_page(self, cursor: str | None) -> tuple[PullResponse, list[dict[str, Any]]]:
        body = self._call(PATH_PULL, {"cursor": cursor, "limit": MAX_PULL_LIMIT})
        answer = _parse(PullResponse, body)
        # The changes as received, now that they are known to be valid: what the store reads
        # of them is the same as in the parsed models, and dumping 1000 models back to dicts
        # cost more than parsing them.
        return answer, body["changes"]

    def _pull(self, report: SyncReport, progress: Callable[[str, int], None] | None) -> None:
        # While a page is written to the store, the next ones are already being fetched (the
        # server prepares them meanwhile): requests still go one at a time and in the same
        # order, and each page and its cursor commit together, never a page without its cursor.
        with _PageAhead(self._fetch_page, _following) as ahead:
            more = True
            while more:
                cursor = self.state.get(CURSOR)
                try:
                    answer, changes = ahead.get(cursor)
                except ResetRequired:
                    if cursor is None:
                        raise  # a full pull cannot be refused: a server bug, not ours to loop on
                    with self.state.store.write() as conn:
                        self.state.begin_reset(conn)
                    report.reset = True
                    continue
                with self.state.store.write() as conn:
                    # Pages that have already arrived go into the same transaction, up to
                    # PULL_COMMIT_SECONDS. On a full store most of a page's cost is the
                    # commit: the index pages it touches are encrypted and written out again
                    # at every commit, and the same pages at the next one (a first sync of
                    # 290,000 records: 3,700 records/s committing each page, 6,000 committing
                    # 5 pages). The transaction never waits for the network, and a fetch that
                    # failed is left for the loop above, so a crash or an error repeats at
                    # most these pages, which is harmless.
                    started = time.monotonic()
                    while True:
                        more = self._apply_page(conn, answer, changes, report, ahead)
                        if progress:
                            progress("pull", report.pulled)
                        if (
                            not more
                            or time.monotonic() - started >= PULL_COMMIT_SECONDS
                            or not ahead.arrived(answer.cursor)
                        ):
                            break
                        answer, changes = ahead.get(answer.cursor)

    def _apply_page(
        self,
        conn: Any,
        answer: PullResponse,
        changes: list[dict[str, Any]],
        report: SyncReport,
        ahead: _PageAhead[tuple[PullResponse, list[dict[str, Any]]]],
    ) -> bool:
        """Apply one page and its cursor; start fetching the next. True if there is more."""
        if answer.more:
            ahead.start(answer.cursor)
        applied = self.state.apply_changes(conn, changes)
        self.state.set(conn, CURSOR, answer.cursor)
        self.state.observe_server_hlc(conn, answer.server_hlc)
        if not answer.more and LocalState.get(conn, RESETTING) == "1":
            self.state.finish_reset(conn)
        report.pulled += applied.put + applied.deleted
        report.erased += applied.erased
        report.removed += applied.removed
        report.kept_local += applied.kept_local
        return answer.more


def _following(page: tuple[PullResponse, list[dict[str, Any]]]) -> str | None:
    return page[0].cursor if page[0].more else None


P = TypeVar("P")


class _PageAhead(Generic[P]):
    """Up to ``depth`` pages fetched ahead, each from the cursor of the one before.

    Requests still go one at a time and in order (one worker thread), so the server sees the
    same requests as without read-ahead, only without pauses: with one page ahead, the server
    prepared the next page while a page was written, and then waited until the writing was
    done before it was asked again; two processes of about equal speed spent a fifth of a
    first sync waiting for each other.

    :meth:`get` returns the page for a cursor: a fetched (or fetching) page's result or
    exception, else a fetch made there and then after the others have stopped. A failed fetch
    ends the chain. Leaving the block cancels what has not started and waits for what has,
    so no request outlives the sync that made it.
    """

    def __init__(
        self,
        fetch: Callable[[str | None], P],
        next_cursor: Callable[[P], str | None],
        depth: int = PULL_PAGES_AHEAD,
    ) -> None:
        self._fetch = fetch
        self._next_cursor = next_cursor
        self._depth = depth
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gadeplan-pull")
        self._lock = threading.Lock()
        #: Fetched or fetching pages not yet taken, by cursor, in request order.
        self._pages: dict[str | None, Future[P]] = {}
        #: The next page's cursor when the chain stopped because ``depth`` pages were waiting.
        self._paused: str | None = None
        #: Bumped when the chain is dropped, so a fetch finishing after that starts no other.
        self._generation = 0
        self._closed = False

    def __enter__(self) -> _PageAhead[P]:
        return self

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)

    def start(self, cursor: str) -> None:
        """Make sure the page for ``cursor`` is being fetched (the caller will want it next)."""
        with self._lock:
            if cursor in self._pages:
                return
            if cursor == self._paused:
                self._paused = None
                self._submit(cursor)
                return
        self._drop()
        with self._lock:
            self._submit(cursor)

    def get(self, cursor: str | None) -> P:
        with self._lock:
            future = self._pages.pop(cursor, None)
            if future is not None and self._paused is not None:
                paused, self._paused = self._paused, None
                self._submit(paused)
        if future is not None:
            return future.result()
        self._drop()
        return self._fetch(cursor)

    def arrived(self, cursor: str) -> bool:
        """Whether the page for ``cursor`` is here and good, so getting it will not wait."""
        with self._lock:
            future = self._pages.get(cursor)
        return future is not None and future.done() and future.exception() is None

    def _submit(self, cursor: str) -> None:
        # Called with the lock held.
        if not self._closed:
            self._pages[cursor] = self._pool.submit(self._run, cursor, self._generation)

    def _run(self, cursor: str, generation: int) -> P:
        page = self._fetch(cursor)
        following = self._next_cursor(page)
        if following is not None:
            with self._lock:
                if generation != self._generation:
                    pass  # dropped meanwhile
                elif len(self._pages) < self._depth:  # this page counts until it is taken
                    self._submit(following)
                else:
                    self._paused = following
        return page

    def _drop(self) -> None:
        """Stop the chain: pages fetched for other cursors go unused, requests stay one at a
        time (one still running is waited for)."""
        with self._lock:
            pages = list(self._pages.values())
            self._pages.clear()
            self._paused = None
            self._generation += 1
        for future in pages:
            future.cancel()
        wait(pages)
