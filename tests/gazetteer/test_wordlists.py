"""The common-word list the index build makes from a dictionary: words that would otherwise meet a place key."""

from __future__ import annotations

from twinatlas.gazetteer.gen_wordlists import common_words
from twinatlas.gazetteer.names import skeleton

ENTRIES = {"büro": "büro", "Büro": "Büro", "Tage": "Tag", "Kiel": "Kiel", "haus": "haus", "Bonbon": "Bonbon"}
KEYS = {skeleton("Büro"), skeleton("Tage"), skeleton("Kiel")}  # Burao's alternate name, a Thai 'Tage', Kiel


def test_lowercase_entries_that_meet_a_key_are_listed():
    assert common_words("de", {"büro": "büro", "haus": "haus"}, KEYS) == ["büro"]


def test_capitalised_nouns_are_listed_only_where_no_home_town_bears_them():
    home = {skeleton("Kiel")}  # German places' keys
    listed = common_words("de", ENTRIES, KEYS, home)
    assert "tage" in listed and "büro" in listed
    assert "kiel" not in listed  # a German town: never a common word
    assert "bonbon" not in listed  # meets no key at all


def test_capitalised_entries_are_ignored_without_home_keys():
    assert "tage" not in common_words("xx", ENTRIES, KEYS)
