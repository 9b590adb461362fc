"""Pages from an archive: .txt and .html files, or the response records of WARC files, read one at a time.

A page that cannot be read (a damaged record, an unknown encoding, one larger than the limit) becomes a
`Skipped` with its reason instead, and reading goes on: in a damaged .warc.gz at the next gzip member, in
a damaged .warc at the next 'WARC/1.' header.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from tracker.extraction.article import MAX_BYTES

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
PAGE_SUFFIXES = (".txt", ".html", ".htm")
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w.:-]+)""", re.I)


@dataclass(frozen=True, slots=True)
class Page:
    origin: str  # where it was read: a path, or 'file.warc.gz@offset'
    uri: str | None  # the page's address (a WARC record's target URI)
    date: str | None  # YYYY-MM-DD: the WARC record's date; None for files
    html: bool
    text: str


@dataclass(frozen=True, slots=True)
class Skipped:
    origin: str
    reason: str


def files_named(item: str) -> list[Path]:
    """The files an argument names: a directory's files (recursively), a glob pattern's matches (when no file
    has that very name), or the path itself; sorted."""
    import glob

    path = Path(item)
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file())
    if glob.has_magic(item) and not path.exists():
        return sorted(Path(p) for p in glob.glob(item, recursive=True) if Path(p).is_file())
    return [path]


def is_warc(path: str | Path) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES)


def _decode(data: bytes, declared: str | None) -> str:
    """The page's text (tracker.text.decoding); raises ValueError with the reason when it cannot be read."""
    from tracker.text.decoding import decode

    return decode(data, declared)[0]


def _too_large(size: int) -> str:
    return f"page of {size / 1e6:.1f} MB is larger than the {MAX_BYTES // 1_000_000} MB limit"


def file_page(path: Path) -> Page | Skipped:
    """One .txt or .html file as a page."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return Skipped(origin, _too_large(size))
        data = path.read_bytes()
        html = path.suffix.lower() in (".html", ".htm")
        return Page(origin, None, None, html, _decode(data, None))
    except (OSError, ValueError) as exc:
        return Skipped(origin, getattr(exc, "strerror", None) or str(exc))


def _charset(content_type: str | None) -> str | None:
    m = re.search(r"charset=([\w.:-]+)", content_type or "", re.I)
    return m.group(1) if m else None


@dataclass(frozen=True, slots=True)
class WarcRange:
    """A unit of work inside one WARC file: `count` records from byte `start` (count None: to the end)."""

    path: str
    start: int = 0
    count: int | None = None


def warc_ranges(path: str, per_unit: int) -> list[WarcRange]:
    """The file cut into ranges of `per_unit` records, from one pass over its record headers."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    offsets = []
    try:
        with open(path, "rb") as fh:
            it = ArchiveIterator(fh, arc2warc=True)
            for _ in it:
                offsets.append(it.get_record_offset())
    except (ArchiveLoadFailed, ValueError, OSError, EOFError):
        return [WarcRange(path)]  # damaged: one unit, read with resynchronisation
    if not offsets:
        return [WarcRange(path)]
    cuts = offsets[::per_unit]
    return [WarcRange(path, start, per_unit if i + 1 < len(cuts) else None) for i, start in enumerate(cuts)]


def warc_pages(path: Path, start: int = 0, count: int | None = None) -> Iterator[Page | Skipped]:
    """The response records of a WARC file that carry text or HTML, in file order (`count` records from
    byte `start`, or all)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    name = str(path)
    seen = 0
    with open(path, "rb") as fh:
        gz = fh.read(2) == b"\x1f\x8b"  # by its bytes: a .warc.gz may be stored uncompressed
        while True:
            fh.seek(start)
            it = ArchiveIterator(fh, arc2warc=True)
            last = None  # offset of the last record read whole from `start`
            try:
                for record in it:
                    if count is not None and seen >= count:
                        return
                    seen += 1
                    if gz and it.reader.decompressor is None:
                        # warcio reads a gzip member it cannot decompress as plain text, which can swallow
                        # the records after it into one of garbage: skipped, and reading goes on after it
                        bad = it.get_record_offset()
                        yield Skipped(f"{name}@{bad}", "damaged WARC record (it does not decompress, in a "
                                      "gzipped WARC); skipped")
                        start = _next_record(fh, bad + 1, gz)
                        break
                    try:
                        page = _record_page(record, name, swallows=not gz)  # read before asking the offset
                    except _Swallowed:
                        bad = it.get_record_offset()
                        yield Skipped(f"{name}@{bad}", "damaged WARC record (its Content-Length runs past the "
                                      "record, into the next); skipped")
                        start = _next_record(fh, bad + 1, gz)
                        break
                    last = it.get_record_offset()  # absolute: warcio counts from the file's start
                    if page is not None:
                        yield replace(page, origin=f"{name}@{last}")
                else:
                    return
            except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:  # a damaged record
                if last is not None:  # it failed after `last`: start again where the failing record begins
                    start = _next_record(fh, last + 1, gz)
                else:  # the record at `start` itself is damaged
                    seen += 1
                    yield Skipped(f"{name}@{start}", f"damaged WARC record ({type(exc).__name__}: "
                                  f"{str(exc)[:80]}); skipped")
                    start = _next_record(fh, start + 1, gz)
            if start is None:
                return


_RECORD_START = re.compile(rb"\nWARC/1\.[01]\r?\nWARC-[\w-]+: ")


def _next_record(fh, after: int, gzipped: bool) -> int | None:
    """Where the next record starts after a damaged one: a gzip member, or a 'WARC/1.' line."""
    marker = b"\x1f\x8b\x08" if gzipped else b"\nWARC/1."
    fh.seek(after)
    pos, tail = after, b""
    while True:
        block = fh.read(1 << 20)
        if not block:
            return None
        buf = tail + block
        at = buf.find(marker)
        if at >= 0:
            return pos - len(tail) + at + (0 if gzipped else 1)
        tail = buf[-(len(marker) - 1):]
        pos += len(block)


class _Swallowed(Exception):
    """A record whose content holds the start of the next record: its Content-Length is too large."""


def _record_page(record, origin: str, swallows: bool = False) -> Page | Skipped | None:
    """The record as a page; with `swallows` (an uncompressed WARC, where a wrong Content-Length reads on into
    the records after it), raises _Swallowed when its content holds a record's start."""
    if record.rec_type not in ("response", "resource"):
        return None
    content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or \
        record.rec_headers.get_header("Content-Type") or ""
    low = content_type.lower()
    html = "html" in low
    if not (html or low.startswith("text/plain") or not low):
        return None  # images, scripts, PDFs: not pages with text
    data = record.content_stream().read(MAX_BYTES + 1)
    if swallows and _RECORD_START.search(data):
        raise _Swallowed
    missing = getattr(record.raw_stream, "limit", 0) if len(data) <= MAX_BYTES else 0
    if missing:  # the file ends inside the record (an interrupted crawl): its page would be cut short
        return Skipped(origin, f"damaged WARC record (cut short: {missing:,} bytes of it missing); skipped")
    if len(data) > MAX_BYTES:
        declared = record.rec_headers.get_header("Content-Length")
        size = int(declared) if declared and declared.isdigit() else len(data)
        return Skipped(origin, _too_large(max(size, len(data))))
    uri = record.rec_headers.get_header("WARC-Target-URI")
    date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    try:
        text = _decode(data, _charset(content_type))
    except ValueError as exc:
        return Skipped(origin, str(exc))
    return Page(origin, uri, date, html or data.lstrip()[:1] == b"<", text)


def unit_pages(unit) -> Iterator[Page | Skipped]:
    """The pages of one unit of work: a range of a WARC file, or a batch of .txt/.html files."""
    if isinstance(unit, WarcRange):
        yield from warc_pages(Path(unit.path), unit.start, unit.count)
        return
    for name in unit:
        path = Path(name)
        if is_warc(path):
            yield from warc_pages(path)
        else:
            yield file_page(path)
