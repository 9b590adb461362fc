"""Models of a series over time, behind one small interface (`Detector`), with a registry.

    detector = get_detector("state-space")      # or "ratio-rule"
    fit = detector.fit(observations)             # judgements per figure, and a band

To add a detector: subclass `tracker.models.base.Detector` in a file of its own and add it
to REGISTRY below.
"""

from tracker.models.base import Detector, Judgement, ModelFit, Observations
from tracker.models.changepoints import change_points
from tracker.models.ratio import RatioRule
from tracker.models.statespace import StateSpace

REGISTRY: dict[str, type[Detector]] = {StateSpace.name: StateSpace, RatioRule.name: RatioRule}
DEFAULT = StateSpace.name


def get_detector(name: str = DEFAULT, **kwargs) -> Detector:
    try:
        return REGISTRY[name](**kwargs)
    except KeyError:
        raise KeyError(f"unknown detector '{name}'; known: {', '.join(REGISTRY)}") from None


__all__ = ["DEFAULT", "REGISTRY", "Detector", "Judgement", "ModelFit", "Observations", "RatioRule", "StateSpace",
           "change_points", "get_detector"]
