"""Prose: pair the parties of each clause that states a relation, with the event, date and quote.

Roles inside a clause come from small grammar words (data): a party right after a comitative ('с', 'with',
'mit', 'z') is a partner, as is one coordinated with it; the other parties are subjects. A clause whose
parties are all partners takes its subject from context: the last subject stated nearby, else the place
the document is about.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from twinatlas.extract.dates import DateSpan, agreement_date, attached_date, find_dates, nearest
from twinatlas.extract.langdata import LangData
from twinatlas.extract.orgs import read_organisations
from twinatlas.extract.roles import (
    _coordinated_partners,
    _fronted,
    _Part,
    _unnamed_partner,
    between_pair,
    partner_flags,
    split_statements,
)
from twinatlas.extract.scope import Statement, read_clause, without_conditions
from twinatlas.extract.text import Positions, Span, clauses, same_place, words
from twinatlas.models import Claim, Event, Kind, Mention, PartialDate

ELIDED_CLAUSE_WORDS = 8  # 'a Rzeszów – z Chmielnickim' and a few more words at most
CONTEXT_SENTENCES = 3  # how far back the last stated subject still counts
ANAPHORA_SENTENCES = 2  # how far back 'this partnership' still finds the pair it means


@dataclass
class ProseState:
    """What earlier sentences leave for later ones: the last subject and the last pair."""

    topic: Mention | None
    default_kind: Kind
    last_subject: Mention | None = None
    last_subject_sentence: int = -99
    last_pair: tuple[Mention, Mention] | None = None
    last_pair_sentence: int = -99
    last_batch: tuple[int, int] = (-99, 0)  # (sentence, index of its first claim): the claims 'this' refers to
    last_event: Event | None = None  # for 'did the same' ('то же самое сделал X', 'fait de même')
    claims: list[Claim] = field(default_factory=list)
    last_named: tuple[Mention, ...] = ()  # the distinct places of the last sentence that named any
    last_named_sentence: int = -99

    def remember_named(self, parties: Sequence[Mention], index: int) -> None:
        self.last_named, self.last_named_sentence = tuple(_dedupe(parties)), index

    def pair_referred_to(self, index: int) -> tuple[Mention, Mention] | None:
        """What 'the two cities' or 'this partnership' means: the last pair stated, else the two places the
        sentence before named ('The mayor of A welcomed guests from B. The two cities …')."""
        if self.last_pair is not None and index - self.last_pair_sentence <= ANAPHORA_SENTENCES:
            return self.last_pair
        if self.last_named_sentence == index - 1 and len(self.last_named) == 2:
            return self.last_named[0], self.last_named[1]
        return None


def _dedupe(parties: Sequence[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for party in parties:
        if not any(same_place(party, kept) for kept in out):
            out.append(party)
    return out


def _pairs(folded, clause, parties, data, state, index, twin_starts: Sequence[int] = ()):
    """(subject, partner, rule, base confidence) for the parties of one clause."""
    between = between_pair(folded, parties, data)
    if between is not None:
        return [(between[0], between[1], "between", 0.9)]
    flags = partner_flags(folded, clause, parties, data)
    subjects = [p for p, f in zip(parties, flags, strict=True) if not f]
    partners = [p for p, f in zip(parties, flags, strict=True) if f]
    context = state.last_subject if index - state.last_subject_sentence <= CONTEXT_SENTENCES else None
    # the subject of an earlier clause of the same sentence ('A ended X, then signed with B') is near-certain
    context_confidence = 0.8 if context is not None and state.last_subject_sentence == index else 0.6
    context = context or state.topic
    out = []
    if partners:
        for partner in partners:
            before = [s for s in subjects if s.start < partner.start]
            after = [s for s in subjects if s.start > partner.start and _fronted(folded, partner, s)]
            own = before[-1] if before else (after[0] if after else None)
            subject = own if own is not None else context
            rule = "with" if own is not None else "with-context"
            if subject is not None:
                out.append((subject, partner, rule, 0.9 if own is not None else context_confidence))
    elif len(subjects) >= 2 and not _unnamed_partner(folded, clause, subjects, twin_starts, data):
        out.extend(
            (subjects[0], other, "coordination", 0.85) for other in _coordinated_partners(folded, subjects, data)
        )
    elif len(subjects) == 1 and context is not None:
        out.append((context, subjects[0], "topic", 0.45))
    return [(a, b, rule, conf) for a, b, rule, conf in out if not same_place(a, b)]


def _kind(statement: Statement, state: ProseState) -> Kind:
    return statement.kind or state.default_kind


def _date_for(statement: Statement, dates: list[DateSpan]) -> PartialDate | None:
    span = nearest(dates, statement.anchor)
    if span is None:
        return None
    if statement.event is Event.PLANNED and span.value.day is None:
        # a plan's 'next year', 'in October', 'this autumn' is a target, not the date of an event: only a
        # signing fixed to the day ('will sign on 12 May') dates it
        return None
    if span.until is not None and statement.event.value in ("terminated", "suspended", "lapsed"):
        return span.until
    return span.value


def _same_as_before(folded: str, span: Span, data: LangData) -> int | None:
    """Offset of a 'did the same' phrase ('то же самое', 'fait de même') in the span, else None."""
    segment = folded[span.start : span.end]
    for phrase in data.words("same"):
        found = segment.find(phrase)
        if found != -1:
            return span.start + found
    return None


def prose_claims(
    text: str,
    folded: str,
    sentence: Span,
    index: int,
    cues: Positions,
    parties: Positions,
    data: LangData,
    published: PartialDate | None,
    state: ProseState,
) -> None:
    """Claims of one sentence, appended to state.claims; updates the context for the next sentences."""
    raw = text[sentence.start : sentence.end]
    quote = raw.strip()
    quote_start = sentence.start + len(raw) - len(raw.lstrip())
    first_claim = len(state.claims)
    carried: tuple[Statement, PartialDate | None] | None = None  # the last statement of an earlier clause
    for clause in clauses(folded, sentence, data):
        clause_parties = _dedupe(parties.inside(clause.start, clause.end))
        previous: tuple[Statement, PartialDate | None] | None = None
        if carried is not None and _elided_verb(folded, clause):
            previous = carried  # '…, a Rzeszów – z Chmielnickim': a dash stands for the verb of the clause before
        parts = split_statements(folded, clause, clause_parties, data)
        until, detached = data.words("until"), data.words("detached")
        part_cues = [cues.inside(part.span.start, part.span.end) for part in parts]
        readings = [read_clause(without_conditions(folded, hits, until, detached)) for hits in part_cues]
        clause_dates = find_dates(folded, clause.start, clause.end, data, published) if len(parts) > 1 else []
        for number, part in enumerate(parts):
            own = readings[number]
            same_at = _same_as_before(folded, part.span, data)
            undecided = any(hit.role in ("refuse", "neg") for hit in part_cues[number])
            if undecided:
                same_at = None  # 'B is considering the same', 'C did not do the same': nothing happened
            if same_at is not None and state.last_event is not None and (own is None or not own.decisive):
                own = Statement(state.last_event, own.kind if own else None, same_at, 0.7)
            later = next((reading for reading in readings[number + 1 :] if reading is not None), None)
            inherited = own is None and (previous is not None or later is not None)
            if own is not None:
                statement = own
            elif previous is not None:  # gapping: 'A signed with B, C with D' shares the verb and its date
                statement = previous[0]
            elif later is not None:  # verb-final: 'A与B、C与D等签署' — the verb after the last pair serves all
                statement = later
            else:
                if part.parties:
                    # a place after 'with' ('the town works with B, and signed with C') is nobody's subject
                    flags = partner_flags(folded, part.span, part.parties, data)
                    subject = next((p for p, f in zip(part.parties, flags, strict=True) if not f), None)
                    if subject is not None:
                        state.last_subject, state.last_subject_sentence = subject, index
                    _remember_pair(folded, part, data, state, index)
                continue
            twin_starts = [hit.start for hit in part_cues[number] if hit.role == "twin"]
            organisations = read_organisations(folded, part.span, part.parties, data)
            named = organisations.parties(folded, part.parties, data)
            found = _pairs(folded, part.span, named, data, state, index, twin_starts)
            found = organisations.pairs(found, statement.anchor, named, data)
            if inherited:  # an elided verb needs both of its parties in view
                found = [item for item in found if item[2] in ("with", "coordination")]
            if not found and not part.parties and _mentions_anaphora(folded, part.span, data):
                referred = state.pair_referred_to(index)
                found = [(referred[0], referred[1], "anaphora", 0.6)] if referred else []
            if not found and len(parts) == 1:
                continue  # dates are read only where they are needed: most clauses pair nobody
            # a statement without a date of its own shares the date its clause states ('2019年,A与B、C与D签署')
            dates = find_dates(folded, part.span.start, part.span.end, data, published) or clause_dates
            date = _date_for(statement, dates) or (previous[1] if own is None and previous is not None else None)
            previous = carried = (statement, date)
            if not found:
                continue
            signed_on = agreement_date(folded, dates, part_cues[number], data)
            if signed_on is not None and statement.event not in (Event.SIGNED, Event.PLANNED):
                # 'ended the agreement between A and B of 15 September 2007': that date is the signing,
                # which the text thereby states too; the ending takes no date from it
                date = _date_for(statement, [span for span in dates if span is not signed_on])
                for subject, partner, rule, base in found:
                    state.claims.append(
                        Claim(
                            subject,
                            partner,
                            Event.SIGNED,
                            _kind(statement, state),
                            signed_on.value,
                            quote,
                            quote_start,
                            quote_start + len(quote),
                            round(base * 0.8, 3),
                            f"prose:{rule}:dated",
                        )
                    )
            for subject, partner, rule, base in found:
                confidence = base * (0.6 + 0.4 * statement.strength)
                if abs(partner.start - subject.start) > 200 and rule != "with-context":
                    confidence *= 0.85  # far apart in one sentence; a subject carried from before is far by nature
                ending = statement.event not in (Event.SIGNED, Event.PLANNED)
                # in an ending, 'conclu en 1959' dates the signing, not the partner's own ending
                own_dates = [span for span in dates if not (ending and span is signed_on)]
                own_date = attached_date(partner, own_dates, part.parties) if len(own_dates) > 1 else None
                state.claims.append(
                    Claim(
                        a=subject,
                        b=partner,
                        event=statement.event,
                        kind=_kind(statement, state),
                        date=_date_for(statement, [own_date]) if own_date is not None else date,
                        quote=quote,
                        start=quote_start,
                        end=quote_start + len(quote),
                        confidence=round(min(confidence, 0.99), 3),
                        rule=f"prose:{rule}" + (":survived" if statement.survived else ""),
                    )
                )
                state.last_pair, state.last_pair_sentence = (subject, partner), index
            state.last_event = statement.event
            if part.parties:
                state.last_subject, state.last_subject_sentence = found[0][0], index
    if len(state.claims) > first_claim:
        state.last_batch = (index, first_claim)


def _elided_verb(folded: str, clause: Span) -> bool:
    """A clause that is a subject, a dash and a partner: its verb is the previous clause's."""
    segment = folded[clause.start : clause.end]
    return any(f" {dash} " in segment for dash in "–—-") and len(words(segment)) <= ELIDED_CLAUSE_WORDS


def _remember_pair(folded: str, part: _Part, data: LangData, state: ProseState, index: int) -> None:
    """A pair named with a relation word but no event ('A cooperated with B') is what a later 'this
    partnership' points back to."""
    found = [item for item in _pairs(folded, part.span, part.parties, data, state, index) if item[2] == "with"]
    if found:
        state.last_pair, state.last_pair_sentence = (found[0][0], found[0][1]), index


def date_from_this(
    folded: str, sentence: Span, index: int, data: LangData, published: PartialDate | None, state: ProseState
) -> None:
    """'Про це йдеться в розпорядженні від 17 травня 2022', 'This was decided on 3 May': a sentence right after a
    statement, opening with 'this', dates that statement when it had no date of its own."""
    sentence_index, first = state.last_batch
    if sentence_index != index - 1 or not any(_opens_with(folded, sentence, phrase) for phrase in data.words("this")):
        return
    dates = find_dates(folded, sentence.start, sentence.end, data, published)
    if not dates:
        return
    date = max(dates, key=lambda span: len(span.value.iso())).value
    for number in range(first, len(state.claims)):
        if state.claims[number].date is None:
            state.claims[number] = replace(state.claims[number], date=date)


def _opens_with(folded: str, sentence: Span, phrase: str) -> bool:
    head = folded[sentence.start : sentence.start + len(phrase) + 4].lstrip(' \t"«„“-–—')
    return head.startswith(phrase) and not head[len(phrase) : len(phrase) + 1].isalnum()


def _mentions_anaphora(folded: str, clause: Span, data: LangData) -> bool:
    segment = folded[clause.start : clause.end]
    return any(phrase in segment for phrase in data.words("anaphora") if " " in phrase)
