"""`twinatlas eval` scores exactly as ../shared/eval/score.py does."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from twinatlas.evaluation import load_gold, score

SCORER = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py"


def place(name, gid=None, country="XX", level="city"):
    return {"name": name, "country": country, "level": level, "geonames_id": gid}


def write_gold(folder: Path) -> None:
    relations = [
        {"a": place("Alpha", 1), "b": place("Beta", 2), "event": "signed", "date": "1999"},
        {"a": place("Alpha", 1), "b": place("Gamma", 3), "event": "terminated", "date": None},
        {"a": place("Delta", 4), "b": place("Beta", 2), "event": "signed", "date": None, "uncertain": True},
    ]
    (folder / "doc1.json").write_text(json.dumps({"lang": "en", "relations": relations}))
    (folder / "doc1.txt").write_text("text")


PREDICTIONS = {
    "doc1": [
        {"a": place("Beta", 2), "b": place("Alpha", 1), "event": "signed", "date": "1999-05"},
        {"a": place("Gamma", 3), "b": place("Alpha", 1), "event": "suspended", "date": None},
        {"a": place("Delta", 4), "b": place("Beta", 2), "event": "planned", "date": None},
        {"a": place("Alpha", 1), "b": place("Omega", 9), "event": "signed", "date": None},
    ]
}


def test_figures_and_errors(tmp_path):
    write_gold(tmp_path)
    scores = score(load_gold(tmp_path), PREDICTIONS)
    row = scores.rows["ALL"]
    assert (row["tp"], row["fp"], row["fn"]) == (1, 2, 1)  # the uncertain pair is neither required nor penalised
    assert row["pair_p"] == 2 / 3 and row["date_acc"] == 0.5
    outcome = scores.outcomes["doc1"]
    assert [m["b"]["name"] for m in outcome.misses] == ["Gamma"]
    assert {p["b"]["name"] for p in outcome.false_positives} == {"Alpha", "Omega"}


def test_same_figures_as_the_shared_scorer(tmp_path, capsys):
    if not SCORER.exists():
        import pytest

        pytest.skip(f"{SCORER} is absent: ../shared/ is only available inside the project workspace")
    write_gold(tmp_path)
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text("\n".join(json.dumps({"doc": "doc1.txt", **p}) for p in PREDICTIONS["doc1"]))
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(["score.py", str(tmp_path), str(pred_file), "--json"])
    theirs = json.loads(capsys.readouterr().out.splitlines()[-2])
    ours = score(load_gold(tmp_path), PREDICTIONS).rows
    assert theirs.keys() == ours.keys()
    for key in theirs:
        for name, value in theirs[key].items():
            assert ours[key][name] == value, (key, name)
