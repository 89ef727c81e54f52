"""Run a function in a forked child and get back what it returned (or the exception it raised).

Forking keeps the test fast and lets the child change process-wide state the parent must
keep: resource limits (RLIMIT_FSIZE for a disk that fills mid-write), signal handlers, or an
os function replaced by a fault injector that kills the process at a chosen step.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import traceback
from typing import Any, Callable

_REAL_WRITE = os.write  # the report to the parent must not count as a step of the save


def in_child(function: Callable[[], Any], timeout: float = 60.0) -> dict[str, Any]:
    """{"result": ..., "stdout": ..., "stderr": ...}, or {"error": traceback}, or {"signal": n}."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_fd)
        out, err = io.StringIO(), io.StringIO()
        report: dict[str, Any]
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                result = function()
            report = {"result": result}
        except BaseException:  # noqa: BLE001 - hand everything to the parent
            report = {"error": traceback.format_exc()}
        report.update(stdout=out.getvalue(), stderr=err.getvalue())
        data = json.dumps(report, default=str).encode()
        while data:
            data = data[_REAL_WRITE(write_fd, data):]
        os._exit(0)
    os.close(write_fd)
    chunks = []
    import select

    while True:
        ready, _, _ = select.select([read_fd], [], [], timeout)
        if not ready:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(read_fd)
            raise TimeoutError(f"the child did not finish in {timeout}s")
        chunk = os.read(read_fd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(read_fd)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        return {"signal": os.WTERMSIG(status)}
    return json.loads(b"".join(chunks))


class KillAtStep:
    """Count the file-system calls a save makes; SIGKILL the process just before call number `at`."""

    CALLS = ("write", "fsync", "replace", "rename", "unlink", "ftruncate")

    def __init__(self, at: int) -> None:
        self.at = at
        self.count = 0
        for name in self.CALLS:
            real = getattr(os, name)
            setattr(os, name, self._wrap(real))

    def _wrap(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            if self.count == self.at:
                os.kill(os.getpid(), signal.SIGKILL)
            self.count += 1
            return real(*args, **kwargs)

        return call


class Session:
    """A goalcoach session in its own process: the parent calls its Profile's methods one at a
    time (session.call("update_section", "values", items=[...])), so two sessions interleave
    exactly as a test says, like two SSH logins of the same person."""

    def __init__(self, data_dir: str) -> None:
        self._to_child_r, self._to_child_w = os.pipe()
        self._from_child_r, self._from_child_w = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # pragma: no cover - the child
            self._serve(data_dir)
        os.close(self._to_child_r)
        os.close(self._from_child_w)
        self._replies = os.fdopen(self._from_child_r, "rb")

    def _serve(self, data_dir: str) -> None:  # pragma: no cover - the child
        from goalcoach.profile import Profile

        os.close(self._to_child_w)
        os.close(self._from_child_r)
        commands = os.fdopen(self._to_child_r, "rb")
        profile = Profile.open(data_dir)
        for line in commands:
            name, args, kwargs = json.loads(line)
            if name == "exit":
                break
            try:
                reply = {"result": getattr(profile, name)(*args, **kwargs)}
            except BaseException:  # noqa: BLE001
                reply = {"error": traceback.format_exc()}
            data = json.dumps(reply, default=str).encode() + b"\n"
            while data:
                data = data[_REAL_WRITE(self._from_child_w, data):]
        os._exit(0)

    def call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        os.write(self._to_child_w, json.dumps([name, args, kwargs]).encode() + b"\n")
        reply = json.loads(self._replies.readline())
        if "error" in reply:
            raise AssertionError(f"the session failed:\n{reply['error']}")
        return reply["result"]

    def close(self) -> None:
        # An explicit exit: another session's child may hold this pipe open, so EOF never comes.
        os.write(self._to_child_w, json.dumps(["exit", [], {}]).encode() + b"\n")
        os.close(self._to_child_w)
        self._replies.close()
        os.waitpid(self.pid, 0)
