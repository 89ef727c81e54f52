"""A practice session as plain data: the questions, the answers and the summary; the brief it
starts from is built in practice_brief.

No textual and no coach import: the screen runs the coach and hands its result (a dict) to
`PracticeSession.record`, which judges it by the question's own rubric (question_kinds) and
picks the follow-up that reacts to it (followups). The flow and the summary are unit tested
without a terminal.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from goalcoach.coach import rubric
from goalcoach.coach.question_kinds import DEFAULT_KIND, get_kind, judge
from goalcoach.domain.attempt import Attempt
from goalcoach.domain.followups import Asked, choose_next, compose
# The screens import the brief's names from here too.
from goalcoach.domain.practice_brief import (
    Brief,
    brief_from_scenario,
    brief_from_target,
    coach_stage,
    target_facts,
    target_problem,
)
from goalcoach.domain.recovery import CODE_LABELS, ISSUE_SEVERITY

__all__ = [
    "ADVICE", "ADVICE_KEYS", "EXPECTED_ELEMENTS", "MAX_FOLLOW_UPS", "WELL_DONE", "Answer", "Brief",
    "Comparison", "PracticeSession", "Question", "Summary", "brief_from_scenario", "brief_from_target",
    "advice_for", "coach_stage", "label", "target_facts", "target_problem",
]

#: Follow-ups after the main question: enough to probe, short enough to finish in one sitting.
MAX_FOLLOW_UPS = 3

#: Missing elements worth practising, most important first (bonus elements are left out).
EXPECTED_ELEMENTS: tuple[str, ...] = tuple(c for c in rubric.MISSING_PRIORITY if c in rubric.REQUIRED_ELEMENTS)

#: What to practise next for each code: one concrete action in the app.
ADVICE: dict[str, str] = {
    "not_an_answer": "Answer in your own words about your own plans: no template slots, no one else's goals.",
    "vague": "Name the role, skill or result you want. Do the 'Vague' recovery drill (key {drill}).",
    "misaligned": "Keep your goals inside this role and field. Do the 'Points away from the role' drill (key {drill}).",
    "unrealistic": "Scale the leap to your stage and show the steps. Do the 'Unrealistic leap' drill (key {drill}).",
    "personal_gain": "Talk about the work, not the pay. Do the 'Personal gain first' drill (key {drill}).",
    "negative_tone": "Say what you move towards, not what you leave. Do the 'Negative about an employer' drill (key {drill}).",
    "too_long": "Aim for one to two minutes: use the timer and cut to the template's slots.",
    "hedging": "Drop 'I think', 'maybe', 'kind of': say 'I plan to'. Do the 'Hedging' drill (key {drill}).",
    "filler": "Pause instead of 'um' or 'you know'. Do the 'Filler words' drill (key {drill}).",
    "too_short": "Give a short-term goal, a long-term goal and a step: about 40 words at least.",
    "company_alignment": "Say how this role and this employer help you, and how you help them (their values, products).",
    "action_plan": "Name one concrete step: a course, a certification, a mentor, a project you will lead.",
    "long_term": "Add where this goes in three to five years: lead a team, own an area.",
    "short_term": "Add what you want to achieve in your first year or two in this role.",
    "timeframe": "Put a date on a goal: 'within two years', 'in my first six months'.",
    "motivation": "Say why the goal matters to you: 'because ...'.",
}
WELL_DONE = "No issue left and every expected element present: try a harder set, or your own target ({own_target})."
#: The keys the advice names, by default: Home's drill and self-assessment keys, the picker's
#: own-target key. Screens pass the keys really bound (a person's keymap can move them).
ADVICE_KEYS: dict[str, str] = {"drill": "4", "assessment": "1", "own_target": "o"}


def advice_for(code: str | None, keys: Mapping[str, str] | None = None, default: str = WELL_DONE) -> str:
    """What to practise next for `code`, naming the keys in `keys` (ADVICE_KEYS by default)."""
    template = ADVICE.get(code, default) if code else default
    return template.format_map({**ADVICE_KEYS, **(keys or {})})


@dataclass(frozen=True)
class Question:
    """One question put in a session: the main one (index 0) or a follow-up."""

    index: int
    text: str
    kind: str = DEFAULT_KIND
    reason: str = ""
    model_answer: str = ""
    follow_up_id: str | None = None

    @property
    def kind_name(self) -> str:
        return get_kind(self.kind).name


@dataclass(frozen=True)
class Answer:
    index: int
    question: str
    text: str
    seconds: float | None
    feedback: dict[str, Any]  # judged by the question's own rubric
    kind: str = DEFAULT_KIND

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
        """What this question expected and the answer lacks, most important first."""
        elements = self.feedback.get("elements") or {}
        expected = [c for c in EXPECTED_ELEMENTS if c in get_kind(self.kind).expects]
        return [c for c in expected if not (elements.get(c) or {}).get("present")]


@dataclass(frozen=True)
class Comparison:
    """One like-with-like comparison: the same question (kind) answered before and now."""

    label: str
    before: int
    now: int

    @property
    def change(self) -> int:
        return self.now - self.before


@dataclass(frozen=True)
class Summary:
    rows: list[tuple[str, int, str]]  # (question, score, quality)
    kinds: list[str]  # each row's question kind name
    comparisons: list[Comparison]
    issues_left: list[str]
    focus: str | None  # the code to practise next, or None when there is nothing left
    advice: str


@dataclass
class PracticeSession:
    brief: Brief
    follow_ups: tuple[Any, ...] = ()  # the catalogue (content FollowUp objects)
    session_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    index: int = 0
    answers: list[Answer] = field(default_factory=list)
    asked: list[Question] = field(default_factory=list)
    upcoming: Question | None = None

    def __post_init__(self) -> None:
        if not self.asked:
            self.asked.append(Question(0, self.brief.question, DEFAULT_KIND, "", self.brief.model_answer))

    @property
    def current(self) -> Question:
        return self.asked[self.index]

    @property
    def question(self) -> str:
        return self.current.text

    @property
    def is_follow_up(self) -> bool:
        return self.index > 0

    @property
    def answered(self) -> bool:
        """Whether the current question has been answered."""
        return any(a.index == self.index for a in self.answers)

    @property
    def has_next(self) -> bool:
        return self.upcoming is not None

    @property
    def total(self) -> int:
        """How many questions this session can have: the main one and the follow-ups."""
        return 1 + MAX_FOLLOW_UPS

    def advance(self) -> str:
        """Move to the follow-up chosen after the last answer and return it."""
        if self.upcoming is None:
            raise IndexError("no follow-up question left")
        self.asked.append(self.upcoming)
        self.upcoming = None
        self.index += 1
        return self.question

    def record(self, text: str, seconds: float | None, feedback: dict[str, Any]) -> Answer:
        """Judge the coach's result by the current question's rubric, keep it, and choose the
        follow-up that reacts to it."""
        question = self.current
        judged = judge(question.kind, feedback, text)
        answer = Answer(self.index, question.text, text, None if seconds is None else round(float(seconds), 1), judged, question.kind)
        self.answers.append(answer)
        self.upcoming = self._choose(answer) if len(self.asked) <= MAX_FOLLOW_UPS else None
        return answer

    def _choose(self, answer: Answer) -> Question | None:
        if not self.follow_ups:
            return None
        brief = self.brief
        done = [q.follow_up_id for q in self.asked if q.follow_up_id] + [q.kind for q in self.asked] + [q.text for q in self.asked]
        def pick(extras: tuple[str, ...]) -> Asked | None:
            return choose_next(
                self.follow_ups, answer.feedback, answer=answer.text, kind_id=answer.kind,
                stage=brief.stage, manner=brief.manner, interviewer=brief.interviewer_name,
                asked=done, extras=extras, facts=brief.fact_values,
            )

        picked = pick(())  # a reaction to this answer comes first
        if picked is None:
            advert = next((q for q in brief.advert_questions if q not in done), None)
            link = next((f for f in self.follow_ups if f.trigger == "missing:company_alignment"), None)
            if advert is not None and link is not None:
                picked = Asked(f"advert:{brief.advert_questions.index(advert)}", link.kind, advert,
                               f"{brief.interviewer_name} asks about a duty your job advert names.",
                               compose(link.model, brief.fact_values))
        picked = picked or pick(brief.asks)
        if picked is None:
            return None
        return Question(len(self.asked), picked.question, picked.kind, picked.reason, picked.model_answer, picked.follow_up_id)

    def attempt(self, answer: Answer) -> Attempt:
        """The attempt record to store, with the question's kind (scored by its own rubric)."""
        brief = self.brief
        question = self.asked[answer.index]
        return Attempt.coached(
            "practice", answer.question, answer.text, answer.feedback,
            seconds=answer.seconds,
            scenario_id=brief.scenario_id,
            scenario_title=brief.title,
            stage=brief.stage,
            session_id=self.session_id,
            follow_up=answer.index > 0,
            own_target=brief.own_target,
            question_kind=answer.kind,
            follow_up_id=question.follow_up_id,
        )

    def summary(self, history: Iterable[dict[str, Any]] = (), keys: Mapping[str, str] | None = None) -> Summary:
        """Each answer with its own judgement; comparisons only of like with like (the main
        question against your last attempt at this scenario, a follow-up kind against your last
        answer of that kind to this scenario: never a sales scenario's answer against a nursing
        one; for your own target, the same target); "practise next" from what your latest
        answers still show."""
        answers = self.answers
        rows = [(a.question, a.score, a.quality) for a in answers]
        kinds = [get_kind(a.kind).name for a in answers]
        if not answers:
            return Summary(rows, kinds, [], [], None, "Answer at least one question to see a summary.")
        comparisons = self._comparisons(list(history))
        latest = _latest_per_kind(answers)
        left = _ordered({c for a in latest for c in a.issues}, ISSUE_SEVERITY)
        focus = _focus(latest)
        return Summary(
            rows=rows,
            kinds=kinds,
            comparisons=comparisons,
            issues_left=left,
            focus=focus,
            advice=advice_for(focus, keys),
        )

    def _comparisons(self, history: list[dict[str, Any]]) -> list[Comparison]:
        brief = self.brief
        earlier = [h for h in history if isinstance(h, dict) and h.get("kind") == "practice"
                   and h.get("session_id") != self.session_id and _same_brief(h, brief)]
        here = "your own target" if brief.own_target else "this scenario"
        out: list[Comparison] = []
        for answer in _latest_per_kind(self.answers):
            if answer.kind == DEFAULT_KIND:
                same = [h for h in earlier if not h.get("follow_up")]
                label = f"Main question, against your last attempt at {here}"
            else:
                same = [h for h in earlier if h.get("follow_up") and h.get("question_kind") == answer.kind]
                label = f"{get_kind(answer.kind).name}, against your last answer to it at {here}"
            if same:
                out.append(Comparison(label, int(same[-1].get("score") or 0), answer.score))
        return out


def _same_brief(attempt: dict[str, Any], brief: Brief) -> bool:
    """Whether an earlier attempt answered the same scenario, or the same own target (its role
    and organisation, as its title names them)."""
    if bool(attempt.get("own_target")) != brief.own_target:
        return False
    if brief.own_target:
        return attempt.get("scenario_title") == brief.title
    return attempt.get("scenario_id") == brief.scenario_id


def _latest_per_kind(answers: list[Answer]) -> list[Answer]:
    latest: dict[str, Answer] = {}
    for answer in answers:
        latest[answer.kind] = answer
    return list(latest.values())


def _ordered(codes: set[str], order: tuple[str, ...]) -> list[str]:
    return [c for c in order if c in codes] + sorted(codes - set(order))


def _focus(answers: list[Answer]) -> str | None:
    """The issue most of your latest answers (one per question kind) still show, each judged by
    its own question; if none, the element they most often lack. Ties go to the more important code."""
    for order, counted in (
        (ISSUE_SEVERITY, lambda a: set(a.issues)),
        (EXPECTED_ELEMENTS, lambda a: set(a.missing())),
    ):
        counts = Counter(code for a in answers for code in counted(a))
        if counts:
            return max(_ordered(set(counts), order), key=lambda c: (counts[c], -_rank(c, order)))
    return None


def _rank(code: str, order: tuple[str, ...]) -> int:
    return order.index(code) if code in order else len(order)


def label(code: str) -> str:
    return CODE_LABELS.get(code, code.replace("_", " ").capitalize())
