"""Flags on real series: one error at a time injected into the shipped ledger's real series, per kind.

For every real series with three or more independent figures (running totals of court cases, deserters,
people helped to desert, ...) and every figure in it that its article did not print wrong (KNOWN_WRONG), one
error of each kind is injected, with the quote's number changed to match (so the quote check cannot give it
away):

  extra digit     the value ten times larger (10025 -> 100250)
  dropped digit   a middle digit left out (684 -> 64)
  unit slip       a thousand times larger or smaller (20.5 thousand printed as 20.5)
  mislabel        another indicator's value from the same source or release
  stale           an older running total re-printed, undated, a month after the newest
  (a lower bound made lower or left below every plain figure of its series, or an upper bound made
  higher, is still a true statement: those are not injected; a range's ends move with its value)
  near period     a second figure for nearly the same time (same month for running totals; a period
                  overlapping by 90% for flows) with a value 1.6 times off

Caught: a serious flag (error or warning other than quote, undated, stale; for the stale kind, stale)
names the injected figure first. Blamed: a serious flag names a clean figure that the clean run did
not flag (a figure the article printed wrong is not clean). A conflict that says its series cannot tell which of
its two figures is wrong (Flag.undecided) names the later entry in the ledger, as a curator checks the figure just
added first; the copy injected for the near period always is that entry, so the catches made so are counted apart.
False flags: serious flags on the clean ledger, per figure. Beside tracker: the ratio rule (the same checks with the
ratio-rule detector) and ruptures' PELT on each series (caught when a change point falls at the injected figure or
just after it).

    python benchmarks/real_flags.py            # the shipped ledger's real series (tuned on)
    python benchmarks/real_flags.py --unseen   # benchmarks/data/unseen_series: never tuned on, measured once
    python benchmarks/real_flags.py --ledger benchmarks/data/unseen_series_2/figures.yaml   # any other ledger
    python benchmarks/real_flags.py --ledger benchmarks/data/unseen_series_4/figures.yaml   # session 12's, once
    python benchmarks/real_flags.py --ledger benchmarks/data/unseen_series_5/figures.yaml   # session 13's, once
    python benchmarks/real_flags.py --ledger benchmarks/data/unseen_series_6/figures.yaml   # session 14's, once
    python benchmarks/real_flags.py --ledger benchmarks/data/unseen_series_7/figures.yaml   # session 15's, once
    python benchmarks/real_flags.py --ledger benchmarks/data/unseen_series_8/figures.yaml   # session 16's, once
    python benchmarks/real_flags.py --ledger benchmarks/data/unseen_series_9/figures.yaml   # session 17's, once
    python benchmarks/real_flags.py --ledger benchmarks/data/unseen_series_10/figures.yaml  # session 18's, once
    python benchmarks/real_flags.py --ledger benchmarks/data/unseen_series_11/figures.yaml  # session 19's, once
    python benchmarks/real_flags.py --ledger benchmarks/data/unseen_series_12/figures.yaml  # session 21's, once
"""

from __future__ import annotations

import dataclasses
import math
import sys
from collections import defaultdict
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import tracker  # noqa: E402
from tracker.checks import check  # noqa: E402
from tracker.ledger.dates import parse_span  # noqa: E402
from tracker.ledger.model import Figure, Ledger, Source  # noqa: E402

KINDS = ("extra digit", "dropped digit", "unit slip", "mislabel", "stale", "near period")
IGNORED = ("quote", "undated", "stale", "definition")  # definition: what a quote counts (definition_drift.py)
# Figures printed wrong in the articles themselves, as the harvests' notes say: flagging them is right, so they are
# not counted as clean
KNOWN_WRONG = {
    "art337-sentences-monthly-r104": "R104: '64' printed for 684 (every other rendering says 684)",
    "refusal-sentences-since-invasion-r097": "R097: 17,721 sentences printed as 'prosecutions' after the AWOL count",
    "refusal-court-cases-in-year-r124": "R124: published after Mediazona's newer release (stale)",
    "idite-lesom-desertion-requests-in-period-r158": "R158: the same 2,086 given for 'the year' and 'two years'",
    "refusal-sentences-r099": "R099: 18,159 is the AWOL case count printed as sentences",
    "nl-2019": "newslookup.com (2020): the July 2019 count so far, 6,800, printed as the year 2019's",
}


UNSEEN = ROOT / "benchmarks" / "data" / "unseen_series" / "figures.yaml"


def known_wrong(f) -> bool:
    """A figure the article itself printed wrong: named above, or noted "Printed wrong:" in its ledger."""
    return f.id in KNOWN_WRONG or (f.note or "").startswith("Printed wrong:")


def harvest(f) -> str:
    """'later' for a figure of the second harvest (checks never changed with it in view before), else 'tuned'."""
    import re

    return "later" if re.match(r"R(?:0[6-9]\d|1\d\d)\.", f.note or "") else "tuned"


def _with(ledger: Ledger, figures, sources=None) -> Ledger:
    return Ledger(ledger.indicators, sources or ledger.sources, ledger.events, tuple(figures), ledger.files)


def _num(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:g}"


def _drop_digit(v: float) -> float | None:
    digits = str(int(v))
    if len(digits) < 3 or not float(v).is_integer():
        return None
    cut = digits[:len(digits) // 2] + digits[len(digits) // 2 + 1:]
    return float(cut) if cut and float(cut) != v else None


def _release_values(ledger: Ledger, f: Figure) -> list[float]:
    """Other indicators' values from the same source or the same claimant's same release."""
    src = ledger.sources[f.source]
    out = []
    for g in ledger.figures:
        if g.indicator == f.indicator or g.value is None or g.status != "accepted":
            continue
        gs = ledger.sources[g.source]
        same = g.source == f.source or (g.claimant == f.claimant and gs.published and src.published
                                        and gs.published.text == src.published.text)
        if same and not math.isclose(g.value, f.value, rel_tol=0.05):
            out.append(float(g.value))
    return out


def injections(ledger: Ledger):
    """(kind, series id, injected figure id, ledger) for every applicable injection."""
    for ind_id, series in ledger.series.items():
        pts = series.independent()
        if len(pts) < 3:
            continue
        for p in pts:
            f = p.figure
            if f.value is None or known_wrong(f):  # already wrong: a digit added to R104's '64' makes it 640,
                continue  # about the true 684 (a correction, not an error)
            changed = {"extra digit": f.value * 10, "dropped digit": _drop_digit(f.value),
                       "unit slip": f.value / 1000 if f.value >= 1000 else f.value * 1000}
            if f.qualifier == "at_least":  # a lower bound made lower, or still below the series, is still true
                top = max((q.best for q in series.plain), default=0.0)
                changed = {k: v for k, v in changed.items() if v is not None and v > f.value and v > 1.1 * top}
            if f.qualifier == "at_most":
                changed = {k: v for k, v in changed.items() if v is not None and v < f.value}
            others = _release_values(ledger, f)
            if others:
                changed["mislabel"] = others[0]
            for kind, v in changed.items():
                if v is None:
                    continue
                scale = v / f.value  # a range's ends move with it
                ends = {"low": f.low * scale, "high": f.high * scale} if f.qualifier == "range" else {}
                bad = dataclasses.replace(f, value=v, quote=f"{f.quote[:60]} ({_num(v)})", **ends)
                yield kind, ind_id, f.id, _with(ledger, [bad if g.id == f.id else g for g in ledger.figures])
        kind = series.indicator.kind
        latest = max(pts, key=lambda q: (q.end, q.id))
        if kind == "cumulative":
            older = [q for q in pts if q.figure.value and q.figure.value < 0.8 * (latest.figure.value or 0)]
            if older:
                old = older[0]
                day = latest.end + timedelta(days=45)
                src = Source("injected-late", "Late Outlet", published=parse_span(day.isoformat()))
                fig = Figure("injected-stale", ind_id, src.id, "Late Outlet", f"{_num(old.figure.value)} cases",
                             value=old.figure.value, as_of=src.published, as_of_defaulted=True,
                             claimant_defaulted=True)
                yield "stale", ind_id, fig.id, _with(ledger, [*ledger.figures, fig],
                                                      {**ledger.sources, src.id: src})
        for p in pts:
            f = p.figure
            if f.value is None or f.qualifier not in ("exact", "approx"):
                continue
            month_of = f.as_of.first.isoformat()[:7] if f.as_of is not None else None
            if kind == "cumulative" and f.as_of is not None and f.as_of.precision == "day" \
                    and not any(q.echo_of == f.id for q in series.points) \
                    and not any(q.id != f.id and q.claimant == f.claimant and q.start.isoformat()[:7] == month_of
                                for q in pts):
                # (only a day-dated figure, not echoed, alone in its month for its claimant: dated to its
                # month, it must not become an echo, nor meet another real figure of that month)
                # the claimant's release for a month, told twice: the figure dated to its month, and a copy
                when = parse_span(f.as_of.first.isoformat()[:7])
                month = dataclasses.replace(f, as_of=when, as_of_defaulted=False)
                fig = dataclasses.replace(month, id="injected-near", value=round(f.value * 1.6),
                                          quote=f"{_num(round(f.value * 1.6))}")
                figures = [month if g.id == f.id else g for g in ledger.figures]
                yield "near period", ind_id, fig.id, _with(ledger, [*figures, fig])
                break
            if kind in ("flow", "rate") and f.period is not None and f.period.days > 20:
                first = f.period.first + timedelta(days=max(1, f.period.days // 10))
                span = parse_span(f"{first.isoformat()}/{f.period.last.isoformat()}")
                fig = dataclasses.replace(f, id="injected-near", value=round(f.value * 1.6, 2), period=span,
                                          quote=f"{_num(round(f.value * 1.6, 2))}")
                yield "near period", ind_id, fig.id, _with(ledger, [*ledger.figures, fig])
                break


def serious(flag, kind: str | None = None) -> bool:
    if kind == "stale" and flag.code == "stale":
        return True
    return flag.severity in ("error", "warning") and flag.code not in IGNORED


def run_tracker(ledger: Ledger, detector: str) -> dict:
    clean = check(ledger, detector=detector)
    clean_flagged = {f.figures[0] for f in clean.flags if serious(f)}
    checked = [f for s in ledger.series.values() if len(s.independent()) >= 3 for p in s.independent()
               for f in [p.figure] if not known_wrong(f)]
    group = {f.id: harvest(f) for f in ledger.figures}
    # a figure the article printed wrong is no clean neighbour: naming it is no blame
    not_clean = clean_flagged | {f.id for f in ledger.figures if known_wrong(f)}
    caught, tried, blamed, details = defaultdict(int), defaultdict(int), defaultdict(int), []
    undecided = defaultdict(int)  # caught only by a conflict that cannot tell, naming the later entry (Flag.undecided)
    for kind, ind_id, fid, bad in injections(ledger):
        g = group.get(fid) or group.get(next((f.id for f in bad.figures if f.id == fid), ""), "later")
        if fid == "injected-near":  # the near period copy: its group is its series'
            g = "later" if any(group[f.id] == "later" for f in ledger.figures if f.indicator == ind_id) else "tuned"
        tried[kind] += 1
        tried[(g, kind)] += 1
        flags = check(bad, [ind_id], detector=detector).flags
        hit = any(serious(f, kind) and f.figures[0] == fid for f in flags)
        undecided[kind] += hit and not any(serious(f, kind) and f.figures[0] == fid and not f.undecided
                                           for f in flags)
        caught[kind] += hit
        caught[(g, kind)] += hit
        wrong = [f for f in flags if serious(f) and f.figures[0] != fid and f.figures[0] not in not_clean]
        blamed["all"] += bool(wrong)
        blamed[g] += bool(wrong)
        if not hit or wrong:
            value = next(f.value for f in bad.figures if f.id == fid)
            said = "; ".join(f"{f.code}/{f.severity} on {f.figures[0]}" for f in flags if f.code not in IGNORED)
            details.append(f"{'missed' if not hit else 'blamed'} {kind} {fid}={value:g} in {ind_id}: {said or '-'}")
    n_tried = {g: sum(v for k, v in tried.items() if isinstance(k, tuple) and k[0] == g) for g in ("tuned", "later")}
    flagged = [f for f in checked if f.id in clean_flagged]
    by_group = {g: (sum(1 for f in flagged if group[f.id] == g), sum(1 for f in checked if group[f.id] == g))
                for g in ("tuned", "later")}
    return {"caught": caught, "undecided": undecided, "tried": tried, "false": len(flagged) / max(1, len(checked)),
            "blamed": blamed["all"] / max(1, sum(v for k, v in tried.items() if isinstance(k, str))),
            "n_clean": len(checked), "details": details, "clean": sorted(f.id for f in flagged),
            "groups": {g: {"false": by_group[g], "blamed": (blamed[g], n_tried[g])} for g in ("tuned", "later")}}


def run_pelt(ledger: Ledger) -> dict:
    import numpy as np
    import ruptures as rpt

    def breaks(values):
        y = np.log(np.maximum(np.asarray(values, dtype=float), 1e-9)).reshape(-1, 1)
        if len(y) < 3:
            return set()
        sd = max(float(np.std(np.diff(y[:, 0]))), 1e-3)
        return set(rpt.Pelt(model="l2", min_size=1, jump=1).fit(y / sd).predict(pen=2 * math.log(len(y)))[:-1])

    caught, tried = defaultdict(int), defaultdict(int)
    false = n = 0
    for series in ledger.series.values():
        pts = [p for p in series.independent() if p.best]
        if len(pts) >= 3:
            false += len(breaks([p.best for p in pts]))
            n += len(pts)
    for kind, ind_id, fid, bad in injections(ledger):
        tried[kind] += 1
        pts = sorted([p for p in bad.series[ind_id].independent() if p.best], key=lambda p: (p.mid, p.id))
        idx = next((i for i, p in enumerate(pts) if p.id == fid), None)
        if idx is not None and breaks([p.best for p in pts]) & {idx, idx + 1}:
            caught[kind] += 1
    return {"caught": caught, "tried": tried, "false": false / max(1, n), "blamed": float("nan"), "n_clean": n}


def main() -> int:
    other = sys.argv[sys.argv.index("--ledger") + 1] if "--ledger" in sys.argv else None
    ledger = tracker.load(UNSEEN if "--unseen" in sys.argv else Path(other) if other else ROOT / "figures.yaml")
    results = {"tracker (state-space)": run_tracker(ledger, "state-space"),
               "ratio rule": run_tracker(ledger, "ratio-rule")}
    try:
        results["ruptures PELT"] = run_pelt(ledger)
    except ImportError:
        print("ruptures not installed: pip install -e '.[bench]' for the PELT column")
    tried = results["tracker (state-space)"]["tried"]
    print(f"real series: {sum(1 for s in ledger.series.values() if len(s.independent()) >= 3)}; clean figures "
          f"checked: {results['tracker (state-space)']['n_clean']}; injections: "
          f"{sum(v for k, v in tried.items() if isinstance(k, str))}")
    head = f"{'kind':<15}{'n':>4}" + "".join(f"{name:>24}" for name in results)
    print(head)
    for kind in KINDS:
        row = f"{kind:<15}{tried.get(kind, 0):>4}"
        for r in results.values():
            t = r["tried"].get(kind, 0)
            row += f"{(r['caught'].get(kind, 0) / t if t else float('nan')):>24.2f}"
        print(row)
    print(f"{'false flags':<19}" + "".join(f"{r['false']:>24.3f}" for r in results.values()))
    print(f"{'neighbour blamed':<19}" + "".join(f"{r['blamed']:>24.3f}" for r in results.values()))
    r = results["tracker (state-space)"]
    print("caught only as the later entry of a conflict that cannot tell (tracker): "
          + (", ".join(f"{k} {n}" for k, n in r["undecided"].items() if n) or "none"))
    if "--unseen" not in sys.argv and not other:  # one harvest there: a split by harvest says nothing
        print("\nby harvest (tracker):   " + "".join(f"{g + ' harvest':>26}" for g in ("tuned", "later")))
        for kind in KINDS:
            row = f"{kind:<15}         "
            for g in ("tuned", "later"):
                t = r["tried"].get((g, kind), 0)
                row += f"{(r['caught'].get((g, kind), 0) / t if t else float('nan')):>18.2f} of {t:>4}"
            print(row)
        for key, label in (("false", "clean flagged"), ("blamed", "neighbour blamed")):
            pairs = (r["groups"][g][key] for g in ("tuned", "later"))
            print(f"{label:<24}" + "".join(f"{a:>18} of {b:>4}" for a, b in pairs))
    if "-v" in sys.argv:
        print("clean figures flagged:", ", ".join(r["clean"]) or "none")
        print("\n".join(r["details"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
