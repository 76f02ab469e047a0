"""Any input returns, in time linear in its size: no regex can backtrack catastrophically.

No timing asserts: the inputs are large enough that quadratic behaviour would make these tests time out.
"""

from __future__ import annotations

from extract_fakes import document, spot
from hypothesis import given, settings
from hypothesis import strategies as st

from twinatlas.extract import extract_claims
from twinatlas.extract.dates import find_dates
from twinatlas.extract.langdata import fold_text, load_lang_data

PATHOLOGICAL = [
    "-" * 100_000,
    "–" * 100_000,
    "," * 100_000,
    "1997 година: " * 20_000,
    "Омск – " * 20_000,
    "побратим " * 20_000,
    "19 июня 2025 " * 20_000,
    ("Leeds and Lyon signed a twinning agreement with Riga. " * 4000),
    "\x00\x01\ufffd" * 30_000,
    "(" * 50_000 + ")" * 50_000,
]


def test_pathological_inputs_return():
    for text in PATHOLOGICAL:
        for lang in ("ru", "bg", "en", None):
            claims = extract_claims(document(text, lang or "xx"), spot(text))
            assert all(0 <= claim.start <= claim.end <= len(text) for claim in claims)


def test_a_repeated_list_line_gives_one_claim_per_pair_occurrence():
    text = "Twin towns\n" + "1997: Lyon – Riga\n" * 5000
    assert len(extract_claims(document(text, "en"), spot(text))) == 5000


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("Омск и Витебск Leeds Lyon побратим twin –-—,.:;()1997 \n年月日")), max_size=3000
    )
)
def test_random_mixtures_of_names_cues_and_punctuation(text):
    for lang in ("ru", "en", "zh"):
        claims = extract_claims(document(text, lang), spot(text))
        for claim in claims:
            assert text[claim.start : claim.end] == claim.quote
            assert 0.0 < claim.confidence < 1.0


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=2000))
def test_any_text_any_language(text):
    for lang in ("ru", "de", "sr", None):
        extract_claims(document(text, lang or "??"), [])
        folded = fold_text(text)
        assert len(folded) == len(text)
        find_dates(folded, 0, len(folded), load_lang_data(lang))
