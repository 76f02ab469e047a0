"""Hints a list gives its items.

A level word shared by the list after it: "with three municipalities – A, B and C" names three
municipalities, not three towns. Only bare names joined by commas or a short joining word take the level;
a list item with its own level word, or a single name after a dash (a list row "A – B"), is left alone.

A country written right after a name, in brackets, after a comma or in the next table cell ("Cherkasy
(Ukraine)", "Modena, Italy", "Norwich, Connecticut, USA", "Lublin | Poland"), says where that place is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from twinatlas.gazetteer.langdata import level_of_words
from twinatlas.gazetteer.names import fold
from twinatlas.models import Level, Mention

# What may stand between a name and its country: a bracket, a comma or a cell border, perhaps a region between.
COUNTRY_GAP = re.compile(r"\s{0,2}(?:\(|,|\|)\s{0,2}(?:[^\W\d_][\w'’.-]*(?:\s[^\W\d_][\w'’.-]*)?\s{0,2}[,(]\s{0,2})?")
OPENER = re.compile(r"(\w+)\s*[–—‒:-]\s*$")  # the level word, then a dash or a colon, just before the first item
LOOK_BACK = 60
DASHES = frozenset("–—‒:-")
MAX_JOINING_WORD = 4  # "and", "ir", "bei", "и", "i", "oraz" is five and not needed: a comma list is enough


def _joins(gap: str) -> bool:
    word = gap.strip()
    return word in (",", ";") or (word.isalpha() and word.islower() and len(word) <= MAX_JOINING_WORD)


def share_list_levels(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    out = list(mentions)
    i = 0
    while i < len(out):
        first = out[i]
        before = text[max(0, first.start - LOOK_BACK) : first.start]
        # most mentions have no dash or colon right before them: skip the regular expression
        opener = OPENER.search(before) if before.rstrip()[-1:] in DASHES else None
        level = level_of_words([fold(opener.group(1))]) if opener and first.level_hint is None else None
        if level is None:
            i += 1
            continue
        items = [i]
        while items[-1] + 1 < len(out):
            here, after = out[items[-1]], out[items[-1] + 1]
            if after.level_hint is not None or not _joins(text[here.end : after.start]):
                break
            items.append(items[-1] + 1)
        if len(items) >= 2:
            for k in items:
                out[k] = replace(out[k], level_hint=level[0])
        i = items[-1] + 1
    return out


def countries_after(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    out = list(mentions)
    for k, mention in enumerate(out[:-1]):
        if mention.country_hint is not None or mention.level_hint is Level.COUNTRY:
            continue
        # the country may come after a region ("Shawnee, Kansas (USA)"), which the gap pattern allows for
        country = next((m for m in out[k + 1 : k + 3] if m.level_hint is Level.COUNTRY), None)
        if country is None or country.country_hint is None:
            continue
        if COUNTRY_GAP.fullmatch(text[mention.end : country.start]):
            out[k] = replace(mention, country_hint=country.country_hint)
    return out
