"""Practice scenarios, part 1: pick a scenario (or your own target) and start a session.

The session itself (brief, timer, answer, feedback, follow-ups, summary) is
screens/practice_run.py. Content is loaded once per visit; a broken scenario file is named on
the list and in a notification, and the other sets still work.
"""

from __future__ import annotations

import time
from typing import Any, Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from goalcoach.content import ContentError, ScenarioSet, load_scenario_sets
from goalcoach.domain.practice_session import Brief, brief_from_scenario, brief_from_target, target_problem
from goalcoach.screens.base import BaseScreen
from goalcoach.screens.keys import SHARED_KEYS, advice_keys
from goalcoach.screens.skipped_content import error_line
from goalcoach.widgets.save_state import AppHeader
from goalcoach.widgets.footer import KeyFooter

Loader = Callable[[], "tuple[list[ScenarioSet], list[ContentError]]"]
OWN_TARGET = "own-target"


def scenario_label(brief_title: str, industry: str) -> Text:
    return Text.assemble("   ", (brief_title, "bold"), "  ", (industry, "dim"))


class PracticeScreen(BaseScreen):
    """The scenario picker."""

    HELP_GUIDE = "practice"
    CSS_PATH = "practice.tcss"
    TITLE = "Practice scenarios"

    BINDINGS = [
        Binding(SHARED_KEYS["practice.own_target"], "own_target", "My own target", id="practice.own_target"),
        Binding("escape", "app.back", "Back", id="practice.back"),
    ]

    def __init__(
        self,
        *,
        loader: Loader | None = None,
        clock: Callable[[], float] | None = None,
        start: str | None = None,
    ) -> None:
        super().__init__()
        self.loader: Loader = loader or load_scenario_sets
        self.start = start  # a scenario id, or OWN_TARGET, to open at once ("practise next")
        self.clock = clock or time.monotonic
        self.sets: list[ScenarioSet] = []
        self.errors: list[ContentError] = []
        self.briefs: dict[str, Brief] = {}
        self.summaries: dict[str, str] = {}
        self.title = "Practice scenarios"  # set before mounting, so the header never races it

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield Static(
            f"↑ ↓ and enter: pick a scenario · {self.key('practice.own_target')}: practise for your own target",
            id="picker-intro",
            markup=False,
        )
        yield OptionList(id="scenario-list")
        yield Static("", id="scenario-detail", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sets, self.errors = self.loader()
        option_list = self.query_one("#scenario-list", OptionList)
        option_list.add_options(self._options())
        option_list.focus()
        first = next((i for i, o in enumerate(option_list.options) if not o.disabled), None)
        if first is not None:
            option_list.highlighted = first
            self._show_detail(option_list.options[first].id or "")
        for error in self.errors:
            self.notify(f"Skipped a broken scenario file: {error}", title="Content", severity="warning", timeout=10, markup=False)
        if self.start == OWN_TARGET:
            self.action_own_target(close_picker_too=True)
        elif self.start and f"scenario:{self.start}" in self.briefs:
            self._start(self.briefs[f"scenario:{self.start}"], close_picker_too=True)

    # -- the list ------------------------------------------------------------------------------
    def _target(self) -> dict[str, Any]:
        return self.app.profile.section("target") or {}

    def _own_target_option(self) -> Option:
        target = self._target()
        own = self.key("practice.own_target")
        problem = target_problem(target, advice_keys(self.app))
        if problem:
            return Option(Text.assemble((f"{own} ", "bold"), "Use my own target ", ("(not set yet)", "italic")), id=OWN_TARGET, disabled=True)
        label = f"{target.get('role', '').strip()} at {target.get('organisation', '').strip()}"
        return Option(Text.assemble((f"{own} ", "bold"), "Use my own target: ", (label, "bold")), id=OWN_TARGET)

    def _options(self) -> list[Option | None]:
        options: list[Option | None] = [self._own_target_option()]
        for scenario_set in self.sets:
            options.append(Option(Text(scenario_set.title, style="bold underline"), id=f"set:{scenario_set.id}", disabled=True))
            self.summaries[f"set:{scenario_set.id}"] = scenario_set.summary
            for scenario in scenario_set.scenarios:
                key = f"scenario:{scenario.id}"
                self.briefs[key] = brief_from_scenario(scenario, scenario_set.stage)
                self.summaries[key] = scenario.persona
                options.append(Option(scenario_label(scenario.title, scenario.industry), id=key))
        for error in self.errors:
            options.append(Option(error_line(error), disabled=True))
        return options

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail(event.option.id or "")

    def _show_detail(self, key: str) -> None:
        if key == OWN_TARGET:
            detail = target_problem(self._target(), advice_keys(self.app)) or "Practise the standard question for your own role and organisation."
        else:
            detail = self.summaries.get(key, "")
        self.query_one("#scenario-detail", Static).update(detail)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        key = event.option.id or ""
        if key == OWN_TARGET:
            self.action_own_target()
        elif key in self.briefs:
            self._start(self.briefs[key])

    # -- actions -------------------------------------------------------------------------------
    def action_own_target(self, close_picker_too: bool = False) -> None:
        target = self._target()
        problem = target_problem(target, advice_keys(self.app))
        if problem:
            self.notify(problem, title="Own target", severity="warning", markup=False)
            return
        profile = self.app.profile
        brief = brief_from_target(
            target, self.sets, goals=profile.section("goals") or {},
            values=(profile.section("values") or {}).get("items") or [], current_version=profile.current_version(),
            today=self.app.now().date(),
        )
        self._start(brief, close_picker_too=close_picker_too)

    def _start(self, brief: Brief, *, close_picker_too: bool = False) -> None:
        from goalcoach.screens.practice_run import PracticeRunScreen

        self.app.push_screen(PracticeRunScreen(brief, clock=self.clock, close_picker_too=close_picker_too))
