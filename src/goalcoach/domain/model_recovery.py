"""The model recovery for a drill on your own answer, in your own material: composed from the
self-assessment, never another person's story; what it lacks shows as a ‹gap› to fill."""

from __future__ import annotations

from datetime import date
from typing import Any

from goalcoach.domain.followups import compose
from goalcoach.domain.practice_session import target_facts
from goalcoach.domain.recovery import ASKS_FOR_MORE

#: The model recovery for your own answer, composed from your self-assessment (see target_facts).
OWN_RECOVERY = (
    "Over the next two years I want to {goal} as your new {role} at {employer}. "
    "I plan to {step}. Longer term I'd like to {long_goal}, because {reason}."
)
#: How it opens: owning a slip where there was one; a plain yes where the interviewer only asked for more.
OWN_A_SLIP, ASKED_FOR_MORE = "Let me put that more clearly. ", "Of course. "


#: The model recovery when the interviewer asked for an example: the answer is the example (the
#: moment written beside a value in the self-assessment, the person's own story), then the goal.
OWN_EXAMPLE_RECOVERY = (
    "Yes, of course. {example}. That is the approach I'd bring as your new {role} at {employer}, "
    "where over the next two years I want to {goal}."
)


def _own_moment(values: list[Any]) -> str:
    """The first moment written beside a value, non-negotiable values first: a story of one's own."""
    ranked = sorted((v for v in values if isinstance(v, dict)), key=lambda v: not v.get("non_negotiable"))
    moment = next((" ".join(str(v.get("moment") or "").split()) for v in ranked if str(v.get("moment") or "").strip()), "")
    return moment.rstrip(" .")


def own_recovery(profile: Any, today: date | None = None, misstep: str | None = None) -> str:
    """A model recovery in the person's own material, never another person's story; what
    their self-assessment lacks shows as a ‹gap› to fill. Asked for an example, it opens with
    their own (a value's moment), or a ‹example› gap to fill with one."""
    target = profile.section("target") or {}
    values = (profile.section("values") or {}).get("items") or []
    facts = target_facts(target, profile.section("goals") or {}, values, today)
    employer = " ".join(str(target.get("organisation") or "").split())
    if misstep == "star_example":
        return compose(OWN_EXAMPLE_RECOVERY, {**facts, "employer": employer, "example": _own_moment(values)}, show_gaps=True)
    opening = ASKED_FOR_MORE if misstep in ASKS_FOR_MORE else OWN_A_SLIP
    return opening + compose(OWN_RECOVERY, {**facts, "employer": employer}, show_gaps=True)
