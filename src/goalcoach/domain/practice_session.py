"""A practice session as plain data: the brief, the questions, the answers and the summary.

No textual and no coach import: the screen runs the coach and hands its result (a dict) to
`PracticeSession.record`, so the flow and the summary are unit tested without a terminal.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

from goalcoach.coach import rubric
from goalcoach.domain.attempt import Attempt
from goalcoach.domain.recovery import CODE_LABELS, ISSUE_SEVERITY

STANDARD_QUESTION = "What are your career goals?"
MAX_OWN_FOLLOW_UPS = 3

#: Missing elements worth practising, most important first (bonus elements are left out).
EXPECTED_ELEMENTS: tuple[str, ...] = tuple(c for c in rubric.MISSING_PRIORITY if c in rubric.REQUIRED_ELEMENTS)

#: What to practise next for each code: one concrete action in the app.
ADVICE: dict[str, str] = {
    "not_an_answer": "Answer in your own words about your own plans: no template slots, no one else's goals.",
    "vague": "Name the role, skill or result you want. Do the 'Vague' recovery drill (key 4).",
    "misaligned": "Keep your goals inside this role and field. Do the 'Points away from the role' drill (key 4).",
    "unrealistic": "Scale the leap to your stage and show the steps. Do the 'Unrealistic leap' drill (key 4).",
    "personal_gain": "Talk about the work, not the pay. Do the 'Personal gain first' drill (key 4).",
    "negative_tone": "Say what you move towards, not what you leave. Do the 'Negative about an employer' drill (key 4).",
    "too_long": "Aim for one to two minutes: use the timer and cut to the template's slots.",
    "hedging": "Drop 'I think', 'maybe', 'kind of': say 'I plan to'. Do the 'Hedging' drill (key 4).",
    "filler": "Pause instead of 'um' or 'you know'. Do the 'Filler words' drill (key 4).",
    "too_short": "Give a short-term goal, a long-term goal and a step: about 40 words at least.",
    "company_alignment": "Say how this role and this employer help you, and how you help them (their values, products).",
    "action_plan": "Name one concrete step: a course, a certification, a mentor, a project you will lead.",
    "long_term": "Add where this goes in three to five years: lead a team, own an area.",
    "short_term": "Add what you want to achieve in your first year or two in this role.",
    "timeframe": "Put a date on a goal: 'within two years', 'in my first six months'.",
    "motivation": "Say why the goal matters to you: 'because ...'.",
}
WELL_DONE = "No issue left and every expected element present: try a harder set, or your own target (o)."


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
    follow_ups: tuple[str, ...]
    tips: tuple[str, ...]
    model_answer: str
    model_label: str = "Model answer"
    own_target: bool = False

    @property
    def questions(self) -> tuple[str, ...]:
        return (self.question, *self.follow_ups)


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
        follow_ups=tuple(scenario.follow_ups),
        tips=tuple(scenario.tips),
        model_answer=scenario.model_answer,
    )


def target_problem(target: dict[str, Any]) -> str | None:
    """Why the profile's target cannot be practised yet, or None when it can."""
    missing = [label for key, label in (("role", "role"), ("organisation", "organisation")) if not str(target.get(key) or "").strip()]
    if missing:
        return f"Your target has no {' or '.join(missing)} yet: fill it in under Self-assessment (key 1)."
    return None


def brief_from_target(target: dict[str, Any], sets: Iterable[Any]) -> Brief:
    """The person's own target as a brief, with the standard question and the follow-ups of
    the scenario set for their stage (the entry set when the stage is unknown)."""
    stage = target.get("stage") or None
    sets = list(sets)
    chosen = next((s for s in sets if s.stage == stage), None) or next((s for s in sets if s.stage == "entry"), None)
    follow_ups: list[str] = []
    tips: list[str] = []
    model_answer, model_label = "", "Example answer"
    if chosen is not None:
        for scenario in chosen.scenarios:
            for question in scenario.follow_ups:
                if question not in follow_ups and question != STANDARD_QUESTION:
                    follow_ups.append(question)
        tips.append(chosen.summary)
        if chosen.scenarios:
            example = chosen.scenarios[0]
            tips.extend(example.tips[:2])
            model_answer = example.model_answer
            model_label = f"Example answer (from the scenario '{example.title}')"
    role = str(target.get("role") or "").strip()
    organisation = str(target.get("organisation") or "").strip()
    mission = str(target.get("mission") or "").strip()
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
        follow_ups=tuple(follow_ups[:MAX_OWN_FOLLOW_UPS]),
        tips=tuple(tips),
        model_answer=model_answer,
        model_label=model_label,
        own_target=True,
    )


def coach_stage(brief: Brief, profile_stage: str | None) -> str | None:
    """The stage the coach judges by: the set's stage, except the gap set (a situation, not a
    stage), which borrows the person's own stage if they gave one."""
    if brief.stage == "gap":
        return profile_stage or None
    return brief.stage


@dataclass(frozen=True)
class Answer:
    index: int
    question: str
    text: str
    seconds: float | None
    feedback: dict[str, Any]

    @property
    def score(self) -> int:
        return int(self.feedback.get("score", 0))

    @property
    def quality(self) -> str:
        return str(self.feedback.get("quality", ""))

    @property
    def issues(self) -> list[str]:
        return [str(i.get("code")) for i in self.feedback.get("issues") or []]

    def missing(self) -> list[str]:
        elements = self.feedback.get("elements") or {}
        return [c for c in EXPECTED_ELEMENTS if not (elements.get(c) or {}).get("present")]


@dataclass(frozen=True)
class Summary:
    rows: list[tuple[str, int, str]]  # (question, score, quality)
    first_score: int | None
    last_score: int | None
    issues_gone: list[str]
    issues_left: list[str]
    focus: str | None  # the code to practise next, or None when there is nothing left
    advice: str

    @property
    def change(self) -> int | None:
        if self.first_score is None or self.last_score is None:
            return None
        return self.last_score - self.first_score


@dataclass
class PracticeSession:
    brief: Brief
    session_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    index: int = 0
    answers: list[Answer] = field(default_factory=list)

    @property
    def question(self) -> str:
        return self.brief.questions[self.index]

    @property
    def is_follow_up(self) -> bool:
        return self.index > 0

    @property
    def answered(self) -> bool:
        """Whether the current question has been answered."""
        return any(a.index == self.index for a in self.answers)

    @property
    def has_next(self) -> bool:
        return self.index + 1 < len(self.brief.questions)

    def advance(self) -> str:
        """Move to the next follow-up question and return it."""
        if not self.has_next:
            raise IndexError("no follow-up question left")
        self.index += 1
        return self.question

    def record(self, text: str, seconds: float | None, feedback: dict[str, Any]) -> Answer:
        answer = Answer(self.index, self.question, text, None if seconds is None else round(float(seconds), 1), feedback)
        self.answers.append(answer)
        return answer

    def attempt(self, answer: Answer) -> Attempt:
        """The attempt record to store."""
        brief = self.brief
        return Attempt.coached(
            "practice", answer.question, answer.text, answer.feedback,
            seconds=answer.seconds,
            scenario_id=brief.scenario_id,
            scenario_title=brief.title,
            stage=brief.stage,
            session_id=self.session_id,
            follow_up=answer.index > 0,
            own_target=brief.own_target,
        )

    def summary(self) -> Summary:
        answers = self.answers
        rows = [(a.question, a.score, a.quality) for a in answers]
        if not answers:
            return Summary(rows, None, None, [], [], None, "Answer at least one question to see a summary.")
        first, last = answers[0], answers[-1]
        left = _ordered(set(last.issues), ISSUE_SEVERITY)
        gone = [c for c in _ordered(set(first.issues), ISSUE_SEVERITY) if c not in left] if len(answers) > 1 else []
        focus = _focus(answers)
        return Summary(
            rows=rows,
            first_score=first.score,
            last_score=last.score,
            issues_gone=gone,
            issues_left=left,
            focus=focus,
            advice=ADVICE.get(focus, WELL_DONE) if focus else WELL_DONE,
        )


def _ordered(codes: set[str], order: tuple[str, ...]) -> list[str]:
    return [c for c in order if c in codes] + sorted(codes - set(order))


def _focus(answers: list[Answer]) -> str | None:
    """The most frequent issue (across the session) that the last answer still has; if none,
    the most frequent element it still misses. Ties go to the more important code."""
    last = answers[-1]
    for remaining, order, counted in (
        (set(last.issues), ISSUE_SEVERITY, lambda a: set(a.issues)),
        (set(last.missing()), EXPECTED_ELEMENTS, lambda a: set(a.missing())),
    ):
        if remaining:
            counts = Counter(code for a in answers for code in counted(a) if code in remaining)
            return max(_ordered(remaining, order), key=lambda c: (counts[c], -_rank(c, order)))
    return None


def _rank(code: str, order: tuple[str, ...]) -> int:
    return order.index(code) if code in order else len(order)


def label(code: str) -> str:
    return CODE_LABELS.get(code, code.replace("_", " ").capitalize())
