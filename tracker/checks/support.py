"""Support: what can explain a jump (another claimant, the producer's own publication, an event)."""

from __future__ import annotations

from tracker.checks.base import consistent
from tracker.ledger.model import Ledger
from tracker.series import Point, Series, claimant_key

SAME_TIME_DAYS = 45  # another claimant's figure this close in time can corroborate


def support_for(ledger: Ledger, series: Series, p: Point, previous: Point | None) -> str | None:
    own = claimant_key(p.claimant)
    q = next((q for q in series.independent() if q.id != p.id and abs((q.mid - p.mid).days) <= SAME_TIME_DAYS
              and claimant_key(q.claimant) != own and consistent(p, q)), None)
    if q is not None:
        return f"corroborated by {q.claimant} ({q.id})"
    for e in (p.figure, *[q.figure for q in series.points if q.echo_of == p.id]):
        src = ledger.sources[e.source]
        if claimant_key(src.publisher) == claimant_key(e.claimant):
            return f"the claimant's own publication ({src.publisher}, {e.id})"
    if previous is not None:
        for ev in ledger.events_for(series.indicator.id):
            if previous.end < ev.date.first <= p.end:
                return f"event '{ev.title}' ({ev.date}) between {previous.id} and this figure"
    return None
