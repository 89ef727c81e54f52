"""User text is data, never markup: markup, action links and escape sequences typed by the person
show literally on every screen, fire nothing, and never reach the terminal or an export raw.
"""

from __future__ import annotations

import asyncio
import unicodedata

import pytest

from goalcoach.app import GoalCoachApp
from goalcoach_test_support import press_each
from hostile_seed import ANSWER, ESC, MARKS, screen_text, seed

# The hostile tier: left out of the fast local run (pytest -m "not slow and not hostile").
pytestmark = pytest.mark.hostile

SIZE = (160, 50)  # wide and tall, so whole values fit on screen

# Each stop: the keys that reach it from the home screen, the keys back, and the user text it shows.
STOPS = {
    "assessment-target": (["1", 0.3], [MARKS["role"], MARKS["organisation"], "[i]triage[/i]"]),
    "assessment-values": (["ctrl+n", 0.3], [MARKS["value"]]),
    "assessment-skills": (["ctrl+n", 0.3], [MARKS["skill"], "[@click=app.quit]calm[/]"]),
    "assessment-goals": (["ctrl+n", 0.3], [MARKS["goal"]]),
    "assessment-reflection": (["ctrl+n", 0.3], ["[bold]because[/]"]),
    "builder": (["escape", 0.3, "2", 1.0], ["My goal [@click=app.quit]x[/]", "[/] slot [@click=app.quit]x[/]"]),
    "builder-versions": (["ctrl+o", 0.5], [MARKS["version"]]),
    "practice-picker": (["escape", "escape", 0.3, "3", 0.3], [f"{MARKS['role']} at {MARKS['organisation']}"]),
    "practice-own-target": (["o", 0.5], [MARKS["organisation"]]),
    "drill-own-answer": (["escape", "escape", 0.3, "4", 0.3, "a", 1.5], ["My goal [@click=app.quit]x[/]"]),
    "progress-table": (["escape", "escape", 0.3, "5", 1.0], [MARKS["scenario"]]),
    "progress-detail": (["enter", 0.5], ["My goal [@click=app.quit]x[/]"]),
}


@pytest.fixture(scope="module")
def walk(tmp_path_factory):
    """One session through every screen on a hostile profile: {stop: (screen text, svg, running)}."""
    seen: dict[str, tuple[str, str, bool, str]] = {}
    notes: list = []

    async def go() -> None:
        profile = seed(tmp_path_factory.mktemp("markup") / "data")
        app = GoalCoachApp(profile, low_bandwidth=True)
        async with app.run_test(size=SIZE) as pilot:
            original = app.notify
            app.notify = lambda message, *a, **k: (notes.append((str(message), k)), original(message, *a, **k))[1]
            await pilot.pause(0.2)
            for stop, (keys, _) in STOPS.items():
                await press_each(pilot, keys)
                svg = app.export_screenshot()
                seen[stop] = (screen_text(app, svg), svg, app.is_running, type(app.screen).__name__)
            # A save that fails or a warning must show user text literally too.
            await pilot.press("escape", "escape", "escape", "3", "o", "enter", "ctrl+s")
            await pilot.pause(0.3)
            seen["end"] = ("", "", app.is_running, type(app.screen).__name__)

    asyncio.run(go())
    return seen, notes


@pytest.mark.parametrize("stop", list(STOPS))
def test_user_text_shows_literally_and_fires_nothing(stop, walk):
    seen, _ = walk
    text, _, running, screen = seen[stop]
    assert running, f"an action in user text fired at {stop} (the app quit)"
    missing = [m for m in STOPS[stop][1] if m not in text]
    assert not missing, f"{stop} ({screen}): not shown literally: {missing}\n--- screen ---\n{text}"


@pytest.mark.parametrize("stop", list(STOPS))
def test_no_escape_sequence_from_user_text_reaches_the_terminal(stop, walk):
    seen, _ = walk
    _, svg, _, screen = seen[stop]
    leaked = [name for name, c in (("ESC", ESC), ("BEL", "\x07")) if c in svg]
    assert not leaked, (
        f"{stop} ({screen}): control characters from user text reach the terminal ({', '.join(leaked)}): "
        "ESC]8;;file:///... in an answer becomes a live hyperlink, ESC[2J clears the screen; "
        "strip C0 controls when text is shown, loaded into an editor or pasted"
    )


def test_the_walk_reached_every_screen_and_kept_running(walk):
    seen, notes = walk
    assert seen["end"][2], "the app quit during the walk"
    assert all(kwargs.get("markup") is False for _, kwargs in notes), [n for n in notes if n[1].get("markup") is not False]


def _no_controls(text: str) -> list[str]:
    return sorted({repr(c) for c in text if c not in "\n\t" and unicodedata.category(c) == "Cc"})


@pytest.mark.parametrize("fmt", ["markdown", "json"])
def test_exports_keep_the_text_but_no_escape_sequences(fmt, tmp_path, capsys):
    from goalcoach.cli import main

    data_dir = tmp_path / "data"
    seed(data_dir)
    out = tmp_path / f"export.{fmt}"
    assert main(["export", "--format", fmt, "--data-dir", str(data_dir), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    if fmt == "markdown":
        assert ESC not in text and not _no_controls(text), _no_controls(text)
        assert "My goal" in text and "Acme" in text
    else:  # the profile never stored the control characters, so the backup has none either
        import json

        from goalcoach.textsafety import clean_text

        assert ESC not in text, "a raw ESC byte in the JSON file"
        assert json.loads(text)["versions"][0]["text"] == clean_text(ANSWER)
