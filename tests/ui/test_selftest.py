"""``gadeplan self-test`` from source: each check passes on a sound installation and fails,
as a line and an exit status rather than a crash, when its piece is missing.

CI also runs it from the built bundle (.ci/run); these are the fast checks of its logic.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gadeplan.app import selftest
from gadeplan.app.policy import Policy
from gadeplan.app.selftest import FAIL, OK, WARN
from gadeplan.ui.selftest import check_signals, qt_checks

ROOT = Path(__file__).resolve().parents[2]


def self_test(qm_dir: Path, policy: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "GADEPLAN_TRANSLATIONS": str(qm_dir),
        "GADEPLAN_POLICY": str(policy),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    return subprocess.run(
        [sys.executable, "-m", "gadeplan.app.cli", "self-test", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_a_sound_installation_passes_with_one_line_per_check(
    qm_dir: Path, tmp_path: Path, isolated_home: Path
) -> None:
    done = self_test(qm_dir, tmp_path / "no-policy.toml")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Gadeplan ")
    assert "(from source)" in lines[0]
    assert lines[-1] == "all checks passed"
    checks = lines[1:-1]
    names = [line.split(":")[0].split()[-1] for line in checks]
    assert names == [
        "policy",
        "SQLCipher",
        "keychain",
        "trust",
        "Qt",
        "signals",
        "window",
        "icon",
        "translation",
        "translation",
    ]
    # No keychain here, which the default policy allows: a warning, not a failure.
    assert any(line.startswith("warn  keychain: keyring.backends.fail.Keyring") for line in checks)
    assert all(line.startswith("ok    ") for line in checks if "keychain" not in line)
    assert "'Unknown' is 'Uoplyst'" in done.stdout
    # Nothing of the user's: not their folders, and nothing was written there.
    assert str(isolated_home) not in done.stdout
    assert not list((isolated_home / ".local" / "share").iterdir())


def test_a_missing_translation_fails_the_self_test(tmp_path: Path) -> None:
    empty = tmp_path / "qm"
    empty.mkdir()
    done = self_test(empty, tmp_path / "no-policy.toml", "--json")
    assert done.returncode == selftest.EXIT_FAILED
    report = json.loads(done.stdout)
    assert report["ok"] is False
    failed = [c for c in report["checks"] if c["status"] == FAIL]
    assert failed == [
        {"name": "translation", "status": FAIL, "detail": "gadeplan_da.qm is missing or unreadable"}
    ]


def test_a_malformed_policy_is_a_failure_line_not_a_refusal_to_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text("idle_lock_minutes = 'soon'\n", "utf-8")
    report = selftest.run(qt=None)  # the default policy path: GADEPLAN_POLICY of the fixture
    assert report.ok
    monkeypatch.setenv("GADEPLAN_POLICY", str(policy))
    report = selftest.run(qt=None)
    assert not report.ok
    first = report.checks[0]
    assert (first.name, first.status) == ("policy", FAIL)
    assert "idle_lock_minutes" in first.detail
    # The other checks still ran.
    assert [c.name for c in report.checks[1:]] == ["SQLCipher", "keychain", "TLS trust"]


@pytest.mark.usefixtures("no_keychain")
def test_no_keychain_fails_only_where_the_policy_requires_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    statuses = {c.name: c.status for c in selftest.run(qt=None).checks}
    assert statuses["keychain"] == WARN
    policy = tmp_path / "policy.toml"
    policy.write_text("allow_passphrase_only = false\n", "utf-8")
    monkeypatch.setenv("GADEPLAN_POLICY", str(policy))
    statuses = {c.name: c.status for c in selftest.run(qt=None).checks}
    assert statuses["keychain"] == FAIL


def test_a_secure_keychain_passes() -> None:
    # The tests' in-memory keychain stands in for a secure one (tests/conftest.py).
    check = selftest.check_keychain(Policy())
    assert check.status == OK
    assert "MemoryKeyring" in check.detail


def test_qt_ending_the_process_is_reported_with_qts_reason() -> None:
    crash = (
        "import sys\n"
        "sys.stderr.write('qt.qpa.plugin: From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed "
        "to load the Qt xcb platform plugin.\\n')\n"
        "sys.stderr.write('This application failed to start.\\n')\n"
        "sys.exit(134)\n"
    )
    checks = selftest.qt_in_child([sys.executable, "-c", crash])
    assert [(c.name, c.status) for c in checks] == [("Qt", FAIL)]
    assert "libxcb-cursor0 is needed" in checks[0].detail
    assert "exit status 134" in checks[0].detail


def test_the_qt_checks_in_process(qtbot: QtBot, qm_dir: Path, tmp_path: Path) -> None:
    checks = qt_checks(qm_dir)
    assert [c.status for c in checks] == [OK] * 6, checks
    assert "platform plugin 'offscreen'" in checks[0].detail
    broken = tmp_path / "qm"
    broken.mkdir()
    (broken / "gadeplan_da.qm").write_bytes(b"not a translation")
    statuses = [(c.name, c.status) for c in qt_checks(broken)]
    assert statuses[-1] == ("translation", FAIL)


def test_the_signal_check_fails_when_references_change(qtbot: QtBot) -> None:
    """The real failure (PySide6 6.12.0) drops references; keeping them is the safe way to
    show the check notices a change either way."""
    kept: list[bool] = []
    check = check_signals(lambda: kept.append(True))
    assert (check.name, check.status) == ("signals", FAIL)
    assert "docs/it-guide.md" in check.detail
