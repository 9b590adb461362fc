"""Loading valid ledgers: typed values, defaults, includes, the frame, the shipped ledger."""

import json
from datetime import date

import jsonschema
import pytest
from conftest import BASE, LEDGER, ROOT, TODAY, write

import tracker
from tracker.errors import LedgerError
from tracker.ledger.dates import DateError, parse_span
from tracker.ledger.schema import ledger_schema
from tracker.ledger.yamlread import parse, read_text, to_plain
from tracker.text.numbers import quote_states


def test_typed_values_and_defaults(tmp_path):
    ledger = tracker.load(write(tmp_path, BASE), today=TODAY)
    (f,) = ledger.figures
    assert f.value == 10025 and isinstance(f.value, int)
    assert f.qualifier == "exact"
    assert f.claimant == "Mediazona" and f.claimant_defaulted
    assert f.as_of.first == date(2024, 6, 18) and f.as_of_defaulted
    assert ledger.indicators["cases"].since.first == date(2022, 9, 21)
    assert ledger.events[0].covers("cases")


def test_ledger_is_immutable(tmp_path):
    ledger = tracker.load(write(tmp_path, BASE), today=TODAY)
    with pytest.raises(AttributeError):  # a frozen dataclass
        ledger.figures[0].value = 1
    with pytest.raises(TypeError):
        ledger.indicators["x"] = None


@pytest.mark.parametrize("text,first,last,precision", [
    ("2024", date(2024, 1, 1), date(2024, 12, 31), "year"),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
    ("2024-06-18", date(2024, 6, 18), date(2024, 6, 18), "day"),
    ("2024-11/2025-07", date(2024, 11, 1), date(2025, 7, 31), "month"),
    ("2023-01-01/2023-07-19", date(2023, 1, 1), date(2023, 7, 19), "day"),
    ("2023/2023-07-19", date(2023, 1, 1), date(2023, 7, 19), "year"),
])
def test_spans_carry_their_interval_and_precision(text, first, last, precision):
    span = parse_span(text)
    assert (span.first, span.last, span.precision) == (first, last, precision)


def test_month_as_of_means_some_day_in_that_month(tmp_path):
    text = BASE + ("  - id: f2\n    indicator: cases\n    value: 5000\n    as_of: 2024-02\n    source: s1\n"
                   "    quote: q 5000\n")
    f2 = tracker.load(write(tmp_path, text), today=TODAY).figures[1]
    assert (f2.as_of.first, f2.as_of.last, f2.as_of_defaulted) == (date(2024, 2, 1), date(2024, 2, 29), False)


def test_bad_span_raises():
    with pytest.raises(DateError):
        parse_span("2024-00")


def test_figures_frame_joins_indicator_and_source(tmp_path):
    frame = tracker.load(write(tmp_path, BASE), today=TODAY).figures_frame()
    row = frame.iloc[0]
    assert row["indicator_title"] == "Cases received by military courts"
    assert row["publisher"] == "Mediazona" and row["kind"] == "cumulative"
    assert row["value"] == 10025.0 and row["as_of_end"].date() == date(2024, 6, 18)
    assert frame["value"].dtype == "float64"


def test_include_files_and_cross_file_references(tmp_path):
    write(tmp_path, "figures:\n  - id: f2\n    indicator: cases\n    value: 11000\n    source: s1\n"
                    "    quote: 11,000 cases\n", name="parts/more.yaml")
    main = write(tmp_path, BASE.replace("version: 1\n", "version: 1\ninclude: [parts/*.yaml]\n"))
    ledger = tracker.load(main, today=TODAY)
    assert [f.id for f in ledger.figures] == ["f1", "f2"]
    assert ledger.figures[1].file.endswith("more.yaml") and ledger.figures[1].line == 2
    assert len(ledger.files) == 2


def test_problem_in_included_file_names_that_file(tmp_path):
    write(tmp_path, "figures:\n  - id: f1\n    indicator: cases\n    value: 1\n    source: s1\n    quote: 1\n",
          name="more.yaml")
    main = write(tmp_path, BASE.replace("version: 1\n", "version: 1\ninclude: more.yaml\n"))
    with pytest.raises(LedgerError) as info:
        tracker.load(main, today=TODAY)
    (p,) = info.value.problems
    assert p.path.endswith("more.yaml") and p.line == 2 and "duplicate figure id 'f1'" in p.message


def test_missing_include_is_reported(tmp_path):
    main = write(tmp_path, BASE.replace("version: 1\n", "version: 1\ninclude: [gone.yaml]\n"))
    with pytest.raises(LedgerError) as info:
        tracker.load(main, today=TODAY)
    assert "included file 'gone.yaml' not found" in info.value.problems[0].message
    assert info.value.problems[0].line == 2


def test_include_cycle_is_reported(tmp_path):
    write(tmp_path, "include: ledger.yaml\n", name="b.yaml")
    main = write(tmp_path, BASE.replace("version: 1\n", "version: 1\ninclude: b.yaml\n"))
    with pytest.raises(LedgerError) as info:
        tracker.load(main, today=TODAY)
    assert "includes itself" in info.value.problems[0].message


def test_directory_ledger(tmp_path):
    head, _, figs = BASE.partition("figures:\n")
    write(tmp_path, head, name="dir/a-definitions.yaml")
    write(tmp_path, "figures:\n" + figs, name="dir/b-figures.yaml")
    ledger = tracker.load(tmp_path / "dir", today=TODAY)
    assert len(ledger.figures) == 1 and len(ledger.indicators) == 3


def test_content_hash_tracks_content(tmp_path):
    a = tracker.load(write(tmp_path, BASE), today=TODAY).content_hash
    b = tracker.load(write(tmp_path, BASE), today=TODAY).content_hash
    c = tracker.load(write(tmp_path, BASE.replace("10025", "10026").replace("10,025", "10,026")),
                     today=TODAY).content_hash
    assert a == b != c


# -- the shipped ledger ------------------------------------------------------------------


def test_shipped_ledger_loads(shipped):
    assert len(shipped.figures) >= 80
    assert len(shipped.indicators) >= 20
    assert {"invasion", "mobilisation", "penalties-law"} <= {e.id for e in shipped.events}


def test_every_shipped_quote_states_its_number(shipped):
    missing = [f.id for f in shipped.figures if not quote_states(f.quote, f.value, f.low, f.high)
               and "quote" not in {a[0] for a in f.acknowledged}]  # a curator has said how the quote states it
    assert missing == []


def test_shipped_ledger_holds_the_seed_figures(shipped):
    values = {(f.indicator, f.value, f.qualifier) for f in shipped.figures}
    assert ("awol-court-cases", 7400, "at_least") in values
    assert ("idite-lesom-desertions-assisted", 900, "at_least") in values
    assert ("idite-lesom-conscription-advice", 35000, "at_least") in values
    assert ("refusal-sentences-monthly", 800, "approx") in values
    assert ("security-officers-in-contact-romanova", 5, "exact") in values
    assert ("security-officers-fled-romanova", 24, "at_least") in values  # "dozens"
    assert ("deserters-since-invasion", 49000, "at_least") in values


def test_definitions_that_differ_do_not_share_an_indicator(shipped):
    ind = shipped.indicators
    assert ind["awol-court-cases"].since.first != ind["awol-court-cases-since-invasion"].since.first
    assert ind["awol-court-cases"].unit != ind["awol-court-defendants"].unit
    assert "337" in ind["art337-sentences-weekly"].title and "337" not in ind["refusal-sentences-monthly"].title


def test_shipped_ledger_matches_json_schema():
    problems = []
    node = parse(read_text(LEDGER, problems), str(LEDGER), problems)
    jsonschema.validate(to_plain(node), ledger_schema())


@pytest.mark.parametrize("mutate,fragment", [
    (lambda d: d["figures"][0].update(qualifer="approx"), "qualifer"),
    (lambda d: d["figures"][0].update(qualifier="about"), "about"),
    (lambda d: d["figures"][0].pop("quote"), "quote"),
    (lambda d: d["figures"][0].update(value="7,400"), "7,400"),
    (lambda d: d["indicators"]["cases"].pop("since"), "since"),
    (lambda d: d.update(version=2), "version"),
    (lambda d: d["sources"]["s1"].update(published="June 2024"), "June 2024"),
])
def test_json_schema_rejects_bad_ledgers(tmp_path, mutate, fragment):
    problems = []
    data = to_plain(parse(BASE, "x", problems))
    jsonschema.validate(data, ledger_schema())
    mutate(data)
    with pytest.raises(jsonschema.ValidationError) as info:
        jsonschema.validate(data, ledger_schema())
    assert fragment in str(info.value)


def test_committed_schema_is_current():
    committed = json.loads((ROOT / "docs" / "ledger.schema.json").read_text())
    assert committed == ledger_schema(), "run: tracker schema > docs/ledger.schema.json"


def test_a_ledger_read_beside_other_work_is_the_same_ledger(tmp_path, monkeypatch):
    # on a cache miss the reading goes to a forked process while `beside` runs here
    import os

    from tracker.ledger.loader import load

    monkeypatch.setenv("TRACKER_NO_CACHE", "1")
    import tracker.ledger.loader as loader

    ran, read_in, pid = [], [], os.getpid()
    original = loader._read
    monkeypatch.setattr(loader, "_read", lambda *a, **k: read_in.append(os.getpid()) or original(*a, **k))
    beside = load(LEDGER, today=TODAY, cache=True, beside=lambda: ran.append(os.getpid()))
    plain = load(LEDGER, today=TODAY)
    assert ran == [pid]
    assert [f.id for f in beside.figures] == [f.id for f in plain.figures]
    assert beside.figures == plain.figures and beside.sources == plain.sources and beside.events == plain.events
    assert beside.indicators == plain.indicators
    assert read_in == [pid]  # only the plain load read here: the other was read in the forked process


def test_a_bad_ledger_read_beside_raises_its_problems_here(tmp_path, monkeypatch):
    from tracker.ledger.loader import load

    monkeypatch.setenv("TRACKER_NO_CACHE", "1")
    path = write(tmp_path / "bad.yaml", BASE.replace("kind: cumulative", "kind: stocky", 1))
    with pytest.raises(LedgerError) as caught:
        load(path, cache=True, beside=lambda: None)
    (problem,) = caught.value.problems
    assert "stocky" in problem.message and problem.line > 0
