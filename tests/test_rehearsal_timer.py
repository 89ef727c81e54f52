"""The rehearsal timer counts with an injected clock: start, pause, reset, expiry."""

from __future__ import annotations

import pytest

from goalcoach.domain.duration import format_duration
from goalcoach.domain.rehearsal_timer import RehearsalTimer
from goalcoach_test_support import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_idle_timer_has_full_time_and_does_not_count(clock):
    timer = RehearsalTimer(clock=clock)
    clock.advance(50)
    assert timer.duration == 90
    assert not timer.running and not timer.used
    assert timer.elapsed == 0 and timer.remaining == 90


def test_counts_while_running(clock):
    timer = RehearsalTimer(60, clock=clock)
    timer.start()
    clock.advance(20)
    assert timer.running
    assert timer.elapsed == 20 and timer.remaining == 40


def test_pause_freezes_and_resume_continues(clock):
    timer = RehearsalTimer(60, clock=clock)
    timer.start()
    clock.advance(10)
    timer.pause()
    clock.advance(100)  # paused time does not count
    assert timer.elapsed == 10 and not timer.running and timer.used
    timer.start()
    clock.advance(5)
    assert timer.elapsed == 15


def test_start_twice_does_not_restart(clock):
    timer = RehearsalTimer(clock=clock)
    timer.start()
    clock.advance(7)
    timer.start()
    clock.advance(3)
    assert timer.elapsed == 10


def test_toggle_alternates(clock):
    timer = RehearsalTimer(clock=clock)
    assert timer.toggle() is True
    clock.advance(4)
    assert timer.toggle() is False
    assert timer.elapsed == 4


def test_reset_clears_everything(clock):
    timer = RehearsalTimer(clock=clock)
    timer.start()
    clock.advance(30)
    timer.reset()
    assert not timer.running and not timer.used
    assert timer.elapsed == 0 and timer.remaining == 90


def test_expires_and_keeps_counting_over(clock):
    timer = RehearsalTimer(90, clock=clock)
    timer.start()
    clock.advance(89)
    assert not timer.expired
    clock.advance(1)
    assert timer.expired
    clock.advance(12)
    assert timer.remaining == -12


def test_clock_stepping_back_never_makes_time_negative(clock):
    timer = RehearsalTimer(clock=clock)
    timer.start()
    clock.advance(-5)
    assert timer.elapsed == 0


def test_duration_must_be_positive():
    with pytest.raises(ValueError):
        RehearsalTimer(0)


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(90, "1:30"), (0, "0:00"), (0.2, "0:01"), (59.5, "1:00"), (61, "1:01"), (-3, "0:00"), (3600, "60:00")],
)
def test_a_countdown_shows_zero_only_when_time_is_up(seconds, shown):
    assert format_duration(seconds, round_up=True) == shown
