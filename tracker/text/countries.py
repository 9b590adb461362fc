"""Every country's names and adjectives, as phrases of lemmas in a language the tool reads: what lets extraction
say whose figure it is for a country no language module lists.

Names come from pycountry (ISO 3166-1 and its translations), and in English from countryinfo too (its name where
ISO's changed, "Turkey"; the capital, "Taipei", where no two countries share it); the name before ISO's comma
("Korea, Republic of" -> "Korea", "Palestine, State of" -> "Palestine") is the country's where no country has it
as its own name, the more populous's where several share it; English names are read without their accents too
("Chisinau"). Adjectives: in English, countryinfo's demonyms
("Israeli", and "Israelis"; "Korean" from "South Korean" where "Korea" is South Korea's); in Russian and
Ukrainian, (a) the adjective that opens a country's long name ("Французская Республика") when it shares its first
three letters with the short name, and (b) the short name's stem with one of the language's
COUNTRY_ADJECTIVE_SUFFIXES, kept only where the morphological analyser knows the word as an adjective ("Израиль"
-> "израильский"); its people, (c) a stem of those with one of the language's COUNTRY_DEMONYM_SUFFIXES where the
analyser knows the word as a noun of people ("литовец", "казахстанец"). A language module's COUNTRY_WORDS stay
the first word on a country (they hold armies and institutions, which no gazetteer has); these add every other
country. Left out: COMMON_WORDS; in an inflected language a one-word name the analyser reads as another word
("Того" is a form of "тот"); and a demonym several countries share goes to the most populous ("French" is
France's, not Réunion's). country_of_address reads a country from an address's domain.
"""

from __future__ import annotations

import functools
import gettext

from tracker.text.lemmas import lemmatise

# names that are more often common words or people's names than countries in the news this tool reads ("Того" is also
# "of that"; "Sofia" a first name; "Turkey", written with a capital, is the country), and
# words of a Russian region the analyser's forms give a country ("кубанский" is the Kuban's, not Cuba's)
COMMON_WORDS = {"chad", "jordan", "jersey", "guernsey", "sofia", "victoria", "hamilton", "kingston", "georgetown",
                "male", "reunion", "san jose",  # "Malé", "Réunion", "San José" without their accents
                "того", "кубанский", "кубанец", "кубанський", "кубанець"}


@functools.cache
def country_names(lang: str) -> dict[str, tuple[str, ...]]:
    """ISO code -> the country's names in `lang` as lemma phrases (lower case, words joined by single spaces)."""
    import pycountry

    try:
        translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]).gettext \
            if lang != "en" else (lambda s: s)
    except OSError:  # no translation into this language: its names are not known
        return {}
    out, bases = {}, {}
    for c in pycountry.countries:
        names = set()
        for attr in ("name", "common_name", "official_name"):
            english = getattr(c, attr, None)
            name = translate(english) if english else None
            if lang == "en" and name and "," in name:
                bases.setdefault(lemmatise(name.split(",")[0], lang).text, set()).add(c.alpha_2)
            if not name or "," in name or "(" in name:
                continue
            phrase = lemmatise(name, lang).text
            one_word = " " not in phrase
            if phrase in COMMON_WORDS:
                continue  # a country known by such a name only gets none
            if lang != "en" and one_word and phrase != name.lower().replace("ё", "е"):
                continue  # the analyser reads it as another word
            if phrase:
                names.add(phrase)
        if names:
            out[c.alpha_2] = set(names)
    if lang == "en":  # countryinfo's name where ISO's changed ("Turkey" for "Türkiye") and the capital ("Taipei")
        for code, words in _countryinfo_names().items():
            if code in out:
                out[code] |= {lemmatise(w, lang).text for w in words}
    taken = {name for names in out.values() for name in names}
    qualifiers = {}  # code -> the qualifier its common name adds to the name before ISO's comma: "south" (Korea)
    for base, codes in bases.items():
        code = max(codes, key=lambda c: (_populations().get(c, 0), c))
        if base not in taken:
            out.setdefault(code, set()).add(base)
            qualifiers[code] = next((n[:-len(base) - 1] for n in out[code] if n.endswith(" " + base)), None)
    for code, adjectives in (_demonyms() if lang == "en" else _adjectives(lang, out)).items():
        if code in out:
            out[code] |= {lemmatise(a, lang).text for a in adjectives}
            qualifier = qualifiers.get(code)
            out[code] |= {a[len(qualifier) + 1:] for a in out[code] if qualifier and a.startswith(qualifier + " ")}
    if lang == "en":  # printed without their accents too: a dateline's "CHISINAU" is Chișinău
        for names in out.values():
            names |= {_unaccented(n) for n in names}
    return {code: tuple(sorted(names - COMMON_WORDS)) for code, names in out.items()}  # whatever the source


def _unaccented(text: str) -> str:
    """Latin letters without their accents ("chișinău" -> "chisinau")."""
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@functools.cache
def _countryinfo_names() -> dict[str, set[str]]:
    """ISO code -> countryinfo's English name and capital; a capital several countries share is none's."""
    from collections import Counter

    from countryinfo import all_countries

    found = {}
    for c in all_countries():
        code = (c.iso() or {}).get("alpha2")
        if code:
            found[code] = {w for w in (c.name(), c.capital()) if isinstance(w, str) and w}
    shared = Counter(w for words in found.values() for w in words)
    return {code: {w for w in words if shared[w] == 1} for code, words in found.items()}


@functools.cache
def _populations() -> dict[str, int]:
    """ISO code -> population, from countryinfo (0 where it has none)."""
    from countryinfo import all_countries

    return {(c.iso() or {}).get("alpha2"): c.population() or 0 for c in all_countries()}


def _demonyms() -> dict[str, set[str]]:
    """ISO code -> English demonyms, lower case, singular and plural ("israeli", "israelis")."""
    from countryinfo import all_countries

    best: dict[str, tuple[int, str]] = {}
    for c in all_countries():
        code = (c.iso() or {}).get("alpha2")
        population = _populations().get(code, 0)
        for word in (c.demonym() or "").replace("/", ",").split(","):
            word = word.strip().lower()
            if code and word and word not in COMMON_WORDS and population >= best.get(word, (-1, ""))[0]:
                best[word] = (population, code)
    out: dict[str, set[str]] = {}
    for word, (_, code) in best.items():
        out.setdefault(code, set()).add(word)
        if " " not in word and not word.endswith(("s", "sh", "ch", "ese", "x", "z")):
            out[code].add(word + "s")  # "Germans", "Israelis"; not "Swiss", "Chinese"
    return out


def _adjectives(lang: str, names: dict[str, set[str]]) -> dict[str, set[str]]:
    """ISO code -> adjectives of the country in `lang`, and nouns of its people, that the morphological analyser
    knows: "литовский" and "литовец" (an adjective's stem or the name's with COUNTRY_DEMONYM_SUFFIXES)."""
    from tracker.languages import LANGUAGES
    from tracker.text.lemmas import analyser as analyser_of

    analyser = analyser_of(lang)
    if analyser is None:
        return {}
    module = LANGUAGES[lang]

    def adjective(word: str) -> bool:
        return analyser.word_is_known(word) and any(
            "ADJF" in p.tag and p.normal_form.replace("ё", "е") == word for p in analyser.parse(word))

    def person(word: str) -> bool:
        return len(word) > 3 and analyser.word_is_known(word) and any(
            p.tag.POS == "NOUN" and p.tag.animacy == "anim" and not ({"Name", "Surn", "Abbr"} & p.tag.grammemes)
            and p.normal_form.replace("ё", "е") == word for p in analyser.parse(word))

    out: dict[str, set[str]] = {}
    for country, phrases in names.items():
        short = [p for p in phrases if " " not in p]
        for phrase in phrases:
            first = phrase.split(" ")[0]
            if " " in phrase and adjective(first) and any(first[:3] == s[:3] for s in short):
                out.setdefault(country, set()).add(first)
        for name in short:
            stems = {name, name[:-1] if name[-1] in "аяоеиьіїйу" else name}
            if name.endswith(("ия", "ія")):
                stems.add(name[:-2])  # "Индия" -> "индийский"
            for stem in stems:
                for suffix in module.COUNTRY_ADJECTIVE_SUFFIXES:
                    if adjective(stem + suffix):
                        out.setdefault(country, set()).add(stem + suffix)
    for country, words in list(out.items()):  # its people: "казахстанец", "литовец", "грузин"
        plain = min(module.COUNTRY_ADJECTIVE_SUFFIXES, key=len)  # "литов|ский"; not "сир|ийский" ("сирин" is a bird)
        stems = {w[:-len(plain)] for w in words if w.endswith(plain)}
        stems |= {n[:-1] if n[-1] in "аяоеиьіїйу" else n for n in names[country] if " " not in n}
        out[country] |= {stem + s for stem in stems for s in module.COUNTRY_DEMONYM_SUFFIXES if person(stem + s)}
    return out


def english_name(code: str) -> str | None:
    """A country's English name (its common name where ISO's is formal), or None for a code ISO does not have."""
    import pycountry

    c = pycountry.countries.get(alpha_2=code)
    return (getattr(c, "common_name", None) or c.name) if c is not None else None


# country-code domains that sites use as generic ones (.fm radio, .tv, .io, .me, ...): they say nothing of a country
GENERIC_USE_DOMAINS = {"ac", "ai", "cc", "co", "fm", "gg", "im", "io", "la", "ly", "me", "nu", "sh", "su", "tk", "to",
                       "tv", "ws", "eu"}


def country_of_address(url: str | None) -> str | None:
    """The country whose code an address's domain ends with ("inform.kz" -> "KZ", "mindef.gov.sg" -> "SG"), or
    None for a generic or generic-use domain."""
    from urllib.parse import urlsplit

    import pycountry

    host = urlsplit(url or "").hostname or ""
    top = host.rsplit(".", 1)[-1].lower()
    if len(top) != 2 or not top.isalpha() or top in GENERIC_USE_DOMAINS:
        return _country_in_name(host)
    code = "GB" if top == "uk" else top.upper()
    return code if pycountry.countries.get(alpha_2=code) is not None else None


OUTLET_NAME_FROM = 4  # letters: a country's name or capital this long opening or closing an outlet's domain name


def _country_in_name(host: str) -> str | None:
    """The one country whose English name or capital opens or closes a generic domain's name ("taipeitimes.com",
    "themoscowtimes.com", "timesofisrael.com"), else None."""
    parts = host.lower().split(".")
    if len(parts) < 2:
        return None
    label = parts[-2].replace("-", "")
    label = label[3:] if label.startswith("the") else label
    found = {code for code, names in _outlet_names().items()
             for name in names if label.startswith(name) or label.endswith(name)}
    return found.pop() if len(found) == 1 else None


@functools.cache
def _outlet_names() -> dict[str, tuple[str, ...]]:
    return {code: tuple(n.replace(" ", "") for n in names if len(n.replace(" ", "")) >= OUTLET_NAME_FROM)
            for code, names in country_names("en").items()}
