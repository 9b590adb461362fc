"""Numbers written in words, in every language of tracker.languages.

Each language lists its number words once, by lemma (NUMBERS: "один": 1, "тысяча": 1000); a language
that inflects them names its morphological analyser (MORPHOLOGY), and every form of every lemma is
read from it (pymorphy3: "двумстам", "пятьюстами", "одним", "тысяче"), so no form is listed by hand.
`runs(text)` finds the words; `compose` reads a run of them as one number or several, by the grammar
all three languages share: units, teens, tens and hundreds make a group below 1,000, a scale word
multiplies the group before it, and scales fall ("two million twenty three thousand and forty nine").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from tracker.languages import LANGUAGES, pieces

# apostrophes and the stress mark go ('пʼять', 'п’ять', 'пять' are one word), and ё is е as most print it
_APOSTROPHES = str.maketrans({"'": None, "’": None, "ʼ": None, "\u0301": None, "ё": "е"})
WORD = re.compile(r"[^\W\d_]+(?:['’ʼ\u0301][^\W\d_]*)*")


@dataclass(frozen=True, slots=True)
class Word:
    value: float
    kind: str  # unit | teen | ten | hundreds (200) | hundred (multiplies: 'two hundred') | scale | fraction
    plural: bool = False  # a plural scale ('millions') is no number alone


def normal(token: str) -> str:
    """A token as the tables hold it: lower case, without apostrophes or stress marks."""
    return unicodedata.normalize("NFC", token.lower()).translate(_APOSTROPHES)


def _kind(value: float, multiplier: bool) -> str:
    if multiplier:
        return "hundred"
    if value >= 1000:
        return "scale"
    if not float(value).is_integer():
        return "fraction"
    v = int(value)
    return ("unit" if v < 10 else "teen" if v < 20 else "ten" if v < 100 else "hundreds")


@functools.cache
def _static() -> dict[str, Word]:
    """Every language's lemmas (and, for a language that does not inflect them, all its forms)."""
    table: dict[str, Word] = {}
    for m in LANGUAGES.values():
        multipliers = set(getattr(m, "MULTIPLIERS", ()))
        for word, value in getattr(m, "NUMBERS", {}).items():
            table.setdefault(normal(word), Word(float(value), _kind(value, word in multipliers),
                                                word in getattr(m, "PLURAL_SCALES", ())))
    return table


@functools.cache
def _inflected() -> dict[str, Word]:
    """Every form of every lemma of the languages that inflect them, from their morphological analysers."""
    table: dict[str, Word] = {}
    for m in LANGUAGES.values():
        code = getattr(m, "MORPHOLOGY", None)
        if not code:
            continue
        analyser = _analyser(code)
        for lemma, value in m.NUMBERS.items():
            kind = _kind(value, False)
            # the lemma's own parse: a numeral, else a noun ('тысяча'), else an adjective ('один'); never an
            # abbreviation ('сто' is also one)
            parses = [p for p in analyser.parse(lemma) if p.normal_form == lemma and "Abbr" not in p.tag]
            parses.sort(key=lambda p: next((i for i, pos in enumerate(("NUMR", "NOUN", "ADJF")) if pos in p.tag), 3))
            for form in parses[0].lexeme if parses else ():
                plural = "plur" in form.tag and kind == "scale"
                table.setdefault(normal(form.word), Word(float(value), kind, plural))
    return table


def forms() -> set[str]:
    """Every form of every number word, as `normal` writes it (loads the analysers)."""
    return {*_static(), *_inflected()}


@functools.cache
def _analyser(code: str):
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=code)


@functools.cache
def _inflected_starts() -> frozenset[str]:
    """The first two letters of every lemma that inflects: a word starting otherwise needs no analyser."""
    return frozenset(normal(lemma)[:2] for m in LANGUAGES.values() if getattr(m, "MORPHOLOGY", None)
                     for lemma in m.NUMBERS)


@functools.lru_cache(maxsize=1 << 16)
def lookup(token: str) -> Word | None:
    """The number word `token` is a form of, or None (cached: news repeats its words)."""
    key = normal(token)
    w = _static().get(key)
    if w is None and key[:2] in _inflected_starts():
        w = _inflected().get(key)
    return w


# what may stand between two words of one number: spaces, a hyphen ('twenty-five'), 'and' ('one hundred and
# two'); between a/an and a multiplier ('a hundred', 'a thousand') only spaces
_GAP = re.compile(r"\s+|\s*-\s*")
_AND = re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in pieces("NUMBER_AND")) + r")\s+")
_ONE_BEFORE = frozenset(pieces("ONE_BEFORE_MULTIPLIER"))  # 'a', 'an'
_HYPHENED = re.compile(r"-([^\W\d_]+)")
_HYPHENED_BEFORE = re.compile(r"([^\W\d_]+)-$")
_ONE_OF = re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in pieces("ONE_OF")) + r")\b", re.I)


@dataclass
class _State:
    start: int
    end: int
    total: float = 0.0
    group: float = 0.0
    last_scale: float = float("inf")
    words: int = 0
    single: Word | None = None

    def takes(self, w: Word) -> bool:
        g = self.group
        if w.kind == "scale":
            return w.value < self.last_scale and (g > 0 or (self.total == 0 and self.words == 0))
        if self.single is not None and self.single.kind == "fraction":
            return False  # 'полтора' is followed by a scale or nothing
        if w.kind == "fraction":
            return False
        if w.kind == "hundreds":
            return g == 0
        if w.kind == "hundred":  # 'two hundred', 'eleven hundred', 'twenty five hundred'
            return g < 100 and not (self.words and g == 0)
        if w.kind in ("ten", "teen"):
            return g % 100 == 0
        return g % 10 == 0 and not 10 <= g % 100 < 20  # a unit

    def add(self, w: Word, end: int) -> None:
        if w.kind == "scale":
            self.total += (self.group or 1) * w.value
            self.group, self.last_scale = 0.0, w.value
        elif w.kind == "hundred":
            self.group = (self.group or 1) * w.value
        else:
            self.group += w.value
        self.words += 1
        self.single = w if self.words == 1 else None
        self.end = end

    @property
    def value(self) -> float:
        return self.total + self.group


def numbers(text: str, low: str, taken: list[tuple[int, int]], words: set[str]) -> list[tuple[int, int, float]]:
    """(start, end, value) of every number written in words in `text` (`low` is its lower case, `words` the
    set of its WORD tokens), outside the spans already `taken` by digits and by word phrases read before
    (vague, shares, ratios)."""
    if not any(lookup(w) for w in words):
        return []  # most sentences: no number word at all
    tokens = []  # (start, end, Word)
    for m in WORD.finditer(low):
        w = lookup(m.group())
        if w is None and m.group() in _ONE_BEFORE:
            w = Word(1.0, "unit")  # kept only before a multiplier, below
        if w is None or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        after = _HYPHENED.match(low, m.end())
        before = _HYPHENED_BEFORE.search(low, max(0, m.start() - 40), m.start()) if m.start() else None
        if after and lookup(after.group(1)) is None or before and lookup(before.group(1)) is None:
            continue  # part of a compound word: 'five-year', 'the five-hundreds', 'year-one'
        tokens.append((m.start(), m.end(), w, m.group() in _ONE_BEFORE))
    out: list[tuple[int, int, float]] = []
    state: _State | None = None

    def close():
        if state is None:
            return
        s = state
        if s.words == 1:
            w = s.single
            if w.kind == "scale" and w.plural:
                return  # 'millions of people'
            if w.value == 1 and _ONE_OF.match(text, s.end):
                return  # 'one of the soldiers', 'один из', 'одна з'
        out.append((s.start, s.end, s.value))

    for i, (start, end, w, article) in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if article:  # 'a hundred', 'an estimated': a/an is 1 only right before a multiplier
            if nxt is None or nxt[2].kind not in ("hundred", "scale") or not re.fullmatch(r"\s+", low[end:nxt[0]]):
                close()
                state = None
                continue
        gap = low[state.end:start] if state is not None else ""
        joined = state is not None and (_GAP.fullmatch(gap) or _AND.fullmatch(gap)) and state.takes(w)
        if joined:
            state.add(w, end)
        else:
            close()
            state = _State(start, end)
            state.add(w, end)
    close()
    return out
