"""The ``gadeplan`` command: the installed console script and the bundle's entry point.

Python's cyclic garbage collector runs some sixty times while a window's start makes the
program's modules, classes and Qt's enums (about 7 ms before the unlocked window has painted,
bench/ui.py), and finds nothing to free: everything made then lives as long as the program.
So it is off from the first line until the unlocked window has painted (ui/main_window.py),
the gate has been open for a while (ui/app.py), or a command starts (app/cli.py).
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from types import ModuleType


def start() -> ModuleType:
    """The collector off, then the command line's modules: what every start waits for."""
    gc.disable()
    from gadeplan.app import cli

    return cli


def main(argv: Sequence[str] | None = None) -> int:
    return int(start().main(argv))
