"""A coach (or a history read) that raises never takes the app down: every screen that runs it
says so, keeps what the person typed, and keeps answering keys."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList, Static

from goalcoach.domain import coaching
from goalcoach.screens import progress
from goalcoach.screens.builder import BuilderScreen
from goalcoach.screens.dialogs import PromptDialog
from goalcoach.screens.drill import DrillRunScreen, DrillScreen
from goalcoach.screens.home import HomeScreen
from goalcoach.screens.practice import PracticeScreen
from goalcoach.screens.practice_run import PracticeRunScreen
from goalcoach.widgets.editor import AnswerEditor
from goalcoach_test_support import record_notifications, settle

# The error's own text is shown literally, never as markup.
BROKEN = "coach broke [/] [@click=app.quit]x[/]"
TYPED = "In two years I want to lead the ward's audit work [/]."


def raise_error(*args, **kwargs):
    raise RuntimeError(BROKEN)


@pytest.fixture
def broken_coach(monkeypatch):
    """The coach entry point every screen uses, replaced by one that raises."""
    monkeypatch.setattr(coaching, "coach", raise_error)


async def still_running(pilot) -> None:
    """The app is up and still answers keys: help opens and closes."""
    app = pilot.app
    assert app.is_running and app.return_code is None
    screen = app.screen
    await pilot.press("f1")
    await settle(pilot, lambda: app.screen is not screen)
    await pilot.press("escape")
    await settle(pilot, lambda: app.screen is screen)


def told(seen: list[str]) -> bool:
    return any(BROKEN in message for message in seen)


async def type_into_editor(pilot) -> AnswerEditor:
    await settle(pilot, lambda: isinstance(pilot.app.focused, AnswerEditor))
    editor = pilot.app.focused
    editor.insert(TYPED)
    return editor


async def type_in_builder(pilot) -> AnswerEditor:
    """Open the builder from home and type into its editor."""
    await pilot.press("2")
    await settle(pilot, lambda: isinstance(pilot.app.screen, BuilderScreen))
    return await type_into_editor(pilot)


async def open_picker(pilot, key: str, picker: type) -> None:
    """Open a picker from home and wait until it lists something."""
    await pilot.press(key)
    await settle(pilot, lambda: isinstance(pilot.app.screen, picker) and pilot.app.screen.query_one(OptionList).option_count > 0)


async def open_first_run(pilot, key: str, picker: type, run: type) -> None:
    """Open a picker from home, then the run screen of its first item."""
    await open_picker(pilot, key, picker)
    await pilot.press("enter")
    await settle(pilot, lambda: isinstance(pilot.app.screen, run))


async def test_builder_keeps_the_text_when_the_coach_raises(make_app, broken_coach):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        seen = record_notifications(app)
        editor = await type_in_builder(pilot)
        await settle(pilot, lambda: told(seen))  # the coach ran when typing paused, and failed
        assert editor.text == TYPED
        await pilot.press(*" More")
        assert editor.text == TYPED + " More"
        # Saving a version still works without the coach's score.
        seen.clear()
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, PromptDialog))
        await pilot.press("enter")
        await settle(pilot, lambda: bool(app.profile.versions()))
        assert app.profile.versions()[0]["text"] == TYPED + " More"
        assert told(seen)
        await still_running(pilot)


async def test_practice_run_keeps_the_answer_when_the_coach_raises(make_app, broken_coach):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        seen = record_notifications(app)
        await open_first_run(pilot, "3", PracticeScreen, PracticeRunScreen)
        await pilot.press("enter")  # from the brief to the answer
        editor = await type_into_editor(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: told(seen))
        run = app.screen
        assert isinstance(run, PracticeRunScreen) and run.phase == "answer"
        assert editor.text == TYPED and not app.profile.attempts()
        # Submitting is live again: the person can try once more.
        assert run.check_action("submit", ()) is True
        await still_running(pilot)


async def test_drill_keeps_the_recovery_when_the_coach_raises(make_app, broken_coach):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        seen = record_notifications(app)
        await open_first_run(pilot, "4", DrillScreen, DrillRunScreen)
        editor = await type_into_editor(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: told(seen))
        assert app.screen.phase == "answer" and editor.text == TYPED
        await still_running(pilot)


async def test_adaptive_drill_reports_a_coach_error_on_the_picker(make_app, profile, broken_coach):
    profile.add_attempt({"kind": "builder", "question": "What are your career goals?", "text": TYPED, "score": 40})
    app = make_app(profile)
    async with app.run_test(size=(80, 24)) as pilot:
        seen = record_notifications(app)
        await open_picker(pilot, "4", DrillScreen)
        await pilot.press("a")
        await settle(pilot, lambda: told(seen))
        assert isinstance(app.screen, DrillScreen)
        await still_running(pilot)


async def test_progress_reports_a_history_error_on_screen(make_app, monkeypatch):
    monkeypatch.setattr(progress, "read_history", raise_error)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await settle(pilot, lambda: isinstance(app.screen, progress.ProgressScreen))
        week = app.screen.query_one("#week", Static)
        await settle(pilot, lambda: BROKEN in str(week.render()))
        await still_running(pilot)


async def test_home_stats_error_leaves_home_working(make_app, monkeypatch):
    from goalcoach.screens import home_stats

    calls: list[str] = []

    def read_and_fail(*args):
        calls.append("read")
        raise_error()

    monkeypatch.setattr(home_stats, "home_stats_text", read_and_fail)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen) and bool(calls))
        await settle(pilot, lambda: all(w.is_finished for w in app.workers))
        await still_running(pilot)


async def test_builder_copy_that_fails_is_reported_and_the_app_goes_on(make_app, monkeypatch):
    app = make_app()
    monkeypatch.setattr(app, "copy_to_clipboard", raise_error)
    async with app.run_test(size=(80, 24)) as pilot:
        seen = record_notifications(app)
        editor = await type_in_builder(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot, lambda: told(seen))
        assert editor.text == TYPED
        await still_running(pilot)
