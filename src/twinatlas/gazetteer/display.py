"""Names of a place by language, for display, chosen from its untagged GeoNames alternate names.

GeoNames' alternate names in cities500 carry no language codes, but the Slavic Cyrillic orthographies differ
in their letters: Могилёв (ru), Могильов (bg), Магілёў (be), Могильов / Могилів (uk), Могиљев (sr). A name is
a candidate for a language when it uses only that language's letters and at least one letter that only that
language (within this family) has, if any; among the candidates the one closest to the English name wins.
Where a dictionary of the language is at hand (pymorphy3 for ru and uk), a spelling it knows as a place
name wins first: «Кривой Рог» rather than the Belarusian «Крывы Рог» for ru.
Latin-script languages are not told apart this way: they show the GeoNames (English) name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from difflib import SequenceMatcher

from unidecode import unidecode

_CYRILLIC_WORD = re.compile(r"^[\u0400-\u04ff][\u0400-\u04ff\s\-’'.]*$")

# Letters each orthography uses (lowercase); a name with any other Cyrillic letter is not of that language.
ALPHABETS = {
    "ru": set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя"),
    "bg": set("абвгдежзийклмнопрстуфхцчшщъьюя"),
    "uk": set("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"),
    "be": set("абвгдеёжзйіклмнопрстуўфхцчшыьэюя"),
    "sr": set("абвгдђежзијклљмнњопрстћуфхцчџш"),
    "mk": set("абвгдѓежзѕијклљмнњопрстќуфхцчџш"),
}
# Letters that mark a language within the family; a name without any of them is still allowed (most names
# are spelled alike), but one with them is preferred.
MARKERS = {
    "ru": set("ыэё"),
    "bg": set(),
    "uk": set("ієїґ"),
    "be": set("ўі"),
    "sr": set("ђјљњћџ"),
    "mk": set("ѓѕќјљњџ"),
}


# Spellings a language does not write: Bulgarian uses ь only before о, and no final ъ since 1945 (the GeoNames
# alternates include Old Church Slavonic forms such as Витьбьскъ).
IMPOSSIBLE = {"bg": re.compile(r"ь(?!о)|ъ\b")}


def _letters(name: str) -> set[str]:
    return {c for c in name.casefold() if c.isalpha()}


def _closeness(name: str, english: str) -> float:
    return SequenceMatcher(None, unidecode(name).casefold(), english.casefold()).ratio()


KnowsName = Callable[[str], bool]


def local_names(
    alternates: Iterable[str], english: str, dictionaries: Mapping[str, KnowsName] | None = None
) -> tuple[tuple[str, str], ...]:
    """(language, name) pairs for the Cyrillic-script languages whose spelling of the place is known.

    `dictionaries` maps a language to a test "is this spelling a known place name of the language"."""
    cyrillic = sorted({n.strip() for n in alternates if _CYRILLIC_WORD.match(n.strip())})
    out = []
    for lang, alphabet in ALPHABETS.items():
        impossible = IMPOSSIBLE.get(lang)
        fitting = [
            n for n in cyrillic if _letters(n) <= alphabet and not (impossible and impossible.search(n.casefold()))
        ]
        if not fitting:
            continue
        known = (dictionaries or {}).get(lang)

        def rank(name: str, lang: str = lang, known: KnowsName | None = known) -> tuple[float, ...]:
            # The share of words the language's dictionary knows first (GeoNames' alternates are noisy), then
            # a letter only this language has (Могилёв over Могилев), closeness to the English name (rounded,
            # so near-ties fall to the next keys), a hyphenated form (Санкт-Петербург), a similar length.
            share = 0.0
            if known is not None:
                words = name.split()
                share = sum(known(w) or all(known(p) for p in w.split("-")) for w in words) / len(words)
            marked = bool(_letters(name) & MARKERS[lang])
            return (share, marked, round(_closeness(name, english), 1), "-" in name, -abs(len(name) - len(english)))

        out.append((lang, max(fitting, key=rank)))
    return tuple(out)
