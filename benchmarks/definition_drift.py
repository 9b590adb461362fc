"""How often the `definition` check catches a re-print that changed what a figure counts, and how often it flags
a clean figure.

    python benchmarks/definition_drift.py            # the shipped ledger (the figures the check was written with)
    python benchmarks/definition_drift.py --unseen   # ../shared/sources/real-figures-2.yaml, measured once

Each clean figure's quote is changed the way re-prints change it, one drift at a time, and the check is run on
the changed quote (tracker.checks.definition.drift, what the check runs on every figure):

  country   the country's words swapped for another's ("Russian" -> "Ukrainian"), or "In Ukraine, " put first
  measure   the counted noun swapped for another measure's ("cases" -> "soldiers", "sentences" -> "cases")
  offence   the offence swapped for one outside the indicator's articles ("AWOL" -> "desertion")
  since     the start swapped ("since mobilisation" -> "since the full-scale invasion"), or added

A drift is caught when the check flags the facet injected. Only quotes in a language the tool reads (en, ru, uk)
are used; a quote that offers nothing to change for a kind is left out of that kind (the counts say how many).
Figures the check flags in the ledger as it stands and that are real drifts (REAL_DRIFTS) are not clean.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import tracker  # noqa: E402
from tracker.checks.definition import drift  # noqa: E402
from tracker.languages import detect  # noqa: E402
from tracker.ledger.dates import parse_span  # noqa: E402
from tracker.ledger.definitions import OFFENCES, Facets, of_indicator  # noqa: E402

# Figures whose quote really counts something else: read and agreed with by hand, or named so by the harvest's
# own note (real-figures-2.yaml's ids, which the shipped ledger's ids end with: R081 -> ...-r081)
REAL_DRIFTS = {
    "art337-weekly-2023-mt": "Moscow Times: '100 deserters every week' for Mediazona's Art. 337 (AWOL) sentences",
    "art337-per-working-day-2024-buna": "Buna: '34 sentences for desertion' for Art. 337 (AWOL) sentences",
    "art337-weekly-2023-mt-reprint": "a re-print of the Moscow Times' '100 deserters every week'",
    "R081": "harvest note: 'Relabels AWOL as desertion from service'",
    "R091": "harvest note: 'Says desertion article but magnitude only fits AWOL'",
    "R097": "harvest note: 'Mislabel: 17,721 are sentences, not prosecutions'",
    "R104": "harvest note: 'Also mislabels AWOL (Art. 337) as desertion'",
    "R106": "harvest note: 'Labelled desertion; is AWOL'",
    "R107": "harvest note: 'Rounded; labelled desertion'",
    "R124": "harvest note: 'Also opened vs received by courts'",
    "R108": "harvest note: 'All refusal articles' (filed by the harvest under AWOL verdicts)",
    "R127": "harvest note: 'Counts soldiers (defendants), all refusal articles'",
    "R138": "harvest note: 'relabelled desertion cases prosecuted'",
    # read by hand (session 15): "desertion" printed for Mediazona's count of Art. 337 (AWOL) cases, as R106's note
    # says of its own
    "R118": "'desertion cases, processing nearly 1,000 cases monthly' for Art. 337 (AWOL) cases a month",
    "R125": "'cases of desertion … over 3,000 cases documented in 2023' for Art. 337 (AWOL) cases in 2023",
    "R145": "'more than 800 cases' of desertion in the northwest for Art. 337 (AWOL) court decisions",
}


def real_drift(fid: str) -> bool:
    return fid in REAL_DRIFTS or fid.rsplit("-", 1)[-1].upper() in REAL_DRIFTS


# real-figures-2.yaml's working names -> a definition (country, measure, articles); `since` is its period_start
UNSEEN_DEFINITIONS = {
    "art337_cases_in_court_cumulative": ("RU", "court-cases", ("337",)),
    "art337_sentences_cumulative": ("RU", "sentences", ("337",)),
    "assisted_escapes_idite_lesom_daily_rate": ("RU", "people-helped", ()),
    "awol_cases_monthly": ("RU", "court-cases", ("337",)), "awol_cases_regional": ("RU", "court-cases", ("337",)),
    "awol_cases_year": ("RU", "court-cases", ("337",)), "awol_verdicts_monthly": ("RU", "sentences", ("337",)),
    "deserters_in_kz_armenia_idite_lesom": ("RU", "persons", ()), "deserters_unit_list": ("RU", "persons", ()),
    "desertion_art338_cases_cumulative": ("RU", "court-cases", ("338",)),
    "desertion_art338_cases_year": ("RU", "court-cases", ("338",)),
    "disobedience_art332_cases_cumulative": ("RU", "court-cases", ("332",)),
    "disobedience_art332_cases_year": ("RU", "court-cases", ("332",)),
    "draft_evasion_cases_year": ("RU", "cases", ("328",)), "draft_evasion_convictions": ("RU", "sentences", ("328",)),
    "idite_lesom_desertion_requests": ("RU", "requests", ()), "idite_lesom_requests_total": ("RU", "requests", ()),
    "idite_lesom_people_helped_total": ("RU", "people-helped", ()),
    "military_personnel_convicted_year": ("RU", "sentences", ()),
    "mobilization_evasion_convictions": ("RU", "sentences", ("328",)),
    "mobilization_evasion_criminal_cases": ("RU", "cases", ("328",)),
    "officials_sent_to_front_from_custody": ("RU", "persons", ()), "police_resignations_monthly": ("RU", "persons", ()),
    "refusal_convictions_cumulative": ("RU", "sentences", ("332", "337", "338")),
    "refusal_defendants_cumulative": ("RU", "persons-charged", ("332", "337", "338")),
    "refusal_sentences_cumulative": ("RU", "sentences", ("332", "337", "338")),
    "rosgvardia_refusers": ("RU", "persons", ()), "rosgvardia_refusers_legal_requests": ("RU", "requests", ()),
    "ukraine_awol_desertion_cases_cumulative": ("UA", "proceedings", ("407", "408")),
}

# each language's words to swap, as (pattern, replacement) tried in order; the first that matches is used
COUNTRY_SWAPS = {
    "RU": {"en": [(r"\bRussia\b", "Ukraine"), (r"\b[Rr]ussian\b", "Ukrainian"), (r"\bKremlin\b", "Kyiv"),
                  (r"\bMoscow\b", "Kyiv"), (r"\bPutin\b", "Zelensky")],
           "ru": [(r"\b[Вв] России\b", "в Украине"), (r"\bРоссии\b", "Украины"), (r"\bРоссия\b", "Украина"),
                  (r"\bРоссию\b", "Украину"), (r"\bроссийск(?=\w)", "украинск"), (r"\bРоссийск(?=\w)", "Украинск"),
                  (r"\bРФ\b", "Украины"), (r"\bКремл\w*", "Киев"), (r"\bПутин\w*", "Зеленский")],
           "uk": [(r"\b[ВвУу] Росії\b", "в Україні"), (r"\bРосії\b", "України"), (r"\bРосія\b", "Україна"),
                  (r"\bРосію\b", "Україну"), (r"\bросійськ(?=\w)", "українськ"), (r"\bРосійськ(?=\w)", "Українськ"),
                  (r"\bРФ\b", "України"), (r"\bКремл\w*", "Київ"), (r"\bПутін\w*", "Зеленський")]},
    "UA": {"en": [(r"\bUkraine\b", "Russia"), (r"\bUkrainian\b", "Russian")],
           "ru": [(r"\bУкраин(?=\w)", "Росси"), (r"\bукраинск(?=\w)", "российск")],
           "uk": [(r"\bУкраїн(?=\w)", "Росі"), (r"\bукраїнськ(?=\w)", "російськ")]},
}
COUNTRY_FIRST = {"RU": {"en": "In Ukraine, ", "ru": "В Украине ", "uk": "В Україні "},
                 "UA": {"en": "In Russia, ", "ru": "В России ", "uk": "У Росії "}}
# measure group -> swaps into another group's noun
MEASURE_SWAPS = {
    "cases": {"en": [(r"\bcases\b", "soldiers"), (r"\bcase\b", "soldier")],
              "ru": [(r"\bдел\b", "солдат"), (r"\bдела\b", "солдата"), (r"\bпроизводств\b", "солдат")],
              "uk": [(r"\bсправ\b", "солдатів"), (r"\bпроваджень\b", "солдатів")]},
    "sentences": {"en": [(r"\bsentences\b", "cases"), (r"\bverdicts\b", "cases"), (r"\bconvictions\b", "cases")],
                  "ru": [(r"\bприговор\w*", "дел"), (r"\bрешени\w*", "дел")], "uk": [(r"\bвирок\w*", "справ")]},
    "persons": {"en": [(r"\b(?:soldiers|deserters|people|servicemen|troops|men|officers|individuals|supporters)\b",
                        "criminal cases")],
                "ru": [(r"\b(?:солдат|военн\w+|человек|людям|людей|дезертир\w*|военнослужащ\w+)\b", "уголовных дел")],
                "uk": [(r"\b(?:солдат\w*|військов\w+|людей|дезертир\w*|бійц\w+)\b", "кримінальних справ")]},
    "requests": {"en": [(r"\brequests\b", "soldiers"), (r"\bappeals\b", "soldiers")],
                 "ru": [(r"\bобращени\w*", "солдат"), (r"\bзапрос\w*", "солдат")],
                 "uk": [(r"\bзвернен\w*", "солдатів")]},
}
AWOL = {"en": r"\b(?:AWOL|absen(?:ce|t) without (?:official )?leave|unauthori[sz]ed (?:absence|abandonment)|"
              r"leaving (?:their|his) units?)\b",
        "ru": r"\b(?:СОЧ|самовольн\w+ оставлени\w+)", "uk": r"\b(?:СЗЧ|самовільн\w+ залишенн\w+)"}
DESERTION = {"en": r"\bdesert(?:ion|ers?|ed|ing)?\b", "ru": r"\bдезерт\w+", "uk": r"\bдезерт\w+"}
DISOBEDIENCE = {"en": r"\b(?:refus\w* (?:to obey )?orders|disobey\w* orders?|disobedience(?: of orders)?|"
                      r"non-execution of an order)\b",
                "ru": r"\bнеисполнени\w+ приказ\w*", "uk": r"\b(?:невиконанн\w+ наказ\w*|непокор\w+)"}
OFFENCE_WORDS = {"desertion": {"en": "desertion", "ru": "дезертирство", "uk": "дезертирство"},
                 "draft-evasion": {"en": "draft evasion", "ru": "уклонение от призыва", "uk": "ухилення від призову"}}
SINCE = {"2022-09-21": {"en": "since the full-scale invasion", "ru": "с начала вторжения",
                        "uk": "з початку повномасштабного вторгнення"},
         "2022-02-24": {"en": "since mobilisation began", "ru": "с начала мобилизации", "uk": "з початку мобілізації"}}
MONTHS = (r"(?:jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|январ\w*|феврал\w*|"
          r"сентябр\w*|січ\w*|лют\w*|верес\w*)")
# every way the quotes print a start, replaced by the other start (a re-print that moved it)
SINCE_NOW = {"en": r"since (?:the )?(?:start of |beginning of |initial )?(?:the )?(?:partial )?"
                   r"mobili[sz]ation(?: began)?|since (?:the start of |the beginning of )?(?:the )?(?:full-scale )?"
                   r"(?:invasion|war)|since russia (?:invaded|expanded its war[\w ]*?)(?= three| in|,|$)|"
                   r"throughout the (?:ongoing )?war(?: in ukraine)?|since (?:" + MONTHS + r" )?20\d\d",
             "ru": r"с (?:начала|момента) [«\"]?(?:частичной )?(?:мобилизации|вторжения|войны|полномасштабного "
                   r"вторжения)[»\"]?|с начала 20\d\d года|с " + MONTHS + r" 20\d\d(?: года)?",
             "uk": r"(?:з початку|після оголошення про початок) [«\"]?(?:часткової )?(?:мобілізації|повномасштабного "
                   r"вторгнення|війни)[»\"]?|з початку 20\d\d року|з " + MONTHS + r" 20\d\d(?: року)?"}


def _swap(quote: str, swaps) -> str | None:
    """Every swap that matches, applied (a re-print that moves a figure to another country moves all its words)."""
    out = quote
    for pattern, new in swaps:
        out = re.sub(pattern, new, out)
    return out if out != quote else None


def inject(kind: str, quote: str, lang: str, defined: Facets, value: float | None = None) -> str | None:
    """The quote with one drift of `kind` put in, or None when it offers nothing to change."""
    if kind == "country" and defined.country in COUNTRY_SWAPS:
        return _swap(quote, COUNTRY_SWAPS[defined.country][lang]) or COUNTRY_FIRST[defined.country][lang] + quote
    if kind == "measure" and defined.measure:
        from tracker.ledger.definitions import MEASURES
        from tracker.text.numbers import scan

        swaps = MEASURE_SWAPS.get(MEASURES[defined.measure][0], {}).get(lang)
        at = next((n.end for n in scan(quote, lang) if value is not None and value in n.readings), None)
        if not swaps or at is None:
            return None
        for pattern, new in swaps:  # the counted noun: the first of the measure's words after the number
            m = re.compile(pattern).search(quote, at, at + 40)
            if m:
                return quote[:m.start()] + new + quote[m.end():]
        return None
    if kind == "offence" and defined.offences:
        outside = "desertion" if "desertion" not in defined.offences else "draft-evasion"
        word = OFFENCE_WORDS[outside][lang]
        own = {"awol": AWOL, "desertion": DESERTION, "disobedience": DISOBEDIENCE}
        named = [own[o][lang] for o in sorted(defined.offences) if o in own]
        if not any(re.search(p, quote) for p in named):
            return None
        for p in named:  # every offence the indicator counts, named in the quote, becomes the one outside
            quote = re.sub(p, word, quote)
        return quote
    if kind == "since" and defined.kind == "cumulative" and defined.since in SINCE:
        from tracker.text.numbers import scan

        other = SINCE[defined.since][lang]
        numbers = scan(quote, lang)
        at = next((n.end for n in numbers if value is not None and value in n.readings), None)
        if at is None:
            return None
        # a start printed for a later number ("4,121 cases, with 100 verdicts weekly since June 2023") is that
        # number's: the changed start is put at the end of the figure's own clause instead
        later = min((n.start for n in numbers if n.start >= at and not re.fullmatch(r"(?:19|20)\d\d", n.text)),
                    default=len(quote))
        printed = re.search(SINCE_NOW[lang], quote, re.I)
        if printed and printed.start() < later:
            return re.sub(SINCE_NOW[lang], other, quote, flags=re.I)
        ends = [i for i in (quote.find(ch, at) for ch in ",;:(") if i >= 0]
        end = min(ends) if ends else len(quote.rstrip(" ."))
        return quote[:end].rstrip() + f" {other}" + quote[end:]
    return None


KINDS = ("country", "measure", "offence", "since")


def shipped_items():
    ledger = tracker.load(ROOT / "figures.yaml")
    for f in ledger.figures:
        ind = ledger.indicators[f.indicator]
        src = ledger.sources[f.source]
        if f.status != "accepted" or f.change or not (ind.country or ind.measure):
            continue
        yield f.id, f.quote, src.language or detect(f.quote), f.value if f.value is not None else f.low, \
            of_indicator(ind)


def unseen_items():
    import yaml

    path = ROOT.parent / "shared" / "sources" / "real-figures-2.yaml"
    for r in yaml.safe_load(path.read_text(encoding="utf-8"))["figures"]:
        country, measure, articles = UNSEEN_DEFINITIONS[r["indicator"]]
        start = str(r.get("period_start") or "")
        cumulative = "cumulative" in r["indicator"] or "total" in r["indicator"]
        offences = frozenset(OFFENCES.get(country, {}).get(a) for a in articles) - {None}
        since = parse_span(start).text if cumulative and start and len(start) == 10 else None
        defined = Facets(country=country, measure=measure, articles=frozenset(articles), offences=offences,
                         since=since, kind="cumulative" if cumulative else "flow")
        value = r.get("value", r.get("low"))
        yield r["id"], r["quote"], r.get("language") or detect(r["quote"]), value, defined


def measure(items) -> None:
    clean, flagged_clean, left_out = 0, [], 0
    caught = {k: [0, 0] for k in KINDS}
    for fid, quote, lang, value, defined in items:
        if lang not in ("en", "ru", "uk"):
            left_out += 1
            continue
        if not real_drift(fid):
            clean += 1
            _, found = drift(quote, lang, value, defined)
            if found:
                flagged_clean.append((fid, found))
        for kind in KINDS:
            changed = inject(kind, quote, lang, defined, value)
            if changed is None or changed == quote:
                continue
            _, found = drift(changed, lang, value, defined)
            caught[kind][1] += 1
            caught[kind][0] += any(f == kind or (kind == "offence" and f == "articles") for f, _, _ in found)
    print(f"{'drift':10} {'caught':>8} {'of':>5}")
    for kind, (n, of) in caught.items():
        print(f"{kind:10} {n / of if of else float('nan'):8.2f} {of:5d}")
    print(f"clean figures flagged: {len(flagged_clean)} of {clean} ({len(flagged_clean) / max(clean, 1):.1%}); "
          f"{left_out} quotes in languages the tool does not read left out")
    for fid, found in flagged_clean:
        print(f"  {fid}: {found}")


if __name__ == "__main__":
    measure(unseen_items() if "--unseen" in sys.argv else shipped_items())
