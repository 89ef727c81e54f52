"""A real goalcoach process in a pseudo-terminal: SIGTERM while a draft is being typed in the
builder leaves the draft in the profile (what a dropped SSH connection or a kill must not lose)."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shutil
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

from goalcoach.profile import Profile

GOALCOACH = shutil.which("goalcoach") or str(Path(sys.executable).with_name("goalcoach"))
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not Path(GOALCOACH).exists() or sys.platform == "win32", reason="needs the goalcoach script and a pty")]


class Terminal:
    """A child process on a pty; everything it writes is read (so it never blocks) and kept."""

    def __init__(self, argv: list[str], env: dict[str, str], size: tuple[int, int] = (80, 24)) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # child
            os.execve(argv[0], argv, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.output = b""
        self.reaped = False

    def read_for(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                try:
                    self.output += os.read(self.fd, 65536)
                except OSError:
                    return

    def wait_for(self, text: str, timeout: float = 60) -> None:
        end = time.monotonic() + timeout
        while text.encode() not in self.output:
            if time.monotonic() > end:
                raise AssertionError(f"{text!r} never appeared on screen")
            self.read_for(0.1)

    def send(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def exit_status(self, timeout: float = 30) -> int | None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.reaped = True
                return status
            self.read_for(0.1)
        self.kill()
        return None

    def kill(self) -> None:
        """Stop our own child if it is still running (never a reaped pid, which may be reused)."""
        if not self.reaped:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.reaped = True


def test_sigterm_saves_the_draft_being_typed(tmp_path):
    data = tmp_path / "data"
    env = {**os.environ, "GOALCOACH_DATA_DIR": str(data), "TERM": "xterm-256color"}
    env.pop("SSH_CONNECTION", None)
    term = Terminal([GOALCOACH], env)
    try:
        term.wait_for("Answer builder")  # home lists the sections
        term.output = b""
        term.send("2")
        term.wait_for("Your answer")  # the builder is up; its editor has focus
        term.read_for(0.5)
        term.send("I will lead the pricing team")
        term.read_for(0.3)  # well inside the autosave delay: only the signal handler can save it
        os.kill(term.pid, signal.SIGTERM)
        status = term.exit_status()
    finally:
        term.kill()
        os.close(term.fd)
    assert status is not None, "goalcoach did not exit after SIGTERM"
    draft = Profile.open(data).draft("builder")
    assert draft is not None and draft["text"] == "I will lead the pricing team"
