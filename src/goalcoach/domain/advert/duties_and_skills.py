"""The key duties and skills an advert asks for: its bullet points under duty and skill headings,
labelled lists ("Essential: ..."), and "You will ..." sentences, cut to their noun phrases."""

from __future__ import annotations

import re

from goalcoach.domain.advert.lines import LABEL, Line, sentences
from goalcoach.domain.advert.phrases import NAMED_TAIL, compress, split_list, strip_verbs
from goalcoach.domain.advert.proposal import Item, item_at
from goalcoach.domain.advert.term_matching import STOP, norm_words
from goalcoach.domain.advert.vocabulary import DETERMINERS, JOB_NOUN, NOUN_TOO, VERB_STEMS, VERBS, words_of

MAX_TERMS = 15

GENERIC = set("""
experience degree education equivalent role job work years year ability skills skill team teams
environment discipline related field level etc candidate manner people way day days plus bonus
qualification qualifications something someone one own new graduates graduate bachelor's bachelor
master's masters degree-level impact responses opportunities head face store attitude approach
personality insights nights weekends shifts site sites these this those them it they
""".split())
_DAYS = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|nights?)\b", re.I)


PROSE_CUE = re.compile(
    r"\b(?:you will(?: also)?(?: need to)?|you'll(?: also)?|you must|we need someone who|"
    r"the ideal candidate (?:has|will have)|responsible for|essential that you have|duties include|"
    r"you should have|you need|we're looking for someone with|candidates? (?:will|should) have)\b\s*",
    re.I,
)
LIST_LABEL = re.compile(r"^(?:essential|desirable|behaviours|skills|requirements|competencies)\s*:\s*", re.I)
ENOUGH_FROM_LISTS = 8  # with this many from bullet lists, "You will help shape ..." prose adds only noise


def find_terms(lines: list[Line]) -> list[Item]:
    listed: list[tuple[int, str, str, int]] = []  # (rank, term, sentence, start)
    prose: list[tuple[int, str, str, int]] = []
    has_sections = any(line.heading in ("duties", "skills") for line in lines)
    for line in lines:
        if line.heading or line.section in ("other", "organisation"):
            continue
        if line.bullet and (line.section in ("duties", "skills") or not has_sections):
            rank = 1 if line.section == "skills" else 0
            for piece in re.split(r";\s*", line.text):
                listed += [(rank, part, line.text, line.start) for part in _phrases(piece)]
            continue
        label = LIST_LABEL.match(line.text)
        for sentence, start in sentences(line):
            if label:  # "Essential: Registered Nurse ... Good communication skills."
                body = sentence[label.end():] if start == line.start else sentence
                for piece in re.split(r";\s*", body):
                    listed += [(1, part, sentence, start) for part in _phrases(piece)]
                continue
            if LABEL.match(sentence):
                continue
            m = PROSE_CUE.search(sentence)
            skills = line.section in ("duties", "skills") and re.search(r"\bskills?\b", sentence, re.I)
            if not m and not skills:
                continue
            body = sentence[m.end():] if m else sentence
            into = listed if line.section in ("duties", "skills") and has_sections else prose
            for clause in re.split(r";\s*|,?\s+(?=and (?:be|have)\b)", body):
                into += [(2, part, sentence, start) for part in _phrases(clause)]
    candidates = listed if len(_unique(listed)) >= ENOUGH_FROM_LISTS else listed + prose
    seen: set[str] = set()
    out: list[Item] = []
    for _, term, sentence, start in sorted(candidates, key=lambda c: c[0]):
        key = " ".join(norm_words(term))
        if key in seen or not _worth_keeping(term):
            continue
        seen.add(key)
        out.append(item_at(term, sentence, start))
        if len(out) == MAX_TERMS:
            break
    return out


def _unique(candidates: list[tuple[int, str, str, int]]) -> set[str]:
    return {" ".join(norm_words(c[1])) for c in candidates if _worth_keeping(c[1])}


# Only base forms and -ing start a duty ("and assess its impact"), never "and reports for ...";
# a word that is a noun too only with an object after it ("and plan the rota", not "and design to ...").
_DUTY_VERBS = {v for v in VERBS if v in VERB_STEMS or v.endswith("ing")} - NOUN_TOO
_VERB_ALT = "|".join(sorted(_DUTY_VERBS, key=len, reverse=True)) + rf"|(?:{'|'.join(sorted(NOUN_TOO))})(?=\s+{DETERMINERS}\b)"
# A new duty starts at a comma or "and" followed by a verb: "organise rotas, run training and keep ...".
_NEXT_DUTY = re.compile(rf",\s*(?:and\s+)?(?=(?:{_VERB_ALT})\s)|\s+and\s+(?=(?:{_VERB_ALT})\s)|"
                        rf"\s+(?=(?:producing|following|covering|ensuring)\s)", re.I)


def _phrases(clause: str) -> list[str]:
    """The key noun phrases in one bullet or clause."""
    clause = strip_verbs(re.sub(r"^(?:you will|you'll|also|be|being)\s+", "", clause.strip(), flags=re.I))
    out: list[str] = []
    for duty in _NEXT_DUTY.split(clause):
        duty = duty.strip()
        named = [n for m in NAMED_TAIL.finditer(duty) if compress(duty[: m.start()]) for n in split_list(m.group(1))]
        for m in re.finditer(r"\s(?:across|including|such as)\s+([^.]*,[^.]*)$", duty):
            named += split_list(m.group(1))
        pieces = split_list(duty) if "," in duty else [duty]  # before any cut: "X with Y, A, B and C"
        cores = [part for piece in pieces for part in split_list(compress(piece)) if part]
        for part in cores + named:
            part = compress(part)
            # "safe, legal and compliant": a lone adjective from a list is no skill
            if part and not (" " not in part and re.search(r"(?:al|ant|ent|ive|ous|ible|able|ful)$", part)):
                out.append(part)
    return out


def _worth_keeping(term: str) -> bool:
    words = [w.lower() for w in words_of(term)]
    parts = [p for w in words for p in w.split("-") if p]
    if not words or len(words) > 6:
        return False
    noun = lambda p: p in NOUN_TOO and (p.endswith("ing") or p == "research")  # noqa: E731
    if all(p in GENERIC or (p in VERBS and not noun(p)) or p in STOP or p.isdigit() for p in parts):
        return False
    if re.search(r"[£$€%]|\d{3,}|\b\d+k\b|\bper (?:hour|annum|year)\b|\bsalary\b|\bholiday\b", term, re.I):
        return False
    if len(words) == 1 and words[0].endswith("ed"):
        return False
    if term.istitle() and JOB_NOUN.search(term):
        return False  # "Head of Marketing": whom the job reports to
    return not _DAYS.search(term) and not term.lower().endswith(("manner", "attitude", "approach", "personality"))
