"""Start the real `goalcoach` in the ways a terminal can be taken from it.

`Session` is a PtyApp whose process is started with subprocess, so a test can choose what
stdin and the terminal output are (a pty, a pipe, a socket), whether goalcoach leads its
session (and so gets the kernel's SIGHUP) or runs under a leader that ignores it. It reads,
types and ends as any PtyApp does (stop_reading lets the app's output pile up).
"""

from __future__ import annotations

import fcntl
import os
import pty
import subprocess
import sys
import termios
import time
from pathlib import Path
from typing import Mapping, Sequence

from hostile_term import PtyApp, set_size

# A session leader that ignores SIGHUP and runs goalcoach as its child in the same (foreground)
# process group: when the terminal closes only the leader is sent SIGHUP, as with a shell that
# keeps running, a multiplexer, or `sh -c 'goalcoach; …'` over SSH.
LEADER = r"""
import os, signal, sys
signal.signal(signal.SIGHUP, signal.SIG_IGN)
pid = os.fork()
if pid == 0:
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    os.execv(sys.argv[2], sys.argv[2:])
with open(sys.argv[1], "w") as f:
    f.write(str(pid))
_, status = os.waitpid(pid, 0)
os._exit(0)
"""


def _make_controlling() -> None:
    os.setsid()
    fcntl.ioctl(1, termios.TIOCSCTTY, 0)  # stdout is always the pty's slave side


class Session(PtyApp):
    def __init__(
        self,
        argv: Sequence[str | os.PathLike[str]],
        env: Mapping[str, str],
        *,
        stdin: int | None = None,
        stderr: int | None = None,
        leader: bool = True,
        pid_file: Path | None = None,
        cols: int = 100,
        rows: int = 30,
    ) -> None:
        master, slave = pty.openpty()
        set_size(slave, cols, rows)
        argv = [str(a) for a in argv]
        if not leader:
            assert pid_file is not None
            argv = [sys.executable, "-c", LEADER, str(pid_file), *argv]
        self.process = subprocess.Popen(
            argv,
            stdin=slave if stdin is None else stdin,
            stdout=slave,
            stderr=slave if stderr is None else stderr,
            env=dict(env),
            preexec_fn=_make_controlling,
        )
        os.close(slave)
        self.pid_file = pid_file
        self._attach(self.process.pid, master)

    def poll(self) -> int | None:
        """The raw wait status once the process ended (as os.waitpid gives it), else None."""
        if self.status is None:
            code = self.process.poll()
            if code is not None:
                self.status = -code if code < 0 else code << 8
        return self.status

    def _kill(self) -> None:
        self.process.kill()
        self.process.wait()
        self.poll()

    def app_pid(self, timeout: float = 20.0) -> int:
        """goalcoach's own pid (the leader's child when goalcoach does not lead its session)."""
        if self.pid_file is None:
            return self.pid
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                text = self.pid_file.read_text()
            except FileNotFoundError:
                text = ""
            if text.strip():
                return int(text)
            time.sleep(0.05)
        raise AssertionError("the session leader never started goalcoach")


def running(pid: int) -> bool:
    """True while any thread of pid lives. A zombie whose threads have all ended counts as
    ended; one whose main thread has ended but another is still finishing (a write, an fsync)
    does not: it still holds its files and locks."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    state = fields.get("State", "").split()[:1]
    threads = int(fields.get("Threads", "1").strip() or 1)
    return not (state and state[0] in ("Z", "X") and threads <= 1)


def seconds_until_gone(pid: int, limit: float) -> float | None:
    """How long pid took to end, or None if it was still running after `limit` seconds."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if not running(pid):
            return time.monotonic() - start
        time.sleep(0.05)
    return None if running(pid) else time.monotonic() - start
