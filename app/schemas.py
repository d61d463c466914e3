"""The JSON the API returns: public shapes, never table models."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import to_json

from app.queries import ArticleDetail, ArticleView, EventView


class DatePublic(BaseModel):
    edtf: str = Field(description="EDTF value, e.g. 1979, 1979-12-24, 199X, 1978/1992, XXXX-07-05, 2021-08-20?",
                      examples=["1979-12-24"])
    start: str | None = Field(description="first ISO day the date can mean; null when the year is unknown")
    end: str | None = Field(description="last ISO day the date can mean; null when the year is unknown")
    granularity: str = Field(description="day, week, month, season, quarter, year, range, decade, century or unknown")
    display: str = Field(description="the date as a reader says it", examples=["24 December 1979"])
    uncertain: bool = Field(description="the date is uncertain or not fully known")
    inferred: bool = Field(description="resolved against a publication date inferred from other articles")
    needs_review: bool = Field(description="flagged for an editor")
    corrected: bool = Field(False, description="an editor set this date; `machine_edtf` is what the articles say")
    machine_edtf: str | None = Field(None, description="the date the extraction gave, before any editor's correction")
    verified: bool = Field(False, description="an editor checked the date against the sources")


class SourcePublic(BaseModel):
    article_id: int
    article_file: str = Field(description="file name the article was ingested from")
    article_title: str
    paragraph_index: int
    paragraph_text: str
    mention_text: str = Field(description="the date expression as written")
    mention_start: int = Field(description="character offset of the date expression in the paragraph")
    mention_end: int
    date_given: str = Field(description="the EDTF date this source gave")
    how: str = Field(description="how a relative date was resolved, if it was")
    url: str = Field(description="link to the paragraph on the article page")


EVENT_EXAMPLE = {
    "id": 13, "title": "The former Soviet Union intervened in Afghanistan",
    "summary": "The former Soviet Union intervened in Afghanistan on Christmas Eve in 1979.",
    "date": {"edtf": "1979-12-24", "start": "1979-12-24", "end": "1979-12-24", "granularity": "day",
             "display": "24 December 1979", "uncertain": False, "inferred": False, "needs_review": False},
    "source_count": 1,
    "sources": [{"article_id": 5, "article_file": "004_41b4385f7882b3f3.txt",
                 "article_title": "Russia Opposes Western Return to Afghanistan", "paragraph_index": 6,
                 "paragraph_text": "The former Soviet Union intervened in Afghanistan on Christmas Eve in 1979.",
                 "mention_text": "Christmas Eve in 1979", "mention_start": 51, "mention_end": 72,
                 "date_given": "1979-12-24", "how": "", "url": "/articles/5#p6"}],
    "url": "/events/13"}


class EventPublic(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [EVENT_EXAMPLE]})

    id: int
    title: str
    summary: str
    date: DatePublic
    source_count: int = Field(description="how many sources reported the event")
    hidden: bool = Field(False, description="hidden by an editor: only callers with an editor's token see it")
    corrected_by: str | None = Field(None, description="the editor who last changed the event")
    corrected_at: dt.datetime | None = Field(None, description="when an editor last changed the event")
    version: int = Field(1, description="moves on with every change; the event's ETag carries it")
    sources: list[SourcePublic] = Field(description=(
        "the sources, earliest publication first: all of them for one event, the first 20 in lists"))
    url: str

    @classmethod
    def of(cls, e: EventView) -> EventPublic:
        return cls.model_validate(cls.fields_of(e))

    @classmethod
    def json_of(cls, e: EventView) -> bytes:
        """What `of(e).model_dump_json()` gives, as UTF-8, without validating the database's typed columns
        again: that was two thirds of the time of writing a listed event's JSON (tests/web/test_api.py
        checks that the two agree, field for field and in order)."""
        return to_json(cls.fields_of(e))

    @staticmethod
    def fields_of(e: EventView) -> dict:
        """The event as plain data, its fields in the model's order: for a page to validate whole in one
        call (building a model per source from Python was a third of the time of serialising a list
        page), or to be written as JSON as it is (`json_of`)."""
        return {
            "id": e.id, "title": e.title, "summary": e.summary,
            "date": {"edtf": e.edtf, "start": e.start, "end": e.end, "granularity": e.granularity,
                     "display": e.display, "uncertain": e.uncertain, "inferred": e.inferred,
                     "needs_review": e.needs_review, "corrected": e.date_corrected,
                     "machine_edtf": e.machine_edtf or e.edtf, "verified": e.verified},
            "source_count": e.source_count, "hidden": e.hidden, "corrected_by": e.corrected_by,
            "corrected_at": e.corrected_at, "version": e.version,
            "sources": [{"article_id": s.article_id, "article_file": s.article_file, "article_title": s.article_title,
                         "paragraph_index": s.paragraph_index, "paragraph_text": s.paragraph_text,
                         "mention_text": s.mention_text, "mention_start": s.mention_start,
                         "mention_end": s.mention_end, "date_given": s.date_given, "how": s.how, "url": s.url}
                        for s in e.sources],
            "url": f"/events/{e.id}"}


class EventPage(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"ok": True, "events": [EVENT_EXAMPLE],
                                                               "next": "/api/events?limit=1&after=WyJkYXRlIiwwXQ"}]})

    ok: bool = True
    events: list[EventPublic]
    next: str | None = Field(description="URL of the next page, or null on the last page")


class ArticlePublic(BaseModel):
    id: int
    file: str
    title: str
    title_derived: bool = Field(description="the text had no headline; this one was made from the lede")
    byline: str | None
    published: str | None = Field(description="publication date found in the text (EDTF), or null")
    published_evidence: str | None
    anchor: str | None = Field(description="date relative expressions were resolved against (EDTF)")
    anchor_inferred_from: str | None
    url: str | None
    events: int = Field(description="number of events this article reports")

    @classmethod
    def of(cls, a: ArticleView) -> ArticlePublic:
        return cls(id=a.id, file=a.file, title=a.title, title_derived=a.title_derived, byline=a.byline,
                   published=a.published, published_evidence=a.published_evidence, anchor=a.anchor,
                   anchor_inferred_from=a.anchor_inferred_from, url=a.url, events=a.event_count)


class ArticlePage(BaseModel):
    ok: bool = True
    articles: list[ArticlePublic]
    next: str | None


class MentionPublic(BaseModel):
    start: int
    end: int
    text: str
    type: str = Field(description="TIMEX3 type: DATE, TIME, DURATION or SET")
    value: str = Field(description="TIMEX3 value")
    edtf: str | None
    event_id: int | None


class ParagraphPublic(BaseModel):
    index: int
    text: str
    mentions: list[MentionPublic]


class ArticleDetailPublic(ArticlePublic):
    paragraphs: list[ParagraphPublic]

    @classmethod
    def of_detail(cls, d: ArticleDetail) -> ArticleDetailPublic:
        base = ArticlePublic.of(d.article).model_dump()
        return cls(**base, paragraphs=[ParagraphPublic(index=p.index, text=p.text, mentions=[
            MentionPublic(start=s.mention.start, end=s.mention.end, text=s.mention.text, type=s.mention.type,
                          value=s.mention.value, edtf=s.mention.edtf, event_id=s.event_id)
            for s in p.segments if s.mention is not None]) for p in d.paragraphs])


class EventPatch(BaseModel):
    """An editor's change to an event: any of the fields, with the same validation and history as the forms."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"date": "4 October 2024", "reason": "Lavrov's Kazan meeting was on Friday 4 October 2024"}]})

    date: str | None = Field(None, max_length=100, description=(
        "free text or EDTF: `24 Dec 1979`, `1979`, `the 1990s`, `1978-1992`, `c. 1980`, `before 2001`, `1979-12-24`"))
    title: str | None = Field(None, max_length=300)
    hidden: bool | None = Field(None, description="hide from readers (never deleted)")
    verified: bool | None = Field(None, description="the date was checked against the sources")
    reason: str | None = Field(None, max_length=500, description="why, kept in the history")


class Problem(BaseModel):
    """RFC 9457 problem details."""

    ok: bool = False
    type: str = "about:blank"
    title: str
    status: int
    detail: str


class TimelineJSDocument(BaseModel):
    """A TimelineJS3 document (https://timeline.knightlab.com/docs/json-format.html)."""

    title: dict = Field(description="the title slide: {text: {headline, text}}")
    events: list[dict] = Field(description="slides: start_date/end_date {year, month?, day?}, display_date, "
                                           "text {headline, text}, group, unique_id")
