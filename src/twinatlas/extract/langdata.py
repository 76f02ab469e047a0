"""Extraction knowledge of one language, loaded from its data folder (src/twinatlas/lang/<code>/).

Files (tab-separated, '#' comments):
- triggers.tsv  `stem  role  kind`  role: twin | agree | sign | term | susp | lapse | keep (the relation
  continues: 'keeps', 'maintains'); kind: twinning | partnership |
  cooperation | friendship | - . A stem matches at the start of a word (or anywhere for scripts written without
  spaces); a trailing '$' asks for the whole word.
- modality.tsv  `stem  role`  role: plan (announced, future) | neg (negates the trigger right after it) |
  refuse (refusal or 'considering': no trigger after it happened) | reject (a rejection: like refuse, and it also
  undoes an ending just before it: 'a motion to end the twinning was rejected').
- months.tsv    `form  month`  a trailing '*' marks a stem that also matches its inflections.
- grammar.tsv   `role  word`  role: with (comitative preposition) | with_post (postposition) | and (coordination)
  | or (alternatives: 'A or B' is no pair) | clause (a clause break such as ', but')
  | anaphora (words for 'the two cities') | last (as in 'last March')
  | same ('did the same': the event of the previous statement carries over) | abbrev (an abbreviation whose
  period does not end a sentence: 'г', 'ul', 'st') | in (a locative preposition: 'A in B-region')
  | dated (the word naming an agreement's date: 'від', 'vom', 'of') | this (opens a sentence that dates the
  statement before it: 'про це', 'об этом') | date_link (a word between day and month: '9 de abril')
  | honorific (a title before a person's name: 'Dr.', 'Herr', 'Mrs': the capitalised words after it are a person)
  | in_region (a locative preposition only regions and countries take: French 'en'; 'X, en Y' locates X)
  | said (the stem of a verb of saying or writing: 'ACRONYM Town said' names a newsroom)
  | dateline_end (the word closing a news dateline after its place and date: Chinese '电')
  | org (the stem of an organisation noun: company, club, ministry, museum; a '$' asks for the whole word)
  | from ('from' before the town an organisation is based in) | until (before an ending that is only a
  condition: 'frozen until the war ends') | detached (a verb particle that, closing the clause, makes an
  ending verb another verb: German 'kündigte … an' announces) | between ('between A and B' pairs A and B)
  | since (before a year the relation began: beside another date, 'die seit 1992 bestehende Partnerschaft'
  dates the start, not the ending).
- relative.tsv  `phrase  unit  offset`  unit: day | year | weekday (offset 0 = Monday).

Adding a language is adding a folder; no code here knows any language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick

from twinatlas.lang import available_languages, read_tsv
from twinatlas.models import Kind

ROLES_TRIGGER = ("twin", "agree", "sign", "term", "susp", "lapse", "keep")
ROLES_MODALITY = ("plan", "neg", "refuse", "reject")
GRAMMAR_ROLES = (
    "with",
    "with_post",
    "and",
    "or",
    "clause",
    "anaphora",
    "last",
    "same",
    "abbrev",
    "in",
    "dated",
    "this",
    "date_link",
    "honorific",
    "in_region",
    "said",
    "dateline_end",
    "org",
    "from",
    "until",
    "detached",
    "between",
    "since",
)
# Languages whose codes differ between language identifiers and our folders.
ALIASES = {"hr": "sr", "bs": "sr", "sh": "sr", "hbs": "sr", "cnr": "sr", "mk": "bg", "ua": "uk", "by": "be"}

# Foldings that keep the text's length, so offsets in the folded text are offsets in the original.
_FOLD = str.maketrans({"ё": "е", "Ё": "е", "’": "'", "ʼ": "'", "‘": "'", "`": "'", "\u00a0": " "})


def fold_text(text: str) -> str:
    """Lowercase with a few spelling foldings, keeping every character at its offset."""
    lowered = text.translate(_FOLD).lower()
    if len(lowered) == len(text):
        return lowered
    # Rare characters (e.g. 'İ') lowercase to two; fall back to a char-by-char fold that keeps the length.
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text.translate(_FOLD))


def is_spaceless_script(ch: str) -> bool:
    """Scripts written without spaces between words (CJK, kana, Thai): stems match anywhere."""
    code = ord(ch)
    return 0x2E80 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF or 0x0E00 <= code <= 0x0E7F or 0xF900 <= code <= 0xFAFF


@dataclass(frozen=True, slots=True)
class Cue:
    """One entry of the cue automaton: what a matched stem signals."""

    stem: str
    role: str
    kind: Kind | None
    whole_word: bool


@dataclass(frozen=True, eq=False)  # identity hash: one loaded object per language
class LangData:
    """Everything extraction knows about one language (or the union of all of them)."""

    code: str
    cues: tuple[Cue, ...]
    months: dict[str, int]  # exact folded forms
    month_stems: dict[str, int]  # folded stems matching inflected forms
    months_need_number: frozenset[str]  # forms that are also common words ('may', 'march'): only next to a number
    grammar: dict[str, frozenset[str]]
    relative: dict[str, tuple[str, int]]  # folded phrase -> (unit, offset)
    automaton: ahocorasick.Automaton = field(repr=False, compare=False)
    _month_memo: dict[str, int | None] = field(default_factory=dict, init=False, repr=False, compare=False)

    def words(self, role: str) -> frozenset[str]:
        return self.grammar.get(role, frozenset())

    def month_of(self, word: str) -> int | None:
        """The month a folded word names, in any case form the data knows; None otherwise (remembered per word)."""
        memo = self._month_memo
        if word in memo:
            return memo[word]
        found = memo[word] = self._month_of(word)
        return found

    def _month_of(self, word: str) -> int | None:
        found = self.months.get(word)
        if found is not None:
            return found
        for size in range(min(len(word), 8), 2, -1):
            found = self.month_stems.get(word[:size])
            if found is not None:
                return found
        return None


def _kind(value: str) -> Kind | None:
    try:
        return Kind(value)
    except ValueError:
        return None


def _build(code: str, folders: list[str]) -> LangData:
    cues: list[Cue] = []
    months: dict[str, int] = {}
    month_stems: dict[str, int] = {}
    need_number: set[str] = set()
    grammar: dict[str, set[str]] = {role: set() for role in GRAMMAR_ROLES}
    relative: dict[str, tuple[str, int]] = {}
    for folder in folders:
        for row in read_tsv(folder, "triggers.tsv"):
            if len(row) >= 2 and row[1] in ROLES_TRIGGER:
                stem = fold_text(row[0])
                kind = _kind(row[2]) if len(row) > 2 else None
                cues.append(Cue(stem.rstrip("$"), row[1], kind, stem.endswith("$")))
        for row in read_tsv(folder, "modality.tsv"):
            if len(row) >= 2 and row[1] in ROLES_MODALITY:
                stem = fold_text(row[0])
                cues.append(Cue(stem.rstrip("$"), row[1], None, stem.endswith("$")))
        for row in read_tsv(folder, "months.tsv"):
            if len(row) >= 2 and row[1].isdigit():
                form = fold_text(row[0])
                target = month_stems if form.endswith("*") else months
                target[form.rstrip("*")] = int(row[1])
                if len(row) > 2 and row[2] == "num":
                    need_number.add(form.rstrip("*"))
        for row in read_tsv(folder, "grammar.tsv"):
            if len(row) >= 2 and row[0] in grammar:
                grammar[row[0]].add(fold_text(row[1]))
        for row in read_tsv(folder, "relative.tsv"):
            if len(row) >= 3:
                relative[fold_text(row[0])] = (row[1], int(row[2]))
    automaton = ahocorasick.Automaton()
    by_stem: dict[str, list[Cue]] = {}
    for cue in cues:
        if cue.stem:
            by_stem.setdefault(cue.stem, []).append(cue)
    for stem, entries in by_stem.items():
        automaton.add_word(stem, tuple(entries))
    if by_stem:
        automaton.make_automaton()
    return LangData(
        code=code,
        cues=tuple(cues),
        months=months,
        month_stems=month_stems,
        months_need_number=frozenset(need_number),
        grammar={role: frozenset(words) for role, words in grammar.items()},
        relative=relative,
        automaton=automaton,
    )


@lru_cache(maxsize=64)
def load_lang_data(code: str | None) -> LangData:
    """The data of a language; for an unknown or missing code, the union of every language's data."""
    known = available_languages()
    folder = ALIASES.get(code or "", code or "")
    if folder in known:
        return _build(folder, [folder])
    return _build("*", known)
