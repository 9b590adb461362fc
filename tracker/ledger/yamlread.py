"""Read a YAML file as plain nodes with positions, constructing nothing.

PyYAML's parser (the C one where available) gives a stream of events; we build
light nodes from it ourselves, so no tag is ever constructed, duplicate keys are
caught instead of silently overwritten, and every value keeps its line and column.
Scalars stay as their raw text: the field that receives one decides what it
means, which avoids YAML 1.1 surprises (`no` is Norwegian, not false).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tracker.errors import Problem

try:  # the C parser is much faster; fall back to pure Python
    from yaml import CSafeLoader as _Base
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Base

_Loader = _Base  # only its event stream is used: nothing is resolved or constructed

# Plain tags a curator may write explicitly; anything else is refused.
_STANDARD = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_STANDARD + t for t in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")}
MAX_NODES = 10_000_000  # keys and values in one file (a 100,000-figure ledger has about 2.3 million)
MAX_ALIASED = 100_000  # values repeated through aliases: a real ledger needs few
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
    duplicates: list = field(default_factory=list)  # (mapping, repeated key Scalar, first key Scalar)


# one ledger file: 100,000 figures of the shipped ledger's kind (700 bytes each) take 70 MB
MAX_FILE_BYTES = 128 * 2**20


def read_text(path: Path, problems: list[Problem], digests: list | None = None) -> str | None:
    """The file's text as UTF-8, or None with a problem recorded; appends (path, sha256 of the bytes
    read) to `digests` when given."""
    label = str(path)
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)  # bounded: /dev/zero or a runaway file is refused, not read
    except FileNotFoundError:
        problems.append(Problem(label, 0, 0, "file not found; check the path or pass --ledger PATH"))
        return None
    except IsADirectoryError:
        problems.append(Problem(label, 0, 0, "is a directory, expected a YAML file"))
        return None
    except OSError as exc:
        problems.append(Problem(label, 0, 0, f"cannot read file: {exc.strerror}"))
        return None
    if len(data) > MAX_FILE_BYTES:
        problems.append(Problem(label, 0, 0, f"larger than {MAX_FILE_BYTES // 2**20} MB, more than any ledger file "
                                             "needs; split it into files in one folder, or check the path"))
        return None
    if b"\0" in data[:4096]:
        problems.append(Problem(label, 0, 0, "holds NUL bytes: not a YAML text file; check the path"))
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
    """The root node of every document in the file ('---' separates them); [] on error.

    Nodes are built straight from the C parser's events: no PyYAML node graph is held,
    nothing is constructed, an alias costs the size of what it repeats, and nesting is
    tracked without recursion."""
    loader = _Loader(text)
    walk = _Walk(path, problems)
    docs: list = []
    try:
        docs = _compose(loader, walk)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problems.append(Problem(path, line, col, syntax_message(exc, text, line)))
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
    finally:
        loader.dispose()
    problems.extend(_duplicate_problems(walk))
    if not docs:
        problems.append(Problem(path, 1, 1, "file is empty; a ledger starts with 'version: 1'"))
    return docs


def syntax_message(exc, text: str, line: int) -> str:
    """A YAML syntax error in the ledger's terms, with the fix."""
    what = exc.problem or "malformed YAML"
    raw = (exc.context or "") + " " + what
    source = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    if "mapping values are not allowed" in what:
        lines = text.splitlines()
        above = next((ln for ln in reversed(lines[:line - 1]) if ln.strip() and not ln.lstrip().startswith("#")), "")
        indent, above_indent = len(source) - len(source.lstrip(" ")), len(above) - len(above.lstrip(" "))
        above_field = above.strip().lstrip("- ")
        if re.match(r"[\w-]+:\s*$", source.strip().split(": ")[0] + ":") and indent > above_indent and \
                re.match(r"[\w-]+: \S", above_field) and above.lstrip().startswith(("- ", above_field)):
            first = above_indent + (2 if above.lstrip().startswith("- ") else 0)
            return (f"YAML syntax error: this field is indented {indent} spaces, more than the field above it "
                    f"({first}); line it up under that field: write it with {first} spaces")
        key, _, value = source.strip().lstrip("- ").partition(": ")
        example = f' (write {key}: "{value.strip()}")' if key and value and '"' not in value else ""
        return ("YAML syntax error: this text holds ': ', which YAML reads as the start of another field; put "
                f"the whole text in double quotes{example}")
    if "expected '-' indicator" in what or ("expected <block end>" in what and "block collection" in raw):
        return ("YAML syntax error: this line is not indented like the list items around it; each figure starts "
                "with '  - ' and its fields line up under its first field")
    if "could not find expected ':'" in what:
        return ("YAML syntax error: a line without 'field: value' (a text that runs onto the next line?); keep "
                "the text on one line in double quotes, or write 'quote: >-' and indent the lines under it")
    if "found character '\\t'" in what or "\t" in what:
        return "YAML syntax error: a tab; YAML indents with spaces only"
    if "found unexpected end of stream" in what or "found unexpected end" in raw:
        return "YAML syntax error: a quote is opened and never closed; close it with the same quote mark"
    return f"YAML syntax error: {what}" + (f" ({exc.context})" if exc.context else "")


def _duplicate_problems(walk: _Walk) -> list[Problem]:
    """Repeated keys; a figure written without its '- ' (several of its keys repeat, 'id' among them)
    is said once, where the new figure starts."""
    by_map: dict[int, list] = {}
    for node, key, first in walk.duplicates:
        by_map.setdefault(id(node), []).append((key, first))
    out = []
    for found in by_map.values():
        ids = [(k, f) for k, f in found if k.raw == "id"]
        if ids and len(found) >= 2:
            key, first = ids[0]
            out.append(Problem(walk.path, key.line, key.col, f"a new entry starts here without its '- ' (its "
                               f"{len(found)} fields repeat those of the entry at line {first.line}); write "
                               f"'- id: ...' on this line, lined up with the '-' at line {first.line}"))
            continue
        for key, first in found:
            out.append(Problem(walk.path, key.line, key.col, f"duplicate key '{key.raw}' (first at line "
                               f"{first.line}); YAML would silently keep only the last one: remove or rename one"))
    return out


class _Refused:
    """What stands under a refused tag: read past, kept out of the document."""

    __slots__ = ("line", "col")

    def __init__(self, line: int, col: int):
        self.line, self.col = line, col


class _Open:
    """A mapping or sequence being built, with its anchor, a key waiting for its value, and its size."""

    __slots__ = ("node", "anchor", "key", "size")

    def __init__(self, node, anchor):
        self.node, self.anchor, self.key, self.size = node, anchor, None, 1


_BAD_KEY = Scalar("", False, 0, 0)


# Long on purpose: one loop over the parser's events with an explicit stack (no recursion, so a deeply
# nested file cannot overflow it); splitting it would pass the stack and counters around for nothing.
def _compose(loader, walk: _Walk) -> list:
    docs: list = []
    anchors: dict[str, tuple] = {}  # anchor -> (node, subtree size)
    open_anchors: set[str] = set()
    stack: list[_Open] = []
    deep_reported = False
    while True:
        event = loader.get_event()
        kind = type(event)
        if kind is yaml.StreamEndEvent:
            return docs
        if kind is yaml.DocumentStartEvent:
            anchors.clear()
            continue
        if kind is yaml.StreamStartEvent or kind is yaml.DocumentEndEvent:
            continue
        line, col = event.start_mark.line + 1, event.start_mark.column + 1
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            frame = stack.pop()
            if isinstance(frame.node, Seq):
                frame.node.items = tuple(frame.node.items)
            if frame.anchor:
                anchors[frame.anchor] = (frame.node, frame.size)
                open_anchors.discard(frame.anchor)
            node, size = frame.node, frame.size
        else:
            node, size = None, 1
            tag = getattr(event, "tag", None)
            refused = tag is not None and tag != "!" and tag not in _ALLOWED_TAGS
            if refused:
                walk.problems.append(Problem(walk.path, line, col, f"tag '{_short_tag(tag)}' is not allowed; "
                                             "only plain YAML is read, remove the tag"))
            if kind is yaml.AliasEvent:
                if event.anchor in open_anchors:
                    walk.problems.append(Problem(walk.path, line, col, "an alias refers to itself; remove the cycle"))
                elif event.anchor not in anchors:
                    walk.problems.append(Problem(walk.path, line, col, f"alias '*{event.anchor}' has no anchor "
                                                 f"'&{event.anchor}' before it"))
                else:
                    node, size = anchors[event.anchor]
                    walk.aliased -= size
                    if walk.aliased < 0:
                        if walk.aliased + size >= 0:
                            walk.problems.append(Problem(walk.path, line, col, f"aliases repeat more than "
                                                         f"{MAX_ALIASED:,} values (an alias bomb?); write the "
                                                         "values out"))
                        node = None
            elif kind is yaml.ScalarEvent:
                node = _Refused(line, col) if refused else Scalar(event.value, event.style not in (None, ""),
                                                                    line, col)
                if event.anchor:
                    anchors[event.anchor] = (node, 1)
            else:  # the start of a mapping or a sequence
                if len(stack) >= MAX_DEPTH and not deep_reported:
                    walk.problems.append(Problem(walk.path, line, col, f"nested deeper than {MAX_DEPTH} levels"))
                    deep_reported = True
                container = _Refused(line, col) if refused else \
                    Map({}, line, col) if kind is yaml.MappingStartEvent else Seq([], line, col)
                if event.anchor:
                    open_anchors.add(event.anchor)
                stack.append(_Open(container, event.anchor))
                continue
        walk.budget -= size
        if walk.budget < 0 and walk.budget + size >= 0:
            walk.problems.append(Problem(walk.path, line, col, f"document expands to more than {MAX_NODES:,} "
                                         "values; split the ledger into several files"))
        if isinstance(node, _Refused):
            node = None
        if not stack:
            docs.append(node)
            continue
        parent = stack[-1]
        parent.size += size
        if isinstance(parent.node, _Refused):
            continue
        if isinstance(parent.node, Seq):
            parent.node.items.append(node)
        elif parent.key is None:  # this node is a key
            if isinstance(node, Scalar):
                parent.key = node
            else:
                walk.problems.append(Problem(walk.path, line, col, "a key must be plain text"))
                parent.key = _BAD_KEY
        else:
            key, parent.key = parent.key, None
            if key is _BAD_KEY:
                continue
            items = parent.node.items
            if key.raw == "<<" and not key.quoted:
                walk.problems.append(Problem(walk.path, key.line, key.col, "merge keys ('<<') are not supported; "
                                             "write the fields out"))
            elif key.raw in items:
                walk.duplicates.append((parent.node, key, items[key.raw][0]))
            else:
                items[key.raw] = (key, node)


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
