"""Home's first steps follow the profile's real state: the self-assessment not started, half
done (naming what is left), complete (build the answer next), or an answer already in the
builder (practise it). Keys named are the keys really bound."""

from __future__ import annotations

from goalcoach.screens.home import HomeScreen
from goalcoach.screens.home_stats import home_stats_text
from goalcoach_test_support import screen_text, settle

NOW = None


def fill_assessment(profile, *, goals: bool = True) -> None:
    profile.save_section("target", {"role": "Data analyst", "organisation": "Acme"})
    profile.save_section("values", {"items": [{"name": "Learning", "non_negotiable": False, "moment": ""}]})
    profile.save_section("skills", {"hard": ["SQL"], "soft": [], "to_develop": [], "per_goal": {}})
    if goals:
        profile.save_section("goals", {"short_term": [{"goal": "Own the monthly forecast"}],
                                       "long_term": [{"goal": "Lead a pricing team"}]})


def test_a_new_profile_starts_with_the_self_assessment(profile):
    plain = home_stats_text(profile).plain
    assert "Start with the self-assessment (press 1), then build your answer (press 2)." in plain


def test_a_half_done_self_assessment_names_what_is_left(profile):
    fill_assessment(profile, goals=False)
    plain = home_stats_text(profile).plain
    assert "Finish the self-assessment (press 1): Goals still to fill in." in plain
    assert "Start with" not in plain


def test_a_complete_self_assessment_suggests_building_the_answer(profile):
    fill_assessment(profile)
    plain = home_stats_text(profile).plain
    assert "Your self-assessment is complete: build your answer from it (press 2), then practise it (press 3)." in plain
    assert "self-assessment (press 1)" not in plain


def test_an_answer_in_the_builder_suggests_practising_it(profile):
    fill_assessment(profile)
    profile.save_draft("builder", "In two years I want to own the monthly forecast at Acme.")
    plain = home_stats_text(profile).plain
    assert "Your answer is in the builder (press 2): practise it against a scenario (press 3)" in plain


async def test_home_shows_the_next_step_and_updates_after_the_assessment(make_app, profile):
    fill_assessment(profile)
    app = make_app(profile)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: "self-assessment is complete" in " ".join(screen_text(app).split()))
        assert "press 1" not in screen_text(app)
        # Back from the builder with an answer typed: Home moves on to practice.
        await pilot.press("2")
        await settle(pilot, lambda: not isinstance(app.screen, HomeScreen) and app.focused is not None)
        app.screen.editor.insert("In two years I want to own the monthly forecast at Acme.")
        await pilot.press("escape")
        await settle(pilot, lambda: "Your answer is in the builder" in " ".join(screen_text(app).split()))
