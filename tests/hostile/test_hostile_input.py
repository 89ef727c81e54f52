"""Hostile input through the pilot: a 1 MB paste into each editor, every terminal size and resizes
between them on every screen, international text everywhere, and a seeded storm of random keys.
"""

from __future__ import annotations

import random
import threading

import pytest
from textual import events

from goalcoach.app import GoalCoachApp
from goalcoach.domain import coaching
from goalcoach.profile import Profile
from goalcoach.profile.journal import recover
from goalcoach.widgets.editor import MAX_CHARS, AnswerEditor
from goalcoach_test_support import press_each, settle
from hostile_seed import FIXED, screen_text, seed

# The hostile tier: left out of the fast local run (pytest -m "not slow and not hostile").
pytestmark = pytest.mark.hostile

# How to reach each editor from the home screen (a float is a pause in seconds).
EDITOR_PATHS = {
    "builder": ["2", 1.0],
    "practice": ["3", 0.3, "enter", 0.3, "enter", 0.3],
    "drill": ["4", 0.3, "enter", 0.5],
}
# Every screen, reached from home, and how to get back home.
SCREEN_PATHS = {
    "home": ([], []),
    "assessment": (["1", 0.5], ["escape"]),
    "builder": (["2", 1.0], ["escape"]),
    "practice-picker": (["3", 0.3], ["escape"]),
    "practice-answer": (["3", 0.3, "enter", 0.3, "enter", 0.3], ["escape", "escape"]),
    "drill-picker": (["4", 0.3], ["escape"]),
    "drill-answer": (["4", 0.3, "enter", 0.5], ["escape", "escape"]),
    "progress": (["5", 1.0], ["escape"]),
    "help": (["f1", 0.3], ["escape"]),
}


# -- a 1 MB paste ---------------------------------------------------------------------------------
# A pasted document: 1 MB in lines of about 90 characters.
PASTE = ("I want to lead a ward team within three years, because patient safety matters to me.\n" * 11_800)[:1_000_000]


@pytest.mark.parametrize("editor_name", list(EDITOR_PATHS))
async def test_a_megabyte_paste_leaves_the_editor_responsive(editor_name, tmp_path, monkeypatch):
    # The builder's coach is held at a gate until the keys after the paste have been answered:
    # a coach on the UI thread would make those keys wait for it, and the test would fail.
    gate = threading.Event()
    real_coach = coaching.coach

    def gated_coach(*args, **kwargs):
        gate.wait(timeout=60)
        return real_coach(*args, **kwargs)

    monkeypatch.setattr(coaching, "coach", gated_coach)
    profile = Profile.open(tmp_path / "data", clock=lambda: FIXED)
    profile.update_section("target", role="Staff nurse", organisation="St Mary's", stage="entry")
    app = GoalCoachApp(profile, low_bandwidth=True)
    async with app.run_test(size=(100, 30)) as pilot:
        gate.set()  # the opening answer (empty) is coached freely
        await press_each(pilot, EDITOR_PATHS[editor_name])
        editor = app.screen.query_one(AnswerEditor)
        assert app.focused is editor, f"{editor_name}: the editor does not have focus"
        warnings: list[str] = []
        notify = app.notify
        app.notify = lambda message, **kw: (warnings.append(message), notify(message, **kw))[1]
        coach_busy = lambda: any(w.is_running and w.group == "coach" for w in app.screen.workers)
        await settle(pilot, lambda: not coach_busy())
        gate.clear()
        editor.post_message(events.Paste(PASTE))
        await pilot.pause()
        # The editor keeps the first MAX_CHARS and says plainly that the rest was left out.
        assert len(editor.text) == MAX_CHARS and PASTE.startswith(editor.text)
        assert any("left out" in w for w in warnings), warnings
        if editor_name == "builder":  # typing pauses: the builder's coach starts on the whole text
            await settle(pilot, coach_busy)
        await pilot.press("end", "x")
        assert editor.text.endswith("x"), "the key after the paste was lost"
        if editor_name == "builder":
            assert coach_busy(), "the key waited for the coach to finish"
        gate.set()
        # The coach finishes (bounded work) and the app still answers afterwards.
        await settle(pilot, lambda: not coach_busy(), tries=3000)
        await pilot.press("y")
        assert editor.text.endswith("xy")
        assert app.is_running
    # Saved as a draft on the way out, or (if the save was still queued on a loaded machine when
    # leaving stopped waiting) kept in the journal, which the next start replays first.
    recover(profile)
    assert profile.draft(editor.draft_key)["text"].endswith("xy"), "the pasted text was lost"


# -- terminal sizes -----------------------------------------------------------------------------
SIZES = [(40, 12), (200, 60), (59, 18), (80, 24)]
TOO_SMALL = "Make the terminal larger"


async def test_every_screen_survives_every_size_and_says_when_too_small(tmp_path):
    profile = seed(tmp_path / "data")
    app = GoalCoachApp(profile, low_bandwidth=True)
    problems: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        for name, (there, back) in SCREEN_PATHS.items():
            await press_each(pilot, there)
            for width, height in SIZES:
                await pilot.resize_terminal(width, height)
                await pilot.pause()
                text = screen_text(app)
                small = width < 60 or height < 18
                if small and TOO_SMALL not in text:
                    problems.append(f"{name} at {width}×{height}: no 'make the terminal larger' message")
                if not small and TOO_SMALL in text:
                    problems.append(f"{name} at {width}×{height}: says too small")
                if not small and not text.strip():
                    problems.append(f"{name} at {width}×{height}: blank screen")
            assert app.is_running, f"the app stopped on {name}"
            await press_each(pilot, back)
    assert not problems, "\n".join(problems)


@pytest.mark.hostile
@pytest.mark.parametrize("editor_name", list(EDITOR_PATHS))
async def test_typing_after_the_too_small_notice_goes_where_it_went_before(editor_name, tmp_path):
    profile = seed(tmp_path / "data")
    app = GoalCoachApp(profile, low_bandwidth=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await press_each(pilot, EDITOR_PATHS[editor_name])
        editor = app.screen.query_one(AnswerEditor)
        assert app.focused is editor
        await pilot.press(*"before ")
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.press(*"after")
        await pilot.pause()
        assert app.focused is editor, f"focus went to {app.focused!r}"
        assert "before after" in editor.text, f"typed text went nowhere: {editor.text[:60]!r}"


# -- international text ------------------------------------------------------------------------------
WORLD = "👩🏽‍⚕️ e\u0301cole 看护长 ממונה على التمريض"


async def test_international_text_through_every_screen_and_export(tmp_path, capsys):
    from goalcoach.cli import main

    profile = seed(tmp_path / "data", extra_text=" " + WORLD)
    app = GoalCoachApp(profile, low_bandwidth=True)
    async with app.run_test(size=(160, 50)) as pilot:
        for name, (there, back) in SCREEN_PATHS.items():
            await press_each(pilot, there)
            assert app.is_running, f"the app stopped on {name}"
            if name in ("assessment", "practice-picker"):
                assert "看护长" in screen_text(app), f"{name}: CJK text not shown"
            await press_each(pilot, back)
        await press_each(pilot, EDITOR_PATHS["practice"])
        await pilot.press(*"看护长 ")
        app.focused.post_message(events.Paste("e\u0301 " + WORLD))  # combining marks arrive pasted
        drafts = lambda: [d["text"] for d in profile.snapshot()["drafts"].values()]  # noqa: E731
        await settle(pilot, lambda: any("看护长 e\u0301" in text for text in drafts()))  # autosaved
    assert "看护长 e\u0301" in profile.draft(next(iter(profile.snapshot()["drafts"])))["text"]
    for fmt in ("markdown", "json"):
        out = tmp_path / f"world.{fmt}"
        assert main(["export", "--format", fmt, "--data-dir", str(tmp_path / "data"), "-o", str(out)]) == 0
        assert WORLD in out.read_text(encoding="utf-8"), f"{fmt} export lost the international text"


# -- a storm of random keys ---------------------------------------------------------------------------
STORM_KEYS = (
    list("abcdefghijklmnopqrstuvwxyz0123456789 ,.?![]/")
    + ["up", "down", "left", "right", "tab", "shift+tab", "enter", "escape", "f1", "question_mark",
       "ctrl+s", "f5", "ctrl+n", "ctrl+b", "ctrl+t", "ctrl+r", "ctrl+o", "ctrl+g", "ctrl+f",
       "home", "end", "pageup", "pagedown", "backspace", "delete", "space"]
)  # never ctrl+q (quit) or ctrl+p (the palette could run "quit")
# Pilot keys cost ~110 ms each on a 2-core machine, so CI's storm is short; a longer one, or
# another seed: GOALCOACH_HOSTILE_STORM=5000 GOALCOACH_HOSTILE_SEED=7 pytest -m hostile -k storm
STORM = 500
STORM = int(__import__("os").environ.get("GOALCOACH_HOSTILE_STORM", STORM))


async def test_a_seeded_storm_of_random_keys_crashes_nothing(tmp_path, seed):
    rng = random.Random(seed)
    data_dir = tmp_path / "data"
    profile = Profile.open(data_dir, clock=lambda: FIXED)
    profile.update_section("target", role="Staff nurse", organisation="St Mary's", stage="entry")
    app = GoalCoachApp(profile, low_bandwidth=True)
    pressed: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        while len(pressed) < STORM:
            batch = [rng.choice(STORM_KEYS) for _ in range(25)]
            pressed.extend(batch)
            await pilot.press(*batch)
            assert app.is_running, f"the app quit during the storm (seed {seed}); last keys: {pressed[-40:]}"
            if len(pressed) % 500 == 0:
                await pilot.pause(0.3)  # let timers (autosave, coach) fire mid-storm
        await pilot.pause(1.2)
    assert app.return_code in (0, None), f"the app failed (seed {seed}); last keys: {pressed[-40:]}"
    reopened = Profile.open(data_dir)
    assert reopened.quarantined is None
    reopened.snapshot()
