"""The ingest pipeline: pure functions over plain data, no database, web or file I/O.

text -> Article (article.py) -> Mentions (temporal.py) -> EventCandidates (events.py)
-> MergedEvents (merge.py); pipeline.py runs them in order.
"""

from .article import parse_article
from .events import extract_events
from .merge import EventIndex, merge_events
from .pipeline import Extraction, extract, first_reading, read_article
from .reader import BadInput, RawDoc, read_documents
from .temporal import find_mentions
from .types import Anchor, Article, EventCandidate, MergedEvent, Mention, Paragraph, SourceRef

__all__ = [
    "Anchor", "Article", "BadInput", "EventCandidate", "EventIndex", "Extraction", "MergedEvent",
    "Mention", "Paragraph", "RawDoc", "SourceRef", "extract", "extract_events", "find_mentions", "first_reading",
    "merge_events", "parse_article", "read_article", "read_documents",
]
