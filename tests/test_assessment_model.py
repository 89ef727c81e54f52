"""The self-assessment's and builder's pure helpers."""

from __future__ import annotations


from hypothesis import given
from hypothesis import strategies as st

from goalcoach.domain import assessment as m


def test_split_list_trims_dedupes_and_drops_empties():
    assert m.split_list(" SQL, Excel ,, sql ;Python\n") == ["SQL", "Excel", "Python"]
    assert m.split_list("") == []
    assert m.join_list(["SQL", "Excel"]) == "SQL, Excel"


def test_values_are_capped_at_five_and_never_duplicated():
    items: list = []
    for name in ["Integrity", "integrity", "Creativity", "Teamwork", "Learning", "Fairness", "Variety"]:
        items = m.add_value(items, name)
    assert [i["name"] for i in items] == ["Integrity", "Creativity", "Teamwork", "Learning", "Fairness"]
    assert all(i["non_negotiable"] is False and i["moment"] == "" for i in items)


def test_move_toggle_and_remove_values():
    items = [{"name": n, "non_negotiable": False, "moment": ""} for n in "ABC"]
    moved, index = m.move_value(items, 2, -1)
    assert [i["name"] for i in moved] == ["A", "C", "B"] and index == 1
    same, index = m.move_value(items, 0, -1)  # already at the top
    assert same == items and index == 0
    toggled = m.toggle_non_negotiable(items, 1)
    assert toggled[1]["non_negotiable"] is True and items[1]["non_negotiable"] is False
    assert [i["name"] for i in m.remove_value(items, 0)] == ["B", "C"]


def test_progress_line_counts_each_section():
    sections = {
        "target": {"role": "Analyst", "organisation": "Acme", "mission": "", "terms": ["data"], "stage": "entry"},
        "values": {"items": [{"name": "A"}, {"name": "B"}]},
        "skills": {"hard": ["SQL", "Excel"], "soft": ["listening"], "to_develop": ["Python"]},
        "goals": {"short_term": [{"goal": "Own the forecast"}, {"goal": " "}], "long_term": [{"goal": "Lead"}]},
        "reflection": {"picture_5": "x", "feedback": ""},
    }
    assert m.progress_line(sections, 7) == "Target 4/5 · Values 2/5 · Skills 4 · Goals 2 · Reflection 1/7"
    assert m.progress_line({}, 7) == "Target 0/5 · Values 0/5 · Skills 0 · Goals 0 · Reflection 0/7"


def test_diff_marks_inserted_and_deleted_words():
    pieces = m.diff_words("I want to grow fast.", "I want to lead a team fast.")
    assert ("delete", "grow") in pieces and ("insert", "lead a team") in pieces
    assert m.diff_summary(pieces) == "+3 words, −1 words"
    assert m.diff_summary(m.diff_words("same", "same")) == "No changes"


@given(st.text(max_size=200), st.text(max_size=200))
def test_diff_pieces_rebuild_both_texts(old, new):
    pieces = m.diff_words(old, new)
    assert "".join(t for op, t in pieces if op != "insert") == old
    assert "".join(t for op, t in pieces if op != "delete") == new


def test_next_version_name_skips_taken_names():
    assert m.next_version_name([]) == "Version 1"
    assert m.next_version_name([{"name": "Version 1"}, {"name": "Mine"}]) == "Version 3"
    assert m.next_version_name([{"name": "Version 2"}]) == "Version 3"


def test_skills_follow_a_goal_whose_wording_changes():
    per_goal = {"Lead": ["rotas"], "Lead team": ["budgets"]}
    # Retyped: kept under the old wording while it is blank, then follow the new wording.
    assert m.follow_goal_wording(per_goal, "Lead team", "  ", ["Lead"]) == (per_goal, "Lead team")
    moved, key = m.follow_goal_wording(per_goal, "Lead team", "Lead ward team", ["Lead", "Lead ward team"])
    assert (moved, key) == ({"Lead": ["rotas"], "Lead ward team": ["budgets"]}, "Lead ward team")
    # Wording another goal's skills are under: nothing moves, neither goal loses its skills.
    assert m.follow_goal_wording(per_goal, "Lead team", "Lead", ["Lead"]) == (per_goal, "Lead team")
    # Another goal still has the old wording: copied, not taken from it.
    copied, _ = m.follow_goal_wording({"Lead": ["rotas"]}, "Lead", "Lead well", ["Lead", "Lead well"])
    assert copied == {"Lead": ["rotas"], "Lead well": ["rotas"]}
    assert m.earlier_goals({"Lead": ["rotas"], "Gone": ["x"], "Empty": []}, ["Lead"]) == ["Gone"]
