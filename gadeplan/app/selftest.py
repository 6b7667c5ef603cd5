"""``gadeplan self-test``: is this installation able to run, on this computer?

Run by IT after installing (and by CI from the built bundle), it checks what a bundle can lose
on the way to a laptop and what the laptop itself must provide: SQLCipher, the keychain back
end, the TLS trust store, the machine policy, and (in a child process, see :func:`qt_in_child`)
the Qt platform plugin, the window's modules, the icon and the translations.

Each check is one line, ``ok``, ``warn`` or ``FAIL``, with a detail that names versions, back
ends, counts and installation paths, never a profile, a user name or anything from a profile:
the output is meant to be pasted into a support ticket. Nothing is written to the user's
folders; SQLCipher is tried on a throw-away database in the system's temporary folder.
"""

from __future__ import annotations

import json
import os
import platform
import ssl
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import TextIO

import msgspec

from gadeplan import __version__
from gadeplan.app.policy import Policy, PolicyError, load_policy, policy_path
from gadeplan.storage import keychain
from gadeplan.storage.db import probe_sqlcipher
from gadeplan.storage.errors import StoreError
from gadeplan.sync.transport import trust_summary

OK = "ok"
#: Works, but weaker than it could be (no secure keychain where policy allows that).
WARN = "warn"
FAIL = "FAIL"

#: ``gadeplan self-test`` exits with this when a check failed (as for a missing SQLCipher or
#: keychain at any other command: the installation lacks something it needs).
EXIT_FAILED = 69

#: The keyring back end each system's bundle must carry (by entry point name).
_OS_KEYRING = {"win32": "Windows", "darwin": "macOS"}
_LINUX_KEYRING = "SecretService"

#: Seconds the Qt child may take: a cold start from a network drive or antivirus scanning
#: every library can take long; a hang beyond this is a failure of its own.
QT_CHILD_TIMEOUT = 120


class Check(msgspec.Struct, frozen=True):
    name: str
    status: str
    detail: str


class Report(msgspec.Struct, frozen=True):
    version: str
    bundle: bool
    system: str
    checks: list[Check]

    @property
    def ok(self) -> bool:
        return all(check.status != FAIL for check in self.checks)

    def write(self, out: TextIO, *, as_json: bool = False) -> None:
        if as_json:
            data = {**msgspec.to_builtins(self), "ok": self.ok}
            json.dump(data, out, indent=2, ensure_ascii=False)
            print(file=out)
            return
        where = "bundle" if self.bundle else "from source"
        print(f"Gadeplan {self.version} ({where}) on {self.system}", file=out)
        for check in self.checks:
            print(f"{check.status:<4}  {check.name}: {check.detail}", file=out)
        verdict = (
            "all checks passed" if self.ok else "a check FAILED: this installation will not run"
        )
        print(verdict, file=out)


def is_bundle() -> bool:
    """True in the PyInstaller bundle (its bootloader sets ``sys.frozen``)."""
    return bool(getattr(sys, "frozen", False))


def check_policy() -> tuple[Check, Policy]:
    """The policy in effect; the defaults stand in for later checks when it is malformed."""
    path = policy_path()
    try:
        policy = load_policy()
    except PolicyError as exc:
        return Check("policy", FAIL, f"{exc} (every command refuses to start)"), Policy()
    if policy.source == "defaults":
        detail = f"no policy at {path}: the built-in defaults apply"
    else:
        detail = f"read {policy.source}"
    allowed = "allowed" if policy.allow_passphrase_only else "not allowed"
    return Check("policy", OK, f"{detail}; passphrase-only profiles {allowed}"), policy


def check_sqlcipher() -> Check:
    try:
        with tempfile.TemporaryDirectory(prefix="gadeplan-selftest-") as folder:
            info = probe_sqlcipher(Path(folder))
    except StoreError as exc:
        return Check("SQLCipher", FAIL, f"{exc} ({exc.code})")
    except OSError as exc:
        return Check("SQLCipher", FAIL, f"no temporary folder to test in ({exc.strerror})")
    return Check(
        "SQLCipher",
        OK,
        f"{info['cipher_version']} ({info['cipher_provider']}), SQLite {info['sqlite_version']}; "
        "an encrypted test database was written and read back",
    )


def keyring_backends_in_build() -> list[str]:
    """The keyring back ends this installation can choose from, by entry point name (a bundle
    without keyring's metadata has none and silently falls back to the fail back end)."""
    return sorted({ep.name for ep in metadata.entry_points(group="keyring.backends")})


def check_keychain(policy: Policy) -> Check:
    expected = _OS_KEYRING.get(sys.platform, _LINUX_KEYRING)
    known = keyring_backends_in_build()
    if expected not in known:
        has = ", ".join(known) or "none"
        return Check("keychain", FAIL, f"this build lacks keyring's {expected} back end ({has})")
    try:
        name = keychain.backend_name()
        secure = keychain.secure_backend_available()
    except Exception as exc:  # a back end that breaks while being chosen is itself the finding
        # keyring's own words name the back end and the missing piece (no session bus ...).
        said = str(exc)[:200] or type(exc).__name__
        return Check("keychain", FAIL, f"choosing a keyring back end failed: {said}")
    if secure:
        return Check("keychain", OK, f"{name} (secure; new profiles use it)")
    if policy.allow_passphrase_only:
        return Check(
            "keychain",
            WARN,
            f"{name} is not a secure keychain: new profiles are protected by the passphrase "
            "alone, which the policy allows",
        )
    return Check(
        "keychain",
        FAIL,
        f"{name} is not a secure keychain, and the policy requires one: no profile can be made",
    )


def check_tls(policy: Policy) -> Check:
    try:
        return Check("TLS trust", OK, trust_summary(policy.ca_certificate))
    except ssl.SSLError as exc:
        return Check("TLS trust", FAIL, exc.reason or str(exc))
    except OSError as exc:
        return Check("TLS trust", FAIL, f"{policy.ca_certificate}: {exc.strerror}")


def qt_child_command() -> list[str]:
    """This same program, asked for the Qt checks alone."""
    if is_bundle():
        return [sys.executable, "self-test", "--qt-child"]
    return [sys.executable, "-m", "gadeplan.app.cli", "self-test", "--qt-child"]


def _redact_home(text: str) -> str:
    home = str(Path.home())
    return text.replace(home, "~") if len(home) > 1 else text


def qt_in_child(command: Sequence[str] | None = None) -> list[Check]:
    """The Qt checks in a child process, whose JSON answer is read back.

    A child, because Qt ends the process (qFatal, no exception) when no platform plugin can
    start, such as a Linux laptop without libxcb-cursor0 or a server without a display: in
    this process that would cut the report off with Qt's message; here it is a FAIL line that
    quotes Qt's reason, and every other check is still reported.
    """
    try:
        done = subprocess.run(  # noqa: S603 - this program itself, with fixed arguments
            list(command or qt_child_command()),
            capture_output=True,
            text=True,
            timeout=QT_CHILD_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return [Check("Qt", FAIL, f"the Qt checks did not finish in {QT_CHILD_TIMEOUT} s")]
    except OSError as exc:
        return [Check("Qt", FAIL, f"the Qt checks could not start ({exc.strerror})")]
    try:
        rows = json.loads(done.stdout)
        checks = [Check(str(r["name"]), str(r["status"]), str(r["detail"])) for r in rows]
    except (ValueError, TypeError, KeyError):
        checks = []
    if done.returncode == 0 and checks:
        return checks
    lines = [line.strip() for line in done.stderr.splitlines() if line.strip()]
    # Qt's platform messages say which plugin failed and why (a missing libxcb-cursor0, no
    # display); without them, the last lines are the telling ones.
    telling = [line for line in lines if line.startswith("qt.")] or lines[-3:]
    said = _redact_home(" / ".join(telling)) if telling else "no message"
    ended = (
        f"ended by signal {-done.returncode}"
        if done.returncode < 0
        else f"exit status {done.returncode}"
    )
    return [*checks, Check("Qt", FAIL, f"the window could not start ({ended}): {said}")]


def run(qt: Callable[[], list[Check]] | None) -> Report:
    """Every check; ``qt`` gives the Qt ones (None leaves them out)."""
    policy_check, policy = check_policy()
    checks = [
        policy_check,
        check_sqlcipher(),
        check_keychain(policy),
        check_tls(policy),
    ]
    if qt is not None:
        checks.extend(qt())
    system = f"{platform.system()} {platform.release()} {platform.machine()}"
    if os.environ.get("QT_QPA_PLATFORM"):
        system += f", QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}"
    return Report(__version__, is_bundle(), system, checks)


def write_checks(checks: Sequence[Check], out: TextIO) -> None:
    """The child's answer to :func:`qt_in_child`."""
    json.dump(msgspec.to_builtins(checks), out)
    print(file=out)
