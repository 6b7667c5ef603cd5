"""The text of a PDF written by Qt's QPdfWriter, in pure Python, for tests.

Qt embeds each font as a CID font (Identity-H) with a ToUnicode map and positions every glyph
with its own ``Td``; spaces are not glyphs but gaps. So this reads the objects, inflates the
streams, maps glyph codes to characters per font, and puts a space where the gap before a glyph
is wider than the previous glyph's advance (from the font's ``/W`` widths), and a line break
where the line moves. It also returns the document's metadata strings. It is not a general PDF
reader: it reads what Qt writes, which is all the tests need, and the tests check that it
finds the words that must be there before trusting it about those that must not.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import dataclass, field

_OBJECT = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*)\r?\nendstream", re.S)
_REF = r"(\d+) 0 R"


@dataclass
class _Font:
    chars: dict[int, str] = field(default_factory=dict)
    widths: dict[int, float] = field(default_factory=dict)

    def width(self, code: int) -> float:
        return self.widths.get(code, 600.0) / 1000.0


def _stream(body: bytes) -> bytes:
    match = _STREAM.search(body)
    if match is None:
        return b""
    raw = match.group(1)
    return zlib.decompress(raw) if b"/FlateDecode" in body.split(b"stream")[0] else raw


def _hex_codes(text: str) -> list[int]:
    return [int(text[i : i + 4], 16) for i in range(0, len(text) - 3, 4)]


def _to_unicode(cmap: str) -> dict[int, str]:
    chars: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            chars[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high, rest in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", block
        ):
            lo, hi = int(low, 16), int(high, 16)
            if rest.startswith("["):
                targets = re.findall(r"<([0-9A-Fa-f]+)>", rest)
                for offset, dst in enumerate(targets):
                    chars[lo + offset] = bytes.fromhex(dst).decode("utf-16-be")
            else:
                start = int(rest.strip("<>"), 16)
                for offset in range(hi - lo + 1):
                    chars[lo + offset] = chr(start + offset)
    return chars


def _widths(array: str) -> dict[int, float]:
    """``/W [c [w1 w2 ...] c_first c_last w ...]``."""
    widths: dict[int, float] = {}
    tokens = re.findall(r"\[|\]|[-\d.]+", array)
    i = 0
    while i < len(tokens):
        first = int(float(tokens[i]))
        if tokens[i + 1] == "[":
            j = i + 2
            code = first
            while tokens[j] != "]":
                widths[code] = float(tokens[j])
                code += 1
                j += 1
            i = j + 1
        else:
            last, width = int(float(tokens[i + 1])), float(tokens[i + 2])
            for code in range(first, last + 1):
                widths[code] = width
            i += 3
    return widths


def _w_array(body: str) -> str:
    """The ``/W`` array, brackets balanced."""
    start = body.find("/W [")
    if start < 0:
        return ""
    depth, i = 0, start + 3
    for i in range(start + 3, len(body)):
        if body[i] == "[":
            depth += 1
        elif body[i] == "]":
            depth -= 1
            if depth == 0:
                break
    return body[start + 4 : i]


def _metadata(objects: dict[int, bytes]) -> list[str]:
    found: list[str] = []
    for body in objects.values():
        head = body.split(b"stream")[0]
        for raw in re.findall(rb"\((\xfe\xff(?:[^\\)]|\\.)*)\)", head, re.S):
            found.append(raw[2:].decode("utf-16-be", errors="replace"))
        if b"/Subtype /XML" in head:
            found.append(_stream(body).decode("utf-8", errors="replace"))
    return found


def pdf_text(data: bytes) -> str:
    """Every page's text, pages and lines separated by newlines, then the metadata."""
    objects = {int(m.group(1)): m.group(2) for m in _OBJECT.finditer(data)}
    text = {k: v.split(b"stream")[0].decode("latin-1") for k, v in objects.items()}
    fonts: dict[int, _Font] = {}
    for number, head in text.items():
        if "/Type /Font" in head and "/Subtype /Type0" in head:
            font = _Font()
            unicode_ref = re.search(r"/ToUnicode " + _REF, head)
            if unicode_ref:
                font.chars = _to_unicode(_stream(objects[int(unicode_ref.group(1))]).decode())
            descendant = re.search(r"/DescendantFonts \[\s*" + _REF, head)
            if descendant:
                font.widths = _widths(_w_array(text[int(descendant.group(1))]))
            fonts[number] = font
    pages: list[str] = []
    heads = (h for h in text.values() if "/Type /Pages" in h)
    kids = next((re.search(r"/Kids\s*\[([^\]]*)\]", h) for h in heads), None)
    order = [int(n) for n in re.findall(_REF, kids.group(1))] if kids else []
    for page in order:
        head = text[page]
        resources = re.search(r"/Resources " + _REF, head)
        contents = re.search(r"/Contents " + _REF, head)
        if not resources or not contents:
            continue
        res = text[int(resources.group(1))]
        names = {
            name: int(ref) for name, ref in re.findall(r"/(F\d+) " + _REF, res.split("/Font")[-1])
        }
        stream = _stream(objects[int(contents.group(1))]).decode("latin-1")
        pages.append(_page_text(stream, {n: fonts.get(r, _Font()) for n, r in names.items()}))
    return "\n".join([*pages, *_metadata(objects)])


_TOKEN = re.compile(
    r"/(F\d+)\s+([-\d.]+)\s+Tf|([-\d.]+)\s+([-\d.]+)\s+Td|<([0-9A-Fa-f]*)>\s*Tj|\bET\b"
)


def _page_text(stream: str, fonts: dict[str, _Font]) -> str:
    out: list[str] = []
    font = _Font()
    size = 1.0
    advance = 0.0  # of the last glyph, in text space
    for match in _TOKEN.finditer(stream):
        name, points, dx, dy, glyphs = match.groups()
        if name is not None:
            font = fonts.get(name, _Font())
            size = float(points)
            advance = 0.0
        elif dx is not None:
            x, y = float(dx), float(dy)
            if abs(y) > 0.01:
                out.append("\n")
            elif advance and x - advance > 0.15 * size:
                out.append(" ")
            advance = 0.0
        elif glyphs is not None:
            codes = _hex_codes(glyphs)
            out.append("".join(font.chars.get(c, "\ufffd") for c in codes))
            advance = sum(font.width(c) for c in codes) * size
        else:  # ET: the next text object starts elsewhere
            out.append("\n")
            advance = 0.0
    # Qt maps its space glyph to a tab, and writes "fi" as a ligature: plain text again.
    text = unicodedata.normalize("NFKC", "".join(out)).replace("\t", " ")
    return re.sub(r" *\n[ \n]*", "\n", text)
