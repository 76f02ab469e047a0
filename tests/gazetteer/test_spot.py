"""Mention spotting on sentences written for these tests."""

import pytest

from twinatlas.gazetteer.spot import spot_mentions
from twinatlas.models import Level

pytestmark = pytest.mark.slow


def _by_surface(text, lang, gazetteer):
    return {m.surface: m for m in spot_mentions(text, lang, gazetteer)}


def test_level_words_join_the_mention_and_set_the_hint(gazetteer):
    found = _by_surface("Делегация от Минска област посети община Опан и Брестски район.", "bg", gazetteer)
    assert found["Минска област"].level_hint == Level.REGION
    assert found["община Опан"].level_hint == Level.MUNICIPALITY
    assert found["Брестски район"].level_hint == Level.DISTRICT


def test_executive_committee_means_the_city(gazetteer):
    found = _by_surface("Делегация Витебского горисполкома прибыла вчера.", "ru", gazetteer)
    mention = found["Витебского горисполкома"]
    assert mention.level_hint == Level.CITY
    assert mention.matches[0].place.country == "BY"


def test_rural_council_is_a_mention_even_without_an_entity(gazetteer):
    found = _by_surface("Снежински селски изпълнителен комитет подписа договор.", "bg", gazetteer)
    assert found["Снежински селски изпълнителен комитет"].level_hint == Level.COMMUNITY


def test_a_unit_of_several_unknown_words_keeps_them_all_before_its_level_word(gazetteer):
    found = _by_surface("Kalnų apskrities Žaliųjų Pievų savivaldybės meras atvyko.", "lt", gazetteer)
    assert found["Žaliųjų Pievų savivaldybės"].level_hint == Level.MUNICIPALITY
    assert "apskrities Žaliųjų" not in found


def test_a_capitalised_word_before_a_known_unit_does_not_join_it(gazetteer):
    found = _by_surface("Позже Гомельская область подписала соглашение.", "ru", gazetteer)
    assert found["Гомельская область"].level_hint == Level.REGION
    assert "Позже Гомельская область" not in found


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Два города подписали соглашение.", "ru"),
        ("Oba miasta podpisały umowę.", "pl"),
        ("Beide Städte unterzeichneten den Vertrag.", "de"),
    ],
)
def test_the_two_cities_is_no_place(gazetteer, text, lang):
    assert spot_mentions(text, lang, gazetteer) == []


def test_a_table_cell_is_a_sentence_start_and_its_country_cell_decides_a_common_word(gazetteer):
    found = _by_surface("Місто | Країна | Рік\nХелм | Польща | 1996\nБрест | Білорусь | 1997", "uk", gazetteer)
    assert "Рік" not in found  # 'year' heading a cell is the common word
    assert found["Хелм"].country_hint == "PL"  # a dictionary word, but the next cell names its country
    assert found["Брест"].country_hint == "BY"


def test_a_word_after_a_dialogue_dash_opening_its_line_is_a_sentence_start(gazetteer):
    found = _by_surface("Интервью мэра\n— Были ли у города партнёры?\n— Были, конечно.", "ru", gazetteer)
    assert "Были" not in found


def test_a_country_after_a_region_is_the_country_of_the_place_before_both(gazetteer):
    found = _by_surface("Partnerstädte: Springfield, Illinois (USA), seit 2011", "de", gazetteer)
    assert found["Springfield"].country_hint == "US"


def test_a_stop_word_is_not_folded_into_a_one_word_name_but_an_article_may_open_one(gazetteer):
    found = _by_surface("À Huy, le conseil a voté. Le Havre aussi.", "fr", gazetteer)
    assert "Huy" in found and "À Huy" not in found
    assert "Le Havre" in found


def test_a_breadcrumb_step_is_a_sentence_start(gazetteer):
    found = _by_surface("Accueil › Vivre à Guérande › Vie associative › Jumelages", "fr", gazetteer)
    assert set(found) == {"Guérande"}


@pytest.mark.parametrize(
    ("text", "lang", "word"),
    [
        ("Поред градова побратима, Чачак има и партнере.", "sr", "Поред"),
        ("Hlavní oblasti spolupráce jsou kultura a sport.", "cs", "Hlavní"),
    ],
)
def test_an_unknown_word_opening_a_sentence_before_a_level_word_is_no_unit(gazetteer, text, lang, word):
    assert not any(surface.startswith(word) for surface in _by_surface(text, lang, gazetteer))


def test_belarusian_ordinary_words_are_found_through_the_russian_dictionary(gazetteer):
    found = _by_surface("Нам важна дружба. Былі абмены з Лідай.", "be", gazetteer)
    assert "Нам" not in found and "Былі" not in found
    assert "Лідай" in found  # a town of the language's country that is also a word stays a town


def test_an_ordinals_ending_is_no_level_abbreviation(gazetteer):
    found = _by_surface("Пагадненне падпісалі ў 2005-м. Былі абмены.", "be", gazetteer)
    assert not any(surface.startswith("м") for surface in found)


def test_a_heading_in_capitals_names_only_its_places(gazetteer):
    found = _by_surface("СВЯЗИ ГОРОДОВ И РЕГИОНОВ: БРЕСТ И ГРОДНО", "ru", gazetteer)
    assert set(found) == {"БРЕСТ", "ГРОДНО"}


def test_a_sentence_opening_word_met_only_by_inflecting_a_name_in_another_script_is_no_place(gazetteer):
    found = _by_surface("Повеља о братимљењу потписана је у Требињу. Требињу је уручена.", "sr", gazetteer)
    assert "Повеља" not in found  # a charter, not Powell
    assert "Требињу" in found  # romanised it is Trebinje's own spelling


def test_country_adjective_sets_the_country_hint(gazetteer):
    found = _by_surface("Мэр встретился с российским Геленджиком.", "ru", gazetteer)
    assert found["Геленджиком"].country_hint == "RU"
    found = _by_surface("Radni zerwali umowę z białoruskim Grodnem.", "pl", gazetteer)
    assert found["Grodnem"].country_hint == "BY"


def test_common_words_that_are_tiny_places_do_not_flood(gazetteer):
    surfaces = set(_by_surface("The Mayor Is Of the opinion that Minsk is fine.", "en", gazetteer))
    assert surfaces == {"Minsk"}


def test_prepositions_are_not_level_abbreviations(gazetteer):
    found = _by_surface("Договор с Брестом и Гродно подписан.", "ru", gazetteer)
    assert set(found) == {"Брестом", "Гродно"}


def test_chinese_is_matched_character_by_character(gazetteer):
    found = _by_surface("成都市与曼谷结为友好城市。", "zh", gazetteer)
    assert found["成都市"].level_hint == Level.CITY
    assert found["成都市"].matches[0].place.country == "CN"


@pytest.mark.parametrize(
    ("text", "lang", "surface", "code"),
    [
        ("Делегации из Украине и городов Сибири встретились.", "ru", "Украине", "UA"),
        ("Samorządy z Rosji zerwały współpracę.", "pl", "Rosji", "RU"),
        ("Сустрэча гарадоў Беларусі прайшла ўчора.", "be", "Беларусі", "BY"),
        ("Городами России гордимся.", "ru", "России", "RU"),
    ],
)
def test_inflected_country_names_are_the_country_not_a_village(gazetteer, text, lang, surface, code):
    mention = _by_surface(text, lang, gazetteer)[surface]
    assert mention.level_hint == Level.COUNTRY
    assert mention.country_hint == code
    assert [m.place.level for m in mention.matches] == [Level.COUNTRY]


def test_a_town_whose_name_starts_with_a_country_word_stays_the_town(gazetteer):
    found = _by_surface("Partnerem je České Budějovice.", "cs", gazetteer)
    assert found["České Budějovice"].level_hint is None
    assert found["České Budějovice"].matches[0].place.country == "CZ"


@pytest.mark.parametrize(
    ("text", "lang", "word"),
    [
        ("То, что делегация приехала, радует. Ранее мэр Твери был в Минске.", "ru", "То"),
        ("То, что делегация приехала, радует. Ранее мэр Твери был в Минске.", "ru", "Ранее"),
        ("Byl to dobrý den pro Brno.", "cs", "Byl"),
        ("Ha firmado el alcalde de Oviedo.", "es", "Ha"),
        ("Das Ruhen der Kontakte zu Jaroslawl bedauert man in Hannover.", "de", "Ruhen"),
        ("Das Dokument (PDF, 90 KB) liegt in Lyon aus.", "fr", "PDF"),
        ("The Town Council of Leeds voted.", "en", "Council"),
        ("Die Urkunde wurde im Rathaus von Plauen unterzeichnet.", "de", "Rathaus"),
        ("La Universidad de Jaén firmó un convenio.", "es", "Universidad"),
    ],
)
def test_common_words_of_the_language_do_not_become_small_places(gazetteer, text, lang, word):
    assert not any(word in surface.split() for surface in _by_surface(text, lang, gazetteer))


def test_a_common_word_inside_a_sentence_is_still_a_town(gazetteer):
    # «pisz» is also the imperative of «pisać»; inside a sentence the capital letter marks the town.
    found = _by_surface("Umowę z gminą Orzysz i Pisz podpisano wczoraj.", "pl", gazetteer)
    assert found["Pisz"].matches[0].place.name == "Pisz"


def test_a_common_word_that_names_a_big_town_stays_a_town(gazetteer):
    assert "Split" in _by_surface("Split signed a partnership with Graz.", "en", gazetteer)


@pytest.mark.parametrize(
    ("text", "lang", "person", "place"),
    [
        ("Governor Glenn Berger met the mayor of Leeds.", "en", "Glenn", "Leeds"),
        ("Кметът Николай Колев посети Габрово.", "bg", "Николай", "Габрово"),
        ("Prezydent Krzysztof Kowalski odwiedził Lublin.", "pl", "Krzysztof", "Lublin"),
    ],
)
def test_a_given_name_before_a_surname_is_a_person(gazetteer, text, lang, person, place):
    found = _by_surface(text, lang, gazetteer)
    assert person not in found
    assert place in found


def test_a_given_name_that_names_a_place_with_its_second_word_stays_a_place(gazetteer):
    assert "Alice Springs" in _by_surface("Delegates from Alice Springs arrived.", "en", gazetteer)


def test_german_nouns_after_a_city_that_is_also_a_given_name_keep_the_city(gazetteer):
    found = _by_surface("Der Bürgermeister hatte für die Pause mit Wladimir Verständnis.", "de", gazetteer)
    assert found["Wladimir"].matches[0].place.country == "RU"


@pytest.mark.parametrize(
    ("text", "lang", "town", "country"),
    [
        # Both are also dictionary words of Ukrainian («буча» is an uproar); at a sentence start in a
        # Ukrainian text they are the towns of Ukraine.
        ("Луцьк відкрив нову бібліотеку. Буча прийняла гостей з Польщі.", "uk", "Луцьк", "UA"),
        ("Луцьк відкрив нову бібліотеку. Буча прийняла гостей з Польщі.", "uk", "Буча", "UA"),
    ],
)
def test_a_sentence_initial_town_of_the_languages_country_is_not_a_common_word(gazetteer, text, lang, town, country):
    found = _by_surface(text, lang, gazetteer)
    assert found[town].matches[0].place.country == country


def test_a_pronoun_that_is_a_given_name_abroad_does_not_hide_the_town_after_it(gazetteer):
    # «Сам» is Sam in English, and a pronoun in Russian: «Сам Минск» is "Minsk itself".
    found = _by_surface("Сам Минск давно дружит с Казанью.", "ru", gazetteer)
    assert found["Минск"].matches[0].place.country == "BY"
    assert "Сам" not in found


def test_a_sentence_initial_common_word_that_is_a_big_foreign_city_stays_the_city(gazetteer):
    # «вена» is a vein in Russian; a sentence that starts with «Вена» means Vienna.
    found = _by_surface("Вена приняла делегацию. Затем гости поехали дальше.", "ru", gazetteer)
    assert found["Вена"].matches[0].place.country == "AT"


def test_articles_and_level_words_alone_name_no_place(gazetteer):
    # Some gazetteer entry carries "The City Council" as an alternate name; the words themselves are generic.
    found = _by_surface("The City Council's vote was unanimous, said the mayor of Minsk.", "en", gazetteer)
    assert not any(m.matches for surface, m in found.items() if "Council" in surface)
    assert found["Minsk"].matches[0].place.country == "BY"


@pytest.mark.parametrize(
    ("text", "lang", "person", "place"),
    [
        ("Opozycja od lat krytykuje reżim Łukaszenki, a Lublin zerwał umowę z Grodnem.", "pl", "Łukaszenki", "Grodnem"),
        ("По словам Лаврова, делегация посетит Витебск в мае.", "ru", "Лаврова", "Витебск"),
        ("The treaty was signed in Oslo, said Hendricks on Monday.", "en", "Hendricks", "Oslo"),
    ],
)
def test_a_capitalised_word_after_regime_or_said_is_a_person(gazetteer, text, lang, person, place):
    found = _by_surface(text, lang, gazetteer)
    assert person not in found
    assert place in found


def test_a_city_after_mayor_is_still_the_city(gazetteer):
    found = _by_surface("Мэр Гродно встретился с делегацией, а мэр Витебска уехал в Брест.", "ru", gazetteer)
    assert {"Гродно", "Витебска", "Брест"} <= set(found)


def test_gmina_written_in_cyrillic_names_a_municipality(gazetteer):
    found = _by_surface("Гміна Закшев підписала угоду з нашою громадою.", "uk", gazetteer)
    assert found["Гміна Закшев"].level_hint == Level.MUNICIPALITY


@pytest.mark.parametrize(
    ("text", "lang", "surface", "city"),
    [
        ("Wczoraj wrocławscy radni poparli apel o zerwanie umowy.", "pl", "wrocławscy", ("Wrocław", "PL")),
        ("Jak poinformował krakowski magistrat, umowa wygasła.", "pl", "krakowski", ("Kraków", "PL")),
        ("Гомельские власти сообщили о новом договоре.", "ru", "Гомельские", ("Homyel'", "BY")),
    ],
)
def test_a_town_adjective_before_its_councillors_or_authorities_names_the_town(gazetteer, text, lang, surface, city):
    mention = _by_surface(text, lang, gazetteer)[surface]
    assert mention.level_hint == Level.CITY
    assert (mention.matches[0].place.name, mention.matches[0].place.country) == city


def test_a_country_adjective_before_authorities_is_no_town(gazetteer):
    found = _by_surface("Polskie władze i nowe władze miasta milczą.", "pl", gazetteer)
    assert all(m.level_hint != Level.CITY for m in found.values())


def test_chinese_two_character_words_that_name_small_towns_are_words(gazetteer):
    # 友好 "friendly" and 联合 "united" are also towns of under 150,000 people; 西安 is a big city.
    found = _by_surface("两市在西安召开友好合作联合会议。", "zh", gazetteer)
    assert set(found) == {"西安"}


def test_an_article_is_no_given_name(gazetteer):
    # name lists hold "The" (a Vietnamese name): "The <town> district" must not read as a person
    found = _by_surface("The Kelme district signed it.", "en", gazetteer)
    assert "Kelme district" in found


def test_a_surname_that_is_also_a_word_follows_a_given_name(gazetteer):
    # «Иванов» is in the Bulgarian dictionary (a possessive adjective), but after «Атанас» it is a surname
    found = _by_surface("Председателят на палатата Атанас Иванов каза, че очаква още договори.", "bg", gazetteer)
    assert "Иванов" not in found


def test_a_level_abbreviation_at_a_line_end_does_not_join_the_next_line(gazetteer):
    # 'm.' (miestas) ends one list row; the next row's town must not take it as its level word
    found = _by_surface("Jelgava (Latvija) – nuo 1994 m.\nKristianstadas (Švedija) – nuo 1995 m.", "lt", gazetteer)
    assert "Kristianstadas" in found and not any("\n" in surface for surface in found)


def test_german_nouns_that_meet_a_town_abroad_are_no_places(gazetteer):
    found = _by_surface(
        "Kaluga und Suhl sind Partnerstädte. Das Büro organisiert Reisen nach Essen und Gera.", "de", gazetteer
    )
    assert {"Kaluga", "Suhl", "Essen", "Gera"} <= set(found)
    assert "Büro" not in found  # Burao, 99,000 people, but in Somaliland
    assert not any(surface.endswith("Das") for surface in found)  # a full word before a dot is no abbreviation


def test_a_unit_known_by_its_level_word_and_a_lowercase_name(gazetteer):
    found = _by_surface("Umowę zawarły województwo podkarpackie i obwód lwowski.", "pl", gazetteer)
    assert found["województwo podkarpackie"].level_hint is Level.REGION
    assert not _by_surface("Район был создан, область приняла решение.", "ru", gazetteer)


def test_a_big_town_after_a_word_that_is_also_a_given_name_stays_a_town(gazetteer):
    # «Мэрыя» is a mayor's office (and a given name); «Беластока» is Białystok in the genitive, not a surname
    found = _by_surface("Мэрыя Беластока паведаміла пра гэта.", "be", gazetteer)
    assert found["Беластока"].matches[0].place.name == "Białystok"
