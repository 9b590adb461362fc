"""Consistency: running totals that fall, figures for the same time that disagree, stale re-prints."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from datetime import timedelta

import numpy as np

from tracker.checks.base import (
    OVERLAP,
    PAIR_AGREE,
    SAME_NUMBER,
    STEADIER,
    TOLERANCE,
    Context,
    Flag,
    allowed,
    around,
    between,
    comparable,
    consulted,
    describe,
    geometric,
    overlap_share,
    published,
    register,
    robust_expected,
    roughness,
    sides_with,
    unit_of,
    within,
)
from tracker.languages import alternation
from tracker.series import Point, claimant_key
from tracker.text.formatting import format_value
from tracker.text.numbers import scanned

# Where each value comes from: "judgement" is a choice made when the check was written, not fitted to
# data; the real-series benchmark (benchmarks/real_flags.py) holds them all.
STALE_LAG_DAYS = 7  # the newer value must have been public at least a week before (judgement: news cycles)
REPRINT_TOLERANCE = 0.05  # a later, lower figure this close to an earlier one may be its re-print (rounding)
DECREASE_MARGIN = 0.02  # a fall must exceed both qualifiers' tolerance by 2% more (judgement: rounding)
AGREE_FACTOR = 2.0  # figures whose paces are within 2x back each other when a fall is blamed (judgement)
FAR_FACTOR = 3.0  # a fall between paces 3x apart is no rounding: the backers decide (judgement)
STALE_RISE = 0.02  # a running total this much above a re-print's value outdates it (judgement: rounding)
STALE_CHANGE = 0.1  # a stock this far from a re-print's value outdates it (judgement)


@register("decrease", "a running total lower than an earlier one beyond what qualifiers allow",
          severity="error", kinds=("cumulative",), names_culprit=True, before_refit=True,
          thresholds=("DECREASE_MARGIN", "REPRINT_TOLERANCE", "AGREE_FACTOR", "FAR_FACTOR", "STEADIER"))
def decreases(ctx: Context) -> list[Flag]:
    """Each fall names the figure the rest of the series disagrees with: a too-high earlier figure that
    several later ones are below, or a too-low later one that several earlier ones are above; when as many
    contradict each and their paces are far apart, the one whose leaving out leaves the steadier pace."""
    ledger, series, fit = ctx.ledger, ctx.series, ctx.fit
    unit = unit_of(series)
    pts = series.independent()
    if len(pts) < 2:
        return []
    # per figure, once: its dates, value and bounds, when it was public, its pace, the model's verdict
    end = np.array([p.end.toordinal() for p in pts])
    start = np.array([p.start.toordinal() for p in pts])
    low = np.array([p.lo for p in pts], dtype=float)
    high = np.array([p.hi for p in pts], dtype=float)
    best = np.array([np.nan if p.best is None else p.best for p in pts], dtype=float)
    tol = np.array([TOLERANCE.get(p.qualifier, 0) for p in pts], dtype=float)
    public = np.array([d.toordinal() if (d := published(ledger, p.figure)) else -1 for p in pts])
    defaulted = np.array([p.figure.as_of_defaulted for p in pts])
    pace = np.array([(p.best or p.lo or 0.0) * comparable(series, p) for p in pts], dtype=float)
    bound_pace = np.array([p.lo * comparable(series, p) if p.lo else np.nan for p in pts], dtype=float)
    bound_paces = np.sort(bound_pace[~np.isnan(bound_pace)])

    # pairs [b, a] (a earlier, b later) where b is lower than a beyond both qualifiers
    with np.errstate(invalid="ignore"):
        lower = (end[None, :] < start[:, None]) & (low[None, :] > 0) & \
            (high[:, None] < low[None, :] * (1 - tol[None, :] - tol[:, None] - DECREASE_MARGIN))
        # unless b may repeat a value the series had by a's date (b published after a, dated by its
        # publication, and another figure with about b's value is dated no later than a): a stale re-print,
        # checked below; a lower value the series never had says a or b is wrong
        same_value = (np.abs(best[None, :] - best[:, None]) <= REPRINT_TOLERANCE * best[:, None]) & \
            ~np.eye(len(pts), dtype=bool)  # [b, h]: h has about b's value
    by_then = (end[:, None] <= end[None, :]).astype(np.int64)  # [h, a]: h is dated no later than a
    others = same_value.astype(np.int64) @ by_then - same_value  # [b, a]: such figures other than a
    reprint = defaulted[:, None] & ~np.isnan(best)[:, None] & (public[None, :] >= 0) & \
        (public[None, :] < public[:, None]) & (others > 0)
    b_idx, a_idx = np.nonzero(lower & ~reprint)  # b-major: the flags are worded from the first pair found
    if not len(b_idx):
        return []
    # a figure dated the same (to the day, month or year) that it rules out counts against it too: "over 107,000"
    # beside the same release's 10,702 is contradicted by two figures, the later 19,273 by one (that "over 107,000")
    with np.errstate(invalid="ignore"):
        same_time = (start[:, None] == start[None, :]) & (end[:, None] == end[None, :]) & \
            (high[:, None] < low[None, :] * (1 - tol[None, :] - tol[:, None] - DECREASE_MARGIN))  # [b, a]: b under a
    above = np.bincount(a_idx, minlength=len(pts)) + same_time.sum(axis=0)  # later (or same-time) figures below it
    below = np.bincount(b_idx, minlength=len(pts)) + same_time.sum(axis=1)  # earlier (or same-time) ones above it

    # who agrees with a figure: the other figures (bounds too) whose pace is within AGREE_FACTOR of its own
    near = np.searchsorted(bound_paces, AGREE_FACTOR * pace, "right") - \
        np.searchsorted(bound_paces, pace / AGREE_FACTOR, "left")
    within = (bound_pace[None, :] >= pace[:, None] / AGREE_FACTOR) & \
        (bound_pace[None, :] <= AGREE_FACTOR * pace[:, None])  # [p, q]

    def backers(p: np.ndarray, other: np.ndarray) -> np.ndarray:
        n = near[p] - within[p, p] - within[p, other]
        return np.where(pace[p] != 0, n, 0)

    pa, pb = pace[a_idx], pace[b_idx]
    with np.errstate(divide="ignore", invalid="ignore"):
        far = (pa != 0) & (pb != 0) & (np.maximum(pa / pb, pb / pa) >= FAR_FACTOR)  # one of them is no rounding
    # the figure more later (earlier) figures contradict; when as many, one far off the other's pace is
    # judged by who agrees with it; else by the model
    ka, kb = above[a_idx], below[b_idx]
    sa, sb = np.where(far, -backers(a_idx, b_idx), 0), np.where(far, -backers(b_idx, a_idx), 0)
    # the model's verdict, read only where it decides: for the figures of a fall tied on the counts above (run.py
    # reuses these flags after the refit when the judgements they read are unchanged)
    z = np.zeros(len(pts))
    tie = (ka == kb) & (sa == sb)
    for i in set(a_idx[tie].tolist()) | set(b_idx[tie].tolist()):
        j = fit.judgements.get(pts[i].id) if fit is not None else None
        z[i] = j.z if j is not None and j.z == j.z else 0.0
    za, zb = z[a_idx], z[b_idx]
    a_blamed = (ka > kb) | ((ka == kb) & ((sa > sb) | ((sa == sb) & (za > zb))))
    tied = np.nonzero((ka == kb) & far)[0]
    if len(tied):  # as many against each: the one whose leaving out leaves the steadier pace is out of line
        rough: dict[int, float] = {}
        for n in tied.tolist():
            a, b = int(a_idx[n]), int(b_idx[n])
            for i in (a, b):
                if i not in rough:
                    rough[i] = roughness(series, pts[i].id)
            if min(rough[a], rough[b]) * STEADIER < max(rough[a], rough[b]):
                a_blamed[n] = rough[a] < rough[b]
    blamed: dict[str, list] = {}
    for a, b, on_a in zip(a_idx.tolist(), b_idx.tolist(), a_blamed.tolist()):
        blamed.setdefault(pts[a if on_a else b].id, []).append((pts[a], pts[b]))
    flags = []
    for cid, found in blamed.items():
        a, b = found[0]
        if cid == b.id:
            other = max((x for x, _ in found), key=lambda q: (q.lo, q.end))
            msg = (f"{describe(ledger, b, unit)} is lower than the earlier {describe(ledger, other, unit)}, but a "
                   "running total can only grow.")
            flags.append(Flag("decrease", "error", series.indicator.id, (b.id, other.id), msg))
        else:
            later = [y for _, y in found]
            first = min(later, key=lambda q: (q.end, q.id))
            more = f" and {len(later) - 1} more later figure{'s' if len(later) > 2 else ''}" if len(later) > 1 else ""
            msg = (f"{describe(ledger, a, unit)} is higher than the later {describe(ledger, first, unit)}{more}; a "
                   "running total can only grow, so this figure is the one out of line.")
            flags.append(Flag("decrease", "error", series.indicator.id, (a.id, first.id), msg))
    return flags


# A producer's count for one time, told again later, moves by a few per cent when late records come in (Mediazona's
# AWOL cases of 2023: 5,024 in December 2023, 5,096 in August 2024; the US Army's deserters of fiscal 2006: 3,196,
# then 3,301); more is a correction of an error (the Army's 2,011 for fiscal 2005, then 2,543), and the two
# cannot both be true. A judgement from those cases.
REVISION_FACTOR = 1.1
# ...and comes in a later release: a quarter or more after the first telling (those revisions came 8 and 9 months
# later); re-prints of one release come within weeks, and one printed wrong is no revision (judgement)
REVISION_LAG_DAYS = 90
SAME_DAYS = 3  # two dates of a stock or rate this close speak of one time (judgement)
# a flow's count for less than half of another's period is a part of it, not a telling of its pace: Ukraine's 347
# AWOL proceedings of January-February 2022 and the 6,988 of the whole of 2022, the invasion between (a part can
# only not exceed the whole); seven months against ten are two tellings of one pace (judgement)
PART_OF = 0.5
SAME_MONTH_GROWTH = 0.05  # rounding and a day or two of growth between two tellings of one monthly release


def _same_time(a: Point, b: Point, growing: bool, flow: bool = False) -> float | None:
    """None when `a` and `b` speak of different times; else the extra tolerance their comparison allows. Of a
    flow, a count for a part of another's period (less than PART_OF of it) speaks of another time."""
    if a.start == a.end and b.start == b.end:  # a running total grows even in three days
        same = a.start == b.start if growing else abs((a.start - b.start).days) <= SAME_DAYS
        return 0.0 if same else None
    if growing:
        # one claimant's running total dated to the same month twice: one release, told two ways
        months = {p.figure.as_of.text for p in (a, b) if p.figure.as_of is not None and
                  p.figure.as_of.precision == "month"}
        both = all(p.figure.as_of is not None and p.figure.as_of.precision == "month" for p in (a, b))
        if both and len(months) == 1 and claimant_key(a.claimant) == claimant_key(b.claimant):
            return SAME_MONTH_GROWTH
        return None
    share = overlap_share(a, b)
    if share < OVERLAP:
        return None
    longer = max((a.end - a.start).days, (b.end - b.start).days) + 1
    common = (min(a.end, b.end) - max(a.start, b.start)).days + 1
    if flow and common / longer < PART_OF:
        return None  # a count of two months within a year's is a part of it (_part_exceeds), not its time
    return 1 - common / longer  # the part of the longer period the other does not cover


def _comparable_pair(series, a: Point, b: Point, extra: float) -> bool:
    """Whether the two can both be true, flows compared per month, with `extra` tolerance either way."""
    from tracker.series import length_in

    def span(p: Point) -> tuple[float, float]:
        lo, hi = allowed(p)
        if series.indicator.kind == "flow":
            months = length_in((p.start, p.end), "month")
            lo, hi = lo / months, hi / months
        return lo * (1 - extra), hi * (1 + extra)

    (alo, ahi), (blo, bhi) = span(a), span(b)
    return alo <= bhi and blo <= ahi


def _part_exceeds(a: Point, b: Point) -> bool:
    """Of two counts of a flow, one for a period within the other's: whether the part is more than the whole can
    hold (each figure's qualifier considered). A part may be far less than its share of the whole: the rest of the
    period may hold the rest."""
    if a.start <= b.start and b.end <= a.end:
        whole, part = a, b
    elif b.start <= a.start and a.end <= b.end:
        whole, part = b, a
    else:
        return False
    return allowed(part)[0] > allowed(whole)[1]


def _disagreeing(series) -> tuple:
    """Pairs of independent figures that speak of the same time but whose values cannot both be true, in the
    order of the series' figures. Only figures whose times meet (or lie within SAME_DAYS) can speak of one time:
    each is compared with those starting before its end, not with every other. Found once a series: the conflict,
    revision and magnitude checks all read them."""
    if "disagreeing" not in series.memo:
        series.memo["disagreeing"] = tuple(_pairs_apart(series))
    return series.memo["disagreeing"]


def _pairs_apart(series):
    pts = series.independent()
    growing = series.indicator.kind == "cumulative"
    flow = series.indicator.kind == "flow"
    by_start = sorted(range(len(pts)), key=lambda i: pts[i].start)
    found = []
    for n, i in enumerate(by_start):
        a = pts[i]
        reach = a.end + timedelta(days=SAME_DAYS)
        for j in by_start[n + 1:]:
            b = pts[j]
            if b.start > reach:
                break
            if a.figure.as_of_defaulted != b.figure.as_of_defaulted:
                continue  # a publication date is not the date a count holds for
            first, second = (a, b) if i < j else (b, a)
            extra = _same_time(first, second, growing, flow)
            if extra is not None and not _comparable_pair(series, first, second, extra) \
                    or extra is None and flow and _part_exceeds(first, second):
                found.append((min(i, j), max(i, j)))
    for i, j in sorted(found):
        yield pts[i], pts[j]


def twins(series) -> dict[str, frozenset[str]]:
    """Each figure's same-time figures that it cannot be true with (_disagreeing): which of two such is wrong is
    the conflict check's to say, by the rest of the series; neither is the measure the other is judged by."""
    out: dict[str, set] = defaultdict(set)
    for a, b in _disagreeing(series):
        out[a.id].add(b.id)
        out[b.id].add(a.id)
    return {k: frozenset(v) for k, v in out.items()}


def misprints(series) -> frozenset[str]:
    """Figures that disagree with their claimant's figure for the same time as more outlets printed it (_printings):
    the odd printing, which the conflict check names; a check judging other figures by their neighbours passes it
    over. Computed once per series."""
    if "misprints" in series.memo:
        return series.memo["misprints"]
    pairs = [(a, b) for a, b in _disagreeing(series) if a.qualifier in ("exact", "approx")
             and b.qualifier in ("exact", "approx") and claimant_key(a.claimant) == claimant_key(b.claimant)]
    out = set()
    for a, b in pairs:
        pa, pb = _printed(series, a), _printed(series, b)
        if pa != pb:
            out.add(a.id if pa < pb else b.id)
    series.memo["misprints"] = frozenset(out)
    return series.memo["misprints"]


_CORRECTED = re.compile(alternation("CORRECTED_BEFORE"), re.I)


def _said_replaced(a: Point, b: Point) -> tuple[Point, Point] | None:
    """(replaced, replacing) when one figure's quote prints the other's value as what it replaces ("the Army now
    says 2,543 soldiers deserted, not the 2,011 it had reported"): the producer's own correction, told in the text."""
    for new, old in ((a, b), (b, a)):
        quote = new.figure.quote or ""
        for n in scanned(quote):
            if old.figure.value is not None and any(abs(r - old.figure.value) <= SAME_NUMBER * abs(old.figure.value)
                                                    for r in n.readings) \
                    and _CORRECTED.search(quote[max(0, n.start - 40):n.start]):
                return old, new
    return None


def _revision(ledger, a: Point, b: Point) -> tuple[Point, Point, str] | None:
    """(older, newer, how it is known) when two disagreeing figures are one producer's count told again in a later
    release, revised: the same claimant, plain values within REVISION_FACTOR, published at least REVISION_LAG_DAYS
    apart; or when one figure's own quote says it replaces the other (_said_replaced). None otherwise."""
    said = _said_replaced(a, b)
    if said is not None:
        return (*said, "its quote says it replaces the other")
    if claimant_key(a.claimant) != claimant_key(b.claimant) or not a.best or not b.best \
            or a.qualifier not in ("exact", "approx") or b.qualifier not in ("exact", "approx") \
            or max(a.best / b.best, b.best / a.best) > REVISION_FACTOR:
        return None
    pa, pb = published(ledger, a.figure), published(ledger, b.figure)
    if pa is None or pb is None or abs((pb - pa).days) < REVISION_LAG_DAYS:
        return None
    old, new = (a, b) if pa < pb else (b, a)
    return old, new, f"published {published(ledger, new.figure)}"


@register("conflict", "figures for the same time that cannot both be true", severity="error", names_culprit=True,
          thresholds=("OVERLAP", "SAME_MONTH_GROWTH", "PART_OF", "base.PAIR_AGREE"))
def conflicts(ctx: Context) -> list[Flag]:
    """Figures for the same day, the same month of one claimant's running total, or periods that overlap
    by OVERLAP or more; the flag names the one further from what the series' other figures imply (those already
    named wrong passed over, the most decisive conflict first). One producer's count told again later with another
    value is a revision (the `revision` check), not this."""
    ledger, series = ctx.ledger, ctx.series
    unit = unit_of(series)
    pairs = [(a, b) for a, b in _disagreeing(series) if _revision(ledger, a, b) is None]
    printed = {p.id: _printed(series, p) for pair in pairs for p in pair}
    judged = _culprits(series, pairs, ctx.aside, printed)
    flags = []
    for n in sorted(judged):  # in the series' order, whatever the order they were decided in
        a, b, margin = judged[n]
        which = f"the rest of the series is closer to {a.id}" if margin > 0 else \
            f"the rest of the series cannot tell which: {b.id}, entered later in the ledger, is named"
        flags.append(Flag("conflict", "error", series.indicator.id, (b.id, a.id),
                          f"{describe(ledger, b, unit)} and {describe(ledger, a, unit)} speak of the "
                          f"same time but cannot both be true; {which}.", score=margin))
    return flags


def _culprits(series, pairs: list, aside: frozenset, printed: dict[str, int]) -> dict[int, tuple]:
    """Each pair's (agreed with, culprit, by how much: 0 when nothing tells), the most decisive pair first: each
    culprit found is passed over when the pairs left are judged (a 29 printed for a year of 582 must not judge the
    next year's two figures)."""
    aside, left, out = set(aside), dict(enumerate(pairs)), {}
    margins, read = {}, {}
    while left:
        for m, (a, b) in left.items():  # judged again only when the last culprit set aside was one it read
            if m not in margins:
                margins[m] = _culprit_last(series, a, b, frozenset(aside), printed)
                read[m] = consulted(series, a, frozenset(aside) | {b.id}) | consulted(series, b,
                                                                                   frozenset(aside) | {a.id})
        n = max(left, key=lambda m: (margins[m][2], -m))
        good, bad, margin = margins[n]
        out[n] = (good, bad, margin)
        aside.add(bad.id)
        for m in left:
            if bad.id in read[m]:
                del margins[m]
        del left[n]
    return out


@register("revision", "one producer's count for a time told again later with another value: the later revises it",
          severity="info", thresholds=("REVISION_FACTOR", "REVISION_LAG_DAYS"))
def revisions(ctx: Context) -> list[Flag]:
    """The older of the two is named, as a stale figure is: the later is the count to use."""
    ledger, series = ctx.ledger, ctx.series
    unit = unit_of(series)
    flags = []
    for a, b in _disagreeing(series):
        found = _revision(ledger, a, b)
        if found is not None:
            old, new, told = found
            flags.append(Flag("revision", "info", series.indicator.id, (old.id, new.id),
                              f"{describe(ledger, old, unit)} was revised by {new.claimant} to "
                              f"{describe(ledger, new, unit)}, {told}: the later figure is the count to use."))
    return flags


def _culprit_last(series, a: Point, b: Point, aside: frozenset, printed: dict[str, int]) -> tuple[Point, Point, float]:
    """(the one the rest of the series agrees with, the one it does not, by how much more (log) the one is off):
    of two plain figures, one claimant's figure printed one way by more outlets than the other is that way (the odd
    printing is the misprint; `printed`: each point's _printings); else by how far each lies from what its nearest
    other figures imply, figures already named as wrong (`aside`) passed over; the later in the ledger when that
    cannot tell."""
    def off(p: Point, other: Point) -> float:
        exclude = aside | {other.id}
        e = _interpolated(series, p, exclude) if series.indicator.kind != "cumulative" else None
        e = e or between(series, p, exclude)
        if e is None and series.indicator.kind != "cumulative":  # a rate or flow is level: one figure tells
            e = _nearest(series, p, exclude)
        return math.log(p.best / e) if e and p.best else 0.0

    oa, ob = off(a, b), off(b, a)
    if oa * ob > 0 and within(a.best * comparable(series, a), b.best * comparable(series, b), PAIR_AGREE) \
            and _at_an_end(series, a, b, aside):
        oa = ob = 0.0  # two figures not a slip apart, both below what the other side implies (or both above): a
        # count may have moved faster before the figures that judge them (38 a year, then 266, 346), so the one
        # nearer is no likelier true
    oa, ob = abs(oa), abs(ob)
    plain = a.qualifier in ("exact", "approx") and b.qualifier in ("exact", "approx")  # a bound prints no number
    if plain and claimant_key(a.claimant) == claimant_key(b.claimant):
        pa, pb = printed[a.id], printed[b.id]
        if pa != pb:  # one producer's figure printed one way by more outlets than the other: the odd printing is
            # the misprint, whatever the series' shape (a first year of 270 before years of thousands is growth)
            good, bad = (a, b) if pa > pb else (b, a)
            return good, bad, max(oa, ob) + math.log(max(pa, pb) / min(pa, pb))
    if oa == ob:  # nothing else to tell by: the one written later in the ledger
        return (a, b, 0.0) if (a.figure.file, a.figure.line) <= (b.figure.file, b.figure.line) else (b, a, 0.0)
    return (b, a, oa - ob) if oa > ob else (a, b, ob - oa)


def _at_an_end(series, a: Point, b: Point, aside: frozenset) -> bool:
    """Whether two figures for one time have other figures on one side of them only (the first or the last time of
    the series): what those imply for them is carried past where the series says anything."""
    sides = [around(series, p, aside | {a.id, b.id}, 1, 1) for p in (a, b)]
    return all(not left or not right for left, right in sides)


def _printed(series, p: Point) -> int:
    """_printings of `p`, once a series: the conflict check and `misprints` both ask (each claimant's points gathered
    once, to look through per point)."""
    memo = series.memo
    if "by_claimant" not in memo:
        by_claimant = defaultdict(list)
        for q in series.points:
            by_claimant[claimant_key(q.claimant)].append(q)
        memo["by_claimant"], memo["printed"] = by_claimant, {}
    if p.id not in memo["printed"]:
        memo["printed"][p.id] = _printings(series, p, memo["by_claimant"][claimant_key(p.claimant)])
    return memo["printed"][p.id]


def _printings(series, p: Point, same_claimant: list) -> int:
    """How many printings of its claimant's figure for its time agree with it (itself among them): its echoes and
    the plain figures of that claimant (`same_claimant`: its points) for nearly the same time (each covering OVERLAP
    of the other) whose values can be true with it (a bound, which allows much, is no printing of the number).
    Asked through _printed, which gathers each claimant's points once a series."""
    growing = series.indicator.kind == "cumulative"
    n = 0
    for q in same_claimant:
        if q is p or q.echo_of == p.id:
            n += 1
        elif q.qualifier in ("exact", "approx") and q.start <= p.end and p.start <= q.end:
            extra = _same_time(p, q, growing)  # nearly the same time: not a month inside a year
            n += extra is not None and extra <= 1 - OVERLAP and _comparable_pair(series, p, q, extra)
    return n


def _interpolated(series, p: Point, exclude: frozenset) -> float | None:
    """A rate, flow or stock's nearest plain figures before and after `p`, interpolated geometrically to its date
    on the series' level scale."""
    left, right = around(series, p, exclude, 1, 1)
    level = geometric(series, left[0], right[0], p.mid.toordinal()) if left and right else None
    return level / comparable(series, p) if level is not None else None


def _nearest(series, p: Point, exclude: frozenset) -> float | None:
    """The one other plain figure nearest in time, brought to `p`'s scale: in a series of three, what is left to
    tell two conflicting figures apart by."""
    at = p.mid.toordinal()
    others = [q for q in series.plain if q.id != p.id and q.id not in exclude and q.best]
    if not others:
        return None
    q = min(others, key=lambda q: (abs(q.mid.toordinal() - at), q.id))
    return q.best * comparable(series, q) / comparable(series, p)


MISLABEL_TOLERANCE = SAME_NUMBER  # values this close are the same number, where either is approximate
# and the series expects something this many times different: 10% is past a month's growth of a running total and
# the rounding of a re-print (judgement; 1.5 missed a misfiled 471 AWOL cases among 536 of all articles)
MISLABEL_OFF = 1.1
# ...and by more than chance moves a count: a count varies by about its square root from one period to the next
# (Poisson), so 15 Royal Marines absent one year and 20 the next is no change of level, and a 15 that another
# count of their release also printed is no misfiling; two such spreads (about 95%) is what chance allows
COUNT_NOISE = 2
# of two figures of one release that are each other's twins, the one whose series has another value within this
# many days is the misfiled one (two months: a monthly release told again; judgement)
MISLABEL_DAYS = 62


def _same_number(f, g) -> float:
    """How far apart two values may be and still be one number: none for two exact figures (5,006 and 5,024 of
    one article are two counts), rounding where either is approximate."""
    exact = f.qualifier == "exact" and g.qualifier == "exact"
    return 0.0 if exact else MISLABEL_TOLERANCE * abs(f.value)


def _point_of(ledger, f) -> tuple:
    """(f's series, f's independent point in it), or (series, None) for an echo or a figure of no series."""
    series = ledger.series.get(f.indicator)
    return series, next((q for q in series.independent() if q.id == f.id), None) if series is not None else None


def _far_off(value: float, expected: float) -> bool:
    """Whether a value is MISLABEL_OFF times from what its series expects, and further than chance moves a count
    of that size (COUNT_NOISE spreads of its square root; a share or rate below one is no count)."""
    if abs(math.log(value / expected)) < math.log(MISLABEL_OFF):
        return False
    return expected < 1 or abs(value - expected) > COUNT_NOISE * math.sqrt(expected)


def _off(ledger, f) -> bool:
    """Whether f's own series expects something far off it (_far_off)."""
    series, p = _point_of(ledger, f)
    expected = robust_expected(series, p) if p is not None else None
    return bool(expected and f.value and _far_off(f.value, expected))


def _told_otherwise(ledger, f) -> bool:
    """Whether f's series has another figure within MISLABEL_DAYS of f that does not allow f's value (its
    qualifier's tolerance and bounds considered): its own value for that time, which f, the twin of another
    indicator's figure, contradicts."""
    series, p = _point_of(ledger, f)
    if p is None:
        return False
    return any(q.id != f.id and q.best and not q.figure.as_of_defaulted  # a publication date holds no count
               and abs((q.mid - p.mid).days) <= MISLABEL_DAYS and not allowed(q)[0] <= f.value <= allowed(q)[1]
               for q in series.independent())


@register("mislabel", "a figure whose value is another indicator's figure from the same release, while its "
          "own series expects something else or has another value for its time", severity="warning",
          scope="release", names_culprit=True,
          before_refit=True, thresholds=("MISLABEL_TOLERANCE", "MISLABEL_OFF", "COUNT_NOISE", "MISLABEL_DAYS",
                                         "base.PAIR_AGREE"))
def mislabels(ctx: Context) -> list[Flag]:
    ledger, series = ctx.ledger, ctx.series
    unit = unit_of(series)
    flags = []
    disputed = None  # each figure's same-time figures that rule it out (the conflict check's twins)
    for p in series.independent():
        f = p.figure
        if f.value is None or not f.value:
            continue
        keys = ledger.release_keys(f)
        copies = [g for key in keys for g in ledger.releases.get(key, ()) if g.indicator != f.indicator
                 and g.value is not None and abs(g.value - f.value) <= _same_number(f, g)]
        if not copies:
            continue
        if disputed is None:
            disputed = twins(series)  # a revision too: a twin explains it
        own = disputed.get(p.id, frozenset())  # its own series' other values for its time
        # ...which are the ones out of line when its nearest other figure sides with it: judged without them
        sided = bool(own) and sides_with(series, p, own)
        expected = robust_expected(series, p, own if sided else frozenset())
        contradicted = bool(own) and not sided
        if not expected or (not _far_off(f.value, expected) and not contradicted):
            continue  # near what its series expects, and nothing of its own series says otherwise
        g = copies[0]
        if _off(ledger, g) and not _told_otherwise(ledger, f) and _told_otherwise(ledger, g):
            continue  # each is off its own series; g's has its own, other value for that time: g is the misfiled one
        flags.append(Flag("mislabel", "warning", series.indicator.id, (f.id, g.id),
                          f"{describe(ledger, p, unit)} is the value of {g.id} ({g.indicator}) from the same "
                          f"release, while {series.indicator.id} expects about {format_value(round(expected))} for "
                          f"its date: is it a figure of {g.indicator} printed under the wrong label?"))
    return flags


@register("stale", "published when a clearly different value for a later or equal date was already public",
          severity="warning", kinds=("cumulative", "stock"),
          thresholds=("STALE_LAG_DAYS", "STALE_RISE", "STALE_CHANGE", "SAME_NUMBER"))
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
                if allowed(g)[0] > f.value * (1 + STALE_RISE):
                    newer.append(g)
            elif g.best is not None and f.value and abs(g.best - f.value) > STALE_CHANGE * f.value:
                older = [h for h in series.points if h.end < g.end and h.best is not None
                         and abs(h.best - f.value) <= SAME_NUMBER * f.value]
                if older:
                    newer.append(g)
        if not newer:
            continue
        # name what outdated it first: a plain value before a bound, then the earliest published
        g = min(newer, key=lambda q: (q.qualifier in ("at_least", "at_most"), public_by[q.id], q.id))
        older = [h for h in series.points if h.id != f.id and h.end < g.end and h.best is not None
                 and abs(h.best - f.value) <= SAME_NUMBER * f.value]
        again = f"; it repeats the value of {older[0].id} ({older[0].end})" if older else ""
        bound = " (true, but an outdated bound)" if f.qualifier == "at_least" else ""
        flags.append(Flag("stale", "warning", series.indicator.id, (f.id, g.id),
                          f"{describe(ledger, f, unit)} was published{bound} after "
                          f"{describe(ledger, g, unit)} had been public since {published(ledger, g.figure)}"
                          f"{again}."))
    return flags
