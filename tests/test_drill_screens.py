"""Recovery drills by keyboard: a written drill, adaptive mode on a seeded builder answer, and
the picker when there is nothing to adapt yet."""

from __future__ import annotations

import shutil

from textual.widgets import OptionList, Static

from goalcoach.domain import coaching
from goalcoach.content import content_dir, load_drills, load_pushbacks
from goalcoach.domain.recovery import pick_pushback
from goalcoach.screens.drill import DrillRunScreen, DrillScreen
from goalcoach.widgets.editor import AnswerEditor
from goalcoach_test_support import FakeClock, drill_run_ready, settle, submit, text_of, type_then_insert

HEDGING_ANSWER = ("I think I might want to go into leadership eventually, maybe head of year or something pastoral. "
                  "I've been teaching history for seven years now. I'm not sure yet, to be honest, but I'd probably "
                  "do the NPQ in Leading Behaviour and Culture first.")
RECOVERY = ("Let me clarify. My immediate goal, in my first year in this role, is to lead the Year 9 pastoral team "
            "and complete the NPQ in Leading Behaviour and Culture by next July. Last year our Year 8 attendance "
            "was falling, so I set up weekly mentoring for twenty students; as a result, attendance rose by eight "
            "percent in one term. In five years I want to be head of year here, because your school's focus on "
            "pastoral care is exactly the work I care about most.")


async def type_recovery(pilot, text: str) -> None:
    await type_then_insert(pilot, text, keyed=14)


async def test_written_drill_checklist_and_attempt(make_app):
    app = make_app()
    clock = FakeClock(10.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await settle(pilot, lambda: isinstance(app.screen, DrillScreen) and app.screen.query_one(OptionList).option_count > 0)
        picker = app.screen
        assert isinstance(picker, DrillScreen)
        picker.clock = clock
        drill = load_drills()[0][0]  # the first drill (by misstep order) is highlighted
        await pilot.press("enter")
        await settle(pilot, lambda: drill_run_ready(app))
        run = app.screen
        assert isinstance(run, DrillRunScreen) and run.drill.id == drill.id
        assert drill.flawed_answer[:40] in text_of(run, "#drill-context Static")
        assert drill.pushback in text_of(run, "#drill-pushback")
        clock.now += 75
        await type_recovery(pilot, RECOVERY)
        await submit(pilot, "f5")
        assert run.phase == "feedback"
        checklist = text_of(run, "#recovery-checklist")
        assert "✔ Acknowledge the slip  “Let me clarify" in checklist

        attempt = app.profile.attempts()[0]
        assert attempt["kind"] == "drill" and attempt["drill_id"] == drill.id and attempt["misstep"] == drill.misstep
        assert attempt["question"] == drill.pushback and attempt["text"] == RECOVERY
        assert attempt["adaptive"] is False and attempt["seconds"] == 75.0
        moves = {m["id"]: m["done"] for m in attempt["recovery"]["moves"]}
        assert moves["acknowledge"] is True
        assert isinstance(attempt["score"], int)

        await pilot.press("m")  # the model recovery takes the coach panel's place
        assert run.query_one("#model-recovery").display and drill.model_recovery[:30] in text_of(run, "#model-recovery-text")
        await pilot.press("r")
        assert run.phase == "answer" and run.query_one(AnswerEditor).text == RECOVERY


async def test_adaptive_mode_drills_the_builder_answer(make_app, profile):
    version = profile.add_version("My answer", HEDGING_ANSWER)
    profile.set_current_version(version["id"])
    app = make_app(profile)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await settle(pilot, lambda: isinstance(app.screen, DrillScreen) and app.screen.query_one(OptionList).option_count > 0)
        options = app.screen.query_one(OptionList)
        assert not options.get_option("adaptive").disabled
        await pilot.press("a")
        await app.workers.wait_for_complete()
        await settle(pilot, lambda: drill_run_ready(app))
        run = app.screen
        assert isinstance(run, DrillRunScreen) and run.adaptive
        expected_code, expected_line = pick_pushback(coaching.coach(HEDGING_ANSWER, coaching.context_for(profile)), load_pushbacks())
        assert expected_code == "hedging"
        assert run.drill.misstep == "hedging" and run.drill.pushback == expected_line
        assert HEDGING_ANSWER[:40] in text_of(run, "#drill-context Static")
        assert expected_line in text_of(run, "#drill-pushback")

        await type_recovery(pilot, RECOVERY)
        await submit(pilot)
        attempt = app.profile.attempts()[-1]
        assert attempt["kind"] == "drill" and attempt["adaptive"] is True and attempt["misstep"] == "hedging"
        assert attempt["question"] == expected_line
        assert attempt["recovery"]["misstep_gone"] is True  # the recovery drops the hedges
        assert "✔ The misstep is gone (Hedging)" in text_of(run, "#recovery-checklist")


async def test_adaptive_is_disabled_without_an_answer(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await settle(pilot, lambda: isinstance(app.screen, DrillScreen) and app.screen.query_one(OptionList).option_count > 0)
        options = app.screen.query_one(OptionList)
        assert options.get_option("adaptive").disabled
        assert "no answer yet" in str(options.get_option("adaptive").prompt)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen)  # nothing to drill on: it stays and says why


async def test_broken_drill_file_is_named_and_the_rest_work(make_app, tmp_path):
    root = tmp_path / "content"
    shutil.copytree(content_dir() / "drills", root / "drills")
    (root / "drills" / "zz-broken.toml").write_text("[[drills]]\nid = 3\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(DrillScreen(loader=lambda: load_drills(root=root)))
        await settle(pilot, lambda: bool(app.screen.drills))
        options = app.screen.query_one(OptionList)
        prompts = [str(o.prompt) for o in options.options]
        assert any("drills/zz-broken.toml" in p for p in prompts)
        await pilot.press("enter")
        await settle(pilot, lambda: drill_run_ready(app))


async def test_the_pushback_stays_in_view_under_a_long_first_answer_at_80x24(make_app):
    from dataclasses import replace

    from goalcoach_test_support import screen_text

    drill = load_drills()[0][0]
    long_answer = " ".join([HEDGING_ANSWER] * 6)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(DrillRunScreen(replace(drill, flawed_answer=long_answer), clock=FakeClock(5.0)))
        await settle(pilot, lambda: drill_run_ready(app))
        await settle(pilot, lambda: "Interviewer:" in screen_text(app))
        shown = " ".join(screen_text(app).split())
        assert f"Interviewer: “{drill.pushback}”" in shown, shown
        await settle(pilot, lambda: isinstance(app.focused, AnswerEditor))  # the recovery is typed under it


async def test_the_hint_asks_to_own_a_slip_only_where_there_was_one(make_app):
    from dataclasses import replace

    drill = load_drills()[0][0]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        hints = {}
        for misstep in ("hedging", "star_example"):
            await app.push_screen(DrillRunScreen(replace(drill, misstep=misstep), clock=FakeClock(5.0)))
            await settle(pilot, lambda: drill_run_ready(app))
            hints[misstep] = str(app.screen.query_one("#drill-hint", Static).render())
            await app.pop_screen()
        assert "acknowledge" in hints["hedging"]
        assert "acknowledge" not in hints["star_example"] and "answer what was asked" in hints["star_example"]
