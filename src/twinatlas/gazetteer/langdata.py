"""The gazetteer's language data (lang/<code>/levels.tsv, countries.tsv, morphology.toml), loaded once.

Level words and country words of all languages are merged: they rarely collide, and a text whose language
was guessed wrong still gets its «область» or "gmina" recognised.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from twinatlas.gazetteer.names import fold
from twinatlas.lang import available_languages, lang_dir, read_tsv
from twinatlas.models import Level

COUNTRY_INFLECTION = 7  # «росси» -> «российскими»
MAX_INFLECTION = 4  # letters a stem may be followed by and still match a word («област» -> «областями»)


@dataclass(frozen=True)
class LevelPhrase:
    stems: tuple[str, ...]  # folded stems, one per word
    level: Level
    suffix: bool = False  # written as part of the name (延边州, 大理县)


@dataclass(frozen=True)
class Morphology:
    lemmatiser: str = "none"
    code: str = ""
    suffixes: tuple[tuple[str, str], ...] = ()
    stopwords: frozenset[str] = field(default_factory=frozenset)
    countries: tuple[str, ...] = ()  # where the language is spoken: a weak prior for its places
    nouns_capitalised: bool = False  # German: a capital letter says little about a name
    latin: tuple[tuple[str, str], ...] = ()  # letters romanised differently from the Russian BGN/PCGN table
    person_before: tuple[str, ...] = ()  # folded words after which a capitalised word is a person («reżim»)
    town_people: tuple[str, ...] = ()  # folded stems: a lowercase town adjective before them names the town
    # (adjective ending, place-name ending): a council named by an adjective is named after a village
    # («Знаменски селсъвет» -> Знаменка); tried in order
    place_adjectives: tuple[tuple[str, str], ...] = ()
    # folded endings of surnames: after a given name, «Иванов» is a person though the dictionary knows the word
    surname_endings: tuple[str, ...] = ()
    # the `latin` table is the language's own second alphabet (Serbian): a Cyrillic name written in it is
    # the same name, not a transliteration
    latin_alphabet: bool = False
    # a language without a dictionary of its own borrows a close relative's through a letter map: Belarusian
    # «былі» is Russian «были», so it is an ordinary word too
    words_like: str = ""
    words_like_letters: tuple[tuple[str, str], ...] = ()


def stem_matches(stem: str, word_folded: str, inflection: int = MAX_INFLECTION) -> bool:
    """A level or country stem matches a folded word it starts, allowing a few letters of inflection."""
    return word_folded.startswith(stem) and len(word_folded) - len(stem) <= inflection


@cache
def level_phrases() -> tuple[LevelPhrase, ...]:
    """All level phrases of all languages, longest first so that phrases win over their first word."""
    phrases = set()
    for code in available_languages():
        for row in read_tsv(code, "levels.tsv"):
            if len(row) >= 2:
                stems = tuple(fold(w) for w in row[0].split())
                phrases.add(LevelPhrase(stems, Level(row[1]), len(row) > 2 and row[2] == "suffix"))
    return tuple(sorted(phrases, key=lambda p: (-len(p.stems), -sum(map(len, p.stems)), p.stems)))


@cache
def word_levels() -> tuple[LevelPhrase, ...]:
    return tuple(p for p in level_phrases() if not p.suffix)


@cache
def suffix_levels() -> tuple[LevelPhrase, ...]:
    return tuple(p for p in level_phrases() if p.suffix)


@cache
def _word_levels_by_first() -> dict[str, tuple[LevelPhrase, ...]]:
    table: dict[str, list[LevelPhrase]] = {}
    for phrase in word_levels():
        table.setdefault(phrase.stems[0], []).append(phrase)
    return {k: tuple(v) for k, v in table.items()}


@lru_cache(maxsize=100_000)
def _levels_starting(first: str) -> tuple[LevelPhrase, ...]:
    """The level phrases whose first stem can match this folded word, in level_phrases() order."""
    table = _word_levels_by_first()
    found: set[LevelPhrase] = set()
    for length in range(max(1, len(first) - MAX_INFLECTION), len(first) + 1):
        found.update(table.get(first[:length], ()))
    return tuple(p for p in word_levels() if p in found) if found else ()


def level_of_words(folded_words: list[str]) -> tuple[Level, int] | None:
    """The level phrase at the start of the folded words, with how many words it spans."""
    if not folded_words or not folded_words[0]:
        return None
    for phrase in _levels_starting(folded_words[0]):
        n = len(phrase.stems)
        if n <= len(folded_words) and all(
            (stem_matches(s, w) if len(s) > 3 else s == w) for s, w in zip(phrase.stems, folded_words, strict=False)
        ):
            return phrase.level, n
    return None


@cache
def country_words() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(folded stem words, ISO code) of every language, longest first."""
    out = set()
    for code in available_languages():
        for row in read_tsv(code, "countries.tsv"):
            if len(row) >= 2:
                for stem in row[1].split(","):
                    if stem.strip():
                        out.add((tuple(fold(w) for w in stem.split()), row[0].upper()))
    return tuple(sorted(out, key=lambda item: (-len(item[0]), -sum(map(len, item[0])), item)))


@cache
def _country_words_by_first() -> dict[str, tuple[tuple[int, tuple[str, ...], str], ...]]:
    """First stem word -> (priority, stems, code): a word can only start with a stem it has as a prefix."""
    table: dict[str, list[tuple[int, tuple[str, ...], str]]] = {}
    for rank, (stems, cc) in enumerate(country_words()):
        table.setdefault(stems[0], []).append((rank, stems, cc))
    return {k: tuple(v) for k, v in table.items()}


@lru_cache(maxsize=200_000)
def _countries_starting(first: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The country stems that may start this folded word, in country_words() order (cached per word)."""
    table = _country_words_by_first()
    found: list[tuple[int, tuple[str, ...], str]] = []
    for length in range(max(1, len(first) - COUNTRY_INFLECTION), len(first) + 1):
        found += table.get(first[:length], ())
    return tuple((stems, cc) for _, stems, cc in sorted(found))


def country_of_words(folded_words: list[str]) -> tuple[str, int] | None:
    """The country named or implied («российским», "Belarus") at the start of the folded words.

    Looked up by the prefixes of the first word (a stem is followed by at most COUNTRY_INFLECTION letters),
    not by scanning every stem: this runs for every word of every document.
    """
    if not folded_words or not folded_words[0]:
        return None
    for stems, cc in _countries_starting(folded_words[0]):
        n = len(stems)
        if n <= len(folded_words) and all(
            (stem_matches(s, w, COUNTRY_INFLECTION) if len(s) > 3 else s == w)
            for s, w in zip(stems, folded_words, strict=False)
        ):
            return cc, n
    return None


@cache
def morphology(code: str | None) -> Morphology:
    folder = lang_dir(code) if code else None
    if folder is None or not folder.joinpath("morphology.toml").is_file():
        return Morphology()
    data = tomllib.loads(folder.joinpath("morphology.toml").read_text(encoding="utf-8"))
    return Morphology(
        lemmatiser=str(data.get("lemmatiser", "none")),
        code=str(data.get("lemmatiser_code", "")),
        suffixes=tuple((str(a), str(b)) for a, b in data.get("suffixes", [])),
        stopwords=frozenset(fold(w) for w in data.get("stopwords", [])),
        countries=tuple(str(c).upper() for c in data.get("countries", [])),
        nouns_capitalised=bool(data.get("nouns_capitalised", False)),
        latin=tuple((str(a), str(b)) for a, b in data.get("latin", [])),
        person_before=tuple(fold(w) for w in data.get("person_before", [])),
        town_people=tuple(fold(w) for w in data.get("town_people", [])),
        place_adjectives=tuple((str(a), str(b)) for a, b in data.get("place_adjectives", [])),
        surname_endings=tuple(fold(w) for w in data.get("surname_endings", [])),
        latin_alphabet=bool(data.get("latin_alphabet", False)),
        words_like=str(data.get("words_like", "")),
        words_like_letters=tuple((str(a), str(b)) for a, b in data.get("words_like_letters", [])),
    )


@cache
def all_stopwords() -> frozenset[str]:
    """Stop words of every language, for texts whose language is unknown."""
    out: set[str] = set()
    for code in available_languages():
        out |= morphology(code).stopwords
    return frozenset(out)


def _word_file(text: str) -> frozenset[str]:
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def given_names() -> frozenset[str]:
    """Name keys (skeletons) of given names in any language: "Glenn", «Юлиян», "Krzysztof"."""
    path = resources.files(__package__).joinpath("given_names.txt")
    return _word_file(path.read_text(encoding="utf-8")) if path.is_file() else frozenset()


def admin_level_table() -> dict[tuple[str, int], Level]:
    """(country or '*', GeoNames admin depth) -> Level, from gazetteer/admin_levels.tsv."""
    text = resources.files(__package__).joinpath("admin_levels.tsv").read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            cc, depth, level = line.split("\t")[:3]
            table[(cc.strip(), int(depth))] = Level(level.strip())
    return table
