"""Read a job advert and propose a target: organisation, job title, stage, values, mission and
the key skills and duties an answer should connect to, each with the sentence it came from.

Never imports textual; no network. Hand-written rules on the advert's own structure (labelled
fields, headings, bullets, "You will ..." sentences): keyword statistics rank frequent words, but
an advert's duties are its bullet points, each said once.

Offsets are into `Proposal.text`: the advert with HTML, control characters and odd whitespace
tidied, which is what the person is shown.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from goalcoach.textsafety import clean_text

MAX_BYTES = 1_000_000  # a long advert is ~20 kB; anything near a megabyte is the wrong file
MAX_TERMS = 15
MIN_WORDS = 25


class AdvertError(ValueError):
    """The input cannot be read as an advert; the message is one line, for the person."""


@dataclass(frozen=True)
class Item:
    """One proposed part of the target and the sentence it came from ([start, end) in the text)."""

    text: str
    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "sentence": self.sentence, "span": [self.start, self.end]}


@dataclass
class Proposal:
    text: str
    organisation: Item | None = None
    title: Item | None = None
    stage: Item | None = None
    mission: Item | None = None
    values: list[Item] = field(default_factory=list)
    terms: list[Item] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        one = lambda item: item.to_dict() if item else None  # noqa: E731
        return {
            "organisation": one(self.organisation),
            "title": one(self.title),
            "stage": one(self.stage),
            "mission": one(self.mission),
            "values": [v.to_dict() for v in self.values],
            "terms": [t.to_dict() for t in self.terms],
        }


# -- reading ---------------------------------------------------------------------------------
def decode(data: bytes) -> str:
    """The advert's text from a file's bytes, or AdvertError saying in one line why not."""
    if not data.strip():
        raise AdvertError("the advert is empty")
    if len(data) > MAX_BYTES:
        raise AdvertError(f"the advert is {len(data) // 1_000_000 or 1} MB; paste only the advert (under 1 MB)")
    if b"\x00" in data[:8192]:
        raise AdvertError("that is a binary file, not an advert's text (save the advert as plain text)")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


_BLOCK_TAG = re.compile(r"<\s*(?:br|/p|/div|/h[1-6]|/li|/ul|/ol|/tr|p|div|h[1-6]|ul|ol|tr)\b[^>]*>", re.I)
_LI_TAG = re.compile(r"<\s*li\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]{0,500}>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)


def tidy(text: str) -> str:
    """Plain lines: no tags, entities, control characters, tabs or runs of spaces and blank lines."""
    text = clean_text(text).replace("\r\n", "\n").replace("\r", "\n")
    if _ANY_TAG.search(text):
        text = _SCRIPT.sub(" ", text)
        text = _LI_TAG.sub("\n- ", text)
        text = _BLOCK_TAG.sub("\n", text)
        text = _ANY_TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    text = text.replace("\u00a0", " ").replace("\t", " ")
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# -- lines and sentences ---------------------------------------------------------------------
_BULLET = re.compile(r"^(?:[-*•·‣▪◦●○→➜➤►>–—+]|\d{1,2}[.)]|\(?[a-z][.)])\s+")
_LABEL = re.compile(r"^([A-Za-z][A-Za-z ]{1,30}?)\s*:\s*(\S.*)$")
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+(?=\s|$)|$)")

HEADING_KINDS = (
    ("duties", r"responsibilit|the programme|the program\b|duties|what you'?ll do|what you will (?:do|be doing)|what will you do|you will\b|"
               r"key tasks|essential functions|the role|role overview|about the role|the job|your role|"
               r"what you'?ll be doing|day to day|position summary|the opportunity"),
    ("skills", r"about you|person spec|requirements|qualifications|looking for|what we need|you have|"
               r"essential|desirable|criteria|skills|experience|ideal candidate|who you are|you'?ll (?:need|bring)"),
    ("organisation", r"about us|who we are|our values|how we work|about [A-Z]|our mission|our story|culture"),
    ("other", r"benefits|perks|what we offer|salary|pay|how to apply|apply|compensation|package|"
              r"closing|location|hours|contract|equal opportunit"),
)


@dataclass
class Line:
    text: str  # without any bullet mark
    start: int  # offset of text in the tidied advert
    bullet: bool
    heading: str | None  # the kind of heading this line is, if it is one
    section: str  # the kind of the heading above it ("" before the first)


def _heading_kind(text: str, bullet: bool) -> str | None:
    words = text.rstrip(":").split()
    if bullet or not words or len(words) > 7 or text.endswith((".", ",")) or _LABEL.match(text):
        return None
    for kind, pattern in HEADING_KINDS:
        if re.search(pattern, text, re.I):
            return kind
    return None


def lines_of(text: str) -> list[Line]:
    out: list[Line] = []
    section = ""
    offset = 0
    for raw in text.split("\n"):
        start = offset
        offset += len(raw) + 1
        if not raw.strip():
            continue
        mark = _BULLET.match(raw)
        body = raw[mark.end():] if mark else raw
        start += mark.end() if mark else 0
        kind = _heading_kind(body, bool(mark))
        if kind:
            section = kind
        # "As Lead Data Analyst you will:" opens a list of duties too.
        elif body.endswith(":") and re.search(r"\byou(?:'ll| will)\b", body, re.I):
            section = kind = "duties"
        out.append(Line(body, start, bool(mark), kind, section))
    return out


def sentences(line: Line) -> Iterable[tuple[str, int]]:
    for m in _SENTENCE.finditer(line.text):
        piece = m.group().strip()
        if piece:
            yield piece, line.start + m.start() + (len(m.group()) - len(m.group().lstrip()))


# -- words -----------------------------------------------------------------------------------
_VERB_STEMS = """
research analyse analyze draft lead monitor work support assess plan deliver evaluate administer keep
recognise recognize escalate supervise design build own improve write review ship manage create run
reduce coach develop prepare present help define prioritise prioritize conduct collaborate mentor
recruit schedule coordinate co-ordinate track organise organize set assure advise pick pack
load unload scan check operate publish apply contribute take carry install complete read hold study
train handle maintain produce ensure provide oversee establish identify implement launch
drive grow deal respond answer process follow report liaise attend act use make promote
inform meet gather collect test inspect serve sell clean cook teach assist arrange negotiate
update share shape explain join control summarise summarize do be have is are get give lead need
""".split()


def _forms(verb: str) -> set[str]:
    """The verb forms an advert uses: 'manage', 'manages', 'managing', 'managed'; 'plan', 'planning'."""
    stem = verb[:-1] if verb.endswith("e") and verb not in ("be", "see") else verb
    forms = {verb, verb + "s", verb + "es", stem + "ing", stem + "ed", verb + "ing"}
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", verb):  # plan -> planning, ship -> shipping
        forms |= {verb + verb[-1] + "ing", verb + verb[-1] + "ed"}
    return forms


VERBS = set().union(*(_forms(v) for v in _VERB_STEMS))
# Words that are nouns as often as verbs: a verb only when an object follows ("research data"),
# a noun before a preposition or the end ("research in journals").
NOUN_TOO = {"research", "report", "support", "plan", "review", "work", "test", "process", "design", "schedule",
            "check", "help", "lead", "training", "testing", "teaching", "planning", "reporting", "budgeting",
            "forecasting", "marketing", "programming", "scheduling", "safeguarding", "accounting", "building",
            "cleaning", "cooking", "finding", "monitoring", "writing", "copywriting", "reading"}
DETERMINERS = r"(?:the|our|your|a|an|its|their|all|any|new|clear|accurate)"
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


GENERIC = set("""
experience degree education equivalent role job work years year ability skills skill team teams
environment discipline related field level etc candidate manner people way day days plus bonus
qualification qualifications something someone one own new graduates graduate bachelor's bachelor
master's masters degree-level impact responses opportunities head face store attitude approach
personality insights nights weekends shifts site sites these this those them it they
""".split())
_DAYS = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|nights?)\b", re.I)
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#/&'’.-]*")


def _words(text: str) -> list[str]:
    return [w.strip(".'’") for w in _WORD.findall(text)]


def _strip_verbs(phrase: str) -> str:
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
        phrase = LEADING.sub("", _strip_verbs(phrase)).strip()
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


def _worth_keeping(term: str) -> bool:
    words = [w.lower() for w in _words(term)]
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


# -- the parts -------------------------------------------------------------------------------
ORG_LABELS = r"company|organi[sz]ation|employer(?: name)?|department|hiring organi[sz]ation|agency|business|trust|school"
TITLE_LABELS = r"job title|title|position|role|vacancy|job"
ORG_SUFFIX = re.compile(
    r"\b(?:ltd|limited|plc|inc|llc|llp|corp(?:oration)?|co|group|council|trust|university|college|"
    r"foundation|network|charity|partnership|agency|department|ministry|authority|services|solutions|"
    r"logistics|hospitals?|bank|school|academy|society|association|institute|ventures|labs?)\.?$",
    re.I,
)
JOB_NOUN = re.compile(
    r"\b(?:manager|officer|engineer|developer|nurse|analyst|lecturer|professor|executive|coordinator|"
    r"co-ordinator|operative|electrician|plumber|carpenter|technician|programme|program|graduate|assistant|"
    r"designer|director|lead|head|consultant|specialist|administrator|adviser|advisor|teacher|chef|cook|"
    r"driver|worker|clerk|associate|intern|apprentice|scientist|accountant|architect|researcher|fellow|"
    r"supervisor|representative|agent|editor|writer|therapist|doctor|pharmacist|midwife|surveyor|"
    r"receptionist|cashier|partner|planner|owner|tester|practitioner|instructor|tutor|librarian|"
    r"mechanic|builder|labourer|cleaner|porter|carer|steward|buyer|producer|secretary|paralegal|solicitor)s?\b",
    re.I,
)
# The stage a title says ("Senior Product Manager") and the stage a sentence says ("an entry-level role").
TITLE_STAGE = (
    ("senior", re.compile(r"\b(?:senior|principal|head of|director|chief|vp)\b", re.I)),
    ("entry", re.compile(r"\b(?:junior|graduate|apprentice(?:ship)?|trainee|intern(?:ship)?)\b", re.I)),
)
TEXT_STAGE = (
    ("senior", re.compile(r"\bsenior\s+(?:[\w-]+\s+){0,2}(?:role|position|post|appointment)\b|"
                          r"\bsenior[- ]level\b", re.I)),
    ("entry", re.compile(r"\bentry[- ]level\b|\bgraduate (?:scheme|programme|program|role|job|position)\b|"
                         r"\bno (?:previous |prior )?(?:\w+ )?experience (?:is )?(?:needed|required|necessary)\b|"
                         r"\byour first job\b|\bperfect for (?:a|your) first job\b|\bschool leavers?\b", re.I)),
    ("mid", re.compile(r"\bmid[- ](?:level|career|weight)\b|\bintermediate[- ]level\b", re.I)),
    ("switcher", re.compile(r"\bcareer (?:changers?|switchers?) (?:are )?(?:welcome|encouraged)\b", re.I)),
)
VALUE_CUE = re.compile(
    r"(?i:\bour (?:core |company )?values(?: are)?|\bvalues are|\bwe value|\bwe care about|\bguided by|"
    r"\bpride ourselves on|\blive by our (?:core )?values|\bbuilt on|\bwe believe in|\bwe stand for|"
    r"\bour principles(?: are)?|\bwe prize)|\b(?:[A-Z]\w*\s){1,3}values(?= [a-z])"
    r"\s*:?\s*",
)
MISSION_CUE = re.compile(r"\b(?:mission|purpose|vision|we believe|dedicated to|committed to|exists? to)\b", re.I)
NOT_TITLE = re.compile(r"^(?:job summary|job description|about|overview|summary|vacancy|apply|ref\b)", re.I)


def _item(text: str, sentence: str, start: int) -> Item:
    return Item(text.strip(), sentence, start, start + len(sentence))


def _title_case(text: str) -> str:
    """'STORE MANAGER' -> 'Store Manager'; mixed case is the advert's own and stays."""
    if text.isupper() and len(text) > 4:
        return " ".join(w if len(w) <= 3 and w.isalpha() and w in ("NHS", "UK", "US", "IT", "HR", "PR") else w.capitalize()
                        for w in text.split())
    return text


def _clean_name(text: str) -> str:
    text = re.sub(r"""^[^\w(\["'“‘]+""", "", text).strip()  # emoji and bullets, not brackets
    text = re.sub(r"\s+(?:wanted|required|needed|vacancy|opportunity)!?$", "", text, flags=re.I)
    text = text.strip(" -–—|:,")
    if text.endswith(".") and not re.search(r"\b(?:Inc|Ltd|Co|Corp|Plc|LLC|S\.A|N\.V)\.$", text, re.I):
        text = text[:-1]
    return _title_case(text)


def find_organisation(lines: list[Line]) -> Item | None:
    for line in lines[:40]:  # a labelled field: "Company: Loopwise"
        m = _LABEL.match(line.text)
        if m and re.fullmatch(ORG_LABELS, m.group(1).strip(), re.I) and len(m.group(2).split()) <= 8:
            return _item(_clean_name(m.group(2)), line.text, line.start)
    text = "\n".join(line.text for line in lines)
    for line in lines[:3]:  # "Head Chef - The Crown at Ashby": a name the advert uses again
        parts = re.split(r"\s+[-–—|]\s+", line.text)
        if len(parts) > 1 and JOB_NOUN.search(parts[0]):
            for part in parts[1:]:
                name = _clean_name(re.split(r"\s+(?:at|in)\s+|,\s*", part)[0])
                if name[:1].isupper() and not JOB_NOUN.search(name) and text.count(name) > 1:
                    return _item(name, line.text, line.start)
    for line in lines[:3]:  # "Backend Engineer @ Loopwise", "Volunteer Coordinator at Brightside ..."
        head = next(sentences(line), (line.text, line.start))[0]
        m = re.search(r"\s(?:@|at|with)\s+((?:[A-Z0-9&][\w&'’.,-]*\s?){1,6})", head)
        if m and JOB_NOUN.search(head[: m.start()]):
            return _item(_clean_name(m.group(1)), head, line.start)
    for line in lines[:8]:  # a short line that is a name: "Northfield City Council"
        for part in re.split(r"\s+[-–—|]\s+", line.text):
            part = _clean_name(part)
            place = re.match(r"^(.+?),\s*[A-Z][\w -]*$", part)  # "Willowbank Primary School, Hull"
            if place and ORG_SUFFIX.search(place.group(1)):
                part = place.group(1)
            if 1 <= len(part.split()) <= 8 and ORG_SUFFIX.search(part) and not JOB_NOUN.search(part) \
                    and part[:1].isupper() and not part.endswith(":"):
                return _item(part, line.text, line.start)
        if re.match(r"^(?:University|Department|Ministry|Office) (?:of|for) [A-Z]", line.text) and len(line.text.split()) <= 8:
            return _item(_clean_name(line.text), line.text, line.start)
    # Prose: "At Brightways, we ...", "Loopwise is on a mission ...", "Fernhill Outdoor makes ..."
    name = r"((?:[A-Z][\w&'’-]*|&)(?:\s(?:[A-Z][\w&'’-]*|&|of|for|and)){0,5})"
    for line in lines[:30]:
        for sentence, start in sentences(line):
            m = re.match(rf"^(?:At|Join)\s+{name},", sentence) or re.match(
                rf"^{name}\s+(?:is|are|makes|builds|provides|serves|runs|works|helps|has|delivers|moves)\b", sentence)
            if m and not re.match(r"^(?:We|You|Our|This|The|It|As|Are)\b", m.group(1)):
                return _item(_fuller(m.group(1).strip(), lines), sentence, start)
    return None


def _fuller(word: str, lines: list[Line]) -> str:
    """The name as a title line spells it out ('Brightways' -> 'Brightways Supermarkets')."""
    for line in lines[:5]:
        for part in re.split(r"\s+[-–—|@]\s+", line.text):
            if part.lower().startswith(word.lower()) and len(part.split()) <= 6 and not JOB_NOUN.search(part):
                return _clean_name(part)
    return word


def find_title(lines: list[Line], organisation: Item | None) -> Item | None:
    for line in lines[:40]:
        m = _LABEL.match(line.text)
        if m and re.fullmatch(TITLE_LABELS, m.group(1).strip(), re.I) and len(m.group(2).split()) <= 10:
            return _item(_clean_name(m.group(2)), line.text, line.start)
    org = organisation.text.lower() if organisation else None
    for line in lines[:8]:
        if line.bullet or NOT_TITLE.match(line.text) or _LABEL.match(line.text):
            continue
        head = next(sentences(line), (line.text, line.start))[0]
        head = re.split(r"\s(?:@|at)\s+[A-Z]", head)[0]
        parts = [p for p in re.split(r"\s+[-–—|]\s+", head) if p.strip()]
        job = [p for p in parts if JOB_NOUN.search(p) and (org is None or org not in p.lower())]
        if not job or len(job[0].split()) > 10:
            continue
        sentence = next(sentences(line), (line.text, line.start))[0]
        # "Band 5 Staff Nurse - Acute Medical Unit" is one title; "STORE MANAGER - BRIGHTWAYS" is two parts.
        key = org.removeprefix("the ").split()[0] if org else None
        if len(parts) > 1 and not any(key and key in p.lower() for p in parts):
            return _item(_clean_name(head.rstrip(".")), sentence, line.start)
        return _item(_clean_name(job[0]), sentence, line.start)
    for line in lines:  # prose: "We are looking for a Policy Officer to ..."
        m = re.search(r"\b(?:looking for|recruiting|seeking|seeks|hiring) (?:an? |our next )?((?:[A-Z][\w-]*\s?){1,5})", line.text)
        if m and JOB_NOUN.search(m.group(1)):
            return _item(m.group(1).strip(), line.text, line.start)
    return None


def find_stage(title: Item | None, lines: list[Line]) -> Item | None:
    """Only a stage the advert states; years of experience alone say too little."""
    if title is not None:
        for stage, rule in TITLE_STAGE:
            if rule.search(title.text):
                return _item(stage, title.sentence, title.start)
    for line in lines:
        for sentence, start in sentences(line):
            for stage, rule in TEXT_STAGE:
                if rule.search(sentence):
                    return _item(stage, sentence, start)
    return None


def find_values(lines: list[Line]) -> tuple[list[Item], Item | None]:
    values: list[Item] = []
    mission: Item | None = None
    for line in lines:
        for sentence, start in sentences(line):
            if mission is None and MISSION_CUE.search(sentence) and len(sentence.split()) >= 6:
                mission = _item(sentence.rstrip("."), sentence, start)
            m = VALUE_CUE.search(sentence)
            if not m:
                continue
            rest = re.split(r"[.;]\s|\.$", sentence[m.end():])[0]
            for part in split_list(rest) if ("," in rest or " and " in rest) else [rest]:
                part = re.sub(r"^(?:and|or)\s+", "", part.strip(" .:")).strip()
                part = TRAILING_CUT.sub("", part) if len(part.split()) > 3 else part
                if part and len(part.split()) <= 5 and not any(v.text.lower() == part.lower() for v in values):
                    values.append(_item(part, sentence, start))
    return values[:8], mission


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
            if _LABEL.match(sentence):
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
        key = " ".join(_norm_words(term))
        if key in seen or not _worth_keeping(term):
            continue
        seen.add(key)
        out.append(_item(term, sentence, start))
        if len(out) == MAX_TERMS:
            break
    return out


def _unique(candidates: list[tuple[int, str, str, int]]) -> set[str]:
    return {" ".join(_norm_words(c[1])) for c in candidates if _worth_keeping(c[1])}


# Only base forms and -ing start a duty ("and assess its impact"), never "and reports for ...";
# a word that is a noun too only with an object after it ("and plan the rota", not "and design to ...").
_DUTY_VERBS = {v for v in VERBS if v in _VERB_STEMS or v.endswith("ing")} - NOUN_TOO
_VERB_ALT = "|".join(sorted(_DUTY_VERBS, key=len, reverse=True)) + rf"|(?:{'|'.join(sorted(NOUN_TOO))})(?=\s+{DETERMINERS}\b)"
# A new duty starts at a comma or "and" followed by a verb: "organise rotas, run training and keep ...".
_NEXT_DUTY = re.compile(rf",\s*(?:and\s+)?(?=(?:{_VERB_ALT})\s)|\s+and\s+(?=(?:{_VERB_ALT})\s)|"
                        rf"\s+(?=(?:producing|following|covering|ensuring)\s)", re.I)


def _phrases(clause: str) -> list[str]:
    """The key noun phrases in one bullet or clause."""
    clause = _strip_verbs(re.sub(r"^(?:you will|you'll|also|be|being)\s+", "", clause.strip(), flags=re.I))
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


# -- spelling-blind comparison (used by the tests and to skip duplicates) ----------------------
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


def _norm_words(text: str) -> list[str]:
    return [norm_word(w) for w in _words(text) if w.lower() not in STOP]


def same_term(a: str, b: str) -> bool:
    """Both name the same thing: one's content words all appear in the other, and the shorter
    has two or more of them unless both have one."""
    wa, wb = set(_norm_words(a)), set(_norm_words(b))
    if not wa or not wb:
        return False
    small, big = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if not small <= big:
        return False
    return len(small) >= 2 or len(big) == 1 or len(small) == len(big)


# -- the whole proposal ----------------------------------------------------------------------
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
        name = organisation.text.split()[0].lower()
        terms = [t for t in terms if name not in t.text.lower()]
    if len(terms) < 3 or (title is None and organisation is None):
        found = "no duties or skills" if len(terms) < 3 else "no job title or employer"
        raise AdvertError(f"that does not read like a job advert: {found} found")
    stage = find_stage(title, lines)
    return Proposal(text, organisation, title, stage, mission, values, terms)


# -- saving what the person confirmed -----------------------------------------------------------
@dataclass
class Choice:
    """What the person kept of a proposal (edited text allowed); None or [] where they dropped it."""

    organisation: str | None = None
    title: str | None = None
    stage: str | None = None
    mission: str | None = None
    values: list[str] = field(default_factory=list)
    terms: list[Item] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.organisation or self.title or self.stage or self.mission or self.values or self.terms)


def target_changes(target: dict[str, Any], choice: Choice) -> dict[str, Any]:
    """The target section's fields to change so the coach uses what was confirmed.

    Values and duties join the target's terms (which the coach checks every answer for) without
    dropping terms the person typed; duties also keep their sentence, for practice follow-ups.
    """
    changes: dict[str, Any] = {}
    if choice.title:
        changes["role"] = choice.title.strip()
    if choice.organisation:
        changes["organisation"] = choice.organisation.strip()
    if choice.stage:
        changes["stage"] = choice.stage
    if choice.mission:
        changes["mission"] = choice.mission.strip()
    if choice.values:
        changes["values"] = [v.strip() for v in choice.values if v.strip()]
    if choice.terms:
        changes["duties"] = [{"term": t.text.strip(), "sentence": t.sentence} for t in choice.terms if t.text.strip()]
    added = [*changes.get("values", []), *(d["term"] for d in changes.get("duties", []))]
    if added:
        terms = [str(t) for t in target.get("terms") or [] if str(t).strip()]
        known = {t.strip().lower() for t in terms}
        for term in added:
            if term.lower() not in known:
                known.add(term.lower())
                terms.append(term)
        changes["terms"] = terms
    return changes


def duty_follow_ups(target: dict[str, Any], limit: int = 3) -> list[str]:
    """Follow-up questions from the advert's duties saved in the target, in the advert's order:
    'The advert mentions stakeholder reporting: how does that fit your plans?'."""
    questions: list[str] = []
    for duty in target.get("duties") or ():
        term = str(duty.get("term") if isinstance(duty, dict) else duty or "").strip()
        question = f"The advert mentions {term}: how does that fit your plans?"
        if term and question not in questions:
            questions.append(question)
        if len(questions) == limit:
            break
    return questions
