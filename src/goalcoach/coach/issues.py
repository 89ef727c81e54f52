"""Detectors for the answer's mistakes. Each returns evidence spans (empty = not present).

Issue rules ignore quoted words (someone else's, or the speaker's earlier wording) and, where a
phrase could be negated ("I don't want to leave", "not about the money"), negated matches.
"""

from __future__ import annotations

import re

from goalcoach.coach.clauses import ClauseMap, clarifying
from goalcoach.coach.feedback import Context, Span
from goalcoach.coach.lexicon import Lexicon
from goalcoach.coach.text import Doc
from goalcoach.coach.timeexpr import TimeRef

_GENERIC_YOUR = {"company", "organisation", "organization", "firm", "business", "team", "teams", "group", "people",
                 "own", "life", "career", "goals", "best", "way", "mind", "time", "question", "point", "job",
                 "salary", "money", "experience", "future", "industry", "world", "company's", "organisation's",
                 "organization's", "firm's", "business's", "team's", "mission", "values", "vision", "culture",
                 "growth", "success", "goals", "values", "ethos", "people's"}
_POSSESSIVE = {"my", "our", "his", "her", "their", "your", "current", "old", "previous", "former", "line"}


def _live(doc: Doc, matches, negatable: bool = True, keep=None) -> list[Span]:
    out = []
    for m in matches:
        if doc.in_quote(m.start()):
            continue
        if negatable and (doc.negated(m.start(), m.end()) or doc.demoted(m.start(), m.end())):
            continue
        if keep is not None and not keep(m):
            continue
        out.append(Span(m.start(), m.end()))
    return out


def hedging(doc: Doc, lex: Lexicon) -> list[Span]:
    determiners = lex.wordset("hedges", "noun_determiners")

    def keep(m: re.Match[str]) -> bool:
        if m.group().startswith(("kind", "sort")):  # "the kind of person" is a noun phrase
            before = doc.words_before(m.start(), 1)
            return not (before and before[-1] in determiners)
        if "know" in m.group() or m.group().startswith("not sure"):
            # unsure of the goal ("I don't know if ..."), not "the side of the trade I don't know yet"
            after = doc.folded[m.end():m.end() + 12]
            if re.match(r"\s*(?:what|if|whether|how|where|which|exactly|for\s+sure|really|yet\s*[,.]|[,.!?]|$)", after):
                return re.search(r"(?:^|[,.;:!?-]\s*|\b(?:and|but|so|honestly|tbh|i'm|i\s+am|im|i|to\s+be\s+honest|"
                                 r"really)\s*)$", doc.before(m.start(), 20)) is not None or not re.match(r"\s*yet", after)
            return False
        return True

    return _live(doc, lex.scan(doc.folded, doc.word_starts, "hedges", "phrases"), negatable=False, keep=keep)


def filler(doc: Doc, lex: Lexicon) -> list[Span]:
    not_after = lex.wordset("fillers", "not_after")
    skip_upper = set(lex.words("fillers", "case_sensitive_skip"))

    def keep(m: re.Match[str]) -> bool:
        word = m.group()
        if doc.head[m.start():m.end()] in skip_upper:  # "the ER" is a place, not a filler
            return False
        if word.startswith(("you", "i")):
            before = doc.words_before(m.start(), 1)
            if before and before[-1] in not_after:
                return False
            # "you know" only as an aside: set off by a comma or at the start of a sentence
            if word.startswith("you") and not re.search(r"(?:^|[,.!?;]\s*|\band\s*)$", doc.before(m.start(), 8)) \
                    and not doc.after(m.end(), 2).startswith((",", ".")):
                return False
        return True

    out = _live(doc, lex.scan(doc.folded, doc.word_starts, "fillers", "phrases", "regex"), negatable=False, keep=keep)
    pause = "|".join(re.escape(w) for w in lex.words("fillers", "pause_words"))
    for m in re.finditer(rf"\b(?:{pause})\s*,", doc.folded):
        before = doc.words_before(m.start(), 1)
        if before and re.fullmatch(r"(?:would|i'?d|you'?d|we'?d|i|you|we|they|feel|feels|look|looks|"
                                   r"something|anything|much|really|'d|d|also|just|things|lot)", before[-1]):
            continue
        if not doc.in_quote(m.start()):
            out.append(Span(m.start(), m.start() + len(m.group().rstrip(", "))))
    return out


def personal_gain(doc: Doc, lex: Lexicon) -> list[Span]:
    out = _live(doc, lex.scan(doc.folded, doc.word_starts, "money", "phrases", "regex"))
    framing = lex.pattern("money", "balance_framing")
    out += _live(doc, lex.scan(doc.folded, doc.word_starts, "money", "balance"),
                 keep=lambda m: not framing.search(doc.sentence(m.start())))
    return out


def negative_tone(doc: Doc, lex: Lexicon) -> list[Span]:
    targets = lex.pattern("negative", "targets")

    def about_people(m: re.Match[str]) -> bool:
        if re.match(r"hate", m.group()) and re.match(r"\s+(?:to|letting|seeing|it\s+when|when|being)\b",
                                                    doc.folded[m.end():m.end() + 14]):
            return False
        s, e = doc.sentence_span(m.start())
        # the employer, boss or team must be named within about six words either side
        lo = max(s, m.start() - 45)
        hi = min(e, m.end() + 45)
        return targets.search(doc.folded, lo, hi) is not None

    out = _live(doc, lex.scan(doc.folded, doc.word_starts, "negative", "harsh"), keep=about_people)
    out += _live(doc, lex.scan(doc.folded, doc.word_starts, "negative", "standalone"))
    return out


def misaligned(doc: Doc, lex: Lexicon) -> list[Span]:
    return _live(doc, lex.scan(doc.folded, doc.word_starts, "misaligned", "phrases", "regex"))


def unrealistic(doc: Doc, lex: Lexicon, context: Context | None, refs: list[TimeRef]) -> list[Span]:
    def not_someone_else(m: re.Match[str]) -> bool:
        before = doc.words_before(m.start(), 2)
        if before and (before[-1] in _POSSESSIVE or before[-1].endswith("'s")) and \
                not (before[-1] == "your" and len(before) > 1 and before[-2] in ("be", "become", "as", "replace")):
            return False  # "our CEO said", "the company's CFO"; but "be your CTO" is the speaker's aim
        return not re.match(r"\s+(?:said|told|asked|who|was|is|has|had|advert|ad|description|posting|"
                            r"listing|spec|title)\b", doc.folded[m.end():m.end() + 14])

    out = _live(doc, lex.scan(doc.folded, doc.word_starts, "unrealistic", "absolute"),
                keep=lambda m: not re.match(r"\s+(?:advert|ad|description|posting|listing|spec|title)\b",
                                            doc.folded[m.end():m.end() + 14]))
    tops = _live(doc, lex.scan(doc.folded, doc.word_starts, "unrealistic", "top_roles"), keep=not_someone_else)
    if tops:
        stage = context.stage if context else None
        senior_roles = "|".join(re.escape(r) for r in lex.words("unrealistic", "senior_roles"))
        # where the speaker stands: "I've been a finance director", "the last five (years) as COO"
        senior_re = lex.cached("senior_now", lambda: re.compile(
            rf"\bi(?:'?ve|\s+have)?\s+(?:been|am|'?m|was|served\s+as|worked\s+as)\s+(?:(?:a|an|the)\s+)?"
            rf"(?:[\w-]+\s+){{0,2}}?(?:{senior_roles})\b|"
            rf"\b(?:last|past|previous)\s+(?:\w+\s+){{0,2}}(?:years?\s+)?as\s+(?:(?:a|an|the)\s+)?"
            rf"(?:[\w-]+\s+){{0,2}}?(?:{senior_roles}|chief\s+\w+\s+officer|ceo|cfo|coo|cto)\b"))
        senior = stage == "senior" or senior_re.search(doc.folded) is not None
        junior = stage in ("entry", "switcher") or bool(_live(doc, lex.scan(doc.folded, doc.word_starts, "unrealistic", "junior_signals")))
        # the time claimed for the top job itself, not any date in the answer
        top_sentences = {doc.sentence_index(t.start) for t in tops}
        soon = [r for r in refs if r.years <= 5.5 and doc.sentence_index(r.start) in top_sentences]
        if junior or (not senior and soon):
            out += tops + [Span(r.start, r.end) for r in soon[:1]]
    return out


def vague(doc: Doc, lex: Lexicon, named_leap: bool, clauses: ClauseMap, unnamed_is_vague: bool = True) -> list[Span]:
    """Spans of vague goal wording when the answer names no concrete target; [] when it does.
    With no vague wording, the first sentence stands for the missing target, unless naming none
    is no fault (a follow-up, after the main answer named it)."""
    if named_leap or _concrete(doc, lex, clauses):
        return []
    spans = _live(doc, lex.scan(doc.folded, doc.word_starts, "targets", "vague_phrases"), negatable=False)
    if not spans and doc.n and unnamed_is_vague:
        s, e = doc.sentence_span(0)
        spans = [Span(s, len(doc.head[s:e].rstrip()) + s or e)]
    return spans


def _concrete(doc: Doc, lex: Lexicon, clauses: ClauseMap) -> bool:
    past = lex.pattern("targets", "past_markers")

    def current(m: re.Match[str]) -> bool:
        if not clauses.own_intent(m.start()):
            return False
        before = doc.words_before(m.start(), 1)
        if before and before[-1] in _POSSESSIVE or before and before[-1] == "than":
            return False  # "my manager" is someone else; "better pay than teaching" is leaving it
        clause = doc.clause_before(m.start(), 60)
        return not past.search(clause) or clarifying(clause)

    if _live(doc, lex.scan(doc.folded, doc.word_starts, "targets", "roles"), keep=current):
        return True
    vague_objects = lex.wordset("targets", "vague_objects")
    for m in lex.scan(doc.folded, doc.word_starts, "targets", "frames"):
        nxt = re.match(r"\s*([\w'-]+)", doc.folded[m.end():m.end() + 30])
        if nxt and nxt.group(1) not in vague_objects and current(m) and not doc.in_quote(m.start()):
            return True
    # a named piece of this organisation's work ("your payroll migration"), not just "your company"
    for m in re.finditer(r"\byour\s+([\w'-]+)", doc.folded):
        if m.group(1) not in _GENERIC_YOUR and not doc.in_quote(m.start()) and clauses.own_intent(m.start()):
            return True
    for m in re.finditer(r"\d+(?:\.\d+)?\s?(?:%|percent|per\s+cent)|[£$€]\s?\d|\bsix[\s-]figures?\b", doc.folded):
        if clauses.own_intent(m.start()):
            return True
    letters = sum(c.isalpha() for c in doc.head[:2000]) or 1
    if sum(c.isupper() for c in doc.head[:2000]) / letters < 0.3:  # shouting is not a list of acronyms
        stop = set(lex.words("targets", "acronym_stop"))
        for m in re.finditer(r"\b[A-Z][A-Z0-9&]{1,7}\b", doc.head):
            if m.group() not in stop and current(m) and not doc.in_quote(m.start()):
                return True
    return False


# Moving on to another named employer: "after twelve months I'll move to Google", "join Deloitte's
# advisory practice as soon as the programme finishes".
_MOVE_TO_NAMED = re.compile(
    r"\b(?:move|moving|go|going|join|joining|switch|switching|jump|jumping|head|heading|leave\s+for|"
    r"apply\s+to|applying\s+to|transfer|transferring)\s+(?:over\s+|across\s+)?(?:to\s+|for\s+)?"
    r"(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,2})")
_LEAVE_TIMING = re.compile(
    r"\b(?:after|within|in)\s+(?:about\s+|around\s+|roughly\s+|just\s+)?(?:a|one|two|six|nine|twelve|"
    r"eighteen|\d+|a\s+couple\s+of|a\s+few)\s+(?:months?|years?)\b|\bas\s+soon\s+as\b|\bgive\s+it\s+"
    r"(?:a\s+|\w+\s+)?(?:months?|years?|year)\b|\bonce\s+(?:the|my|i've|i\s+have)\b|\bthen\s+(?:move|join)\b|"
    r"\bthe\s+(?:honest|real)\s+plan\b|\bwhere\s+a\s+(?:friend|former\s+colleague|contact)\b|"
    r"\bput\s+my\s+name\s+forward\b|\breferral\b")
_NOT_EMPLOYERS = {"I", "I'm", "I'll", "I'd", "I've", "The", "A", "An", "My", "Your", "This", "That", "It", "We"}


def other_employer(doc: Doc, context: Context | None) -> list[Span]:
    """A plan to move to another named employer, soon or as the real aim."""
    company = (context.company or "").strip().lower() if context else ""
    out = []
    for m in _MOVE_TO_NAMED.finditer(doc.head):
        name = m.group("name")
        first = name.split()[0].rstrip("'’s")
        if first in _NOT_EMPLOYERS or doc.in_quote(m.start()):
            continue
        if company and (company in name.lower() or name.lower().split("'")[0] in company):
            continue
        s, e = doc.sentence_span(m.start())
        if company or _LEAVE_TIMING.search(doc.folded, s, e):
            out.append(Span(m.start(), m.end()))
    return out
