"""Editors' changes. Each is a revision (who, when, which field, old -> new, why), checked against
the version of the event the editor saw, and applied in one transaction.

Storage only: the pages and the API call these, with the same validation and history.
"""

from __future__ import annotations

import heapq
import json
import math
import multiprocessing
from dataclasses import dataclass, field

from sqlalchemy import func, select, update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app import search
from app.db import get_engine
from app.ingest import RawDoc
from app.ingest.dates import DateInputError, bounds, display, granularity, parse_date_input, strip_qualifiers
from app.ingest.headline import headline
from app.models import Article, Correction, Event, EventSource, Paragraph, utcnow
from app.store import EDITOR_MADE, Ingestor, bump_version

EVENT_FIELDS = ("date", "title", "hidden", "verified")
MOVES = ("merge", "detach", "move")  # revisions that moved sources between events
MAX_TITLE = 300
MAX_REASON = 500


class EditError(ValueError):
    """Input an editor can fix: the message names the field and says what is wrong."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name


class NotFound(LookupError):
    pass


class Conflict(Exception):
    """The event changed since the editor loaded it."""

    def __init__(self, event: Event, since: list[Correction]) -> None:
        super().__init__("the event changed since you opened it")
        self.event = event
        self.since = since

    def describe(self) -> str:
        if not self.since:
            return (f"New reporting changed this event since you opened it: it is now dated "
                    f"{display(self.event.edtf)} and titled “{self.event.title}”.")
        parts = [f"{c.editor} changed {describe_revision(c)}" for c in self.since]
        return "Another editor changed this event since you opened it: " + "; ".join(parts) + "."


@dataclass
class Changes:
    date: str | None = None
    title: str | None = None
    hidden: bool | None = None
    verified: bool | None = None
    reason: str | None = None


def parse_date(text: str) -> str:
    """An editor's free-text date as the EDTF value the timeline will show (EditError if it is none)."""
    try:
        return parse_date_input(text)
    except DateInputError as exc:
        raise EditError("date", str(exc)) from None


def _flag(value: bool) -> str:
    return "true" if value else "false"


def describe_revision(c: Correction) -> str:
    """A revision as a sentence fragment: `date from 1979 to 24 December 1979`."""
    if c.field == "date":
        return f"the date from {display(c.old_value) if c.old_value else 'nothing'} to {display(c.value)}"
    if c.field == "title":
        return f"the title from “{c.old_value}” to “{c.value}”" if c.old_value else f"the title to “{c.value}”"
    if c.field == "hidden":
        return "it to hidden" if c.value == "true" else "it to shown"
    if c.field == "verified":
        return "its date to verified" if c.value == "true" else "its date to not verified"
    if c.field == "reviewed":
        return "its review to cleared" if c.value == "cleared" else "it back into review"
    if c.field == "published":
        return (f"the publication date from {display(c.old_value) if c.old_value else 'the text’s'} to "
                f"{display(c.value) if c.value else 'what the text says'}")
    if c.field in MOVES:
        moved = json.loads(c.value)
        n = len(moved["sources"])
        return f"sources: {n} moved from event {moved['from']} to event {moved['to']} ({c.field})"
    if c.field == "created":
        return "the event into being from a paragraph"
    return f"{c.field} to {c.value}"


def _event(session: Session, event_id: int, *, lock: bool = True) -> Event:
    query = select(Event).where(Event.id == event_id)
    if lock and session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    event = session.execute(query).scalars().first()
    if event is None:
        raise NotFound(f"there is no event {event_id}")
    return event


def revisions_since(session: Session, event_id: int, version: int) -> list[Correction]:
    return list(session.execute(select(Correction).where(Correction.event_id == event_id,
                                                         Correction.version > version)
                                .order_by(Correction.id)).scalars())


def _reason(reason: str | None) -> str | None:
    reason = " ".join((reason or "").split())
    if len(reason) > MAX_REASON:
        raise EditError("reason", f"a reason has at most {MAX_REASON} characters")
    return reason or None


def _touch(session: Session, event: Event, editor: str) -> int:
    event.version += 1
    event.corrected_by, event.corrected_at = editor, utcnow()
    event.updated_at = utcnow()
    session.add(event)
    return event.version


def _set_date(event: Event, edtf: str) -> None:
    start, end = bounds(edtf)
    core, uncertain, _ = strip_qualifiers(edtf)
    event.edtf, event.date_start, event.date_end = edtf, start, end
    event.granularity = granularity(edtf)
    event.uncertain = uncertain or core.startswith("XXXX")
    event.inferred = False  # an editor's date stands on the editor's word, not on an inference
    event.needs_review = False


def edit_event(session: Session, event_id: int, editor: str, changes: Changes, expected_version: int | None,
               *, reverts: int | None = None) -> Event:
    """Apply an editor's changes to an event. Raises Conflict if it moved on since `expected_version`
    (None: the caller does not care, as for a revert), EditError for bad input."""
    event = _event(session, event_id)
    if expected_version is not None and event.version != expected_version:
        raise Conflict(event, revisions_since(session, event_id, expected_version))
    reason = _reason(changes.reason)
    new: dict[str, tuple[str | None, str]] = {}
    if changes.date is not None:
        edtf = parse_date(changes.date)
        if edtf != event.edtf:
            new["date"] = (event.edtf, edtf)
    if changes.title is not None:
        title = " ".join(changes.title.split())
        if not title:
            raise EditError("title", "a title cannot be empty")
        if len(title) > MAX_TITLE:
            raise EditError("title", f"a title has at most {MAX_TITLE} characters")
        if title != event.title:
            new["title"] = (event.title, title)
    if changes.hidden is not None and changes.hidden != event.hidden:
        new["hidden"] = (_flag(event.hidden), _flag(changes.hidden))
    if changes.verified is not None and changes.verified != event.verified:
        new["verified"] = (_flag(event.verified), _flag(changes.verified))
    if not new:
        return event
    conn = session.connection()
    if "title" in new:
        search.remove_event(conn, event.id)  # the index needs the old title to let go of it
    version = _touch(session, event, editor)
    for name, (old, value) in new.items():
        session.add(Correction(event_id=event.id, field=name, old_value=old, value=value, editor=editor,
                               reason=reason, version=version, reverts=reverts))
        if name == "date":
            _set_date(event, value)
        elif name == "title":
            event.title = value
        elif name == "hidden":
            event.hidden = value == "true"
        elif name == "verified":
            event.verified = value == "true"
            if event.verified:
                event.needs_review = False
    session.flush()
    if "title" in new:
        search.add_events(conn, [event.id])
    bump_version(conn)
    session.commit()
    return event


def clear_review(session: Session, event_id: int, editor: str, reason: str | None = None,
                 *, back: bool = False, reverts: int | None = None) -> Event:
    """Take an event out of the review queue (one action), or put it back (`back`). It comes back
    by itself when anything changes it."""
    event = _event(session, event_id)
    version = _touch(session, event, editor)
    session.add(Correction(event_id=event.id, field="reviewed", old_value="cleared" if back else "queued",
                           value="queued" if back else "cleared", editor=editor, reason=_reason(reason),
                           version=version, reverts=reverts))
    event.needs_review = back
    event.reviewed_version = None if back else version
    bump_version(session.connection())
    session.commit()
    return event


def _recount(session: Session, event: Event) -> int:
    event.source_count = session.execute(select(func.count()).select_from(EventSource)
                                         .where(EventSource.event_id == event.id)).scalar_one()
    return event.source_count


def _move(session: Session, source_ids: list[int], source: Event, target: Event, editor: str, kind: str,
          reason: str | None, reverts: int | None = None) -> None:
    """Move sources between events, as one revision on each. An event left with no source
    becomes a pointer to the other (hidden, merged_into); one that gets sources back is shown again."""
    session.execute(update(EventSource).where(EventSource.id.in_(source_ids), EventSource.event_id == source.id)
                    .values(event_id=target.id, pinned_by=editor))
    if _recount(session, source) == 0:
        source.merged_into, source.hidden = target.id, True
    _recount(session, target)
    if target.merged_into is not None:
        target.merged_into, target.hidden = None, False
    value = json.dumps({"from": source.id, "to": target.id, "sources": source_ids})
    for event in (source, target):
        version = _touch(session, event, editor)
        session.add(Correction(event_id=event.id, field=kind, old_value=None, value=value, editor=editor,
                               reason=reason, version=version, reverts=reverts))
    session.flush()
    bump_version(session.connection())


def merge(session: Session, target_id: int, other_id: int, editor: str, expected_version: int | None,
                 reason: str | None = None) -> Event:
    """Fold event `other_id` into `target_id`: every source moves; the other event stays as a pointer."""
    if target_id == other_id:
        raise EditError("other", "an event cannot be merged with itself")
    target = _event(session, target_id)
    if expected_version is not None and target.version != expected_version:
        raise Conflict(target, revisions_since(session, target_id, expected_version))
    try:
        other = _event(session, other_id)
    except NotFound:
        raise EditError("other", f"there is no event {other_id}") from None
    if other.merged_into is not None:
        raise EditError("other", f"event {other_id} was already merged into event {other.merged_into}")
    ids = list(session.execute(select(EventSource.id).where(EventSource.event_id == other_id)).scalars())
    _move(session, ids, other, target, editor, "merge", _reason(reason))
    if other.source_count == 0 and not ids:  # an event with no source: only the pointer is left
        other.merged_into, other.hidden = target.id, True
    session.commit()
    return target


def detach_source(session: Session, event_id: int, source_id: int, editor: str, expected_version: int | None,
                  reason: str | None = None) -> Event:
    """Give one source its own new event (the source reported something else). Returns the new event."""
    event = _event(session, event_id)
    if expected_version is not None and event.version != expected_version:
        raise Conflict(event, revisions_since(session, event_id, expected_version))
    src = session.get(EventSource, source_id)
    if src is None or src.event_id != event_id:
        raise EditError("source", f"source {source_id} is not one of this event's sources")
    if event.source_count <= 1:
        raise EditError("source", "this is the event's only source: edit the event instead")
    focus = (src.sentence.find(src.mention_text), 0)
    focus = (focus[0], focus[0] + len(src.mention_text)) if focus[0] >= 0 and src.mention_text else None
    title = headline(src.sentence, [focus] if focus else [], focus) or event.title
    new = _new_event(session, title=title, summary=src.sentence, edtf=src.edtf)
    _move(session, [source_id], event, new, editor, "detach", _reason(reason))
    session.commit()
    return new


def _new_event(session: Session, *, title: str, summary: str, edtf: str) -> Event:
    event = Event(title=title, summary=summary, edtf=edtf, machine_edtf=edtf, machine_title=title,
                  granularity=granularity(edtf), version=0)
    _set_date(event, edtf)
    session.add(event)
    session.flush()
    search.add_events(session.connection(), [event.id])
    return event


def create_from_paragraph(session: Session, article_id: int, paragraph_index: int, date_text: str, title: str,
                          editor: str, reason: str | None = None) -> Event:
    """An event the machine missed: an editor picks the paragraph and types its date and title."""
    paragraph = session.execute(select(Paragraph).where(Paragraph.article_id == article_id,
                                                        Paragraph.index == paragraph_index)).scalars().first()
    if paragraph is None:
        raise NotFound(f"article {article_id} has no paragraph {paragraph_index + 1}")
    edtf = parse_date(date_text)
    title = " ".join(title.split())
    if not title:
        raise EditError("title", "give the event a title")
    if len(title) > MAX_TITLE:
        raise EditError("title", f"a title has at most {MAX_TITLE} characters")
    reason = _reason(reason)
    event = _new_event(session, title=title, summary=paragraph.text, edtf=edtf)
    session.add(EventSource(event_id=event.id, article_id=article_id, paragraph_index=paragraph_index,
                            mention_start=0, mention_end=0, mention_text="", sentence=paragraph.text,
                            edtf=edtf, how=EDITOR_MADE, pinned_by=editor))
    event.source_count = 1
    version = _touch(session, event, editor)
    # The date and title are editors' decisions like any other: no later reading changes them.
    session.add(Correction(event_id=event.id, field="created", old_value=None, editor=editor, reason=reason,
                           value=json.dumps({"article": article_id, "paragraph": paragraph_index}),
                           version=version))
    session.add(Correction(event_id=event.id, field="date", old_value=None, value=edtf, editor=editor,
                           reason=reason, version=version))
    session.add(Correction(event_id=event.id, field="title", old_value=None, value=title, editor=editor,
                           reason=reason, version=version))
    bump_version(session.connection())
    session.commit()
    return event


def set_published(session: Session, engine: Engine, article_id: int, date_text: str | None, editor: str,
                  reason: str | None = None, *, reverts: int | None = None) -> Article:
    """Set an article's publication date (None or "": back to what its text says) and read the article
    again at once, so its relative dates ("on Friday") resolve against it. Dates an editor corrected stay."""
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"there is no article {article_id}")
    value = ""
    if date_text and date_text.strip():
        try:
            value = parse_date_input(date_text)
        except DateInputError as exc:
            raise EditError("published", str(exc)) from None
        if granularity(value) != "day" or strip_qualifiers(value)[0] != value:
            raise EditError("published", f"a publication date is one day, e.g. 6 October 2024 "
                                         f"({display(value)} is not)")
    current = session.execute(select(Correction.value).where(
        Correction.article_id == article_id, Correction.field == "published").order_by(Correction.id.desc())
    ).scalars().first()
    if value == (current or ""):
        return article
    session.add(Correction(article_id=article_id, field="published", old_value=current or article.published or "",
                           value=value, editor=editor, reason=_reason(reason), reverts=reverts))
    session.commit()
    reread_article(engine, article_id)
    session.expire_all()
    return session.get(Article, article_id)


def reread_article(engine: Engine, article_id: int) -> None:
    """Read a stored article again through the ingest, with editors' corrections applied.

    In a process of its own: merging needs the archive's whole event index, which for 100,000
    articles is 9 s and over a gigabyte to read. A web worker that read it kept the memory for good;
    this process gives it back when it ends."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        pool.apply(_reread, (engine.url.render_as_string(hide_password=False), article_id))


def _reread(database_url: str, article_id: int) -> None:
    engine = get_engine(database_url)
    with Session(engine) as session:
        row = session.get(Article, article_id)
        if row is None:
            raise NotFound(f"there is no article {article_id}")
        doc, digest = RawDoc(name=row.file, text=row.raw_text, url=row.url), row.content_hash
    with Ingestor(engine) as ingestor:
        ingestor.ingest(doc, force=True, digest=digest)
        ingestor.write_listings()


def revert(session: Session, engine: Engine, revision_id: int, editor: str, reason: str | None = None) -> None:
    """Undo a revision; the undoing is itself a revision."""
    rev = session.get(Correction, revision_id)
    if rev is None:
        raise NotFound(f"there is no revision {revision_id}")
    reason = reason or f"revert of revision {revision_id}"
    if rev.field == "published":
        set_published(session, engine, rev.article_id, rev.old_value, editor, reason, reverts=rev.id)
    elif rev.field in EVENT_FIELDS:
        if rev.old_value is None:
            raise EditError("revision", "this revision gave the event its first value: there is nothing to go "
                                        "back to (revert the event's creation to hide it)")
        changes = Changes(reason=reason)
        if rev.field in ("hidden", "verified"):
            setattr(changes, rev.field, rev.old_value == "true")
        else:
            setattr(changes, rev.field, rev.old_value)
        edit_event(session, rev.event_id, editor, changes, None, reverts=rev.id)
    elif rev.field == "reviewed":
        clear_review(session, rev.event_id, editor, reason, back=rev.value == "cleared", reverts=rev.id)
    elif rev.field == "created":
        edit_event(session, rev.event_id, editor, Changes(hidden=True, reason=reason), None, reverts=rev.id)
    elif rev.field in MOVES:
        moved = json.loads(rev.value)
        source, target = _event(session, moved["to"]), _event(session, moved["from"])
        still = list(session.execute(select(EventSource.id).where(EventSource.id.in_(moved["sources"]),
                                                                  EventSource.event_id == source.id)).scalars())
        if not still:
            raise EditError("revision", "those sources have moved on since: nothing to move back")
        _move(session, still, source, target, editor, "move", _reason(reason), reverts=rev.id)
        session.commit()
    else:
        raise EditError("revision", f"revisions of {rev.field} cannot be reverted")


def event_history(session: Session, event_id: int) -> list[Correction]:
    return list(session.execute(select(Correction).where(Correction.event_id == event_id)
                                .order_by(Correction.id.desc())).scalars())


def article_history(session: Session, article_id: int) -> list[Correction]:
    return list(session.execute(select(Correction).where(Correction.article_id == article_id)
                                .order_by(Correction.id.desc())).scalars())


# The review queue ---------------------------------------------------------------------------

REASON_WEIGHTS = {"unknown": 3, "changed": 4, "disagree": 3, "uncertain": 2, "inferred": 2, "future": 1,
                  "title": 1}


@dataclass
class ReviewItem:
    event: Event
    reasons: list[str] = field(default_factory=list)
    score: float = 0.0


def review_queue(session: Session, limit: int = 50) -> tuple[list[ReviewItem], int]:
    """Events an editor should look at, most important first: the weightier the reasons and the
    more articles report the event, the higher. (The queue at most `limit` long, and how many in all.)

    The reasons and scores come from a few columns of every event in the queue (tens of thousands in a
    big archive); only the `limit` shown are read whole. Reading them all whole, and an aggregate of
    every source's article date, took 5 s on a 100,000-article archive."""
    disagreeing = (select(EventSource.event_id).group_by(EventSource.event_id)
                   .having(func.min(EventSource.edtf) != func.max(EventSource.edtf)))
    # Dated after every article that reports it: no report from the event's day or later. Compared at
    # the report's own precision: an article known only to be of 1967 may well report a day of 1967.
    reported = func.coalesce(Article.published, Article.anchor)
    reported_since = (select(EventSource.id).join(Article, Article.id == EventSource.article_id)
                      .where(EventSource.event_id == Event.id,
                             func.substr(Event.date_start, 1, func.length(reported)) <= reported))
    future = (Event.date_start.is_not(None) & select(EventSource.id).where(EventSource.event_id == Event.id).exists()
              & ~reported_since.exists())
    query = (select(Event.id, Event.source_count, Event.date_start, Event.needs_review, Event.corrected_by,
                    Event.verified, Event.uncertain, Event.inferred, func.length(Event.title) < 12,
                    Event.id.in_(disagreeing), future)
             .where(Event.hidden.is_(False), Event.merged_into.is_(None),
                    (Event.reviewed_version.is_(None)) | (Event.reviewed_version != Event.version)))
    queue = []
    for (event_id, sources, start, needs_review, corrected_by, verified, uncertain, inferred, short_title,
         disagree, after_reports) in session.execute(query):
        reasons = []
        if start is None:
            reasons.append(("unknown", "the date is unknown"))
        elif needs_review and corrected_by:
            reasons.append(("changed", "an article under an editor's decision changed"))
        elif needs_review:
            reasons.append(("uncertain", "the extraction was unsure of this date"))
        if disagree:
            reasons.append(("disagree", "the sources give different dates"))
        if not verified and uncertain and start is not None:
            reasons.append(("uncertain", "the date is uncertain"))
        if not verified and inferred:
            reasons.append(("inferred", "the date is inferred from other articles"))
        if after_reports:
            reasons.append(("future", "dated after every article that reports it"))
        if short_title:
            reasons.append(("title", "the title may be a bad extraction"))
        if reasons:
            score = sum(REASON_WEIGHTS[kind] for kind, _ in reasons) * (1 + math.log2(1 + sources))
            queue.append((-score, event_id, [text for _, text in reasons]))
    first = heapq.nsmallest(limit, queue)
    events = {e.id: e for e in session.execute(select(Event).where(Event.id.in_([i for _, i, _ in first]))).scalars()}
    # On PostgreSQL each statement sees what was committed before it: an ingest may have removed one.
    return [ReviewItem(events[i], reasons, -negated) for negated, i, reasons in first if i in events], len(queue)


def disagreeing_dates(session: Session, event_id: int) -> list[str]:
    """The different dates an event's sources gave, most precise first."""
    return list(session.execute(select(EventSource.edtf).where(EventSource.event_id == event_id)
                                .distinct()).scalars())
