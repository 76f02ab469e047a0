"""Display names by language, chosen from untagged alternate names by each orthography's letters."""

from twinatlas.gazetteer.display import local_names

MOGILEV = ["Mahiljou", "Mogilev", "Могилев", "Могилёв", "Магілёў", "Могильов", "Могилів", "Могиљев", "Моґилев"]


def test_each_cyrillic_language_gets_a_spelling_it_can_write():
    names = dict(local_names(MOGILEV, "Mahilyow"))
    assert names["ru"] == "Могилёв"  # ё marks Russian among the equally close spellings
    assert names["be"] == "Магілёў"
    assert names["sr"] == "Могиљев"
    assert names["bg"] in {"Могилев", "Могильов"}  # both are written in Bulgarian
    assert "і" not in names["bg"] and "ё" not in names["bg"]


def test_a_dictionary_prefers_the_spelling_it_knows():
    alternates = ["Крывы Рог", "Криви Рог", "Кривой Рог", "Кривий Ріг"]
    knows_ru = {"кривой", "рог"}.__contains__
    names = dict(local_names(alternates, "Kryvyy Rih", {"ru": lambda w: knows_ru(w.casefold())}))
    assert names["ru"] == "Кривой Рог"
    assert names["uk"] == "Кривий Ріг"


def test_old_bulgarian_orthography_is_not_offered():
    names = dict(local_names(["Витьбьскъ", "Витебск"], "Vitebsk"))
    assert names["bg"] == "Витебск"


def test_latin_only_names_give_nothing():
    assert local_names(["Köln", "Cologne", "Kolonia"], "Köln") == ()


def test_the_index_gives_places_their_names_in_russian_and_bulgarian(gazetteer):
    mogilev = dict(gazetteer.localised_names("gn:625665"))
    assert (mogilev["ru"], mogilev["be"]) == ("Могилёв", "Магілёў")
    assert dict(gazetteer.localised_names("gn:620127"))["bg"] == "Витебск"
    assert gazetteer.localised_names("gn:0") == ()
