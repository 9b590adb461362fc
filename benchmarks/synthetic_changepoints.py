"""Change points on synthetic series with known changes: the set defaults are chosen on, kept apart
from TCPD (which is only measured).

    python benchmarks/synthetic_changepoints.py [--series 200] [--seed 7] [-v]

Each series has 12 to 600 points (a fifth of them 12 to 60, as short as ledger and many
real series are) and 0 to 4 changes, at least 10 points (in a short series a quarter of
its length) apart and from the ends: a shift of
level (2 to 6 noise deviations) or a change of slope. The noise is one of white, AR(1)
(phi 0.3 to 0.7), heavy-tailed (Student t, 3 degrees of freedom), seasonal (period 12 plus
white noise) or a random walk wandering with no change at all. A third of the series get 1 to
3 isolated outliers of 5 to 10 deviations, which are not changes: a detector that calls them
changes loses precision. Scored as TCPD is (F1 with margin 5, segmentation cover), with the one
true set of changes as the only annotator, beside the largest-step baseline (one change at the
largest step between neighbours).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from tcpd import cover, f1  # noqa: E402

from tracker.models import change_points  # noqa: E402

NOISES = ("white", "ar1", "heavy", "seasonal", "walk")


def series(rng: np.random.Generator) -> tuple[np.ndarray, list[int], str]:
    """One synthetic series, its true change points (index where a new segment starts), its noise kind."""
    n = int(rng.integers(12, 61)) if rng.random() < 0.2 else int(rng.integers(30, 601))
    gap = min(10, n // 4)
    noise = NOISES[int(rng.integers(len(NOISES)))]
    t = np.arange(n, dtype=float)
    e = rng.standard_normal(n)
    if noise == "ar1":
        phi = rng.uniform(0.3, 0.7)
        for i in range(1, n):
            e[i] += phi * e[i - 1]
        e *= np.sqrt(1 - phi ** 2)
    elif noise == "heavy":
        e = rng.standard_t(3, n) / np.sqrt(3)
    elif noise == "seasonal":
        e = e + rng.uniform(1, 2) * np.sin(2 * np.pi * t / 12 + rng.uniform(0, 2 * np.pi))
    elif noise == "walk":
        return np.cumsum(rng.standard_normal(n)) * 0.3 + rng.uniform(-1, 1) * 0.02 * t, [], noise
    cps: list[int] = []
    for _ in range(int(rng.integers(0, 5))):
        c = int(rng.integers(gap, n - gap))
        if all(abs(c - d) >= gap for d in cps):
            cps.append(c)
    cps.sort()
    y = e + rng.uniform(-0.01, 0.01) * t
    for c in cps:
        if rng.random() < 0.7:
            y[c:] += rng.choice([-1, 1]) * rng.uniform(2, 6)
        else:
            y[c:] += rng.choice([-1, 1]) * rng.uniform(0.1, 0.4) * (t[c:] - c)
    if rng.random() < 1 / 3:
        for i in rng.choice(np.arange(1, n - 1), size=int(rng.integers(1, 4)), replace=False):
            if all(abs(i - c) > 5 for c in cps):
                y[i] += rng.choice([-1, 1]) * rng.uniform(5, 10)
    return y * rng.uniform(0.5, 1000) + rng.uniform(-100, 100), cps, noise


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-v", action="store_true", help="one line per noise kind")
    args = parser.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    rows = []  # (noise, n, tracker F1, tracker cover, max-step F1, max-step cover)
    t0 = time.perf_counter()
    for _ in range(args.series):
        y, truth, noise = series(rng)
        ann = {"truth": truth}
        ours = [c for c in change_points(y) if 1 <= c <= len(y) - 2]
        step = [int(np.argmax(np.abs(np.diff(y)))) + 1]
        rows.append((noise, len(y), f1(ann, ours, 5), cover(ann, ours, len(y)), f1(ann, step, 5),
                     cover(ann, step, len(y))))
    seconds = time.perf_counter() - t0
    print(f"synthetic change points: {len(rows)} series, seed {args.seed}, {seconds:.1f} s")
    groups = [("all", rows), ("n<=60", [r for r in rows if r[1] <= 60])]
    if args.v:
        groups += [(k, [r for r in rows if r[0] == k]) for k in NOISES]
    print(f"{'':<10}{'n':>5}  {'tracker F1/cover':>17}  {'max-step F1/cover':>17}")
    for label, subset in groups:
        m = np.mean([r[2:] for r in subset], axis=0)
        print(f"{label:<10}{len(subset):>5}  {m[0]:>9.3f}/{m[1]:.3f}  {m[2]:>9.3f}/{m[3]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
