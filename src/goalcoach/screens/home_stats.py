"""The home screen's stats at a glance: attempts this week, latest score, what to practise next.

Reads the profile and content, so call it from a thread worker after the first paint.
Returns rich Text (user text never passes through markup).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.text import Text

from goalcoach.domain import progress as pm
from goalcoach.domain.target import target_stage

RECENT = 500


def suggestion_for(profile: Any, attempts: list[dict[str, Any]], now: datetime) -> pm.Suggestion | None:
    """What to practise next, from the profile's history and the installed content."""
    from goalcoach.content import load_drills, load_scenario_sets

    drills, _ = load_drills()
    sets, _ = load_scenario_sets()
    stage = target_stage(profile)
    return pm.practise_next(attempts, drills, sets, now, preferred_stage=stage)


def streaks_on(profile: Any) -> bool:
    return bool(profile.setting("streaks", False))


def home_stats_text(profile: Any, now: datetime | None = None) -> Text:
    now = now or datetime.now().astimezone()
    # The recent past is all the glance needs; a year of history must not slow the start.
    attempts = profile.recent_attempts(RECENT)
    stats = pm.week_stats(attempts, now)
    text = Text()
    if not attempts:
        # Nothing to analyse yet: point at the natural first steps rather than a random drill.
        text.append("No attempts yet. ", style="bold")
        text.append("Start with the self-assessment (press 1), then build your answer (press 2).")
        return text
    else:
        text.append(f"{stats.this_week}", style="bold")
        text.append(" attempt" + ("" if stats.this_week == 1 else "s") + " this week")
        if stats.latest_score is not None:
            text.append(" · latest score ")
            text.append(f"{stats.latest_score}/100", style="bold")
    if streaks_on(profile):
        days = pm.streak(attempts, now)
        text.append(f" · streak {days} day" + ("" if days == 1 else "s"))
    suggestion = suggestion_for(profile, attempts, now)
    if suggestion is not None:
        text.append("\nPractise next: ", style="bold")
        text.append("drill " if suggestion.kind == "drill" else "scenario ")
        text.append(suggestion.title or suggestion.target_id, style="italic")
        text.append(" (press 5, then p)", style="dim")
    return text
