"""Load and validate a ledger: one file, a file with includes, or a directory of files.

The stages, one file each: `files` finds and parses the files, `convert` turns each
field into a typed value, `rules` checks what spans fields, and this module puts
entries together and resolves references. Every problem is collected and raised at
once as a LedgerError; nothing is constructed from YAML tags, and every message
names file, line and column.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from datetime import date
from pathlib import Path

from tracker.errors import LedgerError, Problem
from tracker.ledger import fields as F
from tracker.ledger.convert import MAX_ID, NULLS, convert, is_id
from tracker.ledger.files import LedgerFiles, listing, node_pos
from tracker.ledger.model import Event, Figure, Indicator, Ledger, Source
from tracker.ledger.rules import RULES, Entry
from tracker.ledger.yamlread import Map, Scalar, Seq

_SECTIONS = (("indicators", "indicator", Map), ("sources", "source", Map), ("events", "event", Seq),
             ("figures", "figure", Seq))


class _Loader:
    def __init__(self, today: date | None, overrides: dict | None = None):
        self.today = today or date.today()
        self.problems: list[Problem] = []
        self.files = LedgerFiles(self.problems, overrides)
        self.entries: dict[str, list[Entry]] = {"indicator": [], "source": [], "event": [], "figure": []}
        self.names: dict[str, dict[str, str]] = {}  # language -> name as written -> name in that language
        self.names_at: dict[tuple[str, str], str] = {}  # where each was given first, for duplicates

    def problem(self, path: str, pos: tuple[int, int], message: str) -> None:
        self.problems.append(Problem(path, pos[0], pos[1], message))

    def read_path(self, path: Path) -> None:
        self.files.read(path, self._read_root)

    # -- one document: its sections and entries -------------------------------------------------

    def _read_root(self, node: Map, path: Path, label: str, root: bool) -> None:
        for key, (kscalar, _value) in node.items.items():
            if key not in F.ROOT:
                self.problem(label, (kscalar.line, kscalar.col), _unknown(key, F.ROOT, "top-level key"))
        if "version" in node.items:
            k, v = node.items["version"]
            if not (isinstance(v, Scalar) and not v.quoted and v.raw.strip() == "1"):
                raw = v.raw if isinstance(v, Scalar) else "a structure"
                self.problem(label, node_pos(v, k), f"version is '{raw}'; this tool reads version 1")
        elif root:
            self.problem(label, (node.line, node.col), "missing 'version: 1' at the top of the ledger")
        if "names" in node.items:
            self._names(node.items["names"], label)
        for key, section, shape in _SECTIONS:
            if key not in node.items:
                continue
            k, v = node.items[key]
            if v is None or (isinstance(v, Scalar) and not v.quoted and v.raw in NULLS):
                continue  # an empty section
            if not isinstance(v, shape):
                want = "a mapping of id: {...}" if shape is Map else "a list of '- id: ...' entries"
                self.problem(label, node_pos(v, k), f"'{key}' must be {want}")
                continue
            if shape is Map:
                for ident, (ks, body) in v.items.items():
                    self._entry(section, label, body, ks, ident)
            else:
                for body in v.items:
                    self._entry(section, label, body, None, None)

    def _names(self, item, label: str) -> None:
        k, v = item
        at = node_pos(v, k)
        names = convert(F.ROOT["names"], v, self.today, lambda msg, p: self.problem(label, p or at, msg),
                        lambda node: node_pos(node, k))
        for lang, given in (names or {}).items():
            for name, text in given.items():
                first = self.names_at.setdefault((lang, name), f"{label}:{at[0]}")
                if name in self.names.get(lang, {}) and self.names[lang][name] != text:
                    self.problem(label, at, f"names.{lang} gives '{name}' a second name ('{text}'; first at "
                                 f"{first}); keep one")
                self.names.setdefault(lang, {}).setdefault(name, text)

    def _entry(self, section: str, label: str, body, key: Scalar | None, ident: str | None) -> None:
        spec = F.SECTIONS[section]
        where = (key.line, key.col) if key is not None else node_pos(body, None)
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
            pos[name] = node_pos(v, ks)
            if isinstance(v, Seq):  # each item's place, for messages about one item
                for i, item in enumerate(v.items):
                    pos[(name, i)] = node_pos(item, ks)
            at = pos[name]
            value = convert(spec[name], v, self.today,
                            lambda msg, p, at=at: self.problem(label, p or at, msg),
                            lambda item, ks=ks: node_pos(item, ks))
            if value is not None:
                values[name] = value
        if key is not None:
            ident = key.raw
            if not is_id(ident):
                self.problem(label, (key.line, key.col), f"{section} id {ident!r} must be letters, digits, '.', "
                             f"'-' or '_', starting with a letter or digit, at most {MAX_ID} characters")
        else:
            ident = values.get("id")
        for name, f in spec.items():
            if f.required and name not in values and name not in pos:  # a bad value was reported already
                self.problem(label, where, f"{section} '{ident or '?'}' is missing required field '{name}'"
                             f"{_hint_required(section, name)}")
        self.entries[section].append(Entry(section, ident or "", label, where[0], where[1], values, pos))

    def _rules(self, e: Entry, refs: dict) -> bool:
        """Run the section's rules; True when none objects."""
        ok = True
        for check in RULES.get(e.section, ()):
            for name, message in check(e, refs):
                ok = False
                if message:  # an empty message: the cause was reported already
                    self.problem(e.path, e.at(name), message)
        return ok

    # -- the whole ledger ---------------------------------------------------------------------

    def build(self) -> Ledger:
        self.written = {s: {x.id for x in self.entries[s]} for s in ("indicator", "source")}  # valid or not
        indicators = self._unique("indicator", self._indicator)
        sources = self._unique("source", self._source)
        events = tuple(self._unique("event", lambda e: self._event(e, indicators)).values())
        figures = tuple(self._unique("figure", lambda e: self._figure(e, indicators, sources)).values())
        if self.problems:
            raise LedgerError(self.problems)
        return Ledger(indicators, sources, events, figures, tuple(self.files.files), self.files.digest.hexdigest(),
                      self.names)

    def _unique(self, section: str, make) -> dict:
        out: dict = {}
        first: dict[str, Entry] = {}
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

    def _indicator(self, e: Entry) -> Indicator | None:
        self._rules(e, {})
        v = e.values
        if not all(k in v for k in ("title", "unit", "kind")):
            return None
        return Indicator(id=e.id, title=v["title"], unit=v["unit"], kind=v["kind"], since=v.get("since"),
                         per=v.get("per"), counts=v.get("counts"), aliases=v.get("aliases", ()),
                         description=v.get("description"), chart=v.get("chart", ()),
                         country=v.get("country"), producer=v.get("producer"), measure=v.get("measure"),
                         articles=v.get("articles", ()))

    def _source(self, e: Entry) -> Source | None:
        self._rules(e, {})
        v = e.values
        if "publisher" not in v:
            return None
        return Source(id=e.id, **{k: v[k] for k in v})

    def _event(self, e: Entry, indicators: dict) -> Event | None:
        v = e.values
        for i, ref in enumerate(v.get("indicators", ())):
            if ref not in indicators:
                self.problem(e.path, e.pos.get(("indicators", i), e.at("indicators")),
                             _dangling("indicator", ref, indicators))
        if not all(k in v for k in ("id", "date", "title")):
            return None
        return Event(id=v["id"], date=v["date"], title=v["title"], indicators=v.get("indicators"),
                     url=v.get("url"), note=v.get("note"), chart=v.get("chart", ()))

    def _figure(self, e: Entry, indicators: dict, sources: dict) -> Figure | None:
        v = e.values
        ind = indicators.get(v.get("indicator"))
        src = sources.get(v.get("source"))
        ok = True
        written = self.written
        if "indicator" in v and ind is None:
            if v["indicator"] not in written["indicator"]:  # an invalid one was reported where it stands
                self.problem(e.path, e.at("indicator"), _dangling("indicator", v["indicator"], indicators))
            ok = False
        if "source" in v and src is None:
            if v["source"] not in written["source"]:
                self.problem(e.path, e.at("source"), _dangling("source", v["source"], sources))
            ok = False
        ok = self._rules(e, {"indicator": ind, "source": src}) and ok
        if not ok or ind is None or src is None or "quote" not in v or "id" not in v:
            return None
        as_of, change = v.get("as_of"), v.get("change")
        as_of_defaulted = False
        if as_of is None and ind.kind in ("stock", "cumulative") and not change and src.published is not None:
            as_of, as_of_defaulted = src.published, True
        claimant = v.get("claimant")
        return Figure(
            id=v["id"], indicator=ind.id, source=src.id, claimant=claimant or src.publisher, quote=v["quote"],
            value=v.get("value"), qualifier=v.get("qualifier", "exact"), low=v.get("low"), high=v.get("high"),
            as_of=as_of, as_of_defaulted=as_of_defaulted, period=v.get("period"), change=change,
            compared_to=v.get("compared_to"), claimant_defaulted=claimant is None, status=v.get("status", "accepted"),
            note=v.get("note"), acknowledged=v.get("acknowledged", ()), file=e.path, line=e.line,
        )


# Field names curators reach for, per section, and what to write instead.
SYNONYMS = {
    "figure field": {
        "outlet": "the outlet is a source: put it under sources: (publisher: ...) and write source: ITS-ID here",
        "publisher": "the outlet is a source: put it under sources: (publisher: ...) and write source: ITS-ID here",
        "date": "write as_of: for a count at a date, period: for a count within a period",
        "published": "the publication date belongs to the source (sources: ID: published: ...); a figure's own "
                     "date is as_of or period",
        "link": "the address belongs to the source: write url: under sources:",
        "url": "the address belongs to the source: write url: under sources:",
        "number": "did you mean 'value'?", "count": "did you mean 'value'?", "amount": "did you mean 'value'?",
        "text": "did you mean 'quote'?", "sentence": "did you mean 'quote'?", "citation": "did you mean 'quote'?",
        "producer": "did you mean 'claimant'?", "who": "did you mean 'claimant'?", "by": "did you mean 'claimant'?",
        "comment": "did you mean 'note'?", "notes": "did you mean 'note'?",
    },
    "source field": {
        "outlet": "did you mean 'publisher'?", "site": "did you mean 'publisher'?", "name": "did you mean 'publisher'?",
        "date": "did you mean 'published'?", "link": "did you mean 'url'?", "address": "did you mean 'url'?",
        "headline": "did you mean 'title'?", "byline": "did you mean 'author'?",
    },
}


def _unknown(name: str, spec: dict, what: str) -> str:
    synonym = SYNONYMS.get(what, {}).get(name.lower())
    if synonym:
        return f"unknown {what} '{name}'; {synonym}"
    close = difflib.get_close_matches(name, list(spec), 1, 0.75)
    hint = f"; did you mean '{close[0]}'?" if close else f"; known: {', '.join(spec)}"
    return f"unknown {what} '{name}'{hint}"


def _dangling(kind: str, ref: str, known: dict) -> str:
    close = difflib.get_close_matches(ref, list(known), 1, 0.8)
    if close:
        return f"unknown {kind} '{ref}'; did you mean '{close[0]}'?"
    if kind == "source":
        return (f"unknown source '{ref}'; add it under sources: ({ref}: {{publisher: ..., url: ..., published: "
                "YYYY-MM-DD}) or fix the id")
    return f"unknown {kind} '{ref}'; add it under {kind}s: or fix the id (`tracker list` lists the indicators)"


def _hint_required(section: str, name: str) -> str:
    hints = {
        ("figure", "quote"): " (the sentence as printed)",
        ("figure", "source"): " (the id of a source under sources:)",
        ("indicator", "kind"): " (stock, cumulative, flow or rate)",
    }
    return hints.get((section, name), "")


def load(path: str | Path = "figures.yaml", *, today: date | None = None, cache: bool = False,
         overrides: dict | None = None, beside: Callable[[], object] | None = None) -> Ledger:
    """Load and validate a ledger (a file, or a directory of .yaml files).

    Raises LedgerError listing every problem, each as file:line:column: message. With
    cache=True a ledger whose files are byte for byte unchanged comes from the cache
    (tracker._infra.cache); the result is the same either way. `overrides` maps a file of the ledger to
    the text to read in its place (to validate an edit before it is written); it bypasses the cache.
    `beside`: work to do while the ledger is read (on a cache miss, the reading goes to a forked process
    and `beside` runs here; on a hit, nothing more is done, as a caller whose results are cached too may
    not need it).
    """
    cache = cache and not overrides
    if cache:
        from tracker._infra import cache as _cache

        hit = _cache.get_ledger(path, listing)
        if hit is not None:
            return hit
    if beside is not None:
        import pickle

        from tracker._infra.pool import run_beside

        # the reader pickles the ledger once, for the cache and to send it here
        return pickle.loads(run_beside(lambda: _read(path, today, overrides, cache, pickled=True), beside))
    return _read(path, today, overrides, cache)


def _read(path: str | Path, today: date | None, overrides: dict | None, cache: bool, pickled: bool = False):
    """The ledger (`pickled`: as pickle bytes)."""
    import pickle

    loader = _Loader(today, overrides)
    loader.read_path(Path(path))
    if loader.problems and not any(loader.entries.values()):
        raise LedgerError(loader.problems)
    ledger = loader.build()
    data = pickle.dumps(ledger, protocol=pickle.HIGHEST_PROTOCOL) if cache or pickled else b""
    if cache:
        from tracker._infra import cache as _cache

        _cache.put_ledger(path, data, loader.files.hashes, loader.files.listings)
    return data if pickled else ledger
