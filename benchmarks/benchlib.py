"""What every benchmark script shares: rows, the table, command lines, tmux runs, profiles.

Each script measures its figure(s) side by side with a reference in the same run, builds
`Row`s and calls `finish(rows, args)`, which prints the table and, with `--json PATH`,
writes the rows for `run_all` to gather.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
sys.path.insert(0, str(BENCH_DIR))


def _ensure_project_python() -> None:
    """Run under the project's virtualenv when started with a Python that lacks goalcoach
    (the scripts' `#!/usr/bin/env python3` finds the system one)."""
    import importlib.util

    if importlib.util.find_spec("goalcoach") is not None and importlib.util.find_spec("textual") is not None:
        return
    venv_python = ROOT / ".venv" / "bin" / "python"
    if venv_python.exists() and Path(sys.prefix).resolve() != venv_python.parent.parent.resolve():
        os.execv(str(venv_python), [str(venv_python), *sys.argv])


_ensure_project_python()

import tuiprobe  # noqa: E402  (the copy next to this file: the repo stands alone)

PYTHON = sys.executable
REFERENCE_APP = BENCH_DIR / "reference_app.py"
REFERENCE_EXPECT = r"Reference app: the floor"
HOME_EXPECT = r"goalcoach helps you answer"
WIDTH, HEIGHT = 100, 30
SKIPPED_TMUX = "skipped: tmux not found"


# -- rows and the table --------------------------------------------------------------------
@dataclass
class Row:
    figure: str
    value: str  # what goalcoach measured, formatted with its unit ("pending", "skipped: ...")
    reference: str = ""  # the same measure on the reference, formatted
    ratio: str = ""  # value / reference where timing is involved
    target: str = ""
    met: bool | None = None  # None: not measured (pending, skipped) or no target
    note: str = ""
    data: dict = field(default_factory=dict)  # raw numbers, for anyone reading the JSON

    @property
    def verdict(self) -> str:
        return {True: "yes", False: "NO", None: "-"}[self.met]


def skipped_rows(figures: Iterable[tuple[str, str]], reason: str) -> list[Row]:
    return [Row(figure, reason, target=target) for figure, target in figures]


def table(rows: Sequence[Row]) -> str:
    head = ("figure", "goalcoach", "reference", "ratio", "target", "met")
    body = [(r.figure, r.value, r.reference, r.ratio, r.target, r.verdict) for r in rows]
    widths = [max(len(str(line[i])) for line in [head, *body]) for i in range(len(head))]

    def fmt(line: Sequence[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(line, widths)) + " |"

    out = [fmt(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [fmt(line) for line in body]
    notes = [f"- {r.figure}: {r.note}" for r in rows if r.note]
    return "\n".join(out + ([""] + notes if notes else []))


def parser(description: str) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--quick", action="store_true", help="fewer repetitions: a smoke test, not a measurement")
    ap.add_argument("--json", metavar="PATH", help="also write the rows as JSON to PATH (for run_all)")
    return ap


def finish(rows: Sequence[Row], args: argparse.Namespace) -> int:
    print(table(rows))
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(r) for r in rows], indent=1))
    return 0


def ratio_row(figure: str, value: float, reference: float, unit: str, limit: float, *,
              fmt: str = "{:.1f}", note: str = "", data: dict | None = None) -> Row:
    ratio = value / reference if reference else float("inf")
    return Row(figure, f"{fmt.format(value)} {unit}", f"{fmt.format(reference)} {unit}", f"{ratio:.2f}",
               f"≤ {limit:g}×", ratio <= limit, note, data or {})


# -- commands ------------------------------------------------------------------------------
def have_tmux() -> bool:
    return shutil.which("tmux") is not None


def goalcoach_argv() -> list[str]:
    script = Path(PYTHON).with_name("goalcoach")
    return [str(script)] if script.exists() else [PYTHON, "-m", "goalcoach.cli"]


def shell(argv: Sequence[str], env: dict[str, str] | None = None) -> str:
    """A shell command line for tmux; env is set explicitly so nothing leaks from the caller."""
    unset = "-u SSH_CONNECTION " if not (env and "SSH_CONNECTION" in env) else ""
    prefix = "env " + unset + " ".join(f"{k}={shlex.quote(v)}" for k, v in (env or {}).items())
    return prefix + " " + " ".join(shlex.quote(a) for a in argv)


def goalcoach_cmd(data_dir: Path, *, low_bandwidth: bool = False) -> str:
    env = {"GOALCOACH_DATA_DIR": str(data_dir)}
    if low_bandwidth:
        env["SSH_CONNECTION"] = "10.0.0.1 50000 10.0.0.2 22"
    return shell(goalcoach_argv(), env)


def reference_cmd(*, low_bandwidth: bool = False) -> str:
    env = {"SSH_CONNECTION": "10.0.0.1 50000 10.0.0.2 22"} if low_bandwidth else {}
    return shell([PYTHON, str(REFERENCE_APP)], env)


# -- tmux measurements (built on tuiprobe.Pane) ----------------------------------------------
def first_paint(cmd: str, expect: str, timeout: float = 30.0) -> float:
    pane = tuiprobe.Pane(cmd, WIDTH, HEIGHT)
    try:
        return pane.wait_for(expect, timeout) - pane.t0
    finally:
        pane.close()


def interleaved_paint(a: tuple[str, str], b: tuple[str, str], runs: int, warm: bool = True) -> dict:
    """A B A B ...: the median of the pairwise ratios cancels drift in the machine's load."""
    if warm:
        first_paint(*b)  # warm the page cache so the first pair is not an outlier
    ta, tb, ratios = [], [], []
    for i in range(runs):
        order = (a, b) if i % 2 == 0 else (b, a)  # alternate who goes first, too
        times = {id(c): first_paint(*c) for c in order}
        ta.append(times[id(a)]); tb.append(times[id(b)])
        ratios.append(ta[-1] / tb[-1])
    return {"a_s": statistics.median(ta), "b_s": statistics.median(tb),
            "ratio": statistics.median(ratios), "ratios": ratios, "runs": runs}


BORDER = "[\u2500-\u259f|]"  # box-drawing and block characters: the edges of widgets


def _tail_regex(typed: str) -> str | None:
    """What must be on screen once `typed` is: its last word, with the word before when short.

    A soft-wrapping editor may break the line at any space, so only the last word is sure to
    be contiguous; a wrap (and widget borders) may sit between it and the word before.
    """
    if not typed.strip() or typed.endswith(" "):
        return None
    words = typed.split(" ")[-2:]
    if len(words[-1]) >= 3 or len(words) == 1 or not words[0]:
        words = words[-1:]
    gap = rf"\s+(?:{BORDER}\s*)*"
    return gap.join(re.escape(w) for w in words) + rf"(?=\s|{BORDER}|$)"


def _wait_for_more(pane: "tuiprobe.Pane", regex: str, before: int, timeout: float) -> float:
    """Poll until regex matches more often than `before` times (text elsewhere never counts)."""
    rx = re.compile(regex, re.M)
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        if len(rx.findall(pane.screen())) > before:
            return time.perf_counter()
        time.sleep(0.002)
    raise TimeoutError(f"never saw /{regex}/ on screen:\n{pane.screen()}")


def reach(pane: "tuiprobe.Pane", expect: str, pre_keys: Sequence[str], ready: str | None, timeout: float) -> None:
    """Wait for the first screen, press the keys that lead to the place to measure, and wait
    for the regex that says it is there."""
    pane.wait_for(expect, timeout)
    for key in pre_keys:
        pane.keys(key)
        time.sleep(0.3)
    if ready:
        pane.wait_for(ready, timeout)


def typing_run(cmd: str, expect: str, text: str, *, pre_keys: Sequence[str] = (),
               ready: str | None = None, timeout: float = 30.0) -> dict:
    """tuiprobe's typing measure, plus: keys to reach the editor and a regex that says it is there."""
    pane = tuiprobe.Pane(cmd, WIDTH, HEIGHT)
    try:
        reach(pane, expect, pre_keys, ready, timeout)
        time.sleep(1.0)
        base = pane.bytes_out()
        latencies: list[float] = []
        typed = ""
        for ch in text:
            typed += ch
            rx = _tail_regex(typed)
            before = len(re.findall(rx, pane.screen(), re.M)) if rx else 0
            t0 = time.perf_counter()
            pane.keys(ch, literal=True)
            if rx is None:
                time.sleep(0.05)
                continue
            latencies.append(_wait_for_more(pane, rx, before, timeout) - t0)
        time.sleep(0.5)
        total = pane.bytes_out() - base
        return {"keys": len(text), "bytes_per_key": total / len(text),
                "latency_ms_median": 1000 * statistics.median(latencies),
                "latency_ms": [round(1000 * x, 2) for x in latencies]}
    finally:
        pane.close()


def idle_run(cmd: str, expect: str, seconds: float, *, pre_keys: Sequence[str] = (),
             ready: str | None = None, timeout: float = 30.0, settle: float = 2.0) -> dict:
    """Bytes per second and CPU share of one core while nobody touches the program (as tuiprobe idle)."""
    pane = tuiprobe.Pane(cmd, WIDTH, HEIGHT)
    try:
        reach(pane, expect, pre_keys, ready, timeout)
        time.sleep(settle)  # let start-up work (stats workers, notifications) finish
        pid = pane.tmux("display-message", "-p", "-t", pane.name, "#{pane_pid}").strip()
        b0, c0 = pane.bytes_out(), process_tree_cpu(pid)
        time.sleep(seconds)
        b1, c1 = pane.bytes_out(), process_tree_cpu(pid)
        return {"bytes_per_s": (b1 - b0) / seconds, "cpu_percent": 100 * (c1 - c0) / seconds,
                "seconds": seconds}
    finally:
        pane.close()


def process_tree_cpu(pid: str) -> float:
    """User + system CPU seconds of a process and its descendants."""
    import subprocess

    pids, frontier = [pid], [pid]
    while frontier:
        children = subprocess.run(["pgrep", "-P", frontier.pop()], capture_output=True, text=True).stdout.split()
        pids += children
        frontier += children
    ticks = 0
    for q in pids:
        try:
            fields = open(f"/proc/{q}/stat").read().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
        except (OSError, IndexError):
            pass
    return ticks / os.sysconf("SC_CLK_TCK")


# -- profiles ------------------------------------------------------------------------------
_TEMP_DIRS: list[Path] = []


def temp_dir(prefix: str) -> Path:
    """A scratch directory removed when the script exits."""
    if not _TEMP_DIRS:
        import atexit

        atexit.register(lambda: [shutil.rmtree(d, ignore_errors=True) for d in _TEMP_DIRS])
    path = Path(tempfile.mkdtemp(prefix=f"goalcoach-bench-{prefix}-"))
    _TEMP_DIRS.append(path)
    return path


def fresh_profile_dir(prefix: str) -> Path:
    """A new data directory holding an opened (created) empty profile."""
    from goalcoach.profile import Profile

    data = temp_dir(prefix) / "data"
    Profile.open(data)
    return data


SAMPLE_ANSWER = (
    "In the next two to three years I want to grow into a senior data analyst role where I own "
    "the reporting for a product line end to end. Last year I rebuilt our churn dashboard, cut "
    "its refresh time from a day to an hour, and presented the findings to the leadership team. "
    "That project showed me I enjoy turning messy data into decisions people act on. This role "
    "fits that goal because your team ships experiments weekly and I would learn from analysts "
    "who run them at scale. Longer term I would like to mentor junior analysts and shape how the "
    "company measures success, and I am taking a statistics course now to get there."
)

LONG_ANSWER = SAMPLE_ANSWER + (
    " In my current team I already run the weekly metrics review, and I have started pairing "
    "with our product managers to design the experiments before they launch rather than after. "
    "Over the next year I want to deepen that: learn causal inference properly, run my own "
    "experiment from design to readout, and write the guide our team uses for it. I know this "
    "role asks for strong SQL and Python, which I use every day, and for someone who can explain "
    "a result to people who do not read charts, which is the part of my work I enjoy most. In "
    "five years I see myself leading a small analytics team that people trust with their "
    "hardest questions, and I would like to keep learning from the people around me while I get there."
)  # about 250 words: the coach's figure and the session's builder answer


def sample_feedback(text: str = SAMPLE_ANSWER) -> dict:
    """The coach's feedback for an answer, or a stand-in of the same shape if the coach is absent."""
    try:
        from goalcoach.domain.coaching import coach, context_for

        return coach(text, context_for(None))
    except Exception:  # noqa: BLE001 - the coach is optional here: a stand-in keeps the size honest
        words = len(text.split())
        return {"words": words, "speaking_seconds": words / 2.5, "score": 72, "quality": "good",
                "elements": {c: {"present": True, "evidence": [[0, 40]]} for c in ("goal", "link", "evidence", "growth")},
                "issues": [{"code": "vague", "start": 10, "end": 30, "message": "Say what exactly.",
                            "suggestion": "Name the role and the skill."}],
                "terms": {"used": ["data"], "missed": ["experimentation"]}}


def seed_attempts(data_dir: Path, count: int) -> None:
    """Append `count` realistic attempts (spread over three years) to attempts.jsonl.

    Written directly in the Profile's format (one sorted-key JSON object per line) because
    10,000 fsynced add_attempt calls would take minutes; Profile.attempts() reads them back.
    """
    import uuid
    from datetime import datetime, timedelta, timezone

    from goalcoach import paths

    feedback = sample_feedback()
    start = datetime(2023, 1, 1, tzinfo=timezone.utc)
    kinds = ("practice", "drill", "builder")
    lines = []
    for i in range(count):
        kind = kinds[i % 3]
        record = {
            "id": uuid.uuid4().hex,
            "created": (start + timedelta(minutes=157 * i)).replace(microsecond=0).isoformat(),
            "kind": kind, "scenario_id": f"mid-{i % 12}" if kind == "practice" else None,
            "scenario_title": f"Scenario {i % 12}", "stage": "mid", "question": "What are your career goals?",
            "text": SAMPLE_ANSWER, "seconds": 60.0 + i % 90, "score": 40 + i % 60, "quality": "good",
            "feedback": feedback,
        }
        if kind == "drill":
            record.update(drill_id=f"drill-{i % 14}", misstep="vague")
        lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
    path = paths.attempts_file(data_dir)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + ("\n" if lines else ""))
    os.chmod(path, 0o600)


def median_time(fn: Callable[[], object], reps: int) -> float:
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


# -- the answer editor ----------------------------------------------------------------------
# Keys that open the builder from home and put the cursor in its answer editor, and what is on
# screen once they have (read from src/goalcoach/screens/builder.py).
BUILDER_KEYS: tuple[str, ...] = ("2",)
EDITOR_READY = r"Your answer"


def builder_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("goalcoach.screens.builder") is not None


PENDING_BUILDER = "pending: builder screen not landed"
