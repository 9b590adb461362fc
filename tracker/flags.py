"""Flags: the jumps and contradictions a careful editor wants to see before publishing.

Each check has a stable code, a severity and a one-sentence message naming the
figures involved:

  jump      a figure outside the model's expected band for its date
  decrease  a running total lower than an earlier one beyond what qualifiers allow
  conflict  figures for the same time that cannot both be true
  stale     published when a clearly different (for a running total: higher) value
            for a later or equal date was already public
  relative  a relative claim ("doubling") that the series contradicts, or cannot check
  quote     a quote that does not state the figure's number
  undated   a figure whose date can only be guessed, so it cannot be judged

A jump is *supported*, and reported below any problem, when another claimant
reports a consistent value for the same time, when the figure comes from its
claimant's own publication, or when an event between the previous figure and
this one covers the indicator. Echoes of one claimant never support each other.
Only accepted figures are checked or used; a curator silences a flag by adding
support or by marking the figure rejected with a note.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from tracker.formatting import format_value, stated
from tracker.ledger import Figure, Ledger
from tracker.models import Detector, ModelFit, Observations, get_detector
from tracker.numbers import quote_states
from tracker.parallel import SHARED, fork_map
from tracker.series import Point, Series, all_series, claimant_key, length_in

SEVERITIES = ("info", "notice", "warning", "error")
CODES = ("jump", "decrease", "conflict", "stale", "relative", "quote", "undated")
SAME_TIME_DAYS = 45  # another claimant's figure this close in time can corroborate
STALE_LAG_DAYS = 7  # the newer value must have been public at least this long before
TOLERANCE = {"exact": 0.01, "approx": 0.10, "at_least": 0.0, "at_most": 0.0, "range": 0.0}
RATIO_TOLERANCE = {"exact": 0.05, "approx": 0.25}


@dataclass(frozen=True, slots=True)
class Flag:
    code: str
    severity: str
    indicator: str
    figures: tuple[str, ...]  # the flagged figure first, then those it is judged against
    message: str
    support: str | None = None
    score: float | None = None

    @property
    def is_problem(self) -> bool:
        return self.severity in ("warning", "error")

    def as_dict(self) -> dict:
        return {"code": self.code, "severity": self.severity, "indicator": self.indicator,
                "figure": self.figures[0] if self.figures else None, "related": list(self.figures[1:]),
                "message": self.message, "support": self.support,
                "score": None if self.score is None else round(self.score, 2)}


@dataclass(frozen=True)
class CheckResult:
    """The flags, in a stable order, and each indicator's model fit (for bands on charts)."""

    flags: tuple[Flag, ...]
    fits: dict

    def __iter__(self):
        return iter(self.flags)

    def __len__(self) -> int:
        return len(self.flags)

    def frame(self):
        import pandas as pd

        cols = ["code", "severity", "indicator", "figure", "related", "message", "support", "score"]
        return pd.DataFrame([f.as_dict() for f in self.flags], columns=cols)

    def problems(self) -> tuple[Flag, ...]:
        return tuple(f for f in self.flags if f.is_problem)

    def bands(self) -> dict:
        """Each modelled indicator's expected band as a DataFrame of date, low, mid, high."""
        import pandas as pd

        out = {}
        for ind, fit in self.fits.items():
            if fit is None or fit.band.empty:
                continue
            band = fit.band[fit.band["high"] <= 5 * fit.band["low"]].copy()  # only where it says something
            if band.empty:
                continue
            band["date"] = [pd.Timestamp(date.fromordinal(int(round(t)))) for t in band["t"]]
            out[ind] = band[["date", "low", "mid", "high"]]
        return out


def severity_at_least(flag: Flag, level: str) -> bool:
    return SEVERITIES.index(flag.severity) >= SEVERITIES.index(level)


# -- building blocks --------------------------------------------------------------------


def _describe(ledger: Ledger, p: Point | Figure, unit: str) -> str:
    f = p.figure if isinstance(p, Point) else p
    src = ledger.sources[f.source]
    when = f.period or f.as_of
    when_text = f"as of {when}" if f.as_of and not f.period and not f.as_of_defaulted else \
        f"for {when}" if f.period else f"published {src.published}" if src.published else "undated"
    via = f.claimant if claimant_key(f.claimant) == claimant_key(src.publisher) else f"{f.claimant} via {src.publisher}"
    return f"{stated(f, unit)} ({f.id}; {via}, {when_text})"


def _rounded(x: float, unit: str) -> str:
    return format_value(round(x) if abs(x) >= 100 else round(x, 2), unit)


def _unit(series: Series) -> str:
    return "share" if series.indicator.is_share else series.indicator.unit


def _allowed(p: Point) -> tuple[float, float]:
    """The interval of values a figure allows, widened by its qualifier's tolerance."""
    tol = TOLERANCE.get(p.qualifier, 0.0)
    return p.lo * (1 - tol), p.hi * (1 + tol)


def _consistent(a: Point, b: Point) -> bool:
    alo, ahi = _allowed(a)
    blo, bhi = _allowed(b)
    return alo <= bhi and blo <= ahi


def _published(ledger: Ledger, f: Figure) -> date | None:
    src = ledger.sources[f.source]
    return src.published.last if src.published else None


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


# -- the checks -------------------------------------------------------------------------


def _support(ledger: Ledger, series: Series, p: Point, previous: Point | None) -> str | None:
    others = [q for q in series.independent() if q.id != p.id and claimant_key(q.claimant) != claimant_key(p.claimant)
              and abs((q.mid - p.mid).days) <= SAME_TIME_DAYS and _consistent(p, q)]
    if others:
        q = others[0]
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


def _jumps(ledger: Ledger, series: Series, fit: ModelFit, k: float) -> list[Flag]:
    flags = []
    unit = _unit(series)
    ordered = sorted(series.independent(), key=lambda q: (q.mid, q.id))
    for i, p in enumerate(ordered):
        if len(ordered) == 2 and i == 0:
            continue  # two figures: only the later can be judged against the earlier
        j = fit.judgements.get(p.id)
        if j is None or not np.isfinite(j.z) or j.z <= k:
            continue
        previous = next((q for q in reversed(ordered[:i]) if q.mid < p.mid), None)
        support = _support(ledger, series, p, previous)
        where = "above" if j.direction > 0 else "below"
        msg = (f"{_describe(ledger, p, unit)} is {j.z:.1f} standard deviations {where} the expected "
               f"{_rounded(j.lower, unit)}–{_rounded(j.upper, unit)} for its date")
        msg += f" (after {previous.id})." if previous is not None else "."
        flags.append(Flag("jump", "info" if support else "warning", series.indicator.id, (p.id,)
                          + ((previous.id,) if previous else ()), msg, support, float(j.z)))
    return flags


def _implied_rate_jumps(ledger: Ledger, series: Series, k: float = 4.0) -> list[Flag]:
    """For a running total: an implied monthly rate far out of line with the others."""
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
            support = _support(ledger, series, p, prev)
            msg = (f"Between {row['from_id']} and {row['to_id']} the running total implies "
                   f"{format_value(round(row['rate']))} a month, {ratio:.1f} times the median of the other "
                   f"intervals ({format_value(round(med))} a month).")
            flags.append(Flag("jump", "info" if support else "warning", series.indicator.id,
                              (row["to_id"], row["from_id"]), msg, support, float(ratio)))
    return flags


def _decreases(ledger: Ledger, series: Series) -> list[Flag]:
    flags = []
    unit = _unit(series)
    pts = series.independent()
    for b in pts:
        earlier = [a for a in pts if a.end < b.start and a.lo > 0]
        if not earlier:
            continue
        a = max(earlier, key=lambda q: (q.lo, q.end))
        if b.hi >= a.lo * (1 - TOLERANCE.get(a.qualifier, 0) - TOLERANCE.get(b.qualifier, 0) - 0.02):
            continue
        pa, pb = _published(ledger, a.figure), _published(ledger, b.figure)
        if b.figure.as_of_defaulted and pa and pb and pa < pb:
            continue  # dated only by publication: that is a stale re-print, checked below
        flags.append(Flag("decrease", "error", series.indicator.id, (b.id, a.id),
                          f"{_describe(ledger, b, unit)} is lower than the earlier {_describe(ledger, a, unit)}, "
                          f"but a running total can only grow."))
    return flags


def _same_time(a: Point, b: Point, growing: bool) -> bool:
    if a.start == a.end and b.start == b.end:  # a running total grows even in three days
        return a.start == b.start if growing else abs((a.start - b.start).days) <= 3
    # the same month or period: for a running total two such figures may differ by its growth
    return not growing and (a.start, a.end) == (b.start, b.end)


def _conflicts(ledger: Ledger, series: Series) -> list[Flag]:
    flags = []
    unit = _unit(series)
    pts = series.independent()
    for i, a in enumerate(pts):
        for b in pts[i + 1:]:
            if a.figure.as_of_defaulted != b.figure.as_of_defaulted:
                continue  # a publication date is not the date a count holds for
            if _same_time(a, b, series.indicator.kind == "cumulative") and not _consistent(a, b):
                flags.append(Flag("conflict", "error", series.indicator.id, (b.id, a.id),
                                  f"{_describe(ledger, b, unit)} and {_describe(ledger, a, unit)} speak of the "
                                  f"same time but cannot both be true."))
    return flags


def _stale(ledger: Ledger, series: Series) -> list[Flag]:
    if series.indicator.kind not in ("cumulative", "stock"):
        return []
    flags = []
    unit = _unit(series)
    pts = [p for p in series.points if p.echo_of is None]
    # once per point, not once per pair: when it was public by, and who produced it
    public_by = {p.id: _published(ledger, p.figure) for p in series.points}
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
                if _allowed(g)[0] > f.value * 1.02:
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
                          f"{_describe(ledger, f, unit)} was published{bound} after "
                          f"{_describe(ledger, g, unit)} had been public since {_published(ledger, g.figure)}"
                          f"{again}."))
    return flags


def _window_level(series: Series, first: date, last: date) -> tuple[float, float] | None:
    """The range of the series' plain values within a window (as rates for flows)."""
    vals = []
    for p in series.independent():
        if p.qualifier not in ("exact", "approx", "range") or p.best is None:
            continue
        inside = max(0, (min(p.end, last) - max(p.start, first)).days + 1)
        if inside >= 0.5 * ((p.end - p.start).days + 1):
            v = p.best / length_in((p.start, p.end), "month") if series.indicator.kind == "flow" else p.best
            vals.append(v)
    if not vals:
        return None
    return min(vals), max(vals)


def _relative(ledger: Ledger, series: Series) -> list[Flag]:
    flags = []
    for f in series.relative:
        if f.status != "accepted":
            continue
        later = f.period or f.as_of
        unit = "×" if f.change == "ratio" else _unit(series)
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
                              f"{format_value(round(lo, 2))}–{format_value(round(hi, 2))}{unit if unit == '×' else ''}."))
    return flags


def _quotes(ledger: Ledger, series: Series) -> list[Flag]:
    flags = []
    figures = [p.figure for p in series.points] + list(series.relative) + list(series.undated)
    for f in figures:
        if f.status == "accepted" and not quote_states(f.quote, f.value, f.low, f.high):
            flags.append(Flag("quote", "warning", series.indicator.id, (f.id,),
                              f"The quote of {f.id} does not state {stated(f, _unit(series))}: check the number "
                              f"against the article."))
    return flags


def _undated(ledger: Ledger, series: Series) -> list[Flag]:
    return [Flag("undated", "notice", series.indicator.id, (f.id,),
                 f"{f.id} ({stated(f, _unit(series))}, {f.claimant}) has no as_of and its source "
                 f"'{f.source}' no published date, so it cannot be placed or judged; add as_of or published.")
            for f in series.undated]


def check_series(ledger: Ledger, series: Series, detector: Detector | None = None) -> tuple[list[Flag], ModelFit | None]:
    detector = detector or get_detector()
    obs = observations(series)
    fit = detector.fit(obs) if len(obs) >= 2 else None
    flags: list[Flag] = []
    if fit is not None:
        flags += _jumps(ledger, series, fit, detector.k)
    if series.indicator.kind == "cumulative":
        flags += _implied_rate_jumps(ledger, series)
        flags += _decreases(ledger, series)
    flags += _conflicts(ledger, series)
    flags += _stale(ledger, series)
    flags += _relative(ledger, series)
    flags += _quotes(ledger, series)
    flags += _undated(ledger, series)
    return _dedupe(flags), fit


def _dedupe(flags: list[Flag]) -> list[Flag]:
    """One jump flag per figure (the model's, else the implied rate's)."""
    seen, out = set(), []
    for f in flags:
        key = (f.code, f.figures[0]) if f.code == "jump" else (f.code, f.figures)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _check_one(ind_id: str):
    sh = SHARED
    return ind_id, check_series(sh["ledger"], sh["series"][ind_id], sh["detector"])


def check(ledger: Ledger, indicators: list[str] | None = None, detector: Detector | str | None = None,
          cache: bool = False, workers: int | None = None) -> CheckResult:
    """Run every check on every indicator (or those named); return the flags and the model fits.

    With cache=True an indicator whose figures, sources, events and checking code are unchanged
    takes its flags from the cache (tracker.cache). Indicators are checked on `workers` processes
    (default: the machine's cores) when there are many; the result does not depend on either.
    """
    from tracker import cache as _cache

    name = detector if isinstance(detector, str) else getattr(detector, "name", "default")
    detector = get_detector(detector) if isinstance(detector, str) else detector or get_detector()
    series_by_id = all_series(ledger)
    wanted = indicators or list(series_by_id)
    salt = _cache.code_hash("models", "flags", "series", "numbers", "formatting") + name + repr(vars(detector))
    keys = {i: _cache.series_key(ledger, series_by_id[i], salt) for i in wanted} if cache else {}
    results = {i: hit for i in wanted if cache and (hit := _cache.get("flags", keys[i])) is not None}
    todo = [i for i in wanted if i not in results]
    results.update(fork_map(_check_one, todo, {"ledger": ledger, "series": series_by_id, "detector": detector},
                            workers, serial_below=8))
    if cache:
        for ind_id in todo:
            _cache.put("flags", keys[ind_id], results[ind_id])
    flags, fits = [], {}
    for ind_id in wanted:
        found, fits[ind_id] = results[ind_id]
        flags.extend(found)
    order = {i: n for n, i in enumerate(series_by_id)}
    flags.sort(key=lambda f: (-SEVERITIES.index(f.severity), order[f.indicator], CODES.index(f.code), f.figures))
    return CheckResult(tuple(flags), fits)
