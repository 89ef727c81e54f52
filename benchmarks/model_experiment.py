"""Would a small statistical model per label generalise better than the coach's rules?

Trains one logistic regression per label (pure Python, binary word unigrams and bigrams) on the
answers the rules had been tuned on when the later holdout_v2 answers arrived (dev, gaming_v2,
hv2-001…030), tests it on those later answers (hv2-031…066), and prints its macro-F1 beside the
rules' first measurement on the same answers (benchmarks/README.md).

    python benchmarks/model_experiment.py
"""

from __future__ import annotations

import math
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from eval_coach import LABELS, load  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
RULES_FIRST_MEASUREMENT = 0.854  # hv2-031…066 before the rules were tuned on them


def features(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])} | {f"len:{min(len(words) // 40, 7)}"}


def train(rows: list[tuple[set[str], bool]], epochs: int = 60, rate: float = 0.3, l2: float = 1e-3) -> dict[str, float]:
    w: dict[str, float] = {}
    bias = 0.0
    rng = random.Random(7)
    data = list(rows)
    for _ in range(epochs):
        rng.shuffle(data)
        for feats, y in data:
            z = bias + sum(w.get(f, 0.0) for f in feats)
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            g = p - (1.0 if y else 0.0)
            bias -= rate * g
            for f in feats:
                w[f] = w.get(f, 0.0) * (1 - rate * l2) - rate * g
    w["<bias>"] = bias
    return w


def predict(w: dict[str, float], feats: set[str]) -> bool:
    return w["<bias>"] + sum(w.get(f, 0.0) for f in feats) > 0


def main() -> int:
    holdout = load(DATA / "holdout_v2.jsonl")
    seen = load(DATA / "dev.jsonl") + load(DATA / "gaming_v2.jsonl") + holdout[:30]
    unseen = holdout[30:]
    train_x = [(features(r["text"]), set(r["elements"]) | set(r["issues"])) for r in seen]
    test_x = [(features(r["text"]), set(r["elements"]) | set(r["issues"])) for r in unseen]
    f1s = {}
    for label in LABELS:
        w = train([(x, label in gold) for x, gold in train_x])
        tp = fp = fn = 0
        for x, gold in test_x:
            p, g = predict(w, x), label in gold
            tp += p and g
            fp += p and not g
            fn += g and not p
        f1s[label] = 1.0 if tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)
    macro = sum(f1s.values()) / len(f1s)
    print(f"n-gram model, trained on {len(seen)} answers, tested on {len(unseen)} unseen: macro-F1 {macro:.3f}")
    print("  per label: " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(f1s.items(), key=lambda kv: kv[1])))
    print(f"rules on the same unseen answers (first measurement): macro-F1 {RULES_FIRST_MEASUREMENT:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
