"""The mistakes a curator still makes by hand, and the commands around them: each message and exit status."""

import json

import pytest
from conftest import BASE, LEDGER, TODAY, problems, write

import tracker
from tracker.cli import main


def line_of(text: str, needle: str) -> int:
    return text.splitlines().index(next(ln for ln in text.splitlines() if needle in ln)) + 1


def fig(body: str) -> str:
    return BASE + body


def only(found, needle):
    (p,) = [p for p in found if needle in p.message]
    return p


def run(capsys, *argv):
    status = main(list(argv))
    out = capsys.readouterr()
    return status, out.out, out.err


# -- values --------------------------------------------------------------------------------------------


def test_european_thousands_separator_is_refused_with_the_fix(tmp_path):
    text = fig("  - {id: f2, indicator: cases, value: 24.000, source: s1, quote: 24.000 cases}\n")
    p = only(problems(tmp_path, text), "24.000")
    assert p.message == "value: '24.000' reads as 24; for 24 thousand write 24000, for 24 write 24"
    assert p.line == line_of(text, "id: f2")


def test_a_value_the_quote_prints_a_thousand_times_larger(tmp_path):
    text = fig("  - {id: f2, indicator: cases, value: 24, source: s1, quote: '24 000 cases'}\n")
    p = only(problems(tmp_path, text), "thousand times")
    assert p.message == "value 24 is a thousand times smaller than the quote prints; for 24000 write value: 24000"


def test_a_value_as_printed_is_read_and_the_number_suggested(tmp_path):
    text = fig("  - id: f2\n    indicator: cases\n    value: 24 тысячи\n    source: s1\n    quote: 24 тысячи дел\n")
    p = only(problems(tmp_path, text), "тысячи")
    assert p.message == ("value: '24 тысячи' is not a number; it reads as 24000: write value: 24000, with "
                         "qualifier: approx if the article rounds it")
    assert p.line == line_of(text, "value: 24 тысячи")


# -- references and field names ---------------------------------------------------------------------------


def test_a_missing_source_says_how_to_add_it_and_suggests_only_close_ids(tmp_path):
    text = fig("  - {id: f2, indicator: cases, value: 5, source: meduza-2025-09-30, quote: '5'}\n")
    p = only(problems(tmp_path, text), "meduza")
    assert p.message == ("unknown source 'meduza-2025-09-30'; add it under sources: (meduza-2025-09-30: "
                         "{publisher: ..., url: ..., published: YYYY-MM-DD}) or fix the id")
    typo = BASE.replace("events:\n", "  mediazona-2024-06-18: {publisher: Mediazona}\nevents:\n") + \
        "  - {id: f2, indicator: cases, value: 5, source: mediazona-2024-6-18, quote: '5'}\n"
    close = only(problems(tmp_path, typo), "2024-6-18")
    assert close.message == "unknown source 'mediazona-2024-6-18'; did you mean 'mediazona-2024-06-18'?"


def test_an_invalid_source_is_not_reported_again_as_unknown(tmp_path):
    text = BASE.replace("    url: https://zona.media/a\n", "    url: zona.media/a\n")
    found = problems(tmp_path, text)
    assert [p.message for p in found] == ["url: 'zona.media/a' is not a web address; it should start with https://"]


@pytest.mark.parametrize("field, hint", [
    ("outlet: Meduza", "the outlet is a source: put it under sources: (publisher: ...) and write source: ITS-ID here"),
    ("date: 2024-05-01", "write as_of: for a count at a date, period: for a count within a period"),
    ("link: https://x.org/a", "the address belongs to the source: write url: under sources:"),
])
def test_field_names_people_reach_for_are_mapped(tmp_path, field, hint):
    name = field.split(":")[0]
    text = fig(f"  - id: f2\n    indicator: cases\n    value: 5\n    {field}\n    source: s1\n    quote: '5'\n")
    p = only(problems(tmp_path, text), f"'{name}'")
    assert p.message == f"unknown figure field '{name}'; {hint}" and p.line == line_of(text, field)


def test_qualifier_words_are_mapped_to_their_value(tmp_path):
    text = fig("  - {id: f2, indicator: cases, value: 5, qualifier: more than, source: s1, quote: '5'}\n")
    assert only(problems(tmp_path, text), "qualifier").message.endswith("did you mean 'at_least'?")


def test_source_synonyms(tmp_path):
    text = BASE.replace("    publisher: Mediazona\n", "    outlet: Mediazona\n    publisher: Mediazona\n")
    assert only(problems(tmp_path, text), "outlet").message == \
        "unknown source field 'outlet'; did you mean 'publisher'?"


# -- YAML in the ledger's terms ------------------------------------------------------------------------------


def test_an_unquoted_colon_says_to_quote_the_text(tmp_path):
    text = fig("  - id: f2\n    indicator: cases\n    value: 5\n    source: s1\n    quote: Courts: 5 cases\n")
    (p,) = problems(tmp_path, text)
    assert p.message == ("YAML syntax error: this text holds ': ', which YAML reads as the start of another field; "
                         "put the whole text in double quotes (write quote: \"Courts: 5 cases\")")
    assert p.line == line_of(text, "Courts: 5")


def test_a_missing_dash_is_said_once(tmp_path):
    text = fig("  - id: f2\n    indicator: cases\n    value: 5\n    source: s1\n    quote: '5'\n"
               "    id: f3\n    indicator: cases\n    value: 6\n    source: s1\n    quote: '6'\n")
    (p,) = problems(tmp_path, text)
    first = line_of(text, "id: f2")
    assert p.line == line_of(text, "id: f3")
    assert p.message == (f"a new entry starts here without its '- ' (its 5 fields repeat those of the entry at line "
                         f"{first}); write '- id: ...' on this line, lined up with the '-' at line {first}")


def test_a_misindented_entry_says_what_to_align(tmp_path):
    text = fig("  - id: f2\n    indicator: cases\n    value: 5\n    source: s1\n    quote: '5'\n  id: f3\n")
    (p,) = problems(tmp_path, text)
    assert p.message.startswith("YAML syntax error: this line is not indented like the list items around it")


# -- commands ---------------------------------------------------------------------------------------------


def test_append_to_a_directory_is_a_usage_error(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Over 7,400 criminal cases have been opened since mobilization began.\n")
    status, out, err = run(capsys, "extract", str(article), "--append", str(tmp_path))
    assert status == 2 and "is a directory; --append takes a ledger file" in err and "Traceback" not in err


def test_extract_without_a_ledger_says_where_it_looked(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "a.txt"
    article.write_text("Over 7,400 criminal cases have been opened since mobilization began.\n")
    status, out, err = run(capsys, "extract", str(article))
    assert status == 0 and "indicator: CHOOSE" in out
    assert f"no ledger at {tmp_path / 'figures.yaml'}, so no indicator is suggested" in err


def test_validate_refuses_a_path_and_ledger_together(capsys):
    status, out, err = run(capsys, "validate", "figures.yaml", "--ledger", "other.yaml")
    assert status == 2 and "give the ledger once" in err


def test_a_wrong_indicator_id_suggests_the_nearest_and_tracker_list(tmp_path, capsys):
    path = write(tmp_path, BASE)
    status, out, err = run(capsys, "show", "case", "--ledger", str(path))
    assert status == 2 and "unknown indicator 'case' (did you mean 'cases'?); `tracker list` lists" in err


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_list_shows_every_indicator(tmp_path, capsys, fmt):
    path = write(tmp_path, BASE)
    status, out, _ = run(capsys, "list", "--ledger", str(path), "--format", fmt)
    assert status == 0
    if fmt == "json":
        rows = {r["indicator"]: r for r in json.loads(out)}
        assert rows["cases"]["accepted"] == 1 and rows["cases"]["latest"] == "10,025"
        assert set(rows) == set(tracker.load(path, today=TODAY).indicators)
    elif fmt == "csv":
        assert out.splitlines()[0].startswith("indicator,title,kind,unit,accepted")
    else:
        assert out.splitlines()[0].split()[:3] == ["indicator", "kind", "unit"] and "10,025" in out


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_show_lists_figures_by_date_with_their_place(tmp_path, capsys, fmt):
    text = fig("  - {id: f0, indicator: cases, value: 5006, as_of: 2023-12-29, source: s1, quote: '5,006'}\n")
    path = write(tmp_path, text)
    status, out, _ = run(capsys, "show", "cases", "--ledger", str(path), "--format", fmt)
    assert status == 0
    if fmt == "json":
        rows = json.loads(out)
        assert [r["id"] for r in rows] == ["f0", "f1"]  # by date, not ledger order
        assert rows[0]["where"] == f"{path}:{line_of(text, 'id: f0')}" and rows[0]["value"] == "5,006"
    elif fmt == "csv":
        assert out.splitlines()[0] == "date,value,qualifier,claimant,outlet,status,id,where"
    else:
        assert out.index("f0") < out.index("f1") and f"{path}:" in out


ACKED = """\
  - {id: f2, indicator: cases, value: 7400, qualifier: at_least, source: late, quote: 'over 7,400'%s}
"""


def _stale_ledger(tmp_path, ack=""):
    text = BASE.replace("events:\n", "  late: {publisher: Somewhere, published: 2024-09-16}\nevents:\n") + ACKED % ack
    return write(tmp_path, text), text


def test_flags_name_file_and_line_and_start_without_a_blank_line(tmp_path, capsys):
    path, text = _stale_ledger(tmp_path)
    status, out, err = run(capsys, "flags", "--ledger", str(path))
    assert out.splitlines()[0] == "cases"
    assert f"{path}:{line_of(text, 'id: f2')}: " in out and "stale" in out


def test_an_acknowledged_flag_stays_out_unless_all(tmp_path, capsys):
    path, _ = _stale_ledger(tmp_path, ", acknowledged: [{flag: stale, by: Anna, why: the outlet's own archive}]")
    status, out, err = run(capsys, "flags", "--ledger", str(path))
    assert "stale" not in out and "1 acknowledged in the ledger (--all shows them)" in err
    status, out, err = run(capsys, "flags", "--ledger", str(path), "--all", "--format", "json")
    (flag,) = json.loads(out)
    assert flag["code"] == "stale" and flag["acknowledged"] == "Anna: the outlet's own archive"


def test_an_acknowledgement_needs_flag_by_and_why(tmp_path):
    path, text = _stale_ledger(tmp_path, ", acknowledged: [{flag: stale, by: Anna}]")
    with pytest.raises(tracker.LedgerError) as err:
        tracker.load(path, today=TODAY)
    assert "missing 'why' in an acknowledgement" in str(err.value)


def test_an_over_indented_field_is_told_to_line_up_not_to_quote(tmp_path):
    """'     value: 22000' was told to put the text in double quotes, which gives the same error again."""
    text = fig("  - id: f2\n    indicator: cases\n     value: 22000\n    source: s1\n    quote: '22,000'\n")
    p = only(problems(tmp_path, text), "indented")
    assert p.message.endswith("line it up under that field: write it with 4 spaces") and "quotes" not in p.message
    assert p.line == line_of(text, "value: 22000")


def test_latest_is_where_the_series_stands_not_a_stale_bound(capsys):
    """deserters-since-invasion's latest was '≥ 2,000 (2025-06)', a re-printed bound, while its level is
    about 50,000."""
    from tracker.series import level

    shipped = tracker.load(LEDGER)
    s = shipped.series["deserters-since-invasion"]
    newest = max(s.independent(), key=lambda p: (p.end, p.id))
    assert newest.qualifier == "at_least" and newest.lo == 2000  # what 'latest' showed
    assert level(s).best >= 49_000
    status, out, _ = run(capsys, "list")
    (row,) = [ln for ln in out.splitlines() if ln.startswith("deserters-since-invasion ")]
    assert "≥ 2,000" not in row and "50,0" in row
