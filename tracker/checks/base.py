"""What every check shares: the Flag, the registry and its contract, and how figures are described.

A check is a function of a `Context` (the ledger, one series, the model's fit) that
returns flags. It joins the run by being registered with its contract:

    @register("decrease", "a running total lower than an earlier one", severity="error",
              kinds=("cumulative",), names_culprit=True, before_refit=True,
              thresholds=("REPRINT_TOLERANCE",))
    def decreases(ctx): ...

The contract, read by the runner (`tracker.checks.run`) and the cache:

code           the flag code it raises (two checks may share one: both kinds of `jump`)
severity       the most serious severity it raises
kinds          the indicator kinds it applies to (None: all)
scope          what it reads besides its own series, which the cache key must cover:
               "series"  the indicator, its figures, their sources, the events that cover it and every
                         indicator's definition (its fields, not its figures)
               "siblings" also the figures of the other indicators of its country and producer
                         (`Ledger.siblings`: the producer's other counts)
               "release" also other indicators' figures published in the same release (and the siblings')
               "ledger"  anything in the ledger (the key is the whole ledger)
names_culprit  its problems say which figure is wrong; a jump beside such a figure is its echo
before_refit   it runs on the first fit, and the figures it names are set aside before the model is
               refitted (so that one wrong figure does not make its neighbours look wrong); it runs
               again with the others on the refit, unless its first flags stand: it named nothing, or
               what it read of the fit (judgements by figure, recorded as it reads) is the same there.
               (Reading the band, the variances or `aside` has it run again: read judgements only where they
               decide.)
               The others find those figures in `Context.aside`, to pass over when they judge a figure
               by its neighbours
thresholds     the names of the module constants it is tuned by ("module.NAME" for one of another module of
               tracker.checks); each constant's comment says where its value comes from

The order of registration is the order of the codes in reports.
"""

from __future__ import annotations

import bisect
import functools
import math
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from tracker.ledger.model import Figure, Ledger
from tracker.models.base import BAND_K, ModelFit
from tracker.series import Point, Series, claimant_key
from tracker.text.formatting import format_value, stated

SEVERITIES = ("info", "notice", "warning", "error")
TOLERANCE = {"exact": 0.01, "approx": 0.10, "at_least": 0.0, "at_most": 0.0, "range": 0.0}


@dataclass(frozen=True, slots=True)
class Flag:
    code: str
    severity: str
    indicator: str
    figures: tuple[str, ...]  # the flagged figure first, then those it is judged against
    message: str
    support: str | None = None
    score: float | None = None
    where: str = ""  # the flagged figure's file:line
    acknowledged: str | None = None  # "who: why", when a curator has accepted the flag in the ledger

    @property
    def is_problem(self) -> bool:
        return self.severity in ("warning", "error")

    @property
    def undecided(self) -> bool:
        """A conflict whose series cannot tell which figure is wrong (score 0): its first figure is named only as
        the later entry in the ledger, not as the one out of line."""
        return self.code == "conflict" and self.score == 0

    def as_dict(self) -> dict:
        return {"code": self.code, "severity": self.severity, "indicator": self.indicator,
                "figure": self.figures[0] if self.figures else None, "related": list(self.figures[1:]),
                "where": self.where, "message": self.message, "support": self.support,
                "score": None if self.score is None else round(self.score, 2), "acknowledged": self.acknowledged}


def severity_at_least(flag: Flag, level: str) -> bool:
    return SEVERITIES.index(flag.severity) >= SEVERITIES.index(level)


@dataclass(frozen=True)
class Context:
    """What a check looks at: one indicator's series in its ledger, and the model's fit of it."""

    ledger: Ledger
    series: Series
    fit: ModelFit | None = None
    k: float = BAND_K  # the detector's band half-width in standard deviations
    # figures the checks run before the refit named as wrong: the checks after it judge others without them
    aside: frozenset = frozenset()


SCOPES = ("series", "siblings", "release", "ledger")  # each covers the ones before it


@dataclass(frozen=True)
class Check:
    """A registered check and its contract (see the module's docstring)."""

    code: str
    doc: str
    func: Callable[[Context], list[Flag]]
    severity: str = "warning"
    kinds: tuple[str, ...] | None = None
    scope: str = "series"
    names_culprit: bool = False
    before_refit: bool = False
    thresholds: tuple[str, ...] = ()

    def applies(self, series: Series) -> bool:
        return self.kinds is None or series.indicator.kind in self.kinds


CHECKS: list[Check] = []


def register(code: str, doc: str, *, severity: str, kinds: tuple[str, ...] | None = None, scope: str = "series",
             names_culprit: bool = False, before_refit: bool = False, thresholds: tuple[str, ...] = ()):
    """Add a check to the run with its contract; `doc` is the one line shown by `tracker flags --help`."""
    if severity not in SEVERITIES:
        raise ValueError(f"check {code!r}: severity must be one of {', '.join(SEVERITIES)}")
    if scope not in SCOPES:
        raise ValueError(f"check {code!r}: scope must be one of {', '.join(SCOPES)}")

    def wrap(func):
        import importlib
        import sys

        def found(name: str) -> bool:  # "SLIPS" in the check's own module; "support.SAME_TIME_DAYS" in a sibling's
            where, _, const = name.rpartition(".")
            module = sys.modules[func.__module__] if not where else importlib.import_module(f"tracker.checks.{where}")
            return hasattr(module, const)

        missing = [t for t in thresholds if not found(t)]
        if missing:
            raise ValueError(f"check {code!r}: thresholds {missing} are not constants of {func.__module__}")
        CHECKS.append(Check(code, doc, func, severity, kinds, scope, names_culprit, before_refit, tuple(thresholds)))
        return func
    return wrap


def culprit_codes() -> frozenset[str]:
    """The codes of checks whose problems name the wrong figure."""
    return frozenset(c.code for c in CHECKS if c.names_culprit)


def widest_scope(checks=None) -> str:
    """The widest scope among `checks` (default: all registered)."""
    return max((c.scope for c in (CHECKS if checks is None else checks)), key=SCOPES.index, default="series")


def codes() -> tuple[str, ...]:
    """Every flag code, in registration order."""
    return tuple(dict.fromkeys(c.code for c in CHECKS))


# -- describing and comparing figures ---------------------------------------------------------


def describe(ledger: Ledger, p: Point | Figure, unit: str) -> str:
    f = p.figure if isinstance(p, Point) else p
    src = ledger.sources[f.source]
    when = f.when
    when_text = f"as of {when}" if f.as_of and not f.period and not f.as_of_defaulted else \
        f"for {when}" if f.period else f"published {src.published}" if src.published else "undated"
    via = f.claimant if claimant_key(f.claimant) == claimant_key(src.publisher) else f"{f.claimant} via {src.publisher}"
    return f"{stated(f, unit)} ({f.id}; {via}, {when_text})"


def rounded(x: float, unit: str) -> str:
    return format_value(round(x) if abs(x) >= 100 else round(x, 2), unit)


def unit_of(series: Series) -> str:
    return "share" if series.indicator.is_share else series.indicator.unit


def allowed(p: Point) -> tuple[float, float]:
    """The interval of values a figure allows, widened by its qualifier's tolerance."""
    tol = TOLERANCE.get(p.qualifier, 0.0)
    return p.lo * (1 - tol), p.hi * (1 + tol)


def consistent(a: Point, b: Point) -> bool:
    alo, ahi = allowed(a)
    blo, bhi = allowed(b)
    return alo <= bhi and blo <= ahi


def published(ledger: Ledger, f: Figure) -> date | None:
    src = ledger.sources[f.source]
    return src.published.last if src.published else None


NEIGHBOURS = 3  # the plain figures nearest in time that a figure's magnitude is judged against
# Two neighbours (a short series) that disagree by more than this factor on the series' level scale judge a figure
# by the nearer of them, not by their mean (which one wrong figure moves). 3x: AGREE_FACTOR's judgement.
PAIR_AGREE = 3


def rate_scale(series: Series, p: Point) -> float:
    """What turns a flow's value into a monthly rate (1 for other kinds)."""
    return 1 / _months(p.start, p.end) if series.indicator.kind == "flow" else 1.0


@functools.lru_cache(maxsize=1 << 16)
def _months(start, end) -> float:
    """The months a period covers (asked hundreds of thousands of times on a large ledger, of a few periods)."""
    from tracker.series import length_in

    return length_in((start, end), "month")


def comparable(series: Series, p: Point) -> float:
    """The factor that puts a figure on a scale where the series is level: a running total's average
    pace since its start, a flow's monthly rate, a stock or rate as it is."""
    ind = series.indicator
    if ind.kind == "cumulative" and ind.since is not None:
        return 1.0 / max((p.mid - ind.since.first).days, 1)
    return rate_scale(series, p)


def robust_expected(series: Series, p: Point, exclude: frozenset = frozenset()) -> float | None:
    """What the nearest other plain figures say `p` should be: the median of their comparable values,
    brought to `p`'s date. A single wrong figure cannot move a median of several; figures already found
    wrong (`exclude`) are passed over."""
    near = [q.best * comparable(series, q) for q in _nearest_plain(series, p, exclude)]
    if len(near) < 2:
        return None
    nearer = nearer_of_two(near, (p.best or 0) * comparable(series, p))
    return float(nearer if nearer is not None else statistics.median(near)) / comparable(series, p)


OVERLAP = 0.8  # periods sharing this much of the shorter one speak of the same time


def overlap_share(a: Point, b: Point) -> float:
    """The share of the shorter interval that the two have in common."""
    common = (min(a.end, b.end) - max(a.start, b.start)).days + 1
    shorter = min((a.end - a.start).days, (b.end - b.start).days) + 1
    return max(0, common) / shorter


def consulted(series: Series, p: Point, exclude: frozenset) -> frozenset[str]:
    """The ids of every figure the judgements of `p` against its neighbours read (robust_expected's nearest, two
    on each side for local_expected, between and around): setting aside a figure outside them changes none."""
    left, right = around(series, p, exclude, 2, 2)
    return frozenset(q.id for q in [*_nearest_plain(series, p, exclude), *left, *right])


def _nearest_plain(series: Series, p: Point, exclude: frozenset) -> list[Point]:
    """The NEIGHBOURS plain figures nearest `p` in time, either side, walking outwards from its date (`p` and those
    in `exclude` passed over)."""
    plain, days = series.plain, series.plain_days
    at = p.mid.toordinal()
    i = bisect.bisect_left(days, at)
    lo, hi, near = i - 1, i, []
    while len(near) < NEIGHBOURS and (lo >= 0 or hi < len(days)):
        if hi >= len(days) or (lo >= 0 and at - days[lo] <= days[hi] - at):
            j, lo = lo, lo - 1
        else:
            j, hi = hi, hi + 1
        if plain[j].id != p.id and plain[j].id not in exclude:
            near.append(plain[j])
    return near


def around(series, p, exclude: frozenset, before: int, after: int) -> tuple[list, list]:
    """Up to `before` plain figures before `p` in time and `after` after it (nearest first), passing over `p`,
    figures at its date and those in `exclude`: a bisection, not a scan (a ledger of 10,000 figures asks often)."""
    plain, days, at = series.plain, series.plain_days, p.mid.toordinal()
    left, right = [], []
    i = bisect.bisect_left(days, at) - 1
    while i >= 0 and len(left) < before:
        if plain[i].id not in exclude and plain[i].best:
            left.append(plain[i])
        i -= 1
    j = bisect.bisect_right(days, at)
    while j < len(plain) and len(right) < after:
        if plain[j].id not in exclude and plain[j].best:
            right.append(plain[j])
        j += 1
    return left, right


def local_expected(series, p, exclude: frozenset) -> float | None:
    """What the figures just before and just after `p` in time say it should be, on the series' level scale,
    interpolated geometrically to its date: a count that grows tenfold over a year is judged by its own season,
    not by the pace of the whole series. None at an end of the series (the median judges there)."""
    at = p.mid.toordinal()
    left, right = around(series, p, exclude, 2, 2)
    if not left or not right:
        return None
    if _lone_apart(series, left, right):  # one pair, or every guess shares a lone figure the other side's two
        # disagree with: one of the nearest two may be wrong
        nearer = nearer_of_two([q.best * comparable(series, q) for q in (left[0], right[0])],
                               (p.best or 0) * comparable(series, p))
        if nearer is not None:
            return nearer / comparable(series, p)
    # each pair of one of the two figures before and one of the two after: one wrong neighbour moves at most half
    guesses = [g for a in left for b in right if (g := geometric(series, a, b, at)) is not None]
    return float(statistics.median(guesses)) / comparable(series, p) if guesses else None


def within(a: float, b: float, factor: float) -> bool:
    """Whether two positive values are within `factor` of each other."""
    return a > 0 and b > 0 and max(a / b, b / a) <= factor


def sides_with(series: Series, p: Point, twins: frozenset, aside: frozenset = frozenset()) -> bool:
    """Whether the plain figure nearest `p` in time (passing over those at its date and its `twins`, the figures
    for its time it cannot be true with) is within PAIR_AGREE of `p` on the series' level scale and further than
    that from each twin: of two figures for one time, the one the series' next figure sides with is not the one
    out of line (at the end of a count that quickens, the figure just before judges it, not a median of older ones
    that lags it). Figures `aside` (already named wrong) are passed over too."""
    at = p.mid.toordinal()
    near = sorted(sum(around(series, p, twins | aside, 1, 1), []), key=lambda q: (abs(q.mid.toordinal() - at), q.id))
    if not near or not p.best:
        return False
    level = near[0].best * comparable(series, near[0])

    def agrees(q: Point) -> bool:
        return within((q.best or 0) * comparable(series, q), level, PAIR_AGREE)

    return agrees(p) and not any(agrees(q) for q in series.plain if q.id in twins)


def _lone_apart(series: Series, left: list, right: list) -> bool:
    """One figure on each side; or one on a side, out of line (PAIR_AGREE) with both of the other side's two, which
    agree with each other (the Navy's 35 filed as the Army's 2008, after 2,715 and 2,330)."""
    if len(left) == 1 and len(right) == 1:
        return True
    if len(left) + len(right) != 3:
        return False
    (lone,), pair = (left, right) if len(left) == 1 else (right, left)
    v, (a, b) = lone.best * comparable(series, lone), (q.best * comparable(series, q) for q in pair)
    if min(v, a, b) <= 0 or max(a, b) > PAIR_AGREE * min(a, b):
        return False
    return all(max(v / w, w / v) > PAIR_AGREE for w in (a, b))


def between(series: Series, p: Point, exclude: frozenset = frozenset()) -> float | None:
    """What a running total's plain figures just before and just after `p` imply for its date (a straight
    line between them: the pace of the time, not the average since the start; at an end of the series, the
    line through the two nearest carried on); other kinds by the figures on both sides of it (local_expected:
    one wrong neighbour moves at most half of its guesses), at an end by the trend of the two nearest carried on
    (geometrically), else by the nearest (robust_expected)."""
    if series.indicator.kind == "cumulative":
        left, right = around(series, p, exclude, 2, 2)  # nearest first
        pair = (left[0], right[0]) if left and right else _end_pair(left, right)  # at an end: the pace carried on
        if pair:
            at, (q0, q1), (t0, t1) = p.mid.toordinal(), pair, (pair[0].mid.toordinal(), pair[1].mid.toordinal())
            if t1 > t0:
                return max(q0.best + (q1.best - q0.best) * (at - t0) / (t1 - t0), 0.0) or None
    return local_expected(series, p, exclude) or _carried_level(series, p, exclude) or \
        robust_expected(series, p, exclude)


def _end_pair(left: list, right: list) -> tuple | None:
    """At an end of a series (figures on one side only), the two nearest there, earlier first: the pair whose trend
    is carried on to the end."""
    if not left and len(right) == 2:
        return tuple(right)
    if not right and len(left) == 2:
        return left[1], left[0]
    return None


def _carried_level(series: Series, p: Point, exclude: frozenset) -> float | None:
    """At an end of a rate or flow, the trend of the two nearest figures carried on to `p`'s date, geometrically
    (a count that grows from 718 to 929 a month in three months was about 280 a year before)."""
    pair = _end_pair(*around(series, p, exclude, 2, 2))
    level = geometric(series, *pair, p.mid.toordinal()) if pair is not None else None
    return level / comparable(series, p) if level is not None else None


def geometric(series: Series, a: Point, b: Point, at: int) -> float | None:
    """The line through two figures on the series' level scale, drawn on a log scale, at day `at` (between them or
    carried on past them); None when they share a date or either is not positive."""
    ta, tb = a.mid.toordinal(), b.mid.toordinal()
    va, vb = a.best * comparable(series, a), b.best * comparable(series, b)
    if ta == tb or va <= 0 or vb <= 0:
        return None
    return math.exp(math.log(va) + (math.log(vb) - math.log(va)) * (at - ta) / (tb - ta))


def nearer_of_two(values: list[float], own: float) -> float | None:
    """Of two values on the series' level scale that disagree by more than PAIR_AGREE, the one nearer `own`
    (a figure's own value on that scale): two that disagree cannot say which of them is out of line, so a figure
    judged by the nearer is out of line only when it is so with both. None otherwise."""
    if len(values) != 2 or own <= 0 or min(values) <= 0 or max(values) <= PAIR_AGREE * min(values):
        return None
    return min(values, key=lambda v: abs(math.log(v / own)))


STEADIER = 1.25  # one pace sequence this much steadier than the other decides which figure is out (judgement)
SAME_NUMBER = 0.005  # values this close are the same number printed twice (rounding of the last digit)


def roughness(series: Series, without: str) -> float:
    """How unsteady a running total's pace is without one figure: the sum of the changes (in log) between the
    paces its plain figures imply from one to the next, starting at zero on its `since` date. A quickening count
    changes pace one way; a wrong figure makes it spike and stall (or stall and leap). Computed once per figure
    and series."""
    memo = series.memo
    if ("roughness", without) not in memo:
        memo["roughness", without] = _roughness(series, without)
    return memo["roughness", without]


def _roughness(series: Series, without: str) -> float:
    ind = series.indicator
    pts = [(q.mid.toordinal(), q.best) for q in series.plain if q.id != without and q.best is not None]
    # a lower bound above every plain figure before it says the count had grown at least that far by its date
    floors = sorted((q.mid.toordinal(), q.lo) for q in series.points if q.echo_of is None and q.id != without
                    and q.qualifier == "at_least" and q.lo)
    for t, v in floors:
        before = [x for u, x in pts if u <= t]
        if before and v > max(before):
            pts.append((t, v))
    pts.sort()
    if ind.since is not None:
        pts.insert(0, (ind.since.first.toordinal(), 0.0))
    times = [pts[0]] if pts else []
    for t, v in pts[1:]:  # the same count told twice, or on one day, implies no pace
        if t > times[-1][0] and abs(v - times[-1][1]) > SAME_NUMBER * times[-1][1]:
            times.append((t, v))
    steps = [(v1 - v0) / (t1 - t0) for (t0, v0), (t1, v1) in zip(times, times[1:])]
    floor = max(steps, default=1.0) * 1e-3 or 1e-9  # a fall: a pace of almost nothing, not a negative one
    logs = [math.log(max(x, floor)) for x in steps]
    return sum(abs(y - x) for x, y in zip(logs, logs[1:]))
