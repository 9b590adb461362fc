"""Field types: each converts a YAML value to a typed one (or says how to fix it) and gives its JSON Schema.

The loader converts every field with `TYPES[field.type].convert(...)`; `tracker schema`
describes every field with `TYPES[field.type].schema(field)`, so the two cannot drift
apart. A new kind of field is one class here.
"""

from __future__ import annotations

import difflib
import math
import re
from datetime import date

from tracker.ledger import fields as F
from tracker.ledger.dates import DateError, parse_span
from tracker.ledger.yamlread import Map, Scalar, Seq

_ID = re.compile(F.ID_PATTERN)
_INT = re.compile(r"^[-+]?\d+$")
_FLOAT = re.compile(r"^[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?$")
_GROUPED = re.compile(r"^\d{1,3}([ ,.'\u00a0\u202f]\d{3})+$")
_LANG = re.compile(r"^[a-z]{2,3}$")
_URL = re.compile(r"^https?://\S+$")
NULLS = {"", "~", "null", "Null", "NULL"}
MAX_ID = 100  # characters: an indicator's id names its chart files (a file name may have 255 bytes)
EXACT_INT = 2 ** 53  # the largest whole number a float (JSON, pandas, matplotlib) holds exactly
_BOOL_WORDS = {"yes", "no", "on", "off", "y", "n", "true", "false"}


def is_id(raw: str) -> bool:
    # fullmatch: '$' would let a trailing newline through; an id names files, so it is kept short
    return bool(_ID.fullmatch(raw)) and len(raw) <= MAX_ID


class Invalid(ValueError):
    """A value that cannot be converted; the message says how to fix it."""


class FieldType:
    """Text: any non-empty string ('no' and 'on' stay words, not YAML 1.1 booleans)."""

    def schema(self, f: F.Field) -> dict:
        return {"type": "string", "minLength": 1}

    def convert(self, f: F.Field, v: Scalar, today: date):
        if not v.raw.strip():
            if f.required:
                raise Invalid(f"'{f.name}' is empty; give it a value")
            return None
        return self.convert_text(f, v.raw, today)

    def convert_text(self, f: F.Field, raw: str, today: date):
        return raw


class NumberType(FieldType):
    def schema(self, f):
        return {"type": "number"}

    def convert(self, f, v, today):
        value, error = parse_number(v.raw, v.quoted)
        if error:
            raise Invalid(f"{f.name}: {error}")
        return value


class DateType(FieldType):
    """One date (YYYY, YYYY-MM or YYYY-MM-DD), or with `interval` an interval START/END; never in the future."""

    interval = False

    def schema(self, f):
        return {"type": ["string", "integer"], "pattern": F.SPAN_PATTERN if self.interval else F.DATE_PATTERN}

    def convert(self, f, v, today):
        raw = v.raw
        if not self.interval and "/" in raw:
            raise Invalid(f"{f.name}: '{raw}' is an interval; give one date here")
        try:
            span = parse_span(raw)
        except DateError as exc:
            raise Invalid(f"{f.name}: {exc}") from None
        if span.first > today:
            raise Invalid(f"{f.name}: {raw} is in the future (today is {today.isoformat()}); check the year")
        return span


class SpanType(DateType):
    interval = True


# Words curators write for a qualifier, and the qualifier they mean.
QUALIFIER_WORDS = {
    "more than": "at_least", "over": "at_least", "at least": "at_least", "minimum": "at_least", "min": "at_least",
    "more": "at_least", ">": "at_least", ">=": "at_least", "≥": "at_least", "plus": "at_least",
    "about": "approx", "around": "approx", "approximately": "approx", "almost": "approx", "nearly": "approx",
    "roughly": "approx", "~": "approx", "≈": "approx", "estimate": "approx", "approximate": "approx",
    "less than": "at_most", "under": "at_most", "up to": "at_most", "fewer than": "at_most", "maximum": "at_most",
    "max": "at_most", "<": "at_most", "<=": "at_most", "≤": "at_most", "between": "range", "from-to": "range",
}


class EnumType(FieldType):
    def schema(self, f):
        return {"enum": list(f.choices)}

    def convert(self, f, v, today):
        raw = v.raw
        if raw not in f.choices:
            meant = QUALIFIER_WORDS.get(raw.strip().lower()) if f.name == "qualifier" else None
            close = [meant] if meant else difflib.get_close_matches(raw.lower().replace(" ", "_").replace("-", "_"),
                                                                   f.choices, 1, 0.6)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise Invalid(f"{f.name}: '{raw}' is not one of {', '.join(f.choices)}{hint}")
        return raw


class BoolType(FieldType):
    def schema(self, f):
        return {"type": "boolean"}

    def convert(self, f, v, today):
        if v.quoted or v.raw.lower() not in ("true", "false"):
            raise Invalid(f"{f.name}: write true or false, not '{v.raw}'")
        return v.raw.lower() == "true"


class IdType(FieldType):
    def schema(self, f):
        return {"type": "string", "pattern": F.ID_PATTERN}

    def convert_text(self, f, raw, today):
        if not is_id(raw):
            raise Invalid(f"id {raw!r} must be letters, digits, '.', '-' or '_', starting with a letter or digit, "
                          f"at most {MAX_ID} characters")
        return raw


class UrlType(FieldType):
    def schema(self, f):
        return {"type": "string", "pattern": _URL.pattern}

    def convert_text(self, f, raw, today):
        if not _URL.match(raw):
            raise Invalid(f"{f.name}: '{raw}' is not a web address; it should start with https://")
        return raw


class LanguageType(FieldType):
    def schema(self, f):
        return {"type": "string", "pattern": _LANG.pattern}

    def convert_text(self, f, raw, today):
        if not _LANG.match(raw):
            raise Invalid(f"{f.name}: '{raw}' is not an ISO 639-1 code such as en, ru or uk")
        return raw


_COUNTRY = re.compile(r"^[A-Z]{2}$")


class CountryType(FieldType):
    def schema(self, f):
        return {"type": "string", "pattern": _COUNTRY.pattern}

    def convert_text(self, f, raw, today):
        from tracker.ledger.definitions import COUNTRIES

        if not _COUNTRY.match(raw):
            code = next((c for c, name in COUNTRIES.items() if name.lower() == raw.strip().lower()), None) \
                or (raw.strip().upper() if _COUNTRY.match(raw.strip().upper()) else None)
            fix = f"write {code}" if code else "write a code such as RU, UA or BY"
            raise Invalid(f"{f.name}: '{raw}' is not an ISO 3166-1 alpha-2 country code; {fix}")
        return raw


class ListType(FieldType):
    """A list of plain text items (for reflist, of ids checked against their section later)."""

    def schema(self, f):
        return {"type": "array", "items": {"type": "string"}}


class ArticlesType(ListType):
    """Numbers of articles of a criminal code: [337, 338, 352.1]."""

    def schema(self, f):
        return {"type": "array", "items": {"type": ["string", "number"]}}


class ChartType(FieldType):
    """A small mapping of texts for a published chart (an indicator's title, subtitle, counts, source, note; an
    event's title), and the same keys in other languages under their ISO 639-1 codes: {ru: {title: ...}}.
    Converted to (key, text) pairs, a translation's keys as 'ru.title'."""

    def __init__(self, keys: tuple[str, ...]):
        self.keys = keys

    def schema(self, f):
        words = {k: {"type": "string", "minLength": 1} for k in self.keys}
        return {"type": "object", "additionalProperties": False, "properties": words,
                "patternProperties": {_LANG.pattern: {"type": "object", "additionalProperties": False,
                                                      "properties": words}}}


class NamesType(FieldType):
    """Names as published charts give them, per language: {ru: {Mediazona: Медиазона}}."""

    def schema(self, f):
        return {"type": "object", "additionalProperties": False,
                "patternProperties": {_LANG.pattern: {"type": "object",
                                                      "additionalProperties": {"type": "string", "minLength": 1}}}}


class AcksType(FieldType):
    """Acknowledged flags: a list of {flag, by, why}."""

    def schema(self, f):
        return {"type": "array", "items": {"type": "object", "additionalProperties": False,
                                           "required": list(F.ACK_KEYS),
                                           "properties": {k: {"type": "string", "minLength": 1} for k in F.ACK_KEYS}}}


TYPES: dict[str, FieldType] = {
    "text": FieldType(), "number": NumberType(), "date": DateType(), "span": SpanType(), "enum": EnumType(),
    "bool": BoolType(), "id": IdType(), "url": UrlType(), "language": LanguageType(), "list": ListType(),
    "country": CountryType(), "articles": ArticlesType(),
    "reflist": ListType(), "ref": FieldType(), "chart": ChartType(F.CHART_KEYS),
    "event_chart": ChartType(F.EVENT_CHART_KEYS), "names": NamesType(), "acks": AcksType(),
}


def field_schema(f: F.Field) -> dict:
    """The JSON Schema of one field, with its description."""
    return {"description": f.doc, **TYPES[f.type].schema(f)}


def convert(f: F.Field, v, today: date, problem, item_pos) -> object:
    """The field's typed value, or None (absent, or a problem reported through `problem(message, pos)`)."""
    if v is None:
        return None
    if isinstance(v, Scalar) and not v.quoted and v.raw in NULLS:
        if f.required:
            problem(f"'{f.name}' is empty; give it a value", None)
        return None
    if isinstance(TYPES[f.type], ListType):
        if not isinstance(v, Seq):
            problem(f"'{f.name}' must be a list: [a, b]", None)
            return None
        out = []
        for item in v.items:
            if not isinstance(item, Scalar):
                problem(f"items of '{f.name}' must be plain text", item_pos(item))
            else:
                out.append(item.raw)
        return tuple(out)
    if isinstance(TYPES[f.type], ChartType):
        return _chart(f, TYPES[f.type].keys, v, problem, item_pos)
    if isinstance(TYPES[f.type], NamesType):
        return _names(f, v, problem, item_pos)
    if isinstance(TYPES[f.type], AcksType):
        return _acks(f, v, problem, item_pos)
    if not isinstance(v, Scalar):
        problem(f"'{f.name}' must be a single value, not a {'list' if isinstance(v, Seq) else 'mapping'}", None)
        return None
    try:
        return TYPES[f.type].convert(f, v, today)
    except Invalid as exc:
        problem(str(exc), None)
        return None


def _chart(f: F.Field, keys: tuple[str, ...], v, problem, item_pos, lang: str = "") -> tuple | None:
    name = f"{f.name}.{lang}" if lang else f.name
    if not isinstance(v, Map):
        example = f"{{{keys[0]}: ...}}" if lang else f"{{{keys[0]}: ..., ru: {{{keys[0]}: ...}}}}"
        problem(f"'{name}' must be a mapping such as {example}", None)
        return None
    out: list[tuple[str, str]] = []
    for key, (ks, value) in v.items.items():
        if key not in keys and not lang and _LANG.match(key):  # the same words in another language
            words = _chart(f, keys, value, lambda m, p, ks=ks: problem(m, p or (ks.line, ks.col)), item_pos, key)
            out.extend(words or ())  # keys already 'ru.title'
        elif key not in keys:
            close = difflib.get_close_matches(key, keys, 1, 0.6)
            hint = f"did you mean '{close[0]}'?" if close else f"use {', '.join(keys)}" + \
                ("" if lang else ", or a language code such as ru holding the same keys")
            problem(f"unknown key '{key}' in {name}; {hint}", (ks.line, ks.col))
        elif not isinstance(value, Scalar) or not value.raw.strip():
            problem(f"{name}.{key} must be a line of text",
                    item_pos(value) if value is not None else (ks.line, ks.col))
        else:
            out.append((f"{lang}.{key}" if lang else key, value.raw))
    return tuple(out)


def _names(f: F.Field, v, problem, item_pos) -> dict | None:
    example = "names: {ru: {Mediazona: Медиазона}}"
    if not isinstance(v, Map):
        problem(f"'{f.name}' must be a mapping of language codes to names, such as {example}", None)
        return None
    out: dict[str, dict[str, str]] = {}
    for lang, (ks, names) in v.items.items():
        if not _LANG.match(lang):
            problem(f"'{lang}' in {f.name} is not an ISO 639-1 code such as en, ru or uk", (ks.line, ks.col))
            continue
        if not isinstance(names, Map):
            problem(f"{f.name}.{lang} must be a mapping of a name as the ledger writes it to the name in {lang}, "
                    f"such as {example}", item_pos(names) if names is not None else (ks.line, ks.col))
            continue
        out[lang] = {}
        for name, (ns, value) in names.items.items():
            if not isinstance(value, Scalar) or not value.raw.strip():
                problem(f"{f.name}.{lang}.{name} must be a line of text",
                        item_pos(value) if value is not None else (ns.line, ns.col))
            else:
                out[lang][name] = value.raw
    return out


def _acks(f: F.Field, v, problem, item_pos) -> tuple[tuple[str, str, str], ...] | None:
    example = "- {flag: stale, by: your name, why: the reason it stands}"
    if not isinstance(v, Seq):
        problem(f"'{f.name}' must be a list of acknowledgements: {example}", None)
        return None
    out = []
    for item in v.items:
        if not isinstance(item, Map):
            problem(f"each item of '{f.name}' is a mapping: {example}", item_pos(item))
            continue
        got = {k: val.raw for k, (_, val) in item.items.items() if isinstance(val, Scalar) and val.raw.strip()}
        unknown = [k for k in item.items if k not in F.ACK_KEYS]
        missing = [k for k in F.ACK_KEYS if k not in got]
        if unknown or missing:
            what = (f"unknown key '{unknown[0]}'" if unknown else f"missing '{missing[0]}'")
            problem(f"{what} in an acknowledgement; write {example}", item_pos(item))
            continue
        out.append((got["flag"], got["by"], got["why"]))
    return tuple(out)


def parse_number(raw: str, quoted: bool = False) -> tuple[int | float | None, str | None]:
    """Read a number as a curator writes it; return (value, None) or (None, the fix)."""
    s = raw.strip()
    if quoted:
        inner, _ = parse_number(s)
        plain = format_number(inner) if inner is not None else None
        if plain is None and _GROUPED.match(s):
            plain = re.sub(r"\D", "", s)
        fix = f"write {plain} without quotes" if plain is not None else "write a plain number"
        return None, f"\"{s}\" is quoted text, not a number; {fix}"
    if _INT.match(s):
        digits = s.lstrip("+-")
        if len(digits) > 1 and digits.startswith("0"):
            return None, f"'{s}' has a leading zero (some YAML readers take it as octal); write {int(s)}"
        if len(digits) > 16 or abs(int(s)) > EXACT_INT:
            return None, (f"'{s[:20]}{'...' if len(s) > 20 else ''}' ({len(digits)} digits) is larger than "
                          f"{EXACT_INT:,}, beyond what JSON, CSV readers and charts hold exactly; is a digit repeated?")
        return int(s), None
    if re.fullmatch(r"[1-9]\d{0,2}\.000", s):
        return None, (f"'{s}' reads as {s[:-4]}; for {s[:-4]} thousand write {s.replace('.', '')}, "
                      f"for {s[:-4]} write {s[:-4]}")
    if _FLOAT.match(s):
        x = float(s)
        if not math.isfinite(x):
            return None, f"'{s}' is too large to be a figure"
        return x, None
    low = s.lower()
    if low in (".nan", "nan", ".inf", "-.inf", "+.inf", "inf", "-inf", "infinity"):
        return None, f"'{s}' is not a finite number"
    if re.match(r"^[-+]?0[xob]", low):
        return None, f"'{s}' is not a decimal number; write it in decimal digits"
    if re.match(r"^\d+(_\d+)+$", s):
        return None, f"'{s}' has underscores; write {s.replace('_', '')}"
    if _GROUPED.match(s):
        return None, f"'{s}' has thousands separators; write {re.sub(r'[^0-9]', '', s)}"
    if re.match(r"^\d+(:\d+)+$", s):
        return None, f"'{s}' is read as base-60 by YAML 1.1 parsers; write the number you mean"
    if low in _BOOL_WORDS:
        return None, f"'{s}' is a yes/no word, not a number"
    if s.endswith("%"):
        return None, f"'{s}' is a percentage; write it as a fraction (e.g. 0.2 for 20%) with unit: share"
    return None, f"'{s}' is not a number" + _as_printed(s)


def _as_printed(s: str) -> str:
    """For a number as an article prints it ('24 тысячи', '7.4 thousand'), the value to write instead."""
    from tracker.languages import detect
    from tracker.text.numbers import scan

    found = scan(s, detect(s))
    if len(found) != 1 or found[0].percent or found[0].kind in ("vague", "ratio"):
        return ""
    value = format_number(found[0].value)
    return f"; it reads as {value}: write value: {value}, with qualifier: approx if the article rounds it"


def format_number(x) -> str:
    """A number as the ledger writes it: 10025, 0.25; '?' for none."""
    if x is None:
        return "?"
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    return str(x)
