"""Progress and `goalcoach check` stay usable at scale (the timings are in benchmarks/)."""

from __future__ import annotations

import json
import subprocess

from textual.widgets import DataTable, Static

from goalcoach import paths
from goalcoach.screens.progress import HISTORY_WINDOW
from goalcoach_test_support import settle


def _seed(data_dir, count: int) -> None:
    with open(paths.attempts_file(data_dir), "a", encoding="utf-8") as handle:
        for i in range(count):
            record = {"id": f"a{i:07d}", "created": f"2026-{1 + i // 28 // 24 % 12:02d}-01T00:00:00+00:00",
                      "kind": "practice", "text": f"answer {i}", "score": i % 100}
            handle.write(json.dumps(record) + "\n")


async def test_progress_with_more_attempts_than_it_reads_shows_the_newest_and_says_so(make_app, data_dir):
    app = make_app()
    _seed(data_dir, HISTORY_WINDOW + 25)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5")
        await settle(pilot, lambda: app.screen.query(DataTable) and app.screen.query_one(DataTable).row_count, tries=3000)
        status = str(app.screen.query_one("#table-status", Static).render())
        assert f"of your latest {HISTORY_WINDOW:,}" in status
        assert f"your latest {HISTORY_WINDOW:,} shown" in str(app.screen.query_one("#week", Static).render())
        shown = app.screen.history.by_id
        assert f"a{HISTORY_WINDOW + 24:07d}" in shown and "a0000000" not in shown  # the newest, not the first


def test_the_check_report_refuses_an_answer_over_its_limit_in_one_line(goalcoach_exe, tmp_path, child_env):
    from goalcoach.cli.check import REPORT_MAX_BYTES

    huge = tmp_path / "huge.txt"
    huge.write_text("I want to lead a ward team. " * (REPORT_MAX_BYTES // 28 + 10))
    for argv, stdin in (([str(huge)], None), (["-"], huge.read_bytes())):
        result = subprocess.run([str(goalcoach_exe), "check", *argv], input=stdin, capture_output=True,
                                env=child_env, timeout=120)
        err = result.stderr.decode()
        assert result.returncode == 2 and result.stdout == b""
        assert err.count("\n") == 1 and "over 1 MB" in err and "--json" in err
    # --json reads it whole, and a long answer within the limit still gets its report.
    result = subprocess.run([str(goalcoach_exe), "check", "--json", str(huge)], capture_output=True, env=child_env, timeout=120)
    assert result.returncode == 0 and json.loads(result.stdout)["score"] >= 0
    within = tmp_path / "within.txt"
    within.write_bytes(huge.read_bytes()[: REPORT_MAX_BYTES - 1000])
    result = subprocess.run([str(goalcoach_exe), "check", str(within)], capture_output=True, env=child_env, timeout=120)
    assert result.returncode == 0 and b"score" in result.stdout
