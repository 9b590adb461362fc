"""Jumps: figures outside the model's expected band, and running totals whose implied pace is out of line."""

from __future__ import annotations

import math
import statistics

import numpy as np

from tracker.checks.base import (
    STEADIER,
    Context,
    Flag,
    around,
    between,
    comparable,
    consulted,
    describe,
    local_expected,
    rate_scale,
    register,
    robust_expected,
    roughness,
    rounded,
    sides_with,
    unit_of,
    within,
)
from tracker.checks.support import support_for
from tracker.models import Observations
from tracker.series import Series
from tracker.text.formatting import format_value

# An implied monthly pace this many times off the median of the paces around it is out of line: a total
# off by a digit moves the paces on its two sides about 10x in opposite directions, a real change of pace
# moves one side. A judgement from the first version of the checks, held by benchmarks/real_flags.py.
RATE_FACTOR = 4.0
# Intervals shorter than this are left out of the implied pace: two figures days apart divide rounding by
# almost nothing (two tellings of one release a few days apart imply paces of 0 or 10x).
MIN_STEP_DAYS = 14
# At the end of a series the median of the nearest figures lags a quickening count; a figure this many
# times off that median is handed to the model's judgement too. A judgement between rounding (1.1x) and a
# slipped digit (10x), chosen with benchmarks/real_flags.py.
END_FAR_FACTOR = 3
# A series' first figure this close to the line through the two after it is the start of fast growth, whatever
# the model's band says: rounding and a quickening start stay within a factor of two, a slipped digit is 10x off.
# A judgement, checked with benchmarks/real_flags.py (Art. 332 cases' first 25 is 1.5x under its line).
START_TREND_FACTOR = 2


def observations(series: Series) -> Observations:
    """The accepted, independent figures of a series as model input (flows as monthly rates)."""
    pts = [p for p in series.independent() if p.best is not None]
    kind = series.indicator.kind
    scale = np.array([rate_scale(series, p) for p in pts], dtype=float)
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
        since=float(series.indicator.since.first.toordinal()) if kind == "cumulative" and series.indicator.since
        else None,
    )


# In log10: within a factor of 10 ** 0.15 (1.4) of 10, 100 or 1,000 is a slip. A slipped digit is exactly 10x
# the true value; the 1.4 leaves room for the growth between a figure and the neighbours it is judged by.
# Chosen with benchmarks/real_flags.py.
MAGNITUDE_TOLERANCE = 0.15
# From 10 ** 2.5 (about 316) times off, a figure is a unit slip (thousands printed as units or the reverse) or worse,
# whatever the growth between it and its neighbours: no count grows several hundredfold between two figures. A
# judgement; real_flags.py's unit slips beside fast growth (52 printed as 52,000 between 25 and 317), and small
# counts whose neighbours vary (18 printed as 18,000 among yearly counts of 2 to 14 is 2,500 times off).
UNIT_SLIP_FROM = 2.5


# Growth, not a slip: a figure that agrees (within AGREE_FACTOR, on the series' level scale) with the figure
# nearest to it in time, when that one is at most AGREE_DAYS away, moves with the series: a count that grows
# tenfold over months (courts' 247 sentences in March 2023, 8,594 by June 2024) is not a slipped digit, which is
# one figure out of line with its neighbours. 3x lies between rounding (1.1x) and a slip (10x); two months is
# the spacing of a monthly release re-printed. Judgements, checked with benchmarks/real_flags.py.
AGREE_FACTOR = 3
AGREE_DAYS = 62


def magnitude(value_lo: float, value_hi: float, expected: float) -> int | None:
    """10, 100 or 1,000 (or their inverses as -10, ...) when the figure is about that many times what the
    rest of the series expects: a digit or a unit slipped, not a change of pace."""
    r = _log_off(value_lo, value_hi, expected)
    if not r:
        return None
    n = round(r)
    if n != 0 and abs(n) <= 3 and abs(r - n) <= MAGNITUDE_TOLERANCE:
        return 10 ** abs(n) * (1 if n > 0 else -1)
    if UNIT_SLIP_FROM <= abs(r):  # far past any growth between neighbours: a unit slip, or worse
        return 10 ** max(3, round(abs(r))) * (1 if r > 0 else -1)
    return None


def _log_off(value_lo: float, value_hi: float, expected: float) -> float:
    """How far (log10, signed) an interval lies from `expected`: 0 when it holds it, or nothing is expected."""
    if not expected or expected <= 0:
        return 0.0
    if value_lo > expected:
        return math.log10(value_lo / expected)
    if 0 < value_hi < expected:
        return math.log10(value_hi / expected)
    return 0.0


def _isolated(fit, ordered: list, i: int, k: float) -> bool:
    """A single wrong figure: there are figures on both sides, and the next one agrees with the series
    without it (the robust refit set this one aside and does not flag the next)."""
    if i == 0 or i + 1 >= len(ordered):
        return False
    nxt = fit.judgements.get(ordered[i + 1].id)
    return nxt is not None and np.isfinite(nxt.z) and nxt.z <= k


@register("magnitude", "a figure about 10, 100 or 1,000 times what the rest of its series expects (a digit or "
          "unit slip)", severity="error", names_culprit=True, before_refit=True,
          thresholds=("MAGNITUDE_TOLERANCE", "UNIT_SLIP_FROM", "END_FAR_FACTOR", "AGREE_FACTOR", "AGREE_DAYS",
                      "base.PAIR_AGREE", "STEADIER"))
def magnitudes(ctx: Context) -> list[Flag]:
    """Judged against the median of its nearest figures; at the ends of a series, where that median lags
    a quickening count, also against the figures nearest it (alone when they are a steady run: _steady_beyond) and
    the model's expectation (when the model finds it out of line); a figure with a same-time twin it cannot be true
    with is no slip when the series' next figure sides with it (_judged)."""
    from tracker.checks.consistency import misprints, twins

    ledger, series = ctx.ledger, ctx.series
    ordered = sorted((p for p in series.independent() if p.best is not None), key=lambda q: (q.mid, q.id))
    apart = twins(series)  # a figure is not judged by the figure for its time that it cannot be true with
    # nor any figure by a misprint: one producer's figure printed another way by more outlets (20 beside two 270s)
    odd = misprints(series)
    found: dict[str, tuple] = {}
    aside: set[str] = set()  # further out of line than any slip, though by no power of ten: the jump check's
    maybe = range(len(ordered))  # a figure that is no slip with its neighbours all in is none without some
    judged: dict[int, tuple] = {}  # n -> (its judgement, the figures it read): judged again only if one is set aside
    spikes: dict[int, tuple] = {}  # n -> (how far out it is as a spike, the figures it read): the same
    while True:  # the most extreme first (a slip, or a figure further out); the others judged again without it
        exclude = frozenset(found) | aside
        for n in maybe:
            if ordered[n].id not in exclude and (n not in judged or not judged[n][1].isdisjoint(exclude)):
                judged[n] = _judged(ctx, ordered, n, exclude | (odd - {ordered[n].id}),
                                    apart.get(ordered[n].id, frozenset()) - exclude)
        slips = [(n, judged[n][0]) for n in maybe if ordered[n].id not in exclude and judged[n][0] is not None]
        if not slips:
            break
        n, worst = max(slips, key=lambda x: (x[1][3], x[1][0].id))
        out = _furthest_out(series, ordered, exclude, worst[3], spikes)
        if out is not None:  # 60 among yearly counts of 3 to 8 (15 times off) made the 2 beside it look a slip
            aside.add(out)
            maybe = [m for m, _ in slips]
            continue
        found[worst[0].id] = worst
        maybe = [m for m, _ in slips if m != n]
    _one_of_each_pair(ctx, ordered, found)
    unit = unit_of(series)
    flags = []
    for p, factor, expected, _, deferred in (found[p.id] for p in ordered if p.id in found):
        if deferred:  # set aside while the others were judged: the other figure of its fall is the culprit
            continue
        times = f"{abs(factor):,} times {'more' if factor > 0 else 'less'} than"
        flags.append(Flag("magnitude", "error", series.indicator.id, (p.id,),
                          f"{describe(ledger, p, unit)} is about {times} the {rounded(expected, unit)} its "
                          f"nearest figures imply for its date: a digit or a unit slipped?", None,
                          float(abs(math.log10(abs(factor))))))
    return flags


def _judged(ctx: Context, ordered: list, n: int, exclude: frozenset, twins: frozenset) -> tuple:
    """(the n-th figure's _slip, the figures it read). A figure with `twins` (figures for its time it cannot be
    true with) is no slip when the figure nearest in time, of the rest, sides with it (sides_with): at the end of
    a series a twin may be its nearest figure, and a wrong twin must not make the right figure look slipped (which
    of the two is wrong is then the conflict check's to say)."""
    series, p = ctx.series, ordered[n]
    found, read = _slip(ctx, ordered, n, exclude), consulted(series, p, exclude)
    if found is not None and twins:
        read = read | consulted(series, p, exclude | twins)
        if sides_with(series, p, twins, exclude):
            found = None  # the rest of the series agrees with it: its twin is the one out of line
    return found, read


def _furthest_out(series: Series, ordered: list, exclude: frozenset, beyond: float, spikes: dict) -> str | None:
    """The spike (above both its nearest neighbours, or below both) further out of line with its neighbours (in
    log10, by local_expected, else robust_expected) than `beyond` and than a slip's band around ten (no slip
    itself: off by no power of ten), if any: judged first. A figure between its neighbours is no spike: the end of
    a quickening count makes the one before it look low. `spikes` keeps each figure's reading (n -> (how far out,
    the figures read)) between calls: it is read again only when one of those figures was set aside."""
    best, far = None, max(beyond, 1 + MAGNITUDE_TOLERANCE)
    for n, p in enumerate(ordered):
        if p.id in exclude or not p.best or p.qualifier not in ("exact", "approx", "range"):
            continue
        if n not in spikes or not spikes[n][1].isdisjoint(exclude):
            spikes[n] = (_spike_off(series, p, exclude), consulted(series, p, exclude))
        off = spikes[n][0]
        if off is not None and far < off:
            best, far = p.id, off
    return best


def _spike_off(series: Series, p, exclude: frozenset) -> float | None:
    """How far (log10) a spike is out of line with its neighbours, when by no power of ten and short of a unit
    slip; None for a figure that is no such spike."""
    left, right = around(series, p, exclude, 1, 1)
    if not left or not right:
        return None
    own, sides = p.best * comparable(series, p), [q.best * comparable(series, q) for q in left + right]
    if min(sides) <= own <= max(sides):
        return None
    expected = local_expected(series, p, exclude) or robust_expected(series, p, exclude)
    if not expected or expected <= 0:
        return None
    off = abs(math.log10(p.best / expected))
    return off if off < UNIT_SLIP_FROM and magnitude(p.lo, p.hi, expected) is None else None


def _one_of_each_pair(ctx: Context, ordered: list, found: dict) -> None:
    """Two figures next to each other, one found too high and the other too low (in a running total, or both off
    one way with paces more than AGREE_FACTOR apart), are the two sides of one slip (each made the other look
    wrong): the one that is still a slip with the other left out is the one named; when
    both or neither are, in a running total the one whose leaving out leaves the clearly steadier pace from zero
    (roughness, STEADIER: a count that quickens early is no slip of its first figures); else both stay."""
    index, series = {p.id: i for i, p in enumerate(ordered)}, ctx.series

    def apart(a, b) -> bool:  # two paces a running total cannot both have had (both low against the average pace)
        va, vb = a.best * comparable(series, a), b.best * comparable(series, b)
        return series.indicator.kind == "cumulative" and va > 0 and vb > 0 and max(va / vb, vb / va) > AGREE_FACTOR

    pairs = [(a, b) for a, b in zip(ordered, ordered[1:]) if a.id in found and b.id in found
             and ((found[a.id][1] > 0) != (found[b.id][1] > 0) or apart(a, b))]
    for a, b in pairs:
        if a.id not in found or b.id not in found:
            continue
        alone = {p.id: _slip(ctx, ordered, index[p.id], frozenset(found) - {p.id}) is not None for p in (a, b)}
        if alone[a.id] != alone[b.id]:
            del found[b.id if alone[a.id] else a.id]
        elif series.indicator.kind == "cumulative":
            rough = {p.id: roughness(series, p.id) for p in (a, b)}
            if min(rough.values()) * STEADIER < max(rough.values()):
                del found[max(rough, key=rough.get)]  # leaving the other out is the steadier: this one is right


def _moves_with_neighbour(series, p, exclude: frozenset) -> bool:
    at = p.mid.toordinal()
    left, right = around(series, p, exclude, 1, 1)
    near = [q for q in left + right if abs(q.mid.toordinal() - at) <= AGREE_DAYS]
    if not near or not p.best:
        return False
    q = min(near, key=lambda q: (abs(q.mid.toordinal() - at), q.id))
    return within(p.best * comparable(series, p), q.best * comparable(series, q), AGREE_FACTOR)


def _steady_beyond(series: Series, side: list, gap: int, p) -> bool:
    """Whether the nearest figures to an end figure `p` (those `gap` days from it, of `side`) agree with the next one
    beyond them within the slip band's width (10 ** MAGNITUDE_TOLERANCE, on the series' level scale): a steady run,
    not a figure that is itself out or a count that moves."""
    at = p.mid.toordinal()
    nearest = [q for q in side if abs(q.mid.toordinal() - at) == gap]
    beyond = sorted((q for q in side if abs(q.mid.toordinal() - at) > gap), key=lambda q: abs(q.mid.toordinal() - at))
    if not nearest or not beyond:
        return False
    b = beyond[0].best * comparable(series, beyond[0])
    return all(within((q.best or 0) * comparable(series, q), b, 10 ** MAGNITUDE_TOLERANCE) for q in nearest)


def _slip(ctx: Context, ordered: list, n: int, exclude: frozenset) -> tuple | None:
    """(point, factor, expected, how far off in log10) when the n-th figure is a slip, else None."""
    series, fit, p = ctx.series, ctx.fit, ordered[n]
    if len(ordered) == 2 and n == 0:
        return None  # two figures: only the later can be judged against the earlier
    if _moves_with_neighbour(series, p, exclude):
        return None
    local = local_expected(series, p, exclude)
    expected = local or robust_expected(series, p, exclude)  # between two figures, they judge it
    factor = magnitude(p.lo, p.hi, expected) if expected else None
    if factor is None and local is not None and abs(_log_off(p.lo, p.hi, local)) >= 1 - 2 * MAGNITUDE_TOLERANCE:
        # the nearest figures' median, where the interpolation reads further ones (read only when it can differ:
        # agreeing with the interpolation, it is no more than the band's width from it)
        median = robust_expected(series, p, exclude)  # ...and agrees with it: two readings of one level
        if median and within(median, local, 10 ** MAGNITUDE_TOLERANCE):
            factor = magnitude(p.lo, p.hi, median)
            expected = median if factor is not None else expected
    if local is None and expected:  # at an end, judged by the figures nearest to it
        left, right = around(series, p, exclude, 3, 3)
        gap = min((abs(q.mid.toordinal() - p.mid.toordinal()) for q in left + right), default=None)
        told = [q.best * comparable(series, q) for q in left + right if abs(q.mid.toordinal() - p.mid.toordinal())
                == gap]  # every telling of the nearest date: the median of two that disagree lies between them
        near = statistics.median(told) / comparable(series, p) if told else None
        by_near = magnitude(p.lo, p.hi, near) if near else None
        if factor is not None and told and by_near is None:
            factor = None
        elif factor is None and by_near is not None and (p.best > AGREE_FACTOR * expected if by_near > 0
                                                         else p.best * AGREE_FACTOR < expected) \
                and _steady_beyond(series, left + right, gap, p):
            # the median lags a count that moves; it agrees the figure is far out, and the figures beyond the
            # nearest agree with it: judged by the nearest
            factor, expected = by_near, near
    if factor is not None and series.indicator.kind == "cumulative":
        # a fall into or out of it, where the later figure carries its own date (one dated by its article may be a
        # re-print): named only when leaving it out leaves the steadier pace; else the other of the two is the one
        # out of line (the decrease check names it), and this one is only set aside while the others are judged
        left, right = around(series, p, exclude, 1, 1)
        other = right[0] if right and right[0].best < p.best and not right[0].figure.as_of_defaulted else \
            left[0] if left and left[0].best > p.best and not p.figure.as_of_defaulted else None
        deferred = other is not None and roughness(series, p.id) >= roughness(series, other.id)
    else:
        deferred = False
    last = n == len(ordered) - 1
    off = expected and (p.lo > END_FAR_FACTOR * expected or p.hi < expected / END_FAR_FACTOR)
    # the model's judgement is read only where it decides (run.py reuses these flags after the refit when the
    # judgements they read are unchanged)
    j = fit.judgements.get(p.id) if factor is None and (last and off or len(ordered) == 2) and fit is not None \
        else None
    if j is not None and np.isfinite(j.z) and j.z > ctx.k:
        factor = magnitude(p.lo, p.hi, j.expected)
        expected = j.expected if factor is not None else expected
    if factor is None and series.indicator.kind == "cumulative" and not p.figure.as_of_defaulted \
            and not around(series, p, exclude, 0, 1)[1]:
        # the latest running total (only bounds after it) against the pace before it carried on (no median of
        # older paces lags it), when the older figures point the same way (a wrong figure just before it would
        # carry a wrong pace)
        carried = between(series, p, exclude)
        factor = magnitude(p.lo, p.hi, carried) if carried else None
        if factor is not None and not (expected and (factor > 0) == (p.best > expected)):
            factor = None
        expected = carried if factor is not None else expected
    if factor is None:
        return None
    far = math.log10(p.lo / expected) if p.lo > expected else math.log10(expected / p.hi)
    return p, factor, expected, abs(far), deferred


@register("jump", "a figure outside the model's expected band for its date", severity="warning", scope="siblings",
          thresholds=("START_TREND_FACTOR", "AGREE_FACTOR", "support.SAME_TIME_DAYS", "support.MOVED_ALIKE_FACTOR"))
def model_jumps(ctx: Context) -> list[Flag]:
    """Support (another claimant, the producer's own publication, an event, the producer's other counts moving
    alike) can explain a change of level or pace, for a series' first figure the change after it; never a single
    figure that the figures on both sides of it contradict. A jump into a series' second figure, which the third
    keeps, is named on the first when the first is off their line (_first_apart)."""
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
        if i == 0 and j.direction < 0 and _on_start_trend(series, p):
            continue  # the start of a count that grows fast, carried on by the figures after it: not a jump
        previous = next((q for q in reversed(ordered[:i]) if q.mid < p.mid), None)
        if i == 1 and previous is ordered[0] and _first_apart(series, ordered):
            # the jump into the second figure is the first's: it is off the line the figures after it keep
            j0 = fit.judgements.get(previous.id)
            if j0 is None or not np.isfinite(j0.z) or j0.z <= k:
                support = support_for(ledger, series, p, previous)
                flags.append(Flag("jump", "info" if support else "warning", series.indicator.id, (previous.id, p.id),
                                  f"{describe(ledger, previous, unit)}, the first figure, is out of line with the "
                                  f"{describe(ledger, p, unit)} after it, which the figures after that keep: the "
                                  "first figure is the one to check.", support, float(j.z)))
            continue
        isolated = _isolated(fit, ordered, i, k)
        following = next((q for q in ordered[i + 1:] if q.mid > p.mid), None) if previous is None else None
        support = None if isolated else support_for(ledger, series, p, previous, following)
        where = "above" if j.direction > 0 else "below"
        msg = (f"{describe(ledger, p, unit)} is {j.z:.1f} standard deviations {where} the expected "
               f"{rounded(j.lower, unit)}–{rounded(j.upper, unit)} for its date")
        msg += f" (after {previous.id})" if previous is not None else ""
        msg += "; the figures before and after it agree with each other." if isolated else "."
        if i == 0 and not support:  # nothing before it: a slip, or the start of a count that then rose (or fell)
            msg += (" It is the series' first figure: if the count began then, an event that starts it explains "
                    "the change after it.")
        flags.append(Flag("jump", "info" if support else "warning", series.indicator.id, (p.id,)
                          + ((previous.id,) if previous else ()), msg, support, float(j.z)))
    return flags


def _first_apart(series: Series, ordered: list) -> bool:
    """Whether a series' first figure is more than START_TREND_FACTOR off the line through the two after it while
    the second and third agree (within AGREE_FACTOR): a jump into the second figure is then the first's."""
    if len(ordered) < 3 or not all(q.best for q in ordered[:3]):
        return False
    a, b = (q.best * rate_scale(series, q) for q in ordered[1:3])
    return max(a / b, b / a) <= AGREE_FACTOR and not _on_start_trend(series, ordered[0])


def _on_start_trend(series: Series, p) -> bool:
    """Whether the first figure lies within START_TREND_FACTOR of the line (on a log scale) through the two plain
    figures after it (a running total's two that rise): Mediazona's first 25 Art. 332 cases (21 March 2023),
    before 52 at the end of April and 317 in November, start a count that grows fast, which the model's trend,
    drawn from the whole series and carried back, reads as too low. A slipped digit (10x) is further off."""
    at = p.mid.toordinal()
    after = [q for q in series.plain if q.id != p.id and q.best and q.mid.toordinal() > at]
    if series.indicator.kind == "cumulative" and after:  # a running total's line rises: one lower is out of line
        after = [after[0], *(q for q in after[1:] if q.best > after[0].best)]
    after = after[:2]
    if len(after) < 2 or after[0].mid == after[1].mid or not p.best:
        return False
    (t0, v0), (t1, v1) = ((q.mid.toordinal(), q.best * rate_scale(series, q)) for q in after)
    expected = math.log(v0) + (math.log(v1) - math.log(v0)) * (at - t0) / (t1 - t0)
    return abs(math.log(p.best * rate_scale(series, p)) - expected) < math.log(START_TREND_FACTOR)


@register("jump", "a running total whose implied monthly rate spikes or dips around one figure",
          severity="warning", kinds=("cumulative",), thresholds=("RATE_FACTOR", "MIN_STEP_DAYS"))
def implied_rate_jumps(ctx: Context) -> list[Flag]:
    """For a running total: a figure whose interval before it and interval after it imply paces more than
    RATE_FACTOR times off their neighbours', in opposite directions (too high a total makes the pace before
    it spike and the pace after it dip). A pace that rises or falls steadily, as wartime counts do, is
    never out of line with both its neighbours."""
    series = ctx.series
    steps = [s for s in series.implied_steps("month") if s[2] >= MIN_STEP_DAYS]
    if len(steps) < 3:
        return []
    flags = []
    r = np.maximum([s[4] for s in steps], 1e-9)
    from_ids, to_ids = [s[0].id for s in steps], [s[1].id for s in steps]
    for n in range(len(r) - 1):
        if to_ids[n] != from_ids[n + 1]:
            continue
        before, after = r[n], r[n + 1]
        others = [r[m] for m in (n - 1, n + 2) if 0 <= m < len(r)]
        if not others:
            continue
        ref = float(np.median(others))
        up, down = before / ref, after / ref
        if not ((up > RATE_FACTOR and down < 1 / RATE_FACTOR) or (up < 1 / RATE_FACTOR and down > RATE_FACTOR)):
            continue
        fid = to_ids[n]
        p = next(q for q in series.points if q.id == fid)
        msg = (f"The running total implies {format_value(round(before))} a month up to {fid} and "
               f"{format_value(round(after))} a month after it, against {format_value(round(ref))} a month in the "
               f"intervals around: {fid} is out of line with the figures on both sides.")
        flags.append(Flag("jump", "warning", series.indicator.id, (p.id, from_ids[n], to_ids[n + 1]),
                          msg, None, float(max(up, 1 / up))))
    return flags
