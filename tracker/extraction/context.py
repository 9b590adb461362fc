"""What surrounds a figure: the time it speaks of, who produced it, the counted words."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tracker.ledger.dates import DateError, Span, parse_span

if TYPE_CHECKING:
    from tracker.extraction.candidates import Candidate
    from tracker.extraction.figures import Num

from tracker.languages import LANGUAGES, alternation, merged_lists, pieces

MONTH_WORDS = alternation("MONTH_WORDS")
_RATE_WORDS = [(per, r"\b(" + "|".join(words) + r")\b") for per, words in merged_lists("RATE_WORDS").items()]
_SINCE = [("|".join(pats), event) for event, pats in merged_lists("SINCE").items()]
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_SINCE_DATE = [re.compile(p.format(month=MONTH_WORDS)) for p in pieces("SINCE_DATE")]
_ANY_MONTH = re.compile(r"\b(?:" + MONTH_WORDS + ")")
# "its monthly report", "a daily briefing": the word names a publication, not a rate of the number
_NOT_A_RATE = re.compile(r"\s+(?:" + alternation("NOT_A_RATE") + ")")
_SINCE_WORDS = tuple(pieces("SINCE_WORDS"))  # a cheap test before _SINCE
_EVENT_DATES = {"mobilisation": "2022-09-21", "invasion": "2022-02-24"}
# "in May 2024", "в мае 2024 года", "за травень", "у квітні": a calendar month, its year from the
# article's date when not printed
_MONTH_PERIOD = re.compile(
    r"\b(?:" + alternation("MONTH_PERIOD_BEFORE") + r")\s+(" + alternation("MONTH_PERIOD_FORMS") + ")"
    r"(?:\s+(?:of\s+)?(\d{4})(?!\d))?(?:\s*(?:" + alternation("YEAR_SUFFIX") + r"))?"
    r"(?:\s+(" + alternation("LAST_YEAR_AFTER") + r"))?(?!\w)")
_LAST_MONTH = re.compile(alternation("LAST_MONTH"))
# what ends a range begun by a month: "по август", "to August 2022", "– 30 червня"
_RANGE_END = re.compile(r"\s*(?:[-–—]|(?:" + alternation("PERIOD_TO") + r")\s)\s*(?:\d{1,2}\s+)?(?:"
                        + MONTH_WORDS + ")")
_SINCE_YEAR = [re.compile(p) for p in pieces("SINCE_YEAR")]
_YEAR_PERIODS = pieces("YEAR_PERIODS")
_SO_FAR = re.compile(alternation("SO_FAR"))
_THIS_YEAR = re.compile(alternation("THIS_YEAR"))  # "this year" alone: with PLANNED words, the whole year
_PLANNED = re.compile(alternation("PLANNED"), re.I)
_LAST_YEAR = re.compile(alternation("LAST_YEAR"))
_AS_OF = re.compile(r"\b(?:" + alternation("AS_OF") + r")\s+(?:" + alternation("END_OF") + r")?(\d{1,2})?\s*("
                    + MONTH_WORDS + r")\s*(\d{1,2}(?!\d))?(?:,?\s*(\d{4}))?")
_MONTH_STEMS = [re.compile("|".join(stems)) for stems in zip(*(m.MONTH_STEMS for m in LANGUAGES.values()
                                                               if hasattr(m, "MONTH_STEMS")))]


def month_follows(after: str) -> bool:
    """Whether a month named as a period starts `after` (the text after a number): "2000 у грудні", "2,000 in
    December" count December's, a year is not followed so."""
    return _MONTH_PERIOD.match(after.lstrip().lower()) is not None


def since_of(sentence: str, events: dict[str, str] | None = None, published: Span | None = None) \
        -> tuple[str, str] | None:
    """The start a sentence counts from, as (date, the words that say it): an event ("since mobilisation"), a
    day or month ("С 18 января", "С апреля 2023": without a year, of the article's, or the year before when it is
    after the article's date), a year or month ("since March 2023"); None when it names none."""
    low = sentence.lower()
    for pat, key in _SINCE if any(w in low for w in _SINCE_WORDS) else ():
        m = re.search(pat, low)
        if m:
            return (events or {}).get(key, _EVENT_DATES[key]), sentence[m.start():m.end()]
    for pat in _SINCE_DATE if _ANY_MONTH.search(low) else ():
        m = pat.search(low)
        if m and _RANGE_END.match(low, m.end()):
            continue  # "с января по август": a range of months (the period reader's), not a start
        day = int(m.group("d")) if m and m.group("d") else None
        if m and month_number(m.group("m")) and (day is None or 1 <= day <= 31):
            mon = month_number(m.group("m"))
            year = int(m.group("y")) if m.group("y") else published.first.year if published is not None else None
            if year is not None and not m.group("y") and (mon, day or 1) > (published.first.month, published.first.day):
                year -= 1
            if year is not None:
                return f"{year}-{mon:02d}" + (f"-{day:02d}" if day else ""), sentence[m.start():m.end()]
    if _YEAR.search(low) is None:
        return None
    m = re.search(r"\bsince (?:the (?:start|beginning) of )?(" + MONTH_WORDS + r")?\s*(\d{4})\b", low) or \
        next((x for p in _SINCE_YEAR if (x := p.search(low))), None)
    if m is None:
        return None
    year = m.groups()[-1]
    mon = m.group(1) if m.re.groups > 1 and m.group(1) else None
    return (f"{year}-{month_number(mon):02d}" if mon else year), sentence[m.start():m.end()]


def time_of(sentence: str, published: Span | None, events: dict[str, str], year: int | None = None) -> dict:
    """The time reference as written and what it resolves to (`year`: the one the paragraph is about)."""
    low = sentence.lower()
    out: dict = {}
    year_in = _YEAR.search(low) is not None  # cheap tests that spare the patterns that need a year or a month
    month_in = _ANY_MONTH.search(low) is not None
    since = since_of(sentence, events, published)
    if since:
        out["since"], out["time_text"] = since
    m = _MONTH_PERIOD.search(low) if month_in else None
    named = [int(y) for y in _YEAR.findall(low, 0, m.start())] if m and year_in else []
    held = named[-1] if named else year  # "за 2024 год … только в декабре": December of the year named before it
    if m and "since" not in out and month_period(m, published, held):
        out["period"] = month_period(m, published, held)
        out["time_text"] = sentence[m.start():m.end()]
    as_of = _AS_OF.search(low) if month_in else None
    held_at = (as_of.start(), as_of.end()) if as_of and as_of.group(4) else (-1, -1)
    for pat in _YEAR_PERIODS if year_in else ():
        m = re.search(pat, low)
        if m and held_at[0] <= m.start() < held_at[1]:
            continue  # the year of "станом на січень 2025 року": a count held then, not the year's
        if m and "since" not in out and "period" not in out:
            out["period"] = m.group(1)
            out["time_text"] = sentence[m.start():m.end()]
            break
    m = _SO_FAR.search(low)  # "since the start of 2025", or of "the year": the article's
    if m and published is not None:
        start = next((g for g in m.groups() if g), None) or str(published.first.year)
        held = as_of
        mon = month_number(held.group(2)) if held and not held.group(4) and 0 <= m.start() - held.end() <= 3 \
            else None
        if mon:  # "as of (the end of) June this year": the year up to that month, not up to the article
            out["period"] = f"{start}-01/{start}-{mon:02d}"
            out["time_text"] = sentence[held.start():m.end()]
        elif _THIS_YEAR.match(m.group()) and _PLANNED.search(sentence):
            out["period"] = start  # "Up to 4,000 will be called this year": the year's plan
            out["time_text"] = sentence[m.start():m.end()]
        else:
            out["period"] = f"{start}-01-01/{published.last.isoformat()}"
            out["time_text"] = sentence[m.start():m.end()]
        out.pop("since", None)
    elif m and "period" not in out and (named := next((g for g in m.groups() if g), None)):
        out["since"] = f"{named}-01-01"  # "since the start of 2024" in an undated article: from its first day
        out["time_text"] = sentence[m.start():m.end()]
    m = _LAST_MONTH.search(low)
    if m and published is not None:  # the month before the article's
        first = published.first
        out.setdefault("period", f"{first.year - (first.month == 1)}-{(first.month - 2) % 12 + 1:02d}")
        out.setdefault("time_text", sentence[m.start():m.end()])
    if _LAST_YEAR.search(low) and published is not None:
        out.setdefault("period", str(published.first.year - 1))
        out.setdefault("time_text", "last year")
    m = as_of
    if m and (m.group(4) or published is not None) and "period" not in out:  # its year printed, or the article's
        mon = month_number(m.group(2))
        if mon:
            held = int(m.group(4)) if m.group(4) else published.first.year - (mon > published.first.month)
            day = m.group(1) or m.group(3)
            try:
                out["as_of"] = f"{held}-{mon:02d}-{int(day):02d}" if day else f"{held}-{mon:02d}"
                parse_span(out["as_of"])
                out["time_text"] = sentence[m.start():m.end()]
            except (DateError, ValueError):
                out.pop("as_of", None)
    for per, pat in _RATE_WORDS:
        m = next((x for x in re.finditer(pat, low) if not _NOT_A_RATE.match(low, x.end())), None)
        if m:
            out["per"] = per
            out.setdefault("time_text", sentence[m.start():m.end()])
            break
    return out


def rate_words_at(sentence: str) -> list[int]:
    """Where the sentence's rate words stand ('a month', 'в месяц'): a number is a rate only in their clause."""
    low = sentence.lower()
    return [x.start() for _, pat in _RATE_WORDS for x in re.finditer(pat, low) if not _NOT_A_RATE.match(low, x.end())]


def month_period(m: re.Match, published: Span | None, context: int | None = None) -> str | None:
    """The YYYY-MM a _MONTH_PERIOD match names: its year; else the year its paragraph is about (`context`, when
    that is not the article's: "В марте 2024 года … В мае нынешнего года" in an undated article); else the
    latest such month not after the article."""
    mon = month_number(m.group(1))
    if m.group(2):
        year = int(m.group(2))
    elif m.group(3):  # "в ноябре прошлого года": the year before the paragraph's or the article's
        base = context if context is not None else published.first.year if published is not None else None
        year = base - 1 if base is not None else None
    elif context is not None and (published is None or context != published.first.year):
        year = context
    else:
        year = published.first.year - (mon > published.first.month) if published is not None else None
    return f"{year}-{mon:02d}" if mon and year else None


# what stands between a time that heads its number in a list and the number: "січень – 2159", "In 2021 – 10"
LIST_DASH = r"(?:[–—:]|\s-)"
# a month that heads its number in a list: "січень – 2159, квітень – 3315" (the groups of _MONTH_PERIOD, two empty)
_MONTH_DASH = re.compile(r"(?<!\w)(" + MONTH_WORDS + r")()()\s*" + LIST_DASH + r"\s*(?=\d)")
# a sentence's one month, then at most two words and a dash before its number ("рекордним став липень — майже 7,6
# тисячі", "липень став рекордним — 7 595"): the number is that month's
_MONTH_HEAD = re.compile(r"(?<!\w)(" + MONTH_WORDS + r")()()(?:\s+[^\W\d]+){0,2}\s*(?:[–—]|\s-)\s*"
                         r"(?=(?:[^\W\d]+\s+)?\d)")


def last_year_named(text: str, start: int, end: int, pattern: re.Pattern = _YEAR) -> int | None:
    """The last year written in text[start:end] (`pattern`: 19xx and 20xx); a number that heads a month ("до 2000 у
    грудні") is that month's count, no year."""
    named = [m for m in pattern.finditer(text, start, end) if not month_follows(text[m.end():m.end() + 40])]
    return int(named[-1].group()) if named else None


def _year_before(low: str, at: int, context: int | None) -> int | None:
    """The last year the sentence names before `at` ("In 2024 … January - 2159"), else `context`."""
    named = last_year_named(low, 0, at)
    return named if named is not None else context


def months_by_number(sentence: str, published: Span | None, context: int | None = None) \
        -> list[tuple[int, str, str, str]]:
    """(where, YYYY-MM, as written, kind) of each month a sentence names as a period, when it names two or more:
    "in April 1,064 cases, in March 708", "січень – 2159, квітень – 3315" give each figure its own month (kind
    "month"); or of its one month that heads its number after a dash (kind "month_head": "рекордним став липень —
    майже 7,6 тисячі")."""
    low = sentence.lower()
    found = [(m.start(), month_period(m, published, _year_before(low, m.start(), context)), sentence[m.start():m.end()],
              "month") for pattern in (_MONTH_PERIOD, _MONTH_DASH) for m in pattern.finditer(low)]
    found = [f for f in found if f[1]]
    if len({f[1] for f in found}) >= 2:
        return found
    heads = list(_MONTH_HEAD.finditer(low))
    if len(heads) == 1 and not _YEAR.search(low):
        m = heads[0]
        period = month_period(m, published, context)
        return [(m.start(), period, sentence[m.start():m.start() + len(m.group(1))], "month_head")] if period else []
    return []


def month_number(word: str | None) -> int:
    if not word:
        return 0
    w = word.lower()
    return next((i + 1 for i, stems in enumerate(_MONTH_STEMS) if stems.match(w)), 0)


_CLAIMANT_PATTERNS = pieces("CLAIMANT_PATTERNS")
_NOT_NAMES = set(pieces("NOT_NAMES"))
_NAME_TAIL = tuple(pieces("NAME_TAIL"))  # words cut from the end of a name ("Mediazona said")
_SENTENCE_END = re.compile(r"(?<=[a-zа-яёіїєґ]{3})\.\s+")  # a name does not run on past a sentence's end


# An institution that produces estimates, named by its kind: "Ukrainian intelligence estimates",
# "the defence ministry said", "Украинская разведка оценивает", "ГУР повідомляє"
_INSTITUTION = re.compile(r"(" + alternation("INSTITUTIONS") + r")\s(?:" + alternation("INSTITUTION_VERBS") + r")\b")
_INSTITUTION_WORDS = tuple(pieces("INSTITUTION_WORDS"))
# Every claimant pattern needs one of these words (lower case): a cheap test before the patterns
_CLAIM_WORDS = tuple(pieces("CLAIM_WORDS"))


def claimant_of(sentence: str) -> str | None:
    m = _INSTITUTION.search(sentence) if any(w in sentence for w in _INSTITUTION_WORDS) else None
    if m:
        return m.group(1)
    low = sentence.lower()
    if not any(w in low for w in _CLAIM_WORDS):
        return None
    for pat in _CLAIMANT_PATTERNS:
        m = re.search(pat, sentence)
        if m:
            parts = _SENTENCE_END.split(m.group(1))  # "… to Russia. Korea said": the name is the part by the verb
            name = (parts[0] if m.start(1) > m.start() else parts[-1]).strip(" ,.;:")
            name = re.sub(r"^[\"“«„]|[\"”»]$", "", name).strip()
            words = name.split()
            while words and words[-1].lower() in _NAME_TAIL:
                words.pop()
            name = " ".join(words)
            if name and name.split()[0] not in _NOT_NAMES and len(name) > 2:
                return name
    return None


STOP_WORDS = set(pieces("STOP"))
_NOUN_SKIP = set(pieces("NOUN_SKIP"))  # passed over before the counted noun ("more such deserters")
_CLAUSE_JOIN = re.compile(r"[,;:(]\s|\s(?:" + alternation("CLAUSE_JOINS") + r")\s")


_RESTATEMENT = re.compile(r"\s*\([^()]*\)")  # "four thousand … and ten (4,410) other rank personnel"
_CLAUSE_MARK = re.compile(r"\s*[,;!?]")  # "… are 2,855, according to …": nothing counted is named after it


def counted_noun(sentence: str, n: Num) -> str:
    """The words right after a number that say what it counts, up to three; none when a clause mark follows it
    ("are 2,855, according to …"); a bracket right after it is passed over."""
    after = sentence[n.end:n.end + 80]
    after = after[m.end():] if (m := _RESTATEMENT.match(after)) else after
    if _CLAUSE_MARK.match(after):
        return ""
    words = re.findall(r"[\w'’-]+", after)
    out = []
    for w in words:
        if w.lower() in STOP_WORDS and out:
            break
        if w.lower() in STOP_WORDS or w.lower() in _NOUN_SKIP:
            continue
        out.append(w)
        if len(out) == 3:
            break
    return " ".join(out)


def window_of(c: Candidate, before: int = 25, after: int = 60) -> str:
    """The words around the number in its sentence, mostly those after it (what it counts)."""
    at = c.quote.find(c.printed.split()[-1]) if c.printed else -1
    if at < 0:
        return c.quote
    head = re.split(r"[,;:(]\s", c.quote[max(0, at - before):at])[-1]  # this clause only
    tail = _CLAUSE_JOIN.split(c.quote[at:at + after])[0]
    return head + tail


def near_text(text: str, starts: list[int], offset: int, length: int, width: int = 400) -> str:
    """The sentence's paragraph, cut to the text near the sentence (a claimant is named close by)."""
    import bisect

    i = bisect.bisect_right(starts, offset) - 1
    begin = starts[i]
    end = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
    return text[max(begin, offset - width):min(end, offset + length + width)]
