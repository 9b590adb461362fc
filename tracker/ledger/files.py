"""Finding a ledger's files: one file, a directory of them, includes and globs, extra YAML documents.

`LedgerFiles.read(path, on_document)` calls `on_document(node, path, label, root)` for
every YAML document of every file, in reading order, and records what the cache needs
to tell whether anything changed (each file's hash, each directory or glob listing).
"""

from __future__ import annotations

import glob
import hashlib
from collections.abc import Callable
from pathlib import Path

from tracker.errors import Problem
from tracker.ledger.yamlread import Map, Scalar, Seq, parse_all, read_text

YAML_SUFFIXES = (".yaml", ".yml")


def listing(kind: str, pattern: str) -> list[str]:
    """The files a directory ledger or an include glob stands for, in the order they are read."""
    if kind == "dir":
        return sorted(str(p) for p in Path(pattern).rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file())
    return sorted(glob.glob(pattern, recursive=True))


def node_pos(node, fallback: Scalar | None) -> tuple[int, int]:
    """Where a YAML node stands (line, column), else where its key does, else (0, 0)."""
    if node is not None and hasattr(node, "line"):
        return node.line, node.col
    if fallback is not None:
        return fallback.line, fallback.col
    return 0, 0


class LedgerFiles:
    """Reads every file of a ledger once, in order, reporting problems to `problems`."""

    def __init__(self, problems: list[Problem], overrides: dict | None = None):
        self.problems = problems
        self.overrides = {Path(k).resolve(): v for k, v in (overrides or {}).items()}  # path -> text to read instead
        self.files: list[str] = []
        self.digest = hashlib.sha256()
        self.reading: set[Path] = set()
        self.hashes: list[tuple[str, str]] = []  # (resolved path, sha256 of the bytes parsed), for the cache
        self.listings: list = []  # (kind, pattern, [paths]) for directories and globs, for the cache

    def problem(self, path: str, pos: tuple[int, int], message: str) -> None:
        self.problems.append(Problem(path, pos[0], pos[1], message))

    def read(self, path: Path, on_document: Callable) -> None:
        self.on_document = on_document
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
        label = str(path)
        try:
            resolved = path.resolve()
        except (RuntimeError, OSError) as exc:  # a symlink loop
            where = included_at or (label, 0, 0)
            self.problem(where[0], where[1:], f"cannot be resolved ({exc}); point the link at a ledger file")
            return
        if resolved in self.reading or str(path) in self.files:
            where = included_at or (label, 0, 0)
            self.problem(where[0], where[1:], f"'{label}' is included twice or includes itself; remove one include")
            return
        text = self.overrides[resolved] if resolved in self.overrides else read_text(path, self.problems, self.hashes)
        if text is None:
            return
        self.files.append(label)
        self.digest.update(label.encode() + b"\0" + text.encode() + b"\0")
        self.reading.add(resolved)
        try:
            # Later documents in a file (after '---') are parts, like included files: this is
            # how `tracker extract --append` adds to a ledger without touching a byte of it.
            for n, node in enumerate(parse_all(text, label, self.problems)):
                empty = node is None or (isinstance(node, Scalar) and not node.quoted and not node.raw.strip())
                if n > 0 and empty:
                    continue  # a later document of comments only (e.g. candidates left as comments)
                if not isinstance(node, Map):
                    what = "a list" if isinstance(node, Seq) else "a single value" if node else "empty"
                    pos = (node.line, node.col) if node is not None else (1, 1)
                    self.problem(label, pos, "a ledger file is a mapping (version, indicators, sources, events, "
                                 f"figures), not {what}")
                    continue
                self.on_document(node, path, label, root and n == 0)
                if "include" in node.items:
                    self.includes(node.items["include"], path, label)
        finally:
            self.reading.discard(resolved)

    def includes(self, item, path: Path, label: str) -> None:
        k, v = item
        names = [v] if isinstance(v, Scalar) else list(v.items) if isinstance(v, Seq) else None
        if names is None:
            self.problem(label, node_pos(v, k), "include must be a file name or a list of them")
            return
        for name in names:
            if not isinstance(name, Scalar) or not name.raw.strip():
                self.problem(label, node_pos(name, k), "include entries must be file names or globs")
                continue
            if glob.has_magic(name.raw) and (Path(name.raw).is_absolute() or ".." in Path(name.raw).parts):
                self.problem(label, (name.line, name.col), f"include '{name.raw}' would search outside the "
                             "ledger's folder (a glob like '/**/*.yaml' walks the whole disk); write a glob relative "
                             "to the ledger, without '..', or name the files")
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
