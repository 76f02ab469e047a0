"""Extraction: from a document and its place mentions to claims (two mentions, event, kind, date, evidence).

Pure: no I/O; language knowledge comes in as LangData (see langdata.py), places as Mentions from the
gazetteer's spotter. Cost is linear in the text: one Aho–Corasick pass finds every cue, and only sentences
with a relation cue (or list lines) get the expensive work.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from twinatlas.extract.claims import ProseState, date_from_this, prose_claims
from twinatlas.extract.langdata import LangData, load_lang_data
from twinatlas.extract.lists import list_claims
from twinatlas.extract.locating import party_mentions
from twinatlas.extract.parties import cues_outside_titles, plausible_parties
from twinatlas.extract.text import (
    RELATION_ROLES,
    CueHit,
    CueScan,
    Positions,
    lines,
    place_ids,
    scan_cues,
    sentences,
)
from twinatlas.models import Claim, Document, Kind, Mention

__all__ = ["CueScan", "LangData", "document_topic", "extract_claims", "load_lang_data", "scan_cues"]

OWNER_GAP = re.compile(r"(?:'s?)?\s{1,2}")  # "Leeds's sister cities", 'Leeds sister city program'
OWNER_REACH = 5
HEADER_OWNER = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*\s+(?:[^\W\d_]{1,4}\s+)?$")  # 'partnerstädte von '


def document_topic(
    parties: Sequence[Mention], first_line_end: int, folded: str = "", cues: Sequence[CueHit] = ()
) -> Mention | None:
    """The place a document is about: named in its first line (and again later), else the one owner of its
    twins ("Leeds's sister cities", 'Partnerstädte von Dresden:'), else the one named most often (twice or more)."""
    counts: Counter[str] = Counter()
    for party in parties:
        counts.update(place_ids(party))
    if not counts:
        return None
    for party in parties:
        if party.start >= first_line_end:
            break
        if max(counts[pid] for pid in place_ids(party)) >= 2:
            return party
    owner = _owner_of_twins(parties, folded, cues) or _sole_place_of_first_relation_line(parties, folded, cues)
    if owner is not None:
        return owner
    best_id, best_count = counts.most_common(1)[0]
    if best_count < 2:
        return None
    return next(party for party in parties if best_id in place_ids(party))


def _owner_of_twins(parties: Sequence[Mention], folded: str, cues: Sequence[CueHit]) -> Mention | None:
    """The place written right before or right after a twin word, as its owner: "Leeds's sister cities",
    'Partnerstädte von Dresden', 'Города-побратимы Бреста:'. Only one such owner in the text counts."""
    twins = [hit for hit in cues if hit.role == "twin"]
    starts = {hit.start for hit in twins}
    owners = []
    for party in parties:
        before = OWNER_GAP.match(folded[party.end : party.end + OWNER_REACH])
        if before is not None and party.end + before.end() in starts:
            owners.append(party)
            continue
        if folded[party.end : party.end + 2].lstrip()[:1] == ":" and _after_twin_word(folded, party, starts):
            owners.append(party)
    distinct = {frozenset(place_ids(owner)) for owner in owners}
    return owners[0] if len(distinct) == 1 else None


def _sole_place_of_first_relation_line(
    parties: Sequence[Mention], folded: str, cues: Sequence[CueHit]
) -> Mention | None:
    """'The town of X keeps partnerships with towns in Germany and Poland': the first line that speaks of
    twinning or partnership and names places names one place only, the one the page is about."""
    for hit in cues:
        if hit.role not in ("twin", "agree"):
            continue
        start, end = folded.rfind("\n", 0, hit.start) + 1, folded.find("\n", hit.start)
        named = [party for party in parties if start <= party.start and (end == -1 or party.end <= end)]
        if named:
            distinct = {frozenset(place_ids(party)) for party in named}
            return named[0] if len(distinct) == 1 else None
    return None


def _after_twin_word(folded: str, party: Mention, twin_starts: set[int]) -> bool:
    """'Partnerstädte von Dresden:', 'Города-побратимы Бреста:': a header's place right after its twin word."""
    back = folded[max(0, party.start - 40) : party.start]
    found = HEADER_OWNER.search(back)
    if found is None:
        return False
    word_start = party.start - len(back) + found.start()
    word_end = word_start + len(found.group().split()[0])
    return any(word_start <= start < word_end for start in twin_starts)


def _default_kind(cues: Sequence) -> Kind:
    kinds = Counter(hit.cue.kind for hit in cues if hit.role == "twin" and hit.cue.kind is not None)
    return kinds.most_common(1)[0][0] if kinds else Kind.COOPERATION


def extract_claims(
    doc: Document, mentions: Sequence[Mention], lang_data: LangData | None = None, scan: CueScan | None = None
) -> list[Claim]:
    """Every twinning claim the document states, in text order (several per pair are possible). `scan` is
    the document's `scan_cues` when the caller has already made it."""
    data = lang_data if lang_data is not None else load_lang_data(doc.lang)
    text = doc.text
    if not text:
        return []
    if scan is None:
        scan = scan_cues(text, data)
    if not scan.has_relation:
        return []  # the cheap document-level pre-filter
    folded, cue_hits = scan.folded, list(scan.hits)
    parties = party_mentions(
        plausible_parties(mentions, folded, cue_hits, data, text), text, data.words("in"), data.words("in_region")
    )
    cue_hits = cues_outside_titles(text, cue_hits, parties)
    line_spans = lines(text)
    topic = document_topic(parties, line_spans[0].end if line_spans else 0, folded, cue_hits)
    kind = _default_kind(cue_hits)
    cue_index, party_index = Positions(cue_hits), Positions(parties)
    listed = list_claims(text, folded, line_spans, cue_index, party_index, data, doc.published, topic, kind)
    consumed = {(span.start, span.end) for span in listed.consumed}
    state = ProseState(topic=topic, default_kind=kind)
    list_subjects = {
        span.start: claim.a
        for claim in listed.claims
        if claim.rule == "list:partners"
        for span in listed.consumed
        if span.start <= claim.b.start < span.end
    }
    counter = 0
    for line in line_spans:
        if (line.start, line.end) in consumed:
            if (owner := list_subjects.get(line.start)) is not None:
                # after 'Partner cities of X: A, B', a sentence about 'the partnership with A' is about X
                state.last_subject, state.last_subject_sentence = owner, counter
            continue
        for sentence in sentences(text, line, data.words("abbrev"), data.month_of):
            counter += 1
            sentence_cues = cue_index.inside(sentence.start, sentence.end)
            if not any(hit.role in RELATION_ROLES for hit in sentence_cues):
                # the per-sentence pre-filter; still remember who the text is talking about
                named = party_index.inside(sentence.start, sentence.end)
                if named:
                    state.last_subject, state.last_subject_sentence = named[0], counter
                    state.remember_named(named, counter)
                date_from_this(folded, sentence, counter, data, doc.published, state)
                continue
            prose_claims(text, folded, sentence, counter, cue_index, party_index, data, doc.published, state)
    claims = listed.claims + state.claims
    claims.sort(key=lambda claim: (claim.start, claim.a.start, claim.b.start))
    return claims
