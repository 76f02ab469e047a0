"""Measure place resolution over the dev gold files: each party's `name_in_text`, resolved with its document
as context and the other party of its relation, compared the way ../shared/eval/score.py compares places.
Used by the tests and runnable as a script for the full list of misses.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from twinatlas.gazetteer.spot import spot_mentions
from twinatlas.models import Claim, Event, Kind, Mention, PlaceIndex
from twinatlas.resolve import build_context, resolve_claims


def _scorer(shared: Path):  # the official comparison, imported rather than copied
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _mention_for(
    name: str, quote: str, text: str, mentions: list[Mention], index: PlaceIndex, lang: str | None
) -> Mention:
    """The spotted mention at the name's place in the relation's quote (list quotes hold other items too)."""
    q = text.find(quote) if quote else -1
    at = text.rfind(name, q, q + len(quote)) if q >= 0 else -1
    at = at if at >= 0 else text.find(name)
    if at >= 0:
        for mention in mentions:
            if mention.start <= at < mention.end or at <= mention.start < at + len(name):
                return mention
    return Mention(max(at, 0), max(at, 0) + len(name), name, tuple(index.lookup(name, lang)))


def measure(shared: Path, index: PlaceIndex, only: str | None = None) -> tuple[int, int, list[str]]:
    score = _scorer(shared)
    right = total = 0
    misses = []
    for gold_file in sorted((shared / "eval" / "dev").glob("*.json")):
        if only and only not in gold_file.stem:
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = gold_file.with_suffix(".txt").read_text(encoding="utf-8")
        lang = gold.get("lang")
        mentions = spot_mentions(text, lang, index)
        context = build_context(text, lang, mentions, index)
        for rel in gold["relations"]:
            quote = rel.get("quote") or ""
            a = _mention_for(rel["a"]["name_in_text"], quote, text, mentions, index, lang)
            b = _mention_for(rel["b"]["name_in_text"], quote, text, mentions, index, lang)
            claim = Claim(a, b, Event.SIGNED, Kind.TWINNING, None, "", 0, 0, 1.0)
            resolved = resolve_claims([claim], context, index)[0]
            for side, resolution in (("a", resolved.a), ("b", resolved.b)):
                total += 1
                predicted = resolution.choice.to_json() if resolution.choice else {}
                if predicted and score.same_place(rel[side], predicted):
                    right += 1
                else:
                    got = f"{predicted.get('name')} {predicted.get('country')} {predicted.get('level')}"
                    want = f"{rel[side]['name']} {rel[side]['country']} {rel[side]['level']}"
                    name = rel[side]["name_in_text"]
                    misses.append(f"{gold_file.stem}: {name!r} -> {got} (gold {want}) [{resolution.reason[:90]}]")
    return right, total, misses


if __name__ == "__main__":
    from twinatlas.config import load_settings
    from twinatlas.gazetteer import open_gazetteer

    shared_dir = Path(__file__).resolve().parents[2].parent / "shared"
    ok, n, missed = measure(shared_dir, open_gazetteer(load_settings().gazetteer_path), *sys.argv[1:2])
    print("\n".join(missed))
    print(f"{ok}/{n} = {ok / max(n, 1):.1%}")
