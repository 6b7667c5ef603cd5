"""The PySide6 program. The only package that imports Qt.

Importing it spares the start PySide6's source scan of every later import (see
:func:`_spare_pyside_feature_scan`).
"""

from __future__ import annotations

import os
import sys


def _spare_pyside_feature_scan() -> None:
    """Tells PySide6 up front that no module of this process selects a ``__feature__``.

    Once PySide6.QtCore is loaded, PySide6 reads the whole source of each module the first
    time an import statement names it (``inspect.getsource``), to see whether its text says
    "PySide6", for the opt-in ``from __feature__ import snake_case`` switches; it keeps the
    answer in a dictionary it publishes, ``PySide6.support.feature.pyside_feature_dict``
    (0: the module sees plain PySide6; -1: the module is not looked at). At a start that is
    some 70 modules, the program's and the standard library's, 4-8 ms of the time to the
    unlocked window (measured 2026-12-06). The program selects no feature anywhere, so plain
    PySide6 (0) is the right answer for every module: the scan's own answer for a module
    that uses PySide6, and without effect for one that never touches a Qt type. Entered here
    for the modules loaded now and every module of the program; anything else is scanned as
    before. Should a PySide6 release drop the dictionary, nothing is done (a test says so).
    """
    import PySide6.QtCore  # noqa: F401 - publishes the dictionary

    feature = sys.modules.get("PySide6.support.feature")
    selections = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(selections, dict):
        return
    for module in list(sys.modules):
        selections.setdefault(module, 0)
    # The program's modules by their files (a bundle has none on disk: nothing to do there,
    # and a module without a source file is not read anyway).
    package_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    top = os.path.dirname(package_root)
    for folder, subfolders, files in os.walk(package_root):
        subfolders[:] = [name for name in subfolders if not name.startswith(("_", "."))]
        package = os.path.relpath(folder, top).replace(os.sep, ".")
        for name in files:
            if name.endswith(".py"):
                module = package if name == "__init__.py" else f"{package}.{name[:-3]}"
                selections.setdefault(module, 0)


_spare_pyside_feature_scan()
