"""The home screen's stats at a glance: attempts this week, latest score, what to practise next.

Reads the profile and content, so call it from a thread worker after the first paint.
Returns rich Text (user text never passes through markup).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Mapping

from rich.text import Text

from goalcoach.domain.practise_next import Suggestion, practise_next
from goalcoach.domain import progress as pm
from goalcoach.domain.assessment import ASSESSMENT_SECTIONS, assessment_started, unfinished_parts
from goalcoach.domain.target import target_stage

RECENT = 500

# The keys the texts name, by section (and Progress's "practise next"); Home passes the keys
# really bound (the person's keymap), these are the defaults.
DEFAULT_KEYS = {"assessment": "1", "builder": "2", "practice": "3", "drill": "4", "progress": "5", "practise_next": "p"}


def suggestion_for(profile: Any, attempts: list[dict[str, Any]], now: datetime) -> Suggestion | None:
    """What to practise next, from the profile's history and the installed content."""
    from goalcoach.content import load_drills, load_scenario_sets, load_template

    drills, _ = load_drills()
    sets, _ = load_scenario_sets()
    stage = target_stage(profile)
    return practise_next(attempts, drills, sets, now, preferred_stage=stage,
                            target=profile.section("target") or {}, fields=load_template().fields)


def streaks_on(profile: Any) -> bool:
    return bool(profile.setting("streaks", False))


def first_steps(profile: Any, keys: Mapping[str, str]) -> Text:
    """Before any attempt: the next step the profile is really at (assessment, answer, practice)."""
    sections = {name: profile.section(name) for name in ASSESSMENT_SECTIONS}
    gaps = unfinished_parts(sections)
    draft = profile.draft("builder") or {}
    has_answer = bool(profile.versions()) or bool(str(draft.get("text") or "").strip())
    text = Text()
    text.append("No attempts yet. ", style="bold")
    if has_answer:
        text.append(f"Your answer is in the builder (press {keys['builder']}): practise it against a scenario "
                    f"(press {keys['practice']}) or save a version of it.")
    elif not gaps:
        text.append("Your self-assessment is complete: ", style="bold")
        text.append(f"build your answer from it (press {keys['builder']}), then practise it (press {keys['practice']}).")
    elif assessment_started(sections):
        text.append(f"Finish the self-assessment (press {keys['assessment']}): {_and(gaps)} still to fill in. "
                    f"Or build your answer now (press {keys['builder']}).")
    else:
        text.append(f"Start with the self-assessment (press {keys['assessment']}), "
                    f"then build your answer (press {keys['builder']}).")
    return text


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def home_stats_text(profile: Any, now: datetime | None = None, keys: Mapping[str, str] | None = None) -> Text:
    now = now or datetime.now().astimezone()
    keys = {**DEFAULT_KEYS, **(keys or {})}
    # The recent past is all the glance needs; a year of history must not slow the start.
    attempts = profile.recent_attempts(RECENT)
    stats = pm.week_stats(attempts, now)
    text = Text()
    if not attempts:
        # Nothing to analyse yet: point at the next step the profile is really at.
        return first_steps(profile, keys)
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
        text.append(suggestion.lead)
        text.append(suggestion.title or suggestion.target_id, style="italic")
        text.append(f" (press {keys['progress']}, then {keys['practise_next']})", style="dim")
    return text
