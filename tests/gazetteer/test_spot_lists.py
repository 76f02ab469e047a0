"""A plural level word before a dash list gives every bare name in the list that level."""

from twinatlas.gazetteer.spot_lists import share_list_levels
from twinatlas.models import Level, Mention


def mentions_of(text: str, *names: str) -> list[Mention]:
    return [Mention(text.index(n), text.index(n) + len(n), n) for n in names]


def test_municipalities_before_a_dash_list_are_given_to_each_item():
    text = "Umowy podpisano z trzema gminami – Ełk, Pisz i Mrągowo."
    shared = share_list_levels(text, mentions_of(text, "Ełk", "Pisz", "Mrągowo"))
    assert [m.level_hint for m in shared] == [Level.MUNICIPALITY] * 3


def test_a_list_row_with_one_name_after_the_dash_is_left_alone():
    text = "2021: Брестски район — Садово, Столински район — Опан"
    items = mentions_of(text, "Садово", "Опан")
    assert [m.level_hint for m in share_list_levels(text, items)] == [None, None]


def test_an_item_with_its_own_level_word_ends_the_list():
    text = "with two districts – Leeds, Bradford County and York"
    leeds, bradford, york = mentions_of(text, "Leeds", "Bradford County", "York")
    bradford = Mention(bradford.start, bradford.end, bradford.surface, level_hint=Level.REGION)
    shared = share_list_levels(text, [leeds, bradford, york])
    assert shared[0].level_hint is None and shared[2].level_hint is None


def test_a_country_after_a_name_in_brackets_or_after_a_comma_is_its_hint(gazetteer):
    from twinatlas.gazetteer.spot import spot_mentions

    found = {m.surface: m.country_hint for m in spot_mentions("Czerkasy (Ukraina) – od 1995", "pl", gazetteer)}
    assert found["Czerkasy"] == "UA"
    found = {m.surface: m.country_hint for m in spot_mentions("Norwich, Konektikat, SAD (1991)", "sr", gazetteer)}
    assert found["Norwich"] == "US"
    # coordination is no location: 'Omsk and Russia' would be odd, but 'Omsk and Minsk' stay without a hint
    found = {m.surface: m.country_hint for m in spot_mentions("Омск и Минск, Беларусь", "ru", gazetteer)}
    assert found["Омск"] is None and found["Минск"] == "BY"
