"""The coach panel: score, checklist, issues, length and the organisation's terms.

It renders the coach's JSON-shaped result (Feedback.to_dict()), so a stored attempt's
feedback shows exactly as it did when it was made.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from goalcoach.coach.rubric import BONUS_ELEMENTS as OPTIONAL_ELEMENTS, ELEMENT_NAMES as ELEMENT_LABELS
from goalcoach.widgets.highlight import highlighted_answer

QUALITY_STYLE = {"strong": "bold green", "adequate": "bold yellow", "weak": "bold red"}


def summary_text(feedback: dict[str, Any]) -> Text:
    quality = str(feedback.get("quality", ""))
    seconds = float(feedback.get("speaking_seconds", 0))
    line = Text.assemble(
        ("Score ", "bold"),
        (f"{feedback.get('score', 0)}", QUALITY_STYLE.get(quality, "bold")),
        "/100  ",
        (quality.capitalize(), QUALITY_STYLE.get(quality, "")),
        f"   {feedback.get('words', 0)} words · about {int(seconds // 60)}:{int(seconds % 60):02d} spoken",
    )
    return line


def checklist_text(feedback: dict[str, Any]) -> Text:
    text = Text()
    elements = feedback.get("elements") or {}
    # A follow-up's judgement lists only its own checklist and names its own bonus elements.
    judged = "question" in feedback
    bonus = set(feedback.get("bonus") or ()) if judged else set(OPTIONAL_ELEMENTS)
    for code, label in ELEMENT_LABELS.items():
        if judged and code not in elements:
            continue
        present = bool((elements.get(code) or {}).get("present"))
        if present:
            text.append("  ✔ ", style="bold green")
            text.append(label + "\n")
        else:
            optional = code in bonus
            text.append("  · " if optional else "  ✘ ", style="dim" if optional else "bold red")
            text.append(label + (" (bonus)" if optional else "") + "\n", style="dim" if optional else "")
    text.rstrip()
    return text


def issues_text(feedback: dict[str, Any], answer: str = "") -> Text:
    issues = feedback.get("issues") or []
    if not issues:
        return Text("  No issues found.", style="green")
    text = Text()
    for issue in issues:
        text.append(f"  ▲ {issue.get('code', '').replace('_', ' ')}", style="bold red")
        start, end = int(issue.get("start", 0)), int(issue.get("end", 0))
        if answer and 0 <= start < end <= len(answer) and end - start <= 80:
            text.append("  “")
            text.append(answer[start:end], style="italic")
            text.append("”")
        text.append("\n")
        if issue.get("message"):
            text.append(f"    {issue['message']}\n")
        if issue.get("suggestion"):
            text.append(f"    → {issue['suggestion']}\n", style="cyan")
    text.rstrip()
    return text


def terms_text(feedback: dict[str, Any]) -> Text | None:
    terms = feedback.get("terms") or {}
    used, missed = terms.get("used") or [], terms.get("missed") or []
    if not used and not missed:
        return None
    text = Text()
    text.append("  Used: ", style="bold")
    text.append(", ".join(used) or "none yet", style="green" if used else "dim")
    text.append("\n  Not yet: ", style="bold")
    text.append(", ".join(missed) or "none", style="yellow" if missed else "dim")
    return text


class CoachPanel(VerticalScroll):
    """Shows one analysis. Call `show(feedback_dict, answer_text)`; it never parses markup."""

    DEFAULT_CSS = """
    CoachPanel { border: round $secondary; padding: 0 1; height: 1fr; }
    CoachPanel > .heading { text-style: bold; color: $secondary; margin-top: 1; }
    CoachPanel > #coach-summary { margin-top: 0; }
    """

    def __init__(self, *, show_answer: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Coach"
        self.show_answer = show_answer

    def compose(self) -> ComposeResult:
        yield Static("Type an answer and the coach will read it.", id="coach-summary", markup=False)
        # What to fix comes first: on a small terminal it is what must be visible without scrolling.
        yield Static("What to fix", classes="heading", markup=False)
        yield Static("", id="coach-issues", markup=False)
        yield Static("Checklist", classes="heading", markup=False)
        yield Static("", id="coach-checklist", markup=False)
        yield Static("Organisation's terms", classes="heading", id="coach-terms-heading", markup=False)
        yield Static("", id="coach-terms", markup=False)
        yield Static("Your answer, highlighted", classes="heading", id="coach-answer-heading", markup=False)
        yield Static("", id="coach-answer", markup=False)

    def on_mount(self) -> None:
        self.clear()

    def clear(self) -> None:
        for selector in ("#coach-terms-heading", "#coach-terms", "#coach-answer-heading", "#coach-answer"):
            self.query_one(selector).display = False

    def show(self, feedback: dict[str, Any], answer: str = "") -> None:
        self.query_one("#coach-summary", Static).update(summary_text(feedback))
        self.query_one("#coach-checklist", Static).update(checklist_text(feedback))
        self.query_one("#coach-issues", Static).update(issues_text(feedback, answer))
        terms = terms_text(feedback)
        self.query_one("#coach-terms-heading").display = terms is not None
        self.query_one("#coach-terms").display = terms is not None
        if terms is not None:
            self.query_one("#coach-terms", Static).update(terms)
        show_answer = self.show_answer and bool(answer)
        self.query_one("#coach-answer-heading").display = show_answer
        self.query_one("#coach-answer").display = show_answer
        if show_answer:
            self.query_one("#coach-answer", Static).update(highlighted_answer(answer, feedback))
