"""The benchmarks still run: `benchmarks/run_all --quick` exits 0 and reports every figure.

Only that they run and report is checked, never a timing: this machine's speed is not a
property of goalcoach. Without tmux the terminal benchmarks must say they were skipped
rather than fail, because CI machines may lack it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# Runs every benchmark script: slow.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"

FIGURES = [
    "first paint: home ÷ reference app",
    "first paint: 10,000 attempts ÷ empty",
    "typing: key-to-screen latency ÷ reference",
    "typing: bytes per key, coach on",
    "idle, low-bandwidth: home",
    "idle, low-bandwidth: answer editor",
    "save one attempt: 10,000 stored ÷ empty",
    "coach: 250-word answer, in-process",
    "check --batch, 1,000 answers, process start included",
    "coach: 1 MB input",
    "peak RSS after a full session",
    "typing, fast, 100 words",
    "typing, person's pace, 100 words",
]


def table_rows(stdout: str) -> dict[str, list[str]]:
    """The table's rows by figure: {figure: [goalcoach, reference, ratio, target, met]}."""
    rows = {}
    for line in stdout.splitlines():
        if line.startswith("| ") and not line.startswith("| figure "):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            rows[cells[0]] = cells[1:]
    return rows


def run(argv: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *argv], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=900)


def test_run_all_quick_reports_every_figure():
    done = run([str(BENCH / "run_all"), "--quick"])
    assert done.returncode == 0, done.stderr[-3000:]
    rows = table_rows(done.stdout)
    assert set(FIGURES) <= set(rows), f"missing rows: {set(FIGURES) - set(rows)}\n{done.stdout}"
    tmux = shutil.which("tmux") is not None
    for figure in FIGURES:
        value = rows[figure][0]
        assert not value.startswith("error"), f"{figure}: {value}\n{done.stdout}"
        if value.startswith("skipped"):
            assert not tmux and value == "skipped: tmux not found", f"{figure}: {value}"


def test_terminal_benchmarks_skip_without_tmux(tmp_path):
    """A PATH without tmux: the tmux-based scripts print a skipped row and exit 0."""
    env = {**os.environ, "PATH": str(tmp_path)}  # an empty directory: no tmux, nothing else either
    for script in ("bench_paint.py", "bench_paint_scale.py", "bench_typing.py", "bench_typing_paced.py", "bench_idle.py"):
        done = run([str(BENCH / script), "--quick"], env=env)
        assert done.returncode == 0, f"{script}: {done.stderr[-2000:]}"
        rows = table_rows(done.stdout)
        assert rows and all(cells[0] == "skipped: tmux not found" for cells in rows.values()), done.stdout


@pytest.mark.parametrize("script", sorted(p.name for p in BENCH.glob("bench_*.py")) + ["run_all"])
def test_every_script_has_help_and_quick(script):
    done = run([str(BENCH / script), "--help"])
    assert done.returncode == 0, done.stderr
    assert "--quick" in done.stdout
