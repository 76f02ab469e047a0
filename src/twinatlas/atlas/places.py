"""Finding a place of the registry from what a user types: an id, or a name in any script or case."""

from __future__ import annotations

from twinatlas.errors import NotFound
from twinatlas.gazetteer import Gazetteer
from twinatlas.gazetteer.names import fold
from twinatlas.models import Place
from twinatlas.resolve import resolve_name
from twinatlas.store import Store


class PlaceFinder:
    """Gazetteer resolution first (it knows every script and inflection), then the registry's own names.

    The gazetteer's candidates are tried best first and the first one the registry holds wins, so
    «Могильов», «Магілёў» and "Mogilev" reach the same registry place. Places the gazetteer does not know
    (imported by name, unresolved parties) are found by their folded name.
    """

    def __init__(self, store: Store, gazetteer: Gazetteer):
        self.store = store
        self.gazetteer = gazetteer

    def find(self, text: str) -> Place:
        text = text.strip()
        if not text:
            raise NotFound("an empty place name names nothing")
        direct = self.store.place(text)
        if direct is not None:
            return direct
        resolution = resolve_name(text, self.gazetteer)
        ordered = ([resolution.choice] if resolution.choice else []) + [c.place for c in resolution.candidates]
        for candidate in ordered:
            held = self.store.place(candidate.id)
            if held is not None:
                return held
        key = fold(text)
        named = [p for p in self.store.places_named(text) if fold(p.name) == key]
        if named:
            return max(named, key=lambda p: p.population or 0)
        raise NotFound(f"{text!r}: no place of that name in the registry ({resolution.reason})")
