"""Change points on the annotated real series of TCPD, our detector beside its peers.

    python benchmarks/tcpd.py [--data ../shared/benchmarks/tcpd] [--margin 5]

Scores, per the TCPD paper (van den Burg & Williams, arXiv:2003.06222): F1 with a
margin (default 5) against all annotators, and segmentation cover. Methods, all with
default settings and no tuning per series:

  tracker      tracker.models.change_points with its defaults (state-space local linear
               trend, MLE variances; outliers by the measurement disturbance set aside; each
               level or growth-rate disturbance beyond sqrt(2 ln n), largest first, becomes a
               step or ramp regressor before the next is sought)
  binseg, pelt ruptures, l2 cost, on the series scaled to unit variance, with an MBIC-like
               penalty 3 ln n (the changepoint package's default style); binseg at most 5
               change points, like changepoint's default Q
  zero         no change points
  max-step     one change point at the largest step between neighbours

Left out: run_log (two dimensions) and uk_coal_employ (missing values), as in the
paper's univariate tables. Needs ruptures (pip install ruptures).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.models import change_points  # noqa: E402

SKIP = {"run_log": "two dimensions", "uk_coal_employ": "missing values"}


# -- metrics (as described in the benchmark's README) ----------------------------------------


def true_positives(truth: set[int], predicted: set[int], margin: int) -> set[int]:
    left = set(predicted)
    found = set()
    for tau in sorted(truth):
        close = sorted((abs(tau - x), x) for x in left if abs(tau - x) <= margin)
        if close:
            found.add(tau)
            left.remove(close[0][1])
    return found


def f1(annotations: dict, predicted: list[int], margin: int) -> float:
    sets = [set(v) | {0} for v in annotations.values()]
    x = set(predicted) | {0}
    union = set().union(*sets)
    precision = len(true_positives(union, x, margin)) / len(x)
    recall = sum(len(true_positives(s, x, margin)) / len(s) for s in sets) / len(sets)
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _partition(cps, n: int) -> list[set[int]]:
    bounds = [0] + sorted(c for c in set(cps) if 0 < c < n) + [n]
    return [set(range(a, b)) for a, b in zip(bounds, bounds[1:]) if b > a]


def cover(annotations: dict, predicted: list[int], n: int) -> float:
    pred = _partition(predicted, n)
    scores = []
    for cps in annotations.values():
        truth = _partition(cps, n)
        total = sum(len(r) * max(len(r & p) / len(r | p) for p in pred) for r in truth)
        scores.append(total / n)
    return float(np.mean(scores))


def clean(cps, n: int) -> list[int]:
    return sorted({int(c) for c in cps if 1 <= c <= n - 2})


# -- methods -----------------------------------------------------------------------------------


def ruptures_method(name: str):
    import ruptures as rpt

    def run(y: np.ndarray) -> list[int]:
        z = (y - y.mean()) / (y.std() or 1.0)
        algo = (rpt.Binseg if name == "binseg" else rpt.Pelt)(model="l2", min_size=2, jump=1).fit(z)
        cps = [c for c in algo.predict(pen=3 * np.log(len(y))) if c < len(y)]
        if name == "binseg" and len(cps) > 5:
            cps = [c for c in algo.predict(n_bkps=5) if c < len(y)]
        return cps

    return run


def max_step(y: np.ndarray) -> list[int]:
    return [int(np.argmax(np.abs(np.diff(y)))) + 1]


METHODS = {
    "tracker": lambda y: change_points(y),
    "binseg": None,
    "pelt": None,
    "zero": lambda y: [],
    "max-step": max_step,
}


def load(data: Path):
    annotations = json.loads((data / "annotations.json").read_text())
    for path in sorted((data / "datasets").glob("*/*.json")):
        doc = json.loads(path.read_text())
        name = doc["name"]
        if name in SKIP:
            continue
        y = np.asarray(doc["series"][0]["raw"], dtype=float)
        yield name, y, annotations[name]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "benchmarks" / "tcpd"))
    parser.add_argument("--margin", type=int, default=5)
    args = parser.parse_args(argv)
    data = Path(args.data)
    if not (data / "annotations.json").exists():
        print(f"no TCPD data at {data}; pass --data DIR", file=sys.stderr)
        return 2
    METHODS["binseg"] = ruptures_method("binseg")
    METHODS["pelt"] = ruptures_method("pelt")
    rows = []
    seconds = {m: 0.0 for m in METHODS}
    for name, y, ann in load(data):
        row = {"series": name, "n": len(y)}
        for method, run in METHODS.items():
            t0 = time.perf_counter()
            cps = clean(run(y), len(y))
            seconds[method] += time.perf_counter() - t0
            margin_short = max(1, round(len(y) / 20))
            row[method] = (f1(ann, cps, args.margin), cover(ann, cps, len(y)), f1(ann, cps, margin_short), len(cps))
        rows.append(row)
    names = list(METHODS)
    print(f"TCPD: {len(rows)} univariate series (left out: {', '.join(f'{k} ({v})' for k, v in SKIP.items())})")
    print(f"F1 with margin {args.margin} / cover, per series:")
    print(f"{'series':<20}{'n':>5}  " + "".join(f"{m:>16}" for m in names))
    for r in rows:
        print(f"{r['series']:<20}{r['n']:>5}  " + "".join(f"{r[m][0]:>8.3f}/{r[m][1]:.3f}" for m in names))
    short = [r for r in rows if r["n"] <= 60]
    print()
    print(f"{'mean':<26}" + "".join(f"{m:>16}" for m in names))
    for label, subset, idx in (("F1 (margin 5), all", rows, 0), ("cover, all", rows, 1),
                               ("F1 (margin 5), n<=60", short, 0), ("cover, n<=60", short, 1),
                               ("F1 (margin n/20), all", rows, 2), ("F1 (margin n/20), n<=60", short, 2)):
        print(f"{label:<26}" + "".join(f"{np.mean([r[m][idx] for r in subset]):>16.3f}" for m in names))
    print(f"{'change points, mean':<26}" + "".join(f"{np.mean([r[m][3] for r in rows]):>16.1f}" for m in names))
    print(f"{'seconds, total':<26}" + "".join(f"{seconds[m]:>16.2f}" for m in names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
