"""The wheel carries the content: an installed goalcoach finds it from any directory."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

# Builds the wheel and installs it into a fresh venv: slow.
pytestmark = pytest.mark.slow

LOAD_ALL = """
import goalcoach.content as c
sets, errors = c.load_scenario_sets()
drills, drill_errors = c.load_drills()
assert not errors and not drill_errors, (errors, drill_errors)
assert sets and drills
c.load_template(); c.load_worksheets(); c.load_pushbacks(); c.load_recovery_moves()
assert c.load_guide("home").startswith("#")
print(c.content_dir())
"""


def test_the_wheel_contains_the_content(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "goalcoach/content_data/guide/home.md" in names
    assert any(n.startswith("goalcoach/content_data/scenarios/") for n in names)
    assert any(n.startswith("goalcoach/content_data/lexicon/") for n in names)


def test_installed_wheel_loads_content_from_another_directory(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    # Content loading needs only the standard library, so no dependencies are fetched.
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run([str(python), "-c", LOAD_ALL], cwd=elsewhere, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "site-packages/goalcoach/content_data" in result.stdout
