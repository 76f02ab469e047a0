"""Confidence is calibrated: on labelled examples written for this test, surer claims are right more often."""

from __future__ import annotations

from extract_fakes import document, pairs, spot

from twinatlas.extract import extract_claims

# (language, text, the pairs a careful reader finds: sorted English names, event)
LABELLED = [
    ("en", "Leeds and Lyon became sister cities in 1995.", {("Leeds", "Lyon", "signed")}),
    ("en", "Riga signed a twinning agreement with Dortmund.", {("Dortmund", "Riga", "signed")}),
    ("ru", "Омск и Витебск стали побратимами.", {("Omsk", "Vitebsk", "signed")}),
    ("ru", "Кельн разорвал договор о партнерстве с Казанью.", {("Cologne", "Kazan", "terminated")}),
    (
        "bg",
        "Побратимени градове\n1997 година: Могильов – Габрово, Брест – Плевен",
        {("Gabrovo", "Mogilev", "signed"), ("Brest", "Pleven", "signed")},
    ),
    (
        "en",
        "Rostov is proud of its history. Its sister city in Germany is Dortmund, and Riga hosted a fair.",
        {("Dortmund", "Rostov", "signed")},
    ),
    ("en", "Tver hosted a fair with Lyon. Delegates praised the partnership spirit of Riga.", set()),
    ("en", "Novgorod officials visited Leeds. The twinning idea was discussed in Riga.", set()),
    ("ru", "Делегация Омска посетила Брест. Партнерские связи Казани давно известны.", set()),
    ("en", "Lyon welcomed visitors from Tver. The two cities share a partnership.", {("Lyon", "Tver", "signed")}),
    (
        "en",
        "Kraków cut ties with Rostov and Novgorod.",
        {("Krakow", "Rostov", "terminated"), ("Krakow", "Novgorod", "terminated")},
    ),
]


def test_top_confidence_half_is_at_least_as_precise_as_the_bottom_half():
    scored = []
    for lang, text, truth in LABELLED:
        for claim in extract_claims(document(text, lang), spot(text)):
            (first, second, event, _date) = next(iter(pairs([claim])))
            scored.append((claim.confidence, (first, second, event) in truth))
    assert len(scored) >= 12
    scored.sort(key=lambda item: item[0], reverse=True)
    half = len(scored) // 2
    top, bottom = scored[:half], scored[half:]
    precision = lambda items: sum(ok for _, ok in items) / len(items)  # noqa: E731
    assert precision(top) >= precision(bottom)
    assert precision(top) >= 0.9


def test_a_subject_carried_from_earlier_text_is_not_doubted_for_being_far_away():
    filler = "The council met in the town hall and discussed the budget, the roads and the schools. " * 4
    text = (
        "Leeds reviews its twin towns\n\nThe people of Leeds were asked what they think. "
        f"{filler}\n\nThe agreement with Lyon, signed in 1995, is still active."
    )
    claims = [c for c in extract_claims(document(text, "en"), spot(text)) if c.b.surface == "Lyon"]
    assert claims and claims[0].a.surface == "Leeds"
    assert claims[0].confidence >= 0.5  # reported, not left for review
