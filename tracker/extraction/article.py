"""Reading an article: plain text, HTML (through trafilatura) or a web address, with its citation."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from tracker.errors import ExtractError
from tracker.languages import detect

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
    cut: str | None = None  # what of the file was not read, when it was too large to read whole




_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b", re.I)
_PRINTED_DATE = re.compile(r"^\s*(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s?(\d{1,2})(?:\s*-\s*|,\s*)"
                           r"(\d{4})\b(?:\s+\d{1,2}:\d{2}\s*(?:AM|PM)?(?:\s+[A-Z]{2,4})?)?\s*$", re.M)  # a dateline
_MONTHS_EN = {m: i + 1 for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                               "nov", "dec"])}


_DAY_MONTH_YEAR = re.compile(r"(?<!\d)(\d{1,2})\s+([^\W\d_]{3,})\.?,?\s+(\d{4})(?!\d)")
_DOTTED = re.compile(r"(?<![\d.])(\d{2})\.(\d{2})\.(\d{4})(?![\d.])")


def dateline(lines: list[str]) -> str | None:
    """The publication date a plain-text article prints near its top, on a short line of its own:
    '3 May 2024, 10:15', '3 мая 2024', '3 травня 2024 р.', '03.05.2024'. None when there is none."""
    import datetime

    from tracker.extraction.context import month_number

    for line in lines:
        short = line.strip()
        if not short or len(short) > 48:
            continue
        m = _DAY_MONTH_YEAR.search(short)
        if m and month_number(m.group(2)):
            day, month, year = int(m.group(1)), month_number(m.group(2)), int(m.group(3))
        else:
            m = _DOTTED.search(short)
            if not m:
                continue
            day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        try:
            return datetime.date(year, month, day).isoformat()
        except ValueError:
            continue
    return None


_CHROME = re.compile(r"^(skip to (main )?content|support us|menu|subscribe|sign in|log in|advertisement|"
                     r"live updates?\b.*|share( this)?|read more|cookies?\b.*)$", re.I)


def headline(lines: list[str], within: int = 15) -> str | None:
    """The article's title in its text: the first of its first lines that reads as a headline (4 to 30
    words, not ending with a full stop, not a dateline, not site furniture such as 'Skip to content' or
    an appeal for support), else its first line. Pages saved as text begin with the site's navigation as often as
    with the headline."""
    shown = [ln.strip() for ln in lines if ln.strip()]
    for line in shown[:within]:
        words = len(line.split())
        if 4 <= words <= 30 and not line.endswith(".") and not _CHROME.match(line) and dateline([line]) is None:
            return line
    return shown[0] if shown else None


def _host(url: str | None) -> str | None:
    """An address's host without 'www.' ("https://www.inform.kz/ru/x" -> "inform.kz"), or None."""
    from urllib.parse import urlsplit

    host = urlsplit(url or "").hostname
    return host[4:] if host and host.startswith("www.") else host


def read_text_article(text: str, published: str | None = None, url: str | None = None,
                      publisher: str | None = None, document: str | None = None) -> Article:
    """A plain-text article; a leading 'date YYYY-MM-DD' line or a printed date fills `published`."""
    cut = _cut(document, len(text))
    text = unicodedata.normalize("NFC", text[:MAX_TEXT]).replace("\r\n", "\n")
    lines = text.split("\n")
    m = _DATE_LINE.match(lines[0]) if lines else None
    body = lines[1:] if m else lines
    title = headline(body)
    if m:
        published = published or m.group(1)
        title = lines[0][m.end():].strip() or title
    if published is None:
        pm = _PRINTED_DATE.search("\n".join(lines[:15]))
        if pm:
            published = f"{pm.group(3)}-{_MONTHS_EN[pm.group(1).lower()[:3]]:02d}-{int(pm.group(2)):02d}"
    if published is None:
        published = dateline(lines[:8])
    if publisher is None:
        sm = re.search(r"^\s*Source:\s*(\S[^\n]{0,60})$", text, re.M)
        publisher = sm.group(1).strip() if sm else _host(url)  # else its address's host, as for a page
    author = None
    am = re.search(r"^\s*Written by ([^\n]{3,60})$", text, re.M)
    if am:
        author = am.group(1).strip()
    return Article(text=text, title=title, publisher=publisher, author=author, published=published, url=url,
                   language=detect(text), document=document, cut=cut)


def _cut(name: str | None, length: int) -> str | None:
    if length <= MAX_TEXT:
        return None
    return f"{name or 'the article'}: {length:,} characters; only the first {MAX_TEXT:,} were read"


def read_html_article(html: str | bytes, url: str | None = None, published: str | None = None,
                      publisher: str | None = None, document: str | None = None) -> Article:
    """An HTML article: main text and citation metadata by trafilatura (scripts and menus dropped)."""
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ExtractError(f"reading HTML needs trafilatura ({exc}); pip install trafilatura lxml_html_clean") from None
    import logging

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    if isinstance(html, bytes):
        from tracker.text.decoding import DecodeError, decode

        try:
            html = decode(html[:MAX_BYTES], html=True)[0]
        except DecodeError as exc:
            raise ExtractError(f"{document or 'the page'}: {exc}") from None
    # Scripts and styles are never article text, even when broken markup hides their tags.
    html = re.sub(r"(?is)<(script|style|noscript)\b.*?</\1\s*>", " ", html)
    html = re.sub(r"(?is)<(script|style|noscript)\b.*", " ", html)  # one left open runs to the end
    # The date only from the page's markup (meta tags, <time>): htmldate's search of the text guesses
    # "2024-01-01" from "in May 2024", and the extractor reads the text's own dateline itself.
    dates = {"original_date": True, "extensive_search": False}
    doc = trafilatura.bare_extraction(html[:MAX_TEXT], url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, favor_recall=True, date_extraction_params=dates)
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        raise ExtractError("no article text found in the HTML; save the page's text as .txt and try again")
    text = unicodedata.normalize("NFC", doc.text)
    cut = _cut(document, len(html))
    return Article(text=text, title=doc.title, publisher=publisher or doc.sitename or doc.hostname,
                   author=doc.author, published=published or doc.date or dateline(text.split("\n", 8)[:8]),
                   url=url or doc.url,
                   language=getattr(doc, "language", None) or detect(text), document=document, cut=cut)


def read_article(path: str | Path, published: str | None = None, url: str | None = None,
                 publisher: str | None = None) -> Article:
    """Read a .txt or .html file (by its name or its content)."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
            size = path.stat().st_size
    except FileNotFoundError:
        raise ExtractError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise ExtractError(f"{path}: is a directory; give an article file") from None
    except OSError as exc:
        raise ExtractError(f"{path}: cannot read ({exc.strerror})") from None
    article = read_bytes(data[:MAX_BYTES], name=str(path), published=published, url=url, publisher=publisher)
    if len(data) > MAX_BYTES:
        article = replace(article, cut=f"{path}: {size / 1e6:,.1f} MB; only its first {MAX_BYTES / 1e6:,.0f} MB "
                                        "were read")
    return article


def read_bytes(data: bytes, name: str = "<stdin>", published: str | None = None, url: str | None = None,
               publisher: str | None = None) -> Article:
    if not data.strip():
        raise ExtractError(f"{name}: empty; nothing to extract")
    from tracker.text.decoding import DecodeError, binary, decode

    if binary(data):
        raise ExtractError(f"{name}: looks like a binary file, not an article's text or HTML")
    try:
        text, encoding = decode(data, html=None)
    except DecodeError as exc:
        raise ExtractError(f"{name}: {exc}; save it as UTF-8") from None
    head = text[:2048].lstrip().lower()
    is_html = name.lower().endswith((".html", ".htm")) or head.startswith(("<!doctype html", "<html")) \
        or ("<body" in text[:65536].lower() and "</" in text[:65536])
    doc = name if name != "<stdin>" else None
    if is_html:
        return read_html_article(text, url=url, published=published, publisher=publisher, document=doc)
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
        reason = getattr(exc, "reason", exc)
        raise ExtractError(f"cannot fetch {url}: {reason}; save the page and pass the file") from None
    if len(data) > max_bytes:
        raise ExtractError(f"{url} is larger than {max_bytes // 1_000_000} MB; save the article's text and pass it")
    return data
