"""`goalcoach check` end to end, in a subprocess like a user would run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from goalcoach.coach import ELEMENTS
from goalcoach.coach.rubric import element_name, issue_name

# Each test starts `goalcoach check` in a new process.
pytestmark = pytest.mark.slow

RUN = "import sys; from goalcoach.cli import main; sys.exit(main(sys.argv[1:]))"
ANSWER = ("My immediate goal is to finish the CILT Level 3 certificate and become a solid transport planner "
          "on your team. In five years I'd like to run a distribution centre, because I love making complex "
          "operations work. I think I might also, um, try data analysis [/] at some point.")


def check(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", RUN, "check", *args], input=stdin, capture_output=True,
                          text=True, encoding="utf-8", timeout=60)


@pytest.fixture
def answer_file(tmp_path: Path) -> Path:
    path = tmp_path / "answer.txt"
    path.write_text(ANSWER, encoding="utf-8")
    return path


def test_human_report(answer_file):
    proc = check(str(answer_file), "--company", "Northwind", "--terms", "safety,operations")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    for needle in ("Checklist", element_name("short_term"), issue_name("hedging"), issue_name("filler"), "score",
                   "quality", "words", "Terms used", "operations", "missed", "safety"):
        assert needle in out
    assert "[/]" in out  # the answer is printed as typed, never parsed as markup


def test_report_leads_with_one_fix_quoting_the_answer(answer_file):
    out = check(str(answer_file)).stdout
    first_panel = out[:out.index("Your answer")]
    assert "Fix this first" in first_panel
    assert "I think I might" in " ".join(first_panel.replace("│", " ").split())  # the person's own words
    assert out.index("Fix this first") < out.index("Checklist") < out.index("Issues")


def test_acknowledgement_is_asked_for_only_in_a_correction(answer_file):
    plain = check(str(answer_file)).stdout
    correction = check(str(answer_file), "--correction").stdout
    assert element_name("acknowledgement") not in plain
    assert element_name("acknowledgement") in correction


def test_stage_gap_is_accepted(answer_file):
    proc = check(str(answer_file), "--stage", "gap", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["words"] > 40


def test_markup_in_the_answer_prints_literally():
    text = "[bold]I[/bold] want [@click=app.quit]x[/] to lead [red]a team[/] in five years because I love it."
    proc = check("-", stdin=text)
    assert proc.returncode == 0, proc.stderr
    flat = " ".join(proc.stdout.replace("│", " ").split())
    assert "[bold]I[/bold]" in flat and "[@click=app.quit]x[/]" in flat and "[red]a" in flat


def test_json_shape(answer_file):
    proc = check(str(answer_file), "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert list(data)[:5] == ["words", "speaking_seconds", "score", "elements", "issues"]
    assert set(data["elements"]) == set(ELEMENTS)
    for element in data["elements"].values():
        assert isinstance(element["present"], bool)
        assert all(len(span) == 2 for span in element["evidence"])
    assert data["issues"]
    for issue in data["issues"]:
        assert {"code", "start", "end", "message", "suggestion"} <= set(issue)
        assert ANSWER[issue["start"]:issue["end"]]
    assert {i["code"] for i in data["issues"]} >= {"hedging", "filler"}
    assert data["priority"]["code"] == "hedging" and data["priority"]["kind"] == "issue"
    assert ANSWER[data["priority"]["start"]:data["priority"]["end"]] == "I think I might"


def test_stdin_is_read_without_a_path():
    proc = check("--json", stdin=ANSWER)
    assert proc.returncode == 0 and json.loads(proc.stdout)["words"] > 40


def test_batch_with_bad_lines_keeps_going(tmp_path):
    lines = [json.dumps({"id": "a", "text": ANSWER}), "{not json", json.dumps({"id": "c"}),
             json.dumps({"id": "d", "text": 42}), json.dumps({"id": "e", "text": "um, I guess I want to grow"})]
    path = tmp_path / "answers.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = check("--batch", str(path))
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", None, "c", "d", "e"]
    assert "score" in out[0] and "score" in out[4]
    assert all("error" in o and "score" not in o for o in out[1:4])
    assert "vague" in {i["code"] for i in out[4]["issues"]}
    from_stdin = check("--batch", stdin="\n".join(lines))
    assert [json.loads(line)["id"] for line in from_stdin.stdout.splitlines()] == ["a", None, "c", "d", "e"]


@pytest.mark.parametrize("args, stdin", [
    (("/no/such/answer.txt",), None),
    (("-",), "   \n"),
    (("--no-such-option",), ANSWER),
    (("--stage", "astronaut"), ANSWER),
])
def test_input_and_usage_errors_exit_2_with_one_line(args, stdin):
    proc = check(*args, stdin=stdin)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr


def test_help_works():
    proc = check("--help")
    assert proc.returncode == 0 and "--batch" in proc.stdout


@pytest.mark.parametrize("mode", [[], ["--json"], ["--batch"]])
def test_check_never_imports_textual(mode):
    stdin = json.dumps({"id": 1, "text": ANSWER}) if mode == ["--batch"] else ANSWER
    code = ("import sys; from goalcoach.cli import main; rc = main(sys.argv[1:]); "
            "sys.stderr.write('TEXTUAL=%s RICH=%s' % ('textual' in sys.modules, 'rich' in sys.modules)); "
            "sys.exit(rc)")
    proc = subprocess.run([sys.executable, "-c", code, "check", *mode], input=stdin, capture_output=True,
                          text=True, encoding="utf-8", timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "TEXTUAL=False" in proc.stderr
    if mode:  # the machine-readable modes stay light
        assert "RICH=False" in proc.stderr


NO_LINK = ("In the next two years I want to lead the onboarding redesign, and I'm doing the CIPD Level 5 diploma "
           "now. Longer term I'd like to be head of people, because I care about fair workplaces and I want to "
           "keep growing in the people function every single year.")
BAND = ("Based on my research, roles like this sit within Agenda for Change Band 5, and I'd expect to start "
        "around the middle of that band, though I'm flexible for the right development opportunities.")


def test_no_issues_is_said_only_when_nothing_is_left_to_fix():
    out = " ".join(check("-", stdin=NO_LINK).stdout.replace("│", " ").split())
    assert "Fix this first" in out  # no mistake, but the link to the employer is missing
    assert "No issues found" not in out
    assert "No mistakes, but still missing: Link to this employer." in out
    strong = NO_LINK.replace("the onboarding redesign", "the onboarding redesign on your team")
    out = check("-", stdin=strong).stdout
    assert "No issues found." in out and "still missing" not in out  # at most a bonus element to add


def test_a_question_report_names_what_is_missing_instead_of_no_issues():
    out = check("-", "--question", "salary", stdin=BAND).stdout
    assert "No issues found" not in out
    assert "still missing:" in out and element_name("company_alignment") in out.split("still missing:")[1]
