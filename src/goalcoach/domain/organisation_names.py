"""Organisations by their short form: people say "at Northwind", not "at Northwind Software Ltd".

`short_form` drops the generic words a registered name ends with; `with_short_company` gives
the coach that short form, which still matches the full name wherever it is said in full.
"""

from __future__ import annotations

import dataclasses
from typing import Any

#: Words that describe the kind of organisation rather than name it.
GENERIC_WORDS = frozenset("""
ltd limited inc incorporated plc llc llp gmbh co company corp corporation group holdings
software solutions services systems technologies technology tech labs partners partnership
international global uk consulting consultancy foods bank trust foundation the and &
""".split())


def short_form(name: str | None) -> str | None:
    """'Northwind Software Ltd' -> 'Northwind'; None when the name has no shorter distinctive form."""
    # Punctuation is ignored only where it ends a word ("Acme, Inc."): a dot inside a name
    # ("Booking.com") is part of it and is kept.
    words = str(name or "").split()
    while words and words[-1].rstrip(".,").casefold() in GENERIC_WORDS:
        words.pop()
    while words and words[0].casefold() == "the":
        words.pop(0)
    short = " ".join(words).rstrip(".,")
    full = " ".join(str(name or "").split())
    if not short or short.casefold() == full.casefold():
        return None
    return short


def with_short_company(context: Any) -> Any:
    """The coach's context with the organisation's short form, when it has one."""
    company = getattr(context, "company", None)
    short = short_form(company)
    if short is None or not dataclasses.is_dataclass(context):
        return context
    return dataclasses.replace(context, company=short)
