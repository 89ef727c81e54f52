"""The employer and the job title an advert names: from a labelled field ("Company: ..."), the
title line ("Head Chef - The Crown"), or prose ("At Brightways, we ...")."""

from __future__ import annotations

import re

from goalcoach.domain.advert.lines import LABEL, Line, sentences
from goalcoach.domain.advert.proposal import Item, item_at
from goalcoach.domain.advert.vocabulary import JOB_NOUN

ORG_LABELS = r"company|organi[sz]ation|employer(?: name)?|department|hiring organi[sz]ation|agency|business|trust|school"
TITLE_LABELS = r"job title|title|position|role|vacancy|job"
ORG_SUFFIX = re.compile(
    r"\b(?:ltd|limited|plc|inc|llc|llp|corp(?:oration)?|co|group|council|trust|university|college|"
    r"foundation|network|charity|partnership|agency|department|ministry|authority|services|solutions|"
    r"logistics|hospitals?|bank|school|academy|society|association|institute|ventures|labs?)\.?$",
    re.I,
)
NOT_TITLE = re.compile(r"^(?:job summary|job description|about|overview|summary|vacancy|apply|ref\b)", re.I)


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
        m = LABEL.match(line.text)
        if m and re.fullmatch(ORG_LABELS, m.group(1).strip(), re.I) and len(m.group(2).split()) <= 8:
            return item_at(_clean_name(m.group(2)), line.text, line.start)
    text = "\n".join(line.text for line in lines)
    for line in lines[:3]:  # "Head Chef - The Crown at Ashby": a name the advert uses again
        parts = re.split(r"\s+[-–—|]\s+", line.text)
        if len(parts) > 1 and JOB_NOUN.search(parts[0]):
            for part in parts[1:]:
                name = _clean_name(re.split(r"\s+(?:at|in)\s+|,\s*", part)[0])
                if name[:1].isupper() and not JOB_NOUN.search(name) and text.count(name) > 1:
                    # "Ward Manager - Acute Medicine" over a line "St Mary's Hospital NHS Trust":
                    # the suffix is the specialty and the line under it names the employer.
                    below = _name_line(lines[lines.index(line) + 1:lines.index(line) + 3])
                    if below is not None and not ORG_SUFFIX.search(name):
                        return below
                    return item_at(name, line.text, line.start)
    for line in lines[:3]:  # "Backend Engineer @ Loopwise", "Volunteer Coordinator at Brightside ..."
        head = next(sentences(line), (line.text, line.start))[0]
        m = re.search(r"\s(?:@|at|with)\s+((?:[A-Z0-9&][\w&'’.,-]*\s?){1,6})", head)
        if m and JOB_NOUN.search(head[: m.start()]):
            return item_at(_clean_name(m.group(1)), head, line.start)
    for line in lines[:8]:  # a short line that is a name: "Northfield City Council"
        for part in re.split(r"\s+[-–—|]\s+", line.text):
            part = _clean_name(part)
            place = re.match(r"^(.+?),\s*[A-Z][\w -]*$", part)  # "Willowbank Primary School, Hull"
            if place and ORG_SUFFIX.search(place.group(1)):
                part = place.group(1)
            if 1 <= len(part.split()) <= 8 and ORG_SUFFIX.search(part) and not JOB_NOUN.search(part) \
                    and part[:1].isupper() and not part.endswith(":"):
                return item_at(part, line.text, line.start)
        if re.match(r"^(?:University|Department|Ministry|Office) (?:of|for) [A-Z]", line.text) and len(line.text.split()) <= 8:
            return item_at(_clean_name(line.text), line.text, line.start)
    # Prose: "At Brightways, we ...", "Loopwise is on a mission ...", "Fernhill Outdoor makes ..."
    name = r"((?:[A-Z][\w&'’-]*|&)(?:\s(?:[A-Z][\w&'’-]*|&|of|for|and)){0,5})"
    for line in lines[:30]:
        for sentence, start in sentences(line):
            m = re.match(rf"^(?:At|Join)\s+{name},", sentence) or re.match(
                rf"^{name}\s+(?:is|are|makes|builds|provides|serves|runs|works|helps|has|delivers|moves)\b", sentence)
            if m and not re.match(r"^(?:We|You|Our|This|The|It|As|Are)\b", m.group(1)):
                return item_at(_fuller(m.group(1).strip(), lines), sentence, start)
    return None


def _name_line(lines: list[Line]) -> Item | None:
    """The first of these lines that is, whole, an organisation's name ("St Mary's Hospital NHS Trust")."""
    for line in lines:
        name = _clean_name(line.text)
        if 1 <= len(name.split()) <= 8 and ORG_SUFFIX.search(name) and not JOB_NOUN.search(name) \
                and name[:1].isupper() and not name.endswith(":"):
            return item_at(name, line.text, line.start)
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
        m = LABEL.match(line.text)
        if m and re.fullmatch(TITLE_LABELS, m.group(1).strip(), re.I) and len(m.group(2).split()) <= 10:
            return item_at(_clean_name(m.group(2)), line.text, line.start)
    org = organisation.text.lower() if organisation else None
    for line in lines[:8]:
        if line.bullet or NOT_TITLE.match(line.text) or LABEL.match(line.text):
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
            return item_at(_clean_name(head.rstrip(".")), sentence, line.start)
        return item_at(_clean_name(job[0]), sentence, line.start)
    for line in lines:  # prose: "We are looking for a Policy Officer to ..."
        m = re.search(r"\b(?:looking for|recruiting|seeking|seeks|hiring) (?:an? |our next )?((?:[A-Z][\w-]*\s?){1,5})", line.text)
        if m and JOB_NOUN.search(m.group(1)):
            return item_at(m.group(1).strip(), line.text, line.start)
    return None
