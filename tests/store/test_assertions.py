"""Assertions are stored per unordered pair and filtered by their effective review state."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from store_samples import HASKOVO, VITEBSK, ZLIN, make_assertion, make_doc

from twinatlas.errors import InvalidInput, NotFound
from twinatlas.models import Event, Review


def test_a_pair_is_unordered_and_each_side_keeps_its_own_text(store):
    doc = make_doc("Хасково и Витебск подписаха споразумение.")
    # Given in the "wrong" order: Haskovo's id sorts after Vitebsk's.
    store.add_document(doc, [make_assertion(doc, a=HASKOVO, b=VITEBSK, a_text="Хасково", b_text="Витебск")])
    for pair in [(VITEBSK.id, HASKOVO.id), (HASKOVO.id, VITEBSK.id)]:
        [found] = store.assertions(pair=pair)
        assert (found.a.id, found.a_text) == (VITEBSK.id, "Витебск")
        assert (found.b.id, found.b_text) == (HASKOVO.id, "Хасково")


def test_asking_by_place_finds_it_on_either_side(store):
    doc = make_doc("Vitebsk is twinned with Haskovo and with Zlín.")
    store.add_document(doc, [make_assertion(doc, b=HASKOVO), make_assertion(doc, b=ZLIN)])
    assert len(store.assertions(place_id=VITEBSK.id)) == 2
    [zlin] = store.assertions(place_id=ZLIN.id)
    assert zlin.a == ZLIN  # "gn:3061370" sorts before "gn:620127"
    assert store.assertions(place_id="gn:0") == []


def test_pending_assertions_are_hidden_unless_asked_for(store):
    doc = make_doc("Perhaps Vitebsk will sign with Zlín.")
    sure = make_assertion(doc)
    unsure = make_assertion(doc, b=ZLIN, event=Event.PLANNED, confidence=0.3, review=Review.PENDING)
    store.add_document(doc, [sure, unsure])
    assert [a.b.id for a in store.assertions()] == [HASKOVO.id]
    everything = store.assertions(include_pending=True)
    assert [a.review for a in everything] == [Review.ACCEPTED, Review.PENDING]
    assert store.counts().pending == 1


def test_the_latest_decision_is_the_effective_review_state(store):
    doc = make_doc("Perhaps Vitebsk will sign with Zlín.")
    [assertion_id] = store.add_document(doc, [make_assertion(doc, review=Review.PENDING)]).assertion_ids

    store.decide(assertion_id, Review.ACCEPTED, "the city's own site confirms it", by="reviewer")
    assert [a.id for a in store.assertions()] == [assertion_id]
    assert store.counts().pending == 0

    store.decide(assertion_id, Review.REJECTED, "the site was misread")
    assert store.assertions(include_pending=True) == []
    assert store.assertion(assertion_id).review is Review.REJECTED
    assert store.assertions(include_rejected=True)[0].review is Review.REJECTED
    assert store.counts().decisions == 2


def test_decisions_need_an_existing_assertion_and_rejections_a_reason(store):
    doc = make_doc("Vitebsk and Haskovo.")
    [assertion_id] = store.add_document(doc, [make_assertion(doc)]).assertion_ids
    with pytest.raises(NotFound, match="assertion 999 does not exist"):
        store.decide(999, Review.ACCEPTED, "")
    with pytest.raises(InvalidInput, match=f"rejecting assertion {assertion_id} needs a reason"):
        store.decide(assertion_id, Review.REJECTED, "  ")
    assert store.counts().decisions == 0


def test_since_keeps_assertions_recorded_from_that_moment(store):
    old = make_doc("an older report")
    store.add_document(old, [make_assertion(old)])
    cut = datetime.now(UTC) + timedelta(milliseconds=5)
    while datetime.now(UTC) <= cut:
        pass
    new = make_doc("a newer report")
    store.add_document(new, [make_assertion(new, b=ZLIN)])
    assert [a.doc for a in store.assertions(since=cut)] == [new.sha256]
    assert len(store.assertions(since=cut.date())) == 2
    assert store.assertions(since=cut + timedelta(days=1)) == []


def test_counts_count_distinct_unordered_pairs(store):
    one, two = make_doc("one report"), make_doc("another report")
    store.add_document(one, [make_assertion(one), make_assertion(one, b=ZLIN)])
    store.add_document(two, [make_assertion(two, a=HASKOVO, b=VITEBSK, event=Event.SUSPENDED)])
    counts = store.counts()
    assert (counts.documents, counts.places, counts.assertions, counts.pairs) == (2, 3, 3, 2)
