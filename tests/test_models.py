"""The state-space model's own parts, against statsmodels' public route."""

import warnings

import numpy as np
import pytest

from tracker.models.statespace import _mle, _smoothed


@pytest.mark.parametrize("level", ["local level", "local linear trend"])
def test_the_direct_smoother_reads_what_the_public_results_say(level):
    from statsmodels.tsa.statespace.structural import UnobservedComponents

    rng = np.random.default_rng(3)
    y = np.cumsum(rng.standard_normal(120) * 0.05) + rng.standard_normal(120) * 0.03
    y[rng.random(120) < 0.7] = np.nan  # a weekly grid is mostly empty
    params = np.array([0.03 ** 2, 0.02 ** 2, 1e-5][:2 if level == "local level" else 3])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = UnobservedComponents(y, level=level)
        public = model.smooth(params)
        ours = _smoothed(model, params)
    assert ours.h == params[0]
    np.testing.assert_array_equal(ours.level, public.smoothed_state[0])
    np.testing.assert_array_equal(ours.level_var, public.smoothed_state_cov[0, 0])
    np.testing.assert_array_equal(ours.eps, public.smoothed_measurement_disturbance[0])
    np.testing.assert_array_equal(ours.eps_post, public.smoothed_measurement_disturbance_cov[0, 0])


@pytest.mark.parametrize("level", ["local level", "local linear trend"])
@pytest.mark.parametrize("noise", [0.03, 1.0])
def test_the_direct_search_finds_what_statsmodels_fit_finds(level, noise):
    from statsmodels.tsa.statespace.structural import UnobservedComponents

    rng = np.random.default_rng(5)
    y = 5 + np.cumsum(rng.standard_normal(45) * 0.05) + rng.standard_normal(45) * noise
    y[rng.random(45) < 0.3] = np.nan
    start = np.array([0.03 ** 2, 0.04, 0.04][:2 if level == "local level" else 3])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        public = UnobservedComponents(y, level=level).fit(start_params=start, disp=False, maxiter=40, factr=1e10,
                                                          return_params=True, optim_complex_step=False)
        ours = _mle(UnobservedComponents(y, level=level), start, maxiter=40, factr=1e10)
    assert not np.allclose(ours, start)  # the search moved
    np.testing.assert_array_equal(ours, public)


def test_the_search_falls_back_to_statsmodels_public_fit(monkeypatch):
    # should a later statsmodels move the filter's internals, the public route gives the same variances
    from statsmodels.tsa.statespace.structural import UnobservedComponents

    import tracker.models.statespace as ss

    def moved(model, params):
        raise AttributeError("no such internals")

    rng = np.random.default_rng(6)
    y = 5 + np.cumsum(rng.standard_normal(40) * 0.05) + rng.standard_normal(40) * 0.03
    start = np.array([0.03 ** 2, 0.04, 0.04])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        direct = _mle(UnobservedComponents(y, level="local linear trend"), start, maxiter=40, factr=1e10)
        monkeypatch.setattr(ss, "_direct_loglike", moved)
        public = _mle(UnobservedComponents(y, level="local linear trend"), start, maxiter=40, factr=1e10)
    np.testing.assert_array_equal(public, direct)


def _level_series(n=40, outliers=(12, 25), seed=4):
    from tracker.models import Observations

    rng = np.random.default_rng(seed)
    y = 500 * np.exp(np.cumsum(rng.standard_normal(n) * 0.02))
    for i in outliers:
        y[i] *= 10
    t = np.arange(n) * 14.0
    return Observations(ids=tuple(f"f{i}" for i in range(n)), t=t, best=y, lo=y, hi=y, qualifiers=("exact",) * n)


def test_a_refit_starts_from_the_figures_the_first_fit_set_aside(monkeypatch):
    from tracker.models.statespace import StateSpace

    obs = _level_series()
    model = StateSpace()
    first = model.fit(obs)
    assert set(first.set_aside) == {"f12", "f25"}
    assert all(first.judgements[f].z > model.k for f in first.set_aside)
    solves = []
    original = StateSpace._solve
    monkeypatch.setattr(StateSpace, "_solve", lambda self, *a: solves.append(1) or original(self, *a))
    rest = model.refit(obs.subset([i for i in range(len(obs)) if i != 30]), first)
    # both outliers are left out from the first smoothing, so it is the only one (else: one more round)
    assert len(solves) == 1
    assert set(rest.set_aside) == {"f12", "f25"}
    assert all(rest.judgements[f].z > model.k for f in rest.set_aside)
