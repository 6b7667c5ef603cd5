"""Background work: every database call runs on one worker thread that owns the session.

Why one thread: SQLite has one writer anyway, the store serialises every statement behind one
lock, and "lock the program" must mean closing exactly one connection on the thread that opened
it. Argon2id (about half a second per unlock) runs there too, so the window never freezes.
Sync runs here as well: it reads and writes the store between its requests, and the store has
one writer. The window keeps its requests few and short (``ui/sync.py``), so a search waits
little behind a sync, and a second sync never starts while one runs.

Results come back to the GUI thread as ``done(result, error)``, bound to an owning QObject: if
the owner has been destroyed or has said it no longer wants results (a closed dialog), the
callback is dropped. A progress indicator is asked for only when work takes longer than half a
second (Anki's rule), so quick work never flickers. Tests use :class:`SyncRunner`, which runs
each job at once on the calling thread, so they are deterministic.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

import msgspec
import shiboken6
from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from gadeplan.app.domain.records import ENTITIES, Entity
from gadeplan.app.errors import PolicyError, StoreError, StoreLocked, ValidationError
from gadeplan.app.services.changes import Change
from gadeplan.app.services.session import Session

log = logging.getLogger(__name__)

T = TypeVar("T")
S = TypeVar("S")

#: How long work may take before the window shows that it is busy.
PROGRESS_DELAY_MS = 500


class Context:
    """What a job sees on the worker thread: the session while unlocked, and services that
    live as long as the session (caches such as the people directory)."""

    def __init__(self) -> None:
        self.session: Session | None = None
        self._services: dict[object, object] = {}

    def require(self) -> Session:
        if self.session is None:
            raise StoreLocked("the store is locked")
        return self.session

    def open(self, session: Session) -> None:
        self.close()
        self.session = session

    def close(self) -> None:
        """Lock: drop every cache, then close the store (the DEK goes with the connection)."""
        self._services.clear()
        if self.session is not None:
            session, self.session = self.session, None
            session.lock()

    def changed(self, changes: ChangeSet) -> None:
        """A write went through on this thread: services with caches update just that."""
        for service in self._services.values():
            note = getattr(service, "note_changes", None)
            if callable(note):
                note(changes.person_ids, changes.entities)

    def invalidate(self) -> None:
        """Data changed in ways no ChangeSet describes (a sync pull): drop every cache."""
        self._services.clear()

    def service(self, factory: Callable[[Session], S]) -> S:
        """One instance per session of a service built by ``factory``."""
        session = self.require()
        found = self._services.get(factory)
        if found is None:
            found = factory(session)
            self._services[factory] = found
        return found  # type: ignore[return-value]


Job = Callable[[Context], T]
Done = Callable[[T | None, BaseException | None], None]


def is_expected(error: BaseException) -> bool:
    """Errors from the environment or the worker's input, which the screen explains; anything
    else is a bug."""
    return isinstance(error, StoreError | ValidationError | PolicyError | OSError)


class ChangeSet(msgspec.Struct, frozen=True):
    """Which kinds of records, and whose, a write touched: enough for a screen to decide
    whether to reload."""

    entities: frozenset[str]
    person_ids: frozenset[str]
    #: Anything may have changed (a sync pulled records): every screen reloads.
    everything: bool = False

    def touches(self, person_id: str) -> bool:
        return self.everything or person_id in self.person_ids

    @classmethod
    def all(cls) -> ChangeSet:
        """What a sync that pulled records announces: no screen can know what it missed."""
        return cls(frozenset(ENTITIES), frozenset(), everything=True)


def collect_changes(result: object) -> ChangeSet:
    found: list[Change] = []

    def walk(value: object, depth: int) -> None:
        if depth > 3:
            return
        if isinstance(value, Change):
            found.append(value)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item, depth + 1)
        elif isinstance(value, msgspec.Struct) and not isinstance(value, Entity):
            # Results of the services (LogResult, CreatePersonResult ...) carry their changes.
            for name in value.__struct_fields__:
                walk(getattr(value, name), depth + 1)

    walk(result, 0)
    return ChangeSet(
        frozenset(c.entity for c in found),
        frozenset(c.person_id for c in found if c.person_id is not None),
    )


class _Mutated(msgspec.Struct, frozen=True):
    """A write's result with what it changed, worked out on the worker thread."""

    result: object
    changes: ChangeSet


def _announcing(write: Job[Any]) -> Job[_Mutated]:
    """Runs a write, then tells the worker's caches what changed, still on the worker."""

    def job(ctx: Context) -> _Mutated:
        result = write(ctx)
        changes = collect_changes(result)
        ctx.changed(changes)
        return _Mutated(result, changes)

    return job


class _Pending(msgspec.Struct):
    owner: QObject
    done: Done[Any] | None
    mutates: bool
    #: Work the worker did not ask for (an automatic sync, prefetch work): no busy cursor of
    #: its own.
    background: bool = False
    #: Shown before anyone asked (Today's radar): waits until the worker is idle.
    prefetch: bool = False


class TaskRunner(QObject):
    """The one way the window reaches the store."""

    #: True once work has taken longer than half a second; False when it is all done.
    busy_changed = Signal(bool)
    #: After a write succeeded: a ChangeSet, for screens to refresh from.
    data_changed = Signal(object)
    #: An error no callback handled, or a bug; the window tells the worker in plain words.
    failed = Signal(object)
    #: An error that is not the environment's or the worker's input: a bug (tests fail on it).
    bug = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: dict[int, _Pending] = {}
        #: Prefetch work not yet handed to the worker, oldest first.
        self._held: list[tuple[int, Job[Any]]] = []
        #: Handed to the worker and not yet answered.
        self._in_flight = 0
        self._next_ticket = 1
        self._busy = False
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(PROGRESS_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)

    # --- the public interface ------------------------------------------------------------------

    def submit(
        self,
        owner: QObject,
        job: Job[T],
        done: Done[T] | None = None,
        *,
        mutates: bool = False,
        background: bool = False,
        prefetch: bool = False,
    ) -> None:
        """Run ``job`` on the worker; call ``done(result, error)`` on the GUI thread while
        ``owner`` still exists. With ``mutates``, a success also announces what changed.
        ``background`` work (an automatic sync, which the status bar reports) shows no busy
        cursor itself; work queued behind it still does after half a second.

        ``prefetch`` work (shown before anyone asked for it, and writing nothing a screen
        shows: Today's radar, which only logs that it was made) is handed to the worker
        only when it has nothing else to do, so what the worker asks
        for meanwhile goes first: a name typed into quick log right after unlocking is
        looked up before the radar is worked out, not half a second after. Work already
        running is never interrupted, and prefetch work whose owner is gone is dropped."""
        ticket = self._next_ticket
        self._next_ticket += 1
        quiet = background or prefetch
        self._pending[ticket] = _Pending(owner, done, mutates, quiet, prefetch)
        if not quiet and not self._busy_timer.isActive() and not self._busy:
            self._busy_timer.start()
        wrapped = _announcing(job) if mutates else job
        if prefetch:
            self._held.append((ticket, wrapped))
            self._release()
        else:
            self._send(ticket, wrapped)

    def forget(self, owner: QObject) -> None:
        """The owner wants no more results (a dialog being closed); its work still finishes,
        so nothing half-written is left behind."""
        for pending in self._pending.values():
            if pending.owner is owner:
                pending.done = None

    def shutdown(self) -> None:
        """Close the store and stop the worker; the window is going away."""

    @property
    def busy(self) -> bool:
        return self._busy

    # --- for subclasses ------------------------------------------------------------------------

    def _dispatch(self, ticket: int, job: Job[Any]) -> None:
        raise NotImplementedError

    def _send(self, ticket: int, job: Job[Any]) -> None:
        self._in_flight += 1
        self._dispatch(ticket, job)

    def _release(self) -> None:
        """Hands the oldest prefetch work to an idle worker."""
        while self._held and self._in_flight == 0:
            ticket, job = self._held.pop(0)
            pending = self._pending.get(ticket)
            if pending is None or pending.done is None or not shiboken6.isValid(pending.owner):
                self._pending.pop(ticket, None)  # nobody waits for it any more
                continue
            self._send(ticket, job)

    def _deliver(self, ticket: int, result: object, error: BaseException | None) -> None:
        self._in_flight -= 1
        try:
            self._answer(ticket, result, error)
        finally:
            self._release()

    def _answer(self, ticket: int, result: object, error: BaseException | None) -> None:
        pending = self._pending.pop(ticket, None)
        if not self._foreground():
            self._busy_timer.stop()
            if self._busy:
                self._busy = False
                self.busy_changed.emit(False)
        if pending is None:
            return
        if error is not None and not is_expected(error):
            # A bug. Its type is safe to log; its text and traceback may quote personal data.
            log.error("background job failed: %s", type(error).__name__)
            self.bug.emit(error)
        alive = shiboken6.isValid(pending.owner)
        if isinstance(result, _Mutated):
            self.data_changed.emit(result.changes)
            result = result.result
        if pending.done is not None and alive:
            pending.done(result, error)
        elif error is not None and not pending.prefetch:
            self.failed.emit(error)

    def _foreground(self) -> bool:
        return any(not p.background for p in self._pending.values())

    def _show_busy(self) -> None:
        if self._foreground() and not self._busy:
            self._busy = True
            self.busy_changed.emit(True)


class _Worker(QObject):
    finished = Signal(int, object, object)

    def __init__(self) -> None:
        super().__init__()
        self.context = Context()

    @Slot(int, object)
    def run(self, ticket: int, job: Job[Any]) -> None:
        try:
            result, error = job(self.context), None
        except Exception as exc:
            result, error = None, exc
        self.finished.emit(ticket, result, error)

    @Slot()
    def stop(self) -> None:
        try:
            self.context.close()
        finally:
            thread = QThread.currentThread()
            thread.quit()


class ThreadedRunner(TaskRunner):
    """The program's runner: one QThread that owns the session."""

    _request = Signal(int, object)
    _stop = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("gadeplan-db")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.run)
        self._stop.connect(self._worker.stop)
        self._worker.finished.connect(self._deliver)
        self._thread.start()

    def _dispatch(self, ticket: int, job: Job[Any]) -> None:
        self._request.emit(ticket, job)

    def shutdown(self) -> None:
        if not self._thread.isRunning():
            return
        # Queued behind any running job, so a write in progress finishes before the close.
        self._stop.emit()
        self._thread.wait()
        self._pending.clear()
        self._held.clear()


class SyncRunner(TaskRunner):
    """Runs each job at once on the calling thread: deterministic tests, same contract."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = Context()

    def _dispatch(self, ticket: int, job: Job[Any]) -> None:
        try:
            result, error = job(self.context), None
        except Exception as exc:
            result, error = None, exc
        self._deliver(ticket, result, error)

    def shutdown(self) -> None:
        self.context.close()
