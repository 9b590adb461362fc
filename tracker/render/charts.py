"""Charts of one indicator, and an overview of all, with matplotlib.

Plot functions return (fig, ax) and never call show(), so notebooks can use them.
Every figure is a point with a marker for its qualifier, drawn across the interval
it speaks about, coloured by claimant; events are labelled vertical lines; a
footer names the sources and a hash of the data, so a chart traces to its inputs.
"""

from __future__ import annotations

import math
import statistics
import textwrap
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

import matplotlib
import matplotlib.dates as mdates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter, MaxNLocator

from tracker.languages import chart_words as words
from tracker.ledger.model import Ledger
from tracker.render.captions import (
    DateTicks,
    LedgerWords,
    claimant_name,
    event_rows,
    footer_text,
    ledger_words,
    outlet_name,
    source_line,
    when_text,
)
from tracker.series import Point, Series, claimant_key, length_in, level, series_of
from tracker.text.formatting import BIDI_SHOWN, format_value, in_language, subtitle

WIDTH_PX, HEIGHT_PX, DPI = 1200, 675, 100
# Okabe-Ito, colour-blind safe, yellow left out (poor on white).
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C564B"]
GREY = "#A0A0A0"
MARKERS = {"exact": "o", "approx": "D", "at_least": "^", "at_most": "v", "range": "_"}
BOUND_SIGNS = {"at_least": "≥", "at_most": "≤"}
STYLE = {
    "font.family": "DejaVu Sans", "font.size": 11, "axes.spines.top": False, "axes.spines.right": False,
    "axes.grid": True, "axes.grid.axis": "y", "grid.color": "#E5E5E5", "grid.linewidth": 0.8,
    "svg.hashsalt": "tracker", "svg.fonttype": "none", "path.simplify": False,  # SVG text stays text
    "text.parse_math": False,  # a title or name with "$" is text, never mathtext
}


def _figure(size: tuple[float, float]) -> Figure:
    """A figure of its own (not pyplot's), so drawing never switches a notebook's backend or keeps state."""
    fig = Figure(figsize=size, dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def claimant_colours(series: Series, key=None) -> dict[str, str]:
    """A stable colour per claimant (per `key(point)`, default its claimant's key), in order of first
    appearance in time."""
    key_of = key or (lambda p: claimant_key(p.claimant))
    colours: dict[str, str] = {}
    for p in (*series.points, *series.candidates):
        key = key_of(p)
        if key not in colours:
            colours[key] = PALETTE[len(colours) % len(PALETTE)]
    return colours


def _x(d: date):
    return mdates.date2num(d)


def _draw_point(ax, p: Point, colour: str, status: str, faint: bool = False):
    """Draw one figure: its interval, its marker, and its bound sign or range bar."""
    face = "none" if status == "candidate" else colour
    edge = colour
    alpha = 0.45 if faint else 1.0
    y = p.best if p.qualifier == "range" else p.value
    x0, x1, xm = _x(p.start), _x(p.end + timedelta(days=1)), _x(p.mid)
    artists = []
    if p.end > p.start:  # a month, a year or a period: draw it across its interval
        span = ax.hlines(y, x0, x1, colors=colour, linewidth=3, alpha=0.55 * alpha, zorder=2)
        span.set_gid(f"span-{p.id}")  # every mark of a figure is named by it: the report dims them together
        artists.append(span)
    if p.qualifier == "range":
        bar = ax.vlines(xm, p.low, p.high, colors=colour, linewidth=2.5, alpha=alpha, zorder=3)
        bar.set_gid(f"range-{p.id}")
        artists.append(bar)
        artists.extend(ax.plot([xm, xm], [p.low, p.high], linestyle="none", marker="_", markersize=14,
                               markeredgewidth=2.5, color=colour, alpha=alpha, zorder=3, gid=f"figure-{p.id}"))
        if p.value is not None:
            artists.extend(ax.plot([xm], [p.value], linestyle="none", marker="o", markersize=5,
                                   markerfacecolor=face, markeredgecolor=edge, alpha=alpha, zorder=4,
                                   gid=f"value-{p.id}"))
    else:
        size = 9 if p.qualifier != "approx" else 8
        (marker,) = ax.plot([xm], [y], linestyle="none", marker=MARKERS[p.qualifier], markersize=size,
                            markerfacecolor=face, markeredgecolor=edge, markeredgewidth=1.6, alpha=alpha,
                            zorder=4, gid=f"figure-{p.id}")
        artists.append(marker)
        sign = BOUND_SIGNS.get(p.qualifier)
        if sign:
            glyph = ax.annotate(sign, (xm, y), xytext=(7, 0), textcoords="offset points", va="center",
                                ha="left", fontsize=12, fontweight="bold", color=colour, alpha=alpha, zorder=5)
            glyph.set_gid(f"glyph-{p.id}")
            artists.append(glyph)
    return artists


def _value_formatter(unit: str, top: float, lang: str = "en"):
    if unit == "share":
        return FuncFormatter(lambda v, _: f"{v * 100:.0f}%")
    if top < 20:
        return FuncFormatter(lambda v, _: in_language(f"{v:,.1f}".rstrip("0").rstrip("."), lang))
    return FuncFormatter(lambda v, _: in_language(f"{v:,.0f}", lang))


def _x_limits(series: Series, events) -> tuple[date, date]:
    pts = (*series.points, *series.candidates, *series.rejected)
    if not pts:
        today = max((e.date.first for e in events), default=date(2024, 1, 1))
        return today - timedelta(days=365), today + timedelta(days=30)
    lo = min(p.start for p in pts)
    hi = max(p.end for p in pts) + timedelta(days=1)
    since = series.indicator.since
    if since is not None and since.first < lo:  # a running total: show where counting starts
        lo = since.first
    span = (hi - lo).days
    pad = timedelta(days=max(20, span // 12, (300 - span) // 2))  # at least ~10 months shown
    return lo - pad, hi + pad


def missing_words(ledger: Ledger, series: Series, lang: str) -> tuple[str, ...]:
    """What `series`' published chart in `lang` says in English for want of the ledger's words in `lang`:
    'title', 'counts', 'note', 'source', 'event mobilisation' (only events the chart shows)."""
    events = ledger.events_for(series.indicator.id)
    lo, hi = _x_limits(series, events)
    return ledger_words(ledger, series, lang, [e for e in events if lo <= e.date.first <= hi]).missing


def _y_top(series: Series) -> float:
    vals = []
    for p in (*series.points, *series.candidates, *series.rejected):
        vals.extend(v for v in (p.value, p.low, p.high) if v is not None)
    top = max(vals, default=1.0)
    return top * 1.18 if top > 0 else 1.0


@dataclass(frozen=True)
class Style:
    """What a chart shows beyond the accepted figures. The working style is the curator's; the publication
    style is for readers: accepted figures only, the producers named in the footer."""

    name: str
    band: bool  # the model's expected range
    flags: bool  # circles and codes on flagged figures
    review: bool  # candidates (hollow) and rejected figures (grey)
    echoes: bool  # re-prints of a claimant's own figure (faint)


STYLES = {"working": Style("working", True, True, True, True), "publish": Style("publish", False, False, False, False)}


def _shown(series: Series, style: Style) -> list[tuple[Point, str]]:
    """The points a style draws, each with its status (accepted, candidate, rejected)."""
    out = [(p, "rejected") for p in series.rejected] + [(p, "candidate") for p in series.candidates] \
        if style.review else []
    return out + [(p, "accepted") for p in series.points if style.echoes or p.echo_of is None]


def _titles(series: Series, style: Style, lw: LedgerWords) -> tuple[list[str], str]:
    if style.name == "working":
        title, sub = series.indicator.title, subtitle(series)
    else:
        title, sub = lw.title, lw.subtitle or publish_subtitle(series, lw.counts_lang, lw.counts)
    return textwrap.wrap(title, 80) or [title], sub


def publish_subtitle(series: Series, lang: str = "en", counts: str | None = None) -> str:
    """What is counted, for readers: 'cases received by military courts, since 21 Sep 2022' (`counts`, in
    `lang`, defaults to the indicator's)."""
    ind, w = series.indicator, words(lang)
    what = counts or ind.counts or ind.title
    if ind.kind == "cumulative" and ind.since:
        what += f", {w['since']} {when_text(ind.since, lang)}"
    elif ind.kind == "rate" and not (counts or ind.counts):  # counts says "per working day" where it is set
        what += f", {w['per']} {w[ind.per]}"
    return what[0].upper() + what[1:]


# Long on purpose: the layers of one chart in drawing order (band, events, points, axes, titles, legend,
# footer); each layer is a few lines and reads best in sequence.
def plot_indicator(ledger: Ledger, indicator_id: str, ax=None, *, series: Series | None = None,
                   result=None, band=None, flagged=None, data_hash: str = "", footer: bool = True,
                   style: str = "working", lang: str = "en"):
    """Draw one indicator's chart; return (fig, ax). Never calls show().

    `result` (what `tracker.check(ledger)` returned) gives the model's expected band and marks the flagged
    figures; `band` (a DataFrame with date, low, high, drawn as given: CheckResult.bands() has applied the
    band's policy) and `flagged` (figure ids to flag codes) give them one by one instead. The publication
    style (`style="publish"`) draws neither, nor candidates, rejected figures or echoes. An indicator with a
    single figure is drawn as a statement of it.
    """
    series = series or series_of(ledger, indicator_id)
    if result is not None:
        band = result.bands().get(series.indicator.id) if band is None else band
        flagged = result.flagged() if flagged is None else flagged
    st = STYLES[style]
    ind = series.indicator
    unit = "share" if ind.is_share else ind.unit
    shown = _shown(series, st)
    # for readers, a figure the flags call stale (printed after a newer one) or a likely misprint (a slipped digit
    # the curator has not acknowledged) is left out, and the footer says how many of each
    reasons = {fid: "misprint" if "magnitude" in codes else "outdated" for fid, codes in (flagged or {}).items()
               if "stale" in codes or "magnitude" in codes} if st.name == "publish" else {}
    left_out = {p.id: reasons[p.id] for p, _ in shown if p.id in reasons}
    shown = [(p, status) for p, status in shown if p.id not in reasons]
    band = band if st.band and band is not None and len(band) else None
    with matplotlib.rc_context(STYLE):
        if ax is None:
            fig = _figure((WIDTH_PX / DPI, HEIGHT_PX / DPI))
            ax = fig.add_axes([0.075, 0.175, 0.655, 0.60])
        else:
            fig = ax.figure
        events = ledger.events_for(ind.id)
        lo, hi = _x_limits(series, events)
        # the words of a published chart come from the ledger, in `lang` where it gives them
        lw = ledger_words(ledger, series, lang if st.name == "publish" else "en",
                          [e for e in events if lo <= e.date.first <= hi])
        if footer and len(shown) == 1:
            return _statement(fig, ax, ledger, series, shown[0][0], st, data_hash, lang, left_out, lw)
        # a published chart colours claimants by the name a reader sees: two the ledger's names: call one are one
        key = (lambda p: claimant_key(claimant_name(ledger, p, lang))) if st.name == "publish" else \
            (lambda p: claimant_key(p.claimant))
        colours = claimant_colours(series, key)
        if band is not None:
            # hatched and pale: an estimate between figures, never to be read as data
            ax.fill_between(band["date"], band["low"], band["high"], facecolor="#999999", alpha=0.12, linewidth=0,
                            zorder=1, label="expected range (model)", hatch="////", edgecolor="#bbbbbb")
        for p, status in shown:
            colour = GREY if status == "rejected" else colours[key(p)]
            _draw_point(ax, p, colour, status, faint=p.echo_of is not None)
        if st.name == "publish":  # a claimant's plain figures joined, where there are enough to read a course
            _draw_lines(ax, shown, colours, key, ind.kind)
        if flagged and st.flags:
            _mark_flagged(ax, series, flagged)
        top = figures_top = _y_top(series)
        if st.name == "publish":  # where the series stands, labelled with its value (as a reader looks for it)
            _label_level(ax, series, {p.id for p, _ in shown}, left_out, colours, key, unit, (lo, hi), top, lang)
        if band is not None:
            top = max(top, float(band["high"].max()) * 1.05) if band["high"].notna().any() else top
            top = min(top, figures_top * 1.3)  # the band may run off the top; the figures never do
        ax.set_ylim(0, 1.0 if unit == "share" and top <= 1.0 else top)
        ax.set_xlim(_x(lo), _x(hi))
        small = not footer
        labels = lw.events if st.name == "publish" else {}
        for e, label, row in event_rows(events, lo, hi, 60 if small else 110, 22 if small else 26, labels):
            x = _x(e.date.first)
            ax.axvline(x, color="#555555", linestyle=(0, (4, 3)), linewidth=1, zorder=1)
            ax.annotate(label, (x, 1.0), xycoords=("data", "axes fraction"), xytext=(3, -4 - 11 * row),
                        textcoords="offset points", fontsize=8.5, color="#444444", va="top", ha="left",
                        linespacing=1.0)
        ax.yaxis.set_major_formatter(_value_formatter(unit, top, lang))
        # counts (stocks, running totals, counts in a period) never get a tick at 0.8 of an officer
        counts = unit != "share" and ind.kind != "rate"
        ax.yaxis.set_major_locator(MaxNLocator(nbins=6, integer=counts))
        ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=8))
        ax.xaxis.set_major_formatter(DateTicks(lang))
        ax.tick_params(labelsize=10)
        if footer:
            _head_and_foot(fig, ledger, series, st, data_hash, lang, left_out, lw)
            _legend(fig, series, colours, band is not None, st, lang, [p for p, _ in shown], key,
                    (lambda p: claimant_name(ledger, p, lang)) if st.name == "publish" else (lambda p: p.claimant))
        else:
            ax.set_title(textwrap.fill(ind.title, 44), fontsize=9, loc="left")
    return fig, ax


LEVEL_CHAR_PT = 6.9  # the widest character of the level's label, in points (10 pt bold, measured: 6.4–6.9)
LEVEL_SPILL_PT = 12  # how far the label may run past the axis: the legend's column starts 13 pt after it
LINE_MIN = 3  # plain figures of one claimant before a line joins them (a judgement: two make a slope readers over-read)


def _draw_lines(ax, shown, colours: dict, key, kind: str) -> None:
    """A thin line through each claimant's plain figures (exact or approximate, never a bound or a range) in
    time order, when it has LINE_MIN times or more; counts in a period are joined only with periods of their
    length (a month's count is not on one line with a year's). Where several figures speak of one time (a
    revision, a misprint beside the figure) the line passes their median, so one wrong figure bends no line."""
    groups: dict[tuple, list[Point]] = {}
    for p, status in shown:
        if status == "accepted" and p.qualifier in ("exact", "approx") and p.value is not None:
            months = round(length_in((p.start, p.end), "month")) if kind == "flow" else 0
            groups.setdefault((key(p), months), []).append(p)
    for (claimant, _), pts in sorted(groups.items(), key=lambda kv: (str(kv[0][0]), kv[0][1])):
        times: dict[tuple, list[float]] = {}
        for p in pts:
            times.setdefault((p.start, p.end), []).append(p.value)
        if len(times) < LINE_MIN:
            continue
        course = sorted((date.fromordinal((a.toordinal() + b.toordinal()) // 2), statistics.median(v))
                        for (a, b), v in times.items())
        first = min(pts, key=lambda p: (p.start, p.id))
        ax.plot([_x(d) for d, _ in course], [v for _, v in course], color=colours[claimant], linewidth=1.4,
                alpha=0.6, zorder=3, solid_capstyle="round", gid=f"line-{first.id}")


def _value_text(p: Point, unit: str, lang: str) -> str:
    """A figure's value as a reader's chart prints it: '≈ 50,000', '≥ 7,400', '700–800', in the language's digits."""
    sign = {"approx": "≈ ", "at_least": "≥ ", "at_most": "≤ "}.get(p.qualifier, "")
    return in_language(f"{format_value(p.low, unit)}–{format_value(p.high, unit)}" if p.qualifier == "range"
                       else sign + format_value(p.value, unit), lang)


def _label_level(ax, series: Series, drawn: set, left_out, colours: dict, key, unit: str, span, top: float,
                 lang: str = "en") -> None:
    """The value of the figure that says where the series stands (tracker.series.level), beside its marker:
    to its right (after a bound's sign) where the axis leaves room for it, else above it."""
    p = level(series, stale=frozenset(left_out))
    if p is None or p.id not in drawn or p.best is None:
        return
    text = _value_text(p, unit, lang)
    gap = 24 if p.qualifier in BOUND_SIGNS else 10
    lo, hi = (_x(d) for d in span)
    room = (hi - _x(p.mid)) / max(hi - lo, 1e-9) * ax.get_position().width * ax.figure.get_figwidth() * 72
    width = gap + LEVEL_CHAR_PT * len(text)
    right = room + LEVEL_SPILL_PT >= width and not _covers_a_point(ax, series, p, drawn, span, top, width)
    y = p.best if right or p.qualifier != "range" else p.high  # above a range's bar, not across it
    ax.annotate(text, (_x(p.mid), y), xytext=(gap, 0) if right else (0, 10), textcoords="offset points",
                ha="left" if right else "center", va="center" if right else "bottom", fontsize=10,
                fontweight="bold", color=colours[key(p)], zorder=6, gid=f"level-{p.id}")


def _covers_a_point(ax, series: Series, p: Point, drawn: set, span, top: float, width_pt: float) -> bool:
    """Whether a label `width_pt` wide to the right of `p`'s marker would cover another figure's marker (a bound
    told a fortnight later at almost the same height), judged on the axis the chart will have."""
    lo, hi = (_x(d) for d in span)
    size = ax.get_position().size * ax.figure.get_size_inches() * 72  # the axis in points
    for q in series.points:
        if q.id == p.id or q.id not in drawn or q.best is None:
            continue
        dx = (_x(q.mid) - _x(p.mid)) / max(hi - lo, 1e-9) * size[0]
        dy = (q.best - p.best) / max(top, 1e-9) * size[1]
        if 0 < dx <= width_pt + LEVEL_MARKER_PT and abs(dy) < LEVEL_MARKER_PT:
            return True
    return False


LEVEL_MARKER_PT = 10  # a marker and its bound sign reach this far from its centre, in points

LABEL_GAP = 0.04  # flagged points closer than this share of the chart's time span share one label


def _mark_flagged(ax, series: Series, flagged: dict) -> None:
    """A ring on each flagged point; one label of codes for points close in time (labels never overprint)."""
    marked = sorted(((p, flagged[p.id]) for p in (*series.points, *series.candidates) if flagged.get(p.id)),
                    key=lambda x: (x[0].mid, x[0].id))
    days = [p.mid.toordinal() for p in (*series.points, *series.candidates)]
    gap = max(7.0, LABEL_GAP * (max(days) - min(days))) if days else 7.0
    groups: list[list] = []
    for p, codes in marked:
        ax.plot([_x(p.mid)], [p.best], linestyle="none", marker="o", markersize=17, markerfacecolor="none",
                markeredgecolor="#C00000", markeredgewidth=1.5, zorder=6, gid=f"flag-{p.id}")
        if groups and p.mid.toordinal() - groups[-1][-1][0].mid.toordinal() <= gap:
            groups[-1].append((p, codes))
        else:
            groups.append([(p, codes)])
    for group in groups:
        top = max(group, key=lambda x: (x[0].best or 0, x[0].id))[0]
        codes = list(dict.fromkeys(c for _, cs in group for c in cs))
        ax.annotate(", ".join(codes), (_x(top.mid), top.best), xytext=(0, 13), textcoords="offset points",
                    ha="center", fontsize=8.5, color="#C00000", zorder=6)


def _head_and_foot(fig, ledger: Ledger, series: Series, st: Style, data_hash: str, lang: str,
                   left_out, lw: LedgerWords) -> None:
    """Title, subtitle and footer; long titles wrap onto more lines instead of being cut."""
    title, sub = _titles(series, st, lw)
    size = 14.5 if len(title) <= 2 else 12.5
    fig.text(0.075, 0.965, "\n".join(title), fontsize=size, fontweight="bold", ha="left", va="top",
             linespacing=1.2, gid="title")
    fig.text(0.075, 0.965 - 0.045 * len(title) * size / 14.5 - 0.012, sub, fontsize=11, color="#444444",
             ha="left", va="top", gid="subtitle")
    if st.name == "publish":
        lines = textwrap.wrap(lw.source or source_line(ledger, series, lang, left_out=left_out), 150)
        lines += textwrap.wrap(lw.note, 150) if lw.note else []
        left = Counter(left_out.values())  # figure id -> why it was left out
        lines += [words(lang)[reason].format(n=left[reason]) for reason in ("outdated", "misprint") if left[reason]]
        fig.text(0.075, 0.045, "\n".join(lines), fontsize=9.5, color="#333333", ha="left", va="bottom",
                 linespacing=1.35, gid="source")
        if data_hash:
            fig.text(0.075, 0.015, f"{words(lang)['data']} {data_hash[:12]} · tracker", fontsize=6.5,
                     color="#999999", ha="left", va="bottom", gid="data-hash")
    else:
        fig.text(0.075, 0.015, footer_text(ledger, series, data_hash), fontsize=7.5, color="#555555",
                 ha="left", va="bottom", linespacing=1.35, gid="source")


def _statement(fig, ax, ledger: Ledger, series: Series, p: Point, st: Style, data_hash: str, lang: str,
               left_out, lw: LedgerWords):
    """A single figure as a statement: the value large, what it counts, when, and who said it."""
    ax.set_axis_off()
    ind = series.indicator
    unit = "share" if ind.is_share else ind.unit
    _head_and_foot(fig, ledger, series, st, data_hash, lang, left_out, lw)
    colour = claimant_colours(series)[claimant_key(p.claimant)]
    value = _value_text(p, unit, lw.counts_lang if st.name == "publish" else lang)
    fig.text(0.075, 0.58, value, fontsize=54, fontweight="bold", color=colour, ha="left", va="center",
             gid=f"figure-{p.id}")  # the report links and titles it like a marker
    publish = st.name == "publish"
    what_lang = lw.counts_lang if publish else lang  # the when in the words' own language, never mixed
    w = words(what_lang)
    when = p.figure.when
    lead = w["in"] if p.figure.period else w["reported"] if p.figure.as_of_defaulted else w["as_of"]
    when_words = f"{lead} {when_text(when, what_lang)}" if when else ""
    what = (lw.counts if publish else ind.counts or ind.unit) + (f", {when_words}" if when_words else "")
    src = ledger.sources[p.figure.source]
    name, outlet = (claimant_name(ledger, p, lang), outlet_name(ledger, src, lang)) if publish else \
        (p.claimant, src.publisher)
    who = name if claimant_key(p.claimant) == claimant_key(src.publisher) else \
        f"{name}, {words(lang)['as_reported_by']} {outlet}"
    what_lines = textwrap.wrap(what[0].upper() + what[1:], 90)
    fig.text(0.075, 0.45, "\n".join(what_lines), fontsize=14, color="#222222", ha="left", va="top",
             gid="statement-what")
    fig.text(0.075, 0.45 - 0.05 * len(what_lines) - 0.02, who, fontsize=12, color="#444444", ha="left", va="top",
             gid="statement-who")
    return fig, ax


def _legend(fig, series: Series, colours: dict[str, str], band: bool, st: Style, lang: str, drawn: list,
            key, name):
    w = words(lang)
    handles, labels = [], []
    names = {key(p): name(p) for p in drawn}
    # a published chart of one claimant names it in the source line: a legend entry would only repeat it
    one = st.name == "publish" and len(names) == 1
    for key, colour in colours.items():
        if key in names and not one:
            handles.append(Line2D([], [], linestyle="none", marker="s", markersize=9, color=colour))
            labels.append(textwrap.fill(names[key], 28))  # 28: Cyrillic names, wider, stay inside the figure
    qualifiers = sorted({p.qualifier for p in drawn}, key=list(MARKERS).index)
    for q in qualifiers:
        handles.append(Line2D([], [], linestyle="none", marker=MARKERS[q], markersize=8, color="#333333",
                              markeredgewidth=2 if q == "range" else 1))
        labels.append(w[q])
    if any(p.end > p.start for p in drawn):
        handles.append(Line2D([], [], color="#333333", linewidth=3, alpha=0.55))
        labels.append(textwrap.fill(w["period"], 32))
    if st.review and series.candidates:
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=8, markerfacecolor="none",
                              markeredgecolor="#333333"))
        labels.append(w["candidate"])
    if st.review and series.rejected:
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=8, color=GREY))
        labels.append(w["rejected"])
    if band:
        handles.append(Rectangle((0, 0), 1, 1, facecolor="#999999", alpha=0.25, hatch="////", edgecolor="#bbbbbb"))
        labels.append(w["band"])
    title = w["legend"] if st.name == "working" else w["legend_publish"] if not one else None
    fig.legend(handles, labels, loc="upper left", bbox_to_anchor=(0.745, 0.80), frameon=False, fontsize=9,
               title=title, title_fontsize=9, alignment="left", borderaxespad=0)


TILE_PX = (420, 290)


def plot_tile(ledger: Ledger, indicator_id: str, series: Series | None = None):
    """One indicator as a small multiple for the overview; return (fig, ax)."""
    series = series or series_of(ledger, indicator_id)
    with matplotlib.rc_context({**STYLE, "font.size": 8}):
        fig = _figure((TILE_PX[0] / DPI, TILE_PX[1] / DPI))
        ax = fig.add_axes([0.17, 0.14, 0.79, 0.62])
        plot_indicator(ledger, indicator_id, ax=ax, series=series, footer=False)
        ax.tick_params(labelsize=7)
        for text in ax.texts:
            text.set_fontsize(6.5)
    return fig, ax


def compose_overview(tiles: list, data_hash: str = "", ncols: int = 4) -> bytes:
    """The overview PNG: the indicators' tiles side by side, composed without redrawing them."""
    import io

    from matplotlib import font_manager
    from PIL import Image, ImageDraw, ImageFont

    tw, th = TILE_PX
    nrows = max(1, math.ceil(len(tiles) / ncols))
    head, foot = 50, 26
    canvas = Image.new("RGB", (tw * ncols, head + th * nrows + foot), "white")
    for n, path in enumerate(tiles):
        with Image.open(path) as tile:
            canvas.paste(tile.convert("RGB"), ((n % ncols) * tw, head + (n // ncols) * th))
    draw = ImageDraw.Draw(canvas)
    bold = ImageFont.truetype(font_manager.findfont("DejaVu Sans:bold"), 22)
    regular = ImageFont.truetype(font_manager.findfont("DejaVu Sans"), 12)
    draw.text((12, 12), f"All indicators ({len(tiles)} with dated figures)", fill="black", font=bold)
    draw.text((12, head + th * nrows + 6), f"Data {data_hash[:12]} · one chart per indicator in output/; markers: "
              "● exact, ◆ approximate, ▲ at least, ▼ at most, | range", fill="#555555", font=regular)
    buf = io.BytesIO()
    canvas.save(buf, format="PNG", optimize=False, compress_level=3)  # large: fast beats small here
    return buf.getvalue()


def save(fig, fmt: str, scale: int = 1) -> bytes:
    """The figure's bytes in `fmt` (PNG at `scale` times 1200×675 for high-density screens), with no
    timestamps or random ids, so reruns are byte-identical."""
    import io

    buf = io.BytesIO()
    metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None} if fmt == "svg" else None
    with matplotlib.rc_context(STYLE):
        fig.savefig(buf, format=fmt, dpi=DPI * scale, metadata=metadata)
    if fmt == "svg":  # SVG text is laid out by the browser: a right-to-left override in a name is shown, not obeyed
        return buf.getvalue().decode("utf-8").translate(BIDI_SHOWN).encode("utf-8")
    return buf.getvalue()
