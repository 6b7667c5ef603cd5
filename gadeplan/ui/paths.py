"""Where the program's own files are: the translations and the icon.

In a checkout they are in ``resources/`` beside the package; in the PyInstaller bundle the spec
(``build/gadeplan.spec``) puts them in ``resources/`` under the bundle's data folder,
``sys._MEIPASS`` (``_internal/`` of the one-folder bundle, ``Contents/Resources`` in the macOS
app). Nothing is looked up relative to the working folder, which a shortcut can set to anything.
"""

from __future__ import annotations

import sys
from pathlib import Path

ICON_FILE = "gadeplan.png"


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def icon_path() -> Path:
    return resources_dir() / "icons" / ICON_FILE
