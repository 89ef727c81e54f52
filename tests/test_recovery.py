"""Recovery logic: the adaptive pushback fits the worst problem, and the recovery checklist
sees each move and whether the misstep is gone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from goalcoach.content import load_pushbacks
from goalcoach.domain.recovery import GENERAL_CODE, GENERAL_PUSHBACK, check_recovery, pick_pushback
from goalcoach_test_support import ELEMENTS

# Answers from the labelled development set (tests/data/dev.jsonl when present); the texts are
# embedded so the test runs without it. Labels follow the coach rubric.
DEV = {
    "dev-002": ("honestly im not sure, maybe somewhere good? I guess I just want to grow and be the best in the world at whatever I end up doing",
                [], ["vague", "unrealistic", "hedging", "too_short"]),
    "dev-005": ("um so basically I just need a job to save up for a car and pay my rent, like, this is kind of a stepping stone until I find something in gaming. I mean the money is the main thing for me lol",
                ["motivation"], ["personal_gain", "misaligned", "hedging", "filler"]),
    "dev-006": ("In five years I want to be a partner here. I know that's a big jump from graduate trainee, but my immediate goal is to pass every ACA exam first time, and I intend to outwork everyone in my intake to get there.",
                ["short_term", "long_term", "timeframe", "action_plan", "company_alignment"], ["unrealistic"]),
    "dev-012": ("My current manager is useless and the whole depot is a shambles, nobody plans anything and I'm the one cleaning up after them every night. I want to be running this company within five years, because I definately know I could do it better than most of the people above me.",
                ["long_term", "timeframe", "company_alignment", "motivation"], ["unrealistic", "negative_tone"]),
    "dev-014": ("I think I might want to go into leadership eventually, maybe head of year or something pastoral. I've been teaching history for seven years now. I'm not sure yet, to be honest, but I'd probably do the NPQ in Leading Behaviour and Culture first.",
                ["long_term", "action_plan"], ["hedging"]),
    "dev-015": ("I guess my main goal is to get my salary up to six figures within two years. I've been in accounts payable for eight years and my boss takes the credit for everything I do. I'm doing my CIMA at the moment and once I qualify I'd want a big raise, plus a decent bonus and more than the 20 days holiday I get now.",
                ["short_term", "timeframe", "action_plan"], ["personal_gain", "hedging", "negative_tone"]),
    "dev-029": ("um, I want to move out of bars and into HR, like, the people side of things. basically that's it really",
                [], ["filler", "too_short"]),
    "dev-003": ("I've just finished my degree in supply chain management, and to start with I would like to work as a transport planner and get to grips with routing and carrier contracts in a live operation. I hope to complete the CILT Level 3 certificate alongside the job. Eventually I'd like to manage a distribution centre.",
                ["short_term", "long_term", "action_plan"], []),
    "dev-030": ("I'm moving from mechanical design into energy efficiency consulting. My immediate goal is to use this analyst role to learn how commercial building audits are scoped and delivered, and I would like to sit the CIBSE Low Carbon Consultant accreditation alongside it. Over the next few years I want to build up a portfolio of retrofit projects, and eventually move into a lead consultant position.",
                ["short_term", "long_term", "action_plan", "company_alignment"], []),
}

EXPECTED_PUSHBACK = {
    "dev-002": "vague",  # vague outranks unrealistic, hedging and too_short
    "dev-005": "misaligned",  # a stepping stone outranks money, hedging and fillers
    "dev-006": "unrealistic",
    "dev-012": "unrealistic",  # the leap outranks the complaint about the manager
    "dev-014": "hedging",
    "dev-015": "personal_gain",
    "dev-029": "filler",  # fillers outrank the length
    "dev-003": "company_alignment",  # no issue: the most important missing element
    "dev-030": "timeframe",
}



def labelled_feedback(elements: list[str], issues: list[str]) -> dict:
    """The coach's result shape, built from the rubric labels."""
    return {
        "elements": {code: {"present": code in elements, "evidence": [[0, 5]] if code in elements else []} for code in ELEMENTS},
        "issues": [{"code": code, "start": 0, "end": 5, "message": "", "suggestion": ""} for code in issues],
    }


def _dev_rows() -> dict:
    """The embedded answers, checked against tests/data/dev.jsonl when that copy exists."""
    path = Path(__file__).parent / "data" / "dev.jsonl"
    if path.exists():
        stored = {row["id"]: row for row in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if row}
        for key, (text, elements, issues) in DEV.items():
            assert stored[key]["text"] == text and sorted(stored[key]["issues"]) == sorted(issues)
    return DEV


def test_latest_answer_is_an_answer_to_the_main_question_never_a_follow_up():
    from goalcoach.domain.recovery import latest_answer

    attempts = [
        {"kind": "practice", "text": "Main answer", "question": "What are your career goals?",
         "created": "2026-01-01T00:00:00+00:00"},
        {"kind": "practice", "text": "How I learn", "question": "How do you like to learn?", "follow_up": True,
         "question_kind": "learning", "created": "2026-01-01T00:05:00+00:00"},
    ]
    assert latest_answer(None, attempts)["text"] == "Main answer"


@pytest.mark.parametrize("answer_id", sorted(EXPECTED_PUSHBACK))
def test_adaptive_pushback_follows_the_worst_problem(answer_id):
    _text, elements, issues = _dev_rows()[answer_id]
    pushbacks = load_pushbacks()
    code, line = pick_pushback(labelled_feedback(elements, issues), pushbacks)
    assert code == EXPECTED_PUSHBACK[answer_id]
    assert line == pushbacks[code]


def test_pushback_lines_match_the_interviewer():
    pushbacks = load_pushbacks()
    assert "specific" in pick_pushback(labelled_feedback([], ["vague"]), pushbacks)[1]
    assert "leave" in pick_pushback(labelled_feedback([], ["misaligned"]), pushbacks)[1]
    assert "big jump" in pick_pushback(labelled_feedback([], ["unrealistic"]), pushbacks)[1]


def test_a_strong_answer_gets_a_general_pushback():
    feedback = labelled_feedback(list(ELEMENTS), [])
    assert pick_pushback(feedback, load_pushbacks()) == (GENERAL_CODE, GENERAL_PUSHBACK)


def test_a_code_without_a_line_falls_through_to_the_next():
    feedback = labelled_feedback([], ["vague", "hedging"])
    assert pick_pushback(feedback, {"hedging": "Sure?"}) == ("hedging", "Sure?")


def test_recovery_with_every_move_passes():
    feedback = labelled_feedback(["acknowledgement", "short_term", "long_term", "company_alignment", "star_example"], [])
    result = check_recovery(feedback, "vague")
    assert [m.move_id for m in result.moves] == ["acknowledge", "reframe_short", "reframe_long", "reframe_link", "star"]
    assert all(m.done and m.evidence == [(0, 5)] for m in result.moves)
    assert result.misstep_gone and result.passed


def test_recovery_that_keeps_the_misstep_fails_and_shows_where():
    feedback = labelled_feedback(["acknowledgement", "short_term", "long_term", "company_alignment", "star_example"], ["hedging"])
    feedback["issues"][0].update(start=3, end=10)
    result = check_recovery(feedback, "hedging")
    assert not result.misstep_gone and not result.passed
    assert result.misstep_spans == [(3, 10)]


def test_missing_moves_are_reported_one_by_one():
    result = check_recovery(labelled_feedback(["acknowledgement", "long_term"], []), "vague")
    done = {m.move_id: m.done for m in result.moves}
    assert done == {"acknowledge": True, "reframe_short": False, "reframe_long": True, "reframe_link": False, "star": False}
    assert result.misstep_gone and not result.passed
    assert result.to_dict()["moves"][0] == {"id": "acknowledge", "label": "Acknowledge the slip", "done": True, "evidence": [[0, 5]]}


def test_a_missing_element_misstep_is_gone_once_present():
    assert not check_recovery(labelled_feedback([], []), "company_alignment").misstep_gone
    assert check_recovery(labelled_feedback(["company_alignment"], []), "company_alignment").misstep_gone


def test_a_length_issue_without_a_span_still_counts_as_present():
    feedback = {"elements": {}, "issues": [{"code": "too_long", "start": 0, "end": 0}]}
    result = check_recovery(feedback, "too_long")
    assert not result.misstep_gone and result.misstep_spans == []


def test_malformed_feedback_does_not_crash():
    result = check_recovery({"elements": {"acknowledgement": {"present": True, "evidence": [["x"], None]}}, "issues": None}, "vague")
    assert result.moves[0].done and result.moves[0].evidence == []
    assert result.misstep_gone


def test_latest_answer_prefers_the_newest():
    from goalcoach.domain.recovery import latest_answer

    version = {"name": "v1", "text": "Builder text", "created": "2026-01-02T00:00:00+00:00"}
    attempts = [
        {"kind": "practice", "text": "Old practice", "question": "Q1", "created": "2026-01-01T00:00:00+00:00"},
        {"kind": "drill", "text": "A drill is not an answer to drill on", "created": "2026-01-05T00:00:00+00:00"},
        {"kind": "practice", "text": "New practice", "question": "Q2", "created": "2026-01-03T00:00:00+00:00"},
    ]
    assert latest_answer(version, attempts)["text"] == "New practice"
    assert latest_answer(version, attempts[:1])["text"] == "Builder text"
    assert latest_answer(None, attempts[:1])["question"] == "Q1"
    assert latest_answer(None, []) is None
    assert latest_answer({"text": "  "}, [{"kind": "drill", "text": "x"}]) is None


@pytest.mark.parametrize("answer_id", sorted(EXPECTED_PUSHBACK))
def test_adaptive_pushback_from_the_coach_on_dev_answers(answer_id):
    """End to end: the coach reads the answer, and the pushback fits its worst problem."""
    from goalcoach.domain import coaching

    text = _dev_rows()[answer_id][0]
    code, _line = pick_pushback(coaching.coach(text, coaching.context_for(None)), load_pushbacks())
    assert code == EXPECTED_PUSHBACK[answer_id]


# The Lifestyle drill's misstep put perks forward; a recovery that puts them behind the work names
# them only to set them aside.
DEMOTED_PERKS = ("Let me clarify, because I answered about my life rather than my work. The perks matter far less "
                 "to me than the work itself; what I want is to grow into a senior analyst role on your team within "
                 "two years, because I love turning messy data into decisions. Last year I rebuilt our sales "
                 "dashboard and, as a result, the weekly report took an hour instead of a day. I'm taking an "
                 "advanced SQL course this spring, and in five years I'd like to lead an analytics team.")


@pytest.mark.parametrize("demoted", [
    "The perks matter far less to me than the work itself",
    "I care about the work itself rather than the perks",
    "The salary is much less important to me than the work itself",
])
def test_perks_put_behind_the_work_are_not_the_misstep(demoted):
    from goalcoach.coach import analyse

    text = DEMOTED_PERKS.replace("The perks matter far less to me than the work itself", demoted)
    result = check_recovery(analyse(text).to_dict(), "personal_gain")
    assert result.misstep_gone and result.misstep_spans == [] and result.passed
    # put forward, they are still the misstep
    ahead = text.replace(demoted, "The perks matter more to me than the work itself")
    assert not check_recovery(analyse(ahead).to_dict(), "personal_gain").misstep_gone
