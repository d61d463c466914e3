"""Merge event candidates into the timeline's events, and infer years for undated articles.

Two reports are the same event when their dates are compatible (one contains
the other, or only an unknown year separates them) and their wording is
similar enough. How similar depends on how much the dates already say: two
reports of the same day need less shared wording than two reports of the same
year, and two different things that happened on the same day must stay apart. Reports that
each name someone or somewhere, when neither's article names anyone or anywhere the other
names, are never one event.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial

from .dates import MONTH_NAMES, WEEKDAY_NAMES, WEEKDAY_WORD, bounds, compatible, granularity, precision_rank, strip_qualifiers
from .types import Anchor, EventCandidate, MergedEvent, SourceRef


def similarity(a: frozenset[str], b: Collection[str]) -> tuple[int, float]:
    """Shared keywords, and their share of the smaller side."""
    shared = len(a.intersection(b))
    return shared, shared / (min(len(a), len(b)) or 1)


BIG_STORY_WORDS = 48


def _held(words: set[str]) -> tuple[str, ...] | frozenset[str]:
    """An event's words as the index holds them. Most events have a few dozen: a tuple, a quarter of a
    set's size, since the index holds every event's words; lookups intersect them with the candidate's
    set, which reads the whole tuple. A big story gathers thousands, and there reading the tuple was most
    of the merge time: a set is intersected from the candidate's side."""
    return frozenset(words) if len(words) > BIG_STORY_WORDS else tuple(words)


Posting = tuple[MergedEvent, str, str, str]  # an event, its date when filed, and that date's bounds
Postings = dict[int, dict[str, list[Posting]]]  # bucket of years -> word -> events
_NONE: dict[str, list[Posting]] = {}


class EventIndex:
    """The events known so far, findable by the dates and words a candidate could match.

    Day- and month-precise events are filed by day and month. Everything else is
    found through the candidate's rarest words: a merge needs shared words anyway,
    and filing a decade under each of its years made every lookup scan them all.
    """

    RAREST_WORDS = 5
    BUCKET_YEARS = 5
    MAX_BUCKETS = 8

    def __init__(self, events: list[MergedEvent] | None = None) -> None:
        self.events: list[MergedEvent] = []
        self._day: dict[str, list[MergedEvent]] = defaultdict(list)
        self._month: dict[str, list[MergedEvent]] = defaultdict(list)  # month-precise, and weeks touching it
        self._days_in_month: dict[str, list[MergedEvent]] = defaultdict(list)
        self._by_month_day: dict[str, list[MergedEvent]] = defaultdict(list)  # for unknown-year dates
        self._unknown_year: dict[str, list[MergedEvent]] = defaultdict(list)  # `XXXX-07-12`, by "07-12"
        self._df: Counter[str] = Counter()
        # Per bucket of years the event's date covers, words -> events: a lookup reads those years' events
        # only. By bucket, then word: a (word, bucket) key was hashed anew on every use, a third of the
        # time it took to build an archive's index.
        self._postings: Postings = defaultdict(partial(defaultdict, list))
        self._coarse_postings: Postings = defaultdict(partial(defaultdict, list))  # dates longer than a month
        self._filed_buckets: set[int] = set()
        self._removed: set[int] = set()
        self._articles: dict[int, tuple[int, Counter[str]]] = {}  # id(event) -> (sources read, their articles)
        self._wsum: dict[int, float] = {}
        self._article_names: dict[str, tuple[str, ...]] = {}  # who and where each article names (events.names)
        self.by_id: dict[int, MergedEvent] = {}
        for e in events or []:
            self.add(e)

    def add(self, event: MergedEvent) -> None:
        # One string per word across the archive's events, not one per event that uses it.
        event.keywords = _held({sys.intern(w) for w in event.keywords})
        if event.names:  # read back from storage: one string per name across the archive, as for words
            event.names = _held({sys.intern(n) for n in event.names})
        self.events.append(event)
        if event.id is not None:
            self.by_id[event.id] = event
        self._df.update(event.keywords)
        self._wsum[id(event)] = math.fsum(self._weights(event.keywords))
        self._post(event, event.keywords)
        self._file(event)

    def _post(self, event: MergedEvent, words) -> None:
        """File words under the date buckets the event's date covers now."""
        start, end = bounds(event.edtf)
        if not start or not end:
            return
        coarse = start[:7] != end[:7]
        buckets = self._buckets(start, end)
        # The bounds travel with the entry, read for every lookup; they stand while
        # the event keeps the date they were computed from.
        entry = (event, event.edtf, start, end)
        self._filed_buckets.update(buckets)
        for bucket in buckets:
            for postings in (self._postings, self._coarse_postings) if coarse else (self._postings,):
                filed = postings[bucket]
                for word in words:
                    filed[word].append(entry)

    def _buckets(self, start: str, end: str) -> range:
        """Five-year buckets a date covers: few enough that a long range is filed cheaply."""
        first = int(start[:4]) // self.BUCKET_YEARS
        return range(first, min(int(end[:4]) // self.BUCKET_YEARS, first + self.MAX_BUCKETS) + 1)

    def add_source(self, event: MergedEvent, source: SourceRef) -> None:
        event.sources.append(source)

    def has_sentence(self, event: MergedEvent, source: SourceRef) -> bool:
        paragraph, sentence = source.paragraph_index, source.sentence
        return any(s.paragraph_index == paragraph and s.sentence == sentence
                   for s in self.sources_from(event, source.article))

    def has_article(self, event: MergedEvent, article: str) -> bool:
        return article in self._articles_of(event)

    def sources_from(self, event: MergedEvent, article: str) -> Iterator[SourceRef]:
        """An event's sources from one article, latest first. An article's sources are mostly the
        latest (the article being merged adds them): the search stops once it has found them all,
        instead of reading a big story's thousands of sources."""
        left = self._articles_of(event).get(article, 0)
        if not left:
            return  # the usual answer
        for s in reversed(event.sources):
            if s.article == article:
                yield s
                left -= 1
                if not left:
                    return

    def withdraw_article(self, event: MergedEvent, article: str, keep: Callable[[SourceRef], bool]) -> None:
        """Take an article's sources out of an event, except those `keep` says stay."""
        event.sources = [s for s in event.sources if s.article != article or keep(s)]
        self._articles.pop(id(event), None)

    def _articles_of(self, event: MergedEvent) -> Counter[str]:
        """How many sources an event has from each article, kept up with its sources as they grow.

        Sources only ever grow, but through `withdraw_article`, which forgets what was known.
        Article names, not sentences: sets of every event's sentences held most of a big
        archive's index in memory."""
        count = len(event.sources)
        known = self._articles.get(id(event))
        if known is not None and known[0] == count:
            return known[1]
        if known is None:
            articles = Counter(s.article for s in event.sources)
        else:
            articles = known[1]
            # A slice, not islice: islice walks the thousands of sources it skips on a big story.
            articles.update(s.article for s in event.sources[known[0]:])
        self._articles[id(event)] = (count, articles)
        return articles

    def add_keywords(self, event: MergedEvent, words: frozenset[str]) -> None:
        new = {sys.intern(w) for w in words.difference(event.keywords)}
        if not new:
            return
        event.keywords = _held(new.union(event.keywords))
        self._df.update(new)
        self._wsum[id(event)] = self._wsum.get(id(event), 0.0) + math.fsum(self._weights(new))
        self._post(event, new)

    def add_names(self, event: MergedEvent, names: Collection[str]) -> None:
        if names and not frozenset(names).issubset(event.names):
            event.names = _held({sys.intern(n) for n in names}.union(event.names))

    def note_article_names(self, article: str, names: Collection[str]) -> None:
        self._article_names[article] = tuple(sys.intern(n) for n in names)

    def names_apart(self, candidate: EventCandidate, event: MergedEvent) -> bool:
        """Whether a candidate and an event each name someone or somewhere, and neither's article names
        any of the other's: then they are two events ("Floods killed 12 people in Italy", "Floods killed
        40 people in Libya" on one day), whatever words they share. Reports of one story name each other's
        people and places somewhere: "Congress passed the stopgap" comes from an article that names the House."""
        if not candidate.names or not event.names or not candidate.article_names.isdisjoint(event.names):
            return False
        names = candidate.names
        return all(names.isdisjoint(self._article_names.get(article, ())) for article in self._articles_of(event))

    def weight(self, word: str) -> float:
        return self._weights((word,))[0]

    def _weights(self, words: Collection[str]) -> list[float]:
        """Each word's weight now, for many words at once: loading a 100,000-article archive's index
        weighs three million words, and a method call for each took 2.5 s of it instead of 0.8 s."""
        n, df = len(self.events) + 2, self._df.get
        return [math.log(n / (df(word, 0) + 1)) + 0.2 for word in words]

    def event_weight(self, event: MergedEvent) -> float:
        """The summed weight of an event's words, as they weighed when each was added."""
        return self._wsum.get(id(event), 0.0)

    def _file(self, event: MergedEvent) -> None:
        core = strip_qualifiers(event.edtf)[0]
        if core.startswith("XXXX"):
            if len(core) >= 7 and not core.startswith("XXXX-XX"):
                key = core[5:10] if len(core) >= 10 else core[5:7]
                self._by_month_day[key].append(event)
                self._unknown_year[key].append(event)
            return
        start, end = bounds(event.edtf)
        if not start or not end:
            return
        if start == end:
            self._by_month_day[start[5:10]].append(event)  # where an unknown-year `XXXX-08-15` looks
            self._day[start].append(event)
            self._days_in_month[start[:7]].append(event)
        elif start[:7] == end[:7]:
            self._by_month_day[start[5:7]].append(event)
            self._month[start[:7]].append(event)
        elif start[:4] == end[:4] and (end[:7] > start[:7]) and not (start[5:] == "01-01" and end[5:] == "12-31"):
            for m in {start[:7], end[:7]}:
                self._month[m].append(event)

    def live_events(self) -> list[MergedEvent]:
        """The events still on the timeline (a removed one stays in `events` for the word weights)."""
        return [e for e in self.events if id(e) not in self._removed]

    def remove(self, event: MergedEvent) -> None:
        self._removed.add(id(event))
        if event.id is not None:
            self.by_id.pop(event.id, None)

    def refile(self, event: MergedEvent) -> None:
        """Index an event again after its date changed: by date, and its words by date bucket.

        Entries under the old date stay; lookups check compatibility anyway."""
        self._file(event)
        self._post(event, event.keywords)

    def nearby(self, edtf: str, keywords: frozenset[str]) -> list[tuple[MergedEvent, frozenset[str]]]:
        """The live events whose date could be compatible with `edtf` and that share enough of its
        words to be scored (`SAME_DAY_SHARED`, or `_too_few_shared`), each with the words it shares."""
        core = strip_qualifiers(edtf)[0]
        if core.startswith("XXXX-XX"):
            return []  # an unknown date is compatible with nothing
        if core.startswith("XXXX"):
            pools = [self._by_month_day.get(core[5:10] if len(core) >= 10 else core[5:7], [])]
        else:
            start, end = bounds(edtf)
            if not start or not end:
                return []
            if start == end:
                pools = [self._day.get(start, []), self._month.get(start[:7], []),
                         self._unknown_year.get(start[5:10], []),
                         self._sharing(keywords, start, end, self._coarse_postings)]
            elif start[:7] == end[:7]:
                pools = [self._month.get(start[:7], []), self._days_in_month.get(start[:7], []),
                         self._unknown_year.get(start[5:7], []),
                         self._sharing(keywords, start, end, self._coarse_postings)]
            else:
                pools = [self._sharing(keywords, start, end, self._postings)]
        # No merge without shared words: testing that here, in one pass, spares the scorer most
        # of a crowded date's events, and the scorer is handed the words so as not to find them again.
        day = granularity(edtf) == "day"
        least = SAME_DAY_SHARED if day else OTHER_SHARED
        n_words = len(keywords)
        found: list[tuple[MergedEvent, frozenset[str]]] = []
        seen: set[int] = set()  # an event is in several pools, or filed under several of the words
        removed = self._removed
        shared_with = keywords.intersection
        for pool in pools:
            for e in pool:
                key = id(e)
                if key in seen or key in removed:
                    continue
                seen.add(key)
                shared = shared_with(e.keywords)
                n_shared = len(shared)
                if n_shared < least:
                    continue
                # Most of a crowded year's events fail the scorer's first test: here it costs a division.
                if not (day and e.granularity == "day") and _too_few_shared(n_shared, min(n_words, len(e.keywords))):
                    continue
                found.append((e, shared))
        return found

    def _sharing(self, keywords: frozenset[str], start: str, end: str, postings: Postings) -> list[MergedEvent]:
        """Events that share one of the rarest words and whose dates overlap [start, end]."""
        words = sorted(keywords, key=lambda w: (self._df.get(w, 0), w))[:self.RAREST_WORDS]
        out = []
        buckets = self._buckets(start, end)
        for word in words:
            for bucket in buckets:
                # An event starting before this bucket is filed in the one before it too (an event's
                # buckets run on from its first): past the first bucket it was read there already.
                floor = f"{bucket * self.BUCKET_YEARS:04d}" if bucket > buckets.start else ""
                for e, filed, e_start, e_end in postings.get(bucket, _NONE).get(word, ()):
                    if e_start < floor:
                        continue
                    if e.edtf is not filed:
                        e_start, e_end = bounds(e.edtf)  # re-dated since it was filed here
                        if not e_start or not e_end:
                            continue  # to a date with no calendar bounds (`XXXX-XX-XX`): it overlaps nothing
                    if e_start <= end and e_end >= start:
                        out.append(e)
        return out

    def sharing_any_year(self, keywords: frozenset[str]) -> list[MergedEvent]:
        """Events of any date that share one of the rarest words: for an article with no year to go by."""
        words = sorted(keywords, key=lambda w: (self._df.get(w, 0), w))[:self.RAREST_WORDS]
        seen: set[int] = set()
        out = []
        for word in words:
            for bucket in self._filed_buckets:
                for e, *_ in self._postings.get(bucket, _NONE).get(word, ()):
                    if id(e) not in seen:
                        seen.add(id(e))
                        out.append(e)
        return out


SAME_DAY_SHARED = 2  # words two reports of the same day must share to be one event
OTHER_SHARED = 3  # words any other two reports must share
OTHER_SHARE = 0.4  # and the share of the smaller one's words they must be


def _too_few_shared(n_shared: int, smaller: int) -> bool:
    """Whether two reports that are not both of one day share too few words to be one event: they need
    OTHER_SHARED words, and OTHER_SHARE of the words of the one with fewer (`smaller` of them)."""
    return n_shared < OTHER_SHARED or n_shared / (smaller or 1) < OTHER_SHARE


def _scorer(index: EventIndex) -> Callable[[EventCandidate, MergedEvent], float | None]:
    """A merge score for a candidate and an event, or None when the candidate is not that event.

    Word weights come from how many events use a word, so that the names every
    story in a cluster repeats ("Taliban", "Afghanistan") count for less than the
    words that tell one event from another ("Kabul", "fled", "invaded"). They are
    memoised for one article: frequencies barely move within it.
    """
    memo: dict[str, float] = {}
    # Per candidate's words: each word's weight, and their sum.
    candidate_weights: dict[int, tuple[dict[str, float], float]] = {}

    def weight(word: str) -> float:
        w = memo.get(word)
        if w is None:
            w = memo[word] = index.weight(word)
        return w

    def score(candidate: EventCandidate, event: MergedEvent, shared: frozenset[str] | None = None) -> float | None:
        """`shared`: the words the two share, when the caller already knows them."""
        words = candidate.keywords
        if shared is None:
            shared = words.intersection(event.keywords)
        n_shared = len(shared)
        if n_shared < SAME_DAY_SHARED or not compatible(candidate.edtf, event.edtf):
            return None  # the cheap tests first: most pairs share almost no words
        if index.names_apart(candidate, event):
            return None
        plain = n_shared / (min(len(words), len(event.keywords)) or 1)
        day_level = granularity(candidate.edtf) == "day" and granularity(event.edtf) == "day"
        # Same day: a few words in common, telling ones or many, are enough. A year or a
        # week says little on its own: there the wording must carry the match.
        if not day_level and _too_few_shared(n_shared, min(len(words), len(event.keywords))):
            return None  # decided without the (costlier) weighted overlap
        known = candidate_weights.get(id(words))
        if known is None:
            each = {k: weight(k) for k in words}
            known = candidate_weights[id(words)] = (each, math.fsum(each.values()))
        each, total = known
        # fsum: exact, so the score does not depend on the order a set of words iterates in, which
        # changes from process to process (string hashing): the same articles always merge alike.
        weighted = math.fsum(map(each.__getitem__, shared)) / (min(total, index.event_weight(event)) or 1.0)
        if not ((weighted >= 0.15 or plain >= 0.3) if day_level else weighted >= 0.4):
            return None
        same_value = strip_qualifiers(candidate.edtf)[0] == strip_qualifiers(event.edtf)[0]
        return weighted + plain + 0.05 * n_shared + (0.5 if same_value else 0)

    return score


@dataclass
class MergeResult:
    events: list[MergedEvent]          # every event this batch of candidates touched
    merges: int                         # candidates folded into an event that was already there
    placed: list[tuple[SourceRef, MergedEvent]]  # where each candidate's source went


def merge_events(candidates: list[EventCandidate], index: EventIndex,
                 homes: dict[tuple[str, str], MergedEvent] | None = None) -> MergeResult:
    """Fold candidates into the index: into the best matching event, or as a new event.

    `homes` maps (sentence, date expression) to the event a re-read article's same words
    were on before: they go back there, so a re-read keeps event ids and editors' merges,
    detaches and corrections, even when the new reading dates them differently."""
    touched: dict[int, MergedEvent] = {}
    placed: list[tuple[SourceRef, MergedEvent]] = []
    merges = 0
    score_of = _scorer(index)
    if candidates:
        index.note_article_names(candidates[0].source.article, candidates[0].article_names)

    # Precise dates first, so that vaguer reports attach to the event they refine.
    for c in sorted(candidates, key=lambda c: precision_rank(c.edtf)):
        home = homes.get((c.source.sentence, c.source.mention_text)) if homes else None
        if home is not None:
            if not home.sources:  # every source it had was this article's: its date is this reading's
                home.edtf, home.granularity, home.needs_review = c.edtf, c.granularity, c.needs_review
                index.refile(home)
            index.add_source(home, c.source)
            index.add_keywords(home, c.keywords)
            index.add_names(home, c.names)
            if precision_rank(c.edtf) < precision_rank(home.edtf):
                home.edtf, home.granularity, home.needs_review = c.edtf, c.granularity, c.needs_review
                index.refile(home)
            touched[id(home)] = home
            placed.append((c.source, home))
            continue
        best, best_score = None, 0.0
        for event, shared in index.nearby(c.edtf, c.keywords):
            score = score_of(c, event, shared)
            if score is None or score <= best_score:
                continue
            # Two dates in one sentence are two events ("in 1979 ... the Afghan War (1978-1992)").
            if index.has_sentence(event, c.source):
                continue
            # One article giving one event two different dates is telling of two events ("reported revenue
            # today", "expects fourth-quarter revenue"): its own sources of an event agree on the date.
            if _dated_otherwise_by(index, event, c):
                continue
            best, best_score = event, score
        if best is None:
            event = MergedEvent(title=c.title, summary=c.summary, edtf=c.edtf, granularity=c.granularity,
                                sources=[c.source], keywords=c.keywords, needs_review=c.needs_review)
            index.add_names(event, c.names)
            index.add(event)
            touched[id(event)] = event
            placed.append((c.source, event))
            continue
        merges += 1
        index.add_source(best, c.source)
        index.add_keywords(best, c.keywords)
        index.add_names(best, c.names)
        if precision_rank(c.edtf) < precision_rank(best.edtf):
            best.edtf, best.granularity = c.edtf, c.granularity
            best.needs_review = c.needs_review
            index.refile(best)
        touched[id(best)] = best
        placed.append((c.source, best))
    merges += _join_same_speaker_same_day(placed, touched, index)
    return MergeResult(events=list(touched.values()), merges=merges, placed=placed)


def _dated_otherwise_by(index: EventIndex, event: MergedEvent, c: EventCandidate) -> bool:
    """Whether the candidate's article already dates `event` with another date than the candidate's."""
    mine = strip_qualifiers(c.edtf)[0]
    return any(strip_qualifiers(s.edtf)[0] != mine for s in index.sources_from(event, c.source.article))


_REPORTING = r"(?:said|says|told|tells|stated|declared|announced|warned|added|stressed|insisted|noted)"
_NAME = r"((?:[A-Z][\w\u2019'-]+[ \t]+){0,3}[A-Z][\w\u2019'-]+)"
_SPEAKER_BEFORE = re.compile(_NAME + r"[ \t]+(?:on[ \t]+\w+[ \t]+)?" + _REPORTING + r"\b")
_SPEAKER_AFTER = re.compile(r"\b" + _REPORTING + r"[ \t]+" + _NAME)
_NOT_SPEAKERS = {*WEEKDAY_NAMES, *MONTH_NAMES, "The", "It", "He", "She", "They", "We", "I", "You", "This", "That",
                 "There", "Today", "Yesterday", "Reuters", "AFP", "AP", "TASS"}


def speakers(sentence: str) -> frozenset[str]:
    """Who the sentence quotes: the surname beside a reporting verb ("President Putin said", "said Lavrov")."""
    names = {m.group(1).split()[-1] for rx in (_SPEAKER_BEFORE, _SPEAKER_AFTER) for m in rx.finditer(sentence)}
    return frozenset(names - _NOT_SPEAKERS)


def _join_same_speaker_same_day(placed: list[tuple[SourceRef, MergedEvent]], touched: dict[int, MergedEvent],
                                index: EventIndex) -> int:
    """One article quoting one person on one day reports one statement, however it words each part:
    a sentence that became an event of its own joins the event another sentence of the same article,
    same speaker and same day, went to. Different speakers or days stay apart."""
    new = [(i, src, ev) for i, (src, ev) in enumerate(placed)
           if ev.id is None and len(ev.sources) == 1 and granularity(src.edtf) == "day"]
    if not new:
        return 0
    joined = 0
    gone: set[int] = set()
    for i, src, event in new:
        who = speakers(src.sentence)
        if not who or len(event.sources) != 1:
            continue
        for other_src, other in placed:
            if other is event or id(other) in gone or other_src.article != src.article \
                    or other_src.edtf != src.edtf or not (who & speakers(other_src.sentence)):
                continue
            gone.add(id(event))
            index.remove(event)
            touched.pop(id(event), None)
            index.add_source(other, src)
            index.add_keywords(other, frozenset(event.keywords))
            index.add_names(other, event.names)
            touched[id(other)] = other
            placed[i] = (src, other)
            joined += 1
            break
    return joined


def infer_anchor(article_name: str, candidates: list[EventCandidate], index: EventIndex,
                 dateline_day: tuple[int, int, str] | None = None) -> Anchor | None:
    """An anchor for an undated article, borrowed from the dated events it shares.

    A month and day with an unknown year (`XXXX-08-15`) that matches a dated
    event (`2021-08-15`) with similar wording gives the article that year. If
    the article's latest full date then falls on a weekday it also names
    ("said Tuesday" and "on August 24", a Tuesday), that day is taken as the
    publication date, so its other weekdays can be resolved too.
    """
    votes: Counter[int] = Counter()
    evidence: dict[int, str] = {}
    score_of = _scorer(index)
    for c in candidates:
        core = strip_qualifiers(c.edtf)[0]
        if not core.startswith("XXXX-") or core == "XXXX-XX-XX":
            continue
        for event, shared in index.nearby(c.edtf, c.keywords):
            # The score first: it turns most events away, and cheaper than looking through their sources.
            if event.edtf.startswith("X") or score_of(c, event, shared) is None or index.has_article(event, article_name):
                continue
            year = int(event.edtf[:4])
            votes[year] += 1
            other = next((s for s in event.sources if s.article != article_name), None)
            if other and year not in evidence:
                evidence[year] = (f"\u2018{c.source.mention_text}\u2019 matching \u2018{other.mention_text}\u2019 "
                                  f"in {other.article}")
    if not votes:
        # No month and day to go by: a weekday event told in close words by a dated report ("Ida came
        # ashore near Port Fourchon on Sunday") gives the year and the news day at once.
        return _anchor_by_weekday(article_name, candidates, index, None, dateline_day=dateline_day)
    year, _ = votes.most_common(1)[0]
    return Anchor(year=year, inferred_from=evidence.get(year, "other articles"))


def _weekdays_named(candidates: list[EventCandidate]) -> dict[tuple[int, int], int]:
    """The weekday each unresolved weekday candidate names, by where its mention is."""
    named = {}
    for c in candidates:
        if c.edtf == "XXXX-XX-XX" and (w := WEEKDAY_WORD.search(c.source.mention_text)):
            named[c.source.paragraph_index, c.source.mention_start] = WEEKDAY_NAMES.index(w.group(1))
    return named


def news_day(day: dt.date, weekdays: Collection[int]) -> dt.date:
    """The publication day, from `day` (a weekday the article names, matched in a dated report): the
    day in the week from `day` on that makes every weekday the article names as recent as it can be.
    "On Sunday ... on Monday": Monday the 30th, not the Monday six days before Sunday the 29th."""
    def furthest_back(published: dt.date) -> int:
        return max((published.weekday() - w) % 7 for w in weekdays)
    days_left = min(7, (dt.date.max - day).days + 1)  # a report dated in the calendar's last week
    return min((day + dt.timedelta(days=k) for k in range(days_left)), key=lambda p: (furthest_back(p), p))


def dateline_in(year: int, dateline_day: tuple[int, int, str]) -> dt.date | None:
    """A yearless dateline's day in `year` (None for 29 February in a year without one)."""
    month, mday, _ = dateline_day
    try:
        return dt.date(year, month, mday)
    except ValueError:
        return None


def _on_dateline(day: dt.date, dateline_day: tuple[int, int, str]) -> dt.date | None:
    """The yearless dateline's day in the week from `day` on (a report filed up to six days after)."""
    for year in (day.year, day.year + 1):
        filed = dateline_in(year, dateline_day)
        if filed is not None and 0 <= (filed - day).days <= 6:
            return filed
    return None


@lru_cache(maxsize=1 << 16)
def _calendar_day(edtf: str) -> dt.date | None:
    """The day a day-precise date with a known year is (None for `XXXX-08-15`)."""
    core = strip_qualifiers(edtf)[0]
    if len(core) != 10 or core.startswith("X"):
        return None
    return dt.date.fromisoformat(core)


def _anchor_by_weekday(article_name: str, candidates: list[EventCandidate], index: EventIndex,
                       year: int | None, basis: str | None = None,
                       dateline_day: tuple[int, int, str] | None = None) -> Anchor | None:
    """A news day from the article's best weekday match in dated reports of `year` (None: any year).

    With a yearless dateline ("NEW ORLEANS, Aug 30 (Reuters)"), only a report of a day in the week
    before that month and day counts, and that agreement lets fewer words make the match."""
    weekdays_named = _weekdays_named(candidates)
    if not weekdays_named:
        return None
    score_of = _scorer(index)
    best: tuple[float, dt.date, str, dt.date | None] | None = None
    for c in candidates:
        weekday = weekdays_named.get((c.source.paragraph_index, c.source.mention_start))
        if c.edtf != "XXXX-XX-XX" or weekday is None:
            continue
        pool = index.sharing_any_year(c.keywords) if year is None else \
            index._sharing(c.keywords, f"{year:04d}-01-01", f"{year:04d}-12-31", index._postings)
        # An event sharing several of the rare words is in the pool once for each: judged once
        # (the first time; a tie never replaces the best).
        for event in {id(e): e for e in pool}.values():
            if event.granularity != "day":
                continue  # most of a year's events, told apart without reading their dates
            day = _calendar_day(event.edtf)
            if day is None or day.weekday() != weekday:
                continue
            filed = _on_dateline(day, dateline_day) if dateline_day else None
            if dateline_day and filed is None:
                continue
            shared, plain = similarity(c.keywords, event.keywords)
            fewest, least = (3, 0.3) if filed else (5, 0.35)
            if shared < fewest or plain < least or index.has_article(event, article_name):
                continue
            score = score_of(EventCandidate(summary="", edtf=day.isoformat(), granularity="day", source=c.source,
                                            keywords=c.keywords), event)
            # An event the article is re-read out of has, for now, no other source to lend a day.
            other = next((s for s in event.sources if s.article != article_name), None)
            if other is not None and score is not None and (best is None or score > best[0]):
                best = (score, day, f"\u2018{c.source.mention_text}\u2019 matching \u2018{other.mention_text}\u2019 "
                                    f"({day.isoformat()}) in {other.article}", filed)
    if best is None:
        return None
    if best[3] is not None:
        published = best[3]
        how = f"{best[2]}; dateline \u2018{dateline_day[2]}\u2019"
    else:
        published = news_day(best[1], set(weekdays_named.values()))
        how = best[2] if published == best[1] else f"{best[2]}; published {published.isoformat()}, the day that " \
            f"makes the weekdays it names most recent"
    return Anchor(date=published, inferred_from=f"{basis}; {how}" if basis else how)


def pin_publication_day(anchor: Anchor, candidates: list[EventCandidate], weekdays: set[int]) -> Anchor:
    """Narrow a year-only anchor to a day when the article's latest date is a weekday it names."""
    days = []
    for c in candidates:
        core = strip_qualifiers(c.edtf)[0]
        if len(core) == 10 and not core.startswith("X"):
            try:
                days.append(dt.date.fromisoformat(core))
            except ValueError:
                continue
    if not days:
        return anchor
    latest = max(days)
    if latest.weekday() in weekdays:
        return Anchor(date=latest, inferred_from=f"{anchor.inferred_from}; latest date {latest.isoformat()} "
                                                 f"is the weekday the article names")
    return anchor


def pin_by_weekday(article_name: str, candidates: list[EventCandidate], index: EventIndex,
                   anchor: Anchor) -> Anchor | None:
    """Pin an undated article's publication day through a weekday it shares with a dated report.

    "Putin said on Tuesday" in an article whose year is known matches a dated
    event on a Tuesday only when the wording is close (several telling words in
    common, not just the names every story repeats). The article's other weekdays
    then resolve against the news day that Tuesday gives (`news_day`).
    """
    if anchor.year is None or anchor.date is not None:
        return None
    return _anchor_by_weekday(article_name, candidates, index, anchor.year, basis=anchor.inferred_from)

