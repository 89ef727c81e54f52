"""One stored attempt again: what was asked, the answer with highlights, and the coach's feedback."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from goalcoach.domain import progress as pm
from goalcoach.domain.duration import format_duration
from goalcoach.screens.base import BaseScreen
from goalcoach.widgets.coach_panel import CoachPanel
from goalcoach.widgets.save_state import AppHeader
from goalcoach.widgets.footer import KeyFooter


def attempt_summary(attempt: dict[str, Any], now: datetime | None = None) -> Text:
    """Date, kind, scenario, score and time, then the question asked (all plain text)."""
    score = pm.score_of(attempt)
    text = Text()
    text.append(pm.scenario_label(attempt), style="bold")
    text.append(f"\n{pm.format_date(attempt.get('created'), now)} · {attempt.get('kind', '')}")
    text.append(f" · score {'—' if score is None else score}/100 · time {format_duration(attempt.get('seconds'))}")
    question = attempt.get("question")
    if question:
        text.append("\nAsked: ", style="bold")
        text.append(str(question), style="italic")
    return text


class AttemptDetailScreen(BaseScreen):
    HELP_GUIDE = "progress"
    TITLE = "Attempt"
    DEFAULT_CSS = """
    AttemptDetailScreen #attempt-summary { padding: 0 1; height: auto; max-height: 6; }
    AttemptDetailScreen CoachPanel { height: 1fr; }
    """
    BINDINGS = [Binding("escape", "app.back", "Back", id="attempt.back")]

    def __init__(self, attempt: dict[str, Any], *, now: datetime | None = None) -> None:
        super().__init__()
        self.attempt = attempt
        self.now = now

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield Static(attempt_summary(self.attempt, self.now), id="attempt-summary", markup=False)
        yield CoachPanel(show_answer=True, id="attempt-feedback")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = pm.scenario_label(self.attempt)
        feedback = self.attempt.get("feedback")
        panel = self.query_one(CoachPanel)
        panel.show(feedback if isinstance(feedback, dict) else {}, str(self.attempt.get("text") or ""))
        panel.focus()
