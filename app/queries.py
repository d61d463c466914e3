"""Read side: the data the pages and the API show, assembled once for both.

Routes call these and render; no route writes SQL of its own.
"""

from __future__ import annotations

import base64
import datetime as dt
import heapq
import itertools
import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from operator import attrgetter
from urllib.parse import urlsplit

from sqlalchemy import Integer, String, and_, bindparam, func, literal_column, select, tuple_
from sqlalchemy.engine import Connection
from sqlalchemy.orm import aliased
from sqlmodel import Session

from app import search
from app.ingest.dates import display
from app.models import Article, DatasetState, Event, EventSource, Mention, Paragraph


class BadCursor(ValueError):
    pass


def encode_cursor(values: list) -> str:
    return base64.urlsafe_b64encode(json.dumps(values, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(token: str, length: int | None) -> list:
    try:
        values = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (ValueError, json.JSONDecodeError, UnicodeDecodeError):
        raise BadCursor("the cursor is not one this server issued") from None
    if not isinstance(values, list) or (length is not None and len(values) != length) \
            or not all((isinstance(v, str) and len(v) <= 40) or (type(v) is int and abs(v) < 2**31) for v in values):
        raise BadCursor("the cursor is not one this server issued")
    return values


@dataclass
class SourceView:
    id: int
    article_id: int
    article_file: str
    article_title: str
    paragraph_index: int
    paragraph_text: str
    mention_text: str
    mention_start: int
    mention_end: int
    date_given: str
    how: str
    inferred: bool
    pinned_by: str | None = None

    @property
    def url(self) -> str:
        return f"/articles/{self.article_id}#p{self.paragraph_index}"


@dataclass
class EventView:
    id: int
    title: str
    summary: str
    edtf: str
    start: str | None
    end: str | None
    granularity: str
    uncertain: bool
    inferred: bool
    needs_review: bool
    source_count: int
    sources: list[SourceView]
    machine_edtf: str = ""
    hidden: bool = False
    verified: bool = False
    corrected_by: str | None = None
    corrected_at: object = None
    version: int = 1
    merged_into: int | None = None

    @property
    def date_corrected(self) -> bool:
        return bool(self.corrected_by) and self.edtf != self.machine_edtf

    @property
    def display(self) -> str:
        """The date as a reader says it; an unknown date says what the text said: `Friday (date unknown)`."""
        if self.edtf.startswith("XXXX-XX-XX") and self.sources:
            said = self.sources[0].mention_text
            return f"{said[:1].upper()}{said[1:]} (date unknown)"
        return display(self.edtf)

    @property
    def year_group(self) -> str:
        if self.start is None:
            return "Date unknown"
        if self.granularity in ("decade", "century"):
            return display(self.edtf).removeprefix("c. ")  # "1990s", "19th century"
        return self.start[:4]


SORTS = ("date", "-date", "sources")
UNDATED_CHOICES = ("include", "exclude", "only")


@dataclass(frozen=True)
class EventFilter:
    """What a reader asked for. Dates are ISO days: an event matches when its interval overlaps [start, end]."""

    start: str | None = None
    end: str | None = None
    q: str | None = None
    article: int | None = None
    min_sources: int | None = None
    needs_review: bool | None = None
    granularity: str | None = None
    undated: str = "include"

    def where(self, session: Session, common_granularity: bool = False) -> list:
        """`common_granularity`: the granularity asked for is held by many events, so an index in
        the page's order finds a page sooner than the granularity's own index (SQLite only).

        Each value is a parameter named as in `values`: a list page runs a statement of the same
        shape again with other values (`_page_statements`)."""
        dialect_name = session.get_bind().dialect.name
        clauses = []
        if self.start:
            clauses.append(Event.date_end >= bindparam("start", self.start))
        if self.end:
            clauses.append(Event.date_start <= bindparam("end", self.end))
        if self.q:
            clauses.append(search.matching_events(self.q, session.connection(), data_version(session)))
        if self.article is not None:
            clauses.append(Event.id.in_(select(EventSource.event_id)
                                        .where(EventSource.article_id == bindparam("article", self.article))))
        if self.min_sources is not None:
            clauses.append(Event.source_count >= bindparam("min_sources", self.min_sources))
        if self.needs_review is not None:
            clauses.append(Event.needs_review.is_(self.needs_review))
        if self.granularity:
            # `|| ''` keeps SQLite off the index over granularity, which it takes as selective: it
            # has no statistics on how many events each granularity holds.
            column = Event.granularity.op("||")("") if common_granularity and dialect_name == "sqlite" \
                else Event.granularity
            clauses.append(column == bindparam("granularity", self.granularity))
        return clauses

    def shape(self) -> tuple:
        """Which filters are asked for, without their values: the statements `where` makes for one
        shape differ only in their parameters."""
        return (bool(self.start), bool(self.end), bool(self.q), self.article is not None,
                self.min_sources is not None, self.needs_review, bool(self.granularity))

    def values(self, session: Session) -> dict:
        """The parameters of the clauses `where` makes."""
        return {"start": self.start, "end": self.end, "article": self.article, "min_sources": self.min_sources,
                "granularity": self.granularity,
                "hits": search.matching_ids(self.q, session.connection(), data_version(session)) if self.q else None}


def _phase_order(sort: str, dated: bool) -> tuple[list, bool]:
    """The columns a phase is ordered by, and whether descending. Undated events (no
    calendar bounds) form their own phase after the dated ones, in every sort."""
    if sort == "sources":
        return [Event.source_count, Event.id], True
    if not dated:
        return [Event.id], False
    return [Event.date_start, Event.date_end, Event.id], sort == "-date"


# What a listed event shows (EventView) and its cursor needs: not its keywords or bookkeeping
# times, which a page of a hundred would otherwise read, convert and throw away. In this order:
# `_with_sources` unpacks them by position.
_LISTED = (Event.id, Event.title, Event.summary, Event.edtf, Event.machine_edtf, Event.date_start, Event.date_end,
           Event.granularity, Event.uncertain, Event.inferred, Event.needs_review, Event.hidden, Event.verified,
           Event.corrected_by, Event.corrected_at, Event.merged_into, Event.version, Event.source_count)


# What a list whose events are stored whole elsewhere (app.listings) reads of them: which, at what version,
# and the sort keys its cursor needs. Half the SQL time of all the listed columns, and no EventView built.
_KEYS = (Event.id, Event.version, Event.date_start, Event.date_end, Event.source_count)


# A list page's statements by shape (`_page_statements`): building one took most of the time a page of
# events without their sources took. Few shapes exist (which filters, sort, phase, cursor or not).
_PAGE_STATEMENTS: dict[tuple, list] = {}


def _built_once(statements: dict[tuple, list], shape: tuple, where: EventFilter, values: dict,
                build: Callable[[], list]) -> list:
    """The statements of `shape` from `statements`, built and kept the first time. Not kept when a
    search's words are in the statement itself (no ids to pass as `hits`: a database without our
    full-text search, or words that are no words)."""
    parts = statements.get(shape)
    if parts is None:
        parts = build()
        if not where.q or values["hits"] is not None:
            statements[shape] = parts
    return parts


def _page_statements(session: Session, where: EventFilter, common: bool, include_hidden: bool, dated: bool,
                     sort: str, keyed: bool, split: bool, keys_only: bool = False) -> list:
    """The statements that read one phase of a list page (`dated` or not), in its order. Their values
    are parameters: the filters' (`EventFilter.values`), `key_0`... (a cursor's sort keys, with
    `keyed`), `earliest` (with `split`: see `_overlap_parts`) and `page_limit`.
    Plain rows, not ORM objects: identity-mapping thousands of objects was most of a list request's time."""
    columns, descending = _phase_order(sort, dated)
    query = select(*(_KEYS if keys_only else _LISTED)).where(*where.where(session, common_granularity=common))
    if not include_hidden:
        query = query.where(Event.hidden.is_(False))
    query = query.where(Event.date_start.is_not(None) if dated else Event.date_start.is_(None))
    if keyed:
        keys = tuple_(*[bindparam(f"key_{i}", type_=c.type) for i, c in enumerate(columns)])
        query = query.where(tuple_(*columns) < keys if descending else tuple_(*columns) > keys)
    parts = _overlap_parts(query) if split else [query]
    order = [c.desc() if descending else c.asc() for c in columns]
    return [q.order_by(*order).limit(bindparam("page_limit", type_=Integer)) for q in parts]


def list_events(session: Session, *, limit: int, after: str | None = None, sort: str = "date",
                where: EventFilter = EventFilter(), include_hidden: bool = False,
                sources: bool = True, keys_only: bool = False) -> tuple[list, str | None]:
    """One page of events in the order asked for, and the cursor of the next page (None at the end);
    without `sources`, the events without their sources (`sources_of` reads them); with `keys_only`,
    rows of each event's id, version and sort keys only (`listed_events` reads the rest).

    Keyset pagination: a cursor holds the sort keys of the last event sent, so a page never
    repeats or skips an event that was there before the walk began, whatever is inserted meanwhile."""
    dialect = session.get_bind().dialect.name
    phases = {"include": [True, False], "exclude": [True], "only": [False]}[where.undated]
    if where.start or where.end:
        phases = [p for p in phases if p]  # an unknown date overlaps no range
    if not phases:
        return [], None
    phase, keys = phases[0], None
    if after:
        values = decode_cursor(after, None)
        if not values or values[0] != sort or values[1] not in (0, 1):
            raise BadCursor(f"the cursor was not made for sort={sort}")
        phase, keys = values[1] == 0, values[2:]
        if phase not in phases:
            return [], None
    rows: list = []
    common = where.granularity is not None and dialect == "sqlite" and _is_common(session, where.granularity, limit)
    if where.q and dialect in ("sqlite", "postgresql") and search.fts_query(where.q) is None:
        return [], None  # no words to look for: nothing matches
    values = where.values(session)
    for p in phases[phases.index(phase):]:
        columns, descending = _phase_order(sort, p)
        keyed = keys is not None and p == phase
        if keyed and len(keys) != len(columns):
            raise BadCursor("the cursor is not one this server issued")
        earliest = _earliest_start(where.start) if p and sort != "sources" else None
        wanted = limit + 1 - len(rows)
        params = {**values, "earliest": earliest, "page_limit": wanted,
                  **{f"key_{i}": value for i, value in enumerate(keys if keyed else [])}}
        shape = (dialect, where.shape(), common, include_hidden, p, sort, keyed, earliest is not None, keys_only)
        parts = _built_once(_PAGE_STATEMENTS, shape, where, values, lambda: _page_statements(
            session, where, common, include_hidden, p, sort, keyed, earliest is not None, keys_only))
        # Each part is read in its index's order and the two are merged here: ordering a UNION of
        # them again in SQL took a tenth of a page's time just to build.
        found = [session.connection().execute(q, params).all() for q in parts]
        rows += found[0] if len(found) == 1 else \
            itertools.islice(heapq.merge(*found, key=attrgetter(*[c.key for c in columns]), reverse=descending), wanted)
        if len(rows) > limit:
            break
    more = len(rows) > limit
    rows = rows[:limit]
    cursor = None
    if more and rows:
        last = rows[-1]
        dated = last.date_start is not None
        columns, _ = _phase_order(sort, dated)
        cursor = encode_cursor([sort, 0 if dated else 1, *[getattr(last, c.key) for c in columns]])
    if keys_only:
        return rows, cursor
    return _with_sources(session, rows, sources=sources), cursor


_STATE_ROW = select(DatasetState.version, DatasetState.changed_at).where(DatasetState.id == 1)


def dataset_state(session: Session) -> tuple[int, dt.datetime | None]:
    """The data's version, which every write moves on, and when it last changed.

    Read once a transaction: a list request asks three times (its ETag, its remembered page, its
    remembered events), and through the ORM (`Session.get`) the first asking was a tenth of the CPU
    of a page not remembered. As with the ORM's identity map before, a transaction does not see
    its own bump of the version; the next one reads it again."""
    connection = session.connection()  # begins the transaction the state is read in
    transaction = session.get_transaction()
    known = session.info.get("dataset_state")
    if known is not None and known[0] is transaction:
        return known[1]
    row = connection.execute(_STATE_ROW).first()
    state = (row.version, row.changed_at) if row else (0, None)
    session.info["dataset_state"] = (transaction, state)
    return state


def data_version(session: Session) -> tuple[str, int]:
    """Which database and which state of its data: what anything remembered between requests is
    keyed on (a process may serve more than one database; the tests do)."""
    return str(session.get_bind().url), dataset_state(session)[0]


_granularity_counts: dict[str, tuple[int, dict[str, int]]] = {}  # database -> (data version, counts)


def _is_common(session: Session, granularity: str, limit: int) -> bool:
    """Whether walking all events in a page's order meets `limit` events of `granularity` sooner than
    reading every event of that granularity and sorting them: when its share `s` of `n` events
    gives limit / s < s * n. "day" holds two thirds of a news archive; "decade" a few dozen events,
    and walking the whole archive for them took 150 ms. Counted once per data version."""
    database, version = data_version(session)
    known = _granularity_counts.get(database)
    if known is None or known[0] != version:
        counts = dict(session.execute(select(Event.granularity, func.count()).group_by(Event.granularity)).all())
        known = _granularity_counts[database] = (version, counts)
    counts = known[1]
    matching = counts.get(granularity, 0)
    return matching * matching > (limit + 1) * sum(counts.values())


_COUNT_STATEMENTS: dict[tuple, list] = {}  # by shape, as list pages' (`_PAGE_STATEMENTS`)


def count_events(session: Session, where: EventFilter = EventFilter()) -> int:
    """How many events match. The statements are built once per shape of filters, the values passed
    as parameters: building them anew was half the CPU of counting a timeline window's events."""
    values = where.values(session)
    earliest = _earliest_start(where.start)
    shape = (session.get_bind().dialect.name, where.shape(), where.undated, earliest is not None)

    def build() -> list:
        query = select(func.count()).select_from(Event).where(Event.hidden.is_(False), *where.where(session))
        if where.undated == "exclude" or where.start or where.end:
            query = query.where(Event.date_start.is_not(None))
        elif where.undated == "only":
            query = query.where(Event.date_start.is_(None))
        return [query] if earliest is None else _overlap_parts(query)

    parts = _built_once(_COUNT_STATEMENTS, shape, where, values, build)
    params = {**values, "earliest": earliest}
    return sum(session.connection().execute(q, params).scalar_one() for q in parts)


# Only an event that crosses a new year can start more than a year before a window and still overlap
# it; few do (most ranges are a week), and a partial index holds them (migration 0009). The literal
# arguments matter: SQLite uses a partial index only for the very terms of its WHERE, not parameters.
SHORT_SPAN = dt.timedelta(days=370)
CROSSES_A_YEAR = func.substr(Event.date_end, literal_column("1"), literal_column("4")) != \
    func.substr(Event.date_start, literal_column("1"), literal_column("4"))


def _earliest_start(start: str | None) -> str | None:
    """Where a window from `start` stops reading events in the order they start (`_overlap_parts`);
    None when there is nothing to split (no start, or one before year 2)."""
    if not start:
        return None
    try:
        return (dt.date.fromisoformat(start) - SHORT_SPAN).isoformat()
    except (ValueError, OverflowError):
        return None


def _overlap_parts(query) -> list:
    """`query` (already asking `date_end >= start`) as disjoint parts that each read one index range:
    events starting from a year before `start` on (the parameter `earliest`, `_earliest_start`), and
    earlier ones crossing a new year. Whole, it read every event that starts before the window: most
    of the archive for a window in the 1980s."""
    earliest = bindparam("earliest", type_=String)
    return [query.where(Event.date_start >= earliest), query.where(Event.date_start < earliest, CROSSES_A_YEAR)]


def events_per_year(session: Session, where: EventFilter = EventFilter()) -> dict[int, int]:
    """How many matching events start in each year: the timeline's density overview."""
    year = func.substr(Event.date_start, 1, 4)
    rows = session.execute(select(year, func.count()).where(
        Event.hidden.is_(False), Event.date_start.is_not(None), *where.where(session)).group_by(year)).all()
    return {int(y): n for y, n in rows if y and y.isdigit()}


def iter_events(session: Session, *, sort: str = "date", where: EventFilter = EventFilter(),
                page: int = 500) -> Iterator[EventView]:
    """Every matching event, a page at a time: memory stays flat however many there are."""
    after = None
    while True:
        views, after = list_events(session, limit=page, after=after, sort=sort, where=where)
        yield from views
        if after is None:
            return
        session.expire_all()  # let the page's rows go


def get_event(session: Session, event_id: int, *, include_hidden: bool = False, listed: bool = False,
              sources: tuple[int, int] | None = None) -> EventView | None:
    """One event with all its sources; with `listed`, those a list shows; with `sources` (offset, limit),
    that page of them. A hidden one only for editors (`include_hidden`)."""
    row = session.execute(select(*_LISTED).where(Event.id == event_id)).first()
    if row is None or (row.hidden and not include_hidden):
        return None
    return _with_sources(session, [row], listed=listed, page=sources)[0]


# A list shows an event's first sources; its own page and /api/events/{id} show them all.
# (A story reported by a thousand articles made one page of a list weigh megabytes.)
LIST_SOURCES = 20


def _sources_query(listed: bool):
    """Each event's sources, earliest publication first, for the events in `:ids`; with `listed`,
    only the first LIST_SOURCES stored of each. Built once: building it was a tenth of a list page."""
    q = select(EventSource.event_id, EventSource.id, EventSource.article_id, Article.file, Article.title,
               EventSource.paragraph_index, Paragraph.text, EventSource.mention_text, EventSource.mention_start,
               EventSource.mention_end, EventSource.edtf, EventSource.how, EventSource.inferred,
               EventSource.pinned_by)
    ids = bindparam("ids", expanding=True)
    if not listed:
        q = q.where(EventSource.event_id.in_(ids))
    else:
        # Each event's LIST_SOURCES-th source id, found in a short index range, bounds its sources:
        # no ranking of a big story's thousands, and one statement whatever the page holds.
        inner = aliased(EventSource)
        cutoff = (select(inner.id).where(inner.event_id == Event.id).order_by(inner.id)
                  .limit(1).offset(LIST_SOURCES - 1).scalar_subquery())
        # MATERIALIZED: flattened into the join, the cutoff would be computed again for every source row.
        # An event with fewer sources has no cutoff: the largest id stands in (a range, not an OR).
        firsts = (select(Event.id.label("event_id"), func.coalesce(cutoff, 2**63 - 1).label("cutoff"))
                  .where(Event.id.in_(ids)).cte("firsts").prefix_with("MATERIALIZED"))
        q = q.join(firsts, and_(EventSource.event_id == firsts.c.event_id, EventSource.id <= firsts.c.cutoff))
    return (q.join(Article, Article.id == EventSource.article_id)
            .join(Paragraph, and_(Paragraph.article_id == EventSource.article_id,
                                  Paragraph.index == EventSource.paragraph_index))
            .order_by(EventSource.event_id, Article.published.is_(None), Article.published, EventSource.id))


_SOURCES_QUERIES = {listed: _sources_query(listed) for listed in (True, False)}
# A page of one event's sources (a story told by thousands of articles made a page of tens of megabytes):
# the page is chosen from the sort keys alone, then only its sources are read whole.
_SOURCES_PAGE = _SOURCES_QUERIES[False].where(EventSource.id.in_(
    select(EventSource.id).join(Article, Article.id == EventSource.article_id)
    .where(EventSource.event_id.in_(bindparam("ids", expanding=True)))
    .order_by(Article.published.is_(None), Article.published, EventSource.id)
    .limit(bindparam("limit")).offset(bindparam("offset")).scalar_subquery()))


def sources_of(db: Session | Connection, event_ids: list[int], listed: bool = True,
               page: tuple[int, int] | None = None) -> dict[int, list[SourceView]]:
    """Each event's sources, earliest publication first; with `listed`, for an event with more than
    LIST_SOURCES, the first LIST_SOURCES stored; with `page` (offset, limit), of one event, that page."""
    sources: dict[int, list[SourceView]] = defaultdict(list)
    if event_ids:
        statement, params = (_SOURCES_QUERIES[listed], {"ids": event_ids}) if page is None else \
            (_SOURCES_PAGE, {"ids": event_ids, "offset": page[0], "limit": page[1]})
        conn = db.connection() if isinstance(db, Session) else db
        result = conn.execute(statement, params)
        # Positional: SourceView's fields in the selected order (a list page builds thousands).
        for event_id, *fields in result.all():
            sources[event_id].append(SourceView(*fields))
    return sources


def listed_events(conn: Connection, event_ids: list[int]) -> list[EventView]:
    """The events of `event_ids`, as a list shows them (with their first sources), in id order."""
    rows = conn.execute(select(*_LISTED).where(Event.id.in_(event_ids)).order_by(Event.id)).all()
    return _with_sources(conn, rows)


def _with_sources(session: Session | Connection, rows: list, listed: bool = True,
                  page: tuple[int, int] | None = None, sources: bool = True) -> list[EventView]:
    """Events (rows of the _LISTED columns) with their sources (`sources_of`); without `sources`,
    with none read. Unpacked by position: a row's attributes by name took 0.7 ms a page of 100."""
    found = sources_of(session, [r[0] for r in rows], listed, page) if sources else {}
    return [EventView(event_id, title, summary, edtf, start, end, granularity, uncertain, inferred, needs_review, count,
                      found.get(event_id, []), machine_edtf, hidden, verified, corrected_by, corrected_at, version,
                      merged_into)
            for (event_id, title, summary, edtf, machine_edtf, start, end, granularity, uncertain, inferred,
                 needs_review, hidden, verified, corrected_by, corrected_at, merged_into, version, count) in rows]


@dataclass
class ArticleView:
    id: int
    file: str
    title: str
    title_derived: bool
    byline: str | None
    published: str | None
    published_evidence: str | None
    anchor: str | None
    anchor_inferred_from: str | None
    url: str | None
    event_count: int = 0

    @property
    def web_link(self) -> str | None:
        """The article's address, when a browser may follow it: an http(s) address. The address comes
        from the input file (a CMS export's `url`), as untrusted as its text: `javascript:` stays text."""
        if self.url and urlsplit(self.url).scheme.lower() in ("http", "https"):
            return self.url
        return None

    @property
    def published_display(self) -> str:
        if self.published:
            return display(self.published)
        if self.anchor:
            return f"{display(self.anchor)} (inferred)"
        return "unknown"


def _article_view(a: Article, event_count: int = 0) -> ArticleView:
    return ArticleView(id=a.id, file=a.file, title=a.title, title_derived=a.title_derived, byline=a.byline,
                       published=a.published, published_evidence=a.published_evidence, anchor=a.anchor,
                       anchor_inferred_from=a.anchor_inferred_from, url=a.url, event_count=event_count)


def list_articles(session: Session, *, limit: int, after: str | None = None) -> tuple[list[ArticleView], str | None]:
    query = select(Article)
    if after:
        (last_id,) = decode_cursor(after, 1)
        query = query.where(Article.id > int(last_id))
    rows = list(session.execute(query.order_by(Article.id).limit(limit + 1)).scalars())
    more = len(rows) > limit
    rows = rows[:limit]
    counts = dict(session.execute(
        select(EventSource.article_id, func.count(func.distinct(EventSource.event_id)))
        .where(EventSource.article_id.in_([r.id for r in rows])).group_by(EventSource.article_id)).all())
    cursor = encode_cursor([rows[-1].id]) if more and rows else None
    return [_article_view(r, counts.get(r.id, 0)) for r in rows], cursor


@dataclass
class Segment:
    text: str
    mention: Mention | None = None
    event_id: int | None = None


@dataclass
class ParagraphView:
    index: int
    text: str
    segments: list[Segment]


@dataclass
class ArticleDetail:
    article: ArticleView
    paragraphs: list[ParagraphView]
    boilerplate: list[str]


def get_article(session: Session, article_id: int) -> ArticleDetail | None:
    row = session.get(Article, article_id)
    if row is None:
        return None
    paragraphs = list(session.execute(
        select(Paragraph).where(Paragraph.article_id == article_id).order_by(Paragraph.index)).scalars())
    mentions: dict[int, list[Mention]] = defaultdict(list)
    for m in session.execute(select(Mention).where(Mention.article_id == article_id)
                             .order_by(Mention.paragraph_index, Mention.start)).scalars():
        mentions[m.paragraph_index].append(m)
    event_of: dict[tuple[int, int], int] = {}
    for src in session.execute(select(EventSource).join(Event, Event.id == EventSource.event_id)
                               .where(EventSource.article_id == article_id, Event.hidden.is_(False))).scalars():
        event_of[(src.paragraph_index, src.mention_start)] = src.event_id
    views = []
    for p in paragraphs:
        segments, pos = [], 0
        for m in mentions.get(p.index, []):
            if m.start < pos:
                continue
            if m.start > pos:
                segments.append(Segment(p.text[pos:m.start]))
            segments.append(Segment(p.text[m.start:m.end], m, event_of.get((p.index, m.start))))
            pos = m.end
        if pos < len(p.text):
            segments.append(Segment(p.text[pos:]))
        views.append(ParagraphView(p.index, p.text, segments))
    count = len(set(event_of.values()))
    return ArticleDetail(article=_article_view(row, count), paragraphs=views,
                         boilerplate=json.loads(row.boilerplate or "[]"))

