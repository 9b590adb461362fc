"""The words around a chart: source lines, notes, event labels that do not collide, date ticks.

Nothing here draws; `charts` places what these functions return.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date

import matplotlib.dates as mdates
from matplotlib.ticker import Formatter

from tracker.languages import chart_words as words
from tracker.ledger.dates import Span
from tracker.ledger.model import Ledger
from tracker.series import Series, claimant_key
from tracker.text.formatting import joined


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


@dataclass(frozen=True)
class LedgerWords:
    """What the ledger gives a published chart to say in one language (its `chart:` words), and what it left
    in the ledger's own words (English) for want of a translation."""

    title: str
    subtitle: str | None  # None: made from `counts` in `counts_lang`
    counts: str
    counts_lang: str
    source: str | None  # None: the producers and outlets of the figures drawn
    note: str | None
    events: dict  # event id -> its label
    missing: tuple[str, ...] = ()  # 'title', 'counts', 'note', 'source', 'event mobilisation'


def own_words(chart: tuple, lang: str) -> dict[str, str]:
    """A `chart:` mapping's words in `lang`: its plain keys for English, its `ru:` keys for Russian."""
    if lang == "en":
        return {k: v for k, v in chart if "." not in k}
    prefix = lang + "."
    return {k[len(prefix):]: v for k, v in chart if k.startswith(prefix)}


def ledger_words(ledger: Ledger, series: Series, lang: str = "en", events=None) -> LedgerWords:
    """The title, subtitle, source, note and event labels of `series`' published chart in `lang`; for each
    the ledger does not give in `lang`, its English words, named in `missing` (never half one, half the other:
    a subtitle is made from counts in the language they are written in). `events`: those drawn (default: all
    that cover the indicator)."""
    ind = series.indicator
    base, mine = own_words(ind.chart, "en"), own_words(ind.chart, lang)
    missing: list[str] = []

    def pick(key: str, default):
        if key in mine:
            return mine[key]
        if lang != "en" and (key in base or (key == "title" and default is not None)):
            missing.append(key)
        return base.get(key, default)

    title = pick("title", ind.title)
    counts, counts_lang = mine.get("counts"), lang
    if counts is None:
        counts, counts_lang = base.get("counts") or ind.counts or ind.title, "en"
        if lang != "en":
            missing.append("counts")
    subtitle = mine.get("subtitle", None if counts_lang == lang else base.get("subtitle"))
    source, note = pick("source", None), pick("note", None)
    labels = {}
    for e in ledger.events_for(ind.id) if events is None else events:
        label = own_words(e.chart, lang).get("title")
        if label is None:
            label = own_words(e.chart, "en").get("title", e.title)
            if lang != "en":
                missing.append(f"event {e.id}")
        labels[e.id] = label
    return LedgerWords(title, subtitle, counts, counts_lang, source, note, labels, tuple(missing))


def reader_name(ledger: Ledger, name: str, lang: str = "en") -> str:
    """A claimant's or outlet's name as the ledger's `names:` give it in `lang` (else as written)."""
    return ledger.names.get(lang, {}).get(name, name)


def outlet_name(ledger: Ledger, source, lang: str = "en") -> str:
    """An outlet as a reader would cite it: its name, or 'an unnamed outlet' for a source marked unnamed."""
    if source.unnamed and source.publisher not in ledger.names.get(lang, {}):
        return words(lang)["unnamed_outlet"]
    return reader_name(ledger, source.publisher, lang)


def claimant_name(ledger: Ledger, p, lang: str = "en") -> str:
    """Who produced a point's figure, as a reader would cite them."""
    src = ledger.sources[p.figure.source]
    if claimant_key(p.claimant) == claimant_key(src.publisher):
        return outlet_name(ledger, src, lang)
    return reader_name(ledger, p.claimant, lang)


def _names(items: list[str], lang: str, most: int) -> str:
    w = words(lang)
    if len(items) <= most:
        return joined(items, w["list_and"])
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
        producers.setdefault(claimant_key(p.claimant), claimant_name(ledger, p, lang))
        src = ledger.sources[p.figure.source]
        if claimant_key(src.publisher) != claimant_key(p.claimant):
            outlets.setdefault(claimant_key(src.publisher), outlet_name(ledger, src, lang))
    # each name a reader sees once (several unnamed sites are one 'an unnamed outlet'), and a producer's own
    # site is not "reported by"
    named = list(dict.fromkeys(producers.values()))
    outlets = {k: v for k, v in outlets.items() if k not in producers and v not in named}
    producers = dict(zip(named, named, strict=True))
    outlets = {v: v for v in dict.fromkeys(outlets.values())}
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


EVENT_GAP = 0.04  # events closer than this share of the chart's span are one line and one label (as flag labels)
EVENT_LABEL_MIN = 10  # characters: a label is not wrapped narrower than this to end before the next event's line


def event_rows(events, lo: date, hi: date, width_chars: int = 110, wrap: int = 26,
               labels: dict | None = None) -> list[tuple[object, str, int]]:
    """(event, label wrapped to lines, row) for each group of events in [lo, hi], rows chosen so labels never
    overlap. Events closer in time than EVENT_GAP of the span are one group: drawn as one line at the first,
    with one label of their titles ('Partial mobilisation decree; Law toughening penalties ...').

    An axis `width_chars` characters wide is assumed; a label (`labels[event id]`, else the event's title)
    takes the row of the first earlier label it clears, else a new row below."""
    labels = labels or {}
    span = max(1, (hi - lo).days)
    groups: list[list] = []
    for e in sorted(events, key=lambda e: (e.date.first, e.id)):
        if not lo <= e.date.first <= hi:
            continue
        if groups and (e.date.first - groups[-1][0].date.first).days <= EVENT_GAP * span:
            groups[-1].append(e)
        else:
            groups.append([e])
    ends: list[float] = []  # per row, where its last label ends (in characters from the left)
    heights: list[int] = []
    out = []
    starts = [(g[0].date.first - lo).days / span * width_chars for g in groups]
    for n, group in enumerate(groups):
        first = group[0]
        title = "; ".join(labels.get(e.id, e.title) for e in group)
        start = starts[n]
        # narrower where the next event's line stands within the label's width, so the label does not cross it
        room = int(starts[n + 1] - start) - 2 if n + 1 < len(groups) else wrap
        lines = textwrap.wrap(title, min(wrap, room) if room >= EVENT_LABEL_MIN else wrap) or [title]
        end = start + max(len(line) for line in lines) + 2
        row = next((r for r, x in enumerate(ends) if start > x), None)
        if row is None:
            row = len(ends)
            ends.append(end)
            heights.append(len(lines))
        else:
            ends[row] = end
            heights[row] = max(heights[row], len(lines))
        out.append((first, "\n".join(lines), row))
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
