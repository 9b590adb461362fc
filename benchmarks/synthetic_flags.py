"""Detection and false-alarm rates of `tracker flags` on synthetic ledgers shaped like the real ones.

    python benchmarks/synthetic_flags.py [--series 300] [--seed 1]

Each synthetic series has 3 to 40 irregularly dated figures from a few claimants:
running totals that grow smoothly (cumulative) or monthly rates that drift (rate),
rounded as news rounds ("about 7,400"), some printed as bounds ("over 3,000"),
some echoed by other outlets. Into most series one anomaly is injected:

  jump     one figure multiplied or divided by 3 to 10
  digit    one digit dropped from a figure ("64" printed for 684)
  stale    an old value re-printed, undated, by an outlet naming no producer, after a
           newer one was public

Detection rate: the share of injected figures that get a problem flag (warning or
error) naming them; for jump and digit any of magnitude/jump/decrease/conflict/mislabel counts, for
stale the stale check. False-alarm rate: the share of clean figures that get a
problem flag involving no injected figure (a clean figure flagged as lower than an
injected ten-fold jump before it is the anomaly's symptom, not a false alarm), per check.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.checks import check  # noqa: E402
from tracker.ledger.dates import Span  # noqa: E402
from tracker.ledger.model import Figure, Indicator, Ledger, Source  # noqa: E402

START = date(2022, 9, 21)
CLAIMANTS = ["Mediazona", "Important Stories", "HUR", "Frontelligence Insight"]
OUTLETS = ["The Moscow Times", "Ukrainska Pravda", "Kyiv Independent", "Meduza", "Novaya Gazeta", "BB.lv"]


def day(d: date) -> Span:
    return Span(d, d, "day", d.isoformat())


def month(d: date) -> Span:
    first = d.replace(day=1)
    nxt = (first + timedelta(days=32)).replace(day=1)
    return Span(first, nxt - timedelta(days=1), "month", first.strftime("%Y-%m"))


def news_round(x: float, rng: random.Random) -> tuple[float, str]:
    """Round as reports do: exact, to 2-3 significant digits (approx), or down to a bound."""
    r = rng.random()
    if r < 0.55:
        return float(round(x)), "exact"
    digits = 2 if x >= 1000 and rng.random() < 0.5 else 3
    mag = 10 ** max(0, len(str(int(x))) - digits)
    if r < 0.85:
        return float(round(x / mag) * mag), "approx"
    return float(int(x // mag) * mag), "at_least"


def drop_digit(x: float, rng: random.Random) -> float:
    s = str(int(x))
    if len(s) < 3:
        return x / 10
    i = rng.randrange(1, len(s))
    return float(s[:i] + s[i + 1:])


class Builder:
    def __init__(self):
        self.indicators, self.sources, self.figures = {}, {}, []

    def source(self, publisher: str, published: date) -> str:
        sid = f"s{len(self.sources)}"
        self.sources[sid] = Source(id=sid, publisher=publisher, published=day(published))
        return sid

    def figure(self, ind: str, value: float, q: str, published: date, claimant: str | None, as_of: Span | None,
               outlet: str, period: Span | None = None) -> str:
        fid = f"{ind}-f{len(self.figures)}"
        sid = self.source(outlet, published)
        defaulted = as_of is None and period is None
        self.figures.append(Figure(
            id=fid, indicator=ind, source=sid, claimant=claimant or outlet, quote=f"{value:,.0f}", value=value,
            qualifier=q, as_of=as_of if not defaulted else day(published), as_of_defaulted=defaulted,
            period=period, claimant_defaulted=claimant is None))
        return fid

    def ledger(self) -> Ledger:
        return Ledger(self.indicators, self.sources, (), tuple(self.figures))


def make_series(b: Builder, n_series: int, rng: random.Random, truth: dict):
    """Add one series; record injected anomalies in truth[figure id] = kind."""
    ind = f"i{n_series}"
    kind = "cumulative" if rng.random() < 0.6 else "rate"
    b.indicators[ind] = Indicator(id=ind, title=ind, unit="cases", kind=kind,
                                  since=day(START) if kind == "cumulative" else None,
                                  per="month" if kind == "rate" else None)
    n = rng.randint(3, 40)
    span_days = rng.randint(300, 1100)
    dates = sorted(START + timedelta(days=rng.randint(30, span_days)) for _ in range(n))
    base = rng.uniform(300, 20000)
    growth = rng.uniform(0.02, 0.12)  # per month, slowing
    level = rng.uniform(50, 2000)
    producer = rng.choice(CLAIMANTS)
    ids = []
    for d in dates:
        months = (d - START).days / 30.44
        if kind == "cumulative":
            true = base * (1 + growth * months) ** 1.3
        else:  # one true rate per month, drifting
            true = level * (1 + 0.01 * int(months)) * random.Random(f"{ind}-{d.year}-{d.month}").uniform(0.93, 1.07)
        value, q = news_round(true, rng)
        outlet = rng.choice(OUTLETS)
        own = rng.random() < 0.2
        published = d + timedelta(days=rng.randint(0, 20))
        if kind == "cumulative":
            as_of = day(d) if rng.random() < 0.4 else month(d) if rng.random() < 0.5 else None
            fid = b.figure(ind, value, q, published, producer, as_of, producer if own else outlet)
        else:
            fid = b.figure(ind, value, q, published, producer, None, producer if own else outlet, period=month(d))
        ids.append((fid, value, q, published, d))
        if rng.random() < 0.15:  # an echo in another outlet a few days later
            b.figure(ind, value, q, published + timedelta(days=rng.randint(1, 5)), producer,
                     b.figures[-1].as_of if not b.figures[-1].as_of_defaulted else None, rng.choice(OUTLETS),
                     period=b.figures[-1].period)
    if n < 4 or rng.random() < 0.2:
        return  # a clean series
    anomaly = rng.choice(["jump", "digit", "stale"] if kind == "cumulative" else ["jump", "digit"])
    i = rng.randrange(1, len(ids))  # not the first: a first figure has nothing before it to break
    fid, value, q, published, d = ids[i]
    idx = next(k for k, f in enumerate(b.figures) if f.id == fid)
    f = b.figures[idx]
    if anomaly == "jump":
        factor = rng.uniform(3, 10) ** rng.choice([1, -1])
        new = float(round(value * factor))
    elif anomaly == "digit":
        if q != "exact" or value < 100:
            return
        new = drop_digit(value, rng)
    else:  # stale: an old value re-printed later, undated, by an outlet naming no producer
        if i < 2:
            return
        old_value = ids[rng.randrange(0, i - 1)][1]
        if old_value >= value * 0.9:
            return
        truth[b.figure(ind, old_value, rng.choice(["exact", "at_least"]), published + timedelta(days=60), None,
                       None, rng.choice(OUTLETS))] = "stale"
        return
    b.figures[idx] = Figure(**{**{s: getattr(f, s) for s in f.__slots__}, "value": new, "quote": f"{new:,.0f}"})
    truth[fid] = anomaly


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--detector", default="state-space")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    b = Builder()
    truth: dict[str, str] = {}
    for s in range(args.series):
        make_series(b, s, rng, truth)
    ledger = b.ledger()
    t0 = time.perf_counter()
    result = check(ledger, detector=args.detector)
    secs = time.perf_counter() - t0
    flagged: dict[str, set[str]] = {}
    false_flagged: dict[str, set[str]] = {}  # problem flags that involve no injected figure at all
    for fl in result.problems():
        flagged.setdefault(fl.figures[0], set()).add(fl.code)
        if not any(f in truth for f in fl.figures):
            false_flagged.setdefault(fl.figures[0], set()).add(fl.code)
    serious = {"jump", "decrease", "conflict", "magnitude", "mislabel"}
    wanted = {"jump": serious, "digit": serious,
              "stale": {"stale"}}
    print(f"{args.series} series, {len(ledger.figures)} figures, {len(truth)} injected anomalies; "
          f"detector {args.detector}; checked in {secs:.1f} s")
    print(f"{'anomaly':<10}{'injected':>10}{'detected':>10}{'rate':>8}")
    for kind in ("jump", "digit", "stale"):
        ids = [f for f, k in truth.items() if k == kind]
        hit = sum(1 for f in ids if flagged.get(f, set()) & wanted[kind])
        print(f"{kind:<10}{len(ids):>10}{hit:>10}{(hit / len(ids) if ids else float('nan')):>8.2f}")
    clean = [f.id for f in ledger.figures if f.id not in truth]
    false = Counter(code for f in clean for code in false_flagged.get(f, ()))
    print(f"\nfalse alarms on {len(clean)} clean figures (problem flags naming them and no injected figure):")
    for code in ("magnitude", "jump", "decrease", "conflict", "mislabel", "stale", "relative", "quote"):
        print(f"  {code:<10}{false.get(code, 0):>6}  rate {false.get(code, 0) / len(clean):.3f}")
    any_false = sum(1 for f in clean if false_flagged.get(f))
    print(f"  {'any':<10}{any_false:>6}  rate {any_false / len(clean):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
