"""``make run``'s launcher: a real demo server process, the demo profile signed in to it and
synced, and the server gone afterwards; a second start reuses both."""

from __future__ import annotations

from pathlib import Path

import pytest

from gadeplan.app import cli
from gadeplan.app.demo_run import free_port, main, port_is_free
from gadeplan.app.policy import Policy
from gadeplan.app.services import profile
from gadeplan.app.services.sync import SyncService


def _status(folder: Path) -> tuple[bool, str | None, int]:
    session = profile.open_profile(folder, cli.DEMO_PASSPHRASE)
    try:
        status = SyncService(session, Policy()).status()
    finally:
        session.lock()
    return status.registered, status.server_url, status.unsent_changes


@pytest.mark.slow
def test_the_demo_starts_a_server_signs_in_and_stops_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    port = free_port()
    args = ["--folder", str(tmp_path), "--port", str(port), "--no-window"]
    assert main([*args, "--persons", "5", "--encounters", "20"]) == 0
    out = capsys.readouterr().out
    assert "Signed the demo profile in to" in out
    assert "as Demo Medarbejder (Gadeteam Esbjerg)" in out
    assert _status(tmp_path / "profile") == (True, f"http://127.0.0.1:{port}", 0)
    assert port_is_free(port)  # the server stopped with the launcher

    # Next time: the same profile and server, nothing to send, nothing made again.
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Created a demo profile" not in out
    assert "Sending" not in out
    assert port_is_free(port)
