"""The coach's result types: plain dataclasses, JSON-ready through Feedback.to_dict()."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

ELEMENTS = ("short_term", "long_term", "timeframe", "action_plan", "company_alignment", "motivation",
            "adaptability", "star_example", "acknowledgement")
ISSUES = ("vague", "personal_gain", "unrealistic", "misaligned", "hedging", "filler", "negative_tone",
          "too_short", "too_long")
STAGES = ("entry", "mid", "switcher", "senior")


class Span(NamedTuple):
    """Character offsets [start, end) into the answer as given."""

    start: int
    end: int


@dataclass(frozen=True)
class Context:
    """What the coach knows about the target job; every field is optional."""

    stage: str | None = None
    role: str | None = None
    company: str | None = None
    terms: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.stage is not None and self.stage not in STAGES:
            raise ValueError(f"stage must be one of {', '.join(STAGES)}, not {self.stage!r}")
        object.__setattr__(self, "terms", tuple(t.strip() for t in self.terms if t and t.strip()))


@dataclass
class ElementResult:
    present: bool
    evidence: list[Span] = field(default_factory=list)
    message: str = ""  # for a missing element: what is missing
    suggestion: str = ""  # ... and what to add


@dataclass
class Issue:
    code: str
    start: int
    end: int
    message: str
    suggestion: str
    spans: list[Span] = field(default_factory=list)  # every piece of evidence, for highlighting


@dataclass
class Feedback:
    text: str
    words: int
    speaking_seconds: float
    score: int
    quality: str
    elements: dict[str, ElementResult]
    issues: list[Issue]
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
        return [code for code in ELEMENTS if not self.elements[code].present]

    def to_dict(self) -> dict[str, Any]:
        """The rubric's JSON shape (words, speaking_seconds, score, elements, issues), then extras."""
        elements: dict[str, Any] = {}
        for code in ELEMENTS:
            er = self.elements[code]
            entry: dict[str, Any] = {"present": er.present, "evidence": [[s.start, s.end] for s in er.evidence]}
            if not er.present:
                entry["message"] = er.message
                entry["suggestion"] = er.suggestion
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


def quality_from(elements_present: int, issue_codes: list[str]) -> str:
    """The rubric's rule: weak if vague or two+ issues; strong if no issue and six+ elements."""
    if "vague" in issue_codes or len(issue_codes) >= 2:
        return "weak"
    if not issue_codes and elements_present >= 6:
        return "strong"
    return "adequate"


# Weights for the score inside each quality band; bands never overlap so ranking follows quality.
_ISSUE_WEIGHT = {"vague": 3.0, "unrealistic": 1.5, "misaligned": 1.5, "negative_tone": 1.5,
                 "personal_gain": 1.5, "hedging": 1.0, "filler": 1.0, "too_short": 1.0, "too_long": 0.7}


def score_from(quality: str, elements_present: int, issue_codes: list[str]) -> int:
    """0-100: weak 0-49, adequate 50-74, strong 75-100; more elements and fewer issues score higher."""
    penalty = sum(_ISSUE_WEIGHT.get(c, 1.0) for c in issue_codes)
    if quality == "strong":
        return min(100, 75 + round((elements_present - 6) * 25 / 3))
    if quality == "adequate":
        return max(50, min(74, 52 + elements_present * 3 - round(penalty * 4)))
    return max(0, min(49, 38 + elements_present * 3 - round(penalty * 5)))
