"""What may import what: the import-linter contracts in pyproject.toml (ARCHITECTURE.md), no
import circle anywhere, and the command line starting without the app."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp
import pytest
from importlinter.cli import lint_imports

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def test_the_import_contracts_hold(capsys):
    """Textual only in the app, screens and widgets; each layer imports only those below it."""
    exit_code = lint_imports(config_filename=str(PYPROJECT), no_cache=True)
    assert exit_code == 0, capsys.readouterr().out


def import_circles(package: str) -> list[list[str]]:
    """Groups of modules that import each other, directly or through others (Tarjan's SCCs)."""
    graph = grimp.build_graph(package, cache_dir=None)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                circles.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return circles


def test_no_module_imports_itself_through_others():
    assert import_circles("goalcoach") == []


@pytest.mark.slow  # new processes
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


@pytest.mark.slow  # a new process
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
