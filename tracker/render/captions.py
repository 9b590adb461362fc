"""The words around a chart: source lines, notes, event labels that do not collide, date ticks.

Nothing here draws; `charts` places what these functions return.
"""

from __future__ import annotations

import textwrap
from datetime import date

import matplotlib.dates as mdates
from matplotlib.ticker import Formatter

from tracker.languages import chart_words as words
from tracker.ledger.dates import Span
from tracker.ledger.model import Ledger
from tracker.series import Series, claimant_key


def footer_text(ledger: Ledger, series: Series, data_hash: str = "", width: int = 190) -> str:
    """The working footer: 'Source: Mediazona via Ukrainska Pravda (2024-06-18); ...' and the data hash."""
    seen: dict[tuple[str, str], str] = {}
    for p in sorted((*series.points, *series.candidates, *series.rejected), key=lambda p: (p.end, p.id)):
        src = ledger.sources[p.figure.source]
        when = str(src.published) if src.published else "undated"
        via = src.publisher if claimant_key(p.claimant) == claimant_key(src.publisher) else \
            f"{p.claimant} via {src.publisher}"
        seen.setdefault((via, when), f"{via} ({when})")
    for f in (*series.relative, *series.undated):
        src = ledger.sources[f.source]
        seen.setdefault((src.publisher, str(src.published)), f"{src.publisher} ({src.published or 'undated'})")
    items = list(seen.values())
    text = "Source: "
    for shown, item in enumerate(items):
        more = len(items) - shown - 1
        tail = f"; and {more} more in the report" if more else ""
        if len(text) + len(item) + len(tail) > width * 2 and shown:
            text += f"and {len(items) - shown} more in the report"
            break
        text += item + ("; " if more else "")
    lines = textwrap.wrap(text, width)
    notes = chart_notes(series)
    if notes:
        lines.append(notes)
    if data_hash:
        lines.append(f"Data {data_hash[:12]} · made with tracker from the ledger")
    return "\n".join(lines)


def _names(items: list[str], lang: str, most: int) -> str:
    w = words(lang)
    if len(items) <= most:
        return items[0] if len(items) == 1 else ", ".join(items[:-1]) + w["list_and"] + items[-1]
    return ", ".join(items[:most]) + " " + w["and_more"].format(n=len(items) - most)


def source_line(ledger: Ledger, series: Series, lang: str = "en", most: int = 3, left_out=frozenset()) -> str:
    """The published footer's first line: the producers, then the outlets that carried their figures (those
    of the figures drawn: not of the ids in `left_out`).

    'Source: Mediazona; as reported by Ukrainska Pravda, The Moscow Times and 6 more'."""
    w = words(lang)
    producers: dict[str, str] = {}
    outlets: dict[str, str] = {}
    for p in sorted(series.points, key=lambda p: (p.end, p.id)):
        if p.id in left_out:
            continue
        producers.setdefault(claimant_key(p.claimant), p.claimant)
        publisher = ledger.sources[p.figure.source].publisher
        if claimant_key(publisher) != claimant_key(p.claimant):
            outlets.setdefault(claimant_key(publisher), publisher)
    for key in producers:
        outlets.pop(key, None)  # a producer's own site is not "reported by"
    if not producers:
        return ""
    head = w["sources"] if len(producers) > 1 else w["source"]
    text = f"{head}: {_names(list(producers.values()), lang, most)}"
    if outlets:
        text += f"; {w['as_reported_by']} {_names(list(outlets.values()), lang, most)}"
    return text


def chart_notes(series: Series, lang: str = "en") -> str:
    w = words(lang)
    notes = []
    echoes = sum(1 for p in series.points if p.echo_of)
    if echoes:
        notes.append(w["echoes"].format(n=echoes))
    if series.undated:
        notes.append(w["undated"].format(n=len(series.undated)))
    if series.relative:
        notes.append(w["relative"].format(n=len(series.relative)))
    return "; ".join(notes) + ("." if notes else "")


def event_rows(events, lo: date, hi: date, width_chars: int = 110, wrap: int = 26) -> list[tuple[object, str, int]]:
    """(event, label wrapped to lines, row) for each event in [lo, hi], rows chosen so labels never overlap.

    An axis `width_chars` characters wide is assumed; a label takes the row of the first earlier label it
    clears, else a new row below."""
    span = max(1, (hi - lo).days)
    ends: list[float] = []  # per row, where its last label ends (in characters from the left)
    heights: list[int] = []
    out = []
    for e in sorted(events, key=lambda e: (e.date.first, e.id)):
        if not lo <= e.date.first <= hi:
            continue
        lines = textwrap.wrap(e.title, wrap) or [e.title]
        start = (e.date.first - lo).days / span * width_chars
        end = start + max(len(line) for line in lines) + 2
        row = next((r for r, x in enumerate(ends) if start > x), None)
        if row is None:
            row = len(ends)
            ends.append(end)
            heights.append(len(lines))
        else:
            ends[row] = end
            heights[row] = max(heights[row], len(lines))
        out.append((e, "\n".join(lines), row))
    offsets = [sum(heights[:r]) for r in range(len(heights))]
    return [(e, label, offsets[row]) for e, label, row in out]


class DateTicks(Formatter):
    """Date ticks that always say the year: '2024' for yearly ticks; otherwise the month, with the year
    under the first tick and under each January ('Mar\\n2024', 'Jun', 'Sep', 'Jan\\n2025')."""

    def __init__(self, lang: str = "en"):
        self.months = words(lang)["months"]

    def format_ticks(self, values):
        days = [mdates.num2date(v).date() for v in values]
        if days and all(d.month == 1 and d.day == 1 for d in days):
            return [str(d.year) for d in days]
        labels, year = [], None
        for d in days:
            label = self.months[d.month - 1] if d.day < 8 else f"{d.day} {self.months[d.month - 1]}"
            if d.year != year:
                label += f"\n{d.year}"
                year = d.year
            labels.append(label)
        return labels

    def __call__(self, x, pos=None):
        return self.format_ticks([x])[0]


def when_text(span: Span, lang: str = "en") -> str:
    """A date as a reader says it: '18 Jun 2024', 'Mar 2024', '2024', 'Jan–Jun 2024'."""
    m = words(lang)["months"]

    def one(d: date, precision: str) -> str:
        return str(d.year) if precision == "year" else f"{m[d.month - 1]} {d.year}" if precision == "month" \
            else f"{d.day} {m[d.month - 1]} {d.year}"

    if "/" not in span.text:
        return one(span.first, span.precision)
    a, b = span.first, span.last
    if span.precision == "month" and a.year == b.year:
        return f"{m[a.month - 1]}–{m[b.month - 1]} {a.year}"
    if span.precision == "year":
        return f"{a.year}–{b.year}"
    return f"{one(a, span.precision)} – {one(b, span.precision)}"
