"""A follow-up's model answer in your own-target practice is composed from what you typed in the
self-assessment, whatever its shape: never a raw ‹gap›, never a time phrase stuck after "to"."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goalcoach.coach import Context, analyse
from goalcoach.coach.question_kinds import get_kind, judge
from goalcoach.content import load_follow_ups, load_scenario_sets
from goalcoach.domain.correction import as_correction
from goalcoach.domain.followups import ask, compose
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
        assert readable(text) + substance(text) == [], (follow_up.id, facts, text)
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


# --- a useful answer for every follow-up, whatever the self-assessment holds -------------------

SHAPES: dict[str, dict] = {
    "role and organisation only": {},
    "a short-term goal only": {"short": "Own the readmissions dashboard"},
    "a long-term goal only": {"long": "Lead the analytics team"},
    "goals without steps": {"short": "Own the readmissions dashboard", "long": "Lead the analytics team"},
    "a short-term goal with steps": {"short": "Own the readmissions dashboard", "steps": "Take the SQL course"},
    "a long-term goal with steps": {"long": "Lead the analytics team", "steps": "Find a mentor in the team"},
    "a top value only": {"value": "Care"},
    "everything filled in": {"short": "Own the readmissions dashboard", "long": "Lead the analytics team",
                             "steps": "Take the SQL course\nfind a mentor", "value": "Care",
                             "mission": "Better care through better data", "terms": ["patient safety"]},
    "goals that start with a time phrase": {"short": "Within two years, lead the clinic's reporting work",
                                            "long": "In five years, head the analytics team"},
    "goals typed after 'to'": {"short": "to own the readmissions dashboard", "long": "To lead the analytics team."},
}


def own_target_brief(shape: dict):
    sets, _ = load_scenario_sets()
    target = {**TARGET, "mission": shape.get("mission", ""), "terms": shape.get("terms", [])}
    goals = {"short_term": [{"goal": shape["short"], "steps": shape.get("steps", "")}] if "short" in shape else [],
             "long_term": [{"goal": shape["long"], "steps": "" if "short" in shape else shape.get("steps", "")}]
             if "long" in shape else []}
    values = [{"name": shape["value"]}] if "value" in shape else []
    return brief_from_target(target, sets, goals=goals, values=values, today=TODAY)


def substance(text: str) -> list[str]:
    """What makes a model answer too thin to learn from, on top of what `readable` finds."""
    problems = []
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s]
    if len(sentences) < 2:
        problems.append(f"{len(sentences)} sentence(s)")
    if len(text.split()) < 25:
        problems.append(f"{len(text.split())} words")
    if re.search(r"(?i)\b(?:goal|aim|like|want|plan) is to (?:within|in|over|by)\b|\bto (?:within|over|by) ", text):
        problems.append("a time phrase where a goal should be")
    return problems


@pytest.mark.parametrize("shape", SHAPES.values(), ids=SHAPES.keys())
@pytest.mark.parametrize("follow_up", FOLLOW_UPS, ids=[f.id for f in FOLLOW_UPS])
def test_every_own_target_follow_up_has_a_full_model_answer(follow_up, shape):
    """The model answer the practice screen shows after a follow-up (made by `ask` from the brief's
    facts) is a complete answer for any self-assessment that can be practised."""
    brief = own_target_brief(shape)
    asked = ask(follow_up, manner=brief.manner, interviewer=brief.interviewer_name, facts=brief.fact_values)
    text = asked.model_answer
    assert text, follow_up.id
    assert readable(text) + substance(text) == [], text
    assert "Data analyst" in text and (follow_up.id == "salary-pressed" or "Acme Health" in text or "{employer}" not in follow_up.model), text
    facts = brief.fact_values
    for key in ("goal", "long_goal", "step"):
        if facts[key] and "{" + key + "}" in follow_up.model:
            assert facts[key] in text, (key, text)
    # The coach, as it judges a reply to this follow-up, finds nothing to fix in its model answer.
    context = Context(stage="mid", role="Data analyst", company="Acme Health", terms=tuple(shape.get("terms", ())),
                      follow_up=True)
    judged = judge(follow_up.kind, analyse(text, as_correction(context) if get_kind(follow_up.kind).after_pushback
                                           else context).to_dict())
    assert judged["quality"] == "strong", (text, judged["issues"], judged["elements"])


def test_a_goal_typed_with_a_range_of_years_and_a_bracketed_note_reads_in_every_model_answer():
    short = "Within 18 months, cut falls on the ward by 20% through a nurse-led falls huddle. (Ward 7)"
    long = ("In 3-5 years, become a matron for acute medicine, leading several wards and shaping "
            "nurse-led discharge across the Trust.")
    facts = facts_for(short, long, "Complete the leadership programme.", "Helping others")
    assert facts["goal"] == "cut falls on the ward by 20% through a nurse-led falls huddle"
    assert facts["long_goal"].startswith("become a matron for acute medicine")
    for follow_up in FOLLOW_UPS:
        text = compose(follow_up.model, facts)
        assert readable(text) == [], (follow_up.id, text)
        assert "(Ward 7)" not in text and "3-5" not in text, (follow_up.id, text)
    brief = brief_from_target({**TARGET, "role": "Ward Manager (Band 7)"}, load_scenario_sets()[0],
                              goals={"short_term": [{"goal": short}], "long_term": [{"goal": long}]}, today=TODAY)
    assert "huddle as your new Ward Manager (Band 7)" in brief.model_answer
    assert "I'd like to become a matron for acute medicine" in brief.model_answer
