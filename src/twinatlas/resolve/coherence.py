"""One side of a list lies in one country.

A page of rows 'Truro – Morlaix (France), 1973', 'Falmouth – Douarnenez (France), 1980' names the towns of
its own region on one side of the dash: each name alone may be a bigger namesake abroad (Truro in Canada,
Falmouth in the United States), but together they point to the one country all of them can be in. When most
rows of a side have a good candidate in one country, the rows that chose elsewhere take their candidate
there instead, if they have one scoring nearly as well.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from twinatlas.models import Candidate, Resolution, ResolvedClaim

MIN_ROWS = 3  # fewer rows say nothing about a list's country
MIN_SHARE = 0.6  # of a side's rows must be able to lie in the country
MAX_LOSS = 1.0  # a row gives up at most this much score to join its list's country
GOOD_SCORE = 0.75  # a candidate this good makes a row able to lie in its country


def cohere_list_sides(resolved: Sequence[ResolvedClaim]) -> list[ResolvedClaim]:
    """The claims, with the parties of dash-list rows moved to their side's common country where needed."""
    out = list(resolved)
    rows = [k for k, item in enumerate(out) if item.claim.rule.startswith("list:dash")]
    if len(rows) < MIN_ROWS:
        return out
    for side in ("a", "b"):
        resolutions = [getattr(out[k], side) for k in rows]
        country = _common_country(resolutions)
        if country is None:
            continue
        for k, resolution in zip(rows, resolutions, strict=True):
            moved = _moved_to(resolution, country)
            if moved is not resolution:
                out[k] = replace(out[k], a=moved) if side == "a" else replace(out[k], b=moved)
    return out


def _common_country(resolutions: Sequence[Resolution]) -> str | None:
    """The country most rows can lie in; among equals, the one most rows already chose."""
    able: Counter[str] = Counter()
    chosen = Counter(r.choice.country for r in resolutions if r.choice is not None and r.choice.country)
    for resolution in resolutions:
        able.update({c.place.country for c in resolution.candidates if c.score >= GOOD_SCORE and c.place.country})
    if not able:
        return None
    country = max(able, key=lambda cc: (able[cc], chosen[cc], cc))
    return country if able[country] >= max(MIN_ROWS, MIN_SHARE * len(resolutions)) else None


def _moved_to(resolution: Resolution, country: str) -> Resolution:
    choice = resolution.choice
    if choice is None or choice.country == country or not resolution.candidates:
        return resolution
    best = resolution.candidates[0].score
    there: Candidate | None = next((c for c in resolution.candidates if c.place.country == country), None)
    if there is None or best - there.score > MAX_LOSS:
        return resolution
    reason = f"{there.place.name} ({country}): the other rows of the list lie in {country}; {resolution.reason}"
    return replace(resolution, choice=there.place, reason=reason)
