"""analyse(): run every rule over one answer and assemble the Feedback."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from goalcoach.coach import elements as el
from goalcoach.coach import issues as iss
from goalcoach.coach import lexicon
from goalcoach.coach import notanswer
from goalcoach.coach.advice import Target, element_advice, find_target, issue_advice
from goalcoach.coach.clauses import ClauseMap
from goalcoach.coach.feedback import (ELEMENTS, ISSUES, Context, ElementResult, Feedback, Issue, Priority, Span,
                                      banded_score, priority_code, quality_from, score_from)
from goalcoach.coach.text import WORD_RE, Doc
from goalcoach.coach.timeexpr import find_time_refs

WORDS_PER_MINUTE = 140
MIN_WORDS, MAX_WORDS = 40, 250
MAX_SPANS = 25  # per code: enough to highlight, bounded for huge inputs


def _clean(spans: list[Span], limit: int) -> list[Span]:
    out = sorted({s for s in spans if 0 <= s.start < s.end <= limit})
    return out[:MAX_SPANS]


def analyse(text: str, context: Context | None = None) -> Feedback:
    """Coach one typed answer. Never raises for any string; offsets index into text as given."""
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    lex = lexicon.get()
    doc = Doc(text)
    word_matches = WORD_RE.finditer(text)
    words = 0
    over_start = None
    for m in word_matches:
        words += 1
        if words == MAX_WORDS + 1:
            over_start = m.start()
    refs = find_time_refs(doc, lex)

    clauses = ClauseMap(doc.folded, doc.sent_starts, doc.word_starts)
    found: dict[str, list[Span]] = {}
    found.update(el.time_elements(doc, lex, refs))
    found["action_plan"] = el.action_plan(doc, lex)
    found["misaligned"] = iss.misaligned(doc, lex) + iss.other_employer(doc, context)
    found["company_alignment"] = el.company_alignment(doc, lex, context, found["misaligned"])
    found["motivation"] = el.motivation(doc, lex)
    found["adaptability"] = el.adaptability(doc, lex)
    found["star_example"] = el.star_example(doc, lex)
    found["acknowledgement"] = el.acknowledgement(doc, lex)
    found["hedging"] = iss.hedging(doc, lex)
    found["filler"] = iss.filler(doc, lex)
    found["personal_gain"] = iss.personal_gain(doc, lex)
    found["negative_tone"] = iss.negative_tone(doc, lex)
    found["unrealistic"] = iss.unrealistic(doc, lex, context, refs)
    # Targets are the speaker's own: a sister's ambition or a goal from years ago is no leap, no
    # money goal and no sign of leaving. Tone and delivery count wherever they are.
    for code in ("unrealistic", "misaligned", "personal_gain"):
        found[code] = [s for s in found[code] if clauses.own_goal(s.start)]
    # An over-ambitious job title is still a named target; "the best in the world" is not.
    named_leap = any(not re.search(r"best|number one|famous|millionaire|billionaire|world|rule",
                                   doc.folded[s.start:s.end]) for s in found["unrealistic"])
    # Elements count only in the speaker's own goals meant now or later; a past example and the
    # re-framing move are judged as they are.
    raw = {code: list(found[code]) for code in ELEMENTS}
    for code in ELEMENTS:
        if code not in ("star_example", "acknowledgement"):
            found[code] = [s for s in found[code] if clauses.own_intent(s.start)]
    not_theirs = (notanswer.not_own(doc, clauses, raw, found) + notanswer.recited(doc, clauses) +
                  notanswer.only_past(doc, clauses, found))
    if not_theirs:
        found["star_example"] = []  # someone else's story, or the past told instead of a goal
    found["not_an_answer"] = (notanswer.placeholders(doc) + notanswer.repeated(doc) + not_theirs +
                              notanswer.invented(doc, lex))
    # a reason given for re-framing ("let me clarify, because I skipped a step") is not the goal's why
    ack_sentences = {doc.sentence_index(s.start) for s in found["acknowledgement"]}
    found["motivation"] = [s for s in found["motivation"] if doc.sentence_index(s.start) not in ack_sentences
                           or not doc.folded.startswith("because", s.start)]
    # Not an answer at all says more than "vague"; otherwise vague means no concrete target of the
    # speaker's own (a step word or a number does not make one).
    found["vague"] = [] if found["not_an_answer"] else iss.vague(
        doc, lex, named_leap, clauses, unnamed_is_vague=not (context and context.follow_up))
    stripped = len(text.rstrip())
    found["too_short"] = [Span(0, stripped)] if 0 < words < MIN_WORDS and stripped else []
    found["too_long"] = [Span(over_start, stripped)] if over_start is not None and over_start < stripped else []

    target = find_target(doc, clauses, context, frozenset(doc.sentence_index(s.start) for s in found["misaligned"]))
    expects_ack = bool(context and context.expects_acknowledgement)
    element_results: dict[str, ElementResult] = {}
    for code in ELEMENTS:
        spans = _clean(found[code], len(text))
        if spans:
            element_results[code] = ElementResult(True, spans)
        else:
            message, suggestion = element_advice(code, target)
            element_results[code] = ElementResult(False, [], message, suggestion,
                                                  expected=code != "acknowledgement" or expects_ack)

    issue_list: list[Issue] = []
    for code in ISSUES:
        spans = _clean(found[code], len(text))
        if code == "too_short" and words == 0:
            spans = []
        if not spans and not (code == "too_short" and 0 < words < MIN_WORDS):
            continue
        # the detector lists its strongest evidence first: the leap's job title, not the date beside it
        valid = set(spans)
        main = next((s for s in found[code] if s in valid), spans[0]) if spans else Span(0, len(text))
        message, suggestion = issue_advice(code, text, main.start, main.end, words, target,
                                           slots_key=context.slots_key if context else "")
        issue_list.append(Issue(code, main.start, main.end, message, suggestion, spans))
    issue_list.sort(key=lambda i: ISSUES.index(i.code))

    codes = [i.code for i in issue_list]
    present = [c for c in ELEMENTS if element_results[c].present]
    quality = quality_from(present, codes)
    fb = Feedback(
        text=text, words=words, speaking_seconds=round(words * 60 / WORDS_PER_MINUTE, 1),
        score=banded_score(quality, score_from(present, codes)), quality=quality,
        elements=element_results, issues=issue_list,
    )
    fb.priority = _priority(fb)
    _terms(fb, doc, lex, context)
    _insights(fb, doc, lex)
    return fb


def _priority(fb: Feedback) -> Priority | None:
    """One fix first: the most damaging issue, else the most valuable missing element."""
    chosen = priority_code(fb.issue_codes, fb.missing_elements)
    if chosen is None:
        return None
    code, kind = chosen
    if kind == "issue":
        issue = next(i for i in fb.issues if i.code == code)
        return Priority(code, kind, issue.message, issue.suggestion, issue.start, issue.end)
    er = fb.elements[code]
    return Priority(code, kind, er.message, er.suggestion)


def _terms(fb: Feedback, doc: Doc, lex: lexicon.Lexicon, context: Context | None) -> None:
    if context is None:
        return
    seen: set[str] = set()
    company = (context.company or "").strip()
    for term in (*context.terms, company, context.role or ""):
        key = term.strip().lower()
        if not key or key in seen:
            continue
        seen.add(key)
        # The organisation counts as named by any of its short forms too ("St Mary's"), and only
        # as a name: "Next" is not named by "the next two years".
        is_company = term.strip() == company
        find = el.find_name if is_company else el.find_term
        said = [term.strip(), *(context.company_aliases if is_company else ())]
        used = any(find(doc, lex, name) for name in said)
        (fb.terms_used if used else fb.terms_missed).append(term.strip())


def _insights(fb: Feedback, doc: Doc, lex: lexicon.Lexicon) -> None:
    stop = lex.wordset("stopwords", "words")
    counts = Counter(w for _, w in doc.word_starts)
    ranked = [(w, c) for w, c in counts.items()
              if c >= 2 and len(w) >= 3 and w not in stop and not w.isdigit()]
    ranked.sort(key=lambda wc: (-wc[1], wc[0]))
    fb.top_words = ranked[:5]
    best: tuple[int, int, int] | None = None
    count = 0
    positions = [p for p, _ in doc.word_starts]
    for s, e in doc.sentences():
        n = bisect_left(positions, e) - bisect_left(positions, s)
        if n == 0:
            continue
        count += 1
        if best is None or n > best[2]:
            best = (s, e, n)
    fb.sentence_count = count
    if best:
        s, e, n = best
        e = s + len(doc.head[s:e].rstrip())
        fb.longest_sentence = Span(s, e)
        fb.longest_sentence_words = n
