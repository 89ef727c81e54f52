"""TimerDisplay: shows a RehearsalTimer as 'mm:ss left' and warns once the time is up; once
an answer is in, it says how long the answer took instead, until the timer is reset.

It repaints about once a second, and only while the timer runs: paused or idle, it owns no
interval, so an idle screen sends nothing over the wire.
"""

from __future__ import annotations

from rich.text import Text
from textual.timer import Timer
from textual.widgets import Static

from goalcoach.domain.duration import format_duration
from goalcoach.domain.rehearsal_timer import RehearsalTimer

TICK_SECONDS = 1.0


class TimerDisplay(Static):
    DEFAULT_CSS = """
    TimerDisplay { width: auto; height: 1; padding: 0 1; color: $text-muted; }
    TimerDisplay.-running { color: $text; text-style: bold; }
    TimerDisplay.-over { color: $warning; text-style: bold; }
    """

    def __init__(self, timer: RehearsalTimer, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes, markup=False)
        self.timer = timer
        self._ticker: Timer | None = None
        self._answered_in: float | None = None  # set once an answer is in, until a reset

    def on_mount(self) -> None:
        self.refresh_time()

    def on_unmount(self) -> None:
        self._stop_ticking()

    # -- commands from the screen ------------------------------------------------------------
    def start(self) -> None:
        self._answered_in = None
        self.timer.start()
        self._sync()

    def pause(self) -> None:
        self.timer.pause()
        self._sync()

    def toggle(self) -> None:
        self._answered_in = None
        self.timer.toggle()
        self._sync()

    def reset(self) -> None:
        self._answered_in = None
        self.timer.reset()
        self._sync()

    def answered(self, seconds: float) -> None:
        """The answer is in after `seconds` (timed or not): stop and say so, until reset."""
        self.timer.pause()
        self._answered_in = max(0.0, seconds)
        self._sync()

    # -- display -----------------------------------------------------------------------------
    def _sync(self) -> None:
        if self.timer.running and self._ticker is None:
            self._ticker = self.set_interval(TICK_SECONDS, self.refresh_time)
        elif not self.timer.running:
            self._stop_ticking()
        self.refresh_time()

    def _stop_ticking(self) -> None:
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None

    @property
    def ticking(self) -> bool:
        """Whether a repaint interval is active (only while the timer runs)."""
        return self._ticker is not None

    @property
    def over_time(self) -> bool:
        if self._answered_in is not None:
            return self._answered_in > self.timer.duration
        return self.timer.expired

    def render_text(self) -> Text:
        timer = self.timer
        if self._answered_in is not None:
            took, limit = self._answered_in, timer.duration
            line = Text(f"⏱ answered in {format_duration(took)}")
            if took > limit:
                line.append(f" · {format_duration(took - limit)} over {format_duration(limit)}")
            else:
                line.append(f" of {format_duration(limit)}")
            return line
        remaining = timer.remaining
        if remaining < 0:
            line = Text(f"⏱ over by {format_duration(-remaining, round_up=True)}")
        else:
            line = Text(f"⏱ {format_duration(remaining, round_up=True)} left")
        if timer.running:
            line.append(" · running")
        elif timer.used:
            line.append(" · paused")
        else:
            line.append(" · not started")
        return line

    def refresh_time(self) -> None:
        self.set_class(self.timer.running and not self.timer.expired, "-running")
        self.set_class(self.over_time, "-over")
        self.update(self.render_text())
