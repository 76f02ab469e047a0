"""Name keys: how two spellings of one place meet in the index.

`fold` removes case, diacritics and punctuation (Kraków -> krakow). `skeleton` goes further and writes
every Cyrillic or Latin spelling in one loose Latin form that absorbs the regular differences between
Russian, Belarusian, Ukrainian, Bulgarian, Serbian, Polish, German and English spellings (ы/и/і, ь dropped,
ў/у, ґ/г, ё/е, Bulgarian ьо for Russian ё, w/v, y/i/j, sz/sh, cz/ch, doubled letters), so that «Могильов»,
«Могилёв» and "Mogilev" share a key and «Заславл» meets "Zaslavl'". Scripts without a table here (Chinese,
Armenian, Georgian ...) keep their folded characters. Keys are only ever compared with keys.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import cache, lru_cache

# One Latin spelling for each Cyrillic letter, chosen so that the Latin exonyms GeoNames records meet it.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "ђ": "dj", "е": "e", "є": "e", "ж": "zh",
    "з": "z", "ѕ": "dz", "и": "i", "і": "i", "ї": "i", "й": "i", "ј": "i", "к": "k", "л": "l", "љ": "l",
    "м": "m", "н": "n", "њ": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "c", "ќ": "k",
    "у": "u", "ў": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "џ": "dz", "ш": "sh", "щ": "sh",
    "ъ": "a", "ы": "i", "ь": "", "э": "e", "ю": "iu", "я": "ia", "ѓ": "g",
}  # fmt: skip
# Latin letters NFKD does not decompose.
_LATIN = {"ł": "l", "ß": "ss", "ø": "o", "đ": "dj", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ð": "d"}
_CHAR_MAP = str.maketrans({**_CYRILLIC, **_LATIN})

# Digraph normalisations on the Latin form, longest first (order matters: German "ck" is folded before "ts"
# and Cyrillic «ц» (written "ts" for that reason) become "c", so «Луцьк» stays "luck", apart from "Lük").
_DIGRAPHS = [
    ("shch", "sh"), ("tsch", "ch"), ("sch", "sh"), ("sz", "sh"), ("cz", "ch"), ("kh", "h"), ("ck", "k"),
    ("ts", "c"), ("tz", "c"), ("ph", "f"), ("w", "v"), ("y", "i"), ("j", "i"), ("x", "ks"), ("q", "k"),
    ("ie", "e"),
]  # fmt: skip
_DOUBLES = re.compile(r"(.)\1+")
_NON_LETTER = re.compile(r"[^\w]|[\d_]")
_APOSTROPHES = re.compile(r"['’ʼ`´ʹ]")
# Bulgarian and Ukrainian write Russian ё as ьо/йо after consonants («Могильов» for «Могилёв»).
_SOFT_O = re.compile(r"(?<=[бвгджзклмнпрстфхцчшщ])[ьй]о")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case, diacritics, apostrophes, hyphens and spaces folded away: 'Zaslavl’' -> 'zaslavl'."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _NON_LETTER.sub("", _APOSTROPHES.sub("", stripped))


@lru_cache(maxsize=200_000)
def skeleton(text: str) -> str:
    """The loose cross-script key described in the module docstring."""
    lowered = _SOFT_O.sub("е", unicodedata.normalize("NFC", text).casefold().replace("ё", "е"))
    key = fold(lowered).translate(_CHAR_MAP)
    for src, dst in _DIGRAPHS:
        if src in key:
            key = key.replace(src, dst)
    return _DOUBLES.sub(r"\1", key)


_NON_LETTER_OR_LINE = re.compile(r"[^\w\n]|[\d_]")


@cache
def _combining_marks() -> dict[int, None]:
    """A str.translate table deleting every combining mark (what fold's per-character test removes)."""
    return {c: None for c in range(sys.maxunicode + 1) if unicodedata.combining(chr(c))}


def skeletons(texts: list[str]) -> list[str]:
    """skeleton() of many words at once (index builds: millions of dictionary forms). Every step of
    skeleton works within a line, so the words are joined by newlines and keyed in one pass of each step."""
    if any("\n" in t for t in texts):
        return [skeleton.__wrapped__(t) for t in texts]
    lowered = _SOFT_O.sub("е", unicodedata.normalize("NFC", "\n".join(texts)).casefold().replace("ё", "е"))
    stripped = unicodedata.normalize("NFKD", lowered).translate(_combining_marks()).casefold()
    key = _NON_LETTER_OR_LINE.sub("", _APOSTROPHES.sub("", stripped)).translate(_CHAR_MAP)
    for src, dst in _DIGRAPHS:
        key = key.replace(src, dst)
    return _DOUBLES.sub(r"\1", key).split("\n")


# Adjectives derived from place names (Минская, Брестски, Брэсцкі, lwowski, wrocławscy, Витебского) end in
# -sk- plus an inflection; the key of such an adjective is its skeleton up to and including 'sk'.
_ADJECTIVE = re.compile(
    r"^(?P<stem>.{2,}?(?:sk|ck|shk|sc|ck))"
    r"(?:aia|aiu|ai|aga|ago|ogo|omu|oie|oi|oe|ie|iie|iikh|ikh|ih|imi|im|ii|uiu|ego|ei|ich|emu|a|i|e|o|u)?$"
)


@lru_cache(maxsize=200_000)
def adjective_key(text: str) -> str | None:
    """'~stem' for an adjective formed from a place name («Минская» -> '~minsk'), None for other words."""
    return adjective_key_of_skeleton(skeleton(text))


def adjective_key_of_skeleton(key: str) -> str | None:
    """adjective_key for a word whose skeleton is already known."""
    match = _ADJECTIVE.match(key)
    if not match:
        return None
    stem = match.group("stem")
    for tail in ("ck", "sc", "shk"):  # Брэсцкі, wrocławscy and Пернишки spell the same -sk- suffix
        if stem.endswith(tail):
            stem = stem[: -len(tail)] + "sk"
    return "~" + stem


def adjective_keys_of_name(name: str) -> set[str]:
    """Keys of the adjectives a place name forms: Брест -> Брестски, Гомель -> Гомелска, Русе -> Русенска.

    Generated (not looked up in a dictionary) by appending -ski to the base, to the base without its final
    vowel, and -nski / -enski after a vowel, then keyed like a real adjective. Over-generation is harmless:
    these keys only ever meet adjective-shaped words.
    """
    base = fold(name)
    if len(base) < 3 or not skeleton(base).isascii():
        return set()
    if skeleton(base).endswith("sk"):
        return {"~" + skeleton(base)}
    forms = {base + "ski"}
    vowels = "aeiouyėąęаеиоуяюыэіє"
    if base[-1] in vowels:
        forms |= {base[:-1] + "ski", base + "nski", base[:-1] + "enski", base.rstrip(vowels) + "ski"}
    elif base.endswith(("ys", "is", "as", "us")):  # Lithuanian nominatives: Marijampolis -> Мариямпольский
        forms.add(base[:-2].rstrip(vowels) + "ski")
    if base.endswith(("ka", "ка")):  # Жабинка -> Жабинковски
        forms.add(base[:-1] + "ovski")
    consonants = base.rstrip(vowels)
    if consonants.endswith(("ц", "c")):  # Вінниця -> Вінницька: the text side reads its 'цьк' as the -sk- suffix
        forms.add(consonants[:-1] + "ski")
    return {key for form in forms if (key := adjective_key(form))}


_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’ʼ][^\W\d_]+)*")


def words(text: str) -> list[str]:
    return _TOKEN.findall(text)


_ELIDED = re.compile(r"[^\W\d_]{1,4}['’]")  # French and Italian elided articles: d'Angers, l'Aquila, dell'Aquila


@lru_cache(maxsize=1)
def tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, word) for every word of a text; hyphenated and apostrophed words stay whole, except that
    an elided article comes off the name it is written onto ("d'Angers" is 'd' and 'Angers'; «Слов'янськ»,
    "O'Brien" stay whole). Remembered for the last text: the spotter and the document context both walk it."""
    found = tuple((m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text))
    if "'" not in text and "’" not in text:
        return found
    return tuple(part for token in found for part in _without_elision(token))


def _without_elision(token: tuple[int, int, str]) -> tuple[tuple[int, int, str], ...]:
    start, end, word = token
    elided = _ELIDED.match(word)
    if elided is None or not word[0].islower() or not word[elided.end() : elided.end() + 1].isupper():
        return (token,)
    cut = elided.end()
    return (start, start + cut - 1, word[: cut - 1]), (start + cut, end, word[cut:])


def script_of(text: str) -> str:
    """'latin', 'cyrillic' or 'other', by the first letter (no letter counts as Latin)."""
    letter = next((c for c in text if c.isalpha()), "")
    if not letter or letter < "\u0250":
        return "latin"
    return "cyrillic" if "\u0400" <= letter <= "\u04ff" else "other"


_SPACELESS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def is_spaceless_script(text: str) -> bool:
    """True for scripts written without spaces between words (Chinese, Japanese; Korean for its syllables)."""
    return bool(_SPACELESS.search(text))
