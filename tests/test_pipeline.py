"""The pipeline: spot -> extract -> resolve -> one assertion per (pair, event), with stand-in gazetteer stages."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "extract"))

from extract_fakes import document, spot

from twinatlas import __version__
from twinatlas.models import Candidate, DocContext, Event, Resolution, ResolvedClaim
from twinatlas.pipeline import process


def fake_spotter(text, lang, index):
    return spot(text)


def fake_context(text, lang, mentions, index, published=None):
    return DocContext(lang=lang, published=published)


def fake_resolver(claims, context, index):
    """Resolve to the first match, except that a surface 'Tver' abstains with no candidate at all."""

    def resolve(mention):
        if mention.surface == "Tver":
            return Resolution(mention.surface, None, "no candidate")
        place = mention.matches[0].place
        return Resolution(mention.surface, place, "only candidate", (Candidate(place, 1.0),))

    return [ResolvedClaim(claim, resolve(claim.a), resolve(claim.b)) for claim in claims]


def run(text: str, lang: str = "en"):
    doc = document(text, lang, name="sample.txt")
    return process(doc, index=None, spotter=fake_spotter, context_builder=fake_context, resolver=fake_resolver)


def test_one_assertion_per_pair_and_event_with_the_most_specific_date():
    text = (
        "Leeds and Lyon became sister cities in 1995. "
        "The sister city agreement between Leeds and Lyon was signed on 12 May 1995. "
        "In 2022 Leeds suspended its partnership with Lyon."
    )
    found = run(text)
    assert [(a.event, a.date.iso() if a.date else None) for a in found] == [
        (Event.SIGNED, "1995-05-12"),
        (Event.SUSPENDED, "2022"),
    ]
    first = found[0]
    assert first.doc_name == "sample.txt" and first.extractor == "twinatlas"
    assert first.extractor_version == __version__
    assert text[first.start : first.end] == first.quote


def test_a_side_without_any_place_drops_the_claim():
    assert run("Leeds and Tver became sister cities.") == []


def test_output_contract_fields():
    line = run("Leeds and Lyon became sister cities in 1995.")[0].to_json()
    assert set(line) == {"doc", "a", "b", "event", "date", "kind", "quote", "start", "end", "confidence"}
    assert line["a"]["id"] == "gn:13" and line["a"]["text"] == "Leeds"
    assert line["event"] == "signed" and line["date"] == "1995"


def test_extract_reports_only_assertions_at_or_above_the_review_threshold():
    from twinatlas.pipeline import reportable

    # the second sentence names one place only: paired with the document's subject, it is a weak guess
    found = run("Leeds and Lyon signed a twinning agreement. Leeds is proud of it. Riga has a sister city.")
    weak = [a for a in found if a.confidence < 0.5]
    strong = [a for a in found if a.confidence >= 0.5]
    assert [(a.a.name, a.b.name) for a in strong] == [("Leeds", "Lyon")]
    assert reportable(found, 0.5) == strong
    assert reportable(found, 0.0) == found and len(weak) + len(strong) == len(found)


def test_a_dateline_in_words_dates_a_weekday_when_ingest_found_no_publication_date():
    text = (
        "Leeds suspends twinning\n\n5 March 2022\n\n"
        "Leeds City Council voted on Thursday to suspend its twinning with Lyon."
    )
    assert document(text, "en").published is None
    assert [(a.event, a.date.iso() if a.date else None) for a in run(text)] == [(Event.SUSPENDED, "2022-03-03")]


def test_an_undated_partnership_is_only_the_background_of_its_suspension():
    text = (
        "Leeds has a long-standing partnership with Lyon. "
        "Because of the war, Leeds suspended its partnership with Lyon."
    )
    assert [a.event for a in run(text)] == [Event.SUSPENDED]


def test_a_dated_signing_stays_beside_a_later_suspension():
    text = "Leeds has been twinned with Lyon since 1990. In 2022 Leeds suspended its twinning with Lyon."
    assert [(a.event, a.date.iso() if a.date else None) for a in run(text)] == [
        (Event.SIGNED, "1990"),
        (Event.SUSPENDED, "2022"),
    ]
