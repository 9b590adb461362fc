"""The model's expected band, as one policy: what a running total's band can be, and where a band says
something a chart should draw. `CheckResult.bands()` applies it; charts draw what it gives."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from tracker.series import Series, length_in

# Where a band is shown (judgements made when the charts were first drawn, kept as they were):
SPREAD_MAX = 5.0  # cells whose high is more than 5x their low say nothing and are dropped...
RUN_MIN_CELLS = 4  # ...and so are informative stretches shorter than 4 cells (weeks): a sliver reads as data
BAND_MAX_RATIO = 4.0  # within what is kept, where high is over 4x low (or low is zero) the band is blanked
PLAIN_MIN = 3  # a series with fewer plain figures gets no band: with two the model only joins them
# A stretch between two plain figures more than GAP_FACTOR times the series' median spacing holds no figure to judge
# by: the band is blanked between them (Russia's autumn call-ups, yearly but for nine years without a figure,
# ballooned to 75,000-210,000 over 2012-2019); a running total's band, which never falls below the figure before
# nor rises above the one after (monotone_band), is left as it is. A judgement, checked on the charts.
GAP_FACTOR = 3


def shown(band, series: Series):
    """The band as a chart draws it (date, low, mid, high; low and high nan where blanked), or None. A flow is
    modelled as a monthly rate and drawn as its figures are printed: the band is brought to the length of period
    its plain figures share (twelve times for counts of a year); figures of mixed lengths get none, since no one
    band can be read against a half-year and a year at once."""
    if band is None or band.empty or len(series.plain) < PLAIN_MIN:
        return None
    if series.indicator.kind == "flow":
        months = {round(length_in((p.start, p.end), "month")) for p in series.plain}
        if len(months) != 1:
            return None
        scale = months.pop()
        band = band.assign(low=band["low"] * scale, mid=band["mid"] * scale, high=band["high"] * scale)
    informative = (band["high"] <= SPREAD_MAX * band["low"]).to_numpy()
    runs = informative.astype(int)
    group = (runs != np.roll(runs, 1)).cumsum()
    sizes = np.bincount(group, weights=runs)
    band = band[informative & (sizes[group] >= RUN_MIN_CELLS)].copy()
    if band.empty:
        return None
    band["date"] = [pd.Timestamp(date.fromordinal(int(round(t)))) for t in band["t"]]
    band = band[["date", "low", "mid", "high"]]
    low, high = band["low"].to_numpy(dtype=float), band["high"].to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        wide = ~((low > 0) & (high / low <= BAND_MAX_RATIO))
    if series.indicator.kind != "cumulative":  # a running total's band is held by the figures on either side
        wide |= _in_gap(np.array([d.toordinal() for d in band["date"]], dtype=float), series)
    if wide.all():
        return None
    return band.assign(low=np.where(wide, np.nan, low), high=np.where(wide, np.nan, high))


def _in_gap(days: np.ndarray, series: Series) -> np.ndarray:
    """Which of `days` lie between two plain figures further apart than GAP_FACTOR times the median spacing of the
    plain figures' dates: a stretch without figures."""
    at = np.unique([p.mid.toordinal() for p in series.plain])
    if len(at) < 3:
        return np.zeros(len(days), dtype=bool)
    spacing = float(np.median(np.diff(at)))
    i = np.clip(np.searchsorted(at, days), 1, len(at) - 1)
    before, after = at[i - 1], at[i]
    return ((after - before) > GAP_FACTOR * spacing) & (days > before) & (days < after)


def monotone_band(band, series: Series):
    """A running total's expected range as it can be: never falling, never below a figure already
    reported as exact (or as a lower bound) by that date, and never above one reported as exact (or as
    an upper bound) later, unless that one is below what was reported before it."""
    if band is None or band.empty:
        return band
    band = band.sort_values("t").reset_index(drop=True)
    t = band["t"].to_numpy()
    pts = series.independent()
    # the highest figure reported (exact or at least) by each date; the lowest (exact or at most) from it on
    floors = sorted((p.end.toordinal(), p.lo) for p in pts if p.qualifier in ("exact", "at_least") and p.lo)
    highest = np.maximum.accumulate([v for _, v in floors]) if floors else np.array([])
    floor_days = [d for d, _ in floors]

    def floor_at(days):
        return np.concatenate(([0.0], highest))[np.searchsorted(floor_days, days, side="right")]

    floor = floor_at(t)
    # a figure below what was already reported by its date contradicts the series (and is flagged): it caps
    # nothing, or the range would shrink to a line
    ceilings = sorted((p.end.toordinal(), p.hi) for p in pts
                      if p.qualifier in ("exact", "at_most") and p.hi and np.isfinite(p.hi)
                      and p.hi >= floor_at(p.end.toordinal()))
    lowest = np.minimum.accumulate([v for _, v in ceilings][::-1])[::-1] if ceilings else np.array([])
    ceiling = np.concatenate((lowest, [np.inf]))[np.searchsorted([d for d, _ in ceilings], t, side="left")]
    # a total is at least what the model said it was at least before, and at most what it says it is at most
    # later: the tightest range that never falls (a running maximum of the top would carry one wide spot,
    # say where figures are sparse, to every later date)
    low = np.maximum(np.maximum.accumulate(band["low"].to_numpy()), floor)
    mid = np.maximum(np.maximum.accumulate(band["mid"].to_numpy()), low)
    high = np.maximum(np.minimum.accumulate(band["high"].to_numpy()[::-1])[::-1], mid)
    high = np.maximum(np.minimum(high, ceiling), floor)  # a later exact figure caps it, a reported one floors it
    mid, low = np.minimum(mid, high), np.minimum(low, high)
    band = band.assign(low=low, mid=mid, high=high)
    # after the last plain figure the range is a forecast with nothing to hold it: not drawn
    last = max((p.end.toordinal() for p in series.plain), default=None)
    return band[band["t"] <= last].reset_index(drop=True) if last is not None else band


