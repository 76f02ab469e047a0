"""Documents go in once, whole, and come back exactly as they went in."""

from __future__ import annotations

from dataclasses import replace

import pytest
from store_samples import HASKOVO, RETRIEVED, VITEBSK, ZLIN, make_assertion, make_doc

import twinatlas.store.store as store_module
from twinatlas.errors import InvalidInput, StoreError
from twinatlas.models import PartialDate


def test_a_document_round_trips_with_unicode_and_partial_dates(store):
    doc = make_doc(
        "Віцебск і Хасково — гарады-пабрацімы з 1999 года. «Дружба» 友好城市 ✓",
        name="віцебск-хасково.txt",
        lang="be",
        url="https://example.org/навіны/1",
        title="Пабрацімы",
        published=PartialDate(2025, 6),
        retrieved=RETRIEVED,
    )
    result = store.add_document(doc, [make_assertion(doc, date=PartialDate(1999, 5, 14))])
    assert result.added and len(result.assertion_ids) == 1 and result.new_places == 2

    assert store.has_document(doc.sha256)
    assert store.document(doc.sha256) == doc
    assert store.documents() == [doc]
    [stored] = store.assertions()
    assert stored.date == PartialDate(1999, 5, 14)
    assert stored.date.precision.value == "day"
    assert stored.doc_name == "віцебск-хасково.txt"
    assert store.place(VITEBSK.id) == VITEBSK


@pytest.mark.parametrize("published", [PartialDate(2025), PartialDate(2025, 2), PartialDate(2025, 2, 28), None])
def test_every_precision_of_a_publication_date_survives(store, published):
    doc = make_doc(f"A text published {published}.", published=published)
    store.add_document(doc, [])
    assert store.document(doc.sha256).published == published


def test_storing_the_same_document_twice_changes_nothing(store):
    doc = make_doc("Vitebsk and Haskovo renewed their twinning.")
    first = store.add_document(doc, [make_assertion(doc)])
    counts = store.counts()
    again = store.add_document(doc, [make_assertion(doc), make_assertion(doc, b=ZLIN)])
    assert first.added and not again.added and again.assertion_ids == ()
    assert store.counts() == counts
    assert counts.documents == 1 and counts.assertions == 1


def test_an_assertion_that_breaks_a_constraint_leaves_nothing_of_its_document(store):
    doc = make_doc("A document whose second assertion is broken.")
    good = make_assertion(doc)
    broken = make_assertion(doc, b=ZLIN, confidence=1.5)  # confidence must lie in 0..1
    with pytest.raises(StoreError, match="could not store document 'note.txt'"):
        store.add_document(doc, [good, broken])
    assert not store.has_document(doc.sha256)
    counts = store.counts()
    assert (counts.documents, counts.places, counts.assertions) == (0, 0, 0)


def test_a_crash_in_the_middle_of_an_add_leaves_nothing(store, monkeypatch):
    doc = make_doc("Written half-way, then the process fails.")

    def crash(conn, items):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store_module, "insert_assertions", crash)
    with pytest.raises(RuntimeError, match="disk full"):
        store.add_document(doc, [make_assertion(doc)])
    assert store.documents() == [] and store.places() == []


def test_an_assertion_of_another_document_is_refused(store):
    doc, other = make_doc("first text"), make_doc("second text")
    with pytest.raises(InvalidInput, match="belongs to document"):
        store.add_document(doc, [make_assertion(other)])
    assert not store.has_document(doc.sha256)


def test_a_malformed_sha_is_refused_before_writing(store):
    doc = replace(make_doc("text"), sha256="not-a-hash")
    with pytest.raises(InvalidInput, match="'not-a-hash' is not a SHA-256"):
        store.add_document(doc, [])


def test_a_transaction_keeps_all_or_nothing(store):
    one, two = make_doc("first of a batch"), make_doc("second of a batch")
    with pytest.raises(RuntimeError), store.transaction():
        store.add_document(one, [make_assertion(one)])
        store.add_document(two, [])
        raise RuntimeError("interrupted")
    assert store.documents() == []

    with store.transaction():
        store.add_document(one, [make_assertion(one)])
        store.add_document(two, [])
    assert {d.sha256 for d in store.documents()} == {one.sha256, two.sha256}


def test_inside_a_transaction_a_failed_document_does_not_take_the_others_with_it(store):
    good, bad = make_doc("a good one"), make_doc("a bad one")
    with store.transaction():
        store.add_document(good, [make_assertion(good)])
        with pytest.raises(StoreError):
            store.add_document(bad, [make_assertion(bad, start=10, end=2)])  # span must be ordered
    assert [d.sha256 for d in store.documents()] == [good.sha256]
    assert store.counts().assertions == 1


def test_places_are_merged_not_overwritten(store):
    sparse = replace(HASKOVO, population=None, names=(("bg", "Хасково"),))
    rich = replace(HASKOVO, population=67_000, wikidata="Q182040", names=(("ru", "Хасково"),))
    first, second = make_doc("first mention"), make_doc("second mention")
    store.add_document(first, [make_assertion(first, b=rich)])
    store.add_document(second, [make_assertion(second, b=sparse)])
    place = store.place(HASKOVO.id)
    assert place.population == 67_000 and place.wikidata == "Q182040"
    assert dict(place.names) == {"bg": "Хасково", "ru": "Хасково"}
    assert [p.id for p in store.places()] == sorted([VITEBSK.id, HASKOVO.id])


def test_documents_can_be_fetched_by_sha_in_bulk(store):
    one, two = make_doc("first"), make_doc("second")
    store.add_document(one, [])
    store.add_document(two, [])
    found = store.documents_by_sha({one.sha256, two.sha256, "0" * 64})
    assert found == {one.sha256: one, two.sha256: two}


def test_places_are_found_by_name_in_any_case(store):
    doc = make_doc("Витебск и Хасково")
    store.add_document(doc, [make_assertion(doc)])
    assert store.places_named("vITEBSK") == [VITEBSK]
    assert store.places_named("Витебск") == []  # only the primary name; other scripts are the gazetteer's job
