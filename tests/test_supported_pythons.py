"""Every Python the package claims (its classifiers) installs the wheel and runs every command and the app.

For each claimed version found on this machine (on PATH or under pyenv's versions), a fresh venv gets
the wheel and its dependencies, then runs what a new user would: --version, check, an export/import
round trip, and the full-screen app in a real pseudo-terminal until the home screen paints and ctrl+q
quits. Dependencies are downloaded once into a shared wheelhouse; later venvs install offline.
"""

from __future__ import annotations

import errno
import fcntl
import glob
import json
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
CLAIMED = [c.rsplit(" :: ", 1)[1] for c in PYPROJECT["classifiers"] if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)]

ANSWER = "In two years I want to lead the data team here, because I love turning data into decisions.\n"
SAVED_ANSWER = "Within two years I want to lead [/] the ward's training."
SEED = f"""
import sys
from goalcoach.profile import Profile
profile = Profile.open(sys.argv[1])
profile.save_section("target", {{"role": "Charge nurse", "organisation": "St Mary's", "stage": "entry"}})
profile.set_current_version(profile.add_version("First draft", {SAVED_ANSWER!r})["id"])
"""
STEP_TIMEOUT = 300  # seconds: a bound so a hung step fails instead of hanging CI, not a speed check
ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78DEHMNOZc]")


def find_python(version: str) -> str | None:
    """An interpreter that really is this version: a pyenv shim on PATH may belong to another."""
    pyenv_root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    candidates = [shutil.which(f"python{version}")]
    candidates += sorted(glob.glob(os.path.join(pyenv_root, "versions", f"{version}.*", "bin", f"python{version}")))
    for candidate in filter(None, candidates):
        try:
            probe = subprocess.run([candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                                   capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if probe.returncode == 0 and probe.stdout.strip() == version:
            return candidate
    return None


def run(*args, stdin: str = "", check: bool = True, cwd: Path | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], input=stdin, capture_output=True, text=True,
                            timeout=STEP_TIMEOUT, cwd=cwd)
    if check:
        assert result.returncode == 0, f"{' '.join(map(str, args))} exited {result.returncode}:\n{result.stderr}"
        assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture(scope="session")
def wheelhouse(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("wheelhouse")


def install(python: str, venv: Path, wheel: Path, wheelhouse: Path, constraints: tuple = ()) -> Path:
    """A fresh venv with the wheel: offline from the wheelhouse, downloading only what it lacks."""
    run(python, "-m", "venv", venv)
    pip = [venv / "bin" / "python", "-m", "pip", "--disable-pip-version-check"]
    offline = [*pip, "install", "-q", "--no-index", "--find-links", wheelhouse, *constraints, wheel]
    if run(*offline, check=False).returncode != 0:
        run(*pip, "download", "-q", "--dest", wheelhouse, "--find-links", wheelhouse, *constraints, wheel)
        run(*offline)
    return venv / "bin"


def floors() -> list[tuple[str, str, str]]:
    """Each declared dependency's (name, floor, marker): `textual>=3.2` -> ("textual", "3.2", "")."""
    from packaging.requirements import Requirement

    found = []
    for line in PYPROJECT["dependencies"]:
        requirement = Requirement(line)
        (floor,) = [spec.version for spec in requirement.specifier if spec.operator == ">="]
        found.append((requirement.name, floor, str(requirement.marker or "")))
    return found


INSTALLED_VERSIONS = """
import json, sys
from importlib.metadata import version
print(json.dumps({name: version(name) for name in sys.argv[1:]}))
"""


def run_app_until_home_then_quit(goalcoach: Path, data_dir: Path) -> tuple[int, str]:
    """Start the app in an 80x24 pseudo-terminal, wait for the home screen, press ctrl+q.

    Returns the exit status and the text the app showed (escape sequences removed)."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env.update(TERM="xterm-256color", COLUMNS="80", LINES="24")
    app = subprocess.Popen([str(goalcoach), "--data-dir", str(data_dir)], stdin=terminal, stdout=terminal,
                           stderr=terminal, env=env, start_new_session=True, close_fds=True)
    os.close(terminal)
    shown, quit_sent = b"", False
    deadline = time.monotonic() + STEP_TIMEOUT
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([controller], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(controller, 65536)
                except OSError as error:  # EIO: the app has exited and closed the terminal
                    if error.errno != errno.EIO:
                        raise
                    chunk = b""
                if not chunk:
                    break
                shown += chunk
            text = ESCAPES.sub(b"", shown).decode("utf-8", "replace")
            if not quit_sent and "Self-assessment" in text and "Quit" in text:
                os.write(controller, b"\x11")  # ctrl+q
                quit_sent = True
            if app.poll() is not None and not ready:
                break
        try:
            status = app.wait(timeout=max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            status = None
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        os.close(controller)
    text = ESCAPES.sub(b"", shown).decode("utf-8", "replace")
    assert quit_sent, f"the home screen never painted; the terminal showed:\n{text[-2000:]}"
    assert status is not None, f"the app was still running after ctrl+q; the terminal showed:\n{text[-2000:]}"
    return status, text


def test_the_claimed_pythons_start_at_the_required_floor():
    assert CLAIMED, "pyproject.toml names no Python versions in its classifiers"
    assert PYPROJECT["requires-python"] == f">={CLAIMED[0]}"


def test_the_readme_names_the_claimed_pythons():
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert f"Python {', '.join(CLAIMED[:-1])} and {CLAIMED[-1]}" in readme


@pytest.mark.slow
def test_at_least_one_claimed_python_is_found():
    found = {version: find_python(version) for version in CLAIMED}
    assert any(found.values()), f"none of Python {', '.join(CLAIMED)} was found on PATH or under pyenv"


@pytest.mark.slow
@pytest.mark.parametrize("version", CLAIMED)
def test_a_fresh_install_runs_every_command_and_the_app(version, wheel, wheelhouse, tmp_path):
    python = find_python(version)
    if python is None:
        pytest.skip(f"python{version} is not on PATH or under pyenv's versions on this machine")
    check_every_command_and_the_app(install(python, tmp_path / "venv", wheel, wheelhouse), tmp_path)


@pytest.mark.slow
def test_the_oldest_python_runs_with_the_oldest_dependencies(wheel, wheelhouse, tmp_path):
    """The floors in `dependencies` are true: the oldest claimed Python runs with every floor release."""
    python = find_python(CLAIMED[0])
    if python is None:
        pytest.skip(f"python{CLAIMED[0]} is not on PATH or under pyenv's versions on this machine")
    from packaging.markers import Marker
    from packaging.version import Version

    wanted = {name: floor for name, floor, marker in floors()
              if not marker or Marker(marker).evaluate({"python_version": CLAIMED[0]})}
    pins = tmp_path / "oldest.txt"
    pins.write_text("".join(f"{name}=={floor}\n" for name, floor in wanted.items()), encoding="utf-8")
    bin_dir = install(python, tmp_path / "venv", wheel, wheelhouse, constraints=("--constraint", pins))
    installed = json.loads(run(bin_dir / "python", "-c", INSTALLED_VERSIONS, *wanted).stdout)
    assert {n: Version(v) for n, v in installed.items()} == {n: Version(v) for n, v in wanted.items()}
    check_every_command_and_the_app(bin_dir, tmp_path)


def check_every_command_and_the_app(bin_dir: Path, tmp_path: Path) -> None:
    goalcoach = bin_dir / "goalcoach"
    elsewhere = tmp_path / "elsewhere"  # away from the source tree, so only the installed package can answer
    elsewhere.mkdir()

    expected = f"goalcoach {PYPROJECT['version']}"
    assert run(goalcoach, "--version", cwd=elsewhere).stdout.strip() == expected
    assert run(bin_dir / "python", "-m", "goalcoach", "--version", cwd=elsewhere).stdout.strip() == expected

    report = run(goalcoach, "check", "-", stdin=ANSWER, cwd=elsewhere).stdout
    assert "Checklist" in report and "Short-term goal" in report
    coached = json.loads(run(goalcoach, "check", "--json", "-", stdin=ANSWER, cwd=elsewhere).stdout)
    assert coached["words"] == len(ANSWER.split()) and 0 <= coached["score"] <= 100

    first, second, third = tmp_path / "first", tmp_path / "second", tmp_path / "third"
    run(bin_dir / "python", "-c", SEED, first, cwd=elsewhere)
    backup = tmp_path / "backup.json"
    run(goalcoach, "--data-dir", first, "export", "--format", "json", "-o", backup, cwd=elsewhere)
    run(goalcoach, "import", backup, "--data-dir", second, cwd=elsewhere)
    run(goalcoach, "--data-dir", third, "import", "--merge", backup, cwd=elsewhere)
    saved = json.loads(backup.read_text(encoding="utf-8"))
    restored = json.loads(run(goalcoach, "export", "--format", "json", "--data-dir", second, cwd=elsewhere).stdout)
    assert (restored["sections"], restored["versions"]) == (saved["sections"], saved["versions"])
    assert [v["text"] for v in restored["versions"]] == [SAVED_ANSWER]
    merged = json.loads(run(goalcoach, "export", "--format", "json", "--data-dir", third, cwd=elsewhere).stdout)
    assert [v["text"] for v in merged["versions"]] == [SAVED_ANSWER]
    prep_sheet = run(goalcoach, "export", "--data-dir", second, cwd=elsewhere).stdout
    assert "Charge nurse" in prep_sheet and "the ward's training" in prep_sheet

    status, shown = run_app_until_home_then_quit(goalcoach, second)
    assert status == 0, f"ctrl+q exited {status}; the terminal showed:\n{shown[-2000:]}"
    assert "Traceback" not in shown
