"""Candidates -> scores -> choice. Abstains when nothing supports a place; keeps an unresolved party when a
level word or a country hint says a place is meant but the gazetteer has no such entity (a rural council).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from twinatlas.gazetteer.latin import latin_name, name_words
from twinatlas.models import Candidate, DocContext, Level, NameMatch, Resolution, unresolved_place
from twinatlas.resolve.score import Hints, score_match, weak_foreign

MIN_SCORE = 0.75  # below this the best candidate is a guess: abstain
MAX_CANDIDATES = 8
AMBIGUOUS_GAP = 0.05


class Scores:
    """score_match under one document's context, remembered per hint set and match: a document names its
    towns many times, and each party is scored again once the other party is known."""

    def __init__(self, context: DocContext | None) -> None:
        self.context = context
        # hints -> id(match) -> (match, candidate); keeping the match alive keeps its id from being reused
        self._memo: dict[Hints, dict[int, tuple[NameMatch, Candidate]]] = {}

    def __call__(self, matches: Sequence[NameMatch], hints: Hints) -> list[Candidate]:
        memo = self._memo.setdefault(hints, {})
        out = []
        for match in matches:
            hit = memo.get(id(match))
            if hit is None or hit[0] is not match:
                hit = memo[id(match)] = (match, _scored(match, hints, self.context))
            out.append(hit[1])
        return out


def choose(
    text: str,
    matches: Sequence[NameMatch],
    hints: Hints,
    context: DocContext | None,
    why_none: str,
    scores: Scores | None = None,
) -> Resolution:
    """Score every match, pick the best; `why_none` is the reason given when there are no matches."""
    scored = (scores or Scores(context))(matches, hints)
    candidates = sorted(scored, key=lambda c: (-c.score, -(c.place.population or 0)))[:MAX_CANDIDATES]
    if not candidates:
        return _without_entity(text, hints, context, why_none)
    best = candidates[0]
    if best.score < MIN_SCORE:
        # Only far-away look-alikes reached through inflection: a place is meant, most likely in the
        # document's country («Банкя» in a Bulgarian list is not Bānk in India).
        foreign_only = all(weak_foreign(m, hints, context) for m in matches)
        fallback = _without_entity(text, hints, context, f"best candidate scores only {best.score:.2f}", foreign_only)
        return Resolution(text, fallback.choice, fallback.reason, tuple(candidates))
    reason = f"{best.place.name} ({best.place.country}, {best.place.level.value}): " + "; ".join(best.why)
    if len(candidates) > 1 and best.score - candidates[1].score < AMBIGUOUS_GAP:
        reason += f"; close to {candidates[1].place.name} ({candidates[1].place.country})"
    return Resolution(text, best.place, reason, tuple(candidates))


@lru_cache(maxsize=50_000)
def _scored(match: NameMatch, hints: Hints, context: DocContext | None) -> Candidate:
    """score_match across documents: news of one region name the same towns with the same hints."""
    return score_match(match, hints, context)


def _without_entity(
    text: str, hints: Hints, context: DocContext | None, why: str, place_meant: bool = False
) -> Resolution:
    country = hints.country or _likely_country(hints, context)
    if not name_words(text):
        return Resolution(text, None, f"abstained: {text!r} is only a level word, no name ({why})")
    if hints.level is None and hints.country is None and not (place_meant and country):
        return Resolution(text, None, f"abstained: {why}")
    level = hints.level or Level.CITY
    # The id keeps the text form (stable across documents); the name is readable in Latin letters.
    place = replace(
        unresolved_place(text, country, level), name=latin_name(text, level, context.lang if context else None)
    )
    return Resolution(text, place, f"unresolved {level.value} kept by its text ({why}); country {country or 'unknown'}")


def _likely_country(hints: Hints, context: DocContext | None) -> str | None:
    """The document's most named country other than the other party's (twinnings are mostly international)."""
    if context is None:
        return None
    for country in context.countries:
        if country != hints.other_country:
            return country
    return None


def candidate_ids(candidates: Sequence[Candidate]) -> list[str]:
    return [c.place.id for c in candidates]
