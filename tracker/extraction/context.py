"""What surrounds a figure: the time it speaks of, who produced it, the counted words."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tracker.ledger.dates import DateError, Span, parse_span

if TYPE_CHECKING:
    from tracker.extraction.candidates import Candidate
    from tracker.extraction.figures import _Num

_MONTH_WORDS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
                r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|январ\w*|феврал\w*|март\w*|апрел\w*|ма[йяе]\w*|июн\w*"
                r"|июл\w*|август\w*|сентябр\w*|октябр\w*|ноябр\w*|декабр\w*|січ\w*|лют\w*|берез\w*|квіт\w*|трав\w*"
                r"|черв\w*|лип\w*|серп\w*|верес\w*|жовт\w*|листопад\w*|груд\w*")
_RATE_WORDS = [
    ("month", r"\b(monthly|a month|per month|each month|every month|a-month|в месяц|ежемесячно|каждый месяц|"
              r"щомісяця|на місяць|щомісячно|за місяць|за месяц)\b"),
    ("week", r"\b(weekly|a week|per week|each week|every week|в неделю|еженедельно|каждую неделю|щотижня|на тиждень)\b"),
    ("day", r"\b(daily|a day|per day|each day|every day|each working day|every working day|в день|ежедневно|каждый "
            r"(?:рабочий )?день|щодня|на день|кожного (?:робочого )?дня|кожен день)\b"),
    ("year", r"\b(annually|a year|per year|each year|every year|в год|ежегодно|щороку|на рік)\b"),
]
_SINCE = [
    (r"\bsince (?:the )?(?:start of the )?(?:partial )?mobili[sz]ation\b|\bsince mobili[sz]ation (?:began|was announced)"
     r"|\bс начала (?:«?частичной»? )?мобилизации|\bз початку (?:часткової )?мобілізації|\bпосле (?:объявления )?мобилизации"
     r"|\bпісля (?:оголошення )?(?:про початок )?мобілізації|since (?:the )?(?:initial )?mobili[sz]ation", "mobilisation"),
    (r"\bsince (?:the start of )?(?:the )?(?:full-scale )?invasion|\bsince russia (?:invaded|expanded)|\bс начала "
     r"(?:полномасштабного )?вторжения|\bз початку (?:повномасштабного )?вторгнення|\bс начала войны|\bз початку війни"
     r"|\bsince the (?:start|beginning) of the war|\bsince the war began|\bthroughout the (?:ongoing )?war",
     "invasion"),
]
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_ANY_MONTH = re.compile(r"\b(?:" + _MONTH_WORDS + ")")
# "its monthly report", "a daily briefing": the word names a publication, not a rate of the number
_NOT_A_RATE = re.compile(r"\s+(?:report|bulletin|review|briefing|summary|update|newsletter|statistics|data|digest"
                         r"|отч[её]т|сводк|обзор|звіт|зведенн|огляд)")
_SINCE_WORDS = ("since", "с начала", "з початку", "после", "після", "throughout")  # a cheap test before _SINCE
_EVENT_DATES = {"mobilisation": "2022-09-21", "invasion": "2022-02-24"}
# "in May 2024", "в мае 2024 года", "за травень", "у квітні": a calendar month, its year from the
# article's date when not printed
_MONTH_PERIOD = re.compile(
    r"\b(?:in|during|for|throughout|в|во|за|у)\s+(jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|august|"
    r"september|october|november|december|январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|"
    r"ноябре|декабре|январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь|січні|"
    r"лютому|березні|квітні|травні|червні|липні|серпні|вересні|жовтні|листопаді|грудні|січень|лютий|березень|"
    r"квітень|травень|червень|липень|серпень|вересень|жовтень|листопад|грудень)"
    r"(?:\s+(?:of\s+)?(\d{4})(?!\d))?(?:\s*(?:года|г\.|року|р\.))?(?!\w)")


def _time(sentence: str, published: Span | None, events: dict[str, str]) -> dict:
    """The time reference as written and what it resolves to."""
    low = sentence.lower()
    out: dict = {}
    year_in = _YEAR.search(low) is not None  # cheap tests that spare the patterns that need a year or a month
    month_in = _ANY_MONTH.search(low) is not None
    for pat, key in _SINCE if any(w in low for w in _SINCE_WORDS) else ():
        m = re.search(pat, low)
        if m:
            out["since"] = events.get(key, _EVENT_DATES[key])
            out["time_text"] = sentence[m.start():m.end()]
            break
    else:
        m = re.search(r"\bsince (?:the (?:start|beginning) of )?(" + _MONTH_WORDS + r")?\s*(\d{4})\b", low) \
            if year_in else None
        m = m or (re.search(r"\b(?:с|з) (?:начала |початку )?(\d{4}) (?:года|року)\b", low) if year_in else None)
        if m:
            year = m.groups()[-1]
            mon = m.group(1) if m.re.groups > 1 and m.group(1) else None
            out["since"] = f"{year}-{_month_number(mon):02d}" if mon else year
            out["time_text"] = sentence[m.start():m.end()]
    m = _MONTH_PERIOD.search(low) if month_in else None
    if m and "since" not in out and month_period(m, published):
        out["period"] = month_period(m, published)
        out["time_text"] = sentence[m.start():m.end()]
    for pat in (r"\b(?:in|during|for|throughout) (\d{4})(?: alone)?\b", r"\bв (\d{4}) году\b", r"\bза (\d{4}) год\b",
                r"\bу (\d{4}) році\b", r"\bза (\d{4}) рік\b", r"\b(\d{4}) (?:году|року)\b") if year_in else ():
        m = re.search(pat, low)
        if m and "since" not in out and "period" not in out:
            out["period"] = m.group(1)
            out["time_text"] = sentence[m.start():m.end()]
            break
    m = re.search(r"\bso far in (\d{4})|\bс начала (\d{4}) года|\bз початку (\d{4}) року|\bsince the (?:start|beginning) "
                  r"of (\d{4})", low) if year_in else None
    if m and published is not None:
        year = next(g for g in m.groups() if g)
        out["period"] = f"{year}-01-01/{published.last.isoformat()}"
        out["time_text"] = sentence[m.start():m.end()]
        out.pop("since", None)
    if re.search(r"\blast year\b|\bв прошлом году\b|\bминулого року\b|\bторік\b", low) and published is not None:
        out.setdefault("period", str(published.first.year - 1))
        out.setdefault("time_text", "last year")
    m = re.search(r"\b(?:as of|by|станом на|по состоянию на|на)\s+(?:the end of |late |конец |кінець )?(\d{1,2})?\s*("
                  + _MONTH_WORDS + r")\s*(\d{1,2}(?!\d))?(?:,?\s*(\d{4}))?", low) if month_in else None
    if m and published is not None and "period" not in out:
        mon = _month_number(m.group(2))
        if mon:
            year = int(m.group(4)) if m.group(4) else published.first.year
            day = m.group(1) or m.group(3)
            if not m.group(4) and mon > published.first.month:
                year -= 1
            try:
                out["as_of"] = f"{year}-{mon:02d}-{int(day):02d}" if day else f"{year}-{mon:02d}"
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


def month_period(m: re.Match, published: Span | None) -> str | None:
    """The YYYY-MM a _MONTH_PERIOD match names: its year, else the latest such month not after the article."""
    mon = _month_number(m.group(1))
    year = int(m.group(2)) if m.group(2) else (published.first.year - (mon > published.first.month)
                                               if published is not None else None)
    return f"{year}-{mon:02d}" if mon and year else None


def months_by_number(sentence: str, published: Span | None) -> list[tuple[int, str, str]]:
    """(where, YYYY-MM, as written) of each month a sentence names as a period, when it names two or more:
    "in April 1,064 cases, in March 708" gives each figure its own month."""
    found = [(m.start(), month_period(m, published), sentence[m.start():m.end()])
             for m in _MONTH_PERIOD.finditer(sentence.lower())]
    found = [f for f in found if f[1]]
    return found if len({f[1] for f in found}) >= 2 else []


def _month_number(word: str | None) -> int:
    if not word:
        return 0
    w = word.lower()
    for i, stem in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]):
        if w.startswith(stem):
            return i + 1
    ru = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"]
    uk = ["січ", "лют", "берез", "квіт", "трав", "черв", "лип", "серп", "верес", "жовт", "листопад", "груд"]
    for table in (ru, uk):
        for i, stem in enumerate(table):
            if w.startswith(stem) and (stem != "ма" or w[:3] in ("май", "мая", "мае")):
                return i + 1
    return 0


_CLAIMANT_PATTERNS = [
    r"(?i:according to) (?:the )?((?:[A-Z\"“«][\w\"”»'’.-]*\s?){1,5})",
    r"(?i:by|from) (?:the )?(?:independent )?(?:news )?(?:outlet|website|project|group|portal) ((?:[A-Z\"“«][\w\"”»'’.-]*\s?){1,4})",
    r"((?:[A-Z][\w'’.-]+\s?){1,3}) (?:said|says|reported|reports|told|stated|estimated|counted|found|documented|revealed)",
    r"(?:said|says|reported|told) ((?:[A-Z][\w'’.-]+\s?){1,3})",
    r"(?i:по (?:данным|словам|подсчетам|информации)) («?[А-ЯЁA-Z][\w«»\"“”.-]*(?:\s[А-ЯЁA-Z«][\w«»\"“”.-]*){0,3})",
    r"(?:сообщает|сообщил[аи]?|подсчитал[аи]?|заявил[аи]?|пишет|выяснил[аи]?) («?[А-ЯЁA-Z][\w«»\"“”.-]*(?:\s[А-ЯЁA-Z«][\w«»\"“”.-]*){0,3})",
    r"(?i:за (?:даними|словами|підрахунками|інформацією)) («?[А-ЯІЇЄҐA-Z][\w«»\"“”'’.-]*(?:\s[А-ЯІЇЄҐA-Z«][\w«»\"“”'’.-]*){0,3})",
    r"(?:повідомляє|повідомив|повідомила|підрахувал[аи]?|заявив|заявила|пише) («?[А-ЯІЇЄҐA-Z][\w«»\"“”'’.-]*(?:\s[А-ЯІЇЄҐA-Z«][\w«»\"“”'’.-]*){0,3})",
]
_NOT_NAMES = {"The", "This", "These", "It", "He", "She", "They", "We", "I", "In", "A", "An", "Russian", "Russia",
              "Ukraine", "Ukrainian", "Moscow", "Kremlin"}


# An institution that produces estimates, named by its kind: "Ukrainian intelligence estimates",
# "the defence ministry said", "Украинская разведка оценивает", "ГУР повідомляє"
_INSTITUTION = re.compile(
    r"((?:[A-Z][\w'’.-]+\s)?(?:military\s|defen[cs]e\s)?(?:intelligence|[Mm]inistry(?:\sof\s[A-Z]\w+)?|General Staff"
    r"|[Ss]ecurity [Ss]ervice|[Cc]ourt [Ss]ervice|[Jj]udicial [Dd]epartment)|(?:[А-ЯІЇЄҐ]\w+\s)?(?:разведк[аи]|розвідк[аи])"
    r"|ГУР(?:\sМО)?|Минобороны(?:\s\w+)?|Міноборони(?:\s\w+)?|Генштаб\w*|Судебный департамент|Судовий департамент)"
    r"\s(?:estimates|estimated|says|said|reported|reports|believes|counted|оценивает|оценила|сообщает|сообщила|заявляет"
    r"|считает|оцінює|оцінила|повідомляє|повідомила|заявляє|вважає)\b")


_INSTITUTION_WORDS = ("intelligence", "inistry", "General Staff", "ecurity ", "ourt ", "udicial", "азведк", "озвідк",
                      "ГУР", "Минобороны", "Міноборони", "Генштаб", "департамент")


# Every claimant pattern needs one of these words (lower case): a cheap test before the patterns
_CLAIM_WORDS = ("according to", "outlet", "website", "project", "group", "portal", "said", "says", "report", "told",
                "stated", "estimat", "counted", "found", "documented", "revealed", "по данным", "по словам",
                "по подсчетам", "по информации", "сообща", "сообщил", "подсчитал", "заявил", "пишет", "выяснил",
                "за даними", "за словами", "за підрахунками", "за інформацією", "повідомля", "повідоми",
                "підрахувал", "заяви", "пише")


def _claimant(sentence: str) -> str | None:
    m = _INSTITUTION.search(sentence) if any(w in sentence for w in _INSTITUTION_WORDS) else None
    if m:
        return m.group(1)
    low = sentence.lower()
    if not any(w in low for w in _CLAIM_WORDS):
        return None
    for pat in _CLAIMANT_PATTERNS:
        m = re.search(pat, sentence)
        if m:
            name = m.group(1).strip(" ,.;:")
            name = re.sub(r"^[\"“«„]|[\"”»]$", "", name).strip()
            words = name.split()
            while words and words[-1].lower() in ("said", "says", "on", "in", "the", "that", "who", "has", "have"):
                words.pop()
            name = " ".join(words)
            if name and name.split()[0] not in _NOT_NAMES and len(name) > 2:
                return name
    return None


_STOP = {"in", "on", "for", "have", "has", "had", "were", "was", "by", "to", "at", "from", "that", "which", "who",
         "and", "or", "of", "since", "as", "with", "are", "is", "been", "be", "will", "would", "could", "than",
         "в", "на", "за", "по", "у", "і", "и", "та", "что", "які", "который", "которые", "с", "со", "з", "із",
         "от", "від", "до", "были", "было", "был", "є", "были", "против", "проти", "the", "a", "an"}


def _noun(sentence: str, n: _Num) -> str:
    after = sentence[n.end:n.end + 80]
    words = re.findall(r"[\w'’-]+", after)
    out = []
    for w in words:
        if w.lower() in _STOP and out:
            break
        if w.lower() in _STOP or w.lower() in ("more", "such", "of", "из", "із"):
            continue
        out.append(w)
        if len(out) == 3:
            break
    return " ".join(out)


def _window(c: Candidate, before: int = 25, after: int = 60) -> str:
    """The words around the number in its sentence, mostly those after it (what it counts)."""
    at = c.quote.find(c.printed.split()[-1]) if c.printed else -1
    if at < 0:
        return c.quote
    head = re.split(r"[,;:(]\s", c.quote[max(0, at - before):at])[-1]  # this clause only
    tail = re.split(r"[,;:(]\s|\s(?:while|but|and|whereas|а|но|и|і|але|а також)\s", c.quote[at:at + after])[0]
    return head + tail


def _near(text: str, starts: list[int], offset: int, length: int, width: int = 400) -> str:
    """The sentence's paragraph, cut to the text near the sentence (a claimant is named close by)."""
    import bisect

    i = bisect.bisect_right(starts, offset) - 1
    begin = starts[i]
    end = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
    return text[max(begin, offset - width):min(end, offset + length + width)]
