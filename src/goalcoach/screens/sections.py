"""The sections listed on the home screen, each opened by one key.

Each section builds its screen when opened, importing the screen's module only then, so the
first paint pays for the home screen alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from goalcoach.screens.keys import SHARED_KEYS, shared_key

if TYPE_CHECKING:
    from textual.screen import Screen


def _assessment() -> Screen:
    from goalcoach.screens.assessment import AssessmentScreen

    return AssessmentScreen()


def _builder() -> Screen:
    from goalcoach.screens.builder import BuilderScreen

    return BuilderScreen()


def _practice() -> Screen:
    from goalcoach.screens.practice import PracticeScreen

    return PracticeScreen()


def _drill() -> Screen:
    from goalcoach.screens.drill import DrillScreen

    return DrillScreen()


def _progress() -> Screen:
    from goalcoach.screens.progress import ProgressScreen

    return ProgressScreen()


@dataclass(frozen=True)
class Section:
    key: str
    short: str  # the footer's label
    title: str
    summary: str
    name: str  # names the section in bindings, option ids and open_section()
    screen: Callable[[], Screen]


SECTIONS: tuple[Section, ...] = (
    Section(SHARED_KEYS["home.assessment"], "Assess", "Self-assessment", "Your target, values, skills and goals.", "assessment", _assessment),
    Section(SHARED_KEYS["home.builder"], "Build", "Answer builder", "Build your answer with a template and the coach.", "builder", _builder),
    Section(SHARED_KEYS["home.practice"], "Practise", "Practice scenarios", "A brief, a clock and follow-up questions.", "practice", _practice),
    Section(SHARED_KEYS["home.drill"], "Drill", "Recovery drill", "Recover when the interviewer pushes back.", "drill", _drill),
    Section(SHARED_KEYS["home.progress"], "Progress", "Progress", "Your attempts, trend and what to practise next.", "progress", _progress),
)


def section_named(name: str) -> Section | None:
    return next((s for s in SECTIONS if s.name == name), None)


def binding_id(section: Section) -> str:
    return f"home.{section.name}"


# Home's footer sums the section keys up in one entry: the first section's binding.
SECTION_KEYS_BINDING = binding_id(SECTIONS[0])


def section_key(app: Any, section: Section) -> str:
    """The key that opens `section` from Home: the person's keymap first."""
    return shared_key(app, binding_id(section))


def section_keys_display(app: Any) -> str:
    """All the section keys in one footer entry: "1-5", or each key when some are rebound."""
    keys = [section_key(app, s) for s in SECTIONS]
    if all(k.isdigit() and len(k) == 1 for k in keys) and [int(k) for k in keys] == list(range(int(keys[0]), int(keys[0]) + len(keys))):
        return f"{keys[0]}-{keys[-1]}"
    return "/".join(keys)
