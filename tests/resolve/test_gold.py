"""Resolution measured on the shared seed list and dev gold files (skipped where ../shared is absent).

The figures are printed (run with -s) and must stay above the issue's targets; the misses are listed by
`python tests/resolve/gold_places.py`.
"""

import pytest
from gold_places import measure

from conftest import SHARED, need_shared

pytestmark = [pytest.mark.slow, pytest.mark.shared]


def test_every_party_of_the_belarus_bulgaria_list_resolves(gazetteer):
    need_shared(SHARED / "eval" / "dev" / "seed-bg-belarus-bulgaria.json")
    right, total, misses = measure(SHARED, gazetteer, only="seed-bg-belarus-bulgaria")
    print(f"\nseed list: {right}/{total} = {right / total:.1%}; misses: {misses}")
    assert total == 96
    assert right / total >= 0.98  # the target; 95/96 today (Банкя: no source has Sofia's districts)


def test_dev_gold_places_resolve_with_their_document_as_context(gazetteer):
    need_shared(SHARED / "eval" / "dev")
    right, total, _ = measure(SHARED, gazetteer)
    print(f"\ndev places: {right}/{total} = {right / total:.1%}")
    assert right / total >= 0.95  # the target; 95.3% today
