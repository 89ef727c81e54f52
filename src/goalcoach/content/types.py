"""The typed objects that content.py builds from content/, the error it reports, and the
helpers that check parsed TOML field by field.

Kept apart from the loaders so the data shapes can be read at a glance. Never imports textual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


@dataclass(frozen=True)
class Worksheets:
    stages: tuple[Stage, ...]
    value_suggestions: tuple[str, ...]
    target_prompts: tuple[Prompt, ...]
    values_prompts: tuple[Prompt, ...]
    skills_prompts: tuple[Prompt, ...]
    goals_prompts: tuple[Prompt, ...]
    reflection_prompts: tuple[Prompt, ...]


# --- reading and checking TOML (used by content.py) ------------------------------------------


def unwrap(text: str) -> str:
    """Strip, and join hard-wrapped lines: single newlines become spaces, blank lines stay."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs)


class Node:
    """A TOML table plus where it came from, so every complaint names file and field."""

    def __init__(self, data: dict[str, Any], file: str, path: str = "") -> None:
        self.data, self.file, self.path = data, file, path

    def where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def fail(self, field: str, problem: str) -> ContentError:
        return ContentError(self.file, field, problem)

    def text(self, key: str) -> str:
        value = self.data.get(key)
        if value is None:
            raise self.fail(self.where(key), "missing (expected a non-empty string)")
        return self._string(value, self.where(key))

    def _string(self, value: Any, field: str) -> str:
        if not isinstance(value, str):
            kind = type(value).__name__
            raise self.fail(field, f"expected a non-empty string, got {kind}")
        if not value.strip():
            raise self.fail(field, "empty (expected a non-empty string)")
        return unwrap(value)

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = self.text(key)
        if value not in allowed:
            raise self.fail(self.where(key), f"{value!r} is not one of: {', '.join(allowed)}")
        return value

    def texts(self, key: str, min_items: int = 1) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            raise self.fail(self.where(key), "missing (expected a list of strings)")
        if not isinstance(value, list):
            raise self.fail(self.where(key), "expected a list of strings")
        if len(value) < min_items:
            raise self.fail(self.where(key), f"expected at least {min_items} item(s)")
        return tuple(self._string(v, f"{self.where(key)}[{i}]") for i, v in enumerate(value))

    def table(self, key: str) -> Node:
        value = self.data.get(key)
        if not isinstance(value, dict):
            problem = "missing (expected a table)" if value is None else "expected a table"
            raise self.fail(self.where(key), problem)
        return Node(value, self.file, self.where(key))

    def tables(self, key: str, min_items: int = 1) -> list[Node]:
        value = self.data.get(key)
        if value is None:
            raise self.fail(self.where(key), "missing (expected an array of tables)")
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(self.where(key), "expected an array of tables")
        if len(value) < min_items:
            raise self.fail(self.where(key), f"expected at least {min_items} item(s)")
        return [Node(v, self.file, f"{self.where(key)}[{i}]") for i, v in enumerate(value)]


def check_unique(nodes: list[Node], ids: list[str], seen: set[str]) -> None:
    """Fail on an id already used in this file or an earlier one; then remember the ids."""
    local: set[str] = set()
    for node, item_id in zip(nodes, ids):
        if item_id in seen or item_id in local:
            raise node.fail(node.where("id"), f"duplicate id {item_id!r}")
        local.add(item_id)
    seen.update(local)


def toml_files(root: Path, folder: str) -> list[str]:
    directory = root / folder
    if not directory.is_dir():
        return []
    return [f"{folder}/{p.name}" for p in sorted(directory.glob("*.toml"))]
