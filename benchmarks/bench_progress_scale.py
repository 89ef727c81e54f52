#!/usr/bin/env python3
"""Progress with 1,000,000 stored attempts: time to its first page of rows and peak RSS,
beside the same with 1,000 attempts.

Each side runs in its own process, driven by Textual's pilot at 100×30: open Progress (5) and
wait until its table shows rows. The attempts are realistic records with coach feedback
(about 2.4 KB each, so a million is a 2.4 GB log), streamed into attempts.jsonl in the
Profile's own line format. Targets (issue 14): first page ≤ 2 s, peak RSS ≤ 300 MiB.
--quick stores 20,000 instead.
"""

from __future__ import annotations

import asyncio
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import benchlib as bl

PAGE_FIGURE, PAGE_TARGET = "Progress first page: 1,000,000 attempts", "≤ 2 s"
RSS_FIGURE, RSS_TARGET = "Progress peak RSS: 1,000,000 attempts", "≤ 300 MiB"


def seed(data_dir: Path, count: int) -> None:
    """Like benchlib.seed_attempts, but streamed: a million lines never sit in memory at once."""
    import uuid
    from datetime import datetime, timedelta, timezone

    from goalcoach import paths

    feedback = bl.sample_feedback()
    start = datetime(2000, 1, 1, tzinfo=timezone.utc)
    with open(paths.attempts_file(data_dir), "a", encoding="utf-8") as handle:
        for i in range(count):
            record = {
                "id": uuid.uuid4().hex, "created": (start + timedelta(minutes=13 * i)).isoformat(),
                "kind": "practice", "scenario_id": f"mid-{i % 12}", "scenario_title": f"Scenario {i % 12}",
                "stage": "mid", "question": "What are your career goals?", "text": bl.SAMPLE_ANSWER,
                "seconds": 60.0 + i % 90, "score": 40 + i % 60, "quality": "good", "feedback": feedback,
            }
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


async def first_page(data_dir: str) -> dict:
    from textual.widgets import DataTable

    from goalcoach.app import GoalCoachApp
    from goalcoach.profile import Profile

    app = GoalCoachApp(Profile.open(Path(data_dir)), low_bandwidth=True)
    async with app.run_test(size=(bl.WIDTH, bl.HEIGHT)) as pilot:
        await pilot.pause(0.5)
        started = time.perf_counter()
        await pilot.press("5")
        while True:
            tables = app.screen.query(DataTable)
            if tables and tables.first().row_count:
                break
            if time.perf_counter() - started > 600:
                raise SystemExit("Progress never showed rows")
            await pilot.pause(0.02)
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def measure_child(count: int) -> dict:
    data = bl.fresh_profile_dir(f"progress-{count}")
    seed(data, count)
    out = subprocess.run([sys.executable, __file__, "--child", str(data)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(quick: bool) -> list[bl.Row]:
    count = 20_000 if quick else 1_000_000
    big, small = measure_child(count), measure_child(1_000)
    note = f"{count:,} attempts ({'quick' if quick else 'full'} run) beside 1,000"
    return [
        bl.Row(PAGE_FIGURE, f"{big['seconds']:.2f} s", f"{small['seconds']:.2f} s (1,000)",
               f"{big['seconds'] / small['seconds']:.2f}", PAGE_TARGET, big["seconds"] <= 2.0, note, big),
        bl.Row(RSS_FIGURE, f"{big['peak_mib']:.0f} MiB", f"{small['peak_mib']:.0f} MiB (1,000)", "",
               RSS_TARGET, big["peak_mib"] <= 300, note, big),
    ]


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(asyncio.run(first_page(sys.argv[2]))))
        sys.exit(0)
    args = bl.parser(__doc__).parse_args()
    sys.exit(bl.finish(measure(args.quick), args))
