"""Small modal dialogs shared by the screens: a yes/no question and a one-line prompt.

Both show their question as plain text (it may quote user text) and work by keyboard alone.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from goalcoach.screens.keys import screen_key
from goalcoach.widgets.line_input import LineInput

DIALOG_CSS = """
ConfirmDialog, PromptDialog { align: center middle; background: $background 60%; }
ConfirmDialog > Vertical, PromptDialog > Vertical {
    width: 64; max-width: 95%; height: auto; max-height: 90%;
    border: thick $primary; background: $panel; padding: 1 2;
}
ConfirmDialog .dialog-question, PromptDialog .dialog-question { width: 1fr; margin-bottom: 1; }
ConfirmDialog .dialog-keys, PromptDialog .dialog-keys { color: $text-muted; margin-top: 1; }
ConfirmDialog Horizontal, PromptDialog Horizontal { height: auto; align-horizontal: right; }
ConfirmDialog Button, PromptDialog Button { margin-left: 2; min-width: 10; }
"""


class ConfirmDialog(ModalScreen[bool]):
    """Ask a yes/no question; dismisses with True (yes) or False (no / escape)."""

    DEFAULT_CSS = DIALOG_CSS
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="dialog.yes"),
        Binding("n", "answer(False)", "No", id="dialog.no"),
        Binding("escape", "answer(False)", "Cancel", id="dialog.cancel"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, classes="dialog-question", markup=False)
            with Horizontal():
                yield Button("Yes", id="yes", variant="primary")
                yield Button("No", id="no")
            keys = f"{screen_key(self, 'dialog.yes')} yes · {screen_key(self, 'dialog.no')} or {screen_key(self, 'dialog.cancel')} no"
            yield Static(keys, classes="dialog-keys", markup=False)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class PromptDialog(ModalScreen["str | None"]):
    """Ask for one line of text; dismisses with the stripped text, or None on escape/empty."""

    DEFAULT_CSS = DIALOG_CSS
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
        Binding("ctrl+s", "submit", "OK", id="dialog.ok"),
    ]

    def __init__(self, question: str, default: str = "") -> None:
        super().__init__()
        self.question = question
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, classes="dialog-question", markup=False)
            yield LineInput(self.default, id="prompt-input", select_on_focus=True)
            with Horizontal():
                yield Button("OK", id="ok", variant="primary")
                yield Button("Cancel", id="cancel")
            keys = f"enter or {screen_key(self, 'dialog.ok')} OK · {screen_key(self, 'dialog.cancel')} cancel"
            yield Static(keys, classes="dialog-keys", markup=False)

    def on_mount(self) -> None:
        self.query_one("#prompt-input", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self.action_submit()
        else:
            self.action_cancel()

    def action_submit(self) -> None:
        value = self.query_one("#prompt-input", Input).value.strip()
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
