"""The core (coach, profile, content, paths) never imports textual: it must stay headless."""

from __future__ import annotations

import subprocess
import sys


def test_core_modules_do_not_import_textual():
    code = (
        "import sys, importlib\n"
        "for name in ('goalcoach.paths', 'goalcoach.profile', 'goalcoach.content', 'goalcoach.coach', 'goalcoach.domain.coaching'):\n"
        "    importlib.import_module(name)\n"
        "print('textual' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_help_and_version_do_not_start_the_app():
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from goalcoach.cli import main; sys.exit(main(sys.argv[1:]))", "--version"],
        capture_output=True, text=True,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("goalcoach ")
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from goalcoach.cli import main; sys.exit(main(sys.argv[1:]))", "--help"],
        capture_output=True, text=True,
    )
    assert result.returncode == 0
    assert "--data-dir" in result.stdout and "check" in result.stdout


def test_an_unusable_data_dir_exits_2_with_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from goalcoach.cli import main; sys.exit(main(sys.argv[1:]))",
         "--data-dir", str(blocker / "data")],
        capture_output=True, text=True,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(blocker / "data") in lines[0]
    assert "Traceback" not in result.stderr
