"""A pay figure, band or range named in an answer: what a salary question asks for.

"£32,000 to £36,000", "£45k", "40,000 pounds", "Band 5", "Agenda for Change", "spine point 12",
"the middle of the pay scale". Offsets index the text as given.
"""

from __future__ import annotations

import re

from goalcoach.coach.feedback import Span
from goalcoach.coach.text import fold

_PAY = re.compile(
    r"[£$€]\s?\d[\d,.]*\s?(?:k|m|grand)?\b|"
    r"\b\d[\d,.]*\s?(?:k|grand|pounds|dollars|euros|gbp|usd|eur)\b|"
    r"\b(?:pay\s+)?(?:band|grade|level|point|scale\s+point|spine\s+point)\s+\d+[a-z]?\b|"
    r"\bagenda\s+for\s+change\b|"
    r"\b(?:pay|salary)\s+(?:scale|scales|band|bands|grade|grades|range|spine|point)\b"
)


def pay_spans(text: str) -> list[Span]:
    """Where the answer names pay as a figure, band, grade or range."""
    return [Span(m.start(), m.end()) for m in _PAY.finditer(fold(text))]
