"""The coach against the labelled answers: per-label F1, macro-F1 and quality ranking."""

from __future__ import annotations

import json
from itertools import product
from pathlib import Path

import pytest

from goalcoach.coach import ELEMENTS, ISSUES, analyse

DATA = Path(__file__).parent / "data"
LABELS = ELEMENTS + ISSUES
RANK = {"weak": 0, "adequate": 1, "strong": 2}


def _load(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(rows: list[dict]) -> dict:
    counts = {label: [0, 0, 0] for label in LABELS}  # tp, fp, fn
    scored = []
    for row in rows:
        fb = analyse(row["text"])
        predicted = set(fb.present_elements) | set(fb.issue_codes)
        gold = set(row["elements"]) | set(row["issues"])
        for label in LABELS:
            if label in predicted and label in gold:
                counts[label][0] += 1
            elif label in predicted:
                counts[label][1] += 1
            elif label in gold:
                counts[label][2] += 1
        scored.append((RANK[row["quality"]], fb.score))
    f1 = {}
    for label, (tp, fp, fn) in counts.items():
        f1[label] = 1.0 if tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)
    pairs = [(a[1], b[1]) for a, b in product(scored, scored) if a[0] > b[0]]
    pairwise = sum(x > y for x, y in pairs) / len(pairs)
    return {"f1": f1, "macro": sum(f1.values()) / len(f1), "pairwise": pairwise}


def _report(name: str, result: dict) -> None:
    print(f"\n{name}: macro-F1 {result['macro']:.3f}, pairwise quality ranking {result['pairwise']:.3f}")
    for label in LABELS:
        print(f"  {label:18} F1 {result['f1'][label]:.2f}")


def test_dev_set_meets_the_bar():
    result = evaluate(_load("dev.jsonl"))
    _report("dev", result)
    assert result["macro"] >= 0.90
    weak = {label: f for label, f in result["f1"].items() if f < 0.80}
    assert not weak, f"labels below F1 0.80: {weak}"
    assert result["pairwise"] >= 0.95


def test_holdout_answers_in_other_styles():
    """Answers written separately from the rules, as an overfitting check (looser bar)."""
    result = evaluate(_load("holdout.jsonl"))
    _report("holdout", result)
    assert result["macro"] >= 0.75
    assert result["pairwise"] >= 0.85


@pytest.mark.parametrize("row", _load("dev.jsonl"), ids=lambda r: r["id"])
def test_quality_follows_detected_labels(row):
    fb = analyse(row["text"])
    bands = {"weak": range(0, 50), "adequate": range(50, 75), "strong": range(75, 101)}
    assert fb.score in bands[fb.quality]
