"""``make run``: the demo profile in the window, signed in to a local demo server.

    python -m gadeplan.app.demo_run [--folder .demo] [--port 8765] [--no-window]

A newcomer should see sync work without setting anything up, so this starts the reference
backend (``gadeplan-server``, SQLite in ``.demo/``, on 127.0.0.1 only) in the background, lets
it create its demo team and worker, creates and seeds the demo profile the first time and signs
it in headless (the same SyncService the window uses), sends the demo data once, then opens the
window. The server stops when the window closes. ``gadeplan demo`` alone still makes the
profile without any server.

The server is a separate process, started as ``python -m gadeplan.backend.cli``: the program's
core never imports the backend, and the window never waits on the server's start.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from gadeplan.app import cli
from gadeplan.app.policy import Policy
from gadeplan.app.services import profile
from gadeplan.app.services.sync import SyncService
from gadeplan.storage import keys
from gadeplan.sync.errors import SyncError
from gadeplan.sync.transport import Transport

DEFAULT_PORT = 8765
#: The server's own start (imports, migrations) takes a few seconds on a slow laptop.
START_TIMEOUT_S = 60.0
DEVICE_NAME = "Demo-bærbar"
PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """In the server process (Linux): get SIGTERM when the launcher dies, even by ``kill -9``
    or while the window's event loop keeps Python's own signal handlers from running."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGTERM))


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class DemoServer:
    """``gadeplan-server`` on 127.0.0.1 with the demo database; its log goes to a file, so the
    terminal shows only what the newcomer needs."""

    def __init__(self, folder: Path, port: int) -> None:
        self.folder = folder
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.db_file = folder / "server.sqlite3"
        self.command = [
            sys.executable,
            "-m",
            "gadeplan.backend.cli",
            "--db",
            f"sqlite:///{self.db_file}",
        ]
        self.process: subprocess.Popen[bytes] | None = None

    def demo_worker(self) -> tuple[str, str]:
        """Creates the database, the team and the worker if missing; returns the worker's
        username and password (the published demo credentials)."""
        command = [*self.command, "demo"]  # our own interpreter and module, fixed arguments
        done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
        found = re.search(r"Demo worker: (\S+) / (\S+)", done.stdout)
        if done.returncode != 0 or found is None:
            raise RuntimeError(f"the demo server could not be prepared: {done.stderr.strip()}")
        return found.group(1), found.group(2)

    def start(self) -> None:
        log = (self.folder / "server.log").open("ab")
        with log:
            self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
                [*self.command, "serve", "--host", "127.0.0.1", "--port", str(self.port)],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                preexec_fn=_die_with_parent if sys.platform == "linux" else None,
            )
        transport = Transport(self.url, timeout=2.0)
        try:
            deadline = time.monotonic() + START_TIMEOUT_S
            while True:
                if self.process.poll() is not None:
                    raise RuntimeError(
                        f"the demo server stopped at once; see {self.folder / 'server.log'}"
                    )
                try:
                    transport.get("/v1/meta")
                    return
                except SyncError:
                    if time.monotonic() > deadline:
                        raise RuntimeError("the demo server did not start in time") from None
                    time.sleep(0.2)
        finally:
            transport.close()

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def prepare_profile(
    folder: Path,
    server: DemoServer,
    *,
    server_was_new: bool,
    persons: int,
    encounters: int,
) -> None:
    """The demo profile, created and seeded once, signed in to the demo server, with its
    work sent, so the window opens on a synced profile."""
    if server_was_new and (folder / keys.KEY_FILE).exists():
        # A new server database knows nothing of this profile's sign-in: start it over (it is
        # invented demo data; the keyring entry goes too).
        session = profile.open_profile(folder, cli.DEMO_PASSPHRASE)
        registered = SyncService(session, Policy()).is_registered()
        session.lock()
        if registered:
            print("The demo server is new: making a new demo profile for it.")
            keys.wipe_profile(folder)
    if not (folder / keys.KEY_FILE).exists():
        code = cli.main(
            [
                "--data-dir",
                str(folder),
                "demo",
                "--persons",
                str(persons),
                "--encounters",
                str(encounters),
            ]
        )
        if code != 0:
            raise RuntimeError("the demo profile could not be made")
    session = profile.open_profile(folder, cli.DEMO_PASSPHRASE)
    sync = SyncService(session, Policy())
    try:
        status = sync.status()
        if not status.registered:
            # Only now: the demo team and worker are made by a command of their own (about a
            # second), which a start with a signed-in profile does not need.
            username, password = server.demo_worker()
            registration = sync.register(server.url, username, password, DEVICE_NAME)
            print(
                f"Signed the demo profile in to {server.url} as {registration.worker_name} "
                f"({', '.join(registration.team_names)})."
            )
        elif status.server_url != server.url:
            sync.use_address(server.url)
        unsent = sync.status().unsent_changes
        if unsent:
            print(f"Sending {unsent:,} changes to the demo server (once) ...", flush=True)
            report = sync.sync_once()
            print(f"  sent {report.pushed:,}, received {report.pulled:,}.")
    finally:
        sync.close()
        session.lock()


def _stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--folder", type=Path, default=Path(".demo"))
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--persons", type=int, default=300)
    parser.add_argument("--encounters", type=int, default=3000)
    parser.add_argument(
        "--no-window", action="store_true", help="prepare server and profile, then stop"
    )
    args = parser.parse_args(argv)
    folder: Path = args.folder
    folder.mkdir(parents=True, exist_ok=True)
    port = args.port if port_is_free(args.port) else free_port()
    if port != args.port:
        print(f"Port {args.port} is busy; the demo server uses {port} instead.")
    server = DemoServer(folder, port)
    server_was_new = not server.db_file.exists()
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        print(f"Starting the demo server on {server.url} (log: {folder / 'server.log'}) ...")
        server.start()
        prepare_profile(
            folder / "profile",
            server,
            server_was_new=server_was_new,
            persons=args.persons,
            encounters=args.encounters,
        )
        if args.no_window:
            return 0
        print(f"Demo passphrase: {cli.DEMO_PASSPHRASE}")
        print("Sync runs by itself every few minutes; Ctrl+S syncs at once.")
        return cli.main(["--data-dir", str(folder / "profile")])
    except SyncError as exc:
        print(f"make run: {cli.SYNC_MESSAGES.get(exc.code, exc)}", file=sys.stderr)
        return 1
    except RuntimeError as exc:
        print(f"make run: {exc}", file=sys.stderr)
        return 1
    finally:
        with contextlib.suppress(Exception):
            server.stop()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
