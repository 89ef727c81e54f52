"""What every goalcoach screen shares: its help guide and the 'terminal too small' notice."""

from __future__ import annotations

from typing import Iterable

from textual import events
from textual.app import SystemCommand
from textual.screen import Screen
from textual.widgets import Input, Static

from goalcoach.screens.keys import screen_key
from goalcoach.textsafety import clean_text
from goalcoach.widgets.form import show_with_label

MIN_WIDTH = 60
MIN_HEIGHT = 18

# Global rules (the app's CSS): below the minimum, a screen shows only its notice.
SIZE_NOTICE_CSS = """
#too-small {
    display: none;
    width: 1fr;
    height: 1fr;
    content-align: center middle;
    text-align: center;
    color: $warning;
}
.-too-small > * { display: none; }
/* Under 110 columns the screen's own keys need the footer's whole width; ctrl+p still opens
   the command palette (the help says so). */
.-narrow FooterKey.-command-palette { display: none; }
.-too-small > #too-small { display: block; }
"""


class MinimumSize:
    """Mixin for screens: below MIN_WIDTH×MIN_HEIGHT, say so instead of drawing a broken layout."""

    def on_mount(self) -> None:
        self.mount(
            Static(
                f"Make the terminal larger: goalcoach needs at least {MIN_WIDTH}×{MIN_HEIGHT}.",
                id="too-small",
                markup=False,
            )
        )
        self._check_size(self.app.size.width, self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)
        # A new layout (a breakpoint crossed) can move the field being typed in off screen.
        self.call_after_refresh(self._keep_focus_in_view)

    def _keep_focus_in_view(self) -> None:
        focused = getattr(self, "focused", None)
        if focused is not None:
            show_with_label(focused)

    def _check_size(self, width: int, height: int) -> None:
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        if small and not self.has_class("-too-small"):
            # Hiding the screen's widgets takes their focus; remember it to give it back.
            self._focus_before_notice = self.focused
        self.set_class(small, "-too-small")
        before = getattr(self, "_focus_before_notice", None)
        if not small and before is not None:
            self._focus_before_notice = None
            self.call_after_refresh(before.focus)  # once it is displayed again


class BaseScreen(MinimumSize, Screen):
    """A screen with a help guide (content/guide/<HELP_GUIDE>.md) and a minimum size."""

    HELP_GUIDE = "home"

    def on_input_changed(self, event: Input.Changed) -> None:
        # A paste can carry escape sequences; a field must never send them to the terminal.
        cleaned = clean_text(event.value)
        if cleaned != event.value:
            event.input.value = cleaned

    def key(self, binding_id: str) -> str:
        """The key bound to `binding_id` (of this screen or the app) as hints name it: the
        person's keymap.toml first, else the default in BINDINGS."""
        return screen_key(self, binding_id)

    def extra_commands(self) -> Iterable[SystemCommand]:
        """Commands this screen adds to the command palette."""
        return ()
