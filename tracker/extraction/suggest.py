"""Which ledger indicator a candidate most likely belongs to: words, unit and kind of time together."""

from __future__ import annotations

import functools
import math
import re
from typing import TYPE_CHECKING

from tracker.extraction.context import MONTH_WORDS, STOP_WORDS, window_of
from tracker.languages import merged, merged_lists, pieces
from tracker.ledger.definitions import (
    MEASURES,
    PRODUCERS,
    conflicts,
    country_name,
    describe,
    of_indicator,
    since_conflict,
)
from tracker.text.formatting import joined

if TYPE_CHECKING:
    from tracker.extraction.candidates import Candidate

TITLE_WORDS = merged("DOMAIN_STEMS")  # domain stems of every language -> English words in indicator titles
_EN_STEM = re.compile("[" + "".join(pieces("CAPITALS")).lower() + "]+")  # a word of any language's letters


@functools.lru_cache(maxsize=4096)
def _tokens(text: str) -> frozenset[str]:
    """The stems of a text's words, with the domain stems of Russian and Ukrainian in English (cached: a
    sentence's candidates share its words)."""
    low = text.lower()
    words = set()
    for stem, en in TITLE_WORDS.items():
        if stem in low:
            words.update(en.split())
    for w in _EN_STEM.findall(low):
        if len(w) > 2 and w not in STOP_WORDS:
            words.add(_stem(w))
    return frozenset(_stem(w) for w in words)


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A crude stem: fleeing/flee, deserters/deserted/desert, sentences/sentence."""
    for suffix in ("ations", "ation", "ings", "ing", "ers", "er", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:6]


_UNITS = {unit: tuple(stems) for unit, stems in merged_lists("UNIT_WORDS").items()}


@functools.lru_cache(maxsize=4096)
def _unit_of(noun: str) -> str | None:
    low = noun.lower()
    return next((u for u, stems in _UNITS.items() if any(s in low for s in stems)), None)


def indicator_vocabulary(ledger) -> tuple[dict, dict, dict]:
    """Each indicator's words and how telling each word is (IDF), built once per set of indicators."""
    return _vocabulary_of(tuple(ledger.indicators.values()))


@functools.lru_cache(maxsize=8)
def _vocabulary_of(indicators: tuple) -> tuple[dict, dict, dict]:
    vocabs = {ind.id: _tokens(" ".join([ind.title, ind.counts or "", ind.unit, *ind.aliases])) for ind in indicators}
    df: dict[str, int] = {}
    for v in vocabs.values():
        for w in v:
            df[w] = df.get(w, 0) + 1
    idf = {w: math.log((1 + len(vocabs)) / n) for w, n in df.items()}  # words few indicators use tell most
    # sums over sets by math.fsum, exact whatever their order: a float sum in the order of a set's hashes differs
    # in its last bits between runs, and ties between indicators with it
    weight = {i: math.fsum(idf[w] for w in v) for i, v in vocabs.items()}  # each vocabulary's own weight
    return vocabs, idf, weight


FAR = 0.15  # the weight of words elsewhere in the sentence, against those in the number's clause
FACET_BONUS = 1.25  # a judgement: each facet of the definition the sentence states and agrees with
# An indicator narrowed to one article of a code (one offence) for a sentence that names no offence: the sentence
# does not support the narrowing, an umbrella count fits it better. A judgement.
NARROW = 0.6


@functools.lru_cache(maxsize=8)
def _definitions(indicators: tuple) -> dict:
    return {ind.id: of_indicator(ind) for ind in indicators}


def definitions(ledger) -> dict:
    """Each indicator's definition as facets (tracker.ledger.definitions), built once per set of indicators."""
    return _definitions(tuple(ledger.indicators.values()))


def agreed(read, defined) -> list[str]:
    """The facets a candidate states that its indicator's definition fixes, and agrees with."""
    out = []
    if read.country and read.country == defined.country:
        out.append("country")
    if read.measure and defined.measure and MEASURES[read.measure][0] == MEASURES[defined.measure][0]:
        out.append("measure")
    if read.producer and read.producer == defined.producer:
        out.append("producer")
    if (read.articles & defined.articles) or (read.offences & defined.offences):
        out.append("offence")
    return out


# measures that say whose count it is (cases received by a country's courts); a count of persons charged or of
# proceedings opened is every prosecutor's
OWN_COUNTS = {"court-cases"}


def unanchored(read, defined) -> bool:
    """A candidate whose sentence and article name no country cannot be placed in a country's indicator on
    words alone ('3,196 soldiers deserted the Army last year': an American article that never says so): it
    needs a facet that belongs to that indicator's count: its producer, an article of its code, a measure of
    OWN_COUNTS that is the indicator's own ('received by military courts'; not 'charged' for a count of people) or
    its start, as exactly as it is defined ('since mobilisation began'; not 'since 2022'). An offence's name is no
    anchor: every army has deserters."""
    if read.country or not defined.country:
        return False
    same = agreed(read, defined)
    return not ("producer" in same or read.articles & defined.articles
                or (read.measure in OWN_COUNTS and read.measure == defined.measure)
                or (read.since and defined.since and len(read.since) >= len(defined.since)
                    and not since_conflict(read.since, defined.since)))


def part_of(read, defined) -> list[tuple[str, str, str]]:
    """[(facet, as read, as defined)] when a figure is of some of the articles an indicator counts together ("статті
    408 … 50 058"), or of some of its offences where its sentence gives the others to other numbers ("235 646 … за
    СЗЧ, 53 954 – за дезертирство"): a part of that count, not a figure of it. A sentence that names some offences of
    a total and no others ("about 800 sentences a week for AWOL and desertion") is a loose telling of the total, which
    the definition check leaves to the curator; so do suggestions."""
    if read.articles and defined.articles:
        if read.articles < defined.articles:
            return [("articles", ", ".join(sorted(read.articles)), ", ".join(sorted(defined.articles)))]
    elif read.parted and read.offences and defined.offences and read.offences < defined.offences:
        return [("offence", ", ".join(sorted(read.offences)), ", ".join(sorted(defined.offences)))]
    return []


def ruled_out(c: Candidate, ledger, best_by_words: str | None) -> str:
    """Why the indicator the words fit best was not suggested: the facets it contradicts, in words."""
    if not best_by_words:
        return ""
    read, defined = c.read(), definitions(ledger)[best_by_words]
    found = conflicts(read, defined)
    part = part_of(read, defined) if not found else []
    if part:
        (f, got, want), = part

        def listed(values: str) -> str:
            return joined([describe(f, v) for v in values.split(", ")])

        return f"{best_by_words} fits the words but counts {listed(want)} together, this figure {listed(got)} alone"
    if not found and unanchored(read, defined):
        return (f"{best_by_words} fits the words but counts {describe('country', defined.country)}'s figures, "
                "and the article names no country (nor its producer, legal article or start)")
    return f"{best_by_words} fits the words but " + "; ".join(
        f"counts {describe(f, want)}, not {describe(f, got)}" for f, got, want in found) if found else ""


def _span_words(c: Candidate) -> frozenset[str]:
    """A period's span as the word indicator titles use for it ('a month', 'within a year')."""
    p = c.period or ""
    return frozenset({"month"} if re.fullmatch(r"\d{4}-\d{2}", p) else {"year"} if re.fullmatch(r"\d{4}", p)
                     else ())


def suggest_indicator(c: Candidate, ledger, context: str = "", vocabulary=None) -> tuple[str | None, float]:
    """The ledger indicator a candidate most likely belongs to, and a score in [0, 1].

    An indicator whose definition the sentence contradicts (another country, measure, offence, start or kind of
    time) is never suggested. Among the rest, words near the number count fully, the rest of the sentence less;
    the counted unit and the kind of time must fit, and each facet that agrees raises the score."""
    best, score, *_ = ranked(c, ledger, context, vocabulary)
    return best, score


def ranked(c: Candidate, ledger, context: str = "", vocabulary=None) \
        -> tuple[str | None, float, str | None, tuple[str, ...]]:
    """(the best indicator that fits, its score, the best by words alone when that one was ruled out, the other
    indicators that fit exactly as well: the ledger's order chose among them)."""
    best, best_score, by_words, by_words_score, fitting = None, 0.0, None, 0.0, []
    for ind_id, score, ruled in scores(c, ledger, context, vocabulary):
        if ruled:
            if score > by_words_score:
                by_words, by_words_score = ind_id, score
        else:
            fitting.append((ind_id, score))
            if score > best_score:
                best, best_score = ind_id, score
    score = min(1.0, best_score)
    ruled = by_words if by_words_score > best_score and by_words_score >= 0.2 else None
    if score < 0.2:
        return None, round(score, 2), ruled, ()
    return best, round(score, 2), ruled, tuple(i for i, s in fitting if s == best_score and i != best)


def choices(c: Candidate, ledger, context: str = "", n: int = 5) -> list[tuple[str, float]]:
    """The `n` indicators a candidate fits best, best first, none whose definition it contradicts (what
    review offers when the curator changes a candidate's indicator); one that was not suggested only because the
    article names no country is offered: the curator knows whose figure it is."""
    fit = [(i, min(1.0, round(s, 2))) for i, s, ruled in scores(c, ledger, context) if ruled != CONFLICT]
    return sorted(fit, key=lambda t: (-t[1], t[0]))[:n]


CONFLICT, UNANCHORED = "conflict", "unanchored"  # why an indicator is not suggested (scores)


def scores(c: Candidate, ledger, context: str = "", vocabulary=None):
    """(indicator id, score, why it is ruled out: "" when it is not, CONFLICT when its definition contradicts
    the candidate, UNANCHORED when only the article's silence on its country stands in the way) for each
    indicator that shares a word with the candidate, in the ledger's order; a ruled-out one's score is by words
    alone."""
    if ledger is None or not ledger.indicators:
        return
    defs = definitions(ledger)
    read = c.read()
    vocabs, idf, weight = vocabulary or indicator_vocabulary(ledger)  # `vocabulary`: computed once by the caller
    near = (_tokens(" ".join([c.noun, window_of(c)])) | _span_words(c)) & idf.keys()  # words no indicator has
    # cannot tell
    far = (_tokens(c.quote) | _tokens(context)) & idf.keys() - near
    unit = _unit_of(c.noun)
    explainable = math.fsum(idf[w] for w in near) + FAR * math.fsum(idf[w] for w in far)
    for ind in ledger.indicators.values():
        vocab = vocabs[ind.id]
        if not vocab or explainable == 0:
            continue
        if near.isdisjoint(vocab) and far.isdisjoint(vocab):
            continue  # no word in common: a score of 0
        hits = math.fsum(idf[w] for w in near & vocab) + FAR * math.fsum(idf[w] for w in far & vocab)
        score = 2 * hits / (explainable + weight[ind.id])  # like a Dice coefficient
        if unit is not None:  # people may be soldiers, but an indicator of people fits them better
            score *= 1.4 if _unit_of(ind.unit) == unit else 1.0 if (unit == "people" and ind.unit == "soldiers") \
                else 0.6
        unit_ok = (ind.unit == "share") == c.percent or (c.percent and ind.unit == "share")
        if not unit_ok:
            score *= 0.3
        if c.per and ind.kind == "rate":
            score *= 1.5 if ind.per == c.per else 0.7
        elif c.per and ind.kind != "rate":
            score *= 0.4
        elif not c.per and ind.kind == "rate":  # a count in one month is that month's rate per month
            score *= 1.3 if _span_words(c) == {ind.per} else 0.4
        if c.since and ind.kind == "cumulative" and ind.since is not None:
            score *= 1.4 if ind.since.text.startswith(c.since[:7]) else 0.6
        if c.period and ind.kind == "flow":
            score *= 1.3
        if c.since and ind.kind in ("flow", "rate"):
            score *= 0.3  # a total since a date is not a count within a period
        if c.period and not c.assumed and ind.kind in ("cumulative", "stock"):
            score *= 0.5  # a count within a period is not a running total
        if c.change and ind.kind not in ("rate", "flow"):
            score *= 0.5
        found = conflicts(read, defs[ind.id]) or part_of(read, defs[ind.id])
        if found or unanchored(read, defs[ind.id]):
            yield ind.id, score, CONFLICT if found else UNANCHORED
            continue
        score *= FACET_BONUS ** len(agreed(read, defs[ind.id]))
        if len(defs[ind.id].articles) == 1 and not (read.offences or read.articles):
            score *= NARROW
        elif read.offences and defs[ind.id].offences == read.offences:
            score *= FACET_BONUS  # it counts just the offences named: an umbrella count fits them less well
        yield ind.id, score, ""


def why_suggested(c: Candidate, ledger, context: str = "", vocabulary=None, tied: tuple[str, ...] | None = None) -> str:
    """In words, what made `c.indicator` the suggestion: the telling words both share, the counted unit,
    the kind of time, and the indicators that fit as well (`tied`, as `ranked` gave them; asked of it when not
    given). For the note a curator reads."""
    ind = ledger.indicators.get(c.indicator) if ledger is not None and c.indicator else None
    if ind is None:
        return ""
    vocabs, idf, _ = vocabulary or indicator_vocabulary(ledger)
    near = _tokens(" ".join([c.noun, window_of(c)]))
    shared = sorted((w for w in near & vocabs[ind.id] if w in idf), key=lambda w: (-idf[w], w))[:3]
    if not shared:
        shared = sorted(((_tokens(c.quote) | _tokens(context)) & vocabs[ind.id]), key=lambda w: (-idf[w], w))[:3]
    # the stems as words a reader knows: from the sentence, else from the indicator's own words
    words = {}
    for w in _EN_STEM.findall(" ".join([c.quote, ind.title, ind.counts or "", *ind.aliases]).lower()):
        words.setdefault(_stem(w), w)
    shared = list(dict.fromkeys(words.get(w, w) for w in shared))
    parts = [f"shares the words {', '.join(shared)}"] if shared else []
    unit = _unit_of(c.noun)
    if unit is not None and _unit_of(ind.unit) == unit:
        parts.append(f"counts {ind.unit}")
    if c.per and ind.kind == "rate" and ind.per == c.per:
        parts.append(f"a rate per {c.per}")
    elif c.since and ind.kind == "cumulative":
        parts.append(f"a total since {c.since}")
    elif c.period and ind.kind == "flow":
        parts.append("a count within a period")
    defined = definitions(ledger)[ind.id]
    same = agreed(c.read(), defined)
    if same:
        parts.append("the same " + ", ".join(
            f"{f} ({describe(f, getattr(defined, f))})" if f in ("country", "measure") else
            f"producer ({PRODUCERS[defined.producer][0]})" if f == "producer" else "offence" for f in same))
    tied = ranked(c, ledger, context, vocabulary)[3] if tied is None else tied
    if tied:  # the ledger's order chose: the curator should
        parts.append(f"as good a fit: {', '.join(tied)}")
    return "; ".join(parts)


_UNIT_WORDS = {"cases": "cases", "soldiers": "soldiers", "people": "people", "sentences": "sentences"}
_PER_TITLE = {"day": "a day", "week": "a week", "month": "a month", "year": "a year"}


# words after a number that never say what it counts
_NOT_COUNTED = re.compile(r"(?:" + MONTH_WORDS + r")|respectively|each|alone|only|more|less", re.I)
_MEASURE_TITLES = {"cases": "criminal cases", "court-cases": "criminal cases received by courts",
                   "proceedings": "criminal proceedings registered", "persons": "people",
                   "persons-charged": "persons charged", "people-helped": "people helped", "sentences": "sentences",
                   "requests": "requests", "share": "share", "ratio": "ratio"}
_MEASURE_UNITS = {"cases": "cases", "court-cases": "cases", "proceedings": "cases", "persons": "people",
                  "persons-charged": "people", "people-helped": "people", "sentences": "sentences",
                  "requests": "requests", "share": "share", "ratio": "times"}


def new_indicator(c: Candidate) -> tuple[str, str, str, str]:
    """For a candidate no indicator fits: an id, a title, a unit and a kind for a new indicator, from the facets
    read (country, measure) or its counted words, and its time ("67 840 проваджень" in 2024 in an article on
    Ukraine -> ua-criminal-proceedings-registered-in-year, "Criminal proceedings registered in Ukraine in a year",
    cases, flow)."""
    read = c.read()
    unit = "share" if c.percent else _MEASURE_UNITS.get(read.measure or "") or (_unit_of(c.noun) or "count")
    words = [w for w in re.findall(r"[a-z]+", c.noun.lower())
             if w not in STOP_WORDS and not _NOT_COUNTED.fullmatch(w)][:3] if c.language == "en" else []
    head = _MEASURE_TITLES.get(read.measure or "") or " ".join(words) or unit
    if read.country:
        head = f"{head} in {country_name(read.country)}"
    if c.per:
        kind, tail, title_tail = "rate", f"per-{c.per}", f"per {c.per}"
    elif c.period:
        span = "month" if re.fullmatch(r"\d{4}-\d{2}", c.period) else "year" if re.fullmatch(r"\d{4}", c.period) \
            else "period"
        kind, tail, title_tail = "flow", f"in-{span}", f"in a {span}"
    elif c.since:
        kind, tail, title_tail = "cumulative", f"since-{c.since[:7]}", f"since {c.since[:7]}"
    else:
        kind, tail, title_tail = "stock", "", ""
    slug = "-".join(x for x in ((read.country or "").lower(), re.sub(r"[^a-z0-9]+", "-", head.split(" in ")[0])
                                .strip("-"), tail) if x)
    return slug, f"{head[:1].upper()}{head[1:]} {title_tail}".strip(), unit, kind
