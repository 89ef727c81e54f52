"""Time references in an answer: 'in five years', 'within 18 months', 'next September', 'by 2028'.

Each goal-related reference is near (up to about two years) or far (three years or more);
durations of past experience ('for six years', 'two years ago') are not goal references.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from goalcoach.coach.lexicon import NUM, Lexicon
from goalcoach.coach.text import Doc

_WORD_VALUES = {w: i + 1 for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_WORD_VALUES.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100,
                     "a": 1, "an": 1})
_UNIT_YEARS = {"year": 1.0, "month": 1 / 12, "week": 1 / 52, "day": 1 / 365, "quarter": 0.25, "decade": 10.0,
               "yr": 1.0, "mth": 1 / 12, "mo": 1 / 12}

TIME_RE = re.compile(
    rf"(?<!\w)(?P<n1>{NUM})(?:\s*(?:to|-|\u2013|or|and)\s*(?P<n2>{NUM}))?(?:\s+|-)"
    r"(?P<unit>year|month|week|day|quarter|decade|yr|mth|mo)s?(?!\w)"
)
_MONTHS = ("january february march april may june july august september october november december "
           "sept").split()
_MONTH_SET = set(_MONTHS)
_AMBIGUOUS_MONTHS = {"march", "may", "june", "july", "august"}
MONTH_RE = re.compile(
    r"(?<!\w)(?P<prep>in|by|for|next|this|until|before|from|starting|early|late|end\s+of|mid|coming)"
    r"[\s-]+(?P<m>" + "|".join(_MONTHS) + r")(?!\w)"
)
YEAR_RE = re.compile(r"(?<!\w)(?:by|in|before|until|from|during|for)\s+(?:the\s+end\s+of\s+)?(?P<y>20\d\d)(?!\w)")
FIRST_RE = re.compile(
    r"(?<!\w)(?:in|within|during|over|for|by\s+the\s+end\s+of)\s+(?:(?:my|the|our|your)\s+)?first\s+"
    r"(?:year|month|months|quarter|weeks?|days|term|season)(?!\w)"
)
_PAST_SENTENCE = re.compile(r"\b(?:was|were|had|did)\b")
_MODIFIERS = {"about", "around", "roughly", "approximately", "nearly", "almost", "just", "under", "another",
              "only", "maybe", "perhaps", "the", "my", "our", "your", "his", "her", "their", "more", "less",
              "than", "at", "least", "most", "full", "whole", "some", "say", "like", "of"}


@dataclass(frozen=True)
class TimeRef:
    start: int
    end: int
    near: bool  # up to about two years
    years: float = 1.0  # how far out, roughly


def _value(token: str | None) -> float | None:
    if not token:
        return None
    token = re.sub(r"\s+", " ", token)
    if token[0].isdigit():
        try:
            return float(token)
        except ValueError:
            return None
    if "couple" in token:
        return 2.0
    if token.startswith("half"):
        return 0.5
    return float(_WORD_VALUES.get(token, 0)) or None


_NUM_START = set(_WORD_VALUES) | {"couple", "half"}


def _time_matches(doc: Doc):
    # Only words that can start a number are tried: far cheaper than scanning every character.
    last = 0
    for pos, word in doc.word_starts:
        if pos >= last and (word in _NUM_START or word[0].isdigit()):
            m = TIME_RE.match(doc.folded, pos)
            if m:
                last = m.end()
                yield m


def _numeric_refs(doc: Doc, lex: Lexicon) -> list[TimeRef]:
    past = lex.wordset("time", "past")
    duration = lex.wordset("time", "duration")
    anchors = lex.wordset("time", "anchors")
    out = []
    for m in _time_matches(doc):
        after = doc.folded[m.end():m.end() + 16]
        if re.match(r"\s*(?:ago|of\b|later|before|since|old|running|in\s+a\s+row)", after):
            continue
        words = doc.words_before(m.start(), 4, 40)
        if any(w in past for w in words[-3:]):
            continue
        recent = words[-3:]
        future = any(w in ("next", "coming", "first") for w in recent) or re.match(r"\s*(?:from\s+now|'?s?\s*time)", after)
        if not future:
            nearest = next((w for w in reversed(words) if w not in _MODIFIERS), None)
            if nearest is None:
                continue
            if nearest == "after":
                future = doc.forward_looking(m.start())
            elif nearest == "over":
                idx = words.index("over") if "over" in words else 0
                future = not any(w in duration for w in words[:idx])
            elif nearest in anchors:
                future = True
            elif nearest in duration:
                future = False
        if not future:
            continue
        n1, n2 = _value(m.group("n1")), _value(m.group("n2"))
        if n1 is None:
            continue
        n = (n1 + n2) / 2 if n2 else n1
        years = n * _UNIT_YEARS[m.group("unit")]
        out.append(TimeRef(m.start(), m.end(), years <= 2.5, years))
    return out


def find_time_refs(doc: Doc, lex: Lexicon) -> list[TimeRef]:
    """All goal-related concrete time references, in text order."""
    refs = _numeric_refs(doc, lex)
    for m in lex.scan(doc.folded, doc.word_starts, "time", "dated"):
        if m.start() and doc.folded[m.start() - 1] == "-":
            continue  # "a two-year one" is not "year one"
        if m.group().startswith("this") and _PAST_SENTENCE.search(doc.sentence(m.start())) \
                and not doc.forward_looking(m.start()):
            continue
        refs.append(TimeRef(m.start(), m.end(), True))
    month_starts = [pos for pos, word in doc.word_starts if word in _MONTH_SET]
    for pos in month_starts:
        m = MONTH_RE.search(doc.folded, max(0, pos - 14), pos + 10)
        if not m or m.start("m") != pos:
            continue
        month = m.group("m")
        if month in _AMBIGUOUS_MONTHS and not doc.head[m.start("m")].isupper():
            continue
        if _PAST_SENTENCE.search(doc.sentence(m.start())) and not doc.forward_looking(m.start()):
            continue
        refs.append(TimeRef(m.start(), m.end(), True))
    this_year = _dt.date.today().year
    for m in (YEAR_RE.search(doc.folded, max(0, pos - 24), pos + 4) for pos, w in doc.word_starts
              if len(w) == 4 and w.startswith("20") and w.isdigit()):
        if m is None:
            continue
        y = int(m.group("y"))
        if y >= this_year:
            refs.append(TimeRef(m.start(), m.end(), y <= this_year + 2, float(y - this_year)))
    for m in (FIRST_RE.search(doc.folded, max(0, pos - 20), pos + 16) for pos, w in doc.word_starts
              if w == "first"):
        if m is None:
            continue
        refs.append(TimeRef(m.start(), m.end(), True))
    refs.sort(key=lambda r: r.start)
    return refs
