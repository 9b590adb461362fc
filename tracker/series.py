"""Per-indicator time series that respect what each figure is.

A figure sits on the interval it speaks about (a day, a month, a year, a period),
never on a made-up day. Flows convert to rates over their period's length and
back; a cumulative series differences into the average rate between its points.
Echoes of one claimant (same claimant, same numbers, same time) are grouped so
that later steps count independent claimants, not repetitions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache

import pandas as pd

from tracker.errors import UnknownIndicator
from tracker.ledger.dates import Span
from tracker.ledger.model import Figure, Indicator, Ledger

DAYS_PER = {"day": 1.0, "week": 7.0, "month": 365.25 / 12, "year": 365.25}
ECHO_DAYS = 45  # reprints with no date of their own within this many days of each other
BOUNDS = ("at_least", "at_most")


def length_in(span: Span | tuple[date, date], per: str) -> float:
    """How many `per` units a span covers; whole calendar months and years count exactly."""
    first, last = (span.first, span.last) if isinstance(span, Span) else span
    nxt = last.toordinal() + 1
    if per in ("month", "year") and first.day == 1 and date.fromordinal(nxt).day == 1:
        after = date.fromordinal(nxt)
        months = (after.year - first.year) * 12 + after.month - first.month
        if per == "month":
            return float(months)
        if months % 12 == 0 and first.month == 1:
            return months / 12
    return (nxt - first.toordinal()) / DAYS_PER[per]


def flow_to_rate(flow: float, period: Span, per: str) -> float:
    """A count within a period as an average per `per` ('9,600 in 2024' -> 800 a month)."""
    return flow / length_in(period, per)


def rate_to_flow(rate: float, period: Span, per: str) -> float:
    """An average rate over a period as the count it implies ('800 a month in 2024' -> 9,600)."""
    return rate * length_in(period, per)


@lru_cache(maxsize=4096)
def claimant_key(name: str) -> str:
    """Claimants compared without case, spacing or a trailing parenthesis."""
    base = name.split("(")[0] if not name.startswith("(") else name
    return " ".join(base.lower().split())


@dataclass(frozen=True, slots=True)
class Point:
    """One figure placed in time: the interval it speaks about and its numbers."""

    figure: Figure
    start: date
    end: date
    value: float | None  # the stated value (the bound, for at_least/at_most)
    low: float | None
    high: float | None
    echo_of: str | None = None  # the first figure of its echo group, if not itself
    # its figure's id and qualifier, the middle day of its interval and its numbers as the checks read them (best,
    # lo, hi), computed once: the checks ask for them millions of times on a large ledger
    id: str = field(init=False, repr=False, compare=False)
    mid: date = field(init=False, repr=False, compare=False)
    qualifier: str = field(init=False, repr=False, compare=False)
    best: float | None = field(init=False, repr=False, compare=False)  # the value, or the middle of its range
    lo: float = field(init=False, repr=False, compare=False)  # the lowest value it allows (0 for an at_most)
    hi: float = field(init=False, repr=False, compare=False)  # the highest value it allows (inf for an at_least)

    def __post_init__(self) -> None:
        q = self.figure.qualifier
        value, low, high = self.value, self.low, self.high
        best = value if value is not None else (low + high) / 2 if low is not None and high is not None else None
        for name, v in (("id", self.figure.id), ("qualifier", q),
                        ("mid", date.fromordinal((self.start.toordinal() + self.end.toordinal()) // 2)),
                        ("best", best), ("lo", 0.0 if q == "at_most" else low if low is not None else value),
                        ("hi", float("inf") if q == "at_least" else high if high is not None else value)):
            object.__setattr__(self, name, v)

    @property
    def claimant(self) -> str:
        return self.figure.claimant


@dataclass(frozen=True)
class Series:
    """An indicator's figures, placed in time, split by status."""

    indicator: Indicator
    points: tuple[Point, ...]  # accepted, dated, plain values, in time order
    candidates: tuple[Point, ...]
    rejected: tuple[Point, ...]
    relative: tuple[Figure, ...]  # change: ratio / difference claims
    undated: tuple[Figure, ...]  # accepted figures with no date at all

    @property
    def claimants(self) -> tuple[str, ...]:
        """Independent claimants, in order of first appearance."""
        seen: dict[str, str] = {}
        for p in self.points:
            seen.setdefault(claimant_key(p.claimant), p.claimant)
        return tuple(seen.values())

    @cached_property
    def plain(self) -> tuple[Point, ...]:
        """The independent figures with a plain value (exact, approx, range), by date; built once."""
        return tuple(sorted((q for q in self.independent() if q.qualifier in ("exact", "approx", "range") and q.best),
                            key=lambda q: (q.mid, q.id)))

    @cached_property
    def memo(self) -> dict:
        """What the checks derive from the series alone, kept with it once computed (a running total's pace
        roughness without each figure)."""
        return {}

    @cached_property
    def plain_days(self) -> tuple[int, ...]:
        """The day ordinals of `plain`, for searching by date."""
        return tuple(q.mid.toordinal() for q in self.plain)

    def independent(self) -> tuple[Point, ...]:
        """The points that are not echoes of an earlier point."""
        return tuple(p for p in self.points if p.echo_of is None)

    def frame(self) -> pd.DataFrame:
        """One row per placed point (accepted, candidate and rejected), in time order."""
        rows = []
        for status, pts in (("accepted", self.points), ("candidate", self.candidates),
                            ("rejected", self.rejected)):
            for p in pts:
                rows.append({
                    "id": p.id, "status": status, "start": pd.Timestamp(p.start), "end": pd.Timestamp(p.end),
                    "mid": pd.Timestamp(p.mid), "value": p.value, "low": p.low, "high": p.high,
                    "best": p.best, "qualifier": p.qualifier, "claimant": p.claimant,
                    "source": p.figure.source, "echo_of": p.echo_of,
                })
        cols = ["id", "status", "start", "end", "mid", "value", "low", "high", "best", "qualifier",
                "claimant", "source", "echo_of"]
        frame = pd.DataFrame(rows, columns=cols)
        for col in ("value", "low", "high", "best"):
            frame[col] = frame[col].astype("float64")
        return frame.sort_values(["mid", "id"], kind="stable").reset_index(drop=True)

    def as_rates(self, per: str | None = None) -> pd.DataFrame:
        """Flow or rate figures as average rates per `per` (default: the indicator's own per, else month)."""
        kind = self.indicator.kind
        if kind not in ("flow", "rate"):
            raise ValueError(f"{self.indicator.id} is {kind}; use implied_rates() for cumulative series")
        per = per or self.indicator.per or "month"
        rows = []
        for p in self.points:
            span = (p.start, p.end)
            if kind == "flow":
                factor = 1 / length_in(span, per)
            else:
                factor = DAYS_PER[per] / DAYS_PER[self.indicator.per]
            rows.append({"id": p.id, "start": pd.Timestamp(p.start), "end": pd.Timestamp(p.end),
                         "rate": _scale(p.best, factor), "low": _scale(p.lo, factor),
                         "high": _scale(p.hi, factor), "qualifier": p.qualifier, "per": per})
        return pd.DataFrame(rows, columns=["id", "start", "end", "rate", "low", "high", "qualifier", "per"])

    def as_flows(self) -> pd.DataFrame:
        """Rate or flow figures as the counts they imply over their periods."""
        kind = self.indicator.kind
        if kind not in ("flow", "rate"):
            raise ValueError(f"{self.indicator.id} is {kind}; flows come from flow or rate indicators")
        rows = []
        for p in self.points:
            factor = 1.0 if kind == "flow" else length_in((p.start, p.end), self.indicator.per)
            rows.append({"id": p.id, "start": pd.Timestamp(p.start), "end": pd.Timestamp(p.end),
                         "flow": _scale(p.best, factor), "qualifier": p.qualifier})
        return pd.DataFrame(rows, columns=["id", "start", "end", "flow", "qualifier"])

    def implied_rates(self, per: str = "month", include_bounds: bool = False) -> pd.DataFrame:
        """For a cumulative series: the average rate between consecutive independent points.

        Each row spans from one dated point to the next (by the end of their intervals),
        with the difference, the days between, and the implied rate per `per`. Bounds are
        not levels, so at_least/at_most points are left out unless include_bounds is set;
        rows with a bound at either end are then marked `bounded`.
        """
        rows = [{"from_id": a.id, "to_id": b.id, "start": pd.Timestamp(a.end), "end": pd.Timestamp(b.end),
                 "days": days, "difference": diff, "rate": rate, "per": per,
                 "bounded": a.qualifier in BOUNDS or b.qualifier in BOUNDS}
                for a, b, days, diff, rate in self.implied_steps(per, include_bounds)]
        return pd.DataFrame(rows, columns=["from_id", "to_id", "start", "end", "days", "difference", "rate",
                                           "per", "bounded"])

    def implied_steps(self, per: str = "month", include_bounds: bool = False) -> list[tuple]:
        """What `implied_rates` tabulates, as plain tuples (from point, to point, days, difference, rate),
        for the checks that read it once per series."""
        if self.indicator.kind != "cumulative":
            raise ValueError(f"{self.indicator.id} is {self.indicator.kind}; implied rates need a cumulative series")
        pts = [p for p in self.independent() if p.best is not None
               and (include_bounds or p.qualifier not in BOUNDS)]
        by_end: dict[date, Point] = {}
        for p in pts:  # one point per date: the most precise, then the first
            q = by_end.get(p.end)
            if q is None or (q.qualifier in BOUNDS and p.qualifier not in BOUNDS):
                by_end[p.end] = p
        ordered = [by_end[d] for d in sorted(by_end)]
        steps = []
        for a, b in zip(ordered, ordered[1:]):
            days = (b.end - a.end).days
            diff = b.best - a.best
            steps.append((a, b, days, diff, diff / (days / DAYS_PER[per])))
        return steps


def _scale(x: float | None, factor: float) -> float | None:
    if x is None:
        return None
    return x * factor


def _place(f: Figure) -> tuple[date, date] | None:
    span = f.when
    if span is None:
        return None
    return span.first, span.last


def _point(f: Figure) -> Point | None:
    where = _place(f)
    if where is None:
        return None
    return Point(f, where[0], where[1], _float(f.value), _float(f.low), _float(f.high))


def _same_time(a: Point, b: Point) -> bool:
    fa, fb = a.figure, b.figure
    if (a.start, a.end) == (b.start, b.end):
        return True
    if a.start <= b.end and b.start <= a.end:  # overlapping intervals (a month and a day in it)
        return True
    if fa.as_of_defaulted or fb.as_of_defaulted:  # dated only by publication: reprints close together
        return abs((a.end - b.end).days) <= ECHO_DAYS
    return False


def mark_echoes(points: list[Point]) -> list[Point]:
    """Mark each point that repeats an earlier one of the same claimant, numbers and time."""
    out: list[Point] = []
    originals: dict[tuple, list[Point]] = {}  # same claimant and numbers: the candidates to echo
    for p in sorted(points, key=lambda p: (p.end, p.start, p.id)):
        group = originals.setdefault((claimant_key(p.claimant), p.value, p.low, p.high, p.qualifier), [])
        first = next((q for q in group if _same_time(q, p)), None)
        if first is None:
            group.append(p)
        out.append(Point(p.figure, p.start, p.end, p.value, p.low, p.high, echo_of=first.id if first else None))
    return out


def _float(x) -> float | None:
    return None if x is None else float(x)


def _by_time(p: Point) -> tuple:
    return (p.mid, p.id)


def level(series, stale=frozenset()):
    """The figure that says where a series stands now: its latest independent figure that is not flagged
    stale and, for a running total, not a bound below what a plain figure had already reported (a '≥ 2,000'
    re-printed in 2025 says less than the 50,554 of 2024)."""
    pts = sorted((p for p in series.independent() if p.id not in stale), key=lambda p: (p.end, p.id))
    if series.indicator.kind == "cumulative":
        reached, kept = 0.0, []
        for p in pts:
            plain = p.qualifier in ("exact", "approx", "range")
            if plain or p.lo > reached:
                kept.append(p)
            if plain and p.best is not None:
                reached = max(reached, p.best)
        pts = kept
    return pts[-1] if pts else None


def series_of(ledger: Ledger, indicator_id: str) -> Series:
    """The series of one indicator: `ledger.series[indicator_id]`. Raises UnknownIndicator (a TrackerError)
    for an id the ledger does not have."""
    return ledger.series[indicator_id]


class SeriesMap(Mapping):
    """`Ledger.series`: every indicator's Series by id, in the ledger's indicator order, each built when first
    asked for (the figures are grouped by indicator once)."""

    def __init__(self, ledger: Ledger):
        self._ledger = ledger
        self._built: dict[str, Series] = {}
        self._grouped: dict[str, list[Figure]] | None = None

    def __getitem__(self, indicator_id: str) -> Series:
        s = self._built.get(indicator_id)
        if s is None:
            ind = self._ledger.indicators.get(indicator_id)
            if ind is None:
                raise UnknownIndicator(indicator_id, self._ledger.indicators)
            if self._grouped is None:
                self._grouped = {i: [] for i in self._ledger.indicators}
                for f in self._ledger.figures:
                    self._grouped[f.indicator].append(f)
            s = self._built[indicator_id] = _build(ind, self._grouped[indicator_id])
        return s

    def __iter__(self):
        return iter(self._ledger.indicators)

    def __len__(self) -> int:
        return len(self._ledger.indicators)

    def __contains__(self, indicator_id) -> bool:
        return indicator_id in self._ledger.indicators


def _build(ind: Indicator, figures: list[Figure]) -> Series:
    accepted, candidates, rejected, relative, undated = [], [], [], [], []
    for f in figures:
        if f.change:
            relative.append(f)
            continue
        p = _point(f)
        if f.status == "accepted":
            (accepted if p else undated).append(p or f)
        elif p is not None:
            (candidates if f.status == "candidate" else rejected).append(p)
    order = _by_time
    return Series(ind, tuple(sorted(mark_echoes(accepted), key=order)), tuple(sorted(candidates, key=order)),
                  tuple(sorted(rejected, key=order)), tuple(relative), tuple(undated))


def echoes_frame(ledger: Ledger) -> pd.DataFrame:
    """Every accepted, dated figure with the figure it echoes (None for independent ones), per indicator."""
    rows = []
    for ind_id, s in ledger.series.items():
        for p in s.points:
            rows.append({"indicator": ind_id, "id": p.id, "claimant": p.claimant, "source": p.figure.source,
                         "value": p.value, "echo_of": p.echo_of})
    return pd.DataFrame(rows, columns=["indicator", "id", "claimant", "source", "value", "echo_of"])
