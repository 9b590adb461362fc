"""Tidy pandas views of a ledger, for notebooks and reports."""

from __future__ import annotations

import pandas as pd

FIGURE_COLUMNS = [
    "id", "indicator", "indicator_title", "unit", "kind", "per", "since",
    "value", "qualifier", "low", "high", "best", "change",
    "as_of_start", "as_of_end", "as_of_precision", "as_of_defaulted",
    "period_start", "period_end", "period_precision", "compared_to_start", "compared_to_end",
    "claimant", "claimant_defaulted", "source", "publisher", "published", "published_inferred",
    "url", "language", "quote", "status", "note", "file", "line",
]


def _ts(d):
    return pd.Timestamp(d) if d is not None else pd.NaT


def figures_frame(ledger) -> pd.DataFrame:
    """One row per figure, in ledger order, with indicator and source fields joined in.

    Dates are Timestamps (first and last day of what was written); `as_of_defaulted`
    is True where as_of is the source's published date because the text gave none.
    """
    rows = []
    for f in ledger.figures:
        ind = ledger.indicators[f.indicator]
        src = ledger.sources[f.source]
        rows.append({
            "id": f.id, "indicator": f.indicator, "indicator_title": ind.title, "unit": ind.unit,
            "kind": ind.kind, "per": ind.per, "since": _ts(ind.since.first if ind.since else None),
            "value": f.value, "qualifier": f.qualifier, "low": f.low, "high": f.high, "best": f.best,
            "change": f.change,
            "as_of_start": _ts(f.as_of.first if f.as_of else None),
            "as_of_end": _ts(f.as_of.last if f.as_of else None),
            "as_of_precision": f.as_of.precision if f.as_of else None,
            "as_of_defaulted": f.as_of_defaulted,
            "period_start": _ts(f.period.first if f.period else None),
            "period_end": _ts(f.period.last if f.period else None),
            "period_precision": f.period.precision if f.period else None,
            "compared_to_start": _ts(f.compared_to.first if f.compared_to else None),
            "compared_to_end": _ts(f.compared_to.last if f.compared_to else None),
            "claimant": f.claimant, "claimant_defaulted": f.claimant_defaulted,
            "source": f.source, "publisher": src.publisher,
            "published": _ts(src.published.first if src.published else None),
            "published_inferred": src.published_inferred,
            "url": src.url, "language": src.language, "quote": f.quote, "status": f.status,
            "note": f.note, "file": f.file, "line": f.line,
        })
    frame = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    for col in ("value", "low", "high", "best"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce").astype("float64")
    return frame
