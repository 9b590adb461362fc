"""Candidates as ledger entries: a source and figures, written as one YAML document, or as a table."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from tracker.extraction.article import Article
from tracker.extraction.candidates import Candidate
from tracker.ledger.definitions import PRODUCERS


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    import json

    return json.dumps(text, ensure_ascii=False)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() and abs(x) < 1e15 else repr(float(x))


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40] or "article"


def source_id(article: Article, ledger=None) -> str:
    """An id for the article's source: the existing one if the ledger has its address, else a new slug."""
    if ledger is not None:
        for sid, src in ledger.sources.items():
            if (article.url and src.url == article.url) or (article.document and src.document == article.document):
                return sid
    base = f"{_slug(article.publisher or 'unknown')}-{(article.published or 'undated')[:10]}"
    sid, n = base, 2
    while ledger is not None and sid in ledger.sources:
        sid, n = f"{base}-{n}", n + 1
    return sid


def _fits(c: Candidate, ind) -> tuple[bool, str]:
    """Whether a candidate can be written as a valid figure of the indicator, and why not."""
    if ind.kind in ("flow", "rate") and not c.period:
        return False, f"{ind.id} is a {ind.kind}: the sentence gives no period"
    if c.change and not (c.period or c.as_of):
        return False, "a relative claim needs the later time; none found"
    if c.change and not c.compared_to:
        return False, "a relative claim needs the earlier time it compares with (compared_to); add it by hand"
    if ind.is_share != c.percent:
        return False, "a percentage and a share indicator go together"
    return True, ""


@dataclass(frozen=True)
class Entry:
    """One candidate as a ledger figure: its fields in the order they are written, and whether it can be
    written as a figure (`why` says what is missing when not)."""

    fields: tuple[tuple[str, object], ...]
    ok: bool
    why: str = ""


def _note(c: Candidate) -> str:
    note = f"Extracted; printed as '{c.printed}'"
    if c.noun:
        note += f"; counts '{c.noun}'"
    if c.time_text:
        note += f"; time '{c.time_text}'"
    if c.since:
        note += f" (a total since {c.since})"
    if c.per:
        note += f"; per {c.per}"
    if c.indicator:
        note += f"; indicator suggested with score {c.score:.2f}" + (f" ({c.why})" if c.why else "")
    return note + "".join(f"; {x}" for x in c.notes) + "."


def _time_field(c: Candidate, ind) -> tuple[str, str] | None:
    if ind is not None and ind.kind in ("flow", "rate") and c.period:
        return "period", c.period
    if c.period and (c.change or ind is None):  # a commented candidate keeps its period for the curator
        return "period", c.period
    if c.as_of and (ind is None or ind.kind in ("stock", "cumulative")):
        return "as_of", c.as_of
    return None


def entry(c: Candidate, fid: str, sid: str, ledger=None, status: str = "candidate") -> Entry:
    """A candidate as the fields of a ledger figure."""
    ind = ledger.indicators.get(c.indicator) if (ledger is not None and c.indicator) else None
    if ind:
        ok, why = _fits(c, ind)
    else:
        from tracker.extraction.suggest import new_indicator

        nid, title, unit, kind = new_indicator(c)
        read = c.read()
        facets = "".join(f", {k}: {v}" for k, v in (("country", read.country), ("measure", read.measure),
                                                     ("producer", PRODUCERS.get(read.producer, ("",))[0])) if v)
        ok, why = False, (f"no indicator of the ledger matches; a new one could be {nid} (title: \"{title}\", unit: "
                          f"{unit}, kind: {kind}{facets})")
    fields: list[tuple[str, object]] = [("id", fid), ("indicator", c.indicator or "CHOOSE")]
    if c.qualifier == "range":
        fields += [("qualifier", "range"), ("low", c.low), ("high", c.high)]
    else:
        fields.append(("value", c.value))
        if c.qualifier != "exact":
            fields.append(("qualifier", c.qualifier))
        if c.qualifier == "approx" and c.low is not None and c.high is not None:
            fields += [("low", c.low), ("high", c.high)]  # a rounding: half a unit of its last digit either side
    if c.change:
        fields.append(("change", c.change))
    time = _time_field(c, ind)
    if time:
        fields.append(time)
    if c.change and c.compared_to:
        fields.append(("compared_to", c.compared_to))
    fields.append(("source", sid))
    if c.claimant:
        fields.append(("claimant", c.claimant))
    fields += [("quote", c.quote), ("status", status), ("note", _note(c))]
    return Entry(tuple(fields), ok, why)


_PLAIN = {"id", "indicator", "qualifier", "change", "source", "status"}  # ids and words: written as they are


def _yaml_value(key: str, value) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _num(value)
    return str(value) if key in _PLAIN else _q(str(value))


def _write_figure(e: Entry) -> list[str]:
    """The one writer: a figure as the YAML lines of a list item ('  - id: ...')."""
    return [f"{'  - ' if n == 0 else '    '}{key}: {_yaml_value(key, value)}"
            for n, (key, value) in enumerate(e.fields)]


def candidates_yaml(article: Article, candidates: list[Candidate], ledger=None, source: str | None = None,
                    status: str = "candidate") -> str:
    """The candidates as one ledger document: a source entry and figures with status: candidate
    (or `status`, e.g. "accepted" when a curator accepts them as they are).

    Candidates without an indicator that fits are listed as comments for the curator."""
    where = article.url or article.document or "standard input"
    return candidates_document([(article, candidates)], ledger, status, where=where, sources=[source])


def candidates_document(groups: list[tuple[Article, list[Candidate]]], ledger=None, status: str = "candidate",
                        where: str = "", sources: list[str | None] | None = None) -> str:
    """Several articles' candidates as one ledger document (one source each, then all their figures)."""
    from tracker import __version__

    lines = [f"# Candidates extracted by tracker {__version__}" + (f" from {where}" if where else ""),
             "# Review each: fix the indicator, qualifier and date; then set status: accepted or rejected."]
    known = set(ledger.sources) if ledger is not None else set()
    used: set[str] = set(f.id for f in ledger.figures) if ledger is not None else set()
    source_lines, figures, unmatched = [], [], []
    for g, (article, candidates) in enumerate(groups):
        sid = (sources[g] if sources and sources[g] else None) or source_id(article, ledger)
        if sid not in known:
            base, n = sid, 2
            while any(line == f"  {sid}:" for line in source_lines):  # two new articles, one slug
                sid, n = f"{base}-{n}", n + 1
            source_lines += [f"  {sid}:", f"    publisher: {_q(article.publisher or 'Unknown publisher')}"]
            for key in ("title", "url", "published", "author", "language", "document"):
                val = getattr(article, key)
                if val:
                    source_lines.append(f"    {key}: {_q(str(val)[:10] if key == 'published' else str(val))}")
        for n, c in enumerate(candidates, 1):
            fid = f"{sid}-{n}"
            while fid in used:
                fid += "x"
            used.add(fid)
            e = entry(c, fid, sid, ledger, status)
            if e.ok:
                figures.extend(_write_figure(e))
            else:
                unmatched.append(f"  # {e.why}:")
                unmatched.extend("  # " + line[2:] for line in _write_figure(e))
    if source_lines:
        lines += ["sources:", *source_lines]
    if figures:
        lines += ["figures:", *figures]
    if unmatched:
        lines += ["# Not written as figures (no indicator fits; add one and copy them in):", *unmatched]
    return "\n".join(lines) + "\n"


def candidates_frame(candidates: list[Candidate]):
    """The candidates as a pandas DataFrame, one row each, in order of appearance."""
    import dataclasses

    import pandas as pd

    cols = ["printed", "value", "qualifier", "low", "high", "change", "noun", "time_text", "as_of", "period", "since",
            "per", "claimant", "indicator", "score", "quote"]
    return pd.DataFrame([{k: dataclasses.asdict(c)[k] for k in cols} for c in candidates], columns=cols)


def keep_valid(ledger_path, document: str, rounds: int = 20) -> tuple[str, list[tuple[str, str]]]:
    """`document` as it can be appended to the ledger at `ledger_path`: each figure the ledger would refuse
    is turned into a comment with the reason, so one bad candidate never blocks the others. Returns the
    document and the (figure id, reason) of those left out."""
    from pathlib import Path

    from tracker.errors import LedgerError
    from tracker.ledger.loader import load

    path = Path(ledger_path)
    old = path.read_text(encoding="utf-8")
    head = old + ("" if old.endswith("\n") or not old else "\n") + "---\n"
    offset = head.count("\n")
    dropped: list[tuple[str, str]] = []
    for _ in range(rounds):
        try:
            load(path, overrides={path: head + document})
            return document, dropped
        except LedgerError as exc:
            lines = document.split("\n")
            bad = [(p.line - offset, p.message) for p in exc.problems if p.path == str(path) and p.line > offset]
            if not bad:
                raise
            for line, message in sorted(bad, reverse=True):
                start = next((i for i in range(min(line - 1, len(lines) - 1), -1, -1)
                              if lines[i].startswith("  - id: ")), None)
                if start is None:
                    raise
                end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith("    ")), len(lines))
                fid = lines[start].split("id: ", 1)[1].strip()
                dropped.append((fid, message))
                lines[start:end] = [f"  # left out: {message}:"] + ["  # " + ln[2:] for ln in lines[start:end]]
            document = "\n".join(lines)
            if "\n  - id: " not in document:
                return document, dropped
    return document, dropped
