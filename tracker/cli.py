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
