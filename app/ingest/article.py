"""From scraped article text to an Article: title, byline, publication date, body paragraphs.

Scraped news text arrives with the site around it: navigation and icon junk,
breadcrumbs, share prompts, cross-promotion, player timestamps and a block of
related-article teasers. The rules below recognise those by their shape, not
by any one site's wording, and keep the removed lines so nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import html
import re

from .dates import MONTH_NAMES
from .events import CHRONOLOGY_HEADING, MAX_SENTENCE
from .temporal import MONTH_WORD, find_mentions
from .types import Anchor, Article, Paragraph

# A line that starts the block of teasers at the end of a page; it and all after go.
RELATED_BLOCK = re.compile(
    r"^\s*(?:related(?: articles| stories| news| posts| content| coverage| reading| topics)?|more (?:stories|articles|news|from \S+)"
    r"|recommended(?: for you| stories)?|read next|you may also like|you might also like|most (?:read|popular|viewed)"
    r"|trending(?: now)?|more on this story|latest (?:news|stories)|top stories|editor'?s picks"
    # a comment form and the readers' comments under it
    r"|leave a (?:reply|comment)|post a comment|add a comment|comments?(?: \(\d+\))?|\d+ comments?"
    r"|join the (?:conversation|discussion)"
    r"|most (?:read|popular|viewed) (?:from|on|at) [A-Z][\w.]*(?: [A-Z][\w.]*)?)\s*:?\s*$",
    re.I)
ABOUT_BLOCK = re.compile(r"^\s*About (?:the author|us|(?:the )?[A-Z][\w&.,'\u2019\- ]{1,40})\s*:?\s*$")
PROMO = re.compile(
    r"^\s*(?:also on \S+|read (?:more|also)\b|see also\b|more from \S+|related\s*:|watch\s*:|listen\s*:|"
    r"subscribe\b|sign up\b|sign in\b|log in\b|follow us\b|click here\b|advertisement\s*$|sponsored\b|"
    r"download (?:the|our) app|skip advertisement|skip to (?:the )?(?:main )?(?:content|navigation|menu|search)\b|"
    r"listen to (?:this|the) (?:article|story)\b|share (?:full |this |the )?(?:article|story)\s*$|supported by\s*$|"
    r"follow (?:\S+ ){1,3}on (?:twitter|facebook|x|instagram|threads|bluesky|linkedin|tiktok)\b|"
    r"our standards\s*:)",
    re.I)
SHARE = re.compile(
    r"\b(?:share (?:it|this)(?: story| article)?(?: with)?|like this story|follow us on|join us on|"
    r"subscribe to our|sign up for our|newsletter|copyright|all rights reserved)\b|\u00a9",
    re.I)
ORIGIN = re.compile(r"\b(?:originally (?:published|appeared)|first (?:published|appeared) (?:on|in|at)|"
                    r"(?:version|edition) of this (?:article|story) (?:appears|appeared|was published) in print|"
                    r"an earlier version of this (?:article|story|report)|"
                    r"this (?:article|story) (?:was|has been) (?:amended|updated|corrected|changed)|"
                    r"this (?:article|story) appear(?:s|ed) in\b[^.]{0,80}\bprint edition|"
                    r"published in the print edition\b)\b", re.I)
BARE_PROMO = re.compile(r"^\s*(?:also on \S+|read (?:more|also)|see also|more from \S+|related|watch|listen)\s*:?\s*$", re.I)
TAGS = re.compile(r"^\s*(?:tags|topics|filed under|categories)\s*:?", re.I)
CREDIT = re.compile(r"^\s*(?:SOURCE\s+[A-Z]|Source\s*:\s*\S)")  # "SOURCE Acme Corp", "Source: Al Jazeera and news agencies"
# "Reporting by Junko Fujita; Editing by Sam Holmes", "Additional reporting by ...": who made the story
# "Associated Press writers Jon Gambrell in Dubai and Lori Hinnant in Paris contributed to this report."
CONTRIBUTED = re.compile(r"\bcontributed(?: reporting)?(?: to this (?:report|story|article))?(?: from [^.]{1,60})?\.?\s*$")
STAFF_CREDIT = re.compile(r"^\s*(?:(?i:(?:additional )?reporting|writing|editing|compiled|produced|graphics|research)"
                          r"(?i: and \w+)? (?i:by)\s+[A-Z][a-z]|(?i:reporting|reported) from [A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+)*"
                          r"(?:,? and [A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+)*)?\s*$)")
# "5 min read", "Reading time: 3 minutes", "Time to 2 min."
READING_TIME = re.compile(r"^\s*(?:(?:estimated )?(?:read(?:ing)? )?time(?: to read)?\s*:?\s*(?:to\s+)?\d{1,2}\s*"
                          r"min(?:ute)?s?\.?(?: read)?|\d{1,2}[\s-]*min(?:ute)?s?\.?\s*read)\s*$", re.I)
CLOCK = re.compile(r"^\s*\d{1,2}:\d{2}(?::\d{2})?\s*$")
BREADCRUMB_SEP = re.compile(r"\s(?:>|\u00bb|/|\u203a|\|)\s")
PHOTO_CREDIT = re.compile(r"^\s*(?:\((?:photo|image|picture)[^)]*\)|(?:photograph|photo|image|picture|illustration|"
                          r"image caption|video|graphic)\s*[:,]\s*.{1,100}|[\w .&/-]{0,40}\b(?:getty images|"
                          r"afp|reuters|ap photo|epa|shutterstock))\s*$", re.I)
# "FILE - In this Sept. 12, 2019, file photo, ... (AP Photo/LM Otero, File)": a caption, dates and all
FILE_PHOTO = re.compile(r"^FILE\s*[-\u2013\u2014]\s|\((?:AP|AFP|Reuters|EPA|Getty)\s+(?:Photo|Images)\b[^)]*\)\s*$")
HEADER_DATE = re.compile(
    r"^\s*(?P<label>date|published|posted|issued|updated|last updated|page last updated|last modified|modified|"
    r"first published)(?:\s+on|\s+at(?=\s+\d))?\s*:?\s*(?P<rest>.*)$", re.I)
# What a page's timestamp puts around its date: clock times (6:42 PM, 14.05, 10h30), time zones
# (GMT+0, BST, EDT, ET), weekdays, "at", and separators. A line that is a date and only these is a timestamp.
STAMP_FILLER = re.compile(
    r"\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\b\.?"  # "6 AM ET" (The Atlantic)
    r"|\b(?:[ap]\.?m\.?|at|on|[A-Z]{1,4}T|GMT|UTC|Z)\b"
    r"|[+-]\d{1,2}(?::?\d{2})?|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?\b\.?"
    r"|\b(?:updated|published|posted|issued|modified|last)\b"
    r"|[\s,|/\u2013\u2014\-:()\u00b7\u2022]+", re.I)
ISO_STAMP = re.compile(r"\b(\d{4})([-./])(\d{2})\2(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?\b")
# "Moscow [Russia], August 26 (ANI):"  "WASHINGTON, Aug. 26 (Reuters) -"  "LONDON (AP) \u2014"
# "SAN JOSE, Calif., Oct. 24, 2024 /PRNewswire/ --": a region after the place, a wire between slashes
DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.'\- ]{1,40}(?:\s*[\[(][A-Za-z .'\-]{2,30}[\])])?"
    r"(?:,\s*[A-Z][A-Za-z.]{1,15}(?= *, *(?:[A-Z][a-z]{2,8}\.? \d|\d{1,2} [A-Z])))?)\s*,\s*"
    r"(?P<date>(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})(?:,? \d{4})?)\s*"
    r"(?:(?:\((?P<agency>[A-Za-z .&]{2,30})\)|/(?P<wire>[A-Za-z .&\-]{2,30})/)?\s*(?::|\u2014|\u2013|-{1,2})"
    r"|\.\s*/[A-Za-z .&\-]{2,30}/\.)\s+")  # "MOSCOW, July 28. /TASS/."
# "Japan's PM Kishida to step down | Asia News": a page's title, the site or section after a bar
SITE_SUFFIX = re.compile(r"^(?P<title>(?:\S+ ){3,}\S+) (?:\||-|\u2013|\u2014) (?:[A-Z][\w.&'\u2019]*)(?: [A-Z][\w.&'\u2019]*){0,3}$")
BACK_HOME = re.compile(r"\b(?:back|return|go) to (?:the )?(?:home|home ?page|top|front page)\b", re.I)
GLUED_DATE = re.compile(r"(\b\d{1,2} [A-Z][a-z]{2,8} \d{4})\1\b")
GLUED_LABEL = re.compile(r"(\d|\b[A-Z]{2,5})(Updated|Published|Posted|Modified|Last updated)\b")
BYLINE_PREFIX = re.compile(r"^\s*(?:by|written by|reporting by|words by)\s+(?P<name>.+?)\s*$", re.I)
AGENCY = re.compile(r"[A-Z]{2,6}|Reuters|Associated Press|Agence France-Presse|Bloomberg|Xinhua|Interfax")
# "Press Trust of India", "The Associated Press", "CNN staff": a news agency or its newsroom as the byline
ORGANISATION = re.compile(r"^(?:The )?[A-Z][\w.'&\-]+(?:(?:(?: (?:of|the|for|and|with))* [A-Z][\w.'&\-]+){1,4}"
                          r"|(?:(?: (?:of|the|for|and))* [A-Z][\w.'&\-]+){0,4} (?:staff|reporters|correspondents?|newsroom))$")
# "By our foreign staff", "By a staff writer", "By Telegraph reporters": a newsroom's desk signs the story
DESK_NAME = re.compile(r"^(?:(?i:our|a|an|the)\s+)?(?:[A-Za-z-]+\s+){0,3}"
                       r"(?i:staff|reporters?|correspondents?|writers?|desk|team)(?:\s+(?i:writer|reporter)s?)?$")
# "business reporter", "Europe correspondent", "political editor": a reporter's job before their name
REPORTER_ROLE = re.compile(r"^(?:[\w-]+ ){0,3}?(?:reporter|editor|correspondent|writer|journalist|columnist|analyst)"
                           r" (?=[A-Z])")
# "Peter Walker Senior political correspondent": the Guardian's name and job, with no "By"
# A reporter's job: "Political editor", "Crime and Security Editor", "Senior political correspondent"
JOB = r"(?:(?:[A-Za-z]+|&) ){0,4}(?i:correspondent|editor|reporter|writer|columnist)"
JOB_LINE = re.compile(r"^" + JOB + r"(?:\s+@\w+)?$")  # Sky: "Health correspondent @AshishJoshiSky"
NAME_AND_JOB = re.compile(r"^(?P<name>[A-Z][a-zA-Z'\-]+(?: [A-Z][a-zA-Z'\-]+){1,2}),? " + JOB
                          + r"$")  # The Times: "X, Crime and Security Editor"
# "Le Monde with AFP", "Euronews with AP": a newsroom's own story built on an agency's, with no "By"
NEWSROOM_WITH_AGENCY = re.compile(r"^\s*(?:[A-Z][\w.'&\-]*\s+){1,3}with\s+(?:AFP|AP|Reuters|agencies|dpa|Agencies|ANI|"
                                  r"PTI|EFE|ANSA|Kyodo|Yonhap|Xinhua|AFP and Reuters|AP and Reuters)\s*$")
AUTHOR_NOTE = re.compile(r"^(?P<name>[A-Z][\w'\-]+(?: [A-Z][\w'.\-]+){1,3}) (?:covers |reports on |writes about "
                         r"|is (?:a|an|the) (?:[^.]{0,60}?(?P<job>reporter|correspondent|editor|writer|columnist|"
                         r"journalist|contributor|producer|bureau chief|photographer)\b))")
# "Legal Correspondent", "Special Correspondent", "Staff Reporter", "Web Desk", "Associated Press": a desk or an
# agency as the byline, on a line of its own (Indian papers sign so)
DESK_BYLINE = re.compile(r"^\s*(?:(?:[A-Z]{2,5} )?(?:Our|Special|Legal|Staff|Political|Diplomatic|Business|Sports|Senior|Chief|Foreign|"
                         r"Economic|Science|Health|Court|Crime|City|Metro|Online|Web|News)(?: [A-Z][a-z]+)? "
                         r"(?:Correspondent|Reporter|Bureau|Writer|Desk)s?|(?:The )?Associated Press|Agence France-Presse)\s*$")
FIELD_LABEL = re.compile(r"^\s*(?P<field>title|headline|author|byline|by)\s*:\s*(?P<value>\S.{0,200})$", re.I)
# (initials first too: "T.S. Subramanian", "J.K. Rowling")
NAME = re.compile(r"^(?:[A-Z][a-zA-Z'\-]+|(?:[A-Z]\.){2,3}(?=\s+[A-Z][a-z]))"
                  r"(?:\s+(?:[A-Z]\.|[A-Z][a-zA-Z'\-]+|van|von|de|der|da|al|bin|ibn|la|le)){1,3}$")
WORD = re.compile(r"[A-Za-z\u00c0-\u024f']+")
SENTENCE_END = re.compile(r"[.!?\u201d\"')\]:]\s*$")

NAV_WORDS = {"home", "news", "politics", "world", "business", "sport", "sports", "opinion",
             "menu", "search", "login", "log", "sign", "share", "video", "videos", "podcasts",
             "podcast", "live", "latest", "more", "section", "tags", "monitor", "culture",
             "tech", "science", "health", "about", "contact", "newsletter", "subscribe"}


# The almanac that opens a "Today in History" column: "Today is Thursday, Dec. 7, the 341st day of 2023. There
# are 24 days left in the year." It states the column's date; nothing happens in it.
ALMANAC = re.compile(r"^Today is [A-Z][a-z]+day,? (?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}),? "
                     r"the \d{1,3}(?:st|nd|rd|th) day of \d{4}\."
                     r"(?: There (?:are|is) \d{1,3} days? left in the year\.)?$|^Today's highlights? in history:?$")


# The signature line of an embedded post: "— Barack Obama (@BarackObama) August 9, 2023"
EMBED_SIGNATURE = re.compile(r"^(?:pic\.twitter\.com/\S+\s*)?[\u2014\u2013-]+\s*[^()]{1,60}\(@\w{1,30}\)\s+\S.{4,30}$")
# What ends a wire story or a press release: "(END)", "-ENDS-", "###", "-30-"
END_MARK = re.compile(r"^(?:\((?:END|ENDS|MORE)\)|-+ ?ENDS? ?-+|ENDS?|#{3}|-30-)$")


def _is_junk_line(line: str) -> str | None:
    """Why a line is page furniture rather than story text, or None when it is story text."""
    s = line.strip()
    if not s:
        return None
    if CLOCK.match(s):
        return "player timestamp"
    if READING_TIME.match(s):
        return "reading time"
    if ALMANAC.match(s):
        return "almanac"
    if END_MARK.match(s):
        return "end mark"
    if len(s) < 160 and EMBED_SIGNATURE.match(s):
        return "embedded post"
    if PROMO.match(s):
        return "promotion"
    if len(s) < 200 and ORIGIN.search(s) and not (HEADER_DATE.match(s) and _is_timestamp(s)):
        return "syndication note"  # but "First published on Wed 7 Jun 2023 15.30 BST" is a timestamp
    if len(s) < 120 and TAGS.match(s):
        return "tags"
    if len(s) < 100 and CREDIT.match(s) and not SENTENCE_END.search(s.rstrip(".")) \
            and not _is_header_parts(s):  # "Source: Xinhua | Editor: Huaxia | 2023-04-14 18:32:05"
        return "source credit"
    if len(s) < 160 and STAFF_CREDIT.match(s) or len(s) < 250 and "contributed" in s and CONTRIBUTED.search(s) \
            and _names_reporters(s):
        return "staff credit"
    if len(s) < 60 and _is_undated_stamp(s):
        return "update stamp"
    if len(s) < 160 and SHARE.search(s):
        return "share prompt"
    # "AFP" under a picture credits it; "By AFP" signs the story
    if (PHOTO_CREDIT.match(s) and not NEWSROOM_WITH_AGENCY.match(s) and not BYLINE_PREFIX.match(s)) \
            or FILE_PHOTO.search(s):
        return "photo credit"
    words = s.split()
    if len(words) >= 8:
        if s.lower().count("icon") / len(words) > 0.2:
            return "navigation icons"
        if len(words) >= 20 and not re.search(r"[.,;:!?\"\u201c\u201d]", s) \
                and sum(w[0].islower() for w in words) / len(words) > 0.6:
            return "navigation"
    if len(words) < 12 and BACK_HOME.search(s):
        return "navigation"  # "The Guardian - Back to home"
    if s.count(" | ") + s.count("|") // 2 >= 3 and not SENTENCE_END.search(s) and not _is_header_parts(s):
        return "navigation"  # "Home | Israel-Gaza war | War in Ukraine | Climate | ..."
    if len(words) < 15 and BREADCRUMB_SEP.search(s) and not SENTENCE_END.search(s) and not SITE_SUFFIX.match(s) \
            and _date_from_header(s)[0] is None and not _is_header_parts(s):  # "Jun 5, 2023 / 10:14 AM / CBS News"
        return "breadcrumb"
    return None


# "15/09/2023" (day first) and "09/15/2023" (month first) settle how a page writes "03/10/2023";
# failing those, how it writes dates in words: "30 September" or "September 30".
NUMERIC_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})([/-])(\d{1,2})\2(?:\d{4}|\d{2})(?![\d/])")
DAY_MONTH = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?(?: of)? " + MONTH_WORD)
MONTH_DAY = re.compile(r"\b" + MONTH_WORD + r" \d{1,2}(?:st|nd|rd|th)?\b(?![\d:.]\d)")


# "04/03/2024 - 18:55": a date stamped with a 24-hour clock is a European page's, and Europe writes day first;
# American pages stamp "6:55 PM".
DATE_ON_A_24_HOUR_CLOCK = re.compile(NUMERIC_DATE.pattern + r"[\s,\-–|]{1,5}(?:at )?(?:[01]\d|2[0-3])[:.h][0-5]\d"
                                     r"(?![\d:.]*\s*[ap]\.?m\b)", re.IGNORECASE)

_DAY_FIRST = Anchor(day_first=True)


def writes_day_first(text: str) -> bool:
    """Whether a page writes its dates day first, by what its own unambiguous dates say; American
    (month first), as most wire copy is, when they say nothing or contradict each other."""
    day_first = month_first = ambiguous = False
    for first, _, second in NUMERIC_DATE.findall(text):
        day_first |= int(first) > 12 >= int(second)
        month_first |= int(second) > 12 >= int(first)
        ambiguous |= int(first) <= 12 and int(second) <= 12
    if day_first or month_first:
        return day_first and not month_first
    if ambiguous and DATE_ON_A_24_HOUR_CLOCK.search(text):
        return True
    # Only an ambiguous numeric date needs the words' evidence (reading them is most of this function's cost)
    return ambiguous and len(DAY_MONTH.findall(text)) > len(MONTH_DAY.findall(text))


def _cleaned(line: str) -> list[str]:
    """A scraped line with its spaces made plain and its HTML entities read ("AT&amp;T", "Oct.&nbsp;22", left by
    a scraper); two page elements glued into one line come apart ("June 5, 2023Updated 3:45 p.m. ET",
    "11:47 AM GMTUpdated 2 years ago"). Tags stay: text that shows "<b>" is shown as text, escaped."""
    if "&" in line:
        line = html.unescape(line)
    line = " ".join(line.replace("\u00a0", " ").split())
    # Each fix only where its mark is: most lines have none, and a page has hundreds of lines
    if line[:1] in LIST_MARKS:
        line = LIST_MARK.sub("", line)
    if " ," in line:  # "14 March ,2023": a comma astray
        line = STRAY_COMMA.sub(r"\1, \2", line)
    if ":" in line:  # "March 14, 20238:00 PM ET": a year glued to the clock
        line = GLUED_CLOCK.sub(" ", line)
    if len(line) < 60 and GLUED_DATE.search(line):  # "Published On 7 Oct 20237 Oct 2023": the date shown twice
        line = GLUED_DATE.sub(r"\1", line)
    return GLUED_LABEL.sub(r"\1\n\2", line).split("\n")


DIGIT = re.compile(r"\d")
LIST_MARKS = "\u2022\u00b7\u25aa\u25e6\u2023*-"
LIST_MARK = re.compile(r"^(?:[\u2022\u00b7\u25aa\u25e6\u2023]|[*-](?= ))\s*")  # "• ", "- ": an item of a list
GLUED_CLOCK = re.compile(r"(?<=\d, (?:19|20)\d\d)(?=\d{1,2}:\d\d)")
STRAY_COMMA = re.compile(r"(\w) ,(\d{4})\b")
# Where a stamp may begin after a byline on the same line ("By TOI staff 14 March 2023, 8:00 pm")
STAMP_START = re.compile(r"[\s,|]+(?=\d|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|"
                         r"Updated|Published|Posted)[a-z]*\b)")


def _byline_then_stamp(line: str) -> tuple[str, str] | None:
    """A byline and a timestamp on one line: who, and the stamp to read the date from."""
    if not BYLINE_PREFIX.match(line):
        return None
    for m in STAMP_START.finditer(line):
        head, tail = line[:m.start()], line[m.end():]
        if (name := _byline(head)) is not None and _is_timestamp(tail):
            return name, tail
    return None


# "Kate Connolly in Berlin", "Helen Davidson and Chi Hui Lin in Taipei": who reported, and from where
BYLINE_IN_PLACE = re.compile(r"^(?P<name>.+?) (?:in|at) (?:the )?[A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){0,2}$")


# "BENGALURU" on a line of its own under the reporter's name: where the story was filed (The Hindu)
PLACE_LINE = re.compile(r"[A-Z]{3,}(?:[ -][A-Z]{3,}){0,2}")


def _is_bare_byline(line: str, next_line: str | None, line_before: str | None = None,
                    line_after_next: str | None = None) -> bool:
    """A reporter's name on its own line, told from a short headline by the timestamp or the job under it
    ("Chris Mason", then "Political editor"), or by a stamp over it or under the place under it ("T.S.
    Subramanian", then "BENGALURU"; "Ron Bousso", "LONDON", "Published 5 December 2023")."""
    return next_line is not None and all(NAME.match(name) for name in re.split(r"\s+(?:and|&)\s+", line)) \
        and not _is_label(line) \
        and not _names_date(line) and (_is_timestamp(next_line) or JOB_LINE.match(next_line) is not None
                                       or PLACE_LINE.fullmatch(next_line) is not None
                                       and any(x is not None and _is_timestamp(x) for x in (line_before, line_after_next)))


def _is_byline_in_place(line: str, next_line: str | None, line_before: str | None = None) -> bool:
    """A reporter and their place ("Tumaini Carayol at Flushing Meadows"), told from a headline ("Floods in
    Texas") by the names and by the timestamp next to it, as a byline is told."""
    m = BYLINE_IN_PLACE.match(line)
    return m is not None and any(x is not None and _is_timestamp(x) for x in (next_line, line_before)) and all(
        NAME.match(name) for name in re.split(r"\s+(?:and|&)\s+|,\s*", m.group("name")))


def _byline(line: str) -> str | None:
    """Who a byline line names ("By Kate Connolly", "By business reporter Nassim Khadem", "Le Monde with
    AFP"), or None when the line is not a byline."""
    by = BYLINE_PREFIX.match(line)
    if by is None:
        return line.strip() if NEWSROOM_WITH_AGENCY.match(line) or DESK_BYLINE.match(line) \
            or NAME_AND_JOB.match(line) or _name_and_agency(line) else None
    names = REPORTER_ROLE.sub("", by.group("name").split(",")[0].strip())
    if (in_place := BYLINE_IN_PLACE.match(names)) is not None:
        names = in_place.group("name")  # "By Tom Archer at Old Trafford"
    if all(NAME.match(name) or AGENCY.fullmatch(name) or ORGANISATION.match(name) or DESK_NAME.match(name)
           for name in re.split(r"\s+(?:and|&)\s+", names)):
        return by.group("name")
    return None


REPORTING_CREDIT = re.compile(r"^\s*Reporting by (?P<names>[^;]+?)(?: in [A-Z][^;]*)?\s*(?:;|$)")


def _reporters_credited(line: str) -> str | None:
    """The reporters a wire's credit line names first ("Reporting by Ann Smith and Joe Bloggs in Paris;
    Editing by ..."), when each is a name."""
    m = REPORTING_CREDIT.match(line)
    if m is None:
        return None
    names = m.group("names").strip()
    return names if all(NAME.match(n) for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", names)) else None


def _name_and_agency(line: str) -> bool:
    """"Jane Doe, Reuters": a reporter and the agency they file for."""
    name, comma, agency = line.strip().rpartition(", ")
    # capitals only for the wires themselves: "New York, NY" is a place and its state
    return bool(comma) and NAME.match(name) is not None and AGENCY.fullmatch(agency) is not None \
        and (not agency.isupper() or agency in ("AP", "AFP", "UPI", "PTI", "ANI", "IANS", "EFE", "ANSA"))


def _is_byline(line: str) -> bool:
    return _byline(line) is not None


def _names_reporters(line: str) -> bool:
    """Whether a "... contributed to this report" line names reporters: people, and what they write for."""
    return re.search(r"\b(?:writers?|reporters?|correspondents?|journalists?|staff|contributed reporting)\b", line) \
        is not None or NAME.match(" ".join(line.split()[:2])) is not None


def _is_author_note(line: str, byline: str | None) -> bool:
    """A closing line about a reporter named in the byline ("X covers Congress for The Washington Post",
    "X is a senior correspondent"), or about any reporter by their job when the page has no byline."""
    m = AUTHOR_NOTE.match(line)
    return m is not None and len(line) < 300 and (byline is None and m.group("job") is not None
                                                  or byline is not None and m.group("name") in byline)


HEADER_PARTS_SEP = re.compile(r"[ \t]*\|[ \t]*| / ")  # "Source: Xinhua| 2024-04-30 18:41:12|Editor: huaxia"


def _header_parts(line: str) -> list[str]:
    return [p.strip() for p in HEADER_PARTS_SEP.split(line)]


def _is_header_parts(line: str) -> bool:
    """Whether a line joins header parts with '|' or '/' (a byline, a date: "TOI News Desk / Updated: Jan 6, 2024,
    19:45 IST"), not a menu, a breadcrumb or a sentence."""
    parts = _header_parts(line)
    return 2 <= len(parts) <= 3 and any(_is_byline(p) or _date_from_header(p)[0] is not None for p in parts)


def _split_lines(text: str) -> list[str]:
    """Paragraph-sized lines: scraped text has one paragraph a line, but hard-wrapped
    text (every line short, blocks split by blank lines) is joined back per block."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = [[r for r in block.split("\n") if r.strip()] for block in re.split(r"\n\s*\n", text)]
    # A headline, a byline and a stamp are three short lines without full stops too, but never wrapped prose
    wrapped = [len(rows) > 2 and all(40 <= len(r) <= 100 for r in rows[:-1])
               and sum(not SENTENCE_END.search(r) for r in rows[:-1]) > len(rows[:-1]) / 2
               and not any(_is_byline(r) or _is_timestamp(r) for r in rows) for rows in blocks]
    # In a wrapped text a paragraph of two lines is wrapped too: the first line breaks off mid-sentence
    hard_wrapped = any(wrapped)
    lines: list[str] = []
    for rows, joined in zip(blocks, wrapped):
        if joined or hard_wrapped and len(rows) == 2 and 40 <= len(rows[0]) <= 100 \
                and not SENTENCE_END.search(rows[0]) and rows[1].lstrip()[:1].islower():
            lines.append(" ".join(r.strip() for r in rows))
        else:
            lines.extend(rows)
    return lines


# "Madrid - ": the place a stamp was filed from, before it
SECTION_THEN_CLOCK = re.compile(r"\s*(?:[A-Z][\w&]*\s+){1,3}\d{1,2}[:.]\d{2}\s*")
PLACE_BEFORE_STAMP = re.compile(r"\s*[A-Z][a-zA-Z.'\u2019]+(?: [A-Z][a-zA-Z.'\u2019]+){0,2}\s*[-\u2013\u2014|]\s*")


# Reuters' slugs before a headline: "UPDATE 2-Volkswagen to cut costs", "FACTBOX-Key dates in ..."
WIRE_SLUG = re.compile(r"^(?:UPDATE|EXCLUSIVE|FACTBOX|ANALYSIS|INSIGHT|REFILE|CORRECTED|RPT|WRAPUP|TIMELINE|EXPLAINER|"
                       r"FOCUS|POLL|BREAKINGVIEWS|GRAPHIC|INTERVIEW|PREVIEW)(?:[ -]\d+)?(?:-[A-Z]+)*\s*-(?=\S)")


def _date_from_header(line: str, day_first: bool = False) -> tuple[dt.date | None, str | None, str]:
    """A publication date stated in a header line, its evidence, and what is left of the line.

    A labelled line ("Published 6:42 PM GMT, Thu March 14, 2024") gives its first full date; an
    unlabelled one must be a timestamp: a full date and nothing but clock, zone and weekday around
    it ("Wed 17 May 2023 14.05 BST"), or a short source name after it ("Jun 5, 2023 / CBS News")."""
    s = line.strip()
    m = HEADER_DATE.match(s)
    candidate = m.group("rest") if m else s
    iso = ISO_STAMP.match(candidate.strip())
    if iso:
        try:
            day = dt.date(int(iso.group(1)), int(iso.group(3)), int(iso.group(4)))
        except ValueError:
            return None, None, s
        offset = s.find(candidate.strip())
        return day, s[:offset + iso.end()].strip(), candidate.strip()[iso.end():].strip()
    full = [x for x in find_mentions(candidate, _DAY_FIRST if day_first else None) if x.type in ("DATE", "TIME") and x.granularity == "day"
            and x.edtf and not x.edtf.startswith("X")]
    if not full:
        return None, None, s
    date = full[0]
    day = dt.date.fromisoformat(date.edtf[:10])
    if m:  # what follows the date may be the lede, glued to the label line by the scrape
        rest = candidate[date.end:].strip(" ,|-\u2013\u2014")
        rest = re.sub(r"^\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,4}\b)?", "", rest).strip()
        rest = "" if re.fullmatch(r"[A-Z]{1,3}T|UTC", rest) else rest  # "18:45 IST": its clock went with the date
        if _only_stamp(rest):
            return day, s, ""  # the whole line is the stamp, and its evidence
        return day, s[:m.start("rest") + date.end], rest
    if len(candidate) > 120:
        return None, None, s  # a sentence that names a date, not a timestamp
    rest = candidate[date.end:]
    if len(full) > 1 and all(x.edtf == date.edtf for x in full):
        # The same day written twice ("12/16/2024 December 16, 2024") is one stamp: what is around the two
        rest = " ".join(candidate[x.end:y] for x, y in zip(full, [x.start for x in full[1:]] + [len(candidate)]))
    before = STAMP_FILLER.sub("", candidate[:date.start])
    if PLACE_BEFORE_STAMP.fullmatch(candidate[:date.start]) or SECTION_THEN_CLOCK.fullmatch(candidate[:date.start]):
        # "Madrid - NOV 16, 2023 - 12:45 CET" (El País): where it was filed, then the stamp; "All News 09:12
        # December 18, 2023" (Yonhap): the section, then the clock
        before = ""
    if _only_stamp(rest):
        rest = ""
    after = STAMP_FILLER.sub(" ", rest).split()
    source_name = len(after) <= 3 and all(w[0].isupper() for w in after) \
        and re.match(r"\s*[|/\u2013\u2014\u00b7\u2022,-]", rest) is not None  # "..., 6.00pm, The Times"
    where = len(after) == 1 and re.fullmatch(r"[A-Z]{2,3}", after[0]) is not None  # "18:04, UK"
    if not before and (not after or source_name or where):
        return day, candidate.strip(), ""
    return None, None, s


# What can follow a stamp's date and still be the stamp: "at 7:21 pm (Paris), updated on April 15, 2023, at 10:04 am"
STAMP_PLACE = re.compile(r"\([A-Z][A-Za-z .'\-]{1,30}\)")
UPDATE_TAIL = re.compile(r"\b(?:updated|modified|last updated|edited)\b(?P<when>.*)$", re.I)


def _only_stamp(rest: str) -> bool:
    """Whether what follows a stamp's date is more of the stamp: its clock, zone and city, and the
    stamp of its last update, which names a date, a clock or an age ("Updated 2 hours ago") and nothing else."""
    update = UPDATE_TAIL.search(rest)
    if update:
        when = update.group("when")
        if STAMP_FILLER.sub("", AGE.sub("", when)) and _date_from_header(when)[0] is None:
            return False
        rest = rest[:update.start()]
    return not STAMP_FILLER.sub("", STAMP_PLACE.sub("", rest))


AGE = re.compile(r"\b(?:an?|\d{1,3})\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\b", re.I)


def _is_undated_stamp(line: str) -> bool:
    """"Updated 3:45 p.m. ET", "Updated 2 years ago": a page's stamp that names no date."""
    label = HEADER_DATE.match(line)
    return label is not None and label.group("label").lower() != "date" \
        and not STAMP_FILLER.sub("", AGE.sub("", label.group("rest"))) and _date_from_header(line)[0] is None


def _may_be_a_stamp(line: str) -> bool:
    """A cheap look before the tagger's: a stamp is labelled ("Posted ...") or a few words, and has a digit."""
    return len(line) <= 160 and (line.count(" ") < 10 or HEADER_DATE.match(line) is not None) \
        and DIGIT.search(line) is not None


def _is_timestamp(line: str) -> bool:
    """A line that is a publication stamp and nothing else (no lede glued to it)."""
    day, _, rest = _date_from_header(line)
    return day is not None and rest == ""


def _stamp_rank(line: str) -> int:
    """2 for a stamp labelled as the publication ("Published", "First published", "Posted"), 0 for an
    update ("Updated", "Last modified"), 1 for a bare date (sites put either there)."""
    label = HEADER_DATE.match(line)
    if label is None or label.group("label").lower() == "date":
        return 1
    return 0 if label.group("label").lower() in ("updated", "last updated", "page last updated", "modified",
                                                 "last modified") else 2


def _without_site(line: str) -> str:
    """A page title without the site or section after its bar, when it is that shape and names no date."""
    m = SITE_SUFFIX.match(line)
    return m.group("title") if m and not SENTENCE_END.search(m.group("title")) and "|" in line else line


def _is_story_line(line: str) -> bool:
    """A paragraph of the story: a long line, or a sentence of eight words or more (twelve, when it opens a
    list with a colon: "Here are key moments since then:")."""
    words = len(line.split())
    return len(line) > 160 or (words >= 8 and re.search(r"[.!?\"\u201d]\s*$", line) is not None) \
        or (words >= 12 and line.rstrip().endswith(":"))


def _headline_like(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 30 and len(line) <= 220 and not line.rstrip().endswith((".", ":", ","))


def parse_article(text: str, name: str, *, title: str | None = None, published: str | None = None,
                  url: str | None = None) -> Article:
    """Read one article. `title`/`published` given by a CMS export take precedence."""
    raw_lines = _split_lines(text)
    lines = [part for x in raw_lines for part in _cleaned(x)]
    day_first = writes_day_first(text)
    boilerplate: list[str] = []

    # Everything from a "Related Articles" heading on is teasers for other stories; in the second half of
    # a page, an "About Acme Corp" heading starts a press release's boilerplate. Only once the story has
    # begun: above it, "Top Stories" or "Latest News" is an item of the site's menu.
    story_begun = False
    for i, line in enumerate(lines):
        if story_begun and (RELATED_BLOCK.match(line) or (i > len(lines) / 2 and ABOUT_BLOCK.match(line))):
            boilerplate.extend(lines[i:])
            lines = lines[:i]
            break
        story_begun = story_begun or (_is_story_line(line) and not _is_junk_line(line))  # not a row of icons

    pub_date: dt.date | None = None
    pub_evidence: str | None = None
    if published:
        pub_date, pub_evidence = _parse_given_date(published)

    counts: dict[str, int] = {}
    for line in lines:
        counts[line] = counts.get(line, 0) + 1

    kept: list[str] = []
    teaser_next = False
    for line in lines:
        why = _is_junk_line(line)
        # "Also on rt.com" or "Read more:" alone on its line: the teaser's headline is the next line
        if why or (teaser_next and not SENTENCE_END.search(line) and len(line.split()) <= 20):
            boilerplate.append(line)
            teaser_next = why == "promotion" and BARE_PROMO.match(line) is not None
            continue
        teaser_next = False
        kept.append(line)

    # Header: the lines before the first body paragraph (a long sentence-like line).
    first_body = next((i for i, x in enumerate(kept) if _is_story_line(x)), len(kept))
    header, body = kept[:first_body], kept[first_body:]
    # A standfirst (the sentence under a headline) can come before the byline and timestamp: they
    # are header lines still, not story paragraphs.
    late = [x for i, x in enumerate(body[1:4], 1) if len(x) <= 100 and (
        _is_byline(x) or _is_timestamp(x) or _is_bare_byline(x, body[i + 1] if i + 1 < len(body) else None, body[i - 1],
                                                              body[i + 2] if i + 2 < len(body) else None)
        # the place under a bare name ("Ron Bousso", "LONDON", then the stamp)
        or PLACE_LINE.fullmatch(x) is not None and i + 1 < len(body) and _is_timestamp(body[i + 1]))]
    if late:
        header += late
        body = [x for i, x in enumerate(body) if not (1 <= i < 4 and x in late)]
    if body and HEADER_DATE.match(body[0]):
        # "date 2021-08-26 Moscow, August 26 (ANI): ..." - a labelled date glued to the lede.
        day, evidence, rest = _date_from_header(body[0], day_first)
        if day is not None:
            pub_date, pub_evidence = pub_date or day, pub_evidence or evidence
            body[0] = rest

    found_title = None
    byline = None
    header_rest: list[str] = []
    pub_rank: int | None = None  # how sure a header stamp is to be the publication date (None: not from one)
    # "By AP | June 5, 2023": a short header line of parts is read part by part.
    header = [part.strip() for line in header
              for part in (_header_parts(line) if len(line) < 120 and _is_header_parts(line) else [line])]
    header = [_without_site(line) for line in header]
    for line in header:
        counts.setdefault(line, 1)  # a page title without its site: a line of its own
    for i, line in enumerate(header):
        labelled = FIELD_LABEL.match(line)
        if labelled:  # "Title: ...", "Author: ..." (a CMS export pasted as text)
            field, value = labelled.group("field").lower(), labelled.group("value").strip()
            if field in ("title", "headline") and found_title is None:
                found_title = value
            elif field in ("author", "byline", "by") and byline is None:
                byline = value
            continue
        if byline is None and (both := _byline_then_stamp(line)):
            byline, line = both  # the stamp is read below
        if byline is None and _is_byline(line):
            byline = _byline(line)
            continue
        next_line = header[i + 1] if i + 1 < len(header) else None
        if byline is None and (_is_byline_in_place(line, next_line, header[i - 1] if i else None)
                               or _is_bare_byline(line, next_line, header[i - 1] if i else None,
                                                  header[i + 2] if i + 2 < len(header) else None) and any(
                len(x.split()) >= 5 and _headline_like(x) for x in header[:i])):
            byline = line  # a bare name counts only under a headline: "Taliban Retake Kabul" over a stamp is one
            continue
        day, evidence, rest = _date_from_header(line, day_first)
        if day is not None:
            # "Updated" or a bare timestamp first, "First published" after: the publication date wins.
            rank = _stamp_rank(line)
            if pub_date is None or (pub_rank is not None and rank > pub_rank):
                pub_date, pub_evidence, pub_rank = day, evidence, rank
            if byline is None and rest and _is_byline(rest):  # "Posted on December 4, 2023 by John Smith"
                byline, rest = _byline(rest), ""
            if rest and rest != line:
                header_rest.append(rest)
            continue
        header_rest.append(line)

    # The headline: a repeated headline-like line, else one a breadcrumb ends with,
    # else the first headline-like line that is not a section label.
    candidates = [x for x in header_rest if _headline_like(x)]
    repeated = [x for x in candidates if counts.get(x, 0) > 1 and not _is_label(x)]
    crumbs = [x for x in candidates if any(o != x and o.endswith(" " + x) for o in header_rest)]
    plain = [x for x in candidates if not _is_label(x) and counts.get(x, 0) == 1 and
             not any(x != o and x in o for o in header_rest)]
    # A site's name or a section ("The Guardian", "World news") comes before the headline and is
    # shorter than most: a line that does not look like one is taken first.
    plain = [x for x in plain if not _masthead_like(x)] + [x for x in plain if _masthead_like(x)]
    # A site's tagline sits above its menu ("Exclusive news, data and analytics ...", then "World",
    # "Business"): the headline comes after the menu.
    above_menu = _above_a_menu(header_rest, plain)
    plain = [x for x in plain if x not in above_menu] + [x for x in plain if x in above_menu]
    if _kicker_headline_standfirst(header_rest, plain, body[0] if late and body else None):
        plain = plain[1:] + plain[:1]
    # A chronology's heading ("August 15: Taliban enter Kabul") is the headline only of a page with no other
    plain = [x for x in plain if not CHRONOLOGY_HEADING.match(x)] + [x for x in plain if CHRONOLOGY_HEADING.match(x)]
    for pool in (repeated, crumbs, plain):
        if pool and found_title is None:
            found_title = pool[0]
            break

    # A header line that is not the title and carries a dateline is the lede.
    lede_lines = [x for x in header_rest if x != found_title and DATELINE.match(x) and len(x) > 60]
    # A chronology's first heading ("August 15: Taliban enter Kabul") comes before any long line: it opens the story
    after_title = header_rest[header_rest.index(found_title) + 1:] if found_title in header_rest else []
    lede_lines += [x for x in after_title if CHRONOLOGY_HEADING.match(x) and x not in lede_lines]
    body = lede_lines + body
    for x in header_rest:
        if x != found_title and x not in lede_lines:
            boilerplate.append(x)

    # A dateline at the head of the lede: keep its date as evidence, drop it from the text.
    paragraphs_text: list[str] = []
    dateline_day = None
    for i, line in enumerate(body):
        if i == 0:
            dl = DATELINE.match(line)
            if dl:
                if pub_date is None:
                    found = find_mentions(dl.group("date"))
                    edtf = found[0].edtf if found else None
                    if edtf and not edtf.startswith("X"):
                        pub_date, pub_evidence = dt.date.fromisoformat(edtf), f"dateline {dl.group('date')}"
                    elif edtf and re.fullmatch(r"XXXX-\d\d-\d\d", edtf):  # no year: its day, for later
                        dateline_day = (int(edtf[5:7]), int(edtf[8:10]), dl.group(0).strip().rstrip(":-\u2013\u2014 "))
                elif pub_evidence and not pub_evidence.endswith(dl.group(0).strip()):
                    pub_evidence = f"{pub_evidence}; dateline {dl.group(0).strip().rstrip(':').strip()}"
                line = line[dl.end():]
        if found_title and line == found_title:
            boilerplate.append(line)
            continue
        paragraphs_text.append(line)

    for i in (len(paragraphs_text) - 1, 0) if byline is None else ():
        if 0 <= i < len(paragraphs_text):
            cand = paragraphs_text[i]
            m = BYLINE_PREFIX.match(cand)
            name_text = m.group("name") if m else cand
            if NAME.match(name_text) and counts.get(cand, 0) <= 1 and not _is_label(name_text) \
                    and not _names_date(name_text):
                byline = name_text
                paragraphs_text.pop(i)
                break
    if byline is None:  # a wire story signed only under it: "Reporting by Ann Smith in San Francisco; Editing by ..."
        byline = next(filter(None, map(_reporters_credited, boilerplate)), None)
    # A short label line inside the body ("Podcasts") is furniture too.
    body_paragraphs = []
    for line in paragraphs_text:
        if len(line.split()) <= 3 and not SENTENCE_END.search(line) and not CHRONOLOGY_HEADING.match(line):
            boilerplate.append(line)
        elif _may_be_a_stamp(line) and _is_timestamp(line):  # "Posted 4 Sep 2023, updated 4 Sep 2023" under the story
            boilerplate.append(line)
            if pub_date is None:
                pub_date, pub_evidence = _date_from_header(line, day_first)[:2]
        else:
            body_paragraphs.append(line)
    # "Jacob Bogage covers Congress for The Washington Post.": who the reporter is, under the story
    while body_paragraphs and _is_author_note(body_paragraphs[-1], byline):
        boilerplate.append(body_paragraphs.pop())

    if pub_date is None:  # no stamp on the page: its address may carry the day it was filed under
        pub_date, pub_evidence = _date_in_address([url or "", *lines[:3]])  # not a teaser's address further down
    derived = False
    if title:
        found_title = title.strip()
    if not found_title:
        found_title = derive_title(body_paragraphs)
        derived = True
    found_title = WIRE_SLUG.sub("", found_title) or found_title
    return Article(
        name=name, title=found_title, title_derived=derived, byline=byline,
        published=pub_date, published_evidence=pub_evidence,
        paragraphs=tuple(Paragraph(i, t) for i, t in enumerate(body_paragraphs)),
        boilerplate=tuple(boilerplate), url=url, text=text, dateline_day=dateline_day, day_first=day_first)


def _above_a_menu(header: list[str], candidates: list[str]) -> set[str]:
    """The candidates with a menu (two items or more in a row) between them and a later candidate, and
    the page's first line when a section name follows it and then a candidate: a site's tagline
    ("Democracy Dies in Darkness", then "Politics", then the headline)."""
    above: set[str] = set()
    later_candidate, run, menu_since = False, 0, False
    for i in range(len(header) - 1, -1, -1):
        line = header[i]
        if line in candidates:
            if menu_since or (i == 0 and later_candidate and run == 1):
                above.add(line)
            later_candidate, run = True, 0
        elif _is_label(line):
            run += 1
            menu_since = menu_since or (later_candidate and run >= 2)
        else:
            run = 0
    return above


def _kicker_headline_standfirst(header: list[str], candidates: list[str], standfirst: str | None = None) -> bool:
    """A series label over the headline, and the standfirst under it ("UK general election 2024", then
    "Labour wins landslide as ...", then "Keir Starmer to become prime minister after ..."): three lines in
    a row, short, longer, longest, the last a sentence's length. `standfirst`: a sentence over the byline
    and stamp, read as the story's first line, which may follow the second."""
    lines = candidates[:3]
    if standfirst is not None and len(candidates) >= 2 and header.index(candidates[1]) == len(header) - 1:
        lines, header = candidates[:2] + [standfirst], header + [standfirst]
    if len(lines) < 3:
        return False
    at = [header.index(x) for x in lines]
    words = [len(x.split()) for x in lines]
    return at == list(range(at[0], at[0] + 3)) and words[0] <= 5 and words[0] < words[1] < words[2] \
        and words[2] >= 10


def _masthead_like(line: str) -> bool:
    """A site's name ("The New York Times", "BBC News"): short, and every word capitalised; not the headline of
    an obituary, as the Guardian writes it ("Sinéad O'Connor obituary")."""
    words = line.split()
    if words and words[-1] == "obituary":
        return False
    return len(words) < 4 or (len(words) == 4 and all(w[:1].isupper() for w in words))


SECTION_PAIR = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)? & [A-Z][a-z]+(?: [A-Z][a-z]+)?")


def _is_label(line: str) -> bool:
    """Section names and menu items: a few capitalised words, mostly navigation vocabulary."""
    if SECTION_PAIR.fullmatch(line.strip()):
        return True  # "Climate & Environment", "Arts & Culture"
    words = WORD.findall(line.lower())
    navigation = sum(w in NAV_WORDS for w in words)
    return bool(words) and (len(words) <= 4 and navigation >= max(1, len(words) // 2)
                            or len(words) <= 12 and navigation >= len(words) - 1  # a menu bar
                            or _is_menu_bar(line, navigation))


def _is_menu_bar(line: str, navigation: int) -> bool:
    """'Home News Sport Weather iPlayer Sounds': single capitalised items with no word to join them, as a
    headline has ("to", "of", "after"), nor punctuation, and some of them a site's sections."""
    words = line.split()
    # "Home Scores Schedule Standings Stats Teams": a sports site's sections, led by "Home"
    navigation += len(words) >= 5 and words[0] == "Home"
    return 4 <= len(words) <= 12 and navigation >= 2 and all(
        w == "&" or w.replace(".", "").isalpha() and (w[0].isupper() or not w[1:].islower())  # "iPlayer", "U.S."
        for w in words)


def _names_date(text: str) -> bool:
    return any(w in MONTH_NAMES or w.rstrip(".") in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
               for w in text.split())


# "https://www.example.com/2023/03/14/business/bank-collapse.html": a news site files a story under its day
ADDRESS_DATE = re.compile(r"^\s*(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}/(?:[\w.-]+/)*?"
                          r"(?P<y>(?:19|20)\d\d)/(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/\S*$")


def _date_in_address(lines: list[str]) -> tuple[dt.date | None, str | None]:
    """The day a page's address names (its own, or one pasted on a line of the page), with it as evidence."""
    for line in lines:
        m = ADDRESS_DATE.match(line)
        if m:
            try:
                return dt.date(int(m["y"]), int(m["m"]), int(m["d"])), f"address {line.strip()}"
            except ValueError:
                continue
    return None, None


def _parse_given_date(value: str) -> tuple[dt.date | None, str | None]:
    m = ISO_STAMP.search(value)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4))), f"published field {value}"
        except ValueError:
            return None, None
    day, evidence, _ = _date_from_header(value)
    return day, (f"published field {value}" if day else None)


def derive_title(paragraphs: list[str]) -> str:
    """A headline for an article that has none: its lede's main clause, shortened."""
    from .headline import headline

    for text in paragraphs:
        first = re.split(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])", text, maxsplit=1)[0]
        if len(first) > MAX_SENTENCE:  # a lede that lost its punctuation: its start makes the headline
            cut = first.rfind(" ", 0, MAX_SENTENCE)
            first = first[:cut if cut > 0 else MAX_SENTENCE]
        title = headline(first, [(m.start, m.end) for m in find_mentions(first) if m.type != "DURATION"])
        if title:
            return title
    return "Untitled article"
