"""Advert reader timing: proposing a target from a 2,000-word advert, in-process.

Prints the figure beside a fixed pure-Python workload measured in the same run (to tell a slow
result from a busy machine) and the target (200 ms). Never fails on a slow machine.

    python benchmarks/bench_advert.py [--quick]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from goalcoach.domain.advert import propose

ADVERTS = Path(__file__).resolve().parent.parent / "tests" / "data" / "adverts"
TARGET_MS = 200.0


def advert_of(words: int) -> str:
    """The sample adverts one after another, cut at `words` words (headings, bullets and HTML)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(ADVERTS.glob("*.txt"))]
    out: list[str] = []
    count = 0
    while count < words:
        for text in texts:
            out.append(text)
            count += len(text.split())
            if count >= words:
                break
    return "\n\n".join(out)


def calibration_ms() -> float:
    start = time.perf_counter()
    sum(i * i for i in range(60_000))
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run: checks it works, figures not meaningful")
    args = parser.parse_args()
    text = advert_of(2000)
    runs = 1 if args.quick else 21
    timings, calibrations = [], []
    for _ in range(runs):
        calibrations.append(calibration_ms())
        start = time.perf_counter()
        proposal = propose(text)
        timings.append((time.perf_counter() - start) * 1000)
    ms = statistics.median(timings)
    print("| figure | goalcoach | reference workload | target | met |")
    print("|---|---|---|---|---|")
    print(f"| advert: propose a target from {len(text.split()):,} words | {ms:.1f} ms | "
          f"{statistics.median(calibrations):.1f} ms | <= {TARGET_MS:.0f} ms | {'yes' if ms <= TARGET_MS else 'no'} |")
    print(f"({len(proposal.terms)} terms, {len(proposal.values)} values found)")


if __name__ == "__main__":
    main()
