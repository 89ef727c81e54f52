"""User text never carries terminal commands into the app, the profile or an export."""

from __future__ import annotations

from goalcoach.textsafety import clean_data, clean_text
from goalcoach.widgets.editor import MAX_CHARS, AnswerEditor

HOSTILE = "plan\x1b[2J \x1b]8;;file:///etc/passwd\x07link\x1b]8;;\x07 \x9b31m end\r\nnext"


def test_clean_text_keeps_words_newlines_and_tabs_but_no_controls():
    cleaned = clean_text(HOSTILE + "\ttab")
    assert "\x1b" not in cleaned and "\x07" not in cleaned and "\x9b" not in cleaned
    assert cleaned == "plan link  end\nnext\ttab"  # whole sequences go, the words stay
    assert "passwd" not in cleaned and "[2J" not in cleaned
    assert clean_text("ordinary [/] text — ✓ 你好 مرحبا") == "ordinary [/] text — ✓ 你好 مرحبا"


def test_clean_data_walks_nested_values():
    data = clean_data({"a\x1b": ["x\x07y", {"k": "v\x07"}], "n": 3})
    assert data == {"a": ["xy", {"k": "v"}], "n": 3}


def test_the_profile_stores_no_control_characters(profile):
    profile.update_section("target", role=HOSTILE)
    profile.save_draft("builder", HOSTILE)
    profile.add_attempt({"kind": "practice", "text": HOSTILE})
    profile.add_version(HOSTILE, HOSTILE)
    raw = b"".join(p.read_bytes() for p in profile.data_dir.rglob("*") if p.is_file())
    assert b"\x1b" not in raw and b"\\u001b" not in raw
    assert "link" in profile.section("target")["role"]


async def test_the_editor_strips_controls_and_caps_a_huge_paste(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        editor = AnswerEditor(id="probe")
        await app.screen.mount(editor)
        editor.insert(HOSTILE)
        assert "\x1b" not in editor.text and "link" in editor.text
        editor.clear()
        editor.insert("x" * (MAX_CHARS + 5000))
        await pilot.pause()
        assert len(editor.text) == MAX_CHARS


async def test_a_field_on_any_screen_drops_pasted_escape_sequences(make_app):
    from textual.widgets import Input

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        field = Input(id="probe-field")
        await app.screen.mount(field)
        field.focus()
        field.insert_text_at_cursor("role\x1b[2J\x1b]8;;file:///etc/passwd\x07x")
        await pilot.pause()
        assert "\x1b" not in field.value and field.value.startswith("role")
