"""What the person kept of a proposal, as changes to their target, and the follow-up questions
practice asks from the duties they kept."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from goalcoach.coach.vocabulary import everyday
from goalcoach.domain.advert.proposal import Item


@dataclass
class Choice:
    """What the person kept of a proposal (edited text allowed); None or [] where they dropped it."""

    organisation: str | None = None
    title: str | None = None
    stage: str | None = None
    mission: str | None = None
    values: list[str] = field(default_factory=list)
    terms: list[Item] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.organisation or self.title or self.stage or self.mission or self.values or self.terms)


def target_changes(target: dict[str, Any], choice: Choice) -> dict[str, Any]:
    """The target section's fields to change so the coach uses what was confirmed.

    Values and duties join the target's terms (which the coach checks every answer for) without
    dropping terms the person typed; duties also keep their sentence, for practice follow-ups.
    """
    changes: dict[str, Any] = {}
    if choice.title:
        changes["role"] = choice.title.strip()
    if choice.organisation:
        changes["organisation"] = choice.organisation.strip()
    if choice.stage:
        changes["stage"] = choice.stage
    if choice.mission:
        changes["mission"] = choice.mission.strip()
    if choice.values:
        changes["values"] = [v.strip() for v in choice.values if v.strip()]
    if choice.terms:
        changes["duties"] = [{"term": t.text.strip(), "sentence": t.sentence} for t in choice.terms if t.text.strip()]
    added = [*changes.get("values", []), *(d["term"] for d in changes.get("duties", []))]
    if added:
        terms = [str(t) for t in target.get("terms") or [] if str(t).strip()]
        known = {t.strip().lower() for t in terms}
        for term in added:
            if term.lower() not in known:
                known.add(term.lower())
                terms.append(term)
        changes["terms"] = terms
    return changes


def duty_follow_ups(target: dict[str, Any], limit: int = 3) -> list[str]:
    """Follow-up questions from the advert's duties saved in the target, in the advert's order:
    'The advert mentions stakeholder reporting: how does that fit your plans?'."""
    questions: list[str] = []
    for duty in target.get("duties") or ():
        term = str(duty.get("term") if isinstance(duty, dict) else duty or "").strip()
        sentence = str(duty.get("sentence") or "") if isinstance(duty, dict) else ""
        question = f"The advert mentions {in_sentence(term, sentence)}: how does that fit your plans?"
        if term and question not in questions:
            questions.append(question)
        if len(questions) == limit:
            break
    return questions


_TITLE_WORD = re.compile(r"(?<![\w'’-])([A-Z][a-z][a-z'’-]*)(?![\w'’-])")
_MINOR = {"a", "an", "and", "the", "of", "for", "in", "on", "to", "with", "at", "by", "or", "&"}


def in_sentence(term: str, sentence: str = "") -> str:
    """A duty's term as it reads in the middle of a question: a common word capitalised only because
    it opened the advert's sentence or a Title Case heading ("Leadership and people management")
    is lower-cased; names and acronyms keep their capitals ("NHS Trust", "Datix", "SQL")."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", sentence) if w.lower() not in _MINOR]
    heading = len(words) > 1 and all(w[0].isupper() for w in words)
    opens = not sentence.strip() or sentence.lstrip(" \t-*•").startswith(term)

    def lower(m: re.Match[str]) -> str:
        word = m.group(1)
        return word.lower() if (heading or (opens and m.start() == 0)) and everyday(word) else word

    return _TITLE_WORD.sub(lower, term)
