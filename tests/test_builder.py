"""The answer builder: template slots, editor, coach panel, versions, diff, copy and drafts;
snapshots in snapshots/test_builder/."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from textual.widgets import Static

from goalcoach.app import GoalCoachApp
from goalcoach.profile import Profile
from goalcoach.screens.builder import BuilderScreen
from goalcoach.screens.dialogs import ConfirmDialog, PromptDialog
from goalcoach.screens.versions import DiffScreen, VersionsScreen
from goalcoach.coach.rubric import issue_name
from goalcoach.widgets.coach_panel import CoachPanel, PanelRows
from goalcoach.widgets.editor import AnswerEditor
from goalcoach.widgets.highlight import MAX_SHOWN_CHARS
from goalcoach.widgets.prose import ProseField

from goalcoach.domain import coaching
from goalcoach_test_support import fixed_clock, help_text, record_notifications, screen_text, settle
from test_assessment import NASTY

DEV = {row["id"]: row for row in map(json.loads, (Path(__file__).parent / "data" / "dev.jsonl").read_text().splitlines())}


def seed(profile) -> None:
    profile.save_section(
        "target",
        {"role": "Pricing analyst", "organisation": "Acme Foods", "mission": "", "terms": ["sustainability"], "stage": "entry"},
    )
    profile.save_section(
        "goals",
        {"short_term": [{"goal": "Own the monthly forecast", "steps": "finish the SQL course; find a mentor", "target_date": "within two years", "resources": ""}],
         "long_term": [{"goal": "Lead a forecasting team", "steps": "", "target_date": "", "resources": ""}]},
    )


async def open_builder(pilot) -> BuilderScreen:
    await pilot.press("2")
    await pilot.pause()
    assert isinstance(pilot.app.screen, BuilderScreen)
    return pilot.app.screen


async def coached(pilot) -> None:
    """Wait until the coach panel shows its reading of exactly the text in the editor."""
    app = pilot.app

    def shown() -> bool:
        text = editor(app).text
        expected = text[:MAX_SHOWN_CHARS].split("\n")
        if len(text) > MAX_SHOWN_CHARS:  # a long answer is shown up to the cap, then counted
            expected.append(f"… {len(text) - MAX_SHOWN_CHARS:,} more characters not shown")
        return [line.plain for line in highlighted(app)] == expected

    idle = 0
    while idle < 500:  # however long the coach takes on a big paste, but not forever once idle
        if shown():
            return
        busy = any(not worker.is_finished for worker in app.workers)
        idle = 0 if busy else idle + 1
        await pilot.pause(0.01)
    raise AssertionError("the coach's reading of the editor's text never showed")


def editor(app) -> AnswerEditor:
    return app.screen.query_one("#editor", AnswerEditor)


def highlighted(app) -> list:
    """The coach panel's copy of the answer, one Content per line."""
    return app.screen.query_one("#coach-answer", PanelRows).shown()


def panel_text(app) -> str:
    panel = app.screen.query_one("#coach", CoachPanel)
    return "\n".join(str(s.render()) for s in panel.query(Static) if s.display)


async def test_build_edit_save_two_versions_and_diff(data_dir):
    profile = Profile.open(data_dir, clock=fixed_clock)
    seed(profile)
    app = GoalCoachApp(profile, low_bandwidth=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_builder(pilot)
        # Suggestions from the self-assessment fill the slots.
        assert screen.query_one("#slot-goal", ProseField).value == "own the monthly forecast"
        assert screen.query_one("#slot-time_frame", ProseField).value == "two years"
        assert screen.query_one("#slot-action_steps", ProseField).value == "finish the SQL course and find a mentor"
        assert screen.query_one("#slot-long_term", ProseField).value == "lead a forecasting team"
        await pilot.press("ctrl+g", "tab", "tab", "tab")
        assert app.focused.id == "slot-reason"
        await pilot.press(*"waste hurts")
        await pilot.pause()
        preview = str(screen.query_one("#preview", Static).render())
        assert "because waste hurts." in preview
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert editor(app).text == preview
        assert app.focused is editor(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        await pilot.press("enter")  # default name "Version 1"
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+f", "end", *" Acme rocks")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # "Version 2"
        await pilot.pause()
        await app.workers.wait_for_complete()
        versions = profile.versions()
        assert [v["name"] for v in versions] == ["Version 1", "Version 2"]
        assert versions[1]["text"].endswith("team. Acme rocks")
        assert profile.current_version()["id"] == versions[1]["id"]  # the newest saved is current
        attempts = profile.attempts()
        assert [a["kind"] for a in attempts] == ["builder", "builder"]
        assert attempts[1]["version_id"] == versions[1]["id"] and attempts[1]["stage"] == "entry"
        assert isinstance(attempts[1]["score"], int) and attempts[1]["feedback"]["words"] > 40
        # Versions: the newest is highlighted; d compares it with the one before.
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, VersionsScreen)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DiffScreen)
        body = app.screen.query_one("#diff-body", Static).render()
        inserted = [body.plain[s.start:s.end] for s in body.spans if "underline" in str(s.style)]
        assert "".join(inserted).strip() == "Acme rocks"
        assert "+2 words" in str(app.screen.query_one("#diff-title", Static).render())
        await pilot.press("escape")
        # Mark two with space and compare them, then make the first current again.
        await pilot.press("up", "space", "down", "space", "d")
        await pilot.pause()
        assert isinstance(app.screen, DiffScreen)
        await pilot.press("escape", "up", "c")
        await app.wait_for_saves()  # the choice is saved off the UI thread
        assert profile.current_version()["id"] == versions[0]["id"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BuilderScreen)
    assert Profile.open(data_dir, clock=fixed_clock).section("builder")["slots"]["reason"] == "waste hurts"


async def test_template_and_opening_a_version_ask_before_replacing_text(data_dir):
    profile = Profile.open(data_dir, clock=fixed_clock)
    seed(profile)
    saved = profile.add_version("Mine", "My saved answer.")
    app = GoalCoachApp(profile, low_bandwidth=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_builder(pilot)
        await pilot.press(*"draft")
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert editor(app).text == "draft"
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # "draft" is not saved anywhere
        await pilot.press("y")
        await pilot.pause()
        assert editor(app).text == saved["text"]
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert editor(app).text.startswith("Over the next two years")
        await pilot.press("ctrl+z")  # the replacement is one undoable edit
        assert editor(app).text == saved["text"]


async def test_copy_puts_the_answer_on_the_clipboard(data_dir):
    profile = Profile.open(data_dir, clock=fixed_clock)
    current = profile.add_version("Mine", "My saved answer.")
    profile.set_current_version(current["id"])
    app = GoalCoachApp(profile, low_bandwidth=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_builder(pilot)
        assert editor(app).text == "My saved answer."  # no draft: the current version opens
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.clipboard == "My saved answer."  # the editor holds the current version
        await pilot.press(*" More.")  # the cursor starts after the text
        assert editor(app).text == "My saved answer. More."
        await pilot.press("ctrl+r")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("n")  # the editor's text, not the ★ version
        await settle(pilot, lambda: app.clipboard == "My saved answer. More.")
        await pilot.press("ctrl+r")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")  # the ★ version
        await settle(pilot, lambda: app.clipboard == "My saved answer.")
        editor(app).clear()
        app.copy_to_clipboard("")
        await pilot.press("ctrl+r")  # an empty editor copies the current version, no question
        await settle(pilot, lambda: app.clipboard == "My saved answer.")
        assert not isinstance(app.screen, ConfirmDialog)


async def test_draft_and_cursor_come_back_when_the_builder_reopens(data_dir):
    app = GoalCoachApp(Profile.open(data_dir, clock=fixed_clock), low_bandwidth=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_builder(pilot)
        await pilot.press(*"one two", "enter", *"three", "left", "left")
        await pilot.press("escape")
        await pilot.pause()
        await open_builder(pilot)
        assert editor(app).text == "one two\nthree"
        assert editor(app).cursor_location == (1, 3)
    assert Profile.open(data_dir, clock=fixed_clock).draft("builder")["text"] == "one two\nthree"


async def test_coach_panel_shows_a_strong_answers_elements(data_dir):
    row = DEV["dev-001"]  # strong: short and long term, time frame, plan, employer link, reason
    profile = Profile.open(data_dir, clock=fixed_clock)
    profile.save_draft("builder", row["text"], (0, 0))
    app = GoalCoachApp(profile, low_bandwidth=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_builder(pilot)
        await coached(pilot)
        shown = panel_text(app)
        assert "Strong" in shown and f"{len(row['text'].split())} words" in shown
        for label in ("Short-term goal", "Long-term goal", "Concrete time frame", "Concrete plan", "Link to this employer"):
            assert f"✔ {label}" in shown
        assert "No issues found." in shown
        lines = highlighted(app)
        assert "\n".join(line.plain for line in lines) == row["text"]
        assert any("underline" in str(s.style) for line in lines for s in line.spans)  # evidence is marked


async def test_coach_panel_shows_a_weak_answers_issues_and_missed_terms(data_dir):
    row = DEV["dev-002"]  # weak: vague, unrealistic, hedging, too short
    profile = Profile.open(data_dir, clock=fixed_clock)
    profile.save_section("target", {"role": "Analyst", "organisation": "Acme", "terms": ["sustainability"], "stage": "entry"})
    profile.save_draft("builder", row["text"], (0, 0))
    app = GoalCoachApp(profile, low_bandwidth=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_builder(pilot)
        await coached(pilot)
        shown = panel_text(app)
        assert "Weak" in shown
        for code in row["issues"]:
            assert f"▲ {issue_name(code)}" in shown
        assert "✘ Short-term goal" in shown
        assert "Not yet: sustainability" in shown
        assert "→" in shown  # each issue comes with a suggestion


async def test_typing_stays_live_after_a_20000_word_paste(data_dir, monkeypatch):
    # A coach that holds on until the test lets it go: keys typed meanwhile must land at once,
    # which they can only if the coach runs off the UI thread.
    started, release, finished = threading.Event(), threading.Event(), threading.Event()
    real_coach = coaching.coach

    def slow_coach(text, context=None):
        started.set()
        release.wait(timeout=10)  # on the UI thread this would freeze typing until it gave up
        try:
            return real_coach(text, context)
        finally:
            finished.set()

    monkeypatch.setattr(coaching, "coach", slow_coach)
    app = GoalCoachApp(Profile.open(data_dir, clock=fixed_clock), low_bandwidth=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_builder(pilot)
        big = " ".join(["I want to lead the team within two years."] * 2200)
        editor(app).insert(big)
        await settle(pilot, started.is_set)  # typing paused: the coach is reading the paste
        await pilot.press(*"!ok")
        assert editor(app).text.endswith("years.!ok")  # the keys landed straight after the paste...
        assert not finished.is_set()  # ...while the coach was still reading
        release.set()
        await coached(pilot)
        summary = str(app.screen.query_one("#coach-summary", Static).render())
        assert "Score" in summary and "words" in summary
        assert app.is_running


async def test_user_markup_in_slots_answer_and_names_is_literal(data_dir):
    a, b, c = NASTY
    profile = Profile.open(data_dir, clock=fixed_clock)
    profile.update_section("builder", slots={"time_frame": a, "goal": b, "area": c, "reason": c, "action_steps": b, "long_term": a})
    app = GoalCoachApp(profile, low_bandwidth=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_builder(pilot)
        await pilot.press(*c, " ", *b, " ", *a)
        await coached(pilot)
        shown = screen_text(app)
        assert f"Over the next {a}, my goal is to {b}." in str(app.screen.query_one("#preview", Static).render())
        assert c in shown and b in shown
        assert [line.plain for line in highlighted(app)] == [f"{c} {b} {a}"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press(*c, "enter")  # the default name is selected, so typing replaces it
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert c in screen_text(app)  # the version's name, verbatim
        await pilot.press("escape")
        assert app.is_running
    assert Profile.open(data_dir, clock=fixed_clock).versions()[0]["name"] == c


async def test_layout_puts_the_coach_below_on_narrow_terminals(data_dir):
    app = GoalCoachApp(Profile.open(data_dir, clock=fixed_clock), low_bandwidth=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_builder(pilot)
        assert screen.has_class("-narrow")
        ed, coach = screen.query_one("#editor"), screen.query_one("#coach")
        assert coach.region.y >= ed.region.bottom or coach.virtual_region.y >= ed.virtual_region.bottom
    app = GoalCoachApp(Profile.open(data_dir, clock=fixed_clock), low_bandwidth=True)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_builder(pilot)
        assert not screen.has_class("-narrow")
        assert screen.query_one("#coach").region.x > screen.query_one("#slot-goal").region.right


# -- snapshots --------------------------------------------------------------------------------

SNAP_ANSWER = DEV["dev-001"]["text"]


def _seeded(profile):
    seed(profile)
    profile.save_draft("builder", SNAP_ANSWER, (0, 0))
    return profile


async def _open_and_coach(pilot) -> None:
    await open_builder(pilot)
    await coached(pilot)


def test_builder_80x24(snap_compare, make_app, profile):
    assert snap_compare(make_app(_seeded(profile)), terminal_size=(80, 24), run_before=_open_and_coach)


def test_builder_120x36(snap_compare, make_app, profile):
    assert snap_compare(make_app(_seeded(profile)), terminal_size=(120, 36), run_before=_open_and_coach)


def test_builder_versions_80x24(snap_compare, make_app, profile):
    _seeded(profile)
    first = profile.add_version("Version 1", "I want to grow.", score=12, quality="weak")
    profile.add_version("Version 2", SNAP_ANSWER, score=75, quality="strong")
    profile.set_current_version(first["id"])

    async def versions(pilot) -> None:
        await _open_and_coach(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()

    assert snap_compare(make_app(profile), terminal_size=(80, 24), run_before=versions)


def test_builder_diff_120x36(snap_compare, make_app, profile):
    _seeded(profile)
    profile.add_version("Version 1", "I want to grow into a pricing role within two years.")
    profile.add_version("Version 2", "I want to own the monthly forecast within two years, then lead a team.")

    async def diff(pilot) -> None:
        await _open_and_coach(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot, lambda: isinstance(pilot.app.screen, VersionsScreen))
        await pilot.press("d")
        await settle(pilot, lambda: isinstance(pilot.app.screen, DiffScreen) and pilot.app.screen.query("#diff-body"))

    assert snap_compare(make_app(profile), terminal_size=(120, 36), run_before=diff)


async def test_the_editor_names_the_key_to_the_slots_and_can_be_emptied_then_restored(make_app):
    app = make_app()
    told = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_builder(pilot)
        await settle(pilot, lambda: isinstance(app.focused, AnswerEditor))

        def shown() -> str:
            return " ".join(screen_text(app).split())

        # At 80×24 the builder opens on the editor, the slots above it out of sight: the line
        # over the editor names the key that reaches them.
        await settle(pilot, lambda: "Your answer" in shown() and "ctrl+g: template slots" in shown())
        assert "Time frame" not in shown()
        await pilot.press("ctrl+g")
        await settle(pilot, lambda: "Time frame" in shown())  # the first slot's label
        await pilot.press("ctrl+f")
        await settle(pilot, lambda: isinstance(app.focused, AnswerEditor))
        await pilot.press(*"Lead the team")
        await settle(pilot, lambda: "▊Lead the team" in screen_text(app))
        # The same line names the key that empties the editor; ctrl+z brings the text back.
        assert "ctrl+l: empty" in shown()
        await pilot.press("ctrl+l")
        await settle(pilot, lambda: "Emptied the editor: ctrl+z brings the text back." in told)
        assert "▊Lead the team" not in screen_text(app) and editor(app).text == ""
        await pilot.press("ctrl+z")
        await settle(pilot, lambda: "▊Lead the team" in screen_text(app))
        assert editor(app).text == "Lead the team"
        # The help says so too.
        await pilot.press("f1")
        await settle(pilot, lambda: "`ctrl+l`: empty the editor" in help_text(app))
        assert "`ctrl+z` in the editor brings the text back" in help_text(app)


async def test_at_80x24_the_footer_and_the_advice_for_an_unfilled_slot_name_the_key_to_the_slots(data_dir):
    profile = Profile.open(data_dir, clock=fixed_clock)
    seed(profile)  # no reason given: the template keeps that slot unfilled
    app = GoalCoachApp(profile, low_bandwidth=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_builder(pilot)
        await settle(pilot, lambda: isinstance(app.focused, AnswerEditor))
        # The slots sit above the editor, out of sight: the footer names the key to them.
        await settle(pilot, lambda: "^g Slots" in screen_text(app).splitlines()[-1])
        assert "Time frame" not in screen_text(app)
        await pilot.press("ctrl+t")
        await settle(pilot, lambda: "‹" in editor(app).text)
        await coached(pilot)
        advice = " ".join(panel_text(app).split())
        assert "ctrl+g goes to the builder's template slots, each with an example" in advice
        assert "above the editor" not in advice
        await pilot.press("ctrl+g")
        await settle(pilot, lambda: "Time frame" in screen_text(app))
