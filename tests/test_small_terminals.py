"""At the smallest supported size (60×20) each screen keeps what matters in view: the
self-assessment's whole progress line and home's next step (the footers: test_newcomer_screens;
Progress's table: test_progress_screen)."""

from __future__ import annotations

from goalcoach.screens.home import HomeScreen
from goalcoach_test_support import screen_text, settle
from test_progress_model import seed_history


async def test_the_self_assessment_progress_line_is_whole_at_60x20(make_app):
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("1")
        await settle(pilot, lambda: "Progress:" in screen_text(app))
        shown = " ".join(screen_text(app).split())
        assert "Target 0/5 · Values 0/5 · Skills 0 · Goals 0 · Reflection 0/7" in shown


async def test_home_shows_what_to_practise_next_at_60x20(make_app, profile):
    for record in seed_history():
        profile.add_attempt(record)
    app = make_app(profile)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen) and "Practise next:" in screen_text(app))
        shown = " ".join(screen_text(app).split())
        assert "1 Self-assessment" in shown and "5 Progress" in shown
