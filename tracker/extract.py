"""From an article to candidate figures with their quote, qualifier, time and citation.

    article = read_article("article.html")           # or .txt, or a URL via fetch()
    candidates = extract(article, ledger)             # ledger: for suggesting indicators
    print(candidates_yaml(article, candidates, ledger))

Numbers are read as news prints them in English, Russian and Ukrainian; years,
dates, times, article numbers of a code, ages, durations, prices and numbers in
addresses are left out. Each candidate keeps the sentence as printed, its
qualifier, the counted words, the time it speaks of (resolved against the
article's date where possible), the claimant named nearby, and the ledger
indicator it most likely belongs to, with a score.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from tracker.dates import DateError, Span, parse_span
from tracker.numbers import RATIO_WORDS, VAGUE, WORDS, _SPACES, read_number

MAX_TEXT = 2_000_000  # characters read from one article
MAX_BYTES = 10_000_000  # bytes fetched from one address


@dataclass(frozen=True)
class Article:
    text: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    url: str | None = None
    language: str | None = None
    document: str | None = None  # the local file it was read from


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
    offset: int = 0  # where the number starts in the text
    notes: tuple[str, ...] = field(default_factory=tuple)


# -- reading articles --------------------------------------------------------------------


class ExtractError(Exception):
    """An article that cannot be read; the message says why and what to do."""


def detect_language(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "en"
    cyr = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    if cyr / len(letters) < 0.3:
        return "en"
    uk = sum(text.count(c) for c in "іїєґІЇЄҐ")
    ru = sum(text.count(c) for c in "ыэъёЫЭЪЁ")
    return "uk" if uk > ru else "ru"


_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b", re.I)
_PRINTED_DATE = re.compile(r"^\s*(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s?(\d{1,2})(?:\s*-\s*|,\s*)"
                           r"(\d{4})\b(?:\s+\d{1,2}:\d{2}\s*(?:AM|PM)?(?:\s+[A-Z]{2,4})?)?\s*$", re.M)  # a dateline
_MONTHS_EN = {m: i + 1 for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                               "nov", "dec"])}


def read_text_article(text: str, published: str | None = None, url: str | None = None,
                      publisher: str | None = None, document: str | None = None) -> Article:
    """A plain-text article; a leading 'date YYYY-MM-DD' line or a printed date fills `published`."""
    text = unicodedata.normalize("NFC", text[:MAX_TEXT]).replace("\r\n", "\n")
    lines = text.split("\n")
    title = next((ln.strip() for ln in lines if ln.strip()), None)
    m = _DATE_LINE.match(lines[0]) if lines else None
    if m:
        published = published or m.group(1)
        rest = lines[0][m.end():].strip()
        title = rest or title
    if published is None:
        pm = _PRINTED_DATE.search("\n".join(lines[:15]))
        if pm:
            published = f"{pm.group(3)}-{_MONTHS_EN[pm.group(1).lower()[:3]]:02d}-{int(pm.group(2)):02d}"
    if publisher is None:
        sm = re.search(r"^\s*Source:\s*(\S[^\n]{0,60})$", text, re.M)
        publisher = sm.group(1).strip() if sm else None
    author = None
    am = re.search(r"^\s*Written by ([^\n]{3,60})$", text, re.M)
    if am:
        author = am.group(1).strip()
    return Article(text=text, title=title, publisher=publisher, author=author, published=published, url=url,
                   language=detect_language(text), document=document)


def read_html_article(html: str | bytes, url: str | None = None, published: str | None = None,
                      publisher: str | None = None, document: str | None = None) -> Article:
    """An HTML article: main text and citation metadata by trafilatura (scripts and menus dropped)."""
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ExtractError(f"reading HTML needs trafilatura ({exc}); pip install trafilatura lxml_html_clean")
    import logging

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    if isinstance(html, bytes):
        html = html[:MAX_BYTES].decode("utf-8", errors="replace")
    # Scripts and styles are never article text, even when broken markup hides their tags.
    html = re.sub(r"(?is)<(script|style|noscript)\b.*?</\1\s*>", " ", html)
    html = re.sub(r"(?is)<(script|style|noscript)\b.*", " ", html)  # one left open runs to the end
    doc = trafilatura.bare_extraction(html[:MAX_TEXT], url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, favor_recall=True)
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        raise ExtractError("no article text found in the HTML; save the page's text as .txt and try again")
    text = unicodedata.normalize("NFC", doc.text)
    return Article(text=text, title=doc.title, publisher=publisher or doc.sitename or doc.hostname,
                   author=doc.author, published=published or doc.date, url=url or doc.url,
                   language=getattr(doc, "language", None) or detect_language(text), document=document)


def read_article(path: str | Path, published: str | None = None, url: str | None = None,
                 publisher: str | None = None) -> Article:
    """Read a .txt or .html file (by its name or its content)."""
    path = Path(path)
    try:
        data = path.read_bytes()[:MAX_BYTES]
    except FileNotFoundError:
        raise ExtractError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise ExtractError(f"{path}: is a directory; give an article file") from None
    except OSError as exc:
        raise ExtractError(f"{path}: cannot read ({exc.strerror})") from None
    return read_bytes(data, name=str(path), published=published, url=url, publisher=publisher)


def read_bytes(data: bytes, name: str = "<stdin>", published: str | None = None, url: str | None = None,
               publisher: str | None = None) -> Article:
    if not data.strip():
        raise ExtractError(f"{name}: empty; nothing to extract")
    if b"\0" in data[:4096]:
        raise ExtractError(f"{name}: looks like a binary file, not an article's text or HTML")
    head = data[:2048].lstrip().lower()
    is_html = name.lower().endswith((".html", ".htm")) or head.startswith((b"<!doctype html", b"<html")) \
        or (b"<body" in data[:65536].lower() and b"</" in data[:65536])
    doc = name if name != "<stdin>" else None
    if is_html:
        return read_html_article(data, url=url, published=published, publisher=publisher, document=doc)
    text = data.decode("utf-8", errors="replace")
    return read_text_article(text, published=published, url=url, publisher=publisher, document=doc)


def fetch(url: str, timeout: float = 20.0, max_bytes: int = MAX_BYTES) -> bytes:
    """Fetch an address with a timeout and a size limit."""
    import urllib.error
    import urllib.request

    if not re.match(r"^https?://", url):
        raise ExtractError(f"'{url}' is not a web address (http:// or https://)")
    req = urllib.request.Request(url, headers={"User-Agent": "tracker-extract/0.1 (+figures ledger)"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            data = resp.read(max_bytes + 1)
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise ExtractError(f"cannot fetch {url}: {getattr(exc, 'reason', exc)}; save the page and pass the file")
    if len(data) > max_bytes:
        raise ExtractError(f"{url} is larger than {max_bytes // 1_000_000} MB; save the article's text and pass it")
    return data


# -- sentences ------------------------------------------------------------------------------

_ABBREV = ("тыс", "тис", "млн", "млрд", "ст", "г", "гг", "р", "рр", "ч", "п", "Mr", "Mrs", "Dr", "St", "Art", "No",
           "vs", "e.g", "i.e", "etc", "Jan", "Feb", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "U.S", "U.K", "т.е",
           "т.д", "им", "ул", "чел")
_SPLIT = re.compile(r"(?<=[.!?…])[\"'»”’)]*\s+(?=[\"'«“„(\[]?[A-ZА-ЯЁІЇЄҐ0-9])")


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs: lines split at sentence ends, not after common abbreviations."""
    out = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        cut = 0
        for m in _SPLIT.finditer(line):
            before = line[cut:m.start()].rstrip("\"'»”’)")
            word = re.search(r"([\w.]+)\.$", before)
            if word and word.group(1).split(".")[-1] in _ABBREV:
                continue
            chunk = line[cut:m.start()].strip()
            if chunk:
                out.append((start + cut + (len(line[cut:m.start()]) - len(line[cut:m.start()].lstrip())), chunk))
            cut = m.end()
        chunk = line[cut:].strip()
        if chunk:
            out.append((start + cut + (len(line[cut:]) - len(line[cut:].lstrip())), chunk))
    return out


# -- numbers in a sentence ---------------------------------------------------------------------

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
_MONTH_WORDS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
                r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|январ\w*|феврал\w*|март\w*|апрел\w*|ма[йяе]\w*|июн\w*"
                r"|июл\w*|август\w*|сентябр\w*|октябр\w*|ноябр\w*|декабр\w*|січ\w*|лют\w*|берез\w*|квіт\w*|трав\w*"
                r"|черв\w*|лип\w*|серп\w*|верес\w*|жовт\w*|листопад\w*|груд\w*")
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
_RATE_WORDS = [
    ("month", r"\b(monthly|a month|per month|each month|every month|a-month|в месяц|ежемесячно|каждый месяц|"
              r"щомісяця|на місяць|щомісячно|за місяць|за месяц)\b"),
    ("week", r"\b(weekly|a week|per week|each week|every week|в неделю|еженедельно|каждую неделю|щотижня|на тиждень)\b"),
    ("day", r"\b(daily|a day|per day|each day|every day|each working day|every working day|в день|ежедневно|каждый "
            r"(?:рабочий )?день|щодня|на день|кожного (?:робочого )?дня|кожен день)\b"),
    ("year", r"\b(annually|a year|per year|each year|every year|в год|ежегодно|щороку|на рік)\b"),
]


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


_SINCE = [
    (r"\bsince (?:the )?(?:start of the )?(?:partial )?mobili[sz]ation\b|\bsince mobili[sz]ation (?:began|was announced)"
     r"|\bс начала (?:«?частичной»? )?мобилизации|\bз початку (?:часткової )?мобілізації|\bпосле (?:объявления )?мобилизации"
     r"|\bпісля (?:оголошення )?(?:про початок )?мобілізації|since (?:the )?(?:initial )?mobili[sz]ation", "mobilisation"),
    (r"\bsince (?:the start of )?(?:the )?(?:full-scale )?invasion|\bsince russia (?:invaded|expanded)|\bс начала "
     r"(?:полномасштабного )?вторжения|\bз початку (?:повномасштабного )?вторгнення|\bс начала войны|\bз початку війни"
     r"|\bsince the (?:start|beginning) of the war|\bsince the war began|\bthroughout the (?:ongoing )?war",
     "invasion"),
]
_EVENT_DATES = {"mobilisation": "2022-09-21", "invasion": "2022-02-24"}


def _time(sentence: str, published: Span | None, events: dict[str, str]) -> dict:
    """The time reference as written and what it resolves to."""
    low = sentence.lower()
    out: dict = {}
    for pat, key in _SINCE:
        m = re.search(pat, low)
        if m:
            out["since"] = events.get(key, _EVENT_DATES[key])
            out["time_text"] = sentence[m.start():m.end()]
            break
    else:
        m = re.search(r"\bsince (?:the (?:start|beginning) of )?(" + _MONTH_WORDS + r")?\s*(\d{4})\b", low)
        m = m or re.search(r"\b(?:с|з) (?:начала |початку )?(\d{4}) (?:года|року)\b", low)
        if m:
            year = m.groups()[-1]
            mon = m.group(1) if m.re.groups > 1 and m.group(1) else None
            out["since"] = f"{year}-{_month_number(mon):02d}" if mon else year
            out["time_text"] = sentence[m.start():m.end()]
    for pat in (r"\b(?:in|during|for|throughout) (\d{4})(?: alone)?\b", r"\bв (\d{4}) году\b", r"\bза (\d{4}) год\b",
                r"\bу (\d{4}) році\b", r"\bза (\d{4}) рік\b", r"\b(\d{4}) (?:году|року)\b"):
        m = re.search(pat, low)
        if m and "since" not in out:
            out["period"] = m.group(1)
            out["time_text"] = sentence[m.start():m.end()]
            break
    m = re.search(r"\bso far in (\d{4})|\bс начала (\d{4}) года|\bз початку (\d{4}) року|\bsince the (?:start|beginning) "
                  r"of (\d{4})", low)
    if m and published is not None:
        year = next(g for g in m.groups() if g)
        out["period"] = f"{year}-01-01/{published.last.isoformat()}"
        out["time_text"] = sentence[m.start():m.end()]
        out.pop("since", None)
    if re.search(r"\blast year\b|\bв прошлом году\b|\bминулого року\b|\bторік\b", low) and published is not None:
        out.setdefault("period", str(published.first.year - 1))
        out.setdefault("time_text", "last year")
    m = re.search(r"\b(?:as of|by|станом на|по состоянию на|на)\s+(?:the end of |late |конец |кінець )?(\d{1,2})?\s*("
                  + _MONTH_WORDS + r")\s*(\d{1,2})?(?:,?\s*(\d{4}))?", low)
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
        m = re.search(pat, low)
        if m:
            out["per"] = per
            out.setdefault("time_text", sentence[m.start():m.end()])
            break
    return out


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


def _claimant(sentence: str) -> str | None:
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


# -- matching to the ledger's indicators ----------------------------------------------------------

_TRANSLATE = {  # domain stems in Russian and Ukrainian -> English words in indicator titles
    "дел": "cases", "справ": "cases", "уголовн": "criminal", "кримінальн": "criminal", "суд": "courts",
    "приговор": "sentences", "вирок": "sentences", "решени": "sentences", "дезертир": "deserted",
    "самовол": "awol", "солдат": "soldiers", "военнослужащ": "soldiers", "військов": "soldiers",
    "бійц": "soldiers", "мобилиз": "mobilisation", "мобіліз": "mobilisation", "контрактник": "soldiers",
    "человек": "people", "людей": "people", "людям": "people", "помог": "helped", "допомог": "helped",
    "силовик": "security", "спецслужб": "intelligence", "шпион": "spies", "дипломат": "diplomats",
    "идите лесом": "idite lesom", "ідіть лісом": "idite lesom", "призыв": "conscription", "армию": "drafted",
    "assist": "help", "escap": "flee", "бежал": "flee", "втек": "flee", "сбежал": "flee",
}
_EN_STEM = re.compile(r"[a-zа-яёіїєґ]+")


def _tokens(text: str) -> set[str]:
    low = text.lower()
    words = set()
    for stem, en in _TRANSLATE.items():
        if stem in low:
            words.update(en.split())
    for w in _EN_STEM.findall(low):
        if len(w) > 2 and w not in _STOP:
            words.add(_stem(w))
    for stem, en in (("assist", "help"), ("escap", "flee")):
        if stem in low:
            words.add(en)
    return {_stem(w) for w in words}


def _stem(word: str) -> str:
    """A crude stem: fleeing/flee, deserters/deserted/desert, sentences/sentence."""
    for suffix in ("ations", "ation", "ings", "ing", "ers", "er", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:6]


_UNITS = {"cases": ("cases", "дел", "справ"), "soldiers": ("soldier", "deserter", "military personnel", "men",
                                                            "солдат", "военнослуж", "дезертир", "бійц", "військов"),
          "people": ("people", "person", "others", "russians", "человек", "людей", "людям", "осіб"),
          "sentences": ("sentence", "verdict", "convict", "приговор", "вирок", "решени")}


def _unit_of(noun: str) -> str | None:
    low = noun.lower()
    return next((u for u, stems in _UNITS.items() if any(s in low for s in stems)), None)


def _vocabulary(ledger) -> tuple[dict, dict]:
    """Each indicator's words and how telling each word is (IDF), built once per ledger."""
    import math

    cached = ledger.__dict__.get("_vocabulary")
    if cached is None:
        vocabs = {i: _tokens(" ".join([ind.title, ind.counts or "", ind.unit, *ind.aliases]))
                  for i, ind in ledger.indicators.items()}
        df: dict[str, int] = {}
        for v in vocabs.values():
            for w in v:
                df[w] = df.get(w, 0) + 1
        idf = {w: math.log((1 + len(vocabs)) / n) for w, n in df.items()}  # words few indicators use tell most
        cached = (vocabs, idf)
        object.__setattr__(ledger, "_vocabulary", cached)  # a ledger is immutable
    return cached


FAR = 0.15  # the weight of words elsewhere in the sentence, against those in the number's clause


def suggest_indicator(c: Candidate, ledger, context: str = "") -> tuple[str | None, float]:
    """The ledger indicator a candidate most likely belongs to, and a score in [0, 1].

    Words near the number count fully, the rest of the sentence half; the counted
    unit ("cases", "people") and the kind of time reference must fit the indicator."""
    if ledger is None or not ledger.indicators:
        return None, 0.0
    near = _tokens(" ".join([c.noun, _window(c)]))
    far = _tokens(" ".join([c.quote, context])) - near
    unit = _unit_of(c.noun)
    vocabs, idf = _vocabulary(ledger)
    explainable = sum(idf[w] for w in near if w in idf) + FAR * sum(idf[w] for w in far if w in idf)
    best, best_score = None, 0.0
    for ind in ledger.indicators.values():
        vocab = vocabs[ind.id]
        if not vocab or explainable == 0:
            continue
        hits = sum(idf[w] for w in near & vocab) + FAR * sum(idf[w] for w in far & vocab)
        score = 2 * hits / (explainable + sum(idf[w] for w in vocab))  # like a Dice coefficient
        if unit is not None:
            score *= 1.4 if _unit_of(ind.unit) == unit or (unit == "people" and ind.unit == "soldiers") else 0.6
        unit_ok = (ind.unit == "share") == c.percent or (c.percent and ind.unit == "share")
        if not unit_ok:
            score *= 0.3
        if c.per and ind.kind == "rate":
            score *= 1.5 if ind.per == c.per else 0.7
        elif c.per and ind.kind != "rate":
            score *= 0.4
        elif not c.per and ind.kind == "rate":
            score *= 0.4
        if c.since and ind.kind == "cumulative" and ind.since is not None:
            score *= 1.4 if ind.since.text.startswith(c.since[:7]) else 0.6
        if c.period and ind.kind == "flow":
            score *= 1.3
        if c.change and ind.kind not in ("rate", "flow"):
            score *= 0.5
        if score > best_score:
            best, best_score = ind.id, score
    score = min(1.0, best_score)
    return (best, round(score, 2)) if score >= 0.2 else (None, round(score, 2))


# -- extraction ----------------------------------------------------------------------------------


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
            why = _is_excluded(sentence, n, lang)
            if why:
                continue
            qualifier, qwords = _qualifier(sentence, n, lang)
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
                    if 0 < nxt.value / max(n.value, 1e-9) < 10 and not _is_excluded(sentence, nxt, lang):
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
                          offset=offset + n.start, notes=tuple(notes))
            ind, score = suggest_indicator(c, ledger, article.title or "")
            out.append(replace(c, indicator=ind, score=score))
    return out


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


_CHROME = re.compile(r"(support us|donat|subscribe|sign up|newsletter|cookie|all rights reserved|advertis|"
                     r"costs us|remind me later|paiment|payment methods|read more|trending now|поддержите|"
                     r"підтримайте|подпишитесь|підпишіться)", re.I)


def _is_chrome(sentence: str) -> bool:
    """Donation banners, subscription boxes and the like."""
    return bool(_CHROME.search(sentence))


# -- candidates as ledger YAML ---------------------------------------------------------------------


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    import json

    return json.dumps(text, ensure_ascii=False)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() and abs(x) < 1e15 else repr(float(x))


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40] or "article"


def source_id(article: Article, ledger=None) -> str:
    """An id for the article's source: the existing one if the ledger has its address, else a new slug."""
    if ledger is not None:
        for sid, src in ledger.sources.items():
            if (article.url and src.url == article.url) or (article.document and src.document == article.document):
                return sid
    base = f"{_slug(article.publisher or 'unknown')}-{(article.published or 'undated')[:10]}"
    sid, n = base, 2
    while ledger is not None and sid in ledger.sources:
        sid, n = f"{base}-{n}", n + 1
    return sid


def _fits(c: Candidate, ind) -> tuple[bool, str]:
    """Whether a candidate can be written as a valid figure of the indicator, and why not."""
    if ind.kind in ("flow", "rate") and not c.period:
        return False, f"{ind.id} is a {ind.kind}: the sentence gives no period"
    if c.change and not (c.period or c.as_of):
        return False, "a relative claim needs the later time; none found"
    if ind.is_share != c.percent:
        return False, "a percentage and a share indicator go together"
    return True, ""


def candidates_yaml(article: Article, candidates: list[Candidate], ledger=None, source: str | None = None,
                    skip: set[tuple[str, float]] | None = None, status: str = "candidate") -> str:
    """The candidates as one ledger document: a source entry and figures with status: candidate
    (or `status`, e.g. "accepted" when a curator accepts them as they are).

    Candidates without an indicator that fits are listed as comments for the curator."""
    from tracker import __version__

    sid = source or source_id(article, ledger)
    where = article.url or article.document or "standard input"
    lines = [f"# Candidates extracted by tracker {__version__} from {where}",
             "# Review each: fix the indicator, qualifier and date; then set status: accepted or rejected."]
    if ledger is None or sid not in ledger.sources:
        lines += ["sources:", f"  {sid}:", f"    publisher: {_q(article.publisher or 'Unknown publisher')}"]
        for key in ("title", "url", "published", "author", "language", "document"):
            val = getattr(article, key)
            if val:
                lines.append(f"    {key}: {_q(str(val)[:10] if key == 'published' else str(val))}")
    figures, unmatched = [], []
    used: set[str] = set(f.id for f in ledger.figures) if ledger is not None else set()
    for n, c in enumerate(candidates, 1):
        value = c.value if c.value is not None else None
        if skip and (sid, value if value is not None else c.low) in skip:
            continue
        ind = ledger.indicators.get(c.indicator) if (ledger is not None and c.indicator) else None
        ok, why = _fits(c, ind) if ind else (False, "no indicator of the ledger matches")
        fid = f"{sid}-{n}"
        while fid in used:
            fid += "x"
        used.add(fid)
        note = f"Extracted; printed as '{c.printed}'"
        if c.noun:
            note += f"; counts '{c.noun}'"
        if c.time_text:
            note += f"; time '{c.time_text}'"
        if c.since:
            note += f" (a total since {c.since})"
        if c.per:
            note += f"; per {c.per}"
        if c.indicator:
            note += f"; indicator suggested with score {c.score:.2f}"
        note += "".join(f"; {x}" for x in c.notes) + "."
        body = [f"  - id: {fid}", f"    indicator: {c.indicator or 'CHOOSE'}"]
        if c.qualifier == "range":
            body += ["    qualifier: range", f"    low: {_num(c.low)}", f"    high: {_num(c.high)}"]
        else:
            body += [f"    value: {_num(value)}"]
            if c.qualifier != "exact":
                body.append(f"    qualifier: {c.qualifier}")
        if c.change:
            body.append(f"    change: {c.change}")
        if ind is not None and ind.kind in ("flow", "rate") and c.period:
            body.append(f"    period: {_q(c.period)}")
        elif c.period and c.change:
            body.append(f"    period: {_q(c.period)}")
        elif c.as_of and (ind is None or ind.kind in ("stock", "cumulative")):
            body.append(f"    as_of: {_q(c.as_of)}")
        body += [f"    source: {sid}"]
        if c.claimant:
            body.append(f"    claimant: {_q(c.claimant)}")
        body += [f"    quote: {_q(c.quote)}", f"    status: {status}", f"    note: {_q(note)}"]
        if ok:
            figures.extend(body)
        else:
            unmatched.append(f"  # {why}:")
            unmatched.extend("  # " + b[2:] for b in body)
    if figures:
        lines += ["figures:", *figures]
    if unmatched:
        lines += ["# Not written as figures (no indicator fits; add one and copy them in):", *unmatched]
    return "\n".join(lines) + "\n"


def candidates_frame(candidates: list[Candidate]):
    """The candidates as a pandas DataFrame, one row each, in order of appearance."""
    import dataclasses

    import pandas as pd

    cols = ["printed", "value", "qualifier", "low", "high", "change", "noun", "time_text", "as_of", "period", "since",
            "per", "claimant", "indicator", "score", "quote"]
    return pd.DataFrame([{k: dataclasses.asdict(c)[k] for k in cols} for c in candidates], columns=cols)
