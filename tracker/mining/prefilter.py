"""A cheap test of whether a page can hold a figure of a tracked indicator, before the full extractor.

A page passes when its text (tags left out) has a digit or a number word and two different words of the
ledger's indicators (the first five letters of the longer words of their titles, aliases, units and
counted words, and the Russian and Ukrainian stems the extractor knows). Most pages of a news archive
fail it, at the cost of two regular expressions.
"""

from __future__ import annotations

import re

from tracker.extraction.suggest import TITLE_WORDS
from tracker.text import numwords
from tracker.text.numbers import SCALES, VAGUE

# Words that appear in most news pages: they tell nothing about the indicators.
COMMON = {"russia", "russian", "russians", "military", "people", "number", "since", "which", "their", "about",
          "after", "month", "months", "years", "share", "total", "other", "those", "these", "there", "began",
          "start", "within", "working", "ukraine", "ukrainian", "again", "being", "known", "found", "force",
          "forces", "order", "orders", "article", "articles", "central", "centre", "center", "direct", "directly",
          "district", "international", "likely", "likelier", "passed", "permission", "police", "resident",
          "residents", "scale", "serve", "service", "services", "combat", "combined", "contact", "leaving",
          "facing", "formation", "regular", "remain", "remained", "ranking", "ratio", "received", "according"}
COMMON_STEMS = {w[:5] for w in COMMON} | {"throu", "witho", "under", "times", "units", "works", "south", "suppo",
                                          "remai", "direc", "offic", "found", "month", "again", "becau", "betwe"}
MIN_HITS = 2  # different indicator words a page must have


def stems(ledger) -> list[str]:
    """The words a relevant page must have one of: the first 5 letters of each indicator word."""
    words: set[str] = set()
    for ind in ledger.indicators.values():
        text = " ".join([ind.title, ind.counts or "", ind.unit, *ind.aliases]).lower()
        for w in re.findall(r"[^\W\d_]{5,}", text):
            if w not in COMMON and w[:5] not in COMMON_STEMS:
                words.add(w[:5])
        words |= {w for w in re.findall(r"[^\W\d_]{4}", text) if w == text.strip()}  # a short unit: "awol"
        if "awol" in text:
            words.add("awol")
    words |= {k for k, v in TITLE_WORDS.items() if len(k) >= 4}
    return sorted(words)


_TAGS = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.S | re.I)


class Prefilter:
    def __init__(self, words: list[str]):
        self.words = tuple(words)
        self._word = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)")
        # every form of every number word, cut to four letters (a form's apostrophes are gone: 'пять' for 'п’ять')
        number_words = sorted({w[:4] for w in (*numwords.forms(), *SCALES, *VAGUE) if len(w) > 2}, key=len,
                              reverse=True)
        self._number = re.compile(r"\d|" + "|".join(re.escape(w) for w in number_words))

    @classmethod
    def from_ledger(cls, ledger) -> Prefilter:
        return cls(stems(ledger))

    def __call__(self, text: str) -> bool:
        low = _TAGS.sub(" ", text).lower() if "<" in text else text.lower()
        if not self._number.search(low):
            return False
        hits = set()
        for m in self._word.finditer(low):
            hits.add(m.group(0))
            if len(hits) >= MIN_HITS:
                return True
        return False

    def __reduce__(self):  # compiled patterns are rebuilt where they are used (workers, a cluster)
        return (Prefilter, (list(self.words),))
