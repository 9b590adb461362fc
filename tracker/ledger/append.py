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
from tracker.errors import LedgerError, TrackerError


def real_path(path: str | Path) -> Path:
    """The file a path names, through any symlinks: the one to lock and to write (writing the link's own
    path would replace the link with a copy and leave the real ledger as it was)."""
    try:
        return Path(path).resolve(strict=False)
    except (RuntimeError, OSError) as exc:  # a symlink loop
        raise TrackerError(f"{path}: cannot be resolved ({exc}); point the link at the ledger file") from None


@contextmanager
def locked_files(paths):
    """Exclusive locks on the files `paths` name, one lock file beside each real file (never replaced), taken
    in one order. The one lock rule of the ledger: whatever path names a file (the file, a symlink to it, a
    directory that includes it), every writer of it holds the same lock. Yields the real paths."""
    real = sorted({real_path(p) for p in paths})
    fds = []
    try:
        for p in real:
            fd = os.open(p.with_name(f".{p.name}.lock"), os.O_RDWR | os.O_CREAT, 0o644)
            fds.append(fd)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield real
    finally:
        for fd in reversed(fds):
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


def locked(path: str | Path):
    """The lock of one ledger file (see locked_files)."""
    return locked_files([path])


def append_document(path: str | Path, document: str, validate=None) -> None:
    """Append `document` to the ledger at `path` as a new YAML document.

    `validate(tmp_path)` is called on the complete new file before it replaces the old
    one (default: tracker.load); if it raises LedgerError the ledger is left untouched.
    """
    from tracker.ledger.loader import load

    validate = validate or load
    with locked(path) as (path,):
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
