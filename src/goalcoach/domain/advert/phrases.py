"""A bullet or clause cut to its key noun phrases: no leading verbs or words of praise, no
trailing purpose, and lists split into their items."""

from __future__ import annotations

import re

from goalcoach.domain.advert.vocabulary import DETERMINERS, NOUN_TOO, VERBS

LEADING = re.compile(
    r"^(?:(?:an?|the|your|our|its|their|some|several|proven|demonstrable|strong|excellent|good|great|solid|"
    r"sound|clear|accurate|timely|effective|high[- ]quality|confident|confidence|comfortable|happy|keen|"
    r"experience|experienced|knowledge|understanding|awareness|proficiency|ability|able|willingness|"
    r"capacity|track record|record|familiarity|evidence|expertise|working|basic|full|current|relevant|"
    r"previous|closely|also|from|\d+\+?(?:\s?-\s?\d+)? years?(?: of)?|years|of|in|with|to|as|on|at|for|using|"
    r"and|or|an?\b)\s+)+",
    re.I,
)
_CUT_WORDS = (r"to (?!detail|date\b|end\b)|for|in line with|in|using|within|"
              r"across|from|with|at|on|by|including|so|that|which|who|where|when|every|into|such as|e\.g\.|"
              r"is a|are a|a plus|is a plus|appropriate|if|as|or (?:a )?similar|or equivalent|via|through")
TRAILING_CUT = re.compile(rf"\s+(?:{_CUT_WORDS}|up to date)\b.*$", re.I)
# A named tool after "in", "using", "with" is a term of its own: "build APIs in Python and Go".
NAMED_TAIL = re.compile(r"\s(?:in|using|with|via)\s+((?:[A-Z]|\d)[\w+#/.-]*(?:[\s,]+(?:and\s+|or\s+)?[A-Z][\w+#/.-]*)*)")
# "a strong grounding in statistics", "modules in data science": the thing is after "in".
HEAD_IN = re.compile(r"^(?:[\w-]+\s)?(?:grounding|background|skills?|experience|modules?|courses?|expertise|"
                     r"knowledge|proficiency|training|interest|qualifications?)\s+(?:in|of|with)\s+(.+)$", re.I)
TRAILING_GENERIC = re.compile(r"\s+(?:role|roles|position|environment|qualifications?|background)$")
# "Python skills", "copywriting skills", "Spanish language skills": the skill is the thing itself;
# "communication skills" and "organisational skills" are what adverts call them.
SKILL_OF = re.compile(r"^((?:[A-Z][\w+#/.-]*|\w+ing))\s+(?:language\s+)?skills$")


def strip_verbs(phrase: str) -> str:
    """'Lead, coach and develop your management team' -> 'your management team'."""
    words = phrase.split()
    i = 0
    while i < len(words) - 1:
        w = words[i].lower().strip(",;:")
        after = words[i + 1].lower().strip(",;:")
        if words[i][:1].isupper() and words[i + 1][:1].isupper():
            break  # a name: "Making Effective Decisions"
        if w in NOUN_TOO and (after in ("in", "of", "to") or i > 0 and after in ("on", "for", "at")):
            break
        # "doing testing and inspection", "reading progress": an -ing noun unless an object follows
        if w.endswith("ing") and w in NOUN_TOO and not re.fullmatch(DETERMINERS, after):
            break
        if w in VERBS or (i > 0 and w in ("and", "or", "&", "out", "up", "on", "with", "to", "off")):
            i += 1
            continue
        break
    return " ".join(words[i:])


def compress(phrase: str) -> str:
    """A bullet or clause cut to its key noun phrase: no leading verbs, words of praise or
    trailing purpose ('to inform ...', 'for councillors')."""
    if re.match(r"(?:proven |previous )?experience as\b|(?:how|what|why|whether|where|when)\b", phrase.strip(), re.I):
        return ""  # a job held before, or a clause about the organisation: not a skill
    phrase = re.sub(r"\((?:or |e\.g\.|i\.e\.|see )[^)]*\)|\([^)]{13,}\)", "", phrase)
    phrase = re.sub(r"\s+", " ", phrase).strip(" .;:,!*")
    for _ in range(4):
        before = phrase
        phrase = LEADING.sub("", strip_verbs(phrase)).strip()
        phrase = re.sub(r"^(?:delivery|use|range|number|variety|part|member|operation|team|group) of "
                        r"(?:the |our |a |over |around |about |up to |\d+ |two |three |four |five |six |eight |ten )*", "", phrase, flags=re.I)
        m = HEAD_IN.match(phrase)
        if m:
            phrase = m.group(1)
        if phrase == before:
            break
    phrase = TRAILING_CUT.sub("", phrase).strip(" ,;:-")
    phrase = re.sub(r"\s+\w+ly$", "", phrase)  # "medicines safely"
    phrase = re.sub(r"^\w+ly\s+", "", phrase)  # "fully funded"
    phrase = re.sub(rf"^{DETERMINERS}\s+", "", phrase, flags=re.I)
    if len(phrase.split()) > 1:
        phrase = SKILL_OF.sub(r"\1", TRAILING_GENERIC.sub("", phrase))
    return phrase.strip(" ,;:-")


def _size(text: str) -> int:
    return len(compress(text).split())


def split_list(phrase: str) -> list[str]:
    """'new installations, rewires and fault finding' -> three; 'sales and profit targets' stays one;
    'organisational skills and attention to detail', 'Docker and CI/CD pipelines' -> two each."""
    if "," in phrase:
        parts = re.split(r",\s*(?:and\s+|or\s+)?", phrase)
        if not re.match(r"(?:including|such as|e\.g\.|i\.e\.)\s", parts[-1]):
            parts[-1:] = re.split(r"\s+(?:and|or)\s+", parts[-1], maxsplit=1)  # "..., rewires and fault finding"
        # "..., including housing associations": examples, not the thing itself
        return [p for p in (s.strip() for s in parts) if p and not re.match(r"(?:including|such as|e\.g\.|i\.e\.)\s", p)]
    m = re.search(r"\s+(?:and|or|&)\s+", phrase)
    if m:
        left, right = phrase[: m.start()], phrase[m.end():]
        sizes = (_size(left), _size(right))
        named = left[:1].isupper() and len(left.split()) == 1 and not left.endswith("ing")
        if named or sizes[0] >= 2 or sizes == (1, 1) and m.group().strip() != "or" and not left[:1].isupper():
            return [left, right]
    return [phrase]
