"""Number words per language. Each module defines the same six tables:

NUMBERS  spelled-out numbers ("five", "пять")
SCALES   multipliers after a number ("thousand", "тыс.", "k")
VAGUE    vague quantities and the honest lower bound the ledger records ("dozens": 24)
RATIOS   multipliers said in words ("twice", "вдвое")
SHARES   shares said in words ("half", "каждый третий", "кожна четверта"): figures of share indicators
PERCENT  words for per cent, as regular expressions

To read a new form, add it to its language's file; `tracker.text.numbers` merges them.
"""

from tracker.text.words import en, other, ru, uk

LANGUAGES = {"en": en, "ru": ru, "uk": uk, "other": other}


def merged(table: str) -> dict:
    out: dict = {}
    for module in LANGUAGES.values():
        out.update(getattr(module, table))
    return out


def percent_words() -> list[str]:
    return [w for module in LANGUAGES.values() for w in module.PERCENT]
