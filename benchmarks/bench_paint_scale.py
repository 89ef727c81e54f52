#!/usr/bin/env python3
"""First paint of goalcoach with 10,000 stored attempts ÷ with an empty profile, interleaved.

A profile with years of practice must open as fast as a new one: nothing that grows with
history may stand between launching and the first paint.
"""

from __future__ import annotations

import sys

import benchlib as bl

FIGURE, TARGET = "first paint: 10,000 attempts ÷ empty", "≤ 1.10×"


def measure(quick: bool) -> list[bl.Row]:
    if not bl.have_tmux():
        return bl.skipped_rows([(FIGURE, TARGET)], bl.SKIPPED_TMUX)
    empty = bl.fresh_profile_dir("empty")
    big = bl.fresh_profile_dir("big")
    bl.seed_attempts(big, 10_000)
    result = bl.interleaved_paint((bl.goalcoach_cmd(big), bl.HOME_EXPECT),
                                  (bl.goalcoach_cmd(empty), bl.HOME_EXPECT), runs=1 if quick else 9,
                                  warm=not quick)
    return [bl.Row(FIGURE, f"{1000 * result['a_s']:.0f} ms", f"{1000 * result['b_s']:.0f} ms (empty)",
                   f"{result['ratio']:.2f}", TARGET, result["ratio"] <= 1.10,
                   f"median of {result['runs']} interleaved pairs", result)]


if __name__ == "__main__":
    args = bl.parser(__doc__).parse_args()
    sys.exit(bl.finish(measure(args.quick), args))
