"""Merge event candidates into the timeline's events, and infer years for undated articles.

Two reports are the same event when their dates are compatible (one contains
the other, or only an unknown year separates them) and their wording is
similar enough. How similar depends on how much the dates already say: two
reports of the same day need less shared wording than two reports of the same
year, and two different things that happened on the same day must stay apart.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from .dates import bounds, compatible, granularity, precision_rank, strip_qualifiers
from .types import Anchor, EventCandidate, MergedEvent


def similarity(a: frozenset[str] | set[str], b: frozenset[str] | set[str],
               weight: Callable[[str], float] = lambda _: 1.0) -> tuple[int, float]:
    """Shared keywords, and their weighted share of the smaller side.

    Weights come from how many events use a word, so that the names every story
    in a cluster repeats ("Taliban", "Afghanistan") count for less than the words
    that tell one event from another ("Kabul", "fled", "invaded").
    """
    shared = a & b
    smaller = min(sum(weight(k) for k in a), sum(weight(k) for k in b)) or 1.0
    return len(shared), sum(weight(k) for k in shared) / smaller


def _close_enough(candidate: EventCandidate, event: MergedEvent,
                  weight: Callable[[str], float] = lambda _: 1.0) -> float | None:
    """A merge score, or None when the candidate is not this event."""
    if not compatible(candidate.edtf, event.edtf):
        return None
    shared, weighted = similarity(candidate.keywords, event.keywords, weight)
    _, plain = similarity(candidate.keywords, event.keywords)
    same_value = strip_qualifiers(candidate.edtf)[0] == strip_qualifiers(event.edtf)[0]
    day_level = granularity(candidate.edtf) == "day" and granularity(event.edtf) == "day"
    if day_level:
        # Same day: a few words in common, telling ones or many, are enough.
        ok = shared >= 2 and (weighted >= 0.15 or plain >= 0.3)
    else:
        # A year or a week says little on its own: the wording must carry the match.
        ok = shared >= 3 and weighted >= 0.4 and plain >= 0.4
    if not ok:
        return None
    return weighted + plain + 0.05 * shared + (0.5 if same_value else 0)


class EventIndex:
    """The events known so far, findable by the dates a candidate could match."""

    def __init__(self, events: list[MergedEvent] | None = None) -> None:
        self.events: list[MergedEvent] = []
        self._by_year: dict[int, list[MergedEvent]] = defaultdict(list)
        self._by_month_day: dict[str, list[MergedEvent]] = defaultdict(list)
        self._df: Counter[str] = Counter()
        self._removed: set[int] = set()
        self.by_id: dict[int, MergedEvent] = {}
        for e in events or []:
            self.add(e)

    def add(self, event: MergedEvent) -> None:
        self.events.append(event)
        if event.id is not None:
            self.by_id[event.id] = event
        self._df.update(event.keywords)
        self._file(event)

    def add_keywords(self, event: MergedEvent, words: frozenset[str]) -> None:
        new = words - event.keywords
        event.keywords |= new
        self._df.update(new)

    def weight(self, word: str) -> float:
        return math.log((len(self.events) + 2) / (self._df.get(word, 0) + 1)) + 0.2

    def _file(self, event: MergedEvent) -> None:
        core = strip_qualifiers(event.edtf)[0]
        start, end = bounds(event.edtf)
        if start and end:
            for year in range(int(start[:4]), min(int(end[:4]), int(start[:4]) + 30) + 1):
                self._by_year[year].append(event)
        if len(core) >= 10 and core[4] == "-":
            self._by_month_day[core[5:10]].append(event)
        elif core[:4] == "XXXX" and len(core) >= 7:
            self._by_month_day[core[5:7]].append(event)

    def remove(self, event: MergedEvent) -> None:
        self._removed.add(id(event))
        if event.id is not None:
            self.by_id.pop(event.id, None)

    def refile(self, event: MergedEvent) -> None:
        """Index an event again after its date became more precise."""
        self._file(event)

    def nearby(self, edtf: str) -> list[MergedEvent]:
        core = strip_qualifiers(edtf)[0]
        seen: dict[int, MergedEvent] = {}
        if core.startswith("XXXX"):
            key = core[5:10] if len(core) >= 10 else core[5:7]
            pools = [self._by_month_day.get(key, [])]
        else:
            start, end = bounds(edtf)
            if not start or not end:
                return []
            pools = [self._by_year.get(y, []) for y in range(int(start[:4]), min(int(end[:4]), int(start[:4]) + 30) + 1)]
        for pool in pools:
            for e in pool:
                if id(e) not in self._removed:
                    seen[id(e)] = e
        return list(seen.values())


@dataclass
class MergeResult:
    events: list[MergedEvent]          # every event this batch of candidates touched
    merges: int                         # candidates folded into an event that was already there


def merge_events(candidates: list[EventCandidate], index: EventIndex) -> MergeResult:
    """Fold candidates into the index: into the best matching event, or as a new event."""
    touched: dict[int, MergedEvent] = {}
    merges = 0
    # Precise dates first, so that vaguer reports attach to the event they refine.
    for c in sorted(candidates, key=lambda c: precision_rank(c.edtf)):
        best, best_score = None, 0.0
        for event in index.nearby(c.edtf):
            # Two dates in one sentence are two events ("in 1979 ... the Afghan War (1978-1992)").
            if any(s.article == c.source.article and s.paragraph_index == c.source.paragraph_index
                   and s.sentence == c.source.sentence for s in event.sources):
                continue
            score = _close_enough(c, event, index.weight)
            if score is not None and score > best_score:
                best, best_score = event, score
        if best is None:
            event = MergedEvent(title=c.title, summary=c.summary, edtf=c.edtf, granularity=c.granularity,
                                sources=[c.source], keywords=set(c.keywords), needs_review=c.needs_review)
            index.add(event)
            touched[id(event)] = event
            continue
        merges += 1
        best.sources.append(c.source)
        index.add_keywords(best, c.keywords)
        if precision_rank(c.edtf) < precision_rank(best.edtf):
            best.edtf, best.granularity = c.edtf, c.granularity
            best.needs_review = c.needs_review
            index.refile(best)
        touched[id(best)] = best
    return MergeResult(events=list(touched.values()), merges=merges)


def infer_anchor(article_name: str, candidates: list[EventCandidate], index: EventIndex) -> Anchor | None:
    """An anchor for an undated article, borrowed from the dated events it shares.

    A month and day with an unknown year (`XXXX-08-15`) that matches a dated
    event (`2021-08-15`) with similar wording gives the article that year. If
    the article's latest full date then falls on a weekday it also names
    ("said Tuesday" and "on August 24", a Tuesday), that day is taken as the
    publication date, so its other weekdays can be resolved too.
    """
    votes: Counter[int] = Counter()
    evidence: dict[int, str] = {}
    for c in candidates:
        core = strip_qualifiers(c.edtf)[0]
        if not core.startswith("XXXX-") or core == "XXXX-XX-XX":
            continue
        for event in index.nearby(c.edtf):
            if event.edtf.startswith("X") or article_name in event.articles:
                continue
            if _close_enough(c, event, index.weight) is not None:
                year = int(event.edtf[:4])
                votes[year] += 1
                other = next((s for s in event.sources if s.article != article_name), None)
                if other and year not in evidence:
                    evidence[year] = (f"\u2018{c.source.mention_text}\u2019 matching \u2018{other.mention_text}\u2019 "
                                      f"in {other.article}")
    if not votes:
        return None
    year, _ = votes.most_common(1)[0]
    return Anchor(year=year, inferred_from=evidence.get(year, "other articles"))


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
