"""Practice scenarios by keyboard: a whole session with a follow-up and the summary, the
timer, own target, and broken content reported by name."""

from __future__ import annotations

import html
import shutil

import pytest
from textual.widgets import OptionList, Static

from goalcoach.content import content_dir, load_scenario_sets
from goalcoach.screens.practice import PracticeScreen
from goalcoach.screens.practice_run import PracticeRunScreen
from goalcoach.widgets.editor import AnswerEditor
from goalcoach.widgets.timer import TimerDisplay
from goalcoach_test_support import (
    _TEXT_RUN,
    FakeClock,
    practice_run_ready,
    record_notifications,
    settle,
    submit,
    text_of,
    type_then_insert,
)

FIRST = ("I think I might want to go into nursing leadership eventually, maybe something on a ward. "
         "I'm not sure yet, to be honest, but I'd probably do a course first.")
SECOND = ("My immediate goal is to complete my preceptorship on a medical ward and get really confident with the "
          "fundamentals: drug rounds, handovers, spotting a deteriorating patient early. In my first year I want "
          "to finish the trust's IV therapy and venepuncture competencies. Longer term I'd like to specialise in "
          "critical care and work towards a senior staff nurse post in ICU, because my final placement was in "
          "intensive care. This ward's rotation programme would give me the grounding for that.")


def picker_ready(app) -> bool:
    return isinstance(app.screen, PracticeScreen) and app.screen.query_one(OptionList).option_count > 0


async def type_answer(pilot, text: str) -> None:
    """Type the first words key by key (as a person would), then insert the rest quickly."""
    await type_then_insert(pilot, text, keyed=12)


async def open_own_target(pilot) -> None:
    """From home to practice for the person's own target (the picker's `o`)."""
    await pilot.press("3")
    await settle(pilot, lambda: picker_ready(pilot.app))
    await pilot.press("o")
    await settle(pilot, lambda: practice_run_ready(pilot.app))


async def test_full_session_with_follow_up_and_summary(make_app):
    app = make_app()
    clock = FakeClock(500.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await settle(pilot, lambda: picker_ready(app))
        picker = app.screen
        assert isinstance(picker, PracticeScreen)
        picker.clock = clock
        first_set = load_scenario_sets()[0][0]
        scenario = first_set.scenarios[0]

        await pilot.press("enter")  # the first scenario is highlighted
        await settle(pilot, lambda: practice_run_ready(app))
        run = app.screen
        assert isinstance(run, PracticeRunScreen) and run.phase == "brief"
        brief = text_of(run, "#brief Static")
        assert scenario.employer.name in brief and scenario.employer.values[0] in brief and scenario.tips[0] in brief

        await pilot.press("t")  # the rehearsal timer runs while they think and type
        clock.now += 10
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.focused, AnswerEditor))
        assert run.phase == "answer"
        await type_answer(pilot, FIRST)
        clock.now += 32
        await submit(pilot)
        assert run.phase == "feedback"
        assert "Score" in str(run.query_one("#coach-summary", Static).content)
        assert scenario.model_answer[:40] in text_of(run, "#model-text")

        await pilot.press("m")
        assert not run.query_one("#model").display
        await pilot.press("m")
        assert run.query_one("#model").display

        await pilot.press("n")  # the follow-up: no timer this time
        await settle(pilot, lambda: isinstance(app.focused, AnswerEditor) and app.focused.text == "")
        follow_up = run.session.current
        assert run.phase == "answer" and follow_up.follow_up_id and follow_up.text != scenario.question
        first_issues = {i["code"] for i in app.profile.attempts()[0]["feedback"]["issues"]}
        assert follow_up.follow_up_id in {"vague-concrete", "hedging-commit", "short-more"} and first_issues
        assert follow_up.text in text_of(run, "#run-question")
        assert scenario.interviewer.name in text_of(run, "#run-question")
        assert "Why this question:" in text_of(run, "#run-reason")
        assert run.query_one(AnswerEditor).text == ""
        clock.now += 25
        await type_answer(pilot, SECOND)
        await submit(pilot, "f5")
        assert run.phase == "feedback"
        model = text_of(run, "#model-text")
        assert model == follow_up.model_answer and scenario.model_answer[:40] not in model

        attempts = app.profile.attempts()
        assert len(attempts) == 2
        first, second = attempts
        assert first["kind"] == second["kind"] == "practice"
        assert first["scenario_id"] == scenario.id and first["stage"] == first_set.stage
        assert first["text"] == FIRST and second["text"] == SECOND
        assert first["seconds"] == 42.0  # the timer's time
        assert second["seconds"] == 25.0  # no timer: time since the question was shown
        assert first["question"] == scenario.question and second["question"] == follow_up.text
        assert first["question_kind"] == "career_goals" and second["question_kind"] == follow_up.kind
        assert first["follow_up"] is False and second["follow_up"] is True
        assert first["session_id"] == second["session_id"]
        for attempt in attempts:
            assert isinstance(attempt["score"], int) and attempt["feedback"]["score"] == attempt["score"]

        await pilot.press("s")
        assert run.phase == "summary"
        summary = " ".join(str(row.content) for row in run.query(".summary-row Static")) + text_of(run, "#summary-text")
        assert "Q1" in summary and "Q2" in summary and follow_up.text in summary
        assert "First → last" not in summary  # a main answer is never compared with a follow-up
        assert "Practise next:" in summary

        await pilot.press("enter")
        await settle(pilot, lambda: app.screen is picker)
        # the drafts were cleared once the answers were stored
        assert app.profile.draft(f"practice:{scenario.id}:0") is None


async def test_timer_keys_and_display(make_app):
    app = make_app()
    clock = FakeClock(500.0)
    async with app.run_test(size=(80, 24)) as pilot:
        scenario_set = load_scenario_sets()[0][0]
        from goalcoach.domain.practice_brief import brief_from_scenario

        await app.push_screen(PracticeRunScreen(brief_from_scenario(scenario_set.scenarios[0], "entry"), clock=clock))
        await settle(pilot, lambda: practice_run_ready(app))
        display = app.screen.query_one(TimerDisplay)
        assert "1:30 left" in str(display.content) and not display.ticking  # idle: no interval
        await pilot.press("t")
        assert display.timer.running and display.ticking
        clock.now += 30
        display.refresh_time()
        assert "1:00 left" in str(display.content)
        await pilot.press("t")
        assert not display.timer.running and not display.ticking  # paused: no interval
        await pilot.press("r")
        assert display.timer.elapsed == 0
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.focused, AnswerEditor))
        await pilot.press("ctrl+t")  # in the editor, letters type: ctrl+t drives the timer
        assert display.timer.running and app.screen.query_one(AnswerEditor).text == ""
        clock.now += 100
        display.refresh_time()
        assert "over by 0:10" in str(display.content) and display.has_class("-over")
        await pilot.press("ctrl+r")
        assert not display.timer.used


async def test_after_submitting_the_timer_says_how_long_the_answer_took(make_app):
    """Untimed (t never pressed) and timed past the limit: the header agrees with the result line."""
    app = make_app()
    clock = FakeClock(500.0)
    async with app.run_test(size=(80, 24)) as pilot:
        from goalcoach.domain.practice_session import brief_from_scenario

        scenario_set = load_scenario_sets()[0][0]
        await app.push_screen(PracticeRunScreen(brief_from_scenario(scenario_set.scenarios[0], "entry"), clock=clock))
        await settle(pilot, lambda: practice_run_ready(app))
        run = app.screen
        assert "not started" in text_of(run, "#run-timer")
        await pilot.press("enter")
        await type_answer(pilot, FIRST)
        clock.now += 8
        await submit(pilot)
        assert "time 0:08" in text_of(run, "#feedback-note")
        shown = text_of(run, "#run-timer")
        assert "answered in 0:08" in shown and "not started" not in shown and "left" not in shown

        await pilot.press("n")  # the follow-up starts a fresh countdown
        await settle(pilot, lambda: run.phase == "answer")
        assert "1:30 left" in text_of(run, "#run-timer")
        await pilot.press("ctrl+t")
        clock.now += 100
        await type_answer(pilot, SECOND)
        await submit(pilot)
        assert "time 1:40" in text_of(run, "#feedback-note")
        shown = text_of(run, "#run-timer")
        assert "answered in 1:40 · 0:10 over 1:30" in shown and run.query_one(TimerDisplay).has_class("-over")


async def test_own_target_uses_the_profile(make_app, profile):
    profile.save_section("target", {"role": "Data [bold]analyst[/]", "organisation": "[@click=app.quit]Acme[/]",
                                    "mission": "Clean water", "terms": ["Safety"], "stage": "mid"})
    app = make_app(profile)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_own_target(pilot)
        run = app.screen
        assert isinstance(run, PracticeRunScreen) and run.brief.own_target
        assert "[@click=app.quit]Acme[/]" in text_of(run, "#brief Static")  # shown as typed, never markup
        await pilot.press("enter")
        await type_answer(pilot, SECOND)
        await submit(pilot)
        attempt = app.profile.attempts()[0]
        assert attempt["scenario_id"] is None and attempt["own_target"] is True and attempt["stage"] == "mid"


async def test_own_target_without_a_target_explains(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        notes = record_notifications(app)
        await pilot.press("3")
        await settle(pilot, lambda: picker_ready(app))
        await pilot.press("o")
        assert isinstance(app.screen, PracticeScreen)
        assert any("Self-assessment" in n for n in notes)


@pytest.fixture
def broken_content(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(content_dir() / "scenarios", root / "scenarios")
    (root / "scenarios" / "zz-broken.toml").write_text('id = "x"\ntitle = "[bold]Broken"\n', encoding="utf-8")
    return root


async def test_broken_scenario_file_is_named_and_the_rest_work(make_app, broken_content):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        notes = record_notifications(app)
        await app.push_screen(PracticeScreen(loader=lambda: load_scenario_sets(root=broken_content)))
        await settle(pilot, lambda: picker_ready(app))
        await pilot.pause()  # the notification is a message: let it arrive
        options = app.screen.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("scenarios/zz-broken.toml" in label for label in labels)
        assert any("zz-broken.toml" in n for n in notes)
        assert any(o.id and o.id.startswith("scenario:") for o in options.options)
        await pilot.press("enter")
        await settle(pilot, lambda: practice_run_ready(app))


async def test_a_long_question_in_the_summary_wraps_in_line_with_itself(make_app):
    app = make_app()
    scenario = load_scenario_sets()[0][0].scenarios[0]
    from goalcoach.domain.practice_brief import brief_from_scenario
    from goalcoach_test_support import screen_text

    async with app.run_test(size=(60, 20)) as pilot:
        await app.push_screen(PracticeRunScreen(brief_from_scenario(scenario, "entry"), clock=FakeClock()))
        await settle(pilot, lambda: practice_run_ready(app))
        await pilot.press("enter")
        await type_answer(pilot, FIRST)
        await submit(pilot)
        await pilot.press("n")  # the follow-up's answer box opens at once
        await type_answer(pilot, SECOND)
        await submit(pilot)
        await pilot.press("s")
        await settle(pilot, lambda: app.screen.phase == "summary" and "judged as" in screen_text(app))
        question = app.screen.session.answers[1].question  # a follow-up, two lines or more at 60 columns
        words = question.split()
        svg = app.export_screenshot()
        runs = [(float(x), html.unescape(t).replace("\xa0", " ").strip()) for x, _, t in _TEXT_RUN.findall(svg)]
        start = next(x for x, t in runs if t.startswith(" ".join(words[:2])))
        # The question's next line starts where the question does, not under its number.
        wrapped = [x for x, t in runs if t and t.split()[0] in words[2:] and not t.startswith(" ".join(words[:2]))]
        assert wrapped and all(x == start for x in wrapped[:1]), (start, runs)
        judged = next(x for x, t in runs if t.startswith("judged as"))
        assert judged == start
