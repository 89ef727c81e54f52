"""The practice session model: questions and follow-ups, attempt records and the summary."""

from __future__ import annotations

import pytest

from goalcoach.coach.rubric import REQUIRED_ELEMENTS
from goalcoach.content import load_follow_ups, load_scenario_sets
from goalcoach.coach.question_kinds import get_kind
from goalcoach.domain.practice_brief import (
    STANDARD_QUESTION,
    brief_from_scenario,
    brief_from_target,
    coach_stage,
    target_problem,
)
from goalcoach.domain.practice_session import PracticeSession



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


@pytest.fixture
def follow_ups():
    return load_follow_ups()


def test_every_scenario_set_loads_with_an_interviewer(sets):
    assert [s.stage for s in sets] == ["entry", "mid", "switcher", "senior", "gap"]
    for scenario_set in sets:
        assert scenario_set.scenarios
        for scenario in scenario_set.scenarios:
            b = brief_from_scenario(scenario, scenario_set.stage)
            assert b.question == scenario.question and b.interviewer_name == scenario.interviewer.name
            assert dict(b.facts)["goal"] == scenario.facts.goal


def test_the_next_question_reacts_to_the_answer(brief, follow_ups):
    session = PracticeSession(brief, follow_ups=follow_ups)
    assert session.question == brief.question and not session.is_follow_up and not session.has_next
    session.record("a", 10, feedback(30, issues=["personal_gain"]))
    assert session.has_next and session.upcoming.follow_up_id == "pay-first"
    question = session.advance()
    assert session.is_follow_up and question == session.current.text != brief.question
    assert session.current.kind == "work_itself" and session.current.reason
    assert brief.fact_values["goal"] in session.current.model_answer


def test_a_missing_element_draws_its_question_and_nothing_repeats(brief, follow_ups):
    session = PracticeSession(brief, follow_ups=follow_ups)
    session.record("a", 10, feedback(60, missing=["company_alignment"]))
    assert session.upcoming.follow_up_id == "missing-link"
    seen = [session.advance()]
    while len(session.asked) <= 3:
        session.record("b", 10, feedback(90))
        if not session.has_next:
            break
        seen.append(session.advance())
    assert len(seen) == len(set(seen)) == 3 and brief.question not in seen
    session.record("c", 10, feedback(90))
    assert not session.has_next  # the main question and three follow-ups
    with pytest.raises(IndexError):
        session.advance()


def test_salary_is_redirected_first_and_pressed_once(follow_ups, sets):
    scenario = next(s for st in sets for s in st.scenarios if s.asks[0] == "salary")
    # No stage: a strong answer leaves only the interviewer's own questions to ask.
    session = PracticeSession(brief_from_scenario(scenario, None), follow_ups=follow_ups)
    session.record("a", 1, feedback(90))  # a strong answer with no stage probe: the interviewer's own questions
    assert session.upcoming.kind == "salary"
    session.advance()
    session.record("b", 1, {**feedback(90), "quality": "strong"})
    assert session.upcoming.follow_up_id == "salary-pressed"


def test_attempt_record_has_the_shared_shape(brief, follow_ups):
    session = PracticeSession(brief, follow_ups=follow_ups)
    first = session.record("My first answer", 42.34, feedback(60))
    session.advance()
    second = session.record("My follow-up", None, feedback(70))
    a1, a2 = session.attempt(first).to_dict(), session.attempt(second).to_dict()
    assert a1 == {
        "kind": "practice", "scenario_id": brief.scenario_id, "scenario_title": brief.title, "stage": "entry",
        "question": brief.question, "text": "My first answer", "seconds": 42.3, "score": 60, "quality": "adequate",
        "feedback": feedback(60), "session_id": session.session_id, "follow_up": False, "own_target": False,
        "question_kind": "career_goals",
    }
    assert a2["follow_up"] is True and a2["question"] == session.asked[1].text and a2["seconds"] is None
    assert a2["question_kind"] == session.asked[1].kind and a2["feedback"]["question"]["kind"] == a2["question_kind"]
    assert a1["session_id"] == a2["session_id"]


def test_summary_compares_like_with_like(brief, follow_ups):
    earlier = PracticeSession(brief, follow_ups=follow_ups)
    old_main = earlier.attempt(earlier.record("a", 1, feedback(40, issues=["vague"])))
    session = PracticeSession(brief, follow_ups=follow_ups)
    session.record("b", 1, feedback(90))
    session.advance()
    follow = session.record("c", 1, feedback(50, issues=["filler"]))
    history = [old_main.to_dict(), {**session.attempt(follow).to_dict(), "session_id": "older", "score": 20}]
    summary = session.summary(history)
    assert [(c.before, c.now) for c in summary.comparisons] == [(40, 90), (20, follow.score)]
    assert "Main question" in summary.comparisons[0].label
    assert summary.comparisons[1].label.startswith(session.asked[1].kind_name)
    assert not PracticeSession(brief).summary().comparisons


def test_no_comparison_without_the_same_question(brief, follow_ups):
    session = PracticeSession(brief, follow_ups=follow_ups)
    session.record("a", 1, feedback(90))
    other = {"kind": "practice", "scenario_id": "someone-else", "follow_up": False, "score": 10, "session_id": "x"}
    assert session.summary([other]).comparisons == []


def test_focus_is_the_most_frequent_remaining_issue(brief, follow_ups):
    session = PracticeSession(brief, follow_ups=follow_ups)
    session.record("a", 1, feedback(50, issues=["filler"]))
    session.advance()
    session.record("b", 1, feedback(50, issues=["filler", "vague"]))
    # vague is worse, but filler came up in every answer
    assert session.summary().focus == "filler"


def test_focus_ignores_what_a_question_does_not_ask(brief, follow_ups):
    session = PracticeSession(brief, follow_ups=follow_ups)
    session.record("a", 1, feedback(90))
    session.advance()  # the stage probe asks for a near-term goal and a step, not a long-term goal
    assert "long_term" not in get_kind(session.current.kind).expects
    session.record("b", 1, feedback(90, missing=["long_term"]))
    assert session.summary().focus is None


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
    assert summary.rows == [] and summary.comparisons == []


def test_own_target_uses_the_standard_question_and_the_persons_own_material(sets):
    target = {"role": "Data analyst", "organisation": "Acme [bold]Ltd", "mission": "Clean water", "terms": ["Safety", ""], "stage": "mid"}
    goals = {"short_term": [{"goal": "Own the monthly water-quality report", "steps": "Take a Python course\nFind a mentor"}],
             "long_term": [{"goal": "To lead the analytics team."}]}
    b = brief_from_target(target, sets, goals=goals, values=[{"name": "Integrity"}])
    mid = next(s for s in sets if s.stage == "mid")
    assert b.own_target and b.scenario_id is None and b.stage == "mid"
    assert b.question == STANDARD_QUESTION
    assert b.tips == (mid.summary,)
    assert b.employer_name == "Acme [bold]Ltd" and b.values == ("Safety",)
    assert "Data analyst" in b.title
    assert "own the monthly water-quality report" in b.model_answer and "lead the analytics team" in b.model_answer
    assert "take a Python course and find a mentor" in b.model_answer and "integrity" in b.model_answer
    assert all(s.model_answer != b.model_answer for st in sets for s in st.scenarios)


def test_own_target_example_is_the_current_version_when_there_is_one(sets):
    target = {"role": "Nurse", "organisation": "Elm", "stage": "entry"}
    b = brief_from_target(target, sets, current_version={"name": "Version 3", "text": "My own words."})
    assert b.model_answer == "My own words." and "Version 3" in b.model_label
    empty = brief_from_target(target, sets)
    assert "‹goal›" in empty.model_answer  # nothing written yet: the gap shows


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


def test_follow_up_attempts_pass_the_import_check(brief, follow_ups):
    from goalcoach.profile.validation import ATTEMPT

    session = PracticeSession(brief, follow_ups=follow_ups)
    session.record("a", 1, feedback(30, issues=["personal_gain"]))
    session.advance()
    answer = session.record("b", 1, feedback(80))
    ATTEMPT({**session.attempt(answer).to_dict(), "id": "x1", "created": "2026-01-01T00:00:00"}, "attempt")  # raises if refused


def test_own_target_asks_about_the_duties_in_its_advert(sets, follow_ups):
    target = {"role": "Data analyst", "organisation": "Acme", "duties": [{"term": "housing data", "sentence": "s"}]}
    b = brief_from_target(target, sets, goals={"short_term": [{"goal": "Own the housing dashboard"}]})
    session = PracticeSession(b, follow_ups=follow_ups)
    session.record("a", 1, feedback(90))  # strong, and no stage: nothing to probe
    assert session.upcoming.text == "The advert mentions housing data: how does that fit your plans?"
    assert "own the housing dashboard" in session.upcoming.model_answer and session.upcoming.kind == "fit"
    session.advance()
    session.record("b", 1, {**feedback(90), "quality": "strong"})
    assert session.upcoming.kind == "salary"  # then the common questions


def _shown_summary(session, history) -> str:
    from goalcoach.screens.practice_run import summary_parts

    _, _, rest = summary_parts(session, history)
    return rest.plain


def _session_with_a_follow_up(brief, follow_ups):
    session = PracticeSession(brief, follow_ups=follow_ups)
    session.record("My main answer", 1, feedback(80, missing=["star_example"]))
    session.advance()
    follow = session.record("My follow-up", 1, feedback(20))
    return session, follow


def test_like_with_like_never_compares_another_scenario_or_another_target(sets, brief, follow_ups):
    session, follow = _session_with_a_follow_up(brief, follow_ups)
    kind = session.asked[1].kind
    elsewhere = {"kind": "practice", "scenario_id": "another-scenario", "follow_up": True, "own_target": False,
                 "question_kind": kind, "score": 4, "session_id": "older"}
    shown = _shown_summary(session, [elsewhere])
    assert "Like with like" not in shown and "→" not in shown
    assert "practise this scenario again to compare" in shown
    here = {**elsewhere, "scenario_id": brief.scenario_id, "scenario_title": brief.title, "score": 10}
    shown = _shown_summary(session, [here, elsewhere])
    assert f"{get_kind(kind).name}, against your last answer to it at this scenario: 10 → {follow.score}" in shown

    # Your own target: only answers to the same target (its role and organisation) compare.
    nurse = brief_from_target({"role": "Ward Manager", "organisation": "St Mary's", "stage": "mid"}, sets)
    own, _ = _session_with_a_follow_up(nurse, follow_ups)
    earlier_target = {"kind": "practice", "scenario_id": None, "own_target": True, "follow_up": False,
                      "scenario_title": "My target: Account manager at Corvid", "score": 40, "session_id": "older"}
    assert "Like with like" not in _shown_summary(own, [earlier_target])
    same_target = {**earlier_target, "scenario_title": nurse.title}
    assert "Main question, against your last attempt at your own target: 40 → 80" in _shown_summary(own, [same_target])
