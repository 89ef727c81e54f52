"""The answer editor repaints only the screen rows a key changed (a whole repaint costs kilobytes
per key over SSH), so every row whose picture changes must be among those it repaints, however
the words re-wrap."""

from __future__ import annotations

import pytest

from goalcoach.app import GoalCoachApp
from goalcoach.profile import Profile
from goalcoach.screens.builder import BuilderScreen
from goalcoach.widgets.editor import AnswerEditor

from goalcoach_test_support import fixed_clock, settle

PARAGRAPH = (
    "In the next two years I want to grow into a senior analyst role where I own the reporting "
    "for a product line end to end, and longer term I would like to lead a small team that people "
    "trust with their hardest questions, because turning messy data into decisions is the part "
    "of my work I enjoy most."
)


def keys_of(text: str) -> list[str]:
    return ["space" if ch == " " else ch for ch in text]


# Into the middle of the wrapped paragraph: words pushed down a row and pulled back up, a row's
# first word shortened until it fits on the row above, a new line, and typing at the end.
KEYS = (
    ["up", "up", "end"] + keys_of("wonderfully long words here ") + ["backspace"] * 12
    + ["home"] + keys_of("Mm ") + ["backspace"] * 5
    + ["down", "home"] + ["delete"] * 6
    + ["up", "up", "home"] + ["delete"] * 4
    + ["end", "enter"] + keys_of("A second line") + ["up", "end"] + keys_of(" end")
)


@pytest.mark.slow  # hundreds of keys, one repaint check each
async def test_every_row_a_key_changes_is_repainted(data_dir):
    app = GoalCoachApp(Profile.open(data_dir, clock=fixed_clock), low_bandwidth=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("2")
        await settle(pilot, lambda: isinstance(app.screen, BuilderScreen))
        editor = app.screen.query_one("#editor", AnswerEditor)
        editor.focus()
        editor.insert(PARAGRAPH)
        await pilot.pause()
        assert editor.wrapped_document.height >= 4  # the paragraph wraps

        repainted: list[tuple] = []
        refresh = editor.refresh

        def recording(*regions, **kwargs):
            repainted.append(regions)
            return refresh(*regions, **kwargs)

        editor.refresh = recording
        height = editor.content_region.height

        def picture() -> list[tuple]:
            return [tuple(editor.render_line(y)) for y in range(height)]

        partial_keys = 0
        for key in KEYS:
            before = picture()
            repainted.clear()
            await pilot.press(key)
            await pilot.pause()
            changed = {y for y, (old, new) in enumerate(zip(before, picture())) if old != new}
            if any(not regions for regions in repainted):
                continue  # a whole repaint covers every row
            partial_keys += 1
            rows = {y for regions in repainted for region in regions for y in range(region.y, region.bottom)}
            assert changed <= rows, f"after {key!r} rows {sorted(changed - rows)} changed but were not repainted"
        assert partial_keys > len(KEYS) // 2  # most keys repainted only part of the editor
        assert "A second line" in editor.text and "onderfully long" in editor.text  # the keys landed


@pytest.mark.slow  # a long answer typed key by key
async def test_a_row_added_at_the_bottom_of_a_long_answer_comes_into_view(data_dir):
    app = GoalCoachApp(Profile.open(data_dir, clock=fixed_clock), low_bandwidth=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await settle(pilot, lambda: isinstance(app.screen, BuilderScreen))
        editor = app.screen.query_one("#editor", AnswerEditor)
        editor.focus()
        editor.insert(" ".join([PARAGRAPH] * 6))
        await pilot.pause()
        assert editor.wrapped_document.height > editor.scrollable_content_region.height  # it scrolls

        def cursor_in_view() -> bool:
            y = editor.wrapped_document.location_to_offset(editor.cursor_location).y
            return editor.scroll_y <= y < editor.scroll_y + editor.scrollable_content_region.height

        grew = 0
        for key in keys_of(" and then a few more words, enough to wrap onto new rows twice over at least"):
            height = editor.wrapped_document.height
            await pilot.press(key)
            await pilot.pause()
            if editor.wrapped_document.height > height:
                grew += 1
                assert cursor_in_view(), "typing went on below the editor's edge"
        assert grew >= 1


async def test_each_lines_first_screen_row_is_found_without_splitting_it(data_dir, monkeypatch):
    """A key repaints rows counted from its line's first screen row. That row is read from the
    wrapped view's table, not found by splitting the line into its rows (milliseconds per key in
    a long paragraph), and it is the row the wrapped view itself gives for the line's start."""
    from textual.document._wrapped_document import WrappedDocument

    app = GoalCoachApp(Profile.open(data_dir, clock=fixed_clock), low_bandwidth=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await settle(pilot, lambda: isinstance(app.screen, BuilderScreen))
        editor = app.screen.query_one("#editor", AnswerEditor)
        editor.insert("\n".join([PARAGRAPH, "", "A short line.", PARAGRAPH * 3, "\tTabbed."]))
        await pilot.pause()
        document = editor.wrapped_document
        expected = [document.location_to_offset((row, 0)).y for row in range(editor.document.line_count)]
        assert len(set(expected)) == editor.document.line_count and expected[-1] > editor.document.line_count

        splits: list = []
        get_sections = WrappedDocument.get_sections
        monkeypatch.setattr(WrappedDocument, "get_sections", lambda self, row: splits.append(row) or get_sections(self, row))
        assert [editor._line_top(row) for row in range(editor.document.line_count)] == expected
        for row in range(editor.document.line_count):  # what a key repaints on its line
            editor._refresh_cursor_row((row, len(editor.document[row])))
            editor._refresh_document_line(row, from_section=1)
        assert not splits
