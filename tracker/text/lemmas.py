"""A text's words as lemmas, so that a phrase is found in any of its forms: 'Офісі генерального прокурора' and
'Офісу генпрокурора' read as 'офіс генеральний прокурор' and 'офіс генпрокурор'.

Languages whose module names a pymorphy3 dictionary (MORPHOLOGY) are lemmatised by it; others are lower-cased
with a possessive 's dropped ("Ukraine's" -> "ukraine").
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from tracker.languages import LANGUAGES

_WORD = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’ʼ]s$")


@dataclass(frozen=True)
class Lemmas:
    """The lemmas of a text joined by single spaces (`text`), and for each lemma where it starts in `text` and
    where its word starts and ends in the original."""

    text: str
    starts: tuple[int, ...]
    origins: tuple[tuple[int, int], ...]

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that the lemma text's [start, end) stands for."""
        i = bisect.bisect_right(self.starts, start) - 1
        j = bisect.bisect_right(self.starts, max(start, end - 1)) - 1
        return self.origins[i][0], self.origins[j][1]

    def token(self, start: int) -> int:
        """The index of the lemma at `start` of the lemma text."""
        return bisect.bisect_right(self.starts, start) - 1


@functools.cache
def _analyser(code: str):
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=code)


# letters that look alike in the Latin and Cyrillic alphabets: a word typed with both ("Оpendatabot", its O
# Cyrillic) is read in the alphabet most of its letters are in
_CYRILLIC_LOOKS, _LATIN_LOOKS = "АВЕКМНОРСТХаеорсухіІ", "ABEKMHOPCTXaeopcyxiI"
_TO_LATIN = str.maketrans(_CYRILLIC_LOOKS, _LATIN_LOOKS)
_TO_CYRILLIC = str.maketrans(_LATIN_LOOKS, _CYRILLIC_LOOKS)
_LATIN = re.compile("[A-Za-z]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def one_alphabet(word: str) -> str:
    """The word in one alphabet where it mixes look-alike Latin and Cyrillic letters, else as it is."""
    latin, cyrillic = len(_LATIN.findall(word)), len(_CYRILLIC.findall(word))
    if not (latin and cyrillic):
        return word
    return word.translate(_TO_LATIN if latin > cyrillic else _TO_CYRILLIC)


def analyser(lang: str):
    """The pymorphy3 analyser of a language whose module names one (MORPHOLOGY), else None."""
    code = getattr(LANGUAGES.get(lang), "MORPHOLOGY", None)
    return _analyser(code) if code else None


@functools.lru_cache(maxsize=1 << 17)
def lemma(word: str, lang: str) -> str:
    """One word's lemma in `lang` (cached: news repeats its words)."""
    word = one_alphabet(word)
    morph = analyser(lang)
    if morph is not None:
        return morph.parse(word)[0].normal_form.replace("ё", "е").replace("’", "'").replace("ʼ", "'")
    return _POSSESSIVE.sub("", word.lower())


@functools.lru_cache(maxsize=65536)
def is_person(word: str, lang: str) -> bool:
    """Whether the analyser reads `word` as an animate noun other than a name ("ультраортодоксов", "призовників"):
    a count of such a noun counts people. False in a language without MORPHOLOGY."""
    morph = analyser(lang)
    if morph is None or not word[:1].islower():
        return False
    tag = morph.parse(one_alphabet(word))[0].tag
    return tag.POS == "NOUN" and tag.animacy == "anim" and not ({"Name", "Surn", "Patr"} & tag.grammemes)


@functools.lru_cache(maxsize=256)
def lemmatise(text: str, lang: str) -> Lemmas:
    parts, starts, origins, at = [], [], [], 0
    for m in _WORD.finditer(text):
        word = lemma(m.group(), lang)
        parts.append(word)
        starts.append(at)
        origins.append((m.start(), m.end()))
        at += len(word) + 1
    return Lemmas(" ".join(parts), tuple(starts), tuple(origins))
