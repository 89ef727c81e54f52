"""Detectors for the nine elements of a strong answer. Each returns evidence spans (empty = absent)."""

from __future__ import annotations

import re

from goalcoach.coach import vocabulary
from goalcoach.coach.feedback import Context, Span
from goalcoach.coach.lexicon import SEP, Lexicon, _variant_re
from goalcoach.coach.text import Doc, fold
from goalcoach.coach.timeexpr import TimeRef


def _spans(lex: Lexicon, doc: Doc, name: str, *keys: str, keep=None) -> list[Span]:
    return [Span(m.start(), m.end()) for m in lex.scan(doc.folded, doc.word_starts, name, *keys)
            if keep is None or keep(m)]


def time_elements(doc: Doc, lex: Lexicon, refs: list[TimeRef]) -> dict[str, list[Span]]:
    def ok(m: re.Match[str]) -> bool:
        return not doc.uncertain(m.start())

    short = _spans(lex, doc, "time", "near", keep=ok)

    def framed(m: re.Match[str]) -> bool:
        # "Long term: lead a team" or "...I'd like to"; not "working with clients long term", nor a
        # reason's "because I love caring for patients over the long term"
        if re.search(r"\b(?:because|cos|since)\b[^,.;:!?]*$", doc.before(m.start(), 80)):
            return False
        return ok(m) and (doc.forward_looking(m.start()) or
                          re.search(r"(?:^|[.!?;:,]\s*|\b(?:and|but|so|then)\s+)$", doc.before(m.start(), 6)) is not None)

    long_ = _spans(lex, doc, "time", "far", keep=framed)
    # "after that I'd like to ...", or a plan's label: "After that: HR advisor"
    long_ += _spans(lex, doc, "time", "far_sequence", keep=lambda m: ok(m) and (
        doc.forward_looking(m.start()) or doc.folded[m.end():m.end() + 1] == ":"))
    short += [Span(r.start, r.end) for r in refs if r.near]
    long_ += [Span(r.start, r.end) for r in refs if not r.near]
    return {"short_term": short, "long_term": long_, "timeframe": [Span(r.start, r.end) for r in refs]}


_NOT_YET_DONE = {"nearly", "almost", "halfway", "not", "haven't", "hasn't"}


def action_plan(doc: Doc, lex: Lexicon) -> list[Span]:
    done = lex.wordset("action", "done_verbs")
    live = lex.wordset("action", "live_verbs")
    excluded = [(m.start(), m.end()) for m in lex.scan(doc.folded, doc.word_starts, "action", "exclude")]

    def still_to_come(pos: int) -> bool:
        # The nearest verb before the step decides: "I've completed my MSc" vs "I'm starting the MSc".
        words = re.findall(r"[\w']+", doc.before(pos, 80))[-10:]
        for i in range(len(words) - 1, -1, -1):
            w = words[i]
            w2 = w[w.index("'"):] if "'" in w and not w.startswith("'") and w.endswith(("ll", "d", "m")) else w
            if w in live or w2 in live:
                return True
            if w in done:
                # "I've nearly finished my course", "I haven't finished it yet": still under way
                return i > 0 and words[i - 1] in _NOT_YET_DONE
        return not re.search(r"\bused\s+to\b", doc.before(pos, 80))

    out = []
    for m in lex.scan(doc.folded, doc.word_starts, "action", "steps", "regex"):
        if any(s <= m.start() < e or s < m.end() <= e for s, e in excluded):
            continue
        first_word = m.group().split()[0] if m.group().split() else ""
        # "I have enrolled on ...": the step's own verb says it is under way, whatever comes before
        if (first_word in live and first_word.endswith("ed")) or still_to_come(m.start()):
            out.append(Span(m.start(), m.end()))
    acronym = lex.cached("acronym_step", lambda: re.compile(
        r"\b(?i:" + "|".join(re.escape(v) for v in lex.words("action", "acronym_verbs")) +
        r")\s+(?i:(?:a|an|the|my|our|his|her)\s+)?([A-Z][A-Z0-9&]{1,7})\b"))
    for m in acronym.finditer(doc.head):
        if still_to_come(m.start(1)):
            out.append(Span(m.start(1), m.end(1)))
    return out


def company_alignment(doc: Doc, lex: Lexicon, context: Context | None, misaligned: list[Span]) -> list[Span]:
    def build() -> re.Pattern[str]:
        nouns = "|".join(re.escape(n) for n in sorted(lex.words("alignment", "org_nouns"), key=len, reverse=True))
        return re.compile(rf"\bthis\s+(?:[\w'&-]+\s+){{0,3}}?(?:{nouns})\b|"
                          rf"\b(?:a|an)\s+(?:{nouns})\s+like\s+this(?:\s+one)?\b")

    generic = lex.wordset("alignment", "your_generic")
    out = [Span(m.start(), m.end()) for m in lex.cached("this_org", build).finditer(doc.folded)]
    for m in re.finditer(r"\byour\s+([\w'&-]+)", doc.folded):
        if m.group(1) not in generic:
            out.append(Span(m.start(), m.end()))
    out += _spans(lex, doc, "alignment", "phrases")
    not_after = lex.wordset("alignment", "here_not_after")
    for m in re.finditer(r"\bhere\b(?!'s|\s+is\b(?!\s+to\b)|\s+are\b|\s+and\s+there|\s+we\s+go)", doc.folded):
        before = doc.words_before(m.start(), 2)
        if before and (before[-1] in not_after or " ".join(before) in not_after):
            continue
        out.append(Span(m.start(), m.end()))
    if context is not None:
        if context.company and context.company.strip():
            out += find_org(doc, lex, context.company)
        for alias in context.company_aliases:
            out += find_org(doc, lex, alias)
        if context.role and context.role.strip():
            # "Executive Officer, Casework": each part of the title names the role
            for part in re.split(r"\s*[,(/\u2013\u2014]\s*|\s+-\s+", context.role):
                if part.strip(" )"):
                    out += find_term(doc, lex, part.strip(" )"))
        # The organisation's own words (its values, mission terms, the advert's duties) tie the
        # goals to it as much as its name does.
        for term in context.terms:
            out += find_term(doc, lex, term)
    # A role called a stopgap ("this job is a stepping stone") does not tie the goals to it.
    bad = {doc.sentence_index(s.start) for s in misaligned}
    return [s for s in out if doc.sentence_index(s.start) not in bad]


_ORG_HEADS = {"department", "council", "group", "trust", "hospital", "office", "agency", "authority", "service",
              "board", "bank", "university", "college", "school", "academy", "practice", "partnership", "ministry",
              "society", "foundation", "institute", "company", "club", "library", "museum", "surgery", "clinic"}
_NAME_STOP = {"the", "hm", "st", "saint", "of", "for", "and", "&", "ltd", "plc", "llp", "inc", "group", "uk", "nhs"}


def find_name(doc: Doc, lex: Lexicon, name: str) -> list[Span]:
    """An organisation's name as said. A name made of everyday words ("Next", "Shape") counts only
    written as a name, with its capital: "over the next two years" does not mention Next."""
    found = find_term(doc, lex, name)
    if not found or not name[:1].isupper() or not all(vocabulary.everyday(w) for w in re.findall(r"[\w'’]+", name)):
        return found
    return [s for s in found if doc.head[s.start].isupper()]


def find_org(doc: Doc, lex: Lexicon, company: str) -> list[Span]:
    """The organisation by its full name, its distinctive first word ("Harbour Kitchen's" for Harbour
    Kitchen Group) or its kind with "the" ("the Department's" for the Department for Transport)."""
    out = find_name(doc, lex, company)
    words = [w for w in re.findall(r"[\w'’&]+", fold(company))]
    distinctive = [w for w in words if w not in _NAME_STOP and w not in _ORG_HEADS and len(w) >= 3]
    if distinctive and len(words) > 1:
        first = distinctive[0]
        out += [Span(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(first)}(?:'s|s)?(?!\w)", doc.folded)
                if doc.head[m.start()].isupper()]
    for head in (w for w in words if w in _ORG_HEADS):
        out += [Span(m.start(), m.end()) for m in re.finditer(rf"\bthe\s+{head}(?:'s)?(?!\w)", doc.folded)]
    return out


def find_term(doc: Doc, lex: Lexicon, term: str) -> list[Span]:
    """A context term (company, role, value) as whole words; spelling variants and hyphens allowed."""
    words = fold(term).split()
    if not words:
        return []
    body = SEP.join(_variant_re(w) for w in words)
    return [Span(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){body}(?!\w)", doc.folded)]


def motivation(doc: Doc, lex: Lexicon) -> list[Span]:
    not_after = lex.wordset("motivation", "not_after")

    def ok(m: re.Match[str]) -> bool:
        if doc.folded[m.end():m.end() + 3].lstrip().startswith("‹"):
            return False  # "because ‹reason›": the template's slot, the reason still to be given
        if m.group().startswith("is the main") or m.group().startswith("is what"):
            before = doc.words_before(m.start(), 1)
            return not (before and before[-1] in not_after)
        return not doc.negated(m.start(), m.end()) or m.group() in ("because", "since")

    return _spans(lex, doc, "motivation", "phrases", "regex", keep=ok)


def adaptability(doc: Doc, lex: Lexicon) -> list[Span]:
    excluded = [(m.start(), m.end()) for m in lex.scan(doc.folded, doc.word_starts, "adaptability", "exclude")]
    return _spans(lex, doc, "adaptability", "phrases",
                  keep=lambda m: not doc.negated(m.start(), m.end())
                  and not any(s <= m.start() < e for s, e in excluded))


def star_example(doc: Doc, lex: Lexicon) -> list[Span]:
    """A past action of the speaker's followed by a result: a figure or change ("which cut waits by
    a third") or an outcome in words or counts ("all six of them stayed", "no further falls", "the
    audit came back clean"), in the same sentence or up to two after the action."""
    irregular = "|".join(lex.words("star", "past_irregular"))
    past_action = lex.cached("past_action", lambda: re.compile(
        rf"\b(?:i|we)(?:'ve|\s+have)?\s+(?:\w+ly\s+)?(?:\w{{3,}}ed|{irregular})\b"))
    # "I planned to ...", "I decided that I would ...": a plan told in the past tense is no deed
    plan_verbs = lex.wordset("star", "plan_verbs")
    future = lex.cached("star_future", lambda: re.compile(r"(?:\b(?:" + "|".join(
        re.escape(w) for w in lex.words("star", "future_markers") if not w.startswith("'")) + r")\b|'(?:ll|d)\b)"))
    outcomes = lex.cached("star_outcomes", lambda: re.compile(
        "|".join(f"(?:{p})" for p in lex.words("star", "outcomes"))))
    results = [(m.start(), m.end()) for m in lex.scan(doc.folded, doc.word_starts, "star", "results", "regex")]
    results += [(m.start(), m.end()) for m in outcomes.finditer(doc.folded)]
    out = []
    for start, end in sorted(results):
        i = doc.sentence_index(start)
        s = doc.sent_starts[i]
        if future.search(doc.folded[s:start]):
            continue
        region_start = doc.sent_starts[max(0, i - 2)]
        pa = next((a for a in past_action.finditer(doc.folded, region_start, end)
                   if a.group().split()[-1] not in plan_verbs), None)
        if pa:
            out.append(Span(pa.start() if pa.start() >= s else s, end))
    return out


def acknowledgement(doc: Doc, lex: Lexicon) -> list[Span]:
    return _spans(lex, doc, "acknowledgement", "phrases")
