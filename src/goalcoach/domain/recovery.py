"""Recovery drill logic: which recovery moves an answer makes, and which pushback fits an answer.

Pure functions over the coach's result dict (Feedback.to_dict()); no textual, no coach import,
so they are tested with hand-made or labelled feedback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from goalcoach.coach import rubric

#: The worst issue decides the pushback: the first code in the rubric's severity order.
ISSUE_SEVERITY: tuple[str, ...] = rubric.ISSUE_SEVERITY

#: With no issue, the most important missing element decides instead.
MISSING_PRIORITY: tuple[str, ...] = rubric.MISSING_PRIORITY

#: What the interviewer says when the answer gives nothing to push on.
GENERAL_CODE = "general"
GENERAL_PUSHBACK = "Why should we invest in that?"

#: What each code is called on screen (as a problem to fix).
CODE_LABELS: dict[str, str] = {
    **{code: rubric.problem_name(code) for code in rubric.ISSUES + rubric.ELEMENTS},
    GENERAL_CODE: "A strong answer: defend it",
}

#: The recovery moves the coach can see in the text, with the element that shows each.
#: (Pausing and listening happen in the room, not in the words, so they are only taught.)
CHECKED_MOVES: tuple[tuple[str, str, str], ...] = (
    ("acknowledge", "Acknowledge the slip", "acknowledgement"),
    ("reframe_short", "Reframe: a short-term goal", "short_term"),
    ("reframe_long", "Reframe: a long-term goal", "long_term"),
    ("reframe_link", "Reframe: the link to the employer", "company_alignment"),
    ("star", "A STAR example with a result", "star_example"),
)

#: Push-backs that only ask for more (an example, a time, a reason, the steps, the goals either
#: side of it) or test a strong answer: the first answer said nothing wrong, so there is no slip
#: to acknowledge and "Yes, of course" is a fine way in. Leaving out the job on offer is a
#: mistake in itself (neglecting the role), so company_alignment still wants the slip owned.
ASKS_FOR_MORE: frozenset[str] = frozenset(
    ("star_example", "timeframe", "motivation", "action_plan", "short_term", "long_term", GENERAL_CODE))

Span = tuple[int, int]


def moves_for(misstep: str) -> tuple[tuple[str, str, str], ...]:
    """The moves a recovery from this misstep is checked for: owning the slip only where there was one."""
    return tuple(m for m in CHECKED_MOVES if m[0] != "acknowledge" or misstep not in ASKS_FOR_MORE)


class MoveResult(NamedTuple):
    move_id: str
    label: str
    done: bool
    evidence: list[Span]


#: Elements that show an answer is about the speaker's own career: a goal of theirs.
CAREER_ELEMENTS: tuple[str, ...] = ("short_term", "long_term")


@dataclass(frozen=True)
class RecoveryResult:
    moves: list[MoveResult]
    misstep: str
    misstep_gone: bool
    #: Where the misstep still shows (empty when it is gone).
    misstep_spans: list[Span] = field(default_factory=list)
    #: Red flags the recovery brought in (or kept) besides the misstep: a complaint reworded
    #: as a leaving plan is no recovery.
    new_red_flags: list[str] = field(default_factory=list)
    #: Whether the recovery is about the speaker's own career: their own words, a goal of theirs.
    about_career: bool = True

    @property
    def passed(self) -> bool:
        """Recovered: the misstep is gone, no other red flag, about your career, every move made."""
        return (self.misstep_gone and not self.new_red_flags and self.about_career
                and all(move.done for move in self.moves))

    @property
    def done_count(self) -> int:
        return sum(1 for move in self.moves if move.done)

    def to_dict(self) -> dict[str, Any]:
        """The shape stored with a drill attempt."""
        return {
            "moves": [
                {"id": m.move_id, "label": m.label, "done": m.done, "evidence": [list(s) for s in m.evidence]}
                for m in self.moves
            ],
            "misstep": self.misstep,
            "misstep_gone": self.misstep_gone,
            "new_red_flags": list(self.new_red_flags),
            "about_career": self.about_career,
            "passed": self.passed,
        }


def _element(feedback: dict[str, Any], code: str) -> dict[str, Any]:
    return (feedback.get("elements") or {}).get(code) or {}


def element_present(feedback: dict[str, Any], code: str) -> bool:
    return bool(_element(feedback, code).get("present"))


def _spans(raw: Any) -> list[Span]:
    spans: list[Span] = []
    for span in raw or []:
        try:
            start, end = int(span[0]), int(span[1])
        except (TypeError, ValueError, IndexError):
            continue  # a malformed span is shown as no evidence rather than crashing the drill
        if 0 <= start < end:
            spans.append((start, end))
    return spans


def issue_spans(feedback: dict[str, Any], code: str) -> list[Span]:
    """Where the answer shows the issue `code` (empty if it does not have it)."""
    spans: list[Span] = []
    for issue in feedback.get("issues") or []:
        if issue.get("code") != code:
            continue
        found = _spans(issue.get("spans")) or _spans([[issue.get("start", 0), issue.get("end", 0)]])
        # Length issues cover the whole answer and may carry an empty span: still present.
        spans.extend(found or [(0, 0)])
    return spans


def issue_codes(feedback: dict[str, Any]) -> list[str]:
    return [str(issue.get("code")) for issue in feedback.get("issues") or []]


def check_recovery(feedback: dict[str, Any], misstep: str) -> RecoveryResult:
    """Which recovery moves the answer makes (with the evidence) and whether the misstep is gone.

    `misstep` is an issue code (gone when the coach no longer finds it), a missing element's
    code from adaptive mode (gone once the element is present), or GENERAL_CODE (nothing to fix).
    The moves are those `moves_for(misstep)` lists: no slip to own after a request for more.
    """
    moves = [
        MoveResult(move_id, label, element_present(feedback, code), _spans(_element(feedback, code).get("evidence")))
        for move_id, label, code in moves_for(misstep)
    ]
    if misstep in ISSUE_SEVERITY:
        still = issue_spans(feedback, misstep)
        gone = not still
        spans = [s for s in still if s[0] < s[1]]
    elif misstep in MISSING_PRIORITY:
        gone, spans = element_present(feedback, misstep), []
    else:
        gone, spans = True, []
    codes = issue_codes(feedback)
    red = [c for c in rubric.RED_FLAGS if c in codes and c != misstep and c != "not_an_answer"]
    about = "not_an_answer" not in codes and any(element_present(feedback, c) for c in CAREER_ELEMENTS)
    return RecoveryResult(moves=moves, misstep=misstep, misstep_gone=gone, misstep_spans=spans,
                          new_red_flags=red, about_career=about)


def pick_pushback(feedback: dict[str, Any], pushbacks: dict[str, str]) -> tuple[str, str]:
    """(code, the interviewer's line) for adaptive mode. A code with no line in `pushbacks`
    falls through to the next one that has a line, so a sparse pushback file still works."""
    found = set(issue_codes(feedback))
    candidates = [c for c in ISSUE_SEVERITY if c in found]
    candidates += [c for c in MISSING_PRIORITY if not element_present(feedback, c)]
    for code in candidates:
        line = pushbacks.get(code)
        if line:
            return code, line
    return GENERAL_CODE, GENERAL_PUSHBACK


def latest_answer(current_version: dict[str, Any] | None, attempts: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The person's newest answer for adaptive mode: the builder's current version or the
    latest practice/builder answer to the main question (never a follow-up), whichever was made last (the version wins a tie, as the
    answer they chose to keep). Returns {"text", "question", "source", "created"} or None."""
    candidates: list[dict[str, Any]] = []
    if current_version and str(current_version.get("text") or "").strip():
        candidates.append({
            "text": current_version["text"],
            "question": "What are your career goals?",
            "source": f"your answer '{current_version.get('name') or 'current version'}' from the builder",
            "created": str(current_version.get("created") or ""),
            "rank": 1,
        })
    for attempt in reversed(attempts):  # oldest first, so the newest matching one is found first
        # A follow-up answers another question, judged by its own checklist; the drill pushes
        # back on an answer to the main one.
        if attempt.get("follow_up"):
            continue
        if attempt.get("kind") in ("practice", "builder") and str(attempt.get("text") or "").strip():
            candidates.append({
                "text": attempt["text"],
                "question": str(attempt.get("question") or "What are your career goals?"),
                "source": f"your {attempt.get('kind')} answer" + (f" ('{attempt['scenario_title']}')" if attempt.get("scenario_title") else ""),
                "created": str(attempt.get("created") or ""),
                "rank": 0,
            })
            break
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (c["created"], c["rank"]))
    return {k: v for k, v in best.items() if k != "rank"}
