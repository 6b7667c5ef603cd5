"""The worker thread: results on the GUI thread, bound to their owner, progress after 0.5 s."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QThread
from pytestqt.qtbot import QtBot

from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import Person
from gadeplan.app.services.access import ProfileAccess
from gadeplan.app.services.changes import Change
from gadeplan.ui.tasks import ChangeSet, Context, SyncRunner, ThreadedRunner, collect_changes
from tests.support import PASSPHRASE


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[ThreadedRunner]:
    threaded = ThreadedRunner()
    yield threaded
    threaded.shutdown()


def test_jobs_run_on_the_worker_and_answer_on_the_gui_thread(
    qtbot: QtBot, runner: ThreadedRunner
) -> None:
    owner = QObject()
    answers: list[tuple[object, object, bool]] = []

    def job(ctx: Context) -> object:
        return QThread.currentThread()

    def done(result: object, error: BaseException | None) -> None:
        answers.append((result, error, QThread.currentThread() is owner.thread()))

    runner.submit(owner, job, done)
    qtbot.waitUntil(lambda: bool(answers), timeout=2000)
    worker_thread, error, on_gui = answers[0]
    assert error is None
    assert worker_thread is not owner.thread()
    assert on_gui


def test_a_destroyed_or_forgetful_owner_gets_no_callback(
    qtbot: QtBot, runner: ThreadedRunner
) -> None:
    release = threading.Event()
    called: list[str] = []
    gone, forgetful, keeper = QObject(), QObject(), QObject()

    def slow(ctx: Context) -> int:
        release.wait(5)
        return 1

    runner.submit(gone, slow, lambda r, e: called.append("gone"))
    runner.submit(forgetful, lambda ctx: 2, lambda r, e: called.append("forgetful"))
    runner.submit(keeper, lambda ctx: 3, lambda r, e: called.append("keeper"))
    import shiboken6

    shiboken6.delete(gone)
    runner.forget(forgetful)
    release.set()
    qtbot.waitUntil(lambda: called == ["keeper"], timeout=2000)


def test_progress_shows_only_after_half_a_second(qtbot: QtBot, runner: ThreadedRunner) -> None:
    owner = QObject()
    release = threading.Event()
    runner.submit(owner, lambda ctx: release.wait(5))
    assert not runner.busy
    started = time.monotonic()
    with qtbot.waitSignal(runner.busy_changed, timeout=3000) as shown:
        pass
    assert shown.args == [True]
    assert time.monotonic() - started >= 0.4
    with qtbot.waitSignal(runner.busy_changed, timeout=3000) as hidden:
        release.set()
    assert hidden.args == [False]


def test_quick_work_never_shows_progress(qtbot: QtBot, runner: ThreadedRunner) -> None:
    shown: list[bool] = []
    runner.busy_changed.connect(shown.append)
    done: list[int] = []
    runner.submit(QObject(runner), lambda ctx: 1, lambda r, e: done.append(1))
    qtbot.waitUntil(lambda: bool(done), timeout=2000)
    qtbot.wait(600)  # past the progress delay: nothing may appear
    assert shown == []


def test_background_work_shows_no_progress_but_work_behind_it_does(
    qtbot: QtBot, runner: ThreadedRunner
) -> None:
    """An automatic sync (background) says so in the status bar, not with a busy cursor; a
    search queued behind it still shows that the window is working."""
    shown: list[bool] = []
    runner.busy_changed.connect(shown.append)
    release = threading.Event()
    owner = QObject(runner)
    runner.submit(owner, lambda ctx: release.wait(5), background=True)
    qtbot.wait(600)
    assert shown == []
    done: list[int] = []
    runner.submit(owner, lambda ctx: 1, lambda r, e: done.append(1))
    qtbot.waitUntil(lambda: shown == [True], timeout=3000)
    release.set()
    qtbot.waitUntil(lambda: shown == [True, False] and bool(done), timeout=3000)


def test_prefetch_work_waits_for_what_is_asked_meanwhile(
    qtbot: QtBot, runner: ThreadedRunner
) -> None:
    """Today's radar is worked out before anyone asked: a search typed meanwhile goes first,
    work already running is not interrupted, and prefetch work nobody waits for is dropped
    without a word."""
    release = threading.Event()
    ran: list[str] = []
    failed: list[BaseException] = []
    runner.failed.connect(failed.append)
    owner, gone = QObject(runner), QObject(runner)

    def step(name: str) -> Callable[[Context], None]:
        def job(ctx: Context) -> None:
            if name == "running":
                release.wait(5)
            ran.append(name)

        return job

    runner.submit(owner, step("running"))
    runner.submit(owner, step("prefetch"), lambda r, e: None, prefetch=True)
    runner.submit(gone, step("nobody waits"), lambda r, e: None, prefetch=True)
    runner.submit(owner, step("asked"))
    import shiboken6

    shiboken6.delete(gone)
    release.set()
    qtbot.waitUntil(lambda: len(ran) == 3, timeout=3000)
    qtbot.wait(50)  # nothing more arrives
    assert ran == ["running", "asked", "prefetch"]
    assert failed == []
    # An idle worker takes prefetch work at once.
    runner.submit(owner, step("idle prefetch"), lambda r, e: None, prefetch=True)
    qtbot.waitUntil(lambda: ran[-1] == "idle prefetch", timeout=2000)


def test_the_session_lives_and_dies_on_the_worker(
    qtbot: QtBot, runner: ThreadedRunner, access: ProfileAccess, profile_dir: Path
) -> None:
    access.create(PASSPHRASE).session.lock()
    owner = QObject()
    results: list[object] = []
    runner.submit(owner, lambda ctx: ctx.open(access.open(PASSPHRASE)), lambda r, e: None)
    runner.submit(owner, lambda ctx: ctx.require().identity.team_id, lambda r, e: results.append(r))
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    runner.shutdown()
    # Closed on the worker: the profile can be opened again by someone else.
    access.open(PASSPHRASE).lock()


def test_writes_announce_what_changed(qtbot: QtBot, access: ProfileAccess) -> None:
    runner = SyncRunner()
    runner.context.open(access.create(PASSPHRASE).session)
    changes: list[ChangeSet] = []
    runner.data_changed.connect(changes.append)
    owner = QObject()

    def job(ctx: Context) -> Change | None:
        session = ctx.require()
        return session.save(Person(id=new_id(), team_id=session.identity.team_id, alias="Bamse"))

    runner.submit(owner, job, mutates=True)
    assert changes
    assert changes[0].entities == {"person"}
    runner.shutdown()


def test_bugs_are_reported_apart_from_environment_errors(qtbot: QtBot) -> None:
    runner = SyncRunner()
    bugs: list[BaseException] = []
    errors: list[BaseException | None] = []
    runner.bug.connect(bugs.append)
    owner = QObject()
    runner.submit(owner, lambda ctx: ctx.require(), lambda r, e: errors.append(e))  # locked
    assert errors
    assert not bugs

    def broken(ctx: Context) -> int:
        raise ZeroDivisionError

    runner.submit(owner, broken, lambda r, e: errors.append(e))
    assert len(bugs) == 1


def test_collect_changes_walks_results() -> None:
    change = Change("encounter", "e1", "p1", "upsert", ("note",), 1)
    assert collect_changes([change, None]).person_ids == {"p1"}
    assert collect_changes(None).entities == frozenset()
