"""Render the program's icon from ``resources/icons/gadeplan.svg`` for each platform.

    python build/icons.py OUTPUT_FOLDER

writes ``gadeplan.png`` (256 px, for Linux desktops and the window), ``gadeplan.ico`` (Windows:
16 to 256 px in one file) and ``gadeplan.icns`` (macOS). Qt draws the PNGs; the two containers
are assembled here, since Qt's ico and icns writers put one size per file and both formats are
a short header and a table of PNGs (Windows Vista and later, macOS 10.7 and later, read PNG
entries). No image library is added to the build just for this.

The SVG is the only source; the committed ``resources/icons/gadeplan.png`` is this script's
output, kept so that the window has its icon when run from a checkout, without a build step.

Runs offscreen, so it works on a build server without a display.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "gadeplan.svg"
#: Windows picks the nearest size per context (title bar, taskbar, Explorer's views).
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: macOS's slots for PNG data: type code and pixel size (the @2x slots hold the double size).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
    (b"ic10", 1024),
)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(QSize(size, size), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, b"png")
    if not writer.write(image):
        raise SystemExit(f"PNG encoding failed: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def ico(renderer: QSvgRenderer) -> bytes:
    """ICONDIR, one ICONDIRENTRY per size, then the PNGs (a width of 0 means 256)."""
    pngs = [(size, png_bytes(render(renderer, size))) for size in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries = b""
    for size, data in pngs:
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(data for _, data in pngs)


def icns(renderer: QSvgRenderer) -> bytes:
    """The 'icns' magic and total length, then (type, length, PNG) per slot, big-endian."""
    cache: dict[int, bytes] = {}
    body = b""
    for code, size in ICNS_TYPES:
        data = cache.setdefault(size, png_bytes(render(renderer, size)))
        body += code + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 64
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    _app = QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE} is not a valid SVG")
    (out / "gadeplan.png").write_bytes(png_bytes(render(renderer, 256)))
    (out / "gadeplan.ico").write_bytes(ico(renderer))
    (out / "gadeplan.icns").write_bytes(icns(renderer))
    for name in sorted(p.name for p in out.iterdir()):
        print(out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
