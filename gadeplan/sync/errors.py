"""What the rest of the program needs to know about sync without loading the HTTP stack: the
errors a sync can end in, and the rule for a backend address.

Kept apart from ``transport`` so the window, the policy and the command line can name them at
start-up without importing httpx and pydantic (a fifth of a second before the window showed).
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit


class SyncError(Exception):
    """A sync failure with a stable ``code`` the UI turns into a sentence in Danish."""

    code = "sync_error"
    #: Worth trying again later without the worker doing anything.
    transient = False


class Offline(SyncError):
    code = "offline"
    transient = True


class UntrustedServer(SyncError):
    """The server's certificate is not trusted here: the municipality's CA is missing from the
    computer's trust store and from the policy's ``ca_certificate``, or something between the
    laptop and the server (a proxy that opens TLS) shows a certificate of its own. Not
    "offline": waiting will not mend it, and IT needs to know which it is."""

    code = "untrusted_server"


class ServerUnavailable(SyncError):
    code = "server_unavailable"
    transient = True


class Unauthorized(SyncError):
    code = "unauthorized"


class DeviceRevoked(SyncError):
    """The backend revoked this laptop: the local store must be wiped (remote wipe)."""

    code = "device_revoked"


class UpgradeRequired(SyncError):
    code = "upgrade_required"


class ResetRequired(SyncError):
    code = "reset_required"


class MutationGap(SyncError):
    code = "mutation_gap"

    def __init__(self, expected: int) -> None:
        super().__init__(f"the server expects mutation {expected}")
        self.expected = expected


class TooLarge(SyncError):
    code = "too_large"


class RateLimited(SyncError):
    code = "rate_limited"
    transient = True


class ProtocolError(SyncError):
    """The server answered something the protocol does not allow: a bug on one side."""

    code = "protocol_error"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_server_url(url: str) -> str:
    """The backend's base URL, without a trailing slash; refuses plain HTTP off this machine."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValueError("the server address must start with https://")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise ValueError("the server address must use https://")
    if parts.username or parts.password or parts.query or parts.fragment:
        raise ValueError("the server address must not hold credentials, a query or a fragment")
    return url.strip().rstrip("/")
