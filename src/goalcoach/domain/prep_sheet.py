"""The prep sheet: one printable page for the person's target.

Their best answer to the main question (never a weak one), the follow-ups to expect with their
best answer to each, the organisation's words, their plan in brief, and a short list to
remember. Markdown; every user string is escaped (see transfer.md_inline). Never imports textual.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping, Sequence

from goalcoach.coach import rubric
from goalcoach.domain.prefill import sentence_body, tidy_punctuation
from goalcoach.domain.progress import format_date, score_of
from goalcoach.domain.transfer import clean, md_inline, md_quote

MAIN_QUESTION = "What are your career goals?"
MAX_FOLLOW_UPS = 5
WORDS_PER_MINUTE = 140  # the rubric's speaking pace
#: How long an answer should be, as the guides say it: about a minute spoken, two at most.
LENGTH_ADVICE = ("**Keep it to about one minute, two at most:** roughly 140 to 250 words; "
                 "a near-term goal, a long-term goal, a step you are taking, and why this role.")

# A timeline typed as a phrase of its own ("by June 2026", "within a year") is shown as typed;
# a bare date ("June 2026", "2027", "the end of next year") reads "by …"; anything else
# ("Module by June 2026, registration by December") is the person's own timeline line.
_TIME_PHRASE = re.compile(r"(?:by|before|within|in|until|till|around|about|after|from|over|during|at|on|"
                          r"no later than|this|next)\b", re.IGNORECASE)
_BARE_DATE = re.compile(r"(?:\d|q[1-4]\b|(?:the\s+)?(?:end|start|beginning|middle|spring|summer|autumn|fall|winter|"
                        r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)", re.IGNORECASE)


def _quality(record: dict[str, Any]) -> str:
    feedback = record.get("feedback")
    quality = record.get("quality") or (feedback.get("quality") if isinstance(feedback, dict) else None)
    return str(quality or "")


def _is_main(attempt: dict[str, Any]) -> bool:
    """An answer to the main question for the person's own target: the builder's, or practice
    for their own target. A practice scenario's answer is about someone else's job."""
    if attempt.get("follow_up"):
        return False
    return attempt.get("kind") == "builder" or (attempt.get("kind") == "practice" and not attempt.get("scenario_id"))


def _best(records: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
    """The highest-scoring record that is not weak (the newest on a tie)."""
    good = [r for r in records if score_of(r) is not None and _quality(r) != "weak"]
    return max(good, key=lambda r: (score_of(r), str(r.get("created", ""))), default=None)


def best_main_answer(
    snapshot: dict[str, Any], current: tuple[str, str] | None, current_feedback: dict[str, Any] | None
) -> tuple[str, str, dict[str, Any] | None] | None:
    """(label, text, feedback) of the best answer to the main question that is not weak:
    the current answer version (judged now) or a practice/builder answer."""
    candidates: list[dict[str, Any]] = []
    if current is not None and current_feedback:
        candidates.append({"label": current[0], "text": current[1], "score": current_feedback.get("score"),
                           "quality": current_feedback.get("quality"), "feedback": current_feedback,
                           "created": "~"})  # judged today: wins a tie
    for attempt in snapshot.get("attempts") or []:
        if isinstance(attempt, dict) and _is_main(attempt) and str(attempt.get("text") or "").strip():
            title = attempt.get("scenario_title") or "the answer builder"
            candidates.append({**attempt, "label": f"From {clean(title)}, {format_date(attempt.get('created'))}"})
    best = _best(candidates)
    if best is None:
        return None
    feedback = best.get("feedback") if isinstance(best.get("feedback"), dict) else None
    return str(best["label"]), str(best.get("text", "")), feedback


def follow_ups_to_expect(
    snapshot: dict[str, Any], expected: Sequence[str], variants: Mapping[str, str] | None = None
) -> list[tuple[str, dict[str, Any] | None]]:
    """Follow-up questions, each with the person's best answer to it (or None): the ones they
    have practised first, then those asked for their stage, up to MAX_FOLLOW_UPS. `variants`
    maps each wording of a question to the follow-up it belongs to, so one question asked in
    another interviewer's words is listed once, with the best answer to any of its wordings."""
    variants = variants or {}
    answered: dict[str, list[dict[str, Any]]] = {}
    shown: dict[str, str] = {}  # follow-up -> the wording listed for it
    for attempt in snapshot.get("attempts") or []:
        own = not attempt.get("scenario_id") if isinstance(attempt, dict) else False
        if own and attempt.get("follow_up") and attempt.get("question"):
            question = clean(attempt["question"]).strip()
            key = variants.get(question, question)
            shown.setdefault(key, question)
            answered.setdefault(key, []).append(attempt)
    for question in expected:
        question = clean(question).strip()
        key = variants.get(question, question)
        if key not in shown and question != MAIN_QUESTION:
            shown[key] = question
    return [(question, _best(answered.get(key, []))) for key, question in list(shown.items())[:MAX_FOLLOW_UPS]]


def _joined(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(clean(v).strip() for v in value if str(v).strip())
    return clean(value).strip() if value else ""


def _checklist_line(feedback: dict[str, Any]) -> str:
    elements = feedback.get("elements") or {}
    marks = []
    for code in rubric.ELEMENTS:
        present = bool((elements.get(code) or {}).get("present"))
        if present or not rubric.is_bonus(code):
            marks.append(f"{'✓' if present else '✗'} {rubric.element_name(code)}")
    return " · ".join(marks)


def _plan_item(goal: Mapping[str, Any]) -> str:
    """A goal with its timeline and steps as the person typed them, one stop between sentences:
    'Finish the module (by June 2026). Steps: …', or, for a timeline of several steps, 'Join the
    rota. Timeline: Module by June 2026, rota by December. Steps: …'. Each typed part is escaped
    on its own; the last keeps the ending it was typed with."""
    text, when, steps = (_joined(goal.get(key)) for key in ("goal", "target_date", "steps"))
    parts: list[tuple[str, str]] = [("", text)]
    if when and (_TIME_PHRASE.match(when) or (_BARE_DATE.match(when) and not re.search(
            r"\b(?:by|before|until)\b|[,;]", when, re.IGNORECASE))):
        by = "" if _TIME_PHRASE.match(when) else "by "
        parts = [("", f"{sentence_body(text)} ({by}{sentence_body(when)})")]
    elif when:
        parts.append(("Timeline: ", when))
    if steps:
        parts.append(("Steps: ", steps))
    line = ""
    for label, typed in parts[:-1]:
        body = sentence_body(typed)
        line += label + md_inline(body) + (" " if body.endswith(("!", "?")) else ". ")
    label, typed = parts[-1]
    return line + label + md_inline(tidy_punctuation(typed))


def _remember(feedback: dict[str, Any] | None, terms: list[str], recovery_moves: Sequence[Any]) -> list[str]:
    items = []
    priority = (feedback or {}).get("priority")
    if isinstance(priority, dict) and priority.get("message"):
        items.append(f"**Fix first:** {md_inline(priority['message'])}")
    # Terms missed are only known for an answer coached against this target's words.
    missed = [t for t in (feedback or {}).get("terms", {}).get("missed", []) if t and t in terms] if feedback else []
    if missed:
        items.append(f"**Work in their words:** {md_inline(', '.join(missed))}")
    elif terms:
        items.append(f"**Use their words:** {md_inline(', '.join(terms))}")
    items.append(LENGTH_ADVICE)
    for move in list(recovery_moves)[:3]:
        items.append(f"**{md_inline(move.title)}:** {md_inline(move.how)}")
    return [f"- {item}" for item in items]


def prep_sheet(
    snapshot: dict[str, Any],
    current: tuple[str, str] | None,
    current_feedback: dict[str, Any] | None,
    recovery_moves: Sequence[Any],
    exported: str,
    expected_follow_ups: Sequence[str] = (),
    follow_up_variants: Mapping[str, str] | None = None,
) -> str:
    """The printable prep sheet for the target in `snapshot`'s self-assessment."""
    sections = snapshot.get("sections") or {}
    target = sections.get("target") or {}
    role, organisation = _joined(target.get("role")), _joined(target.get("organisation"))
    terms = [clean(t).strip() for t in target.get("terms") or [] if isinstance(t, str) and t.strip()]
    lines = ["# Interview prep sheet: “What are your career goals?”", ""]
    what = " at ".join(md_inline(part) for part in (role, organisation) if part) or "*(no target set: add one in the self-assessment)*"
    lines += [f"**For:** {what} · exported {format_date(exported)} (UTC)", ""]

    lines += ["## Your best answer", ""]
    best = best_main_answer(snapshot, current, current_feedback)
    if best is None:
        if current is None:
            lines.append("*(no answer yet: build one in the answer builder)*")
        else:
            lines.append("*(no answer good enough to rely on yet: your current answer is not ready. "
                         "Work on the fix below in the answer builder, then export again)*")
        lines.append("")
    else:
        label, text, feedback = best
        words = len(re.findall(r"[\w'’-]+", text))
        score = f" · score {feedback.get('score')}/100 ({md_inline(feedback.get('quality', ''))})" if feedback else ""
        lines += [f"*{md_inline(label)}* · {words} words, about {round(words * 60 / WORDS_PER_MINUTE)} s spoken{score}", "",
                  md_quote(text), ""]
        if feedback:
            lines += [_checklist_line(feedback), ""]

    lines += ["## Follow-ups to expect", ""]
    follow_ups = follow_ups_to_expect(snapshot, expected_follow_ups, follow_up_variants)
    if not follow_ups:
        lines += ["*(none yet: practise a scenario for your stage)*", ""]
    for number, (question, answer) in enumerate(follow_ups, 1):
        lines.append(f"{number}. **{md_inline(question)}**")
        if answer is None:
            lines.append("   *(not practised yet, or no answer good enough yet)*")
        else:
            quoted = "\n".join(f"   {line}" for line in md_quote(answer.get("text", "")).splitlines())
            lines += ["", quoted, f"   *score {score_of(answer)}/100, {format_date(answer.get('created'))}*"]
        lines.append("")

    lines += ["## Their words", ""]
    lines.append(f"- **Terms to use:** {md_inline(', '.join(terms)) if terms else '*(not set)*'}")
    if target.get("mission"):
        lines.append(f"- **Mission:** {md_inline(_joined(target.get('mission')))}")

    lines += ["", "## Your plan in brief", ""]
    goals = sections.get("goals") or {}
    for key, title in (("short_term", "Short term"), ("long_term", "Long term")):
        items = [g for g in goals.get(key) or [] if isinstance(g, dict) and g.get("goal")]
        for goal in items[:2]:
            lines.append(f"- **{title}:** {_plan_item(goal)}")
        if not items:
            lines.append(f"- **{title}:** *(not set)*")
    values = [v for v in (sections.get("values") or {}).get("items") or [] if isinstance(v, dict) and v.get("name")]
    lines.append(f"- **Values:** {md_inline(', '.join(clean(v['name']) for v in values)) if values else '*(not set)*'}")

    lines += ["", "## Remember", ""]
    lines += _remember(best[2] if best else current_feedback, terms, recovery_moves)
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
