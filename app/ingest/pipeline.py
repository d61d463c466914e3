"""The ingest pipeline end to end, as pure functions: raw document -> article -> mentions
-> event candidates, with an anchor inferred from known events for undated articles."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .article import parse_article
from .dates import WEEKDAY_NAMES, WEEKDAY_WORD
from .events import extract_events, mentions_by_paragraph
from .merge import EventIndex, dateline_in, infer_anchor, pin_by_weekday, pin_publication_day
from .reader import RawDoc
from .types import Anchor, Article, EventCandidate, Mention


@dataclass(frozen=True)
class Extraction:
    article: Article
    anchor: Anchor
    mentions: dict[int, list[Mention]]
    candidates: list[EventCandidate]


def read_article(doc: RawDoc) -> Article:
    return parse_article(doc.text, doc.name, title=doc.title, published=doc.published, url=doc.url)


FirstReading = tuple[dict[int, list[Mention]], list[EventCandidate]]


def _extract_with(article: Article, anchor: Anchor, before: FirstReading | None = None
                  ) -> tuple[dict[int, list[Mention]], list[EventCandidate]]:
    """Mentions and candidates against `anchor`. What did not depend on the anchor in the
    reading `before` (most paragraphs' mentions, the names the article gives) is not read again."""
    if anchor.day_first != article.day_first:  # an anchor borrowed from other articles
        anchor = replace(anchor, day_first=article.day_first)
    mentions_before, candidates_before = before or (None, None)
    mentions = mentions_by_paragraph(article, anchor, again=mentions_before)
    named = candidates_before[0].article_names if candidates_before else None
    return mentions, extract_events(article, mentions, named)


def first_reading(article: Article) -> FirstReading:
    """Mentions and candidates against the article's own date: the part of `extract` that needs no
    other article (all of it for a dated article), so that it can run in another process."""
    return _extract_with(article, article.anchor)


def _dateline_anchor(inferred: Anchor, dateline_day: tuple[int, int, str]) -> Anchor | None:
    """The day a yearless dateline names, in the year the article borrowed."""
    published = dateline_in(inferred.year, dateline_day)
    if published is None:
        return None
    return Anchor(date=published, inferred_from=f"{inferred.inferred_from}; dateline \u2018{dateline_day[2]}\u2019")


def extract(article: Article, index: EventIndex, first: FirstReading | None = None) -> Extraction:
    """Mentions and candidates of one article; an undated article borrows its year
    (and, where the article pins it, its day) from the events already known.
    `first`: the article's `first_reading`, when it was already done."""
    anchor = article.anchor
    mentions, candidates = first if first is not None else first_reading(article)
    if article.published is None:
        inferred = infer_anchor(article.name, candidates, index, article.dateline_day)
        if inferred is not None:
            mentions, candidates = _extract_with(article, inferred, (mentions, candidates))
            pinned = inferred
            if inferred.date is None and article.dateline_day is not None:
                pinned = _dateline_anchor(inferred, article.dateline_day) or inferred
            if pinned.date is None:  # a year: the article may still pin its day
                named = {WEEKDAY_NAMES.index(w.group(1)) for ms in mentions.values() for m in ms
                         if m.edtf == "XXXX-XX-XX" for w in [WEEKDAY_WORD.search(m.text)] if w}
                pinned = pin_publication_day(inferred, candidates, named)
                if pinned is inferred:
                    pinned = pin_by_weekday(article.name, candidates, index, inferred) or inferred
            if pinned is not inferred:
                mentions, candidates = _extract_with(article, pinned, (mentions, candidates))
            anchor = pinned
    return Extraction(article=article, anchor=anchor, mentions=mentions, candidates=candidates)
