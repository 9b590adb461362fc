"""The front door: `import tracker` gives the public API, lazily."""

import html
import subprocess
import sys

import pytest
from conftest import DATA, LEDGER, ROOT

import tracker


def test_import_tracker_loads_nothing_heavy():
    code = ("import sys, tracker; "
            "print(sorted(m for m in ('matplotlib', 'statsmodels', 'pandas', 'yaml') if m in sys.modules))")
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


@pytest.mark.parametrize("call", [
    lambda led: tracker.series_of(led, "awol-court-case"),
    lambda led: led.series["awol-court-case"],
    lambda led: tracker.check(led, ["awol-court-case"]),
    lambda led: tracker.plot_indicator(led, "awol-court-case"),
])
def test_an_unknown_indicator_is_a_tracker_error_with_a_suggestion(call):
    with pytest.raises(tracker.UnknownIndicator, match="did you mean 'awol-court-cases'") as info:
        call(tracker.load(LEDGER))
    assert isinstance(info.value, tracker.TrackerError) and info.value.name == "awol-court-case"


def test_one_series_object_per_indicator_whichever_way_it_is_asked_for():
    ledger = tracker.load(LEDGER)
    assert tracker.series_of(ledger, "awol-court-cases") is ledger.series["awol-court-cases"]
    assert list(ledger.series) == list(ledger.indicators)


def test_build_without_a_result_checks_the_ledger_itself(tmp_path):
    """The report always carries the flags: a build without `result=` is not a build without flags."""
    ledger = tracker.load(LEDGER)
    tracker.build(ledger, tmp_path / "a", indicators=["awol-court-cases"], progress=False)
    tracker.build(ledger, tmp_path / "b", indicators=["awol-court-cases"], result=tracker.check(ledger),
                  progress=False)
    a, b = ((tmp_path / d / "index.html").read_text() for d in "ab")
    stale = next(f for f in tracker.check(ledger).flags if f.code == "stale")
    assert a == b and html.escape(stale.message) in a
