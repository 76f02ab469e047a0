"""Roles of a clause's parties (subject, or partner after 'with') and the split of a gapped clause into statements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from twinatlas.extract.langdata import LangData, is_spaceless_script
from twinatlas.extract.text import Span, words
from twinatlas.models import Mention

WITH_REACH_WORDS = 2  # words allowed between 'with' and its place ('с российским Псковом')
COORDINATED_ADJECTIVES = 2  # words allowed before a listed item ('и белорусским Волковыском', 'der russischen')
FRONTED_REACH = 40  # characters between a fronted partner and the subject after it
LIST_OPENERS = "–—‒:-"
WITH_LIST_WORDS = 7  # words between 'with' and the dash that opens its list of partners
BETWEEN_REACH = 30  # characters back from a place to 'between' ('between the cities of A')
BETWEEN_GAP_WORDS = 6  # 'A and the Japanese city of B'


def _ends_with_word(gap: str, vocabulary: frozenset[str], reach: int) -> bool:
    tail = words(gap)[-(reach + 1) :]
    if tail and is_spaceless_script(tail[-1][-1]):
        # no spaces: the run of characters right before the place is one 'word' ('与韩国' before '忠州市')
        return any(v in tail[-1] for v in vocabulary)
    return any(word in vocabulary for word in tail)


def _only_coordination(gap: str, data: LangData) -> bool:
    """', ', ' and ', ', венгерским ', ' i białoruskim ': the next item of a list (an adjective may qualify it)."""
    gap_words = words(gap)
    rest = [w for w in gap_words if w not in data.words("and")]
    if "." in gap or any(c in gap for c in ";:"):
        return False
    listed = "," in gap or "、" in gap or len(rest) < len(gap_words)
    # a bare space is no list: in 'с Брестом Псков намерен' the subject follows its partner
    return listed and len(rest) <= COORDINATED_ADJECTIVES


def _closes_subject_list(folded: str, parties: Sequence[Mention], flags: Sequence[bool], index: int, data) -> bool:
    """'在A、B、C和D举办': a word that means both 'with' and 'and' (Chinese 和) after a list of two or more
    subjects joins the list's last item; it is no comitative. 'A和B、C和D' (gapping) is untouched: there the
    item before the word follows a partner."""
    if index < 2 or flags[index - 1] or flags[index - 2]:
        return False
    gap = folded[parties[index - 1].end : parties[index].start]
    listed = folded[parties[index - 2].end : parties[index - 1].start]
    return _only_coordination(gap, data) and _only_coordination(listed, data)


def _with_list_opener(gap: str, with_words: frozenset[str]) -> bool:
    """'agreements with its partners abroad – A, B and C': 'with' opens a list after a dash or a colon."""
    stripped = gap.rstrip()
    if not stripped or stripped[-1] not in LIST_OPENERS:
        return False
    gap_words = words(stripped)
    last_with = max((k for k, word in enumerate(gap_words) if word in with_words), default=None)
    return last_with is not None and len(gap_words) - last_with - 1 <= WITH_LIST_WORDS


def partner_flags(folded: str, clause: Span, parties: Sequence[Mention], data: LangData) -> list[bool]:
    """For each party of a clause: is it the object of 'with' (a partner) rather than a subject?"""
    flags: list[bool] = []
    previous_end = clause.start
    with_words, post_words = data.words("with"), data.words("with_post")
    for index, party in enumerate(parties):
        gap = folded[previous_end : party.start]
        partner = _ends_with_word(gap, with_words, WITH_REACH_WORDS) or _with_list_opener(gap, with_words)
        if partner and _closes_subject_list(folded, parties, flags, index, data):
            partner = False
        if not partner and index > 0 and flags[-1] and _only_coordination(gap, data):
            # 'with A, B and C' lists partners, but 'with A, B verb with C' starts a new statement whose
            # subject is B: a party that has its own 'with' after it is a subject (gapping, 'A with B, C with D')
            following = parties[index + 1].start if index + 1 < len(parties) else clause.end
            partner = not _ends_with_word(folded[party.end : following], with_words, WITH_REACH_WORDS)
        if not partner and post_words:
            following = parties[index + 1].start if index + 1 < len(parties) else clause.end
            head = words(folded[party.end : following])[:1]
            partner = bool(head) and head[0] in post_words
        flags.append(partner)
        previous_end = party.end
    return flags


def _coordinated_partners(folded: str, subjects: Sequence[Mention], data: LangData) -> list[Mention]:
    """The partners of the first subject when a clause names no 'with': 'A and B became twin towns' (B),
    'the twins of A are B and C', 'A did the same with its partners — B, C, D' (all the others). Nobody when
    all of them form one list ('In A, B and C the contacts with their Russian partners rest': they share a
    partner the clause does not name), when they are scattered over the clause rather than listed, or when
    the places are alternatives ('towns such as A or B')."""
    gaps = [folded[left.end : right.start] for left, right in pairwise(subjects)]
    if any(any(word in data.words("or") for word in words(gap)) for gap in gaps):
        return []
    if len(subjects) == 2:
        return [subjects[1]]
    if _only_coordination(gaps[0], data):
        return []
    # 'A ... B ... C' scattered over a clause are rarely one statement: only a list after the first counts
    return list(subjects[1:]) if all(_only_coordination(gap, data) for gap in gaps[1:]) else []


def _fronted(folded: str, partner: Mention, subject: Mention) -> bool:
    """'С Брестом Псков намерен…', 'Mit Köln verbindet Tver…': a subject after its partner stands close to it;
    one further on, past a comma, is another clause's ('with B is expected…, after a visit from A')."""
    gap = folded[partner.end : subject.start]
    return len(gap) <= FRONTED_REACH and "," not in gap


def _unnamed_partner(folded: str, clause: Span, parties: Sequence[Mention], twin_starts: Sequence[int], data) -> bool:
    """'A and B rest their contacts with their Russian twin towns', 'связи с городами-побратимами': the object
    of 'with' is a twin word, not a place, so the places named share partners the clause does not name. Likewise
    when 'with' follows the last place at once: its partner is a place not spotted (or only a country)."""
    last_party_end = max((p.end for p in parties), default=clause.start)
    with_words = data.words("with")
    if _with_follows(folded[last_party_end : clause.end], with_words):
        return True  # 'B与蒙古国某省签署': the last place's partner follows it, unspotted or a country
    for start in twin_starts:
        if start >= last_party_end and any(w in with_words for w in words(folded[last_party_end:start])[-4:]):
            return True
    return False


def _with_follows(rest: str, with_words: frozenset[str]) -> bool:
    """Does the text right after a place open with 'with' (its own partner comes next)?"""
    head = rest.lstrip()
    if head[:1] and is_spaceless_script(head[0]):
        return any(head.startswith(word) for word in with_words)
    first = words(head)[:1]
    return bool(first) and first[0] in with_words


@dataclass(frozen=True, slots=True)
class _Part:
    """A stretch of a clause with one subject-verb-partner statement ('A with B' of 'A with B, C with D')."""

    span: Span
    parties: list[Mention]


def split_statements(folded: str, clause: Span, parties: list[Mention], data: LangData) -> list[_Part]:
    """Split a clause before each subject that follows a partner: 'A ended ties with B, C suspended its own
    with D' are two statements; 'A and B signed with C' stays one."""
    if len(parties) < 3:
        return [_Part(clause, parties)]
    flags = partner_flags(folded, clause, parties, data)
    out: list[_Part] = []
    begin, current = clause.start, []  # type: tuple[int, list[Mention]]
    for index, (party, partner) in enumerate(zip(parties, flags, strict=True)):
        if not partner and index > 0 and flags[index - 1] and current:
            cut = parties[index - 1].end
            out.append(_Part(Span(begin, cut), current))
            begin, current = cut, []
        current.append(party)
    out.append(_Part(Span(begin, clause.end), current))
    return out


def between_pair(folded: str, parties: Sequence[Mention], data: LangData) -> tuple[Mention, Mention] | None:
    """'a relationship between A and the Japanese city of B', «соглашение между Омском и Витебском»: the two
    places after 'between' are the pair, whoever else the clause names (the council that signs for one)."""
    between, ands = data.words("between"), data.words("and")
    if not between:
        return None
    for first, second in pairwise(parties):
        back = folded[max(0, first.start - BETWEEN_REACH) : first.start]
        if "," in back or ";" in back:
            continue  # 'between Tours, Saint-Pierre and Orléans' runs trains along a list, it pairs nobody
        before = words(back)[-3:]
        gap = words(folded[first.end : second.start])
        if any(word in between for word in before) and gap and gap[0] in ands and len(gap) <= BETWEEN_GAP_WORDS:
            return first, second
    return None
