"""Letters that must be read are dark (or light) enough against what is behind them, in a light
and a dark theme: the footer's key letters and the model answer's title."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.geometry import Region

from goalcoach.widgets.footer import contrast, readable_footer_keys
from goalcoach_test_support import practice_run_ready, settle, submit
from test_practice_screens import FIRST, picker_ready, type_answer


def drawn(widget, text: str, row: int = 0) -> tuple[Color, Color, bool]:
    """The colours and boldness of `text` where `widget` draws it on `row`."""
    (strip,) = widget.render_lines(Region(0, row, widget.size.width, 1))
    for segment in strip:
        if text in segment.text:
            style = segment.style
            return Color.from_rich_color(style.color), Color.from_rich_color(style.bgcolor), bool(style.bold)
    raise AssertionError(f"{text!r} is not drawn: {strip.text!r}")


@pytest.mark.parametrize("theme", ["textual-light", "textual-dark"])
async def test_footer_keys_and_the_model_answer_title_are_readable(make_app, theme):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        await pilot.press("3")
        await settle(pilot, lambda: picker_ready(app))
        await pilot.press("enter")
        await settle(pilot, lambda: practice_run_ready(app))
        await pilot.press("enter")
        await type_answer(pilot, FIRST)
        await submit(pilot)
        await pilot.pause()

        key = next(k for k in app.screen.query("FooterKey") if k.key_display == "m")
        fg, bg, _ = drawn(key, "m")
        assert contrast(fg, bg) >= 4.5, (theme, fg.hex, bg.hex)

        model = app.screen.query_one("#model")
        fg, bg, bold = drawn(model, "Model answer")
        assert bold and contrast(fg, bg) >= 3.0, (theme, fg.hex, bg.hex)  # bold title: WCAG's large-text level


def test_a_theme_whose_key_colour_is_readable_keeps_it():
    variables = {"background": "#000000", "footer-background": "#222222", "footer-key-foreground": "#ffa62b",
                 "text-primary": "#ffffff"}
    assert readable_footer_keys(variables) == variables
    pale = {**variables, "background": "#ffffff", "footer-background": "#d0d0d0", "footer-key-foreground": "#6fa8dc",
            "text-primary": "#00325a", "text-accent": "auto 80%"}
    assert readable_footer_keys(pale)["footer-key-foreground"] == "#00325a"



def _suggestion(app):
    """The coach panel's first suggestion row ("→ …"), if one is shown."""
    from goalcoach.widgets.coach_panel import PanelRow

    rows = [r for r in app.screen.query(PanelRow) if r.has_class("fix-detail") and r.shown.plain.startswith("→")]
    return rows[0] if rows else None


def _suggestion_contrast(app) -> tuple[float, str]:
    fg, bg, _ = drawn(_suggestion(app), "→")
    return contrast(fg, bg), f"{fg.hex} on {bg.hex}"


@pytest.mark.parametrize("theme, then", [("textual-light", "textual-dark"), ("textual-dark", "textual-light")])
async def test_the_coach_panels_suggestions_are_readable(make_app, theme, then):
    from goalcoach.screens.builder import BuilderScreen
    from goalcoach.widgets.editor import AnswerEditor
    from goalcoach_test_support import screen_text

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.theme = theme
        await pilot.press("2")
        await settle(pilot, lambda: isinstance(app.screen, BuilderScreen) and isinstance(app.focused, AnswerEditor))
        await pilot.press(*"I guess I want to lead a team, maybe.")
        await settle(pilot, lambda: _suggestion(app) is not None and "→ " in screen_text(app))
        ratio, colours = _suggestion_contrast(app)
        assert ratio >= 4.5, (theme, colours, ratio)
        # Switching theme with a suggestion on screen keeps it readable.
        old_background = drawn(_suggestion(app), "→")[1]
        app.theme = then
        await settle(pilot, lambda: drawn(_suggestion(app), "→")[1] != old_background)  # drawn in the new theme
        ratio, colours = _suggestion_contrast(app)
        assert ratio >= 4.5, (then, colours, ratio)


async def test_status_colours_are_readable_on_every_surface_in_every_theme(make_app):
    """A score's quality word, a term not used yet and "+ Add" are drawn in the theme's success,
    warning and error text colours: on every built-in theme they read at 4.5:1 on every surface."""
    from goalcoach.widgets.footer import SURFACES, STATUS_COLOURS

    app = make_app()
    short: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            variables = app.theme_variables
            base = Color.parse(variables["background"])
            for surface_name in SURFACES:
                surface = base if surface_name == "background" else base + Color.parse(variables[surface_name])
                for name in STATUS_COLOURS:
                    if variables[name].startswith("ansi"):
                        continue  # drawn in the terminal's own palette
                    ratio = contrast(surface + Color.parse(variables[name]), surface)
                    if ratio < 4.5:
                        short.append(f"{theme}: {name} on {surface_name} {ratio:.1f}:1")
    assert not short, short
