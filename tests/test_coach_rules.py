"""Focused checks of individual coach rules: wording variants, negation, spans, context."""

from __future__ import annotations

from goalcoach.coach import Context, analyse


def codes(text: str, context: Context | None = None) -> set[str]:
    fb = analyse(text, context)
    return set(fb.present_elements) | set(fb.issue_codes)


def evidence(text: str, code: str) -> list[str]:
    fb = analyse(text)
    if code in fb.elements:
        return [text[s.start:s.end] for s in fb.elements[code].evidence]
    return [text[s.start:s.end] for issue in fb.issues if issue.code == code for s in issue.spans]


GOOD = ("In the next two years I want to lead the onboarding redesign on your team, and I'm doing the "
        "CIPD Level 5 diploma now. Longer term I'd like to be head of people, because I care about fair "
        "workplaces. ")


def test_negation_suppresses_misaligned_and_personal_gain():
    text = GOOD + "I don't want to leave after a year, and it's never been about the salary for me."
    assert not {"misaligned", "personal_gain"} & codes(text)
    assert "personal_gain" in codes(GOOD + "Honestly the salary is what I'm after.")
    assert "misaligned" in codes(GOOD + "I'll leave after a year to travel.")
    assert "personal_gain" not in codes(GOOD + "Pay matters, but it isn't the goal.")


def test_negative_tone_needs_an_employer_and_respects_negation():
    assert "negative_tone" in codes(GOOD + "My manager is useless.")
    assert "negative_tone" not in codes(GOOD + "My manager is not useless at all, she taught me a lot.")
    assert "negative_tone" not in codes(GOOD + "The team was restructured in the spring.")


def test_curly_apostrophes_match_like_straight_ones():
    straight = "I think I might want to go into nursing. I'd like to lead a ward eventually."
    curly = straight.replace("'", "\u2019")
    assert codes(straight) == codes(curly)
    assert evidence(curly, "long_term") == ["eventually"]
    assert "hedging" in codes(curly)


def test_british_and_american_spellings():
    for word in ("specialise", "specialize"):
        fb = analyse(f"Ultimately I want to {word} in paediatric oncology because I love it.")
        assert fb.elements["long_term"].present
    for word in ("programme", "program"):
        assert "action_plan" in codes(f"I'm starting the leadership {word} in January.")
    assert "adaptability" in codes("My goals may evolve, and I'm open to other roles in the organization.")


def test_case_does_not_matter():
    assert codes("LONG TERM I WANT TO LEAD A DESIGN TEAM BECAUSE I LOVE IT.") >= {"long_term", "motivation"}


def test_word_boundaries_and_like_as_filler():
    assert "filler" not in codes(GOOD + "Roles like project management appeal to me, and I would like to grow.")
    assert "filler" in codes(GOOD + "I want to, like, lead people.")
    assert evidence(GOOD + "I want to, like, lead people.", "filler") == ["like"]
    assert "filler" not in codes(GOOD + "I worked in the ER for years and an album of umbrellas.")
    assert "hedging" not in codes(GOOD + "I'm the kind of person who finishes things.")
    assert "hedging" in codes(GOOD + "I kind of want to manage.")


def test_spans_highlight_the_right_words():
    text = "Um, I guess in five years I'd like to run a lab, because research is what drives me."
    assert evidence(text, "filler") == ["Um"]
    assert evidence(text, "hedging") == ["I guess"]
    assert evidence(text, "timeframe") == ["five years"] or evidence(text, "timeframe") == ["in five years"]
    assert "what drives me" in evidence(text, "motivation")


def test_past_durations_are_not_timeframes():
    fb = analyse("I've been a teacher for seven years and spent two years abroad. Eventually I'd like to lead.")
    assert not fb.elements["timeframe"].present
    fb = analyse("Within 18 months I want to lead the team; by 2099 I'd like to run the department.")
    assert fb.elements["timeframe"].present and fb.elements["short_term"].present
    assert fb.elements["long_term"].present


def test_finished_steps_are_not_action_plans():
    assert "action_plan" not in codes("I completed my master's last year. I want to lead a data team.")
    assert "action_plan" in codes("I'm halfway through my master's and want to lead a data team.")


def test_quoted_words_are_not_the_speakers_issues():
    text = GOOD + 'My old boss used to say "maybe you should um slow down" and she was right.'
    assert not {"hedging", "filler"} & codes(text)


def test_context_terms_used_and_missed():
    ctx = Context(stage="mid", role="data engineer", company="Acme Rail", terms=("safety", "open data", "equity"))
    fb = analyse("I want to be the data engineer who makes safety reporting at Acme Rail trustworthy.", ctx)
    assert fb.terms_used == ["safety", "Acme Rail", "data engineer"]
    assert fb.terms_missed == ["open data", "equity"]
    assert fb.to_dict()["terms"] == {"used": fb.terms_used, "missed": fb.terms_missed}


def test_company_alignment_via_context_company_name():
    text = "In two years I want to be leading route planning at Northwind Freight, because I love logistics."
    assert "company_alignment" not in codes(text)
    assert "company_alignment" in codes(text, Context(company="Northwind Freight"))


def test_unrealistic_depends_on_where_the_speaker_stands():
    assert "unrealistic" in codes("I just finished a bootcamp. In five years I want to be CTO here.")
    assert "unrealistic" not in codes("I've been a finance director for six years. In five years I want to be "
                                      "the CFO of a group like this.")
    assert "unrealistic" in codes("I want to be the best marketer in the world.")


def test_lengths_and_quality_bands():
    short = analyse("I want to lead a team.")
    assert "too_short" in short.issue_codes and short.quality in ("adequate", "weak")
    long = analyse(" ".join(["I want to lead the analytics team here."] * 40))
    assert "too_long" in long.issue_codes
    issue = next(i for i in long.issues if i.code == "too_long")
    assert 0 < issue.start < issue.end <= len(long.text)


def test_feedback_shape_and_insights():
    fb = analyse(GOOD)
    d = fb.to_dict()
    assert list(d)[:5] == ["words", "speaking_seconds", "score", "elements", "issues"]
    assert set(d["elements"]) == set(fb.elements) and len(d["elements"]) == 9
    assert fb.speaking_seconds == round(fb.words * 60 / 140, 1)
    assert fb.sentence_count == 2 and fb.longest_sentence is not None
    assert all(not e.present or e.evidence for e in fb.elements.values())
    missing = [e for e in fb.elements.values() if not e.present]
    assert missing and all(e.message and e.suggestion for e in missing)
