"""Country stems (lang/<code>/countries.tsv): names and adjectives are recognised, near-misses are not."""

import pytest

from twinatlas.gazetteer.langdata import COUNTRY_INFLECTION, country_of_words
from twinatlas.gazetteer.names import fold
from twinatlas.lang import available_languages, read_tsv

_REQUIRED = """BY RU UA PL DE LT LV EE BG RS MK GR RO TR FR CN IT ES CZ SK HU AT CH NL BE GB IE US CA JP KR IL CY HR
SI BA ME AL PT SE NO FI DK IS MD GE AM AZ KZ UZ KG TJ TM MN IN VN EG SY IR IQ BR AR MX TN MA LU"""
REQUIRED = _REQUIRED.split()  # the countries every language names, by name and adjective


def country(*words: str) -> tuple[str, int] | None:
    return country_of_words([fold(w) for w in words])


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("румынский", "RO"),  # ru
        ("румънският", "RO"),  # bg
        ("węgierskim", "HU"),  # pl
        ("österreichischen", "AT"),  # de
        ("Danish", "DK"),  # en
        ("угорського", "HU"),  # uk
        ("венгерскай", "HU"),  # be
        ("мађарског", "HU"),  # sr, Cyrillic
        ("mađarskog", "HU"),  # sr, Latin
        ("maďarského", "HU"),  # cs
        ("húngaro", "HU"),  # es
        ("ungherese", "HU"),  # it
        ("hongroise", "HU"),  # fr
        ("vengrijos", "HU"),  # lt
        ("Հունգարիայի", "HU"),  # hy
        ("匈牙利", "HU"),  # zh
        ("датских", "DK"),
        ("Дания", "DK"),
        ("Dänemark", "DK"),
        ("Islandii", "IS"),
        ("isländischen", "IS"),
        ("Черногории", "ME"),
        ("черногорского", "ME"),
        ("Индии", "IN"),
        ("indyjskiego", "IN"),
        ("Indien", "IN"),
        ("Ирака", "IQ"),
        ("irakischen", "IQ"),
        ("Iraq", "IQ"),
        ("Канаде", "CA"),
        ("Canadian", "CA"),
        ("Швеции", "SE"),
        ("Türkmenistan", "TM"),
        ("Mexiko", "MX"),
        ("мексиканского", "MX"),
        ("luxemburgischen", "LU"),
        ("tunisiennes", "TN"),
        ("北马其顿", "MK"),
    ],
)
def test_country_names_and_adjectives_are_recognised(word: str, code: str) -> None:
    assert country(word) == (code, 1)


def test_phrases_span_their_words() -> None:
    assert country("Южной", "Кореи") == ("KR", 2)
    assert country("South", "Korea") == ("KR", 2)
    assert country("Vereinigten", "Staaten") == ("US", 2)
    assert country("Northern", "Ireland") == ("GB", 2)  # the longer phrase wins over "Ireland"
    assert country("Црне", "Горе") == ("ME", 2)


@pytest.mark.parametrize(
    "word",
    [
        # common words that start like a country's name
        "данни",  # bg "data"
        "данные",  # ru "data"
        "industry",
        "indépendance",
        "island",
        "polach",  # pl "fields"
        "индијански",  # sr "Native American", not Indian
        "rumeni",  # sr "ruddy"
        # towns whose names start like a country's name
        "Indianapolis",
        "Данилов",
        "Черногорск",
        "Ираклион",
        "Iraklio",
        "Heraklion",
        "Mexicali",
        "Мексикали",
        "Канадзава",
        "Suizhou",
        "Litvínov",
        "Węgrów",
        "Turku",
        "Türkmenabat",
        "Schwetzingen",
        "Швецинген",
        "Armentières",
        "Albany",
        "Georgiyevsk",
    ],
)
def test_near_misses_are_no_country(word: str) -> None:
    assert country(word) is None


def test_short_stems_match_only_whole_words() -> None:
    assert country("США") == ("US", 1)
    assert country("UK") == ("GB", 1)
    assert country("ukulele") is None
    assert country("Ukraine") == ("UA", 1)


def _rows() -> list[tuple[str, str, list[str]]]:
    return [
        (code, row[0], [s.strip() for s in row[1].split(",") if s.strip()])
        for code in available_languages()
        for row in read_tsv(code, "countries.tsv")
    ]


def test_every_language_covers_the_required_countries() -> None:
    for code in available_languages():
        listed = {row[0] for row in read_tsv(code, "countries.tsv")}
        if listed:
            assert not set(REQUIRED) - listed, code


def test_every_row_is_a_country_code_with_stems_that_fold_to_letters() -> None:
    for lang, cc, stems in _rows():
        assert len(cc) == 2 and cc.isascii() and cc.isupper(), (lang, cc)
        assert stems, (lang, cc)
        for stem in stems:
            words = [fold(w) for w in stem.split()]
            assert all(words), (lang, cc, stem)
            assert all(w.isalpha() for w in words), (lang, cc, stem)


def test_a_stem_names_one_country() -> None:
    owners: dict[tuple[str, ...], set[str]] = {}
    for _, cc, stems in _rows():
        for stem in stems:
            owners.setdefault(tuple(fold(w) for w in stem.split()), set()).add(cc)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_a_short_stem_is_not_a_prefix_of_another_countrys_stem() -> None:
    """A stem that starts another country's stem («turk» inside «turkmen») takes that country's words
    whenever the longer stem is missing from a form; keep such pairs out."""
    single = {(fold(s), cc) for _, cc, stems in _rows() for s in stems if " " not in s}
    allowed = {("sloven", "slovensk")}  # fr «slovène» (SI) vs cs «slovenský» (SK): the longer one wins
    clashes = {
        (a, b)
        for a, ca in single
        for b, cb in single
        if len(a) > 3 and ca != cb and b != a and b.startswith(a) and len(b) - len(a) <= COUNTRY_INFLECTION
    }
    assert clashes - allowed == set()
