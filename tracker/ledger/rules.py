"""Validation rules across an entry's fields, one function each, registered per section.

A rule takes the entry (its converted values and their places) and what it refers to,
and yields (field, message) for every problem; field None points at the entry itself.
To add a rule, write it here and decorate it with `@rule("figure")` (or "indicator",
"source"): the loader runs every registered rule and builds the entry only if none
objects.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from tracker.ledger.convert import format_number as _num
from tracker.ledger.model import Indicator, Source

RULES: dict[str, list] = {"indicator": [], "source": [], "figure": []}
Found = Iterator[tuple[str | None, str]]


@dataclass(slots=True)
class Entry:
    """One mapping from a file: its id, converted fields and their positions."""

    section: str
    id: str
    path: str
    line: int
    col: int
    values: dict
    pos: dict  # field -> (line, col)

    def at(self, name=None) -> tuple[int, int]:
        return self.pos.get(name, (self.line, self.col)) if name else (self.line, self.col)

    def given(self, name: str) -> bool:
        """True when the field was written, even if its value was refused (already reported)."""
        return name in self.pos


def rule(section: str):
    def wrap(func):
        RULES[section].append(func)
        return func
    return wrap


# -- indicators -----------------------------------------------------------------------------


@rule("indicator")
def since_for_running_totals(e: Entry, refs: dict) -> Found:
    kind = e.values.get("kind")
    if kind == "cumulative" and not e.given("since"):
        yield None, (f"indicator '{e.id}' is cumulative but has no 'since' (when counting starts); "
                     "add since: YYYY-MM-DD")
    if kind and kind != "cumulative" and "since" in e.values:
        yield "since", "'since' applies to cumulative indicators only; remove it or set kind: cumulative"


@rule("indicator")
def per_for_rates(e: Entry, refs: dict) -> Found:
    kind = e.values.get("kind")
    if kind == "rate" and not e.given("per"):
        yield None, f"indicator '{e.id}' is a rate but has no 'per'; add per: month (or day, week, year)"
    if kind and kind != "rate" and "per" in e.values:
        yield "per", "'per' applies to rate indicators only; remove it or set kind: rate"


@rule("indicator")
def articles_of_a_code(e: Entry, refs: dict) -> Found:
    import re

    articles = e.values.get("articles", ())
    if articles and not e.given("country"):
        yield "articles", (f"indicator '{e.id}' lists articles but no country whose criminal code they are of; "
                           "add country: RU (or the country's ISO code)")
    for i, a in enumerate(articles):
        if not re.fullmatch(r"\d{1,4}(\.\d{1,2})?", a):
            yield ("articles", i), f"articles: '{a}' is not an article number; write the number only, as 337 or 352.1"


# -- sources --------------------------------------------------------------------------------


@rule("source")
def accessed_after_published(e: Entry, refs: dict) -> Found:
    pub, acc = e.values.get("published"), e.values.get("accessed")
    if pub and acc and acc.last < pub.first:
        yield "accessed", f"accessed {acc} is before published {pub}; check both dates"


# -- figures: refs holds the figure's indicator and source (None when unknown) ----------------


@rule("figure")
def range_or_value(e: Entry, refs: dict) -> Found:
    v = e.values
    q = v.get("qualifier", "exact")
    value, low, high = v.get("value"), v.get("low"), v.get("high")
    bad_number = any(e.given(n) and n not in v for n in ("value", "low", "high"))  # reported already
    if q == "range":
        if low is None or high is None:
            if not bad_number:
                yield "qualifier", "a range needs both 'low' and 'high'"
            else:
                yield None, ""
        elif low > high:
            yield "low", f"low ({_num(low)}) is above high ({_num(high)}); swap them"
        elif value is not None and not low <= value <= high:
            yield "value", (f"value {_num(value)} lies outside low..high ({_num(low)}..{_num(high)}); "
                            "the value of a range is its best estimate")
        return
    if value is None:
        yield None, "" if bad_number else f"figure '{e.id}' has no 'value'"
    if (low is not None or high is not None) and q != "approx":
        yield ("low" if low is not None else "high"), (
            f"low/high narrow a range or an approx figure; with qualifier '{q}' remove them or set qualifier: range")
    elif value is not None and ((low is not None and low > value) or (high is not None and high < value)):
        yield "value", f"value {_num(value)} lies outside low..high"


def _numbers(e: Entry) -> list[tuple[str, float]]:
    return [(n, e.values[n]) for n in ("value", "low", "high") if e.values.get(n) is not None]


@rule("figure")
def not_negative(e: Entry, refs: dict) -> Found:
    if e.values.get("change") == "difference":
        return
    for name, n in _numbers(e):
        if n < 0:
            yield name, (f"{name} is negative ({_num(n)}); counts cannot be below zero "
                         "(a fall is written with change: difference)")


@rule("figure")
def shares_are_fractions(e: Entry, refs: dict) -> Found:
    ind: Indicator | None = refs["indicator"]
    if ind is None or not ind.is_share or e.values.get("change") is not None:
        return
    for name, n in _numbers(e):
        if n > 1:
            yield name, f"{name} {_num(n)} is not a share: shares are fractions, write {_num(n / 100)} for {_num(n)}%"


@rule("figure")
def relative_claims(e: Entry, refs: dict) -> Found:
    v = e.values
    change, value = v.get("change"), v.get("value")
    as_of, period, compared = v.get("as_of"), v.get("period"), v.get("compared_to")
    if change == "ratio" and value is not None and value <= 0:
        yield "value", "a ratio must be above zero"
    if change:
        if compared is None and not e.given("compared_to"):
            yield "change", "a relative claim needs 'compared_to' (the earlier time)"
        later = period or as_of
        if later is None and not e.given("period") and not e.given("as_of"):
            yield "change", "a relative claim needs 'period' (the later time)"
        elif later is not None and compared is not None and compared.first >= later.first:
            yield "compared_to", f"compared_to {compared} is not before {later}; compared_to is the earlier time"
    elif compared is not None:
        yield "compared_to", ("'compared_to' goes with 'change: ratio' or 'change: difference'; add change or "
                              "remove it")


@rule("figure")
def time_fits_the_kind(e: Entry, refs: dict) -> Found:
    ind: Indicator | None = refs["indicator"]
    v = e.values
    if ind is None or v.get("change"):
        return
    as_of, period = v.get("as_of"), v.get("period")
    if ind.kind in ("stock", "cumulative") and period is not None:
        yield "period", (f"indicator '{ind.id}' is {ind.kind}: a figure holds at a date, so write as_of instead "
                         "of period")
    if ind.kind in ("flow", "rate"):
        if as_of is not None:
            yield "as_of", (f"indicator '{ind.id}' is a {ind.kind}: write the time it covers as period (e.g. "
                            "period: 2024 or 2024-03), not as_of")
        elif period is None and not e.given("period"):
            yield None, (f"figure '{e.id}' of {ind.kind} indicator '{ind.id}' needs a 'period' (e.g. period: 2024, "
                         "2024-03, or 2024-01-01/2024-04-30)")
    if ind.kind == "cumulative" and ind.since and as_of is not None and as_of.last < ind.since.first:
        yield "as_of", f"as_of {as_of} is before the indicator counts from ({ind.since})"


@rule("figure")
def not_after_publication(e: Entry, refs: dict) -> Found:
    src: Source | None = refs["source"]
    published = src.published if src else None
    if published is None:
        return
    as_of, period = e.values.get("as_of"), e.values.get("period")
    if as_of is not None and as_of.first > published.last:
        yield "as_of", (f"as_of {as_of} is after the source was published ({published}); a report cannot count "
                        "beyond its own date")
    if period is not None and period.first > published.last:
        yield "period", f"period {period} starts after the source was published ({published})"


@rule("figure")
def rejection_says_why(e: Entry, refs: dict) -> Found:
    note = e.values.get("note") or ""
    if e.values.get("status", "accepted") == "rejected" and not note:
        yield "status", "a rejected figure needs a 'note' saying why it was rejected"
    elif e.values.get("status") == "rejected" and note.startswith("Extracted;"):
        yield "note", ("a rejected figure needs the curator's reason, not the extractor's note; write why it was "
                       "rejected (tracker reject ID --note '...')")


@rule("figure")
def quote_in_the_same_thousands(e: Entry, refs: dict) -> Found:
    """A value a thousand times smaller than the quote prints ('24' for '24 000'): a thousands separator
    read as a decimal point, or 'thousand' left out."""
    from tracker.text.numbers import quote_states

    value, quote = e.values.get("value"), e.values.get("quote")
    if value is None or not quote or value == 0 or e.values.get("change"):
        return
    if _num(value).split(".")[0] not in quote:  # cheap: the leading digits must be printed for this to happen
        return
    if not quote_states(quote, value) and quote_states(quote, value * 1000):
        yield "value", (f"value {_num(value)} is a thousand times smaller than the quote prints; for "
                        f"{_num(value * 1000)} write value: {_num(value * 1000)}")
