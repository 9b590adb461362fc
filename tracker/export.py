"""The data out: the figures table and each indicator's series, as CSV, JSON, Parquet or a Frictionless
data package that opens as it is in Datawrapper, Excel, R and pandas.

    figures_table(ledger)                 # one row per figure, indicator and source joined in
    series_table(ledger, ["awol-court-cases"])   # the accepted figures as each series holds them
    write_package(ledger, "out/")         # figures.csv, series.csv and datapackage.json
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from tracker.errors import TrackerError
from tracker.ledger.model import Ledger
from tracker.text.formatting import spreadsheet_safe

FIGURE_COLUMNS = ["id", "indicator", "indicator_title", "unit", "kind", "per", "value", "qualifier", "low", "high",
                  "change", "date_first", "date_last", "date_precision", "date_is_publication", "claimant", "source",
                  "publisher", "published", "published_precision", "url", "quote", "status", "note"]
SERIES_COLUMNS = ["indicator", "unit", "kind", "per", "start", "end", "value", "qualifier", "low", "high",
                  "allowed_low", "allowed_high", "claimant", "echo_of", "figure", "publisher", "url"]
DESCRIPTIONS = {
    "value": "The number as stated (the bound, for at_least and at_most); for a range, its best estimate if given.",
    "qualifier": "exact, approx, at_least, at_most or range.",
    "low": "Lower end of a range (or of an approx figure's plausible values).",
    "high": "Upper end of a range (or of an approx figure's plausible values).",
    "date_first": "First day of the date or period the figure speaks of.",
    "date_last": "Last day of the date or period the figure speaks of.",
    "date_precision": "day, month or year: how precisely the date was given.",
    "date_is_publication": "True when the article gave no date and the publication date stands in.",
    "claimant": "Who produced the number (not necessarily the outlet that printed it).",
    "start": "First day the figure covers.", "end": "Last day the figure covers.",
    "allowed_low": "The lowest value the figure allows given its qualifier (0 for at_most).",
    "allowed_high": "The highest value it allows (empty for at_least: no upper bound).",
    "echo_of": "The id of the claimant's own earlier figure this one repeats, if any.",
    "status": "accepted, candidate or rejected.",
    "published": "When the source was published, as precisely as it is known (see published_precision).",
    "published_precision": "day, month or year: how precisely the publication date is known.",
}


def _wanted(ledger: Ledger, indicators) -> list[str]:
    return list(indicators) if indicators else list(ledger.indicators)


def figures_table(ledger: Ledger, indicators: list[str] | None = None) -> pd.DataFrame:
    """One row per figure of the indicators (all by default), in ledger order: the ledger's own
    `figures_frame` with the figure's date (its period, else its as_of) as first and last day and
    precision, and the source's publication date as written."""
    frame = ledger.figures_frame()
    frame = frame[frame["indicator"].isin(set(_wanted(ledger, indicators)))]
    day = lambda col: frame[col].dt.strftime("%Y-%m-%d").astype(object).where(frame[col].notna(), None)  # noqa: E731
    out = frame.assign(
        date_first=day("period_start").where(frame["period_start"].notna(), day("as_of_start")),
        date_last=day("period_end").where(frame["period_end"].notna(), day("as_of_end")),
        date_precision=frame["period_precision"].where(frame["period_precision"].notna(), frame["as_of_precision"]),
        date_is_publication=frame["as_of_defaulted"].astype(bool),
        published=[ledger.sources[sid].published.text if ledger.sources[sid].published else None
                   for sid in frame["source"]],
        published_precision=[ledger.sources[sid].published.precision if ledger.sources[sid].published else None
                             for sid in frame["source"]],
    )
    return out[FIGURE_COLUMNS].reset_index(drop=True)


def series_table(ledger: Ledger, indicators: list[str] | None = None, echoes: bool = False) -> pd.DataFrame:
    """Each indicator's accepted, dated figures as its series holds them, in its own unit: running totals
    and stocks as reported at their dates, flows and rates for their periods; sorted by date. Re-prints of
    a claimant's own figure (echoes) are left out, so that a sum counts each figure once; `echoes=True`
    keeps them, marked in `echo_of`."""
    rows = []
    for ind_id in _wanted(ledger, indicators):
        s = ledger.series[ind_id]
        ind = s.indicator
        for p in s.points:
            if p.echo_of is not None and not echoes:
                continue
            src = ledger.sources[p.figure.source]
            rows.append({
                "indicator": ind_id, "unit": ind.unit, "kind": ind.kind, "per": ind.per,
                "start": p.start.isoformat(), "end": p.end.isoformat(), "value": p.figure.value,
                "qualifier": p.qualifier, "low": p.figure.low, "high": p.figure.high, "allowed_low": p.lo,
                "allowed_high": p.hi if p.hi != float("inf") else None, "claimant": p.claimant,
                "echo_of": p.echo_of, "figure": p.id, "publisher": src.publisher, "url": src.url})
    return _typed(pd.DataFrame(rows, columns=SERIES_COLUMNS), ("value", "low", "high", "allowed_low", "allowed_high"))


def _typed(frame: pd.DataFrame, numeric) -> pd.DataFrame:
    for col in numeric:
        frame[col] = pd.to_numeric(frame[col], errors="coerce").astype("float64")
    return frame


def write_table(frame: pd.DataFrame, path: str | Path, fmt: str, spreadsheets: bool = True) -> None:
    """A table as CSV (UTF-8, ISO dates, empty cells for none), JSON (a list of records) or Parquet."""
    from tracker._infra.files import atomic_write

    path = Path(path)
    if not path.parent.is_dir():  # never a folder made where a mistyped path points
        raise TrackerError(f"{path.parent}: no such folder; create it, or give --out a path in one that exists")
    frame = prepared(frame, fmt, spreadsheets)
    if fmt == "csv":
        atomic_write(path, frame.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    elif fmt == "json":
        records = json.loads(frame.to_json(orient="records", force_ascii=False))
        atomic_write(path, (json.dumps(records, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    elif fmt == "parquet":
        import io

        buf = io.BytesIO()
        frame.to_parquet(buf, index=False)
        atomic_write(path, buf.getvalue())
    else:
        raise ValueError(f"unknown format '{fmt}'")


def _schema(frame: pd.DataFrame) -> dict:
    fields = []
    for col in frame.columns:
        kind = "number" if frame[col].dtype.kind == "f" else "boolean" if frame[col].dtype.kind == "b" else \
            "date" if col in ("date_first", "date_last", "start", "end") else "string"
        field = {"name": col, "type": kind}
        if col in DESCRIPTIONS:
            field["description"] = DESCRIPTIONS[col]
        fields.append(field)
    return {"fields": fields}


def prepared(frame: pd.DataFrame, fmt: str, spreadsheets: bool = True) -> pd.DataFrame:
    """The frame as CSV and JSON write it: counts as whole numbers; in CSV for spreadsheets (not a data
    package's, which is for programs), no cell a spreadsheet would run as a formula."""
    if fmt in ("csv", "json"):
        frame = whole_numbers(frame)
    return safe_for_spreadsheets(frame) if fmt == "csv" and spreadsheets else frame


def safe_for_spreadsheets(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every text cell that a spreadsheet would run as a formula made text (spreadsheet_safe)."""
    text = [c for c in frame.columns if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c])]
    return frame.assign(**{c: pd.Series([spreadsheet_safe(v) for v in frame[c]], index=frame.index, dtype=object)
                           for c in text})


def whole_numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """Number columns for CSV and JSON: a count as a count ('536', not '536.0'), other numbers as they are."""
    def cell(v):
        if v is None or pd.isna(v):
            return None
        v = float(v)
        return int(v) if v.is_integer() and abs(v) <= 2 ** 53 else v

    nums = [c for c in frame.columns if frame[c].dtype.kind == "f"]
    return frame.assign(**{c: pd.Series([cell(v) for v in frame[c]], index=frame.index, dtype=object) for c in nums})


def write_package(ledger: Ledger, out: str | Path, indicators: list[str] | None = None) -> Path:
    """A Frictionless data package in the folder `out`: figures.csv, series.csv and datapackage.json with
    their schemas, and the articles the figures were read in as the package's sources. Returns the
    descriptor's path."""
    from tracker import __version__
    from tracker._infra.files import atomic_write

    out = Path(out)
    figures, series = figures_table(ledger, indicators), series_table(ledger, indicators)
    if not out.parent.is_dir():
        raise TrackerError(f"{out.parent}: no such folder; create it, or give --out a path in one that exists")
    out.mkdir(exist_ok=True)
    write_table(figures, out / "figures.csv", "csv", spreadsheets=False)
    write_table(series, out / "series.csv", "csv", spreadsheets=False)
    used = dict.fromkeys(figures["source"])
    sources = []
    for sid in used:
        src = ledger.sources[sid]
        entry = {"title": f"{src.publisher}: {src.title}" if src.title else src.publisher}
        if src.url:
            entry["path"] = src.url
        sources.append(entry)
    descriptor = {
        "name": "tracker-figures",
        "title": "Figures reported in the news, as kept in a tracker ledger",
        "description": (f"{len(figures)} figures on {figures['indicator'].nunique()} indicators, each with the "
                        "sentence it was printed in, who produced it and where it was read."),
        "version": ledger.content_hash[:12],
        "created": None,
        "sources": sources,
        "contributors": [{"title": f"tracker {__version__}", "role": "creator"}],
        "resources": [
            {"name": "figures", "path": "figures.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
             "description": "One row per figure: value as stated, qualifier, date, claimant, outlet, quote, status.",
             "schema": _schema(figures)},
            {"name": "series", "path": "series.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
             "description": "Each indicator's accepted, dated figures in its own unit, by date.",
             "schema": _schema(series)},
        ],
    }
    del descriptor["created"]  # no timestamp: the same ledger gives the same package, byte for byte
    path = out / "datapackage.json"
    atomic_write(path, (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return path
