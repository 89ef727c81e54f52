#!/usr/bin/env python3
"""Saving one attempt (Profile.add_attempt, fsync included) with 0, 1,000 and 10,000 stored.

In-process. The three profiles are timed round-robin so machine noise hits them alike; the
reference is the empty profile. Targets: 10,000 ≤ 1.5 × empty, and ≤ 20 ms.
"""

from __future__ import annotations

import statistics
import sys
import time

import benchlib as bl

FIGURE, TARGET = "save one attempt: 10,000 stored ÷ empty", "≤ 1.5×, ≤ 20 ms"


def measure(quick: bool) -> list[bl.Row]:
    from goalcoach.profile import Profile

    sizes = (0, 1_000, 10_000)
    profiles = {}
    for n in sizes:
        data = bl.fresh_profile_dir(f"save{n}")
        bl.seed_attempts(data, n)
        profiles[n] = Profile.open(data)
    record = {"kind": "practice", "scenario_id": "mid-1", "scenario_title": "Scenario 1", "stage": "mid",
              "question": "What are your career goals?", "text": bl.SAMPLE_ANSWER, "seconds": 75.0,
              "score": 70, "quality": "good", "feedback": bl.sample_feedback()}
    reps = 5 if quick else 60
    times: dict[int, list[float]] = {n: [] for n in sizes}
    for _ in range(reps):
        for n in sizes:
            t0 = time.perf_counter()
            profiles[n].add_attempt(dict(record))
            times[n].append(time.perf_counter() - t0)
    med = {n: 1000 * statistics.median(t) for n, t in times.items()}
    ratio = med[10_000] / med[0]
    detail = ", ".join(f"{n:,}: {med[n]:.2f} ms" for n in sizes)
    return [bl.Row(FIGURE, f"{med[10_000]:.2f} ms", f"{med[0]:.2f} ms (empty)", f"{ratio:.2f}", TARGET,
                   ratio <= 1.5 and med[10_000] <= 20, f"median of {reps} saves each; {detail}",
                   {"median_ms": med, "reps": reps})]


if __name__ == "__main__":
    args = bl.parser(__doc__).parse_args()
    sys.exit(bl.finish(measure(args.quick), args))
