"""What reading an advert proposes: each part of the target with the sentence it came from.

Offsets are into `Proposal.text`: the advert with HTML, control characters and odd whitespace
tidied, which is what the person is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class AdvertError(ValueError):
    """The input cannot be read as an advert; the message is one line, for the person."""


@dataclass(frozen=True)
class Item:
    """One proposed part of the target and the sentence it came from ([start, end) in the text)."""

    text: str
    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "sentence": self.sentence, "span": [self.start, self.end]}


@dataclass
class Proposal:
    text: str
    organisation: Item | None = None
    title: Item | None = None
    stage: Item | None = None
    mission: Item | None = None
    values: list[Item] = field(default_factory=list)
    terms: list[Item] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        one = lambda item: item.to_dict() if item else None  # noqa: E731
        return {
            "organisation": one(self.organisation),
            "title": one(self.title),
            "stage": one(self.stage),
            "mission": one(self.mission),
            "values": [v.to_dict() for v in self.values],
            "terms": [t.to_dict() for t in self.terms],
        }


def item_at(text: str, sentence: str, start: int) -> Item:
    """The item for `text`, found in `sentence`, which starts at offset `start` of the text."""
    return Item(text.strip(), sentence, start, start + len(sentence))
