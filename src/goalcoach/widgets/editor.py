"""AnswerEditor: a TextArea whose text is never lost and that tells its screen when typing pauses.

- Each change reaches the app's write-ahead journal within WRITE_AHEAD_DELAY (so even a killed
  process keeps what was typed), and the draft file is saved about a second after the last
  keystroke (and on unmount, quit and every other way the app ends, through the draft savers).
- `Settled` is posted a moment after typing pauses, so the screen runs the coach then and
  never on the keystroke itself.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import partial
from time import monotonic

from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult, Selection

from goalcoach.profile.journal import draft_target
from goalcoach.textsafety import clean_text
from goalcoach.widgets.keys_in_order import EditingKeysInOrder

AUTOSAVE_DELAY = 1.0
# At most this long between a key and its text going to the journal; one copy of the text per
# interval rather than per key.
WRITE_AHEAD_DELAY = 0.1
SETTLE_DELAY = 0.25
# Far beyond any spoken answer (about 30,000 words), and small enough to stay responsive.
MAX_CHARS = 200_000


class AnswerEditor(EditingKeysInOrder, TextArea):
    # TextArea repaints the whole widget, borders included, whenever the cursor moves, which
    # is every keystroke: about 3 KB per key over SSH. Repaint only the rows that changed.
    selection = reactive(Selection(), init=False, always_update=True, repaint=False)

    class Settled(Message):
        """Typing paused: the text is ready to be coached."""

        def __init__(self, editor: "AnswerEditor", text: str) -> None:
            super().__init__()
            self.editor = editor
            self.text = text

        @property
        def control(self) -> "AnswerEditor":
            return self.editor

    def __init__(
        self,
        text: str = "",
        *,
        draft_key: str | None = None,
        restore_draft: bool = True,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(text, soft_wrap=True, tab_behavior="focus", show_line_numbers=False, id=id, classes=classes)
        self.draft_key = draft_key
        self.restore_draft = restore_draft
        self._dirty = False
        self._save_timer: Timer | None = None
        self._settle_timer: Timer | None = None
        self._write_ahead_timer: Timer | None = None
        self._changed_at = 0.0

    def on_mount(self) -> None:
        # A text opened for editing (a saved version): typing continues it, not precedes it.
        self.move_cursor(self.document.end)
        if self.draft_key:
            self.app.register_draft_saver(self.save_draft_now)
            if self.restore_draft:
                self._restore()

    def on_unmount(self) -> None:
        if self.draft_key:
            self.save_draft_now()
            self.app.unregister_draft_saver(self.save_draft_now)

    def _restore(self) -> None:
        draft = self.app.profile.draft(self.draft_key)
        if not draft or not isinstance(draft.get("text"), str):
            return
        self.load_text(draft["text"])
        row, col = (list(draft.get("cursor") or [0, 0]) + [0, 0])[:2]
        try:
            self.move_cursor((int(row), int(col)))
        except (TypeError, ValueError):
            pass
        self._dirty = False

    def _on_resize(self) -> None:
        super()._on_resize()
        # A new width re-wraps every line: repaint them all (keystrokes repaint only their rows),
        # and keep the cursor in sight.
        self.refresh()
        self.call_after_refresh(self._settle_view)

    def _settle_view(self) -> None:
        # Taller or wider, the text may now fit: a scroll offset left from the old size would
        # hide its first lines.
        if self.scroll_y > self.max_scroll_y:
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
        self.scroll_cursor_visible()

    def watch_selection(self, previous: Selection, selection: Selection) -> None:
        if previous.start != previous.end or selection.start != selection.end:
            self.refresh()  # a selection's highlight can span many rows
            return
        if previous.end[0] != selection.end[0]:
            # The cursor line's highlight moves from one line to the other: both repaint whole.
            for row in {previous.end[0], selection.end[0]}:
                self._refresh_document_line(row)
            return
        # Within one line (typing), only the screen rows holding the old and new cursor change.
        for location in {previous.end, selection.end}:
            self._refresh_cursor_row(location)

    def edit(self, edit: Edit) -> EditResult:
        """Every change passes here: drop terminal control characters, cap the size, and
        repaint only the rows the change touched."""
        edit.text = clean_text(edit.text)
        if len(edit.text) > 1:  # a paste or a loaded text, not a keystroke
            replaced = len(self.get_text_range(edit.from_location, edit.to_location))
            room = MAX_CHARS - (len(self.text) - replaced)
            if len(edit.text) > room:
                edit.text = edit.text[: max(room, 0)]
                self.notify(
                    f"The answer editor holds up to {MAX_CHARS:,} characters; the rest of the paste was left out.",
                    severity="warning",
                    markup=False,
                )
        height = self.wrapped_document.height
        was_empty = self._is_empty()
        one_line = edit.top[0] == edit.bottom[0] and "\n" not in edit.text
        wraps_before = list(self.wrapped_document.get_offsets(edit.top[0])) if one_line else []
        result = super().edit(edit)
        # Becoming empty or non-empty swaps the placeholder, which needs a full repaint.
        if one_line and not was_empty and not self._is_empty() and self.wrapped_document.height == height:
            # Re-wrapping stays within this line's rows, and leaves alone the rows before the
            # edit whose wrap points did not move.
            row, column = edit.top
            wraps = self.wrapped_document.get_offsets(row)
            first = bisect_right(wraps, column)
            moved = next((n for n, (old, new) in enumerate(zip(wraps_before, wraps)) if old != new), first)
            self._refresh_document_line(row, from_section=min(first, moved))
        else:
            self.refresh()
            # The cursor was scrolled into view before the new height reached the scroll
            # limits; once it has, a row added at the bottom must come into view too.
            self.call_after_refresh(self.scroll_cursor_visible)
        return result

    def _is_empty(self) -> bool:
        return self.document.line_count == 1 and not self.document.get_line(0)

    def _refresh_document_line(self, row: int, from_section: int = 0) -> None:
        """Repaint a line's screen rows, from its `from_section`th (0: all of them) to its end."""
        if not 0 <= row < self.document.line_count:
            return
        sections = len(self.wrapped_document.get_offsets(row)) + 1
        first = min(from_section, sections - 1)
        top = self._line_top(row)
        self.refresh_lines(top + first, sections - first)

    def _line_top(self, row: int) -> int:
        """The first screen row (of the wrapped view) of document line `row`.

        Read from the wrapped view's own table: `location_to_offset` gives the same number but
        splits the whole line into its screen rows first, which in a long paragraph costs
        milliseconds on every key."""
        tops = getattr(self.wrapped_document, "_line_index_to_offsets", None)
        if isinstance(tops, list) and 0 <= row < len(tops) and tops[row]:
            return tops[row][0]
        return self.wrapped_document.location_to_offset((row, 0)).y

    def _refresh_cursor_row(self, location: tuple[int, int]) -> None:
        row, column = location
        if not 0 <= row < self.document.line_count:
            return
        offsets = self.wrapped_document.get_offsets(row)
        section = bisect_right(offsets, column)
        # At a wrap point the cursor may be drawn at the end of the row above.
        first = section - 1 if section and column == offsets[section - 1] else section
        top = self._line_top(row)
        self.refresh_lines(top + first, section - first + 1)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area is not self:
            return
        self._dirty = True
        # A key only notes its time: the timers below are set once per pause, not once per key,
        # and each moves itself on if keys came after it was set.
        self._changed_at = monotonic()
        if self._settle_timer is None:
            self._settle_timer = self.set_timer(SETTLE_DELAY, self._settle_due)
        if self.draft_key:
            if self._save_timer is None:
                self._save_timer = self.set_timer(AUTOSAVE_DELAY, self._save_due)
            if self._write_ahead_timer is None:  # not moved on by later keys: text goes out while typing
                self._write_ahead_timer = self.set_timer(WRITE_AHEAD_DELAY, self._write_ahead)

    def _time_left(self, delay: float) -> float:
        """How long until `delay` has passed since the last change (none left: 0 or less)."""
        return self._changed_at + delay - monotonic()

    def _settle_due(self) -> None:
        wait = self._time_left(SETTLE_DELAY)
        if wait > 0:
            self._settle_timer = self.set_timer(wait, self._settle_due)
            return
        self._settle_timer = None
        self._settled()

    def _save_due(self) -> None:
        wait = self._time_left(AUTOSAVE_DELAY)
        if wait > 0:
            self._save_timer = self.set_timer(wait, self._save_due)
            return
        self._save_timer = None
        self.save_draft_now()

    def _write_ahead(self) -> None:
        self._write_ahead_timer = None
        if self.draft_key and self._dirty:
            self.app.journal.note_draft(self.draft_key, self.text, self.cursor_location)

    def _settled(self) -> None:
        self.post_message(self.Settled(self, self.text))

    def save_draft_now(self) -> None:
        """Write the draft if it changed since the last save (cheap to call often)."""
        if not self.draft_key or not self._dirty:
            return
        self._dirty = False  # typing from now on makes it dirty again
        text = self.text
        # Into the journal too: a save made while leaving is never confirmed to the journal,
        # which the next start replays, so it must never hold older text than the save.
        self.app.journal.note_draft(self.draft_key, text, self.cursor_location)
        save = partial(self.app.profile.save_draft, self.draft_key, text, self.cursor_location)
        self.app.save(save, lane=f"draft:{self.draft_key}", then=partial(self._draft_saved, text),
                      failed=self._draft_not_saved)

    def _draft_saved(self, text: str, _result: object) -> None:
        if not self._dirty and self.text == text:  # nothing newer typed: the journal may drop it
            self.app.journal.settle(draft_target(self.draft_key))

    def _draft_not_saved(self, _error: str) -> None:
        self._dirty = True  # the text is still here: the next autosave or leaving tries again

    def discard_draft(self) -> None:
        """The text was saved elsewhere (a version, an attempt): forget the draft."""
        self._dirty = False
        if self.draft_key:
            key = self.draft_key
            self.app.save(partial(self.app.profile.clear_draft, key), lane=f"draft:{key}",
                          then=lambda _: self.app.journal.settle(draft_target(key)))
