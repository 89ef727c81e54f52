"""A full disk (ENOSPC) or a read-only data directory: a clear message, the previous profile intact,
no traceback: in the profile API, in the app (a notification) and in the CLI (stderr, exit 2).
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest

from goalcoach.cli import main as cli_main
from goalcoach.profile import Profile, ProfileError, ProfileWriteError
from goalcoach_test_support import settle
from hostile_disk import FailingDisk, files_of

# The hostile tier: left out of the fast local run (pytest -m "not slow and not hostile").
pytestmark = pytest.mark.hostile

FIXED = "2026-11-02T09:00:00+00:00"
MESSAGES = {errno.ENOSPC: "disk is full", errno.EROFS: "read-only"}
CODES = pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS], ids=["disk-full", "read-only"])


def _seeded(data_dir: Path) -> Profile:
    profile = Profile.open(data_dir, clock=lambda: FIXED)
    profile.update_section("target", role="Staff nurse", organisation="St Mary's", stage="entry")
    version = profile.add_version("first", "In three years I want to lead a ward team.")
    profile.set_current_version(version["id"])
    profile.save_draft("builder", "draft in progress", (0, 5))
    profile.add_attempt({"kind": "practice", "text": "an answer", "score": 60})
    return profile


OTHER = {
    "schema_version": 2,
    "sections": {"target": {"role": "Imported role"}},
    "settings": {},
    "versions": [],
    "attempts": [{"id": "x1", "created": FIXED, "kind": "drill", "text": "imported"}],
    "drafts": {"builder": {"text": "imported draft", "cursor": [0, 0], "updated": FIXED}},
}

OPERATIONS = {
    "update_section": lambda p: p.update_section("target", role="Charge nurse"),
    "save_section": lambda p: p.save_section("values", {"items": [{"name": "care"}]}),
    "set_setting": lambda p: p.set_setting("theme", "nord"),
    "add_version": lambda p: p.add_version("second", "new text"),
    "save_draft": lambda p: p.save_draft("builder", "new draft text", (0, 3)),
    "add_attempt": lambda p: p.add_attempt({"kind": "practice", "text": "new", "score": 1}),
    "merge_attempts": lambda p: p.merge_attempts([{"id": "m1", "created": FIXED, "kind": "drill", "text": "m"}]),
    "replace_all": lambda p: p.replace_all(OTHER),
    "backup": lambda p: p.backup(),
}


@CODES
@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_a_failed_save_says_why_and_keeps_the_previous_profile(operation, code, tmp_path, monkeypatch):
    data_dir = tmp_path / "data"
    profile = _seeded(data_dir)
    before = files_of(data_dir)
    snapshot = profile.snapshot()
    FailingDisk(monkeypatch, data_dir, code)
    with pytest.raises(ProfileWriteError) as caught:
        OPERATIONS[operation](profile)
    message = str(caught.value)
    assert MESSAGES[code] in message and "\n" not in message
    monkeypatch.undo()
    assert files_of(data_dir) == before, "a failed save changed the files on disk"
    assert Profile.open(data_dir, clock=lambda: FIXED).snapshot() == snapshot


def test_deleting_a_draft_on_a_read_only_disk_says_why(tmp_path, monkeypatch):
    data_dir = tmp_path / "data"
    profile = _seeded(data_dir)
    FailingDisk(monkeypatch, data_dir, errno.EROFS)
    with pytest.raises(ProfileWriteError, match="read-only"):
        profile.clear_draft("builder")
    monkeypatch.undo()
    assert profile.draft("builder")["text"] == "draft in progress"


@pytest.mark.parametrize("allow", [1, 2], ids=["after-profile-file", "after-attempts"])
def test_an_import_that_fills_the_disk_half_way_leaves_the_previous_profile(allow, tmp_path, monkeypatch):
    """replace_all writes several files; a disk that fills after the first of them must not leave
    half the old profile and half the new one."""
    data_dir = tmp_path / "data"
    profile = _seeded(data_dir)
    snapshot = profile.snapshot()
    disk = FailingDisk(monkeypatch, data_dir, errno.ENOSPC, allow=allow)
    try:
        profile.replace_all(OTHER)
    except ProfileWriteError as error:
        assert "disk is full" in str(error)
    monkeypatch.undo()
    after = Profile.open(data_dir, clock=lambda: FIXED).snapshot()
    if disk.failures:
        assert after == snapshot, "a failed import left a mix of the old and the new profile"
    else:  # every byte was written before the disk filled: the import is complete
        assert after["attempts"] == OTHER["attempts"] and after["sections"] == OTHER["sections"]


# -- the app --------------------------------------------------------------------------------------
def _capture_notifications(app) -> list[tuple[str, dict]]:
    seen: list[tuple[str, dict]] = []
    original = app.notify

    def notify(message, *args, **kwargs):
        seen.append((str(message), kwargs))
        return original(message, *args, **kwargs)

    app.notify = notify
    return seen


def _read_only(monkeypatch, data_dir: Path) -> None:
    """chmod 0500 where that stops writes; as root (which ignores modes) a read-only file system."""
    if os.geteuid() != 0:
        os.chmod(data_dir, 0o500)
    else:
        FailingDisk(monkeypatch, data_dir, errno.EROFS)


@CODES
async def test_the_app_tells_the_person_when_a_draft_cannot_be_saved(code, tmp_path, monkeypatch):
    from goalcoach.app import GoalCoachApp

    data_dir = tmp_path / "data"
    profile = _seeded(data_dir)
    before = files_of(data_dir)
    app = GoalCoachApp(profile, low_bandwidth=True)
    async with app.run_test(size=(100, 30)) as pilot:
        seen = _capture_notifications(app)
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("enter")  # the first scenario
        await pilot.pause()
        await pilot.press("enter")  # answer it
        await pilot.pause()
        if code == errno.ENOSPC:
            FailingDisk(monkeypatch, data_dir, code)
        else:
            _read_only(monkeypatch, data_dir)
        await pilot.press(*"typed while the disk is broken")
        # The editor autosaves a moment after the last key; the failed save is reported.
        await settle(pilot, lambda: any(k.get("severity") == "error" for m, k in seen))
        errors = [m for m, k in seen if k.get("severity") == "error"]
        assert errors, f"no error notification; notifications: {seen}"
        assert any(MESSAGES[code] in m for m in errors), errors
        assert all(k.get("markup") is False for m, k in seen if m in errors)
        editor = app.screen.query_one("#answer-editor")
        assert editor.text == "typed while the disk is broken", "the text on screen was lost"
        await pilot.press("x")
        assert editor.text.endswith("x"), "the app stopped taking keys after a failed save"
        monkeypatch.undo()
    os.chmod(data_dir, 0o700)
    after = files_of(data_dir)
    assert after.get("profile.json") == before["profile.json"]
    assert after.get("attempts.jsonl") == before["attempts.jsonl"]


async def test_the_app_tells_the_person_when_a_section_cannot_be_saved(tmp_path, monkeypatch):
    from goalcoach.app import GoalCoachApp

    data_dir = tmp_path / "data"
    profile = _seeded(data_dir)
    before = files_of(data_dir)
    app = GoalCoachApp(profile, low_bandwidth=True)
    async with app.run_test(size=(100, 30)) as pilot:
        seen = _capture_notifications(app)
        await pilot.press("1")
        await settle(pilot, lambda: type(app.screen).__name__ == "AssessmentScreen" and app.focused is not None)
        FailingDisk(monkeypatch, data_dir, errno.ENOSPC)
        await pilot.press("end", *" and mentor")
        # Fields save a moment after the last change; the failed save is reported.
        await settle(pilot, lambda: any(k.get("severity") == "error" for m, k in seen))
        errors = [m for m, k in seen if k.get("severity") == "error"]
        assert any("disk is full" in m for m in errors), seen
        assert app.is_running
        assert files_of(data_dir)["profile.json"] == before["profile.json"]
        monkeypatch.undo()


# -- the command line -------------------------------------------------------------------------------
def _one_line_error(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got: {stderr!r}"
    assert "Traceback" not in stderr
    return lines[0]


def test_export_to_a_full_disk_says_so(tmp_path, monkeypatch, capsys):
    data_dir = tmp_path / "data"
    _seeded(data_dir)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    FailingDisk(monkeypatch, out_dir, errno.ENOSPC)
    code = cli_main(["export", "--data-dir", str(data_dir), "-o", str(out_dir / "prep.md")])
    line = _one_line_error(capsys.readouterr().err)
    assert code == 2
    assert "No space left" in line or "disk is full" in line
    monkeypatch.undo()
    assert list(out_dir.iterdir()) == [], "a partial export was left behind"


@pytest.mark.parametrize("mode", ["--merge", "--replace"])
def test_import_onto_a_full_disk_says_so_and_changes_nothing(mode, tmp_path, monkeypatch, capsys):
    data_dir = tmp_path / "data"
    _seeded(data_dir)
    backup = tmp_path / "backup.json"
    assert cli_main(["export", "--format", "json", "--data-dir", str(data_dir), "-o", str(backup)]) == 0
    document = json.loads(backup.read_text())
    document["attempts"].append({"id": "new-1", "created": FIXED, "kind": "drill", "text": "new"})
    backup.write_text(json.dumps(document))
    before = files_of(data_dir)
    capsys.readouterr()
    FailingDisk(monkeypatch, data_dir, errno.ENOSPC)
    code = cli_main(["import", str(backup), mode, "--yes", "--data-dir", str(data_dir)])
    captured = capsys.readouterr()
    line = _one_line_error(captured.err)
    assert code == 2
    assert "disk is full" in line
    monkeypatch.undo()
    after = files_of(data_dir)
    assert {k: v for k, v in after.items() if not k.startswith("backups/")} == before


# -- a really read-only data directory (chmod 0500), as an unprivileged user ----------------------
NOBODY = 65534


def _unprivileged_tree() -> Path:
    """A directory an unprivileged user can use (pytest's tmp_path is private to root)."""
    base = Path(tempfile.mkdtemp(prefix="goalcoach-ro-"))
    os.chmod(base, 0o755)
    if os.geteuid() == 0:
        os.chown(base, NOBODY, NOBODY)
    return base


def _run_cli(args: list[str], base: Path) -> subprocess.CompletedProcess:
    """Run `goalcoach ARGS` as an unprivileged user (root ignores file modes, so as root the CLI
    runs in a forked child that drops to nobody first: the interpreter itself lives under /root)."""
    import contextlib
    import io
    import traceback

    import goalcoach.domain.coaching  # noqa: F401 - loaded before dropping privileges
    import goalcoach.content  # noqa: F401
    import goalcoach.cli.transfer  # noqa: F401
    import goalcoach.cli.tui  # noqa: F401

    # The checkout may be unreadable to nobody (a private temporary clone): read the content
    # and the coach's phrase lists now, while still allowed to; they are cached from here on.
    goalcoach.content.load_recovery_moves()
    goalcoach.domain.coaching.coach("In two years I want to lead a team.")

    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 99
        out, err = io.StringIO(), io.StringIO()
        try:
            os.close(read_fd)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            os.chdir(base)
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = cli_main(args)
        except BaseException:  # noqa: BLE001 - a traceback is exactly what the test looks for
            err.write(traceback.format_exc())
        finally:
            os.write(write_fd, json.dumps([code, out.getvalue(), err.getvalue()]).encode())
            os._exit(0)
    os.close(write_fd)
    chunks = []
    while chunk := os.read(read_fd, 65536):
        chunks.append(chunk)
    os.close(read_fd)
    os.waitpid(pid, 0)
    code, stdout, stderr = json.loads(b"".join(chunks))
    return subprocess.CompletedProcess(args, code, stdout, stderr)


@pytest.fixture
def unprivileged_base():
    base = _unprivileged_tree()
    yield base
    for path in [base, *base.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            os.chmod(path, 0o700)
    shutil.rmtree(base, ignore_errors=True)


def test_a_read_only_data_directory_is_refused_clearly_by_the_cli(unprivileged_base):
    base = unprivileged_base
    data_dir = base / "data"
    made = _run_cli(["export", "--format", "json", "--data-dir", str(data_dir), "-o", str(base / "backup.json")], base)
    assert made.returncode == 0, made.stderr
    os.chmod(data_dir, 0o500)
    before = files_of(data_dir)
    for args in (
        ["import", str(base / "backup.json"), "--merge", "--data-dir", str(data_dir)],
        ["export", "--data-dir", str(data_dir), "-o", str(base / "prep.md")],
    ):
        result = _run_cli(args, base)
        mode = stat.S_IMODE(data_dir.stat().st_mode)
        assert result.returncode == 2, (
            f"goalcoach {args[0]} into a chmod-0500 data directory exited {result.returncode} and left it "
            f"{mode:o}: it must refuse, not make the directory writable again; stderr: {result.stderr!r}"
        )
        line = _one_line_error(result.stderr)
        assert str(data_dir) in line and ("read-only" in line or "ermission" in line), line
    assert files_of(data_dir) == before
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o500


def test_export_into_a_read_only_folder_is_refused_clearly(unprivileged_base):
    base = unprivileged_base
    data_dir = base / "data"
    out = base / "out"
    made = _run_cli(["export", "--format", "json", "--data-dir", str(data_dir), "-o", str(base / "backup.json")], base)
    assert made.returncode == 0, made.stderr
    out.mkdir()
    if os.geteuid() == 0:
        os.chown(out, NOBODY, NOBODY)
    os.chmod(out, 0o500)
    result = _run_cli(["export", "--data-dir", str(data_dir), "-o", str(out / "prep.md")], base)
    line = _one_line_error(result.stderr)
    assert result.returncode == 2
    assert "prep.md" in line and "ermission" in line, line
    assert list(out.iterdir()) == []
