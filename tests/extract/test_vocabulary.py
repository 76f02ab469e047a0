"""Each language's vocabulary (triggers.tsv, modality.tsv, relative.tsv, months.tsv) on sentences written for the
test: the common ways news say a twinning ended, was suspended, lapsed, was signed, is planned or is only being
considered, and the relative dates that date them (a stand-in gazetteer spots the places)."""

from __future__ import annotations

import pytest
from extract_fakes import document, pairs, spot

from twinatlas.extract import extract_claims

Found = set[tuple[str, str, str, str | None]]


def run(text: str, lang: str, published: str | None = None) -> Found:
    return pairs(extract_claims(document(text, lang, published), spot(text)))


def only(a: str, b: str, event: str, date: str | None = None) -> Found:
    first, second = sorted((a, b))
    return {(first, second, event, date)}


TERMINATED = [
    ("en", "Leeds discontinued its partnership with Tver in 2015.", only("Leeds", "Tver", "terminated", "2015")),
    ("en", "Leeds decided to end the twinning agreement with Rostov.", only("Leeds", "Rostov", "terminated")),
    ("de", "Dortmund beschloss, die Partnerschaft mit Rostov aufzukündigen.", only("Dortmund", "Rostov", "terminated")),
    (
        "de",
        "Dortmund kündigte die Partnerschaft mit Rostov im Mai 2022 auf.",
        only("Dortmund", "Rostov", "terminated", "2022-05"),
    ),
    ("fr", "Lyon a mis un terme à son jumelage avec Rostov.", only("Lyon", "Rostov", "terminated")),
    ("fr", "Le jumelage entre Lyon et Tver a cessé en 2014.", only("Lyon", "Tver", "terminated", "2014")),
    ("es", "El Ayuntamiento de Lyon rescindió el hermanamiento con Rostov.", only("Lyon", "Rostov", "terminated")),
    ("it", "Il gemellaggio tra Lyon e Rostov è cessato nel 2016.", only("Lyon", "Rostov", "terminated", "2016")),
    ("lt", "Leeds panaikino bendradarbiavimo sutartį su Rostovu.", only("Leeds", "Rostov", "terminated")),
    ("cs", "Rada Leeds vypověděla smlouvu o partnerství s Rostovem.", only("Leeds", "Rostov", "terminated")),
    ("pl", "Rada Krakowa unieważniła umowę o partnerstwie z Kazaniem.", only("Kazan", "Krakow", "terminated")),
    ("sr", "Dortmund je poništio sporazum o saradnji sa Tverom.", only("Dortmund", "Tver", "terminated")),
    ("sr", "Зрењанин је поништио споразум о сарадњи са Омском.", only("Omsk", "Zrenjanin", "terminated")),
    ("ru", "Омск объявил о расторжении соглашения с Казанью.", only("Kazan", "Omsk", "terminated")),
    ("uk", "Київ вийшов з угоди про побратимство з Казанню.", only("Kazan", "Kyiv", "terminated")),
    ("be", "Гродна выйшла з дамовы аб пабрацімстве з Казанню.", only("Grodno", "Kazan", "terminated")),
    ("bg", "Варна анулира споразумението за сътрудничество с Казан.", only("Kazan", "Varna", "terminated")),
]

SUSPENDED = [
    ("en", "Leeds halted its partnership with Rostov.", only("Leeds", "Rostov", "suspended")),
    (
        "de",
        "Der Rat von Dortmund stimmte dafür, die Partnerschaft mit Rostov auszusetzen.",
        only("Dortmund", "Rostov", "suspended"),
    ),
    ("fr", "Le jumelage entre Lyon et Rostov est en suspens depuis 2022.", only("Lyon", "Rostov", "suspended", "2022")),
    ("es", "Lyon paralizó el acuerdo de cooperación con Kazan.", only("Kazan", "Lyon", "suspended")),
    ("it", "Lyon ha messo in pausa il gemellaggio con Kazan.", only("Kazan", "Lyon", "suspended")),
    ("lt", "Leeds užšaldė bendradarbiavimą su Kazanu.", only("Kazan", "Leeds", "suspended")),
    ("cs", "Lyon zmrazil partnerství s Kazaní.", only("Kazan", "Lyon", "suspended")),
    ("pl", "Kraków wstrzymał współpracę z Rostovem.", only("Krakow", "Rostov", "suspended")),
    ("sr", "Dortmund je obustavio saradnju sa Rostovom.", only("Dortmund", "Rostov", "suspended")),
    ("sr", "Сомбор је обуставио сарадњу са Брестом.", only("Brest", "Sombor", "suspended")),
    ("ru", "Омск поставил сотрудничество с Витебском на паузу.", only("Omsk", "Vitebsk", "suspended")),
    ("uk", "Київ поставив співпрацю з Гродно на паузу.", only("Grodno", "Kyiv", "suspended")),
    ("be", "Гродна замарозіла супрацоўніцтва з Омскам.", only("Grodno", "Omsk", "suspended")),
    ("bg", "Варна постави побратимяването с Казан на пауза.", only("Kazan", "Varna", "suspended")),
]

LAPSED = [
    ("en", "The twinning between Leeds and Tver has fizzled out.", only("Leeds", "Tver", "lapsed")),
    ("de", "Die Partnerschaft zwischen Köln und Tver ist längst erloschen.", only("Cologne", "Tver", "lapsed")),
    ("fr", "Le jumelage entre Lyon et Tver est sans activité depuis 2010.", only("Lyon", "Tver", "lapsed", "2010")),
    ("es", "El hermanamiento entre Lyon y Tver lleva años sin actividad.", only("Lyon", "Tver", "lapsed")),
    ("it", "Il gemellaggio tra Lyon e Tver è inattivo da anni.", only("Lyon", "Tver", "lapsed")),
    ("lt", "Leeds ir Tverio bendradarbiavimas seniai nutrūko.", only("Leeds", "Tver", "lapsed")),
    ("cs", "Partnerství mezi Leeds a Tverem je neaktivní.", only("Leeds", "Tver", "lapsed")),
    ("pl", "Umowa partnerska między Krakowem a Tverem wygasła w 2012 roku.", only("Krakow", "Tver", "lapsed", "2012")),
    ("sr", "Saradnja Dortmunda sa Rostovom je prestala pre deset godina.", only("Dortmund", "Rostov", "lapsed")),
    ("sr", "Сарадња између Сомбора и Зрењанина је замрла.", only("Sombor", "Zrenjanin", "lapsed")),
    ("ru", "Побратимские связи Омска и Бреста давно заглохли.", only("Brest", "Omsk", "lapsed")),
    ("uk", "Угода між Мінськом і Гродно втратила чинність у 2020 році.", only("Grodno", "Minsk", "lapsed", "2020")),
    ("be", "Пагадненне паміж Гродна і Омскам страціла сілу ў 2015 годзе.", only("Grodno", "Omsk", "lapsed", "2015")),
    (
        "bg",
        "Споразумението между Габрово и Могильов загуби сила през 2019 г.",
        only("Gabrovo", "Mogilev", "lapsed", "2019"),
    ),
]

SIGNED = [  # signing or founding words that anchor the date of the relation
    ("en", "The partnership between Leeds and Lyon dates back to 1958.", only("Leeds", "Lyon", "signed", "1958")),
    # 'plant' is no 'plan'
    (
        "en",
        "Leeds and Tver signed a twinning agreement in 1990, when the steel plant opened.",
        only("Leeds", "Tver", "signed", "1990"),
    ),
    (
        "de",
        "Die Partnerschaft zwischen Dortmund und Lyon wurde 1960 besiegelt.",
        only("Dortmund", "Lyon", "signed", "1960"),
    ),
    ("fr", "Le jumelage entre Lyon et Leeds remonte à 1962.", only("Leeds", "Lyon", "signed", "1962")),
    ("es", "Lyon y Riga sellaron su hermanamiento en 1995.", only("Lyon", "Riga", "signed", "1995")),
    ("it", "Il gemellaggio tra Lyon e Riga risale al 1970.", only("Lyon", "Riga", "signed", "1970")),
    ("cs", "Leeds navázal partnerství s Lyonem v roce 1990.", only("Leeds", "Lyon", "signed", "1990")),
    ("ru", "Омск и Витебск породнились в 1994 году.", only("Omsk", "Vitebsk", "signed", "1994")),
    ("uk", "Київ побратався з Гродно у 2004 році.", only("Grodno", "Kyiv", "signed", "2004")),
    (
        "bg",
        "Плевен ратифицира договора за побратимяване с Могильов през 2001 г.",
        only("Mogilev", "Pleven", "signed", "2001"),
    ),
    # Croatian (read with the Serbian data): its own month names
    (
        "sr",
        "Dortmund i Tver potpisali su sporazum o bratimljenju 12. svibnja 2019.",
        only("Dortmund", "Tver", "signed", "2019-05-12"),
    ),
]

PLANNED = [
    ("en", "Leeds is scheduled to sign a twinning agreement with Riga.", only("Leeds", "Riga", "planned")),
    (
        "de",
        "Köln und Riga wollen im Herbst einen Partnerschaftsvertrag unterzeichnen.",
        only("Cologne", "Riga", "planned"),
    ),
    (
        "fr",
        "Une charte de jumelage entre Lyon et Riga pourrait être signée à l'automne.",
        only("Lyon", "Riga", "planned"),
    ),
    ("es", "Lyon pretende suscribir un hermanamiento con Riga.", only("Lyon", "Riga", "planned")),
    ("it", "Lyon dovrebbe firmare un patto di gemellaggio con Riga.", only("Lyon", "Riga", "planned")),
    ("lt", "Leeds žada pasirašyti partnerystės sutartį su Riga.", only("Leeds", "Riga", "planned")),
    ("cs", "Smlouva o partnerství mezi Leeds a Rostovem má být podepsána na jaře.", only("Leeds", "Rostov", "planned")),
    ("pl", "Kraków podpisze umowę partnerską z Tverem.", only("Krakow", "Tver", "planned")),
    ("sr", "Dortmund očekuje da potpiše sporazum o bratimljenju sa Tverom.", only("Dortmund", "Tver", "planned")),
    ("sr", "Сомбор ускоро потписује споразум о братимљењу са Витебском.", only("Sombor", "Vitebsk", "planned")),
    ("ru", "Омск подпишет соглашение о сотрудничестве с Брестом.", only("Brest", "Omsk", "planned")),
    ("uk", "Київ підпише меморандум про співпрацю з Гродно.", only("Grodno", "Kyiv", "planned")),
    ("be", "Гродна падпіша пагадненне аб пабрацімстве з Казанню.", only("Grodno", "Kazan", "planned")),
    (
        "bg",
        "Договорът за побратимяване между Варна и Плевен се очаква да бъде подписан през есента.",
        only("Pleven", "Varna", "planned"),
    ),
]

CONSIDERED = [  # a considered ending is no ending: the relation is still there
    ("en", "Leeds is considering ending its sister city ties with Tver.", only("Leeds", "Tver", "signed")),
    ("de", "Dortmund erwägt, die Partnerschaft mit Rostov zu beenden.", only("Dortmund", "Rostov", "signed")),
    # 'kündigte … an' is 'ankündigen' (announce), not 'kündigen' (terminate)
    (
        "de",
        "Der Rat von Dortmund kündigte an, die Partnerschaft mit Rostov auszubauen.",
        only("Dortmund", "Rostov", "signed"),
    ),
    ("lt", "Leeds svarsto nutraukti partnerystę su Tveriu.", only("Leeds", "Tver", "signed")),
    ("cs", "Leeds zvažuje ukončení partnerství s Tverem.", only("Leeds", "Tver", "signed")),
    ("pl", "Kraków rozważa zerwanie współpracy z Rostovem.", only("Krakow", "Rostov", "signed")),
    ("pl", "Kraków zastanawia się nad wypowiedzeniem umowy o partnerstwie z Tverem.", only("Krakow", "Tver", "signed")),
    ("sr", "Сомбор разматра раскид споразума са Омском.", only("Omsk", "Sombor", "signed")),
    ("ru", "Омск рассматривает возможность разрыва соглашения с Казанью.", only("Kazan", "Omsk", "signed")),
    ("uk", "Київ розглядає можливість розірвання угоди з Казанню.", only("Kazan", "Kyiv", "signed")),
    ("be", "Гродна разглядае разрыў дамовы з Казанню.", only("Grodno", "Kazan", "signed")),
    ("bg", "Плевен обмисля прекратяване на побратимяването с Казан.", only("Kazan", "Pleven", "signed")),
]


def _ids(cases: list) -> list[str]:
    return [f"{case[0]}-{index}" for index, case in enumerate(cases)]


@pytest.mark.parametrize(("lang", "text", "expected"), TERMINATED, ids=_ids(TERMINATED))
def test_terminations(lang, text, expected):
    assert run(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), SUSPENDED, ids=_ids(SUSPENDED))
def test_suspensions(lang, text, expected):
    assert run(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), LAPSED, ids=_ids(LAPSED))
def test_lapsed_links(lang, text, expected):
    assert run(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), SIGNED, ids=_ids(SIGNED))
def test_signing_words_anchor_the_date(lang, text, expected):
    assert run(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), PLANNED, ids=_ids(PLANNED))
def test_plans(lang, text, expected):
    assert run(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), CONSIDERED, ids=_ids(CONSIDERED))
def test_a_considered_step_is_not_taken(lang, text, expected):
    assert run(text, lang) == expected


RELATIVE = [  # (lang, text, publication date, expected date)
    ("en", "Leeds voted on Tuesday to end the twinning agreement with Rostov.", "2022-03-10", "2022-03-08"),
    ("de", "Köln beschloss am Montag, die Partnerschaft mit Kazan aufzukündigen.", "2022-03-10", "2022-03-07"),
    ("de", "Köln und Riga haben heuer einen Partnerschaftsvertrag unterzeichnet.", "2023-06-01", "2023"),
    ("fr", "Lyon et Riga ont signé l'an passé une charte de jumelage.", "2023-04-02", "2022"),
    ("es", "Lyon y Riga sellaron el pasado año su hermanamiento.", "2023-05-05", "2022"),
    ("es", "Lyon y Riga suscribieron el viernes un acuerdo de hermanamiento.", "2024-02-03", "2024-02-02"),
    ("it", "Lyon e Riga hanno firmato il gemellaggio lo scorso anno.", "2024-04-04", "2023"),
    ("lt", "Leeds ir Riga pasirašė partnerystės sutartį praėjusiais metais.", "2022-06-01", "2021"),
    ("cs", "Leeds a Riga podepsaly partnerskou smlouvu v loňském roce.", "2023-02-02", "2022"),
    ("pl", "Kraków podpisał umowę partnerską z Kazaniem w marcu ubiegłego roku.", "2023-09-01", "2022-03"),
    ("sr", "Сомбор и Зрењанин потписали су споразум о сарадњи текуће године.", "2024-03-03", "2024"),
    ("sr", "Dortmund i Tver potpisali su sporazum o suradnji lani.", "2021-07-07", "2020"),
    ("ru", "Омск и Витебск подписали соглашение о побратимстве в минувшую пятницу.", "2024-06-19", "2024-06-14"),
    ("ru", "Омск и Витебск подписали соглашение о побратимстве в позапрошлом году.", "2024-06-19", "2022"),
    ("uk", "Київ і Мінськ уклали угоду про співпрацю в минулому році.", "2019-05-05", "2018"),
    ("uk", "Київ і Мінськ уклали угоду про співпрацю у минулу п'ятницю.", "2019-05-05", "2019-05-03"),
    ("be", "Гродна і Омск падпісалі сёлета дамову аб супрацоўніцтве.", "2024-08-08", "2024"),
    ("bg", "Габрово и Могильов подписаха лани споразумение за сътрудничество.", "2024-02-02", "2023"),
]


@pytest.mark.parametrize(("lang", "text", "published", "date"), RELATIVE, ids=_ids(RELATIVE))
def test_relative_dates_resolve_against_publication(lang, text, published, date):
    found = run(text, lang, published)
    assert len(found) == 1
    assert next(iter(found))[3] == date
