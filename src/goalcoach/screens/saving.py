"""Profile writes off the UI thread: keys never wait for the lock (up to 15 s while another
goalcoach session saves) or for fsync.

Each write joins a lane (a section, the attempts log, one editor's draft); a lane's writes run
one after another, in the order they were asked for, in a Textual thread worker. Different
lanes run side by side: the profile lock keeps them apart on disk. The outcome comes back to
the UI thread as a message, where a failure is shown (the text stays on screen) and any notice
of another session's change is passed on.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Callable

from textual.message import Message

from goalcoach.profile import ProfileError

Job = Callable[[], Any]
Done = Callable[[Any], None]
Failed = Callable[[str], None]


@dataclass
class Pending:
    job: Job
    then: Done | None = None
    failed: Failed | None = None
    done: threading.Event = field(default_factory=threading.Event)


class SaveFinished(Message):
    """A queued write finished (on the UI thread): `error` is None when it was saved."""

    def __init__(self, lane: str, pending: Pending, result: Any, error: str | None, notices: list[str]) -> None:
        super().__init__()
        self.lane = lane
        self.pending = pending
        self.result = result
        self.error = error
        self.notices = notices


class SaveQueue:
    """Lanes of pending writes, each drained by one thread worker at a time."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self._guard = threading.Lock()
        self._lanes: dict[str, deque[Pending]] = {}
        self._busy: set[str] = set()
        self._stopped = False

    def stop_taking(self) -> None:
        """Leaving: writes not started yet are dropped (their text is still in the journal)."""
        with self._guard:
            self._stopped = True

    def submit(self, lane: str, pending: Pending) -> None:
        with self._guard:
            self._lanes.setdefault(lane, deque()).append(pending)
            if lane in self._busy:
                return  # the lane's worker picks it up after the writes before it
            self._busy.add(lane)
        # exit_on_error=False: a failed write is reported, never a reason to close the app.
        self.app.run_worker(
            partial(self._drain, lane), thread=True, group="saves", name=f"save {lane}", exit_on_error=False
        )

    @property
    def stopped(self) -> bool:
        return self._stopped

    def busy(self) -> bool:
        with self._guard:
            return bool(self._busy)

    def _drain(self, lane: str) -> None:
        queue = self._lanes[lane]
        with self._guard:
            if self._stopped:
                queue.clear()
            if not queue:
                self._busy.discard(lane)
                return
        while True:
            with self._guard:
                pending = queue.popleft()
            result, error = None, None
            try:
                result = pending.job()
            except ProfileError as problem:  # full disk, lock held too long, read-only: one line
                error = str(problem)
            except Exception as problem:  # noqa: BLE001 - a bug in one write must not stop the lane
                error = f"unexpected error ({type(problem).__name__}); your text is still on screen"
            notices = self.app.profile.take_notices()
            pending.done.set()
            with self._guard:
                if self._stopped:
                    queue.clear()
                idle = not queue
                if idle:  # before the message, so busy() is already true to it
                    self._busy.discard(lane)
            self.app.post_message(SaveFinished(lane, pending, result, error, notices))
            if idle:
                return
