"""``gadeplan-server [--db URL] <command>``: the administrator's tool and the server itself.

Messages name what went wrong and what to do, never a person's data; exit codes follow
sysexits (64 usage, 65 data, 69 unavailable, 70 software).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from typing import TextIO

from sqlalchemy.exc import OperationalError, SQLAlchemyError

from gadeplan.app.domain.clock import SystemClock
from gadeplan.backend.admin import Admin, AdminError
from gadeplan.backend.db import Database
from gadeplan.backend.settings import ENV_DB_URL, Settings

EXIT_USAGE = 64
EXIT_DATA = 65
EXIT_UNAVAILABLE = 69
EXIT_SOFTWARE = 70


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gadeplan-server",
        description="The Gadeplan municipal sync backend and its administration.",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help=f"database URL (default: ${ENV_DB_URL}, else an SQLite file in the data folder); "
        "PostgreSQL: postgresql+psycopg://user@host/dbname",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="<command>")
    sub.add_parser("init-db", help="create or upgrade the database (idempotent)")
    p = sub.add_parser("add-team", help="add a team")
    p.add_argument("name")
    p = sub.add_parser("add-worker", help="add a worker (the password is read from stdin)")
    p.add_argument("username")
    p.add_argument("--team", action="append", required=True, help="team name (repeatable)")
    p.add_argument("--password-stdin", action="store_true", required=True)
    p.add_argument("--admin", action="store_true", help="mark the worker as an administrator")
    p.add_argument("--name", help="display name (default: the username)")
    p = sub.add_parser("list-devices", help="list registered devices")
    p.add_argument("username", nargs="?")
    p = sub.add_parser("revoke-device", help="revoke a lost or stolen laptop (it wipes itself)")
    p.add_argument("device_id", metavar="ID")
    p = sub.add_parser("erase", help="erase a person and every record about them")
    p.add_argument("person_id", metavar="PERSON_ID")
    p.add_argument("--reason", required=True, help="a case number; no personal data")
    p = sub.add_parser("audit-extract", help="every log entry about one person, as JSON")
    p.add_argument("person_id", metavar="PERSON_ID")
    sub.add_parser("new-epoch", help="after restoring a backup: make every client reset")
    sub.add_parser("retention", help="delete logs and tombstones older than the retention")
    p = sub.add_parser("serve", help="run the HTTP server")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--tls-cert", metavar="FILE")
    p.add_argument("--tls-key", metavar="FILE")
    p.add_argument(
        "--forwarded-allow-ips",
        metavar="IPS",
        help="addresses of the reverse proxy whose X-Forwarded-For is trusted",
    )
    sub.add_parser("demo", help="create the local demo team and worker (idempotent)")
    return parser


def run(argv: Sequence[str], out: TextIO, err: TextIO, stdin: TextIO) -> int:
    args = build_parser().parse_args(argv)
    settings = Settings.from_env(db_url=args.db)
    if args.command == "serve":
        return _serve(args, settings, out, err)
    db = Database(settings.db_url)
    admin = Admin(db, settings, SystemClock())
    try:
        return _command(args, admin, out, stdin)
    except AdminError as exc:
        print(f"gadeplan-server: {exc}", file=err)
        return EXIT_DATA
    except OperationalError as exc:
        print(
            f"gadeplan-server: the database cannot be used ({type(exc.orig).__name__}). "
            "Check --db and that 'init-db' has been run.",
            file=err,
        )
        return EXIT_UNAVAILABLE
    except SQLAlchemyError as exc:
        print(f"gadeplan-server: database error ({type(exc).__name__}).", file=err)
        return EXIT_SOFTWARE
    finally:
        db.dispose()


def _command(args: argparse.Namespace, admin: Admin, out: TextIO, stdin: TextIO) -> int:
    command = args.command
    if command == "init-db":
        created = admin.init_db()
        print("Database created." if created else "Database is up to date.", file=out)
    elif command == "add-team":
        print(admin.add_team(args.name), file=out)
    elif command == "add-worker":
        password = stdin.readline().rstrip("\r\n")
        if not password:
            raise AdminError("No password on standard input.")
        print(
            admin.add_worker(args.username, password, args.team, admin=args.admin, name=args.name),
            file=out,
        )
    elif command == "list-devices":
        for d in admin.list_devices(args.username):
            state = f"revoked {d.revoked_at:%Y-%m-%d}" if d.revoked_at else "active"
            seen = f"{d.last_seen_at:%Y-%m-%d %H:%M}" if d.last_seen_at else "never"
            print(f"{d.id}\t{d.username}\t{d.name}\tlast seen {seen}\t{state}", file=out)
    elif command == "revoke-device":
        admin.revoke_device(args.device_id)
        print("Revoked. The laptop deletes its data at its next sync.", file=out)
    elif command == "erase":
        count = admin.erase_person(args.person_id, args.reason)
        print(f"Erased {count} records.", file=out)
    elif command == "audit-extract":
        json.dump(admin.audit_extract(args.person_id), out, indent=2, ensure_ascii=False)
        print(file=out)
    elif command == "new-epoch":
        print(f"New epoch {admin.new_epoch()}: every client will pull again.", file=out)
    elif command == "retention":
        print(admin.apply_retention(), file=out)
    elif command == "demo":
        username, password = admin.demo()
        print(f"Demo worker: {username} / {password}", file=out)
    return 0


def _serve(args: argparse.Namespace, settings: Settings, out: TextIO, err: TextIO) -> int:
    import uvicorn

    from gadeplan.backend.app import create_app

    if bool(args.tls_cert) != bool(args.tls_key):
        print("gadeplan-server: give both --tls-cert and --tls-key, or neither.", file=err)
        return EXIT_USAGE
    Admin(Database(settings.db_url), settings, SystemClock()).init_db()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    print(f"Serving on {args.host}:{args.port}", file=out)
    uvicorn.run(
        create_app(settings),
        host=args.host,
        port=args.port,
        ssl_certfile=args.tls_cert,
        ssl_keyfile=args.tls_key,
        proxy_headers=args.forwarded_allow_ips is not None,
        forwarded_allow_ips=args.forwarded_allow_ips,
        log_level="info",
        server_header=False,
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    return run(sys.argv[1:] if argv is None else argv, sys.stdout, sys.stderr, sys.stdin)


if __name__ == "__main__":
    sys.exit(main())
