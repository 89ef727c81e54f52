"""Run the real `goalcoach` console script inside a pseudo-terminal, the way a person does.

A background thread drains the pty all the time (so the app never blocks on a full pipe) and
keeps everything it wrote; `screen_text()` strips the escape sequences so tests can look for
words. Keys are sent as the bytes a terminal sends.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import threading
import time
from pathlib import Path
from typing import Callable, Mapping, Sequence

KEYS = {
    "enter": b"\r",
    "tab": b"\t",
    "shift+tab": b"\x1b[Z",
    "escape": b"\x1b",
    "backspace": b"\x7f",
    "up": b"\x1b[A",
    "down": b"\x1b[B",
    "right": b"\x1b[C",
    "left": b"\x1b[D",
    "home": b"\x1b[H",
    "end": b"\x1b[F",
    "pageup": b"\x1b[5~",
    "pagedown": b"\x1b[6~",
    "f1": b"\x1bOP",
    "f5": b"\x1b[15~",
    "ctrl+s": b"\x13",
    "ctrl+n": b"\x0e",
    "ctrl+b": b"\x02",
    "ctrl+t": b"\x14",
}

_ESCAPES = re.compile(
    rb"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC ... BEL/ST
    rb"|\x1bP.*?\x1b\\"  # DCS ... ST
    rb"|\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    rb"|\x1b[()][0-9A-Za-z]"  # charset selection
    rb"|\x1b[@-_]",  # other two-byte escapes
    re.DOTALL,
)


def strip_escapes(raw: bytes) -> str:
    return _ESCAPES.sub(b"", raw).decode("utf-8", "replace")


def set_size(fd: int, cols: int, rows: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


class PtyApp:
    def __init__(self, argv: Sequence[str | os.PathLike[str]], env: Mapping[str, str], cols: int = 100, rows: int = 30) -> None:
        argv = [str(a) for a in argv]
        pid, fd = pty.fork()
        if pid == 0:  # pragma: no cover - the child becomes goalcoach
            try:
                set_size(0, cols, rows)
                os.execve(argv[0], argv, dict(env))
            finally:
                os._exit(127)
        set_size(fd, cols, rows)
        self._attach(pid, fd)

    def _attach(self, pid: int, fd: int) -> None:
        """Drain the terminal's master side `fd` (process `pid` writes to its other side) in
        the background, keeping everything it reads."""
        self.pid = pid
        self.fd = fd
        self._raw = bytearray()
        self._lock = threading.Lock()
        self.status: int | None = None
        self._stop = threading.Event()
        self._paused = threading.Event()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while not self._stop.is_set():
            if self._paused.is_set():
                time.sleep(0.02)
                continue
            try:
                ready, _, _ = select.select([self.fd], [], [], 0.05)
                if not ready:
                    continue
                chunk = os.read(self.fd, 65536)
            except OSError:
                break  # EIO: the child closed the terminal
            if not chunk:
                break
            with self._lock:
                self._raw.extend(chunk)

    # -- reading ---------------------------------------------------------------------------------
    @property
    def raw(self) -> bytes:
        with self._lock:
            return bytes(self._raw)

    def mark(self) -> int:
        """A position in the output; `text_since(mark)` shows only what was written after it."""
        with self._lock:
            return len(self._raw)

    def text_since(self, mark: int = 0) -> str:
        with self._lock:
            return strip_escapes(bytes(self._raw[mark:]))

    def stop_reading(self) -> None:
        """Read nothing more from the terminal: what the app writes piles up and then blocks."""
        self._paused.set()

    def pending_output(self) -> int:
        """Bytes the app wrote that nobody has read yet."""
        buf = fcntl.ioctl(self.fd, termios.FIONREAD, b"\0\0\0\0")
        return int.from_bytes(buf, sys.byteorder)

    def wait_for(self, words: str | Sequence[str], timeout: float = 20.0, since: int = 0) -> None:
        wanted = [words] if isinstance(words, str) else list(words)
        self._wait(lambda: all(w in self.text_since(since) for w in wanted), timeout, f"{wanted!r} on screen")

    def wait_quiet(self, quiet: float = 0.2, timeout: float = 20.0) -> None:
        """Wait until the app has drawn nothing new for `quiet` seconds: a key's effects
        (a screen change, focus moving to the next field) are on screen."""
        last = [self.mark(), time.monotonic()]

        def settled() -> bool:
            now = self.mark()
            if now != last[0]:
                last[:] = [now, time.monotonic()]
                return False
            return time.monotonic() - last[1] >= quiet

        self._wait(settled, timeout, "the screen to settle")

    def _wait(self, condition: Callable[[], bool], timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            if self.poll() is not None:
                break
            time.sleep(0.05)
        if condition():
            return
        tail = self.text_since(0)[-3000:]
        raise AssertionError(f"timed out waiting for {what} (exit status {self.status}); screen text:\n{tail}")

    # -- writing ---------------------------------------------------------------------------------
    def send(self, data: bytes | str) -> None:
        os.write(self.fd, data.encode("utf-8") if isinstance(data, str) else data)

    def press(self, *keys: str) -> None:
        for key in keys:
            self.send(KEYS.get(key, key.encode("utf-8")))
            time.sleep(0.05)

    def type(self, text: str, chunk: int = 8) -> None:
        """Type like a person: a few characters at a time, never one giant paste."""
        data = text.encode("utf-8")
        for start in range(0, len(data), chunk):
            os.write(self.fd, data[start : start + chunk])
            time.sleep(0.01)

    def resize(self, cols: int, rows: int) -> None:
        set_size(self.fd, cols, rows)  # the kernel sends SIGWINCH to the app

    # -- ending ----------------------------------------------------------------------------------
    def poll(self) -> int | None:
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
        return self.status

    def signal(self, signum: int) -> None:
        os.kill(self.pid, signum)

    def wait(self, timeout: float = 20.0) -> int:
        self._wait(lambda: self.poll() is not None, timeout, "goalcoach to exit")
        self._reader.join(timeout=5)
        return self.status  # type: ignore[return-value]

    def hang_up(self) -> None:
        """Close our side of the terminal, as a dropped SSH connection does: the kernel sends SIGHUP."""
        self._stop.set()
        self._reader.join(timeout=5)
        os.close(self.fd)
        self.fd = -1

    def close(self) -> None:
        self._stop.set()
        if self.poll() is None:
            self._kill()
        if self.fd >= 0:
            try:
                os.close(self.fd)
            except OSError:
                pass
            self.fd = -1


    def _kill(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)


def exit_description(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"killed by signal {os.WTERMSIG(status)}"
    return f"exit code {os.WEXITSTATUS(status)}"


def data_dir_of(env: Mapping[str, str]) -> Path:
    return Path(env["GOALCOACH_DATA_DIR"])
