"""A cache of validated ledgers and per-indicator results, keyed by content.

Entries live in the user's cache directory (TRACKER_CACHE_DIR, else
$XDG_CACHE_HOME/tracker, else ~/.cache/tracker), never beside the ledger: they
are pickles, and a pickle from someone else's repository would be code. Set
TRACKER_NO_CACHE=1 to bypass it. A ledger entry records the hash of every file
read and every directory or glob listing; any difference is a miss, so an edit,
a rename or a new included file is never served stale. Every write is atomic; none waits for the
disk (fsync): what a power cut could damage fails its hash when read, and is a miss.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import operator
import os
import pickle
from pathlib import Path

from tracker._infra.files import atomic_write

FORMAT = "1"


def cache_dir() -> Path | None:
    """Where entries live, or None when caching is off."""
    if os.environ.get("TRACKER_NO_CACHE"):
        return None
    base = os.environ.get("TRACKER_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "tracker" if xdg else Path.home() / ".cache" / "tracker"


# Libraries whose versions shape a cached result (numbers, fits, drawings, YAML reading).
LIBRARIES = ("numpy", "pandas", "scipy", "statsmodels", "matplotlib", "pyyaml")


@functools.cache
def code_hash() -> str:
    """A hash of every source file of the package and the versions of the libraries that shape results,
    so any change of code, wherever it lives, invalidates what the old code made."""
    from importlib import metadata

    from tracker import __version__

    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256(f"{FORMAT}|{__version__}".encode())
    for path in sorted(root.rglob("*.py")):
        h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    for lib in LIBRARIES:
        try:
            h.update(f"{lib}={metadata.version(lib)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{lib}=none".encode())
    return h.hexdigest()


def file_hash(path: str | Path) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def _ledger_slot(root: Path, d: Path) -> tuple[Path, Path]:
    key = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:32]
    return d / f"ledger-{key}.json", d / f"ledger-{key}.pickle"


def get_ledger(path: str | Path, listing):
    """The cached ledger for `path` if every file and listing it was read from is unchanged.

    `listing(kind, pattern)` recomputes a directory or glob listing as the loader does."""
    d = cache_dir()
    if d is None:
        return None
    meta_path, data_path = _ledger_slot(Path(path), d)
    try:
        meta = json.loads(meta_path.read_text())
        if meta.get("code") != code_hash():
            return None
        for name, digest in meta["files"]:
            if file_hash(name) != digest:
                return None
        for kind, pattern, names in meta["listings"]:
            if listing(kind, pattern) != names:
                return None
        data = data_path.read_bytes()
        if hashlib.sha256(data).hexdigest() != meta["pickle"]:
            return None  # damaged or from an interrupted write
        return pickle.loads(data)
    except (OSError, ValueError, KeyError, TypeError, pickle.UnpicklingError, EOFError, AttributeError):
        return None


def put_ledger(path: str | Path, data: bytes, files: list[tuple[str, str]], listings: list) -> None:
    """Store a ledger, given pickled (`data`), with the hashes of the files and listings it was read from."""
    d = cache_dir()
    if d is None:
        return
    meta_path, data_path = _ledger_slot(Path(path), d)
    try:
        atomic_write(data_path, data, durable=False)
        meta = {"code": code_hash(), "files": files,
                "listings": listings, "pickle": hashlib.sha256(data).hexdigest()}
        atomic_write(meta_path, json.dumps(meta).encode(), durable=False)
    except OSError:
        pass  # a cache that cannot be written is only slower


def get(kind: str, key: str):
    """A cached result by content key, or None."""
    d = cache_dir()
    if d is None:
        return None
    try:
        data = (d / kind / f"{key}.pickle").read_bytes()
        digest, payload = data[:64], data[64:]
        if hashlib.sha256(payload).hexdigest().encode() != digest:
            return None
        return pickle.loads(payload)
    except (OSError, ValueError, pickle.UnpicklingError, EOFError, AttributeError):
        return None


def put(kind: str, key: str, value) -> None:
    d = cache_dir()
    if d is None:
        return
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        atomic_write(d / kind / f"{key}.pickle", hashlib.sha256(payload).hexdigest().encode() + payload,
                     durable=False)
    except OSError:
        pass


def _clean(obj):
    """A figure's content without where it sits in a file, so moving lines changes no key."""
    return _content(type(obj))(obj)


@functools.cache
def _content(cls):
    """The fields of a dataclass other than its place in a file, read in one call (a copy without them and
    its repr took three times as long, for every figure of every indicator)."""
    names = [f.name for f in dataclasses.fields(cls) if f.name not in ("file", "line")]
    return operator.attrgetter(*names)


def series_keys(ledger, series_by_id: dict, extra: str, scopes: dict) -> dict:
    """`series_key` of each indicator in `scopes` (id -> scope), each figure and source read once."""
    memo = _Contents(ledger)
    return {i: series_key(ledger, series_by_id[i], extra, scope, memo) for i, scope in scopes.items()}


class _Contents:
    """Each figure's and source's content as bytes, read once; each release's figures from more than one
    indicator."""

    def __init__(self, ledger):
        self.ledger = ledger
        self.figures: dict[str, bytes] = {}
        self.sources: dict[str, bytes] = {}
        self._shared: dict | None = None
        self._definitions: bytes | None = None

    def definitions(self) -> bytes:
        """Every indicator's fields (a figure's definition is checked against all of them), once."""
        if self._definitions is None:
            self._definitions = repr(sorted(self.ledger.indicators.items())).encode()
        return self._definitions

    def figure(self, f) -> bytes:
        b = self.figures.get(f.id)
        if b is None:
            b = self.figures[f.id] = repr(_clean(f)).encode()
        return b

    def source(self, sid: str) -> bytes:
        b = self.sources.get(sid)
        if b is None:
            b = self.sources[sid] = repr(self.ledger.sources[sid]).encode()
        return b

    def mates(self, series) -> list[bytes]:
        """The content of the other indicators' figures in the releases of `series`' figures, in id order."""
        if self._shared is None:  # once: each accepted figure's releases that hold other indicators
            self._shared = {}
            for figs in self.ledger.releases.values():
                if len({f.indicator for f in figs}) > 1:
                    for f in figs:
                        self._shared.setdefault(f.id, []).append(figs)
        own, found = series.indicator.id, {}
        for p in series.points:
            for figs in self._shared.get(p.id, ()):
                for g in figs:
                    if g.indicator != own:
                        found[g.id] = g
        for p in (*series.candidates, *series.rejected):  # not in a release themselves, but they name one
            for key in self.ledger.release_keys(p.figure):
                for g in self.ledger.releases.get(key, ()):
                    if g.indicator != own:
                        found[g.id] = g
        return [self.figure(found[gid]) for gid in sorted(found)]


def series_key(ledger, series, extra: str = "", scope: str = "series", memo: _Contents | None = None) -> str:
    """A key for everything a result about one indicator is made from, as wide as the widest scope of the
    checks run on it (tracker.checks.base): the indicator, its figures (not their place in the file), their
    sources, the events that cover it, every indicator's definition and `extra`; for "siblings", the figures of
    the other indicators of its country and producer; for "release", those and the other indicators' figures
    published in the same releases; for "ledger", the whole ledger."""
    memo = memo or _Contents(ledger)
    h = hashlib.sha256(f"{extra}|{series.indicator!r}".encode())
    h.update(memo.definitions())
    if scope == "ledger":
        h.update(ledger.content_hash.encode())
    if scope in ("siblings", "release"):  # the producer's other counts, which support reads
        for sid in ledger.siblings(series.indicator.id):
            for p in ledger.series[sid].points:  # the accepted, dated figures support reads
                h.update(memo.figure(p.figure) + memo.source(p.figure.source))
    if scope == "release":
        for content in memo.mates(series):
            h.update(content)
    for p in (*series.points, *series.candidates, *series.rejected):
        h.update(b"(" + memo.figure(p.figure) + b", " + repr(p.echo_of).encode() + b")")  # repr((figure, echo_of))
        h.update(memo.source(p.figure.source))
    for f in (*series.relative, *series.undated):
        h.update(memo.figure(f))
        h.update(memo.source(f.source))
    for e in ledger.events_for(series.indicator.id):
        h.update(repr(e).encode())
    return h.hexdigest()
