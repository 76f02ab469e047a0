"""Person and common-word filters of the spotter: when a capitalised word is a person or an ordinary word."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from twinatlas.gazetteer.langdata import country_of_words, given_names, level_of_words, morphology, stem_matches
from twinatlas.gazetteer.latin import romanise
from twinatlas.gazetteer.names import fold, script_of, skeleton
from twinatlas.gazetteer.spot_tokens import _capitalised, _joined
from twinatlas.models import Level, NameMatch, PlaceIndex

MIN_POPULATION_INFLECTED = 1000  # an inflected or adjectival match of a hamlet is more likely a word
# A common word of the document's language («То», "Byl", "Ruhen") is a place only when it names a town at
# least this big (Bath, Split, Nice) or a level word or country adjective stands next to it.
MIN_POPULATION_COMMON_WORD = 50_000
# ... or a town this big in a country where the language is spoken, in any spelling of its script: «Буча» is
# also a rare Ukrainian word, but a Ukrainian text that starts a sentence with it means the town.
MIN_POPULATION_COMMON_WORD_HOME = 20_000
# ... or a city this big anywhere, in any spelling of its script («Рига», «Вена»: also a barn and a vein).
MIN_POPULATION_COMMON_WORD_LOOSE = 200_000
MIN_LOOSE_WORD = 4  # shorter words meet too much loosely: «Сам» an old name of Damascus
# A given name before a capitalised word is a person («Vladimir Putin») unless it is a city this big and the
# language capitalises its nouns (German "mit Wladimir Verständnis" is about the city).
MIN_POPULATION_GIVEN_NAME = 100_000
MIN_POPULATION_SURNAME_TOWN = 200_000  # a word after a given name that names a town this big is the town
# After "mayor", "regime", "said" ... a capitalised word is a person unless it names a town at least this big.
MIN_POPULATION_AFTER_PERSON_CUE = 15_000


def _big_town(
    matches: Sequence[NameMatch], population: int, loose: bool = False, countries: Sequence[str] = ()
) -> bool:
    """A town of at least `population` spelled as written, or in another script or spelling when `loose`
    (not by default: loose keys meet codes like 'BIL' for Billings); only in `countries` when given."""
    spellings = ("exact", "folded", "transliterated") if loose else ("exact", "folded")
    return any(
        m.place.level == Level.CITY
        and (m.place.population or 0) >= population
        and m.how in spellings
        and (not countries or m.place.country in countries)
        for m in matches
    )


def _big_town_for_common_word(matches: Sequence[NameMatch], lang: str | None, word: str) -> bool:
    """A common word names a town when the town is big, or fairly big and in the language's own countries
    (there its name may only be known to the dictionary as a transliteration: «Луцьк»)."""
    home = morphology(lang).countries
    if morphology(lang).nouns_capitalised:
        # every German noun is capitalised and many meet some town abroad ("Büro", Burao): only a town of the
        # language's own countries, or a very big one, is named by a word of the dictionary
        return _big_town(matches, MIN_POPULATION_COMMON_WORD_HOME, countries=home) or _big_town(
            matches, MIN_POPULATION_COMMON_WORD_LOOSE, loose=True
        )
    if _big_town(matches, MIN_POPULATION_COMMON_WORD):
        return True
    if len(word) < MIN_LOOSE_WORD:
        return False
    return _big_town(matches, MIN_POPULATION_COMMON_WORD_LOOSE, loose=True) or (
        bool(home) and _big_town(matches, MIN_POPULATION_COMMON_WORD_HOME, loose=True, countries=home)
    )


def _sentence_initial(text: str, start: int) -> bool:
    """Nothing but an opening mark or a sentence end before this word: its capital letter says nothing."""
    before = text[max(0, start - 12) : start].rstrip(" \t\u00a0")
    if before[-1:] in _LINE_OPENERS:  # a bullet or a dialogue dash opening its line; a table's cell border
        head = before[:-1].rstrip(" \t\u00a0")
        return before[-1] == "|" or not head or head[-1] == "\n"
    return not before or before[-1] in _SENTENCE_OPENERS


_SENTENCE_OPENERS = frozenset(".!?:;\n\r\"'«»„“”‘(…›/")  # › and / part a page's breadcrumb trail
_LINE_OPENERS = frozenset("—–-•*·▪|")


def _is_common(index: PlaceIndex, word: str, lang: str | None) -> bool:
    """An ordinary word of the language that meets a gazetteer key (indexes without word lists know none)."""
    check = getattr(index, "is_common_word", None)
    return bool(check(word, lang)) if check is not None else False


def _looks_common(text: str, token: tuple[int, int, str], lang: str | None, index: PlaceIndex) -> bool:
    """An ordinary word written with a capital: at a sentence start («То», "Byl"), as a German noun
    ("Ruhen"), or an acronym ("PDF", «ТАСС»)."""
    start, _, word = token
    if word.isupper() and len(word) <= 4:
        return True
    if not _is_common(index, word, lang):
        return False
    # a word in capitals (a heading's) is like one at a sentence start: its capital letter says nothing
    return morphology(lang).nouns_capitalised or word.isupper() or _sentence_initial(text, start)


def _plausible(
    matches: tuple[NameMatch, ...], single_word: bool, common: bool = False, lang: str | None = None, word: str = ""
) -> bool:
    """Drop hamlets reached only through inflection or adjectives: they are usually ordinary words; and
    drop places a common word of the language names, unless it names a big town."""
    if not single_word:
        return True
    if common:
        return _big_town_for_common_word(matches, lang, word)
    for match in matches:
        if match.how in ("exact", "folded", "transliterated") or match.place.level != Level.CITY:
            return True
        if (match.place.population or 0) >= MIN_POPULATION_INFLECTED:
            return True
    return False


def _person_at(
    text: str,
    toks: list[tuple[int, int, str]],
    i: int,
    lang: str | None,
    index: PlaceIndex,
    stop: frozenset[str] = frozenset(),
) -> int | None:
    """A given name followed by a capitalised word that is no level, country or common word: a person's name
    ("Anna Berger", «Николай Колев»). Returns the surname's token index; None when not a person. A stop word
    is no given name, whatever name lists say ("The" is a Vietnamese name; "The Kelme district" is not a
    person)."""
    word = toks[i][2]
    if i + 1 >= len(toks) or not _capitalised(word) or skeleton(word) not in given_names() or fold(word) in stop:
        return None
    surname = toks[i + 1][2]
    if not _capitalised(surname) or not _joined(text, toks, i, i + 1):
        return None
    if _is_common(index, surname, lang) and not fold(surname).endswith(morphology(lang).surname_endings or ("\0",)):
        return None
    folded = fold(surname)
    if level_of_words([folded]) is not None or country_of_words([folded]) is not None:
        return None
    if any(m.how in ("exact", "folded") for m in index.lookup(text[toks[i][0] : toks[i + 1][1]], lang)):
        return None  # "Alice Springs", "San José": the two words name a place
    surname_shaped = fold(surname).endswith(morphology(lang).surname_endings or ("\0",))
    towns = index.lookup(surname, lang)
    big = _big_town(towns, MIN_POPULATION_SURNAME_TOWN, loose=True) or any(
        m.how == "lemma" and (m.place.population or 0) >= MIN_POPULATION_SURNAME_TOWN for m in towns
    )
    if big and not surname_shaped:
        return None  # «Мэрыя Беластока» (a mayor's office, and a given name): a big town is no surname
    if morphology(lang).nouns_capitalised and _big_town(index.lookup(word, lang), MIN_POPULATION_GIVEN_NAME, True):
        return None
    if _is_common(index, word, lang) and _big_town_for_common_word(index.lookup(surname, lang), lang, surname):
        return None  # «Сам Витебск»: a pronoun that happens to be a name abroad, before a town
    return i + 1


@lru_cache(maxsize=100_000)
def _is_person_cue(folded: str, lang: str | None) -> bool:
    return any(stem_matches(cue, folded) for cue in morphology(lang).person_before)


def _person_after_cue(
    text: str, toks: list[tuple[int, int, str]], i: int, lang: str | None, index: PlaceIndex
) -> int | None:
    """A capitalised word right after a word such as regime, president, mayor or said («reżim Łukaszenki», "said
    Berger") is a person: returns its last token (a surname may follow). Not when it names a town of some size
    or a region: Slavic languages put them there in the genitive («мэр Минска»). Districts do not count: many
    are named after people (Hendricks County)."""
    if i == 0 or not _capitalised(toks[i][2]) or not _joined(text, toks, i - 1, i):
        return None
    if not _is_person_cue(fold(toks[i - 1][2]), lang):
        return None
    for match in index.lookup(toks[i][2], lang):
        if match.how not in ("adjective", "level-phrase") and (
            match.place.level in (Level.REGION, Level.COUNTRY)
            or (match.place.level == Level.CITY and (match.place.population or 0) >= MIN_POPULATION_AFTER_PERSON_CUE)
        ):
            return None
    last = i
    while (
        last + 1 < len(toks)
        and last - i < 1
        and _capitalised(toks[last + 1][2])
        and _joined(text, toks, last, last + 1)
    ):
        last += 1
    return last


def _inflected_abroad_at_start(
    text: str, token: tuple[int, int, str], matches: Sequence[NameMatch], lang: str | None
) -> bool:
    """A word opening a sentence that meets places only through an inflection of a name in another script
    («Повеља», a charter, meets Powell): its capital letter says nothing, and nothing else says place. In a
    language with a Latin alphabet of its own, a name spelled as the word is romanised is its own («Требињу»
    is 'Trebinju', Trebinje)."""
    start, _, word = token
    script = script_of(word)
    if not all(m.how in INFLECTED and script_of(m.name) != script for m in matches):
        return False
    if not _sentence_initial(text, start):
        return False
    own = fold(romanise(word, lang))[:4] if morphology(lang).latin_alphabet else None
    return all(fold(m.name)[:4] != own for m in matches)


INFLECTED = frozenset({"lemma", "variant", "adjective"})
