"""Numbers as news prints them, in English, Russian, Ukrainian and a few other languages: the one reader.

`scan(text, lang)` finds every number a text states, with its value in the text's
language and every value it could be read as ("7,400" is 7400; "4,5 тис." is 4500;
"20%" is 20 printed and 0.2 as a share; "three thousand" is 3000; "dozens" is the
bound 24). The extractor takes the figures from it; `quote_states(quote, value)`,
the ledger's quote check, asks whether any reading is the figure's value. The words
of each language are in its module of `tracker.languages`.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from tracker.languages import alternation, decimal_comma, merged, pieces
from tracker.text import numwords

# Thin, narrow no-break and no-break spaces appear as thousands separators.
SPACES = "\u00a0\u202f\u2009 "
_GROUP = SPACES + "'’"
# Korean, Japanese and Chinese write a counter right after the digits ("708명", "592名"): a boundary there
_ATTACHED = "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u4e00-\u9fff\uac00-\ud7a3"
DIGITS = re.compile(
    r"(?:(?<=[" + _ATTACHED + r"])|(?<![\w.,/#:]))(?<![^\W\d_]-)(\d{1,3}(?:[" + _GROUP + r"](?:\d{3}))+(?:,\d+)?"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}|\d+(?:[.,]\d+)?)"
    r"(?:(?=(?:[kK]|bn)(?![\w]))|(?=[" + _ATTACHED + r"])|(?![\w/]))")
_RUN_AFTER = re.compile(r"[" + SPACES + r"]\d")  # more digits after a number, a space between
SCALES = merged("SCALES")
_THOUSAND_BEFORE = merged("THOUSAND_BEFORE")
_ALONE_BEFORE = re.compile(r"(?<![\w\d])(" + "|".join(map(re.escape, _THOUSAND_BEFORE)) + r")\s+$", re.I) \
    if _THOUSAND_BEFORE else None
VAGUE = merged("VAGUE")
RATIOS = merged("RATIOS")
SHARES = merged("SHARES")
_PERCENT = re.compile(r"^\s?(" + alternation("PERCENT") + ")", re.I)
_SCALE = re.compile(r"^\s?([^\W\d_]+)\.?", re.U)
_EDGE_L, _EDGE_R = r"(?<![\w'’ʼ])", r"(?![\w'’ʼ])"
# a unit of time right after a number: it is a duration ("up to 15 years", "шесть месяцев", "3 in 10 days")
DURATION_AFTER = re.compile(r"[\s-]*(?:(?:" + alternation("AND_A_HALF") + r")\s+)?(" + alternation("DURATION_WORDS")
                            + r")\b", re.I)
# "больше тысячи", "около сотни", "понад тисячі": after these words the genitive is one thousand (hundred),
# not the vague "thousands"
_ONE_AFTER_BOUND = merged("ONE_AFTER_BOUND")
_BOUND_BEFORE = re.compile(r"(?<!\w)(" + alternation("BOUND_BEFORE", escape=True) + r")\s+$")
_VAGUE_NOT_AFTER_DIGITS = frozenset(pieces("VAGUE_NOT_AFTER_DIGITS"))  # '2 тысячи' is a scale, not 'thousands'


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # longest first



def _tables(phrases: bool) -> list:
    """The vague, share and ratio words as patterns: phrases of several words ('two thirds', 'tens of
    thousands'), read before the numbers in words, or single words, read after them."""
    out = []
    for kind, table in (("vague", VAGUE), ("share", SHARES), ("ratio", RATIOS)):
        part = {w: v for w, v in table.items() if (" " in w or "-" in w) == phrases}
        if part:
            out.append((kind, part, re.compile(_EDGE_L + "(?:" + _alternatives(part) + ")" + _EDGE_R)))
    return out


_PHRASE_TABLES, _WORD_TABLES = _tables(True), _tables(False)
# A sentence's words decide which tables' patterns can match at all: most sentences need none of them.
_FIRST_TOKENS = {id(table): frozenset(t[0] for w in table if (t := numwords.WORD.findall(w)))
                 for _, table, _ in (*_PHRASE_TABLES, *_WORD_TABLES)}


@dataclass(frozen=True, slots=True)
class Number:
    """A number stated in text: where it stands, its value as printed, and every value it can be read as."""

    start: int
    end: int
    text: str  # as printed, with its scale word and percent sign
    value: float  # in the text's language; a percentage as printed (20 for 20%)
    readings: tuple[float, ...]  # in any language's conventions, and /100 for a percentage
    percent: bool = False
    kind: str = "digits"  # digits | words | vague | ratio | share (a fraction said in words)
    scale: float = 1  # the factor of a scale word after digits ("20 тысяч": 1,000), 1 where none is printed

    @property
    def words(self) -> bool:
        return self.kind != "digits"


def _digit_readings(token: str) -> set[float]:
    """Every value a digit token can mean in any language: '7,400' -> {7400, 7.4}; '4,5' -> {4.5}."""
    out = set()
    for lang in ("en", "ru"):
        for scaled in (False, True):
            try:
                out.add(read_number(token, lang, scaled))
            except ValueError:
                pass
    return out


def scan(text: str, lang: str = "en") -> list[Number]:
    """Every number stated in `text`, in order of position (digits first where they overlap words)."""
    found: list[Number] = []
    for m in DIGITS.finditer(text):
        s, e = m.span(1)
        token = m.group(1)
        if _RUN_AFTER.match(text, e) and any(c in SPACES for c in token):
            # "1983 149 670 19": a group of digits follows that no grouping takes, so this is a row of a table,
            # each group a number of its own, not 149,670
            for g in re.finditer(r"\d+", token):
                found.append(Number(s + g.start(), s + g.end(), g.group(), float(g.group()),
                                    tuple(sorted(_digit_readings(g.group())))))
            continue
        scale = _SCALE.match(text[e:e + 40])
        factor = SCALES.get(scale.group(1).lower()) if scale else None
        try:
            value = read_number(token, lang, scaled=factor is not None)
        except ValueError:
            continue
        readings = _digit_readings(token)
        alone = _ALONE_BEFORE.search(text, max(0, s - 12), s) if _ALONE_BEFORE else None
        if alone and not factor and value < _THOUSAND_BEFORE[alone.group(1).lower()]:
            readings |= {_THOUSAND_BEFORE[alone.group(1).lower()] + value}  # "mil 176": 1,176
        end = e
        if factor:
            value *= factor
            readings |= {r * factor for r in readings}
            end += scale.end()
        pct = _PERCENT.match(text[end:end + 20])
        if pct:
            end += pct.end()
            readings |= {r / 100 for r in readings}
        found.append(Number(s, end, text[s:end].strip(), value, tuple(sorted(readings)), bool(pct),
                            scale=factor or 1))
    low = text.lower()
    tokens = set(numwords.WORD.findall(low))
    taken = [(n.start, n.end) for n in found]
    _read_tables(_PHRASE_TABLES, text, low, tokens, taken, found)
    for start, end, value in numwords.numbers(text, low, taken, tokens):
        if low[start:end] in VAGUE:
            continue  # a lone 'тысячи' is 'thousands' unless a bound comes before it: read below
        taken.append((start, end))
        found.append(Number(start, end, text[start:end], float(value), (float(value),), False, "words"))
    _read_tables(_WORD_TABLES, text, low, tokens, taken, found)
    found.sort(key=lambda n: (n.start, -n.end))
    return _joined(found, text)


def _read_tables(tables, text: str, low: str, tokens: set, taken: list, found: list) -> None:
    """Vague quantities, shares and ratios in words from `tables`, outside the spans already taken."""
    for kind, table, pattern in tables:
        if tokens.isdisjoint(_FIRST_TOKENS[id(table)]):
            continue
        for m in pattern.finditer(low):
            word = m.group(0)
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if kind == "vague" and word in _VAGUE_NOT_AFTER_DIGITS and re.search(r"\d\s*$", low[:m.start()]):
                continue
            taken.append(m.span())
            value = float(table[word])
            bound = kind == "vague" and word in _ONE_AFTER_BOUND
            if bound and _BOUND_BEFORE.search(low[max(0, m.start() - 20):m.start()]):
                kind_here, value = "words", _ONE_AFTER_BOUND[word]  # "больше тысячи": more than one thousand
            else:
                kind_here = kind
            found.append(Number(m.start(), m.end(), text[m.start():m.end()], value, (value,), False, kind_here))


def _joined(found: list[Number], text: str) -> list[Number]:
    """Numbers that make one: digits with a scale word written out and the rest of the number after it
    ('311 тисяч 327', '2 тысячи 350'); 'two out of three' (a share)."""
    out: list[Number] = []
    for n in found:
        prev = out[-1] if out else None
        half = _and_a_half(prev, n, text) if prev is not None else None
        if half is not None:  # "три з половиною тисячі": 3,500
            out[-1] = Number(prev.start, n.end, text[prev.start:n.end], half, (half,), False, prev.kind)
            continue
        rest = _rest_after_scale(prev, n, text) if prev is not None else None
        if rest is not None:
            value = prev.value + n.value
            out[-1] = Number(prev.start, n.end, text[prev.start:n.end], value, (value, *rest), False, prev.kind)
            continue
        if prev is not None and prev.kind in ("digits", "words") and n.kind in ("digits", "words") \
                and not (prev.percent or n.percent) and float(prev.value).is_integer() \
                and float(n.value).is_integer() and 0 < prev.value < n.value \
                and (n.value <= 100 or n.value in _RATE_BASES) \
                and _OUT_OF.fullmatch(text[prev.end:n.start]) and not DURATION_AFTER.match(text, n.end):
            share = prev.value / n.value  # 'two out of three': the second number says what the first is a share of
            out[-1] = Number(prev.start, n.end, text[prev.start:n.end], share, (share, prev.value, n.value), False,
                             "share")
            continue
        out.append(n)
    return out


def _and_a_half(prev: Number, n: Number, text: str) -> float | None:
    """A whole number, AND_A_HALF, then a scale word read alone ('три з половиною тисячі', '3 с половиной тысячи'):
    the number and a half of that scale. None otherwise."""
    scale = _ONE_AFTER_BOUND.get(n.text.lower()) if n.kind == "vague" else None
    if scale is None or prev.kind not in ("digits", "words") or prev.percent or not float(prev.value).is_integer() \
            or not 0 < prev.value < 1000 or not _AND_A_HALF_BETWEEN.fullmatch(text[prev.end:n.start]):
        return None
    return (prev.value + 0.5) * scale


def _rest_after_scale(prev: Number, n: Number, text: str) -> tuple[float, ...] | None:
    """The readings of `prev` that `n` completes, when `prev` is digits with a scale word ('311 тисяч', '6 тис',
    '202 тис.') and `n` the whole number below that scale right after it ('327', '997'; '50 тис. 58' is 50,058),
    not a date."""
    if prev.kind != "digits" or n.kind not in ("digits", "words") or prev.percent or n.percent:
        return None
    m = _SCALE_WORD_END.search(prev.text)
    factor = SCALES.get(m.group(1).lower()) if m else None
    if not factor or factor < 1000 or not float(n.value).is_integer() or not 0 < n.value < factor \
            or not re.fullmatch(r"\s+", text[prev.end:n.start]) or _MONTH_AFTER.match(text, n.end):
        return None
    return tuple(r + n.value for r in prev.readings)


_SCALE_WORD_END = re.compile(r"\s([^\W\d_]{3,})\.?$")  # a scale word at the end of a number ('тисяч', 'тис.')
_MONTH_AFTER = re.compile(r"\s*(?:" + alternation("MONTH_WORDS") + r")\b", re.I)
_RATE_BASES = {1_000, 10_000, 100_000}  # 'nine in every 1,000', 'seven per 1,000': a share too
_OUT_OF = re.compile(r"\s+(?:" + alternation("OUT_OF", escape=True) + r")\s+", re.I)
_AND_A_HALF_BETWEEN = re.compile(r"\s+(?:" + alternation("AND_A_HALF", escape=True) + r")\s+", re.I)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


@functools.lru_cache(maxsize=1 << 16)
def scanned(quote: str, lang: str = "en") -> tuple[Number, ...]:
    """scan(), once per quote text, language and process: the ledger's rule, the quote check and the definition
    check each read every quote."""
    return tuple(scan(quote, lang))


@functools.lru_cache(maxsize=1 << 16)
def _readings(quote: str) -> tuple[float, ...]:
    """Every value the numbers of a quote may be read as; once per quote text and process (the ledger's
    rule asks twice of a quote, for its value and a thousand times it; the quote check asks again)."""
    return tuple(r for n in scanned(quote) for r in n.readings)


def quote_states(quote: str, value: float | None, low: float | None = None, high: float | None = None) -> bool:
    """True when the quote states the figure: its value, or (for a range) both its ends."""
    readings = _readings(quote)
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
    for sp in _GROUP:
        t = t.replace(sp, "")
    if decimal_comma(lang):
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
