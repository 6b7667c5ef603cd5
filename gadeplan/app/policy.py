"""Machine policy: what IT decides for every profile on a computer.

Three layers, each key taken from the highest one that sets it:

1. the built-in defaults;
2. ``policy.toml`` in the platform's site configuration folder (or the file named by
   ``GADEPLAN_POLICY``), which IT deploys with the installer;
3. on Windows, the registry key ``HKLM\\SOFTWARE\\Policies\\Gadeplan``, which Group Policy
   writes: a domain administrator's word is the last one, as for every other program there.

The policy wins over the worker's own settings. A malformed policy stops the program rather
than letting it run with weaker protection than IT asked for: a value that cannot be read is
never replaced by the default, since the default is usually the weaker choice.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import msgspec
import platformdirs
from msgspec import field

from gadeplan.sync.errors import check_server_url

APP_NAME = "Gadeplan"
POLICY_FILE = "policy.toml"
REGISTRY_KEY = r"SOFTWARE\Policies\Gadeplan"
#: How the registry layer is named in ``sources`` and in messages.
REGISTRY_SOURCE = rf"HKLM\{REGISTRY_KEY}"
#: How a key nobody set is named in ``sources``.
DEFAULT_SOURCE = "default"

#: The languages the program ships (Danish is the default).
LANGUAGES = ("da", "en")

#: The shortest local retention IT may set, in days. The retention removes people the worker
#: has not met for that long; shorter would remove people a worker still meets about once a
#: month (a check-in after a move, a monthly visit at the night café), and every removal means
#: fetching the person again, or not having their history at hand when they turn up.
MIN_RETENTION_DAYS = 30

#: Reads the registry layer: value names and values (``int`` for REG_DWORD, ``str`` for
#: REG_SZ), or None where there is no such key. Injectable, so tests on any system can play
#: Group Policy.
RegistryReader = Callable[[], Mapping[str, object] | None]


class PolicyError(Exception):
    """The policy exists but cannot be trusted; its text is safe to show (no PII)."""


class Policy(msgspec.Struct, frozen=True):
    allow_passphrase_only: bool = True
    #: 0: only the key file's own minimums apply.
    min_passphrase_length: int = 0
    idle_lock_minutes: int = 5
    backend_url: str | None = None
    ca_certificate: str | None = None
    language: str | None = None
    #: Synced records of people with no activity for this many days leave the laptop (they
    #: stay on the backend). None: keep everything.
    retention_days: int | None = None
    #: Where the policy came from, in one line for the About box: "defaults", a file, the
    #: registry key, or both joined by " + ".
    source: str = "defaults"
    #: Per key, where its value came from (a key missing here has its default).
    sources: Mapping[str, str] = field(default_factory=dict)

    def __hash__(self) -> int:
        # Where the values came from is not part of a policy's identity (and is a dict).
        return hash(tuple(getattr(self, n) for n in self.__struct_fields__ if n != "sources"))

    def source_of(self, key: str) -> str:
        return self.sources.get(key, DEFAULT_SOURCE)

    def settings(self) -> list[tuple[str, object, str]]:
        """Every key, its effective value and where it came from, in a stable order."""
        return [(key, getattr(self, key), self.source_of(key)) for key in KEYS]


# --- validation of one value -------------------------------------------------------------------


def _in_range(low: int, high: int) -> Callable[[object], str | None]:
    def check(value: object) -> str | None:
        assert isinstance(value, int)
        return None if low <= value <= high else f"must be between {low} and {high}"

    return check


def _retention(value: object) -> str | None:
    assert isinstance(value, int)
    if value < MIN_RETENTION_DAYS:
        return (
            f"must be at least {MIN_RETENTION_DAYS} days (shorter would remove people a "
            "worker still meets every month)"
        )
    return None if value <= 36_500 else "must be at most 36500 days"


def _backend_url(value: object) -> str | None:
    assert isinstance(value, str)
    try:
        check_server_url(value)
    except ValueError as exc:
        return f"is not a usable address ({exc}; plain http:// only to this computer)"
    return None


def _ca_certificate(value: object) -> str | None:
    """A CA certificate IT named must be used: one silently ignored would leave the program
    trusting the wrong authorities, so a missing or unreadable file is refused here."""
    assert isinstance(value, str)
    path = Path(value)
    if not path.is_absolute():
        return "must be an absolute path"
    if not path.is_file():
        return "names no such file"
    import ssl  # here, not at every start: only a policy that names a CA file needs it

    try:
        ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).load_verify_locations(cafile=str(path))
    except PermissionError:
        return "names a file that cannot be read"
    except (ssl.SSLError, OSError, ValueError):
        return "names a file that holds no PEM certificate"
    return None


def _language(value: object) -> str | None:
    return None if value in LANGUAGES else f"must be one of {', '.join(LANGUAGES)}"


class _Key(msgspec.Struct, frozen=True):
    kind: type
    check: Callable[[object], str | None] | None = None


KEYS: dict[str, _Key] = {
    "backend_url": _Key(str, _backend_url),
    "ca_certificate": _Key(str, _ca_certificate),
    "allow_passphrase_only": _Key(bool),
    "min_passphrase_length": _Key(int, _in_range(8, 128)),
    "idle_lock_minutes": _Key(int, _in_range(1, 240)),
    "retention_days": _Key(int, _retention),
    "language": _Key(str, _language),
}

_TYPE_NAMES = {bool: "true or false", int: "a whole number", str: "a string"}
_REGISTRY_TYPES = {bool: "a REG_DWORD of 0 or 1", int: "a REG_DWORD", str: "a REG_SZ"}


# --- the layers --------------------------------------------------------------------------------


def policy_path() -> Path:
    override = os.environ.get("GADEPLAN_POLICY")
    if override:
        return Path(override)
    return Path(platformdirs.site_config_dir(APP_NAME, appauthor=False)) / POLICY_FILE


def read_registry() -> Mapping[str, object] | None:
    """The Group Policy values under HKLM; None off Windows or where the key does not exist."""
    if sys.platform != "win32":
        return None
    import winreg

    try:
        key = winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, REGISTRY_KEY)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise PolicyError(f"the registry policy {REGISTRY_SOURCE} cannot be read") from exc
    values: dict[str, object] = {}
    with key:
        index = 0
        while True:
            try:
                name, value, kind = winreg.EnumValue(key, index)
            except OSError:
                break
            index += 1
            if kind in (winreg.REG_SZ, winreg.REG_EXPAND_SZ):
                values[name] = str(value)
            elif kind in (winreg.REG_DWORD, winreg.REG_QWORD):
                values[name] = int(value)
            else:
                # Kept as it is, so the type check names the value instead of skipping it.
                values[name] = value
    return values


def _read_file(path: Path) -> dict[str, Any] | None:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise PolicyError(f"the policy file {path} cannot be read: {exc.strerror}") from exc
    import tomllib  # here: most machines have no policy file, and the parser is 2 ms a start

    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PolicyError(f"the policy file {path} is not valid TOML: {exc}") from exc


def _checked(values: Mapping[str, object], where: str, *, registry: bool) -> dict[str, object]:
    """The layer's values, typed and checked; anything doubtful raises PolicyError."""
    # Registry value names are case-insensitive, as Windows treats them; an unnamed (default)
    # value is what regedit shows on every key, not a setting.
    items = {
        (name.lower() if registry else name): value
        for name, value in values.items()
        if not (registry and name == "")
    }
    unknown = sorted(set(items) - set(KEYS))
    if unknown:
        raise PolicyError(f"{where} has unknown keys: {', '.join(unknown)}")
    checked: dict[str, object] = {}
    for name in KEYS:
        if name not in items:
            continue
        value = items[name]
        kind = KEYS[name].kind
        if registry and kind is bool and isinstance(value, int) and value in (0, 1):
            value = bool(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            expected = (_REGISTRY_TYPES if registry else _TYPE_NAMES)[kind]
            raise PolicyError(f"{where}: {name} must be {expected}")
        check = KEYS[name].check
        problem = check(value) if check is not None else None
        if problem is not None:
            raise PolicyError(f"{where}: {name} {problem}")
        checked[name] = value
    return checked


def load_policy(path: Path | None = None, *, registry: RegistryReader | None = None) -> Policy:
    """The effective policy: defaults, then the file, then the registry, key by key."""
    path = path or policy_path()
    registry = registry or read_registry
    layers: list[tuple[str, dict[str, object]]] = []
    data = _read_file(path)
    if data is not None:
        layers.append((str(path), _checked(data, f"the policy file {path}", registry=False)))
    registry_values = registry()
    if registry_values is not None:
        where = f"the registry policy {REGISTRY_SOURCE}"
        layers.append((REGISTRY_SOURCE, _checked(registry_values, where, registry=True)))
    values: dict[str, object] = {}
    sources: dict[str, str] = {}
    for source, layer in layers:
        for name, value in layer.items():
            values[name] = value
            sources[name] = source
    summary = " + ".join(source for source, _ in layers) or "defaults"
    return Policy(**values, source=summary, sources=sources)  # type: ignore[arg-type]
