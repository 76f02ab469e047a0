"""A publication date printed alone at the top of a plain text, when it cannot be misread.

Only two forms are taken, both unambiguous: ISO (2025-06-19) and day.month.year with dots (19.06.2025),
the way dates are printed in the project's European languages. Slashed dates (06/07/2025) are left alone
because day and month order differs by country.
"""

from __future__ import annotations

import re

from twinatlas.errors import InvalidInput
from twinatlas.models import PartialDate

HEAD_LINES = 3
_LABEL = r"(?:[^\W\d][^\W\d ]*(?: [^\W\d]+){0,2}\s*:\s*)?"  # "Published:", "Дата публикации:"
_ISO = re.compile(rf"^{_LABEL}(\d{{4}})-(\d{{2}})-(\d{{2}})(?:[ T]\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\.?$")
_DOTTED = re.compile(rf"^{_LABEL}(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}})(?:\s*г\.?)?(?:,?\s+\d{{1,2}}:\d{{2}})?\.?$")


def published_from_head(text: str) -> PartialDate | None:
    """The date on a line of its own among the first few lines, or None."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:HEAD_LINES]
    for line in lines:
        if match := _ISO.match(line):
            year, month, day = match.groups()
        elif match := _DOTTED.match(line):
            day, month, year = match.groups()
        else:
            continue
        try:
            return PartialDate(int(year), int(month), int(day))
        except InvalidInput:
            return None  # 31.02.2025 is not a date: better none than a wrong one
    return None
