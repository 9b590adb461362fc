"""Append a document to a ledger file: locked, validated, atomic, and never touching what is there.

The new text goes after a '---' line as a document of its own (the loader reads
every document of a file), so the curator's bytes stay exactly as they were. The
result is validated before it replaces the file; a crash at any point leaves the
file as it was.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path

from tracker._infra.files import atomic_write
from tracker.errors import LedgerError


@contextmanager
def locked(path: Path):
    """An exclusive lock for appending to `path`, held on a lock file beside it (never replaced)."""
    lock = path.with_name(f".{path.name}.lock")
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def append_document(path: str | Path, document: str, validate=None) -> None:
    """Append `document` to the ledger at `path` as a new YAML document.

    `validate(tmp_path)` is called on the complete new file before it replaces the old
    one (default: tracker.load); if it raises LedgerError the ledger is left untouched.
    """
    from tracker.ledger.loader import load

    path = Path(path)
    validate = validate or load
    with locked(path):
        old = path.read_bytes()
        sep = b"" if old.endswith(b"\n") or not old else b"\n"
        new = old + sep + b"---\n" + document.encode("utf-8")
        tmp = path.with_name(f".{path.name}.appending")
        try:
            atomic_write(tmp, new)
            validate(tmp)
            os.replace(tmp, path)
        except LedgerError as exc:
            label = str(tmp)
            raise LedgerError([p.__class__(str(path) if p.path == label else p.path, p.line, p.col, p.message)
                               for p in exc.problems]) from None
        finally:
            if tmp.exists():
                tmp.unlink()
