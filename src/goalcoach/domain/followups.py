"""Follow-ups that react: the next question comes from what the coach found in the last answer.

A red flag gets the probe an interviewer would ask about it, a missing element the question
that draws it out, a strong answer a deeper probe for the stage; with nothing to probe, the
interviewer's own common questions (salary first, then pressed again). Each follow-up carries
why it came, in words the person recognises ("You mentioned pay (“a bigger salary”) …"), and a
model answer composed from the scenario's facts.

Pure functions over the coach's result dict and content objects; no textual, no coach import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from goalcoach.coach import rubric
from goalcoach.coach.question_kinds import get_kind

QUOTE_LIMIT = 50

#: The order an interviewer reacts in: something said outright (pay first, a complaint, a plan
#: to leave, a leap) draws the question before vagueness does, and delivery comes last. The
#: rubric's severity order decides the one fix; this one decides the next question.
PROBE_ORDER: tuple[str, ...] = ("not_an_answer", "personal_gain", "negative_tone", "misaligned", "unrealistic", "vague")
PROBE_ORDER += tuple(c for c in rubric.ISSUE_SEVERITY if c not in PROBE_ORDER)


@dataclass(frozen=True)
class Asked:
    """A follow-up as put to the person: its content, the line in the interviewer's manner, why."""

    follow_up_id: str
    kind: str
    question: str
    reason: str
    model_answer: str


def _issues(feedback: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [i for i in feedback.get("issues") or [] if isinstance(i, dict)]


def _missing(feedback: Mapping[str, Any], expected: Iterable[str]) -> list[str]:
    elements = feedback.get("elements") or {}
    return [c for c in expected if not (elements.get(c) or {}).get("present")]


def triggers_for(feedback: Mapping[str, Any], kind_id: str | None, stage: str | None) -> list[tuple[str, str | None]]:
    """What the interviewer could react to, most pressing first: (trigger, the code behind it)."""
    out: list[tuple[str, str | None]] = [(f"after:{kind_id}", None)] if kind_id else []
    found = {str(i.get("code")) for i in _issues(feedback)}
    out += [(code, code) for code in PROBE_ORDER if code in found]
    kind = get_kind(kind_id)
    # Only what this question asked for is worth asking again.
    asked_for = [c for c in rubric.MISSING_PRIORITY if c in kind.expects]
    out += [(f"missing:{c}", c) for c in _missing(feedback, asked_for)]
    if not found and feedback.get("quality") == "strong" and stage:
        out.append((f"strong:{stage}", None))
    return out


def quote_for(feedback: Mapping[str, Any], code: str | None, answer: str) -> str:
    """The person's own words behind an issue, as ' (“…”)', or '' when there is nothing to quote."""
    if not code or not answer:
        return ""
    for issue in _issues(feedback):
        if issue.get("code") != code:
            continue
        spans = issue.get("spans") or [[issue.get("start", 0), issue.get("end", 0)]]
        for span in spans:
            try:
                start, end = int(span[0]), int(span[1])
            except (TypeError, ValueError, IndexError):
                continue
            if 0 <= start < end <= len(answer):
                words = " ".join(answer[start:end].split())
                if len(words) > QUOTE_LIMIT:
                    words = words[: QUOTE_LIMIT - 1].rstrip() + "…"
                return f" (“{words}”)"
    return ""


def choose_next(
    follow_ups: Iterable[Any],
    feedback: Mapping[str, Any],
    *,
    answer: str,
    kind_id: str | None,
    stage: str | None,
    manner: str | None,
    interviewer: str,
    asked: Iterable[str],
    extras: Iterable[str],
    facts: Mapping[str, str],
) -> Asked | None:
    """The next follow-up after an answer, or None when every fitting one has been asked.

    `asked` holds the follow-up ids, kinds and question texts already put in this session:
    none repeats, and a kind is asked once (what the person said to it stands)."""
    catalogue = list(follow_ups)
    done = set(asked)
    fresh = [f for f in catalogue if f.id not in done and f.kind not in done and f.line(manner) not in done]
    for trigger, code in triggers_for(feedback, kind_id, stage):
        match = next((f for f in fresh if f.trigger == trigger), None)
        if match is not None:
            return ask(match, manner=manner, interviewer=interviewer, facts=facts,
                       quote=quote_for(feedback, code, answer))
    for extra_id in extras:
        match = next((f for f in fresh if f.id == extra_id and f.trigger == "extra"), None)
        if match is not None:
            return ask(match, manner=manner, interviewer=interviewer, facts=facts)
    return None


def ask(follow_up: Any, *, manner: str | None, interviewer: str, facts: Mapping[str, str], quote: str = "") -> Asked:
    # "The hiring manager" is written mid-sentence as "the hiring manager"; a reason that starts
    # with the name gets its capital back below.
    name = interviewer or "the interviewer"
    if name.startswith("The "):
        name = "t" + name[1:]
    reason = follow_up.reason.replace("{quote}", quote).replace("{name}", name)
    return Asked(
        follow_up_id=follow_up.id,
        kind=follow_up.kind,
        question=follow_up.line(manner),
        reason=reason[0].upper() + reason[1:] if reason else reason,
        model_answer=compose(follow_up.model, facts),
    )


_SLOT = re.compile(r"\{(\w+)\}")
#: "[with the fact | without it]": a part of a model answer that needs a fact, and what to say
#: instead when the person has not written it (nothing, when there is no "|").
_GROUP = re.compile(r"\[([^\[\]|]*)(?:\|([^\[\]]*))?\]")
#: Where a template's sentences end; an {example} (whole sentences) is one on its own.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=\{example\})\s+")


def compose(template: str, facts: Mapping[str, str], *, show_gaps: bool = False) -> str:
    """Fill a model answer's {slots} with the facts, read as plain text. A trailing full stop on
    a fact is dropped where the template carries on.

    A fact the person has not written is never shown as a gap in a model answer: a [bracketed]
    part that needs it gives way to its alternative ("[… {example} …|… without it …]") or goes,
    and any other sentence that needs it is left out, so what remains reads as written.
    `show_gaps` instead keeps every sentence and shows the slot's name in angle quotes (‹step›),
    for an example that points out what the person still has to fill in."""
    values = {key: " ".join(str(value or "").split()) for key, value in facts.items()}

    def lacks(part: str) -> bool:
        return any(not values.get(key) for key in _SLOT.findall(part))

    def choose(match: re.Match[str]) -> str:
        with_fact, without = match.group(1), match.group(2)
        if show_gaps or not lacks(with_fact):
            return with_fact
        return without or ""

    text = _GROUP.sub(choose, template)
    if not show_gaps:
        text = " ".join(s for s in _SENTENCE_END.split(" ".join(text.split())) if s and not lacks(s))

    def fill(match: re.Match[str]) -> str:
        key = match.group(1)
        value = values.get(key) or ""
        if not value:
            return f"‹{key.replace('_', ' ')}›"
        if key != "example":
            value = value.rstrip(".")
        return value

    text = " ".join(_SLOT.sub(fill, text).split())
    # A sentence may start with a fact that begins in lower case ("Because …" is written out).
    return re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)
