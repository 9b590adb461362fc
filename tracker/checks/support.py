"""Support: what can explain a jump (another claimant, the producer's own publication, an event, the producer's
other counts moving alike)."""

from __future__ import annotations

import math

from tracker.checks.base import comparable, consistent
from tracker.ledger.model import Ledger
from tracker.series import Point, Series, claimant_key

SAME_TIME_DAYS = 45  # another claimant's figure this close in time can corroborate
# Another count of the same country and producer that moved by within this factor of a change, over the same
# time, moved alike: one release's reservists (10 in 2021, 190 in January-August 2022) and unserved men (23, then
# 484) who refused to serve rose some thirtyfold together after the invasion; a slipped digit moves one count ten
# times more or less than the others. 3x lies between rounding (1.1x) and a slip (10x), as AGREE_FACTOR does.
MOVED_ALIKE_FACTOR = 3


def support_for(ledger: Ledger, series: Series, p: Point, previous: Point | None,
                following: Point | None = None) -> str | None:
    """What explains the change into `p` from `previous` (or, for a series' first figure, out of it into
    `following`), if anything does."""
    own = claimant_key(p.claimant)
    q = next((q for q in series.independent() if q.id != p.id and abs((q.mid - p.mid).days) <= SAME_TIME_DAYS
              and claimant_key(q.claimant) != own and consistent(p, q)), None)
    if q is not None:
        return f"corroborated by {q.claimant} ({q.id})"
    for e in (p.figure, *[q.figure for q in series.points if q.echo_of == p.id]):
        src = ledger.sources[e.source]
        if claimant_key(src.publisher) == claimant_key(e.claimant):
            return f"the claimant's own publication ({src.publisher}, {e.id})"
    before, after = (previous, p) if previous is not None else (p, following)
    if before is None or after is None:
        return None
    for ev in ledger.events_for(series.indicator.id):
        if before.end < ev.date.first <= after.end:
            return f"event '{ev.title}' ({ev.date}) between {before.id} and {after.id}"
    return moved_alike(ledger, series, before, after)


def _nearest_to(series: Series, p: Point) -> Point | None:
    """The series' plain figure nearest `p`'s date, if one is within SAME_TIME_DAYS of it."""
    near = [q for q in series.plain if q.best and abs((q.mid - p.mid).days) <= SAME_TIME_DAYS]
    return min(near, key=lambda q: (abs((q.mid - p.mid).days), q.id)) if near else None


def moved_alike(ledger: Ledger, series: Series, before: Point, after: Point) -> str | None:
    """Another count of the country and producer whose figures near both dates moved by within MOVED_ALIKE_FACTOR
    of this change, the same way (each on its level scale: a flow's monthly rate), if any."""
    if not before.best or not after.best or before.best <= 0 or after.best <= 0:
        return None
    change = math.log(after.best * comparable(series, after) / (before.best * comparable(series, before)))
    for other in (ledger.series[i] for i in ledger.siblings(series.indicator.id)):
        a, b = _nearest_to(other, before), _nearest_to(other, after)
        if a is None or b is None or a.mid >= b.mid or a.best <= 0 or b.best <= 0:
            continue
        theirs = math.log(b.best * comparable(other, b) / (a.best * comparable(other, a)))
        if change * theirs > 0 and abs(change - theirs) <= math.log(MOVED_ALIKE_FACTOR):
            return (f"{other.indicator.id} of the same producer moved alike ({a.id} to {b.id}: "
                    f"{math.exp(theirs):.1f} times, against {math.exp(change):.1f})")
    return None
