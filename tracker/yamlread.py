"""Read a YAML file as plain nodes with positions, constructing nothing.

PyYAML's composer (the C one where available) builds a node graph; we walk it
ourselves, so no tag is ever constructed, duplicate keys are caught instead of
silently overwritten, and every value keeps its line and column for messages.
Scalars stay as their raw text: the field that receives one decides what it
means, which avoids YAML 1.1 surprises (`no` is Norwegian, not false).
"""

from __future__ import annotations

from dataclasses import dataclass, field
import re
from pathlib import Path

import yaml

from tracker.errors import Problem

try:  # the C parser is much faster; fall back to pure Python
    from yaml import CSafeLoader as _Base
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Base

_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


class _Loader(_Base):
    """Composes nodes without guessing scalar types: fields decide what their text means.
    Explicit tags (`!!python/object`, `!foo`) are not resolved, so they still reach the check."""

    def resolve(self, kind, value, implicit):
        return _STR if kind is yaml.ScalarNode else _SEQ if kind is yaml.SequenceNode else _MAP

# Plain tags a curator may write explicitly; anything else is refused.
_STANDARD = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_STANDARD + t for t in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")}
# Aliases can make a small file expand to an enormous tree (an "alias bomb").
MAX_NODES = 2_000_000
MAX_ALIASED = 100_000  # values reached again through aliases: a real ledger needs few
MAX_DEPTH = 64


class _Node:
    __slots__ = ()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={getattr(self, k)!r}' for k in self.__slots__)})"

    def __eq__(self, other) -> bool:
        return type(self) is type(other) and all(getattr(self, k) == getattr(other, k) for k in self.__slots__)


class Scalar(_Node):
    """A scalar's raw text; quoted is True for quoted and block scalars."""

    __slots__ = ("raw", "quoted", "line", "col")

    def __init__(self, raw: str, quoted: bool, line: int, col: int):
        self.raw, self.quoted, self.line, self.col = raw, quoted, line, col


class Seq(_Node):
    __slots__ = ("items", "line", "col")

    def __init__(self, items: tuple, line: int, col: int):
        self.items, self.line, self.col = items, line, col


class Map(_Node):
    """key -> (key Scalar, value node), in file order."""

    __slots__ = ("items", "line", "col")

    def __init__(self, items: dict, line: int, col: int):
        self.items, self.line, self.col = items, line, col


@dataclass
class _Walk:
    path: str
    problems: list
    budget: int = MAX_NODES
    aliased: int = MAX_ALIASED
    stack: set = field(default_factory=set)
    seen: set = field(default_factory=set)


def read_text(path: Path, problems: list[Problem], digests: list | None = None) -> str | None:
    """The file's text as UTF-8, or None with a problem recorded; appends (path, sha256 of the bytes
    read) to `digests` when given."""
    label = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(label, 0, 0, "file not found; check the path or pass --ledger PATH"))
        return None
    except IsADirectoryError:
        problems.append(Problem(label, 0, 0, "is a directory, expected a YAML file"))
        return None
    except OSError as exc:
        problems.append(Problem(label, 0, 0, f"cannot read file: {exc.strerror}"))
        return None
    if digests is not None:
        import hashlib

        digests.append((str(path.resolve()), hashlib.sha256(data).hexdigest()))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        problems.append(
            Problem(label, line, col, f"byte 0x{data[exc.start]:02x} is not UTF-8; save the file as UTF-8")
        )
        return None


def parse(text: str, path: str, problems: list[Problem]):
    """The first document's root node (Map, Seq or Scalar), or None on error."""
    docs = parse_all(text, path, problems)
    return docs[0] if docs else None


def parse_all(text: str, path: str, problems: list[Problem]) -> list:
    """The root node of every document in the file ('---' separates them); [] on error."""
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or "malformed YAML"
        if exc.context:
            what = f"{what} ({exc.context})"
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problems.append(Problem(path, line, col, f"YAML syntax error: {what}"))
        return []
    except yaml.YAMLError as exc:  # reader errors: control characters and the like
        pos = getattr(exc, "position", None)
        if pos is not None:
            before = text[:pos]
            line, col = before.count("\n") + 1, pos - (before.rfind("\n") + 1) + 1
        else:
            line, col = 0, 0
        char = getattr(exc, "character", None)
        what = f"character {char!r} is not allowed in YAML" if char is not None else str(exc)
        problems.append(Problem(path, line, col, f"{what}; remove it"))
        return []
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        problems.append(Problem(path, 1, 1, "file is empty; a ledger starts with 'version: 1'"))
        return []
    walk = _Walk(path, problems)  # one budget for the whole file
    return [_convert(n, walk, 0) for n in nodes]


def _convert(node, walk: _Walk, depth: int):
    walk.budget -= 1
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    if walk.budget < 0:
        if walk.budget == -1:
            walk.problems.append(
                Problem(walk.path, line, col, f"document expands to more than {MAX_NODES:,} values "
                        "(aliases repeated too often?); write the values out")
            )
        return None
    if id(node) in walk.seen:  # reached again through an alias
        walk.aliased -= 1
        if walk.aliased < 0:
            if walk.aliased == -1:
                walk.problems.append(Problem(walk.path, line, col, f"aliases repeat more than {MAX_ALIASED:,} "
                                             "values (an alias bomb?); write the values out"))
            return None
    else:
        walk.seen.add(id(node))
    if depth > MAX_DEPTH:
        walk.problems.append(Problem(walk.path, line, col, f"nested deeper than {MAX_DEPTH} levels"))
        return None
    tag = node.tag
    if tag not in _ALLOWED_TAGS:
        walk.problems.append(
            Problem(walk.path, line, col, f"tag '{_short_tag(tag)}' is not allowed; only plain YAML is read, "
                    "remove the tag")
        )
        return None
    if isinstance(node, yaml.ScalarNode):
        return Scalar(node.value, node.style not in (None, ""), line, col)
    if id(node) in walk.stack:
        walk.problems.append(Problem(walk.path, line, col, "an alias refers to itself; remove the cycle"))
        return None
    walk.stack.add(id(node))
    try:
        if isinstance(node, yaml.SequenceNode):
            return Seq(tuple(_convert(n, walk, depth + 1) for n in node.value), line, col)
        items: dict = {}
        for knode, vnode in node.value:
            kline, kcol = knode.start_mark.line + 1, knode.start_mark.column + 1
            if not isinstance(knode, yaml.ScalarNode):
                walk.problems.append(Problem(walk.path, kline, kcol, "a key must be plain text"))
                continue
            if knode.value == "<<" and knode.style in (None, ""):
                walk.problems.append(
                    Problem(walk.path, kline, kcol, "merge keys ('<<') are not supported; write the fields out")
                )
                continue
            key = knode.value
            if key in items:
                first = items[key][0]
                walk.problems.append(
                    Problem(walk.path, kline, kcol, f"duplicate key '{key}' (first at line {first.line}); "
                            "YAML would silently keep only the last one: remove or rename one")
                )
                continue
            items[key] = (Scalar(key, False, kline, kcol), _convert(vnode, walk, depth + 1))
        return Map(items, line, col)
    finally:
        walk.stack.discard(id(node))


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_STANDARD):] if tag.startswith(_STANDARD) else tag


_CORE_INT = re.compile(r"^[-+]?[0-9]+$")
_CORE_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")


def to_plain(node):
    """The node as JSON-like data under YAML 1.2's core schema (what editors and JSON Schema see)."""
    if node is None:
        return None
    if isinstance(node, Map):
        return {k: to_plain(v) for k, (_, v) in node.items.items()}
    if isinstance(node, Seq):
        return [to_plain(v) for v in node.items]
    raw = node.raw
    if node.quoted:
        return raw
    if raw in ("", "~", "null", "Null", "NULL"):
        return None
    if raw in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return raw.lower() == "true"
    if _CORE_INT.match(raw):
        return int(raw)
    if _CORE_FLOAT.match(raw):
        return float(raw)
    return raw
