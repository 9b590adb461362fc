"""From an article to candidate figures with their quote, qualifier, time, claimant and indicator.

    article = read_article("article.html")           # or .txt, or a URL via fetch()
    candidates = extract(article, ledger)             # ledger: for suggesting indicators
    print(candidates_yaml(article, candidates, ledger))
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from tracker.extraction.article import Article, detect_language
from tracker.extraction.context import _claimant, _near, _noun, _time
from tracker.extraction.figures import _RANGE, _RANGE_JOIN, _is_excluded, _Num, _numbers, _qualifier
from tracker.extraction.sentences import _is_chrome, sentences
from tracker.extraction.suggest import suggest_indicator
from tracker.ledger.dates import DateError, parse_span

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
    notes: tuple[str, ...] = field(default_factory=tuple)


def extract(article: Article, ledger=None) -> list[Candidate]:
    """Every candidate figure in the article, in order of appearance."""
    lang = article.language or detect_language(article.text)
    published = None
    if article.published:
        try:
            published = parse_span(str(article.published)[:10])
        except DateError:
            published = None
    events = {}
    if ledger is not None:
        for e in ledger.events:
            low = e.title.lower()
            if "mobili" in low:
                events["mobilisation"] = e.date.first.isoformat()
            if "invasion" in low:
                events["invasion"] = e.date.first.isoformat()
    out: list[Candidate] = []
    seen: set[tuple[str, float]] = set()
    starts, pos = [], 0  # where each paragraph (line) starts, to find a sentence's own by offset
    for line in article.text.split("\n"):
        starts.append(pos)
        pos += len(line) + 1
    for offset, sentence in sentences(article.text):
        if _is_chrome(sentence):
            continue
        nums = _numbers(sentence, lang)
        if not nums:
            continue
        time = _time(sentence, published, events)
        claimant = _claimant(sentence) or _claimant(_near(article.text, starts, offset, len(sentence)))
        skip_next = False
        for i, n in enumerate(nums):
            if skip_next:
                skip_next = False
                continue
            why = _is_excluded(sentence, n)
            if why:
                continue
            qualifier, qwords = _qualifier(sentence, n)
            low = high = None
            change = None
            value = n.value
            if n.ratio or re.match(r"^\s*times\b", sentence[n.end:n.end + 10], re.I):
                change = "ratio" if re.search(r"\b(more|greater|higher|as many|increase|rise|grew|from|than|"
                                               r"больше|более|вырос|зросл|більше)\b|doubl|tripl|вдвое|втрое|вдвічі|втричі",
                                               sentence[max(0, n.start - 30):n.end + 40], re.I) else None
                if n.ratio and change is None and n.printed.lower() in ("twice",):
                    value = 2.0  # "twice within a month": a count of two
                if n.ratio and not change and n.printed.lower() not in ("twice",):
                    continue
            nxt = nums[i + 1] if i + 1 < len(nums) else None
            if nxt is not None and not n.words and not nxt.words:
                gap = sentence[n.end:nxt.start]
                if _RANGE_JOIN.fullmatch(gap) and (_RANGE.search(sentence[max(0, n.start - 12):n.start])
                                                   or re.fullmatch(r"\s*[-–—]\s*", gap)
                                                   or re.fullmatch(r"\s*to\s*", gap)) and nxt.value >= n.value:
                    if 0 < nxt.value / max(n.value, 1e-9) < 10 and not _is_excluded(sentence, nxt):
                        qualifier, low, high = "range", n.value, nxt.value
                        value = None
                        skip_next = True
                        n = _Num(n.start, nxt.end, n.value, sentence[n.start:nxt.end], percent=nxt.percent or n.percent)
            if n.vague:
                qualifier = "at_least"
            if n.ratio and change and qualifier == "exact":
                qualifier = "approx"  # "doubling": a round multiplier
            percent = n.percent
            if percent:
                value = None if value is None else value / 100
                low = None if low is None else low / 100
                high = None if high is None else high / 100
            printed = f"{qwords} {n.printed}".strip() if qwords else n.printed
            key = (sentence, n.start)
            if key in seen:
                continue
            seen.add(key)
            notes = []
            if n.vague:
                notes.append(f"'{n.printed}' is vague; recorded as the bound {int(n.value):,}")
            c = Candidate(value=value, qualifier=qualifier, quote=sentence, printed=printed, low=low, high=high,
                          percent=percent, change=change, noun=_noun(sentence, n), time_text=time.get("time_text", ""),
                          as_of=time.get("as_of"), period=time.get("period"), since=time.get("since"),
                          per=time.get("per"), claimant=claimant, language=lang, vague=n.vague,
                          notes=tuple(notes))
            ind, score = suggest_indicator(c, ledger, article.title or "")
            out.append(replace(c, indicator=ind, score=score))
    return out
