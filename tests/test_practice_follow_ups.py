"""Follow-ups that react, by keyboard: what the person said decides what the interviewer asks
next, and each follow-up shows its own checklist and model answer."""

from __future__ import annotations

import re

import pytest
from textual.widgets import Static

from goalcoach.content import load_scenario_sets
from goalcoach.domain.practice_brief import brief_from_scenario
from goalcoach.screens.practice import PracticeScreen
from goalcoach.screens.practice_run import PracticeRunScreen
from goalcoach.widgets.editor import AnswerEditor
from goalcoach_test_support import FakeClock, settle
from goalcoach_test_support import practice_run_ready as run_ready, submit, text_of
from test_practice_screens import open_own_target, type_answer

PAY_FIRST = ("Honestly, what I want most is a higher salary and a good bonus, so I can buy a house in the next "
             "two years. The work itself is fine, I suppose, and this job pays better than my current one.")
VAGUE = ("I want to grow and be successful, take on more and keep developing myself as a person. I'd like "
         "to advance my career and reach my potential, wherever that takes me, and keep learning every day.")


def scenario(set_index: int = 0, index: int = 0):
    sets, _ = load_scenario_sets()
    return sets[set_index], sets[set_index].scenarios[index]


async def answer_main(pilot, app, text: str, set_index: int = 0):
    scenario_set, chosen = scenario(set_index)
    await app.push_screen(PracticeRunScreen(brief_from_scenario(chosen, scenario_set.stage), clock=FakeClock(10.0)))
    await settle(pilot, lambda: run_ready(app))
    await pilot.press("enter")
    await type_answer(pilot, text)
    await submit(pilot)
    run = app.screen
    await pilot.press("n")
    await settle(pilot, lambda: run.phase == "answer" and isinstance(app.focused, AnswerEditor))
    return run, chosen


@pytest.mark.parametrize(("text", "expected"), [(PAY_FIRST, "pay-first"), (VAGUE, "vague-concrete")])
async def test_a_red_flag_gets_the_probe_an_interviewer_would_ask(make_app, text, expected):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        run, chosen = await answer_main(pilot, app, text)
        assert run.session.current.follow_up_id == expected
        reason = text_of(run, "#run-reason")
        if expected == "pay-first":
            assert "You mentioned pay" in reason and "“" in reason  # quotes the person's own words
        else:
            assert "no concrete target" in reason
        assert chosen.interviewer.name in reason


async def test_a_strong_answer_gets_a_deeper_probe_for_the_stage(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        scenario_set, chosen = scenario(1)  # mid-career
        run, _ = await answer_main(pilot, app, chosen.model_answer, set_index=1)
        assert run.session.answers[0].quality == "strong"
        assert run.session.current.follow_up_id == f"deeper-{scenario_set.stage}"
        assert "probes deeper" in text_of(run, "#run-reason")


HOW_I_LEARN = ("I learn best by doing with someone beside me at first. On my placement I asked my mentor to watch "
               "my first medicines rounds and give feedback after each one, and within three weeks I was running "
               "them alone. I also keep a notebook of questions to look up after each shift.")


async def test_a_follow_up_answer_is_not_faulted_for_not_naming_the_goal_again(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        scenario_set, chosen = scenario(0)  # entry level: a strong answer gets "how will you learn?"
        run, _ = await answer_main(pilot, app, chosen.model_answer)
        assert run.session.current.kind == "learning"
        await type_answer(pilot, HOW_I_LEARN)
        await submit(pilot)
        from goalcoach.widgets.coach_panel import PanelRows

        fixes = "\n".join(str(c) for c in run.query_one("#coach-issues", PanelRows).shown())
        assert "doesn't name a target" not in fixes and "Not your own answer" not in fixes


async def test_each_follow_up_shows_its_own_checklist_and_model_answer(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        run, chosen = await answer_main(pilot, app, PAY_FIRST)
        follow_up = run.session.current
        await type_answer(pilot, "Fair question. I want to learn the ward quickly in this role, because patients "
                                 "deserve a nurse who knows the basics cold. In my first year I plan to finish the "
                                 "preceptorship and the acute illness course at Elmbrook.")
        await submit(pilot)
        from goalcoach.widgets.coach_panel import PanelRows

        checklist = "\n".join(str(c) for c in run.query_one("#coach-checklist", PanelRows).shown())
        assert "Link to this employer" in checklist and "Reason / motivation" in checklist
        assert "Concrete time frame" not in checklist  # not what this question asks
        model = text_of(run, "#model-text")
        assert model == follow_up.model_answer and model != chosen.model_answer
        assert chosen.employer.name in model
        assert follow_up.kind_name in str(run.query_one("#model").border_title)


def own_target(profile):
    """A mid-career customer success manager's own target, with goals and a step."""
    profile.save_section("target", {"role": "Customer success manager", "organisation": "Quillworks",
                                    "mission": "Help small shops sell online", "terms": ["Care"], "stage": "mid"})
    profile.save_section("goals", {"short_term": [{"goal": "Run onboarding for our biggest accounts",
                                                   "steps": "Take the Gainsight admin course"}],
                                   "long_term": [{"goal": "Lead the customer success team"}]})


async def test_own_target_never_shows_another_scenarios_persona(make_app, profile):
    own_target(profile)
    app = make_app(profile)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_own_target(pilot)
        run = app.screen
        shown = text_of(run, "#brief Static") + text_of(run, "#model-text")
        for scenario_set in load_scenario_sets()[0]:
            for other in scenario_set.scenarios:
                assert other.persona[:40] not in shown and other.model_answer[:40] not in shown
                assert other.interviewer.name not in shown
                for tip in other.tips:
                    assert tip not in shown
        assert "run onboarding for our biggest accounts" in text_of(run, "#model-text")
        assert "Customer success manager" in shown
        assert isinstance(app.screen, PracticeRunScreen) and not isinstance(app.screen, PracticeScreen)


def test_the_interviewers_name_reads_as_part_of_the_sentence():
    from goalcoach.content import load_follow_ups
    from goalcoach.domain.followups import ask

    catalogue = {f.id: f for f in load_follow_ups()}
    mid = ask(catalogue["deeper-mid"], manner="neutral", interviewer="The hiring manager", facts={})
    assert mid.reason.startswith("A strong answer, so the hiring manager probes deeper")
    first = next(f for f in catalogue.values() if f.reason.startswith("{name}"))
    assert ask(first, manner="neutral", interviewer="The hiring manager", facts={}).reason.startswith("The hiring manager ")
    assert ask(first, manner="neutral", interviewer="Grace Owusu", facts={}).reason.startswith("Grace Owusu ")


def test_the_own_target_brief_names_the_interviewer_once():
    from goalcoach.domain.practice_brief import brief_from_target

    brief = brief_from_target({"role": "Data analyst", "organisation": "Acme Health", "stage": "mid"}, [])
    assert (brief.interviewer_name, brief.interviewer_role) == ("The hiring manager", "Acme Health")


LED_OTHERS = ("Last year I led a team of four analysts through our move to a new CRM. I ran weekly check-ins "
              "and coached two juniors through the data clean-up, and as a result we finished a month early "
              "with no lost records. I want to keep growing that way here, because I care about helping "
              "people do their best work.")


async def test_own_target_leadership_follow_up_is_judged_by_its_own_checklist(make_app, profile):
    own_target(profile)
    app = make_app(profile)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_own_target(pilot)
        run = app.screen
        await pilot.press("enter")
        # The example built from the person's own material, with its gaps (‹reason›) filled in.
        await type_answer(pilot, re.sub(r"‹[^›]*›", "I love helping small shops sell online", run.brief.model_answer))
        await submit(pilot)
        assert run.session.answers[0].quality == "strong"
        await pilot.press("n")
        await settle(pilot, lambda: run.phase == "answer" and isinstance(app.focused, AnswerEditor))
        assert run.session.current.kind == "leadership"
        await type_answer(pilot, LED_OTHERS)
        await submit(pilot)
        from goalcoach.widgets.coach_panel import PanelRows

        checklist = [str(c) for c in run.query_one("#coach-checklist", PanelRows).shown()]
        fixes = "\n".join(str(c) for c in run.query_one("#coach-issues", PanelRows).shown())
        assert "✘ Long-term goal" not in checklist  # a story of leading people, not a five-year plan
        assert "✔ Example with a result" in checklist
        assert "Vague" not in fixes
        assert run.session.answers[-1].quality == "strong"


FILLERS = ("Um, so, basically, I want to, like, become a senior nurse, you know, um, in five years, and "
           "basically I will, like, do the training first, you know, um, on a medical ward, like, here.")


async def test_the_headline_follow_up_after_fillers_is_named_for_what_prompted_it(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        run, _ = await answer_main(pilot, app, FILLERS)
        assert run.session.current.follow_up_id == "filler-main-goal"
        await type_answer(pilot, "My goal is to lead a ward team within five years, starting as a staff nurse here.")
        await submit(pilot)
        await pilot.press("s")
        await settle(pilot, lambda: run.phase == "summary")
        rows = [str(row.content) for row in run.query(".summary-question")]
        assert "judged as: In one sentence (after a long or hesitant answer)" in rows[1], rows
