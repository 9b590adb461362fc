"""Run every registered check on every indicator, in parallel and cached; collect the flags.

A jump is *supported*, and reported below any problem, when another claimant
reports a consistent value for the same time, when the figure comes from its
claimant's own publication, or when an event between the previous figure and
this one covers the indicator. Echoes of one claimant never support each other.
Only accepted figures are checked or used; a curator silences a flag by adding
support or by marking the figure rejected with a note.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from tracker._infra.pool import SHARED, fork_map
from tracker.checks.bands import monotone_band, shown
from tracker.checks.base import CHECKS, SEVERITIES, Context, Flag, codes, culprit_codes, widest_scope
from tracker.checks.jumps import observations
from tracker.ledger.model import Ledger
from tracker.models import Detector, ModelFit, get_detector
from tracker.series import Series

# Each family registers its checks on import; this order is the order of codes in reports.
FAMILIES = ("jumps", "consistency", "totals", "claims", "definition")
for _family in FAMILIES:
    importlib.import_module(f"tracker.checks.{_family}")


@dataclass(frozen=True)
class CheckResult:
    """The flags, in a stable order, and each indicator's model fit (for bands on charts).

    `flags` leaves out those a curator has acknowledged in the ledger; they are in `acknowledged`."""

    flags: tuple[Flag, ...]
    fits: dict
    acknowledged: tuple[Flag, ...] = ()
    # the series by indicator (Ledger.series: each built when first asked for), for the band's policy of those checked
    series: Mapping = field(default_factory=dict)

    def __iter__(self):
        return iter(self.flags)

    def __len__(self) -> int:
        return len(self.flags)

    def frame(self, acknowledged: bool = False):
        """One row per flag (with `acknowledged=True`, the acknowledged ones too)."""
        import pandas as pd

        cols = ["code", "severity", "indicator", "figure", "related", "where", "message", "support", "score",
                "acknowledged"]
        rows = self.flags + (self.acknowledged if acknowledged else ())
        return pd.DataFrame([f.as_dict() for f in rows], columns=cols)

    def problems(self) -> tuple[Flag, ...]:
        return tuple(f for f in self.flags if f.is_problem)

    def flagged(self) -> dict[str, list[str]]:
        """The figures a problem names as out of line, each with its codes (the marks on charts)."""
        out: dict[str, list[str]] = {}
        for fl in self.flags:
            if fl.is_problem and fl.figures:
                codes = out.setdefault(fl.figures[0], [])
                if fl.code not in codes:
                    codes.append(fl.code)
        return out

    def bands(self) -> dict:
        """Each modelled indicator's expected band where it says something (tracker.checks.bands.shown), as a
        DataFrame of date, low, mid, high: what a chart draws."""
        out = {}
        for ind, fit in self.fits.items():
            band = shown(fit.band, self.series[ind]) if fit is not None and ind in self.series else None
            if band is not None:
                out[ind] = band
        return out


def check_series(ledger: Ledger, series: Series,
                 detector: Detector | None = None) -> tuple[list[Flag], ModelFit | None]:
    """Fit the model to one series and run every registered check that applies to it."""
    detector = detector or get_detector()
    obs = observations(series)
    fit = detector.fit(obs) if len(obs) >= 2 else None
    fit, done, slips = _without_slips(ledger, series, obs, fit, detector)
    if fit is not None and series.indicator.kind == "cumulative":
        fit = replace(fit, band=monotone_band(fit.band, series))  # a running total's band never falls
    ctx = Context(ledger, series, fit, detector.k, slips)
    flags: list[Flag] = []
    for c in CHECKS:
        if c.applies(series):
            flags += done[c.func].flags if c.func in done and done[c.func].stands(fit) else c.func(ctx)
    return _one_culprit(series, _dedupe(flags)), fit


class _Reading:
    """A fit as a check run before the refit reads it: the judgements it read (by figure id) and whether it read
    anything else (the band, the variances, the context's `aside`), so that its flags can stand after the refit
    when the refit changed nothing it read (on a noisy ledger most series are refitted; the checks run before
    the refit mostly read no judgement at all)."""

    def __init__(self, fit: ModelFit):
        self._fit, self.read, self.opaque = fit, {}, False
        self.judgements = _ReadJudgements(fit.judgements, self)

    def __getattr__(self, name: str):
        self.opaque = True
        return getattr(self._fit, name)


class _ReadJudgements(dict):
    """The judgements, each read recorded by its owner (_Reading); iterating over them reads them all."""

    def __init__(self, judgements: dict, owner: _Reading):
        super().__init__(judgements)
        self._owner = owner


def _reads_one(name: str):
    def method(self, key, *rest):
        self._owner.read[key] = dict.get(self, key)
        return getattr(dict, name)(self, key, *rest)
    return method


def _reads_all(name: str):
    def method(self):
        self._owner.opaque = True
        return getattr(dict, name)(self)
    return method


for _name in ("get", "__getitem__", "__contains__"):
    setattr(_ReadJudgements, _name, _reads_one(_name))
for _name in ("__iter__", "keys", "values", "items"):
    setattr(_ReadJudgements, _name, _reads_all(_name))


class _ReadContext(Context):
    """A Context whose reads of `aside` are recorded by its fit (_Reading): empty before the refit, not after."""

    def __getattribute__(self, name: str):
        if name == "aside":
            object.__getattribute__(self, "fit").opaque = True
        return object.__getattribute__(self, name)


@dataclass(frozen=True)
class _Done:
    """A check's flags on the first fit, with what of the fit it read."""

    flags: list[Flag]
    reading: _Reading

    def stands(self, fit: ModelFit | None) -> bool:
        """Whether the flags hold on `fit` too: it read nothing but judgements, and those are the same in `fit`."""
        r = self.reading
        if fit is r._fit:
            return True
        return fit is not None and not r.opaque and all(fit.judgements.get(k) == j for k, j in r.read.items())


def _one_culprit(series: Series, flags: list[Flag]) -> list[Flag]:
    """One wrong figure, one problem: a wrong figure puts its neighbours out of line with the model too, so a
    jump on a figure next to one already named as wrong is reported as that figure's echo (info), not as a
    second problem."""
    # the checks that say which figure's value is wrong (a definition flag says what a quote counts: a figure filed
    # under the wrong indicator does not put its neighbours' values out of line)
    naming = culprit_codes() - {"definition"}
    culprits = {f.figures[0] for f in flags if f.code in naming and f.is_problem and not f.undecided}
    if not culprits:
        return flags
    # named by a check other than a conflict: a conflict with such a figure is its echo
    named = {f.figures[0] for f in flags if f.code in naming and f.code != "conflict" and f.is_problem}
    otherwise = {f.figures[0] for f in flags if f.code in naming and f.code != "decrease" and f.is_problem
                 and not f.undecided}
    ordered = [p.id for p in sorted(series.independent(), key=lambda q: (q.mid, q.id))]
    beside = {fid: set(ordered[max(0, i - 1):i] + ordered[i + 1:i + 2]) for i, fid in enumerate(ordered)}
    out = []
    for f in flags:
        fid = f.figures[0] if f.figures else None
        near = beside.get(fid, set()) & culprits
        if f.code == "jump" and f.severity == "warning" and fid not in culprits and near:
            f = replace(f, severity="info", support=f"its neighbour {sorted(near)[0]} is named as out of line")
        elif f.code == "conflict" and f.is_problem and fid not in named and set(f.figures[1:]) & named:
            f = replace(f, severity="info", support=f"the other figure {f.figures[1]} is named as out of line")
        elif f.code == "decrease" and f.is_problem and fid not in otherwise and set(f.figures[1:]) & otherwise:
            # the fall from (or to) a figure another check names as the wrong one (a same-time conflict: "over
            # 107,000" beside the same release's 10,702) is that figure's: the total on the fall's other side is its
            # echo
            f = replace(f, severity="info", support=f"the other figure {f.figures[1]} is named as out of line")
        elif f.code == "stale" and f.is_problem and fid not in culprits and set(f.figures[1:]) & culprits:
            f = replace(f, severity="info", support=f"the newer figure {f.figures[1]} is named as out of line")
        out.append(f)
    return out


def _without_slips(ledger: Ledger, series: Series, obs, fit,
                   detector) -> tuple[ModelFit | None, dict, frozenset]:
    """A fit in which figures already named as wrong by the checks that run before the refit (a slip by
    10, 100 or 1,000; the one a running total's fall points at; another indicator's value) are set aside,
    so that the rest are judged without them (a wrong figure must not make its neighbours look wrong); the
    set-aside figures keep the judgement that found them. With the fit, the flags of the checks run on the first
    fit (each with what it read of it: _Done), and the figures set aside."""
    if fit is None:
        return None, {}, frozenset()
    done = {}
    for c in CHECKS:
        if c.before_refit and c.applies(series):
            reading = _Reading(fit)
            done[c.func] = _Done(c.func(_ReadContext(ledger, series, reading, detector.k)), reading)
    slips = frozenset(f.figures[0] for found in done.values() for f in found.flags)
    keep = [i for i, fid in enumerate(obs.ids) if fid not in slips]
    if not slips or len(keep) < 2:
        return fit, done, slips  # the fit stands: those checks' flags stand with it (the band plays no part)
    rest = detector.refit(obs.subset(keep), fit)
    # on the refit, each of those checks runs again unless it read nothing the refit changed (_Done.stands)
    return replace(rest, judgements={**rest.judgements, **{i: fit.judgements[i] for i in slips}}), done, slips


def _dedupe(flags: list[Flag]) -> list[Flag]:
    """One jump flag per figure: a magnitude slip, else the model's jump, else the implied rate's."""
    seen, out = set(), []
    for f in flags:
        key = ("jump", f.figures[0]) if f.code in ("jump", "magnitude") else (f.code, f.figures)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _check_one(ind_id: str):
    sh = SHARED
    result = check_series(sh["ledger"], sh["series"][ind_id], sh["detector"])
    if ind_id in sh["keys"]:  # cached where it was made: in the workers, side by side
        from tracker._infra import cache as _cache

        _cache.put("flags", sh["keys"][ind_id], result)
    return ind_id, result


def check(ledger: Ledger, indicators: list[str] | None = None, detector: Detector | str | None = None,
          cache: bool = False, workers: int | None = None) -> CheckResult:
    """Run every check on every indicator (or those named); return the flags and the model fits.

    With cache=True an indicator whose figures, sources, events and checking code are unchanged
    takes its flags from the cache (tracker._infra.cache). Indicators are checked on `workers` processes
    (default: the machine's cores) when there are many; the result does not depend on either.
    """
    from tracker._infra import cache as _cache

    cache = cache and _cache.cache_dir() is not None  # off (TRACKER_NO_CACHE): no keys to compute either
    name = detector if isinstance(detector, str) else getattr(detector, "name", "default")
    detector = get_detector(detector) if isinstance(detector, str) else detector or get_detector()
    # each series is built where it is first asked for (Ledger.series): with the cache off, in the worker that checks
    # it, not all of them here before the workers start (0.65 s of a 10,000-figure ledger, one core)
    series = ledger.series
    wanted = [series[i].indicator.id for i in indicators] if indicators else list(series)
    salt = _cache.code_hash() + name + repr(vars(detector))
    scopes = {i: widest_scope([c for c in CHECKS if c.applies(series[i])]) for i in wanted} if cache else {}
    keys = _cache.series_keys(ledger, dict(series), salt, scopes) if cache else {}
    results = {i: hit for i in wanted if cache and (hit := _cache.get("flags", keys[i])) is not None}
    # the indicators with the most figures first, so that no worker is left with a long series at the end
    size = Counter(f.indicator for f in ledger.figures)
    todo = sorted((i for i in wanted if i not in results), key=lambda i: -size[i])
    if todo:
        detector.prepare()
    results.update(fork_map(_check_one, todo, {"ledger": ledger, "series": series, "detector": detector,
                                               "keys": keys}, workers, serial_below=8))
    flags, fits = [], {}
    for ind_id in wanted:
        found, fits[ind_id] = results[ind_id]
        flags.extend(found)
    order = {i: n for n, i in enumerate(series)}
    code_at = {c: n for n, c in enumerate(codes())}
    severity_at = {s: n for n, s in enumerate(SEVERITIES)}
    flags.sort(key=lambda f: (-severity_at[f.severity], order[f.indicator], code_at[f.code], f.figures))
    return _with_places(ledger, flags, fits, series)  # lazy: a chart's bands build theirs, `tracker flags` none


def _with_places(ledger: Ledger, flags: list[Flag], fits: dict, series: Mapping) -> CheckResult:
    """Each flag with its figure's file:line; those the ledger acknowledges set apart."""
    where, acks = {}, {}
    for f in ledger.figures:
        where[f.id] = f.location
        for code, by, why in f.acknowledged:
            acks[(f.id, code)] = f"{by}: {why}"
    shown, acknowledged = [], []
    for fl in flags:
        fid = fl.figures[0] if fl.figures else ""
        ack = acks.get((fid, fl.code))
        fl = replace(fl, where=where.get(fid, ""), acknowledged=ack)
        (acknowledged if ack else shown).append(fl)
    return CheckResult(tuple(shown), fits, tuple(acknowledged), series)
