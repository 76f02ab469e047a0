"""Keys of scripts written without spaces (Chinese, Japanese), matched character by character."""

from __future__ import annotations

import sqlite3
from typing import Any

from twinatlas.gazetteer.langdata import suffix_levels
from twinatlas.gazetteer.names import is_spaceless_script

MIN_POPULATION_BARE_TWO_CHARACTERS = 150_000


def spaceless_keys_automaton(db: sqlite3.Connection) -> Any:
    """Aho–Corasick over the index keys of those scripts. Only towns of 10,000 or more and admin units take
    part, so that two-character words («友好») do not turn into hamlets."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    rows = db.execute(
        "SELECT k.key, MAX(p.level != 'city' OR p.population >= ?) FROM keys k JOIN places p ON p.rid = k.rid "
        "WHERE k.key >= '\u3040' AND k.key < '\ud7b0' AND (p.level != 'city' OR p.population >= 10000) "
        "GROUP BY k.key",
        (MIN_POPULATION_BARE_TWO_CHARACTERS,),
    )
    suffixes = [p.stems[0] for p in suffix_levels() if len(p.stems[0]) == 1]
    for key, bare in rows:
        if len(key) < 2 or not is_spaceless_script(key):
            continue
        if len(key) > 2 or bare:
            automaton.add_word(key, len(key))
        else:  # 友好 (friendly), 联合 (united) are towns too, but a town's two characters come with 镇, 区 ...
            for suffix in suffixes:
                automaton.add_word(key + suffix, len(key) + 1)
    automaton.make_automaton()
    return automaton


def longest_spans(automaton: Any, run: str) -> list[tuple[int, int]]:
    """Longest non-overlapping (start, end) spans of `run` that are keys."""
    found = sorted(((end - n + 1, end + 1) for end, n in automaton.iter(run)), key=lambda s: (s[0], -s[1]))
    spans: list[tuple[int, int]] = []
    for start, end in found:
        if not spans or start >= spans[-1][1]:
            spans.append((start, end))
    return spans
