"""How the progress screen and an opened attempt look with a seeded history (fixed clock, fixed
attempts, low-bandwidth). Baselines in snapshots/test_progress_snapshots/."""

from __future__ import annotations

import pytest

from goalcoach_test_support import open_progress
from test_progress_model import seed_history


@pytest.fixture
def seeded_app(make_app, profile):
    for record in seed_history():
        profile.add_attempt(record)
    return make_app(profile)


def test_progress_80x24(snap_compare, seeded_app):
    assert snap_compare(seeded_app, terminal_size=(80, 24), run_before=open_progress)


def test_progress_120x36(snap_compare, seeded_app):
    assert snap_compare(seeded_app, terminal_size=(120, 36), run_before=open_progress)


def test_progress_sorted_by_score_filtered_to_practice(snap_compare, seeded_app):
    async def run_before(pilot):
        await open_progress(pilot)
        await pilot.press("s", "s", "s", "k")

    assert snap_compare(seeded_app, terminal_size=(80, 24), run_before=run_before)


def test_attempt_detail_80x24(snap_compare, seeded_app):
    async def run_before(pilot):
        await open_progress(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()

    assert snap_compare(seeded_app, terminal_size=(80, 24), run_before=run_before)


def test_progress_chart_80x24(snap_compare, seeded_app):
    async def run_before(pilot):
        await open_progress(pilot)
        await pilot.press("c")
        await pilot.pause()

    assert snap_compare(seeded_app, terminal_size=(80, 24), run_before=run_before)
