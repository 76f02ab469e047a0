"""The opened index: `Gazetteer.lookup(surface, lang)` and `Gazetteer.get(place_id)` (the PlaceIndex protocol).

A surface form is split into level words («область», "gmina", «селски изпълнителен комитет») and the name;
the name is tried as written, then as lemma forms, then as an adjective derived from a place name. Results
are cached by (surface, language): news vocabulary is Zipfian. Nothing is loaded whole: SQLite reads pages.
"""

from __future__ import annotations

import itertools
import json
import re
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from twinatlas.errors import GazetteerError
from twinatlas.gazetteer.display import KnowsName, local_names
from twinatlas.gazetteer.langdata import level_of_words, morphology, suffix_levels
from twinatlas.gazetteer.latin import romanise
from twinatlas.gazetteer.morph import known_word, lemma_forms, ordinary_lemmas
from twinatlas.gazetteer.names import (
    adjective_key,
    adjective_key_of_skeleton,
    fold,
    is_spaceless_script,
    skeleton,
    words,
)
from twinatlas.gazetteer.spaceless import longest_spans, spaceless_keys_automaton
from twinatlas.models import Level, NameMatch, Place

CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")

MAX_SURFACE = 200  # characters; longer strings are not names
MAX_NAME_WORDS = 5
MAX_ROWS_PER_KEY = 300
MAX_SINGLE_WORD_FORMS = 8
# In Chinese and Japanese a two-character name stands alone (北京, 上海) only for big cities and admin units;
# smaller towns' two characters are written with their level suffix, else they are ordinary words (友好).
HOW_RANK = {"exact": 0, "folded": 1, "transliterated": 2, "level-phrase": 3, "lemma": 4, "variant": 5, "adjective": 6}
# Which place levels a level word accepts: districts and municipalities are often named alike.
COMPATIBLE = {
    Level.REGION: {Level.REGION},
    Level.DISTRICT: {Level.DISTRICT, Level.MUNICIPALITY},
    Level.MUNICIPALITY: {Level.MUNICIPALITY, Level.DISTRICT},
    Level.COMMUNITY: {Level.COMMUNITY},
    Level.CITY: {Level.CITY},
    Level.COUNTRY: {Level.COUNTRY},
}


def split_level(surface: str) -> tuple[list[str], Level | None]:
    """The name words of a surface form and the level its level words name, if any."""
    parts = words(surface)
    # Prepositions: «у Львові», "in Köln" (but not abbreviated level words: «гр. Бургас»).
    while len(parts) > 1 and parts[0].islower() and len(parts[0]) <= 3 and not level_of_words([fold(parts[0])]):
        parts = parts[1:]
    folded = [fold(w) for w in parts]
    level = None
    found = level_of_words(folded)
    if found and found[1] < len(parts):
        level, n = found
        parts, folded = parts[n:], folded[n:]
    for k in (3, 2, 1):
        if len(parts) > k:
            tail = level_of_words(folded[-k:])
            if tail and tail[1] == k:
                level = level or tail[0]
                parts = parts[:-k]
                break
    return parts, level


def split_suffix_level(surface: str) -> tuple[str, Level | None]:
    """For scripts without spaces: 延边州 -> (延边, region)."""
    for phrase in suffix_levels():
        suffix = phrase.stems[0]
        if surface.endswith(suffix) and len(surface) > len(suffix) + 1:
            return surface[: -len(suffix)], phrase.level
    return surface, None


class Gazetteer:
    """Read-only access to a built index. Cheap to open; safe to share between threads for reading."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            self._db.execute("PRAGMA cache_size=-16000")
        except sqlite3.Error as exc:
            raise GazetteerError(f"{path}: cannot open the gazetteer index: {exc}") from exc
        self._cache: dict[tuple[str, str | None], tuple[NameMatch, ...]] = {}
        self._places: dict[int, Place] = {}
        self._keys: dict[str, list[tuple[int, str, str]]] = {}
        self._automaton: Any = None
        self._countries: dict[str, Place | None] = {}
        self._lemmas: dict[tuple[str, str | None], tuple[str, ...]] = {}
        self._common: dict[str | None, frozenset[str]] = {}
        self._common_checked: dict[tuple[str, str | None], bool] = {}
        self._localised: dict[str, tuple[tuple[str, str], ...]] = {}

    def close(self) -> None:
        self._db.close()

    def meta(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT k, v FROM meta").fetchall())

    # --- PlaceIndex -------------------------------------------------------------------------------------
    def lookup(self, surface: str, lang: str | None = None) -> Sequence[NameMatch]:
        cache_key = (surface, lang)
        found = self._cache.get(cache_key)
        if found is None:
            found = self._lookup(surface, lang) if 0 < len(surface) <= MAX_SURFACE else ()
            if found is not None and morphology(lang).latin_alphabet and CYRILLIC_LETTER.search(surface):
                found = self._in_latin_alphabet(surface, lang, found)
            if len(self._cache) > 500_000:
                self._cache.clear()
            self._cache[cache_key] = found
        return found

    def _in_latin_alphabet(self, surface: str, lang: str | None, found: tuple[NameMatch, ...]) -> tuple[NameMatch, ...]:
        """«Ниш» is «Niš» (Serbian writes both alphabets): the Latin spelling's matches first."""
        latin = " ".join(romanise(word, lang) for word in surface.split())
        in_latin = self._lookup(latin, lang) if len(latin) <= MAX_SURFACE else ()
        seen = {match.place.id for match in in_latin}
        return tuple(in_latin) + tuple(match for match in found if match.place.id not in seen)

    def get(self, place_id: str) -> Place | None:
        row = self._db.execute("SELECT * FROM places WHERE id=?", (place_id,)).fetchone()
        return self._place(row) if row else None

    def localised_names(self, place_id: str) -> tuple[tuple[str, str], ...]:
        """(language, name) pairs for display, chosen from the place's Cyrillic alternates (see display.py)."""
        if place_id not in self._localised:
            row = self._db.execute("SELECT name, names FROM places WHERE id=?", (place_id,)).fetchone()
            found: tuple[tuple[str, str], ...] = ()
            if row is not None:
                dictionaries: dict[str, KnowsName] = {code: known_word(code) for code in ("ru", "uk")}
                found = local_names(json.loads(row[1] or "[]"), row[0], dictionaries)
            self._localised[place_id] = found
        return self._localised[place_id]

    def country_place(self, code: str) -> Place | None:
        """The country entity of an ISO 3166-1 alpha-2 code (for inflected country words: «Украине», "Rosji")."""
        if code not in self._countries:
            row = self._db.execute(
                "SELECT * FROM places WHERE level='country' AND country=? LIMIT 1", (code,)
            ).fetchone()
            self._countries[code] = self._place(row) if row else None
        return self._countries[code]

    def spaceless_automaton(self, run: str) -> list[tuple[int, int]]:
        """Longest non-overlapping (start, end) spans of a Chinese/Japanese run that are index keys."""
        if self._automaton is None:
            self._automaton = spaceless_keys_automaton(self._db)
        return longest_spans(self._automaton, run)

    # --- internals --------------------------------------------------------------------------------------
    def _lookup(self, surface: str, lang: str | None) -> tuple[NameMatch, ...]:
        if is_spaceless_script(surface):
            name, level = split_suffix_level(surface.strip())
            matches = self._match_form(surface.strip(), "exact") + (
                self._match_form(name, "level-phrase") if level else []
            )
            return self._finish(matches, level)
        parts, level = split_level(surface)
        if not parts or len(parts) > MAX_NAME_WORDS:
            return ()
        text = " ".join(parts)
        matches = self._match_form(text, "exact")
        # Inflected forms: every word may be inflected («Марьиной Горке»); a few combinations suffice.
        # A single word tries all its forms (suffix rules come after the lemmatiser's own guesses).
        per_word = 3 if len(parts) > 1 else MAX_SINGLE_WORD_FORMS
        options = [[w, *self.lemma_forms(w, lang)[:per_word]] for w in parts]
        for combo in itertools.islice(itertools.product(*options), 1, 16):
            matches += self._match_form(" ".join(combo), "lemma")
        if len(parts) == 1:
            for form in (parts[0], *self.lemma_forms(parts[0], lang)):
                adj = adjective_key(form)
                if adj:
                    matches += self._match_key(adj, form, "adjective")
                    break
        return self._finish(matches, level)

    def lemma_forms(self, word: str, lang: str | None) -> tuple[str, ...]:
        """Forms the word may inflect: for simplemma languages the index's table of place-name forms (no
        dictionary loading at run time), else pymorphy3 and suffix rules (morph.lemma_forms)."""
        cache_key = (word, lang)
        found = self._lemmas.get(cache_key)
        if found is None:
            found = lemma_forms(word, lang, with_simplemma=False)
            if morphology(lang).lemmatiser == "simplemma":
                rows = self._db.execute("SELECT lemma FROM lemmas WHERE key=? AND lang=?", (skeleton(word), lang))
                found = tuple(dict.fromkeys([lemma for (lemma,) in rows] + list(found)))
            if len(self._lemmas) > 200_000:
                self._lemmas.clear()
            self._lemmas[cache_key] = found
        return found

    def is_common_word(self, word: str, lang: str | None) -> bool:
        """An ordinary lowercase word of the language that would otherwise meet a gazetteer key («то», "byl"):
        the index's common_words table (built from simplemma), or pymorphy3 for the languages it analyses."""
        lowered = word.lower()
        known = self._common_checked.get((lowered, lang))
        if known is None:
            lemmas = ordinary_lemmas(lowered, lang)
            relative = morphology(lang).words_like
            if lemmas is None and relative:
                known = self.is_common_word(_in_letters_of(lowered, morphology(lang).words_like_letters), relative)
            elif lemmas is None:
                known = lowered in self._common_words(lang)
            else:  # the table's rule, applied per word: a dictionary word that meets a key
                key = skeleton(lowered)
                adjective = adjective_key_of_skeleton(key)
                known = bool(lemmas) and any(
                    self._rows(k) for k in (key, *(skeleton(m) for m in lemmas), *([adjective] if adjective else []))
                )
            if len(self._common_checked) > 200_000:
                self._common_checked.clear()
            self._common_checked[(lowered, lang)] = known
        return known

    def _common_words(self, lang: str | None) -> frozenset[str]:
        words = self._common.get(lang)
        if words is None:
            try:
                rows = self._db.execute("SELECT word FROM common_words WHERE lang=?", (lang,)).fetchall()
            except sqlite3.OperationalError as exc:  # open_gazetteer rebuilds indexes older than the table
                raise GazetteerError(f"{self.path}: the index has no word lists; rebuild it") from exc
            words = self._common[lang] = frozenset(word for (word,) in rows)
        return words

    def _finish(self, matches: list[NameMatch], level: Level | None) -> tuple[NameMatch, ...]:
        if level is not None:
            matches = [m for m in matches if m.place.level in COMPATIBLE[level]]
        best: dict[str, NameMatch] = {}
        for match in matches:
            old = best.get(match.place.id)
            if old is None or HOW_RANK[match.how] < HOW_RANK[old.how]:
                best[match.place.id] = match
        return tuple(sorted(best.values(), key=lambda m: (HOW_RANK[m.how], -(m.place.population or 0))))

    def _match_form(self, form: str, how: str) -> list[NameMatch]:
        key = skeleton(form)
        if len(key) < 2:
            return []
        return self._match_key(key, form, how)

    def _match_key(self, key: str, form: str, how: str) -> list[NameMatch]:
        out = []
        folded = fold(form)
        for rid, kind, name in self._rows(key):
            place = self._place_by_rid(rid)
            actual = how
            if kind in ("adjective", "level-phrase"):
                actual = kind
            elif how == "exact":
                actual = "exact" if name == form else "folded" if fold(name) == folded else "transliterated"
            out.append(NameMatch(place=place, key=key, how=actual, name=name))
        return out

    def _rows(self, key: str) -> list[tuple[int, str, str]]:
        rows = self._keys.get(key)
        if rows is None:
            rows = self._db.execute(
                "SELECT rid, how, name FROM keys WHERE key=? LIMIT ?", (key, MAX_ROWS_PER_KEY)
            ).fetchall()
            if len(self._keys) > 200_000:
                self._keys.clear()
            self._keys[key] = rows
        return rows

    def _place_by_rid(self, rid: int) -> Place:
        place = self._places.get(rid)
        if place is None:
            row = self._db.execute("SELECT * FROM places WHERE rid=?", (rid,)).fetchone()
            place = self._place(row)
            if len(self._places) > 200_000:
                self._places.clear()
            self._places[rid] = place
        return place

    @staticmethod
    def _place(row: tuple) -> Place:
        _, pid, name, cc, level, gid, iso, lat, lon, pop, parent, seat, names = row
        return Place(
            id=pid, name=name, country=cc, level=Level(level), geonames_id=gid, iso3166_2=iso, lat=lat, lon=lon,
            population=pop, parent=parent, seat=seat, names=tuple(("", n) for n in json.loads(names or "[]")),
        )  # fmt: skip


def _in_letters_of(word: str, letters: Sequence[tuple[str, str]]) -> str:
    for source, target in letters:
        word = word.replace(source, target)
    return word
