"""Commands that read the ledger and report on it: validate, schema, list, show, flags."""

from __future__ import annotations

import sys

from tracker.cli.common import DEFAULT_LEDGER, EXIT_FLAGS, EXIT_OK, _known_indicators, _load, settled
from tracker.errors import UsageError


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


def _detector(name: str):
    from tracker.models import REGISTRY, get_detector

    if name not in REGISTRY:
        raise UsageError(f"unknown detector '{name}'; try one of: {', '.join(REGISTRY)}")
    return get_detector(name)


def cmd_flags(args) -> int:
    if args.list_checks:
        from tracker.checks import CHECKS

        for c in CHECKS:
            kinds = f" ({', '.join(c.kinds)} indicators)" if c.kinds else ""
            print(f"{c.code:<10}{c.doc}{kinds}")
        return EXIT_OK
    prepared = []

    def prepare() -> None:  # here, while a ledger not in the cache is read in a forked process
        prepared.append(_detector(args.detector))
        prepared[0].prepare()  # the model's libraries, and the checks, inherited by the workers
        import tracker.checks  # noqa: F401

    # forked before anything heavy is imported: the reading starts at once
    ledger = settled(_load(args.ledger, beside=prepare))
    detector = prepared[0] if prepared else _detector(args.detector)
    from tracker.checks import SEVERITIES, check, severity_at_least
    if args.explain:
        from tracker.checks.explain import explain

        try:
            sys.stdout.write(explain(ledger, args.explain, detector))
        except KeyError:
            import difflib

            close = difflib.get_close_matches(args.explain, [f.id for f in ledger.figures], 1)
            hint = f"; did you mean '{close[0]}'?" if close else "; `tracker show INDICATOR` lists the ids"
            raise UsageError(f"no figure '{args.explain}' in the ledger{hint}") from None
        return EXIT_OK
    _known_indicators(ledger, args.indicators)
    result = check(ledger, args.indicators or None, detector, cache=True)
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
          f"(info: supported jumps, revisions; notice: cannot be judged){acked if result.acknowledged else ''}",
          file=sys.stderr)
    if args.fail_on != "none" and any(severity_at_least(f, args.fail_on) for f in result.flags):
        return EXIT_FLAGS
    return EXIT_OK


def _print_table(flags) -> None:
    import shutil

    from tracker.text.formatting import wrap

    width = max(60, min(shutil.get_terminal_size((110, 20)).columns, 140))
    order = {}
    for f in flags:
        order.setdefault(f.indicator, len(order))
    current = None
    code_width = max((len(f.code) for f in flags), default=0) + 1  # 'magnitude' ran into its file:line
    for f in sorted(flags, key=lambda f: order[f.indicator]):  # stable: severity order kept within
        if f.indicator != current:
            print(f"{'' if current is None else chr(10)}{f.indicator}")
            current = f.indicator
        head = f"  {f.severity.upper():<8}{f.code:<{code_width}}"
        body = f"{f.where}: " if f.where else ""
        body += f.message + (f" Supported: {f.support}." if f.support else "")
        body += f" Acknowledged by {f.acknowledged}." if f.acknowledged else ""
        lines = wrap(body, width - len(head)) or [""]
        print(head + lines[0])
        for line in lines[1:]:
            print(" " * len(head) + line)


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
