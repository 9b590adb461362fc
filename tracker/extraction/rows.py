"""Candidates as flat rows for machines: one row per candidate with its article's citation (JSON, CSV)."""

from __future__ import annotations

import csv
import io
import json

from tracker.extraction.article import Article
from tracker.extraction.candidates import Candidate
from tracker.text.formatting import spreadsheet_safe

ARTICLE_FIELDS = ("document", "url", "title", "publisher", "published", "language")
CANDIDATE_FIELDS = ("value", "qualifier", "low", "high", "printed", "precision", "percent", "change", "noun",
                    "time_text", "as_of", "period", "since", "per", "claimant", "indicator", "score", "notes", "quote")
FIELDS = ARTICLE_FIELDS + CANDIDATE_FIELDS


def candidate_row(article: Article, c: Candidate) -> dict:
    """One candidate with its article's citation; `quote` is the sentence as printed, `notes` the
    extractor's remarks joined with '; '."""
    row = {k: getattr(article, k) for k in ARTICLE_FIELDS}
    row["published"] = str(row["published"])[:10] if row["published"] else None
    row["language"] = c.language
    for k in CANDIDATE_FIELDS:
        row[k] = "; ".join(c.notes) if k == "notes" else getattr(c, k)
    return row


def rows(groups: list[tuple[Article, list[Candidate]]]) -> list[dict]:
    return [candidate_row(a, c) for a, cands in groups for c in cands]


def to_json(groups) -> str:
    return json.dumps(rows(groups), ensure_ascii=False, indent=1) + "\n"


def to_csv(groups) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows(groups):
        writer.writerow({k: "" if v is None else spreadsheet_safe(v) for k, v in row.items()})
    return buf.getvalue()
