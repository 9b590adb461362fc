"""Reviewing candidates: what each one is, the series it would join, and the flags it would raise there.

    for item in pending(ledger):            # candidates, and the extractor's commented ones
        print(item.id, item.would_raise)
    accept("figures.yaml", [item.id])       # tracker.ledger.edit: byte-preserving, validated edits

`pending` reads; `tracker.ledger.edit` writes. The command `tracker review` walks the list with keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from tracker.ledger.edit import accept, reject  # noqa: F401  (the review's actions, re-exported)
from tracker.ledger.model import Figure, Ledger

_COMMENTED = re.compile(r"^(\s*)# - id: (\S+)\s*$")


@dataclass(frozen=True)
class Pending:
    """A candidate awaiting review."""

    id: str
    where: str  # file:line
    quote: str
    fields: dict  # as written: indicator, value, qualifier, as_of or period, source, claimant, note
    figure: Figure | None  # None for a candidate the extractor could only write as a comment
    why_commented: str = ""
    would_raise: tuple = ()  # the flags this figure would raise if accepted (tracker.checks.Flag)
    series_size: int = 0
    latest: str = ""


def _commented(ledger: Ledger) -> list[Pending]:
    """The extractor's commented candidates ('# - id: ...' blocks) in the ledger's files."""
    from ruamel.yaml import YAML

    out = []
    for name in ledger.files:
        lines = Path(name).read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            m = _COMMENTED.match(line)
            if not m:
                continue
            pad = m.group(1)
            block = [line[len(pad) + 2:]]
            for nxt in lines[i + 1:]:
                if not nxt.startswith(pad + "#   "):
                    break
                block.append(nxt[len(pad) + 2:])
            try:
                (fields,) = YAML(typ="safe").load("\n".join(block))
            except Exception:  # a hand-edited comment that is no longer YAML: not a candidate
                continue
            why = lines[i - 1].strip().lstrip("#").strip().rstrip(":") if i and lines[i - 1].strip().startswith("#") \
                else ""
            out.append(Pending(str(m.group(2)), f"{name}:{i + 1}", str(fields.get("quote", "")),
                               {k: v for k, v in fields.items() if k != "id"}, None, why))
    return out


def _preview(ledger: Ledger, f: Figure) -> tuple:
    """The flags `f` would raise if it were accepted (only its own indicator is checked)."""
    from tracker.checks import check_series
    from tracker.series import series_of

    accepted = replace(f, status="accepted")
    trial = Ledger(ledger.indicators, ledger.sources, ledger.events,
                   tuple(accepted if g.id == f.id else g for g in ledger.figures), ledger.files)
    series = series_of(trial, f.indicator)  # only its own indicator is rebuilt
    flags, _ = check_series(trial, series)
    return tuple(fl for fl in flags if f.id in fl.figures[:1])


def pending(ledger: Ledger, preview: bool = True) -> list[Pending]:
    """Every candidate, in ledger order, then the commented ones; with `preview`, what each would raise."""
    candidates = [f for f in ledger.figures if f.status == "candidate"]
    if preview:
        return pending_figures(ledger, candidates) + _commented(ledger)
    return [Pending(f.id, f.location, f.quote, {}, f) for f in candidates] + _commented(ledger)


def highlight(quote: str, value, mark=("**", "**")) -> str:
    """The quote with the figure's number marked (the first number whose readings include the value)."""
    from tracker.text.numbers import scan

    if value is None:
        return quote
    for n in scan(quote):
        if any(abs(r - float(value)) <= 1e-9 * max(1.0, abs(float(value))) for r in n.readings):
            return quote[:n.start] + mark[0] + quote[n.start:n.end] + mark[1] + quote[n.end:]
    return quote


KEYS = "[a]ccept  [r]eject  [i]ndicator  [q]ualifier  [t]ime  [s]kip  e[x]it"


def _show(item: Pending, n: int, total: int, out, color: bool) -> None:
    mark = ("\033[1;33m", "\033[0m") if color else ("**", "**")
    f = item.figure
    value = (f.value if f.value is not None else f.low) if f is not None else item.fields.get("value")
    out.write(f"\n[{n}/{total}] {item.id}  ({item.where})\n")
    out.write(f"  \u201c{highlight(item.quote, value, mark)}\u201d\n")
    fl = item.fields
    when = fl.get("when") or fl.get("as_of") or fl.get("period") or "no date"
    out.write(f"  {fl.get('value')} {fl.get('qualifier', 'exact')} · {fl.get('indicator')} · {when} · "
              f"{fl.get('claimant') or fl.get('source')}\n")
    if fl.get("note"):
        out.write(f"  note: {fl['note']}\n")
    if f is None:
        out.write(f"  not yet a figure ({item.why_commented or 'commented out'}): accepting asks for what it lacks\n")
    else:
        out.write(f"  joins {f.indicator}: {item.series_size} accepted figures" +
                  (f", latest {item.latest}" if item.latest else "") + "\n")
        for flag in item.would_raise:
            out.write(f"  if accepted: {flag.severity.upper()} {flag.code}: {flag.message}\n")
        if not item.would_raise:
            out.write("  if accepted: no flag\n")
    out.write(f"  {KEYS} > ")
    out.flush()


def _ask(prompt: str, inp, out) -> str:
    out.write(prompt)
    out.flush()
    line = inp.readline()
    if not line:
        raise EOFError
    return line.strip()


def run_review(ledger_path, inp, out, color: bool = False, today=None) -> int:
    """The interactive review: one candidate at a time, a key for each action; edits are written at once."""
    from tracker.ledger.edit import EditError
    from tracker.ledger.loader import load

    ledger_path = Path(ledger_path)
    done: set[str] = set()
    while True:
        ledger = load(ledger_path, today=today)
        items = [i for i in pending(ledger, preview=False) if i.id not in done]
        if not items:
            out.write("No candidates left to review.\n")
            return 0
        item = items[0]
        if item.figure is not None:  # its preview, computed only when it is shown
            item = pending_figures(ledger, [item.figure])[0]
        _show(item, len(done) + 1, len(done) + len(items), out, color)
        try:
            key = _ask("", inp, out).lower()[:1]
            changes: dict = {}
            if key == "x":
                out.write("Stopped; the rest stay candidates.\n")
                return 0
            if key == "s" or key == "":
                done.add(item.id)
                continue
            if key == "r":
                note = _ask("  why is it rejected? ", inp, out)
                reject(ledger_path, [item.id], note, today=today)
                done.add(item.id)
                continue
            if key == "i":
                changes["indicator"] = _choose_indicator(ledger, item, inp, out)
                changes.update(_time_for(ledger.indicators.get(changes["indicator"]), item, inp, out))
            elif key == "q":
                changes["qualifier"] = _ask("  qualifier (exact, approx, at_least, at_most, range): ", inp, out)
            elif key == "t":
                when = _ask("  period (flows, rates) or as_of (stocks, totals), e.g. 2024-03: ", inp, out)
                kind = ledger.indicators.get(item.fields.get("indicator"))
                key_t = "period" if kind is not None and kind.kind in ("flow", "rate") else "as_of"
                changes[key_t] = when
                changes["as_of" if key_t == "period" else "period"] = None  # one time, not both
            if key == "a" and item.figure is None:
                ind = ledger.indicators.get(item.fields.get("indicator"))
                if ind is None:
                    changes["indicator"] = _choose_indicator(ledger, item, inp, out)
                    ind = ledger.indicators.get(changes["indicator"])
                if ind is not None and ind.kind in ("flow", "rate") and not item.fields.get("period"):
                    changes["period"] = _ask(f"  {ind.id} is a {ind.kind}: the period it covers (e.g. 2024): ",
                                             inp, out)
            if key == "a":
                accept(ledger_path, [item.id], today=today, **changes)
                done.add(item.id)
            elif changes:
                from tracker.ledger.edit import Edit, edit

                edit(ledger_path, [Edit(item.id, changes)], today)
            else:
                out.write(f"  unknown key '{key}'; {KEYS}\n")
        except EditError as exc:
            out.write(f"  not changed: {exc}\n")
        except EOFError:
            out.write("\n")
            return 0


def indicator_choices(ledger: Ledger, item: Pending, n: int = 5) -> list[str]:
    """What review offers by number: the candidate's own indicator, then those its sentence fits best (as
    extraction ranks them; none its words contradict)."""
    from tracker.extraction.article import read_text_article
    from tracker.extraction.candidates import extract
    from tracker.extraction.suggest import choices

    f = item.figure
    src = ledger.sources.get(f.source if f is not None else str(item.fields.get("source") or ""))
    published = src.published.text if src is not None and src.published is not None else None
    found = extract(read_text_article(item.quote, published=published), ledger) if item.quote else []
    value = f.value if f is not None else _number(item.fields.get("value"))
    same = [c for c in found if value is not None and c.value == value] or list(found)
    ranked = [i for i, _ in choices(same[0], ledger, n=n)] if same else []
    current = f.indicator if f is not None else item.fields.get("indicator")
    return ([current] if current in ledger.indicators else []) + [i for i in ranked if i != current]


def _number(text) -> float | None:
    try:
        return float(str(text).replace(",", "").replace(" ", ""))
    except ValueError:
        return None


def _choose_indicator(ledger: Ledger, item: Pending, inp, out) -> str:
    """Ask for an indicator: a number from the fitting ones, an id, or '?' for every id."""
    offered = indicator_choices(ledger, item)
    listing = "  ".join(f"{k}) {i}" for k, i in enumerate(offered, 1))
    while True:
        answer = _ask(f"  indicator: {listing}\n  a number, an id, or ? for all {len(ledger.indicators)}: "
                      if offered else f"  indicator ({', '.join(ledger.indicators)}): ", inp, out)
        if answer == "?":
            out.write("  " + "\n  ".join(ledger.indicators) + "\n")
        elif answer.isdigit() and 1 <= int(answer) <= len(offered):
            return offered[int(answer) - 1]
        else:
            return answer  # an id; an unknown one is refused by the edit, with the ids it might mean


def _time_for(ind, item, inp, out) -> dict:
    """When a chosen indicator needs the other kind of time than the candidate has (a running total or stock
    counts to a date, a flow or rate covers a period), that time, asked for now: the two changes go
    together, as the ledger refuses either alone."""
    if ind is None:
        return {}
    f = item.figure
    has_period = f.period is not None if f is not None else bool(item.fields.get("period"))
    has_as_of = f.as_of is not None and not f.as_of_defaulted if f is not None else bool(item.fields.get("as_of"))
    if ind.kind in ("cumulative", "stock") and has_period and not has_as_of:
        when = _ask(f"  {ind.id} is a {ind.kind}: the date it is counted to (e.g. 2024-06-30): ", inp, out)
        return {"as_of": when, "period": None}
    if ind.kind in ("flow", "rate") and has_as_of and not has_period:
        when = _ask(f"  {ind.id} is a {ind.kind}: the period it covers (e.g. 2024): ", inp, out)
        return {"period": when, "as_of": None}
    return {}


def pending_figures(ledger: Ledger, figures: list[Figure]) -> list[Pending]:
    from tracker.series import level
    from tracker.text.formatting import stated

    out = []
    for f in figures:
        s = ledger.series[f.indicator]
        ind = s.indicator
        latest = level(s)
        fields = {"indicator": f.indicator, "value": stated(f, "share" if ind.is_share else ind.unit),
                  "qualifier": f.qualifier, "when": str(f.when) if f.when else "", "claimant": f.claimant,
                  "source": f.source, "note": f.note or ""}
        out.append(Pending(f.id, f.location, f.quote, fields, f, "", _preview(ledger, f), len(s.points),
                           f"{stated(latest.figure, ind.unit)} ({latest.figure.when})" if latest else ""))
    return out
