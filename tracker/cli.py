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
    from tracker.loader import load

    return load(path)


def cmd_validate(args) -> int:
    path = args.path or args.ledger
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

    from tracker.schema import ledger_schema

    print(json.dumps(ledger_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _formats(text: str) -> tuple[str, ...]:
    formats = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    bad = [f for f in formats if f not in ("png", "svg", "pdf")]
    if bad or not formats:
        raise UsageError(f"--format takes png, svg or pdf, comma-separated (got '{text}'); try --format png,svg")
    return formats


def cmd_chart(args) -> int:
    from tracker.output import build

    ledger = _load(args.ledger)
    unknown = [i for i in args.indicators if i not in ledger.indicators]
    if unknown:
        import difflib

        hints = [f"'{u}'" + (f" (did you mean '{m[0]}'?)" if (m := difflib.get_close_matches(u, ledger.indicators, 1))
                             else "") for u in unknown]
        raise UsageError(f"unknown indicator {', '.join(hints)}; `tracker validate` lists the ledger's indicators")
    result = build(ledger, args.out, indicators=args.indicators or None, formats=_formats(args.format))
    print(f"{args.out}: drew {len(result.drawn)} chart{'s' if len(result.drawn) != 1 else ''}, "
          f"{len(result.skipped)} unchanged; report: {Path(args.out) / 'index.html'}", file=sys.stderr)
    for path in result.written:
        print(path)
    return EXIT_OK


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

    p = sub.add_parser("validate", help="check a ledger and list every problem",
                       description="Check a ledger against the format and list every problem as "
                                   "file:line:column: message. Exit 2 if there is any.")
    p.add_argument("path", nargs="?", help="the ledger to check (default: --ledger)")
    ledger_opt(p)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("chart", help="draw a chart per indicator, an overview and output/index.html",
                       description="Draw one chart per indicator (PNG and SVG), an overview of all indicators "
                                   "and a report (index.html). Charts whose inputs have not changed are not "
                                   "redrawn. Prints the files written.")
    p.add_argument("indicators", nargs="*", metavar="INDICATOR", help="only these indicators (default: all)")
    ledger_opt(p)
    p.add_argument("--out", default="output", metavar="DIR", help="output folder (default: output)")
    p.add_argument("--format", default="png,svg", metavar="LIST", help="comma-separated: png, svg, pdf "
                   "(default: png,svg)")
    p.set_defaults(func=cmd_chart)

    p = sub.add_parser("schema", help="print the ledger's JSON Schema",
                       description="Print a JSON Schema of a ledger file, for editors' completion and checks.")
    p.set_defaults(func=cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
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
