"""What extraction understands of a figure's meaning, on real articles labelled by hand (benchmarks/data/meaning).

    python benchmarks/meaning.py            # the articles the reading was written with (seen.yaml)
    python benchmarks/meaning.py --unseen   # the third kept unseen (unseen.yaml), measured once
    python benchmarks/meaning.py --unseen-2 # a second unseen set (unseen_2.yaml, session 11), measured once
    python benchmarks/meaning.py --unseen-3 # a third (unseen_3.yaml, session 11, after the second's changes), once
    python benchmarks/meaning.py --unseen-4 # a fourth (unseen_4.yaml, session 12, after its changes), once
    python benchmarks/meaning.py --unseen-5 # a fifth (unseen_5.yaml, session 12, after the fourth's changes), once
    python benchmarks/meaning.py --unseen-6 # a sixth (unseen_6.yaml, session 13: Germany, never read before), once
    python benchmarks/meaning.py --unseen-7 # a seventh (unseen_7.yaml, session 13: Israel, after the sixth's changes)
    python benchmarks/meaning.py --unseen-8 # an eighth (unseen_8.yaml, session 14: South Korea, Armenia), once
    python benchmarks/meaning.py --unseen-9 # a ninth (unseen_9.yaml, session 15: Taiwan, Lithuania, Kazakhstan, …)
    python benchmarks/meaning.py --unseen-10 # a tenth (unseen_10.yaml, session 15, after its changes), once
    python benchmarks/meaning.py --unseen-11 # an eleventh (unseen_11.yaml, session 16: Thailand, Austria, …), once
    python benchmarks/meaning.py --unseen-12 # a twelfth (unseen_12.yaml, session 16, after its changes), once
    python benchmarks/meaning.py --unseen-13 # a thirteenth (unseen_13.yaml, session 17: Singapore, Myanmar, …), once
    python benchmarks/meaning.py --unseen-14 # a fourteenth (unseen_14.yaml, session 18: Mexico, South Africa, …), once
    python benchmarks/meaning.py --unseen-15 # a fifteenth (unseen_15.yaml, session 19: Israel, Armenia, …), once
    python benchmarks/meaning.py --unseen-16 # a sixteenth (unseen_16.yaml, session 20: Ukraine by month, US COs, …)
    python benchmarks/meaning.py --unseen-17 # a seventeenth (unseen_17.yaml, session 21: Russia's courts in Ukrainian)
    python benchmarks/meaning.py --unseen-18 # an eighteenth (unseen_18.yaml, session 22: Korea, Israel, Taiwan, …)
    python benchmarks/meaning.py --unseen-19 # a nineteenth (unseen_19.yaml, session 23: Sri Lanka, Armenia, Denmark)
    python benchmarks/meaning.py --unseen-20 # a twentieth (unseen_20.yaml, session 24: Britain, Lithuania, Nigeria, …)
    python benchmarks/meaning.py --unseen-21 # a twenty-first (unseen_21.yaml, session 24, at its end: Estonia, …)

With the shipped ledger, each article is extracted as a curator would (its address, date and language given) and
its candidates are matched to the labelled figures by value, in order. Reported:

  cross-country  candidates from articles about another country than the ledger's indicators' (all of them,
                 labelled or not) suggested into an indicator of another country
  proposals      labelled figures no indicator fits whose proposed new indicator names the labelled country and
                 the labelled measure (its group: cases, persons, sentences, requests, share)
  periods        labelled figures whose time names a year or a month that get it (start and end both)
  times unlabelled  labelled figures with no time that are read with one (the cost of reading a time from the
                 sentences around a figure; a time marked assumed counts too)
  claimants      labelled figures whose article names a producer that get that producer
  country / measure  labelled figures whose country (measure) is read right
  measure's group    labelled figures whose measure is read in the right group (cases, persons, ...): "cases"
                 read for proceedings is the group, said less exactly
"""

from __future__ import annotations

import math
import sys
from dataclasses import replace
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import tracker  # noqa: E402
from tracker.extraction import extract, read_text_article  # noqa: E402
from tracker.ledger.definitions import MEASURES, producer_id  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "meaning"


def _close(a, b) -> bool:
    return a is not None and b is not None and math.isclose(float(a), float(b), rel_tol=1e-6)


def _ends(c) -> tuple[str | None, str | None]:
    """A candidate's time as (start, end): a period's ends, else since and as_of."""
    if c.period:
        a, _, b = c.period.partition("/")
        return (a, b or a) if not c.as_of else (a, c.as_of)
    return c.since, c.as_of


def _time_ok(c, g) -> bool:
    start, end = _ends(c)
    if "period" in g:
        a, _, b = str(g["period"]).partition("/")
        return start == a and end == (b or a)
    ok = True
    if "since" in g:  # a count since a date is read as one: a start, or a span up to a date (not a month's count)
        ok &= c.since is not None or c.as_of is not None or "/" in (c.period or "")
        ok &= start is not None and (start.startswith(str(g["since"])) or str(g["since"]).startswith(start)) \
            and len(start) >= min(len(str(g["since"])), 7)
    if "as_of" in g:
        ok &= end is not None and end.startswith(str(g["as_of"]))
    return ok


def _match(cands, figures):
    """Each labelled figure's candidate, by value in order of appearance (None when not extracted)."""
    used, out = set(), []
    for g in figures:
        want = g.get("value")
        hit = next((i for i, c in enumerate(cands) if i not in used and (
            _close(c.value, want) if want is not None else (_close(c.low, g["low"]) and _close(c.high, g["high"])))),
            None)
        if hit is not None:
            used.add(hit)
        out.append((g, cands[hit] if hit is not None else None))
    return out


def measure(path: Path) -> None:
    ledger = tracker.load(ROOT / "figures.yaml")
    home = {ind.country for ind in ledger.indicators.values() if ind.country}
    articles = yaml.safe_load(path.read_text(encoding="utf-8"))
    n = {k: [0, 0] for k in ("cross", "wrong", "proposal", "period", "untimed", "claimant", "country", "measure",
                                "group", "found")}
    wrong = []
    for a in articles:
        article = read_text_article(a["text"], published=str(a["published"]) if a.get("published") else None)
        article = replace(article, language=a["language"], url=a["url"], title=a.get("title") or article.title)
        cands = extract(article, ledger)
        own = {g["country"] for g in a["figures"]}
        for c in cands:  # any article: a suggestion into an indicator of a country the article's figures are not
            if c.indicator:
                n["wrong"][1] += 1
                if ledger.indicators[c.indicator].country not in own | {None}:
                    n["wrong"][0] += 1
                    wrong.append(f"wrong country: {c.printed!r} -> {c.indicator} ({a['url']})")
        abroad = own - home
        if abroad:
            for c in cands:
                n["cross"][1] += 1
                if c.indicator and ledger.indicators[c.indicator].country not in abroad:
                    n["cross"][0] += 1
                    wrong.append(f"cross-country: {c.printed!r} -> {c.indicator} ({a['url']})")
        for g, c in _match(cands, a["figures"]):
            n["found"][1] += 1
            if c is None:
                wrong.append(f"not extracted: {g} ({a['url']})")
                continue
            n["found"][0] += 1
            read = c.read()
            n["country"][1] += 1
            n["country"][0] += read.country == g["country"]
            n["measure"][1] += 1
            n["measure"][0] += read.measure == g["measure"]
            n["group"][1] += 1
            n["group"][0] += read.measure is not None and MEASURES[read.measure][0] == MEASURES[g["measure"]][0]
            if read.country != g["country"] or read.measure != g["measure"]:
                wrong.append(f"read: {c.printed!r} as {read.country}, {read.measure}; labelled {g['country']}, "
                             f"{g['measure']} ({a['url']})")
            if c.indicator is None and g["country"] not in home:
                from tracker.extraction.suggest import new_indicator

                n["proposal"][1] += 1
                ok = read.country == g["country"] and read.measure is not None and \
                    MEASURES[read.measure][0] == MEASURES[g["measure"]][0]
                n["proposal"][0] += ok
                if not ok:
                    wrong.append(f"proposal: {new_indicator(c)[0]} (read {read.country}, {read.measure}) for {g} "
                                 f"({a['url']})")
            if any(k in g for k in ("period", "since", "as_of")):
                n["period"][1] += 1
                ok = _time_ok(c, g)
                n["period"][0] += ok
                if not ok:
                    wrong.append(f"time: {c.printed!r} read period={c.period} since={c.since} as_of={c.as_of}; "
                                 f"labelled {({k: g[k] for k in ('period', 'since', 'as_of') if k in g})}")
            else:
                n["untimed"][1] += 1
                if c.period or c.since or c.as_of:
                    n["untimed"][0] += 1
                    wrong.append(f"time unlabelled: {c.printed!r} read period={c.period} since={c.since} "
                                 f"as_of={c.as_of} ({a['url']})")
            if "producer" in g:
                n["claimant"][1] += 1
                ok = producer_id(c.claimant) == g["producer"]
                n["claimant"][0] += ok
                if not ok:
                    wrong.append(f"claimant: {c.printed!r} read {c.claimant!r}; labelled {g['producer']}")
    print(f"{path.name}: {len(articles)} articles, {n['found'][1]} labelled figures, {n['found'][0]} extracted")
    labels = {"cross": "cross-country suggestions", "wrong": "suggestions into another country's",
              "proposal": "proposals: right country and measure",
              "period": "periods", "untimed": "times read where none is labelled", "claimant": "claimants",
              "country": "country read", "measure": "measure read", "group": "measure's group read"}
    for key, label in labels.items():
        got, of = n[key]
        print(f"  {label:38} {got / of if of else float('nan'):6.2f}  ({got} of {of})")
    if "-v" in sys.argv:
        print("\n".join(wrong))


if __name__ == "__main__":
    flag = next((a for a in sys.argv[1:] if a.startswith("--unseen")), None)
    name = {None: "seen.yaml", "--unseen": "unseen.yaml"}.get(flag) or f"unseen_{flag.rsplit('-', 1)[1]}.yaml"
    measure(DATA / name)
