"""Four goalcoach processes of the same person saving at once: nothing lost, nothing duplicated.

Each process is a separate OS process with its own Profile (as two SSH logins would be). They
start together behind a pipe barrier and interleave attempts, section updates (each process
owns different fields of the SAME section, so a lost read-modify-write shows as a missing
field), drafts, versions, settings, and merges of the same imported records.
"""

from __future__ import annotations

import json
import os
import traceback

import pytest

from goalcoach.profile import Profile

# The hostile tier: left out of the fast local run (pytest -m "not slow and not hostile").
pytestmark = [pytest.mark.hostile, pytest.mark.slow]  # a real terminal or many processes

WORKERS = 4
ROUNDS = 60
OPENS = 400
SHARED_IMPORT = [
    {"id": f"imported-{n}", "created": f"2025-01-01T00:00:{n:02d}+00:00", "kind": "practice", "text": f"old {n}"}
    for n in range(40)
]


def _worker(data_dir: str, worker: int, gate_fd: int) -> int:
    os.read(gate_fd, 1)  # wait until every worker is ready, then go together
    profile = Profile.open(data_dir)
    for n in range(ROUNDS):
        profile.add_attempt({"kind": "drill", "text": f"w{worker} n{n}", "score": n})
        profile.update_section("shared", **{f"w{worker}_{n}": n})
        profile.save_draft(f"own.{worker}", f"w{worker} draft {n}", (0, n))
        profile.save_draft("shared.editor", f"w{worker} shared {n}", (0, n))
        if n % 10 == 0:
            profile.add_version(f"w{worker} v{n}", f"answer {worker} {n}")
            profile.set_setting(f"seen.w{worker}", n)
        if n == ROUNDS // 2:
            profile.merge_attempts(SHARED_IMPORT)  # every worker imports the same backup
    return 0


def _all_at_once(tmp_path, name: str, run) -> list[int]:
    """Fork WORKERS processes that each call run(worker, gate_fd) once all have started; their
    wait statuses. A child's traceback goes to <name><worker>.err in tmp_path."""
    gate_read, gate_write = os.pipe()
    pids = []
    for worker in range(WORKERS):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            code = 1
            try:
                code = run(worker, gate_read)
            except BaseException:  # noqa: BLE001 - hand the traceback to the parent
                (tmp_path / f"{name}{worker}.err").write_text(traceback.format_exc())
            finally:
                os._exit(code)
        pids.append(pid)
    os.write(gate_write, b"g" * WORKERS)
    statuses = [os.waitpid(pid, 0)[1] for pid in pids]
    os.close(gate_read)
    os.close(gate_write)
    return statuses


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
def test_four_sessions_saving_at_once_lose_and_duplicate_nothing(tmp_path):
    data_dir = tmp_path / "data"
    Profile.open(data_dir)
    statuses = _all_at_once(tmp_path, "worker", lambda worker, gate: _worker(str(data_dir), worker, gate))
    errors = "\n".join(p.read_text() for p in tmp_path.glob("worker*.err"))
    for status in statuses:
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, f"a session failed:\n{errors}"

    profile = Profile.open(data_dir)
    assert profile.quarantined is None
    attempts = profile.attempts()
    ids = [a["id"] for a in attempts]
    assert len(ids) == len(set(ids)), "an attempt id is stored twice"
    texts = sorted(a["text"] for a in attempts if a["kind"] == "drill")
    assert texts == sorted(f"w{w} n{n}" for w in range(WORKERS) for n in range(ROUNDS))
    imported = [a for a in attempts if a["id"].startswith("imported-")]
    assert len(imported) == len(SHARED_IMPORT), "the same backup merged by four sessions was duplicated"

    shared = profile.section("shared")
    expected = {f"w{w}_{n}": n for w in range(WORKERS) for n in range(ROUNDS)}
    lost = sorted(set(expected) - set(shared))
    assert not lost, f"section updates lost to a concurrent session: {lost[:10]} ..."
    assert shared == expected

    versions = profile.versions()
    assert sorted(v["name"] for v in versions) == sorted(
        f"w{w} v{n}" for w in range(WORKERS) for n in range(0, ROUNDS, 10)
    )
    assert len({v["id"] for v in versions}) == len(versions)
    for worker in range(WORKERS):
        assert profile.draft(f"own.{worker}")["text"] == f"w{worker} draft {ROUNDS - 1}"
        assert profile.setting(f"seen.w{worker}") == (ROUNDS - 1) // 10 * 10
    assert profile.draft("shared.editor")["text"] in {f"w{w} shared {ROUNDS - 1}" for w in range(WORKERS)}

    # Every file on disk is whole: no partial lines, no stray temp files.
    for line in (data_dir / "attempts.jsonl").read_text().splitlines():
        json.loads(line)
    json.loads((data_dir / "profile.json").read_text())
    leftovers = [p.name for p in data_dir.rglob("*.tmp")]
    assert leftovers == []


def _opener(data_dir: str, gate_fd: int) -> int:
    os.read(gate_fd, 1)
    for _ in range(OPENS):
        Profile.open(data_dir)
    return 0


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
def test_four_sessions_starting_at_the_same_moment_all_open(tmp_path):
    """Two SSH logins that start goalcoach together must both get in (a shared start-up probe
    file would let one session delete the other's probe and refuse to start)."""
    data_dir = tmp_path / "data"
    Profile.open(data_dir)
    statuses = _all_at_once(tmp_path, "opener", lambda worker, gate: _opener(str(data_dir), gate))
    errors = "\n".join(p.read_text().strip().splitlines()[-1] for p in tmp_path.glob("opener*.err"))
    assert all(os.WIFEXITED(s) and os.WEXITSTATUS(s) == 0 for s in statuses), (
        f"a session starting alongside another could not open the profile:\n{errors}"
    )
