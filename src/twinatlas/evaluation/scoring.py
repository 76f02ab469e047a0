"""Scores identical to ../shared/eval/score.py: greedy one-to-one matching, micro P/R/F1, date accuracy."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from twinatlas.evaluation.gold import GoldDoc

# The scorer's generic words, dropped from names before comparing them.
GENERIC = {
    "region", "oblast", "province", "district", "rayon", "raion", "municipality",
    "obshtina", "county", "city", "town", "village", "rural", "council",
    "community", "of", "the", "voblasts", "oblast'", "selsoviet", "gmina", "kreis",
}  # fmt: skip

Relation = Mapping[str, Any]


def fold(name: str | None) -> str:
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(w for w in re.findall(r"[^\W\d_]+", text) if w not in GENERIC)


def same_place(p: Mapping[str, Any], q: Mapping[str, Any]) -> bool:
    if p.get("geonames_id") and q.get("geonames_id"):
        return int(p["geonames_id"]) == int(q["geonames_id"])
    if p.get("iso3166_2") and q.get("iso3166_2"):
        return str(p["iso3166_2"]).upper() == str(q["iso3166_2"]).upper()
    if (p.get("country") or "").upper() != (q.get("country") or "").upper():
        return False
    if (p.get("level") or "city") != (q.get("level") or "city"):
        return False
    a, b = fold(p.get("name")), fold(q.get("name"))
    return bool(a) and (a == b or SequenceMatcher(None, a, b).ratio() >= 0.85)


def same_pair(g: Relation, p: Relation) -> bool:
    return (same_place(g["a"], p["a"]) and same_place(g["b"], p["b"])) or (
        same_place(g["a"], p["b"]) and same_place(g["b"], p["a"])
    )


@dataclass
class Outcome:
    """One document's matching: counts plus the gold relations missed and the predictions not matched."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    date_hits: int = 0
    date_total: int = 0
    misses: list[Relation] = field(default_factory=list)
    false_positives: list[Relation] = field(default_factory=list)
    wrong_dates: list[tuple[Relation, Relation]] = field(default_factory=list)


def match(gold: Sequence[Relation], preds: Sequence[Relation], strict: bool) -> Outcome:
    """Greedy one-to-one matching in gold order, exactly as score.py does it."""
    out = Outcome()
    used: set[int] = set()
    ignored: set[int] = set()
    for g in gold:
        hit = None
        for i, p in enumerate(preds):
            if i in used or not same_pair(g, p):
                continue
            if strict and g.get("event") != p.get("event"):
                continue
            hit = i
            break
        if hit is None:
            if not g.get("uncertain"):
                out.fn += 1
                out.misses.append(g)
            continue
        used.add(hit)
        if g.get("uncertain"):
            ignored.add(hit)
            continue
        out.tp += 1
        out.date_total += 1
        if (g.get("date") or None) == (preds[hit].get("date") or None):
            out.date_hits += 1
        else:
            out.wrong_dates.append((g, preds[hit]))
    for i, p in enumerate(preds):
        if i not in used and any(g.get("uncertain") and same_pair(g, p) for g in gold):
            ignored.add(i)
    out.fp = len(preds) - len(used - ignored) - len(ignored)
    out.false_positives = [p for i, p in enumerate(preds) if i not in used and i not in ignored]
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class Scores:
    """Per-language and ALL rows (the scorer's figures) and each document's strict outcome."""

    rows: dict[str, dict[str, float]]
    outcomes: dict[str, Outcome]
    langs: dict[str, str]


def score(gold_docs: Sequence[GoldDoc], predictions: Mapping[str, Sequence[Relation]]) -> Scores:
    totals: dict[str, list[int]] = defaultdict(lambda: [0] * 8)
    outcomes: dict[str, Outcome] = {}
    for doc in gold_docs:
        preds = predictions.get(doc.name, [])
        strict = match(doc.relations, preds, strict=True)
        pair = match(doc.relations, preds, strict=False)
        outcomes[doc.name] = strict
        for key in (doc.lang, "ALL"):
            t = totals[key]
            for n, value in enumerate(
                (strict.tp, strict.fp, strict.fn, pair.tp, pair.fp, pair.fn, pair.date_hits, pair.date_total)
            ):
                t[n] += value
    rows = {}
    for key in sorted(totals, key=lambda k: (k == "ALL", k)):
        t = totals[key]
        sp, sr, sf = prf(t[0], t[1], t[2])
        pp, pr, pf = prf(t[3], t[4], t[5])
        rows[key] = {
            "strict_p": sp, "strict_r": sr, "strict_f1": sf, "pair_p": pp, "pair_r": pr, "pair_f1": pf,
            "date_acc": t[6] / t[7] if t[7] else float("nan"), "tp": t[0], "fp": t[1], "fn": t[2],
        }  # fmt: skip
    return Scores(rows=rows, outcomes=outcomes, langs={d.name: d.lang for d in gold_docs})


def table(scores: Scores) -> list[str]:
    """The scorer's table, line for line."""
    out = [f"{'lang':6} {'strict P':>8} {'R':>6} {'F1':>6} | {'pair P':>7} {'R':>6} {'F1':>6} | {'date acc':>8}"]
    for key, r in scores.rows.items():
        out.append(
            f"{key:6} {r['strict_p']:8.3f} {r['strict_r']:6.3f} {r['strict_f1']:6.3f} | "
            f"{r['pair_p']:7.3f} {r['pair_r']:6.3f} {r['pair_f1']:6.3f} | {r['date_acc']:8.3f}"
        )
    out.append(f"strict F1 {scores.rows.get('ALL', {}).get('strict_f1', 0):.3f}")
    return out
