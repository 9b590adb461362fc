"""How fast `tracker watch` answers a save: seconds from writing the ledger to the new chart and report,
at 1,000 and 10,000 figures (the ledgers of benchmarks/scale.py), median of 5 saves each.

    python benchmarks/watch.py [--sizes 1000,10000]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import make_ledger  # noqa: E402


def measure(n: int, inds: int, saves: int = 5) -> tuple[float, list[float]]:
    work = Path(tempfile.mkdtemp(prefix="tracker-watch-"))
    ledger = work / "figures.yaml"
    text = make_ledger(n, inds)
    ledger.write_text(text)
    env = {"TRACKER_CACHE_DIR": str(work / "cache"), "PATH": "/usr/bin:/bin"}
    proc = subprocess.Popen([sys.executable, "-m", "tracker.cli", "watch", "--ledger", str(ledger), "--out",
                             str(work / "out")], stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    lines: list[str] = []
    threading.Thread(target=lambda: [lines.append(x) for x in proc.stderr], daemon=True).start()

    def wait(needle: str, after: int) -> float:
        while True:
            for line in lines[after:]:
                if needle in line:
                    return time.perf_counter()
            if proc.poll() is not None:
                raise RuntimeError("".join(lines))
            time.sleep(0.005)

    t0 = time.perf_counter()
    wait("ready:", 0)
    first = time.perf_counter() - t0
    values = [int(m) for m in re.findall(r"value: (\d+)", text)[:saves]]
    times = []
    for k, v in enumerate(values):
        before = len(lines)
        text = text.replace(f"value: {v}\n", f"value: {v + 1 + k}\n", 1)
        saved = time.perf_counter()
        ledger.write_text(text)
        times.append(wait("built in", before) - saved)
    proc.terminate()
    proc.wait(10)
    return first, times


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000")
    args = ap.parse_args(argv)
    print(f"{'figures':>8} {'inds':>5} {'first build s':>14} {'save→files s (median)':>22} {'all saves':>30}")
    for n in [int(x) for x in args.sizes.split(",")]:
        inds = max(20, n // 50)
        first, times = measure(n, inds)
        print(f"{n:>8} {inds:>5} {first:>14.1f} {statistics.median(times):>22.2f} "
              f"{' '.join(f'{t:.2f}' for t in times):>30}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
