"""How the recovery drill looks at 80×24: the picker, a drill, and its feedback.

Fixed content (written here), a fixed clock, low-bandwidth mode and a fixed coach result.
"""

from __future__ import annotations

import pytest

from goalcoach.content import load_drills
from goalcoach.domain import coaching
from goalcoach.screens.drill import DrillRunScreen, DrillScreen
from goalcoach.widgets.editor import AnswerEditor
from goalcoach_test_support import ELEMENTS, settle

DRILLS = '''
[[drills]]
id = "vague-grow"
misstep = "vague"
title = "The all-purpose 'I want to grow'"
question = "What are your career goals?"
flawed_answer = "I want to keep growing professionally and be successful in my career."
pushback = "That sounds a bit general. Could you be more specific?"
why_it_hurts = "Every candidate could say this, so it tells the interviewer nothing about you."
model_recovery = "Let me clarify. In my first year I want to run customer onboarding on my own."
tips = ["Swap every abstract word for the skill or role you mean."]

[[drills]]
id = "hedging-maybe"
misstep = "hedging"
title = "Maybe, probably, I guess"
question = "What are your career goals?"
flawed_answer = "I guess I'd maybe like to lead a team, probably."
pushback = "You don't sound very sure. What do you actually want?"
why_it_hurts = "Unsure wording makes the goal sound borrowed."
model_recovery = "To put that more clearly: I aim to lead the support team within two years."
tips = ["Say 'I plan to'."]
'''

RECOVERY = "Let me clarify. In my first year I want to own onboarding for your team."


def fixed_feedback(text: str) -> dict:
    found = {"acknowledgement": "Let me clarify", "short_term": "In my first year", "company_alignment": "your team"}
    spans = {code: [text.find(words), text.find(words) + len(words)] for code, words in found.items() if words in text}
    return {
        "words": len(text.split()), "speaking_seconds": 6.0, "score": 52, "quality": "adequate",
        "elements": {c: {"present": c in spans, "evidence": [spans[c]] if c in spans else []} for c in ELEMENTS},
        "issues": [{"code": "too_short", "start": 0, "end": len(text), "message": "Under 40 words.", "suggestion": "Say more."}],
        "terms": {"used": [], "missed": []},
    }


@pytest.fixture
def content_root(tmp_path):
    root = tmp_path / "content"
    (root / "drills").mkdir(parents=True)
    (root / "drills" / "drills.toml").write_text(DRILLS, encoding="utf-8")
    return root


@pytest.fixture(autouse=True)
def fixed_coach(monkeypatch):
    monkeypatch.setattr(coaching, "coach_answer", lambda text, profile, **kw: fixed_feedback(text))


def picker(content_root):
    return DrillScreen(loader=lambda: load_drills(root=content_root), clock=lambda: 100.0)


def test_drill_picker(snap_compare, make_app, content_root):
    async def run_before(pilot):
        await pilot.app.push_screen(picker(content_root))
        await settle(pilot, lambda: isinstance(pilot.app.screen, DrillScreen) and pilot.app.screen.drills)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


async def open_first_drill(pilot, content_root) -> None:
    """From the picker to the first drill's brief, its editor ready."""
    await pilot.app.push_screen(picker(content_root))
    await pilot.press("enter")
    await settle(pilot, lambda: isinstance(pilot.app.screen, DrillRunScreen) and bool(pilot.app.screen.query(AnswerEditor)))


def test_drill_brief(snap_compare, make_app, content_root):
    async def run_before(pilot):
        await open_first_drill(pilot, content_root)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_drill_feedback(snap_compare, make_app, content_root):
    async def run_before(pilot):
        await open_first_drill(pilot, content_root)
        pilot.app.screen.query_one(AnswerEditor).insert(RECOVERY)
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await settle(pilot, lambda: pilot.app.screen.phase == "feedback")

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)
