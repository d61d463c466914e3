"""Storage: the only place the ingest pipeline meets the database.

`Ingestor` writes one article per transaction: its paragraphs, mentions, and
the events its candidates merged into. An editor's correction is never
overwritten: the event keeps the corrected value, and if an article changes
under a corrected event, the event goes to review instead.
"""

from __future__ import annotations

import hashlib
import sys
import time
from operator import itemgetter
import json
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import Table, bindparam, case, delete, func, literal, literal_column, select
from sqlalchemy.engine import Connection, Engine, Transaction
from sqlmodel import Session

from app import listings, search
from app.db import release_writer, tune_for_bulk_writes
from app.ingest import Article as ArticleData
from app.ingest import EventIndex, MergedEvent, RawDoc, SourceRef, extract, merge_events, read_article
from app.ingest.dates import bounds, granularity, precision_rank, strip_qualifiers
from app.ingest.merge import BIG_STORY_WORDS, infer_anchor
from app.ingest.pipeline import Extraction
from app.models import Article, Correction, DatasetState, Event, EventSource, Mention, Paragraph, utcnow


INGEST_LOCK = 7_460_124  # PostgreSQL advisory lock key that ingest groups take in turn

# `how` of a source an editor made from a paragraph (no date expression of the machine's behind it).
EDITOR_MADE = "editor"


def content_hash(doc: RawDoc) -> str:
    h = hashlib.sha256()
    for part in (doc.text, doc.title or "", doc.published or "", doc.url or ""):
        h.update(part.encode())
        h.update(b"\x00")
    return h.hexdigest()


@dataclass
class IngestStats:
    added: int = 0
    updated: int = 0
    skipped: int = 0
    failed: int = 0
    paragraphs: int = 0
    events: int = 0
    merges: int = 0

    def line(self) -> str:
        return (f"articles: {self.added} added, {self.updated} updated, {self.skipped} skipped, "
                f"{self.failed} failed; {self.paragraphs} paragraphs, {self.events} new events, "
                f"{self.merges} merges")


class CorrectionFeed:
    """Editors' corrections, kept in memory and brought up to date before each article.

    An editor may correct an event while an ingest runs, so every article reads
    what is new; corrections are never deleted, so new means a higher id. A few
    ids back are read again: on PostgreSQL a transaction holding a lower id can
    commit after one holding a higher id."""

    OVERLAP = 100

    def __init__(self) -> None:
        self._fields: dict[int, dict[str, tuple[int, str]]] = defaultdict(dict)
        self._article_fields: dict[int, dict[str, tuple[int, str]]] = defaultdict(dict)
        self._last_id = 0

    def refresh(self, conn: Connection) -> None:
        for row_id, event_id, article_id, field_name, value in _NEW_CORRECTIONS.rows(
                conn, {"after": self._last_id - self.OVERLAP}):
            fields = self._fields[event_id] if event_id is not None else self._article_fields[article_id]
            known = fields.get(field_name)
            if known is None or known[0] <= row_id:  # the latest correction of a field wins
                fields[field_name] = (row_id, value)
            self._last_id = max(self._last_id, row_id)

    def of_article(self, article_id: int | None) -> dict[str, str]:
        """The latest value of each corrected field of an article (its publication date)."""
        fields = self._article_fields.get(article_id) if article_id is not None else None
        return {name: value for name, (_, value) in fields.items()} if fields else {}

    def of(self, event_id: int | None) -> dict[str, str]:
        """The latest value of each corrected field of an event."""
        fields = self._fields.get(event_id) if event_id is not None else None
        return {name: value for name, (_, value) in fields.items()} if fields else {}


# Core statements, built once: the ORM's per-statement overhead was most of the write time.
_ARTICLE = Article.__table__
_EVENT = Event.__table__
_CORRECTION = Correction.__table__
_SOURCE = EventSource.__table__


class _DriverStatement:
    """A Core statement run often (an INSERT or UPDATE of many rows, a small SELECT),
    compiled once per dialect and set of columns, and handed to the driver with each
    value converted by its column type's own bind processor.

    The SQL is SQLAlchemy's and still parameterised; what is skipped is its
    per-execution bookkeeping, which was a seventh of ingest time."""

    def __init__(self, statement, table: Table, *, returns_id: bool = False) -> None:
        self.statement = statement
        self.table = table
        self.returns_id = returns_id  # an INSERT whose new ids the caller needs
        self._prepared: dict[tuple[str, tuple[str, ...]], _Prepared] = {}

    def executemany(self, conn: Connection, rows: list[dict]) -> None:
        prepared = self._prepare(conn.dialect, rows[0])
        conn.exec_driver_sql(prepared.sql, prepared.params(rows))

    def rows(self, conn: Connection, params: dict) -> list[tuple]:
        """What a SELECT returns for these parameters."""
        prepared = self._prepare(conn.dialect, params)
        return conn.exec_driver_sql(prepared.sql, prepared.params([params])[0]).all()

    def inserted_ids(self, conn: Connection, rows: list[dict]) -> list[int]:
        """Insert rows one statement each: their new ids, in row order."""
        prepared = self._prepare(conn.dialect, rows[0])
        if prepared.returning:
            return [conn.exec_driver_sql(prepared.sql, p).scalar_one() for p in prepared.params(rows)]
        # The driver reports the new row id itself (SQLite): no result rows to set up.
        return [conn.exec_driver_sql(prepared.sql, p).lastrowid for p in prepared.params(rows)]

    def _prepare(self, dialect, row: dict) -> _Prepared:
        keys = tuple(row)
        prepared = self._prepared.get((dialect.name, keys))
        if prepared is None:
            statement = self.statement
            returning = self.returns_id and not dialect.postfetch_lastrowid
            if returning:
                statement = statement.returning(self.table.c.id)
            compiled = statement.compile(dialect=dialect, column_keys=list(keys))
            names = tuple(compiled.positiontup) if compiled.positional else tuple(compiled.binds)
            converters = tuple(
                (i, convert) for i, name in enumerate(names) if name in self.table.c
                for convert in [self.table.c[name].type.dialect_impl(dialect).bind_processor(dialect)] if convert)
            prepared = self._prepared[dialect.name, keys] = _Prepared(
                compiled.string, names, converters, compiled.positional, returning)
        return prepared


@dataclass(frozen=True)
class _Prepared:
    sql: str
    names: tuple[str, ...]
    converters: tuple[tuple[int, Callable], ...]  # (position, the column type's bind processor)
    positional: bool
    returning: bool

    def params(self, rows: list[dict]) -> list:
        get = itemgetter(*self.names)
        out = []
        for row in rows:
            values = get(row)
            if len(self.names) == 1:
                values = (values,)
            if self.converters:
                values = list(values)
                for i, convert in self.converters:
                    values[i] = convert(values[i])
            out.append(tuple(values) if self.positional else dict(zip(self.names, values)))
        return out


_NEW_CORRECTIONS = _DriverStatement(
    select(_CORRECTION.c.id, _CORRECTION.c.event_id, _CORRECTION.c.article_id, _CORRECTION.c.field,
           _CORRECTION.c.value)
    .where(_CORRECTION.c.id > bindparam("after")).order_by(_CORRECTION.c.id), _CORRECTION)
_INSERT_ARTICLE = _DriverStatement(_ARTICLE.insert(), _ARTICLE, returns_id=True)
_INSERT_EVENT = _DriverStatement(_EVENT.insert(), _EVENT, returns_id=True)
# Every change moves the event's version on: an editor's form or If-Match made before it is stale.
# The source count moves by what this article added or took away, never to what this process
# believes: another ingest process may be adding sources to the same event.
_UPDATE_EVENT = _DriverStatement(_EVENT.update().where(_EVENT.c.id == bindparam("event_id"))
                                 .values(version=_EVENT.c.version + literal_column("1"),
                                         source_count=_EVENT.c.source_count + bindparam("source_delta")), _EVENT)
_INSERT_SOURCE = _DriverStatement(EventSource.__table__.insert(), EventSource.__table__)
_INSERT_PARAGRAPH = _DriverStatement(Paragraph.__table__.insert(), Paragraph.__table__)
_INSERT_MENTION = _DriverStatement(Mention.__table__.insert(), Mention.__table__)


def _kept(source: SourceRef) -> SourceRef:
    """What the event index keeps of a stored source.

    Merging asks of an event's earlier sources only which article they came from, what date they
    gave and how (inferred, or made by an editor), and one's words as evidence for an inferred year.
    Their sentences and explanations are in the database; held for every source of an archive they
    were most of the index's memory. An editor's source keeps its paragraph: a re-read article's same
    text must not be added beside it."""
    mention_text = sys.intern(source.mention_text)  # a few thousand texts ("Tuesday") across an archive's sources
    if source.how == EDITOR_MADE:
        return replace(source, edtf=sys.intern(source.edtf), mention_text=mention_text)
    return replace(source, sentence="", how="", edtf=sys.intern(source.edtf), mention_text=mention_text)


def _keep_only_what_merging_needs(placed: list[tuple[SourceRef, MergedEvent]]) -> None:
    """Swap an article's sources, once written, for what the index keeps of them (`_kept`)."""
    for source, event in placed:
        sources = event.sources
        for i in range(len(sources) - 1, -1, -1):  # added by this article: at the end
            if sources[i] is source:
                sources[i] = _kept(source)
                break


def load_index(session: Session) -> EventIndex:
    """Every stored event as plain data, for merging new candidates against."""
    files = {}
    article_names = {}
    for article_id, file, names in session.execute(select(Article.id, Article.file, Article.names)):
        files[article_id] = file
        if names:
            article_names[file] = names.split()
    sources: dict[int, list[SourceRef]] = defaultdict(list)
    # Plain rows, not ORM objects: the whole archive is read, never changed here, and building
    # half a million tracked objects was a third of the time a run with an archive took to start.
    es = EventSource.__table__.c
    editor = es.how == EDITOR_MADE
    for (event_id, article_id, paragraph_index, mention_start, mention_end, mention_text, sentence, edtf, how,
         inferred) in session.execute(select(es.event_id, es.article_id, es.paragraph_index, es.mention_start,
                                             es.mention_end, es.mention_text,
                                             case((editor, es.sentence), else_=literal("")),  # see _kept
                                             es.edtf, case((editor, es.how), else_=literal("")), es.inferred)):
        sources[event_id].append(SourceRef(
            article=files[article_id], paragraph_index=paragraph_index, mention_start=mention_start,
            mention_end=mention_end, mention_text=sys.intern(mention_text), sentence=sentence, edtf=sys.intern(edtf),
            how=how, inferred=inferred))
    # Merging compares what the texts say, so it works on the machine's date and words; an editor's
    # correction is laid over them only when the event is written. Titles and summaries stay in the
    # database: merging neither reads nor changes them.
    # An event an editor merged into another is only a pointer now: nothing merges into it.
    e = Event.__table__.c
    events = [MergedEvent(title="", summary="", edtf=edtf, granularity=granularity(edtf),
                          sources=sources.get(event_id, []), keywords=tuple(keywords.split()), needs_review=needs_review,
                          id=event_id, names=tuple(names.split()))
              for event_id, edtf, keywords, names, needs_review in session.execute(
                  select(e.id, e.machine_edtf, e.keywords, e.names, e.needs_review)
                  .where(e.merged_into.is_(None)))]
    index = EventIndex(events)
    for file, names in article_names.items():
        index.note_article_names(file, names)
    return index


_STATE = DatasetState.__table__
_BUMP = _STATE.update().where(_STATE.c.id == 1).values(version=_STATE.c.version + 1, changed_at=bindparam("now"))


def bump_version(conn: Connection) -> None:
    """Tell readers the data changed (their ETags and Last-Modified move on). Every writer calls this."""
    conn.execute(_BUMP, {"now": utcnow()})


class CommitFailed(Exception):
    """The database refused to commit a group of articles; none of them is stored."""

    def __init__(self, names: list[str], reason: str) -> None:
        super().__init__(reason)
        self.names = names


class Ingestor:
    """Ingests documents, each in its own savepoint, keeping the event index in step with the database.

    Every article is stored whole or not at all. Commits are grouped (a few dozen
    articles, or a second's worth): committing each article cost a tenth of the
    ingest time. A crash loses at most the uncommitted group, whole articles only,
    and the next run stores them again (their content hashes are not in the database).
    """

    GROUP_ARTICLES = 64
    GROUP_SECONDS = 1.0

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.stats = IngestStats()
        self._done: set[str] = set()  # articles this run has stored, so need no second reading
        # One connection for the whole run: taking a connection from the pool and
        # resetting it for each article cost as much as the writes.
        self._conn: Connection | None = None
        self._group: Transaction | None = None
        self._pending: list[tuple[str, str]] = []  # (article, outcome) written but not yet committed
        # What the group added, for the search index: it is indexed once, when the group commits.
        self._group_articles: set[int] = set()
        self._group_events: set[int] = set()
        self._group_started = 0.0
        self._counted_before_group = (0, 0, 0)  # the summary's paragraphs, events and merges (_stored_counts)
        self._load()

    def _load(self) -> None:
        with Session(self.engine) as session:
            self._hashes = dict(session.execute(select(Article.file, Article.content_hash)).all())
            self._ids = dict(session.execute(select(Article.file, Article.id)).all())
        self._index: EventIndex | None = None  # read when the first article needs it
        self.corrections = CorrectionFeed()
        with self.engine.connect() as conn:
            self.corrections.refresh(conn)
        # Per event: (date, sources read, whether every source giving that date was inferred
        # so far). A big story gathers thousands of sources; each update reads only new ones.
        self._inferred: dict[int, tuple[str, int, bool | None]] = {}
        self._keyword_texts: dict[int, tuple[int, str]] = {}

    def commit(self) -> None:
        """Commit the articles written so far. Raises CommitFailed naming them if the database refuses."""
        if self._group is None:
            return
        group, pending = self._group, self._pending
        self._group, self._pending = None, []
        articles, events = self._group_articles, self._group_events
        self._group_articles, self._group_events = set(), set()
        try:
            if pending:
                search.add_articles(self._conn, sorted(articles))
                search.add_events(self._conn, sorted(events))
                bump_version(self._conn)
            group.commit()
            self._mark_seen(self._conn)
        except Exception as exc:
            # SQLite keeps the transaction open after a refused COMMIT, holding the write
            # lock, while SQLAlchemy considers it over: end it in the driver too.
            self._conn.rollback()
            self._conn.connection.dbapi_connection.rollback()
            self._forget(pending)
            raise CommitFailed([name for name, _ in pending], f"{type(exc).__name__}: {exc}") from exc

    @property
    def index(self) -> EventIndex:
        """Every stored event, read on first use: a run whose files are all unchanged never needs it
        (reading half a million sources took most of such a run, and a gigabyte)."""
        if self._index is None:
            with Session(self.engine) as session:
                self._seen_event = session.execute(select(func.max(_EVENT.c.id))).scalar() or 0
                self._seen_source = session.execute(select(func.max(_SOURCE.c.id))).scalar() or 0
                self._index = load_index(session)
        return self._index

    @index.setter
    def index(self, value: EventIndex) -> None:
        self._index = value

    def _mark_seen(self, conn: Connection) -> None:
        """What is stored now is known to this run (its own writes, or what it just read)."""
        self._seen_event = conn.execute(select(func.max(_EVENT.c.id))).scalar() or 0
        self._seen_source = conn.execute(select(func.max(_SOURCE.c.id))).scalar() or 0
        conn.commit()

    def _catch_up(self, conn: Connection) -> None:
        """Take in what another ingest process stored since this run last looked: its new events,
        and the sources it added to events this run knows, so that the same story is merged
        across processes instead of told twice. On SQLite the write lock taken at the start of
        the group means nothing else is written until it ends."""
        if self._index is None:
            return  # not read yet: when it is, it is read whole
        rows = conn.execute(select(_SOURCE, _ARTICLE.c.file, _ARTICLE.c.names.label("article_names"))
                            .join(_ARTICLE, _ARTICLE.c.id == _SOURCE.c.article_id)
                            .where(_SOURCE.c.id > self._seen_source).order_by(_SOURCE.c.id)).all()
        events = {row.id: row for row in conn.execute(
            select(_EVENT).where(_EVENT.c.id.in_({r.event_id for r in rows}) | (_EVENT.c.id > self._seen_event),
                                 _EVENT.c.merged_into.is_(None))).all()} if rows or self._seen_event else {}
        for row in rows:
            ref = _kept(SourceRef(article=row.file, paragraph_index=row.paragraph_index, mention_start=row.mention_start,
                            mention_end=row.mention_end, mention_text=row.mention_text, sentence=row.sentence,
                            edtf=row.edtf, how=row.how, inferred=row.inferred))  # as load_index holds them
            event = self.index.by_id.get(row.event_id)
            stored = events.get(row.event_id)
            if event is None:
                if stored is None:
                    continue
                event = MergedEvent(title="", summary="", edtf=stored.machine_edtf,
                                    granularity=granularity(stored.machine_edtf), sources=[],
                                    keywords=tuple(stored.keywords.split()), needs_review=stored.needs_review,
                                    id=stored.id)
                self.index.add(event)
            self.index.add_source(event, ref)
            self.index.note_article_names(row.file, row.article_names.split())
            if stored is not None:
                self.index.add_keywords(event, frozenset(stored.keywords.split()))
                self.index.add_names(event, stored.names.split())
        if rows:
            self._seen_source = rows[-1].id
            self._seen_event = max(self._seen_event, max(events, default=0))

    def _forget(self, pending: list[tuple[str, str]]) -> None:
        """Nothing of an uncommitted group is stored: forget what this run believed it had written."""
        self._load()
        self._count_stored(self._counted_before_group)
        for name, outcome in pending:
            self._done.discard(name)
            if outcome == "added":
                self.stats.added -= 1
            else:
                self.stats.updated -= 1
            self.stats.failed += 1

    def _stored_counts(self) -> tuple[int, int, int]:
        return self.stats.paragraphs, self.stats.events, self.stats.merges

    def _count_stored(self, counts: tuple[int, int, int]) -> None:
        """Take the summary's counts back to `counts`: what was written since is not stored after all."""
        self.stats.paragraphs, self.stats.events, self.stats.merges = counts

    def close(self) -> None:
        if self._conn is not None:
            try:
                self.commit()
            finally:
                try:
                    release_writer(self._conn)
                finally:
                    self._conn.close()
                    self._conn = None

    def __enter__(self) -> Ingestor:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def is_unchanged(self, doc: RawDoc, digest: str | None = None) -> bool:
        return self._hashes.get(doc.name) == (digest or content_hash(doc))

    def ingest(self, doc: RawDoc, *, article: ArticleData | None = None, force: bool = False,
               digest: str | None = None, first: tuple | None = None) -> str:
        """Store one document: 'added', 'updated' or 'skipped'. Raises on failure, leaving nothing half-written.

        `article` is the document already read, when the caller had to read it first; `first`
        its first reading (`app.ingest.first_reading`), when another process did it."""
        digest = digest or content_hash(doc)
        if not force and self._hashes.get(doc.name) == digest:
            self.stats.skipped += 1
            return "skipped"
        article = article or read_article(self.edited(doc))
        if self._group is None:
            self._group = self._begin()
            self._group_started = time.monotonic()
            self._counted_before_group = self._stored_counts()
            self._catch_up(self._conn)
        # A plain SAVEPOINT statement: SQLAlchemy's nested transactions cost more than the
        # commits grouping saves. Every dialect we support speaks this SQL.
        self._conn.exec_driver_sql("SAVEPOINT article")
        new_events: list[int] = []
        group_before = (set(self._group_articles), set(self._group_events))
        counted_before = self._stored_counts()
        try:
            outcome, article_id = self._write(self._conn, doc, digest, article, new_events, first)
        except Exception:
            self._group_articles, self._group_events = group_before
            self._count_stored(counted_before)
            self._undo_article(doc.name)
            raise
        self._conn.exec_driver_sql("RELEASE SAVEPOINT article")
        self._group_articles.add(article_id)
        self._group_events.update(new_events)
        self._hashes[doc.name] = digest
        self._ids[doc.name] = article_id
        self._done.add(doc.name)
        if outcome == "added":
            self.stats.added += 1
        else:
            self.stats.updated += 1
        self._pending.append((doc.name, outcome))
        if (len(self._pending) >= self.GROUP_ARTICLES
                or time.monotonic() - self._group_started >= self.GROUP_SECONDS):
            self.commit()
        return outcome

    def _begin(self) -> Transaction:
        """A writing transaction on this run's connection (opened on first use)."""
        if self._conn is None:
            self._conn = self.engine.connect()
            tune_for_bulk_writes(self._conn)
        transaction = self._conn.begin()
        if self._conn.dialect.name == "postgresql":
            # One writing transaction at a time, as SQLite's BEGIN IMMEDIATE gives: each group sees
            # every other ingest's events before merging into them (released at commit).
            self._conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({INGEST_LOCK})")
        return transaction

    # Listings written a transaction: enough to share a transaction's cost, few enough that the
    # site's readers and another ingest never wait long for the write lock, and that events of huge
    # paragraphs (a scrape that lost its line breaks: 1.2 MB each) do not pile up in memory.
    LISTINGS_A_TRANSACTION = 100

    def write_listings(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Write the listing (`app.listings`) of every event changed since its last one: this run's,
        an editor's, or all of them on an archive migrated from before listings. `progress(done, total)`
        after each transaction. Returns how many were written."""
        self.commit()
        with self._begin():
            ids = listings.stale(self._conn)
        for start in range(0, len(ids), self.LISTINGS_A_TRANSACTION):
            with self._begin():
                listings.write(self._conn, ids[start:start + self.LISTINGS_A_TRANSACTION])
            if progress:
                progress(min(start + self.LISTINGS_A_TRANSACTION, len(ids)), len(ids))
        return len(ids)

    def _undo_article(self, name: str) -> None:
        """Roll the failed article back to its savepoint, and the in-memory index with it."""
        try:
            self._conn.exec_driver_sql("ROLLBACK TO SAVEPOINT article")
            self._conn.exec_driver_sql("RELEASE SAVEPOINT article")
        except Exception:
            # The connection cannot even roll back: the whole uncommitted group is lost.
            group, pending = self._group, self._pending
            self._group, self._pending = None, []
            self._group_articles, self._group_events = set(), set()
            if group is not None:
                try:
                    group.rollback()
                except Exception:
                    pass  # closing the connection below rolls it back all the same
            self._conn.close()
            self._conn = None
            self._forget(pending)
            self.stats.failed += 1
            raise CommitFailed([n for n, _ in pending] + [name], "the database connection failed") from None
        # The index may have moved ahead of the database. Read it back through this
        # connection, which sees the uncommitted group.
        with Session(bind=self._conn) as session:
            self.index = load_index(session)
        # Caches keyed by the old index's event objects: new objects may reuse their ids.
        self._inferred.clear()
        self._keyword_texts.clear()

    def _write(self, conn: Connection, doc: RawDoc, digest: str, article: ArticleData,
               new_events: list[int], first: tuple | None = None) -> tuple[str, int]:
        existing = self._ids.get(doc.name)
        homes: dict[tuple[str, str], MergedEvent] = {}
        placed_by: dict[tuple[str, str], str] = {}
        if existing is not None:
            homes, placed_by = self._detach(conn, existing, doc.name)
        ex = extract(article, self.index, first)
        result = merge_events(ex.candidates, self.index, homes)
        values = self._article_values(doc, digest, ex, edited=self._published_fix(doc) is not None)
        if existing is None:
            article_id = _INSERT_ARTICLE.inserted_ids(conn, [values])[0]
        else:
            article_id = existing
            conn.execute(_ARTICLE.update().where(_ARTICLE.c.id == article_id), values)

        if article.paragraphs:
            _INSERT_PARAGRAPH.executemany(conn, [
                {"article_id": article_id, "index": p.index, "text": p.text} for p in article.paragraphs])
        mention_rows = [
            {"article_id": article_id, "paragraph_index": idx, "start": m.start, "end": m.end, "text": m.text,
             "type": m.type, "value": m.value, "edtf": m.edtf, "granularity": m.granularity, "how": m.how}
            for idx, ms in ex.mentions.items() for m in ms]
        if mention_rows:
            _INSERT_MENTION.executemany(conn, mention_rows)

        self.corrections.refresh(conn)
        updates = []
        added = Counter(id(event) for _, event in result.placed)
        created = [e for e in result.events if e.id is None]
        is_new = {id(e) for e in created}
        if created:
            rows = [self._event_values(e, {}) for e in created]
            for row, event in zip(rows, created):
                row.update(title=event.title, machine_title=event.title, summary=event.summary,
                           created_at=row["updated_at"], hidden=False, verified=False, version=1,
                           source_count=len(event.sources))
            for event, new_id in zip(created, _INSERT_EVENT.inserted_ids(conn, rows), strict=True):
                event.id = new_id
                # Merging never changes a title or a summary, and the index holds every event of the
                # archive: once stored, they are the database's to keep (as load_index leaves them).
                event.title = event.summary = ""
                self.index.by_id[new_id] = event
                new_events.append(new_id)
            self.stats.events += len(created)
        for event in result.events:
            if id(event) not in is_new:
                fixes = self.corrections.of(event.id)
                row = self._event_values(event, fixes)
                if fixes:
                    row["needs_review"] = True  # new reporting arrived for an event an editor decided on
                updates.append({**row, "event_id": event.id, "source_delta": added[id(event)]})
        source_rows = [{
            "event_id": event.id, "article_id": article_id, "paragraph_index": s.paragraph_index,
            "mention_start": s.mention_start, "mention_end": s.mention_end, "mention_text": s.mention_text,
            "sentence": s.sentence, "edtf": s.edtf, "how": s.how, "inferred": s.inferred,
            "pinned_by": placed_by.get((s.sentence, s.mention_text))}
            for s, event in result.placed]
        if updates:
            _UPDATE_EVENT.executemany(conn, updates)
        if source_rows:
            _INSERT_SOURCE.executemany(conn, source_rows)
        _keep_only_what_merging_needs(result.placed)
        if existing is not None:
            self._settle_vacated(conn, homes.values())
            self._relocate_editor_sources(conn, article_id, article)
        self.stats.paragraphs += len(article.paragraphs)
        self.stats.merges += result.merges
        return ("added" if existing is None else "updated"), article_id

    def edited(self, doc: RawDoc) -> RawDoc:
        """The document as editors have corrected it: with the publication date an editor set."""
        fix = self._published_fix(doc)
        return doc if fix is None else replace(doc, published=fix)

    def _published_fix(self, doc: RawDoc) -> str | None:
        value = self.corrections.of_article(self._ids.get(doc.name)).get("published")
        return value or None  # an empty value: an editor took the date back to what the text says

    @staticmethod
    def _article_values(doc: RawDoc, digest: str, ex: Extraction, edited: bool = False) -> dict:
        a = ex.article
        anchor = ex.anchor
        anchor_value = anchor.date.isoformat() if anchor.date else (str(anchor.year) if anchor.year else None)
        now = utcnow()
        return {
            "ingested_at": now, "file": doc.name, "url": a.url, "title": a.title, "title_derived": a.title_derived,
            "byline": a.byline, "published": a.published.isoformat() if a.published else None,
            "published_evidence": "set by an editor" if edited else a.published_evidence, "anchor": anchor_value,
            "anchor_inferred_from": anchor.inferred_from, "content_hash": digest, "raw_text": doc.text,
            "boilerplate": json.dumps(list(a.boilerplate), ensure_ascii=False), "updated_at": now,
            # Only an article with events is ever looked at for its names.
            "names": " ".join(sorted(ex.candidates[0].article_names)) if ex.candidates else "",
        }

    def _event_values(self, event: MergedEvent, fixes: dict[str, str]) -> dict:
        """What a reading may change of an event, with an editor's date laid over it.
        Its title and summary are the first reading's, written once (see `_write`)."""
        edtf = fixes.get("date", event.edtf)
        start, end = bounds(edtf)
        core, uncertain, _ = strip_qualifiers(edtf)
        inferred = "date" not in fixes and self._date_inferred(event)
        return {
            "edtf": edtf, "machine_edtf": event.edtf,
            "date_start": start, "date_end": end, "granularity": granularity(edtf),
            "uncertain": uncertain or core.startswith("XXXX"), "inferred": inferred,
            "needs_review": event.needs_review or (core.startswith("XXXX") and "date" not in fixes),
            "keywords": self._keywords_text(event), "names": " ".join(sorted(event.names)), "updated_at": utcnow(),
            # Hidden is an editor's decision only, and already stored where the editor made it: the machine
            # never shows or hides anything. (Written from the corrections, it made an article's rows
            # differ in their columns, and one executemany cannot take both.)
        }

    def _keywords_text(self, event: MergedEvent) -> str:
        """An event's keywords as stored. Keywords only ever grow, so an unchanged count
        means unchanged words: a big story's thousands are not joined again for every source.
        Only big stories' are remembered: joining a few dozen words costs less than a microsecond,
        and holding the text of every event of an archive cost megabytes."""
        if len(event.keywords) <= BIG_STORY_WORDS:
            return " ".join(event.keywords)
        count, text = self._keyword_texts.get(id(event), (-1, ""))
        if count != len(event.keywords):
            text = " ".join(event.keywords)
            self._keyword_texts[id(event)] = (len(event.keywords), text)
        return text

    def _date_inferred(self, event: MergedEvent) -> bool:
        """Inferred when every source giving the event's date resolved it against an inferred anchor."""
        date, read, state = self._inferred.get(id(event), (event.edtf, 0, None))
        if date != event.edtf or read > len(event.sources):
            date, read, state = event.edtf, 0, None
        if state is not False:
            for source in event.sources[read:]:  # a slice: islice would walk the sources already read
                if source.edtf == date:
                    state = source.inferred
                    if not state:
                        break
        self._inferred[id(event)] = (date, len(event.sources), state)
        return bool(state)

    def _detach(self, conn: Connection, article_id: int, name: str
                ) -> tuple[dict[tuple[str, str], MergedEvent], dict[tuple[str, str], str]]:
        """Take a changed article's old reporting out of its events before it is read again.

        Returns where each of its date expressions was (sentence, expression -> event), so the
        same words go back to the same event, and who put them there, if an editor did.
        Sources an editor made from a paragraph stay: no reading can make them again."""
        old = conn.execute(select(EventSource.event_id, EventSource.sentence, EventSource.mention_text,
                                  EventSource.pinned_by)
                           .where(EventSource.article_id == article_id, EventSource.how != EDITOR_MADE)).all()
        event_ids = {row.event_id for row in old}
        removed = Counter(row.event_id for row in old)
        conn.execute(delete(EventSource).where(EventSource.article_id == article_id,
                                               EventSource.how != EDITOR_MADE))
        conn.execute(delete(Mention).where(Mention.article_id == article_id))
        if article_id in self._group_articles:
            self._group_articles.discard(article_id)  # not indexed yet: indexed again at commit
        else:
            search.remove_article(conn, article_id)
        conn.execute(delete(Paragraph).where(Paragraph.article_id == article_id))
        self.corrections.refresh(conn)
        homes: dict[tuple[str, str], MergedEvent] = {}
        placed_by = {(row.sentence, row.mention_text): row.pinned_by for row in old if row.pinned_by}
        for row in old:
            event = self.index.by_id.get(row.event_id)
            if event is not None:
                homes[(row.sentence, row.mention_text)] = event
        for event_id in event_ids:
            event = self.index.by_id.get(event_id)
            if event is None:
                continue
            self.index.withdraw_article(event, name, keep=lambda s: s.how == EDITOR_MADE)
            self._inferred.pop(id(event), None)
            fixes = self.corrections.of(event_id)
            if event.sources:
                # Ranked once per date, not once per source: a big story has thousands of sources
                # and few dates, and every re-read article of it ranks them again.
                ranks = {edtf: precision_rank(edtf) for edtf in {s.edtf for s in event.sources}}
                top = min(ranks.values())
                best = next(s for s in event.sources if ranks[s.edtf] == top)  # the first, as min() gives
                if best.edtf != event.edtf:  # filed again only under a new date: under the same, twice
                    event.edtf, event.granularity = best.edtf, granularity(best.edtf)
                    self.index.refile(event)
            elif not fixes:
                # Settled after the new reading (it may get its words back); its count drops now.
                conn.execute(_EVENT.update().where(_EVENT.c.id == event_id)
                             .values(source_count=_EVENT.c.source_count - removed[event_id],
                                     version=_EVENT.c.version + 1))
                continue
            row = self._event_values(event, fixes)
            if fixes:
                row["needs_review"] = True  # the article under an editor's decision changed
            _UPDATE_EVENT.executemany(conn, [{**row, "event_id": event_id, "source_delta": -removed[event_id]}])
        return homes, placed_by

    def _settle_vacated(self, conn: Connection, events) -> None:
        """Events a re-read article left with no source and no editor's decision are gone."""
        for event in {id(e): e for e in events}.values():
            if event.sources or event.id is None or self.corrections.of(event.id):
                continue
            self.index.remove(event)
            if event.id in self._group_events:
                self._group_events.discard(event.id)
            else:
                search.remove_event(self._conn, event.id)
            conn.execute(delete(Event).where(Event.id == event.id))

    def _relocate_editor_sources(self, conn: Connection, article_id: int, article: ArticleData) -> None:
        """A source an editor made from a paragraph follows the paragraph's text to its new place;
        if the text is gone, its event goes to review."""
        rows = conn.execute(select(EventSource.id, EventSource.event_id, EventSource.paragraph_index,
                                   EventSource.sentence)
                            .where(EventSource.article_id == article_id, EventSource.how == EDITOR_MADE)).all()
        if not rows:
            return
        where = {p.text: p.index for p in article.paragraphs}
        for row in rows:
            index = where.get(row.sentence)
            if index is None:
                conn.execute(_EVENT.update().where(_EVENT.c.id == row.event_id)
                             .values(needs_review=True, version=_EVENT.c.version + 1))
                continue
            if index != row.paragraph_index:
                conn.execute(EventSource.__table__.update().where(EventSource.__table__.c.id == row.id)
                             .values(paragraph_index=index))
            # The event shows the article's title and date, which a new reading may have changed.
            conn.execute(_EVENT.update().where(_EVENT.c.id == row.event_id).values(version=_EVENT.c.version + 1))

    def reinfer_undated(self) -> int:
        """Read undated articles again once other articles can lend them a year."""
        self.commit()
        if not (self.stats.added or self.stats.updated):
            return 0  # nothing new was stored in this run: nothing new to lend
        with Session(self.engine) as session:
            rows = session.execute(select(Article.file, Article.raw_text, Article.url)
                                   .where(Article.published.is_(None), Article.anchor.is_(None))).all()
        redone = 0
        for name, text, url in rows:
            if name in self._done:
                continue  # read in this run, after every dated article: nothing new to borrow from
            doc = RawDoc(name=name, text=text, url=url)
            article = read_article(doc)
            ex = extract(article, EventIndex())
            if infer_anchor(name, ex.candidates, self.index, article.dateline_day) is None:
                continue
            # Same content as stored: keep its hash, so the next run still sees it unchanged.
            self.ingest(doc, force=True, digest=self._hashes.get(name))
            self.stats.updated -= 1  # the same article read again is not an update of its content
            redone += 1
        return redone

