"""Clauses: who is speaking about whom, whether it is negated, and whether it is meant now.

An answer is cut into sentences (full stops, line breaks, bullets) and each sentence into
clauses (commas, dashes, "but", "then", "and", "because" ...). Each clause gets:

- speaker: "self" (I/we, or no subject of its own after an I/we clause), or "other"
  (he/she/they, a named relative or mentor, "you" in advice, a job advert's "the candidate");
- mode: "intent" (now or later), "past" or "hypothetical";
- negated: the speaker's own goal or step is denied ("I have no long-term goal",
  "I won't take any courses").

Elements count only in the speaker's own, non-negated intent; issues come from anywhere.
All offsets index the folded text, which has the answer's offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

# Bullets and line breaks end a sentence as a full stop does, so a bulleted plan is read line by line.
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?:\s+|$)|\n\s*(?:[-*\u2022\u2023\u25aa>]+\s*|\d+[.)]\s+)?")
_PUNCT_BREAK = re.compile(r"[,;:()\u2014\u2013]|\s-\s")
_BREAK_WORDS = frozenset("but then after thereafter whereas while although though because since so and or which who "
                         "where when until once".split())
_NOT_AFTER_THEN = frozenset(("back", "by", "until", "since", "and"))


def _breaks(folded: str, words: list[tuple[int, str]]) -> list[int]:
    """Where clauses start: punctuation, a dash between spaces, or a joining word ("but", "then",
    "after that", "because" ...); "back then" and "by then" stay in their clause."""
    out = [m.start() if m.group() in ",;:()\u2014\u2013" else m.start() + 1 for m in _PUNCT_BREAK.finditer(folded)]
    for i, (pos, w) in enumerate(words):
        if w not in _BREAK_WORDS:
            continue
        if w == "then" and i and words[i - 1][1] in _NOT_AFTER_THEN:
            continue
        if w == "after" and not (i + 1 < len(words) and words[i + 1][1] == "that"):
            continue
        out.append(pos)
    out.sort()
    return out

_SELF = re.compile(r"\b(?:i|i'm|im|i'd|id|i'll|ill|i've|ive|me|my|myself|we|we're|we'll|we'd|we've|our|us)\b")
_OTHER_PERSON = (r"(?:he|she|they|he's|she's|they're|his|her|their|him|them|"
                 r"(?:my|our|a|the)\s+(?:\w+\s+)?(?:sister|brother|mother|mum|mom|father|dad|parents?|"
                 r"friend|partner|husband|wife|cousin|uncle|aunt|mentor|colleague|flatmate|son|daughter|"
                 r"manager|boss|tutor|teacher|lecturer|coach|friend's)|"
                 r"the\s+(?:successful\s+)?(?:candidate|applicant|post-?holder|jobholder)|"
                 r"candidates|applicants|people|most\s+people|everyone|anyone|someone)")
_OTHER_PRONOUN = re.compile(r"(?<![\w'])(?:he|she|they|he's|she's|they're|he'd|she'd|they'd|he'll|she'll|"
                            r"they'll|(?:his|her|their)\s+(?:\w+\s+)?(?:goal|goals|plan|plans|aim|ambition|dream|"
                            r"target|career|priority))\b")
_OTHER_SUBJECT = re.compile(rf"(?<![\w']){_OTHER_PERSON}(?:'s)?\s+(?:(?:\w+ly|once|always|never|often|also|just|even|still)\s+)?"
                            r"(?:says|said|wants|wanted|plans|planned|hopes|hoped|aims|aimed|is|was|has|had|"
                            r"will|would|'ll|'d|took|takes|loves|loved|likes|liked|thinks|thought|always|"
                            r"tells|told|goal|goals|dream|ambition|should|must|can|need|needs|intends|"
                            r"dreams|sees|saw|gets|got|became|becomes|did|does|moved|went|set|sets|"
                            r"'s|are|were|keeps|kept|recommends|recommended|advises|advised|suggests)\b")
# Both in one pass: where someone else is the subject.
_SOMEONE_ELSE = re.compile(f"(?:{_OTHER_PRONOUN.pattern})|(?:{_OTHER_SUBJECT.pattern})")
# Advice addressed to "you", or about how to answer: recited, not the speaker's own.
_ADVICE = re.compile(
    r"\byou\s+(?:should|shouldn't|need\s+to|must|have\s+to|want\s+to|can|could|might\s+want|'ll\s+want|"
    r"ought|are\s+expected|will\s+be|'ll\s+be|will\s+need)\b|"
    r"\b(?:best|right|good|ideal)\s+way\s+to\s+(?:answer|respond|approach\s+this)|\ba\s+(?:good|strong|great)\s+"
    r"answer\b|\binterviewers?\s+(?:want|like|look|expect)|\bthe\s+(?:ideal|successful)\s+candidate\b|"
    r"\b(?:always|never|don't|do\s+not)\s+(?:mention|talk\s+about|say|bring\s+up)\b|\bthe\s+advice\s+is\b|"
    r"\bkeep\s+it\s+(?:under|short|brief)\b|\bthe\s+key\s+(?:to|is)\b|\bif\s+you(?:'re|\s+are)?\b|"
    r"\b(?:a|the)\s+(?:strong|good|great|successful|ideal)\s+(?:candidate|applicant|trainee)s?\b|"
    r"\bfor\s+the\s+right\s+(?:person|candidate)\b|"
    r"\b(?:successful\s+)?(?:candidates|applicants|trainees)\s+will\b|\b(?:is|are)\s+(?:looking|seeking|"
    r"hiring|recruiting)\s+(?:for\s+)?(?:a|an|career|graduates?|experienced|talented|motivated)\b|"
    r"\bto\s+join\s+our\b|\bfor\s+those\s+who\b|\byou\s+will\s+(?!be\s+(?:glad|pleased|happy))\w+|"
    r"\b(?:ideally|then)\s+you\s+\w+|\byou\s+(?:add|name|give|mention|say|show|explain|tie|link)\b|\bmake\s+sure\s+you\b|"
    r"\bwe\s+are\s+(?:looking|seeking|hiring)\b|\bwe're\s+(?:looking|seeking|hiring)\b|"
    r"\bwe\s+offer\b|\bresponsibilities\s+(?:include|will)\b|\bthe\s+role\s+(?:involves|requires|offers)\b|"
    r"\byou(?:\s+will|'ll)\s+(?:be\s+(?:responsible|working|joining|expected|leading)|join|report|manage|have\s+(?:a|the|experience))\b|\bapply\s+now\b|\brequirements?:|\bessential\s+(?:skills|criteria)\b|"
    r"\bdesirable\b|\bcompetitive\s+salary\b|\bjob\s+description\b|\bper\s+annum\b|\bclosing\s+date\b")

# Every advice or advert pattern contains one of these: without them the pattern cannot match.
_ADVICE_NEEDLES = ("you", "way to", "answer", "interviewer", "candidate", "applicant", "trainee", "mention",
                   "talk about", "say", "bring up", "advice", "keep it", "the key", "if you", "looking", "seeking",
                   "hiring", "recruiting", "join our", "those who", "we offer", "responsibilit", "the role",
                   "apply now", "requirement", "essential", "desirable", "competitive salary", "job description",
                   "per annum", "closing date", "make sure", "right person", "right candidate")
_PAST = re.compile(
    r"\b(?:was|were|had|did|used\s+to|back\s+then|at\s+the\s+time|in\s+those\s+days|"
    r"years?\s+ago|when\s+i\s+(?:was|left|started|joined|finished|graduated)|"
    r"at\s+(?:school|university|college|uni)\s+i|as\s+a\s+(?:child|kid|teenager|student)|"
    r"(?:my|the)\s+(?:old|original|first)\s+(?:goal|plan|ambition|dream)|in\s+the\s+past|"
    r"(?:i|we)\s+(?:(?:\w+ly|always|never|once|just|also|even|first)\s+)?(?:(?!(?:need|proceed|succeed|exceed|feed|embed)\b)\w{2,}ed|took|got|went|made|became|began|thought|knew|felt|saw|"
    r"set|spent|led|ran|built|won|wrote|taught|left|gave|said|told|chose|had|was|were|did))\b")
# Re-framing an earlier answer speaks of the goal now: "by moving up I was talking about a specialist post".
_CLARIFYING = re.compile(r"\b(?:i|what\s+i)\s+(?:was\s+(?:talking\s+about|referring\s+to|trying\s+to\s+say|"
                         r"getting\s+at)|meant|actually\s+meant)\b")
_INTENT = re.compile(
    r"\b(?:now|today|currently|next|will|want|wants|plan|planning|hope|hoping|hopefully|aim|aiming|intend|"
    r"going\s+to|would\s+like|'d\s+like|'d\s+love|i'd|i'll|id\s+like|looking\s+to|am|i'm|im|is|are|"
    r"from\s+here|this\s+year|these\s+days|i've|we've|have|has)\b")
# Each hypothetical pattern contains one of these (with single spaces, as typed almost always).
_HYPOTHETICAL_NEEDLES = ("if i", "if we", "were i", "had i", "would have", "would've", "parallel", "if money", "imagine if",
                         "pretend", *(f"{a} {b}" for a in ("another", "different", "ideal", "perfect")
                                      for b in ("life", "world", "universe")))
_HYPOTHETICAL = re.compile(
    r"\bif\s+(?:i|we)\s+(?:were|was|had)\b|\bwere\s+i\b|\bhad\s+i\b|\bwould\s+have\b|\bwould've\b|"
    r"\bin\s+(?:another|a\s+different|an\s+ideal|a\s+perfect|a\s+parallel)\s+(?:life|world|universe)\b|"
    r"\bif\s+i\s+(?:ever\s+)?(?:had|were\s+the\s+kind)\b|\bif\s+money\s+(?:were|was)\s+no\b|"
    r"\bif\s+(?:i|we)\s+(?:could|won\s+the\s+lottery)\b|\bimagine\s+if\b|\bpretend\b")
_NEGATED_GOAL = re.compile(
    r"\b(?:i|we)\s+(?:really\s+|honestly\s+|just\s+|certainly\s+)?"
    r"(?:do\s+not|don't|dont|won't|wont|will\s+not|am\s+not|'m\s+not|m\s+not|have\s+no|haven't\s+got|"
    r"never|cannot|can't\s+(?!wait)|shan't|wouldn't|would\s+not|didn't|did\s+not|have\s+not)\b|"
    r"\b(?:i'm|im)\s+not\b|\bno\s+(?:real\s+|particular\s+|specific\s+|clear\s+)?"
    r"(?:short|long|immediate|near|career|plans?|goals?|ambitions?|intention|interest|idea|desire)\b|"
    r"\bnot\s+(?:planning|going\s+to|interested|looking|bothered|fussed)\b|\bnothing\s+(?:planned|in\s+mind)\b|"
    r"\bneither\b|\bnor\b")
# Negations that do not deny the goal itself.
_NOT_A_DENIAL = re.compile(
    r"\b(?:can't|cannot)\s+wait\b|\bnot\s+only\b|\bno\s+longer\b|\bno\s+doubt\b|\bnot\s+just\b|"
    r"\bdon't\s+(?:want|intend|plan)\s+to\s+(?:leave|stay\s+still|stand\s+still|stagnate|move\s+on|"
    r"job-hop|quit|coast)|\bnever\s+(?:stop|stopped)\b|\bdon't\s+see\s+(?:this|it)\s+as\b|"
    r"\bwon't\s+be\s+(?:leaving|going\s+anywhere)\b|\bnot\s+(?:about|for)\s+(?:the\s+)?(?:money|pay|salary)\b|"
    r"\bwhether\s+or\s+not\b|\bnot\s+(?:a|the)\s+(?:stepping|short)|"
    r"\b(?:don't|do\s+not|didn't)\s+(?:know|mind|underestimate|forget)\b|\bnever\s+(?:lose|lost)\b|"
    r"\bnot\s+(?:afraid|scared)\b|\bnot\s+sure\b")


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    sentence: int
    speaker: str  # "self" or "other"
    mode: str  # "intent", "past" or "hypothetical"
    negated: bool
    advice: bool = False  # recited advice or a job advert, not an answer

    @property
    def own_intent(self) -> bool:
        return self.speaker == "self" and self.mode == "intent" and not self.negated and not self.advice


def sentence_starts(folded: str) -> list[int]:
    starts = [0]
    n = len(folded)
    for m in _SENTENCE_END.finditer(folded):
        if m.end() < n:
            starts.append(m.end())
    return starts


class _Hits:
    """Where one pattern matches in the whole text, so each clause looks its matches up by offset
    instead of searching again (an answer has dozens of clauses and a dozen patterns)."""

    def __init__(self, pattern: re.Pattern[str], text: str):
        self.starts = [m.start() for m in pattern.finditer(text)]

    def first(self, a: int, b: int) -> int | None:
        i = bisect_left(self.starts, a)
        return self.starts[i] if i < len(self.starts) and self.starts[i] < b else None


class _WordHits(_Hits):
    """The same for a class of words (and two-word phrases): read off the answer's word list."""

    def __init__(self, words: list[tuple[int, str]], singles: frozenset[str], pairs: frozenset[tuple[str, str]]):
        heads = {a for a, _ in pairs}
        last = len(words) - 1
        self.starts = [pos for i, (pos, w) in enumerate(words)
                       if w in singles or (w in heads and i < last and (w, words[i + 1][1]) in pairs)]


_SELF_CLASS = frozenset("i i'm im i'd id i'll ill i've ive me my myself we we're we'll we'd we've our us".split())
_INTENT_CLASS = frozenset("now today currently next will want wants plan planning hope hoping hopefully aim aiming see "
                          "intend i'd i'll we'd we'll i'm im am is are i've we've have has".split())
_FUTURE_TIME = re.compile(r"\b(?:in|within|over)\s+(?:the\s+next\s+|about\s+|around\s+)?[\w-]+\s+(?:years?|months?)\b"
                          r"(?!\s+ago)|\bnext\s+(?:year|month|spring|summer|autumn|winter|september|january)\b")
_INTENT_PAIRS = frozenset((("going", "to"), ("would", "like"), ("id", "like"), ("looking", "to"),
                           ("from", "here"), ("this", "year"), ("these", "days")))


def split_clauses(folded: str, starts: list[int], words: list[tuple[int, str]] | None = None) -> list[Clause]:
    out: list[Clause] = []
    ends = starts[1:] + [len(folded)]
    if words is None:
        words = [(m.start(), m.group()) for m in re.finditer(r"\w+(?:'\w+)*", folded)]
    hits = {name: _Hits(p, folded) for name, p in (
        ("other", _SOMEONE_ELSE), ("past", _PAST), ("negated", _NEGATED_GOAL))}
    hits["advice"] = _Hits(_ADVICE, folded if any(n in folded for n in _ADVICE_NEEDLES) else "")
    hits["self"] = _WordHits(words, _SELF_CLASS, frozenset())
    hits["intent"] = _WordHits(words, _INTENT_CLASS, _INTENT_PAIRS)
    # a time still ahead ("in five years I see myself ...") speaks of the future whatever the verb
    hits["intent"].starts = sorted(hits["intent"].starts + [m.start() for m in _FUTURE_TIME.finditer(folded)])
    # rarer patterns run only when a word they need is in the answer at all
    for name, pattern, needles in (("hypothetical", _HYPOTHETICAL, _HYPOTHETICAL_NEEDLES),
                                   ("clarifying", _CLARIFYING, ("meant", "talking about", "referring to", "trying to say",
                                                               "getting at")),
                                   ("denial", _NOT_A_DENIAL, ("not", "n't", "no ", "never", "whether"))):
        needed = name != "denial" or bool(hits["negated"].starts)
        hits[name] = _Hits(pattern, folded if needed and any(n in folded for n in needles) else "")
    breaks = _breaks(folded, words)

    def other(a: int, b: int) -> int | None:
        return hits["other"].first(a, b)

    for index, (s, e) in enumerate(zip(starts, ends)):
        if not folded[s:e].strip():
            continue
        advice_sentence = hits["advice"].first(s, e) is not None
        hypothetical = hits["hypothetical"].first(s, e) is not None
        bounds = [s]
        for x in breaks[bisect_left(breaks, s + 1):bisect_left(breaks, e)]:
            if x > bounds[-1]:
                bounds.append(x)
        bounds.append(e)
        speaker, mode = "self", "intent"
        # the main clause's subject speaks for the sentence: "where a friend is hiring" does not
        head_end = bounds[1] if len(bounds) > 2 else e
        own_first = hits["self"].first(s, head_end)
        other_first = other(s, head_end)
        sentence_other = other_first is not None and (own_first is None or other_first < own_first)
        if sentence_other:
            speaker = "other"
        for a, b in zip(bounds, bounds[1:]):
            piece = folded[a:b]
            if not piece.strip(" ,;:-"):
                continue
            own = hits["self"].first(a, b)
            someone = other(a, b)
            lead = _LEAD.match(piece)
            first, second = (lead.group(1), lead.group(2)) if lead else ("", None)
            reason = first in _REASON_WORDS or (first == "as" and second == "i")
            starts_self = first in _SELF_WORDS or (first in _LINK_WORDS and second in _SELF_WORDS)
            if reason or first in _SUBORDINATE_WORDS or (first == "as" and second == "soon"):
                pass  # "when they open recruitment in March" times the main clause's goal: same speaker
            elif someone is not None and (own is None or someone <= own):
                speaker = "other"
            elif own is not None and (starts_self or not sentence_other):
                speaker = "self"
            past = None if hits["clarifying"].first(a, b) is not None else hits["past"].first(a, b)
            intent = hits["intent"].first(a, b)
            if reason and out and out[-1].sentence == index:
                past = intent = None  # the reason for a goal is as current as the goal, whenever it happened
            # the first tense marker is the clause's own verb: "my goal was ..." vs "I want the role I held"
            if past is not None and (intent is None or past < intent):
                mode = "past"
            elif intent is not None or (starts_self and not reason):
                mode = "intent"  # a new I/we clause with no past verb speaks of now
            negated = (hits["negated"].first(a, b) is not None or
                       (first == "not" and second in ("a", "an", "the", "my"))) and \
                hits["denial"].first(max(0, a - 1), b) is None
            if not negated and out and out[-1].sentence == index and out[-1].negated and first in ("or", "nor"):
                negated = True  # "I won't take any courses or certifications": the list shares the denial
            out.append(Clause(a, b, index, speaker, "hypothetical" if hypothetical else mode,
                              negated, advice_sentence))
    return out


# A clause's first two words decide how it joins the one before.
_LEAD = re.compile(r"[\s,;:\-()\u2014\u2013]*([\w']+)(?:\s+([\w']+))?")
_SELF_WORDS = frozenset(("i", "i'm", "i'd", "i'll", "i've", "we", "my", "our"))
_LINK_WORDS = frozenset(("and", "but", "so", "then", "because", "since", "which", "while", "though", "although",
                         "once", "when"))
_REASON_WORDS = frozenset(("because", "cos", "coz", "cuz", "since"))
_SUBORDINATE_WORDS = frozenset(("when", "which", "where", "until", "once", "while", "who", "that", "whenever"))


def clarifying(text: str) -> bool:
    """'I was talking about ...', 'what I meant': the earlier answer re-framed, said now."""
    return _CLARIFYING.search(text) is not None


def _other(text: str) -> int | None:
    """Where someone else is the subject ("she wants", "my sister plans", "her goal"), if anywhere."""
    found = [m.start() for m in (_OTHER_PRONOUN.search(text), _OTHER_SUBJECT.search(text)) if m]
    return min(found) if found else None


class ClauseMap:
    """Clauses of one answer, looked up by offset."""

    def __init__(self, folded: str, starts: list[int], words: list[tuple[int, str]] | None = None):
        clauses = split_clauses(folded, starts, words)
        sentences = {c.sentence for c in clauses}
        advice = {c.sentence for c in clauses if c.advice}
        if sentences and len(advice) * 2 >= len(sentences):
            # mostly advice or a job advert: the rest of it is part of the recital too
            clauses = [Clause(c.start, c.end, c.sentence, c.speaker, c.mode, c.negated, True) for c in clauses]
        self.clauses = clauses
        self._starts = [c.start for c in self.clauses]

    def at(self, pos: int) -> Clause | None:
        i = bisect_right(self._starts, pos) - 1
        if i < 0:
            return None
        c = self.clauses[i]
        return c if pos < c.end or i == len(self.clauses) - 1 else c

    def own_intent(self, pos: int) -> bool:
        c = self.at(pos)
        return c is None or c.own_intent

    def own_goal(self, pos: int) -> bool:
        """The speaker's own, meant now, later or hypothetically (not someone else's, past or recited)."""
        c = self.at(pos)
        return c is None or (c.speaker == "self" and c.mode != "past" and not c.advice)

    def any_own_intent(self) -> bool:
        return any(c.own_intent for c in self.clauses)
