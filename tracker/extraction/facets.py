"""What a figure counts, read from its sentence and its article: whose country, which measure, which offences
and articles of a code, and who produced it (tracker.ledger.definitions has the vocabularies).

Words are matched as lemmas (tracker.text.lemmas), so every case form of a name counts: the words are those of
each language module's COUNTRY_WORDS, NOT_SUBJECT, MEASURE_WORDS, OFFENCE_WORDS, PRODUCER_NAMES, ARTICLE_WORDS
and TOTAL_WORDS.

    marks = markers(article_text, "uk")                    # once per article
    facets_at(marks, sentence_start, sentence_end, number_start, number_end)
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass

from tracker.languages import LANGUAGES, alternation
from tracker.ledger.definitions import CASES_COUNTED, COUNTS_ABROAD, GENERIC, MEASURES, PRODUCERS, PUBLISHES, Facets
from tracker.text.countries import country_names
from tracker.text.lemmas import analyser, is_person, lemmatise

QUALIFIES = 2  # characters: a country's adjective this close after a number qualifies what it counts
NOT_SUBJECT_REACH = 3  # words: a country named this close to 'invasion', 'war', 'intelligence' is not the subject
NOUN_REACH = 40  # characters after a number where its counted noun stands ("6 988 проваджень")
PERSON_REACH = 20  # characters after a number where a noun of people with no measure word is its counted noun
# ("лише 177 ультраортодоксальних юнаків": one adjective between)
_SENTENCE_BREAK = re.compile(r"\n|[.!?]\s")  # 'war' ending a headline is not next to the name opening the text
# a country before 'war' with a clause's opening (CLAUSE_OPENS) between is not the war's: "defend Taiwan if war
# broke out"
_CLAUSE_OPENS = re.compile(r"(?<!\w)(?:" + alternation("CLAUSE_OPENS") + r")(?!\w)", re.I)
ARTICLE_MAJORITY = 2 / 3  # the share of an article's country words one country needs to be the article's
FACETS = ("country", "measure", "offence", "producer")


@dataclass(frozen=True)
class Marker:
    start: int  # in the original text
    end: int
    facet: str  # country | producer-country | measure | person | people-part | people-before | offence | producer
    # | article | total
    value: str


class Marks(tuple):
    """A text's markers in order of position, with what is asked of them per number made cheap: the markers of a
    span by bisection, the article's country and producer once."""

    @functools.cached_property
    def starts(self) -> list[int]:
        return [m.start for m in self]

    def between(self, start: int, end: int) -> tuple[Marker, ...]:
        return self[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]

    @functools.cached_property
    def country(self) -> str | None:
        return article_country(self)

    @functools.cached_property
    def producer(self) -> str | None:
        return article_producer(self)


def _phrase_pattern(phrases) -> re.Pattern:
    return re.compile(r"(?<![\w'])(?:" + "|".join(sorted(phrases, key=len, reverse=True)) + r")(?![\w'])")


@functools.cache
def _tables(lang: str) -> dict:
    """A language's facet words as compiled patterns over lemma text: facet -> [(value, pattern)]."""
    m = LANGUAGES.get(lang)
    if m is None or not hasattr(m, "COUNTRY_WORDS"):
        return {}
    # every other country by its names, in one pattern: the name found says which (a dict for a value)
    others = {name: code for code, names in country_names(lang).items() if code not in m.COUNTRY_WORDS
              for name in names}
    # an abbreviation listed in capitals ("US") is matched in lower case like every phrase; markers keeps it only
    # where the text writes it so ("US", not the pronoun "us")
    out = {"country": [(v, _phrase_pattern(x.lower() for x in p)) for v, p in m.COUNTRY_WORDS.items()]
           + [(others, _phrase_pattern(re.escape(n) for n in others))],
           "measure": [(v, _phrase_pattern(p)) for v, p in m.MEASURE_WORDS.items()],
           "offence": [(v, _phrase_pattern(p)) for v, p in m.OFFENCE_WORDS.items()],
           "producer": [(v, _phrase_pattern(p)) for v, p in m.PRODUCER_NAMES.items()],
           "not_subject": [("", _phrase_pattern(m.NOT_SUBJECT))],
           "people-before": [("persons", _phrase_pattern(m.PEOPLE_BEFORE))] if m.PEOPLE_BEFORE else [],
           "total": [("cumulative", _phrase_pattern(m.TOTAL_WORDS))]}
    # over the text itself, not its lemmas: what stands right after a number and says it counts people
    out["people_after"] = re.compile(r"(?<!\w)(?:" + "|".join(m.PEOPLE_AFTER) + r")(?!\w)", re.I) \
        if m.PEOPLE_AFTER else None
    out["capitals"] = frozenset(x.lower() for p in m.COUNTRY_WORDS.values() for x in p if x.isupper())
    out["article"] = re.compile(r"(?<!\w)(?:" + "|".join(m.ARTICLE_WORDS) + r")\s*(\d{3}(?:\.\d)?)"
                                r"((?:\s*(?:,|\w{1,3})\s*\d{3}(?:\.\d)?(?!\d))*)")
    return out


@functools.lru_cache(maxsize=256)
def markers(text: str, lang: str) -> Marks:
    """Every facet word of a text, in order, with where it stands. A country named next to a war or an
    intelligence service ('the invasion of Ukraine', 'Ukrainian intelligence'), or as where someone goes ('сбежали
    в Россию': _towards), is left out: it is not whose figure it is. A producer's name also marks its country,
    unless it counts another country's people. The names of countries the language does not list
    (tracker.text.countries) count only in a text that names one of them more often than any it lists: beside
    those, another country is mostly where something happens ("deployed to Afghanistan")."""
    tables = _tables(lang)
    if not tables:
        return Marks()
    lem = lemmatise(text, lang)
    capitalised = LANGUAGES[lang].NAMES_CAPITALISED
    found: list[Marker] = []
    gazetteer: list[Marker] = []
    blocked = {lem.token(m.start()): lem.original(m.start(), m.end())[0]
               for m in tables["not_subject"][0][1].finditer(lem.text)}
    for facet in ("country", "measure", "offence", "producer", "total", "people-before"):
        for value, pattern in tables[facet]:
            for m in pattern.finditer(lem.text):
                start, end = lem.original(m.start(), m.end())
                into, said = found, value
                if facet == "country":
                    i = lem.token(m.start())
                    if any(abs(i - b) <= NOT_SUBJECT_REACH and not _SENTENCE_BREAK.search(text, min(at, start),
                                                                                    max(at, start))
                           and not (i < b and _CLAUSE_OPENS.search(text, end, at))
                           for b, at in blocked.items()) or _towards(text, start, lang):
                        continue
                    if m.group() in tables["capitals"] and not text[start:end].isupper():
                        continue  # "us", not "US"
                    if not isinstance(value, str):  # the gazetteer's one pattern: the name says which country
                        if capitalised and not text[start].isupper():
                            continue  # "polish the boots"
                        into, said = gazetteer, value[m.group()]
                into.append(Marker(start, end, facet, said))
                if facet == "country" and _people_of(m.group(), pattern, lang):
                    into.append(Marker(start, end, "person", "persons"))  # "7,000 Lithuanians"
                if facet == "producer" and value not in COUNTS_ABROAD:
                    found.append(Marker(start, end, "producer-country", PRODUCERS[value][1]))
    if gazetteer and _outnumbers(gazetteer, found):
        found += gazetteer
    # a country's people ("Ukrainians", "Russian citizens") not named as a whole ("of Ukrainians"): in a sentence
    # of shares, what a share is made of
    share_of = _share_of(lang)
    people = {(m.start, m.end) for m in found if m.facet == "person"}
    starts = {m.start for m in found if m.facet == "person" or m.facet == "measure" and m.value == "persons"}
    found += [Marker(m.start, m.end, "people-part", m.value) for m in found if m.facet == "country"
              and ((m.start, m.end) in people or m.end + 1 in starts and text[m.end:m.end + 1].isspace())
              and not share_of.search(text, max(0, m.start - 24), m.start)]
    for start, end in lem.origins if LANGUAGES[lang].MORPHOLOGY else ():  # people the analyser knows as such
        if is_person(text[start:end], lang):
            found.append(Marker(start, end, "person", "persons"))
    if tables["people_after"] is not None:  # "the 1,100 who have reported", "3,300 called up so far"
        found += [Marker(m.start(), m.end(), "person", "persons") for m in tables["people_after"].finditer(text)]
    for m in tables["article"].finditer(text):
        for number in [m.group(1), *re.findall(r"\d{3}(?:\.\d)?", m.group(2) or "")]:
            found.append(Marker(m.start(), m.end(), "article", number))
    return Marks(sorted(found, key=lambda x: (x.start, x.facet, x.value)))


@functools.cache
def _share_of(lang: str) -> re.Pattern:
    """The language's SHARE_OF words ending just before a country's people ("45% of Ukrainians")."""
    words = sorted(LANGUAGES[lang].SHARE_OF, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")\s+$", re.I) if words \
        else re.compile(r"(?!)")


def _people_of(phrase: str, pattern: re.Pattern, lang: str) -> bool:
    """Whether a country's word is a plural of its people where no analyser reads nouns ("Lithuanians": its
    singular is the country's word too)."""
    return not LANGUAGES[lang].MORPHOLOGY and " " not in phrase and phrase.endswith("s") \
        and pattern.fullmatch(phrase[:-1]) is not None


def _towards(text: str, start: int, lang: str) -> bool:
    """Whether the country named at `start` is where someone goes, or whom something is against: its name (not an
    adjective: "в украинские суды" is where cases go) after a preposition of the language's TOWARDS, in its case
    ("сбежали в Россию", not "в России"; "операция против Украины")."""
    towards = LANGUAGES[lang].TOWARDS
    before = re.search(r"(\w+)\s+$", text[max(0, start - 10):start])
    if not towards or not before or before.group(1).lower() not in towards:
        return False
    case = towards[before.group(1).lower()]
    word = re.match(r"\w+", text[start:start + 40])
    parses = analyser(lang).parse(word.group()) if word and analyser(lang) else []
    if not parses or parses[0].tag.POS != "NOUN":
        return False
    return case is None or any(case in p.tag for p in parses) and not any("loct" in p.tag for p in parses)


def _outnumbers(gazetteer: list[Marker], found: list[Marker]) -> bool:
    """Whether a country of the gazetteer is named more often than any the language lists (a Lithuanian article
    that names Russia once as the threat is Lithuania's; an American one that names Iraq less than its Army is not
    Iraq's)."""
    listed = Counter(m.value for m in found if m.facet == "country")  # named, not a producer's country
    named = Counter(m.value for m in gazetteer if m.facet == "country")  # not the people its words also mark
    return bool(named) and named.most_common(1)[0][1] > max(listed.values(), default=0)


def producers_in(text: str) -> list[tuple[int, str]]:
    """(where, producer id) of every producer a text names, in any language the tool reads."""
    out = []
    for lang in LANGUAGES:
        out += [(m.start, m.value) for m in markers(text, lang) if m.facet == "producer"]
    return sorted(set(out))


def _publishes(producer: str, group: str | None) -> bool:
    """Whether a producer named away from the figure may be its claimant: it publishes what the figure counts."""
    return group is None or group in PUBLISHES.get(producer, {group})


def between(marks, start: int, end: int):
    return marks.between(start, end) if isinstance(marks, Marks) else [m for m in marks if start <= m.start < end]


def _article(marks, facet: str) -> str | None:
    if isinstance(marks, Marks):
        return marks.country if facet == "country" else marks.producer
    return article_country(marks) if facet == "country" else article_producer(marks)


def _nearest(marks, at: int):
    return min(marks, key=lambda m: (abs(m.start - at), m.start), default=None)


def article_country(marks: tuple[Marker, ...]) -> str | None:
    """The country most of an article's country words name, when it is a clear majority; or the one country an
    article names at all, even once ("в Беларуси"; "an Army spokeswoman": the US Army's figures)."""
    counts = Counter(m.value for m in marks if m.facet in ("country", "producer-country"))
    if not counts:
        return None
    value, n = counts.most_common(1)[0]
    if len(counts) == 1:
        return value
    return value if n >= 2 and n / sum(counts.values()) >= ARTICLE_MAJORITY else None


def article_producer(marks: tuple[Marker, ...]) -> str | None:
    counts = Counter(m.value for m in marks if m.facet == "producer")
    return counts.most_common(1)[0][0] if counts else None


def _counted_by_other(m, number: tuple[int, int], others: tuple[tuple[int, int], ...]) -> bool:
    """Whether the measure word `m` is the counted noun of another number: the number nearest before it, within
    NOUN_REACH, is not `number` ("in October (218) and in June (54 cases)": the cases are the 54's)."""
    before = [p for p in (number, *others) if p[1] <= m.start]
    if not before:
        return False
    last = max(before, key=lambda p: p[1])
    return last != number and m.start - last[1] <= NOUN_REACH


_AGAINST_WHOM = re.compile(r"(?<!\w)(?:" + alternation("AGAINST_WHOM") + r")\s+(?:\w+\s+)?$", re.I)


def _against(text: str, m: Marker, number: tuple[int, int]) -> bool:
    """Whether people marked at `m` are whom what the number counts is against ("порушених щодо військових
    кримінальних справ", "cases against servicemen"): a word of AGAINST_WHOM just before them (an adjective may stand
    between), not before the number itself ("536 cases … against 548 soldiers": the 548 count the soldiers)."""
    start = max(0, m.start - 30, number[1] if number[1] <= m.start else 0)
    return bool(text) and _AGAINST_WHOM.search(text, start, m.start) is not None


def measure_at(marks, clause: tuple[int, int], sentence: tuple[int, int], number: tuple[int, int],
               others: tuple[tuple[int, int], ...] = (), text: str = "") -> str | None:
    """The measure a number counts: its counted noun (the measure word nearest after it in its clause; else a noun
    the analyser reads as people within PERSON_REACH after it; else the measure word nearest before it in its clause,
    else in its sentence, where a list's numbers share a noun; never a noun after another number of the sentence,
    `others`, that stands nearer),
    made specific by a word of the same group in the clause ('soldiers' with 'helped' are people helped; with
    'sentenced' or 'applied', sentences or requests); a suspicion or charge in the clause makes cases persons
    charged ("in 15,564 of these cases suspects were notified"); a sentence or verdict in the clause that no other
    number counts makes cases or the accused sentences ("sentences have been passed in 360 cases", "17,721 of the
    accused have been sentenced")."""
    in_sentence = [m for m in between(marks, *sentence) if m.facet == "measure"
                   and not (m.value == "persons" and _against(text, m, number))]
    in_clause = [m for m in in_sentence if clause[0] <= m.start < clause[1]]
    charged = any(m.value == "persons-charged" for m in in_clause)
    after = [m for m in in_clause if number[1] <= m.start <= number[1] + NOUN_REACH
             and not _counted_by_other(m, number, others)]
    counted = min(after, key=lambda m: m.start) if after else None
    if counted is None:  # no measure word after it: a noun the analyser knows as people, just after it
        people = [m for m in between(marks, number[1], min(number[1] + PERSON_REACH, clause[1]))
                  if m.facet == "person" and not _counted_by_other(m, number, others) and not _against(text, m, number)]
        counted = people[0] if people else None
    if counted is None and _BARE.match(text, number[1]):  # "явились лишь 367 (около 5%)": the verb's subject
        verbs = [m for m in between(marks, clause[0], number[0]) if m.facet == "people-before"
                 and _QUALIFIERS_ONLY.fullmatch(text, m.end, number[0])]
        counted = verbs[-1] if verbs else None
    if counted is None:
        before = [m for m in in_clause if m.start < number[0]]
        counted = max(before, key=lambda m: m.start) if before else _nearest(in_sentence, number[0])
    if counted is None:
        return "persons-charged" if charged else None
    measure = counted.value
    if measure in ("persons", "persons-charged") or MEASURES[measure][0] == "cases":
        if any(m.value == "sentences" for m in in_clause if m is not counted
               and not _counted_by_other(m, number, others)):
            return "sentences"
    if charged and MEASURES[measure][0] == "cases":
        return "persons-charged"  # "in 15,564 of these cases suspects were notified"
    if measure == "proceedings" and any(m.value == "court-cases" for m in in_clause):
        return "court-cases"  # "до суду направлено 13 625 проваджень": proceedings sent to a court are its cases
    group = MEASURES[measure][0]
    if measure == "persons":  # "обратилось 28 военных", "sentenced 684 people": what was done to them is counted
        # ("verdicts were delivered in 4,212 cases" stay cases, "93 charges … and 61 verdicts" charges)
        for other in ("requests", "sentences"):
            if any(m.value == other for m in in_clause):
                return other
    if measure in GENERIC:
        specific = [m for m in in_clause if m.value not in GENERIC and MEASURES[m.value][0] == group]
        if specific:
            measure = _nearest(specific, number[0]).value
    return measure


_CLAUSE_MARK = re.compile(r"[,;]")
_BARE = re.compile(r"\s*(?:[,.;:()!?»”\"—–-]|$)")  # no word after a number: its noun is printed nowhere
_QUALIFIERS_ONLY = re.compile(r"(?:\s+[^\W\d]{1,6})?(?:\s+[^\W\d]{1,6})?\s+")  # "всего около", "лишь": short words
_YEAR = re.compile(r"(?:19|20)\d\d")


def figure_spans(numbers, marks, offset: int = 0) -> tuple[tuple[int, int], ...]:
    """(start, end), plus `offset`, of each number given as (start, end, text) that is a figure: not a year and
    not an article's number ('Article 337'): the `others` among which own_offences parts a sentence's offences."""
    articles = [(m.start, m.end) for m in marks if m.facet == "article"]
    return tuple((offset + a, offset + b) for a, b, text in numbers if not _YEAR.fullmatch(text)
                 and not any(x <= offset + a < y for x, y in articles))


def own_offences(text: str, offences: list[Marker], number: tuple[int, int],
                 others: tuple[tuple[int, int], ...]) -> list[Marker]:
    """The offences a number is about where its sentence holds other numbers (`others`, offsets in `text`): an
    offence named between two numbers goes with the one before it ("5,260 cases for AWOL and 501 for desertion"),
    unless a comma parts it from that one and not from the next ("за СОЧ — 5000, за дезертирство — 600"); one
    before every number goes with the first. A number that owns none keeps the sentence's ("AWOL: 5,000 in 2023,
    6,000 in 2024")."""
    if not others or not offences:
        return offences
    points = sorted({number, *others})
    owned = []
    for m in offences:
        prev = [p for p in points if p[1] <= m.start]
        nxt = [p for p in points if p[0] >= m.end]
        if not prev:
            owner = nxt[0] if nxt else number
        elif not nxt:
            owner = prev[-1]
        else:
            parted_before = _CLAUSE_MARK.search(text, prev[-1][1], m.start) is not None
            parted_after = _CLAUSE_MARK.search(text, m.end, nxt[0][0]) is not None
            owner = nxt[0] if parted_before and not parted_after else prev[-1]
        if owner == number:
            owned.append(m)
    return owned or offences


def _aside(text: str, m: Marker, number: tuple[int, int]) -> bool:
    """Whether a country word stands in brackets that do not hold the number: an aside, which says less of whose
    figure it is than its producer named in the sentence ("According to the Office of the Prosecutor General, almost
    29.8 thousand cases … (included in the register of foreign agents by the Russian Ministry of Justice)")."""
    if not text:
        return False
    opened = text.rfind("(", 0, m.start)
    if opened < 0 or text.rfind(")", opened, m.start) >= 0:
        return False
    closed = text.find(")", m.end)
    return closed >= 0 and not (opened < number[0] < closed)


_ELIDED = re.compile(r"\s[—–]\s")  # a dash before a clause's number: its verb is the clause's before


def country_before(marks, start: int, at: int) -> str | None:
    """In an article of several countries, none most: the one country named from `start` (the paragraph before the
    figure's) to `at`, if one only ("Armenia's law-enforcement agencies have launched criminal cases against over
    10,000 people … ¶ It is still unclear … with regard to 10,000 people": Armenia's, not the outlet's Azerbaijan)."""
    near = between(marks, start, at)
    people = {(m.start, m.end) for m in near if m.facet in ("people-part", "person")}  # "Moldovans": of whom
    named = {m.value for m in near if m.facet in ("country", "producer-country") and (m.start, m.end) not in people}
    return named.pop() if len(named) == 1 else None


def facets_at(marks: tuple[Marker, ...], sentence: tuple[int, int], clause: tuple[int, int],
              number: tuple[int, int], paragraph: tuple[int, int] | None = None, *, percent: bool = False,
              article: bool = True, text: str = "",
              others: tuple[tuple[int, int], ...] = (), before: int | None = None, outlet: str | None = None) -> Facets:
    """The facets of the number at `number` (offsets in the marked text): country and measure from its clause,
    then its sentence (then, for the country, the article's majority; another country named after it in another
    clause yields to the article's; then the one country named from `before`, where the paragraph before the
    figure's starts, to the number: country_before; then `outlet`, its outlet's country); offences from its clause,
    else its sentence;
    articles from its sentence;
    (given the `text` and the sentence's `others` numbers, the offences named are parted between them: own_offences);
    the producer named in its sentence, else its paragraph, else the one the article names most."""
    in_sentence = between(marks, *sentence)
    if any(m.facet == "producer-country" for m in in_sentence):  # its producer named: an aside yields to it
        in_sentence = [m for m in in_sentence if not (m.facet == "country" and _aside(text, m, number))]
    if percent:  # a country's people beside shares, not as the whole they are of, are what one is made of: "5% —
        # Ukrainians"
        parts = {(m.start, m.end) for m in in_sentence if m.facet == "people-part"}
        in_sentence = [m for m in in_sentence if not (m.facet == "country" and (m.start, m.end) in parts)]
    country = None
    terms = {(m.start, m.end) for m in in_sentence if m.facet == "offence"}
    for facet in ("country", "producer-country"):  # a country named outranks the one its producer counts in
        countries = [m for m in in_sentence if m.facet == facet]
        # the nationality of what another number counts ("засуджено 202 російських військових, 19 з яких …") is that
        # number's, where the sentence names another country
        theirs = [m for m in countries if any(0 <= m.start - o[1] <= QUALIFIES for o in others)]
        countries = [m for m in countries if m not in theirs] or countries
        near = [m for m in countries if clause[0] <= m.start < clause[1]]
        # the nationality of what is counted, just after the number ("засуджено 202 російських військових"), yields
        # to another country its clause names: where they were counted ("в Україні")
        nationality = [m for m in near if 0 <= m.start - number[1] <= QUALIFIES]
        elsewhere = [m for m in near if m not in nationality and m.value not in {n.value for n in nationality}]
        near = elsewhere if nationality and elsewhere else near
        # an offence's term ("СОЧ", "СЗЧ") says whose law only where no country is named: "на Украине … 250 тысяч
        # дезертиров и СОЧ" are Ukraine's
        named = [m for m in near or countries if (m.start, m.end) not in terms]
        country = country or _nearest(named or near or countries, number[0])
    whole = _article(marks, "country") if article else None
    if country is not None and whole and country.value != whole and country.facet == "country" \
            and not clause[0] <= country.start < clause[1] and country.start > number[1]:
        # another country than the article's, named after the number in another clause, is where its people are
        # ("120 являются студентами, которые обучаются в Российской Федерации"), not whose figure it is
        country = None
    country_value = country.value if country else whole
    if country_value is None and before is not None:
        country_value = country_before(marks, before, number[0])
    country_value = country_value or outlet  # an article naming no country, or several, none most: its outlet's
    measure = "share" if percent else measure_at(marks, clause, sentence, number, others, text)
    if measure in ("persons", "persons-charged") and text and _ELIDED.search(text, clause[0], number[0]):
        # "осудили 290 человек, в 2015 году — 742 человека": the dash stands for the verb of the clause before, which
        # says what was done to them
        measure = measure_at(marks, (sentence[0], clause[1]), sentence, number, others, text)
    producers = [m for m in in_sentence if m.facet == "producer"]
    group = MEASURES[measure][0] if measure else None
    if not producers and paragraph is not None:  # named before the sentence in its paragraph, else after it
        around = [m for m in between(marks, *paragraph) if m.facet == "producer" and _publishes(m.value, group)]
        producers = [m for m in around if m.start < sentence[0]][-1:] or around[:1]
    producer = _nearest(producers, number[0])
    named = _article(marks, "producer") if article and producer is None else None
    producer_value = producer.value if producer else (named if named and _publishes(named, group) else None)
    if measure == "cases" and producer_value in CASES_COUNTED:
        measure = CASES_COUNTED[producer_value]  # its "справ" are the proceedings the prosecutors registered
    total = any(m.facet == "total" for m in between(marks, *clause))
    named_offences = [m for m in in_sentence if m.facet == "offence"]
    offences = frozenset(m.value for m in own_offences(text, named_offences, number, others))
    return Facets(country=country_value, measure=measure, kind="cumulative" if total else None,
                  offences=offences, articles=frozenset(m.value for m in in_sentence if m.facet == "article"),
                  producer=producer_value,
                  parted=bool(offences) and offences < frozenset(m.value for m in named_offences))
