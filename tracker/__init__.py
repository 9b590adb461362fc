"""tracker: a ledger of figures reported in the news, charted and checked.

    >>> import tracker
    >>> ledger = tracker.load("figures.yaml")
    >>> ledger.figures_frame()
"""

__version__ = "0.1.0"

from tracker.errors import LedgerError, Problem  # noqa: E402
from tracker.ledger.loader import load  # noqa: E402

__all__ = ["load", "LedgerError", "Problem", "__version__"]
