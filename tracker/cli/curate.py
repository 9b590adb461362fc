"""Commands that bring figures into the ledger: extract, mine, review, accept, reject."""

from __future__ import annotations

import sys
from pathlib import Path

from tracker.cli.common import EXIT_OK, _load, _needs
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


def _extract_table(args) -> int:
    """Candidates from a mined table (tracker mine), filtered, printed or appended like an article's."""
    import tracker.extraction as ex
    from tracker.mining.table import read_table, table_groups

    ledger = _target_ledger(args)
    try:
        frame = read_table(args.article)
    except (OSError, ValueError) as exc:
        raise UsageError(f"{args.article}: cannot read the table ({exc}); give a .parquet or .csv from tracker mine")
    groups, counts = table_groups(frame, min_score=args.min_score, indicators=args.indicator)
    doc = ex.candidates_document(groups, ledger, where=args.article)
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


def cmd_extract(args) -> int:
    import tracker.extraction as ex

    source = args.article
    if source and source.lower().endswith((".parquet", ".csv")):
        return _extract_table(args)
    try:
        if source in (None, "-"):
            data = sys.stdin.buffer.read(ex.MAX_BYTES + 1)
            article = ex.read_bytes(data, published=args.published, url=args.url, publisher=args.publisher)
        elif source.startswith(("http://", "https://")):
            data = ex.fetch(source, timeout=args.timeout)
            article = ex.read_bytes(data, name=source, published=args.published, url=args.url or source,
                                    publisher=args.publisher)
        else:
            article = ex.read_article(source, published=args.published, url=args.url, publisher=args.publisher)
    except ex.ExtractError as exc:
        raise UsageError(str(exc)) from None
    ledger = _target_ledger(args)
    candidates = ex.extract(article, ledger)
    if not args.append:
        print(ex.candidates_yaml(article, candidates, ledger), end="")
        print(f"{len(candidates)} candidate{'s' if len(candidates) != 1 else ''} from "
              f"{article.url or article.document or 'standard input'}", file=sys.stderr)
        return EXIT_OK

    if article.document:  # the local copy, written relative to the ledger it is cited from
        import dataclasses
        import os

        article = dataclasses.replace(article, document=os.path.relpath(Path(article.document).resolve(),
                                                                      Path(args.append).resolve().parent))
    sid = ex.source_id(article, ledger)
    existing = {(f.source, float(f.value) if f.value is not None else float(f.low or 0)) for f in ledger.figures}
    fresh = [c for c in candidates if (sid, c.value if c.value is not None else c.low) not in existing]
    skipped = len(candidates) - len(fresh)
    doc = ex.candidates_yaml(article, fresh, ledger, source=sid)
    if "figures:" not in doc:
        print(f"{args.append}: nothing to append ({skipped} already in the ledger, "
              f"{len(fresh)} without a fitting indicator)", file=sys.stderr)
        return EXIT_OK
    written, _ = _append_valid(args.append, doc)
    print(f"{args.append}: appended {written} candidate figure{'s' if written != 1 else ''} "
          f"({skipped} already in the ledger, {len(fresh) - written} left out: no fitting indicator, no period, "
          f"or refused)", file=sys.stderr)
    return EXIT_OK


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
    if result.skipped:
        failures = Path(args.out).with_name(Path(args.out).stem + ".skipped.csv")
        import csv

        with open(failures, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["origin", "reason"])
            w.writerows(result.skipped)
        print(f"{failures}: {len(result.skipped)} pages skipped, with their reasons", file=sys.stderr)
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
