"""A chart's SVG made to answer "where is this from?" inside the report, with no server and no fetching.

Each figure's marker (matplotlib writes it as `<g id="figure-ID">`) gets a link to the article (or to its row in
the report when it has no address) and its text: value as printed, qualifier, date, claimant, outlet, quote and
flags, as the link's `data-tip` (the report's own tooltip: hover, keyboard focus, a tap) and as a `<title>` (for a
page read without its script; the script takes it off so that the browser's delayed tooltip does not double
ours). The figure's other marks (its interval, range bar, bound sign, flag ring) carry its id too. Every id in
the SVG is prefixed with the indicator's, so many charts can stand in one page.
"""

from __future__ import annotations

import re

from tracker.ledger.model import Ledger
from tracker.series import Series
from tracker.text.formatting import html_text as escape
from tracker.text.formatting import stated

_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(url\(#|xlink:href="#|href="#)([^")]+)')
_POINT = re.compile(r'<g id="([^"]*?)figure-([^"]+)">')


def _prefix(svg: str, prefix: str) -> str:
    svg = _ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', svg)
    return _REF.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}", svg)


def _close(svg: str, start: int) -> int:
    """Where the <g> opened at `start` closes (the index just after its '</g>')."""
    depth, i = 0, start
    tag = re.compile(r"<g[\s>]|</g>")
    for m in tag.finditer(svg, start):
        depth += -1 if m.group(0) == "</g>" else 1
        if depth == 0:
            return m.end()
        i = m.end()
    return i


def point_text(ledger: Ledger, series: Series, fid: str, flags_by_figure: dict) -> tuple[str, str]:
    """A figure's tooltip text, and where a click takes the reader."""
    f = next(p.figure for p in (*series.points, *series.candidates, *series.rejected) if p.id == fid)
    src = ledger.sources[f.source]
    unit = "share" if series.indicator.is_share else series.indicator.unit
    when = f.when
    lines = [f"{stated(f, unit)} ({f.qualifier})" + (f" · {when}" if when else "") +
             (" (publication date)" if f.as_of_defaulted else ""),
             f"{f.claimant}" + ("" if f.claimant == src.publisher else f", as reported by {src.publisher}") +
             (f" ({src.published})" if src.published else ""),
             f"\u201c{f.quote}\u201d"]
    if f.status != "accepted":
        lines.append(f"status: {f.status}" + (f" ({f.note})" if f.note else ""))
    for fl in flags_by_figure.get(fid, ()):
        lines.append(f"flag {fl.code} ({fl.severity}): {fl.message}")
    return "\n".join(lines), src.url or f"#fig-{fid}"


def annotate(svg: str, ledger: Ledger, series: Series, flags=()) -> str:
    """The SVG, ready to inline: ids prefixed, each figure's marker with its title, link and claimant."""
    ind_id = series.indicator.id
    svg = svg[svg.find("<svg"):]  # no XML prolog or DOCTYPE inside HTML
    svg = _prefix(svg, f"{ind_id}--")
    by_figure: dict = {}
    for fl in flags or ():
        if fl.figures and fl.indicator == ind_id:
            by_figure.setdefault(fl.figures[0], []).append(fl)
    claimants = {p.id: p.claimant for p in (*series.points, *series.candidates, *series.rejected)}
    out, pos = [], 0
    for m in _POINT.finditer(svg):
        if m.start() < pos:
            continue
        fid = m.group(2)
        if fid not in claimants:
            continue
        end = _close(svg, m.start())
        text, href = point_text(ledger, series, fid, by_figure)
        target = ' target="_blank" rel="noopener"' if not href.startswith("#") else ""
        inner = svg[m.end():end]
        flagged = " flagged" if fid in by_figure else ""
        out.append(svg[pos:m.start()])
        out.append(f'<a href="{escape(href)}"{target} class="point-link" data-tip="{escape(text)}">'
                   f'<g id="{m.group(1)}figure-{escape(fid)}" class="point{flagged}" data-figure="{escape(fid)}" '
                   f'data-claimant="{escape(claimants[fid])}"><title>{escape(text)}</title>{inner}</a>')
        pos = end
    out.append(svg[pos:])
    return "".join(out)
