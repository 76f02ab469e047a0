"""Reading lists of pairs: column mappings, headerless TSV, and one clear error per bad row."""

from pathlib import Path

import pytest

from twinatlas.errors import InvalidInput
from twinatlas.interop.csv_rows import RowErrors, parse_mapping, read_pair_rows
from twinatlas.models import Event, Level, PartialDate


def write(tmp_path: Path, text: str, name: str = "pairs.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_rows_with_field_named_columns(tmp_path):
    path = write(
        tmp_path,
        "a_name,a_country,b_name,b_country,b_level,event,date\n"
        "Vitebsk,BY,Haskovo,BG,city,signed,1999\n"
        "Minsk Region,BY,Ruse Province,BG,region,,1997\n",
    )
    first, second = read_pair_rows(path)
    assert (first.a.name, first.b.name, first.event, first.date) == (
        "Vitebsk",
        "Haskovo",
        Event.SIGNED,
        PartialDate(1999),
    )
    assert second.b.level is Level.REGION and second.event is Event.SIGNED  # event defaults to signed
    assert first.line == 2 and first.raw == "Vitebsk,BY,Haskovo,BG,city,signed,1999"


def test_column_mapping_renames_columns(tmp_path):
    path = write(tmp_path, "a_qid,b_qid,a_label_en,b_label_en,a_country,b_country\nQ1,Q2,Weimar,Blois,DE,FR\n")
    mapping = parse_mapping(["a_qid=a_wikidata", "b_qid=b_wikidata", "a_label_en=a_name", "b_label_en=b_name"])
    (row,) = read_pair_rows(path, mapping)
    assert (row.a.wikidata, row.a.name, row.b.country) == ("Q1", "Weimar", "FR")


def test_headerless_tsv_with_comment_lines_addresses_columns_by_number(tmp_path):
    path = write(tmp_path, "% sym unweighted\n1\t2\n2\t3\n", "net.tsv")
    rows = read_pair_rows(path, parse_mapping(["1=a_id", "2=b_id"]), delimiter="\t", comment="%", header=False)
    assert [(r.a.id, r.b.id) for r in rows] == [("1", "2"), ("2", "3")]


def test_every_bad_row_is_named_with_its_column_and_nothing_is_returned(tmp_path):
    path = write(
        tmp_path,
        "a_name,b_name,event,date,b_country\n"
        "Brest,Pleven,signed,1997,BG\n"
        "Brest,Pleven,married,1997,BG\n"
        "Brest,,signed,19977,Bulgaria\n",
    )
    with pytest.raises(RowErrors) as caught:
        read_pair_rows(path)
    problems = caught.value.problems
    assert any("line 3" in p and "'event'" in p and "married" in p for p in problems)
    assert any("line 4" in p and "'date'" in p for p in problems)
    assert any("line 4" in p and "'b_country'" in p for p in problems)
    assert any("line 4" in p and "party b has no name" in p for p in problems)
    assert "pairs.csv: 4 bad row(s), nothing imported" in str(caught.value)


@pytest.mark.parametrize("item", ["a_name", "=a_name", "col=nosuchfield"])
def test_bad_mapping_items_are_refused(item):
    with pytest.raises(InvalidInput, match="--map"):
        parse_mapping([item])


def test_mapping_to_a_missing_column_is_refused(tmp_path):
    path = write(tmp_path, "x,y\n1,2\n")
    with pytest.raises(InvalidInput, match="not in the file: label"):
        read_pair_rows(path, parse_mapping(["label=a_name"]))


def test_binary_file_is_refused_with_its_name(tmp_path):
    path = tmp_path / "blob.csv"
    path.write_bytes(b"\xff\xfe\x00garbage\x81")
    with pytest.raises(InvalidInput, match="blob.csv: not UTF-8"):
        read_pair_rows(path)
