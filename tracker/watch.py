"""Keep the charts and the report current while a curator edits the ledger.

One process keeps the libraries loaded; each time a file of the ledger is saved, the ledger is read
again, the changed indicators checked and redrawn (the caches and the incremental build do the rest),
and the overview and the report rewritten. A save that leaves the ledger invalid prints its problems
and changes nothing; the next good save is built. Files are watched with watchfiles.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from tracker.errors import LedgerError


def build_once(ledger_path: Path, out: Path, formats=("png", "svg"), style: str = "working", lang: str = "en"):
    """Read, check and draw; return (ledger, build result, seconds)."""
    from tracker.ledger.loader import load
    from tracker.render.build import build

    started = time.perf_counter()
    ledger = load(ledger_path, cache=True)
    result = build(ledger, out, formats=formats, style=style, lang=lang, progress=False, cache=True)
    return ledger, result, time.perf_counter() - started


def watch(ledger_path: str | Path, out: str | Path = "output", *, formats=("png", "svg"), style: str = "working",
          lang: str = "en", say: Callable[[str], None] | None = None, stop_event=None) -> None:
    """Build, then rebuild on every save of a ledger file until `stop_event` is set (or Ctrl-C)."""
    from watchfiles import watch as changes_of

    ledger_path, out = Path(ledger_path), Path(out)
    say = say or (lambda line: print(line, file=sys.stderr, flush=True))
    files: set[Path] = {ledger_path.resolve()}
    try:
        ledger, result, secs = build_once(ledger_path, out, formats, style, lang)
        files |= {Path(f).resolve() for f in ledger.files}
        say(f"ready: {len(result.drawn)} drawn, {len(result.skipped)} unchanged in {secs:.2f} s; watching "
            f"{len(files)} file{'s' if len(files) != 1 else ''} (Ctrl-C to stop)")
    except LedgerError as exc:
        say(exc.summary() + "\nwaiting for a valid save")
    folders = sorted({str(p.parent) for p in files} | ({str(ledger_path)} if ledger_path.is_dir() else set()))

    def relevant(change, path: str) -> bool:
        p = Path(path)
        return p.resolve() in files or (p.suffix in (".yaml", ".yml") and not p.name.startswith("."))

    for _changes in changes_of(*folders, watch_filter=relevant, step=30, debounce=400, stop_event=stop_event,
                              raise_interrupt=False):
        saved = time.perf_counter()
        try:
            ledger, result, _ = build_once(ledger_path, out, formats, style, lang)
        except LedgerError as exc:
            say(exc.summary() + "\nnothing redrawn; waiting for the next save")
            continue
        files |= {Path(f).resolve() for f in ledger.files}
        drawn = ", ".join(result.drawn) or "nothing"
        say(f"built in {time.perf_counter() - saved:.2f} s after the save: redrew {drawn}")
