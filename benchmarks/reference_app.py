#!/usr/bin/env python3
"""The reference: a minimal Textual app (Header, a Static, a TextArea, Footer).

It is the floor for any Textual app on this machine, so every goalcoach figure is divided by
the same figure measured on this app in the same run. With SSH_CONNECTION set (as goalcoach)
the cursor does not blink, so the idle figures compare like with like.
"""

from __future__ import annotations

import os

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static, TextArea

GREETING = "Reference app: the floor for any Textual app."


class ReferenceApp(App[None]):
    TITLE = "reference"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True, id="reference.quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(GREETING, id="greeting", markup=False)
        yield TextArea(id="editor")
        yield Footer()

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
        editor.cursor_blink = not os.environ.get("SSH_CONNECTION")
        editor.focus()


if __name__ == "__main__":
    ReferenceApp().run()
