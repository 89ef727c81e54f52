"""Helpers test modules import by name (a conftest can't be imported: there are two)."""

from __future__ import annotations

import html
import re

from goalcoach.coach.rubric import ELEMENTS  # noqa: F401 - every element a stand-in coach result lists

FIXED_NOW = "2026-11-02T09:00:00+00:00"


def fixed_clock() -> str:
    return FIXED_NOW


class FakeClock:
    """A monotonic clock the test moves by hand (no sleeping tests)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


# -- waiting for the app ----------------------------------------------------------------------

async def settle(pilot, ready, tries: int = 500) -> None:
    """Let the app catch up (screens push and widgets mount asynchronously) until `ready()`."""
    for _ in range(tries):
        if ready():
            return
        await pilot.pause(0.01)
    raise AssertionError("the app did not reach the expected state")


async def settle_workers(pilot, rounds: int = 5) -> None:
    """For flows whose end shows only as a notification: let each worker finish and its
    callbacks (which may start the next worker) run, a few rounds deep."""
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def submit(pilot, key: str = "ctrl+s") -> None:
    """Submit an answer (practice or drill) and wait for the coach's feedback on screen."""
    await pilot.press(key)
    await pilot.app.workers.wait_for_complete()
    await settle(pilot, lambda: getattr(pilot.app.screen, "phase", None) == "feedback")


async def press_each(pilot, keys) -> None:
    """Press the keys one by one, letting the app catch up after each; a number among them is
    a longer pause, in seconds."""
    for key in keys:
        if isinstance(key, float):
            await pilot.pause(key)
        else:
            await pilot.press(key)
            await pilot.pause()


async def type_then_insert(pilot, text: str, keyed: int) -> None:
    """Wait for the answer editor to have focus, type the first `keyed` characters key by key
    (as a person would), then insert the rest at once."""
    from goalcoach.widgets.editor import AnswerEditor

    await settle(pilot, lambda: isinstance(pilot.app.focused, AnswerEditor))
    await pilot.press(*text[:keyed])
    pilot.app.screen.query_one(AnswerEditor).insert(text[keyed:])
    await pilot.pause()


async def open_progress(pilot):
    """Open Progress from home (key 5) and wait until its history has loaded."""
    from goalcoach.screens.progress import ProgressScreen

    await pilot.press("5")
    await settle(pilot, lambda: isinstance(pilot.app.screen, ProgressScreen) and pilot.app.screen.history is not None)
    await pilot.pause()
    return pilot.app.screen


def practice_run_ready(app) -> bool:
    """The session screen is on top with its layout composed and its first question shown."""
    from textual.widgets import Static

    from goalcoach.screens.practice_run import PracticeRunScreen

    return isinstance(app.screen, PracticeRunScreen) and bool(app.screen.query("#brief Static")) and bool(
        str(app.screen.query_one("#run-question", Static).content))


def drill_run_ready(app) -> bool:
    from goalcoach.screens.drill import DrillRunScreen
    from goalcoach.widgets.editor import AnswerEditor

    return isinstance(app.screen, DrillRunScreen) and bool(app.screen.query("#drill-setup Static")) and bool(
        app.screen.query(AnswerEditor))


# -- what the person sees ---------------------------------------------------------------------

def text_of(screen, selector: str) -> str:
    from textual.widgets import Static

    return str(screen.query_one(selector, Static).content)


_TEXT_RUN = re.compile(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>')


def screen_text(app, svg: str | None = None) -> str:
    """What the screen shows, one line per terminal row (from Textual's SVG screenshot)."""
    svg = svg if svg is not None else app.export_screenshot()
    rows: dict[float, list[tuple[float, str]]] = {}
    for match in _TEXT_RUN.finditer(svg):
        rows.setdefault(float(match.group(2)), []).append((float(match.group(1)), html.unescape(match.group(3))))
    lines = ["".join(text for _, text in sorted(runs)) for _, runs in sorted(rows.items())]
    return "\n".join(lines).replace("\xa0", " ")


def help_text(app) -> str:
    """What the open help screen shows, as its Markdown (words joined by single spaces): the
    whole page, however little of it fits the terminal."""
    from textual.widgets import Markdown

    return " ".join(app.screen.query_one(Markdown).source.split())


def record_notifications(app) -> list[str]:
    """Collect what the app tells the person (messages only)."""
    seen: list[str] = []
    notify = app.notify

    def recording(message, *args, **kwargs):
        seen.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = recording
    return seen
