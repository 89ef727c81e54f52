"""The coaching content passes its own coach: model answers are strong, drill recoveries fix
the misstep they teach, and every flawed answer really shows that misstep."""

from __future__ import annotations

import pytest

from goalcoach.coach import Context, analyse
from goalcoach.coach.feedback import STAGES
from goalcoach.content import load_drills, load_follow_ups, load_scenario_sets, load_template
from goalcoach.domain.correction import as_correction
from goalcoach.domain.followups import compose
from goalcoach.coach.question_kinds import get_kind, judge
from goalcoach.domain.recovery import check_recovery

SCENARIOS = [(s, sc) for s in load_scenario_sets()[0] for sc in s.scenarios]
DRILLS = load_drills()[0]
FOLLOW_UPS = load_follow_ups()


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
    feedback = analyse(drill.model_recovery, as_correction(Context()))
    for code in ("acknowledgement", "short_term", "long_term", "company_alignment"):
        assert feedback.elements[code].present, (code, explain(feedback))
    assert drill.misstep not in feedback.issue_codes, explain(feedback)
    assert feedback.issue_codes == [], explain(feedback)
    assert feedback.quality == "strong", explain(feedback)
    assert check_recovery(feedback.to_dict(), drill.misstep).passed, explain(feedback)


@pytest.mark.parametrize("drill", DRILLS, ids=[d.id for d in DRILLS])
def test_drill_flawed_answer_shows_its_misstep(drill):
    feedback = analyse(drill.flawed_answer, Context())
    if drill.misstep in feedback.elements:  # a missing element: talking past the job on offer
        assert not feedback.elements[drill.misstep].present, explain(feedback)
    else:
        assert drill.misstep in feedback.issue_codes, explain(feedback)
    assert feedback.quality != "strong", explain(feedback)
    assert not check_recovery(feedback.to_dict(), drill.misstep).passed


def test_drills_cover_contradiction_and_neglecting_the_role():
    titles = {d.id: d for d in DRILLS}
    assert "contradiction-stay-or-go" in titles and titles["neglect-the-role"].misstep == "company_alignment"


@pytest.mark.parametrize(
    ("scenario_set", "scenario"), SCENARIOS, ids=[sc.id for _, sc in SCENARIOS]
)
def test_every_follow_up_model_answer_is_strong_for_its_own_question(scenario_set, scenario):
    context = scenario_context(scenario_set, scenario)
    facts = {**scenario.facts.as_dict(), "employer": scenario.employer.name}
    for follow_up in FOLLOW_UPS:
        text = compose(follow_up.model, facts)
        assert "‹" not in text, (follow_up.id, text)
        ctx = as_correction(context) if get_kind(follow_up.kind).after_pushback else context
        judged = judge(follow_up.kind, analyse(text, ctx).to_dict())
        assert judged["quality"] == "strong", (follow_up.id, text, judged["issues"], judged["elements"])
        assert text != scenario.model_answer


def test_template_examples_make_a_complete_answer():
    template = load_template()
    feedback = analyse(template.assemble(template.examples()), Context())
    assert feedback.issue_codes == [], explain(feedback)
    for code in ("short_term", "long_term", "timeframe", "action_plan", "motivation"):
        assert feedback.elements[code].present, (code, explain(feedback))
