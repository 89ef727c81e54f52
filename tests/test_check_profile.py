"""`goalcoach check --data-dir DIR` coaches against the profile's target, as the app does; a DIR
without a profile is refused in one line and left as it was."""

from __future__ import annotations

import json

from goalcoach.cli import main
from goalcoach.profile import Profile

TARGET = {"role": "Staff Nurse, Cardiology", "organisation": "St Mary's Hospital NHS Trust",
          "terms": ["compassion", "[bold]red[/]"], "stage": "mid"}
ANSWER = ("In the next two years I want to lead shifts on the cardiology ward at St Mary's, because compassion "
          "is why I became a nurse. I am taking the ECG interpretation course now, and in five years I'd like to "
          "run the heart failure clinic.\n")


def answer_file(tmp_path):
    path = tmp_path / "answer.txt"
    path.write_text(ANSWER, encoding="utf-8")
    return str(path)


def nurse_profile(tmp_path):
    data_dir = tmp_path / "profile"
    Profile.open(data_dir).save_section("target", TARGET)
    return str(data_dir)


def test_the_report_uses_the_profiles_organisation_and_terms(tmp_path, capsys):
    data_dir = nurse_profile(tmp_path)
    assert main(["--data-dir", data_dir, "check", answer_file(tmp_path)]) == 0
    out = capsys.readouterr().out
    flat = " ".join(out.split())
    assert "Terms used: compassion, St Mary's Hospital NHS Trust · missed: [bold]red[/], Staff Nurse, Cardiology" in flat
    assert "\x1b" not in out


def test_json_after_the_command_and_the_options_given_win(tmp_path, capsys):
    data_dir = nurse_profile(tmp_path)
    assert main(["check", answer_file(tmp_path), "--json", "--data-dir", data_dir]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["terms"]["used"] == ["compassion", "St Mary's Hospital NHS Trust"]
    assert result["elements"]["company_alignment"]["present"]
    assert main(["check", answer_file(tmp_path), "--json", "--data-dir", data_dir,
                 "--company", "Westbury General Hospital", "--terms", "safety"]) == 0
    terms = json.loads(capsys.readouterr().out)["terms"]
    assert terms == {"used": [], "missed": ["safety", "Westbury General Hospital", "Staff Nurse, Cardiology"]}


def test_a_folder_without_a_profile_is_refused_in_one_line_and_left_alone(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    missing = tmp_path / "missing\x1b[2Jdir"
    for data_dir in (empty, missing):
        assert main(["check", answer_file(tmp_path), "--data-dir", str(data_dir)]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.count("\n") == 1 and "\x1b" not in captured.err
        assert "holds no goalcoach profile" in captured.err
    assert list(empty.iterdir()) == [] and not missing.exists()


def test_without_data_dir_no_profile_is_used(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GOALCOACH_DATA_DIR", nurse_profile(tmp_path))
    assert main(["check", answer_file(tmp_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["terms"] == {"used": [], "missed": []}
