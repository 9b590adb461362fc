"""Numbers and figures as text: '10,025', '≥ 7,400', '20%–30%', chart subtitles. No plotting here."""

from __future__ import annotations

import math
import re
from datetime import date


def format_value(value: float | None, unit: str = "") -> str:
    """10025 -> '10,025'; 34.5 -> '34.5'; 0.25 with unit share -> '25%'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if unit == "share":
        return f"{value * 100:.0f}%" if float(value * 100).is_integer() else f"{value * 100:.1f}%"
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


_SEPARATOR = re.compile(r"(?<=\d)[,.](?=\d)")  # a thousands comma or a decimal point between digits


def in_language(text: str, lang: str) -> str:
    """A formatted number as the language writes it: where the decimal sign is a comma (Russian, Ukrainian),
    thousands grouped by a narrow no-break space and the decimal point a comma ('10,025.5' -> '10 025,5')."""
    from tracker.languages import LANGUAGES  # here: the start-up path of every command imports this module

    module = LANGUAGES.get(lang)
    if module is None or not module.DECIMAL_COMMA:
        return text
    return _SEPARATOR.sub(lambda m: "\u202f" if m.group() == "," else ",", text)


def joined(items: list[str], and_word: str = " and ") -> str:
    """Items as a sentence lists them: 'a', 'a and b', 'a, b and c' (`and_word` in the reader's language)."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + and_word + items[-1]


def stated(f, unit: str = "") -> str:
    """A figure's value as stated: '≥ 7,400', '≈ 800', '34–35', '10,025'."""
    if f.qualifier == "range":
        core = f"{format_value(f.low, unit)}–{format_value(f.high, unit)}"
        return core if f.value is None else f"{core} (best {format_value(f.value, unit)})"
    sign = {"approx": "≈ ", "at_least": "≥ ", "at_most": "≤ "}.get(f.qualifier, "")
    text = sign + format_value(f.value, unit)
    if f.change == "ratio":
        text += "×"
    return text


def subtitle(series) -> str:
    ind = series.indicator
    what = ind.counts or ind.unit
    if ind.kind == "cumulative" and ind.since:
        what += f" since {_day(ind.since.first)}" if ind.since.precision == "day" else f" since {ind.since}"
    elif ind.kind == "rate" and not ind.counts:
        what += f" per {ind.per}"
    elif ind.kind == "flow":
        what += " within each period"
    elif ind.kind == "stock":
        what += " at a date"
    unit = "share (%)" if ind.is_share else ind.unit
    return f"{what[0].upper()}{what[1:]} · unit: {unit} · {ind.kind}"


def _day(d: date) -> str:
    return f"{d.day} {d:%b %Y}"


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` characters, broken at spaces only, so that a figure's id ('awol-2024-06')
    is never split at its hyphens as textwrap would; seven times faster than textwrap (a noisy ledger's
    table of 15,000 flags spent 0.4 s wrapping). A word longer than a line is cut as textwrap cuts it."""
    words = text.split()
    if any(len(w) > width for w in words):
        import textwrap

        return textwrap.wrap(text, width, break_on_hyphens=False)
    lines: list[str] = []
    line = ""
    for word in words:
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    return lines + [line] if line else lines


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A CSV cell a spreadsheet will not run: text starting with =, +, -, @, a tab or a carriage return gets a
    leading apostrophe (OWASP's advice for CSV injection); numbers and other text are as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


# bidirectional controls: a right-to-left override in a name would reverse the text after it on the page
BIDI_SHOWN = {c: f"<U+{c:04X}>" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)}


def html_text(text, quote: bool = True) -> str:
    """Text for HTML and SVG: escaped, and with bidirectional controls shown as <U+202E> instead of obeyed."""
    from html import escape

    return escape(str(text).translate(BIDI_SHOWN), quote)
