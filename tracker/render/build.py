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

from tracker._infra.cache import series_key
from tracker._infra.files import atomic_write, atomic_write_text
from tracker._infra.pool import SHARED, fork_map
from tracker.ledger.model import Ledger

RENDER_VERSION = "4"  # the manifest's format
MANIFEST = ".tracker-manifest.json"
OVERVIEW = "overview"
TILES = "tiles"  # one small chart per indicator, from which the overview is composed


@dataclass
class BuildResult:
    drawn: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # every file written, charts and report
    out: str = ""  # the folder written to
    untranslated: dict[str, tuple[str, ...]] = field(default_factory=dict)  # indicator -> words left in English


def _code_hash() -> str:
    """The package's code and the libraries' versions are inputs too: a change to either redraws every chart."""
    from tracker._infra.cache import code_hash

    return code_hash()


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
          result=None, workers: int | None = None, style: str = "working", lang: str = "en",
          cache: bool = False) -> BuildResult:
    """Draw the charts (all indicators, or those named) and, in the working style, their overview tiles,
    the overview and index.html. Charts whose inputs are unchanged are not redrawn; many are drawn on all
    cores.

    PNG is always written; other formats go alongside. `result` is `tracker.check(ledger)`'s, for the
    flags and bands: the whole ledger's, whatever is drawn, as the report always describes all of it; when
    not given, the ledger is checked here (with `cache`). The publication style (`style="publish"`) writes
    charts for readers, with a PNG at twice the resolution beside each (`NAME@2x.png`), and no report; into
    `out/publish` when `out` holds working charts (a report), and a sub-folder per language other than
    English (`out/ru`)."""
    formats = tuple(dict.fromkeys(("png", *formats)))
    out = Path(out)
    working = style == "working"
    if not working:  # readers' charts never replace working charts of the same names, nor another language's
        if (out / "index.html").exists():
            out = out / "publish"
        if lang != "en":
            out = out / lang
    (out / TILES if working else out).mkdir(parents=True, exist_ok=True)
    for stale in (*out.glob(".*.tmp"), *(out / TILES).glob(".*.tmp")):  # left by an interrupted run
        stale.unlink(missing_ok=True)
    old = _read_manifest(out)
    manifest = dict(old)
    checked = result
    if checked is None:  # the publication style leaves out what the flags call stale or a likely misprint
        from tracker.checks import check

        checked = check(ledger, cache=cache)
    result = BuildResult()
    series_by_id = dict(ledger.series)
    wanted = [ledger.series[i].indicator.id for i in indicators] if indicators else list(series_by_id)
    flagged = checked.flagged() if working else \
        {fid: codes for fid, codes in checked.flagged().items() if "stale" in codes or "magnitude" in codes}
    bands = checked.bands() if working else {}
    flags = checked.flags if working else ()
    keys, data_keys = _keys(ledger, series_by_id, wanted, flagged, bands, f"{style}|{lang}")
    files = formats + (("png@2x",) if not working else ())
    todo = [i for i in wanted if not _fresh(out, old, i, keys[i], files, working and _has_figures(series_by_id[i]))]
    result.skipped = [i for i in wanted if i not in todo]
    meter = _Progress(len(todo), sys.stderr.isatty() if progress is None else progress)
    context = {"ledger": ledger, "series": series_by_id, "bands": bands, "flagged": flagged, "out": out,
               "formats": files, "keys": keys, "data_keys": data_keys, "style": style, "lang": lang}
    try:
        for name, entries in fork_map(_draw, todo, context, workers):
            _record(manifest, result, out, name, entries)
            meter.step(name)
    finally:
        meter.close()
    result.drawn.sort(key=wanted.index)
    result.out = str(out)
    if not working and lang != "en":  # what the ledger does not give in this language stays English: say so
        from tracker.render.charts import missing_words

        result.untranslated = {i: m for i in wanted if (m := missing_words(ledger, series_by_id[i], lang))}
    if working:
        if indicators is None:
            _overview(out, manifest, result, [i for i in wanted if _has_figures(series_by_id[i])], keys, data_keys)
        _report(ledger, out, manifest, result, series_by_id, flags)
    if manifest != old:
        atomic_write_text(out / MANIFEST, json.dumps({"version": RENDER_VERSION, "files": manifest},
                                                     indent=1, sort_keys=True))
    return result


def _keys(ledger, series_by_id, wanted, flagged, bands, salt: str) -> tuple[dict, dict]:
    """Per indicator: the hash of what its chart shows (printed in the footer), and of that and the code
    that draws it (which decides a redraw)."""
    keys, data_keys = {}, {}
    for ind_id in wanted:
        s = series_by_id[ind_id]
        ids = [p.id for p in (*s.points, *s.candidates)]
        band = bands.get(ind_id)
        extra = salt + repr(sorted((i, flagged.get(i)) for i in ids)) + (band.to_csv() if band is not None else "")
        data_keys[ind_id] = series_key(ledger, s, extra)
        keys[ind_id] = hashlib.sha256((_code_hash() + data_keys[ind_id]).encode()).hexdigest()
    return keys, data_keys


def _overview(out: Path, manifest: dict, result: BuildResult, shown: list[str], keys: dict, data_keys: dict):
    overview_key = hashlib.sha256("".join(keys[i] for i in shown).encode()).hexdigest()
    overview_data = hashlib.sha256("".join(data_keys[i] for i in shown).encode()).hexdigest()
    entry = manifest.get(OVERVIEW + ".png")
    if entry and entry.get("inputs") == overview_key and _file_hash(out / (OVERVIEW + ".png")) == entry.get("sha256"):
        result.skipped.append(OVERVIEW)
        return
    from tracker.render.charts import compose_overview

    data = compose_overview([out / TILES / f"{i}.png" for i in shown], overview_data)
    atomic_write(out / (OVERVIEW + ".png"), data)
    _record(manifest, result, out, OVERVIEW, [(OVERVIEW + ".png", overview_key, hashlib.sha256(data).hexdigest())])


def _report(ledger, out: Path, manifest: dict, result: BuildResult, series_by_id: dict, flags) -> None:
    from tracker.render import report

    images = {}
    for ind_id, s in series_by_id.items():  # what is on disk: the SVG where it is as current as the PNG
        png, svg = manifest.get(f"{ind_id}.png"), manifest.get(f"{ind_id}.svg")
        if not _has_figures(s) or not png or not (out / f"{ind_id}.png").exists():
            images[ind_id] = None
        elif svg and svg.get("inputs") == png.get("inputs") and (out / f"{ind_id}.svg").exists():
            images[ind_id] = f"{ind_id}.svg"
        else:
            images[ind_id] = f"{ind_id}.png"
    _chart_data(ledger, out, series_by_id, result, set(result.drawn))
    from tracker.render.interactive import annotate

    svgs = {i: _annotated(out / name, manifest.get(name, {}).get("sha256"), ledger, series_by_id[i], flags, annotate)
            for i, name in images.items() if name and name.endswith(".svg")}
    html = report.render(ledger, series_by_id, images, flags=flags, overview=(out / (OVERVIEW + ".png")).exists(),
                         svgs=svgs)
    index = out / "index.html"
    if _file_hash(index) != hashlib.sha256(html.encode("utf-8")).hexdigest():
        atomic_write_text(index, html)
        result.written.append(str(index))


_ANNOTATED: dict = {}  # (svg sha256, what its tooltips say) -> annotated SVG; kept while a process lives (watch)


def _annotated(path: Path, digest: str | None, ledger, series, flags, annotate) -> str:
    """A chart's SVG with its points annotated, reused when neither the file nor its figures changed."""
    mine = tuple(sorted((f.code, f.figures, f.message) for f in flags or () if f.indicator == series.indicator.id))
    key = (str(path), digest, mine)  # the SVG's bytes carry its data's hash in the footer
    if digest is None or key not in _ANNOTATED:
        if len(_ANNOTATED) > 2000:
            _ANNOTATED.clear()
        _ANNOTATED[key] = annotate(path.read_text(encoding="utf-8"), ledger, series, flags)
    return _ANNOTATED[key]


def _chart_data(ledger, out: Path, series_by_id: dict, result: BuildResult, drawn: set) -> None:
    """Each chart's data as CSV in data/ (the report links it), written with its chart: for the charts
    drawn in this run, and for any whose file is missing."""
    from tracker.export import series_table, whole_numbers

    (out / "data").mkdir(exist_ok=True)
    for ind_id in series_by_id:
        if ind_id not in drawn and (out / "data" / f"{ind_id}.csv").exists():
            continue
        frame = whole_numbers(series_table(ledger, [ind_id]))
        data = frame.to_csv(index=False, lineterminator="\n").encode("utf-8")
        path = out / "data" / f"{ind_id}.csv"
        if _file_hash(path) != hashlib.sha256(data).hexdigest():
            atomic_write(path, data)
            result.written.append(str(path))


def _draw(name: str):
    """Draw one indicator's chart in every format and its overview tile; return the files written."""
    from tracker.render import charts

    sh = SHARED
    out, key, s = sh["out"], sh["keys"][name], sh["series"][name]
    entries = []
    fig, _ = charts.plot_indicator(sh["ledger"], name, series=s, band=sh["bands"].get(name),
                                   flagged=sh["flagged"] or None, data_hash=sh["data_keys"][name], style=sh["style"],
                                   lang=sh["lang"])
    for fmt in sh["formats"]:
        filename = _filename(name, fmt)
        data = charts.save(fig, fmt.split("@")[0], scale=2 if fmt.endswith("@2x") else 1)
        atomic_write(out / filename, data)
        entries.append((filename, key, hashlib.sha256(data).hexdigest()))
    if sh["style"] == "working" and _has_figures(s):
        fig, _ = charts.plot_tile(sh["ledger"], name, series=s)
        data = charts.save(fig, "png")
        atomic_write(out / TILES / f"{name}.png", data)
        entries.append((f"{TILES}/{name}.png", key, hashlib.sha256(data).hexdigest()))
    return name, entries


def _record(manifest: dict, result: BuildResult, out: Path, name: str, entries) -> None:
    for filename, key, digest in entries:
        manifest[filename] = {"inputs": key, "sha256": digest}
        result.written.append(str(out / filename))
    result.drawn.append(name)


def _has_figures(s) -> bool:
    return bool(s.points or s.candidates or s.rejected)


def _filename(name: str, fmt: str) -> str:
    """'x.png', 'x.svg'; 'x@2x.png' for the double-resolution PNG (format 'png@2x')."""
    return f"{name}@2x.png" if fmt == "png@2x" else f"{name}.{fmt}"


def _fresh(out: Path, manifest: dict, name: str, key: str, formats, tile: bool) -> bool:
    """True when every file drawn for `name` exists, is as written, and was drawn from `key`."""
    names = [_filename(name, fmt) for fmt in formats] + ([f"{TILES}/{name}.png"] if tile else [])
    for filename in names:
        entry = manifest.get(filename)
        if not entry or entry.get("inputs") != key or _file_hash(out / filename) != entry.get("sha256"):
            return False
    return True



