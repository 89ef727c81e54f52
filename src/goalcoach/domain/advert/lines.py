"""An advert's lines (bullets, labelled fields, headings and the section each line is in) and
the sentences in a line, each with its offset into the tidied advert."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

_BULLET = re.compile(r"^(?:[-*•·‣▪◦●○→➜➤►>–—+]|\d{1,2}[.)]|\(?[a-z][.)])\s+")
LABEL = re.compile(r"^([A-Za-z][A-Za-z ]{1,30}?)\s*:\s*(\S.*)$")
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+(?=\s|$)|$)")

HEADING_KINDS = (
    ("duties", r"responsibilit|the programme|the program\b|duties|what you'?ll do|what you will (?:do|be doing)|what will you do|you will\b|"
               r"key tasks|essential functions|the role|role overview|about the role|the job|your role|"
               r"what you'?ll be doing|day to day|position summary|the opportunity"),
    ("skills", r"about you|person spec|requirements|qualifications|looking for|what we need|you have|"
               r"essential|desirable|criteria|skills|experience|ideal candidate|who you are|you'?ll (?:need|bring)"),
    ("organisation", r"about us|who we are|our values|how we work|about [A-Z]|our mission|our story|culture"),
    ("other", r"benefits|perks|what we offer|salary|pay|how to apply|apply|compensation|package|"
              r"closing|location|hours|contract|equal opportunit"),
)


@dataclass
class Line:
    text: str  # without any bullet mark
    start: int  # offset of text in the tidied advert
    bullet: bool
    heading: str | None  # the kind of heading this line is, if it is one
    section: str  # the kind of the heading above it ("" before the first)


def _heading_kind(text: str, bullet: bool) -> str | None:
    words = text.rstrip(":").split()
    if bullet or not words or len(words) > 7 or text.endswith((".", ",")) or LABEL.match(text):
        return None
    for kind, pattern in HEADING_KINDS:
        if re.search(pattern, text, re.I):
            return kind
    return None


def lines_of(text: str) -> list[Line]:
    out: list[Line] = []
    section = ""
    offset = 0
    for raw in text.split("\n"):
        start = offset
        offset += len(raw) + 1
        if not raw.strip():
            continue
        mark = _BULLET.match(raw)
        body = raw[mark.end():] if mark else raw
        start += mark.end() if mark else 0
        kind = _heading_kind(body, bool(mark))
        if kind:
            section = kind
        # "As Lead Data Analyst you will:" opens a list of duties too.
        elif body.endswith(":") and re.search(r"\byou(?:'ll| will)\b", body, re.I):
            section = kind = "duties"
        out.append(Line(body, start, bool(mark), kind, section))
    return out


def sentences(line: Line) -> Iterable[tuple[str, int]]:
    for m in _SENTENCE.finditer(line.text):
        piece = m.group().strip()
        if piece:
            yield piece, line.start + m.start() + (len(m.group()) - len(m.group().lstrip()))
