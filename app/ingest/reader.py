"""Bytes to article texts, with a clear reason for anything that is not an article.

Plain text files hold one article; JSON Lines files (a CMS export) hold one
article a line with `text` and optional `title`, `published` and `url`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


class BadInput(ValueError):
    """An input that cannot be read as an article; the message says why in one line."""


@dataclass(frozen=True)
class RawDoc:
    name: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None


def _decode(data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise BadInput("binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(f"invalid UTF-8 at byte {exc.start}") from None
    controls = len(_CONTROL.findall(text, 0, 8192))
    if controls > 0.05 * min(len(text), 8192):
        raise BadInput("binary file (mostly control characters), not text")
    return text


def read_documents(data: bytes, name: str, *, max_bytes: int = MAX_ARTICLE_BYTES) -> list[RawDoc]:
    """The articles in one input file. Raises BadInput for anything unreadable."""
    if len(data) > max_bytes and not name.endswith((".jsonl", ".ndjson")):
        raise BadInput(f"too large ({len(data) / 1048576:.1f} MB; an article is at most "
                       f"{max_bytes / 1048576:.0f} MB)")
    text = _decode(data)
    if not text.strip():
        raise BadInput("empty file")
    if name.endswith((".jsonl", ".ndjson")):
        return _json_lines(text, name, max_bytes)
    return [RawDoc(name=name, text=text)]


def _json_lines(text: str, name: str, max_bytes: int) -> list[RawDoc]:
    docs = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BadInput(f"line {lineno}: not JSON ({exc.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
            raise BadInput(f"line {lineno}: needs a non-empty \"text\" field")
        if len(record["text"].encode()) > max_bytes:
            raise BadInput(f"line {lineno}: article too large")
        docs.append(RawDoc(name=f"{name}:{lineno}", text=record["text"],
                           title=_opt_str(record.get("title")), published=_opt_str(record.get("published")),
                           url=_opt_str(record.get("url"))))
    if not docs:
        raise BadInput("no articles in the JSON Lines file")
    return docs


def _opt_str(value) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
