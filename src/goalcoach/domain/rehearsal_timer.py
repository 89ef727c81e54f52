"""The rehearsal timer's arithmetic: a pausable countdown read from an injected clock.

No textual here: the widget (widgets/timer.py) only displays what this class computes, so the
counting is tested with a fake clock instead of sleeping.
"""

from __future__ import annotations

import time
from typing import Callable

DEFAULT_SECONDS = 90.0


class RehearsalTimer:
    """A countdown that can be started, paused and reset, and keeps counting past zero.

    `elapsed` is the time it has run in total (paused stretches excluded); `remaining` goes
    negative once the time is up, so the display can say by how much the answer ran over.
    """

    def __init__(self, duration: float = DEFAULT_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        if duration <= 0:
            raise ValueError("duration must be positive")
        self.duration = float(duration)
        self.clock = clock
        self._banked = 0.0  # time run before the current stretch
        self._started_at: float | None = None  # clock reading when the current stretch began

    @property
    def running(self) -> bool:
        return self._started_at is not None

    @property
    def elapsed(self) -> float:
        if self._started_at is None:
            return self._banked
        # max(): a clock that steps back must not make time run backwards
        return self._banked + max(0.0, self.clock() - self._started_at)

    @property
    def remaining(self) -> float:
        return self.duration - self.elapsed

    @property
    def expired(self) -> bool:
        return self.elapsed >= self.duration

    @property
    def used(self) -> bool:
        """Whether the timer has run at all since the last reset."""
        return self.running or self._banked > 0

    def start(self) -> None:
        if self._started_at is None:
            self._started_at = self.clock()

    def pause(self) -> None:
        if self._started_at is not None:
            self._banked = self.elapsed
            self._started_at = None

    def toggle(self) -> bool:
        """Start if paused, pause if running; returns whether it now runs."""
        if self.running:
            self.pause()
        else:
            self.start()
        return self.running

    def reset(self) -> None:
        self._banked = 0.0
        self._started_at = None
