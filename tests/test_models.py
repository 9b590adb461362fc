"""The state-space model's own parts, against statsmodels' public route."""

import warnings

import numpy as np
import pytest

from tracker.models.statespace import _smoothed


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
