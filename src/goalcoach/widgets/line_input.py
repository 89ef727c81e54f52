"""A one-line text field that shows its start whenever it does not have focus.

Textual's Input keeps its horizontal scroll when focus leaves, so a field longer than its box
goes on showing its tail (the end typed last) after Tab moves on. This one scrolls back to the
start on blur, and on focus brings the cursor (kept where it was) back into view. `f7` selects
all of it, as in the multi-line boxes (Input's own ctrl+shift+a does not reach it in most terminals).
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.geometry import Region
from textual.widgets import Input

from goalcoach.widgets.keys_in_order import EditingKeysInOrder


class LineInput(EditingKeysInOrder, Input):
    BINDINGS = [Binding("f7", "select_all", "Select all", show=False)]

    # Textual runs Input's own focus and blur handlers as well (it calls each class's).
    def _on_blur(self, event: events.Blur) -> None:
        self.scroll_to(x=0, animate=False, immediate=True)

    def _on_focus(self, event: events.Focus) -> None:
        # After the refresh: a click that gave the focus has placed the cursor by then, and a
        # cursor already in view is left where it is.
        self.call_after_refresh(self._cursor_into_view)

    def _cursor_into_view(self) -> None:
        if self.has_focus:
            column = cell_len(self.value[: self.cursor_position])
            self.scroll_to_region(Region(column, 0, 1, 1), animate=False, immediate=True)
