"""A tiny stand-in for the gazetteer: places known by stems, spotted by plain substring search."""

from __future__ import annotations

import hashlib
import re

from twinatlas.models import Document, Level, Mention, NameMatch, PartialDate, Place

PLACES = {
    # stem (matched at a word start, case-insensitive) -> (id, English name, country, level)
    "омск": ("gn:1", "Omsk", "RU", Level.CITY),
    "витебск": ("gn:2", "Vitebsk", "BY", Level.CITY),
    "брест": ("gn:3", "Brest", "BY", Level.CITY),
    "гродн": ("gn:4", "Grodno", "BY", Level.CITY),
    "кельн": ("gn:5", "Cologne", "DE", Level.CITY),
    "köln": ("gn:5", "Cologne", "DE", Level.CITY),
    "cologne": ("gn:5", "Cologne", "DE", Level.CITY),
    "казан": ("gn:6", "Kazan", "RU", Level.CITY),
    "kazan": ("gn:6", "Kazan", "RU", Level.CITY),
    "габров": ("gn:7", "Gabrovo", "BG", Level.CITY),
    "могил": ("gn:8", "Mogilev", "BY", Level.CITY),
    "плевен": ("gn:9", "Pleven", "BG", Level.CITY),
    "варн": ("gn:10", "Varna", "BG", Level.CITY),
    "пинск": ("gn:11", "Pinsk", "BY", Level.CITY),
    "lyon": ("gn:12", "Lyon", "FR", Level.CITY),
    "leeds": ("gn:13", "Leeds", "GB", Level.CITY),
    "dortmund": ("gn:14", "Dortmund", "DE", Level.CITY),
    "rostov": ("gn:15", "Rostov", "RU", Level.CITY),
    "novgorod": ("gn:16", "Novgorod", "RU", Level.CITY),
    "riga": ("gn:17", "Riga", "LV", Level.CITY),
    "kraków": ("gn:18", "Krakow", "PL", Level.CITY),
    "krakow": ("gn:18", "Krakow", "PL", Level.CITY),
    "lwow": ("gn:19", "Lviv", "UA", Level.CITY),
    "lwów": ("gn:19", "Lviv", "UA", Level.CITY),
    "tver": ("gn:20", "Tver", "RU", Level.CITY),
    "латви": ("iso:LV", "Latvia", "LV", Level.COUNTRY),
    "latvia": ("iso:LV", "Latvia", "LV", Level.COUNTRY),
    "polsk": ("iso:PL", "Poland", "PL", Level.COUNTRY),
    "київ": ("gn:21", "Kyiv", "UA", Level.CITY),
    "мінськ": ("gn:22", "Minsk", "BY", Level.CITY),
    "минск": ("gn:22", "Minsk", "BY", Level.CITY),
    "苏州": ("gn:23", "Suzhou", "CN", Level.CITY),
    "大阪": ("gn:24", "Osaka", "JP", Level.CITY),
    "київщин": ("iso:UA-32", "Kyiv Oblast", "UA", Level.REGION),
    "江苏省": ("iso:CN-JS", "Jiangsu", "CN", Level.REGION),
    "明斯克": ("gn:22", "Minsk", "BY", Level.CITY),
    "维捷布斯克": ("gn:2", "Vitebsk", "BY", Level.CITY),
    "сомбор": ("gn:25", "Sombor", "RS", Level.CITY),
    "зрењанин": ("gn:26", "Zrenjanin", "RS", Level.CITY),
    "里加": ("gn:17", "Riga", "LV", Level.CITY),
    "里昂": ("gn:12", "Lyon", "FR", Level.CITY),
    "利兹": ("gn:13", "Leeds", "GB", Level.CITY),
    # names that are also words: a month, a Roman numeral, a trigger noun (the real gazetteer has such places)
    "märz": ("gn:40", "Marz", "AT", Level.CITY),
    "vii": ("gn:41", "Vii", "RU", Level.CITY),
    "patto": ("gn:42", "Pato", "BR", Level.CITY),
    "bratski gradovi": ("gn:43", "Bratsk", "RU", Level.CITY),
    "floride": ("gn:44", "Florida", "UY", Level.CITY),  # the state read as a town of that name
}
_PATTERN = re.compile("|".join(sorted((re.escape(k) for k in PLACES), key=len, reverse=True)), re.IGNORECASE)


def place(stem: str) -> Place:
    pid, name, country, level = PLACES[stem]
    return Place(id=pid, name=name, country=country, level=level)


def spot(text: str) -> list[Mention]:
    """Mentions of the fake places: the stem plus the rest of its word."""
    out = []
    for match in _PATTERN.finditer(text):
        if match.start() > 0 and text[match.start() - 1].isalpha() and match.group().isascii():
            continue
        end = match.end()
        while end < len(text) and text[end].isalpha() and not "\u4e00" <= match.group()[0] <= "\u9fff":
            end += 1
        stem = match.group().lower()
        out.append(Mention(match.start(), end, text[match.start() : end], (NameMatch(place(stem), stem, "folded"),)))
    return out


def document(text: str, lang: str, published: str | None = None, name: str = "t.txt") -> Document:
    return Document(
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        name=name,
        lang=lang,
        published=PartialDate.parse(published) if published else None,
    )


def pairs(claims) -> set[tuple[str, str, str, str | None]]:  # type: ignore[no-untyped-def]
    """(sorted names..., event, date) of each claim, for compact assertions."""
    out = set()
    for claim in claims:
        a = claim.a.matches[0].place.name
        b = claim.b.matches[0].place.name
        first, second = sorted((a, b))
        out.add((first, second, claim.event.value, claim.date.iso() if claim.date else None))
    return out
