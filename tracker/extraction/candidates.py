"""From an article to candidate figures with their quote, qualifier, time, claimant and indicator.

    article = read_article("article.html")           # or .txt, or a URL via fetch()
    candidates = extract(article, ledger)             # ledger: for suggesting indicators
    print(candidates_yaml(article, candidates, ledger))
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field, replace

from tracker.extraction.article import Article
from tracker.extraction.context import (
    LIST_DASH,
    MONTH_WORDS,
    claimant_of,
    counted_noun,
    last_year_named,
    months_by_number,
    near_text,
    rate_words_at,
    since_of,
    time_of,
)
from tracker.extraction.facets import between, facets_at, figure_spans, markers, measure_at
from tracker.extraction.figures import (
    RANGE_BEFORE,
    RANGE_JOIN,
    RANGE_NOT_AFTER,
    TIMES_AFTER,
    Num,
    numbers_in,
    qualifier_of,
    rounding,
    why_not_a_figure,
)
from tracker.extraction.periods import TimeSpan, as_fiscal, fiscal_start, moved_to, spans_in, time_for, year_of
from tracker.extraction.sentences import is_page_chrome, sentences
from tracker.extraction.suggest import indicator_vocabulary, ranked, ruled_out, why_suggested
from tracker.languages import alternation, detect, pieces
from tracker.ledger.dates import DateError, parse_span
from tracker.ledger.definitions import PRODUCERS, Facets
from tracker.text.countries import country_of_address


@dataclass(frozen=True)
class Candidate:
    value: float | None
    qualifier: str  # exact | approx | at_least | at_most | range
    quote: str  # the sentence as printed
    printed: str  # the number as printed, with its qualifier words
    low: float | None = None
    high: float | None = None
    percent: bool = False
    change: str | None = None  # ratio, for "doubling", "three times more"
    compared_to: str | None = None  # a change's earlier time: "a 20 percent increase on the previous year"
    noun: str = ""  # the counted words: "criminal cases"
    time_text: str = ""  # the time reference as written
    as_of: str | None = None
    period: str | None = None
    since: str | None = None  # a running total's start, where the sentence gives one
    per: str | None = None  # a rate's time unit: "800 a month"
    claimant: str | None = None
    indicator: str | None = None
    score: float = 0.0
    language: str = "en"
    vague: bool = False
    precision: float | None = None  # the unit of the last printed digit, when the number is a rounding
    assumed: bool = False  # the period is the article's month, not printed ("800 sentences a month")
    why: str = ""  # what made the indicator the suggestion, in words
    notes: tuple[str, ...] = field(default_factory=tuple)
    facets: Facets | None = None  # what it counts, as read: country, measure, offences, articles, producer, time

    def read(self) -> Facets:
        """The facets read, with the kind of time and the start the sentence gives."""
        f = self.facets or Facets()
        kind = "rate" if self.per else "cumulative" if self.since and not self.period else \
            "flow" if self.period and not self.assumed and not self.as_of and not self.change else \
            f.kind if not (self.period or self.per) else None  # "уже помог 520": a running total
        return replace(f, kind=kind, since=self.since)


def _published(article: Article):
    if not article.published:
        return None
    try:
        return parse_span(str(article.published)[:10])
    except DateError:
        return None


def _event_dates(ledger) -> dict[str, str]:
    """The ledger's mobilisation and invasion dates, for "since mobilisation" and the like."""
    events = {}
    for e in ledger.events if ledger is not None else ():
        low = e.title.lower()
        if "mobili" in low:
            events["mobilisation"] = e.date.first.isoformat()
        if "invasion" in low:
            events["invasion"] = e.date.first.isoformat()
    return events


_CHANGE = re.compile(alternation("CHANGE_WORDS"), re.I)  # words that make a number a change: 'twice as many'


_PERCENT_CHANGE_BEFORE = re.compile(alternation("PERCENT_CHANGE_BEFORE"), re.I)
_PERCENT_CHANGE_AFTER = re.compile(alternation("PERCENT_CHANGE_AFTER"), re.I)
_FALL = re.compile(alternation("FALL_WORDS"), re.I)


def _percent_change(sentence: str, n: Num) -> int:
    """+1 or -1 when a percentage is a rise or a fall ("rose 20%", "a 20 percent increase", "снизилось на 5%"), 0
    when it is a share or a level ("rose to 20%")."""
    before, after = sentence[max(0, n.start - 60):n.start], sentence[n.end:n.end + 30]
    m = _PERCENT_CHANGE_BEFORE.search(before) or _PERCENT_CHANGE_AFTER.match(after)
    if not m:
        return 0
    return -1 if _FALL.search(m.group()) else 1


def _compared_to(period: str, spans: list) -> str | None:
    """The earlier time a change of a year compares with, where its sentence names one: the year before for "on
    the previous year", "чем годом ранее"; an earlier year named beside it ("2,5 раза больше, чем в 2022")."""
    if not re.fullmatch(r"\d{4}", period):
        return None
    if any(s.kind == "previous_year" for s in spans):
        return str(int(period) - 1)
    earlier = [p for s in spans if s.kind == "year" and re.fullmatch(r"\d{4}", p := dict(s.fields)["period"])
               and p < period]
    return max(earlier) if earlier else None


def _ratio(sentence: str, n: Num) -> tuple[str | None, float | None]:
    """For "twice", "doubling", "33 times": (change, value); value None means not a figure."""
    change = "ratio" if _CHANGE.search(sentence[max(0, n.start - 30):n.end + 40]) else None
    if n.ratio and change is None:
        return None, (2.0 if n.printed.lower() == "twice" else None)  # "twice within a month": a count of two
    return change, n.value


def _range_end(sentence: str, n: Num, nxt: Num | None) -> tuple[Num, float] | None:
    """The number that closes a range begun by `n` ("between 34 and 35", "34-35"), if any, and the range's low end:
    `n`, in the scale the end's word gives both where only the end prints one ("16-20 тысяч": 16,000)."""
    if nxt is None or n.words or nxt.words:
        return None
    gap = sentence[n.end:nxt.start]
    joined = RANGE_JOIN.fullmatch(gap) and (RANGE_BEFORE.search(sentence[max(0, n.start - 12):n.start])
                                             or re.fullmatch(r"\s*[-–—]\s*", gap) or re.fullmatch(r"\s*to\s*", gap))
    low = n.value * nxt.scale if n.scale == 1 else n.value
    if joined and nxt.value >= low and 0 < nxt.value / max(low, 1e-9) < 10 \
            and not why_not_a_figure(sentence, nxt) and not RANGE_NOT_AFTER.search(sentence, 0, n.start):
        return nxt, low
    return None


def _sentence_candidates(sentence: str, lang: str, time: dict, claimant: str | None,
                         nums: list[Num] | None = None) -> list[tuple[int, int, Candidate]]:
    """The candidates of one sentence with where each number starts and ends in it, before an indicator is
    suggested."""
    out = []
    nums = numbers_in(sentence, lang) if nums is None else nums
    skip_next = False
    for i, n in enumerate(nums):
        if skip_next:
            skip_next = False
            continue
        if why_not_a_figure(sentence, n):
            continue
        qualifier, qwords = qualifier_of(sentence, n)
        low = high = None
        change, value = None, n.value
        if n.ratio or TIMES_AFTER.match(sentence[n.end:n.end + 12]):
            change, value = _ratio(sentence, n)
            if value is None:
                continue
        nxt = nums[i + 1] if i + 1 < len(nums) else None
        if nxt is not None and nxt.value == n.value and sentence[n.end:nxt.start].strip() == "(" \
                and sentence[nxt.end:nxt.end + 1] == ")":
            skip_next = True  # "four thousand four hundred and ten (4,410)": one figure, printed twice
        ranged = _range_end(sentence, n, nxt)
        end = ranged[0] if ranged else None
        if ranged is not None:
            qualifier, low, high, value, skip_next = "range", ranged[1], end.value, None, True
            n = Num(n.start, end.end, n.value, sentence[n.start:end.end], percent=end.percent or n.percent)
        if n.vague:
            qualifier = "at_least"
        if n.ratio and change and qualifier == "exact":
            qualifier = "approx"  # "doubling": a round multiplier
        if n.percent:
            value, low, high = (None if x is None else x / 100 for x in (value, low, high))
            rise = _percent_change(sentence, n) if not change and end is None else 0
            if rise:  # "a 20 percent increase": the ratio of the later count to the earlier, 1.2
                change, value = "ratio", round(1 + rise * value, 6)
        if n.share and qualifier == "exact":
            qualifier = "approx"  # "half of the cases": a share said in words is a rounding
        precision = None
        if not (n.vague or n.ratio or n.share or n.percent or change) and qualifier in ("exact", "approx") \
                and low is None:
            precision = rounding(n.printed, n.value, n.words)
            if precision:
                qualifier = "approx"  # printed to fewer digits than a count has: a rounding of it
                low, high = value - precision / 2, value + precision / 2
        notes = (f"'{n.printed}' is vague; recorded as the bound {int(n.value):,}",) if n.vague else ()
        if time.get("assumed"):
            notes += (f"no period printed: assumed the article's month {time['period']} (check it)",)
        if precision:
            notes += (f"printed to the nearest {precision:,.0f}: read as a rounding (low/high half a unit either "
                      "side)",)
        out.append((n.start, n.end, Candidate(
            value=value, qualifier=qualifier, quote=sentence, printed=f"{qwords} {n.printed}".strip(), low=low,
            high=high, percent=(n.percent or n.share) and not change, change=change, noun=counted_noun(sentence, n),
            time_text=time.get("time_text", ""),
            as_of=time.get("as_of"), period=time.get("period"), since=time.get("since"), per=time.get("per"),
            claimant=claimant, language=lang, vague=n.vague, precision=precision, assumed=bool(time.get("assumed")),
            notes=notes)))
    return out


# Bounds on what one article can cost (a page of 8,000 numbers in one 175 KB sentence took 64 s, 5.6 GB and a
# 2.8 GB table when every candidate quoted the whole sentence): a sentence longer than MAX_SENTENCE is read in
# clauses of at most that length, each the quote of its figures; an article gives at most MAX_CANDIDATES.
MAX_SENTENCE = 1_000  # characters; the longest sentence of the extraction sets and ../shared is 330
MAX_CANDIDATES = 1_000  # per article; a dense news page gives about 40


class Candidates(list):
    """An article's candidates, and what was left out of them and why (`left_out`, said by the CLI)."""

    left_out: tuple[str, ...] = ()


def _pieces(offset: int, sentence: str):
    """The sentence, or its clauses of at most MAX_SENTENCE characters (cut at ', ', '; ' or a space)."""
    if len(sentence) <= MAX_SENTENCE:
        yield offset, sentence, False
        return
    start = 0
    while start < len(sentence):
        end = min(len(sentence), start + MAX_SENTENCE)
        if end < len(sentence):
            cut = max(sentence.rfind(", ", start, end), sentence.rfind("; ", start, end))
            cut = cut + 1 if cut > start else sentence.rfind(" ", start, end)
            end = cut if cut > start else end
        piece = sentence[start:end].strip()
        if piece:
            yield offset + start + (len(sentence[start:end]) - len(sentence[start:end].lstrip())), piece, True
        start = end


_CLAUSE_END = re.compile(r"[;:()]|(?<!\d),|,(?!\d)")  # not the comma of "6,988"
_ASIDE = re.compile(r"\([^()\d]*\)")
_YEARISH = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|" + MONTH_WORDS + "|" + alternation("LAST_YEAR") + "|"
                      + alternation("THIS_YEAR_NAMED") + "|"
                      + alternation("END_OF_LAST_YEAR"), re.I)


def _in_clause(positions: list[int], clause: tuple[int, int]) -> bool:
    return any(clause[0] <= p < clause[1] for p in positions)


_FOLLOW_ON = re.compile(alternation("FOLLOW_ON"), re.I)
_SAME_TIME = re.compile(alternation("SAME_TIME"), re.I)
_SAME_PERIOD_IN = re.compile(alternation("SAME_PERIOD_IN"), re.I)
_NOW = re.compile(alternation("NOW"), re.I)
_SEASON = re.compile(alternation("SEASONS"), re.I)  # "Весной этого года … 147 тыс.": a time of its own, unread
_VAGUE_TIME = re.compile(alternation("VAGUE_TIMES"), re.I)  # "Over the past years, 30 percent": the same
_SAME_KIND = re.compile(alternation("SAME_KIND"), re.I)  # "… 38 дел по статьям об убийстве. … таких дел … 266"
_COMPARED_FROM = re.compile(alternation("COMPARED_FROM"), re.I)  # "a decrease from 4 347 in 2012": an earlier time
# "as of July 2022": a state, not a year so far, even in a list of years ("by September 2007 – 59" is the year so far)
_AS_OF_WORD = re.compile(r"(?:" + alternation("STATE_AT") + r")\b", re.I)

# a number with no word after it (an item of a bare list), or with its noun left out before its verb (each language's
# NOUN_LEFT_OUT_BEFORE: "just 4,991 have left military life")
_BARE_AFTER = re.compile(r"\s*(?:[,.;:)!?»”\"]|$)" + (r"|\s+(?:" + alternation("NOUN_LEFT_OUT_BEFORE") + ")"
                                                      if pieces("NOUN_LEFT_OUT_BEFORE") else ""))
# "січень – 2159", "липень — майже 7,6 тисячі": months that may head their numbers
_DASH_NUMBER = re.compile(LIST_DASH + r"\s*(?:[^\W\d]+\s+)?\d")
_DIGIT = re.compile(r"\d")
_BULLET = re.compile(r"\s*[-–—•*·]\s")  # a line of a list: "- Дніпропетровська область – 669;"
# a paragraph's first sentence that names one time and counts nothing, nor names what is counted ("За перше півріччя
# 2025 року російська судова система встановила новий антирекорд."): its time is that of every figure after it in the
# paragraph that names none
ANY_MEASURE = frozenset({"*"})
LIST_REACH = 2  # paragraphs: a list's items follow the figure they part, its head ("Далі йдуть регіони:") between
CONTEXT_REACH = 2_000  # characters before a sentence where the year of its paragraph is looked for
_CONTEXT_YEAR = re.compile(r"(?<!\d)20\d\d(?!\d)")  # a year a paragraph may be about


def context_year(text: str, starts: list[int], line: int, offset: int, published) -> int | None:
    """The year a month without one belongs to: the last year named earlier in the sentence's paragraph (a
    month-by-month paragraph about 2023 in an article of 2025), else the article's; in an article with no date, the
    last year named before it in the text ("In the Corona year 2020 … In the previous year, 11,800")."""
    begin = starts[line] if published is not None else 0
    named = last_year_named(text, max(begin, offset - CONTEXT_REACH), offset, _CONTEXT_YEAR)
    if named is not None:
        return named
    if published is not None and line > 0:  # a list of months after the list of months of a year goes on in it
        end = starts[line + 1] if line + 1 < len(starts) else len(text)
        previous = _previous_paragraph(text, starts, line)
        if previous is not None and len(_MONTH.findall(text, starts[line], end)) >= LISTED_MONTHS \
                and len(_MONTH.findall(text, *previous)) >= LISTED_MONTHS:
            named = last_year_named(text, previous[0], previous[1], _CONTEXT_YEAR)
            if named is not None:
                return named
    return published.first.year if published is not None else None


LISTED_MONTHS = 3  # months a paragraph names that make it a list of months ("січень — 10 справ, лютий — 19, …")
_MONTH = re.compile(r"(?<!\w)(?:" + MONTH_WORDS + r")(?!\w)", re.I)


def _previous_paragraph(text: str, starts: list[int], line: int) -> tuple[int, int] | None:
    """The span of the last line before `line` that holds any text (blank lines part paragraphs)."""
    for i in range(line - 1, -1, -1):
        if text[starts[i]:starts[i + 1]].strip():
            return starts[i], starts[i + 1]
    return None


def _own_time(sentence: str, published, events, year) -> dict:
    """The time a sentence names, as candidate fields ({} when none)."""
    time = {k: v for k, v in time_of(sentence, published, events, year).items() if k in ("period", "as_of", "since",
                                                                                       "time_text")}
    spans = spans_in(sentence, year, year_of(published))
    since_words = time.get("time_text", "") if "since" in time else ""
    spans = [s for s in spans if not (since_words and s.kind == "year" and s.text in since_words)]  # the start's year
    if spans:
        s = spans[-1]
        fields = dict(s.fields)
        time = {"period": fields.get("period"), "as_of": fields.get("as_of"), "time_text": s.text,
                **({"since": time["since"]} if "since" in time and "period" not in fields else {})}
    return {k: v for k, v in time.items() if v}


def _topic_year(topic: tuple | None, paragraph: int) -> int | None:
    """In an undated article, the year a paragraph's topic sentence that names no measure names ("The president has
    signed a decree about recruitment … for 2013."): the year its "this year" and "last year" count from ("Last year,
    1 300 citizens were recruited …; this year the number has dropped to 670": 2012 and 2013)."""
    if topic is None or topic[2] is not ANY_MEASURE or topic[0] != paragraph:
        return None
    period = dict(topic[1]).get("period") or ""
    return int(period) if len(period) == 4 and period.isdigit() else None


def _time_topic(sentence: str, marks, offset: int, spans: list, published, events, paragraph: int,
                year) -> tuple | None:
    """The topic (paragraph, time, measures) of a paragraph's first sentence when it names one time and counts nothing
    but names what is counted ("В Кыргызстане за октябрь-декабрь 2014 года значительно увеличилось число
    призывников."): the figures of that measure after it, in its paragraph or the next, that name no time are of its
    time; one that names nothing counted (ANY_MEASURE), every figure after it in its paragraph. None when it names no
    time or several (`spans`: the times it names)."""
    measures = frozenset(m.value for m in between(marks, offset, offset + len(sentence))
                         if m.facet in ("measure", "person"))
    if _COMPARED_FROM.search(sentence) or len({s.fields for s in spans}) > 1:
        return None
    time = _own_time(sentence, published, events, year)
    return (paragraph, tuple(time.items()), measures or ANY_MEASURE) if time else None


def _borrowed(sentence: str, time: dict, spans: list, own: bool, before: tuple | None, last: tuple | None,
              published, events) -> tuple[dict, list]:
    """The sentence's time and spans, with what it borrows from the sentences before it: one that parts or continues
    the figure of the sentence before it in its paragraph (`before`: line, sentence, year) and names no time takes
    that one's ("за минулий рік … 6745 проваджень. Найбільше … у Закарпатській (660)"); one that refers back ("за
    вказаний термін") takes the last time named (`last`: sentence, year); "за тот же период 2021 года" takes the
    months of the last time named, in 2021."""
    if not own and before and _FOLLOW_ON.search(sentence):
        return {**time, **_own_time(before[1], published, events, before[2])}, spans
    if not own and last and (m := _SAME_TIME.search(sentence)):
        return {**time, **_own_time(last[0], published, events, last[1]), "time_text": m.group()}, spans
    if own and last and (m := _SAME_PERIOD_IN.search(sentence)):
        earlier = _own_time(last[0], published, events, last[1]).get("period")
        if earlier:  # "с февраля по август 2022 года … За тот же период 2021 года": 2021-02/2021-08
            year_named = next(g for g in m.groups() if g)  # every language's pattern in one: whichever matched
            return {"period": moved_to(earlier, int(year_named)), "time_text": m.group()}, []
    return time, spans


HEADING_WORDS = 12  # a line of at most this many words that ends without a stop is a heading, not a paragraph
# characters: a year this close after the words of a start is the start's ("… вторгнення РФ у 2022 році")
ADJACENT_START = 12


def _heading(line: str) -> bool:
    """Whether a line is a subheading: short (HEADING_WORDS), no number, no stop at its end."""
    line = line.strip()
    return bool(line) and line[-1] not in ".!?:;…»\"”)" and len(line.split()) <= HEADING_WORDS \
        and not any(ch.isdigit() for ch in line)


def _furniture(line: str) -> bool:
    """Whether a line only frames a list or a table: no number, and a head ending in ':' ("Основные данные о личности
    осужденных:", "Образование:") or a row of column names ("Среднее | Высшее |"). It parts no paragraphs: the rows
    under it are as near the sentence before it as the next paragraph would be."""
    line = line.strip()
    return (line.endswith(":") or line.count("|") >= 2) and _DIGIT.search(line) is None


def _after_list_marks(lines: list[str]) -> list[bool]:
    """For each line, whether the line before it (blank lines aside) ends with ':' or ';': it is an item of a list
    ("… відкрито: ¶ 235 646 кримінальних справ за СЗЧ; ¶ 53 954 — за дезертирство.")."""
    out, marked = [], False
    for line in lines:
        out.append(marked)
        if line.strip():
            marked = line.rstrip().endswith((":", ";"))
    return out


def _listed(spans, sentence: str, starts: list[int], own: int) -> list[str]:
    """The years of a list ("2,077 in 1999, 2,722 in 2000 and 2,662 in 2001"): each named in a clause that holds
    a number other than the one at `own`; [] when a year stands alone in its clause ("В 2023 г. динамика …")."""
    years = [s for s in spans if s.kind == "year"]
    for s in years:
        a, b = _clause(sentence, 0, s.start, s.end)
        if not any(a <= p < b and p != own for p in starts):
            return []
    return sorted({s.fields[0][1] for s in years})


def _timed(c: Candidate, spans, clause: tuple[int, int], start: int, sentence: str = "",
           starts: list[int] = (), end: int | None = None) -> Candidate:
    """The candidate with the time of its own number, where its sentence names several (tracker.extraction.periods)."""
    years = _listed(spans, sentence, starts, start) if c.facets is not None and c.facets.kind == "cumulative" \
        else []
    if len(years) > 1 and not any(clause[0] <= s.start < clause[1] for s in spans):
        # "2,077 in 1999, 2,722 in 2000 and 2,662 in 2001, a total of 7,461": the total is of the years listed
        return replace(c, period=f"{years[0]}/{years[-1]}", as_of=years[-1], since=None, assumed=False,
                       time_text=f"{years[0]}-{years[-1]}")
    mine = tuple(p for p in starts if clause[0] <= p < clause[1])  # the clause's numbers
    at = sentence.find(c.time_text) if c.since and c.time_text else -1
    start_words = (at, at + len(c.time_text)) if at >= 0 else None  # where the sentence says the start
    apart = start_words is not None and not any(s.start < start_words[1] and start_words[0] < s.end for s in spans)
    chosen = time_for(sorted(spans, key=lambda s: s.start), clause, start, end, mine, more=int(apart))
    if chosen is not None and c.since and chosen.kind in ("year", "month") and not (
            apart and not start_words[0] <= chosen.start <= start_words[1] + ADJACENT_START):
        chosen = None  # "з початку вторгнення РФ у 2022 році", "since mobilization in September 2022": the start's
    if chosen is not None and chosen.kind == "until" and not _AS_OF_WORD.match(chosen.text) \
            and len({s.fields for s in spans if s.kind == "year"}) > 1:
        end = dict(chosen.fields)["as_of"]  # "89 in 2020, 73 in 2021, and 50 up to July 2022": its year so far
        return replace(c, period=f"{end[:4]}-01/{end}", as_of=None, since=None, time_text=chosen.text,
                       assumed=False)
    if chosen is not None:
        f = dict(chosen.fields)
        if "period" in f:
            return replace(c, period=f["period"], as_of=f.get("as_of"), since=None, time_text=chosen.text,
                           assumed=False)
        return replace(c, as_of=f["as_of"], period=None, time_text=chosen.text)
    held = [s for s in spans if start_words and not apart and "/" in dict(s.fields).get("period", "")
            and s.start <= start_words[0] < s.end]
    if c.since and held:  # "з 2022 року по липень 2025 року … 50 058 …, у 1248 провадженнях": the start is the span's
        f = dict(held[0].fields)
        return replace(c, period=f["period"], as_of=f.get("as_of"), since=None, time_text=held[0].text,
                       assumed=False)
    until = [s for s in spans if dict(s.fields).keys() == {"as_of"}]
    if c.since and until:  # "since the invasion … to July 2025": the total holds at July 2025
        return replace(c, as_of=dict(until[-1].fields)["as_of"])
    return c


# the stages of one set of criminal cases: those charged in them and sentenced are of the time the cases were
# counted for ("поступило 94 уголовных дела … Всего осуждено … 83 лица")
PIPELINE = frozenset({"cases", "court-cases", "proceedings", "persons-charged", "sentences"})
CARRIED_NOTE = "from the sentence before it, which counts the same"
RESTATED_FROM = 100  # a value this large printed again is the same figure (smaller ones recur by chance)


_OF_WHOLE = re.compile(r"(?:^|\W)(?:" + alternation("OUT_OF", escape=True) + r")\s+$", re.I)


def _whole_told(sentence: str, nums, start: int, told: dict) -> tuple | None:
    """The time of a whole printed before with one, restated before `start` in its clause after an OUT_OF word ("З
    59 606 справ … до суду попали лише 4 698": the part is of the whole's time)."""
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, start)), default=0)
    for n in nums:
        if clause_start <= n.start < start and n.value >= RESTATED_FROM and n.value in told \
                and _OF_WHOLE.search(sentence[max(0, n.start - 12):n.start]):
            return told[n.value]
    return None


def _carried(c: Candidate, restated: tuple | None, topic: tuple | None, whatever: bool = False,
             part: bool = False) -> Candidate:
    """A figure whose sentence names no time, with the time of where its value was printed before (`restated`), else
    of the sentence before it that counts the same (`topic`: paragraph, time, measures): "в 2023 году … 14 тысячам
    … «Кроме 14 тысяч …»"; "About 31,000 … this year. Up to 4,000 will be called". A figure takes the topic's time
    whatever it counts (`whatever`) once a figure before it in its sentence took it ("23 209 уголовных дел …, из
    которых … только в 614 (2,6%) случаях") or when its sentence says it parts the count before ("з цієї
    кількості"). `part`: `restated` is the time of a whole it is a part of (_whole_told)."""
    if restated and c.value is not None and c.value >= RESTATED_FROM:
        how = "of the whole it is a part of, printed before" if part else "where the same number was printed before"
    elif topic and c.facets is not None and (whatever or c.facets.measure in topic[2] or topic[2] is ANY_MEASURE
                                             or (c.facets.measure in PIPELINE and topic[2] <= PIPELINE)):
        restated, how = topic[1], CARRIED_NOTE
    else:
        return c
    t = dict(restated)
    return replace(c, period=t.get("period"), as_of=t.get("as_of"), since=t.get("since"),
                   time_text=t.get("time_text") or "", assumed=False,
                   notes=c.notes + (f"its sentence names no time: took '{t.get('time_text')}' {how} (check it)",))


def _clause(sentence: str, offset: int, start: int, end: int | None = None) -> tuple[int, int]:
    """The clause around a number (at start:end): from the punctuation before it to the punctuation after it; an
    aside in brackets without a number is part of it ("absent without leave (awol) last year")."""
    sentence = _ASIDE.sub(lambda m: " " * len(m.group()), sentence)
    before = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, start)), default=0)
    after = _CLAUSE_END.search(sentence, start if end is None else end)
    return offset + before, offset + (after.start() if after else len(sentence))


def _producer_near(marks, offset: int, length: int, paragraph: tuple[int, int]) -> bool:
    """Whether a producer is named in the sentence or its paragraph (which outranks an 'according to' elsewhere)."""
    return any(m.facet == "producer" for m in marks.between(min(offset, paragraph[0]),
                                                            max(offset + length, paragraph[1])))


def extract(article: Article, ledger=None, limit: int = MAX_CANDIDATES) -> Candidates:
    """Every candidate figure in the article, in order of appearance, with a suggested indicator; at most
    `limit` (what was left out is said in the result's `left_out`)."""
    lang = article.language or detect(article.text)
    published, events = _published(article), _event_dates(ledger)
    vocabulary = indicator_vocabulary(ledger) if ledger is not None and ledger.indicators else None
    lines = article.text.split("\n")
    starts, pos = [], 0  # where each paragraph (line) starts, to find a sentence's own by offset
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    after_mark = _after_list_marks(lines)
    out = Candidates()
    out.left_out = (article.cut,) if article.cut else ()
    seen: set[tuple[str, int]] = set()  # a sentence printed twice (a headline repeated) gives its figures once
    carry = None  # (line, time) of a line ending in ':' that names a time, for the list lines under it
    before = None  # (line, sentence, year) of the sentence before when it names a time: one may part its figure
    last = None  # (sentence, year) of the last sentence that named a time, for "за вказаний термін"
    # (paragraph, time, measures) of the last sentence that named one time and counted something: a figure of the
    # same measure after it, in its paragraph or the next, whose sentence names no time is of that time
    topic = None
    # paragraphs counted for how far a time reaches: a subheading between two paragraphs (a short line that ends
    # without a sentence's stop, "The desertion rate in the Russian army is increasing") does not part them
    paragraph_no = list(itertools.accumulate(bool(x.strip()) and not _heading(x) and not _furniture(x) for x in lines))
    told: dict[float, tuple] = {}  # the time each value was first printed with: a number printed again is the same
    offended_before = None  # (paragraph, offences) of the last sentence that named offences, for "таких дел" after it
    counted_offences = None  # (paragraph, offences) the figures of the last paragraph that named offences counted
    # (line, measure, whole) of the sentence before, when it counts one thing (`whole`: for a share, measure_at's
    # arguments for what it is a share of, "the number of servicemen … by 25%"): one that continues it counts the same
    # ("… 912 violated overseas travel rules. The numbers rose yearly: 158 in 2021, …")
    counted_before = None
    headed = None  # (paragraph, measure) of a list's head that names one ("… о личности осужденных:"), for its rows
    started = None  # (paragraph, start, its words, measures) of a paragraph's opening that names a start and no number
    marks = markers(article.text, lang)
    # an article that names no country at all is about its outlet's, where its domain says which ("inform.kz"); one
    # that names several, none of them most, is its outlet's when it names that one ("Moldovans", "Ukrainians" and
    # "Russians" on army.md)
    named = {m.value for m in marks if m.facet in ("country", "producer-country")}
    outlet_country = country_of_address(article.url) if not named or marks.country is None else None
    fiscal = fiscal_start(article.text)  # an article that counts by fiscal years: its plain years are such years
    if named and outlet_country not in named:
        outlet_country = None
    for offset, sentence, cut in (p for o, s in sentences(article.text) for p in _pieces(o, s)):
        if len(out) >= limit:
            name = article.document or article.url or article.title or "an article"
            out.left_out += (f"{name}: the first {limit:,} candidates only; the article was not read past character "
                            f"{offset:,} of {len(article.text):,}",)
            del out[limit:]
            break
        nums = numbers_in(sentence, lang)
        line = bisect.bisect_right(starts, offset) - 1
        if sentence.rstrip().endswith(":"):  # "з січня 2022 року по вересень 2025 року відкрито:"
            own = _own_time(sentence, published, events, context_year(article.text, starts, line, offset, published))
            if own:
                carry = (line, own)
            if _furniture(sentence):
                measures = {m.value for m in between(marks, offset, offset + len(sentence)) if m.facet == "measure"}
                if len(measures) == 1:
                    headed = (paragraph_no[line], next(iter(measures)))
        if not nums and not article.text[starts[line]:offset].strip() and (opening := since_of(sentence, events)):
            # "… кримінальних проваджень … з моменту російського вторгнення." ¶ "… станом на вересень 2024 року …
            # 89 127": a count at a date that names no start is counted since the start its paragraph opened with
            started = (paragraph_no[line], *opening, frozenset(m.value for m in between(marks, offset, offset + len(
                sentence)) if m.facet in ("measure", "person")))
        if not nums or is_page_chrome(sentence):
            continue
        opens = not article.text[starts[line]:offset].strip()  # the first sentence of its paragraph
        year = context_year(article.text, starts, line, offset, published)
        time = time_of(sentence, published, events, year)
        spans = spans_in(sentence, year, year_of(published) or _topic_year(topic, paragraph_no[line])) \
            if _YEARISH.search(sentence) else []
        if carry and carry[0] < line and not (spans or time.get("period") or time.get("since") or
                                                time.get("as_of")):
            time = {**time, **carry[1]}  # a line of a list after "…відкрито:" counts for the time it names
        elif carry and carry[0] != line:
            carry = None
        own = bool(spans or time.get("period") or time.get("since") or time.get("as_of"))
        time, spans = _borrowed(sentence, time, spans, own, before if before and before[0] == line else None,
                                last, published, events)
        before = (line, sentence, year) if own else None
        last = (sentence, year) if own else last
        untimed = not (spans or time.get("period") or time.get("since") or time.get("as_of") or time.get("per")
                       or _NOW.search(sentence) or _SEASON.search(sentence) or _VAGUE_TIME.search(sentence))
        item = _BULLET.match(sentence) is not None or (opens and after_mark[line])
        # a line of a list: bulleted, or the first sentence of a line after one ending in ':' or ';'
        listed = item and counted_before is not None \
            and paragraph_no[line] - paragraph_no[counted_before[0]] <= LIST_REACH
        reach = 0 if topic and topic[2] is ANY_MEASURE else LIST_REACH if listed else 1  # paragraphs after the topic's
        near_topic = topic if untimed and topic and paragraph_no[line] - topic[0] <= reach else None
        if time.get("per") and not (time.get("period") or time.get("since") or time.get("as_of")) and published \
                and not (_SEASON.search(sentence) or _VAGUE_TIME.search(sentence)):  # "весной 2025 года": its own
            time["period"] = published.text[:7]  # a rate printed without a period holds around the article's date
            time["assumed"] = True
        claimant = claimant_of(sentence) or claimant_of(near_text(article.text, starts, offset, len(sentence)))
        months = [TimeSpan(at, at + len(text), (("period", period),), text, kind)
                  for at, period, text, kind in months_by_number(sentence, published, year)] \
            if time.get("period") or _DASH_NUMBER.search(sentence) else []
        rates = rate_words_at(sentence) if time.get("per") else []
        paragraph = (starts[line], starts[line + 1] if line + 1 < len(starts) else len(article.text))
        before_start = (_previous_paragraph(article.text, starts, line) or paragraph)[0]  # the paragraph before's
        figure_starts = [n.start for n in nums if why_not_a_figure(sentence, n) is None]  # not years, not articles
        in_sentence = between(marks, offset, offset + len(sentence))
        figures_at = figure_spans([(n.start, n.end, n.printed) for n in nums], in_sentence, offset)  # to part offences
        named_offences = frozenset(m.value for m in in_sentence if m.facet == "offence")
        kind_before = offended_before[1] if not named_offences and offended_before \
            and paragraph_no[line] - offended_before[0] <= 1 and _SAME_KIND.search(sentence) else frozenset()
        # a count that names no offence in a paragraph whose figures before it counted named offences counts those
        # ("… свыше 19 тысяч об уклонении от мобилизации … За три с половиной года … 19 273 дела": draft evasion; "255
        # тисяч справ щодо СЗЧ та ще 56,2 тисячі - щодо дезертирства. В цілому … 311 тисяч 327": both)
        if not named_offences and not kind_before and counted_offences and counted_offences[0] == paragraph_no[line]:
            kind_before = counted_offences[1]
        if named_offences or kind_before:
            offended_before = (paragraph_no[line], named_offences or kind_before)
        measured, whole = set(), None  # the measures of this sentence's figures; where a share's whole is read
        chained = False  # a figure took the topic's time: the list it heads goes on (each line a paragraph)
        parts = bool(_FOLLOW_ON.search(sentence))  # "При цьому підозру отримали з цієї кількості … 2015 осіб"
        bare = not any(m.facet in ("measure", "person") for m in in_sentence) and all(
            _BARE_AFTER.match(sentence, n.end) for n in nums if n.start in figure_starts)
        lent = counted_before[1] if (counted_before and (parts or bare) and (
            counted_before[0] == line or (paragraph_no[line] - paragraph_no[counted_before[0]] <= 1
                                          and (parts or bare or _COMPARED_FROM.search(sentence))))) or listed else None
        # what the sentence before counts, when this one continues it (in its paragraph or the next: "… about 1 650
        # persons in total. ¶ This is a significant decrease from 4 347 in 2012"), names nothing counted ("40 suicides
        # have been registered. In 2021 – 10, 2022 – 7"; "… 3,439 Armenian soldiers died … ¶ Azerbaijan's losses …
        # are 2,855"), or is an item of its list
        for start, end, c in _sentence_candidates(sentence, lang, time, claimant, nums):
            if (sentence, start) in seen:
                continue
            seen.add((sentence, start))
            at = offset + start
            clause, others = _clause(sentence, offset, start, end), tuple(p for p in figures_at if p[0] != at)
            facets = facets_at(marks, (offset, offset + len(sentence)), clause, (at, offset + end), paragraph,
                               percent=c.percent, text=article.text, others=others,
                               before=before_start, outlet=outlet_country)
            if facets.measure is None and lent and (lent != "share" or c.percent):
                facets = replace(facets, measure=lent)  # "The numbers rose yearly: 158 in 2021, …"
            elif facets.measure is None and lent and counted_before[2] and (of := measure_at(*counted_before[2])):
                facets = replace(facets, measure=of)  # "… servicemen … by 25%. … their number will increase from
                # 20,790 to 26,850": servicemen
            elif facets.measure is None and headed and paragraph_no[line] - headed[0] <= 1:
                facets = replace(facets, measure=headed[1])  # a row of a table under "… о личности осужденных:"
                headed = (paragraph_no[line], headed[1])
            if not facets.offences and kind_before:
                facets = replace(facets, offences=kind_before)  # "… число таких дел росло - в 2023-м их было 266"
            measured |= {facets.measure} - {None}
            if facets.offences:  # every offence the paragraph's figures have counted so far
                counted_offences = (paragraph_no[line], facets.offences | (
                    counted_offences[1] if counted_offences and counted_offences[0] == paragraph_no[line]
                    else frozenset()))
            if facets.measure == "share":  # where to read what it is a share of, should a count continue the sentence
                whole = (marks, clause, (offset, offset + len(sentence)), (at, offset + end), others, article.text)
            named = PRODUCERS[facets.producer][0] if facets.producer else None
            c = replace(c, facets=facets, claimant=named if named and (not c.claimant or _producer_near(
                marks, offset, len(sentence), paragraph)) else c.claimant or named)
            if c.per and not _in_clause(rates, _clause(sentence, 0, start, end)):
                c = replace(c, per=None, period=None if c.assumed else c.period, assumed=False,
                            notes=tuple(n for n in c.notes if "no period printed" not in n))  # 'a month' is another's
            # a rate takes a time of its own only from a list of them ("у 2023 році — 1,5 тисячі щомісяця, у
            # 2024-му — близько 5 тисяч щомісяця"): one time named is the sentence's, already the rate's
            if (spans or months) and not c.change and (not c.per or len({s.fields for s in spans}) > 1):
                # a month the sentence names inside a span of months is that span's, not a time of its own
                own_months = [m for m in months if not any(m.start < s.end and s.start < m.end for s in spans)]
                c = _timed(c, spans + own_months, _clause(sentence, 0, start, end), start, sentence,
                           figure_starts, end)
            if c.change and c.period and spans:
                c = replace(c, compared_to=_compared_to(c.period, spans))
            if (c.as_of or c.period) and c.time_text and RANGE_NOT_AFTER.search(sentence, 0, start) \
                    and (to := min((p for p in figure_starts if p > start), default=None)) is not None \
                    and sentence.find(c.time_text, to) > to:  # `to`: the number after it
                # the 'from' of a change ("will increase from 20,790 to 26,850 by 2024"): the time after the 'to' is
                # the to's
                c = replace(c, as_of=None, period=None, time_text="", assumed=False)
            if untimed and not (c.period or c.as_of or c.since or c.change):
                part_of = None if c.value in told else _whole_told(sentence, nums, start, told)
                c = _carried(c, told.get(c.value) or part_of, near_topic, chained or parts, part_of is not None)
                chained |= bool(near_topic and c.notes and CARRIED_NOTE in c.notes[-1])
            elif c.as_of and not (c.since or c.period or c.change) and started and c.facets is not None \
                    and 0 <= paragraph_no[line] - started[0] <= 1 and c.facets.measure in started[3]:
                c = replace(c, since=started[1], notes=c.notes + (
                    f"its sentence names no start: took '{started[2]}' its paragraph opened with (check it)",))
            if fiscal and c.period:  # "In 2005, … 2,543 soldiers deserted" in an article of the Army's fiscal years
                c = replace(c, period=as_fiscal(c.period, fiscal))
            if c.period or c.as_of or c.since:
                told.setdefault(c.value, (("period", c.period), ("as_of", c.as_of), ("since", c.since),
                                          ("time_text", c.time_text)))
            if cut:
                c = replace(c, notes=c.notes + (f"the sentence ran past {MAX_SENTENCE:,} characters: the quote is "
                                                "the clause around the number",))
            ind, score, ruled, tied = ranked(c, ledger, article.title or "", vocabulary)
            c = replace(c, indicator=ind, score=score)
            if ruled:  # the indicator its words fit best, but whose definition it contradicts
                c = replace(c, notes=c.notes + (ruled_out(c, ledger, ruled),))
            out.append(replace(c, why=why_suggested(c, ledger, article.title or "", vocabulary, tied)) if ind else c)
        if chained:
            topic = (paragraph_no[line], *topic[1:])
        if own and not figure_starts and opens:  # "В Кыргызстане за октябрь-декабрь 2014 года … число призывников."
            topic = _time_topic(sentence, marks, offset, spans, published, events, paragraph_no[line], year)
        elif own:  # a sentence comparing with an earlier figure ("a decrease from 4 347 in 2012") is no topic
            single = len({x.fields for x in spans}) <= 1 and measured and not _COMPARED_FROM.search(sentence)
            topic = (paragraph_no[line], tuple(_own_time(sentence, published, events, year).items()),
                     frozenset(measured)) if single else None
        if measured:  # a sentence that counts two things ("170 and 60, respectively") lends neither
            counted_before = (line, next(iter(measured)), whole if measured == {"share"} else None) \
                if len(measured) == 1 else None
    return out
