"""What an indicator counts, as facets a figure's wording can agree or disagree with.

An indicator's definition fields (docs/ledger-format.md, "What an indicator counts") are its
`country`, the `producer` whose count it is, the `measure`, the `articles` of the country's
criminal code it counts, its `since` and its kind. A figure's quote, or a candidate's sentence,
is read for the same facets (tracker.extraction.facets); `conflicts` says where the two
disagree. The matching of candidates (tracker.extraction.suggest) never suggests an indicator
it conflicts with, and the `definition` check flags an accepted figure that does.

The vocabularies are here, once; the words that name them in a language are in that language's
module (tracker/languages/xx.py: COUNTRY_WORDS, MEASURE_WORDS, OFFENCE_WORDS, PRODUCER_NAMES).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# ISO 3166-1 alpha-2 codes of the countries the project's articles speak of, and their English names. A ledger
# may give any two-letter code; these are the names the project writes (country_name), and the names a
# ledger's country field may be written as by mistake (the error says which code to write).
COUNTRIES = {
    "RU": "Russia", "UA": "Ukraine", "BY": "Belarus", "US": "United States", "GB": "United Kingdom",
    "KZ": "Kazakhstan", "GE": "Georgia", "AM": "Armenia", "MD": "Moldova", "KP": "North Korea", "DE": "Germany",
    "IL": "Israel",
}

# measure -> (group, meaning). Measures of one group count the same kind of thing; the group's generic measure
# (its own name) is what a text says when it does not say which ("cases", "soldiers"), and fits any member.
MEASURES = {
    "cases": ("cases", "criminal cases, not said which"),
    "court-cases": ("cases", "criminal cases received by courts"),
    "proceedings": ("cases", "criminal proceedings opened or registered by prosecutors, police or investigators"),
    "persons": ("persons", "people counted: soldiers, deserters, officers, prisoners"),
    "persons-charged": ("persons", "persons charged, prosecuted or notified of suspicion; defendants"),
    "people-helped": ("persons", "people an organisation helped"),
    "sentences": ("sentences", "sentences, verdicts and other decisions of courts"),
    "requests": ("requests", "requests or appeals an organisation received"),
    "share": ("share", "a share of a whole"),
    "ratio": ("ratio", "a ratio of two counts"),
}
GENERIC = {m for m, (group, _) in MEASURES.items() if m == group}
MEASURE_WORDS = {"cases": "criminal cases", "court-cases": "cases received by courts", "proceedings":
                 "proceedings opened by prosecutors or police", "persons": "people", "persons-charged":
                 "persons charged", "people-helped": "people helped", "sentences": "sentences", "requests":
                 "requests", "share": "a share", "ratio": "a ratio"}  # a measure in a message

# the offence each article of a country's criminal code is about
OFFENCES = {
    "RU": {"337": "awol", "338": "desertion", "332": "disobedience", "339": "evasion", "328": "draft-evasion",
           "334": "violence", "333": "resistance", "352.1": "loss of equipment"},
    "UA": {"407": "awol", "408": "desertion", "402": "disobedience", "409": "evasion", "336": "draft-evasion"},
}
OFFENCE_NAMES = {"awol": "AWOL", "desertion": "desertion", "disobedience": "disobeying orders", "evasion":
                 "evading service", "draft-evasion": "draft evasion", "homicide": "murder", "terrorism": "terrorism"}

# producer id -> (name as the ledger writes it, country). The names a language gives them are in PRODUCER_NAMES.
PRODUCERS = {
    "mediazona": ("Mediazona", "RU"),
    "idite-lesom": ("Idite Lesom", "RU"),
    "ua-prosecutor-general": ("Office of the Prosecutor General of Ukraine", "UA"),
    "ua-state-bureau-of-investigation": ("State Bureau of Investigation of Ukraine", "UA"),
    "ua-intelligence": ("Ukrainian military intelligence (HUR)", "UA"),
    "opendatabot": ("Opendatabot", "UA"),
    "viasna": ("Viasna", "BY"),
    "us-army": ("US Army", "US"),
    "de-bafza": ("Federal Office for Family and Civil Society Tasks (BAFzA)", "DE"),
}
# the measure groups each producer publishes: a producer named elsewhere in an article is a figure's claimant only
# when the figure counts what it counts (Idite Lesom publishes no court cases)
PUBLISHES = {
    "mediazona": {"cases", "sentences", "persons", "share"}, "idite-lesom": {"persons", "requests", "share"},
    "ua-prosecutor-general": {"cases", "persons", "sentences", "share"},  # its registry counts verdicts too
    "ua-state-bureau-of-investigation": {"cases", "persons"},
    "ua-intelligence": {"persons"}, "opendatabot": {"cases", "share"}, "viasna": {"persons"},
    "us-army": {"persons", "share"}, "de-bafza": {"requests"},  # applications for conscientious objection
}
# what "cases" means in a producer's count, where its words say only "cases": Mediazona counts the cases courts
# received, Ukraine's prosecutors and its State Bureau of Investigation the proceedings they registered
CASES_COUNTED = {"mediazona": "court-cases", "ua-prosecutor-general": "proceedings",
                 "ua-state-bureau-of-investigation": "proceedings",
                 "opendatabot": "proceedings"}  # it re-tells the proceedings the Prosecutor General registers
# producers whose counts are of another country's people (an intelligence service counts the enemy's deserters):
# naming them says nothing of whose figure it is
COUNTS_ABROAD = {"ua-intelligence"}


def producer_id(name: str | None) -> str | None:
    """The producer a ledger's name stands for ('Mediazona', 'Медиазона' -> 'mediazona'), or None."""
    if not name:
        return None
    low = name.strip().lower()
    for pid, (english, _) in PRODUCERS.items():
        if low in (pid, english.lower()):
            return pid
    from tracker.extraction.facets import producers_in

    found = producers_in(name)
    return found[0][1] if found else None


@dataclass(frozen=True)
class Facets:
    """What a text says a figure counts, or what an indicator's definition says; None where nothing is said."""

    country: str | None = None
    measure: str | None = None
    offences: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()
    producer: str | None = None
    since: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    kind: str | None = None  # stock | cumulative | flow | rate
    where: dict = field(default_factory=dict, compare=False, hash=False)  # facet -> the words it was read from
    # read from text: its offences are some of those its sentence names, the others the other numbers' ("235 646 … за
    # СЗЧ, 53 954 – за дезертирство"): a part of what the sentence counts
    parted: bool = field(default=False, compare=False)


def of_indicator(ind) -> Facets:
    """An indicator's definition as facets."""
    country = getattr(ind, "country", None)
    articles = frozenset(getattr(ind, "articles", ()) or ())
    offences = frozenset(OFFENCES.get(country or "", {}).get(a) for a in articles) - {None}
    return Facets(country=country, measure=getattr(ind, "measure", None), offences=offences, articles=articles,
                  producer=producer_id(getattr(ind, "producer", None)),
                  since=ind.since.text if ind.since is not None else None, kind=ind.kind)


def _measure_conflict(read: str, defined: str) -> bool:
    if read == defined:
        return False
    g_read, g_def = MEASURES[read][0], MEASURES[defined][0]
    if g_read != g_def:
        return True
    return read not in GENERIC and defined not in GENERIC  # two specific measures of one group


def since_conflict(read: str, defined: str) -> bool:
    """A start read from text ('2022-02-24', '2022') conflicts with the defined one when neither is a prefix of
    the other: "since 2022" fits a count from 2022-09-21; "since February 2022" does not."""
    return not (read.startswith(defined) or defined.startswith(read))


# the kinds of indicator a kind of time read from text can be a figure of: a count within a period and a rate
# convert into each other (docs/ledger-format.md); a total since a date is neither
_KIND_OF_TIME = {"rate": {"rate", "flow"}, "cumulative": {"cumulative"}, "flow": {"flow", "rate"}}


def conflicts(read: Facets, defined: Facets) -> list[tuple[str, str, str]]:
    """Where a text's facets contradict a definition: (facet, as read, as defined), in the order a curator reads
    them. Silence is never a conflict: a facet the text does not state, or the definition does not fix, agrees."""
    out = []
    if read.country and defined.country and read.country != defined.country:
        out.append(("country", read.country, defined.country))
    if read.measure and defined.measure and _measure_conflict(read.measure, defined.measure):
        out.append(("measure", read.measure, defined.measure))
    if read.articles and defined.articles and read.articles.isdisjoint(defined.articles) \
            and (not read.country or read.country == defined.country):
        out.append(("articles", ", ".join(sorted(read.articles)), ", ".join(sorted(defined.articles))))
    elif read.offences and defined.offences and not read.offences <= defined.offences \
            :
        out.append(("offence", ", ".join(sorted(read.offences)), ", ".join(sorted(defined.offences))))
    if read.producer and defined.producer and read.producer != defined.producer:
        out.append(("producer", read.producer, defined.producer))  # another producer's count is not this one's
    if read.since and defined.since and defined.kind == "cumulative" and since_conflict(read.since, defined.since):
        out.append(("since", read.since, defined.since))
    if read.kind and defined.kind and defined.kind not in _KIND_OF_TIME.get(read.kind, {defined.kind}):
        out.append(("kind", read.kind, defined.kind))
    return out


def country_name(code: str) -> str:
    """A country's English name: the project's own (COUNTRIES), else ISO's ('IL' -> 'Israel'), else the code."""
    if code in COUNTRIES:
        return COUNTRIES[code]
    from tracker.text.countries import english_name

    return english_name(code) or code


def describe(facet: str, value: str) -> str:
    """A facet's value in words for a message: 'UA' -> 'Ukraine', 'awol' -> 'AWOL'."""
    if facet == "country":
        return country_name(value)
    if facet == "measure":
        return MEASURE_WORDS.get(value, value)
    if facet == "offence":
        return ", ".join(OFFENCE_NAMES.get(v, v) for v in value.split(", "))
    if facet == "articles":
        return "art. " + value
    if facet == "since":
        return f"from {value}"  # "the quote counts from 2022-01 where … counts from 2022-02-24"
    if facet == "producer":
        return PRODUCERS[value][0] if value in PRODUCERS else value
    if facet == "kind":
        return {"rate": "a rate", "cumulative": "a running total", "flow": "a count within a period",
                "stock": "a count at a moment"}.get(value, value)
    return value
