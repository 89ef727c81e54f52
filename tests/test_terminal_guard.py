"""The terminal guard: a failed screen write or an ended input asks the app to end (once), and
a process stuck after that is ended by the deadline, having written what was pending."""

from __future__ import annotations

import errno
import io
import os
import select

from goalcoach.terminal_guard import TerminalGuard, _at_end


class DeadTerminal(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        raise OSError(errno.EIO, "Input/output error")


def test_a_failed_screen_write_ends_the_session_once_and_later_writes_are_dropped():
    ends: list[str] = []
    guard = TerminalGuard(ends.append, lambda: None, grace_seconds=60)
    try:
        screen = DeadTerminal()
        output = guard.guard_output(screen)
        assert output.write("frame one") == len("frame one")  # no exception reaches the driver
        output.write("frame two")
        output.flush()
        assert ends == ["the terminal stopped taking output"]
        assert guard.terminal_lost
        assert screen.writes == 1  # nothing more is tried on a dead terminal
    finally:
        guard.stop()


def test_input_ends_only_once_everything_sent_was_read():
    read_end, write_end = os.pipe()
    try:
        assert not _at_end(read_end)  # open, nothing sent
        os.write(write_end, b"keys")
        os.close(write_end)
        write_end = -1
        assert not _at_end(read_end)  # closed, but keys are still waiting to be read
        os.read(read_end, 10)
        assert _at_end(read_end)
    finally:
        os.close(read_end)
        if write_end >= 0:
            os.close(write_end)


def test_a_stuck_process_is_ended_by_the_deadline_after_its_last_words():
    report_read, report_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child: asks to end, then never does
        guard = TerminalGuard(lambda reason: None, lambda: os.write(report_write, b"saved"), grace_seconds=0.2)
        guard.end("test")
        select.select([], [], [], 60)
        os._exit(3)
    os.close(report_write)
    ready, _, _ = select.select([report_read], [], [], 30)
    said = os.read(report_read, 10) if ready else b""
    _, status = os.waitpid(pid, 0)
    os.close(report_read)
    assert said == b"saved"
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
