"""Markdown: the text without its markup, the title from front matter or the first heading.

Only what gets in the way of reading is removed (emphasis marks, link targets, images, code fences,
heading hashes, HTML comments); list dashes and line structure stay, because lists carry pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from twinatlas.errors import InvalidInput
from twinatlas.ingest.dates import published_from_head
from twinatlas.models import PartialDate

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
_FIELD = re.compile(r"^(title|date)\s*:\s*[\"']?(.*?)[\"']?\s*$", re.MULTILINE | re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_FENCE = re.compile(r"^(```|~~~).*$", re.MULTILINE)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$", re.MULTILINE)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$", re.MULTILINE)
_SETEXT_RULE = re.compile(r"^(=+|-{3,})\s*$", re.MULTILINE)
_EMPHASIS = re.compile(r"(\*\*|__|\*|(?<!\w)_)(?=\S)(.+?)(?<=\S)\1(?!\w)")
_CODE = re.compile(r"`([^`]*)`")
_QUOTE_MARK = re.compile(r"^\s{0,3}>\s?", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class MarkdownParts:
    text: str
    title: str | None
    published: PartialDate | None


def read_markdown(source: str) -> MarkdownParts:
    title: str | None = None
    published: PartialDate | None = None
    front = _FRONT_MATTER.match(source)
    if front:
        for key, value in _FIELD.findall(front.group(1)):
            if key.lower() == "title" and value:
                title = value
            elif key.lower() == "date" and value:
                published = _front_matter_date(value)
        source = source[front.end() :]
    if title is None and (heading := _HEADING.search(source)):
        title = heading.group(1).strip() or None
    text = _COMMENT.sub("", source)
    text = _FENCE.sub("", text)
    text = _REF_DEF.sub("", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _HEADING.sub(r"\1", text)
    text = _SETEXT_RULE.sub("", text)
    text = _QUOTE_MARK.sub("", text)
    text = _CODE.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    return MarkdownParts(text=text, title=title, published=published or published_from_head(text))


def _front_matter_date(value: str) -> PartialDate | None:
    try:
        return PartialDate.parse(value[:10])
    except InvalidInput:
        return None
