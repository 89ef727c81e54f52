"""A profile whose every user-written field holds hostile text, and a way to read the screen.

Each MARK is text a person might type that Textual or Rich would treat as markup or that a
terminal would treat as a command; the screens must show it literally. `screen_text` reads what
is really on screen from Textual's own screenshot (the SVG's text runs, row by row).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from goalcoach.profile import Profile
from goalcoach_test_support import screen_text  # noqa: F401 - the hostile tests import it from here

FIXED = "2026-11-02T09:00:00+00:00"
ESC = "\x1b"

MARKS = {
    "role": "Nurse [/] lead",
    "organisation": "[@click=app.quit]Acme[/]",
    "mission": "care [link=file:///etc/passwd]pw[/link] well",
    "value": "[bold]honesty",
    "skill": "[red]triage[/red]",
    "goal": "lead [b]ward[/b]",
    "version": "v1 [/] [@click=app.quit]",
    "scenario": "[@click=app.exit]Title[/]",
}
# Escape sequences and control characters: the screen must not pass them to the terminal.
CONTROL = "\x1b[31mred\x1b[0m \x1b]8;;file:///etc/passwd\x07link\x1b]8;;\x07 bell\x07 \x1b[2J"
ANSWER = (
    f"In three years I want to lead a ward team at {MARKS['organisation']} as a {MARKS['role']}. "
    f"My goal [@click=app.quit]x[/] is to grow. {CONTROL}"
)


def seed(data_dir: Path, *, extra_text: str = "") -> Profile:
    profile = Profile.open(data_dir, clock=lambda: FIXED)
    profile.update_section(
        "target",
        role=MARKS["role"] + extra_text,
        organisation=MARKS["organisation"] + extra_text,
        mission=MARKS["mission"] + extra_text + " " + CONTROL,
        terms=["[i]triage[/i]", "care" + extra_text],
        stage="entry",
    )
    profile.save_section(
        "values",
        {"items": [{"name": MARKS["value"] + extra_text, "non_negotiable": True, "moment": "[/] when " + CONTROL}]},
    )
    profile.save_section(
        "skills",
        {"hard": [MARKS["skill"] + extra_text], "soft": ["[@click=app.quit]calm[/]"], "to_develop": ["[/]"], "per_goal": {}},
    )
    goal = {"goal": MARKS["goal"] + extra_text, "steps": "[/] step", "target_date": "2027 [b]", "resources": CONTROL}
    profile.save_section("goals", {"short_term": [goal], "long_term": [dict(goal, goal="[/] long" + extra_text)]})
    profile.save_section("reflection", {"picture_5": "[bold]because[/] " + CONTROL})
    profile.save_section("builder", {"slots": {"goal": "[/] slot [@click=app.quit]x[/]" + extra_text}})
    version = profile.add_version(MARKS["version"] + extra_text, ANSWER + extra_text)
    profile.set_current_version(version["id"])
    from goalcoach.domain import coaching

    feedback = coaching.coach(ANSWER, coaching.context_for(profile))
    for n, kind in enumerate(("practice", "drill", "builder")):
        profile.add_attempt(
            {
                "kind": kind,
                "scenario_id": None,
                "scenario_title": MARKS["scenario"] + extra_text,
                "stage": "entry",
                "question": "What are your [bold]career goals?",
                "text": ANSWER + extra_text,
                "seconds": 42.0,
                "score": int(feedback["score"]),
                "quality": str(feedback["quality"]),
                "feedback": feedback,
                "follow_up": False,
            }
        )
    return profile
