"""How long something took or has left, as the person reads it everywhere: m:ss."""

from __future__ import annotations

from typing import Any

NO_TIME = "—"


def format_duration(seconds: Any, *, round_up: bool = False) -> str:
    """'m:ss' of a number of seconds ('—' when there is none). `round_up` is for countdowns:
    '0:00' appears only when the time is really up."""
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or seconds != seconds:
        return NO_TIME
    seconds = max(0.0, float(seconds))
    whole = int(-(-seconds // 1)) if round_up else int(round(seconds))
    minutes, secs = divmod(whole, 60)
    return f"{minutes}:{secs:02d}"
