"""`goalcoach target --from-advert`: the proposal printed (plain or --json) and saved with --apply
only for the parts the person confirms."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from goalcoach.cli import main
from goalcoach.cli import target as target_cli
from goalcoach.domain import coaching
from goalcoach.profile import Profile

ADVERTS = Path(__file__).parent / "data" / "adverts"
STARTUP = ADVERTS / "startup_backend_engineer.txt"
HOSTILE_LINE = "Company: Acme [@click=app.quit]x[/] \x1b[2J\x1b]8;;http://evil\x07link\x1b]8;;\x07 [bold]Labs[/]\n"


@pytest.fixture(autouse=True)
def no_tty(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))


def answers(*replies: str):
    """A stand-in for the person at the keyboard: each question gets the next reply."""
    queue = list(replies)
    asked: list[str] = []

    def ask(question: str) -> str:
        asked.append(question)
        return queue.pop(0) if queue else "n"

    ask.asked = asked  # type: ignore[attr-defined]
    return ask


def test_json_prints_every_part_with_its_sentence(capsys):
    assert main(["target", "--from-advert", str(STARTUP), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["organisation"]["text"] == "Loopwise"
    assert data["title"]["text"] == "Backend Engineer"
    terms = [t["text"] for t in data["terms"]]
    assert "Docker" in terms and 5 <= len(terms) <= 15
    docker = next(t for t in data["terms"] if t["text"] == "Docker")
    assert "Docker" in docker["sentence"] and docker["span"][1] > docker["span"][0]


def test_the_plain_report_shows_the_advert_text_literally(tmp_path, capsys):
    path = tmp_path / "advert.txt"
    path.write_text(HOSTILE_LINE + STARTUP.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    for extra in ([], ["--json"]):
        assert main(["target", "--from-advert", str(path), *extra]) == 0
        out = capsys.readouterr().out
        assert "[@click=app.quit]x[/]" in out and "[bold]Labs[/]" in out
        assert "\x1b" not in out and "\x07" not in out


def test_apply_with_yes_saves_the_target_and_the_coach_uses_it(tmp_path, capsys):
    data_dir = tmp_path / "data"
    profile = Profile.open(data_dir)
    profile.save_section("target", {"terms": ["mentoring"], "stage": "mid"})
    assert main(["--data-dir", str(data_dir), "target", "--from-advert", str(STARTUP), "--apply", "--yes"]) == 0
    assert "Saved to your target" in capsys.readouterr().out
    target = Profile.open(data_dir).section("target")
    assert target["role"] == "Backend Engineer" and target["organisation"] == "Loopwise"
    assert target["stage"] == "mid"  # the advert states none, so the person's own stays
    assert target["terms"][0] == "mentoring"  # typed terms are kept, first
    assert {"ownership", "Docker", "automated tests"} <= set(target["terms"])
    assert any(d["term"] == "Docker" and "Docker" in d["sentence"] for d in target["duties"])
    context = coaching.context_for(Profile.open(data_dir))
    result = coaching.coach("In two years I want to own services at Loopwise and run automated tests with Docker.",
                            context)
    assert {"Docker", "automated tests", "Loopwise"} <= set(result["terms"]["used"])
    assert "PostgreSQL" in result["terms"]["missed"]


def test_apply_saves_only_what_was_confirmed_and_edits(tmp_path, capsys):
    data_dir = tmp_path / "data"
    # organisation yes, title edited, mission no, values: yes then no..., terms: first yes, second edited, rest no
    ask = answers("y", "e", "Senior Backend Engineer", "n", "y", "n", "n", "y", "e", "Go services")
    args = ["--from-advert", str(STARTUP), "--apply", "--data-dir", str(data_dir)]
    assert target_cli.main(args, ask=ask) == 0
    target = Profile.open(data_dir).section("target")
    assert target["organisation"] == "Loopwise"
    assert target["role"] == "Senior Backend Engineer"
    assert "mission" not in target
    assert target["values"] == ["ownership"]
    assert [d["term"] for d in target["duties"]] == ["APIs", "Go services"]
    assert target["terms"] == ["ownership", "APIs", "Go services"]
    assert any("Keep it?" in q for q in ask.asked)


def test_apply_with_nothing_kept_saves_nothing(tmp_path, capsys):
    data_dir = tmp_path / "data"
    Profile.open(data_dir).save_section("target", {"role": "Nurse"})
    before = Profile.open(data_dir).section("target")
    args = ["--from-advert", str(STARTUP), "--apply", "--data-dir", str(data_dir)]
    assert target_cli.main(args, ask=answers()) == 2
    assert "nothing was saved" in capsys.readouterr().out.lower()
    assert Profile.open(data_dir).section("target") == before


def test_apply_without_a_terminal_or_yes_refuses(tmp_path, capsys):
    data_dir = tmp_path / "data"
    assert main(["target", "--from-advert", str(STARTUP), "--apply", "--data-dir", str(data_dir)]) == 2
    assert "add --yes" in capsys.readouterr().err
    assert not data_dir.exists()


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02" * 200, b"Hello there, see you soon."], ids=["empty", "binary", "not an advert"])
def test_bad_input_changes_nothing(tmp_path, capsys, content):
    path = tmp_path / "advert.txt"
    path.write_bytes(content)
    data_dir = tmp_path / "data"
    assert main(["target", "--from-advert", str(path), "--apply", "--yes", "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nothing was changed" in err and "Traceback" not in err
    assert not data_dir.exists()


def test_a_ten_megabyte_file_is_refused_without_reading_it(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(10_000_000)
    assert main(["target", "--from-advert", str(path)]) == 2
    assert "10 MB" in capsys.readouterr().err


def test_reads_the_advert_from_standard_input(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(STARTUP.read_bytes())))
    assert main(["target", "--from-advert", "-", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["organisation"]["text"] == "Loopwise"


def test_a_target_read_from_an_advert_survives_export_and_import(tmp_path, capsys):
    source, copy = tmp_path / "source", tmp_path / "copy"
    assert main(["--data-dir", str(source), "target", "--from-advert", str(STARTUP), "--apply", "--yes"]) == 0
    backup = tmp_path / "backup.json"
    assert main(["--data-dir", str(source), "export", "--format", "json", "-o", str(backup)]) == 0
    assert main(["--data-dir", str(copy), "import", str(backup)]) == 0
    assert Profile.open(copy).section("target") == Profile.open(source).section("target")
    assert Profile.open(copy).section("target")["duties"]
