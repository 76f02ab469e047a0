"""Conflicts are listed with what each source said, never silently resolved."""

from datetime import date

from registry.builders import COLOGNE, HASKOVO, OMSK, ST_PETERSBURG, VITEBSK, VOLGOGRAD, docs, document, said
from twinatlas.models import Event, Review
from twinatlas.registry import all_conflicts, merge_relation, merge_relations

TODAY = date(2025, 9, 1)


def kinds(relation):
    return [c.kind for c in relation.conflicts]


def test_a_termination_of_a_pair_no_source_established_is_a_conflict_naming_the_known_partners():
    seed = document("cologne-breaks.txt", published="2025-03-20")
    older = document("cologne-volgograd.txt", published="2022-03-05")
    relations = merge_relations(
        [
            said(seed, COLOGNE, ST_PETERSBURG, Event.TERMINATED, "2025-03"),
            said(older, COLOGNE, VOLGOGRAD, Event.SIGNED, "1988"),
            said(older, COLOGNE, VOLGOGRAD, Event.SUSPENDED, "2022-03"),
        ],
        docs(seed, older),
        at=TODAY,
    )
    (conflict,) = all_conflicts(relations)
    assert conflict.kind == "termination-without-establishment"
    assert {conflict.a.id, conflict.b.id} == {COLOGNE.id, ST_PETERSBURG.id}
    assert "cologne-breaks.txt" in conflict.detail
    assert "Cologne's known partners in RU: Volgograd (suspended)" in conflict.detail


def test_two_sources_giving_different_start_years_is_a_conflict():
    first, second = document("a.txt"), document("b.txt")
    relation = merge_relation(
        VITEBSK,
        HASKOVO,
        [said(first, VITEBSK, HASKOVO, Event.SIGNED, "1999"), said(second, VITEBSK, HASKOVO, Event.SIGNED, "2001-04")],
        docs(first, second),
        at=TODAY,
    )
    assert kinds(relation) == ["start-dates-differ"]
    assert relation.conflicts[0].detail == "signed in 1999 (a.txt); 2001 (b.txt)"
    assert relation.start.iso() == "1999"  # reported, and the timeline still takes the earliest


def test_a_year_and_a_full_date_in_that_year_agree():
    first, second = document("a.txt"), document("b.txt")
    relation = merge_relation(
        VITEBSK,
        HASKOVO,
        [
            said(first, VITEBSK, HASKOVO, Event.SIGNED, "1999"),
            said(second, VITEBSK, HASKOVO, Event.SIGNED, "1999-05-12"),
        ],
        docs(first, second),
        at=TODAY,
    )
    assert relation.conflicts == ()


def test_a_plan_followed_by_a_signing_is_no_conflict_but_an_old_plan_alone_is():
    plan, signing = document("plan.txt"), document("signing.txt")
    fulfilled = merge_relation(
        OMSK,
        VITEBSK,
        [said(plan, OMSK, VITEBSK, Event.PLANNED, "2021-10"), said(signing, OMSK, VITEBSK, Event.SIGNED, "2025-06-19")],
        docs(plan, signing),
        at=TODAY,
    )
    assert fulfilled.conflicts == ()

    only_plan = [said(plan, OMSK, VITEBSK, Event.PLANNED, "2021-10")]
    assert kinds(merge_relation(OMSK, VITEBSK, only_plan, docs(plan), at=TODAY)) == ["planned-not-signed"]
    # The horizon is a parameter: with five years of patience, a 2021 plan is not overdue yet.
    assert merge_relation(OMSK, VITEBSK, only_plan, docs(plan), at=TODAY, plan_horizon_years=5).conflicts == ()
    # A recent plan is not overdue either.
    assert merge_relation(OMSK, VITEBSK, only_plan, docs(plan), at=date(2022, 6, 1)).conflicts == ()


def test_signing_again_after_a_termination_is_a_conflict():
    old, ended, new = document("old.txt"), document("ended.txt"), document("new.txt")
    relation = merge_relation(
        COLOGNE,
        VOLGOGRAD,
        [
            said(old, COLOGNE, VOLGOGRAD, Event.SIGNED, "1988"),
            said(ended, COLOGNE, VOLGOGRAD, Event.TERMINATED, "2014"),
            said(new, COLOGNE, VOLGOGRAD, Event.SIGNED, "2020"),
        ],
        docs(old, ended, new),
        at=TODAY,
    )
    assert kinds(relation) == ["signed-after-termination"]
    assert relation.conflicts[0].detail == "terminated 2014 (ended.txt), signed again 2020 (new.txt)"


def test_sources_giving_different_statuses_for_the_same_date_contradict_each_other():
    yes, no = document("yes.txt"), document("no.txt")
    relation = merge_relation(
        OMSK,
        HASKOVO,
        [
            said(yes, OMSK, HASKOVO, Event.SIGNED, "2010"),
            said(yes, OMSK, HASKOVO, Event.SIGNED, "2022-04-01"),
            said(no, OMSK, HASKOVO, Event.SUSPENDED, "2022-04-01"),
        ],
        docs(yes, no),
        at=TODAY,
    )
    assert "contradictory-status" in kinds(relation)
    (conflict,) = [c for c in relation.conflicts if c.kind == "contradictory-status"]
    assert conflict.detail == "at 2022-04-01: signed (yes.txt); suspended (no.txt)"


def test_a_pending_termination_raises_its_conflict_only_when_pending_claims_are_shown():
    seed = document("seed.txt")
    doubtful = [said(seed, COLOGNE, ST_PETERSBURG, Event.TERMINATED, "2025-03", review=Review.PENDING)]
    assert merge_relations(doubtful, docs(seed), at=TODAY) == []
    (relation,) = merge_relations(doubtful, docs(seed), at=TODAY, include_pending=True)
    assert kinds(relation) == ["termination-without-establishment"]


def test_an_undated_signed_claim_after_a_suspension_is_listed_for_a_person_to_judge():
    older, later = document("suspended.txt", published="2022-03-05"), document("profile.txt", published="2024-06-01")
    relation = merge_relation(
        COLOGNE,
        VOLGOGRAD,
        [
            said(older, COLOGNE, VOLGOGRAD, Event.SIGNED, "1988"),
            said(older, COLOGNE, VOLGOGRAD, Event.SUSPENDED, "2022-03"),
            said(later, COLOGNE, VOLGOGRAD, Event.SIGNED),
        ],
        docs(older, later),
        at=TODAY,
    )
    assert relation.status is Event.SIGNED  # placed at publication, as undated claims are
    (conflict,) = relation.conflicts
    assert conflict.kind == "contradictory-status"
    assert conflict.detail == (
        "suspended 2022-03 (suspended.txt), then called signed without a date in a text published 2024-06-01"
        " (profile.txt)"
    )
