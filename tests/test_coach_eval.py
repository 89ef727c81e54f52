"""The coach against labelled answers (rubric v2): per-label F1, macro-F1, quality, ranking, gaming.

The figures come from benchmarks/eval_coach.py, the same script that runs any other labelled set.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from eval_coach import evaluate, load, report  # noqa: E402

from goalcoach.coach import ISSUES, analyse  # noqa: E402

DATA = Path(__file__).parent / "data"


def _show(name: str, result: dict) -> None:
    report(name, result, errors=True, out=sys.stdout)


def test_dev_set_meets_the_bar():
    result = evaluate(load(DATA / "dev.jsonl"))
    _show("dev", result)
    assert result["macro"] >= 0.95
    weak = {label: round(f, 2) for label, f in result["f1"].items() if f < 0.85}
    assert not weak, f"labels below F1 0.85: {weak}"
    assert result["pairwise"] >= 0.95
    assert result["quality_right"] >= 0.90
    assert "not_an_answer" in result["f1"] and set(ISSUES) <= set(result["f1"])


def test_no_gaming_attempt_is_rated_strong_and_flagrant_ones_are_weak():
    result = evaluate(load(DATA / "gaming_v2.jsonl"))
    _show("gaming_v2", result)
    assert result["flagrant"] > 0  # the set marks its flagrant attempts
    assert not result["rated_strong"], f"gaming attempts rated strong: {result['rated_strong']}"
    assert not result["flagrant_not_weak"], f"flagrant attempts not weak: {result['flagrant_not_weak']}"


@pytest.mark.parametrize("name", ["holdout.jsonl", "holdout_v2.jsonl"])
def test_answers_in_other_styles(name):
    """Answers written apart from the rules (no longer unseen once tuned on): a looser bar."""
    result = evaluate(load(DATA / name))
    _show(name, result)
    assert result["macro"] >= 0.85
    assert result["quality_right"] >= 0.85
    assert result["pairwise"] >= 0.90


def test_within_its_quality_the_score_follows_the_content():
    """The number shown beside a quality never contradicts it, and inside each quality the
    content still spreads the scores (the ranking against the gold labels is measured above)."""
    from goalcoach.coach.feedback import SCORE_BANDS

    rows = load(DATA / "dev.jsonl")
    by_quality: dict[str, list[int]] = {}
    for row in rows:
        fb = analyse(row["text"])
        low, high = SCORE_BANDS[fb.quality]
        assert low <= fb.score <= high, (row["id"], fb.quality, fb.score)
        by_quality.setdefault(fb.quality, []).append(fb.score)
    assert max(by_quality["strong"]) - min(by_quality["strong"]) >= 5
    assert max(by_quality["adequate"]) - min(by_quality["adequate"]) >= 15
