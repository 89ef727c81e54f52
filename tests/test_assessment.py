"""The self-assessment screen: filled by keyboard alone, saved as typed, shown again after a
restart, user text never treated as markup; snapshots in snapshots/test_assessment/."""

from __future__ import annotations

import pytest

import html
import re

from textual import events
from textual.widgets import Input, OptionList, RadioSet, TabbedContent, TextArea

from goalcoach.app import GoalCoachApp
from goalcoach.profile import Profile
from goalcoach.screens.assessment import AssessmentScreen
from goalcoach.widgets.prose import ProseField

from goalcoach_test_support import fixed_clock, screen_text, settle

NASTY = ("[/]", "[bold]x", "[@click=app.quit]x[/]")


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)


def active_tab(app) -> str:
    return app.screen.query_one("#tabs", TabbedContent).active


@pytest.mark.slow  # a whole keyboard journey, key by key
async def test_fill_everything_by_keyboard_and_see_it_after_a_restart(data_dir):
    app = GoalCoachApp(Profile.open(data_dir, clock=fixed_clock), low_bandwidth=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, AssessmentScreen)
        # Target
        assert app.focused.id == "target-role"
        await type_text(pilot, "Analyst")
        await pilot.press("tab")
        await type_text(pilot, "Acme")
        await pilot.press("tab")
        await type_text(pilot, "Cut waste")
        await pilot.press("tab")
        await type_text(pilot, "eco, data")
        await pilot.press("tab")
        assert isinstance(app.focused, RadioSet)
        await pilot.press("enter")  # first stage: entry level
        # Values: four suggestions and one of our own, then rank and mark
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert active_tab(app) == "tab-values"
        assert app.focused.id == "values-ranked"
        await pilot.press("tab")
        assert app.focused.id == "values-suggestions"
        await pilot.press("enter", "enter", "enter", "enter")  # Integrity, Creativity, Teamwork, Independence
        await pilot.press("o")
        await pilot.pause()
        await type_text(pilot, "Honesty")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("shift+tab")
        assert app.focused.id == "values-ranked"
        await pilot.press("u", "u", "u", "u")  # Honesty to the top
        await pilot.press("n")  # non-negotiable
        await pilot.press("m")
        assert app.focused.id == "values-moment"
        await type_text(pilot, "Told truth")
        await pilot.press("enter")
        # Skills
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.focused.id == "skills-hard"
        await type_text(pilot, "SQL, Excel")
        await pilot.press("tab")
        await type_text(pilot, "calm")
        await pilot.press("tab")
        await type_text(pilot, "Python")
        # Goals
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "Own forecast")
        await pilot.press("tab")
        await type_text(pilot, "SQL; mentor")
        await pilot.press("tab")
        await type_text(pilot, "2027")
        await pilot.press("tab")
        await type_text(pilot, "budget")
        await pilot.press("tab", "tab", "tab", "tab", "tab")  # past the new empty short-term goal
        assert app.focused.id == "goal-long_term-0-goal"
        await type_text(pilot, "Lead team")
        # Back to skills for the per-goal skills
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert active_tab(app) == "tab-skills"
        await pilot.press("tab", "tab", "tab")
        assert app.focused.id == "pergoal-0"
        await type_text(pilot, "R, SQL")
        # Reflection
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.pause()
        assert active_tab(app) == "tab-reflection"
        await type_text(pilot, "Lead")
        await pilot.press("tab")
        await type_text(pilot, "Pricing")
        await pilot.pause()
        progress = str(app.screen.query_one("#progress").render())
        assert "Target 5/5 · Values 5/5 · Skills 4 · Goals 2 · Reflection 2/7" in progress
        await pilot.press("escape")

    profile = Profile.open(data_dir, clock=fixed_clock)
    assert profile.section("target") == {
        "role": "Analyst",
        "organisation": "Acme",
        "mission": "Cut waste",
        "terms": ["eco", "data"],
        "stage": "entry",
    }
    items = profile.section("values")["items"]
    assert [i["name"] for i in items] == ["Honesty", "Integrity", "Creativity", "Teamwork", "Independence"]
    assert items[0]["non_negotiable"] is True and items[0]["moment"] == "Told truth"
    assert profile.section("skills")["per_goal"] == {"Own forecast": ["R", "SQL"]}

    again = GoalCoachApp(Profile.open(data_dir, clock=fixed_clock), low_bandwidth=True)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        screen = again.screen
        assert screen.query_one("#target-role", Input).value == "Analyst"
        assert screen.query_one("#target-organisation", Input).value == "Acme"
        assert screen.query_one("#target-mission", TextArea).text == "Cut waste"
        assert screen.query_one("#target-terms", Input).value == "eco, data"
        assert screen.query_one("#stage-entry").value is True
        await pilot.press("ctrl+n")
        await pilot.pause()
        ranked = screen.query_one("#values-ranked", OptionList)
        assert str(ranked.get_option_at_index(0).prompt).startswith("1. Honesty  ● non-negotiable")
        assert screen.query_one("#values-moment", ProseField).value == "Told truth"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.query_one("#skills-hard", Input).value == "SQL, Excel"
        assert screen.query_one("#skills-soft", Input).value == "calm"
        assert screen.query_one("#skills-to_develop", Input).value == "Python"
        assert screen.query_one("#pergoal-0", Input).value == "R, SQL"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.query_one("#goal-short_term-0-goal", ProseField).value == "Own forecast"
        assert screen.query_one("#goal-short_term-0-steps", ProseField).value == "SQL; mentor"
        assert screen.query_one("#goal-short_term-0-target_date", ProseField).value == "2027"
        assert screen.query_one("#goal-short_term-0-resources", ProseField).value == "budget"
        assert screen.query_one("#goal-long_term-0-goal", ProseField).value == "Lead team"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.query_one("#reflect-picture_5", TextArea).text == "Lead"
        assert screen.query_one("#reflect-picture_10", TextArea).text == "Pricing"
        assert "Values 5/5" in screen_text(again)


WARD_GOAL = "Cut falls on the ward by 20%"
MATRON_GOAL = "Become a matron for acute medicine"


def _seed_goals_with_skills(data_dir) -> Profile:
    profile = Profile.open(data_dir, clock=fixed_clock)
    profile.save_section("skills", {"hard": ["IV cannulation"], "soft": [], "to_develop": [],
                                    "per_goal": {WARD_GOAL: ["falls huddles", "QI"], MATRON_GOAL: ["budgets"]}})
    blank = {"steps": "", "target_date": "", "resources": ""}
    profile.save_section("goals", {"short_term": [dict(blank, goal=WARD_GOAL)], "long_term": [dict(blank, goal=MATRON_GOAL)]})
    return profile


async def _goal_box(pilot, widget_id: str) -> ProseField:
    """The Goals tab open, with the cursor at the end of one goal's wording."""
    app = pilot.app
    await pilot.press("1")
    await settle(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "target-role")
    await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
    await settle(pilot, lambda: active_tab(app) == "tab-goals" and app.focused is not None)
    box = app.screen.query_one(f"#{widget_id}", ProseField)
    box.focus()
    await pilot.pause()
    box.move_cursor(box.document.end)
    return box


async def _skills_tab(pilot) -> str:
    """The Skills tab, tabbed down to the skills for each goal: what the screen shows there."""
    app = pilot.app
    await pilot.press("ctrl+b")
    await settle(pilot, lambda: active_tab(app) == "tab-skills" and bool(app.screen.query("#pergoal-1")))
    await pilot.press("tab", "tab", "tab", "tab")
    await settle(pilot, lambda: app.focused is not None and app.focused.id == "pergoal-1"
                 and app.screen.can_view_entire(app.focused))
    await pilot.pause()
    return screen_text(app)


def _per_goal_values(app) -> list[str]:
    return [w.value for w in app.screen.query("#per-goal Input").results(Input)]


async def test_skills_for_a_goal_follow_it_when_its_wording_changes(data_dir):
    app = GoalCoachApp(_seed_goals_with_skills(data_dir), low_bandwidth=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await _goal_box(pilot, "goal-short_term-0-goal")
        await type_text(pilot, " (Ward 7)")
        shown = await _skills_tab(pilot)
        assert WARD_GOAL + " (Ward 7)" in shown
        assert _per_goal_values(app) == ["falls huddles, QI", "budgets"]
        await app.wait_for_saves()
        await pilot.press("escape")
        await settle(pilot, lambda: not isinstance(app.screen, AssessmentScreen))
        await app.wait_for_saves()

    saved = Profile.open(data_dir, clock=fixed_clock).section("skills")["per_goal"]
    assert saved == {WARD_GOAL + " (Ward 7)": ["falls huddles", "QI"], MATRON_GOAL: ["budgets"]}
    again = GoalCoachApp(Profile.open(data_dir, clock=fixed_clock), low_bandwidth=True)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await settle(pilot, lambda: isinstance(again.screen, AssessmentScreen) and again.focused is not None)
        await pilot.press("ctrl+n", "ctrl+n")
        await settle(pilot, lambda: bool(again.screen.query("#pergoal-1")))
        assert _per_goal_values(again) == ["falls huddles, QI", "budgets"]


async def test_skills_for_a_deleted_goal_stay_listed_as_an_earlier_goal(data_dir):
    app = GoalCoachApp(_seed_goals_with_skills(data_dir), low_bandwidth=True)
    async with app.run_test(size=(80, 24)) as pilot:
        box = await _goal_box(pilot, "goal-long_term-0-goal")
        box.select_all()
        await pilot.press("backspace")
        await settle(pilot, lambda: not app.screen.data["goals"]["long_term"])
        shown = await _skills_tab(pilot)
        assert "(earlier goal) " + MATRON_GOAL in shown
        assert _per_goal_values(app) == ["falls huddles, QI", "budgets"]
        await app.wait_for_saves()
        app.flush_drafts()
        await app.wait_for_saves()
        assert Profile.open(data_dir, clock=fixed_clock).section("skills")["per_goal"][MATRON_GOAL] == ["budgets"]


async def test_changes_are_saved_without_leaving_the_screen(data_dir):
    app = GoalCoachApp(Profile.open(data_dir, clock=fixed_clock), low_bandwidth=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await type_text(pilot, "Nurse")
        # Saved a moment after typing stops, while the screen stays open.
        stored = lambda: Profile.open(data_dir, clock=fixed_clock).section("target").get("role")  # noqa: E731
        await settle(pilot, lambda: stored() == "Nurse")
        assert isinstance(app.screen, AssessmentScreen)


async def test_keys_typed_right_after_tab_land_in_the_next_field(data_dir):
    """Over SSH a quick typist's keys arrive in one batch: "Nurse", tab, "NHS" must fill two fields."""
    app = GoalCoachApp(Profile.open(data_dir, clock=fixed_clock), low_bandwidth=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await settle(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "target-role")
        batch = [*"Nurse", "tab", *"NHS"]
        for key in batch:  # delivered together, as the terminal's reader hands them over
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        screen = app.screen
        await settle(pilot, lambda: screen.query_one("#target-organisation", Input).value == "NHS"
                     or len(screen.query_one("#target-role", Input).value) > len("Nurse"))
        assert screen.query_one("#target-role", Input).value == "Nurse"
        assert screen.query_one("#target-organisation", Input).value == "NHS"


async def test_sigterm_style_flush_saves_pending_changes(data_dir):
    app = GoalCoachApp(Profile.open(data_dir, clock=fixed_clock), low_bandwidth=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await type_text(pilot, "Nurse")
        app.flush_drafts()  # what SIGHUP/SIGTERM and quit call
        await app.wait_for_saves()  # saves run off the UI thread; leaving waits for them
        assert Profile.open(data_dir, clock=fixed_clock).section("target")["role"] == "Nurse"


async def test_user_markup_is_shown_literally_everywhere(data_dir):
    profile = Profile.open(data_dir, clock=fixed_clock)
    a, b, c = NASTY
    profile.save_section("target", {"role": a, "organisation": b, "mission": c, "terms": list(NASTY), "stage": "mid"})
    profile.save_section("values", {"items": [{"name": n, "non_negotiable": False, "moment": n} for n in NASTY]})
    profile.save_section("skills", {"hard": [c], "soft": [b], "to_develop": [a], "per_goal": {c: [c]}})
    goal = {"goal": c, "steps": c, "target_date": b, "resources": a}
    profile.save_section("goals", {"short_term": [goal], "long_term": [dict(goal, goal=b)]})
    profile.save_section("reflection", {"picture_5": c})
    app = GoalCoachApp(profile, low_bandwidth=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        shown = screen_text(app)
        assert c in shown and "[bold]x" in shown  # role, organisation and the term chips
        await pilot.press("end")
        await type_text(pilot, c)  # typed by hand too: '[' and ']' type, they do not switch tabs
        assert active_tab(app) == "tab-target"
        assert app.focused.value == a + c
        for tab in ("tab-values", "tab-skills", "tab-goals", "tab-reflection"):
            await pilot.press("ctrl+n")
            await pilot.pause()
            assert active_tab(app) == tab
            assert c in screen_text(app), tab
        # Entering the "add your own" dialog with markup as a name works too.
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.pause()
        assert app.focused.id == "values-ranked"
        await pilot.press("o")
        await pilot.pause()
        await type_text(pilot, "[b]y[/b]")
        await pilot.press("enter")
        await pilot.pause()
        assert "[b]y[/b]" in screen_text(app)
        assert app.is_running
    assert Profile.open(data_dir, clock=fixed_clock).section("target")["role"] == a + c


# -- snapshots --------------------------------------------------------------------------------


def _seed(profile) -> None:
    profile.save_section(
        "target",
        {"role": "Pricing analyst", "organisation": "Acme Foods", "mission": "Cut food waste with better forecasts.",
         "terms": ["sustainability", "data-driven"], "stage": "entry"},
    )
    profile.save_section(
        "values",
        {"items": [
            {"name": "Honesty", "non_negotiable": True, "moment": "Told a client the truth about a late order."},
            {"name": "Learning", "non_negotiable": False, "moment": ""},
            {"name": "Teamwork", "non_negotiable": False, "moment": ""},
        ]},
    )
    profile.save_section("skills", {"hard": ["SQL", "Excel"], "soft": ["listening"], "to_develop": ["Python"], "per_goal": {}})
    profile.save_section(
        "goals",
        {"short_term": [{"goal": "Own the monthly forecast", "steps": "SQL course; find a mentor", "target_date": "2027", "resources": ""}],
         "long_term": [{"goal": "Lead a forecasting team", "steps": "", "target_date": "", "resources": ""}]},
    )


async def _focused(pilot, widget_id: str) -> None:
    """Wait (a bounded number of frames) until the tab's first field has focus, so the snapshot
    never catches the moment in between."""
    for _ in range(50):
        await pilot.pause()
        if pilot.app.focused is not None and pilot.app.focused.id == widget_id:
            return
    raise AssertionError(f"{widget_id} never got focus")


async def _open_assessment(pilot) -> None:
    await pilot.press("1")
    await _focused(pilot, "target-role")


def test_assessment_target_80x24(snap_compare, make_app, profile):
    _seed(profile)
    assert snap_compare(make_app(profile), terminal_size=(80, 24), run_before=_open_assessment)


def test_assessment_target_120x36(snap_compare, make_app, profile):
    _seed(profile)
    assert snap_compare(make_app(profile), terminal_size=(120, 36), run_before=_open_assessment)


def test_assessment_values_80x24(snap_compare, make_app, profile):
    _seed(profile)

    async def values(pilot) -> None:
        await _open_assessment(pilot)
        await pilot.press("ctrl+n")
        await _focused(pilot, "values-ranked")

    assert snap_compare(make_app(profile), terminal_size=(80, 24), run_before=values)


def test_assessment_goals_120x36(snap_compare, make_app, profile):
    _seed(profile)

    async def goals(pilot) -> None:
        await _open_assessment(pilot)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        await _focused(pilot, "goal-short_term-0-goal")

    assert snap_compare(make_app(profile), terminal_size=(120, 36), run_before=goals)


async def _goals_at_long_term(pilot) -> None:
    """The Goals tab, tabbed through the short-term goal to the long-term one."""
    await _open_assessment(pilot)
    await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
    await _focused(pilot, "goal-short_term-0-goal")
    for _ in range(8):  # the seeded short-term goal, then the empty one after it
        await pilot.press("tab")
    await _focused(pilot, "goal-long_term-0-goal")
    app = pilot.app
    heading = app.screen.query_one("#goals-long_term .group-heading")
    for _ in range(50):  # until the section heading and the field are both in view
        await pilot.pause()
        if app.screen.can_view_entire(heading) and app.screen.can_view_entire(app.focused):
            return
    raise AssertionError("the long-term goal never came into view")


def test_assessment_goals_long_term_80x24(snap_compare, make_app, profile):
    _seed(profile)
    assert snap_compare(make_app(profile), terminal_size=(80, 24), run_before=_goals_at_long_term)


def test_assessment_goals_long_term_120x36(snap_compare, make_app, profile):
    _seed(profile)
    assert snap_compare(make_app(profile), terminal_size=(120, 36), run_before=_goals_at_long_term)


async def test_a_long_one_line_field_shows_its_start_once_focus_moves_on(make_app):
    long_role = "Principal data engineer for the analytics platform team in the northern region office"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_assessment(pilot)
        await _focused(pilot, "target-role")
        await pilot.press(long_role[0])  # typed (a whole value set at once is shown from its start)
        app.screen.query_one("#target-role", Input).insert_text_at_cursor(long_role[1:])
        await settle(pilot, lambda: "region office" in screen_text(app))
        await pilot.press("tab")
        await _focused(pilot, "target-organisation")
        await settle(pilot, lambda: "Principal data engineer" in screen_text(app))
        assert "region office" not in screen_text(app)
        # Back in the field, the cursor is where it was (the end), and in view.
        await pilot.press("shift+tab")
        await _focused(pilot, "target-role")
        await settle(pilot, lambda: "region office" in screen_text(app))
        await pilot.press("X")
        assert app.screen.query_one("#target-role", Input).value == long_role + "X"



async def test_f7_selects_a_one_line_field_so_it_can_be_emptied(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_assessment(pilot)
        await pilot.press(*"Staff nurse")
        await pilot.press("f7", "backspace", *"Ward manager")
        assert app.screen.query_one("#target-role", Input).value == "Ward manager"


async def test_a_goal_box_shows_an_example_not_the_hint_printed_above_it(make_app):
    from goalcoach.content import load_worksheets

    prompts = {p.id: p for p in load_worksheets().goals_prompts}
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_assessment(pilot)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        await settle(pilot, lambda: active_tab(app) == "tab-goals")
        box = app.screen.query_one("#goal-short_term-0-goal", ProseField)
        assert box.placeholder.startswith("For example:")
        await settle(pilot, lambda: box.placeholder[:30] in screen_text(app))
        assert screen_text(app).count(prompts["short_term"].hint[:40]) == 1  # the hint, once


async def test_tab_stops_only_on_fields_that_take_typing(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_assessment(pilot)
        await pilot.press("ctrl+n", "ctrl+n")
        await settle(pilot, lambda: active_tab(app) == "tab-skills" and isinstance(app.focused, (Input, TextArea)))
        seen = []
        for _ in range(6):  # round the tab's fields more than once
            await pilot.press("tab")
            seen.append(app.focused)
        assert all(isinstance(widget, (Input, TextArea)) for widget in seen), seen


async def test_editing_keys_in_a_burst_apply_in_the_order_typed(make_app):
    """Over SSH keys arrive in bursts: "ab", backspace, "c", left, "x" must give "axc" in a one-line
    field and in a goal box alike (a field's own bindings used to run after the keys behind them)."""
    burst = ["a", "b", "backspace", "c", "left", "x"]

    def send(app) -> None:
        for key in burst:  # delivered together, as the terminal's reader hands them over
            app.post_message(events.Key(key, key if len(key) == 1 else None))

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_assessment(pilot)
        role = app.screen.query_one("#target-role", Input)
        send(app)
        await settle(pilot, lambda: len(role.value) >= 3)
        await pilot.pause()
        assert role.value == "axc"
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        await settle(pilot, lambda: active_tab(app) == "tab-goals" and isinstance(app.focused, ProseField))
        goal = app.focused
        send(app)
        await settle(pilot, lambda: len(goal.text) >= 3)
        await pilot.pause()
        assert goal.text == "axc"
