"""``make screenshots``: a PNG of every main screen, on demo data, offscreen.

    python -m tests.ui.screenshots docs/screenshots [--only today,person] [--suffix -200pct]

Runs with the real widgets and a real encrypted store in a temporary folder (an in-memory
keychain, the fast test key derivation, a frozen clock), in Danish, light and dark, signed in to
the real backend on 127.0.0.1 (a temporary SQLite database), where a colleague's device makes
the conflicts. Run it with ``QT_SCALE_FACTOR=2`` for the 200 % pictures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import UTC, datetime

import keyring
from msgspec.structs import replace
from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QRect,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import Person, Phone
from gadeplan.app.policy import Policy
from gadeplan.app.seed import SeedSpec, seed
from gadeplan.app.services import dashboard
from gadeplan.app.services.access import ProfileAccess
from gadeplan.app.services.dashboard import DashboardSettings
from gadeplan.app.services.session import Session
from gadeplan.ui.env import Env
from gadeplan.ui.i18n import Translations
from gadeplan.ui.main_window import MainWindow
from gadeplan.ui.prefs import Prefs
from gadeplan.ui.sign_in import SignInDialog
from gadeplan.ui.tasks import Context, SyncRunner
from gadeplan.ui.workspace import Workspace
from tests.app.sample import SeedIds, seed_small
from tests.backend.support import PASSWORD, Server
from tests.support import FAST_KDF, PASSPHRASE, FixedClock, MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "gadeplan_da.ts"
WIDTH, HEIGHT = 1280, 860


def _process() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def _qm_dir(work: Path) -> Path:
    built = ROOT / "resources" / "translations" / "gadeplan_da.qm"
    if built.exists() and built.stat().st_mtime >= TS_FILE.stat().st_mtime:
        return built.parent
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run(
        [str(lrelease), "-silent", str(TS_FILE), "-qm", str(work / "gadeplan_da.qm")], check=True
    )
    return work


class Shooter:
    def __init__(self, out: Path, suffix: str, only: set[str] | None) -> None:
        self.out = out
        self.suffix = suffix
        self.only = only
        self.saved: list[Path] = []

    def wanted(self, name: str) -> bool:
        return self.only is None or name in self.only

    def shoot(self, name: str, widget: QWidget, area: QRect | None = None) -> None:
        if not self.wanted(name):
            return
        _process()
        path = self.out / f"{name}{self.suffix}.png"
        (widget.grab(area) if area is not None else widget.grab()).save(str(path))
        self.saved.append(path)


def _window(work: Path, folder: Path, qm_dir: Path) -> tuple[MainWindow, Env]:
    translations = Translations(qm_dir)
    prefs = Prefs(work / f"{folder.name}.ini", Policy())
    translations.apply("da")
    access = ProfileAccess(folder, Policy(), clock=FixedClock(), kdf=FAST_KDF)
    env = Env(
        access=access,
        runner=SyncRunner(),
        prefs=prefs,
        translations=translations,
        watch_screen_lock=False,
        version="0.1.0",
        sync_interval_ms=3_600_000,
        sync_first_delay_ms=3_600_000,
        watch_network=False,
    )
    window = MainWindow(env)
    window.resize(WIDTH, HEIGHT)
    window.show()
    _process()
    return window, env


def _demo_profile(folder: Path) -> SeedIds:
    clock = FixedClock()
    access = ProfileAccess(folder, Policy(), clock=clock, kdf=FAST_KDF)
    created = access.create(PASSPHRASE)
    session = created.session
    try:
        ids = seed_small(session)
        seed(
            SeedSpec(
                persons=300,
                encounters=3000,
                seed=2026,
                team_id=session.identity.team_id,
                worker_id=session.identity.worker_id,
                today=clock.today(),
            ),
            session.bulk_writer(),
        )
    finally:
        session.lock()
    return ids


def dark_palette() -> QPalette:
    """What the OS dark mode gives Qt's Fusion style (the offscreen platform has no theme to
    switch, so the screenshot sets the palette the way the platform theme would)."""
    p = QPalette()
    window, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(230, 230, 230)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, window)
        p.setColor(group, QPalette.ColorRole.WindowText, text)
        p.setColor(group, QPalette.ColorRole.Base, base)
        p.setColor(group, QPalette.ColorRole.AlternateBase, QColor(40, 40, 43))
        p.setColor(group, QPalette.ColorRole.Text, text)
        p.setColor(group, QPalette.ColorRole.Button, window)
        p.setColor(group, QPalette.ColorRole.ButtonText, text)
        p.setColor(group, QPalette.ColorRole.Highlight, QColor(42, 130, 218))
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor(255, 255, 255))
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(150, 150, 150))
        p.setColor(group, QPalette.ColorRole.ToolTipBase, base)
        p.setColor(group, QPalette.ColorRole.ToolTipText, text)
        p.setColor(group, QPalette.ColorRole.Link, QColor(120, 180, 255))
        p.setColor(group, QPalette.ColorRole.Light, QColor(90, 90, 95))
        p.setColor(group, QPalette.ColorRole.Midlight, QColor(70, 70, 74))
        p.setColor(group, QPalette.ColorRole.Mid, QColor(60, 60, 64))
        p.setColor(group, QPalette.ColorRole.Dark, QColor(25, 25, 27))
        p.setColor(group, QPalette.ColorRole.Shadow, QColor(10, 10, 10))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(120, 120, 120))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(120, 120, 120))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(120, 120, 120))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, window)
    return p


def run(out: Path, suffix: str, only: set[str] | None, dark: bool) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    shooter = Shooter(out, suffix, only)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        qm_dir = _qm_dir(work)

        # First run and the recovery key, on an empty folder.
        if shooter.wanted("first-run") or shooter.wanted("recovery-key"):
            window, _ = _window(work, work / "new", qm_dir)
            page = window.gate.first_run
            QTest.keyClicks(page.passphrase.first, "blå cykel ved havnen")
            shooter.shoot("first-run", window)
            QTest.keyClicks(page.passphrase.second, "blå cykel ved havnen")
            page.create_profile()
            shooter.shoot("recovery-key", window)
            window.close()

        folder = work / "demo"
        ids = _demo_profile(folder)
        server = Server("sqlite", f"sqlite:///{work / 'server.sqlite3'}")
        server.start()
        # The server's clock reads the screenshots' frozen "now", as the laptop's does.
        server.clock.offset = FixedClock().now() - datetime.now(UTC)
        window, _ = _window(work, folder, qm_dir)
        shooter.shoot("unlock", window)
        unlock_page = window.gate.unlock
        QTest.keyClicks(unlock_page.passphrase, PASSPHRASE)
        unlock_page.unlock()
        workspace = window.workspace
        assert workspace is not None
        team = _sign_in(shooter, window, server)
        shooter.shoot("today", window)

        workspace.show_tab(workspace.PEOPLE)
        workspace.people.young.setChecked(True)
        workspace.people.young.setChecked(False)
        shooter.shoot("people", window)

        workspace.open_person(ids.bamse)
        shooter.shoot("person", window)

        workspace.show_tab(workspace.TODAY)
        if shooter.wanted("quick-log"):
            dialog = workspace.quick_log()
            QTest.keyClicks(dialog.search, "bam sør")
            _process()
            QTest.keyClick(dialog.search, Qt.Key.Key_Return)
            QTest.keyClicks(dialog.note, "Fik kaffe og en snak. Vil gerne i behandling.")
            QTest.keyClicks(dialog.follow_up, "+7")
            shooter.shoot("quick-log", dialog)
            dialog.reject()

        if shooter.wanted("duplicate-check"):
            dialog = workspace.quick_log()
            QTest.keyClicks(dialog.search, "Soeren")
            _process()
            dialog.results.setCurrentRow(dialog.results.count() - 1)
            dialog._take_current()
            QTest.keyClicks(dialog.name, "Soren Jensen")
            dialog.save()
            shooter.shoot("duplicate-check", dialog)
            dialog.reject()

        workspace.show_tab(workspace.ROUND)
        screen = workspace.round
        screen.place.setText("Banegården")
        for band, description in ((1, "rød hue"), (3, ""), (1, "to sammen"), (4, "")):
            screen.age_buttons[band].setChecked(True)
            screen.description.setText(description)
            screen.add_tally()
        shooter.shoot("street-round", window)

        if shooter.wanted("settings"):
            window.open_settings()
            shooter.shoot("settings", window.settings_dialog)
            window.settings_dialog.reject()

        _conflicts(shooter, window, server, team, ids)
        _analysis(shooter, window, work)

        if dark:
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            light = app.palette()
            app.setPalette(dark_palette())
            _process()
            window.lock()
            QTest.keyClicks(window.gate.unlock.passphrase, PASSPHRASE)
            window.gate.unlock.unlock()
            workspace = window.workspace
            assert workspace is not None
            shooter.shoot("today-dark", window)
            workspace.open_person(ids.bamse)
            shooter.shoot("person-dark", window)
            dialog = workspace.quick_log()  # on the person's screen: for them
            QTest.keyClicks(dialog.note, "Har fået brev om udsættelse. Ringer i morgen.")
            QTest.keyClicks(dialog.follow_up, "+1")
            dialog.save_button.setFocus()
            shooter.shoot("quick-log-dark", dialog)
            dialog.reject()
            _analysis(shooter, window, work, dark=True)
            app.setPalette(light)
        window.close()
    return shooter.saved


def _analysis(shooter: Shooter, window: MainWindow, work: Path, *, dark: bool = False) -> None:
    """The radar, the cold-weather checklist, Overblik (light and dark), the reports, and the
    council PDF's first page as a picture (pdftoppm, from poppler-utils)."""
    workspace = window.workspace
    assert workspace is not None

    def baseline(ctx: Context) -> None:
        # The demo municipality's count in 2019, so the reduction target's line is drawn.
        dashboard.save_settings(ctx.require(), DashboardSettings(baseline_count=260))

    window.runner.submit(window, baseline)
    if dark:
        workspace.show_tab(Workspace.OVERVIEW)
        shooter.shoot("overview-dark", window)
        workspace.show_tab(Workspace.RADAR)
        shooter.shoot("radar-dark", window)
        return
    workspace.show_tab(Workspace.RADAR)
    shooter.shoot("radar", window)
    if shooter.wanted("cold-weather"):
        dialog = workspace.radar.cold_weather()
        for row in (0, 2):
            item = dialog.list.item(row)
            if item is not None:
                item.setCheckState(Qt.CheckState.Checked)
        shooter.shoot("cold-weather", dialog)
        dialog.reject()
    workspace.show_tab(Workspace.OVERVIEW)
    shooter.shoot("overview", window)
    workspace.show_tab(Workspace.REPORTS)
    reports = workspace.reports
    reports.make_draft()
    shooter.shoot("reports", window)
    if shooter.wanted("council-pdf"):
        pdf = work / "council.pdf"
        reports.choose_file = lambda title, name, filter_: str(pdf)
        reports.save_council_pdf()
        pdftoppm = shutil.which("pdftoppm")
        if pdftoppm is None:
            print("pdftoppm is missing (apt-get install poppler-utils): no council-pdf.png")
            return
        stem = shooter.out / f"council-pdf{shooter.suffix}"
        first_page = ["-f", "1", "-l", "1", "-singlefile"]
        subprocess.run([pdftoppm, "-png", "-r", "80", *first_page, str(pdf), str(stem)], check=True)
        shooter.saved.append(stem.with_suffix(".png"))


def _sign_in(shooter: Shooter, window: MainWindow, server: Server) -> str:
    """Sign the demo profile in to the local server, as a worker would; returns the team."""
    team = server.admin.add_team("Gadeteam Esbjerg")
    username = "mette"
    server.admin.add_worker(username, PASSWORD, [server.team_name(team)], name="Mette Holm")
    window.open_sign_in()
    dialog = window.sign_in_dialog
    assert isinstance(dialog, SignInDialog)
    dialog.address.setText(server.base_url)
    dialog.username.setText(username)
    dialog.device_name.setText("Mettes bærbar")
    QTest.keyClicks(dialog.password, PASSWORD)
    dialog.sign_in_button.setFocus()
    shooter.shoot("sign-in", dialog)
    dialog.sign_in()  # and the first sync sends the demo data
    assert dialog.registration is not None, dialog.message.text
    dialog.accept()
    return team


def _status_bar(window: MainWindow) -> QRect:
    bar = window.statusBar()
    return QRect(0, bar.y(), window.width(), bar.height())


def _conflicts(
    shooter: Shooter, window: MainWindow, server: Server, team: str, ids: SeedIds
) -> None:
    """A colleague and the worker change Bamse in two cars; one change is filed under a team
    the worker is not in. Then the conflicts screen, and the status bar online and offline."""
    server.admin.add_worker("jonas", PASSWORD, [server.team_name(team)], name="Jonas Berg")
    colleague = server.device("jonas")
    colleague.pull()
    version = colleague.seen[ids.bamse]["version"]
    start = int(FixedClock().now().timestamp() * 1000)

    def at(minutes: int) -> str:
        return f"{start + minutes * 60_000:013d}-00000-{colleague.id}"

    phones = [{"number": "+45 61 72 83 94", "last_worked_on": "2026-11-24", "label": "ny"}]
    colleague.push(
        colleague.mutation(
            "person", ids.bamse, {"phones": phones}, base_version=version, hlc=at(3)
        ),
        colleague.mutation(
            "person",
            ids.bamse,
            {"description": "Rød jakke, sort rygsæk. Har hund (Bella)."},
            base_version=version,
            hlc=at(1),
        ),
    )
    runner = window.runner
    assert isinstance(runner, SyncRunner)
    access = window.env.access
    assert isinstance(access.clock, FixedClock)
    access.clock.advance(minutes=2)

    def edit(session: Session) -> object:
        bamse = session.get(Person, ids.bamse)
        assert bamse is not None
        session.save(Person(id=new_id(), team_id=server.team("Andet team"), alias="Kasper"))
        return session.update_person(
            replace(
                bamse,
                phones=(Phone("+45 22 33 44 55"),),
                description="Grøn jakke, sort rygsæk. Har hund.",
            )
        )

    runner.submit(window, lambda ctx: edit(ctx.require()), None, mutates=True)
    window.sync_now()
    workspace = window.workspace
    assert workspace is not None
    window.show_conflicts()
    screen = workspace.conflicts
    for row in range(screen.list.topLevelItemCount()):
        item = screen.list.topLevelItem(row)
        if item is not None and item.text(1) == "Telefonnumre":
            screen.list.setCurrentItem(item)
    shooter.shoot("conflicts", window)
    shooter.shoot("status-bar", window, _status_bar(window))
    colleague.http.close()
    # The server goes away (the network, as the laptop sees it): the next sync says so.
    server.stop()
    runner.submit(window, lambda ctx: edit(ctx.require()), None, mutates=True)
    window.sync_now()
    shooter.shoot("status-bar-offline", window, _status_bar(window))
    workspace.show_tab(workspace.TODAY)


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """The offscreen platform says it cannot raise or resize windows; nothing else is dropped."""
    if not message.startswith("This plugin does not support"):
        print(message, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--only", help="comma-separated screen names")
    parser.add_argument("--suffix", default="")
    args = parser.parse_args(argv)
    keyring.set_keyring(MemoryKeyring())
    qInstallMessageHandler(_quiet_offscreen)
    app = QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    only = set(args.only.split(",")) if args.only else None
    saved = run(args.out, args.suffix, only, dark=only is None)
    for path in saved:
        print(path)
    _ = app
    return 0


if __name__ == "__main__":
    sys.exit(main())
