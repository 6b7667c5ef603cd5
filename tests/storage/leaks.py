"""Looking for synthetic markers in bytes: shared by the marker and erasure tests.

A leak rarely looks like the text the worker typed. It may be the folded search form
(``quonkmarker`` for ``Quønkmarker``), a single word cut out by the tokenizer, UTF-16 from a
Windows API or Qt, or JSON with ``\\u00f8`` escapes from a settings file. Each marker is
therefore expanded into all of these before a scan, and every scan has a control test that
plants the needles and expects to find them.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from gadeplan.app.domain.folding import fold
from tests.support import MemoryKeyring

#: Words shorter than this could occur by chance in ciphertext or in unrelated text.
MIN_WORD = 6

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Needle:
    label: str
    data: bytes


def needles(markers: Mapping[str, str]) -> list[Needle]:
    """Every form in which a marker could leak, each labelled for a readable failure."""
    forms: dict[bytes, str] = {}
    for name, text in markers.items():
        texts = {"text": text, "folded": fold(text)}
        for kind, value in list(texts.items()):
            for word in _WORD.findall(value):
                if len(word) >= MIN_WORD:
                    texts.setdefault(f"{kind} word {word!r}", word)
        for kind, value in texts.items():
            escaped = json.dumps(value)[1:-1]
            for encoding, data in (
                ("utf-8", value.encode("utf-8")),
                ("utf-16-le", value.encode("utf-16-le")),
                ("json-escaped", escaped.encode("ascii")),
            ):
                forms.setdefault(data, f"{name} ({kind}, {encoding})")
    return [Needle(label, data) for data, label in forms.items()]


def find(data: bytes, wanted: Iterable[Needle]) -> list[str]:
    return [n.label for n in wanted if n.data in data]


def scan_tree(root: Path, wanted: Iterable[Needle]) -> dict[str, list[str]]:
    """Every regular file under ``root`` that holds a needle, with the needles it holds."""
    wanted = list(wanted)
    hits: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        try:
            data = path.read_bytes()
        except FileNotFoundError:  # a -wal or temp file that went away during the scan
            continue
        found = find(data, wanted)
        if found:
            hits[str(path.relative_to(root))] = found
    return hits


def device_secret(memory_keyring: MemoryKeyring) -> bytes:
    """The one device secret the profile put in the keychain: what IT would export from the
    OS keychain to open a store elsewhere."""
    assert len(memory_keyring.entries) == 1, "expected exactly one keychain entry"
    (stored,) = memory_keyring.entries.values()
    secret = base64.b64decode(stored, validate=True)
    assert len(secret) == 32
    return secret
