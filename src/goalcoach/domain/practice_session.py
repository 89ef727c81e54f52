"""A practice session as plain data: the brief, the questions, the answers and the summary.

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
from goalcoach.domain.attempt import Attempt
from goalcoach.domain.prefill import join_steps
from goalcoach.domain.advert import duty_follow_ups
from goalcoach.domain.followups import Asked, choose_next, compose
from goalcoach.coach.question_kinds import DEFAULT_KIND, get_kind, judge
from goalcoach.domain.recovery import CODE_LABELS, ISSUE_SEVERITY

STANDARD_QUESTION = "What are your career goals?"
#: Follow-ups after the main question: enough to probe, short enough to finish in one sitting.
MAX_FOLLOW_UPS = 3
#: The common questions asked in your own-target practice when there is nothing to probe.
OWN_TARGET_ASKS: tuple[str, ...] = ("salary", "setbacks", "reassess")

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
    self-assessment's key from `keys`, ADVICE_KEYS by default)."""
    missing = [label for key, label in (("role", "role"), ("organisation", "organisation")) if not str(target.get(key) or "").strip()]
    if missing:
        key = {**ADVICE_KEYS, **(keys or {})}["assessment"]
        return f"Your target has no {' or '.join(missing)} yet: fill it in under Self-assessment (key {key})."
    return None


def _clause(text: Any) -> str:
    """A goal typed as a sentence, read after "to": no leading "to", no trailing full stop."""
    value = " ".join(str(text or "").split()).rstrip(".")
    value = value[3:] if value.lower().startswith("to ") else value
    if len(value) > 1 and value[0].isupper() and value[1].islower():
        value = value[0].lower() + value[1:]
    return value


def _first(goals: dict[str, Any], horizon: str) -> dict[str, Any]:
    return next((g for g in goals.get(horizon) or () if isinstance(g, dict) and str(g.get("goal") or "").strip()), {})


def target_facts(target: dict[str, Any], goals: dict[str, Any], values: list[Any] | None = None) -> dict[str, str]:
    """The person's own material as facts: their role, goals, steps and top value. What they
    have not written yet stays empty, so a composed example shows the gap (‹step›)."""
    short, long = _first(goals, "short_term"), _first(goals, "long_term")
    top = next((str(v.get("name")) for v in values or () if isinstance(v, dict) and str(v.get("name") or "").strip()), "")
    return {
        "role": " ".join(str(target.get("role") or "").split()),
        "goal": _clause(short.get("goal")),
        "long_goal": _clause(long.get("goal")),
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
    from goalcoach.domain.followups import compose

    template = (
        "Over the next two years I want to {goal} as your new {role} at {employer}. I plan to {step}. "
        "Longer term, in about five years, I'd like to {long_goal}, because {reason}. "
        "What draws me to {employer} is how this role connects to that path, and I'm open to where it leads."
    )
    organisation = " ".join(str(target.get("organisation") or "").split())
    return "Example built from your self-assessment", compose(template, {**facts, "employer": organisation})


def brief_from_target(
    target: dict[str, Any],
    sets: Iterable[Any],
    *,
    goals: dict[str, Any] | None = None,
    values: list[Any] | None = None,
    current_version: dict[str, Any] | None = None,
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
    facts = target_facts(target, goals or {}, values)
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
        interviewer_role=f"Hiring manager, {organisation}",
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
        judged = judge(question.kind, feedback)
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
        answer of that kind); "practise next" from what your latest answers still show."""
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
        earlier = [h for h in history if isinstance(h, dict) and h.get("kind") == "practice"
                   and h.get("session_id") != self.session_id]
        out: list[Comparison] = []
        for answer in _latest_per_kind(self.answers):
            if answer.kind == DEFAULT_KIND:
                same = [h for h in earlier if not h.get("follow_up") and h.get("scenario_id") == self.brief.scenario_id
                        and bool(h.get("own_target")) == self.brief.own_target]
                label = "Main question, against your last attempt at this scenario"
            else:
                same = [h for h in earlier if h.get("question_kind") == answer.kind]
                label = f"{get_kind(answer.kind).name}, against your last answer to it"
            if same:
                out.append(Comparison(label, int(same[-1].get("score") or 0), answer.score))
        return out


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
