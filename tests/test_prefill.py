"""Pre-filling the builder's slots: sentences that read, whatever the person typed."""

from __future__ import annotations

import re
from datetime import date

import pytest

from goalcoach.content import load_template
from goalcoach.domain import prefill

TODAY = date(2026, 11, 2)


def sentence(target: dict, goals: dict) -> str:
    template = load_template()
    return template.assemble(prefill.slot_suggestions(target, goals, TODAY))


def test_a_leading_time_phrase_moves_into_the_time_frame():
    goals = {"short_term": [{"goal": "Within 18 months, become the analyst who owns pricing"}]}
    assert sentence({}, goals).startswith(
        "Over the next 18 months, my goal is to become the analyst who owns pricing."
    )


@pytest.mark.parametrize(
    ("typed", "frame", "goal"),
    [
        ("In two years I want to lead the pricing team", "two years", "lead the pricing team"),
        ("By June 2027, own the monthly forecast", "seven months", "own the monthly forecast"),
        ("Own the monthly forecast by the end of 2028.", "two years", "own the monthly forecast"),
        ("I'd like to become a senior nurse within a year", "year", "become a senior nurse"),
        ("My goal is to run the clinic's rota", "two years", "run the clinic's rota"),
        ("To master SQL", "two years", "master SQL"),
    ],
)
def test_goals_read_after_my_goal_is_to(typed, frame, goal):
    found = prefill.slot_suggestions({}, {"short_term": [{"goal": typed}]}, TODAY)
    assert (found["time_frame"], found["goal"]) == (frame, goal)


@pytest.mark.parametrize(
    ("timeline", "frame"),
    [("18 months", "18 months"), ("within a year", "year"), ("June 2027", "seven months"), ("3 years", "three years")],
)
def test_the_timeline_field_gives_the_time_frame(timeline, frame):
    goals = {"short_term": [{"goal": "Own the forecast", "target_date": timeline}]}
    assert prefill.slot_suggestions({}, goals, TODAY)["time_frame"] == frame


def test_an_unreadable_or_past_timeline_falls_back_to_two_years():
    for timeline in ("soon", "2020", "when I can"):
        goals = {"short_term": [{"goal": "Own the forecast", "target_date": timeline}]}
        assert prefill.slot_suggestions({}, goals, TODAY)["time_frame"] == "two years", timeline


@pytest.mark.parametrize(
    ("role", "area"),
    [
        ("Clinical Informatics Analyst", "clinical informatics"),
        ("Senior SQL Developer", "SQL"),
        ("Head of Marketing", "marketing"),
        ("iOS developer", "iOS"),
    ],
)
def test_the_area_is_the_field_the_role_names_not_the_job_title(role, area):
    assert prefill.slot_suggestions({"role": role}, {}, TODAY)["area"] == area


def test_a_bare_job_title_leaves_the_area_to_the_person():
    assert "area" not in prefill.slot_suggestions({"role": "Nurse"}, {}, TODAY)


def test_steps_and_long_term_goal_join_into_the_sentence():
    goals = {
        "short_term": [{"goal": "", "steps": "x"}, {"goal": "Own the monthly forecast.", "steps": "Finish the SQL course\nfind a mentor; Lead one project"}],
        "long_term": [{"goal": "In five years, I want to lead a small forecasting team"}],
    }
    found = prefill.slot_suggestions({"role": "Pricing analyst"}, goals, TODAY)
    assert found == {
        "time_frame": "two years",
        "goal": "own the monthly forecast",
        "action_steps": "finish the SQL course, find a mentor and lead one project",
        "long_term": "lead a small forecasting team",
        "area": "pricing",
    }
    assert prefill.slot_suggestions({}, {}, TODAY) == {}


def test_examples_come_from_the_persons_field():
    template = load_template()
    defaults = template.examples()
    nurse = prefill.examples_for({"role": "Clinical Informatics Analyst"}, defaults, template.fields)
    coder = prefill.examples_for({"role": "Backend developer", "organisation": "Acme"}, defaults, template.fields)
    unknown = prefill.examples_for({"role": "Florist"}, defaults, template.fields)
    assert "patient" in nurse["reason"] and "retail" not in nurse["area"]
    assert nurse["reason"] != coder["reason"] != defaults["reason"]
    assert unknown == defaults
    assert nurse["time_frame"] == defaults["time_frame"]


def test_saved_slots_win_even_when_cleared():
    slots = prefill.initial_slots({"goal": ""}, {"goal": "own it", "area": "pricing"}, ["goal", "area", "reason"])
    assert slots == {"goal": "", "area": "pricing", "reason": ""}


def test_a_role_that_looks_like_markup_keeps_its_brackets():
    from goalcoach.domain.prefill import area_of

    assert "[/]" in area_of("[@click=app.quit]x[/] Data Analyst")


@pytest.mark.parametrize("organisation", ["Next", "Next plc", "Shape Technologies"])
def test_the_template_is_not_linked_to_an_employer_it_never_names(organisation):
    from goalcoach.domain import coaching
    from goalcoach.widgets.coach_panel import checklist_rows

    template = load_template()
    target = {"role": "Pricing Analyst", "organisation": organisation, "terms": []}
    goals = {"short_term": [{"goal": "Own the monthly forecast", "steps": "finish the SQL course", "target_date": ""}],
             "long_term": [{"goal": "Lead a forecasting team and help shape how the business plans its stock"}]}
    slots = {**prefill.examples_for(target, template.examples(), template.fields),
             **prefill.slot_suggestions(target, goals, date(2026, 12, 1))}
    text = template.assemble(slots)  # "Over the next two years, …": the name's words, not the name
    for own_target in (True, False):  # the builder's context, and practice's (which uses the short form)
        profile = type("P", (), {"section": lambda self, name: target if name == "target" else {}})()
        feedback = coaching.coach_answer(text, profile, own_target=own_target, company=organisation)
        rows = [str(row.content) for row in checklist_rows(feedback)]
        assert "✘ Link to this employer" in rows and "✔ Link to this employer" not in rows
        assert organisation not in feedback["terms"]["used"]
    named = text.replace("Longer term,", f"Longer term, at {organisation.split()[0]},")
    assert coaching.coach_answer(named, None, company=organisation)["elements"]["company_alignment"]["present"]


# What a first-time user types: parentheses, grades, ranges of years, trailing full stops.
TYPED_ROLES = [
    "Ward Manager (Band 7)",
    "Band 6 Staff Nurse",
    "Deputy Sister, Band 6",
    "Clinical Nurse Specialist (Band 7) – Diabetes",
    "Ward Manager - Acute Medicine",
    "Staff Nurse (Cardiology)",
    "Store Manager",
    "Data Analyst II",
]
TYPED_SHORT = [
    "Within 18 months, cut falls on the ward by 20% through a nurse-led falls huddle. (Ward 7)",
    "In 12-18 months, run the ward's e-rostering.",
    "Lead the sepsis audit by June 2027..",
    "I want to become a Band 7 (ward manager) within two years.",
]
TYPED_LONG = [
    "In 3-5 years, become a matron for acute medicine, leading several wards and shaping nurse-led discharge across the Trust.",
    "In 3–5 years become a consultant nurse in critical care.",
    "In three to five years, I want to lead a team.",
    "Within 4 to 6 years: head a nursing directorate.",
    "in the next 3-5 yrs, lead the diabetes service (Trust-wide).",
]


def grammar_problems(text: str) -> list[str]:
    """Ways a pre-filled answer stops reading as English."""
    problems = []
    if re.search(r"\bto\s+(?:with)?in\b", text, re.I):
        problems.append("a time phrase after 'to'")
    if re.search(r"\.\s*\([^()]*\)\s*\.", text):
        problems.append("a bracketed fragment standing as a sentence")
    if re.search(r"\.\.|,\.|\s[,.]|,,", text):
        problems.append("doubled or stray punctuation")
    if re.search(r"draws me most is [^,]*(?:\(|\)|\bband\b|\bgrade\b|\d)", text, re.I):
        problems.append("the area is built from the title's grade or brackets")
    return problems


@pytest.mark.parametrize("role", TYPED_ROLES)
@pytest.mark.parametrize(("short", "long"), list(zip(TYPED_SHORT, TYPED_LONG)) + [(TYPED_SHORT[0], TYPED_LONG[4])])
def test_what_a_person_types_prefills_grammatical_sentences(role, short, long):
    text = sentence({"role": role}, {"short_term": [{"goal": short}], "long_term": [{"goal": long}]})
    assert grammar_problems(text) == [], text


@pytest.mark.parametrize(
    ("typed", "frame", "rest"),
    [
        ("In 3-5 years, become a matron", "three to five years", "become a matron"),
        ("In 3–5 years become a matron", "three to five years", "become a matron"),
        ("In 3 to 5 years, become a matron", "three to five years", "become a matron"),
        ("in the next 2 or 3 years: lead the unit", "two to three years", "lead the unit"),
        ("Within 12-18 months, own the rota", "12 to 18 months", "own the rota"),
        ("Become a matron in 3-5 years.", "three to five years", "Become a matron"),
    ],
)
def test_a_range_of_years_is_a_time_phrase(typed, frame, rest):
    assert prefill.split_time_phrase(typed, TODAY) == (frame, rest)


def test_the_nurses_prefill_reads_as_english():
    target = {"role": "Ward Manager (Band 7)", "organisation": "St Mary's Hospital NHS Trust"}
    goals = {
        "short_term": [{"goal": "Within 18 months, cut falls on the ward by 20% through a nurse-led falls huddle. (Ward 7)",
                        "steps": "Complete the Trust Band 7 leadership programme; ask my matron to mentor me."}],
        "long_term": [{"goal": "In 3-5 years, become a matron for acute medicine, leading several wards and "
                               "shaping nurse-led discharge across the Trust."}],
    }
    found = prefill.slot_suggestions(target, goals, TODAY)
    assert found["goal"] == "cut falls on the ward by 20% through a nurse-led falls huddle"
    assert found["area"] == "acute medicine"
    assert found["long_term"] == ("become a matron for acute medicine, leading several wards and shaping "
                                  "nurse-led discharge across the Trust")
    text = sentence(target, goals)
    assert "huddle. The part of the work that draws me most is acute medicine, because" in text
    assert "Longer term, I would like to become a matron for acute medicine" in text


@pytest.mark.parametrize(
    ("role", "area"),
    [
        ("Ward Manager (Band 7)", None),
        ("Band 6 Staff Nurse", None),
        ("Store Manager", None),
        ("Staff Nurse (Cardiology)", "cardiology"),
        ("Ward Manager - Acute Medicine", "acute medicine"),
        ("Clinical Nurse Specialist (Band 7) – Diabetes", "diabetes"),
        ("Marketing Manager, EMEA", "marketing"),
        ("Software Engineer II", "software"),
    ],
)
def test_the_area_leaves_out_grades_brackets_and_places(role, area):
    assert prefill.slot_suggestions({"role": role}, {}, TODAY).get("area") == area


@pytest.mark.parametrize(("slots", "expected"), [
    ({"goal": "I want to cut falls on the ward by 20%. (Ward 7)"}, "my goal is to cut falls on the ward by 20%. The part"),
    ({"goal": "Within 18 months, cut falls by 20%", "time_frame": ""}, "Over the next 18 months, my goal is to cut falls by 20%."),
    ({"long_term": "In 3-5 years, become a matron.."}, "I would like to become a matron, within three to five years."),
    ({"action_steps": "I will finish the course ,"}, "I plan to finish the course. Longer"),
])
def test_slots_typed_in_the_builder_read_in_their_sentence(slots, expected):
    # What a person types straight into a slot (or an older pre-fill they kept) reads as English.
    filled = {"time_frame": "two years", "goal": "lead the ward", "area": "acute care", "reason": "safety matters",
              "action_steps": "take the course", "long_term": "become a matron", **slots}
    text = prefill.assemble_answer(load_template(), filled, TODAY)
    assert expected in text, text
    assert " to in " not in text and ".." not in text and "to I " not in text
