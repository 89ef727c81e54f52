"""One stored attempt: an answer the coach read, from practice, a drill or the builder.

The one shape the screens build, the profile stores (as a dict, one JSON line each), the
progress view and exports read, and an import checks. Never imports textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

KINDS: tuple[str, ...] = ("practice", "drill", "builder")

# Stored only when set: each belongs to one kind of attempt (or is given by the profile).
_OPTIONAL = ("session_id", "follow_up", "own_target", "question_kind", "follow_up_id", "version_id", "drill_id", "misstep", "adaptive", "recovery")


class AttemptError(ValueError):
    """A stored or imported attempt record is damaged; the message names the field."""


@dataclass(frozen=True)
class Attempt:
    kind: str
    question: str
    text: str
    feedback: dict[str, Any] = field(default_factory=dict)
    score: int | None = None
    quality: str | None = None
    seconds: float | None = None
    scenario_id: str | None = None
    scenario_title: str = ""
    stage: str | None = None
    # practice: which session and whether it answered a follow-up; own_target for "my target"
    session_id: str | None = None
    follow_up: bool | None = None
    own_target: bool | None = None
    # practice: the question's kind (its own rubric) and which follow-up it was
    question_kind: str | None = None
    follow_up_id: str | None = None
    # builder: the answer version it scored
    version_id: str | None = None
    # drill: which drill, its misstep, adaptive mode and the recovery checklist
    drill_id: str | None = None
    misstep: str | None = None
    adaptive: bool | None = None
    recovery: dict[str, Any] | None = None
    # given by the profile when stored
    id: str | None = None
    created: str | None = None
    # fields this version does not know (from a newer export): kept, never dropped
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def coached(cls, kind: str, question: str, text: str, feedback: dict[str, Any], **details: Any) -> Attempt:
        """An attempt with the coach's score and quality taken from its feedback."""
        score = feedback.get("score")
        return cls(
            kind=kind,
            question=question,
            text=text,
            feedback=feedback,
            score=score if isinstance(score, int) and not isinstance(score, bool) else None,
            quality=feedback.get("quality") if isinstance(feedback.get("quality"), str) else None,
            **details,
        )

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {}
        if self.id is not None:
            record["id"] = self.id
        if self.created is not None:
            record["created"] = self.created
        record.update(
            kind=self.kind,
            scenario_id=self.scenario_id,
            scenario_title=self.scenario_title,
            stage=self.stage,
            question=self.question,
            text=self.text,
            seconds=self.seconds,
            score=self.score,
            quality=self.quality,
            feedback=self.feedback,
        )
        for name in _OPTIONAL:
            value = getattr(self, name)
            if value is not None:
                record[name] = value
        return {**self.extra, **record}

    @classmethod
    def from_dict(cls, record: Any, where: str = "attempt") -> Attempt:
        """Read a stored or imported record; AttemptError names a field of the wrong type."""
        if not isinstance(record, dict):
            raise AttemptError(f"{where} is not an object")
        known = {f.name: f for f in fields(cls) if f.name != "extra"}
        values: dict[str, Any] = {}
        for name, value in record.items():
            if name not in known:
                continue
            if value is not None and not _fits(name, value):
                raise AttemptError(f"{where}.{name} has the wrong type")
            values[name] = value
        values.setdefault("kind", "")
        values.setdefault("question", "")
        values.setdefault("text", "")
        if values.get("feedback") is None:
            values["feedback"] = {}
        if values.get("scenario_title") is None:
            values["scenario_title"] = ""
        extra = {k: v for k, v in record.items() if k not in known}
        return cls(**values, extra=extra)


_TEXT = ("kind", "question", "text", "quality", "scenario_id", "scenario_title", "stage", "session_id",
         "question_kind", "follow_up_id",
         "version_id", "drill_id", "misstep", "id", "created")
_FLAGS = ("follow_up", "own_target", "adaptive")


def _fits(name: str, value: Any) -> bool:
    if name in _TEXT:
        return isinstance(value, str)
    if name in _FLAGS:
        return isinstance(value, bool)
    if name == "score":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "seconds":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, dict)  # feedback, recovery
