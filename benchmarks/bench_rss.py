#!/usr/bin/env python3
"""Peak RSS after a full session, beside the reference app doing the same typing.

Each side runs in its own process, driven in-process by Textual's pilot at 100×30 and by
keys only: goalcoach goes through the self-assessment, the answer builder (a 250-word answer,
coached, saved as a version), one practice scenario (answered and submitted) and one recovery
drill (answered and submitted); the reference app gets the same answer typed into its
TextArea. Then the process reads its own peak RSS (getrusage ru_maxrss). Target: ≤ 90 MiB.
"""

from __future__ import annotations

import asyncio
import json
import resource
import subprocess
import sys

import benchlib as bl

FIGURE, TARGET = "peak RSS after a full session", "≤ 90 MiB"
SIZE = (bl.WIDTH, bl.HEIGHT)


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


TYPED = 30  # characters typed key by key in each field before the rest is pasted


async def type_text(pilot, text: str, typed: int | None = None) -> None:
    """Type the first characters key by key, then paste the rest (a pilot key press waits for
    a frame, about 70 ms here, so typing 1,500 characters would take minutes)."""
    from textual import events

    typed = TYPED if typed is None else typed
    for ch in text[:typed]:
        await pilot.press("space" if ch == " " else ch)
    if text[typed:] and pilot.app.focused is not None:
        pilot.app.focused.post_message(events.Paste(text[typed:]))
        await pilot.pause()


PAUSE_SCALE = 1.0  # quick runs wait less between steps


async def settle(pilot, seconds: float = 0.4) -> None:
    await pilot.pause(seconds * PAUSE_SCALE)


async def goalcoach_session(answer: str, tabs: int = 3) -> list[str]:
    """The session; returns the screens reached, in order (so a broken path shows in the note)."""
    from goalcoach.app import GoalCoachApp
    from goalcoach.profile import Profile

    app = GoalCoachApp(Profile.open(bl.temp_dir("rss") / "data"), low_bandwidth=True)
    reached: list[str] = []

    import os
    import time

    start = time.perf_counter()

    def note() -> None:
        reached.append(type(app.screen).__name__)
        if os.environ.get("BENCH_DEBUG"):
            print(f"{time.perf_counter() - start:6.2f}s {reached[-1]}", file=sys.stderr)

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # 1. self-assessment: type into the first fields, walk its tabs
        await pilot.press("1"); await settle(pilot); note()
        await type_text(pilot, "Data analyst")
        await pilot.press("tab"); await type_text(pilot, "Acme Analytics")
        for _ in range(tabs):
            await pilot.press("ctrl+n"); await settle(pilot, 0.2)
        await pilot.press("escape"); await settle(pilot)
        # 2. builder: a 250-word answer, coached when typing pauses, saved as a version
        await pilot.press("2"); await settle(pilot, 0.6); note()
        await type_text(pilot, answer)
        await settle(pilot, 0.8)  # the coach runs after a pause
        await pilot.press("ctrl+s"); await settle(pilot); await pilot.press("enter"); await settle(pilot)
        await pilot.press("escape"); await settle(pilot)
        # 3. one practice scenario: pick one, answer, submit
        await pilot.press("3"); await settle(pilot); note()
        await pilot.press("enter"); await settle(pilot); note()
        await pilot.press("enter"); await settle(pilot)
        await type_text(pilot, answer[:400])
        await pilot.press("ctrl+s"); await settle(pilot, 0.8); note()
        await pilot.press("escape"); await settle(pilot); await pilot.press("escape"); await settle(pilot)
        # 4. one recovery drill: pick one, answer, submit
        await pilot.press("4"); await settle(pilot); note()
        await pilot.press("down"); await pilot.press("enter"); await settle(pilot); note()
        await type_text(pilot, answer[:400])
        await pilot.press("ctrl+s"); await settle(pilot, 0.8); note()
        await pilot.press("escape"); await settle(pilot); await pilot.press("escape"); await settle(pilot)
        note()
    return reached


async def reference_session(answer: str) -> list[str]:
    from reference_app import ReferenceApp

    app = ReferenceApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, answer)
        await settle(pilot)
    return ["ReferenceApp"]


def child(which: str, quick: bool) -> int:
    global TYPED, PAUSE_SCALE
    TYPED = 3 if quick else 30
    PAUSE_SCALE = 0.3 if quick else 1.0
    answer = bl.LONG_ANSWER
    if which == "goalcoach":
        reached = asyncio.run(goalcoach_session(answer, tabs=1 if quick else 3))
    else:
        reached = asyncio.run(reference_session(answer))
    print(json.dumps({"peak_mib": peak_mib(), "reached": reached}))
    return 0


def run_child(which: str, quick: bool) -> dict:
    argv = [bl.PYTHON, __file__, "--child", which] + (["--quick"] if quick else [])
    done = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"{which} session failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(quick: bool) -> list[bl.Row]:
    reference = run_child("reference", quick)
    try:
        ours = run_child("goalcoach", quick)
    except RuntimeError as error:
        last = str(error).strip().splitlines()[-1][:120]
        return [bl.Row(FIGURE, "error: session failed", f"{reference['peak_mib']:.1f} MiB", target=TARGET,
                       note=last)]
    value = ours["peak_mib"]
    return [bl.Row(FIGURE, f"{value:.1f} MiB", f"{reference['peak_mib']:.1f} MiB", f"{value / reference['peak_mib']:.2f}",
                   TARGET, value <= 90, "screens reached: " + " → ".join(ours["reached"]),
                   {"goalcoach": ours, "reference": reference})]


if __name__ == "__main__":
    ap = bl.parser(__doc__)
    ap.add_argument("--child", choices=("goalcoach", "reference"), help="run one side's session (internal)")
    args = ap.parse_args()
    if args.child:
        sys.exit(child(args.child, args.quick))
    sys.exit(bl.finish(measure(args.quick), args))
