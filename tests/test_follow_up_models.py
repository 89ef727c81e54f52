"""A follow-up's model answer in your own-target practice is composed from what you typed in the
self-assessment, whatever its shape: never a raw ‹gap›, never a time phrase stuck after "to"."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goalcoach.content import load_follow_ups, load_scenario_sets
from goalcoach.domain.followups import compose
from goalcoach.domain.practice_brief import brief_from_target, target_facts
from goalcoach.domain.practice_session import PracticeSession

TODAY = date(2026, 3, 1)
FOLLOW_UPS = load_follow_ups()
TARGET = {"role": "Data analyst", "organisation": "Acme Health", "stage": "mid"}
TIME_PHRASES = ("Within five years,", "In five years", "Over the next two years,", "Within 18 months,", "By 2030,")


def readable(text: str) -> list[str]:
    """What is wrong with a model answer as a person reads it."""
    problems = []
    if re.search(r"[‹›{}\[\]|]", text):
        problems.append("a slot or bracket shows")
    if re.search(r"\bto\s+(?:within|in|over|by)\s+(?:\w+\s+)?(?:years?|months?|20\d\d)\b", text, re.I):
        problems.append("a time phrase after 'to'")
    if re.search(r"\bto to\b|\s[,.]|,,|\.\.|  ", text):
        problems.append("a stray word or mark")
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if sentence and not sentence[0].isupper():
            problems.append(f"a sentence starts in lower case: {sentence[:30]!r}")
    if text and text[-1] not in ".!?":
        problems.append("it does not end a sentence")
    return problems


def facts_for(short: str, long: str, steps: str = "", value: str = "") -> dict[str, str]:
    goals = {"short_term": [{"goal": short, "steps": steps}] if short else [],
             "long_term": [{"goal": long}] if long else []}
    values = [{"name": value}] if value else []
    return {**target_facts(TARGET, goals, values, TODAY), "employer": "Acme Health"}


def test_a_goal_that_starts_with_a_time_phrase_reads_after_id_like_to():
    facts = facts_for("Own the readmissions dashboard", "Within five years, lead the analytics team",
                      "Take the SQL course", "Care")
    assert facts["long_goal"] == "lead the analytics team"
    for follow_up in FOLLOW_UPS:
        text = compose(follow_up.model, facts)
        assert readable(text) == [], (follow_up.id, text)
    mid = compose(next(f for f in FOLLOW_UPS if f.id == "deeper-mid").model, facts)
    assert "I'd like to lead the analytics team" in mid
    assert "within five years, lead" not in mid.lower()


def test_the_own_target_follow_up_never_shows_a_gap_for_the_missing_example():
    sets, _ = load_scenario_sets()
    goals = {"short_term": [{"goal": "To own the readmissions dashboard", "steps": "Take the SQL course"}],
             "long_term": [{"goal": "Within five years, lead the analytics team"}]}
    brief = brief_from_target(TARGET, sets, goals=goals, values=[{"name": "Care"}], today=TODAY)
    session = PracticeSession(brief, FOLLOW_UPS)
    strong = {"score": 90, "quality": "strong", "issues": [],
              "elements": {c: {"present": True, "evidence": []} for c in
                           ("short_term", "long_term", "timeframe", "action_plan", "company_alignment", "motivation")}}
    session.record(brief.model_answer, 60, strong)
    session.advance()
    assert session.current.kind == "leadership"
    model = session.current.model_answer
    assert readable(model) == [], model
    assert "own the readmissions dashboard" in model and "lead the analytics team" in model


goal_words = st.sampled_from(["lead the analytics team", "own the readmissions dashboard", "SQL reporting",
                              "become a senior analyst", "Run the data platform migration"])
phrased = st.tuples(st.sampled_from(("",) + TIME_PHRASES), st.sampled_from(["", "to ", "I want to ", "To "]),
                    goal_words, st.sampled_from(["", "."]))


@settings(max_examples=150, deadline=None)
@given(short=st.one_of(st.just(""), phrased), long=st.one_of(st.just(""), phrased),
       steps=st.sampled_from(["", "Take the SQL course", "take the SQL course\nfind a mentor"]),
       value=st.sampled_from(["", "Care", "Integrity"]), capital=st.booleans())
def test_every_follow_up_model_answer_reads_whatever_the_profile_holds(short, long, steps, value, capital):
    def typed(parts) -> str:
        if not parts:
            return ""
        text = " ".join(p.strip() for p in parts[:3] if p.strip()) + parts[3]
        return text[0].upper() + text[1:] if capital else text

    facts = facts_for(typed(short), typed(long), steps, value)
    assert facts["example"] == ""  # the self-assessment has no example to draw on
    for follow_up in FOLLOW_UPS:
        text = compose(follow_up.model, facts)
        assert readable(text) == [], (follow_up.id, facts, text)
        if facts["goal"]:
            assert text, follow_up.id
        for key in ("goal", "long_goal"):
            if facts[key]:
                assert not re.match(r"(?i)(within|in|over|by)\b", facts[key]), facts[key]


@pytest.mark.parametrize("follow_up", FOLLOW_UPS, ids=[f.id for f in FOLLOW_UPS])
def test_an_example_in_the_facts_is_kept_whole(follow_up):
    facts = {**facts_for("Own the dashboard", "Lead the team", "Take the SQL course", "Care"),
             "example": "Last year I rebuilt our bed report, which cut its run time by half."}
    text = compose(follow_up.model, facts)
    assert readable(text) == [], text
    if "{example}" in follow_up.model:
        assert "Last year I rebuilt our bed report, which cut its run time by half." in text
