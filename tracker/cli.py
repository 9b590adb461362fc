"""The `tracker` command: a thin layer over the library.

Exit status: 0 success; 1 flags at or above --fail-on; 2 bad input or usage.
Data goes to standard output, messages and errors to standard error.
Each command imports what it needs when it runs, so --help and validate stay fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tracker import __version__
from tracker.errors import LedgerError, UsageError

EXIT_OK, EXIT_FLAGS, EXIT_BAD_INPUT = 0, 1, 2
DEFAULT_LEDGER = "figures.yaml"


def _load(path: str):
    from tracker.ledger.loader import load

    return load(path, cache=True)


def cmd_validate(args) -> int:
    if args.path and args.ledger:
        raise UsageError(f"give the ledger once: either 'tracker validate {args.path}' or "
                         f"'tracker validate --ledger {args.ledger}', not both")
    path = args.path or args.ledger or DEFAULT_LEDGER
    ledger = _load(path)
    statuses = {}
    for f in ledger.figures:
        statuses[f.status] = statuses.get(f.status, 0) + 1
    extra = ", ".join(f"{n} {s}" for s, n in sorted(statuses.items()) if s != "accepted")
    files = f" in {len(ledger.files)} files" if len(ledger.files) > 1 else ""
    print(f"{path}: OK: {len(ledger.indicators)} indicators, {len(ledger.figures)} figures"
          f"{f' ({extra})' if extra else ''}, {len(ledger.sources)} sources, {len(ledger.events)} events{files}")
    return EXIT_OK


def cmd_schema(args) -> int:
    import json

    from tracker.ledger.schema import ledger_schema

    print(json.dumps(ledger_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _formats(text: str) -> tuple[str, ...]:
    formats = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    bad = [f for f in formats if f not in ("png", "svg", "pdf")]
    if bad or not formats:
        raise UsageError(f"--format takes png, svg or pdf, comma-separated (got '{text}'); try --format png,svg")
    return formats


def _known_indicators(ledger, names: list[str]) -> None:
    unknown = [i for i in names if i not in ledger.indicators]
    if unknown:
        import difflib

        hints = [f"'{u}'" + (f" (did you mean '{m[0]}'?)" if (m := difflib.get_close_matches(u, ledger.indicators, 1))
                             else "") for u in unknown]
        raise UsageError(f"unknown indicator {', '.join(hints)}; `tracker list` lists the ledger's indicators")


def cmd_flags(args) -> int:
    from tracker.checks import SEVERITIES, check, severity_at_least
    from tracker.models import REGISTRY

    if args.list_checks:
        from tracker.checks import CHECKS

        for c in CHECKS:
            kinds = f" ({', '.join(c.kinds)} indicators)" if c.kinds else ""
            print(f"{c.code:<10}{c.doc}{kinds}")
        return EXIT_OK
    if args.detector not in REGISTRY:
        raise UsageError(f"unknown detector '{args.detector}'; try one of: {', '.join(REGISTRY)}")
    ledger = _load(args.ledger)
    if args.explain:
        from tracker.checks.explain import explain
        from tracker.models import get_detector

        try:
            sys.stdout.write(explain(ledger, args.explain, get_detector(args.detector)))
        except KeyError:
            import difflib

            close = difflib.get_close_matches(args.explain, [f.id for f in ledger.figures], 1)
            hint = f"; did you mean '{close[0]}'?" if close else "; `tracker show INDICATOR` lists the ids"
            raise UsageError(f"no figure '{args.explain}' in the ledger{hint}") from None
        return EXIT_OK
    _known_indicators(ledger, args.indicators)
    result = check(ledger, args.indicators or None, args.detector, cache=True)
    shown = result.flags + (result.acknowledged if args.all else ())
    if args.format == "json":
        import json

        print(json.dumps([f.as_dict() for f in shown], indent=2, ensure_ascii=False))
    elif args.format == "csv":
        result.frame(acknowledged=args.all).assign(related=lambda d: d["related"].map(" ".join)).to_csv(
            sys.stdout, index=False)
    else:
        _print_table(shown)
    counts = {s: sum(1 for f in result.flags if f.severity == s) for s in reversed(SEVERITIES)}
    summary = ", ".join(f"{n} {s}" for s, n in counts.items() if n) or "no flags"
    acked = f"; {len(result.acknowledged)} acknowledged in the ledger" + ("" if args.all else " (--all shows them)")
    print(f"{len(result.flags)} flag{'s' if len(result.flags) != 1 else ''}: {summary} "
          f"(info: supported jumps; notice: cannot be judged){acked if result.acknowledged else ''}",
          file=sys.stderr)
    if args.fail_on != "none" and any(severity_at_least(f, args.fail_on) for f in result.flags):
        return EXIT_FLAGS
    return EXIT_OK


def _print_table(flags) -> None:
    import shutil
    import textwrap

    width = max(60, min(shutil.get_terminal_size((110, 20)).columns, 140))
    order = {}
    for f in flags:
        order.setdefault(f.indicator, len(order))
    current = None
    for f in sorted(flags, key=lambda f: order[f.indicator]):  # stable: severity order kept within
        if f.indicator != current:
            print(f"{'' if current is None else chr(10)}{f.indicator}")
            current = f.indicator
        head = f"  {f.severity.upper():<8}{f.code:<9}"
        body = f"{f.where}: " if f.where else ""
        body += f.message + (f" Supported: {f.support}." if f.support else "")
        body += f" Acknowledged by {f.acknowledged}." if f.acknowledged else ""
        lines = textwrap.wrap(body, width - len(head)) or [""]
        print(head + lines[0])
        for line in lines[1:]:
            print(" " * len(head) + line)


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


def _needs(modules: tuple[str, ...], extra: str, what: str) -> None:
    import importlib.util

    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        raise UsageError(f"{what} needs {', '.join(missing)}: pip install 'tracker[{extra}]'")


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


def cmd_export(args) -> int:
    from tracker import export

    ledger = _load(args.ledger)
    _known_indicators(ledger, args.indicators)
    if args.format == "parquet":
        _needs(("pyarrow",), "archive", "--format parquet")
    if args.format == "datapackage":
        path = export.write_package(ledger, args.out, args.indicators or None)
        print(f"{path}: a data package of figures.csv and series.csv", file=sys.stderr)
        return EXIT_OK
    table = export.figures_table if args.what == "figures" else export.series_table
    frame = table(ledger, args.indicators or None)
    if args.out == "-":
        if args.format == "parquet":
            raise UsageError("Parquet cannot go to standard output; give --out FILE")
        sys.stdout.write(frame.to_csv(index=False) if args.format == "csv" else
                         frame.to_json(orient="records", force_ascii=False, indent=1) + "\n")
        return EXIT_OK
    export.write_table(frame, args.out, args.format)
    print(f"{args.out}: {len(frame)} rows ({args.what})", file=sys.stderr)
    return EXIT_OK


def cmd_watch(args) -> int:
    from tracker.watch import watch

    if not Path(args.ledger).exists():
        raise UsageError(f"{args.ledger}: no such ledger; pass --ledger PATH")
    out = args.out or ("output/publish" if args.style == "publish" else "output")
    watch(args.ledger, out, formats=_formats(args.format), style=args.style, lang=args.lang)
    return EXIT_OK


def cmd_list(args) -> int:
    from tracker.checks import check
    from tracker.render.tables import indicators_frame, write

    ledger = _load(args.ledger)
    frame = indicators_frame(ledger, check(ledger, cache=True).flags)
    write(frame.drop(columns=["title"]) if args.format == "table" else frame, args.format, sys.stdout)
    return EXIT_OK


def cmd_show(args) -> int:
    from tracker.render.tables import figures_of_frame, write

    ledger = _load(args.ledger)
    _known_indicators(ledger, [args.indicator])
    write(figures_of_frame(ledger, args.indicator), args.format, sys.stdout)
    return EXIT_OK


def cmd_chart(args) -> int:
    from tracker.render.build import build

    ledger = _load(args.ledger)
    _known_indicators(ledger, args.indicators)
    out = args.out or ("output/publish" if args.style == "publish" else "output")
    from tracker.checks import check

    checked = check(ledger, cache=True)  # every indicator's flags: the report describes the whole ledger
    result = build(ledger, out, indicators=args.indicators or None, formats=_formats(args.format),
                   flags=checked.flags, bands=checked.bands(), style=args.style, lang=args.lang)
    report = f"; report: {Path(out) / 'index.html'}" if args.style == "working" else ""
    print(f"{out}: drew {len(result.drawn)} chart{'s' if len(result.drawn) != 1 else ''}, "
          f"{len(result.skipped)} unchanged{report}", file=sys.stderr)
    for path in result.written:
        print(path)
    return EXIT_OK


# Long on purpose: the declaration of every command and option, read top to bottom like the help.
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tracker",
        description="A ledger of figures reported in the news: validate it, chart it, flag what nothing supports.",
        epilog="Exit status: 0 success, 1 flags at or above --fail-on, 2 bad input or usage. "
               "Docs: README.md and docs/ledger-format.md.",
    )
    parser.add_argument("--version", action="version", version=f"tracker {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def ledger_opt(p):
        p.add_argument("--ledger", default=DEFAULT_LEDGER, metavar="PATH",
                       help="the ledger: a YAML file or a directory of them (default: figures.yaml)")

    def indicators_and_ledger(p):
        p.add_argument("indicators", nargs="*", metavar="INDICATOR", help="only these indicators (default: all)")
        ledger_opt(p)

    p = sub.add_parser("validate", help="check a ledger and list every problem",
                       description="Check a ledger against the format and list every problem as "
                                   "file:line:column: message. Exit 2 if there is any.")
    p.add_argument("path", nargs="?", help="the ledger to check (default: figures.yaml)")
    p.add_argument("--ledger", metavar="PATH", help="the ledger, as for other commands (give PATH or --ledger)")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("list", help="list the indicators with their figures, latest figure and flags",
                       description="One row per indicator: accepted, candidate and rejected figures, the latest "
                                   "accepted figure and its date, and how many problem flags it has.")
    ledger_opt(p)
    p.add_argument("--format", choices=("table", "json", "csv"), default="table", help="(default: table)")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="show one indicator's figures by date, with where each stands",
                       description="One indicator's figures sorted by date: value as printed, qualifier, claimant, "
                                   "outlet, status, id and file:line.")
    p.add_argument("indicator", metavar="INDICATOR")
    ledger_opt(p)
    p.add_argument("--format", choices=("table", "json", "csv"), default="table", help="(default: table)")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("chart", help="draw a chart per indicator, an overview and output/index.html",
                       description="Draw one chart per indicator (PNG and SVG), an overview of all indicators "
                                   "and a report (index.html). Charts whose inputs have not changed are not "
                                   "redrawn. Prints the files written.")
    indicators_and_ledger(p)
    p.add_argument("--out", metavar="DIR", help="output folder (default: output; output/publish with --style "
                   "publish)")
    p.add_argument("--style", choices=("working", "publish"), default="working",
                   help="working (default): the curator's charts with the model's band, flags, candidates and "
                        "the report; publish: charts for readers, accepted figures only, PNG at 1x and 2x")
    p.add_argument("--lang", choices=("en", "ru", "uk"), default="en", help="language of the charts' fixed words "
                   "(default: en); titles come from the ledger (an indicator's chart: title)")
    p.add_argument("--format", default="png,svg", metavar="LIST", help="comma-separated: png, svg, pdf "
                   "(default: png,svg)")
    p.set_defaults(func=cmd_chart)

    p = sub.add_parser("flags", help="list jumps and contradictions that nothing supports",
                       description="Run every registered check on every indicator (or those named); "
                                   "--list-checks lists them. Supported jumps are listed as info. Exit 1 when a "
                                   "flag at or above --fail-on is raised.")
    indicators_and_ledger(p)
    p.add_argument("--format", choices=("table", "json", "csv"), default="table", help="output format "
                   "(default: table)")
    p.add_argument("--fail-on", choices=("info", "notice", "warning", "error", "none"), default="error",
                   help="exit 1 when a flag of this severity or above is raised (default: error)")
    p.add_argument("--detector", default="state-space", help="the jump model (default: state-space; "
                   "also: ratio-rule)")
    p.add_argument("--list-checks", action="store_true", help="list the checks and their codes, then exit")
    p.add_argument("--all", action="store_true", help="include flags acknowledged in the ledger")
    p.add_argument("--explain", metavar="FIGURE", help="say how one figure was judged: the series around it, the "
                   "expected range, and why it was or was not flagged")
    p.set_defaults(func=cmd_flags)

    p = sub.add_parser("extract", help="turn an article into candidate figures (ledger YAML)",
                       description="Read an article (.txt or .html file, a URL, or standard input) and print its "
                                   "figures as candidate ledger entries with their quote, qualifier, time, claimant "
                                   "and a suggested indicator. With --append, add them to a ledger file as a new "
                                   "document, leaving every byte already there untouched.")
    p.add_argument("article", nargs="?", help="a .txt or .html file, an http(s) address, or - for standard input")
    ledger_opt(p)
    p.add_argument("--append", metavar="LEDGER", help="append the candidates to this ledger file")
    p.add_argument("--published", metavar="DATE", help="the article's date, when the text does not carry it")
    p.add_argument("--url", help="the article's address, for the citation")
    p.add_argument("--publisher", help="the outlet, for the citation")
    p.add_argument("--timeout", type=float, default=20.0, help="seconds to wait when fetching a URL (default 20)")
    p.add_argument("--min-score", type=float, default=0.0, metavar="S",
                   help="with a mined table: only candidates whose indicator was suggested with at least this score")
    p.add_argument("--indicator", action="append", metavar="ID", help="with a mined table: only this indicator "
                   "(repeatable)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("watch", help="redraw the charts and the report each time the ledger is saved",
                       description="Build once, then keep watching the ledger's files: each save redraws the "
                                   "changed indicators, the overview and the report in this one process. An "
                                   "invalid save prints its problems and changes nothing. Ctrl-C stops.")
    ledger_opt(p)
    p.add_argument("--out", metavar="DIR", help="output folder (default: output)")
    p.add_argument("--format", default="png,svg", metavar="LIST", help="png, svg, pdf (default: png,svg)")
    p.add_argument("--style", choices=("working", "publish"), default="working")
    p.add_argument("--lang", choices=("en", "ru", "uk"), default="en")
    p.set_defaults(func=cmd_watch)

    p = sub.add_parser("export", help="the data out: figures or series as CSV, JSON, Parquet or a data package",
                       description="Write the figures table (one row per figure, indicator and source joined in) or "
                                   "the series (each indicator's accepted figures in its own unit) as CSV, JSON or "
                                   "Parquet, or both as a Frictionless data package (a folder with "
                                   "datapackage.json).")
    indicators_and_ledger(p)
    p.add_argument("--format", choices=("csv", "json", "parquet", "datapackage"), default="csv",
                   help="(default: csv)")
    p.add_argument("--what", choices=("figures", "series"), default="figures", help="which table (default: "
                   "figures; a data package holds both)")
    p.add_argument("--out", default="-", metavar="PATH", help="a file, a folder for datapackage, or - for "
                   "standard output (default)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("review", help="walk the candidates: accept, reject, change indicator or qualifier",
                       description="Show each candidate (the quote with its number marked, the suggested indicator, "
                                   "the series it would join and the flags it would raise there) and take a key: "
                                   "a accept, r reject (asks why), i indicator, q qualifier, t time (period or "
                                   "as_of), s skip, x stop. Every edit keeps the rest of the file byte for byte.")
    ledger_opt(p)
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("accept", help="accept candidates (status: accepted), optionally changing fields",
                       description="Set status: accepted on the figures named (and uncomment the extractor's "
                                   "commented candidates), changing indicator, qualifier or time where given. The "
                                   "ledger is validated before the file is replaced; nothing else in it changes.")
    p.add_argument("ids", nargs="+", metavar="ID")
    ledger_opt(p)
    p.add_argument("--indicator", metavar="ID")
    p.add_argument("--qualifier", choices=("exact", "approx", "at_least", "at_most", "range"))
    p.add_argument("--period", metavar="SPAN", help="for a flow or rate: 2024, 2024-03 or START/END")
    p.add_argument("--as-of", dest="as_of", metavar="DATE", help="for a stock or running total")
    p.set_defaults(func=cmd_accept)

    p = sub.add_parser("reject", help="reject figures with your reason (status: rejected)",
                       description="Set status: rejected and note: your reason on the figures named. Nothing is "
                                   "deleted.")
    p.add_argument("ids", nargs="+", metavar="ID")
    ledger_opt(p)
    p.add_argument("--note", required=True, help="why (required: the extractor's note is not a reason)")
    p.set_defaults(func=cmd_reject)

    p = sub.add_parser("mine", help="extract candidates from whole archives (folders, WARC files) into a table",
                       description="Read folders or globs of .txt/.html files and WARC files, keep the pages that "
                                   "mention a tracked indicator, extract their candidates and write one table "
                                   "(Parquet, or CSV) with a row per candidate and the page it came from. Pages "
                                   "that cannot be read are skipped and listed in OUT.skipped.csv. Runs on all "
                                   "cores, or on a Dask cluster with --scheduler.")
    p.add_argument("archive", nargs="+", metavar="ARCHIVE", help="a folder, glob, .txt/.html file or .warc(.gz)")
    ledger_opt(p)
    p.add_argument("--out", required=True, metavar="PATH", help="the table to write (.parquet, or .csv)")
    p.add_argument("--format", choices=("parquet", "csv"), help="(default: from --out's suffix, else parquet)")
    p.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: all cores)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="run on a Dask cluster, e.g. tcp://10.0.0.5:8786")
    p.set_defaults(func=cmd_mine)

    p = sub.add_parser("schema", help="print the ledger's JSON Schema",
                       description="Print a JSON Schema of a ledger file, for editors' completion and checks.")
    p.set_defaults(func=cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    import os

    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")  # tiny matrices: BLAS threads only fight the worker processes
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return args.func(args)
    except LedgerError as exc:
        print(exc.summary(), file=sys.stderr)
        return EXIT_BAD_INPUT
    except UsageError as exc:
        print(f"tracker: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # e.g. `tracker flags | head`
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print("tracker: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
