"""The program's log file: rotating, and at the window's start appending until it has painted."""

from __future__ import annotations

import logging
import logging.handlers

from gadeplan.app import logs


def _file_handlers(logger: logging.Logger) -> list[logging.FileHandler]:
    return [h for h in logger.handlers if isinstance(h, logging.FileHandler)]


def test_a_command_logs_to_the_rotating_file_at_once(gadeplan_logger: logging.Logger) -> None:
    path = logs.configure()
    assert path is not None
    (handler,) = _file_handlers(gadeplan_logger)
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    gadeplan_logger.info("command stats finished with status 0")
    handler.flush()
    assert "command stats finished" in path.read_text("utf-8")


def test_the_window_appends_first_and_rotates_once_told(gadeplan_logger: logging.Logger) -> None:
    path = logs.configure(rotating=False)
    assert path is not None
    path.write_text("x" * 1_000_001, "utf-8")  # a log grown past its limit since last time
    (first,) = _file_handlers(gadeplan_logger)
    assert not isinstance(first, logging.handlers.RotatingFileHandler)
    gadeplan_logger.info("window started")
    first.flush()
    assert path.read_text("utf-8").endswith("window started\n")

    logs.rotate()
    logs.rotate()  # the next unlock's paint calls it again: nothing changes
    (second,) = _file_handlers(gadeplan_logger)
    assert isinstance(second, logging.handlers.RotatingFileHandler)
    assert second.formatter is not None
    gadeplan_logger.info("unlocked")
    second.flush()
    # The line that came after the limit went into a fresh file; the old one was kept.
    assert path.read_text("utf-8").endswith("gadeplan: unlocked\n")
    assert "window started" in path.with_name(path.name + ".1").read_text("utf-8")
    assert "x" * 1000 not in path.read_text("utf-8")
