"""Plain texts, normalisation, identity, encodings and the date at the top of a text."""

from __future__ import annotations

import hashlib

import pytest

from twinatlas.errors import InvalidInput, NotFound
from twinatlas.ingest import normalise_text, read_bytes, read_path, read_text
from twinatlas.models import PartialDate

RU = (
    "Городской совет Витебска и администрация Хасково подписали соглашение о побратимстве. "
    "Стороны договорились развивать культурные и деловые связи между городами."
)
PL = "Zażółć gęślą jaźń: miasto Gdańsk podpisało umowę partnerską z miastem Grodno w roku 1999 i ją przedłużyło."


def test_normalisation_removes_only_what_does_not_change_the_text():
    decomposed = "Ле\u0301то\r\nв  Гродно  \r\n\r\n  Вторая строка\t\r"
    assert normalise_text(decomposed) == "Ле\u0301то\nв  Гродно\n\n  Вторая строка".replace("е\u0301", "е\u0301")
    assert normalise_text("Cafe\u0301") == "Café"  # NFC
    assert normalise_text("  one\r two\n") == "one\n two"


def test_the_same_text_with_other_line_ends_is_the_same_document():
    unix = read_text("Vitebsk and Haskovo.\nTwinned in 1999.\n", "a.txt")
    windows = read_text("Vitebsk and Haskovo.  \r\nTwinned in 1999.\r\n", "b.txt")
    assert unix.sha256 == windows.sha256 == hashlib.sha256(unix.text.encode()).hexdigest()
    assert unix.text == "Vitebsk and Haskovo.\nTwinned in 1999."


def test_language_is_detected_or_left_unknown():
    assert read_text(RU, "ru.txt").lang == "ru"
    assert read_text(PL, "pl.txt").lang == "pl"
    assert read_text("Minsk 1999", "short.txt").lang is None  # too little to tell
    assert read_text(RU, "forced.txt", lang="uk").lang == "uk"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8-r"])
def test_cyrillic_files_in_common_encodings_are_read(tmp_path, encoding):
    path = tmp_path / "news.txt"
    path.write_bytes(RU.encode(encoding))
    doc = read_path(path)
    assert doc.text == RU and doc.name == "news.txt"


@pytest.mark.parametrize("encoding", ["cp1250", "iso-8859-2"])
def test_polish_legacy_encodings_are_read(encoding):
    assert read_bytes(PL.encode(encoding), "pl.txt").text == PL


def test_binary_and_empty_files_are_refused_naming_the_file(tmp_path):
    png = tmp_path / "picture.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InvalidInput, match=r"picture.txt: looks like a binary file"):
        read_path(png)
    empty = tmp_path / "empty.txt"
    empty.write_text(" \n\t\n")
    with pytest.raises(InvalidInput, match=r"empty.txt: empty"):
        read_path(empty)
    with pytest.raises(NotFound, match=r"absent.txt: no such file"):
        read_path(tmp_path / "absent.txt")
    with pytest.raises(InvalidInput, match=r"is a folder"):
        read_path(tmp_path)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("2025-06-19\n", PartialDate(2025, 6, 19)),
        ("Опубликовано: 19.06.2025\n", PartialDate(2025, 6, 19)),
        ("Veröffentlicht am: 3.7.2024, 14:05\n", PartialDate(2024, 7, 3)),
        ("Title of the note\n19.06.2025 г.\n", PartialDate(2025, 6, 19)),
        ("06/07/2025\n", None),  # day/month order unknown
        ("31.02.2025\n", None),  # not a date
        ("On 19.06.2025 the mayors met.\n", None),  # a date inside a sentence is an event date, not the print date
    ],
)
def test_a_date_printed_alone_at_the_top_is_the_publication_date(head, expected):
    doc = read_text(head + "The mayors of Vitebsk and Haskovo met again.", "dated.txt")
    assert doc.published == expected


def test_a_given_publication_date_wins_over_the_head_of_the_text():
    doc = read_text("2020-01-01\nSome text.", "x.txt", published="2025-06")
    assert doc.published == PartialDate(2025, 6)
