"""The Goals tab: short-term (1–2 years) and long-term (3–5 years) goals, each with action
steps, a timeline and resources. A fresh empty goal appears once the last one is started,
so nothing needs an "add" key. Posts `GoalsEditor.Changed`; the screen saves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Label, Static, TextArea

from goalcoach.content import Prompt
from goalcoach.domain.assessment import GOAL_FIELDS, HORIZONS
from goalcoach.widgets.prose import ProseField

MAX_GOALS_PER_HORIZON = 5


@dataclass(frozen=True)
class GoalEdit:
    """One box's change: which goal (horizon and its place on screen), which field, and the
    field's text before and after."""

    horizon: str
    index: int
    field: str
    before: str
    after: str


class GoalBlock(Vertical):
    """One goal's four fields, each a wrapping box with its label."""

    DEFAULT_CSS = """
    GoalBlock { height: auto; }
    GoalBlock > .field { height: auto; }
    """

    def __init__(self, horizon: str, index: int, goal: dict[str, Any], prompts: dict[str, Prompt]) -> None:
        super().__init__(classes="goal-block")
        self.horizon = horizon
        self.index = index
        self.goal = {f: str(goal.get(f, "") or "") for f in GOAL_FIELDS}
        self.prompts = prompts

    def compose(self) -> ComposeResult:
        for field in GOAL_FIELDS:
            prompt = self.prompts[self.horizon if field == "goal" else field]
            label = f"{prompt.label} {self.index + 1}" if field == "goal" else prompt.label
            widget_id = f"goal-{self.horizon}-{self.index}-{field}"
            # A wrapping box even for the timeline: its hint is a sentence a one-line input would cut.
            # The goal's hint is printed above its group, so its box shows an example instead.
            placeholder = prompt.example or prompt.hint
            box = ProseField(self.goal[field], placeholder=placeholder, one_paragraph=True, id=widget_id, classes=f"goal-{field}")
            yield Vertical(Label(label, classes="field-label", markup=False), box, classes="field")

    def values(self) -> dict[str, str]:
        # Kept in step by the editor (not read from the boxes, which a new block lacks until composed).
        return dict(self.goal)

    def is_empty(self) -> bool:
        return not any(v.strip() for v in self.values().values())


class GoalsEditor(Vertical):
    DEFAULT_CSS = """
    GoalsEditor { height: auto; }
    GoalsEditor > .goal-group { height: auto; }
    """

    class Changed(Message):
        def __init__(self, goals: dict[str, list[dict[str, str]]], edit: GoalEdit | None = None) -> None:
            super().__init__()
            self.goals = goals
            self.edit = edit

    def __init__(self, goals: dict[str, Any], prompts: tuple[Prompt, ...]) -> None:
        super().__init__(id="goals-editor")
        self.goals = goals
        self.prompts = {p.id: p for p in prompts}

    def compose(self) -> ComposeResult:
        for horizon in HORIZONS:
            prompt = self.prompts[horizon]
            with Vertical(id=f"goals-{horizon}", classes="goal-group form-section"):
                yield Vertical(
                    Label(prompt.label, classes="group-heading", markup=False),
                    Static(prompt.hint, classes="hint", markup=False),
                    classes="group-intro",
                )
                saved = [g for g in self.goals.get(horizon) or () if isinstance(g, dict)]
                blocks = saved[:MAX_GOALS_PER_HORIZON]
                if len(blocks) < MAX_GOALS_PER_HORIZON:
                    blocks.append({})  # always one empty goal to start the next
                for index, goal in enumerate(blocks):
                    yield GoalBlock(horizon, index, goal, self.prompts)

    def collect(self) -> dict[str, list[dict[str, str]]]:
        """Every started goal (blank ones left out), per horizon, in screen order."""
        return {
            horizon: [b.values() for b in self.query_one(f"#goals-{horizon}").query(GoalBlock) if not b.is_empty()]
            for horizon in HORIZONS
        }

    def take(self, box: Widget, value: str) -> GoalEdit | None:
        """Record a box's text and say what changed; None if the box is not one of this
        editor's goal fields."""
        block = next((a for a in box.ancestors if isinstance(a, GoalBlock)), None)
        if block is None:
            return None
        field = (box.id or "").rsplit("-", 1)[-1]
        before = block.goal.get(field, "")
        if field in block.goal:
            block.goal[field] = value
        group = self.query_one(f"#goals-{block.horizon}")
        blocks = list(group.query(GoalBlock))
        if block is blocks[-1] and not block.is_empty() and len(blocks) < MAX_GOALS_PER_HORIZON:
            group.mount(GoalBlock(block.horizon, len(blocks), {}, self.prompts))
        return GoalEdit(block.horizon, block.index, field, before, value)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        edit = self.take(event.text_area, event.text_area.text)
        if edit is not None:
            event.stop()
            self.post_message(self.Changed(self.collect(), edit))

    def on_prose_field_submitted(self, event: ProseField.Submitted) -> None:
        event.stop()
        self.screen.focus_next()
