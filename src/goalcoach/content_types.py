"""The typed objects that content.py builds from content/, plus the error it reports.

Kept apart from the loaders so the data shapes can be read at a glance. Never imports textual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Career stages of the scenario sets, in the order the app shows them.
SET_STAGES: tuple[str, ...] = ("entry", "mid", "switcher", "senior", "gap")

#: The coach's issue codes (see the coach rubric). A drill's `misstep` must be one of these.
ISSUE_CODES: tuple[str, ...] = (
    "vague",
    "personal_gain",
    "unrealistic",
    "misaligned",
    "hedging",
    "filler",
    "negative_tone",
    "too_short",
    "too_long",
)

#: The coach's element codes (what a strong answer contains).
ELEMENT_CODES: tuple[str, ...] = (
    "short_term",
    "long_term",
    "timeframe",
    "action_plan",
    "company_alignment",
    "motivation",
    "adaptability",
    "star_example",
    "acknowledgement",
)

#: Allowed drill missteps: the rubric's issue codes, nothing else, so every drill's flawed
#: answer is something the coach can point at.
DRILL_MISSTEPS: tuple[str, ...] = ISSUE_CODES

#: Codes that must have an interviewer pushback line: every issue, plus the missing elements
#: worth pushing on.
REQUIRED_PUSHBACKS: tuple[str, ...] = ISSUE_CODES + (
    "company_alignment",
    "action_plan",
    "long_term",
    "short_term",
)

#: The answer template's slots, in order.
TEMPLATE_SLOTS: tuple[str, ...] = (
    "time_frame",
    "goal",
    "area",
    "reason",
    "action_steps",
    "long_term",
)

#: The recovery moves every drill screen can refer to, in order.
RECOVERY_MOVES: tuple[str, ...] = ("acknowledge", "pause", "reframe", "star", "listen")

#: Worksheet stages (the scenario set "gap" is a situation, not a stage someone picks).
WORKSHEET_STAGES: tuple[str, ...] = ("entry", "mid", "switcher", "senior")

#: Field ids of each worksheet, in order.
WORKSHEET_PROMPTS: dict[str, tuple[str, ...]] = {
    "target_prompts": ("role", "organisation", "mission", "terms", "stage"),
    "values_prompts": ("moment",),
    "skills_prompts": ("hard", "soft", "to_develop", "per_goal"),
    "goals_prompts": ("short_term", "long_term", "steps", "target_date", "resources"),
}


class ContentError(Exception):
    """A content file that cannot be used.

    `file` is the path relative to the content folder ("scenarios/entry.toml"); `field` is the
    dotted path inside it ("scenarios[2].model_answer"), or "" when the whole file is at fault.
    """

    def __init__(self, file: str, field: str, problem: str) -> None:
        self.file = file
        self.field = field
        self.problem = problem
        where = f"{file}: {field}" if field else file
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class Employer:
    name: str
    what_it_does: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Scenario:
    id: str
    set_id: str
    title: str
    industry: str
    persona: str
    employer: Employer
    question: str
    follow_ups: tuple[str, ...]
    tips: tuple[str, ...]
    model_answer: str


@dataclass(frozen=True)
class ScenarioSet:
    id: str
    title: str
    stage: str
    summary: str
    scenarios: tuple[Scenario, ...]


@dataclass(frozen=True)
class Drill:
    id: str
    misstep: str
    title: str
    question: str
    flawed_answer: str
    pushback: str
    model_recovery: str
    why_it_hurts: str
    tips: tuple[str, ...]


@dataclass(frozen=True)
class RecoveryMove:
    id: str
    title: str
    how: str


@dataclass(frozen=True)
class Slot:
    id: str
    label: str
    hint: str
    example: str


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Template:
    pattern: str
    slots: tuple[Slot, ...]

    def gap(self, slot_id: str) -> str:
        """What an empty slot shows: its label in angle quotes, e.g. ‹goal›."""
        label = next((s.label for s in self.slots if s.id == slot_id), slot_id)
        return f"‹{label.lower()}›"

    def assemble(self, values: dict[str, str]) -> str:
        """Fill the pattern. Values are used as plain text (never parsed); whitespace is
        collapsed and a trailing full stop dropped so the sentence reads on. Empty or
        missing slots show as ‹label›."""

        def fill(match: re.Match[str]) -> str:
            slot_id = match.group(1)
            value = " ".join(str(values.get(slot_id) or "").split()).rstrip(".").strip()
            return value or self.gap(slot_id)

        return _PLACEHOLDER.sub(fill, self.pattern)

    def examples(self) -> dict[str, str]:
        """The slots' example values, keyed by slot id."""
        return {slot.id: slot.example for slot in self.slots}


@dataclass(frozen=True)
class Stage:
    id: str
    label: str
    description: str


@dataclass(frozen=True)
class Prompt:
    id: str
    label: str
    hint: str


@dataclass(frozen=True)
class Worksheets:
    stages: tuple[Stage, ...]
    value_suggestions: tuple[str, ...]
    target_prompts: tuple[Prompt, ...]
    values_prompts: tuple[Prompt, ...]
    skills_prompts: tuple[Prompt, ...]
    goals_prompts: tuple[Prompt, ...]
    reflection_prompts: tuple[Prompt, ...]
