"""The values an advert says the employer holds ("Our values are ...") and its mission."""

from __future__ import annotations

import re

from goalcoach.domain.advert.lines import Line, sentences
from goalcoach.domain.advert.phrases import TRAILING_CUT, split_list
from goalcoach.domain.advert.proposal import Item, item_at

VALUE_CUE = re.compile(
    r"(?i:\bour (?:core |company )?values(?: are)?|\bvalues are|\bwe value|\bwe care about|\bguided by|"
    r"\bpride ourselves on|\blive by our (?:core )?values|\bbuilt on|\bwe believe in|\bwe stand for|"
    r"\bour principles(?: are)?|\bwe prize)|\b(?:[A-Z]\w*\s){1,3}values(?= [a-z])"
    r"\s*:?\s*",
)
MISSION_CUE = re.compile(r"\b(?:mission|purpose|vision|we believe|dedicated to|committed to|exists? to)\b", re.I)


def find_values(lines: list[Line]) -> tuple[list[Item], Item | None]:
    values: list[Item] = []
    mission: Item | None = None
    for line in lines:
        for sentence, start in sentences(line):
            if mission is None and MISSION_CUE.search(sentence) and len(sentence.split()) >= 6:
                mission = item_at(sentence.rstrip("."), sentence, start)
            m = VALUE_CUE.search(sentence)
            if not m:
                continue
            rest = re.split(r"[.;]\s|\.$", sentence[m.end():])[0]
            for part in split_list(rest) if ("," in rest or " and " in rest) else [rest]:
                part = re.sub(r"^(?:and|or)\s+", "", part.strip(" .:")).strip()
                part = TRAILING_CUT.sub("", part) if len(part.split()) > 3 else part
                if part and len(part.split()) <= 5 and not any(v.text.lower() == part.lower() for v in values):
                    values.append(item_at(part, sentence, start))
    return values[:8], mission
