"""Jumps: figures outside the model's expected band, and running totals whose implied pace is out of line."""

from __future__ import annotations

import numpy as np

from tracker.checks.base import Context, Flag, describe, register, rounded, unit_of
from tracker.checks.support import support_for
from tracker.models import Observations
from tracker.series import Series, length_in
from tracker.text.formatting import format_value

RATE_FACTOR = 4.0  # an implied rate this many times off the median of the others is out of line


def observations(series: Series) -> Observations:
    """The accepted, independent figures of a series as model input (flows as monthly rates)."""
    pts = [p for p in series.independent() if p.best is not None]
    kind = series.indicator.kind
    scale = []
    for p in pts:
        scale.append(1 / length_in((p.start, p.end), "month") if kind == "flow" else 1.0)
    scale = np.array(scale, dtype=float)
    return Observations(
        ids=tuple(p.id for p in pts),
        t=np.array([float(p.mid.toordinal()) for p in pts]),
        best=np.array([p.best for p in pts], dtype=float) * scale,
        lo=np.array([p.lo for p in pts], dtype=float) * scale,
        hi=np.array([p.hi for p in pts], dtype=float) * scale,
        qualifiers=tuple(p.qualifier for p in pts),
        trend=kind == "cumulative",
        log=True,
        width=np.array([float((p.end - p.start).days + 1) for p in pts]),
    )


@register("jump", "a figure outside the model's expected band for its date")
def model_jumps(ctx: Context) -> list[Flag]:
    ledger, series, fit, k = ctx.ledger, ctx.series, ctx.fit, ctx.k
    if fit is None:
        return []
    flags = []
    unit = unit_of(series)
    ordered = sorted(series.independent(), key=lambda q: (q.mid, q.id))
    for i, p in enumerate(ordered):
        if len(ordered) == 2 and i == 0:
            continue  # two figures: only the later can be judged against the earlier
        j = fit.judgements.get(p.id)
        if j is None or not np.isfinite(j.z) or j.z <= k:
            continue
        previous = next((q for q in reversed(ordered[:i]) if q.mid < p.mid), None)
        support = support_for(ledger, series, p, previous)
        where = "above" if j.direction > 0 else "below"
        msg = (f"{describe(ledger, p, unit)} is {j.z:.1f} standard deviations {where} the expected "
               f"{rounded(j.lower, unit)}–{rounded(j.upper, unit)} for its date")
        msg += f" (after {previous.id})." if previous is not None else "."
        flags.append(Flag("jump", "info" if support else "warning", series.indicator.id, (p.id,)
                          + ((previous.id,) if previous else ()), msg, support, float(j.z)))
    return flags


@register("jump", "a running total whose implied monthly rate is far out of line", kinds=("cumulative",))
def implied_rate_jumps(ctx: Context) -> list[Flag]:
    """For a running total: an implied monthly rate more than RATE_FACTOR times off the others' median."""
    ledger, series, k = ctx.ledger, ctx.series, RATE_FACTOR
    rates = series.implied_rates("month")
    rates = rates[rates["days"] >= 14]
    if len(rates) < 3:
        return []
    flags = []
    positive = rates["rate"].clip(lower=1e-9)
    for idx, row in rates.iterrows():
        others = positive.drop(idx)
        med = float(np.median(others))
        if med <= 0 or row["rate"] <= 0:
            continue
        ratio = row["rate"] / med
        if ratio > k or ratio < 1 / k:
            p = next(q for q in series.points if q.id == row["to_id"])
            prev = next(q for q in series.points if q.id == row["from_id"])
            support = support_for(ledger, series, p, prev)
            msg = (f"Between {row['from_id']} and {row['to_id']} the running total implies "
                   f"{format_value(round(row['rate']))} a month, {ratio:.1f} times the median of the other "
                   f"intervals ({format_value(round(med))} a month).")
            flags.append(Flag("jump", "info" if support else "warning", series.indicator.id,
                              (row["to_id"], row["from_id"]), msg, support, float(ratio)))
    return flags
