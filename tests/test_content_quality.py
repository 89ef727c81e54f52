"""The coaching content passes its own coach: model answers are strong, drill recoveries fix
the misstep they teach, and every flawed answer really shows that misstep."""

from __future__ import annotations

import pytest

from goalcoach.coach import Context, analyse
from goalcoach.coach.feedback import STAGES
from goalcoach.content import load_drills, load_scenario_sets, load_template

SCENARIOS = [(s, sc) for s in load_scenario_sets()[0] for sc in s.scenarios]
DRILLS = load_drills()[0]


def explain(feedback) -> str:
    issues = [(i.code, feedback.text[i.start : i.end]) for i in feedback.issues]
    return f"quality={feedback.quality} present={feedback.present_elements} issues={issues}"


def scenario_context(scenario_set, scenario) -> Context:
    # "gap" is a situation rather than a career stage; the coach judges it without a stage.
    stage = scenario_set.stage if scenario_set.stage in STAGES else None
    employer = scenario.employer
    return Context(stage=stage, company=employer.name, terms=employer.values)


@pytest.mark.parametrize(
    ("scenario_set", "scenario"), SCENARIOS, ids=[sc.id for _, sc in SCENARIOS]
)
def test_model_answer_is_strong(scenario_set, scenario):
    feedback = analyse(scenario.model_answer, scenario_context(scenario_set, scenario))
    assert feedback.quality == "strong", explain(feedback)
    assert feedback.elements["company_alignment"].present, explain(feedback)


@pytest.mark.parametrize("drill", DRILLS, ids=[d.id for d in DRILLS])
def test_drill_recovery_fixes_the_misstep(drill):
    feedback = analyse(drill.model_recovery, Context())
    for code in ("acknowledgement", "short_term", "long_term", "company_alignment"):
        assert feedback.elements[code].present, (code, explain(feedback))
    assert drill.misstep not in feedback.issue_codes, explain(feedback)
    assert feedback.issue_codes == [], explain(feedback)


@pytest.mark.parametrize("drill", DRILLS, ids=[d.id for d in DRILLS])
def test_drill_flawed_answer_shows_its_misstep(drill):
    feedback = analyse(drill.flawed_answer, Context())
    assert drill.misstep in feedback.issue_codes, explain(feedback)
    assert feedback.quality != "strong", explain(feedback)


def test_template_examples_make_a_complete_answer():
    template = load_template()
    feedback = analyse(template.assemble(template.examples()), Context())
    assert feedback.issue_codes == [], explain(feedback)
    for code in ("short_term", "long_term", "timeframe", "action_plan", "motivation"):
        assert feedback.elements[code].present, (code, explain(feedback))
