"""Export and import from the command palette's entries, driven by keyboard through the dialogs."""

from __future__ import annotations

import json

import pytest
from textual.widgets import Input

from goalcoach.domain import transfer
from goalcoach.profile import Profile
from goalcoach.screens.dialogs import ConfirmDialog, PromptDialog
from goalcoach.screens.transfer_commands import transfer_commands

from goalcoach_test_support import settle_workers
from test_progress_model import seed_history

CLOCK = lambda: "2026-11-02T09:00:00+00:00"  # noqa: E731


@pytest.fixture
def seeded(profile):
    profile.save_section("target", {"role": "Nurse [/]", "organisation": "St Mary's", "stage": "entry"})
    for record in seed_history():
        profile.add_attempt(record)
    return profile


def command(app, title: str):
    return next(c for c in transfer_commands(app) if c.title == title)


async def answer_prompt(pilot, text: str) -> None:
    assert isinstance(pilot.app.screen, PromptDialog)
    pilot.app.screen.query_one("#prompt-input", Input).value = text
    await pilot.press("enter")
    await settle_workers(pilot)


async def run_command(pilot, title: str, path: str) -> None:
    """Choose a palette entry and answer its file prompt."""
    command(pilot.app, title).callback()
    await pilot.pause()
    await answer_prompt(pilot, path)


def test_the_four_commands():
    titles = [c.title for c in transfer_commands(object())]
    assert titles == [
        "Export prep sheet (Markdown)",
        "Export backup (JSON)",
        "Import backup (merge)",
        "Import backup (replace)",
    ]


async def test_export_backup_writes_the_versioned_profile(make_app, seeded, tmp_path):
    app = make_app(seeded)
    target = tmp_path / "out" / "backup.json"
    target.parent.mkdir()
    async with app.run_test(size=(80, 24)) as pilot:
        command(app, "Export backup (JSON)").callback()
        await pilot.pause()
        assert str(pilot.app.screen.query_one("#prompt-input", Input).value).endswith("goalcoach-backup-2026-11-02.json")
        await answer_prompt(pilot, str(target))
        assert not isinstance(pilot.app.screen, (PromptDialog, ConfirmDialog))
    snapshot = transfer.parse_export(target.read_bytes())
    assert snapshot == {**seeded.snapshot(), "schema_version": snapshot["schema_version"]}
    assert (target.stat().st_mode & 0o777) == 0o600


async def test_export_refuses_to_overwrite_without_a_yes(make_app, seeded, tmp_path):
    app = make_app(seeded)
    target = tmp_path / "sheet.md"
    target.write_text("keep me")
    async with app.run_test(size=(80, 24)) as pilot:
        await run_command(pilot, "Export prep sheet (Markdown)", str(target))
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle_workers(pilot)
        assert target.read_text() == "keep me"
        await run_command(pilot, "Export prep sheet (Markdown)", str(target))
        await pilot.press("y")
        await settle_workers(pilot)
    sheet = target.read_text()
    assert sheet.startswith("# Interview prep sheet")
    assert "Nurse \\[/\\]" in sheet


async def test_import_merge_adds_only_what_is_new(make_app, seeded, tmp_path):
    backup = tmp_path / "backup.json"
    backup.write_text(transfer.dumps(transfer.export_document(seeded.snapshot(), CLOCK())))
    other = Profile.open(tmp_path / "other", clock=CLOCK)
    app = make_app(other)
    async with app.run_test(size=(80, 24)) as pilot:
        for expected in (12, 12):  # the second merge adds nothing
            await run_command(pilot, "Import backup (merge)", str(backup))
            assert len(other.attempts()) == expected


async def test_import_replace_asks_then_backs_up_first(make_app, seeded, tmp_path):
    backup = tmp_path / "backup.json"
    backup.write_text(transfer.dumps(transfer.export_document(seeded.snapshot(), CLOCK())))
    other = Profile.open(tmp_path / "other", clock=CLOCK)
    other.save_section("target", {"role": "Chef"})
    app = make_app(other)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_command(pilot, "Import backup (replace)", str(backup))
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle_workers(pilot)
        assert other.section("target") == {"role": "Chef"}
        assert not (tmp_path / "other" / "backups").exists()
        await run_command(pilot, "Import backup (replace)", str(backup))
        await pilot.press("y")
        await settle_workers(pilot)
    saved = list((tmp_path / "other" / "backups").glob("profile-backup-*.json"))
    assert len(saved) == 1
    assert json.loads(saved[0].read_text())["sections"]["target"] == {"role": "Chef"}
    assert other.section("target")["role"] == "Nurse [/]"
    assert len(other.attempts()) == 12


async def test_import_of_a_broken_file_changes_nothing(make_app, seeded, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "goalcoach-export", "format_version": 1, "schema_version": 99}')
    before = seeded.snapshot()
    app = make_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_command(pilot, "Import backup (replace)", str(broken))
        assert not isinstance(pilot.app.screen, ConfirmDialog)  # refused before any question
    assert seeded.snapshot() == before
