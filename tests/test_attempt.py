"""The one attempt record: what the screens store, exports carry and an import checks."""

from __future__ import annotations

import pytest

from goalcoach.domain.attempt import Attempt, AttemptError

FEEDBACK = {"score": 64, "quality": "adequate", "issues": [], "elements": {}}


def test_a_coached_attempt_takes_score_and_quality_from_the_feedback():
    attempt = Attempt.coached("builder", "Q?", "My answer", FEEDBACK, version_id="v1")
    record = attempt.to_dict()
    assert (record["score"], record["quality"], record["version_id"]) == (64, "adequate", "v1")
    # Fields of other kinds are not stored on a builder attempt.
    assert "drill_id" not in record and "session_id" not in record


def test_a_stored_record_reads_back_unchanged_including_fields_it_does_not_know():
    stored = {"id": "a1", "created": "2026-11-02T09:00:00+00:00", "kind": "drill", "question": "Pushback",
              "text": "Recovery", "score": 70, "quality": "strong", "feedback": FEEDBACK, "seconds": 31.5,
              "scenario_id": None, "scenario_title": "Vague", "stage": "entry", "drill_id": "d1",
              "misstep": "vague", "adaptive": False, "recovery": {"passed": True}, "session_id": "s",
              "follow_up": False, "from_a_newer_version": [1, 2]}
    attempt = Attempt.from_dict(stored)
    assert attempt.drill_id == "d1" and attempt.extra == {"from_a_newer_version": [1, 2]}
    assert attempt.to_dict() == stored


@pytest.mark.parametrize(("record", "named"), [
    ({"score": "high"}, "attempts[3].score"),
    ({"score": True}, "attempts[3].score"),
    ({"text": ["not", "text"]}, "attempts[3].text"),
    ({"feedback": "none"}, "attempts[3].feedback"),
    ("not an object", "attempts[3] is not an object"),
])
def test_a_damaged_record_is_refused_naming_the_field(record, named):
    with pytest.raises(AttemptError, match=named.replace("[", r"\[").replace("]", r"\]")):
        Attempt.from_dict(record, where="attempts[3]")


def test_the_record_has_exactly_the_fields_an_import_accepts():
    from dataclasses import fields

    from goalcoach.profile.validation import ATTEMPT_FIELDS

    assert {f.name for f in fields(Attempt)} - {"extra"} == set(ATTEMPT_FIELDS)
