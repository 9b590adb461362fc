"""Bytes to text, the one way: a byte-order mark first, then the charset the page or its server declares,
then UTF-8, then what charset-normalizer detects (cp1251 and koi8-r articles are common)."""

from __future__ import annotations

import codecs
import re

_BOMS = [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]
_META = re.compile(rb"""<meta[^>]+charset=["']?([\w.:-]+)""", re.I)


class DecodeError(ValueError):
    """Bytes that are not text in any encoding this reader can tell; the message says which was tried."""


def bom(data: bytes) -> tuple[str, int] | None:
    """(encoding, length of the mark) when `data` starts with a byte-order mark."""
    return next(((enc, len(mark)) for mark, enc in _BOMS if data.startswith(mark)), None)


def decode(data: bytes, declared: str | None = None, html: bool | None = None) -> tuple[str, str]:
    """(text, the encoding it was read in). `declared`: a server's charset; for HTML (or when `html` is None
    and the bytes declare one) a <meta charset> is honoured too. Raises DecodeError."""
    mark = bom(data)
    if mark:
        enc, skip = mark
        return data[skip:].decode(enc, errors="replace"), enc
    if declared is None and html is not False:
        m = _META.search(data[:4096])
        declared = m.group(1).decode("ascii", "replace") if m else None
    if declared:
        try:
            enc = codecs.lookup(declared).name
        except LookupError:
            raise DecodeError(f"unknown encoding '{declared}'") from None
        return data.decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    # the most coherent reading in a language, then the least chaotic: charset-normalizer's own best() takes
    # shift_jis for a short koi8-r article (no chaos, but no language either)
    found = list(from_bytes(data[:200_000]))
    best = max(found, key=lambda m: (m.coherence, -m.chaos), default=None)
    if best is None:
        raise DecodeError("not UTF-8, no charset declared, and no encoding detected")
    return data.decode(best.encoding, errors="replace"), best.encoding


def binary(data: bytes) -> bool:
    """Whether the bytes are no text at all: NULs where no UTF-16 or UTF-32 byte-order mark explains them."""
    return b"\0" in data[:4096] and bom(data) is None
