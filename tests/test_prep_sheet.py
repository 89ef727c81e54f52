"""The prep sheet: one printable page for the target, never a weak answer as the best one."""

from __future__ import annotations

from datetime import timedelta

from markdown_it import MarkdownIt

from goalcoach.content import load_recovery_moves
from goalcoach.domain import transfer
from goalcoach.domain.prep_sheet import MAX_FOLLOW_UPS, prep_sheet
from test_progress_model import NOW, attempt, feedback, seed_history
from test_transfer import NASTY, _plain_text

EXPORTED = "2026-11-02T09:00:00+00:00"
TARGET = {"role": "Charge nurse", "organisation": "St Ann's", "terms": ["patient safety", "rotation"], "stage": "entry"}


def own(when, score, **extra):
    """An attempt made while practising for the person's own target (no scenario)."""
    return attempt(when, score, scenario_id=None, title="", **extra)


def snapshot(attempts, *, versions=(), current=None, sections=None):
    return {
        "sections": sections if sections is not None else {"target": TARGET},
        "settings": {"current_version": current} if current else {},
        "versions": list(versions),
        "attempts": list(attempts),
        "drafts": {},
    }


def headings(sheet: str) -> list[str]:
    tokens = MarkdownIt("commonmark").parse(sheet)
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]


def sheet_for(snap, current_feedback=None, expected=()):
    return prep_sheet(snap, transfer.current_answer(snap), current_feedback, load_recovery_moves(), EXPORTED, expected)


def test_one_page_in_the_order_a_person_reads_it():
    sheet = sheet_for(snapshot(seed_history()))
    assert headings(sheet) == [
        "Interview prep sheet: “What are your career goals?”",
        "Your best answer", "Follow-ups to expect", "Their words", "Your plan in brief", "Remember",
    ]
    assert "Charge nurse" in sheet and "St Ann" in sheet
    assert "patient safety, rotation" in sheet
    # No list of unrelated scenarios: only the answer, its follow-ups and the target's words.
    assert "Teacher ready for a department" not in sheet


def test_the_best_answer_is_the_highest_scoring_main_answer_that_is_not_weak():
    records = [
        own(NOW - timedelta(days=3), 81, text="Main answer that scored 81."),
        own(NOW - timedelta(days=2), 95, text="A follow-up answer, not the main question.", follow_up=True,
            question="Why this ward?"),
        own(NOW - timedelta(days=1), 34, text="A weak answer about the salary."),
        attempt(NOW, 97, text="A teacher's answer from a practice scenario."),  # someone else's job
    ]
    sheet = sheet_for(snapshot(records))
    best = sheet.split("## Your best answer")[1].split("##")[0]
    assert "Main answer that scored 81." in best
    assert "not the main question" not in best
    assert "salary" not in sheet
    assert "teacher" not in sheet  # a practice scenario is another person's job, not the target


def test_a_weak_answer_is_never_shown_as_best():
    records = [attempt(NOW, 34, text="I want money, that's my goal.", issues=("personal_gain",))]
    version = {"id": "v1", "name": "draft", "text": "Maybe I guess something.", "created": EXPORTED}
    weak = feedback(30, issues=("vague", "hedging"))
    weak["priority"] = {"code": "vague", "message": "Name the role you want.", "suggestion": ""}
    sheet = sheet_for(snapshot(records, versions=[version], current="v1"), current_feedback=weak)
    best = sheet.split("## Your best answer")[1].split("##")[0]
    assert "not ready" in best
    assert "I want money" not in sheet and "Maybe I guess" not in best
    assert "Name the role you want." in sheet.split("## Remember")[1]  # what to fix first


def test_follow_ups_to_expect_come_with_the_best_answer_to_each():
    records = [
        own(NOW - timedelta(days=2), 60, follow_up=True, question="Why this ward?", text="Older answer to why."),
        own(NOW - timedelta(days=1), 72, follow_up=True, question="Why this ward?", text="Better answer to why."),
        own(NOW, 20, follow_up=True, question="How do you handle pressure?", text="A weak one."),
    ]
    expected = ["What are your career goals?", "Where do you see yourself in five years?"] + [f"Q{i}?" for i in range(9)]
    sheet = sheet_for(snapshot(records), expected=expected)
    part = sheet.split("## Follow-ups to expect")[1].split("## Their words")[0]
    assert "Why this ward?" in part and "Better answer to why." in part and "Older answer" not in part
    assert "How do you handle pressure?" in part and "A weak one." not in part
    assert "Where do you see yourself in five years?" in part
    assert "What are your career goals?" not in part  # the main question is not a follow-up
    assert part.count("**") // 2 == MAX_FOLLOW_UPS


def test_one_question_in_several_interviewers_words_is_listed_once():
    from goalcoach.content import load_follow_ups
    from goalcoach.domain.transfer_files import expected_follow_ups, follow_up_variants

    variants = follow_up_variants()
    for stage in ("entry", "mid", "switcher", "senior", "gap"):
        listed = [variants.get(q, q) for q in expected_follow_ups(stage)]
        assert len(listed) == len(set(listed)), f"{stage}: a follow-up is listed in two wordings"
    # Practised in one wording, expected in another: one entry, with the practised answer.
    leading = next(f for f in load_follow_ups() if len(f.questions) >= 2)
    practised, other = leading.questions[0], leading.questions[1]
    records = [own(NOW, 80, follow_up=True, question=practised, text="The time I led the rota change.")]
    sheet = prep_sheet(snapshot(records), None, None, load_recovery_moves(), EXPORTED, [other], variants)
    part = sheet.split("## Follow-ups to expect")[1].split("## Their words")[0]
    assert practised in part and other not in part and "The time I led the rota change." in part


def test_every_heading_stands_after_a_blank_line():
    sheet = sheet_for(snapshot([], sections={}))
    lines = sheet.splitlines()
    assert all(lines[i - 1] == "" for i, line in enumerate(lines) if i and line.startswith("#"))


def test_every_user_string_is_escaped_and_renders_back():
    sections = {
        "target": {"role": NASTY[1], "organisation": NASTY[6], "mission": NASTY[7], "terms": [NASTY[2], NASTY[5]]},
        "values": {"items": [{"name": NASTY[3]}]},
        "goals": {"short_term": [{"goal": NASTY[11], "steps": NASTY[12], "target_date": "2027"}], "long_term": []},
    }
    records = [own(NOW, 88, text="\n".join(NASTY))]
    sheet = sheet_for(snapshot(records, sections=sections))
    assert "\x1b" not in sheet and "<script>" not in sheet
    rendered = _plain_text(sheet)
    for value in (NASTY[1], NASTY[2], NASTY[3], NASTY[11]):
        assert transfer.clean(value) in rendered


def test_without_any_answer_it_says_so():
    sheet = sheet_for(snapshot([], sections={}))
    assert "no answer yet" in sheet and "no target set" in sheet and "none yet" in sheet


def plan_line(sheet: str, title: str) -> str:
    return next(line for line in sheet.splitlines() if line.startswith(f"- **{title}:**"))


def test_a_timeline_typed_with_by_is_not_given_a_second_by():
    goals = {"short_term": [{"goal": "Finish the ECG module", "target_date": "by June 2026"},
                            {"goal": "Join the cardiac rota", "target_date": "Module by June 2026, rota by December"}],
             "long_term": [{"goal": "Lead the heart failure clinic", "target_date": "2030"}]}
    sheet = sheet_for(snapshot([], sections={"target": TARGET, "goals": goals}))
    assert "by by" not in sheet.lower() and "(by Module" not in sheet
    assert "- **Short term:** Finish the ECG module (by June 2026)" in sheet
    assert "- **Short term:** Join the cardiac rota. Timeline: Module by June 2026, rota by December" in sheet
    assert plan_line(sheet, "Long term") == "- **Long term:** Lead the heart failure clinic (by 2030)"


def test_every_ranked_value_is_on_the_sheet():
    names = ["Compassion", "Teamwork", "Learning", "Integrity", "Stability"]
    sections = {"target": TARGET, "values": {"items": [{"name": n} for n in names]}}
    sheet = sheet_for(snapshot([], sections=sections))
    assert plan_line(sheet, "Values") == "- **Values:** " + ", ".join(names)


def test_the_sheet_and_the_builders_help_give_the_same_length():
    from goalcoach.content.guides import load_guide

    sheet = sheet_for(snapshot(seed_history()))
    help_text = " ".join(load_guide("builder").split())
    for said in ("about one minute", "two at most", "140 to 250 words"):
        assert said in sheet and said in help_text
    assert " 40 to 250" not in sheet and "60–90" not in help_text


def test_a_goal_or_timeline_typed_with_a_full_stop_gets_no_second_one():
    goals = {"short_term": [{"goal": "Within 18 months, cut falls on the ward by 20% through a nurse-led falls huddle. (Ward 7)",
                             "target_date": "Leadership programme by June 2026; 20% reduction by end of 2026.",
                             "steps": "Complete the leadership programme; lead the falls QI project."},
                            {"goal": "Finish the ECG module.", "target_date": "by June 2026."}],
             "long_term": [{"goal": "In 3-5 years, become a matron for acute medicine across the Trust.",
                            "target_date": "MSc started 2027; matron applications by 2029..",
                            "steps": "Shadow a matron."},
                           {"goal": "Would I run a unit?", "steps": "Ask."}]}
    sheet = sheet_for(snapshot([], sections={"target": TARGET, "goals": goals}))
    plan = sheet.split("## Your plan in brief")[1].split("## Remember")[0]
    assert ".." not in plan and "?." not in plan and ". (" not in plan
    assert ("- **Short term:** Within 18 months, cut falls on the ward by 20% through a nurse-led falls huddle (Ward 7). "
            "Timeline: Leadership programme by June 2026; 20% reduction by end of 2026. "
            "Steps: Complete the leadership programme; lead the falls QI project.") in plan
    assert "- **Short term:** Finish the ECG module (by June 2026)\n" in plan
    assert ("- **Long term:** In 3-5 years, become a matron for acute medicine across the Trust. "
            "Timeline: MSc started 2027; matron applications by 2029. Steps: Shadow a matron.") in plan
    assert "- **Long term:** Would I run a unit? Steps: Ask." in plan
