"""The answer coach: pure Python analysis of a typed answer to "What are your career goals?".

    from goalcoach.coach import analyse, Context
    fb = analyse(text, Context(stage="mid", company="Acme", terms=("sustainability",)))
    fb.to_dict()

Never imports textual. Phrase lists live in content/lexicon/*.toml.
"""

from goalcoach.coach.analyser import analyse
from goalcoach.coach.feedback import (ELEMENTS, ISSUES, Context, ElementResult, Feedback, Issue, Span,
                                      quality_from)
from goalcoach.coach.lexicon import LexiconError

__all__ = ["analyse", "Context", "Feedback", "ElementResult", "Issue", "Span", "ELEMENTS", "ISSUES",
           "LexiconError", "quality_from"]
