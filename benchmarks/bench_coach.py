"""Coach timings: one 250-word answer in-process, `goalcoach check --batch` over 1,000 answers
(process start included, with its peak RSS and whether it imported textual) and a 1 MB input.
Prints a table beside the targets; never fails on a slow machine.

    python benchmarks/bench_coach.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from goalcoach.coach import analyse

SAMPLE = (
    "I've spent five years as a backend engineer, mostly on payments. At my current company I led the "
    "migration of our reconciliation jobs to event-driven processing, which cut settlement errors by about "
    "a third. This role is the next step for me because I'd own a service end to end. Over the next two "
    "years I want to become the person your team goes to for reliability, and I've booked the AWS Solutions "
    "Architect exam for March. Long term I'd like to lead a platform team, though I'm open to other roles. "
)


def answer_of(words: int) -> str:
    base = SAMPLE.split()
    return " ".join((base * (words // len(base) + 1))[:words])


def calibration_ms() -> float:
    """A fixed pure-Python workload: compare it across runs to tell a slow result from a busy machine."""
    start = time.perf_counter()
    sum(i * i for i in range(60_000))
    return (time.perf_counter() - start) * 1000


def command() -> list[str]:
    exe = shutil.which("goalcoach") or str(Path(sys.executable).with_name("goalcoach"))
    if os.path.exists(exe):
        return [exe, "check", "--batch"]
    return [sys.executable, "-c", "import sys; from goalcoach.cli import main; sys.exit(main())", "check", "--batch"]


_RSS_PROBE = (
    "import os, resource, sys; from goalcoach.cli import main; sys.stdout = open(os.devnull, 'w'); "
    "main(['check', '--batch', sys.argv[1]]); "
    "sys.stderr.write('%d %s' % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, 'textual' in sys.modules))"
)


def batch_rss(path: Path) -> tuple[float, bool]:
    """Peak RSS (MiB) of one `check --batch` run over path, and whether it imported textual."""
    proc = subprocess.run([sys.executable, "-c", _RSS_PROBE, str(path)], capture_output=True, text=True)
    try:
        kib, textual = proc.stderr.strip().split()[-2:]
        return int(kib) / 1024, textual == "True"
    except ValueError:
        return float("nan"), True


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="fewer repetitions (smoke test)")
    args = p.parse_args(argv)
    reps = 30 if args.quick else 500

    text = answer_of(250)
    analyse(text)  # load and compile the lexicon first
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        analyse(text)
        times.append(time.perf_counter() - start)
    in_process = statistics.median(times) * 1000

    n = 100 if args.quick else 1000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "answers.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for i in range(n):
                fh.write(json.dumps({"id": i, "text": answer_of(60 + (i * 37) % 200)}) + "\n")
        start = time.perf_counter()
        proc = subprocess.run(command() + [str(path)], capture_output=True, text=True)
        batch = time.perf_counter() - start
        ok = proc.returncode == 0 and len(proc.stdout.splitlines()) == n
        rss_mib, textual = batch_rss(path)

    big = (SAMPLE * (1_000_000 // len(SAMPLE) + 1))[:1_000_000]
    start = time.perf_counter()
    analyse(big)
    huge = time.perf_counter() - start

    rows = [
        ("250-word answer, in-process (median)", f"{in_process:.2f} ms", "≤ 2 ms"),
        (f"check --batch, {n} answers, process start included", f"{batch:.2f} s" + ("" if ok else " (FAILED)"),
         "≤ 2 s" if n == 1000 else "(quick run)"),
        ("1 MB input", f"{huge:.2f} s", "≤ 1 s"),
        (f"check --batch, {n} answers: peak RSS", f"{rss_mib:.1f} MiB", "≤ 40 MiB"),
        ("check --batch imports textual", "yes" if textual else "no", "no"),
        ("yardstick: fixed Python workload (machine load)", f"{calibration_ms():.2f} ms", "lower = idler"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':{width}}  {'result':>12}  target")
    for name, value, target in rows:
        print(f"{name:{width}}  {value:>12}  {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
