"""The home screen: what goalcoach is, and one key per section."""

from __future__ import annotations

from functools import partial

from textual.app import ComposeResult
from textual.worker import Worker, WorkerState
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from goalcoach.screens.base import BaseScreen
from goalcoach.screens.keys import shared_key
from goalcoach.screens.sections import SECTIONS, Section, binding_id, section_key
from goalcoach.widgets.save_state import AppHeader
from goalcoach.widgets.footer import KeyFooter

INTRO = (
    "goalcoach helps you answer “What are your career goals?” with confidence: "
    "know what you want, build an answer, and practise it against real interview follow-ups."
)
# Left out on a short terminal (home.tcss), so the sections and the next step stay in view.
INTRO_MORE = (
    "An instant coach reads every answer and shows what is strong and what to fix; "
    "everything stays private on this machine."
)


class HomeScreen(BaseScreen):
    HELP_GUIDE = "home"
    CSS_PATH = "home.tcss"

    # The list on screen shows each section's key; the footer sums them up as one entry (the
    # app names the keys really bound there: see GoalCoachApp.get_key_display).
    BINDINGS = [
        Binding(s.key, f"open('{s.name}')", "Open section" if n == 0 else s.short, show=n == 0, id=binding_id(s))
        for n, s in enumerate(SECTIONS)
    ]

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with VerticalScroll(id="home-body"):
            yield Static(INTRO, id="intro", markup=False)
            yield Static(INTRO_MORE, id="intro-more", markup=False)
            yield OptionList(*[self._option(s, section_key(self.app, s)) for s in SECTIONS], id="sections")
            yield Static("", id="stats", markup=False)
        yield KeyFooter()

    @staticmethod
    def _option(section: Section, key: str) -> Option:
        from rich.text import Text

        label = Text.assemble((f" {key} ", "bold reverse"), "  ", (section.title, "bold"), "  ", (section.summary, "dim"))
        return Option(label, id=section.name)

    def on_mount(self) -> None:
        self.query_one("#sections", OptionList).focus()

    def on_screen_resume(self) -> None:
        # Back from a section: what it has not saved yet (a draft typed a moment ago) counts for
        # the next step shown here, so save it first (cheap when nothing is pending).
        self.app.flush_drafts()
        # Also sent when home first shows; wait for that paint before reading the history.
        self.call_after_refresh(self.refresh_stats)
        if self.app.saves.busy():
            self.run_worker(self._refresh_once_saved(), group="home-saved", exclusive=True, exit_on_error=False)

    async def _refresh_once_saved(self) -> None:
        # Those saves run in the background: read again once they are on disk.
        await self.app.wait_for_saves(self.app.LEAVE_WAIT)
        self.refresh_stats()

    def refresh_stats(self) -> None:
        """Read the history off the UI thread: the first paint never waits for it."""
        from goalcoach.screens.home_stats import home_stats_text

        keys = {s.name: section_key(self.app, s) for s in SECTIONS}
        keys["practise_next"] = shared_key(self.app, "progress.practise_next")  # named after Progress's key
        work = partial(home_stats_text, self.app.profile, self.app.now(), keys)
        # exit_on_error=False: stats are a nicety; a read error must not close the app.
        self.run_worker(work, thread=True, exclusive=True, group="home-stats", exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "home-stats":
            return
        if event.state == WorkerState.SUCCESS:
            self.query_one("#stats", Static).update(event.worker.result)
        elif event.state == WorkerState.ERROR:
            # e.g. an attempts log that is not a readable file: say so rather than show nothing.
            self.query_one("#stats", Static).update(f"Could not read your practice history: {event.worker.error}")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.action_open(event.option.id)

    def action_open(self, name: str) -> None:
        self.app.open_section(name)
