"""Merging what sources say about one pair into a relation: history, status at a date, start and end."""

from datetime import date

import pytest

from registry.builders import COLOGNE, GELENDZHIK, HASKOVO, OMSK, VITEBSK, VOLGOGRAD, docs, document, place, said
from twinatlas.errors import InvalidInput
from twinatlas.models import Event, Kind, PartialDate, Review
from twinatlas.registry import merge_relation, merge_relations, periods, relation_at

NEWS = document("omsk-vitebsk.txt", published="2025-06-20")


def test_a_signing_gives_status_signed_and_its_date_as_start():
    omsk = merge_relation(OMSK, VITEBSK, [said(NEWS, OMSK, VITEBSK, Event.SIGNED, "2025-06-19")], docs(NEWS))

    assert omsk.status is Event.SIGNED
    assert omsk.start == PartialDate(2025, 6, 19)
    assert omsk.end is None
    assert [(step.event, step.date) for step in omsk.history] == [(Event.SIGNED, PartialDate(2025, 6, 19))]
    (source,) = omsk.history[0].sources
    assert (source.doc, source.url, source.date_from_publication) == (NEWS.name, NEWS.url, False)


def test_the_pair_is_unordered():
    assertion = said(NEWS, VITEBSK, OMSK, Event.SIGNED, "2025-06-19")
    assert merge_relation(OMSK, VITEBSK, [assertion], docs(NEWS)).status is Event.SIGNED


SIGNED_1999 = document("twins-1999.txt", published="1999-05-01")
SUSPENDED_2022 = document("on-hold.txt", published="2022-03-10")
ENDED_2023 = document("ended.txt", published="2023-09-01")
STORY = [
    said(SIGNED_1999, COLOGNE, VOLGOGRAD, Event.SIGNED, "1999"),
    said(SUSPENDED_2022, COLOGNE, VOLGOGRAD, Event.SUSPENDED, "2022-03"),
    said(ENDED_2023, COLOGNE, VOLGOGRAD, Event.TERMINATED, "2023"),
]
STORY_DOCS = docs(SIGNED_1999, SUSPENDED_2022, ENDED_2023)


@pytest.mark.parametrize(
    ("at", "status", "end"),
    [
        (PartialDate(2000), Event.SIGNED, None),
        (PartialDate(2022, 6), Event.SUSPENDED, None),
        (date(2024, 1, 1), Event.TERMINATED, PartialDate(2023)),
        (PartialDate(1998), None, None),
    ],
)
def test_status_follows_the_latest_event_on_or_before_the_date(at, status, end):
    relation = merge_relation(COLOGNE, VOLGOGRAD, STORY, STORY_DOCS, at=at)
    assert relation.status is status
    assert relation.end == end
    assert relation.start == (PartialDate(1999) if status else None)


def test_suspension_period_runs_until_the_termination():
    relation = merge_relation(COLOGNE, VOLGOGRAD, STORY, STORY_DOCS, at=date(2024, 1, 1))
    (suspension,) = periods(relation.history, Event.SUSPENDED)
    assert (suspension.start, suspension.end) == (PartialDate(2022, 3), PartialDate(2023))
    assert periods(relation.history, Event.SUSPENDED, at=PartialDate(2022, 12))[0].end is None


def test_an_undated_event_is_placed_by_its_publication_date_and_marked():
    article = document("lapsed.txt", published="2019-11-05")
    relation = merge_relation(
        OMSK, HASKOVO, [said(article, OMSK, HASKOVO, Event.LAPSED)], docs(article), at=date(2020, 1, 1)
    )
    (step,) = relation.history
    assert (step.event, step.date) == (Event.LAPSED, PartialDate(2019, 11, 5))
    assert step.sources[0].date_from_publication is True
    assert relation.status is Event.LAPSED
    assert (
        merge_relation(
            OMSK, HASKOVO, [said(article, OMSK, HASKOVO, Event.LAPSED)], docs(article), at=date(2019, 1, 1)
        ).status
        is None
    )


def test_an_undated_restatement_joins_the_dated_event_it_repeats():
    profile = document("city-profile.txt", published="2015-02-01")
    relation = merge_relation(
        VITEBSK,
        HASKOVO,
        [said(SIGNED_1999, VITEBSK, HASKOVO, Event.SIGNED, "1999"), said(profile, VITEBSK, HASKOVO, Event.SIGNED)],
        docs(SIGNED_1999, profile),
    )
    (step,) = relation.history
    assert step.date == PartialDate(1999)
    assert [s.date_from_publication for s in step.sources] == [False, True]
    assert relation.start == PartialDate(1999)


def test_undated_without_publication_date_decides_only_when_nothing_is_dated():
    undated_doc = document("no-date.txt")
    only_undated = [said(undated_doc, VITEBSK, GELENDZHIK, Event.SIGNED)]
    relation = merge_relation(VITEBSK, GELENDZHIK, only_undated, docs(undated_doc))
    assert relation.status is Event.SIGNED
    assert relation.start is None
    assert relation.history[0].date is None


def test_a_year_and_a_full_date_of_the_same_signing_are_one_step():
    exact = document("exact.txt", published="2009-10-01")
    relation = merge_relation(
        VITEBSK,
        GELENDZHIK,
        [
            said(exact, VITEBSK, GELENDZHIK, Event.SIGNED, "2009-09-14"),
            said(SIGNED_1999, VITEBSK, GELENDZHIK, Event.SIGNED, "2009"),
        ],
        docs(exact, SIGNED_1999),
    )
    (step,) = relation.history
    assert step.date == PartialDate(2009, 9, 14)
    assert sorted(s.date.iso() for s in step.sources) == ["2009", "2009-09-14"]


def test_a_plan_does_not_change_an_established_status_and_a_plan_alone_is_planned():
    plan = document("plan.txt", published="2024-01-10")
    planned_only = merge_relation(OMSK, VITEBSK, [said(plan, OMSK, VITEBSK, Event.PLANNED, "2024")], docs(plan))
    assert planned_only.status is Event.PLANNED

    later_plan = said(plan, VITEBSK, HASKOVO, Event.PLANNED, "2024")
    relation = merge_relation(
        VITEBSK,
        HASKOVO,
        [said(SIGNED_1999, VITEBSK, HASKOVO, Event.SIGNED, "1999"), later_plan],
        docs(plan, SIGNED_1999),
    )
    assert relation.status is Event.SIGNED


def test_pending_assertions_count_only_when_asked_and_rejected_ones_never():
    pending = said(NEWS, OMSK, VITEBSK, Event.SIGNED, "2025-06-19", review=Review.PENDING)
    rejected = said(NEWS, OMSK, VITEBSK, Event.TERMINATED, "2025-07-01", review=Review.REJECTED)

    default = merge_relation(OMSK, VITEBSK, [pending, rejected], docs(NEWS))
    assert (default.status, default.history) == (None, ())

    with_pending = merge_relation(OMSK, VITEBSK, [pending, rejected], docs(NEWS), include_pending=True)
    assert with_pending.status is Event.SIGNED
    assert with_pending.history[0].sources[0].review is Review.PENDING


def test_kind_is_the_most_frequent_and_twinning_wins_ties():
    other = document("other.txt")
    one_each = [
        said(NEWS, OMSK, VITEBSK, Event.SIGNED, "2025", kind=Kind.PARTNERSHIP),
        said(other, OMSK, VITEBSK, Event.SIGNED, "2025", kind=Kind.TWINNING),
    ]
    assert merge_relation(OMSK, VITEBSK, one_each, docs(NEWS, other)).kind is Kind.TWINNING
    two_partnerships = [*one_each, said(other, OMSK, VITEBSK, Event.PLANNED, "2024", kind=Kind.PARTNERSHIP)]
    assert merge_relation(OMSK, VITEBSK, two_partnerships, docs(NEWS, other)).kind is Kind.PARTNERSHIP


def test_a_resigned_pair_has_no_end():
    again = document("again.txt")
    relation = merge_relation(
        COLOGNE,
        VOLGOGRAD,
        [*STORY, said(again, COLOGNE, VOLGOGRAD, Event.SIGNED, "2024-05")],
        {**STORY_DOCS, **docs(again)},
        at=date(2025, 1, 1),
    )
    assert (relation.status, relation.start, relation.end) == (Event.SIGNED, PartialDate(1999), None)
    assert relation_at(relation, PartialDate(2023, 12)).end == PartialDate(2023)


def test_an_assertion_about_another_pair_is_refused_with_both_pairs_named():
    with pytest.raises(InvalidInput, match="not about"):
        merge_relation(OMSK, HASKOVO, [said(NEWS, OMSK, VITEBSK, Event.SIGNED, "2025")], docs(NEWS))
    with pytest.raises(InvalidInput, match="two different places"):
        merge_relation(OMSK, OMSK, [], docs(NEWS))


def test_merge_relations_groups_by_unordered_pair_and_skips_pairs_with_nothing_usable():
    minsk = place("Minsk", "BY")
    relations = merge_relations(
        [
            said(NEWS, OMSK, VITEBSK, Event.SIGNED, "2025-06-19"),
            said(SIGNED_1999, VITEBSK, OMSK, Event.PLANNED, "2024"),
            said(NEWS, minsk, OMSK, Event.SIGNED, "2000", review=Review.REJECTED),
            said(NEWS, minsk, minsk, Event.SIGNED, "2000"),
        ],
        docs(NEWS, SIGNED_1999),
    )
    (relation,) = relations
    assert {relation.a.id, relation.b.id} == {OMSK.id, VITEBSK.id}
    assert [step.event for step in relation.history] == [Event.PLANNED, Event.SIGNED]


def test_a_lapsed_agreement_signed_anew_has_a_closed_lapse_period():
    page = document("renewal.txt")
    relation = merge_relation(
        OMSK,
        HASKOVO,
        [
            said(page, OMSK, HASKOVO, Event.SIGNED, "2001"),
            said(page, OMSK, HASKOVO, Event.LAPSED, "2011"),
            said(SIGNED_1999, OMSK, HASKOVO, Event.SIGNED, "2019-10"),
        ],
        docs(page, SIGNED_1999),
        at=date(2025, 1, 1),
    )
    (lapse,) = periods(relation.history, Event.LAPSED)
    assert (lapse.start, lapse.end) == (PartialDate(2011), PartialDate(2019, 10))
    assert relation.status is Event.SIGNED
    assert relation.end is None  # a lapse is not a termination


def test_the_pair_json_shows_where_a_date_came_from():
    article = document("profile.txt", published="2024-02-02")
    relation = merge_relation(OMSK, HASKOVO, [said(article, OMSK, HASKOVO, Event.SIGNED)], docs(article))
    (step,) = relation.to_json()["history"]
    assert step["date"] == "2024-02-02"
    assert step["sources"][0] | {"quote": "…"} == {
        "doc": "profile.txt",
        "url": article.url,
        "quote": "…",
        "event": "signed",
        "date": "2024-02-02",
        "date_from_publication": True,
        "review": "accepted",
    }
