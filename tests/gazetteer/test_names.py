"""Name keys: spellings of one place in different scripts and languages meet; different places do not."""

import pytest

from twinatlas.gazetteer.names import adjective_key, adjective_keys_of_name, fold, skeleton, skeletons


def test_fold_removes_case_diacritics_and_punctuation():
    assert fold("Kraków") == "krakow"
    assert fold("Zaslavl’") == "zaslavl"
    assert fold("Kędzierzyn-Koźle") == "kedzierzyn" + "kozle"


def test_skeleton_meets_across_slavic_spellings_and_scripts():
    assert skeleton("Могильов") == skeleton("Могилёв") == skeleton("Mogilev")
    assert skeleton("Заславл") == skeleton("Zaslavl'") == skeleton("Заславль")
    assert skeleton("Сморгон") == skeleton("Сморгонь")
    assert skeleton("Мозир") == skeleton("Мозырь")
    assert skeleton("Kraków") == skeleton("Краков")


def test_skeleton_keeps_different_places_apart():
    assert skeleton("Минск") != skeleton("Пинск")
    assert skeleton("Брест") != skeleton("Бремен")


def test_adjective_key_of_region_adjectives_in_several_languages():
    assert adjective_key("Минская") == adjective_key("Минска") == adjective_key("Мінская") == "~minsk"
    assert adjective_key("Брестский") == adjective_key("Брестски") == adjective_key("Брэсцкі")
    assert adjective_key("Минск") is not None  # a name ending in -sk keys like its adjective
    assert adjective_key("Гомель") is None


def test_generated_adjectives_of_a_name_meet_the_real_adjective():
    assert adjective_key("Брестски") in adjective_keys_of_name("Брест")
    assert adjective_key("Гомелска") in adjective_keys_of_name("Гомель")
    assert adjective_key("Русенска") in adjective_keys_of_name("Русе")
    assert adjective_key("lwowski") in adjective_keys_of_name("Lwów")


def test_skeletons_in_bulk_equal_one_by_one():
    names = ["Kraków", "Могилёв", "Могильов", "Zaslavl’", "Łódź", "Schwäbisch Gmünd", "Ивано-Франковск", "", "ß"]
    assert skeletons(names) == [skeleton(n) for n in names]


@pytest.mark.parametrize(
    ("alternate", "kept"),
    [
        ("Plano", True),
        ("Пловдив", True),
        ("普罗夫迪夫", True),  # no case in the script: nothing to judge by
        ("la Habana", True),
        ("pleno", False),  # a search word GeoNames keeps, not a name
        ("YYZ", False),  # an airport code
        ("LED", False),
    ],
)
def test_build_keeps_alternate_names_but_not_codes_or_lowercase_words(alternate, kept):
    from twinatlas.gazetteer.build import _is_name

    assert _is_name(alternate) is kept


def test_adjectives_of_names_ending_in_ts_meet_the_adjective_in_the_text():
    # Вінниця -> «Вінницька міська рада»: the text side reads 'цьк' as the -sk- suffix
    assert adjective_key("Вінницька") in adjective_keys_of_name("Вінниця")


def test_an_elided_article_comes_off_the_name_it_is_written_onto():
    from twinatlas.gazetteer.names import tokens

    text = "le maire d'Angers, dell’Aquila, l'ancienne, Слов'янськ, O'Brien"
    assert [word for _, _, word in tokens(text)] == [
        "le", "maire", "d", "Angers", "dell", "Aquila", "l'ancienne", "Слов'янськ", "O'Brien",
    ]  # fmt: skip
    start, end, word = tokens(text)[3]
    assert text[start:end] == word
