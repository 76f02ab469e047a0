"""HTML pages: the main text (trafilatura), the title and the publication date.

trafilatura drops navigation, footers and comments, and keeps headings, paragraphs and tables, which is
where agreements are reported. Its date search is kept to the page's own metadata and markup: the
"extensive" search guesses from any date-like string and would date a page by a copyright line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import lxml.html
import trafilatura

from twinatlas.errors import InvalidInput
from twinatlas.models import PartialDate

_DATE_SEARCH = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True, slots=True)
class HtmlParts:
    text: str
    title: str | None
    published: PartialDate | None


def read_html(html: str, name: str, url: str | None = None) -> HtmlParts:
    """The readable parts of a page; InvalidInput naming `name` when it has no text at all."""
    try:
        found: Any = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_SEARCH,
        )
    except Exception:  # trafilatura raises assorted lxml/parser errors on broken markup; fall back below
        found = None
    text = (found.text if found is not None else None) or _plain(html)
    if not text or not text.strip():
        raise InvalidInput(f"{name}: the HTML page has no readable text")
    title = found.title if found is not None else None
    return HtmlParts(text=text, title=title or None, published=_date(found.date if found is not None else None))


def _plain(html: str) -> str:
    """All visible text, for pages too small or odd for the main-text extractor (fragments, bare <p>)."""
    try:
        text = trafilatura.html2txt(html) or ""
        if not text.strip():
            text = lxml.html.fromstring(html).text_content()
        return text
    except Exception:  # same as above: broken markup is not the user's bug
        return ""


def _date(value: str | None) -> PartialDate | None:
    if not value:
        return None
    try:
        return PartialDate.parse(value[:10])
    except InvalidInput:
        return None
