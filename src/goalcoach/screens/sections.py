"""The sections listed on the home screen, each opened by one key.

Screens are imported only when opened, so the first paint pays for the home screen alone.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    short: str  # the footer's label
    title: str
    summary: str
    module: str  # goalcoach.screens.<module>, which defines `make_screen()`


SECTIONS: tuple[Section, ...] = (
    Section("1", "Assess", "Self-assessment", "Your target, values, skills and goals.", "assessment"),
    Section("2", "Build", "Answer builder", "Build your answer with a template and the coach.", "builder"),
    Section("3", "Practise", "Practice scenarios", "A brief, a clock and follow-up questions.", "practice"),
    Section("4", "Drill", "Recovery drill", "Recover when the interviewer pushes back.", "drill"),
    Section("5", "Progress", "Progress", "Your attempts, trend and what to practise next.", "progress"),
)


def available_sections() -> list[Section]:
    """Sections whose screen module is installed."""
    found = []
    for section in SECTIONS:
        if importlib.util.find_spec(f"goalcoach.screens.{section.module}") is not None:
            found.append(section)
    return found


def open_section(section: Section):
    module = importlib.import_module(f"goalcoach.screens.{section.module}")
    return module.make_screen()
