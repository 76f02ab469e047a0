"""Evaluation against a gold folder (NAME.txt + NAME.json, see ../shared/eval/README.md).

The matching and the figures are those of ../shared/eval/score.py, so `twinatlas eval` and the scorer agree;
on top, the report lists each miss and each false positive with its quote.
"""

from twinatlas.evaluation.gold import GoldDoc, load_gold
from twinatlas.evaluation.scoring import Outcome, Scores, score

__all__ = ["GoldDoc", "Outcome", "Scores", "load_gold", "score"]
