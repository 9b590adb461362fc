"""Which ledger indicator a candidate most likely belongs to: words, unit and kind of time together."""

from __future__ import annotations

import functools
import math
import re
from typing import TYPE_CHECKING

from tracker.extraction.context import _STOP, _window

if TYPE_CHECKING:
    from tracker.extraction.candidates import Candidate

_TRANSLATE = {  # domain stems in Russian and Ukrainian -> English words in indicator titles
    "дел": "cases", "справ": "cases", "уголовн": "criminal", "кримінальн": "criminal", "суд": "courts",
    "приговор": "sentences", "вирок": "sentences", "решени": "sentences", "дезертир": "deserted",
    "самовол": "awol", "солдат": "soldiers", "военнослужащ": "soldiers", "військов": "soldiers",
    "бійц": "soldiers", "мобилиз": "mobilisation", "мобіліз": "mobilisation", "контрактник": "soldiers",
    "человек": "people", "людей": "people", "людям": "people", "помог": "helped", "допомог": "helped",
    "силовик": "security", "спецслужб": "intelligence", "шпион": "spies", "дипломат": "diplomats",
    "идите лесом": "idite lesom", "ідіть лісом": "idite lesom", "призыв": "conscription", "армию": "drafted",
    "assist": "help", "escap": "flee", "бежал": "flee", "втек": "flee", "сбежал": "flee",
}
_EN_STEM = re.compile(r"[a-zа-яёіїєґ]+")


def _tokens(text: str) -> set[str]:
    low = text.lower()
    words = set()
    for stem, en in _TRANSLATE.items():
        if stem in low:
            words.update(en.split())
    for w in _EN_STEM.findall(low):
        if len(w) > 2 and w not in _STOP:
            words.add(_stem(w))
    for stem, en in (("assist", "help"), ("escap", "flee")):
        if stem in low:
            words.add(en)
    return {_stem(w) for w in words}


def _stem(word: str) -> str:
    """A crude stem: fleeing/flee, deserters/deserted/desert, sentences/sentence."""
    for suffix in ("ations", "ation", "ings", "ing", "ers", "er", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:6]


_UNITS = {"cases": ("cases", "дел", "справ"), "soldiers": ("soldier", "deserter", "military personnel", "men",
                                                            "солдат", "военнослуж", "дезертир", "бійц", "військов"),
          "people": ("people", "person", "others", "russians", "человек", "людей", "людям", "осіб"),
          "sentences": ("sentence", "verdict", "convict", "приговор", "вирок", "решени")}


def _unit_of(noun: str) -> str | None:
    low = noun.lower()
    return next((u for u, stems in _UNITS.items() if any(s in low for s in stems)), None)


def _vocabulary(ledger) -> tuple[dict, dict]:
    """Each indicator's words and how telling each word is (IDF), built once per set of indicators."""
    return _vocabulary_of(tuple(ledger.indicators.values()))


@functools.lru_cache(maxsize=8)
def _vocabulary_of(indicators: tuple) -> tuple[dict, dict]:
    vocabs = {ind.id: _tokens(" ".join([ind.title, ind.counts or "", ind.unit, *ind.aliases])) for ind in indicators}
    df: dict[str, int] = {}
    for v in vocabs.values():
        for w in v:
            df[w] = df.get(w, 0) + 1
    idf = {w: math.log((1 + len(vocabs)) / n) for w, n in df.items()}  # words few indicators use tell most
    return vocabs, idf


FAR = 0.15  # the weight of words elsewhere in the sentence, against those in the number's clause


def suggest_indicator(c: Candidate, ledger, context: str = "") -> tuple[str | None, float]:
    """The ledger indicator a candidate most likely belongs to, and a score in [0, 1].

    Words near the number count fully, the rest of the sentence half; the counted
    unit ("cases", "people") and the kind of time reference must fit the indicator."""
    if ledger is None or not ledger.indicators:
        return None, 0.0
    near = _tokens(" ".join([c.noun, _window(c)]))
    far = _tokens(" ".join([c.quote, context])) - near
    unit = _unit_of(c.noun)
    vocabs, idf = _vocabulary(ledger)
    explainable = sum(idf[w] for w in near if w in idf) + FAR * sum(idf[w] for w in far if w in idf)
    best, best_score = None, 0.0
    for ind in ledger.indicators.values():
        vocab = vocabs[ind.id]
        if not vocab or explainable == 0:
            continue
        hits = sum(idf[w] for w in near & vocab) + FAR * sum(idf[w] for w in far & vocab)
        score = 2 * hits / (explainable + sum(idf[w] for w in vocab))  # like a Dice coefficient
        if unit is not None:
            score *= 1.4 if _unit_of(ind.unit) == unit or (unit == "people" and ind.unit == "soldiers") else 0.6
        unit_ok = (ind.unit == "share") == c.percent or (c.percent and ind.unit == "share")
        if not unit_ok:
            score *= 0.3
        if c.per and ind.kind == "rate":
            score *= 1.5 if ind.per == c.per else 0.7
        elif c.per and ind.kind != "rate":
            score *= 0.4
        elif not c.per and ind.kind == "rate":
            score *= 0.4
        if c.since and ind.kind == "cumulative" and ind.since is not None:
            score *= 1.4 if ind.since.text.startswith(c.since[:7]) else 0.6
        if c.period and ind.kind == "flow":
            score *= 1.3
        if c.change and ind.kind not in ("rate", "flow"):
            score *= 0.5
        if score > best_score:
            best, best_score = ind.id, score
    score = min(1.0, best_score)
    return (best, round(score, 2)) if score >= 0.2 else (None, round(score, 2))
