"""What a document tells resolution about itself: its language and the countries it names or implies."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from twinatlas.gazetteer.langdata import _countries_starting, country_of_words
from twinatlas.gazetteer.names import fold, tokens
from twinatlas.models import DocContext, Level, Mention, PartialDate, PlaceIndex

UNAMBIGUOUS_POPULATION = 100_000  # a name that only a big city of one country bears implies that country
RIVAL_POPULATION = 20_000  # ... unless a town this big elsewhere bears it too


def build_context(
    text: str,
    lang: str | None,
    mentions: Sequence[Mention],
    index: PlaceIndex,
    published: PartialDate | None = None,
) -> DocContext:
    """Countries by how often the document names them (country words), then implies them (clear mentions)."""
    counts: Counter[str] = Counter()
    folded = [fold(t[2]) for t in tokens(text[:200_000])]
    for i, word in enumerate(folded):
        if not _countries_starting(word):
            continue  # most words start no country phrase (the test country_of_words makes first)
        found = country_of_words(folded[i : i + 3])
        if found:
            counts[found[0]] += 2
    for mention in mentions:
        country = _implied_country(mention)
        if country:
            counts[country] += 1
    ordered = tuple(cc for cc, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0])))
    return DocContext(lang=lang, countries=ordered, published=published)


def _implied_country(mention: Mention) -> str | None:
    if mention.country_hint:
        return mention.country_hint
    spelled = [m for m in mention.matches if m.how in ("exact", "folded", "transliterated")]
    # a region, or a big city: small units share town names across countries (Falmouth, Massachusetts)
    strong = {
        m.place.country
        for m in spelled
        if m.place.level == Level.REGION
        or (m.place.level == Level.CITY and (m.place.population or 0) >= UNAMBIGUOUS_POPULATION)
    }
    # a town of some size elsewhere with the same name makes it ambiguous: 'Valence' is not only Valencia
    rivals = {
        m.place.country
        for m in spelled
        if m.place.level == Level.CITY and (m.place.population or 0) >= RIVAL_POPULATION
    }
    return strong.pop() if len(strong) == 1 and rivals <= strong else None
