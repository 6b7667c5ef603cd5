"""Reports through the window, on the hand-built town (tests/app/scenario.py).

Week 47 of 2026 (11-16 .. 11-22) is worked out by hand in tests/app/test_reports.py: nine
rows (Hans, Ada, Finn, Cai, Bo, Mo, Ib, Jon, Rut), Gro left out as inactive. Here the town
also has names for Ada, Hans and Jon and CPR numbers for Hans and Jon (tests/ui/town.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from gadeplan.app.domain.records import AuditAction, AuditEvent
from gadeplan.app.services.session import Session
from gadeplan.ui.env import Env
from gadeplan.ui.main_window import MainWindow
from gadeplan.ui.reports import ReportsScreen
from gadeplan.ui.tasks import SyncRunner
from gadeplan.ui.workspace import Workspace
from tests.app.scenario import pid
from tests.ui.pdftext import pdf_text
from tests.ui.town import ALIASES, CPRS, NAMES

BOM = b"\xef\xbb\xbf"


def _session(env: Env) -> Session:
    assert isinstance(env.runner, SyncRunner)
    return env.runner.context.require()


@pytest.fixture
def screen(town: MainWindow, tmp_path: Path) -> ReportsScreen:
    """The reports tab; the file chooser answers with a path in the test's folder."""
    assert town.workspace is not None
    town.workspace.show_tab(Workspace.REPORTS)
    reports = town.workspace.reports
    chosen: list[str] = []

    def choose(title: str, name: str, filter_: str) -> str | None:
        chosen.append(name)
        return str(tmp_path / name)

    reports.choose_file = choose
    return reports


def _draft(screen: ReportsScreen, year: int = 2026, week: int = 47) -> None:
    screen.year.setValue(year)
    screen.week.setValue(week)
    screen.draft_button.click()


def _table(screen: ReportsScreen) -> list[list[str]]:
    model = screen.model
    return [
        [str(model.data(model.index(r, c))) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _exports(session: Session) -> list[AuditEvent]:
    return [e for e in session.repo.all(AuditEvent) if e.action is AuditAction.EXPORT]


def test_the_count_draft_masks_cpr_and_lists_those_left_out(
    qtbot: QtBot, screen: ReportsScreen
) -> None:
    assert screen.year.value() == 2026  # week 6 of 2026 has begun by 11-25
    assert screen.week.value() == 6
    assert not screen.csv_button.isEnabled()
    _draft(screen)
    rows = _table(screen)
    # Hans (CPR 050570-1237, initials HB), Ada (AN, born 2000-03-10), Finn, ...; Jon's CPR.
    assert rows[0] == ["Hans", "050570-••••", "HB", "05-05-1970", "56", "Gadesover"]
    assert rows[1] == ["Ada", "", "AN", "10-03-2000", "26", "Gadesover"]
    assert [r[0] for r in rows] == ["Hans", "Ada", "Finn", "Cai", "Bo", "Mo", "Ib", "Jon", "Rut"]
    assert rows[7][1] == "010190-••••"
    assert not any("1237" in cell or "1234" in cell for row in rows for cell in row)
    assert screen.summary.text() == "9 borgere tæller med i uge 47 2026 (16-11-2026 – 22-11-2026)."
    assert screen.left_out.text() == (
        "Udeladt, ikke set i 90 dage før ugens udgang (tjek, om de stadig er hjemløse): Gro."
    )
    ModelTester(None).check(screen.model)  # type: ignore[no-untyped-call]
    # The week goes no further than the year's ISO weeks (2025 has 52, 2026 has 53).
    screen.year.setValue(2025)
    assert screen.week.maximum() == 52
    screen.year.setValue(2026)
    assert screen.week.maximum() == 53


def test_the_count_csv_asks_first_and_is_audited(
    qtbot: QtBot, screen: ReportsScreen, env: Env, tmp_path: Path
) -> None:
    _draft(screen)
    session = _session(env)
    before = len(_exports(session))
    # Asked first: nothing is written or logged while the question is open, nor if cancelled.
    dialog = screen.save_count_csv()
    assert dialog is not None
    assert dialog.isVisible()
    assert "personoplysninger" in dialog.text.text()
    assert "logget" in dialog.text.text()
    assert dialog.cancel_button.isDefault()
    dialog.cancel_button.click()
    assert list(tmp_path.glob("*.csv")) == []
    assert len(_exports(session)) == before
    # Confirmed: the file, with CPR numbers, and one export event per person in it.
    dialog = screen.save_count_csv()
    assert dialog is not None
    dialog.save_button.click()
    path = tmp_path / "hjemloesetaelling-2026-uge-47.csv"
    content = path.read_bytes()
    assert content.startswith(BOM)
    assert b"010190-1234" in content
    assert b"050570-1237" in content
    events = _exports(session)[before:]
    assert sorted(e.person_id or "" for e in events) == sorted(
        pid(a) for a in ("Ada", "Bo", "Cai", "Finn", "Hans", "Ib", "Jon", "Mo", "Rut")
    )
    assert screen.message.text == (
        "hjemloesetaelling-2026-uge-47.csv er gemt. Udtrækket er logget for hver af de 9 borgere."
    )


def test_the_totals_csv_is_saved_without_asking(
    qtbot: QtBot, screen: ReportsScreen, env: Env, tmp_path: Path
) -> None:
    _draft(screen)
    before = len(_exports(_session(env)))
    screen.totals_button.click()
    assert screen.confirm_dialog is None
    content = (tmp_path / "hjemloesetaelling-2026-uge-47-totaler.csv").read_bytes()
    assert b"I alt;9" in content
    assert b"1234" not in content
    assert len(_exports(_session(env))) == before


def test_the_council_pdf_holds_no_personal_data(
    qtbot: QtBot, screen: ReportsScreen, env: Env, tmp_path: Path
) -> None:
    before = len(_exports(_session(env)))
    screen.pdf_button.click()
    path = tmp_path / "byraadsrapport-2026-11-25.pdf"
    data = path.read_bytes()
    # It is a whole PDF: the header, a cross-reference and the end marker.
    assert data.startswith(b"%PDF-1.")
    assert b"startxref" in data
    assert data.rstrip().endswith(b"%%EOF")
    assert screen.message.text == "byraadsrapport-2026-11-25.pdf er gemt."
    text = pdf_text(data)
    # The reader finds what must be there (so it can be trusted about what must not) ...
    for expected in (
        "Hjemløshed: statusrapport til byrådet",
        "9 hjemløse",
        "Målet er under 100: nået.",
        "Unge 18–24 år",
        "Gadesover (gaden, trappeopgang, skur o.l.)",
        "Hjemløse måned for måned",
        "Nye borgere",
        "Side 3",
    ):
        assert expected in text, expected
    # ... and no nickname, name or CPR number of the data is in it, as a word or in part.
    words = set(re.findall(r"\w+", text))
    assert not words & set(ALIASES)
    for name in NAMES.values():
        for part in name.split():
            assert part not in words, part
    for cpr in CPRS.values():
        digits = cpr.replace("-", "")
        assert cpr not in text
        assert digits not in text.replace("-", "").replace(" ", "")
        assert cpr[:6] not in text
    # Nor in what the file holds outside its (compressed) streams: the dictionaries.
    outside = re.sub(rb"stream\r?\n.*?\r?\nendstream", b"", data, flags=re.S)
    for alias in ALIASES:
        assert re.search(rb"\b" + alias.encode() + rb"\b", outside) is None, alias
    # Drawing counts needs no export event.
    assert len(_exports(_session(env))) == before


def test_the_council_report_numbers_as_csv(
    qtbot: QtBot, screen: ReportsScreen, tmp_path: Path
) -> None:
    screen.council_csv_button.click()
    content = (tmp_path / "byraadsrapport-2026-11-25.csv").read_bytes()
    lines = content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Måned;Opgjort;Hjemløse;Inaktive;Mål (under);Målsti;")
    assert lines[-1].startswith("2026-11;2026-11-25;9;1;100;;")


def test_a_stale_draft_is_pointed_out(
    qtbot: QtBot, screen: ReportsScreen, town: MainWindow
) -> None:
    _draft(screen)
    assert not screen.stale.isVisible()
    assert town.workspace is not None
    dialog = town.workspace.quick_log(pid("Gro"))
    dialog.save()
    assert screen.stale.isVisibleTo(screen)
    assert screen.stale.text() == "Data er ændret, siden udkastet blev lavet. Lav det igen."
