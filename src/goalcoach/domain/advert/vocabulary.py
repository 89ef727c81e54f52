"""The words an advert is read with: the verbs a duty starts with, words that are nouns as often
as verbs, and the nouns that name a job."""

from __future__ import annotations

import re

VERB_STEMS = """
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


VERBS = set().union(*(_forms(v) for v in VERB_STEMS))
# Words that are nouns as often as verbs: a verb only when an object follows ("research data"),
# a noun before a preposition or the end ("research in journals").
NOUN_TOO = {"research", "report", "support", "plan", "review", "work", "test", "process", "design", "schedule",
            "check", "help", "lead", "training", "testing", "teaching", "planning", "reporting", "budgeting",
            "forecasting", "marketing", "programming", "scheduling", "safeguarding", "accounting", "building",
            "cleaning", "cooking", "finding", "monitoring", "writing", "copywriting", "reading"}
DETERMINERS = r"(?:the|our|your|a|an|its|their|all|any|new|clear|accurate)"
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
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#/&'’.-]*")


def words_of(text: str) -> list[str]:
    return [w.strip(".'’") for w in _WORD.findall(text)]
