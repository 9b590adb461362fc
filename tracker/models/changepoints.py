"""Change points of a regularly spaced series: the state-space model's disturbances, read as Harvey
and Koopman advise, with each change found explained by an intervention before the next is sought."""

from __future__ import annotations

import math
import warnings

import numpy as np

OUTLIER_ROUNDS = 3  # times outliers are set aside and the model estimated again
ROOM = 1e4  # estimated variances stay within this factor of the starting ones


def change_points(values, k: float | None = None, min_gap: int = 3, max_changes: int | None = None) -> list[int]:
    """Indices where a regularly spaced series shifts level or bends. Index i means a new segment
    starts at i.

    A local linear trend model (statsmodels' UnobservedComponents, variances by maximum likelihood)
    is fitted and its standardised smoothed disturbances (auxiliary residuals) read in two steps.
    Outliers: a value whose measurement disturbance is beyond k and larger than the level's on
    either side is one value off, not a change; it is set aside and the variances estimated again
    (an outlier inflates them and reads as a shift up then down).
    Changes: the largest level or growth-rate disturbance beyond k is a change; a step (or, for the
    growth rate, a ramp) is added to the model as a regressor and the model estimated again, so the
    change's echoes on its neighbours vanish and the variances shrink to what is left, before the next
    is sought. At most `max_changes` (default a tenth of the length), at least `min_gap` apart. The
    default k, sqrt(2 ln n), is about where the largest of n standard normal values lies, so longer
    series need stronger evidence."""
    y = np.asarray(values, dtype=float)
    n = len(y)
    if n < 4 or not np.all(np.isfinite(y)) or np.std(y) == 0:
        return []
    y = (y - np.mean(y)) / np.std(y)  # units do not matter; very large values upset the filter
    k = math.sqrt(2 * math.log(n)) if k is None else k
    limit = max(1, n // 10) if max_changes is None else max_changes
    t = np.arange(n, dtype=float)
    regressors: list[np.ndarray] = []
    irregular, level, slope = _disturbances(y, regressors)
    for _ in range(OUTLIER_ROUNDS):
        shift = np.maximum(level, slope)
        new = [i for i in range(n) if np.isfinite(y[i]) and irregular[i] > k
               and irregular[i] >= max(shift[max(i - 1, 0)], shift[i])]
        if not new:
            break
        y = y.copy()
        y[new] = np.nan
        irregular, level, slope = _disturbances(y, regressors)
    chosen: list[int] = []
    while len(chosen) < limit:
        shift = np.maximum(level, slope)[:n - 1]
        i = next((int(i) for i in np.argsort(-shift, kind="stable")
                  if shift[i] > k and all(abs(i - j) >= min_gap for j in chosen)), None)
        if i is None:
            break
        chosen.append(i)
        regressors.append((t > i).astype(float) if level[i] >= slope[i] else np.where(t > i, t - i, 0.0))
        irregular, level, slope = _disturbances(y, regressors)
    return sorted(i + 1 for i in chosen)


def _disturbances(y: np.ndarray, regressors: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Absolute standardised smoothed disturbances per point: of the measurement, the level and the
    growth rate, after estimating the variances (started near half the variance of the differences
    for the noise, and a hundredth and a ten-thousandth of it for level and growth)."""
    from statsmodels.tsa.statespace.structural import UnobservedComponents

    steps = np.diff(y[np.isfinite(y)])
    scale = float(np.std(steps)) or 1.0
    start = np.array([scale ** 2 / 2, (0.1 * scale) ** 2, (0.01 * scale) ** 2])
    exog = np.column_stack(regressors) if regressors else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = UnobservedComponents(y, level="local linear trend", exog=exog)
        fitted = model.fit(start_params=np.concatenate([start, np.zeros(len(regressors))]), disp=False, maxiter=200)
        params = np.asarray(fitted.params, dtype=float).copy()
        params[:3] = np.clip(params[:3], start / ROOM, start * ROOM)
        res = model.smooth(params)
    h, variances = params[0], params[1:3]
    irregular = _standardised(res.smoothed_measurement_disturbance[0],
                              h - res.smoothed_measurement_disturbance_cov[0, 0], h)
    level, slope = (_standardised(res.smoothed_state_disturbance[j],
                                  variances[j] - res.smoothed_state_disturbance_cov[j, j], variances[j])
                    for j in (0, 1))
    return irregular, level, slope


def _standardised(value: np.ndarray, var: np.ndarray, prior: float) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        z = np.where(var > 1e-12 * max(prior, 1e-12), value / np.sqrt(np.abs(var)), 0.0)
    return np.abs(np.nan_to_num(z))
