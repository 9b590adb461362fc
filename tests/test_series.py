"""Series conversions, worked out by hand, and echoes."""

from datetime import date

import pandas as pd
import pytest
from conftest import TODAY, write

import tracker
from tracker.ledger.dates import parse_span
from tracker.series import flow_to_rate, length_in, rate_to_flow, series_of

LEDGER = """\
version: 1
indicators:
  cases:
    title: Cases
    unit: cases
    kind: cumulative
    since: 2022-09-21
  monthly:
    title: Sentences a month
    unit: sentences
    kind: rate
    per: month
  yearly:
    title: Deserters within a year
    unit: soldiers
    kind: flow
sources:
  mz: {publisher: Mediazona, published: 2024-06-18}
  up: {publisher: Ukrainska Pravda, published: 2024-06-18}
  ki: {publisher: Kyiv Independent, published: 2024-06-19}
  old: {publisher: Mediazona, published: 2023-11-21}
  late: {publisher: Some Outlet, published: 2024-09-16}
figures:
  - {id: c1, indicator: cases, value: 4121, source: old, quote: 4121}
  - {id: c2, indicator: cases, value: 10025, source: mz, quote: 10025}
  - {id: c3, indicator: cases, value: 10025, source: up, claimant: Mediazona, quote: 10025}
  - {id: c4, indicator: cases, value: 10025, source: ki, claimant: Mediazona (court data), quote: 10025}
  - {id: c5, indicator: cases, value: 7400, qualifier: at_least, source: late, quote: 7400}
  - {id: c6, indicator: cases, value: 9000, as_of: 2024-03, source: late, status: candidate, quote: 9000}
  - {id: c7, indicator: cases, value: 99, source: late, status: rejected, note: typo, quote: 99}
  - {id: r1, indicator: monthly, value: 800, qualifier: approx, period: 2024, source: late, quote: 800}
  - {id: r2, indicator: monthly, value: 2, qualifier: approx, change: ratio, period: 2024, compared_to: 2023,
     source: late, quote: doubling}
  - {id: y1, indicator: yearly, value: 50000, period: 2024, source: late, quote: 50000}
"""


@pytest.fixture()
def ledger(tmp_path):
    return tracker.load(write(tmp_path, LEDGER), today=TODAY)


def test_rate_of_800_a_month_over_2024_is_a_flow_of_9600(ledger):
    s = series_of(ledger, "monthly")
    assert s.as_flows()["flow"].tolist() == [9600.0]
    assert rate_to_flow(800, parse_span("2024"), "month") == 9600.0


def test_flow_converts_to_rate_and_back():
    year = parse_span("2024")
    assert flow_to_rate(9600, year, "month") == 800.0
    assert flow_to_rate(50000, year, "year") == 50000.0
    assert rate_to_flow(flow_to_rate(700, parse_span("2024-02"), "week"), parse_span("2024-02"), "week") == \
        pytest.approx(700)
    assert length_in(parse_span("2024-02"), "day") == 29
    assert length_in(parse_span("2023-01/2023-06"), "month") == 6
    assert length_in(parse_span("2024-01-01/2024-01-14"), "week") == 2


def test_flow_series_as_monthly_rate(ledger):
    rates = series_of(ledger, "yearly").as_rates("month")
    assert rates["rate"].iloc[0] == pytest.approx(50000 / 12)


def test_cumulative_differences_into_implied_rate(ledger):
    rates = series_of(ledger, "cases").implied_rates("month")
    (row,) = rates.itertuples()
    assert (row.from_id, row.to_id, row.days, row.difference) == ("c1", "c2", 210, 5904)
    assert row.rate == pytest.approx(855.7, abs=0.1)  # about 0.85 thousand a month
    assert not row.bounded


def test_bounds_are_not_levels_unless_asked(ledger):
    rates = series_of(ledger, "cases").implied_rates(include_bounds=True)
    assert rates["bounded"].tolist() == [False, True]


def test_echoes_of_one_claimant_are_grouped(ledger):
    s = series_of(ledger, "cases")
    echoes = {p.id: p.echo_of for p in s.points}
    assert echoes["c3"] == "c2"  # same claimant, value and day
    assert echoes["c4"] == "c2"  # a day later, claimant written with a parenthesis
    assert echoes["c1"] is None and echoes["c5"] is None
    assert [p.id for p in s.independent()] == ["c1", "c2", "c5"]
    assert s.claimants == ("Mediazona", "Some Outlet")


def test_statuses_and_relative_claims_are_kept_apart(ledger):
    s = series_of(ledger, "cases")
    assert [p.id for p in s.candidates] == ["c6"] and [p.id for p in s.rejected] == ["c7"]
    assert "c6" not in {p.id for p in s.points}
    assert [f.id for f in series_of(ledger, "monthly").relative] == ["r2"]


def test_month_dated_figure_sits_on_its_month(ledger):
    (c6,) = series_of(ledger, "cases").candidates
    assert (c6.start, c6.end) == (date(2024, 3, 1), date(2024, 3, 31))


def test_frame_has_one_row_per_placed_figure(ledger):
    frame = series_of(ledger, "cases").frame()
    assert len(frame) == 7 and set(frame["status"]) == {"accepted", "candidate", "rejected"}


def test_echoes_frame_names_what_each_figure_echoes(ledger):
    from tracker.series import echoes_frame

    frame = echoes_frame(ledger).set_index("id")
    assert frame.loc["c3", "echo_of"] == "c2" and pd.isna(frame.loc["c2", "echo_of"])
    assert set(frame["indicator"]) == {"cases", "monthly", "yearly"}
