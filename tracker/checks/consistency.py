"""Consistency: running totals that fall, figures for the same time that disagree, stale re-prints."""

from __future__ import annotations

from datetime import timedelta

from tracker.checks.base import TOLERANCE, Context, Flag, allowed, consistent, describe, published, register, unit_of
from tracker.series import Point, claimant_key

STALE_LAG_DAYS = 7  # the newer value must have been public at least this long before


@register("decrease", "a running total lower than an earlier one beyond what qualifiers allow",
          kinds=("cumulative",))
def decreases(ctx: Context) -> list[Flag]:
    ledger, series = ctx.ledger, ctx.series
    flags = []
    unit = unit_of(series)
    pts = series.independent()
    for b in pts:
        earlier = [a for a in pts if a.end < b.start and a.lo > 0]
        if not earlier:
            continue
        a = max(earlier, key=lambda q: (q.lo, q.end))
        if b.hi >= a.lo * (1 - TOLERANCE.get(a.qualifier, 0) - TOLERANCE.get(b.qualifier, 0) - 0.02):
            continue
        pa, pb = published(ledger, a.figure), published(ledger, b.figure)
        if b.figure.as_of_defaulted and pa and pb and pa < pb:
            continue  # dated only by publication: that is a stale re-print, checked below
        flags.append(Flag("decrease", "error", series.indicator.id, (b.id, a.id),
                          f"{describe(ledger, b, unit)} is lower than the earlier {describe(ledger, a, unit)}, "
                          f"but a running total can only grow."))
    return flags


def _same_time(a: Point, b: Point, growing: bool) -> bool:
    if a.start == a.end and b.start == b.end:  # a running total grows even in three days
        return a.start == b.start if growing else abs((a.start - b.start).days) <= 3
    # the same month or period: for a running total two such figures may differ by its growth
    return not growing and (a.start, a.end) == (b.start, b.end)


@register("conflict", "figures for the same time that cannot both be true")
def conflicts(ctx: Context) -> list[Flag]:
    ledger, series = ctx.ledger, ctx.series
    flags = []
    unit = unit_of(series)
    pts = series.independent()
    for i, a in enumerate(pts):
        for b in pts[i + 1:]:
            if a.figure.as_of_defaulted != b.figure.as_of_defaulted:
                continue  # a publication date is not the date a count holds for
            if _same_time(a, b, series.indicator.kind == "cumulative") and not consistent(a, b):
                flags.append(Flag("conflict", "error", series.indicator.id, (b.id, a.id),
                                  f"{describe(ledger, b, unit)} and {describe(ledger, a, unit)} speak of the "
                                  f"same time but cannot both be true."))
    return flags


@register("stale", "published when a clearly different value for a later or equal date was already public",
          kinds=("cumulative", "stock"))
def stale(ctx: Context) -> list[Flag]:
    ledger, series = ctx.ledger, ctx.series
    if series.indicator.kind not in ("cumulative", "stock"):
        return []
    flags = []
    unit = unit_of(series)
    pts = [p for p in series.points if p.echo_of is None]
    # once per point, not once per pair: when it was public by, and who produced it
    public_by = {p.id: published(ledger, p.figure) for p in series.points}
    producer = {p.id: claimant_key(p.claimant) for p in series.points}
    for f in pts:
        if not f.figure.as_of_defaulted:
            continue  # an explicitly dated figure says what time it speaks of
        src_f = ledger.sources[f.figure.source]
        pub_f = src_f.published.first if src_f.published else None  # the earliest it can have appeared
        if pub_f is None:
            continue
        anyone = f.figure.claimant_defaulted  # no producer named: any newer value outdates it
        cutoff = pub_f - timedelta(days=STALE_LAG_DAYS)
        newer = []
        for g in series.points:
            pub_g = public_by[g.id]
            if pub_g is None or pub_g > cutoff or g.end > f.end or g.id == f.id or g.echo_of == f.id:
                continue
            if not anyone and producer[g.id] != producer[f.id]:
                continue  # another producer's count is a disagreement, not a newer edition
            if series.indicator.kind == "cumulative":
                if allowed(g)[0] > f.value * 1.02:
                    newer.append(g)
            elif g.best is not None and f.value and abs(g.best - f.value) > 0.1 * f.value:
                older = [h for h in series.points if h.end < g.end and h.best is not None
                         and abs(h.best - f.value) <= 0.005 * f.value]
                if older:
                    newer.append(g)
        if not newer:
            continue
        # name what outdated it first: a plain value before a bound, then the earliest published
        g = min(newer, key=lambda q: (q.qualifier in ("at_least", "at_most"), public_by[q.id], q.id))
        older = [h for h in series.points if h.id != f.id and h.end < g.end and h.best is not None
                 and abs(h.best - f.value) <= 0.005 * f.value]
        again = f"; it repeats the value of {older[0].id} ({older[0].end})" if older else ""
        bound = " (true, but an outdated bound)" if f.qualifier == "at_least" else ""
        flags.append(Flag("stale", "warning", series.indicator.id, (f.id, g.id),
                          f"{describe(ledger, f, unit)} was published{bound} after "
                          f"{describe(ledger, g, unit)} had been public since {published(ledger, g.figure)}"
                          f"{again}."))
    return flags
