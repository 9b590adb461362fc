"""How `tracker mine` scales: pages a second and MB a second at 1 and 2 workers and on a Dask LocalCluster
with 2 workers, and peak memory, on generated archives (a WARC file and a folder) of 10,000 and 100,000
pages, a known share of which hold figures. Beside it, the extractor's own speed on one article.

    python benchmarks/mine.py                  # 10,000 and 100,000 pages
    python benchmarks/mine.py --sizes 2000     # a quick run

The pages are written here from templates (English, Russian, Ukrainian news shapes), not taken from the
tests: ~5 KB each, RELEVANT_SHARE of them with a tracked figure.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELEVANT_SHARE = 0.10

FIGURES = [
    "Military courts in Russia received {n:,} criminal cases of going AWOL since mobilisation began, according "
    "to Mediazona, which counts court records every month.",
    "По данным «Медиазоны», с начала мобилизации в военные суды поступило {n} уголовных дел о самовольном "
    "оставлении части.",
    "За даними проєкту «Ідіть лісом», з вересня 2022 року організація допомогла дезертирувати понад {n} "
    "військовослужбовцям.",
    "Courts passed about {m} sentences a month for refusing to fight in {y}, the outlet found in a review of "
    "published verdicts.",
]
FILLER = [
    "The city council met on Tuesday to discuss the new budget for roads and schools, which rose by {k} percent.",
    "Weather forecasters expect rain over the weekend, with temperatures between {a} and {b} degrees.",
    "The local football club won its third match in a row, drawing a crowd of {c} people to the stadium.",
    "Городские власти пообещали отремонтировать {a} дворов до конца года, сообщает пресс-служба мэрии.",
    "У місті відкрили нову бібліотеку, де зібрано понад {c} книжок для дітей і дорослих.",
    "Analysts said markets were calm as investors waited for the central bank's decision on interest rates.",
]


def page(i: int, rng: random.Random) -> tuple[str, bool]:
    relevant = rng.random() < RELEVANT_SHARE
    paras = []
    while sum(len(p) for p in paras) < 4800:
        paras.append(rng.choice(FILLER).format(k=rng.randint(2, 19), a=rng.randint(3, 20), b=rng.randint(21, 30),
                                               c=rng.randint(200, 9000)))
    if relevant:
        paras.insert(rng.randint(0, len(paras)), rng.choice(FIGURES).format(
            n=rng.randint(1000, 30000), m=rng.randint(100, 900), y=rng.choice([2023, 2024, 2025])))
    body = "".join(f"<p>{p}</p>" for p in paras)
    html = (f"<!doctype html><html><head><title>Article {i}</title><meta charset='utf-8'></head><body>"
            f"<nav>Home | News | About</nav><article><h1>Article {i}</h1>{body}</article></body></html>")
    return html, relevant


def make(n: int, where: Path) -> tuple[Path, Path, int, int]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(n)
    folder = where / f"pages-{n}"
    folder.mkdir(parents=True, exist_ok=True)
    warc = where / f"pages-{n}.warc.gz"
    relevant = size = 0
    with open(warc, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(n):
            html, rel = page(i, rng)
            relevant += rel
            data = html.encode()
            size += len(data)
            (folder / f"{i:07d}.html").write_bytes(data)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://news.example/{i}", "response",
                                                          payload=BytesIO(data), http_headers=headers))
    return warc, folder, relevant, size


CLUSTER = """
import sys, tracker
from distributed import Client, LocalCluster
from tracker.mining import mine
if __name__ == "__main__":
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c, Client(c) as cl:
        r = mine([sys.argv[1]], tracker.load(sys.argv[2]), sys.argv[3], scheduler=cl, progress=False)
        print(r.pages, r.passed, r.candidates)
"""


def run(cmd: list[str]) -> tuple[float, float]:
    """Seconds and peak MiB (the largest process of the run, workers included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
    secs = time.perf_counter() - t
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return secs, peak


def single_article() -> float:
    """Articles a second through read_html_article + extract, one process, on relevant ~5 KB pages."""
    sys.path.insert(0, str(ROOT))
    import tracker
    from tracker.extraction import extract
    from tracker.extraction.article import read_html_article

    ledger = tracker.load(ROOT / "figures.yaml")
    rng = random.Random(1)
    pages = []
    while len(pages) < 200:
        html, rel = page(len(pages), rng)
        if rel:
            pages.append(html)
    t = time.perf_counter()
    for html in pages:
        extract(read_html_article(html), ledger)
    return len(pages) / (time.perf_counter() - t)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="tracker-mine-"))
    ledger = str(ROOT / "figures.yaml")
    py = sys.executable
    (work / "cluster.py").write_text(CLUSTER)
    print(f"extractor alone, one relevant ~5 KB HTML article at a time: {single_article():.0f} articles/s (1 core)")
    print(f"{'pages':>8} {'input':<7} {'runner':<22} {'seconds':>8} {'pages/s':>8} {'MB/s':>6} {'peak MiB':>9}")
    for n in [int(x) for x in args.sizes.split(",")]:
        warc, folder, relevant, size = make(n, work)
        mb = size / 1e6
        for name, target in (("warc", warc), ("folder", folder)):
            for runner, cmd in (
                ("local, 1 worker", [py, "-m", "tracker.cli", "mine", str(target), "--ledger", ledger, "--jobs", "1",
                                     "--out", str(work / "o1.parquet")]),
                ("local, 2 workers", [py, "-m", "tracker.cli", "mine", str(target), "--ledger", ledger, "--jobs",
                                      "2", "--out", str(work / "o2.parquet")]),
                ("LocalCluster, 2 workers", [py, str(work / "cluster.py"), str(target), ledger,
                                             str(work / "o3.parquet")]),
            ):
                secs, peak = run(cmd)
                print(f"{n:>8} {name:<7} {runner:<22} {secs:>8.1f} {n / secs:>8.0f} {mb / secs:>6.1f} {peak:>9.0f}")
        print(f"{'':>8} ({relevant:,} of {n:,} pages hold a figure; {mb:,.0f} MB of HTML)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
