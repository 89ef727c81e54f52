"""The recovery checklist's summary counts what it lists; a request for an example wants an example."""

from __future__ import annotations

from datetime import date

from goalcoach.coach import analyse
from goalcoach.domain.recovery import check_recovery
from goalcoach.domain.model_recovery import own_recovery
from goalcoach.screens.drill import checklist_text

ASKED_FOR_AN_EXAMPLE = (
    "Yes, of course. When our ward had three falls in one week, I pulled the team together for a ten-minute "
    "safety huddle at every shift change, and we had no further falls for the rest of that month. In my first "
    "year as your Ward Manager I want to make that huddle part of every shift, and in five years I'd like to "
    "become a matron for acute medicine."
)


def labelled(present: list[str]) -> dict:
    return {"elements": {c: {"present": True, "evidence": [[0, 5]]} for c in present}, "issues": []}


def test_the_summary_counts_the_moves_it_lists_and_says_the_misstep_is_gone():
    result = check_recovery(labelled(["short_term", "long_term", "company_alignment", "star_example"]), "vague")
    text = checklist_text(result, "x" * 10).plain
    lines = [line for line in text.splitlines() if line.startswith((" ✔", " ✘"))]
    assert len(lines) == len(result.moves) + 1  # the moves, then the misstep
    ticked = sum(line.startswith(" ✔") for line in lines)
    assert ticked == result.done_count + 1 == 5
    assert f"{result.done_count}/{len(result.moves)} moves made and the misstep is gone" in text
    assert "Still to do: Acknowledge the slip." in text


def test_asked_for_an_example_yes_of_course_is_a_fine_way_in():
    result = check_recovery(analyse(ASKED_FOR_AN_EXAMPLE).to_dict(), "star_example")
    text = checklist_text(result, ASKED_FOR_AN_EXAMPLE).plain
    assert "Acknowledge the slip" not in text
    assert "✘" not in text
    assert "Recovered" in text and result.passed


def test_a_slip_still_wants_owning():
    assert [m.move_id for m in check_recovery(labelled([]), "vague").moves][0] == "acknowledge"
    assert [m.move_id for m in check_recovery(labelled([]), "company_alignment").moves][0] == "acknowledge"


class _Profile:
    def __init__(self, sections: dict):
        self.sections = sections

    def section(self, name: str):
        return self.sections.get(name)


def test_the_model_recovery_for_a_missing_example_opens_with_your_own_example():
    moment = "When our ward had three falls in a week I started safety huddles, and we had no further falls that month."
    sections = {
        "target": {"role": "Ward Manager", "organisation": "St Mary's Hospital NHS Trust"},
        "goals": {"short_term": [{"goal": "cut falls on the ward by 20%"}]},
        "values": {"items": [{"name": "Teamwork", "moment": ""}, {"name": "Safety", "moment": moment, "non_negotiable": True}]},
    }
    model = own_recovery(_Profile(sections), date(2026, 12, 1), "star_example")
    assert moment.rstrip(".") in model  # the person's own story, not one made up for them
    assert analyse(model).elements["star_example"].present
    assert "Ward Manager" in model and "St Mary's Hospital NHS Trust" in model
    assert not analyse(own_recovery(_Profile(sections), date(2026, 12, 1), "vague")).elements["star_example"].present
    # Without a story of their own, the model shows where one goes.
    sections["values"] = {"items": []}
    assert "‹example›" in own_recovery(_Profile(sections), date(2026, 12, 1), "star_example")


def test_the_model_recovery_owns_a_slip_only_where_there_was_one():
    profile = _Profile({"target": {"role": "Ward Manager", "organisation": "St Mary's"},
                        "goals": {"short_term": [{"goal": "cut falls on the ward by 20%"}]}})
    asked_for_a_time = own_recovery(profile, date(2026, 12, 1), "timeframe")
    vague = own_recovery(profile, date(2026, 12, 1), "vague")
    assert asked_for_a_time.startswith("Of course.") and "put that more clearly" not in asked_for_a_time
    assert vague.startswith("Let me put that more clearly.")
    # Each is a recovery the drill's own check accepts for its push-back.
    for misstep, model in (("timeframe", asked_for_a_time), ("vague", vague)):
        moves = {m.move_id: m.done for m in check_recovery(analyse(model).to_dict(), misstep).moves}
        assert moves.get("acknowledge", True), (misstep, moves)


def test_defending_a_strong_answer_is_not_called_losing_a_misstep():
    from goalcoach.domain.recovery import GENERAL_CODE

    result = check_recovery(labelled(["short_term", "long_term", "company_alignment", "star_example"]), GENERAL_CODE)
    text = checklist_text(result, "x" * 10).plain
    result = check_recovery(labelled(["short_term", "long_term"]), GENERAL_CODE)
    text = checklist_text(result, "x" * 10).plain
    assert "misstep is gone" not in text and "No misstep to fix" in text
