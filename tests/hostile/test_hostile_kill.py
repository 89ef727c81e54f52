"""A writer killed with SIGKILL at random moments never corrupts the profile or loses a save.

Each round forks a child that loops saves (attempts, section updates, drafts, versions) and
writes one acknowledgement line to a pipe AFTER each save returns. The parent kills it after a
seeded random delay, reopens the profile, and checks every acknowledged save is there. Forking
(rather than starting a new interpreter) makes 240 rounds take a few seconds.
"""

from __future__ import annotations

import os
import random
import select
import signal
import time
from pathlib import Path

import pytest

from goalcoach.profile import Profile

# The hostile tier: left out of the fast local run (pytest -m "not slow and not hostile").
pytestmark = [pytest.mark.hostile, pytest.mark.slow]  # a real terminal or many processes

ROUNDS = 240
DRAFT_KEYS = ("builder.answer", "practice.answer", "drill.recovery")


def _child(data_dir: Path, round_no: int, write_fd: int) -> None:
    """Loop saves forever; say when each one begins ("B") and acknowledge it only after it returned."""
    try:
        profile = Profile.open(data_dir)
        os.write(write_fd, b"R\n")  # the profile is open; the parent waits for the first acknowledged save
        n = 0
        while True:
            n += 1
            os.write(write_fd, b"B attempt\n")
            attempt = profile.add_attempt({"kind": "practice", "text": f"r{round_no} n{n}", "score": n})
            os.write(write_fd, f"A {attempt['id']}\n".encode())
            os.write(write_fd, b"B section\n")
            profile.update_section("kill", **{f"r{round_no}": n})
            os.write(write_fd, f"S r{round_no} {n}\n".encode())
            key = DRAFT_KEYS[n % len(DRAFT_KEYS)]
            os.write(write_fd, b"B draft\n")
            profile.save_draft(key, f"{round_no}:{n} " + "typed text " * (n % 40), (0, n))
            os.write(write_fd, f"D {key} {round_no} {n}\n".encode())
            if n % 7 == 0:
                os.write(write_fd, b"B version\n")
                version = profile.add_version(f"r{round_no} v{n}", "answer text")
                os.write(write_fd, f"V {version['id']}\n".encode())
    except BaseException as error:  # noqa: BLE001 - report any failure to the parent, then die
        os.write(write_fd, f"E {type(error).__name__}: {error}\n".encode())
    finally:
        os._exit(1)


def _read_all(read_fd: int) -> str:
    chunks = []
    while True:
        ready, _, _ = select.select([read_fd], [], [], 0)
        if not ready:
            break
        chunk = os.read(read_fd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
def test_sigkill_during_saves_never_loses_an_acknowledged_save(tmp_path, seed):
    rng = random.Random(seed)
    data_dir = tmp_path / "data"
    Profile.open(data_dir)
    acked_attempts: set[str] = set()
    acked_versions: set[str] = set()
    acked_sections: dict[str, int] = {}
    acked_drafts: dict[str, tuple[int, int]] = {}
    interrupted = 0  # rounds whose kill landed inside a save: begun, never acknowledged
    started = time.monotonic()

    for round_no in range(ROUNDS):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            os.close(read_fd)
            _child(data_dir, round_no, write_fd)
        os.close(write_fd)
        buffer = ""
        # Every round reaches the save loop: wait (however slow the machine) for the first
        # acknowledged save, then let it run a random while longer before the kill.
        patience = time.monotonic() + 60
        while "\nA " not in "\n" + buffer and "\nE " not in "\n" + buffer and time.monotonic() < patience:
            select.select([read_fd], [], [], 0.05)
            buffer += _read_all(read_fd)
        deadline = time.monotonic() + rng.uniform(0.002, 0.045)
        while time.monotonic() < deadline:  # keep draining so the child never blocks on the pipe
            select.select([read_fd], [], [], max(0.0, deadline - time.monotonic()))
            buffer += _read_all(read_fd)
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
            f"round {round_no}: the writer stopped by itself: {buffer[-500:]}"
        )
        buffer += _read_all(read_fd)
        os.close(read_fd)

        lines = [line for line in buffer.split("\n")[:-1] if line != "R"]  # a cut line acknowledges nothing
        errors = [line for line in lines if line.startswith("E ")]
        assert not errors, f"round {round_no} (seed {seed}): a save failed: {errors}"
        for line in lines:
            kind, *fields = line.split(" ")
            if kind == "A":
                acked_attempts.add(fields[0])
            elif kind == "V":
                acked_versions.add(fields[0])
            elif kind == "S":
                acked_sections[fields[0]] = int(fields[1])
            elif kind == "D":
                acked_drafts[fields[0]] = (int(fields[1]), int(fields[2]))
        assert any(line.startswith("A ") for line in lines), f"round {round_no}: no save was acknowledged"
        interrupted += lines[-1].startswith("B ")

        profile = Profile.open(data_dir)
        assert profile.quarantined is None, f"round {round_no} (seed {seed}): the profile was unreadable"
        stored_attempts = [a["id"] for a in profile.attempts()]
        assert len(stored_attempts) == len(set(stored_attempts)), "an attempt was stored twice"
        missing = acked_attempts - set(stored_attempts)
        assert not missing, f"round {round_no} (seed {seed}): acknowledged attempts lost: {missing}"
        missing_versions = acked_versions - {v["id"] for v in profile.versions()}
        assert not missing_versions, f"round {round_no} (seed {seed}): versions lost: {missing_versions}"
        section = profile.section("kill")
        for field, n in acked_sections.items():
            assert section.get(field, 0) >= n, (
                f"round {round_no} (seed {seed}): section field {field} went back to "
                f"{section.get(field)} after {n} was acknowledged"
            )
        for key, (acked_round, acked_n) in acked_drafts.items():
            draft = profile.draft(key)
            assert draft is not None, f"round {round_no}: draft {key} lost"
            stored_round, stored_n = (int(x) for x in draft["text"].split(" ", 1)[0].split(":"))
            assert (stored_round, stored_n) >= (acked_round, acked_n), (
                f"round {round_no} (seed {seed}): draft {key} went back to {stored_round}:{stored_n}"
            )

    elapsed = time.monotonic() - started
    # Only a kill inside a save tests that an interrupted write loses nothing acknowledged.
    assert interrupted >= ROUNDS // 4, f"only {interrupted} of {ROUNDS} kills landed inside a save"
    print(f"{ROUNDS} kills ({interrupted} inside a save), {len(acked_attempts)} acknowledged attempts in {elapsed:.1f}s")
