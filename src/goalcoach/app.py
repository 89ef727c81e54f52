"""GoalCoachApp: screens, global keys, theme and the safety net for unsaved text.

No domain logic here: screens call the profile, the coach and the content directly.
"""

from __future__ import annotations

import asyncio
import builtins
import os
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterable

from rich.console import RenderableType
from rich.text import Text
from rich.traceback import Traceback
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen

from goalcoach.keymap import KeymapError, load_keymap
from goalcoach.paths import keymap_file
from goalcoach.profile import Profile, ProfileWriteError
from goalcoach.profile.journal import DraftJournal, describe, recover
from goalcoach.screens.base import SIZE_NOTICE_CSS, BaseScreen
from goalcoach.screens.home import HomeScreen
from goalcoach.screens.saving import Pending, SaveFinished, SaveQueue
from goalcoach.screens.sections import SECTION_KEYS_BINDING, section_keys_display, section_named
from goalcoach.widgets.footer import readable_footer_keys, readable_status_colours

DraftSaver = Callable[[], None]


class UnexpectedError(Exception):
    """A bug reached the app: shown as a short message naming the saved report, never as a
    traceback (Rich's shows local variables, which hold private answer text)."""

    def __init__(self, report: Path | None) -> None:
        super().__init__("goalcoach stopped after an unexpected error")
        self.report = report

    def __rich__(self) -> Text:
        where = f"A report for a bug report (no answer text in it) is in {self.report}" if self.report else (
            "The report could not be saved."
        )
        return Text(f"goalcoach stopped after an unexpected error. Your saved work is safe.\n{where}")


class GoalCoachApp(App[None]):
    CSS = SIZE_NOTICE_CSS
    # Home is the bottom of the one mode: sections are pushed on it, escape pops back to it.
    MODES = {"home": HomeScreen}
    DEFAULT_MODE = "home"
    # Every screen gets -narrow or -wide from its width: from 110 columns there is room for two
    # panes side by side (builder, practice feedback, drill feedback, progress insights).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    # And -short under 24 rows, where a screen keeps what matters in view (home: the next step).
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]
    # Seconds leaving waits for queued saves (another session may hold the profile lock for up
    # to 15 s); what is not on disk by then is replayed from the journal at the next start.
    LEAVE_WAIT = 10.0
    # Seconds a save may take before the header says "saving…": quick saves never flicker it.
    SAVING_SHOWN_AFTER = 0.3

    # What the header says about saving: "" (nothing saved yet), "saving", "saved", "failed".
    save_state: reactive[str] = reactive("")
    TITLE = "goalcoach"
    SUB_TITLE = "career-goals interview coach"
    BINDINGS = [
        # Help before Quit: on a narrow footer the first keys are the ones that stay visible.
        Binding("f1", "help", "Help", id="app.help"),
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit"),
        # '?' only reaches here when no text field has focus (a text field types it).
        Binding("question_mark", "help", "Help", show=False, id="app.help_key"),
        Binding("escape", "back", "Back", show=False, id="app.back"),
        # Tab moves focus before the keys behind it are handed out: as a screen binding it first
        # travels up from the focused field, and keys already typed (a quick typist, a batch over
        # SSH) would reach the field being left.
        Binding("tab", "focus_next", show=False, priority=True, id="app.focus_next"),
        Binding("shift+tab", "focus_previous", show=False, priority=True, id="app.focus_previous"),
    ]

    def __init__(
        self,
        profile: Profile,
        *,
        low_bandwidth: bool | None = None,
        now: Callable[[], datetime] | None = None,
        journal: DraftJournal | None = None,
    ) -> None:
        super().__init__()
        self.profile = profile
        # Typed text goes to the journal a moment after each key, ahead of the draft saves.
        self.journal = journal or DraftJournal(profile.data_dir)
        self._loop: asyncio.AbstractEventLoop | None = None
        # The app's idea of "now" (this week's stats, streaks); tests pass a fixed one.
        self.now: Callable[[], datetime] = now or (lambda: datetime.now().astimezone())
        if low_bandwidth is None:
            default = bool(os.environ.get("SSH_CONNECTION"))
            low_bandwidth = bool(profile.setting("low_bandwidth", default))
        self.low_bandwidth = low_bandwidth
        if low_bandwidth:
            self.animation_level = "none"
        self._draft_savers: list[DraftSaver] = []
        self.saves = SaveQueue(self)
        self._failed_lanes: set[str] = set()
        self._restoring_theme = False
        # The person's keymap.toml (binding id -> keys), read before any screen is built so that
        # every hint and footer can name the keys really bound; applied in on_mount.
        self._keymap_error: KeymapError | None = None
        try:
            self.keymap: dict[str, str] = load_keymap(keymap_file())
        except KeymapError as error:
            self.keymap, self._keymap_error = {}, error

    # -- start-up ----------------------------------------------------------------------------
    def on_mount(self) -> None:
        theme = self.profile.setting("theme")
        if theme and theme in self.available_themes:
            self._restoring_theme = True
            self.theme = theme
            self._restoring_theme = False
        self._loop = asyncio.get_running_loop()
        self._restore_journal()
        self._apply_keymap()
        if self.profile.quarantined:
            self.notify(
                f"Your profile could not be read, so it was moved to {self.profile.quarantined} "
                "and a fresh one was started.",
                title="Profile moved aside",
                severity="warning",
                timeout=20,
                markup=False,
            )

    def _apply_keymap(self) -> None:
        """The person's keymap.toml (binding id -> keys), through Textual's own keymap support."""
        if self._keymap_error is not None:
            self.notify(
                f"{self._keymap_error}. The standard keys are in use.",
                title="Keymap not used", severity="error", timeout=20, markup=False,
            )
            return
        if self.keymap:
            self.set_keymap(self.keymap)

    def get_key_display(self, binding: Binding) -> str:
        # Home's one footer entry for its section keys names the keys really bound to them.
        if binding.id == SECTION_KEYS_BINDING:
            return section_keys_display(self)
        return super().get_key_display(binding)

    def _restore_journal(self) -> None:
        """Bring back what was typed just before an earlier session ended abruptly."""
        result = recover(self.profile)
        if result.restored:
            self.notify(
                f"Restored what you were typing when goalcoach last closed: {describe(result.restored)}.",
                title="Text restored",
                timeout=15,
                markup=False,
            )
        if result.error:
            self.notify(
                f"Text typed before goalcoach last closed could not be restored yet: {result.error}",
                title="Not restored",
                severity="error",
                timeout=15,
                markup=False,
            )

    # -- ending ------------------------------------------------------------------------------
    def request_end(self, reason: str = "") -> None:
        """Save what is unsaved, then exit. Safe from any thread and from a signal handler."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            loop.call_soon_threadsafe(self._end_session)
        except RuntimeError:
            pass  # the loop has already stopped: the app is ending anyway

    def _end_session(self) -> None:
        self.flush_drafts()
        # Saves run in workers: leave once they are on disk (the journal holds the text meanwhile).
        self.run_worker(self._leave_after_saves(), group="leaving", exit_on_error=False)

    async def _leave_after_saves(self) -> None:
        await self._wait_then_leave_saves()
        self.exit()

    def panic(self, *renderables: RenderableType) -> None:
        if any(_is_terminal_failure(r) for r in renderables):
            # The terminal's input failed (an I/O error, a reset): the session is over, not broken.
            self._end_session()
            return
        self.flush_drafts()
        super().panic(*renderables)

    async def on_unmount(self) -> None:
        # Screens and editors have asked to save by now; once those saves are on disk, empty
        # the journal and stop its writer (it keeps whatever is still unsaved for the next start).
        await self._wait_then_leave_saves()
        self.journal.close()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Only the focused widget shows a cursor, so steadying it here covers every screen.
        if self.low_bandwidth and hasattr(event.widget, "cursor_blink"):
            event.widget.cursor_blink = False

    # -- unexpected errors -------------------------------------------------------------------
    def _handle_exception(self, error: Exception) -> None:
        # Textual has no public hook for an unhandled error: its default (App._fatal_error)
        # prints a Rich traceback with local variables. An error with __rich__ is shown as that
        # renderable instead, so the original is replaced by a short notice (it stays the cause,
        # so tests still see it) after a report without values is saved.
        from goalcoach import crash_report

        notice = UnexpectedError(crash_report.save(self.profile.data_dir, error))
        notice.__cause__ = error
        super()._handle_exception(notice)

    # -- theme -------------------------------------------------------------------------------
    def get_css_variables(self) -> dict[str, str]:
        variables = readable_status_colours(readable_footer_keys(super().get_css_variables()))
        self.theme_variables = variables
        return variables

    def watch_theme(self, theme: str) -> None:
        if not self._restoring_theme and self.profile.setting("theme") != theme:
            self.save(partial(self.profile.set_setting, "theme", theme), lane="settings")

    # -- saving ------------------------------------------------------------------------------
    def save(
        self,
        job: Callable[[], object],
        *,
        lane: str,
        then: Callable[[Any], None] | None = None,
        failed: Callable[[str], None] | None = None,
    ) -> None:
        """Run a profile write in the background (see screens.saving); never blocks a key.

        `job` must carry its own copy of the data (it runs on another thread). `then(result)`
        runs on the UI thread once it is on disk; on failure the person is told why, `failed`
        runs, and whatever is on screen stays there to be saved again.
        """
        self.saves.submit(lane, Pending(job, then, failed))
        self.set_timer(self.SAVING_SHOWN_AFTER, self._show_if_still_saving)

    def _show_if_still_saving(self) -> None:
        if self.saves.busy() and not self._failed_lanes:
            self.save_state = "saving"

    def _update_save_state(self) -> None:
        # "not saved" until the lane that failed saves again; "saving…" until the queue is empty.
        if self._failed_lanes:
            self.save_state = "failed"
        elif not self.saves.busy():
            self.save_state = "saved"

    def on_save_finished(self, message: SaveFinished) -> None:
        # A save merged with another session's change says so (and where the other text went).
        for notice in message.notices:
            self.notify(notice, title="Changed in another session", severity="warning", timeout=15, markup=False)
        if message.error is None:
            self._failed_lanes.discard(message.lane)
            self._update_save_state()
            if message.pending.then is not None:
                message.pending.then(message.result)
            return
        self._failed_lanes.add(message.lane)
        self._update_save_state()
        self.notify(message.error, title="Not saved", severity="error", timeout=10, markup=False)
        if message.pending.failed is not None:
            message.pending.failed(message.error)

    def save_now(self, job: Callable[[], object]) -> bool:
        """Run a profile write on this thread (a worker's own thread: never the UI thread)."""
        try:
            job()
        except ProfileWriteError as error:
            self._notify_from_thread(str(error), title="Not saved", severity="error", timeout=10)
            return False
        finally:
            for notice in self.profile.take_notices():
                self._notify_from_thread(notice, title="Changed in another session", severity="warning", timeout=15)
        return True

    def _notify_from_thread(self, message: str, **options: Any) -> None:
        if threading.current_thread() is threading.main_thread():
            self.notify(message, markup=False, **options)
        else:
            self.call_from_thread(partial(self.notify, message, markup=False, **options))

    async def wait_for_saves(self, limit: float | None = None) -> bool:
        """Until every queued write is on disk or has failed; False if `limit` seconds passed first."""
        try:
            await asyncio.wait_for(self._saves_done(), limit)
        except asyncio.TimeoutError:
            return False
        return True

    async def _saves_done(self) -> None:
        # Polled rather than awaiting the workers: Textual's wait_for_complete swallows the
        # cancellation that ends a bounded wait. Only ever runs on the way out.
        while self.saves.busy():
            await asyncio.sleep(0.02)

    async def _wait_then_leave_saves(self) -> None:
        """Before leaving: wait a bounded time, then drop writes not started. Their text stays
        unsettled in the journal, which the next start replays, so leaving never hangs on a
        lock another session holds and nothing typed is lost."""
        if not await self.wait_for_saves(self.LEAVE_WAIT):
            self.saves.stop_taking()

    def register_draft_saver(self, saver: DraftSaver) -> None:
        self._draft_savers.append(saver)

    def unregister_draft_saver(self, saver: DraftSaver) -> None:
        if saver in self._draft_savers:
            self._draft_savers.remove(saver)

    def flush_drafts(self) -> None:
        for saver in list(self._draft_savers):
            try:
                saver()
            except Exception:  # noqa: BLE001 - one editor's failure must not stop the others saving
                pass

    async def action_quit(self) -> None:
        self.flush_drafts()
        if self.saves.busy():
            self.notify(
                f"Saving… (another goalcoach session is saving; leaving within {self.LEAVE_WAIT:g} s, "
                "and anything not saved by then is restored next time)",
                markup=False,
            )
            await self._wait_then_leave_saves()
        self.exit()

    # -- navigation ----------------------------------------------------------------------------
    def open_section(self, name: str) -> None:
        section = section_named(name)
        if section is not None:
            self.push_screen(section.screen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return not isinstance(self.screen, HomeScreen)  # home is where "back" ends
        return True

    def action_back(self) -> None:
        self.pop_screen()

    def action_help(self) -> None:
        from goalcoach.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        guide = getattr(self.screen, "HELP_GUIDE", "home")
        self.push_screen(HelpScreen(guide, title=f"Help: {self.screen.title or 'goalcoach'}"))

    # -- command palette ---------------------------------------------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        state = "on" if self.low_bandwidth else "off"
        yield SystemCommand(
            f"Low-bandwidth mode (now {state})",
            "No cursor blink or animations: best over slow SSH links",
            self.toggle_low_bandwidth,
        )
        from goalcoach.screens.transfer_commands import transfer_commands

        yield from transfer_commands(self)
        if isinstance(screen, BaseScreen):
            yield from screen.extra_commands()

    def toggle_low_bandwidth(self) -> None:
        self.low_bandwidth = not self.low_bandwidth
        self.animation_level = "none" if self.low_bandwidth else "full"
        self.save(partial(self.profile.set_setting, "low_bandwidth", self.low_bandwidth), lane="settings")
        self.notify(f"Low-bandwidth mode {'on' if self.low_bandwidth else 'off'}.", markup=False)


def _is_terminal_failure(renderable: object) -> bool:
    """A traceback of an OSError: what the driver's input thread reports when the terminal goes."""
    if not isinstance(renderable, Traceback):
        return False
    stacks = renderable.trace.stacks  # the raised exception first, then what caused it
    if not stacks:
        return False
    exception = getattr(builtins, stacks[0].exc_type, None)
    return isinstance(exception, type) and issubclass(exception, OSError)
