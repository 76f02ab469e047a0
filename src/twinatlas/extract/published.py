"""The publication date of a plain text: a dateline of its own near the top, with the month as a word.

Ingest already reads numeric datelines (2025-06-19, 19.06.2025). News pages as often print the date in words
("5. März 2022", "12 квітня 2022 року", "9 de abril de 2024", "March 9, 2022"), which needs the language's
month names: extraction's data. A line counts only when it is short and the date is nearly all of it (a
weekday, a label such as 'Published:' or a time may surround it), so a sentence that merely contains a date
is never taken for the dateline.
"""

from __future__ import annotations

import re

from twinatlas.extract.dates import find_dates
from twinatlas.extract.langdata import LangData, fold_text
from twinatlas.models import PartialDate

HEAD_LINES = 8  # a title, an author, a label: the dateline sits among the first few non-blank lines
MAX_LINE_CHARS = 60
MAX_OTHER_WORDS = 3  # besides the date: a weekday, 'Published:', 'року', 'г.', a time
PIECE_CHARS = 16  # pages flattened to text may print day, month and year on lines of their own
MAX_PIECES = 4


_WORD = re.compile(r"[^\W\d_]+")
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}\b")  # 'Source: example.com.ua / 21 May 2022'


def published_in_head(text: str, data: LangData) -> PartialDate | None:
    """The day-precise date printed on a line of its own among the first lines of `text`, or None."""
    head = [line for line in (raw.strip() for raw in text.splitlines()) if line][:HEAD_LINES]
    for index, line in enumerate(head):
        if len(line) <= MAX_LINE_CHARS and (found := _dateline(fold_text(line), data)) is not None:
            return found
        pieces = [line]
        for following in head[index + 1 : index + MAX_PIECES]:
            if len(following) > PIECE_CHARS:
                break
            pieces.append(following)
            if (found := _dateline(fold_text(" ".join(pieces)), data)) is not None:
                return found
    return None


def _dateline(folded: str, data: LangData) -> PartialDate | None:
    """The date a short folded line consists of, when it names a day and little else."""
    dates = [span for span in find_dates(folded, 0, len(folded), data) if span.value.day is not None]
    if len(dates) != 1:
        return None
    span = dates[0]
    rest = _DOMAIN.sub(" ", _TIME.sub(" ", folded[: span.start] + " " + folded[span.end :]))
    if any(ch.isdigit() for ch in rest):
        return None  # another number on the line: a reference, a phone, a count; not a dateline
    if len(_WORD.findall(rest)) > MAX_OTHER_WORDS:
        return None
    return span.value
