"""The answer coach: pure Python analysis of a typed answer to "What are your career goals?".

    from goalcoach.coach import analyse, Context
    fb = analyse(text, Context(stage="mid", company="Acme", terms=("sustainability",)))
    fb.to_dict()

Never imports textual. Codes, names and the quality rule come from coach/rubric.py; phrase lists
live in content/lexicon/*.toml; answers are read clause by clause (coach/clauses.py).
"""

from goalcoach.coach.analyser import analyse
from goalcoach.coach.feedback import (ELEMENTS, ISSUES, STAGES, Context, ElementResult, Feedback, Issue,
                                      Priority, Span, quality_from)
from goalcoach.coach.lexicon import LexiconError

__all__ = ["analyse", "Context", "Feedback", "ElementResult", "Issue", "Priority", "Span", "ELEMENTS", "ISSUES",
           "STAGES", "LexiconError", "quality_from"]
