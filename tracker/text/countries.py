"""Every country's names, from pycountry (ISO 3166-1 and its translations), as phrases of lemmas in a language the
tool reads: what lets extraction say whose figure it is for a country no language module lists.

A language module's COUNTRY_WORDS stay the first word on a country (they hold adjectives, armies and institutions,
which no gazetteer has); these add the names of every other country. Left out: a name with a comma (ISO's
"Korea, Republic of": its common name stands for it) and, in an inflected language, a one-word name the
morphological analyser reads as another word ("Того" is a form of "тот").
"""

from __future__ import annotations

import functools
import gettext

from tracker.text.lemmas import lemmatise

# names that are more often common words than countries in the news this tool reads ("Того" is also "of that")
COMMON_WORDS = {"chad", "jordan", "turkey", "jersey", "guernsey", "того"}


@functools.cache
def country_names(lang: str) -> dict[str, tuple[str, ...]]:
    """ISO code -> the country's names in `lang` as lemma phrases (lower case, words joined by single spaces)."""
    import pycountry

    try:
        translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]).gettext \
            if lang != "en" else (lambda s: s)
    except OSError:  # no translation into this language: its names are not known
        return {}
    out = {}
    for c in pycountry.countries:
        names = set()
        for attr in ("name", "common_name", "official_name"):
            english = getattr(c, attr, None)
            name = translate(english) if english else None
            if not name or "," in name or "(" in name:
                continue
            phrase = lemmatise(name, lang).text
            one_word = " " not in phrase
            if phrase in COMMON_WORDS:
                continue
            if lang != "en" and one_word and phrase != name.lower().replace("ё", "е"):
                continue  # the analyser reads it as another word
            if phrase:
                names.add(phrase)
        if names:
            out[c.alpha_2] = tuple(sorted(names))
    return out


def english_name(code: str) -> str | None:
    """A country's English name (its common name where ISO's is formal), or None for a code ISO does not have."""
    import pycountry

    c = pycountry.countries.get(alpha_2=code)
    return (getattr(c, "common_name", None) or c.name) if c is not None else None
