"""Importing in the app from something that is not a regular file is refused at once, and the
app still quits (a read from a FIFO used to block its worker, and ctrl+q with it)."""

from __future__ import annotations

import os

import pytest
from textual.widgets import Input

from goalcoach.screens.dialogs import PromptDialog
from goalcoach.screens.transfer_commands import start_import
from goalcoach_test_support import settle

pytestmark = [pytest.mark.hostile, pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")]


@pytest.mark.parametrize("mode", ["merge", "replace"])
async def test_importing_from_a_fifo_in_the_app_is_refused_and_quit_still_works(mode, make_app, tmp_path):
    fifo = tmp_path / "backup.json"
    os.mkfifo(fifo)  # nothing ever writes into it: reading it would wait for ever
    app = make_app()
    told: list[str] = []
    notify = app.notify
    app.notify = lambda message, **options: (told.append(str(message)), notify(message, **options))[1]
    async with app.run_test(size=(80, 24)) as pilot:
        start_import(app, mode)
        await settle(pilot, lambda: isinstance(app.screen, PromptDialog) and app.screen.query(Input))
        app.screen.query_one(Input).value = str(fifo)
        await pilot.press("enter")
        await settle(pilot, lambda: any("Nothing was changed" in message for message in told), tries=3000)
        assert any(str(fifo) in message for message in told)
        await pilot.press("ctrl+q")
        await settle(pilot, lambda: not app.is_running, tries=3000)
    assert app.return_code == 0
