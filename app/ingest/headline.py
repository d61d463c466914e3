"""Short readable headlines (at most 90 characters) made from a news sentence.

A timeline card needs "Putin: Moscow will not interfere in Afghanistan's
domestic affairs", not the first 90 characters of the lede. The rules here
rewrite attribution ("X said that Y" -> "X: Y"), drop the date phrase (the card
shows the date already), parentheticals and leading subordinate clauses, and
shorten at clause boundaries rather than mid-phrase.
"""

from __future__ import annotations

import re

MAX_LEN = 90

SPEECH_VERBS = (r"said|says|told [A-Z][\w.]*(?: [A-Z][\w.]*)*|told (?:reporters|journalists|lawmakers|legislators|MPs)|"
                r"announced|warned|stressed|noted|declared|added|"
                r"revealed|insisted|claimed|confirmed|stated|argued|explained|asserted|estimated|reported|"
                r"recalled|judged|vowed|pledged")
LEAD_ATTRIBUTION = re.compile(
    r"^(?P<who>[A-Z][^,;:\"\u201c]{2,80}?)\s+(?:" + SPEECH_VERBS + r")"
    # "The United Nations said in a report released Thursday that ...", "Musk said on social media that ...":
    # where it was said, then what
    r"(?:\s+(?:in|on|at|to|during)\s+[\w\s.'\u2019-]{2,60}?(?=\s+that\b)|\s+on)?\s+"
    # "said that about 1,000 people ...", but not "said about the plan" or "said on Monday"
    r"(?:that\s+|(?!(?:against|about|of|on|in|for|to|at(?! least)|with|by|from)\b))(?P<what>[^\"\u201c].{15,})$")
TAIL_ATTRIBUTION = re.compile(
    r"^(?P<what>.{15,}?)[,\u201d\"]+\s+(?P<who>(?:the\s+)?[A-Z][^,;:]{1,80}?|he|she|they|it)\s+(?:" + SPEECH_VERBS
    + r")\b.*$")
# A speaker is a noun phrase: one that runs into "after the company" is a clause, and the saying is in another
SUBORDINATE_SPEAKER = re.compile(r"\s(?:after|before|when|because|while|since|until|as|if|though|although|once)\s+"
                                 r"(?:the|a|an|its|his|her|their|he|she|it|they|we|[A-Z])")
QUOTE_LEAD = re.compile(r"^[\"\u201c](?P<quote>[^\"\u201d]{5,})[\"\u201d]?[,.]?[\"\u201d]?\s+(?P<rest>.+)$")
OPENING_PARTICIPLE = (r"(?:Born|Raised|Educated|Trained|Founded|Built|Elected|Appointed|Located|Based|Named|Released|"
                      r"Launched|Established|Created|Formed|Signed|Written|Captured|Arrested|Injured|Wounded|Backed)")
LEADING_CLAUSE = re.compile(
    r"^(?:after|since|when|while|as|although|though|following|meanwhile|however|but|and|yet|moreover|furthermore|"
    r"on the same day|at the time|then|in addition|also|earlier|later|previously)\b"
    # "Since then it has fallen steadily, to 2.6%": an adverb, then the main clause, which stays
    r"(?!\s+(?:then|that)\s+[a-z])[^,]{0,120},\s*"
    r"|^(?:since|after|until|by|before) (?:then|that)\s+(?=[a-z])"
    # "Weeks after the assassination of Martin Luther King Jr., she won her first case": counted from
    # another event, before the subject
    r"|^(?:(?:just|only|barely|nearly|almost|about|some|a few|several|a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|\d+)\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+(?:after|before)\b"
    r"[^,]{0,120},\s*"
    # "Born in Leeds, she moved ...": a participle's phrase before the subject
    r"|^" + OPENING_PARTICIPLE + r"\b[^,]{0,120},\s*"
    # "Speaking to reporters, ..." but not "Fighting erupted again in the capital, ...": a gerund subject
    r"|^[A-Z][a-z]+ing\b(?!\s+(?:\w+ed|is|was|were|has|had|have|will|would|broke|began|spread|rose|fell|hit|"
    r"left|took|came|grew|went|continues|remains)\b)[^,]{0,60},\s*", re.I)
# A past participle opening a phrase ("gutted by a blaze", "built in 1962"): regular ones, and common irregular ones
PARTICIPLE = (r"(?:(?!(?:need|indeed|succeed|proceed|exceed|embed|red|bed|shed|seed|feed|speed|bred|wed|led)\b)"
              r"[a-z]{3,}ed|built|born|written|taken|given|held|made|sold|won|begun|struck|seen|chosen|drawn|torn|"
              r"sworn|shown|thrown|hidden|forgotten|stolen|frozen|broken|spoken)")
# "The deal, first announced in May 2022, ...": a participle told with when
ADVERB_BEFORE_PARTICIPLE = r"(?:(?:first|originally|initially|later|also|newly|recently|previously|widely|long)\s+)?"
# Up to a comma that ends a phrase, not one inside a number ("$3,499")
_PHRASE = r"(?:[^,]|,(?=\d{3}\b))"
_PHRASE_END = r",(?!\d{3}\b)"
# where someone is from, as British courts give it; a name's age
_ADDRESS = r",\s+of\s+(?:no\s+fixed\s+(?:address|abode)|[A-Z]" + _PHRASE + r"{0,40}?)" + _PHRASE_END
_AGE = r",\s+\d{1,3}" + _PHRASE_END + r"(?=\s)"
APPOSITIVE = re.compile(
    r",\s+(?:recognized|known|designated|outlawed|banned|described|listed|based|led|headed|who|which|whose|"
    r"once|then|a|an)\b" + _PHRASE + r"{0,150}" + _PHRASE_END
    # "the helicopter, carried under the rover's belly, will fly": a participle's phrase set off by commas
    # (a participle alone before another is a verb: "the Rana Plaza building, near Dhaka, collapsed, killing")
    + r"|,\s+" + ADVERB_BEFORE_PARTICIPLE + PARTICIPLE + r"\b(?!,\s+[a-z]+ing\b)" + _PHRASE + r"{0,90}" + _PHRASE_END
    # "The film opened on 21 July, the same day as Oppenheimer, prompting ...": what else happened that day
    + r"|,\s+the\s+same\s+(?:day|night|week|month|year|time)\s+as\s" + _PHRASE + r"{0,60}?(?=,|$)"
    # "Jane Goodall, the primatologist whose studies ..., has died": after a name, with a relative pronoun
    + r"|(?<=[a-z]),\s+the\s" + _PHRASE + r"{0,60}?\b(?:who|whose|which)\b" + _PHRASE + r"{0,90}" + _PHRASE_END
    # "The cut, from 10% to 8%, will take effect": a change of figures set off by commas
    + r"|,\s+from\s+[$\u00a3\u20ac]?\d" + _PHRASE + r"{0,30}?\s+to\s+[$\u00a3\u20ac]?\d" + _PHRASE + r"{0,30}?" + _PHRASE_END
    # after a name: "Daniel Moss, of no fixed address, appeared", "Bankman-Fried, 32, was"
    + r"|(?<=[a-z])(?:" + _ADDRESS + "|" + _AGE + ")")
AGE_OR_ADDRESS = re.compile(_ADDRESS + "|" + _AGE)
# "Sam Bankman-Fried, the founder of the collapsed FTX exchange, was sentenced": what someone named is, before the verb
NAME_THEN_WHAT = re.compile(r"(?P<name>\b[A-Z][\w'\u2019.-]*[a-z]),\s+(?:the|a|an)\s" + _PHRASE + r"{0,80}" + _PHRASE_END
                            + r"(?=\s+(?:was|were|is|are|has|had|have|will|would|died|[a-z]{3,}ed)\b)")
# "The head of Russian diplomacy, Sergei Lavrov, warned" -> "Sergei Lavrov warned"
# "India's first solar observatory, Aditya-L1, was placed" -> "Aditya-L1 was placed"
# (a noun phrase, with no verb: in "The House voted to expel Rep. George Santos, R-N.Y., making" the name is the object's)
NAMED_APPOSITIVE = re.compile(r"^(?:The|the|A|a|[A-Z][\w.-]*['\u2019]s) "
                              r"(?:(?!\b(?:was|were|is|are|has|had|have|will|would|[a-z]{3,}ed)\b)[^,]){3,60}, (?P<name>[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}), ")
RELATIVE_START = re.compile(r"^(?:where|when|which|who|whom|as|after|while|and|but|in reference to|with)\s+", re.I)
# "as it has since 1917": when a habit began
HABIT_SINCE = r"as\s+(?:it|they|he|she|we)\s+(?:has|have)(?:\s+done)?(?:\s+every\s+\w+)?\s+since"
PREPOSITION_BEFORE = re.compile(r"(?:\b(?:(?:early |late )?on(?: the)?|(?:at|by|from|until|till|before|after)\s+(?:about|around|approximately|"
                                r"roughly|some|just\s+(?:after|before))|in|into|at|since|during|by|from|until|till|to|through|of|for|"
                                r"back in|between|starting|beginning|effective|ending|"
                                r"as of|early|late|"
                                r"over|around|circa|"
                                r"(?:(?:shortly|just|soon|right|long|immediately)\s+)?(?:before|after)|"
                                r"as (?:early|late|recently|long ago|far back) as|"
                                # "opens its new term on Monday, as it has since 1917": the habit goes with its date
                                r",?\s*" + HABIT_SINCE + "|"
                                r"(?:(?:on|in|during|by)\s+)?the\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening|night|week|"
                                r"weekend)\s+of)\s+"
                                r"(?:(?:its|his|her|their|our)\s+)?)$",  # "in its fiscal first quarter"
                                re.I)
# "..., the company said in a filing with U.S. regulators on Monday": the clause only says who said it, and where
# "in a statement", "on social media": where something was said, and nothing more
_SAID_WHERE = r"(?:in|to|at|during|on)\s+[^,;]{0,60}"
SAID_ONLY = re.compile(r"\b(?:" + SPEECH_VERBS + r")(?:\s+that\b|(?:\s+" + _SAID_WHERE + r")?\W*$)")
SAID_WHERE = re.compile(_SAID_WHERE + r"\W*$")
VERBLESS_PHRASE = re.compile(r"(?:on|in|at|of|during|for|from|over|within|through|throughout|by|around|near|ahead of|"
                             r"before|after|amid|despite|with|without|under)\s", re.I)
# Where a long headline may be cut, strongest boundaries first; within a group the longest cut that fits wins.
CLAUSE_BREAKS = (
    (", which", ", who", ", when", ", while", ", as ", ", after", ", saying", ", noting", ", declaring",
     ", adding", "; ", " \u2014 ", " - "),
    (", but", ", and", ", where", " after ", " while ", " as ", " when ", " because ", " whereas ",
     " although ", " if "),
    (", ", " including ", " with "),
    (" to ", " on ", " in ", " for ", " about ", " over ", " at ", " from ", " by "),
)
TITLES = re.compile(r"\b(?:President|Prime Minister|Minister|Deputy|Foreign|Secretary|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|"
                    r"General|Gen\.|Chancellor|King|Queen|Senator|Sen\.|Governor|Gov\.)\b")


# "the 25 September election", "the 2021 attack": a short date that can name which noun
ATTRIBUTIVE_DATE = re.compile(r"(?:[Tt]he )?(?:\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+\.? \d{1,2}(?:[-\u2013]\d{1,2})?|\d{4})")
POSSESSIVE = re.compile(r"['\u2019]s\s")
ONWARDS = re.compile(r"^(?:onwards?|afterwards)\b\s*")
COUNTED = re.compile(r"(?:day|week|month|year|decade|hour)s?$")
CONJUNCTION = re.compile(r"\s*(?:and|but|or|which|who|while|as|when|where)\b")
US_DATE_END = re.compile(r"[A-Za-z.]+\s+\d{1,2},\s*\d{4}$")
LATER = re.compile(r"^(?:later|earlier)\b\s*")
DANGLING_AND = re.compile(r"(?:\s*,)*\s+(?:and|or)\s*(?=[.;:!?]|$)")
DANGLING_COMMA = re.compile(r"\s*,(?:\s*,)*\s*(?=[.;:!?]|$)")


# "on Tuesday and Wednesday", "from Monday to Friday": two dates told as one stretch go together, with their joiner
JOINED_DATES = re.compile(r"(?:\s*,)?\s+(?:and|or|to|through|until|till)\s+(?:on\s+)?|\s*[-\u2013]\s*")


LISTED_YEAR = re.compile(r"(?<=\d),[ \t]+")


def _joined(sentence: str, spans: list[tuple[int, int]], lists: bool = False) -> list[tuple[int, int]]:
    """Dates told together ("Tuesday and Wednesday", "2011-2013") as one span; with `lists`, years listed
    with commas too ("in 1995, 2007 and 2019")."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and (JOINED_DATES.fullmatch(sentence, joined[-1][1], start) or lists and sentence[start].isdigit()
                       and LISTED_YEAR.fullmatch(sentence, joined[-1][1], start)):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


# A date that is its clause's subject: at its start (after a reporting verb, or a comma), and before the verb
SUBJECT_DATE_BEFORE = re.compile(r"(?:^|[,;:]\s+|\b(?:that|say|says|said|warn|warns|warned|think|thinks|believe|"
                                 r"believes|expect|expects|fear|fears|predict|predicts|onwards?)\s+)$")
SUBJECT_DATE_VERB = re.compile(r"[ \t]+(?:was|were|is|are|will|would|could|might|may|has|had|have|saw|marked|"
                               r"brought|proved|became|remains|looks|promises)\b")


def _drop_spans(sentence: str, spans: list[tuple[int, int]]) -> str:
    out = sentence
    # "who also won in 1995, 2007 and 2019, held on": a list goes whole, and the comma closing its clause stays
    for start, end in sorted(_joined(sentence, spans, lists=True), reverse=True):
        before = out[:start]
        if POSSESSIVE.match(out, end):
            # "in last month's election" -> "in the election": the date names which one
            out = before + ("The" if not before.strip() else "the") + out[end + 2:]
            continue
        if ATTRIBUTIVE_DATE.fullmatch(out, start, end) and re.match(r"[ \t]+[a-z]{3,}\b", out[end:]) \
                and (out.startswith(("the ", "The "), start) or re.search(r"\b(?:[Tt]he|its|their|his|her|our)\s+$", before)) \
                and not re.match(r"[ \t]+" + _VERB, out[end:]):
            # "in the 25 September election" -> "in the election", "at the end of its Dec. 12-13 meeting" -> "of its
            # meeting": a date before its noun names which one
            article = "" if re.search(r"\b(?:[Tt]he|its|their|his|her|our)\s+$", before) \
                else ("The " if not before.strip() else "the ")
            out = before + article + out[end:].lstrip(" \t")
            continue
        if SUBJECT_DATE_BEFORE.search(before) and SUBJECT_DATE_VERB.match(out, end):
            continue  # "Last year was the world's warmest", "Scientists say 2024 could be hotter": the date is the subject
        if out[start:end].lower() == "recent" and re.search(r"\b(?:most|more)[ \t]+$", before):
            continue  # "the most recent on Oct. 24": an adjective, graded
        m = PREPOSITION_BEFORE.search(before, max(0, start - 64))  # it ends the text: its tail is enough
        if m:
            before = before[:m.start()]
        elif COUNTED.search(out, start, end) or re.search(r"\b(?:ago|earlier|later)$", out[start:end]):
            before = re.sub(r"(?:^|\s+)(?:only|just|barely|nearly|almost|some|exactly|precisely)[ \t]*$", " ", before,
                            flags=re.I)  # "only two years ago", "Exactly a year ago,"
        following = ONWARDS.sub("", out[end:].lstrip(" "))  # "from 1986 onwards"
        # "on Tuesday (December 5) afternoon": the part of the day goes with the day told twice
        following = re.sub(r"^\)[ \t]+(?:morning|afternoon|evening|night)\b", ")", following)
        if COUNTED.search(out, start, end):
            following = LATER.sub("", following)  # "two days later": the date counted
        # "The blaze on April 15, 2019, destroyed": the comma is the year's, not one closing a phrase
        # ("The bill, passed on May 3, 2023, now goes") or before a clause ("..., 2021, and crowds")
        # (but "124.35 million as of Oct. 1, 2023, the ministry said": the comma before who told it stays)
        if following.startswith(",") and "," not in before and US_DATE_END.search(out, start, end) \
                and not CONJUNCTION.match(following, 1) and not TOLD_BY_AFTER.match(following):
            following = following[1:].lstrip(" ")
        # A comma before the date goes only when the date ended the clause ("in Kabul, on Tuesday.");
        # before a word it closes an earlier clause ("The bill, which ... passed, now goes").
        before = before.rstrip(" ,") if not following or following[0] in ".;:!?)" else before.rstrip(" ")
        if not following.strip(" .!?\"'\u201d"):
            # "Its next meeting is Jan. 30-31": the date was what it is
            before = re.sub(r"(?<=\w)[ \t]+(?:is|are|was|were|will[ \t]+be)[ \t]*$", "", before)
        # Keep the comma after a dropped date unless the date opened the sentence.
        after = following if before else following.lstrip(" ,:\u2013\u2014-")  # "15 August 2021 - Taliban retake Kabul"
        if before.endswith(",") and after.startswith(","):  # a date set off by commas: "The Taliban, on Sunday, took"
            # but one comma stays before a phrase about what came first: "for 35 days, the longest closure"
            before, after = before[:-1], after[1:].lstrip(" ")
            if NOUN_OBJECT.match(after):
                before += ","
        if re.search(r"(?:^|\s)[Aa]$", before) and re.match(r"[aeioAEIO]", after):
            before += "n"  # "a 1960 earthquake" -> "an earthquake"
        elif re.search(r"(?:^|\s)[Aa]n$", before) and re.match(r"[b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z]", after) \
                and not re.match(r"[Hh]o(?:ur|nou?r|nest)", after):
            before = before[:-1]  # "an Aug. 5, 2024, trial date" -> "a trial date"
        out = before + (" " if before and after and after[0] not in ".,;:!?" else "") + after
    if spans:  # "he lost in 2007, 2013 and 2017": a list of dates leaves its commas and its "and"
        out = DANGLING_COMMA.sub("", DANGLING_AND.sub("", out))
    return out


REPORTED_CLAUSE_END = re.compile(r"[,;]|\s(?:and|but)\s")
CLAUSE_START = re.compile(r"(?:[A-Z]|(?:it|he|she|they|we|i|there)\b)")  # what a reported clause opens with
NOUN_OBJECT = re.compile(r"(?:a|an|the|its|their|his|her)\s", re.I)
# "The Senate confirmed Julia Marsh as ...", "announced Ange Postecoglou as its coach": someone put in a post
NAMED_AS = re.compile(r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,4}\s+as\s+(?:the|its|their|a|an|his|her)\b")
TOLD_BY_AFTER = re.compile(r",[ \t]+(?:[\w.'\u2019-]+[ \t]+){1,6}?(?:said|says|told|reported|announced)\b")
REPORTING = re.compile(r"\b(?:said|says|told)\b|\bthat $")
AUXILIARY_END = re.compile(r"(?:\s+(?:had|has|have|was|were|is|are|would|will|also|later|earlier|again|previously|"
                           r"first|then|already|repeatedly|publicly))+$")


COMPANY_ENDINGS = {"Corp", "Inc", "Ltd", "Co", "Group", "LLC", "Plc", "PLC", "AG", "SA", "NV", "Bank", "Holdings",
                   "Company", "Corporation", "Agency", "Ministry", "Institute", "Council", "Party", "Union",
                   # plurals that end a company's name and no one's surname: "Orbit Motors", not "Motors"
                   "Motors", "Airlines", "Airways", "Lines", "Systems", "Technologies", "Industries", "Partners", "Networks",
                   "Communications", "Pharmaceuticals", "Therapeutics", "Laboratories", "Labs", "Foods", "Stores",
                   "Brands", "Resources", "Services", "Enterprises", "Solutions", "Products", "Semiconductors", "Bros"}


INSTITUTION_WORDS = {"Statistics", "Ministry", "Department", "Office", "Agency", "Police", "Council", "Court", "Commission",
                     "Committee", "Board", "Bureau", "Institute", "University", "Parliament", "Senate", "Congress",
                     "Army", "Government", "Association", "Union", "Federation", "Service", "House", "Street", "Yard",
                     "Watch", "International", "Organization", "Organisation", "Authority", "Centre", "Center",
                     "Foundation", "Fund", "Party", "Network", "Command", "Forces", "Guard", "Survey"}


COMPANY_COMMA = re.compile(r",(?= (?:Inc|Ltd|LLC|Corp|Co|Plc|PLC|L\.P|LP|N\.V|S\.A|AG|SE)\b)")
# "And on this date in 2012, a gunman opened fire ...": the column's day, told with the year
ON_THIS_DAY_IN = re.compile(r"(?:(?:And|But|Also),?\s+)?[Oo]n\s+this\s+(?:date|day)\s+in\s+")


def _short_speaker(who: str) -> str:
    """`Russian President Vladimir Putin` -> `Putin`; a plain noun phrase stays."""
    who = AUXILIARY_END.sub("", who.strip())  # "Mining companies had (warned)"
    words = who.split()
    if words and words[-1].rstrip(".") in COMPANY_ENDINGS:
        return re.sub(r"^[Tt]he ", "", who)  # "Acme Corp", not "Corp"
    if len(words) >= 2 and words[0] in ("The", "the"):  # an institution, not a person's title and name
        rest = words[1:]
        return " ".join(rest) if all(w[:1].isupper() for w in rest) else who  # "United Nations", "the ministry"
    caps = [w for w in words if w[:1].isupper()]
    if not TITLES.search(who) and any(w in INSTITUTION_WORDS for w in words):
        return who  # "Statistics Korea", "Human Rights Watch", "White House": no surname to keep
    if len(words) >= 2 and len(caps) == len(words) and (TITLES.search(who) or len(words) <= 4):
        return words[-1]
    if TITLES.search(who) and caps:
        return caps[-1]
    return who


def _shorten(text: str, limit: int = MAX_LEN) -> str:
    text = text.strip(" ,;:.")
    if len(text) <= limit:
        return text
    # The longest cut at a clause boundary that fits; strong boundaries first. Only boundaries near
    # enough to fit are looked at: a sentence of a megabyte (a file that is one long line) has
    # thousands of commas, and cutting at each was quadratic.
    for group in CLAUSE_BREAKS:
        cuts = [text[:end] for brk in group for i in _positions(text, brk, limit + 200)
                for end in [_trimmed_end(text, i)] if 30 <= end <= limit
                and not re.search(r"\s(?:and|or)$", text[:end])  # "adviser from 1969 and as secretary": no "as" clause
                and not SCORE_COMMA.match(text, end - 1)]  # "beat Medvedev 6-3, 7-6, 6-3"
        if group is CLAUSE_BREAKS[-1]:
            # "The quake killed about 2,400 people and destroyed tens of thousands of buildings": the end of the
            # first of two verb phrases is as good a cut as a preposition
            cuts += [text[:m.start()] for m in SECOND_VERB.finditer(text, 0, limit + 20) if 30 <= m.start() <= limit]
        if cuts:
            cut = max(cuts, key=len)
            # "Fighting erupted in the capital, hours": a word or two after a comma is a fragment.
            comma = cut.rfind(", ")
            if comma >= 30 and len(cut[comma + 2:].split()) <= 2 and not SCORE_COMMA.match(cut, comma - 1):
                cut = cut[:comma]
            return cut
    # No clause boundary fits: stop before the last preposition that keeps it under the limit.
    words, length = [], -1
    for word in text.split():
        if length + 1 + len(word) > limit:
            break
        words.append(word)
        length += 1 + len(word)
    while len(words) > 4 and words[-1].lower() in {"the", "a", "an", "of", "to", "in", "on", "and", "or",
                                                   "for", "with", "by", "at", "from", "its", "their", "his",
                                                   "her", "that", "which", "as", "who", "where", "when", "whose"}:
        words.pop()
    return " ".join(words).rstrip(" ,;:")


def _trimmed_end(text: str, i: int) -> int:
    """Where `text[:i]` ends without the spaces and punctuation before `i` (its start has none)."""
    while i > 0 and text[i - 1] in " ,;:":
        i -= 1
    return i


def _positions(text: str, needle: str, stop: int) -> list[int]:
    """Where `needle` starts in `text`, up to `stop`."""
    out, i = [], text.find(needle, 0, stop + len(needle))
    while i != -1:
        out.append(i)
        i = text.find(needle, i + 1, stop + len(needle))
    return out


def headline(sentence: str, spans: list[tuple[int, int]] | None = None,
             focus: tuple[int, int] | None = None) -> str:
    """A headline for `sentence`; `spans` are date expressions to leave out of it.

    When the whole sentence will not fit, and `focus` (the date expression the
    event hangs on) sits in a later clause, that clause makes the headline.
    """
    # "Acme Robotics, Inc. (NASDAQ: ACMR) today announced": a company's comma is no clause's (same length, so that
    # the spans still fit; the spaces close up at the end)
    sentence = COMPANY_COMMA.sub(" ", sentence)
    if spans and (column := ON_THIS_DAY_IN.match(sentence)):
        spans = [(0, b) if a == column.end() else (a, b) for a, b in spans]
        focus = (0, focus[1]) if focus and focus[0] == column.end() else focus
    full = _headline(sentence, spans or [])
    if focus is None:
        return full
    if (owned := _possessive_day_phrase(sentence, focus)) is not None:
        return owned
    if any(b <= focus[0] for _, b in spans or []) and not _coordinated_part(sentence, spans or [], focus) \
            and (phrase := _dated_noun_phrase(sentence, focus)):
        # "... was sentenced Friday ... for his role in the 2021 attack on the US Capitol": the year dates
        # the attack; the sentence's own verb has its own date. A verb phrase of its own ("and won at
        # Arrowhead in the 2021 divisional round") is what its date tells, though.
        return phrase
    lead = _dateline(sentence)
    if lead and lead.end() <= focus[0]:  # its comma ("JACKSONVILLE, Fla. --") opens no clause
        sentence, spans, focus = _from(lead.end(), sentence, spans or [], focus)
    opening = OPENING_PHRASE.match(sentence)
    if opening and focus[1] <= opening.end() and (subject := SUBJECT_VERB.match(sentence[opening.end():])):
        # "Born in Leeds on 3 March 1935, she moved ...": what the date tells is that she was born
        clause = _drop_spans(sentence[:opening.end() - 2], [(a, b) for a, b in spans or [] if b <= opening.end()])
        return _headline(_passive(subject.group("subject"), clause[0].lower() + clause[1:]), [])
    if opening and focus[0] >= opening.end() and SUBJECT_VERB.match(sentence[opening.end():]):
        # "Born ... in Fürth, Germany, he fled Nazi persecution in 1938": the date is the main clause's
        sentence, spans, focus = _from(opening.end(), sentence, spans or [], focus)
        full = _headline(sentence, spans)
    role = DATED_ROLE.match(sentence)
    who = role and re.search(r"\s(?:who|which)\s+", sentence[role.start("role"):focus[0]])
    if role and who and focus[1] <= role.end("role"):
        # "Milei, a former television pundit who entered politics only two years ago, will take office": what the
        # date tells is what the one named did
        start = role.start("role") + who.end()
        shift = len(role.group("name")) + 1 - start
        return _headline(role.group("name") + " " + sentence[start:role.end("role")],
                         [(a + shift, b + shift) for a, b in spans or [] if start <= a and b <= role.end("role")])
    if role and role.start("role") <= focus[0] and focus[1] <= role.end("role") \
            and not _A_VERB.search(sentence, role.start("role"), role.end("role")):
        # "Paula Vennells, the Post Office's chief executive from 2012 to 2019, said ...": what the date tells is
        # the role she held
        name, offset = role.group("name"), role.start("role")
        verb = " has been " if re.search(r"\bsince\b", role.group("role")) else " was "
        shift = len(name) + len(verb) - offset
        return _headline(name + verb + role.group("role"),
                         [(a + shift, b + shift) for a, b in spans or [] if offset <= a and b <= role.end("role")])
    since_when = SINCE_WHEN.match(sentence, focus[1])
    if since_when and SINCE_OR_BACK_TO.search(sentence, 0, focus[0]):
        # "He has been in jail since August, when Kaplan revoked his bail": August is when the bail was revoked;
        # "precedents stretching back to 1978, when Justice Powell wrote ...", when Powell wrote
        when = since_when.group("clause")
        return _headline(when, [(a - since_when.start("clause"), b - since_when.start("clause")) for a, b in spans or []
                                if a >= since_when.start("clause") and b <= since_when.end("clause")])
    gapped = _gapped_figures(sentence, spans or [], focus)
    if gapped:
        return gapped
    part = _coordinated_part(sentence, spans or [], focus) or _subordinate_part(sentence, spans or [], focus)
    if part is not None and len(part.split()) > 1:  # "..., and again in November": "Again" says nothing alone
        return part
    # "who also won in 1995, 2007 and 2019": a date in a list is in the list's clause
    focus = next(((a, b) for a, b in _joined(sentence, spans or [], lists=True) if a <= focus[0] < b), focus)
    start = max(sentence.rfind(sep, 0, focus[0]) for sep in (", ", "; ", " \u2014 "))
    trailing = TRAILING_RELATIVE.search(sentence, focus[1])
    if trailing and any(trailing.end() <= a for a, _ in spans or []):
        # "He will be sworn in on Sept 14, succeeding Madam Halimah Yacob, whose six-year term ends on Sept 13":
        # the clause after the name has a date, and a headline, of its own
        return _headline(sentence[:trailing.start()], [(a, b) for a, b in spans or [] if b <= trailing.start()])
    if start <= 0:
        return full
    # "Hein Schumacher, who took over in July last year, said the group would ... by 2025": the date is
    # the main clause's, whose subject opens the sentence; the "who" clause has a date of its own
    first = sentence.find(", ")
    if 0 < first < start and sentence.startswith(("who ", "which "), first + 2) \
            and sentence.find(", ", first + 2) == start and re.match(_VERB + "|" + PRESENT_SPEECH, sentence[start + 2:]) \
            and _antecedent_of(sentence, first, spans or []):
        cut = start + 2 - (first + 1)
        return _headline(sentence[:first] + " " + sentence[start + 2:],
                         [(a - cut, b - cut) for a, b in spans or [] if a >= start + 2])
    end = min((i for i in (sentence.find(sep, focus[1]) for sep in (", ", "; ", " \u2014 ")) if i != -1),
              default=len(sentence))
    clause_spans = [(a - start - 2, b - start - 2) for a, b in (spans or []) if start + 2 <= a and b <= end]
    clause = _drop_spans(sentence[start + 2:end], clause_spans).strip()
    study = STUDY_PUBLISHED.match(clause)
    if study:
        # "..., according to a study by James Hansen published on Thursday in the journal ...": the study's publishing
        return _headline(_passive(study.group("study"), study.group("published")), [])
    if PRESENT_PARTICIPLE_START.match(clause) and "," not in sentence[:start]:
        # "Tharman has been elected Singapore's ninth president, winning 70.4 per cent of the vote in the Sept 1
        # election": a participle has no subject of its own; what it tells goes with the main clause, which heads it
        return full
    whose = re.match(r"whose\s+(?=\S)", clause)
    if whose and (owner := _antecedent_of(sentence, start, spans or [])):
        # "succeeding Madam Halimah Yacob, whose six-year term ends on Sept 13": her term ends then
        owner = owner[0].upper() + owner[1:]
        return _headline(owner + ("'" if owner.endswith("s") else "'s") + " " + clause[whose.end():], [])
    # "which flew ...", "who spent ...": a clause whose subject is the phrase before its comma
    about_before = re.match(r"(?:which|who)\s+(?!(?:the|a|an|he|she|it|they|we|i|you|his|her|its|their)\b)[a-z]",
                            clause)
    # "The cut, from 10% to 8%, will take effect on 6 April": the sentence's own verb, its subject before the comma
    own_predicate = PREDICATE_START.match(clause) is not None
    opened_by_participle = re.match(ADVERB_BEFORE_PARTICIPLE + PARTICIPLE + r"\b", clause) is not None
    clause = RELATIVE_START.sub("", clause)
    # "..., including the auditor who first flagged the transfers in the spring of 2022": the one who did it
    clause = NAMED_AMONG.sub(r"\g<who> ", clause)
    # "The Paris landmark, gutted by a blaze in April 2019, reopened": the phrase set off by commas tells what
    # was done to the noun before it ("The Paris landmark was gutted by a blaze")
    # (not a plan: "a later mission, planned for the 2030s" is no planning done in the 2030s). Only right after
    # the noun: after another phrase set off by commas, "announced" is the sentence's verb ("The Taliban,
    # recognized in Russia as a terrorist group, announced on August 15 ...").
    # (or closing the sentence: "led to the Bangladesh Accord, signed in May 2013 by more than 200 brands.")
    if not about_before and sentence.startswith(", ", start) \
            and (sentence.startswith(", ", end) or not sentence[end:].strip(" .!?\"'\u201d")) \
            and opened_by_participle \
            and "," not in sentence[:start] \
            and not re.match(r"(?:planned|scheduled|expected|slated|proposed|intended|projected|forecast|due)\b", clause) \
            and " ".join(clause.split()[:3]).lower() not in full.lower() \
            and (subject := _antecedent_of(sentence, start, spans or [])):
        return _headline(_passive(subject, clause), [])
    # The clause is in the headline already, too short to stand alone, or only says who said it (the
    # date is when the words were said; the words make the headline): the sentence's headline it is.
    told_already = " ".join(clause.split()[:3]).lower() in full.lower()
    least = 3 if about_before else 4
    if about_before and (subject := _antecedent_of(sentence, start, spans or [])):
        clause = f"{subject} {clause}"  # "the rocket, which flew on Nov. 16" -> "the rocket flew"
        least = 2  # "Webb, which launched on Christmas Day 2021," -> "Webb launched"
    if len(clause.split()) < least or told_already or SAID_ONLY.search(clause):
        return full
    if VERBLESS_PHRASE.match(clause) and not re.search(r"\b" + _VERB + r"\b", clause):
        return full  # "..., on the final day of the January transfer window": when, not what happened
    if own_predicate or clause[:1].isdigit():  # "beat Medvedev 6-3, 7-6, 6-3 on Sunday": a score's commas
        return full

    return _headline(clause, [])


# What opens the second of two verb phrases that share a subject: "... in 1998 and went public in 2006"
# and what opens a clause of its own: "... on March 10, and Signature Bank failed two days later"
_PAST = (r"was|were|is|are|has|have|had|went|became|took|won|lost|left|rose|fell|began|made|led|built|met|saw|came|"
         r"grew|ran|sold|bought|fought|gave|held|spent|wrote|died|kept|sent|paid|found|brought|caught|struck|stood|broke|"
         r"chose|fled|flew|knew|laid|lent|rode|sank|shook|shot|shut|spoke|spread|stole|swept|swore|taught|threw|tore|"
         r"woke|wore|withdrew|overthrew|drew|drove|froze")
# "will begin on 3 January and end on 9 January": a plan's second verb, sharing its "will"
_PLANNED_VERBS = ("end", "close", "finish", "open", "begin", "start", "resume", "return", "run", "last", "stop", "leave",
                  "arrive", "reopen")
_PLANNED_VERB = "(?:" + "|".join(_PLANNED_VERBS) + ")"
# "The window opens on 1 January and closes on 1 February": a schedule's second verb, in the present
_SCHEDULED_VERB = "(?:" + "|".join(v + ("es" if v.endswith("sh") else "s") for v in _PLANNED_VERBS) + ")"
SECOND_VERB = re.compile(r"(?:,\s*)?\s+(?:and|but)\s+(?:then\s+|later\s+)?(?=(?:" + _PAST + r"|said|told|will|[a-z][a-z-]{2,}ed|"
                         + _PLANNED_VERB + "|" + _SCHEDULED_VERB + r")\b)"
                         r"|(?:,\s+and|,\s+but|,\s+while|,\s+whereas|;)\s+(?P<own>)")
# A verb after a subject: the past tenses above, more irregular ones, regular ones, and "will"
_VERB = (r"(?:" + _PAST + r"|will|would|[a-z]{3,}ed|tore|struck|broke|hit|swept|spread|shook|blew|sank|flew|drove|"
         r"threw|caught|brought|told|said|found|kept|fled|sent|paid|stood|wore|quit|shot|bit|cut|set|put|burst|shut|"
         r"cost|rang|sought|hung|froze|chose|rode|spoke|stole|withdrew|overthrew|beat|dug|forgot|swore|undertook|"
         r"overtook|arose)\b")
NAMED_AMONG = re.compile(r"^(?:including|among them|such as)\s+(?P<who>(?:the|a|an|its|their|[A-Z])[^,;]{0,60}?)\s+"
                         r"(?:who|which|that)\s+(?=(?:(?:first|later|then|also|had|has|have)\s+)?" + _VERB + r")")
# The subject of a schedule in the present: "The January transfer window (opens)"
SCHEDULE_SUBJECT = re.compile(r"^(?P<subject>(?:[Tt]he|[Ii]ts|[Tt]heir|[A-Z][\w'\u2019.-]*)(?: [\w'\u2019-]+){0,9}?)"
                              r"(?= " + _SCHEDULED_VERB + r"\b)")
PRESENT_SPEECH = r"(?:says|warns|argues|insists|believes|thinks|claims|predicts|expects|adds|tells)\b"
STUDY_PUBLISHED = re.compile(r"according\s+to\s+(?P<study>(?:a|an|the|new)\s[^,]{3,80}?)\s+"
                             r"(?P<published>(?:published|released|issued|posted|presented)\b.*)$", re.I)
TRAILING_RELATIVE = re.compile(r",\s+(?:whose|who|which)\s+(?=[^,;]+[.!?]?$)")
# what may follow the last word of a sentence: its stop, a closing quote or bracket
SENTENCE_END = re.compile(r"[ \t]*[.!?]?[\"'\u201d\u2019)]*[ \t]*")
PRESENT_PARTICIPLE_START = re.compile(r"(?!(?:including|according|during|following|notwithstanding|excluding|concerning|"
                                      r"regarding|pending|beginning|starting|bring|thing|spring|king|evening|morning)\b)"
                                      r"[a-z]{2,}ing\s")
# A sentence's subject, up to its verb: "The company", "the foundation", "Tom Reyes", "she"
SUBJECT_VERB = re.compile(r"^(?P<subject>(?:[A-Z][\w'\u2019.-]*|[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Hh]e|[Ss]he|[Ii]t"
                          r"|[Tt]hey|[Ww]e)"
                          r"(?: (?:[A-Z][\w'\u2019.-]*|\d+(?![\d,.])|of|(?!(?:who|which|that)\b)[a-z]+(?=(?: [a-z]+)? " + _VERB
                          + r"))){0,5}?)"
                          r"(?= " + _VERB + r")")  # a relative pronoun's verb is not the subject's: "Two men who paid"


# "Born Heinz Kissinger on May 27, 1923, in Fürth, Germany, he fled ...": the phrase runs to the comma before
# the subject and its verb, over the commas of its own dates and places
OPENING_PHRASE = re.compile(OPENING_PARTICIPLE + r"\b[^,]{0,120}(?:,[^,]{1,40}){0,3}?, (?=" + SUBJECT_VERB.pattern[1:]
                            + r")")


# A name, then the role it held, set off by commas, then the sentence's verb
DATED_ROLE = re.compile(r"^(?P<name>(?!(?:However|Meanwhile|Yesterday|Today|Tonight|Now|Then|Still|Also|Instead|Earlier|"
                        r"Later|Last|This|That|Since|After|Before|In|On|At|By|For|But|And|So|Yet|Indeed|Here|There)\b)"
                        r"[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3}), "
                        r"(?P<role>(?:the|a|an|its|his|her|their|[A-Z][\w'\u2019-]*['\u2019]s) [^,]{3,100}?), (?=[a-z])")


def _passive(subject: str, participle_phrase: str) -> str:
    """"she" + "born in Leeds" -> "She was born in Leeds"; "The rebels" + "trained" -> "The rebels were trained"."""
    # "A second trial on campaign finance charges" is one trial: the head noun is before the phrase after it
    head = re.split(r"\s(?:of|on|in|for|with|from|at|by|about|over|against)\s", subject, maxsplit=1)[0]
    plural = subject.lower() in ("they", "we") or re.search(r"[^su]s$", head) is not None
    return f"{subject[0].upper()}{subject[1:]} {'were' if plural else 'was'} {participle_phrase}"


GERUND_SUBJECT = re.compile(r"[a-z]{3,}ing\s+" + _VERB)  # "(after) fighting erupted"
SUBORDINATOR = re.compile(r"\b(?:since|after|when|before|until|because|while|as)\s+"
                          r"(?=(?:an?|the|its|his|her|their|he|she|it|they|we|[A-Z]\w*)\b|" + GERUND_SUBJECT.pattern + ")")


# A clause's subject, phrases and all, then its verb: "a jewellery shop in Harrow was raided"
SUBORDINATE_CLAUSE = re.compile(r"(?:the|a|an|its|his|her|their|he|she|it|they|we|[A-Z][\w'\u2019.-]*)\b"
                                r"(?:[ \t](?!(?:who|which|that)\b)[\w'\u2019.-]+){0,7}?[ \t]"
                                r"(?:(?:was|were|is|are|has|have|had)[ \t])?" + _VERB + r"\b")
PLACE_COMMAS = re.compile(r", [A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,2},")
RELATIVE_VERB = re.compile(r"\s(?:that|which|who)\s+(?P<verb>" + _VERB + r")")


def _subordinate_part(sentence: str, spans: list[tuple[int, int]], focus: tuple[int, int]) -> str | None:
    """"The bells rang out on Saturday, for the first time since a fire tore through its roof on April 15,
    2019": a date in a clause of its own, after the main clause's date, heads that clause ("A fire tore
    through its roof"). A sentence with one date is about it as a whole."""
    earlier = [b for _, b in spans if b <= focus[0]]
    opener = None
    for m in SUBORDINATOR.finditer(sentence, max(earlier, default=0), focus[0]):
        opener = m
    if not earlier:
        # "A man has been charged with robbery after a jewellery shop was raided on Monday evening": with no
        # date of its own, the main clause lends the date none; it is the raid's. Opening the sentence, the
        # clause is what the main clause happened after ("After the vote on Sunday, talks resumed").
        # (a place's commas are no clause's: "since the virus was first detected in Wuhan, China, in late 2019")
        if opener is None or opener.start() == 0 \
                or ", " in PLACE_COMMAS.sub("", sentence[opener.end():focus[0]]) \
                or not SUBORDINATE_CLAUSE.match(sentence, opener.end()):
            return None
        return _subordinate_clause(sentence, spans, focus, opener)
    end = min((i for i in (sentence.find(sep, focus[1]) for sep in (", ", "; ", " \u2014 ")) if i != -1),
              default=len(sentence))
    # "convicted in September after a two-week trial that began Aug. 28": the relative clause nearest the date
    # heads it, about the noun before it ("A two-week trial began")
    relative = None
    for m in RELATIVE_VERB.finditer(sentence, max(earlier), focus[0]):
        relative = m
    if relative is not None and (opener is None or relative.start() > opener.start()) \
            and (noun := _antecedent_of(sentence, relative.start(), spans)) \
            and not (relative.group().lstrip().startswith("who")
                     and sentence.rfind(" of " + noun, 0, relative.start() + 1) >= 0):
        # ("a leader of Afghanistan's Tajik community who fought": "who" is the leader, not the community)
        start = relative.start("verb")
        if re.match(r"\s+" + _VERB, sentence[focus[1]:end]):
            end = focus[1]  # "a campaign of strikes that began in October 2022 left millions ...": the main verb after

        clause_spans = [(a - start + len(noun) + 1, b - start + len(noun) + 1) for a, b in spans if start <= a and b <= end]
        return _headline(f"{noun} {sentence[start:end]}", clause_spans) or None
    if opener is None:
        return None
    return _subordinate_clause(sentence, spans, focus, opener)


def _subordinate_clause(sentence: str, spans: list[tuple[int, int]], focus: tuple[int, int], opener: re.Match
                        ) -> str | None:
    end = min((i for i in (sentence.find(sep, focus[1]) for sep in (", ", "; ", " \u2014 ")) if i != -1),
              default=len(sentence))
    clause_spans = [(a - opener.end(), b - opener.end()) for a, b in spans if opener.end() <= a and b <= end]
    clause = sentence[opener.end():end]
    if not (SUBJECT_VERB.match(clause) or GERUND_SUBJECT.match(clause) or SUBORDINATE_CLAUSE.match(clause)):
        # "after the vote on Tuesday": no verb
        return None
    return _headline(clause, clause_spans) or None


_FIGURE = r"(?:[$\u00a3\u20ac]?\d[\d,.]*(?:%|bn|m|k)?|\d+(?:st|nd|rd|th))"
# "... hit 30 million in 1997 and 35 million in 2012.": a second figure, its verb left out, with a date of its own
GAPPED_FIGURE = re.compile(r"[ \t]+and[ \t]+(?P<figure>" + _FIGURE + r"(?:[ \t]+(?:per[ \t]+cent|percent|[a-z]+)){0,2})"
                           r"[ \t]+(?:in|on|by|at)[ \t]+$")
AGAIN_BETWEEN = re.compile(r",?[ \t]+and[ \t]+again[ \t]+(?:in|on|at)[ \t]+")
FIGURE_BEFORE = re.compile(r"(?P<figure>" + _FIGURE + r"(?:[ \t]+(?:per[ \t]+cent|percent|[a-z]+)){0,2})"
                           r"[ \t]+(?:in|on|by|at)[ \t]+$")


def _gapped_figures(sentence: str, spans: list[tuple[int, int]], focus: tuple[int, int]) -> str | None:
    """"The country hit 30 million in 1997 and 35 million in 2012": each date has its own figure, the verb told
    once ("The country hit 30 million", "The country hit 35 million")."""
    if len(spans) < 2 or " and " not in sentence:
        return None
    (a1, b1), (a2, b2) = sorted(spans)[-2:]
    if len(spans) == 2 and AGAIN_BETWEEN.fullmatch(sentence, b1, a2) and SENTENCE_END.fullmatch(sentence, b2) \
            and focus in ((a1, b1), (a2, b2)):
        # "The company was fined £1m in 2021 and again in 2022": the second time is the first told again
        first_time = _headline(sentence[:b1], [(a, b) for a, b in spans if b <= b1])
        return first_time + " again" if focus == (a2, b2) and first_time else first_time or None
    gap = GAPPED_FIGURE.fullmatch(sentence, b1, a2)
    first = FIGURE_BEFORE.search(sentence, max(0, a1 - 60), a1)
    if not (gap and first and SENTENCE_END.fullmatch(sentence, b2) and focus in ((a1, b1), (a2, b2))
            and not re.search(_VERB, gap.group("figure"))):
        return None
    rest = [(a, b) for a, b in spans if b <= first.start()]
    if focus == (a1, b1):
        return _headline(sentence[:first.end("figure")], rest)
    figure, unit = gap.group("figure"), first.group("figure").split(maxsplit=1)[1:]
    if unit and re.fullmatch(_FIGURE, figure):
        figure += " " + unit[0]  # "won 12 seats in 2019 and 20 in 2024": 20 seats
    return _headline(sentence[:first.start()] + figure, rest)


def _coordinated_part(sentence: str, spans: list[tuple[int, int]], focus: tuple[int, int]) -> str | None:
    """"The company was founded in 1998 and went public in 2006": each date heads its own verb phrase,
    the later ones with the subject they share. None when the date has no phrase of its own."""
    if " and " not in sentence and " but " not in sentence and ";" not in sentence and ", wh" not in sentence:
        return None
    dates = sorted(spans)
    # A semicolon's clause stands on its own, dated or not ("It is the fifth rover; the first arrived in 1997").
    cuts = [m for m in SECOND_VERB.finditer(sentence) if m.group("own") is not None and m.group(0).startswith(";")
            or any(b <= m.start() for _, b in dates) and any(a >= m.end() for a, _ in dates)]
    # Only a cut with a date on each side before the next cut separates two dated phrases.
    before = [m for m in cuts if m.end() <= focus[0]]
    after = [m for m in cuts if m.start() >= focus[1]]
    if not before and not after:
        return None
    start = before[-1].end() if before else 0
    end = after[0].start() if after else len(sentence)
    part_spans = [(a - start, b - start) for a, b in dates if start <= a and b <= end]
    if start == 0 or before[-1].group("own") is not None:
        if len(part_spans) > 1:
            # "The law, passed by the state legislature in 2021, had been blocked in March 2022 but was reinstated
            # last year": the part has dates of its own to tell apart
            return headline(sentence[start:end], part_spans, focus=(focus[0] - start, focus[1] - start)) or None
        return _headline(sentence[start:end], part_spans) or None
    # "Born in Leeds on 3 March 1935, she ...", "Orbit Motors on Thursday unveiled ...": the subject is found
    # with the dates before its verb gone
    cut = before[0].start()
    head = _without_appositives(LEADING_CLAUSE.sub("", _drop_spans(sentence[:cut], [(a, b) for a, b in dates if b <= cut])))
    subject = SUBJECT_VERB.match(head) or SCHEDULE_SUBJECT.match(head)
    # "He was elected in 2016 and re-elected": the second verb shares the first's "was", or is a past
    # tense of its own ("was born in 1935 and moved"); the words cannot tell which
    # ("was born in Matsumoto in 1929 and moved": no one is moved by being born; the second is a past tense)
    if subject is None or (re.match(r" (?:was|were|is|are|has|have|had)\b(?! born\b)", head[subject.end():])
                           and re.match(r"[a-z][a-z-]{2,}ed\b", sentence[start:end])):
        return None
    who = subject.group("subject")
    who = who[0].upper() + who[1:]
    modal = re.match(r" (will|would|could|may|might|must|shall|can|(?:is|are|was|were) (?:expected|due|set|scheduled|"
                     r"likely|planned|going) to)( be)?\b", head[subject.end():])
    if modal and re.match(_PLANNED_VERB + r"\b", sentence[start:end]):
        who += " " + modal.group(1)  # "The strike will begin ... and end at 7am on 9 January" -> "The strike will end"
    elif modal and modal.group(2) and re.match(r"[a-z]{3,}ed\b", sentence[start:end]):
        who += f" {modal.group(1)} be"  # "Parliament will be prorogued on Friday and dissolved on 30 May"
    return _headline(f"{who} {sentence[start:end]}", [(a + len(who) + 1, b + len(who) + 1) for a, b in part_spans]) or None


_DETERMINERS = ("the", "a", "an", "its", "their", "his", "her")
_ANTECEDENT_STOP = {"aboard", "to", "by", "of", "for", "from", "with", "at", "in", "on", "into", "onto", "about",
                    "over", "under", "against", "and", "or", "but", "that", "than", "as", "said", "says", "named",
                    "met", "visited", "joined", "became", "is", "was", "were", "are", "has", "had", "have"}


CLAUSE_OPENS_BEFORE = re.compile(r"(?:\b(?:said|says|say|told\s+\w+|that|believes?|thinks?|warned|argued|added)|[:,;])\s+"
                                 r"(?:(?:last|this|next|early|late)\s+)?$", re.I)
POSSESSIVE_AFTER = re.compile(r"['\u2019]s\s+(?=[a-z\d])")
# a verb before the possessive: one in the past, the present perfect, or a present tense in -s ("It follows")
_A_VERB_OR_PRESENT = re.compile(r"\b(?:" + _VERB + r"|has\s+been|have\s+been|[a-z]{3,}(?<!s)s\s+(?:the|a|an|last|this)\b)")
NOUN_PHRASE_END = re.compile(r"[,.;:!?]|\s(?:and|but|or|that|which|who|when|after|before|by|with|as|for|since|during|"
                             r"until|than|was|were|is|are|has|had|have|will|would|said|says)\b")


def _dated_noun_phrase(sentence: str, focus: tuple[int, int]) -> str | None:
    """"the 2021 attack on the US Capitol" -> "The attack on the US Capitol": a date naming which noun, late in
    its sentence, is that noun's."""
    # "the/a": a possessive's noun ("its 1989 peak") says little without its owner
    if not re.search(r"\b(?:the|a|an)\s+$", sentence[:focus[0]], re.I) or focus[0] < 20:
        return None
    rest = sentence[focus[1]:]
    if not re.match(r"\s+[a-z]", rest):
        return None
    return _the_noun_phrase(rest)


def _the_noun_phrase(rest: str) -> str | None:
    """"The attack on the US Capitol": the noun phrase `rest` opens with, headed by "The"."""
    end = NOUN_PHRASE_END.search(rest)
    words = rest[:end.start() if end else len(rest)].split()
    return "The " + " ".join(words) if 1 <= len(words) <= 8 else None


def _possessive_day_phrase(sentence: str, focus: tuple[int, int]) -> str | None:
    """"It followed Saturday's 2-1 home win over Wolves": a day owning what comes after the sentence's verb dates that
    thing ("The 2-1 home win over Wolves"), not the verb. Before the verb it is the subject, and the sentence is
    that day's: "Saturday's attack killed 12 people"."""
    owned = POSSESSIVE_AFTER.match(sentence, focus[1])
    if owned is None or not _A_VERB_OR_PRESENT.search(sentence, 0, focus[0]) \
            or CLAUSE_OPENS_BEFORE.search(sentence, 0, focus[0]):
        return None  # ("She said Monday's vote was a disgrace": the subject of what she said)
    rest = sentence[owned.end():]
    return _the_noun_phrase(rest)


def _antecedent_of(sentence: str, end: int, spans: list[tuple[int, int]]) -> str | None:
    """The noun phrase a clause starting at `end` is about, past the dates told with a preposition before it:
    in "issued an amber warning on Wednesday afternoon, which remains in place" it is "an amber warning",
    in "the Great Storm of 1987, which struck" "the Great Storm". A date that is the noun phrase stays:
    "revenue in its fiscal first quarter, which ended Dec. 30"."""
    told_with = [(a, b) for a, b in spans if b <= end and PREPOSITION_BEFORE.search(sentence, 0, a)
                 and not _POSSESSOR_BEFORE.search(sentence, 0, a)]
    before = _drop_spans(sentence[:end], told_with).strip()
    before = AGE_AFTER_NAME.sub("", before)  # "said Margaret Hale, 81, who lost her brother": about Margaret Hale
    # The sentence's subject up to the clause, with no verb in it: the whole of it ("The four-day pause in
    # fighting, which began on Friday"), its phrases too
    if "," not in before and 2 <= len(before.split()) <= 8 and before[:1].isupper() \
            and not _A_VERB.search(before) and not OBJECT_AFTER_A_VERB.search(before):
        return before
    return _antecedent(before)


SINCE_OR_BACK_TO = re.compile(r"\b(?:since|(?:dating|going|stretching|reaching)\s+back\s+to)\s+(?:(?:early|late|mid)[\s-]+)?$",
                          re.I)
SINCE_WHEN = re.compile(r",\s+when\s+(?P<clause>[^,;]{10,}?)(?=,|;|[.!?]?$)")
PRONOUNS = ("he", "she", "they", "it", "we", "i")
SCORE_COMMA = re.compile(r"\d,\s+\d")
PREDICATE_START = re.compile(r"(?:will|would|shall|could|can|may|might|must|is|are|was|were|has|have|had|died)\s")
AGE_AFTER_NAME = re.compile(r"(?<=[a-z]),\s+\d{1,3}$")
_POSSESSOR_BEFORE = re.compile(r"\b(?:its|his|her|their|our)\s+$")
_A_VERB = re.compile(r"\b" + _VERB)
# "The switch follows a European Union law": a determiner after a word that is no preposition opens an object;
# the words before it are a subject and its verb
OBJECT_AFTER_A_VERB = re.compile(r"\s(?!(?:of|in|on|at|for|to|from|with|by|into|over|under|about|and|or)\s)[a-z]+\s+"
                                 r"(?:a|an|the)\s")


def _antecedent(before: str) -> str | None:
    """The noun phrase a "which"/"who" clause is about: the words before its comma, back to a
    determiner or a name's start ("aboard the Space Launch System rocket" -> "the Space Launch System rocket")."""
    words = before.split()
    phrase: list[str] = []
    window = words[-10:]
    for i in range(len(window) - 1, -1, -1):
        word = window[i]
        if word == "of" and phrase and not (phrase[0][:1].isupper() or phrase[0].lower() in _DETERMINERS):
            phrase.insert(0, word)  # "the Roman conquest of northern Britain, which began": the whole of it
            continue
        if word in ("and", "on", "for", "of") and phrase and phrase[0][:1].isupper() and i > 0 \
                and window[i - 1][:1].isupper() and not window[i - 1].endswith(","):
            phrase.insert(0, word)  # "the Bangladesh Accord on Fire and Building Safety": one name
            continue
        if word.lower().strip(",") in _ANTECEDENT_STOP or word.endswith((",", ";", ":")) \
                or (phrase and word.islower() and word.endswith("ing")):  # "succeeding Tom Reyes", not "a warning"
            break
        phrase.insert(0, word)
        if word.lower() in _DETERMINERS:
            break
    if not phrase or len(phrase) > 6 and not all(w[:1].isupper() or w in ("and", "on", "for", "of", "the")
                                                 for w in phrase):
        return None
    # "joining writers who had been on strike": people in the plural need no determiner
    bare_plural = len(phrase) <= 2 and all(w.isalpha() and w.islower() for w in phrase) \
        and re.search(r"[^su]s$", phrase[-1]) is not None and len(words) > len(phrase)
    if not (phrase[0][:1].isupper() or phrase[0].lower() in _DETERMINERS or bare_plural):
        return None
    return " ".join(phrase)


EMPTY_MAIN_CLAUSE = re.compile(r"^.{0,80}?\b(?:was|were|is|came|happened|occurred|dates back(?: to)?|date back(?: to)?"
                               r"|goes back(?: to)?|go back(?: to)?),\s+when\s+(?P<event>.{15,})$")
# "HOUSTON (AP) — NASA named..." -> "NASA named...": the place a wire story was filed from.
# "Paris (AFP) – France's parliament ...": a place in its own case, before an agency's name
WIRE_LEAD = re.compile(r"^[A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){0,2}\s*\((?:AFP|AP|Reuters|dpa|ANI|PTI|IANS|UPI|Xinhua|EFE|"
                       r"ANSA|Bloomberg|Kyodo|Yonhap)\)\s*(?:\u2014|\u2013|--|-)\s+(?=[A-Z\"\u201c])")
WIRE_DASH_LEFT = re.compile(r"^(?:[A-Z][A-Z/.' ]+,\s*)?(?:\u2014|\u2013|--|-)\s+(?=[A-Z\"\u201c])")
# "JACKSONVILLE, Fla. -- Patrick Mahomes threw...": a place and its state, as AP sports copy has them.
DATELINE_LEAD = re.compile(r"^(?:[A-Z][A-Z.'\-]+(?:[ ,]+[A-Z][A-Z.'\-]+)*(?:,\s*(?:[A-Z][a-z]{1,4}\.|[A-Z][a-z]+(?= \()))?)?"
                           r"(?:\s*\([A-Za-z .&]{2,30}\)\s*(?:—|–|--|-)"
                           r"|(?<=[A-Z.])\s*(?:—|–|--))\s+(?=[A-Z\"“])")  # "(Bloomberg) -- Oil rose": the wire alone


# "BENGHAZI, Libya - Floods caused by ...": a place in capitals and its country, before a dash
PLACE_LEAD = re.compile(r"^[A-Z]{2}[A-Z.'\-]*(?: [A-Z][A-Z.'\-]+)*(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?)?"
                        r"(?:\s*\([A-Za-z .&]{2,30}\))?\s+(?:-|\u2014|\u2013|--)\s+(?=[A-Z\"\u201c])")  # "RAFAH, Gaza Strip (AP) —"


# "BENGALURU: India's first solar observatory ...": a place in capitals and a colon, as Indian papers open a story
PLACE_COLON_LEAD = re.compile(r"^[A-Z]{3,}(?:[ -][A-Z]{2,}){0,2}:\s+(?=[A-Z\"\u201c])")


def _dateline(sentence: str) -> re.Match | None:
    """The place, state or wire a story opens on, which is no part of its headline."""
    return DATELINE_LEAD.match(sentence) or WIRE_LEAD.match(sentence) or PLACE_LEAD.match(sentence) \
        or PLACE_COLON_LEAD.match(sentence)


def _from(cut: int, sentence: str, spans: list[tuple[int, int]], focus: tuple[int, int] = (0, 0)
          ) -> tuple[str, list[tuple[int, int]], tuple[int, int]]:
    """The sentence from `cut` on, with its date spans and focus counted from there."""
    return (sentence[cut:], [(a - cut, b - cut) for a, b in spans if a >= cut], (focus[0] - cut, focus[1] - cut))


def _without_appositives(text: str) -> str:
    """"The man, named as Antonis Karyotis, 36, was trying": an age or an address set off after another phrase goes
    too ("Jamal Ahmed, 22, of no fixed address, will appear"); the comma that closes one opens the next. (Not a
    participle: in "The Taliban, recognized in Russia as a terrorist group, announced" it is the sentence's verb.)"""
    for _ in range(4):
        dropped = APPOSITIVE.sub(lambda m: "," if AGE_OR_ADDRESS.match(m.string[:m.start()] + m.string[m.end() - 1:],
                                                                        m.start()) else "", text)
        if dropped == text:
            break
        text = dropped
    return text


def _headline(sentence: str, spans: list[tuple[int, int]]) -> str:
    lead = _dateline(sentence)
    if lead:
        sentence, spans, _ = _from(lead.end(), sentence, spans)
    text = _drop_spans(sentence, spans)
    # "The last comparable disaster was in November 1994, when the Po burst its banks": with its date gone,
    # the main clause says nothing; the "when" clause is the event.
    empty = EMPTY_MAIN_CLAUSE.match(text)
    if empty:
        text = empty.group("event")
    text = _without_appositives(text)
    text = NAMED_APPOSITIVE.sub(r"\g<name> ", text)
    text = NAME_THEN_WHAT.sub(r"\g<name>", text)
    text = re.sub(r"\s*\([^)]*\)", "", text)
    text = " ".join(text.split()).strip()
    # "Oct 26 (Reuters) - Harbor Foods ...": a wire's dash, its date and name gone
    text = WIRE_DASH_LEFT.sub("", text)
    speaker = None
    # "Speaking to reporters, Putin said ...": the opening phrase goes before the speaker is looked for.
    text = LEADING_CLAUSE.sub("", text, count=1) or text

    q = QUOTE_LEAD.match(text)
    if q:
        rest = q.group("rest").strip()
        m = re.match(r"^(?P<who>.+?)\s+(?:" + SPEECH_VERBS + r")\b\s*(?P<tail>.*)$", rest)
        # '"...," the band said in a statement': where it was said is no reported clause
        if m and len(m.group("tail").split()) >= 3 and not SAID_WHERE.match(m.group("tail")):
            text = f"{m.group('who')} {rest[len(m.group('who')):].strip()}"
        else:
            speaker = _short_speaker(m.group("who")) if m and m.group("who").lower() not in PRONOUNS else None
            text = q.group("quote").strip(" ,.")
    else:
        tail = TAIL_ATTRIBUTION.match(text)
        lead = LEAD_ATTRIBUTION.match(text)
        if lead and SUBORDINATE_SPEAKER.search(lead.group("who")):
            lead = None  # "Shares tumbled on Wednesday after the company said ...": the saying is not the news
        if lead and not REPORTING.search(lead.group(0)[:lead.start("what")]) \
                and (NOUN_OBJECT.match(lead.group("what")) or not CLAUSE_START.match(lead.group("what"))
                     or NAMED_AS.match(lead.group("what"))
                     or not _A_VERB.search(REPORTED_CLAUSE_END.split(lead.group("what"), 1)[0])):
            # "Italy declared a state of emergency", "Acme reported revenue of", "The WHO declared Covid a public
            # health emergency": acts, not words; words are a clause with a verb of its own
            lead = None
        if tail and not lead:
            who = tail.group("who")
            speaker = None if who.lower() in PRONOUNS else _short_speaker(who)
            text = tail.group("what").strip(" \"\u201c\u201d")
        elif lead:
            speaker = _short_speaker(lead.group("who"))
            text = lead.group("what")

    text = LEADING_CLAUSE.sub("", text)
    text = text.strip(" \"\u201c\u201d,.")
    text = re.sub(r"\s+(?:ending|starting|beginning|lasting|until|since)$", "", text)  # its date was dropped
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    if speaker and len(speaker) < 40:
        speaker = speaker[0].upper() + speaker[1:]  # "the band" opens the headline
        return f"{speaker}: {_shorten(text, MAX_LEN - len(speaker) - 2)}"
    return _shorten(text)

