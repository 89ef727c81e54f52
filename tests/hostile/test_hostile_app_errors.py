"""A bug or an unreadable file in the app never shows a traceback: a short notice instead, and
for a bug a saved report (0600, in the data directory) that holds no answer text."""

from __future__ import annotations

import stat

import pytest
from textual.widgets import Static

from goalcoach.app import UnexpectedError
from goalcoach.screens.home import HomeScreen
from goalcoach_test_support import settle

SECRET = "MY-PRIVATE-ANSWER-4711"


async def test_an_unexpected_error_shows_a_short_notice_and_a_report_without_private_text(
    make_app, data_dir, monkeypatch, capsys
):
    def buggy_open(self, module: str) -> None:
        answer = SECRET  # a local variable, as private text is in the real code
        raise KeyError(answer[:3] + module)

    monkeypatch.setattr(HomeScreen, "action_open", buggy_open)
    app = make_app()
    with pytest.raises(UnexpectedError) as caught:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
            await pilot.press("1")
            await settle(pilot, lambda: app.return_code is not None)
    shown = capsys.readouterr()
    printed = shown.out + shown.err
    assert "unexpected error" in printed
    assert SECRET not in printed and "Traceback" not in printed and "locals" not in printed
    assert isinstance(caught.value.__cause__, KeyError)  # the real error is kept for tests
    report = caught.value.report
    assert report is not None and report.parent.parent == data_dir
    assert str(report) in printed.replace("\n", "")
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    text = report.read_text()
    assert "buggy_open" in text and "KeyError" in text  # where it happened, for a bug report
    assert SECRET not in text and SECRET[:3] not in text  # but no values, not even the message


async def test_an_attempts_log_that_is_a_directory_is_reported_on_home_and_progress(make_app, data_dir, capsys):
    app = make_app()  # creates the profile
    log = data_dir / "attempts.jsonl"
    log.unlink(missing_ok=True)
    log.mkdir()
    async with app.run_test(size=(80, 24)) as pilot:
        stats = lambda: str(app.screen.query_one("#stats", Static).render())  # noqa: E731
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen) and "Could not read" in stats())
        assert "attempts.jsonl" in stats()
        await pilot.press("5")
        await settle(
            pilot,
            lambda: app.screen.query("#week") and "Could not read" in str(app.screen.query_one("#week", Static).render()),
        )
        await pilot.press("escape", "4")  # the drill still opens, without the history
        await settle(pilot, lambda: app.screen.query("#drill-list"))
        assert app.return_code is None
    assert "Traceback" not in capsys.readouterr().err
