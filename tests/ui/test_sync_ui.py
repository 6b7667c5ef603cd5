"""Sync in the window, against the real backend on 127.0.0.1: signing in, the status bar,
Ctrl+S, offline, conflicts resolved both ways, refused changes, and a revoked laptop."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from msgspec.structs import replace
from PySide6.QtCore import Qt
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from gadeplan.app.domain.ids import new_id
from gadeplan.app.domain.records import JSON, Person, Phone
from gadeplan.app.policy import Policy
from gadeplan.app.services.access import ProfileAccess
from gadeplan.app.services.session import Session
from gadeplan.app.services.sync import SyncService
from gadeplan.sync.transport import Transport
from gadeplan.ui import i18n
from gadeplan.ui.conflicts import ConflictsScreen, value_text
from gadeplan.ui.env import Env
from gadeplan.ui.main_window import MainWindow
from gadeplan.ui.people import PeopleModel
from gadeplan.ui.prefs import Prefs
from gadeplan.ui.settings_dialog import SettingsDialog
from gadeplan.ui.sign_in import SignInDialog
from gadeplan.ui.sync_status import RETRY_FIRST_MS, SyncController, retry_delay_ms, when_text
from gadeplan.ui.tasks import ChangeSet, SyncRunner
from tests.backend.support import PASSWORD, Device, Server
from tests.support import PASSPHRASE, FixedClock
from tests.sync.conftest import backend, no_backoff_waits
from tests.ui.helpers import SeedIds, click, press, seed_small, unlock

__all__ = ["backend", "no_backoff_waits"]  # fixtures shared with the sync tests


class Network(httpx.BaseTransport):
    """The laptop's network: up, or unplugged (connections refused at once)."""

    def __init__(self) -> None:
        self.up = True
        self._inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not self.up:
            raise httpx.ConnectError("the cable is out", request=request)
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


@pytest.fixture(scope="module", autouse=True)
def server_time(backend: Server) -> None:
    """The server's clock reads the tests' frozen "now", so no edit looks like clock skew
    unless a test moves the laptop's clock."""
    backend.clock.offset = FixedClock().now() - datetime.now(UTC)


@pytest.fixture
def profile(access: ProfileAccess) -> SeedIds:
    """A profile of its own for each test: the tests share one server, where record ids are
    global, so the template's copies (with the same ids) would collide there."""
    created = access.create(PASSPHRASE)
    try:
        return seed_small(created.session)
    finally:
        created.session.lock()


@pytest.fixture
def network() -> Iterator[Network]:
    net = Network()
    yield net
    net.close()


@pytest.fixture
def env(env: Env, backend: Server, network: Network) -> Iterator[Env]:
    transports: list[Transport] = []

    def service(session: Session, policy: Policy) -> SyncService:
        transport = Transport(backend.base_url, http_transport=network)
        transports.append(transport)
        return SyncService(session, policy, transport=transport, attempts=2)

    env.sync_service = service
    yield env
    for transport in transports:
        transport.close()


def _session(window: MainWindow) -> Session:
    runner = window.runner
    assert isinstance(runner, SyncRunner)
    return runner.context.require()


def _write(window: MainWindow, write: Callable[[Session], object]) -> None:
    """A write as the screens make it: on the worker, announcing what it changed."""
    window.runner.submit(window, lambda ctx: write(ctx.require()), None, mutates=True)


def _new_person(window: MainWindow, alias: str, team_id: str | None = None) -> None:
    def write(session: Session) -> object:
        team = team_id or session.identity.team_id
        return session.save(Person(id=new_id(), team_id=team, alias=alias))

    _write(window, write)


def _sign_in(window: MainWindow, backend: Server, username: str, password: str) -> SignInDialog:
    window.open_sign_in()
    dialog = window.sign_in_dialog
    assert isinstance(dialog, SignInDialog)
    dialog.address.setText(backend.base_url)
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.sign_in()
    return dialog


def _signed_in(window: MainWindow, backend: Server) -> tuple[str, str, SignInDialog]:
    team = backend.team("Gadeteam")
    username = backend.worker(team)
    dialog = _sign_in(window, backend, username, PASSWORD)
    assert dialog.registration is not None, dialog.message.text
    dialog.accept()
    return team, username, dialog


def _bar(window: MainWindow) -> tuple[str, str, str]:
    bar = window.sync_bar
    return bar.state.text(), bar.detail.text(), bar.error.text()


def test_sign_in_from_settings_wrong_then_right(
    qtbot: QtBot, unlocked: MainWindow, backend: Server, network: Network
) -> None:
    team = backend.team("Gadeteam")
    username = backend.worker(team)
    assert _bar(unlocked)[0] == "● Ikke logget ind"
    assert unlocked.sync_bar.button.text() == "Log ind …"

    unlocked.open_settings()
    settings = unlocked.settings_dialog
    assert isinstance(settings, SettingsDialog)
    assert settings.server_text.text().startswith("Ikke logget ind.")
    click(settings.sign_in_button)
    dialog = unlocked.sign_in_dialog
    assert isinstance(dialog, SignInDialog)
    assert "flyttes det arbejde" in dialog.moves.text()
    assert dialog.device_name.text()  # the computer's name

    network.up = False
    dialog.address.setText(backend.base_url)
    dialog.username.setText(username)
    dialog.password.setText("forkert")
    dialog.sign_in()
    assert dialog.message.text.startswith("Ingen forbindelse til serveren.")
    assert dialog.password.text() == ""  # never kept
    network.up = True

    dialog.address.setText("http://10.1.2.3:8765")  # plain HTTP to another machine
    dialog.password.setText("forkert")
    dialog.sign_in()
    assert dialog.message.text == (
        "Adressen skal begynde med https://, så forbindelsen er krypteret."
    )

    dialog.address.setText(backend.base_url)
    dialog.password.setText("forkert")
    dialog.sign_in()
    assert dialog.message.text == (
        "Serveren genkendte ikke brugernavnet eller adgangskoden. Prøv igen."
    )
    assert dialog.registration is None

    dialog.password.setText(PASSWORD)
    dialog.sign_in()
    assert dialog.registration is not None
    assert dialog.outcome.text().startswith(
        f"Logget ind som {username}. Team: {backend.team_name(team)}."
    )
    # The first sync ran at once and sent the work done before signing in.
    state, detail, error = _bar(unlocked)
    assert (state, error) == ("● Online", "")
    assert detail.startswith("Alt er sendt · sidst synkroniseret i dag kl.")
    # Nothing refused: the work (and its audit trail) made before signing in is the worker's.
    assert not unlocked.sync_bar.conflicts.isVisible()
    dialog.accept()

    unlocked.open_settings()
    settings = unlocked.settings_dialog
    assert isinstance(settings, SettingsDialog)
    assert settings.server_text.text() == (
        f"Logget ind som {username} på {backend.base_url}. Team: {backend.team_name(team)}."
    )
    assert not settings.sign_in_button.isVisible()
    settings.reject()


def test_sync_now_brings_a_colleagues_person_into_the_lists(
    qtbot: QtBot, unlocked: MainWindow, backend: Server
) -> None:
    team, _, _ = _signed_in(unlocked, backend)
    workspace = unlocked.workspace
    assert workspace is not None
    workspace.show_tab(workspace.PEOPLE)
    people = workspace.people

    def aliases() -> list[str]:
        model = people.model
        return [model.index(r, PeopleModel.ALIAS).data() for r in range(model.rowCount())]

    assert "Kaffe-Karl" not in aliases()
    colleague = backend.device(backend.worker(team))
    colleague.push(colleague.save(Person(id=new_id(), team_id=team, alias="Kaffe-Karl")))
    _new_person(unlocked, "Ny")
    assert re.match(r"\d+ ændringer venter · sidst synkroniseret i dag kl\. ", _bar(unlocked)[1])

    press(unlocked, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S
    assert "Kaffe-Karl" in aliases()
    assert _bar(unlocked)[1].startswith("Alt er sendt · sidst synkroniseret i dag kl.")
    assert workspace.today.sync_label.text() == "Alt er synkroniseret."


def test_offline_is_told_plainly_and_retried_later(
    qtbot: QtBot, unlocked: MainWindow, backend: Server, network: Network, clock: FixedClock
) -> None:
    _signed_in(unlocked, backend)
    _new_person(unlocked, "Offline-Olga")  # the person and the audit event of the change
    network.up = False
    assert unlocked.sync.sync_now()
    later = datetime.now(UTC) + timedelta(hours=2, minutes=5)
    unlocked.sync_bar.now = lambda: later
    unlocked.sync_bar.update_view()
    state, detail, error = _bar(unlocked)
    assert state == "● Offline"
    assert re.match(r"\d+ ændringer venter \(den ældste er 2 timer gammel\) · sidst ", detail)
    assert error == (
        "Ingen forbindelse til serveren. Intet er tabt; Gadeplan prøver igen af sig selv."
    )
    # The next try waits a minute, then longer after each failure.
    next_ms = unlocked.sync.next_sync_ms
    assert next_ms is not None
    assert RETRY_FIRST_MS * 0.85 < next_ms <= RETRY_FIRST_MS * 1.2  # jitter, coarse timer
    assert retry_delay_ms(2, 0.5) == 2 * RETRY_FIRST_MS
    assert retry_delay_ms(20, 0.5) == 30 * 60_000

    # The operating system says the network is back: a sync follows in a moment.
    network.up = True
    unlocked.sync.set_reachable(True)
    next_ms = unlocked.sync.next_sync_ms
    assert next_ms is not None
    assert next_ms <= 3_000 * 1.1  # a coarse timer may add 5 %
    unlocked.sync._timer.timeout.emit()
    assert _bar(unlocked)[0] == "● Online"
    assert _bar(unlocked)[2] == ""


def _pulled(device: Device, record_id: str) -> dict[str, Any]:
    device.pull()
    return device.seen[record_id]


def test_conflicts_are_shown_with_both_values_and_resolved_both_ways(
    qtbot: QtBot, unlocked: MainWindow, backend: Server, profile: SeedIds, clock: FixedClock
) -> None:
    team, _, _ = _signed_in(unlocked, backend)
    colleague_name = backend.worker(team)
    colleague = backend.device(colleague_name)
    version = _pulled(colleague, profile.bamse)["version"]

    start = int(FixedClock().now().timestamp() * 1000)

    def at(minutes: int) -> str:
        return f"{start + minutes * 60_000:013d}-00000-{colleague.id}"

    # The colleague, in another car: a new phone number (later than ours: theirs wins) and a
    # description (earlier than ours: ours wins).
    colleague_phone = [{"number": "+45 60 70 80 90", "last_worked_on": None, "label": None}]
    colleague.push(
        colleague.mutation(
            "person", profile.bamse, {"phones": colleague_phone}, base_version=version, hlc=at(3)
        ),
        colleague.mutation(
            "person",
            profile.bamse,
            {"description": "Rød jakke"},
            base_version=version,
            hlc=at(1),
        ),
    )
    # Meanwhile, on this laptop, offline: both fields changed too.
    clock.advance(minutes=2)
    session = _session(unlocked)

    def edit(session: Session) -> object:
        bamse = session.get(Person, profile.bamse)
        assert bamse is not None
        return session.update_person(
            replace(bamse, phones=(Phone("+45 11 22 33 44"),), description="Grøn jakke")
        )

    _write(unlocked, edit)
    assert unlocked.sync.sync_now()

    workspace = unlocked.workspace
    assert workspace is not None
    assert workspace.tabs.tabText(workspace.CONFLICTS) == "Konflikter (2)"
    assert unlocked.sync_bar.conflicts.text() == "2 konflikter"
    click(unlocked.sync_bar.conflicts)
    assert workspace.tabs.currentIndex() == workspace.CONFLICTS
    screen = workspace.conflicts
    assert isinstance(screen, ConflictsScreen)
    rows = {
        screen.list.topLevelItem(i).text(1): [  # type: ignore[union-attr]
            screen.list.topLevelItem(i).text(c)  # type: ignore[union-attr]
            for c in range(4)
        ]
        for i in range(screen.list.topLevelItemCount())
    }
    assert rows == {
        "Telefonnumre": ["Bamse", "Telefonnumre", "+45 60 70 80 90", "+45 11 22 33 44"],
        "Beskrivelse": ["Bamse", "Beskrivelse", "Grøn jakke", "Rød jakke"],
    }

    def choose(field: str) -> None:
        for i in range(screen.list.topLevelItemCount()):
            item = screen.list.topLevelItem(i)
            assert item is not None
            if item.text(1) == field:
                screen.list.setCurrentItem(item)
                return
        raise AssertionError(field)

    choose("Telefonnumre")
    assert screen.detail.title() == "Bamse · Telefonnumre"
    assert screen.current_value.text() == "+45 60 70 80 90"
    assert screen.current_who.text().startswith(f"Gemt af {colleague_name}, 25-11-2026 ")
    assert screen.other_value.text() == "+45 11 22 33 44"
    assert screen.other_who.text().startswith("Gemt af dig, 25-11-2026 ")
    click(screen.take_button)  # ours back
    assert screen.message.text == "Den anden værdi bruges nu. Den sendes ved næste synkronisering."
    bamse = session.get(Person, profile.bamse)
    assert bamse is not None
    assert [p.number for p in bamse.phones] == ["+45 11 22 33 44"]
    assert workspace.tabs.tabText(workspace.CONFLICTS) == "Konflikter (1)"

    choose("Beskrivelse")
    assert screen.current_value.text() == "Grøn jakke"
    assert screen.other_who.text().startswith(f"Gemt af {colleague_name}")
    click(screen.keep_button)
    assert screen.message.text == "Den nuværende værdi er beholdt."
    assert screen.empty.isVisible()
    assert not screen.list.isVisible()
    assert workspace.tabs.tabText(workspace.CONFLICTS) == "Konflikter"
    assert not unlocked.sync_bar.conflicts.isVisible()

    # Both choices reach the team as ordinary changes.
    assert unlocked.sync.sync_now()
    assert _bar(unlocked)[2] == ""
    colleague.pull()
    assert colleague.seen[profile.bamse]["fields"]["phones"][0]["number"] == "+45 11 22 33 44"
    assert colleague.seen[profile.bamse]["fields"]["description"] == "Grøn jakke"
    resolved = [
        c["fields"]["resolved"] for c in colleague.seen.values() if c["entity"] == "conflict"
    ]
    assert resolved == [True, True]


def test_refused_changes_are_listed_until_read(
    qtbot: QtBot, unlocked: MainWindow, backend: Server
) -> None:
    _signed_in(unlocked, backend)
    # A person filed under a team this worker is not in: the server refuses it.
    _new_person(unlocked, "Fremmed", backend.team("Andet team"))
    assert unlocked.sync.sync_now()
    assert unlocked.sync_bar.conflicts.text() == "1 afvist ændring"
    workspace = unlocked.workspace
    assert workspace is not None
    assert workspace.tabs.tabText(workspace.CONFLICTS) == "Konflikter (1)"
    unlocked.show_conflicts()
    screen = workspace.conflicts
    assert screen.rejected_box.isVisible()
    row = screen.rejected_list.topLevelItem(0)
    assert row is not None
    assert [row.text(c) for c in range(1, 4)] == [
        "Fremmed",
        "Borger",
        "du har ikke adgang til det teams oplysninger",
    ]
    click(screen.dismiss_button)
    assert screen.rejected_list.topLevelItemCount() == 0
    assert not screen.rejected_box.isVisible()
    assert not unlocked.sync_bar.conflicts.isVisible()


def test_clock_skew_is_warned_until_dismissed(
    qtbot: QtBot, unlocked: MainWindow, backend: Server, clock: FixedClock
) -> None:
    _signed_in(unlocked, backend)
    assert not unlocked.clock_warning.isVisible()
    clock.advance(hours=6)  # the laptop's clock runs far ahead of the server's
    _new_person(unlocked, "Skæv")
    assert unlocked.sync.sync_now()
    assert unlocked.clock_warning.isVisible()
    assert unlocked.clock_warning.label.text().startswith("Computerens ur går forkert")
    click(unlocked.clock_warning.button)
    assert not unlocked.clock_warning.isVisible()


def test_a_revoked_laptop_deletes_its_data_and_says_so(
    qtbot: QtBot, unlocked: MainWindow, backend: Server, profile_dir: Path
) -> None:
    _, _, dialog = _signed_in(unlocked, backend)
    assert dialog.registration is not None
    backend.admin.revoke_device(dialog.registration.device_id)
    assert unlocked.sync.sync_now()
    assert not unlocked.unlocked
    assert unlocked.gate.currentWidget() is unlocked.gate.first_run
    assert unlocked.message.text.startswith("Kommunen har spærret denne computer på serveren")
    assert not (profile_dir / "keys.json").exists()
    assert not unlocked.sync_bar.isVisible()


def test_no_sync_while_locked(qtbot: QtBot, unlocked: MainWindow, backend: Server) -> None:
    _signed_in(unlocked, backend)
    assert unlocked.sync.next_sync_ms is not None  # the next automatic one is planned
    unlocked.lock()
    assert unlocked.sync.next_sync_ms is None
    assert not unlocked.sync.sync_now()
    assert not unlocked.sync_bar.isVisible()


def test_the_first_sync_follows_unlocking(
    qtbot: QtBot, unlocked: MainWindow, backend: Server, env: Env
) -> None:
    team, _, _ = _signed_in(unlocked, backend)
    unlocked.lock()
    colleague = backend.device(backend.worker(team))
    person = Person(id=new_id(), team_id=team, alias="Morgen-Mads")
    colleague.push(colleague.save(person))
    env.sync_first_delay_ms = 0
    unlock(qtbot, unlocked)
    qtbot.waitUntil(lambda: _session(unlocked).get(Person, person.id) is not None)
    # The next one is planned a few minutes on (the interval, spread by up to a tenth).
    next_ms = unlocked.sync.next_sync_ms
    assert next_ms is not None
    assert next_ms > env.sync_interval_ms * 0.85


def test_the_controller_takes_commands_from_the_unlock_and_reads_once_painted(
    qtbot: QtBot, profile: SeedIds, window: MainWindow
) -> None:
    """Signing in or Ctrl+S right after unlocking work; only the first status read (which
    imports the sync service) waits for the unlocked window's first paint."""
    window.gate.unlock.passphrase.setText(PASSPHRASE)
    window.gate.unlock.unlock()  # the test runner opens the store at once
    assert window.unlocked
    assert window.sync.active
    assert window.sync.snapshot is None
    qtbot.waitUntil(lambda: window.idle.listening)  # painted and settled
    qtbot.waitUntil(lambda: window.sync.snapshot is not None)


def test_sync_runs_on_the_database_worker_thread(
    qtbot: QtBot, env: Env, profile: SeedIds, backend: Server
) -> None:
    """The program's runner: registration and sync happen on the worker; the window stays
    responsive and hears back on its own thread."""
    from PySide6.QtCore import QThread

    from gadeplan.ui.tasks import ThreadedRunner

    threads: list[str] = []
    make = env.sync_service
    assert make is not None

    def service(session: Session, policy: Policy) -> SyncService:
        threads.append(QThread.currentThread().objectName())
        return make(session, policy)

    env.sync_service = service
    env.runner = ThreadedRunner()
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    page = window.gate.unlock
    qtbot.waitUntil(lambda: window.gate.currentWidget() is page)
    page.passphrase.setText(PASSPHRASE)
    page.unlock()
    qtbot.waitUntil(lambda: window.unlocked, timeout=10_000)
    team = backend.team("Gadeteam")
    dialog = _sign_in(window, backend, backend.worker(team), PASSWORD)
    qtbot.waitUntil(lambda: dialog.registration is not None, timeout=10_000)
    qtbot.waitUntil(
        lambda: window.sync_bar.detail.text().startswith("Alt er sendt"), timeout=10_000
    )
    assert window.sync_bar.state.text() == "● Online"
    assert threads == ["gadeplan-db"]
    dialog.accept()
    window.close()  # stops the worker thread


def test_values_are_shown_the_way_the_person_screen_shows_them(qtbot: QtBot, env: Env) -> None:
    workers = {"w1": "Mette Holm"}
    phones: JSON = [
        {"number": "+45 20 30 40 50", "last_worked_on": "2026-11-24", "label": "mobil"},
        {"number": "+45 11 22 33 44", "last_worked_on": None, "label": None},
    ]
    assert value_text("person", "phones", phones, workers) == (
        "+45 20 30 40 50 (mobil) (virkede 24-11-2026)\n+45 11 22 33 44"
    )
    assert value_text("person", "cpr", "1205901234", workers) == "120590-••••"
    assert value_text("person", "contact_worker_id", "w1", workers) == "Mette Holm"
    assert value_text("person", "contact_worker_id", "w9", workers) == "en anden medarbejder"
    assert value_text("person", "formerly_in_care", True, workers) == "Ja"
    assert value_text("person", "aftercare_ends_on", "2027-01-31", workers) == "31-01-2027"
    assert value_text("person", "description", None, workers) == "(tom)"
    assert value_text("housing_status", "category", "sofa", workers).startswith("Sofasover")
    assert value_text("encounter", "channel", "night_cafe", workers) == "Natcafé"
    assert value_text("eviction_case", "arrears_dkk", 12500, workers) == "12.500 kr."
    assert value_text("encounter", "topics", ["bolig", "mad"], workers) == "Bolig, Mad"
    assert i18n.field_name("person", "phones") == "Telefonnumre"
    assert i18n.field_name("support_goal", "area") == "Indsatsområde"
    assert i18n.entity_name("eviction_case") == "Udsættelsessag"


def test_when_and_what_changed(qtbot: QtBot, env: Env) -> None:
    today = datetime(2026, 11, 25, 12, 0).astimezone().date()
    moment = datetime.combine(today, datetime.min.time()).astimezone().replace(hour=9, minute=5)
    assert when_text(moment, today) == "i dag kl. 09:05"
    assert when_text(moment - timedelta(days=1), today) == "i går kl. 09:05"
    assert when_text(moment - timedelta(days=3), today).endswith(" 09:05")
    everything = ChangeSet.all()
    assert everything.touches("anyone")
    assert {"person", "encounter", "conflict"} <= everything.entities


def test_the_address_comes_from_the_machine_policy(
    qtbot: QtBot, unlocked: MainWindow, env: Env, tmp_path: Path
) -> None:
    policy = Policy(backend_url="https://gadeplan.esbjerg.dk", source="/etc/gadeplan/policy.toml")
    managed = replace(env, prefs=Prefs(tmp_path / "managed.ini", policy))
    dialog = SignInDialog(managed, unlocked.sync, unlocked)
    qtbot.addWidget(dialog)
    assert dialog.address.text() == "https://gadeplan.esbjerg.dk"
    assert dialog.username.hasFocus() or not dialog.isVisible()
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Udfyldt fra maskinens politik." in texts


def test_the_network_watch_loads_quietly(qtbot: QtBot, env: Env) -> None:
    """Where Qt has a reachability backend it is used (a Qt warning would fail this test);
    where it has none, the retry timer is the fallback."""
    env.watch_network = True
    controller = SyncController(env)
    controller.start()
    assert controller.network is None  # watched once the unlocked window has painted
    controller.watch_network()
    if controller.network is not None:
        reachability = QNetworkInformation.Reachability
        controller._reachability_changed(reachability.Disconnected)
        assert controller.network_down
        controller._reachability_changed(reachability.Online)
        assert not controller.network_down
