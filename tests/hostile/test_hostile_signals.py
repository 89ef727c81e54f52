"""SIGHUP (a dropped SSH connection) or SIGTERM while typing: the text is there on restart.

The real `goalcoach` console script runs in a pseudo-terminal (100×30, xterm-256color). The test
goes to each editor with keys, types, waits until the text is on screen, sends the signal well
before the one-second autosave would fire, waits for the app to exit and reopens the profile.
"""

from __future__ import annotations

import signal
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable

import pytest

from goalcoach.content import load_drills, load_scenario_sets
from goalcoach.profile import Profile
from goalcoach.profile.journal import recover
from hostile_term import PtyApp, data_dir_of, exit_description

# The hostile tier: left out of the fast local run (pytest -m "not slow and not hostile").
pytestmark = [pytest.mark.hostile, pytest.mark.slow]  # a real terminal or many processes

TYPED = "I want to lead a ward team zebracorn"


@dataclass(frozen=True)
class Editor:
    name: str
    open_keys: tuple[tuple[str, str], ...]  # (key to press, text that shows the next step is ready)
    stored: Callable[[Profile], str]  # where the typed text must be after the restart


def _draft(key: Callable[[], str]) -> Callable[[Profile], str]:
    def read(profile: Profile) -> str:
        draft = profile.draft(key())
        return draft["text"] if draft else ""

    return read


def _practice_key() -> str:
    sets, _ = load_scenario_sets()
    return f"practice:{sets[0].scenarios[0].id}:0"  # the first scenario in the picker, question 1


def _drill_key() -> str:
    drills, _ = load_drills()
    return f"drill:{drills[0].id}"  # the first drill in the picker


EDITORS = {
    "builder": Editor("builder", (("2", "Your answer"),), _draft(lambda: "builder")),
    "practice": Editor(
        "practice",
        (("3", "pick a scenario"), ("enter", "Press enter to answer"), ("enter", "ctrl+s or f5 submits")),
        _draft(_practice_key),
    ),
    "drill": Editor("drill", (("4", "pick a drill"), ("enter", "Type your recovery")), _draft(_drill_key)),
    # The assessment saves fields as they change (no drafts): its mission text area.
    "assessment-mission": Editor(
        "assessment-mission",
        (("1", "Progress:"), ("tab", ""), ("tab", "")),
        lambda profile: str(profile.section("target").get("mission", "")),
    ),
    "assessment-role": Editor(
        "assessment-role", (("1", "Progress:"),), lambda profile: str(profile.section("target").get("role", ""))
    ),
}


def _open_editor(app: PtyApp, editor: Editor) -> None:
    app.wait_for("Self-assessment")  # the home screen's section list
    for key, ready in editor.open_keys:
        mark = app.mark()
        app.press(key)
        if ready:
            app.wait_for(ready, since=mark)
        # Textual moves focus a moment after tab, and keys sent in that moment still go to the
        # field being left: wait until the move is drawn.
        app.wait_quiet()
    app.wait_for("^q Quit")  # the footer is drawn: the screen is mounted and has focus


def _type_and_see(app: PtyApp) -> None:
    mark = app.mark()
    app.type(TYPED)
    app.wait_for(TYPED[-20:], since=mark)  # on screen means the app has handled every key


class AutosaveWon(Exception):
    """The text was saved before the session ended: that run says nothing about the signal."""


def _run(editor: Editor, exe, env, end: Callable[[PtyApp], None]) -> str | None:
    """End a session while typed text is unsaved; say what went wrong (None if nothing).

    The autosave (half a second to a second after the last key) can beat the signal on a slow
    machine; such a run proves nothing, so it is tried again in a fresh data directory."""
    for attempt in range(1, 4):
        try:
            return _run_once(editor, exe, {**env, "GOALCOACH_DATA_DIR": f"{env['GOALCOACH_DATA_DIR']}-{attempt}"}, end)
        except AutosaveWon:
            continue
    return f"{editor.name}: the autosave saved the text before the session could be ended, three times"


def _run_once(editor: Editor, exe, env, end: Callable[[PtyApp], None]) -> str | None:
    app = PtyApp([exe], env)
    problems = []
    try:
        _open_editor(app, editor)
        _type_and_see(app)
        if TYPED in editor.stored(Profile.open(data_dir_of(env))):
            raise AutosaveWon
        end(app)  # the typed text is on screen and not yet saved
        try:
            status = app.wait(timeout=20)
        except AssertionError:
            problems.append("goalcoach kept running after the signal (killed by the test)")
        else:
            if exit_description(status) != "exit code 0":
                problems.append(f"goalcoach ended with {exit_description(status)}")
    except AssertionError as error:  # the editor was never reached
        return f"{editor.name}: {str(error)[:1500]}"
    finally:
        app.close()
    if "Traceback" in app.text_since(0):
        problems.append("a traceback was shown: " + app.text_since(0)[-1500:])
    # What the next start shows: the save, or (when the save could not finish within the grace
    # period on a loaded machine) the write-ahead journal, which the next start replays first.
    profile = Profile.open(data_dir_of(env))
    recover(profile)
    stored = editor.stored(profile)
    if TYPED not in stored:
        problems.append(f"the typed text was lost (stored: {stored[:80]!r})")
    return f"{editor.name}: " + "; ".join(problems) if problems else None


def _run_all(names, exe, env_for, end) -> None:
    # The sessions run side by side (each its own terminal and data directory) to keep the tier fast.
    with ThreadPoolExecutor(max_workers=len(names)) as pool:
        results = list(pool.map(lambda name: _run(EDITORS[name], exe, env_for(name), end), names))
    failures = [r for r in results if r]
    assert not failures, "\n".join(failures)


def _env_factory(child_env, tmp_path):
    def env_for(name: str) -> dict[str, str]:
        return {**child_env, "GOALCOACH_DATA_DIR": str(tmp_path / f"data-{name}")}

    return env_for


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_signal_while_typing_in_every_editor_keeps_the_text(signum, goalcoach_exe, child_env, tmp_path):
    _run_all(list(EDITORS), goalcoach_exe, _env_factory(child_env, tmp_path), lambda app: app.signal(signum))


def test_dropped_connection_keeps_the_text_and_ends_the_process(goalcoach_exe, child_env, tmp_path):
    """Closing the terminal's master side is what sshd does when the connection drops: the kernel
    sends SIGHUP and every later write to the terminal fails. The text must be saved and the
    process must end (an orphan left running on a shared server is a leak)."""
    _run_all(["builder", "practice", "drill"], goalcoach_exe, _env_factory(child_env, tmp_path), PtyApp.hang_up)
