"""What a practice session asks and shows before the answer: the brief, built from a content
scenario or from the person's own target (their role, goals, steps and top value as facts, and
an example answer composed from them).

No textual and no coach import.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Mapping

from goalcoach.domain.advert import duty_follow_ups
from goalcoach.domain.followups import compose
from goalcoach.domain.prefill import as_clause, join_steps, split_time_phrase

STANDARD_QUESTION = "What are your career goals?"
#: The common questions asked in your own-target practice when there is nothing to probe.
OWN_TARGET_ASKS: tuple[str, ...] = ("salary", "setbacks", "reassess")


@dataclass(frozen=True)
class Brief:
    """Everything the practice screen shows before the answer, and what the coach is told."""

    scenario_id: str | None
    title: str
    stage: str | None
    industry: str
    persona: str
    employer_name: str
    what_it_does: str
    values: tuple[str, ...]
    question: str
    tips: tuple[str, ...]
    model_answer: str
    model_label: str = "Model answer"
    own_target: bool = False
    interviewer_name: str = "The interviewer"
    interviewer_role: str = ""
    manner: str = "neutral"
    #: The candidate's facts the follow-ups' model answers are composed from (see content Facts).
    facts: tuple[tuple[str, str], ...] = ()
    #: Common follow-ups this interviewer asks when there is nothing to probe.
    asks: tuple[str, ...] = ()
    #: Questions from the target's job advert ("The advert mentions …"), asked before the
    #: common ones when there is nothing to probe.
    advert_questions: tuple[str, ...] = ()

    @property
    def fact_values(self) -> dict[str, str]:
        return {"employer": self.employer_name, **dict(self.facts)}


def brief_from_scenario(scenario: Any, stage: str) -> Brief:
    """A content Scenario (see goalcoach.content) as a brief; `stage` is its set's stage."""
    return Brief(
        scenario_id=scenario.id,
        title=scenario.title,
        stage=stage,
        industry=scenario.industry,
        persona=scenario.persona,
        employer_name=scenario.employer.name,
        what_it_does=scenario.employer.what_it_does,
        values=tuple(scenario.employer.values),
        question=scenario.question,
        tips=tuple(scenario.tips),
        model_answer=scenario.model_answer,
        interviewer_name=scenario.interviewer.name,
        interviewer_role=scenario.interviewer.role,
        manner=scenario.interviewer.manner,
        facts=tuple(scenario.facts.as_dict().items()),
        asks=tuple(scenario.asks),
    )


def target_problem(target: dict[str, Any], keys: Mapping[str, str] | None = None) -> str | None:
    """Why the profile's target cannot be practised yet, or None when it can (naming the
    self-assessment's key from `keys`; key 1 by default)."""
    missing = [label for key, label in (("role", "role"), ("organisation", "organisation")) if not str(target.get(key) or "").strip()]
    if missing:
        key = (keys or {}).get("assessment", "1")
        return f"Your target has no {' or '.join(missing)} yet: fill it in under Self-assessment (key {key})."
    return None


def _clause(text: Any, today: date) -> str:
    """A goal typed as a sentence, read after "to" in a composed answer, which names its own time
    ("in five years I'd like to …"): no time phrase of its own ("Within five years, lead …" → "lead
    …"), no lead-in ("I want to", "to"), no trailing full stop, a lower-case start (keeps 'SQL')."""
    return as_clause(split_time_phrase(" ".join(str(text or "").split()), today)[1])


def _first(goals: dict[str, Any], horizon: str) -> dict[str, Any]:
    return next((g for g in goals.get(horizon) or () if isinstance(g, dict) and str(g.get("goal") or "").strip()), {})


def target_facts(target: dict[str, Any], goals: dict[str, Any], values: list[Any] | None = None,
                 today: date | None = None) -> dict[str, str]:
    """The person's own material as facts: their role, goals, steps and top value. What they
    have not written yet stays empty: a follow-up's model answer is composed without it, the
    example built from the self-assessment shows the gap (‹step›). `today` reads dates in a goal
    ("By June 2027, …"); the real date when not given."""
    today = today or date.today()
    short, long = _first(goals, "short_term"), _first(goals, "long_term")
    top = next((str(v.get("name")) for v in values or () if isinstance(v, dict) and str(v.get("name") or "").strip()), "")
    return {
        "role": " ".join(str(target.get("role") or "").split()),
        "goal": _clause(short.get("goal"), today),
        "long_goal": _clause(long.get("goal"), today),
        "step": join_steps(str(short.get("steps") or long.get("steps") or "")),
        "reason": f"{top.lower()} is what I value most in my work" if top else "",
        "example": "",
        "pay": "a salary in line with the published range for the level",
    }


def own_example(target: dict[str, Any], facts: dict[str, str], current_version: dict[str, Any] | None) -> tuple[str, str]:
    """(label, text) of the example answer for your own target: your current answer version if
    you have one, else an answer built from your self-assessment, with ‹gaps› where it is empty."""
    if current_version and str(current_version.get("text") or "").strip():
        name = str(current_version.get("name") or "current version")
        return f"Your own answer ('{name}')", str(current_version["text"])

    template = (
        "Over the next two years I want to {goal} as your new {role} at {employer}. I plan to {step}. "
        "Longer term, in about five years, I'd like to {long_goal}, because {reason}. "
        "What draws me to {employer} is how this role connects to that path, and I'm open to where it leads."
    )
    organisation = " ".join(str(target.get("organisation") or "").split())
    return "Example built from your self-assessment", compose(template, {**facts, "employer": organisation}, show_gaps=True)


def brief_from_target(
    target: dict[str, Any],
    sets: Iterable[Any],
    *,
    goals: dict[str, Any] | None = None,
    values: list[Any] | None = None,
    current_version: dict[str, Any] | None = None,
    today: date | None = None,
) -> Brief:
    """The person's own target as a brief: the standard question, tips for their stage (the
    stage set's advice, never another scenario's persona) and an example from their own material."""
    stage = target.get("stage") or None
    chosen = next((s for s in sets if s.stage == stage), None)
    tips = (chosen.summary,) if chosen is not None else (
        "Name a near-term goal in this role, a longer-term one, one concrete step, and why this employer.",)
    role = " ".join(str(target.get("role") or "").split())
    organisation = " ".join(str(target.get("organisation") or "").split())
    mission = " ".join(str(target.get("mission") or "").split())
    facts = target_facts(target, goals or {}, values, today)
    label, example = own_example(target, facts, current_version)
    return Brief(
        scenario_id=None,
        title=f"My target: {role} at {organisation}",
        stage=stage,
        industry="Your own target",
        persona=f"You are interviewing for the role of {role} at {organisation}.",
        employer_name=organisation,
        what_it_does=mission or "(no mission noted in your target yet)",
        values=tuple(str(t) for t in target.get("terms") or () if str(t).strip()),
        question=STANDARD_QUESTION,
        tips=tips,
        model_answer=example,
        model_label=label,
        own_target=True,
        interviewer_name="The hiring manager",
        interviewer_role=organisation,  # "The hiring manager, Acme Health"
        manner="neutral",
        facts=tuple(facts.items()),
        asks=OWN_TARGET_ASKS,
        advert_questions=tuple(duty_follow_ups(target)),
    )


def coach_stage(brief: Brief, profile_stage: str | None) -> str | None:
    """The stage the coach judges by: the set's stage, except the gap set (a situation, not a
    stage), which borrows the person's own stage if they gave one."""
    if brief.stage == "gap":
        return profile_stage or None
    return brief.stage
