"""How practice looks at 80×24: the picker, a brief, feedback and the summary.

Deterministic: fixed content (written here), a fixed clock, low-bandwidth mode, and a fixed
coach result, so a change in the content or the coach's wording does not move these pictures.
"""

from __future__ import annotations

import pytest

from goalcoach.content import load_follow_ups, load_scenario_sets
from goalcoach.domain import coaching
from goalcoach.screens import practice_run
from goalcoach.screens.practice import PracticeScreen
from goalcoach_test_support import ELEMENTS, FakeClock, settle

SCENARIOS = '''
id = "entry"
title = "Entry level"
stage = "entry"
summary = "First jobs: show what you will learn and how it becomes a contribution."

[[scenarios]]
id = "entry-nurse"
title = "Newly qualified nurse"
industry = "Healthcare"
persona = "You qualified as a nurse this summer and are interviewing for a rotation post."
question = "What are your career goals?"
tips = ["Name the basics you want to master.", "Name the support you will use: a mentor, training."]
model_answer = "My immediate goal is to finish the preceptorship in my first year. In five years I want to be a senior staff nurse, because respiratory care is where I made a difference."

[scenarios.employer]
name = "Elmbrook Hospital"
what_it_does = "A public teaching hospital."
values = ["Compassion", "Continuous learning"]

[scenarios.interviewer]
name = "Grace Owusu"
role = "Ward manager"
manner = "warm"

[scenarios.facts]
role = "staff nurse"
goal = "finish my preceptorship"
long_goal = "become a senior staff nurse"
step = "take the acute illness course"
reason = "respiratory care is where I made a difference"
example = "On placement I spotted a patient getting worse early; as a result he was treated in time."

[[scenarios]]
id = "entry-dev"
title = "Graduate developer"
industry = "Software"
persona = "You finished a computer science degree in June."
question = "Where do you see yourself in five years?"
tips = ["Pick one technical area."]
model_answer = "Over the next two years I want to become a dependable developer on your payments team."

[scenarios.employer]
name = "Lumen Ledger"
what_it_does = "Accounting software for small businesses."
values = ["Craftsmanship"]

[scenarios.interviewer]
name = "Tom Reyes"
role = "Engineering manager"
manner = "probing"

[scenarios.facts]
role = "graduate developer"
goal = "ship features on the payments team"
long_goal = "lead a product area"
step = "take the AWS developer certificate"
reason = "people trust us with their money"
example = "I built a budgeting app; as a result twenty students used it daily."
'''

FOLLOW_UPS = '''
[[follow_ups]]
id = "hedging-commit"
trigger = "hedging"
kind = "commit"
reason = "Your answer sounded unsure{quote}, so {name} asks what you actually want."
neutral = "You don't sound very sure. What do you actually want?"
warm = "Take a moment. If you could choose freely, what would you go for?"
model = "Let me say that with more conviction. My goal is to {goal} at {employer}, and then to {long_goal}."

[[follow_ups]]
id = "short-more"
trigger = "too_short"
kind = "first_year"
reason = "That was very short, so {name} asks you to say more about the first year."
neutral = "Could you say more? What would you hope to achieve in your first year?"
model = "In my first year I'd like to {goal}. I plan to {step}."
'''

FIRST = "I think I might want to lead a ward eventually, maybe."
SECOND = "In my first year I want to finish the preceptorship; in five years lead a ward at Elmbrook."


def fixed_feedback(text: str) -> dict:
    """A stand-in coach result: the first answer hedges, the second does not."""
    hedged = "maybe" in text
    present = {"long_term"} if hedged else {"short_term", "long_term", "timeframe", "company_alignment"}
    start = text.find("maybe")
    return {
        "words": len(text.split()),
        "speaking_seconds": len(text.split()) / 140 * 60,
        "score": 38 if hedged else 64,
        "quality": "weak" if hedged else "adequate",
        "elements": {c: {"present": c in present, "evidence": [[0, 10]] if c in present else []} for c in ELEMENTS},
        "issues": ([{"code": "hedging", "start": start, "end": start + 5, "message": "'maybe' sounds unsure.",
                     "suggestion": "Say 'I aim to'."}] if hedged else [])
        + [{"code": "too_short", "start": 0, "end": len(text), "message": "Under 40 words.", "suggestion": "Say more."}],
        "terms": {"used": [], "missed": ["Compassion"]},
    }


def editor_ready(pilot):
    from goalcoach.widgets.editor import AnswerEditor

    return lambda: bool(pilot.app.screen.query(AnswerEditor))


def run_screen_ready(pilot):
    screen = lambda: pilot.app.screen  # noqa: E731
    return lambda: isinstance(screen(), practice_run.PracticeRunScreen) and bool(screen().query("#brief Static"))


@pytest.fixture
def content_root(tmp_path):
    root = tmp_path / "content"
    (root / "scenarios").mkdir(parents=True)
    (root / "scenarios" / "entry.toml").write_text(SCENARIOS, encoding="utf-8")
    (root / "follow_ups.toml").write_text(FOLLOW_UPS, encoding="utf-8")
    return root


@pytest.fixture(autouse=True)
def fixed_coach(monkeypatch, content_root):
    monkeypatch.setattr(coaching, "coach_answer", lambda text, profile, **kw: fixed_feedback(text))
    monkeypatch.setattr(practice_run, "load_follow_ups", lambda: load_follow_ups(root=content_root))


def picker(content_root, clock):
    return PracticeScreen(loader=lambda: load_scenario_sets(root=content_root), clock=clock)


async def answer(pilot, text: str) -> None:
    from goalcoach.widgets.editor import AnswerEditor

    pilot.app.screen.query_one(AnswerEditor).insert(text)
    await pilot.press("ctrl+s")
    await pilot.app.workers.wait_for_complete()
    await settle(pilot, lambda: pilot.app.screen.phase == "feedback")


async def open_brief(pilot, content_root, clock) -> None:
    """From the picker to the first scenario's brief."""
    await pilot.app.push_screen(picker(content_root, clock))
    await pilot.press("enter")
    await settle(pilot, run_screen_ready(pilot))


async def answer_first(pilot, content_root, clock) -> None:
    """The first scenario's main question, answered (hedging) after 41 seconds."""
    await open_brief(pilot, content_root, clock)
    await pilot.press("enter")
    await settle(pilot, editor_ready(pilot))
    clock.now += 41
    await answer(pilot, FIRST)


async def open_follow_up(pilot, content_root, clock) -> None:
    """The follow-up that reacts to the first answer, ready to be answered."""
    await answer_first(pilot, content_root, clock)
    await pilot.press("n")
    await settle(pilot, lambda: pilot.app.screen.phase == "answer" and bool(pilot.app.screen.query("#answer-editor")))


def test_practice_picker(snap_compare, make_app, content_root):
    """Includes a broken file: its line names it (the notification is cleared for the picture)."""
    (content_root / "scenarios" / "broken.toml").write_text('id = "broken"\n', encoding="utf-8")

    async def run_before(pilot):
        await pilot.app.push_screen(picker(content_root, FakeClock()))
        await settle(pilot, lambda: bool(pilot.app.screen.sets))
        await pilot.pause()  # the notification is a message: let it arrive, then clear it
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_practice_brief(snap_compare, make_app, content_root):
    clock = FakeClock()

    async def run_before(pilot):
        await open_brief(pilot, content_root, clock)
        await pilot.press("t")
        clock.now += 20
        pilot.app.screen.query_one("#run-timer").refresh_time()
        await pilot.press("t")  # paused, so nothing ticks while the picture is taken
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_practice_feedback(snap_compare, make_app, content_root):
    clock = FakeClock()

    async def run_before(pilot):
        await answer_first(pilot, content_root, clock)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_practice_feedback_light_theme(snap_compare, make_app, content_root):
    """In a light theme the footer's key letters and the model answer's title are dark enough to read."""
    clock = FakeClock()

    async def run_before(pilot):
        pilot.app.theme = "textual-light"
        await pilot.app.push_screen(picker(content_root, clock))
        await pilot.press("enter")
        await settle(pilot, run_screen_ready(pilot))
        await pilot.press("enter")
        await settle(pilot, editor_ready(pilot))
        clock.now += 41
        await answer(pilot, FIRST)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_practice_follow_up(snap_compare, make_app, content_root):
    """The follow-up that reacts: the interviewer's line and why it came."""
    clock = FakeClock()

    async def run_before(pilot):
        await open_follow_up(pilot, content_root, clock)
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_practice_summary(snap_compare, make_app, content_root):
    clock = FakeClock()

    async def run_before(pilot):
        await open_follow_up(pilot, content_root, clock)
        clock.now += 30
        await answer(pilot, SECOND)
        await pilot.press("s")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)
