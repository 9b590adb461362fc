"""The ratio rule: each figure against the median of its neighbours (a baseline for benchmarks)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tracker.models.base import BAND_K, EMPTY_BAND_COLUMNS, Detector, Judgement, ModelFit, Observations, unjudged


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
                judgements[obs.ids[i]] = unjudged(obs.ids[i])
                continue
            med = float(np.median(obs.best[near]))
            lo, hi = med / self.factor, med * self.factor
            z, d = 0.0, 0
            if obs.lo[i] > hi:
                z, d = BAND_K * obs.lo[i] / hi, 1
            elif obs.hi[i] < lo:
                z, d = BAND_K * lo / max(obs.hi[i], 1e-9), -1
            judgements[obs.ids[i]] = Judgement(obs.ids[i], med, lo, hi, z, d)
        return ModelFit(judgements, pd.DataFrame(columns=EMPTY_BAND_COLUMNS), self.name)
