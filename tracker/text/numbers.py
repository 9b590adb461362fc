"""Numbers as news prints them, in English, Russian, Ukrainian and a few other languages.

`numbers_in(text)` finds every number a sentence states, with the readings it
allows ("7,400" is 7400; "4,5 тис." is 4500; "20%" is 0.2 as a share and 20 as
a count; "dozens" is the bound 24). `quote_states(quote, value)` asks whether a
quote states a figure's value, which is how the ledger checks its quotes.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# Thin, narrow no-break and no-break spaces appear as thousands separators.
_SPACES = "\u00a0\u202f\u2009 "
_NUMBER = re.compile(
    r"(?<![\w.,])(?:\d{1,3}(?:[" + _SPACES + r",.'’]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\w])"
    r"|(?<![\w.,])(?:\d{1,3}(?:[" + _SPACES + r",.'’]\d{3})+|\d+)(?=[.,]?\s|$)"
)

_MULTIPLIERS = {
    # thousand
    "thousand": 1e3, "thousands": 1e3, "тыс": 1e3, "тысяч": 1e3, "тысячи": 1e3, "тысяча": 1e3, "тысячам": 1e3,
    "тис": 1e3, "тисяч": 1e3, "тисячі": 1e3, "тисяча": 1e3, "тисячам": 1e3, "tūkstoši": 1e3, "tūkstošiem": 1e3,
    "tuhat": 1e3, "tusen": 1e3, "mii": 1e3, "хиляди": 1e3, "mille": 1e3, "mil": 1e3, "tausend": 1e3, "k": 1e3,
    # million
    "million": 1e6, "millions": 1e6, "mln": 1e6, "млн": 1e6, "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6,
    "мільйон": 1e6, "мільйона": 1e6, "мільйонів": 1e6,
}
_PERCENT = re.compile(r"^\s*(%|per\s*cent\b|percent\b|procent|процент|відсот|prozent|pour\s*cent)", re.I)
_MULT = re.compile(r"^\s*([^\W\d_]+)\.?", re.U)

# Spelled-out small numbers (the forms that news uses), all languages together.
WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100, "a hundred": 100,
    "один": 1, "одна": 1, "два": 2, "две": 2, "двое": 2, "три": 3, "трое": 3, "четыре": 4, "четверо": 4,
    "пять": 5, "пяти": 5, "пятью": 5, "пятеро": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
    "десять": 10, "двадцать": 20, "тридцать": 30, "сто": 100,
    "два́": 2, "дві": 2, "троє": 3, "чотири": 4, "п'ять": 5, "п’ять": 5, "пʼять": 5, "п'ятьох": 5, "п’ятьма": 5,
    "шість": 6, "сім": 7, "вісім": 8, "дев'ять": 9,
}
# Vague quantities and the honest lower bounds the ledger records for them.
VAGUE = {
    "dozens": 24, "dozen": 12, "scores": 40, "hundreds": 200, "thousands": 2000, "multiple thousands": 2000,
    "tens of thousands": 20000, "hundreds of thousands": 200000,
    "десятки": 20, "десятков": 20, "сотни": 200, "сотен": 200, "тысячи": 2000, "тысяч": 2000,
    "десятки тысяч": 20000, "десятків": 20, "сотні": 200, "тисячі": 2000, "десятки тисяч": 20000,
}
# Multipliers and shares said in words.
RATIO_WORDS = {
    "twice": 2, "double": 2, "doubled": 2, "doubling": 2, "triple": 3, "tripled": 3, "tripling": 3,
    "half": 0.5, "a third": 1 / 3, "a quarter": 0.25, "every fifth": 0.2, "every tenth": 0.1,
    "вдвое": 2, "вдвічі": 2, "удвічі": 2, "втрое": 3, "втричі": 3, "удвоилось": 2, "половина": 0.5,
}


def _word_pattern(table: dict) -> re.Pattern:
    words = sorted(table, key=len, reverse=True)  # longest first: "tens of thousands" before "thousands"
    return re.compile(r"(?<![\w'’ʼ])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w'’ʼ])")


_WORD_PATTERNS = [(t, _word_pattern(t)) for t in (VAGUE, WORDS, RATIO_WORDS)]


@dataclass(frozen=True, slots=True)
class Number:
    """A number found in text: where it stands and the values it can be read as."""

    start: int
    end: int
    text: str
    values: tuple[float, ...]
    percent: bool = False
    words: bool = False  # spelled out or vague, not digits


def _readings(token: str) -> set[float]:
    """Every value a digit token can mean in any language: '7,400' -> {7400, 7.4}; '4,5' -> {4.5}."""
    return {read_number(token, lang, scaled) for lang in ("en", "ru") for scaled in (False, True)}


def numbers_in(text: str) -> list[Number]:
    """Every number stated in `text`, digits first, then words, in order of position."""
    found: list[Number] = []
    for m in _NUMBER.finditer(text):
        token = m.group(0).rstrip(".,")
        end = m.start() + len(token)
        values = _readings(token)
        rest = text[end:end + 24]
        percent = bool(_PERCENT.match(rest))
        mult = _MULT.match(rest)
        if mult and mult.group(1).lower() in _MULTIPLIERS:
            factor = _MULTIPLIERS[mult.group(1).lower()]
            values = {v * factor for v in values} | values
            end += mult.end()
        if percent:
            values = values | {v / 100 for v in values}
        found.append(Number(m.start(), end, text[m.start():end], tuple(sorted(values)), percent))
    lowered = text.lower()
    for table, pattern in _WORD_PATTERNS:
        for m in pattern.finditer(lowered):
            found.append(Number(m.start(), m.end(), text[m.start():m.end()], (float(table[m.group(0)]),),
                                words=True))
    found.sort(key=lambda n: (n.start, -n.end))
    return found


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def quote_states(quote: str, value: float | None, low: float | None = None, high: float | None = None,
                 *, multiplier_phrases: bool = True) -> bool:
    """True when the quote states the figure: its value, or (for a range) both its ends.

    Times-words count ("33 times", "doubling" for a ratio of 2) when multiplier_phrases is true.
    """
    readings = [v for n in numbers_in(quote) for v in n.values]
    wanted = [x for x in (low, high) if x is not None] if value is None else [value]
    if value is not None and low is not None and high is not None and not any(_close(value, r) for r in readings):
        wanted = [low, high]  # a range's best estimate need not be printed
    return bool(wanted) and all(any(_close(float(w), r) for r in readings) for w in wanted)


def read_number(token: str, lang: str = "en", scaled: bool = False) -> float:
    """The one value a digit token means in a language.

    English: ',' groups thousands and '.' is the decimal point ('7,400', '1.5').
    Russian and Ukrainian: ',' is the decimal comma ('7,4 тыс.'), spaces group thousands
    ('7 400'). A '.' followed by exactly three digits groups thousands unless a multiplier
    follows ('50.000' is fifty thousand, '1.500 млн' is one and a half million).
    """
    t = token
    for sp in _SPACES + "'’":
        t = t.replace(sp, "")
    if lang in ("ru", "uk", "be", "bg"):
        if t.count(",") == 1 and "." not in t:
            return float(t.replace(",", "."))
        t = t.replace(",", "")
    else:
        whole, _, frac = t.rpartition(",")
        if "," in t and "." not in t and len(frac) != 3:
            return float(t.replace(",", "."))  # '2,5' in an English text is still a decimal
        t = t.replace(",", "")
    if t.count(".") == 1:
        whole, _, frac = t.partition(".")
        if len(frac) == 3 and not scaled and whole != "0":
            return float(whole + frac)
    elif t.count(".") > 1:
        t = t.replace(".", "")
    return float(t)
