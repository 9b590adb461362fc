"""Reviewing candidates: every byte outside the edited figure stays as it was; a bad edit changes nothing."""

import io

import pytest
from conftest import BASE, TODAY, write

import tracker
from tracker.cli import main
from tracker.ledger.edit import Edit, EditError, accept, edit, reject
from tracker.review import highlight, pending, run_review

ODD = """\
version: 1   # the ledger's own comment
# A curator's comment at the top.
indicators:
  cases: {title: Cases received by military courts, unit: cases, kind: cumulative, since: 2022-09-21}
  monthly:
    title: 'Sentences a month'     # single quotes
    unit: sentences
    kind: rate
    per: month
sources:
  mz: {publisher: Mediazona, published: 2024-06-18}
  x: {publisher: "Some Outlet", published: 2024-09-16}
figures:
  - id: ok
    indicator: cases
    value: 10025
    source: mz
    quote: "Courts have heard 10,025 cases."

  # a comment between figures, kept
  - {id: flow, indicator: cases, value: 11000, source: x, quote: '11,000 cases: says X', status: candidate}
  - id: block
    indicator: cases
    value: 12000        # aligned comment
    source: x
    quote: >-
      Courts have heard
      12,000 cases.
    status: candidate
    note: "Extracted; printed as '12,000'."
---
# Candidates extracted by tracker
# Not written as figures (no indicator fits; add one and copy them in):
  # monthly is a rate: the sentence gives no period:
  # - id: x-2024-09-16-3
  #   indicator: monthly
  #   value: 800
  #   qualifier: approx
  #   source: x
  #   quote: "about 800 sentences a month"
  #   status: candidate
  #   note: "Extracted; printed as 'about 800'; per month."
"""


@pytest.fixture()
def ledger_path(tmp_path):
    return write(tmp_path, ODD, "figures.yaml")


def _outside(before: str, after: str, fid: str) -> tuple[list[str], list[str]]:
    """The lines before the edited figure and after it, in both texts (they must be equal)."""
    b, a = before.splitlines(), after.splitlines()
    start = next(i for i, line in enumerate(b) if f"id: {fid}" in line)
    tail = len(b) - next(i for i in range(start + 1, len(b) + 1) if i == len(b) or b[i].startswith("  - ")
                         or b[i].startswith("---") or b[i].startswith("  # a comment"))
    return (b[:start], a[:start]), (b[len(b) - tail:], a[len(a) - tail:])


@pytest.mark.parametrize("fid", ["flow", "block"])
def test_accept_changes_only_that_figure(ledger_path, fid):
    before = ledger_path.read_text()
    accept(ledger_path, [fid], qualifier="approx", today=TODAY)
    after = ledger_path.read_text()
    (head_b, head_a), (tail_b, tail_a) = _outside(before, after, fid)
    assert head_b == head_a and tail_b == tail_a and before != after
    f = {g.id: g for g in tracker.load(ledger_path, today=TODAY).figures}[fid]
    assert f.status == "accepted" and f.qualifier == "approx"


def test_reject_needs_a_reason_of_the_curators_own(ledger_path):
    before = ledger_path.read_bytes()
    with pytest.raises(EditError):
        reject(ledger_path, ["block"], "  ", today=TODAY)
    with pytest.raises(EditError) as err:  # the extractor's note is not a reason
        edit(ledger_path, [Edit("block", {"status": "rejected"})], today=TODAY)
    assert "the curator's reason, not the extractor's note" in str(err.value)
    assert ledger_path.read_bytes() == before
    reject(ledger_path, ["block"], "a projection quoted as a count", today=TODAY)
    f = {g.id: g for g in tracker.load(ledger_path, today=TODAY).figures}["block"]
    assert (f.status, f.note) == ("rejected", "a projection quoted as a count")
    assert ledger_path.read_text().split("  - id: block")[0] == before.decode().split("  - id: block")[0]


def test_an_invalid_edit_is_refused_and_the_file_untouched(ledger_path):
    before = ledger_path.read_bytes()
    with pytest.raises(EditError) as err:
        accept(ledger_path, ["flow"], indicator="monthly", today=TODAY)  # a rate needs a period
    assert "needs a 'period'" in str(err.value)
    with pytest.raises(EditError):
        accept(ledger_path, ["nope"], today=TODAY)
    assert ledger_path.read_bytes() == before


def test_accepting_a_commented_candidate_fills_what_it_lacks(ledger_path):
    before = ledger_path.read_text()
    accept(ledger_path, ["x-2024-09-16-3"], period="2024", today=TODAY)
    after = ledger_path.read_text()
    assert after.split("---")[0] == before.split("---")[0]  # the first document is untouched
    f = {g.id: g for g in tracker.load(ledger_path, today=TODAY).figures}["x-2024-09-16-3"]
    assert (f.status, f.indicator, str(f.period), f.value) == ("accepted", "monthly", "2024", 800)


def test_cli_accept_and_reject(ledger_path, capsys):
    assert main(["accept", "flow", "--ledger", str(ledger_path), "--qualifier", "approx"]) == 0
    assert main(["reject", "block", "--ledger", str(ledger_path), "--note", "duplicate of ok"]) == 0
    assert main(["accept", "flow", "--ledger", str(ledger_path), "--indicator", "monthly"]) == 2
    assert "the edit was refused, the ledger is unchanged" in capsys.readouterr().err


def test_pending_lists_candidates_with_what_they_would_raise(ledger_path):
    items = pending(tracker.load(ledger_path, today=TODAY))
    assert [i.id for i in items] == ["flow", "block", "x-2024-09-16-3"]
    assert items[2].figure is None and items[2].why_commented == "monthly is a rate: the sentence gives no period"
    assert highlight("Courts have heard 10,025 cases.", 10025) == "Courts have heard **10,025** cases."


def test_candidate_previews_the_flag_it_would_raise(tmp_path):
    text = ODD.replace("value: 12000        # aligned comment", "value: 1200        # aligned comment") \
              .replace("12,000 cases.", "1,200 cases.")  # published after 10,025 and lower
    ledger = tracker.load(write(tmp_path, text, "figures.yaml"), today=TODAY)
    (block,) = [i for i in pending(ledger) if i.id == "block"]
    # a value the series never stood at: a fall (it is no re-print of an earlier figure), and maybe stale
    assert [f.code for f in block.would_raise] == ["decrease", "stale"]
    (ok,) = [i for i in pending(tracker.load(write(tmp_path, ODD, "figures.yaml"), today=TODAY)) if i.id == "block"]
    assert ok.would_raise == ()


def test_interactive_review_takes_keys(ledger_path):
    out = io.StringIO()
    keys = io.StringIO("a\nr\nnot a count\na\n2024\nx\n")
    assert run_review(ledger_path, keys, out, today=TODAY) == 0
    figures = {g.id: g for g in tracker.load(ledger_path, today=TODAY).figures}
    assert figures["flow"].status == "accepted"
    assert (figures["block"].status, figures["block"].note) == ("rejected", "not a count")
    assert figures["x-2024-09-16-3"].status == "accepted" and str(figures["x-2024-09-16-3"].period) == "2024"
    shown = out.getvalue()
    assert "[1/3] flow" in shown and "**11,000**" in shown and "if accepted:" in shown


def test_review_survives_an_impossible_date_and_asks_again(ledger_path):
    """The [t]ime key with '2024-02-30' ended the session with a traceback; now the edit is refused and
    the review goes on to the next key."""
    before = ledger_path.read_bytes()
    out = io.StringIO()
    assert run_review(ledger_path, io.StringIO("t\n2024-02-30\nx\n"), out, today=TODAY) == 0
    assert "not changed: as_of: '2024-02-30' is not a calendar date" in out.getvalue()
    assert ledger_path.read_bytes() == before


STUCK = """\
  - id: stuck
    indicator: monthly
    value: 12000
    period: 2024
    source: s1
    quote: 'Courts have heard 12,000 cases.'
    status: candidate
"""


def test_a_candidate_moved_to_a_running_total_is_given_its_date_in_one_step(tmp_path):
    """Choosing a running total for a candidate dated with a period was refused ('write as_of instead of
    period'), and setting as_of first was refused too: review asks for the date with the indicator."""
    path = write(tmp_path, BASE + STUCK)
    out = io.StringIO()
    assert run_review(path, io.StringIO("i\ncases\n2024-06-01\na\nx\n"), out, today=TODAY) == 0
    (f,) = [g for g in tracker.load(path, today=TODAY).figures if g.id == "stuck"]
    assert (f.indicator, f.status, str(f.as_of), f.period) == ("cases", "accepted", "2024-06-01", None), out.getvalue()


def test_accept_with_a_date_replaces_the_period(tmp_path):
    from tracker.ledger.edit import accept

    path = write(tmp_path, BASE + STUCK)
    accept(path, ["stuck"], indicator="cases", as_of="2024-06-01", today=TODAY)
    (f,) = [g for g in tracker.load(path, today=TODAY).figures if g.id == "stuck"]
    assert (f.indicator, str(f.as_of), f.period) == ("cases", "2024-06-01", None)


MOVED = """\
  - id: moved
    indicator: monthly
    value: 12000
    period: 2024
    source: s1
    quote: 'Military courts have received 12,000 cases since mobilisation.'
    status: candidate
"""


def test_review_offers_the_indicators_the_sentence_fits_by_number(tmp_path):
    """The [i]ndicator prompt listed every id of the ledger (63 in the shipped one); it offers the fitting ones
    by number, best first, and lists all on '?'."""
    from tracker.review import indicator_choices

    path = write(tmp_path, BASE + MOVED)
    ledger = tracker.load(path, today=TODAY)
    (item,) = pending(ledger, preview=False)
    assert indicator_choices(ledger, item)[:2] == ["monthly", "cases"]  # its own first, then the one it fits
    out = io.StringIO()
    assert run_review(path, io.StringIO("i\n?\n2\n2024-06-01\na\nx\n"), out, today=TODAY) == 0
    assert "1) monthly  2) cases" in out.getvalue() and "\n  share\n" in out.getvalue()  # '?' lists every id
    (f,) = [g for g in tracker.load(path, today=TODAY).figures if g.id == "moved"]
    assert (f.indicator, f.status, str(f.as_of)) == ("cases", "accepted", "2024-06-01"), out.getvalue()


def test_a_changed_indicator_replaces_the_extractors_reasons_for_its_suggestion(tmp_path):
    """The extractor's note kept 'indicator suggested … (shares the words …)' after the curator chose another:
    the note said why a figure was filed where it no longer is."""
    text = BASE + MOVED.replace("    status: candidate\n", "    status: candidate\n    note: \"Extracted; printed as "
                                "'12,000'; indicator suggested with score 0.85 (shares the words cases; counts "
                                "cases); no period printed.\"\n")
    path = write(tmp_path, text)
    accept(path, ["moved"], indicator="cases", as_of="2024-06-01", today=TODAY)
    (f,) = [g for g in tracker.load(path, today=TODAY).figures if g.id == "moved"]
    assert f.note == ("Extracted; printed as '12,000'; indicator cases chosen by the curator (suggested: monthly, "
                      "score 0.85); no period printed.")
