"""The ledger's data model: immutable indicators, sources, events and figures."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

from tracker.ledger.dates import Span


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    title: str
    unit: str
    kind: str  # stock | cumulative | flow | rate
    since: Span | None = None
    per: str | None = None
    counts: str | None = None
    aliases: tuple[str, ...] = ()
    description: str | None = None
    chart: tuple[tuple[str, str], ...] = ()  # words for the published chart: (key, text), 'ru.title' in Russian
    country: str | None = None  # what it counts (tracker.ledger.definitions): whose figure,
    producer: str | None = None  # whose count,
    measure: str | None = None  # what is counted,
    articles: tuple[str, ...] = ()  # under which articles of the country's criminal code

    @property
    def is_share(self) -> bool:
        return self.unit.strip().lower() == "share"


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    publisher: str
    title: str | None = None
    url: str | None = None
    published: Span | None = None
    published_inferred: bool = False
    accessed: Span | None = None
    archive_url: str | None = None
    language: str | None = None
    author: str | None = None
    document: str | None = None
    note: str | None = None
    unnamed: bool = False  # the article names no outlet; publisher describes it for the curator


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    date: Span
    title: str
    indicators: tuple[str, ...] | None = None  # None: every indicator
    url: str | None = None
    note: str | None = None
    chart: tuple[tuple[str, str], ...] = ()  # its label on published charts: ('title', text), ('ru.title', text)

    def covers(self, indicator_id: str) -> bool:
        return self.indicators is None or indicator_id in self.indicators


@dataclass(frozen=True, slots=True)
class Figure:
    id: str
    indicator: str
    source: str
    claimant: str
    quote: str
    value: float | int | None = None
    qualifier: str = "exact"
    low: float | int | None = None
    high: float | int | None = None
    as_of: Span | None = None
    as_of_defaulted: bool = False  # True: as_of is the source's published date
    period: Span | None = None
    change: str | None = None
    compared_to: Span | None = None
    claimant_defaulted: bool = False  # True: claimant is the source's publisher
    status: str = "accepted"
    note: str | None = None
    acknowledged: tuple[tuple[str, str, str], ...] = ()  # (flag code, by whom, why) a curator accepts
    file: str = ""
    line: int = 0

    @property
    def when(self) -> Span | None:
        """The time the figure speaks about: its period, else its as_of."""
        return self.period or self.as_of

    @property
    def best(self) -> float | None:
        """A single best value: the value, else the middle of the range."""
        if self.value is not None:
            return float(self.value)
        if self.low is not None and self.high is not None:
            return (float(self.low) + float(self.high)) / 2
        return None

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass(frozen=True)
class Ledger:
    """A loaded, valid ledger. Build one with `tracker.load(path)`."""

    indicators: Mapping[str, Indicator]
    sources: Mapping[str, Source]
    events: tuple[Event, ...]
    figures: tuple[Figure, ...]
    files: tuple[str, ...] = ()
    content_hash: str = ""
    names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # language -> name -> name in it

    def __post_init__(self):
        object.__setattr__(self, "indicators", MappingProxyType(dict(self.indicators)))
        object.__setattr__(self, "sources", MappingProxyType(dict(self.sources)))
        object.__setattr__(self, "names", MappingProxyType({k: MappingProxyType(dict(v))
                                                            for k, v in dict(self.names).items()}))

    def __reduce__(self):  # mapping proxies do not pickle; rebuild them
        return (Ledger, (dict(self.indicators), dict(self.sources), self.events, self.figures, self.files,
                         self.content_hash, {k: dict(v) for k, v in self.names.items()}))

    def release_keys(self, f: Figure) -> list[tuple]:
        """The releases a figure belongs to: its source, and its claimant's publication on that date."""
        keys: list[tuple] = [("source", f.source)]
        published = self.sources[f.source].published
        if published is not None:
            keys.append(("claimant", " ".join(f.claimant.lower().split()), published.text))
        return keys

    @cached_property
    def releases(self) -> dict:
        """Accepted figures by release (see `release_keys`), built once."""
        out: dict = {}
        for f in self.figures:
            if f.status == "accepted":
                for key in self.release_keys(f):
                    out.setdefault(key, []).append(f)
        return out

    @cached_property
    def series(self) -> Mapping:
        """Every indicator's Series (tracker.series), in indicator order: the one way to get a series. Each is
        built when first asked for and kept, as the ledger never changes; an unknown id raises
        UnknownIndicator."""
        from tracker.series import SeriesMap

        return SeriesMap(self)

    def events_for(self, indicator_id: str) -> tuple[Event, ...]:
        return tuple(e for e in self.events if e.covers(indicator_id))

    def siblings(self, indicator_id: str) -> tuple[str, ...]:
        """The other indicators of its country and producer (their definitions say so), of a kind that moves as it
        does (a running total's steps are not a flow's level): the producer's other counts, in ledger order."""
        ind = self.indicators[indicator_id]
        if not ind.country or not ind.producer:
            return ()
        return tuple(i for i in self._counts_of[(ind.country, ind.producer, ind.kind == "cumulative")] if i != ind.id)

    @cached_property
    def _counts_of(self) -> dict:
        """(country, producer, running total or not) -> its indicators' ids in ledger order, built once."""
        out: dict = {}
        for o in self.indicators.values():
            out.setdefault((o.country, o.producer, o.kind == "cumulative"), []).append(o.id)
        return out

    def figures_frame(self):
        """One row per figure, with its indicator and source fields joined in (a pandas DataFrame)."""
        from tracker.ledger.frames import figures_frame

        return figures_frame(self)

    def __repr__(self) -> str:
        return (f"<Ledger {len(self.indicators)} indicators, {len(self.figures)} figures, "
                f"{len(self.sources)} sources, {len(self.events)} events>")
