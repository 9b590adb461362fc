"""tracker: a ledger of figures reported in the news, charted and checked.

    >>> import tracker
    >>> ledger = tracker.load("figures.yaml")        # validate; LedgerError lists every problem
    >>> series = ledger.series["awol-court-cases"]   # or tracker.series_of(ledger, id); .frame() for pandas
    >>> result = tracker.check(ledger)               # flags: result.frame() is a DataFrame
    >>> fig, ax = tracker.plot_indicator(ledger, "awol-court-cases", result=result)
    >>> tracker.build(ledger, "output", result=result)  # every chart, the overview and index.html
    >>> article = tracker.read_article("article.html")
    >>> candidates = tracker.extract(article, ledger)
    >>> tracker.append_document("figures.yaml", tracker.candidates_yaml(article, candidates, ledger))
    >>> tracker.accept("figures.yaml", ["some-id"]); tracker.pending(tracker.load("figures.yaml"))

Everything here is loaded on first use, so `import tracker` (and `tracker --help`)
stays fast. Every error raised on bad input is a `tracker.TrackerError`.
"""

from __future__ import annotations

import importlib

__version__ = "0.23.0"

# name -> (module, attribute): the public API, imported when first used
_API = {
    "load": ("tracker.ledger.loader", "load"),
    "Ledger": ("tracker.ledger.model", "Ledger"),
    "Figure": ("tracker.ledger.model", "Figure"),
    "series_of": ("tracker.series", "series_of"),
    "echoes_frame": ("tracker.series", "echoes_frame"),
    "check": ("tracker.checks", "check"),
    "CheckResult": ("tracker.checks", "CheckResult"),
    "Flag": ("tracker.checks", "Flag"),
    "plot_indicator": ("tracker.render.charts", "plot_indicator"),
    "build": ("tracker.render.build", "build"),
    "read_article": ("tracker.extraction", "read_article"),
    "read_text_article": ("tracker.extraction", "read_text_article"),
    "extract": ("tracker.extraction", "extract"),
    "candidates_yaml": ("tracker.extraction", "candidates_yaml"),
    "candidates_frame": ("tracker.extraction", "candidates_frame"),
    "append_document": ("tracker.ledger.append", "append_document"),
    "pending": ("tracker.review", "pending"),
    "accept": ("tracker.review", "accept"),
    "reject": ("tracker.review", "reject"),
    "TrackerError": ("tracker.errors", "TrackerError"),
    "LedgerError": ("tracker.errors", "LedgerError"),
    "ExtractError": ("tracker.errors", "ExtractError"),
    "UnknownIndicator": ("tracker.errors", "UnknownIndicator"),
    "Problem": ("tracker.errors", "Problem"),
}

__all__ = [*_API, "__version__"]


def __getattr__(name: str):
    try:
        module, attr = _API[name]
    except KeyError:
        raise AttributeError(f"module 'tracker' has no attribute '{name}'") from None
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value  # once imported, a plain attribute
    return value


def __dir__():
    return sorted([*globals(), *_API])
