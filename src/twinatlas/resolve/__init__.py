"""Place resolution: a mention's gazetteer matches -> scored candidates -> a choice, or an abstention.

Uses the document's language and countries, the other party's country and level, level words and country
adjectives next to the name, and population as a prior. Pure: the index is passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from twinatlas.gazetteer.langdata import morphology
from twinatlas.gazetteer.latin import LEVEL_WORDS, name_words
from twinatlas.models import (
    Claim,
    DocContext,
    Level,
    Mention,
    NameMatch,
    Place,
    PlaceIndex,
    Resolution,
    ResolvedClaim,
)
from twinatlas.resolve.coherence import cohere_list_sides
from twinatlas.resolve.context import build_context
from twinatlas.resolve.score import Hints
from twinatlas.resolve.select import Scores, choose

__all__ = ["build_context", "resolve_claims", "resolve_mention", "resolve_name"]

MAX_NAME = 200
UNIT_LEVELS = frozenset({Level.DISTRICT, Level.MUNICIPALITY, Level.COMMUNITY})


def resolve_name(
    text: str,
    index: PlaceIndex,
    lang: str | None = None,
    country: str | None = None,
    context: DocContext | None = None,
) -> Resolution:
    """Resolve a bare name («Нови Пазар», "obwód lwowski"); `country` is a hint, not a filter."""
    if not isinstance(text, str) or not text.strip():
        return Resolution(str(text or ""), None, "abstained: the name is empty")
    if len(text) > MAX_NAME:
        return Resolution(text[:MAX_NAME], None, f"abstained: {len(text)} characters is too long for a place name")
    if any(ord(c) < 32 and c not in "\t\n\r" for c in text):
        return Resolution(text[:MAX_NAME], None, "abstained: the name contains control characters")
    from twinatlas.gazetteer.lookup import split_level

    _, level = split_level(text)
    mention = Mention(0, len(text), text, tuple(index.lookup(text, lang)), level_hint=level, country_hint=country)
    return resolve_mention(mention, index, context or DocContext(lang=lang))


def resolve_mention(
    mention: Mention,
    index: PlaceIndex,
    context: DocContext | None,
    other: Resolution | None = None,
    other_level: Level | None = None,
    scores: Scores | None = None,
) -> Resolution:
    other_place = other.choice if other is not None else None
    hints = Hints(
        level=mention.level_hint,
        country=mention.country_hint,
        other_country=other_place.country if other_place is not None else None,
        other_level=other_level or (other_place.level if other_place is not None else None),
        surface=mention.surface,
    )
    lang = context.lang if context else None
    matches = mention.matches or tuple(index.lookup(mention.surface, lang))
    if mention.level_hint is None and any(m.how != "adjective" for m in matches):
        # a bare name that some place bears, in any form, is that place; the adjective reading («Брянськом»
        # as if from «брянський» -> Bryanka) is only for words that name no place themselves
        matches = tuple(m for m in matches if m.how != "adjective")
    if mention.country_hint and not any(
        m.place.country == mention.country_hint and (m.how != "level-phrase" or mention.level_hint) for m in matches
    ):
        # a unit's level phrase without its level word («Радомо» meeting 'Radomo vaivadija') is no town
        # of that country; the town may still be reached by its declension
        matches += _in_country(mention.surface, mention.country_hint, index, lang)
    why_none = f"no gazetteer entry matches {mention.surface!r}"
    resolution = choose(mention.surface, matches, hints, context, why_none, scores)
    return _named_after_its_town(resolution, index, lang)


def _named_after_its_town(resolution: Resolution, index: PlaceIndex, lang: str | None) -> Resolution:
    """An administrative unit the gazetteer lacks («гміна Міхалова») takes the gazetteer's spelling of the town
    it is named after, in its own country ("Michałowo Municipality"), instead of a romanisation of the text."""
    unit = resolution.choice
    if unit is None or unit.resolved or unit.level not in UNIT_LEVELS:
        return resolution
    name = " ".join(name_words(resolution.text))
    towns = _towns_named(name, unit.country, index, lang)
    if not towns and unit.country is not None:
        # A unit named by an adjective («Знаменски селсъвет», «Столинский район») is named after the town
        # the language's derivations lead back to (Знаменка), but only inside the unit's own country.
        for base in _adjective_bases(name, lang):
            towns = _towns_named(base, unit.country, index, lang)
            if towns:
                break
    if not towns:
        return resolution
    town = max(towns, key=lambda p: p.population or 0)
    renamed = replace(unit, name=f"{town.name} {LEVEL_WORDS[unit.level]}".strip(), country=town.country)
    return replace(resolution, choice=renamed, reason=f"{resolution.reason}; named after {town.name} ({town.country})")


def _towns_named(name: str, country: str | None, index: PlaceIndex, lang: str | None) -> list[Place]:
    return [
        m.place
        for m in (index.lookup(name, lang) if name else ())
        if m.place.level == Level.CITY
        and m.how in ("exact", "folded", "transliterated", "lemma")
        and (country is None or m.place.country == country)
    ]


def _adjective_bases(name: str, lang: str | None) -> list[str]:
    """Place names an adjectival unit name may come from, by the language's (adjective, name) endings."""
    if " " in name:
        return []
    lowered = name.casefold()
    return [
        name[: len(name) - len(adjective)] + ending
        for adjective, ending in morphology(lang).place_adjectives
        if lowered.endswith(adjective) and len(lowered) - len(adjective) >= 3
    ]


def _in_country(surface: str, country: str, index: PlaceIndex, lang: str | None) -> tuple[NameMatch, ...]:
    """Places of the country a word next to the name points to («польским Радомо»), reached by dropping
    one or two final letters the speaker's own declension added: the country word decides the ending."""
    word = surface.strip()
    if " " in word or len(word) < 5:
        return ()
    found = []
    for cut in (1, 2):
        for match in index.lookup(word[:-cut], lang):
            if match.place.country == country and match.how in ("exact", "folded", "transliterated"):
                found.append(replace(match, how="variant"))
        if found:
            break
    return tuple(found)


def resolve_claims(claims: Sequence[Claim], context: DocContext, index: PlaceIndex) -> list[ResolvedClaim]:
    """Resolve both parties of every claim; each party is resolved again knowing the other's first choice."""
    out = []
    memo: dict[tuple, Resolution] = {}  # a party of several claims is resolved once per distinct hint set
    scores = Scores(context)

    def resolved(mention: Mention, other: Resolution | None, other_level: Level | None) -> Resolution:
        other_place = other.choice if other is not None else None
        key = (  # by text, not position: a town named in ten sentences is resolved once
            tuple(map(id, mention.matches)),
            mention.surface,
            mention.level_hint,
            mention.country_hint,
            other_place.country if other_place else None,
            other_level or (other_place and other_place.level),
        )
        if key not in memo:
            memo[key] = resolve_mention(mention, index, context, other, other_level, scores)
        return memo[key]

    for claim in claims:
        first_a = resolved(claim.a, None, claim.b.level_hint)
        first_b = resolved(claim.b, None, claim.a.level_hint)
        a = resolved(claim.a, first_b, claim.b.level_hint)
        b = resolved(claim.b, first_a, claim.a.level_hint)
        out.append(ResolvedClaim(claim=claim, a=a, b=b))
    return cohere_list_sides(out)
