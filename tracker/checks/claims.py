"""Claims: relative claims against the series, quotes that do not state their number, undated figures."""

from __future__ import annotations

from datetime import date

import numpy as np

from tracker.checks.base import Context, Flag, register, unit_of
from tracker.series import Series, length_in
from tracker.text.formatting import format_value, stated
from tracker.text.numbers import quote_states

# How far a stated ratio may be from the series': an exact "doubled" allows the rounding of the figures it
# compares (5%), an approximate "about twice" a quarter. A judgement, not fitted to data.
RATIO_TOLERANCE = {"exact": 0.05, "approx": 0.25}
# A figure belongs to a window when at least half its period lies inside it (a judgement).
IN_WINDOW = 0.5


def _window_level(series: Series, first: date, last: date) -> tuple[float, float] | None:
    """The range of the series' plain values within a window (as rates for flows)."""
    vals = []
    for p in series.independent():
        if p.qualifier not in ("exact", "approx", "range") or p.best is None:
            continue
        inside = max(0, (min(p.end, last) - max(p.start, first)).days + 1)
        if inside >= IN_WINDOW * ((p.end - p.start).days + 1):
            v = p.best / length_in((p.start, p.end), "month") if series.indicator.kind == "flow" else p.best
            vals.append(v)
    if not vals:
        return None
    return min(vals), max(vals)


@register("relative", 'a relative claim ("doubling") that the series contradicts, or cannot check',
          severity="error", thresholds=("RATIO_TOLERANCE", "IN_WINDOW"))
def relative(ctx: Context) -> list[Flag]:
    series = ctx.series
    flags = []
    for f in series.relative:
        if f.status != "accepted":
            continue
        later = f.when
        unit = "×" if f.change == "ratio" else unit_of(series)
        claim = f"{f.id} ({stated(f)} from {f.compared_to} to {later})"
        a = _window_level(series, f.compared_to.first, f.compared_to.last)
        b = _window_level(series, later.first, later.last)
        if a is None or b is None:
            missing = f.compared_to if a is None else later
            flags.append(Flag("relative", "notice", series.indicator.id, (f.id,),
                              f"The relative claim {claim} cannot be checked: the ledger has no plain figure of "
                              f"{series.indicator.id} for {missing}."))
            continue
        if f.change == "ratio":
            lo, hi = b[0] / a[1], b[1] / a[0]
        else:
            lo, hi = b[0] - a[1], b[1] - a[0]
        tol = RATIO_TOLERANCE.get(f.qualifier, 0.05)
        v = float(f.value)
        claimed = {"at_least": (v, np.inf), "at_most": (-np.inf, v)}.get(f.qualifier, (v * (1 - tol), v * (1 + tol)))
        if claimed[0] > hi or claimed[1] < lo:
            flags.append(Flag("relative", "error", series.indicator.id, (f.id,),
                              f"The relative claim {claim} does not fit the series, which gives "
                              f"{format_value(round(lo, 2))}–{format_value(round(hi, 2))}"
                              f"{unit if unit == '×' else ''}."))
    return flags


@register("quote", "a quote that does not state the figure's number", severity="warning")
def quotes(ctx: Context) -> list[Flag]:
    series = ctx.series
    flags = []
    figures = [p.figure for p in series.points] + list(series.relative) + list(series.undated)
    for f in figures:
        if f.status == "accepted" and not quote_states(f.quote, f.value, f.low, f.high) and not (
                f.change == "ratio" and f.value is not None and quote_states(f.quote, round(abs(f.value - 1), 6))):
            # a ratio said as a percentage of change: "a 20 percent increase" states 1.2, "fell by 30%" 0.7
            flags.append(Flag("quote", "warning", series.indicator.id, (f.id,),
                              f"The quote of {f.id} does not state {stated(f, unit_of(series))}: check the number "
                              f"against the article."))
    return flags


@register("undated", "a figure whose date can only be guessed, so it cannot be judged", severity="notice")
def undated(ctx: Context) -> list[Flag]:
    series = ctx.series
    return [Flag("undated", "notice", series.indicator.id, (f.id,),
                 f"{f.id} ({stated(f, unit_of(series))}, {f.claimant}) has no as_of and its source "
                 f"'{f.source}' no published date, so it cannot be placed or judged; add as_of or published.")
            for f in series.undated]
