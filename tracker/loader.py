"""Load and validate a ledger: one file, a file with includes, or a directory of files.

Every problem is collected and raised at once as a LedgerError; nothing is
constructed from YAML tags, and every message names file, line and column.
"""

from __future__ import annotations

import difflib
import glob
import hashlib
import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tracker import fields as F
from tracker.dates import DateError, parse_span
from tracker.errors import LedgerError, Problem
from tracker.ledger import Event, Figure, Indicator, Ledger, Source
from tracker.yamlread import Map, Scalar, Seq, parse_all, read_text

_ID = re.compile(F.ID_PATTERN)
_INT = re.compile(r"^[-+]?\d+$")
_FLOAT = re.compile(r"^[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?$")
_GROUPED = re.compile(r"^\d{1,3}([ ,.'\u00a0\u202f]\d{3})+$")
_LANG = re.compile(r"^[a-z]{2,3}$")
_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOL_WORDS = {"yes", "no", "on", "off", "y", "n", "true", "false"}
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(slots=True)
class _Entry:
    """One mapping from a file: its id, converted fields and their positions."""

    section: str
    id: str
    path: str
    line: int
    col: int
    values: dict
    pos: dict  # field -> (line, col)

    def at(self, name: str | None = None) -> tuple[int, int]:
        return self.pos.get(name, (self.line, self.col)) if name else (self.line, self.col)


class _Loader:
    def __init__(self, today: date | None):
        self.today = today or date.today()
        self.problems: list[Problem] = []
        self.files: list[str] = []
        self.digest = hashlib.sha256()
        self.entries: dict[str, list[_Entry]] = {"indicator": [], "source": [], "event": [], "figure": []}
        self.reading: set[Path] = set()
        self.hashes: list[tuple[str, str]] = []  # (resolved path, sha256 of the bytes parsed), for the cache
        self.listings: list = []  # (kind, pattern, [paths]) for directories and globs, for the cache

    def problem(self, path: str, pos: tuple[int, int], message: str) -> None:
        self.problems.append(Problem(path, pos[0], pos[1], message))

    # -- files ---------------------------------------------------------------

    def read_path(self, path: Path) -> None:
        if path.is_dir():
            parts = [Path(p) for p in listing("dir", str(path))]
            self.listings.append(("dir", str(path), [str(p) for p in parts]))
            if not parts:
                self.problem(str(path), (0, 0), "directory holds no .yaml files")
            for part in parts:
                self.read_file(part, root=False)
        else:
            self.read_file(path, root=True)

    def read_file(self, path: Path, root: bool, included_at: tuple[str, int, int] | None = None) -> None:
        resolved = path.resolve()
        label = str(path)
        if resolved in self.reading or str(path) in self.files:
            where = included_at or (label, 0, 0)
            self.problem(where[0], where[1:], f"'{label}' is included twice or includes itself; remove one include")
            return
        text = read_text(path, self.problems, self.hashes)
        if text is None:
            return
        self.files.append(label)
        self.digest.update(label.encode() + b"\0" + text.encode() + b"\0")
        self.reading.add(resolved)
        try:
            # Later documents in a file (after '---') are parts, like included files: this is
            # how `tracker extract --append` adds to a ledger without touching a byte of it.
            for n, node in enumerate(parse_all(text, label, self.problems)):
                if not isinstance(node, Map):
                    what = "a list" if isinstance(node, Seq) else "a single value" if node else "empty"
                    pos = (node.line, node.col) if node is not None else (1, 1)
                    self.problem(label, pos, "a ledger file is a mapping (version, indicators, sources, events, "
                                 f"figures), not {what}")
                    continue
                self._read_root(node, path, label, root and n == 0)
        finally:
            self.reading.discard(resolved)

    def _read_root(self, node: Map, path: Path, label: str, root: bool) -> None:
        for key, (kscalar, value) in node.items.items():
            if key not in F.ROOT:
                self.problem(label, (kscalar.line, kscalar.col), _unknown(key, F.ROOT, "top-level key"))
        if "version" in node.items:
            k, v = node.items["version"]
            if not (isinstance(v, Scalar) and not v.quoted and v.raw.strip() == "1"):
                raw = v.raw if isinstance(v, Scalar) else "a structure"
                self.problem(label, _pos(v, k), f"version is '{raw}'; this tool reads version 1")
        elif root:
            self.problem(label, (node.line, node.col), "missing 'version: 1' at the top of the ledger")
        sections = (("indicators", "indicator", Map), ("sources", "source", Map),
                    ("events", "event", Seq), ("figures", "figure", Seq))
        for key, section, shape in sections:
            if key not in node.items:
                continue
            k, v = node.items[key]
            if v is None or (isinstance(v, Scalar) and not v.quoted and v.raw in _NULLS):
                continue  # an empty section
            if not isinstance(v, shape):
                want = "a mapping of id: {...}" if shape is Map else "a list of '- id: ...' entries"
                self.problem(label, _pos(v, k), f"'{key}' must be {want}")
                continue
            if shape is Map:
                for ident, (ks, body) in v.items.items():
                    self._entry(section, label, body, ks, ident)
            else:
                for body in v.items:
                    self._entry(section, label, body, None, None)
        if "include" in node.items:
            self._includes(node.items["include"], path, label)

    def _includes(self, item, path: Path, label: str) -> None:
        k, v = item
        names = [v] if isinstance(v, Scalar) else list(v.items) if isinstance(v, Seq) else None
        if names is None:
            self.problem(label, _pos(v, k), "include must be a file name or a list of them")
            return
        for name in names:
            if not isinstance(name, Scalar) or not name.raw.strip():
                self.problem(label, _pos(name, k), "include entries must be file names or globs")
                continue
            pattern = str(path.parent / name.raw)
            matches = listing("glob", pattern) if glob.has_magic(name.raw) else [pattern]
            if glob.has_magic(name.raw):
                self.listings.append(("glob", pattern, matches))
            if not matches or not Path(matches[0]).exists():
                self.problem(label, (name.line, name.col), f"included file '{name.raw}' not found "
                             f"(looked for {pattern}); fix the path or remove the include")
                continue
            for match in matches:
                self.read_file(Path(match), root=False, included_at=(label, name.line, name.col))

    # -- entries -------------------------------------------------------------

    def _entry(self, section: str, label: str, body, key: Scalar | None, ident: str | None) -> None:
        spec = F.SECTIONS[section]
        where = (key.line, key.col) if key is not None else _pos(body, None)
        if not isinstance(body, Map):
            got = "a list" if isinstance(body, Seq) else f"'{body.raw}'" if isinstance(body, Scalar) else "nothing"
            self.problem(label, where, f"each {section} must be a mapping of fields, got {got}")
            return
        values: dict = {}
        pos: dict = {}
        for name, (ks, v) in body.items.items():
            if name not in spec:
                if name == "id" and key is not None:
                    self.problem(label, (ks.line, ks.col), f"'{name}' is not a field of a {section}: "
                                 f"the {section}'s id is its key ('{ident}')")
                else:
                    self.problem(label, (ks.line, ks.col), _unknown(name, spec, f"{section} field"))
                continue
            pos[name] = _pos(v, ks)
            if isinstance(v, Seq):  # each item's place, for messages about one item
                for i, item in enumerate(v.items):
                    pos[(name, i)] = _pos(item, ks)
            value = self._convert(spec[name], v, ks, label, section)
            if value is not None:
                values[name] = value
        if key is not None:
            ident = key.raw
            if not _ID.match(ident):
                self.problem(label, (key.line, key.col), f"{section} id '{ident}' must be letters, digits, '.', "
                             "'-' or '_', starting with a letter or digit")
        else:
            ident = values.get("id")
        for name, f in spec.items():
            if f.required and name not in values and name not in pos:  # a bad value was reported already
                self.problem(label, where, f"{section} '{ident or '?'}' is missing required field '{name}'"
                             f"{_hint_required(section, name)}")
        self.entries[section].append(_Entry(section, ident or "", label, where[0], where[1], values, pos))

    def _convert(self, f: F.Field, v, ks: Scalar, label: str, section: str):
        """The field's typed value, or None (absent, or a problem recorded)."""
        where = _pos(v, ks)
        name = f.name
        if v is None:
            return None
        if isinstance(v, Scalar) and not v.quoted and v.raw in _NULLS:
            if f.required:
                self.problem(label, where, f"'{name}' is empty; give it a value")
            return None
        if f.type in ("list", "reflist"):
            if not isinstance(v, Seq):
                self.problem(label, where, f"'{name}' must be a list: [a, b]")
                return None
            out = []
            for item in v.items:
                if not isinstance(item, Scalar):
                    self.problem(label, _pos(item, ks), f"items of '{name}' must be plain text")
                else:
                    out.append(item.raw)
            return tuple(out)
        if not isinstance(v, Scalar):
            self.problem(label, where, f"'{name}' must be a single value, not a "
                         f"{'list' if isinstance(v, Seq) else 'mapping'}")
            return None
        raw = v.raw
        if f.type == "number":
            value, error = parse_number(raw, v.quoted)
            if error:
                self.problem(label, where, f"{name}: {error}")
            return value
        if f.type in ("date", "span"):
            if f.type == "date" and "/" in raw:
                self.problem(label, where, f"{name}: '{raw}' is an interval; give one date here")
                return None
            try:
                span = parse_span(raw)
            except DateError as exc:
                self.problem(label, where, f"{name}: {exc}")
                return None
            if span.first > self.today:
                self.problem(label, where, f"{name}: {raw} is in the future (today is {self.today.isoformat()}); "
                             "check the year")
                return None
            return span
        if f.type == "bool":
            if v.quoted or raw.lower() not in ("true", "false"):
                self.problem(label, where, f"{name}: write true or false, not '{raw}'")
                return None
            return raw.lower() == "true"
        if f.type == "enum":
            if raw not in f.choices:
                close = difflib.get_close_matches(raw.lower().replace(" ", "_").replace("-", "_"), f.choices, 1, 0.6)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                self.problem(label, where, f"{name}: '{raw}' is not one of {', '.join(f.choices)}{hint}")
                return None
            return raw
        if not raw.strip():
            if f.required:
                self.problem(label, where, f"'{name}' is empty; give it a value")
            return None
        if f.type == "id" and not _ID.match(raw):
            self.problem(label, where, f"id '{raw}' must be letters, digits, '.', '-' or '_', "
                         "starting with a letter or digit")
            return None
        if f.type == "url" and not re.match(r"^https?://\S+$", raw):
            self.problem(label, where, f"{name}: '{raw}' is not a web address; it should start with https://")
            return None
        if f.type == "language" and not _LANG.match(raw):
            self.problem(label, where, f"{name}: '{raw}' is not an ISO 639-1 code such as en, ru or uk")
            return None
        return raw  # text stays text: 'no' and 'on' are words here, not YAML 1.1 booleans

    # -- the whole ledger ----------------------------------------------------

    def build(self) -> Ledger:
        indicators = self._unique("indicator", Indicator, self._indicator)
        sources = self._unique("source", Source, self._source)
        events = tuple(self._unique("event", Event, lambda e: self._event(e, indicators)).values())
        figures = tuple(self._unique("figure", Figure, lambda e: self._figure(e, indicators, sources)).values())
        if self.problems:
            raise LedgerError(self.problems)
        return Ledger(indicators, sources, events, figures, tuple(self.files), self.digest.hexdigest())

    def _unique(self, section: str, cls, make) -> dict:
        out: dict = {}
        first: dict[str, _Entry] = {}
        for e in self.entries[section]:
            if not e.id:
                continue
            if e.id in first:
                f = first[e.id]
                self.problem(e.path, e.at(), f"duplicate {section} id '{e.id}' (first at {f.path}:{f.line}); "
                             "ids must be unique: rename one")
                make(e)  # still report what else is wrong with it
                continue
            first[e.id] = e
            obj = make(e)
            if obj is not None:
                out[e.id] = obj
        return out

    def _indicator(self, e: _Entry) -> Indicator | None:
        v = e.values
        kind = v.get("kind")
        if kind == "cumulative" and "since" not in v and "since" not in e.pos:
            self.problem(e.path, e.at(), f"indicator '{e.id}' is cumulative but has no 'since' "
                         "(when counting starts); add since: YYYY-MM-DD")
        if kind and kind != "cumulative" and "since" in v:
            self.problem(e.path, e.at("since"), "'since' applies to cumulative indicators only; remove it "
                         "or set kind: cumulative")
        if kind == "rate" and "per" not in v and "per" not in e.pos:
            self.problem(e.path, e.at(), f"indicator '{e.id}' is a rate but has no 'per'; add per: month "
                         "(or day, week, year)")
        if kind and kind != "rate" and "per" in v:
            self.problem(e.path, e.at("per"), "'per' applies to rate indicators only; remove it or set kind: rate")
        if not all(k in v for k in ("title", "unit", "kind")):
            return None
        return Indicator(id=e.id, title=v["title"], unit=v["unit"], kind=kind, since=v.get("since"),
                         per=v.get("per"), counts=v.get("counts"), aliases=v.get("aliases", ()),
                         description=v.get("description"))

    def _source(self, e: _Entry) -> Source | None:
        v = e.values
        if "publisher" not in v:
            return None
        pub, acc = v.get("published"), v.get("accessed")
        if pub and acc and acc.last < pub.first:
            self.problem(e.path, e.at("accessed"), f"accessed {acc} is before published {pub}; check both dates")
        return Source(id=e.id, **{k: v[k] for k in v})

    def _event(self, e: _Entry, indicators: dict) -> Event | None:
        v = e.values
        for i, ref in enumerate(v.get("indicators", ())):
            if ref not in indicators:
                self.problem(e.path, e.pos.get(("indicators", i), e.at("indicators")),
                             _dangling("indicator", ref, indicators))
        if not all(k in v for k in ("id", "date", "title")):
            return None
        return Event(id=v["id"], date=v["date"], title=v["title"], indicators=v.get("indicators"),
                     url=v.get("url"), note=v.get("note"))

    def _figure(self, e: _Entry, indicators: dict, sources: dict) -> Figure | None:
        v = e.values
        ok = True
        ind = indicators.get(v.get("indicator"))
        src = sources.get(v.get("source"))
        if "indicator" in v and ind is None:
            self.problem(e.path, e.at("indicator"), _dangling("indicator", v["indicator"], indicators))
            ok = False
        if "source" in v and src is None:
            self.problem(e.path, e.at("source"), _dangling("source", v["source"], sources))
            ok = False
        q = v.get("qualifier", "exact")
        value, low, high = v.get("value"), v.get("low"), v.get("high")
        bad_number = any(n in e.pos and n not in v for n in ("value", "low", "high"))
        if q == "range":
            if low is None or high is None:
                if not bad_number:
                    self.problem(e.path, e.at("qualifier"), "a range needs both 'low' and 'high'")
                ok = False
            elif low > high:
                self.problem(e.path, e.at("low"), f"low ({_num(low)}) is above high ({_num(high)}); swap them")
                ok = False
            elif value is not None and not low <= value <= high:
                self.problem(e.path, e.at("value"), f"value {_num(value)} lies outside low..high "
                             f"({_num(low)}..{_num(high)}); the value of a range is its best estimate")
                ok = False
        else:
            if value is None:
                if not bad_number:
                    self.problem(e.path, e.at(), f"figure '{e.id}' has no 'value'")
                ok = False
            if (low is not None or high is not None) and q != "approx":
                self.problem(e.path, e.at("low" if low is not None else "high"),
                             f"low/high narrow a range or an approx figure; with qualifier '{q}' remove them "
                             "or set qualifier: range")
                ok = False
            elif value is not None and ((low is not None and low > value) or (high is not None and high < value)):
                self.problem(e.path, e.at("value"), f"value {_num(value)} lies outside low..high")
                ok = False
        change = v.get("change")
        numbers = [(n, v[n]) for n in ("value", "low", "high") if v.get(n) is not None]
        if change != "difference":
            for name, n in numbers:
                if n < 0:
                    self.problem(e.path, e.at(name), f"{name} is negative ({_num(n)}); counts cannot be "
                                 "below zero (a fall is written with change: difference)")
                    ok = False
        if ind is not None and ind.is_share and change is None:
            for name, n in numbers:
                if n > 1:
                    self.problem(e.path, e.at(name), f"{name} {_num(n)} is not a share: shares are fractions, "
                                 f"write {_num(n / 100)} for {_num(n)}%")
                    ok = False
        if change == "ratio" and value is not None and value <= 0:
            self.problem(e.path, e.at("value"), "a ratio must be above zero")
            ok = False
        as_of, period, compared = v.get("as_of"), v.get("period"), v.get("compared_to")
        if change:
            if compared is None and "compared_to" not in e.pos:
                self.problem(e.path, e.at("change"), "a relative claim needs 'compared_to' (the earlier time)")
                ok = False
            later = period or as_of
            if later is None and "period" not in e.pos and "as_of" not in e.pos:
                self.problem(e.path, e.at("change"), "a relative claim needs 'period' (the later time)")
                ok = False
            elif later is not None and compared is not None and compared.first >= later.first:
                self.problem(e.path, e.at("compared_to"), f"compared_to {compared} is not before {later}; "
                             "compared_to is the earlier time")
                ok = False
        elif compared is not None:
            self.problem(e.path, e.at("compared_to"), "'compared_to' goes with 'change: ratio' or "
                         "'change: difference'; add change or remove it")
            ok = False
        if ind is not None and not change:
            if ind.kind in ("stock", "cumulative") and period is not None:
                self.problem(e.path, e.at("period"), f"indicator '{ind.id}' is {ind.kind}: a figure holds at a "
                             "date, so write as_of instead of period")
                ok = False
            if ind.kind in ("flow", "rate"):
                if as_of is not None:
                    self.problem(e.path, e.at("as_of"), f"indicator '{ind.id}' is a {ind.kind}: write the time "
                                 "it covers as period (e.g. period: 2024 or 2024-03), not as_of")
                    ok = False
                elif period is None and "period" not in e.pos:
                    self.problem(e.path, e.at(), f"figure '{e.id}' of {ind.kind} indicator '{ind.id}' needs a "
                                 "'period' (e.g. period: 2024, 2024-03, or 2024-01-01/2024-04-30)")
                    ok = False
            if ind.kind == "cumulative" and ind.since and as_of is not None and as_of.last < ind.since.first:
                self.problem(e.path, e.at("as_of"), f"as_of {as_of} is before the indicator counts from "
                             f"({ind.since})")
                ok = False
        published = src.published if src else None
        if published is not None:
            if as_of is not None and as_of.first > published.last:
                self.problem(e.path, e.at("as_of"), f"as_of {as_of} is after the source was published "
                             f"({published}); a report cannot count beyond its own date")
                ok = False
            if period is not None and period.first > published.last:
                self.problem(e.path, e.at("period"), f"period {period} starts after the source was published "
                             f"({published})")
                ok = False
        status = v.get("status", "accepted")
        if status == "rejected" and not v.get("note"):
            self.problem(e.path, e.at("status"), "a rejected figure needs a 'note' saying why it was rejected")
            ok = False
        if not ok or ind is None or src is None or "quote" not in v or "id" not in v:
            return None
        as_of_defaulted = False
        if as_of is None and ind.kind in ("stock", "cumulative") and not change and published is not None:
            as_of, as_of_defaulted = published, True
        claimant = v.get("claimant")
        return Figure(
            id=v["id"], indicator=ind.id, source=src.id, claimant=claimant or src.publisher, quote=v["quote"],
            value=value, qualifier=q, low=low, high=high, as_of=as_of, as_of_defaulted=as_of_defaulted,
            period=period, change=change, compared_to=compared, claimant_defaulted=claimant is None,
            status=status, note=v.get("note"), file=e.path, line=e.line,
        )


def parse_number(raw: str, quoted: bool = False) -> tuple[int | float | None, str | None]:
    """Read a number as a curator writes it; return (value, None) or (None, the fix)."""
    s = raw.strip()
    if quoted:
        inner, _ = parse_number(s)
        plain = _num(inner) if inner is not None else None
        if plain is None and _GROUPED.match(s):
            plain = re.sub(r"\D", "", s)
        fix = f"write {plain} without quotes" if plain is not None else "write a plain number"
        return None, f"\"{s}\" is quoted text, not a number; {fix}"
    if _INT.match(s):
        digits = s.lstrip("+-")
        if len(digits) > 1 and digits.startswith("0"):
            return None, f"'{s}' has a leading zero (some YAML readers take it as octal); write {int(s)}"
        return int(s), None
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
    return None, f"'{s}' is not a number"


def _num(x) -> str:
    if x is None:
        return "?"
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    return str(x)


def _pos(node, fallback: Scalar | None) -> tuple[int, int]:
    if node is not None and hasattr(node, "line"):
        return node.line, node.col
    if fallback is not None:
        return fallback.line, fallback.col
    return 0, 0


def _unknown(name: str, spec: dict, what: str) -> str:
    close = difflib.get_close_matches(name, list(spec), 1, 0.6)
    hint = f"; did you mean '{close[0]}'?" if close else f"; known: {', '.join(spec)}"
    return f"unknown {what} '{name}'{hint}"


def _dangling(kind: str, ref: str, known: dict) -> str:
    close = difflib.get_close_matches(ref, list(known), 1, 0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"add it under {kind}s: or fix the id"
    return f"unknown {kind} '{ref}'; {hint}"


def _hint_required(section: str, name: str) -> str:
    hints = {
        ("figure", "quote"): " (the sentence as printed)",
        ("figure", "source"): " (the id of a source under sources:)",
        ("indicator", "kind"): " (stock, cumulative, flow or rate)",
    }
    return hints.get((section, name), "")


def listing(kind: str, pattern: str) -> list[str]:
    """The files a directory ledger or an include glob stands for, in the order they are read."""
    if kind == "dir":
        return sorted(str(p) for p in Path(pattern).rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file())
    return sorted(glob.glob(pattern, recursive=True))


def load(path: str | Path = "figures.yaml", *, today: date | None = None, cache: bool = False) -> Ledger:
    """Load and validate a ledger (a file, or a directory of .yaml files).

    Raises LedgerError listing every problem, each as file:line:column: message. With
    cache=True a ledger whose files are byte for byte unchanged comes from the cache
    (tracker.cache); the result is the same either way.
    """
    if cache:
        from tracker import cache as _cache

        hit = _cache.get_ledger(path, listing)
        if hit is not None:
            return hit
    loader = _Loader(today)
    loader.read_path(Path(path))
    if loader.problems and not any(loader.entries.values()):
        raise LedgerError(loader.problems)
    ledger = loader.build()
    if cache:
        _cache.put_ledger(path, ledger, loader.hashes, loader.listings)
    return ledger
