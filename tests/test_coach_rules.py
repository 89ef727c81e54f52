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


def test_a_reason_put_before_the_goal_with_so_is_a_reason():
    text = ("I have seen how fast good monitoring catches outages before customers notice, so I want to "
            "move into site reliability engineering within two years.")
    assert "motivation" in codes(text)
    assert "motivation" not in codes("I finished the course last spring. I want to move into site reliability engineering.")
    assert "motivation" not in codes("It went well, so I started applying. I want to move into site reliability engineering.")


def test_a_step_nearly_done_is_still_under_way():
    goal = "Within two years I want to run usability studies at Brightline. "
    assert "action_plan" in codes(goal + "I've nearly finished my UX course.")
    assert "action_plan" in codes(goal + "I haven't finished the UX course yet.")
    assert "action_plan" not in codes(goal + "I've finished my UX course.")  # done: not a step to come


def test_a_template_slot_after_because_is_no_reason_yet():
    goal = "Over the next two years, my goal is to run usability studies at Brightline. "
    assert "motivation" not in codes(goal + "What draws me most is research, because ‹reason›.")
    assert "motivation" in codes(goal + "What draws me most is research, because teachers' time matters.")


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


# -- v2: clauses, targets, not_an_answer, priority -------------------------------------------------

def test_elements_count_only_for_the_speakers_own_current_goals():
    sister = ("My sister plans to qualify as a midwife within two years, because she loves it, and long term "
              "she wants to run a birth centre. She is doing the degree part-time.")
    assert not {"short_term", "long_term", "action_plan"} & codes(sister)
    past = ("Five years ago my goal was to become a site manager within two years, because I loved building. "
            "Back then I took my NVQ Level 3.")
    assert not {"short_term", "long_term", "action_plan"} & codes(past)
    negated = "I have no short-term goal and I don't have a long-term goal. I won't take any courses or certificates."
    assert not {"short_term", "long_term", "action_plan"} & codes(negated)
    hypothetical = ("If I were the kind of person who had goals, I would want to lead the pastry section within "
                    "two years and be head chef in five.")
    assert not {"short_term", "long_term"} & codes(hypothetical)
    assert {"short_term", "long_term"} <= codes("Within two years I want to lead the pastry section, and in five "
                                                "years I'd like to be head pastry chef here.")


def test_someone_elses_goals_and_recited_advice_are_not_an_answer():
    sister = ("My older sister has a real plan. In the short term she wants to finish her MSc in sports "
              "rehabilitation, and long term she wants to run a physio department, because she loves sport. "
              "She is open to working abroad.")
    assert "not_an_answer" in codes(sister)
    advice = ("The best way to answer is to give a short-term goal and a long-term goal. You should name a course "
              "you're taking and link it to the company's mission. Interviewers want you to stay open to change.")
    assert "not_an_answer" in codes(advice)
    # a mentor's advice before the speaker's own goal is background, not someone else's answer
    mentor = ("My mentor told me to pick one thing and get good at it. So in my first year here I want to become "
              "the team's payroll specialist, and I'm studying for the CIPP certificate because I like accuracy.")
    assert "not_an_answer" not in codes(mentor)


def test_what_the_speaker_did_is_an_example_and_only_past_goals_are_not_an_answer():
    # A story of what the speaker did (a mentor, a time frame, a result) answers "how do you learn?".
    story = ("I learn best by doing with someone beside me at first. On my placement I asked my mentor to watch my "
             "first medicines rounds and give feedback after each one, and within three weeks I was running them "
             "alone. I also keep a notebook of questions to look up after each shift.")
    assert "not_an_answer" not in codes(story)
    # Goals told only as history are still not an answer about the career now.
    history = ("Five years ago my goal was to become a shift supervisor within two years, and I planned to take the "
               "leadership course my manager recommended. I wanted to run the night shift because I liked the pace.")
    assert "not_an_answer" in codes(history)


def test_templates_repetition_and_invented_words_are_not_an_answer():
    template = "In my first year at [Company Name] I want to become a great {Job Title}, because I care about X."
    assert "not_an_answer" in codes(template)
    line = "Within two years I want to lead the support team here because I enjoy helping customers. "
    assert "not_an_answer" in codes(line * 4)
    assert "not_an_answer" not in codes(line)
    made_up = ("Short term, within two years, I plan to florbinate the wuzzle grid at your company because I am "
               "passionate about snorkdata. Long term I want to lead the glimmer team and take a quibbleworks "
               "course, whatever the zibbet.")
    fb = analyse(made_up)
    assert "not_an_answer" in fb.issue_codes and fb.quality == "weak"
    evidence_words = evidence(made_up, "not_an_answer")
    assert "florbinate" in evidence_words and "passionate" not in evidence_words
    jargon = ("My immediate goal is to complete my preceptorship and the venepuncture competencies on your ward, "
              "then specialise in critical care because I love it.")
    assert "not_an_answer" not in codes(jargon)


def test_a_slot_the_builder_left_empty_is_an_unfilled_template():
    # The builder's template marks an empty slot as ‹label›; left in, the answer is not finished.
    left = ("Over the next 18 months, my goal is to become the trust's go-to analyst for the patient record "
            "rollout. The part of the work that draws me most is clinical informatics, because ‹reason›. To get "
            "there, I plan to finish the NHS Digital analyst course. Longer term, I would like to lead the "
            "trust's clinical data team.")
    fb = analyse(left)
    assert "not_an_answer" in fb.issue_codes and fb.quality == "weak"
    assert evidence(left, "not_an_answer") == ["‹reason›"]
    assert "slot still to fill" in next(i.message for i in fb.issues if i.code == "not_an_answer")
    assert "not_an_answer" not in codes(left.replace("‹reason›", "good data keeps patients safe"))


def test_vague_means_no_concrete_target_of_ones_own():
    stuffed = ("In the short term my goal is to grow within this role, because I'm passionate about your "
               "company's mission. I plan to pursue a relevant certification and seek mentorship. Long term I "
               "want to reach my full potential, and I'm open to new opportunities.")
    fb = analyse(stuffed)
    assert "vague" in fb.issue_codes and fb.quality == "weak"
    assert "vague" not in codes("Long term I want to move into HR, because I like people.")


def test_money_contempt_and_leaving_in_other_words():
    assert "personal_gain" in codes(GOOD + "Really I want to push my day rate up to £800 and stack the cash.")
    assert "personal_gain" in codes(GOOD + "The goal is total compensation of £90k plus equity.")
    assert "negative_tone" in codes(GOOD + "Frankly the board there were a bunch of fossils.")
    assert "misaligned" in codes(GOOD + "After about twelve months I'll move to Google, where a friend works.")
    assert "misaligned" not in codes(GOOD + "I don't see this role as a stepping stone.")


def test_hedges_and_fillers_beyond_the_list_but_hopefully_is_fine():
    assert "hedging" in codes(GOOD + "Potentially I'd move into training, who can say.")
    assert "filler" in codes(GOOD + "Ehm, so yeah, that's the plan.")
    assert "hedging" not in codes(GOOD + "Hopefully I'll be leading the team by then.")


def test_unrealistic_depends_on_stage_given_or_inferred():
    leap = "In four years I want to be chairman of the board here, because I like big decisions."
    assert "unrealistic" in codes("I graduate this summer. " + leap)
    assert "unrealistic" in codes(leap, Context(stage="entry"))
    fd = "In five years I'd like to be the CFO of a group like this, because I care about good numbers."
    assert "unrealistic" not in codes("I've been a finance director for six years. " + fd)
    assert "unrealistic" not in codes(fd, Context(stage="senior"))
    assert "unrealistic" in codes("I've just finished a bootcamp. " + fd)


def test_gap_stage_is_accepted_everywhere():
    fb = analyse(GOOD, Context(stage="gap"))
    assert fb.quality in ("strong", "adequate", "weak")


def test_priority_is_the_most_damaging_issue_quoting_the_answer():
    text = GOOD + "Um, honestly my boss is useless."
    fb = analyse(text)
    assert fb.priority is not None and fb.priority.kind == "issue"
    assert fb.priority.code == "negative_tone"  # outranks the filler
    assert text[fb.priority.start:fb.priority.end] in fb.priority.message
    assert fb.to_dict()["priority"]["code"] == "negative_tone"


def test_priority_without_issues_is_the_most_valuable_missing_element():
    text = ("In the next two years I want to qualify as a cardiac physiologist, and I'm doing the "
            "PTP degree part-time now, with two days a week on placement in a busy echo lab. Longer term I'd "
            "like to lead echo services for a region, because I love the detective work of reading a scan.")
    fb = analyse(text)
    assert not fb.issues
    assert fb.priority is not None and (fb.priority.code, fb.priority.kind) == ("company_alignment", "missing")
    # the suggestion speaks of the person's own goal, not an example from another field
    assert "cardiac physiologist" in fb.priority.suggestion
    assert "data engineering" not in fb.priority.suggestion


def test_acknowledgement_is_only_asked_for_in_a_correction():
    first = analyse(GOOD)
    assert "acknowledgement" not in first.missing_elements
    assert first.priority is None or first.priority.code != "acknowledgement"
    assert "message" not in first.to_dict()["elements"]["acknowledgement"]
    again = analyse(GOOD, Context(expects_acknowledgement=True))
    assert "acknowledgement" in again.missing_elements
    assert "acknowledgement" in codes("You're right, I put that badly. " + GOOD)


def test_bullets_and_lowercase_without_punctuation():
    bullets = ("My plan:\n- First year: become a dependable junior backend developer on your team\n"
               "- Doing the AWS Developer Associate certification this spring\n"
               "- Longer term: grow into a platform engineer\n- Why: I enjoy automating dull jobs")
    assert {"short_term", "long_term", "action_plan", "company_alignment", "motivation"} <= codes(bullets)
    texting = ("ok so short term i want to get my class 1 licence done im booked on the course in april "
               "long term id like to move into transport planning here cos i love the puzzle of it")
    assert {"short_term", "long_term", "action_plan", "motivation"} <= codes(texting)


def test_unrealistic_message_quotes_the_job_not_the_date():
    text = ("I finished my bootcamp in May. In May next year I start as a junior developer, and in three years "
            "I want to be CTO here, because I love building products.")
    fb = analyse(text)
    issue = next(i for i in fb.issues if i.code == "unrealistic")
    assert text[issue.start:issue.end] == "CTO"
    assert "'CTO'" in issue.message


def test_a_future_time_makes_a_clause_a_goal_after_a_past_one():
    text = ("I graduated this summer, and in five years I see myself as the CEO of this company, because I am "
            "ambitious and I learn fast.")
    fb = analyse(text)
    assert "not_an_answer" not in fb.issue_codes
    assert "unrealistic" in fb.issue_codes and fb.elements["long_term"].present


def test_the_organisations_own_words_tie_the_goals_to_it():
    from goalcoach.coach import Context, analyse

    answer = ("In my first two years I want to become a confident housing officer, and later lead a team, "
              "because I care about tenant safety and want to get better at stakeholder reporting.")
    plain = analyse(answer, Context(company="Northgate Homes"))
    with_terms = analyse(answer, Context(company="Northgate Homes", terms=("stakeholder reporting", "tenant safety")))
    assert not plain.elements["company_alignment"].present
    assert with_terms.elements["company_alignment"].present


def quoted_goals(text: str, context: Context | None = None) -> list[str]:
    """Every goal phrase the coach's suggestions quote ("… towards '…'")."""
    import re

    fb = analyse(text, context)
    said = [e.suggestion for e in fb.elements.values()] + [i.suggestion for i in fb.issues]
    return [m.group(1) for s in said for m in re.finditer(r"\b(?:towards|where|why|Keep|Connect) '([^']+)'", s)]


def test_suggestions_quote_the_goal_never_a_way_of_speaking():
    rest = (" I don't think I said that well. Over the next two years I want to become a strong payroll "
            "specialist on your team at Northwind, and in five years I'd like to lead the payroll function "
            "because I love accuracy.")
    for opener in ("Let me be specific,", "To be honest,", "Let me be clear:", "To be frank,",
                   "I want to be honest with you:", "Being specific,"):
        goals = quoted_goals(opener + rest)
        assert goals, opener  # the plan is missing, so the suggestion names the goal
        for goal in goals:
            assert goal.split()[0].lower() not in {"specific", "honest", "clear", "frank", "with"}, (opener, goal)
            assert "payroll" in goal, (opener, goal)
    # A role after "be" is a goal: the suggestion quotes it.
    assert any("head of people" in g for g in quoted_goals(
        "To be clear, longer term I'd like to be head of people at your firm, because I care about fair workplaces."))
    assert any("the go-to analyst" in g for g in quoted_goals(
        "Let me be frank: in two years I want to be the go-to analyst for pricing on your team, because I love it."))


def test_a_misaligned_answers_fix_never_steers_towards_the_exit_plan():
    side_plan = ("Long term I'd love to open my own bakery business, but for now I want to learn as much as I can "
                 "in this kitchen. In my first year I want to master the pastry section, and I'm taking a food "
                 "hygiene course this spring, because I love baking for people.")
    fb = analyse(side_plan, Context(company="Harbour Kitchen", role="Commis Chef"))
    fix = next(i for i in fb.issues if i.code == "misaligned")
    assert "bakery" not in fix.suggestion and "Harbour Kitchen" in fix.suggestion
    assert not any("bakery" in g for g in quoted_goals(side_plan, Context(company="Harbour Kitchen")))
    # a goal of the speaker's own inside the role is still the direction to show
    aligned = side_plan.replace("master the pastry section", "become a pastry chef de partie")
    fix = next(i for i in analyse(aligned).issues if i.code == "misaligned")
    assert "towards 'a pastry chef de partie'" in fix.suggestion
