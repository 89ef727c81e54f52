"""ProseField: a wrapping text box for a sentence or a paragraph the person writes.

One-line inputs show only the tail of a sentence and cut long placeholders; this box wraps both
and grows with the text. Entering it by keyboard puts the cursor after the existing text, so
typing adds to it. A `one_paragraph` field (a goal, a step, a builder slot) moves on with enter
like a form field; the others take enter as a new line.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult

from goalcoach.textsafety import clean_text
from goalcoach.widgets.keys_in_order import EditingKeysInOrder


class ProseField(EditingKeysInOrder, TextArea):
    DEFAULT_CSS = """
    ProseField { height: auto; min-height: 3; max-height: 9; }
    """

    class Submitted(Message):
        """Enter in a one-paragraph field: the person is done with it."""

        def __init__(self, field: "ProseField") -> None:
            super().__init__()
            self.field = field

        @property
        def control(self) -> "ProseField":
            return self.field

    def __init__(
        self,
        text: str = "",
        *,
        placeholder: str = "",
        one_paragraph: bool = False,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(
            text,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            placeholder=placeholder,
            id=id,
            classes=classes,
            disabled=disabled,
        )
        self.one_paragraph = one_paragraph
        self._laid_out_lines = 0

    @property
    def value(self) -> str:
        return self.text

    def set_text_quietly(self, text: str) -> None:
        """Show another text without posting Changed (switching which item the field edits)."""
        with self.prevent(TextArea.Changed):
            self.load_text(text)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # An empty box is tall enough for its whole placeholder (an example or a hint).
        return max(super().get_content_height(container, viewport, width), self._placeholder_lines(width))

    def watch_placeholder(self) -> None:
        self.refresh(layout=True)  # a new placeholder may wrap onto another number of lines

    def _placeholder_lines(self, width: int) -> int:
        if self.text or not self.placeholder or width <= 0:
            return 0
        return len(Content.from_text(self.placeholder).wrap(width))

    def edit(self, edit: Edit) -> EditResult:
        # A paste can carry escape sequences; a field must never send them to the terminal.
        edit.text = clean_text(edit.text)
        if self.one_paragraph:
            edit.text = " ".join(edit.text.splitlines()) if "\n" in edit.text else edit.text
        was_empty = not self.text
        result = super().edit(edit)
        if was_empty != (not self.text) and self.placeholder:
            self.refresh(layout=True)  # the placeholder's lines came or went: a new height
        return result

    def _on_resize(self) -> None:
        super()._on_resize()
        # The first layout sizes the box before its width is known: once it is, a placeholder
        # that wraps differently needs the containers laid out again, or its last line is cut.
        lines = self._placeholder_lines(self.content_size.width)
        if lines != self._laid_out_lines:
            self._laid_out_lines = lines
            self.refresh(layout=True)
        # The box grows as text wraps onto a new line: keep the part being typed in on screen.
        if self.has_focus:
            self.call_after_refresh(self.scroll_visible, animate=False, immediate=True)

    def _on_focus(self, event: events.Focus) -> None:
        super()._on_focus(event)
        # Typing continues the text rather than landing in front of it (a click still places
        # the cursor where it lands: the mouse event comes after this one).
        self.move_cursor(self.document.end)

    async def _on_key(self, event: events.Key) -> None:
        if self.one_paragraph and event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted(self))
            return
        await super()._on_key(event)
