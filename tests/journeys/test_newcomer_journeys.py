"""A newcomer's journeys by keyboard alone in a real terminal at 80×24, checked on the screen
a person sees, across a restart: (a) the whole self-assessment, long-term goal included;
(b) an answer built, saved as a version, and found again; (c) a practice answer and a drill found
on Progress."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.slow

HOME = "Answer builder"


def progress_line(screen: str) -> str:
    return next((line.strip() for line in screen.splitlines() if line.strip().startswith("Progress:")), "")


def fill(app, *texts: str) -> None:
    """Type each text into a field and move on with tab, as a person does."""
    for text in texts:
        app.type_visibly(text)
        app.step("Tab")


def test_a_complete_self_assessment_survives_a_restart(start_app):
    app = start_app()
    app.wait_for(HOME)
    app.step("1")
    app.wait_for("Role", "Organisation")
    fill(app, "Data Analyst", "Acme Foods", "Cut food waste", "sustainability, data")
    app.keys("Enter")  # the first career stage
    app.wait_until(lambda s: "Target 5/5" in progress_line(s), "the target complete")

    app.step("C-n")
    app.wait_for("Your top five")
    app.settle()  # the list has focus
    # Three suggestions, then a moment for the last one added (it stays highlighted).
    for key in ("Tab", "Enter", "Enter", "Enter", "BTab", "m"):
        app.step(key)
    app.type_visibly("Told a client the truth about a late order")
    app.step("Enter")
    app.wait_until(lambda s: "Values 3/5" in progress_line(s), "three values")

    app.step("C-n")
    app.wait_for("Hard skills")
    fill(app, "SQL, Excel", "listening", "Python")
    app.wait_until(lambda s: "Skills 4" in progress_line(s), "four skills")

    app.step("C-n")
    app.wait_for("Short-term goal (1–2 years)")
    fill(app, "Within 18 months, own the monthly forecast", "SQL course; find a mentor", "2027", "course budget")
    for _ in range(4):  # past the empty second short-term goal
        app.step("Tab")
    app.wait_for("Long-term goal (3–5 years)")  # the section and its label scroll into view
    app.type_visibly("Lead a forecasting team")  # typed where it can be seen

    app.step("C-n")
    app.wait_for("You in five years")
    app.type_visibly("Leading a small team that plans stock")
    app.wait_until(lambda s: "Goals 2" in progress_line(s) and "Reflection 1/7" in progress_line(s), "all sections")
    app.keys("C-q")
    app.wait_exit()

    again = start_app()
    again.wait_for(HOME)
    again.step("1")
    shown = again.wait_for("Data Analyst", "Acme Foods", "Cut food waste")
    assert "Target 5/5 · Values 3/5 · Skills 4 · Goals 2 · Reflection 1/7" in progress_line(shown)
    again.step("C-n")
    again.wait_for("1. Integrity", "2. Creativity", "3. Teamwork  ○ flexible  ✎")
    again.settle()  # the list has focus
    again.step("Down")
    again.step("Down")
    again.wait_for("For: Teamwork", "Told a client the truth about a late order")
    again.step("C-n")
    again.wait_for("SQL, Excel", "listening")
    again.step("Tab")
    again.step("Tab")
    again.wait_for("Skills to develop", "Python")  # scrolled into view with its label
    again.step("C-n")
    again.wait_for("Within 18 months, own the monthly forecast")
    for _ in range(8):  # through both short-term goals to the long-term one
        again.step("Tab")
    again.wait_for("Long-term goal (3–5 years)", "Lead a forecasting team")
    again.step("C-n")
    again.wait_for("Leading a small team that plans stock")
    again.keys("C-q")
    again.wait_exit()


ANSWER = (
    "Over the next two years I want to own the monthly demand forecast at Acme Foods, because "
    "cutting food waste is why I chose this field. I am finishing an advanced SQL course this "
    "spring. Longer term I would like to lead a small forecasting team."
)


def test_an_answer_built_and_saved_as_a_version_survives_a_restart(start_app):
    app = start_app()
    app.wait_for(HOME)
    app.step("2")
    app.wait_for("Your answer")
    app.type_visibly(ANSWER)  # the editor stays in view while typing
    app.resize(120, 36)
    app.wait_for("Over the next two years I want to own the monthly demand")
    app.resize(80, 24)
    app.wait_for("a small forecasting team.")  # narrower: the editor is still on screen
    app.step("C-s")
    app.wait_for("Name this version")
    app.keys("Enter")
    app.wait_for("Saved “Version 1”")
    app.keys("C-q")
    app.wait_exit()

    again = start_app()
    again.wait_for(HOME)
    again.step("2")
    again.wait_for("Your answer", "a small forecasting team.")
    again.step("C-o")
    shown = again.wait_for("Version 1")
    assert re.search(r"Version 1 .* \d+ words", shown), shown
    again.step("Escape")
    again.wait_for("Your answer")
    again.keys("C-q")
    again.wait_exit()


PRACTICE_ANSWER = (
    "In my first year I want to become a confident rotation nurse at Elmbrook, because patient safety "
    "matters to me. I am taking the IV course this spring. Long term I want to specialise in respiratory care."
)
RECOVERY = (
    "Let me clarify. In my first year I want to run customer onboarding on my own at this company, and I am "
    "taking the product certification this spring. Long term I want to lead the onboarding team here, "
    "because helping customers succeed is what I enjoy."
)


def test_a_practice_answer_and_a_drill_are_on_progress_after_a_restart(start_app):
    app = start_app()
    app.wait_for(HOME)
    app.step("3")
    app.wait_for("Newly qualified nurse")
    app.step("Enter")  # the first scenario's brief
    app.wait_for("What are your career goals?")
    app.step("Enter")  # start answering
    app.type_visibly(PRACTICE_ANSWER)
    app.step("C-s")
    app.wait_for("Saved · score")
    app.step("Escape")
    app.wait_until(lambda s: "Practice scenarios" in s or HOME in s, "back from practice")
    while HOME not in app.screen():
        app.step("Escape")
    app.step("4")
    app.wait_for("The all-purpose 'I want to grow'")
    app.step("Down")
    app.step("Enter")
    app.wait_for("That sounds a bit general")
    app.type_visibly(RECOVERY)
    app.step("C-s")
    app.wait_for("Recovery checklist", "The misstep is gone")
    app.keys("C-q")
    app.wait_exit()

    again = start_app()
    again.wait_for(HOME)
    again.step("5")
    shown = again.wait_for("Newly qualified nurse", "The all-purpose")
    rows = [line for line in shown.splitlines() if "practice" in line or "drill" in line]
    assert any("practice" in r and "Newly qualified nurse" in r for r in rows), shown
    assert any("drill" in r and "The all-purpose" in r for r in rows), shown
    again.keys("C-q")
    again.wait_exit()
