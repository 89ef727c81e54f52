"""Names the coach and the follow-ups quote read as the person and the advert wrote them."""

from __future__ import annotations

from goalcoach.coach import analyse
from goalcoach.domain.advert import duty_follow_ups
from goalcoach.domain.practice_brief import brief_from_target

ANSWER = ("Within two years I want to lead a ward at St Mary's Hospital NHS Trust, because I care about "
          "patient safety. I plan to complete the Band 7 leadership programme.")


def test_the_goal_quoted_in_advice_keeps_the_whole_name():
    fb = analyse(ANSWER)
    suggestion = fb.elements["long_term"].suggestion
    assert "'a ward at St Mary's Hospital NHS Trust'" in suggestion
    assert "'a ward at St Mary's Hospital NHS Trust'" in fb.elements["company_alignment"].suggestion


def test_a_long_goal_is_cut_between_words():
    text = ("Within two years I want to become the trust-wide clinical-education lead for deteriorating-patient "
            "escalation simulation training because I care about it.")
    goal = analyse(text).elements["long_term"].suggestion.split("'")[1]
    at = text.find(goal)
    assert at > 0 and len(goal) <= 70
    assert not text[at + len(goal)].isalnum()  # never a word cut in half


def test_the_advert_question_lower_cases_a_common_word_and_keeps_names():
    duties = [{"term": "Leadership", "sentence": "Leadership and people management experience"},
              {"term": "Datix", "sentence": "Datix incident reporting"},
              {"term": "NHS Trust values", "sentence": "Live the NHS Trust values every day."},
              {"term": "Quality Improvement", "sentence": "Quality Improvement"}]
    questions = duty_follow_ups({"duties": duties}, limit=4)
    assert questions == ["The advert mentions leadership: how does that fit your plans?",
                         "The advert mentions Datix: how does that fit your plans?",
                         "The advert mentions NHS Trust values: how does that fit your plans?",
                         "The advert mentions quality improvement: how does that fit your plans?"]


def test_the_practice_brief_asks_it_that_way():
    target = {"role": "Ward Manager", "organisation": "St Mary's Hospital NHS Trust",
              "duties": [{"term": "Leadership", "sentence": "Leadership and people management experience"}]}
    brief = brief_from_target(target, [])
    assert brief.advert_questions[0] == "The advert mentions leadership: how does that fit your plans?"
