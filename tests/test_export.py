"""The data out: tables that open with pandas and a data package the frictionless validator accepts."""

import json

import pandas as pd
import pytest
from conftest import BASE, LEDGER, TODAY, write

import tracker
from tracker.cli import main
from tracker.export import figures_table, series_table, write_package

FLOWS = BASE + """\
  - {id: m1, indicator: monthly, value: 800, qualifier: approx, period: 2024, source: s2, quote: about 800 a month}
  - {id: c0, indicator: cases, value: 64, as_of: 2024-01, source: s1, status: rejected, note: digits fell out,
     quote: '64'}
"""


@pytest.fixture()
def ledger(tmp_path):
    return tracker.load(write(tmp_path, FLOWS), today=TODAY)


def test_figures_table_joins_indicator_and_source(ledger):
    frame = figures_table(ledger)
    assert list(frame["id"]) == ["f1", "m1", "c0"]
    f1 = frame.set_index("id").loc["f1"]
    assert (f1["publisher"], f1["url"], f1["value"], f1["date_first"], f1["date_is_publication"]) == \
        ("Mediazona", "https://zona.media/a", 10025.0, "2024-06-18", True)
    m1 = frame.set_index("id").loc["m1"]
    assert (m1["date_first"], m1["date_last"], m1["date_precision"], m1["qualifier"]) == \
        ("2024-01-01", "2024-12-31", "year", "approx")


def test_series_in_their_natural_unit(ledger):
    series = series_table(ledger).set_index("figure")
    assert "c0" not in series.index  # rejected figures are not part of a series
    assert (series.loc["m1", "value"], series.loc["m1", "per"], series.loc["m1", "start"], series.loc["m1", "end"]) \
        == (800.0, "month", "2024-01-01", "2024-12-31")
    assert series.loc["f1", "allowed_low"] == pytest.approx(10025)


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_export_command_writes_a_table_pandas_reads(tmp_path, fmt, capsys):
    out = tmp_path / f"awol.{fmt}"
    assert main(["export", "awol-court-cases", "--what", "series", "--format", fmt, "--ledger", str(LEDGER),
                 "--out", str(out)]) == 0
    frame = {"csv": pd.read_csv, "json": pd.read_json, "parquet": pd.read_parquet}[fmt](out)
    shipped = tracker.load(LEDGER)
    independent = [p for p in shipped.series["awol-court-cases"].points if p.echo_of is None]
    assert len(frame) == len(independent) and set(frame["indicator"]) == \
        {"awol-court-cases"}


def test_every_indicators_csv_passes_frictionless(tmp_path):
    frictionless = pytest.importorskip("frictionless")
    shipped = tracker.load(LEDGER)
    descriptor = write_package(shipped, tmp_path / "pkg")
    report = frictionless.validate(str(descriptor))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    meta = json.loads(descriptor.read_text())
    assert len(meta["sources"]) == len({f.source for f in shipped.figures})
    for ind in shipped.indicators:
        path = tmp_path / f"{ind}.csv"
        assert main(["export", ind, "--what", "series", "--out", str(path), "--ledger", str(LEDGER)]) == 0
        single = frictionless.Resource(path=path.name, basepath=str(tmp_path))
        assert frictionless.validate(single).valid, ind
        assert len(pd.read_csv(path)) == len([p for p in shipped.series[ind].points if p.echo_of is None])


def test_the_package_is_the_same_for_the_same_ledger(tmp_path):
    shipped = tracker.load(LEDGER)
    a = write_package(shipped, tmp_path / "a").parent
    b = write_package(shipped, tmp_path / "b").parent
    assert {p.name: p.read_bytes() for p in a.iterdir()} == {p.name: p.read_bytes() for p in b.iterdir()}


def test_report_links_each_charts_csv(tmp_path):
    shipped = tracker.load(LEDGER)
    tracker.build(shipped, tmp_path / "out", indicators=["awol-court-cases"], progress=False)
    html = (tmp_path / "out" / "index.html").read_text()
    assert 'href="data/awol-court-cases.csv"' in html
    assert len(pd.read_csv(tmp_path / "out" / "data" / "awol-court-cases.csv")) == \
        len([p for p in shipped.series["awol-court-cases"].points if p.echo_of is None])


def test_csv_cells_never_run_as_spreadsheet_formulas(tmp_path):
    from tracker.export import figures_table, write_table

    ledger = tracker.load(write(tmp_path, BASE.replace("quote: Courts have heard 10,025 cases.",
                                                       "quote: '=HYPERLINK(\"http://x\") 10,025 cases'")),
                          today=TODAY)
    out = tmp_path / "f.csv"
    write_table(figures_table(ledger), out, "csv")
    assert "'=HYPERLINK" in out.read_text() and ",=HYPERLINK" not in out.read_text()


def test_export_never_makes_a_folder_a_mistyped_path_names(tmp_path):
    from tracker.export import figures_table, write_table

    ledger = tracker.load(write(tmp_path, BASE), today=TODAY)
    with pytest.raises(tracker.TrackerError, match="no such folder"):
        write_table(figures_table(ledger), tmp_path / "no" / "such" / "f.csv", "csv")
    assert not (tmp_path / "no").exists()


def test_bidirectional_controls_are_shown_not_obeyed_in_the_report(tmp_path):
    ledger = tracker.load(write(tmp_path, BASE.replace("publisher: Mediazona", "publisher: \"Media\u202ezona\"")),
                          today=TODAY)
    tracker.build(ledger, tmp_path / "out", progress=False)
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "\u202e" not in page and "Media&lt;U+202E&gt;zona" in page


def test_series_leave_echoes_out_unless_asked_and_counts_are_whole(shipped, tmp_path):
    """A colleague who sums series.csv must count each figure once; 536, not 536.0; the source's date
    precision in a column of its own."""
    from tracker.export import series_table, write_table

    points = shipped.series["awol-court-cases"].points
    plain = series_table(shipped, ["awol-court-cases"])
    every = series_table(shipped, ["awol-court-cases"], echoes=True)
    assert len(plain) == sum(p.echo_of is None for p in points) < len(every) == len(points)
    assert plain["echo_of"].isna().all() and every["echo_of"].notna().any()
    out = tmp_path / "s.csv"
    write_table(plain, out, "csv")
    assert ",536,exact," in out.read_text() and ".0," not in out.read_text().split("\n")[1]
    figures = tracker.export.figures_table(shipped)
    assert set(figures["published_precision"].dropna()) <= {"day", "month", "year"}
    dated = figures.dropna(subset=["published"])
    lengths = dated["published_precision"].map({"day": 10, "month": 7, "year": 4})
    assert (dated["published"].str.len() == lengths).all()
