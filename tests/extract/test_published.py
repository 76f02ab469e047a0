"""The dateline near the top of a plain text dates the document, so 'on Thursday' and 'last March' resolve."""

from __future__ import annotations

import pytest
from extract_fakes import document, pairs, spot

from twinatlas.extract.dates import find_dates
from twinatlas.extract.langdata import fold_text, load_lang_data
from twinatlas.extract.published import published_in_head


@pytest.mark.parametrize(
    ("head", "lang", "expected"),
    [
        ("Köln und Tver\n\n7. Oktober 2021\n\nText.", "de", "2021-10-07"),
        ("Київ і Мінськ\n\n3 березня 2020 року\n\nТекст.", "uk", "2020-03-03"),
        ("Title\n\nSeptember 14, 2019\n\nBody.", "en", "2019-09-14"),
        ("Título\n\n2 de febrero de 2021\n\nCuerpo.", "es", "2021-02-02"),
        ("Titulek\n\n4. 5. 2017\n\nText.", "cs", "2017-05-04"),
        ("Заголовок\n\nИсточник: example.by / 10:15, 8 Апреля 2019\n\nТекст.", "ru", "2019-04-08"),
        ("Заголовок\nАвтор:\nОпубликовано:\n11\nМай\n2018\nТекст.", "ru", "2018-05-11"),
    ],
)
def test_a_dateline_of_its_own_near_the_top_is_the_publication_date(head, lang, expected):
    found = published_in_head(head, load_lang_data(lang))
    assert found is not None and found.iso() == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Köln und Tver\n\nAm 7. Oktober 2021 unterzeichneten beide Städte einen Vertrag.", "de"),
        ("Title\n\nIssue 12, September 14, 2019\n\nBody.", "en"),  # another number: not a bare dateline
        ("Title\n\nSeptember 2019\n\nBody.", "en"),  # a month is not a day: 'Thursday' cannot be resolved from it
        ("One\nTwo\nThree\nFour\nFive\nSix\nSeven\nEight\nNine\n\n7 October 2021", "en"),  # too far down
    ],
)
def test_a_date_inside_a_sentence_or_without_a_day_is_no_dateline(text, lang):
    assert published_in_head(text, load_lang_data(lang)) is None


def test_a_day_joined_to_its_month_by_a_word_reads_as_a_full_date():
    folded = fold_text("firmaron el 9 de abril de 2024 el acuerdo")
    dates = find_dates(folded, 0, len(folded), load_lang_data("es"))
    assert [span.value.iso() for span in dates] == ["2024-04-09"]


def test_the_adjective_of_a_weekday_dates_a_council_session():
    from twinatlas.extract import extract_claims

    text = "Rada Krakowa na czwartkowej sesji zerwała współpracę z Tver."
    claims = extract_claims(document(text, "pl", published="2022-03-05"), spot(text))
    assert pairs(claims) == {("Krakow", "Tver", "terminated", "2022-03-03")}
