"""Commands that bring figures into the ledger: extract, mine, review, accept, reject."""

from __future__ import annotations

import sys
from pathlib import Path

from tracker.cli.common import EXIT_FLAGS, EXIT_OK, _load, _needs
from tracker.errors import UsageError


def _target_ledger(args):
    """The ledger extract suggests indicators from and appends to (None, said on stderr, when there is none)."""
    target = args.append or args.ledger
    if args.append and Path(args.append).is_dir():
        raise UsageError(f"{args.append} is a directory; --append takes a ledger file, e.g. "
                         f"--append {Path(args.append) / 'figures.yaml'}")
    if Path(target).exists():
        return _load(target)
    if args.append:
        raise UsageError(f"{args.append}: no such ledger to append to; create it with 'version: 1' first")
    print(f"tracker: no ledger at {Path(target).resolve()}, so no indicator is suggested (every candidate "
          "says indicator: CHOOSE); pass --ledger PATH", file=sys.stderr)
    return None


def _extract_table(args, table: str) -> int:
    """Candidates from a mined table (tracker mine), filtered, printed or appended like an article's."""
    import tracker.extraction as ex
    from tracker.mining.table import read_table, table_groups

    ledger = _target_ledger(args)
    try:
        frame = read_table(table)
    except (OSError, ValueError) as exc:
        raise UsageError(f"{table}: cannot read the table ({exc}); give a .parquet or .csv from tracker mine") from None
    groups, counts = table_groups(frame, min_score=args.min_score, indicators=args.indicator)
    doc = ex.candidates_document(groups, ledger, where=table)
    said = (f"{counts['kept']} of {counts['rows']} rows from {len(groups)} pages ({counts['in_ledger']} already in "
            f"the ledger, {counts['filtered']} filtered out)")
    if not args.append:
        print(doc, end="")
        print(said, file=sys.stderr)
        return EXIT_OK
    if "figures:" not in doc:
        print(f"{args.append}: nothing to append; {said}", file=sys.stderr)
        return EXIT_OK
    written, refused = _append_valid(args.append, doc)
    print(f"{args.append}: appended {written} candidate figures ({refused} refused); {said}", file=sys.stderr)
    return EXIT_OK


def _append_valid(path: str, doc: str) -> tuple[int, int]:
    """Append the figures of `doc` the ledger accepts (the others become comments, each said on stderr);
    return how many were appended and how many refused."""
    from tracker.extraction.entries import keep_valid
    from tracker.ledger.append import append_document

    doc, refused = keep_valid(path, doc)
    for fid, why in refused:
        print(f"tracker: {fid} left out (the ledger would refuse it: {why})", file=sys.stderr)
    written = doc.split("figures:", 1)[1].count("\n  - id: ") if "figures:" in doc else 0
    if written:
        append_document(path, doc)
    return written, len(refused)


def _expand(items: list[str]) -> list[str]:
    """The articles named: files, directories (their .txt/.html/.htm files, recursively), globs, web
    addresses and '-' (standard input), in the order given, each once."""
    from tracker.mining.pages import PAGE_SUFFIXES, files_named

    out: list[str] = []
    for item in items:
        if item == "-" or item.startswith(("http://", "https://")):
            out.append(item)
            continue
        found = files_named(item)
        if Path(item).is_dir():
            found = [p for p in found if p.suffix.lower() in PAGE_SUFFIXES]
        if not found and Path(item).is_dir():
            raise UsageError(f"{item}: no .txt or .html files in this directory")
        if not found:
            raise UsageError(f"{item}: no file matches this pattern")
        out.extend(str(p) for p in found)
    return list(dict.fromkeys(out))


def _read(source: str, args):
    import tracker.extraction as ex

    if source == "-":
        data = sys.stdin.buffer.read(ex.MAX_BYTES + 1)
        return ex.read_bytes(data, published=args.published, url=args.url, publisher=args.publisher)
    if source.startswith(("http://", "https://")):
        data = ex.fetch(source, timeout=args.timeout)
        return ex.read_bytes(data, name=source, published=args.published, url=args.url or source,
                             publisher=args.publisher)
    return ex.read_article(source, published=args.published, url=args.url, publisher=args.publisher)


def _progress(items: list[str]):
    """A progress bar on a terminal when there are several articles; the plain list otherwise."""
    if len(items) < 2 or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, unit="article", file=sys.stderr, leave=False)


def _where(groups) -> str:
    if len(groups) == 1:
        return groups[0][0].url or groups[0][0].document or "standard input"
    return f"{len(groups)} articles"


def cmd_extract(args) -> int:
    import dataclasses
    import os

    import tracker.extraction as ex

    items = args.article or ["-"]
    if len(items) == 1 and items[0].lower().endswith((".parquet", ".csv")):
        return _extract_table(args, items[0])
    if args.append and args.format != "yaml":
        raise UsageError(f"--append writes ledger YAML; leave out --format {args.format} (or print with it "
                         "and no --append)")
    sources = _expand(items)
    if args.url and len(sources) > 1:
        raise UsageError("--url names one article's address; give one article with it, or leave it out")
    if "-" in sources and len(sources) > 1:
        raise UsageError("'-' (standard input) cannot be mixed with other articles; give it alone")
    groups, failed, ledger, loaded = [], 0, None, False
    for source in _progress(sources):
        try:
            article = _read(source, args)
        except ex.ExtractError as exc:
            if len(sources) == 1:
                raise UsageError(str(exc)) from None
            failed += 1
            print(f"tracker: skipped {exc}", file=sys.stderr)
            continue
        if not loaded:  # once an article is read: a missing file is said first, and alone
            ledger, loaded = _target_ledger(args), True
        if args.append and article.document:  # the local copy, written relative to the ledger it is cited from
            article = dataclasses.replace(article, document=os.path.relpath(
                Path(article.document).resolve(), Path(args.append).resolve().parent))
        found = ex.extract(article, ledger)
        for why in found.left_out:
            print(f"tracker: {why}", file=sys.stderr)
        groups.append((article, found))
    if not loaded:
        ledger = _target_ledger(args)
    count = sum(len(c) for _, c in groups)
    read = (f"{count} candidate{'s' if count != 1 else ''} from {_where(groups) if groups else 'no article'}"
            + (f" ({failed} could not be read)" if failed else ""))
    status = EXIT_FLAGS if failed else EXIT_OK  # 1: some articles were skipped
    if not args.append:
        if args.format == "json":
            from tracker.extraction.rows import to_json
            sys.stdout.write(to_json(groups))
        elif args.format == "csv":
            from tracker.extraction.rows import to_csv
            sys.stdout.write(to_csv(groups))
        elif groups:
            sys.stdout.write(ex.candidates_document(groups, ledger, where=_where(groups)))
        print(read, file=sys.stderr)
        return status

    existing = {(f.source, float(f.value) if f.value is not None else float(f.low or 0)) for f in ledger.figures}
    sids, fresh_groups, skipped = [], [], 0
    for article, candidates in groups:
        sid = ex.source_id(article, ledger)
        fresh = [c for c in candidates if (sid, c.value if c.value is not None else c.low) not in existing]
        skipped += len(candidates) - len(fresh)
        sids.append(sid)
        fresh_groups.append((article, fresh))
    doc = ex.candidates_document(fresh_groups, ledger, where=_where(groups), sources=sids)
    if "figures:" not in doc:
        print(f"{args.append}: nothing to append ({skipped} already in the ledger, "
              f"{count - skipped} without a fitting indicator)", file=sys.stderr)
        return status
    written, _ = _append_valid(args.append, doc)
    print(f"{args.append}: appended {written} candidate figure{'s' if written != 1 else ''} "
          f"({skipped} already in the ledger, {count - skipped - written} left out: no fitting indicator, no period, "
          f"or refused); {read}", file=sys.stderr)
    return status


def cmd_mine(args) -> int:
    _needs(("warcio", "pyarrow", "tqdm") + (("distributed",) if args.scheduler else ()), "archive", "tracker mine")
    from tracker.mining import mine

    missing = [a for a in args.archive if not Path(a).exists() and not any(c in a for c in "*?[")]
    if missing:
        raise UsageError(f"{missing[0]}: not found; give folders, globs, .txt/.html files or WARC files")
    ledger = _load(args.ledger)
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs takes a whole number of processes, 1 or more")
    result = mine(args.archive, ledger, args.out, fmt=args.format, jobs=args.jobs, scheduler=args.scheduler)
    failures = Path(args.out).with_name(Path(args.out).stem + ".skipped.csv")
    if not result.skipped:
        failures.unlink(missing_ok=True)  # a list from an earlier run would describe pages this run read
    if result.skipped:
        import csv

        with open(failures, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["origin", "reason"])
            w.writerows(result.skipped)
        print(f"{failures}: {len(result.skipped)} pages skipped or read in part, with their reasons", file=sys.stderr)
    print(f"{args.out}: {result.summary()}", file=sys.stderr)
    if not result.units:
        raise UsageError("no .txt, .html or WARC files found in " + ", ".join(args.archive))
    return EXIT_OK


def _edit(func, args, **kw) -> int:
    from tracker.ledger.edit import EditError

    try:
        written = func(args.ledger, args.ids, **kw)
    except EditError as exc:
        raise UsageError(str(exc)) from None
    print(f"{', '.join(written)}: {args.command}ed {len(args.ids)} figure{'s' if len(args.ids) != 1 else ''} "
          f"({', '.join(args.ids)})", file=sys.stderr)
    return EXIT_OK


def cmd_accept(args) -> int:
    from tracker.ledger.edit import accept

    return _edit(accept, args, indicator=args.indicator, qualifier=args.qualifier, period=args.period,
                 as_of=args.as_of)


def cmd_reject(args) -> int:
    from tracker.ledger.edit import reject

    return _edit(reject, args, note=args.note)


def cmd_review(args) -> int:
    from tracker.review import run_review

    return run_review(args.ledger, sys.stdin, sys.stdout, color=sys.stdout.isatty())
