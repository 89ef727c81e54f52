#!/usr/bin/env python3
"""Idle cost in low-bandwidth mode (SSH_CONNECTION set): bytes per second written to the
terminal and CPU share of one core while nobody touches the app, on the home screen and in the
answer editor, beside the reference app (also without cursor blink). Target: 0 B/s, ≤ 0.5 % CPU.
"""

from __future__ import annotations

import sys

import benchlib as bl

TARGET = "0 B/s, CPU ≤ 0.5 %"
HOME, EDITOR = "idle, low-bandwidth: home", "idle, low-bandwidth: answer editor"


def fmt(result: dict) -> str:
    return f"{result['bytes_per_s']:.0f} B/s, {result['cpu_percent']:.2f} % CPU"


def row(figure: str, result: dict, reference: dict, seconds: float) -> bl.Row:
    met = result["bytes_per_s"] == 0 and result["cpu_percent"] <= 0.5
    return bl.Row(figure, fmt(result), fmt(reference), "", TARGET, met,
                  f"watched {seconds:g} s after start-up settled", {"goalcoach": result, "reference": reference})


def measure(quick: bool) -> list[bl.Row]:
    if not bl.have_tmux():
        return bl.skipped_rows([(HOME, TARGET), (EDITOR, TARGET)], bl.SKIPPED_TMUX)
    seconds = 1.0 if quick else 10.0
    settle = 0.5 if quick else 2.0
    data = bl.fresh_profile_dir("idle")
    reference = bl.idle_run(bl.reference_cmd(low_bandwidth=True), bl.REFERENCE_EXPECT, seconds, settle=settle)
    cmd = bl.goalcoach_cmd(data, low_bandwidth=True)
    rows = [row(HOME, bl.idle_run(cmd, bl.HOME_EXPECT, seconds, settle=settle), reference, seconds)]
    if bl.builder_available():
        editor = bl.idle_run(cmd, bl.HOME_EXPECT, seconds, pre_keys=bl.BUILDER_KEYS, ready=bl.EDITOR_READY,
                             settle=settle)
        rows.append(row(EDITOR, editor, reference, seconds))
    else:
        rows.append(bl.Row(EDITOR, bl.PENDING_BUILDER, fmt(reference), target=TARGET))
    return rows


if __name__ == "__main__":
    args = bl.parser(__doc__).parse_args()
    sys.exit(bl.finish(measure(args.quick), args))
