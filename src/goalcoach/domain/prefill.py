"""Pre-filling the answer builder's slots from the self-assessment, as grammatical sentences.

The template reads "Over the next {time_frame}, my goal is to {goal}. The part of the work that
draws me most is {area}, because {reason}. …", so each slot gets what fits its place in the
sentence, whatever the person typed:

- a time phrase leading or ending the goal ("Within 18 months, become …", "… by June 2027")
  moves into the time frame; otherwise the goal's Timeline field gives it; otherwise two years;
- lead-ins such as "I want to" or "My goal is to" are dropped from goals;
- the area is the field named in the role ("Clinical Informatics Analyst" → "clinical
  informatics", "Staff Nurse (Cardiology)" → "cardiology"), never the job title, its grade
  ("Band 7") or a bare place ("ward"); else the field a goal names ("a matron for acute
  medicine"); else it is left to the person;
- a bracketed note typed after a goal's full stop is left out, and typed stops are made single;
- the examples shown in empty slots come from the person's field of work when the content
  has examples for it.

Never imports textual; `today` is passed in so results do not depend on the clock.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Iterable, Mapping

from goalcoach.content.types import FieldExamples, Template

DEFAULT_TIME_FRAME = "two years"  # the near-term window when nothing more precise was typed

_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
).split()
_WORD_VALUE = {w: i for i, w in enumerate(_NUMBER_WORDS)} | {"a": 1, "an": 1, "a couple of": 2, "a few": 3}
_NUM = r"(?:\d{1,3}|a couple of|a few|an?|" + "|".join(_NUMBER_WORDS[1:]) + ")"
_MONTHS = ("january february march april may june july august september october november december").split()
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(_MONTHS)} | {"sept": 9}
_MONTH = r"(?:" + "|".join(_MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"

# "within 18 months", "in the next two years", "over the coming year", "18 months",
# and ranges: "in 3-5 years", "in 3–5 years", "in three to five years", "in 2 or 3 years"
_DURATION = re.compile(
    rf"(?:(?:with)?in|over|during|for)?\s*(?:the\s+)?(?:next|coming|following)?\s*(?P<n>{_NUM})?"
    rf"(?:\s*(?:-|–|—|to|or)\s*(?P<n2>{_NUM}))?[\s-]*"
    r"(?P<unit>months?|years?|yrs?)",
    re.I,
)
# "by June 2027", "by the end of 2027", "before spring 2028", "June 2027", "2027"
_DATE = re.compile(
    rf"(?:(?:by|before|until|in)\s+)?(?:the\s+)?(?:(?P<edge>end|start|beginning|middle)\s+of\s+)?"
    rf"(?:(?P<month>{_MONTH})\s+)?(?P<year>20\d\d)",
    re.I,
)
_RELATIVE = re.compile(r"(?:by\s+)?(?:the\s+end\s+of\s+)?(?P<which>next|this)\s+year", re.I)
_LEAD_INS = re.compile(
    r"^(?:(?:my|the|our)\s+(?:main\s+|first\s+|short[- ]term\s+|long[- ]term\s+)?(?:goal|aim|plan|ambition)\s+is\s+to|"
    r"i(?:\s+(?:want|would\s+like|plan|aim|hope|intend|expect|mean)|['’]d\s+like)\s+to|"
    r"i\s+will|i['’]ll|to)\s+",
    re.I,
)
_TITLE_WORDS = {
    "analyst", "manager", "engineer", "developer", "specialist", "coordinator", "co-ordinator", "assistant",
    "associate", "officer", "consultant", "director", "lead", "head", "designer", "administrator", "technician",
    "scientist", "architect", "intern", "trainee", "representative", "rep", "executive", "advisor", "adviser",
    "planner", "supervisor", "junior", "senior", "principal", "staff", "chief", "graduate", "apprentice",
    "assistant", "partner", "worker", "practitioner", "nurse", "teacher", "lecturer", "researcher", "programmer",
    "accountant", "auditor", "clerk", "agent", "operator", "owner", "expert", "i", "ii", "iii", "jr", "sr",
    "level", "entry", "mid", "of", "and", "&", "for", "in", "the", "a", "an", "-", "–",
}

# A grade in a job title: "Band 7", "(Band 6)", "AfC band 8a", "Grade 3", "Level 2"
_GRADE = re.compile(r"\b(?:(?:NHS|AfC|pay)\s+)?(?:band|grade|level|scale|tier)\s*\d+[a-d]?\b", re.I)
# What follows a title: "(Cardiology)", " - Acute Medicine", ", Payments"
_QUALIFIER = re.compile(r"\s*[()]\s*|\s+[-–—|]\s+|\s*,\s*")
# Words that, alone, name a place or a unit of work rather than a field ("Ward Manager" → not "ward")
_PLACE_WORDS = {
    "ward", "wards", "store", "shop", "branch", "site", "office", "team", "shift", "floor", "unit", "department",
    "project", "programme", "program", "product", "account", "case", "charge", "deputy", "sister", "duty",
    "area", "regional", "district", "general", "clinical", "medical", "technical", "home", "house", "restaurant", "kitchen", "night", "day",
}
_GOAL_AREA = re.compile(
    r"\b(?:" + "|".join(sorted(w for w in _TITLE_WORDS if w.isalpha() and len(w) > 3))
    + r"|matron|sister|role|career|post|job|specialising|specializing|specialise|specialize|working|work)s?"
    r"\s+(?:for|in|of)\s+(?P<area>[A-Za-z][\w&'’ -]*?)(?=\s*[,.;:!?()]|\s+(?:and|by|within|in|at|across|to|so|"
    r"because|where|while|with|from|on|through)\b|$)",
    re.I,
)
_NOT_AN_AREA_START = {"the", "a", "an", "my", "our", "this", "that", "their", "his", "her", "its", "your", "several",
                      "one", "two", "three", "four", "five", "some", "many", "all", "every", "each"}


# --- words and numbers ------------------------------------------------------------------------


def _spelled(n: int) -> str:
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)


def _count(token: str | None) -> int | None:
    if not token:
        return 1
    token = " ".join(token.lower().split())
    if token.isdigit():
        return int(token)
    return _WORD_VALUE.get(token)


def duration_phrase(months: int) -> str | None:
    """A window that reads after "Over the next": 12 → 'year', 24 → 'two years', 18 → '18 months'."""
    if months <= 0:
        return None
    if months % 12 == 0:
        years = months // 12
        return "year" if years == 1 else f"{_spelled(years)} years"
    if months == 1:
        return "month"
    if months < 12:
        return f"{_spelled(months)} months"
    months = round(months / 6) * 6  # past a year, "25 months" reads better as "two years"
    years, half = divmod(months, 12)
    if not half:
        return "year" if years == 1 else f"{_spelled(years)} years"
    return "18 months" if years == 1 else f"{_spelled(years)} and a half years"


def _months_until(year: int, month: int, today: date) -> int:
    return (year - today.year) * 12 + (month - today.month)


def _date_months(match: re.Match[str], today: date) -> int | None:
    year = int(match.group("year"))
    month_name = (match.group("month") or "").lower().rstrip(".")
    edge = (match.group("edge") or "").lower()
    if month_name:
        month = _MONTH_ABBR.get(month_name[:4] if month_name.startswith("sept") else month_name[:3], 12)
    else:
        month = {"start": 1, "beginning": 1, "middle": 6}.get(edge, 12)
    months = _months_until(year, month, today)
    return months if months > 0 else None


def time_frame_of(text: str, today: date) -> str | None:
    """The near-term window a whole phrase names ('18 months', 'by June 2027', 'next year'), if any."""
    text = " ".join((text or "").split()).strip(" .,;:")
    if not text:
        return None
    if m := _DURATION.fullmatch(text):
        n = _count(m.group("n"))
        if n is None:
            return None
        in_years = m.group("unit").lower().startswith("y")
        if m.group("n2"):
            upper = _count(m.group("n2"))
            if upper is None or upper <= n:
                return None
            low, high = (_spelled(n), _spelled(upper)) if upper <= 10 else (str(n), str(upper))
            return f"{low} to {high} {'years' if in_years else 'months'}"
        return duration_phrase(n * (12 if in_years else 1))
    if m := _DATE.fullmatch(text):
        months = _date_months(m, today)
        return duration_phrase(months) if months else None
    if m := _RELATIVE.fullmatch(text):
        return "year" if m.group("which").lower() == "this" else "two years" if today.month > 6 else "year"
    return None


def split_time_phrase(goal: str, today: date) -> tuple[str | None, str]:
    """('18 months', 'become …') from 'Within 18 months, become …' or 'Become … within 18 months'."""
    text = " ".join((goal or "").split())
    patterns = (_DURATION.pattern, _DATE.pattern, _RELATIVE.pattern)
    for pattern in patterns:
        lead = re.match(rf"^(?P<phrase>{pattern})\s*[,:;–—-]?\s+(?P<rest>.+)$", text, re.I)
        if lead and (frame := time_frame_of(lead.group("phrase"), today)):
            return frame, lead.group("rest")
    for pattern in patterns:
        tail = re.match(rf"^(?P<rest>.+?)[\s,]+(?P<phrase>(?:(?:with)?in|by|before|over|during)\s+{pattern})[.!]?$", text, re.I)
        if not tail:
            tail = re.match(rf"^(?P<rest>.+?)[\s,]+(?P<phrase>{pattern})[.!]?$", text, re.I)
        if tail and (frame := time_frame_of(tail.group("phrase"), today)):
            return frame, tail.group("rest")
    return None, text


# --- clauses ----------------------------------------------------------------------------------


# A note in brackets typed after the sentence has ended: "… falls huddle. (Ward 7)"
_AFTERTHOUGHT = re.compile(r"(?<=[.!?])\s*\([^()]*\)\s*[.!]*$")


def tidy_punctuation(text: str) -> str:
    """Typed text with its stops made single: 'end of 2026..' → 'end of 2026.', 'huddle ,' →
    'huddle,', ',.' → '.'; an ellipsis ('…', '...') is kept."""
    text = " ".join((text or "").split())
    text = re.sub(r"\s+([,;:.!?])", r"\1", text)
    text = re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)
    text = re.sub(r"[,;:]+(?=[.!?])", "", text)
    return re.sub(r"([,;:!?])\1+", r"\1", text)


def sentence_body(text: str) -> str:
    """Typed text without its closing full stop, ready to be joined into a longer sentence or
    followed by '. Next part': 'across the Trust.' → 'across the Trust'. Keeps '?' and '!'; a
    bracketed note typed after the stop joins the sentence ('huddle. (Ward 7)' → 'huddle (Ward 7)')."""
    text = tidy_punctuation(text)
    if m := re.fullmatch(r"(?P<body>.*?)\.\s*(?P<note>\([^()]*\))[\s.]*", text):
        text = f"{m.group('body')} {m.group('note')}"
    return text.rstrip(" .")


def as_clause(text: str) -> str:
    """'I want to Become the go-to analyst.' -> 'become the go-to analyst', to read after 'my goal
    is to'. A leading capital is lowered only when the next letter is lower case (keeps 'SQL').
    A bracketed note typed after the sentence's end ('… huddle. (Ward 7)') is left out: spoken
    in the middle of an answer it would stand as a sentence of its own."""
    text = tidy_punctuation(text)
    text = _AFTERTHOUGHT.sub("", text)
    text = text.rstrip(".!").strip(" ,;:")
    for _ in range(2):  # "My goal is to: to …"
        text = _LEAD_INS.sub("", text).strip(" ,;:")
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        text = text[0].lower() + text[1:]
    return text


def join_steps(steps: str) -> str:
    """Steps typed one per line or separated by ';' become 'a, b and c'."""
    parts = [as_clause(p) for p in re.split(r"[\n;]", steps or "")]
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return parts[0] if parts else ""
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _field_words(text: str) -> str:
    """The words of a title that name a field: 'Clinical Informatics Analyst' → 'clinical informatics'."""
    text = _GRADE.sub(" ", text)
    words = [w for w in re.split(r"[\s,()]+|(?<=\w)/(?=\w)", text) if w]
    kept = [w for w in words if w.lower().strip(".") not in _TITLE_WORDS and not w.isdigit()]
    while kept and kept[-1].lower() in {"of", "and", "&", "for", "in"}:
        kept.pop()
    while kept and kept[0].lower() in {"of", "and", "&", "for", "in"}:
        kept.pop(0)
    if all(w.lower() in _PLACE_WORDS for w in kept):
        return ""
    return " ".join(w if (w.isupper() and len(w) > 1) or any(c.isupper() for c in w[1:]) else w.lower() for w in kept)


def area_of(role: str) -> str:
    """The field a job title names, without the title or its grade: 'Clinical Informatics
    Analyst' → 'clinical informatics', 'Senior SQL Developer' → 'SQL', 'Staff Nurse (Cardiology)'
    → 'cardiology', 'Ward Manager - Acute Medicine' → 'acute medicine'; '' when only a title, a
    grade ('Ward Manager (Band 7)') or a place ('ward', 'store') is left."""
    role = " ".join((role or "").split())
    for part in _QUALIFIER.split(role):  # the title first, then what qualifies it
        if part and (area := _field_words(part)):
            return area
    return ""


def area_in_goal(goal: str) -> str:
    """The field a goal names after a title: 'become a matron for acute medicine, leading …' →
    'acute medicine'; '' when it names none."""
    for m in _GOAL_AREA.finditer(" ".join((goal or "").split())):
        words = m.group("area").split()
        if 1 <= len(words) <= 4 and words[0].lower() not in _NOT_AN_AREA_START:
            return _field_words(m.group("area"))
    return ""


# --- the slots --------------------------------------------------------------------------------


def _filled(value: Any) -> bool:
    return bool(str(value or "").strip())


def _first_goal(goals: Mapping[str, Any], horizon: str) -> dict[str, Any] | None:
    return next((g for g in goals.get(horizon) or () if isinstance(g, dict) and _filled(g.get("goal"))), None)


def slot_suggestions(target: Mapping[str, Any], goals: Mapping[str, Any], today: date) -> dict[str, str]:
    """Slot values the self-assessment can supply (only the slots it has something for)."""
    found: dict[str, str] = {}
    short = _first_goal(goals, "short_term")
    if short:
        frame, goal = split_time_phrase(str(short["goal"]), today)
        frame = frame or time_frame_of(str(short.get("target_date") or ""), today) or DEFAULT_TIME_FRAME
        found["time_frame"] = frame
        found["goal"] = as_clause(goal)
        if _filled(short.get("steps")):
            found["action_steps"] = join_steps(str(short["steps"]))
    long = _first_goal(goals, "long_term")
    if long:
        found["long_term"] = as_clause(split_time_phrase(str(long["goal"]), today)[1])
    area = area_of(str(target.get("role") or ""))
    for goal in (short, long):
        area = area or (area_in_goal(str(goal["goal"])) if goal else "")
    if area:
        found["area"] = area
    return {k: v for k, v in found.items() if v}


def _words(target: Mapping[str, Any]) -> str:
    parts: list[str] = [str(target.get(k) or "") for k in ("role", "organisation", "mission")]
    terms = target.get("terms") or ()
    parts.extend(str(t) for t in (terms if isinstance(terms, (list, tuple)) else [terms]))
    return " ".join(parts).lower()


def field_of(target: Mapping[str, Any], fields: Iterable[FieldExamples]) -> FieldExamples | None:
    """The first field of work whose keywords appear (as whole words) in the person's target."""
    text = _words(target)
    for field in fields:
        if any(re.search(rf"(?<![\w-]){re.escape(k.lower())}(?![\w-])", text) for k in field.keywords):
            return field
    return None


def examples_for(target: Mapping[str, Any], defaults: Mapping[str, str], fields: Iterable[FieldExamples]) -> dict[str, str]:
    """Each slot's example, from the person's field of work where the content has one."""
    field = field_of(target, fields)
    return {slot: (field.examples.get(slot) if field else None) or example for slot, example in defaults.items()}


def initial_slots(saved: Mapping[str, str], suggestions: Mapping[str, str], slot_ids: Iterable[str]) -> dict[str, str]:
    """Saved slot values win (even empty ones the person cleared); suggestions fill the rest."""
    return {sid: saved[sid] if sid in saved else suggestions.get(sid, "") for sid in slot_ids}


# --- the builder's answer from its slots ---------------------------------------------------------
# Slots read after "to" ("my goal is to {goal}"): a lead-in or a time phrase typed into them
# would break the sentence ("I would like to in 3-5 years, become …").
_AFTER_TO = ("goal", "action_steps", "long_term")


def assemble_answer(template: Template, slots: Mapping[str, str], today: date) -> str:
    """The template filled with the slots as typed, each made to read in its place: single stops,
    no note bracketed after a full stop, no "I want to" after "my goal is to", and a leading time
    phrase in a goal moved where the sentence can carry it (the time-frame slot, when empty, or
    the end of the long-term goal)."""
    def read(key: str, value: str) -> str:
        return as_clause(value) if key in _AFTER_TO else tidy_punctuation(_AFTERTHOUGHT.sub("", value))

    values = {key: read(key, str(value or "")) for key, value in slots.items()}
    for key in ("goal", "long_term"):
        frame, rest = split_time_phrase(values.get(key, ""), today)
        if not frame:
            continue
        rest = as_clause(rest)
        if key == "goal" and not values.get("time_frame", "").strip():
            values["time_frame"], values["goal"] = frame, rest
        elif key == "long_term":
            values["long_term"] = f"{rest}, within {frame}"
        # A goal with its own time phrase beside a filled time frame keeps it: the person chose both.
    return template.assemble(values)
