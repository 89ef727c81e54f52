"""The typed objects the content loaders (goalcoach.content) build from content/, and the error
they report.

Kept apart from the loaders so the data shapes can be read at a glance. Never imports textual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from goalcoach.coach import rubric

#: Career stages of the scenario sets, in the order the app shows them.
SET_STAGES: tuple[str, ...] = rubric.STAGES

#: The coach's issue codes (the rubric's). A drill's `misstep` must be one of these.
ISSUE_CODES: tuple[str, ...] = rubric.ISSUES

#: The coach's element codes (what a strong answer contains).
ELEMENT_CODES: tuple[str, ...] = rubric.ELEMENTS

#: Allowed drill missteps: the rubric's issue codes, plus leaving out the link to the employer
#: (talking past the job on offer), so every drill's flawed answer is something the coach can
#: point at.
DRILL_MISSTEPS: tuple[str, ...] = ISSUE_CODES + ("company_alignment",)

#: Codes that must have an interviewer pushback line: every issue, plus the missing elements
#: worth pushing on.
REQUIRED_PUSHBACKS: tuple[str, ...] = ISSUE_CODES + ("company_alignment", "action_plan", "long_term", "short_term")

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


#: How an interviewer comes across; their follow-ups are worded to match.
MANNERS: tuple[str, ...] = ("warm", "neutral", "probing", "sceptical")

#: What a scenario states about the candidate, so a model answer to any follow-up can be
#: composed in their words. `pay` (a researched range) is optional.
FACT_FIELDS: tuple[str, ...] = ("role", "goal", "long_goal", "step", "reason", "example")
DEFAULT_PAY = "a salary in line with the published range for the level"


@dataclass(frozen=True)
class Interviewer:
    name: str
    role: str
    manner: str


@dataclass(frozen=True)
class Facts:
    role: str  # the role applied for, e.g. "senior analyst"
    goal: str  # near-term goal, read after "I want to"
    long_goal: str  # long-term goal, read after "I'd like to"
    step: str  # a concrete step, read after "I plan to"
    reason: str  # why, read after "because"
    example: str  # a past example with a result, whole sentences
    pay: str = DEFAULT_PAY

    def as_dict(self) -> dict[str, str]:
        return {f: getattr(self, f) for f in (*FACT_FIELDS, "pay")}


@dataclass(frozen=True)
class FollowUp:
    """One follow-up question: when it is asked, its rubric, its lines and its model answer."""

    id: str
    trigger: str
    kind: str
    reason: str
    lines: dict[str, str]  # manner -> the question in that manner ("neutral" always there)
    model: str

    def line(self, manner: str | None) -> str:
        return self.lines.get(manner or "neutral") or self.lines["neutral"]

    @property
    def questions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.lines.values()))


@dataclass(frozen=True)
class Scenario:
    id: str
    set_id: str
    title: str
    industry: str
    persona: str
    employer: Employer
    question: str
    tips: tuple[str, ...]
    model_answer: str
    interviewer: Interviewer
    facts: Facts
    #: Ids of the common follow-ups ("extra") this interviewer asks when there is nothing to probe.
    asks: tuple[str, ...] = ("salary", "setbacks")
    #: What this interviewer asks after a strong answer, in their manner: the stage probe, then
    #: their common questions (filled in by the loader from follow_ups.toml; for the prep sheet).
    follow_ups: tuple[str, ...] = ()


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


@dataclass(frozen=True)
class FieldExamples:
    """Slot examples for one field of work, shown when its keywords appear in the target."""

    id: str
    keywords: tuple[str, ...]
    examples: dict[str, str]


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Template:
    pattern: str
    slots: tuple[Slot, ...]
    fields: tuple[FieldExamples, ...] = ()

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
    example: str = ""  # shown in an empty box where the hint is already printed above it


@dataclass(frozen=True)
class Worksheets:
    stages: tuple[Stage, ...]
    value_suggestions: tuple[str, ...]
    target_prompts: tuple[Prompt, ...]
    values_prompts: tuple[Prompt, ...]
    skills_prompts: tuple[Prompt, ...]
    goals_prompts: tuple[Prompt, ...]
    reflection_prompts: tuple[Prompt, ...]
