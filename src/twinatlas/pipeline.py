"""One document through every pure stage: spot places -> extract claims -> resolve -> assertions.

One Assertion per distinct (unordered pair, event) in the document, keeping the most specific date and the
best-supported quote. The gazetteer's spotter and resolver are the defaults; tests may pass stand-ins.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from twinatlas import __version__
from twinatlas.extract import extract_claims, load_lang_data, scan_cues
from twinatlas.extract.published import published_in_head
from twinatlas.models import (
    Assertion,
    Claim,
    DocContext,
    Document,
    Event,
    Mention,
    Place,
    PlaceIndex,
    Resolution,
    ResolvedClaim,
    unresolved_place,
)

EXTRACTOR = "twinatlas"
UNRESOLVED_PENALTY = 0.5  # a party kept by its text form is less likely to be right

Spotter = Callable[[str, str | None, PlaceIndex], list[Mention]]
Resolver = Callable[[Sequence[Claim], DocContext, PlaceIndex], list[ResolvedClaim]]
ContextBuilder = Callable[..., DocContext]


def _default_stages() -> tuple[Spotter, ContextBuilder, Resolver]:
    from twinatlas.gazetteer.spot import spot_mentions
    from twinatlas.resolve import build_context, resolve_claims

    return spot_mentions, build_context, resolve_claims


def _party(resolution: Resolution, mention: Mention) -> tuple[Place, float] | None:
    """The place of one side, with a confidence factor; None when there is no place at all."""
    if resolution.choice is not None:
        return resolution.choice, 1.0
    if not resolution.candidates:
        return None
    top = resolution.candidates[0].place
    return unresolved_place(mention.surface, top.country, top.level), UNRESOLVED_PENALTY


def _to_assertion(doc: Document, resolved: ResolvedClaim) -> Assertion | None:
    claim = resolved.claim
    a, b = _party(resolved.a, claim.a), _party(resolved.b, claim.b)
    if a is None or b is None or a[0].id == b[0].id:
        return None
    return Assertion(
        doc=doc.sha256,
        a=a[0],
        b=b[0],
        a_text=claim.a.surface,
        b_text=claim.b.surface,
        event=claim.event,
        kind=claim.kind,
        date=claim.date,
        quote=claim.quote,
        start=claim.start,
        end=claim.end,
        confidence=round(claim.confidence * a[1] * b[1], 3),
        extractor=EXTRACTOR,
        extractor_version=__version__,
        doc_name=doc.name,
    )


def _precision_rank(assertion: Assertion) -> int:
    return 0 if assertion.date is None else len(assertion.date.iso())


def merge_assertions(assertions: Sequence[Assertion]) -> list[Assertion]:
    """One assertion per (unordered pair, event): the best quote, the most specific date any of them gives."""
    best: dict[tuple[frozenset[str], str], Assertion] = {}
    dated: dict[tuple[frozenset[str], str], Assertion] = {}
    for assertion in assertions:
        key = (frozenset((assertion.a.id, assertion.b.id)), assertion.event.value)
        current = best.get(key)
        if current is None or (assertion.confidence, -len(assertion.quote)) > (current.confidence, -len(current.quote)):
            best[key] = assertion
        held = dated.get(key)
        if held is None or (_precision_rank(assertion), assertion.confidence) > (
            _precision_rank(held),
            held.confidence,
        ):
            dated[key] = assertion
    out = []
    for key, assertion in best.items():
        date = dated[key].date
        out.append(assertion if date == assertion.date else replace(assertion, date=date))
    out = _without_undated_background(out)
    out.sort(key=lambda item: (item.start, item.a.id, item.b.id))
    return out


LATER_EVENTS = frozenset({Event.SUSPENDED, Event.TERMINATED, Event.LAPSED})


def _without_undated_background(assertions: list[Assertion]) -> list[Assertion]:
    """'X has long had a partnership with Y … all exchanges with Y are on hold': when the document tells what
    became of a pair, an undated 'they are partners' is only the background of that news, not a signing it
    reports (a dated one, 'twinned since 1992', is kept: it says when the link began)."""
    later = {frozenset((a.a.id, a.b.id)) for a in assertions if a.event in LATER_EVENTS}
    return [
        a
        for a in assertions
        if not (a.event is Event.SIGNED and a.date is None and frozenset((a.a.id, a.b.id)) in later)
    ]


def reportable(assertions: Sequence[Assertion], threshold: float) -> list[Assertion]:
    """The assertions `extract` prints: those at or above the review threshold. Weaker ones (a lone place paired
    with the document's subject, a pair across distant clauses) still go to the store, as pending."""
    return [assertion for assertion in assertions if assertion.confidence >= threshold]


def process(
    doc: Document,
    index: PlaceIndex,
    *,
    spotter: Spotter | None = None,
    context_builder: ContextBuilder | None = None,
    resolver: Resolver | None = None,
) -> list[Assertion]:
    """Every twinning assertion of one document, resolved to gazetteer places."""
    if not doc.text.strip():
        return []
    if spotter is None or context_builder is None or resolver is None:
        default_spot, default_context, default_resolve = _default_stages()
        spotter = spotter or default_spot
        context_builder = context_builder or default_context
        resolver = resolver or default_resolve
    lang_data = load_lang_data(doc.lang)
    scan = scan_cues(doc.text, lang_data)
    if not scan.has_relation:
        return []  # no word of twinning, partnership or ending: nothing to spot or resolve
    if doc.published is None:  # a dateline in words ('5. März 2022') dates 'on Thursday', 'last March'
        doc = replace(doc, published=published_in_head(doc.text, lang_data))
    mentions = spotter(doc.text, doc.lang, index)
    claims = extract_claims(doc, mentions, lang_data, scan)
    if not claims:
        return []
    context = context_builder(doc.text, doc.lang, mentions, index, published=doc.published)
    resolved = resolver(claims, context, index)
    assertions = [a for a in (_to_assertion(doc, r) for r in resolved) if a is not None]
    return merge_assertions(assertions)
