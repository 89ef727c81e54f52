"""A rubric per question: each follow-up kind judges an answer by what that question asks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from goalcoach.coach import Context, analyse, rubric
from goalcoach.coach.question_kinds import DEFAULT_KIND, KINDS, get_kind, judge

RUN = "import sys; from goalcoach.cli import main; sys.exit(main(sys.argv[1:]))"

SALARY_ANSWER = (
    "What matters most to me is the chance to grow into a team lead role here at Brightcart, because "
    "I love helping junior analysts find their feet. I have looked at what senior analysts earn in the "
    "region and I'm confident we can agree a fair salary."
)
MAIN_ANSWER = (
    "My immediate goal is to finish the CILT Level 3 certificate and become a solid transport planner "
    "on your team at Northwind within two years. In five years I'd like to run a distribution centre, "
    "because I love making complex operations work."
)


def coach(text: str) -> dict:
    return analyse(text, Context(company="Brightcart")).to_dict()


def test_every_kind_names_known_codes_and_sane_limits():
    for kind in KINDS:
        assert set(kind.expects) <= set(rubric.ELEMENTS), kind.id
        assert set(kind.bonus) <= set(rubric.ELEMENTS), kind.id
        assert set(kind.ignores) <= set(rubric.ISSUES), kind.id
        assert kind.expects, kind.id
        assert 0 < kind.min_words < kind.max_words, kind.id
    assert len({k.id for k in KINDS}) == len(KINDS)


def test_the_main_question_keeps_the_coachs_judgement():
    feedback = coach(MAIN_ANSWER)
    assert judge(DEFAULT_KIND, feedback) == feedback
    assert judge(None, feedback) == feedback


def test_a_short_salary_answer_can_be_strong_though_the_career_rubric_marks_it_down():
    feedback = coach(SALARY_ANSWER)
    assert feedback["quality"] != "strong"  # judged as a career-goals answer, pay talk counts against it
    judged = judge("salary", feedback)
    assert judged["quality"] == "strong"
    assert judged["score"] >= 75
    assert "personal_gain" not in [i["code"] for i in judged["issues"]]
    assert set(judged["elements"]) == set(get_kind("salary").checklist)
    assert "short_term" in judged["bonus"]  # not a gap in a salary answer
    assert judged["coach"]["quality"] == feedback["quality"]


def test_pay_talk_still_counts_when_the_question_is_about_the_work():
    judged = judge("work_itself", coach(SALARY_ANSWER))
    assert "personal_gain" in [i["code"] for i in judged["issues"]]
    assert judged["quality"] == "weak"


def test_word_limits_fit_the_question():
    short = "I aim to lead the forecasting team at Brightcart within five years, because I love it."
    main = coach(short)
    assert "too_short" in [i["code"] for i in main["issues"]]
    judged = judge("one_line", main)
    assert "too_short" not in [i["code"] for i in judged["issues"]]
    long_text = " ".join([SALARY_ANSWER] * 5)
    assert "too_long" in [i["code"] for i in judge("salary", coach(long_text))["issues"]]


def test_missing_what_was_asked_is_not_strong():
    judged = judge("example", coach(SALARY_ANSWER))  # no past example with a result
    assert judged["elements"]["star_example"]["present"] is False
    assert judged["quality"] != "strong"


def test_acknowledgement_is_on_the_checklist_only_after_a_pushback():
    assert "acknowledgement" in get_kind("work_itself").checklist
    assert "acknowledgement" not in get_kind("salary").checklist
    assert "acknowledgement" in get_kind("work_itself").bonus_codes


def check(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", RUN, "check", *args], input=stdin, capture_output=True,
                          text=True, encoding="utf-8", timeout=60)


def test_check_question_gives_the_same_judgement_as_the_app():
    proc = check("-", "--json", "--company", "Brightcart", "--question", "salary", stdin=SALARY_ANSWER)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["quality"] == judge("salary", coach(SALARY_ANSWER))["quality"] == "strong"
    assert out["question"]["kind"] == "salary"


def test_check_report_for_a_kind_shows_its_own_checklist():
    proc = check("-", "--company", "Brightcart", "--question", "salary", stdin=SALARY_ANSWER + " [/] [bold]x")
    assert proc.returncode == 0, proc.stderr
    assert "Salary expectations" in proc.stdout
    assert "Long-term goal" not in proc.stdout  # not asked in a salary question
    assert "[/] [bold]x" in " ".join(proc.stdout.split())


def test_check_help_lists_the_kinds_and_rejects_unknown_ones():
    help_text = " ".join(check("--help").stdout.split())
    for kind in KINDS:
        assert kind.id in help_text
    bad = check("-", "--question", "nonsense", stdin=MAIN_ANSWER)
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr


def test_a_follow_up_need_not_name_the_goal_again_though_vague_wording_is_still_vague(tmp_path):
    """After the main answer named the goal, "when?" or "how do you learn?" is answered without
    naming it again; only vague goal wording is vague there. The main question still needs one."""
    when = "I'd like to get there within two years, and be fully up to speed by the end of my first year, because I love this work."
    vague = "Honestly I just want to grow and be successful wherever I end up, learning as much as I can every day."
    codes = lambda proc: {i["code"] for i in json.loads(proc.stdout)["issues"]}  # noqa: E731
    assert "vague" not in codes(check("-", "--json", "--question", "when", stdin=when))
    assert "vague" in codes(check("-", "--json", "--question", "when", stdin=vague))
    assert "vague" in codes(check("-", "--json", stdin=when))
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "1", "text": when}) + "\n", encoding="utf-8")
    assert "vague" not in codes(check(str(path), "--batch", "--question", "when"))


@pytest.mark.parametrize("kind", ["salary", DEFAULT_KIND])
def test_batch_follows_the_question_too(tmp_path, kind):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "1", "text": SALARY_ANSWER, "company": "Brightcart"}) + "\n", encoding="utf-8")
    out = json.loads(check(str(path), "--batch", "--question", kind).stdout)
    assert out["quality"] == judge(kind, coach(SALARY_ANSWER))["quality"]


def test_progress_does_not_count_what_a_follow_up_never_asked_for():
    from goalcoach.domain.progress import weak_labels

    judged = judge("salary", coach(SALARY_ANSWER))
    labels = {(label.kind, label.code) for label in weak_labels([{"kind": "practice", "feedback": judged, "created": "1"}])}
    assert ("missing", "long_term") not in labels and ("missing", "action_plan") not in labels
    main = coach("I want to grow and be successful in my career, wherever it goes, and keep learning.")
    labels = {(label.kind, label.code) for label in weak_labels([{"kind": "practice", "feedback": main, "created": "1"}])}
    assert ("missing", "long_term") in labels


def test_the_fix_first_follows_the_question():
    feedback = coach(SALARY_ANSWER)
    feedback["priority"] = {"code": "personal_gain", "kind": "issue", "message": "m", "suggestion": "s", "start": 0, "end": 1}
    assert judge("salary", feedback)["priority"] is None  # nothing to fix in a good salary answer
    main = {**coach(MAIN_ANSWER), "priority": feedback["priority"]}
    fix = judge("example", main)["priority"]
    assert fix["code"] == "star_example" and fix["kind"] == "missing"
    assert judge("work_itself", feedback)["priority"]["code"] == "personal_gain"
    plain = {k: v for k, v in coach(SALARY_ANSWER).items() if k != "priority"}
    assert "priority" not in judge("salary", plain)  # a result without one gets none


def test_scores_lie_in_the_coachs_band_for_their_quality():
    from goalcoach.coach.feedback import SCORE_BANDS

    for text in (SALARY_ANSWER, MAIN_ANSWER, "I want money.", " ".join([SALARY_ANSWER] * 6)):
        for kind in KINDS:
            judged = judge(kind.id, coach(text))
            low, high = SCORE_BANDS[judged["quality"]]
            assert low <= judged["score"] <= high, (kind.id, judged["quality"], judged["score"])


LED_OTHERS = (
    "Last year I led a team of four analysts through our move to a new CRM. I ran weekly check-ins and "
    "coached two juniors through the data clean-up, and as a result we finished a month early with no lost "
    "records. I want to keep growing that way here, because I care about helping people do their best work."
)


def test_a_question_about_the_past_is_not_judged_on_a_goal_it_never_asked_for():
    feedback = coach(LED_OTHERS)
    assert "vague" in [i["code"] for i in feedback["issues"]]  # as a career-goals answer it names no target
    past = [k for k in KINDS if k.expects == ("star_example",)]
    assert {"leadership", "example", "steps_taken", "setbacks"} <= {k.id for k in past}
    for kind in past:
        judged = judge(kind.id, feedback)
        assert "vague" not in [i["code"] for i in judged["issues"]], kind.id
        assert judged["quality"] == "strong", (kind.id, judged["issues"])
    leadership = judge("leadership", feedback)
    assert "long_term" in leadership["bonus"]  # tying the story to where you're heading adds to it
    # A question that asks for the goal still holds a vague one against the answer.
    for kind_id in ("five_years", "first_year", "concrete", "one_line"):
        assert "vague" in [i["code"] for i in judge(kind_id, feedback)["issues"]], kind_id


@pytest.mark.parametrize("answer", [
    "Based on my research, roles like this sit within Agenda for Change Band 5, and I'd expect to start around the "
    "middle of that band, though I'm flexible for the right development opportunities.",
    "I'd expect Band 5 on the pay scale, starting at the bottom and moving up the increments as I gain experience "
    "on the ward, though I'm flexible.",
    "Based on my research, I'd be looking for something in the range of £32,000 to £36,000, though I'm flexible "
    "for the right development opportunities.",
])
def test_a_salary_answer_naming_a_figure_band_or_range_is_an_answer(answer):
    out = json.loads(check("-", "--json", "--question", "salary", stdin=answer).stdout)
    assert out["pay"]  # where the figure, band or range is
    assert not {"vague", "not_an_answer"} & {i["code"] for i in out["issues"]}
    assert out["quality"] == "adequate" and out["score"] >= 45
    # without the figure the same reply says nothing about pay
    vague = json.loads(check("-", "--json", "--question", "salary",
                             stdin="I'd expect something fair, though I'm flexible for the right development "
                                   "opportunities and the chance to learn.").stdout)
    assert vague["quality"] == "weak" and vague["pay"] == []
