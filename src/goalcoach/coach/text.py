"""Text helpers: same-length folding, words, sentences, quotes, negation and clause windows.

Every offset is a Python string index into the answer as given, so folding never changes length.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Phrase rules look at this much text; an interview answer is far shorter. Word counts use it all.
ANALYSE_LIMIT = 20_000

WORD_RE = re.compile(r"[\w'’-]+")
_FOLD = (("’", "'"), ("‘", "'"), ("‛", "'"), ("′", "'"), ("“", '"'), ("”", '"'), ("„", '"'), ("″", '"'),
         ("\u2010", "-"), ("\u2011", "-"))
# A sentence ends at . ! ? ; (or a line break) followed by space, or at the end of the text; a
# bullet or list number after a line break belongs to no sentence, so a bulleted plan reads line by line.
_SENT_END = re.compile(r"(?:[.!?;]+[\"')\]]*(?:\s+|$)|\n\s*)(?:(?:[-*\u2022\u2023\u25aa\u25cf>]+|\d{1,2}[.)])(?:\s+|$))?")
# Starts with the quote character so the regex engine can skip ahead to candidates quickly.
_QUOTES = re.compile(r"\"[^\"\n]{1,300}\"|'(?<![\w']')[^'\n]{1,300}?'(?!\w)")
_WORDS = re.compile(r"\w+(?:'\w+)*")
_NEGATOR = re.compile(r"(?:\b(?:not|never|no|nor|without|neither|cannot)\b|n't\b|\bnt\b)")
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013]|\bbut\b|\band\b|\bso\b|\bbecause\b")
_NEG_AFTER = re.compile(
    r"^[^.!?;]{0,12}?,?\s*but\s+(?:it|that|this|money|pay|the\s+money)?\s*"
    r"(?:isn't|is\s+not|'s\s+not|is\s+never|wasn't|won't\s+be|was\s+never|doesn't|does\s+not)"
)
# Put behind something else: "rather than the perks", "the perks matter far less to me than ...".
_DEMOTED_BEFORE = re.compile(r"\b(?:rather\s+than|instead\s+of|less\s+than)\s+(?:[\w']+\s+){0,2}$")
_DEMOTED_AFTER = re.compile(
    r"^(?:\s+[\w']+){0,2}?\s+(?:matters?|mattered|is|are|was|were|comes?|came|counts?|ranks?)\s+"
    r"(?:(?:far|much|a\s+lot|a\s+good\s+deal|way|rather|very|to\s+me|for\s+me)\s+){0,3}"
    r"(?:less\b|second\b|secondary\b|after\b|behind\b)")
_FUTURE = re.compile(
    r"(?:\b(?:will|would|want|wants|hope|hoping|plan|planning|aim|aiming|intend|intending|going\s+to|"
    r"like\s+to|love\s+to|goal|aspire|expect|see\s+myself|looking\s+to|should|next|could|wish|seek)\b|'(?:ll|d)\b)"
)


def fold(text: str) -> str:
    """Lower-case with straight quotes, exactly as long as text (offsets stay valid)."""
    low = text.lower()
    if len(low) != len(text):  # e.g. 'İ'.lower() is two characters: fold char by char instead
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for a, b in _FOLD:  # str.replace is much faster than translate() with a dict
        if a in low:
            low = low.replace(a, b)
    return low


def count_words(text: str) -> int:
    return sum(1 for _ in WORD_RE.finditer(text))


class Doc:
    """One answer prepared for the rules: folded text, sentences and quoted stretches."""

    def __init__(self, text: str, limit: int = ANALYSE_LIMIT):
        self.text = text
        self.head = text[:limit]
        self.folded = fold(self.head)
        self.n = len(self.folded)
        starts = [0]
        for m in _SENT_END.finditer(self.folded):
            if m.end() < self.n:
                starts.append(m.end())
        self.sent_starts = starts
        self.sent_ends = starts[1:] + [self.n]
        self.quotes = [(m.start(), m.end()) for m in _QUOTES.finditer(self.folded)]
        self._quote_starts = [q[0] for q in self.quotes]
        self.word_starts = [(m.start(), m.group()) for m in _WORDS.finditer(self.folded)]

    # -- sentences -------------------------------------------------------------------------
    def sentence_index(self, pos: int) -> int:
        return max(0, bisect_right(self.sent_starts, pos) - 1)

    def sentence_span(self, pos: int) -> tuple[int, int]:
        i = self.sentence_index(pos)
        return self.sent_starts[i], self.sent_ends[i]

    def sentence(self, pos: int) -> str:
        s, e = self.sentence_span(pos)
        return self.folded[s:e]

    def sentences(self) -> list[tuple[int, int]]:
        return list(zip(self.sent_starts, self.sent_ends))

    def forward_looking(self, pos: int) -> bool:
        return _FUTURE.search(self.sentence(pos)) is not None

    # -- context windows -------------------------------------------------------------------
    def before(self, pos: int, chars: int = 60) -> str:
        """Text before pos within its sentence (at most chars long)."""
        s, _ = self.sentence_span(pos)
        return self.folded[max(s, pos - chars):pos]

    def after(self, pos: int, chars: int = 60) -> str:
        _, e = self.sentence_span(max(0, pos - 1))
        return self.folded[pos:min(e, pos + chars)]

    def words_before(self, pos: int, n: int = 4, chars: int = 60) -> list[str]:
        return re.findall(r"[\w']+", self.before(pos, chars))[-n:]

    def clause_before(self, pos: int, chars: int = 60) -> str:
        """Text before pos back to the last clause break (comma, 'but', 'and' ...)."""
        window = self.before(pos, chars)
        last = None
        for last in _CLAUSE_BREAK.finditer(window):
            pass
        return window[last.end():] if last else window

    def in_quote(self, pos: int) -> bool:
        i = bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and self.quotes[i][0] < pos < self.quotes[i][1]

    def negated(self, start: int, end: int) -> bool:
        """'I don't want to leave', 'not about the money', 'pay matters, but it isn't the goal'."""
        clause = self.clause_before(start, 45)
        m = None
        for m in _NEGATOR.finditer(clause):
            pass
        if m is not None and not clause[m.end():].lstrip().startswith(("only", "just")) and \
                not re.search(r"can't\s+wait|no\s+longer|not\s+only|no\s+doubt", clause):
            return True
        return _NEG_AFTER.search(self.folded[end:end + 60]) is not None

    def demoted(self, start: int, end: int) -> bool:
        """Said to matter less than something else: 'the perks matter far less to me than the
        work', 'the work rather than the perks'. Putting a thing behind is not putting it forward."""
        return (_DEMOTED_BEFORE.search(self.clause_before(start, 45)) is not None
                or _DEMOTED_AFTER.search(self.after(end, 50)) is not None)

    def uncertain(self, pos: int) -> bool:
        """Inside 'until I figure out what I want ...' or 'I'm not sure what ...'."""
        return re.search(
            r"(?:figure|work|find)\s+out\s+what|not\s+sure\s+what|(?:don't|do\s+not)\s+know\s+what|"
            r"no\s+idea\s+what|decide\s+what", self.before(pos, 70)) is not None
