"""Whatever bytes arrive, reading them gives a Document or an InvalidInput, never another exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from twinatlas.errors import InvalidInput
from twinatlas.ingest import normalise_text, read_bytes, read_text
from twinatlas.models import Document

KINDS = st.sampled_from(["text", "html", "markdown"])
TEXTISH = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)


def _read(data: bytes, kind: str) -> Document | None:
    try:
        doc = read_bytes(data, f"sample.{kind}", kind=kind)
    except InvalidInput as error:
        assert f"sample.{kind}" in str(error)
        return None
    assert doc.text and doc.text == normalise_text(doc.text)
    assert len(doc.sha256) == 64
    return doc


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=600), kind=KINDS)
def test_any_bytes_give_a_document_or_invalid_input(data, kind):
    _read(data, kind)


@settings(max_examples=150, deadline=None)
@given(text=TEXTISH, kind=KINDS, encoding=st.sampled_from(["utf-8", "utf-16", "cp1251"]))
def test_any_text_in_a_common_encoding_gives_a_document_or_invalid_input(text, kind, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    _read(data, kind)


@settings(max_examples=100, deadline=None)
@given(text=TEXTISH)
def test_normalising_twice_changes_nothing_and_identity_follows_the_normal_form(text):
    once = normalise_text(text)
    assert normalise_text(once) == once
    if once:
        assert read_text(text, "a").sha256 == read_text(once, "b").sha256
