"""Page language: the words of the pages (messages.toml) and the choice of language for a request.

The choice is, in order: `?lang=` (remembered in a cookie), the cookie, the browser's Accept-Language,
English. Names of places follow the same language where the registry or the gazetteer knows them.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from starlette.requests import Request

DEFAULT_LANG = "en"
LANG_COOKIE = "twinatlas_lang"


@cache
def catalogue() -> dict[str, dict[str, str]]:
    data = tomllib.loads((Path(__file__).parent / "messages.toml").read_text(encoding="utf-8"))
    english = data[DEFAULT_LANG]
    return {lang: {**english, **words} for lang, words in data.items()}


def languages() -> list[str]:
    return list(catalogue())


def best_from_header(header: str) -> str | None:
    """The supported language the Accept-Language header prefers most ('ru-RU,ru;q=0.9,en;q=0.8' -> 'ru')."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")):
        code, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        base = code.strip().lower().split("-")[0]
        if base in catalogue() and quality > 0:
            ranked.append((-quality, position, base))
    return min(ranked)[2] if ranked else None


def choose_lang(request: Request) -> str:
    asked = request.query_params.get("lang", "").lower()
    if asked in catalogue():
        return asked
    remembered = request.cookies.get(LANG_COOKIE, "")
    if remembered in catalogue():
        return remembered
    return best_from_header(request.headers.get("accept-language", "")) or DEFAULT_LANG


def words(lang: str) -> dict[str, str]:
    return catalogue().get(lang, catalogue()[DEFAULT_LANG])
