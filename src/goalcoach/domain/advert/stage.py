"""The career stage an advert states: in its title ("Senior ...") or in a sentence ("an
entry-level role"); years of experience alone say too little."""

from __future__ import annotations

import re

from goalcoach.domain.advert.lines import Line, sentences
from goalcoach.domain.advert.proposal import Item, item_at

# The stage a title says ("Senior Product Manager") and the stage a sentence says ("an entry-level role").
TITLE_STAGE = (
    ("senior", re.compile(r"\b(?:senior|principal|head of|director|chief|vp)\b", re.I)),
    ("entry", re.compile(r"\b(?:junior|graduate|apprentice(?:ship)?|trainee|intern(?:ship)?)\b", re.I)),
)
TEXT_STAGE = (
    ("senior", re.compile(r"\bsenior\s+(?:[\w-]+\s+){0,2}(?:role|position|post|appointment)\b|"
                          r"\bsenior[- ]level\b", re.I)),
    ("entry", re.compile(r"\bentry[- ]level\b|\bgraduate (?:scheme|programme|program|role|job|position)\b|"
                         r"\bno (?:previous |prior )?(?:\w+ )?experience (?:is )?(?:needed|required|necessary)\b|"
                         r"\byour first job\b|\bperfect for (?:a|your) first job\b|\bschool leavers?\b", re.I)),
    ("mid", re.compile(r"\bmid[- ](?:level|career|weight)\b|\bintermediate[- ]level\b", re.I)),
    ("switcher", re.compile(r"\bcareer (?:changers?|switchers?) (?:are )?(?:welcome|encouraged)\b", re.I)),
)


def find_stage(title: Item | None, lines: list[Line]) -> Item | None:
    """Only a stage the advert states; years of experience alone say too little."""
    if title is not None:
        for stage, rule in TITLE_STAGE:
            if rule.search(title.text):
                return item_at(stage, title.sentence, title.start)
    for line in lines:
        for sentence, start in sentences(line):
            for stage, rule in TEXT_STAGE:
                if rule.search(sentence):
                    return item_at(stage, sentence, start)
    return None
