"""The practice session model: questions and follow-ups, attempt records and the summary."""

from __future__ import annotations

import pytest

from goalcoach.coach.rubric import REQUIRED_ELEMENTS
from goalcoach.content import load_scenario_sets
from goalcoach.domain.practice_session import (
    STANDARD_QUESTION,
    PracticeSession,
    brief_from_scenario,
    brief_from_target,
    coach_stage,
    target_problem,
)



def feedback(score: int, issues=(), missing=()) -> dict:
    return {
        "score": score,
        "quality": "strong" if score >= 75 else "adequate" if score >= 50 else "weak",
        "elements": {c: {"present": c not in missing, "evidence": []} for c in REQUIRED_ELEMENTS},
        "issues": [{"code": c, "start": 0, "end": 1} for c in issues],
    }


@pytest.fixture
def sets():
    found, errors = load_scenario_sets()
    assert not errors
    return found


@pytest.fixture
def brief(sets):
    return brief_from_scenario(sets[0].scenarios[0], sets[0].stage)


def test_every_scenario_set_loads_with_follow_ups(sets):
    assert [s.stage for s in sets] == ["entry", "mid", "switcher", "senior", "gap"]
    for scenario_set in sets:
        assert scenario_set.scenarios
        for scenario in scenario_set.scenarios:
            b = brief_from_scenario(scenario, scenario_set.stage)
            assert b.questions[0] == scenario.question and len(b.questions) == 1 + len(scenario.follow_ups)


def test_questions_advance_through_the_follow_ups(brief):
    session = PracticeSession(brief)
    assert session.question == brief.question and not session.is_follow_up
    seen = [session.question]
    while session.has_next:
        seen.append(session.advance())
    assert seen == list(brief.questions)
    with pytest.raises(IndexError):
        session.advance()


def test_attempt_record_has_the_shared_shape(brief):
    session = PracticeSession(brief)
    first = session.record("My first answer", 42.34, feedback(60))
    session.advance()
    second = session.record("My follow-up", None, feedback(70))
    a1, a2 = session.attempt(first).to_dict(), session.attempt(second).to_dict()
    assert a1 == {
        "kind": "practice", "scenario_id": brief.scenario_id, "scenario_title": brief.title, "stage": "entry",
        "question": brief.question, "text": "My first answer", "seconds": 42.3, "score": 60, "quality": "adequate",
        "feedback": feedback(60), "session_id": session.session_id, "follow_up": False, "own_target": False,
    }
    assert a2["follow_up"] is True and a2["question"] == brief.follow_ups[0] and a2["seconds"] is None
    assert a1["session_id"] == a2["session_id"]


def test_summary_shows_improvement_and_issues_that_went_away(brief):
    session = PracticeSession(brief)
    session.record("a", 10, feedback(40, issues=["vague", "hedging", "filler"], missing=["company_alignment"]))
    session.advance()
    session.record("b", 10, feedback(55, issues=["hedging", "filler"]))
    session.advance()
    session.record("c", 10, feedback(72, issues=["hedging"]))
    summary = session.summary()
    assert [r[1] for r in summary.rows] == [40, 55, 72]
    assert summary.first_score == 40 and summary.last_score == 72 and summary.change == 32
    assert summary.issues_gone == ["vague", "filler"]
    assert summary.issues_left == ["hedging"]
    assert summary.focus == "hedging" and "Hedging" in summary.advice


def test_focus_is_the_most_frequent_remaining_issue(brief):
    session = PracticeSession(brief)
    session.record("a", 1, feedback(50, issues=["filler"]))
    session.advance()
    session.record("b", 1, feedback(50, issues=["filler", "vague"]))
    # vague is worse, but filler came up in every answer
    assert session.summary().focus == "filler"


def test_focus_falls_back_to_a_missing_element(brief):
    session = PracticeSession(brief)
    session.record("a", 1, feedback(70, missing=["timeframe", "company_alignment"]))
    summary = session.summary()
    assert summary.focus == "company_alignment" and "employer" in summary.advice


def test_nothing_left_to_fix(brief):
    session = PracticeSession(brief)
    session.record("a", 1, feedback(90))
    summary = session.summary()
    assert summary.focus is None and summary.issues_left == [] and "harder" in summary.advice


def test_empty_summary(brief):
    summary = PracticeSession(brief).summary()
    assert summary.rows == [] and summary.change is None


def test_own_target_uses_the_standard_question_and_the_stage_set(sets):
    target = {"role": "Data analyst", "organisation": "Acme [bold]Ltd", "mission": "Clean water", "terms": ["Safety", ""], "stage": "mid"}
    b = brief_from_target(target, sets)
    mid = next(s for s in sets if s.stage == "mid")
    mid_follow_ups = {q for sc in mid.scenarios for q in sc.follow_ups}
    assert b.own_target and b.scenario_id is None and b.stage == "mid"
    assert b.question == STANDARD_QUESTION
    assert b.follow_ups and set(b.follow_ups) <= mid_follow_ups and len(b.follow_ups) <= 3
    assert b.employer_name == "Acme [bold]Ltd" and b.values == ("Safety",)
    assert "Data analyst" in b.title


def test_target_problem_names_what_is_missing():
    assert "role" in target_problem({"organisation": "X"})
    assert "organisation" in target_problem({"role": "X"})
    assert target_problem({"role": "X", "organisation": "Y"}) is None


def test_coach_stage_borrows_the_profile_stage_for_the_gap_set(sets):
    gap = next(s for s in sets if s.stage == "gap")
    b = brief_from_scenario(gap.scenarios[0], gap.stage)
    assert coach_stage(b, "senior") == "senior"
    assert coach_stage(b, None) is None
    entry = brief_from_scenario(sets[0].scenarios[0], "entry")
    assert coach_stage(entry, "senior") == "entry"
