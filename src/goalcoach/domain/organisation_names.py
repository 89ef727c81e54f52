"""Organisations by their short forms: people say "at Northwind", not "at Northwind Software Ltd",
and "at St Mary's", not "at St Mary's Hospital NHS Trust".

`short_forms` lists the shorter names a registered name is commonly said by; `with_short_company`
gives them to the coach, which counts any of them as naming the organisation and still reports
the organisation by its full name.
"""

from __future__ import annotations

import dataclasses
from typing import Any

#: Words that describe the kind of organisation rather than name it.
GENERIC_WORDS = frozenset("""
ltd limited inc incorporated plc llc llp gmbh co company corp corporation group holdings
software solutions services systems technologies technology tech labs partners partnership
international global uk consulting consultancy foods bank trust foundation nhs the and &
""".split())

#: The kind of place a name ends with, which people leave out once the name is distinctive on
#: its own: "St Mary's Hospital" is "St Mary's", "Riverside University Hospitals" is "Riverside
#: University".
KIND_WORDS = frozenset("""
hospital hospitals university college school academy council clinic surgery practice
""".split())


def _word(word: str) -> str:
    # Punctuation is ignored only where it ends a word ("Acme, Inc."): a dot inside a name
    # ("Booking.com") is part of it and is kept.
    return word.rstrip(".,").casefold()


def _says_enough(words: list[str]) -> bool:
    """Whether what is left still names one organisation: two words, or one possessive name
    ("Addenbrooke's"), never one everyday word ("Royal")."""
    return len(words) >= 2 or (len(words) == 1 and _word(words[0]).endswith(("'s", "’s")))


def short_forms(name: str | None) -> tuple[str, ...]:
    """'St Mary's Hospital NHS Trust' -> ("St Mary's Hospital", "St Mary's"), longest first;
    () when the name has no shorter distinctive form."""
    full = " ".join(str(name or "").split())
    words = full.split()
    while words and _word(words[-1]) in GENERIC_WORDS:
        words.pop()
    while words and words[0].casefold() == "the":
        words.pop(0)
    forms = [" ".join(words).rstrip(".,")]
    while len(words) > 1 and _word(words[-1]) in KIND_WORDS and _says_enough(words[:-1]):
        words.pop()
        forms.append(" ".join(words).rstrip(".,"))
    found: list[str] = []
    for form in forms:
        if form and form.casefold() != full.casefold() and form not in found:
            found.append(form)
    return tuple(found)


def short_form(name: str | None) -> str | None:
    """'Northwind Software Ltd' -> 'Northwind'; None when the name has no shorter distinctive form."""
    forms = short_forms(name)
    return forms[0] if forms else None


def with_short_company(context: Any) -> Any:
    """The coach's context with the organisation's short forms, when it has any: the full name
    stays the organisation the coach reports."""
    forms = short_forms(getattr(context, "company", None))
    if not forms or not dataclasses.is_dataclass(context):
        return context
    known = tuple(getattr(context, "company_aliases", ()))
    return dataclasses.replace(context, company_aliases=known + tuple(f for f in forms if f not in known))
