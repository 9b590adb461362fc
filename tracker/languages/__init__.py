"""Languages as plug-ins: one module per language holds everything the project knows of it.

    from tracker import languages
    languages.LANGUAGES["ru"].MONTH_STEMS     # one language's words
    languages.pieces("AT_LEAST")              # every language's, in registry order
    languages.chart_words("uk")               # the fixed words of a chart

To add a language, write `tracker/languages/xx.py` defining the names below (copy en.py and
translate; a list may be empty where the language has no such words) and add its cases to the
tests: the module is found by its file name, and nothing else reads a language's words (the number
reader, extraction, the charts and the CLI's --lang choices all read them from this registry).

The contract (lists hold plain words unless they say regular expression):

identity     CODE (the file's name), NAME, ORDER (where it stands among the languages: patterns are tried and
             tables merged in this order), SCRIPT ("latin", "cyrillic"), DECIMAL_COMMA (',' is the decimal
             sign), LETTERS (letters that tell it from another language of its script)
numbers      NUMBERS (by lemma where MORPHOLOGY names the pymorphy3 dictionary that inflects them, else every
             form), MULTIPLIERS ('hundred'), NUMBER_AND, ONE_BEFORE_MULTIPLIER ('a'), ONE_OF ('one of');
             SCALES, VAGUE, RATIOS, SHARES (word -> value); PERCENT, DURATION_WORDS (regex); AND_A_HALF (between
             a number and a duration word);
             BOUND_BEFORE and ONE_AFTER_BOUND ('больше тысячи' is more than one thousand); OUT_OF ('two out
             of three'); ONE_AS_FIGURE_AFTER ('only one': the word one alone is a pronoun unless one of these
             comes before it); VAGUE_NOT_AFTER_DIGITS
qualifiers   AT_LEAST, APPROX, AT_MOST (words before a number); AT_LEAST_AFTER, AT_MOST_AFTER (regex after
             it); RANGE_START (regex), RANGE_JOIN, RANGE_END_BEFORE (bound word -> regex of the text before
             a number where that word ends a range instead); CHANGE_WORDS (regex: 'more than', 'doubled');
             PERCENT_CHANGE_BEFORE, PERCENT_CHANGE_AFTER (regex: a percentage that is a change, 'rose 20%', 'a 20
             percent increase', not 'rose to 20%'), FALL_WORDS (regex: the change is a fall)
not figures  AGE_AFTER, MONEY_AFTER, ARTICLE_BEFORE, ARTICLE_AFTER, PART_OF_PERIOD, ORDINAL_SUFFIXES,
             YEAR_WORDS_AFTER (regex); TIMES_AFTER (regex: a multiplier's word, 'times', 'раза'); COUNT_AFTER_YEAR
             (a counted noun after a four-digit number: '2015 осіб' is a count) unless YEAR_BEFORE ('in', 'в')
time         MONTH_STEMS (regex, January first), MONTH_WORDS (regex: a month's name as a whole word, no more;
             ru and uk build it from MONTH_FORMS, every form of each month's noun), MONTH_PERIOD_BEFORE, MONTH_PERIOD_FORMS,
             YEAR_SUFFIX, RATE_WORDS (per -> regex), NOT_A_RATE, SINCE (event -> regex), SINCE_WORDS,
             SINCE_DATE (regex, groups d, m, y; {month} stands for a month's name), SINCE_YEAR, YEAR_PERIODS,
             FISCAL_YEARS (optional: the month a government's year starts in -> regex, groups y and maybe the
             next year's two digits),
             SO_FAR, LAST_YEAR, THIS_YEAR_NAMED (the article's year among other times of a sentence), PREVIOUS_YEAR (the year before the one named beside it), LAST_MONTH,
             LAST_YEAR_AFTER (after a month: 'в ноябре прошлого года'), THIS_YEAR_AFTER (after months with no
             year: 'from January to August of this year' are the article's year's),
             END_OF_LAST_YEAR, END_OF_YEAR, START_OF_YEAR, QUARTER (regex, groups q and y), QUARTER_NUMBERS
             (a quarter's word or its stem -> 1-4), HALF (regex, groups h and y), HALF_NUMBERS, AS_OF, STATE_AT (of
             AS_OF, the words of a state at a date even in a list of years: 'as of', not 'by'), END_OF;
             NOUN_LEFT_OUT_BEFORE (regex: a verb right after a number whose noun is left out, which then
             counts what the sentence before counts); PEOPLE_AFTER (regex, matched on the text: right after a number,
             says it counts people though no noun of them is printed: 'who'; none where an analyser reads nouns);
             PEOPLE_BEFORE (lemma phrases: a verb whose subject is people, right before a number that prints no
             noun, says it counts them: 'явились лишь 367', 'прибыло около тридцати');
             FOLLOW_ON (regex: a sentence that parts or continues the figure before it, and names no time, takes
             that sentence's, or the time the count before it was given, whatever it counts: 'з цієї кількості'),
             SAME_TIME (regex: 'за вказаний термін', the time of the last sentence that named
             one), SAME_PERIOD_IN (regex, the year as group 1: 'за тот же период 2021 года', that time's months
             in another year), NOW (regex: 'now', 'наразі': a sentence that names the article's own time takes
             no time from the sentences before it), SEASONS (regex: a season names a time of its own, which the
             reader does not resolve: no time is carried to it), VAGUE_TIMES (regex: 'over the past years', 'за
             последние годы': the same), MONTH_PART (regex: 'the end of' before a month of a span of
             months), COMPARED_FROM (regex: 'a decrease from', 'по сравнению с': the time of an earlier figure a
             sentence compares with is not one the figures after it carry on)
offences     SAME_KIND (regex: 'таких дел', 'such cases': a sentence that counts the kind of cases the sentence before
             named, whose offences it takes)
corrections  CORRECTED_BEFORE (regex before a number the text says is replaced: 'not the 2,011 it had reported')
claimants    CLAIMANT_PATTERNS (regex, the name as group 1), CLAIM_WORDS, NOT_NAMES, NAME_TAIL, INSTITUTIONS
             (regex), INSTITUTION_VERBS, INSTITUTION_WORDS
nouns        STOP, NOUN_SKIP, CLAUSE_JOINS, CLAUSE_OPENS (a clause of its own opens: 'if', 'якщо'),
             DOMAIN_STEMS (stem -> English words of indicator titles),
             UNIT_WORDS (unit -> stems)
facets       what a figure counts, as phrases of lemmas (regular expressions over lemmas joined by single spaces):
             COUNTRY_WORDS (ISO code -> names, adjectives, armies, terms; one written in capitals, 'US', counts
             only where the text writes it so; other countries' names come from
             tracker.text.countries, where the language has pycountry's translations),
             COUNTRY_ADJECTIVE_SUFFIXES (a country's name's stem with one of these is its adjective, where the
             analyser knows the word: 'израильский'), COUNTRY_DEMONYM_SUFFIXES (the same for a noun of its people:
             'литовец'), SHARE_OF (the words before a country's people that name them as the whole a share is of:
             'of' in '45% of Ukrainians'; after a share without one, its people are what the share is made of: '5% —
             Ukrainians'), NAMES_CAPITALISED (a country's names and adjectives are
             written with a capital: one written small is another word), NOT_SUBJECT (a country
             named next to these is not whose figure it is: 'invasion', 'intelligence'), TOWARDS (preposition -> the
             case a country after it is in when someone goes there, or when something is against it: 'в Россию',
             'против Украины'; None: any case), AGAINST_WHOM (people after these are whom the counted cases are
             against, not what is counted: 'справ щодо військових'), MEASURE_WORDS (measure of
             tracker.ledger.definitions -> words), OFFENCE_WORDS, PRODUCER_NAMES (producer id -> names),
             TOTAL_WORDS ('already': a running total); ARTICLE_WORDS (regex before an article's number)
articles     ABBREVIATIONS, YEAR_ABBREVIATIONS (one after a year ends a sentence when a long clause
             comes before it), CAPITALS (a regex character range), PAGE_CHROME (regex)
charts       CHART_WORDS (a language without it cannot be drawn in)

`other` holds what quotes in other languages need of the number reader only (scale and percent words).
"""

from __future__ import annotations

import functools
import importlib
import os
import re


def _discover() -> dict:
    """Every module of this package, by ORDER then name (a directory listing: pkgutil costs `--help` 8 ms)."""
    names = sorted(n[:-3] for n in os.listdir(__path__[0]) if n.endswith(".py") and not n.startswith("_"))
    found = [importlib.import_module(f"{__name__}.{name}") for name in names]
    return {m.CODE: m for m in sorted(found, key=lambda m: (m.ORDER, m.CODE))}


LANGUAGES = _discover()
other = LANGUAGES["other"]

# what every language of extraction defines; `other` only the number words
NUMBER_NAMES = ("NUMBERS", "SCALES", "VAGUE", "RATIOS", "SHARES", "PERCENT")
EXTRACTION_NAMES = (
    "CODE", "NAME", "ORDER", "SCRIPT", "DECIMAL_COMMA", "LETTERS", *NUMBER_NAMES, "MORPHOLOGY", "MULTIPLIERS",
    "NUMBER_AND", "ONE_BEFORE_MULTIPLIER", "ONE_OF", "DURATION_WORDS", "AND_A_HALF", "BOUND_BEFORE",
    "ONE_AFTER_BOUND", "OUT_OF", "ONE_AS_FIGURE_AFTER", "VAGUE_NOT_AFTER_DIGITS", "AT_LEAST", "APPROX", "AT_MOST", "AT_LEAST_AFTER",
    "AT_MOST_AFTER", "RANGE_START", "RANGE_JOIN", "RANGE_NOT_AFTER", "RANGE_END_BEFORE", "CHANGE_WORDS", "PERCENT_CHANGE_BEFORE", "PERCENT_CHANGE_AFTER", "FALL_WORDS", "AGE_AFTER", "AGE_BEFORE", "MONTH_ABBREVIATIONS", "MONEY_AFTER", "ARTICLE_BEFORE", "ARTICLE_AFTER", "ARTICLES_AFTER", "TIMES_AFTER",
    "PART_OF_PERIOD", "ORDINAL_SUFFIXES", "YEAR_WORDS_AFTER", "COUNT_AFTER_YEAR", "YEAR_BEFORE", "MONTH_STEMS", "MONTH_WORDS", "MONTH_PERIOD_BEFORE",
    "MONTH_PERIOD_FORMS", "YEAR_SUFFIX", "RATE_WORDS", "NOT_A_RATE", "SINCE", "SINCE_WORDS", "SINCE_DATE", "SINCE_YEAR",
    "YEAR_PERIODS", "SO_FAR", "THIS_YEAR", "PLANNED", "LAST_YEAR", "THIS_YEAR_NAMED", "LAST_MONTH", "LAST_YEAR_AFTER", "THIS_YEAR_AFTER", "END_OF_LAST_YEAR", "END_OF_YEAR", "START_OF_YEAR", "QUARTER", "QUARTER_NUMBERS", "HALF", "HALF_NUMBERS", "AS_OF", "STATE_AT", "CORRECTED_BEFORE", "FOLLOW_ON", "NOUN_LEFT_OUT_BEFORE", "PEOPLE_AFTER", "PEOPLE_BEFORE", "SAME_KIND", "SAME_TIME", "SAME_PERIOD_IN", "NOW", "SEASONS", "VAGUE_TIMES", "COMPARED_FROM", "MONTH_PART", "END_OF", "CLAIMANT_PATTERNS", "CLAIM_WORDS", "NOT_NAMES",
    "NAME_TAIL", "INSTITUTIONS", "INSTITUTION_VERBS", "INSTITUTION_WORDS", "STOP", "NOUN_SKIP", "CLAUSE_JOINS", "CLAUSE_OPENS",
    "DOMAIN_STEMS", "UNIT_WORDS", "ABBREVIATIONS", "YEAR_ABBREVIATIONS", "CAPITALS", "PAGE_CHROME", "CHART_WORDS", "COUNTRY_WORDS", "COUNTRY_ADJECTIVE_SUFFIXES", "COUNTRY_DEMONYM_SUFFIXES", "SHARE_OF",
    "NAMES_CAPITALISED",
    "NOT_SUBJECT", "TOWARDS", "AGAINST_WHOM",
    "MEASURE_WORDS", "OFFENCE_WORDS", "PRODUCER_NAMES", "TOTAL_WORDS", "ARTICLE_WORDS")


def extraction_languages() -> tuple[str, ...]:
    """The languages articles are read in (those that define the whole contract)."""
    return tuple(code for code, m in LANGUAGES.items() if all(hasattr(m, n) for n in EXTRACTION_NAMES))


def pieces(name: str) -> list:
    """Every language's list `name`, joined in registry order (languages without it give nothing; a string is
    one piece)."""
    out: list = []
    for m in LANGUAGES.values():
        value = getattr(m, name, ())
        out.extend([value] if isinstance(value, str) else value)
    return out


def merged(name: str) -> dict:
    """Every language's table `name` in one dict (a later language's entry wins)."""
    out: dict = {}
    for m in LANGUAGES.values():
        out.update(getattr(m, name, {}))
    return out


def merged_lists(name: str) -> dict[str, list]:
    """Every language's table of lists `name` (RATE_WORDS, SINCE, UNIT_WORDS) with each key's lists joined."""
    out: dict[str, list] = {}
    for m in LANGUAGES.values():
        for key, items in getattr(m, name, {}).items():
            out.setdefault(key, []).extend(items)
    return out


def alternation(name: str, escape: bool = False) -> str:
    """Every language's `name` as one regular-expression alternation."""
    return "|".join(re.escape(p) if escape else p for p in pieces(name))


def chart_languages() -> tuple[str, ...]:
    """The languages a chart can be drawn in (`tracker chart --lang`)."""
    return tuple(code for code, m in LANGUAGES.items() if hasattr(m, "CHART_WORDS"))


def chart_words(lang: str = "en") -> dict:
    """The fixed words of a chart in `lang`; raises KeyError naming the languages there are."""
    m = LANGUAGES.get(lang)
    if m is None or not hasattr(m, "CHART_WORDS"):
        raise KeyError(f"no chart words for '{lang}'; choose one of {', '.join(chart_languages())}")
    return m.CHART_WORDS


@functools.cache  # asked for every digit token the number reader reads
def decimal_comma(lang: str) -> bool:
    """Whether a text in `lang` writes ',' as the decimal sign ('7,4 тыс.')."""
    m = LANGUAGES.get(lang)
    return bool(m is not None and m.DECIMAL_COMMA) or lang in other.DECIMAL_COMMA_CODES


_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def detect(text: str) -> str:
    """The language a text is written in: English unless nearly a third of its letters are Cyrillic; then the
    Cyrillic language whose telling LETTERS it uses most (the first in LANGUAGES on a tie)."""
    letters = len(_LETTER.findall(text))
    if not letters:
        return "en"
    if len(_CYRILLIC.findall(text)) / letters < 0.3:
        return "en"
    counts = {code: sum(text.count(c) for c in m.LETTERS) for code, m in LANGUAGES.items()
              if getattr(m, "SCRIPT", "") == "cyrillic"}
    return max(counts, key=counts.get)
