"""A rubric per question: what a good answer to each kind of interview question contains.

The coach reads every answer against the career-goals rubric. A follow-up asks something
else ("What are your salary expectations?", "Which of your skills carry over?"), so a good
answer to it is judged here: the kind names the coach's elements it expects, the ones that
add to it, the issues it ignores (pay talk in an answer about pay) and word limits that fit
the question. `judge(kind, feedback)` turns the coach's result into that kind's checklist,
score and quality. The main question, "career_goals", keeps the coach's judgement as it is.

Codes come from coach/rubric.py; no textual, only the coach's rubric and score bands (the input is Feedback.to_dict()).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from goalcoach.coach import rubric
from goalcoach.coach.feedback import SCORE_BANDS
from goalcoach.coach.pay import pay_spans

DEFAULT_KIND = "career_goals"
LENGTH_ISSUES = ("too_short", "too_long")
#: The elements that state a goal, time it or plan towards it.
GOAL_ELEMENTS = ("short_term", "long_term", "timeframe", "action_plan")
#: Issues that judge the goal an answer states. `vague` is "names no concrete target" (the
#: rubric): a question answered from the past (an example, the steps taken, a setback, a lesson,
#: a time you led people) asks for no goal, and the coach never counts past deeds as a target.
GOAL_ISSUES = ("vague",)


@dataclass(frozen=True)
class QuestionKind:
    id: str
    name: str
    example: str  # a typical wording, for --help and the docs
    expects: tuple[str, ...] = ()  # elements a strong answer has
    bonus: tuple[str, ...] = ()  # elements that add to it; their absence is no weakness
    ignores: tuple[str, ...] = ()  # issues that are no fault in an answer to this question
    min_words: int = 25
    max_words: int = 180
    #: Asked after a pushback: re-framing the earlier answer is part of a good reply.
    after_pushback: bool = False
    #: Asks for pay: a figure, band or range named is the answer to it (and a measurable target,
    #: so never `vague`), whatever else the answer has.
    asks_for_pay: bool = False

    @property
    def checklist(self) -> tuple[str, ...]:
        """The elements shown for this question, in the rubric's order."""
        wanted = set(self.expects) | set(self.bonus) | ({"acknowledgement"} if self.after_pushback else set())
        return tuple(c for c in rubric.ELEMENTS if c in wanted)

    @property
    def bonus_codes(self) -> tuple[str, ...]:
        return tuple(c for c in self.checklist if c not in self.expects)

    @property
    def answered_from_past(self) -> bool:
        """The question asks for something the person did (a past example) and for no goal."""
        return "star_example" in self.expects and not set(self.expects) & set(GOAL_ELEMENTS)

    @property
    def ignored_issues(self) -> tuple[str, ...]:
        """The coach's issues that are no fault in an answer to this question: the kind's own,
        and the goal's issues when the question asks for no goal."""
        return self.ignores + (GOAL_ISSUES if self.answered_from_past else ())


def _kind(id: str, name: str, example: str, **rules: Any) -> QuestionKind:
    return QuestionKind(id, name, example, **rules)


#: Every kind of question practice can ask. The first is the main question.
KINDS: tuple[QuestionKind, ...] = (
    _kind(DEFAULT_KIND, "Career goals (the main question)", "What are your career goals?",
          expects=rubric.REQUIRED_ELEMENTS, bonus=rubric.BONUS_ELEMENTS, min_words=40, max_words=250),
    _kind("five_years", "Where in five years", "Where do you see yourself in five years?",
          expects=("long_term", "timeframe", "company_alignment"), bonus=("motivation", "action_plan", "adaptability")),
    _kind("first_year", "Your first year", "What do you hope to accomplish in your first year?",
          expects=("short_term", "company_alignment", "action_plan"), bonus=("timeframe", "star_example")),
    _kind("fit", "Why this role", "How does this position fit your goals?",
          expects=("company_alignment", "motivation"), bonus=("short_term", "long_term", "star_example")),
    _kind("plan", "How you will get there", "How do you plan to achieve your goals?",
          expects=("action_plan", "timeframe"), bonus=("company_alignment", "star_example")),
    _kind("steps_taken", "Steps already taken", "What steps have you already taken?",
          expects=("star_example",), bonus=("action_plan", "company_alignment", "motivation")),
    _kind("setbacks", "Handling setbacks", "How do you handle setbacks?",
          expects=("star_example",), bonus=("adaptability", "motivation", "action_plan")),
    _kind("flexibility", "Flexibility about the path", "How flexible are you about your career path?",
          expects=("adaptability", "company_alignment"), bonus=("long_term", "motivation")),
    _kind("balance", "Personal and team goals", "How do you balance personal and team goals?",
          expects=("company_alignment", "motivation"), bonus=("star_example",)),
    _kind("reassess", "Reassessing goals", "How often do you reassess your goals?",
          expects=("adaptability",), bonus=("timeframe", "action_plan", "star_example")),
    _kind("salary", "Salary expectations (first ask)", "What are your salary expectations?",
          expects=("company_alignment", "motivation"), bonus=("short_term", "adaptability"),
          ignores=("personal_gain",), min_words=15, max_words=150, asks_for_pay=True),
    _kind("salary_pressed", "Salary, asked again", "I understand, but what figure do you have in mind?",
          expects=("company_alignment",), bonus=("motivation", "adaptability"),
          ignores=("personal_gain", "vague"), min_words=15, max_words=120, asks_for_pay=True),
    _kind("work_itself", "The work itself (after pay came first)", "Setting pay aside, what do you want from the work itself?",
          expects=("company_alignment", "motivation", "short_term"), bonus=("long_term", "star_example"), after_pushback=True),
    _kind("concrete", "Concretely (after a vague answer)", "What would that look like, concretely?",
          expects=("short_term", "timeframe", "action_plan"), bonus=("company_alignment",), after_pushback=True),
    _kind("leap_steps", "The steps (after a big leap)", "What are the steps between here and there?",
          expects=("short_term", "action_plan", "timeframe"), bonus=("long_term",), after_pushback=True),
    _kind("stay", "How long you'd stay (after pointing away)", "How long do you see yourself with us?",
          expects=("long_term", "company_alignment"), bonus=("motivation", "adaptability"), after_pushback=True),
    _kind("learned", "What you learned (after a complaint)", "What did you learn in that job?",
          expects=("star_example", "company_alignment"), bonus=("motivation",), after_pushback=True),
    _kind("commit", "Say it with conviction (after hedging)", "What do you actually want?",
          expects=("short_term", "company_alignment"), bonus=("long_term", "motivation"), after_pushback=True),
    _kind("one_line", "In one sentence (after a long or hesitant answer)", "If you had to sum it up in a sentence?",
          expects=("long_term",), bonus=("short_term", "company_alignment"), min_words=8, max_words=60, after_pushback=True),
    _kind("example", "An example", "Can you give me an example of that?",
          expects=("star_example",), bonus=("motivation", "company_alignment")),
    _kind("why_goal", "Why that goal", "Why does that goal matter to you?",
          expects=("motivation",), bonus=("star_example", "company_alignment")),
    _kind("when", "When", "When would you like to have reached that?",
          expects=("timeframe",), bonus=("short_term", "long_term", "action_plan"), min_words=15),
    _kind("learning", "Learning fast (entry level)", "How will you learn the job quickly in your first months?",
          expects=("short_term", "action_plan"), bonus=("company_alignment", "star_example")),
    # A time you led people: the story is what is asked; tying it to where you are heading adds to it.
    _kind("leadership", "Leading others (mid-career)", "Tell me about leading people towards that goal.",
          expects=("star_example",), bonus=("long_term", "company_alignment", "motivation")),
    _kind("transferable", "What carries over (switcher)", "Which of your skills carry over, and what is still missing?",
          expects=("star_example", "action_plan"), bonus=("company_alignment", "short_term")),
    _kind("strategy", "Strategic impact (senior)", "What would you want to have changed here in three years?",
          expects=("long_term", "company_alignment", "timeframe"), bonus=("star_example", "motivation")),
    _kind("return", "Why now (after a gap)", "What makes now the right time to come back?",
          expects=("company_alignment", "motivation", "short_term"), bonus=("action_plan", "star_example")),
)

_BY_ID = {k.id: k for k in KINDS}


def kind_ids() -> tuple[str, ...]:
    return tuple(_BY_ID)


def get_kind(kind_id: str | None) -> QuestionKind:
    """The kind with this id; None is the main question. An unknown id raises KeyError."""
    return _BY_ID[kind_id or DEFAULT_KIND]


def _present(feedback: dict[str, Any], code: str) -> bool:
    return bool(((feedback.get("elements") or {}).get(code) or {}).get("present"))


def judge(kind_id: str | None, feedback: dict[str, Any], text: str = "") -> dict[str, Any]:
    """The coach's result judged as an answer to this kind of question, in the coach's shape.

    For the main question this is the coach's own result. For a follow-up: `elements` holds
    only the kind's checklist, `bonus` names the optional ones, `issues` drops those the kind
    ignores and re-measures length by its limits; `score` and `quality` follow the rule below,
    and `coach` keeps what the career-goals rubric said. `text` is the answer: a question about
    pay is answered by a figure, band or range named in it (listed under `pay`)."""
    kind = get_kind(kind_id)
    if kind.id == DEFAULT_KIND:
        return feedback
    words = int(feedback.get("words") or 0)
    pay = pay_spans(text) if kind.asks_for_pay and text else []
    ignored = kind.ignored_issues + (("vague",) if pay else ())
    issues = [dict(i) for i in feedback.get("issues") or []
              if i.get("code") not in ignored and i.get("code") not in LENGTH_ISSUES]
    if 0 < words < kind.min_words:
        issues.append({"code": "too_short", "start": 0, "end": 0, "spans": [],
                       "message": f"{words} words: a good answer to this needs about {kind.min_words} or more.",
                       "suggestion": "Add the part the interviewer asked for, with one concrete detail."})
    elif words > kind.max_words:
        issues.append({"code": "too_long", "start": 0, "end": 0, "spans": [],
                       "message": f"{words} words: this question wants {kind.max_words} at most.",
                       "suggestion": "Answer the question asked in a few sentences, then stop."})
    codes = [str(i.get("code")) for i in issues]
    elements = {c: dict((feedback.get("elements") or {}).get(c) or {"present": False, "evidence": []})
                for c in kind.checklist}
    have = [c for c in kind.expects if _present(feedback, c)]
    extra = [c for c in kind.bonus_codes if _present(feedback, c)]
    quality = quality_for(kind, have, codes, answered=bool(pay))
    judged = {
        **feedback,
        "elements": elements,
        "bonus": list(kind.bonus_codes),
        "issues": issues,
        "score": score_for(kind, quality, len(have), len(extra), codes),
        "quality": quality,
        "question": {"kind": kind.id, "name": kind.name},
        "coach": {"score": feedback.get("score"), "quality": feedback.get("quality")},
    }
    if kind.asks_for_pay:
        judged["pay"] = [[s.start, s.end] for s in pay]
    if "priority" in feedback:  # the one fix first, by this question's rubric
        judged["priority"] = priority_for(kind, issues, elements)
    return judged


def priority_for(kind: QuestionKind, issues: list[dict[str, Any]], elements: dict[str, Any]) -> dict[str, Any] | None:
    """The most damaging issue that matters here, else the most valuable element this question
    expects and the answer lacks, else None (the coach's priority shape)."""
    for code in rubric.ISSUE_SEVERITY:
        issue = next((i for i in issues if i.get("code") == code), None)
        if issue is not None:
            return {"code": code, "kind": "issue", "message": str(issue.get("message") or ""),
                    "suggestion": str(issue.get("suggestion") or ""), "start": issue.get("start"), "end": issue.get("end")}
    for code in rubric.MISSING_PRIORITY:
        entry = elements.get(code) or {}
        if code in kind.expects and not entry.get("present"):
            return {"code": code, "kind": "missing", "message": str(entry.get("message") or rubric.problem_name(code)),
                    "suggestion": str(entry.get("suggestion") or ""), "start": None, "end": None}
    return None


def quality_for(kind: QuestionKind, have: list[str], issue_codes: list[str], answered: bool = False) -> str:
    """The rubric's rule, scaled to the question: weak on a red flag, two issues, or none of
    what was asked (`answered`: the figure a pay question asks for is there); strong with no
    issue and everything the question expects."""
    if set(issue_codes) & set(rubric.RED_FLAGS) or len(issue_codes) >= 2 or not (have or answered):
        return "weak"
    if not issue_codes and len(have) == len(kind.expects):
        return "strong"
    return "adequate"


def score_for(kind: QuestionKind, quality: str, have: int, extra: int, issue_codes: list[str]) -> int:
    """0–100 inside the coach's band for the quality (SCORE_BANDS), so the number and the word
    agree: more of what was asked and fewer issues score higher."""
    asked = max(1, len(kind.expects))
    bonus = max(1, len(kind.bonus_codes))
    if quality == "strong":
        raw = 80 + round(20 * extra / bonus)
    elif quality == "adequate":
        raw = 52 + round(18 * have / asked) + 2 * extra - 5 * len(issue_codes)
    else:
        raw = 20 + round(20 * have / asked) - 8 * len(issue_codes)
    low, high = SCORE_BANDS.get(quality, (0, 100))
    return max(low, min(high, raw))


def help_lines() -> list[str]:
    """One line per kind for `goalcoach check --help`."""
    return [f"{k.id}: {k.example}" for k in KINDS]
