"""Map a function over many items on the machine's cores, in forked worker processes.

Workers inherit `SHARED` (the ledger, its series, ...) by forking instead of having it
pickled to them. Few items, or a platform without fork (Windows; macOS defaults to
spawn, where forking is unsafe), run in this process: slower, the same results.
Results come in order of completion.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

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

            with _interrupts_held():  # each worker ignores Ctrl-C before one can reach it
                pool = multiprocessing.get_context("fork").Pool(min(workers, 4), initializer=_start_worker)
            with pool:
                # small batches, so that both workers finish together (a sixteenth of the items each left one
                # worker idle for 0.13-0.17 s at the end of a noisy ledger's checks; a sixty-fourth, 0.01 s)
                yield from pool.imap_unordered(func, items, chunksize=max(1, len(items) // 64))
        else:
            with _blas_threads(1):
                for item in items:
                    yield func(item)
    finally:
        SHARED.clear()


def run_beside(func: Callable, beside: Callable[[], object]):
    """func() computed in a forked process while this one runs beside(); func's result (or its exception)
    comes back pickled. Where there is no fork, one after the other. For work that only the parent can do
    (importing modules the workers will inherit) overlapping work whose result is cheap to send."""
    if not _can_fork():
        beside()
        return func()
    import multiprocessing

    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(target=_send_result, args=(func, writer), daemon=True)
    try:
        with _interrupts_held():  # the child ignores Ctrl-C before one can reach it; here it lands after
            child.start()
        writer.close()
        beside()
        ok, value = reader.recv()
    except EOFError:  # the child died without a word (killed): do the work here
        ok, value = True, func()
    except BaseException:  # interrupted here: the child's work is not wanted
        if child.pid is not None:
            child.terminate()
        raise
    finally:
        reader.close()
        if child.pid is not None:
            child.join()
    if ok:
        return value
    raise value


def _send_result(func: Callable, writer) -> None:
    _parent_handles_interrupts()
    try:
        result = (True, func())
    except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
        result = (False, exc)
    try:
        writer.send(result)
    except OSError:  # the parent stopped listening (interrupted): nobody to tell
        pass
    finally:
        writer.close()


def _blas_threads(n: int):
    """numpy's BLAS on `n` threads: the models' matrices are small, and a BLAS thread pool in each of
    several workers (or beside them) fights for the same cores (10.8 s against 4.6 s for the flags of a
    10,000-figure ledger on 2 cores)."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=n, user_api="blas")


def _parent_handles_interrupts() -> None:
    """In a forked worker: Ctrl-C is the parent's to handle (it stops the workers), so a worker neither
    prints a traceback of its own nor dies halfway through sending a result."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # held by the parent while forking


@contextmanager
def _interrupts_held():
    """Ctrl-C held back while forking: a child starts with it held and ignores it before letting it in;
    the parent gets a Ctrl-C that came meanwhile once the fork is done, not halfway through it."""
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def _start_worker() -> None:
    """A pool worker: Ctrl-C left to the parent, BLAS on one thread."""
    _parent_handles_interrupts()
    global _LIMIT
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"  # for a BLAS loaded later in the worker (scipy's, with statsmodels)
    _LIMIT = _blas_threads(1)  # for those loaded already; kept for the worker's life


_LIMIT = None


def _can_fork() -> bool:
    import multiprocessing
    import sys

    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
