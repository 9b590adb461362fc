"""Map a function over many items on the machine's cores, in forked worker processes.

Workers inherit `SHARED` (the ledger, its series, ...) by forking instead of having it
pickled to them. Few items, or a platform without fork (Windows; macOS defaults to
spawn, where forking is unsafe), run in this process: slower, the same results.
Results come in order of completion.
"""

from __future__ import annotations

import os
from typing import Callable, Iterable, Iterator

SHARED: dict = {}


def fork_map(func: Callable, items: Iterable, context: dict, workers: int | None = None,
             serial_below: int = 6) -> Iterator:
    """Yield func(item) for every item; `context` is in SHARED while it runs."""
    items = list(items)
    workers = workers or os.cpu_count() or 1
    SHARED.update(context)
    try:
        if len(items) >= serial_below and workers > 1 and _can_fork():
            import multiprocessing

            with multiprocessing.get_context("fork").Pool(min(workers, 4)) as pool:
                yield from pool.imap_unordered(func, items, chunksize=max(1, len(items) // 16))
        else:
            for item in items:
                yield func(item)
    finally:
        SHARED.clear()


def _can_fork() -> bool:
    import multiprocessing
    import sys

    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
