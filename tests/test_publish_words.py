"""Every word of a published chart from the ledger, in the chart's language: titles, subtitles, counts, notes,
event labels and names (`chart:` words per language, `names:`, unnamed outlets); what the ledger does not give
in a language is said in English whole, never half and half, and the build says which words those are."""

import re

import pytest
from conftest import TODAY, write

import tracker
from tracker.cli import main
from tracker.render.build import build
from tracker.render.captions import source_line
from tracker.render.charts import plot_indicator

LEDGER = """\
version: 1
names:
  ru:
    Mediazona: Медиазона
    leaked documents: утёкшие документы
indicators:
  helped:
    title: Soldiers helped to desert by Idite Lesom since it began
    unit: people
    kind: cumulative
    since: 2022-09-21
    counts: soldiers helped to desert
    chart:
      note: Counted by the group itself.
      ru:
        title: Солдаты, которым «Идите лесом» помогли дезертировать
        counts: солдаты, которым помогли дезертировать
        note: Считает сама группа.
  cases:
    title: Cases received by military courts since mobilisation
    unit: cases
    kind: cumulative
    since: 2022-09-21
    counts: cases received by military courts
sources:
  mz: {publisher: Mediazona, published: 2024-06-18}
  anon: {publisher: Unidentified English-language site (byline J. Doe), published: 2024-08-01, unnamed: true}
  anon2: {publisher: Unidentified mirror site, published: 2024-09-01, unnamed: true}
events:
  - id: mob
    date: 2022-09-21
    title: Partial mobilisation decree
    chart: {ru: {title: Указ о частичной мобилизации}}
  - {id: law, date: 2024-07-01, title: A law, indicators: [cases]}
figures:
  - {id: a, indicator: helped, value: 500, as_of: 2024-01-10, source: mz, quote: 500}
  - {id: b, indicator: helped, value: 900, as_of: 2024-06-18, source: mz, claimant: leaked documents, quote: 900}
  - {id: c, indicator: cases, value: 5000, as_of: 2024-01-10, source: mz, quote: 5000}
  - {id: d, indicator: cases, value: 9000, as_of: 2024-08-01, source: anon, quote: 9000}
  - {id: e, indicator: cases, value: 9500, as_of: 2024-09-01, source: anon2, quote: 9500}
  - {id: f, indicator: cases, value: 9600, as_of: 2024-09-01, source: anon2, claimant: Mediazona, quote: 9600}
"""

LATIN = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture()
def ledger(tmp_path):
    return tracker.load(write(tmp_path, LEDGER), today=TODAY)


def _texts(fig, gid=None):
    texts = [*fig.texts, *(t for ax in fig.axes for t in ax.texts)]
    legend = [t for lg in fig.legends for t in lg.get_texts()] if gid is None else []
    return [t.get_text() for t in (*texts, *legend) if gid is None or t.get_gid() == gid]


def test_a_translated_indicator_speaks_its_language_only(ledger):
    fig, _ = plot_indicator(ledger, "helped", style="publish", lang="ru")
    (title,) = _texts(fig, "title")
    (subtitle,) = _texts(fig, "subtitle")
    assert title.replace("\n", " ") == "Солдаты, которым «Идите лесом» помогли дезертировать"
    assert subtitle == "Солдаты, которым помогли дезертировать, с 21 сен 2022"
    (source,) = _texts(fig, "source")
    assert source.startswith("Источники: Медиазона и утёкшие документы") and "Считает сама группа." in source
    everything = " ".join(_texts(fig)).replace("\n", " ")
    assert "Указ о частичной мобилизации" in everything
    assert not LATIN.search(everything), LATIN.findall(everything)  # not one English word


def test_an_untranslated_indicator_is_english_whole_and_said_so(ledger, tmp_path):
    fig, _ = plot_indicator(ledger, "cases", style="publish", lang="ru")
    (subtitle,) = _texts(fig, "subtitle")
    assert subtitle == "Cases received by military courts, since 21 Sep 2022"  # not 'Cases ..., с 21 сен 2022'
    result = build(ledger, tmp_path / "out", style="publish", lang="ru", progress=False, formats=("png",))
    assert result.untranslated == {"cases": ("title", "counts", "event law")}
    assert main(["chart", "--ledger", str(tmp_path / "ledger.yaml"), "--style", "publish", "--lang", "ru",
                 "--out", str(tmp_path / "cli")]) == 0


def test_the_cli_names_what_is_left_in_english(ledger, tmp_path, capsys):
    assert main(["chart", "--ledger", str(tmp_path / "ledger.yaml"), "--style", "publish", "--lang", "ru",
                 "--out", str(tmp_path / "cli")]) == 0
    err = capsys.readouterr().err
    assert "1 chart(s) say some words in English" in err and "title of cases" in err
    assert "the label of event law" in err and "chart: {ru: {title: ..., counts: ...}}" in err
    assert main(["chart", "--ledger", str(tmp_path / "ledger.yaml"), "--style", "publish", "helped",
                 "--out", str(tmp_path / "en")]) == 0
    assert "English" not in capsys.readouterr().err  # English charts have nothing to translate


def test_english_keeps_the_ledgers_words(ledger):
    fig, _ = plot_indicator(ledger, "helped", style="publish")
    assert _texts(fig, "title") == ["Soldiers helped to desert by Idite Lesom since it began"]
    assert "Counted by the group itself." in _texts(fig, "source")[0]
    assert "Partial mobilisation decree" in " ".join(_texts(fig)).replace("\n", " ")
    assert "Mediazona" in " ".join(_texts(fig)) and "Медиазона" not in " ".join(_texts(fig))


def test_an_unnamed_outlet_is_said_plainly_once(ledger):
    series = ledger.series["cases"]
    assert source_line(ledger, series) == "Sources: Mediazona and an unnamed outlet"
    assert "Unidentified" not in source_line(ledger, series, lang="ru")
    assert "неназванное издание" in source_line(ledger, series, lang="ru")
    fig, _ = plot_indicator(ledger, "cases", style="publish")
    assert "an unnamed outlet" in " ".join(_texts(fig)) and "Unidentified" not in " ".join(_texts(fig))
    fig, _ = plot_indicator(ledger, "cases", style="working")  # the curator's chart keeps the description
    assert "Unidentified" in " ".join(_texts(fig))


@pytest.mark.parametrize("text, message", [
    ("names: [Mediazona]", "'names' must be a mapping of language codes to names"),
    ("names: {Russian: {Mediazona: Медиазона}}", "'Russian' in names is not an ISO 639-1 code"),
    ("names: {ru: Медиазона}", "names.ru must be a mapping of a name as the ledger writes it"),
    ("names: {ru: {Mediazona: [a]}}", "names.ru.Mediazona must be a line of text"),
])
def test_bad_names_are_refused_with_their_place(tmp_path, text, message):
    body = LEDGER.replace("names:\n  ru:\n    Mediazona: Медиазона\n    leaked documents: утёкшие документы\n",
                          text + "\n")
    with pytest.raises(tracker.LedgerError) as err:
        tracker.load(write(tmp_path, body), today=TODAY)
    (problem,) = err.value.problems
    assert problem.line == 2 and message in problem.message, problem.message


def test_an_event_label_in_an_unknown_key_is_refused(tmp_path):
    body = LEDGER.replace("chart: {ru: {title: Указ о частичной мобилизации}}", "chart: {ru: {label: Указ}}")
    with pytest.raises(tracker.LedgerError) as err:
        tracker.load(write(tmp_path, body), today=TODAY)
    (problem,) = err.value.problems
    assert "unknown key 'label' in chart.ru; use title" in problem.message


def test_one_claimant_gets_no_legend_entry_of_its_own(ledger, tmp_path):
    """The source line names a lone claimant; the legend keeps only what the marks mean."""
    fig, _ = plot_indicator(ledger, "helped", style="publish")
    (legend,) = fig.legends
    assert "Mediazona" in [t.get_text() for t in legend.get_texts()]  # two claimants: each named
    one = tracker.load(write(tmp_path / "one", LEDGER.replace("claimant: leaked documents, ", "")), today=TODAY)
    fig, _ = plot_indicator(one, "helped", style="publish")
    (legend,) = fig.legends
    texts = [t.get_text() for t in legend.get_texts()]
    assert "Mediazona" not in texts and "exact" in texts and legend.get_title().get_text() == ""
    assert _texts(fig, "source")[0].startswith("Source: Mediazona")


def test_where_the_series_stands_is_labelled_with_its_value(ledger):
    fig, ax = plot_indicator(ledger, "helped", style="publish")
    (label,) = [t for t in ax.texts if (t.get_gid() or "").startswith("level-")]
    assert label.get_gid() == "level-b" and label.get_text() == "900"  # the latest figure, not the first
    fig, ax = plot_indicator(ledger, "helped", style="working")  # the curator's chart has the band and flags
    assert not [t for t in ax.texts if (t.get_gid() or "").startswith("level-")]


LINES = """\
version: 1
indicators:
  cases: {title: Cases, unit: cases, kind: cumulative, since: 2022-09-21}
  monthly: {title: Sentences a month, unit: sentences, kind: flow}
sources:
  mz: {publisher: Mediazona, published: 2025-01-20}
  other: {publisher: Other, published: 2025-01-20}
figures:
  - {id: c3, indicator: cases, value: 9000, as_of: 2024-09-01, source: mz, quote: 9000}
  - {id: c1, indicator: cases, value: 5000, as_of: 2024-01-10, source: mz, quote: 5000}
  - {id: c2, indicator: cases, value: 7000, as_of: 2024-05-01, source: mz, quote: about 7000, qualifier: approx}
  - {id: cb, indicator: cases, value: 8000, as_of: 2024-07-01, source: mz, quote: over 8000, qualifier: at_least}
  - {id: o1, indicator: cases, value: 6000, as_of: 2024-03-01, source: other, quote: 6000}
  - {id: o2, indicator: cases, value: 8500, as_of: 2024-08-01, source: other, quote: 8500}
  - {id: m1, indicator: monthly, value: 60, period: 2024-01, source: mz, quote: 60}
  - {id: m2, indicator: monthly, value: 70, period: 2024-02, source: mz, quote: 70}
  - {id: y1, indicator: monthly, value: 800, period: 2023, source: mz, quote: 800}
  - {id: m3, indicator: monthly, value: 80, period: 2024-03, source: mz, quote: 80}
"""


def _lines(ax):
    return {ln.get_gid(): ln for ln in ax.lines if (ln.get_gid() or "").startswith("line-")}


def test_a_claimants_plain_figures_are_joined_by_a_line_where_there_are_enough(tmp_path):
    led = tracker.load(write(tmp_path, LINES), today=TODAY)
    fig, ax = plot_indicator(led, "cases", style="publish")
    (line,) = _lines(ax).values()  # Mediazona's three plain figures; Other has two, too few for a course
    assert list(line.get_ydata()) == [5000, 7000, 9000]  # in time order, the '≥ 8,000' bound not on it
    fig, ax = plot_indicator(led, "monthly", style="publish")
    (line,) = _lines(ax).values()
    assert list(line.get_ydata()) == [60, 70, 80]  # a year's 800 is not on a line with the months
    assert not _lines(plot_indicator(led, "cases", style="working")[1])  # the curator's chart: figures only


def test_a_line_passes_the_median_where_figures_speak_of_one_time(tmp_path):
    text = LINES + "  - {id: m4, indicator: monthly, value: 8, period: 2024-03, source: mz, quote: 8}\n" \
        "  - {id: m5, indicator: monthly, value: 82, period: 2024-03, source: mz, quote: 82}\n"
    led = tracker.load(write(tmp_path, text), today=TODAY)
    (line,) = _lines(plot_indicator(led, "monthly", style="publish")[1]).values()
    assert list(line.get_ydata()) == [60, 70, 80]  # March's 80, 8 (a dropped digit) and 82: one point, 80
    assert len(line.get_xdata()) == 3


@pytest.mark.parametrize("indicator,lang,beside", [
    ("deserters-since-invasion", "ru", False),  # the latest figures sit at the right edge: the label goes above
    ("art337-sentences-monthly", "en", True),  # a range near the edge still has room to its right
    ("awol-court-cases", "ru", False),  # "≥ 20 000" a fortnight after 20 538 sits where the label would: above
    ("awol-court-cases", "en", False),
    ("refusal-sentences", "en", True),
])
def test_the_level_label_stays_clear_of_the_legend_and_the_markers(indicator, lang, beside):
    from conftest import LEDGER as SHIPPED

    led = tracker.load(SHIPPED)
    fig, ax = plot_indicator(led, indicator, style="publish", lang=lang, result=tracker.check(led))
    fig.canvas.draw()
    (label,) = [t for t in ax.texts if (t.get_gid() or "").startswith("level-")]
    box, legend = label.get_window_extent(), fig.legends[0].get_window_extent()
    assert box.x1 < legend.x0 and (label.get_va() == "center") == beside
    r = 5 * fig.dpi / 72  # a marker reaches about 5 points from its centre
    centres = [xy for line in ax.lines if line.get_marker() not in ("None", None, "")
               for xy in line.get_transform().transform(line.get_xydata())]  # each figure's marker
    assert not [xy for xy in centres if box.x0 - r <= xy[0] <= box.x1 + r and box.y0 - r <= xy[1] <= box.y1 + r]
