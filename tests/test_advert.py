"""The advert reader on adverts written before it (tests/data/adverts, see its README), and on
input that is not an advert."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from goalcoach.domain.advert import AdvertError, decode, propose, same_term

ADVERTS = Path(__file__).parent / "data" / "adverts"
EXPECTED = json.loads((ADVERTS / "expected.json").read_text(encoding="utf-8"))


def norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


@pytest.fixture(scope="module")
def proposals():
    return {name: propose(decode((ADVERTS / name).read_bytes())) for name in EXPECTED}


def test_the_set_has_every_shape_the_issue_names():
    assert len(EXPECTED) >= 12
    shapes = " ".join(e["shape"] for e in EXPECTED.values()).lower()
    for shape in ("public sector", "nhs", "start-up", "retail", "trades", "academic", "graduate", "us ",
                  "html", "no headings"):
        assert shape in shapes


def test_key_terms_precision_and_recall_are_at_least_0_8(proposals):
    proposed = matched_proposed = expected = matched_expected = 0
    for name, e in EXPECTED.items():
        terms = [t.text for t in proposals[name].terms]
        proposed += len(terms)
        matched_proposed += sum(any(same_term(t, x) for x in e["terms"]) for t in terms)
        expected += len(e["terms"])
        matched_expected += sum(any(same_term(t, x) for t in terms) for x in e["terms"])
    precision, recall = matched_proposed / proposed, matched_expected / expected
    assert precision >= 0.8, f"precision {precision:.2f}"
    assert recall >= 0.8, f"recall {recall:.2f}"


def test_organisation_and_title_are_right_on_all_but_one(proposals):
    def right(key: str) -> list[str]:
        return [n for n, e in EXPECTED.items()
                if getattr(proposals[n], key) and norm(getattr(proposals[n], key).text) in map(norm, e[key])]

    assert len(right("organisation")) >= len(EXPECTED) - 1
    assert len(right("title")) >= len(EXPECTED) - 1


def test_stage_only_when_the_advert_states_it(proposals):
    right = [n for n, e in EXPECTED.items() if (proposals[n].stage and proposals[n].stage.text) == e["stage"]]
    assert len(right) >= len(EXPECTED) - 1


def test_values_are_found_where_the_advert_lists_them(proposals):
    found = total = 0
    for name, e in EXPECTED.items():
        values = [v.text for v in proposals[name].values]
        total += len(e["values"])
        found += sum(any(same_term(v, x) for v in values) for x in e["values"])
    assert found / total >= 0.8


def test_every_item_points_at_the_sentence_it_came_from(proposals):
    for proposal in proposals.values():
        items = [proposal.organisation, proposal.title, proposal.stage, proposal.mission,
                 *proposal.values, *proposal.terms]
        for item in filter(None, items):
            assert proposal.text[item.start:item.end] == item.sentence
        assert 5 <= len(proposal.terms) <= 15
        # Short enough for the coach to find in an answer.
        assert all(len(t.text.split()) <= 6 for t in proposal.terms)


def test_html_remnants_and_odd_whitespace_do_not_reach_the_proposal(proposals):
    for name in ("html_marketing_exec.txt", "warehouse_operative.txt"):
        data = json.dumps(proposals[name].to_dict())
        for remnant in ("<li>", "</", "&nbsp;", "&pound;", "&amp;", "\\r", "\\t", "  "):
            assert remnant not in data, (name, remnant)


def test_uk_and_us_spellings_name_the_same_term():
    assert same_term("organisational skills", "organizational skills")
    assert same_term("route optimisation", "route optimization")
    assert same_term("programme reports", "program reports")
    assert not same_term("stakeholder reporting", "reporting")  # one shared word is not the term


@pytest.mark.parametrize(
    "data, says",
    [
        (b"", "empty"),
        (b"  \n\t \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        (b"Senior Engineer. " * 700_000, "MB"),
        (b"Hi Sam, lunch on Sunday?", "words"),
        (("The cat sat on the mat in the sun all afternoon, and nobody in the house minded at all. " * 3).encode(),
         "does not read like a job advert"),
    ],
    ids=["empty", "blank", "binary", "10 MB", "a note", "a story"],
)
def test_bad_input_gets_one_clear_line(data, says):
    with pytest.raises(AdvertError) as error:
        propose(decode(data))
    message = str(error.value)
    assert says in message and "\n" not in message


def test_a_windows_1252_file_is_read():
    text = (ADVERTS / "council_policy_officer.txt").read_text(encoding="utf-8")
    proposal = propose(decode(text.encode("cp1252")))
    assert proposal.organisation.text == "Northfield City Council"


def test_follow_ups_come_from_the_confirmed_duties_in_the_adverts_order():
    from goalcoach.domain.advert import Choice, duty_follow_ups, target_changes

    proposal = propose((ADVERTS / "council_policy_officer.txt").read_text(encoding="utf-8"))
    kept = [t for t in proposal.terms if t.text != "briefing papers"]  # the person dropped one
    target = target_changes({}, Choice(terms=kept))
    questions = duty_follow_ups(target)
    assert len(questions) == 3
    assert questions[0] == "The advert mentions housing data: how does that fit your plans?"
    assert not any("briefing papers" in q for q in duty_follow_ups(target, limit=15))
    assert duty_follow_ups({}) == []


def test_a_title_lines_specialty_is_not_taken_for_the_employer_on_the_line_below(proposals):
    found = proposals["nhs_ward_manager.txt"]
    assert found.organisation.text == "St Mary's Hospital NHS Trust"
    assert found.title.text == "Ward Manager - Acute Medicine"
    # The employer's name leaves out terms that name it, word for word only ("St" is in "e-rostering").
    assert any("e-rostering" in t.text for t in found.terms)
    assert not any("Mary" in t.text for t in found.terms)
