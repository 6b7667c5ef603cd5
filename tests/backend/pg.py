"""A throw-away PostgreSQL server for the test session, started from the system's binaries.

PostgreSQL refuses to run as root, and the suite may run as root (CI, containers), so the
server is initialised and started as an unprivileged system user through ``runuser``. It
listens only on a Unix socket in its temporary folder: nothing is reachable from the network.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path


def find_bin_dir() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``: on PATH, else Debian's versioned folder."""
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).resolve().parent
    candidates = [p.parent for p in Path("/usr/lib/postgresql").glob("*/bin/pg_ctl")]
    candidates = [p for p in candidates if (p / "initdb").exists()]

    def version(p: Path) -> tuple[int, ...]:
        return tuple(int(x) for x in re.findall(r"\d+", p.parent.name))

    return max(candidates, key=version) if candidates else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresServer:
    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.user: str | None = None
        if os.geteuid() == 0:
            for candidate in ("postgres", "nobody"):
                try:
                    pwd.getpwnam(candidate)
                except KeyError:
                    continue
                self.user = candidate
                break
            if self.user is None or shutil.which("runuser") is None:
                raise RuntimeError("running as root with no unprivileged user to run PostgreSQL")
        self.folder = Path(tempfile.mkdtemp(prefix="gadeplan-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        if self.user is not None:
            entry = pwd.getpwnam(self.user)
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
        self.folder.chmod(0o700)

    def _run(self, args: Sequence[str]) -> None:
        command = list(args)
        if self.user is not None:
            command = ["runuser", "-u", self.user, "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120, cwd=self.folder)

    def start(self) -> None:
        self._run(
            [
                str(self.bin_dir / "initdb"),
                "-D",
                str(self.data),
                "-U",
                "gadeplan",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ]
        )
        options = " ".join(
            [
                "-c listen_addresses=''",
                f"-c port={self.port}",
                f"-c unix_socket_directories={self.folder}",
                # Durability is not what these tests are about; speed is.
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=200",
            ]
        )
        self._run(
            [
                str(self.bin_dir / "pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.folder / "server.log"),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start",
            ]
        )

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://gadeplan@/{database}?host={self.folder}&port={self.port}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(
            host=str(self.folder),
            port=self.port,
            user="gadeplan",
            dbname="postgres",
            autocommit=True,
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')  # a test-chosen identifier
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run([str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop"])
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
