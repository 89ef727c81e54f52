"""Recovery drill: the interviewer pushes back on a weak answer; the person types the recovery.

DrillScreen lists the drills by misstep, plus adaptive mode (drill on my latest answer).
DrillRunScreen shows the flawed answer and the pushback, takes the recovery, and shows the
recovery checklist (recovery.check_recovery), the coach panel and the model recovery.
"""

from __future__ import annotations

import time
import uuid
from functools import partial
from typing import Any, Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import ContentSwitcher, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from goalcoach.content import ContentError, Drill, load_drills, load_pushbacks
from goalcoach.domain import coaching
from goalcoach.domain.attempt import Attempt
from goalcoach.domain.target import target_stage
from goalcoach.domain.model_recovery import own_recovery
from goalcoach.domain.practice_session import advice_for
from goalcoach.domain.recovery import (
    ASKS_FOR_MORE, CODE_LABELS, GENERAL_CODE, RecoveryResult, check_recovery, latest_answer, pick_pushback,
)
from goalcoach.profile import ProfileError
from goalcoach.screens.base import BaseScreen
from goalcoach.screens.keys import advice_keys, shared_key
from goalcoach.screens.skipped_content import error_line
from goalcoach.widgets.coach_panel import CoachPanel
from goalcoach.widgets.editor import AnswerEditor
from goalcoach.widgets.highlight import highlighted_answer
from goalcoach.widgets.save_state import AppHeader
from goalcoach.widgets.footer import KeyFooter

ADAPTIVE = "adaptive"
# Theme variables, so every theme (light ones too) shows the checklist in its own colours.
DONE_STYLE = "bold $text-success"
MISSING_STYLE = "bold $text-error"
PARTLY_STYLE = "bold $text-warning"
EVIDENCE_STYLE = "underline bold $text-success"
MISSTEP_STYLE = "bold $text-error on $error-muted"

DrillLoader = Callable[[], "tuple[list[Drill], list[ContentError]]"]


def adaptive_drill(
    answer: dict[str, Any], code: str, pushback: str, drills: list[Drill], model_recovery: str = "",
    keys: dict[str, str] | None = None,
) -> Drill:
    """A drill built on the person's own answer and their own material; why it hurts and the
    tips are borrowed from a written drill for the same misstep when there is one."""
    example = next((d for d in drills if d.misstep == code), None)
    return Drill(
        id=ADAPTIVE,
        misstep=code,
        title=f"Your latest answer: {CODE_LABELS.get(code, code)}",
        question=answer["question"],
        flawed_answer=answer["text"],
        pushback=pushback,
        model_recovery=model_recovery,
        why_it_hurts=example.why_it_hurts if example else advice_for(code, keys, "Defend a strong answer: be specific and link it to them."),
        tips=example.tips if example else (),
    )


def checklist_text(result: RecoveryResult, text: str, retry_key: str = "r") -> Content:
    """Each move ✔/✘ with a quote of its evidence; then whether the misstep is gone."""
    parts: list[tuple[str, str]] = []
    for move in result.moves:
        parts += [(" ✔ ", DONE_STYLE) if move.done else (" ✘ ", MISSING_STYLE), (move.label, "")]
        if move.evidence:
            start, end = move.evidence[0]
            quote = text[start:end]
            parts += [("  “", ""), (quote if len(quote) <= 60 else quote[:57] + "…", EVIDENCE_STYLE), ("”", "")]
        parts.append(("\n", ""))
    name = CODE_LABELS.get(result.misstep, result.misstep)
    if result.misstep == GENERAL_CODE:  # a strong first answer: there was no misstep to lose
        parts += [(" ✔ ", DONE_STYLE), ("No misstep to fix: the push-back tests how you defend a strong answer\n", "")]
    elif result.misstep_gone:
        parts += [(" ✔ ", DONE_STYLE), (f"The misstep is gone ({name})\n", "")]
    else:
        parts += [(" ✘ ", MISSING_STYLE), (f"The misstep is still there ({name})", "")]
        for start, end in result.misstep_spans[:1]:
            parts += [("  “", ""), (text[start:end][:60], MISSTEP_STYLE), ("”", "")]
        parts.append(("\n", ""))
    if result.new_red_flags:
        parts += [(" ✘ ", MISSING_STYLE),
                  ("A new red flag: " + ", ".join(CODE_LABELS.get(c, c) for c in result.new_red_flags) + "\n", "")]
    if not result.about_career:
        parts += [(" ✘ ", MISSING_STYLE), ("Not about your own career: say what you will do next, in your own words\n", "")]
    if result.passed:
        verdict = "Recovered: the misstep is gone and every move made."
    elif result.misstep_gone and not result.new_red_flags and result.about_career:
        missing = ", ".join(m.label for m in result.moves if not m.done)
        gone = "" if result.misstep == GENERAL_CODE else " and the misstep is gone"
        verdict = f"{result.done_count}/{len(result.moves)} moves made{gone}. Still to do: {missing}."
    else:
        verdict = f"Not recovered yet: fix what is marked ✘ above, then try again ({retry_key})."
    parts.append(("\n" + verdict, DONE_STYLE if result.passed else PARTLY_STYLE))
    return Content.assemble(*parts)


class DrillScreen(BaseScreen):
    """The drill picker."""

    HELP_GUIDE = "drill"
    CSS_PATH = "drill.tcss"

    BINDINGS = [
        Binding("a", "adaptive", "Drill my answer", id="drill.adaptive"),
        Binding("escape", "app.back", "Back", id="drill.back"),
    ]

    def __init__(
        self,
        *,
        loader: DrillLoader | None = None,
        clock: Callable[[], float] | None = None,
        start: str | None = None,
    ) -> None:
        super().__init__()
        self.loader: DrillLoader = loader or load_drills
        self.start = start  # a drill id to open at once ("practise next")
        self.clock = clock or time.monotonic
        self.drills: list[Drill] = []
        self.latest: dict[str, Any] | None = None
        self.title = "Recovery drill"  # set before mounting, so the header never races it

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield Static(f"↑ ↓ and enter: pick a drill · {self.key('drill.adaptive')}: drill on your latest answer", id="drill-intro", markup=False)
        yield OptionList(id="drill-list")
        yield Static("", id="drill-detail", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.drills, errors = self.loader()
        profile = self.app.profile
        try:
            history = profile.recent_attempts()  # the newest answer is among the latest
        except ProfileError as error:  # an unreadable log: drills still work on a pasted answer
            history = []
            self.notify(str(error), title="History not read", severity="warning", markup=False)
        self.latest = latest_answer(profile.current_version(), history)
        options: list[Option] = [self._adaptive_option()]
        current = None
        for drill in self.drills:
            if drill.misstep != current:
                current = drill.misstep
                options.append(Option(Text(CODE_LABELS.get(current, current), style="bold underline"), disabled=True))
            options.append(Option(Text.assemble("   ", (drill.title, "bold")), id=f"drill:{drill.id}"))
        for error in errors:
            options.append(Option(error_line(error), disabled=True))
            self.notify(f"Skipped a broken drill file: {error}", title="Content", severity="warning", timeout=10, markup=False)
        option_list = self.query_one("#drill-list", OptionList)
        option_list.add_options(options)
        option_list.focus()
        first = next((i for i, o in enumerate(option_list.options) if not o.disabled), None)
        if first is not None:
            option_list.highlighted = first
            self.query_one("#drill-detail", Static).update(self._detail(option_list.options[first].id or ""))
        if self.start and (drill := self._drill(f"drill:{self.start}")):
            self.app.push_screen(DrillRunScreen(drill, clock=self.clock, close_picker_too=True))

    def _adaptive_option(self) -> Option:
        if self.latest is None:
            return Option(Text.assemble(("a ", "bold"), "Adaptive: drill on my latest answer ", ("(no answer yet)", "italic")), id=ADAPTIVE, disabled=True)
        return Option(Text.assemble(("a ", "bold"), "Adaptive: drill on my latest answer"), id=ADAPTIVE)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "adaptive" and self.latest is None:
            return None  # shown, but dimmed: there is nothing to drill on yet
        return True

    def _detail(self, key: str) -> str:
        if key == ADAPTIVE:
            if self.latest is None:
                return (f"No answer yet: build one (key {shared_key(self.app, 'home.builder')} on the home screen) or "
                        f"practise a scenario (key {shared_key(self.app, 'home.practice')}), then come back.")
            return f"The coach reads {self.latest['source']}, finds its weakest point and the interviewer pushes back on it."
        drill = self._drill(key)
        return f"{drill.question}  Why it hurts: {drill.why_it_hurts}" if drill else ""

    def _drill(self, key: str) -> Drill | None:
        return next((d for d in self.drills if f"drill:{d.id}" == key), None)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.query_one("#drill-detail", Static).update(self._detail(event.option.id or ""))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        key = event.option.id or ""
        if key == ADAPTIVE:
            self.action_adaptive()
        elif drill := self._drill(key):
            self.app.push_screen(DrillRunScreen(drill, clock=self.clock))

    def action_adaptive(self) -> None:
        if self.latest is None:
            self.notify(f"No answer yet: build one (key {shared_key(self.app, 'home.builder')}) or practise a scenario "
                        f"(key {shared_key(self.app, 'home.practice')}) first.", severity="warning", markup=False)
            return
        job = partial(coaching.coach_answer, self.latest["text"], self.app.profile, own_target=True)
        # exit_on_error=False: a coach error is reported below; the picker stays open.
        self.run_worker(job, thread=True, exclusive=True, group="coach", name="drill-adaptive", exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "drill-adaptive" or self.latest is None:
            return
        if event.state == WorkerState.SUCCESS:
            feedback = event.worker.result
            code, line = pick_pushback(feedback, load_pushbacks())
            drill = adaptive_drill(self.latest, code, line, self.drills, own_recovery(self.app.profile, self.app.now().date(), code), advice_keys(self.app))
            self.app.push_screen(DrillRunScreen(drill, clock=self.clock, adaptive=True, first_feedback=feedback))
        elif event.state == WorkerState.ERROR:
            self.notify(f"The coach could not read your answer: {event.worker.error}", severity="error", markup=False)


class DrillRunScreen(BaseScreen):
    """One drill: the flawed answer and the pushback, the recovery, then the feedback."""

    HELP_GUIDE = "drill"
    CSS_PATH = "drill.tcss"

    BINDINGS = [
        Binding("ctrl+s", "submit", "Submit", id="drill.submit"),
        Binding("f5", "submit", "Submit", show=False, id="drill.submit_f5"),
        Binding("m", "toggle_model", "Model recovery", id="drill.model"),
        Binding("r", "retry", "Try again", id="drill.retry"),
        Binding("escape", "leave", "Back", id="drill.run_back"),
    ]

    def __init__(
        self,
        drill: Drill,
        *,
        clock: Callable[[], float] | None = None,
        adaptive: bool = False,
        first_feedback: dict[str, Any] | None = None,
        close_picker_too: bool = False,
    ) -> None:
        super().__init__()
        self.drill = drill
        # Opened straight from elsewhere (Progress's "practise next"): leaving goes back there.
        self.close_picker_too = close_picker_too
        self.adaptive = adaptive
        self.first_feedback = first_feedback
        self.clock = clock or time.monotonic
        self.shown_at = self.clock()
        self.phase = "answer"
        self.pending: tuple[str, float] | None = None
        self.session_id = uuid.uuid4().hex
        self.result: RecoveryResult | None = None
        self.title = f"Drill: {drill.title}"

    def compose(self) -> ComposeResult:
        drill = self.drill
        # In adaptive mode the person's own answer shows the coach's findings.
        flawed = highlighted_answer(drill.flawed_answer, self.first_feedback) if self.first_feedback else Text(drill.flawed_answer)
        setup = Text.assemble(("Question: ", "bold"), drill.question, "\n", ("Your first answer: ", "bold"))
        setup.append_text(flawed)
        pushback = Text.assemble(("Interviewer: ", "bold"), (f"“{drill.pushback}”", "bold italic"))
        yield AppHeader()
        with Vertical(id="drill-setup"):
            # A long first answer scrolls in its own box: the pushback under it, the line being
            # answered, stays in view whatever its length.
            yield VerticalScroll(Static(setup, markup=False), id="drill-context")
            yield Static(pushback, id="drill-pushback", markup=False)
        with ContentSwitcher(initial="drill-answer", id="drill-phases"):
            with Vertical(id="drill-answer"):
                # Owning a slip is asked for only where there was one (see recovery.moves_for).
                moves = ("answer what was asked, reframe" if drill.misstep in ASKS_FOR_MORE
                         else "acknowledge, reframe")
                yield Static(f"Type your recovery: {moves} (short term, long term, why here), one STAR example. "
                             f"{self.key('drill.submit')} or {self.key('drill.submit_f5')} submits.", id="drill-hint", markup=False)
                yield AnswerEditor(draft_key=f"drill:{drill.id}", id="drill-editor")
            with Horizontal(id="drill-feedback"):
                yield VerticalScroll(Static("", id="recovery-checklist", markup=False), id="recovery")
                yield CoachPanel(id="drill-coach")
                yield VerticalScroll(Static("", id="model-recovery-text", markup=False), id="model-recovery")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#drill-setup").border_title = "The setup"
        self.query_one("#recovery").border_title = "Recovery checklist"
        self.query_one("#model-recovery").border_title = "Model recovery"
        self.query_one("#model-recovery").display = False
        self.query_one("#drill-editor").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "submit":
            return None if self.pending else self.phase == "answer"
        if action in ("toggle_model", "retry"):
            return self.phase == "feedback"
        return True

    def _go(self, phase: str) -> None:
        self.phase = phase
        self.query_one("#drill-phases", ContentSwitcher).current = "drill-" + phase
        self.query_one("#drill-setup").display = phase == "answer"
        self.refresh_bindings()

    def action_submit(self) -> None:
        if self.pending:
            return
        text = self.query_one("#drill-editor", AnswerEditor).text
        if not text.strip():
            self.notify("Type your recovery first.", severity="warning", markup=False)
            return
        self.pending = (text, max(0.0, self.clock() - self.shown_at))
        self.refresh_bindings()
        job = partial(coaching.coach_answer, text, self.app.profile, own_target=self.adaptive, correction=True)
        # exit_on_error=False: a coach error is reported below and the recovery stays in the editor.
        self.run_worker(job, thread=True, exclusive=True, group="coach", name="drill-submit", exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "drill-submit" or self.pending is None:
            return
        if event.state == WorkerState.SUCCESS:
            text, seconds = self.pending
            self.pending = None
            self._show(text, seconds, event.worker.result)
        elif event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self.pending = None
            self.refresh_bindings()
            self.notify(f"The coach could not read this recovery: {event.worker.error}", severity="error", markup=False)

    def _show(self, text: str, seconds: float, feedback: dict[str, Any]) -> None:
        result = check_recovery(feedback, self.drill.misstep)
        self.result = result
        attempt = Attempt.coached(
            "drill", self.drill.pushback, text, feedback,
            seconds=round(seconds, 1),
            scenario_title=self.drill.title,
            stage=target_stage(self.app.profile),
            drill_id=self.drill.id,
            misstep=self.drill.misstep,
            adaptive=self.adaptive,
            recovery=result.to_dict(),
            session_id=self.session_id,
            follow_up=False,
        ).to_dict()
        editor = self.query_one("#drill-editor", AnswerEditor)
        self.app.save(
            partial(self.app.profile.add_attempt, attempt), lane="attempts", then=lambda _: editor.discard_draft()
        )
        self.query_one("#recovery-checklist", Static).update(checklist_text(result, text, self.key("drill.retry")))
        model = self.drill.model_recovery or "No model recovery for this one: use the moves in the checklist."
        self.query_one("#model-recovery-text", Static).update(model)
        self.query_one(CoachPanel).show(feedback, text)
        self._go("feedback")
        self.query_one("#recovery").focus()

    def action_toggle_model(self) -> None:
        """The model recovery takes the coach panel's place (there is no room for three panes)."""
        model = self.query_one("#model-recovery")
        model.display = not model.display
        self.query_one(CoachPanel).display = not model.display

    def action_leave(self) -> None:
        editor = self.query_one("#drill-editor", AnswerEditor)
        if self.phase == "answer" and editor.text.strip():
            editor.save_draft_now()
            self.notify("Your recovery is kept as a draft for this drill.", markup=False)
        self.app.pop_screen()
        if self.close_picker_too:
            self.app.pop_screen()

    def action_retry(self) -> None:
        self.shown_at = self.clock()
        self._go("answer")
        self.query_one("#drill-editor").focus()
