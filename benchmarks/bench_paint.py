#!/usr/bin/env python3
"""First paint of goalcoach (home) ÷ first paint of the reference app, interleaved, at 100×30.

"First paint" is the time from starting the program in a fresh tmux until its first
meaningful text is on screen (the home intro; the reference's Static), as a person sees it.
"""

from __future__ import annotations

import sys

import benchlib as bl

FIGURE, TARGET = "first paint: home ÷ reference app", "≤ 1.25×"


def measure(quick: bool) -> list[bl.Row]:
    if not bl.have_tmux():
        return bl.skipped_rows([(FIGURE, TARGET)], bl.SKIPPED_TMUX)
    data = bl.fresh_profile_dir("paint")
    result = bl.interleaved_paint((bl.goalcoach_cmd(data), bl.HOME_EXPECT),
                                  (bl.reference_cmd(), bl.REFERENCE_EXPECT), runs=1 if quick else 9,
                                  warm=not quick)
    return [bl.Row(FIGURE, f"{1000 * result['a_s']:.0f} ms", f"{1000 * result['b_s']:.0f} ms",
                   f"{result['ratio']:.2f}", TARGET, result["ratio"] <= 1.25,
                   f"median of {result['runs']} interleaved pairs", result)]


if __name__ == "__main__":
    args = bl.parser(__doc__).parse_args()
    sys.exit(bl.finish(measure(args.quick), args))
