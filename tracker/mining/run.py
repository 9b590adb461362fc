"""Mining an archive: every page through the prefilter and the extractor, on all cores or a Dask cluster.

The archive is cut into units (a WARC file, or a batch of page files); each unit is read as a stream
and gives its candidates, skipped pages and counts. Units run in order on one process, on a pool of
processes (`jobs`), or on a Dask cluster (`scheduler`); results are written in unit order as they come,
so the output is the same however it ran and memory holds one unit's results at a time.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tracker.mining.pages import PAGE_SUFFIXES, Page, Skipped, files_named, is_warc, unit_pages, warc_ranges
from tracker.mining.prefilter import Prefilter
from tracker.mining.table import TableWriter

BATCH = 200  # page files per unit
RECORDS = 500  # WARC records per unit


@dataclass(frozen=True)
class Context:
    """What every worker needs: the ledger (to suggest indicators) and the prefilter."""

    ledger: object
    prefilter: Prefilter


@dataclass
class MineResult:
    out: str
    units: int = 0
    pages: int = 0
    passed: int = 0  # pages the prefilter let through
    candidates: int = 0
    in_ledger: int = 0  # candidates already in the ledger (same claimant, value and time)
    bytes: int = 0
    seconds: float = 0.0
    skipped: list = field(default_factory=list)  # (origin, reason)

    def summary(self) -> str:
        partly = len(self.skipped) - self.whole_skips
        rate = self.pages / self.seconds if self.seconds else 0.0
        return (f"{self.pages:,} pages ({self.bytes / 1e6:,.1f} MB) in {self.seconds:.1f} s ({rate:,.0f} pages/s); "
                f"{self.passed:,} passed the prefilter; {self.candidates:,} candidates ({self.in_ledger:,} already "
                f"in the ledger); {self.whole_skips:,} pages skipped"
                + (f", {partly:,} read in part" if partly else ""))

    @property
    def whole_skips(self) -> int:
        """Pages skipped whole (the others in `skipped` were read in part: 'partly: ...')."""
        return sum(1 for _, why in self.skipped if not why.startswith("partly: "))


def units_of(inputs: list[str]) -> list:
    """The units of work: ranges of RECORDS records of each WARC file, page files in batches of BATCH, in
    sorted order."""
    warcs, pages = [], []
    for item in inputs:
        for p in files_named(item):
            if is_warc(p):
                warcs.append(str(p))
            elif p.suffix.lower() in PAGE_SUFFIXES:
                pages.append(str(p))
    pages = sorted(set(pages))
    units: list = [r for w in sorted(set(warcs)) for r in warc_ranges(w, RECORDS)]
    units += [tuple(pages[i:i + BATCH]) for i in range(0, len(pages), BATCH)]
    return units


def _article(page: Page):
    from dataclasses import replace

    from tracker.extraction.article import read_html_article, read_text_article

    doc = None if page.uri else page.origin
    if page.html:
        article = read_html_article(page.text, url=page.uri, document=doc)
    else:
        article = read_text_article(page.text, url=page.uri, document=doc)
    # the page's own date (its markup, its dateline) first; the archive's crawl date only when it has none
    return article if article.published or not page.date else replace(article, published=page.date)


def process_unit(unit: tuple[str, ...], ctx: Context) -> dict:
    """One unit's candidate rows, skipped pages and counts (runs in a worker or on a cluster)."""
    from tracker.extraction.candidates import extract
    from tracker.mining.table import rows_of

    rows, skipped = [], []
    pages = passed = size = 0
    for page in unit_pages(unit):
        pages += 1
        if isinstance(page, Skipped):
            skipped.append((page.origin, page.reason))
            continue
        size += len(page.text)
        if not ctx.prefilter(page.text):
            continue
        passed += 1
        try:
            article = _article(page)
            candidates = extract(article, ctx.ledger)
        except Exception as exc:  # one page must never stop an archive; the reason is kept
            skipped.append((page.origin, f"{type(exc).__name__}: {str(exc)[:120]}"))
            continue
        rows.extend(rows_of(page, article, candidates))
        skipped.extend((page.origin, f"partly: {why}") for why in candidates.left_out)
    return {"rows": rows, "skipped": skipped, "pages": pages, "passed": passed, "bytes": size}


_CTX: Context | None = None


def _init(ctx: Context) -> None:
    global _CTX
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    _CTX = ctx


def _in_worker(unit):
    return process_unit(unit, _CTX)


def _local(units, ctx: Context, jobs: int):
    if jobs <= 1 or len(units) <= 1:
        for unit in units:
            yield process_unit(unit, ctx)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if sys.platform.startswith("linux") else "spawn"
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method), initializer=_init,
                             initargs=(ctx,)) as pool:
        yield from pool.map(_in_worker, units)  # in unit order, whatever finishes first


def _dask(units, ctx: Context, scheduler):
    """On a Dask cluster: `scheduler` is an address ('tcp://host:8786') or a distributed.Client."""
    from distributed import Client

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        shared = client.scatter(ctx, broadcast=True)
        futures = client.map(process_unit, units, ctx=shared, pure=False)
        for fut in futures:  # in unit order; each result is released once written
            yield fut.result()
            fut.release()
    finally:
        if not isinstance(scheduler, Client):
            client.close()


def mine(inputs: list[str], ledger, out: str | Path, *, fmt: str | None = None, jobs: int | None = None,
         scheduler=None, progress: bool | None = None) -> MineResult:
    """Extract candidates from every page of the archives in `inputs` into one table at `out`
    (Parquet, or CSV when `fmt` is 'csv' or `out` ends in .csv). Pages that cannot be read are
    skipped and listed in the result with their reason."""
    units = units_of(inputs)
    ctx = Context(ledger, Prefilter.from_ledger(ledger))
    result = MineResult(str(out), units=len(units))
    started = time.perf_counter()
    runner = _dask(units, ctx, scheduler) if scheduler is not None else _local(units, ctx, jobs or os.cpu_count() or 1)
    bar = None
    if progress if progress is not None else sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=len(units), unit="unit", file=sys.stderr, dynamic_ncols=True)
    with TableWriter(out, fmt, ledger) as table:
        for part in runner:
            table.write(part["rows"])
            result.pages += part["pages"]
            result.passed += part["passed"]
            result.bytes += part["bytes"]
            result.skipped.extend(part["skipped"])
            if bar is not None:
                bar.update(1)
                bar.set_postfix_str(f"{result.pages / max(time.perf_counter() - started, 1e-9):,.0f} pages/s")
        result.candidates, result.in_ledger = table.count, table.in_ledger
    if bar is not None:
        bar.close()
    result.seconds = time.perf_counter() - started
    return result
