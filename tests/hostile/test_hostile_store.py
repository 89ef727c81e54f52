"""The store keeps every promise under faults and hostile input: one test per way it was broken.

Real faults wherever possible: a file size limit (RLIMIT_FSIZE) that cuts a write short, a
process killed with SIGKILL before each file-system call of a save, SIGTERM in the middle of
an export, FIFOs and device nodes, a full stdout (/dev/full), hostile JSON.
"""

from __future__ import annotations

import errno
import json
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from goalcoach.cli import main as cli_main
from goalcoach.profile import Profile, ProfileWriteError
from hostile_disk import FailingDisk, files_of
from hostile_fork import KillAtStep, Session, in_child

pytestmark = [pytest.mark.hostile, pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")]

FIXED = "2026-11-02T09:00:00+00:00"
ANSWER = "In two years I want to lead a ward team, and in five to train new nurses."


def _seeded(data_dir: Path) -> Profile:
    profile = Profile.open(data_dir, clock=lambda: FIXED)
    profile.update_section("target", role="Staff nurse", organisation="St Mary's", stage="entry")
    version = profile.add_version("first", ANSWER)
    profile.set_current_version(version["id"])
    profile.save_draft("builder", "draft in progress", (0, 5))
    profile.add_attempt({"kind": "practice", "text": "an answer", "score": 60})
    return profile


def _one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert "Traceback" not in stderr, stderr
    assert len(lines) == 1, f"expected one line on stderr, got: {stderr!r}"
    return lines[0]


def _export_document(**changes) -> dict:
    document = {
        "format": "goalcoach-export",
        "format_version": 1,
        "exported": FIXED,
        "schema_version": 2,
        "sections": {"target": {"role": "Imported role", "terms": ["care"]}},
        "settings": {"theme": "nord"},
        "versions": [{"id": "v-imported", "name": "imported", "text": ANSWER, "created": FIXED}],
        "attempts": [{"id": "a-imported", "created": FIXED, "kind": "drill", "text": "imported", "score": 50}],
        "drafts": {"builder": {"key": "builder", "text": "imported draft", "cursor": [0, 0], "updated": FIXED}},
    }
    document.update(changes)
    return document


def _state(data_dir: Path) -> dict:
    """What a person would see of the profile, and no stray temporary file beside it."""
    profile = Profile.open(data_dir, clock=lambda: FIXED)
    assert profile.quarantined is None, f"the profile had to be moved aside: {profile.quarantine_reason}"
    leftovers = [p.name for p in data_dir.rglob("*.tmp")]
    assert leftovers == [], f"temporary files left behind: {leftovers}"
    return profile.snapshot()


# -- 1. a save on a full disk reports success ------------------------------------------------------
def _limit_file_size(limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))


def test_an_attempt_cut_short_by_a_full_disk_is_reported_and_leaves_no_half_line(tmp_path):
    data_dir = tmp_path / "data"
    _seeded(data_dir)
    log = data_dir / "attempts.jsonl"
    before = log.read_bytes()

    def save() -> str:
        profile = Profile.open(data_dir)
        _limit_file_size(len(before) + 40)  # the disk fills 40 bytes into the new line
        try:
            profile.add_attempt({"kind": "practice", "text": "a long answer " * 40, "score": 70})
        except ProfileWriteError as error:
            return f"refused: {error}"
        return "saved"

    outcome = in_child(save)
    assert outcome.get("result", outcome).startswith("refused"), f"a save that did not fit was reported: {outcome}"
    assert "\n" not in outcome["result"]
    assert log.read_bytes() == before, "half a line was left in the attempts log"


def test_a_merge_onto_a_disk_that_fills_up_says_so_and_adds_nothing(tmp_path):
    data_dir = tmp_path / "data"
    _seeded(data_dir)
    backup = tmp_path / "backup.json"
    document = _export_document(attempts=[{"id": f"n{i}", "created": FIXED, "kind": "drill", "text": "x" * 80} for i in range(20)])
    backup.write_text(json.dumps(document))
    before = files_of(data_dir)
    biggest = max(len(v) for v in before.values())

    def merge() -> int:
        _limit_file_size(biggest + 100)
        return cli_main(["import", str(backup), "--merge", "--data-dir", str(data_dir)])

    outcome = in_child(merge)
    assert outcome.get("result") == 2, f"merge onto a full disk: {outcome}"
    assert "size limit" in _one_line(outcome["stderr"])
    after = {k: v for k, v in files_of(data_dir).items() if not k.startswith("backups/")}
    assert after == before


# -- 3. merge is all-or-nothing and linear ------------------------------------------------------------
def _versions_backup(tmp_path: Path, count: int) -> Path:
    versions = [
        {"id": f"v{n:05d}", "name": f"imported {n}", "text": f"{ANSWER} ({n})", "created": f"2026-01-01T00:00:{n % 60:02d}+00:00"}
        for n in range(count)
    ]
    backup = tmp_path / "versions.json"
    backup.write_text(json.dumps(_export_document(versions=versions, attempts=[])))
    return backup


@pytest.mark.parametrize("allow", [2, 10, 30])
def test_a_merge_that_fills_the_disk_half_way_adds_all_or_nothing(allow, tmp_path, monkeypatch, capsys):
    data_dir = tmp_path / "data"
    _seeded(data_dir)
    before = _state(data_dir)
    backup = _versions_backup(tmp_path, 60)
    FailingDisk(monkeypatch, data_dir, errno.ENOSPC, allow=allow)
    code = cli_main(["import", str(backup), "--merge", "--data-dir", str(data_dir)])
    monkeypatch.undo()
    after = _state(data_dir)
    added = len(after["versions"]) - len(before["versions"])
    assert added in (0, 60), f"exit {code}: {added} of 60 versions were added"
    if code == 2:
        assert added == 0 and after == before
        assert "disk is full" in _one_line(capsys.readouterr().err)


def test_merge_writes_once_however_many_versions_it_adds(tmp_path, monkeypatch):
    """Cost must not grow with the square of the count: one write per file, not one per version."""
    data_dir = tmp_path / "data"
    profile = _seeded(data_dir)
    from goalcoach.domain.transfer_files import read_export
    from goalcoach.domain import transfer

    snapshot = read_export(_versions_backup(tmp_path, 300))
    syncs = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (syncs.append(fd), real_fsync(fd))[1])
    attempts, versions = transfer.merge_into(profile, snapshot)
    monkeypatch.undo()
    assert versions == 300
    assert len(syncs) <= 12, f"merging 300 versions made {len(syncs)} fsyncs"
    assert len(Profile.open(data_dir).versions()) == 301


# -- 4. replace and merge survive a kill at every step -------------------------------------------------
def _kill_at_every_step(data_dir: Path, operation, expected_new: dict) -> int:
    old = _state(data_dir)
    pristine = tmp = data_dir.parent / "pristine"
    shutil.copytree(data_dir, pristine)
    step = 0
    while True:
        shutil.rmtree(data_dir)
        shutil.copytree(pristine, data_dir)

        def run(at=step):
            profile = Profile.open(data_dir, clock=lambda: FIXED)
            KillAtStep(at)
            operation(profile)
            return "finished"

        outcome = in_child(run)
        after = _state(data_dir)  # opening finishes or drops the interrupted transaction
        assert after in (old, expected_new), (
            f"killed before file-system call {step}: the profile is neither the old nor the new one"
        )
        if outcome.get("result") == "finished":
            assert after == expected_new
            return step
        assert outcome.get("signal") == signal.SIGKILL, outcome
        step += 1
        assert step < 200, "the operation never finished"
    del tmp


def _expected_after(data_dir: Path, operation) -> dict:
    copy = data_dir.parent / "expected"
    shutil.copytree(data_dir, copy)
    operation(Profile.open(copy, clock=lambda: FIXED))
    return _state(copy)


def test_replace_killed_at_any_step_leaves_the_old_or_the_new_profile(tmp_path):
    from goalcoach.domain import transfer

    data_dir = tmp_path / "data"
    _seeded(data_dir)
    snapshot = transfer.parse_export(json.dumps(_export_document()))
    operation = lambda profile: profile.replace_all(snapshot)  # noqa: E731
    steps = _kill_at_every_step(data_dir, operation, _expected_after(data_dir, operation))
    assert steps >= 5


def test_merge_killed_at_any_step_leaves_the_old_or_the_new_profile(tmp_path):
    from goalcoach.domain import transfer

    data_dir = tmp_path / "data"
    _seeded(data_dir)
    snapshot = transfer.parse_export(json.dumps(_export_document()))
    operation = lambda profile: transfer.merge_into(profile, snapshot)  # noqa: E731
    steps = _kill_at_every_step(data_dir, operation, _expected_after(data_dir, operation))
    assert steps >= 3


# -- 5. and 6. import checks every field; hostile JSON never gives a traceback -------------------------
def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


BAD_IMPORTS = {
    "nan-score": json.dumps(_export_document()).replace('"score": 50', '"score": NaN'),
    "infinite-seconds": json.dumps(_export_document()).replace('"score": 50', '"score": 50, "seconds": 1e400'),
    "terms-number": json.dumps(_export_document(sections={"target": {"terms": 5}})),
    "theme-list": json.dumps(_export_document(settings={"theme": ["x"]})),
    "score-out-of-range": json.dumps(_export_document()).replace('"score": 50', '"score": 5000'),
    "huge-field": json.dumps(_export_document(sections={"target": {"mission": "m" * 300_000}})),
    "self-key": json.dumps(_export_document(versions=[{"id": "v", "name": "n", "text": "t", "created": FIXED, "self": 1}])),
    "unknown-key": json.dumps(_export_document(attempts=[{"id": "a", "created": FIXED, "evil": "x"}])),
    "deep-nesting": json.dumps(_export_document()).replace('"settings": {"theme": "nord"}', '"settings": {"x": ' + _nested(100_000) + "}"),
    "deep-feedback": json.dumps(_export_document(attempts=[{"id": "a", "created": FIXED, "feedback": json.loads(_nested(100))}])),
    "lone-surrogate": json.dumps(_export_document()).replace('"text": "imported"', '"text": "\\ud800 imported"'),
}


@pytest.mark.parametrize("mode", ["--merge", "--replace"])
@pytest.mark.parametrize("name", list(BAD_IMPORTS))
def test_an_import_with_a_bad_field_is_refused_whole(name, mode, tmp_path, capsys):
    data_dir = tmp_path / "data"
    _seeded(data_dir)
    before = files_of(data_dir)
    bad = tmp_path / "bad.json"
    bad.write_text(BAD_IMPORTS[name], encoding="utf-8", errors="surrogatepass")
    code = cli_main(["import", str(bad), mode, "--yes", "--data-dir", str(data_dir)])
    line = _one_line(capsys.readouterr().err)
    assert code == 2, f"a file with a bad field ({name}) was imported"
    assert "nothing was changed" in line and len(line) < 400
    assert files_of(data_dir) == before
    assert cli_main(["export", "--data-dir", str(data_dir)]) == 0  # and everything still works


def test_a_damaged_attempts_log_never_breaks_an_export(tmp_path, capsys):
    data_dir = tmp_path / "data"
    _seeded(data_dir)
    with open(data_dir / "attempts.jsonl", "a") as log:
        log.write('{"id": "bad", "created": "%s", "kind": "practice", "scenario_id": "s", "score": NaN}\n' % FIXED)
        log.write('{"id": "bad2", "created": "%s", "kind": "practice", "text": ["not", "text"]}\n' % FIXED)
    for fmt in ("markdown", "json"):
        assert cli_main(["export", "--format", fmt, "--data-dir", str(data_dir)]) == 0
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err and "NaN" not in captured.out


def test_a_bad_batch_line_never_stops_the_lines_after_it(goalcoach_exe, child_env):
    lines = [
        _nested(100_000),
        '{"id": "surrogate", "text": "\\ud800 In two years I lead"}',
        '{"id": "deep", "text": "x", "terms": ' + _nested(50_000) + "}",
        json.dumps({"id": "good", "text": ANSWER}),
    ]
    result = subprocess.run(
        [str(goalcoach_exe), "check", "--batch"], input="\n".join(lines) + "\n", capture_output=True,
        text=True, env=child_env, timeout=60,
    )
    assert "Traceback" not in result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 4, result.stdout + result.stderr
    assert [o.get("id") for o in out][-1] == "good" and "score" in out[-1]
    assert all("error" in o for o in out[:3])


# -- 7. check passes terminal escapes through ---------------------------------------------------------
def test_check_never_prints_terminal_escapes_from_an_answer(goalcoach_exe, child_env):
    hostile = (
        ANSWER + " \x1b]52;c;ZWNobyBwd25lZA==\x07 \x1b]8;;http://evil.example\x07my link\x1b]8;;\x07 "
        "\x1b[2J\x1b[H \x9b31m and I want to grow."
    )
    for extra in ([], ["--json"]):
        result = subprocess.run(
            [str(goalcoach_exe), "check", *extra], input=hostile.encode(), capture_output=True, env=child_env, timeout=60
        )
        assert result.returncode == 0, result.stderr
        out = result.stdout.decode()
        for forbidden in ("\x1b", "\x07", "\x9b", "\\u001b", "\\u0007"):
            assert forbidden not in out, f"{forbidden!r} reached the output of check {extra}"
        if not extra:
            assert "my link" in out  # the text itself is kept


# -- 8. and 9. damaged profiles that still parse are quarantined, never emptied ------------------------
META = {"_meta": {"1": {"schema_version": 2}}}
SECTION = {"1": {"name": "target", "data": {"role": "Staff nurse"}}}
PARSES_BUT_DAMAGED = {
    "schema-0": {"_meta": {"1": {"schema_version": 0}}, "sections": SECTION},
    "schema-text": {"_meta": {"1": {"schema_version": "2"}}, "sections": SECTION},
    "schema-missing": {"sections": SECTION},
    "schema-null": {"_meta": {"1": {"schema_version": None}}, "sections": SECTION},
    "schema-1-with-sections": {"_meta": {"1": {"schema_version": 1}}, "profile": {"1": {"theme": "x"}}, "sections": SECTION},
    "non-numeric-id": {**META, "sections": {"first": {"name": "target", "data": {"role": "x"}}}},
    "section-without-data": {**META, "sections": {"1": {"name": "target"}}},
    "version-without-time": {**META, "sections": SECTION, "versions": {"1": {"id": "v", "name": "n", "text": "t"}}},
    "terms-not-a-list": {**META, "sections": {"1": {"name": "target", "data": {"terms": 5}}}},
    "theme-list": {**META, "settings": {"1": {"key": "theme", "value": ["x"]}}},
    "nan": {**META, "versions": {"1": {"id": "v", "name": "n", "text": "t", "created": FIXED, "score": float("nan")}}},
}


@pytest.mark.parametrize("name", list(PARSES_BUT_DAMAGED))
def test_a_damaged_profile_that_still_parses_is_moved_aside_not_emptied(name, tmp_path, capsys):
    data_dir = tmp_path / "data"
    _seeded(data_dir)
    bad = json.dumps(PARSES_BUT_DAMAGED[name]).encode()
    (data_dir / "profile.json").write_bytes(bad)
    code = cli_main(["export", "--format", "json", "--data-dir", str(data_dir)])
    captured = capsys.readouterr()
    assert code == 0 and "Traceback" not in captured.err
    line = _one_line(captured.err)
    assert "moved" in line
    moved = list(data_dir.glob("profile.json.corrupt-*"))
    assert len(moved) == 1 and moved[0].read_bytes() == bad, "the damaged file was not kept byte for byte"


# -- 10. export --force replaces special files --------------------------------------------------------
def test_export_into_a_fifo_writes_into_it(tmp_path, capsys):
    data_dir = tmp_path / "data"
    _seeded(data_dir)
    fifo = tmp_path / "to-printer"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code = cli_main(["export", "--data-dir", str(data_dir), "-o", str(fifo), "--force"])
    reader.join(30)
    assert code == 0, capsys.readouterr().err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced by a regular file"
    assert b"Interview prep sheet" in received[0]


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_export_onto_a_device_writes_into_it(tmp_path):
    data_dir = tmp_path / "data"
    _seeded(data_dir)
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a private /dev/null
    assert cli_main(["export", "--data-dir", str(data_dir), "-o", str(null), "--force"]) == 0
    assert stat.S_ISCHR(os.lstat(null).st_mode), "the device node was replaced by a regular file"


# -- 11. --data-dir takes over folders it doesn't own -------------------------------------------------
@pytest.mark.parametrize("command", [["export"], ["import", "backup.json", "--merge"], []])
def test_a_folder_of_other_files_is_never_taken_over(command, tmp_path, goalcoach_exe, child_env):
    folder = tmp_path / "my-documents"
    folder.mkdir()
    (folder / "cv.txt").write_text("my cv")
    os.chmod(folder, 0o755)
    before = files_of(folder)
    (tmp_path / "backup.json").write_text(json.dumps(_export_document()))
    result = subprocess.run(
        [str(goalcoach_exe), *command, "--data-dir", str(folder)], capture_output=True, text=True,
        env=child_env, timeout=60, cwd=tmp_path, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert str(folder) in _one_line(result.stderr)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755, "the folder's mode was changed"
    assert files_of(folder) == before and sorted(p.name for p in folder.iterdir()) == ["cv.txt"]


# -- 14. import from a FIFO or /dev/zero -------------------------------------------------------------
def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, resource.RLIM_INFINITY))


@pytest.mark.parametrize("source", ["fifo", "/dev/zero", "huge"])
def test_import_from_a_pipe_a_device_or_a_huge_file_is_refused_at_once(source, tmp_path, goalcoach_exe, child_env):
    if source == "fifo":
        path = tmp_path / "pipe"
        os.mkfifo(path)
    elif source == "huge":
        path = tmp_path / "huge.json"
        with open(path, "wb") as handle:
            handle.truncate(200 * 1024 * 1024)  # sparse: costs no disk
    else:
        path = Path(source)
    result = subprocess.run(
        [str(goalcoach_exe), "import", str(path), "--merge"], capture_output=True, text=True,
        env=child_env, timeout=30, preexec_fn=_limit_memory, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert "nothing was changed" in _one_line(result.stderr)


# -- 15. CLI tracebacks -----------------------------------------------------------------------------
def test_export_to_a_full_stdout_is_one_line(tmp_path, goalcoach_exe, child_env):
    _seeded(Path(child_env["GOALCOACH_DATA_DIR"]))
    with open("/dev/full", "w") as full:
        result = subprocess.run([str(goalcoach_exe), "export"], stdout=full, stderr=subprocess.PIPE, text=True,
                                env=child_env, timeout=60)
    assert result.returncode == 2
    assert "No space left" in _one_line(result.stderr)


def test_ctrl_c_at_the_replace_prompt_changes_nothing(tmp_path, monkeypatch, capsys):
    data_dir = tmp_path / "data"
    _seeded(data_dir)
    before = files_of(data_dir)
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps(_export_document()))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)

    def ctrl_c(prompt=""):
        raise KeyboardInterrupt

    monkeypatch.setattr("builtins.input", ctrl_c)
    try:
        code = cli_main(["import", str(backup), "--replace", "--data-dir", str(data_dir)])
    except KeyboardInterrupt:
        pytest.fail("ctrl+c at the prompt ended in a traceback")
    captured = capsys.readouterr()
    assert code == 2 and "Traceback" not in captured.err + captured.out
    assert files_of(data_dir) == before


def test_ctrl_c_while_check_reads_stdin_is_one_line(monkeypatch, capsys):
    class Interrupting:
        def read(self, *args):
            raise KeyboardInterrupt

    class Stdin:
        buffer = Interrupting()

        def isatty(self):
            return True

        def read(self, *args):
            raise KeyboardInterrupt

    monkeypatch.setattr("sys.stdin", Stdin())
    try:
        code = cli_main(["check"])
    except KeyboardInterrupt:
        pytest.fail("ctrl+c while reading the answer ended in a traceback")
    assert code == 2
    assert "interrupted" in _one_line(capsys.readouterr().err)


def test_an_unreadable_attempts_log_is_one_line(tmp_path, capsys):
    data_dir = tmp_path / "data"
    _seeded(data_dir)
    log = data_dir / "attempts.jsonl"
    log.unlink()
    log.mkdir()  # unreadable as a file, even for root
    for args in (["export"], ["export", "--format", "json"]):
        assert cli_main([*args, "--data-dir", str(data_dir)]) == 2
        assert "attempts.jsonl" in _one_line(capsys.readouterr().err)


# -- 16. SIGTERM during export ---------------------------------------------------------------------
def test_sigterm_during_export_leaves_no_temporary_copy(tmp_path):
    data_dir = tmp_path / "data"
    _seeded(data_dir)
    out = tmp_path / "out"
    out.mkdir()

    def export() -> int:
        real_fsync = os.fsync

        def fsync(fd):
            if os.readlink(f"/proc/self/fd/{fd}").startswith(str(out)):
                os.kill(os.getpid(), signal.SIGTERM)  # the signal lands mid-write
            return real_fsync(fd)

        os.fsync = fsync
        return cli_main(["export", "--data-dir", str(data_dir), "-o", str(out / "prep.md")])

    outcome = in_child(export)
    assert list(out.iterdir()) == [], f"left behind: {[p.name for p in out.iterdir()]} ({outcome})"
    assert outcome.get("result") == 2 and "interrupted" in _one_line(outcome["stderr"])


# -- 17. a UTF-8 BOM ---------------------------------------------------------------------------------
def test_a_backup_with_a_byte_order_mark_imports(tmp_path, capsys):
    data_dir = tmp_path / "data"
    backup = tmp_path / "backup.json"
    backup.write_bytes(b"\xef\xbb\xbf" + json.dumps(_export_document()).encode())
    assert cli_main(["import", str(backup), "--data-dir", str(data_dir)]) == 0, capsys.readouterr().err
    assert Profile.open(data_dir).section("target")["role"] == "Imported role"


# -- 2. two sessions on one profile never silently overwrite each other --------------------------------
@pytest.fixture
def two_sessions(tmp_path):
    data_dir = tmp_path / "data"
    _seeded(data_dir)
    sessions = [Session(str(data_dir)), Session(str(data_dir))]
    yield data_dir, sessions
    for session in sessions:
        session.close()


def test_values_added_in_two_sessions_are_both_kept(two_sessions):
    data_dir, (a, b) = two_sessions
    assert a.call("section", "values") == {} and b.call("section", "values") == {}  # both screens open
    a.call("update_section", "values", items=[{"name": "care", "non_negotiable": False, "moment": ""}])
    b.call("update_section", "values", items=[{"name": "growth", "non_negotiable": False, "moment": ""}])
    names = [item["name"] for item in Profile.open(data_dir).section("values")["items"]]
    assert sorted(names) == ["care", "growth"], f"a value added in another session was lost: {names}"
    # A's screen still shows only "care"; its next change must not drop "growth" either.
    a.call("update_section", "values", items=[{"name": "care", "non_negotiable": True, "moment": ""}])
    items = Profile.open(data_dir).section("values")["items"]
    assert sorted(i["name"] for i in items) == ["care", "growth"]
    assert [i["non_negotiable"] for i in items if i["name"] == "care"] == [True]


def test_the_same_field_changed_in_two_sessions_keeps_both_texts_and_says_so(two_sessions):
    data_dir, (a, b) = two_sessions
    a.call("section", "target")
    b.call("section", "target")
    a.call("update_section", "target", mission="A's mission")
    b.call("update_section", "target", mission="B's mission")
    assert a.call("take_notices") == []
    notices = b.call("take_notices")
    assert len(notices) == 1 and "another goalcoach session" in notices[0].lower()
    stored = Profile.open(data_dir).section("target")["mission"]
    kept = [json.loads(p.read_text()) for p in (data_dir / "conflicts").glob("*.json")]
    texts = {stored, *(k["other_session_text"] for k in kept)}
    assert {"A's mission", "B's mission"} <= texts, f"a session's text was lost: {stored!r}, {kept}"


def test_a_draft_written_in_two_sessions_keeps_both_texts_and_says_so(two_sessions):
    data_dir, (a, b) = two_sessions
    a.call("draft", "builder")
    b.call("draft", "builder")
    a.call("save_draft", "builder", "A typed this answer", [0, 3])
    b.call("save_draft", "builder", "B typed another answer", [0, 3])
    assert len(b.call("take_notices")) == 1
    stored = Profile.open(data_dir).draft("builder")["text"]
    kept = [json.loads(p.read_text())["other_session_text"] for p in (data_dir / "conflicts").glob("*.json")]
    assert {"A typed this answer", "B typed another answer"} <= {stored, *kept}
    # Submitting in one session (which clears its draft) must not delete the other's newer text.
    a.call("clear_draft", "builder")
    kept = [json.loads(p.read_text())["other_session_text"] for p in (data_dir / "conflicts").glob("*.json")]
    assert "B typed another answer" in kept


# -- 12. an autosave never waits for another session's lock ---------------------------------------
# (A guard for the draft conflict check above, which takes the lock only when it is free.)
def test_a_draft_autosave_never_waits_while_another_session_holds_the_lock(tmp_path):
    data_dir = tmp_path / "data"
    _seeded(data_dir)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, filelock; lock = filelock.FileLock(sys.argv[1]); lock.acquire(); "
         "print('held', flush=True); sys.stdin.read()", str(data_dir / ".profile.lock")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"

        def autosave() -> str:
            profile = Profile(data_dir)  # a session already open (opening checks the file under the lock)
            profile._lock.timeout = 3600  # were the autosave to wait for the lock, it would wait an hour
            profile.draft("builder")
            profile.save_draft("builder", "typed while another session imports", (0, 3))
            return profile.draft("builder")["text"]

        assert in_child(autosave, timeout=60).get("result") == "typed while another session imports"
    finally:
        holder.stdin.close()
        holder.wait(30)


def test_a_json_export_printed_to_the_terminal_carries_no_control_characters(tmp_path, capsys):
    data_dir = tmp_path / "data"
    _seeded(data_dir)
    with open(data_dir / "attempts.jsonl", "a", encoding="utf-8") as log:  # written by hand, not by goalcoach
        log.write(json.dumps({"id": "hand", "created": FIXED, "kind": "drill", "text": "x\x9b2J\x1b]8;;http://e\x07y"}) + "\n")
    assert cli_main(["export", "--format", "json", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert not [c for c in out if c != "\n" and (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F)]
    hand = [a for a in json.loads(out)["attempts"] if a["id"] == "hand"]
    assert hand[0]["text"] == "x\x9b2J\x1b]8;;http://e\x07y", "the backup must keep the data exactly"


def _named_steps(data_dir: Path, operation) -> list[str]:
    """The commit protocol's named steps for this operation, from a dry run on a copy."""
    from goalcoach.profile import storage

    copy = data_dir.parent / "dry-run"
    shutil.copytree(data_dir, copy)
    steps: list[str] = []
    storage.FAULT_HOOK = steps.append
    try:
        operation(Profile.open(copy, clock=lambda: FIXED))
    finally:
        storage.FAULT_HOOK = None
    shutil.rmtree(copy)
    return steps


@pytest.mark.parametrize("kind", ["replace", "merge"])
def test_a_kill_at_each_step_of_the_commit_protocol_is_finished_or_rolled_back(kind, tmp_path):
    """SIGKILL injected through the store's own fault hook at every named step: after the files are
    staged, after the journal is written, before each rename and each delete, before the journal goes."""
    from goalcoach.domain import transfer
    from goalcoach.profile import storage

    data_dir = tmp_path / "data"
    _seeded(data_dir)
    snapshot = transfer.parse_export(json.dumps(_export_document()))
    if kind == "replace":
        operation = lambda profile: profile.replace_all(snapshot)  # noqa: E731
    else:
        operation = lambda profile: transfer.merge_into(profile, snapshot)  # noqa: E731
    old = _state(data_dir)
    new = _expected_after(data_dir, operation)
    steps = _named_steps(data_dir, operation)
    assert steps[:2] == ["staged", "journal"] and steps[-1] == "done" and any(s.startswith("rename") for s in steps)
    pristine = tmp_path / "pristine"
    shutil.copytree(data_dir, pristine)
    for step in steps:
        shutil.rmtree(data_dir)
        shutil.copytree(pristine, data_dir)

        def run(at=step):
            def hook(name):
                if name == at:
                    os.kill(os.getpid(), signal.SIGKILL)

            storage.FAULT_HOOK = hook
            operation(Profile.open(data_dir, clock=lambda: FIXED))

        assert in_child(run).get("signal") == signal.SIGKILL
        after = _state(data_dir)
        expected = old if step == "staged" else new  # once the journal is written, the change is made
        assert after == expected, f"killed at {step!r}: the profile is not the {'old' if step == 'staged' else 'new'} one"


def test_a_session_already_open_finishes_an_interrupted_import_before_its_next_save(tmp_path):
    """Session B is open while session A's import is killed after its journal: B's next save must
    not be undone when the import is finished later."""
    from goalcoach.domain import transfer
    from goalcoach.profile import storage

    data_dir = tmp_path / "data"
    _seeded(data_dir)
    other = Profile.open(data_dir, clock=lambda: FIXED)
    snapshot = transfer.parse_export(json.dumps(_export_document()))

    def import_killed_after_journal():
        storage.FAULT_HOOK = lambda name: name == "journal" and os.kill(os.getpid(), signal.SIGKILL)
        Profile.open(data_dir).replace_all(snapshot)

    assert in_child(import_killed_after_journal).get("signal") == signal.SIGKILL
    other.update_section("target", mission="typed in the other session")
    target = _state(data_dir)["sections"]["target"]
    assert target["role"] == "Imported role", "the interrupted import was not finished"
    assert target.get("mission") == "typed in the other session", "a save made meanwhile was undone"
