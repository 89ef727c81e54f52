"""What the coach says: a message and a concrete suggestion per issue and per missing element."""

from __future__ import annotations

_ISSUES = {
    "vague": ("{q} doesn't name a target: no role, skill area, field or measurable result.",
              "Name the destination: 'Within two years I want to be leading the data engineering team, "
              "starting with ownership of our pipelines.'"),
    "personal_gain": ("{q} puts pay or perks forward as the goal; interviewers hear 'I'll leave for more money'.",
                      "Talk about the work and what you'll contribute; save pay for the salary question."),
    "unrealistic": ("{q} sounds like a leap from where you stand now.",
                    "Aim one or two steps ahead and show the path: 'In five years I'd like to lead a team "
                    "here, after first owning a product area.'"),
    "misaligned": ("{q} suggests you'll leave soon or that your goals lie elsewhere.",
                   "Show how this role moves you forward: tie the goal to the job on offer and say what "
                   "you'd build here."),
    "hedging": ("{q} makes the goal sound unsure.",
                "State it plainly: 'I aim to …' or 'My goal is …'. 'I hope to' and 'I'd like to' are fine."),
    "filler": ("{q} is a spoken filler; on paper and aloud it dilutes the answer.",
               "Drop it, or pause silently instead: a short pause sounds more confident than 'um' or 'like'."),
    "negative_tone": ("{q} speaks badly of a current or past employer or colleagues.",
                      "Keep it neutral and forward-looking: say what you're moving towards, not what you're "
                      "escaping ('I want more ownership of planning')."),
    "too_short": ("At {words} words the answer is too brief to show a plan (aim for 40–250).",
                  "Add a near-term goal, a long-term goal, one concrete step and why this role fits."),
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


def issue_advice(code: str, text: str, start: int, end: int, words: int) -> tuple[str, str]:
    message, suggestion = _ISSUES[code]
    quoted = _quote(text, start, end)
    message = message.format(q=quoted, words=words, minutes=round(words / 140, 1))
    if message.startswith("'"):
        return message, suggestion
    return message[0].upper() + message[1:], suggestion


def element_advice(code: str) -> tuple[str, str]:
    return _ELEMENTS[code]
