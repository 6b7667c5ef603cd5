"""The Danish translation is complete, current, and says what the English says."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from gadeplan.app.domain.housing import DANISH_LABELS, HousingCategory
from gadeplan.ui import i18n
from gadeplan.ui.env import Env
from tests.ui.conftest import TS_FILE

UI = Path(i18n.__file__).parent
Message = tuple[str, str]


def _messages(path: Path) -> dict[Message, ET.Element]:
    root = ET.parse(path).getroot()  # noqa: S314 - our own committed file
    found: dict[Message, ET.Element] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def _texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def test_every_danish_entry_is_finished() -> None:
    unfinished = []
    for (context, source), message in _messages(TS_FILE).items():
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(
            t.strip() for t in _texts(message)
        ):
            unfinished.append(f"{context}: {source}")
    assert unfinished == [], "translate these in resources/translations/gadeplan_da.ts"


def test_the_ts_file_is_current(tmp_path: Path) -> None:
    """What lupdate finds in the sources today is all in the committed file."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists() and shutil.which("pyside6-lupdate") is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in UI.glob("*.py"))
    subprocess.run(
        [str(lupdate), *sources, "-ts", str(fresh), "-locations", "none", "-silent"],
        check=True,
        capture_output=True,
    )
    missing = set(_messages(fresh)) - set(_messages(TS_FILE))
    assert missing == set(), "run 'make translations' and translate the new entries"


_LITERALS = r'"(?:[^"\\\n]|\\.)*"(?:\s*"(?:[^"\\\n]|\\.)*")*'
_LITERAL_CALLS = (
    re.compile(rf"self\.tr\(\s*({_LITERALS})\s*[,)]"),
    re.compile(rf'translate\(\s*"[A-Za-z]+",\s*({_LITERALS})\s*[,)]'),
)


def test_every_literal_handed_to_tr_is_in_the_file() -> None:
    """lupdate silently skips calls it cannot parse (inside f-strings, for one)."""
    sources = {source for _, source in _messages(TS_FILE)}
    missed = []
    for path in UI.glob("*.py"):
        code = path.read_text("utf-8")
        for pattern in _LITERAL_CALLS:
            for match in pattern.finditer(code):
                text = ast.literal_eval(f"({match.group(1)})")
                if text not in sources:
                    missed.append(f"{path.name}: {text}")
    assert missed == []


_PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n")


def test_translations_keep_their_placeholders_and_mnemonics() -> None:
    for (context, source), message in _messages(TS_FILE).items():
        wanted = sorted(_PLACEHOLDER.findall(source))
        for text in _texts(message):
            assert sorted(_PLACEHOLDER.findall(text)) == wanted, (context, source, text)
            has_mnemonic = bool(re.search(r"&[^&\s]", source))
            assert bool(re.search(r"&[^&\s]", text)) == has_mnemonic, (context, source, text)


def test_housing_labels_are_the_national_counts_words(qtbot: QtBot, env: Env) -> None:
    assert env.translations.language == "da"
    for category in HousingCategory:
        assert i18n.label(category) == DANISH_LABELS[category]


def test_every_validation_code_of_the_domain_has_a_message() -> None:
    records = Path(sys.modules["gadeplan.app.domain.records"].__file__ or "").read_text("utf-8")
    codes = set(re.findall(r'FieldError\(\s*"[a-z_]+",\s*"([a-z_]+)"', records))
    codes |= {"required", "before_start"}  # from the shared helpers
    session = Path(sys.modules["gadeplan.app.services.session"].__file__ or "").read_text("utf-8")
    codes |= set(re.findall(r'FieldError\("[a-z_]+", "([a-z_]+)"', session))
    assert codes, "the pattern no longer finds the codes"
    assert codes <= set(i18n.ERROR_CODES), codes - set(i18n.ERROR_CODES)


def test_english_is_the_source(qtbot: QtBot, env: Env) -> None:
    env.translations.apply("en")
    assert QCoreApplication.translate(
        "Messages", "Wrong passphrase. Nothing was changed; try again."
    ) == ("Wrong passphrase. Nothing was changed; try again.")
    env.translations.apply("da")
    assert i18n.label(HousingCategory.SOFA).startswith("Sofasover")
