"""The command line as typed: global options before or after the sub-command, and `python -m goalcoach`."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from goalcoach import __version__
from goalcoach.cli import main
from goalcoach.profile import Profile

ANSWER = "In two years I want to lead the data team here, because I love turning data into decisions.\n"


@pytest.fixture(autouse=True)
def no_tty(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))


@pytest.fixture
def backup(tmp_path):
    """A json backup of a profile with one saved answer version."""
    source = tmp_path / "source"
    Profile.open(source).add_version("First draft", "Lead the ward's [/] training within two years.")
    path = tmp_path / "backup.json"
    assert main(["export", "--format", "json", "-o", str(path), "--data-dir", str(source)]) == 0
    return path


def saved_answers(data_dir) -> list[str]:
    return [version["text"] for version in Profile.open(data_dir).versions()]


@pytest.mark.parametrize("where", ["before", "after"])
def test_data_dir_before_or_after_the_command_is_the_profile_used(where, backup, tmp_path):
    target = tmp_path / "target"
    command = ["import", "--merge", str(backup)]
    options = ["--data-dir", str(target)]
    args = options + command if where == "before" else command + options
    assert main(args) == 0
    assert saved_answers(target) == ["Lead the ward's [/] training within two years."]
    assert not (tmp_path / "default-data").exists(), "the default profile was used instead of --data-dir"


def test_data_dir_with_equals_sign_before_the_command(backup, tmp_path):
    target = tmp_path / "target"
    assert main([f"--data-dir={target}", "import", str(backup)]) == 0
    assert saved_answers(target) == ["Lead the ward's [/] training within two years."]


def test_data_dir_without_a_path_is_a_usage_error(capsys):
    assert main(["export", "--data-dir"]) == 2
    assert "--data-dir" in capsys.readouterr().err


def test_an_operand_after_double_dash_is_not_taken_for_an_option(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "--data-dir").write_text(ANSWER, encoding="utf-8")
    assert main(["check", "--json", "--", "--data-dir"]) == 0
    assert '"words": ' in capsys.readouterr().out


def run_module(*args: str, stdin: str = "", cwd) -> subprocess.CompletedProcess:
    env = {**os.environ, "GOALCOACH_DATA_DIR": str(cwd / "data")}
    return subprocess.run([sys.executable, "-m", "goalcoach", *args], input=stdin, capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=120)


def test_python_dash_m_goalcoach_runs_the_command_line(tmp_path):
    version = run_module("--version", cwd=tmp_path)
    assert (version.returncode, version.stdout.strip()) == (0, f"goalcoach {__version__}")
    check = run_module("check", "-", stdin=ANSWER, cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    assert "Checklist" in check.stdout and "Traceback" not in check.stderr


def _help(capsys, *args: str) -> str:
    with pytest.raises(SystemExit) as done:
        main([*args, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


def test_help_names_the_folder_the_profile_is_kept_in(capsys, monkeypatch, tmp_path):
    from goalcoach.paths import default_data_dir

    monkeypatch.delenv("GOALCOACH_DATA_DIR", raising=False)
    shown = _help(capsys)
    lines = shown.splitlines()
    at = lines.index("your data (private to you, nothing is sent anywhere):")
    assert lines[at + 1].strip() == str(default_data_dir())  # the platform's user data directory
    assert "goalcoach export --format json" in shown
    assert f"else {default_data_dir()}" in " ".join(shown.split())  # --data-dir's default
    assert max(len(line) for line in lines[at:]) <= 80
    # The folder this run would use: $GOALCOACH_DATA_DIR, or --data-dir before or after.
    monkeypatch.setenv("GOALCOACH_DATA_DIR", str(tmp_path / "from-env"))
    assert f"  {tmp_path / 'from-env'}\n  (chosen with $GOALCOACH_DATA_DIR)" in _help(capsys)
    assert f"  {tmp_path / 'chosen'}\n  (chosen with --data-dir)" in _help(capsys, "--data-dir", str(tmp_path / "chosen"))


@pytest.mark.parametrize("command", [(), ("check",), ("export",), ("import",), ("target",)])
def test_help_fits_an_80_column_terminal(capsys, monkeypatch, command):
    monkeypatch.setenv("COLUMNS", "80")  # what argparse wraps its own text to
    try:
        main([*command, "--help"])
    except SystemExit as done:
        assert done.code == 0
    shown = capsys.readouterr().out
    assert "usage:" in shown
    # A folder's path is shown whole on its own line, however long it is.
    too_wide = [line for line in shown.splitlines() if len(line) > 80 and " " in line.strip()]
    assert not too_wide, too_wide
