"""Charts: markers per qualifier (inspecting artists), determinism, incremental output."""

import hashlib
import subprocess
import sys

import matplotlib
import matplotlib.pyplot as plt
import pytest
from conftest import LEDGER as SHIPPED
from conftest import ROOT, TODAY, write
from matplotlib.collections import LineCollection

import tracker
from tracker.render.build import build
from tracker.render.captions import footer_text
from tracker.render.charts import MARKERS, plot_indicator
from tracker.series import series_of
from tracker.text.formatting import stated

LEDGER = """\
version: 1
indicators:
  cases:
    title: Cases received by military courts
    unit: cases
    kind: cumulative
    since: 2022-09-21
    counts: cases received by courts
  share:
    title: Share staying
    unit: share
    kind: stock
sources:
  mz: {publisher: Mediazona, published: 2024-06-18}
  up: {publisher: Ukrainska Pravda, published: 2024-06-18}
  x: {publisher: Other, published: 2024-09-16}
events:
  - {id: mob, date: 2022-09-21, title: Mobilisation}
figures:
  - {id: a, indicator: cases, value: 5006, as_of: 2023-12-29, source: mz, quote: 5006}
  - {id: b, indicator: cases, value: 10025, source: up, claimant: Mediazona, quote: 10025}
  - {id: c, indicator: cases, value: 7400, qualifier: at_least, source: x, quote: 7400}
  - {id: d, indicator: cases, value: 11000, qualifier: at_most, source: x, quote: 11000}
  - {id: e, indicator: cases, value: 9000, qualifier: approx, as_of: 2024-03, source: x, quote: 9000}
  - {id: f, indicator: cases, qualifier: range, low: 9500, high: 9900, as_of: 2024-04, source: x, quote: 9500 9900}
  - {id: g, indicator: cases, value: 8000, as_of: 2024-02, source: x, status: candidate, quote: 8000}
  - {id: h, indicator: cases, value: 64, as_of: 2024-01, source: x, status: rejected, note: digits fell out, quote: 64}
  - {id: s, indicator: share, qualifier: range, low: 0.2, high: 0.3, source: x, quote: 20% 30%}
"""


@pytest.fixture()
def ledger(tmp_path):
    return tracker.load(write(tmp_path, LEDGER), today=TODAY)


def _markers(ax):
    return [line for line in ax.lines if line.get_marker() not in (None, "None", "")]


def test_plot_returns_fig_and_ax_and_never_shows(ledger, monkeypatch):
    monkeypatch.setattr(plt, "show", lambda *a, **k: pytest.fail("show() called"))
    fig, ax = plot_indicator(ledger, "cases")
    assert isinstance(fig, matplotlib.figure.Figure) and ax in fig.axes
    plt.close(fig)


def test_every_qualifier_draws_its_own_marker(ledger):
    fig, ax = plot_indicator(ledger, "cases")
    by_id = {line.get_gid(): line.get_marker() for line in _markers(ax) if line.get_gid()}
    assert by_id["figure-a"] == MARKERS["exact"]
    assert by_id["figure-e"] == MARKERS["approx"]
    assert by_id["figure-c"] == MARKERS["at_least"]
    assert by_id["figure-d"] == MARKERS["at_most"]
    signs = [t.get_text() for t in ax.texts]
    assert signs.count("≥") == 1 and signs.count("≤") == 1
    # the range is a vertical bar from low to high
    bars = [c for c in ax.collections if isinstance(c, LineCollection)
            for seg in c.get_segments() if seg[0][0] == seg[1][0] and {seg[0][1], seg[1][1]} == {9500, 9900}]
    assert bars
    plt.close(fig)


def test_month_dated_figure_is_drawn_across_its_month(ledger):
    fig, ax = plot_indicator(ledger, "cases")
    widths = [seg[1][0] - seg[0][0] for c in ax.collections if isinstance(c, LineCollection)
              for seg in c.get_segments() if seg[0][1] == seg[1][1] == 9000]
    assert widths == [31]  # March 2024, in days
    plt.close(fig)


def test_candidates_hollow_rejected_grey(ledger):
    fig, ax = plot_indicator(ledger, "cases")
    by_id = {line.get_gid(): line for line in _markers(ax) if line.get_gid()}
    assert by_id["figure-g"].get_markerfacecolor() == "none"
    assert matplotlib.colors.to_hex(by_id["figure-h"].get_markerfacecolor()) == "#a0a0a0"
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "candidate (not yet reviewed)" in labels and "rejected (kept for the record)" in labels
    plt.close(fig)


def test_events_are_labelled_lines(ledger):
    fig, ax = plot_indicator(ledger, "cases")
    assert any(t.get_text() == "Mobilisation" for t in ax.texts)
    plt.close(fig)


def test_footer_names_claimant_via_outlet(ledger):
    text = footer_text(ledger, series_of(ledger, "cases"), "abcdef1234567890")
    assert "Mediazona via Ukrainska Pravda (2024-06-18)" in text
    assert "Data abcdef123456" in text


def test_stated_values():
    from tracker.ledger.model import Figure

    mk = lambda **kw: Figure(id="x", indicator="i", source="s", claimant="c", quote="q", **kw)  # noqa: E731
    assert stated(mk(value=7400, qualifier="at_least")) == "≥ 7,400"
    assert stated(mk(value=800, qualifier="approx")) == "≈ 800"
    assert stated(mk(low=0.2, high=0.3, qualifier="range"), "share") == "20%–30%"


def _digests(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.startswith(".")}


def test_two_runs_give_identical_bytes(ledger, tmp_path):
    build(ledger, tmp_path / "one", progress=False)
    build(ledger, tmp_path / "two", progress=False)
    one, two = _digests(tmp_path / "one"), _digests(tmp_path / "two")
    assert one == two and {"cases.png", "cases.svg", "overview.png", "index.html", "tiles/cases.png"} <= set(one)


def test_unchanged_run_redraws_nothing_and_one_change_redraws_one(ledger, tmp_path):
    out = tmp_path / "out"
    first = build(ledger, out, progress=False)
    assert set(first.drawn) == {"cases", "share", "overview"}
    again = build(ledger, out, progress=False)
    assert again.drawn == [] and again.written == []
    changed = tracker.load(write(tmp_path, LEDGER.replace("value: 5006", "value: 5007").replace("quote: 5006",
                                                                                          "quote: 5007")),
                           today=TODAY)
    third = build(changed, out, progress=False)
    assert set(third.drawn) == {"cases", "overview"}


def test_damaged_chart_is_redrawn(ledger, tmp_path):
    out = tmp_path / "out"
    build(ledger, out, progress=False)
    (out / "cases.png").write_bytes(b"truncated")
    assert "cases" in build(ledger, out, progress=False).drawn


def test_report_lists_figures_with_links_and_quotes(ledger, tmp_path):
    build(ledger, tmp_path, progress=False)
    html = (tmp_path / "index.html").read_text()
    assert '<figure class="chart"' in html and "<svg" in html and "≥ 7,400" in html and "digits fell out" in html
    assert "<script src" not in html and 'href="data/cases.csv"' in html


def test_importing_and_drawing_keeps_the_users_backend():
    code = ("import matplotlib; matplotlib.use('svg'); import tracker; l = tracker.load('figures.yaml'); "
            "fig, ax = tracker.plot_indicator(l, 'awol-court-cases'); import matplotlib.pyplot as plt; "
            "print(matplotlib.get_backend(), type(fig).__module__, plt.get_fignums())")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["svg", "matplotlib.figure", "[]"]  # no backend switch, no figure left in pyplot


def _report(out):
    return (out / "index.html").read_text(encoding="utf-8")


def test_drawing_one_chart_keeps_every_indicators_flags_in_the_report(tmp_path):
    from tracker.cli import main

    out = tmp_path / "out"
    assert main(["chart", "--ledger", str(SHIPPED), "--out", str(out)]) == 0
    full = _report(out)
    assert full.count("<h3>Flags</h3>") >= 4  # the shipped ledger has flags on several indicators
    assert main(["chart", "awol-court-cases", "--ledger", str(SHIPPED), "--out", str(out)]) == 0
    assert _report(out) == full


def test_pdf_goes_alongside_and_every_image_of_the_report_exists(tmp_path):
    import re

    from tracker.cli import main

    out = tmp_path / "out"
    assert main(["chart", "awol-court-cases", "--format", "pdf", "--ledger", str(SHIPPED), "--out", str(out)]) == 0
    assert (out / "awol-court-cases.pdf").read_bytes().startswith(b"%PDF")
    html = _report(out)
    images = re.findall(r'<img src="([^"]+)"', html)
    assert "awol-court-cases.png" in images and not any(i.endswith(".pdf") for i in images)
    drawn = [i for i in images if (out / i).exists()]
    assert drawn and all(i in drawn for i in images if i.startswith("awol-court-cases."))


CLOSE_FLAGS = """\
version: 1
indicators:
  cases:
    title: Cases received by Russian military courts since mobilisation
    unit: cases
    kind: cumulative
    since: 2022-09-21
    country: RU
    measure: court-cases
sources:
  mz: {publisher: Mediazona, published: 2025-12-01, language: en}
figures:
  - {id: a, indicator: cases, value: 1000, as_of: 2023-01-10, source: mz, quote: "Courts received 1,000 cases."}
  - {id: b, indicator: cases, value: 4000, as_of: 2023-12-01, source: mz, quote: "Courts tried 4,000 soldiers."}
  - {id: c, indicator: cases, value: 4300, as_of: 2023-12-14, source: mz, quote: "Courts tried 4,300 soldiers."}
  - {id: d, indicator: cases, value: 9000, as_of: 2024-12-01, source: mz, quote: "Courts received 9,000 cases."}
  - {id: e, indicator: cases, value: 14000, as_of: 2025-12-01, source: mz, quote: "Courts tried 14,000 soldiers."}
"""


def test_flag_labels_of_points_close_in_time_are_one_label(tmp_path):
    """Two figures 13 days apart both flagged (soldiers printed for cases): their codes share one label, not two
    printed over each other; the flagged figure of a later year keeps its own."""
    ledger = tracker.load(write(tmp_path, CLOSE_FLAGS), today=TODAY)
    result = tracker.check(ledger)
    assert sorted(f.figures for f in result if f.code == "definition") == [("b",), ("c",), ("e",)]
    fig, ax = tracker.plot_indicator(ledger, "cases", result=result)
    labels = [t.get_text() for t in ax.texts if t.get_color() == "#C00000"]
    plt.close(fig)
    assert labels == ["definition", "definition"]
