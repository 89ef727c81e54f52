"""The header with the save state on its right: "saving…", "saved" or "not saved".

Saves run in the background (screens.saving), so the person needs one steady place that says
whether what they typed is on disk. The state changes only when a save starts waiting, ends or
fails, never on a key, so it costs no bytes while typing.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult, RenderResult
from textual.widget import Widget
from textual.widgets import Header

# What each state says; "" before anything was saved in this session.
LABELS = {"": "", "saved": "✓ saved", "saving": "saving…", "failed": "not saved"}


class SaveState(Widget):
    DEFAULT_CSS = """
    SaveState {
        dock: right;
        width: 10;  /* the clock's room: the title stays centred where it was */
        padding: 0 1 0 0;
        content-align: right middle;
        color: $text-muted;
    }
    SaveState.-saving { color: $text-warning; }
    SaveState.-failed { color: $text-error; text-style: bold; }
    """

    def on_mount(self) -> None:
        self.watch(self.app, "save_state", self._show)

    def _show(self, state: str) -> None:
        self.set_class(state == "saving", "-saving")
        self.set_class(state == "failed", "-failed")
        self.refresh()

    def render(self) -> RenderResult:
        return Text(LABELS.get(getattr(self.app, "save_state", ""), ""), no_wrap=True)


class AppHeader(Header):
    """Textual's header with the save state where the clock would be."""

    def compose(self) -> ComposeResult:
        *title_parts, _clock_space = list(super().compose())
        yield from title_parts
        yield SaveState()
