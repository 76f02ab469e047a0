"""Properties that hold for any story a pair's sources may tell."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from registry.builders import OMSK, VITEBSK, docs, document, said
from twinatlas.models import Event, PartialDate
from twinatlas.registry import merge_relation, status_at

DOCUMENTS = [document(f"doc-{i}.txt", published=f"20{10 + i}-01-15" if i % 3 else None) for i in range(6)]
WHEN = st.one_of(
    st.none(), st.builds(lambda y, m: f"{y}" if m == 0 else f"{y}-{m:02d}", st.integers(1990, 2025), st.integers(0, 12))
)
CLAIM = st.tuples(st.sampled_from(DOCUMENTS), st.sampled_from(list(Event)), WHEN)


def story(claims):
    return [said(doc, OMSK, VITEBSK, event, when) for doc, event, when in claims]


@settings(max_examples=150, deadline=None)
@given(st.lists(CLAIM, max_size=8), st.randoms(use_true_random=False))
def test_the_order_in_which_sources_arrive_does_not_matter(claims, rng: random.Random):
    assertions = story(claims)
    shuffled = assertions[:]
    rng.shuffle(shuffled)
    documents = docs(*DOCUMENTS)
    in_order = merge_relation(OMSK, VITEBSK, assertions, documents, at=PartialDate(2030))
    assert merge_relation(OMSK, VITEBSK, shuffled, documents, at=PartialDate(2030)) == in_order


@settings(max_examples=150, deadline=None)
@given(st.lists(CLAIM, min_size=1, max_size=8))
def test_every_source_lands_in_exactly_one_step_and_status_is_a_known_event(claims):
    relation = merge_relation(OMSK, VITEBSK, story(claims), docs(*DOCUMENTS), at=PartialDate(2030))
    assert sum(len(step.sources) for step in relation.history) == len(claims)
    assert all(src.event is step.event for step in relation.history for src in step.sources)
    assert relation.status in {step.event for step in relation.history}
    dated = [s for s in relation.history if s.date is not None]
    assert dated == sorted(dated, key=lambda s: s.date)  # history is in time order
    if relation.start is not None:
        assert status_at(relation.history, relation.start) is not None
