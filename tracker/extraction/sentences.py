"""Splitting an article into sentences, and telling page furniture (banners, subscription boxes) from text."""

from __future__ import annotations

import re

from tracker.languages import alternation, pieces

_ABBREV = frozenset(pieces("ABBREVIATIONS"))
_SPLIT = re.compile(r"(?<=[.!?…])[\"'»”’)]*\s+(?=[\"'«“„(\[]?[" + "".join(pieces("CAPITALS")) + r"0-9])")


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


_CHROME = re.compile(r"(" + alternation("PAGE_CHROME") + ")", re.I)


def is_page_chrome(sentence: str) -> bool:
    """Donation banners, subscription boxes and the like."""
    return bool(_CHROME.search(sentence))
