"""The mined table: one row per candidate with the page it came from, written as Parquet or CSV as it comes.

A candidate already in the ledger (the same claimant, value and time; a figure without a time of its own
holds at its page's or source's date) is marked with that figure's id in
`in_ledger`, not dropped: the curator sees it and `tracker extract --append` leaves it out.
"""

from __future__ import annotations

import csv
from pathlib import Path

from tracker.series import claimant_key
from tracker.text.formatting import spreadsheet_safe

COLUMNS = ["origin", "uri", "page_date", "title", "publisher", "language", "value", "qualifier", "low", "high",
           "printed", "percent", "change", "noun", "time_text", "as_of", "period", "since", "per", "claimant",
           "indicator", "score", "quote", "in_ledger"]
NUMERIC = {"value", "low", "high", "score"}


def rows_of(page, article, candidates) -> list[dict]:
    """One row per candidate: the page it came from, then the candidate as `tracker extract --format csv`
    writes it (the columns of COLUMNS)."""
    from tracker.extraction.rows import candidate_row

    out = []
    for c in candidates:
        row = candidate_row(article, c)
        out.append({"origin": page.origin, "uri": page.uri, "page_date": article.published or page.date,
                    **{k: row[k] for k in COLUMNS[3:-1]}, "percent": bool(c.percent), "in_ledger": None})
    return out


def _ledger_keys(ledger) -> dict:
    keys = {}
    for f in ledger.figures if ledger is not None else ():
        when = f.when
        keys[(claimant_key(f.claimant), float(f.value if f.value is not None else f.low or 0),
              str(when) if when else None)] = f.id
    return keys


class TableWriter:
    """Writes rows in batches (Parquet row groups, or CSV lines), never holding the whole table."""

    def __init__(self, out: str | Path, fmt: str | None, ledger):
        self.path = Path(out)
        self.fmt = fmt or ("csv" if self.path.suffix.lower() == ".csv" else "parquet")
        self.keys = _ledger_keys(ledger)
        self.count = self.in_ledger = 0
        self._writer = self._file = None

    def __enter__(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._tmp = self.path.with_name(f".{self.path.name}.tmp")
        if self.fmt == "csv":
            self._file = open(self._tmp, "w", newline="", encoding="utf-8")
            self._writer = csv.DictWriter(self._file, COLUMNS)
            self._writer.writeheader()
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            self._schema = pa.schema([(c, pa.float64() if c in NUMERIC else pa.bool_() if c == "percent"
                                       else pa.string()) for c in COLUMNS])
            self._writer = pq.ParquetWriter(self._tmp, self._schema)
        return self

    def write(self, rows: list[dict]) -> None:
        for r in rows:
            when = r["period"] or r["as_of"] or r["page_date"]  # no time in the text: the page's date
            value = r["value"] if r["value"] is not None else r["low"]
            if r["claimant"] and value is not None:
                r["in_ledger"] = self.keys.get((claimant_key(r["claimant"]), float(value), when))
            self.in_ledger += r["in_ledger"] is not None
        self.count += len(rows)
        if not rows:
            return
        if self.fmt == "csv":
            self._writer.writerows({k: spreadsheet_safe(v) for k, v in row.items()} for row in rows)
        else:
            import pyarrow as pa

            self._writer.write_table(pa.Table.from_pylist(rows, schema=self._schema))

    def __exit__(self, kind, exc, tb):
        if self.fmt == "csv":
            self._file.close()
        else:
            self._writer.close()
        if kind is None:
            self._tmp.replace(self.path)  # complete, or not there at all
        else:
            self._tmp.unlink(missing_ok=True)
        return False


def read_table(path: str | Path):
    """A mined table (Parquet or CSV) as a pandas DataFrame."""
    import pandas as pd

    path = Path(path)
    if path.suffix.lower() == ".csv":
        frame = pd.read_csv(path, dtype={c: "string" for c in COLUMNS if c not in NUMERIC | {"percent"}},
                            keep_default_na=False, na_values={c: [""] for c in NUMERIC})
        text = [c for c in frame.columns if frame[c].dtype == "string"]
        frame[text] = frame[text].apply(lambda col: col.str.replace(r"^'(?=[=+\-@\t\r])", "", regex=True))
        return frame.replace({"": None})  # the apostrophe spreadsheet_safe put before a formula-like cell, gone
    return pd.read_parquet(path)


def table_groups(frame, min_score: float = 0.0, indicators: list[str] | None = None):
    """A mined table as (article, candidates) per page, leaving out rows already in the ledger and those
    the filters drop; and the counts of each."""
    import pandas as pd

    from tracker.extraction.article import Article
    from tracker.extraction.candidates import Candidate

    def val(x):
        return None if x is None or (not isinstance(x, (list, tuple)) and pd.isna(x)) else x

    groups: dict[str, tuple] = {}
    counts = {"rows": len(frame), "in_ledger": 0, "filtered": 0, "kept": 0}
    for r in frame.to_dict(orient="records"):
        r = {k: val(v) for k, v in r.items()}
        if r.get("in_ledger"):
            counts["in_ledger"] += 1
            continue
        if (r.get("score") or 0.0) < min_score or (indicators and r.get("indicator") not in indicators):
            counts["filtered"] += 1
            continue
        counts["kept"] += 1
        key = r["uri"] or r["origin"].split("@")[0]
        if key not in groups:
            article = Article(text="", title=r["title"], publisher=r["publisher"], published=r["page_date"],
                              url=r["uri"], language=r["language"], document=None if r["uri"] else r["origin"])
            groups[key] = (article, [])
        groups[key][1].append(Candidate(
            value=r["value"], qualifier=r["qualifier"], quote=r["quote"], printed=r["printed"] or "", low=r["low"],
            high=r["high"], percent=bool(r["percent"]), change=r["change"], noun=r["noun"] or "",
            time_text=r["time_text"] or "", as_of=r["as_of"], period=r["period"], since=r["since"], per=r["per"],
            claimant=r["claimant"], indicator=r["indicator"], score=r["score"] or 0.0, language=r["language"] or "en"))
    return list(groups.values()), counts
