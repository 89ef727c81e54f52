"""Damaged, foreign and unsafe files: quarantined or refused with one clear line, never
overwritten, never followed. Run through the real `goalcoach` console script.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import pytest

from goalcoach.profile import SCHEMA_VERSION, Profile
from hostile_term import PtyApp

# The hostile tier: left out of the fast local run (pytest -m "not slow and not hostile").
pytestmark = [pytest.mark.hostile, pytest.mark.slow]  # a real terminal or many processes

NOBODY = 65534


def _run(exe: Path, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([str(exe), *args], capture_output=True, text=True, env=env, timeout=60, stdin=subprocess.DEVNULL)


def _refused(result: subprocess.CompletedProcess, *words: str) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 2, f"exit {result.returncode}; stderr: {result.stderr!r}"
    assert "Traceback" not in result.stderr + result.stdout
    assert len(lines) == 1, f"expected one line, got {result.stderr!r}"
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def _real_profile(data_dir: Path) -> bytes:
    profile = Profile.open(data_dir)
    profile.update_section("target", role="Staff nurse", organisation="St Mary's")
    profile.add_version("first", "In three years I want to lead a ward team.")
    return profile.path.read_bytes()


# -- damaged files ----------------------------------------------------------------------------------
DAMAGE = {
    "truncated": lambda good: good[: len(good) // 2],
    "empty": lambda good: b"",
    "whitespace": lambda good: b"  \n\n",
    "not-json": lambda good: b"role = 'nurse'\n",
    "binary": lambda good: b"\x00\xff\xfe\x89PNG\r\n",
    "json-list": lambda good: b"[1, 2, 3]",
    "wrong-shape": lambda good: b'{"sections": {"1": "not a document"}}',
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_profile_is_moved_aside_byte_for_byte(damage, tmp_path):
    data_dir = tmp_path / "data"
    bad = DAMAGE[damage](_real_profile(data_dir))
    (data_dir / "profile.json").write_bytes(bad)
    profile = Profile.open(data_dir)
    assert profile.quarantined is not None and profile.quarantined.read_bytes() == bad
    assert profile.section("target") == {}, "a fresh profile was expected"
    # Opening again never overwrites the quarantined copy.
    Profile.open(data_dir)
    assert profile.quarantined.read_bytes() == bad


def test_the_app_starts_on_a_truncated_profile_and_says_where_it_went(goalcoach_exe, child_env):
    data_dir = Path(child_env["GOALCOACH_DATA_DIR"])
    bad = _real_profile(data_dir)[:40]
    (data_dir / "profile.json").write_bytes(bad)
    app = PtyApp([goalcoach_exe], child_env)
    try:
        app.wait_for(["could not be read", "Self-assessment"])
        app.send(b"\x11")  # ctrl+q quits
        status = app.wait()
    finally:
        app.close()
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    moved = [p for p in data_dir.iterdir() if p.name.startswith("profile.json.corrupt-")]
    assert len(moved) == 1 and moved[0].read_bytes() == bad
    assert "Traceback" not in app.text_since(0)


def test_a_profile_from_a_newer_goalcoach_is_refused_in_one_line(goalcoach_exe, child_env):
    data_dir = Path(child_env["GOALCOACH_DATA_DIR"])
    _real_profile(data_dir)
    raw = json.loads((data_dir / "profile.json").read_text())
    raw["_meta"] = {"1": {"schema_version": SCHEMA_VERSION + 1}}
    newer = json.dumps(raw).encode()
    (data_dir / "profile.json").write_bytes(newer)
    for args in ([], ["export", "--format", "json"]):
        _refused(_run(goalcoach_exe, args, child_env), "newer goalcoach")
    assert (data_dir / "profile.json").read_bytes() == newer
    assert not [p for p in data_dir.iterdir() if "corrupt" in p.name]


# -- unsafe paths ----------------------------------------------------------------------------------
def _symlinked(data_dir: Path, name: str, elsewhere: Path) -> bytes:
    """Replace data_dir/name with a symlink to a file elsewhere; returns that file's bytes."""
    target = elsewhere / f"target-{name.replace('/', '_')}"
    original = data_dir / name
    if original.is_dir():
        target.mkdir()
        (target / "x.json").write_text('{"key": "x", "text": "elsewhere"}')
        original.rename(data_dir / "old-drafts")
        content = b"dir"
    else:
        content = original.read_bytes() if original.exists() else b"someone else's file\n"
        target.write_bytes(content)
        original.unlink(missing_ok=True)
    original.symlink_to(target)
    return content


@pytest.mark.parametrize("name", ["profile.json", "attempts.jsonl", "drafts", "drafts/builder.json"])
def test_a_symlink_in_the_data_directory_is_refused_not_followed(name, goalcoach_exe, child_env, tmp_path):
    data_dir = Path(child_env["GOALCOACH_DATA_DIR"])
    _real_profile(data_dir)
    profile = Profile.open(data_dir)
    profile.add_attempt({"kind": "practice", "text": "x", "score": 1})
    profile.save_draft("builder", "draft text")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    _symlinked(data_dir, name, elsewhere)
    before = {p: p.read_bytes() for p in elsewhere.rglob("*") if p.is_file()}
    for args in (["export", "--format", "json"], ["export"]):
        _refused(_run(goalcoach_exe, args, child_env), "symbolic link")
    # The app itself must refuse at start (one line, exit 2), not crash later on first use.
    app = PtyApp([goalcoach_exe], child_env)
    try:
        status = app.wait(timeout=20)
    except AssertionError:
        app.signal(signal.SIGKILL)
        pytest.fail(f"goalcoach started although {name} is a symbolic link")
    finally:
        app.close()
    text = app.text_since(0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 2, text
    assert "symbolic link" in text and "Traceback" not in text
    assert {p: p.read_bytes() for p in elsewhere.rglob("*") if p.is_file()} == before, "the symlink target was changed"


def test_a_symlinked_data_directory_is_refused(goalcoach_exe, child_env, tmp_path):
    real = tmp_path / "real-data"
    _real_profile(real)
    before = (real / "profile.json").read_bytes()
    link = tmp_path / "link-data"
    link.symlink_to(real)
    env = {**child_env, "GOALCOACH_DATA_DIR": str(link)}
    _refused(_run(goalcoach_exe, [], env), "symbolic link")
    _refused(_run(goalcoach_exe, ["export"], env), "symbolic link")
    assert (real / "profile.json").read_bytes() == before


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o722])
def test_a_data_directory_others_can_write_to_is_refused(mode, goalcoach_exe, child_env):
    data_dir = Path(child_env["GOALCOACH_DATA_DIR"])
    before = _real_profile(data_dir)
    os.chmod(data_dir, mode)
    _refused(_run(goalcoach_exe, [], child_env), "writable by other users")
    assert (data_dir / "profile.json").read_bytes() == before
    assert (os.stat(data_dir).st_mode & 0o777) == mode, "the refused directory's mode was changed"


def test_a_data_directory_owned_by_another_user_is_refused(goalcoach_exe, child_env):
    data_dir = Path(child_env["GOALCOACH_DATA_DIR"])
    before = _real_profile(data_dir)
    if os.geteuid() == 0:
        os.chown(data_dir, NOBODY, NOBODY)
        env = child_env
    else:  # an unprivileged user cannot give a directory away; point at one root owns instead
        data_dir = Path("/")
        env = {**child_env, "GOALCOACH_DATA_DIR": "/"}
    line = _refused(_run(goalcoach_exe, [], env))
    assert "another user" in line or "writable" in line or "ermission" in line, line
    if os.geteuid() == 0:
        assert (data_dir / "profile.json").read_bytes() == before
