"""A keymap file in the user config directory rebinds keys by binding id; a broken one is named
in a message and the standard keys stay."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from goalcoach.keymap import KeymapError, load_keymap
from goalcoach.screens.builder import BuilderScreen
from goalcoach.screens.home import HomeScreen
from goalcoach_test_support import record_notifications, settle


def write_keymap(text: str) -> Path:
    path = Path(os.environ["GOALCOACH_CONFIG_DIR"]) / "keymap.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


async def test_a_keymap_file_rebinds_a_key(make_app):
    write_keymap('"home.builder" = "b"\n')
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("2")  # the standard key no longer opens the builder
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("b")
        await settle(pilot, lambda: isinstance(app.screen, BuilderScreen))


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('"home.builder" = [', "not valid TOML"),
        ('"home.builder" = 2\n', "give keys as text"),
        ('"Open builder" = "b"\n', "is not a binding id"),
    ],
)
async def test_a_broken_keymap_is_named_and_the_standard_keys_stay(make_app, text, named):
    path = write_keymap(text)
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: any(str(path) in message and named in message for message in seen))
        await pilot.press("2")
        await settle(pilot, lambda: isinstance(app.screen, BuilderScreen))


def test_no_keymap_file_means_no_changes(tmp_path):
    assert load_keymap(tmp_path / "missing.toml") == {}


def test_keys_may_be_a_list_with_spaces(tmp_path):
    path = tmp_path / "keymap.toml"
    path.write_text('"builder.save" = "f2, ctrl+s"\n"app.quit" = "ctrl+x"\n')
    assert load_keymap(path) == {"builder.save": "f2,ctrl+s", "app.quit": "ctrl+x"}
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(KeymapError, match="cannot read it"):
        load_keymap(path)


async def test_hints_and_footers_name_the_keys_really_bound(make_app):
    write_keymap('"home.assessment" = "a"\n"home.builder" = "b"\n"app.help" = "f2"\n"builder.use_template" = "ctrl+y"\n')
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        from goalcoach_test_support import screen_text

        def shown() -> str:
            return " ".join(screen_text(app).split())

        await settle(pilot, lambda: "Start with the self-assessment (press a), then build your answer (press b)." in shown())
        assert "a Self-assessment" in shown() and "b Answer builder" in shown()  # the section list
        def footer() -> str:
            return screen_text(app).splitlines()[-1]

        # The footer is drawn a moment after the body: wait for it, then check what it names.
        await settle(pilot, lambda: "Open section" in footer() and "Help" in footer())
        assert "a/b/3/4/5 Open section" in footer() and "f2 Help" in footer() and "1-5" not in footer()
        await pilot.press("b")
        await settle(pilot, lambda: isinstance(app.screen, BuilderScreen))
        await settle(pilot, lambda: "Preview (ctrl+y copies it into the editor)" in shown())
        await pilot.press("f2")
        await settle(pilot, lambda: "f2 opens help anywhere" in shown())
        assert "escape closes" in shown()


async def test_help_pages_and_the_builder_hint_name_the_keys_really_bound(make_app):
    write_keymap(
        '"builder.slots" = "f6"\n"builder.empty" = "f8"\n"builder.save" = "f2"\n"app.quit" = "ctrl+x"\n'
        '"values.up" = "k"\n"home.builder" = "b"\n'
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        from goalcoach_test_support import help_text, screen_text
        from goalcoach.screens.help import HelpScreen

        def shown() -> str:
            return " ".join(screen_text(app).split())

        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("f1")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen) and "open a section" in help_text(app))
        assert "| `1`/`b`/`3`/`4`/`5` | open a section" in help_text(app) and "| `ctrl+x` | quit" in help_text(app)
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("b")
        await settle(pilot, lambda: isinstance(app.screen, BuilderScreen))
        await settle(pilot, lambda: "f6: template slots · f8: empty" in shown())
        await pilot.press("f1")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen) and "go to the slots" in help_text(app))
        page = help_text(app)
        for named in ("`f6`: go to the slots", "`f8`: empty the editor", "`f2` or `f5`: save", "`ctrl+x` quit"):
            assert named in page, named
        assert "`ctrl+g`" not in page and "{key:" not in page
        # A key of the versions list, named before that list was ever opened.
        assert "`space` mark two" in page
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, BuilderScreen))
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("1")
        await pilot.press("f1")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen) and "move up" in help_text(app))
        assert "`k` move up, `d` or `ctrl+down` move down" in help_text(app)
