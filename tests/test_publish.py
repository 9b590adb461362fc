"""The publication style: what a reader's chart leaves out and says, checked on artists and SVG, not pixels."""

import re
from datetime import date

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from conftest import LEDGER as SHIPPED
from conftest import TODAY, write
from matplotlib.collections import PolyCollection
from PIL import Image

import tracker
from tracker.render.build import build
from tracker.render.captions import DateTicks, event_rows, source_line
from tracker.render.charts import plot_indicator, save

LEDGER = """\
version: 1
indicators:
  cases:
    title: Criminal cases for AWOL, desertion and refusal received by Russian military courts since mobilisation
    unit: cases
    kind: cumulative
    since: 2022-09-21
    counts: cases received by military courts
  single:
    title: Security officers who fled abroad
    unit: people
    kind: stock
    counts: security officers who fled
    chart: {title: Officers who fled, note: Estimate by one group., source: "Source: Gulagu.net"}
sources:
  mz: {publisher: Mediazona, published: 2024-06-18}
  up: {publisher: Ukrainska Pravda, published: 2024-06-18}
  mt: {publisher: The Moscow Times, published: 2024-06-20}
  x: {publisher: Other Outlet, published: 2024-09-16}
events:
  - {id: mob, date: 2022-09-21, title: Partial mobilisation decree}
  - {id: law, date: 2022-09-24, title: "Law toughening penalties for AWOL, desertion and refusal (up to 15 years)"}
figures:
  - {id: a, indicator: cases, value: 5006, as_of: 2023-12-29, source: mz, quote: 5006}
  - {id: b, indicator: cases, value: 10025, source: up, claimant: Mediazona, quote: 10025}
  - {id: b2, indicator: cases, value: 10025, source: mt, claimant: Mediazona, quote: 10025}
  - {id: c, indicator: cases, value: 7400, qualifier: at_least, source: x, claimant: Someone, quote: 7400}
  - {id: d, indicator: cases, value: 2400, qualifier: approx, as_of: 2023-06-30, source: mz, quote: 2400}
  - {id: g, indicator: cases, value: 8000, as_of: 2024-02, source: x, status: candidate, quote: 8000}
  - {id: h, indicator: cases, value: 64, as_of: 2024-01, source: x, status: rejected, note: digits fell out, quote: 64}
  - {id: one, indicator: single, value: 20, qualifier: at_least, source: x, claimant: Gulagu.net, quote: 20}
"""
BAND = pd.DataFrame({"date": pd.to_datetime(["2023-01-01", "2024-12-31"]), "low": [100, 9000],
                     "mid": [200, 12000], "high": [300, 15000]})


@pytest.fixture()
def ledger(tmp_path):
    return tracker.load(write(tmp_path, LEDGER), today=TODAY)


def _draw(ledger, style, **kw):
    return plot_indicator(ledger, "cases", band=BAND, **{"flagged": {"c": ["stale"]}, "style": style, **kw})


def _texts(fig):
    return [t.get_text() for t in fig.texts] + [t.get_text() for ax in fig.axes for t in ax.texts]


def test_publish_has_no_band_no_flag_marks_no_review_points(ledger):
    fig, ax = _draw(ledger, "publish")
    assert not [c for c in ax.collections if isinstance(c, PolyCollection)]
    assert not [a for a in ax.lines if (a.get_gid() or "").startswith("flag-")]
    ids = {(a.get_gid() or "")[len("figure-"):] for a in ax.lines if (a.get_gid() or "").startswith("figure-")}
    assert ids == {"a", "b", "d"}  # no candidate g, rejected h, b2 (an echo of Mediazona's b), nor c (stale)


def test_working_style_keeps_them(ledger):
    fig, ax = _draw(ledger, "working")
    assert [c for c in ax.collections if isinstance(c, PolyCollection)]
    assert [a for a in ax.lines if (a.get_gid() or "") == "flag-c"]
    ids = {(a.get_gid() or "")[len("figure-"):] for a in ax.lines if (a.get_gid() or "").startswith("figure-")}
    assert {"g", "h", "b2"} <= ids


def test_footer_names_the_producers_and_the_outlets(ledger):
    fig, _ = _draw(ledger, "publish", data_hash="0123456789abcdef")
    (source,) = [t.get_text() for t in fig.texts if t.get_gid() == "source"]
    # c (Someone's, in Other Outlet), flagged stale, is left out: its producer and outlet are not named
    assert source == ("Source: Mediazona; as reported by Ukrainska Pravda and The Moscow Times\n"
                      "1 figure(s) printed after a newer one left out.")
    fig, _ = _draw(ledger, "publish", data_hash="0123456789abcdef", flagged={})
    (source,) = [t.get_text() for t in fig.texts if t.get_gid() == "source"]
    assert source == ("Sources: Mediazona and Someone; as reported by Ukrainska Pravda, The Moscow Times and "
                      "Other Outlet")
    assert "index.html" not in " ".join(_texts(fig))
    (small,) = [t for t in fig.texts if t.get_gid() == "data-hash"]
    assert "0123456789ab" in small.get_text() and small.get_fontsize() < 8


def test_many_outlets_are_counted_not_listed(ledger):
    series = ledger.series["cases"]
    assert source_line(ledger, series, most=1).endswith("as reported by Ukrainska Pravda and 2 more")
    assert source_line(ledger, series, lang="ru").startswith("Источники: Mediazona и Someone; по публикациям")


def test_no_label_is_cut_and_close_events_are_labelled_once(ledger):
    fig, ax = _draw(ledger, "publish")
    assert not any("…" in t for t in _texts(fig))
    text = " ".join(_texts(fig)).replace("\n", " ")
    assert "Law toughening penalties" in text and "15 years)" in text
    # mobilisation and the penalties law, three days apart: one line, one label naming both
    labels = [t.get_text() for t in ax.texts if "mobilisation" in t.get_text() or "Law" in t.get_text()]
    assert len(labels) == 1 and "decree;" in labels[0].replace("\n", " ")
    assert len([line for line in ax.lines if line.get_linestyle() == "--"]) == 1


def test_event_rows_share_a_row_only_when_clear():
    from types import SimpleNamespace as NS

    from tracker.ledger.dates import parse_span

    events = [NS(id=str(i), date=parse_span(d), title="An event title of some length") for i, d in
              enumerate(["2022-01-01", "2022-03-01", "2024-06-01"])]
    rows = [row for _, _, row in event_rows(events, date(2022, 1, 1), date(2024, 12, 31))]
    assert rows[0] == 0 and rows[1] > 0 and rows[2] == 0
    # closer than EVENT_GAP of the span: one line, one label of both titles
    events[1] = NS(id="1", date=parse_span("2022-01-04"), title="Another")
    (a, label_a, row_a), (b, _, row_b) = event_rows(events, date(2022, 1, 1), date(2024, 12, 31))
    assert a.id == "0" and label_a.replace("\n", " ") == "An event title of some length; Another"
    assert b.id == "2" and row_a == row_b == 0


def test_an_event_label_ends_before_the_next_events_line():
    """The invasion's label ran across the mobilisation line seven months later: wrapped to the room between them,
    it shares the first row with the next label instead of pushing that one down."""
    from types import SimpleNamespace as NS

    from tracker.ledger.dates import parse_span

    events = [NS(id="inv", date=parse_span("2022-02-24"), title="Russia's full-scale invasion of Ukraine"),
              NS(id="mob", date=parse_span("2022-09-21"), title="Partial mobilisation decree")]
    lo, hi = date(2021, 1, 1), date(2024, 12, 31)
    (_, label, row), (_, _, next_row) = event_rows(events, lo, hi)
    room = ((date(2022, 9, 21) - date(2022, 2, 24)).days / (hi - lo).days) * 110
    assert max(len(line) for line in label.split("\n")) + 1 < room and row == next_row == 0


def test_date_ticks_say_the_year_first_and_at_each_new_year():
    ticks = [mdates.date2num(date(y, m, 1)) for y, m in [(2023, 11), (2024, 1), (2024, 3), (2025, 1)]]
    assert DateTicks().format_ticks(ticks) == ["Nov\n2023", "Jan\n2024", "Mar", "Jan\n2025"]
    years = [mdates.date2num(date(y, 1, 1)) for y in (2023, 2024)]
    assert DateTicks().format_ticks(years) == ["2023", "2024"]
    assert DateTicks("ru").format_ticks(ticks[:1]) == ["ноя\n2023"]


def test_a_single_figure_is_a_statement(ledger):
    fig, ax = plot_indicator(ledger, "single", style="publish")
    texts = {t.get_gid(): t.get_text() for t in fig.texts}
    assert not ax.axison
    assert texts["figure-one"] == "≥ 20"
    assert "Security officers who fled, reported 16 Sep 2024" == texts["statement-what"]
    assert texts["title"] == "Officers who fled"  # the indicator's chart: title
    assert texts["source"] == "Source: Gulagu.net\nEstimate by one group."


def test_svg_text_stays_text(ledger):
    fig, _ = _draw(ledger, "publish")
    svg = save(fig, "svg").decode()
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert any("Criminal cases for AWOL" in t for t in texts) and any("Mediazona" in t for t in texts)


def test_publish_build_writes_1x_and_2x_and_is_reproducible(ledger, tmp_path):
    out = tmp_path / "pub"
    first = build(ledger, out, style="publish", progress=False)
    assert set(first.drawn) == {"cases", "single"} and not (out / "index.html").exists()
    with Image.open(out / "cases.png") as one, Image.open(out / "cases@2x.png") as two:
        assert one.size == (1200, 675) and two.size == (2400, 1350)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    for p in out.glob("*.png"):
        p.unlink()
    again = build(ledger, out, style="publish", progress=False)
    assert set(again.drawn) == {"cases", "single"}
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


@pytest.mark.parametrize("chart, message", [
    ("chart: {titel: X}", "unknown key 'titel' in chart; did you mean 'title'?"),
    ("chart: Officers", "'chart' must be a mapping such as {title: ..., ru: {title: ...}}"),
    ("chart: {title: [a, b]}", "chart.title must be a line of text"),
    ("chart: {ru: Офицеры}", "'chart.ru' must be a mapping such as {title: ...}"),
    ("chart: {ru: {titel: X}}", "unknown key 'titel' in chart.ru; did you mean 'title'?"),
    ("chart: {ru: {ru: {title: X}}}", "unknown key 'ru' in chart.ru; use title, subtitle, counts, source, note"),
    ("chart: {RU: {title: X}}", "unknown key 'RU' in chart; use title, subtitle, counts, source, note, or a "
                                "language code such as ru holding the same keys"),
])
def test_a_bad_chart_setting_is_refused_with_its_place(tmp_path, chart, message):
    text = LEDGER.replace("    chart: {title: Officers who fled, note: Estimate by one group., source: \"Source: "
                          "Gulagu.net\"}", "    " + chart)
    with pytest.raises(tracker.LedgerError) as err:
        tracker.load(write(tmp_path, text), today=TODAY)
    (problem,) = err.value.problems
    assert problem.line == 14 and problem.message == message


def test_the_band_is_left_undrawn_where_it_says_nothing(ledger):
    """One policy (tracker.checks.bands.shown): cells wider than SPREAD_MAX dropped, stretches shorter than
    RUN_MIN_CELLS dropped, cells wider than BAND_MAX_RATIO blanked."""
    from tracker.checks.bands import BAND_MAX_RATIO, RUN_MIN_CELLS, SPREAD_MAX, shown

    ratios = [2, 2, 2, 2, (BAND_MAX_RATIO + SPREAD_MAX) / 2, 2, 2, 2, 2 * SPREAD_MAX, 2]
    t = [float(pd.Timestamp("2024-01-01").toordinal() + 7 * i) for i in range(len(ratios))]
    band = pd.DataFrame({"t": t, "low": 100.0, "mid": 150.0, "high": [100.0 * r for r in ratios]})
    drawn = shown(band, ledger.series["cases"])
    assert len(drawn) == 8 and RUN_MIN_CELLS > 1  # the 10x cell and the single cell after it are gone
    assert drawn["low"].notna().tolist() == [True] * 4 + [False] + [True] * 3  # 4.5x: blanked, not cut
    assert drawn["mid"].tolist() == [150.0] * 8 and drawn["date"].iloc[0] == pd.Timestamp("2024-01-01")


def test_what_a_chart_draws_is_what_the_result_gives(shipped):
    """CheckResult.bands() is the band as drawn: a chart trims nothing more (it did, by another rule)."""
    result = tracker.check(shipped)
    bands = result.bands()
    assert bands and all(b["low"].notna().any() for b in bands.values())
    for ind in shipped.indicators:
        _, ax = tracker.plot_indicator(shipped, ind, result=result)
        drawn = any(c.get_label() == "expected range (model)" for c in ax.collections)
        assert drawn == (ind in bands), ind


def test_no_band_for_a_series_of_two_plain_figures(ledger, tmp_path):
    # two figures and a bound: the model only joins the two, and its band would balloon between them
    two = tracker.load(write(tmp_path / "two", LEDGER.replace(
        "  - {id: d, indicator: cases, value: 2400, qualifier: approx, as_of: 2023-06-30, source: mz, quote: 2400}\n",
        "")), today=TODAY)
    from tracker.checks.bands import shown

    start = pd.Timestamp("2023-01-01").toordinal()
    model = pd.DataFrame({"t": [float(start + 70 * i) for i in range(10)], "low": [100.0 * (i + 1) for i in range(10)],
                          "mid": [200.0 * (i + 1) for i in range(10)], "high": [300.0 * (i + 1) for i in range(10)]})
    assert shown(model, two.series["cases"]) is None
    _, ax = plot_indicator(ledger, "cases", band=shown(model, ledger.series["cases"]), style="working")
    assert [c for c in ax.collections if isinstance(c, PolyCollection)]


def test_a_flows_band_is_drawn_in_the_length_of_its_figures(tmp_path):
    """A flow is modelled per month: against yearly counts its band is twelve times that; against counts of a
    half-year and a year at once no band is drawn (no one band reads against both)."""
    from tracker.checks.bands import shown

    yearly = LEDGER.replace("figures:\n", "figures:\n" + "".join(
        f"  - {{id: y{y}, indicator: year, value: {v}, period: {y}, source: x, quote: '{v}'}}\n"
        for y, v in ((2021, 615), (2022, 1001), (2023, 5096)))).replace(
        "sources:\n", "  year: {title: AWOL cases in a year, unit: cases, kind: flow}\nsources:\n")
    led = tracker.load(write(tmp_path / "y", yearly), today=TODAY)
    start = pd.Timestamp("2021-01-01").toordinal()
    model = pd.DataFrame({"t": [float(start + 30 * i) for i in range(36)], "low": 40.0, "mid": 60.0, "high": 80.0})
    drawn = shown(model, led.series["year"])
    assert drawn["mid"].round().unique().tolist() == [720.0]  # 60 a month: 720 a year, as the figures are printed
    half = yearly.replace("period: 2022,", "period: 2022-01/2022-06,")
    assert shown(model, tracker.load(write(tmp_path / "h", half), today=TODAY).series["year"]) is None


def test_no_band_across_a_stretch_without_figures(tmp_path):
    """Russia's autumn call-up decrees (135,000 in 2011, then 2020-2024 each autumn): the model's band ballooned to
    75,000-210,000 over the nine years without a figure. Between two figures further apart than GAP_FACTOR times the
    median spacing no band is drawn; between yearly figures it is."""
    from tracker.checks.bands import GAP_FACTOR, shown

    years = (2011, 2020, 2021, 2022, 2024)
    text = LEDGER.replace("figures:\n", "figures:\n" + "".join(
        f"  - {{id: c{y}, indicator: callup, value: {v}, period: {y}-10/{y}-12, source: late, quote: '{v}'}}\n"
        for y, v in zip(years, (135000, 128000, 127500, 120000, 133000))), 1).replace(
        "sources:\n", "  callup: {title: Autumn call-up, unit: conscripts, kind: flow}\nsources:\n"
                       "  late: {publisher: Weacom, published: 2025-04-01}\n")
    led = tracker.load(write(tmp_path, text), today=TODAY)
    start = pd.Timestamp("2011-01-01").toordinal()
    model = pd.DataFrame({"t": [float(start + 30 * i) for i in range(170)], "low": 30000.0, "mid": 40000.0,
                          "high": 50000.0})
    drawn = shown(model, led.series["callup"]).set_index("date")
    assert GAP_FACTOR * 365 < (2020 - 2011) * 365
    assert drawn.loc["2015"]["low"].isna().all() and drawn.loc["2021-06"]["low"].notna().all()
    assert drawn.loc["2011-12"]["low"].isna().all()  # past the figure before the gap: already the gap's


def test_dollar_signs_are_text_not_mathtext(tmp_path):
    """A claimant 'Fund $\\frac{1}$' crashed chart; 'between $5 and $10 million' was drawn as '5and' in italics."""
    text = LEDGER.replace("title: Partial mobilisation decree", "title: 'Fines between $5 and $10 million'") \
        .replace("claimant: Someone", "claimant: 'Fund $\\frac{1}$'")
    led = tracker.load(write(tmp_path, text), today=TODAY)
    fig, _ = plot_indicator(led, "cases", style="working")
    svg = tmp_path / "c.svg"
    fig.savefig(svg, format="svg")
    drawn = svg.read_text()
    assert "Fines between $5 and $10" in drawn and "Fund $\\frac{1}$" in drawn  # the label wraps before "million"


def test_a_count_of_people_gets_whole_ticks(tmp_path):
    """The officers who testified (4) were drawn on ticks of 0.8, 1.6 and 2.4 officers."""
    text = LEDGER.replace("value: 20, qualifier: at_least, source: x, claimant: Gulagu.net, quote: 20",
                          "value: 4, source: x, claimant: Gulagu.net, quote: 4")
    led = tracker.load(write(tmp_path, text), today=TODAY)
    fig, ax = plot_indicator(led, "single", footer=False, style="working")
    ticks = [t for t in ax.get_yticks() if ax.get_ylim()[0] <= t <= ax.get_ylim()[1]]
    assert ticks and all(float(t).is_integer() for t in ticks)


def _published_svg(tmp_path, indicator: str, style: str = "publish") -> str:
    """The shipped ledger's chart of one indicator as SVG text, in the publication (or working) style."""
    tracker.build(tracker.load(SHIPPED), tmp_path / style, indicators=[indicator], formats=("svg",), style=style,
                  progress=False)
    return (tmp_path / style / f"{indicator}.svg").read_text(encoding="utf-8")


def test_publication_charts_leave_stale_figures_out_and_say_so(tmp_path):
    """'≥ 7,400' (September 2024) was drawn under 10,025 in the publication chart."""
    svg = _published_svg(tmp_path, "awol-court-cases")
    assert "awol-court-cases-2024-09-16" not in svg and "awol-court-cases-2024-06-18" in svg
    assert "1 figure(s) printed after a newer one left out." in svg


def test_publication_charts_leave_a_likely_misprint_out_and_say_so(tmp_path):
    """Ukrainska Pravda's "64" for Mediazona's 684 verdicts of March 2024 (a magnitude flag) was drawn as a point
    for readers; the working chart still draws and flags it."""
    svg = _published_svg(tmp_path, "art337-sentences-monthly")
    assert "art337-sentences-monthly-r104" not in svg and "art337-sentences-monthly-r103" in svg
    assert "1 figure(s) flagged as a likely misprint (a slipped digit) left out." in svg
    assert "art337-sentences-monthly-r104" in _published_svg(tmp_path, "art337-sentences-monthly", "working")


def test_a_russian_chart_writes_its_numbers_the_russian_way(tmp_path):
    """Thousands grouped by a narrow space, as Russian and Ukrainian print them: "20 000", not "20,000"."""
    shipped = tracker.load(SHIPPED)
    labels = {}
    for lang in ("en", "ru"):
        fig, ax = plot_indicator(shipped, "awol-court-cases", style="publish", lang=lang)
        fig.canvas.draw()
        labels[lang] = [t.get_text() for t in ax.get_yticklabels()] + [t.get_text() for t in ax.texts]
        plt.close(fig)
    assert "20,000" in labels["en"] and "20\u202f000" in labels["ru"] and "20,000" not in labels["ru"]
    assert "20\u202f538" in labels["ru"]  # where the series stands, beside its marker


def test_publication_charts_never_overwrite_working_charts_or_another_language(tmp_path):
    ledger = tracker.load(SHIPPED)
    tracker.build(ledger, tmp_path, indicators=["awol-court-cases"], progress=False)
    (tmp_path / "index.html").write_text("report")  # a working build holds its report
    working = (tmp_path / "awol-court-cases.png").read_bytes()
    tracker.build(ledger, tmp_path, indicators=["awol-court-cases"], style="publish", progress=False)
    tracker.build(ledger, tmp_path, indicators=["awol-court-cases"], style="publish", lang="ru", progress=False)
    assert (tmp_path / "awol-court-cases.png").read_bytes() == working
    en, ru = tmp_path / "publish" / "awol-court-cases.png", tmp_path / "publish" / "ru" / "awol-court-cases.png"
    assert en.exists() and ru.exists() and en.read_bytes() != ru.read_bytes()
