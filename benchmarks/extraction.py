"""Recall and precision of `tracker extract` on labelled text, beside quantulum3.

    python benchmarks/extraction.py

Three sets, all under tests/data:
  gold     every numeric claim of the five seed articles, and Russian and Ukrainian
           passages (extract_gold.yaml); precision is measured here
  held-out sentences from real articles in en/ru/uk, each with the figure it was cited
           for (extract_heldout.yaml); the extractor was not written against them
  labelled 42 passages per language written in the shapes news prints (extract_labelled.yaml):
           words with scales, shares, abbreviations, rounded numbers, and numbers that are
           not figures; recall, recall with the qualifier and precision per language
  unseen   15 passages per language written after the extractor's last change and measured once
           (extract_unseen.yaml): what the labelled figures are worth on text not tuned on

Then speed on one core, read and extracted, as articles and MB a second: ~5 KB generated news
pages that hold a tracked figure (benchmarks/mine.py; dense: a number in nearly every sentence,
~39 candidates a page) as HTML (trafilatura's parse included) and as plain text; and ~5 KB real
articles (the five seeds, joined into three articles of 4.2-5.9 KB; ~8 candidates each).

Per language: recall of core figures by value, by value with the right qualifier, and
of the period or start where the gold gives one; precision of all candidates by value.
quantulum3 (pip install quantulum3) runs on the same text; it has no qualifiers or periods,
so it is scored on values, and its qualifier is taken as exact.
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "data"

from tracker.extraction import extract, read_article, read_text_article  # noqa: E402


def _same(a, b, tol: float = 1e-6) -> bool:
    return a is not None and b is not None and math.isclose(float(a), float(b), rel_tol=tol, abs_tol=1e-9)


def _matches(c: dict, g: dict, tol: float = 1e-6) -> bool:
    if g.get("qualifier") == "range" and "low" in g:
        return _same(c.get("low"), g["low"], tol) and _same(c.get("high"), g["high"], tol)
    return _same(c.get("value"), g.get("value"), tol)


def ours(text_or_path, published=None, lang=None):
    article = read_article(text_or_path) if isinstance(text_or_path, Path) else \
        read_text_article(text_or_path, published=published)
    return [{"value": c.value, "low": c.low, "high": c.high, "qualifier": c.qualifier, "period": c.period,
             "since": c.since, "per": c.per} for c in extract(article)]


def quantulum(text_or_path, published=None, lang=None):
    from quantulum3 import parser

    text = text_or_path.read_text() if isinstance(text_or_path, Path) else text_or_path
    out = []
    for q in parser.parse(text):
        v = q.value
        if q.unit and q.unit.name in ("percentage",):
            v = v / 100
        out.append({"value": v, "low": None, "high": None, "qualifier": "exact", "period": None, "since": None})
    return out


def score(method) -> dict:
    """Counts per language: core claims found (value, qualifier, time), candidates, correct candidates."""
    gold = yaml.safe_load((DATA / "extract_gold.yaml").read_text())["documents"]
    stats: dict[str, dict] = {}
    for doc in gold:
        lang = doc["language"]
        s = stats.setdefault(lang, dict(core=0, value=0, qual=0, timed=0, time=0, cands=0, correct=0))
        source = DATA / doc["file"] if "file" in doc else doc["text"]
        cands = method(source, published=str(doc.get("published")) if doc.get("published") else None, lang=lang)
        s["cands"] += len(cands)
        s["correct"] += sum(1 for c in cands if any(_matches(c, g) for g in doc["claims"]))
        used: set[int] = set()
        for g in doc["claims"]:
            if not g.get("core"):
                continue
            s["core"] += 1
            hits = [i for i, c in enumerate(cands) if _matches(c, g) and i not in used]
            if not hits:
                continue
            s["value"] += 1
            good = [i for i in hits if cands[i]["qualifier"] == g["qualifier"]]
            want = g.get("period") or g.get("since")
            key = "period" if g.get("period") else "since"
            timed = [i for i in (good or hits) if want and str(cands[i].get(key) or "").startswith(str(want))]
            pick = (timed or good or hits)[0]  # the candidate a curator would copy, where there are several
            used.add(pick)
            s["qual"] += bool(good)
            if want:
                s["timed"] += 1
                got = cands[pick].get("period") if g.get("period") else cands[pick].get("since")
                s["time"] += str(got or "").startswith(str(want))
    return stats


def score_heldout(method) -> dict:
    quotes = yaml.safe_load((DATA / "extract_heldout.yaml").read_text())["quotes"]
    stats: dict[str, dict] = {}
    for q in quotes:
        s = stats.setdefault(q["language"], dict(n=0, value=0, qual=0))
        s["n"] += 1
        cands = method(q["quote"], lang=q["language"])
        hits = [c for c in cands if _matches(c, q)]
        s["value"] += bool(hits)
        s["qual"] += any(c["qualifier"] == q["qualifier"] for c in hits)
    return stats


def score_labelled(method, name: str = "extract_labelled.yaml") -> dict:
    """Per language: core claims, found by value, with the qualifier; candidates and correct candidates."""
    data = yaml.safe_load((DATA / name).read_text())
    stats: dict[str, dict] = {}
    for lang, passages in data["passages"].items():
        s = stats.setdefault(lang, dict(core=0, value=0, qual=0, cands=0, correct=0, missed=[], wrong=[]))
        for p in passages:
            cands = method(p["text"], published=str(data["published"]), lang=lang)
            claims = p["claims"] or []
            s["cands"] += len(cands)
            for c in cands:
                ok = any(_matches(c, g, 1e-4) for g in claims)
                s["correct"] += ok
                if not ok:
                    s["wrong"].append((c["value"] if c["value"] is not None else (c["low"], c["high"]), p["text"]))
            used: set[int] = set()
            for g in claims:
                if not g.get("core", True):
                    continue
                s["core"] += 1
                hits = [i for i, c in enumerate(cands) if _matches(c, g, 1e-4) and i not in used]
                if not hits:
                    s["missed"].append((g.get("value", (g.get("low"), g.get("high"))), p["text"]))
                    continue
                good = [i for i in hits if cands[i]["qualifier"] == g["qualifier"]]
                used.add((good or hits)[0])
                s["value"] += 1
                s["qual"] += bool(good)
                if not good:
                    s["missed"].append((f"{g.get('value')} {g['qualifier']} (read {cands[hits[0]]['qualifier']})",
                                        p["text"]))
    return stats


def speed(n: int = 300) -> dict:
    """Articles and MB a second on one core: HTML read + extract, and plain text read + extract."""
    import random

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from mine import page

    import tracker
    from tracker.extraction.article import read_html_article

    ledger = tracker.load(ROOT / "figures.yaml")
    rng = random.Random(7)
    pages = []
    while len(pages) < n:
        html, relevant = page(len(pages), rng)
        if relevant:
            pages.append(html)
    texts = [read_html_article(h).text for h in pages[:20]] * (n // 20)
    seeds = [p.read_text() for p in sorted((DATA / "seeds").glob("*.txt"))]
    real = [seeds[1], seeds[0] + "\n" + seeds[3], seeds[2] + "\n" + seeds[4]] * (n // 3)  # ~5 KB each
    out = {}
    for name, items, read in (("dense pages, html", pages, read_html_article),
                              ("dense pages, text", texts, read_text_article),
                              ("real articles, text", real, read_text_article)):
        mb = sum(len(x.encode()) for x in items) / 1e6
        t = time.perf_counter()
        found = sum(len(extract(read(x), ledger)) for x in items)
        secs = time.perf_counter() - t
        out[name] = (len(items) / secs, mb / secs, mb * 1e3 / len(items), found / len(items))
    return out


def _r(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def main() -> int:
    verbose = "-v" in sys.argv
    methods = {"tracker": ours}
    try:
        import quantulum3  # noqa: F401

        methods["quantulum3"] = quantulum
    except ImportError:
        print("quantulum3 not installed: pip install quantulum3 (shown as the peer)\n")
    for name, method in methods.items():
        t0 = time.perf_counter()
        gold, held = score(method), score_heldout(method)
        secs = time.perf_counter() - t0
        print(f"== {name} ({secs:.1f} s)")
        print(f"{'gold':<10}{'core':>6}{'value':>8}{'+qual':>8}{'period':>8}{'cands':>7}{'prec':>7}")
        tot = {k: 0 for k in ("core", "value", "qual", "timed", "time", "cands", "correct")}
        for lang, s in gold.items():
            for k in tot:
                tot[k] += s[k]
            print(f"{lang:<10}{s['core']:>6}{_r(s['value'], s['core']):>8}{_r(s['qual'], s['core']):>8}"
                  f"{_r(s['time'], s['timed']):>8}{s['cands']:>7}{_r(s['correct'], s['cands']):>7}")
        print(f"{'all':<10}{tot['core']:>6}{_r(tot['value'], tot['core']):>8}{_r(tot['qual'], tot['core']):>8}"
              f"{_r(tot['time'], tot['timed']):>8}{tot['cands']:>7}{_r(tot['correct'], tot['cands']):>7}")
        print(f"{'held-out':<10}{'n':>6}{'value':>8}{'+qual':>8}")
        n = v = q = 0
        for lang, s in held.items():
            n, v, q = n + s["n"], v + s["value"], q + s["qual"]
            print(f"{lang:<10}{s['n']:>6}{_r(s['value'], s['n']):>8}{_r(s['qual'], s['n']):>8}")
        print(f"{'all':<10}{n:>6}{_r(v, n):>8}{_r(q, n):>8}")
        for title, name in (("labelled", "extract_labelled.yaml"), ("unseen", "extract_unseen.yaml")):
            lab = score_labelled(method, name)
            print(f"{title:<10}{'core':>6}{'value':>8}{'+qual':>8}{'cands':>15}{'prec':>7}")
            for lang, s in lab.items():
                print(f"{lang:<10}{s['core']:>6}{_r(s['value'], s['core']):>8}{_r(s['qual'], s['core']):>8}"
                      f"{s['cands']:>15}{_r(s['correct'], s['cands']):>7}")
            if verbose:
                for lang, s in lab.items():
                    for what, items in (("missed", s["missed"]), ("not a figure", s["wrong"])):
                        for value, text in items:
                            print(f"  {lang} {what}: {value}  | {text}")
        print()
    for name, (rate, mbs, kb, per) in speed().items():
        print(f"speed, {name:<20}: {rate:,.0f} articles/s, {mbs:.2f} MB/s on one core "
              f"({kb:.1f} KB an article, {per:.1f} candidates each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
