"""Numbers in words: `tracker.text.numbers.scan` beside number-parser, on number-parser's own cases.

    python benchmarks/numbers_in_words.py   # scores per language, then misses (-v lists them all)

(Not numbers.py, which the issue asked for: a script of that name beside the other benchmarks would stand
in for the standard library's numbers module when they run.)

The cases are the cardinal test cases number-parser publishes (its test_parse_number parameters for
en, ru and uk and its hundreds and permutations tables, 1 to 10^10; benchmarks/data/
number_parser_cases.csv says where they come from). Each is set in a news sentence of its language,
and a reader finds a case when it reads the case's value from that sentence: `scan` when one of the
numbers it returns has that value, number-parser (pip install number-parser) when its `parse` prints
that value in the sentence.

Then the speed of `scan` on the extraction benchmark's texts (the gold set's articles and the
labelled, held-out and unseen passages), best of five, in sentences a second.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CASES = ROOT / "benchmarks" / "data" / "number_parser_cases.csv"

from tracker.text.numbers import scan  # noqa: E402

FRAMES = {
    "en": "Military courts heard {} cases of desertion last year.",
    "ru": "В прошлом году военные суды рассмотрели {} дел о дезертирстве.",
    "uk": "Торік військові суди розглянули {} справ про дезертирство.",
}


def cases() -> list[tuple[str, str, int]]:
    with CASES.open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return [(r["lang"], r["text"], int(r["number"])) for r in rows]


def tracker_finds(sentence: str, lang: str, value: int) -> bool:
    return any(n.value == value for n in scan(sentence, lang))


def number_parser_finds(sentence: str, lang: str, value: int) -> bool:
    from number_parser import parse

    return re.search(rf"(?<!\d){value}(?!\d)", parse(sentence, lang)) is not None


def texts() -> list[str]:
    """The sentences of the extraction benchmark's texts."""
    import yaml

    from tracker.extraction.sentences import sentences

    data = ROOT / "tests" / "data"
    out = []
    for doc in yaml.safe_load((data / "extract_gold.yaml").read_text())["documents"]:
        text = (data / doc["file"]).read_text(encoding="utf-8") if "file" in doc else doc["text"]
        out += [s for _, s in sentences(text)]
    out += [q["quote"] for q in yaml.safe_load((data / "extract_heldout.yaml").read_text())["quotes"]]
    for name in ("extract_labelled.yaml", "extract_unseen.yaml"):
        for passages in yaml.safe_load((data / name).read_text())["passages"].values():
            out += [p["text"] for p in passages]
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    try:
        import number_parser  # noqa: F401
        peer = True
    except ImportError:
        peer = False
        print("number-parser is not installed (pip install number-parser): scoring tracker alone\n")
    rows = cases()
    misses = []
    print(f"{'language':<10}{'cases':>7}{'tracker':>10}{'number-parser':>15}")
    totals = [0, 0, 0]
    for lang in FRAMES:
        mine = [(t, v) for lg, t, v in rows if lg == lang]
        ours = theirs = 0
        for text, value in mine:
            sentence = FRAMES[lang].format(text)
            if tracker_finds(sentence, lang, value):
                ours += 1
            else:
                misses.append((lang, text, value, [n.value for n in scan(sentence, lang)]))
            theirs += peer and number_parser_finds(sentence, lang, value)
        totals = [totals[0] + len(mine), totals[1] + ours, totals[2] + theirs]
        peer_text = f"{theirs / len(mine):.3f}" if peer else "-"
        print(f"{lang:<10}{len(mine):>7}{ours / len(mine):>10.3f}{peer_text:>15}")
    peer_text = f"{totals[2] / totals[0]:.3f}" if peer else "-"
    print(f"{'all':<10}{totals[0]:>7}{totals[1] / totals[0]:>10.3f}{peer_text:>15}")
    print(f"\ntracker misses {len(misses)}" + (":" if misses else ""))
    for lang, text, value, read in misses if args.verbose else misses[:15]:
        print(f"  {lang} {text!r} = {value}: read {read}")

    sample = texts()
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        for s in sample:
            scan(s, "en")
        best = min(best, time.perf_counter() - started)
    print(f"\nscan speed: {len(sample) / best:,.0f} sentences a second ({len(sample)} sentences, best of five, "
          f"{best * 1000:.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
