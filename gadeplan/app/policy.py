"""Machine policy: what IT decides for every profile on a computer.

Read from ``policy.toml`` in the platform's site configuration folder (or the file named by
``GADEPLAN_POLICY``). It wins over user settings. A malformed policy stops the program rather
than letting it run with weaker protection than IT asked for.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

import platformdirs

APP_NAME = "Gadeplan"
POLICY_FILE = "policy.toml"


class PolicyError(Exception):
    """The policy file exists but cannot be trusted; its text is safe to show (no PII)."""


@dataclass(frozen=True)
class Policy:
    allow_passphrase_only: bool = True
    min_passphrase_length: int = 0
    idle_lock_minutes: int = 5
    backend_url: str | None = None
    ca_certificate: str | None = None
    language: str | None = None
    source: str = "defaults"


def policy_path() -> Path:
    override = os.environ.get("GADEPLAN_POLICY")
    if override:
        return Path(override)
    return Path(platformdirs.site_config_dir(APP_NAME, appauthor=False)) / POLICY_FILE


def load_policy(path: Path | None = None) -> Policy:
    path = path or policy_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Policy()
    except OSError as exc:
        raise PolicyError(f"the policy file {path} cannot be read: {exc.strerror}") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PolicyError(f"the policy file {path} is not valid TOML: {exc}") from exc
    known = {f.name: f.type for f in fields(Policy) if f.name != "source"}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise PolicyError(f"the policy file {path} has unknown keys: {', '.join(unknown)}")
    expected = {
        "allow_passphrase_only": bool,
        "min_passphrase_length": int,
        "idle_lock_minutes": int,
        "backend_url": str,
        "ca_certificate": str,
        "language": str,
    }
    for key, value in data.items():
        kind = expected[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise PolicyError(f"the policy file {path}: {key} must be a {kind.__name__}")
    if data.get("idle_lock_minutes", 5) < 1:
        raise PolicyError(f"the policy file {path}: idle_lock_minutes must be at least 1")
    return Policy(**data, source=str(path))
