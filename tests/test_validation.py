"""Each validation rule, pinned by a small bad ledger: the message and its line."""

import pytest
from conftest import BASE, TODAY, problems, write

import tracker
from tracker.errors import LedgerError

FIG = BASE  # figures: is the last section, so tests append figures to it


def fig(body: str) -> str:
    """BASE plus one more figure (body indented as a list item under figures:)."""
    return BASE + body


CASES = [
    # (name, ledger text, expected line, expected message fragment)
    ("malformed yaml", "version: 1\nfigures: [\n", 3, "YAML syntax error"),
    ("bad indentation", "version: 1\nindicators:\n  a:\n    title: A\n   unit: x\n", 5, "YAML syntax error"),
    ("empty file", "", 1, "file is empty"),
    ("list not mapping", "- a\n- b\n", 1, "not a list"),
    ("scalar document", "just text\n", 1, "not a single value"),
    ("missing version", "indicators: {}\n", 1, "missing 'version: 1'"),
    ("wrong version", "version: 2\n", 1, "this tool reads version 1"),
    ("unknown top-level key", "version: 1\nfigure: []\n", 2, "did you mean 'figures'?"),
    ("figures not a list", "version: 1\nfigures: {a: 1}\n", 2, "'figures' must be a list"),
    ("duplicate key", BASE.replace("    unit: cases\n", "    unit: cases\n    unit: people\n", 1), 6,
     "duplicate key 'unit' (first at line 5)"),
    ("duplicate indicator key", BASE.replace("sources:\n", "  cases:\n    title: again\nsources:\n"), 17,
     "duplicate key 'cases'"),
    ("python tag", fig("  - id: f2\n    indicator: cases\n    value: !!python/object/apply:os.system [ls]\n"
                        "    source: s1\n    quote: q\n"), 38, "tag '!!python/object/apply:os.system' is not allowed"),
    ("custom tag", fig("  - id: f2\n    indicator: cases\n    value: !secret 5\n    source: s1\n    quote: q 5\n"),
     38, "tag '!secret' is not allowed"),
    ("unknown field with suggestion", fig("  - id: f2\n    indicator: cases\n    value: 5\n    qualifer: approx\n"
                                          "    source: s1\n    quote: q 5\n"), 39, "did you mean 'qualifier'?"),
    ("missing required field", fig("  - id: f2\n    indicator: cases\n    value: 5\n    source: s1\n"), 36,
     "missing required field 'quote'"),
    ("wrong type: list for text", fig("  - id: f2\n    indicator: cases\n    value: 5\n    source: s1\n"
                                      "    quote: [a, b]\n"), 40, "'quote' must be a single value"),
    ("quoted number", fig("  - id: f2\n    indicator: cases\n    value: \"7,400\"\n    source: s1\n    quote: q\n"),
     38, "write 7400 without quotes"),
    ("thousands separator", fig("  - id: f2\n    indicator: cases\n    value: 7,400\n    source: s1\n    quote: q\n"),
     38, "write 7400"),
    ("boolean as number", fig("  - id: f2\n    indicator: cases\n    value: yes\n    source: s1\n    quote: q\n"),
     38, "yes/no word"),
    ("sexagesimal", fig("  - id: f2\n    indicator: cases\n    value: 1:20\n    source: s1\n    quote: q\n"),
     38, "base-60"),
    ("infinite", fig("  - id: f2\n    indicator: cases\n    value: 1e309\n    source: s1\n    quote: q\n"),
     38, "too large"),
    ("nan", fig("  - id: f2\n    indicator: cases\n    value: .nan\n    source: s1\n    quote: q\n"),
     38, "not a finite number"),
    ("hex", fig("  - id: f2\n    indicator: cases\n    value: 0x10\n    source: s1\n    quote: q\n"),
     38, "not a decimal number"),
    ("underscores", fig("  - id: f2\n    indicator: cases\n    value: 1_000\n    source: s1\n    quote: q\n"),
     38, "write 1000"),
    ("leading zero", fig("  - id: f2\n    indicator: cases\n    value: 0700\n    source: s1\n    quote: q\n"),
     38, "leading zero"),
    ("negative count", fig("  - id: f2\n    indicator: cases\n    value: -5\n    source: s1\n    quote: q\n"),
     38, "cannot be below zero"),
    ("bad calendar date", fig("  - id: f2\n    indicator: cases\n    value: 5\n    as_of: 2024-02-30\n"
                              "    source: s1\n    quote: q 5\n"), 39, "February 2024 has 29 days"),
    ("month 13", fig("  - id: f2\n    indicator: cases\n    value: 5\n    as_of: 2024-13-01\n"
                     "    source: s1\n    quote: q 5\n"), 39, "month 13"),
    ("not a date", fig("  - id: f2\n    indicator: cases\n    value: 5\n    as_of: last spring\n"
                       "    source: s1\n    quote: q 5\n"), 39, "is not a date"),
    ("future date", BASE.replace("published: 2024-06-18", "published: 2027-01-01"), 21, "is in the future"),
    ("as_of after published", fig("  - id: f2\n    indicator: cases\n    value: 5\n    as_of: 2024-07\n"
                                  "    source: s1\n    quote: q 5\n"), 39, "after the source was published"),
    ("as_of before since", fig("  - id: f2\n    indicator: cases\n    value: 5\n    as_of: 2022-03\n"
                               "    source: s1\n    quote: q 5\n"), 39, "before the indicator counts from"),
    ("interval ends before start", fig("  - id: f2\n    indicator: monthly\n    value: 5\n"
                                       "    period: 2024-05/2024-02\n    source: s1\n    quote: q 5\n"), 39,
     "ends before it starts"),
    ("range low above high", fig("  - id: f2\n    indicator: share\n    qualifier: range\n    low: 0.3\n"
                                 "    high: 0.2\n    source: s1\n    quote: q\n"), 39, "low (0.3) is above high (0.2)"),
    ("range without high", fig("  - id: f2\n    indicator: share\n    qualifier: range\n    low: 0.3\n"
                               "    source: s1\n    quote: q\n"), 38, "needs both 'low' and 'high'"),
    ("range value outside", fig("  - id: f2\n    indicator: share\n    qualifier: range\n    value: 0.5\n"
                                "    low: 0.2\n    high: 0.3\n    source: s1\n    quote: q\n"), 39,
     "lies outside low..high"),
    ("share as percent", fig("  - id: f2\n    indicator: share\n    value: 20\n    source: s1\n    quote: q\n"),
     38, "write 0.2 for 20%"),
    ("dangling indicator", fig("  - id: f2\n    indicator: case\n    value: 5\n    source: s1\n    quote: q 5\n"),
     37, "unknown indicator 'case'; did you mean 'cases'?"),
    ("dangling source", fig("  - id: f2\n    indicator: cases\n    value: 5\n    source: s9\n    quote: q 5\n"),
     39, "unknown source 's9'"),
    ("dangling event indicator", BASE.replace("    title: Mobilisation\n",
                                              "    title: Mobilisation\n    indicators: [cases, nope]\n"),
     30, "unknown indicator 'nope'"),
    ("duplicate figure id", fig("  - id: f1\n    indicator: cases\n    value: 5\n    source: s1\n    quote: q 5\n"),
     36, "duplicate figure id 'f1' (first at"),
    ("bad enum with suggestion", fig("  - id: f2\n    indicator: cases\n    value: 5\n    qualifier: at-least\n"
                                     "    source: s1\n    quote: q 5\n"), 39, "did you mean 'at_least'?"),
    ("cumulative without since", BASE.replace("    since: 2022-09-21\n", ""), 3, "has no 'since'"),
    ("rate without per", BASE.replace("    per: month\n", ""), 8, "has no 'per'"),
    ("since on a stock", BASE.replace("    kind: stock\n", "    kind: stock\n    since: 2022\n"), 17,
     "'since' applies to cumulative indicators only"),
    ("rate figure with as_of", fig("  - id: f2\n    indicator: monthly\n    value: 800\n    as_of: 2024\n"
                                   "    source: s1\n    quote: q 800\n"), 39, "write the time it covers as period"),
    ("rate figure without period", fig("  - id: f2\n    indicator: monthly\n    value: 800\n    source: s1\n"
                                       "    quote: q 800\n"), 36, "needs a 'period'"),
    ("cumulative figure with period", fig("  - id: f2\n    indicator: cases\n    value: 5\n    period: 2023\n"
                                          "    source: s1\n    quote: q 5\n"), 39, "write as_of instead of period"),
    ("change without compared_to", fig("  - id: f2\n    indicator: monthly\n    value: 2\n    change: ratio\n"
                                       "    period: 2024\n    source: s1\n    quote: doubling\n"), 39,
     "needs 'compared_to'"),
    ("compared_to not earlier", fig("  - id: f2\n    indicator: monthly\n    value: 2\n    change: ratio\n"
                                    "    period: 2023\n    compared_to: 2024\n    source: s1\n    quote: doubling\n"),
     41, "is not before"),
    ("rejected without note", fig("  - id: f2\n    indicator: cases\n    value: 5\n    status: rejected\n"
                                  "    source: s1\n    quote: q 5\n"), 39, "needs a 'note'"),
    ("bad id", fig("  - id: 'f 2'\n    indicator: cases\n    value: 5\n    source: s1\n    quote: q 5\n"), 36,
     "id 'f 2' must be letters"),
    ("bad url", BASE.replace("url: https://zona.media/a", "url: zona.media/a"), 20, "is not a web address"),
    ("bad language", BASE.replace("published: 2024-06-18", "published: 2024-06-18\n    language: English"), 22,
     "is not an ISO 639-1 code"),
    ("id field on a keyed entry", BASE.replace("    publisher: Mediazona\n", "    publisher: Mediazona\n    id: s1\n"),
     20, "the source's id is its key"),
    ("merge key", BASE.replace("    publisher: Ukrainska Pravda\n", "    <<: {publisher: X}\n"), 23,
     "merge keys ('<<') are not supported"),
    ("recursive alias", "version: 1\nevents: &a\n  - *a\n", 3, "refers to itself"),
    ("control character", "version: 1\nsources:\n  s:\n    publisher: \"a\x07b\"\n", 4, "not allowed in YAML"),
    ("accessed before published",
     BASE.replace("published: 2024-06-19", "published: 2024-06-19\n    accessed: 2024-01-01"),
     26, "accessed 2024-01-01 is before published"),
    ("european thousands", fig("  - {id: f2, indicator: cases, value: 24.000, source: s1, quote: '24.000'}\n"), 36,
     "reads as 24; for 24 thousand write 24000"),
    ("value as printed", fig("  - {id: f2, indicator: cases, value: 24 тысячи, source: s1, quote: 24 тысячи}\n"), 36,
     "it reads as 24000: write value: 24000"),
    ("thousand times", fig("  - {id: f2, indicator: cases, value: 24, source: s1, quote: '24 000 дел'}\n"), 36,
     "a thousand times smaller than the quote"),
    ("outlet field", fig("  - {id: f2, indicator: cases, value: 5, outlet: X, source: s1, quote: '5'}\n"), 36,
     "the outlet is a source"),
    ("date field", fig("  - {id: f2, indicator: cases, value: 5, date: 2024-01, source: s1, quote: '5'}\n"), 36,
     "write as_of: for a count at a date"),
    ("qualifier in words", fig("  - {id: f2, indicator: cases, value: 5, qualifier: about, source: s1, quote: '5'}\n"),
     36, "did you mean 'approx'?"),
    ("colon in a quote", fig("  - id: f2\n    indicator: cases\n    value: 5\n    source: s1\n    quote: A: 5\n"), 40,
     "put the whole text in double quotes"),
    ("missing dash", fig("  - id: f2\n    indicator: cases\n    value: 5\n    source: s1\n    quote: '5'\n"
                         "    id: f3\n    indicator: cases\n"), 41, "a new entry starts here without its '- '"),
    ("bad acknowledgement", fig("  - {id: f2, indicator: cases, value: 5, source: s1, quote: '5', "
                                "acknowledged: [stale]}\n"), 36, "each item of 'acknowledged' is a mapping"),
]


@pytest.mark.parametrize("name,text,line,fragment", CASES, ids=[c[0] for c in CASES])
def test_bad_ledger_is_reported_at_its_line(tmp_path, name, text, line, fragment):
    found = problems(tmp_path, text)
    matching = [p for p in found if fragment in p.message]
    assert matching, f"no problem mentions {fragment!r}: {[str(p) for p in found]}"
    assert matching[0].line == line, str(matching[0])
    assert matching[0].path.endswith("ledger.yaml")


def test_there_are_at_least_25_distinct_bad_inputs():
    assert len({c[1] for c in CASES}) >= 25


def test_non_utf8_bytes_are_located(tmp_path):
    path = tmp_path / "ledger.yaml"
    path.write_bytes(b"version: 1\nsources:\n  s:\n    publisher: caf\xe9\n")
    with pytest.raises(LedgerError) as info:
        tracker.load(path, today=TODAY)
    (p,) = info.value.problems
    assert (p.line, p.col) == (4, 19)
    assert "is not UTF-8" in p.message


def test_all_problems_are_reported_at_once(tmp_path):
    text = fig("  - id: f2\n    indicator: nope\n    value: -1\n    source: s1\n    quote: q\n"
               "  - id: f3\n    indicator: cases\n    value: 5\n    colour: red\n    source: s1\n    quote: q\n")
    found = problems(tmp_path, text)
    messages = " | ".join(p.message for p in found)
    assert "unknown indicator 'nope'" in messages
    assert "cannot be below zero" in messages
    assert "unknown figure field 'colour'" in messages
    assert [p.line for p in found] == sorted(p.line for p in found)


def test_problem_prints_as_file_line_column(tmp_path):
    (p,) = problems(tmp_path, "version: 1\nfigure: []\n")
    assert str(p).endswith("ledger.yaml:2:1: unknown top-level key 'figure'; did you mean 'figures'?")


def test_python_tag_is_never_constructed(tmp_path):
    marker = tmp_path / "pwned"
    text = f"version: 1\nsources: !!python/object/apply:os.system ['touch {marker}']\n"
    problems(tmp_path, text)
    assert not marker.exists()


def test_alias_bomb_is_bounded(tmp_path):
    lines = ["version: 1", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    found = problems(tmp_path, "\n".join(lines) + "\n")
    assert any("alias bomb" in p.message or "expands to more than" in p.message for p in found)


def test_yaml_11_words_stay_text(tmp_path):
    """'no' (Norwegian) must not become false; 'on' stays a word."""
    path = write(tmp_path, BASE.replace("published: 2024-06-18", "published: 2024-06-18\n    language: no\n"
                                        "    title: on"))
    ledger = tracker.load(path, today=TODAY)
    assert ledger.sources["s1"].language == "no"
    assert ledger.sources["s1"].title == "on"


# -- values that broke later commands (issue 26) -------------------------------------------------------------

@pytest.mark.parametrize("figure, fragment", [
    ('{id: "a\\n", indicator: cases, value: 5, source: s1, quote: "5"}', "id 'a\\n' must be"),
    ("{id: a2, indicator: cases, value: " + "9" * 400 + ", source: s1, quote: '5'}", "(400 digits) is larger than"),
    ("{id: a2, indicator: cases, value: 9007199254740993, source: s1, quote: '5'}", "is larger than 9,007,199"),
    ("{id: a2, indicator: cases, value: 5, as_of: 0000-01-01, source: s1, quote: '5'}", "has year 0; a date"),
    ("{id: a2, indicator: cases, value: 5, as_of: 0001-01-01, source: s1, quote: '5'}", "has year 1; a date"),
    ("{id: " + "x" * 300 + ", indicator: cases, value: 5, source: s1, quote: '5'}", "at most 100 characters"),
])
def test_values_that_broke_later_commands_are_refused_with_the_reason(tmp_path, figure, fragment):
    found = problems(tmp_path, BASE + "  - " + figure + "\n")
    assert any(fragment in p.message for p in found), [p.message for p in found]


@pytest.mark.parametrize("name", ["/dev/zero", "big"])
def test_a_file_no_ledger_could_be_is_refused_in_bounded_memory(tmp_path, name):
    import resource

    from tracker.ledger import yamlread

    path = name if name.startswith("/") else tmp_path / "big.yaml"
    if name == "big":
        with open(path, "wb") as fh:
            fh.truncate(yamlread.MAX_FILE_BYTES + 10)  # a sparse file of NULs past the limit
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(tracker.LedgerError, match="larger than"):
        tracker.load(path, today=TODAY)
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 2 * yamlread.MAX_FILE_BYTES / 1024  # read up to the limit, never the whole


@pytest.mark.parametrize("pattern", ["/**/*.yaml", "../**/*.yaml"])
def test_a_glob_include_never_walks_outside_the_ledgers_folder(tmp_path, pattern):
    found = problems(tmp_path, BASE.replace("version: 1\n", f"version: 1\ninclude: ['{pattern}']\n"))
    assert any("would search outside the ledger's folder" in p.message for p in found)
