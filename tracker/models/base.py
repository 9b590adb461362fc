"""The interface every detector shares: observations in, judgements and a band out.

A detector fits an `Observations` (figures on a time axis, with the ranges their
qualifiers allow) and returns a `ModelFit`: per figure, where the model expected it
and by how many standard deviations the figure lies outside that, plus a band to draw.
"""

from __future__ import annotations

import math
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
    since: float | None = None  # a running total's counting start (day ordinal): modelled as a pace per day

    def __len__(self) -> int:
        return len(self.ids)

    def subset(self, keep: list[int]) -> Observations:
        """The observations at the positions `keep`."""
        import dataclasses

        idx = np.asarray(keep, dtype=int)
        return dataclasses.replace(self, ids=tuple(self.ids[i] for i in keep), t=self.t[idx], best=self.best[idx],
                                   lo=self.lo[idx], hi=self.hi[idx],
                                   qualifiers=tuple(self.qualifiers[i] for i in keep),
                                   width=None if self.width is None else self.width[idx])


@dataclass(frozen=True)
class Judgement:
    """Where the model expected a figure, from the other figures (natural scale)."""

    id: str
    expected: float  # the prediction from the other figures
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
    params: np.ndarray | None = None  # the variances used (irregular, level[, trend])
    set_aside: tuple[str, ...] = ()  # figures the fit set aside as outliers (they keep the judgement that did)


# The band's half-width in standard deviations: the usual three-sigma rule (a figure the model fits
# falls outside it 0.27% of the time under normal errors); benchmarks/real_flags.py holds its false alarms.
BAND_K = 3.0


class Detector:
    """The interface: fit observations, return judgements and a band."""

    name = "base"
    k = BAND_K  # band half-width in standard deviations

    def prepare(self) -> None:
        """Import what `fit` needs. Called once before the series are shared out to forked workers, so
        that the workers inherit the modules instead of each importing them at once (two workers
        importing statsmodels side by side took 1.1-1.3 s each, against 0.7 s for one)."""

    def fit(self, obs: Observations) -> ModelFit:  # pragma: no cover - interface
        raise NotImplementedError

    def refit(self, obs: Observations, previous: ModelFit) -> ModelFit:
        """Fit again on fewer figures of the same series (some set aside); a detector may reuse what
        `previous` estimated. By default, a fresh fit."""
        return self.fit(obs)


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


def unjudged(fid: str) -> Judgement:
    """A figure the model cannot judge (too little around it)."""
    return Judgement(fid, math.nan, math.nan, math.nan, math.nan)


EMPTY_BAND_COLUMNS = ["t", "low", "mid", "high"]
