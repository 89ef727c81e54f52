"""Practice scenarios, part 2: one session, in four phases on one screen.

brief → answer → feedback → (next follow-up: answer → feedback …) → summary.
The phase decides which keys are live (check_action), so the footer shows only what works now.
Every submitted answer is stored as an attempt at once; escape leaves without losing any.
"""

from __future__ import annotations

import time
from functools import partial
from typing import Any, Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import ContentSwitcher, Static
from textual.worker import Worker, WorkerState

from goalcoach.content import ContentError, load_follow_ups
from goalcoach.domain import coaching
from goalcoach.domain.target import target_stage
from goalcoach.domain.practice_session import Answer, Brief, PracticeSession, coach_stage, label
from goalcoach.domain.duration import format_duration
from goalcoach.coach.question_kinds import get_kind
from goalcoach.domain.rehearsal_timer import RehearsalTimer
from goalcoach.screens.base import BaseScreen
from goalcoach.screens.keys import advice_keys
from goalcoach.widgets.coach_panel import CoachPanel
from goalcoach.widgets.editor import AnswerEditor
from goalcoach.widgets.timer import TimerDisplay
from goalcoach.widgets.save_state import AppHeader
from goalcoach.widgets.footer import KeyFooter

PHASES = ("brief", "answer", "feedback", "summary")

# Which actions work in which phase (anything not listed works everywhere).
LIVE_IN: dict[str, tuple[str, ...]] = {
    "answer": ("brief",),
    "timer_toggle": ("brief",),
    "timer_reset": ("brief",),
    "timer_toggle_ctrl": ("answer",),
    "timer_reset_ctrl": ("answer",),
    "submit": ("answer",),
    "next": ("feedback",),
    "toggle_model": ("feedback",),
    "finish": ("feedback",),
    "done": ("summary",),
}


def brief_text(brief: Brief, answer_key: str = "enter", timer_key: str = "t") -> Text:
    """The scenario brief; every part of it is content or the person's own target: plain text."""
    text = Text()
    text.append("Your interviewer: ", style="bold")
    text.append(brief.interviewer_name, style="bold")
    if brief.interviewer_role:
        text.append(f", {brief.interviewer_role}")
    text.append(f"  ({brief.manner} manner)\n\n", style="dim")
    text.append("You\n", style="bold")
    text.append(brief.persona + "\n\n")
    text.append("The employer: ", style="bold")
    text.append(brief.employer_name + "\n", style="bold")
    text.append(brief.what_it_does + "\n")
    if brief.values:
        text.append("Values: ", style="bold")
        text.append(" · ".join(brief.values) + "\n")
    text.append("\nThe question\n", style="bold")
    text.append(brief.question + "\n")
    text.append("(then follow-up questions that react to what you say)\n", style="dim")
    if brief.tips:
        text.append("\nTips\n", style="bold")
        for tip in brief.tips:
            text.append(f" • {tip}\n")
    text.append(f"\nPress {answer_key} to answer. {timer_key} starts the rehearsal timer (optional).", style="italic")
    return text


def summary_parts(
    session: PracticeSession, history: list[dict[str, Any]] | None = None,
    keys: dict[str, str] | None = None, done_key: str = "enter",
) -> tuple[Text, list[tuple[Text, Text]], Text]:
    """The summary as shown: its title, one (label, question) pair per answer (the question
    wraps beside its label, in line with itself) and the rest."""
    summary = session.summary(history or (), keys)
    head = Text(session.brief.title, style="bold")
    rows = []
    for number, ((question, score, quality), kind) in enumerate(zip(summary.rows, summary.kinds), start=1):
        asked = Text(question + "\n")
        asked.append(f"judged as: {kind}", style="dim")
        rows.append((Text(f" Q{number}  {score:>3}/100  {quality:<9} ", style="bold"), asked))
    text = Text()
    if summary.comparisons:
        text.append("Like with like\n", style="bold")
        for comparison in summary.comparisons:
            sign = "+" if comparison.change > 0 else ""
            text.append(f" {comparison.label}: {comparison.before} → {comparison.now} ({sign}{comparison.change})\n")
    else:
        text.append("Each answer is judged against its own question; practise this scenario again to compare.\n", style="dim")
    if summary.issues_left:
        text.append("Still to fix: ", style="bold")
        text.append(", ".join(label(c) for c in summary.issues_left) + "\n")
    text.append("\nPractise next: ", style="bold")
    if summary.focus:
        text.append(f"{label(summary.focus)}. ", style="bold")
    text.append(summary.advice + "\n")
    text.append(f"\nPress {done_key} for another scenario.", style="italic")
    return head, rows, text


class PracticeRunScreen(BaseScreen):
    HELP_GUIDE = "practice"
    CSS_PATH = "practice.tcss"

    BINDINGS = [
        Binding("enter", "answer", "Answer", id="practice.answer"),
        Binding("a", "answer", "Answer", show=False, id="practice.answer_a"),
        Binding("t", "timer_toggle", "Timer", id="practice.timer"),
        Binding("r", "timer_reset", "Reset", id="practice.timer_reset"),
        Binding("ctrl+s", "submit", "Submit", id="practice.submit"),
        Binding("f5", "submit", "Submit", show=False, id="practice.submit_f5"),
        Binding("ctrl+t", "timer_toggle_ctrl", "Timer", id="practice.timer_ctrl"),
        Binding("ctrl+r", "timer_reset_ctrl", "Reset", id="practice.timer_reset_ctrl"),
        Binding("n", "next", "Next question", id="practice.next"),
        Binding("m", "toggle_model", "Model answer", id="practice.model"),
        Binding("s", "finish", "Finish", id="practice.finish"),
        Binding("enter", "done", "Another scenario", id="practice.done"),
        Binding("escape", "leave", "Back", id="practice.run_back"),
    ]
    # Under 80 columns the footer leaves these out so the session's own keys (next question, model
    # answer, finish), Quit and f1 Help stay; escape still goes back and the help lists them all.
    FOOTER_SECONDARY = ("timer_reset", "timer_reset_ctrl", "leave")

    def __init__(
        self, brief: Brief, *, clock: Callable[[], float] | None = None, close_picker_too: bool = False
    ) -> None:
        super().__init__()
        self.brief = brief
        # Opened straight from elsewhere (Progress's "practise next"): leaving goes back there.
        self.close_picker_too = close_picker_too
        try:
            follow_ups = load_follow_ups()
            self.content_error: ContentError | None = None
        except ContentError as exc:  # practice still works: the main question, without follow-ups
            follow_ups, self.content_error = (), exc
        self.session = PracticeSession(brief, follow_ups=tuple(follow_ups))
        self.clock = clock or time.monotonic
        self.timer = RehearsalTimer(clock=self.clock)
        self.phase = "brief"
        self.shown_at = self.clock()
        self.submitting = False
        self.pending: tuple[str, float | None] | None = None
        self.last_answer: Answer | None = None
        self.title = f"Practice: {brief.title}"  # set before mounting, so the header never races it

    # -- layout --------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Horizontal(id="run-head"):
            yield Static("", id="run-question", markup=False)
            yield TimerDisplay(self.timer, id="run-timer")
        yield Static("", id="run-reason", markup=False)
        with ContentSwitcher(initial="brief", id="phases"):
            brief = brief_text(self.brief, self.key("practice.answer"), self.key("practice.timer"))
            yield VerticalScroll(Static(brief, markup=False), id="brief")
            yield Vertical(Static("", id="answer-hint", markup=False), id="answer")
            with Vertical(id="feedback"):
                yield Static("", id="feedback-note", markup=False)
                with Horizontal(id="feedback-body"):
                    yield CoachPanel(id="coach")
                    with VerticalScroll(id="model"):
                        yield Static(self.brief.model_answer or "No model answer for this question.", id="model-text", markup=False)
            with VerticalScroll(id="summary"):
                yield Static("", id="summary-head", markup=False)
                yield Vertical(id="summary-rows")
                yield Static("", id="summary-text", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self._show_question()
        if self.content_error is not None:
            self.notify(f"No follow-up questions: {self.content_error}", title="Content", severity="warning", markup=False)
        self.query_one("#brief").focus()

    def _show_question(self) -> None:
        session = self.session
        current = session.current
        if session.is_follow_up:
            head = f"Follow-up {session.index}/{session.total - 1} · {self.brief.interviewer_name}: "
        else:
            head = f"{self.brief.interviewer_name}: "
        self.query_one("#run-question", Static).update(Text.assemble((head, "bold"), current.text))
        reason = self.query_one("#run-reason", Static)
        reason.update(Text(f"Why this question: {current.reason}", style="italic") if current.reason else "")
        reason.display = self.phase == "answer" and bool(current.reason)
        # Each question shows its own model answer, never the main question's for a follow-up.
        label = self.brief.model_label if not session.is_follow_up else f"Model answer: {current.kind_name}"
        self.query_one("#model").border_title = Content(label)  # content text, never markup
        self.query_one("#model-text", Static).update(current.model_answer or "No model answer for this question.")

    def _go(self, phase: str) -> None:
        self.phase = phase
        self.query_one("#phases", ContentSwitcher).current = phase
        # Why the question came matters while answering; afterwards the coach needs the room.
        self.query_one("#run-reason").display = phase == "answer" and bool(self.session.current.reason)
        self.refresh_bindings()

    # -- keys ----------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        phases = LIVE_IN.get(action)
        if phases is not None and self.phase not in phases:
            return False
        if action == "next" and not self.session.has_next:
            return False
        if action == "submit" and self.submitting:
            return None
        return True

    async def action_answer(self) -> None:
        await self._mount_editor()
        self._go("answer")

    async def _mount_editor(self) -> None:
        # One editor per question, so each has its own draft and starts empty.
        await self.query(AnswerEditor).remove()
        key = f"practice:{self.brief.scenario_id or 'own'}:{self.session.index}"
        editor = AnswerEditor(draft_key=key, id="answer-editor")
        await self.query_one("#answer", Vertical).mount(editor)
        self.query_one("#answer-hint", Static).update(
            f"Answer as you would speak it, to {self.brief.employer_name}. {self.key('practice.submit')} or "
            f"{self.key('practice.submit_f5')} submits; {self.key('practice.timer_ctrl')} times you."
        )
        editor.focus()

    def action_timer_toggle(self) -> None:
        self.query_one(TimerDisplay).toggle()

    def action_timer_reset(self) -> None:
        self.query_one(TimerDisplay).reset()

    def action_timer_toggle_ctrl(self) -> None:
        self.action_timer_toggle()

    def action_timer_reset_ctrl(self) -> None:
        self.action_timer_reset()

    def seconds_used(self) -> float:
        """The rehearsal timer's time if it ran, else the time since the question was shown."""
        if self.timer.used:
            return self.timer.elapsed
        return max(0.0, self.clock() - self.shown_at)

    def action_submit(self) -> None:
        if self.submitting:
            return
        editor = self.query_one("#answer-editor", AnswerEditor)
        text = editor.text
        if not text.strip():
            self.notify("Type your answer first.", severity="warning", markup=False)
            return
        self.query_one(TimerDisplay).pause()
        self.submitting = True
        self.pending = (text, self.seconds_used())
        self.refresh_bindings()
        profile = self.app.profile
        # After a pushback, re-framing the earlier answer is part of what is asked.
        correction = get_kind(self.session.current.kind).after_pushback
        follow_up = self.session.index > 0  # the main answer named the goal already
        if self.brief.own_target:
            job = partial(coaching.coach_answer, text, profile, own_target=True, correction=correction, follow_up=follow_up)
        else:
            job = partial(
                coaching.coach_answer, text, profile, correction=correction, follow_up=follow_up,
                stage=coach_stage(self.brief, target_stage(profile)),
                company=self.brief.employer_name, terms=self.brief.values,
            )
        # exit_on_error=False: a coach error is reported below and the answer stays in the editor.
        self.run_worker(job, thread=True, exclusive=True, group="coach", name="practice-submit", exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "practice-submit" or self.pending is None:
            return
        if event.state == WorkerState.SUCCESS:
            text, seconds = self.pending
            self.pending, self.submitting = None, False
            self._record(text, seconds, event.worker.result)
        elif event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self.pending, self.submitting = None, False
            self.refresh_bindings()
            self.notify(f"The coach could not read this answer: {event.worker.error}", severity="error", markup=False)

    def _record(self, text: str, seconds: float | None, feedback: dict[str, Any]) -> None:
        answer = self.session.record(text, seconds, feedback)
        self.last_answer = answer
        editor = self.query_one("#answer-editor", AnswerEditor)
        self.query_one(CoachPanel).show(answer.feedback, text)
        if answer.seconds is not None:
            self.query_one(TimerDisplay).answered(answer.seconds)  # no countdown left beside a result
        used = format_duration(answer.seconds)
        def show(state: str) -> None:
            note = Text.assemble(
                (state, "bold"),
                f" · score {answer.score}/100, {answer.quality} · time {used}",
                f" · next: {self.key('practice.next')}" if self.session.has_next
                else f" · that was the last question: {self.key('practice.finish')} for the summary",
            )
            self.query_one("#feedback-note", Static).update(note)

        def saved(_record: object) -> None:
            editor.discard_draft()  # queued after the attempt, so only once it is on disk
            if self.is_attached:
                show("Saved")

        show("Saving…")
        self.app.save(
            partial(self.app.profile.add_attempt, self.session.attempt(answer).to_dict()),
            lane="attempts",
            then=saved,
            failed=lambda _error: self.is_attached and show("Not saved (see the message)"),
        )
        self._go("feedback")
        self.query_one(CoachPanel).focus()

    async def action_next(self) -> None:
        self.session.advance()
        self.query_one(TimerDisplay).reset()
        self.shown_at = self.clock()
        self._show_question()
        await self.action_answer()

    def action_toggle_model(self) -> None:
        model = self.query_one("#model")
        model.display = not model.display

    def action_finish(self) -> None:
        history = self.app.profile.attempts()
        head, rows, rest = summary_parts(self.session, history, advice_keys(self.app), self.key("practice.done"))
        self.query_one("#summary-head", Static).update(head)
        listed = self.query_one("#summary-rows", Vertical)
        listed.remove_children()
        listed.mount_all(
            Horizontal(Static(number, classes="summary-label", markup=False), Static(asked, classes="summary-question", markup=False),
                       classes="summary-row")
            for number, asked in rows
        )
        self.query_one("#summary-text", Static).update(rest)
        self.query_one("#run-question", Static).update(Text("Session summary", style="bold"))
        self.query_one(TimerDisplay).display = False
        self._go("summary")
        self.query_one("#summary").focus()

    def action_done(self) -> None:
        self.app.pop_screen()

    def action_leave(self) -> None:
        """Escape: from an answer, one step back to the brief (the text is kept); otherwise
        back to where the session was started from."""
        if self.phase == "answer" and not self.submitting:
            editor = self.query_one("#answer-editor", AnswerEditor)
            editor.save_draft_now()
            timer = self.query_one(TimerDisplay)
            was_running = self.timer.running
            timer.pause()
            self._go("brief")
            self.query_one("#brief").focus()
            kept = "Your answer is kept" if editor.text.strip() else "Back to the brief"
            paused = f"; the timer is paused ({self.key('practice.timer')} resumes it)" if was_running else ""
            self.notify(f"{kept}: {self.key('practice.answer')} goes back to it{paused}.", markup=False)
            return
        self.app.pop_screen()
        if self.close_picker_too:
            self.app.pop_screen()
