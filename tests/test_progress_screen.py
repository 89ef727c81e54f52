"""The progress screen by keyboard: the table, sorting, filters, opening an attempt, practise next,
streaks, and the home screen's stats text."""

from __future__ import annotations

from datetime import timedelta

import threading

import pytest
from rich.text import Text
from textual.widgets import DataTable, Input, Static

from goalcoach.coach.rubric import issue_name
from goalcoach.screens.attempt_detail import AttemptDetailScreen
from goalcoach.screens.home_stats import home_stats_text
from goalcoach.screens import progress
from goalcoach.screens.progress import PAGE_SIZE, ProgressScreen
from goalcoach.widgets.coach_panel import PanelRows

from goalcoach_test_support import open_progress, screen_text, settle
from test_progress_model import NOW, attempt, seed_history


@pytest.fixture
def seeded(profile):
    for record in seed_history():
        profile.add_attempt(record)
    return profile


def column(table: DataTable, key: str) -> list[str]:
    return [str(cell) for cell in table.get_column(key)]


async def test_table_lists_every_attempt_newest_first_as_plain_text(make_app, seeded):
    app = make_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot)
        table = screen.query_one("#attempts", DataTable)
        assert table.row_count == 12
        assert table.has_focus
        assert column(table, "score")[:3] == ["81", "77", "74"]
        assert column(table, "date")[0] == "2026-11-02 07:00"
        assert all(isinstance(cell, Text) for cell in table.get_row_at(0))
        assert "Answer builder" in column(table, "scenario")
        assert "1 this week" in str(screen.query_one("#week", Static).render())


async def test_sort_keys_cycle_the_column_and_reverse_the_direction(make_app, seeded):
    app = make_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot)
        table = screen.query_one("#attempts", DataTable)
        await pilot.press("s")  # kind, A→Z
        assert column(table, "kind")[0] == "builder"
        await pilot.press("s", "s")  # score, highest first
        assert screen.sort_column == "score"
        assert column(table, "score")[:2] == ["81", "77"]
        assert str(table.columns[next(iter(k for k in table.columns if k.value == "score"))].label) == "Score ▼"
        await pilot.press("r")
        assert column(table, "score")[:2] == ["35", "42"]
        await pilot.press("down", "down")
        assert table.cursor_row == 2


async def test_kind_and_text_filters(make_app, seeded):
    app = make_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot)
        table = screen.query_one("#attempts", DataTable)
        await pilot.press("k")
        assert set(column(table, "kind")) == {"practice"} and table.row_count == 8
        await pilot.press("k")
        assert set(column(table, "kind")) == {"drill"} and table.row_count == 2
        await pilot.press("k", "k")  # builder, then all again
        assert table.row_count == 12
        await pilot.press("slash")
        assert screen.query_one("#filter", Input).has_focus
        await pilot.press(*"analyst")  # letters type into the filter, not sort keys
        assert screen.sort_column == "date"
        assert column(table, "scenario") == ["Data analyst aiming to lead"] * 2
        await pilot.press("escape")  # leaves the filter, not the screen
        assert pilot.app.screen is screen and table.has_focus
        assert "2 of 12" in str(screen.query_one("#table-status", Static).render())
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, ProgressScreen)


async def test_enter_opens_the_attempt_with_its_feedback_and_user_text_as_data(make_app, seeded):
    app = make_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        await pilot.press("down", "enter")  # the second newest: markup-like text
        await pilot.pause()
        detail = pilot.app.screen
        assert isinstance(detail, AttemptDetailScreen)
        assert detail.attempt["score"] == 77
        summary = str(detail.query_one("#coach-summary", Static).render())
        assert "77" in summary
        answer = "\n".join(line.plain for line in detail.query_one("#coach-answer", PanelRows).shown())
        assert "[@click=app.quit]x[/] *bold* <script>" in answer
        issues = "\n".join(line.plain for line in detail.query_one("#coach-issues", PanelRows).shown())
        assert issue_name("too_long") in issues
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, ProgressScreen)


async def test_practise_next_starts_the_suggested_drill(make_app, seeded):
    from goalcoach.screens.drill import DrillRunScreen

    app = make_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot)
        assert "Talking yourself down" in str(screen.query_one("#next", Static).render())
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(pilot.app.screen, DrillRunScreen)
        assert pilot.app.screen.drill.id == "hedging-unsure"
        # A drill done meanwhile shows when the person comes back: one escape returns to
        # Progress, where the drill was started (not to the drill list in between).
        seeded.add_attempt(attempt(NOW, 90, kind="drill", stage=None, scenario_id=None, drill_id="hedging-unsure"))
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is screen
        table = screen.query_one("#attempts", DataTable)
        for _ in range(1000):
            if len(screen.history.attempts) == 13:
                break
            await pilot.app.workers.wait_for_complete()
            await pilot.pause(0.01)
        assert table.row_count == 13


async def test_practise_next_starts_the_suggested_scenario_when_no_issue_recurs(make_app, profile):
    from goalcoach.screens.practice_run import PracticeRunScreen

    profile.add_attempt(attempt(NOW, 45, stage="mid", scenario_id="mid-analyst"))
    app = make_app(profile)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot)
        suggestion = screen.history.suggestion
        assert suggestion.kind == "scenario"
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PracticeRunScreen)
        assert pilot.app.screen.brief.scenario_id == suggestion.target_id


async def test_streaks_are_off_by_default_and_toggle_from_the_palette(make_app, seeded):
    app = make_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot)
        assert "Streak" not in str(screen.query_one("#week", Static).render())
        commands = list(screen.extra_commands())
        assert commands[0].title == "Practice streaks (now off)"
        commands[0].callback()
        # The screen shows the streak once the setting is saved (off the UI thread).
        await settle(pilot, lambda: "Streak: 5 days" in str(screen.query_one("#week", Static).render()))
        assert seeded.setting("streaks") is True
        assert list(screen.extra_commands())[0].title == "Practice streaks (now on)"


def test_home_stats_text(seeded):
    text = home_stats_text(seeded, NOW)
    assert isinstance(text, Text)
    assert "1 attempt this week" in text.plain and "latest score 81/100" in text.plain
    assert "streak" not in text.plain
    assert "Practise next: drill Talking yourself down" in text.plain
    seeded.set_setting("streaks", True)
    assert "streak 5 days" in home_stats_text(seeded, NOW).plain


def test_home_stats_text_without_history(profile):
    plain = home_stats_text(profile, NOW).plain
    assert plain.startswith("No attempts yet.")
    assert "self-assessment (press 1)" in plain


async def test_ten_thousand_attempts_load_in_a_worker_and_page_through_the_table(make_app, profile, monkeypatch):
    history = seed_history()
    records = [
        {**history[i % 12], "id": f"bulk-{i:05d}", "created": f"2026-{1 + i % 10:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:{i % 60:02d}+00:00"}
        for i in range(10_000)
    ]
    profile.replace_all({**profile.snapshot(), "attempts": records})  # one write, not 10,000 appends
    # Hold the worker until the screen has painted, to show the paint never waits for the read.
    gate = threading.Event()
    original = progress.read_history
    monkeypatch.setattr(progress, "read_history", lambda *args: gate.wait(60) and original(*args))
    monkeypatch.setattr(progress, "HISTORY_WINDOW", 20_000)  # all 10,000 (the window has its own test)
    app = make_app(profile)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ProgressScreen)
        assert "Loading" in str(screen.query_one("#week", Static).render())
        assert screen.query_one("#attempts", DataTable).has_focus  # keys work while it loads
        gate.set()
        screen = await open_progress_loaded(pilot, screen)
        table = screen.query_one("#attempts", DataTable)
        status = screen.query_one("#table-status", Static)
        assert table.row_count == PAGE_SIZE
        assert "10000 of 10000" in str(status.render()) and "page 1/50" in str(status.render())
        first_page = column(table, "date")
        await pilot.press("right_square_bracket")
        assert "page 2/50" in str(status.render())
        assert column(table, "date")[0] <= first_page[-1]  # newest first, continued
        await pilot.press("left_square_bracket")
        assert column(table, "date") == first_page


async def open_progress_loaded(pilot, screen):
    for _ in range(1000):
        if screen.history is not None:
            break
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.01)
    assert screen.history is not None
    await pilot.pause()
    return screen


async def test_the_chart_shows_every_stage_on_one_0_to_100_scale_at_80x24(make_app, profile):
    from textual.widgets import ContentSwitcher

    from goalcoach.widgets.score_chart import ScoreChart

    for record in seed_history():
        profile.add_attempt(record)
    app = make_app(profile)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await settle(pilot, lambda: getattr(pilot.app.screen, "history", None) is not None)
        await pilot.press("c")
        await settle(pilot, lambda: pilot.app.screen.query_one(ContentSwitcher).current == "chart")
        chart = pilot.app.screen.query_one(ScoreChart)
        assert chart.region.height >= 10  # the chart takes the table's place, not a sliver
        await settle(pilot, lambda: "Entry" in screen_text(app))
        for stage in ("Entry", "Mid-career", "Builder"):
            assert stage in screen_text(app)
        drawn = chart.plot.render().plain
        for tick in ("100┤", "50┤", "0┤"):
            assert tick in drawn
        await pilot.press("c")
        await settle(pilot, lambda: pilot.app.screen.query_one(ContentSwitcher).current == "attempts-view")


async def test_the_chart_lines_take_the_theme_colours_and_follow_a_theme_change(make_app, profile):
    from textual.color import Color
    from textual.widgets import ContentSwitcher

    from goalcoach.widgets.score_chart import ScoreChart

    for record in seed_history():
        profile.add_attempt(record)
    app = make_app(profile)

    def drawn_colours() -> set[str]:
        rendered = app.screen.query_one(ScoreChart).plot.render()
        return {str(span.style.color.triplet.hex) for span in rendered.spans
                if getattr(span.style, "color", None) is not None and span.style.color.triplet}

    def primary() -> str:
        return Color.parse(app.current_theme.primary).hex.lower()

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await settle(pilot, lambda: getattr(pilot.app.screen, "history", None) is not None)
        await pilot.press("c")
        await settle(pilot, lambda: pilot.app.screen.query_one(ContentSwitcher).current == "chart")
        await settle(pilot, lambda: primary() in drawn_colours())
        dark_primary = primary()
        app.theme = "textual-light"
        await settle(pilot, lambda: primary() != dark_primary and primary() in drawn_colours())


async def test_at_60x20_the_table_keeps_kind_and_score_and_the_legend_hides_no_point(make_app, seeded):
    from textual.widgets import ContentSwitcher

    from goalcoach.widgets.score_chart import ScoreChart

    app = make_app(seeded)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_progress(pilot)
        table = screen.query_one("#attempts", DataTable)
        await settle(pilot, lambda: table.row_count == 12)
        lines = screen_text(app).splitlines()
        heading = next(line for line in lines if "Date" in line)
        assert "Kind" in heading and "Score" in heading, heading
        newest = next(line for line in lines if "Engineer going" in line)
        assert "practice" in newest and "81" in newest, newest
        # Wider again, the Time column comes back.
        await pilot.resize_terminal(80, 24)
        await settle(pilot, lambda: "Time" in screen_text(app))

        await pilot.resize_terminal(60, 20)
        await pilot.press("c")
        await settle(pilot, lambda: screen.query_one(ContentSwitcher).current == "chart")
        chart = screen.query_one(ScoreChart)
        await settle(pilot, lambda: "● Entry" in screen_text(app))
        plot = chart.plot.render().plain.splitlines()
        assert not any(stage in line for line in plot for stage in ("Entry", "Mid-career", "Builder"))
        # The first day's points sit right of the y axis, and nothing covers them.
        first_column = [line[line.index("┤") + 1] for line in plot if "┤" in line]
        first_column += [line[line.index("│") + 1] for line in plot if line.lstrip().startswith("│")]
        assert "●" in first_column, plot


async def test_the_trend_says_its_figures_are_daily_averages(make_app, profile):
    # One day with answers of 80 and 98: its figure is their average, so "best 89" must not read
    # as the best answer (98).
    for score in (80, 98):
        profile.add_attempt(attempt(NOW - timedelta(days=1), score, stage="mid", scenario_id="mid-analyst"))
    app = make_app(profile)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot)
        trends = " ".join(str(screen.query_one("#trends", Static).render()).split())
        assert "Daily average score" in trends and "best 89" in trends


async def test_practise_next_for_a_nurse_is_their_own_target_and_starts_it(make_app, profile):
    from goalcoach.screens.practice_run import PracticeRunScreen
    from test_progress_model import NURSE, own_target_practice

    profile.save_section("target", NURSE)
    for record in own_target_practice():
        profile.add_attempt(record)
    home = home_stats_text(profile).plain
    assert "Practise next: your own target: Staff Nurse, Cardiology at St Mary's Hospital NHS Trust" in home
    assert "Data analyst" not in home
    app = make_app(profile)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot)
        assert "your own target:" in str(screen.query_one("#next", Static).render())
        await pilot.press("p")
        await settle(pilot, lambda: isinstance(pilot.app.screen, PracticeRunScreen))
        assert pilot.app.screen.brief.own_target


async def test_own_target_follow_ups_name_their_question_and_one_day_of_scores_is_said_in_words(make_app, profile):
    own = dict(stage=None, scenario_id=None, title="My target: Data engineer at Northwind", own_target=True)
    asked = ("Could you say more? What would you hope to achieve in your first year?",
             "[b]Which[/b] of your skills carry over?")
    profile.add_attempt(attempt(NOW - timedelta(minutes=9), 49, follow_up=False, **own))
    for minutes, question in zip((6, 3), asked):
        profile.add_attempt(attempt(NOW - timedelta(minutes=minutes), 60, follow_up=True, question=question, **own))
    app = make_app(profile)
    async with app.run_test(size=(100, 24)) as pilot:
        screen = await open_progress(pilot)
        await settle(pilot, lambda: screen.query_one("#attempts", DataTable).row_count == 3)
        shown = screen_text(app)
        assert "↳ Could you say more?" in shown and "↳ [b]Which[/b] of your" in shown, shown
        assert "My target: Data engineer" in shown  # the main answer keeps its title
        # Every score is from one day: no lone dot on an empty axis, a plain sentence instead.
        await pilot.press("c")
        await settle(pilot, lambda: "from one day" in screen_text(app))
        shown = " ".join(screen_text(app).split())
        assert "All your scores so far are from one day (2 Nov): All 49/100" in shown, shown
        assert "100┤" not in shown


def follow_up_answer(created, score: int, kind: str, missing: tuple[str, ...]) -> dict:
    """A follow-up as practice stores it: judged by its own question's checklist."""
    record = attempt(created, score, issues=("filler",), follow_up=True, question_kind=kind)
    record["feedback"]["question"] = {"kind": kind, "name": kind}
    record["feedback"]["elements"] = {code: {"present": False, "evidence": []} for code in missing}
    return record


async def test_often_wrong_counts_missing_elements_only_against_the_checklist_an_answer_was_judged_by(make_app, profile):
    hour = timedelta(hours=1)
    start = NOW - timedelta(days=1)
    profile.add_attempt(attempt(start, 60, issues=("filler",), missing=("action_plan",)))
    for n, kind in enumerate(("leadership", "example", "fit", "plan"), start=1):
        # A leadership story lacks a long-term goal and the employer: no fault of the story.
        profile.add_attempt(follow_up_answer(start + n * hour, 20, kind, ("long_term", "company_alignment", "star_example")))
    app = make_app(profile)
    async with app.run_test(size=(100, 36)) as pilot:
        screen = await open_progress(pilot)
        weak = " ".join(str(screen.query_one("#weak", Static).render()).split())
    assert weak.startswith("Often wrong (last 10):")
    assert "5× filler words" in weak  # an issue counts from every answer
    assert "1× no concrete plan" in weak  # the main answer's checklist
    assert "no long-term goal" not in weak and "no link to this employer" not in weak
