"""Edit figures in a curator's ledger file without touching any other byte of it.

Only the lines of the edited figure are rewritten: they are cut out, read and written back with
ruamel.yaml's round-trip mode (their comments, quoting and flow or block style kept), and put back in
place. A candidate the extractor could only write as a comment (no indicator fitted, or no period) is
uncommented where it stands. The whole ledger is validated with the new text before the file is
atomically replaced under the same lock as appends; a change that would make it invalid is refused with
the loader's problems, and the file is left as it was.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tracker._infra.files import atomic_write
from tracker.errors import LedgerError, TrackerError
from tracker.ledger.append import locked_files, real_path

EDITABLE = ("indicator", "qualifier", "value", "low", "high", "as_of", "period", "claimant", "status", "note")


class EditError(TrackerError):
    """An edit that cannot be made: an unknown id, or a change the ledger would refuse."""


@dataclass(frozen=True)
class Edit:
    """What to change on one figure: field -> new value (None removes the field)."""

    id: str
    changes: dict


def _block(lines: list[str], start: int) -> tuple[int, int, int]:
    """The figure's lines [start, end) from its '- ' line (0-based) and the column of its dash."""
    dash = len(lines[start]) - len(lines[start].lstrip(" "))
    end = start + 1
    while end < len(lines):
        text = lines[end]
        stripped = text.strip()
        indent = len(text) - len(text.lstrip(" "))
        if stripped and indent <= dash and not (stripped.startswith("#") and indent > dash):
            break
        end += 1
    while end > start + 1 and (not lines[end - 1].strip() or
                               (lines[end - 1].lstrip().startswith("#") and
                                len(lines[end - 1]) - len(lines[end - 1].lstrip(" ")) <= dash + 2)):
        end -= 1  # trailing blank lines and comments belong to what follows
    return start, end, dash


def _yaml():
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never fold a quote onto a second line
    y.indent(mapping=2, sequence=2, offset=0)
    return y


def _rewrite(block: list[str], dash: int, changes: dict) -> list[str]:
    """The figure's lines with `changes` applied, in its own style, line endings and trailing comment."""
    y = _yaml()
    eol = _eol(block[0])
    # characters ruamel reads as line breaks stand in private-use characters while it reads and writes
    hidden = {c: chr(0xE000 + ord(c) % 0x1000) for c in _BREAKS if any(c in line for line in block)}
    block = [_swap(line.rstrip("\r\n"), hidden) + "\n" for line in block]
    comment = _FLOW_COMMENT.match(block[0].rstrip("\n")) if len(block) == 1 else None
    if comment:  # ruamel drops a flow mapping's trailing comment (and cannot read a tab before it)
        block = [comment.group(1) + "\n"]
    block = [_TAB_COMMENT.sub(" #", line) for line in block]  # nor a tab before a comment: a space
    text = "".join(line[dash:] if line.strip() else line.lstrip(" ") for line in block)
    (figure,) = y.load(text)
    for key, value in changes.items():
        if value is None:
            figure.pop(key, None)
        elif key in figure:
            figure[key] = value
        else:
            _insert(figure, key, value)
    out = io.StringIO()
    y.dump([figure], out)
    new = [(" " * dash + line if line.strip() else line) for line in out.getvalue().splitlines(keepends=True)]
    if comment:
        new[-1] = new[-1].rstrip("\n") + comment.group(2) + "\n"
    back = {v: k for k, v in hidden.items()}
    return [_swap(line.rstrip("\n"), back) + eol for line in new]


_BREAKS = "\u0085\u2028\u2029"  # YAML 1.1 line breaks (PyYAML, and ruamel's reader) that a quote may hold


def _swap(text: str, table: dict) -> str:
    for a, b in table.items():
        text = text.replace(a, b)
    return text


# a flow-style figure on one line, and the comment after its closing brace
_FLOW_COMMENT = re.compile(r"^(\s*-\s*\{.*\})(\s+#.*)$")
_TAB_COMMENT = re.compile(r"[ \t]*\t[ \t]*#(?=[^'\"]*$)")


def _insert(figure, key: str, value) -> None:
    """Add a field in the order of the format (after the last field that comes before it)."""
    from tracker.ledger.fields import FIGURE

    order = list(FIGURE)
    rank = order.index(key) if key in order else len(order)
    pos = sum(1 for k in figure if (order.index(k) if k in order else len(order)) <= rank)
    figure.insert(pos, key, value)


def _quoted(value):
    """Text values as double-quoted YAML; ids, words, numbers and dates plain."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return date.fromisoformat(value)  # written as a plain date, as curators write them
    if isinstance(value, str) and not re.fullmatch(r"[A-Za-z0-9_.-]+", value):
        return DoubleQuotedScalarString(value)
    return value


def _uncomment(lines: list[str], fid: str) -> int | None:
    """Uncomment the extractor's commented candidate `fid` in place; its first line, or None if absent."""
    head = re.compile(r"^(\s*)# - id: " + re.escape(fid) + r"\s*$")
    for i, line in enumerate(lines):
        m = head.match(line.rstrip("\r\n"))
        if not m:
            continue
        pad = m.group(1)
        j = i
        while j < len(lines) and (j == i or lines[j].startswith(pad + "#   ")):
            lines[j] = pad + lines[j][len(pad) + 2:]
            j += 1
        if i > 0 and lines[i - 1].lstrip().startswith("# ") and lines[i - 1].rstrip().endswith(":") and \
                lines[i - 1].startswith(pad + "# "):
            del lines[i - 1]  # the comment that said why it was left out
            i -= 1
        doc_start = max((k for k in range(i) if lines[k].rstrip() == "---"), default=-1) + 1
        if not any(lines[k].startswith("figures:") for k in range(doc_start, i)):
            lines.insert(i, "figures:" + _eol(lines[i]))
            i += 1
        return i
    return None


def edit(ledger_path: str | Path, edits: list[Edit], today: date | None = None) -> list[str]:
    """Apply `edits` to the figures of the ledger at `ledger_path`; return the files written.

    Raises EditError for an unknown id, and for a result the ledger refuses (nothing is written then)."""
    from tracker.ledger.dates import DateError, parse_span
    from tracker.ledger.loader import load

    ledger_path = Path(ledger_path)
    for e in edits:
        bad = [k for k in e.changes if k not in EDITABLE]
        if bad:
            raise EditError(f"'{bad[0]}' cannot be edited here; edit it in the file (editable: {', '.join(EDITABLE)})")
        for key in ("as_of", "period"):
            if isinstance(e.changes.get(key), str):
                try:
                    parse_span(e.changes[key])
                except DateError as exc:
                    raise EditError(f"{key}: {exc}") from None
    files_of = load(ledger_path, today=today).files
    while True:  # read again under the locks of every file of the ledger: another writer may have been first
        with locked_files(files_of):
            ledger = load(ledger_path, today=today)
            if {real_path(f) for f in ledger.files} <= {real_path(f) for f in files_of}:
                return _edit_locked(ledger_path, ledger, edits, today)
        files_of = ledger.files  # a file was included meanwhile: lock it too


def _edit_locked(ledger_path: Path, ledger, edits: list[Edit], today) -> list[str]:
    from tracker.ledger.loader import load

    by_id = {f.id: f for f in ledger.figures}
    files: dict[Path, list[str]] = {}
    # From the bottom of each file up, so an edit never moves the lines of one still to come; the
    # extractor's commented candidates, found by their text, last.
    edits = sorted(edits, key=lambda e: (e.id not in by_id, by_id[e.id].file if e.id in by_id else "",
                                         -(by_id[e.id].line if e.id in by_id else 0)))
    for e in edits:
        f = by_id.get(e.id)
        if f is not None:
            path = Path(f.file)
            lines = files.setdefault(path, _lines(path))
            start = _find(lines, f.line - 1, e.id)
        else:
            path, lines, start = _commented(ledger, files, e.id)
        begin, end, dash = _block(lines, start)
        changes = {k: _kept(f, k, v) for k, v in e.changes.items()}
        if f is not None and changes.get("indicator") not in (None, f.indicator) and "note" not in changes:
            rechosen = _rechosen(f.note or "", f.indicator, changes["indicator"])
            if rechosen:
                changes["note"] = rechosen
        lines[begin:end] = _rewrite(lines[begin:end], dash, {k: _quoted(v) for k, v in changes.items()})
    texts = {path: "".join(lines) for path, lines in files.items()}
    try:
        load(ledger_path, today=today, overrides=texts)
    except LedgerError as exc:
        raise EditError("the edit was refused, the ledger is unchanged:\n" + exc.summary()) from None
    for path, text in texts.items():
        _replace(real_path(path), text)
    return [str(p) for p in texts]


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _lines(path: Path) -> list[str]:
    """A file's lines with their own endings (CRLF, CR or LF), split at those only: a U+2028 or U+0085 in
    a quote is text, not a line break."""
    text = path.read_bytes().decode("utf-8")
    return _LINE.findall(text)


def _eol(line: str) -> str:
    return "\r\n" if line.endswith("\r\n") else "\r" if line.endswith("\r") else "\n"


class Appended(str):
    """A note added to the curator's note a figure has (nothing is deleted): 'new (earlier note: old)'. The
    extractor's own note ('Extracted; printed as ...') is no curator's and is replaced."""


EXTRACTOR_NOTE = "Extracted; "  # how tracker.extraction.entries begins the notes it writes


def _kept(figure, key: str, value):
    old = str(getattr(figure, key, None) or "") if figure is not None else ""
    if isinstance(value, Appended) and old and not old.startswith(EXTRACTOR_NOTE):
        return value if old in value else f"{value} (earlier note: {old})"
    return str(value) if isinstance(value, Appended) else value


_SUGGESTED = "; indicator suggested with score "


def _rechosen(note: str, suggested: str, indicator: str) -> str | None:
    """The extractor's note with its reasons for a suggestion the curator has overruled replaced by what
    was chosen ('indicator cases chosen by the curator (suggested: monthly, score 0.85)'); None when the
    note is not the extractor's or gives no suggestion."""
    at = note.find(_SUGGESTED)
    if not note.startswith(EXTRACTOR_NOTE) or at < 0:
        return None
    m = re.match(r"(\d+(?:\.\d+)?)", note[at + len(_SUGGESTED):])
    end, depth = at + len(_SUGGESTED) + (len(m.group(1)) if m else 0), 0
    if note[end:end + 2] == " (":  # its reasons, in parentheses that may hold semicolons
        for i in range(end + 1, len(note)):
            depth += {"(": 1, ")": -1}.get(note[i], 0)
            if depth == 0:
                end = i + 1
                break
    score = f", score {m.group(1)}" if m else ""
    return f"{note[:at]}; indicator {indicator} chosen by the curator (suggested: {suggested}{score}){note[end:]}"


def _find(lines: list[str], line: int, fid: str) -> int:
    """The 0-based line where figure `fid` starts (its loader line, checked against the text)."""
    if 0 <= line < len(lines) and lines[line].lstrip().startswith("-") and fid in lines[line]:
        return line
    # the loader counts lines as YAML 1.1 does (a U+2028 in a text is a break there): find the figure by its id
    head = re.compile(r"^\s*-\s*(?:\{\s*)?id:\s*['\"]?" + re.escape(fid) + r"['\"]?\s*[,}#\r\n]")
    found = [i for i, text in enumerate(lines) if head.match(text)]
    if len(found) == 1:
        return found[0]
    raise EditError(f"figure '{fid}' is not where the ledger says (line {line + 1}); was the file changed? "
                    "Run the command again")


def _commented(ledger, files: dict, fid: str):
    for name in ledger.files:
        path = Path(name)
        lines = files.setdefault(path, _lines(path))
        start = _uncomment(lines, fid)
        if start is not None:
            return path, lines, start
    raise EditError(f"no figure '{fid}' in the ledger; `tracker review` lists the candidates")


def _replace(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.editing")
    try:
        atomic_write(tmp, text.encode("utf-8"))
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def accept(ledger_path, ids: list[str], *, indicator: str | None = None, qualifier: str | None = None,
           period: str | None = None, as_of: str | None = None, today: date | None = None) -> list[str]:
    """Accept candidates (status: accepted), changing their indicator, qualifier or time where given."""
    changes = {"status": "accepted"}
    for key, value in (("indicator", indicator), ("qualifier", qualifier), ("period", period), ("as_of", as_of)):
        if value is not None:
            changes[key] = value
    # a figure has a period or an as_of: giving one replaces the other (a running total chosen for a
    # candidate the extractor dated with a period was refused whatever the order of the steps)
    if as_of is not None and period is None:
        changes["period"] = None
    if period is not None and as_of is None:
        changes["as_of"] = None
    return edit(ledger_path, [Edit(i, dict(changes)) for i in ids], today)


def reject(ledger_path, ids: list[str], note: str, today: date | None = None) -> list[str]:
    """Reject figures with the curator's reason, kept before any note of the curator's (the extractor's note is
    not one, and is replaced)."""
    if not note or not note.strip():
        raise EditError("a rejection needs your reason: --note 'why it is rejected'")
    return edit(ledger_path, [Edit(i, {"status": "rejected", "note": Appended(note.strip())}) for i in ids], today)
