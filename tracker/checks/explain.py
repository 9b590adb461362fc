"""Why a figure was or was not flagged: the series around it, what the model and its nearest figures
expect for its date, its flags and their support (`tracker flags --explain FIGURE`)."""

from __future__ import annotations

import math

from tracker.checks.base import describe, robust_expected, rounded, unit_of
from tracker.checks.run import check_series
from tracker.ledger.model import Ledger
from tracker.models.base import BAND_K


def explain(ledger: Ledger, figure_id: str, detector=None, around: int = 3) -> str:
    """A plain-text account of how `figure_id` was judged. Raises KeyError for an unknown id."""
    f = next((g for g in ledger.figures if g.id == figure_id), None)
    if f is None:
        raise KeyError(figure_id)
    series = ledger.series[f.indicator]
    unit = unit_of(series)
    flags, fit = check_series(ledger, series, detector)
    k = detector.k if detector is not None else BAND_K
    lines = [f"{figure_id} in {f.indicator} ({series.indicator.kind}), {f.location}", ""]
    points = sorted(series.independent(), key=lambda q: (q.mid, q.id))
    at = next((i for i, q in enumerate(points) if q.id == figure_id), None)
    if at is None:
        echo = next((q for q in series.points if q.id == figure_id and q.echo_of), None)
        why = (f"it re-prints {echo.echo_of}, which is judged instead" if echo else
               f"its status is {f.status}" if f.status != "accepted" else "it has no date to place it by")
        lines.append(f"Not judged on its own: {why}.")
        return "\n".join(lines) + "\n"
    lines.append("The series around it (independent figures, by date):")
    for q in points[max(0, at - around):at + around + 1]:
        j = fit.judgements.get(q.id) if fit is not None else None
        z = f"z {j.z:.1f}" if j is not None and math.isfinite(j.z) else "not judged"
        mark = "->" if q.id == figure_id else "  "
        lines.append(f" {mark} {q.mid}  {describe(ledger, q, unit)}  [{z}]")
    lines.append("")
    p = points[at]
    j = fit.judgements.get(figure_id) if fit is not None else None
    if j is not None and math.isfinite(j.z):
        lines.append(f"The model expects about {rounded(j.expected, unit)} for its date (band {rounded(j.lower, unit)}"
                     f"–{rounded(j.upper, unit)}, {fit.detector}); what the figure allows is {j.z:.1f} standard "
                     f"deviations from that expectation, and {k:g} make a jump.")
    else:
        lines.append("The model cannot judge it (too few figures near it).")
    e = robust_expected(series, p)
    if e:
        lines.append(f"Its nearest figures imply about {rounded(e, unit)} (a factor of {p.best / e:.2f}).")
    mine = [fl for fl in flags if fl.figures and fl.figures[0] == figure_id]
    lines.append("")
    if not mine:
        lines.append("Not flagged: within the expected range, consistent with the figures for the same time, and "
                     "not a re-print of an older value.")
    for fl in mine:
        lines.append(f"Flagged {fl.code} ({fl.severity}): {fl.message}")
        if fl.support:
            lines.append(f"  supported by {fl.support}, so it is listed as {fl.severity}")
    return "\n".join(lines) + "\n"
