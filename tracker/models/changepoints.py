"""Change points of a regularly spaced series, from the state-space model's disturbances."""

from __future__ import annotations

import math

import numpy as np

from tracker.models.base import Observations
from tracker.models.statespace import StateSpace


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
