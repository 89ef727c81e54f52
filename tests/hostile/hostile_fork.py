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
