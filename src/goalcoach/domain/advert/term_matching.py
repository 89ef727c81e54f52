"""Spelling-blind comparison of terms ('organisation' and 'organization' are one word), used to
skip a term already found and by the tests."""

from __future__ import annotations

from goalcoach.domain.advert.vocabulary import words_of

_SPELLING = (("isation", "ization"), ("ise", "ize"), ("yse", "yze"), ("our", "or"), ("programme", "program"),
             ("tre", "ter"), ("ogue", "og"), ("lling", "ling"), ("lled", "led"))
STOP = set("a an the of and or to for in on with at by your our their its is are be as & from".split())


def norm_word(word: str) -> str:
    word = word.lower().strip(".,'’()")
    for uk, us in _SPELLING:
        if word.endswith(uk) or uk in ("programme", "our", "isation") and uk in word:
            word = word.replace(uk, us)
    for suffix in ("ing", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def norm_words(text: str) -> list[str]:
    return [norm_word(w) for w in words_of(text) if w.lower() not in STOP]


def same_term(a: str, b: str) -> bool:
    """Both name the same thing: one's content words all appear in the other, and the shorter
    has two or more of them unless both have one."""
    wa, wb = set(norm_words(a)), set(norm_words(b))
    if not wa or not wb:
        return False
    small, big = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if not small <= big:
        return False
    return len(small) >= 2 or len(big) == 1 or len(small) == len(big)
