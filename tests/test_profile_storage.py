"""The profile survives crashes, concurrent sessions, corruption and old schema versions."""

from __future__ import annotations

import json
import multiprocessing

import pytest

from goalcoach.profile import SCHEMA_VERSION, Profile, ProfileError, ProfileWriteError
from goalcoach.profile import storage


def test_an_interrupted_write_leaves_the_previous_file_intact(profile, monkeypatch):
    profile.update_section("target", role="Staff nurse")
    before = profile.path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.os, "replace", broken_replace)
    with pytest.raises(ProfileWriteError, match="disk is full"):
        profile.update_section("target", role="Charge nurse")
    assert profile.path.read_bytes() == before
    leftovers = [p for p in profile.data_dir.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []
    monkeypatch.undo()
    assert Profile.open(profile.data_dir).section("target") == {"role": "Staff nurse"}


def _add_attempts(data_dir: str, worker: int, count: int) -> None:
    profile = Profile.open(data_dir)
    for n in range(count):
        profile.add_attempt({"kind": "practice", "text": f"worker {worker} attempt {n}"})
        if n % 30 == 0:
            profile.add_version(f"w{worker}-{n}", "text")


@pytest.mark.slow  # three processes
def test_three_processes_adding_attempts_at_once_lose_nothing(tmp_path):
    data_dir = tmp_path / "data"
    Profile.open(data_dir)
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_add_attempts, args=(str(data_dir), w, 300)) for w in range(3)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(120)
        assert process.exitcode == 0
    profile = Profile.open(data_dir)
    texts = [a["text"] for a in profile.attempts()]
    assert len(texts) == 900
    assert len(set(texts)) == 900
    for line in (data_dir / "attempts.jsonl").read_text().splitlines():
        json.loads(line)
    json.loads((data_dir / "profile.json").read_text())
    assert len(profile.versions()) == 30


@pytest.mark.parametrize("content", [b"{not json", b"", b"[1, 2, 3]", b"\xff\xfe\x00", b'{"sections": [1]}'])
def test_a_corrupt_profile_is_moved_aside_and_a_fresh_one_started(tmp_path, content):
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    (data_dir / "profile.json").write_bytes(content)
    profile = Profile.open(data_dir)
    assert profile.quarantined is not None
    assert profile.quarantined.name.startswith("profile.json.corrupt-")
    assert profile.quarantined.read_bytes() == content
    assert profile.section("target") == {}
    profile.update_section("target", role="Analyst")
    assert profile.quarantined.read_bytes() == content


def test_two_quarantines_in_the_same_second_keep_both_files(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    (data_dir / "profile.json").write_bytes(b"first broken")
    first = Profile.open(data_dir).quarantined
    (data_dir / "profile.json").write_bytes(b"second broken")
    second = Profile.open(data_dir).quarantined
    assert first != second
    assert first.read_bytes() == b"first broken"
    assert second.read_bytes() == b"second broken"


def test_a_profile_from_a_newer_goalcoach_is_refused_and_left_alone(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    newer = json.dumps({"_meta": {"1": {"schema_version": SCHEMA_VERSION + 1}}, "sections": {}}).encode()
    (data_dir / "profile.json").write_bytes(newer)
    with pytest.raises(ProfileError, match="newer goalcoach"):
        Profile.open(data_dir)
    assert (data_dir / "profile.json").read_bytes() == newer


def test_a_version_1_profile_is_migrated_and_backed_up(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    v1 = {
        "_meta": {"1": {"schema_version": 1}},
        "profile": {"1": {"theme": "nord", "target": {"role": "Data analyst", "organisation": "Acme"}}},
    }
    (data_dir / "profile.json").write_text(json.dumps(v1))
    profile = Profile.open(data_dir)
    assert profile.migrated_from == 1
    assert profile.setting("theme") == "nord"
    assert profile.section("target") == {"role": "Data analyst", "organisation": "Acme"}
    raw = json.loads((data_dir / "profile.json").read_text())
    assert raw["_meta"]["1"]["schema_version"] == SCHEMA_VERSION
    backups = list((data_dir / "backups").glob("profile-v1-*.json"))
    assert len(backups) == 1 and json.loads(backups[0].read_text()) == v1


def test_reads_see_another_sessions_writes(tmp_path):
    first = Profile.open(tmp_path / "data")
    second = Profile.open(tmp_path / "data")
    first.update_section("target", role="Designer")
    second.update_section("target", organisation="Northwind")
    assert first.section("target") == {"role": "Designer", "organisation": "Northwind"}


def test_a_partial_last_line_from_a_killed_writer_is_skipped_and_not_merged(profile):
    profile.add_attempt({"kind": "practice", "text": "kept"})
    with open(profile.data_dir / "attempts.jsonl", "ab") as handle:
        handle.write(b'{"id": "half", "text": "cut off')
    profile.add_attempt({"kind": "practice", "text": "after"})
    assert [a["text"] for a in profile.attempts()] == ["kept", "after"]


def test_a_symlinked_profile_file_is_refused(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    target = tmp_path / "somewhere-else.json"
    target.write_text("{}")
    (data_dir / "profile.json").symlink_to(target)
    with pytest.raises(ProfileError, match="symbolic link"):
        Profile.open(data_dir)
    assert target.read_text() == "{}"


def test_drafts_round_trip_with_cursor(profile):
    profile.save_draft("builder", "My immediate goal", (0, 5))
    draft = Profile.open(profile.data_dir).draft("builder")
    assert draft["text"] == "My immediate goal"
    assert draft["cursor"] == [0, 5]
    profile.clear_draft("builder")
    assert profile.draft("builder") is None


def test_versions_and_current(profile):
    first = profile.add_version("First", "one")
    second = profile.add_version("Second", "two")
    profile.set_current_version(second["id"])
    assert [v["name"] for v in profile.versions()] == ["First", "Second"]
    assert profile.current_version()["text"] == "two"
    with pytest.raises(ProfileError):
        profile.set_current_version("missing")
    assert profile.version(first["id"])["text"] == "one"


def test_merge_attempts_adds_only_new_ids(profile):
    a = profile.add_attempt({"kind": "drill", "text": "a"})
    added = profile.merge_attempts([a, {"id": "new", "created": "2026-01-01T00:00:00+00:00", "text": "b"}])
    assert added == 1
    assert profile.merge_attempts([a]) == 0
    assert len(profile.attempts()) == 2


def test_recent_attempts_reads_the_newest_from_a_long_history(profile):
    lines = [
        json.dumps({"id": f"a{n:05d}", "created": f"2026-01-01T00:{n // 60 % 60:02d}:{n % 60:02d}+00:00", "text": "x" * 50})
        for n in range(3000)
    ]
    (profile.data_dir / "attempts.jsonl").write_text("\n".join(lines) + "\n")
    recent = profile.recent_attempts(10)
    assert [a["id"] for a in recent] == [f"a{n:05d}" for n in range(2990, 3000)]
    assert len(profile.recent_attempts(5000)) == 3000


# -- merging one session's change with another's ------------------------------------------------
from goalcoach.profile.merge import MISSING, merge  # noqa: E402


@pytest.mark.parametrize(
    "base, ours, theirs, merged, lost",
    [
        ("a", "b", "a", "b", MISSING),  # only we changed it
        ("a", "a", "c", "c", MISSING),  # only they changed it
        ("a", "b", "c", "b", "c"),  # both: ours saved, theirs handed back to keep
        (["x"], ["x", "ours"], ["x", "theirs"], ["x", "theirs", "ours"], MISSING),
        (["x", "y"], ["y"], ["x", "y", "z"], ["y", "z"], MISSING),  # our removal stands, their addition too
        ({"a": 1, "b": 1}, {"a": 2, "b": 1}, {"a": 1, "b": 3}, {"a": 2, "b": 3}, MISSING),
        ({"a": "x"}, {"a": "ours"}, {"a": "theirs"}, {"a": "ours"}, {"a": "theirs"}),
    ],
)
def test_three_way_merge_keeps_both_sides(base, ours, theirs, merged, lost):
    assert merge(base, ours, theirs) == (merged, lost)


def test_a_torn_commit_journal_is_dropped_and_the_old_profile_kept(profile):
    profile.update_section("target", role="Nurse")
    before = profile.path.read_bytes()
    (profile.data_dir / storage.JOURNAL_NAME).write_text('{"renames": [[".txn-x')
    (profile.data_dir / ".txn-profile.json.abc.tmp").write_text("{}")
    reopened = Profile.open(profile.data_dir)
    assert reopened.section("target") == {"role": "Nurse"} and profile.path.read_bytes() == before
    assert not (profile.data_dir / storage.JOURNAL_NAME).exists()
    assert not list(profile.data_dir.glob(".txn-*"))


def test_a_journal_pointing_outside_the_data_directory_is_not_followed(profile, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    journal = {"renames": [["../outside.txt", "profile.json"]], "deletes": ["../outside.txt"]}
    (profile.data_dir / storage.JOURNAL_NAME).write_text(json.dumps(journal))
    Profile.open(profile.data_dir)
    assert outside.read_text() == "keep me"


def test_a_skipped_attempt_line_is_counted(profile):
    profile.add_attempt({"kind": "practice", "text": "kept"})
    with open(profile.data_dir / "attempts.jsonl", "ab") as handle:
        handle.write(b'{"id": "nan", "created": "2026", "score": NaN}\n{"id": "half", "text": "cut off')
    assert [a["text"] for a in profile.attempts()] == ["kept"]
    assert profile.skipped_attempts == 2


def test_a_field_a_later_goalcoach_adds_never_gets_the_profile_quarantined(profile):
    profile.update_section("target", role="Nurse", shift_pattern={"nights": True})
    reopened = Profile.open(profile.data_dir)
    assert reopened.quarantined is None
    assert reopened.section("target") == {"role": "Nurse", "shift_pattern": {"nights": True}}


def test_a_temporary_copy_left_by_a_killed_save_is_removed_once_stale(profile):
    import os

    stale = profile.data_dir / ".profile.json.killed.tmp"
    fresh = profile.data_dir / "drafts" / ".builder.json.writing.tmp"
    fresh.parent.mkdir(exist_ok=True)
    for path in (stale, fresh):
        path.write_text("private text")
    old = os.stat(stale).st_mtime - storage.STALE_TEMPORARY_SECONDS - 60
    os.utime(stale, (old, old))
    Profile.open(profile.data_dir)
    assert not stale.exists(), "a killed save's private temporary copy was left behind"
    assert fresh.exists(), "a temporary file another session may be writing was removed"
