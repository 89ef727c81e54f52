#!/usr/bin/env python3
"""Typing into a long answer, fast and at a person's pace, beside the reference app's TextArea.

For each answer length (100, 2,000 and 10,000 words, pasted with bracketed paste, as a person
pastes a draft) the same keys are typed at the end of the answer twice:
- fast: each key as soon as the one before is on screen (the coach waits for a pause);
- at a person's pace: a key every 0.3 s (about 40 words a minute), so the coach reads the
  answer after every key and its panel updates each time.
Figures per key: median key-to-screen latency (tmux send-keys until the key's word is on
screen) and bytes written to the terminal, everything that repaints counted (the coach
panel's updates, up to 0.6 s after the last key, included). The goalcoach and reference runs
alternate, and each latency ratio is the median of the pairwise ratios.
"""

from __future__ import annotations

import re
import statistics
import sys
import time

import benchlib as bl
import tuiprobe

LENGTHS = (100, 2_000, 10_000)
PACES = {"fast": 0.0, "person's pace": 0.3}
FAST_KEYS = " Next I mentor juniors"
PACED_KEYS = " and lead the analysts"
END = " Thank you for asking."  # the paste's last words: once on screen, the paste has landed
TAIL_WAIT = 0.6  # after the last key: the coach's pause and its panel update

LATENCY_LIMIT = 1.0  # × the reference, at every length
LATENCY_MS_AT_2000 = 100
BYTES_PERSON, BYTES_FAST = 800, 500


def figure(pace: str, words: int) -> str:
    return f"typing, {pace}, {words:,} words"


def target(pace: str, words: int) -> str:
    parts = [f"≤ {LATENCY_LIMIT:g}×"]
    if words == 2_000:
        parts.append(f"≤ {LATENCY_MS_AT_2000} ms")
    if pace == "fast":
        parts.append(f"≤ {BYTES_FAST} B")
    elif words <= 2_000:
        parts.append(f"≤ {BYTES_PERSON} B")
    return ", ".join(parts)


def answer_of(words: int) -> str:
    """A realistic answer of about `words` words: the sample answer repeated, cut to length."""
    base = bl.LONG_ANSWER.split()
    return " ".join((base * (words // len(base) + 1))[:words]) + END


def type_keys(pane: "tuiprobe.Pane", typed: str, keys: str, pace: float, timeout: float) -> dict:
    """Type `keys` after `typed` (the answer's end); per key, the latency and the bytes it cost."""
    base = pane.bytes_out()
    latencies: list[float] = []
    for ch in keys:
        typed += ch
        rx = bl._tail_regex(typed)
        before = len(re.findall(rx, pane.screen(), re.M)) if rx else 0
        t0 = time.perf_counter()
        pane.keys(ch, literal=True)
        if rx is not None:
            latencies.append(bl._wait_for_more(pane, rx, before, timeout) - t0)
        if pace:
            time.sleep(max(0.0, t0 + pace - time.perf_counter()))
        elif rx is None:
            time.sleep(0.05)  # a space shows nothing to wait for
    time.sleep(TAIL_WAIT)
    return {"latency_ms": 1000 * statistics.median(latencies), "bytes_per_key": (pane.bytes_out() - base) / len(keys)}


def run(cmd: str, expect: str, words: int, keys: dict[str, str], *, pre_keys=(), ready=None,
        timeout: float = 60.0) -> dict[str, dict]:
    """One app: reach the editor, paste the answer, then type fast and at a person's pace."""
    pane = tuiprobe.Pane(cmd, bl.WIDTH, bl.HEIGHT)
    try:
        pane.wait_for(expect, timeout)
        for key in pre_keys:
            pane.keys(key)
            time.sleep(0.3)
        if ready:
            pane.wait_for(ready, timeout)
        time.sleep(1.0)
        path = bl.temp_dir("paste") / "answer.txt"
        path.write_text(answer_of(words), encoding="utf-8")
        pane.tmux("load-buffer", "-b", "answer", str(path))
        pane.tmux("paste-buffer", "-p", "-d", "-b", "answer", "-t", pane.name)  # -p: bracketed paste
        pane.wait_for(re.escape(END.split()[-1]), timeout)
        time.sleep(1.5)  # the coach reads the pasted answer
        typed, results = END, {}
        for pace, seconds in PACES.items():
            results[pace] = type_keys(pane, typed, keys[pace], seconds, timeout)
            typed += keys[pace]
        return results
    finally:
        pane.close()


def measure(quick: bool) -> list[bl.Row]:
    lengths = LENGTHS[:1] if quick else LENGTHS
    if not bl.have_tmux():
        return bl.skipped_rows([(figure(p, n), target(p, n)) for n in lengths for p in PACES], bl.SKIPPED_TMUX)
    keys = {"fast": FAST_KEYS, "person's pace": PACED_KEYS}
    if quick:
        keys = {pace: text[:5] for pace, text in keys.items()}
    rounds = 1 if quick else 3
    ours_cmd = (bl.goalcoach_cmd(bl.fresh_profile_dir("typing-paced")), bl.HOME_EXPECT)
    ref_cmd = (bl.reference_cmd(), bl.REFERENCE_EXPECT)
    rows, lines = [], []
    for words in lengths:
        results: dict[str, list[dict]] = {"ours": [], "ref": []}
        for i in range(rounds):
            for name in (("ours", "ref") if i % 2 == 0 else ("ref", "ours")):
                if name == "ours":
                    results["ours"].append(run(*ours_cmd, words, keys, pre_keys=bl.BUILDER_KEYS, ready=bl.EDITOR_READY))
                else:
                    results["ref"].append(run(*ref_cmd, words, keys))
        for pace in PACES:
            ours = [r[pace] for r in results["ours"]]
            refs = [r[pace] for r in results["ref"]]
            lat = statistics.median(r["latency_ms"] for r in ours)
            ref_lat = statistics.median(r["latency_ms"] for r in refs)
            per_key = statistics.median(r["bytes_per_key"] for r in ours)
            ref_key = statistics.median(r["bytes_per_key"] for r in refs)
            ratio = statistics.median(o["latency_ms"] / r["latency_ms"] for o, r in zip(ours, refs))
            met = ratio <= LATENCY_LIMIT
            if words == 2_000:
                met = met and lat <= LATENCY_MS_AT_2000
            if pace == "fast":
                met = met and per_key <= BYTES_FAST
            elif words <= 2_000:
                met = met and per_key <= BYTES_PERSON
            note = f"{len(keys[pace])} keys after a {words:,}-word paste × {rounds} interleaved rounds"
            rows.append(bl.Row(figure(pace, words), f"{lat:.0f} ms, {per_key:,.0f} B/key",
                               f"{ref_lat:.0f} ms, {ref_key:,.0f} B/key", f"{ratio:.2f}", target(pace, words), met,
                               note, {"ours": ours, "reference": refs}))
            lines.append(f"| {words:,} words | {pace} | {lat:.0f} ms | {per_key:,.0f} | {ref_lat:.0f} ms | {ref_key:,.0f} |")
    print("| answer length (pasted) | pace | goalcoach latency | bytes/key | reference latency | bytes/key |")
    print("|---|---|---|---|---|---|")
    print("\n".join(lines) + "\n")
    return rows


if __name__ == "__main__":
    args = bl.parser(__doc__).parse_args()
    sys.exit(bl.finish(measure(args.quick), args))
