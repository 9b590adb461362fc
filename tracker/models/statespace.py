"""The default detector: statsmodels' UnobservedComponents on a weekly grid, on the log scale.

A local linear trend for running totals, a local level otherwise; weeks without a
figure are missing values. Each figure is judged by its leave-one-out prediction
from the Kalman smoother (Harvey and Koopman's auxiliary residuals), so a wrong
first figure is caught as well as a wrong last one. The worst outlier is set aside
and the model refitted, so one wrong figure does not make its neighbours look
wrong. With fewer than MIN_FIT observed weeks the variances are fixed (a local level's
from the series' own moves, when it has a few: _own_pace); from then on they are
estimated (on the same figures by month) and kept near the defaults.
"""

from __future__ import annotations

import dataclasses
import math
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from tracker.models.base import (
    BAND_K,
    DAYS_PER_CELL,
    DAYS_PER_MONTH,
    EMPTY_BAND_COLUMNS,
    MIN_FIT,
    Detector,
    Judgement,
    ModelFit,
    Observations,
    _judge,
    unjudged,
)

ROBUST_ROUNDS = 4  # refits that set outliers aside, at most


@dataclass(frozen=True)
class _Grid:
    """The figures placed on a regular grid of cells (weeks), on the model's scale."""

    t0: float
    cells: np.ndarray  # each figure's cell
    y: np.ndarray  # per cell: the mean of its usable figures, nan where none
    usable: np.ndarray  # per figure: used in the fit
    scale: float  # 1 on the log scale; the spread of differences otherwise

    @property
    def ncell(self) -> int:
        return len(self.y)


@dataclass(frozen=True)
class _Smoothed:
    """What the smoother says per cell: level and its variance, the measurement disturbances."""

    h: float  # the irregular (noise) variance
    level: np.ndarray
    level_var: np.ndarray
    eps: np.ndarray
    eps_post: np.ndarray


@dataclass(frozen=True)
class _Solved:
    """One smoothing of the series with some figures set aside: the judgements and what made them."""

    judgements: dict
    grid: _Grid
    sm: _Smoothed
    variances: np.ndarray
    notes: tuple[str, ...]


def _vague(log: bool, scale: float) -> float:
    """A variance beyond which a prediction says nothing: it judges no figure and draws no band."""
    return 25.0 if log else 1e4 * scale ** 2


def _forward(log: bool):
    """From the model's scale back to values."""
    return (lambda x: float(math.exp(min(x, 700.0)))) if log else float


def _smoothed(model, params: np.ndarray) -> _Smoothed:
    """Run statsmodels' Kalman filter and smoother and read off what the judgements need.

    The filter and smoother are called directly: building the full results object copies every
    array the filter made and took six times as long as the smoothing itself (1.4 ms against
    0.23 ms for a 150-week series), which a noisy ledger pays thousands of times. Should a later
    statsmodels change those internals, the public (slower) route gives the same numbers; a test
    holds the two equal."""
    try:
        model.update(params)
        model.ssm._filter()
        out = model.ssm._smooth()
        arrays = (out.smoothed_state[0], out.smoothed_state_cov[0, 0], out.smoothed_measurement_disturbance[0],
                  out.smoothed_measurement_disturbance_cov[0, 0])
    except (AttributeError, TypeError):  # pragma: no cover - another statsmodels
        out = model.smooth(params, cov_type="none")
        arrays = (out.smoothed_state[0], out.smoothed_state_cov[0, 0], out.smoothed_measurement_disturbance[0],
                  out.smoothed_measurement_disturbance_cov[0, 0])
    level, level_var, eps, eps_post = (np.array(a, dtype=float) for a in arrays)
    return _Smoothed(float(params[0]), level, level_var, eps, eps_post)


def _mle(model, start: np.ndarray, maxiter: int, factr: float) -> np.ndarray:
    """The variances statsmodels' `model.fit(start_params=start, maxiter=maxiter, factr=factr,
    return_params=True)` finds, by the same search: L-BFGS-B on their square roots, the average
    log-likelihood, forward differences with step 1e-5.

    The likelihood is read from statsmodels' Kalman filter run directly, and the differences are
    taken here: the public route spent about 175 us a likelihood, five times the filter's own 30 us,
    in re-checking the model and in scipy's numerical-derivative machinery, and a noisy ledger pays
    it some 15,000 times. The points tried and the numbers are the same; should a later statsmodels
    change those internals, the public route is taken. A test holds the two equal."""
    from scipy.optimize import fmin_l_bfgs_b

    try:
        loglike = _direct_loglike(model, np.asarray(start, dtype=float))
    except (AttributeError, KeyError, TypeError):  # another statsmodels: the public route
        return np.asarray(model.fit(start_params=start, disp=False, maxiter=maxiter, factr=factr,
                                    return_params=True, optim_complex_step=False))
    nobs = model.endog.shape[0]
    step = 1e-5

    def value_and_gradient(x):
        f0 = -loglike(x * x) / nobs
        grad = np.empty(len(x))
        for i in range(len(x)):
            x1 = x.copy()
            x1[i] = x[i] + step
            grad[i] = (-loglike(x1 * x1) / nobs - f0) / ((x[i] + step) - x[i])
        return f0, grad

    x0 = np.asarray(start, dtype=float) ** 0.5
    xopt, _, _ = fmin_l_bfgs_b(value_and_gradient, x0, maxiter=maxiter, factr=factr,
                               bounds=[(None, None)] * len(x0))
    return xopt ** 2


def _direct_loglike(model, params: np.ndarray):
    """model.loglike(params) without its per-call set-up: statsmodels' filter object is made once
    (by one public call at `params`) and then run with only the variances changed."""
    ssm = model.ssm
    model.loglike(params)  # builds the filter with the likelihood's memory settings
    prefix = ssm.prefix
    kfilter = ssm._kalman_filters[prefix]
    rep = ssm._representations[prefix]
    burn = ssm.loglikelihood_burn

    obs_cov, state_cov = rep["obs_cov"], rep["state_cov"]
    _, rows, cols = model._idx_state_cov
    if list(model.param_names) != ["sigma2.irregular"] + [f"sigma2.{c}" for c in ("level", "trend")[:len(rows)]]:
        raise TypeError("not a local level or local linear trend")

    def loglike(params):  # what model.update(params) sets: the irregular, then the state variances
        obs_cov[0, 0, 0] = params[0]
        state_cov[rows, cols, 0] = params[1:]
        ssm._initialize_state(prefix=prefix)
        kfilter()
        return np.sum(kfilter.loglikelihood[burn:])

    return loglike


def _own_pace(grid: _Grid, start: np.ndarray) -> np.ndarray:
    """A short series' level variance from its own moves: the median, over consecutive observed cells at least
    PACE_MIN_CELLS apart, of the squared change less twice the noise, per cell; kept between 1/PACE_ROOM of the
    default and the default. The median leaves one wrong figure (two moves) out while three or more moves are
    steady: a yearly count that stays within 2x is judged by that, not by wartime growth."""
    at = np.flatnonzero(~np.isnan(grid.y))
    dt, dy = np.diff(at), np.diff(grid.y[at])
    far = dt >= PACE_MIN_CELLS
    if far.sum() < PACE_MIN_MOVES:
        return start
    h, level = start[0], start[1]
    own = float(np.median((dy[far] ** 2 - 2 * h) / dt[far]))
    return np.array([h, min(level, max(own, level / PACE_ROOM)), *start[2:]])


# A short series' own moves (_own_pace) count from this many moves between cells this far apart (4 weeks: two
# tellings of one month's figure move by noise, not by pace). The level variance stays within PACE_ROOM of the
# default below it (as estimation keeps within 16x of it). Judgements, checked with benchmarks/real_flags.py.
PACE_MIN_CELLS = 4
PACE_MIN_MOVES = 3
PACE_ROOM = 16.0


class StateSpace(Detector):
    """statsmodels UnobservedComponents (local level, or local linear trend for running totals)."""

    name = "state-space"

    def __init__(self, k: float = BAND_K, cell_days: float = DAYS_PER_CELL, fixed: dict | None = None,
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

    def prepare(self) -> None:
        import statsmodels.tsa.statespace.structural  # noqa: F401

    def refit(self, obs: Observations, previous: ModelFit) -> ModelFit:
        """Fit again with the variances `previous` estimated (no second search for them)."""
        return self.fit(obs, params=previous.params, set_aside=previous.set_aside)

    def fit(self, obs: Observations, params: np.ndarray | None = None, set_aside: tuple[str, ...] = ()) -> ModelFit:
        """Fit; a running total with a counting start is modelled as its average pace since then (the total
        divided by the days elapsed), which stays smooth where the total itself climbs steeply after the
        start and when the pace quickens, as wartime counts do. Judgements and band come back as totals."""
        if obs.since is None or not obs.log:
            return self._fit_robust(obs, params, set_aside)
        elapsed = np.maximum(obs.t - obs.since, 1.0)
        paced = dataclasses.replace(obs, best=obs.best / elapsed, lo=obs.lo / elapsed, hi=obs.hi / elapsed,
                                    since=None)
        fit = self._fit_robust(paced, params, set_aside)
        judgements = {}
        for i, fid in enumerate(obs.ids):
            j = fit.judgements[fid]
            judgements[fid] = dataclasses.replace(j, expected=j.expected * elapsed[i], lower=j.lower * elapsed[i],
                                                  upper=j.upper * elapsed[i])
        band = fit.band
        if len(band):
            values = band[EMPTY_BAND_COLUMNS].to_numpy(dtype=float, copy=True)
            values[:, 1:] *= np.maximum(values[:, :1] - obs.since, 1.0)  # low, mid, high times the days elapsed
            band = pd.DataFrame(values, columns=EMPTY_BAND_COLUMNS)
        return dataclasses.replace(fit, judgements=judgements, band=band)

    def _fit_robust(self, obs: Observations, params: np.ndarray | None = None,
                    set_aside: tuple[str, ...] = ()) -> ModelFit:
        """Fit, then set aside the worst outliers and refit, until none is left: a tenth of the figures
        at a time, at most ROBUST_ROUNDS times and at most a third of them in all, so that one wrong
        figure does not make its neighbours look wrong and a noisy ledger costs a few fits a series."""
        excluded: set[int] = {i for i, fid in enumerate(obs.ids) if fid in set_aside}
        solved = self._solve(obs, excluded, params)
        if solved is None:
            return self._to_fit(obs, None)
        # a figure set aside keeps the judgement that set it aside (those set aside from the start: their first)
        kept: dict[str, Judgement] = {obs.ids[i]: solved.judgements[obs.ids[i]] for i in sorted(excluded)}
        batch = max(1, len(obs) // 10)
        for _ in range(ROBUST_ROUNDS):
            room = max(1, len(obs) // 3) - len(excluded)
            judged = solved.judgements
            worst = sorted((i for i in range(len(obs)) if i not in excluded
                            and np.isfinite(judged[obs.ids[i]].z) and judged[obs.ids[i]].z > self.k),
                           key=lambda i: -judged[obs.ids[i]].z)[:min(batch, room)]
            if not worst:
                break
            trial = self._solve(obs, excluded | set(worst), solved.variances)  # same variances
            if trial is None or not self._band_cells(trial.sm, obs.log, trial.grid.scale).any():
                break
            for i in worst:
                kept[obs.ids[i]] = judged[obs.ids[i]]
            excluded |= set(worst)
            solved = trial
        notes = (f"{len(kept)} outlier(s) set aside and refitted",) if kept else ()
        return self._to_fit(obs, solved, notes, kept)

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
            # moderate accuracy (factr): the variances only need to be right to a few per cent, and this cuts
            # the cost of the search by about a quarter
            est = _mle(UnobservedComponents(coarse, level=spec), start * factor, maxiter=40, factr=1e10) / factor
        else:
            est = _mle(model, start, maxiter=200, factr=1e7)  # statsmodels' defaults
        return np.clip(est, start / room, start * room)

    # -- one fit, in steps ------------------------------------------------------------------

    def _solve(self, obs: Observations, excluded: set[int], params: np.ndarray | None) -> _Solved | None:
        """Smooth and judge every figure (None when fewer than two figures can be used)."""
        grid = self._grid(obs, excluded)
        if grid is None:
            return None
        variances, sm, notes = self._smooth(obs, grid, params)
        loo_mean, loo_var = self._leave_one_out(grid, sm)
        judgements = self._judgements(obs, grid, sm, loo_mean, loo_var, _forward(obs.log))
        return _Solved(judgements, grid, sm, np.asarray(variances), tuple(notes))

    def _to_fit(self, obs: Observations, solved: _Solved | None, notes: tuple[str, ...] = (),
                kept: dict | None = None) -> ModelFit:
        """The fit a caller sees: judgements (with those of figures set aside) and the band to draw."""
        if solved is None:
            return ModelFit({i: unjudged(i) for i in obs.ids}, pd.DataFrame(columns=EMPTY_BAND_COLUMNS),
                            self.name, ("fewer than two plain values: nothing to model",))
        band = self._band(solved.grid, solved.sm, _forward(obs.log), obs.log)
        return ModelFit({**solved.judgements, **(kept or {})}, band, self.name, solved.notes + notes,
                        solved.variances, tuple(kept or ()))

    def _grid(self, obs: Observations, excluded: set[int]) -> _Grid | None:
        """Place the usable figures on the grid (None when fewer than two can be used)."""
        finite = np.isfinite(obs.best) & ((obs.best > 0) if obs.log else True)
        usable = np.array([q in ("exact", "approx", "range") for q in obs.qualifiers]) & finite
        if usable.sum() < 3:  # too few plain values: bounds join the fit as rough values
            usable = finite.copy()
        for i in excluded:
            usable[i] = False
        if usable.sum() < 2:
            return None
        t0 = float(np.min(obs.t))
        cells = np.floor((obs.t - t0) / self.cell_days).astype(int)
        values = np.log(obs.best) if obs.log else obs.best.astype(float)
        ncell = int(cells.max()) + 1
        count = np.bincount(cells[usable], minlength=ncell)
        with np.errstate(invalid="ignore", divide="ignore"):  # cells without a figure stay nan
            y = np.bincount(cells[usable], weights=values[usable], minlength=ncell) / count
        y[count == 0] = np.nan
        scale = 1.0 if obs.log else float(np.nanstd(np.diff(y[~np.isnan(y)])) or np.nanstd(y) or 1.0)
        return _Grid(t0, cells, y, usable, scale)

    def _smooth(self, obs: Observations, grid: _Grid, params: np.ndarray | None):
        """Choose the variances (given, fixed or estimated) and run the smoother."""
        from statsmodels.tsa.statespace.structural import UnobservedComponents

        spec = "local linear trend" if obs.trend else "local level"
        defaults = dict(self.fixed or self._defaults(obs, grid.scale))
        notes = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = UnobservedComponents(grid.y, level=spec)
            names = model.param_names  # sigma2.irregular, sigma2.level[, sigma2.trend]
            start = np.array([defaults[nm.split(".")[1]] for nm in names])
            observed = int((~np.isnan(grid.y)).sum())
            if params is not None:
                start = np.asarray(params)
                notes.append("variances kept from the first fit")
            elif observed >= self.min_fit and self.fixed is None:
                try:
                    start = self._estimate(model, grid.y, start, spec, obs.log)
                    notes.append(f"variances estimated from {observed} observed cells")
                except (ValueError, np.linalg.LinAlgError):
                    notes.append("estimation failed; default variances used")
            else:
                notes.append(f"variances fixed ({observed} cells observed)")
                if obs.log and not obs.trend and self.fixed is None:
                    start = _own_pace(grid, start)
            sm = _smoothed(model, start)
        return start, sm, notes

    @staticmethod
    def _leave_one_out(grid: _Grid, sm: _Smoothed) -> tuple[np.ndarray, np.ndarray]:
        """Each cell predicted from all the others (Harvey & Koopman's auxiliary residuals):
        var(eps_hat) = H - posterior var; LOO mean = y - eps_hat * H / var(eps_hat)."""
        h = sm.h
        loo_mean = np.full(grid.ncell, np.nan)
        loo_var = np.full(grid.ncell, np.nan)
        missing = np.isnan(grid.y)
        loo_mean[missing], loo_var[missing] = sm.level[missing], sm.level_var[missing] + h
        v = h - sm.eps_post
        ok = ~missing & (v > 1e-12 * max(h, 1e-12))
        loo_mean[ok], loo_var[ok] = grid.y[ok] - sm.eps[ok] * h / v[ok], h * h / v[ok]
        return loo_mean, loo_var

    def _judgements(self, obs: Observations, grid: _Grid, sm: _Smoothed, loo_mean, loo_var, fwd) -> dict:
        judgements = {}
        big = _vague(obs.log, grid.scale)
        shared = np.bincount(grid.cells[grid.usable], minlength=grid.ncell).tolist()  # usable figures a cell
        observed = (~np.isnan(grid.y)).tolist()
        cells, usable = grid.cells.tolist(), grid.usable.tolist()
        loo_mean, loo_var = loo_mean.tolist(), loo_var.tolist()
        level, level_var = sm.level.tolist(), sm.level_var.tolist()
        width = None if obs.width is None else obs.width.tolist()
        for i in range(len(obs)):
            c = cells[i]
            mean, var = loo_mean[c], loo_var[c]
            if observed[c] and (not usable[i] or shared[c] > 1):
                # other figures make up this week's value: judge against the smoothed level there
                mean, var = level[c], level_var[c] + sm.h
            if not math.isfinite(var) or var > big or var <= 0:
                judgements[obs.ids[i]] = unjudged(obs.ids[i])
                continue
            extra = (0.05 * grid.scale) ** 2 if obs.qualifiers[i] == "approx" else 0.0
            if width is not None and width[i] > self.cell_days:
                # dated to a month or a year: where in it is unknown
                extra += (0.05 * grid.scale * width[i] / DAYS_PER_MONTH) ** 2
            judgements[obs.ids[i]] = _judge(i, obs, mean, math.sqrt(var + extra), self.k, fwd)
        return judgements

    @staticmethod
    def _band_cells(sm: _Smoothed, log: bool, scale: float = 1.0) -> np.ndarray:
        """Cells where the model says something: a finite, not hopelessly vague variance."""
        big = _vague(log, scale)
        var = sm.level_var + sm.h
        return np.isfinite(var) & (var > 0) & (var <= big)

    def _band(self, grid: _Grid, sm: _Smoothed, fwd, log: bool) -> pd.DataFrame:
        """The expected range per cell: smoothed level -/+ k standard deviations, where informative."""
        ok = self._band_cells(sm, log, grid.scale)
        cells = np.nonzero(ok)[0]
        sd = np.sqrt((sm.level_var + sm.h)[ok])
        level = sm.level[ok]
        t = grid.t0 + (cells + 0.5) * self.cell_days
        if log:
            low, mid, high = (np.exp(np.minimum(x, 700.0)) for x in (level - self.k * sd, level, level + self.k * sd))
        else:
            low, mid, high = level - self.k * sd, level, level + self.k * sd
        # one block of floats: a frame made from a dict of columns cost 5% of a noisy ledger's checks
        return pd.DataFrame(np.column_stack((t, low, mid, high)), columns=EMPTY_BAND_COLUMNS)
