"""The program's log: for IT, never for personal data.

Log lines name what happened (a code, a count, an exit status), never a name, a CPR number, a
note, a search text or a person's id. The file sits in the platform's user log folder, where
IT looks for it (docs/it-guide.md), and rotates so it never grows without bound.
"""

from __future__ import annotations

import logging
from pathlib import Path

import platformdirs

from gadeplan.app.policy import APP_NAME

LOG_FILE = "gadeplan.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def configure(
    level: int = logging.INFO, *, console: bool = False, rotating: bool = True
) -> Path | None:
    """Send the program's log to the rotating file (and to stderr for --debug).

    A log folder that cannot be written is no reason to stop outreach work: the program then
    runs without a log file. ``rotating=False`` (the window's start) appends to the same file
    without the rotation until :func:`rotate` is called: Python's rotating handler comes with
    ``logging.handlers``, whose socket and pickle modules are 6 ms of every start; the window
    calls it once it has painted, a fraction of a second later.
    """
    root = logging.getLogger("gadeplan")
    root.setLevel(level)
    for old in list(root.handlers):
        root.removeHandler(old)
        old.close()
    path: Path | None = log_dir() / LOG_FILE
    handler: logging.Handler
    try:
        assert path is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _rotating(path) if rotating else _Appending(path, encoding="utf-8")
    except OSError:
        path = None
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    if console:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter(_FORMAT))
        root.addHandler(stream)
    root.propagate = False
    return path


def rotate() -> None:
    """Replace the appending file handler of ``configure(rotating=False)`` by the rotating one
    (which rotates at its first line if the file has grown too big). Idempotent."""
    root = logging.getLogger("gadeplan")
    for old in list(root.handlers):
        if isinstance(old, _Appending):
            try:
                new: logging.Handler = _rotating(Path(old.baseFilename))
            except OSError:
                return  # the appending one goes on; the next start tries again
            new.setFormatter(old.formatter)
            root.addHandler(new)
            root.removeHandler(old)
            old.close()


class _Appending(logging.FileHandler):
    """The log file without rotation, for the first moments of the window's start."""


def _rotating(path: Path) -> logging.Handler:
    import logging.handlers

    return logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
