"""The headless command line, run as a real process, as IT and scripts use it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from msgspec.structs import replace

from gadeplan.app.seed import SeedSpec, generate
from tests.support import PASSPHRASE

NEW_PASSPHRASE = "et nyt og langt kodeord"


def gadeplan(
    folder: Path, *args: str, stdin: str = PASSPHRASE + "\n"
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "gadeplan.app.cli",
            "--data-dir",
            str(folder),
            "--passphrase-stdin",
            *args,
        ],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "profile"
    result = gadeplan(folder, "init")
    assert result.returncode == 0, result.stderr
    return folder


def test_init_shows_the_protection_and_the_recovery_key_once(tmp_path: Path) -> None:
    result = gadeplan(tmp_path / "p", "init")
    assert result.returncode == 0
    assert "passphrase alone" in result.stdout  # no keychain in this environment
    assert "no secure keychain" in result.stderr
    key_lines = [line.strip() for line in result.stdout.splitlines() if line.count("-") == 7]
    assert len(key_lines) == 1
    assert key_lines[0] not in (tmp_path / "p" / "keys.json").read_text()
    again = gadeplan(tmp_path / "p", "init")
    assert again.returncode == 73
    assert "already exists" in again.stderr


def test_seed_stats_check_and_export(folder: Path) -> None:
    seeded = gadeplan(folder, "seed", "--persons", "30", "--encounters", "200", "--seed", "7")
    assert seeded.returncode == 0, seeded.stderr
    assert "records written" in seeded.stdout

    stats = gadeplan(folder, "stats", "--json")
    assert stats.returncode == 0, stats.stderr
    data = json.loads(stats.stdout)
    assert data["records"]["person"] == 30
    assert data["records"]["encounter"] == 200
    assert data["unsent_changes"] > 230

    check = gadeplan(folder, "check")
    assert check.returncode == 0
    assert "cipher_integrity_check: ok" in check.stdout


def test_export_person_to_file(folder: Path, tmp_path: Path) -> None:
    gadeplan(folder, "seed", "--persons", "5", "--encounters", "20")
    out = tmp_path / "export.json"
    person_id = _first_person_id(folder)
    result = gadeplan(folder, "export-person", person_id, "--output", str(out))
    assert result.returncode == 0, result.stderr
    export = json.loads(out.read_text())
    assert export["person_id"] == person_id
    assert export["records"]["person"][0]["id"] == person_id
    missing = gadeplan(folder, "export-person", "00000000-0000-7000-8000-000000000000")
    assert missing.returncode == 1
    assert "No person" in missing.stderr


def _first_person_id(folder: Path) -> str:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from gadeplan.app.services.profile import open_profile\n"
        "from gadeplan.app.domain.records import Person\n"
        "s = open_profile(Path(sys.argv[1]), sys.stdin.readline().rstrip('\\n'))\n"
        "print(next(iter(s.repo.all(Person))).id)\n"
        "s.lock()\n"
    )
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    out = subprocess.run(
        [sys.executable, "-c", code, str(folder)],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return out.stdout.strip()


def test_wrong_passphrase_is_a_clear_message_and_exit_code(folder: Path) -> None:
    before = (folder / "gadeplan.db").read_bytes()
    result = gadeplan(folder, "stats", stdin="forkert kodeord her\n")
    assert result.returncode == 77
    assert result.stderr.strip() == "Wrong passphrase. Nothing was changed."
    assert "Traceback" not in result.stderr
    assert (folder / "gadeplan.db").read_bytes() == before


def test_missing_profile(tmp_path: Path) -> None:
    result = gadeplan(tmp_path / "none", "stats")
    assert result.returncode == 66
    assert "gadeplan init" in result.stderr


def test_passwd_from_stdin(folder: Path) -> None:
    result = gadeplan(folder, "passwd", stdin=f"{PASSPHRASE}\n{NEW_PASSPHRASE}\n")
    assert result.returncode == 0, result.stderr
    assert gadeplan(folder, "check", stdin=NEW_PASSPHRASE + "\n").returncode == 0
    assert gadeplan(folder, "check").returncode == 77


def test_passwd_refuses_a_short_passphrase(folder: Path) -> None:
    result = gadeplan(folder, "passwd", stdin=f"{PASSPHRASE}\nkort\n")
    assert result.returncode == 65
    assert "at least 14 characters" in result.stderr


def test_malformed_policy_refuses_to_start(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text("allow_passphrase_only = 'maybe'\n")
    monkeypatch.setenv("GADEPLAN_POLICY", str(policy))
    result = gadeplan(folder, "stats")
    assert result.returncode == 78
    assert "machine policy is invalid" in result.stderr


def test_headless_commands_never_load_qt(folder: Path) -> None:
    code = (
        "import sys\n"
        "from gadeplan.app.cli import main\n"
        "rc = main(['--data-dir', sys.argv[1], '--passphrase-stdin', 'stats'])\n"
        "assert rc == 0, rc\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was loaded'\n"
    )
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    result = subprocess.run(
        [sys.executable, "-c", code, str(folder)],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_seed_is_deterministic() -> None:
    spec = SeedSpec(
        persons=40, encounters=300, seed=5, team_id="t", worker_id="w", today=date(2026, 11, 25)
    )
    first = [(r.id, r.to_fields()) for r in generate(spec)]
    second = [(r.id, r.to_fields()) for r in generate(spec)]
    assert first == second
    other = [(r.id, r.to_fields()) for r in generate(replace(spec, seed=6))]
    assert other != first
    assert all(r.validate() == [] for r in generate(spec))


def test_profile_in_use_is_told_at_once(folder: Path) -> None:
    from gadeplan.app.services.profile import open_profile

    session = open_profile(folder, PASSPHRASE)
    try:
        result = gadeplan(folder, "stats")
    finally:
        session.lock()
    assert result.returncode == 75
    assert "open in another Gadeplan window or command" in result.stderr
    assert gadeplan(folder, "stats").returncode == 0


def test_the_log_holds_codes_and_counts_but_no_personal_data(folder: Path, tmp_path: Path) -> None:
    from gadeplan.app.logs import LOG_FILE, log_dir

    gadeplan(folder, "seed", "--persons", "10", "--encounters", "50")
    person_id = _first_person_id(folder)
    out = tmp_path / "export.json"
    assert gadeplan(folder, "export-person", person_id, "--output", str(out)).returncode == 0
    gadeplan(folder, "stats", stdin="forkert kodeord her\n")
    log_text = (log_dir() / LOG_FILE).read_text("utf-8")
    assert "failed: wrong_passphrase" in log_text  # the log is written at all
    export = json.loads(out.read_text())
    person = export["records"]["person"][0]
    secrets = [person["alias"], person_id, *(v for v in (person["name"], person["cpr"]) if v)]
    secrets += [e["note"] for e in export["records"].get("encounter", []) if e.get("note")]
    for secret in secrets:
        assert secret not in log_text


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--data-dir", "profiles/p"],
        ["--data-dir=profiles/p", "--debug"],
        ["--deb", "--data", "profiles/p"],
        ["--passphrase-file", "secret.txt"],
    ],
)
def test_the_window_s_options_are_read_as_the_full_parser_reads_them(argv: list[str]) -> None:
    from gadeplan.app.cli import _window_args, build_parser

    assert _window_args(argv) == build_parser().parse_args(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["--data-dir", "profiles/p", "stats"],
        ["--help"],
        ["-h"],
        ["--version"],
        ["--data-dir"],
        ["--passphrase-stdin", "--passphrase-file", "secret.txt"],
        ["--no-such-option"],
    ],
)
def test_commands_help_and_mistakes_go_to_the_full_parser(argv: list[str]) -> None:
    from gadeplan.app.cli import _window_args

    assert _window_args(argv) is None


def test_a_mistake_is_told_by_the_full_parser() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "gadeplan.app.cli", "--data-dir"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "usage: gadeplan" in done.stderr
    assert "--data-dir: expected one argument" in done.stderr
    helped = subprocess.run(
        [sys.executable, "-m", "gadeplan.app.cli", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "<command>" in helped.stdout
