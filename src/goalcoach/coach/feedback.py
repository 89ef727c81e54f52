"""The coach's result types: plain dataclasses, JSON-ready through Feedback.to_dict().

Codes, their order and the quality rule come from coach/rubric.py (re-exported here so older
imports keep working).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from goalcoach.coach.rubric import (ELEMENTS, ISSUE_SEVERITY, ISSUES, MISSING_PRIORITY, STAGES,
                                    quality_from)

__all__ = ["ELEMENTS", "ISSUES", "STAGES", "quality_from", "Span", "Context", "ElementResult", "Issue",
           "Priority", "Feedback", "score_from"]


class Span(NamedTuple):
    """Character offsets [start, end) into the answer as given."""

    start: int
    end: int


@dataclass(frozen=True)
class Context:
    """What the coach knows about the target job; every field is optional.

    expects_acknowledgement: the answer is a correction (a recovery, or a follow-up after a weak
    answer), so re-framing the earlier answer is part of what is asked; otherwise a missing
    acknowledgement is neither a fix nor a gap.
    follow_up: the answer replies to a follow-up question, after the main answer named the goal:
    naming no target again is no fault here ("How do you like to learn?"), though vague goal
    wording ("I just want to grow") still is.
    company_aliases: shorter names the organisation goes by ("St Mary's" for St Mary's Hospital
    NHS Trust): saying one names the organisation, which is still reported by its full name.
    slots_key: the key that reaches the answer builder's template slots, when the answer is
    written there: the advice for a slot left unfilled names it.
    """

    stage: str | None = None
    role: str | None = None
    company: str | None = None
    terms: tuple[str, ...] = ()
    expects_acknowledgement: bool = False
    follow_up: bool = False
    company_aliases: tuple[str, ...] = ()
    slots_key: str = ""

    def __post_init__(self) -> None:
        if self.stage is not None and self.stage not in STAGES:
            raise ValueError(f"stage must be one of {', '.join(STAGES)}, not {self.stage!r}")
        object.__setattr__(self, "terms", tuple(t.strip() for t in self.terms if t and t.strip()))
        object.__setattr__(self, "company_aliases", tuple(a.strip() for a in self.company_aliases if a and a.strip()))


@dataclass
class ElementResult:
    present: bool
    evidence: list[Span] = field(default_factory=list)
    message: str = ""  # for a missing element: what is missing
    suggestion: str = ""  # ... and what to add
    expected: bool = True  # False: missing it is no gap here (acknowledgement outside a correction)


@dataclass
class Issue:
    code: str
    start: int
    end: int
    message: str
    suggestion: str
    spans: list[Span] = field(default_factory=list)  # every piece of evidence, for highlighting


@dataclass
class Priority:
    """The one thing to fix first: an issue code, or a missing element's code."""

    code: str
    kind: str  # "issue" or "missing"
    message: str
    suggestion: str
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "kind": self.kind, "message": self.message, "suggestion": self.suggestion,
                "start": self.start, "end": self.end}


@dataclass
class Feedback:
    text: str
    words: int
    speaking_seconds: float
    score: int
    quality: str
    elements: dict[str, ElementResult]
    issues: list[Issue]
    priority: Priority | None = None
    terms_used: list[str] = field(default_factory=list)
    terms_missed: list[str] = field(default_factory=list)
    top_words: list[tuple[str, int]] = field(default_factory=list)
    sentence_count: int = 0
    longest_sentence: Span | None = None
    longest_sentence_words: int = 0

    @property
    def issue_codes(self) -> list[str]:
        return [i.code for i in self.issues]

    @property
    def present_elements(self) -> list[str]:
        return [code for code in ELEMENTS if self.elements[code].present]

    @property
    def missing_elements(self) -> list[str]:
        """Elements absent and asked for here (acknowledgement only where a correction is the point)."""
        return [code for code in ELEMENTS if not self.elements[code].present and self.elements[code].expected]

    def to_dict(self) -> dict[str, Any]:
        """The rubric's JSON shape (words, speaking_seconds, score, elements, issues), then extras."""
        elements: dict[str, Any] = {}
        for code in ELEMENTS:
            er = self.elements[code]
            entry: dict[str, Any] = {"present": er.present, "evidence": [[s.start, s.end] for s in er.evidence]}
            if not er.present and er.expected:
                entry["message"] = er.message
                entry["suggestion"] = er.suggestion
            if not er.expected:
                entry["expected"] = False
            elements[code] = entry
        return {
            "words": self.words,
            "speaking_seconds": self.speaking_seconds,
            "score": self.score,
            "elements": elements,
            "issues": [
                {"code": i.code, "start": i.start, "end": i.end, "message": i.message,
                 "suggestion": i.suggestion, "spans": [[s.start, s.end] for s in i.spans]}
                for i in self.issues
            ],
            "quality": self.quality,
            "priority": self.priority.to_dict() if self.priority else None,
            "terms": {"used": list(self.terms_used), "missed": list(self.terms_missed)},
            "insights": {
                "top_words": [[w, c] for w, c in self.top_words],
                "sentence_count": self.sentence_count,
                "longest_sentence": (
                    {"start": self.longest_sentence.start, "end": self.longest_sentence.end,
                     "words": self.longest_sentence_words}
                    if self.longest_sentence else None),
            },
        }


# What each element is worth to an interviewer (84 for the six required ones).
_ELEMENT_VALUE = {"short_term": 15, "long_term": 15, "company_alignment": 16, "action_plan": 14,
                  "timeframe": 12, "motivation": 12, "adaptability": 7, "star_example": 7, "acknowledgement": 4}
# What each issue costs on top: delivery slips cost points; red flags also discount what was said.
# Any issue outweighs the bonus elements: a clean answer beats a fuller one with a slip in it.
_ISSUE_COST = {"not_an_answer": 15, "vague": 15, "personal_gain": 15, "misaligned": 15, "negative_tone": 15,
               "unrealistic": 22, "hedging": 20, "filler": 19, "too_short": 20, "too_long": 19}
# A red flag makes the rest count for less: the interviewer hears it over everything else. Content
# that is not the speaker's own answer counts for very little.
_RED_FLAG_FACTOR = {"not_an_answer": 0.2, "vague": 0.5, "personal_gain": 0.5, "misaligned": 0.5,
                    "negative_tone": 0.5}


def score_from(elements: list[str], issue_codes: list[str]) -> int:
    """0-100 from what the answer says: each element adds its value, each issue takes its cost.

    No band is imposed: a red flag discounts the content, a second issue costs extra, an answer
    with fewer than three elements says too little for the rest to carry it, and the eval
    measures how well the result ranks strong > adequate > weak.
    """
    gained = float(sum(_ELEMENT_VALUE.get(c, 0) for c in elements))
    for code in issue_codes:
        gained *= _RED_FLAG_FACTOR.get(code, 1.0)
    if len(elements) < 3:
        gained *= 0.6
    lost = sum(_ISSUE_COST.get(c, 10) for c in issue_codes) + (15 if len(issue_codes) >= 2 else 0)
    return max(0, min(100, round(gained - lost)))


#: Where each quality's scores lie, so the number and the word shown beside it never disagree
#: (a "21, adequate" next to a "30, weak" reads as a mistake). A content score outside its
#: quality's band stops at the band's edge; inside it, the content decides.
SCORE_BANDS: dict[str, tuple[int, int]] = {"weak": (0, 44), "adequate": (45, 74), "strong": (75, 100)}


def banded_score(quality: str, content_score: int) -> int:
    low, high = SCORE_BANDS[quality]
    return max(low, min(high, content_score))


def priority_code(issue_codes: list[str], missing: list[str]) -> tuple[str, str] | None:
    """The most damaging issue by severity, else the most valuable missing element."""
    for code in ISSUE_SEVERITY:
        if code in issue_codes:
            return code, "issue"
    for code in MISSING_PRIORITY:
        if code in missing:
            return code, "missing"
    return None
