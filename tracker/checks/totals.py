"""A total and its parts: figures for the parts of a period that do not add up to the figure for the whole.

The US armed forces' applications for conscientious objector status, 2002-2006 (the GAO): 56, 113, 118, 82 and 56
a year, 425 in all. Printed with an extra digit, 560 for 2002 makes the years add up to 929 against the 425 printed
for the five: no jump shows it (560 is five times its neighbours, a factor no slip has), the sum does.
"""

from __future__ import annotations

from datetime import timedelta

from tracker.checks.base import Context, Flag, allowed, describe, register, unit_of
from tracker.series import Point, claimant_key
from tracker.text.formatting import format_value

# Parts and a total told in different releases differ by their revisions: a producer's count for one time, told
# again later, moves by a few per cent (REVISION_FACTOR of the consistency checks, 1.1); more than that, beyond
# each figure's own rounding, is a sum that does not hold
SUM_TOLERANCE = 0.1
SLIPS = (10, 1 / 10, 1000, 1 / 1000)  # a digit added or dropped, a unit slipped (thousands printed as ones)
MAX_PARTS = 60  # a tiling of more parts than this (five years of months) is not looked for


def _tiling(total: Point, inside: list[Point]) -> list[list[Point]] | None:
    """The figures `inside` a total's period that tile it, day by day, as slots: each slot the figures for one
    part of the period (one, or several tellings of it); None when they do not cover it. Of parts that start
    together, the shortest that lets the rest be covered is taken (months before a quarter)."""
    by_start: dict = {}
    for p in inside:
        by_start.setdefault(p.start, []).append(p)

    failed: set = set()  # days from which the rest cannot be covered: each is tried once

    def cover(at, depth: int) -> list[list[Point]] | None:
        if at == total.end + timedelta(days=1):
            return []
        if depth >= MAX_PARTS or at in failed:
            return None
        for end in sorted({p.end for p in by_start.get(at, ())}):
            rest = cover(end + timedelta(days=1), depth + 1)
            if rest is not None:
                return [[p for p in by_start[at] if p.end == end], *rest]
        failed.add(at)
        return None

    slots = cover(total.start, 0)
    return slots if slots is not None and len(slots) >= 2 else None


def _bounds(slots: list[list[Point]]) -> tuple[float, float]:
    """The lowest and highest sum the parts allow (each telling's qualifier considered; of several tellings of a
    part, the lowest and the highest)."""
    return (sum(min(allowed(p)[0] for p in slot) for slot in slots),
            sum(max(allowed(p)[1] for p in slot) for slot in slots))


def _holds(lo: float, hi: float, total: Point) -> bool:
    tlo, thi = allowed(total)
    return lo * (1 - SUM_TOLERANCE) <= thi and tlo <= hi * (1 + SUM_TOLERANCE)


def _slipped(slots: list[list[Point]], total: Point, lo: float, hi: float) -> Point | None:
    """The one figure whose slip by a power of ten (SLIPS) alone makes the sum hold (the parts allowing `lo` to
    `hi`): a part among the parts told once, or the total. None when none does, or more than one could."""
    found = []
    for slot in slots:
        if len(slot) != 1:
            continue
        p = slot[0]
        plo, phi = allowed(p)
        for f in SLIPS:
            if _holds(lo - plo + plo / f, hi - phi + phi / f, total):
                found.append(p)
    tlo, thi = allowed(total)
    for f in SLIPS:  # the total as if its slip were mended
        if lo * (1 - SUM_TOLERANCE) <= thi / f and tlo / f <= hi * (1 + SUM_TOLERANCE):
            found.append(total)
    return found[0] if len(found) == 1 else None


@register("sum", "figures for the parts of a period that add up to more or less than the figure for the whole",
          severity="error", kinds=("flow",), names_culprit=True, thresholds=("SUM_TOLERANCE", "SLIPS", "MAX_PARTS"))
def sums(ctx: Context) -> list[Flag]:
    """Each plain figure for a period that other plain figures of the series tile, part by part, is compared with
    their sum, each figure's rounding and SUM_TOLERANCE of revisions allowed. When one producer told the parts
    and the whole, and one figure's slip by a power of ten alone makes the sum hold, that figure is named (an
    error); else the total is listed beside its parts as a notice: the sum cannot say which of them is wrong (or,
    the total being another producer's, whether any is: Proekt's 5,260 cases of 2022-2023 against Mediazona's
    1,001 and 5,096 count another measure)."""
    ledger, series = ctx.ledger, ctx.series
    unit = unit_of(series)
    plain = [p for p in series.independent() if p.best and p.qualifier in ("exact", "approx", "range")]
    flags = []
    for total in plain:
        inside = [p for p in plain if p.id != total.id and total.start <= p.start and p.end <= total.end
                  and (p.start, p.end) != (total.start, total.end)]
        slots = _tiling(total, inside) if len(inside) >= 2 else None
        if slots is None:
            continue
        lo, hi = _bounds(slots)
        if _holds(lo, hi, total):
            continue
        parts = [p for slot in slots for p in slot]
        least, most = (sum(pick(p.best for p in slot) for slot in slots) for pick in (min, max))
        added = format_value(least) if least == most else f"{format_value(least)}–{format_value(most)}"
        own = {claimant_key(p.claimant) for p in parts}
        # one producer's parts and whole: a slip can be told; another's total counts otherwise, by its own measure
        slip = _slipped(slots, total, lo, hi) if own == {claimant_key(total.claimant)} else None
        if slip is not None:
            p = slip
            others = tuple(q.id for q in [total, *parts] if q.id != p.id)
            if p is total:
                said = (f"{describe(ledger, p, unit)} is the whole of {', '.join(q.id for q in parts)}, which add "
                        f"up to {added}: a digit or a unit of the whole slipped?")
            else:  # what the whole leaves for it, the other parts taken away
                left = total.best - (least - p.best)
                said = (f"{describe(ledger, p, unit)} makes the parts of {total.figure.when} add up to {added}, not "
                        f"the {format_value(total.best)} printed for the whole ({total.id}), which leaves about "
                        f"{format_value(round(left))} for it: a digit or a unit slipped?")
            flags.append(Flag("sum", "error", series.indicator.id, (p.id, *others), said))
            continue
        told_by = ", ".join(sorted({p.claimant for p in parts}))
        flags.append(Flag("sum", "notice", series.indicator.id, (total.id, *(p.id for p in parts)),
                          f"{describe(ledger, total, unit)} is the whole of what {', '.join(p.id for p in parts)} "
                          f"count, which add up to {added}"
                          + (": one of them is not what the others say, and the sum cannot tell which."
                             if claimant_key(total.claimant) in own else
                             f": {total.claimant} counts otherwise than {told_by} (another measure or definition?).")))
    return flags
