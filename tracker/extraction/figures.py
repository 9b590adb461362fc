"""The figures in one sentence: numbers that are counts (not years, dates, ages, prices, article numbers),
their qualifiers and ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extraction.context import MONTH_WORDS, month_follows
from tracker.languages import alternation, merged, pieces
from tracker.text.numbers import DURATION_AFTER, scan

_AGE = re.compile(r"^(?:" + alternation("AGE_AFTER") + ")", re.I)
_AGE_BEFORE = re.compile(r"(?:" + alternation("AGE_BEFORE") + ")", re.I)
_ARTICLES_AFTER = re.compile(r"^(?:" + alternation("ARTICLES_AFTER") + ")", re.I)  # "по двум статьям"
# a name and, set off by commas, a person's age: "Hsiu, 42, yesterday admitted", "Иванов, 42, заявил"
_NAME_BEFORE = re.compile(r"\b[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ'’-]+,\s$")
_MONTH_ABBREVIATION_AFTER = re.compile(r"^\s*(?:" + alternation("MONTH_ABBREVIATIONS") + r")\b", re.I)
_MONEY_BEFORE = re.compile(r"([$€£₽₴]|\b(?:USD|EUR|RUB|UAH))\s?$")
_MONEY_AFTER = re.compile(r"^\s?(" + alternation("MONEY_AFTER") + r"|₽|€|\$)", re.I)
# the start of a range whose end is money ("fines of between 50 and 5,000 euros", "от 3 до 5 тысяч рублей")
_MONEY_RANGE_AFTER = re.compile(r"^\s*(?:-|–|—|\w{1,3})\s*\d[\d\s,.]*(?:\s\w+)?\s?(" + alternation("MONEY_AFTER")
                                + r"|₽|€|\$)", re.I)
# a code's article, a military unit's number
_ARTICLE_BEFORE = re.compile(r"(" + alternation("ARTICLE_BEFORE") + r"|№)\s*№?\s*$", re.I)
_ARTICLE_AFTER = re.compile(r"^\s*(?:" + alternation("ARTICLE_AFTER") + ")", re.I)
TIMES_AFTER = re.compile(r"^\s*(?:" + alternation("TIMES_AFTER") + ")", re.I)  # '33 times', 'в 4 раза'

# "the first half of the year", "в первой половине года", "first quarter": a part of a period, not a share
_PART_OF_PERIOD = re.compile(r"(" + alternation("PART_OF_PERIOD") + r")\s*$", re.I)
_ORDINAL_AFTER = re.compile(r"^(?:" + alternation("ORDINAL_SUFFIXES") + r")\b", re.I)
_URL = re.compile(r"(https?://|www\.)\S+", re.I)
_QUOTES = set("'\"‘’“”«»„")
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")
_YEAR_CONTEXT_AFTER = re.compile(r"^\s?(" + alternation("YEAR_WORDS_AFTER") + ")", re.I)
# a four-digit number a counted noun follows is a count, not a year ("тільки 2015 осіб"), unless a word that
# introduces a year stands before it ("in 2015 people said")
_COUNT_AFTER_YEAR = re.compile(r"^\s+(?:" + alternation("COUNT_AFTER_YEAR") + r")\b", re.I)
_YEAR_BEFORE = re.compile(r"\b(?:" + alternation("YEAR_BEFORE") + r")\s*$", re.I)
QUALIFIER_WORDS = {"at_least": pieces("AT_LEAST"), "approx": pieces("APPROX"), "at_most": pieces("AT_MOST")}
_QUALIFIER_PATTERNS = [  # each kind's words, longest first, right before the number
    (q, re.compile(r"(?<![\w])(" + "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))
                   + r")(?:\s+(?:a|an|the))?\s*$")) for q, ws in QUALIFIER_WORDS.items()]
_QUAL_AFTER = {"at_least": re.compile(r"^\s?(" + alternation("AT_LEAST_AFTER") + ")", re.I),
               "at_most": re.compile(r"^\s?(" + alternation("AT_MOST_AFTER") + ")", re.I)}
RANGE_BEFORE = re.compile(r"(?:" + alternation("RANGE_START") + r")\s+$", re.I)
RANGE_NOT_AFTER = re.compile(alternation("RANGE_NOT_AFTER"), re.I)  # 'will increase from 20,790 to 26,850'

RANGE_JOIN = re.compile(r"^\s*(" + alternation("PERCENT") + r")?\s*(?:" + alternation("RANGE_JOIN", escape=True)
                         + r"|-|–|—)\s*", re.I)
_ONE_AS_FIGURE = re.compile(r"\b(" + alternation("ONE_AS_FIGURE_AFTER", escape=True) + r")\s*$", re.I)
_RANGE_END_BEFORE = {w: re.compile(p) for w, p in merged("RANGE_END_BEFORE").items()}  # 'от 30 до' ends a range


@dataclass
class Num:
    start: int
    end: int
    value: float
    printed: str
    percent: bool = False
    words: bool = False
    vague: bool = False
    ratio: bool = False
    share: bool = False  # a fraction said in words: "half", "каждый третий"
    scale: float = 1  # the factor of a scale word after its digits ("20 тысяч": 1,000)


def numbers_in(sentence: str, lang: str) -> list[Num]:
    """The numbers of a sentence that may be figures: not in addresses, ISO dates, times or dotted dates."""
    has_url = "://" in sentence or "www." in sentence.lower()
    urls = [(m.start(), m.end()) for m in _URL.finditer(sentence)] if has_url \
        else []  # addresses and ISO dates are not figures
    if "-" in sentence:
        urls += [(m.start(), m.end()) for m in _ISO_DATE.finditer(sentence)]
    out: list[Num] = []
    for n in scan(sentence, lang):
        if any(a <= n.start < b for a, b in urls):
            continue
        if not n.words:
            before, after = sentence[max(0, n.start - 40):n.start], sentence[n.end:n.end + 40]
            if re.match(r"^[:.]\d", after) or re.search(r"\d[:.]$", before):
                continue  # a time (8:41) or a dotted date (16.09.2024)
        out.append(Num(n.start, n.end, n.value, n.text, percent=n.percent, words=n.words, vague=n.kind == "vague",
                       share=n.kind == "share", ratio=n.kind == "ratio", scale=n.scale))
    return out


def why_not_a_figure(sentence: str, n: Num) -> str | None:
    """Why a number is not a figure, or None when it may be one."""
    before, after = sentence[max(0, n.start - 40):n.start], sentence[n.end:n.end + 40]
    if n.share and _PART_OF_PERIOD.search(before):
        return "a part of a period"
    if _ARTICLES_AFTER.match(after):
        return "a count of a code's articles"
    if n.words:
        if n.value == 1 and len(n.printed.split()) == 1 and not _ONE_AS_FIGURE.search(before):
            return "the word 'one'"  # "one such deserter", "one of the few"
        if n.ratio and n.printed.lower() in ("half",) and not re.search(r"\b(over|more than|almost|nearly)\s*$",
                                                                         before, re.I):
            return None
        if (DURATION_AFTER.match(after) or re.match(r"^[\s-]*times? a", after, re.I)) and not n.ratio:
            return "duration"
        return None
    if _MONEY_BEFORE.search(before) or _MONEY_AFTER.match(after) \
            or (not n.percent and _MONEY_RANGE_AFTER.match(after)):
        return "money"
    if before[-1:] in _QUOTES and after[:1] in _QUOTES:
        return "a name in quotes"  # call signs and slang: '300', «200»
    if _ARTICLE_BEFORE.search(before) or _ARTICLE_AFTER.match(after):
        return "article number"
    if _ORDINAL_AFTER.match(sentence[n.end:n.end + 4]):
        return "ordinal"
    if _AGE.match(after) or _AGE_BEFORE.search(before):
        return "age"
    if _NAME_BEFORE.search(before) and after.startswith(",") and 14 <= n.value <= 100 and float(n.value).is_integer():
        return "age"
    if not n.percent and TIMES_AFTER.match(after):
        return None  # "33 times greater", "в 4 раза больше": a ratio, kept
    if not n.percent and DURATION_AFTER.match(after):
        return "duration"
    v = n.value
    plain_int = re.fullmatch(r"\d{4}", n.printed.strip()) is not None
    if plain_int and 1900 <= v <= 2100 and not (_COUNT_AFTER_YEAR.match(after) and not _YEAR_BEFORE.search(before)) \
            and not month_follows(after):  # "від 795 у січні до 2000 у грудні": December's count
        return "year"
    if re.search(r"(?:" + MONTH_WORDS + r")\.?\s*$", before, re.I) and v <= 31 and float(v).is_integer():
        return "date"
    if (re.match(r"^\s*(?:" + MONTH_WORDS + r")\b", after, re.I) or _MONTH_ABBREVIATION_AFTER.match(after)) \
            and v <= 31 and float(v).is_integer():
        return "date"
    if _YEAR_CONTEXT_AFTER.match(after):
        return "year"
    return None


def qualifier_of(sentence: str, n: Num) -> tuple[str, str]:
    """The qualifier and the words that carry it."""
    before = sentence[max(0, n.start - 30):n.start].lower()
    after = sentence[n.end:n.end + 20]
    for q, pat in _QUAL_AFTER.items():
        m = pat.match(after)
        if m:
            return q, m.group(0).strip()
    best = None
    for q, pattern in _QUALIFIER_PATTERNS:
        m = pattern.search(before)
        if m and (best is None or len(m.group(1)) > len(best[1])):
            best = (q, m.group(1))
    if best:
        q, w = best
        if (end := _RANGE_END_BEFORE.get(w)) is not None and end.search(before):
            return "exact", ""  # the end of a range, handled with the range
        return best
    return "exact", ""


def rounding(printed: str, value: float, words: bool) -> float | None:
    """The unit of the last digit a number was printed to, when it is a rounding of a count rather than
    the count: '7.2K' -> 100, '12,3 тыс.' -> 100, 'two thousand' -> 1000, '6,000' -> 1000, '300' -> 100.

    The rule: a number printed in digits with a scale word (thousand, тыс., K, million), and a whole number
    of 100 or more, in digits or in words, with at most two significant digits and two or more trailing
    zeros, is read as rounded. Everything else is read as the count itself."""
    import math

    if value is None or value <= 0 or re.search(r"[^\W\d_]\.?\s+\d", printed):
        return None  # digits after the scale word ('6 тис 988'): the count itself
    m = None if words else re.match(r"\s*(\d[\d\s\u00a0\u202f\u2009,.'’]*)\s?([^\W\d_]+)?", printed)
    if m and m.group(2) and value >= 1000:  # with a scale word: the unit of the last digit printed
        printed_digits = re.sub(r"[^\d]", "", m.group(1))
        if printed_digits.strip("0"):
            unit = value / int(printed_digits)
            return float(10 ** round(math.log10(unit))) if unit >= 1 else None
    if (m is None and not words) or value < 100 or not float(value).is_integer():
        return None
    # a whole number, in digits or in words ('6,000', 'two thousand' yes; '6,012', 'сто двадцать три' no)
    whole = str(int(value))
    zeros = len(whole) - len(whole.rstrip("0"))
    return 10 ** zeros if zeros >= 2 and len(whole) - zeros <= 2 else None
