"""`goalcoach export` and `goalcoach import` through the CLI dispatcher, against real data dirs."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from goalcoach.cli import main
from goalcoach.profile import SCHEMA_VERSION, Profile

from test_progress_model import seed_history
from test_transfer import NASTY

CLOCK = lambda: "2026-11-02T09:00:00+00:00"  # noqa: E731


@pytest.fixture(autouse=True)
def no_tty(monkeypatch):
    """Tests run without a terminal unless one says otherwise."""
    monkeypatch.setattr("sys.stdin", io.StringIO(""))


def filled_profile(data_dir: Path) -> Profile:
    profile = Profile.open(data_dir, clock=CLOCK)
    profile.save_section("target", {"role": NASTY[1], "organisation": NASTY[6], "mission": NASTY[7],
                                    "terms": [NASTY[2]], "stage": "entry"})
    profile.save_section("values", {"items": [{"name": NASTY[3], "non_negotiable": False, "moment": NASTY[4]}]})
    profile.save_section("skills", {"hard": [NASTY[5]], "soft": [NASTY[0]], "to_develop": [], "per_goal": {}})
    profile.save_section("goals", {"short_term": [{"goal": NASTY[8], "steps": NASTY[9], "target_date": "2027",
                                                   "resources": NASTY[12]}], "long_term": []})
    version = profile.add_version("Version *1*", "In two years I want to lead the ward's training.\n" + "\n".join(NASTY))
    profile.set_current_version(version["id"])
    profile.set_setting("theme", "nord")
    profile.save_draft("builder", "half an answer [/]", (0, 3))
    for record in seed_history():
        profile.add_attempt(record)
    return profile


def state(data_dir: Path) -> tuple[dict, dict[str, bytes]]:
    """The profile's snapshot and every file's bytes (backups excluded: they are allowed to appear)."""
    files = {
        str(p.relative_to(data_dir)): p.read_bytes()
        for p in sorted(data_dir.rglob("*"))
        if p.is_file() and "backups" not in p.parts and not p.name.endswith(".lock")
    }
    return Profile.open(data_dir, clock=CLOCK).snapshot(), files


def without_stamp(text: str) -> dict:
    document = json.loads(text)
    document.pop("exported")
    return document


# -- export ----------------------------------------------------------------------------------
def test_json_export_to_stdout_is_the_versioned_whole_profile(tmp_path, capsys):
    filled_profile(tmp_path / "a")
    assert main(["export", "--format", "json", "--data-dir", str(tmp_path / "a")]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["format"] == "goalcoach-export"
    assert document["format_version"] == 1
    assert document["schema_version"] == SCHEMA_VERSION
    assert len(document["attempts"]) == 12
    assert document["sections"]["target"]["role"] == NASTY[1]
    assert "builder" in document["drafts"]


def test_export_import_export_round_trips(tmp_path):
    filled_profile(tmp_path / "a")
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert main(["export", "--format", "json", "-o", str(first), "--data-dir", str(tmp_path / "a")]) == 0
    assert main(["import", str(first), "--data-dir", str(tmp_path / "b")]) == 0  # empty: no question
    assert main(["export", "--format", "json", "-o", str(second), "--data-dir", str(tmp_path / "b")]) == 0
    assert without_stamp(first.read_text()) == without_stamp(second.read_text())
    assert (first.stat().st_mode & 0o777) == 0o600


def test_output_file_is_not_overwritten_without_force(tmp_path, capsys):
    filled_profile(tmp_path / "a")
    out = tmp_path / "sheet.md"
    out.write_text("keep me")
    assert main(["export", "-o", str(out), "--data-dir", str(tmp_path / "a")]) == 2
    assert "--force" in capsys.readouterr().err
    assert out.read_text() == "keep me"
    assert main(["export", "-o", str(out), "--force", "--data-dir", str(tmp_path / "a")]) == 0
    assert out.read_text().startswith("# Interview prep sheet")


def test_markdown_export_stays_well_formed_with_hostile_user_text(tmp_path, capsys):
    filled_profile(tmp_path / "a")
    assert main(["export", "--format", "markdown", "--data-dir", str(tmp_path / "a")]) == 0
    sheet = capsys.readouterr().out
    assert "\x1b" not in sheet
    assert "<script>" not in sheet
    headings = [line for line in sheet.splitlines() if line.lstrip("> ").startswith("#")]
    assert all(line.startswith(("# Interview prep sheet", "## ", "### ")) for line in headings)
    assert not any(line.startswith("> #") or line.startswith(">#") for line in sheet.splitlines())
    from goalcoach.domain.transfer import md_inline

    # Every hostile string the sheet shows (target, values, goals) is there, escaped.
    for index in (1, 6, 7, 2, 3, 8, 9):
        assert md_inline(NASTY[index]) in sheet
    assert "## Your best answer" in sheet and "## Follow-ups to expect" in sheet


# -- import: refusals change nothing ----------------------------------------------------------
BROKEN = {
    "corrupted": b"\x00\x01 this is not json at all {{{",
    "truncated": None,  # filled in from a real export
    "wrong-schema": json.dumps({"format": "goalcoach-export", "format_version": 1, "schema_version": SCHEMA_VERSION,
                                "sections": [], "settings": {}, "versions": [], "attempts": [], "drafts": {}}).encode(),
    "newer-schema": None,
    "not-an-export": json.dumps({"sections": {}}).encode(),
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
@pytest.mark.parametrize("mode", [["--merge"], ["--replace", "--yes"]])
def test_a_broken_file_is_refused_and_changes_nothing(tmp_path, capsys, kind, mode):
    data_dir = tmp_path / "a"
    filled_profile(data_dir)
    good = tmp_path / "good.json"
    assert main(["export", "--format", "json", "-o", str(good), "--data-dir", str(data_dir)]) == 0
    data = BROKEN[kind]
    if kind == "truncated":
        data = good.read_bytes()[: len(good.read_bytes()) // 2]
    elif kind == "newer-schema":
        document = json.loads(good.read_text())
        document["schema_version"] = SCHEMA_VERSION + 1
        data = json.dumps(document).encode()
    bad = tmp_path / f"{kind}.json"
    bad.write_bytes(data)
    before = state(data_dir)
    capsys.readouterr()
    assert main(["import", str(bad), *mode, "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("goalcoach: error: ") and err.count("\n") == 1
    assert "nothing was changed" in err
    assert state(data_dir) == before
    assert not (data_dir / "backups").exists()


def test_a_missing_file_is_refused(tmp_path, capsys):
    assert main(["import", str(tmp_path / "nope.json"), "--merge", "--data-dir", str(tmp_path / "a")]) == 2
    assert "no such file" in capsys.readouterr().err


# -- merge and replace --------------------------------------------------------------------------
def test_merge_twice_adds_nothing_the_second_time(tmp_path, capsys):
    filled_profile(tmp_path / "a")
    other = Profile.open(tmp_path / "b", clock=CLOCK)
    other.add_attempt({"kind": "practice", "text": "mine", "score": 50, "id": "only-in-b"})
    export = tmp_path / "a.json"
    assert main(["export", "--format", "json", "-o", str(export), "--data-dir", str(tmp_path / "a")]) == 0
    assert main(["import", str(export), "--merge", "--data-dir", str(tmp_path / "b")]) == 0
    assert "added 12 attempt(s) and 1 answer version(s)" in capsys.readouterr().out
    after_first = state(tmp_path / "b")
    assert len(after_first[0]["attempts"]) == 13
    assert main(["import", str(export), "--merge", "--data-dir", str(tmp_path / "b")]) == 0
    assert "added 0 attempt(s) and 0 answer version(s)" in capsys.readouterr().out
    assert state(tmp_path / "b") == after_first
    # Merged versions keep their ids and dates.
    source = Profile.open(tmp_path / "a", clock=CLOCK).versions()
    assert Profile.open(tmp_path / "b", clock=CLOCK).versions() == source


def test_replace_without_yes_and_no_tty_exits_2_and_changes_nothing(tmp_path, capsys):
    filled_profile(tmp_path / "a")
    Profile.open(tmp_path / "b", clock=CLOCK).save_section("target", {"role": "Chef"})
    export = tmp_path / "a.json"
    assert main(["export", "--format", "json", "-o", str(export), "--data-dir", str(tmp_path / "a")]) == 0
    before = state(tmp_path / "b")
    assert main(["import", str(export), "--replace", "--data-dir", str(tmp_path / "b")]) == 2
    assert "--yes" in capsys.readouterr().err
    assert state(tmp_path / "b") == before
    assert not (tmp_path / "b" / "backups").exists()


def test_import_into_a_profile_with_data_needs_a_mode(tmp_path, capsys):
    filled_profile(tmp_path / "a")
    Profile.open(tmp_path / "b", clock=CLOCK).save_section("target", {"role": "Chef"})
    export = tmp_path / "a.json"
    main(["export", "--format", "json", "-o", str(export), "--data-dir", str(tmp_path / "a")])
    before = state(tmp_path / "b")
    assert main(["import", str(export), "--data-dir", str(tmp_path / "b")]) == 2
    assert "--merge" in capsys.readouterr().err
    assert state(tmp_path / "b") == before


def test_replace_with_yes_backs_up_first(tmp_path, capsys):
    filled_profile(tmp_path / "a")
    target = Profile.open(tmp_path / "b", clock=CLOCK)
    target.save_section("target", {"role": "Chef"})
    old_snapshot = target.snapshot()
    export = tmp_path / "a.json"
    main(["export", "--format", "json", "-o", str(export), "--data-dir", str(tmp_path / "a")])
    capsys.readouterr()
    assert main(["import", str(export), "--replace", "--yes", "--data-dir", str(tmp_path / "b")]) == 0
    out = capsys.readouterr().out
    backups = list((tmp_path / "b" / "backups").glob("profile-backup-*.json"))
    assert len(backups) == 1 and str(backups[0]) in out
    saved = json.loads(backups[0].read_text())
    assert saved["sections"] == old_snapshot["sections"]
    assert Profile.open(tmp_path / "b", clock=CLOCK).snapshot() == Profile.open(tmp_path / "a", clock=CLOCK).snapshot()


def test_replace_asks_on_a_terminal(tmp_path, monkeypatch, capsys):
    filled_profile(tmp_path / "a")
    Profile.open(tmp_path / "b", clock=CLOCK).save_section("target", {"role": "Chef"})
    export = tmp_path / "a.json"
    main(["export", "--format", "json", "-o", str(export), "--data-dir", str(tmp_path / "a")])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    before = state(tmp_path / "b")
    assert main(["import", str(export), "--replace", "--data-dir", str(tmp_path / "b")]) == 2
    assert state(tmp_path / "b") == before
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    assert main(["import", str(export), "--replace", "--data-dir", str(tmp_path / "b")]) == 0
    assert Profile.open(tmp_path / "b", clock=CLOCK).section("target")["role"] == NASTY[1]


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main(["import", "x.json", "--merge", "--replace"]) == 2
    assert main(["export", "--format", "pdf"]) == 2
