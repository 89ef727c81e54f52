"""Read a job advert and propose a target: organisation, job title, stage, values, mission and
the key skills and duties an answer should connect to, each with the sentence it came from.

Never imports textual; no network. Hand-written rules on the advert's own structure (labelled
fields, headings, bullets, "You will ..." sentences): keyword statistics rank frequent words, but
an advert's duties are its bullet points, each said once.

Offsets are into `Proposal.text`: the advert with HTML, control characters and odd whitespace
tidied, which is what the person is shown.
"""

from __future__ import annotations

import re

from goalcoach.domain.advert.confirmed_target import Choice, duty_follow_ups, target_changes
from goalcoach.domain.advert.duties_and_skills import find_terms
from goalcoach.domain.advert.lines import Line, lines_of, sentences
from goalcoach.domain.advert.organisation_and_title import find_organisation, find_title
from goalcoach.domain.advert.plain_text import MAX_BYTES, decode, tidy
from goalcoach.domain.advert.proposal import AdvertError, Item, Proposal
from goalcoach.domain.advert.stage import find_stage
from goalcoach.domain.advert.term_matching import norm_word, same_term
from goalcoach.domain.advert.values_and_mission import find_values

__all__ = [
    "MAX_BYTES", "MIN_WORDS", "AdvertError", "Choice", "Item", "Line", "Proposal", "decode", "duty_follow_ups",
    "find_organisation", "find_stage", "find_terms", "find_title", "find_values", "lines_of", "norm_word",
    "propose", "same_term", "sentences", "target_changes", "tidy",
]

MIN_WORDS = 25


def propose(advert: str) -> Proposal:
    """The target the advert suggests; AdvertError (one line) when it is not an advert."""
    if len(advert) > MAX_BYTES:
        raise AdvertError(f"the advert is {len(advert) // 1_000_000 or 1} MB of text; paste only the advert (under 1 MB)")
    text = tidy(advert)
    if not text:
        raise AdvertError("the advert is empty")
    words = len(text.split())
    if words < MIN_WORDS:
        raise AdvertError(f"that is only {words} words: paste the whole advert")
    lines = lines_of(text)
    organisation = find_organisation(lines)
    title = find_title(lines, organisation)
    values, mission = find_values(lines)
    terms = find_terms(lines)
    if organisation is not None:  # "the face of Brightways" is about the employer, not a skill
        # The name's first real word, as a word: "St Mary's …" must not drop "e-rostering".
        words = [w for w in organisation.text.split() if w.lower().rstrip(".") not in ("the", "st", "saint")]
        if words:
            name = re.compile(rf"(?<![\w'’]){re.escape(words[0])}(?![\w'’])", re.I)
            terms = [t for t in terms if not name.search(t.text)]
    if len(terms) < 3 or (title is None and organisation is None):
        found = "no duties or skills" if len(terms) < 3 else "no job title or employer"
        raise AdvertError(f"that does not read like a job advert: {found} found")
    stage = find_stage(title, lines)
    return Proposal(text, organisation, title, stage, mission, values, terms)
