"""Every way the terminal can be taken from goalcoach saves what was typed, and the process ends.

Each test starts the real `goalcoach`, opens the builder, types a sentence and waits until it is
on screen (so the app has it), then ends the session one way: SIGINT, end of input, a broken
output pipe (EPIPE), the terminal closing while output is still pending, the terminal closing
when goalcoach does not lead its session (so no SIGHUP comes), or the input failing inside
the driver. Then: the sentence is in the profile, and the process is gone within 3 seconds.
"""

from __future__ import annotations

import os
import signal
import socket
import time

import pytest

from goalcoach.profile import Profile
from hostile_session import Session, running, seconds_until_gone
from hostile_term import data_dir_of, exit_description

pytestmark = [pytest.mark.hostile, pytest.mark.slow]

TYPED = "I want to run the night shift well zebracorn"
GONE_WITHIN = 3.0  # seconds after the terminal is lost


def _open_builder_and_type(app: Session) -> None:
    app.wait_for("Answer builder")
    mark = app.mark()
    app.press("2")
    app.wait_for("Your answer", since=mark)
    app.wait_for("^q Quit", since=mark)
    time.sleep(0.5)  # a person's pause before typing: the editor takes focus after the first paint
    mark = app.mark()
    app.type(TYPED)
    app.wait_for(TYPED[-20:], since=mark)


def _saved_text(env) -> str:
    draft = Profile.open(data_dir_of(env)).draft("builder")
    return draft["text"] if draft else ""


def _check(app: Session, env, pid: int, started: float) -> None:
    took = seconds_until_gone(pid, GONE_WITHIN - (time.monotonic() - started))
    problems = []
    if took is None:
        problems.append(f"goalcoach (pid {pid}) was still running {GONE_WITHIN}s after losing its terminal")
    app.close()
    if running(pid):
        os.kill(pid, signal.SIGKILL)
    if "Traceback" in app.text_since(0):
        problems.append("a traceback was shown: " + app.text_since(0)[-800:])
    saved = _saved_text(env)
    if TYPED not in saved:
        problems.append(f"the typed text was lost (saved: {saved[:80]!r})")
    assert not problems, "; ".join(problems)


def test_sigkill_while_typing_loses_at_most_half_a_second(goalcoach_exe, child_env, seed):
    """No handler runs on SIGKILL: only what was already on disk survives. Typing goes on right
    up to the kill, so no pause lets an autosave help."""
    import random

    from goalcoach.profile.journal import recover

    rng = random.Random(seed)
    full = (TYPED + " ") * 8
    app = Session([goalcoach_exe], child_env)
    sent: list[tuple[float, int]] = []
    try:
        _open_builder_and_type(app)
        start, typed = time.monotonic(), 0
        kill_after = rng.uniform(1.0, 2.5)
        while typed < len(full) and time.monotonic() - start < kill_after:
            app.send(full[typed : typed + 2])
            typed += 2
            sent.append((time.monotonic(), typed))
            time.sleep(0.12)
        killed_at = time.monotonic()
        app.signal(signal.SIGKILL)
        app.wait(timeout=GONE_WITHIN)
    finally:
        app.close()
    profile = Profile.open(data_dir_of(child_env))
    recover(profile)
    saved = (profile.draft("builder") or {}).get("text", "")
    must_keep = len(TYPED) + max((n for when, n in sent if when <= killed_at - 0.5), default=0)
    typed_text = TYPED + full[:typed]
    assert typed_text.startswith(saved), f"saved text is not what was typed: {saved!r}"
    assert len(saved) >= must_keep, f"kept {len(saved)} characters; {must_keep} were typed more than 0.5 s before the kill"


def test_sigint_saves_and_exits(goalcoach_exe, child_env):
    app = Session([goalcoach_exe], child_env)
    try:
        _open_builder_and_type(app)
        app.signal(signal.SIGINT)
        status = app.wait(timeout=GONE_WITHIN)
        assert exit_description(status) == "exit code 0"
    finally:
        app.close()
    assert "Traceback" not in app.text_since(0)
    assert TYPED in _saved_text(child_env)


def test_end_of_input_saves_and_exits(goalcoach_exe, child_env):
    """stdin is a pipe (keys arrive through it); the pipe closes: end of input."""
    keys_read, keys_write = os.pipe()
    app = Session([goalcoach_exe], child_env, stdin=keys_read)
    os.close(keys_read)
    app.fd_keys = keys_write
    try:
        app.send = lambda data: os.write(keys_write, data.encode() if isinstance(data, str) else data)  # type: ignore[method-assign]
        app.type = lambda text, chunk=8: [os.write(keys_write, text[i : i + chunk].encode()) for i in range(0, len(text), chunk)]  # type: ignore[method-assign]
        _open_builder_and_type(app)
        started = time.monotonic()
        os.close(keys_write)
        _check(app, child_env, app.pid, started)
    finally:
        app.close()


def test_broken_output_pipe_saves_and_exits(goalcoach_exe, child_env):
    """The screen goes through a pipe whose reader dies: the next repaint fails with EPIPE."""
    screen_read, screen_write = os.pipe()
    app = Session([goalcoach_exe], child_env, stderr=screen_write)
    os.close(screen_write)
    chunks = bytearray()
    try:
        # Textual draws on stderr: read the pipe to see the screen.
        app.text_since = lambda mark=0: _strip(bytes(chunks[mark:]))  # type: ignore[method-assign]
        app.mark = lambda: len(chunks)  # type: ignore[method-assign]

        def pump_until(words: str, since: int = 0) -> None:
            deadline = time.monotonic() + 30
            while words not in _strip(bytes(chunks[since:])) and time.monotonic() < deadline:
                import select

                ready, _, _ = select.select([screen_read], [], [], 0.1)
                if ready:
                    chunks.extend(os.read(screen_read, 65536))
            assert words in _strip(bytes(chunks[since:])), f"{words!r} never drawn"

        pump_until("Answer builder")
        mark = len(chunks)
        app.press("2")
        pump_until("Your answer", mark)
        pump_until("^q Quit", mark)
        time.sleep(0.5)
        mark = len(chunks)
        app.type(TYPED)
        pump_until(TYPED[-20:], mark)
        os.close(screen_read)  # the reader is gone
        started = time.monotonic()
        app.press("x")  # the repaint of this key fails with EPIPE
        took = seconds_until_gone(app.pid, GONE_WITHIN)
        assert took is not None, "goalcoach kept running after its screen's pipe broke"
    finally:
        app.close()
    assert TYPED in _saved_text(child_env)


def _strip(raw: bytes) -> str:
    from hostile_term import strip_escapes

    return strip_escapes(raw)


def test_terminal_closes_while_output_is_pending(goalcoach_exe, child_env, tmp_path):
    """Nobody reads the terminal any more (a stalled connection), the app's repaints pile up
    and block, then the terminal closes; goalcoach does not lead its session, so only the dead
    terminal tells it (a multiplexer's pane destroyed in the middle of a repaint)."""
    app = Session([goalcoach_exe], child_env, leader=False, pid_file=tmp_path / "goalcoach.pid")
    try:
        _open_builder_and_type(app)
        app.stop_reading()
        for cols, rows in [(120, 40), (90, 28), (130, 45), (100, 30)] * 3:
            app.resize(cols, rows)  # each resize repaints the whole screen
            app.type(" more")
        deadline = time.monotonic() + 10
        while app.pending_output() < 2048 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert app.pending_output() >= 2048, "the app's output never piled up"
        pid = app.app_pid()
        started = time.monotonic()
        app.hang_up()
        _check(app, child_env, pid, started)
    finally:
        app.close()


def test_terminal_closes_when_goalcoach_does_not_lead_its_session(goalcoach_exe, child_env, tmp_path):
    """The session leader ignores SIGHUP, so goalcoach gets none: it must notice the dead
    terminal by itself."""
    app = Session([goalcoach_exe], child_env, leader=False, pid_file=tmp_path / "goalcoach.pid")
    try:
        _open_builder_and_type(app)
        pid = app.app_pid()
        started = time.monotonic()
        app.hang_up()
        _check(app, child_env, pid, started)
    finally:
        app.close()


def test_idle_app_exits_when_its_terminal_closes_without_sighup(goalcoach_exe, child_env, tmp_path):
    """Nothing is being drawn (idle means no bytes), so no write can fail: still it ends."""
    app = Session([goalcoach_exe], child_env, leader=False, pid_file=tmp_path / "goalcoach.pid")
    try:
        app.wait_for("Answer builder")
        pid = app.app_pid()
        started = time.monotonic()
        app.hang_up()
        took = seconds_until_gone(pid, GONE_WITHIN - (time.monotonic() - started))
        if running(pid):
            os.kill(pid, signal.SIGKILL)
        assert took is not None, f"an idle goalcoach was still running {GONE_WITHIN}s after its terminal closed"
    finally:
        app.close()


def test_input_failing_inside_the_driver_saves_and_exits(goalcoach_exe, child_env):
    """Keys come through a TCP connection that is reset: reading them raises inside Textual's
    input thread (an exception in the driver)."""
    server = socket.create_server(("127.0.0.1", 0))
    client = socket.create_connection(server.getsockname())
    conn, _ = server.accept()
    server.close()
    app = Session([goalcoach_exe], child_env, stdin=conn.fileno())
    conn.close()
    try:
        app.send = lambda data: client.sendall(data.encode() if isinstance(data, str) else data)  # type: ignore[method-assign]
        app.type = lambda text, chunk=8: [client.sendall(text[i : i + chunk].encode()) for i in range(0, len(text), chunk)]  # type: ignore[method-assign]
        _open_builder_and_type(app)
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        started = time.monotonic()
        client.close()  # linger 0: a reset, so the app's next read fails with ECONNRESET
        _check(app, child_env, app.pid, started)
    finally:
        client.close()
        app.close()
