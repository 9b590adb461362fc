"""Definition: a figure whose quote says it counts something other than its indicator does.

The quote is read for the facets of tracker.ledger.definitions (whose country, which measure, which offences
or articles of a code, counted from when) and compared with the indicator's definition fields. What the quote
does not say never disagrees; an indicator without definition fields is never flagged.
"""

from __future__ import annotations

import functools
import re

from tracker.checks.base import Context, Flag, register
from tracker.extraction.context import since_of
from tracker.extraction.facets import facets_at, figure_spans, markers
from tracker.languages import detect
from tracker.ledger.definitions import Facets, conflicts, describe, of_indicator
from tracker.text.numbers import quote_states, scanned

_YEAR = re.compile(r"(?:19|20)\d\d")

# The facets a re-print drifts on that this check reads from a quote. The kind of time is left to the ledger's
# own rules (a figure's as_of or period is checked against its indicator's kind when the ledger is read), and the
# producer to the support checks (a claimant is not a definition).
CHECKED = ("country", "measure", "articles", "offence", "since")


@functools.lru_cache(maxsize=4096)
def _figure_in(quote: str, lang: str, value: float | None):
    """(the quote's numbers, the one that states `value` (else the first), its clause)."""
    numbers = scanned(quote, lang)
    at = next((n for n in numbers if value is not None and any(abs(r - value) <= 1e-9 * max(1.0, abs(value))
                                                                for r in n.readings)), numbers[0] if numbers else None)
    start, end = (at.start, at.end) if at is not None else (0, 0)
    outer_start, outer_end = start, end  # a number in brackets is in the clause around them: "cases (471) since …"
    if quote[:start].rstrip().endswith("(") and quote[end:].lstrip().startswith(")"):
        outer_start, outer_end = quote.rfind("(", 0, start), quote.find(")", end) + 1
    clause_start = max([quote.rfind(ch, 0, outer_start) for ch in ",;:()"] + [-1]) + 1
    ends = [i for i in (quote.find(ch, outer_end) for ch in ",;:()") if i >= 0]
    return numbers, at, (clause_start, min(ends) if ends else len(quote))


def _since_in(quote: str, lang: str, value: float | None) -> str | None:
    """The start the quote gives its figure: one in the number's clause, else one printed before it, else one after
    it where no other number stands between ("2,300 cases since 2024, and 7,400 since mobilisation")."""
    if since_of(quote) is None:  # no start anywhere in it: none in any part (and no need to find the figure)
        return None
    numbers, at, clause = _figure_in(quote, lang, value)
    end = at.end if at is not None else 0
    found = since_of(quote[clause[0]:clause[1]]) or since_of(quote[:clause[1]]) or \
        (since_of(quote[end:]) if not any(n.start >= end and not _YEAR.fullmatch(n.text) for n in numbers) else None)
    return found[0] if found else None


@functools.lru_cache(maxsize=4096)
def quote_facets(quote: str, lang: str, value: float | None) -> Facets:
    """What a quote says its figure counts: the facets around the number that states `value` (else the first)."""
    marks = markers(quote, lang)
    numbers, at, clause = _figure_in(quote, lang, value)
    start, end = (at.start, at.end) if at is not None else (0, 0)
    others = figure_spans([(n.start, n.end, n.text) for n in numbers if n is not at], marks)
    read = facets_at(marks, (0, len(quote)), clause, (start, end), article=False,
                     percent=at is not None and (at.percent or at.kind == "share"), text=quote, others=others)
    return Facets(country=read.country, measure=read.measure, offences=read.offences, articles=read.articles,
                  since=_since_in(quote, lang, value))


def drift(quote: str, lang: str, value: float | None, defined: Facets) -> tuple[Facets, list[tuple[str, str, str]]]:
    """What the quote says its figure counts, and where that contradicts the definition (facet, read, defined)."""
    if not (defined.country or defined.measure or defined.articles or defined.offences):
        read = Facets(since=_since_in(quote, lang, value))  # only a start can disagree: the rest is not read
    else:
        read = quote_facets(quote, lang, value)
    found = [c for c in conflicts(read, defined) if c[0] in CHECKED]
    # no number of the quote is its figure ("only [one] man was charged"): which words are the figure's cannot be
    # told, and only the quote's country is judged
    if found and value is not None and any(c[0] != "country" for c in found) and not quote_states(quote, value):
        found = [c for c in found if c[0] == "country"]
    return read, found


def _language(ctx: Context, f) -> str:
    src = ctx.ledger.sources.get(f.source)
    return (src.language if src is not None and src.language else None) or detect(f.quote)


def would_fit(ledger, read: Facets, own) -> str | None:
    """The indicator of the ledger the quote's facets fit instead: no conflict, of the same kind (and per), most
    facets in common; None when none does."""
    best, best_n = None, 0
    for ind in ledger.indicators.values():
        if ind.id == own.id or ind.kind != own.kind or ind.is_share != own.is_share:
            continue
        defined = of_indicator(ind)
        if conflicts(read, defined) or not (defined.country or defined.measure):
            continue
        n = sum(1 for a, b in ((read.country, defined.country), (read.measure, defined.measure)) if a and a == b) + \
            bool(read.offences & defined.offences) + bool(read.since and defined.since and read.since[:7] ==
                                                          defined.since[:7]) + (ind.per == own.per)
        if n > best_n:
            best, best_n = ind.id, n
    return best


@register("definition", "a figure whose quote counts another country, measure, offence or start than its indicator",
          severity="warning", names_culprit=True, thresholds=("CHECKED",))
def definition(ctx: Context) -> list[Flag]:
    series = ctx.series
    ind = series.indicator
    defined = of_indicator(ind)
    if not (defined.country or defined.measure or defined.articles or defined.since):
        return []
    flags = []
    for f in [p.figure for p in series.points if p.echo_of is None] + list(series.relative) + list(series.undated):
        if f.status != "accepted" or f.change:
            continue
        read, found = drift(f.quote, _language(ctx, f), f.value if f.value is not None else f.low, defined)
        if not found:
            continue
        what = "; ".join(f"the quote counts {describe(facet, got)} where {ind.id} counts {describe(facet, want)}"
                         for facet, got, want in found)
        other = would_fit(ctx.ledger, read, ind)
        fit = f" It would fit {other}." if other else " No indicator of the ledger fits it; it may need one."
        flags.append(Flag("definition", "warning", ind.id, (f.id,),
                          f"{f.id}: {what}: a re-print that changed what is counted, or a figure filed under the "
                          f"wrong indicator.{fit}"))
    return flags
