"""What a clause says: which event its triggers signal once modality and negation are applied, and its kind."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from twinatlas.extract.text import CueHit
from twinatlas.models import Event, Kind

TERMINAL = {"term": Event.TERMINATED, "susp": Event.SUSPENDED, "lapse": Event.LAPSED}
TERMINAL_ORDER = ("term", "susp", "lapse")
NEGATION_REACH = 24  # characters between a negation cue and the trigger it negates ('will not be revoked')


@dataclass(frozen=True, slots=True)
class Statement:
    """The reading of one clause: event, kind, the trigger that decided it and how sure the reading is."""

    event: Event
    kind: Kind | None
    anchor: int  # offset of the deciding trigger, for choosing the nearest date
    strength: float  # 0..1: how clearly the clause states a relation
    survived: bool = False  # a negated termination: the relation is stated to continue
    decisive: bool = True  # False when only a relation noun speaks (no verb): 'did the same' may override it


UNTIL_REACH = 12  # characters between 'until' and the ending it conditions: «до прекратяване», 'until the end'
REFUSAL_BACK_REACH = 80
PARTICLE_REACH = 200  # characters from an ending verb to the end of its clause
CLAUSE_END = re.compile(r"[,.;:!?()\n]")  # characters from an ending back to the rejection after it


def _negated_triggers(cues: Sequence[CueHit]) -> set[int]:
    """Indexes of triggers under negation: the first trigger after 'not' (within reach), all after 'refused'."""
    out: set[int] = set()
    pending_neg_end: int | None = None
    refused = False
    for index, hit in enumerate(cues):
        if hit.role in ("refuse", "reject"):
            refused = True
        elif hit.role == "neg":
            pending_neg_end = hit.end
        elif hit.role != "plan":
            if refused or (pending_neg_end is not None and 0 <= hit.start - pending_neg_end <= NEGATION_REACH):
                out.add(index)
            pending_neg_end = None
    # 'a motion to end the partnership found no majority', «предложение разорвать связи отклонено»: a
    # rejection after an ending (a proposal, a motion) undoes that ending too
    for refusal in (hit for hit in cues if hit.role == "reject"):
        for index, hit in enumerate(cues):
            if hit.role in TERMINAL and 0 <= refusal.start - hit.end <= REFUSAL_BACK_REACH:
                out.add(index)
    return out


def read_clause(cues: Sequence[CueHit]) -> Statement | None:
    """The event a clause states, or None when it states no relation (or denies one)."""
    live: dict[str, list[CueHit]] = {}
    dead: dict[str, list[CueHit]] = {}
    negated = _negated_triggers(cues)
    refusals = [hit for hit in cues if hit.role in ("refuse", "reject")]
    for index, hit in enumerate(cues):
        if hit.role in ("plan", "neg", "refuse", "reject"):
            continue
        if hit.role in TERMINAL and any(r.start <= hit.start and hit.end <= r.end for r in refusals):
            continue  # the 'отказ' of 'отказа побратимяване' is the refusal itself, not a termination
        (dead if index in negated else live).setdefault(hit.role, []).append(hit)
    kind = _kind(live.get("twin", []) + live.get("agree", []) + dead.get("twin", []) + dead.get("agree", []))
    spoken_of = relation_words(live) or relation_words(dead)
    if live.get("keep") and spoken_of:
        # 'decided to keep its twinning', 'the ties are preserved': the relation continues, whatever
        # termination the clause also mentions (the motion that failed, the alternative rejected)
        return Statement(Event.SIGNED, kind, live["keep"][0].start, 0.75, survived=True)
    for role in TERMINAL_ORDER:
        if role in live:
            anchor = live[role][0]
            strength = 0.9 if ("twin" in live or "agree" in live) else 0.7
            return Statement(TERMINAL[role], kind, anchor.start, strength)
    relation = live.get("twin") or []
    agreement = live.get("agree") or []
    signing = live.get("sign") or []
    if any(role in dead for role in TERMINAL_ORDER) and spoken_of:
        # 'will not revoke the twinning', 'rejected the motion to annul the twinning': it continues
        return Statement(Event.SIGNED, kind, spoken_of[0].start, 0.55, survived=True)
    if not relation and not (agreement and signing):
        return None
    if "twin" in dead and not relation:
        return None
    if "sign" in dead and not signing and not relation:
        return None
    if dead.get("sign") and not signing:
        return None
    anchor = (signing or relation)[0]
    strength = 0.9 if relation and signing else (0.8 if relation else 0.65)
    planned = any(hit.role == "plan" and not _negated_plan(cues, index) for index, hit in enumerate(cues))
    event = Event.PLANNED if planned else Event.SIGNED
    return Statement(event, kind, anchor.start, strength, decisive=planned or bool(signing))


def _negated_plan(cues: Sequence[CueHit], index: int) -> bool:
    """'не будет пересматриваться', 'will not be revised': a negated future states no plan."""
    before = cues[index - 1] if index > 0 else None
    return before is not None and before.role == "neg" and 0 <= cues[index].start - before.end <= 2


def relation_words(hits: dict[str, list[CueHit]]) -> list[CueHit]:
    return hits.get("twin", []) + hits.get("agree", [])


def _kind(hits: Sequence[CueHit]) -> Kind | None:
    """Twin words decide the kind before agreement words ('cooperation agreement on twinning' is twinning)."""
    for role in ("twin", "agree"):
        for hit in hits:
            if hit.role == role and hit.cue.kind is not None:
                return hit.cue.kind
    return None


def without_conditions(
    folded: str, cues: Sequence[CueHit], until_words: frozenset[str], detached: frozenset[str] = frozenset()
) -> list[CueHit]:
    """The cues of a clause minus endings that are only a condition: 'frozen until the war ends', «замразени
    до прекратяване на военните действия» suspend; they end nothing. Nor does an ending verb whose detached
    particle closes its clause: German 'kündigte … an' announces."""
    out = []
    for hit in cues:
        if hit.role in TERMINAL and until_words:
            before = folded[max(0, hit.start - UNTIL_REACH) : hit.start].split()
            if any(word in until_words for word in before[-3:]):
                continue
        if hit.role in TERMINAL and detached and _particle_closes_clause(folded, hit.end, detached):
            continue
        out.append(hit)
    return out


def _particle_closes_clause(folded: str, start: int, particles: frozenset[str]) -> bool:
    boundary = CLAUSE_END.search(folded, start, start + PARTICLE_REACH)
    if boundary is None:
        return False
    last = folded[start : boundary.start()].split()[-1:]
    return bool(last) and last[0] in particles
