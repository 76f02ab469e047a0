"""One side of a dash list lies in one country: rows follow their list where a name alone would not."""

from __future__ import annotations

from twinatlas.models import Candidate, Claim, Event, Kind, Level, Mention, Place, Resolution, ResolvedClaim
from twinatlas.resolve.coherence import cohere_list_sides


def _town(name: str, country: str, population: int) -> Place:
    return Place(f"{country}:{name}", name, country, Level.CITY, population=population)


def _row(home: Place, abroad: Place, partner: Place, rule: str = "list:dash") -> ResolvedClaim:
    """A row whose left side chose `abroad` (the bigger namesake) though `home` scores nearly as well."""
    mention = Mention(0, 1, home.name, ())
    claim = Claim(mention, mention, Event.SIGNED, Kind.TWINNING, None, "q", 0, 1, 0.9, rule)
    left = Resolution(home.name, abroad, "bigger", (Candidate(abroad, 1.5), Candidate(home, 1.3)))
    right = Resolution(partner.name, partner, "only", (Candidate(partner, 1.5),))
    return ResolvedClaim(claim, left, right)


FR = _town("Morlaix", "FR", 15_000)


def test_rows_that_chose_a_namesake_abroad_join_their_lists_country():
    rows = [_row(_town(n, "GB", 20_000), _town(n, "US", 30_000), FR) for n in ("Truro", "Falmouth", "Saltash")]
    rows.append(_row(_town("Camborne", "GB", 20_000), _town("Camborne", "GB", 20_000), FR))
    moved = cohere_list_sides(rows)
    assert [item.a.choice.country for item in moved] == ["GB", "GB", "GB", "GB"]
    assert "other rows of the list" in moved[0].a.reason


def test_a_list_that_already_agrees_stays_as_it_is():
    rows = [_row(_town(n, "US", 20_000), _town(n, "GB", 30_000), FR) for n in ("Leeds", "Bristol", "Plymouth")]
    assert [item.a.choice.country for item in cohere_list_sides(rows)] == ["GB", "GB", "GB"]


def test_prose_claims_and_short_lists_are_left_alone():
    rows = [_row(_town(n, "GB", 20_000), _town(n, "US", 30_000), FR, "prose:with") for n in "ABCD"]
    assert [item.a.choice.country for item in cohere_list_sides(rows)] == ["US"] * 4
    short = [_row(_town(n, "GB", 20_000), _town(n, "US", 30_000), FR) for n in "AB"]
    assert [item.a.choice.country for item in cohere_list_sides(short)] == ["US", "US"]
