"""Commands that write files from the ledger: chart, watch, export."""

from __future__ import annotations

import sys
from pathlib import Path

from tracker.cli.common import EXIT_OK, _formats, _known_indicators, _load, _needs
from tracker.errors import UsageError


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
    if args.what == "figures":
        frame = export.figures_table(ledger, args.indicators or None)
    else:
        frame = export.series_table(ledger, args.indicators or None, echoes=args.echoes)
    if args.out == "-":
        if args.format == "parquet":
            raise UsageError("Parquet cannot go to standard output; give --out FILE")
        ready = export.prepared(frame, args.format)
        sys.stdout.write(ready.to_csv(index=False) if args.format == "csv" else
                         ready.to_json(orient="records", force_ascii=False, indent=1) + "\n")
        return EXIT_OK
    export.write_table(frame, args.out, args.format)
    print(f"{args.out}: {len(frame)} rows ({args.what})", file=sys.stderr)
    return EXIT_OK


def _out_dir(args) -> str:
    """--out, else output (output/publish for the publish style)."""
    return args.out or ("output/publish" if args.style == "publish" else "output")


def cmd_watch(args) -> int:
    from tracker.watch import watch

    if not Path(args.ledger).exists():
        raise UsageError(f"{args.ledger}: no such ledger; pass --ledger PATH")
    out = _out_dir(args)
    watch(args.ledger, out, formats=_formats(args.format), style=args.style, lang=args.lang)
    return EXIT_OK


def untranslated_warning(untranslated: dict, lang: str) -> str:
    """'warning: 30 of the charts say some words in English, as the ledger gives no ru words for them: ...'."""
    by_kind: dict[str, list[str]] = {}
    for ind, missing in untranslated.items():
        for what in missing:
            kind, _, event = what.partition(" ")
            by_kind.setdefault(kind, []).append(event or ind)
    parts = []
    for kind, items in by_kind.items():
        items = list(dict.fromkeys(items))
        shown = ", ".join(items[:3]) + (f" and {len(items) - 3} more" if len(items) > 3 else "")
        parts.append(f"{kind} of {shown}" if kind != "event" else f"the label of event {shown}")
    return (f"warning: {len(untranslated)} chart(s) say some words in English, as the ledger gives no '{lang}' "
            f"words for them: {'; '.join(parts)}. Add them under the indicator (chart: {{{lang}: {{title: ..., "
            f"counts: ...}}}}) or the event (chart: {{{lang}: {{title: ...}}}}); see docs/ledger-format.md")


def cmd_chart(args) -> int:
    from tracker.render.build import build

    ledger = _load(args.ledger)
    _known_indicators(ledger, args.indicators)
    out = _out_dir(args)
    result = build(ledger, out, indicators=args.indicators or None, formats=_formats(args.format),
                   style=args.style, lang=args.lang, cache=True)
    report = f"; report: {Path(out) / 'index.html'}" if args.style == "working" else ""
    print(f"{result.out}: drew {len(result.drawn)} chart{'s' if len(result.drawn) != 1 else ''}, "
          f"{len(result.skipped)} unchanged{report}", file=sys.stderr)
    if result.untranslated:
        print(untranslated_warning(result.untranslated, args.lang), file=sys.stderr)
    for path in result.written:
        print(path)
    return EXIT_OK
