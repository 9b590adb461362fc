"""Models of a series' level over time, behind one small interface.

A detector fits an `Observations` (figures on a time axis, with their allowed
ranges) and returns, per figure, where the model expected it (from the figures
before it) and a score, plus an expected band to draw. Detectors live in
REGISTRY so another can be swapped in and compared (`benchmarks/`).

The default, `StateSpace`, is statsmodels' UnobservedComponents on a monthly
grid with missing months, on the log scale: a local linear trend for running
totals, a local level otherwise. Each figure is judged by its one-step-ahead
standardised innovation. With few figures the variances are fixed (they cannot
be estimated from three points); from MIN_FIT observed months on they are
estimated by maximum likelihood and kept within bounds.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

MIN_FIT = 15  # observed grid cells before variances are estimated
DAYS_PER_CELL = 7.0  # a weekly grid
DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True)
class Observations:
    """Figures on a time axis: t in days (any origin), best value and allowed [lo, hi]."""

    ids: tuple[str, ...]
    t: np.ndarray
    best: np.ndarray
    lo: np.ndarray  # lowest value the figure allows (0 for at_most)
    hi: np.ndarray  # highest value it allows (inf for at_least)
    qualifiers: tuple[str, ...]
    trend: bool = False  # a running total: model a growth rate as well as a level
    log: bool = True  # model log values (counts); False for values that may be <= 0
    width: np.ndarray | None = None  # days each figure's date spans (a month-dated figure: about 30)

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class Judgement:
    """Where the model expected a figure, from the figures before it (natural scale)."""

    id: str
    expected: float  # the one-step-ahead prediction
    lower: float  # band: prediction -/+ k standard deviations
    upper: float
    z: float  # how many standard deviations the figure lies outside what it allows; 0 inside, nan unjudged
    direction: int = 0  # +1 figure above the band, -1 below


@dataclass(frozen=True)
class ModelFit:
    judgements: dict[str, Judgement]
    band: pd.DataFrame  # columns t, low, mid, high (natural scale), one row per grid cell
    detector: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)
    breaks: np.ndarray | None = None  # per grid cell: standardised level disturbance (a break after it)
    params: np.ndarray | None = None  # the variances used (irregular, level[, trend])


class Detector:
    """The interface: fit observations, return judgements and a band."""

    name = "base"
    k = 3.0  # band half-width in standard deviations

    def fit(self, obs: Observations) -> ModelFit:  # pragma: no cover - interface
        raise NotImplementedError


def _judge(i: int, obs: Observations, mean: float, sd: float, k: float, fwd) -> Judgement:
    """Compare a figure's allowed range with the prediction mean +/- k sd (on the model's scale)."""
    lo_v, hi_v = obs.lo[i], obs.hi[i]
    if obs.log:
        lo_s = math.log(lo_v) if lo_v > 0 else -math.inf
        hi_s = math.log(hi_v) if hi_v > 0 else -math.inf
    else:
        lo_s, hi_s = lo_v, hi_v
    if not math.isfinite(mean) or not math.isfinite(sd) or sd <= 0:
        return Judgement(obs.ids[i], math.nan, math.nan, math.nan, math.nan)
    if lo_s > mean:
        z, d = (lo_s - mean) / sd, 1
    elif hi_s < mean:
        z, d = (mean - hi_s) / sd, -1
    else:
        z, d = 0.0, 0
    return Judgement(obs.ids[i], fwd(mean), fwd(mean - k * sd), fwd(mean + k * sd), z, d)


class StateSpace(Detector):
    """statsmodels UnobservedComponents (local level, or local linear trend for running totals)."""

    name = "state-space"

    def __init__(self, k: float = 3.0, cell_days: float = DAYS_PER_CELL, fixed: dict | None = None,
                 min_fit: int = MIN_FIT):
        self.k = k
        self.cell_days = cell_days
        self.fixed = fixed
        self.min_fit = min_fit

    def _defaults(self, obs: Observations, scale: float) -> dict:
        """Variances per grid cell, set per month on the log scale: 3-5% noise; a running total's level
        may move by about 10% and its growth rate by about 0.05 a month; other levels by about 15%."""
        per_cell = self.cell_days / DAYS_PER_MONTH
        if not obs.log:  # any real-valued series: noise about half the variance of its differences
            return {"irregular": scale ** 2 / 2, "level": (0.1 * scale) ** 2, "trend": (0.01 * scale) ** 2}
        if obs.trend:
            return {"irregular": (0.03 * scale) ** 2, "level": (0.10 * scale) ** 2 * per_cell,
                    "trend": (0.05 * scale) ** 2 * per_cell ** 2}
        return {"irregular": (0.05 * scale) ** 2, "level": (0.15 * scale) ** 2 * per_cell}

    def fit(self, obs: Observations) -> ModelFit:
        """Fit, then set aside the worst outlier and refit, until none is left (at most a third of the
        figures), so one wrong figure does not make its neighbours look wrong."""
        excluded: set[int] = set()
        kept: dict[str, Judgement] = {}  # a figure set aside keeps the judgement that set it aside
        fit = self._fit_once(obs, excluded)
        for _ in range(max(1, len(obs) // 3)):
            worst = max((i for i in range(len(obs)) if i not in excluded
                         and np.isfinite(fit.judgements[obs.ids[i]].z)),
                        key=lambda i: fit.judgements[obs.ids[i]].z, default=None)
            if worst is None or fit.judgements[obs.ids[worst]].z <= self.k:
                break
            trial = self._fit_once(obs, excluded | {worst}, params=fit.params)  # same variances, no new search
            if trial.band.empty:
                break
            excluded.add(worst)
            kept[obs.ids[worst]] = fit.judgements[obs.ids[worst]]
            fit = trial
        if kept:
            fit = ModelFit({**fit.judgements, **kept}, fit.band, fit.detector,
                           fit.notes + (f"{len(kept)} outlier(s) set aside and refitted",), fit.breaks, fit.params)
        return fit

    def _estimate(self, model, y: np.ndarray, start: np.ndarray, spec: str, log: bool) -> np.ndarray:
        """Maximum-likelihood variances, kept within a factor of the defaults for ledger series.

        A weekly ledger grid is mostly empty; the variances are estimated on the same figures
        by month (four times fewer filter steps) and scaled back to weeks."""
        from statsmodels.tsa.statespace.structural import UnobservedComponents

        room = 16.0 if log else 1e4  # ledger series: stay near the defaults
        step = round(DAYS_PER_MONTH / self.cell_days) if log else 1
        if step > 1:
            n = -(-len(y) // step)
            padded = np.full(n * step, np.nan)
            padded[:len(y)] = y
            blocks = padded.reshape(n, step)
            with np.errstate(invalid="ignore"):
                coarse = np.where(np.isnan(blocks).all(axis=1), np.nan, np.nanmean(blocks, axis=1))
            factor = np.array([1.0, step, step ** 2][:len(start)])  # irregular, level, trend per cell
            fitted = UnobservedComponents(coarse, level=spec).fit(start_params=start * factor, disp=False,
                                                                  maxiter=40)
            est = np.asarray(fitted.params) / factor
        else:
            est = np.asarray(model.fit(start_params=start, disp=False, maxiter=200).params)
        return np.clip(est, start / room, start * room)

    def _fit_once(self, obs: Observations, excluded: set[int], params: np.ndarray | None = None) -> ModelFit:
        from statsmodels.tsa.statespace.structural import UnobservedComponents

        n = len(obs)
        finite = np.isfinite(obs.best) & ((obs.best > 0) if obs.log else True)
        usable = np.array([q in ("exact", "approx", "range") for q in obs.qualifiers]) & finite
        if usable.sum() < 3:  # too few plain values: bounds join the fit as rough values
            usable = finite.copy()
        for i in excluded:
            usable[i] = False
        fwd = (lambda x: float(math.exp(min(x, 700.0)))) if obs.log else float
        if usable.sum() < 2:
            return ModelFit({i: Judgement(i, math.nan, math.nan, math.nan, math.nan) for i in obs.ids},
                            pd.DataFrame(columns=["t", "low", "mid", "high"]), self.name,
                            ("fewer than two plain values: nothing to model",))
        t0 = float(np.min(obs.t))
        cells = np.floor((obs.t - t0) / self.cell_days).astype(int)
        ncell = int(cells.max()) + 1
        y = np.full(ncell, np.nan)
        values = np.log(obs.best) if obs.log else obs.best.astype(float)
        for c in np.unique(cells[usable]):
            y[c] = float(np.mean(values[usable & (cells == c)]))
        scale = 1.0 if obs.log else float(np.nanstd(np.diff(y[~np.isnan(y)])) or np.nanstd(y) or 1.0)
        spec = "local linear trend" if obs.trend else "local level"
        defaults = dict(self.fixed or self._defaults(obs, scale))
        notes = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = UnobservedComponents(y, level=spec)
            names = model.param_names  # sigma2.irregular, sigma2.level[, sigma2.trend]
            start = np.array([defaults[nm.split(".")[1]] for nm in names])
            observed = int((~np.isnan(y)).sum())
            if params is not None:
                start = np.asarray(params)
                notes.append("variances kept from the first fit")
            elif observed >= self.min_fit and self.fixed is None:
                try:
                    start = self._estimate(model, y, start, spec, obs.log)
                    notes.append(f"variances estimated from {observed} observed cells")
                except (ValueError, np.linalg.LinAlgError):
                    notes.append("estimation failed; default variances used")
            else:
                notes.append(f"variances fixed ({observed} cells observed)")
            res = model.smooth(start)
        h = float(start[0])
        level = np.asarray(res.smoothed_state[0])
        level_var = np.asarray(res.smoothed_state_cov[0, 0])
        eps = np.asarray(res.smoothed_measurement_disturbance[0])
        eps_post = np.asarray(res.smoothed_measurement_disturbance_cov[0, 0])
        # Leave-one-out prediction of each observed cell from all the others (Harvey & Koopman's
        # auxiliary residuals): var(eps_hat) = H - posterior var; LOO mean = y - eps_hat * H / var(eps_hat).
        loo_mean = np.full(ncell, np.nan)
        loo_var = np.full(ncell, np.nan)
        for c in range(ncell):
            if np.isnan(y[c]):
                loo_mean[c], loo_var[c] = level[c], level_var[c] + h
            else:
                v = h - eps_post[c]
                if v > 1e-12 * max(h, 1e-12):
                    loo_mean[c], loo_var[c] = y[c] - eps[c] * h / v, h * h / v
        judgements = {}
        big = 25.0 if obs.log else 1e4 * scale ** 2  # a prediction this vague judges nothing
        for i in range(n):
            c = cells[i]
            mean, var = loo_mean[c], loo_var[c]
            if not np.isnan(y[c]) and (not usable[i] or np.sum(usable & (cells == c)) > 1):
                # other figures make up this week's value: judge against the smoothed level there
                mean, var = level[c], level_var[c] + h
            if not np.isfinite(var) or var > big or var <= 0:
                judgements[obs.ids[i]] = Judgement(obs.ids[i], math.nan, math.nan, math.nan, math.nan)
                continue
            extra = (0.05 * scale) ** 2 if obs.qualifiers[i] == "approx" else 0.0
            if obs.width is not None and obs.width[i] > self.cell_days:
                # dated to a month or a year: where in it is unknown
                extra += (0.05 * scale * obs.width[i] / DAYS_PER_MONTH) ** 2
            judgements[obs.ids[i]] = _judge(i, obs, float(mean), math.sqrt(float(var) + extra), self.k, fwd)
        rows = []
        for c in range(ncell):
            var = level_var[c] + h
            if not np.isfinite(var) or var > big or var <= 0:
                continue
            sd = math.sqrt(var)
            rows.append({"t": t0 + (c + 0.5) * self.cell_days, "low": fwd(level[c] - self.k * sd),
                         "mid": fwd(level[c]), "high": fwd(level[c] + self.k * sd)})
        band = pd.DataFrame(rows, columns=["t", "low", "mid", "high"])
        # Breaks: standardised smoothed disturbances of the level (a shift) and, with a trend, of the
        # growth rate (a bend); the larger of the two for each cell.
        breaks = np.zeros(ncell)
        for j in range(len(start) - 1):
            q = float(start[1 + j])
            eta = np.asarray(res.smoothed_state_disturbance[j])
            eta_var = q - np.asarray(res.smoothed_state_disturbance_cov[j, j])
            with np.errstate(invalid="ignore", divide="ignore"):
                r = np.where(eta_var > 1e-12 * max(q, 1e-12), eta / np.sqrt(np.abs(eta_var)), 0.0)
            breaks = np.maximum(breaks, np.abs(np.nan_to_num(r)))
        return ModelFit(judgements, band, self.name, tuple(notes), breaks, np.asarray(start))


class RatioRule(Detector):
    """A simple rule where no model is identifiable: each figure against the median of its neighbours.

    A figure more than `factor` times above or below the median of the other plain
    values within `window_days` is out of line. Used for comparison in benchmarks.
    """

    name = "ratio-rule"

    def __init__(self, factor: float = 2.0, window_days: float = 365.0):
        self.factor = factor
        self.window = window_days

    def fit(self, obs: Observations) -> ModelFit:
        judgements = {}
        plain = np.array([q in ("exact", "approx") for q in obs.qualifiers])
        for i in range(len(obs)):
            near = plain & (np.abs(obs.t - obs.t[i]) <= self.window)
            near[i] = False
            if not near.any():
                judgements[obs.ids[i]] = Judgement(obs.ids[i], math.nan, math.nan, math.nan, math.nan)
                continue
            med = float(np.median(obs.best[near]))
            lo, hi = med / self.factor, med * self.factor
            z, d = 0.0, 0
            if obs.lo[i] > hi:
                z, d = 3.0 * obs.lo[i] / hi, 1
            elif obs.hi[i] < lo:
                z, d = 3.0 * lo / max(obs.hi[i], 1e-9), -1
            judgements[obs.ids[i]] = Judgement(obs.ids[i], med, lo, hi, z, d)
        return ModelFit(judgements, pd.DataFrame(columns=["t", "low", "mid", "high"]), self.name)


def change_points(values, k: float | None = None, min_gap: int = 3, trend: bool = True) -> list[int]:
    """Indices where a regularly spaced series shifts level or bends: the state-space model's
    standardised smoothed disturbances of level and growth rate beyond k, one per cluster (the
    largest). Index i means a new segment starts at i. The default k, sqrt(2 ln n), is about where
    the largest of n standard normal values lies, so longer series need stronger evidence."""
    y = np.asarray(values, dtype=float)
    n = len(y)
    if n < 4 or not np.all(np.isfinite(y)) or np.std(y) == 0:
        return []
    y = (y - np.mean(y)) / np.std(y)  # units do not matter; very large values upset the filter
    k = math.sqrt(2 * math.log(n)) if k is None else k
    t = np.arange(n, dtype=float)
    obs = Observations(ids=tuple(str(i) for i in range(n)), t=t, best=y, lo=y, hi=y,
                       qualifiers=("exact",) * n, trend=trend, log=False)
    fit = StateSpace(k=k, cell_days=1.0)._fit_once(obs, set())
    r = np.abs(np.nan_to_num(fit.breaks[:n - 1]))
    candidates = [i for i in np.argsort(-r) if r[i] > k]
    chosen: list[int] = []
    for i in candidates:
        if all(abs(i - j) >= min_gap for j in chosen):
            chosen.append(int(i))
    return sorted(i + 1 for i in chosen)


REGISTRY: dict[str, type[Detector]] = {StateSpace.name: StateSpace, RatioRule.name: RatioRule}
DEFAULT = StateSpace.name


def get_detector(name: str = DEFAULT, **kwargs) -> Detector:
    try:
        return REGISTRY[name](**kwargs)
    except KeyError:
        raise KeyError(f"unknown detector '{name}'; known: {', '.join(REGISTRY)}") from None
