"""The front door: `import tracker` gives the public API, lazily."""

import subprocess
import sys

import pytest

import tracker
from conftest import DATA, LEDGER, ROOT


def test_import_tracker_loads_nothing_heavy():
    code = "import sys, tracker; print(sorted(m for m in ('matplotlib', 'statsmodels', 'pandas', 'yaml') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.strip() == "[]"


def test_the_whole_pipeline_from_the_front_door(tmp_path):
    ledger = tracker.load(LEDGER)
    result = tracker.check(ledger)
    assert isinstance(result, tracker.CheckResult) and len(result.frame()) == len(result.flags) > 0
    fig, ax = tracker.plot_indicator(ledger, "awol-court-cases")
    assert ax.get_title() or fig.texts
    article = tracker.read_article(DATA / "seeds" / "003_e10c2bb8eba5bb25.txt")
    assert any(c.value == 7400 for c in tracker.extract(article, ledger))
    built = tracker.build(ledger, tmp_path / "out", indicators=["awol-court-cases"], progress=False)
    assert built.drawn == ["awol-court-cases"]


@pytest.mark.parametrize("bad", [lambda: tracker.load("no-such.yaml"), lambda: tracker.read_article("no-such.txt")])
def test_every_bad_input_error_is_a_tracker_error(bad):
    with pytest.raises(tracker.TrackerError):
        bad()


def test_unknown_names_are_attribute_errors():
    with pytest.raises(AttributeError):
        tracker.no_such_thing  # noqa: B018


def test_series_are_built_once_per_ledger_without_writing_into_it():
    ledger = tracker.load(LEDGER)
    assert ledger.series is ledger.series  # a cached property, not an attribute set on a frozen object
    assert "_series" not in vars(ledger) and "_vocabulary" not in vars(ledger)
