"""A recovery counts only when it really recovers: the misstep gone, no new red flag, and
about the person's own career; organisations are recognised by their short form."""

from __future__ import annotations

from goalcoach.content import load_drills
from goalcoach.domain.organisation_names import short_form
from goalcoach.screens.drill import DrillRunScreen
from goalcoach_test_support import FakeClock, settle
from goalcoach_test_support import drill_run_ready as run_ready, submit, text_of
from test_drill_screens import type_recovery

# Every move is made, but the complaint about the last employer is only reworded.
REWORDED = ("Let me put that more clearly. My manager is hopeless and the team there is a joke, which is why I'm "
            "leaving. In my first year in this role I want to take over your blog and newsletter, and I'm taking a "
            "content marketing course this autumn. At my current job I rewrote our newsletter and, as a result, "
            "click-through rose from 2 to 5 percent. In five years I'd like to lead content strategy here, because "
            "I enjoy telling stories.")
# The complaint is gone, but a plan to leave soon came in instead.
NEW_FLAG = ("Let me put that more clearly. In my first year in this role I want to take over your blog and "
            "newsletter, and I'm taking a content marketing course this autumn. At my current job I rewrote our "
            "newsletter and, as a result, click-through rose from 2 to 5 percent. In five years I'd like to lead "
            "content strategy here, because I enjoy telling stories, though I'll leave in a year to open a bakery.")


def drill(drill_id: str):
    return next(d for d in load_drills()[0] if d.id == drill_id)


async def recover(pilot, app, drill_id: str, text: str) -> DrillRunScreen:
    await app.push_screen(DrillRunScreen(drill(drill_id), clock=FakeClock(5.0)))
    await settle(pilot, lambda: run_ready(app))
    await type_recovery(pilot, text)
    await submit(pilot)
    return app.screen


async def test_a_reworded_repeat_of_the_misstep_is_not_recovered(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        run = await recover(pilot, app, "negative-boss", REWORDED)
        checklist = text_of(run, "#recovery-checklist")
        assert "Recovered" not in checklist and "Not recovered yet" in checklist
        assert app.profile.attempts()[0]["recovery"]["passed"] is False


async def test_a_new_red_flag_is_not_recovered(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        run = await recover(pilot, app, "negative-boss", NEW_FLAG)
        checklist = text_of(run, "#recovery-checklist")
        assert "The misstep is gone" in checklist and "A new red flag" in checklist
        assert "Recovered:" not in checklist
        assert app.profile.attempts()[0]["recovery"]["new_red_flags"]


async def test_the_model_recovery_is_recovered(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        run = await recover(pilot, app, "neglect-the-role", drill("neglect-the-role").model_recovery)
        assert "Recovered:" in text_of(run, "#recovery-checklist")


def test_organisations_match_by_their_short_form():
    assert short_form("Northwind Software") == "Northwind"
    assert short_form("Northwind Software Ltd.") == "Northwind"
    assert short_form("Brightcart") is None  # nothing shorter to say
    assert short_form("Acme, Inc.") == "Acme"


def test_a_dot_inside_an_organisations_name_is_part_of_it():
    assert short_form("Booking.com") is None
    assert short_form("Amazon.com, Inc.") == "Amazon.com"
    assert short_form("Acme Health [@click=app.quit]x[/]") is None  # shown as typed, never reworded


async def test_adaptive_recovery_names_the_organisation_by_its_short_form(make_app, profile):
    profile.save_section("target", {"role": "Support specialist", "organisation": "Northwind Software", "stage": "mid"})
    from goalcoach.domain.coaching import coach_answer

    feedback = coach_answer("In my first year at Northwind I want to run the onboarding of new clients.", profile, own_target=True)
    assert feedback["elements"]["company_alignment"]["present"]


async def test_adaptive_model_recovery_uses_the_persons_own_material(make_app, profile):
    from textual.widgets import OptionList

    from goalcoach.screens.drill import DrillScreen

    profile.save_section("target", {"role": "Customer success manager", "organisation": "Quillworks", "stage": "mid"})
    profile.save_section("goals", {"short_term": [{"goal": "Run onboarding for our biggest accounts",
                                                   "steps": "Take the Gainsight admin course"}],
                                   "long_term": [{"goal": "Lead the customer success team"}]})
    version = profile.add_version("Mine", "Honestly I mainly want a bigger salary and a company car, that's about it really.")
    profile.set_current_version(version["id"])
    app = make_app(profile)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await settle(pilot, lambda: isinstance(app.screen, DrillScreen) and app.screen.query_one(OptionList).option_count > 0)
        await pilot.press("a")
        await app.workers.wait_for_complete()
        await settle(pilot, lambda: isinstance(app.screen, DrillRunScreen))
        model = app.screen.drill.model_recovery
        assert "run onboarding for our biggest accounts" in model and "Quillworks" in model
        assert "take the Gainsight admin course" in model
        for written in load_drills()[0]:
            assert written.model_recovery[:40] not in model
