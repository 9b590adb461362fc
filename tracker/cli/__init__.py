"""The `tracker` command: a thin layer over the library.

Exit status: 0 success; 1 flags at or above --fail-on; 2 bad input or usage.
Data goes to standard output, messages and errors to standard error.
Each command imports what it needs when it runs, so --help and validate stay fast.
The commands live by job: `inspect` (validate, schema, list, show, flags), `draw` (chart, watch,
export), `curate` (extract, mine, review, accept, reject); `parser` declares them all.
"""

from __future__ import annotations

import sys

from tracker.cli.common import EXIT_BAD_INPUT, EXIT_OK
from tracker.errors import LedgerError, TrackerError


def main(argv: list[str] | None = None) -> int:
    import os

    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")  # tiny matrices: BLAS threads only fight the worker processes
    from tracker.cli import common
    from tracker.cli.parser import build_parser

    common.OWN_PROCESS = argv is None
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
    except TrackerError as exc:  # a usage mistake, an unknown indicator, an unreadable article
        print(f"tracker: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # e.g. `tracker flags | head`
        sys.stderr.close()
        return EXIT_OK
    except OSError as exc:  # a read-only file or folder, a full disk, --out naming a file: the user's to fix
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"tracker: {where}{exc.strerror or exc}; check the path and its permissions", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("tracker: interrupted", file=sys.stderr)
        return 130
