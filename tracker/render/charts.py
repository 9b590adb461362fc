"""Charts of one indicator, and an overview of all, with matplotlib.

Plot functions return (fig, ax) and never call show(), so notebooks can use them.
Every figure is a point with a marker for its qualifier, drawn across the interval
it speaks about, coloured by claimant; events are labelled vertical lines; a
footer names the sources and a hash of the data, so a chart traces to its inputs.
"""

from __future__ import annotations

import math
import textwrap
from datetime import date, timedelta

import matplotlib
import matplotlib.dates as mdates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, MaxNLocator

from tracker.text.formatting import subtitle
from tracker.ledger.model import Ledger
from tracker.series import Point, Series, claimant_key, series_of

WIDTH_PX, HEIGHT_PX, DPI = 1200, 675, 100
# Okabe-Ito, colour-blind safe, yellow left out (poor on white).
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C564B"]
GREY = "#A0A0A0"
MARKERS = {"exact": "o", "approx": "D", "at_least": "^", "at_most": "v", "range": "_"}
QUALIFIER_LABELS = {"exact": "exact", "approx": "approximate", "at_least": "at least (≥)",
                    "at_most": "at most (≤)", "range": "range (low to high)"}
BOUND_SIGNS = {"at_least": "≥", "at_most": "≤"}
STYLE = {
    "font.family": "DejaVu Sans", "font.size": 11, "axes.spines.top": False, "axes.spines.right": False,
    "axes.grid": True, "axes.grid.axis": "y", "grid.color": "#E5E5E5", "grid.linewidth": 0.8,
    "svg.hashsalt": "tracker", "svg.fonttype": "path", "path.simplify": False,
}


def _figure(size: tuple[float, float]) -> Figure:
    """A figure of its own (not pyplot's), so drawing never switches a notebook's backend or keeps state."""
    fig = Figure(figsize=size, dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def claimant_colours(series: Series) -> dict[str, str]:
    """A stable colour per claimant, in order of first appearance in time."""
    colours: dict[str, str] = {}
    for p in (*series.points, *series.candidates):
        key = claimant_key(p.claimant)
        if key not in colours:
            colours[key] = PALETTE[len(colours) % len(PALETTE)]
    return colours


def footer_text(ledger: Ledger, series: Series, data_hash: str = "", width: int = 190) -> str:
    """'Source: Mediazona via Ukrainska Pravda (2024-06-18); ...', shortened to fit, plus the data hash."""
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
    shown = 0
    for item in items:
        more = len(items) - shown - 1
        tail = f"; and {more} more (see index.html)" if more else ""
        if len(text) + len(item) + len(tail) > width * 2 and shown:
            text += f"and {len(items) - shown} more (see index.html)"
            break
        text += item + ("; " if more else "")
        shown += 1
    lines = textwrap.wrap(text, width)
    notes = chart_notes(series)
    if notes:
        lines.append(notes)
    if data_hash:
        lines.append(f"Data {data_hash[:12]} · made with tracker from the ledger; see output/index.html")
    return "\n".join(lines)


def chart_notes(series: Series) -> str:
    notes = []
    echoes = sum(1 for p in series.points if p.echo_of)
    if echoes:
        notes.append(f"{echoes} echo{'es' if echoes != 1 else ''} of a claimant's own earlier figure drawn faint")
    if series.undated:
        n = len(series.undated)
        notes.append(f"{n} undated figure{'s' if n != 1 else ''} left out")
    if series.relative:
        n = len(series.relative)
        notes.append(f"{n} relative claim{'s' if n != 1 else ''} (e.g. 'doubling') not drawn")
    return "; ".join(notes) + ("." if notes else "")


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
        artists.append(ax.hlines(y, x0, x1, colors=colour, linewidth=3, alpha=0.55 * alpha, zorder=2))
    if p.qualifier == "range":
        artists.append(ax.vlines(xm, p.low, p.high, colors=colour, linewidth=2.5, alpha=alpha, zorder=3))
        artists.extend(ax.plot([xm, xm], [p.low, p.high], linestyle="none", marker="_", markersize=14,
                               markeredgewidth=2.5, color=colour, alpha=alpha, zorder=3))
        if p.value is not None:
            artists.extend(ax.plot([xm], [p.value], linestyle="none", marker="o", markersize=5,
                                   markerfacecolor=face, markeredgecolor=edge, alpha=alpha, zorder=4))
    else:
        size = 9 if p.qualifier != "approx" else 8
        (marker,) = ax.plot([xm], [y], linestyle="none", marker=MARKERS[p.qualifier], markersize=size,
                            markerfacecolor=face, markeredgecolor=edge, markeredgewidth=1.6, alpha=alpha,
                            zorder=4, gid=f"figure-{p.id}")
        artists.append(marker)
        sign = BOUND_SIGNS.get(p.qualifier)
        if sign:
            artists.append(ax.annotate(sign, (xm, y), xytext=(7, 0), textcoords="offset points", va="center",
                                       ha="left", fontsize=12, fontweight="bold", color=colour, alpha=alpha,
                                       zorder=5))
    return artists


def _value_formatter(unit: str, top: float):
    if unit == "share":
        return FuncFormatter(lambda v, _: f"{v * 100:.0f}%")
    if top < 20:
        return FuncFormatter(lambda v, _: f"{v:,.1f}".rstrip("0").rstrip("."))
    return FuncFormatter(lambda v, _: f"{v:,.0f}")


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


def _y_top(series: Series) -> float:
    vals = []
    for p in (*series.points, *series.candidates, *series.rejected):
        vals.extend(v for v in (p.value, p.low, p.high) if v is not None)
    top = max(vals, default=1.0)
    return top * 1.18 if top > 0 else 1.0


# Long on purpose: the layers of one chart in drawing order (band, events, points, axes, titles, legend,
# footer); each layer is a few lines and reads best in sequence.
def plot_indicator(ledger: Ledger, indicator_id: str, ax=None, *, series: Series | None = None,
                   band=None, flagged=None, data_hash: str = "", footer: bool = True):
    """Draw one indicator's chart; return (fig, ax). Never calls show().

    `band` (a DataFrame with date, low, high) draws a model's expected band; `flagged`
    maps figure ids to flag codes to mark them. Both are optional additions.
    """
    series = series or series_of(ledger, indicator_id)
    ind = series.indicator
    unit = "share" if ind.is_share else ind.unit
    with matplotlib.rc_context(STYLE):
        if ax is None:
            fig = _figure((WIDTH_PX / DPI, HEIGHT_PX / DPI))
            ax = fig.add_axes([0.075, 0.175, 0.655, 0.64])
        else:
            fig = ax.figure
        colours = claimant_colours(series)
        events = ledger.events_for(ind.id)
        lo, hi = _x_limits(series, events)
        if band is not None and len(band):
            ax.fill_between(band["date"], band["low"], band["high"], color="#999999", alpha=0.18, linewidth=0,
                            zorder=1, label="expected range (model)")
        for p in series.rejected:
            _draw_point(ax, p, GREY, "rejected")
        for p in series.candidates:
            _draw_point(ax, p, colours[claimant_key(p.claimant)], "candidate")
        for p in series.points:
            _draw_point(ax, p, colours[claimant_key(p.claimant)], "accepted", faint=p.echo_of is not None)
        if flagged:
            for p in (*series.points, *series.candidates):
                codes = flagged.get(p.id)
                if codes:
                    y = p.best
                    ax.plot([_x(p.mid)], [y], linestyle="none", marker="o", markersize=17,
                            markerfacecolor="none", markeredgecolor="#C00000", markeredgewidth=1.5, zorder=6)
                    ax.annotate(", ".join(codes), (_x(p.mid), y), xytext=(0, 13), textcoords="offset points",
                                ha="center", fontsize=8.5, color="#C00000", zorder=6)
        top = _y_top(series)
        if band is not None and len(band):
            top = max(top, float(band["high"].max()) * 1.05) if band["high"].notna().any() else top
            top = min(top, _y_top(series) * 2.5)
        ax.set_ylim(0, 1.0 if unit == "share" and top <= 1.0 else top)
        ax.set_xlim(_x(lo), _x(hi))
        visible = [e for e in events if lo <= e.date.first <= hi]
        for i, e in enumerate(visible):
            x = _x(e.date.first)
            ax.axvline(x, color="#555555", linestyle=(0, (4, 3)), linewidth=1, zorder=1)
            ax.annotate(textwrap.shorten(e.title, 38, placeholder="…"), (x, 1.0), xycoords=("data", "axes fraction"),
                        xytext=(3, -4 - 13 * (i % 3)), textcoords="offset points", fontsize=8.5, color="#444444",
                        va="top", ha="left")
        ax.yaxis.set_major_formatter(_value_formatter(unit, top))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=6))
        locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.tick_params(labelsize=10)
        if footer:
            title = textwrap.wrap(ind.title, 95)
            if len(title) > 2:
                title = [title[0], textwrap.shorten(" ".join(title[1:]), 95, placeholder="…")]
            fig.text(0.075, 0.965, "\n".join(title), fontsize=14.5, fontweight="bold", ha="left", va="top",
                     linespacing=1.2)
            fig.text(0.075, 0.965 - 0.048 * len(title) - 0.012, subtitle(series), fontsize=11, color="#444444",
                     ha="left", va="top")
            fig.text(0.075, 0.015, footer_text(ledger, series, data_hash), fontsize=7.5, color="#555555",
                     ha="left", va="bottom", linespacing=1.35)
            _legend(fig, series, colours, band is not None and len(band) > 0)
        else:
            ax.set_title(textwrap.fill(ind.title, 44), fontsize=9, loc="left")
    return fig, ax


def _legend(fig, series: Series, colours: dict[str, str], band: bool):
    handles, labels = [], []
    names = {claimant_key(p.claimant): p.claimant for p in (*series.points, *series.candidates)}
    for key, colour in colours.items():
        handles.append(Line2D([], [], linestyle="none", marker="s", markersize=9, color=colour))
        labels.append(textwrap.shorten(names[key], 34, placeholder="…"))
    qualifiers = sorted({p.qualifier for p in (*series.points, *series.candidates, *series.rejected)},
                        key=list(MARKERS).index)
    for q in qualifiers:
        handles.append(Line2D([], [], linestyle="none", marker=MARKERS[q], markersize=8, color="#333333",
                              markeredgewidth=2 if q == "range" else 1))
        labels.append(QUALIFIER_LABELS[q])
    if any(p.end > p.start for p in (*series.points, *series.candidates)):
        handles.append(Line2D([], [], color="#333333", linewidth=3, alpha=0.55))
        labels.append("the month, year or period it covers")
    if series.candidates:
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=8, markerfacecolor="none",
                              markeredgecolor="#333333"))
        labels.append("candidate (not yet reviewed)")
    if series.rejected:
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=8, color=GREY))
        labels.append("rejected (kept for the record)")
    if band:
        handles.append(Rectangle((0, 0), 1, 1, color="#999999", alpha=0.3))
        labels.append("expected range (model)")
    fig.legend(handles, labels, loc="upper left", bbox_to_anchor=(0.745, 0.83), frameon=False, fontsize=9,
               title="Claimant · qualifier", title_fontsize=9, alignment="left", borderaxespad=0)


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


def save(fig, fmt: str) -> bytes:
    """The figure's bytes in `fmt`, with no timestamps or random ids, so reruns are byte-identical."""
    import io

    buf = io.BytesIO()
    metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None} if fmt == "svg" else None
    with matplotlib.rc_context(STYLE):
        fig.savefig(buf, format=fmt, dpi=DPI, metadata=metadata)
    return buf.getvalue()
