"""Score the coach against labelled answers (JSON lines, rubric v2): per-label F1, macro-F1,
quality accuracy, pairwise ranking, and for gaming attempts how many were rated strong.

    python benchmarks/eval_coach.py tests/data/dev.jsonl [more.jsonl ...] [--errors]

Each line needs `text`, `elements`, `issues` and `quality`; optional `stage`, `role`,
`company` (used as the coach's context, at the top level or in a `context` object) and `flagrant` (true for gaming attempts that must
be rated weak). A file whose name contains "gaming" is reported as gaming attempts.
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import product
from pathlib import Path

from goalcoach.coach import ELEMENTS, ISSUES, Context, analyse
from goalcoach.coach.rubric import STAGES

LABELS = ELEMENTS + ISSUES
RANK = {"weak": 0, "adequate": 1, "strong": 2}


def load(path: str | Path) -> list[dict]:
    text = Path(path).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def context_of(row: dict) -> Context | None:
    """What `goalcoach check --stage/--role/--company` would be told: a `context` object or top-level keys.

    The `scenario` field is how the set was written, not something the coach is told.
    """
    given = row.get("context") if isinstance(row.get("context"), dict) else row
    stage = given.get("stage") if given.get("stage") in STAGES else None
    role, company = given.get("role") or None, given.get("company") or None
    if not (stage or role or company):
        return None
    return Context(stage=stage, role=role, company=company)


def evaluate(rows: list[dict]) -> dict:
    counts = {label: [0, 0, 0] for label in LABELS}  # tp, fp, fn
    scored, right, errors, strong, flagrant_not_weak = [], 0, [], [], []
    for row in rows:
        fb = analyse(row["text"], context_of(row))
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
        right += fb.quality == row["quality"]
        if fb.quality == "strong" and row["quality"] != "strong":
            strong.append(row.get("id"))
        if row.get("flagrant") and fb.quality != "weak":
            flagrant_not_weak.append(row.get("id"))
        if predicted != gold or fb.quality != row["quality"]:
            errors.append((row.get("id"), sorted(predicted - gold), sorted(gold - predicted),
                           row["quality"], fb.quality, fb.score))
    f1 = {}
    for label, (tp, fp, fn) in counts.items():
        f1[label] = 1.0 if tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)
    pairs = [(a[1], b[1]) for a, b in product(scored, scored) if a[0] > b[0]]
    pairwise = sum(x > y for x, y in pairs) / len(pairs) if pairs else 1.0
    return {"n": len(rows), "f1": f1, "macro": sum(f1.values()) / len(f1), "pairwise": pairwise,
            "quality_right": right / len(rows) if rows else 1.0, "errors": errors,
            "rated_strong": strong, "flagrant_not_weak": flagrant_not_weak,
            "flagrant": sum(1 for r in rows if r.get("flagrant"))}


def report(name: str, result: dict, errors: bool = False, out=sys.stdout) -> None:
    w = out.write
    w(f"{name}: {result['n']} answers · macro-F1 {result['macro']:.3f} · quality right "
      f"{result['quality_right']:.1%} · pairwise ranking {result['pairwise']:.3f}\n")
    w(f"  rated strong, labelled otherwise: {len(result['rated_strong'])}"
      f"{' ' + ', '.join(map(str, result['rated_strong'])) if result['rated_strong'] else ''}\n")
    if result["flagrant"]:
        w(f"  flagrant attempts not rated weak: {len(result['flagrant_not_weak'])} of {result['flagrant']}"
          f"{' ' + ', '.join(map(str, result['flagrant_not_weak'])) if result['flagrant_not_weak'] else ''}\n")
    low = sorted(result["f1"].items(), key=lambda kv: kv[1])
    w("  per label: " + ", ".join(f"{k} {v:.2f}" for k, v in low) + "\n")
    if errors:
        for ident, extra, missing, gold_q, got_q, score in result["errors"]:
            w(f"    {ident}: +{extra} -{missing} quality {gold_q}->{got_q} ({score})\n")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("files", nargs="+", help="labelled JSON lines")
    p.add_argument("--errors", action="store_true", help="list every answer the coach got wrong")
    args = p.parse_args(argv)
    for path in args.files:
        report(Path(path).name, evaluate(load(path)), args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
