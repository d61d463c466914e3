"""Plain, immutable data passed between the ingest stages.

Every stage takes and returns these objects only, so each can be tested on its
own and none needs a database or a web framework.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Anchor:
    """What a relative date is resolved against: the article's publication date.

    `date` is None when the publication day is unknown; `year` may still be known
    (e.g. inferred from other articles). `inferred_from` says where an inferred
    anchor came from, so that every date resolved against it can say so too.
    """

    date: dt.date | None = None
    year: int | None = None
    inferred_from: str | None = None
    # The article writes its dates day first ("3 October", "15/09/2023"): so is "03/10/2023" read.
    day_first: bool = False
    # A chronology's heading the paragraph sits under ("1979: Soviet invasion"): its date, not the
    # publication's, is what "on 24 December" below it is in.
    heading: str | None = None

    def __post_init__(self) -> None:
        if self.date is not None and self.year is None:
            object.__setattr__(self, "year", self.date.year)

    @property
    def inferred(self) -> bool:
        return self.inferred_from is not None


UNKNOWN_ANCHOR = Anchor()


@dataclass(frozen=True)
class Paragraph:
    index: int
    text: str


@dataclass(frozen=True)
class Article:
    name: str
    title: str
    title_derived: bool
    byline: str | None
    published: dt.date | None
    published_evidence: str | None
    paragraphs: tuple[Paragraph, ...]
    boilerplate: tuple[str, ...] = ()
    url: str | None = None
    text: str = ""
    # A dateline without its year ("NEW ORLEANS, Aug 30 (Reuters) -"): the day, to take once a year is known.
    dateline_day: tuple[int, int, str] | None = None  # (month, day, the dateline's text)
    day_first: bool = False  # see Anchor.day_first

    @property
    def anchor(self) -> Anchor:
        return Anchor(date=self.published, day_first=self.day_first)


@dataclass(frozen=True)
class Mention:
    """A temporal expression found in a text.

    `value`/`type` follow TIMEX3 (what TimeML annotates). `edtf` places the
    mention on the calendar, or is None when it places nothing (durations, sets,
    "now"). `relative` mentions depend on the anchor and are re-resolved when an
    article's anchor changes.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    edtf: str | None
    granularity: str
    relative: bool = False
    inferred: bool = False
    how: str = ""

    @property
    def places_event(self) -> bool:
        # a DURATION places an event only when counted from a date: "three days later"
        return self.edtf is not None and self.type in ("DATE", "TIME", "DURATION")


@dataclass(frozen=True, slots=True)  # slots: the event index holds one for every source of the archive
class SourceRef:
    """Where an event was read: an article paragraph and the date expression in it."""

    article: str
    paragraph_index: int
    mention_start: int
    mention_end: int
    mention_text: str
    sentence: str
    edtf: str
    how: str = ""
    inferred: bool = False


@dataclass(frozen=True)
class EventCandidate:
    summary: str
    edtf: str
    granularity: str
    source: SourceRef
    keywords: frozenset[str] = field(default_factory=frozenset)
    names: frozenset[str] = field(default_factory=frozenset)  # who and where the sentence names (events.names)
    article_names: frozenset[str] = field(default_factory=frozenset)  # and its whole article
    needs_review: bool = False
    # How to make the headline, which is only needed if the candidate becomes a new event.
    make_title: Callable[[], str] = field(default=lambda: "", compare=False, repr=False)

    @property
    def title(self) -> str:
        return self.make_title()


@dataclass(slots=True)  # slots: the event index holds every event of the archive
class MergedEvent:
    """An event on the timeline with every source that reported it.

    Mutable on purpose: merging folds candidates into it one at a time.
    `id` is the storage id for events that already exist, None for new ones.
    Merging never reads or changes `title` and `summary`: once the event is stored, storage leaves
    them empty here (the index holds every event of an archive).
    """

    title: str
    summary: str
    edtf: str
    granularity: str
    sources: list[SourceRef]
    keywords: tuple[str, ...] | frozenset[str]  # a tuple or, for a big story, a set once in the index (merge._held)
    needs_review: bool = False
    id: int | None = None
    names: tuple[str, ...] | frozenset[str] = ()  # who and where its sources name (events.names), as held (merge._held)
