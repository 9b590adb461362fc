"""Runs killed at random moments leave every file as it was or complete, and the next run repairs.

CI kills a handful of runs; a longer run (the figure in the README):

    TRACKER_KILL_RUNS=200 .venv/bin/python -m pytest tests/test_interrupt.py
"""

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time

from conftest import LEDGER

RUNS = int(os.environ.get("TRACKER_KILL_RUNS", "8"))


def _complete(path) -> bool:
    data = path.read_bytes()
    if path.suffix == ".png":
        return data.startswith(b"\x89PNG\r\n\x1a\n") and data.endswith(b"IEND\xaeB`\x82")
    if path.suffix == ".svg":
        return data.rstrip().endswith(b"</svg>")
    if path.suffix == ".html":
        return data.rstrip().endswith(b"</html>")
    if path.suffix == ".json":
        json.loads(data)
        return True
    return True


def _digests(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.startswith(".")}


def _chart(workdir, out, cache):
    env = {**os.environ, "TRACKER_CACHE_DIR": str(cache)}
    return subprocess.Popen([sys.executable, "-m", "tracker.cli", "chart", "--ledger", str(LEDGER), "--out", str(out)],
                            cwd=workdir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_killed_chart_runs_leave_whole_files_and_the_next_run_repairs(tmp_path):
    reference = tmp_path / "reference"
    assert _chart(tmp_path, reference, tmp_path / "cache-ref").wait() == 0
    want = _digests(reference)
    out, cache = tmp_path / "out", tmp_path / "cache"
    rng = random.Random(20261121)
    killed = 0
    for run in range(RUNS):
        if run % 3 == 0:
            shutil.rmtree(out, ignore_errors=True)  # a cold run now and then
        elif out.exists():
            (out / ".tracker-manifest.json").unlink(missing_ok=True)  # forget what was drawn: redraw all
        if run % 4 == 1:
            shutil.rmtree(cache, ignore_errors=True)
        proc = _chart(tmp_path, out, cache)
        time.sleep(rng.uniform(0.2, 3.5))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait()
        for path in out.rglob("*") if out.exists() else ():
            if path.is_file() and not path.name.endswith(".tmp"):
                assert _complete(path), f"{path} is incomplete after a kill"
    assert _chart(tmp_path, out, cache).wait() == 0  # the next run repairs anything left
    assert _digests(out) == want
    assert not [p for p in out.rglob(".*.tmp")]
    assert killed >= RUNS // 2
    print(f"{RUNS} runs, {killed} killed while running")  # shown with pytest -s
