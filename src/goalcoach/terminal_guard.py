"""Notice every way the session can end, and make sure the process ends soon after.

A terminal can go without a word: when an SSH connection drops and goalcoach does not lead its
session, no SIGHUP comes; an idle app writes nothing, so no write fails either. So a watcher
thread looks at the terminal a few times a second (a hung-up terminal stops being a tty; a
closed input pipe or socket reports a hang-up with nothing left to read), failed writes to the
screen are caught where they happen, and SIGHUP, SIGTERM and SIGINT are handled. Each of these
asks the app to save and exit; and because the app can be stuck on the dead terminal, a
deadline thread then writes what is pending and ends the process if it is still there a
moment later. Never imports textual.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import sys
import termios
import threading
from typing import Any, Callable, TextIO

POLL_SECONDS = 0.2
GRACE_SECONDS = 2.0  # after the end is asked for; with POLL_SECONDS, well inside 3 s
SIGNALS = {signal.SIGHUP: "hang-up", signal.SIGTERM: "terminate", signal.SIGINT: "interrupt"}


class TerminalGuard:
    def __init__(
        self,
        end_session: Callable[[str], None],
        last_words: Callable[[], None],
        *,
        poll_seconds: float = POLL_SECONDS,
        grace_seconds: float = GRACE_SECONDS,
    ) -> None:
        """end_session(reason) asks the app to save and exit (called from any thread or a signal
        handler); last_words() writes what is pending just before the process is ended."""
        self._end_session = end_session
        self._last_words = last_words
        self.poll_seconds = poll_seconds
        self.grace_seconds = grace_seconds
        self.reason: str | None = None
        self.terminal_lost = False
        self._once = threading.Lock()
        self._stop = threading.Event()
        self._previous: dict[int, Any] = {}
        self._watcher: threading.Thread | None = None

    # -- setting up -------------------------------------------------------------------------------
    def start(self, fds: tuple[int, ...] = (0, 1, 2)) -> None:
        """Handle the signals (call from the main thread) and start watching the terminal."""
        for signum in SIGNALS:
            self._previous[signum] = signal.signal(signum, self._on_signal)
        ttys = [fd for fd in fds if _isatty(fd)]
        streams = [fd for fd in fds[:1] if fd not in ttys]  # input from a pipe or a socket
        self._watcher = threading.Thread(target=self._watch, args=(ttys, streams), name="goalcoach-terminal-watch", daemon=True)
        self._watcher.start()

    def stop(self) -> None:
        self._stop.set()
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        self._previous.clear()

    def guard_output(self, stream: TextIO) -> "GuardedOutput":
        return GuardedOutput(stream, self)

    # -- noticing -----------------------------------------------------------------------------------
    def _on_signal(self, signum: int, frame: Any) -> None:
        if signum == signal.SIGHUP:
            self.terminal_lost = True
        self.end(SIGNALS.get(signum, str(signum)))

    def _watch(self, ttys: list[int], streams: list[int]) -> None:
        while not self._stop.wait(self.poll_seconds):
            if any(not _isatty(fd) for fd in ttys):
                self.lose("the terminal closed")
                return
            if any(_at_end(fd) for fd in streams):
                self.lose("the input ended")
                return

    def lose(self, reason: str) -> None:
        """The terminal is gone: nothing more can be shown or typed."""
        self.terminal_lost = True
        self.end(reason)

    def end(self, reason: str) -> None:
        """Ask the app to save and exit; end the process after the grace period whatever happens.
        Safe from any thread and from a signal handler; only the first call counts."""
        if not self._once.acquire(blocking=False):
            return
        self.reason = reason
        threading.Thread(target=self._deadline, name="goalcoach-deadline", daemon=True).start()
        try:
            self._end_session(reason)
        except Exception:  # noqa: BLE001 - the deadline still saves and ends the process
            pass

    def _deadline(self) -> None:
        if self._stop.wait(self.grace_seconds):
            return  # the app ended by itself
        try:
            self._last_words()
        finally:
            os._exit(0)


class GuardedOutput:
    """The screen's output stream: a write that fails (EIO, EPIPE) means the terminal is gone.
    The failure is reported once and later writes are dropped, so nothing ever blocks or
    raises on a terminal nobody can see."""

    def __init__(self, stream: TextIO, guard: TerminalGuard) -> None:
        self._stream = stream
        self._guard = guard
        self._failed = False

    def write(self, text: str) -> int:
        if not self._failed:
            try:
                self._stream.write(text)
            except (OSError, ValueError):
                self._fail()
        return len(text)

    def flush(self) -> None:
        if not self._failed:
            try:
                self._stream.flush()
            except (OSError, ValueError):
                self._fail()

    def _fail(self) -> None:
        self._failed = True
        self._guard.lose("the terminal stopped taking output")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _isatty(fd: int) -> bool:
    try:
        return os.isatty(fd)
    except OSError:
        return False


def _at_end(fd: int) -> bool:
    """A pipe or socket whose other end closed, once everything sent has been read."""
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    try:
        events = poller.poll(0)
    except OSError:
        return True
    if not any(mask & (select.POLLHUP | select.POLLERR | select.POLLNVAL) for _, mask in events):
        return False
    try:
        unread = int.from_bytes(fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"), sys.byteorder)
    except OSError:
        return True
    return unread == 0
