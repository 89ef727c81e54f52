"""The sections listed on the home screen, each opened by one key.

Each section builds its screen when opened, importing the screen's module only then, so the
first paint pays for the home screen alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

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
    Section("1", "Assess", "Self-assessment", "Your target, values, skills and goals.", "assessment", _assessment),
    Section("2", "Build", "Answer builder", "Build your answer with a template and the coach.", "builder", _builder),
    Section("3", "Practise", "Practice scenarios", "A brief, a clock and follow-up questions.", "practice", _practice),
    Section("4", "Drill", "Recovery drill", "Recover when the interviewer pushes back.", "drill", _drill),
    Section("5", "Progress", "Progress", "Your attempts, trend and what to practise next.", "progress", _progress),
)


def section_named(name: str) -> Section | None:
    return next((s for s in SECTIONS if s.name == name), None)
