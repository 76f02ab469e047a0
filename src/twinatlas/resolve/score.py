"""Scores for one candidate place of one mention, with the reasons that add up to the score.

Every term is small and named, so that `twinatlas place NAME` can show why a place won. Weights were set by
hand on examples written for the tests, not on evaluation documents.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from twinatlas.gazetteer.langdata import level_of_words, morphology
from twinatlas.gazetteer.names import fold, script_of, words
from twinatlas.models import Candidate, DocContext, Level, NameMatch

LEVEL_MISMATCH_PENALTY = 2.0
HOW_WEIGHT = {
    "exact": 1.0, "folded": 0.95, "transliterated": 0.85, "level-phrase": 0.85, "lemma": 0.7, "variant": 0.7,
    "adjective": 0.6,
}  # fmt: skip
ADMIN_LEVELS = {Level.REGION, Level.DISTRICT, Level.MUNICIPALITY, Level.COMMUNITY}
TIER = {Level.REGION: 1, Level.DISTRICT: 2, Level.MUNICIPALITY: 3, Level.COMMUNITY: 4}  # larger units first
WEAK_HOWS = frozenset({"lemma", "variant", "adjective"})
# A town this small, reached only through a lemma or a suffix rule, in a country nothing in the document points
# to, is more likely a spelling accident («Банкя» -> Bānk in India) than the place meant.
WEAK_FOREIGN_MAX_POPULATION = 50_000
WEAK_FOREIGN_PENALTY = 0.5


@dataclass(frozen=True)
class Hints:
    """What is known about the mention besides its matches."""

    level: Level | None = None  # a level word next to the name
    country: str | None = None  # a country adjective or header next to the name
    other_country: str | None = None  # the country of the other party, when it is resolved
    other_level: Level | None = None
    surface: str = ""  # the text form, to tell a lemma in its own script from one met only by transliteration


def score_match(match: NameMatch, hints: Hints, context: DocContext | None) -> Candidate:
    place = match.place
    why = [f"name {match.how} '{match.name}'"]
    score = HOW_WEIGHT.get(match.how, 0.5)
    if match.name == place.name:
        score += 0.1
        why.append("its main name (+0.1)")
    if place.level == Level.CITY:
        prior = 0.3 * math.log10((place.population or 0) + 1) / 7
        score += prior
        why.append(f"population {place.population or 0} (+{prior:.2f})")
    if hints.level is not None:
        if place.level == hints.level:
            score += 1.0
            why.append(f"level word says {hints.level.value}")
        elif place.level == Level.CITY and hints.level in ADMIN_LEVELS:
            # A level word names a unit: its town is not that unit (a district is never silently replaced by
            # its seat); without the unit in the gazetteer the party stays an unresolved unit named after it.
            # Units of another level are not penalised: level words and admin tables disagree across
            # countries (a Lithuanian "rajonas" is a district municipality).
            score -= LEVEL_MISMATCH_PENALTY
            why.append(f"level word says {hints.level.value}, this is a town (-{LEVEL_MISMATCH_PENALTY})")
        elif place.level in ADMIN_LEVELS and hints.level in ADMIN_LEVELS and TIER[place.level] < TIER[hints.level]:
            # a gmina is never its powiat, an obshtina never its province: a unit above the one the level word
            # names is not it (a unit below may be: Lithuanian 'rajonas' are district municipalities)
            score -= LEVEL_MISMATCH_PENALTY
            why.append(f"level word says {hints.level.value}, this is a larger unit (-{LEVEL_MISMATCH_PENALTY})")
    elif place.level == Level.COUNTRY:
        score -= 0.6
        why.append("a country, not a town (-0.6)")
    elif place.level in ADMIN_LEVELS:
        if match.how == "level-phrase":
            score -= 0.25  # the unit's own name carries a level word («Slonim District») the text does not
            why.append("the unit is named with a level word the text lacks (-0.25)")
        if hints.other_level in ADMIN_LEVELS and hints.other_level is not None and match.how != "level-phrase":
            # A unit matched only through its name without the level word («Волковыском» meeting
            # "Volkovysskiy Rayon") stays behind the town even when the other party is a district.
            score += 0.3
            why.append(f"the other party is a {hints.other_level.value} (+0.3)")
        else:
            score -= 0.35
            why.append("a bare name usually means the town (-0.35)")
    elif place.level == Level.CITY and hints.other_level in ADMIN_LEVELS:
        score -= 0.1
    if hints.level is not None and match.how == "level-phrase":
        shared = 0.1 * _shared_words(hints.surface, match.name)
        if shared:
            score += shared
            why.append(f"its level words are the text's (+{shared:.2f})")
    if hints.country is not None and place.country == hints.country:
        score += 1.5
        why.append(f"country named next to it: {hints.country} (+1.5)")
    score += _context_terms(place.country, hints, context, why)
    if weak_foreign(match, hints, context):
        score -= WEAK_FOREIGN_PENALTY
        why.append(
            f"reached only through inflection, in a country the document never points to (-{WEAK_FOREIGN_PENALTY})"
        )
    return Candidate(place=place, score=score, why=tuple(why))


def weak_foreign(match: NameMatch, hints: Hints, context: DocContext | None) -> bool:
    """A small place matched only through a lemma, adjective or variant written in another script, in none of
    the countries the document, its language, a country word next to the name or the other party point to.
    (Serbian «Krfom» -> "Krf", Corfu's own Serbian name, is not weak: the lemma is spelled as the name.)"""
    place = match.place
    if match.how not in WEAK_HOWS or (place.population or 0) >= WEAK_FOREIGN_MAX_POPULATION:
        return False
    if hints.surface and script_of(hints.surface) == script_of(match.name):
        return False
    if place.level == Level.COUNTRY:
        return False
    pointed = {hints.country, hints.other_country}
    if context is not None:
        pointed.update(context.countries)
        pointed.update(morphology(context.lang).countries if context.lang else ())
    return place.country not in pointed


def _shared_words(surface: str, unit_name: str) -> float:
    """The share of the text's level words that begin a word of the unit's full name: 'Varėnos rajono
    savivaldybės' is nearer 'Varėnos rajonas' than 'Varėnos miestas'. Five letters stand for a stem."""
    told = [w[:5] for w in map(fold, words(surface)) if level_of_words([w]) is not None]
    if not told:
        return 0.0
    stems = {fold(w)[:5] for w in words(unit_name)}
    return sum(w in stems for w in told) / len(told)


def _context_terms(country: str | None, hints: Hints, context: DocContext | None, why: list[str]) -> float:
    score = 0.0
    if context is not None and country in context.countries:
        rank = context.countries.index(country)
        bonus = 0.9 if rank < 2 else 0.5
        score += bonus
        why.append(f"the document names {country} (+{bonus})")
    if context is not None and context.lang and country in morphology(context.lang).countries:
        score += 0.25
        why.append(f"a country of the document's language {context.lang} (+0.25)")
    if hints.other_country and country == hints.other_country:
        multi = context is not None and len(context.countries) >= 2
        penalty = 0.3 if multi else 0.1
        score -= penalty
        why.append(f"same country as the other party; twinnings are mostly international (-{penalty})")
    return score
