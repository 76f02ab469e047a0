"""Which spotted places are parties: overlaps resolved, and a region or country that only says where the
place beside it lies ('Ірпінь на Київщині', 'Orléans in France', '黑龙江省大庆市') dropped, its country kept
as that place's hint."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from twinatlas.extract.text import is_party, words
from twinatlas.models import Level, Mention

_LEVEL_RANK = {level: rank for rank, level in enumerate(Level)}  # country < region < ... < city


def _levels(mention: Mention) -> set[Level]:
    found = {match.place.level for match in mention.matches}
    if mention.level_hint is not None:
        found.add(mention.level_hint)
    return found


def _qualifies(first: Mention, second: Mention, text: str) -> bool:
    """'黑龙江省大庆市', 'Minsk Region Barysaw': a region written right before a smaller place only locates it."""
    gap = text[first.end : second.start]
    if gap.strip() or len(gap) > 1:
        return False
    outer, inner = _levels(first), _levels(second)
    if not outer or not inner or not outer <= {Level.REGION, Level.DISTRICT}:
        return False
    innermost, outermost = min(_LEVEL_RANK[level] for level in inner), max(_LEVEL_RANK[level] for level in outer)
    # written together without a space (CJK), a unit of the same level is located too: '吉林省延边州'
    return innermost > outermost or (not gap and innermost == outermost)


def _locates(
    first: Mention,
    second: Mention,
    text: str,
    locatives: frozenset[str],
    region_locatives: frozenset[str] = frozenset(),
) -> bool:
    """'Ірпінь на Київщині', 'Tampa, en Floride', 'Гусева (Калінінградскай вобласці)': a region right
    after a smaller place, after a locative preposition or in brackets, says where that place is. A name that
    fills a bracket of its own ('Leeds (Yorkshire)'), or follows a preposition the language keeps for regions
    and countries (French 'en'), locates the place before it whatever else the name could mean."""
    gap = text[first.end : second.start]
    if len(gap) > 12 or "\n" in gap:
        return False
    gap_words = [word.lower() for word in words(gap)]
    if first.matches and all(_LEVEL_RANK[level] > _LEVEL_RANK[Level.REGION] for level in _levels(first)):
        bracketed = gap.strip() == "(" and text[second.end : second.end + 1] == ")"
        if bracketed or (len(gap_words) == 1 and gap_words[0] in region_locatives):
            return True
        # «з Выксай Ніжагародскай вобласці», «с Валдайским районом Новгородской области»: a region named with
        # its level word right after a smaller place, nothing between, is where that place lies
        if not gap.strip() and second.level_hint is Level.REGION and first.level_hint is not Level.REGION:
            return True
    if not (gap.strip() == "(" or _locative_gap(gap_words, locatives)):
        return False
    inner, outer = _levels(first), _levels(second)
    # 'Alexandria in Virginia': a name that is a region in its own right (not only a town's region named
    # without its level word) locates, though towns elsewhere bear it too
    named_region = second.level_hint is Level.REGION or any(
        m.place.level is Level.REGION and m.how != "level-phrase" for m in second.matches
    )
    if not inner or not outer or not (outer <= {Level.REGION} or named_region):
        return False
    rank = max if named_region else min  # a town that shares its name with a governorate is still a town
    return rank(_LEVEL_RANK[level] for level in inner) > _LEVEL_RANK[Level.REGION]


def _locative_gap(gap_words: list[str], locatives: frozenset[str]) -> bool:
    """'in', «в», 'dans la', 'in the': a locative word, perhaps with its article."""
    if not gap_words or gap_words[0] not in locatives:
        return False
    return len(gap_words) == 1 or (len(gap_words) == 2 and len(gap_words[1]) <= 3)


def _with_country_of(place: Mention, region: Mention) -> Mention:
    units = [m for m in region.matches if m.place.level in (Level.REGION, Level.COUNTRY)] or region.matches
    countries = {match.place.country for match in units} or {region.country_hint}
    if place.country_hint is not None or len(countries) != 1 or None in countries:
        return place
    return replace(place, country_hint=countries.pop())


def _located_in_countries(mentions: list[Mention], text: str, locatives: frozenset[str]) -> list[Mention]:
    """'Orléans in France': a country right after a place and a locative word is that place's country hint. (A
    country in brackets or after a comma the spotter has already given: gazetteer/spot_lists.py.)"""
    out = list(mentions)
    for k in range(len(out) - 1):
        country = out[k + 1]
        if country.level_hint is not Level.COUNTRY or out[k].level_hint is Level.COUNTRY:
            continue
        gap = text[out[k].end : country.start]
        gap_words = [word.lower() for word in words(gap)]
        if _locative_gap(gap_words, locatives) and len(gap) <= 12:
            out[k] = _with_country_of(out[k], country)
    return out


def party_mentions(
    mentions: Sequence[Mention],
    text: str = "",
    locatives: frozenset[str] = frozenset(),
    region_locatives: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Parties in text order, overlaps resolved in favour of the longer span, a region that only locates the
    place written right before or after it dropped."""
    if text:
        mentions = _located_in_countries(sorted(mentions, key=lambda m: m.start), text, locatives)
    ordered = sorted((m for m in mentions if is_party(m)), key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for mention in ordered:
        if out and mention.start < out[-1].end:
            if mention.end - mention.start > out[-1].end - out[-1].start:
                out[-1] = mention
            continue
        if out and text and _qualifies(out[-1], mention, text):
            out[-1] = mention
            continue
        if out and text and _locates(out[-1], mention, text, locatives, region_locatives):
            out[-1] = _with_country_of(out[-1], mention)  # 'Alexandria in Virginia' is the American one
            continue
        out.append(mention)
    return out
