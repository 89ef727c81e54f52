"""A past example's result said in words or counts, not only as a percentage or a "cut/raised" figure.

Labelled by the rubric before the rule was written: `star_example` needs a past situation, what the
speaker did and a result. A result with no action of the speaker's, another person's story, a plan
told in the past tense and a past role with no outcome give none.
"""

from __future__ import annotations

import io
import json

import pytest

from goalcoach.cli import main
from goalcoach.coach import analyse
from goalcoach.coach.question_kinds import get_kind, judge

LABELLED = [
    # the speaker's action, then an outcome in words or counts
    ("Last year I started a preceptorship buddy scheme, and all six of our newly qualified nurses stayed "
     "beyond their first year.", True),
    ("When our ward had three falls in one week, I pulled the team together for a ten-minute safety huddle at "
     "every shift change, and we had no further falls for the rest of that month.", True),
    ("I set up a second check at the evening drug round, and we haven't missed a dose since.", True),
    ("Before the CQC visit I rewrote our medicines checklist with the pharmacist, and the audit came back clean.",
     True),
    ("I coached our newest Band 5 through the nurse-in-charge competencies, and she now runs the night shifts alone.",
     True),
    ("I introduced bedside handover on our bay in March, and all 6 healthcare assistants stayed on the ward.", True),
    # a result with no action of the speaker's
    ("Our ward had no further falls last month and the audit came back clean.", False),
    # another person's example
    ("My ward manager started a buddy scheme last year, and all six of her newly qualified nurses stayed.", False),
    # plans phrased in the past tense
    ("Last month I decided that I would start a buddy scheme so that all six new nurses stay beyond their first year.",
     False),
    ("In the spring I planned to run a safety huddle so there would be no further falls.", False),
    # a past role, and an action with no outcome
    ("I worked on a surgical ward for six years and I was the link nurse for falls.", False),
    ("Last year I started a preceptorship buddy scheme for our newly qualified nurses.", False),
]


@pytest.mark.parametrize("text,expected", LABELLED, ids=[f"{i}-{e}" for i, (_, e) in enumerate(LABELLED)])
def test_an_outcome_said_in_words_counts_after_the_speakers_own_action(text, expected):
    assert analyse(text).elements["star_example"].present is expected


def test_the_evidence_runs_from_the_action_to_the_outcome():
    text = LABELLED[2][0]
    evidence = [text[s.start:s.end] for s in analyse(text).elements["star_example"].evidence]
    assert evidence and evidence[0].startswith("I set up") and evidence[0].endswith("since")


def test_a_goal_answer_with_another_persons_story_still_gets_no_example():
    text = ("My ward manager started a buddy scheme last year, and all six of her newly qualified nurses stayed. "
            "She wants to become a matron within three years, because she loves developing people.")
    assert not analyse(text).elements["star_example"].present


def test_the_leadership_follow_up_sees_the_example(monkeypatch, capsys):
    text = LABELLED[1][0]
    kind = "leadership"
    assert get_kind(kind).expects == ("star_example",)
    judged = judge(kind, analyse(text).to_dict(), text)
    assert judged["elements"]["star_example"]["present"]
    assert judged["quality"] != "weak"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    assert main(["check", "--question", kind, "-"]) == 0
    out = capsys.readouterr().out
    assert "still missing" not in out
    assert "quality weak" not in out
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    assert main(["check", "--question", kind, "--json", "-"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["elements"]["star_example"]["present"] and report["quality"] in ("adequate", "strong")


def test_an_action_told_with_an_irregular_past_verb_counts():
    text = "When our ward kept missing handover details, I drew up a one-page checklist with the night team, and we had no missed handover items for the next three months. That is the kind of improvement I want to lead as a ward manager within two years."
    assert analyse(text).elements["star_example"].present
