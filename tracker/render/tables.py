"""The ledger as tables for the terminal, JSON and CSV: every indicator (`tracker list`) and one
indicator's figures (`tracker show`)."""

from __future__ import annotations

import json
import shutil

import pandas as pd

from tracker.ledger.model import Ledger
from tracker.series import level
from tracker.text.formatting import format_value, stated

LIST_COLUMNS = ["indicator", "title", "kind", "unit", "accepted", "candidates", "rejected", "latest", "latest_date",
                "flags"]
SHOW_COLUMNS = ["date", "value", "qualifier", "claimant", "outlet", "status", "id", "where"]


def indicators_frame(ledger: Ledger, flags=()) -> pd.DataFrame:
    """One row per indicator: figures by status, the latest accepted figure, and its problem flags."""
    problems: dict[str, int] = {}
    for fl in flags:
        if fl.is_problem:
            problems[fl.indicator] = problems.get(fl.indicator, 0) + 1
    stale = {fl.figures[0] for fl in flags if fl.code == "stale" and fl.figures}
    rows = []
    for ind_id, s in ledger.series.items():
        ind = s.indicator
        counts = {st: 0 for st in ("accepted", "candidate", "rejected")}
        for f in ledger.figures:
            if f.indicator == ind_id:
                counts[f.status] += 1
        latest = level(s, stale)
        unit = "share" if ind.is_share else ind.unit
        rows.append({"indicator": ind_id, "title": ind.title, "kind": ind.kind, "unit": ind.unit,
                     "accepted": counts["accepted"], "candidates": counts["candidate"], "rejected": counts["rejected"],
                     "latest": stated(latest.figure, unit) if latest else "",
                     "latest_date": str(latest.figure.when) if latest and latest.figure.when else "",
                     "flags": problems.get(ind_id, 0)})
    return pd.DataFrame(rows, columns=LIST_COLUMNS)


def figures_of_frame(ledger: Ledger, indicator_id: str) -> pd.DataFrame:
    """One indicator's figures, by date (undated last): value as printed, qualifier, claimant, outlet, status,
    and where each stands in the ledger."""
    ind = ledger.indicators[indicator_id]
    unit = "share" if ind.is_share else ind.unit
    rows = []
    for f in ledger.figures:
        if f.indicator != indicator_id:
            continue
        src = ledger.sources[f.source]
        when = f.when
        rows.append({"date": str(when) if when else "", "value": stated(f, unit), "qualifier": f.qualifier,
                     "claimant": f.claimant, "outlet": src.publisher, "status": f.status, "id": f.id,
                     "where": f.location, "_key": (when.first.isoformat() if when else "9999", f.id)})
    rows.sort(key=lambda r: r.pop("_key"))
    return pd.DataFrame(rows, columns=SHOW_COLUMNS)


def write(frame: pd.DataFrame, fmt: str, out) -> None:
    """A frame to `out` as an aligned table, JSON (a list of objects) or CSV."""
    if fmt == "json":
        out.write(json.dumps(frame.to_dict(orient="records"), indent=2, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        frame.to_csv(out, index=False)
    else:
        out.write(_table(frame) + "\n")


# never cut in a table: ids, values, dates, places and whole names (a claimant cut to 16 characters misleads)
KEEP = ("indicator", "id", "where", "date", "value", "latest", "latest_date", "claimant", "outlet")


def _table(frame: pd.DataFrame, width: int | None = None) -> str:
    """Columns padded to their widest cell; text columns are cut (with '…') to fit the terminal, never the
    ids, values, dates or file:line an editor needs."""
    width = width or max(80, shutil.get_terminal_size((140, 20)).columns)
    cells = [[str(c) for c in frame.columns]] + [[_cell(v) for v in row] for row in frame.itertuples(index=False)]
    widths = [max(len(r[i]) for r in cells) for i in range(len(frame.columns))]
    cuttable = [i for i, c in enumerate(frame.columns) if c not in KEEP]
    while sum(widths) + 2 * (len(widths) - 1) > width and cuttable:
        wide = max(cuttable, key=widths.__getitem__)
        if widths[wide] <= 10:
            break
        widths[wide] -= 1
    lines = []
    for r in cells:
        lines.append("  ".join((c if len(c) <= widths[i] else c[:widths[i] - 1] + "…").ljust(widths[i])
                               for i, c in enumerate(r)).rstrip())
    return "\n".join(lines)


def _cell(v) -> str:
    if isinstance(v, float):
        return format_value(v)
    return "" if v is None else str(v)
