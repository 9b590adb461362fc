"""The ledger's vocabulary: every field of every section, its type and meaning.

The loader validates against these specs and `tracker schema` turns them into a
JSON Schema, so the two cannot drift apart. The meanings follow the format page
(docs/ledger-format.md); fields marked (tracker) are this project's additions.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.ledger.definitions import MEASURES

KINDS = ("stock", "cumulative", "flow", "rate")
PERS = ("day", "week", "month", "year")
QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range")
STATUSES = ("accepted", "candidate", "rejected")
CHANGES = ("ratio", "difference")
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
SPAN_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$"


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    type: str  # a key of tracker.ledger.convert.TYPES: id, text, number, date, span, enum, chart, names, ...
    doc: str
    required: bool = False
    choices: tuple = ()
    ref: str = ""  # the section a ref or reflist points into


def _fields(*fields: Field) -> dict[str, Field]:
    return {f.name: f for f in fields}


INDICATOR = _fields(
    Field("title", "text", "What is counted, in a sentence.", required=True),
    Field("unit", "text", "The unit of a value: cases, people, sentences, share.", required=True),
    Field("kind", "enum", "stock | cumulative | flow | rate.", required=True, choices=KINDS),
    Field("since", "date", "Cumulative only: when counting starts."),
    Field("per", "enum", "Rate only: the time unit of the rate.", choices=PERS),
    Field("counts", "text", "(tracker) A short phrase for chart subtitles: 'cases received by military courts'."),
    Field("aliases", "list", "Other names the indicator goes by in articles."),
    Field("country", "country", "(tracker) Whose figure it is: an ISO 3166-1 alpha-2 code such as RU, UA or BY."),
    Field("producer", "text", "(tracker) Whose count it is: 'Mediazona', 'Office of the Prosecutor General of "
          "Ukraine'."),
    Field("measure", "enum", "(tracker) What is counted: " + ", ".join(MEASURES) + " (docs/ledger-format.md).",
          choices=tuple(MEASURES)),
    Field("articles", "articles", "(tracker) The articles of the country's criminal code counted: [337, 338]."),
    Field("description", "text", "Free text on the definition and its pitfalls."),
    Field("chart", "chart", "(tracker) Words for the published chart: {title, subtitle, counts, source, note}, each "
          "text, and the same words in other languages under their codes: {ru: {title: ...}}."),
)

SOURCE = _fields(
    Field("publisher", "text", "The outlet where the figure was read.", required=True),
    Field("title", "text", "The article's headline."),
    Field("url", "url", "The article's address."),
    Field("published", "date", "When the article was published: YYYY, YYYY-MM or YYYY-MM-DD."),
    Field("published_inferred", "bool", "(tracker) true when the date was inferred, not printed."),
    Field("accessed", "date", "When the curator read it."),
    Field("archive_url", "url", "An archived copy."),
    Field("language", "language", "ISO 639-1 code of the article's language."),
    Field("author", "text", "(tracker) The byline."),
    Field("document", "text", "(tracker) A local copy of the text, when the article has no address."),
    Field("note", "text", "(tracker) Anything a reader of the source should know."),
    Field("unnamed", "bool", "(tracker) true when the article names no outlet: publisher describes the site for "
          "the curator, and published charts say 'an unnamed outlet'."),
)

EVENT = _fields(
    Field("id", "id", "Unique, stable id.", required=True),
    Field("date", "span", "When it happened.", required=True),
    Field("title", "text", "What happened.", required=True),
    Field("indicators", "reflist", "The indicators it explains; default: all.", ref="indicators"),
    Field("url", "url", "(tracker) Where it is documented."),
    Field("note", "text", "(tracker) Free text."),
    Field("chart", "event_chart", "(tracker) The event's label on published charts, {title: ...}, and in other "
          "languages under their codes: {ru: {title: ...}}."),
)

FIGURE = _fields(
    Field("id", "id", "Unique, stable id.", required=True),
    Field("indicator", "ref", "The indicator this figure is a value of.", required=True, ref="indicators"),
    Field("value", "number", "The number as stated (the bound, for at_least and at_most)."),
    Field("qualifier", "enum", "exact | approx | at_least | at_most | range (default exact).", choices=QUALIFIERS),
    Field("low", "number", "Lower end of a range, or of an approx figure's plausible values."),
    Field("high", "number", "Upper end of a range, or of an approx figure's plausible values."),
    Field("as_of", "span", "Stock and cumulative: the date the count holds for."),
    Field("period", "span", "Flow and rate: the period counted; with change, the later time."),
    Field("change", "enum", "A relative claim: ratio or difference against compared_to.", choices=CHANGES),
    Field("compared_to", "span", "With change: the earlier time."),
    Field("source", "ref", "Where the curator read it.", required=True, ref="sources"),
    Field("claimant", "text", "Who produced the number; default: the source's publisher."),
    Field("quote", "text", "The sentence as printed, in its original language.", required=True),
    Field("status", "enum", "accepted (default) | candidate | rejected.", choices=STATUSES),
    Field("note", "text", "Free text; required when status is rejected."),
    Field("acknowledged", "acks", "(tracker) Flags a curator has looked at and accepts: a list of "
          "{flag: CODE, by: WHO, why: TEXT}; they stay out of `tracker flags` unless --all."),
)

ROOT = _fields(
    Field("version", "number", "Format version; must be 1."),
    Field("include", "list", "(tracker) Further ledger files to read, relative to this one; globs allowed."),
    Field("indicators", "map", "Indicators by id."),
    Field("sources", "map", "Sources by id."),
    Field("events", "list", "Real-world changes that explain breaks."),
    Field("figures", "list", "The figures."),
    Field("names", "names", "(tracker) How published charts name claimants and outlets in a language: "
          "{ru: {Mediazona: Медиазона}}."),
)

CHART_KEYS = ("title", "subtitle", "counts", "source", "note")  # the keys of an indicator's chart: mapping
EVENT_CHART_KEYS = ("title",)  # the keys of an event's chart: mapping
ACK_KEYS = ("flag", "by", "why")  # an acknowledgement of a flag: all three required

SECTIONS = {"indicator": INDICATOR, "source": SOURCE, "event": EVENT, "figure": FIGURE}
