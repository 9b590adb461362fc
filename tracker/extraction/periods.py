"""The time of each number of a sentence, where a sentence names several: "у 2022 році … 347, у 2023 році —
6 641, а у 2024 — 67 840"; "(з них 347 у період січень-лютий)"; "за 7 місяців 2025 року"; "з січня 2022 року по
вересень 2025 року"; "from 2022 through July 2025"; "до липня 2025 року".

Each language module gives the words (PERIOD_FROM, PERIOD_TO, UNTIL, MONTHS_OF_YEAR, YEAR_MENTION); month names
are its MONTH_WORDS. `spans_in` finds every time a sentence names with what it resolves to; `time_for` picks the
one a number belongs to: the one in its clause (in a list, on the side the clause puts its times), else, when the
sentence names several, the nearest before it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from tracker.extraction.context import LIST_DASH, MONTH_WORDS, month_number
from tracker.languages import LANGUAGES, alternation, merged, pieces
from tracker.ledger.dates import Span


@dataclass(frozen=True)
class TimeSpan:
    start: int
    end: int
    fields: tuple[tuple[str, str | None], ...]  # ("period", ...), ("as_of", ...); ("period", None): not known
    text: str
    kind: str = ""  # fiscal_<month it starts> | days | days_one_year | day_to_month | months | year_to_month |
    # years_to_last_year | months_of_year | until | month | end_of_year | start_of_year | quarter | by_quarter | half |
    # by_half | year | last_year | this_year | end_of_last_year | unresolved (months "of this year", or "last year", in
    # an undated article)


_M = r"(" + MONTH_WORDS + r")"
_Y = r"((?:19|20)\d\d)(?!\d)"  # a year, not any four digits ("до 5600–6000 дел")
_YS = r"(?:\s*(?:року|рік|році|году|года|год|г\.|р\.|year))?(?:-(?:го|му|м|ого))?"
_FROM = r"(?:(?:" + alternation("PERIOD_FROM") + r")\s+)"
_TO = r"(?:\s*[-–—]\s*|\s+(?:" + alternation("PERIOD_TO") + r")\s+)"
_PART = r"(?:(?:" + alternation("MONTH_PART") + r")\s+)?"  # "to the end of July 2020"
_DATE = r"(?:" + _M + r"\s+(\d{1,2}),?\s+" + _Y + r"|(\d{1,2})\s+" + _M + r"\s+" + _Y + r")"
# a year that heads its number in a list, in any language: "In 2021 – 10, 2022 – 7, 2023 – 12" (not a range of years,
# which the "years" kind reads first, nor a month written 2021-10)
_YEAR_DASH = re.compile(r"(?<![\d.,/–-])((?:19|20)\d\d)(?=\s*" + LIST_DASH + r"\s*\d)")
# a year that heads a row of a table, the row's numbers its own: "1983 149 670 19"
_YEAR_ROW = re.compile(r"^[ \t]*((?:19|20)\d\d)(?=(?:[ \t]+\d[\d,.]*)+[ \t]*$)", re.M)


@functools.cache
def _patterns():
    fiscal = [(f"fiscal_{start}", re.compile(p)) for m in LANGUAGES.values()
              for start, ps in getattr(m, "FISCAL_YEARS", {}).items() for p in ps]
    return [
        *fiscal,
        ("days", re.compile(_FROM + r"?" + _DATE + _YS + _TO + _DATE)),
        # "с 1 января по 30 июня 2025 года": the first day's year is the second's (or the one before)
        ("days_one_year", re.compile(_FROM + r"?(\d{1,2})\s+" + _M + _TO + r"(\d{1,2})\s+" + _M + r"\s+" + _Y)),
        ("day_to_month", re.compile(_FROM + r"?(\d{1,2})\s+" + _M + r"\s+" + _Y + _YS + _TO + _M + r"\s+" + _Y + _YS)),
        ("day_to_month", re.compile(_FROM + r"?" + _M + r"\s+(\d{1,2}),?\s+" + _Y + _TO + _M + r"\s+" + _Y)),
        ("months", re.compile(_FROM + r"?" + _PART + _M + r"(?:\s+" + _Y + r")?" + _YS + _TO + _PART + _M
                              + r"(?:\s+" + _Y + r")?" + _YS)),
        ("year_to_month", re.compile(_FROM + _Y + _YS + _TO + _M + r"\s+" + _Y)),
        ("years", re.compile(_FROM + _Y + _YS + _TO + _Y + _YS)),
        # "from 2014 to last year": to the year before the article's
        ("years_to_last_year", re.compile(_FROM + _Y + _YS + _TO + r"(?:" + alternation("LAST_YEAR_AFTER") + r")\b")),
        ("years", re.compile(r"(?<![\d.,])" + _Y + r"\s*[-–—]\s*" + _Y)),  # "in 2003–2004", "у 2022-2025 роках"
        ("months_of_year", re.compile("|".join(f"(?:{p})" for p in pieces("MONTHS_OF_YEAR")))),
        ("until", re.compile(r"\b(?:" + alternation("UNTIL") + r")\s+" + _M + r"\s+" + _Y)),
        ("end_of_year", re.compile(alternation("END_OF_YEAR"))),
        ("start_of_year", re.compile(alternation("START_OF_YEAR"))),
        *(("quarter", re.compile(p)) for p in pieces("QUARTER")),
        *(("half", re.compile(p)) for p in pieces("HALF")),
        # "в январе 2023 года": a month of a named year (not a day's date: "14 октября 2025 года")
        ("month", re.compile(r"(?<!\d)(?<!\d\s)" + _M + r"\s+" + _Y + _YS)),
        ("year", re.compile("|".join(f"(?:{p})" for p in pieces("YEAR_MENTION")))),
        ("year", _YEAR_DASH),
        ("headed_year", _YEAR_ROW),  # the row's own even where the sentence names no other time
        ("end_of_last_year", re.compile(alternation("END_OF_LAST_YEAR"))),
        ("last_year", re.compile(alternation("LAST_YEAR"))),
        ("this_year", re.compile(alternation("THIS_YEAR_NAMED"))),
        ("previous_year", re.compile(alternation("PREVIOUS_YEAR"))),
    ]


_MONTH_BEFORE = re.compile(r"(?:" + MONTH_WORDS + r")\W+(?:of\s+)?$")
_THIS_YEAR_AFTER = re.compile(r"\s*(?:" + alternation("THIS_YEAR_AFTER") + r")\b")  # after months with no year
_QUARTERS = sorted(merged("QUARTER_NUMBERS").items(), key=lambda kv: -len(kv[0]))  # the longest word first
_HALVES = sorted(merged("HALF_NUMBERS").items(), key=lambda kv: -len(kv[0]))
_BY = re.compile(r"\b(?:" + alternation("AS_OF") + r")\s+(?:the\s+)?$")  # "by the first quarter": its end
# before a month: a count held then ("as of June 2025", "at the end of December 2023"; not "by September 2007" in a
# list of years, that year so far)
_STATE_BEFORE = re.compile(r"(?:\b(?:" + alternation("STATE_AT") + r")\s+|" + alternation("END_OF") + r")$")


_NUMERALS = {"1": 1, "2": 2, "3": 3, "4": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4}  # the same in every language


def _nth(word: str, table=_QUARTERS) -> int | None:
    """Which quarter or half a word names: a digit or I-IV, else a language's word (or its stem)."""
    return _NUMERALS.get(word) or next((n for w, n in table if word.startswith(w)), None)


def _count(word: str) -> int | None:
    """A small count in digits or words ('7', 'сім', 'seven')."""
    if word.isdigit():
        return int(word)
    from tracker.text.numbers import scan

    found = [n for n in scan(word) if n.value == int(n.value)]
    return int(found[0].value) if found and 1 <= found[0].value <= 12 else None


def _ym(year: int | str, month: str) -> str:
    return f"{int(year)}-{month_number(month):02d}"


def _resolve(kind: str, g: tuple, year: int | None, published: int | None = None) \
        -> tuple[tuple[str, str], ...] | None:
    if kind == "this_year":  # the article's year: a time among others of its sentence ("this year … that of 2022")
        return (("period", str(published)),) if published is not None else None
    if kind in ("last_year", "end_of_last_year"):  # the year before the article's, not before a year it names
        if published is None:
            return None
        return (("as_of", f"{published - 1}-12"),) if kind == "end_of_last_year" else (("period", str(published - 1)),)
    if kind == "years_to_last_year":
        return (("period", f"{g[0]}/{published - 1}"), ("as_of", str(published - 1))) \
            if published is not None and int(g[0]) < published - 1 else None
    g = [x for x in g if x is not None]
    if kind.startswith("fiscal_"):  # a year starting in another month than January: named by the year it ends in
        start, ends = int(kind[len("fiscal_"):]), int(g[0]) if len(g) == 1 else int(g[0][:2] + g[1])
        return (("period", f"{ends - 1}-{start:02d}/{ends}-{start - 1:02d}"),) if 1 < start <= 12 and \
            (len(g) == 1 or ends == int(g[0]) + 1) else None
    if kind == "days":
        def day(parts):
            if parts[0].isdigit():
                d, mo, y = parts
            else:
                mo, d, y = parts
            return f"{int(y)}-{month_number(mo):02d}-{int(d):02d}"
        if len(g) != 6:
            return None
        a, b = day(g[:3]), day(g[3:])
        return (("period", f"{a}/{b}"),) + ((("as_of", b),) if a[:4] != b[:4] else ())
    if kind == "months":
        m1, rest = g[0], g[1:]
        y1 = rest.pop(0) if rest and rest[0].isdigit() else None
        m2 = rest.pop(0) if rest else None
        y2 = rest.pop(0) if rest and rest[0].isdigit() else None
        if not m2 or not month_number(m1) or not month_number(m2):
            return None
        y2 = y2 or y1 or year
        y1 = y1 or (y2 if month_number(m1) <= month_number(m2) else (int(y2) - 1 if y2 else None))
        if not y1 or not y2:
            return None
        a, b = _ym(y1, m1), _ym(y2, m2)
        return (("period", f"{a}/{b}"),) + ((("as_of", b),) if str(y1) != str(y2) else ())
    if kind == "days_one_year":
        d1, m1, d2, m2, y2 = g
        y1 = int(y2) - (month_number(m1) > month_number(m2))
        return (("period", f"{y1}-{month_number(m1):02d}-{int(d1):02d}/{y2}-{month_number(m2):02d}-{int(d2):02d}"),)
    if kind == "day_to_month":
        d, m1, y1, m2, y2 = g if g[0].isdigit() else (g[1], g[0], *g[2:])  # "29 листопада 2024", "November 29, 2024"
        a, b = f"{int(y1)}-{month_number(m1):02d}-{int(d):02d}", _ym(y2, m2)
        return ("period", f"{a}/{b}"), ("as_of", b)
    if kind == "years":
        y1, y2 = g
        return ("period", f"{y1}/{y2}"), ("as_of", y2)
    if kind == "month":
        m, y = g
        return (("period", _ym(y, m)),) if month_number(m) else None
    if kind == "year_to_month":
        y1, m2, y2 = g  # "from 2022 to July 2025": written as months at both ends, as "from January 2022" is
        return ("period", f"{y1}-01/{_ym(y2, m2)}"), ("as_of", _ym(y2, m2))
    if kind == "months_of_year":
        n, y = (g + [None])[:2]
        n = _count(n) if n else None
        y = y or year
        return (("period", f"{int(y)}-01/{int(y)}-{n:02d}"),) if n and y else None
    if kind == "until":
        return (("as_of", _ym(g[1], g[0])),)
    if kind == "end_of_year":
        return (("as_of", f"{g[0]}-12"),)
    if kind == "start_of_year":
        return (("as_of", f"{g[0]}-01"),)
    if kind in ("quarter", "by_quarter", "half", "by_half"):
        months = 3 if "quarter" in kind else 6
        n = _nth(g[0], _QUARTERS if months == 3 else _HALVES)
        if n is None:
            return None
        end = f"{g[1]}-{months * n:02d}"
        return (("as_of", end),) if kind.startswith("by_") else \
            (("period", f"{g[1]}-{months * (n - 1) + 1:02d}/{end}"),)
    if kind in ("year", "headed_year"):  # four digits are a year only as _Y's are ("у 1248 провадженнях" is a count)
        return (("period", g[0]),) if g and _YEAR_IN.fullmatch(g[0]) else None
    if kind == "previous_year":  # `year`: the one the sentence names nearest it, else the article's
        return (("period", str(year - 1)),) if year else None
    return None


_YEAR_IN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def spans_in(sentence: str, year: int | None, published: int | None = None) -> list[TimeSpan]:
    """Every time the sentence names, resolved (a month range without a year takes the nearest year named before
    it in the sentence, else `year`; "last year" the year before `published`, the article's); spans do not
    overlap, the longer form first."""
    low = sentence.lower()
    taken: list[tuple[int, int]] = []
    out: list[TimeSpan] = []
    years = [(m.start(), int(m.group(0))) for m in _YEAR_IN.finditer(low)]
    for kind, pattern in _patterns():
        for m in pattern.finditer(low):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            before = [y for at, y in years if at < m.start()]
            if kind in ("last_year", "this_year") and _MONTH_BEFORE.search(low, 0, m.start()):
                continue  # "in November last year", "у листопаді минулого року": that month's (the month reader's)
            # "reached about 8000 by the first quarter of 2006": a count at its end
            k = f"by_{kind}" if kind in ("quarter", "half") and _BY.search(low, 0, m.start()) else kind
            if kind == "previous_year":  # the year before the one named nearest it, either side
                near = min(years, key=lambda y: abs(y[0] - m.start()), default=None)
                base = near[1] if near else year
            else:
                base = before[-1] if before else year
            this_year = kind in ("months", "months_of_year") and not _YEAR_IN.search(m.group()) \
                and _THIS_YEAR_AFTER.match(low, m.end())
            if this_year:  # "from January to August of this year": the article's year, whatever was named before
                base = published
            fields = _resolve(k, m.groups(), base, published)
            if kind == "month" and fields and _STATE_BEFORE.search(low, 0, m.start()):
                fields = (("as_of", fields[0][1]),)  # "at the end of December 2023", "as of June 2025": a count then
            if (this_year or kind == "last_year" and years) and published is None:
                # an undated article: its year is not known, nor this period's; a "last year" beside a year the sentence
                # names is another time than that year ("from 1,500 in 2023 to 1,800 last year": the 1,800 gets none)
                fields, k = (("period", None),), "unresolved"
            end = this_year.end() if this_year else m.end()  # "за 10 місяців цього року": one span, the year's words
            if fields:                                         # in it (not a second one for the whole year)
                taken.append((m.start(), end))
                out.append(TimeSpan(m.start(), end, fields, sentence[m.start():end], k))
    return sorted(out, key=lambda s: s.start)


def moved_to(period: str, year: int) -> str:
    """A period moved to start in `year`, its months kept: "the same period of 2021" after "from February to
    August 2022" is 2021-02/2021-08."""
    delta = year - int(period[:4])
    return "/".join(f"{int(end[:4]) + delta}{end[4:]}" for end in period.split("/"))


ADJACENT = 5  # characters: a time printed this close after a number is that number's ("305 за июнь — август")


# Two numbers this close (" and ", ", ") share the time after them: "at 540 and 75 in March" (characters between)
JOINED = 6


def time_for(spans: list[TimeSpan], clause: tuple[int, int], start: int, end: int | None = None,
             numbers: tuple[int, ...] = (), more: int = 0) -> TimeSpan | None:
    """The time a number at `start:end` (in its sentence) belongs to: a time named in its clause (the nearest), else,
    when the sentence names more than one, the nearest before it; None leaves the sentence's own time. A year
    alone ('in 2023') counts only where the sentence names several times: one year is the sentence's own. The one
    time of a clause named after another of its `numbers` (their starts), not joined to this one (JOINED), is that
    one's: "As of June 2025, 1,363 … – a jump from 951 in 2022" gives 1,363 June 2025. `more`: the times the
    sentence names besides `spans` (a start: "Since the beginning of 2024, 37 thousand …, and in 2022 - 9 thousand")."""
    if len({s.fields for s in spans}) + more < 2:
        spans = [s for s in spans if s.kind not in ("year", "month", "this_year")]
    first_number = min(numbers, default=clause[0])  # the clause's numbers: does a list's time come first?
    inside = [s for s in spans if clause[0] <= s.start < clause[1]]
    right = [s for s in inside if end is not None and 0 <= s.start - end <= ADJACENT]
    if len(inside) > 1 and right:  # "577 таких обращений против 305 за июнь — август": right after it
        return right[0]
    if len(inside) > 1:  # a list in one clause: "6,988 in 2022 and 18,628 in 2023", "у 2022 – 6 988, у 2023 – 17 658"
        after = [s for s in inside if s.start >= start]
        before = [s for s in inside if s.end <= start]
        time_first = inside[0].start < first_number
        return (before[-1] if before else after[0]) if time_first else (after[0] if after else before[-1])
    if inside and not (inside[0].start > start and end is not None
                       and any(end + JOINED < p < inside[0].start for p in numbers)):
        return inside[0]
    if len({s.fields for s in spans}) + more >= 2:
        before = [s for s in spans if s.end <= start]
        return before[-1] if before else None
    return spans[0] if spans else None  # the one time the sentence names, more exact than its pieces


_SINCE_WORD = re.compile(r"\bsince (?:the )?")


def fiscal_start(text: str) -> int | None:
    """The month the years of an article that counts by fiscal years named by the year they end in start in ("in
    fiscal year 2007, which ended Sept. 30": October), None where it names none: its plain years are those years."""
    low = _SINCE_WORD.sub("", text.lower())  # "since the 2000 fiscal year" names one too
    for kind, pattern in _patterns():
        if kind.startswith("fiscal_") and pattern.groups == 1 and pattern.search(low):
            return int(kind[len("fiscal_"):])
    return None


def as_fiscal(period: str, start: int) -> str:
    """A plain year as the fiscal year of that name starting in month `start` ('2005', 10: '2004-10/2005-09'); any
    other period as it is."""
    if not _YEAR_IN.fullmatch(period):
        return period
    return f"{int(period) - 1}-{start:02d}/{period}-{start - 1:02d}"


def year_of(published: Span | None) -> int | None:
    return published.first.year if published is not None else None
