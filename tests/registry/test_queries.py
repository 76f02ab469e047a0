"""Questions over many relations: partners, changes since a date, country statistics, coverage."""

from datetime import date

import pytest

from registry.builders import (
    COLOGNE,
    GELENDZHIK,
    HASKOVO,
    OMSK,
    ST_PETERSBURG,
    VITEBSK,
    VOLGOGRAD,
    docs,
    document,
    place,
    said,
)
from twinatlas.errors import InvalidInput
from twinatlas.models import Event, Level, PartialDate
from twinatlas.registry import changes_since, country_pair_stats, coverage, index_by_place, merge_relations, partners

TODAY = date(2025, 9, 1)
OMSK_NEWS = document("omsk.txt", published="2025-06-20")
HASKOVO_PAGE = document("haskovo.txt")
GELENDZHIK_PAGE = document("gelendzhik.txt")
COLOGNE_NEWS = document("cologne.txt", published="2022-03-04")
DOCS = docs(OMSK_NEWS, HASKOVO_PAGE, GELENDZHIK_PAGE, COLOGNE_NEWS)
RELATIONS = merge_relations(
    [
        said(OMSK_NEWS, OMSK, VITEBSK, Event.SIGNED, "2025-06-19"),
        said(HASKOVO_PAGE, VITEBSK, HASKOVO, Event.SIGNED, "1999"),
        said(GELENDZHIK_PAGE, GELENDZHIK, VITEBSK, Event.SIGNED, "2009"),
        said(COLOGNE_NEWS, COLOGNE, VOLGOGRAD, Event.SIGNED, "1988"),
        said(COLOGNE_NEWS, COLOGNE, VOLGOGRAD, Event.SUSPENDED, "2022-03"),
    ],
    DOCS,
    at=TODAY,
)


def test_partners_lists_each_partner_with_status_start_and_sources_oldest_first():
    found = partners(VITEBSK.id, RELATIONS)
    assert [(p.place.name, p.status, p.relation.start.iso()) for p in found] == [
        ("Haskovo", Event.SIGNED, "1999"),
        ("Gelendzhik", Event.SIGNED, "2009"),
        ("Omsk", Event.SIGNED, "2025-06-19"),
    ]
    omsk = found[-1].to_json()
    assert omsk["place"]["name"] == "Omsk"
    assert (omsk["status"], omsk["start"], omsk["end"], omsk["kind"]) == ("signed", "2025-06-19", None, "twinning")
    assert [s["doc"] for s in omsk["sources"]] == ["omsk.txt"]


def test_partners_at_an_earlier_date_leaves_out_pairs_not_yet_signed():
    assert [p.place.name for p in partners(VITEBSK.id, RELATIONS, at=PartialDate(2010))] == ["Haskovo", "Gelendzhik"]


def test_partners_can_be_limited_to_some_statuses():
    assert partners(COLOGNE.id, RELATIONS, statuses={Event.SIGNED}) == []
    assert [p.place.name for p in partners(COLOGNE.id, RELATIONS, statuses={Event.SUSPENDED})] == ["Volgograd"]
    assert [p.status for p in partners(COLOGNE.id, RELATIONS, at=PartialDate(2021))] == [Event.SIGNED]


def test_the_place_index_answers_the_same_as_a_scan():
    index = index_by_place(RELATIONS)
    assert partners(VITEBSK.id, index[VITEBSK.id]) == partners(VITEBSK.id, RELATIONS)
    assert partners(ST_PETERSBURG.id, index.get(ST_PETERSBURG.id, [])) == []


def test_changes_since_lists_steps_on_or_after_the_date_newest_first():
    found = changes_since(RELATIONS, PartialDate(2022))
    assert [(c.step.event, c.step.date.iso(), {c.a.name, c.b.name}) for c in found] == [
        (Event.SIGNED, "2025-06-19", {"Omsk", "Vitebsk"}),
        (Event.SUSPENDED, "2022-03", {"Cologne", "Volgograd"}),
    ]
    # An imprecise step may have happened after the date, so it is listed.
    assert [c.step.date.iso() for c in changes_since(RELATIONS, date(2009, 12, 1))][-1] == "2009"
    assert changes_since(RELATIONS, date(2025, 6, 20)) == []


MINSK = place("Minsk", "BY")
MINSK_REGION = place("Minsk Region", "BY", Level.REGION)
SOFIA = place("Sofia", "BG")
VARNA = place("Varna", "BG")
BY_BG = merge_relations(
    [
        said(HASKOVO_PAGE, VITEBSK, HASKOVO, Event.SIGNED, "1999"),
        said(HASKOVO_PAGE, SOFIA, MINSK, Event.SIGNED, "2003"),
        said(HASKOVO_PAGE, MINSK_REGION, VARNA, Event.PLANNED, "2024"),
        said(HASKOVO_PAGE, VARNA, HASKOVO, Event.SIGNED, "1970"),  # both in Bulgaria
        said(OMSK_NEWS, OMSK, VITEBSK, Event.SIGNED, "2025-06-19"),
    ],
    DOCS,
    at=TODAY,
)


def test_country_pair_stats_counts_distinct_pairs_by_level_and_status():
    stats = country_pair_stats(BY_BG + BY_BG, "by", "BG")  # a repeated relation counts once
    assert stats.pairs == 3
    assert stats.by_level == {"city–city": 2, "region–city": 1}
    assert stats.by_status == {"signed": 2, "planned": 1}
    assert stats.to_json()["countries"] == ["BY", "BG"]


def test_one_country_stats_count_partner_countries():
    stats = country_pair_stats(BY_BG, "BY")
    assert stats.pairs == 4
    assert stats.by_country == {"BG": 3, "RU": 1}


def test_a_bad_country_code_is_refused_naming_it():
    with pytest.raises(InvalidInput, match="'Belarus' is not a two-letter country code"):
        country_pair_stats(BY_BG, "Belarus")


def test_coverage_reports_for_each_source_the_covered_targets_with_evidence_and_the_missing_ones():
    # Claim to check: "Omsk and Volgograd are twinned with every one of these Belarusian cities".
    grodno = place("Grodno", "BY")
    page = document("regional-centres.txt")
    relations = merge_relations(
        [
            said(page, OMSK, VITEBSK, Event.SIGNED, "2025-06-19"),
            said(page, OMSK, grodno, Event.SIGNED, "2012"),
            said(page, VOLGOGRAD, VITEBSK, Event.SIGNED, "2005"),
            said(page, VOLGOGRAD, grodno, Event.TERMINATED, "2015"),
        ],
        docs(page),
        at=TODAY,
    )
    result = coverage([VOLGOGRAD, OMSK], [VITEBSK, grodno], relations)
    assert result.complete_places == (OMSK,)
    omsk, volgograd = result.rows
    assert [target.name for target, _ in omsk.covered] == ["Vitebsk", "Grodno"]
    assert [target.name for target in volgograd.missing] == ["Grodno"]  # terminated does not count
    evidence = omsk.to_json()["covered"][0]
    assert (evidence["status"], evidence["start"], evidence["sources"][0]["doc"]) == (
        "signed",
        "2025-06-19",
        "regional-centres.txt",
    )
    # In 2013 Omsk had signed with Grodno but not yet with Vitebsk: the claim did not hold then.
    assert coverage([OMSK], [VITEBSK, grodno], relations, at=PartialDate(2013)).complete_places == ()
