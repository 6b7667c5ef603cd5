"""The pull's read-ahead: pages fetched one request at a time, in order, at most a few ahead.

The engine tests run it against the real backend; these drive it with a fetch function that
records what it was asked, so the order, the bound and the stops can be checked exactly.
"""

from __future__ import annotations

import threading
import time

import pytest

from gadeplan.sync.engine import _PageAhead

LAST = 12


class Feed:
    """Pages 0..LAST; the page for cursor "c<n>" is n. Fails at ``fail_at``."""

    def __init__(self, fail_at: int | None = None, delay: float = 0.0) -> None:
        self.asked: list[str | None] = []
        self.running = 0
        self.most_running = 0
        self.fail_at = fail_at
        self.delay = delay
        self._lock = threading.Lock()

    def fetch(self, cursor: str | None) -> int:
        with self._lock:
            self.asked.append(cursor)
            self.running += 1
            self.most_running = max(self.most_running, self.running)
        try:
            time.sleep(self.delay)
            number = 0 if cursor is None else int(cursor[1:])
            if number == self.fail_at:
                raise ConnectionError(f"page {number} failed")
            return number
        finally:
            with self._lock:
                self.running -= 1


def following(page: int) -> str | None:
    return f"c{page + 1}" if page < LAST else None


def test_pages_come_in_order_one_request_at_a_time() -> None:
    feed = Feed(delay=0.002)
    got = []
    with _PageAhead(feed.fetch, following, depth=3) as ahead:
        cursor: str | None = None
        while True:
            page = ahead.get(cursor)
            got.append(page)
            cursor = following(page)
            if cursor is None:
                break
            ahead.start(cursor)
            time.sleep(0.004)  # writing the page takes longer than fetching the next
    assert got == list(range(LAST + 1))
    assert feed.asked == [None] + [f"c{n}" for n in range(1, LAST + 1)]  # each page once
    assert feed.most_running == 1


def test_no_more_than_depth_pages_wait_unread() -> None:
    feed = Feed()
    with _PageAhead(feed.fetch, following, depth=3) as ahead:
        assert ahead.get(None) == 0
        ahead.start("c1")
        deadline = time.monotonic() + 5
        while not ahead.arrived("c3") and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(0.05)  # had it gone on, c4 would be asked by now
        assert feed.asked == [None, "c1", "c2", "c3"]
        assert ahead.get("c1") == 1  # taking one makes room for the next
        deadline = time.monotonic() + 5
        while not ahead.arrived("c4") and time.monotonic() < deadline:
            time.sleep(0.005)
        assert feed.asked[-1] == "c4"


def test_a_failed_fetch_ends_the_chain_and_is_told_when_its_page_is_asked_for() -> None:
    feed = Feed(fail_at=3)
    with _PageAhead(feed.fetch, following, depth=5) as ahead:
        assert ahead.get(None) == 0
        ahead.start("c1")
        assert ahead.get("c1") == 1
        assert ahead.get("c2") == 2
        assert not ahead.arrived("c3")
        with pytest.raises(ConnectionError):
            ahead.get("c3")
    assert feed.asked == [None, "c1", "c2", "c3"]  # nothing after the failure


def test_asking_for_another_cursor_drops_the_pages_fetched_ahead() -> None:
    feed = Feed()
    with _PageAhead(feed.fetch, following, depth=2) as ahead:
        ahead.start("c5")
        assert ahead.get(None) == 0  # a reset: everything again, from the start
        assert feed.most_running == 1
        asked = list(feed.asked)
        time.sleep(0.05)
        assert feed.asked == asked  # the dropped chain asked for nothing more
        assert ahead.get("c1") == 1


def test_nothing_is_fetched_after_the_block() -> None:
    feed = Feed(delay=0.01)
    with _PageAhead(feed.fetch, following, depth=3) as ahead:
        ahead.start("c1")
    asked = list(feed.asked)
    time.sleep(0.05)
    assert feed.asked == asked
    assert feed.running == 0
