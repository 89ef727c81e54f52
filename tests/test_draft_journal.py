"""The write-ahead draft journal: typed text is on disk a moment after the key, a session that
died is replayed at the next start, and the journal's files are as private and careful as
the rest of the profile."""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest

from goalcoach import paths
from goalcoach.profile import Profile
from goalcoach.profile import journal as journal_module
from goalcoach.profile.journal import DraftJournal, draft_target, recover, section_target
from goalcoach.widgets import editor as editor_module
from goalcoach_test_support import settle


def _journal_files(data_dir: Path) -> list[Path]:
    directory = paths.journal_dir(data_dir)
    return sorted(directory.glob("*.jsonl")) if directory.is_dir() else []


def _wait_for_file_text(data_dir: Path, text: str, tries: int = 200) -> None:
    for _ in range(tries):
        if any(text in p.read_text() for p in _journal_files(data_dir)):
            return
        time.sleep(0.01)
    raise AssertionError(f"{text!r} never reached the journal")


def _die_with(data_dir: Path, notes) -> None:
    """A child process writes notes to its journal, then is killed (no clean close)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            journal = DraftJournal(data_dir)
            notes(journal)
            journal.flush()
        finally:
            os._exit(0)
    os.waitpid(pid, 0)


def test_typed_text_reaches_the_disk_without_waiting_for_a_save(profile):
    journal = DraftJournal(profile.data_dir)
    try:
        journal.note_draft("builder", "I will lead the pricing team", (0, 28))
        _wait_for_file_text(profile.data_dir, "I will lead the pricing team")
        (path,) = _journal_files(profile.data_dir)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    finally:
        journal.close()


def test_a_killed_session_is_replayed_into_the_drafts_and_the_profile(profile):
    def notes(journal):
        journal.note_draft("builder", "an early version", (0, 3))
        journal.flush()
        journal.note_draft("builder", "the text typed last", (0, 5))
        journal.note_section("target", {"role": "Head of pricing"})

    _die_with(profile.data_dir, notes)
    result = recover(profile)
    assert sorted(result.restored) == [draft_target("builder"), section_target("target")]
    assert profile.draft("builder")["text"] == "the text typed last"
    assert profile.draft("builder")["cursor"] == [0, 5]
    assert profile.section("target")["role"] == "Head of pricing"
    assert _journal_files(profile.data_dir) == []  # replayed once, then gone
    assert recover(profile).restored == []


def test_text_saved_for_real_is_not_replayed(profile):
    def notes(journal):
        journal.note_draft("builder", "saved text", (0, 0))
        journal.flush()
        journal.settle(draft_target("builder"))
        journal.note_draft("drill:one", "unsaved recovery", (0, 0))

    _die_with(profile.data_dir, notes)
    result = recover(profile)
    assert result.restored == [draft_target("drill:one")]
    assert profile.draft("builder") is None


def test_a_running_sessions_journal_is_left_alone(profile):
    journal = DraftJournal(profile.data_dir)
    try:
        journal.note_draft("builder", "still typing", (0, 0))
        journal.flush()
        assert recover(profile).restored == []  # its lock is held: that session is alive
        assert profile.draft("builder") is None
        assert len(_journal_files(profile.data_dir)) == 1
    finally:
        journal.close()


def test_a_clean_close_with_everything_saved_leaves_no_journal(profile):
    journal = DraftJournal(profile.data_dir)
    journal.note_draft("builder", "typed", (0, 0))
    journal.flush()
    journal.settle(draft_target("builder"))
    journal.close()
    assert _journal_files(profile.data_dir) == []


def test_a_torn_last_line_is_ignored(profile):
    directory = paths.journal_dir(profile.data_dir)
    directory.mkdir(mode=0o700)
    good = {"target": "draft:builder", "text": "whole line", "cursor": [0, 0], "at": 1.0}
    torn = json.dumps({"target": "draft:builder", "text": "cut off in the mid", "at": 2.0})[:30]
    (directory / "123-abc.jsonl").write_bytes(json.dumps(good).encode() + b"\n" + torn.encode())
    assert recover(profile).restored == ["draft:builder"]
    assert profile.draft("builder")["text"] == "whole line"


@pytest.mark.parametrize("what", ["directory", "file"])
def test_symlinks_are_refused(profile, tmp_path, what):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    directory = paths.journal_dir(profile.data_dir)
    if what == "directory":
        directory.symlink_to(elsewhere)
    else:
        directory.mkdir(mode=0o700)
        target = elsewhere / "x.jsonl"
        target.write_text(json.dumps({"target": "draft:builder", "text": "planted"}) + "\n")
        (directory / "1-link.jsonl").symlink_to(target)
    result = recover(profile)
    assert result.restored == [] and "symbolic link" in (result.error or "")
    assert profile.draft("builder") is None


def test_a_long_session_is_compacted_and_still_replays_its_latest_text(profile, monkeypatch):
    monkeypatch.setattr(journal_module, "COMPACT_AT", 4096)

    def notes(journal):
        for n in range(200):
            journal.note_draft("builder", f"version {n} " + "x" * 100, (0, 0))
            journal.flush()

    _die_with(profile.data_dir, notes)
    (path,) = _journal_files(profile.data_dir)
    assert path.stat().st_size < 4096 + 512
    recover(profile)
    assert profile.draft("builder")["text"].startswith("version 199 ")


async def test_the_builder_writes_ahead_and_a_restart_restores_with_a_notice(make_app, data_dir, monkeypatch):
    # The journal alone is under test: the autosave, which would empty it once the draft is
    # saved, waits until after the session "dies" even on a slow machine.
    monkeypatch.setattr(editor_module, "AUTOSAVE_DELAY", 60.0)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await settle(pilot, lambda: app.screen.query("#editor") and app.focused is app.screen.query_one("#editor"))
        await pilot.press(*"zebracorn")
        for _ in range(300):  # bounded: the journal is written in the background
            if any("zebracorn" in p.read_text() for p in _journal_files(data_dir)):
                break
            await pilot.pause(0.01)
        assert any("zebracorn" in p.read_text() for p in _journal_files(data_dir))
        # The session dies here: copy the journal as a killed process would have left it.
        left_behind = {p.name: p.read_bytes() for p in _journal_files(data_dir)}
    for name, data in left_behind.items():
        (paths.journal_dir(data_dir) / name).write_bytes(data)
    # The clean exit above saved the draft; make the journal the only place the text is.
    Profile.open(data_dir).clear_draft("builder")

    app = make_app(Profile.open(data_dir))
    messages: list[str] = []
    notify = app.notify
    app.notify = lambda message, **kw: (messages.append(message), notify(message, **kw))[1]
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, lambda: any("Restored" in m and "builder" in m for m in messages))
        await pilot.press("2")
        await settle(pilot, lambda: app.screen.query("#editor"))
        assert "zebracorn" in app.screen.query_one("#editor").text


async def test_text_typed_just_before_leaving_is_what_the_next_start_restores(make_app, data_dir, monkeypatch):
    """The last keys are saved on the way out, after the app stops handling messages, so the
    journal never hears that save landed. Replaying it must not bring back older text."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await settle(pilot, lambda: app.screen.query("#editor") and app.focused is app.screen.query_one("#editor"))
        await pilot.press(*"okapi")
        await settle(pilot, lambda: any("okapi" in p.read_text() for p in _journal_files(data_dir)))
        # The person types on and leaves before the next note would go out.
        monkeypatch.setattr(editor_module, "WRITE_AHEAD_DELAY", 60.0)
        await pilot.press(*" herd")
    profile = Profile.open(data_dir)
    recover(profile)
    assert profile.draft("builder")["text"] == "okapi herd"


async def test_a_pause_in_typing_saves_the_draft_and_empties_the_journal(make_app, data_dir):
    """While the builder stays open: a moment after the last key the draft file holds the text,
    and the journal, with nothing left unsaved, is emptied."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await settle(pilot, lambda: app.screen.query("#editor") and app.focused is app.screen.query_one("#editor"))
        await pilot.press(*"okapi")
        await pilot.pause()
        await pilot.press(*" herd")
        saved = lambda: (Profile.open(data_dir).draft("builder") or {}).get("text")
        await settle(pilot, lambda: saved() == "okapi herd", tries=1000)
        await settle(pilot, lambda: all(not p.read_text() for p in _journal_files(data_dir)), tries=1000)
        assert app.screen.query_one("#editor").text == "okapi herd"
