"""CPR numbers: format check and masking.

The old modulus-11 check is deliberately not applied: since 2007 the CPR office issues numbers
that fail it, and refusing a real number would push workers to leave it out or invent one.
"""

from __future__ import annotations

import re
from datetime import date

_CPR = re.compile(r"^\s*(\d{2})(\d{2})(\d{2})-?(\d{4})\s*$")


def _century(yy: int, seventh: int) -> int | None:
    """The CPR office's rule for the century, from the 7th digit and the two-digit year."""
    if seventh in (0, 1, 2, 3):
        return 1900
    if seventh in (4, 9):
        return 2000 if yy <= 36 else 1900
    if seventh in (5, 6, 7, 8):
        return 2000 if yy <= 57 else 1800
    return None


def normalise(value: str) -> str | None:
    """``DDMMYY-SSSS`` if the value is a well-formed CPR number with a real date, else None."""
    match = _CPR.match(value)
    if not match:
        return None
    dd, mm, yy, serial = match.groups()
    century = _century(int(yy), int(serial[0]))
    if century is None:
        return None
    try:
        date(century + int(yy), int(mm), int(dd))
    except ValueError:
        return None
    return f"{dd}{mm}{yy}-{serial}"


def birth_date(value: str) -> date | None:
    cpr = normalise(value)
    if cpr is None:
        return None
    century = _century(int(cpr[4:6]), int(cpr[7]))
    assert century is not None
    return date(century + int(cpr[4:6]), int(cpr[2:4]), int(cpr[0:2]))


def mask(value: str | None) -> str:
    """What the screen shows until the worker asks to reveal it (an audited act)."""
    if not value:
        return ""
    cpr = normalise(value)
    return f"{cpr[:6]}-••••" if cpr else "••••••-••••"
