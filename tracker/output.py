"""Write every chart and the report into an output folder, redrawing only what changed.

Each chart's inputs (its indicator, figures, their sources and events, the
drawing code's version) hash to a key kept in `.tracker-manifest.json` with the
file's own hash. A chart is redrawn when its key changed or its file is missing
or altered. Every file is written atomically, the manifest last.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tracker.fileio import atomic_write, atomic_write_text
from tracker.ledger import Ledger
from tracker.cache import series_key
from tracker.series import all_series

RENDER_VERSION = "4"  # the manifest's format
MANIFEST = ".tracker-manifest.json"
OVERVIEW = "overview"


@dataclass
class BuildResult:
    drawn: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # every file written, charts and report


def _code_hash() -> str:
    """The drawing code and matplotlib's version are inputs too: a change to either redraws every chart."""
    import matplotlib

    from tracker.cache import code_hash

    return code_hash("charts", "series", "report", "formatting") + matplotlib.__version__


def _file_hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _read_manifest(out: Path) -> dict:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        return data.get("files", {}) if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}  # missing or damaged: everything is redrawn


class _Progress:
    def __init__(self, total: int, enabled: bool):
        self.total, self.done = total, 0
        self.enabled = enabled and total > 5

    def step(self, name: str):
        self.done += 1
        if self.enabled:
            sys.stderr.write(f"\r[{self.done}/{self.total}] {name[:60]:<60}")
            sys.stderr.flush()

    def close(self):
        if self.enabled:
            sys.stderr.write("\r" + " " * 80 + "\r")
            sys.stderr.flush()


def build(ledger: Ledger, out: str | Path = "output", indicators: list[str] | None = None,
          formats: tuple[str, ...] = ("png", "svg"), progress: bool | None = None,
          flags=None, bands: dict | None = None) -> BuildResult:
    """Draw the charts (all indicators, or those named) and the overview, and write index.html."""
    from tracker import charts, report

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    old = _read_manifest(out)
    manifest = dict(old)
    result = BuildResult()
    series_by_id = all_series(ledger)
    wanted = indicators or list(series_by_id)
    flagged = _flagged_by_figure(flags)
    flag_key = lambda ids: repr(sorted((i, flagged.get(i)) for i in ids))  # noqa: E731
    jobs = []
    for ind_id in wanted:
        s = series_by_id[ind_id]
        ids = [p.id for p in (*s.points, *s.candidates)]
        band = bands.get(ind_id) if bands else None
        key = series_key(ledger, s, _code_hash() + flag_key(ids) + (band.to_csv() if band is not None else ""))
        jobs.append((ind_id, s, key, band))
    overview_key = hashlib.sha256("".join(k for _, _, k, _ in jobs).encode()).hexdigest()
    if indicators is None:
        jobs.append((OVERVIEW, None, overview_key, None))
    todo = [j for j in jobs if not _fresh(out, old, j[0], j[2], formats)]
    meter = _Progress(len(todo), sys.stderr.isatty() if progress is None else progress)
    for name, s, key, band in jobs:
        if (name, s, key, band) not in todo:
            result.skipped.append(name)
            continue
        import matplotlib.pyplot as plt

        if name == OVERVIEW:
            fig, _ = charts.plot_overview(ledger, series_by_id, data_hash=key)
        else:
            fig, _ = charts.plot_indicator(ledger, name, series=s, band=band,
                                           flagged={k: v for k, v in flagged.items()} or None, data_hash=key)
        for fmt in formats:
            path = out / f"{name}.{fmt}"
            data = charts.save(fig, path, fmt)
            atomic_write(path, data)
            manifest[path.name] = {"inputs": key, "sha256": hashlib.sha256(data).hexdigest()}
            result.written.append(str(path))
        plt.close(fig)
        result.drawn.append(name)
        meter.step(name)
    meter.close()
    html = report.render(ledger, series_by_id, formats=formats, flags=flags)
    index = out / "index.html"
    if _file_hash(index) != hashlib.sha256(html.encode("utf-8")).hexdigest():
        atomic_write_text(index, html)
        result.written.append(str(index))
    if manifest != old:
        atomic_write_text(out / MANIFEST, json.dumps({"version": RENDER_VERSION, "files": manifest},
                                                     indent=1, sort_keys=True))
    return result


def _fresh(out: Path, manifest: dict, name: str, key: str, formats) -> bool:
    for fmt in formats:
        entry = manifest.get(f"{name}.{fmt}")
        if not entry or entry.get("inputs") != key or _file_hash(out / f"{name}.{fmt}") != entry.get("sha256"):
            return False
    return True


def _flagged_by_figure(flags) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for fl in flags or ():
        if getattr(fl, "is_problem", True):
            for fid in fl.figures[:1]:
                codes = out.setdefault(fid, [])
                if fl.code not in codes:
                    codes.append(fl.code)
    return out
