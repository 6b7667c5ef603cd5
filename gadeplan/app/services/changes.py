"""What a write changed, re-exported for the window (which never imports storage/).

Screens refresh from these values, as Anki's do from the result of an operation, rather than
from signals sprinkled through the code.
"""

from gadeplan.storage.records import Change

__all__ = ["Change"]
