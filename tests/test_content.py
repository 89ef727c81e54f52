"""The shipped content loads cleanly and meets its shape; the loaders report broken files."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest

from goalcoach.content import (
    MANNERS,
    SET_STAGES,
    ContentError,
    content_dir,
    list_guides,
    load_drills,
    load_follow_ups,
    load_guide,
    load_pushbacks,
    load_recovery_moves,
    load_scenario_sets,
    load_template,
    load_worksheets,
)

from goalcoach.coach import analyse
from goalcoach.content.types import FACT_FIELDS
from goalcoach.coach.question_kinds import kind_ids

WORD = re.compile(r"[\w'’-]+")
LESSONS = [
    "why-they-ask",
    "strong-answer",
    "stages",
    "mistakes",
    "recovery",
    "follow-ups",
    "delivery",
]


def words(text: str) -> int:
    return len(WORD.findall(text))


# --- the shipped content ----------------------------------------------------------------------


def test_scenario_sets_load_in_stage_order():
    sets, errors = load_scenario_sets()
    assert errors == []
    assert [s.id for s in sets] == ["entry", "mid", "switcher", "senior", "gap"]
    assert [s.stage for s in sets] == list(SET_STAGES)
    for scenario_set in sets:
        assert scenario_set.title and scenario_set.summary


def test_scenarios_have_distinct_industries_and_employers_within_a_set():
    sets, _ = load_scenario_sets()
    for scenario_set in sets:
        scenarios = scenario_set.scenarios
        assert len(scenarios) >= 3, scenario_set.id
        assert len({s.industry for s in scenarios}) == len(scenarios), scenario_set.id
        assert len({s.employer.name for s in scenarios}) == len(scenarios), scenario_set.id
        assert all(s.set_id == scenario_set.id for s in scenarios)


def test_scenario_ids_are_unique_across_sets():
    sets, _ = load_scenario_sets()
    ids = [s.id for scenario_set in sets for s in scenario_set.scenarios]
    assert len(ids) == len(set(ids))
    assert all(i.startswith(f"{i.split('-')[0]}-") for i in ids)


@pytest.mark.parametrize("scenario_set", load_scenario_sets()[0], ids=lambda s: s.id)
def test_scenario_shape(scenario_set):
    for s in scenario_set.scenarios:
        assert 80 <= words(s.model_answer) <= 220, (s.id, words(s.model_answer))
        assert s.interviewer.name and s.interviewer.role and s.interviewer.manner in MANNERS, s.id
        assert s.interviewer.name not in s.persona, s.id
        assert 2 <= len(s.tips) <= 4, s.id
        assert 2 <= len(s.employer.values) <= 4, s.id
        named = [w for w in s.employer.name.split() if w[:1].isupper() and w not in ("The", "University", "Office")]
        assert any(w in s.model_answer for w in named) or s.employer.name in s.model_answer, s.id
        assert 1 <= len(re.findall(r"[.!?](\s|$)", s.persona)) <= 3, s.id
        assert s.question.endswith("?")


def test_drills_load_and_cover_the_missteps():
    drills, errors = load_drills()
    assert errors == []
    assert len(drills) >= 12
    assert len({d.id for d in drills}) == len(drills)
    missteps = {d.misstep for d in drills}
    assert {
        "vague",
        "personal_gain",
        "unrealistic",
        "misaligned",
        "hedging",
        "too_long",
        "negative_tone",
        "filler",
    } <= missteps
    assert len({d.title for d in drills}) == len(drills)


@pytest.mark.parametrize("drill", load_drills()[0], ids=lambda d: d.id)
def test_drill_shape(drill):
    assert 80 <= words(drill.model_recovery) <= 200, words(drill.model_recovery)
    # The acknowledgement comes first, in whatever words (openings vary, so none sounds scripted).
    first_sentence = re.split(r"(?<=[.!?])\s", drill.model_recovery, maxsplit=1)[0]
    ack = analyse(drill.model_recovery).elements["acknowledgement"]
    assert ack.present and ack.evidence[0].start < len(first_sentence), first_sentence
    assert drill.question.endswith("?") and drill.pushback.endswith("?")
    assert 1 <= len(re.findall(r"[.!?](\s|$)", drill.why_it_hurts)) <= 2
    assert drill.tips
    if drill.misstep == "too_long":
        assert words(drill.flawed_answer) > 250
    elif drill.misstep == "too_short":
        assert words(drill.flawed_answer) < 40
    else:
        assert 40 <= words(drill.flawed_answer) <= 250


def test_pushbacks_cover_every_code():
    pushbacks = load_pushbacks()
    issues = ["vague", "personal_gain", "unrealistic", "misaligned", "hedging", "filler"]
    issues += ["negative_tone", "too_short", "too_long"]
    for code in issues + ["company_alignment", "action_plan", "long_term", "short_term"]:
        assert pushbacks.get(code), code
    assert "specific" in pushbacks["vague"]
    assert "leave" in pushbacks["misaligned"]
    assert "jump" in pushbacks["unrealistic"]
    assert "role" in pushbacks["company_alignment"]
    assert "get there" in pushbacks["action_plan"]


def test_recovery_moves_in_order():
    moves = load_recovery_moves()
    assert [m.id for m in moves] == ["acknowledge", "pause", "reframe", "star", "listen"]
    assert all(m.title and m.how for m in moves)


def test_template_slots_and_assembly():
    template = load_template()
    assert [s.id for s in template.slots] == [
        "time_frame",
        "goal",
        "area",
        "reason",
        "action_steps",
        "long_term",
    ]
    assert all(s.label and s.hint and s.example for s in template.slots)
    filled = template.assemble(template.examples())
    assert "{" not in filled and "‹" not in filled
    for slot in template.slots:
        assert slot.example in filled
    assert 40 <= words(filled) <= 250


def test_template_gaps_and_user_text():
    template = load_template()
    empty = template.assemble({})
    assert "‹goal›" in empty and "‹time frame›" in empty
    assert "[" not in empty and "{" not in empty
    odd = template.assemble({"goal": "lead {area} work [/] and more.\n\n", "area": "  "})
    assert "lead {area} work [/] and more." in odd
    assert "‹area of interest›" in odd


def test_worksheets():
    sheets = load_worksheets()
    assert [(s.id, s.label) for s in sheets.stages] == [
        ("entry", "Entry level"),
        ("mid", "Mid-career"),
        ("switcher", "Career switcher"),
        ("senior", "Senior"),
    ]
    assert len(sheets.value_suggestions) >= 16
    assert len(set(sheets.value_suggestions)) == len(sheets.value_suggestions)
    ids = lambda prompts: [p.id for p in prompts]  # noqa: E731
    assert ids(sheets.target_prompts) == ["role", "organisation", "mission", "terms", "stage"]
    assert ids(sheets.values_prompts) == ["moment"]
    assert ids(sheets.skills_prompts) == ["hard", "soft", "to_develop", "per_goal"]
    assert ids(sheets.goals_prompts) == [
        "short_term",
        "long_term",
        "steps",
        "target_date",
        "resources",
    ]
    reflection = " ".join(p.label + " " + p.hint for p in sheets.reflection_prompts).lower()
    for topic in ("five", "ten", "twenty", "feedback", "career path", "inventor", "mission"):
        assert topic in reflection, topic


def test_guides():
    names = list_guides()
    assert names[: len(LESSONS)] == LESSONS
    for name in LESSONS:
        text = load_guide(name)
        assert text.startswith("# ")
        assert len(text.splitlines()) <= 45, name


def test_missing_guide_names_the_file():
    with pytest.raises(ContentError) as caught:
        load_guide("no-such-lesson")
    assert caught.value.file == "guide/no-such-lesson.md"
    assert "guide/no-such-lesson.md" in str(caught.value)
    with pytest.raises(ContentError):
        load_guide("../pyproject")


def test_results_are_cached_and_safe_to_mutate():
    sets, errors = load_scenario_sets()
    sets.clear()
    errors.append("x")
    again, errors_again = load_scenario_sets()
    assert len(again) == 5 and errors_again == []
    assert load_template() is load_template()


# --- broken content in a temporary folder ------------------------------------------------------


@pytest.fixture
def root(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(content_dir(), copy)
    return copy


def scenario_file(set_id: str, scenario_ids: list[str], drop: tuple[str, str] = ("", "")) -> str:
    """A small valid set file; `drop` = (scenario id, field) leaves that field out."""
    parts = [f'id = "{set_id}"\ntitle = "T"\nstage = "{set_id}"\nsummary = "S"\n']
    for sid in scenario_ids:
        fields = {
            "id": sid,
            "title": "T",
            "industry": sid,
            "persona": "P.",
            "question": "Q?",
            "model_answer": "A.",
        }
        lines = [f'{k} = "{v}"' for k, v in fields.items() if (sid, k) != drop]
        lines += ['tips = ["T."]']
        lines += ["[scenarios.employer]", 'name = "E"', 'what_it_does = "W"', 'values = ["V"]']
        lines += ["[scenarios.interviewer]", 'name = "N"', 'role = "R"', 'manner = "warm"']
        lines += ["[scenarios.facts]"] + [f'{f} = "x"' for f in FACT_FIELDS]
        parts.append("[[scenarios]]\n" + "\n".join(lines) + "\n")
    return "\n".join(parts)


def test_broken_toml_is_reported_and_skipped(root: Path):
    (root / "scenarios" / "mid.toml").write_text('id = "mid"\ntitle = "unterminated\n')
    sets, errors = load_scenario_sets(root)
    assert [s.id for s in sets] == ["entry", "switcher", "senior", "gap"]
    assert len(errors) == 1
    assert errors[0].file == "scenarios/mid.toml"
    assert str(errors[0]).startswith("scenarios/mid.toml: invalid TOML")


def test_broken_drill_file_is_reported_and_skipped(root: Path):
    (root / "drills" / "hedging.toml").write_text("[[drills]\n")
    drills, errors = load_drills(root)
    assert [e.file for e in errors] == ["drills/hedging.toml"]
    assert "hedging" not in {d.misstep for d in drills}
    assert len(drills) == len(load_drills()[0]) - 1


def test_missing_field_names_file_and_field(root: Path):
    text = scenario_file("entry", ["a-1", "a-2", "a-3"], drop=("a-3", "model_answer"))
    (root / "scenarios" / "entry.toml").write_text(text)
    sets, errors = load_scenario_sets(root)
    assert [e.file for e in errors] == ["scenarios/entry.toml"]
    error = errors[0]
    assert error.field == "scenarios[2].model_answer"
    assert str(error) == (
        "scenarios/entry.toml: scenarios[2].model_answer: missing (expected a non-empty string)"
    )
    assert "entry" not in [s.id for s in sets]


def test_wrong_types_and_values_are_reported(root: Path):
    bad_stage = scenario_file("entry", ["b-1"]).replace('stage = "entry"', 'stage = "junior"')
    (root / "scenarios" / "entry.toml").write_text(bad_stage)
    bad_tips = scenario_file("mid", ["b-2"]).replace('tips = ["T."]', "tips = [1]")
    (root / "scenarios" / "mid.toml").write_text(bad_tips)
    no_employer = scenario_file("gap", ["b-3"]).replace("[scenarios.employer]", "[other]")
    (root / "scenarios" / "gap.toml").write_text(no_employer)
    _, errors = load_scenario_sets(root)
    by_file = {e.file: e for e in errors}
    assert by_file["scenarios/entry.toml"].field == "stage"
    assert by_file["scenarios/mid.toml"].field == "scenarios[0].tips[0]"
    assert by_file["scenarios/gap.toml"].field == "scenarios[0].employer"


def test_duplicate_scenario_id_across_files(root: Path):
    duplicate = scenario_file("gap", ["entry-nurse"])
    (root / "scenarios" / "gap.toml").write_text(duplicate)
    sets, errors = load_scenario_sets(root)
    assert [(e.file, e.field) for e in errors] == [("scenarios/gap.toml", "scenarios[0].id")]
    assert "duplicate" in str(errors[0])
    assert len(sets) == 4


def test_unknown_drill_misstep(root: Path):
    path = root / "drills" / "filler.toml"
    path.write_text(path.read_text().replace('misstep = "filler"', 'misstep = "mumbling"'))
    _, errors = load_drills(root)
    assert [(e.file, e.field) for e in errors] == [("drills/filler.toml", "drills[0].misstep")]


def test_single_files_raise_with_file_and_field(root: Path):
    path = root / "drills" / "pushbacks.toml"
    path.write_text(re.sub(r"(?m)^too_short = .*$", "", path.read_text()))
    with pytest.raises(ContentError) as caught:
        load_pushbacks(root)
    assert (caught.value.file, caught.value.field) == ("drills/pushbacks.toml", "too_short")

    path = root / "template.toml"
    path.write_text(path.read_text().replace('id = "reason"', 'id = "why"'))
    with pytest.raises(ContentError) as caught:
        load_template(root)
    assert caught.value.file == "template.toml"

    (root / "worksheets.toml").unlink()
    with pytest.raises(ContentError) as caught:
        load_worksheets(root)
    assert caught.value.file == "worksheets.toml"


def test_explicit_root_bypasses_the_cache(root: Path):
    assert len(load_scenario_sets(root)[0]) == 5
    (root / "scenarios" / "senior.toml").unlink()
    assert len(load_scenario_sets(root)[0]) == 4
    assert len(load_scenario_sets()[0]) == 5


def test_unwrapped_text(root: Path):
    text = scenario_file("entry", ["c-1"]).replace(
        'persona = "P."', 'persona = """\n  One line\n  wrapped.\n\n  Second paragraph.\n"""'
    )
    (root / "scenarios" / "entry.toml").write_text(textwrap.dedent(text))
    sets, errors = load_scenario_sets(root)
    assert errors == []
    assert sets[0].scenarios[0].persona == "One line wrapped.\n\nSecond paragraph."


# --- follow-ups ----------------------------------------------------------------------------


def test_follow_ups_are_many_and_distinct_and_never_the_main_question():
    follow_ups = load_follow_ups()
    questions = [q for f in follow_ups for q in f.questions]
    assert len(set(questions)) >= 40
    assert len({f.id for f in follow_ups}) == len(follow_ups)
    mains = {s.question for st in load_scenario_sets()[0] for s in st.scenarios} | {"What are your career goals?"}
    assert not set(questions) & mains
    assert all(f.kind in kind_ids() and f.kind != "career_goals" for f in follow_ups)


def test_every_reaction_has_a_follow_up():
    triggers = {f.trigger for f in load_follow_ups()}
    for code in ("personal_gain", "vague", "unrealistic", "misaligned", "negative_tone", "hedging", "not_an_answer"):
        assert code in triggers, code
    for stage in SET_STAGES:
        assert f"strong:{stage}" in triggers, stage
    for element in ("company_alignment", "action_plan", "long_term", "short_term"):
        assert f"missing:{element}" in triggers, element
    assert "after:salary" in triggers


def test_each_scenario_asks_known_common_questions():
    extras = {f.id for f in load_follow_ups() if f.trigger == "extra"}
    for scenario_set in load_scenario_sets()[0]:
        for scenario in scenario_set.scenarios:
            assert scenario.asks and set(scenario.asks) <= extras, scenario.id


def test_a_bad_follow_up_trigger_is_named(root: Path):
    path = root / "follow_ups.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('trigger = "vague"', 'trigger = "vageu"'), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_follow_ups(root)
    assert info.value.file == "follow_ups.toml" and "trigger" in info.value.field and "vageu" in info.value.problem


# --- model answers in many shapes --------------------------------------------------------------

#: Words that carry the grammar of any goal; a phrase made only of these is not a stock phrase.
GOAL_GRAMMAR = frozenset(
    "i i'd i'm i'll i've want to would like a an the my in on at this that and of for be is it with as "
    "me we our your am will can have has so plan aim hope goal".split()
)
METRIC = re.compile(r"\d+\s?(?:%|percent|per cent)|\bfrom\s+\d|\bby\s+(?:a\s+)?(?:third|half|quarter|fifth)|\b(?:doubled|tripled|halved)\b")


def model_texts() -> list[str]:
    answers = [s.model_answer for st in load_scenario_sets()[0] for s in st.scenarios]
    return answers + [d.model_recovery for d in load_drills()[0]]


def phrases(text: str, n: int = 3) -> set[str]:
    words = re.findall(r"[a-z0-9'’]+", text.lower().replace("’", "'"))
    grams = {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}
    return {g for g in grams if not set(g.split()) <= GOAL_GRAMMAR}


def test_no_stock_phrase_in_more_than_a_third_of_model_answers():
    texts = model_texts()
    counts: dict[str, int] = {}
    for text in texts:
        for phrase in phrases(text):
            counts[phrase] = counts.get(phrase, 0) + 1
    overused = {p: c for p, c in counts.items() if c > len(texts) / 3}
    assert not overused, f"{len(texts)} texts; overused: {overused}"


def test_model_answers_come_in_many_shapes():
    answers = [s.model_answer for st in load_scenario_sets()[0] for s in st.scenarios]
    assert len(answers) >= 30
    assert sum(words(a) <= 110 for a in answers) >= 3  # short ones
    assert sum(not METRIC.search(a) for a in answers) >= 2  # some without a metric
    openings = [" ".join(a.split()[:3]).lower() for a in answers]
    closes = [" ".join(a.split()[-3:]).lower() for a in answers]
    assert len(set(openings)) >= len(answers) * 0.9 and len(set(closes)) >= len(answers) * 0.9
    assert any("of my own" in a for a in answers)  # an entrepreneurial goal, said openly
    assert any("haven't yet decided" in a for a in answers)  # honest about the long term
    assert any("family life" in a or "work-life" in a for a in answers)  # balance as what keeps you effective


def test_scenarios_cover_the_sectors_and_situations():
    industries = " ".join(s.industry.lower() + " " + s.title.lower() for st in load_scenario_sets()[0] for s in st.scenarios)
    for needle in ("trades", "sales", "creative", "research", "public sector", "promotion", "internship", "caring", "raising children"):
        assert needle in industries, needle
