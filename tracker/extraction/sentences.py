"""Splitting an article into sentences, and telling page furniture (banners, subscription boxes) from text."""

from __future__ import annotations

import re

from tracker.languages import alternation, pieces

_ABBREV = frozenset(pieces("ABBREVIATIONS"))
_YEAR_ABBREV = frozenset(pieces("YEAR_ABBREVIATIONS"))
_AFTER_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d\s*(\w+)\.$")
# words before a year's abbreviation for it to end a sentence: "…до примерно 2700 в 2022 г. В 2023 г. …" ends
# there; "В 2023 г. Путин подписал …" (3 words) does not. A judgement.
YEAR_END_WORDS = 4
_SPLIT = re.compile(r"(?<=[.!?…])[\"'»”’)]*\s+(?=[\"'«“„(\[]?[" + "".join(pieces("CAPITALS")) + r"0-9])")


def _ends_at_a_year(chunk: str) -> bool:
    """Whether a sentence ends at the year abbreviation closing `chunk` ("… в 2022 г."): after a clause of more
    than YEAR_END_WORDS words, not after a short opening like "В 2023 г."."""
    m = _AFTER_A_YEAR.search(chunk)
    return bool(m and m.group(1) in _YEAR_ABBREV and len(chunk.split()) > YEAR_END_WORDS)


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
            if word and word.group(1).split(".")[-1] in _ABBREV and not _ends_at_a_year(before):
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
