"""Page layouts around lists: a block per partner under its heading, and the heading of another section that
closes a list."""

from __future__ import annotations

from collections.abc import Sequence

from twinatlas.extract.dates import find_dates
from twinatlas.extract.langdata import LangData
from twinatlas.extract.text import Positions, Span
from twinatlas.models import Mention, PartialDate

BLOCK_LINES = 6  # lines below a partner's heading that may date it
OTHER_HEADING_MAX = 60  # a section heading that closes the list above it
TITLE_MAX = 100  # a heading line is at most this long


def is_title(row: str) -> bool:
    """A short line that is not a sentence: a heading."""
    stripped = row.strip()
    return 0 < len(stripped) <= TITLE_MAX and stripped[-1] not in ".!?;," and ". " not in stripped


def block_date(
    folded: str,
    line_spans: Sequence[Span],
    index: int,
    cues: Positions,
    data: LangData,
    published: PartialDate | None,
) -> PartialDate | None:
    """The date of the first line below a partner's heading, in its block, that names an agreement or its
    signing ('Umowa o współpracy: 2006 r.')."""
    for line in line_spans[index + 1 : index + 1 + BLOCK_LINES]:
        if not folded[line.start : line.end].strip():
            return None
        if any(hit.role in ("twin", "agree", "sign") for hit in cues.inside(line.start, line.end)):
            found = find_dates(folded, line.start, line.end, data, published)
            if found:
                return found[0].value
    return None


def other_heading(row: str, line_cues: Sequence, line_parties: Sequence[Mention], bullet: bool) -> bool:
    """A heading of another section: short words, no sentence, no place, no word of relations or their ending
    ('Former partners' continues the list), no table cells or year; a rule of dashes is no heading."""
    stripped = row.strip()
    return (
        is_title(row)
        and len(stripped) <= OTHER_HEADING_MAX
        and any(c.isalpha() for c in stripped)
        and not line_cues
        and not line_parties
        and not bullet
        and not any(c in stripped for c in "|\t:")
        and not any(c.isdigit() for c in stripped)
    )
