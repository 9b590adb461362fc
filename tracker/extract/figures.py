"""The figures in one sentence: numbers that are counts (not years, dates, ages, prices, article numbers), their qualifiers and ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extract.context import _MONTH_WORDS
from tracker.text.numbers import _SPACES, RATIO_WORDS, VAGUE, WORDS, read_number

_DIGITS = re.compile(
    r"(?<![\w.,/#:])(?<![^\W\d_]-)(\d{1,3}(?:[" + _SPACES + r"](?:\d{3}))+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d+(?:[.,]\d+)?)(?![\w/])")
_MULT = {
    "thousand": 1e3, "thousands": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "mln": 1e6, "billion": 1e9,
    "тыс": 1e3, "тысяч": 1e3, "тысячи": 1e3, "тысяча": 1e3, "тысячам": 1e3, "тысячами": 1e3,
    "тис": 1e3, "тисяч": 1e3, "тисячі": 1e3, "тисяча": 1e3, "тисячам": 1e3, "тисячами": 1e3,
    "млн": 1e6, "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "мільйон": 1e6, "мільйона": 1e6,
    "мільйонів": 1e6, "млрд": 1e9,
}
_PERCENT = re.compile(r"^\s?(%|per\s?cent\b|percent\b|процент\w*|відсот\w*)", re.I)
_DURATION = re.compile(r"^[\s-]*(years?|months?|weeks?|days?|hours?|minutes?|decades?|лет|год\w*|месяц\w*|недел\w*"
                       r"|дн\w*|дня|час\w*|рок\w*|років|міс\w*|тиж\w*|днів|годин\w*)\b", re.I)
_AGE = re.compile(r"^[\s-]*(year|years)[\s-]*old\b|^-?(летн\w*|річн\w*)", re.I)
_MONEY_BEFORE = re.compile(r"([$€£₽₴]|\b(?:USD|EUR|RUB|UAH))\s?$")
_MONEY_AFTER = re.compile(r"^\s?(rubles?|roubles?|dollars?|euros?|hryvni\w*|руб\w*|доллар\w*|евро|гривен\w*|грн"
                          r"|₽|€|\$)", re.I)
_ARTICLE_BEFORE = re.compile(r"(\bArticles?|\bArt\.|\bstat\w*|стат\w*|ст\.|\bчаст\w*|\bч\.|пункт\w*|\bп\.|\bNo\.?|№|"
                             r"\bpart|\bparagraph|\bsection|\bclause)\s*$", re.I)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th|-?(?:й|я|го|ой|ий|ая|е|ї|ої|ого|му|м))\b", re.I)
_URL = re.compile(r"(https?://|www\.)\S+", re.I)
_YEAR_CONTEXT_AFTER = re.compile(r"^\s?(году|года|год|г\.|г\b|року|рік|р\.|р\b|гг|рр)", re.I)
QUALIFIER_WORDS = {
    "at_least": ["more than", "over", "at least", "upwards of", "in excess of", "no fewer than", "no less than",
                 "not less than", "surpass", "exceeded", "exceeds", "minimum of", "a minimum of",
                 "свыше", "более", "больше", "не менее", "не меньше", "по меньшей мере", "как минимум", "минимум",
                 "более чем", "понад", "більше", "більш ніж", "більше ніж", "щонайменше", "не менше", "принаймні",
                 "як мінімум", "мінімум", "свыше чем"],
    "approx": ["about", "around", "almost", "nearly", "approximately", "roughly", "some", "an estimated", "estimated",
               "close to", "circa", "approx.", "почти", "около", "примерно", "приблизительно", "порядка", "где-то",
               "близько", "майже", "приблизно", "орієнтовно", "близько до", "почти что"],
    "at_most": ["up to", "fewer than", "less than", "no more than", "not more than", "under", "at most", "maximum of",
                "менее", "меньше", "не более", "не больше", "максимум", "до", "менше", "менш ніж", "не більше",
                "не більш ніж", "щонайбільше"],
}
_QUALIFIER_PATTERNS = [  # each kind's words, longest first, right before the number
    (q, re.compile(r"(?<![\w])(" + "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))
                   + r")(?:\s+(?:a|an|the))?\s*$")) for q, ws in QUALIFIER_WORDS.items()]
_WORD_TABLES = [(table, kind, re.compile(r"(?<![\w'’ʼ])(?:" + "|".join(
    re.escape(w) for w in sorted(table, key=len, reverse=True)) + r")(?![\w'’ʼ])"))
    for table, kind in ((VAGUE, "vague"), (RATIO_WORDS, "ratio"), (WORDS, "words"))]
_QUAL_AFTER = {"at_least": re.compile(r"^\s?(\+|or more\b|and more\b|plus\b|и более|і більше|или больше)", re.I),
               "at_most": re.compile(r"^\s?(or fewer\b|or less\b|и менее|або менше)", re.I)}
_RANGE = re.compile(r"(?:\bbetween|\bfrom|\bот|\bвід|\bз)\s+$", re.I)
_RANGE_JOIN = re.compile(r"^\s*(%|per\s?cent|процент\w*|відсот\w*)?\s*(?:and|to|до|и|і|та|-|–|—)\s*", re.I)


@dataclass
class _Num:
    start: int
    end: int
    value: float
    printed: str
    percent: bool = False
    words: bool = False
    vague: bool = False
    ratio: bool = False


def _numbers(sentence: str, lang: str) -> list[_Num]:
    urls = [(m.start(), m.end()) for m in _URL.finditer(sentence)]  # addresses and ISO dates are not figures
    urls += [(m.start(), m.end()) for m in re.finditer(r"\b\d{4}-\d{2}(?:-\d{2})?\b", sentence)]
    out: list[_Num] = []
    for m in _DIGITS.finditer(sentence):
        s, e = m.span(1)
        if any(a <= s < b for a, b in urls):
            continue
        token = m.group(1)
        before, after = sentence[max(0, s - 40):s], sentence[e:e + 40]
        if re.match(r"^[:.]\d", after) or re.search(r"\d[:.]$", before):
            continue  # a time (8:41) or a dotted date (16.09.2024)
        mult = re.match(r"^\s?([^\W\d_]+)\.?", after)
        factor = _MULT.get(mult.group(1).lower()) if mult else None
        try:
            value = read_number(token, lang, scaled=factor is not None)
        except ValueError:
            continue
        end = e + (mult.end() if factor else 0)
        if factor:
            value *= factor
        pct = _PERCENT.match(sentence[end:end + 20])
        if pct:
            end += pct.end()
        out.append(_Num(s, end, value, sentence[s:end].strip(), percent=bool(pct)))
    low = sentence.lower()
    taken = [(n.start, n.end) for n in out]
    for table, kind, pattern in _WORD_TABLES:
        for m in pattern.finditer(low):
            word = m.group(0)
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if kind == "vague" and word in ("тысячи", "тысяч") and re.search(r"\d\s*$", low[:m.start()]):
                continue
            taken.append(m.span())
            out.append(_Num(m.start(), m.end(), float(table[word]), sentence[m.start():m.end()], words=True,
                            vague=kind == "vague", ratio=kind == "ratio"))
    return sorted(out, key=lambda n: n.start)


def _is_excluded(sentence: str, n: _Num, lang: str) -> str | None:
    """Why a number is not a figure, or None when it may be one."""
    before, after = sentence[max(0, n.start - 40):n.start], sentence[n.end:n.end + 40]
    if n.words:
        if n.printed.lower() in ("one", "один", "одна", "одно", "один", "одна") and not \
                re.search(r"\b(at least|only|just|more than|over|всего|лишь|хотя бы|щонайменше|лише)\s*$", before, re.I):
            return "the word 'one'"  # "one such deserter", "one of the few"
        if n.ratio and n.printed.lower() in ("half",) and not re.search(r"\b(over|more than|almost|nearly)\s*$",
                                                                         before, re.I):
            return None
        if re.match(r"^[\s-]*(years?|months?|weeks?|days?|times? a|лет|год|рок)", after, re.I) and not n.ratio:
            return "duration"
        return None
    if _MONEY_BEFORE.search(before) or _MONEY_AFTER.match(after):
        return "money"
    if _ARTICLE_BEFORE.search(before):
        return "article number"
    if _ORDINAL_AFTER.match(sentence[n.end:n.end + 4]):
        return "ordinal"
    if _AGE.match(after):
        return "age"
    if not n.percent and re.match(r"^\s*times\b", after, re.I):
        return None  # "33 times greater": a ratio, kept
    if not n.percent and _DURATION.match(after):
        return "duration"
    v = n.value
    plain_int = re.fullmatch(r"\d{4}", n.printed.strip()) is not None
    if plain_int and 1900 <= v <= 2100:
        return "year"
    if re.search(r"(?:" + _MONTH_WORDS + r")\.?\s*$", before, re.I) and v <= 31 and float(v).is_integer():
        return "date"
    if re.match(r"^\s*(?:" + _MONTH_WORDS + r")\b", after, re.I) and v <= 31 and float(v).is_integer():
        return "date"
    if _YEAR_CONTEXT_AFTER.match(after):
        return "year"
    return None


def _qualifier(sentence: str, n: _Num, lang: str) -> tuple[str, str]:
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
        if w == "до" and re.search(r"\b(от|с)\s+[\d\s,.]+\s*до\s*$", before):
            return "exact", ""  # the end of a range, handled with the range
        return best
    return "exact", ""
