"""What the coach says: a message and a concrete suggestion per issue and per missing element.

Suggestions speak of the person's own goal, role and organisation (the Target found in the
answer and the Context), never of an example from someone else's field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from goalcoach.coach.clauses import ClauseMap
from goalcoach.coach.feedback import Context
from goalcoach.coach.text import Doc

# Goal wording and the target it introduces: "become a senior underwriter", "move into HR".
_GOAL = re.compile(
    r"\b(?:become|becoming|be|being|lead|leading|move\s+into|moving\s+into|move\s+up\s+to|specialise\s+in|"
    r"specialize\s+in|specialising\s+in|specializing\s+in|qualify\s+as|qualifying\s+as|get\s+into|"
    r"go\s+into|work\s+towards?|working\s+towards?|step\s+up\s+(?:to|into)|progress\s+(?:to|into)|"
    r"run|running|manage|managing|head\s+up|own|owning|work\s+as|train\s+as|training\s+as|"
    r"transition\s+into|switch\s+(?:to|into)|break\s+into|get\s+(?:really\s+)?good\s+at|focus\s+on|"
    r"promoted\s+to|a\s+career\s+in|role\s+(?:in|as))\s+"
    r"(?P<t>(?:(?:a|an|the|my|our|your|a\s+bit\s+more|more)\s+)?[\w'&/-]+(?:\s+(?!(?:because|and|but|so|by|"
    r"in\s+(?:the\s+)?(?:next|five|two|three|a)|within|over|after|before|when|which|where|while|then|as|if|"
    r"to|for\s+(?:the|a))\b)[\w'&/-]+){0,5})")
# A goal is a role, a responsibility or an outcome the speaker wants (the rubric). After "be" that is
# a noun phrase ("be a senior underwriter", "be the go-to analyst", "be head of people") or a
# responsibility ("be responsible for …"); "be" with a bare quality is a way of speaking or of
# being ("let me be specific", "to be honest", "be clear", "be successful"), never the goal.
_BE = re.compile(r"^(?:be|being)\s")
_BE_TARGET = re.compile(r"^(?:(?:a|an|the|my|our|your|one\s+of)\s+|(?:responsible|accountable)\s+for\s+|in\s+charge\s+of\s+|"
                        r"(?:head|director|manager|lead|leader|chief|principal|partner|owner)\b)")
_WEAK_TARGET = re.compile(r"^(?:(?:a|an|the|my|more)\s+)?(?:better|successful|happy|good|great|best|"
                          r"something|anything|more|part|able|sure|there|it|that|this|myself|well)\b")


# A name's capitalised words run on past the goal's word limit: "… Hospital NHS Trust".
_NAME_WORD_END = re.compile(r"(?<![\w'’&-])(?:[A-Z][\w'’&.-]*)$")
_NAME_GOES_ON = re.compile(r"(?:\s+(?:(?:of|for|and|&|the)\s+)?[A-Z][\w'’&-]*)+")
GOAL_CHARS = 70


def _shorten(goal: str) -> str:
    """At most about GOAL_CHARS characters, cut between words, never inside one; a name that
    runs on keeps its last word."""
    if len(goal) <= GOAL_CHARS:
        return goal
    cut = goal.rfind(" ", 0, GOAL_CHARS + 1)
    return goal[:cut if cut > 0 else GOAL_CHARS].rstrip(" ,;:")


@dataclass(frozen=True)
class Target:
    """What the person is aiming at, in their own words, and where."""

    goal: str = ""  # e.g. "a senior underwriter on your marine team"
    role: str = ""  # the role applied for, when known
    company: str = ""  # the organisation, when known

    @property
    def where(self) -> str:
        return self.company or (f"this {self.role} role" if self.role else "this role")


def find_target(doc: Doc, clauses: ClauseMap, context: Context | None, away: frozenset[int] = frozenset()) -> Target:
    """The speaker's own goal. `away` holds the sentences that point away from the role: a side
    plan ("open my own bakery") is no direction to steer the answer towards."""
    goal = ""
    for m in _GOAL.finditer(doc.folded):
        if not clauses.own_intent(m.start()) or doc.sentence_index(m.start()) in away:
            continue
        t = m.group("t").strip()
        if _WEAK_TARGET.match(t) or len(t) < 3:
            continue
        if _BE.match(m.group()) and not _BE_TARGET.match(t):
            continue
        end = m.start("t") + len(t)
        name = _NAME_GOES_ON.match(doc.head, end) if _NAME_WORD_END.search(doc.head, 0, end) else None
        if name:  # the word limit fell inside a name: "St Mary's Hospital NHS Trust" keeps "Trust"
            end = name.end()
        goal = _shorten(" ".join(doc.head[m.start("t"):end].split()))
        break
    return Target(goal=goal, role=(context.role or "") if context else "",
                  company=(context.company or "") if context else "")

_ISSUES = {
    "vague": ("{q} doesn't name a target: no role, skill area, field or measurable result.",
              "Name the destination in your own field: the role, skill area or result you're aiming for, "
              "and by when ('Within two years I want to …'), then one step you're taking towards it."),
    "personal_gain": ("{q} puts pay or perks forward as the goal; interviewers hear 'I'll leave for more money'.",
                      "Talk about the work and what you'll contribute; save pay for the salary question."),
    "unrealistic": ("{q} sounds like a leap from where you stand now.",
                    "Aim one or two steps ahead of where you stand and show the path: what you'd take on "
                    "first, then where it leads."),
    "misaligned": ("{q} suggests you'll leave soon or that your goals lie elsewhere.",
                   "Show how this role moves you forward: tie the goal to the job on offer and say what "
                   "you'd build here."),
    "hedging": ("{q} makes the goal sound unsure.",
                "State it plainly: 'I aim to …' or 'My goal is …'. 'I hope to' and 'I'd like to' are fine."),
    "filler": ("{q} is a spoken filler; on paper and aloud it dilutes the answer.",
               "Drop it, or pause silently instead: a short pause sounds more confident than 'um' or 'like'."),
    "negative_tone": ("{q} speaks badly of a current or past employer or colleagues.",
                      "Keep it neutral and forward-looking: say what you're moving towards, not what you're "
                      "escaping ('I want more ownership of my own work')."),
    "too_short": ("At {words} words the answer is too brief to show a plan (aim for 40–250).",
                  "Add a near-term goal, a long-term goal, one concrete step and why this role fits."),
    "not_an_answer": ("{q} isn't your own answer about your career: a template slot, someone else's or a "
                      "past goal, recited advice, invented words or a repeated sentence.",
                      "Say in your own words what you want next and later, and why this role fits."),
    "too_long": ("At {words} words (about {minutes} minutes spoken) the answer runs past two minutes.",
                 "Cut the background to one sentence and keep one example; aim for 140–250 words."),
}

_ELEMENTS = {
    "short_term": ("No near-term goal: what will you focus on in the next year or two?",
                   "Add one: 'In my first year I want to …' or 'My immediate goal is …'."),
    "long_term": ("No long-term goal: where is this heading in three to five years?",
                  "Add one: 'Longer term, I'd like to …' or 'In five years I see myself …'."),
    "timeframe": ("No concrete time reference ('eventually' and 'a few years' don't count).",
                  "Put a number on it: 'within 18 months', 'in five years', 'by next summer'."),
    "action_plan": ("No named step toward the goal ('work hard' or 'keep learning' alone don't count).",
                    "Name what you're doing or will do: a certification, course, mentor, or a project "
                    "you'll volunteer to lead."),
    "company_alignment": ("Nothing ties the goals to this role or organisation.",
                          "Connect them: 'This role would let me …', 'your team's work on …', or the "
                          "organisation's mission."),
    "motivation": ("No reason given: why do you want this?",
                   "Add the why: 'because …', 'what drives me is …', 'I care about …'."),
    "adaptability": ("No sign you're open to your path changing.",
                     "Add one line: 'I'm open to other roles here if that's where I can contribute most.'"),
    "star_example": ("No past example with a result grounds the goal.",
                     "Add one: the situation, what you did, and the result ('…which cut errors by 30%')."),
    "acknowledgement": ("No acknowledgement of the earlier answer (only needed when recovering).",
                        "If you're correcting yourself, say so briefly: 'Let me put that more clearly.'"),
}


def _quote(text: str, start: int, end: int) -> str:
    snippet = " ".join(text[start:end].split())
    if len(snippet) > 60:
        snippet = snippet[:57].rstrip() + "…"
    return f"'{snippet}'" if snippet else "This"


def issue_advice(code: str, text: str, start: int, end: int, words: int,
                 target: Target | None = None, *, slots_key: str = "") -> tuple[str, str]:
    """The message and suggestion for an issue. `slots_key`: the key to the builder's template
    slots, when the answer is written in the builder."""
    message, suggestion = _ISSUES[code]
    quoted = _quote(text, start, end)
    message = message.format(q=quoted, words=words, minutes=round(words / 140, 1))
    target = target or Target()
    if code == "vague" and target.role:
        suggestion = (f"Name the destination as a {target.role}: the skill area or result you're aiming for "
                      f"at {target.where}, and by when ('Within two years I want to …').")
    elif code == "misaligned":
        if target.goal:
            suggestion = f"Show how {target.where} moves you towards '{target.goal}': what you'd learn and build there first."
        else:
            suggestion = (f"Lead with a goal inside {target.where}: what you'd learn and build there first, "
                          "and how the role moves you forward.")
    elif code == "not_an_answer" and text[start:end].startswith("‹"):  # a slot the builder left empty
        message = f"{quoted} is a template slot still to fill in."
        if slots_key:
            suggestion = (f"Replace it with your own words: {slots_key} goes to the builder's template slots, "
                          "each with an example.")
        else:
            suggestion = "Replace it with your own words; each of the answer builder's template slots has an example."
    elif code == "unrealistic" and target.goal:
        suggestion = (f"Keep '{target.goal}' as the direction, but name the step before it and what you'd "
                      f"take on first at {target.where}.")
    if not message.startswith("'"):
        message = message[0].upper() + message[1:]
    return message, suggestion


def element_advice(code: str, target: Target | None = None) -> tuple[str, str]:
    message, suggestion = _ELEMENTS[code]
    target = target or Target()
    goal = f"'{target.goal}'" if target.goal else ""
    if code == "company_alignment":
        where = target.company or (f"the {target.role} role" if target.role else "this role")
        suggestion = (f"Connect {goal or 'your goal'} to {where}: what you'd do there that moves you towards it, "
                      "or the part of its work that draws you.")
    elif code == "short_term" and goal:
        suggestion = f"Add the near-term step towards {goal}: 'In my first year I want to …'."
    elif code == "long_term" and goal:
        suggestion = f"Say where {goal} leads in three to five years: 'Longer term, I'd like to …'."
    elif code == "action_plan" and goal:
        suggestion = f"Name one step you're taking towards {goal}: a course, a qualification, a mentor or a project."
    elif code == "motivation" and goal:
        suggestion = f"Say why {goal} matters to you: 'because …', 'what drives me is …'."
    return message, suggestion
