"""`not_an_answer`: text that is not the speaker's own answer, however many right phrases it has.

Each detector returns evidence spans (empty = not found):
- an unfilled template: "[Company Name]", "{role}", "<job title>", "my goal is to X ... because Z";
- only someone else's goals, only past goals, or advice / a job advert recited (from the clauses);
- invented words carrying the key phrases (words in no English word list);
- one sentence repeated to pad the answer out.
"""

from __future__ import annotations

import re
from collections import Counter

from goalcoach.coach import vocabulary
from goalcoach.coach.clauses import ClauseMap
from goalcoach.coach.feedback import Span
from goalcoach.coach.lexicon import Lexicon
from goalcoach.coach.text import Doc

# Single angle quotes (‹goal›) are how this app's template marks an empty slot.
_SLOT = re.compile(r"‹[^‹›\n]{1,40}›|"
                   r"\[[^\[\]\n]{1,40}\]|\{[^{}\n]{1,40}\}|<[^<>\n]{1,40}>|_{3,}|\.\.\.\s*\[|\bxx+\b|\byyy+\b|"
                   r"\b(?:insert|enter)\s+(?:company|role|job|name|title|here)\b")
# A single capital letter standing for a slot: "my goal is to X because Z", "at company Y".
_LETTER_SLOT = re.compile(r"(?<![\w.'’])([XYZ])(?![\w'’]|\.\w)")
# Markup-like text a person might type on purpose ("[/]") is not a slot; a slot names a thing.
_SLOT_WORDS = re.compile(r"company|role|job|title|name|organi[sz]ation|team|department|date|year|skill|goal|"
                         r"value|certification|course|field|industry|position|manager|product|x|y|z|blank|"
                         r"employer|sector|area|number|\.\.\.|_", re.I)


def placeholders(doc: Doc) -> list[Span]:
    if not any(c in doc.head for c in "‹[{<_XYZ") and "xx" not in doc.folded and "yyy" not in doc.folded \
            and "insert" not in doc.folded and "enter " not in doc.folded:
        return []  # nothing that could be a slot: most answers
    out = []
    for m in _SLOT.finditer(doc.head):
        inner = m.group().strip("[]{}<>")
        if m.group().startswith(("[", "{", "<")) and not _SLOT_WORDS.search(inner):
            continue
        out.append(Span(m.start(), m.end()))
    letters = [m for m in _LETTER_SLOT.finditer(doc.head)]
    # one stray capital is a typo; two slot letters, or one after goal wording, is a template
    framed = [m for m in letters if re.search(r"\b(?:to|as|at|is|be|in|become|because|of|by|a|an|the|about)\s+$",
                                             doc.folded[max(0, m.start() - 12):m.start()])]
    if len(framed) >= 2 or (framed and out):
        out += [Span(m.start(), m.end()) for m in framed]
    return out


def not_own(doc: Doc, clauses: ClauseMap, raw: dict[str, list[Span]], kept: dict[str, list[Span]]) -> list[Span]:
    """Goal wording found only in someone else's, past, hypothetical or recited clauses."""
    goal_codes = ("short_term", "long_term", "action_plan", "motivation", "adaptability", "company_alignment")
    raw_codes = [c for c in goal_codes if raw.get(c)]
    kept_codes = [c for c in goal_codes if kept.get(c)]
    if len(raw_codes) < 2 or len(kept_codes) >= 2 or (kept_codes and len(raw_codes) < 4):
        # the speaker states enough of their own: a mentor's advice or an old goal is background
        return []
    spans = []
    for code in raw_codes:
        for s in raw[code]:
            c = clauses.at(s.start)
            if c is not None and not c.own_intent and not c.negated and c.mode != "hypothetical" \
                    and not _own_story(doc, c):
                spans.append(Span(c.start, _trim_end(doc, c.start, c.end)))
    return spans


def _own_story(doc: Doc, clause) -> bool:
    """What the speaker did ("I asked my mentor to watch my rounds, and within three weeks I ran
    them alone") is an example, not a goal: only a past clause that says goal, plan or wanted
    is a past goal."""
    return clause.speaker == "self" and clause.mode == "past" and not _GOAL_WORDS.search(doc.folded, clause.start, clause.end)


_GOAL_WORDS = re.compile(r"\b(?:goals?|plans?|ambitions?|aims?|dreams?|targets?|wanted|hoped|planned|aimed)\b")
_OWN_GOAL_WORDS = re.compile(r"\b(?:goals?|plans?|ambitions?|aims?|dreams?|want|wants|hope|hoping|aim|aiming|"
                             r"intend|would\s+like|'d\s+like|'d\s+love|id\s+like|looking\s+to|going\s+to|will)\b")


def only_past(doc: Doc, clauses: ClauseMap, kept: dict[str, list[Span]]) -> list[Span]:
    """Goals told only as history ("my goal was to make sergeant, and I did"), none for now."""
    if any(kept.get(c) for c in ("short_term", "long_term", "action_plan")):
        return []
    past = [c for c in clauses.clauses if c.mode == "past" and c.speaker == "self"
            and _GOAL_WORDS.search(doc.folded, c.start, c.end)]
    if len(past) < 2:
        return []
    if any(c.own_intent and _OWN_GOAL_WORDS.search(doc.folded, c.start, c.end) for c in clauses.clauses):
        return []
    return [Span(c.start, _trim_end(doc, c.start, c.end)) for c in past]


def recited(doc: Doc, clauses: ClauseMap) -> list[Span]:
    """Advice about answering, or a job advert, making up most of the answer."""
    advice = [c for c in clauses.clauses if c.advice]
    if not advice:
        return []
    sentences = {c.sentence for c in clauses.clauses}
    advice_sentences = {c.sentence for c in advice}
    own = [c for c in clauses.clauses if c.own_intent]
    if len(advice_sentences) * 2 < len(sentences) and own:
        return []
    return [Span(c.start, _trim_end(doc, c.start, c.end)) for c in advice][:10]


def invented(doc: Doc, lex: Lexicon) -> list[Span]:
    words = [(pos, w) for pos, w in doc.word_starts if not doc.head[pos:pos + 1].isupper()]
    content = [w for _, w in words if len(w) >= 5]
    if len(content) < 6:
        return []
    unknown = vocabulary.unknown_words(words, lambda: _lexicon_words(lex))
    distinct = {w[:-1] if w.endswith("s") else w for _, w in unknown}  # "dietitian(s)" is one word
    # jargon is a word or two an answer in any trade has; an answer built on made-up words has many
    if len(distinct) >= 3 and len(distinct) >= 0.09 * len(set(content)):
        return [Span(pos, pos + len(w)) for pos, w in unknown]
    return []


def _lexicon_words(lex: Lexicon):
    return lex.cached("lexicon_words", lambda: frozenset(
        w for name in ("targets", "action", "alignment", "time", "star", "fillers", "hedges", "money")
        for key in lex.keys(name) for phrase in lex.words(name, key) if isinstance(phrase, str)
        for w in re.findall(r"[a-z]{5,}", phrase.lower())))


def repeated(doc: Doc) -> list[Span]:
    """One sentence said three times or more, or repeats making up half the answer."""
    sentences = []
    for s, e in doc.sentences():
        key = " ".join(re.findall(r"\w+", doc.folded[s:e]))
        if len(key.split()) >= 4:
            sentences.append((key, s, _trim_end(doc, s, e)))
    if len(sentences) < 3:
        return []
    counts = Counter(k for k, _, _ in sentences)
    repeats = sum(c - 1 for c in counts.values() if c > 1)
    top = counts.most_common(1)[0][1]
    if top >= 3 or repeats * 2 >= len(sentences):
        seen: set[str] = set()
        out = []
        for key, s, e in sentences:
            if counts[key] > 1:
                if key in seen:
                    out.append(Span(s, e))
                seen.add(key)
        return out
    return []


def _trim_end(doc: Doc, start: int, end: int) -> int:
    return start + len(doc.head[start:end].rstrip(" ,;:\n\t")) or end
