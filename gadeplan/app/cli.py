"""The headless command line: ``gadeplan [options] <command>``.

Never loads Qt; only starting the window does (``gadeplan`` with no command, once the window
exists). Every failure the environment can cause ends in one plain sentence and a stable exit
code, with nothing deleted or changed; driver messages and tracebacks (which can quote data)
are never printed unless ``--debug`` is given.

``gadeplan`` without a command starts the window, so every module imported at the top of this
file is waited for at each start: what only one command needs (the self-test with its HTTP
stack, the seed generator) is imported in that command, and the sync service loads its HTTP
stack at the first sync.
"""

from __future__ import annotations

import argparse
import errno
import gc
import getpass
import importlib
import json
import logging
import platform
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

import msgspec

from gadeplan import __version__
from gadeplan.app import logs
from gadeplan.app.domain.housing import DANISH_LABELS, HousingCategory
from gadeplan.app.errors import ProfileWiped
from gadeplan.app.policy import REGISTRY_SOURCE, Policy, PolicyError, load_policy, policy_path
from gadeplan.app.services import profile
from gadeplan.app.services.session import Session
from gadeplan.storage import keys
from gadeplan.storage.errors import StoreError, WeakPassphrase
from gadeplan.sync.errors import SyncError

log = logging.getLogger("gadeplan")

EXIT_USAGE = 64
EXIT_SOFTWARE = 70
EXIT_DAMAGED = 65

DEMO_PASSPHRASE = "gadeplan-demo-2026"  # noqa: S105 - the demo profile's published passphrase

MESSAGES: dict[str, str] = {
    "profile_not_found": "There is no profile in {folder}. Create one with 'gadeplan init'.",
    "profile_exists": "A profile already exists in {folder}. Nothing was changed.",
    "wrong_passphrase": "Wrong passphrase. Nothing was changed.",
    "wrong_recovery_key": "That recovery key does not open this profile. Nothing was changed.",
    "throttled": "Too many failed attempts. Try again in {retry} seconds.",
    "weak_passphrase": "The passphrase must have at least {minimum} characters.",
    "keychain_unavailable": (
        "This computer has no secure keychain, and the machine policy does not allow a profile "
        "protected by the passphrase alone. Ask IT."
    ),
    "keychain_entry_missing": (
        "This profile's device secret is missing from the keychain (a new user account or a "
        "reset keychain). Open it with the recovery key: 'gadeplan recover'."
    ),
    "damaged_key_file": (
        "The key file in {folder} is damaged. Nothing was changed. Restore keys.json from a "
        "backup, or register this laptop again and sync from the backend."
    ),
    "damaged_store": (
        "The database in {folder} is damaged or missing. Nothing was changed or deleted. "
        "Run 'gadeplan check', and ask IT; the data on the backend is safe."
    ),
    "no_sqlcipher": "This installation lacks SQLCipher encryption and will not run. Ask IT.",
    "newer_store": (
        "This profile was last used by a newer version of Gadeplan. Nothing was changed. "
        "Ask IT to install that version again."
    ),
    "disk_full": "The disk is full. Nothing was lost; free some space and try again.",
    "store_locked": (
        "The profile in {folder} is open in another Gadeplan window or command. Close that "
        "first; nothing was changed."
    ),
    "store_error": "The profile could not be used. Nothing was changed.",
}


SYNC_MESSAGES: dict[str, str] = {
    "offline": "No connection to the backend. Nothing was lost; sync again when online.",
    "server_unavailable": "The backend did not answer properly. Nothing was lost; try later.",
    "untrusted_server": (
        "The backend's certificate is not trusted on this computer, so nothing was sent. "
        "Nothing was lost. Ask IT: the municipality's CA may be missing (ca_certificate in "
        "the machine policy)."
    ),
    "rate_limited": "Too many sign-in attempts. Wait a few minutes and try again.",
    "unauthorized": "The backend did not accept the username or password.",
    "upgrade_required": "The backend needs a newer Gadeplan. Ask IT to update it.",
    "mutation_gap": "The backend is missing some of this laptop's changes. Ask IT.",
    "protocol_error": "The backend's answer was not understood. Ask IT.",
    "already_syncing": "A sync is already running.",
    "sync_error": "The sync did not finish. Nothing was lost; try again.",
}


class CliError(Exception):
    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def _options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options before the command, which the window takes too."""
    parser.add_argument("--version", action="version", version=f"gadeplan {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="profile folder (default: the user's data folder)",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="read the passphrase as the first line of standard input",
    )
    source.add_argument("--passphrase-file", type=Path, help="read the passphrase from a file")
    parser.add_argument("--debug", action="store_true", help="show tracebacks (may quote data)")
    return parser


def _window_args(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The arguments of ``gadeplan`` with options alone (the window), read without building
    the parsers of every command (5 ms of every start). None when a command, help, the
    version or a mistake is given: the full parser handles those, and says what is wrong."""
    words = list(sys.argv[1:] if argv is None else argv)
    if any(w in ("-h", "--help") or w.startswith("--v") for w in words):
        return None
    parser = _options(argparse.ArgumentParser(prog="gadeplan", add_help=False))
    parser.exit_on_error = False
    try:
        args, rest = parser.parse_known_args(words)
    except argparse.ArgumentError:
        return None
    if rest:
        return None
    args.command = None
    return args


def build_parser() -> argparse.ArgumentParser:
    parser = _options(
        argparse.ArgumentParser(
            prog="gadeplan",
            description="Gadeplan: the encrypted field journal for street outreach work.",
        )
    )
    sub = parser.add_subparsers(dest="command", metavar="<command>")

    init = sub.add_parser("init", help="create a profile; prints the recovery key once")
    init.add_argument("--worker-name", default=profile.LOCAL_WORKER_NAME)

    seed_p = sub.add_parser("seed", help="add realistic synthetic data (deterministic)")
    seed_p.add_argument("--persons", type=int, required=True)
    seed_p.add_argument("--encounters", type=int, required=True)
    seed_p.add_argument("--seed", type=int, default=1)

    sub.add_parser("check", help="run the integrity and cipher checks")

    passwd = sub.add_parser("passwd", help="change the passphrase (the database is not rewritten)")
    passwd.add_argument(
        "--new-passphrase-file", type=Path, help="read the new passphrase from a file"
    )

    sub.add_parser("recover", help="open with the recovery key and set a new passphrase")

    stats = sub.add_parser("stats", help="counts of records, people homeless today, unsent work")
    stats.add_argument("--json", action="store_true")

    export = sub.add_parser("export-person", help="everything about one person as JSON (audited)")
    export.add_argument("person_id")
    export.add_argument("--output", type=Path, help="write to a file instead of standard output")

    register = sub.add_parser(
        "register", help="sign this laptop in to the municipal backend (asks for the password)"
    )
    register.add_argument("--server", help="backend address (default: the machine policy's)")
    register.add_argument("--username", required=True)
    register.add_argument("--device-name", default=None, help="default: this computer's name")

    sub.add_parser("sync", help="one sync with the backend: send unsent changes, fetch new ones")

    demo = sub.add_parser("demo", help="create (once) and seed a demo profile, then summarise")
    demo.add_argument("--persons", type=int, default=300)
    demo.add_argument("--encounters", type=int, default=3000)

    policy_p = sub.add_parser("policy", help="the machine policy IT set for this computer")
    policy_sub = policy_p.add_subparsers(dest="policy_command", metavar="<action>", required=True)
    show = policy_sub.add_parser(
        "show", help="every effective setting and where it came from (needs no profile)"
    )
    show.add_argument("--json", action="store_true")

    self_test = sub.add_parser(
        "self-test",
        help="check this installation: SQLCipher, keychain, TLS, policy, Qt, translations",
    )
    self_test.add_argument("--json", action="store_true")
    # The Qt half, run by self-test itself in a child process (see gadeplan/app/selftest.py).
    self_test.add_argument("--qt-child", action="store_true", help=argparse.SUPPRESS)
    return parser


class Terminal:
    """Where secrets come from: an option, standard input, or a prompt on a terminal."""

    def __init__(self, args: argparse.Namespace, stdin: TextIO) -> None:
        self._args = args
        self._stdin = stdin
        self._stdin_lines: list[str] | None = None

    def _stdin_line(self, index: int) -> str:
        if self._stdin_lines is None:
            self._stdin_lines = self._stdin.read().splitlines()
        if index >= len(self._stdin_lines):
            raise CliError("Standard input ended before all passphrases were read.", EXIT_USAGE)
        return self._stdin_lines[index]

    def passphrase(self, prompt: str = "Passphrase: ") -> str:
        if self._args.passphrase_stdin:
            return self._stdin_line(0)
        if self._args.passphrase_file:
            return _read_secret_file(self._args.passphrase_file)
        return self._prompt(prompt)

    def second(self, prompt: str, file: Path | None = None, *, confirm: bool = True) -> str:
        """A second secret (a new passphrase, a recovery key) after the first."""
        if file is not None:
            return _read_secret_file(file)
        if self._args.passphrase_stdin:
            return self._stdin_line(1)
        value = self._prompt(prompt)
        if confirm and self._prompt("Again: ") != value:
            raise CliError("The two entries differ. Nothing was changed.", EXIT_USAGE)
        return value

    def new_passphrase(self) -> str:
        if self._args.passphrase_stdin:
            return self._stdin_line(0)
        if self._args.passphrase_file:
            return _read_secret_file(self._args.passphrase_file)
        value = self._prompt("New passphrase: ")
        if self._prompt("Again: ") != value:
            raise CliError("The two entries differ. Nothing was changed.", EXIT_USAGE)
        return value

    @staticmethod
    def _prompt(prompt: str) -> str:
        if not sys.stdin.isatty():
            raise CliError(
                "No passphrase given: use --passphrase-stdin or --passphrase-file, "
                "or run in a terminal.",
                EXIT_USAGE,
            )
        return getpass.getpass(prompt)


def _read_secret_file(path: Path) -> str:
    try:
        return path.read_text("utf-8").rstrip("\r\n")
    except OSError as exc:
        raise CliError(f"Cannot read {path}: {exc.strerror}.", EXIT_USAGE) from exc


def _folder(args: argparse.Namespace) -> Path:
    return Path(args.data_dir) if args.data_dir else profile.default_profile_dir()


def _open(args: argparse.Namespace, term: Terminal) -> Session:
    return profile.open_profile(_folder(args), term.passphrase())


def cmd_init(args: argparse.Namespace, term: Terminal, out: TextIO, policy: Policy) -> int:
    folder = _folder(args)
    protection = keys.choose_protection(policy.allow_passphrase_only)
    if protection == "passphrase":
        print(
            "Warning: this computer has no secure keychain. The profile will be protected by "
            f"the passphrase alone (at least {keys.MIN_PASSPHRASE_ALONE} characters).",
            file=sys.stderr,
        )
    created = profile.create_profile(
        folder, term.new_passphrase(), policy=policy, worker_name=args.worker_name
    )
    created.session.lock()
    print(f"Profile created in {folder}", file=out)
    print(f"Protection: {_protection_text(created.protection)}", file=out)
    print("", file=out)
    print(
        "Recovery key (shown once; write it down and keep it safe, away from the laptop):", file=out
    )
    print(f"    {created.recovery_key}", file=out)
    return 0


def _protection_text(protection: str) -> str:
    if protection == "passphrase+keychain":
        return "passphrase + this computer's keychain"
    return "passphrase alone (no secure keychain on this computer)"


def _progress(out: TextIO) -> Callable[[int], None]:
    def report(done: int) -> None:
        print(f"  {done:>9,} records written", file=out, flush=True)

    return report


def cmd_seed(args: argparse.Namespace, term: Terminal, out: TextIO, policy: Policy) -> int:
    if args.persons < 0 or args.encounters < 0:
        raise CliError("--persons and --encounters must not be negative.", EXIT_USAGE)
    session = _open(args, term)
    try:
        written = _seed(session, args.persons, args.encounters, args.seed, out)
    finally:
        session.lock()
    print(f"Added {written:,} records.", file=out)
    return 0


def _seed(session: Session, persons: int, encounters: int, seed_value: int, out: TextIO) -> int:
    from gadeplan.app.seed import SeedSpec, seed

    spec = SeedSpec(
        persons=persons,
        encounters=encounters,
        seed=seed_value,
        team_id=session.identity.team_id,
        worker_id=session.identity.worker_id,
        today=session.clock.today(),
    )
    return seed(spec, session.bulk_writer(), batch_size=5000, progress=_progress(out))


def cmd_check(args: argparse.Namespace, term: Terminal, out: TextIO, policy: Policy) -> int:
    session = _open(args, term)
    try:
        info = session.store.cipher_info()
        problems = session.integrity_problems()
    finally:
        session.lock()
    print(
        f"SQLCipher {info['cipher_version']} ({info['cipher_provider']}), "
        f"SQLite {info['sqlite_version']}",
        file=out,
    )
    if problems:
        print("The store is damaged:", file=out)
        for line in problems[:20]:
            print(f"  {line}", file=out)
        return EXIT_DAMAGED
    print("quick_check: ok", file=out)
    print("cipher_integrity_check: ok", file=out)
    return 0


def cmd_passwd(args: argparse.Namespace, term: Terminal, out: TextIO, policy: Policy) -> int:
    old = term.passphrase("Current passphrase: ")
    new = term.second("New passphrase: ", args.new_passphrase_file)
    profile.change_passphrase(_folder(args), old, new, policy=policy)
    print("Passphrase changed. The recovery key is unchanged.", file=out)
    return 0


def cmd_recover(args: argparse.Namespace, term: Terminal, out: TextIO, policy: Policy) -> int:
    recovery_key = term.passphrase("Recovery key: ")
    new = term.second("New passphrase: ")
    session = profile.recover_profile(_folder(args), recovery_key, new, policy=policy)
    session.lock()
    print("The profile is open again with the new passphrase.", file=out)
    print(f"Protection: {_protection_text(profile.protection_of(_folder(args)))}", file=out)
    return 0


def cmd_stats(args: argparse.Namespace, term: Terminal, out: TextIO, policy: Policy) -> int:
    session = _open(args, term)
    try:
        stats = session.stats()
    finally:
        session.lock()
    if args.json:
        json.dump(msgspec.structs.asdict(stats), out, indent=2, ensure_ascii=False)
        print(file=out)
        return 0
    _print_stats(stats, out)
    return 0


def _print_stats(stats: object, out: TextIO) -> None:
    from gadeplan.app.services.session import Stats

    assert isinstance(stats, Stats)
    print("Records:", file=out)
    for entity, count in sorted(stats.records.items()):
        print(f"  {entity:<16} {count:>9,}", file=out)
    print(f"Homeless today (national count rules): {stats.homeless_total:,}", file=out)
    for category in HousingCategory:
        count = stats.homeless_by_category.get(category.value, 0)
        if count:
            print(f"  {DANISH_LABELS[category]:<58} {count:>6,}", file=out)
    oldest = f", oldest from {stats.oldest_unsent}" if stats.oldest_unsent else ""
    print(f"Changes not yet synced: {stats.unsent_changes:,}{oldest}", file=out)


def cmd_export_person(args: argparse.Namespace, term: Terminal, out: TextIO, policy: Policy) -> int:
    session = _open(args, term)
    try:
        export = session.export_person(args.person_id)
    finally:
        session.lock()
    if export is None:
        raise CliError("No person with that id in this profile.", 1)
    text = json.dumps(export, indent=2, ensure_ascii=False)
    if args.output:
        keys.atomic_write(args.output, text.encode("utf-8"))
        print(
            f"Written to {args.output}. It holds personal data: keep it safe, delete it after use.",
            file=out,
        )
    else:
        print(text, file=out)
    return 0


def cmd_demo(args: argparse.Namespace, term: Terminal, out: TextIO, policy: Policy) -> int:
    folder = _folder(args)
    if not (folder / keys.KEY_FILE).exists():
        created = profile.create_profile(
            folder, DEMO_PASSPHRASE, policy=Policy(), worker_name="Demo Medarbejder"
        )
        session = created.session
        print(f"Created a demo profile in {folder}", file=out)
        print(f"  passphrase: {DEMO_PASSPHRASE}", file=out)
        print(f"  protection: {_protection_text(created.protection)}", file=out)
        print("Seeding synthetic demo data (invented people, Esbjerg places) ...", file=out)
        try:
            _seed(session, args.persons, args.encounters, 2026, out)
        except BaseException:
            session.lock()
            raise
    else:
        session = profile.open_profile(folder, DEMO_PASSPHRASE)
        print(f"Opened the demo profile in {folder} (passphrase: {DEMO_PASSPHRASE})", file=out)
    try:
        print(file=out)
        _print_stats(session.stats(), out)
        hits = session.search_persons("soren", limit=5)
        print(file=out)
        print(f"Search 'soren' finds {len(hits)} people, e.g.:", file=out)
        for person in hits[:5]:
            print(f"  {person.alias:<14} {person.name or '(no name)'}", file=out)
        problems = session.integrity_problems()
        print(file=out)
        print("Integrity: " + ("ok" if not problems else f"{len(problems)} problems"), file=out)
    finally:
        session.lock()
    return 0


def cmd_register(args: argparse.Namespace, term: Terminal, out: TextIO, policy: Policy) -> int:
    server = args.server or policy.backend_url
    if not server:
        raise CliError("No backend address: give --server, or ask IT to set it in the policy.", 64)
    from gadeplan.app.services.sync import SyncService  # not needed by the window's start

    session = _open(args, term)
    try:
        password = term.second("Password at the backend: ", confirm=False)
        sync = SyncService(session, policy)
        device_name = args.device_name or platform.node() or "Gadeplan"
        try:
            registration = sync.register(server, args.username, password, device_name)
        finally:
            sync.close()
    finally:
        session.lock()
    print(
        f"Signed in as {registration.worker_name}; team: {', '.join(registration.team_names)}.",
        file=out,
    )
    print(
        "Work done on this laptop so far now belongs to that team; run 'gadeplan sync'.", file=out
    )
    return 0


def cmd_sync(args: argparse.Namespace, term: Terminal, out: TextIO, policy: Policy) -> int:
    from gadeplan.app.services.sync import SyncService

    session = _open(args, term)
    wiped = False
    try:
        sync = SyncService(session, policy)
        if not sync.is_registered():
            raise CliError("This laptop is not signed in to a backend: 'gadeplan register'.", 64)
        try:
            report = sync.sync_once()
        except ProfileWiped:
            wiped = True
            raise
        finally:
            sync.close()
        status = sync.status()
    finally:
        if not wiped:
            session.lock()
    print(f"Sent {report.pushed:,} changes, received {report.pulled:,}.", file=out)
    if report.erased:
        print(f"{report.erased:,} records were erased at the municipality's request.", file=out)
    if report.removed:
        print(f"{report.removed:,} records moved to teams this laptop does not serve.", file=out)
    if report.reset:
        print("The backend was restored from a backup: everything was fetched again.", file=out)
    for rejection in report.rejected:
        print(f"Refused by the backend ({rejection.error}): a {rejection.entity} change.", file=out)
    if status.clock_skew:
        print("Warning: this computer's clock is wrong; ask IT to correct it.", file=out)
    return 0


def cmd_policy(args: argparse.Namespace, term: Terminal, out: TextIO, policy: Policy) -> int:
    """``policy show``: what IT's settings add up to, so IT can check a deployment on the
    machine itself. Reads no profile and asks for no passphrase; a malformed policy never
    gets here (main refuses it, as for every command)."""
    settings = policy.settings()
    if args.json:
        document = {
            "file": str(policy_path()),
            "settings": {key: {"value": value, "source": src} for key, value, src in settings},
        }
        json.dump(document, out, indent=2, ensure_ascii=False)
        print(file=out)
        return 0
    rows = [(key, _policy_value(key, value), src) for key, value, src in settings]
    key_width = max(len(r[0]) for r in rows)
    value_width = max(len(r[1]) for r in rows)
    print("Machine policy (the registry wins over the file, the file over defaults):", file=out)
    for key, value, src in rows:
        print(f"  {key:<{key_width}}  {value:<{value_width}}  {src}", file=out)
    path = policy_path()
    print(f"Policy file: {path}{'' if path.exists() else ' (none)'}", file=out)
    if sys.platform == "win32":
        print(f"Group Policy: {REGISTRY_SOURCE}", file=out)
    return 0


def _policy_value(key: str, value: object) -> str:
    if key == "min_passphrase_length" and value == 0:
        minimums = (keys.MIN_PASSPHRASE_WITH_KEYCHAIN, keys.MIN_PASSPHRASE_ALONE)
        return "{} ({} without a keychain)".format(*minimums)
    if value is None:
        return "(not set)"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def cmd_self_test(args: argparse.Namespace, out: TextIO) -> int:
    """``self-test``: runs before the policy is enforced, since a malformed policy is one of
    the things it reports (as a FAIL line), and needs no profile or passphrase."""
    if args.qt_child:
        # The Qt checks live in ui/ and are loaded at run time, as the window is (see main).
        return int(importlib.import_module("gadeplan.ui.selftest").child_main(out))
    from gadeplan.app import selftest

    report = selftest.run(qt=selftest.qt_in_child)
    report.write(out, as_json=args.json)
    return 0 if report.ok else selftest.EXIT_FAILED


COMMANDS: dict[str, Callable[[argparse.Namespace, Terminal, TextIO, Policy], int]] = {
    "init": cmd_init,
    "seed": cmd_seed,
    "check": cmd_check,
    "passwd": cmd_passwd,
    "recover": cmd_recover,
    "stats": cmd_stats,
    "export-person": cmd_export_person,
    "demo": cmd_demo,
    "register": cmd_register,
    "sync": cmd_sync,
    "policy": cmd_policy,
}


def _message_for(exc: StoreError, folder: Path) -> str:
    template = MESSAGES.get(exc.code, MESSAGES["store_error"])
    return template.format(
        folder=folder,
        retry=getattr(exc, "retry_after_seconds", 0),
        minimum=getattr(exc, "minimum", keys.MIN_PASSPHRASE_WITH_KEYCHAIN),
    )


def main(
    argv: Sequence[str] | None = None, stdin: TextIO | None = None, out: TextIO | None = None
) -> int:
    args = _window_args(argv) or build_parser().parse_args(argv)
    if args.command is not None:
        gc.enable()  # off since app/entry.py; the window turns it on once it has painted
    out = out or sys.stdout
    level = logging.DEBUG if args.debug else logging.INFO
    # The window rotates its log once it has painted (logs.rotate); a command at once.
    logs.configure(level, console=args.debug, rotating=args.command is not None)
    if args.command is None:
        # The window, imported at run time: the headless commands never load Qt, and app/
        # keeps its contract of not importing ui/ (this is the one place the two meet).
        window = importlib.import_module("gadeplan.ui.app")
        return int(window.main(_folder(args)))
    if args.command == "self-test":
        return cmd_self_test(args, out)
    folder = _folder(args)
    try:
        policy = load_policy()
        status = COMMANDS[args.command](args, Terminal(args, stdin or sys.stdin), out, policy)
        log.info("command %s finished with status %d", args.command, status)
        return status
    except PolicyError as exc:
        log.error("machine policy refused")
        print(f"The machine policy is invalid, so Gadeplan will not start: {exc}", file=sys.stderr)
        return 78
    except WeakPassphrase as exc:
        print(_message_for(exc, folder), file=sys.stderr)
        return exc.exit_code
    except StoreError as exc:
        log.warning("command %s failed: %s", args.command, exc.code)
        print(_message_for(exc, folder), file=sys.stderr)
        return exc.exit_code
    except ProfileWiped:
        print(
            "The municipality has revoked this laptop at the backend. Its Gadeplan data and keys "
            "were deleted from it, as the rules require. Ask IT for a new sign-in.",
            file=sys.stderr,
        )
        return 1
    except SyncError as exc:
        log.warning("command %s failed: %s", args.command, exc.code)
        print(SYNC_MESSAGES.get(exc.code, SYNC_MESSAGES["sync_error"]), file=sys.stderr)
        return 75 if exc.transient else 69
    except ValueError as exc:
        # Only raised for a server address: its message names the rule, never data.
        print(f"{exc}.", file=sys.stderr)
        return EXIT_USAGE
    except CliError as exc:
        print(str(exc), file=sys.stderr)
        return exc.exit_code
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            print(MESSAGES["disk_full"], file=sys.stderr)
            return 74
        if args.debug:
            raise
        print(
            f"A file could not be used ({errno.errorcode.get(exc.errno or 0, 'error')}). "
            "Nothing was deleted.",
            file=sys.stderr,
        )
        return 74
    except KeyboardInterrupt:
        print("Interrupted. Every finished step is saved.", file=sys.stderr)
        return 130
    except Exception as exc:
        # The exception's text may quote data: only its type goes to the log.
        log.error("command %s failed with an internal error: %s", args.command, type(exc).__name__)
        if args.debug:
            raise
        print(
            f"Internal error ({type(exc).__name__}). This is a bug; please report it. "
            "Run with --debug for details (they may contain personal data).",
            file=sys.stderr,
        )
        return EXIT_SOFTWARE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
