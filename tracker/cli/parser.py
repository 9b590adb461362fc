"""The command line: every command, its arguments and its help, in one declaration."""

from __future__ import annotations

import argparse

from tracker import __version__
from tracker.cli.common import DEFAULT_LEDGER
from tracker.cli.curate import cmd_accept, cmd_extract, cmd_mine, cmd_reject, cmd_review
from tracker.cli.draw import cmd_chart, cmd_export, cmd_watch
from tracker.cli.inspect import cmd_flags, cmd_list, cmd_schema, cmd_show, cmd_validate

# Long on purpose: the declaration of every command and option, read top to bottom like the help.

class _ChartLanguages:
    """--lang's choices, read from tracker.languages only when a command asks (--help stays fast)."""

    def _codes(self):
        from tracker.languages import chart_languages

        return chart_languages()

    def __contains__(self, code) -> bool:
        return code in self._codes()

    def __iter__(self):
        return iter(self._codes())

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

    def drawing_opts(p):  # chart and watch draw the same things
        p.add_argument("--out", metavar="DIR", help="output folder (default: output; output/publish with --style "
                       "publish)")
        p.add_argument("--style", choices=("working", "publish"), default="working",
                       help="working (default): the curator's charts with the model's band, flags, candidates and "
                            "the report; publish: charts for readers, accepted figures only, PNG at 1x and 2x")
        p.add_argument("--lang", choices=_ChartLanguages(), metavar="LANG", default="en",
                       help="language of the charts' fixed words: %(choices)s (default: en); titles come from the "
                       "ledger (an indicator's chart: title)")
        p.add_argument("--format", default="png,svg", metavar="LIST", help="comma-separated: png, svg, pdf "
                       "(default: png,svg)")

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
    drawing_opts(p)
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

    p = sub.add_parser("extract", help="turn articles into candidate figures (ledger YAML, JSON or CSV)",
                       description="Read articles (.txt or .html files, directories of them, glob patterns, URLs, "
                                   "or standard input) and print their figures as candidate ledger entries with "
                                   "their quote, qualifier, time, claimant and a suggested indicator; --format json "
                                   "or csv prints one row per candidate instead. With --append, add them to a "
                                   "ledger file as a new document, leaving every byte already there untouched. An "
                                   "article that cannot be read is skipped with its reason (exit status 1).")
    p.add_argument("article", nargs="*", help="articles: .txt or .html files, directories, glob patterns "
                   "(quoted), http(s) addresses, or - for standard input (the default)")
    p.add_argument("--format", choices=("yaml", "json", "csv"), default="yaml",
                   help="yaml: a ledger document (default); json, csv: one row per candidate with its citation")
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
    drawing_opts(p)
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
    p.add_argument("--echoes", action="store_true", help="series: keep the re-prints of a claimant's own figure "
                   "(marked in echo_of); left out by default, so that a sum counts each figure once")
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
