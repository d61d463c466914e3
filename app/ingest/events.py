"""From dated sentences to event candidates.

Every sentence of the body that places something on the calendar becomes a
candidate: a headline, the sentence as summary, the EDTF date and the exact
source (paragraph index and the date expression's character span).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache, partial

from .dates import UNKNOWN, WEEKDAY_NAMES, WEEKDAY_WORD, bounds, compatible, granularity, precision_rank
from .headline import HABIT_SINCE, ON_THIS_DAY_IN, SENTENCE_END, headline
from .temporal import FIGURES_AFTER, FUTURE_CUE, MONTH_WORD, SINCE_BEFORE, SPAN_JOINS, SPAN_OPENS, ZONE, find_mentions
from .types import Anchor, Article, EventCandidate, Mention, SourceRef

ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "capt", "st", "jr", "sr",
                 "co", "corp", "inc", "ltd", "no", "vs", "etc", "u.s", "u.n", "u.k", "e.g", "i.e", "jan",
                 "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "prof", "rev", "ft", "mt"}
SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"\u201d\u2019')]*\s+(?=[\"\u201c\u2018(]?[A-Z0-9])")
SAME_DAY = re.compile(r"\b(?:on )?(?:the same day|that same day|that day|the same date|the day before|the night before|"
                      r"(?:the following|the next|the previous) (?:day|morning|afternoon|evening|night)|"
                      r"(?:(?:later|earlier) )?that (?:day|morning|afternoon|evening|night))\b", re.I)

STOPWORDS = frozenset("""
a about above after again against all also although am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my
myself no nor not now of off on once only or other our ours ourselves out over own same she should so some
such than that the their theirs them themselves then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you your yours said
says say told tell added according mr mrs ms new one two three last next week year month day time told
president minister former also however since then may might must shall us per
monday tuesday wednesday thursday friday saturday sunday january february march april june july august
september october november december
""".split())
WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]+")

# News writes one thing many ways; fold the commonest variants onto one stem so
# that "invaded" finds "intervened" and "USSR" finds "Soviet Union".
CONCEPTS = {
    "ussr": "soviet", "soviets": "soviet", "intervened": "invad", "intervention": "invad",
    "intervene": "invad", "invasion": "invad", "invaded": "invad", "invade": "invad",
    "takeover": "seiz", "seized": "seiz", "captured": "seiz", "toppled": "seiz", "fell": "seiz",
    "control": "seiz", "swept": "seiz", "deposed": "seiz", "overran": "seiz", "stormed": "seiz",
    "conquered": "seiz", "seize": "seiz", "capture": "seiz",
    "withdrew": "withdr", "withdrawal": "withdr", "pullout": "withdr", "pulled": "withdr",
    "america": "us", "american": "us", "americans": "us", "u.s": "us", "washington": "us",
    "killed": "kill", "deaths": "kill", "died": "kill", "dead": "kill",
}


_TIME_ZONE_NEXT = re.compile(r"(?:\((?=\d)|[A-Z]{1,2}T|GMT|UTC|BST|CET|CEST|IST|JST|AEST|AEDT|"
                             r"(?:Eastern|Central|Mountain|Pacific|Atlantic|Alaska|Hawaii|local)\s+(?:time|[Ss]tandard|"
                             r"[Dd]aylight)|(?:Eastern|Central|Pacific)\b(?!\s+[A-Z])|"
                             # "at 6:30 p.m. Jan. 17", "at 9 a.m. Monday": the time's day
                             r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.\s*\d+|(?:January|February|March|April|May|"
                             r"June|July|August|September|October|November|December)\s+\d+|"
                             r"(?:" + "|".join(WEEKDAY_NAMES) + r")\b(?!\s+[A-Z]))\b")
MAX_SENTENCE = 1000  # characters: beyond, a "sentence" is a scrape that lost its punctuation
_LAST_WORD = re.compile(r"(?<![A-Za-z0-9])([A-Za-z.]+)[.!?][\"\u201d\u2019')]*$")


@lru_cache(maxsize=4096)
def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans (start, end) in `text`, not breaking after abbreviations, and none longer
    than MAX_SENTENCE: a longer run is cut at a space. Everything made of a sentence (its words,
    a headline, the evidence stored with each of its dates) then stays small, whatever the input.

    Cached: an undated article is read again once its year is known."""
    spans = []
    start = 0
    for m in SENTENCE_BREAK.finditer(text):
        # The word before the break: its last few characters are enough (the whole run since the
        # last break made a paragraph of abbreviations quadratic).
        word = _LAST_WORD.search(text, max(start, m.start() - 40), m.start())
        if word and (word.group(1).lower().rstrip(".") in ABBREVIATIONS or len(word.group(1)) == 1):
            continue
        if word and word.group(1).lower() in ("a.m", "p.m") and _TIME_ZONE_NEXT.match(text, m.end()):
            continue  # "at 2:00 p.m. PT today": the zone belongs to the time
        spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return tuple(piece for s, e in spans if text[s:e].strip() for piece in _at_most(text, s, e))


def _at_most(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut != -1 else start + MAX_SENTENCE
        yield start, cut
        start = cut
        while start < end and text[start] == " ":
            start += 1
    if start < end:
        yield start, end


# Capitalised words that name no one and nowhere: titles before a name, calendar words, page furniture.
NOT_NAMES = STOPWORDS | ABBREVIATIONS | {
    "the", "a", "an", "sir", "dame", "lord", "lady", "prime", "chancellor", "king", "queen", "prince", "princess",
    "pope", "general", "senator", "governor", "mayor", "judge", "justice", "chief", "chair", "chairman",
    "chairwoman", "secretary", "deputy", "foreign", "speaker", "sheikh", "emir", "sultan", "ceo", "director",
    "commissioner", "ambassador", "professor", "officer", "sergeant", "captain", "colonel", "lieutenant",
    "police", "breaking", "update", "updated", "live", "exclusive", "analysis", "watch", "read", "photo",
    "video", "getty", "images", "reuters", "afp", "ap", "tass", "ok"}
NAME_KEY = 4  # letters: "Russian" is "Russia", "Afghan" "Afghanistan", "Israeli" "Israel"


# A word (as WORD reads them) that starts with a capital: found by the regex engine, not by a loop over every word
CAPITALISED = re.compile(r"(?<![A-Za-z'\u2019-])[A-Z][A-Za-z'\u2019-]+")


@lru_cache(maxsize=16384)
def names(text: str) -> frozenset[str]:
    """Who and where a text is about: the first letters of its capitalised words, past its first word
    (which is capitalised whatever it is).

    Two reports of one day that share a few words ("Floods killed 12 people in Italy", "Floods killed
    40 people in Libya") are two events when each names someone or somewhere, and neither's article
    names any of the other's."""
    first = WORD.search(text)
    if first is None:
        return frozenset()
    return frozenset(key for word in CAPITALISED.findall(text, first.end()) if (key := _key_of(word)))


# Each capitalised word's key, once: names are read from every paragraph, and the same names recur.
# Bounded (a few megabytes): the writer reads undated articles again, and its memory is the archive's index.
_NAME_KEYS: dict[str, str] = {}
_MAX_NAME_KEYS = 50_000


def _key_of(word: str) -> str:
    key = _NAME_KEYS.get(word)
    return _name_key(word) if key is None else key


def _name_key(word: str) -> str:
    """A capitalised word's key as a name ("Russian" -> "russ"), or "" if it names no one."""
    lw = word.lower().replace("\u2019", "'")
    if lw.endswith("'s"):
        lw = lw[:-2]
    key = "" if lw in NOT_NAMES else sys.intern(CONCEPTS.get(lw, lw)[:NAME_KEY])
    if len(_NAME_KEYS) < _MAX_NAME_KEYS:
        _NAME_KEYS[word] = key
    return key


@lru_cache(maxsize=16384)  # about 1,500 articles of sentences: a re-read or a wire copy comes soon after
def keywords(text: str) -> frozenset[str]:
    """Content-word stems that say what a sentence is about."""
    out = set()
    for w in WORD.findall(text):
        lw = w.lower().replace("\u2019", "'")
        if lw.endswith("'s"):
            lw = lw[:-2]
        if lw in STOPWORDS or len(lw) < 3:
            continue
        out.add(CONCEPTS.get(lw, lw[:6]))
    return frozenset(out)


# "SVB" and "Silicon Valley Bank", "IMF" and "International Monetary Fund": one name written two ways
ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z]{3,5}(?![A-Za-z])")
_JOINER = r"[ \t]+(?:(?:of|and|for|the|on|de|du|des|la)[ \t]+)?"
# Three or more capitalised words, small joining words allowed: where an acronym could be spelled out
CAPITALISED_RUN = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+(?:" + _JOINER + r"[A-Z][a-z]+){2,}(?![A-Za-z])")
_RUN_WORD = re.compile(r"[A-Z][a-z]+")


def spelled_out(article: Article) -> dict[str, tuple[str, frozenset[str]]]:
    """The acronyms an article spells out somewhere, each with the words it stands for and their keywords:
    {"SVB": ("Silicon Valley Bank", {"silico", "valley", "bank"})}. The first spelling in the text wins."""
    text = "\n".join(p.text for p in article.paragraphs)
    acronyms = set(ACRONYM.findall(text))
    if not acronyms:
        return {}
    out: dict[str, tuple[str, frozenset[str]]] = {}
    # One pass over the runs of capitalised words, each part of a run tried against the acronyms:
    # looking for each acronym through the whole text took minutes for a table of 20,000 tickers.
    for run in CAPITALISED_RUN.finditer(text):
        words = list(_RUN_WORD.finditer(text, run.start(), run.end()))
        for i in range(len(words)):
            for j in range(i + 3, min(len(words), i + 5) + 1):
                acronym = "".join(w.group(0)[0] for w in words[i:j])
                if acronym in acronyms and acronym not in out:
                    spelled = text[words[i].start():words[j - 1].end()]
                    out[acronym] = (spelled, keywords(spelled))
    return out


def _with_spelled_out(kw: frozenset[str], sentence: str, spelled: dict[str, tuple[str, frozenset[str]]]
                      ) -> frozenset[str]:
    """A sentence's keywords with both ways of writing the names it gives that its article spells out,
    so that "Regulators shut down SVB" finds "Silicon Valley Bank collapsed"."""
    extra: set[str] = set()
    for acronym, (words, their_keywords) in spelled.items():
        if acronym in sentence and re.search(r"(?<![A-Za-z])" + acronym + r"(?![A-Za-z])", sentence):
            extra |= their_keywords
        elif words in sentence:
            extra.add(acronym.lower())
    return kw | extra if extra else kw


def mentions_by_paragraph(article: Article, anchor: Anchor, again: dict[int, list[Mention]] | None = None
                          ) -> dict[int, list[Mention]]:
    """The temporal mentions of each paragraph against `anchor`. `again`: the mentions of an earlier reading,
    against another anchor; a paragraph is read again only if a mention of it depended on the anchor, or
    the paragraph before it, which it may count from ("A week earlier, ..."), now reads otherwise."""
    anchors = paragraph_anchors(article, anchor)
    mentions: dict[int, list[Mention]] = {}
    previous: list[Mention] = []
    changed = False
    for p in article.paragraphs:
        old = again.get(p.index) if again is not None else None
        if old is None or changed or any(m.relative for m in old):
            found = find_mentions(p.text, anchors.get(p.index, anchor), _countable(previous))
            changed = old is None or [m.edtf for m in found] != [m.edtf for m in old]
        else:
            found, changed = old, False
        mentions[p.index] = previous = found
    return _months_in_the_story_s_past(anchor, article, _entries_in_the_running_year(article, mentions))


TOLD_IN_THE_PAST = re.compile(r"\b(?:had|was|were|did|[a-z]{3,}ed)\b")
TOLD_AS_NOW = re.compile(r"\b(?:is|are|has|have|will|says|say)\b")
_A_MONTH_OR_DAY = re.compile(r"(\d{4})-(\d\d)((?:-\d\d)?~?)")


def _months_in_the_story_s_past(anchor: Anchor, article: Article, mentions: dict[int, list[Mention]]
                                ) -> dict[int, list[Mention]]:
    """"On 6 June 1944, Allied troops landed ... By the end of August, Paris had been liberated", published in
    June 2024: a month told in the past tense, right after a date of long ago, is in that date's year (or the
    next, when its months come round) and not in the months after the publication, which have not happened."""
    if anchor.date is None or article.published is None:
        return mentions  # (a borrowed date is too loose to say what is after it)
    then: tuple[int, int, str] | None = None  # the year and month of the last date of long ago, and its words
    for p in article.paragraphs:
        found = mentions.get(p.index) or []
        told_here = False
        for i, m in enumerate(found):
            shape = _A_MONTH_OR_DAY.fullmatch(m.edtf or "")
            if shape is None and not re.fullmatch(r"\d{4}", m.edtf or ""):
                continue
            if not m.relative:
                year = int(m.edtf[:4])
                long_ago = year < anchor.date.year - 1
                then = (year, int(m.edtf[5:7]) if len(m.edtf) >= 7 else 0, m.text) if long_ago else None
                told_here = long_ago
                continue
            if then is None or shape is None or m.granularity not in ("month", "day"):
                continue
            month = int(shape.group(2))
            start = p.text.rfind(". ", 0, m.start) + 1
            end = p.text.find(". ", m.end)
            sentence = p.text[start:end if end >= 0 else len(p.text)]
            last_day = bounds(m.edtf)[1]
            if last_day is None or dt.date.fromisoformat(last_day) <= anchor.date or not TOLD_IN_THE_PAST.search(sentence) \
                    or TOLD_AS_NOW.search(sentence) or FUTURE_CUE.search(sentence):
                continue
            year = then[0] + (month < then[1])
            edtf = f"{year:04d}-{shape.group(2)}{shape.group(3)}"
            found[i] = replace(m, edtf=edtf, value=m.value.replace(shape.group(1), f"{year:04d}", 1), relative=False,
                               how=f"\u2018{m.text}\u2019 in {year}, told in the past after \u2018{then[2]}\u2019")
        if not told_here and found:
            then = None  # the story has come back to its own time
    return mentions


ENTRY_MARK = re.compile(r"[ \t]*(?::|[\u2013\u2014-])[ \t]")


def _entries_in_the_running_year(article: Article, mentions: dict[int, list[Mention]]) -> dict[int, list[Mention]]:
    """A chronology's entries ("October 7, 2023: Hamas fighters cross into Israel ...", then "October 27:
    Israel launches ground operations ...") run on in the year of the last entry that named one, into the next
    year when the months come round again: the text's own year, before the publication's (a timeline published
    in April 2024 whose entries run on from "April 15, 2023" is in 2023 until its months come round) and before
    any year an undated one borrows from other articles."""
    last: tuple[int, str, str] | None = None  # the year, month and day, and the words of the last entry's date
    for p in article.paragraphs:
        found = mentions.get(p.index)
        if found and found[0].start == 0 and not found[0].relative and re.fullmatch(r"\d{4}", found[0].edtf or "") \
                and ENTRY_MARK.match(p.text, found[0].end):
            # "1948: David Ben-Gurion declares the State of Israel on May 14": the entry's days are in its year
            year = found[0].edtf
            mentions[p.index] = [found[0]] + [
                replace(m, edtf=year + m.edtf[4:], value=m.value.replace(m.edtf[:4], year, 1), relative=False,
                        how=f"\u2018{m.text}\u2019 in {year}, the year of the entry")
                if m.relative and m.granularity in ("day", "month") and _A_MONTH_OR_DAY.fullmatch(m.edtf or "")
                else m for m in found[1:]]
            continue
        if not found or found[0].start != 0 or found[0].granularity != "day" or found[0].edtf is None \
                or not ENTRY_MARK.match(p.text, found[0].end):
            continue
        first = found[0]
        if not first.relative and _CALENDAR_DAY.fullmatch(first.edtf):
            last = (int(first.edtf[:4]), first.edtf[5:], first.text)
        elif last is not None and re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d", first.edtf):
            year = last[0] + (first.edtf[5:] < last[1])
            edtf = f"{year:04d}{first.edtf[4:]}"
            mentions[p.index] = [replace(first, edtf=edtf, value=edtf, relative=False, inferred=False,
                                         how=f"\u2018{first.text}\u2019 in {year}, as the entries run on from "
                                             f"\u2018{last[2]}\u2019"), *found[1:]]
            last = (year, first.edtf[5:], last[2])
    return mentions


def _countable(mentions: list[Mention]) -> tuple[Mention, ...]:
    """The dates of a paragraph that the next one may count from."""
    return tuple(m for m in mentions if m.edtf is not None and m.type in ("DATE", "TIME"))[-3:]


def paragraph_anchors(article: Article, anchor: Anchor) -> dict[int, Anchor]:
    """What the paragraphs of a chronology ("1979: Soviet invasion", then "Soviet troops invade Afghanistan
    on 24 December ...") are read against: the date of the heading above them. An article is a chronology
    when two of its paragraphs or more are such headings; any other article's paragraphs are read against
    its own date (`anchor`) and are not in this map."""
    headings = _headings(article)
    if len(headings) < 2:
        return {}
    anchors: dict[int, Anchor] = {}
    current: Anchor | None = None
    paragraphs = article.paragraphs
    for n, p in enumerate(paragraphs):
        if p.index in headings:
            # A run of dated lines ("Key dates: • Aug. 1, 2022 – First ship leaves Odesa", ...) is a list of
            # entries, each whole: what follows the list is the story again, not under its last line.
            in_run = (n + 1 < len(paragraphs) and paragraphs[n + 1].index in headings) \
                or (n > 0 and paragraphs[n - 1].index in headings)
            current = None if in_run else _heading_anchor(headings[p.index], anchor)
        elif current is not None:
            anchors[p.index] = current
    return anchors


def _headings(article: Article) -> dict[int, str]:
    """A chronology's headings by paragraph (short lines only: a heading is a dozen words at most)."""
    return {p.index: p.text for p in article.paragraphs if len(p.text) < 160 and CHRONOLOGY_HEADING.match(p.text)}


def _heading_anchor(heading: str, anchor: Anchor) -> Anchor | None:
    date = next((m for m in find_mentions(CHRONOLOGY_HEADING.match(heading).group("date"), anchor)
                 if m.edtf and not m.edtf.startswith("X")), None)
    if date is None or date.granularity not in ("day", "month", "year"):
        return None
    year = int(date.edtf[:4])
    day = dt.date.fromisoformat(date.edtf[:10]) if date.granularity == "day" else None
    return Anchor(date=day, year=year, day_first=anchor.day_first, heading=heading)


def article_names(article: Article) -> frozenset[str]:
    return names(article.title).union(*(names(p.text) for p in article.paragraphs))


def sentence_names(sentence: str, named: frozenset[str]) -> frozenset[str]:
    """A sentence's names, with its first word when the article names it elsewhere: "Microsoft reported
    first-quarter earnings on Thursday" names Microsoft in an article that says "shares of Microsoft"."""
    own = names(sentence)
    first = CAPITALISED.match(sentence, len(sentence) - len(sentence.lstrip()))
    if first is None:
        return own
    key = _key_of(first.group())
    return own | {key} if key and key in named and key not in own else own


def extract_events(article: Article, mentions: dict[int, list[Mention]],
                   named: frozenset[str] | None = None) -> list[EventCandidate]:
    """`named`: the article's `article_names`, when they are known already."""
    candidates: list[EventCandidate] = []
    last_day: tuple[str, Mention] | None = None
    named = article_names(article) if named is None else named
    spelled = spelled_out(article)
    for paragraph in article.paragraphs:
        text = paragraph.text
        para_mentions = mentions.get(paragraph.index, [])
        if not any(m.places_event for m in para_mentions) and (last_day is None or not SAME_DAY.search(text)):
            continue  # nothing here can become an event: no need to read its sentences
        sentences = split_sentences(text)
        # Each sentence looks only at the mentions starting inside it (a file that is one paragraph
        # of a megabyte has thousands of both). The tagger gives them in text order already.
        para_mentions = sorted(para_mentions, key=lambda m: m.start)
        starts = [m.start for m in para_mentions]
        for n, (s_start, s_end) in enumerate(sentences):
            sentence = text[s_start:s_end]
            inside = _counted_from_a_day(_periods_ended(_spans_of_days(
                [m for m in para_mentions[bisect_left(starts, s_start):bisect_right(starts, s_end)] if m.end <= s_end],
                text, s_start), text), text)
            inside = _told_twice(_compared(_years_naming_which(_reported_periods(inside, text), text), text), text)
            inside = _told_after(_told_in_another_zone(inside, text), text, s_end)
            placed = [m for m in inside if m.places_event]
            spans = [(m.start - s_start, m.end - s_start) for m in inside if m.places_event or m.type != "DURATION"]
            if not placed and last_day is not None:
                same = SAME_DAY.search(sentence)
                if same:
                    placed_same = _same_day(same, s_start, last_day)
                    if placed_same:
                        placed = [placed_same]
                        spans = spans + [(same.start(), same.end())]
            if not placed:
                continue
            kw = keywords(sentence)
            quote_start = _quote_opened_before(text, sentences, n)
            if quote_start is not None:
                # '"... conflict. I think this is going on there," Putin said Tuesday.': what was
                # said is the whole quote, so its words say what the event is about.
                kw = kw | keywords(text[quote_start:s_start])
            if spelled:
                kw = _with_spelled_out(kw, sentence, spelled)
            for m in placed:
                edtf = m.edtf or UNKNOWN
                source = SourceRef(
                    article=article.name, paragraph_index=paragraph.index,
                    mention_start=m.start, mention_end=m.end, mention_text=m.text,
                    sentence=sentence.strip(), edtf=edtf, how=m.how, inferred=m.inferred)
                candidates.append(EventCandidate(
                    make_title=partial(_title_for, sentence, m, s_start, tuple(spans)),
                    summary=sentence.strip(), edtf=edtf, granularity=granularity(edtf),
                    source=source, keywords=kw, names=sentence_names(sentence, named), article_names=named,
                    needs_review=edtf.startswith("XXXX") or m.inferred))
                if granularity(edtf) == "day" and not edtf.startswith("X"):
                    last_day = (edtf, m)
    return _on_this_day(article, _headings_told_by_their_entries(article, candidates))


# A column of what happened on its own date in years past: "Today in History: December 7", "On this day"
ON_THIS_DAY = re.compile(r"\b(?:today|this day|on this date|on this day) in history\b|^on this (?:date|day)\b", re.I)
_ENTRY_YEAR = re.compile(r"(?:" + ON_THIS_DAY_IN.pattern + r"|(?:(?:And|But|Also),? )?[Ii]n )(\d{3,4}),")


def _on_this_day(article: Article, candidates: list[EventCandidate]) -> list[EventCandidate]:
    """In such a column an entry's year ("In 1787, Delaware became the first state to ratify the U.S.
    Constitution.") is the column's day in that year: 7 December 1787. The column's day is the one its title
    names, else its publication's."""
    if not (ON_THIS_DAY.search(article.title)
            or any(len(p.text) < 40 and ON_THIS_DAY.match(p.text) for p in article.paragraphs)):
        return candidates
    named = [m for m in find_mentions(article.title, article.anchor)
             if m.granularity == "day" and m.edtf and _CALENDAR_DAY.fullmatch(m.edtf)]
    day = dt.date.fromisoformat(named[0].edtf) if named else article.published
    if day is None:
        return candidates
    out = []
    for c in candidates:
        entry = _ENTRY_YEAR.match(c.source.sentence)
        if entry and c.granularity == "year" and c.edtf == entry.group(1) and c.source.mention_text == entry.group(1) \
                and int(c.edtf) < day.year:
            try:
                edtf = dt.date(int(c.edtf), day.month, day.day).isoformat()
            except ValueError:  # 29 February in a year without one
                edtf = None
            if edtf:
                how = f"\u2018{c.source.mention_text}\u2019 in a column of what happened on {day.day} {day:%B} in years past"
                c = replace(c, edtf=edtf, granularity="day", source=replace(c.source, edtf=edtf, how=how))
        out.append(c)
    return out


def _headings_told_by_their_entries(article: Article, candidates: list[EventCandidate]) -> list[EventCandidate]:
    """A chronology's heading ("1979: Soviet invasion") names the event its entry tells ("Soviet troops invade
    Afghanistan on 24 December"): when the entry dates an event within the heading's date, the heading is that
    event's, its words added to the entry's, not an event of its own."""
    headings = _headings(article)
    if len(headings) < 2:
        return candidates
    by_paragraph: dict[int, list[EventCandidate]] = {}
    for c in candidates:
        by_paragraph.setdefault(c.source.paragraph_index, []).append(c)
    told: set[int] = set()  # ids of the heading candidates an entry tells
    replaced: dict[int, EventCandidate] = {}
    for index in headings:
        heading = by_paragraph.get(index, [])
        if len(heading) != 1:
            continue
        entry = next((c for c in by_paragraph.get(index + 1, []) if compatible(heading[0].edtf, c.edtf)
                      and precision_rank(c.edtf) <= precision_rank(heading[0].edtf)), None)
        if entry is not None:
            told.add(id(heading[0]))
            replaced[id(entry)] = replace(entry, keywords=entry.keywords | heading[0].keywords)
    return [replaced.get(id(c), c) for c in candidates if id(c) not in told]


# "1979: Soviet invasion", "15 August 2021 - Taliban retake Kabul", "Dec. 24, 1979 — Soviet troops invade": an
# entry of a chronology, its date first, then a colon or a dash, and a few words
_HEADING_YEAR = r"(?:1\d{3}|20\d{2})"
_CALENDAR_DAY = re.compile(r"\d{4}-\d\d-\d\d")
CHRONOLOGY_HEADING = re.compile(
    # a fixture list's "Saturday 9 December: Aston Villa v Arsenal (17:30)" too
    r"^(?:(?:" + "|".join(WEEKDAY_NAMES) + r"),?\s+)?"
    r"(?P<date>\d{1,2}(?:st|nd|rd|th)? " + MONTH_WORD + r"(?: " + _HEADING_YEAR + r")?"
    r"|" + MONTH_WORD + r" \d{1,2}(?:st|nd|rd|th)?(?:, " + _HEADING_YEAR + r")?"
    r"|(?:" + MONTH_WORD + r" )?" + _HEADING_YEAR + r")"
    # a heading is no sentence: "Aug. 10: President Joe Biden declares a major disaster." is an entry whole
    r"\s*(?::|\s[-\u2013\u2014])\s+(?=\S)(?!.*[.!?]\s*\S*$)(?:\S+\s*){1,12}$")
# "postponed from March 3 to March 9": two dates of a move, not a span
MOVED = re.compile(r"\b(?:moved|postponed|delayed|rescheduled|pushed (?:back|forward)|brought forward|shifted|"
                   r"changed|advanced|put off|bumped|switched|extended|deferred)\b", re.I)


def _spans_of_days(mentions: list[Mention], text: str, sentence_start: int) -> list[Mention]:
    """Two dates told as a span ("from Dec. 22, 2018, to Jan. 25, 2019", "between March 3 and March 9, 2020")
    are one event over the span, not two events each on one day. The tagger keeps them two mentions, as
    TimeML marks them."""
    out: list[Mention] = []
    for m in mentions:
        first = out[-1] if out else None
        opens = None
        if (first is not None and first.granularity in ("day", "month") and m.granularity in ("day", "month")
                and first.edtf and m.edtf and not first.edtf.startswith("X") and not m.edtf.startswith("X")
                and "T" not in first.edtf + m.edtf and first.edtf < m.edtf
                and (SPAN_JOINS.fullmatch(text, first.end, m.start)
                     and (opens := SPAN_OPENS.search(text, max(0, first.start - 12), first.start))
                     # "the July-September period": two months joined by a dash are one stretch, no "from" before them
                     or first.granularity == m.granularity == "month" and text[first.end:m.start] in ("-", "\u2013"))
                and not MOVED.search(text, sentence_start, first.start)):
            # "between" goes with the span, as in "between 2013 and 2017"; "from" stays a preposition
            start = opens.start() if opens and opens.group(0).lower().startswith("between") else first.start
            first = _weekday_within_a_week_of(first, m)
            out[-1] = Mention(start=start, end=m.end, text=text[start:m.end], type="DATE",
                              value=f"{first.value}/{m.value}", edtf=f"{first.edtf}/{m.edtf}", granularity="range",
                              relative=first.relative or m.relative, inferred=first.inferred or m.inferred,
                              how="; ".join(h for h in (first.how, m.how) if h))
        else:
            out.append(m)
    return out


# "oil climbed to its highest since November", "the first rate rise since 2007": a date right after "since",
# where a superlative says what it is compared with, is the yardstick, not when anything happened
# "its biggest product launch since the Apple Watch in 2015": since a thing, dated, with no verb of its own
# ("since a fire tore through its roof on April 15, 2019" tells the fire)
# ("since the 2008 financial crisis": the year names the thing)
_SINCE_THING_BEFORE = re.compile(r"\bsince[ \t]+(?:(?:(?!(?:was|were|is|are|has|had|tore|took|hit|fell|won|lost|began|broke|"
                                 r"came|went|made|struck|[a-z]{2,}ed)\b)[\w'\u2019.-]+[ \t]+){1,7}(?:in|on|of|at[ \t]+the)"
                                 r"|the)[ \t]+$")
_SUPERLATIVE = (r"(?:highest|lowest|biggest|largest|smallest|strongest|weakest|fastest|slowest|steepest|sharpest|"
                r"deepest|warmest|hottest|coldest|wettest|driest|greatest|longest|shortest|cheapest|richest|poorest|"
                r"heaviest|busiest|quietest|worst|best|most|least|fewest|first|only|deadliest|costliest|bloodiest|"
                r"hardest|toughest|closest|tightest|fiercest|severest)")
COMPARED_BEFORE_SINCE = re.compile(
    r"(?:\b(?:the|its|their|his|her|our|a|an|this|that)|['\u2019]s)[ \t]+(?:(?:second|third|fourth|fifth)-)?"
    + _SUPERLATIVE + r"\b(?:[ \t]+(?:[\w-]+-day|single-day|one-day|monthly|weekly|annual|quarterly|daily|yearly|"
    r"such|rate|interest|price|level|levels|figure|figures|point|points|reading|drop|fall|rise|gain|loss|decline|"
    r"increase|jump|surge|slump|pace|time|month|week|year|quarter|day|total|number|margin|close|finish|showing|"
    r"result|results|performance|win|victory|defeat|cut|cuts|hike|hikes|reduction|reductions))"
    # "the largest platforms since late August" is no yardstick: what since qualifies is the applying
    r"{0,3}(?:[ \t]+(?:against|versus|on|in|for|among|at)(?:[ \t]+[\w'\u2019.-]+){1,3})?[ \t]+$"
    # "the deadliest quake since 1960", "the worst flooding in the region since 1953": a disaster's rank, whatever it is
    r"|(?:\b(?:the|its|their|his|her|our|a|an)|['\u2019]s)[ \t]+(?:deadliest|costliest|bloodiest|worst|severest|fiercest|"
    r"most[ \t]+(?:destructive|powerful|devastating|severe|intense))(?:[ \t]+[\w'\u2019-]+){0,5}[ \t]+$"
    # "a first league win here since 2009": what is first is counted since, whatever it is
    r"|(?:\b(?:the|its|their|his|her|our|a|an)|['\u2019]s)[ \t]+first(?:[ \t]+[\w'\u2019-]+){0,4}[ \t]+$"
    r"|\b(?:not(?:[ \t]+been)?[ \t]+seen|unseen|unchanged|at[ \t]+any[ \t]+(?:time|point))[ \t]+$", re.I)
# "its biggest product launch since the Apple Watch in 2015": a superlative of any thing, measured since another
SUPERLATIVE_THING = re.compile(r"(?:\b(?:the|its|their|his|her|our)|['\u2019]s)[ \t]+(?:(?:second|third)-)?" + _SUPERLATIVE
                               + r"(?:[ \t]+[\w.'\u2019-]+){0,10}[ \t]+$", re.I)  # ("of a U.S. bank")
# "making it the hottest day of the year so far": the period a superlative ranks within
SUPERLATIVE_OF = re.compile(r"(?:\b(?:the|its|their|his|her|our)|['\u2019]s)[ \t]+(?:(?:second|third)-)?"
                            r"(?!first\b|only\b)" + _SUPERLATIVE + r"[ \t]+[\w-]+(?:[ \t]+[\w-]+)?[ \t]+of[ \t]+$", re.I)


# "down from 75% a month ago", "compared with 735 in the whole of 2022": the figure the news is measured against
COMPARED_WITH_BEFORE = re.compile(
    r"(?:\b(?:up|down|higher|lower|rising|falling|rose|fell|increased|decreased|climbed|dropped)[ \t]+from[ \t]+"
    r"(?:about[ \t]+|around[ \t]+)?[$\u00a3\u20ac]?\d|\bcompared[ \t]+(?:with|to)\b|\bversus\b|\bvs\.)"
    r"(?:[^,;:.!?\n]|(?<=\d)\.(?=\d)){0,40}$"
    # "rose to $412 million, ..., from $367 million, or $1.06 per share, a year earlier"
    # but not a change from one figure to another, or a clause of its own after the figure: "rise from 10% to 8%
    # from April", "from £50,000, will take effect on 6 April"
    r"|\bfrom[ \t]+(?:[$\u00a3\u20ac]\d|\d[\d.,]*(?:%|pc\b|[ \t]+(?:percent|per[ \t]+cent|million|billion|trillion)\b))"
    r"(?:(?!\bto[ \t]+[$\u00a3\u20ac]?\d|\b(?:will|would|is|are|was|were|has|have|had)\b)(?:[^;:!?\n]|(?<=\d)\.(?=\d))){0,50}$"
    # "two quarters earlier than it forecast in November": the forecast the news is measured against
    r"|\bthan[ \t]+(?:it|they|he|she|we|the[ \t]+[a-z]+|[A-Z][\w-]*)[ \t]+(?:had[ \t]+)?(?:forecast|expected|predicted|"
    r"projected|estimated|planned|anticipated)(?:[ \t]+(?:in|on|at|back[ \t]+in))?[ \t]*$"
    # "beating its previous closing high from January 2022": the record the news breaks
    r"|\b(?:beat|beating|beats|surpass(?:ed|es|ing)?|top(?:ped|ping|s)?|eclips(?:ed|es|ing)|break(?:s|ing)?|broke)[ \t]+"
    r"(?:its|their|his|her|the)[ \t]+(?:previous|prior|old|last)[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:record|high|low|peak|best)"
    r"(?:[ \t]+(?:set|reached|hit))?(?:[ \t]+(?:from|of|in|on|at|back[ \t]+in))+[ \t]*$",
    re.I)
# "since records began in 1851", "in records dating back to 1880": when the record the news is measured on starts
RECORDS_BEGAN_BEFORE = re.compile(
    r"\b(?:since[ \t]+(?:(?:comparable|official|modern|reliable|such)[ \t]+)?(?:records|record-keeping|record[ \t]+keeping|"
    r"data|statistics|measurements|figures|the[ \t]+data)[ \t]+(?:began|started|were[ \t]+first[ \t]+(?:kept|collected|compiled)|"
    r"became[ \t]+available|(?:have|has)[ \t]+been[ \t]+kept|begun)|(?:records|data|statistics)[ \t]+(?:dating|going|that[ \t]+go)"
    r"[ \t]+back)[ \t]+(?:in[ \t]+|to[ \t]+)?$", re.I)
HABIT_SINCE_BEFORE = re.compile(r"\b" + HABIT_SINCE + r"\s+$", re.I)
# "fell 7.7 percent from a year earlier", "up 3% on the previous quarter": the period a figure is measured against
MEASURED_AGAINST_BEFORE = re.compile(r"\b(?:from|than|over|on|versus|vs\.?|against)[ \t]+$", re.I)
A_PERIOD_BACK = re.compile(r"(?:(?:a|one|the)[ \t]+(?:year|month|quarter|week)[ \t]+(?:earlier|before|ago)|"
                           r"(?:the[ \t]+)?(?:previous|prior|preceding|same)[ \t]+(?:year|month|quarter|week|period)|"
                           r"last[ \t]+(?:year|month|quarter))", re.I)
CHANGE_FROM_BEFORE = re.compile(r"\b(?:up|down|higher|lower|rose|fell|rising|falling|increased|decreased|grew|declined|"
                                r"climbed|dropped|jumped|slipped)[ \t]+(?:by[ \t]+)?[\d.,]+[ \t]*(?:%|percent|per[ \t]+cent|pc)"
                                r"[ \t]+(?:from|compared[ \t]+(?:with|to)|versus)[ \t]+(?:the[ \t]+)?$", re.I)
FROM_TO_AFTER = re.compile(r"[ \t]+(?:to|until|through)\b", re.I)
# "cut its forecast for the second time this year on Thursday": the year counts the cuts, the day dates this one
ORDINAL_TIME_BEFORE = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                                 r"\d+(?:st|nd|rd|th)|only)[ \t]+time[ \t]+(?:in[ \t]+|so[ \t]+far[ \t]+)?$", re.I)


def _compared(mentions: list[Mention], text: str) -> list[Mention]:
    """Dates a sentence measures its news against are no dates of the event: "World stocks fell on Thursday,
    the Nasdaq's biggest one-day drop since Jan. 31" happened on Thursday only. "For the first time since a
    fire tore through its roof on April 15, 2019" stays: that date is the fire's, told in a clause of its own."""
    def yardstick(m: Mention) -> bool:
        if MEASURED_AGAINST_BEFORE.search(text, max(0, m.start - 12), m.start) and A_PERIOD_BACK.fullmatch(m.text):
            return True  # "fell 7.7 percent from a year earlier", "up 3% on the previous quarter"
        if CHANGE_FROM_BEFORE.search(text, max(0, m.start - 60), m.start) and not FROM_TO_AFTER.match(text, m.end) \
                and not re.search(r"\s(?:to|until|through)\s|[-\u2013]", m.text):
            return True  # "up 18% from the third quarter of 2022", not "rose 3% from March to April"
        since = SINCE_BEFORE.search(text, max(0, m.start - 16), m.start)
        if since is not None and COMPARED_BEFORE_SINCE.search(text, max(0, since.start() - 100), since.start()):
            return True
        since = _SINCE_THING_BEFORE.search(text, max(0, m.start - 60), m.start)
        if since is not None and SUPERLATIVE_THING.search(text, max(0, since.start() - 100), since.start()):
            return True
        if RECORDS_BEGAN_BEFORE.search(text, max(0, m.start - 80), m.start):
            return True  # a record's start says nothing of when the news happened
        if COMPARED_WITH_BEFORE.search(text, max(0, m.start - 80), m.start) \
                or SUPERLATIVE_OF.search(text, max(0, m.start - 60), m.start):
            return True
        return ORDINAL_TIME_BEFORE.search(text, max(0, m.start - 30), m.start) is not None and any(
            o is not m and o.places_event and o.edtf and m.edtf and o.edtf.startswith(m.edtf)
            and precision_rank(o.edtf) < precision_rank(m.edtf) for o in mentions)
    # "opens its new term on Monday, as it has since 1917": when a habit began is no date of this time either; the
    # headline leaves it out with its words
    mentions = [replace(m, edtf=None) if m.places_event and HABIT_SINCE_BEFORE.search(text, max(0, m.start - 40), m.start)
                else m for m in mentions]
    return [m for m in mentions if not (m.places_event and yardstick(m))]


# "In 1979, on December 24,", "Fifty years ago this week, shortly before midnight on 11 June 1974,": one time
# told twice, the second time more closely
TOLD_AGAIN_BETWEEN = re.compile(r"[ \t]*(?:,[ \t]*|\([ \t]*)?(?:(?:(?:shortly|just|soon|right|late|early)[ \t]+)?"
                                r"(?:before|after)[ \t]+|on[ \t]+|in[ \t]+|at[ \t]+)?")
_NEAR = dt.timedelta(days=7)
COUNTED_THEN = re.compile(r"[ \t]+(?:later|earlier|afterwards?)\b", re.I)
MONTH_WORD_IN = re.compile(MONTH_WORD)


IN_BRACKETS_AFTER = re.compile(r"[ \t]*\([ \t]*")
A_ZONE = re.compile(ZONE)


def _told_in_another_zone(mentions: list[Mention], text: str) -> list[Mention]:
    """"touched down at 00:20 Japan time on Saturday (15:20 GMT on Friday)": one moment on two clocks, an event
    once, on the first."""
    again = [b for a, b in zip(mentions, mentions[1:]) if a.places_event and b.places_event and b.type == "TIME"
             and IN_BRACKETS_AFTER.fullmatch(text, a.end, b.start) and A_ZONE.search(b.text) is not None]
    return [m for m in mentions if m not in again] if again else mentions


# "..., police said on Sunday.": the day of the telling, closing the sentence
TOLD_ON_BEFORE = re.compile(r",[ \t]+(?:[\w.'\u2019-]+[ \t]+){0,6}?(?:said|says|told[ \t]+[\w-]+|announced|reported|added|"
                            r"confirmed|stated)[ \t]+(?:on[ \t]+)?(?:(?:late|early)[ \t]+)?$")
AS_OF_BEFORE = re.compile(r"\bas[ \t]+of[ \t]+$", re.I)


def _told_after(mentions: list[Mention], text: str, sentence_end: int) -> list[Mention]:
    """"The man was found dead on Saturday, police said on Sunday": the news happened on Saturday; Sunday is only
    when it was told, and an event of its own would repeat Saturday's headline on the wrong day. What is told to
    come ("the storm will make landfall on Wednesday, forecasters said on Tuesday") keeps the telling's day: the
    forecast is news that day."""
    if len(mentions) < 2:
        return mentions
    told = mentions[-1]
    if not (told.places_event and told.granularity == "day" and told.edtf and _CALENDAR_DAY.fullmatch(told.edtf)
            and TOLD_ON_BEFORE.search(text, max(0, told.start - 80), told.start)
            and SENTENCE_END.fullmatch(text, told.end, sentence_end)):
        return mentions
    # ("124.35 million as of Oct. 1, 2023, the ministry said on April 12": a count's day; the telling is the news)
    done = [m for m in mentions[:-1] if m.places_event and m.edtf and _CALENDAR_DAY.fullmatch(m.edtf)
            and m.edtf <= told.edtf and not AS_OF_BEFORE.search(text, max(0, m.start - 8), m.start)]
    # kept as a date that places nothing, so the headline still leaves it out
    return [*mentions[:-1], replace(told, edtf=None)] if done else mentions


def _told_twice(mentions: list[Mention], text: str) -> list[Mention]:
    """A date followed, in the same breath, by a closer one within it is that closer date: "In 1979, on December
    24, Soviet troops invaded" happened on 24 December 1979 only. The first keeps its place in the text, so the
    headline still leaves it out."""
    out = list(mentions)
    for i in range(len(out) - 1):
        wide, close = out[i], out[i + 1]
        counted = COUNTED_THEN.match(text, wide.end)  # "a year later": the count's signal is not in its text
        # (an entry's year and a day within it: "1948: David Ben-Gurion declares the State of Israel on May 14")
        entry = wide.start == 0 and ENTRY_MARK.match(text, wide.end) is not None and i == 0
        if not (wide.places_event and close.places_event and wide.edtf and close.edtf
                and (entry or TOLD_AGAIN_BETWEEN.fullmatch(text, counted.end() if counted else wide.end, close.start))
                and (precision_rank(close.edtf) < precision_rank(wide.edtf)
                     # "next Thursday, 30 May": the calendar's day, whichever Thursday "next" meant
                     or granularity(wide.edtf) == granularity(close.edtf) == "day" and WEEKDAY_WORD.search(wide.text)
                     and MONTH_WORD_IN.search(close.text))):
            continue
        if counted and not close.relative:
            # "less than a year later, on 3 October 1990": the count said roughly what the calendar says exactly.
            # Kept as a date that places nothing, so the headline still leaves it out.
            out[i] = replace(wide, edtf=None, type="DATE")
            continue
        (lo, hi), (c_lo, c_hi) = bounds(wide.edtf), bounds(close.edtf)
        if None in (lo, hi, c_lo, c_hi):
            continue
        if dt.date.fromisoformat(lo) - _NEAR <= dt.date.fromisoformat(c_lo) \
                and dt.date.fromisoformat(c_hi) <= dt.date.fromisoformat(hi) + _NEAR:
            out[i] = replace(wide, edtf=None)
    # "Last week, the Ever Given ran aground in the canal on 23 March": the week, told first, is the day's
    for i, wide in enumerate(out):
        if not (wide.places_event and wide.relative and wide.edtf
                and wide.granularity in ("week", "month", "range", "season") and WEEK_OR_MONTH_TOLD.fullmatch(wide.text)):
            continue
        lo, hi = bounds(wide.edtf)
        for close in out[i + 1:]:
            if not (close.places_event and close.edtf and precision_rank(close.edtf) < precision_rank(wide.edtf)):
                continue
            c_lo, c_hi = bounds(close.edtf)
            if None not in (lo, hi, c_lo, c_hi) and lo <= c_lo and c_hi <= hi \
                    and not CLAUSE_CUT.search(text, wide.end, close.start):
                out[i] = replace(wide, edtf=None)
            break
    return out


WEEK_OR_MONTH_TOLD = re.compile(r"(?:(?:last|this|earlier this|late last|early last)[ \t]+"
                                r"(?:week|month|spring|summer|autumn|fall|winter)|"
                                r"(?:earlier|later)[ \t]+(?:this|that)[ \t]+(?:week|month))", re.I)
CLAUSE_CUT = re.compile(r"[ \t]and[ \t]|;|[ \t]but[ \t]|,[ \t]+(?:while|whereas|when|after|before|as|since)[ \t]")


def _weekday_within_a_week_of(first: Mention, last: Mention) -> Mention:
    """"from 9am on Wednesday until 9pm on Friday", published on a Tuesday: the Wednesday before that Friday, not
    the one gone by (a weekday alone is read as past; "until" made the Friday the coming one)."""
    if not (first.relative and WEEKDAY_WORD.search(first.text) and first.granularity == "day" and "T" not in first.edtf
            and last.granularity == "day"):
        return first
    day, until = dt.date.fromisoformat(first.edtf[:10]), dt.date.fromisoformat(last.edtf[:10])
    weeks = (until - day).days // 7
    if (until - day).days % 7 == 0:
        weeks -= 1  # "from Friday to Friday 15 December": the Friday before it, no span of one day
    if weeks < 1 or "T" in last.edtf:
        return first
    moved = (day + dt.timedelta(weeks=weeks)).isoformat()
    return replace(first, edtf=moved, value=moved + first.value[10:])


# "reported fourth-quarter earnings", "third-quarter results are due", "results for the March quarter":
# a period that results are given for, not when they are given
_REPORTS = r"(?:results|earnings|figures|numbers|report|accounts|statements?|guidance|forecasts?|outlook)"
_MEASURES = r"(?:profits?|loss|losses|revenues?|sales)"
REPORTING_VERB_BEFORE = re.compile(r"\b(?:report|post|announc|releas|publish|issu|deliver|unveil)(?:s|ed|es|ing|e)?"
                                   r"[ \t]+(?:(?:its|their|the)[ \t]+)?$", re.I)
REPORTS_FOR_BEFORE = re.compile(r"\b" + _REPORTS + r"[ \t]+for[ \t]+(?:(?:its|their|the)[ \t]+)?$", re.I)
REPORTS_AFTER = re.compile(r"(?:[ \t]+quarter)?[ \t]+" + _REPORTS + r"\b", re.I)
MEASURES_AFTER = re.compile(r"[ \t]+" + _MEASURES + r"\b", re.I)


def _reported_periods(mentions: list[Mention], text: str) -> list[Mention]:
    """A period that results are given for, in a sentence that says when they are given, is no date of
    the event ("Apple reported fourth-quarter earnings on Thursday": Thursday). Its words stay in the
    headline. Alone in its sentence it is the best date there is, and stays; "fourth-quarter revenue
    rose 5%, it said on Thursday" keeps both: the revenue rose in the quarter."""
    def reported(m: Mention) -> bool:
        if not m.places_event or m.granularity == "day":
            return False
        if REPORTS_FOR_BEFORE.search(text, max(0, m.start - 40), m.start):
            return True  # "results for the March quarter"
        if m.granularity not in ("quarter", "half"):
            return False
        return bool(REPORTS_AFTER.match(text, m.end) or (
            MEASURES_AFTER.match(text, m.end) and REPORTING_VERB_BEFORE.search(text, max(0, m.start - 30), m.start)))

    periods = [m for m in mentions if reported(m)]
    if not periods or len(periods) == sum(m.places_event for m in mentions):
        return mentions
    return [m for m in mentions if m not in periods]


# "the 2023 Nobel Peace Prize", "its 2024 budget": a year before a noun, naming which one
YEAR_NAMING_WHICH = re.compile(r"[ \t]+(?!(?:was|were|is|has|had|will|saw|brought)\b)(?:[A-Z][\w'\u2019-]*|[a-z]{3,})\b")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|his|her|their|this|that|a|an)[ \t]+$", re.I)
POSSESSIVE_AFTER = re.compile(r"['\u2019]s?[ \t]+[a-z]")
# "recalling 340,000 SUVs made between 2019 and 2021 ..., it said on Monday": which SUVs, not when it happened
MADE_WHEN_BEFORE = re.compile(r"\b[A-Za-z]{2,}s[ \t]+(?:made|built|manufactured|produced|sold|registered|bought|issued)"
                              r"[ \t]+(?:between|in|from|during|before|after|since)?[ \t]*$")


# "Medvedev, the 2021 champion,": a year before a title someone holds names who, never when the news happened
YEAR_NAMING_WHO = re.compile(r"[ \t]+(?:[\w-]+[ \t]+)?(?:champions?|winners?|runners?-up|finalists?|nominees?|candidates?|"
                             r"laureates?|graduates?|class|MVP|rookies?|recruits?|draft|intake|cohort|model)\b")


def _years_naming_which(mentions: list[Mention], text: str) -> list[Mention]:
    """A year naming which thing ("won the 2023 Nobel Peace Prize on Friday") is no date of the event when
    the sentence gives one within it: the prize was won on Friday, not over 2023 as well."""
    named = [m for m in mentions if m.places_event and m.granularity == "year" and m.edtf and m.edtf.isdigit()
             and _DETERMINER_BEFORE.search(text, max(0, m.start - 8), m.start) and YEAR_NAMING_WHICH.match(text, m.end)]
    # "will look to the November retail sales report on Thursday": the month the figures are for
    months = [m for m in mentions if m.places_event and m.granularity == "month" and m.edtf
              and _DETERMINER_BEFORE.search(text, max(0, m.start - 8), m.start) and FIGURES_AFTER.match(text, m.end)]
    # "The January transfer window opens on 1 January": the month names which window; the day dates the news
    months += [m for m in mentions if m.places_event and m.granularity == "month" and m.edtf and m not in months
                and _DETERMINER_BEFORE.search(text, max(0, m.start - 8), m.start) and YEAR_NAMING_WHICH.match(text, m.end)
                and any(o.granularity == "day" and o.edtf and o.edtf[5:7] == m.edtf[5:7] for o in mentions)]
    # "fears grew early Sunday of a repeat of last winter's attacks": a date's possessive names which attacks,
    # as "SUVs made between 2019 and 2021" which SUVs
    owners = [m for m in mentions if m.places_event and m.edtf and (POSSESSIVE_AFTER.match(text, m.end)
                                                                     or MADE_WHEN_BEFORE.search(text, max(0, m.start - 40), m.start))]
    if not named and not owners and not months:
        return mentions
    within = [m for m in mentions if m.places_event and m not in named and m not in owners and m not in months
              and m.edtf]
    dropped = [y for y in named if any(m.edtf[:4] == y.edtf and precision_rank(m.edtf) < precision_rank(y.edtf)
                                       for m in within) or within and YEAR_NAMING_WHO.match(text, y.end)]
    dropped += [o for o in owners if any(precision_rank(m.edtf) < precision_rank(o.edtf) for m in within)]
    dropped += months if within else []
    return [m for m in mentions if m not in dropped] if dropped else mentions


# "the quarter ended Sept. 30", "the fiscal year ending June 30", "the three months to September":
# a reporting period, told by its last day or month
PERIOD = re.compile(r"the (?:(?:fiscal|financial|calendar) )?(?:(?:first|second|third|fourth|latest|last) )?"
                    r"(?P<unit>quarter|half|year|(?P<count>three|six|nine|twelve|3|6|9|12) months)", re.I)
PERIOD_ENDED = re.compile(r"[ \t]+(?:ended|ending|to(?:[ \t]+the[ \t]+end[ \t]+of)?)[ \t]+")
_PERIOD_MONTHS = {"quarter": 3, "half": 6, "year": 12, "three": 3, "six": 6, "nine": 9, "twelve": 12,
                  "3": 3, "6": 6, "9": 9, "12": 12}
_CALENDAR_MONTH = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])")
FROM_BEFORE = re.compile(r"\bfrom[ \t]+$", re.I)


def _periods_ended(mentions: list[Mention], text: str) -> list[Mention]:
    """A reporting period and the day or month it ended are one event over the period's months: "revenue
    for the quarter ended Sept. 30" is July to September, whatever quarter "the quarter" alone would be,
    and "the three months to September" (as British statistics say it) the same."""
    out: list[Mention] = []
    for m in mentions:
        period = out[-1] if out else None
        shape = PERIOD.fullmatch(period.text) if period is not None else None
        last = m.edtf and (_CALENDAR_DAY.fullmatch(m.edtf) and m.granularity == "day"
                           or _CALENDAR_MONTH.fullmatch(m.edtf) and m.granularity == "month")
        joined = shape and last and PERIOD_ENDED.fullmatch(text, period.end, m.start)
        # "moved from the first quarter to March": from one time to another, not a period up to March
        if joined and joined.group(0).strip().startswith("to") and FROM_BEFORE.search(text, max(0, period.start - 8), period.start):
            joined = None
        if joined:
            months = _PERIOD_MONTHS[(shape.group("count") or shape.group("unit")).lower()]
            year, month = int(m.edtf[:4]), int(m.edtf[5:7])
            first_year, first_month = divmod(year * 12 + month - months, 12)
            edtf = f"{first_year:04d}-{first_month + 1:02d}/{m.edtf[:7]}"
            out[-1] = Mention(start=period.start, end=m.end, text=text[period.start:m.end], type="DATE",
                              value=edtf, edtf=edtf, granularity="quarter" if months == 3 else "range",
                              relative=m.relative, inferred=m.inferred,
                              how=f"the {months} months to \u2018{m.text}\u2019" + (f"; {m.how}" if m.how else ""))
        else:
            out.append(m)
    return out


# "two days after Thanksgiving", "a week before March 3", "the day after Christmas": a count from a day
COUNT_BEFORE_A_DAY = re.compile(
    r"(?<![A-Za-z])(?:(?P<the>the[ \t]+day)|(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
    r"[ \t]+(?P<unit>day|week)s?)[ \t]+(?P<dir>after|before)[ \t]+$", re.I)
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10}


def _counted_from_a_day(mentions: list[Mention], text: str) -> list[Mention]:
    """A day counted from another ("He died three days after Christmas") is that day, not the one it
    counts from. The tagger keeps the count and the day apart, as TimeML marks them."""
    out: list[Mention] = []
    for m in mentions:
        count = None
        if m.granularity == "day" and m.edtf and _CALENDAR_DAY.fullmatch(m.edtf):
            count = COUNT_BEFORE_A_DAY.search(text, max(0, m.start - 40), m.start)
        if count is None:
            out.append(m)
            continue
        n = 1 if count.group("the") else (_COUNTS.get(count.group("n").lower()) or int(count.group("n")))
        days = n * (7 if (count.group("unit") or "").lower() == "week" else 1)
        after = count.group("dir").lower() == "after"
        day = (dt.date.fromisoformat(m.edtf) + dt.timedelta(days=days if after else -days)).isoformat()
        if out and out[-1].type == "DURATION" and out[-1].start >= count.start():
            out.pop()  # the count itself, now part of this day
        told = text[count.start():count.end()].strip()
        out.append(Mention(start=count.start(), end=m.end, text=text[count.start():m.end], type="DATE",
                           value=day, edtf=day, granularity="day", relative=m.relative, inferred=m.inferred,
                           how=f"{told} \u2018{m.text}\u2019" + (f"; {m.how}" if m.how else "")))
    return out


def _quote_opened_before(text: str, sentences: tuple[tuple[int, int], ...], n: int) -> int | None:
    """Where the quotation this sentence closes was opened, if in an earlier sentence."""
    s_start, s_end = sentences[n]
    if text.count("\u201d", s_start, s_end) <= text.count("\u201c", s_start, s_end):
        return None
    opened = text.rfind("\u201c", 0, s_start)
    return opened if opened != -1 and opened >= sentences[0][0] else None


def _same_day(match: re.Match, offset: int, last_day: tuple[str, Mention]) -> Mention | None:
    """`On the same day` takes the date of the last day-precise date before it."""
    edtf, prev = last_day
    phrase = " ".join(match.group(0).lower().split()).removeprefix("on ")
    shift = 1 if phrase.startswith(("the following", "the next")) else \
        -1 if phrase.startswith(("the previous", "the day before", "the night before")) else 0
    try:
        day = (dt.date.fromisoformat(edtf[:10]) + dt.timedelta(days=shift)).isoformat()
    except ValueError:
        return None
    return Mention(start=offset + match.start(), end=offset + match.end(), text=match.group(0),
                   type="DATE", value=day, edtf=day, granularity="day", relative=True,
                   inferred=prev.inferred, how=f"\u2018{match.group(0)}\u2019 refers back to \u2018{prev.text}\u2019")


PAREN_RANGE_SUBJECT = re.compile(r"((?:[A-Z][\w'\u2019.-]*\s+){0,5}[A-Z][\w'\u2019.-]*)\s*\($")


def _title_for(sentence: str, mention: Mention, offset: int, spans: tuple[tuple[int, int], ...]) -> str:
    """A range in parentheses names the span of what precedes it: `Afghan War (1978–1992)`."""
    if mention.granularity == "range":
        before = sentence[:mention.start - offset]
        m = PAREN_RANGE_SUBJECT.search(before)
        if m:
            subject = re.sub(r"^(?:The|the|during|During|in|In)\s+", "", m.group(1))
            return f"{subject} ({mention.text})"
    focus = (mention.start - offset, mention.end - offset)
    return _headline(sentence, spans, focus) or sentence[:90]


@lru_cache(maxsize=16384)
def _headline(sentence: str, spans: tuple[tuple[int, int], ...], focus: tuple[int, int]) -> str:
    """Cached: an undated article is read again once its year is known, and wire copies repeat sentences."""
    return headline(sentence, list(spans), focus=focus)
