"""Parties the gazetteer does not know well: far-away look-alikes reached through inflection, readable Latin
names for unresolved parties, and country words that decide an ending. Examples written for these tests."""

import pytest

from twinatlas.gazetteer.latin import latin_name, romanise
from twinatlas.models import DocContext, Level, Mention, NameMatch, Place
from twinatlas.resolve import resolve_mention, resolve_name
from twinatlas.resolve.score import Hints
from twinatlas.resolve.select import choose


def _town(name, country, population, pid="gn:1"):
    return Place(id=pid, name=name, country=country, level=Level.CITY, population=population)


def test_a_small_foreign_town_met_only_through_a_suffix_rule_in_another_script_loses_to_the_documents_country():
    # «Ракитя» (a made-up Bulgarian district) -> suffix rule «-я» -> «Ракит» -> key of "Rakít", a village abroad.
    look_alike = NameMatch(place=_town("Rakít", "HU", 900), key="rakit", how="lemma", name="Rakít")
    context = DocContext(lang="bg", countries=("BY", "BG"))
    resolution = choose("Ракитя", [look_alike], Hints(other_country="BY", surface="Ракитя"), context, "none")
    assert resolution.choice is not None and not resolution.choice.resolved
    assert (resolution.choice.country, resolution.choice.name) == ("BG", "Rakitya")
    assert resolution.choice.id == "BG:city:ракитя"  # the id keeps the text form


def test_a_foreign_town_whose_own_name_is_the_lemma_stays_chosen():
    # Serbian «Krfom» -> «Krf»: Corfu's own Serbian name, spelled as written; no penalty.
    corfu = NameMatch(place=_town("Kérkyra", "GR", 32000), key="krf", how="lemma", name="Krf")
    resolution = choose("Krfom", [corfu], Hints(surface="Krfom"), DocContext(lang="sr", countries=("RS",)), "none")
    assert resolution.choice is not None and resolution.choice.country == "GR"


@pytest.mark.parametrize(
    ("text", "level", "lang", "name"),
    [
        ("Снежински селски изпълнителен комитет", Level.COMMUNITY, "bg", "Snezhinski Rural Council"),
        ("Щърково", Level.CITY, "bg", "Shtarkovo"),
        ("Шабац", Level.CITY, "sr", "Šabac"),
        ("Хорошівська громада", Level.COMMUNITY, "uk", "Khoroshivska Rural Council"),
        ("Zielonka", Level.CITY, "pl", "Zielonka"),
    ],
)
def test_unresolved_parties_get_a_readable_latin_name(text, level, lang, name):
    assert latin_name(text, level, lang) == name


def test_romanisation_keeps_capital_letters_and_unknown_characters():
    assert romanise("Юрьев-Польский", "ru") == "Yurev-Polskiy"


@pytest.mark.slow
def test_a_country_word_decides_an_ending_the_gazetteer_does_not_know(gazetteer):
    # A Russian writer's ending on a Polish city («польским Гданьско»): the country word points to Gdańsk.
    mention = Mention(0, 8, "Гданьско", tuple(gazetteer.lookup("Гданьско", "ru")), country_hint="PL")
    resolution = resolve_mention(mention, gazetteer, DocContext(lang="ru", countries=("RU", "PL")))
    assert resolution.choice is not None and resolution.choice.name == "Gdańsk"


class _TwoKeyIndex:
    """A stand-in index that knows one surface form and one shorter form."""

    def __init__(self, table):
        self.table = table

    def lookup(self, surface, lang=None):
        return self.table.get(surface, ())

    def get(self, place_id):
        return None


def test_a_units_level_phrase_does_not_stop_the_country_word_from_reaching_its_town():
    # «польским Бярово»: the index meets the form only in another language's phrase for a voivodeship
    # ('Biarovo vaivadija'); the country word should still lead to the town «Бяров» by its ending.
    region = Place(id="lc:PL-99", name="Biarów Province", country="PL", level=Level.REGION)
    town = _town("Biarów", "PL", 90_000, pid="gn:99")
    index = _TwoKeyIndex(
        {
            "Бярово": (NameMatch(place=region, key="biarovo", how="level-phrase", name="Biarovo"),),
            "Бяров": (NameMatch(place=town, key="biarov", how="transliterated", name="Biarów"),),
        }
    )
    mention = Mention(0, 6, "Бярово", tuple(index.lookup("Бярово")), country_hint="PL")
    resolution = resolve_mention(mention, index, DocContext(lang="ru", countries=("UA", "PL")))
    assert resolution.choice == town


@pytest.mark.parametrize("text", ["City Council", "Городской исполнительный комитет"])
def test_a_level_word_without_a_name_is_never_a_party(text):
    resolution = choose(text, (), Hints(level=Level.CITY), DocContext(lang="en", countries=("US",)), "no entry")
    assert resolution.choice is None
    assert "no name" in resolution.reason


@pytest.mark.parametrize(
    ("text", "name"), [("гміна Лубова", "Łubowo Municipality"), ("гміна Кшивіня", "Krzywiń Municipality")]
)
def test_a_unit_the_gazetteer_lacks_is_named_after_its_town(gazetteer, text, name):
    resolution = resolve_name(text, gazetteer, "uk", context=DocContext(lang="uk", countries=("PL",)))
    assert resolution.choice is not None and not resolution.choice.resolved
    assert (resolution.choice.name, resolution.choice.country, resolution.choice.level) == (
        name,
        "PL",
        Level.MUNICIPALITY,
    )


def test_a_council_named_by_an_adjective_takes_its_village_name(gazetteer):
    # The Bulgarian adjective «Знаменски» leads back to the village Znamenka (Brest region) by the language's
    # (adjective, name) endings; the council itself stays an unresolved community of that country.
    from twinatlas.resolve import resolve_name

    resolution = resolve_name("Знаменски селски съвет", gazetteer, lang="bg", country="BY")
    assert resolution.choice is not None
    assert (resolution.choice.name, resolution.choice.level.value) == ("Znamenka Rural Council", "community")
    assert resolution.choice.resolved is False


def test_a_town_is_not_the_municipality_a_level_word_names(gazetteer):
    # "... with three municipalities – Ełk, Biała Piska and Mrągowo": the level word names units; with no such unit in
    # the gazetteer the party stays an unresolved municipality named after its town, never the town itself.
    from twinatlas.models import DocContext, Level, Mention
    from twinatlas.resolve import resolve_mention

    mention = Mention(0, 11, "Biała Piska", level_hint=Level.MUNICIPALITY)
    resolution = resolve_mention(mention, gazetteer, DocContext(lang="pl", countries=("PL",)))
    assert resolution.choice is not None
    assert (resolution.choice.level, resolution.choice.country) == (Level.MUNICIPALITY, "PL")
    assert resolution.choice.name == "Biała Piska Municipality"


def test_a_name_some_place_bears_is_not_read_as_an_adjective(gazetteer):
    # «Брянськом» is Bryansk in the instrumental, not an adjective of Bryanka
    from twinatlas.resolve import resolve_name

    assert resolve_name("Брянськом", gazetteer, lang="uk").choice.name == "Bryansk"


def test_a_name_two_towns_of_some_size_bear_implies_no_country():
    # 'Valence' is Valencia's French name and a French town of 64,000: naming it says nothing of Spain
    from twinatlas.models import Level, Mention, NameMatch, Place
    from twinatlas.resolve.context import _implied_country

    valencia = Place("gn:1", "Valencia", "ES", Level.CITY, population=800_000)
    valence = Place("gn:2", "Valence", "FR", Level.CITY, population=64_000)
    both = Mention(0, 7, "Valence", (NameMatch(valencia, "valence", "exact"), NameMatch(valence, "valence", "exact")))
    assert _implied_country(both) is None
    alone = Mention(0, 7, "Valencia", (NameMatch(valencia, "valencia", "exact"),))
    assert _implied_country(alone) == "ES"


def test_a_unit_above_the_one_the_level_word_names_is_not_it(gazetteer):
    # a municipality named Ełk is the gmina, never Ełk County (a powiat); the gmina is kept unresolved
    from twinatlas.models import DocContext, Level, Mention
    from twinatlas.resolve import resolve_mention

    mention = Mention(0, 3, "Ełk", tuple(gazetteer.lookup("Ełk", "pl")), level_hint=Level.MUNICIPALITY)
    choice = resolve_mention(mention, gazetteer, DocContext(lang="pl", countries=("PL",))).choice
    assert choice is not None and choice.level is Level.MUNICIPALITY and "Ełk" in choice.name


def test_the_level_words_the_text_uses_tell_apart_units_that_share_a_name():
    # Lithuanian towns have a town municipality and a district municipality of one name: 'Varėnos miesto
    # savivaldybė' and 'Varėnos rajono savivaldybė'; the text's «rajonas» picks the district's.
    def unit(pid, name, full):
        place = Place(id=pid, name=name, country="LT", level=Level.MUNICIPALITY)
        return NameMatch(place=place, key="varenos", how="level-phrase", name=full)

    town_unit = unit("lc:LT-1", "Varėna Town Municipality", "Varėnos miesto savivaldybė")
    district_unit = unit("lc:LT-2", "Varėna District Municipality", "Varėnos rajono savivaldybė")
    hints = Hints(level=Level.MUNICIPALITY, surface="Varėnos rajonas")
    resolution = choose("Varėnos rajonas", [town_unit, district_unit], hints, DocContext(lang="lt"), "none")
    assert resolution.choice == district_unit.place
