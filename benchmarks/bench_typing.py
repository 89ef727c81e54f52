#!/usr/bin/env python3
"""Typing into the answer editor with the live coach on, beside the reference app's TextArea.

One run yields both typing figures, because they are the same keystrokes seen two ways:
- median key-to-screen latency (tmux send-keys until the typed text is on screen) ÷ the
  reference TextArea's, runs interleaved (target ≤ 1.2×);
- bytes written to the terminal per typed key, coach on, everything that repaints counted
  (target ≤ 2,500 B; a stock full-screen TextArea writes about 6,600).
"""

from __future__ import annotations

import statistics
import sys

import benchlib as bl

LATENCY, BYTES = "typing: key-to-screen latency ÷ reference", "typing: bytes per key, coach on"
LATENCY_TARGET, BYTES_TARGET = "≤ 1.2×", "≤ 2,500 B"
TEXT = "In the next two years I aspire to lead projects"


def measure(quick: bool) -> list[bl.Row]:
    if not bl.have_tmux():
        return bl.skipped_rows([(LATENCY, LATENCY_TARGET), (BYTES, BYTES_TARGET)], bl.SKIPPED_TMUX)
    text = TEXT[:8] if quick else TEXT
    rounds = 1 if quick else 3
    reference_cmd = (bl.reference_cmd(), bl.REFERENCE_EXPECT)
    if not bl.builder_available():
        ref = bl.typing_run(*reference_cmd, text)
        ref_lat = f"{ref['latency_ms_median']:.1f} ms"
        return [bl.Row(LATENCY, bl.PENDING_BUILDER, ref_lat, target=LATENCY_TARGET, data={"reference": ref}),
                bl.Row(BYTES, bl.PENDING_BUILDER, f"{ref['bytes_per_key']:.0f} B", target=BYTES_TARGET)]
    data = bl.fresh_profile_dir("typing")
    ours_cmd = (bl.goalcoach_cmd(data), bl.HOME_EXPECT)
    ours, refs, ratios = [], [], []
    for i in range(rounds):
        pair = {}
        for name in (("ours", "ref") if i % 2 == 0 else ("ref", "ours")):
            if name == "ours":
                pair[name] = bl.typing_run(*ours_cmd, text, pre_keys=bl.BUILDER_KEYS, ready=bl.EDITOR_READY)
            else:
                pair[name] = bl.typing_run(*reference_cmd, text)
        ours.append(pair["ours"]); refs.append(pair["ref"])
        ratios.append(pair["ours"]["latency_ms_median"] / pair["ref"]["latency_ms_median"])
    ratio = statistics.median(ratios)
    lat = statistics.median(r["latency_ms_median"] for r in ours)
    ref_lat = statistics.median(r["latency_ms_median"] for r in refs)
    per_key = statistics.median(r["bytes_per_key"] for r in ours)
    ref_key = statistics.median(r["bytes_per_key"] for r in refs)
    note = f"{len(text)} keys × {rounds} interleaved rounds"
    return [
        bl.Row(LATENCY, f"{lat:.1f} ms", f"{ref_lat:.1f} ms", f"{ratio:.2f}", LATENCY_TARGET, ratio <= 1.2, note,
               {"ours": ours, "reference": refs, "ratios": ratios}),
        bl.Row(BYTES, f"{per_key:.0f} B", f"{ref_key:.0f} B (full-screen TextArea)", f"{per_key / ref_key:.2f}",
               BYTES_TARGET, per_key <= 2500, note),
    ]


if __name__ == "__main__":
    args = bl.parser(__doc__).parse_args()
    sys.exit(bl.finish(measure(args.quick), args))
