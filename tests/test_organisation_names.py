"""An organisation is named by its common short forms, and its name and the role stay whole in
the terms the coach reports."""

from __future__ import annotations

from goalcoach.domain.coaching import coach_answer

TARGET = {"role": "Staff Nurse, Cardiology", "organisation": "St Mary's Hospital NHS Trust",
          "terms": ["compassion"], "stage": "mid"}
ANSWER = ("Last year I set up a discharge checklist on my ward that cut readmissions from 21% to 14%. "
          "In the next two years I want to take on more cardiology patients at St Mary's and finish my ECG course, "
          "because compassion is why I became a nurse. In five years I'd like to lead a heart failure clinic.")


def test_an_nhs_trust_is_said_by_its_hospital_or_its_saints_name():
    from goalcoach.domain.organisation_names import short_forms

    assert short_forms("St Mary's Hospital NHS Trust") == ("St Mary's Hospital", "St Mary's")
    assert short_forms("Riverside University Hospitals NHS Foundation Trust")[0] == "Riverside University Hospitals"
    assert short_forms("Royal Hospital") == ()  # 'Royal' alone names nobody


def test_the_short_name_counts_and_the_terms_keep_the_full_names(profile):
    profile.save_section("target", TARGET)
    result = coach_answer(ANSWER, profile, own_target=True)
    assert result["terms"] == {"used": ["compassion", "St Mary's Hospital NHS Trust"],
                               "missed": ["Staff Nurse, Cardiology"]}
    said = ANSWER.index("St Mary's")
    assert any(start <= said + 3 < end for start, end in result["elements"]["company_alignment"]["evidence"])


def test_the_organisations_full_name_is_used_when_said_in_full(profile):
    profile.save_section("target", TARGET)
    result = coach_answer(ANSWER.replace("at St Mary's", "at St Mary's Hospital NHS Trust as a Staff Nurse, Cardiology"),
                          profile, own_target=True)
    assert result["terms"] == {"used": ["compassion", "St Mary's Hospital NHS Trust", "Staff Nurse, Cardiology"],
                               "missed": []}
