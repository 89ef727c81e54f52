"""The rubric in one place: every code, its order, its name on screen, and the quality rule.

The coach, `goalcoach check`, the app, the drills, progress and the exports all take their
labels from here, so they cannot disagree. (The contract is the coach rubric, v2.)
"""

from __future__ import annotations

from typing import Iterable

#: What a strong answer contains, in checklist order.
ELEMENTS: tuple[str, ...] = (
    "short_term",
    "long_term",
    "timeframe",
    "action_plan",
    "company_alignment",
    "motivation",
    "adaptability",
    "star_example",
    "acknowledgement",
)

#: Elements that add to an answer but whose absence is no weakness.
BONUS_ELEMENTS: tuple[str, ...] = ("adaptability", "star_example", "acknowledgement")
REQUIRED_ELEMENTS: tuple[str, ...] = tuple(c for c in ELEMENTS if c not in BONUS_ELEMENTS)

#: Elements a strong answer must have among its six or more.
STRONG_NEEDS: tuple[str, ...] = ("short_term", "long_term", "company_alignment")

#: The mistakes, in display order.
ISSUES: tuple[str, ...] = (
    "vague",
    "personal_gain",
    "unrealistic",
    "misaligned",
    "hedging",
    "filler",
    "negative_tone",
    "too_short",
    "too_long",
    "not_an_answer",
)

#: Any one of these makes an answer weak: an interviewer would hold it against the candidate.
RED_FLAGS: tuple[str, ...] = ("vague", "personal_gain", "misaligned", "negative_tone", "not_an_answer")

#: The most damaging issue first: content problems outrank delivery ones. Feedback's priority
#: fix and the drill's pushback both follow this order.
ISSUE_SEVERITY: tuple[str, ...] = (
    "not_an_answer",
    "vague",
    "misaligned",
    "unrealistic",
    "personal_gain",
    "negative_tone",
    "too_long",
    "hedging",
    "filler",
    "too_short",
)

#: With no issue, the most valuable missing element comes first.
MISSING_PRIORITY: tuple[str, ...] = (
    "company_alignment",
    "action_plan",
    "long_term",
    "short_term",
    "timeframe",
    "motivation",
    "star_example",
)

#: Career stages the coach knows (a practice set has one of these).
STAGES: tuple[str, ...] = ("entry", "mid", "switcher", "senior", "gap")
STAGE_NAMES: dict[str, str] = {
    "entry": "Entry",
    "mid": "Mid-career",
    "switcher": "Switcher",
    "senior": "Senior",
    "gap": "Gap/change",
}

#: Each element's name on a checklist.
ELEMENT_NAMES: dict[str, str] = {
    "short_term": "Short-term goal",
    "long_term": "Long-term goal",
    "timeframe": "Concrete time frame",
    "action_plan": "Concrete plan",
    "company_alignment": "Link to this employer",
    "motivation": "Reason / motivation",
    "adaptability": "Openness to change",
    "star_example": "Example with a result",
    "acknowledgement": "Acknowledges and re-frames",
}

#: Each issue's name.
ISSUE_NAMES: dict[str, str] = {
    "vague": "Vague",
    "personal_gain": "Personal gain first",
    "unrealistic": "Unrealistic leap",
    "misaligned": "Points away from the role",
    "hedging": "Hedging",
    "filler": "Filler words",
    "negative_tone": "Negative about an employer",
    "too_short": "Too short",
    "too_long": "Too long",
    "not_an_answer": "Not your own answer",
}

#: A missing element, named as a problem (drill pushbacks, "practise next").
MISSING_NAMES: dict[str, str] = {
    "short_term": "No short-term goal",
    "long_term": "No long-term goal",
    "timeframe": "No time frame",
    "action_plan": "No plan",
    "company_alignment": "No link to the employer",
    "motivation": "No reason given",
    "adaptability": "No openness to change",
    "star_example": "No example",
    "acknowledgement": "No acknowledgement",
}

QUALITIES: tuple[str, ...] = ("weak", "adequate", "strong")


def is_bonus(code: str) -> bool:
    return code in BONUS_ELEMENTS


def element_name(code: str, *, mark_bonus: bool = False) -> str:
    name = ELEMENT_NAMES.get(code, code.replace("_", " ").capitalize())
    return f"{name} (bonus)" if mark_bonus and is_bonus(code) else name


def issue_name(code: str) -> str:
    return ISSUE_NAMES.get(code, code.replace("_", " ").capitalize())


def problem_name(code: str) -> str:
    """An issue, or a missing element, as a problem to practise."""
    return ISSUE_NAMES.get(code) or MISSING_NAMES.get(code) or code.replace("_", " ").capitalize()


def quality_from(elements: Iterable[str], issues: Iterable[str]) -> str:
    """The rubric's quality rule (v2), from the codes present."""
    present = set(elements)
    found = set(issues)
    if found & set(RED_FLAGS) or len(found) >= 2 or len(present) < 3:
        return "weak"
    if not found and len(present) >= 6 and set(STRONG_NEEDS) <= present:
        return "strong"
    return "adequate"


NOTHING_TO_FIX = "No issues found."


def missing_required(feedback: dict) -> list[str]:
    """The elements an answer lacks that its question asks for (a follow-up judged by its own
    question lists its checklist and names its bonus ones; otherwise the rubric's required ones)."""
    elements = feedback.get("elements") or {}
    if "question" in feedback:
        asked = [c for c in ELEMENTS if c in elements and c not in set(feedback.get("bonus") or ())]
    else:
        asked = list(REQUIRED_ELEMENTS)
    return [c for c in asked if not (elements.get(c) or {}).get("present")]


def no_issue_line(feedback: dict) -> str:
    """What to say when no issue was found: "No issues found." only when nothing is missing either."""
    missing = missing_required(feedback)
    if not missing:
        return NOTHING_TO_FIX
    return "No mistakes, but still missing: " + ", ".join(element_name(c) for c in missing) + "."
