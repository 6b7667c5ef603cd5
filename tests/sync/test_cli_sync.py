"""`gadeplan register` and `gadeplan sync`, as a real process against the real backend."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from tests.app.test_cli import gadeplan
from tests.backend.support import PASSWORD, Server
from tests.support import PASSPHRASE


def test_register_and_sync_from_the_command_line(backend: Server, tmp_path: Path) -> None:
    team = backend.team()
    username = backend.worker(team)
    folder = tmp_path / "profile"
    assert gadeplan(folder, "init").returncode == 0
    assert gadeplan(folder, "seed", "--persons", "5", "--encounters", "20").returncode == 0

    refused = gadeplan(
        folder,
        "register",
        "--server",
        backend.base_url,
        "--username",
        username,
        stdin=f"{PASSPHRASE}\nforkert\n",
    )
    assert refused.returncode == 69
    assert "did not accept the username or password" in refused.stderr

    signed_in = gadeplan(
        folder,
        "register",
        "--server",
        backend.base_url,
        "--username",
        username,
        stdin=f"{PASSPHRASE}\n{PASSWORD}\n",
    )
    assert signed_in.returncode == 0, signed_in.stderr
    assert backend.team_name(team) in signed_in.stdout

    synced = gadeplan(folder, "sync")
    assert synced.returncode == 0, synced.stderr
    assert "Sent" in synced.stdout
    stats = gadeplan(folder, "stats", "--json")
    assert '"unsent_changes": 0' in stats.stdout


def test_sync_offline_is_told_plainly(tmp_path: Path, backend: Server) -> None:
    team = backend.team()
    username = backend.worker(team)
    folder = tmp_path / "profile"
    gadeplan(folder, "init")
    gadeplan(
        folder,
        "register",
        "--server",
        backend.base_url,
        "--username",
        username,
        stdin=f"{PASSPHRASE}\n{PASSWORD}\n",
    )
    # Point the profile at a port where nothing listens.
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    dead = f"http://127.0.0.1:{sock.getsockname()[1]}"
    sock.close()
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from gadeplan.app.services.profile import open_profile\n"
        "s = open_profile(Path(sys.argv[1]), sys.stdin.readline().rstrip('\\n'))\n"
        "with s.store.write() as c:\n"
        "    c.execute(\"UPDATE local_state SET value = ? WHERE key = 'sync_server_url'\","
        " (sys.argv[2],))\n"
        "s.lock()\n"
    )
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    subprocess.run(
        [sys.executable, "-c", code, str(folder), dead],
        input=PASSPHRASE + "\n",
        text=True,
        env=env,
        check=True,
    )
    result = gadeplan(folder, "sync")
    assert result.returncode == 75
    assert "No connection to the backend. Nothing was lost" in result.stderr
